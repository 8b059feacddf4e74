"""Find quoted stretches of text by pairing quotation marks.

Works on the original characters (curly marks tell opening from closing);
straight marks are classified by the characters around them. Double and
single marks are paired separately, apostrophes are skipped, unbalanced
marks are dropped, and a quotation left open at the end of a paragraph
continues when the next paragraph opens with a mark of the same family (the
news convention for quotes that span paragraphs). Nested quotations are
folded into the outer one.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Literal

__all__ = ["Mark", "QuotedSpan", "classify_marks", "find_quoted_spans"]

log = logging.getLogger(__name__)

Family = Literal["double", "single"]
Role = Literal["open", "close", "either"]

_DOUBLE_OPEN = "\u201c\u201e\u201f\u00ab"
_DOUBLE_CLOSE = "\u201d\u00bb"
_SINGLE_OPEN = "\u2018\u201a\u201b\u2039"
_SINGLE_CLOSE = "\u2019\u203a"
#: Any character classify_marks may keep, to jump from one to the next.
_ANY_MARK = re.compile("[" + re.escape(_DOUBLE_OPEN + _DOUBLE_CLOSE + _SINGLE_OPEN + _SINGLE_CLOSE + "\"'") + "]")
_LOW_OPEN = "\u201e\u201a"  # German-style low opening marks, closed by a left mark
_LOW_CLOSE = "\u201c\u2018"
_OPENERS_BEFORE = " \t\n([{\u2014\u2013-/:;,"  # what may stand before an opening mark
_CLOSE_AFTER = " \t\n)]}.,;:!?\u2014\u2013-/"  # what may stand after a closing mark


@dataclass(frozen=True)
class Mark:
    """One quotation mark: where it is, its family and what it can do."""

    pos: int
    family: Family
    role: Role
    char: str = '"'


@dataclass(frozen=True)
class QuotedSpan:
    """Text between an opening and a closing mark (offsets into the full text).

    ``start``/``end`` delimit the words inside the marks; ``open_at`` and
    ``close_at`` are the positions of the marks themselves.
    """

    start: int
    end: int
    open_at: int
    close_at: int
    family: Family
    paragraphs: int = 1


def _role_of_straight(prev: str, nxt: str, family: Family) -> Role | None:
    prev_space = prev in _OPENERS_BEFORE or prev in _DOUBLE_OPEN + _SINGLE_OPEN
    next_space = nxt in _CLOSE_AFTER or nxt in _DOUBLE_CLOSE + _SINGLE_CLOSE
    if family == "single" and prev.isalnum() and nxt.isalnum():
        return None  # apostrophe: don't, Russia's
    if prev_space and not next_space:
        return "open"
    if next_space and not prev_space:
        return "close"
    if family == "double":
        return "either"
    return None


def _role_of_curly_single(ch: str, prev: str, nxt: str) -> Role | None:
    if prev.isalnum() and nxt.isalnum():
        return None  # apostrophe inside a word
    if ch in _SINGLE_OPEN:
        return "open" if not prev.isalnum() else None
    # a right single mark: closing quote or apostrophe
    if nxt.isalnum() and not prev.isalnum() and prev not in ".,;:!?":
        return "open" if prev in _OPENERS_BEFORE else None  # misused as opening mark; else '90s
    if prev.isalnum() or prev in ".,;:!?":
        return "close" if (nxt in _CLOSE_AFTER or nxt in _DOUBLE_CLOSE or nxt == "") else None
    return None


def classify_marks(text: str, start: int = 0, end: int | None = None) -> list[Mark]:
    """Every quotation mark in ``text[start:end]`` that can open or close a quote."""
    end = len(text) if end is None else end
    marks: list[Mark] = []
    for found in _ANY_MARK.finditer(text, start, end):
        i = found.start()
        ch = text[i]
        prev = text[i - 1] if i > start else " "
        nxt = text[i + 1] if i + 1 < end else " "
        if ch in _DOUBLE_OPEN:
            marks.append(Mark(i, "double", "open", ch))
        elif ch in _DOUBLE_CLOSE:
            marks.append(Mark(i, "double", "close", ch))
        elif ch == '"':
            role = _role_of_straight(prev, nxt, "double")
            if role:
                marks.append(Mark(i, "double", role, ch))
        elif ch in _SINGLE_OPEN or ch in _SINGLE_CLOSE:
            role = _role_of_curly_single(ch, prev, nxt)
            if role:
                marks.append(Mark(i, "single", role, ch))
        elif ch == "'":
            role = _role_of_straight(prev, nxt, "single")
            if role:
                marks.append(Mark(i, "single", role, ch))
    return marks


def _starts_with_open(text: str, start: int, end: int, family: Family) -> int | None:
    """Position of an opening mark of ``family`` at the start of ``text[start:end]``."""
    i = start
    while i < end and text[i].isspace():
        i += 1
    for m in classify_marks(text, i, min(end, i + 1)):
        if m.family == family and m.role in ("open", "either"):
            return m.pos
    return None


def _pair_family(text: str, paragraphs: list[tuple[int, int]], family: Family) -> list[QuotedSpan]:
    spans: list[QuotedSpan] = []
    pending: Mark | None = None
    n_paras = 1
    for pi, (ps, pe) in enumerate(paragraphs):
        skip_first_open = False
        if pending is not None:
            # a quote left open in the previous paragraph continues only if this one opens with a mark
            cont = _starts_with_open(text, ps, pe, family)
            if cont is None:
                log.debug("unbalanced %s mark at %d dropped", family, pending.pos)
                pending, n_paras = None, 1
            else:
                skip_first_open, n_paras = True, n_paras + 1
        for m in classify_marks(text, ps, pe):
            if m.family != family:
                continue
            role = m.role
            if skip_first_open:
                skip_first_open = False
                if role in ("open", "either"):
                    continue
            if role == "either" or (pending is not None and pending.char in _LOW_OPEN and m.char in _LOW_CLOSE):
                role = "close" if pending is not None else "open"
            if role == "open":
                if pending is not None:
                    log.debug("unbalanced %s mark at %d dropped", family, pending.pos)
                pending, n_paras = m, 1
            elif pending is not None:
                spans.append(QuotedSpan(pending.pos + 1, m.pos, pending.pos, m.pos, family, n_paras))
                pending, n_paras = None, 1
        if pending is not None and pi + 1 == len(paragraphs):
            log.debug("unbalanced %s mark at %d dropped", family, pending.pos)
    return spans


def _contains(a: QuotedSpan, b: QuotedSpan) -> bool:
    return a.open_at <= b.open_at and b.close_at <= a.close_at and a != b


def _crosses(a: QuotedSpan, b: QuotedSpan) -> bool:
    return a.open_at < b.open_at < a.close_at < b.close_at or b.open_at < a.open_at < b.close_at < a.close_at


def _trim(text: str, span: QuotedSpan) -> QuotedSpan | None:
    s, e = span.start, span.end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if s >= e:
        return None
    return QuotedSpan(s, e, span.open_at, span.close_at, span.family, span.paragraphs)


def find_quoted_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[QuotedSpan]:
    """Outermost quoted spans in ``text``, given its paragraphs as (start, end) in order.

    A quotation may run over consecutive paragraphs of ``paragraphs``; marks
    outside every paragraph are ignored.
    """
    doubles = _pair_family(text, paragraphs, "double")
    singles = [s for s in _pair_family(text, paragraphs, "single") if not any(_crosses(s, d) for d in doubles)]
    every = doubles + singles
    outer = [s for s in every if not any(_contains(o, s) for o in every)]
    trimmed = [t for t in (_trim(text, s) for s in sorted(outer, key=lambda s: s.open_at)) if t is not None]
    return trimmed
