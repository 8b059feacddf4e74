"""The golden corpus: hand-made articles and the cleaned output they must give.

Each file in cases/ is read as one input; expected/<name>.json holds what
`clean` (and publication dates) must produce. After a deliberate change,
review the diff of `python tests/golden/test_golden.py --regen`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from storyline.api import story_from_articles
from storyline.ingest.read import read_inputs
from storyline.models import Story
from storyline.pipeline import Context, run_pipeline
from storyline.settings import load_options

HERE = Path(__file__).resolve().parent
CASES = sorted((HERE / "cases").iterdir())
STAGES = ["clean"]


def summarize(story: Story) -> dict:
    """The part of a Story the golden files pin down."""
    return {
        "skipped": [s.problem for s in story.skipped],
        "documents": [
            {
                "source": d.source,
                "published": d.published.model_dump(mode="json"),
                "title": d.title,
                "dek": d.dek,
                "captions": d.captions,
                "paragraphs": d.paragraphs,
                "removed": [[r.reason, r.text] for r in d.removed],
            }
            for d in story.documents
        ],
    }


def build(case: Path) -> dict:
    options = load_options()
    read = read_inputs([case])
    story = story_from_articles(read.articles, options)
    story.skipped = read.skipped
    story = run_pipeline(story, Context(options), STAGES)
    return summarize(story)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_case(case: Path) -> None:
    expected = json.loads((HERE / "expected" / f"{case.name}.json").read_text(encoding="utf-8"))
    got = build(case)
    # skipped inputs carry the temporary path; compare the problem only
    assert got == expected


if __name__ == "__main__" and "--regen" in sys.argv:
    (HERE / "expected").mkdir(exist_ok=True)
    for c in CASES:
        (HERE / "expected" / f"{c.name}.json").write_text(json.dumps(build(c), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print("wrote", c.name)
