"""Publication dates inferred jointly across one story's documents, and date edges that must not raise."""

from __future__ import annotations

from datetime import date

from storyline.dates.stage import DocTime, infer_document
from storyline.language.time import TimeMention

STAGES = ["clean", "nlp", "dates"]


def _range(doc) -> tuple[date | None, date | None]:  # type: ignore[no-untyped-def]
    return doc.published.earliest, doc.published.latest


def test_document_with_only_a_weekday_is_dated_by_the_other_document(make_story) -> None:  # type: ignore[no-untyped-def]
    dated = "Dam inspectors report cracks\n\nMarch 6, 2019\n\nInspectors said the dam showed cracks along its eastern wall."
    weekday = "Town votes on dam repairs\n\nThe town council voted on Tuesday to pay for urgent repairs to the old dam on the river."
    story = make_story([dated, weekday], stages=STAGES)
    assert _range(story.documents[0]) == (date(2019, 3, 6), date(2019, 3, 6))
    lo, hi = _range(story.documents[1])
    # the Tuesday of the story's week: 2019-03-05; published within six days of it
    assert lo == date(2019, 3, 5) and hi is not None and (hi - lo).days <= 6
    assert "Tuesday" in (story.documents[1].published.why or "")


def test_document_with_no_date_of_its_own_shares_the_story_range(make_story) -> None:  # type: ignore[no-untyped-def]
    dated = "Dam inspectors report cracks\n\nMarch 6, 2019\n\nInspectors said the dam showed cracks along its eastern wall."
    undated = "Why old dams fail\n\nEngineers said concrete weakens as water seeps through small cracks over many decades."
    story = make_story([dated, undated], stages=STAGES)
    doc = story.documents[1]
    assert _range(doc) == (date(2019, 3, 6), date(2019, 3, 6))
    assert doc.published.inferred and "story's other documents" in (doc.published.why or "")


def test_nothing_in_the_story_dates_it_stays_unknown(make_story) -> None:  # type: ignore[no-untyped-def]
    a = "Why old dams fail\n\nEngineers said concrete weakens as water seeps through small cracks over many decades."
    b = "Dams and rivers\n\nRivers carry silt that slowly fills the reservoirs behind the dams, experts said."
    story = make_story([a, b], stages=STAGES)
    assert all(d.published.earliest is None for d in story.documents)


def test_a_past_month_name_puts_publication_after_that_month(make_story) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Players win ruling\n\n"
        "A photo taken Jan. 20, 2015, shows the team at practice in the snow.\n\n"
        "The board held five days of hearings in February. The board said Wednesday that the players had won."
    )
    story = make_story([text], stages=STAGES)
    lo, hi = _range(story.documents[0])
    # February 2015 is over: the first Wednesday after it is 2015-03-04
    assert lo == date(2015, 3, 4) and hi is not None and (hi - lo).days <= 6


def test_year_less_dates_take_the_year_of_a_month_named_with_its_year(make_story) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Lift failure kills one\n\n"
        "The lift passed its inspections in January 2016, records show. A tenant complained on Sept. 30 that it was broken.\n\n"
        "A man died Thursday after the lift fell four floors."
    )
    story = make_story([text], stages=STAGES)
    lo, hi = _range(story.documents[0])
    assert lo == date(2016, 10, 6) and hi is not None and (hi - lo).days <= 6


def _row(year: int, month: int, day: int, weekday: int | None = None, tense: str = "past") -> DocTime:
    m = TimeMention(0, 10, "x", year=year, month=month, day=day, weekday=weekday)
    return DocTime(m, 0, tense, (), False)  # type: ignore[arg-type]


def test_dates_at_the_edge_of_the_calendar_are_not_errors() -> None:
    weekday = DocTime(TimeMention(20, 26, "Friday", weekday=4), 0, "past", (), False)
    for rows in ([_row(9999, 12, 31), weekday], [_row(1, 1, 1), weekday], [_row(9999, 12, 30)]):
        result = infer_document(rows, anchor=date(9999, 12, 31), near=date(9999, 12, 31))
        assert result.earliest is None or result.earliest <= date.max
    result = infer_document([_row(2016, 3, 14), weekday], anchor=date(9999, 12, 31), near=date(9999, 12, 28))
    assert result is not None


def test_a_document_with_only_a_lower_bound_narrows_the_story_range(make_story) -> None:  # type: ignore[no-untyped-def]
    a = "Council votes on dam\n\nThe dam was inspected on March 1, 2019, records show. The town council voted on Tuesday to repair it."
    b = "Dam report published\n\nThe inspectors released their report on March 8, 2019, saying the dam needed urgent work."
    story = make_story([a, b], stages=STAGES)
    assert _range(story.documents[0]) == (date(2019, 3, 5), date(2019, 3, 11))
    doc = story.documents[1]
    assert _range(doc) == (date(2019, 3, 8), date(2019, 3, 11))
    assert "not before 2019-03-08" in (doc.published.why or "")


def test_an_old_date_does_not_date_the_story_when_another_document_is_later(make_story) -> None:  # type: ignore[no-untyped-def]
    old = "Film turns 80\n\nThe film opened on June 3, 1940, in Atlanta. On Friday, fans gathered at the old cinema to watch it again."
    recent = "Cinema celebrates\n\nThe cinema said on Nov. 4, 2020, that tickets for the anniversary screening had sold out within hours."
    story = make_story([old, recent], stages=STAGES)
    lo, hi = _range(story.documents[0])
    # Friday is read in the week the other document places the story (after 2020-11-04), not in 1940
    assert lo is not None and lo.year == 2020 and hi is not None and (hi - lo).days <= 6


def test_a_bare_year_in_another_document_does_not_place_the_week(make_story) -> None:  # type: ignore[no-untyped-def]
    a = "Zoo welcomes twins\n\nThe zoo said on Tuesday that two red panda cubs were born in its new enclosure."
    b = "Red pandas at risk\n\nThe species was listed as endangered in 2015, researchers said, after numbers fell sharply."
    story = make_story([a, b], stages=STAGES)
    # nothing gives a day: a weekday after "January 1, 2015" would be a guess, so both stay unknown
    assert all(d.published.earliest is None for d in story.documents)


def test_a_removed_publication_stamp_still_dates_the_article(make_story) -> None:  # type: ignore[no-untyped-def]
    text = "Dam repairs approved\n\nPublished on May 3, 2015\n\nThe council approved repairs to the old dam after engineers found cracks."
    doc = make_story([text], stages=STAGES).documents[0]
    assert any(r.reason == "byline or update stamp" for r in doc.removed)
    assert _range(doc) == (date(2015, 5, 3), date(2015, 5, 3))
