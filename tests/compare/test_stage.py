"""Comparison across sources: agreements, divergences, unique claims, answers."""

from __future__ import annotations

from ..conftest import HandActor

ARMY = HandActor("the army", "organization", ("The army", "the army"))
REBELS = HandActor("the rebels", "group", ("The rebels", "the rebels"))
STAGES = ["quotes", "claims", "compare"]


def test_same_statement_in_two_sources_is_an_agreement(run_with_actors):
    a = "The army will withdraw its troops from the northern city by Friday, officials confirmed.\n\nThe weather was cold."
    b = "Officials confirmed that the army will withdraw its troops from the northern city by Friday.\n\nA new stadium opened downtown."
    story = run_with_actors([a, b], [ARMY], stages=STAGES)
    assert len(story.agreements) == 1
    agreement = story.agreements[0]
    assert {e.doc for e in agreement.evidence} == {"d1", "d2"}
    assert all("withdraw" in e.text for e in agreement.evidence)
    assert 0 < (agreement.confidence or 0) <= 1
    assert story.divergences == []


def test_three_sources_make_one_agreement_with_three_pieces_of_evidence(run_with_actors):
    s = "The army will withdraw its troops from the northern city by Friday."
    story = run_with_actors([s, "Sources said " + s[0].lower() + s[1:], s.replace("Friday", "Friday night")], [ARMY], stages=STAGES)
    assert len(story.agreements) == 1
    assert sorted(e.doc for e in story.agreements[0].evidence) == ["d1", "d2", "d3"]


def test_negated_counterpart_is_a_divergence(run_with_actors):
    a = "The army will withdraw its troops from the northern city by Friday."
    b = "The army will not withdraw its troops from the northern city by Friday."
    story = run_with_actors([a, b], [ARMY], stages=STAGES)
    assert story.agreements == []
    assert len(story.divergences) == 1
    div = story.divergences[0]
    assert {p.doc for p in div.positions} == {"d1", "d2"} and "withdraw" in (div.why or "")


def test_doubt_against_prediction_is_a_divergence(run_with_actors):
    a = "Any talk of the rebels taking the capital this year is wishful thinking."
    b = "Foreign fighters keep arriving, and the rebels will gain strength over the coming months."
    story = run_with_actors([a, b], [REBELS], stages=STAGES)
    assert len(story.divergences) == 1
    assert "doubt" in (story.divergences[0].why or "")


def test_unrelated_claims_are_unique_and_not_linked(run_with_actors):
    a = "The central bank raised interest rates by half a point on Tuesday."
    b = "Heavy snow closed the mountain pass for the third day in a row."
    story = run_with_actors([a, b], [], stages=STAGES)
    assert story.agreements == [] and story.divergences == []
    assert story.claims and all(c.unique for c in story.claims)


def test_question_is_linked_to_the_answer_in_another_source(run_with_actors):
    a = "Will the army withdraw its troops from the northern city? What are the implications for the harvest?"
    b = "The army will withdraw its troops from the northern city by Friday.\n\nThe mayor opened a new library on Sunday."
    story = run_with_actors([a, b], [ARMY], stages=STAGES)
    by_text = {q.text: q for q in story.questions}
    withdraw = by_text["Will the army withdraw its troops from the northern city?"]
    assert [s.doc for s in withdraw.answers] == ["d2"] and "withdraw" in (withdraw.answers[0].text or "")
    assert len(withdraw.confidence) == 1
    assert by_text["What are the implications for the harvest?"].answers == []


def test_claims_in_an_agreement_are_never_unique(run_with_actors):
    # the same frame (the army moves into the city) in different words: linked by frame, not by wording
    town = HandActor("Lakeville", "place", ("Lakeville",))
    a = "The army moved into Lakeville on Monday."
    b = "The army entered Lakeville after dark."
    story = run_with_actors([a, b], [ARMY, town], stages=STAGES)
    linked = {cid for ag in story.agreements for cid in ag.claims} | {cid for dv in story.divergences for cid in getattr(dv, "claims", [])}
    assert linked, "the two claims share a frame and are linked"
    for c in story.claims:
        if c.id in linked:
            assert c.unique is False


