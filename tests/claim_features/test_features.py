"""Comparison rules on hand-built text units (no parsing)."""

from __future__ import annotations

from collections import Counter

from storyline.claim_features.features import TextUnit, fold_derivations, fold_prefixes, idf_weights, weigh
from storyline.compare.stage import align_claims, enough_overlap, opposition


def _unit(key: str, doc: str, words: str, **kw) -> TextUnit:
    return TextUnit(key=key, doc=doc, start=0, end=1, terms=Counter(words.split()), **kw)


def _weighed(*units: TextUnit) -> dict[str, TextUnit]:
    idf = idf_weights(units)
    for u in units:
        weigh(u, idf)
    return {u.key: u for u in units}


def test_one_shared_word_is_not_an_alignment():
    a, b = _unit("a", "d1", "time unsubscribe"), _unit("b", "d2", "time truth")
    assert not enough_overlap(a, b)
    assert not enough_overlap(_unit("a", "d1", "@a1 @a2 war"), _unit("b", "d2", "@a1 @a2 peace"))
    assert enough_overlap(_unit("a", "d1", "@a1 troop withdraw"), _unit("b", "d2", "@a1 withdraw"))


def test_alignment_is_one_to_one_per_document_pair():
    units = _weighed(
        _unit("a1", "d1", "army withdraw troop city"),
        _unit("a2", "d1", "army withdraw troop city friday"),
        _unit("b1", "d2", "army withdraw troop city"),
        _unit("x", "d2", "bank rate raise"),
    )
    links = align_claims(units, threshold=0.3)
    assert len(links) == 1 and {links[0].a, links[0].b} == {"a1", "b1"}


def test_negation_opposes_only_with_the_same_subject():
    base = {"predicates": frozenset({"sign"})}
    a = _unit("a", "d1", "sign agreement", negated=frozenset({"sign"}), subjects={"sign": "@trump"}, **base)
    b = _unit("b", "d2", "sign agreement", subjects={"sign": "@clifford"}, **base)
    c = _unit("c", "d2", "sign agreement", subjects={"sign": "@trump"}, **base)
    assert opposition(a, b) is None
    assert "negated" in (opposition(a, c) or "")


def test_different_figures_for_the_same_predicate():
    a = _unit("a", "d1", "kill tuesday", predicates=frozenset({"kill"}), figures={"kill": "four"})
    b = _unit("b", "d2", "kill tuesday", predicates=frozenset({"kill"}), figures={"kill": "sixty five"})
    same = _unit("c", "d2", "kill tuesday", predicates=frozenset({"kill"}), figures={"kill": "four"})
    assert "different figures" in (opposition(a, b) or "")
    assert opposition(a, same) is None


def test_weak_similarity_is_no_negation_divergence():
    a = _unit("a", "d1", "x", predicates=frozenset({"sue"}), negated=frozenset({"sue"}), subjects={"sue": "@s"})
    b = _unit("b", "d2", "x", predicates=frozenset({"sue"}), subjects={"sue": "@s"})
    assert opposition(a, b, similarity=0.35) is None
    assert opposition(a, b, similarity=0.9) is not None


def test_re_prefix_folds_only_when_the_bare_word_is_used():
    a, b, c = _unit("a", "d1", "redeploy force"), _unit("b", "d2", "deploy troop"), _unit("c", "d2", "reform plan")
    fold_prefixes([a, b, c])
    assert "deploy" in a.terms and "redeploy" not in a.terms
    assert "reform" in c.terms


def test_words_of_one_family_fold_to_the_shortest_when_both_are_used():
    a = _unit("a", "d1", "payment lawyer signature")
    b = _unit("b", "d2", "pay lawyer sign hospitalize")
    c = _unit("c", "d3", "hospital @a1 statement")
    fold_derivations([a, b, c])
    assert set(a.terms) == {"pay", "lawyer", "sign"}
    assert "hospital" in b.terms and "hospitalize" not in b.terms
    assert "statement" in c.terms and "@a1" in c.terms  # no "state" in the story: nothing to fold onto
    assert sum(a.terms.values()) == 3


