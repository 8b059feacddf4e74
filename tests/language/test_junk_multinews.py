"""Junk rules for scraped-page debris (the kind Multi-News documents are full of)."""

from __future__ import annotations

import pytest

from storyline.language.junk import classify_line

DEBRIS = [
    ("Image copyright Getty Images Image caption The band split up after the death of its drummer", "embedded media label"),
    ("Media playback is unsupported on your device Media caption The minister explains the new rules", "embedded media label"),
    ("Breaking News Emails Get breaking news alerts and special reports.", "newsletter or social promotion"),
    ("Join us on Facebook Like us and you'll find top news in your newsfeed.", "newsletter or social promotion"),
    ("Sign up for our daily email newsletter and get top stories delivered to your inbox.", "newsletter or social promotion"),
    ("For the full list of this year's winners, click here.", "newsletter or social promotion"),
    ("Let us know in the comments or send an email to the author.", "newsletter or social promotion"),
    ("Fill in your contact details in the form below to join our mailing list.", "newsletter or social promotion"),
    ("The crawl used Heritrix and respected robots.txt directives; the WARC files are not public.", "web archive description"),
]

NEWS = [
    "The police said the crowd began to crawl toward the exit as smoke filled the hall.",
    "She signed up for the army at 18 and served two tours in Iraq.",
    "The image of the burning tower became a symbol of the war.",
    "The senator urged voters to read the bill before the vote on Tuesday.",
    "Reporters who contributed to the investigation won a Pulitzer Prize in 2019.",
    # bylines and contributor lines are part of the article (never junk)
    "Staff writer Jane Roe contributed to this report.",
    "Additional reporting by John Doe in Paris",
    "The museum said the captured images would be shown in an exhibition next year.",
]


@pytest.mark.parametrize(("line", "reason"), DEBRIS)
def test_debris_is_junk(line: str, reason: str) -> None:
    found = classify_line(line)
    assert found is not None
    # an older rule may claim the line first; the new rule must catch it on its own too
    from storyline.language.junk import JUNK_RULES

    assert any(rule.reason == reason and rule.test(line) for rule in JUNK_RULES)


@pytest.mark.parametrize("line", NEWS)
def test_news_sentences_are_not_junk(line: str) -> None:
    assert classify_line(line) is None
