"""The shared word lists (language/data/*.toml), the one stemmer and the PLOVER lookup through it."""

from __future__ import annotations

import pytest

from storyline.language import cues, plover, words
from storyline.language.stem import bare_verb, stem


def test_every_list_is_non_empty_lower_case_words() -> None:
    lists = [getattr(words, n) for n in words.__all__ if n.isupper()]
    lists += [getattr(cues, n) for n in cues.__all__]
    lists += [plover.REPORTING, *plover.CATEGORIES.values()]
    for ws in lists:
        assert ws and all(w == w.lower() and w.strip() == w and " " not in w for w in ws)


def test_a_missing_list_is_an_error_not_an_empty_set() -> None:
    with pytest.raises(KeyError):
        words.word_set("modality", "no_such_list")


def test_one_stemmer_conflates_inflections_and_derivations() -> None:
    assert stem("withdrawal") == stem("withdrawing") == stem("Withdraws")
    assert stem("announcement") == stem("announced")
    assert stem("talks") == stem("talk") and stem("deployment") == stem("deploy")
    assert stem("arm") != stem("army")


def test_re_prefix_rule_is_one_rule() -> None:
    assert bare_verb("redeploy") == "deploy" and bare_verb("reuse") is None and bare_verb("deploy") is None


@pytest.mark.parametrize(
    ("word", "category"),
    [("withdrawing", "RETREAT"), ("deployments", "MOBILIZE"), ("condemning", "DISAPPROVE"), ("airstrikes", "ASSAULT"), ("sleep", "OTHER")],
)
def test_plover_category_found_through_the_stem(word: str, category: str) -> None:
    assert plover.category_of(word) == category


def test_reporting_words_through_the_stem() -> None:
    assert plover.is_reporting("announced") and plover.is_reporting("statements") and not plover.is_reporting("bomb")


def test_shared_modal_sets_are_the_ones_the_stages_use() -> None:
    from storyline.claim_features import frames
    from storyline.claims import stage as claims_stage
    from storyline.language import time

    assert claims_stage._PREDICTION is words.FUTURE_MODALS is frames._PREDICTIVE is time._FUTURE_AUX
    assert claims_stage._PRESCRIPTION is words.PRESCRIPTIVE_MODALS is frames._PRESCRIPTIVE
