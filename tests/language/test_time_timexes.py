"""TIMEX3 temporal expressions (find_timexes): each kind, tense-aware choices, out-of-range input.

Sentences written for these tests, in TimeML style: the expected extent is
what TimeML would mark, the value what TIMEX3 would write, against the
anchor (publication date) given.
"""

from __future__ import annotations

from datetime import date

import pytest

from storyline.language.time import Tense, Timex3, TimexState, find_timexes

D = date
WED = D(2021, 6, 16)  # a Wednesday, ISO week 24


def _find(text: str, anchor: date | None = WED, tense: Tense | None = None) -> list[Timex3]:
    return find_timexes(text, anchor, (lambda s, e: tense) if tense else None)


def _one(text: str, expr: str, anchor: date | None = WED, tense: Tense | None = None) -> Timex3 | None:
    found = [t for t in _find(text, anchor, tense) if t.text == expr]
    assert len(found) <= 1
    return found[0] if found else None


# (sentence, expression as TimeML marks it, type, value), anchor WED unless the case says otherwise
KINDS: list[tuple[str, str, str, str]] = [
    # weeks
    ("The committee met last week to review the bids.", "last week", "DATE", "2021-W23"),
    ("The committee will meet next week.", "next week", "DATE", "2021-W25"),
    ("Talks resumed earlier this week.", "earlier this week", "DATE", "2021-W24"),
    ("The ferry stopped running over the weekend.", "the weekend", "DATE", "2021-W23-WE"),
    ("Crews worked through the week of June 7 to restore power.", "the week of June 7", "DATE", "2021-W23"),
    # quarters and halves
    ("The bakery chain lost money in the second quarter of 2019.", "the second quarter of 2019", "DATE", "2019-Q2"),
    ("First-quarter sales at the brewer rose 4%.", "First-quarter", "DATE", "2021-Q1"),
    ("Revenue fell in the first half of 2020.", "the first half of 2020", "DATE", "2020-H1"),
    ("Orders are expected to recover in the current quarter.", "the current quarter", "DATE", "2021-Q2"),
    # seasons
    ("The bridge closed last summer for repairs.", "last summer", "DATE", "2020-SU"),
    ("The museum reopens this fall.", "this fall", "DATE", "2021-FA"),
    ("The dam was finished in the spring of 1962.", "the spring of 1962", "DATE", "1962-SP"),
    # decades, centuries, parts of years
    ("Rents soared during the 1980s in most ports.", "the 1980s", "DATE", "198"),
    ("A 1990s pop song played in the lobby.", "1990s", "DATE", "199X"),
    ("The mill closed in mid-1996 after a fire.", "mid-1996", "DATE", "1996"),
    ("Gas lamps lit the streets in the 19th century.", "the 19th century", "DATE", "18"),
    # spelled-out years
    ("The treaty was signed in nineteen ninety-two.", "nineteen ninety-two", "DATE", "1992"),
    ("The goal was to wire every school by the year two thousand.", "the year two thousand", "DATE", "2000"),
    # present, past, future references
    ("The port is now the busiest in the region.", "now", "DATE", "PRESENT_REF"),
    ("The mayor recently toured the new depot.", "recently", "DATE", "PAST_REF"),
    ("The depot is currently closed to visitors.", "currently", "DATE", "PRESENT_REF"),
    ("Fares may rise in the near future.", "the near future", "DATE", "FUTURE_REF"),
    # compound expressions
    ("The pier collapsed in June last year.", "June last year", "DATE", "2020-06"),
    ("The vote took place on Tuesday, May 8, 2018, in the capital.", "Tuesday, May 8, 2018", "DATE", "2018-05-08"),
    ("Ridership fell earlier this month.", "earlier this month", "DATE", "2021-06"),
    ("The plant opened in October of last year.", "October of last year", "DATE", "2020-10"),
    ("Prices peaked in March 2020.", "March 2020", "DATE", "2020-03"),
    # relative to the anchor
    ("The strike began two weeks ago.", "two weeks ago", "DATE", "2021-W22"),
    ("The ship sank three years ago.", "three years ago", "DATE", "2018"),
    ("Inspectors arrived yesterday.", "yesterday", "DATE", "2021-06-15"),
    ("The budget passed last year.", "last year", "DATE", "2020"),
    # durations
    ("The storm lasted three days.", "three days", "DURATION", "P3D"),
    ("Output has doubled over the past five years.", "the past five years", "DURATION", "P5Y"),
    ("The hearing ran for two and a half hours.", "two and a half hours", "DURATION", "PT2.5H"),
    ("It was a 10-year plan.", "10-year", "DURATION", "P10Y"),
    # sets
    ("The ferry runs every Monday.", "every Monday", "SET", "XXXX-WXX-1"),
    ("The council meets weekly.", "weekly", "SET", "P1W"),
    ("Samples are taken twice a day.", "twice a day", "SET", "P1D"),
    # times of day
    ("The polls close at 8 p.m. on the island.", "8 p.m.", "TIME", "2021-06-16T20:00"),
    ("The minister will speak tonight.", "tonight", "TIME", "2021-06-16TNI"),
]


