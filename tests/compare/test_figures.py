"""Positions reckoned from steps ("five floors below" the 12th floor) and how they join figure conflicts."""

from __future__ import annotations

from storyline.claim_features.features import Figure
from storyline.compare.figures import Reckoned, figure_conflicts, reckoned_figures
from storyline.language.quantities import Quantity


def test_steps_are_reckoned_from_the_last_ordinal_before_them_or_the_one_they_count_from():
    text = "Smoke filled the 12th floor. Crews found them five floors below. The cat fell three stories from the 6th floor."
    first = text.index("Crews")
    (below,) = reckoned_figures(text, 0, first, text.index(" The cat"), frozenset({"crew"}))
    assert below.quantity.value == 7 and below.quantity.unit == "floor" and below.quantity.text == "five floors below, from the 12th floor"
    cat = text.index("The cat")
    (fell,) = reckoned_figures(text, cat, cat, len(text), frozenset())
    assert fell.quantity.value == 3
    assert not reckoned_figures("Crews found them five floors below.", 0, 0, 35, frozenset())  # nothing to count from


class _U:
    def __init__(self, key: str, doc: str, quantities: tuple[object, ...] = ()) -> None:
        self.key, self.doc, self.quantities = key, doc, quantities


def _fig(value: float, text: str, context: frozenset[str] = frozenset({"painter"})) -> Figure:
    return Figure(Quantity("ordinal", value, "floor", 0, len(text), text), context)


def _reckoned(value: float, text: str, context: frozenset[str] = frozenset({"painter"})) -> Reckoned:
    return Reckoned(Quantity("ordinal", value, "floor", 0, len(text), text), context)


def test_a_reckoned_figure_joins_a_stated_conflict_on_its_side_only():
    stated = {"a": _U("a", "d1", (_fig(9, "9th floor"),)), "b": _U("b", "d2", (_fig(7, "7th floor"),)), "c": _U("c", "d3")}
    pairs = [("a", "b"), ("a", "c"), ("b", "c")]
    extra = {"c": [_reckoned(7, "five floors below, from the 12th floor")]}
    (conflict,) = figure_conflicts(stated, pairs, lambda x, y: 0.5, lambda x, y: True, 0.1, reckoned=extra)
    assert [k for k, _f in conflict.positions] == ["a", "b", "c"]
    alone = {"a": stated["a"], "c": stated["c"]}
    assert not figure_conflicts(alone, [("a", "c")], lambda x, y: 0.5, lambda x, y: True, 0.1, reckoned=extra)
