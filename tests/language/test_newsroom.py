"""Newsroom notes: an article speaking of itself or to its reader is told apart from news about a report."""

from __future__ import annotations

from storyline.language.newsroom import is_newsroom_note


def test_credits_corrections_and_pointers_to_the_page_are_notes() -> None:
    assert is_newsroom_note("Staff writer Dana Whitlock contributed to this report.")
    assert is_newsroom_note("(Reporting by Omar Lindqvist; Editing by Priya Castellanos)")
    assert is_newsroom_note("This story has been corrected to show the mayor lives in Brackenford.")
    assert is_newsroom_note("Correction: An earlier version of this article misstated the mayor's age.")
    assert is_newsroom_note("This article first appeared in the spring issue of Harbor Life magazine.")
    assert is_newsroom_note("Click through the slideshow below for the best costumes of the parade.")
    assert is_newsroom_note("The station will update this story as more information becomes available.")
    assert is_newsroom_note("Council member Ray Tolliver speaks to reporters in this June 4, 2019 file photo.")


def test_news_about_reports_stories_and_clicks_is_not_a_note() -> None:
    assert not is_newsroom_note("The committee said the report was written by two former inspectors.")
    assert not is_newsroom_note("Investigators said the story the driver told did not match the video.")
    assert not is_newsroom_note("More than 2,000 residents signed up for the program in its first week.")
    assert not is_newsroom_note("The editor said the paper stood by its reporting on the council.")
    assert not is_newsroom_note("Users who click on the fake link are asked for their bank details, police said.")
