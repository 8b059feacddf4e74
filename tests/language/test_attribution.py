"""Attribution word lists: pronoun features, gender cues, person nouns, role synonyms."""

from __future__ import annotations

import pytest

from storyline.language.attribution import (
    DOCUMENT_NOUNS,
    REPORTING_VERBS,
    gender_of_text,
    honorific_gender,
    names_a_person,
    pronoun_info,
    same_role,
)


def test_pronoun_features() -> None:
    she = pronoun_info("She")
    assert she is not None and (she.person, she.number, she.gender, she.refers) == (3, "sg", "f", "person")
    they = pronoun_info("they")
    assert they is not None and they.number == "pl" and they.refers == "either"
    assert pronoun_info("Smith") is None


@pytest.mark.parametrize(
    ("phrase", "gender"),
    [
        ("Ms. Okafor", "f"),
        ("Mr Tanaka", "m"),
        ("the boy's grandmother", "f"),
        ("the girl's father", "m"),
        ("the actress", "f"),
        ("a spokesman for the city", "m"),
        ("her lawyer", None),
        ("the mayor", None),
    ],
)
def test_gender_of_text(phrase: str, gender: str | None) -> None:
    assert gender_of_text(phrase) == gender


def test_honorifics() -> None:
    assert honorific_gender("Mrs.") == "f" and honorific_gender("Sir") == "m" and honorific_gender("Dr.") is None


@pytest.mark.parametrize(("word", "person"), [("neighbor", True), ("firefighter", True), ("researcher", True),
                                             ("uncle", True), ("performance", False), ("government", False),
                                             ("copy", False), ("statement", False), ("center", False)])
def test_names_a_person(word: str, person: bool) -> None:
    assert names_a_person(word) is person


def test_role_synonyms_and_lists() -> None:
    assert same_role("lawyer", "attorney") and same_role("spokesmen", "spokesman") and not same_role("lawyer", "mayor")
    assert "say" in REPORTING_VERBS and "lawsuit" in DOCUMENT_NOUNS
