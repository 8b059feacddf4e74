"""Segment an article's text into classified blocks.

A block is one non-empty line of the text (in news text, one paragraph).
Each line is first tested against the junk rules on its own, then against
its neighbours: a widget's trailing lines, a caption repeated with its photo
credit, a duplicated line. The first short unpunctuated line becomes the
headline, a short paragraph right after it the standfirst.
"""

from __future__ import annotations

import re

from ..language.junk import classify_line, credit_tail, looks_like_caption, word_count
from ..models import Block, Document, Removed
from ..text import plain

__all__ = ["segment_document", "split_lines"]

_DATELINE = re.compile(r"^[A-Z][A-Z .,'-]{2,40}(?:\([\w .]+\))?\s*(?:—|–|-|:)\s")
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


def _is_headline(line: str) -> bool:
    n = word_count(line)
    return 1 <= n <= 20 and not line.rstrip().endswith((".", ",", ";", ":")) and not _BYLINE.match(line)


def _is_dek(line: str) -> bool:
    return 4 <= word_count(line) <= 45 and not _DATELINE.match(line) and not _BYLINE.match(line)


def segment_document(doc: Document, title: str | None = None, dek: str | None = None) -> Document:
    """Fill ``blocks``, ``title``, ``dek``, ``captions``, ``paragraphs`` and ``removed``."""
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

    # 2. a recirculation widget at the end drags the short lines after it along
    last_content = max((i for i, k in enumerate(kinds) if k == "body" and word_count(lines[i]) > 12), default=-1)
    for i in range(len(lines)):
        if i > last_content and kinds[i] == "junk" and reasons[i] in {"ad or recirculation widget", "related link"}:
            for j in range(i + 1, len(lines)):
                if kinds[j] == "body" and word_count(lines[j]) <= 12:
                    kinds[j], reasons[j] = "junk", "ad or recirculation widget"
            break

    # 3. captions: a line repeated with a photo credit appended; positional captions
    for i, line in enumerate(lines):
        if kinds[i] != "body" or word_count(line) < 5:
            continue
        for j, other in enumerate(lines):
            if j == i or kinds[j] == "junk" or not other.startswith(line) or len(other) <= len(line):
                continue
            if credit_tail(other[len(line):]):
                kinds[i] = "caption"
                kinds[j], reasons[j] = "junk", "caption repeated with photo credit"
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
        if kinds[i] == "body" and looks_like_caption(lines[i]) and i != content[-1]:
            kinds[i] = "caption"

    # 4. headline and standfirst: the first non-caption lines
    head = [i for i in content if kinds[i] == "body"]
    if title is not None:
        wanted = plain(title).lower()
        match = next((i for i in head[:3] if lines[i].lower() == wanted), None)
        if match is not None:
            kinds[match] = "title"
            rest = [i for i in head if i > match]
            if (dek is not None and rest and lines[rest[0]].lower() == plain(dek).lower()) or (len(rest) >= 3 and _is_dek(lines[rest[0]]) and word_count(lines[rest[0]]) < word_count(lines[rest[1]])):
                kinds[rest[0]] = "dek"
    elif len(head) >= 3 and _is_headline(lines[head[0]]):
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
