"""Scope divergences on hand-built text units: extended to one kind, limited to the opposite kind."""

from __future__ import annotations

from collections import Counter

from storyline.claim_features.features import ANTONYMS, TextUnit
from storyline.compare.scope import scope_conflicts


def _unit(key: str, doc: str, words: str, qualities: dict[str, str], excluded: frozenset[str] = frozenset()) -> TextUnit:
    return TextUnit(key=key, doc=doc, start=0, end=1, terms=Counter(words.split()), qualities=qualities, excluded=excluded)


def _run(*units: TextUnit, texts: dict[str, str] | None = None):
    by_key = {u.key: u for u in units}
    pairs = [(a.key, b.key) for i, a in enumerate(units) for b in units[i + 1 :]]
    return scope_conflicts(by_key, pairs, lambda a, b: 0.3, ANTONYMS, texts or {}, 0.15)


def test_extended_against_limited_and_ruled_out():
    wide = _unit("a", "d1", "nurse public hospital unionize", {"public": "hospital"})
    narrow = _unit("b", "d2", "nurse private public hospital unionize", {"private": "hospital", "public": "hospital"}, frozenset({"public"}))
    (conflict,) = _run(wide, narrow)
    assert (conflict.claim, conflict.quality) == ("a", "public")
    assert [(k, o) for k, o, _n, _s in conflict.limits] == [("b", "private")]


def test_a_limit_word_rules_out_the_other_kind():
    wide = _unit("a", "d1", "nurse public hospital unionize", {"public": "hospital"})
    only = _unit("b", "d2", "nurse private hospital unionize", {"private": "hospital"})
    assert not _run(wide, only)  # two facts
    assert _run(wide, only, texts={"b": "Only nurses at private hospitals may unionize."})


def test_naming_both_kinds_or_sharing_too_little_is_no_conflict():
    wide = _unit("a", "d1", "nurse public hospital unionize", {"public": "hospital"})
    both = _unit("b", "d2", "nurse private public hospital unionize", {"private": "hospital", "public": "hospital"})
    assert not _run(wide, both)
    far = _unit("c", "d2", "private school", {"private": "school", "public": "school"}, frozenset({"public"}))
    assert not _run(wide, far)
