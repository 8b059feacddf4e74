"""Temporal expressions: find them in text and normalize them to ISO dates.

:func:`find_times` scans plain text for date expressions and returns
:class:`TimeMention` records that say *what* was written ("Feb. 18": month 2,
day 18, no year; "last September"; "Monday"; "yesterday"). Nothing is
resolved at that point, so the publication-date stage can reason about the
raw fields before any publication date is known.

:func:`resolve` turns a mention into a :class:`TimeValue` (ISO string at its
precision: ``2016``, ``2016-03``, ``2016-03-14``) against an anchor date (the
document's publication date) and the tense of the clause the expression sits
in: "Monday" in a past-tense clause is the last Monday on or before the
anchor, in a future-tense clause the next one on or after it.

:func:`clause_tense` reads that tense from a spaCy parse.

Durations ("the past five years"), frequencies ("daily", "every Monday"),
numbers that are not years ("resolution 2254", "2,000 troops"), the modal
"may" and the pronoun "We" are not dates and are never returned.

:func:`find_timexes` is the TimeML reading of a text: every temporal
expression (dates at any granularity, times, durations, sets) as a
:class:`Timex3` with its TIMEX3 type and value, resolved against an anchor
and the tense of its clause (:func:`date_tense_of_span`). Its word lists
are in ``data/time.toml``.
"""

from __future__ import annotations

import calendar
import re
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Literal

from .words import FUTURE_MODALS, HYPOTHETICAL_MODALS, phrase_alternation

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

__all__ = [
    "MONTH_ALTERNATION",
    "Precision",
    "Tense",
    "TimeMention",
    "TimeValue",
    "Timex3",
    "TimexState",
    "TimexType",
    "clause_tense",
    "date_tense_of_span",
    "find_times",
    "find_timexes",
    "may_hold_timex",
    "range_value",
    "resolve",
    "tense_of_span",
    "timex_range",
]

Precision = Literal["year", "month", "day"]
Tense = Literal["past", "present", "future", "modal"]

MONTHS: dict[str, int] = {}
for _i, _name in enumerate(calendar.month_name):
    if _name:
        MONTHS[_name.lower()] = _i
MONTH_ABBR = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
# Every month name and abbreviation, lowercased, longest first: a regex alternation (compile it case-insensitive).
MONTH_ALTERNATION = "|".join(sorted({*MONTHS, *MONTH_ABBR}, key=len, reverse=True))
WEEKDAYS: dict[str, int] = {name.lower(): i for i, name in enumerate(calendar.day_name)}
WEEKDAY_ABBR = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

# Words that make a following weekday a holiday name, not a date.
_HOLIDAY_PREFIX = {"black", "good", "cyber", "super", "ash", "bloody", "holy", "palm", "easter", "giving", "maundy", "shrove"}
# Words before a bare month name that make it a time expression.
_MONTH_CUES = {
    "in", "since", "until", "till", "by", "from", "through", "throughout", "during", "of", "early",
    "late", "mid", "last", "next", "this", "before", "after", "between", "and", "to", "for", "or",
    "around", "on", "each", "every", "that", "same", "end", "beginning", "start",
}
# Words before a 4-digit number that make it a count or an identifier, not a year.
_NOT_YEAR_BEFORE = {
    "resolution", "no", "number", "flight", "route", "highway", "interstate", "room", "article",
    "section", "chapter", "model", "code", "page", "pages", "item", "version", "rule", "bill",
    "about", "nearly", "almost", "some", "over", "than", "exactly", "roughly", "approximately",
    "least", "most", "only", "just", "another", "all", "top", "the top", "hb", "sb", "hr",
}
_YEAR_CUES = {
    "in", "since", "by", "until", "till", "of", "from", "to", "through", "before", "after", "during",
    "early", "late", "mid", "the", "fiscal", "around", "circa", "between", "and", "year", "spring",
    "summer", "fall", "autumn", "winter", "season", "class", "election", "for", "or", "'s", "its",
    "his", "her", "their", "our", "ca", "c", "with", "versus", "vs",
}

_M_FULL = "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))
_M_ABBR = "|".join(sorted((m.capitalize() for m in MONTH_ABBR), key=len, reverse=True))
_MONTH = rf"(?P<{{g}}>(?:{_M_FULL})\b|(?:{_M_ABBR})\.?(?![a-z]))"
_WD_FULL = "|".join(d.capitalize() for d in WEEKDAYS)
_WD_ABBR = "|".join(sorted((d.capitalize() for d in WEEKDAY_ABBR), key=len, reverse=True))
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:%])"
_YEAR = r"(?P<{g}>1[6-9]\d\d|20\d\d)(?![\d%])"
_NUM = r"(?P<n>\d{1,3}|" + "|".join(NUMBER_WORDS) + ")"


def _fill(pattern: str, group: str) -> str:
    return pattern.replace("{g}", group).replace("{{g}}", group)


