"""Quantities in a sentence: amounts of money, times of day, ages, durations, shares and counts.

:func:`find_quantities` reads a sentence's text (and, for counts, its spaCy
tokens) and returns :class:`Quantity` records with a normalized value, so
"$76,000" and "$75,000", "11:45 a.m." and "10:30 a.m.", "Feb. 27" and
"Feb. 28", "32-year-old" and
"aged 33", "3,000 people" and "2,500 people" can be compared. A figure right
after an update cue ("rose to 30", "now 30", "up from 25"; list in
``data/updates.toml``) is marked ``update``: a later figure, not a
conflicting one. Dates are read only as month and day ("March 6", "6 March
2018"); years alone and weekdays are not quantities here; a numeric ordinal
before its noun is ("the 17th floor" / "the 15th floor", unit "floor").
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from .time import MONTH_ABBR, MONTH_ALTERNATION, MONTHS
from .words import phrase_alternation, word_set

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

__all__ = ["Quantity", "Step", "find_quantities", "find_steps", "ordinal", "parse_number", "update_cues"]

_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "a dozen": 12,
}
_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12}
_NUM = r"(?:\d[\d,]*(?:\.\d+)?|" + "|".join(sorted((w for w in _WORDS if " " not in w), key=len, reverse=True)) + r")"
_SCALES = r"(?:\s*(?:thousand|million|billion|trillion|bn|mn|m|k)\b)?"
_MONEY = re.compile(
    rf"(?:US|A|C|HK)?[$£€¥]\s?(?P<n>\d[\d,]*(?:\.\d+)?{_SCALES})|(?P<n2>\d[\d,]*(?:\.\d+)?{_SCALES})\s+(?:dollars|pounds|euros|yen|yuan|rupees)\b",
    re.IGNORECASE,
)
_CLOCK = re.compile(
    r"\b(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<ap>a\.\s?m\.?|p\.\s?m\.?|am\b|pm\b)|\b(?P<h2>\d{1,2}):(?P<m2>\d{2})(?:\s*(?P<tz>[A-Z]{2,4}))?\b|\b(?P<word>noon|midday|midnight)\b",
    re.IGNORECASE,
)
_AGE = re.compile(r"\b(?P<n>\d{1,3})-year-old\b|\baged?\s+(?P<n2>\d{1,3})\b|(?<=[a-z]), (?P<n3>\d{1,3}),(?= )")
_PERCENT = re.compile(rf"\b(?P<n>{_NUM})\s*(?:%|percent\b|per\s+cent\b)", re.IGNORECASE)
_RANGE_PERCENT = re.compile(rf"\b(?P<lo>{_NUM})\s*(?:%\s*)?(?:to|-|\u2013|and)\s*(?P<n>{_NUM})\s*(?:%|percent\b|per\s+cent\b)", re.IGNORECASE)
_DURATION = re.compile(
    rf"\b(?P<n>{_NUM}|a|an|a\s+few|several)[\s-]+(?P<u>seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b(?!\s+(?:old|ago|earlier|later|before|after)\b|-old)",
    re.IGNORECASE,
)
#: A month name or abbreviation (time.MONTH_ALTERNATION, in any case); a match stands only when it is capitalized
#: ("March 6", "MARCH 6"), so that "the top 10 may change" names no date.
_MONTH = rf"(?i:{MONTH_ALTERNATION})"
_DATE = re.compile(
    rf"\b(?P<mon>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?"
    rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon2>{_MONTH})\b(?:\s+(?P<y2>(?:19|20)\d\d)\b)?"
)
#: A numeric ordinal before its noun: "the 17th floor", "15th-floor shaft", "21st place" (word ordinals like "first" are too common).
_ORDINAL = re.compile(r"\b(?P<n>\d{1,4})(?:st|nd|rd|th)\b[\s-]+(?!(?:and|or|nor|but|of|the|to|in|on|at|for|with|from|by|than)\b)(?P<noun>[a-z]{3,})\b")
_APPROX = re.compile(
    r"(?:about|around|roughly|nearly|almost|approximately|some|more than|less than|fewer than|at least|at most|up to|over|under|just over|just under|an estimated)\s*$",
    re.IGNORECASE,
)
#: The only characters that match an ASCII letter under re.IGNORECASE without being one (besides upper case).
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_DIGIT = re.compile(r"\d")
_UNIT_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800, "month": 2629800, "year": 31557600, "decade": 315576000}


@dataclass(frozen=True)
class Quantity:
    """One figure of a sentence, with offsets into the text it was found in."""

    kind: str  # "money" | "time" | "date" | "age" | "percent" | "duration" | "count" | "ordinal"
    value: float  # money in its units, time in minutes after midnight, a date as month * 100 + day, duration in seconds, else as is
    unit: str  # the currency sign, the counted noun's lemma ("people" for residents, passengers ...), or the kind
    start: int
    end: int
    text: str
    approximate: bool = False  # "about", "more than", "nearly" ...
    update: bool = False  # after an update cue ("rose to", "now"): a later figure, not a conflicting one


@cache
def update_cues() -> tuple[str, ...]:
    """The update cues of ``data/updates.toml``."""
    text = resources.files("storyline.language").joinpath("data/updates.toml").read_text(encoding="utf-8")
    return tuple(str(c) for c in tomllib.loads(text)["cues"])


@cache
def _update_pattern() -> re.Pattern[str]:
    alt = "|".join(r"\s+".join(re.escape(w) for w in c.split()) for c in sorted(update_cues(), key=len, reverse=True))
    return re.compile(rf"\b(?:{alt})\s+(?:(?:about|around|nearly|some|more\s+than|at\s+least|an\s+estimated)\s+)?$", re.IGNORECASE)


def parse_number(text: str) -> float | None:
    """ "76,000" -> 76000; "1.2 million" -> 1.2e6; "eight" -> 8; "a dozen" -> 12."""
    t = text.strip().lower().replace(",", "")
    m = re.fullmatch(r"(\d+(?:\.\d+)?|[a-z]+(?:\s[a-z]+)?)\s*(thousand|million|billion|trillion|bn|mn|m|k|b)?", t)
    if not m:
        return None
    base = m.group(1)
    try:
        value = float(base)
    except ValueError:
        if base not in _WORDS:
            return None
        value = float(_WORDS[base])
    if m.group(2):
        value *= _SCALE[m.group(2)]
    return value


def _flags(text: str, start: int) -> tuple[bool, bool]:
    before = text[max(0, start - 40) : start]
    return bool(_APPROX.search(before)), bool(_update_pattern().search(before))


def _clock_value(m: re.Match[str]) -> float | None:
    if m.group("word"):
        return 0.0 if m.group("word").lower() == "midnight" else 720.0
    if m.group("h") is not None:
        h, mins = int(m.group("h")), int(m.group("m") or 0)
        if not 1 <= h <= 12 or mins > 59:
            return None
        pm = m.group("ap").lower().startswith("p")
        return float(((h % 12) + (12 if pm else 0)) * 60 + mins)
    h, mins = int(m.group("h2")), int(m.group("m2"))
    if h > 23 or mins > 59:
        return None
    return float(h * 60 + mins)


_PERSON_NOUNS = word_set("counts", "person_nouns")


def _count_unit(lemma: str) -> str:
    """The counted noun, with every noun that counts people as "people" ("3,000 residents" / "2,500 people")."""
    return "people" if lemma in _PERSON_NOUNS else lemma


def find_quantities(text: str, tokens: Iterable[Token] = (), base: int = 0) -> list[Quantity]:
    """The quantities of ``text``; ``tokens`` (offsets ``base + token.idx`` into ``text``) add counts ("3,000 people")."""
    out: list[Quantity] = []

    def add(kind: str, value: float | None, unit: str, s: int, e: int) -> None:
        if value is None or any(q.start < e and s < q.end for q in out):
            return
        approx, update = _flags(text, s)
        out.append(Quantity(kind, value, unit, s, e, text[s:e], approx, update))

    # Each pattern is tried only when the text holds what every match of it needs (a digit, "%" or
    # "cent", a unit word): a cheap scan instead of the full patterns on most sentences.
    # ``folded`` compares as re.IGNORECASE does.
    folded = text.translate(_FOLD).lower()
    digit = _DIGIT.search(text) is not None
    for m in _MONEY.finditer(text) if digit else ():
        sign = re.match(r"[A-Z]*[$£€¥]", m.group(0))
        add("money", parse_number(m.group("n") or m.group("n2") or ""), sign.group(0) if sign else "money", m.start(), m.end())
    for m in _CLOCK.finditer(text) if digit or "noon" in folded or "midday" in folded or "midnight" in folded else ():
        add("time", _clock_value(m), "time", m.start(), m.end())
    for m in _DATE.finditer(text) if digit else ():
        word = m.group("mon") or m.group("mon2") or ""
        if not word[:1].isupper():
            continue
        month = MONTHS.get(word.lower()) or MONTH_ABBR.get(word.lower())
        day = int(m.group("d") or m.group("d2"))
        ok = month is not None and 1 <= day <= 31
        add("date", float(month * 100 + day) if ok and month else None, "date", m.start(), m.end())
    for m in _AGE.finditer(text) if digit else ():
        group = "n" if m.group("n") else "n2" if m.group("n2") else "n3"
        years = float(m.group(group))
        s, e = (m.start(), m.end()) if group != "n3" else (m.start(group), m.end(group))
        add("age", years if 0 < years < 120 else None, "age", s, e)
    percent = "%" in text or "cent" in folded
    for m in _RANGE_PERCENT.finditer(text) if percent else ():
        # "33 to 38 percent": both ends, so the range reads as a list of two figures, never one conflicting value
        add("percent", parse_number(m.group("lo")), "percent", m.start("lo"), m.end("lo"))
        add("percent", parse_number(m.group("n")), "percent", m.start("n"), m.end())
    for m in _PERCENT.finditer(text) if percent else ():
        add("percent", parse_number(m.group("n")), "percent", m.start(), m.end())
    for m in _DURATION.finditer(text) if any(u in folded for u in _UNIT_SECONDS) else ():
        n = m.group("n").lower()
        span = 1.0 if n in {"a", "an"} else parse_number(n)
        unit = m.group("u").translate(_FOLD).lower().rstrip("s")  # "ſeconds" matches too
        add("duration", None if span is None else span * _UNIT_SECONDS[unit], "duration", m.start(), m.end())
    for m in _ORDINAL.finditer(text):
        noun = m.group("noun").lower()
        add("ordinal", float(m.group("n")), noun[:-1] if noun.endswith("s") and len(noun) > 3 and not noun.endswith("ss") else noun, m.start(), m.end())
    for tok in tokens:
        if not tok.like_num or tok.dep_ != "nummod" or tok.head.pos_ != "NOUN" or tok.head.i < tok.i:
            continue
        if re.fullmatch(r"(?:1[89]|20)\d\d", tok.text):
            continue  # a year
        s = base + tok.idx
        count = parse_number(tok.text)
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.lower_ in _SCALE and nxt.i < tok.head.i:
            count = None if count is None else count * _SCALE[nxt.lower_]
        add("count", count, _count_unit(tok.head.lemma_.lower()), s, base + tok.head.idx + len(tok.head.text))
    return sorted((q for q in out if not _conversion(text, q, out)), key=lambda q: q.start)


@dataclass(frozen=True)
class Step:
    """A position told relative to another: "eight stories below" (-8 floors), "plunged six floors" (-6), "two levels up" (+2)."""

    steps: float  # signed: down is negative
    unit: str  # the ordinal noun the steps count ("floor")
    start: int
    end: int
    text: str


_LEVELS = word_set("positions", "level_nouns")
_LEVEL_UNIT = next(iter(word_set("positions", "level_unit")))
_DOWN = word_set("positions", "down_words")
_UP = word_set("positions", "up_words")
_FALL = word_set("positions", "fall_verbs")
_RISE = word_set("positions", "rise_verbs")


@cache
def _step_pattern() -> re.Pattern[str]:
    verbs, levels, ways = phrase_alternation(_FALL | _RISE), phrase_alternation(_LEVELS), phrase_alternation(_DOWN | _UP)
    return re.compile(rf"(?:\b(?P<verb>{verbs})\s+(?:\w+\s+)?)?\b(?P<n>{_NUM})\s+(?P<u>{levels})\b(?:\s+(?P<dir>{ways})\b)?", re.IGNORECASE)


def _step_sign(direction: str, verb: str) -> float:
    """Down (-1) or up (+1) by the word after the count ("below"), else by the verb before it ("plunged"); 0: neither."""
    for word, down, up in ((direction, _DOWN, _UP), (verb, _FALL, _RISE)):
        if word in down:
            return -1.0
        if word in up:
            return 1.0
    return 0.0


def find_steps(text: str) -> list[Step]:
    """Counts of levels with a direction ("eight stories below", "fell six floors"): positions relative to another one.

    A count with no direction word after it and no verb of falling or rising before it ("a six-story building",
    "eight stories tall") is no step.
    """
    out: list[Step] = []
    for m in _step_pattern().finditer(text):
        n = parse_number(m.group("n"))
        sign = _step_sign((m.group("dir") or "").lower(), (m.group("verb") or "").lower())
        if n is None or not sign:
            continue
        start = m.start("n")
        out.append(Step(sign * n, _LEVEL_UNIT, start, m.end(), text[start : m.end()]))
    return out


def ordinal(n: int) -> str:
    """The numeric ordinal of ``n``: "1st", "22nd", "13th"."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _conversion(text: str, q: Quantity, found: list[Quantity]) -> bool:
    """A figure in parentheses right after another one restates it in other units ("two meters (six feet)")."""
    before = text[: q.start].rstrip()
    if not before.endswith("("):
        return False
    head = before[:-1].rstrip()
    return any(o is not q and head.endswith(o.text.rstrip()) for o in found) or re.search(r"\d[\w,.-]*$", head) is not None
