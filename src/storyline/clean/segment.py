"""Segment an article's text into classified blocks.

A block is one non-empty line of the text (in news text, one paragraph).
Each line is first tested against the junk rules on its own, then against
its neighbours: a widget's trailing lines, a caption repeated with its photo
credit, a duplicated line. The first short unpunctuated line becomes the
headline, a short paragraph right after it the standfirst.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..language.junk import classify_line, credit_tail, headline_shaped, looks_like_caption, word_count
from ..models import Block, Document, Removed
from ..text import plain

__all__ = ["segment_document", "split_lines"]

_DATELINE = re.compile(r"^[A-Z][A-Z .,'-]{2,40}(?:\([\w .]+\))?\s*(?:—|–|-|:)\s|^(?:[A-Z][\w.'-]*(?:[ ,]+[A-Z][\w.'-]*){0,4},?\s*)?\([A-Za-z]{2,12}\)\s")
# Name words are atomic groups and "and" a whole word, so that a run of capitalized words
# ("By Xaand Xaand ...") cannot be split in exponentially many ways.
_NAME_WORD = r"(?>[A-Z][\w.'-]*)"
_BYLINE = re.compile(
    rf"^(?:by|from)\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}}(?:\s*(?:,|\band\b)\s*{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})*+\s*$",
    re.IGNORECASE,
)


def split_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, trimmed of surrounding whitespace."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            spans.append((pos + lead, pos + lead + len(stripped)))
        pos += len(line) + 1
    return spans


_NOT_HEADLINE_START = re.compile(r"^(?:the|a|an|it|this|that|these|those|he|she|they|we|i|you|there|but|and|so|when|while|as|if)\b", re.IGNORECASE)
_NAV = re.compile(r">>|<<|\u00bb|\u203a|\(opens in (?:a )?new window\)", re.IGNORECASE)
_ONLY_DATE = re.compile(
    r"^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:[a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+[a-z]+\s+\d{4}|\d+\s+\w+\s+ago)$",
    re.IGNORECASE,
)
_TWO_SENTENCES = re.compile(r"\b[a-z0-9]{3,}[.!?]\s+[A-Z]")
_QUOTE_CHARS = "\"'“”‘’"


def _is_headline(line: str, after: str) -> bool:
    """The first line is a headline when it looks like one and a paragraph follows.

    A few words, no quote marks around it, not a byline; no final period --
    or a single short sentence (some feeds add one) that opens like a
    headline, not like a lede ("The", "It", "When"), before a longer paragraph.
    """
    s = line.strip()
    n = word_count(s)
    if not 2 <= n <= 20 or _BYLINE.match(s) or s[:1] in _QUOTE_CHARS or s[-1:] in _QUOTE_CHARS or s.endswith((",", ";", ":")):
        return False
    if _CREDIT_WORDS.search(s) or _CAPTION_TAIL.search(s) or _NAV.search(s) or _ONLY_DATE.match(s) or _TWO_SENTENCES.search(s):
        return False
    if headline_shaped(s, 20) or s.endswith(("?", "!")):
        return True
    return (
        s.endswith(".")
        and not any(c in s for c in _QUOTE_CHARS + ",")
        and n <= 12
        and s.count(". ") == 0
        and not _NOT_HEADLINE_START.match(s)
        and word_count(after) > 2 * n
    )


def _is_dek(line: str) -> bool:
    return 4 <= word_count(line) <= 45 and not _DATELINE.match(line) and not _BYLINE.match(line)


_RECIRC_REASONS = {"ad or recirculation widget", "related link"}
_I_YOU = re.compile(r"\b(?:i|we|you|your|our|my)\b", re.IGNORECASE)
_CAPTION_TAIL = re.compile(r"\((?:via\s+)?[\w .,'&-]*(?:/[\w .,'&-]+)?\)\s*$")
_SENTENCE_END = re.compile(r"""[.!?]["'”’)\]]*$""")
_ELLIPSIS_TAIL = re.compile(r"(?:\.\.\.|…)\s*(?P<tail>.*)$")


_SLASH_CREDIT = re.compile(r"(?:\((?:photo|image|credit)?:?\s*[^()]{2,60}/[^()]{2,60}\)|\((?:photo|image|credit)s?:[^()]{2,60}\)|\b(?:photo|image)s?:\s*[^.]{2,60}|[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}/(?:getty images|afp|ap|reuters|epa|bloomberg|[A-Z][\w.' ]{1,40}))\s*$", re.IGNORECASE)


