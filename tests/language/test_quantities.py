"""Quantities: kinds, values, approximation and update cues."""

from __future__ import annotations

from storyline.language.quantities import find_quantities, parse_number


def _one(text, kind, nlp=None):
    tokens = nlp(text) if nlp is not None else ()
    found = [q for q in find_quantities(text, tokens) if q.kind == kind]
    assert len(found) == 1, found
    return found[0]


def test_money_time_age_share_and_duration():
    assert _one("The fine was $1.5 million, the court said.", "money").value == 1_500_000
    assert _one("Tickets cost 40 euros each.", "money").value == 40
    assert _one("The alarm sounded at 9:05 p.m. on Friday.", "time").value == 21 * 60 + 5
    assert _one("The blast was heard at 12:50 BST.", "time").value == 12 * 60 + 50
    assert _one("Crowds gathered by noon.", "time").value == 720
    assert _one("A 47-year-old woman was arrested.", "age").value == 47
    assert _one("The driver, Jones, 58, was unhurt.", "age").text == "58"
    assert _one("Turnout fell to 41 percent this year.", "percent").value == 41
    assert _one("The strike lasted three weeks in all.", "duration").value == 3 * 604800


def test_counts_need_a_counted_noun(nlp):
    q = _one("Officials evacuated 2,500 residents from the valley.", "count", nlp)
    assert q.value == 2500 and q.unit == "resident"
    assert not [q for q in find_quantities("The law was passed in 2019.", nlp("The law was passed in 2019.")) if q.kind == "count"]


def test_approximate_and_update_figures(nlp):
    text = "The toll rose to 30 people overnight, and about 200 homes were damaged."
    qs = {q.text: q for q in find_quantities(text, nlp(text))}
    assert qs["30 people"].update and not qs["30 people"].approximate
    assert qs["200 homes"].approximate and not qs["200 homes"].update


def test_number_words():
    assert parse_number("eight") == 8
    assert parse_number("3,000") == 3000
    assert parse_number("2.5 billion") == 2.5e9
    assert parse_number("many") is None


def test_case_blind_forms_are_found_and_never_crash():
    # re.IGNORECASE matches "ı" (dotless i), "ſ" (long s) and "K" (Kelvin sign) to ASCII letters: the quick
    # pre-checks must let such words through, and the unit must still be read
    assert _one("It took 3 mınutes to cross.", "duration").value == 180
    assert _one("It lasted two weeKs in all.", "duration").value == 2 * 604800
    assert _one("The delay was 5 ſeconds at most.", "duration").value == 5
    assert _one("Turnout rose to ten PER CENT.", "percent").value == 10
    assert _one("They met at MIDNIGHT.", "time").value == 0
    assert find_quantities("Nothing here counts, nor measures anything.") == []
