"""Page furniture of many outlets' layouts (lines written for these tests), and the body text that must stay."""

from __future__ import annotations

import pytest

from storyline.clean.rules import classify_line
from storyline.clean.segment import segment_document
from storyline.models import Document

FURNITURE = [
    "Play Facebook",  # video page share row
    "Google Plus",
    "Share this story Email Twitter",
    "___",
    "* * *",
    "/ Updated By Jane Roe",
    "Published 3:15 PM ET Mon, Jan 6, 2025",
    "Embed Harbour flood footage 2:49 autoplay autoplay",
    "JUST WATCHED Rescue teams reach the valley MUST WATCH",
    "Slideshow (5 Images)",
    "(GRAPHIC: Flood map - example.org/flood)",
    "Story highlights The mayor ordered an evacuation",
    "Getty Images / JANE ROE / Contributor",
    "Read next: Ten things to know about the new tax",
    "Analysis: Why the harbour plan keeps failing",
    "ALSO:",
    "Explore further: New coating could keep bridges from rusting",
    "MORE The Best Trails For A Winter Walk",
    "Email Sign Up for breaking news alerts from The Daily Item",
]

BODY = [
    "The Associated Press contributed to this report.",
    "Lucey reported from Rome. Staff writer Ann Poe contributed.",
    "The council voted 7-2 to approve the harbour plan on Tuesday.",
    "Analysis of the samples showed high levels of lead, the report said.",
    "Read the statement in full, the mayor told reporters, before leaving.",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_line_is_junk(line: str) -> None:
    assert classify_line(line) is not None


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
