"""Open questions a source raises, and the spans of other sources that answer them.

Detection: direct questions (a sentence, or a piece of one, ending in "?",
with list markers like "1)" and a lead-in like "Big questions remain:"
trimmed off), and hedged statements of what is not known (see
:mod:`storyline.language.hedges`: "it was not immediately clear what ...",
"prosecutors haven't indicated whether ...", "remains to be seen", "will be
decided later", "it probably will ...", "someone may have ..."), as the
clause that holds the hedge (to the next clause break after it); the hedge's
own words are not what it asks, so they are left out of its comparison terms.
A direct question inside somebody's quotation is that speaker's, not the
source's, and is skipped, as is one addressed to the reader ("you"); so are a quoted "whether" or "probably will".

Answer linking: for every question, the declarative claims of the *other*
documents most similar to it (shared content terms and actors, tf-idf
weighted cosine, combined with the similarity of their frames: same
actors, related predicate, see :mod:`.frames`) above a threshold, sharing
at least two terms of which one is not an actor, or a frame: the best one
per document (and a close runner-up), at most ``max_answers`` in all. A
yes/no question ("Did Trump know ...?") asks whether its main predicate
holds: candidates with that predicate come first. A sentence that itself
says what is not known ("I don't know whether ...", "an autopsy could shed
light on ...") answers nothing. A hedged question's answer shares a term of
what is not known ("whether *the group had accomplices*"), not only of the
frame around it ("the search is seeking to determine"). An answer carrying
the kind of thing the question asks for (a place for "where", a fault for
"what the defect was", see :mod:`storyline.language.answers`) scores
``KIND_BONUS`` more; one that does not carry it only partly answers. A
document with no answering sentence of its own answers a where / why / what
fault question with its sentence that tells the same thing as (is in one
agreement with) another document's answer and carries the place, cause or
fault asked for ("the car was between 6 and 8 feet below the floor" / "the
two fell onto the roof of the car stuck between the floors").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from ..language.answers import TELLING_KINDS
from ..language.hedges import asks_yes_no, find_hedge
from ..language.stem import bare_verb
from ..models import Question, Span
from ..settings import tuned, tuned_int
from .features import TextUnit, cosine

__all__ = ["QuestionSpan", "answer_kind", "carries_asked", "find_questions", "link_answers"]

_LIST_MARKER = re.compile(r"\s*(?:\(?\d{1,2}[).]|\(?[a-h]\)|[-\u2022*])\s*")
#: A question to the reader ("Have a tip you want to share?", "Think you can turn it off?") is no open question of the story.
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE)
#: Hedges that may sit inside somebody's quotation and still state an open question ("the incident is under investigation").
_QUOTABLE_HEDGES = frozenset({"unknown", "not_said", "phrase", "deferred"})
#: Where a clause of a sentence begins: a hedge's question starts at the last of these before it.
_CLAUSE_BREAK = re.compile(r"(?:[;:]|,?\s+(?:but|although|though|while|yet)\b|,\s+and\b)\s*", re.IGNORECASE)

#: Minimum similarity for a claim to be linked as an answer, and answers kept per document.
ANSWER_THRESHOLD = tuned("compare.answers", "answer_threshold")
MIN_SHARED = tuned_int("compare.answers", "min_shared")
ANSWERS_PER_DOC = tuned_int("compare.answers", "answers_per_doc")
#: A second answer from the same document must score at least this share of the first.
RUNNER_UP = tuned("compare.answers", "runner_up")
MAX_ANSWERS = tuned_int("compare.answers", "max_answers")  # over all documents: a question with many weak candidates keeps the two best
#: An answer this similar (or sharing a frame this strong) answers; a weaker one partly answers.
FULL_ANSWER = tuned("compare.answers", "full_answer")
#: A frame match this strong (same actors, related predicate) answers without shared words.
FRAME_ANSWER = tuned("compare.answers", "frame_answer")
#: An answer carrying the kind of thing the question asks for (a place for "where", a fault for "what the defect was") scores this much more.
KIND_BONUS = tuned("compare.answers", "kind_bonus")
#: A sentence retelling another source's answer (both in one agreement) scores this share of that answer.
RETOLD_SHARE = tuned("compare.answers", "retold_share")


@dataclass(frozen=True)
class QuestionSpan:
    start: int
    end: int
    kind: str  # "direct" | "indirect"
    cue: tuple[int, int] | None = None  # a hedge's own words ("it was not immediately clear"): not what is asked
    asked: int | None = None  # where what is not known starts: the hedge's wh-word ("*whether* the group had accomplices")


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
        if _looks_like_prose(text[s:e]) and not _SECOND_PERSON.search(text, s, e):
            out.append(QuestionSpan(s, e, "direct"))
        piece_start = i + 1
    if not out:
        hedge = find_hedge(text, start, end)
        if hedge is not None and (hedge.kind in _QUOTABLE_HEDGES or not any(qs <= hedge.start < qe for qs, qe in quoted)):
            out.append(_hedge_span(text, start, end, hedge.start, hedge.end, hedge.focus))
    return out


def _hedge_span(text: str, start: int, end: int, cue: int, cue_end: int, focus: int | None = None) -> QuestionSpan:
    """The clause of the sentence that holds the hedge: from the last clause break before its cue to the next one after it.

    ("There were many questions left unanswered, including whether a union vote would succeed, but the decision is
    preliminary": the question ends before ", but".)
    """
    s = start
    for m in _CLAUSE_BREAK.finditer(text, start, cue):
        s = m.end()
    after = _CLAUSE_BREAK.search(text, cue_end, end)
    e = end if after is None else after.start()
    while e > s and text[e - 1] in ".;, \n":
        e -= 1
    asked = focus if focus is not None and s <= focus < e else None
    return QuestionSpan(s, e, "indirect", (cue, cue_end), asked)


def link_answers(
    question: Question,
    unit: TextUnit,
    candidates: list[TextUnit],
    texts: dict[str, str],
    score: Callable[[TextUnit, TextUnit], tuple[float, float]] | None = None,
    threshold: float = ANSWER_THRESHOLD,
    most: int = MAX_ANSWERS,
    retold: Mapping[str, Sequence[TextUnit]] | None = None,
    retold_share: float = RETOLD_SHARE,
) -> None:
    """Attach to ``question`` the best answering spans of other documents, with a confidence each.

    ``score(question, candidate)`` gives (combined, frame) similarity; by
    default the tf-idf cosine alone. A candidate needs two shared terms (one
    not an actor) or a frame match of at least ``FRAME_ANSWER``; per document
    the best is kept, and a runner-up within ``RUNNER_UP`` of it.

    ``retold`` maps a claim to the claims of other documents that tell the same
    thing (its agreement): a document with no answering sentence of its own
    gets the sentence retelling an answer of another document ("the car was
    between 6 and 8 feet below the floor" / "the two fell onto the roof of the
    car stuck between the 22nd and 23rd floors"), scored ``retold_share`` of it.
    """
    score = score or (lambda q, c: (cosine(q, c), 0.0))
    # a yes/no question asks whether its main predicate holds: an answer tells that predicate ("Did Trump know" / "Trump knew")
    focus = unit.focus if question.kind == "direct" and asks_yes_no(question.text) else frozenset()
    by_doc: dict[str, list[tuple[bool, float, float, TextUnit]]] = {}
    for cand in candidates:
        if cand.doc == unit.doc:
            continue
        shared = [t for t in unit.terms if t in cand.terms]
        if not shared:
            continue  # nothing in common (a frame match needs a shared actor too)
        if unit.asked and not any(t in cand.terms or bare_verb(t) in cand.terms for t in unit.asked):
            continue  # "is seeking to determine whether the group had accomplices" / "officers searched a property": only the frame in common
        sim, frame = score(unit, cand)
        if carries_asked(unit, cand):
            sim += KIND_BONUS  # "where the car was" / "stuck between the 22nd and 23rd floors"
        if frame < FRAME_ANSWER and (len(shared) < MIN_SHARED or all(t.startswith("@") for t in shared)):
            continue  # one word, or only actors, in common is not answering
        # (the hedge scan, the costliest test, only for a candidate that passes the others)
        if sim >= threshold and not _unknown_itself(texts[cand.doc], cand):
            # "I don't know whether ...", "declined to elaborate": a sentence saying what is not known answers nothing
            by_doc.setdefault(cand.doc, []).append((bool(focus & set(cand.terms)), sim, frame, cand))
    if retold:
        _add_retellings(by_doc, unit, texts, retold, retold_share)
    best: list[tuple[bool, float, float, TextUnit]] = []
    for _doc, scored in sorted(by_doc.items()):
        scored.sort(key=lambda x: (not x[0], -x[1]))
        top = scored[0][1]
        kept = [(h, s, f, c) for i, (h, s, f, c) in enumerate(scored[:ANSWERS_PER_DOC]) if i == 0 or (s >= RUNNER_UP * top and f >= FRAME_ANSWER)]
        best.extend(kept)
    # a sentence with the question's main predicate ("did Trump *know*" / "Trump knew") before any merely similar one
    best.sort(key=lambda x: (not x[0], -x[1], x[3].key))
    for _hit, sim, frame, cand in sorted(best[:most], key=lambda x: (x[3].doc, x[3].start)):
        question.answers.append(Span(doc=cand.doc, start=cand.start, end=cand.end, text=texts[cand.doc][cand.start : cand.end]))
        question.confidence.append(round(min(1.0, 0.3 + sim), 2))
        question.answer_kinds.append(answer_kind(unit, cand, sim, frame))


def _add_retellings(
    by_doc: dict[str, list[tuple[bool, float, float, TextUnit]]],
    question: TextUnit,
    texts: dict[str, str],
    retold: Mapping[str, Sequence[TextUnit]],
    share: float,
) -> None:
    """A document with no answer of its own gets its sentence retelling another document's answer (the best answer first;
    not in the question's document, nor a sentence saying what is not known), when the question asks for a telling kind of
    thing (a place, a cause, a fault: not a person, a figure or a time, which most sentences carry) and the retelling
    carries it: a retelling of a loose answer to a broad question is looser still."""
    if question.asks not in TELLING_KINDS:
        return
    found = sorted((x for scored in by_doc.values() for x in scored), key=lambda x: (-x[1], x[3].key))
    added: dict[str, tuple[bool, float, float, TextUnit]] = {}
    for hit, sim, frame, cand in found:
        for other in retold.get(cand.key, ()):
            if other.doc in (question.doc, cand.doc) or other.doc in by_doc or other.doc in added:
                continue
            if carries_asked(question, other) and not _unknown_itself(texts[other.doc], other):
                added[other.doc] = (hit, sim * share, frame, other)
    for doc, x in added.items():
        by_doc[doc] = [x]


#: Hedges that make a sentence a statement of what is not known (a hedged prediction, "probably will", still tells something).
_NOT_KNOWN = frozenset({"unknown", "not_said", "phrase", "whether"})


def _unknown_itself(text: str, cand: TextUnit) -> bool:
    """The candidate states an unknown itself ("I don't know whether she will sue", "police declined to elaborate")."""
    hedge = find_hedge(text, cand.start, cand.end)
    return hedge is not None and hedge.kind in _NOT_KNOWN


def carries_asked(question: TextUnit, answer: TextUnit) -> bool:
    """The answer carries the kind of thing the question asks for: a place for "where", a cause for "why", a fault
    for "what the defect was", a figure for "how many", a time for "when", a person the question does not name for "who"."""
    asks = question.asks
    if asks is None:
        return False
    if asks == "person":
        return bool({t for t in answer.terms if t.startswith("@")} - set(question.terms))
    if asks in {"time", "figure"} and any((f.quantity.kind == "time") == (asks == "time") for f in answer.quantities):
        return True
    return asks in answer.carries


def answer_kind(question: TextUnit, answer: TextUnit, sim: float, frame: float) -> Literal["answers", "partly answers"]:
    """ "answers" when the answer carries what the question asks and says it closely, else "partly answers".

    A question asking for a figure ("how many", "how much") or a time
    ("when") is answered only by a sentence with a figure or time; one asking
    "who" by a sentence naming an actor the question does not; one asking
    where, why or what went wrong by a sentence carrying a place, a cause or a
    fault (what a question asks is :func:`storyline.language.answers.asked_kind`).
    Otherwise (yes/no, whether, what, hedged statements) a close answer
    (similarity ``FULL_ANSWER`` or a strong frame match) answers.
    """
    asks = question.asks
    kinds = {f.quantity.kind for f in answer.quantities}
    if asks == "figure" and not kinds - {"time"}:
        return "partly answers"
    if asks == "time" and "time" not in kinds and not any(ch.isdigit() for ch in answer.terms):
        return "partly answers"
    if asks in {"person", "place", "cause", "fault"} and not carries_asked(question, answer):
        return "partly answers"  # "where the car was" / a sentence about the car that gives no place
    return "answers" if sim >= FULL_ANSWER or frame >= FRAME_ANSWER else "partly answers"
