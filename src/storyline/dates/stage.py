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
  article looks back on: the first such weekday after its latest explicit
  date (that date itself only when the story names it with its weekday,
  "Mon., March 14"; news calls the past week's days by name and older
  days by date), or after the week the story's other documents reach; so
  publication is within [D, D+6]; in a future-tense clause the article was
  published before it, within [D-6, D];
* a month named in a past clause ("the hearings in February") is over:
  publication is after it;
* "yesterday" / "today" / "tomorrow" attached to a happening the text dates
  elsewhere ("the announcement Monday" ... "the announcement yesterday")
  pins the publication day.

Constraints are intersected strongest first; one that would empty the range
is dropped. With no upper bound the date stays unknown (``earliest`` None)
rather than guessed -- unless the story's other documents are dated: a
document nothing of its own dates then gets their range (narrowed by its
own lower bound), said so in its ``why``. The update/publication stamps the
cleaner removes ("Published on May 3, 2015") are read too. The result is a
:class:`PublishedRange` with ``inferred=True`` and a ``why``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import median_low
from typing import TYPE_CHECKING

from ..artifacts import Parses
from ..language.headline import title_from_sentence
from ..language.stem import stem
from ..language.time import Tense, TimeMention, find_times, resolve, tense_of_span
from ..models import Document, PublishedRange, Story
from ..pipeline import Context, register_stage
from ..text import normalize_same_length

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

__all__ = ["Constraint", "DocTime", "collect_times", "infer_document", "infer_published", "story_anchor"]

log = logging.getLogger(__name__)

#: Strength of each kind of constraint; stronger ones are applied first.
PIN, DEICTIC, EXPLICIT, PAST_WEEKDAY, FUTURE_WEEKDAY = 5, 4, 3, 2, 1

_PUBLISHED_CUE = re.compile(r"\b(?:published|updated|posted)(?:\s+on)?[\s:,]*$", re.IGNORECASE)
_DEADLINE_CUE = re.compile(r"\b(?:by|until|till|before|through|no later than)\s*$", re.IGNORECASE)
_DATELINE_WORDS = re.compile(r"^(?:published|updated|posted|last updated|first published|on|date|dated|[ap]\.?m\.?|et|est|edt|gmt|utc|bst|cet|pst|pdt|\d{1,2}[:.]\d\d|[-—–|,:/])$", re.IGNORECASE)


#: Removed lines that still date the article: "Published on May 3, 2015", "/ Updated 3:15 PM ET Mon, Jan 6".
DATING_JUNK = frozenset({"byline or update stamp"})


@dataclass(frozen=True)
class DocTime:
    """A date expression of one document, with what the parse says about it."""

    mention: TimeMention  # offsets into Document.text
    block: int
    tense: Tense | None
    heads: tuple[tuple[str, str | None], ...]  # (stem of a word it modifies, that word's possessor/subject)
    dateline: bool  # the block is nothing but this date, or "Published <date>"
    deadline: bool = False  # "by May 24", "until June 1": a limit, not a happening


@dataclass(frozen=True)
class Constraint:
    """Publication lies within [earliest, latest] (None = open)."""

    earliest: date | None
    latest: date | None
    strength: int
    why: str
    coarse: bool = False  # from a month or a year, not a day


def _stem(word: str) -> str:
    return stem(word)


def _word_key(tok: Token) -> tuple[str, str | None]:
    owner = next((c for c in tok.children if c.dep_ in {"poss", "nsubj", "nsubjpass"}), None)
    return _stem(tok.lemma_), (owner.lemma_.lower() if owner is not None else None)


def _heads(parse: Doc | None, start: int, end: int) -> tuple[tuple[str, str | None], ...]:
    """Words a date expression may modify, each with its possessor or subject.

    The parse head, and the noun right before the expression ("the
    announcement yesterday"), which a parser often attaches elsewhere.
    """
    if parse is None:
        return ()
    span = parse.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return ()
    keys: list[tuple[str, str | None]] = []
    head = span.root.head
    if head.dep_ == "prep" and head.head != head:
        head = head.head
    if head != span.root:
        keys.append(_word_key(head))
    if span.start > 0:
        prev = parse[span.start - 1]
        if prev.pos_ in {"NOUN", "PROPN"} and prev != head:
            keys.append(_word_key(prev))
    return tuple(keys)


