"""Speaker patterns beyond the table: pronouns by gender and salience, dashes, colon paragraphs,
documents, beside-verbs, descriptions that become actors, titles that are not quotations."""

from __future__ import annotations

import pytest

from ..conftest import HandActor

ROE = HandActor("Ann Roe", "person", ("Ann Roe", "Ms. Roe", "Roe"))
PARK = HandActor("Tom Park", "person", ("Tom Park", "Park"))
LANE = HandActor("Ed Lane", "person", ("Ed Lane", "Lane"))
WARD = HandActor("Hal Ward", "person", ("Hal Ward", "Ward"))
ACME = HandActor("Acme Realty", "organization", ("Acme Realty",))
VEGA = HandActor("Rosa Vega", "person", ("Rosa Vega", "Vega"))
POOLE = HandActor("Nia Poole", "person", ("Nia Poole", "Poole"))

CASES = [
    # "she" skips the nearer man; gender from an honorific elsewhere in the text
    ("pronoun-she-skips-man", "Ms. Roe met Tom Park on Monday. Park showed her the plans.\n\n\u201cWe start in May,\u201d she said.",
     [ROE, PARK], [("We start in May,", "Ann Roe")]),
    # the last speaker-subject, not the last name: a man named inside the attribution sentence does not take "he"
    ("pronoun-salience-speaker", "Ed Lane, a former governor, said the race was close. \u201cNobody will quit,\u201d Lane said. "
     "Lane added that Hal Ward's plan was weak.\n\n\u201cThere is no chance the party will change course,\u201d he said.",
     [LANE, WARD], [("There is no chance", "Ed Lane")]),
    # gender the text itself shows: a "she" subject right after the only person named
    ("pronoun-gender-from-text", "Rosa Vega filed the papers on Friday. She says the deal is void. Tom Park disagreed.\n\n"
     "\u201cThis is not over,\u201d she said.", [VEGA, PARK], [("This is not over,", "Rosa Vega")]),
    # dash attribution, as in vox-pop lists
    ("dash-attribution", "\u201cThe debate changed my mind. I will vote in November.\u201d \u2015 Nia Poole\n\n"
     "\u201cIt changed nothing for me.\u201d \u2014 Tom Park", [POOLE, PARK],
     [("The debate changed my mind.", "Nia Poole"), ("It changed nothing for me.", "Tom Park")]),
    # a paragraph ending in a colon announces the next paragraph's quotation
    ("colon-paragraph", "Park took questions after the vote. He said:\n\n\u201cWe will appeal, and we will win on appeal.\u201d",
     [PARK], [("We will appeal", "Tom Park")]),
    ("colon-paragraph-continued", "\u201cThe count is wrong,\u201d said Tom Park. Park continued:\n\n\u201cWe will ask for a recount in every county.\u201d",
     [PARK], [("We will ask for a recount", "Tom Park")]),
    # continuation stops when someone else is named in between
    ("continuation-blocked-by-new-name", "\u201cWe will rebuild,\u201d Park said. Ed Lane, the mayor, was not convinced.\n\n"
     "\u201cThe town deserves better than promises.\u201d", [PARK, LANE], [("The town deserves better", None)]),
    # ... but not by a name inside the previous quote's own attribution
    ("continuation-past-attribution-names", "\u201cThe market is cynical,\u201d said Tom Park, who introduced Ed Lane to his bankers. "
     "\u201cBut passion counts for a lot in this business.\u201d", [PARK, LANE], [("But passion counts", "Tom Park")]),
    ("continuation-bracketed-start", "\u201cShe is in the hospital,\u201d Park told reporters. \u201c[It] breaks my heart. She is only two.\u201d",
     [PARK], [("breaks my heart", "Tom Park")]),
    # a document speaks for whoever made it
    ("letter-reads", "Acme Realty handed out a letter to tenants on Thursday.\n\n\u201cWe are all saddened by this loss,\u201d reads the letter.",
     [ACME], [("We are all saddened", "Acme Realty")]),
    ("lawsuit-says", "Rosa Vega filed a lawsuit against the city on Monday. The suit says officials \u201cignored every warning they were given.\u201d",
     [VEGA], [("ignored every warning", "Rosa Vega")]),
    ("lawsuit-possessor", "The city answered on Tuesday. Vega\u2019s lawsuit says the permit was \u201cissued in bad faith.\u201d",
     [VEGA], [("issued in bad faith", "Rosa Vega")]),
    # a speaker the actors did not list becomes an actor of its own
    ("after-cue-with-determiner", "\u201cI will never forget it,\u201d said one exhausted firefighter after the rescue.",
     [PARK], [("I will never forget it,", "one exhausted firefighter")]),
    ("unnamed-neighbor", "A neighbor said the family was asleep. \u201cThey were screaming for help,\u201d the neighbor added.",
     [PARK], [("They were screaming for help,", "the neighbor")]),
    # titles, shows and numbers are not quotations; a short quote with its cue right after still is
    ("show-title", "Park told NBC\u2019s \u201cToday\u201d that he would run again.", [PARK], [("Today", "<dropped>")]),
    ("headline-case-title", "Park appeared on \u201cFace the Nation,\u201d where he defended the plan.", [PARK], [("Face the Nation", "<dropped>")]),
    ("ordinal-number", "The vote is set for the \u201c13th\u201d of June.", [PARK], [("13th", "<dropped>")]),
    # a date after the cue is not a speaker
    ("date-is-not-a-speaker", "\u201cWe will find who did this,\u201d the police chief said Monday.", [PARK],
     [("We will find who did this,", "the police chief")]),
    ("short-answer-with-cue", "\u201cNo,\u201d said Park.", [PARK], [("No,", "Tom Park")]),
    # a name before the cue and a date after it
    ("name-before-cue-date-after", "\u201cWe will get to the bottom of this,\u201d police Chief Tom Park said Monday.", [PARK],
     [("We will get to the bottom", "Tom Park")]),
    # a continuation whose sentence ends in a nested single quotation mark
    ("continuation-nested-close", "\u201cThat speech went beyond the room,\u201d said Ann Roe, the party chair. "
     "\u201cIt was the president saying, \u2018Don\u2019t leave it on the field.\u2019\u201d", [ROE],
     [("It was the president saying", "Ann Roe")]),
    # a short sentence continues in the same paragraph
    ("continuation-short-same-paragraph", "\u201cI would,\u201d Roe said to the crowd. \u201cI would, Tom.\u201d", [ROE, PARK],
     [("I would, Tom.", "Ann Roe")]),
    # a nickname in quotation marks does not break the chain of who is speaking
    ("continuation-past-nickname", "\u201cThis is a big year!\u201d Roe shouted from the \u201cunity\u201d stage. "
     "\u201cThe nation is watching this state. We have to show that we have his back.\u201d", [ROE],
     [("The nation is watching", "Ann Roe")]),
    # the quoted words are never their own speaker ("you" inside the quotation)
    ("subject-inside-quote", "\u201cWe need answers,\u201d Park said, suggesting a question: \u201cDo you really think that billionaires "
     "need a tax break?\u201d", [PARK], [("Do you really think", "Tom Park")]),
    # a participle after its object: the object speaks
    ("participle-after-object", "The ad uses footage of Rosa Vega asking, \u201cWhy aren\u2019t I fifty points ahead, you might ask?\u201d",
     [VEGA], [("fifty points ahead", "Rosa Vega")]),
    # a reporting verb heads the sentence, the quote is deep in a relative clause
    ("sentence-cue", "Park called Roe a \u201cliar\u201d who is \u201cutterly without principle,\u201d and a \u201cnarcissist at a level "
     "nobody has seen.\u201d", [PARK, ROE], [("narcissist at a level", "Tom Park")]),
    # a characterization by an active verb's named subject
    ("characterized-as", "In recent weeks, Roe has gone after Park as a \u201chuman leech who will bleed the country.\u201d", [ROE, PARK],
     [("human leech", "Ann Roe")]),
    # a quote right after a reported statement of the same paragraph
    ("previous-sentence-statement", "The board may wait until the vote is over, Roe said. \u201cThe other factor is the appearance "
     "of taking sides in the race.\u201d", [ROE], [("The other factor", "Ann Roe")]),
    # a name, a long apposition, then the cue
    ("name-apposition-cue", "\u201cThis narrative is everywhere,\u201d Nia Poole, the executive director at the Center for Media "
     "Justice and a voice in the film, told reporters.", [POOLE], [("This narrative is everywhere", "Nia Poole")]),
]


@pytest.mark.parametrize(("text", "actors", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_attribution(run_with_actors, text, actors, expected) -> None:
    story = run_with_actors([text], actors)
    names = {a.id: a.name for a in story.actors}
    got = [(q.text, names.get(q.speaker) if q.speaker else None) for q in story.quotes]
    for words, speaker in expected:
        hits = [g for g in got if words in g[0] or g[0] in words]
        if speaker == "<dropped>":
            assert not hits, f"{words!r} is a name, not a quotation; got {got}"
            continue
        assert hits, f"no quote containing {words!r}; got {got}"
        assert hits[0][1] == speaker, f"{words!r}: speaker {hits[0][1]!r}, expected {speaker!r}; got {got}"


def test_created_speaker_has_its_mention(run_with_actors) -> None:
    text = "\u201cWe heard a crash,\u201d said a witness."
    story = run_with_actors([text], [PARK])
    q = story.quotes[0]
    actor = next(a for a in story.actors if a.id == q.speaker)
    assert actor.kind == "person" and [m.text for m in actor.mentions] == ["a witness"]
    m = actor.mentions[0]
    assert story.documents[0].text[m.start : m.end] == m.text
