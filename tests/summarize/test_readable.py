"""A brief sentence reads on its own: speakers kept, pronouns named, no dangling openers, citations intact."""

from __future__ import annotations

import re

from storyline.models import Story, SummarySentence
from storyline.summarize.candidates import Candidate, collect_candidates
from storyline.summarize.select import Pick
from storyline.summarize.stage import _sentence, build_brief, order_picks

# Three outlets on one story; each leans on its context in its own way.
WIRE = """Port Authority Shuts Harbor After Chemical Spill

A tanker leaked about 400 tonnes of sulphuric acid into the harbor of Kestrel Bay on Sunday, forcing the port authority to close it to all shipping.
"The leak is contained and the water is safe for residents," harbor master Helen Okafor said at a news conference.
"We expect to reopen the outer docks by Friday if the next tests come back clean."
She said divers had sealed the crack in the tanker's hull before dawn.
It was the largest spill in the history of the port, records show."""

PAPER = """Acid Spill Closes Kestrel Bay Harbor

The port authority closed the harbor of Kestrel Bay to all shipping on Sunday after a tanker leaked about 400 tonnes of sulphuric acid.
However, fishermen said the closure would cost them a week of income at the height of the season.
Then, the town council voted to pay the fishermen a daily allowance until the port reopens.
"Nobody should have to pay for somebody else's mistake on the water, not even for one single day."
Residents were told to keep their windows closed overnight as a precaution, officials said."""

BLOG = """Kestrel Bay port closed

A spill of about 400 tonnes of sulphuric acid from a tanker closed the harbor of Kestrel Bay to shipping on Sunday, the port authority said.
But the owner of the tanker denied that the ship had been overloaded when it left port on Saturday morning.
Those pictures show a brown plume spreading from the hull across the inner harbor toward the beach."""


def _cand(cands: list[Candidate], words: str) -> tuple[int, Candidate]:
    found = [(i, c) for i, c in enumerate(cands) if words in c.text]
    assert len(found) == 1, [c.text for c in cands]
    return found[0]


def _alone(story: Story, cands: list[Candidate], words: str) -> SummarySentence:
    i, _ = _cand(cands, words)
    return _sentence(story, Pick(i), cands)


def _check_citations(story: Story, s: SummarySentence) -> None:
    """Every cited span reproduces its document's text; the first is the sentence's own words."""
    assert s.sources
    for sp in s.sources:
        assert story.doc(sp.doc).text[sp.start : sp.end] == sp.text
    assert s.sources[0].text
    # its own words are the sentence's (a person pronoun may have given way to the name it stands for)
    words = set(re.findall(r"\w+", s.text.lower()))
    assert set(re.findall(r"\w+", s.sources[0].text.lower())) - {"he", "she", "his", "her"} <= words


def test_a_bare_quotation_gets_the_speaker_of_the_quotation_before_it(parsed) -> None:
    story, ctx = parsed([WIRE, PAPER, BLOG])
    cands = collect_candidates(story, ctx)
    _, bare = _cand(cands, "reopen the outer docks")
    assert bare.edits and not bare.unattributed
    s = _alone(story, cands, "reopen the outer docks")
    assert s.text.startswith('"We expect to reopen the outer docks by Friday')
    assert s.text.endswith('clean," harbor master Helen Okafor said.'), s.text
    _check_citations(story, s)
    # the speaker's name is cited from the sentence it comes from
    assert any(sp.text == "harbor master Helen Okafor" for sp in s.sources[1:]), s.sources


def test_a_quotation_nobody_is_said_to_speak_never_enters_the_brief(parsed) -> None:
    story, ctx = parsed([WIRE, PAPER, BLOG])
    cands = collect_candidates(story, ctx)
    _, orphan = _cand(cands, "somebody else's mistake")
    assert orphan.unattributed
    for words in (40, 120, 400):
        brief = build_brief(story, ctx, words)
        assert brief
        assert not any("somebody else's mistake" in s.text for s in brief)


def test_a_person_pronoun_is_replaced_by_the_name_it_stands_for(parsed) -> None:
    story, ctx = parsed([WIRE, PAPER, BLOG])
    cands = collect_candidates(story, ctx)
    s = _alone(story, cands, "divers had sealed the crack")
    assert "Helen Okafor said divers had sealed the crack" in s.text, s.text
    assert not s.text.startswith("She ")
    _check_citations(story, s)
    assert any("Helen Okafor" in (sp.text or "") for sp in s.sources[1:])


def test_a_sentence_leaning_on_its_predecessor_only_follows_it(parsed) -> None:
    story, ctx = parsed([WIRE, PAPER, BLOG])
    cands = collect_candidates(story, ctx)
    for words in ("largest spill in the history", "brown plume spreading"):
        _, c = _cand(cands, words)
        assert c.needy, c.text
        for budget in (60, 150, 400):
            brief = build_brief(story, ctx, budget)
            texts = [b.text for b in brief]
            at = [k for k, t in enumerate(texts) if words in t]
            if at:
                prev = cands[c.prev].text if c.prev is not None else None
                assert at[0] > 0 and prev is not None and texts[at[0] - 1].endswith(prev[5:]), texts