def _is_dateline(block_text: str, mention: TimeMention) -> bool:
    if mention.day is None:
        return False
    if _PUBLISHED_CUE.search(block_text[max(0, mention.start - 30) : mention.start]):
        return True
    rest = (block_text[: mention.start] + " " + block_text[mention.end :]).split()
    return all(_DATELINE_WORDS.match(w.strip(".,")) or not w.strip(".,") for w in rest)


def collect_times(document: Document, parses: Parses) -> list[DocTime]:
    """Date expressions of the kept blocks of ``document``, in text order."""
    out: list[DocTime] = []
    for bi, block in enumerate(document.blocks):
        if block.kind == "junk" and block.reason not in DATING_JUNK:
            continue
        text = normalize_same_length(block.text)
        parse = parses.get(document.id, bi)
        for m in find_times(text):
            tense = tense_of_span(parse, m.start, m.end) if parse is not None else None
            deadline = bool(_DEADLINE_CUE.search(text[max(0, m.start - 20) : m.start]))
            out.append(DocTime(m.shifted(block.start), bi, tense, _heads(parse, m.start, m.end), _is_dateline(text, m), deadline))
    return out


def story_anchor(story: Story, times: dict[str, list[DocTime]] | None = None) -> date | None:
    """A date near which the story's documents were published.

    The median of the known publication dates; failing that, the latest
    full date ("March 14, 2016") that any document mentions as past or
    present. When a coarser date is later ("in January 2016" after the last
    full date of 2015) the full dates are old, not near publication: the end
    of that later year is the anchor if a month names it with its year or two
    documents name it, else there is none.
    """
    known = [d.published.anchor for d in story.documents if d.published.anchor is not None]
    if known:
        return median_low(known)
    best_day: date | None = None
    best_coarse: date | None = None
    best_month: date | None = None
    year_docs: dict[int, set[str]] = {}
    for doc_id, rows in sorted((times or {}).items()):
        for t in rows:
            if t.mention.kind != "absolute" or t.tense in {"future", "modal"} or t.deadline:
                continue
            value = resolve(t.mention, None)
            if value is None:
                continue
            if value.precision == "day":
                best_day = max(filter(None, [best_day, value.earliest]))
                continue
            best_coarse = max(filter(None, [best_coarse, value.earliest]))
            if value.precision == "month":
                best_month = max(filter(None, [best_month, value.earliest]))
            else:
                year_docs.setdefault(value.earliest.year, set()).add(doc_id)
    if best_coarse is None or (best_day is not None and best_coarse <= best_day):
        return best_day
    # Only months and years are later than the full dates. A month with its year ("in January 2016"), or
    # a year that two documents name, gives year-less dates their year; a bare year in one document is
    # as often history ("convicted in 2014") as news, so it anchors nothing.
    trusted = [y for y, docs in year_docs.items() if len(docs) >= 2]
    if best_month is not None:
        trusted.append(best_month.year)
    if trusted and max(trusted) == best_coarse.year:
        return date(best_coarse.year, 12, 31)
    return None


def _explicit_day(t: DocTime, anchor: date | None) -> date | None:
    """The day an explicit (possibly year-less) date names, if it names one."""
    m = t.mention
    if m.month is None or m.day is None:
        return None
    if m.kind == "absolute":
        return date(m.year, m.month, m.day)  # type: ignore[arg-type]
    if anchor is None or m.shift is not None:
        return None
    value = resolve(m, anchor, None if t.tense in {"future", "modal"} else "past")  # news reports the past
    return value.earliest if value else None


