"""End to end: `storyline brief` on the seed story and the three dev stories, scored by the shared scorer.

The floors below are what the project has reached; a change that drops below
one fails CI (raise them as the pipeline improves, never lower them quietly).
The seed story keeps its own floors; the dev stories (``../shared/gold/dev``)
are scored together with it and floored on the SUMS over all four stories,
never on one story's exact counts.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from storyline.cli import main

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score.py"
GOLD = SHARED / "gold" / "seeds.json"
SEEDS = ROOT / "examples" / "syria-2016"
DEV = SHARED / "gold" / "dev"
DEV_STORIES = ("val-101", "val-1397", "val-2986")

pytestmark = pytest.mark.skipif(not SCORER.is_file(), reason="../shared (scorer and gold) is not beside this checkout")


def _score(story_dir: Path, gold: Path, out: Path) -> dict[str, Any]:
    assert main(["brief", str(story_dir), "--out", str(out)]) == 0
    for name in ("story.json", "story.md", "story.html"):
        assert (out / name).stat().st_size > 0
    res = subprocess.run([sys.executable, str(SCORER), str(gold), str(out / "story.json"), "--json"], capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(res.stdout)
    return result


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return _score(SEEDS, GOLD, tmp_path_factory.mktemp("seeds"))


@pytest.fixture(scope="module")
def dev_scored(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    missing = [n for n in DEV_STORIES if not (DEV / n).is_dir() or not (DEV / f"{n}.json").is_file()]
    if missing:
        pytest.skip(f"dev stories {', '.join(missing)} are not in {DEV} (the shared gold folder)")
    return {n: _score(DEV / n, DEV / f"{n}.json", tmp_path_factory.mktemp(n)) for n in DEV_STORIES}


def test_example_story_is_the_seed_story() -> None:
    for seed in (SHARED / "seeds").glob("*.txt"):
        assert (SEEDS / seed.name).read_bytes() == seed.read_bytes()


def test_boilerplate_removed_and_no_body_line_lost(scored: dict) -> None:
    assert scored["missing_docs"] == []
    b = scored["boilerplate"]
    assert (b["removed"], b["of"], b["body_lost"]) == (9, 9, 0), b["misses"]


def test_every_span_reproduces_its_text(scored: dict) -> None:
    assert scored["spans"]["bad"] == 0


def test_actors_canonical_with_aliases_resolved(scored: dict) -> None:
    a, al = scored["actors"], scored["aliases"]
    assert (a["found"], a["splits"], a["merges"], a["forbidden"]) == (a["of"], 0, 0, 0), a["misses"]
    assert al["resolved"] == al["of"], al["misses"]


def test_events_dated_and_attributed(scored: dict) -> None:
    assert scored["events"]["found"] >= 13, scored["events"]["misses"]


def test_quotes_with_right_speakers(scored: dict) -> None:
    q = scored["quotes"]
    assert (q["found"], q["false_attributions"]) == (q["of"], 0), q["misses"]


def test_open_questions_found_and_answered(scored: dict) -> None:
    q = scored["questions"]
    assert q["found"] >= 5, q["misses"]
    assert q["answers_linked"] >= 2, q["misses"]


def test_sources_compared(scored: dict) -> None:
    c = scored["comparisons"]
    assert c["agreements"] >= 2, c["misses"]
    assert c["divergences"] >= 1, c["misses"]


# Sums over the seed story and the three dev stories: (section, field) -> floor, or ceiling for what must stay low.
SUM_FLOORS = {  # the issue-9 starting sums were 13, 67, 20, 17, 48, 5, 1, 7, 2; these are what the project reached since
    ("boilerplate", "removed"): 27,
    ("actors", "found"): 67,
    ("aliases", "resolved"): 32,  # 27 before descriptive references (relatives, epithets, "identified as", former roles)
    ("events", "found"): 44,  # 41 before gendered pronouns, dated participles, state passives and "minutes later"
    ("events", "category_agrees"): 34,  # 33 before descriptive aliases, 29 before the events4 changes; was 25 before the verb:object pairs, the agent-noun rule and dated measures of actions
    ("quotes", "found"): 62,  # 59 before descriptive aliases
    ("comparisons", "agreements"): 11,  # 9 before word families (payment/pay) joined a third source, 10 before join_floor 0.18
    ("comparisons", "divergences"): 7,  # 4 before knowledge hedges, positions reckoned from steps and scope divergences
    ("questions", "found"): 15,
    ("questions", "answers_linked"): 7,  # 8 with answers through agreements alone: a resolved alias ("the woman" = Al-Rahabi) lets a less precise sentence win one document's slot; 5 before the asked kind (where, why, what fault) of a question, 7 before answers through agreements
}
SUM_CEILINGS = {  # were 2, 6, 2
    ("boilerplate", "body_lost"): 0,
    ("actors", "splits"): 0,
    ("actors", "forbidden"): 0,  # names that must not be actors (bylines, credits)
    ("quotes", "false_attributions"): 0,  # 1 before a quoted subject noun with its determiner outside the marks was a named thing
}


def _sums(scored: dict[str, Any], dev_scored: dict[str, dict[str, Any]]) -> dict[tuple[str, str], int]:
    runs = [scored, *dev_scored.values()]
    keys = {*SUM_FLOORS, *SUM_CEILINGS}
    return {(sec, field): sum(int(r[sec][field]) for r in runs) for sec, field in keys}


def test_four_story_sums_stay_at_or_above_the_floors(scored: dict[str, Any], dev_scored: dict[str, dict[str, Any]]) -> None:
    sums = _sums(scored, dev_scored)
    low = {k: (sums[k], floor) for k, floor in SUM_FLOORS.items() if sums[k] < floor}
    high = {k: (sums[k], ceiling) for k, ceiling in SUM_CEILINGS.items() if sums[k] > ceiling}
    assert not low and not high, f"below floor: {low}; above ceiling: {high}"


def test_every_dev_span_reproduces_its_text(dev_scored: dict[str, dict[str, Any]]) -> None:
    for name, result in dev_scored.items():
        assert result["missing_docs"] == [], name
        assert result["spans"]["bad"] == 0, name
