"""Temporal expressions in context: found (or not) and normalized against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.language.time import find_times, resolve, tense_of_span
from storyline.text import normalize_same_length

D = date
# (sentence, publication date, expression as written, expected ISO value; None = not a date)
CASES: list[tuple[str, date, str, str | None]] = [
    # analysis / diplomacy
    ("On Nov. 27, 2012, the prime minister said relations were good.", D(2016, 3, 18), "Nov. 27, 2012", "2012-11-27"),
    ("The leaders meet in the Kremlin in Moscow, Mon., March 14, 2016.", D(2016, 3, 15), "Mon., March 14, 2016", "2016-03-14"),
    ("In a Feb. 18 rebuke, the envoy said the remarks did not help.", D(2016, 3, 18), "Feb. 18", "2016-02-18"),
    ("In January, the ministry warned of consequences.", D(2016, 3, 15), "January", "2016-01"),
    ("It was only in October of last year that the Kremlin granted the wish.", D(2016, 3, 18), "October of last year", "2015-10"),
    ("The surprise announcement Monday contained a revelation.", D(2016, 3, 15), "Monday", "2016-03-14"),
    ("Regardless of the announcement yesterday, the allies must act.", D(2016, 3, 15), "yesterday", "2016-03-14"),
    ("The government decided last September to change course.", D(2016, 3, 15), "last September", "2015-09"),
    ("Turkey shot down a fighter jet last year.", D(2016, 3, 15), "last year", "2015"),
    ("Turkey shot down a fighter jet last November.", D(2016, 3, 15), "last November", "2015-11"),
    ("The maximum moment of leverage will be on Tuesday.", D(2016, 3, 14), "Tuesday", "2016-03-15"),
    ("Starting Tuesday, the country will have more leverage.", D(2016, 3, 14), "Tuesday", "2016-03-15"),
    ("Over the past five years, the president ignored requests.", D(2016, 3, 18), "five years", None),
    ("The ministry reported two dozen daily air sorties.", D(2016, 3, 18), "daily", None),
    ("No references were made in resolution 2254, which offered a roadmap.", D(2016, 3, 18), "2254", None),
    ("No references were made in resolution 2054, which offered a roadmap.", D(2016, 3, 18), "2054", None),
    ("Inflation may ease later this decade, the bank said.", D(2016, 3, 18), "may", None),
    ("May the best team win, the coach said.", D(2016, 3, 18), "May", None),
    ("We can't watch and react.", D(2016, 3, 18), "We", None),
    ("Since his assumption of power in 2000, he invested in ties.", D(2016, 3, 18), "2000", "2000"),
    ("The military operation kicked off in September.", D(2016, 3, 15), "September", "2015-09"),
    ("He said on Thursday that forces could return.", D(2016, 3, 18), "Thursday", "2016-03-17"),
    ("On Friday the ministry announced new sorties.", D(2016, 3, 18), "Friday", "2016-03-18"),
    ("The decree scheduled parliamentary elections for April.", D(2016, 3, 18), "April", "2016-04"),
    ("It does not amount to an exit like the 2011 withdrawal from Iraq.", D(2016, 3, 18), "2011", "2011"),
    ("The ceasefire took effect at midnight on Feb. 27.", D(2016, 3, 1), "Feb. 27", "2016-02-27"),
    # sports
    ("The Patriots beat the Jets 30-14 on Sunday.", D(2019, 10, 22), "Sunday", "2019-10-20"),
    ("The Patriots will face the Bills on Sunday.", D(2019, 10, 22), "Sunday", "2019-10-27"),
    ("The striker scored twice last Saturday.", D(2019, 10, 22), "last Saturday", "2019-10-19"),
    ("The club signed him in the summer of 2017.", D(2019, 10, 22), "2017", "2017"),
    ("The final is scheduled for May 26.", D(2019, 3, 1), "May 26", "2019-05-26"),
    ("She won the title in 2012 and again in 2016.", D(2019, 3, 1), "2012", "2012"),
    ("She won the title in 2012 and again in 2016.", D(2019, 3, 1), "2016", "2016"),
    ("The team practices every Monday.", D(2019, 3, 1), "Monday", None),
    ("The Wildcats play on Wednesdays.", D(2019, 3, 1), "Wednesdays", None),
    ("The coach was fired on Dec. 3.", D(2019, 12, 10), "Dec. 3", "2019-12-03"),
    ("The season starts next month.", D(2019, 8, 15), "next month", "2019-09"),
    ("He retired three years ago.", D(2019, 8, 15), "three years ago", "2016"),
    ("The tournament ended two days ago.", D(2019, 8, 15), "two days ago", "2019-08-13"),
    ("The team scored 2000 points over the season.", D(2019, 8, 15), "2000", None),
    ("The game tonight will decide the title.", D(2019, 8, 15), "tonight", "2019-08-15"),
    ("The Lakers lost to the Celtics on Jan. 19, 2020, in overtime.", D(2020, 1, 21), "Jan. 19, 2020", "2020-01-19"),
    ("The marathon was run in record time last April.", D(2019, 8, 15), "last April", "2019-04"),
    # business
    ("Shares rose 4 percent on Wednesday after the earnings report.", D(2021, 5, 7), "Wednesday", "2021-05-05"),
    ("The company will report earnings on Wednesday.", D(2021, 5, 7), "Wednesday", "2021-05-12"),
    ("The merger was announced in March 2020.", D(2021, 5, 7), "March 2020", "2020-03"),
    ("Sales fell in the fourth quarter of 2020.", D(2021, 5, 7), "2020", "2020"),
    ("The firm hired 2,000 workers.", D(2021, 5, 7), "2,000", None),
    ("Revenue grew 12 percent in 2020 compared with 2019.", D(2021, 5, 7), "2019", "2019"),
    ("The board met on 14 March 2021 to approve the deal.", D(2021, 5, 7), "14 March 2021", "2021-03-14"),
    ("The deal is expected to close in June.", D(2021, 5, 7), "June", "2021-06"),
    ("Profits collapsed in December.", D(2021, 5, 7), "December", "2020-12"),
    ("The bank raised rates earlier this year.", D(2021, 5, 7), "earlier this year", "2021"),
    ("The chief executive stepped down last month.", D(2021, 5, 7), "last month", "2021-04"),
    ("The stock hit a record on 2021-04-30.", D(2021, 5, 7), "2021-04-30", "2021-04-30"),
    ("The carmaker said it would start deliveries tomorrow.", D(2021, 5, 7), "tomorrow", "2021-05-08"),
    ("The fund has grown every year since 2009.", D(2021, 5, 7), "2009", "2009"),
    ("The retailer closed 300 stores this month.", D(2021, 5, 7), "this month", "2021-05"),
    ("Over the last two months, prices have climbed.", D(2021, 5, 7), "last two months", None),
    ("Growth over the last year was slow.", D(2021, 5, 7), "last year", None),
    ("The retailer sold about 1500 units a day.", D(2021, 5, 7), "1500", None),
    ("Output will rise next year, the ministry said.", D(2021, 5, 7), "next year", "2022"),
    # courts
    ("The judge sentenced him on Aug. 5.", D(2018, 8, 9), "Aug. 5", "2018-08-05"),
    ("The trial begins Monday in federal court.", D(2018, 8, 9), "Monday", "2018-08-13"),
    ("A hearing is set for Sept. 12.", D(2018, 8, 9), "Sept. 12", "2018-09-12"),
    ("The appeals court ruled Tuesday that the law was unconstitutional.", D(2018, 8, 9), "Tuesday", "2018-08-07"),
    ("The Supreme Court heard arguments in October of 2017.", D(2018, 8, 9), "October of 2017", "2017-10"),
    ("The defendant was arrested on July 4th, 2017.", D(2018, 8, 9), "July 4th, 2017", "2017-07-04"),
    ("Section 1983 of the civil rights law allows such suits.", D(2018, 8, 9), "1983", None),
    ("The lawsuit was filed in 1998.", D(2018, 8, 9), "1998", "1998"),
    ("The verdict came last Friday.", D(2018, 8, 9), "last Friday", "2018-08-03"),
    ("The judge will rule next Tuesday.", D(2018, 8, 9), "next Tuesday", "2018-08-14"),
    ("Lawyers filed the motion today.", D(2018, 8, 9), "today", "2018-08-09"),
    ("Theresa May met the judges.", D(2018, 8, 9), "May", None),
    ("The ruling in May surprised observers.", D(2018, 8, 9), "May", "2018-05"),
    ("The case dates to the 1990s.", D(2018, 8, 9), "1990", None),
    ("The jury deliberated for three days before it reached a verdict.", D(2018, 8, 9), "three days", None),
    # elections
    ("Voters go to the polls on Nov. 6.", D(2018, 10, 20), "Nov. 6", "2018-11-06"),
    ("The senator won re-election in November 2012.", D(2018, 10, 20), "November 2012", "2012-11"),
    ("The candidate conceded on Wednesday night.", D(2018, 11, 9), "Wednesday", "2018-11-07"),
    ("Early voting begins Saturday.", D(2018, 10, 18), "Saturday", "2018-10-20"),
    ("The party lost its majority in the 2010 midterms.", D(2018, 10, 18), "2010", "2010"),
    ("The governor will step down in January.", D(2018, 10, 18), "January", "2019-01"),
    ("The primary was held last June.", D(2018, 10, 18), "last June", "2018-06"),
    ("The polls closed at 8 p.m. on Tuesday.", D(2018, 11, 7), "Tuesday", "2018-11-06"),
    ("She announced her candidacy in early February.", D(2019, 3, 10), "early February", "2019-02"),
    ("Turnout was higher than in 2014, when 36.7 percent voted.", D(2018, 11, 7), "2014", "2014"),
    ("The runoff will be held on Dec. 11.", D(2018, 11, 20), "Dec. 11", "2018-12-11"),
    ("The polls open at 7 a.m. Tuesday.", D(2018, 11, 4), "Tuesday", "2018-11-06"),
    ("The election commission met Thursday, Nov. 8, to certify results.", D(2018, 11, 10), "Thursday, Nov. 8", "2018-11-08"),
    ("The primary is set for March 3, 2020.", D(2019, 6, 1), "March 3, 2020", "2020-03-03"),
    ("In 2016, the state voted Republican.", D(2018, 11, 7), "2016", "2016"),
    ("2016 was a turbulent year for the party.", D(2018, 11, 7), "2016", "2016"),
    ("The committee meets on Wed., Jan. 9, 2019.", D(2019, 1, 2), "Wed., Jan. 9, 2019", "2019-01-09"),
    # disasters, protests
    ("The storm hit the coast on Sunday morning.", D(2017, 9, 12), "Sunday", "2017-09-10"),
    ("Officials said the bridge would reopen in March.", D(2017, 9, 12), "March", "2018-03"),
    ("The hurricane made landfall Sept. 10.", D(2017, 9, 12), "Sept. 10", "2017-09-10"),
    ("Relief efforts will continue through October.", D(2017, 9, 12), "October", "2017-10"),
    ("Floods last struck the city in August 2005.", D(2017, 9, 12), "August 2005", "2005-08"),
    ("The March 2011 earthquake destroyed the plant.", D(2017, 9, 12), "March 2011", "2011-03"),
    ("The march drew thousands of people.", D(2017, 9, 12), "march", None),
    ("The protesters will march on Saturday.", D(2017, 9, 12), "Saturday", "2017-09-16"),
    ("Black Friday sales were strong.", D(2017, 11, 28), "Friday", None),
    ("Rescuers worked through the night, officials said yesterday.", D(2017, 9, 12), "yesterday", "2017-09-11"),
    ("A mother pushing her baby in a stroller Thursday did what all New Yorkers do.", D(2016, 10, 15), "Thursday", "2016-10-13"),
]


def _case_id(case: tuple[str, date, str, str | None]) -> str:
    return f"{case[2]}@{case[1]}:{case[0][:30]}"


@pytest.mark.parametrize(("sentence", "published", "expression", "expected"), CASES, ids=[_case_id(c) for c in CASES])
def test_expression_in_context(nlp, sentence: str, published: date, expression: str, expected: str | None) -> None:
    text = normalize_same_length(sentence)
    at = text.index(expression)
    found = [m for m in find_times(text) if m.start < at + len(expression) and at < m.end]
    if expected is None:
        assert found == [], f"{expression!r} is not a date: {found}"
        return
    assert len(found) == 1, f"{expression!r} not found as one expression: {found}"
    mention = found[0]
    assert mention.text == expression
    doc = nlp(text)
    value = resolve(mention, published, tense_of_span(doc, mention.start, mention.end))
    assert value is not None and value.value == expected


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 80


def test_precision_follows_what_is_written() -> None:
    mentions = find_times("On Nov. 27, 2012, in March 2015 and in 2000, on Monday and in September")
    assert [m.precision for m in mentions] == ["day", "month", "year", "day", "month"]


def test_relative_expressions_need_an_anchor() -> None:
    (monday,) = find_times("announced Monday")
    assert resolve(monday, None, "past") is None
    (full,) = find_times("on Nov. 27, 2012")
    assert resolve(full, None, None) is not None


def test_offsets_shift_into_the_document() -> None:
    (m,) = find_times("said on Thursday")
    moved = m.shifted(100)
    assert (moved.start, moved.end) == (m.start + 100, m.end + 100)


def test_a_day_before_a_scheduling_verb_is_the_day_of_the_planning(nlp) -> None:
    from storyline.language.time import date_tense_of_span

    text = "On Friday, the city council planned to open three new shelters."
    doc = nlp(text)
    at = text.index("Friday")
    assert date_tense_of_span(doc, at, at + len("Friday")) == "past"
    text = "The council scheduled a vote for Friday."
    doc = nlp(text)
    at = text.index("Friday")
    assert date_tense_of_span(doc, at, at + len("Friday")) == "future"


def test_a_verb_whose_past_is_its_present_does_not_schedule(nlp) -> None:
    from storyline.language.time import date_tense_of_span

    text = "Storms hurt the harvest on Monday, growers said."  # "hurt" tagged present: it is also the past
    doc = nlp(text)
    at = text.index("Monday")
    assert date_tense_of_span(doc, at, at + len("Monday")) != "future"
    text = "The leaders meet on Monday in Oslo."  # a present that schedules
    doc = nlp(text)
    at = text.index("Monday")
    assert date_tense_of_span(doc, at, at + len("Monday")) == "future"


@pytest.mark.parametrize(
    ("text", "tense"),
    [
        ("The mayor could not be reached for comment Monday.", "past"),
        ("Neither the pilot nor the owner could be found Monday.", "past"),
        ("The vote could come Monday.", "modal"),  # a possibility ahead
    ],
)
def test_a_negated_could_is_the_past_of_can(nlp, text: str, tense: str) -> None:
    from storyline.language.time import date_tense_of_span

    doc = nlp(text)
    at = text.index("Monday")
    assert date_tense_of_span(doc, at, at + len("Monday")) == tense


def test_month_alternation_has_every_month_name_and_abbreviation() -> None:
    import re

    from storyline.language.time import MONTH_ALTERNATION

    rx = re.compile(rf"\b(?:{MONTH_ALTERNATION})\b", re.IGNORECASE)
    assert [m.group(0) for m in rx.finditer("Sept. 3, September, Sep 4, may, Dec, marching")] == ["Sept", "September", "Sep", "may", "Dec"]