def _ends_with_credit(line: str) -> bool:
    """A photo caption closed by its credit: "... (Jane Roe/The Daily Item)", "... Photo: Jane Roe"."""
    return 3 <= word_count(line) <= 80 and bool(_SLASH_CREDIT.search(line))


def _is_recirculation_header(line: str, reason: str | None) -> bool:
    return reason in _RECIRC_REASONS and not line.startswith("[") and (line.rstrip().endswith(":") or word_count(line) <= 5)


def _recirculation_runs(lines: list[str], kinds: list[str], reasons: list[str | None]) -> None:
    """Headline-shaped lines right after a recirculation header are links to other stories."""
    i = 0
    while i < len(lines):
        if kinds[i] == "junk" and _is_recirculation_header(lines[i], reasons[i]):
            j = i + 1
            while j < len(lines) and (kinds[j] == "junk" or (headline_shaped(lines[j], 20) and not _CAPTION_TAIL.search(lines[j]))):
                if kinds[j] != "junk":
                    kinds[j], reasons[j] = "junk", reasons[i]
                j += 1
            i = j
        else:
            i += 1


def _interleaved_headline(lines: list[str], i: int) -> bool:
    """A headline of another story set between two paragraphs of this one."""
    line = lines[i]
    if not 0 < i < len(lines) - 1 or not 5 <= word_count(line) <= 16 or not headline_shaped(line, 16):
        return False
    if _I_YOU.search(line) or _CAPTION_TAIL.search(line) or line.rstrip().endswith(":"):
        return False
    before, after = lines[i - 1], lines[i + 1]
    if not _SENTENCE_END.search(before) or word_count(before) < 8:
        return False
    # the next line starts a new paragraph (not the rest of a line broken in two)
    return word_count(after) >= 5 and (after[:1].isupper() or after[:1] in _QUOTE_CHARS or after[:1].isdigit())


_FINITE_AUX = re.compile(r"\b(?:is|are|was|were|will|would|must|can|could|may|might|should|says|said|has|have|had|gets|got|wins|won)\b")
_VERB_LIKE = re.compile(r"\b[a-z][a-z'-]+(?:(?<![sui])s|ed)\s+(?!and\b|or\b|of\b|nor\b)(?:[a-z0-9]|[A-Z])")
_CREDIT_WORDS = re.compile(r"\b(?:photo|image|picture|credit|illustration)s?\s*:|/(?:getty|ap|afp|reuters|epa)\b|\bvia (?:ap|afp|reuters|getty)\b", re.IGNORECASE)


def _has_finite_verb(line: str) -> bool:
    """Headline-ese keeps its verb ("Storm batters coast", "Mayor charged with fraud"); captions and list items lack one."""
    body = line.split(None, 1)[1] if " " in line else ""
    return bool(_FINITE_AUX.search(body) or _VERB_LIKE.search(body))


def _interleaved_headlines(lines: list[str], kinds: list[str], reasons: list[str | None], minimum: int = 2) -> None:
    found = [
        i
        for i in range(len(lines))
        if kinds[i] == "body" and _interleaved_headline(lines, i) and _has_finite_verb(lines[i]) and not _CREDIT_WORDS.search(lines[i])
    ]
    if len(found) < max(1, minimum):  # one unpunctuated line between paragraphs may be a subheading
        return
    for i in found:
        kinds[i], reasons[i] = "junk", "headline of another story"


#: At most this many longer copies of a line are examined as "caption + credit" (bounds the cost on adversarial text).
MAX_CAPTION_COPIES = 8