@pytest.mark.parametrize(("sentence", "expr", "kind", "value"), KINDS)
def test_each_kind_of_expression(sentence: str, expr: str, kind: str, value: str) -> None:
    t = _one(sentence, expr)
    assert t is not None, [x.text for x in _find(sentence)]
    assert (t.type, t.value) == (kind, value)
    assert sentence[t.start : t.end] == expr


def test_the_longest_expression_wins_over_its_parts() -> None:
    found = _find("The pier collapsed in June last year, on Tuesday, May 8, 2018.")
    assert [t.text for t in found] == ["June last year", "Tuesday, May 8, 2018"]


@pytest.mark.parametrize(
    ("tense", "value"),
    [("past", "2021-06-14"), ("future", "2021-06-21"), ("modal", "2021-06-21"), ("present", "2021-06-14"), (None, "2021-06-14")],
)
def test_weekday_in_the_week_the_tense_points_at(tense: Tense | None, value: str) -> None:
    t = _one("The union called a strike Monday.", "Monday", tense=tense)
    assert t is not None and t.value == value


@pytest.mark.parametrize(
    ("anchor", "tense", "value"),
    [
        (D(2021, 1, 20), "past", "2020-11"),  # said in January of a past November: last year's
        (D(2021, 1, 20), "future", "2021-11"),
        (D(2021, 12, 5), "future", "2022-04"),  # an April still to come, said in December
        (D(2021, 12, 5), "past", "2021-04"),
        (D(2021, 6, 16), "past", "2021-04"),
        (D(2021, 6, 16), "future", "2021-08"),
    ],
)
def test_month_without_year_follows_the_tense(anchor: date, tense: Tense, value: str) -> None:
    month = "November" if value.endswith("-11") else "April" if value.endswith("-04") else "August"
    t = _one(f"The plant will reopen in {month}.", month, anchor=anchor, tense=tense)
    assert t is not None and t.value == value


def test_day_without_year_in_the_current_year_unless_far_on_the_wrong_side() -> None:
    assert _one("The court ruled on Dec. 3.", "Dec. 3", anchor=D(2022, 1, 10), tense="past").value == "2021-12-03"  # type: ignore[union-attr]
    assert _one("Dividends are payable Dec. 7.", "Dec. 7", anchor=D(2021, 10, 27), tense="present").value == "2021-12-07"  # type: ignore[union-attr]
    # a deadline looks ahead even in a past-tense clause
    assert _one("The bank extended the loan through January.", "January", anchor=D(2021, 10, 30), tense="past").value == "2022-01"  # type: ignore[union-attr]


def test_schedule_words_put_a_weekday_ahead() -> None:
    t = _one("The sale is scheduled to close Monday.", "Monday", tense="present")
    assert t is not None and t.value == "2021-06-21"


@pytest.mark.parametrize(
    ("anchor", "tense", "value"),
    [
        (D(2021, 10, 27), "past", "2021-Q3"),  # results of the quarter just ended
        (D(2022, 1, 20), "past", "2021-Q3"),  # a quarter not yet begun this year: last year's
        (D(2021, 6, 16), "future", "2021-Q3"),
    ],
)
def test_quarter_without_year(anchor: date, tense: Tense, value: str) -> None:
    t = _one("Third-quarter sales at the brewer rose 4%.", "Third-quarter", anchor=anchor, tense=tense)
    assert t is not None and t.value == value


def test_quarter_ended_on_a_date() -> None:
    found = {t.text: t.value for t in _find("In the quarter ended July 31, the chain lost money. Its fourth quarter ended Sept. 30.", D(2021, 10, 27))}
    assert found["the quarter"] == "2021-Q2"  # May to July
    assert found["July 31"] == "2021-07-31"
    assert found["Its fourth quarter"] == "2021-Q4"  # a fiscal quarter keeps its number and the year it ends in


