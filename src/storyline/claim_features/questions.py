"""Open questions a source raises, and the spans of other sources that answer them.

Detection: direct questions (a sentence, or a piece of one, ending in "?",
with list markers like "1)" and a lead-in like "Big questions remain:"
trimmed off), and indirect ones ("it remains unclear whether ...", "it is too
early to say how ..."). A question inside somebody's quotation is that
speaker's, not the source's, and is skipped.

Answer linking: for every question, the declarative claims of the *other*
documents most similar to it (shared content terms and actors, tf-idf
weighted cosine, combined with the similarity of their frames: same
actors, related predicate, see :mod:`.frames`) above a threshold, sharing
at least two terms of which one is not an actor, or a frame: the best one
per document (and a close runner-up), at most two in all.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..models import Question, Span
from ..settings import tuned, tuned_int
from .features import TextUnit, cosine

__all__ = ["QuestionSpan", "find_questions", "link_answers"]

_LIST_MARKER = re.compile(r"\s*(?:\(?\d{1,2}[).]|\(?[a-h]\)|[-\u2022*])\s*")
_INDIRECT = re.compile(
    r"\b(?:it\s+(?:is|remains|was|remained)\s+(?:still\s+|not\s+yet\s+)?"
    r"(?:unclear|uncertain|not\s+clear|not\s+known|unknown|an\s+open\s+question)"
    r"|(?:it\s+)?remains\s+to\s+be\s+seen|(?:no\s+one|nobody)\s+(?:knows|can\s+say)"
    r"|(?:the|an|one)\s+(?:open\s+|big\s+|key\s+|real\s+)?question\s+(?:is|remains)"
    r"|it\s+is\s+too\s+(?:early|soon)\s+to\s+(?:know|say|tell))\s*,?\s+(?P<wh>whether|if|how|what|when|who|why|where|which)\b",
    re.IGNORECASE,
)

#: Minimum similarity for a claim to be linked as an answer, and answers kept per document.
ANSWER_THRESHOLD = tuned("compare.answers", "answer_threshold")
MIN_SHARED = tuned_int("compare.answers", "min_shared")
ANSWERS_PER_DOC = tuned_int("compare.answers", "answers_per_doc")
#: A second answer from the same document must score at least this share of the first.
RUNNER_UP = tuned("compare.answers", "runner_up")
MAX_ANSWERS = tuned_int("compare.answers", "max_answers")  # over all documents: a question with many weak candidates keeps the two best
#: A frame match this strong (same actors, related predicate) answers without shared words.
FRAME_ANSWER = tuned("compare.answers", "frame_answer")


@dataclass(frozen=True)
class QuestionSpan:
    start: int
    end: int
    kind: str  # "direct" | "indirect"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a lead-in ending in a colon and list markers from the front of a question piece."""
    piece = text[start:end]
    colon = piece.find(":")
    if 0 <= colon < len(piece) - 2 and "?" not in piece[:colon]:
        start += colon + 1
    m = _LIST_MARKER.match(text, start, end)
    while m and m.end() > start:
        start = m.end()
        m = _LIST_MARKER.match(text, start, end)
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _looks_like_prose(piece: str) -> bool:
    """At least three words, mostly alphabetic (not a table cell or a bare subhead)."""
    words = piece.split()
    alpha = [w for w in words if any(ch.isalpha() for ch in w) and not any(ch.isdigit() for ch in w)]
    return len(alpha) >= 3 and len(alpha) >= 0.7 * len(words)


def find_questions(text: str, start: int, end: int, quoted: list[tuple[int, int]]) -> list[QuestionSpan]:
    """Questions in the sentence ``text[start:end]``; ``quoted`` are attributed quotation spans."""
    out: list[QuestionSpan] = []
    piece_start = start
    for i in range(start, end):
        if text[i] != "?":
            continue
        if any(qs <= i < qe + 1 for qs, qe in quoted):
            piece_start = i + 1
            continue
        s, e = _trim(text, piece_start, i + 1)
        if _looks_like_prose(text[s:e]):
            out.append(QuestionSpan(s, e, "direct"))
        piece_start = i + 1
    if not out:
        m = _INDIRECT.search(text, start, end)
        if m is not None:
            e = end
            while e > m.start("wh") and text[e - 1] in ".;, ":
                e -= 1
            out.append(QuestionSpan(m.start("wh"), e, "indirect"))
    return out


def link_answers(
    question: Question,
    unit: TextUnit,
    candidates: list[TextUnit],
    texts: dict[str, str],
    score: Callable[[TextUnit, TextUnit], tuple[float, float]] | None = None,
) -> None:
    """Attach to ``question`` the best answering spans of other documents, with a confidence each.

    ``score(question, candidate)`` gives (combined, frame) similarity; by
    default the tf-idf cosine alone. A candidate needs two shared terms (one
    not an actor) or a frame match of at least ``FRAME_ANSWER``; per document
    the best is kept, and a runner-up within ``RUNNER_UP`` of it.
    """
    score = score or (lambda q, c: (cosine(q, c), 0.0))
    by_doc: dict[str, list[tuple[float, float, TextUnit]]] = {}
    for cand in candidates:
        if cand.doc == unit.doc:
            continue
        sim, frame = score(unit, cand)
        shared = [t for t in unit.terms if t in cand.terms]
        if frame < FRAME_ANSWER and (len(shared) < MIN_SHARED or all(t.startswith("@") for t in shared)):
            continue  # one word, or only actors, in common is not answering
        if sim >= ANSWER_THRESHOLD:
            by_doc.setdefault(cand.doc, []).append((sim, frame, cand))
    best: list[tuple[float, TextUnit]] = []
    for _doc, scored in sorted(by_doc.items()):
        scored.sort(key=lambda x: -x[0])
        top = scored[0][0]
        kept = [(s, c) for i, (s, f, c) in enumerate(scored[:ANSWERS_PER_DOC]) if i == 0 or (s >= RUNNER_UP * top and f >= FRAME_ANSWER)]
        best.extend(kept)
    best.sort(key=lambda x: -x[0])
    for sim, cand in sorted(best[:MAX_ANSWERS], key=lambda x: (x[1].doc, x[1].start)):
        question.answers.append(Span(doc=cand.doc, start=cand.start, end=cand.end, text=texts[cand.doc][cand.start : cand.end]))
        question.confidence.append(round(min(1.0, 0.3 + sim), 2))
