"""Cleaning across one story's documents: outlets, repeated furniture, non-articles, the story title."""

from __future__ import annotations

from storyline.clean.headline import story_title
from storyline.clean.outlet import guess_outlet
from storyline.clean.segment import segment_document
from storyline.clean.stage import drop_repeated_furniture, is_article
from storyline.models import Document

BODY = "The council voted on Tuesday to close the old bridge after engineers found deep cracks in its supports."


def _doc(text: str, i: int = 1) -> Document:
    return segment_document(Document(id=f"d{i}", text=text))


def test_outlet_from_dateline_is_inferred_with_reason() -> None:
    d = _doc(f"LYON, France (Reuters) - {BODY}\n\n{BODY}")
    assert guess_outlet(d) == ("Reuters", "inferred from the dateline 'LYON, France (Reuters)'")
    cnn = _doc(f"Atlanta (CNN) {BODY}\n\n{BODY}")
    assert guess_outlet(cnn) is not None and guess_outlet(cnn)[0] == "CNN"  # type: ignore[index]


def test_outlet_from_staff_photo_credit_not_from_agency_credit() -> None:
    d = _doc(f"{BODY}\n\nCrews inspect the bridge on Monday. (Jane Roe/Chicago Tribune)\n\n{BODY}")
    assert guess_outlet(d)[0] == "Chicago Tribune"  # type: ignore[index]
    credit = _doc(f"{BODY}\n\nImage Crews inspect the bridge on Monday. Credit Jane Roe/The Boston Globe\n\n{BODY.replace('Tuesday', 'Friday')}")
    assert guess_outlet(credit)[0] == "The Boston Globe"  # type: ignore[index]
    assert credit.captions and credit.captions[0].startswith("Image Crews")
    agency = _doc(f"{BODY}\n\nCrews inspect the bridge on Monday. (Jane Roe/Reuters)\n\n{BODY}")
    assert guess_outlet(agency) is None


def test_outlet_never_from_another_outlet_quoted_once() -> None:
    d = _doc(f"The mayor told CNN that the bridge would reopen. {BODY}\n\n{BODY}")
    assert guess_outlet(d) is None


def test_widget_repeated_in_two_documents_is_junk() -> None:
    a = _doc(f"{BODY}\n\nMore Top Stories Here Today\n\nThe engineers said repairs would take a year and cost millions of dollars.", 1)
    b = _doc(f"{BODY.replace('Tuesday', 'Monday')}\n\nMore Top Stories Here Today\n\nResidents said they feared the detour would add an hour.", 2)
    drop_repeated_furniture([a, b])
    assert all("More Top Stories Here Today" not in d.paragraphs for d in (a, b))
    assert any(r.reason == "repeated across documents" for r in a.removed)


def test_crawl_notice_is_not_an_article() -> None:
    notice = _doc("These crawls are part of an effort to archive pages as they are created.\n\nThe Wayback Machine holds the captures of this crawl.")
    assert not is_article(notice)
    assert is_article(_doc(f"{BODY}\n\n{BODY}"))


def test_story_title_is_the_most_shared_headline() -> None:
    docs = [
        Document(id="d1", text="x", title="Bridge closed after cracks found", paragraphs=[BODY]),
        Document(id="d2", text=BODY + " The bridge cracks alarmed engineers.", title="Local sports roundup"),
        Document(id="d3", text=BODY),
    ]
    assert story_title(docs) == ("Bridge closed after cracks found", False)


def test_quote_is_never_a_headline() -> None:
    d = _doc(f'"He really needs a lawyer,"\n\n{BODY}\n\n{BODY}\n\n{BODY}')
    assert d.title is None


def test_outlet_from_own_site_furniture_of_several_layouts() -> None:
    cases = {
        "More from TIME on population:": "TIME",
        "Read more of Politico's coverage of the election": "POLITICO",
        "Copyright 2016 The Daily Item. All rights reserved.": "The Daily Item",
        "More on CNN": "CNN",
    }
    for line, outlet in cases.items():
        d = _doc(f"{BODY}\n\n{BODY.replace('Tuesday', 'Monday')}\n\n{line}")
        found = guess_outlet(d)
        assert found is not None and found[0] == outlet, line
        assert found[1].startswith("inferred from the removed line")
    topic = _doc(f"{BODY}\n\n{BODY.replace('Tuesday', 'Monday')}\n\nMore on Syria")
    assert guess_outlet(topic) is None  # a topic, not an outlet


def test_copies_of_one_article_keep_their_shared_short_lines() -> None:
    sentences = [f"The coach said the team had trained hard for {n} weeks before the final." for n in ("two", "three", "four", "five")]
    text = "\n\n".join([sentences[0], "Reaction?", sentences[1], "Did it cause a distraction?", sentences[2], sentences[3]])
    a, b = _doc(text, 1), _doc(text, 2)
    drop_repeated_furniture([a, b])
    assert "Reaction?" in a.paragraphs and "Did it cause a distraction?" in b.paragraphs


def test_bracketed_headline_is_a_link_but_editors_note_stays() -> None:
    from storyline.language.junk import classify_line

    assert classify_line("[Storm closes schools across the state]") == "related link"
    assert classify_line("[Editor's note: this story has been updated]") is None


def test_a_dateline_paragraph_is_never_the_standfirst() -> None:
    text = (
        "Officer Shot Near Campus\n\n(CNN) A man pleaded not guilty Friday to murder charges in the shooting of a campus officer.\n\n"
        "The officer was shot in the head during a traffic stop, police said on Tuesday evening.\n\nHe died a day later."
    )
    d = _doc(text)
    assert d.title == "Officer Shot Near Campus" and d.dek is None
