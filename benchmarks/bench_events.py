"""Events found on the seed and dev stories, scored by the project's judge, next to the starting figures.

    python benchmarks/bench_events.py [--gold-dates] [--misses]

For each story (../shared/seeds and ../shared/gold/dev/val-*), runs the
pipeline and scores story.json's events with ../shared/tools/score.py: gold
events found, PLOVER category agreeing on the found ones, events in the
story. With --gold-dates each document is given the publication range its
gold file states, so that extraction is measured apart from date inference.
Reads the shared folder; prints nothing of its texts.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from storyline.api import story_from_articles
from storyline.ingest.read import read_inputs
from storyline.models import PublishedRange
from storyline.pipeline import Context, run_pipeline
from storyline.render.json import render_json
from storyline.settings import load_options

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
STORIES = [("seeds", SHARED / "seeds", SHARED / "gold" / "seeds.json")] + [
    (name, SHARED / "gold" / "dev" / name, SHARED / "gold" / "dev" / f"{name}.json") for name in ("val-101", "val-1397", "val-2986")
]
# Found / of before this work (story's own dates), from the issue and the brief.
BEFORE = {"seeds": "13/14", "val-101": "0/12", "val-1397": "0/13", "val-2986": "4/15"}


def _scorer() -> Any:
    spec = importlib.util.spec_from_file_location("score", SHARED / "tools" / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit("score.py not found in ../shared/tools")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.Scorer


def score_story(path: Path, gold_path: Path, gold_dates: bool) -> dict[str, Any]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    options = load_options(formats=["json"])
    ctx = Context(options)
    story = story_from_articles(read_inputs([path], options.max_input_bytes).articles, options)
    if gold_dates:
        by_file = {Path(g["file"]).name: g["published"] for g in gold["documents"]}
        for doc in story.documents:
            pub = by_file.get(Path(doc.file or "").name)
            if pub:
                doc.published = PublishedRange(earliest=date.fromisoformat(pub["earliest"]), latest=date.fromisoformat(pub["latest"]), why="gold")
    story = run_pipeline(story, ctx)
    result: dict[str, Any] = _scorer()(gold, json.loads(render_json(story))).run()["events"]
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold-dates", action="store_true", help="give each document its gold publication range")
    ap.add_argument("--misses", action="store_true", help="list the gold events not found")
    args = ap.parse_args(argv)
    if not (SHARED / "tools" / "score.py").is_file():
        print("../shared is not available: nothing to measure", file=sys.stderr)
        return 1
    found = of = agree = 0
    for name, path, gold_path in STORIES:
        if not gold_path.is_file():
            continue
        res = score_story(path, gold_path, args.gold_dates)
        print(f"{name:9} events {res['found']:>2}/{res['of']:<2} category agrees {res['category_agrees']:>2}  "
              f"story has {res['run_events']:>3}   (before, own dates: {BEFORE[name]})")
        if args.misses:
            for miss in res["misses"]:
                print("    -", miss)
        if name != "seeds":
            found, of, agree = found + res["found"], of + res["of"], agree + res["category_agrees"]
    share = f"{found / of:.0%}" if of else "-"
    print(f"dev total events {found}/{of} ({share}), category agrees on {agree}/{found}   (before, own dates: 4/40)"
          + ("   [gold publication dates]" if args.gold_dates else "   [the story's own dates]"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