_PATTERNS: list[tuple[str, str]] = [
    ("iso", r"\b(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
    (
        "mdy",
        rf"(?:(?P<wd>{_WD_FULL}|(?:{_WD_ABBR})\.),?\s+)?{_fill(_MONTH, 'm')}\s*{_fill(_DAY, 'd')}(?:,?\s*{_fill(_YEAR, 'y')})?",
    ),
    (
        "dmy",
        rf"(?:(?P<wd>{_WD_FULL}|(?:{_WD_ABBR})\.),?\s+)?\b{_fill(_DAY, 'd')}\s+(?:of\s+)?{_fill(_MONTH, 'm')}(?:,?\s*{_fill(_YEAR, 'y')})?",
    ),
    ("month_rel_year", rf"{_fill(_MONTH, 'm')}\s+of\s+(?P<shift>last|this|next)\s+year\b"),
    ("month_year", rf"{_fill(_MONTH, 'm')},?\s+(?:of\s+)?{_fill(_YEAR, 'y')}"),
    ("shift_month", rf"\b(?P<shift>[Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Ll]ate|[Mm]id-?)\s*(?P<m>(?:{_M_FULL})\b)"),
    ("shift_weekday", rf"\b(?P<shift>[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast)\s+(?P<wd>(?:{_WD_FULL})\b)(?!s\b)"),
    ("weekday", rf"\b(?P<wd>(?:{_WD_FULL}))(?![a-z])(?!s\b)"),
    ("month", rf"\b(?P<m>(?:{_M_FULL}))\b"),
    ("relday", r"\b(?P<rel>[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow|[Ll]ast night)\b"),
    ("relunit", r"\b(?P<pre>[Ee]arlier |[Ll]ater )?(?P<shift>[Ll]ast|[Nn]ext|[Tt]his)\s+(?P<unit>year|month)\b"),
    ("ago", rf"\b{_NUM}\s+(?P<unit>day|month|year)s?\s+ago\b"),
    ("year", rf"(?<![\d,.$#€£-]){_fill(_YEAR, 'y')}(?!s\b)(?![-–]\d)(?!,\d)"),
]
_SCANNER = re.compile("|".join(f"(?P<K_{name}>{pat.replace('(?P<', f'(?P<{name}_')})" for name, pat in _PATTERNS))


@dataclass(frozen=True)
class TimeMention:
    """A date expression as written, with offsets into the scanned text.

    ``year``/``month``/``day``/``weekday`` are what the words say (weekday:
    0 = Monday). ``shift`` is "last", "next", "this" (or "early"/"late"/"mid",
    which do not move the date); ``relative`` names a deictic word
    ("yesterday", "today", "tomorrow") or unit ("year", "month") and ``amount``
    the count of an "N units ago".
    """

    start: int
    end: int
    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    shift: str | None = None
    relative: str | None = None
    amount: int = 0

    @property
    def kind(self) -> Literal["absolute", "partial", "relative"]:
        """absolute: needs no anchor; partial: needs the year; relative: needs the day."""
        if self.year is not None and self.shift is None:
            return "absolute"
        if self.month is not None and self.shift is None and self.relative is None:
            return "partial"
        return "relative"

    @property
    def precision(self) -> Precision:
        if self.day is not None or self.weekday is not None or self.relative in {"day", "yesterday", "today", "tomorrow"}:
            return "day"
        if self.month is not None or self.relative == "month":
            return "month"
        return "year"

    def shifted(self, offset: int) -> TimeMention:
        """The same mention with offsets moved by ``offset`` (block -> document)."""
        return replace(self, start=self.start + offset, end=self.end + offset)


@dataclass(frozen=True)
class TimeValue:
    """A resolved date: ISO text at its precision and the day range it covers."""

    value: str
    precision: Precision
    earliest: date
    latest: date


def _month_of(word: str) -> int | None:
    w = word.lower().rstrip(".")
    return MONTHS.get(w) or MONTH_ABBR.get(w)


def _weekday_of(word: str) -> int | None:
    w = word.lower().rstrip(".")
    return WEEKDAYS.get(w, WEEKDAY_ABBR.get(w))


def _words_before(text: str, pos: int, n: int = 2) -> list[str]:
    """The ``n`` words before ``pos``, lowercased, nearest last."""
    head = text[max(0, pos - 60) : pos]
    return [w.lower() for w in re.findall(r"[A-Za-z$#€£']+|[,(]", head)][-n:]


def _word_after(text: str, pos: int) -> str:
    m = re.match(r"\s*([A-Za-z']+|\S)", text[pos : pos + 40])
    return m.group(1) if m else ""


def _is_sentence_start(text: str, pos: int) -> bool:
    head = text[max(0, pos - 4) : pos].rstrip(" \t\"'“‘(")
    return not head or head[-1] in ".!?\n:"


def _bare_month_ok(text: str, start: int, end: int, month: int) -> bool:
    prev = _words_before(text, start, 1)
    after = _word_after(text, end)
    if after in {"'s", "'"} and month not in (3, 5):
        return True
    if not prev:
        return False
    if prev[-1] in _MONTH_CUES:
        # "Theresa May", "May I", "the march": capital-M tokens already required.
        return not (month == 5 and re.match(r"\s+(?:be|have|not|also|well|still|the)\b", text[end:end + 12]))
    return False


def _year_ok(text: str, start: int, end: int) -> bool:
    prev = _words_before(text, start, 2)
    after = _word_after(text, end)
    if prev and prev[-1] in _NOT_YEAR_BEFORE:
        return False
    if after.lower() in {"percent", "per", "people", "troops", "votes", "jobs", "miles", "kilometers", "dollars", "feet", "meters", "points", "units", "cases", "times"}:
        return False
    if prev and (prev[-1] in _YEAR_CUES or prev[-1] in {",", "("} or prev[-1] in MONTHS or prev[-1] == "mid-"):
        return True
    if text[max(0, start - 5) : start].lower().endswith(("mid-", "pre-", "post-")):
        return True  # "mid-1990", "post-1959 politics"
    if prev and prev[-1] in {"a", "an"} and after[:1].isupper():
        return True  # "a 1971 Convention", "a 1998 Toyota": a year naming the thing
    if _is_sentence_start(text, start):
        return after in {",", "was", "saw", "brought", "marked"}
    # a year used as a modifier: "a 2011 law", "its 2015 budget"
    return bool(after) and after[0].islower() and not after.endswith("s")


def _amount(word: str) -> int:
    w = word.lower()
    return int(w) if w.isdigit() else NUMBER_WORDS.get(w, 0)


def _mention_from(m: re.Match[str], text: str) -> TimeMention | None:
    kind = m.lastgroup[2:] if m.lastgroup else ""
    gd = {k[len(kind) + 1 :]: v for k, v in m.groupdict().items() if k.startswith(kind + "_") and v is not None}
    start, end = m.start(), m.end()
    base = TimeMention(start=start, end=end, text=text[start:end])
    if kind == "iso":
        y, mo, d = int(gd["y"]), int(gd["m"]), int(gd["d"])
        return replace(base, year=y, month=mo, day=d) if _valid(y, mo, d) else None
    if kind in {"mdy", "dmy"}:
        month = _month_of(gd["m"])
        day = int(gd["d"])
        year = int(gd["y"]) if "y" in gd else None
        if month is None or not 1 <= day <= 31 or not _valid(year or 2000, month, day):
            return None
        if kind == "dmy" and gd["m"].rstrip(".").lower() in MONTH_ABBR and not gd["m"].endswith(".") and year is None:
            return None
        wd = _weekday_of(gd["wd"]) if "wd" in gd else None
        return replace(base, year=year, month=month, day=day, weekday=wd)
    if kind == "month_rel_year":
        return replace(base, month=_month_of(gd["m"]), shift=gd["shift"].lower(), relative="year-of")
    if kind == "month_year":
        return replace(base, month=_month_of(gd["m"]), year=int(gd["y"]))
    if kind == "shift_month":
        shift = gd["shift"].lower().rstrip("-")
        return replace(base, month=_month_of(gd["m"]), shift=shift if shift in {"last", "next", "this"} else None)
    if kind == "shift_weekday":
        prev = _words_before(text, start, 1)
        if prev and prev[-1] in {"every", "each"}:
            return None
        shift = gd["shift"].lower()
        return replace(base, weekday=_weekday_of(gd["wd"]), shift="last" if shift == "past" else shift)
    if kind == "weekday":
        prev = _words_before(text, start, 1)
        if prev and prev[-1] in _HOLIDAY_PREFIX | {"every", "each"}:
            return None
        return replace(base, weekday=_weekday_of(gd["wd"]))
    if kind == "month":
        month = _month_of(gd["m"])
        if month is None or not _bare_month_ok(text, start, end, month):
            return None
        return replace(base, month=month)
    if kind == "relday":
        rel = gd["rel"].lower()
        return replace(base, relative={"yesterday": "yesterday", "last night": "yesterday", "tomorrow": "tomorrow"}.get(rel, "today"))
    if kind == "relunit":
        before = _words_before(text, start, 1)
        if before and before[-1] in {"the", "past", "over", "a", "for", "within"} and gd["shift"].lower() == "last":
            return None  # "the last year" is a duration
        return replace(base, relative=gd["unit"], shift=gd["shift"].lower())
    if kind == "ago":
        n = _amount(gd["n"])
        return replace(base, relative=gd["unit"], shift="ago", amount=n) if n else None
    if kind == "year":
        if not _year_ok(text, start, end):
            return None
        return replace(base, year=int(gd["y"]))
    return None


def _valid(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]


def find_times(text: str) -> list[TimeMention]:
    """Date expressions in ``text``, in order, offsets into ``text``.

    Remembered for the last few hundred texts: the dates and events stages
    scan the same blocks.
    """
    return list(_times_of(text))


@lru_cache(maxsize=1024)
def _times_of(text: str) -> tuple[TimeMention, ...]:
    return tuple(_scan_times(text))


def _scan_times(text: str) -> list[TimeMention]:
    out: list[TimeMention] = []
    for m in _SCANNER.finditer(text):
        mention = _mention_from(m, text)
        if mention is not None:
            out.append(mention)
    return _merge_weekday_before_date(out, text)


def _merge_weekday_before_date(mentions: list[TimeMention], text: str) -> list[TimeMention]:
    """Join "Monday, March 14" (two hits) into one mention of the date."""
    out: list[TimeMention] = []
    for m in mentions:
        if out and out[-1].weekday is not None and out[-1].month is None and m.month is not None and m.day is not None:
            gap = text[out[-1].end : m.start]
            if re.fullmatch(r",?\s*", gap):
                prev = out.pop()
                m = replace(m, start=prev.start, text=text[prev.start : m.end], weekday=prev.weekday)
        out.append(m)
    return out


# -- resolution ----------------------------------------------------------

def _day_value(d: date) -> TimeValue:
    return TimeValue(d.isoformat(), "day", d, d)


def _month_value(y: int, m: int) -> TimeValue:
    last = calendar.monthrange(y, m)[1]
    return TimeValue(f"{y:04d}-{m:02d}", "month", date(y, m, 1), date(y, m, last))


def _year_value(y: int) -> TimeValue:
    return TimeValue(f"{y:04d}", "year", date(y, 1, 1), date(y, 12, 31))


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def _weekday_date(weekday: int, anchor: date, shift: str | None, tense: Tense | None) -> date:
    back = (anchor.weekday() - weekday) % 7  # days back to the latest such weekday <= anchor
    fwd = (weekday - anchor.weekday()) % 7  # days forward to the first such weekday >= anchor
    if shift == "last":
        return anchor - timedelta(days=back or 7)
    if shift == "next":
        return anchor + timedelta(days=fwd or 7)
    if tense in {"future", "present", "modal"}:
        return anchor + timedelta(days=fwd)
    return anchor - timedelta(days=back)  # past, or no verb to tell: news reports what happened


def _month_year(month: int, anchor: date, shift: str | None, tense: Tense | None) -> int:
    y = anchor.year
    if shift == "last":
        return y if month < anchor.month else y - 1
    if shift == "next":
        return y if month > anchor.month else y + 1
    if shift == "this":
        return y
    if tense in {"future", "modal"}:
        return y if month >= anchor.month else y + 1
    return y if month <= anchor.month else y - 1


def _partial_date(month: int, day: int, anchor: date, tense: Tense | None, slack: int = 7) -> date | None:
    options = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        if _valid(y, month, day):
            options.append(date(y, month, day))
    if not options:
        return None
    if tense == "past":
        past = [d for d in options if d <= anchor + timedelta(days=slack)]
        return max(past) if past else None
    if tense == "future":
        fut = [d for d in options if d >= anchor - timedelta(days=slack)]
        return min(fut) if fut else None
    return min(options, key=lambda d: abs((d - anchor).days))


def resolve(mention: TimeMention, anchor: date | None, tense: Tense | None = None) -> TimeValue | None:
    """The date ``mention`` denotes, written at ``anchor`` in a clause of ``tense``.

    Returns None when the mention needs an anchor and there is none.
    """
    if mention.kind == "absolute":
        if mention.day is not None and mention.month is not None:
            return _day_value(date(mention.year, mention.month, mention.day))  # type: ignore[arg-type]
        if mention.month is not None:
            return _month_value(mention.year, mention.month)  # type: ignore[arg-type]
        return _year_value(mention.year)  # type: ignore[arg-type]
    if anchor is None:
        return None
    if mention.relative == "year-of" and mention.month is not None:
        k = {"last": -1, "next": 1}.get(mention.shift or "", 0)
        return _month_value(anchor.year + k, mention.month)
    if mention.month is not None and mention.day is not None:
        d = _partial_date(mention.month, mention.day, anchor, tense)
        return _day_value(d) if d else None
    if mention.month is not None:
        return _month_value(_month_year(mention.month, anchor, mention.shift, tense), mention.month)
    if mention.weekday is not None:
        return _day_value(_weekday_date(mention.weekday, anchor, mention.shift, tense))
    return _resolve_relative(mention, anchor)


def _resolve_relative(mention: TimeMention, anchor: date) -> TimeValue | None:
    rel, shift = mention.relative, mention.shift
    if rel in {"yesterday", "today", "tomorrow"}:
        return _day_value(anchor + timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[rel]))
    k = {"last": -1, "next": 1, "this": 0, "ago": -mention.amount}.get(shift or "", 0)
    if rel == "year":
        return _year_value(anchor.year + k)
    if rel == "month":
        return _month_value(*_add_months(anchor.year, anchor.month, k))
    if rel == "day" and shift == "ago":
        return _day_value(anchor - timedelta(days=mention.amount))
    return None


# -- tense from the parse ------------------------------------------------

_FUTURE_AUX = FUTURE_MODALS
_MODAL_AUX = HYPOTHETICAL_MODALS


def _finite_verb(tok: Token) -> Token | None:
    """The nearest verb governing ``tok`` that carries tense (climbing past -ing/-ed forms)."""
    cur: Token | None = tok
    seen = 0
    while cur is not None and seen < 12:
        seen += 1
        if cur.pos_ in {"VERB", "AUX"}:
            auxes = [c for c in cur.children if c.dep_ in {"aux", "auxpass"}]
            if auxes or cur.tag_ in {"VBD", "VBZ", "VBP", "MD"}:
                return cur
            if cur.tag_ == "VBN" and cur.dep_ in {"ROOT", "conj"}:
                return cur
        if cur.head == cur:
            return cur if cur.pos_ in {"VERB", "AUX"} else None
        cur = cur.head
    return None


def clause_tense(tok: Token) -> Tense | None:
    """Tense of the clause ``tok`` belongs to: past, present, future or modal (None: no verb)."""
    verb = _finite_verb(tok)
    if verb is None:
        return None
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX:
        return "future"
    if any(a.lower_ == "going" for a in auxes) or (verb.lower_ == "going" and any(c.lower_ == "to" for c in verb.children)):
        return "future"
    if words & _MODAL_AUX:
        if any(c.lower_ == "have" for c in auxes):
            return "past"  # "would have announced"
        return "modal"
    if any(a.tag_ == "VBD" for a in auxes) or verb.tag_ == "VBD":
        return "past"
    if any(a.lemma_ == "have" for a in auxes) and verb.tag_ == "VBN":
        return "past"
    if verb.tag_ == "VBN" and not auxes:
        return "past"
    return "present"


_SCHEDULE_VERBS = {"schedule", "set", "plan", "slate", "expect", "due", "postpone", "delay", "reschedule"}
_PAST_PREPS = {"since", "ago"}


def tense_of_span(doc: Doc, start_char: int, end_char: int) -> Tense | None:
    """Tense of the clause holding the characters [start_char, end_char) of ``doc``.

    A date governed by "since" is past; one that is the target of a
    scheduling verb ("scheduled elections for April", "is expected on
    Tuesday") is future whatever the verb's own tense.
    """
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span.root
    prep = root.head if root.dep_ == "pobj" else None
    if prep is not None and prep.lower_ in _PAST_PREPS:
        return "past"
    for anc in list(root.ancestors)[:4]:
        if anc.lemma_.lower() in _SCHEDULE_VERBS and prep is not None and prep.lower_ in {"for", "on", "in", "until", "at"} and anc.i < root.i:
            # "scheduled elections for April"; not "On Friday, the government planned to...", the day of the planning
            return "future"
        if anc.pos_ in {"VERB", "AUX"} and anc.tag_ in {"VBD", "VBZ", "VBP", "MD"}:
            break
    return clause_tense(root)


_PRESENT_REPORTING = {"be", "have", "say", "tell", "report", "announce", "claim", "confirm", "deny", "add", "note", "write", "show", "include", "remain", "hold"}


def _date_head(tok: Token) -> Token:
    """The word a date phrase modifies: its head, past a preposition ("on Monday")."""
    head = tok.head
    if head.dep_ == "prep" and head.head != head:
        head = head.head
    return head


