"""Views for the renderers."""

from __future__ import annotations

from storyline.models import Claim, Document, Quote, Story
from storyline.render.claim_views import quotes_by_speaker, unique_by_source


def _story() -> Story:
    docs = [Document(id="d1", text="x" * 50), Document(id="d2", text="y" * 50)]
    claims = [
        Claim(id="d1.c1", doc="d1", start=0, end=5, text="xxxxx", unique=True),
        Claim(id="d1.c2", doc="d1", start=10, end=15, text="xxxxx", unique=True, type="prescription"),
        Claim(id="d1.c3", doc="d1", start=20, end=25, text="xxxxx", unique=False, type="prediction"),
        Claim(id="d2.c1", doc="d2", start=0, end=5, text="yyyyy", unique=False),
    ]
    quotes = [
        Quote(speaker="a2", text="x", doc="d1", start=1, end=2),
        Quote(speaker="a1", text="x", doc="d1", start=3, end=4),
        Quote(speaker="a2", text="y", doc="d2", start=1, end=2),
        Quote(speaker=None, text="y", doc="d2", start=5, end=6),
    ]
    return Story(documents=docs, claims=claims, quotes=quotes)


def test_unique_claims_prefer_positions_and_skip_shared_ones():
    views = unique_by_source(_story(), per_doc=1)
    assert [c.id for c in views["d1"]] == ["d1.c2"]
    assert "d2" not in views


def test_quotes_grouped_by_speaker_most_quoted_first():
    groups = quotes_by_speaker(_story())
    assert list(groups) == ["a2", "a1"] and len(groups["a2"]) == 2
