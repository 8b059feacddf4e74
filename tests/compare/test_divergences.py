"""Divergences of each kind, with hand-written multi-source examples; and what is not a divergence."""

from __future__ import annotations

from ..conftest import HandActor

STAGES = ["quotes", "claims", "compare"]
FILLER = "\n\nThe weather was mild for the season.\n\nA new library opened downtown."
LOVE = HandActor("Anna Love", "person", ("Anna Love", "Love"))
MINISTRY = HandActor("the ministry", "organization", ("The ministry", "the ministry"))
TOWN = HandActor("Lakeville", "place", ("Lakeville",))


def _figure_divs(story, kind):
    return [d for d in story.divergences if d.kind == kind]


def test_counts_differ(run_with_actors):
    docs = [
        "Officials evacuated 3,000 residents from Lakeville as the river rose." + FILLER,
        "Officials evacuated 2,500 residents from Lakeville as the river rose on Sunday.",
        "Rescuers said officials evacuated 3,000 residents from Lakeville overnight.",
    ]
    story = run_with_actors(docs, [TOWN], stages=STAGES)
    divs = _figure_divs(story, "count")
    assert len(divs) == 1
    div = divs[0]
    assert {p.doc for p in div.positions} == {"d1", "d2", "d3"}
    assert "3,000 residents (d1, d3)" in div.topic and "2,500 residents (d2)" in div.topic
    assert div.topic.startswith("Number of residents")


def test_ages_differ(run_with_actors):
    docs = [
        "The singer Anna Love, 32, was arrested in Lakeville on Friday night.",
        "Police arrested the singer Anna Love, 33, in Lakeville late on Friday.",
    ]
    story = run_with_actors(docs, [LOVE, TOWN], stages=STAGES)
    div = _figure_divs(story, "age")
    assert len(div) == 1 and "32 (d1)" in div[0].topic and "33 (d2)" in div[0].topic


def test_money_differs(run_with_actors):
    docs = [
        "The city paid $4.2 million for the new stadium roof last year.",
        "Records show the city paid $3.9 million for the stadium roof.",
    ]
    story = run_with_actors(docs, [], stages=STAGES)
    div = _figure_divs(story, "money")
    assert len(div) == 1 and "$4.2 million" in div[0].topic and "$3.9 million" in div[0].topic


def test_time_of_day_differs(run_with_actors):
    docs = [
        "The bridge collapsed at about 11:45 a.m. as traffic crossed the river.",
        "The bridge collapsed around 10:30 a.m., witnesses said, as traffic crossed the river.",
    ]
    story = run_with_actors(docs, [], stages=STAGES)
    assert len(_figure_divs(story, "time")) == 1


def test_durations_and_shares_differ(run_with_actors):
    docs = [
        "The strike at the port lasted three weeks and turnout in the vote was 62 percent.",
        "The strike at the port lasted two weeks, and turnout in the vote was 58 percent.",
    ]
    story = run_with_actors(docs, [], stages=STAGES)
    kinds = {d.kind for d in story.divergences}
    assert {"duration", "percent"} & kinds


def test_two_moments_of_the_day_are_no_conflict(run_with_actors):
    # both sources tell both moments: 9 a.m. and 11:45 a.m. are two events, not a disagreement
    docs = [
        "A mechanic started work on the lift at 9 a.m. and the lift failed at 11:45 a.m.",
        "The lift failed at 11:45 a.m., hours after a mechanic started work on it at 9 a.m.",
    ]
    story = run_with_actors(docs, [], stages=STAGES)
    assert not _figure_divs(story, "time")


def test_an_update_is_no_conflict(run_with_actors):
    docs = [
        "The death toll from the storm in Lakeville stood at 25 people on Monday.",
        "The death toll from the storm in Lakeville rose to 30 people on Tuesday.",
    ]
    story = run_with_actors(docs, [TOWN], stages=STAGES)
    assert not _figure_divs(story, "count")


def test_denial_against_assertion(run_with_actors):
    docs = [
        "The ministry paid the contractor for the unfinished hospital wing in March.",
        "The ministry denied that it paid the contractor for the unfinished hospital wing.",
    ]
    story = run_with_actors(docs, [MINISTRY], stages=STAGES)
    assert any(d.kind in {"denial", "negation"} for d in story.divergences)
    div = story.divergences[0]
    assert {p.doc for p in div.positions} == {"d1", "d2"}
    assert "d1" in div.topic and "d2" in div.topic


