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


def test_a_former_holder_is_not_her_lawyer(make_story) -> None:
    # Sanchez has a lawyer and a former lawyer: "her lawyer" is the present one only
    story = make_story(
        [
            "Maria Sanchez sued the city of Denver on Monday. Her lawyer, John Miller, filed the papers. "
            "Sanchez's former lawyer, Robert Hayes, declined to comment.",
            "Maria Sanchez spoke to reporters on Tuesday. Her lawyer said the case would go to trial.",
        ],
        stages=STAGES,
    )
    assert _at(story, 1, "Her lawyer") == "John Miller"


def test_a_title_before_a_name_is_the_role_of_the_name_not_of_its_first_name(make_story) -> None:
    # "Garcia attorney John Miller": the title's owner is the word before it (Garcia), never the name's first name (John)
    story = make_story(
        [
            "Maria Garcia was charged in Denver on Monday. Garcia attorney John Miller said she would plead not guilty.",
            "Maria Garcia appeared in court on Tuesday. Garcia's lawyer asked for a delay.",
        ],
        stages=STAGES,
    )
    assert _at(story, 1, "Garcia's lawyer") == "John Miller"


def test_a_relative_the_article_named_before_is_not_his_new_relative(make_story) -> None:
    # Ann Brandt was named first: "his wife" brings in someone new, whom the article does not name
    story = make_story(
        [
            "A fire gutted a house in Toledo on Friday. \n\n"
            "Ann Brandt, 70, said the smoke woke her. \n\n"
            "\u201cIt spread in minutes,\u201d said her son, Paul Brandt, 40. \n\n"
            "His wife said the alarms never went off. \n\n"
            "\u201cWe barely got out,\u201d said Ann Brandt."
        ],
        stages=STAGES,
    )
    assert _at(story, 0, "His wife") is None


def test_a_name_given_by_identified_as_names_the_description(make_story) -> None:
    story = make_story(
        [
            "A small plane crashed near Reno on Sunday. The pilot, identified by officials as Omar Haddad, was taken to a hospital. "
            "Haddad had flown for years. Investigators said the pilot had reported engine trouble."
        ],
        stages=STAGES,
    )
    assert _at(story, 0, "the pilot had") == "Omar Haddad"


def test_his_wife_is_the_one_who_shares_his_surname_nearby(make_story) -> None:
    story = make_story(
        [
            "A fire gutted a house in Toledo on Friday. \n\n"
            "\u201cIt spread in minutes,\u201d said Paul Brandt, 40, who lives next door. \n\n"
            "His wife said the alarms never went off. \n\n"
            "\u201cWe barely got the kids out,\u201d said Nora Brandt, 38."
        ],
        stages=STAGES,
    )
    assert _at(story, 0, "His wife") == "Nora Brandt"


def test_his_wife_stays_unlinked_when_no_one_nearby_shares_his_surname(make_story) -> None:
    story = make_story(
        [
            "A fire gutted a house in Toledo on Friday. \n\n"
            "\u201cIt spread in minutes,\u201d said Paul Brandt, 40, who lives next door. \n\n"
            "His wife said the alarms never went off. \n\n"
            "\u201cWe barely got the kids out,\u201d said Nora Quinn, 38."
        ],
        stages=STAGES,
    )
    assert _at(story, 0, "His wife") is None


def test_the_parent_of_an_unnamed_child_is_the_story_s_one_parent_of_nobody_named(make_story) -> None:
    story = make_story(
        [
            "A toddler was hurt at a Denver park on Saturday. The father, identified by police as Rafael Ortiz, was questioned.",
            "The boy's father told officers the swing broke.",
        ],
        stages=STAGES,
    )
    assert _at(story, 1, "The boy's father") == "Rafael Ortiz"


def test_a_parent_of_some_other_child_is_not_the_child_s_parent(make_story) -> None:
    # Ortiz is the father of "a 3-year-old girl": someone else's father, never "the boy's father"
    story = make_story(
        [
            "A toddler was hurt at a Denver park on Saturday. Rafael Ortiz, the father of a 3-year-old girl, saw the swing fall.",
            "The boy's father told officers the swing broke.",
        ],
        stages=STAGES,
    )
    assert _at(story, 1, "The boy's father") is None


def test_an_epithet_goes_to_the_person_named_just_before(make_story) -> None:
    story = make_story(
        [
            "A water main burst in Queens on Monday. \n\n"
            "Resident Dana Whitfield, 33, watched the street flood from her porch. \n\n"
            "\u201cIt was terrifying,\u201d said the nurse and mother of three."
        ],
        stages=STAGES,
    )
    assert _at(story, 0, "the nurse and mother of three") == "Dana Whitfield"


def test_a_plain_description_is_no_epithet(make_story) -> None:
    # "the nurse" with nothing more may be anybody: no link to the resident named before
    story = make_story(
        [
            "A water main burst in Queens on Monday. \n\n"
            "Resident Dana Whitfield, 33, watched the street flood from her porch. \n\n"
            "\u201cIt was terrifying,\u201d said the nurse."
        ],
        stages=STAGES,
    )
    assert _at(story, 0, "the nurse") is None


def test_an_epithet_with_two_people_named_before_stays_unlinked(make_story) -> None:
    story = make_story(
        [
            "A water main burst in Queens on Monday. \n\n"
            "Dana Whitfield and Chris Molina watched the street flood. \n\n"
            "\u201cIt was terrifying,\u201d said the nurse and parent of three."
        ],
        stages=STAGES,
    )
    assert _at(story, 0, "the nurse and parent of three") is None


def test_the_neighbor_of_one_article_is_not_the_neighbor_another_names(make_story) -> None:
    story = make_story(
        ["Shots rang out in Tulsa on Friday night. Neighbor Rita Gomez, 50, called police.", "Police arrived within minutes. The neighbor said the street had been quiet."],
        stages=STAGES,
    )
    assert _at(story, 1, "The neighbor") is None


def test_a_role_holder_named_in_passing_is_not_the_article_s_subject(make_story) -> None:
    # the article is about Dolan; the only person the text calls a painter is his cousin, named once
    story = make_story(
        [
            "Mark Dolan died on Monday in Boston. Dolan was 71. Dolan, who founded a gallery, was remembered by his cousin, "
            "painter Leo Vance. Dolan opened the gallery in 1980, and Dolan ran it for decades. Friends said the painter had never retired."
        ],
        stages=STAGES,
    )
    assert _at(story, 0, "the painter had") is None


def test_two_people_under_one_article_are_no_epithet(make_story) -> None:
    story = make_story(
        [
            "A gunman opened fire at a school in Fresno on Monday. \n\n"
            "Resident Dana Whitfield, 33, heard the shots from her porch. \n\n"
            "The teacher and student were taken to a hospital."
        ],
        stages=STAGES,
    )
    assert _at(story, 0, "The teacher and student") is None
