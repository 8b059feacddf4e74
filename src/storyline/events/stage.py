"""The ``events`` stage: a timeline of who did what to whom, when.

Runs after ``actors``: every event's acting party is a story actor (found
through :class:`~storyline.actor_index.ActorIndex`). Candidates come from
each kept block's parse (:mod:`.extract`), dated against the document's
publication date (known or inferred by the ``dates`` stage; an undated
document is read against the story's dated ones). Their dates are the
temporal expressions the ``timexes`` stage found and valued: one temporal
analysis for the story. The same happening
reported by several sources (same actor, dates that meet, same kind of
action, and the same words unless both name one day) becomes one event that
cites each source. Events are numbered in date order, undated ones last;
``rank`` orders them by prominence (several sources, the lead, a telling
action, a date) and ``main`` marks the lead's and several sources' events.
Thresholds come from the ``[events]`` section of the settings.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, timedelta

from ..actor_index import ActorIndex
from ..attribution import actor_gender
from ..language.time import TimeValue, Timex3, range_value
from ..models import Event, PublishedRange, Span, Story
from ..pipeline import Context, register_stage
from .extract import BlockInput, Candidate, actor_names, extract_block

__all__ = ["EventSettings", "extract_events", "merge_candidates", "reference_range"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class EventSettings:
    """The ``[events]`` section of the settings."""

    lead_sentences: int = 3
    reference_days_before: int = 3
    merge_word_overlap: float = 0.25

    @classmethod
    def from_options(cls, values: dict[str, float]) -> EventSettings:
        base = cls()
        return cls(
            lead_sentences=int(values.get("lead_sentences", base.lead_sentences)),
            reference_days_before=int(values.get("reference_days_before", base.reference_days_before)),
            merge_word_overlap=float(values.get("merge_word_overlap", base.merge_word_overlap)),
        )


def reference_range(published: PublishedRange, days_before: int) -> TimeValue | None:
    """The days a dated report's recent actions fall in: from a few days before publication to its latest date.

    Its value is the ISO date at the precision the whole range shares
    (``2016-03`` when it stays in one month), never a made-up day.
    """
    if published.earliest is None:
        return None
    lo = published.earliest - timedelta(days=days_before)
    hi = published.latest or published.earliest
    return range_value(lo, hi)


_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{3,}")


def _words(text: str) -> set[str]:
    return {w.lower()[:6] for w in _WORD.findall(text)}


def _word_overlap(a: str, b: str) -> float:
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def _dates_meet(a: TimeValue, b: TimeValue) -> bool:
    return a.earliest <= b.latest and b.earliest <= a.latest


def _same_happening(a: Candidate, b: Candidate, min_overlap: float = 0.25) -> bool:
    if a.who is not b.who or (a.who is None and a.whom is not b.whom):
        return False
    overlap = a.doc == b.doc and a.start < b.end and b.start < a.end
    if a.date is None or b.date is None:
        return a.date is b.date and overlap and a.category == b.category
    if not _dates_meet(a.date, b.date):
        return False
    if a.doc == b.doc and a.sentence == b.sentence and a.date.value == b.date.value:
        return True  # one sentence, several verbs of one actor on one date: "called X, ..., describing"
    if a.modality != b.modality:
        return False
    if not ((a.category == b.category and a.category != "OTHER") or a.trigger[:6] == b.trigger[:6]):
        return False
    if a.basis != "document" and b.basis != "document" and a.date.value == b.date.value and not (a.speech and b.speech):
        return True  # one kind of action by one actor on one day
    return _word_overlap(a.text, b.text) >= min_overlap  # the same words, not only the same actor and verb


_BASIS_ORDER = {"clause": 0, "sentence": 1, "document": 2, None: 3}


def merge_candidates(cands: list[Candidate], min_overlap: float = 0.25) -> list[Candidate]:
    """One candidate per happening; the others' evidence is added to it."""
    kept: list[Candidate] = []
    for c in cands:
        home = next((k for k in kept if _same_happening(k, c, min_overlap)), None)
        if home is None:
            kept.append(c)
            continue
        if home.whom is None and c.whom is not None:
            home.whom = c.whom
        if _BASIS_ORDER[c.basis] < _BASIS_ORDER[home.basis]:
            home.date, home.basis = c.date, c.basis  # a date of its own beats the report's time
        home.lead = home.lead or c.lead
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


def _sources(c: Candidate) -> int:
    return len({c.doc, *(d for d, _s, _e in c.extra)})


def _prominence(c: Candidate, order: dict[str, int]) -> tuple[int, int, int, int, int, int]:
    """Sort key of importance: several sources, the lead, a telling action, a date, then text order."""
    return (-_sources(c), 0 if c.lead else 1, 1 if c.category == "OTHER" else 0, 1 if c.date is None else 0, order[c.doc], c.start)