def test_no_divergence_pairs_two_sentences_of_one_document(run_with_actors):
    docs = [
        "Officials evacuated 3,000 residents from Lakeville. Later, officials evacuated 2,500 residents from Lakeville again.",
        "The weather in the valley was mild for the season, forecasters said.",
    ]
    story = run_with_actors(docs, [TOWN], stages=STAGES)
    for d in story.divergences:
        assert len({p.doc for p in d.positions}) == len(d.positions)
    for a in story.agreements:
        assert len({e.doc for e in a.evidence}) == len(a.evidence)


def test_who_did_it_differs(run_with_actors):
    police = HandActor("the police", "organization", ("The police", "the police"))
    army = HandActor("the army", "organization", ("The army", "the army"))
    hostage = HandActor("Tom Reed", "person", ("Tom Reed", "Reed"))
    docs = [
        "The police freed Tom Reed from the farmhouse near Lakeville on Sunday.",
        "The army freed Tom Reed from the farmhouse near Lakeville on Sunday.",
    ]
    story = run_with_actors(docs, [police, army, hostage, TOWN], stages=STAGES)
    who = [d for d in story.divergences if d.kind == "who"]
    assert len(who) == 1 and "the police" in who[0].topic and "the army" in who[0].topic


def test_same_doer_is_an_agreement(run_with_actors):
    police = HandActor("the police", "organization", ("The police", "the police"))
    hostage = HandActor("Tom Reed", "person", ("Tom Reed", "Reed"))
    docs = [
        "The police freed Tom Reed from the farmhouse near Lakeville on Sunday.",
        "On Sunday the police freed Tom Reed from a farmhouse near Lakeville.",
    ]
    story = run_with_actors(docs, [police, hostage, TOWN], stages=STAGES)
    assert not [d for d in story.divergences if d.kind == "who"] and story.agreements


def test_dates_differ_but_two_dated_events_do_not(run_with_actors):
    same = [
        "The ministry signed the port contract with the builders on March 6, officials said.",
        "The ministry signed the port contract with the builders on March 7.",
    ]
    story = run_with_actors(same, [MINISTRY], stages=STAGES)
    assert len(_figure_divs(story, "date")) == 1
    two = [
        "Residents filed a complaint about the lift on July 17, records show.",
        "A Sept. 25 complaint said both lifts in the tower were broken again.",
    ]
    story = run_with_actors(two, [], stages=STAGES)
    assert not _figure_divs(story, "date")


def test_listed_figures_are_no_conflict(run_with_actors):
    docs = [
        "Tenants filed lift complaints on July 17 and on March 9, records of the tower show.",
        "Tenants filed lift complaints on Sept. 25 and on Sept. 30, records of the tower show.",
    ]
    story = run_with_actors(docs, [], stages=STAGES)
    assert not _figure_divs(story, "date")


def test_a_figure_the_other_claim_also_has_is_no_conflict(run_with_actors):
    docs = [
        "The family of the mayor has seven children who all finished college early.",
        "Seven of the ten children in the family of the mayor finished college early.",
    ]
    story = run_with_actors(docs, [], stages=STAGES)
    assert not _figure_divs(story, "count")


def test_a_range_is_no_conflict(run_with_actors):
    docs = [
        "The tax on recreational cannabis sales in the state is about 32 percent.",
        "The tax on recreational cannabis sales in the state is 33 to 38 percent.",
    ]
    story = run_with_actors(docs, [], stages=STAGES)
    assert not _figure_divs(story, "percent")


def test_opposite_predicates_are_named_in_the_title(run_with_actors):
    docs = [
        "The ministry will support the new port plan at the council vote on Monday.",
        "The ministry will oppose the new port plan at the council vote on Monday.",
    ]
    story = run_with_actors(docs, [MINISTRY], stages=STAGES)
    opposite = [d for d in story.divergences if d.kind == "opposite"]
    assert len(opposite) == 1
    assert "says support" in opposite[0].topic and "says oppose" in opposite[0].topic


def test_counts_of_people_differ_whatever_noun_counts_them(run_with_actors):
    docs = [
        "Officials evacuated 3,000 residents from Lakeville as the river rose." + FILLER,
        "Officials evacuated 2,500 people from Lakeville as the river rose on Sunday.",
    ]
    story = run_with_actors(docs, [TOWN], stages=STAGES)
    divs = _figure_divs(story, "count")
    assert len(divs) == 1 and "3,000 residents (d1)" in divs[0].topic and "2,500 people (d2)" in divs[0].topic


