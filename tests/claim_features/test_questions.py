"""Open questions (each hedge form) and the answers linked to them: answers, partly answers, none."""

from __future__ import annotations

from collections import Counter

import pytest

from storyline.claim_features.features import TextUnit
from storyline.claim_features.questions import answer_kind, find_questions
from storyline.language.answers import asked_kind

STAGES = ["quotes", "claims", "compare"]


@pytest.mark.parametrize(
    ("sentence", "asked"),
    [
        ("It was not immediately clear what caused the outage at the plant.", "what caused the outage at the plant"),
        ("Prosecutors haven't indicated whether charges will be filed against the driver.", "whether charges will be filed"),
        ("The crash is under investigation.", "The crash is under investigation"),
        ("It remains to be seen whether the truce will hold.", "whether the truce will hold"),
        ("The date of the vote will be decided later.", "The date of the vote will be decided later"),
        ("After that, the case probably will go to the state supreme court.", "the case probably will go"),
        ("Someone may have tampered with the brakes of the bus.", "Someone may have tampered"),
        ("The mayor raised the question of whether the stadium should be sold.", "whether the stadium should be sold"),
    ],
)
def test_each_hedge_form_is_an_open_question(sentence, asked):
    found = find_questions(sentence, 0, len(sentence), [])
    assert len(found) == 1 and found[0].kind == "indirect"
    assert asked in sentence[found[0].start : found[0].end]


def test_a_plain_statement_is_no_open_question():
    s = "The council approved the budget on Tuesday after a long debate."
    assert find_questions(s, 0, len(s), []) == []


def _question(story, words):
    return next(q for q in story.questions if words in q.text)


def test_what_the_fault_was_is_answered_by_the_sentence_that_names_a_fault(run_with_actors):
    a = (
        "The last inspection of the ferry took place in August, when a defect was noted, records show."
        " It was not immediately clear what the defect was.\n\nThe weather was mild."
    )
    b = (
        "The ferry was repainted in August before the summer season, the operator said."
        "\n\nIn August, the ferry was cited for one violation because its bilge pump wasn't working, the agency said."
    )
    story = run_with_actors([a, b], [], stages=STAGES)
    q = _question(story, "defect was")
    assert [s.doc for s in q.answers] == ["d2"] and "bilge pump" in (q.answers[0].text or "")


def test_where_is_answered_by_a_sentence_with_a_place(run_with_actors):
    a = "It was unclear where the stolen truck was when the driver ran off.\n\nThe weather was mild."
    b = (
        "The driver ran off and left the stolen truck, police said."
        "\n\nThe stolen truck was later found behind a warehouse with its engine running, the driver said."
    )
    story = run_with_actors([a, b], [], stages=STAGES)
    q = _question(story, "where the stolen truck")
    kinds = {(s.text or "")[:20]: k for s, k in zip(q.answers, q.answer_kinds, strict=True)}
    assert "The stolen truck was" in kinds  # the sentence with the place is linked
    # a sentence about the truck that gives no place tells only part of it
    assert kinds.get("The driver ran off a", "partly answers") == "partly answers"


def test_a_close_answer_answers_and_a_loose_one_partly_answers(run_with_actors):
    a = "Will the city council approve the new stadium budget on Tuesday?\n\nThe weather was mild."
    b = "The city council will approve the new stadium budget on Tuesday, the mayor said."
    c = "The stadium budget has drawn protests from residents of the east side."
    story = run_with_actors([a, b, c], [], stages=STAGES)
    q = _question(story, "stadium budget")
    kinds = dict(zip([s.doc for s in q.answers], q.answer_kinds, strict=True))
    assert kinds.get("d2") == "answers"
    assert kinds.get("d3") in {None, "partly answers"}


def test_nothing_is_linked_when_no_source_answers(run_with_actors):
    a = "It was not immediately clear what caused the outage at the water plant.\n\nThe weather was mild."
    b = "The library opened a new reading room on Sunday.\n\nThe school board met on Monday to discuss bus routes."
    story = run_with_actors([a, b], [], stages=STAGES)
    assert _question(story, "outage").answers == []


