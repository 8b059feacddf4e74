"""Claims: voice, speaker and type of each statement; questions a source raises."""

from __future__ import annotations

from ..conftest import HandActor

SMITH = HandActor("John Smith", "person", ("John Smith", "Smith"))
RUSSIA = HandActor("Russia", "country", ("Russia", "Moscow"))
ARMY = HandActor("the army", "organization", ("The army", "the army"))


def _claim(story, words):
    hits = [c for c in story.claims if words in c.text]
    assert hits, f"no claim with {words!r}: {[c.text for c in story.claims]}"
    return hits[0]


def test_claim_types_follow_modals(run_with_actors):
    text = (
        "The government must act now to protect the coast.\n\n"
        "Sea levels will rise by a metre within the next century.\n\n"
        "The old bridge collapsed into the river on Monday afternoon."
    )
    story = run_with_actors([text], [], stages=["quotes", "claims"])
    assert _claim(story, "must act").type == "prescription"
    assert _claim(story, "will rise").type == "prediction"
    assert _claim(story, "collapsed").type == "assertion"
    assert all(c.voice == "outlet" and c.speaker is None for c in story.claims)


def test_reported_claim_is_attributed_to_the_speaker(run_with_actors):
    text = "John Smith said the city budget had been balanced for the first time in a decade."
    story = run_with_actors([text], [SMITH], stages=["quotes", "claims"])
    claim = _claim(story, "budget")
    names = {a.id: a.name for a in story.actors}
    assert claim.voice == "attributed" and claim.cue == "said"
    assert names[claim.speaker] == "John Smith"


def test_belief_is_attributed_to_the_believer(run_with_actors):
    text = "Moscow believes these objectives have been achieved after months of fighting."
    story = run_with_actors([text], [RUSSIA], stages=["quotes", "claims"])
    claim = _claim(story, "objectives")
    assert claim.voice == "attributed" and claim.speaker is not None
    assert story.actor(claim.speaker).name == "Russia"


def test_unnamed_speaker_keeps_its_words_but_no_actor(run_with_actors):
    text = "A senior official said the talks would resume in Geneva next week."
    story = run_with_actors([text], [SMITH], stages=["quotes", "claims"])
    claim = _claim(story, "talks")
    assert claim.voice == "attributed" and claim.speaker is None
    assert claim.speaker_text and "official" in claim.speaker_text
    assert claim.type == "prediction"


def test_numbered_question_list_gives_one_question_each(run_with_actors):
    text = "Big questions remain: 1) How much will the rebuilding cost? 2) Who will pay for the new bridge?"
    story = run_with_actors([text], [], stages=["quotes", "claims"])
    texts = [q.text for q in story.questions]
    assert texts == ["How much will the rebuilding cost?", "Who will pay for the new bridge?"]
    assert not [c for c in story.claims if "?" in c.text]


def test_indirect_question(run_with_actors):
    text = "It remains unclear whether the ceasefire will hold through the winter."
    story = run_with_actors([text], [], stages=["quotes", "claims"])
    assert [q.kind for q in story.questions] == ["indirect"]
    assert story.questions[0].text == "It remains unclear whether the ceasefire will hold through the winter"


def test_hedge_question_is_its_clause(run_with_actors):
    text = "The fire destroyed two warehouses, but it was not immediately clear what started it; crews stayed overnight."
    story = run_with_actors([text], [], stages=["quotes", "claims"])
    assert [q.text for q in story.questions] == ["it was not immediately clear what started it"]


def test_question_inside_someones_quote_is_not_the_sources(run_with_actors):
    text = "\u201cWho will pay for all of this?\u201d asked John Smith at the meeting on Monday."
    story = run_with_actors([text], [SMITH], stages=["quotes", "claims"])
    assert story.questions == []


