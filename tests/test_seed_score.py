"""End to end: `storyline brief` on the seed story, scored by the shared scorer.

The floors below are what the project has reached; a change that drops below
one fails CI (raise them as the pipeline improves, never lower them quietly).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from storyline.cli import main

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score.py"
GOLD = SHARED / "gold" / "seeds.json"
SEEDS = ROOT / "examples" / "syria-2016"

pytestmark = pytest.mark.skipif(not SCORER.is_file(), reason="../shared (scorer and gold) is not beside this checkout")


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("seeds")
    assert main(["brief", str(SEEDS), "--out", str(out)]) == 0
    for name in ("story.json", "story.md", "story.html"):
        assert (out / name).stat().st_size > 0
    res = subprocess.run([sys.executable, str(SCORER), str(GOLD), str(out / "story.json"), "--json"], capture_output=True, text=True, check=True)
    return json.loads(res.stdout)


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
    assert scored["events"]["found"] >= 12, scored["events"]["misses"]


def test_quotes_with_right_speakers(scored: dict) -> None:
    q = scored["quotes"]
    assert (q["found"], q["false_attributions"]) == (q["of"], 0), q["misses"]


def test_open_questions_found_and_answered(scored: dict) -> None:
    q = scored["questions"]
    assert q["found"] >= 4, q["misses"]
    assert q["answers_linked"] >= 2, q["misses"]


def test_sources_compared(scored: dict) -> None:
    c = scored["comparisons"]
    assert c["agreements"] >= 2, c["misses"]
    assert c["divergences"] >= 1, c["misses"]