def _repeated_captions(lines: list[str], kinds: list[str], reasons: list[str | None]) -> None:
    """Mark a caption and its copy with a photo credit appended (or cut with '...' before the credit).

    Lines are sorted once, so the lines that start with a given line are
    found by bisection: the cost is n log n, not n squared.
    """
    order = sorted(range(len(lines)), key=lambda k: lines[k])
    keys = [lines[k] for k in order]

    def starting_with(prefix: str) -> list[int]:
        """Lines longer than ``prefix`` that start with it (copies of ``prefix`` itself sort before them)."""
        out: list[int] = []
        pos = bisect_right(keys, prefix)
        while pos < len(keys) and keys[pos].startswith(prefix) and len(out) < MAX_CAPTION_COPIES:
            out.append(order[pos])
            pos += 1
        return out

    for i, line in enumerate(lines):
        if kinds[i] != "body" or word_count(line) < 5:
            continue
        for j in starting_with(line):
            if j == i or kinds[j] == "junk" or len(lines[j]) <= len(line):
                continue
            if credit_tail(lines[j][len(line) :]):
                kinds[i] = "caption"
                kinds[j], reasons[j] = "junk", "caption repeated with photo credit"
    for j, line in enumerate(lines):
        m = _ELLIPSIS_TAIL.search(line)
        if kinds[j] == "junk" or m is None or not credit_tail(m.group("tail")):
            continue
        head = line[: m.start()].rstrip()
        if word_count(head) < 5:
            continue
        full = [i for i in starting_with(head) if i != j and kinds[i] != "junk" and len(lines[i]) > len(head)]
        if full:
            kinds[full[0]] = "caption"
            kinds[j], reasons[j] = "junk", "caption repeated with photo credit"


def segment_document(doc: Document, title: str | None = None, dek: str | None = None, interleaved_min: int = 2) -> Document:
    """Fill ``blocks``, ``title``, ``dek``, ``captions``, ``paragraphs`` and ``removed``.

    ``interleaved_min``: how many headline-shaped lines between paragraphs make them headlines of other stories.
    """
    text = doc.text
    spans = split_lines(text)
    lines = [plain(text[s:e]) for s, e in spans]
    kinds: list[str] = ["body"] * len(spans)
    reasons: list[str | None] = [None] * len(spans)

    # 1. each line on its own
    for i, line in enumerate(lines):
        reason = classify_line(line)
        if reason:
            kinds[i], reasons[i] = "junk", reason

    # 2. a recirculation header ("ALSO:", "Related stories", "More from X") drags the headline-shaped lines after it
    _recirculation_runs(lines, kinds, reasons)
    # 3. headlines of other stories interleaved with the paragraphs (two or more in one article)
    _interleaved_headlines(lines, kinds, reasons, interleaved_min)

    # 4. captions: a line repeated with a photo credit appended (or cut short with "..." before it)
    _repeated_captions(lines, kinds, reasons)
    seen: dict[str, int] = {}
    for i, line in enumerate(lines):
        if kinds[i] == "junk":
            continue
        key = line.lower()
        if key in seen and word_count(line) >= 4:
            kinds[i], reasons[i] = "junk", "duplicate line"
        else:
            seen.setdefault(key, i)
    content = [i for i, k in enumerate(kinds) if k != "junk"]
    for i in content:
        if kinds[i] == "body" and i != content[-1] and (looks_like_caption(lines[i]) or _ends_with_credit(lines[i])):
            kinds[i] = "caption"

    # 5. headline and standfirst: the first non-caption lines
    head = [i for i in content if kinds[i] == "body"]
    if title is not None:
        wanted = plain(title).lower()
        match = next((i for i in head[:3] if lines[i].lower() == wanted), None)
        if match is not None:
            kinds[match] = "title"
            rest = [i for i in head if i > match]
            if (dek is not None and rest and lines[rest[0]].lower() == plain(dek).lower()) or (len(rest) >= 3 and _is_dek(lines[rest[0]]) and word_count(lines[rest[0]]) < word_count(lines[rest[1]])):
                kinds[rest[0]] = "dek"
    elif len(head) >= 3 and _is_headline(lines[head[0]], lines[head[1]]):
        kinds[head[0]] = "title"
        rest = head[1:]
        if len(rest) >= 3 and _is_dek(lines[rest[0]]) and word_count(lines[rest[0]]) <= word_count(lines[rest[1]]):
            kinds[rest[0]] = "dek"

    doc.blocks = [
        Block(kind=kinds[i], start=s, end=e, text=text[s:e], reason=reasons[i])  # type: ignore[arg-type]
        for i, (s, e) in enumerate(spans)
    ]
    doc.title = next((b.text for b in doc.blocks if b.kind == "title"), title)
    doc.dek = next((b.text for b in doc.blocks if b.kind == "dek"), dek)
    doc.captions = [b.text for b in doc.blocks if b.kind == "caption"]
    doc.paragraphs = [b.text for b in doc.blocks if b.kind == "body"]
    doc.removed = [Removed(text=b.text, reason=b.reason or "junk", start=b.start, end=b.end) for b in doc.blocks if b.kind == "junk"]
    return doc
