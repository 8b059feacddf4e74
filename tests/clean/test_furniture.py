"""Page furniture of many outlets' layouts (lines written for these tests), and the body text that must stay."""

from __future__ import annotations

import pytest

from storyline.clean.segment import segment_document
from storyline.language.junk import classify_line
from storyline.models import Document

# (the kind of page the line imitates, the line): written for these tests, shaped like each layout's furniture
FURNITURE = [
    ("broadcast video page", "Play Facebook"),
    ("broadcast video page", "Google Plus"),
    ("broadcast video page", "Embed Harbour flood footage 2:49 autoplay autoplay"),
    ("broadcast network", "/ Updated By Jane Roe"),
    ("broadcast network", "Breaking News Emails Get breaking news alerts and special reports."),
    ("cable news", "JUST WATCHED Rescue teams reach the valley MUST WATCH"),
    ("cable news", "Story highlights The mayor ordered an evacuation"),
    ("cable news", "Read More"),
    ("wire service", "___"),
    ("wire service", "Slideshow (5 Images)"),
    ("wire service", "(GRAPHIC: Flood map - example.org/flood)"),
    ("wire service", "(AP Photo/Jane Roe)"),
    ("tabloid", "Getty Images / JANE ROE / Contributor"),
    ("public broadcaster", "Image copyright Jane Roe Image caption Rescuers at the dam"),
    ("newspaper", "ALSO:"),
    ("newspaper", "Analysis: Why the harbour plan keeps failing"),
    ("political site", "Email Sign Up for breaking news alerts from The Daily Item"),
    ("magazine", "MORE The Best Trails For A Winter Walk"),
    ("magazine", "Read next: Ten things to know about the new tax"),
    ("magazine", "Read next Ten things to know about the new tax"),
    ("science site", "Explore further: New coating could keep bridges from rusting"),
    ("blog", "Share this story Email Twitter"),
    ("blog", "* * *"),
    ("business site", "Published 3:15 PM ET Mon, Jan 6, 2025"),
    ("local TV", "Most Popular Stories More>>"),
    ("recirculation network", "Promoted Stories by Revcontent"),
    ("paywalled magazine", "Your digital access will expire in 3 days"),
    ("paywalled daily", "You have reached your limit of free articles this month."),
    ("paywalled daily", "For group subscriptions, please contact our sales team at"),
    ("local TV", "Follow WXYZ.COM: Facebook | Twitter"),
    ("local TV", "Message: * A friend wanted you to see this item from example.com"),
    ("video page", "WARNING: The video contains images some viewers may find upsetting"),
]

BODY = [
    "The Associated Press contributed to this report.",
    "Lucey reported from Rome. Staff writer Ann Poe contributed.",
    "The council voted 7-2 to approve the harbour plan on Tuesday.",
    "Analysis of the samples showed high levels of lead, the report said.",
    "Read the statement in full, the mayor told reporters, before leaving.",
    "Residents can sign up for emergency email alerts on the county website, officials said.",
    "The team is up next in the playoffs, and the coach said it was ready.",
    "More than 200 people shared the video on Facebook and Twitter within an hour.",
    "Updated figures released on Tuesday showed the death toll had risen to 41.",
    "Follow the money, investigators said: the trail led to Panama.",
    "Warning: forecasters said the storm could bring winds of 90 mph by Friday.",
]


@pytest.mark.parametrize(("layout", "line"), FURNITURE)
def test_furniture_line_is_junk(layout: str, line: str) -> None:
    assert classify_line(line) is not None, layout


def test_furniture_covers_ten_layouts() -> None:
    assert len({layout for layout, _ in FURNITURE}) >= 10


@pytest.mark.parametrize("line", BODY)
def test_body_line_is_kept(line: str) -> None:
    assert classify_line(line) is None


def _doc(text: str) -> Document:
    return segment_document(Document(id="d1", text=text))


P = "The storm flooded the lower town overnight and hundreds of families left their homes, officials said."


def test_also_run_of_headlines_is_removed_but_following_sentence_stays() -> None:
    d = _doc(f"{P}\n\nALSO:\n\nMayor unveils plan for new stadium\n\nTeachers vote to strike over pay\n\nStaff writer Ann Poe contributed to this report.")
    removed = {r.text for r in d.removed}
    assert {"ALSO:", "Mayor unveils plan for new stadium", "Teachers vote to strike over pay"} <= removed
    assert "Staff writer Ann Poe contributed to this report." in d.paragraphs


def test_interleaved_headlines_of_other_stories_are_removed_subheading_alone_stays() -> None:
    lines = [P, "Driver crashes truck into bakery in Leeds", P.replace("storm", "flood"), "Council approves budget after long fight", P.replace("storm", "river")]
    d = _doc("\n\n".join(lines))
    assert [r.reason for r in d.removed] == ["headline of another story"] * 2
    single = _doc("\n\n".join([P, "What the experts expect next week", P.replace("storm", "flood")]))
    assert not single.removed and len(single.paragraphs) == 3


def test_truncated_repeated_caption_with_agency_credit() -> None:
    cap = "FILE - In this photo, rescuers carry a child through the flooded street in the lower town"
    d = _doc(f"{cap[:60]}... (Associated Press)\n\n{cap}... (Associated Press)\n\n{P}\n\n{P.replace('storm', 'rain')}")
    assert d.removed[0].reason == "caption repeated with photo credit"


def test_caption_repeated_with_agency_credit_after_via() -> None:
    cap = "Smoke rises over the hills behind the town as the fire spreads east on Sunday"
    d = _doc(f"{cap}\n\n{cap} JANE ROE via REUTERS\n\n{P}\n\n{P.replace('storm', 'rain')}")
    assert [r.reason for r in d.removed] == ["caption repeated with photo credit"]
    assert d.captions == [cap]
