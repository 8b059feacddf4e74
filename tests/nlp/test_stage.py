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


def test_split_for_parsing_joins_back_and_cuts_after_sentences() -> None:
    from storyline.nlp.stage import split_for_parsing

    text = "The council met on Monday. " * 40 + "x" * 300 + " tail words here"
    pieces = split_for_parsing(text, 100)
    assert "".join(pieces) == text
    assert all(len(p) <= 100 for p in pieces)
    assert pieces[0].endswith("Monday. ")  # a cut after a sentence end, not inside a word
    assert split_for_parsing("short", 100) == ["short"]


def test_a_block_longer_than_the_piece_size_is_one_parse_with_exact_offsets(make_story, options) -> None:
    from dataclasses import replace

    sentence = "The mayor of Springfield opened the new bridge on Tuesday after years of delay. "
    body = "Bridge Opens At Last\n\n" + sentence * 60 + "\n"
    small = replace(options, max_parse_chars=500)
    story = _run_with(make_story, small, body)
    doc = story.documents[0]
    assert len(doc.sentences) >= 61  # headline + every body sentence, across the pieces
    for s in doc.sentences:
        assert doc.text[s.start : s.end] == s.text
    for e in doc.entities:
        assert doc.text[e.start : e.end] == e.text
    assert not story.cuts


def test_text_past_the_document_budget_is_cut_and_reported(make_story, options) -> None:
    from dataclasses import replace

    sentence = "Workers repaired the flooded tunnel overnight and reopened it at dawn. "
    body = sentence * 30 + "\n\n" + "A second paragraph that lies past the budget entirely.\n"
    tight = replace(options, max_document_chars=700)
    story = _run_with(make_story, tight, body)
    doc = story.documents[0]
    assert story.cuts, "a cut must be reported"
    assert all(c.doc == doc.id and "document budget" in c.reason for c in story.cuts)
    analysed = sum(s.end - s.start for s in doc.sentences)
    assert 0 < analysed <= 700
    assert all(s.end <= story.cuts[0].start for s in doc.sentences)
    assert any("second paragraph" in p for p in doc.paragraphs)  # kept in the text, only not analysed


def _run_with(make_story, opts, text):
    from storyline.api import story_from_articles
    from storyline.ingest.read import RawArticle
    from storyline.pipeline import Context, run_pipeline

    story = story_from_articles([RawArticle(text=text, file="long.txt")], opts)
    ctx = Context(opts)
    return run_pipeline(story, ctx, ["clean", "nlp"])


def test_parses_are_kept_without_their_tensors(options, nlp) -> None:
    from dataclasses import replace

    from storyline.api import story_from_articles
    from storyline.ingest.read import RawArticle
    from storyline.pipeline import Context, run_pipeline
    from storyline.text import doc_text

    sentence = "The harbour master closed the port on Friday because of the storm. "
    texts = ["Port Closed\n\n" + sentence * 3 + "\n", "Storm Hits Coast\n\n" + sentence * 40 + "\n"]
    opts = replace(options, max_parse_chars=600)  # the second body is parsed in pieces and joined
    story = story_from_articles([RawArticle(text=t, file=f"d{i}.txt") for i, t in enumerate(texts)], opts)
    ctx = Context(opts)
    ctx.set_nlp(nlp)
    story = run_pipeline(story, ctx, ["clean", "nlp"])
    keys = list(ctx.parses)
    assert len(keys) == len(ctx.parses) >= 4
    for doc_id, bi in keys:
        parse = ctx.parses.get(doc_id, bi)
        assert parse is not None and len(parse) > 0
        assert parse.tensor.size == 0  # the tok2vec output is not kept
        assert any(t.dep_ for t in parse) and any(t.lemma_ for t in parse)  # what later stages read is
        assert parse.user_data  # the parsed text is kept for doc_text() ...
        assert doc_text(parse) == parse.text  # ... and is the parse's own text, pieces joined or not
    assert ctx.parses.blocks(story.documents[1].id) == sorted(b for d, b in keys if d == story.documents[1].id)
    ctx.parses.drop(story.documents[0].id)
    assert all(d != story.documents[0].id for d, _ in ctx.parses)


def test_a_two_megabyte_paragraph_is_split_and_cut_never_fatal(options, nlp) -> None:
    from dataclasses import replace

    from storyline.api import story_from_articles
    from storyline.ingest.read import RawArticle
    from storyline.pipeline import Context, run_pipeline

    words = "the committee heard evidence from residents about flooding near the river "
    paragraph = (words * (2_000_000 // len(words) + 1))[:2_000_000]  # one line, no sentence end
    # piece size above spaCy's own limit: the stage still never hands it a text it refuses
    opts = replace(options, max_parse_chars=5_000_000, max_document_chars=40_000)
    story = story_from_articles([RawArticle(text="Flood Inquiry\n\n" + paragraph + "\n", file="huge.txt")], opts)
    ctx = Context(opts)
    ctx.set_nlp(nlp)
    small = nlp.max_length
    nlp.max_length = 15_000
    try:
        story = run_pipeline(story, ctx, ["clean", "nlp"])
    finally:
        nlp.max_length = small
    doc = story.documents[0]
    assert story.cuts and all("document budget" in c.reason for c in story.cuts)
    body = max(doc.blocks, key=lambda b: b.end - b.start)
    assert body.end - body.start == 2_000_000 and story.cuts[-1].end == body.end  # the rest of the paragraph is the cut
    assert 0 < sum(s.end - s.start for s in doc.sentences) <= 40_000
    assert all(len(ctx.parses.get(d, b).text) <= 40_000 for d, b in ctx.parses)  # type: ignore[union-attr]
    for s in doc.sentences:
        assert doc.text[s.start : s.end] == s.text


def test_list_markers_start_sentences_only_after_sentence_punctuation(make_story) -> None:
    text = (
        "Council Agenda\n\n"
        "The council will vote on three items: 1) the library budget. (2) a new bus route. 3. the harbour lease.\n\n"
        "Turnout rose 12.5 percent (up from 10) since the last vote in May.\n"
    )
    texts = [s.text for s in make_story([text]).documents[0].sentences]
    assert any(t.startswith("(2) a new bus route") for t in texts)
    assert any(t.startswith("3. the harbour lease") for t in texts)
    assert any(t.startswith("Turnout rose 12.5 percent (up from 10) since") for t in texts)  # "10)" after "from" is no marker
