"""Divergences of knowledge: one source gives a hedge ("Not that I'm aware of") where others state flatly who knew what.

Asked "Did the mayor know about the payment?", a spokesman answers "Not
that I'm aware of": no yes, no no. Another source reporting the same
answer as "the mayor was unaware of the payment" or "the mayor denies knowing
of it" states flatly what the first gives as a hedge; a third that says
"there is no question the mayor knew" asserts the opposite. Each is a
position on one question.

- A hedging claim is one holding a knowledge-disclaiming answer
  (:func:`storyline.language.knowledge.knowledge_hedge`). What it answers is
  the question right before it in its document (no claim between them), else
  the claim itself when it says more than the hedge (``min_terms`` content
  words besides the hedge's own).
- Its flat counterparts are claims of other documents with a predicate of
  knowing ("know", "aware", "unaware") whose knower is the one asked about
  (an actor, when the question names none) and no hedge, scoring at least
  ``threshold`` against what is answered (the answers' score); the best one
  per document.
- A counterpart says the knower did not know when its knowing is negated, is
  "unaware", or is the complement of a denial by the knower ("denies that he
  knew"); else that the knower knew.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from ..claim_features.features import TextUnit
from ..language.knowledge import KNOWLEDGE_PREDICATES, UNKNOWING_PREDICATES, knowledge_hedge

__all__ = ["HedgeConflict", "hedge_conflicts", "knows"]


@dataclass(frozen=True)
class HedgeConflict:
    """A hedged answer against flat statements of knowing, one claim per other document."""

    hedge: str  # the hedging claim's id
    words: str  # the hedge as written ("Not that I'm aware of")
    asked: str  # the key of what it answers: the question before it, or the claim itself
    flat: tuple[tuple[str, bool, float], ...]  # (claim id, says the knower knew, score), by document
    knower: str | None  # the knower's term ("@a2"), when a side names one


def knows(unit: TextUnit, denials: frozenset[str]) -> tuple[bool, str | None] | None:
    """Whether a claim says its knower knew (True), did not (False), or tells no knowing (None); and the knower's term."""
    found = sorted(unit.predicates & KNOWLEDGE_PREDICATES)
    if not found:
        return None
    # the subject of the knowing: the predicate's own ("Trump knew"), else its frame's ("Trump was unaware": the copula's)
    knower = next((unit.subjects[p] for p in found if p in unit.subjects), None)
    if knower is None:
        knower = next((f"@{min(f.subj)}" for f in unit.frames if f.lemma in KNOWLEDGE_PREDICATES and f.subj), None)
    if any(p in UNKNOWING_PREDICATES and p not in unit.negated for p in found):
        return False, knower
    if any(p not in UNKNOWING_PREDICATES and p in unit.negated for p in found):
        return False, knower
    denied = unit.denied or any(d in unit.predicates and knower is not None and unit.subjects.get(d) == knower for d in denials)
    return not denied, knower


def _asked(hedge: TextUnit, questions: Sequence[TextUnit], claims: Sequence[TextUnit], min_terms: int, hedge_terms: frozenset[str]) -> TextUnit | None:
    """The question right before the hedging claim in its document (no claim starts between them), else the claim itself
    when it says more than the hedge."""
    before = [q for q in questions if q.doc == hedge.doc and q.end <= hedge.start]
    if before:
        q = max(before, key=lambda x: x.end)
        if not any(c.doc == hedge.doc and q.end <= c.start < hedge.start for c in claims):
            return q
    own = [t for t in hedge.terms if not t.startswith("@") and t not in hedge_terms]
    return hedge if len(own) >= min_terms else None


def hedge_conflicts(
    claims: Mapping[str, TextUnit],
    texts: Mapping[str, str],
    questions: Sequence[TextUnit],
    score: Callable[[TextUnit, TextUnit], float],
    threshold: float,
    denials: frozenset[str],
    min_terms: int = 2,
) -> list[HedgeConflict]:
    """Every hedged answer with the flat statements of knowing of other documents on what it answers."""
    ordered = sorted(claims.values(), key=lambda u: (u.doc, u.start, u.key))
    hedge_terms = frozenset(KNOWLEDGE_PREDICATES)
    hedged = {u.key: words for u in ordered if (words := knowledge_hedge(texts.get(u.key, ""))) is not None}
    out: list[HedgeConflict] = []
    taken: set[str] = set()
    for key, words in hedged.items():
        hedge = claims[key]
        asked = _asked(hedge, questions, ordered, min_terms, hedge_terms)
        if asked is None:
            continue
        own = knows(asked, denials)
        knower = own[1] if own is not None else None
        best: dict[str, tuple[float, str, bool, str | None]] = {}
        for u in ordered:
            if u.doc == hedge.doc or u.key in hedged or u.key in taken:
                continue
            stance = knows(u, denials)
            if stance is None or stance[1] is None or not (stance[1] == knower or (knower is None and stance[1].startswith("@"))):
                continue  # "I don't know whether ..." is the speaker's knowing, not the one asked about
            s = score(asked, u)
            if s >= threshold and (u.doc not in best or s > best[u.doc][0]):
                best[u.doc] = (s, u.key, stance[0], stance[1])
        if not best:
            continue
        if knower is None:
            knower = max(best.values(), key=lambda b: (b[0], b[1]))[3]
        flat = tuple((k, knew, round(s, 3)) for _doc, (s, k, knew, _w) in sorted(best.items()))
        taken.update(k for k, _knew, _s in flat)
        taken.add(key)
        out.append(HedgeConflict(key, words, asked.key, flat, knower))
    return out
