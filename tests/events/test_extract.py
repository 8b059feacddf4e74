"""Event extraction on hand-written sentences: passives, speech, modality, merging, typing, dating."""

from __future__ import annotations

import re
from datetime import date

import pytest

from storyline.api import story_from_articles
from storyline.events.stage import EventSettings, extract_events, reference_range
from storyline.ingest.read import RawArticle
from storyline.language.plover import category_of, is_light, pair_category
from storyline.models import Actor, Event, Mention, PublishedRange, Story
from storyline.pipeline import Context, run_pipeline
from storyline.settings import load_options

ACTORS = [
    ("Norway", "country", "NOR", ["Oslo"]),
    ("Iceland", "country", "ISL", []),
    ("Brazil", "country", "BRA", []),
    ("Argentina", "country", "ARG", []),
    ("Acme Corp.", "organization", "USA", ["Acme"]),
    ("Globex", "organization", "USA", []),
    ("John Smith", "person", "USA", []),
    ("Jane Roe", "person", "USA", []),
    ("Peter Doe", "person", "USA", []),
]

TITLE = "Headline of the story\n\n"


def _with_actors(story: Story, link_surnames: bool = True) -> Story:
    for n, (name, kind, country, aliases) in enumerate(ACTORS, start=1):
        mentions = []
        for doc in story.documents:
            for alias in sorted([name, *aliases], key=len, reverse=True):
                for m in re.finditer(rf"\b{re.escape(alias)}\b", doc.text):
                    if not any(x.start < m.end() and m.start() < x.end for x in mentions if x.doc == doc.id):
                        mentions.append(Mention(doc=doc.id, start=m.start(), end=m.end(), text=m.group()))
        if mentions:
            story.actors.append(Actor(id=f"a{n}", name=name, kind=kind, country=country, aliases=aliases, mentions=mentions))  # type: ignore[arg-type]
    return story


@pytest.fixture()
def run_events(options, nlp):
    def run(texts: list[str], published: date | None = date(2021, 5, 7)) -> Story:
        arts = [RawArticle(text=TITLE + t, file=f"doc{i}.txt", published=published, source=f"Outlet {i}") for i, t in enumerate(texts)]
        story = story_from_articles(arts, options)
        ctx = Context(options)
        ctx.set_nlp(nlp)
        story = run_pipeline(story, ctx, ["clean", "nlp", "dates", "timexes"])
        return extract_events(_with_actors(story), ctx)

    return run


def _name(story: Story, actor_id: str | None) -> str | None:
    return story.actor(actor_id).name if actor_id else None


def _by(story: Story, who: str | None) -> list[Event]:
    return [e for e in story.events if _name(story, e.who) == who]


# -- passives ------------------------------------------------------------

def test_passive_with_agent_keeps_agent_and_patient(run_events) -> None:
    story = run_events(["Iceland was attacked by Norway on Monday."])
    (event,) = _by(story, "Norway")
    assert _name(story, event.whom) == "Iceland"
    assert event.category == "ASSAULT" and event.date == "2021-05-03"
    assert not _by(story, "Iceland")


def test_passive_without_agent_makes_the_patient_whom_not_who(run_events) -> None:
    story = run_events(["John Smith was arrested on Monday near the border."])
    assert not _by(story, "John Smith")  # the arrested man is not the arrester
    (event,) = [e for e in story.events if _name(story, e.whom) == "John Smith"]
    assert event.who is None and event.category == "COERCE" and event.date == "2021-05-03"


def test_a_passive_that_tells_what_befell_its_subject_is_the_subjects_event(run_events) -> None:
    story = run_events(["John Smith was injured on Monday when the roof collapsed."])
    (event,) = _by(story, "John Smith")
    assert event.category == "OTHER" and event.date == "2021-05-03" and event.whom is None


def test_a_state_in_quoted_words_befalls_nobody(run_events) -> None:
    story = run_events(['"John Smith is injured," Acme said on Thursday.'])
    assert not _by(story, "John Smith")