def test_quarter_context_carries_to_year_ago_expressions() -> None:
    text = "The bakery earned $3 million in the third quarter, up from $2 million a year earlier. The year-ago quarter included a charge."
    found = {t.text: t.value for t in _find(text, anchor=D(2021, 10, 27))}
    assert found["the third quarter"] == "2021-Q3"
    assert found["a year earlier"] == "2020-Q3"
    assert found["The year-ago quarter"] == "2020-Q3"


def test_the_reported_quarter_is_one_that_has_ended() -> None:
    # a quarter still under way, or one only described ("after a flat second quarter"), is not the one reported
    text = ("The chain earned $3 million in the third quarter, up from $2 million a year ago. After a flat second quarter, "
            "it expects gains to continue into the fourth quarter. Sales rose from the year-ago period.")
    found = {t.text: t.value for t in _find(text, anchor=D(2021, 10, 27))}  # no tense: the fourth quarter is not reported
    assert found["a year ago"] == "2020-Q3"
    assert found["the year-ago period"] == "2020-Q3"
    # the current quarter, reported in the past tense, is a fiscal one being reported
    text = "The mill reported lower fourth-quarter profit, down from a year earlier."
    found = {t.text: t.value for t in _find(text, anchor=D(2021, 11, 2), tense="past")}
    assert found["a year earlier"] == "2020-Q4"
    found = {t.text: t.value for t in _find("Profit may rise in the fourth quarter. Sales fell from a year earlier.", anchor=D(2021, 11, 2), tense="future")}
    assert found["a year earlier"] == "2020"  # no ended quarter named: the year before, not a quarter


def test_a_comparison_after_months_to_date_is_with_the_year_before() -> None:
    text = ("The brewer earned $5 million in the third quarter, up from $4 million a year earlier. "
            "For the first nine months, it earned $12 million, compared with $9 million a year earlier and $2 million in the 2020 period. "
            "In the year-ago quarter, it lost money.")
    found = [(t.text, t.value) for t in _find(text, anchor=D(2021, 10, 27), tense="past")]
    assert found[1] == ("a year earlier", "2020-Q3")
    assert found[3] == ("a year earlier", "2020")
    assert ("the 2020 period", "2020") in found
    assert ("the year-ago quarter", "2020-Q3") in found


def test_the_corresponding_period_last_year() -> None:
    text = "The insurer lost money in the third quarter, against a profit for the corresponding period last year."
    found = {t.text: t.value for t in _find(text, anchor=D(2021, 10, 27), tense="past")}
    assert found["the corresponding period last year"] == "2020-Q3"


@pytest.mark.parametrize(
    ("sentence", "expr", "value"),
    [
        ("The day before last Tuesday's vote, the envoy flew home.", "The day before last Tuesday", "2021-06-14"),
        ("The mayor resigned the day after Monday's storm.", "the day after Monday", "2021-06-15"),
        ("He was last seen the day before Nov. 3, 2020.", "the day before Nov. 3, 2020", "2020-11-02"),
    ],
)
def test_a_day_next_to_a_written_date(sentence: str, expr: str, value: str) -> None:
    t = _one(sentence, expr, tense="past")
    assert t is not None, [x.text for x in _find(sentence, tense="past")]
    assert (t.type, t.value) == ("DATE", value)


def test_a_year_naming_a_thing_after_an_article() -> None:
    t = _one("The court upheld a 1971 Convention on shipping.", "1971")
    assert t is not None and t.value == "1971"
    assert _one("He sold a 1998 Toyota to a neighbor.", "1998") is not None


def test_state_carries_context_across_blocks() -> None:
    state = TimexState()
    find_timexes("The bakery lost money in the second quarter.", D(2021, 10, 27), None, state)
    later = find_timexes("A year ago it earned $1 million.", D(2021, 10, 27), None, state)
    assert [t.value for t in later] == ["2020-Q2"]


def test_anaphoric_expressions_follow_the_last_date() -> None:
    found = {t.text: t.value for t in _find("The ferry sank on March 3, 2009, and the following year its owner went bankrupt.")}
    assert found["the following year"] == "2010"
    assert not any(t.text == "the following year" for t in _find("The following year was calm."))  # nothing to follow


