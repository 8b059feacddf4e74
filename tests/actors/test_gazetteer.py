"""The country/capital/demonym look-ups come from data packages and resolve ambiguity sensibly."""

from __future__ import annotations

import pytest

from storyline.actors.gazetteer import gazetteer, name_key


@pytest.mark.parametrize(
    ("text", "kind", "iso"),
    [
        ("Russia", "country", "RUS"),
        ("the United States", "country", "USA"),
        ("Moscow", "capital", "RUS"),
        ("Washington", "capital", "USA"),
        ("Kremlin", "seat", "RUS"),
        ("Downing Street", "seat", "GBR"),
        ("Syrian", "demonym", "SYR"),
        ("American", "demonym", "USA"),  # shared with smaller territories: the most populous wins
        ("French", "demonym", "FRA"),
        ("Ivory Coast", "country", "CIV"),
    ],
)
def test_lookup(text: str, kind: str, iso: str) -> None:
    assert gazetteer().lookup(text) == (kind, iso)


def test_codes_need_capitals_and_a_large_country() -> None:
    gz = gazetteer()
    assert gz.country_of_code("U.S.") == "USA"
    assert gz.country_of_code("UK") == "GBR"
    assert gz.country_of_code("Ala.") is None  # Alabama, not the Aland Islands
    assert gz.country_of_code("L.A.") is None  # Los Angeles, not Laos


def test_known_acronyms_match_in_capitals_only() -> None:
    gz = gazetteer()
    assert gz.lookup("WHO") is not None
    assert gz.lookup("Who") is None


def test_name_key_drops_article_possessive_and_dots() -> None:
    assert name_key("the U.N.'s") == "un"
    assert name_key("Bashar al-Assad\u2019s") == "bashar al assad"


def test_gazetteer_is_built_once() -> None:
    assert gazetteer() is gazetteer()