def test_a_short_time_later_is_the_day_told_before(run_events) -> None:
    story = run_events(["Norway attacked Iceland on Monday.\n\nThe building burned.\n\nJohn Smith was pronounced dead a short time later."])
    (event,) = _by(story, "John Smith")
    assert event.date == "2021-05-03"
    story = run_events(["Norway attacked Iceland on Monday.\n\nThe building burned.\n\nJohn Smith was pronounced dead years later."])
    assert all(e.date != "2021-05-03" for e in _by(story, "John Smith"))


def test_minutes_after_a_happening_is_its_day(run_events) -> None:
    story = run_events(["Norway attacked Iceland on Monday.\n\nJohn Smith was injured just 20 minutes after the shelling began."])
    (event,) = _by(story, "John Smith")
    assert event.date == "2021-05-03"


# -- reduced relative clauses -------------------------------------------

def test_a_dated_participle_is_an_event_of_the_noun_it_modifies(run_events) -> None:
    story = run_events(["The tenants complained about the heating, with a plumber from Acme arriving on Thursday at 9 a.m."])
    (event,) = _by(story, "Acme Corp.")
    assert event.date == "2021-05-06" and "arriving" in event.text and "plumber" in event.text


def test_an_undated_participle_only_describes(run_events) -> None:
    story = run_events(["Workers from Globex carrying banners stood near the gate."])
    (event,) = _by(story, "Globex")  # the standing, not also the carrying
    assert "stood" in event.text


# -- action nouns with a "by" agent ------------------------------------

def test_an_action_noun_with_a_by_agent_in_a_present_statement_is_going_on(run_events) -> None:
    story = run_events(["The weather was mild.\n\nIt rained.\n\nThe market opened late.\n\nGlobex is the subject of an investigation by Acme at two sites."])
    (event,) = _by(story, "Acme Corp.")
    assert event.category == "INVESTIGATE" and event.date == "2021-05" and _name(story, event.whom) == "Globex"


def test_a_by_agent_in_a_past_or_infinitive_clause_gives_no_date(run_events) -> None:
    story = run_events(["The weather was mild.\n\nIt rained.\n\nThe market opened late.\n\nGlobex tried to stop an investigation by Acme."])
    assert not _by(story, "Acme Corp.")


# -- pronouns ------------------------------------------------------------

def test_a_gendered_pronoun_never_stands_for_a_person_of_the_other_gender(run_events) -> None:
    story = run_events(["Ms. Jane Roe said on Monday that Mr. Peter Doe had called the office.\n\nShe signed the contract with Acme on Tuesday."])
    signed = [e for e in story.events if "signed" in e.text]
    assert signed and all(_name(story, e.who) == "Jane Roe" for e in signed)


# -- speech --------------------------------------------------------------

def test_no_event_of_only_a_speech_verb_and_a_date(run_events) -> None:
    story = run_events(["Acme said Tuesday.", "John Smith told reporters on Wednesday."])
    assert story.events == []


def test_what_an_actor_says_it_will_do_is_one_event(run_events) -> None:
    story = run_events(["Acme said on Tuesday that it will appeal the ruling."])
    (event,) = _by(story, "Acme Corp.")
    assert event.category == "REJECT" and event.date == "2021-05-04"
    assert "appeal" in event.text and "said" in event.text


def test_what_one_actor_says_another_did_is_two_events(run_events) -> None:
    story = run_events(["John Smith said on Tuesday that Norway expelled the envoy of Iceland on Sunday."])
    assert len(_by(story, "John Smith")) == 1
    (expel,) = _by(story, "Norway")
    assert expel.date == "2021-05-02" and expel.category == "SANCTION"


def test_quoted_words_before_the_verb_are_in_the_speech_event(run_events) -> None:
    story = run_events(['"We will never give up the fight," John Smith said on Thursday.'])
    (event,) = _by(story, "John Smith")
    assert event.text.startswith('"We will never') and event.date == "2021-05-06"


# -- modality ------------------------------------------------------------

def test_negation_and_modality_are_kept(run_events) -> None:
    story = run_events([
        "Norway did not sign the treaty with Iceland on Monday.",
        "Brazil could impose sanctions on Argentina next month.",
        "Acme will close its plant in June.",
    ])
    (no_sign,) = _by(story, "Norway")
    assert no_sign.modality == "negated" and no_sign.category == "AGREE"
    (could,) = _by(story, "Brazil")
    assert could.modality == "hypothetical" and could.category == "SANCTION"
    (will,) = _by(story, "Acme Corp.")
    assert will.modality == "predicted"


