"""Which sentences may enter a brief, and what the scorer learns about them."""

from __future__ import annotations

from storyline.summarize.candidates import collect_candidates, is_standalone

TEXT = """Council Approves New Budget

LONDON (Reuters) — The city council approved a budget of 4 billion pounds on Monday after a long debate.
What does this mean for local taxes?
Read the full report at https://example.com/budget-report for all the details of the plan.
But critics said the plan would cut funding for libraries across the city.
The council leader said "this is a budget for everyone" as members voted.
Spending on roads will rise by ten percent next year, according to the plan."""


def test_standalone_rejects_questions_fragments_and_links() -> None:
    assert is_standalone("The city council approved a budget of 4 billion pounds on Monday.")
    assert not is_standalone("What does this mean for local taxes for everybody here?")
    assert not is_standalone("Read the full report at https://example.com/x for all details.")
    assert not is_standalone("Too short.")
    assert not is_standalone("the sentence starts in the middle of something else entirely.")
    assert not is_standalone("A sentence that never ends and runs on past the edge of the line")


def test_candidates_trim_dateline_and_keep_exact_spans(parsed) -> None:
    story, ctx = parsed([TEXT])
    cands = collect_candidates(story, ctx)
    texts = [c.text for c in cands]
    assert any(t.startswith("The city council approved") for t in texts)
    assert not any("LONDON" in t for t in texts)
    assert not any("?" in t or "https" in t for t in texts)
    doc = story.doc("d1")
    for c in cands:
        assert doc.text[c.start : c.end] == c.text
        assert c.words == len(c.text.split())


def test_candidate_features(parsed) -> None:
    story, ctx = parsed([TEXT])
    by_start = {c.text.split()[0]: c for c in collect_candidates(story, ctx)}
    assert by_start["But"].dangling
    assert not by_start["The"].dangling
    assert by_start["Spending"].terms and all(t == t.lower() for t in by_start["Spending"].terms)
    quoted = next(c for c in collect_candidates(story, ctx) if "everyone" in c.text)
    assert 0.2 < quoted.quoted < 0.8
    # positions follow document order
    positions = [c.position for c in collect_candidates(story, ctx)]
    assert positions == sorted(positions)


def test_open_quotation_reads_the_marks_left_open() -> None:
    from storyline.summarize.candidates import open_quotation

    assert open_quotation('The mayor said: \u201cWe will rebuild. ') == "curly"
    assert open_quotation('"We will rebuild," the mayor said. ') is None
    assert open_quotation('"We will rebuild. ') == "straight"
    assert open_quotation("``We will rebuild,'' the mayor said. ") is None  # AP's marks
    assert not is_standalone("Staff writer Dana Whitlock contributed to this report.")
