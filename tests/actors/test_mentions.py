"""A table of mention cases from varied news: each mention must land on the right actor (or on none)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from storyline.actor_index import ActorIndex
from storyline.actors.gazetteer import name_key
from storyline.models import Actor, Story

STAGES = ["clean", "nlp", "actors"]


@dataclass(frozen=True)
class Case:
    text: str
    mention: str  # the words to look up in the text
    name: str | None  # expected actor name (or alias); None = no actor at all
    kind: str | None = None
    country: str | None = None
    nth: int = 0  # which occurrence of ``mention``
    not_name: str | None = None  # the actor must not be this one


def _actor_at(story: Story, mention: str, nth: int) -> Actor | None:
    doc = story.documents[0]
    pos = -1
    for _ in range(nth + 1):
        pos = doc.text.find(mention, pos + 1)
        assert pos >= 0, f"{mention!r} not in text"
    return ActorIndex(story).at(doc.id, pos, pos + len(mention))


def _names(actor: Actor) -> set[str]:
    return {name_key(actor.name)} | {name_key(a) for a in actor.aliases}


CASES = [
    # --- politics and diplomacy, titles and metonymy
    Case("French President Emmanuel Macron met workers on Monday. Macron said the plan would pass.", "Macron", "Emmanuel Macron", "person", "FRA", nth=1),
    Case("French President Emmanuel Macron met workers on Monday. Later the French president flew home.", "the French president", "Emmanuel Macron", "person"),
    Case("German Chancellor Angela Merkel spoke in Berlin. The chancellor said talks would continue.", "The chancellor", "Angela Merkel", "person"),
    Case("Berlin rejected the proposal on Tuesday, officials said.", "Berlin", "Germany", "country", "DEU"),
    Case("The summit was held in Berlin last week.", "Berlin", None, not_name="Germany"),
    Case("The White House said the president would veto the bill.", "White House", "United States", "country", "USA"),
    Case("Downing Street declined to comment on the report.", "Downing Street", "United Kingdom", "country", "GBR"),
    Case("Beijing warned Washington against new tariffs.", "Beijing", "China", "country", "CHN"),
    Case("Beijing warned Washington against new tariffs.", "Washington", "United States", "country", "USA"),
    Case("The company is based in Seattle, Washington, and employs 2,000 people.", "Washington", None, not_name="United States"),
    Case("Gov. Jay Inslee of Washington signed the bill on Monday.", "Washington", None, not_name="United States"),
    Case("Tokyo and Seoul agreed to resume talks after a year.", "Seoul", "South Korea", "country", "KOR"),
    Case("Indian Prime Minister Narendra Modi arrived in Paris on Friday.", "Narendra Modi", "Narendra Modi", "person", "IND"),
    Case("Indian Prime Minister Narendra Modi arrived in Paris on Friday.", "Paris", None, not_name="France"),
    Case("The Iranian government denied the report. Tehran said it would respond.", "The Iranian government", "Iran", "country", "IRN"),
    Case("The Iranian government denied the report. Tehran said it would respond.", "Tehran", "Iran", "country", "IRN"),
    Case("Russian forces shelled the town overnight.", "Russian", "Russia", "country", "RUS"),
    Case("The U.S. Treasury imposed new sanctions.", "U.S.", "United States", "country", "USA"),
    Case("Officials in the UK said the deal was close.", "UK", "United Kingdom", "country", "GBR"),
    Case("Kremlin spokesman Dmitry Peskov said the meeting went well. Peskov added nothing.", "Peskov", "Dmitry Peskov", "person", "RUS", nth=1),
    Case("Foreign Minister Wang Yi met his counterpart in Beijing.", "Wang Yi", "Wang Yi", "person"),
    Case("Secretary of State Antony Blinken landed in Cairo. Blinken said he was hopeful.", "he", "Antony Blinken", "person"),
    Case("Senator Elizabeth Warren criticized the bank. She said it had misled customers.", "She", "Elizabeth Warren", "person"),
    Case("Mr. Johnson told reporters the vote would go ahead. Boris Johnson later left.", "Mr. Johnson", "Boris Johnson", "person"),
    Case("The Syrian regime shelled the suburbs, and the regime denied it.", "the regime", "Syria", "country", "SYR"),
    Case("The Venezuelan opposition called a strike. The opposition said the vote was rigged.", "The opposition", "Venezuelan opposition", "group", "VEN"),
    Case("Israeli Defense Minister Benny Gantz visited the border.", "Benny Gantz", "Benny Gantz", "person", "ISR"),
    Case("The Japanese Foreign Ministry summoned the ambassador.", "Foreign Ministry", "Japanese Foreign Ministry", "organization", "JPN"),
    # --- same-surname people, relatives
    Case("George W. Bush praised his father, George H. W. Bush, at the funeral. Bush spoke for ten minutes.", "Bush spoke", "George W. Bush", "person"),
    Case("Kim Jong Un met officials. His father, Kim Jong Il, ruled before him. Kim Jong Un smiled.", "Kim Jong Il", "Kim Jong Il", "person", not_name="Kim Jong Un"),
    Case("Hillary Clinton spoke first. Bill Clinton followed her on stage.", "Bill Clinton", "Bill Clinton", "person", not_name="Hillary Clinton"),
    # --- particles and hyphens
    Case("Dutch coach Louis van Gaal named his squad. Van Gaal said the team was ready.", "Van Gaal", "Louis van Gaal", "person"),
    Case("Abu Bakr al-Baghdadi was killed in a raid. Baghdadi had led the group for years.", "Baghdadi", "Abu Bakr al-Baghdadi", "person"),
    Case("Charles de Gaulle founded the Fifth Republic. De Gaulle resigned in 1969.", "De Gaulle", "Charles de Gaulle", "person"),
    Case("Mohammed bin Salman met investors in Riyadh on Sunday.", "Mohammed bin Salman", "Mohammed bin Salman", "person"),
    Case("Sergei Lavrov met reporters. Sergey Lavrov then left for Geneva.", "Sergey Lavrov", "Sergei Lavrov", "person"),
    # --- possessives
    Case("Apple's chief executive Tim Cook unveiled the phone.", "Apple", "Apple", "organization"),
    Case("Merkel's government collapsed after the vote. Angela Merkel resigned.", "Merkel", "Angela Merkel", "person"),
    Case("Trump's lawyers filed the appeal. Donald Trump did not attend.", "Trump", "Donald Trump", "person"),
    Case("Canada's prime minister Justin Trudeau spoke in Ottawa.", "Canada", "Canada", "country", "CAN"),
    # --- business: companies that look like people
    Case("Shares of Goldman Sachs rose 3 percent after Goldman Sachs reported earnings.", "Goldman Sachs", "Goldman Sachs", "organization", nth=1),
    Case("Johnson & Johnson agreed to pay $2 billion to settle the claims.", "Johnson & Johnson", "Johnson & Johnson", "organization"),
    Case("Acme Holdings Inc said profit fell in the third quarter.", "Acme Holdings Inc", "Acme Holdings Inc", "organization"),
    Case("Tesla chief executive Elon Musk said deliveries would rise.", "Elon Musk", "Elon Musk", "person"),
    Case("Michael Dell founded Dell Technologies in 1984.", "Dell Technologies", "Dell Technologies", "organization"),
    # --- sports
    Case("Manchester United beat Chelsea 2-1 on Saturday.", "Manchester United", "Manchester United", "organization"),
    Case("Serena Williams beat her sister Venus Williams in the final. Serena Williams cried.", "Venus Williams", "Venus Williams", "person", not_name="Serena Williams"),
    Case("The Pittsburgh Pirates lost again on Sunday.", "Pittsburgh Pirates", "Pittsburgh Pirates", "organization"),
    Case("Coach Gregg Popovich praised the defense. Popovich said the team had improved.", "Popovich", "Gregg Popovich", "person", nth=1),
    Case("FIFA suspended the federation for a year.", "FIFA", "FIFA", "organization"),
    # --- science and courts
    Case("Researchers at the University of Oxford published the study in Nature.", "University of Oxford", "University of Oxford", "organization"),
    Case("Dr. Anthony Fauci warned of a new wave. Fauci said vaccines worked.", "Fauci", "Anthony Fauci", "person", nth=1),
    Case("The World Health Organization declared an emergency. The WHO said cases were rising.", "WHO", "World Health Organization", "organization"),
    Case("Judge Amy Berman Jackson sentenced him on Thursday. Jackson said the crime was serious.", "Jackson", "Amy Berman Jackson", "person", nth=0),
    Case("The International Criminal Court (ICC) issued a warrant. The ICC said the case would proceed.", "ICC said", "International Criminal Court", "organization"),
    Case("The National Transportation Safety Board (NTSB) opened an inquiry. The NTSB blamed pilot error.", "NTSB blamed", "National Transportation Safety Board", "organization"),
    # --- elections
    Case("Republicans won the Senate race. Democrats conceded on Wednesday.", "Democrats", "Democrats", "group"),
    Case("The Labour Party gained seats in the election.", "Labour Party", "Labour Party", "group"),
    Case("Jair Bolsonaro lost to Luiz Inacio Lula da Silva. Lula da Silva will take office in January.", "Lula da Silva will", "Luiz Inacio Lula da Silva", "person"),
    # --- armed groups with person-like names
    Case("Jaish al-Adl claimed the attack near the border.", "Jaish al-Adl", "Jaish al-Adl", "group"),
    Case("Fighters from Ahrar al-Sham and the Islamic State clashed near Aleppo.", "Islamic State", "Islamic State", "group"),
    Case("ISIS claimed responsibility. The Islamic State said its fighters attacked.", "ISIS", "Islamic State", "group"),
    Case("The Shining Path Front attacked a patrol.", "Shining Path Front", "Shining Path Front", "group"),
    # --- junk that must not become an actor
    Case("Protesters gathered downtown. Photo: John Smith/Reuters", "John Smith", None),
    Case("The leaders met in Kiev. Mikhail Palinchak/Sputnik via AP", "Sputnik", None),
    Case("Big questions remain: 1) Will Iran compromise? 2) Will Hamas agree?", "Will Iran", "Iran", "country", "IRN"),
    Case("Reuters reported the deal on Friday.", "Reuters", None),
    Case("The Paris Agreement entered into force in 2016.", "Paris Agreement", None),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{i:02d}-{c.mention[:20]}" for i, c in enumerate(CASES)])
def test_mention_resolves(case: Case, make_story) -> None:
    story = make_story([case.text], stages=STAGES)
    actor = _actor_at(story, case.mention, case.nth)
    if case.not_name is not None:
        assert actor is None or name_key(case.not_name) not in _names(actor), f"{case.mention!r} wrongly -> {actor and actor.name}"
    if case.name is None:
        if case.not_name is None:
            assert actor is None, f"{case.mention!r} should be no actor, got {actor.name}"
        return
    assert actor is not None, f"{case.mention!r} resolved to nothing; actors: {[a.name for a in story.actors]}"
    assert name_key(case.name) in _names(actor), f"{case.mention!r} -> {actor.name} {actor.aliases}"
    if case.kind:
        assert actor.kind == case.kind, f"{actor.name}: kind {actor.kind}"
    if case.country:
        assert actor.country == case.country, f"{actor.name}: country {actor.country}"


def test_table_is_large_enough() -> None:
    assert len(CASES) >= 60
