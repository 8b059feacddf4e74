"""A generated story title: the lead's actor and action, never a quote or a pronoun."""

from __future__ import annotations

STAGES = ["clean", "nlp", "dates"]


def test_generated_title_from_lead_subject_verb_object(make_story) -> None:  # type: ignore[no-untyped-def]
    story = make_story(["LYON, France (Reuters) - The city council closed the old stone bridge on Monday after engineers found cracks."], stages=STAGES)
    assert story.title_generated is True
    assert story.title is not None and story.title.startswith("The city council closed the old stone bridge")
    assert "LYON" not in story.title


def test_reporting_verb_hands_over_to_the_reported_clause(make_story) -> None:  # type: ignore[no-untyped-def]
    story = make_story(["A federal agency said Wednesday that the football players can form a union at the school."], stages=STAGES)
    assert story.title is not None and story.title.lower().startswith("the football players can form a union")


def test_quote_and_pronoun_leads_are_skipped(make_story) -> None:  # type: ignore[no-untyped-def]
    story = make_story(
        [
            '"We are shocked by what happened here," a neighbour said on Tuesday. He said the lift had failed twice.',
            "The building's owner closed both lifts on Wednesday after the accident in the tower.",
        ],
        stages=STAGES,
    )
    assert story.title is not None and story.title.startswith("The building's owner closed both lifts")


def test_a_headline_wins_over_a_generated_title(make_story) -> None:  # type: ignore[no-untyped-def]
    story = make_story(
        ["Bridge Closed After Cracks Found\n\nThe city council closed the old bridge on Monday after engineers found cracks.\n\nRepairs will take a year.\n\nThe mayor apologised."],
        stages=STAGES,
    )
    assert (story.title, story.title_generated) == ("Bridge Closed After Cracks Found", False)
