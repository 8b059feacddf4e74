"""TempEval-3 DATE timexes (TBAQ dev documents): storyline's `timexes` against the gold TIMEX3s.

    python benchmarks/bench_tempeval.py [--limit 80] [--errors FILE]      # in-process, model loaded once
    python benchmarks/bench_tempeval.py --cli [--limit 80] [--jobs 1]     # the project's scorer, one brief per document

In-process mode runs the stages `timexes` depends on (clean, nlp, dates,
timexes) on each document with its creation time as publication date, and
scores the result with the scoring function of ../shared/tools/score_tempeval3.py
(same matching, same figures). --cli runs that scorer itself (the whole
pipeline, one `storyline brief` per document: slower, the official figure).
Figures are printed next to the ones measured before the `timexes` stage
existed (the temporal module of the events stage, issue 11).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ROOT.parent / "shared" / "tools"
DEV = ROOT.parent / "shared" / "data" / "tempeval3" / "dev"
# relaxed P/R, value accuracy on matched, value F1, before the timexes stage (issue 11)
BEFORE = {"relaxed_p": 0.97, "relaxed_r": 0.69, "value_acc": 0.84, "value_f1": 0.68}
TARGET = {"relaxed_f1": 0.90, "value_f1": 0.85}
STAGES = ["clean", "nlp", "dates", "timexes"]


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_tempeval3", TOOLS / "score_tempeval3.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"no scorer at {TOOLS}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _docs(limit: int | None) -> list[dict]:
    docs = json.loads((DEV / "gold.json").read_text(encoding="utf-8"))["docs"]
    total = len(docs)
    if limit and limit < total:
        docs = [docs[i * total // limit] for i in range(limit)]  # the scorer's even spread
    return docs


def in_process(docs: list[dict]) -> dict[str, list[dict]]:
    from storyline.api import story_from_articles
    from storyline.ingest.read import RawArticle
    from storyline.language.model import load_model
    from storyline.pipeline import Context, run_pipeline
    from storyline.settings import load_options

    options = load_options()
    nlp = load_model(options.models)
    found: dict[str, list[dict]] = {}
    for doc in docs:
        art = RawArticle(text=(DEV / doc["file"]).read_text(encoding="utf-8"), file=doc["file"], published=date.fromisoformat(doc["dct"]))
        ctx = Context(options)
        ctx.set_nlp(nlp)
        story = run_pipeline(story_from_articles([art], options), ctx, STAGES)
        found[doc["id"]] = [t.model_dump() for t in story.timexes]
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=80, help="an even spread of N documents (0: all 256)")
    ap.add_argument("--cli", action="store_true", help="run the project's scorer (one brief per document)")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--errors", help="write misses, spurious finds and wrong values here (JSON lines)")
    a = ap.parse_args()
    if not (DEV / "gold.json").is_file():
        raise SystemExit(f"TempEval-3 data not found at {DEV}")
    if a.cli:
        cmd = [sys.executable, str(TOOLS / "score_tempeval3.py"), str(ROOT / ".venv" / "bin" / "storyline"), "--jobs", str(a.jobs), "--no-baseline"]
        cmd += ["--limit", str(a.limit)] if a.limit else []
        cmd += ["--errors", a.errors] if a.errors else []
        raise SystemExit(subprocess.call(cmd))
    scorer = _scorer()
    docs = _docs(a.limit or None)
    t0 = time.perf_counter()
    found = in_process(docs)
    secs = time.perf_counter() - t0
    errors: list[dict] | None = [] if a.errors else None
    m = scorer.score(docs, found, errors)
    if a.errors and errors is not None:
        Path(a.errors).write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors), encoding="utf-8")
    now = {"relaxed_p": m["relaxed"]["p"], "relaxed_r": m["relaxed"]["r"], "value_acc": m["value_accuracy_on_matched"], "value_f1": m["value"]["f1"]}
    print(f"TempEval-3 dev (TBAQ), DATE timexes: {len(docs)} documents, {m['gold_date_timexes']} gold, {m['system_timexes']} found, {secs:.0f} s")
    print(f"{'figure':<22} {'before':>7} {'now':>7}")
    for key, label in (("relaxed_p", "relaxed precision"), ("relaxed_r", "relaxed recall"), ("value_acc", "value acc (matched)"), ("value_f1", "value F1")):
        print(f"{label:<22} {BEFORE[key]:>7.3f} {now[key]:>7.3f}")
    before_f1 = 2 * BEFORE["relaxed_p"] * BEFORE["relaxed_r"] / (BEFORE["relaxed_p"] + BEFORE["relaxed_r"])
    print(f"{'relaxed F1':<22} {before_f1:>7.3f} {m['relaxed']['f1']:>7.3f}   (target {TARGET['relaxed_f1']:.2f})")
    print(f"{'strict F1':<22} {'':>7} {m['strict']['f1']:>7.3f}")
    print(f"value F1 target {TARGET['value_f1']:.2f}")
    print()
    print(f"{'gold kind':<28} {'n':>4} {'found':>6} {'value ok':>9}")
    for kind, v in m["by_kind"].items():
        print(f"{kind:<28} {v['gold']:>4} {v['found']:>6} {v['value_ok']:>9}")


if __name__ == "__main__":
    main()
