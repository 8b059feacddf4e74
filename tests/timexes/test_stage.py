"""The ``timexes`` stage on hand-written articles: kept blocks only, document offsets, the right anchor."""

from __future__ import annotations

from datetime import date

from storyline.api import story_from_articles
from storyline.ingest.read import RawArticle
from storyline.models import Story
from storyline.pipeline import Context, run_pipeline
from storyline.settings import Options
from storyline.timexes.stage import story_reference_date

STAGES = ["clean", "nlp", "dates", "timexes"]

TEXT = (
    "Harbor bridge to reopen\n\n"
    "The harbor bridge closed last week after inspectors found cracks, the city said on Tuesday. "
    "Repairs will take three months, and the bridge should reopen next spring.\n\n"
    "Advertisement\n\n"
    "The council met twice a week in 2019 to debate the bridge, and it now plans a second span for the 2030s."
)


def _build(options: Options, nlp, arts: list[RawArticle]) -> Story:
    story = story_from_articles(arts, options)
    ctx = Context(options)
    ctx.set_nlp(nlp)
    return run_pipeline(story, ctx, STAGES)


def test_timexes_point_at_the_document_text(options: Options, nlp) -> None:
    story = _build(options, nlp, [RawArticle(text=TEXT, file="a.txt", published=date(2022, 9, 8))])
    doc = story.documents[0]
    got = {(t.text, t.type, t.value) for t in story.timexes}
    assert ("last week", "DATE", "2022-W35") in got
    assert ("Tuesday", "DATE", "2022-09-06") in got  # past tense: the Tuesday before Thursday Sept. 8
    assert ("three months", "DURATION", "P3M") in got
    assert ("next spring", "DATE", "2023-SP") in got
    assert ("twice a week", "SET", "P1W") in got
    assert ("2019", "DATE", "2019") in got
    assert ("now", "DATE", "PRESENT_REF") in got
    assert ("the 2030s", "DATE", "203") in got
    for t in story.timexes:
        assert t.doc == doc.id
        assert doc.text[t.start : t.end] == t.text
    assert [t.start for t in story.timexes] == sorted(t.start for t in story.timexes)


def test_junk_blocks_are_not_scanned(options: Options, nlp) -> None:
    text = "Ferry service cut\n\nThe ferry will stop on Monday, the operator said.\n\nSubscribe today for $1 a week. Offer ends Friday.\n"
    story = _build(options, nlp, [RawArticle(text=text, file="a.txt", published=date(2022, 9, 8))])
    doc = story.documents[0]
    junk = [(b.start, b.end) for b in doc.blocks if b.kind == "junk"]
    assert junk, "the cleaner should drop the subscription line"
    for t in story.timexes:
        assert not any(s <= t.start < e for s, e in junk), t
    assert any(t.text == "Monday" and t.value == "2022-09-12" for t in story.timexes)  # future tense: the coming Monday


def test_undated_document_takes_the_story_date(options: Options, nlp) -> None:
    arts = [
        RawArticle(text="Storm hits coast\n\nThe storm hit the coast yesterday, officials said.", file="a.txt", published=date(2022, 9, 8), source="A"),
        RawArticle(text="Coast cleanup\n\nVolunteers began the cleanup today.", file="b.txt", source="B"),
    ]
    story = _build(options, nlp, arts)
    values = {(t.doc, t.text): t.value for t in story.timexes}
    a, b = (d.id for d in story.documents)
    assert values[(a, "yesterday")] == "2022-09-07"
    anchor = story.documents[1].published.anchor or story_reference_date(story)
    assert anchor is not None
    assert values[(b, "today")] == anchor.isoformat()


def test_no_date_at_all_keeps_only_absolute_expressions(options: Options, nlp) -> None:
    story = _build(options, nlp, [RawArticle(text="Old mill\n\nThe mill burned in 1911 and was rebuilt last year.", file="a.txt")])
    assert [(t.text, t.value) for t in story.timexes if t.type == "DATE"] == [("1911", "1911")]