def _lower_bounds(
    rows: list[DocTime], anchor: date | None, month_after_days: int = 62
) -> tuple[list[Constraint], date | None, dict[int, date]]:
    """Constraints from explicit dates, the latest day-precise date among them, and every explicit day by mention start."""
    out: list[Constraint] = []
    latest: date | None = None
    days: dict[int, date] = {}
    for t in rows:
        day = _explicit_day(t, anchor)
        if day is not None:
            days[t.mention.start] = day
            if t.dateline:
                out.append(Constraint(day, day, PIN, f"dateline '{t.mention.text}'"))
            elif t.tense not in {"future", "modal"} and not t.deadline:
                out.append(Constraint(day, None, EXPLICIT, f"'{t.mention.text}' ({day}) is reported"))
            else:
                continue
            latest = day if latest is None or day > latest else latest
        elif t.mention.kind == "absolute" and t.tense not in {"future", "modal"} and not t.deadline:
            value = resolve(t.mention, None)
            if value is not None:
                out.append(Constraint(value.earliest, None, EXPLICIT, f"'{t.mention.text}' is reported", coarse=True))
                if value.precision == "month" and t.tense == "past" and value.latest is not None:
                    after = value.latest + timedelta(days=1)
                    out.append(Constraint(after, None, EXPLICIT, f"'{t.mention.text}' is told as a past month", coarse=True))
        elif _past_month_name(t) and anchor is not None:
            value = resolve(t.mention, _month_anchor(t.mention.month, anchor, month_after_days), "past")
            if value is not None and value.latest is not None:
                after = value.latest + timedelta(days=1)
                out.append(Constraint(after, None, EXPLICIT, f"'{t.mention.text}' ({value.value}) is told as a past month", coarse=True))
    return out, latest, days


def _month_anchor(month: int | None, anchor: date, month_after_days: int) -> date:
    """The anchor to read a past month name against: the following weeks of the anchor count as its year."""
    if month is None or month <= anchor.month:
        return anchor
    start = date(anchor.year, month, 1)
    return start if (start - anchor).days <= month_after_days else anchor


def _past_month_name(t: DocTime) -> bool:
    """A bare month name in a past clause ("the hearings in February"): news names the month once it is over."""
    m = t.mention
    return m.month is not None and m.day is None and m.year is None and m.shift is None and m.relative is None and t.tense == "past" and not t.deadline


def _weekday_on_or_after(weekday: int, start: date) -> date:
    return start + timedelta(days=(weekday - start.weekday()) % 7)


def _weekday_after(weekday: int, ref: date, paired: set[date]) -> date:
    """The first such weekday after ``ref``; ``ref`` itself only when the story names it with its weekday ("Mon., March 14").

    News calls the days of the past week by their names and older days by their dates, so a
    weekday named beside a date is most often a later day.
    """
    if ref in paired and ref.weekday() == weekday:
        return ref
    return _weekday_on_or_after(weekday, ref + timedelta(days=1))


def _weekday_constraints(rows: list[DocTime], ref: date, past: bool, paired: set[date] | None = None) -> tuple[list[Constraint], dict[int, date]]:
    """Constraints from bare weekdays of past (or else future) clauses, each the first such day on or after ``ref``.

    Also returns those days by mention start, for the deictic words.
    """
    out: list[Constraint] = []
    days: dict[int, date] = {}
    for t in rows:
        m = t.mention
        if m.weekday is None or m.month is not None or t.tense is None:
            continue
        looks_back = m.shift == "last" or (m.shift is None and t.tense == "past")
        if looks_back != past:
            continue
        d = _weekday_after(m.weekday, ref, paired) if paired is not None else _weekday_on_or_after(m.weekday, ref)
        days[m.start] = d
        if looks_back:
            lo = d + timedelta(days=1) if m.shift == "last" else d
            out.append(Constraint(lo, d + timedelta(days=6 if m.shift is None else 7), PAST_WEEKDAY, f"'{m.text}' ({d}) is past"))
        else:
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
        if rel not in shift or not t.heads:
            continue
        for start, day in dated.items():
            other = by_start.get(start)
            if other is None or not _same_happening(t, other):
                continue
            pub = day + timedelta(days=shift[rel])
            out.append(Constraint(pub, pub, DEICTIC, f"'{t.mention.text}' is the day of '{other.mention.text}' ({day})"))
            break
    return out


def _same_happening(a: DocTime, b: DocTime) -> bool:
    """Whether two date expressions modify the same word with no conflicting owner."""
    for stem_a, owner_a in a.heads:
        for stem_b, owner_b in b.heads:
            if stem_a == stem_b and (owner_a is None or owner_b is None or owner_a == owner_b):
                return True
    return False


def _intersect(constraints: list[Constraint]) -> tuple[date | None, date | None, list[Constraint]]:
    """Intersect strongest first, skipping any constraint that would empty the range."""
    lo: date | None = None
    hi: date | None = None
    used: list[Constraint] = []
    for c in sorted(constraints, key=lambda c: -c.strength):
        new_lo = max(filter(None, [lo, c.earliest]), default=None)
        new_hi = min(filter(None, [hi, c.latest]), default=None)
        if new_lo is not None and new_hi is not None and new_lo > new_hi:
            log.debug("dropping conflicting constraint: %s", c.why)
            continue
        lo, hi = new_lo, new_hi
        used.append(c)
    return lo, hi, used


