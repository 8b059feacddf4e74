from __future__ import annotations

from storyline.language.terms import fold, stopwords, terms


def test_function_words_go_and_plurals_fold() -> None:
    got = terms("The ferries of the harbour were late, and the ferry owners said: delays!")
    assert "the" not in got and "and" not in got and "said" not in got
    assert got["ferry"] == 2  # ferries, ferry
    assert got["owner"] == 1 and got["delay"] == 1
    assert "the" in stopwords()


def test_numbers_are_kept_as_written() -> None:
    got = terms("Turnout was 61.5 percent, with 1,204 ballots spoiled in 2031.")
    assert got["61.5"] == 1 and got["1204"] == 1 and got["2031"] == 1


def test_a_capital_inside_a_sentence_is_a_name_term() -> None:
    got = terms("Voters in Tamsek chose Belorn Quist. Mayors met on Friday. Tamsek voted.")
    assert got["@tamsek"] == 1  # the second Tamsek opens a sentence
    assert got["tamsek"] == 2
    assert got["@belorn"] == 1 and got["@quist"] == 1
    assert "@mayor" not in got  # sentence-initial capital


def test_fold() -> None:
    assert fold("Council's") == "council"
    assert fold("cities") == "city"
    assert fold("glass") == "glass" and fold("status") == "status" and fold("crisis") == "crisis"
