"""The events stage on hand-written articles with hand-built actors."""

from __future__ import annotations

import re
from datetime import date

import pytest

from storyline.api import story_from_articles
from storyline.events.stage import extract_events
from storyline.ingest.read import RawArticle
from storyline.models import Actor, Event, Mention, Story
from storyline.pipeline import Context, run_pipeline

# name, kind, country, aliases
ACTORS = [
    ("Acme Corp.", "organization", "USA", ["Acme"]),
    ("Globex", "organization", "USA", []),
    ("Norway", "country", "NOR", ["Oslo"]),
    ("Iceland", "country", "ISL", []),
    ("Brazil", "country", "BRA", ["Brasilia"]),
    ("Argentina", "country", "ARG", []),
    ("France", "country", "FRA", ["Paris"]),
    ("Maria Silva", "person", "BRA", ["Silva"]),
    ("John Smith", "person", "USA", ["Smith"]),
]


def _with_actors(story: Story) -> Story:
    """Actors with a mention at every occurrence of their name or aliases."""
    for n, (name, kind, country, aliases) in enumerate(ACTORS, start=1):
        mentions = []
        for doc in story.documents:
            taken: list[tuple[int, int]] = []
            for alias in sorted([name, *aliases], key=len, reverse=True):
                for m in re.finditer(rf"\b{re.escape(alias)}", doc.text):
                    if not any(s < m.end() and m.start() < e for s, e in taken):
                        taken.append((m.start(), m.end()))
                        mentions.append(Mention(doc=doc.id, start=m.start(), end=m.end(), text=m.group()))
        if mentions:
            story.actors.append(Actor(id=f"a{n}", name=name, kind=kind, country=country, aliases=aliases, mentions=mentions))  # type: ignore[arg-type]
    return story


@pytest.fixture()
def run_events(options, nlp):
    def run(texts: list[str], published: date | None = date(2021, 5, 7)) -> Story:
        arts = [RawArticle(text=t, file=f"doc{i}.txt", published=published, source=f"Outlet {i}") for i, t in enumerate(texts)]
        story = story_from_articles(arts, options)
        ctx = Context(options)
        ctx.set_nlp(nlp)
        story = run_pipeline(story, ctx, ["clean", "nlp", "dates", "timexes"])
        return extract_events(_with_actors(story), ctx)

    return run


def _named(story: Story, actor_id: str | None) -> str | None:
    return story.actor(actor_id).name if actor_id else None


def _find(story: Story, who: str, date_prefix: str | None = None) -> list[Event]:
    return [e for e in story.events if _named(story, e.who) == who and (date_prefix is None or (e.date or "").startswith(date_prefix))]


TITLE = "Headline of the story\n\n"


def test_who_did_what_to_whom_and_when(run_events) -> None:
    story = run_events([TITLE + "Acme Corp. sued Globex on Tuesday over a patent dispute, the company said."])
    (event,) = _find(story, "Acme Corp.", "2021-05-04")  # the Tuesday before Friday, May 7
    assert _named(story, event.whom) == "Globex"
    assert event.category == "ACCUSE"
    assert event.modality == "asserted"
    doc = story.documents[0]
    span = event.evidence[0]
    assert doc.text[span.start : span.end] == span.text and "sued" in span.text


def test_negated_hypothetical_and_predicted_actions_are_marked(run_events) -> None:
    story = run_events([
        TITLE + "Globex did not sign the agreement with Acme on Monday. "
        "If the talks fail, Norway could impose sanctions on Iceland next month. "
        "Oslo will host Iceland for talks next Friday."
    ])
    globex = _find(story, "Globex", "2021-05-03")
    assert globex and all(e.modality == "negated" for e in globex)
    norway = {e.date: e for e in _find(story, "Norway")}
    assert norway["2021-06"].modality == "hypothetical"
    assert norway["2021-06"].category == "SANCTION"
    assert norway["2021-05-14"].modality == "predicted"
    assert norway["2021-05-14"].category == "CONSULT"


def test_reported_speech_is_the_speech_event(run_events) -> None:
    story = run_events([TITLE + "On Wednesday, Smith said that the merger plan was dead and that nobody would revive it."])
    (event,) = _find(story, "John Smith")
    assert event.date == "2021-05-05"
    assert "said" in event.text


def test_nominal_events_carry_their_own_date_and_agent(run_events) -> None:
    story = run_events([TITLE + "Analysts still debate whether France's withdrawal from the treaty in 2019 was a mistake."])
    (event,) = _find(story, "France", "2019")
    assert event.category == "RETREAT"
    assert event.date == "2019"


def test_a_date_in_an_adjunct_dates_the_verb(run_events) -> None:
    story = run_events([TITLE + "In a Feb. 11 letter to Argentina, Brazil demanded the return of the stolen paintings."])
    (event,) = _find(story, "Brazil")
    assert event.date == "2021-02-11"
    assert event.category == "DEMAND"
    assert _named(story, event.whom) in {"Argentina", None}