def _predicted_if_ahead(c: Candidate, anchor: date | None) -> None:
    if c.modality == "asserted" and c.date is not None and anchor is not None and (c.date.earliest - anchor).days > 1:
        c.modality = "predicted"


def _to_event(n: int, c: Candidate, story: Story, rank: int) -> Event:
    spans: list[Span] = []
    for doc_id, start, end in [(c.doc, c.start, c.end), *c.extra]:
        if any(s.doc == doc_id and s.start == start and s.end == end for s in spans):
            continue
        spans.append(Span(doc=doc_id, start=start, end=end, text=story.doc(doc_id).text[start:end]))
    return Event(
        id=f"e{n}",
        date=c.date.value if c.date else None,
        who=c.who.id if c.who is not None else None,
        whom=c.whom.id if c.whom is not None else None,
        category=c.category,
        text=c.text,
        modality=c.modality,
        place=c.place,
        evidence=spans,
        date_earliest=c.date.earliest if c.date else None,
        date_latest=c.date.latest if c.date else None,
        date_basis=c.basis if c.date and c.basis in {"clause", "sentence", "document"} else None,  # type: ignore[arg-type]
        main=c.lead or _sources(c) > 1,
        rank=rank,
    )


def _sort_key(c: Candidate, order: dict[str, int]) -> tuple[int, date, int, int]:
    if c.date is None:
        return (1, date.max, order[c.doc], c.start)
    return (0, c.date.earliest, order[c.doc], c.start)


def _story_range(story: Story) -> PublishedRange:
    """When the story's dated documents came out: an undated one is read as one of them."""
    known = [d.published for d in story.documents if d.published.earliest is not None]
    if not known:
        return PublishedRange()
    earliest = min(p.earliest for p in known if p.earliest is not None)
    latest = max((p.latest or p.earliest) for p in known if p.earliest is not None)
    return PublishedRange(earliest=earliest, latest=latest, inferred=True, why="the story's other documents")


def _within(timexes: list[Timex3], start: int, end: int) -> list[Timex3]:
    """The expressions (sorted by start) inside [start, end), with offsets from ``start``."""
    i = bisect_left(timexes, start, key=lambda t: t.start)
    out = []
    while i < len(timexes) and timexes[i].start < end:
        if timexes[i].end <= end:
            out.append(timexes[i].shifted(-start))
        i += 1
    return out


def extract_events(story: Story, ctx: Context) -> Story:
    """Fill ``story.events`` from the parses of every kept block."""
    settings = EventSettings.from_options(ctx.options.section("events"))
    index = ActorIndex(story)
    names = actor_names(story.actors)
    texts = {d.id: d.text for d in story.documents}
    genders = {a.id: actor_gender(a, texts) for a in story.actors if a.kind == "person"}
    year_anchor = story.published_anchor
    cands: list[Candidate] = []
    story_range = _story_range(story)
    by_doc: dict[str, list[Timex3]] = {}
    for t in story.timexes:
        by_doc.setdefault(t.doc, []).append(Timex3(t.start, t.end, t.text, t.type, t.value))
    for found in by_doc.values():
        found.sort(key=lambda t: (t.start, t.end))
    for document in story.documents:
        published = document.published if document.published.known else story_range
        anchor = published.anchor if document.published.known else year_anchor
        reference = reference_range(published, settings.reference_days_before)
        doc_cands: list[Candidate] = []
        sentences = 0
        last_day = None
        named_events: dict[str, TimeValue] = {}
        for bi, block in enumerate(document.blocks):
            parse = ctx.parses.get(document.id, bi)
            if block.kind == "junk" or parse is None:
                continue
            timexes = _within(by_doc.get(document.id, []), block.start, block.end)
            inp = BlockInput(document.id, parse, block.start, document.text, anchor, anchor or year_anchor,
                             reference=reference, first_sentence=sentences, lead_sentences=settings.lead_sentences, names=names,
                             caption=block.kind == "caption", last_day=last_day, timexes=timexes, named_events=named_events,
                             genders=genders)
            doc_cands += extract_block(inp, index)
            last_day = inp.last_day
            sentences += sum(1 for _ in parse.sents)
        for c in doc_cands:
            _predicted_if_ahead(c, anchor)
        cands += doc_cands
    order = {d.id: i for i, d in enumerate(story.documents)}
    merged = sorted(merge_candidates(cands, settings.merge_word_overlap), key=lambda c: _sort_key(c, order))
    ranks = {id(c): r for r, c in enumerate(sorted(merged, key=lambda c: _prominence(c, order)), start=1)}
    story.events = [_to_event(n, c, story, ranks[id(c)]) for n, c in enumerate(merged, start=1)]
    log.debug("events: %d candidates, %d events", len(cands), len(story.events))
    return story


register_stage("events", requires=("parses", "actors"), assigns=("events",), uses=("published", "timexes"))(extract_events)