# -- merging and rank ----------------------------------------------------

def test_one_happening_reported_by_two_sources_is_one_main_event(run_events) -> None:
    story = run_events([
        "Norway attacked Iceland on Monday, officials said. Globex opened an office in Oslo last year.",
        "On Monday, Norway attacked Iceland with drones.",
    ])
    (event,) = _by(story, "Norway")
    assert {s.doc for s in event.evidence} == {d.id for d in story.documents}
    assert event.main and event.rank == 1


def test_different_actions_of_one_actor_do_not_merge(run_events) -> None:
    story = run_events(["Norway attacked Iceland on Monday.", "Norway signed a treaty with Brazil on Monday."])
    assert sorted(e.category for e in _by(story, "Norway")) == ["AGREE", "ASSAULT"]


# -- PLOVER typing -------------------------------------------------------

def test_light_verbs_take_their_objects_category(run_events) -> None:
    story = run_events([
        "Acme struck a deal with Globex on Monday.",
        "Globex filed a lawsuit against Acme on Tuesday.",
        "Norway held talks with Iceland on Wednesday.",
        "Brazil struck the border town on Thursday.",
    ])
    cats = {_name(story, e.who): e.category for e in story.events}
    assert cats == {"Acme Corp.": "AGREE", "Globex": "ACCUSE", "Norway": "CONSULT", "Brazil": "ASSAULT"}


def test_category_lookup_by_stem_particle_and_other() -> None:
    assert category_of("withdrawal") == "RETREAT"
    assert category_of("call", "for") == "DEMAND"
    assert category_of("appeal") == "REJECT" and category_of("appeal", "for") == "DEMAND"
    assert category_of("breakfast") == "OTHER"
    assert is_light("strike") and not is_light("attack")


def test_a_verb_takes_a_category_from_its_object_only_when_the_pair_is_listed(run_events) -> None:
    story = run_events([
        "Acme covered the legal expenses of Globex on Monday.",
        "Norway covered the border town on Tuesday.",
    ])
    cats = {_name(story, e.who): e.category for e in story.events}
    assert cats.get("Acme Corp.") == "AID"
    assert cats.get("Norway", "OTHER") == "OTHER"
    assert pair_category("cover", "cost") == "AID" and pair_category("cover", "story") == "OTHER"


def test_a_noun_of_who_acts_names_no_action() -> None:
    assert category_of("investigation") == "INVESTIGATE" and category_of("investigator") == "OTHER"
    assert category_of("protesters") == "OTHER" and category_of("protest") == "PROTEST"
    assert category_of("offer") == "AID"  # listed as it is: not taken for an agent noun


# -- dates ---------------------------------------------------------------

def test_event_dates_come_from_the_timexes_stage(run_events) -> None:
    story = run_events(["Norway expelled the ambassador of Iceland last week."])  # published Friday 2021-05-07
    (event,) = _by(story, "Norway")
    assert any(t.text == "last week" and t.value == "2021-W17" for t in story.timexes)
    assert (event.date, event.date_earliest, event.date_latest) == ("2021", date(2021, 4, 26), date(2021, 5, 2))
    assert event.date_basis == "clause"


def test_without_the_timexes_stage_events_have_no_clause_dates(options, nlp) -> None:
    story = story_from_articles([RawArticle(text=TITLE + "Norway expelled the ambassador of Iceland on March 3, 2020.", file="a.txt", published=date(2021, 5, 7))], options)
    ctx = Context(options)
    ctx.set_nlp(nlp)
    story = extract_events(_with_actors(run_pipeline(story, ctx, ["clean", "nlp", "dates"])), ctx)
    assert all(e.date_basis != "clause" for e in story.events)


def test_undated_lead_action_takes_the_reports_range_not_a_day(run_events) -> None:
    story = run_events(["Norway expelled the ambassador of Iceland."])
    (event,) = _by(story, "Norway")
    assert event.date == "2021-05" and event.date_basis == "document"
    assert event.date_earliest == date(2021, 5, 4) and event.date_latest == date(2021, 5, 7)


