"""How time and memory grow with the input: stories of many articles, and single huge documents.

    python benchmarks/bench_scale.py [--articles 2,10,50,200,1000] [--docs 100k,1m,19m] [--timeout 900]

Stories are built from the article texts of ../shared/data/multinews/dev.jsonl
(repeated with a numbered first line when more are asked for than it holds);
single documents from its paragraphs glued into one file of the given size.
Each measurement is one `storyline brief` run in its own process (model load
included, writing json/md/html), timed with its peak RSS; the per-stage
seconds come from the API. The fitted exponent is the slope of log(stage
seconds, model load excluded) against log(characters) between successive sizes: 1 is linear, 2 quadratic;
then one line per stage, flagged when a step's slope exceeds that of n log n (by more than 0.1). Timings are wall-clock seconds: on a machine shared with
other work, compare slopes and the process's CPU seconds ("cpu s", model load
included).
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "data" / "multinews" / "dev.jsonl"

_WORKER = """
import json, resource, sys, time
from pathlib import Path
from storyline.api import brief
from storyline.settings import load_options
t0 = time.perf_counter()
result = brief([sys.argv[1]], Path(sys.argv[2]), load_options(formats=["json", "md", "html"]))
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"seconds": time.perf_counter() - t0, "timings": result.timings, "cpu": usage.ru_utime + usage.ru_stime,
                  "documents": len(result.story.documents), "cuts": len(result.story.cuts),
                  "peak_mb": usage.ru_maxrss / 1024}))
"""


def _articles() -> list[str]:
    texts: list[str] = []
    with DEV.open(encoding="utf-8") as fh:
        for line in fh:
            texts.extend(d for d in json.loads(line)["documents"] if len(d.split()) > 150)
    return texts


def _size(label: str) -> int:
    label = label.lower()
    mult = {"k": 1_000, "m": 1_000_000}
    return int(float(label[:-1]) * mult[label[-1]]) if label[-1] in mult else int(label)


def _measure(path: Path, timeout: float) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as out:
        t0 = time.perf_counter()
        try:
            proc = subprocess.run([sys.executable, "-c", _WORKER, str(path), out], capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            return {"error": f"over {timeout:.0f}s"}
        wall = time.perf_counter() - t0
        if proc.returncode != 0:
            return {"error": proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else f"exit {proc.returncode}"}
        row: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
        row["wall"] = wall
        return row


def _slope(n1: int, t1: float, n2: int, t2: float) -> float | None:
    return math.log(t2 / t1) / math.log(n2 / n1) if t1 > 0 and t2 > 0 and n2 > n1 else None


def _exponents(rows: list[tuple[int, dict[str, object]]]) -> list[str]:
    """The slope of all stages' seconds between successive sizes."""
    out = []
    ok = [(n, sum(r["timings"].values())) for n, r in rows if isinstance(r.get("timings"), dict)]  # type: ignore[union-attr]
    for (n1, t1), (n2, t2) in itertools.pairwise(ok):
        k = _slope(n1, t1, n2, t2)
        if k is not None:
            out.append(f"{n1}->{n2}: {k:.2f}")
    return out


def _nlogn_slope(n1: int, n2: int) -> float:
    """The slope an n log n cost has between two sizes (about 1.1-1.2 for the steps measured here)."""
    return math.log((n2 * math.log(n2)) / (n1 * math.log(n1))) / math.log(n2 / n1)


