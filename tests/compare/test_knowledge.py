"""Hedged answers on knowing against flat statements, on hand-built text units."""

from __future__ import annotations

from collections import Counter

from storyline.claim_features.features import TextUnit
from storyline.compare.knowledge import hedge_conflicts, knows

DENY = frozenset({"deny"})


def _unit(key: str, doc: str, start: int, words: str = "", **kw) -> TextUnit:
    return TextUnit(key=key, doc=doc, start=start, end=start + 10, terms=Counter(words.split()), **kw)


def test_what_a_claim_says_of_knowing():
    knew = _unit("a", "d2", 0, predicates=frozenset({"know"}), subjects={"know": "@a1"})
    assert knows(knew, DENY) == (True, "@a1")
    unaware = _unit("b", "d2", 0, predicates=frozenset({"unaware"}), subjects={"unaware": "@a1"})
    assert knows(unaware, DENY) == (False, "@a1")
    denies = _unit("c", "d2", 0, predicates=frozenset({"know", "deny"}), subjects={"know": "@a1", "deny": "@a1"})
    assert knows(denies, DENY) == (False, "@a1")
    other_denies = _unit("d", "d2", 0, predicates=frozenset({"know", "deny"}), subjects={"know": "@a1", "deny": "@a2"})
    assert knows(other_denies, DENY) == (True, "@a1")
    assert knows(_unit("e", "d2", 0, predicates=frozenset({"pay"})), DENY) is None


def test_a_hedge_answers_the_question_just_before_it():
    question = _unit("q:d1:0", "d1", 0, "@a1 know pay firm", predicates=frozenset({"know"}), subjects={"know": "@a1"})
    hedge = _unit("d1.c1", "d1", 20, "@a3")
    flat = _unit("d2.c1", "d2", 0, "@a1 unaware pay firm", predicates=frozenset({"unaware"}), subjects={"unaware": "@a1"})
    speaker = _unit("d3.c1", "d3", 0, "pay firm", predicates=frozenset({"know"}), subjects={"know": "i"})
    claims = {u.key: u for u in (hedge, flat, speaker)}
    texts = {"d1.c1": '"Not that I\'m aware of," he said.', "d2.c1": "...", "d3.c1": "..."}

    def score(q, c):
        return len(set(q.terms) & set(c.terms)) / 4

    (conflict,) = hedge_conflicts(claims, texts, [question], score, 0.3, DENY)
    assert conflict.hedge == "d1.c1" and conflict.asked == "q:d1:0" and conflict.knower == "@a1"
    assert [(k, knew) for k, knew, _s in conflict.flat] == [("d2.c1", False)]  # "I don't know" is the speaker's
    between = _unit("d1.c0", "d1", 12, "firm")  # a claim between the question and the hedge: it answers nothing
    assert not hedge_conflicts({**claims, "d1.c0": between}, texts, [question], score, 0.3, DENY)