def test_ordinals_differ(run_with_actors):
    docs = [
        "The cable snapped and the lift car plunged down to the 17th floor, where firefighters pulled the workers out.",
        "Firefighters pulled the workers from the lift car on the 15th floor after the cable snapped.",
    ]
    story = run_with_actors(docs, [], stages=STAGES)
    div = _figure_divs(story, "ordinal")
    assert len(div) == 1 and div[0].topic.startswith("Which floor") and "17th floor (d1)" in div[0].topic and "15th floor (d2)" in div[0].topic
    same = [
        "The lift car plunged down to the 17th floor, where firefighters pulled the workers out.",
        "The car stopped near the 17th floor and firefighters pulled the workers from it, after it passed the 15th floor.",
    ]
    story = run_with_actors(same, [], stages=STAGES)
    assert not _figure_divs(story, "ordinal")


def test_a_denial_against_two_sources_is_one_divergence_of_three_positions(run_with_actors):
    docs = [
        "The ministry paid the contractor for the unfinished hospital wing in March." + FILLER,
        "The ministry denied that it paid the contractor for the unfinished hospital wing.",
        "In March the ministry paid the contractor for the unfinished hospital wing, records show.",
    ]
    story = run_with_actors(docs, [MINISTRY], stages=STAGES)
    opposed = [d for d in story.divergences if d.kind in {"denial", "negation"}]
    assert len(opposed) == 1, [d.topic for d in story.divergences]
    div = opposed[0]
    assert sorted(p.doc for p in div.positions) == ["d1", "d2", "d3"]
    # the two sources that agree stand on one side of the title
    assert "d1, d3" in div.topic or "d3, d1" in div.topic, div.topic
    assert any({e.doc for e in a.evidence} == {"d1", "d3"} for a in story.agreements)


def test_three_negated_reports_against_one_keep_one_position_per_source(run_with_actors):
    docs = [
        "The army will withdraw its troops from the northern city by Friday.",
        "The army will not withdraw its troops from the northern city by Friday.",
        "Officials said the army will not withdraw its troops from the northern city by Friday.",
        "The army will not withdraw its troops from the northern city by Friday, a spokesman said.",
    ]
    army = HandActor("the army", "organization", ("The army", "the army"))
    story = run_with_actors(docs, [army], stages=STAGES)
    assert len(story.divergences) == 1
    div = story.divergences[0]
    assert sorted(p.doc for p in div.positions) == ["d1", "d2", "d3", "d4"]
    # the three that agree make one agreement, which the opposed claim does not join
    assert [sorted(e.doc for e in a.evidence) for a in story.agreements] == [["d2", "d3", "d4"]]
    assert "d1 says so" in div.topic and "d2, d3, d4 say not" in div.topic


def test_contradictory_characterisations_diverge(run_with_actors):
    docs = [
        "Police broke up a peaceful protest outside the Lakeville town hall on Saturday.",
        "Police broke up a violent protest outside the Lakeville town hall on Saturday.",
        "On Saturday police broke up a violent protest outside the town hall in Lakeville.",
    ]
    story = run_with_actors(docs, [TOWN], stages=STAGES)
    divs = [d for d in story.divergences if d.kind == "characterisation"]
    assert len(divs) == 1, [(d.kind, d.topic) for d in story.divergences]
    div = divs[0]
    assert sorted(p.doc for p in div.positions) == ["d1", "d2", "d3"]
    assert "says peaceful" in div.topic and "say violent" in div.topic, div.topic


def test_opposite_adjectives_on_different_nouns_are_no_conflict(run_with_actors):
    docs = [
        "A peaceful crowd gathered near the Lakeville town hall before the violent clashes began on Saturday.",
        "A peaceful crowd gathered near the Lakeville town hall on Saturday before the clashes.",
    ]
    story = run_with_actors(docs, [TOWN], stages=STAGES)
    assert not [d for d in story.divergences if d.kind == "characterisation"]


MAYOR = HandActor("Tim Brandt", "person", ("Mayor Tim Brandt", "Tim Brandt", "Brandt"))
AIDE = HandActor("Lena Fox", "person", ("Lena Fox", "Fox"))


def _kind(story, kind):
    return [d for d in story.divergences if d.kind == kind]


