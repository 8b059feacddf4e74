"""Signals from other stages: events, agreements, actors and quotes as a per-sentence bonus."""

from __future__ import annotations

from storyline.models import Actor, Agreement, Document, Event, Mention, Quote, Span, Story
from storyline.summarize.candidates import Candidate
from storyline.summarize.signals import story_signals

TEXT = "Alpha met Beta in the capital on Monday. Gamma stayed home. Alpha said Beta would return."


def _cands() -> list[Candidate]:
    out = []
    start = 0
    for i, sent in enumerate(TEXT.split(". ")):
        sent = sent if sent.endswith(".") else sent + "."
        s = TEXT.index(sent, start)
        out.append(Candidate(doc="d1", doc_index=0, position=i, start=s, end=s + len(sent), text=sent, words=len(sent.split())))
        start = s + len(sent)
    return out


def _mention(word: str, nth: int = 0) -> Mention:
    pos = -1
    for _ in range(nth + 1):
        pos = TEXT.index(word, pos + 1)
    return Mention(doc="d1", start=pos, end=pos + len(word), text=word)


def test_no_other_stage_means_no_bonus() -> None:
    story = Story(documents=[Document(id="d1", text=TEXT)])
    assert story_signals(story, _cands()).tolist() == [0.0, 0.0, 0.0]


def test_events_and_actors_raise_the_sentences_that_carry_them() -> None:
    cands = _cands()
    alpha = Actor(id="a1", name="Alpha", kind="person", mentions=[_mention("Alpha"), _mention("Alpha", 1)])
    gamma = Actor(id="a2", name="Gamma", kind="person", mentions=[_mention("Gamma")])
    event = Event(id="e1", text="met Beta", evidence=[Span(doc="d1", start=cands[0].start, end=cands[0].end)])
    story = Story(documents=[Document(id="d1", text=TEXT)], actors=[alpha, gamma], events=[event])
    bonus = story_signals(story, cands)
    assert bonus[0] > bonus[2] > bonus[1] > 0.0  # event + main actor > main actor > minor actor


def test_agreements_and_attributed_quotes_count() -> None:
    cands = _cands()
    agree = Agreement(claim="x", evidence=[Span(doc="d1", start=cands[1].start, end=cands[1].end)])
    quote = Quote(speaker="a1", text="Beta would return", doc="d1", start=TEXT.index("Beta would"), end=len(TEXT) - 1)
    unattributed = Quote(speaker=None, text="capital", doc="d1", start=TEXT.index("capital"), end=TEXT.index("capital") + 7)
    story = Story(documents=[Document(id="d1", text=TEXT)], agreements=[agree], quotes=[quote, unattributed])
    bonus = story_signals(story, cands).tolist()
    assert bonus[1] > 0 and bonus[2] > 0 and bonus[0] == 0.0
