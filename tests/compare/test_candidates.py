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


def _reference(units, max_pairs, index_share, index_postings=10**9):
    """The index selection written the direct way: every indexed pair's weight in one dict, then the best."""
    order = sorted(units.values(), key=lambda x: (x.doc, x.start, x.key))
    postings = {}
    for u in order:
        for t in sorted(u.terms):
            postings.setdefault(t, []).append(u)
    cap = max(2, min(int(index_share * len(units)), index_postings))
    weight = {}
    for term in sorted(postings):
        plist = postings[term]
        if len(plist) > cap:
            continue
        for i, a in enumerate(plist):
            for b in plist[i + 1 :]:
                if a.doc != b.doc:
                    weight[(a.key, b.key)] = weight.get((a.key, b.key), 0.0) + 1.0 / len(plist)
    kept = sorted(weight.items(), key=lambda kv: (kv[1], kv[0]), reverse=True)[:max_pairs]
    return sorted(k for k, _ in kept), len(weight)


def test_streamed_selection_equals_the_all_pairs_dictionary():
    import random

    rng = random.Random(5)
    vocab = [f"t{i}" for i in range(40)]
    checked = 0
    for trial in range(20):
        units = {}
        for d in range(rng.randint(2, 9)):
            for i in range(rng.randint(1, 12)):
                key = f"d{d}.{i}"
                words = " ".join(rng.choice(vocab) for _ in range(rng.randint(1, 6)))
                units[key] = TextUnit(key=key, doc=f"d{d}", start=rng.randint(0, 50), end=60, terms=Counter(words.split()))
        max_pairs = rng.randint(1, 40)
        share = rng.choice([0.05, 0.2, 0.5, 1.0])
        postings = rng.choice([3, 6, 10**9])
        pairs, budget = candidate_pairs(units, max_pairs=max_pairs, index_share=share, index_postings=postings)
        if budget.possible <= max_pairs:
            continue
        want, indexed = _reference(units, max_pairs, share, postings)
        assert pairs == want, trial
        assert budget.indexed == indexed
        checked += 1
    assert checked >= 10


def test_a_term_held_by_more_claims_than_index_postings_links_nothing():
    # "common" is in 6 claims (under the share cap of a 12-claim story at 0.9) but over index_postings = 4
    units = {}
    for d in range(6):
        units[f"d{d}.0"] = _u(f"d{d}.0", f"d{d}", f"common own{d}")
        units[f"d{d}.1"] = _u(f"d{d}.1", f"d{d}", f"pair{d // 2} own{d}b")
    pairs, budget = candidate_pairs(units, max_pairs=5, index_share=0.9, index_postings=4)
    assert pairs == [("d0.1", "d1.1"), ("d2.1", "d3.1"), ("d4.1", "d5.1")]
    assert budget.indexed == 3
    wide, _ = candidate_pairs(units, max_pairs=5, index_share=0.9, index_postings=100)
    assert any(a.endswith(".0") for a, _ in wide), "without the cap the common term links claims"
