"""Definite descriptions of people linked to the one person the text identifies (actors stage)."""

from __future__ import annotations

from storyline.actor_index import ActorIndex
from storyline.models import Story

STAGES = ["clean", "nlp", "actors"]


def _at(story: Story, doc: int, words: str) -> str | None:
    d = story.documents[doc]
    pos = d.text.index(words)
    actor = ActorIndex(story).at(d.id, pos, pos + len(words))
    return actor.name if actor else None


def test_age_description_goes_to_the_person_of_that_age(make_story) -> None:
    story = make_story(
        ["Maria Lopez, 33, was arrested on Friday in Dallas. Police said the 33-year-old had fled the scene."], stages=STAGES
    )
    assert _at(story, 0, "the 33-year-old") == "Maria Lopez"


def test_age_shared_by_two_people_stays_unlinked(make_story) -> None:
    story = make_story(
        ["Maria Lopez, 33, and Tom Green, 33, were arrested on Friday in Dallas. Police said the 33-year-old had fled."], stages=STAGES
    )
    assert _at(story, 0, "the 33-year-old") is None


def test_possessed_role_goes_to_the_owner_s_named_holder(make_story) -> None:
    # "her lawyer" is the lawyer of the woman, not the man's lawyer
    story = make_story(
        [
            "Ms. Rosa Vega sued Mr. Tom Green on Monday. Her lawyer, Ed Lane, filed the papers. "
            "Green's lawyer, Hal Ward, called the suit baseless.",
            "Ms. Vega spoke to reporters on Tuesday. Her lawyer said the case would go to trial.",
        ],
        stages=STAGES,
    )
    assert _at(story, 1, "Her lawyer") == "Ed Lane"


def test_the_only_holder_of_a_role(make_story) -> None:
    story = make_story(
        ["Adult film actress Nia Poole sued the studio on Monday.", "The studio said the actress had signed the contract."], stages=STAGES
    )
    assert _at(story, 1, "the actress") == "Nia Poole"


def test_institution_description_prefers_the_organization_called_that_kind(make_story) -> None:
    # two associations; only one is called a union, and "the union" is it even when the other was named last
    story = make_story(
        [
            "Behind the effort is the Transit Workers Association, a union funded by drivers. "
            "The National Taxi Association opposed the plan on Monday. The union said it would appeal."
        ],
        stages=STAGES,
    )
    assert _at(story, 0, "The union") == "Transit Workers Association"
