"""The timeline in one run: TempEval-3 DATE timexes and events on the dev stories, next to a baseline.

    python benchmarks/bench_timeline.py [--baseline main] [--limit 0] [--no-baseline]

Measures this tree and, in the same run, the baseline revision (default
``main``; its ``src`` is exported with ``git archive`` into a temporary
folder, nothing of the repository is touched). Each side runs in its own
subprocess with its own ``src`` first on the path and the same interpreter,
so both are measured on the same machine, data and scorers:

- TempEval-3 TBAQ dev, DATE timexes (``bench_tempeval.in_process``, scored
  with ../shared/tools/score_tempeval3.py): relaxed P/R/F1, value accuracy
  on matched, value F1;
- events on the seed story and the three dev stories (``bench_events``,
  scored with ../shared/tools/score.py): gold events found, category agrees.

Reads the shared folder; prints figures only, none of its texts.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent
TARGET = {"relaxed_f1": 0.90, "value_f1": 0.85, "dev_events": 0.55, "category": 0.60}


def worker(limit: int) -> dict[str, Any]:
    """The figures of the ``storyline`` importable here (the tree on the path)."""
    sys.path.insert(0, str(BENCH))
    import bench_events
    import bench_tempeval

    out: dict[str, Any] = {}
    t0 = time.perf_counter()
    scorer = bench_tempeval._scorer()
    docs = bench_tempeval._docs(limit or None)
    m = scorer.score(docs, bench_tempeval.in_process(docs))
    out["tempeval"] = {
        "docs": len(docs), "gold": m["gold_date_timexes"], "found": m["system_timexes"],
        "relaxed_p": m["relaxed"]["p"], "relaxed_r": m["relaxed"]["r"], "relaxed_f1": m["relaxed"]["f1"],
        "value_acc": m["value_accuracy_on_matched"], "value_f1": m["value"]["f1"], "seconds": time.perf_counter() - t0,
    }
    t0 = time.perf_counter()
    stories = {}
    for name, path, gold_path in bench_events.STORIES:
        if gold_path.is_file():
            res = bench_events.score_story(path, gold_path, gold_dates=False)
            stories[name] = {"found": res["found"], "of": res["of"], "agrees": res["category_agrees"], "events": res["run_events"]}
    out["events"] = stories
    out["events_seconds"] = time.perf_counter() - t0
    return out


def measure(src: Path, limit: int) -> dict[str, Any]:
    env = dict(os.environ, PYTHONPATH=str(src) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", "--limit", str(limit)]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"measuring {src} failed:\n{done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def export(ref: str, into: Path) -> str:
    """Write ``ref``'s src folder under ``into``; return its short commit id."""
    sha = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", ref], capture_output=True, text=True, check=True).stdout.strip()
    archive = subprocess.Popen(["git", "-C", str(ROOT), "archive", ref, "src"], stdout=subprocess.PIPE)
    subprocess.run(["tar", "-x", "-C", str(into)], stdin=archive.stdout, check=True)
    if archive.wait() != 0:
        raise SystemExit(f"git archive {ref} failed")
    return sha


def _dev(ev: dict[str, Any]) -> tuple[int, int, int]:
    found = sum(v["found"] for k, v in ev.items() if k != "seeds")
    of = sum(v["of"] for k, v in ev.items() if k != "seeds")
    agrees = sum(v["agrees"] for k, v in ev.items() if k != "seeds")
    return found, of, agrees


def report(now: dict[str, Any], base: dict[str, Any] | None, base_label: str) -> None:
    cols = [("now", now)] + ([(base_label, base)] if base is not None else [])
    w = max(12, *(len(c) + 2 for c, _ in cols))
    te = now["tempeval"]
    print(f"TempEval-3 dev (TBAQ), DATE timexes: {te['docs']} documents, {te['gold']} gold")
    print(f"{'figure':<24}" + "".join(f"{c:>{w}}" for c, _ in cols) + "   target")
    rows = [("found", "found", None), ("relaxed precision", "relaxed_p", None), ("relaxed recall", "relaxed_r", None),
            ("relaxed F1", "relaxed_f1", TARGET["relaxed_f1"]), ("value acc (matched)", "value_acc", None), ("value F1", "value_f1", TARGET["value_f1"])]
    for label, key, target in rows:
        cells = "".join(f"{r['tempeval'][key]:>{w}}" if key == "found" else f"{r['tempeval'][key]:>{w}.3f}" for _, r in cols)
        print(f"{label:<24}{cells}" + (f"   >= {target:.2f}" if target else ""))
    print()
    print("Events (../shared/tools/score.py, the story's own dates): found/of, category agrees")
    print(f"{'story':<24}" + "".join(f"{c:>{w}}" for c, _ in cols))
    for name in now["events"]:
        cells = ""
        for _, r in cols:
            v = r["events"].get(name)
            text = f"{v['found']}/{v['of']} ({v['agrees']})" if v else "-"
            cells += f"{text:>{w}}"
        print(f"{name:<24}{cells}")
    dev_cells = ""
    cat_cells = ""
    for _, r in cols:
        found, of, agrees = _dev(r["events"])
        dev = f"{found}/{of} {found / of:.0%}" if of else "-"
        cat = f"{agrees}/{found} {agrees / found:.0%}" if found else "-"
        dev_cells += f"{dev:>{w}}"
        cat_cells += f"{cat:>{w}}"
    print(f"{'dev events':<24}{dev_cells}   >= {TARGET['dev_events']:.0%}")
    print(f"{'dev category agrees':<24}{cat_cells}   >= {TARGET['category']:.0%}")
    secs = " / ".join(f"{c} {r['tempeval']['seconds'] + r['events_seconds']:.0f} s" for c, r in cols)
    print(f"\n(time: {secs})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--baseline", default="main", help="git revision to measure beside this tree (default: main)")
    ap.add_argument("--no-baseline", action="store_true", help="measure this tree only")
    ap.add_argument("--limit", type=int, default=0, help="an even spread of N TBAQ documents (0: all)")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.worker:
        print(json.dumps(worker(a.limit)))
        return
    shared = ROOT.parent / "shared"
    if not (shared / "data" / "tempeval3" / "dev" / "gold.json").is_file() or not (shared / "tools" / "score.py").is_file():
        raise SystemExit(f"the shared data is not at {shared}: nothing to measure")
    now = measure(ROOT / "src", a.limit)
    base = None
    label = ""
    if not a.no_baseline:
        with tempfile.TemporaryDirectory(prefix="storyline-baseline-") as tmp:
            sha = export(a.baseline, Path(tmp))
            label = f"{a.baseline}@{sha}"
            base = measure(Path(tmp) / "src", a.limit)
    report(now, base, label)


if __name__ == "__main__":
    main()
