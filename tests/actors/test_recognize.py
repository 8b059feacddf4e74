"""Repairs of spaCy's entity errors, with the wrong entities set by hand on a parsed sentence."""

from __future__ import annotations

from spacy.tokens import Span

from storyline.actors.gazetteer import gazetteer
from storyline.actors.recognize import BlockInfo, Cand, find_candidates


def _cands(nlp, text: str, ents: list[tuple[int, int, str]]) -> list[Cand]:
    doc = nlp(text)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    info = BlockInfo(doc_id="d1", block=0, base=0, kind="body", text=text)
    return find_candidates(doc, info, gazetteer())


def test_possessive_inside_an_entity_is_split(nlp) -> None:
    cands = _cands(nlp, "Putin's Kremlin set out to win.", [(0, 3, "PERSON")])
    kinds = {(c.text, c.kind) for c in cands}
    assert ("Putin", "person") in kinds
    assert ("Kremlin", "country") in kinds


def test_slash_credit_is_dropped(nlp) -> None:
    text = "Leaders meet in Moscow. Mikhail Klimentyev/Sputnik, Pool Photo via AP"
    doc = nlp(text)
    start = next(t.i for t in doc if t.text.startswith("Mikhail"))
    end = next(t.i for t in doc if "Sputnik" in t.text) + 1
    cands = _cands(nlp, text, [(start, end, "PERSON")])
    assert not any("Klimentyev" in c.text or "Sputnik" in c.text for c in cands)


def test_list_marker_and_question_word_are_trimmed(nlp) -> None:
    text = "Questions remain: 3) Will Maduro step down?"
    doc = nlp(text)
    will = next(t.i for t in doc if t.text == "Will")
    cands = _cands(nlp, text, [(will, will + 2, "PERSON")])
    people = [c for c in cands if c.kind == "person"]
    assert [c.text for c in people] == ["Maduro"]


def test_group_name_tagged_as_person_is_a_group(nlp) -> None:
    text = "Talks excluded Ahrar al-Sham from the truce."
    doc = nlp(text)
    start = next(t.i for t in doc if t.text == "Ahrar")
    end = next(t.i for t in doc if t.text == "Sham") + 1
    cands = _cands(nlp, text, [(start, end, "PERSON")])
    group = [c for c in cands if "Ahrar" in c.text]
    assert group and group[0].kind == "org" and group[0].org_kind == "group"


def test_acronym_defined_in_parentheses_is_recorded(nlp) -> None:
    text = "Moscow co-sponsored the International Syria Support Group (ISSG), a coalition."
    doc = nlp(text)
    start = next(t.i for t in doc if t.text == "International")
    end = next(t.i for t in doc if t.text == "Group") + 1
    cands = _cands(nlp, text, [(start, end, "ORG")])
    org = [c for c in cands if c.kind == "org"]
    assert org and org[0].defines == "ISSG"


def test_title_before_a_name_gives_role_and_country(nlp) -> None:
    text = "Russian Prime Minister Dmitry Medvedev said on Friday that talks would go on."
    doc = nlp(text)
    start = next(t.i for t in doc if t.text == "Dmitry")
    cands = _cands(nlp, text, [(start, start + 2, "PERSON")])
    person = [c for c in cands if c.kind == "person"]
    assert person and person[0].text == "Dmitry Medvedev"
    assert person[0].country == "RUS" and person[0].role == "prime minister"
    assert person[0].subject and person[0].verb == "say"


def test_pronoun_subject_of_a_reporting_verb_is_a_candidate(nlp) -> None:
    cands = _cands(nlp, "He said on Thursday that the army could return.", [])
    assert any(c.kind == "pronoun" and c.text == "He" and c.verb == "say" for c in cands)


def _index_of(nlp, text: str, word: str) -> int:
    return next(t.i for t in nlp(text) if t.text == word)


def test_a_platform_as_a_venue_is_no_actor(nlp) -> None:
    # spaCy may tag the platform a person; where someone merely posts on it, it is no actor at all
    text = "Dana Ruiz posted the video on Facebook late Tuesday."
    i = _index_of(nlp, text, "Facebook")
    cands = _cands(nlp, text, [(0, 2, "PERSON"), (i, i + 1, "PERSON")])
    assert not [c for c in cands if c.text == "Facebook"]


def test_a_platform_that_acts_is_an_organization(nlp) -> None:
    text = "Twitter suspended the account of Dana Ruiz on Monday."
    cands = _cands(nlp, text, [(0, 1, "PERSON")])
    assert [(c.text, c.kind) for c in cands if c.text == "Twitter"] == [("Twitter", "org")]


def test_a_platform_acting_untagged_is_found(nlp) -> None:
    text = "The clip was removed by Instagram within hours."
    cands = _cands(nlp, text, [])
    assert [(c.text, c.kind) for c in cands if c.text == "Instagram"] == [("Instagram", "org")]
