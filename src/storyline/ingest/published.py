"""The ``dates`` stage: infer when an undated article was published.

A document whose ``published`` is already known (metadata, ``--date``) is
left alone. For the others the stage reads the date expressions of the kept
blocks (never junk: "access will expire on June 15" says nothing about the
article) and turns them into constraints on the publication day:

* an explicit date in a past or present clause ("On March 14, the president
  declared", a caption's "Mon., March 14, 2016") was written on or after it;
  a year-less date ("Feb. 18") takes its year from the story anchor, the
  dates of the story's other documents (articles about one story are
  published close together);
* a line that is nothing but a date (a dateline, "Published March 15, 2016")
  is the publication day;
* a bare weekday in a past-tense clause names a day D of the week the
  article looks back on (the first such weekday on or after its latest
  explicit date), so publication is within [D, D+6]; in a future-tense
  clause the article was published before it, within [D-6, D];
* "yesterday" / "today" / "tomorrow" attached to a happening the text dates
  elsewhere ("the announcement Monday" ... "the announcement yesterday")
  pins the publication day.

Constraints are intersected strongest first; one that would empty the range
is dropped. With no upper bound the date stays unknown (``earliest`` None)
rather than guessed. The result is a :class:`PublishedRange` with
``inferred=True`` and a ``why``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import median_low
from typing import TYPE_CHECKING

from ..events.temporal import Tense, TimeMention, find_times, resolve, tense_of_span
from ..models import Document, PublishedRange, Story
from ..pipeline import Context, register_stage
from ..text import normalize_same_length

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

__all__ = ["Constraint", "DocTime", "collect_times", "infer_document", "infer_published", "story_anchor"]

log = logging.getLogger(__name__)

#: Strength of each kind of constraint; stronger ones are applied first.
PIN, DEICTIC, EXPLICIT, PAST_WEEKDAY, FUTURE_WEEKDAY = 5, 4, 3, 2, 1

_DATELINE_WORDS = re.compile(r"^(?:published|updated|posted|last updated|first published|on|date|dated|[ap]\.?m\.?|et|est|edt|gmt|utc|bst|cet|pst|pdt|\d{1,2}[:.]\d\d|[-—–|,:/])$", re.I)


@dataclass(frozen=True)
class DocTime:
    """A date expression of one document, with what the parse says about it."""

    mention: TimeMention  # offsets into Document.text
    block: int
    tense: Tense | None
    head: str | None  # stem of the word the expression modifies ("announc")
    owner: str | None  # its possessor or subject lemma ("russia")
    dateline: bool  # the block is nothing but this date


@dataclass(frozen=True)
class Constraint:
    """Publication lies within [earliest, latest] (None = open)."""

    earliest: date | None
    latest: date | None
    strength: int
    why: str


def _stem(word: str) -> str:
    w = word.lower()
    for suffix in ("ments", "ment", "ions", "ion", "ing", "ed", "es", "e", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


def _head_and_owner(parse: Doc | None, start: int, end: int) -> tuple[str | None, str | None]:
    """The word a date expression modifies, and that word's possessor or subject."""
    if parse is None:
        return None, None
    span = parse.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None, None
    head = span.root.head
    if head.dep_ == "prep" and head.head is not head:
        head = head.head
    if head is span.root:
        return None, None
    owner = next((c for c in head.children if c.dep_ in {"poss", "nsubj", "nsubjpass"}), None)
    return _stem(head.lemma_), (owner.lemma_.lower() if owner is not None else None)


def _is_dateline(block_text: str, mention: TimeMention) -> bool:
    rest = (block_text[: mention.start] + " " + block_text[mention.end :]).split()
    return mention.day is not None and all(_DATELINE_WORDS.match(w.strip(".,")) or not w.strip(".,") for w in rest)


def collect_times(document: Document, parses: dict[tuple[str, int], Doc]) -> list[DocTime]:
    """Date expressions of the kept blocks of ``document``, in text order."""
    out: list[DocTime] = []
    for bi, block in enumerate(document.blocks):
        if block.kind == "junk":
            continue
        text = normalize_same_length(block.text)
        parse = parses.get((document.id, bi))
        for m in find_times(text):
            tense = tense_of_span(parse, m.start, m.end) if parse is not None else None
            head, owner = _head_and_owner(parse, m.start, m.end)
            out.append(DocTime(m.shifted(block.start), bi, tense, head, owner, _is_dateline(text, m)))
    return out


def story_anchor(story: Story, times: dict[str, list[DocTime]] | None = None) -> date | None:
    """A date near which the story's documents were published.

    The median of the known publication dates; failing that, the latest full
    date (with year and day) that any document mentions outside a
    future-tense clause.
    """
    known = [d.published.anchor for d in story.documents if d.published.anchor is not None]
    if known:
        return median_low(known)
    best: date | None = None
    for rows in (times or {}).values():
        for t in rows:
            m = t.mention
            if m.kind == "absolute" and m.day is not None and t.tense not in {"future", "modal"}:
                d = date(m.year, m.month, m.day)  # type: ignore[arg-type]
                best = d if best is None or d > best else best
    return best


