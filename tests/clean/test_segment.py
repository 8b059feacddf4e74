"""Headline, standfirst, captions, body and junk from whole hand-made articles."""

from __future__ import annotations

from storyline.clean.outlet import guess_outlet
from storyline.clean.segment import segment_document, split_lines
from storyline.models import Document


def seg(text: str, title: str | None = None) -> Document:
    return segment_document(Document(id="d1", text=text), title=title)


WIRE = """Protesters gather outside parliament in Nairobi, Kenya, Tuesday, June 25, 2024, as lawmakers debate a finance bill.

Protesters gather outside parliament in Nairobi, Kenya, Tuesday, June 25, 2024, as lawmakers debate a finance bill. (AP Photo/Brian Inganga)

Kenya Police Fire Tear Gas at Tax Protesters

Thousands marched as lawmakers voted on new levies.

NAIROBI, Kenya (AP) — Police fired tear gas at thousands of protesters in Kenya's capital on Tuesday as lawmakers voted on a bill that raises taxes on bread, fuel and mobile money transfers.

The protesters, most of them young, said the levies would push families deeper into poverty as prices keep rising.

President William Ruto has defended the bill, saying the government needs the money to pay down debt.

Related: Kenya's debt crisis explained

Copyright 2024 The Associated Press. All rights reserved.
"""


def test_wire_story_with_repeated_caption_and_credit() -> None:
    d = seg(WIRE)
    kinds = [b.kind for b in d.blocks]
    assert kinds == ["caption", "junk", "title", "dek", "body", "body", "body", "junk", "junk"]
    assert d.title == "Kenya Police Fire Tear Gas at Tax Protesters"
    assert d.dek == "Thousands marched as lawmakers voted on new levies."
    assert d.captions[0].startswith("Protesters gather outside parliament")
    reasons = [r.reason for r in d.removed]
    assert reasons == ["caption repeated with photo credit", "related link", "copyright notice"]
    assert d.paragraphs[0].startswith("NAIROBI, Kenya (AP)")


def test_offsets_of_blocks_reproduce_the_text() -> None:
    d = seg(WIRE)
    for b in d.blocks:
        assert d.text[b.start : b.end] == b.text
    assert [(s, e) for s, e in split_lines("  a\n\n b c \n")] == [(2, 3), (6, 9)]


BLOG = """Why my sourdough finally works

I spent three years failing at sourdough before a baker in Lyon showed me what I was doing wrong with hydration.

The trick, it turns out, is patience: a slower rise in a cooler kitchen gives the yeast time to build flavour.

Share this
Facebook Twitter Email
We use cookies to personalise content and ads. By continuing to browse you agree.
Recommended for you
Ten breads to bake this winter
The best flour for beginners
"""


def test_blog_tail_widgets_and_following_headlines_are_junk() -> None:
    d = seg(BLOG)
    assert d.title == "Why my sourdough finally works"
    assert d.dek is None  # the paragraph after the headline is body-length, not a standfirst
    assert len(d.paragraphs) == 2
    removed = {r.text: r.reason for r in d.removed}
    assert removed["Share this"] == "share buttons"
    assert removed["Recommended for you"] == "ad or recirculation widget"
    assert removed["Ten breads to bake this winter"] == "ad or recirculation widget"  # widget item, dragged along
    assert "cookie" in removed["We use cookies to personalise content and ads. By continuing to browse you agree."]


def test_no_headline_when_text_starts_with_body() -> None:
    d = seg("The council met on Monday to vote on the plan.\n\nIt passed by seven votes to two.\n\nThe mayor abstained.")
    assert d.title is None and d.dek is None
    assert len(d.paragraphs) == 3


def test_known_title_from_metadata_is_used() -> None:
    d = seg("Budget Passes\n\nThe budget passed on Tuesday by a wide margin after a short debate in the chamber.\n\nIt takes effect in July.", title="Budget Passes")
    assert d.blocks[0].kind == "title"


def test_exact_duplicate_paragraph_is_removed_once() -> None:
    para = "Officials said the bridge would reopen next week after repairs."
    d = seg(f"{para}\n\nTraffic was diverted through the town centre.\n\n{para}")
    assert d.paragraphs.count(para) == 1
    assert [r.reason for r in d.removed] == ["duplicate line"]


def test_outlet_is_guessed_from_removed_recirculation_lines_only() -> None:
    d = seg(BLOG + "\nMore from The Kitchen Journal\n")
    assert guess_outlet(d) == ("The Kitchen Journal", "inferred from the removed line 'More from The Kitchen Journal'")
    body_only = seg("More from Brussels came the news that talks had stalled, diplomats said on Friday.\n\nTalks resume next week.")
    assert guess_outlet(body_only) is None
