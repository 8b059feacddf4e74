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
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Literal

from .words import FUTURE_MODALS, HYPOTHETICAL_MODALS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

__all__ = [
    "Precision",
    "Tense",
    "TimeMention",
    "TimeValue",
    "clause_tense",
    "find_times",
    "resolve",
    "tense_of_span",
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
    if text[max(0, start - 4) : start].lower().endswith("mid-"):
        return True
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
    """Date expressions in ``text``, in order, offsets into ``text``."""
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
        if anc.lemma_.lower() in _SCHEDULE_VERBS and prep is not None and prep.lower_ in {"for", "on", "in", "until", "at"}:
            return "future"
        if anc.pos_ in {"VERB", "AUX"} and anc.tag_ in {"VBD", "VBZ", "VBP", "MD"}:
            break
    return clause_tense(root)
