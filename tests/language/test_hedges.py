"""Hedged statements of what is not known: each form, and what is not a hedge."""

from __future__ import annotations

import pytest

from storyline.language.hedges import find_hedge


@pytest.mark.parametrize(
    ("text", "kind", "focus"),
    [
        ("It was not immediately clear what caused the outage at the plant.", "unknown", "what"),
        ("It's unclear whether the bridge will reopen before winter.", "unknown", "whether"),
        ("The cause of the blaze remains unknown.", "unknown", None),
        ("The identity of the second driver was still unclear on Sunday.", "unknown", None),
        ("Prosecutors haven't indicated whether charges will be filed.", "not_said", "whether"),
        ("The ministry has not said how many ballots were rejected.", "not_said", "how"),
        ("The club declined to say when the coach would return.", "not_said", "when"),
        ("The airline has not said.", "not_said", None),
        ("It remains to be seen whether the truce will hold.", "phrase", "whether"),
        ("It is too early to say how much the repairs will cost.", "phrase", "how"),
        ("The crash is under investigation, police said.", "phrase", None),
        ("The exact size of the team will be hammered out after the spring meeting.", "deferred", None),
        ("The date of the vote will be decided later.", "deferred", None),
        ("The question for the judges might be whether the contract is binding.", "whether", "whether"),
        ("After that, the case probably will go to the state supreme court.", "likely", None),
        ("Someone may have tampered with the brakes of the bus, police said.", "speculative", "someone"),
        ("An unidentified man might be involved in the theft of the paintings.", "speculative", "an unidentified"),
        ("It was not clear to investigators what caused the derailment.", "unknown", None),
        ("A second test could shed light on the source of the leak.", "phrase", None),
    ],
)
def test_each_hedge_form_is_found(text, kind, focus):
    hedge = find_hedge(text)
    assert hedge is not None and hedge.kind == kind
    if focus is not None:
        assert text[hedge.focus :].lower().startswith(focus)


@pytest.mark.parametrize(
    "text",
    [
        "The bridge reopened on Monday after repairs.",
        "Regardless of whether it rains, the parade will start at noon.",
        "The team will travel whether or not the pitch is ready.",
        "Members will vote on Friday to decide whether to strike.",
        "The mayor said the results were clear.",
        "Big questions remain:",
        "Someone could have been killed, the mayor said after the crash.",
        "I told someone I might leave the club at the end of the season.",
        "Someone may not like the new stadium, but the council approved it.",
        "The two other drivers were not known to the police.",
        "The painter was unknown to most collectors until last year.",
    ],
)
def test_plain_statements_are_no_hedges(text):
    assert find_hedge(text) is None


def test_offsets_are_into_the_whole_text():
    text = "Rain fell. It remains unclear who opened the gate."
    hedge = find_hedge(text, 11)
    assert hedge is not None and text[hedge.focus :].startswith("who")


@pytest.mark.parametrize(
    "text",
    [
        "Students should find their passion, whether they are 30 years old or 15.",
        "Whether for work or for play, the lamps help people sleep.",
    ],
)
def test_alternatives_with_whether_are_no_hedges(text):
    assert find_hedge(text) is None


def test_a_yes_no_question_opens_with_an_auxiliary():
    from storyline.language.hedges import asks_yes_no

    assert asks_yes_no("Did the mayor know about the payment?")
    assert asks_yes_no("\u201cWill the truce hold?")
    assert not asks_yes_no("How many people were evacuated?")
    assert not asks_yes_no("Whatever happened to the plan?")


@pytest.mark.parametrize(
    "text",
    [
        "IT IS UNCLEAR WHETHER THE BRIDGE WILL REOPEN.",
        "The ministry has not said how many ballots were rejected.",
        "Police did not immediately say what caused it, and it remains to be seen whether anyone will be charged.",
        "The final figure will be decided later, officials said.",
        "Someone may have tampered with the brakes.",
        "The fire probably will spread overnight.",
        "It is \u0130MMEDIATELY unclear, and officials have not d\u0130sclosed why.",  # a dotted capital I matches "i" too
        "Whether or not the vote passes, the council meets again in June.",
        "Regardless of whether it rains, the market opens at nine.",
        "The mayor opened the new library on Monday.",
        "Police have not \u017faid whether the driver was hurt.",  # a long s matches "s" when case is ignored
    ],
)
def test_the_cue_gate_finds_what_the_patterns_alone_find(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline.language import hedges

    gated = [find_hedge(text), find_hedge(text, 4, len(text) - 1)]
    # no word groups: every pattern is searched, as without the gate
    monkeypatch.setattr(hedges, "_gates", lambda: {kind: () for kind, _ in hedges._patterns()})
    assert [find_hedge(text), find_hedge(text, 4, len(text) - 1)] == gated


def test_the_cue_gate_skips_a_sentence_with_no_cue_word() -> None:
    from storyline.language.hedges import _gates

    low = "the mayor opened the new library on monday."
    assert not any(all(any(c in low for c in cues) for cues in groups) for groups in _gates().values())
    assert find_hedge("The mayor opened the new library on Monday.") is None