def test_a_hedged_answer_on_knowing_against_flat_statements(run_with_actors):
    docs = [
        "Reporters put one question to the city spokesman on Monday: Did Tim Brandt know that Lena Fox paid the paving firm?"
        '\n\n"Not that I\u2019m aware of," the spokesman said.' + FILLER,
        "The city spokesman said on Monday that Tim Brandt was unaware that Lena Fox paid the paving firm.",
        "Council members said there was no doubt that Tim Brandt knew Lena Fox paid the paving firm.",
    ]
    story = run_with_actors(docs, [MAYOR, AIDE], stages=STAGES)
    div = _kind(story, "knowledge")
    assert len(div) == 1
    assert [p.doc for p in div[0].positions] == ["d1", "d2", "d3"]
    assert "Not that I\u2019m aware of" in div[0].positions[0].text
    assert "d2 says Tim Brandt did not know" in div[0].topic and "d3 says Tim Brandt knew" in div[0].topic


def test_no_hedge_or_another_knower_is_no_knowledge_divergence(run_with_actors):
    flat = [
        "Did Tim Brandt know that Lena Fox paid the paving firm?\n\nThe spokesman said that he did not know." + FILLER,
        "The city spokesman said on Monday that Tim Brandt was unaware that Lena Fox paid the paving firm.",
    ]
    assert not _kind(run_with_actors(flat, [MAYOR, AIDE], stages=STAGES), "knowledge")
    other = [
        "Did Tim Brandt know that Lena Fox paid the paving firm?\n\n\"Not that I\u2019m aware of,\" the spokesman said." + FILLER,
        "\"I don't know whether Lena Fox paid the paving firm,\" a council member said on Monday.",
    ]
    assert not _kind(run_with_actors(other, [MAYOR, AIDE], stages=STAGES), "knowledge")


def test_a_position_told_as_steps_joins_a_conflict_of_stated_floors(run_with_actors):
    docs = [
        "Smoke filled the hallway on the 12th floor of the tower.\n\nFirefighters rescued two painters from the 9th floor, officials said.",
        "Smoke filled the hallway on the 12th floor of the tower.\n\nFirefighters rescued two painters from the 7th floor of the tower.",
        "Smoke filled the hallway on the 12th floor of the tower.\n\nFirefighters found two painters five floors below and rescued them.",
    ]
    story = run_with_actors(docs, [], stages=STAGES)
    div = _kind(story, "ordinal")
    assert len(div) == 1
    assert {p.doc for p in div[0].positions} == {"d1", "d2", "d3"}
    assert "d3: five floors below, from the 12th floor" in div[0].topic and "9th floor (d1)" in div[0].topic


def test_a_position_told_as_steps_never_starts_a_conflict(run_with_actors):
    docs = [
        "Smoke filled the hallway on the 12th floor of the tower.\n\nFirefighters rescued two painters from the 9th floor, officials said.",
        "Smoke filled the hallway on the 12th floor of the tower.\n\nFirefighters found two painters five floors below and rescued them.",
    ]
    story = run_with_actors(docs, [], stages=STAGES)
    assert not _kind(story, "ordinal")


def test_a_scope_extended_against_a_scope_limited(run_with_actors):
    board = HandActor("the labor board", "organization", ("The labor board", "the labor board"))
    docs = [
        "The ruling also opens the door for nurses at public hospitals to unionize sooner, lawyers for the nurses said.",
        "For now, the effort is to unionize nurses at private hospitals, because the labor board has no jurisdiction over public hospitals.",
        "The campaign seeks to unionize nurses at private hospitals, as the labor board does not have jurisdiction over public hospitals.",
    ]
    story = run_with_actors(docs, [board], stages=STAGES)
    div = _kind(story, "scope")
    assert len(div) == 1
    assert [p.doc for p in div[0].positions] == ["d1", "d2", "d3"]
    assert "d1 says public hospital" in div[0].topic and "private hospital, not public" in div[0].topic


def test_two_kinds_told_side_by_side_are_no_scope_divergence(run_with_actors):
    both = [
        "The ruling also opens the door for nurses at public hospitals to unionize sooner, lawyers for the nurses said.",
        "The ruling lets nurses at public and private hospitals unionize sooner, lawyers for the nurses said.",
    ]
    assert not _kind(run_with_actors(both, [], stages=STAGES), "scope")
    two_facts = [
        "The ruling also opens the door for nurses at public hospitals to unionize sooner, lawyers for the nurses said.",
        "Nurses at private hospitals voted to unionize sooner after the ruling, lawyers for the nurses said.",
    ]
    assert not _kind(run_with_actors(two_facts, [], stages=STAGES), "scope")