def infer_document(rows: list[DocTime], anchor: date | None, near: date | None = None, month_after_days: int = 62) -> PublishedRange:
    """The publication range of one document; a date out of the calendar's range is not a date, never an error.

    ``month_after_days``: a past month name this soon after ``anchor`` is read in the anchor's year (setting
    ``dates.month_after_anchor_days``).
    """
    return infer_document_bounds(rows, anchor, near, month_after_days)[0]


def infer_document_bounds(rows: list[DocTime], anchor: date | None, near: date | None = None, month_after_days: int = 62) -> tuple[PublishedRange, Floor]:
    """:func:`infer_document`, with the lower bound found when no upper bound was."""
    try:
        return _infer_document(rows, anchor, near, month_after_days)
    except (ValueError, OverflowError) as exc:
        log.debug("dates: a date out of range was ignored: %s", exc)
        usable = [t for t in rows if _in_range(t)]
        if len(usable) == len(rows):
            return PublishedRange(inferred=False, why="a date in the text is out of the calendar's range"), (None, None, True)
        return infer_document_bounds(usable, anchor, near, month_after_days)


def _in_range(t: DocTime) -> bool:
    m = t.mention
    try:
        if m.year is not None:
            day = date(m.year, m.month or 1, m.day or 1)
            day + timedelta(days=14)
            day - timedelta(days=14)
    except (ValueError, OverflowError):
        return False
    return True


Floor = tuple[date | None, str | None, bool]  # a lower bound on its own (no upper bound), its reason, and whether it is coarse


def _infer_document(
    rows: list[DocTime], anchor: date | None, near: date | None = None, month_after_days: int = 62
) -> tuple[PublishedRange, Floor]:
    """The publication range the date expressions ``rows`` of one document support.

    ``anchor`` gives year-less dates their year; ``near`` is when the
    story's other documents appeared: a bare weekday is then read in the
    week that reaches it, not in an older week right after an old date.
    """
    constraints, latest_explicit, dated = _lower_bounds(rows, anchor, month_after_days)
    paired = {day for t in rows if t.mention.weekday is not None and (day := _explicit_day(t, anchor)) is not None}
    floors = [c.earliest - timedelta(days=1) for c in constraints if c.coarse and c.earliest is not None and "past month" in c.why]
    refs = [d for d in (latest_explicit, max(floors, default=None), near - timedelta(days=7) if near is not None else None) if d is not None]
    if refs:
        ref = max(refs)
        past_cons, past_days = _weekday_constraints(rows, ref, past=True, paired=paired)
        constraints += past_cons
        lo, _, _ = _intersect([c for c in constraints if not c.coarse])
        future_cons, future_days = _weekday_constraints(rows, max(filter(None, [lo, ref])), past=False)
        constraints += future_cons
        dated.update(past_days)
        dated.update(future_days)
    constraints += _deictic_constraints(rows, dated)
    lo, hi, used = _intersect(constraints)
    if lo is None or hi is None:
        why = "nothing in the text dates it" if lo is None else f"nothing in the text bounds it from above (not before {lo})"
        floor = next((c for c in used if c.earliest == lo), None) if lo is not None else None
        return PublishedRange(inferred=False, why=why), (lo, floor.why if floor else None, floor.coarse if floor else True)
    return PublishedRange(earliest=lo, latest=hi, inferred=True, why="; ".join(_binding(used, lo, hi))), (lo, None, False)


def _binding(constraints: list[Constraint], lo: date, hi: date) -> list[str]:
    """The reasons of the constraints that set the final bounds, once each."""
    return list(dict.fromkeys(c.why for c in constraints if c.earliest == lo or c.latest == hi))