def test_one_event_per_happening_across_sources(run_events) -> None:
    story = run_events([
        TITLE + "Brazil expelled the Argentine ambassador on March 3, 2020, after a dispute over trade.",
        TITLE + "On March 3, 2020, Brasilia expelled the ambassador of Argentina, officials said.",
    ])
    expelled = _find(story, "Brazil", "2020-03-03")
    assert len(expelled) == 1
    assert {s.doc for s in expelled[0].evidence} == {d.id for d in story.documents}
    assert expelled[0].category == "SANCTION"


def test_a_pronoun_subject_is_the_person_named_before(run_events) -> None:
    story = run_events([TITLE + "Silva arrived in the capital late at night. On Thursday she criticized Argentina over the border closure."])
    (event,) = _find(story, "Maria Silva", "2021-05-06")
    assert event.category == "DISAPPROVE"
    assert _named(story, event.whom) == "Argentina"


def test_undated_text_without_an_anchor_leaves_relative_dates_open(run_events) -> None:
    story = run_events([TITLE + "Norway criticized Iceland on Monday over fishing quotas."], published=None)
    events = _find(story, "Norway")
    assert events and all(e.date is None for e in events)


def test_events_are_numbered_in_date_order(run_events) -> None:
    story = run_events([TITLE + "Norway attacked Iceland in 2015. Acme sued Globex on Jan. 4, 2018. Brazil expelled Silva in 2010."])
    dates = [e.date for e in story.events if e.date]
    assert dates == sorted(dates)
    assert [e.id for e in story.events] == [f"e{i}" for i in range(1, len(story.events) + 1)]


def test_a_present_tense_verb_is_not_dated_by_an_old_date(run_events) -> None:
    story = run_events([TITLE + "Acme blames Globex for its heavy losses last November."])
    assert not _find(story, "Acme Corp.", "2020-11")


def test_a_passive_without_agent_names_no_actor(run_events) -> None:
    story = run_events([TITLE + "The Acme report was released on Monday after weeks of delay."])
    assert not _find(story, "Acme Corp.")


def test_relative_dates_inside_quotations_do_not_date_the_speech(run_events) -> None:
    story = run_events([TITLE + 'Smith tweeted, "Shares hit another record high yesterday, despite the hoax."'])
    assert not [e for e in story.events if e.date == "2021-05-06"]


def test_an_it_cleft_dates_its_clause(run_events) -> None:
    story = run_events([TITLE + "It was only in March that Norway finally granted Iceland's request for talks."])
    (event,) = _find(story, "Norway")
    assert event.date == "2021-03"
    assert event.category == "CONCEDE"


def test_an_announcement_dates_what_it_announces_but_a_report_does_not(run_events) -> None:
    story = run_events([
        TITLE + "Brazil's surprise announcement Monday that Silva had ordered the troops to withdraw stunned analysts. "
        "Tuesday's report that Acme sued Globex unsettled investors."
    ])
    silva = _find(story, "Maria Silva")
    assert [e.date for e in silva] == ["2021-05-03"] and silva[0].category == "RETREAT"
    assert not _find(story, "Acme Corp.", "2021-05-04")


def test_since_starts_a_period_and_dates_no_act(run_events) -> None:
    story = run_events([TITLE + "Globex has lost half of its market value since 2014. In 2019, Globex sued Acme over a patent."])
    dates = {e.date for e in _find(story, "Globex")}
    assert "2014" not in dates and "2019" in dates


def test_event_text_keeps_its_closing_quotation_mark(run_events) -> None:
    story = run_events([TITLE + "On Monday, Norway warned Iceland of \u201cserious consequences.\u201d"])
    (event,) = _find(story, "Norway")
    assert event.category == "THREATEN"
    assert event.text.endswith("\u201d")


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        ("We now know that Norway attacked Iceland on Monday.", "asserted"),  # "know" is factive
        ("Analysts believe that Norway attacked Iceland on Monday.", "hypothetical"),
        ("If the report is true, then Norway attacked Iceland on Monday.", "hypothetical"),
        ("Norway made no attack on Iceland on Monday.", "negated"),
    ],
)
def test_modality_follows_the_frame(run_events, sentence: str, modality: str) -> None:
    story = run_events([TITLE + sentence])
    events = _find(story, "Norway", "2021-05-03")
    assert events and events[0].modality == modality


def test_undated_reported_content_is_not_an_event(run_events) -> None:
    story = run_events([TITLE + "Officials said that Norway attacked Iceland.", TITLE + "Norway attacked Iceland."], published=None)
    norway = _find(story, "Norway")
    assert len(norway) == 1 and norway[0].evidence[0].doc == story.documents[1].id
