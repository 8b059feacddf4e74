"""Greedy selection: budget, redundancy, support and reading order."""

from __future__ import annotations

from storyline.summarize.candidates import Candidate
from storyline.summarize.select import Weights, score_candidates, select_sentences, similarity_matrix
from storyline.summarize.stage import order_picks


def _cand(doc: int, pos: int, text: str, dangling: bool = False) -> Candidate:
    words = text.split()
    terms = [w.lower().strip(".,") for w in words if len(w) > 3]
    return Candidate(doc=f"d{doc + 1}", doc_index=doc, position=pos, start=0, end=len(text), text=text,
                     words=len(words), terms=terms, dangling=dangling)


CANDS = [
    _cand(0, 0, "Flooding forced thousands of residents from their homes in Westport on Tuesday."),
    _cand(0, 1, "Rescue crews pulled forty people from rooftops during the night."),
    _cand(1, 0, "Thousands of Westport residents were forced from their homes by flooding on Tuesday."),
    _cand(1, 1, "Regional officials released emergency funds for families who lost their homes."),
    _cand(2, 0, "Flooding in Westport forced thousands of residents from homes on Tuesday, police said."),
    _cand(2, 1, "Schools across the whole region will stay closed until Friday morning.", dangling=True),
]


def test_budget_is_never_exceeded() -> None:
    for budget in (12, 25, 40, 80):
        sel = select_sentences(CANDS, budget)
        assert sum(CANDS[p.index].words for p in sel.picks) <= budget


def test_repeated_fact_chosen_once_and_cites_the_others() -> None:
    sel = select_sentences(CANDS, 200)
    chosen = [CANDS[p.index].text for p in sel.picks]
    flood = [p for p in sel.picks if "Flooding" in CANDS[p.index].text or "Thousands" in CANDS[p.index].text]
    assert len(flood) == 1, chosen
    supporters = {CANDS[j].doc for j in flood[0].support}
    assert supporters == {"d1", "d2", "d3"} - {CANDS[flood[0].index].doc}
    # unrelated sentences carry no support
    rescue = next(p for p in sel.picks if "Rescue" in CANDS[p.index].text)
    assert rescue.support == []


def test_lower_redundancy_threshold_keeps_fewer_near_repeats() -> None:
    loose = select_sentences(CANDS, 200, Weights(redundancy=0.99, containment=0.0))
    strict = select_sentences(CANDS, 200, Weights(redundancy=0.2, containment=0.0))
    assert len(strict.picks) < len(loose.picks)


def test_order_never_opens_on_a_dangling_sentence() -> None:
    sel = select_sentences(CANDS, 200)
    dangling_first = sorted(sel.picks, key=lambda p: (not CANDS[p.index].dangling))
    ordered = order_picks(dangling_first, CANDS, sel.scores)
    assert not CANDS[ordered[0].index].dangling
    assert sorted(p.index for p in ordered) == sorted(p.index for p in sel.picks)


def test_empty_input() -> None:
    assert select_sentences([], 100).picks == []


def test_support_needs_the_same_figures() -> None:
    cands = [
        _cand(0, 0, "The observatory head said at least 18 security troops were wounded in the clashes."),
        _cand(1, 0, "The observatory head said at least 4 security troops were wounded in the clashes."),
        _cand(2, 0, "The observatory head said at least 18 security troops were wounded in clashes overnight."),
    ]
    sel = select_sentences(cands, 15)
    assert len(sel.picks) == 1 and sel.picks[0].index == 0
    assert [cands[j].doc for j in sel.picks[0].support] == ["d3"]


def test_sentences_the_comparison_links_enter_once_and_agreeing_ones_are_cited() -> None:
    import numpy as np

    cands = [
        _cand(0, 0, "The storm hit the harbour town at about 11:45 in the morning."),
        _cand(1, 0, "Gale winds reached the port at 10:30 with little warning."),
        _cand(2, 0, "Fishing boats were torn from their moorings along the quay."),
    ]
    free = select_sentences(cands, 200)
    assert len(free.picks) == 3, "in words the three are unlike: all enter without the comparison"
    same = np.zeros((3, 3), dtype=bool)
    same[0, 1] = same[1, 0] = True
    sel = select_sentences(cands, 200, same=same, agree=same)
    chosen = {p.index for p in sel.picks}
    assert 2 in chosen and len(chosen & {0, 1}) == 1
    pick = next(p for p in sel.picks if p.index in {0, 1})
    assert pick.support[:1] == [1 - pick.index]


