"""Sentences per block, with offsets into the original text."""

from __future__ import annotations


def test_headline_list_items_and_offsets(make_story) -> None:
    text = (
        "Minister Quits Over Rail Deal\n\n"
        "The transport minister resigned on Monday\u00a0after auditors questioned a \u201cflawed\u201d rail contract.\n\n"
        "Questions remain: 1) Who signed the deal? 2) Will the contract be cancelled? 3) What will it cost taxpayers?\n"
    )
    story = make_story([text])
    doc = story.documents[0]
    for s in doc.sentences:
        assert doc.text[s.start : s.end] == s.text
    texts = [s.text for s in doc.sentences]
    assert texts[0] == "Minister Quits Over Rail Deal"  # the headline is its own sentence
    assert any(t.startswith("2) Will the contract") for t in texts)
    assert any(t.startswith("3) What will it cost") for t in texts)
    assert not any("Deal The transport" in t for t in texts)
    for e in doc.entities:
        assert doc.text[e.start : e.end] == e.text
    assert any(e.label == "DATE" and e.text == "Monday" for e in doc.entities)


def test_junk_blocks_are_not_parsed(make_story) -> None:
    story = make_story(["Councillors voted to close the pool in the spring.\n\nSubscribe now for unlimited access to our journalism.\n"])
    doc = story.documents[0]
    assert all("Subscribe" not in s.text for s in doc.sentences)
