"""Story-level behaviour of the actors stage: one actor per entity across documents, coding, graph."""

from __future__ import annotations

from storyline.actor_index import ActorIndex
from storyline.actors.gazetteer import name_key
from storyline.models import Actor, Story

STAGES = ["clean", "nlp", "actors"]


def _by_name(story: Story, name: str) -> list[Actor]:
    k = name_key(name)
    return [a for a in story.actors if k == name_key(a.name) or k in {name_key(x) for x in a.aliases}]


def test_full_name_surname_and_title_are_one_person_across_documents(make_story) -> None:
    story = make_story(
        [
            "Brazilian President Luiz Inacio Lula da Silva visited Buenos Aires on Monday. Lula said trade would grow.",
            "The Brazilian president later met farmers. He said on Tuesday that prices would fall.",
        ],
        stages=STAGES,
    )
    people = [a for a in story.actors if a.kind == "person"]
    assert len(people) == 1, [a.name for a in people]
    lula = people[0]
    assert lula.country == "BRA" and lula.role == "president"
    docs = {m.doc for m in lula.mentions}
    assert docs == {story.documents[0].id, story.documents[1].id}
    second = story.documents[1]
    he = second.text.index("He said")
    assert ActorIndex(story).at(second.id, he, he + 2) is lula


def test_mentions_reproduce_their_text(make_story) -> None:
    story = make_story(["Japan\u2019s Prime Minister Fumio Kishida met Joe Biden at the White House. Kishida\u2019s aides said talks went well."], stages=STAGES)
    doc = story.documents[0]
    assert story.actors
    for a in story.actors:
        for m in a.mentions:
            assert doc.text[m.start : m.end] == m.text


def test_same_surname_relatives_stay_apart(make_story) -> None:
    story = make_story(
        ["Justin Trudeau praised his father, Pierre Trudeau, in a speech. Trudeau said the country had changed.", "Justin Trudeau left Ottawa on Friday."],
        stages=STAGES,
    )
    justin, pierre = _by_name(story, "Justin Trudeau"), _by_name(story, "Pierre Trudeau")
    assert len(justin) == 1 and len(pierre) == 1 and justin[0] is not pierre[0]
    doc = story.documents[0]
    pos = doc.text.index("Trudeau said")
    assert ActorIndex(story).at(doc.id, pos, pos + 7) is justin[0]


def test_capital_as_agent_and_as_place(make_story) -> None:
    story = make_story(["Ankara warned of consequences. The talks were held in Ankara last week."], stages=STAGES)
    doc = story.documents[0]
    turkey = _by_name(story, "Turkey")
    assert len(turkey) == 1 and turkey[0].kind == "country" and turkey[0].country == "TUR"
    idx = ActorIndex(story)
    first = doc.text.index("Ankara")
    second = doc.text.index("Ankara", first + 1)
    assert idx.at(doc.id, first, first + 6) is turkey[0]
    assert idx.at(doc.id, second, second + 6) is not turkey[0]


def test_acronym_defined_in_parentheses_joins_its_organization(make_story) -> None:
    story = make_story(
        ["The Global Climate Monitoring Alliance (GCMA) met in Oslo. Later the GCMA published its report.", "GCMA experts disagreed."],
        stages=STAGES,
    )
    orgs = _by_name(story, "GCMA")
    assert len(orgs) == 1
    assert name_key(orgs[0].name) == name_key("Global Climate Monitoring Alliance")
    assert len(orgs[0].mentions) >= 3


def test_state_body_gets_its_country_from_a_possessive(make_story) -> None:
    story = make_story(["Turkish President Recep Tayyip Erdogan spoke on Monday, and his Interior Ministry announced arrests."], stages=STAGES)
    bodies = [a for a in story.actors if "interior ministry" in name_key(a.name)]
    assert len(bodies) == 1
    assert bodies[0].country == "TUR" and bodies[0].kind == "organization"


def test_group_names_that_look_like_people_are_groups(make_story) -> None:
    story = make_story(["Fighters of Jaish al-Fatah and Harakat Nour al-Din al-Zenki attacked the base."], stages=STAGES)
    kinds = {a.name: a.kind for a in story.actors}
    assert kinds.get("Jaish al-Fatah") == "group"
    assert all(k != "person" for k in kinds.values()), kinds


def test_photo_credit_and_agency_are_not_actors(make_story) -> None:
    story = make_story(["Prime Minister Kishida speaks in Tokyo. Kim Kyung-Hoon/Reuters", "The minister resigned on Friday, Reuters reported."], stages=STAGES)
    names = {name_key(a.name) for a in story.actors}
    assert "reuters" not in names
    assert not any("kim" in n for n in names), names


def test_relations_are_drawn_with_evidence(make_story) -> None:
    story = make_story(
        ["Russia supports Syria with air strikes. Turkey opposes Russia over the strikes. Iran and Russia negotiated a ceasefire with Turkey."],
        stages=STAGES,
    )
    ids = {a.id: a.name for a in story.actors}
    edges = {(ids[r.source], ids[r.target], r.type) for r in story.relations}
    assert ("Russia", "Syria", "supports") in edges
    assert ("Turkey", "Russia", "opposes") in edges
    for r in story.relations:
        assert r.weight >= 1 and r.evidence
        doc = story.doc(r.evidence[0].doc)
        assert doc.text[r.evidence[0].start : r.evidence[0].end] == r.evidence[0].text


def test_actors_are_ordered_by_prominence(make_story) -> None:
    story = make_story(["Kenya and Uganda signed a deal. Kenya said the deal was fair. Kenya will build the road."], stages=STAGES)
    assert story.actors[0].name == "Kenya"
    assert [a.id for a in story.actors] == [f"a{i + 1}" for i in range(len(story.actors))]


def test_title_of_another_country_is_not_the_named_leader(make_story) -> None:
    story = make_story(["President Joe Biden met farmers in Iowa. Later the French president called to discuss trade."], stages=STAGES)
    doc = story.documents[0]
    pos = doc.text.index("the French president")
    actor = ActorIndex(story).at(doc.id, pos, pos + len("the French president"))
    assert actor is not None and actor.country == "FRA"
    assert name_key(actor.name) != name_key("Joe Biden")


def test_possessed_government_of_an_unknown_country_is_left_alone(make_story) -> None:
    story = make_story(["The Russian government denied it. Meanwhile Donald Trump defended his administration on Monday."], stages=STAGES)
    russia = _by_name(story, "Russia")
    assert len(russia) == 1
    assert "his administration" not in russia[0].aliases


def test_web_page_furniture_is_not_an_actor(make_story) -> None:
    story = make_story(["Replay More Videos\n\nEmail Sign Up for our newsletter\n\nThe mayor of Lyon, Gregory Doucet, opened the bridge."], stages=STAGES)
    names = " ".join(a.name.lower() for a in story.actors)
    assert "video" not in names and "email" not in names and "newsletter" not in names