@pytest.mark.parametrize(
    "sentence",
    [
        "A quarter of the voters stayed home.",  # a fraction
        "Prices fall when supply grows.",  # a verb
        "May the best team win.",
        "The ferry carried 2,000 passengers.",
        "Resolution 2254 was adopted.",
        "The house at 1600 Pennsylvania Avenue.",
        "She will spring into action.",
    ],
)
def test_not_temporal(sentence: str) -> None:
    assert [t for t in _find(sentence) if t.type == "DATE"] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "In the year 10000 the sun will still shine.",
        "The year 0 does not exist.",
        "The rock formed 5000000 years ago.",
        "The probe will arrive 99999999 days from now.",
        "It happened 9999 years ago and again 8000 years later.",
        "The calendar ends on Feb. 30.",
        "Nothing happened on 2021-13-45.",
        "Form 13/45/2020 was filed.",
    ],
)
def test_out_of_range_values_yield_no_date_and_never_raise(sentence: str) -> None:
    found = _find(sentence, anchor=D(9990, 6, 1)) + _find(sentence, anchor=D(1, 2, 1)) + _find(sentence)
    for t in found:
        assert t.type != "DATE" or not t.value[:4].isdigit() or 1 <= int(t.value[:4]) <= 9999


def test_huge_offsets_drop_the_expression() -> None:
    assert _find("The probe will arrive 99999999 days from now.") == []
    assert [t for t in _find("The rock formed 5000000 years ago.") if t.type == "DATE"] == []


def test_relative_expressions_need_an_anchor() -> None:
    found = _find("The bridge closed last week, on March 3, 2009, and reopens Monday.", anchor=None)
    assert [(t.text, t.value) for t in found] == [("March 3, 2009", "2009-03-03")]


def test_random_word_salad_never_raises() -> None:
    import random

    words = (
        "the a last next this past coming early late mid- earlier later year years week weekend month quarter half decade "
        "century spring fall Monday Friday, May June Jan. Sept. 1 31 29 1999 2000 0 10000 99999999 nineteen ninety-six two "
        "thousand ago after before from now current then the 1990s '80s 20th ended fiscal third every daily twice a day "
        "3 p.m. tonight yesterday Christmas Thanksgiving of , . following same that day"
    ).split()
    rng = random.Random(11)
    for _ in range(300):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 9)))
        for anchor in (D(1, 1, 1), D(9999, 12, 31), D(2000, 2, 29), None):
            for t in find_timexes(text, anchor, lambda s, e: "past"):
                assert text[t.start : t.end] == t.text
                assert t.value


# -- compounds added with the gate ----------------------------------------

def test_a_clock_time_on_a_named_day_is_valued_with_its_day() -> None:
    found = _find("The relatives have until 9 a.m. EDT Thursday to answer.", tense="past")
    assert [(t.text, t.type, t.value) for t in found] == [("9 a.m. EDT Thursday", "DATE", "2021-06-17T09:00")]  # a deadline looks ahead
    (met,) = _find("They met at 10 p.m. Monday.", tense="past")
    assert (met.text, met.value) == ("10 p.m. Monday", "2021-06-14T22:00")


def test_the_previous_weekday_counts_from_the_last_day_written() -> None:
    found = _find("The index fell on Friday, June 11, from 440 the previous Friday.", tense="past")
    assert [(t.text, t.value) for t in found] == [("Friday, June 11", "2021-06-11"), ("the previous Friday", "2021-06-04")]
    assert [t.value for t in _find("He left the following Monday.", tense="past")] == ["2021-06-21"]


@pytest.mark.parametrize(("sentence", "value"), [
    ("The board will soon decide on the merger.", "FUTURE_REF"),
    ("Prosecutors may soon seek an indictment.", "FUTURE_REF"),
    ("The doors opened as soon as the guards arrived.", None),
    ("He was soon released.", None),
    ("It is too soon to tell.", None),
])
def test_soon_is_the_near_future_only_in_a_clause_that_looks_ahead(sentence: str, value: str | None) -> None:
    tense: Tense = "future" if " will " in sentence or " may " in sentence else "past"
    found = [t.value for t in _find(sentence, tense=tense) if t.text.lower() == "soon"]
    assert found == ([value] if value else [])


# -- the cheap gate: same output as scanning with every rule ---------------

GATE_TEXTS = [
    *(k[0] for k in KINDS),
    "Sales rose 4% to $1,200 million; 2,000 troops and 12 jets; route 1999.",
    "The plan, she said, was good and the mood cheerful.",
    "Prices fall as the market opens; the march went on, and May I add.",
    "He spoke at 3 p.m., at noon and at midnight; the '90s and the 1980s; the 20th century.",
    "Nineteen ninety-six was the year; two thousand homes; hourly, daily and twice a week; every Monday.",
    "Mondays are slow. Christmas Eve and Thanksgiving; the spring of 2019; this past summer; 3/14/2016.",
    "It happened recently, and now, at present, the future looks bright; the past two years.",
]