def date_tense_of_span(doc: Doc, start_char: int, end_char: int) -> Tense | None:
    """The tense that places the date at [start_char, end_char) of ``doc`` in time.

    Like :func:`tense_of_span`, but read at the verb the date modifies: a
    bare participle is past ("the terms, announced Friday, give holders"),
    an infinitive looks ahead ("is to resume trading Tuesday").
    """
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    for anc in list(span.root.ancestors)[:6]:
        if anc.pos_ not in {"VERB", "AUX"}:
            continue
        auxes = [c for c in anc.children if c.dep_ in {"aux", "auxpass"}]
        if anc.tag_ == "VBN" and not auxes and anc.dep_ in {"acl", "advcl", "amod", "relcl"}:
            return "past"
        if (
            anc.tag_ in {"VBP", "VBZ"}
            and not auxes
            and anc.lemma_ not in _PRESENT_REPORTING
            and not (anc.tag_ == "VBP" and anc.lower_ in _SAME_PAST)  # "stocks hurt the index on Friday": VBP or VBD
            and span.root.dep_ in {"npadvmod", "pobj", "advmod", "obl"}
            and anc == _date_head(span.root)
        ):
            return "future"  # "the leaders meet Monday": a present that schedules
        if anc.tag_ == "VB" and any(a.tag_ == "TO" for a in auxes) and anc.dep_ in {"xcomp", "ccomp", "advcl"}:
            head = anc.head
            if head.lemma_ in {"be", "plan", "expect", "schedule", "intend", "aim", "hope", "want", "seek", "agree", "prepare", "vow", "promise", "threaten", "decide"}:
                return "future"
        break
    tense = tense_of_span(doc, start_char, end_char)
    if tense == "modal" and _past_ability(span.root):
        return "past"  # "he could not be reached Friday": the past of "can"
    return tense


def _past_ability(tok: Token) -> bool:
    """Whether the verb over ``tok`` is a negated "could" ("could not be reached", "neither could be found")."""
    verb = _finite_verb(tok)
    if verb is None:
        return False
    auxes = [c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if "could" not in auxes or "have" in auxes:
        return False
    if any(c.dep_ == "neg" or c.lower_ == "never" for c in verb.children):
        return True
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return any(t.lower_ in {"neither", "nor", "no", "nobody", "none"} for c in subjects for t in c.subtree)


# -- TIMEX3: every temporal expression, typed and normalized -------------
#
# :func:`find_timexes` finds the temporal expressions of a text the way
# TimeML annotates them (TIMEX3): dates at any granularity (a day, a week
# ``2016-W11``, a weekend ``2016-W11-WE``, a month, a quarter ``1989-Q3``, a
# half ``1990-H1``, a season ``1998-SU``, a year, a decade ``199X``, a
# century ``19``), the deictic ``PRESENT_REF`` / ``PAST_REF`` /
# ``FUTURE_REF``, times of day, durations (``P3D``) and sets (``P1W``,
# ``XXXX-WXX-1``). Candidates of every rule are collected; the longest win
# ("June last year" over "last year", "Tuesday, May 8, 2018" over "May 8");
# each is then valued against the anchor (publication date) and the tense
# of its clause. A value that cannot be computed (no anchor for a relative
# expression, a year outside 1-9999) drops the expression: never an error.

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
TenseAt = Callable[[int, int], "Tense | None"]


@dataclass(frozen=True)
class Timex3:
    """A temporal expression with offsets into the scanned text, its TIMEX3 type and value."""

    start: int
    end: int
    text: str
    type: TimexType
    value: str

    def shifted(self, offset: int) -> Timex3:
        return replace(self, start=self.start + offset, end=self.end + offset)


@dataclass
class TimexState:
    """What one document's earlier expressions tell later ones (carried across blocks).

    ``quarter`` is the last quarter a text spoke of ("the third quarter"),
    which "the year-earlier quarter" or "a year ago" in a results report
    are relative to.
    """

    quarter: tuple[int, int] | None = None  # (year, quarter)
    fiscal: bool = False  # that quarter was named as a fiscal one ("the fiscal first quarter")
    last: tuple[date, str] | None = None  # the last date written, and its precision ("day", "month", "year")


def _words() -> dict[str, Any]:
    raw = resources.files("storyline.language").joinpath("data/time.toml").read_text(encoding="utf-8")
    return tomllib.loads(raw)


_WORDS = _words()
_FAR_DAYS: int = int(_WORDS["resolve"]["far_days"])
_NUMBERS: dict[str, int] = dict(_WORDS["numbers"])
_ORDINALS: dict[str, int] = dict(_WORDS["ordinals"])
_VAGUE: list[str] = list(_WORDS["vague"]["words"])
_SEASONS: dict[str, tuple[str, int]] = {k: (v[0], int(v[1])) for k, v in _WORDS["seasons"].items()}
_UNITS: dict[str, str] = dict(_WORDS["units"])
_REFS: dict[str, list[str]] = {k: list(v) for k, v in _WORDS["refs"].items()}
_HOLIDAYS: dict[str, tuple[int, int]] = {k: (int(v[0]), int(v[1])) for k, v in _WORDS["holidays"].items()}
_SETS: dict[str, str] = dict(_WORDS["sets"])
_FLOATING: dict[str, tuple[int, int, int, int]] = {k: (int(v[0]), int(v[1]), int(v[2]), int(v[3])) for k, v in _WORDS["floating_holidays"].items()}
_GENERIC_TODAY: set[str] = set(_WORDS["generic_today"]["nouns"])
_GENERIC_QUANT: set[str] = set(_WORDS["generic_today"]["quantifiers"])
_DECADE_WORDS: dict[str, int] = dict(_WORDS["decade_words"])
_SAME_PAST: set[str] = set(_WORDS["tense"]["same_past"])




_MONTH_NAMES = [m.capitalize() for m in MONTHS]
_MONTH_ABBRS = [m.capitalize() for m in MONTH_ABBR]
_TX_MONTH = (
    rf"(?-i:(?:{'|'.join(_MONTH_NAMES)}|{'|'.join(m.upper() for m in MONTHS)})(?![A-Za-z])"
    rf"|(?:{'|'.join(sorted(_MONTH_ABBRS, key=len, reverse=True))})\.?(?![A-Za-z]))"
)
_TX_WD = (
    rf"(?-i:(?:{'|'.join(d.capitalize() for d in WEEKDAYS)})(?![a-z])"
    rf"|(?:{'|'.join(sorted((d.capitalize() for d in WEEKDAY_ABBR), key=len, reverse=True))})\.)"
)
_TX_DAY = r"[0-3]?\d(?:st|nd|rd|th)?(?![\d%])(?!:\d)"
_TX_YEAR = r"(?<![\d,.$#€£])(?<!\d-)(?<!\d–)(?:1[5-9]\d\d|20\d\d)(?![\d%])"
_NUMWORD = phrase_alternation(w for w in _NUMBERS if w not in {"a", "an"})
_TX_NUM = rf"(?:\d+(?:,\d{{3}})*|(?:{_NUMWORD})(?:[\s-]+(?:{_NUMWORD}))*|an?)"
_TX_VAGUE = phrase_alternation(_VAGUE)
_TX_ORD = phrase_alternation(_ORDINALS)
_TX_SEASON = phrase_alternation(_SEASONS)
_UNIT_WORDS = r"second|minute|hour|day|week|month|year|decade|century|centurie"
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ONES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TX_SPELLED_YEAR = (
    rf"(?:(?:sixteen|seventeen|eighteen|nineteen)[\s-]+(?:hundred(?:\s+and\s+\w+)?|(?:{'|'.join(_TENS)})(?:[\s-]+(?:{'|'.join(_ONES)}))?"
    rf"|oh[\s-]+(?:{'|'.join(_ONES)})|(?:{'|'.join(_TEENS)}))"
    rf"|two\s+thousand(?:\s+(?:and\s+)?(?:{'|'.join(_TEENS + _ONES)}))?)"
)
_YEAR_OR_SPELLED = rf"(?:{_TX_YEAR}|{_TX_SPELLED_YEAR})"
_SHIFT_WORDS = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "this": 0, "current": 0}


def _number(words: str) -> int | None:
    """The count ``words`` spell ("24", "twenty four", "a"); None when vague ("several")."""
    w = words.lower().replace(",", "").strip()
    if w.isdigit():
        return int(w)
    total, seen = 0, False
    for part in re.split(r"[\s-]+", w):
        if part not in _NUMBERS:
            return None
        n = _NUMBERS[part]
        total = total * n if n == 100 and total else total + n
        seen = True
    return total if seen else None


def _spelled_year(words: str) -> int | None:
    """"nineteen ninety-six" -> 1996, "two thousand" -> 2000, "eighteen hundred" -> 1800."""
    parts = [p for p in re.split(r"[\s-]+", words.lower()) if p not in {"and", "the", "year"}]
    if parts[:2] == ["two", "thousand"]:
        rest = _number(" ".join(parts[2:])) if parts[2:] else 0
        return 2000 + rest if rest is not None and rest < 100 else None
    if not parts or parts[0] not in _NUMBERS:
        return None
    century = _NUMBERS[parts[0]]
    rest_words = parts[1:]
    if rest_words[:1] == ["hundred"]:
        rest_words = rest_words[1:]
    if rest_words[:1] == ["oh"]:
        rest_words = rest_words[1:]
    rest = _number(" ".join(rest_words)) if rest_words else 0
    return century * 100 + rest if rest is not None and rest < 100 else None


def _year_str(y: int) -> str:
    if not 1 <= y <= 9999:
        raise ValueError(f"year {y} out of range")
    return f"{y:04d}"


def _week_str(d: date) -> str:
    iso = d.isocalendar()
    return f"{_year_str(iso[0])}-W{iso[1]:02d}"


def _quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def _q_add(y: int, q: int, k: int) -> tuple[int, int]:
    idx = y * 4 + (q - 1) + k
    return idx // 4, idx % 4 + 1


def _nearest_month_year(month: int, anchor: date, tense: Tense | None, day: int = 15) -> int:
    """The year of a month (or day of a month) written without one.

    News style writes the year only when it is not the current one, so the
    current year, unless that puts the date far on the wrong side of the
    anchor for the tense (a past-tense "in November" written in January;
    a future "in April" written in December); with no tense to tell, the
    nearer of the current and the adjacent year.
    """
    y = anchor.year
    same = date(y, month, min(day, calendar.monthrange(y, month)[1]))
    gap = (same - anchor).days
    if tense == "past":
        return y - 1 if gap > _FAR_DAYS else y
    if tense in {"future", "modal"}:
        return y + 1 if -gap > _FAR_DAYS else y
    if gap > _FAR_DAYS:
        return y - 1  # no future tense to place it ahead: news reports what happened
    if gap < -183:
        return y + 1
    return y


def _year_less_date(month: int, day: int, anchor: date, tense: Tense | None) -> date:
    y = _nearest_month_year(month, anchor, tense, day)
    if not _valid(y, month, day):  # Feb. 29 of a common year: the nearest leap year the tense allows
        y = next(c for c in (y - 1, y + 1, y - 2, y + 2, y - 3, y + 3, y - 4, y + 4) if _valid(c, month, day))
    return date(y, month, day)


_DEADLINE_BEFORE = {"until", "till", "through", "by", "effective", "starting"}
_CLOCK_BEFORE = re.compile(r"\s*\b\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am|pm)(?:\s+[A-Z]{2,4})?\s*$", re.IGNORECASE)
_SOON_AS = re.compile(r"\bas\s+(?:soon|early|late)\s+as\s*$", re.IGNORECASE)
# "is scheduled to close Monday", "set a vote for Nov. 10", "postponed until Tuesday" (not "lower-than-expected")
_SCHEDULE_CUE = re.compile(
    r"(?<![-\w])(?:(?:scheduled|slated|expected|planned|postponed|delayed|adjourned|rescheduled)\s+(?:[\w']+\s+){0,3}?(?:(?:on|for|until|till|in|at)\s+)?"
    r"|(?:set|due)\s+(?:for|on|to\s+\w+\s+(?:on\s+)?))$",
    re.IGNORECASE,
)