def test_clause_date_wins_over_the_report_time(run_events) -> None:
    story = run_events(["Norway expelled the ambassador of Iceland in March 2019."])
    (event,) = _by(story, "Norway")
    assert event.date == "2019-03" and event.date_basis == "clause"


def test_undated_report_leaves_the_action_undated(run_events) -> None:
    story = run_events(["Norway expelled the ambassador of Iceland."], published=None)
    (event,) = _by(story, "Norway")
    assert event.date is None and event.date_basis is None


def test_reference_range_precision() -> None:
    assert reference_range(PublishedRange(earliest=date(2021, 5, 7), latest=date(2021, 5, 7)), 0).value == "2021-05-07"  # type: ignore[union-attr]
    assert reference_range(PublishedRange(earliest=date(2021, 5, 2), latest=date(2021, 5, 7)), 3).value == "2021"  # type: ignore[union-attr]
    assert reference_range(PublishedRange(earliest=date(2021, 1, 2), latest=date(2021, 1, 2)), 3) is None
    assert reference_range(PublishedRange(), 3) is None


def test_settings_section_overrides_single_keys(tmp_path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text("[events]\nreference_days_before = 0\n", encoding="utf-8")
    settings = EventSettings.from_options(load_options(cfg).section("events"))
    assert settings.reference_days_before == 0 and settings.lead_sentences == EventSettings().lead_sentences


def test_an_earlier_act_an_actor_says_it_did_stays_its_own_event(run_events) -> None:
    story = run_events(["Acme has said it paid Globex $5 million in 2019."])
    dates = sorted(e.date or "" for e in _by(story, "Acme Corp."))
    assert "2019" in dates


def test_an_undated_document_is_read_against_the_storys_dates(options, nlp) -> None:
    arts = [
        RawArticle(text=TITLE + "Globex opened an office in Oslo on Monday.", file="a.txt", published=date(2021, 5, 7)),
        RawArticle(text=TITLE + "Norway expelled the ambassador of Iceland on Wednesday.", file="b.txt"),
    ]
    story = story_from_articles(arts, options)
    ctx = Context(options)
    ctx.set_nlp(nlp)
    story = extract_events(_with_actors(run_pipeline(story, ctx, ["clean", "nlp", "dates", "timexes"])), ctx)
    (event,) = _by(story, "Norway")
    assert event.date == "2021-05-05"


def test_a_statement_about_an_unattributed_happening_carries_its_date(run_events) -> None:
    story = run_events(["Acme said the plant was last inspected on April 12, 2021, and passed."])
    (event,) = _by(story, "Acme Corp.")
    assert event.date == "2021-04-12" and event.date_basis == "sentence"


def test_a_statement_keeps_its_own_date_when_what_it_reports_is_an_event(run_events) -> None:
    story = run_events(["John Smith revealed on Thursday that Norway expelled the envoy of Iceland in March."])
    (said,) = _by(story, "John Smith")
    (expel,) = _by(story, "Norway")
    assert said.date == "2021-05-06" and expel.date == "2021-03"


def test_objects_of_ordinary_verbs_and_meetings_without_a_party(run_events) -> None:
    story = run_events([
        "Globex violated the agreement with Acme on Monday.",
        "Norway met the deadline on Tuesday.",
        "Brazil met Argentina on Wednesday.",
    ])
    cats = {_name(story, e.who): e.category for e in story.events}
    assert cats["Globex"] != "AGREE" and cats["Norway"] == "OTHER" and cats["Brazil"] == "CONSULT"


def test_present_tense_actions_happen_at_the_report_time(run_events) -> None:
    story = run_events(["Some filler opens the story here. Another sentence follows it. Acme is seeking damages from Globex."])
    (event,) = _by(story, "Acme Corp.")
    assert event.date == "2021-05" and event.date_basis == "document" and not event.main


def test_a_photo_caption_dates_its_present_tense(run_events) -> None:
    story = run_events(["In this Jan. 28, 2020, photo, John Smith speaks at a news conference in Oslo."])
    (event,) = _by(story, "John Smith")
    assert event.date == "2020-01-28"


def test_an_issued_statement_is_speech_dated_by_the_report(run_events) -> None:
    story = run_events(["One. Two. Three. Four. Globex issued a statement saying it regrets the outage."])
    (event,) = _by(story, "Globex")
    assert event.date == "2021-05" and event.date_basis == "document"


def test_members_of_an_organization_act_for_it(run_events) -> None:
    story = run_events(["Inspectors from Globex examined the plant on Monday. The deal with Acme collapsed on Tuesday."])
    assert [e.category for e in _by(story, "Globex")] == ["INVESTIGATE"]
    assert not _by(story, "Acme Corp.")  # the deal is no member of Acme


def test_inverted_speech_covers_the_quotation_and_the_speaker(run_events) -> None:
    story = run_events(['"The talks are over and nothing was agreed," said John Smith on Friday.'])
    (event,) = _by(story, "John Smith")
    assert event.text.startswith('"The talks') and event.text.rstrip(".").endswith("Friday")


def test_an_action_with_nothing_but_its_subject_is_no_event(run_events) -> None:
    story = run_events(["John Smith nearly fainted on Monday. Acme hired John Smith on Tuesday."])
    assert [e.date for e in story.events] == ["2021-05-04"]


def test_a_pronoun_whose_antecedent_is_no_actor_is_no_actor(run_events) -> None:
    story = run_events(["John Smith runs the firm. A retired teacher sued the city on Monday, her lawyer said on Tuesday."])
    assert not [e for e in _by(story, "John Smith") if e.date and e.date.startswith("2021-05-0")]


def test_that_day_and_the_next_day_take_the_day_named_before(run_events) -> None:
    story = run_events(["Acme sued Globex on April 20. On that day, Globex hired a lawyer. The next day, Globex sued Acme."])
    dates = {e.text.split()[-1].strip("."): e.date for e in story.events}
    assert dates.get("lawyer") == "2021-04-20" and dates.get("Acme") == "2021-04-21"


def test_that_day_reaches_back_across_paragraphs(run_events) -> None:
    story = run_events(["Acme sued Globex on April 20.\n\nOn that day, Globex hired a lawyer."])
    (hire,) = [e for e in _by(story, "Globex") if "hired" in e.text]
    assert hire.date == "2021-04-20"


def test_an_undated_past_action_deep_in_a_report_stays_undated(run_events) -> None:
    story = run_events(["One. Two. Three. Four. Acme has said that it paid Globex. Globex signed the contract with Acme."])
    (signed,) = [e for e in _by(story, "Globex") if "signed" in e.text]
    assert signed.date is None  # background, not "just before publication"
    assert all(e.date is None for e in _by(story, "Acme Corp."))  # "has said": an earlier statement


def test_a_quotation_after_the_speech_verb_is_in_the_event(run_events) -> None:
    story = run_events(['John Smith said on Friday: "Nothing was agreed and the talks are over." Acme sued Globex.'])
    (event,) = _by(story, "John Smith")
    assert "talks are over" in event.text and "Acme" not in event.text


def test_the_company_is_the_company_named_before(run_events) -> None:
    story = run_events(["Acme Corp. opened a plant in Oslo last year. On Monday, the company sued Globex. The school sued Globex on Tuesday."])
    (sued,) = [e for e in _by(story, "Acme Corp.") if "sued" in e.text]
    assert sued.date == "2021-05-03" and _name(story, sued.whom) == "Globex"  # "the school" is no company


def test_a_measure_of_dated_actions_is_an_event_of_their_agent(run_events) -> None:
    story = run_events(["During Norway's three days of hearings in February, Iceland objected to the plan."])
    hearings = [e for e in _by(story, "Norway") if "hearings" in e.text]
    assert hearings and hearings[0].date == "2021-02"


def test_the_hearing_named_before_dates_what_was_done_at_it(run_events) -> None:
    story = run_events([
        "Norway held three days of hearings on the plan in February.\n\n"
        "The vote came later.\n\n"
        "John Smith told the hearing that the plan would fail."
    ])
    (told,) = _by(story, "John Smith")
    assert told.date == "2021-02" and told.date_basis == "sentence"


def test_the_verbs_own_date_wins_over_one_through_a_noun(run_events) -> None:
    story = run_events(["Norway signed the treaty using its royal seal on March 3, 2020, just days before the 2020 election."])
    signed = [e for e in _by(story, "Norway") if "signed" in e.text]
    assert signed and signed[0].date == "2020-03-03"