def test_spans_reproduce_text(run_with_actors):
    text = "The army must leave. Will it? It remains to be seen whether the army will comply with the order."
    story = run_with_actors([text], [ARMY], stages=["quotes", "claims"])
    for item in [*story.claims, *story.questions]:
        assert story.doc(item.doc).text[item.start : item.end] == item.text


def test_question_to_the_reader_is_no_open_question(run_with_actors):
    text = "Think you can spot the difference? Will the council approve the new budget before the summer recess?"
    story = run_with_actors([text], [], stages=["quotes", "claims"])
    assert [q.text for q in story.questions] == ["Will the council approve the new budget before the summer recess?"]


def test_an_appeal_to_the_reader_is_no_claim(run_with_actors):
    text = (
        "Please help us to provide a permanent home for the mountain guides of the valley.\n\n"
        "Sign up for our newsletter to get the latest news every morning.\n\n"
        "The guides built a new hut below the glacier last summer."
    )
    story = run_with_actors([text], [], stages=["quotes", "claims"])
    assert [c.text for c in story.claims] == ["The guides built a new hut below the glacier last summer."]


def test_hedge_question_ends_at_the_next_clause_and_asks_without_its_cue(run_with_actors):
    text = "There were many questions left unanswered, including whether the strike would spread, but the union was hopeful."
    story = run_with_actors([text], [], stages=["quotes", "claims"])
    assert [q.text for q in story.questions] == ["There were many questions left unanswered, including whether the strike would spread"]


def test_the_clause_after_a_hedged_question_is_a_claim(run_with_actors):
    text = "It's unclear what the mayor meant; the contractor is not named in the order signed by the judge."
    story = run_with_actors([text], [], stages=["quotes", "claims"])
    assert [q.text for q in story.questions] == ["It's unclear what the mayor meant"]
    assert [c.text for c in story.claims] == ["the contractor is not named in the order signed by the judge."]
    assert all(story.documents[0].text[c.start : c.end] == c.text for c in story.claims)


def test_a_caption_states_facts_but_a_caption_fragment_does_not(run_with_actors):
    text = (
        "Flood waters rose overnight in the valley.\n\n"
        "The boy fell eight stories from the 23rd floor of the tower on Elm Street. (Jane Roe/The Daily Item)\n\n"
        "Charged with selling alcohol to minors at the fair. (Jane Roe/The Daily Item)\n\n"
        "Rescuers worked through the night to reach the stranded families."
    )
    story = run_with_actors([text], [], stages=["quotes", "claims"])
    doc = story.documents[0]
    assert any("23rd floor" in c for c in doc.captions), "the cleaner keeps the line as a caption"
    texts = [c.text for c in story.claims]
    assert any(t.startswith("The boy fell eight stories") for t in texts)
    assert not any(t.startswith("Charged with") for t in texts)


def test_what_a_factive_question_takes_for_granted_is_a_claim(run_with_actors):
    text = (
        "Reporters asked one question on Monday: Did the mayor know that her aide paid the contractor $40,000 for the bridge?\n\n"
        "Will the bridge open before the winter storms arrive in the valley?"
    )
    story = run_with_actors([text], [], stages=["quotes", "claims"])
    texts = [c.text for c in story.claims]
    assert "her aide paid the contractor $40,000 for the bridge" in texts
    assert not any("winter storms" in t for t in texts)  # no factive predicate: nothing is taken for granted
    assert len(story.questions) == 2


def test_a_photo_caption_repeated_with_its_credit_is_no_claim(run_with_actors):
    caption = "The mayor, center, and her deputy, left, meet reporters outside the town hall on Monday."
    text = (
        f"{caption}\n\n{caption} Jane Roe/The Daily Item\n\n"
        "The town council voted on Monday to close the old bridge for repairs.\n\n"
        "Engineers said the repairs would take about six weeks to finish."
    )
    story = run_with_actors([text], [], stages=["quotes", "claims"])
    assert story.documents[0].captions == [caption], "the cleaner keeps one copy as a caption"
    assert not any("deputy" in c.text for c in story.claims)
