"""What a question asks for, and what a sentence carries that could answer it."""

from __future__ import annotations

import pytest

from storyline.language.answers import asked_kind, carried_kinds


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("It was not immediately clear what the defect was", "fault"),
        ("Officials have not said what went wrong with the pumps", "fault"),
        ("The circumstances of exactly where the truck was when the driver jumped were unclear", "place"),
        ("Police did not say where the suspect is being held", "place"),
        ("It is unclear what caused the outage at the plant", "cause"),
        ("The cause of the blaze remains unknown", "cause"),
        ("The club declined to say why the coach was dismissed", "cause"),
        ("The ministry has not said how many ballots were rejected", "figure"),
        ("How much will the repairs cost?", "figure"),
        ("The airline did not say when the flights would resume", "time"),
        ("It is not known who fired the first shot", "person"),
        ("Police have not said whose van the robbers used", "person"),
        ("How large is the crater left by the blast?", "figure"),
        # yes/no, whether and manner questions ask no kind of thing
        ("Will the truce hold?", None),
        ("It was not clear whether charges will be brought", None),
        ("It is too early to say how the talks will end", None),
        ("What are the implications for the harvest?", None),
    ],
)
def test_the_kind_a_question_asks_for(question, kind):
    assert asked_kind(question) == kind


def test_the_wh_word_after_a_hedge_cue_wins_over_a_relative_pronoun_before_it():
    q = "The driver, who was taken to hospital, has not said where the bus was"
    assert asked_kind(q) == "person"
    assert asked_kind(q, q.index("has not said")) == "place"


@pytest.mark.parametrize(
    ("sentence", "kind", "carried"),
    [
        ("The van was stuck between the fourth and fifth floors of the garage.", "place", True),
        ("The van was towed away by the city on Monday.", "place", False),
        ("The ferry was cited because its bilge pump wasn't working.", "fault", True),
        ("The inspectors found a cracked weld on the ferry's hull.", "fault", True),
        ("The ferry sailed on time and the crew was praised.", "fault", False),
        ("The fire started due to a space heater left on overnight.", "cause", True),
        ("The fire spread to three houses on the street.", "cause", False),
    ],
)
def test_what_a_sentence_carries(nlp, sentence, kind, carried):
    assert (kind in carried_kinds(nlp(sentence))) is carried