def test_a_sentence_whose_content_a_chosen_one_holds_is_a_repeat() -> None:
    from dataclasses import replace

    from storyline.summarize.select import similarity_matrix

    cands = [
        _cand(0, 0, "Inspectors closed the ageing Millbrook dam on Friday after finding cracks along its eastern spillway wall, "
                    "while engineers drained the reservoir below it and moved the downstream farms' cattle to higher pastures."),
        _cand(1, 4, "Inspectors closed Millbrook dam after finding cracks, spokeswoman Nadia Verhoeven confirmed yesterday."),
        _cand(1, 5, "Farmers downstream were promised compensation for every lost harvest by the water board."),
    ]
    _, sims, _ = similarity_matrix(cands)
    w = replace(Weights(), lead_first=True, lead=5.0, redundancy=0.5, coverage=0.0, containment=0.0)
    assert sims[0, 1] < w.redundancy  # by cosine alone, the short version does not repeat the long one
    both = {p.index for p in select_sentences(cands, 200, w).picks}
    assert {0, 1} <= both
    picks = select_sentences(cands, 200, replace(w, containment=0.5)).picks
    once = {p.index for p in picks}
    assert 0 in once and 1 not in once and 2 in once
    # the outlet whose shorter version was left out is still cited for the fact
    assert 1 in next(p for p in picks if p.index == 0).support


def test_a_concept_counts_only_when_several_outlets_use_it() -> None:
    from storyline.summarize.select import _concepts

    cands = [
        _cand(0, 0, "Harbour workers walked out over pension cuts on Monday."),
        _cand(1, 0, "Harbour workers began a strike over pension cuts."),
        _cand(2, 0, "Pension cuts angered harbour workers across the coast."),
        _cand(2, 1, "Seagulls circled lazily above the quiet, empty cranes."),
        _cand(2, 2, "Seagulls circled the cranes again at dusk."),
    ]
    concepts = _concepts(cands, Weights())
    assert concepts.weight["pension"] == 1.0  # all three outlets: the heaviest concept
    assert concepts.weight["seagulls"] == 0.0  # one outlet's colour weighs nothing, however often it repeats it
    assert concepts.weight["seagulls circled"] == 0.0
    assert concepts.weight["strike"] == 0.0
    assert concepts.gain(3, set()) == 0.0 < concepts.gain(1, set())
    # a bigram two outlets share counts, weighted by concept_bigram
    heavy = _concepts(cands, Weights(concept_bigram=2.0))
    assert heavy.weight["harbour workers"] > heavy.weight["harbour"] * 0.99
    # with concept_docs = 1, one outlet's words count again
    assert _concepts(cands, Weights(concept_docs=1)).weight["seagulls"] > 0.0


def test_containment_columns_equal_the_all_pairs_matrix() -> None:
    import numpy as np

    from storyline.summarize.select import _Containment

    inside = _Containment(CANDS)
    sets = [set(c.terms) for c in CANDS]
    for i in range(len(CANDS)):
        want = [0.0 if j == i else len(sets[j] & sets[i]) / max(len(sets[j]), 1) for j in range(len(CANDS))]
        assert np.allclose(inside.column(i), want)
    assert inside.column(0)[2] > 0.5 > inside.column(0)[3]  # the Westport flooding sentences hold each other


def test_agreement_counts_other_documents_with_a_similar_sentence() -> None:
    import numpy as np

    m, sims, _ = similarity_matrix(CANDS)
    w = Weights(lead=0.0, centrality=0.0, quoted=0.0, person_penalty=0.0, headline=0.0, agreement=1.0, min_words=0)
    agree = score_candidates(CANDS, sims, m, w)
    docs = [c.doc_index for c in CANDS]
    want = [len({docs[j] for j in range(len(CANDS)) if docs[j] != docs[i] and sims[i, j] > w.agreement_threshold}) / 2 for i in range(len(CANDS))]
    assert np.allclose(agree, want)
    assert agree[0] == 1.0 and agree[5] == 0.0  # the flooding sentence is in all three documents; the school closure in one
