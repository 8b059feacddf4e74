"""Publication-date inference (stage "dates") on hand-written articles."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.dates.stage import DocTime, collect_times, infer_document
from storyline.language.time import find_times

STAGES = ["clean", "nlp", "dates"]


def _range(doc) -> tuple[date | None, date | None]:
    return doc.published.earliest, doc.published.latest


def test_past_weekdays_after_an_explicit_date_bound_the_range(make_story) -> None:
    text = (
        "Rangers open season with a win\n\n"
        "The Rangers beat the Bruins 4-2 on Oct. 9, 2019, in their season opener.\n\n"
        "On Saturday, coach Dan Smith said the team had improved since training camp. "
        "The rematch will be on Thursday in Boston."
    )
    story = make_story([text], stages=STAGES)
    doc = story.documents[0]
    # Saturday after Oct. 9 is Oct. 12 (past); Thursday after that is Oct. 17 (ahead).
    assert _range(doc) == (date(2019, 10, 12), date(2019, 10, 17))
    assert doc.published.inferred is True
    assert "Saturday" in (doc.published.why or "")


def test_yesterday_tied_to_a_dated_happening_pins_the_day(make_story) -> None:
    text = (
        "Acme to cut jobs\n\n"
        "Acme Corp. said on Jan. 4, 2022, that it would cut 500 jobs at its plant in Ohio.\n\n"
        "Acme's statement Tuesday followed weeks of speculation among workers. "
        "Shares fell 3 percent after Acme's statement yesterday, and the union called a meeting."
    )
    story = make_story([text], stages=STAGES)
    # a weekday beside a full date is read as the next such day (news names the past week's days, older days by date)
    assert _range(story.documents[0]) == (date(2022, 1, 12), date(2022, 1, 12))


def test_year_less_dates_take_the_year_of_the_other_documents(make_story) -> None:
    dated = "Jury convicts former mayor\n\nJune 7, 2018\n\nThe jury reached its verdict after three days of deliberation."
    undated = (
        "Former mayor sentenced\n\n"
        "A jury found the former mayor guilty of fraud on June 4. "
        "On Wednesday, the judge sentenced him to five years in prison."
    )
    story = make_story([dated, undated], stages=STAGES)
    assert _range(story.documents[0]) == (date(2018, 6, 7), date(2018, 6, 7))  # a line that is only a date
    assert _range(story.documents[1]) == (date(2018, 6, 6), date(2018, 6, 12))


def test_nothing_to_go_on_means_unknown(make_story) -> None:
    text = "Race tightens\n\nVoters in the district will choose a new representative. Polls show a close race between the two candidates."
    doc = make_story([text], stages=STAGES).documents[0]
    assert doc.published.earliest is None and doc.published.latest is None
    assert doc.published.inferred is False


def test_a_lower_bound_alone_is_not_a_date(make_story) -> None:
    text = "Retailer files for bankruptcy\n\nOn April 2, 2015, the retailer filed for bankruptcy protection in Delaware."
    doc = make_story([text], stages=STAGES).documents[0]
    assert doc.published.earliest is None
    assert "2015-04-02" in (doc.published.why or "")


def test_known_dates_are_left_alone(make_story) -> None:
    text = "Council votes\n\nThe council voted on Monday after the March 3, 2021, hearing. The mayor said yesterday she would sign it."
    doc = make_story([text], stages=STAGES, published=date(2021, 3, 9)).documents[0]
    assert _range(doc) == (date(2021, 3, 9), date(2021, 3, 9))
    assert doc.published.inferred is False


def test_junk_lines_are_not_read(make_story) -> None:
    text = (
        "Senate passes budget\n\n"
        "Your IP access to will expire on June 15\n\n"
        "The Senate passed the budget on a party-line vote after a long debate."
    )
    story = make_story([text], stages=["clean", "nlp"])
    doc = story.documents[0]
    assert any(b.kind == "junk" and "June 15" in b.text for b in doc.blocks)
    assert not [t for t in collect_times(doc, {}) if "June" in t.mention.text]


def _row(text: str, tense: str | None, offset: int = 0, heads: tuple = ()) -> DocTime:
    mention = find_times(text)[0].shifted(offset)
    return DocTime(mention, 0, tense, heads, False)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # "last Friday" after Nov. 2 (a Monday): Friday Nov. 6 is strictly before publication
        ([("Nov. 2, 2020", "past"), ("last Friday", "past")], (date(2020, 11, 7), date(2020, 11, 13))),
        # a future weekday alone against an explicit date: publication not after it
        ([("Aug. 10, 2023", "past"), ("Sunday", "future")], (date(2023, 8, 10), date(2023, 8, 13))),
        # two past weekdays narrow each other
        ([("May 1, 2017", "past"), ("Tuesday", "past"), ("Thursday", "past")], (date(2017, 5, 4), date(2017, 5, 8))),
        # a future explicit date is no lower bound, and weekdays need an explicit date to hang on
        ([("Sept. 30, 2024", "future"), ("Monday", "past")], (None, None)),
    ],
)
def test_constraints_intersect(rows, expected) -> None:
    doc_rows = [_row(text, tense, offset=i * 100) for i, (text, tense) in enumerate(rows)]
    result = infer_document(doc_rows, anchor=None)
    assert (result.earliest, result.latest) == expected


def test_a_conflicting_weak_constraint_is_dropped() -> None:
    # Feb. 1, 2019 is a Friday, not named with its weekday: a past "Friday" is the next one,
    # Feb. 8, so publication is Feb. 8-14; "yesterday" of the same statement pins Feb. 9;
    # a past "Saturday" (Feb. 2, so publication Feb. 2-8) conflicts with the pin and is dropped.
    rows = [
        _row("Feb. 1, 2019", "past", 0),
        _row("Friday", "past", 100, heads=(("statement", "court"),)),
        _row("yesterday", "present", 200, heads=(("statement", "court"),)),
        _row("Saturday", "past", 300),
    ]
    result = infer_document(rows, anchor=None)
    assert (result.earliest, result.latest) == (date(2019, 2, 9), date(2019, 2, 9))
    assert "Saturday" not in (result.why or "")


def test_a_published_line_inside_a_block_pins_the_day(make_story) -> None:
    text = (
        "Pageant winner loses crown\n\n"
        "The runner-up was given the crown after the winner was stripped of it. (Published Friday, June 27, 2014)\n\n"
        "On Tuesday, she was notified by pageant officials."
    )
    doc = make_story([text], stages=STAGES).documents[0]
    assert _range(doc) == (date(2014, 6, 27), date(2014, 6, 27))


def test_a_deadline_is_not_a_lower_bound(make_story) -> None:
    text = (
        "Committee demands memos\n\n"
        "The chairman sent a letter on Tuesday asking for the records to be turned over by May 24, 2017. "
        "The agency received a similar request on May 9, 2017."
    )
    doc = make_story([text], stages=STAGES).documents[0]
    # May 9, 2017 is a Tuesday: publication within the week after, not after the May 24 deadline.
    assert _range(doc) == (date(2017, 5, 16), date(2017, 5, 22))  # weekday after the full date


def test_weekdays_are_read_near_the_other_documents(make_story) -> None:
    dated = "Senators react\n\nMay 16, 2017\n\nSenators reacted to the report about the memo."
    undated = (
        "Republicans uneasy\n\n"
        "Tuesday's report about the memo unsettled Republicans on Capitol Hill.\n\n"
        "The senator listens during a hearing on Capitol Hill on May 8, 2017."
    )
    story = make_story([dated, undated], stages=STAGES)
    # Without the other document, Tuesday would be May 9, right after the May 8 photo.
    assert _range(story.documents[1]) == (date(2017, 5, 16), date(2017, 5, 22))


def test_old_full_dates_give_no_anchor_when_a_later_month_names_the_year(make_story) -> None:
    first = "Elevator accident\n\nA complaint from March 9, 2015, said the elevator was broken. It passed inspections in January 2016."
    second = "Baby dies\n\nA Sept. 30 complaint said both elevators were not working. The baby died Thursday."
    story = make_story([first, second], stages=STAGES)
    # not 2015 (the old full date): "January 2016" gives "Sept. 30" its year, and Thursday is the next one, Oct. 6
    assert _range(story.documents[1]) == (date(2016, 10, 6), date(2016, 10, 12))
