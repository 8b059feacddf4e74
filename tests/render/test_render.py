"""story.json follows the published schema; story.md and story.html show every section."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from storyline.models import Actor, Agreement, Event, Mention, Question, Quote, Relation, Span, Story, SummarySentence
from storyline.render import render_html, render_json, render_markdown, story_schema

ROOT = Path(__file__).resolve().parents[2]


def enrich(story: Story) -> Story:
    """Add one record of every kind, built by hand against the document text."""
    doc = story.documents[0]
    t = doc.text

    def span(needle: str) -> Span:
        i = t.index(needle)
        return Span(doc=doc.id, start=i, end=i + len(needle), text=needle)

    mayor = span("Mayor Ann Lopez")
    council = span("The city council")
    story.actors = [
        Actor(id="a1", name="Ann Lopez", kind="person", role="mayor", mentions=[Mention(doc=doc.id, start=mayor.start, end=mayor.end, text=mayor.text)]),
        Actor(id="a2", name="city council", kind="organization", mentions=[Mention(doc=doc.id, start=council.start, end=council.end, text=council.text)]),
    ]
    story.relations = [Relation(source="a1", target="a2", type="supports", weight=2.0, evidence=[span("The city council approved")])]
    story.events = [
        Event(id="e1", date="2024-04-30", who="a2", category="AGREE", text="approved the budget", evidence=[span("approved a budget")]),
        Event(id="e2", who="a1", category="OTHER", text="said taxes stay flat", modality="predicted", evidence=[span("keep taxes flat")]),
    ]
    q = span("a plan that works")
    story.quotes = [Quote(speaker="a1", cue="said", text=q.text, doc=doc.id, start=q.start, end=q.end)]
    story.agreements = [Agreement(claim="The budget passed.", evidence=[span("approved a budget")], confidence=0.8)]
    qq = span("Will the library stay open?")
    story.questions = [Question(doc=doc.id, start=qq.start, end=qq.end, text=qq.text, answers=[span("library hours")])]
    story.summary = [SummarySentence(text="The city council approved a budget.", sources=[span("The city council approved a budget")])]
    return story


TEXT = (
    "Council Approves Budget\n\n"
    "The city council approved a budget on Tuesday after a long debate over roads and library hours.\n\n"
    "Mayor Ann Lopez said it was “a plan that works” and would keep taxes flat.\n\n"
    "Will the library stay open? Residents asked <b>loudly</b> & often.\n\n"
    "Subscribe now for unlimited access.\n"
)


def test_json_validates_against_the_published_schema(make_story) -> None:
    story = enrich(make_story([TEXT]))
    data = json.loads(render_json(story))
    jsonschema.validate(data, story_schema())
    published = json.loads((ROOT / "schema" / "story.schema.json").read_text(encoding="utf-8"))
    assert published == story_schema(), "schema/story.schema.json is stale: run `storyline schema --out schema/story.schema.json`"
    for key in ("documents", "actors", "events", "quotes", "agreements", "divergences", "questions", "summary"):
        assert key in data
    d = data["documents"][0]
    assert d["title"] == "Council Approves Budget"
    assert d["removed"][0]["reason"] == "paywall"
    for a in data["actors"]:
        for m in a["mentions"]:
            assert d["text"][m["start"] : m["end"]] == m["text"]


def test_markdown_has_every_section_with_sources(make_story) -> None:
    md = render_markdown(enrich(make_story([TEXT], sources=["Ledger"])))
    for heading in ("## Brief", "## Actors", "## Timeline", "## Who said what", "## Sources compared", "## Sources"):
        assert heading in md
    assert "**2024-04-30** city council" in md
    assert "*(predicted)*" not in md.split("Undated:")[0]  # undated events are listed apart
    assert "“a plan that works” (said) [[Ledger](#src-d1)]" in md
    assert '<a id="src-d1"></a>' in md  # the anchor the citations link to
    assert "*(predicted)*" in md.split("Undated:")[1]  # an undated event keeps its modality flag
    assert "~~Subscribe now for unlimited access.~~ (paywall)" in md


def test_html_is_self_contained_and_escaped(make_story) -> None:
    page = render_html(enrich(make_story([TEXT])))
    assert page.startswith("<!DOCTYPE html>")
    # no external assets: no src= at all, no stylesheet links, no remote fetches
    assert not re.search(r"<(?:script|img|iframe)[^>]+src=", page)
    assert "<link" not in page and "@import" not in page and "fetch(" not in page
    assert "&lt;b&gt;loudly&lt;/b&gt; &amp; often" in page  # article text is escaped
    assert 'id="graph-data"' in page and 'id="timeline-data"' in page
    # every citation link carries offsets that reproduce a span of its document
    story_text = TEXT
    for start, end in re.findall(r'data-doc="d1" data-start="(\d+)" data-end="(\d+)"', page):
        assert 0 <= int(start) < int(end) <= len(story_text)


def test_every_schema_property_is_described() -> None:
    schema = story_schema()
    records = [("Story", schema), *schema["$defs"].items()]
    props = [(name, key, p) for name, rec in records for key, p in rec.get("properties", {}).items()]
    undescribed = [f"{name}.{key}" for name, key, p in props if not p.get("description")]
    # a field added without a description shows up here: add it to render/json.py DESCRIPTIONS
    assert len(undescribed) <= len(props) // 20, f"properties without a description: {undescribed}"
    for core in ("Span.start", "Event.date", "Event.modality", "Document.text", "Actor.country", "Quote.speaker"):
        assert core not in undescribed


def test_hostile_text_is_inert_without_a_browser() -> None:
    """The same hostile story as the browser test, checked on the markup itself."""
    from .test_browser import hostile_story

    story = hostile_story()
    page = render_html(story)
    body = page.split("<body>", 1)[1]
    assert not re.search(r"""href\s*=\s*["']?\s*(?:javascript|data):""", body, re.IGNORECASE)
    assert "<script>window.__pwned" not in page and "<img src=x" not in page
    # only the page's own script elements, and none of them holds a raw "<"
    blocks = re.findall(r"<script[^>]*>(.*?)</script>", page, re.DOTALL)
    assert len(blocks) == 3
    for data in blocks[:2]:
        assert "<" not in data and ">" not in data
        json.loads(data)
    assert "<!--" not in body
    assert 'href="https://example.org/a?x=&lt;script&gt;"' not in page  # a URL with markup in it is not a link either
    md = render_markdown(story)
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(md)
    assert "<script" not in html and "<img" not in html and "<iframe" not in html and "<svg" not in html and "<style" not in html
    assert not re.search(r"""href\s*=\s*["']?\s*(?:javascript|data):""", html, re.IGNORECASE)
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html  # shown as text


