"""The ``events`` stage: a timeline of who did what to whom, when.

Runs after ``actors``: every event's acting party is a story actor (found
through :class:`~storyline.actor_index.ActorIndex`). Candidates come from
each kept block's parse (:mod:`.extract`), dated against the document's
publication date (known or inferred by the ``dates`` stage). The same
happening reported by several sources (same actor, same date, same kind of
action) becomes one event that cites each source. Events are numbered in
date order; undated ones come last.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta

from ..actor_index import ActorIndex
from ..models import Event, Span, Story
from ..pipeline import Context, register_stage
from .extract import BlockInput, Candidate, extract_block

__all__ = ["extract_events", "merge_candidates"]

log = logging.getLogger(__name__)


def _same_happening(a: Candidate, b: Candidate) -> bool:
    if a.who is not b.who:
        return False
    overlap = a.doc == b.doc and a.start < b.end and b.start < a.end
    if a.date is None or b.date is None:
        return a.date is b.date and overlap and a.category == b.category
    if a.date.value != b.date.value:
        return False
    if a.doc == b.doc and a.sentence == b.sentence:
        return True  # one sentence, several verbs of one actor on one date: "called X, ..., describing"
    if a.modality != b.modality:
        return False
    return (a.category == b.category and a.category != "OTHER") or a.trigger[:6] == b.trigger[:6]


def merge_candidates(cands: list[Candidate]) -> list[Candidate]:
    """One candidate per happening; the others' evidence is added to it."""
    kept: list[Candidate] = []
    for c in cands:
        home = next((k for k in kept if _same_happening(k, c)), None)
        if home is None:
            kept.append(c)
            continue
        if home.whom is None and c.whom is not None:
            home.whom = c.whom
        if home.category == "OTHER" and c.category != "OTHER":  # prefer the more telling action
            home.extra.append((home.doc, home.start, home.end))
            home.doc, home.start, home.end, home.text, home.category = c.doc, c.start, c.end, c.text, c.category
            home.nominal, home.trigger = c.nominal, c.trigger
        elif home.nominal and not c.nominal:  # prefer the verbal wording
            home.extra.append((home.doc, home.start, home.end))
            home.doc, home.start, home.end, home.text, home.nominal = c.doc, c.start, c.end, c.text, False
        else:
            home.extra.append((c.doc, c.start, c.end))
        home.extra.extend(c.extra)
    return kept


def _predicted_if_ahead(c: Candidate, anchor: date | None) -> None:
    if c.modality == "asserted" and c.date is not None and anchor is not None and c.date.earliest > anchor + timedelta(days=1):
        c.modality = "predicted"


def _to_event(n: int, c: Candidate, story: Story) -> Event:
    spans: list[Span] = []
    for doc_id, start, end in [(c.doc, c.start, c.end), *c.extra]:
        if any(s.doc == doc_id and s.start == start and s.end == end for s in spans):
            continue
        spans.append(Span(doc=doc_id, start=start, end=end, text=story.doc(doc_id).text[start:end]))
    return Event(
        id=f"e{n}",
        date=c.date.value if c.date else None,
        who=c.who.id,
        whom=c.whom.id if c.whom is not None else None,
        category=c.category,
        text=c.text,
        modality=c.modality,
        place=c.place,
        evidence=spans,
    )


def _sort_key(c: Candidate, order: dict[str, int]) -> tuple[int, date, int, int]:
    if c.date is None:
        return (1, date.max, order[c.doc], c.start)
    return (0, c.date.earliest, order[c.doc], c.start)


def extract_events(story: Story, ctx: Context) -> Story:
    """Fill ``story.events`` from the parses of every kept block."""
    index = ActorIndex(story)
    year_anchor = story.published_anchor
    cands: list[Candidate] = []
    for document in story.documents:
        anchor = document.published.anchor
        doc_cands: list[Candidate] = []
        for bi, block in enumerate(document.blocks):
            parse = ctx.parses.get(document.id, bi)
            if block.kind == "junk" or parse is None:
                continue
            doc_cands += extract_block(BlockInput(document.id, parse, block.start, document.text, anchor, anchor or year_anchor), index)
        for c in doc_cands:
            _predicted_if_ahead(c, anchor)
        cands += doc_cands
    order = {d.id: i for i, d in enumerate(story.documents)}
    merged = sorted(merge_candidates(cands), key=lambda c: _sort_key(c, order))
    story.events = [_to_event(n, c, story) for n, c in enumerate(merged, start=1)]
    log.debug("events: %d candidates, %d events", len(cands), len(story.events))
    return story


register_stage("events", requires=("parses", "actors"), assigns=("events",), uses=("published",))(extract_events)