def _explicit_day(t: DocTime, anchor: date | None) -> date | None:
    """The day an explicit (possibly year-less) date names, if it names one."""
    m = t.mention
    if m.month is None or m.day is None:
        return None
    if m.kind == "absolute":
        return date(m.year, m.month, m.day)  # type: ignore[arg-type]
    if anchor is None or m.shift is not None:
        return None
    value = resolve(m, anchor, None)
    return value.earliest if value else None


def _lower_bounds(rows: list[DocTime], anchor: date | None) -> tuple[list[Constraint], date | None]:
    """Constraints from explicit dates, and the latest day-precise date among them."""
    out: list[Constraint] = []
    latest: date | None = None
    for t in rows:
        day = _explicit_day(t, anchor)
        if day is not None:
            if t.dateline:
                out.append(Constraint(day, day, PIN, f"dateline '{t.mention.text}'"))
            elif t.tense not in {"future", "modal"}:
                out.append(Constraint(day, None, EXPLICIT, f"'{t.mention.text}' ({day}) is reported"))
            else:
                continue
            latest = day if latest is None or day > latest else latest
        elif t.mention.kind == "absolute" and t.tense not in {"future", "modal"}:
            value = resolve(t.mention, None)
            if value is not None:
                out.append(Constraint(value.earliest, None, EXPLICIT, f"'{t.mention.text}' is reported"))
    return out, latest


def _weekday_on_or_after(weekday: int, start: date) -> date:
    return start + timedelta(days=(weekday - start.weekday()) % 7)


def _weekday_constraints(rows: list[DocTime], ref: date) -> tuple[list[Constraint], dict[int, date]]:
    """Constraints from bare weekdays, resolved in the week from ``ref``; and those days by mention start."""
    out: list[Constraint] = []
    days: dict[int, date] = {}
    for t in rows:
        m = t.mention
        if m.weekday is None or m.month is not None or t.tense is None:
            continue
        d = _weekday_on_or_after(m.weekday, ref)
        days[m.start] = d
        if m.shift == "last" or (m.shift is None and t.tense == "past"):
            lo = d + timedelta(days=1) if m.shift == "last" else d
            out.append(Constraint(lo, d + timedelta(days=6 if m.shift is None else 7), PAST_WEEKDAY, f"'{m.text}' ({d}) is past"))
        elif m.shift == "next" or t.tense in {"future", "modal", "present"}:
            hi = d - timedelta(days=1) if m.shift == "next" else d
            out.append(Constraint(d - timedelta(days=6 if m.shift is None else 7), hi, FUTURE_WEEKDAY, f"'{m.text}' ({d}) is ahead"))
    return out, days


def _deictic_constraints(rows: list[DocTime], dated: dict[int, date]) -> list[Constraint]:
    """'yesterday' etc. tied, through the word they modify, to a happening dated elsewhere."""
    shift = {"yesterday": 1, "today": 0, "tomorrow": -1}
    by_start = {t.mention.start: t for t in rows}
    out: list[Constraint] = []
    for t in rows:
        rel = t.mention.relative
        if rel not in shift or t.head is None:
            continue
        for start, day in dated.items():
            other = by_start.get(start)
            if other is None or other.head != t.head:
                continue
            if t.owner and other.owner and t.owner != other.owner:
                continue
            pub = day + timedelta(days=shift[rel])
            out.append(Constraint(pub, pub, DEICTIC, f"'{t.mention.text}' is the day of '{other.mention.text}' ({day})"))
            break
    return out


def _intersect(constraints: list[Constraint]) -> tuple[date | None, date | None, list[str]]:
    lo: date | None = None
    hi: date | None = None
    used: list[str] = []
    for c in sorted(constraints, key=lambda c: -c.strength):
        new_lo = max(filter(None, [lo, c.earliest]), default=None)
        new_hi = min(filter(None, [hi, c.latest]), default=None)
        if new_lo is not None and new_hi is not None and new_lo > new_hi:
            log.debug("dropping conflicting constraint: %s", c.why)
            continue
        lo, hi = new_lo, new_hi
        used.append(c.why)
    return lo, hi, used


def infer_document(rows: list[DocTime], anchor: date | None) -> PublishedRange:
    """The publication range the date expressions ``rows`` of one document support."""
    constraints, latest_explicit = _lower_bounds(rows, anchor)
    dated: dict[int, date] = {}
    for t in rows:
        day = _explicit_day(t, anchor)
        if day is not None:
            dated[t.mention.start] = day
    if latest_explicit is not None:
        weekday_cons, weekday_days = _weekday_constraints(rows, latest_explicit)
        constraints += weekday_cons
        dated.update(weekday_days)
    constraints += _deictic_constraints(rows, dated)
    lo, hi, used = _intersect(constraints)
    if lo is None or hi is None:
        why = "nothing in the text dates it" if lo is None else f"nothing in the text bounds it from above (not before {lo})"
        return PublishedRange(inferred=False, why=why)
    return PublishedRange(earliest=lo, latest=hi, inferred=True, why="; ".join(used))


def infer_published(story: Story, ctx: Context) -> Story:
    """Fill ``published`` of every document that has none, from its own text."""
    times = {d.id: collect_times(d, ctx.parses) for d in story.documents if not d.published.known}
    if not times:
        return story
    anchor = story_anchor(story, times)
    for document in story.documents:
        if document.id in times:
            document.published = infer_document(times[document.id], anchor)
            log.debug("published %s: %s", document.id, document.published)
    return story


register_stage("dates")(infer_published)