def infer_published(story: Story, ctx: Context) -> Story:
    """Fill ``published`` of every document that has none, jointly across the story.

    First each document from its own text; then again with ``near`` (when
    the story's other documents appeared: a bare weekday is read in the week
    that reaches them); then a document that nothing of its own dates gets
    the span of its story's dated documents (articles about one story appear
    together), said so in its ``why``.
    """
    times = {d.id: collect_times(d, ctx.parses) for d in story.documents if not d.published.known}
    if not times:
        return story
    if not ctx.parses:
        log.warning("dates: no parses (run the 'nlp' stage first); weekdays and 'yesterday' are not read")
    try:
        anchor = story_anchor(story, times)
    except (ValueError, OverflowError):
        anchor = None
    month_after = int(ctx.options.section("dates").get("month_after_anchor_days", 62))
    first = {doc_id: infer_document_bounds(rows, anchor, None, month_after) for doc_id, rows in times.items()}
    floors: dict[str, Floor] = {}
    for document in story.documents:
        if document.id not in times:
            continue
        others = [d.published.anchor for d in story.documents if d.id not in times and d.published.anchor]
        # and the day-precise lower bounds of those whose own text has no upper bound ("Dec. 10, 2014" is
        # reported); a year ("in 2014") says nothing about the week
        others += [
            day
            for doc_id, (r, (floor, _, coarse)) in first.items()
            if doc_id != document.id and (day := r.earliest or (None if coarse else floor)) is not None
        ]
        # the latest lower bound among the others: the story is at least that late
        near = max(others) if others else None
        document.published, floors[document.id] = infer_document_bounds(times[document.id], anchor, near, month_after) if near else first[document.id]
        log.debug("published %s: %s", document.id, document.published)
    _share_story_range(story, floors, int(ctx.options.section("dates").get("story_span_days", STORY_SPAN_DAYS)))
    return story


#: How far (days) a document's date may lie from the story's median and still shape the story's range.
STORY_SPAN_DAYS = 14


def _share_story_range(story: Story, floors: dict[str, Floor], span_days: int = 14) -> None:
    """Give each undated document the range of the story's dated documents near their median.

    A document whose own text gives only a lower bound keeps it: the story's
    range is narrowed to it (and left alone when the two do not meet).
    """
    dated = [d for d in story.documents if d.published.earliest is not None and d.published.latest is not None]
    if not dated:
        return
    mid = median_low([d.published.earliest for d in dated if d.published.earliest is not None])
    near = [d for d in dated if abs(((d.published.earliest or mid) - mid).days) <= span_days]
    lo = min(d.published.earliest for d in near if d.published.earliest is not None)
    hi = max(d.published.latest for d in near if d.published.latest is not None)
    names = ", ".join(d.source or d.file or d.id for d in near)
    for document in story.documents:
        if document.id in floors and not document.published.known:
            floor, floor_why, _ = floors[document.id]
            start = lo
            own = "nothing in its own text dates it"
            if floor is not None and floor > hi:
                continue  # its own text says it is later than the story's range: left unknown, not contradicted
            if floor is not None and lo < floor:
                start, own = floor, f"{floor_why} (not before {floor})"
            elif floor is not None:
                own = f"its own text says only: not before {floor}"
            document.published = PublishedRange(
                earliest=start, latest=hi, inferred=True, why=f"{own}; published with the story's other documents ({names}: {lo}..{hi})"
            )


def _generate_title(story: Story, ctx: Context) -> None:
    """A title from the lead sentence's actor and action, when no document has a headline.

    Done here, the first stage after the parse, and kept only when no headline was found.
    """
    if story.title is not None and not story.title_generated:
        return
    leads: list[list[Span]] = []
    for document in story.documents:
        sents: list[Span] = []
        for bi, block in enumerate(document.blocks):
            parse = ctx.parses.get(document.id, bi)
            if block.kind != "body" or len(block.text.split()) < 6 or parse is None:
                continue
            sents.extend(list(parse.sents)[: LEAD_SENTENCES - len(sents)])
            if len(sents) >= LEAD_SENTENCES:
                break
        leads.append(sents)
    # every document's first sentence before any document's second one: the lead of the story
    for rank in range(LEAD_SENTENCES):
        for sents in leads:
            if rank < len(sents):
                title = title_from_sentence(sents[rank])
                if title:
                    story.title, story.title_generated = title, True
                    return


#: How many sentences from the top of each document a generated title may be made from.
LEAD_SENTENCES = 3


def dates_stage(story: Story, ctx: Context) -> Story:
    """Publication dates of the story's documents; and, when no document has a headline, the generated title.

    The title is made here because this is the first stage that has the parse of the lead sentences.
    """
    story = infer_published(story, ctx)
    _generate_title(story, ctx)
    return story


register_stage("dates", requires=("blocks",), assigns=("published", "title"), uses=("parses",))(dates_stage)