@dataclass
class _Scan:
    text: str
    anchor: date | None
    tense_at: TenseAt | None
    state: TimexState

    def tense(self, start: int, end: int) -> Tense | None:
        return self.tense_at(start, end) if self.tense_at is not None else None

    def date_tense(self, start: int, end: int, short: bool = False) -> Tense | None:
        """The tense that places a date in time: a deadline ("through January") looks ahead.

        ``short``: the date is at most a week away (a weekday), where a past
        clause wins over a deadline ("until Thursday, they had not called").
        """
        head = _CLOCK_BEFORE.sub("", self.text[max(0, start - 80) : start])  # "until 9 a.m. Tuesday"
        prev = _words_before(head, len(head), 1)
        if prev and prev[-1] in _DEADLINE_BEFORE and not (short and self.tense(start, end) == "past"):
            return "future"
        if _SOON_AS.search(head):
            return "future"  # "as soon as Tuesday", "as early as next week"
        if _SCHEDULE_CUE.search(self.text[max(0, start - 60) : start]):
            return "future"  # "is scheduled to close Monday", "set a vote for Nov. 10"
        return self.tense(start, end)


_Result = tuple[TimexType, str]
_Handler = Callable[[re.Match[str], _Scan], "_Result | None"]
_TX_RULES: list[tuple[re.Pattern[str], _Handler]] = []


def _rule(pattern: str, first: bool = False) -> Callable[[_Handler], _Handler]:
    """Register a rule; among candidates of one length the earlier rule wins (``first``: ahead of all)."""

    def deco(fn: _Handler) -> _Handler:
        _TX_RULES.insert(0 if first else len(_TX_RULES), (re.compile(pattern, re.IGNORECASE), fn))
        return fn

    return deco


def _need(anchor: date | None) -> date:
    if anchor is None:
        raise ValueError("no anchor")
    return anchor


def _g(m: re.Match[str], name: str) -> str | None:
    v = m.groupdict().get(name)
    return v.lower() if v is not None else None


# dates written out in full

@_rule(r"\b(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")
def _tx_iso(m: re.Match[str], s: _Scan) -> _Result | None:
    return "DATE", date(int(m["y"]), int(m["m"]), int(m["d"])).isoformat()


@_rule(r"(?<![\d/])(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>\d{4}|\d{2})(?![\d/])")
def _tx_numeric(m: re.Match[str], s: _Scan) -> _Result | None:
    y = int(m["y"])
    if len(m["y"]) == 2:
        y += 1900 if y >= 30 else 2000
    return "DATE", date(y, int(m["m"]), int(m["d"])).isoformat()


_PAIR_TAIL = re.compile(rf"\s*(?:and|or|&)\s*[0-3]?\d(?:st|nd|rd|th)?,?\s*(?P<y>{_TX_YEAR})", re.IGNORECASE)


@_rule(
    rf"(?:(?P<wd>{_TX_WD}),?\s+)?(?:(?P<m>{_TX_MONTH})\s*(?P<d>{_TX_DAY})|(?:the\s+)?(?P<d2>{_TX_DAY})(?:\s+of)?\s+(?P<m2>{_TX_MONTH}))"
    rf"(?:(?:,?\s*|\s+of\s+)(?P<y>{_TX_YEAR})|\s+(?P<ry>last|this|next)\s+year\b)?"
)
def _tx_full_date(m: re.Match[str], s: _Scan) -> _Result | None:
    month = _month_of(m["m"] or m["m2"])
    day = int(re.sub(r"\D", "", m["d"] or m["d2"]))
    if month is None:
        return None
    if m["m2"] and m["m2"].rstrip(".").lower() in MONTH_ABBR and not m["m2"].endswith(".") and not m["y"]:
        return None  # "5 Jan" without a year: too weak
    if m["y"]:
        return "DATE", date(int(m["y"]), month, day).isoformat()
    pair = _PAIR_TAIL.match(s.text, m.end())
    if pair is not None:  # "Oct. 5 and 6, 1998": the year written after the pair
        return "DATE", date(int(pair["y"]), month, day).isoformat()
    anchor = _need(s.anchor)
    if m["ry"]:
        return "DATE", date(anchor.year + _SHIFT_WORDS[m["ry"].lower()], month, day).isoformat()
    return "DATE", _year_less_date(month, day, anchor, s.date_tense(m.start(), m.end())).isoformat()


_DAY_PAIR_HEAD = re.compile(rf"(?P<m>{_TX_MONTH})\s*(?P<d>{_TX_DAY})\s*(?:and|or|&)\s*$", re.IGNORECASE)


@_rule(r"(?<![\d,.$])\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?![\d%:.,]\d|\s*(?:percent|%|a\.m\.|p\.m\.))(?:,?\s*(?P<y>(?:1[5-9]|20)\d\d)\b)?")
def _tx_second_day(m: re.Match[str], s: _Scan) -> _Result | None:
    """"on April 24 and 25": the second day of a pair takes the first one's month (and a year written after it)."""
    head = _DAY_PAIR_HEAD.search(s.text[max(0, m.start() - 24) : m.start()])
    if head is None:
        return None
    month = _month_of(head["m"])
    day = int(m["d"])
    if month is None or not 1 <= day <= 31 or day <= int(re.sub(r"\D", "", head["d"])):
        return None
    if m["y"]:
        y = int(m["y"])
    else:
        y = _year_less_date(month, day, _need(s.anchor), s.date_tense(m.start(), m.end())).year
    return ("DATE", date(y, month, day).isoformat()) if _valid(y, month, day) else None


@_rule(rf"\bthe\s+week\s+of\s+(?P<m>{_TX_MONTH})\s*(?P<d>{_TX_DAY})(?:,?\s*(?P<y>{_TX_YEAR}))?")
def _tx_week_of(m: re.Match[str], s: _Scan) -> _Result | None:
    month = _month_of(m["m"])
    day = int(re.sub(r"\D", "", m["d"]))
    if month is None:
        return None
    if m["y"]:
        d = date(int(m["y"]), month, day)
    else:
        d = _year_less_date(month, day, _need(s.anchor), s.date_tense(m.start(), m.end()))
    return "DATE", _week_str(d)


_PART_OF = r"(?:the\s+)?(?:early|late|mid(?:dle)?|end|beginning|start|middle)(?:\s+of)?"


@_rule(
    rf"(?:(?P<pre>{_PART_OF})[\s-]*)?(?P<m>{_TX_MONTH}),?\s+(?:of\s+)?(?:(?P<y>{_TX_YEAR})|(?P<sy>{_TX_SPELLED_YEAR})|(?P<ry>last|this|next)\s+year\b)"
)
def _tx_month_year(m: re.Match[str], s: _Scan) -> _Result | None:
    month = _month_of(m["m"])
    if month is None:
        return None
    if m["y"]:
        y = int(m["y"])
    elif m["sy"]:
        sy = _spelled_year(m["sy"])
        if sy is None:
            return None
        y = sy
    else:
        y = _need(s.anchor).year + _SHIFT_WORDS[m["ry"].lower()]
    return "DATE", f"{_year_str(y)}-{month:02d}"


@_rule(rf"(?P<pre>(?:{_PART_OF}|last|next|this|coming|this\s+past|past)[\s-]*)(?P<m>(?-i:{'|'.join(_MONTH_NAMES)})\b)")
def _tx_shift_month(m: re.Match[str], s: _Scan) -> _Result | None:
    month = _month_of(m["m"])
    if month is None:
        return None
    anchor = _need(s.anchor)
    pre = m["pre"].lower().strip(" -")
    shift = "last" if pre in {"last", "past", "this past"} else "next" if pre in {"next", "coming"} else "this" if pre == "this" else None
    if shift is None:
        y = _nearest_month_year(month, anchor, s.date_tense(m.start(), m.end()))
    else:
        y = _month_year(month, anchor, shift, None)
    return "DATE", f"{_year_str(y)}-{month:02d}"


def _bare_month_fits(text: str, start: int, end: int, month: int) -> bool:
    if _bare_month_ok(text, start, end, month):
        return True
    if _words_before(text, start, 1) == ["the"] and re.match(r"\s+[a-z]{3,}\b(?<!\bof)", text[end : end + 20]):
        return True  # "the March accession", "the May election": a month modifying a noun
    if month in (3, 5):  # "March" and "May" are also a verb, a modal and a name
        return False
    after = text[end : end + 30]
    if re.match(r"\s+[A-Z][a-z]", after):  # "June Carter"
        return False
    before = text[max(0, start - 30) : start]
    if re.search(r"[A-Z][a-z]+\s+$", before) and not _is_sentence_start(text, start):
        return False  # "Mrs. April", "Lake June"
    return True


@_rule(rf"(?P<m>(?-i:{'|'.join(_MONTH_NAMES)})\b)")
def _tx_month(m: re.Match[str], s: _Scan) -> _Result | None:
    month = _month_of(m["m"])
    if month is None or not _bare_month_fits(s.text, m.start(), m.end(), month):
        return None
    if _words_before(s.text, m.start(), 1) in (["each"], ["every"]):
        return "SET", f"XXXX-{month:02d}"  # "march each July": every year's July
    y = _nearest_month_year(month, _need(s.anchor), s.date_tense(m.start(), m.end()))
    return "DATE", f"{_year_str(y)}-{month:02d}"


@_rule(rf"(?:\b(?P<pre>last|next|this|coming|past|early|late|earlier|later|the\s+previous|the\s+following|the\s+next)\s+)?(?P<wd>{_TX_WD})(?!s\b)")
def _tx_weekday(m: re.Match[str], s: _Scan) -> _Result | None:
    prev = _words_before(s.text, m.start(), 1)
    if prev and prev[-1] in _HOLIDAY_PREFIX | {"every", "each", "on"} and prev[-1] != "on":
        return None
    wd = _weekday_of(m["wd"])
    if wd is None:
        return None
    pre = _g(m, "pre")
    if pre is not None and pre.startswith("the"):
        # "the previous Friday", "the following Monday": counted from the last day written, else from the anchor
        back = "previous" in pre
        ref = s.state.last[0] if s.state.last is not None and s.state.last[1] == "day" else _need(s.anchor)
        step = ((ref.weekday() - wd) % 7 or 7) if back else ((wd - ref.weekday()) % 7 or 7)
        return "DATE", (ref - timedelta(days=step) if back else ref + timedelta(days=step)).isoformat()
    shift = {"last": "last", "past": "last", "next": "next", "coming": "next"}.get(pre or "")
    tense = s.date_tense(m.start(), m.end(), short=True)
    if pre == "earlier" or tense == "present":
        tense = "past"  # "officials say Monday", "Monday's ruling": news looks back
    return "DATE", _weekday_date(wd, _need(s.anchor), shift, tense).isoformat()


_POSS_NOUN = re.compile(r"['’]s\s+(?:[a-z-]+\s+)?(?P<n>[a-z]+)", re.IGNORECASE)


def _generic_today(text: str, start: int, end: int) -> bool:
    """"today's world", "many of today's personal computers": "today" for the present age."""
    after = _POSS_NOUN.match(text, end)
    if after is None:
        return False
    noun = text[end : after.end()].split()[1:]
    if any(w.lower() in _GENERIC_TODAY for w in noun):
        return True
    prev = _words_before(text, start, 2)
    return len(prev) == 2 and prev[1] == "of" and prev[0] in _GENERIC_QUANT


