"""Frames: who does what to whom, read off the parse, and how frames of two sources match."""

from __future__ import annotations

from storyline.claim_features.frames import AFFILIATED, Families, Frame, frame_similarity

from ..conftest import HandActor

RURITANIA = HandActor("Ruritania", "country", ("Ruritania", "Ruritanian", "Strelsau"))
ELBONIA = HandActor("Elbonia", "country", ("Elbonia",))
KING = HandActor("Rudolf", "person", ("King Rudolf", "Rudolf"))
MAYOR = HandActor("Jane Doe", "person", ("Jane Doe", "Doe"))
SMITH = HandActor("John Smith", "person", ("John Smith", "Smith"))
STAGES = ["quotes", "claims", "compare"]


def _frame(lemma: str, subj: set[str], args: set[str] | None = None, **kw) -> Frame:
    classes = kw.pop("classes", frozenset())
    return Frame(lemma=lemma, stems=frozenset({lemma}), classes=classes, subj=frozenset(subj), args=frozenset(args or ()), **kw)


def _run(run_with_context, texts, actors):
    """The story after quotes and claims, and its claims' frames by claim text."""
    story, ctx = run_with_context(texts, actors, stages=["quotes", "claims"])
    assert ctx.claim_units is not None
    units = ctx.claim_units.claims
    return story, {c.text: units[c.id].frames for c in story.claims}


def _frames_of(frames: dict[str, tuple[Frame, ...]], words: str) -> list[Frame]:
    return [f for text, fs in frames.items() if words in text for f in fs]


def test_country_adjective_resolves_the_subject_and_purpose_takes_the_negation(run_with_context):
    text = "Ruritanian forces did not come to Elbonia to fight the smugglers in the hills."
    story, frames = _run(run_with_context, [text], [RURITANIA, ELBONIA])
    names = {a.id: a.name for a in story.actors}
    frames = {f.lemma: f for f in _frames_of(frames, "did not come")}
    come = frames["come"]
    assert {names[x] for x in come.subj} == {"Ruritania"} and {names[x] for x in come.args} == {"Elbonia"}
    assert "MOTION" in come.classes and not come.negated
    assert frames["fight"].negated


def test_object_control_and_prescription(run_with_context):
    text = "Ruritania urged Elbonia to close the border. King Rudolf must be ready to compromise with Elbonia."
    story, frames = _run(run_with_context, [text], [RURITANIA, ELBONIA, KING])
    names = {a.id: a.name for a in story.actors}
    close = next(f for f in _frames_of(frames, "urged") if f.lemma == "close")
    assert {names[x] for x in close.subj} == {"Elbonia"}
    compromise = next(f for f in _frames_of(frames, "must be ready") if f.lemma == "compromise")
    assert {names[x] for x in compromise.subj} == {"Rudolf"} and compromise.modality == "prescription"
    assert "CONCEDE" in compromise.classes


def test_leave_with_an_object_in_a_place_keeps_it_there(run_with_context):
    text = "Ruritania will leave two warships in Elbonia. Ruritania will leave Elbonia next spring after the talks."
    _story, frames = _run(run_with_context, [text], [RURITANIA, ELBONIA])
    behind = next(f for f in _frames_of(frames, "warships") if f.lemma == "leave")
    gone = next(f for f in _frames_of(frames, "next spring") if f.lemma == "leave")
    assert "RETAIN" in behind.classes and behind.modality == "prediction"
    assert "RETAIN" not in gone.classes


def test_frame_similarity_needs_the_same_actors_in_the_same_roles():
    fam = Families(country={"rur": "rur", "king": "rur"})
    go = _frame("go", {"rur"}, {"elb"}, classes=frozenset({"MOTION"}))
    come = _frame("come", {"rur"}, {"elb"}, classes=frozenset({"MOTION"}))
    other_subject = _frame("come", {"smugglers"}, {"elb"}, classes=frozenset({"MOTION"}))
    king_comes = _frame("come", {"king"}, {"elb"}, classes=frozenset({"MOTION"}))
    assert frame_similarity(go, come, fam) > 0.5
    assert frame_similarity(go, other_subject, fam) == 0.0
    assert 0 < frame_similarity(go, king_comes, fam) < frame_similarity(go, come, fam)
    assert frame_similarity(go, _frame("sell", {"rur"}, {"elb"}), fam) == 0.0
    subject_only = _frame("go", {"rur"}, {"x"}, classes=frozenset({"MOTION"}))
    assert frame_similarity(go, subject_only, fam) < frame_similarity(go, come, fam) / 2
    assert AFFILIATED < 1