def test_doubt_against_a_statement_is_a_divergence(run_with_actors):
    a = "Any hope of the rebels holding the bridge through the winter is wishful thinking."
    b = "The rebels hold the bridge and have dug trenches along the river bank."
    story = run_with_actors([a, b], [REBELS], stages=STAGES)
    assert len(story.divergences) == 1
    assert story.divergences[0].kind == "doubt" and "casts doubt" in story.divergences[0].topic


def test_answers_carry_their_kind(run_with_actors):
    a = "How many troops will the army withdraw from the northern city?"
    b = "The army will withdraw 3,000 troops from the northern city by Friday."
    c = "The army will withdraw troops from the northern city, officials said on Monday."
    story = run_with_actors([a, b, c], [ARMY], stages=STAGES)
    q = story.questions[0]
    kinds = dict(zip([s.doc for s in q.answers], q.answer_kinds, strict=True))
    assert kinds.get("d2") == "answers"
    assert kinds.get("d3") in {None, "partly answers"}


def test_a_claim_is_in_one_agreement_only(run_with_actors):
    s = "The army will withdraw its troops from the northern city by Friday."
    story = run_with_actors([s, s, s.replace("Friday", "Saturday")], [ARMY], stages=STAGES)
    cited = [c for a in story.agreements for c in a.claims]
    assert len(cited) == len(set(cited))


def test_negated_doubt_is_no_doubt(run_with_actors):
    a = "It is not unrealistic to expect the rebels to hold the bridge through the winter."
    b = "The rebels hold the bridge and have dug trenches along the river bank."
    story = run_with_actors([a, b], [REBELS], stages=STAGES)
    assert not [d for d in story.divergences if d.kind == "doubt"]


def test_agreement_statement_stands_alone():
    from storyline.compare.stage import _statement

    assert _statement("But inspectors said the lift could safely remain in operation.") == "Inspectors said the lift could safely remain in operation."
    assert _statement("\u2014 a tower riddled with violations, including 45 on the lifts.") == "A tower riddled with violations, including 45 on the lifts."
    assert _statement("Butter prices rose again in May.") == "Butter prices rose again in May."