def test_only_web_addresses_become_links() -> None:
    from storyline.render.view import safe_url

    assert safe_url("https://example.org/a?b=1#c") == "https://example.org/a?b=1#c"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "vbscript:x", "http://", "https://a.org/<x>", "//a.org", "ftp://a.org", None, ""):
        assert safe_url(bad) is None, bad


def test_no_report_for_zero_articles(tmp_path: Path) -> None:
    from storyline.errors import InputError
    from storyline.render import write_reports

    with pytest.raises(InputError):
        write_reports(Story(), tmp_path / "out", ["json", "md", "html"])
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("weight", [0.25, 1e-05, 3.5e16, 2.0])
def test_story_json_is_written_as_json_dumps_writes_it(weight: float) -> None:
    # pydantic-core writes the text; a float it would format otherwise (1e-05 as 0.00001) goes through json.dumps
    story = Story(relations=[Relation(source="a1", target="a2", type="supports", weight=weight)])
    expected = json.dumps(story.model_dump(mode="json", by_alias=True), ensure_ascii=False, indent=1) + "\n"
    assert render_json(story) == expected


def test_reports_say_what_agreement_confidence_means_and_how_a_sentence_answers(make_story) -> None:
    story = enrich(make_story([TEXT], sources=["Ledger"]))
    story.questions[0].answer_kinds = ["partly answers"]
    md, page = render_markdown(story), render_html(story)
    for report in (md, page):
        assert "Confidence: how surely the cited sentences state the same thing" in report
        assert "partly answers" in report and "answered by" not in report