@_rule(r"\b(?:(?P<pre>earlier|later|late|early)\s+)?(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow)\b")
def _tx_relday(m: re.Match[str], s: _Scan) -> _Result | None:
    w = re.sub(r"\s+", " ", m["w"].lower())
    if m["w"][0].isupper() and not m["pre"] and not _is_sentence_start(s.text, m.start()) and re.search(r"[A-Z][\w.]*\s+$", s.text[max(0, m.start() - 20) : m.start()]):
        return None  # "USA Today", "VOA Today": a name
    if w == "today" and not m["pre"] and _generic_today(s.text, m.start(), m.end()):
        return None  # "today's youth", "many of today's computers": the present age, not the day
    k = {"yesterday": -1, "today": 0, "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2}[w]
    return "DATE", (_need(s.anchor) + timedelta(days=k)).isoformat()


@_rule(r"\b(?P<w>tonight|this\s+morning|this\s+afternoon|this\s+evening|last\s+night|overnight)\b")
def _tx_part_of_today(m: re.Match[str], s: _Scan) -> _Result | None:
    w = re.sub(r"\s+", " ", m["w"].lower())
    anchor = _need(s.anchor)
    part = {"tonight": "NI", "this morning": "MO", "this afternoon": "AF", "this evening": "EV", "last night": "NI", "overnight": "NI"}[w]
    day = anchor - timedelta(days=1) if w == "last night" else anchor
    return "TIME", f"{day.isoformat()}T{part}"


_CAL_UNITS = r"week|weekend|month|year|quarter|decade|century|spring|summer|fall|autumn|winter"


def _unit_value(unit: str, anchor: date, k: int) -> str:
    """The calendar ``unit`` containing ``anchor``, moved by ``k`` units."""
    unit = unit.lower()
    if unit == "week":
        return _week_str(anchor + timedelta(weeks=k))
    if unit == "weekend":
        return _week_str(anchor + timedelta(weeks=k)) + "-WE"
    if unit == "month":
        y, mo = _add_months(anchor.year, anchor.month, k)
        return f"{_year_str(y)}-{mo:02d}"
    if unit == "quarter":
        y, q = _q_add(anchor.year, _quarter_of(anchor), k)
        return f"{_year_str(y)}-Q{q}"
    if unit == "year":
        return _year_str(anchor.year + k)
    if unit == "decade":
        return _year_str(anchor.year + 10 * k)[:3]
    if unit == "century":
        return _year_str(anchor.year + 100 * k)[:2]
    if unit in _SEASONS:
        code, _first = _SEASONS[unit]
        return f"{_year_str(anchor.year + k)}-{code}"
    raise ValueError(unit)


@_rule(
    rf"\b(?:(?P<pre>earlier|later|early|late|(?:the\s+)?(?:end|beginning|start|middle)\s+of)\s+)?(?:(?P<det>the|this)\s+)?"
    rf"(?P<shift>last|next|this|coming|past|previous|current|latest)\s+(?:(?P<fis>fiscal|calendar)\s+)?(?P<unit>{_CAL_UNITS})\b(?!s\b)(?!-)"
)
def _tx_relunit(m: re.Match[str], s: _Scan) -> _Result | None:
    if m["unit"][0].isupper() and m["shift"][0].isupper() and re.search(r"[\"“`]\s*$", s.text[max(0, m.start() - 3) : m.start()]):
        return None  # ABC's "This Week": a title in quotes
    anchor = _need(s.anchor)
    unit = m["unit"].lower()
    shift = m["shift"].lower()
    det = _g(m, "det")
    if det == "this" and shift == "this":
        return None
    k = _SHIFT_WORDS.get(shift, -1)
    if det == "this" and shift == "past":  # "this past spring"
        k = 0 if unit in _SEASONS and _SEASONS[unit][1] <= anchor.month else -1
    if unit == "quarter":
        if shift == "latest":
            k = -1
        value = _unit_value(unit, anchor, k)
        y, q = value.split("-Q")
        s.state.quarter = (int(y), int(q))
        s.state.fiscal = False
        return "DATE", value
    if shift == "latest":
        k = -1
    if unit in _SEASONS and shift in {"next", "coming"} and _SEASONS[unit][1] > anchor.month:
        k = 0  # "next summer", said in March
    return "DATE", _unit_value(unit, anchor, k)


@_rule(r"\b(?P<pre>earlier|later)\s+in\s+the\s+(?P<unit>week|month|year)\b|\b(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+(?:the|this)\s+(?P<unit2>week|month|year)\b")
def _tx_in_the_unit(m: re.Match[str], s: _Scan) -> _Result | None:
    return "DATE", _unit_value(m["unit"] or m["unit2"], _need(s.anchor), 0)


@_rule(r"\bthe\s+(?P<mod>full\s+|fiscal\s+|calendar\s+|entire\s+|whole\s+)?(?P<unit>year|week)\b(?!s\b|(?<=year)'s|-|\s+(?:ago|earlier|before|after|later|of|ended|ending|to|in\s+which|when|that|he|she|they|it)\b)")
def _tx_the_unit(m: re.Match[str], s: _Scan) -> _Result | None:
    """"For the year, sales rose": in a report, the year (or week) the report covers."""
    anchor = _need(s.anchor)
    if m["unit"].lower() == "week":
        return "DATE", f"{_year_str(anchor.year)}-WXX"  # a week of this year, which one the text does not say
    return "DATE", _year_str(anchor.year)


@_rule(r"\b(?P<then>then[\s-]+)?current\b(?!ly)(?!\s+(?:account|accounts|events|affairs|flowing|flows?|of|density|source|electric|collector)\b)")
def _tx_current(m: re.Match[str], s: _Scan) -> _Result | None:
    """"the current chairman", "then-current prices": the present (of then)."""
    return "DATE", "PAST_REF" if m["then"] else "PRESENT_REF"


@_rule(r"\bthe\s+weekend\b(?!s)")
def _tx_the_weekend(m: re.Match[str], s: _Scan) -> _Result | None:
    anchor = _need(s.anchor)
    tense = s.date_tense(m.start(), m.end())
    if tense in {"future", "modal"}:
        saturday = anchor + timedelta(days=(5 - anchor.weekday()) % 7)
    else:  # the weekend just past (or the one under way)
        saturday = anchor - timedelta(days=(anchor.weekday() - 5) % 7)
    return "DATE", _week_str(saturday) + "-WE"


@_rule(r"\b(?:around\s+)?(?P<w>year[\s-]end|year's\s+end)\b")
def _tx_year_end(m: re.Match[str], s: _Scan) -> _Result | None:
    return "DATE", _year_str(_need(s.anchor).year)


@_rule(
    rf"\b(?:(?P<q>about|almost|nearly|some|roughly|more\s+than|less\s+than|over|just|only)\s+)?(?:(?P<n>{_TX_NUM})|(?P<v>{_TX_VAGUE}))"
    rf"(?:\s+or\s+so)?\s+(?P<unit>{_UNIT_WORDS})s?\s+(?:or\s+so\s+)?(?P<dir>ago|earlier|before|later|after|from\s+now|hence)\b"
)
def _tx_ago(m: re.Match[str], s: _Scan) -> _Result | None:
    unit = m["unit"].lower().replace("centurie", "century")
    back = m["dir"].lower() in {"ago", "earlier", "before"}
    if m["v"]:
        if m["dir"].lower() in {"later", "after", "before"}:
            return "DURATION", f"PX{_UNITS.get(unit, 'Y')}"
        return "DATE", "PAST_REF" if back else "FUTURE_REF"
    n = _number(m["n"])
    if n is None:
        return None
    anchor = _need(s.anchor)
    if unit in {"second", "minute", "hour"}:
        return None  # a time, not a date: left to the TIME rules
    if m["dir"].lower() in {"later", "after", "before"}:
        # counted from another event, not from the anchor: a duration ("two months after the vote")
        letter = _UNITS[unit] if unit not in {"decade", "century"} else "Y"
        return "DURATION", f"P{n * (10 if unit == 'decade' else 100 if unit == 'century' else 1)}{letter}"
    if m["dir"].lower() in {"earlier", "ago"} and unit == "year" and n == 1 and s.state.quarter:
        y, q = s.state.quarter  # "a year earlier", in a quarterly report: that quarter, or the months to date
        return "DATE", _year_str(y - 1) if _year_to_date(s.text, m.start()) else f"{_year_str(y - 1)}-Q{q}"
    sign = -1 if back else 1
    if unit == "day":
        return "DATE", (anchor + timedelta(days=sign * n)).isoformat()
    if unit == "week":
        return "DATE", _week_str(anchor + timedelta(weeks=sign * n))
    if unit == "month":
        y, mo = _add_months(anchor.year, anchor.month, sign * n)
        return "DATE", f"{_year_str(y)}-{mo:02d}"
    if unit == "year":
        return "DATE", _year_str(anchor.year + sign * n)
    if unit == "decade":
        return "DATE", _year_str(anchor.year + sign * 10 * n)
    return "DATE", _year_str(anchor.year + sign * 100 * n)[:2]


# quarters and halves

_MONTHS_TO_DATE = re.compile(r"\b(?:first|latest|past|last)\s+(?:(?:six|nine|\d{1,2})[\s-]+months|half)\b|\bnine[\s-]+months\b", re.IGNORECASE)
_QUARTER_WORD = re.compile(r"quarter", re.IGNORECASE)


def _year_to_date(text: str, pos: int) -> bool:
    """Whether the sentence before ``pos`` last spoke of months to date ("in the first nine months"), not of a quarter.

    A comparison there ("compared with ... a year earlier") is with those months of the year before: a year, not the quarter.
    """
    head = text[max(0, pos - 300) : pos]
    head = re.split(r"[.!?]\s+(?=[A-Z\"“]|$)", head)[-1]
    spans = list(_MONTHS_TO_DATE.finditer(head))
    if not spans:
        return False
    return _QUARTER_WORD.search(head, spans[-1].end()) is None

_Q_MODS = r"(?:(?:fiscal|latest|current|comparable|flat|same|calendar|most\s+recent|just-ended|year-ago|year-earlier|strong|weak|disappointing|traditionally\s+\w+)[\s-]+)*"


@_rule(
    rf"\b(?:(?P<det>the|its|a|this|that|their|his|her|our)\s+)?(?:(?P<yr>{_TX_YEAR})\s+|(?P<poss>this|last|next)\s+year's\s+|(?P<ya>year-(?:ago|earlier))\s+)?"
    rf"{_Q_MODS}(?:(?P<ord>{_TX_ORD}|last)[\s-]+)?(?:fiscal[\s-]+)?(?P<what>quarter|half|period)\b(?!s)"
    rf"(?:\s+of\s+(?:(?:fiscal\s+)?(?P<y2>{_TX_YEAR})|(?P<rel>this|last|next)\s+year\b))?"
)
def _tx_quarter(m: re.Match[str], s: _Scan) -> _Result | None:
    half = m["what"].lower() == "half"
    if m["what"].lower() == "period" and (m["ord"] or not (m["yr"] and m["det"] and s.state.quarter)):
        return None  # "the 1988 period" is a quarter only in a quarterly report
    if m["ord"] is None:
        if half or s.anchor is None or not ((m["yr"] and m["det"]) or m["poss"]):
            return None
        # "the 1988 quarter", "last year's quarter": the quarter being reported, in that year
        y = int(m["yr"]) if m["yr"] else s.anchor.year + _SHIFT_WORDS[m["poss"].lower()]
        if m["what"].lower() == "period" and _year_to_date(s.text, m.start()):
            return "DATE", _year_str(y)  # "in the first nine months ..., against ... in the 1988 period"
        q = s.state.quarter[1] if s.state.quarter else _q_add(s.anchor.year, _quarter_of(s.anchor), -1)[1]
        return "DATE", f"{_year_str(y)}-Q{q}"
    n = 2 if m["ord"].lower() == "last" and half else _ORDINALS.get(m["ord"].lower(), 0)
    if n < 1 or n > (2 if half else 4):
        return None
    if m["yr"] or m["y2"]:
        y = int(m["yr"] or m["y2"])
    else:
        anchor = _need(s.anchor)
        rel = _g(m, "poss") or _g(m, "rel")
        y = anchor.year + (_SHIFT_WORDS[rel] if rel else 0)
        if not rel and not half and n > _quarter_of(anchor) and s.date_tense(m.start(), m.end()) not in {"future", "modal"}:
            y -= 1  # "profits fell in the fourth quarter", written in January: last year's
        if not rel and half and n > (anchor.month - 1) // 6 + 1 and s.date_tense(m.start(), m.end()) not in {"future", "modal"}:
            y -= 1
        if m["ya"] or re.search(r"year-(?:ago|earlier)", m.group(0), re.IGNORECASE):
            y -= 1
    if half:
        return "DATE", f"{_year_str(y)}-H{n}"
    fiscal = "fiscal" in m.group(0).lower()
    described = _g(m, "det") in {"a", "an"} and "-" not in m.group(0)  # "after a flat second quarter", not "a third-quarter loss"
    now = (s.anchor.year, _quarter_of(s.anchor)) if s.anchor is not None else (y, n)
    if not described and ((y, n) < now or ((y, n) == now and (fiscal or s.date_tense(m.start(), m.end()) == "past"))):
        # the quarter a report is about has ended: not "the third quarter of 1990" still to come, not "after a
        # flat second quarter"; the current one only when named fiscal or reported in the past tense (a fiscal
        # quarter, numbered ahead of the calendar: "reported lower fourth-quarter earnings" in November)
        s.state.quarter = (y, n)
        s.state.fiscal = fiscal
    return "DATE", f"{_year_str(y)}-Q{n}"


@_rule(
    r"\b(?P<det>the|this|that|its)\s+(?P<mods>(?:(?:latest|current|recent|most\s+recent|previous|past|last|next|coming|comparable|same|"
    r"year-ago|year-earlier|fiscal|just-ended|just\s+ended|corresponding|similar)[\s-]+)*)(?P<what>quarter|period)\b(?!s|-to-)"
    r"(?!\s+of\s+(?:a|an|the|its|his|her|their|all|those|these|our|one|\d)\b)(?!\s*-?\s*(?:century|mile|point|percent|share|stake|pound|inch|hour))"
    r"(?:\s+(?:a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year\b(?!'s)))?"
)
def _tx_the_quarter(m: re.Match[str], s: _Scan) -> _Result | None:
    mods = re.sub(r"[\s-]+", " ", m["mods"].lower()).strip()
    anchor = _need(s.anchor)
    year_back = "year" in mods or m.group(0).lower().endswith(("ago", "earlier", "last year"))
    if m["what"].lower() == "period" and not s.state.quarter:
        return None  # "the period" is a quarter only in a quarterly report
    if year_back:
        y, q = s.state.quarter or _q_add(anchor.year, _quarter_of(anchor), -1)
        if m["what"].lower() == "period" and _year_to_date(s.text, m.start()):
            return "DATE", _year_str(y - 1)  # "in the first nine months ..., against ... in the year-earlier period"
        return "DATE", f"{_year_str(y - 1)}-Q{q}"
    if "current" in mods or m["det"].lower() == "this":
        k = 0
    elif "next" in mods or "coming" in mods:
        k = 1
    elif any(w in mods for w in ("previous", "past", "last")):
        k = -1
    else:  # "the quarter", "the latest quarter": the one being reported, else the last one ended
        if s.state.quarter and not mods:
            y, q = s.state.quarter
            return "DATE", f"{_year_str(y)}-Q{q}"
        k = -1
    y, q = _q_add(anchor.year, _quarter_of(anchor), k)
    s.state.quarter = (y, q)
    s.state.fiscal = False
    return "DATE", f"{_year_str(y)}-Q{q}"


@_rule(
    rf"\b(?:(?:the|its|a|this|that|their)\s+)?{_Q_MODS}(?:(?P<ord>{_TX_ORD})[\s-]+)?(?:fiscal[\s-]+)?(?:quarter|period)"
    rf"(?=\s+(?:that\s+)?(?:ended|ending|ends|which\s+ended)\s+(?:on\s+)?(?P<m>{_TX_MONTH})\s*(?P<d>{_TX_DAY})(?:,?\s*(?P<y>{_TX_YEAR}))?)",
    first=True,
)
def _tx_quarter_ended(m: re.Match[str], s: _Scan) -> _Result | None:
    """"the quarter ended Sept. 30": the three months up to that day (a fiscal quarter keeps its number)."""
    month = _month_of(m["m"])
    if month is None:
        return None
    day = int(re.sub(r"\D", "", m["d"]))
    end = date(int(m["y"]), month, day) if m["y"] else _year_less_date(month, day, _need(s.anchor), "past")
    mid = end - timedelta(days=45)
    if not m["ord"] and s.state.fiscal and s.state.quarter is not None and s.state.quarter[0] == end.year:
        # "earned $5 million in the fiscal first quarter ... for the quarter ended Sept. 30": that fiscal quarter again
        return "DATE", f"{_year_str(s.state.quarter[0])}-Q{s.state.quarter[1]}"
    q = _ORDINALS[m["ord"].lower()] if m["ord"] else _quarter_of(mid)
    if not 1 <= q <= 4:
        return None
    y = end.year if m["ord"] else mid.year  # a fiscal year is named for the year it ends in
    s.state.quarter = (y, q)
    s.state.fiscal = bool(m["ord"]) and "fiscal" in m.group(0).lower()
    return "DATE", f"{_year_str(y)}-Q{q}"


@_rule(rf"\b(?:the\s+)?(?P<w>first|last)\s+two\s+quarters\s+of\s+(?:(?P<y>{_TX_YEAR})|(?P<rel>this|last|next)\s+year\b)")
def _tx_two_quarters(m: re.Match[str], s: _Scan) -> _Result | None:
    y = int(m["y"]) if m["y"] else _need(s.anchor).year + _SHIFT_WORDS[m["rel"].lower()]
    return "DATE", f"{_year_str(y)}-H{1 if m['w'].lower() == 'first' else 2}"


@_rule(r"\b(?:the\s+)?(?:comparable\s+)?year-(?:ago|earlier)\b(?:\s+(?:period|quarter))?")
def _tx_year_ago_adj(m: re.Match[str], s: _Scan) -> _Result | None:
    if s.state.quarter:
        y, q = s.state.quarter
        if _year_to_date(s.text, m.start()) and "quarter" not in m.group(0).lower():
            return "DATE", _year_str(y - 1)
        return "DATE", f"{_year_str(y - 1)}-Q{q}"
    return "DATE", _year_str(_need(s.anchor).year - 1)


# years, decades, centuries

@_rule(
    r"\b(?:(?:the\s+)?(?:first|second|last|latter)\s+half\s+of\s+)?(?P<the>the\s+)?(?:(?P<pre>early|late|mid)[\s-]+)?"
    r"(?:(?P<c>1[5-9]|20)(?P<d>\d)0|'(?P<d2>\d)0)'?s\b"
)
def _tx_decade(m: re.Match[str], s: _Scan) -> _Result | None:
    """"the 1990s", "the late '80s", "the last half of the '80s": the decade (a part of it keeps the decade's value)."""
    if m["c"]:
        digits = f"{m['c']}{m['d']}"
    else:
        d = int(m["d2"])
        digits = ("20" if d <= 1 and s.anchor is not None and s.anchor.year >= 2000 else "19") + str(d)
    # "the 1990s", the decade as a period, is TIMEX3 "199"; "1990s" as a modifier is written "199X"
    return "DATE", digits if m["the"] else digits + "X"


@_rule(rf"\bthe\s+(?:(?:early|late|mid)[\s-]+)?(?P<w>{'|'.join(_DECADE_WORDS)})\b")
def _tx_decade_word(m: re.Match[str], s: _Scan) -> _Result | None:
    """"the nineties": the latest such decade up to the anchor (not "in his nineties", an age)."""
    prev = _words_before(s.text, m.start(), 1)
    if prev and prev[-1] in {"low", "high", "upper", "lower", "mid"}:
        return None  # "temperatures in the low nineties"
    digit = _DECADE_WORDS[m["w"].lower()]
    anchor = _need(s.anchor)
    start = anchor.year // 100 * 100 + 10 * digit
    if start > anchor.year:
        start -= 100
    return "DATE", _year_str(start)[:3]


@_rule(r"\b(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+century\b")
def _tx_century(m: re.Match[str], s: _Scan) -> _Result | None:
    n = int(m["n"])
    return ("DATE", f"{n - 1:02d}") if 1 <= n <= 99 else None


_MORE_YEAR_CUES = {"into", "toward", "towards", "throughout", "starting", "beginning", "ending", "circa", "till"}
_YEAR_PRE = rf"(?:{_PART_OF}|(?:the\s+)?(?:spring|summer|fall|autumn|winter)\s+of|fiscal(?:\s+year)?|calendar(?:\s+year)?|(?:the\s+)?year)"


@_rule(rf"(?:\b(?P<pre>{_YEAR_PRE})[\s-]*)?(?P<y>{_TX_YEAR})(?!s\b)(?![-–]\d)(?!,\d)")
def _tx_year(m: re.Match[str], s: _Scan) -> _Result | None:
    prev = _words_before(s.text, m.start(), 1)
    cue = bool(prev) and prev[-1] in _MORE_YEAR_CUES
    if not m["pre"] and not cue and not _year_ok(s.text, m.start(), m.end()):
        return None
    pre = (m["pre"] or "").lower()
    season = next((w for w in _SEASONS if pre.startswith((w, "the " + w))), None)
    if season:
        return "DATE", f"{m['y']}-{_SEASONS[season][0]}"
    return "DATE", _year_str(int(m["y"]))


_PAIR_YEAR = re.compile(rf"(?:sixteen|seventeen|eighteen|nineteen)[\s-]+(?:{'|'.join(_TENS)})(?:[\s-]+(?:{'|'.join(_ONES)}))?", re.IGNORECASE)
_SPELLED_YEAR_CUES = {"in", "since", "by", "until", "before", "after", "of", "early", "late", "mid", "from", "to", "and", "between", "during"}


@_rule(rf"\b(?:(?P<pre>the\s+year|early|late|mid)[\s-]+)?(?P<sy>{_TX_SPELLED_YEAR})\b")
def _tx_spelled_year(m: re.Match[str], s: _Scan) -> _Result | None:
    y = _spelled_year(m["sy"])
    if y is None or not 1000 <= y <= 2099:
        return None
    if (m["pre"] or "").lower().startswith("the"):
        return "DATE", _year_str(y)
    prev = _words_before(s.text, m.start(), 1)
    # "nineteen ninety-six" is a year wherever it stands; "two thousand" or "nineteen hundred" needs a cue
    plain = bool(_PAIR_YEAR.fullmatch(m["sy"]))
    if not (m["pre"] or plain or (prev and prev[-1] in _SPELLED_YEAR_CUES)):
        return None
    nxt = _word_after(s.text, m.end())
    if not plain and nxt and nxt[0].islower() and nxt not in {"and", "when", "to", "the", "but", "or", "as", "after", "before", "on", "in", "at", "he", "she", "it", "they", "we"}:
        return None  # "in two thousand homes"
    return "DATE", _year_str(y)


# seasons and holidays

@_rule(
    rf"\b(?:(?P<pre>early|late|mid)[\s-]+)?(?:(?P<det>the|this\s+past|this|last|next|coming|past)\s+)?(?:(?P<pre2>early|late|mid)[\s-]+)?"
    rf"(?P<s>{_TX_SEASON})\b(?:\s+(?:of\s+)?(?:(?P<y>{_TX_YEAR})|(?P<sy>{_TX_SPELLED_YEAR})\b))?"
)
def _tx_season(m: re.Match[str], s: _Scan) -> _Result | None:
    season = m["s"].lower()
    code, first = _SEASONS[season]
    det = _g(m, "det")
    if m["y"] or m["sy"]:
        y = int(m["y"]) if m["y"] else _spelled_year(m["sy"] or "")
        return ("DATE", f"{_year_str(y)}-{code}") if y else None
    prev = _words_before(s.text, m.start(), 1)
    if det is None and not (m["pre"] or m["pre2"]) and not (prev and prev[-1] in {"in", "during", "by", "since", "until", "this", "last", "next", "through"}):
        return None  # "prices fall", "spring into action"
    if det == "the" and re.match(r"\s+(?:of|in)\b", s.text[m.end() : m.end() + 5]):
        return None  # "the fall of the regime", "the fall in prices"
    anchor = _need(s.anchor)
    if det in {"last", "past"}:
        y = anchor.year - 1
    elif det in {"next", "coming"}:
        y = anchor.year + (0 if first > anchor.month else 1)
    elif det == "this":
        y = anchor.year
    elif det == "this past":
        y = anchor.year if first <= anchor.month else anchor.year - 1
    else:
        y = _nearest_month_year(first, anchor, s.tense(m.start(), m.end()))
    return "DATE", f"{_year_str(y)}-{code}"


def _nth_weekday(y: int, month: int, weekday: int, n: int, from_day: int) -> date:
    if n < 0:
        nxt = date(y + month // 12, month % 12 + 1, 1)
        last = nxt - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(y, month, from_day)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


_HOLIDAY_NAMES = [*_HOLIDAYS, *_FLOATING]


@_rule(rf"\b(?:{phrase_alternation(_HOLIDAY_NAMES)})\b(?:\s+(?P<y>{_TX_YEAR}))?")
def _tx_holiday(m: re.Match[str], s: _Scan) -> _Result | None:
    words = re.sub(r"\s+", " ", m.group(0).lower())
    if m["y"]:
        words = words[: -len(m["y"])].strip()
    if not m.group(0)[0].isupper():
        return None
    if words in _FLOATING:
        mo_, wd_, n_, from_ = _FLOATING[words]

        def day_of(y: int) -> date:
            return _nth_weekday(y, mo_, wd_, n_, from_)
    else:
        mo, d = _HOLIDAYS[words]

        def day_of(y: int) -> date:
            return date(y, mo, d)
    if m["y"]:
        return "DATE", day_of(int(m["y"])).isoformat()
    anchor = _need(s.anchor)
    tense = s.tense(m.start(), m.end())
    options = [day_of(y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if tense == "past":
        pick = max(d for d in options if d <= anchor + timedelta(days=1))
    elif tense in {"future", "modal"}:
        pick = min(d for d in options if d >= anchor)
    else:
        pick = min(options, key=lambda d: abs((d - anchor).days))
    return "DATE", pick.isoformat()


# the present, the past, the future

_REF_WORD: dict[str, str] = {re.sub(r"\s+", " ", w): ref for ref, ws in _REFS.items() for w in ws}


@_rule(rf"\b(?:{phrase_alternation(_REF_WORD)})\b")
def _tx_ref(m: re.Match[str], s: _Scan) -> _Result | None:
    words = re.sub(r"\s+", " ", m.group(0).lower())
    if words == "now" and _words_before(s.text, m.start(), 1) == ["from"]:
        return None  # "three days from now" is counted from now, it is not now
    if words == "the past" and re.match(r"\s+(?:\d|few|several|two|three|four|five|six|seven|eight|nine|ten|dozen)", s.text[m.end() : m.end() + 10], re.IGNORECASE):
        return None  # "the past two years": a duration, found by its own rule
    return "DATE", _REF_WORD[words]


@_rule(r"(?<!as\s)\bsoon\b(?!\s+(?:as|after|afterwards?|afterward|before|thereafter|enough|to\s+be)\b)")
def _tx_soon(m: re.Match[str], s: _Scan) -> _Result | None:
    """"will soon decide", "may soon seek": the near future (FUTURE_REF), only in a clause that looks ahead."""
    prev = _words_before(s.text, m.start(), 1)
    if prev and prev[-1] in {"too", "how", "so", "very", "as"}:
        return None  # "too soon", "how soon": a judgment of timing, not a time
    return ("DATE", "FUTURE_REF") if s.date_tense(m.start(), m.end()) in {"future", "modal"} else None


# durations

@_rule(
    rf"\b(?:(?P<pre>(?:the\s+)?(?:past|last|next|first|previous|coming|final)|more\s+than|less\s+than|about|almost|nearly|over|at\s+least|up\s+to|only|just|another|"
    rf"each\s+of\s+the\s+(?:past|last|next))\s+)?(?:(?P<n>{_TX_NUM})|(?P<v>{_TX_VAGUE}))(?P<half>\s+and\s+a\s+half)?[\s-]+(?P<unit>{_UNIT_WORDS})(?P<pl>s)?\b(?:-long|-old)?"
)
def _tx_duration(m: re.Match[str], s: _Scan) -> _Result | None:
    unit = m["unit"].lower().replace("centurie", "century")
    if m["v"]:
        n_txt = "X"
    else:
        n = _number(m["n"])
        if n is None or n == 0 or n > 10000:
            return None
        if n == 1 and m["n"].lower() in {"a", "an"} and not m["pre"] and unit in {"day", "week", "month", "year"}:
            # "a year" alone is usually a rate ("$5 a year"): only after a cue of length
            prev = _words_before(s.text, m.start(), 1)
            if not prev or prev[-1] not in {"for", "in", "within", "over", "about", "nearly", "almost", "than", "after", "lasted", "took", "spent"}:
                return None
        if unit == "decade":
            n, unit = n * 10, "year"
        elif unit == "century":
            n, unit = n * 100, "year"
        n_txt = str(n)
        if m["half"] and unit in {"hour", "day", "year", "month"}:
            n_txt = f"{n}.5"
    if unit in {"decade", "century"}:
        return "DURATION", f"PX{'DE' if unit == 'decade' else 'CE'}"
    letter = _UNITS[unit]
    return "DURATION", f"PT{n_txt}{letter}" if unit in {"second", "minute", "hour"} else f"P{n_txt}{letter}"


@_rule(r"\b(?:in\s+)?(?:the\s+)?(?P<w>coming|next\s+few|past\s+few|recent|last\s+few|past\s+several|next\s+several)\s+(?P<unit>days|weeks|months|years|quarters)\b")
def _tx_vague_span(m: re.Match[str], s: _Scan) -> _Result | None:
    unit = m["unit"].lower()[:-1]
    if unit == "year" and m["w"].lower() == "recent":
        return "DATE", "PAST_REF"
    return "DURATION", f"PX{_UNITS[unit]}"


# sets and times of day

@_rule(rf"\b(?P<w>every|each)\s+(?:(?P<n>other|{_TX_NUM})\s+)?(?:(?P<unit>day|week|month|year|quarter|morning|night|evening|weekend)s?|(?P<wd>{_TX_WD}))\b")
def _tx_every(m: re.Match[str], s: _Scan) -> _Result | None:
    if m["wd"]:
        wd = _weekday_of(m["wd"])
        return ("SET", f"XXXX-WXX-{wd + 1}") if wd is not None else None
    unit = m["unit"].lower()
    n = 2 if (m["n"] or "").lower() == "other" else (_number(m["n"]) if m["n"] else 1) or 1
    if unit in {"morning", "night", "evening"}:
        return "SET", f"TXX{unit[:2].upper()}" if unit != "night" else "TNI"
    if unit == "weekend":
        return "SET", "XXXX-WXX-WE"
    return "SET", f"P{n * 3 if unit == 'quarter' else n}{'M' if unit == 'quarter' else _UNITS[unit]}"


@_rule(rf"\b(?:{phrase_alternation(_SETS)})\b|\b(?:once|twice|(?:{_NUMWORD})\s+times)\s+(?:a|an|per)\s+(?:day|week|month|year)\b|(?-i:(?:{'|'.join(d.capitalize() for d in WEEKDAYS)})s)\b")
def _tx_set_word(m: re.Match[str], s: _Scan) -> _Result | None:
    w = m.group(0).lower()
    if w in _SETS:
        return "SET", _SETS[w]
    if w.endswith("days") and w[:-1] in WEEKDAYS:
        return "SET", f"XXXX-WXX-{WEEKDAYS[w[:-1]] + 1}"
    unit = w.split()[-1]
    return "SET", f"P1{_UNITS[unit]}"


_TIME_ZONE = r"(?-i:[ECMP][SD]T|GMT|UTC|BST|CET)"


@_rule(
    rf"(?<![\d:.])(?P<h>[01]?\d)(?::(?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b)(?:\s*\(?{_TIME_ZONE}\)?)?,?\s+(?:on\s+)?(?P<wd>{_TX_WD})(?!s\b)"
)
def _tx_clock_on_day(m: re.Match[str], s: _Scan) -> _Result | None:
    """"9 a.m. Tuesday", "4 a.m. EDT Thursday": a time on a named day, valued with its day (as TBAQ annotates it, a DATE).

    A deadline ("until 9 a.m. Tuesday") looks ahead even in a past clause: the clock time makes it one.
    """
    wd = _weekday_of(m["wd"])
    hh, mi = int(m["h"]), int(m["mi"] or 0)
    if wd is None or not 1 <= hh <= 12:
        return None
    hh = (hh % 12) + (12 if m["ap"].lower().startswith("p") else 0)
    tense = s.date_tense(m.start(), m.end())
    if tense == "present":
        tense = "past"
    day = _weekday_date(wd, _need(s.anchor), None, tense)
    return "DATE", f"{day.isoformat()}T{hh:02d}:{mi:02d}"


@_rule(r"(?<![\d:.])(?P<h>[01]?\d)(?::(?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b)|\b(?P<w>noon|midnight)\b")
def _tx_clock(m: re.Match[str], s: _Scan) -> _Result | None:
    if m["w"]:
        hh, mi = (12, 0) if m["w"].lower() == "noon" else (24, 0)
    else:
        hh, mi = int(m["h"]), int(m["mi"] or 0)
        if not 1 <= hh <= 12:
            return None
        pm = m["ap"].lower().startswith("p")
        hh = (hh % 12) + (12 if pm else 0)
    day = s.anchor.isoformat() if s.anchor is not None else "XXXX-XX-XX"
    return "TIME", f"{day}T{hh:02d}:{mi:02d}"


@_rule(
    r"\b(?:(?P<pre>earlier|later|early|late)\s+)?(?:the\s+(?P<rel>following|next|previous|preceding|same|prior)|(?P<that>that))\s+(?P<unit>day|week|month|year)\b(?!s)"
    r"|\bthe\s+day\s+(?P<ba>before|after)\b(?!\s+(?:yesterday|tomorrow))"
)
def _tx_anaphoric(m: re.Match[str], s: _Scan) -> _Result | None:
    """"the following year", "that day", "the day before": relative to the last date written."""
    if s.state.last is None:
        return None
    if m["ba"] and re.match(r"\s+[A-Za-z]", s.text[m.end() : m.end() + 3]):
        return None  # "the day before the vote": relative to the vote, not to the last date
    ref, precision = s.state.last
    unit = (m["unit"] or "day").lower()
    rel = (m["rel"] or m["ba"] or "same").lower()
    k = {"following": 1, "next": 1, "after": 1, "previous": -1, "preceding": -1, "prior": -1, "before": -1}.get(rel, 0)
    if unit == "year":
        return "DATE", _year_str(ref.year + k)
    if unit == "month" and precision in {"month", "day"}:
        y, mo = _add_months(ref.year, ref.month, k)
        return "DATE", f"{_year_str(y)}-{mo:02d}"
    if unit == "week" and precision == "day":
        return "DATE", _week_str(ref + timedelta(weeks=k))
    if unit == "day" and precision == "day":
        return "DATE", (ref + timedelta(days=k)).isoformat()
    return None


@_rule(
    rf"\b(?:the\s+)?day\s+(?P<ba>before|after)\s+(?:(?:(?P<pre>last|next|this|past|coming)\s+)?(?P<wd>{_TX_WD})(?!s\b)"
    rf"|(?P<m>{_TX_MONTH})\s*(?P<d>{_TX_DAY})(?:,?\s*(?P<y>{_TX_YEAR}))?)"
)
def _tx_day_next_to(m: re.Match[str], s: _Scan) -> _Result | None:
    """"the day before last Tuesday's hearing", "the day after Nov. 3": a day from the date written after it."""
    k = -1 if m["ba"].lower() == "before" else 1
    if m["wd"]:
        wd = _weekday_of(m["wd"])
        if wd is None:
            return None
        pre = _g(m, "pre")
        shift = {"last": "last", "past": "last", "next": "next", "coming": "next"}.get(pre or "")
        tense = s.date_tense(m.start("wd"), m.end("wd"), short=True)
        day = _weekday_date(wd, _need(s.anchor), shift, "past" if tense == "present" else tense)
    else:
        month = _month_of(m["m"])
        if month is None:
            return None
        dd = int(re.sub(r"\D", "", m["d"]))
        if m["y"]:
            day = date(int(m["y"]), month, dd)
        else:
            day = _year_less_date(month, dd, _need(s.anchor), s.date_tense(m.start(), m.end()))
    return "DATE", (day + timedelta(days=k)).isoformat()


_PLAIN_DATE = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?")


def _remember(state: TimexState, value: str) -> None:
    m = _PLAIN_DATE.fullmatch(value)
    if m is None:
        return
    y, mo, d = int(m[1]), int(m[2] or 1), int(m[3] or 1)
    if y >= 1 and _valid(y, mo, d):
        state.last = (date(y, mo, d), "day" if m[3] else "month" if m[2] else "year")


def _apply(ri: int, m: re.Match[str], scan: _Scan) -> _Result | None:
    try:
        return _TX_RULES[ri][1](m, scan)
    except (ValueError, OverflowError, KeyError, StopIteration):
        return None  # out of range, or no anchor: no timex


# -- the cheap gate ---------------------------------------------------------
#
# Each rule needs at least one word (lower-cased run of letters) of its own
# set, or a digit class ("#year": four digits, "#digit": any digit), to match
# at all; a text's cues are read in one pass and a rule whose cue is absent
# is not run, so a paragraph without any temporal cue costs one scan. The
# sets are supersets of what each pattern requires: never a different output.

_UNIT_CUES = {"second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
              "year", "years", "decade", "decades", "century", "centuries"}
_MONTH_CUES_LOW = set(MONTHS) | set(MONTH_ABBR)
_WD_CUES = set(WEEKDAYS) | set(WEEKDAY_ABBR)


def _last_words(phrases: Iterable[str]) -> set[str]:
    return {re.findall(r"[a-z]+", p.lower())[-1] for p in phrases if re.search(r"[a-z]", p.lower())}


_RULE_NEEDS: dict[str, set[str]] = {
    "_tx_iso": {"#year"},
    "_tx_numeric": {"#digit"},
    "_tx_quarter_ended": {"quarter", "period"},
    "_tx_full_date": _MONTH_CUES_LOW,
    "_tx_week_of": _MONTH_CUES_LOW,
    "_tx_second_day": _MONTH_CUES_LOW,
    "_tx_month_year": _MONTH_CUES_LOW,
    "_tx_shift_month": _MONTH_CUES_LOW,
    "_tx_month": _MONTH_CUES_LOW,
    "_tx_weekday": _WD_CUES,
    "_tx_relday": {"yesterday", "today", "tomorrow"},
    "_tx_part_of_today": {"tonight", "morning", "afternoon", "evening", "night", "overnight"},
    "_tx_relunit": {"week", "weekend", "month", "year", "quarter", "decade", "century"} | set(_SEASONS),
    "_tx_in_the_unit": {"week", "month", "year"},
    "_tx_the_unit": {"week", "year"},
    "_tx_current": {"current"},
    "_tx_the_weekend": {"weekend"},
    "_tx_year_end": {"year"},
    "_tx_ago": _UNIT_CUES,
    "_tx_quarter": {"quarter", "half", "period"},
    "_tx_the_quarter": {"quarter", "period"},
    "_tx_two_quarters": {"quarters"},
    "_tx_year_ago_adj": {"year"},
    "_tx_decade": {"s"},
    "_tx_decade_word": set(_DECADE_WORDS),
    "_tx_century": {"century"},
    "_tx_year": {"#year"},
    "_tx_spelled_year": {"sixteen", "seventeen", "eighteen", "nineteen", "thousand"},
    "_tx_season": set(_SEASONS),
    "_tx_holiday": {w for h in _HOLIDAY_NAMES for w in re.findall(r"[a-z]+", h)},
    "_tx_ref": _last_words(_REF_WORD),
    "_tx_duration": _UNIT_CUES,
    "_tx_vague_span": {"days", "weeks", "months", "years", "quarters"},
    "_tx_every": {"every", "each"},
    "_tx_set_word": _last_words(_SETS) | {"day", "week", "month", "year"} | {d + "s" for d in WEEKDAYS},
    "_tx_clock": {"m", "am", "pm", "noon", "midnight"},
    "_tx_clock_on_day": _WD_CUES,
    "_tx_soon": {"soon"},
    "_tx_anaphoric": {"day", "week", "month", "year"},
    "_tx_day_next_to": {"day"},
}
_CUE_WORD = re.compile(r"[a-z]+")
_FOUR_DIGITS = re.compile(r"\d{4}")
_DIGIT = re.compile(r"\d")


def _cues(text: str) -> set[str]:
    found = set(_CUE_WORD.findall(text.lower()))
    if _DIGIT.search(text):
        found.add("#digit")
        if _FOUR_DIGITS.search(text):
            found.add("#year")
    return found


def _rules_for(cues: set[str]) -> list[int]:
    return [ri for ri, needs in enumerate(_NEEDS_BY_RULE) if not needs.isdisjoint(cues)]


def may_hold_timex(text: str) -> bool:
    """Whether ``text`` has any temporal cue; when not, :func:`find_timexes` finds nothing in it."""
    return bool(_rules_for(_cues(text)))


def find_timexes(text: str, anchor: date | None, tense_at: TenseAt | None = None, state: TimexState | None = None) -> list[Timex3]:
    """The temporal expressions of ``text``, in order, valued against ``anchor``.

    ``tense_at(start, end)`` gives the tense of the clause around a span (see
    :func:`tense_of_span`); without it a year-less date is put in the past.
    ``state`` carries a document's context from one block to the next.
    A text without any temporal cue (:func:`may_hold_timex`) is not scanned.
    """
    rules = _rules_for(_cues(text))
    if not rules:
        return []
    real = state if state is not None else TimexState()
    cands: list[tuple[int, int, int, re.Match[str]]] = []
    for ri in rules:
        for m in _TX_RULES[ri][0].finditer(text):
            if m.end() > m.start():
                cands.append((m.start(), m.end(), ri, m))
    # a candidate whose value cannot be computed gives way to the next best: judged in text order,
    # with the context the candidates before it leave
    trial = _Scan(text, anchor, tense_at, replace(real))
    valid = []
    for c in sorted(cands, key=lambda c: (c[0], c[0] - c[1], c[2])):
        res = _apply(c[2], c[3], trial)
        if res is not None:
            valid.append(c)
            if res[0] == "DATE":
                _remember(trial.state, res[1])
    valid.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    taken: list[tuple[int, int, int, re.Match[str]]] = []
    for c in valid:
        if all(c[1] <= t[0] or c[0] >= t[1] for t in taken):
            taken.append(c)
    scan = _Scan(text, anchor, tense_at, real)
    out: list[Timex3] = []
    for start, end, ri, m in sorted(taken, key=lambda c: c[0]):
        res = _apply(ri, m, scan)
        if res is None:
            continue
        kind, value = res
        if kind == "DATE":
            _remember(scan.state, value)
        out.append(Timex3(start, end, text[start:end], kind, value))
    return out


_NEEDS_BY_RULE: list[frozenset[str]] = [frozenset(_RULE_NEEDS[fn.__name__]) for _rx, fn in _TX_RULES]  # KeyError: a rule without cues


# -- TIMEX3 values as day ranges --------------------------------------------

_DATE_VALUE = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?:T[\w:]+)?")
_WEEK_VALUE = re.compile(r"(\d{4})-W(\d\d)(-WE)?")
_PART_VALUE = re.compile(r"(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)")
_PART_MONTHS = {"Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12), "H1": (1, 6), "H2": (7, 12),
                "SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def range_value(lo: date, hi: date) -> TimeValue | None:
    """The days [lo, hi] at the precision they share (a day, a month, a year), or None across years."""
    if lo == hi:
        return TimeValue(lo.isoformat(), "day", lo, hi)
    if (lo.year, lo.month) == (hi.year, hi.month):
        return TimeValue(f"{lo.year:04d}-{lo.month:02d}", "month", lo, hi)
    if lo.year == hi.year:
        return TimeValue(f"{lo.year:04d}", "year", lo, hi)
    return None


def timex_range(value: str) -> TimeValue | None:
    """The days a TIMEX3 date value covers: ``2016-03-14`` (and its times of day), ``2016-03``,
    ``2016``, a week ``2016-W11`` (``-WE``: its weekend), a quarter, half or season.

    The value names the precision the days share: a week across two months
    is ``2016`` with its seven days as the range. None for what is no
    calendar period (``PRESENT_REF``, ``199X``, durations, sets).
    """
    try:
        if m := _DATE_VALUE.fullmatch(value):
            y = int(m[1])
            if m[3]:
                return _day_value(date(y, int(m[2]), int(m[3])))
            if m[2]:
                return _month_value(y, int(m[2])) if 1 <= int(m[2]) <= 12 else None
            return _year_value(y) if y >= 1 else None
        if m := _WEEK_VALUE.fullmatch(value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            lo = monday + timedelta(days=5) if m[3] else monday
            return range_value(lo, monday + timedelta(days=6))
        if m := _PART_VALUE.fullmatch(value):
            y, (first, last) = int(m[1]), _PART_MONTHS[m[2]]
            ly, lm = _add_months(y, first, last - first)
            return range_value(date(y, first, 1), date(ly, lm, calendar.monthrange(ly, lm)[1]))
    except ValueError:
        return None
    return None