def test_compare_settings_merge_key_by_key_and_reject_unknown_keys(tmp_path):
    import pytest

    from storyline.errors import ConfigError
    from storyline.settings import load_options

    cfg = tmp_path / "c.toml"
    cfg.write_text("[compare]\nmax_agreements = 3\n", encoding="utf-8")
    opts = load_options(cfg)
    assert opts.section("compare")["max_agreements"] == 3 and opts.section("compare")["link"] == load_options().section("compare")["link"]
    cfg.write_text("[compare]\nno_such_threshold = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_options(cfg)


def test_max_agreements_setting_caps_the_list(run_with_context, options):
    from dataclasses import replace

    from storyline.pipeline import get_stage

    s = "The army will withdraw its troops from the northern city by Friday."
    t = "Heavy rain flooded the main road to the airport on Sunday evening."
    story, ctx = run_with_context([f"{s}\n\n{t}", f"{s}\n\n{t}"], [ARMY], ["quotes", "claims"])
    assert len(get_stage("compare")(story.model_copy(deep=True), ctx).agreements) == 2
    tuning = {**options.tuning, "compare": {**options.section("compare"), "max_agreements": 1}}
    ctx.options = replace(options, tuning=tuning)
    assert len(get_stage("compare")(story, ctx).agreements) == 1


def test_a_claim_telling_two_facts_agrees_with_both_sentences_that_tell_them(run_with_actors):
    # one source packs two facts in a sentence, the other tells them in two sentences: two agreements, one per fact
    a = (
        "In May, the crane got a violation because its alarm bell was broken, but safety inspectors let it stay in service."
        "\n\nThe weather was mild for the season."
    )
    b = (
        "The city said the crane was last checked on May 3, and one violation was issued because the alarm bell was broken."
        "\n\nBut safety inspectors ruled that it could stay in service."
        "\n\nA new library opened downtown on Sunday."
    )
    story = run_with_actors([a, b], [], stages=STAGES)
    whole = next(c.id for c in story.claims if c.doc == "d1" and "violation" in c.text)
    partners = {c for ag in story.agreements if whole in ag.claims for c in ag.claims if c != whole}
    texts = {c.id: c.text for c in story.claims}
    assert len(partners) == 2, [ag.claims for ag in story.agreements]
    assert any("alarm bell" in texts[p] for p in partners) and any("inspectors ruled" in texts[p] for p in partners)
    for ag in story.agreements:
        assert len({e.doc for e in ag.evidence}) == len(ag.evidence)


def test_a_paraphrase_is_no_second_fact(run_with_actors):
    # the other source says the same thing twice: the claim agrees with one of its sentences, not both
    a = "The army will withdraw its troops from the northern city by Friday, officials said."
    b = "The army will withdraw its troops from the northern city by Friday.\n\nBy Friday the army troops will withdraw from the northern city, officials said."
    story = run_with_actors([a, b], [ARMY], stages=STAGES)
    cited = [c for ag in story.agreements for c in ag.claims]
    assert cited.count("d1.c1") == 1


def test_a_yes_no_question_is_answered_by_a_sentence_telling_its_predicate(run_with_actors):
    mayor = HandActor("Ann Holt", "person", ("Ann Holt", "Holt"))
    a = "Did Ann Holt know that her aide paid the contractor $40,000 for the unfinished bridge?"
    b = (
        "Records show the aide paid the contractor $40,000 for the unfinished bridge last spring."
        "\n\nA spokesman said Holt did not know about the payment to the contractor."
    )
    story = run_with_actors([a, b], [mayor], stages=STAGES)
    q = story.questions[0]
    assert q.answers and "did not know" in (q.answers[0].text or "")


def test_a_sentence_saying_what_is_not_known_answers_nothing(run_with_actors):
    a = "Will the army withdraw its troops from the northern city?"
    b = 'The general told reporters: "I don\'t know whether the army will withdraw its troops from the northern city."'
    story = run_with_actors([a, b], [ARMY], stages=STAGES)
    q = next(q for q in story.questions if q.doc == "d1")
    assert q.answers == []


def test_agreement_kept_by_its_sources_or_its_confidence_not_by_a_fixed_count():
    from storyline.compare.stage import _kept
    from storyline.models import Agreement, Span

    def agreement(docs: int, confidence: float) -> Agreement:
        return Agreement(claim="x", evidence=[Span(doc=f"d{i}", start=0, end=1, text="x") for i in range(docs)], confidence=confidence)

    weak_pair, strong_pair, weak_trio = agreement(2, 0.41), agreement(2, 0.9), agreement(3, 0.41)
    assert _kept([weak_trio, strong_pair, weak_pair], sources=3, keep=0.45) == [weak_trio, strong_pair]
    assert _kept([weak_pair], sources=3, keep=0.4) == [weak_pair]


def test_elliptical_unknown_is_answered_through_the_sentence_before_it(run_with_actors):
    # "what the fault was" names nothing the answer repeats: the sentence before tells what fault is meant
    a = (
        "The last bridge inspection took place in March, when a fault in the cables was noted, records show."
        " It was not immediately clear what the fault was.\n\nThe weather was mild."
    )
    b = (
        "In March, the bridge inspection found two cables corroded near the north tower, the records show."
        "\n\nA new library opened downtown on Sunday."
    )
    story = run_with_actors([a, b], [], stages=STAGES)
    unknown = next(q for q in story.questions if "fault was" in q.text)
    assert [s.doc for s in unknown.answers] == ["d2"] and "corroded" in (unknown.answers[0].text or "")


def test_direct_question_does_not_borrow_the_question_before_it(run_with_actors):
    a = "Will the army withdraw its troops from the northern city? What are the implications for the harvest?"
    b = "The army will withdraw its troops from the northern city by Friday."
    story = run_with_actors([a, b], [ARMY], stages=STAGES)
    assert next(q for q in story.questions if "harvest" in q.text).answers == []


def _bare(key: str, doc: str, words: str):
    from collections import Counter

    from storyline.claim_features.features import TextUnit

    return TextUnit(key=key, doc=doc, start=0, end=1, terms=Counter(words.split()))


def test_a_two_fact_claim_joins_the_agreement_of_its_second_fact_when_both_sides_are_taken():
    # d2's one sentence tells both facts; d3 tells them in two sentences, and d1 tells the second fact only
    from storyline.compare.stage import Link, _group

    units = {k: _bare(k, d, "x") for k, d in (("d1.c1", "d1"), ("d2.c1", "d2"), ("d3.c1", "d3"), ("d3.c2", "d3"))}
    sims = {("d2.c1", "d3.c1"): 0.46, ("d1.c1", "d3.c2"): 0.33, ("d2.c1", "d3.c2"): 0.45, ("d1.c1", "d2.c1"): 0.29}
    neighbours = {**sims, **{(b, a): s for (a, b), s in sims.items()}}
    links = [Link("d2.c1", "d3.c1", 0.46, None), Link("d1.c1", "d3.c2", 0.33, None), Link("d2.c1", "d3.c2", 0.45, None, split=True)]
    groups = [sorted(members) for members, _ in _group(links, units, neighbours, 0.3, 0.2)]
    assert ["d2.c1", "d3.c1"] in groups
    assert ["d1.c1", "d2.c1", "d3.c2"] in groups
    for members in groups:
        assert len({units[k].doc for k in members}) == len(members)


def test_a_two_fact_claim_does_not_join_an_agreement_it_is_unlike():
    from storyline.compare.stage import Link, _group

    units = {k: _bare(k, d, "x") for k, d in (("d1.c1", "d1"), ("d2.c1", "d2"), ("d3.c1", "d3"), ("d3.c2", "d3"))}
    sims = {("d2.c1", "d3.c1"): 0.46, ("d1.c1", "d3.c2"): 0.33, ("d2.c1", "d3.c2"): 0.45}
    neighbours = {**sims, **{(b, a): s for (a, b), s in sims.items()}}
    links = [Link("d2.c1", "d3.c1", 0.46, None), Link("d1.c1", "d3.c2", 0.33, None), Link("d2.c1", "d3.c2", 0.45, None, split=True)]
    groups = [sorted(members) for members, _ in _group(links, units, neighbours, 0.3, 0.2)]
    assert ["d1.c1", "d3.c2"] in groups  # d2.c1 is not similar to d1.c1 at all


def test_backdrop_words_shared_with_the_first_fact_do_not_make_the_second_one_a_repetition():
    from storyline.compare.stage import _complementary

    whole = _bare("a", "d1", "player football union employee qualify law nation first college form")
    first = _bare("b", "d2", "player football union employee qualify law")
    part = _bare("c", "d2", "player football union nation first college create")
    for u in (whole, first, part):
        u.weights = dict.fromkeys(u.terms, 1.0)
    assert not _complementary(whole, part, first, 10.0)
    assert _complementary(whole, part, first, 10.0, frozenset({"player", "football", "union"}))


def test_a_pair_budget_cut_is_listed_in_story_limits(run_with_context, options):
    from dataclasses import replace

    from storyline.pipeline import get_stage

    s = "The army will withdraw its troops from the northern city by Friday."
    t = "Heavy rain flooded the main road to the airport on Sunday evening."
    story, ctx = run_with_context([f"{s}\n\n{t}", f"{s}\n\n{t}"], [ARMY], ["quotes", "claims"])
    assert get_stage("compare")(story.model_copy(deep=True), ctx).limits == []  # 4 pairs, within the budget
    tuning = {**options.tuning, "compare": {**options.section("compare"), "max_pairs": 1}}
    ctx.options = replace(options, tuning=tuning)
    limited = get_stage("compare")(story, ctx)
    assert [(lim.stage, lim.setting, lim.total, lim.kept) for lim in limited.limits] == [("compare", "[compare] max_pairs", 4, 1)]
    assert len(get_stage("compare")(limited, ctx).limits) == 1  # a second run replaces its entry, it does not add one
