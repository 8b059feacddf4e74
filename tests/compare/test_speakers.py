"""The same quotation credited to different speakers by different sources."""

from __future__ import annotations

from storyline.compare.speakers import speaker_conflicts
from storyline.models import Actor, Claim, Mention, Quote, Story

WORDS = "We are cooperating fully with all the authorities to find out what happened on the bridge"


def _story(second_sentence: str, second_speaker: str) -> Story:
    first = f"The Acme Corporation, which runs the bridge, said: “{WORDS}.”"
    second = f"“{WORDS},” {second_sentence}"
    q1, q2 = first.index(WORDS), second.index(WORDS)
    actors = [
        Actor(id="a1", name="Acme Corporation", kind="organization", mentions=[Mention(doc="d1", start=4, end=20, text="Acme Corporation")]),
        Actor(id="a2", name="Ann Lee", kind="person"),
        Actor(id="a3", name="Bolt Holdings", kind="organization"),
    ]
    if "Ann" in second:
        actors[1].mentions.append(Mention(doc="d2", start=second.index("Ann"), end=second.index("Ann") + 7, text="Ann Lee"))
    if "Acme" in second:
        actors[0].mentions.append(Mention(doc="d2", start=second.index("Acme"), end=second.index("Acme") + 16, text="Acme Corporation"))
    if "Bolt" in second:
        actors[2].mentions.append(Mention(doc="d2", start=second.index("Bolt"), end=second.index("Bolt") + 13, text="Bolt Holdings"))
    return Story(
        actors=actors,
        quotes=[
            Quote(speaker="a1", text=WORDS, doc="d1", start=q1, end=q1 + len(WORDS)),
            Quote(speaker=second_speaker, text=WORDS, doc="d2", start=q2, end=q2 + len(WORDS)),
        ],
        claims=[Claim(id="d1.c1", doc="d1", start=0, end=len(first), text=first), Claim(id="d2.c1", doc="d2", start=0, end=len(second), text=second)],
    )


def test_same_words_credited_to_another_company_diverge_on_who_said_them():
    conflicts = speaker_conflicts(_story("said Ann Lee, a spokeswoman for the owner Bolt Holdings.", "a2"), 8)
    assert [(c.claims, c.speakers) for c in conflicts] == [(("d1.c1", "d2.c1"), ("a1", "a2"))]
    assert "cooperating fully" in conflicts[0].words


def test_a_spokeswoman_named_with_the_company_she_speaks_for_is_no_conflict():
    assert speaker_conflicts(_story("said Ann Lee, a spokeswoman for the Acme Corporation.", "a2"), 8) == []


def test_same_speaker_or_too_few_shared_words_is_no_conflict():
    assert speaker_conflicts(_story("the Acme Corporation said.", "a1"), 8) == []
    story = _story("said Ann Lee, a spokeswoman for the owner Bolt Holdings.", "a2")
    story.quotes[1] = story.quotes[1].model_copy(update={"text": "We are cooperating with police"})
    assert speaker_conflicts(story, 8) == []


def test_words_credited_to_a_country_are_no_rival_speaker():
    story = _story("said Ann Lee, a spokeswoman for the owner Bolt Holdings.", "a2")
    story.actors[0] = story.actors[0].model_copy(update={"kind": "country"})
    assert speaker_conflicts(story, 8) == []


def test_each_claim_is_in_one_conflict_and_quotations_sharing_no_run_are_never_paired():
    other = "Nobody on the committee has seen the report that the ministry published last week"
    story = _story("said Ann Lee, a spokeswoman for the owner Bolt Holdings.", "a2")
    d3 = f"“{WORDS},” said Bolt Holdings."
    story.claims.append(Claim(id="d3.c1", doc="d3", start=0, end=len(d3), text=d3))
    story.quotes.append(Quote(speaker="a3", text=WORDS, doc="d3", start=1, end=1 + len(WORDS)))
    story.quotes.append(Quote(speaker="a2", text=other, doc="d3", start=0, end=len(other)))
    conflicts = speaker_conflicts(story, 8)
    # the d1/d2 pair comes first; d3 repeats the words but both claims it would pair with are taken
    assert [(c.claims, c.speakers) for c in conflicts] == [(("d1.c1", "d2.c1"), ("a1", "a2"))]