def test_dangling_connectives_are_dropped_and_the_span_follows(parsed) -> None:
    story, ctx = parsed([WIRE, PAPER, BLOG])
    cands = collect_candidates(story, ctx)
    s = _alone(story, cands, "would cost them a week")
    assert s.text.startswith("Fishermen said the closure"), s.text
    assert s.sources[0].text and s.sources[0].text.startswith("fishermen said")
    s = _alone(story, cands, "daily allowance")
    assert s.text.startswith("The town council voted"), s.text
    s = _alone(story, cands, "denied that the ship")
    assert s.text.startswith("The owner of the tanker denied"), s.text  # the denial keeps who denied it
    for words in ("would cost them a week", "daily allowance", "denied that the ship"):
        _check_citations(story, _alone(story, cands, words))


def test_the_brief_reads_alone_and_tells_each_fact_once_with_all_its_sources(parsed) -> None:
    story, ctx = parsed([WIRE, PAPER, BLOG])
    brief = build_brief(story, ctx, 150)
    texts = [b.text for b in brief]
    for t in texts:
        assert not t.startswith(("However", "Then", "But ", "She ", "He ")), texts  # (a needy "Those ..." may follow its own predecessor)
    for b in brief:
        _check_citations(story, b)
    spill = [b for b in brief if "400 tonnes" in b.text]
    assert len(spill) == 1, texts  # three outlets, one fact, one bullet
    assert {sp.doc for sp in spill[0].sources} == {"d1", "d2", "d3"}
    # the main event opens the brief
    assert "400 tonnes" in texts[0]


def test_a_statement_introduced_by_a_colon_keeps_who_issued_it(parsed) -> None:
    doc = (
        "Border Deal Questioned\n\n"
        "The newspaper reported that the interior minister had approved the sale of the border land to a private firm.\n\n"
        "The interior ministry is denying the minister signed the order, writing in a short statement:\n\n"
        '"The minister has never approved any sale of state land on the border, and no such order exists."'
    )
    story, ctx = parsed([doc])
    cands = collect_candidates(story, ctx)
    s = _alone(story, cands, "never approved any sale")
    assert s.text.endswith('exists," the interior ministry said.'), s.text
    _check_citations(story, s)
    assert [sp.text for sp in s.sources[1:]] == ["The interior ministry"]


def _fake(doc: str, position: int, prev: int | None = None, needy: bool = False) -> Candidate:
    return Candidate(doc=doc, doc_index=int(doc[1:]), position=position, start=0, end=1, text="x", words=10, needy=needy, prev=prev)


def test_the_main_event_comes_first_and_a_needy_sentence_after_its_predecessor() -> None:
    cands = [_fake("d1", 0), _fake("d2", 0), _fake("d2", 3), _fake("d2", 4, prev=2, needy=True)]
    picks = [Pick(2), Pick(3), Pick(0), Pick(1)]
    scores = {0: 1.0, 1: 1.5, 2: 2.0, 3: 3.0}
    order = [p.index for p in order_picks(picks, cands, scores)]
    # the best-scored sentence that stands alone opens the brief, the rest by position, the needy one after its predecessor
    assert order == [2, 3, 1, 0]


# A long quotation over several sentences of one paragraph, then an interview answer nobody is said to give.
LONG_QUOTE = """Mill Reopens After Flood

The paper mill in Ashcombe reopened on Tuesday, three weeks after the river flooded its lower floors.
Plant manager Rosa Delgado said: "We lost most of the stock in the basement. The machines on the upper floor were never touched. We hope to be at full speed before the end of the month."
"Our crews worked every weekend. They cleared the mud by hand," Delgado said.

What did the flood cost the town?

"Nobody has counted it yet. I think the repairs will take the rest of the year."
"""


def test_a_sentence_inside_a_longer_quotation_gets_its_marks_and_speaker(parsed) -> None:
    story, ctx = parsed([LONG_QUOTE])
    cands = collect_candidates(story, ctx)
    _, inner = _cand(cands, "upper floor were never touched")
    assert inner.continues_quote and not inner.unattributed and inner.quoted == 1.0
    s = _alone(story, cands, "upper floor were never touched")
    assert s.text == '"The machines on the upper floor were never touched," Plant manager Rosa Delgado said.', s.text
    _check_citations(story, s)
    assert any(sp.text == "Plant manager Rosa Delgado" for sp in s.sources[1:]), s.sources
    # the quotation's last sentence keeps its own closing mark
    s = _alone(story, cands, "full speed before the end")
    assert s.text.endswith('the month," Plant manager Rosa Delgado said.'), s.text


def test_a_sentence_that_closes_a_quotation_names_its_own_speaker(parsed) -> None:
    story, ctx = parsed([LONG_QUOTE])
    cands = collect_candidates(story, ctx)
    s = _alone(story, cands, "cleared the mud by hand")
    assert s.text == '"They cleared the mud by hand," Delgado said.', s.text
    _check_citations(story, s)


def test_the_inside_of_an_unattributed_quotation_never_reads_as_the_writers_words(parsed) -> None:
    story, ctx = parsed([LONG_QUOTE])
    cands = collect_candidates(story, ctx)
    _, inner = _cand(cands, "repairs will take the rest")
    assert inner.continues_quote and inner.unattributed and inner.first_person == 0  # "I" is inside the quotation
    assert not any("repairs will take" in s.text for s in build_brief(story, ctx, 300))
