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
    assert q.value == 2500 and q.unit == "people"
    assert not [q for q in find_quantities("The law was passed in 2019.", nlp("The law was passed in 2019.")) if q.kind == "count"]


def test_nouns_that_count_people_count_the_same_thing(nlp):
    residents = _one("Officials evacuated 3,000 residents overnight.", "count", nlp)
    people = _one("Some 2,500 people were evacuated overnight.", "count", nlp)
    homes = _one("The flood damaged 200 homes overnight.", "count", nlp)
    assert residents.unit == people.unit == "people" and homes.unit == "home"


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


def test_a_parenthesized_conversion_is_not_a_second_figure(nlp):
    text = "The bodies lay two meters (six feet) apart below the 8,027-meter (26,330-foot) peak."
    found = [q.text for q in find_quantities(text, nlp(text)) if q.kind == "count"]
    assert "six feet" not in found and "two meters" in found
    kept = "Officials evacuated 3,000 residents (about 900 families) overnight."
    assert "900 families" in [q.text for q in find_quantities(kept, nlp(kept))]


def test_numeric_ordinals_with_their_noun():
    qs = [(q.kind, q.value, q.unit) for q in find_quantities("He fell from the 15th-floor shaft to the 17th floor and the 22nd and 23rd floors.")]
    assert ("ordinal", 15, "floor") in qs and ("ordinal", 17, "floor") in qs and ("ordinal", 23, "floor") in qs
    assert not [q for q in find_quantities("She finished first in the race.") if q.kind == "ordinal"]
    assert [q.text for q in find_quantities("between the 22nd and 23rd floors") if q.kind == "ordinal"] == ["23rd floors"]


def test_case_blind_forms_are_found_and_never_crash():
    # re.IGNORECASE matches "ı" (dotless i), "ſ" (long s) and "K" (Kelvin sign) to ASCII letters: the quick
    # pre-checks must let such words through, and the unit must still be read
    assert _one("It took 3 mınutes to cross.", "duration").value == 180
    assert _one("It lasted two weeKs in all.", "duration").value == 2 * 604800
    assert _one("The delay was 5 ſeconds at most.", "duration").value == 5
    assert _one("Turnout rose to ten PER CENT.", "percent").value == 10
    assert _one("They met at MIDNIGHT.", "time").value == 0
    assert find_quantities("Nothing here counts, nor measures anything.") == []


def test_steps_are_counts_of_levels_with_a_direction():
    from storyline.language.quantities import find_steps

    (below,) = find_steps("The car stood six floors below, workers said.")
    assert (below.steps, below.unit, below.text) == (-6, "floor", "six floors below")
    (fell,) = find_steps("The crate plunged 4 stories into the yard.")
    assert fell.steps == -4
    (up,) = find_steps("The crew moved two levels up.")
    assert up.steps == 2
    assert not find_steps("A six-story block and a tower of 40 floors stood there.")


def test_month_names_come_from_the_time_module_in_any_capitalized_case() -> None:
    from storyline.language.quantities import find_quantities

    def dates(text: str) -> list[float | None]:
        return [q.value for q in find_quantities(text) if q.kind == "date"]

    assert dates("MARCH 6, 2016: the vote") == [306.0]
    assert dates("between 6 Sept 2016 and 7 Mar") == [906.0, 307.0]
    assert dates("on Feb. 18 and Jan 5th") == [218.0, 105.0]
    assert dates("the top 10 may change by march 3") == []  # "may", "march": no month unless capitalized