def test_a_noun_and_its_verb_align_two_sources():
    a = _unit("a", "d1", "@a1 payment actress silence")
    b = _unit("b", "d2", "@a1 pay actress pocket")
    before = _weighed(_unit("a", "d1", "@a1 payment actress silence"), _unit("b", "d2", "@a1 pay actress pocket"))
    fold_derivations([a, b])
    after = _weighed(a, b)
    from storyline.claim_features.features import cosine

    assert cosine(after["a"], after["b"]) > cosine(before["a"], before["b"])


def test_frames_raise_similarity_of_claims_in_other_words():
    from storyline.claim_features.frames import Families, Frame
    from storyline.compare.stage import FRAME_ALONE, similarity

    motion = frozenset({"MOTION"})
    go = Frame("go", frozenset({"go"}), motion, frozenset({"a1"}), frozenset({"a2"}))
    come = Frame("come", frozenset({"come"}), motion, frozenset({"a1"}), frozenset({"a2"}))
    units = _weighed(
        _unit("a", "d1", "@a1 go @a2 prevent defeat", frames=(go,)),
        _unit("b", "d2", "@a1 force come @a2 fight terrorist", frames=(come,)),
        _unit("c", "d2", "@a1 force come @a2 fight terrorist"),
    )
    with_frames = similarity(units["a"], units["b"], Families())
    without = similarity(units["a"], units["c"], Families())
    assert with_frames.lexical == without.lexical
    assert with_frames.combined > without.combined and with_frames.frame >= FRAME_ALONE
    links = align_claims(units, families=Families())
    assert [(lk.a, lk.b) for lk in links] == [("a", "b")] and links[0].opposition is None


def _figure(kind: str, value: float, text: str):
    from storyline.claim_features.features import Figure
    from storyline.language.quantities import Quantity

    return Figure(Quantity(kind, value, "percent" if kind == "percent" else "$", 0, 1, text), frozenset())


def test_two_lists_sharing_one_number_share_no_telling_figure():
    from storyline.compare.stage import shared_figure

    listed_a = _unit("a", "d1", "couple marry", quantities=(_figure("percent", 15, "15%"), _figure("percent", 4, "4%")))
    listed_b = _unit("b", "d2", "month marry", quantities=(_figure("percent", 15, "15%"), _figure("percent", 14, "14%")))
    single = _unit("c", "d3", "dress spend", quantities=(_figure("money", 1357, "$1,357"),))
    prices = _unit("d", "d1", "dress dinner", quantities=(_figure("money", 1357, "$1,357"), _figure("money", 1206, "$1,206")))
    assert not shared_figure(listed_a, listed_b)
    assert shared_figure(single, prices) and shared_figure(prices, single)


def test_may_the_month_is_a_term_and_may_the_modal_is_not(nlp):
    from storyline.actor_index import ActorIndex
    from storyline.claim_features.features import text_unit
    from storyline.models import Story

    index = ActorIndex(Story())
    month = nlp("The council will vote on the budget in May.")
    modal = nlp("The council may vote on the budget soon.")
    assert "may" in text_unit("a", "d1", 0, len(month.text), month, 0, index).terms
    assert "may" not in text_unit("b", "d1", 0, len(modal.text), modal, 0, index).terms
    aug = nlp("The council will vote on the budget in Aug. and again in August.")
    assert text_unit("c", "d1", 0, len(aug.text), aug, 0, index).terms["august"] == 2


def test_an_adjective_under_a_negated_predicate_is_excluded(nlp):
    from storyline.actor_index import ActorIndex
    from storyline.claim_features.features import text_unit
    from storyline.models import Story

    index = ActorIndex(Story())
    ruled_out = nlp("Nurses organize at private clinics because the board does not have jurisdiction over public clinics.")
    unit = text_unit("a", "d1", 0, len(ruled_out.text), ruled_out, 0, index)
    assert unit.qualities == {"private": "clinic", "public": "clinic"}
    assert unit.excluded == frozenset({"public"})
    told = nlp("The board has jurisdiction over public clinics.")
    assert text_unit("b", "d1", 0, len(told.text), told, 0, index).excluded == frozenset()
