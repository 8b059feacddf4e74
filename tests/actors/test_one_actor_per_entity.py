"""One actor per entity: alias wording, organization spelling variants, relatives, bylines."""

from __future__ import annotations

import pytest

from storyline.actor_index import ActorIndex
from storyline.actors.gazetteer import name_key
from storyline.actors.recognize import is_contributor_line
from storyline.actors.resolve import org_variant
from storyline.models import Actor, Story

STAGES = ["clean", "nlp", "actors"]


def _by_name(story: Story, name: str) -> list[Actor]:
    k = name_key(name)
    return [a for a in story.actors if k == name_key(a.name) or k in {name_key(x) for x in a.aliases}]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("department of housing", "housing department"),
        ("coastal workers assn", "coastal workers association"),
        ("harbor elevator co", "harbor elevator"),
        ("international skating union", "international skating unions"),
    ],
)
def test_org_variants_share_a_key(a: str, b: str) -> None:
    assert org_variant(a) == org_variant(b)


def test_org_variants_keep_different_names_apart() -> None:
    assert org_variant("department of housing") != org_variant("department of health")


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("With Maria Okafor, Jon Tull and Priya Das", True),
        ("By Lena Hart", True),
        ("Associated Press writer Omar Reyes in Denver contributed to this report.", True),
        ("By the end of the week, Hart had resigned.", False),
        ("With the vote done, the council adjourned.", False),
        ("The writers contributed to the fund.", False),
    ],
)
def test_contributor_lines(line: str, credit: bool) -> None:
    assert is_contributor_line(line) is credit


def test_contributor_names_are_not_actors(make_story) -> None:
    story = make_story(
        ["Mayor Gina Holt said the bridge would reopen on Friday, after repairs that cost $2 million.\n\nWith Pavel Ostrova, Dana Quill"],
        stages=STAGES,
    )
    assert _by_name(story, "Gina Holt")
    assert not _by_name(story, "Pavel Ostrova") and not _by_name(story, "Dana Quill")


@pytest.mark.parametrize(
    "text",
    [
        "Jolene Marsh, whose real name is Carla Benning, sued the studio on Monday. Benning said the contract was void. Marsh has two films out.",
        "Carla Benning, who goes by Jolene Marsh, sued the studio on Monday. Benning said the contract was void. Marsh has two films out.",
        "Carla Benning (aka Jolene Marsh) sued the studio on Monday. Benning said the contract was void. Marsh has two films out.",
    ],
)
def test_alias_wording_makes_one_person(make_story, text: str) -> None:
    story = make_story([text], stages=STAGES)
    marsh, benning = _by_name(story, "Jolene Marsh"), _by_name(story, "Carla Benning")
    assert marsh and benning and marsh[0] is benning[0], [(a.name, a.aliases) for a in story.actors]


def test_org_spelled_two_ways_is_one_actor(make_story) -> None:
    story = make_story(
        [
            "The Department of Housing inspected the tower in May. Inspectors from the Housing Department returned on Friday.",
            "Harbor Elevator Co. sent a mechanic. Harbor said it would cooperate with the inquiry.",
        ],
        stages=STAGES,
    )
    housing = _by_name(story, "Department of Housing")
    assert len(housing) == 1 and housing[0] is _by_name(story, "Housing Department")[0]
    harbor = _by_name(story, "Harbor Elevator Co.")
    assert len(harbor) == 1 and any(m.text == "Harbor" for m in harbor[0].mentions)


def test_bare_surname_goes_to_the_relative_just_named(make_story) -> None:
    # the boy is the story's most mentioned Haddad; "Haddad told reporters" follows his grandfather's full name
    story = make_story(
        [
            "Sami Haddad, 4, fell from a window on Monday. Sami Haddad was taken to a hospital. Sami Haddad is recovering.",
            "Omar Haddad, 70, the boy's grandfather, arrived at noon. Haddad told reporters the family was grateful.",
        ],
        stages=STAGES,
    )
    omar, sami = _by_name(story, "Omar Haddad"), _by_name(story, "Sami Haddad")
    assert len(omar) == 1 and len(sami) == 1 and omar[0] is not sami[0]
    doc = story.documents[1]
    pos = doc.text.index("Haddad told")
    assert ActorIndex(story).at(doc.id, pos, pos + 6) is omar[0]


def test_relatives_share_their_family_country(make_story) -> None:
    story = make_story(
        ["Peruvian President Lucio Mardones spoke on Monday. His brother, Anselmo Mardones, runs a bank in Lima. Anselmo Mardones declined to comment."],
        stages=STAGES,
    )
    lucio, anselmo = _by_name(story, "Lucio Mardones"), _by_name(story, "Anselmo Mardones")
    assert len(lucio) == 1 and len(anselmo) == 1 and lucio[0] is not anselmo[0]
    assert lucio[0].country == "PER" and anselmo[0].country == "PER"


def test_descriptions_and_later_names_link_to_the_institution(make_story) -> None:
    story = make_story(
        [
            "Lakeview University said on Monday it would appeal the ruling. The school announced the decision in a statement.\n\n"
            "Harbor Elevator Co. sent a mechanic. A woman who answered the phone at Harbor said the company had no comment.\n\n"
            "Harbor is the subject of two inspections."
        ],
        stages=STAGES,
    )
    doc = story.documents[0]
    index = ActorIndex(story)
    school = doc.text.index("The school")
    uni = index.at(doc.id, school, school + 10)
    assert uni is not None and uni.name.startswith("Lakeview")
    last = doc.text.rindex("Harbor is")
    harbor = index.at(doc.id, last, last + 6)
    assert harbor is not None and "Harbor" in harbor.name


def test_description_with_no_fitting_actor_stays_unlinked(make_story) -> None:
    story = make_story(["Mayor Gina Holt spoke on Monday. The school will reopen on Friday."], stages=STAGES)
    doc = story.documents[0]
    pos = doc.text.index("The school")
    assert ActorIndex(story).at(doc.id, pos, pos + 10) is None