def _stage_exponents(rows: list[tuple[int, dict[str, object]]], floor: float) -> list[str]:
    """One line per stage: its slope for each step between successive sizes, and whether one exceeds n log n.

    A step where the stage took under ``floor`` seconds at either size is shown as "-" (noise).
    """
    ok = [(n, r["timings"]) for n, r in rows if isinstance(r.get("timings"), dict)]
    stages = list(dict.fromkeys(k for _, t in ok for k in t))  # type: ignore[attr-defined]
    steps = list(itertools.pairwise(ok))
    head = "".join(f"{f'{n1}->{n2}':>18}" for (n1, _), (n2, _) in steps)
    out = [f"{'stage':>12}{head}  worst vs n log n"]
    for stage in stages:
        cells, worst = [], ""
        for (n1, t1), (n2, t2) in steps:
            a, b = float(t1.get(stage, 0.0)), float(t2.get(stage, 0.0))  # type: ignore[attr-defined]
            k = _slope(n1, a, n2, b) if a >= floor and b >= floor else None
            cells.append(f"{'-' if k is None else f'{k:.2f}':>18}")
            if k is not None and k > _nlogn_slope(n1, n2) + 0.1:
                worst = f"above n log n ({k:.2f} > {_nlogn_slope(n1, n2):.2f} at {n1}->{n2})"
        out.append(f"{stage:>12}{''.join(cells)}  {worst or 'ok'}")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", default="2,10,50,200,1000")
    ap.add_argument("--docs", default="100k,1m,19m")
    ap.add_argument("--timeout", type=float, default=900.0)
    args = ap.parse_args()
    if not DEV.is_file():
        print(f"skipped: {DEV} is absent")
        return 0
    pool = _articles()
    with tempfile.TemporaryDirectory() as tmp:
        story_rows: list[tuple[int, dict[str, object]]] = []
        print(f"{'input':>22} {'chars':>11} {'docs':>5} {'cuts':>5} {'brief s':>8} {'stages s':>8} {'cpu s':>7} {'peak MB':>8}  slowest stages")
        for n in [int(x) for x in args.articles.split(",") if x]:
            folder = Path(tmp) / f"story{n}"
            folder.mkdir()
            chars = 0
            for i in range(n):
                text = (f"Copy {i // len(pool)}\n\n" if i >= len(pool) else "") + pool[i % len(pool)]
                (folder / f"{i:05d}.txt").write_text(text, encoding="utf-8")
                chars += len(text)
            row = _measure(folder, args.timeout)
            story_rows.append((chars, row))
            _print(f"story of {n} articles", chars, row)
        print("fitted exponent (time vs characters), stories: " + ", ".join(_exponents(story_rows)))
        print("  per stage (slope of its seconds vs characters; '-' where it took under 1 s):")
        print("\n".join(_stage_exponents(story_rows, 1.0)))
        doc_rows: list[tuple[int, dict[str, object]]] = []
        paragraphs = [p for t in pool for p in t.split("\n") if len(p.split()) > 8]
        for label in [x for x in args.docs.split(",") if x]:
            target = _size(label)
            parts: list[str] = []
            size = 0
            i = 0
            while size < target:
                p = paragraphs[i % len(paragraphs)]
                parts.append(p)
                size += len(p) + 2
                i += 1
            path = Path(tmp) / f"doc-{label}.txt"
            path.write_text("\n\n".join(parts), encoding="utf-8")
            row = _measure(path, args.timeout)
            doc_rows.append((size, row))
            _print(f"one document of {label}", size, row)
        print("fitted exponent (time vs characters), documents: " + ", ".join(_exponents(doc_rows)))
        print("  per stage (slope of its seconds vs characters; '-' where it took under 1 s):")
        print("\n".join(_stage_exponents(doc_rows, 1.0)))
    return 0


def _print(label: str, chars: int, row: dict[str, object]) -> None:
    if "error" in row:
        print(f"{label:>22} {chars:>11} failed: {row['error']}")
        return
    timings = row.get("timings") or {}
    assert isinstance(timings, dict)
    top = ", ".join(f"{k} {v:.1f}" for k, v in sorted(timings.items(), key=lambda kv: -kv[1])[:4])
    print(f"{label:>22} {chars:>11} {row['documents']:>5} {row['cuts']:>5} {float(row['seconds']):>8.1f} {sum(timings.values()):>8.1f} {float(row['cpu']):>7.1f} {float(row['peak_mb']):>8.0f}  {top}")  # type: ignore[arg-type]


if __name__ == "__main__":
    sys.exit(main())