def test_a_fault_word_alone_does_not_make_an_unrelated_sentence_an_answer(run_with_actors):
    a = "It was not immediately clear what the defect in the ferry was.\n\nThe weather was mild."
    b = "A defective traffic light caused delays downtown on Monday."
    story = run_with_actors([a, b], [], stages=STAGES)
    assert _question(story, "defect").answers == []


def test_an_answer_must_tell_what_is_not_known_not_only_the_frame_around_it(run_with_actors):
    # the search is the frame; what is not known is whether the group had accomplices
    a = "The search of the warehouse in Dover is seeking to determine whether the gang had accomplices.\n\nThe weather was mild."
    b = (
        "Detectives were searching a warehouse in Dover on Tuesday morning."
        "\n\nPolice said the gang had two accomplices who drove the van, both arrested on Monday."
    )
    story = run_with_actors([a, b], [], stages=STAGES)
    q = _question(story, "accomplices")
    assert all("searching a warehouse" not in (s.text or "") for s in q.answers)
    assert any("two accomplices" in (s.text or "") for s in q.answers)


def test_a_sentence_saying_what_may_tell_it_later_answers_nothing(run_with_actors):
    a = "Officials have not determined whether the pilot had any heart problems before the crash.\n\nThe weather was mild."
    b = "An autopsy conducted on Friday could shed light on any heart problems of the pilot."
    story = run_with_actors([a, b], [], stages=STAGES)
    assert _question(story, "heart problems before").answers == []


def test_a_sentence_retelling_another_sources_answer_answers_where(run_with_actors):
    # d3 tells what d2 tells (one agreement) in other words than the question's: it answers where, as d2 does
    a = "It was unclear where the stolen truck was when the patrol arrived.\n\nThe weather was mild."
    b = "The stolen truck was parked behind the old grain warehouse near the river, the patrol said."
    c = "Officers found the pickup behind the old grain warehouse near the river, its engine running."
    story = run_with_actors([a, b, c], [], stages=STAGES)
    assert any(len(g.evidence) == 2 and {e.doc for e in g.evidence} == {"d2", "d3"} for g in story.agreements)
    q = _question(story, "where the stolen truck")
    assert [s.doc for s in q.answers] == ["d2", "d3"]
    assert "pickup" in (q.answers[1].text or "")


def test_a_retelling_does_not_answer_a_broad_question(run_with_actors):
    # "whether" asks no kind of thing: a sentence agreeing with a loose answer is no answer of its own
    a = "It remains to be seen whether the stolen truck will be returned to the patrol.\n\nThe weather was mild."
    b = "The stolen truck was parked behind the old grain warehouse near the river, the patrol said."
    c = "Officers found the pickup behind the old grain warehouse near the river, its engine running."
    story = run_with_actors([a, b, c], [], stages=STAGES)
    q = _question(story, "whether the stolen truck")
    assert "d3" not in {s.doc for s in q.answers}


def test_the_kind_of_an_answer_follows_what_the_question_asks_not_a_later_wh_word():
    # "where the truck was *when* the driver jumped" asks a place: a close sentence with a place answers, without a time
    asks = asked_kind("The circumstances of exactly where the truck was when the driver jumped were unclear")
    question = TextUnit("q", "d1", 0, 10, terms=Counter({"truck": 1, "driver": 1}), asks=asks)
    placed = TextUnit("c1", "d2", 0, 10, terms=Counter({"truck": 1, "ditch": 1}), carries=frozenset({"place"}))
    unplaced = TextUnit("c2", "d2", 20, 30, terms=Counter({"truck": 1, "red": 1}))
    assert answer_kind(question, placed, 0.5, 0.0) == "answers"
    assert answer_kind(question, unplaced, 0.5, 0.0) == "partly answers"
    who = TextUnit("q2", "d1", 0, 10, terms=Counter({"@a1": 1, "shot": 1}), asks="person")
    named = TextUnit("c3", "d2", 0, 10, terms=Counter({"@a1": 1, "@a2": 1, "shot": 1}))
    assert answer_kind(who, named, 0.5, 0.0) == "answers"
    assert answer_kind(who, unplaced, 0.5, 0.0) == "partly answers"