@pytest.mark.parametrize("text", GATE_TEXTS)
def test_the_gate_never_changes_the_result(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import storyline.language.time as time_module

    gated = find_timexes(text, WED, lambda s, e: "past")
    monkeypatch.setattr(time_module, "_rules_for", lambda cues: list(range(len(time_module._TX_RULES))))
    assert find_timexes(text, WED, lambda s, e: "past") == gated


def test_a_text_without_temporal_cues_is_not_scanned() -> None:
    from storyline.language.time import may_hold_timex

    assert not may_hold_timex("The minister, who spoke to reporters, said the plan was good.")
    assert may_hold_timex("The minister spoke on Tuesday.") and may_hold_timex("in 1999") and may_hold_timex("3/14/16")


def test_every_rule_declares_its_cues() -> None:
    import storyline.language.time as time_module

    assert len(time_module._NEEDS_BY_RULE) == len(time_module._TX_RULES)
    assert all(time_module._NEEDS_BY_RULE)


@pytest.mark.parametrize(("value", "expected"), [
    ("2016-03-14", ("2016-03-14", D(2016, 3, 14), D(2016, 3, 14))),
    ("2016-03-14TNI", ("2016-03-14", D(2016, 3, 14), D(2016, 3, 14))),
    ("2016-03", ("2016-03", D(2016, 3, 1), D(2016, 3, 31))),
    ("2016", ("2016", D(2016, 1, 1), D(2016, 12, 31))),
    ("2016-W11", ("2016-03", D(2016, 3, 14), D(2016, 3, 20))),
    ("2016-W11-WE", ("2016-03", D(2016, 3, 19), D(2016, 3, 20))),
    ("2021-W17", ("2021", D(2021, 4, 26), D(2021, 5, 2))),
    ("1989-Q3", ("1989", D(1989, 7, 1), D(1989, 9, 30))),
    ("1998-SU", ("1998", D(1998, 6, 1), D(1998, 8, 31))),
    ("1998-WI", None),  # across two years
    ("PRESENT_REF", None), ("199X", None), ("P3D", None), ("2016-02-30", None), ("2016-W60", None),
])
def test_timex_range_reads_a_value_as_days(value: str, expected: tuple[str, date, date] | None) -> None:
    from storyline.language.time import timex_range

    got = timex_range(value)
    assert (None if got is None else (got.value, got.earliest, got.latest)) == expected


def test_a_month_after_each_or_every_is_a_set() -> None:
    (t,) = _find("The marchers walk downtown each July.", tense="present")
    assert (t.text, t.type, t.value) == ("July", "SET", "XXXX-07")


# Generic and titled uses TimeML leaves unannotated; spelled decades and years.

@pytest.mark.parametrize(("text", "expr"), [
    ("Schools must prepare pupils for today's world, the minister said.", "today"),
    ("The rules were written before many of today's personal computers existed.", "today"),
    ('The senator, speaking on NBC\'s "This Week," defended the vote.', "This Week"),
    ("The quarter-to-quarter comparison was hurt by a strike.", "The quarter"),
])
def test_generic_or_titled_words_are_no_timex(text: str, expr: str) -> None:
    assert _one(text, expr) is None


def test_todays_report_is_still_the_day() -> None:
    t = _one("Today's report shows prices rising.", "Today")
    assert t is not None and t.value == "2021-06-16"


@pytest.mark.parametrize(("text", "expr", "value"), [
    ("Rents soared through the nineties, agents said.", "the nineties", "199"),
    ("Growth slowed in the late seventies.", "the late seventies", "197"),
    ("Margins shrank during the last half of the '80s.", "the last half of the '80s", "198"),
    ("Markets stalled in the first half of the 1970s.", "the first half of the 1970s", "197"),
    ("Atlanta, nineteen ninety-six. A bomb went off in a park.", "nineteen ninety-six", "1996"),
    ("He admitted a nineteen ninety-seven attack on a club.", "nineteen ninety-seven", "1997"),
])
def test_spelled_decades_and_years(text: str, expr: str, value: str) -> None:
    t = _one(text, expr)
    assert t is not None and (t.type, t.value) == ("DATE", value)


def test_a_decade_word_after_low_or_an_age_is_no_date() -> None:
    assert _one("Temperatures were in the low nineties all week.", "the nineties") is None
    assert not [t for t in _find("She is in her nineties.") if t.type == "DATE"]


def test_a_coming_quarter_does_not_become_the_reported_one() -> None:
    state = TimexState()
    text = "Profit rose in the third quarter. It sees a loss in the first quarter of 1990. Sales topped the year-ago period."
    found = {t.text: t.value for t in find_timexes(text, D(1989, 10, 26), None, state)}
    assert found["the first quarter of 1990"] == "1990-Q1"
    assert found["the year-ago period"] == "1988-Q3"


@pytest.mark.parametrize(("text", "expr", "value"), [
    ("Polls close on Election Day 2020 at eight.", "Election Day 2020", "2020-11-03"),
    ("Polls close on Election Day 1998.", "Election Day 1998", "1998-11-03"),
    ("The beaches filled on Labor Day 1997.", "Labor Day 1997", "1997-09-01"),
    ("Parades are held on Memorial Day 1999.", "Memorial Day 1999", "1999-05-31"),
    ("Families met on Thanksgiving 2021.", "Thanksgiving 2021", "2021-11-25"),
])
def test_holidays_on_an_nth_weekday(text: str, expr: str, value: str) -> None:
    t = _one(text, expr)
    assert t is not None and (t.type, t.value) == ("DATE", value)


def test_a_lowercase_election_day_is_no_holiday() -> None:
    assert _one("Every election day brings long lines.", "election day") is None


def test_the_weeks_busiest_session_is_a_week_of_this_year() -> None:
    t = _one("Volume rose in the week's busiest session.", "the week")
    assert t is not None and t.value == "2021-WXX"


def test_a_date_months_ahead_with_no_future_tense_is_last_years() -> None:
    # written in May: "the Oct. 23 killing" is last October's, the clause does not look ahead
    t = _one("Police are hunting the gunman in the Oct. 23 killing.", "Oct. 23", anchor=D(1999, 5, 6), tense="present")
    assert t is not None and t.value == "1998-10-23"
    t = _one("The summit is on Oct. 23.", "Oct. 23", anchor=D(1999, 5, 6), tense="future")
    assert t is not None and t.value == "1999-10-23"


@pytest.mark.parametrize(("text", "expr", "value"), [
    ("Leaders meet at the summit on April 24 and 25.", "25", "2021-04-25"),
    ("Talks were held on Oct. 5 and 6, 1998, in Oslo.", "Oct. 5", "1998-10-05"),
    ("Talks were held on Oct. 5 and 6, 1998, in Oslo.", "6, 1998", "1998-10-06"),
])
def test_the_second_day_of_a_pair_takes_the_first_ones_month(text: str, expr: str, value: str) -> None:
    t = _one(text, expr, tense="past")
    assert t is not None and (t.type, t.value) == ("DATE", value)


def test_a_number_after_a_date_pair_that_is_no_day_is_left() -> None:
    assert [t.text for t in _find("Shares rose on May 3 and 2 percent more on Friday.", tense="past") if t.text == "2"] == []
    assert [t.text for t in _find("On May 3 and 2 others it rained.", tense="past") if t.text == "2"] == []


@pytest.mark.parametrize(("text", "expr", "value"), [
    ("The March accession will enlarge the alliance.", "March", "2021-03"),
    ("Voters weighed the May election results.", "May", "2021-05"),
    ("He studied the post-1959 politics of the island.", "1959", "1959"),
])
def test_a_month_or_year_as_a_modifier(text: str, expr: str, value: str) -> None:
    t = _one(text, expr, tense="past")
    assert t is not None and t.value == value


def test_the_quarter_ended_after_a_fiscal_quarter_is_that_fiscal_quarter() -> None:
    text = "The maker earned $5 million in the fiscal first quarter. Sales were $90 million for the quarter ended Sept. 30. In the 1988 period it lost money."
    found = {t.text: t.value for t in find_timexes(text, D(1989, 10, 26), None, TimexState())}
    assert found["the quarter"] == "1989-Q1" and found["the 1988 period"] == "1988-Q1"
    text = "Profit rose in the third quarter. Sales were $90 million for the quarter ended Sept. 30."
    found = {t.text: t.value for t in find_timexes(text, D(1989, 10, 26), None, TimexState())}
    assert found["the quarter"] == "1989-Q3"
