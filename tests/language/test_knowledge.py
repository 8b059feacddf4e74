"""Knowledge hedges and predicates of knowing."""

from __future__ import annotations

from storyline.language.knowledge import KNOWLEDGE_PREDICATES, UNKNOWING_PREDICATES, knowledge_hedge


def test_a_hedge_is_found_whatever_the_apostrophe():
    assert knowledge_hedge('"Not that I\u2019m aware of," the aide said.') == "Not that I\u2019m aware of"
    assert knowledge_hedge("Not to my knowledge, she replied.") == "Not to my knowledge"
    assert knowledge_hedge("She was aware of the plan, the aide said.") is None
    assert knowledge_hedge("He knew nothing that I know of.") is None


def test_unaware_is_a_predicate_of_not_knowing():
    assert {"know", "aware", "unaware"} <= KNOWLEDGE_PREDICATES
    assert "unaware" in UNKNOWING_PREDICATES and "know" not in UNKNOWING_PREDICATES
