"""The importable API: one path or many, texts in memory, stored stories, tables and frames."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from storyline.api import build_story, story_from_texts
from storyline.errors import InputError
from storyline.models import Actor, Event, Mention, Span, Story
from storyline.render import render_json

ARTICLE = (
    "Bridge Closed After Storm\n\n"
    "The regional transport office closed the river bridge on Sunday after storm damage, a spokesman said.\n\n"
    "Engineers will inspect the pillars this week.\n"
)


@pytest.fixture()
def stages(options):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    return replace(options, pipeline=("clean", "nlp"))


@pytest.mark.parametrize("kind", [str, Path, list])
def test_a_single_path_as_str_or_path_or_list(tmp_path: Path, stages, kind) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "one.txt").write_text(ARTICLE, encoding="utf-8")
    arg = [str(tmp_path)] if kind is list else kind(tmp_path)
    story = build_story(arg, stages)
    assert [d.file for d in story.documents] == ["one.txt"]


def test_story_from_texts_in_memory(stages) -> None:  # type: ignore[no-untyped-def]
    story = story_from_texts([ARTICLE, "   ", ARTICLE.replace("Sunday", "Monday")], stages, sources=["Gazette", None, "Herald"])
    assert [d.source for d in story.documents] == ["Gazette", "Herald"]
    assert [s.input for s in story.skipped] == ["text 2"]
    assert story.documents[0].blocks, "the pipeline ran"


def test_story_load_round_trips_and_names_bad_files(tmp_path: Path, stages) -> None:  # type: ignore[no-untyped-def]
    story = story_from_texts(ARTICLE, stages)
    path = tmp_path / "story.json"
    path.write_text(render_json(story), encoding="utf-8")
    assert Story.load(path) == story
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    for p in (bad, tmp_path / "missing.json"):
        with pytest.raises(InputError) as exc:
            Story.load(p)
        assert str(p) in str(exc.value) and "\n" not in str(exc.value)


def _story_with_events() -> Story:
    text = "Officials met in the capital. A second meeting is planned."
    from storyline.models import Document

    doc = Document(id="d1", source="=HYPERLINK(\"http://x\")", url="https://example.org/n", text=text)
    return Story(
        documents=[doc],
        actors=[Actor(id="a1", name="@officials", kind="group", mentions=[Mention(doc="d1", start=0, end=9, text="Officials")])],
        events=[
            Event(id="e1", date="2024-05", who="a1", category="CONSULT", text="-met in the capital", evidence=[Span(doc="d1", start=0, end=29)]),
            Event(id="e2", date="2024-05-07", text="+1 planned", evidence=[Span(doc="d1", start=30, end=58)]),
            Event(id="e3", text="\tundated"),
        ],
    )


def test_events_csv_has_precision_docs_spans_urls_and_no_formulas() -> None:
    from storyline.render.events_table import render_events_table

    rows = list(csv.DictReader(io.StringIO(render_events_table(_story_with_events()))))
    assert [r["date_precision"] for r in rows] == ["month", "day", ""]
    assert rows[0]["docs"] == "d1" and rows[0]["spans"] == "d1:0-29" and rows[0]["urls"] == "https://example.org/n"
    for r in rows:
        for cell in r.values():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert rows[0]["sources"].startswith("'=HYPERLINK")
    assert rows[0]["who"] == "'@officials"


def test_frames_with_pandas() -> None:
    pytest.importorskip("pandas")
    story = _story_with_events()
    ev = story.events_frame()
    assert list(ev["id"]) == ["e1", "e2", "e3"] and "date_precision" in ev.columns
    ac = story.actors_frame()
    assert list(ac["name"]) == ["@officials"] and int(ac["mentions"].iloc[0]) == 1