def test_prescriptions_to_the_same_actor_match_and_unplaced_places_do_not_conflict():
    fam = Families(country={"rur": "rur"}, unplaced=frozenset({"port"}))
    a = _frame("parlay", {"rur"}, modality="prescription")
    b = _frame("negotiate", {"rur"}, modality="prescription")
    assert frame_similarity(a, b, fam) > 0
    assert frame_similarity(a, _frame("negotiate", {"rur"}, modality="prediction"), fam) == 0.0
    keep = _frame("keep", {"rur"}, {"elb"}, classes=frozenset({"RETAIN"}))
    keep_port = _frame("maintain", {"rur"}, {"port"}, classes=frozenset({"RETAIN"}))
    keep_city = _frame("maintain", {"rur"}, {"city"}, classes=frozenset({"RETAIN"}))
    assert frame_similarity(keep, keep_port, fam) > frame_similarity(keep, keep_city, fam)


def test_same_frame_in_other_words_is_an_agreement(run_with_actors):
    a = "Strelsau went into Elbonia last winter to protect the royal family from the rebels.\n\nThe weather was cold."
    b = "Ruritanian troops came to Elbonia in December, a spokesman confirmed on Friday.\n\nA new stadium opened."
    story = run_with_actors([a, b], [RURITANIA, ELBONIA], stages=STAGES)
    assert len(story.agreements) == 1
    assert {e.doc for e in story.agreements[0].evidence} == {"d1", "d2"}
    assert "same frame" in (story.agreements[0].why or "")


def test_same_subject_but_unrelated_actions_is_no_agreement(run_with_actors):
    a = "Jane Doe decided to sell the old library building to a developer."
    b = "Jane Doe decided to skip the parade because of the heavy rain."
    story = run_with_actors([a, b], [MAYOR], stages=STAGES)
    assert story.agreements == []


def test_negation_focused_on_a_for_phrase_is_no_divergence(run_with_actors):
    a = "Jane Doe is suing John Smith over the unpaid bills from the renovation."
    b = "Jane Doe is not suing John Smith for money, her lawyer explained."
    story = run_with_actors([a, b], [MAYOR, SMITH], stages=STAGES)
    assert story.divergences == []


def test_question_answered_by_a_related_predicate_with_the_same_actors(run_with_actors):
    q = "Will Ruritania keep any warships in Elbonia? What does the harvest look like?"
    ans = "Ruritania will maintain two warships in Elbonia through the winter.\n\nThe mayor opened a library."
    story = run_with_actors([q, ans], [RURITANIA, ELBONIA], stages=STAGES)
    by_text = {x.text: x for x in story.questions}
    keep = by_text["Will Ruritania keep any warships in Elbonia?"]
    assert [s.doc for s in keep.answers] == ["d2"] and "maintain" in (keep.answers[0].text or "")
    assert by_text["What does the harvest look like?"].answers == []


def test_negation_passes_through_complements_and_implicative_verbs(run_with_context):
    text = (
        "Rudolf is not ready to compromise with Elbonia. "
        "Ruritania will not hesitate to send warships to Elbonia. "
        "Ruritania failed to reach Elbonia before the storm."
    )
    _story, frames = _run(run_with_context, [text], [RURITANIA, ELBONIA, KING])
    assert next(f for f in _frames_of(frames, "not ready") if f.lemma == "compromise").negated
    assert not next(f for f in _frames_of(frames, "hesitate") if f.lemma == "send").negated
    assert next(f for f in _frames_of(frames, "failed") if f.lemma == "reach").negated


def test_report_against_denial_is_one_divergence_per_claim(run_with_actors):
    report = "Rudolf asked Jane Doe to end the inquiry into the harbour contracts, officials said."
    echo = "Officials said Rudolf asked Jane Doe to end the inquiry into the harbour contracts last year."
    denial = "Rudolf never asked Jane Doe to end any inquiry, the palace said on Monday."
    story = run_with_actors([report, echo, denial], [KING, MAYOR], stages=STAGES)
    assert len(story.divergences) == 1
    div = story.divergences[0]
    assert "d3" in {p.doc for p in div.positions} and "negated" in (div.why or "")
    assert any({e.doc for e in a.evidence} >= {"d1", "d2"} for a in story.agreements)


def test_two_officials_of_one_country_are_not_the_same_actor():
    fam = Families(country={"rur": "rur", "king": "rur", "minister": "rur"})
    king = _frame("sign", {"king"}, {"elb"})
    assert frame_similarity(king, _frame("sign", {"minister"}, {"elb"}), fam) == 0.0
    assert frame_similarity(king, _frame("sign", {"rur"}, {"elb"}), fam) > 0.0
