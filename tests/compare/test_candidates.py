"""Candidate pairs: every pair in a small story, an index of shared terms within a budget in a large one."""

from __future__ import annotations

from collections import Counter

from storyline.claim_features.features import TextUnit
from storyline.compare.candidates import candidate_pairs


def _u(key, doc, words):
    return TextUnit(key=key, doc=doc, start=0, end=1, terms=Counter(words.split()))


def test_small_story_scores_every_pair_of_different_documents():
    units = {u.key: u for u in [_u("a", "d1", "x y"), _u("b", "d1", "z"), _u("c", "d2", "q")]}
    pairs, budget = candidate_pairs(units, max_pairs=100, index_share=0.5)
    assert sorted(pairs) == [("a", "c"), ("b", "c")]
    assert budget.cut == 0


def test_large_story_keeps_pairs_sharing_rare_terms_and_reports_the_cut():
    units = {}
    for d in range(10):
        for i in range(10):
            key = f"d{d}.{i}"
            # every claim shares the backdrop word; claims i of all documents share a rare topic word
            units[key] = _u(key, f"d{d}", f"backdrop topic{i} filler{d}{i}")
    pairs, budget = candidate_pairs(units, max_pairs=200, index_share=0.2)
    assert budget.possible == 100 * 90 // 2
    assert len(pairs) <= 200 and budget.cut == budget.possible - len(pairs) > 0
    for a, b in pairs:
        assert units[a].doc != units[b].doc
        assert a.split(".")[1] == b.split(".")[1], "only claims sharing a topic word are candidates"


def test_budget_keeps_the_pairs_sharing_most():
    units = {
        "a": _u("a", "d1", "rare1 rare2"),
        "b": _u("b", "d2", "rare1 rare2"),
        "c": _u("c", "d3", "rare1"),
        "x": _u("x", "d4", "other"),
    }
    pairs, budget = candidate_pairs(units, max_pairs=1, index_share=1.0)
    assert pairs == [("a", "b")] and budget.indexed == 3
