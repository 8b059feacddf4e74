"""Claims as frames: who does what to whom, under which modality and polarity.

A *frame* is one predicate of a sentence read off the dependency parse, with
its arguments resolved to story actors (so "Moscow", "Russian forces" and
"the Kremlin" are all Russia):

- ``subj``: the actors doing it (the agent of a passive; the controller of
  "to"-infinitives and adjective complements: "Assad must be ready to
  compromise" -> Assad compromises);
- ``args``: the actors it is done to, with or at (objects, the patient of a
  passive, prepositional objects: destination, partner, target);
- ``modality``: ``prescription`` (must/should/ought), ``prediction``
  (will/shall), or None, inherited along the clause chain;
- ``negated``: the predicate is negated, also through the verb it
  complements ("not ready to compromise"; "did not hesitate to send" is not
  negated). A negated motion with a purpose clause ("forces did not come to
  X to fight Y") negates the purpose, not the motion: the sentence still says
  they came. A negation with another purpose ("isn't suing him for cash") has
  no clear focus: that predicate gives no frame.

Reporting and belief verbs with a clause ("said that ...") and catenative
verbs ("decided to sell") give no frame of their own: their complement does.

Two frames are related (:func:`frame_similarity`) when their predicates are
(same lemma or stem, same PLOVER class or general verb class, or both
prescriptions to the same subject) and their actors fill the same roles. An
actor matches itself fully and its country partly (a country and the persons
and organizations with a role of that country).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Token

from ..actor_index import ActorIndex
from ..language.cues import REPORTING_VERBS
from ..language.plover import category_of
from ..language.stem import bare_verb
from ..language.words import FRAME_BELIEF_VERBS, FUTURE_MODALS, NEGATION_PARTICLES, PRESCRIPTIVE_MODALS
from ..models import Story
from ..settings import tuned

__all__ = [
    "AFFILIATED",
    "VERB_CLASSES",
    "Families",
    "Frame",
    "actor_families",
    "best_frame_match",
    "different_doers",
    "extract_frames",
    "frame_similarity",
]

#: General verb classes beyond PLOVER (motion, keeping, continuing, leaving a place).
VERB_CLASSES: dict[str, frozenset[str]] = {
    "MOTION": frozenset("go come enter arrive move travel head return send dispatch march".split()),
    "RETAIN": frozenset("keep maintain retain preserve hold sustain".split()),
    "CONTINUE": frozenset("continue persist resume proceed".split()),
    "DEPART": frozenset("leave depart quit abandon".split()),
}

#: Verbs that carry little meaning of their own: they match only through modality, not by lemma.
_LIGHT = frozenset("be have do make take get give put set let seem appear become try want use".split())
#: Aspectual verbs: with a verb complement ("keep imposing"), the complement is the predicate.
_ASPECTUAL = frozenset("begin start continue stop cease keep resume finish".split())
_BELIEF = FRAME_BELIEF_VERBS
#: Verbs whose object does what their infinitive says ("asked him to drop", "forced the West to compromise").
_OBJECT_CONTROL = frozenset(
    "ask urge tell order force persuade convince allow permit invite encourage press push pressure require compel "
    "enable help want expect call instruct direct advise warn authorize".split()
)
#: Verbs that deny their complement ("failed to pass": it did not pass).
_NEGATIVE_IMPLICATIVE = frozenset("fail refuse decline hesitate neglect avoid".split())
_PRESCRIPTIVE = PRESCRIPTIVE_MODALS
_PREDICTIVE = FUTURE_MODALS
_SUBJ = {"nsubj", "csubj"}
_PATIENT = {"dobj", "dative", "nsubjpass", "oprd", "attr"}
_CHAIN = {"xcomp", "acomp", "conj", "advcl"}
_MOD = {"amod", "compound", "poss", "nmod"}
_PRONOUNS = frozenset({"it", "its"})
_LOCATIVE = frozenset({"in", "at", "behind", "inside"})
_NEGATORS = NEGATION_PARTICLES

#: Weight of a match between a country and one of its officials or institutions.
AFFILIATED = tuned("compare.frames", "affiliated")
#: Objects that may be the same: a place of unknown country and another actor.
UNPLACED = tuned("compare.frames", "unplaced")
#: Predicates of the same class (PLOVER or general) rather than the same stem.
CLASS_MATCH = tuned("compare.frames", "class_match")
#: A frame with only its subject or only its object in common.
PARTIAL = tuned("compare.frames", "partial")
#: Two prescriptions addressed to the same actor.
PRESCRIBED = tuned("compare.frames", "prescribed")


@dataclass(frozen=True)
class Frame:
    """One predicate of a claim with its actor arguments."""

    lemma: str
    stems: frozenset[str]
    classes: frozenset[str]
    subj: frozenset[str]  # actor ids
    args: frozenset[str]  # actor ids
    modality: str | None = None  # "prescription" | "prediction" | None
    negated: bool = False


def _stems(lemma: str) -> frozenset[str]:
    """The lemma and, for re- verbs ("redeploy"), the bare verb."""
    bare = bare_verb(lemma)
    return frozenset({lemma, bare} if bare else {lemma})


def _classes(tok: Token, lemma: str) -> frozenset[str]:
    out = {name for name, words in VERB_CLASSES.items() if lemma in words}
    if lemma == "leave" and _leaves_behind(tok):
        out = {"RETAIN"}
    particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
    cat = category_of(lemma, particle)
    if cat == "OTHER" and (bare := bare_verb(lemma)):
        cat = category_of(bare, particle)
    if cat != "OTHER":
        out.add(cat)
    return frozenset(out)


def _leaves_behind(tok: Token) -> bool:
    """ "leave X in Y" / "leave X behind" keeps X there; "leave Y" departs from Y."""
    has_object = any(c.dep_ == "dobj" for c in tok.children)
    placed = any(
        (c.dep_ == "prep" and c.lower_ in _LOCATIVE) or (c.dep_ in {"prt", "advmod"} and c.lower_ == "behind") for c in tok.children
    )
    return has_object and placed


def _actors_at(tok: Token, base: int, doc: str, index: ActorIndex, people: bool = True) -> set[str]:
    pos = base + tok.idx
    return {a.id for _s, _e, a in index.mentions_in(doc, pos, pos + len(tok.text)) if people or a.kind != "person"}


def _argument_actors(
    tok: Token, base: int, doc: str, index: ActorIndex, antecedent: set[str], people: bool = True
) -> set[str]:
    """Actors of a noun phrase: its head, else its modifiers ("Russian forces"), plus its conjuncts.

    "it" and "its" with no actor of their own stand for the last
    non-person actor that was a subject in the sentence (``antecedent``).
    """
    heads = [tok, *(c for c in tok.children if c.dep_ == "conj")]
    out: set[str] = set()
    for head in heads:
        found = _actors_at(head, base, doc, index, people)
        if not found:
            for c in head.children:
                if c.dep_ in _MOD:
                    found |= _actors_at(c, base, doc, index, people)
        if not found and head.lower_ in _PRONOUNS:
            found = set(antecedent)
        out |= found
    return out


def _clause_chain(tok: Token, limit: int = 4) -> list[Token]:
    """The token and the heads it inherits its subject and modality from."""
    chain = [tok]
    cur = tok
    for _ in range(limit):
        if cur.dep_ not in _CHAIN or cur.head.i == cur.i:
            break
        if cur.dep_ == "advcl" and not _is_infinitive(cur):
            break  # only purpose infinitives share their head's subject
        cur = cur.head
        chain.append(cur)
    return chain


def _modality(chain: list[Token]) -> str | None:
    for t in chain:
        for c in t.children:
            if c.dep_ != "aux":
                continue
            if c.lower_ in _PRESCRIPTIVE:
                return "prescription"
            if c.lower_ in _PREDICTIVE:
                return "prediction"
    return None


def _is_going_to(tok: Token) -> bool:
    """ "was going to join": a future marker, not a motion."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.lower_ == "going" and nxt is not None and nxt.lower_ == "to" and any(c.dep_ == "xcomp" for c in tok.children)


def _is_catenative(tok: Token, lemma: str, classes: frozenset[str]) -> bool:
    """ "decided to sell", "continued dealing": the complement is the predicate.

    A verb with a verb complement and no object of its own is skipped unless
    it names an action class itself ("refused to sign", "threatened to leave").
    """
    if any(c.dep_ == "dobj" for c in tok.children):
        return False
    if not any(c.dep_ == "xcomp" and c.pos_ == "VERB" for c in tok.children):
        return False
    return lemma in _ASPECTUAL or not classes - {"CONTINUE"}


def _is_report(tok: Token, lemma: str) -> bool:
    """A reporting or belief verb introducing a clause ("said that ..."): the clause is the content."""
    return (lemma in REPORTING_VERBS or lemma in _BELIEF) and any(c.dep_ in {"ccomp", "parataxis"} for c in tok.children)


def _is_predicate(tok: Token) -> bool:
    """Verbs, predicate adjectives, and a noun misparsed as the verb of a question ("Will Assad compromise?")."""
    pos = tok.pos_
    if pos == "VERB":
        return True
    if pos == "ADJ":
        return tok.dep_ in {"acomp", "ROOT", "xcomp", "conj"}
    return pos == "NOUN" and tok.dep_ == "ROOT" and any(c.dep_ == "aux" and c.tag_ == "MD" for c in tok.children)


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in _NEGATORS for c in tok.children)


def _polarity_negated(chain: list[Token]) -> bool:
    """Negation of the predicate, through the verbs it complements.

    "is not ready to compromise" negates the compromise; "will not hesitate
    to redeploy" does not negate the redeployment, "failed to pass" does.
    """
    negated = _negated(chain[0])
    for below, head in itertools.pairwise(chain):
        if below.dep_ not in {"xcomp", "acomp"}:
            break
        negated ^= _negated(head)
        negated ^= head.lemma_.lower() in _NEGATIVE_IMPLICATIVE
    return negated


def _is_infinitive(tok: Token) -> bool:
    return any(g.dep_ == "aux" and g.lower_ == "to" for g in tok.children)


def _purpose_clause(tok: Token) -> Token | None:
    """ "came to X *to fight*": an infinitive adverbial clause."""
    return next((c for c in tok.children if c.dep_ == "advcl" and c.pos_ == "VERB" and _is_infinitive(c)), None)


def _purpose_phrase(tok: Token) -> bool:
    """A "for" phrase after the verb ("not suing him for cash"): the usual focus of a negation."""
    return any(c.dep_ == "prep" and c.lower_ == "for" and c.i > tok.i for c in tok.children)


def _prepositional_actors(
    tok: Token, base: int, doc: str, index: ActorIndex, antecedent: set[str], deps: frozenset[str] | set[str] = frozenset({"prep"})
) -> set[str]:
    """Actors of the objects of ``tok``'s prepositions ("to Syria", "against Clifford"; "by X" with ``deps={"agent"}``)."""
    out: set[str] = set()
    for c in tok.children:
        if c.dep_ in deps:
            for p in c.children:
                if p.dep_ == "pobj":
                    out |= _argument_actors(p, base, doc, index, antecedent)
    return out


def _roles(chain: list[Token], base: int, doc: str, index: ActorIndex, antecedent: set[str]) -> tuple[set[str], set[str]]:
    """Subject actors (from the chain: own subject, object controller, or the head's subject) and object actors."""
    subj: set[str] = set()
    args: set[str] = set()
    tok = chain[0]
    for c in tok.children:
        if c.dep_ in _PATIENT:
            args |= _argument_actors(c, base, doc, index, antecedent)
            args |= _prepositional_actors(c, base, doc, index, antecedent)  # "sanctions on Syria"
        elif c.dep_ == "agent":
            subj |= _prepositional_actors(tok, base, doc, index, antecedent, {"agent"})
        elif c.dep_ == "nmod" and tok.pos_ == "NOUN":
            subj |= _argument_actors(c, base, doc, index, antecedent)  # a question verb parsed as a noun
    args |= _prepositional_actors(tok, base, doc, index, antecedent)
    for below, t in zip([None, *chain], chain, strict=False):
        controller = _object_controller(below, t)
        s = controller or next((c for c in t.children if c.dep_ in _SUBJ), None)
        if s is not None:
            subj |= _argument_actors(s, base, doc, index, antecedent)
            break
    return subj, args


def _object_controller(below: Token | None, head: Token) -> Token | None:
    """ "urged Comey to drop the probe": Comey drops it (the object of an object-control verb)."""
    if below is None or below.dep_ != "xcomp" or head.lemma_.lower() not in _OBJECT_CONTROL:
        return None
    return next((c for c in head.children if c.dep_ in {"dobj", "dative"}), None)


def extract_frames(tokens: Iterable[Token], base: int, doc: str, index: ActorIndex) -> tuple[Frame, ...]:
    """The frames of a claim's tokens (offsets: ``base`` + token.idx into the document text)."""
    toks = list(tokens)
    frames: list[Frame] = []
    moved: set[int] = set()  # purpose clauses that carry a negation of their motion verb
    antecedent: set[str] = set()
    for tok in toks:
        if tok.dep_ in _SUBJ and tok.lower_ not in _PRONOUNS:
            found = _argument_actors(tok, base, doc, index, set(), people=False)
            if found:
                antecedent = found
        if not _is_predicate(tok):
            continue
        lemma = tok.lemma_.lower()
        if _is_report(tok, lemma) or _is_going_to(tok):
            continue
        classes = _classes(tok, lemma)
        if _is_catenative(tok, lemma, classes):
            continue
        chain = _clause_chain(tok)
        subj, args = _roles(chain, base, doc, index, antecedent)
        negated = _polarity_negated(chain) or tok.i in moved
        if negated and tok.i not in moved:
            purpose = _purpose_clause(tok)
            if purpose is not None and "MOTION" in classes:
                negated = False  # "did not come to X to fight": they came, not to fight
                moved.add(purpose.i)
            elif purpose is not None or _purpose_phrase(tok):
                continue  # "isn't suing for cash": the polarity of the suing is unclear
        if not subj and not args:
            continue
        frames.append(
            Frame(
                lemma=lemma,
                stems=frozenset() if lemma in _LIGHT else _stems(lemma),
                classes=classes,
                subj=frozenset(subj),
                args=frozenset(args),
                modality=_modality(chain),
                negated=negated,
            )
        )
    return tuple(frames)


@dataclass(frozen=True)
class Families:
    """What the frames know about actors beyond their identity."""

    country: dict[str, str] = field(default_factory=dict)  # actor id -> the country actor it speaks for
    unplaced: frozenset[str] = frozenset()  # places of unknown country: they may lie in any country


def actor_families(story: Story) -> Families:
    """A country stands for itself, and its officials and institutions (persons and organizations with a role) for it."""
    countries = {a.country: a.id for a in story.actors if a.kind == "country" and a.country}
    out: dict[str, str] = {}
    for a in story.actors:
        if a.kind == "country" and a.country:
            out[a.id] = a.id
        elif a.kind in {"person", "organization"} and a.role and a.country in countries:
            out[a.id] = countries[a.country]
    unplaced = frozenset(a.id for a in story.actors if a.kind == "place" and not a.country)
    return Families(out, unplaced)


def _speaks_for(members: frozenset[str], countries: frozenset[str], families: Families) -> bool:
    """One of ``members`` is an official or institution of a country in ``countries`` (two officials are not one actor)."""
    return any(families.country.get(x) in countries and families.country.get(x) != x for x in members)


def _affinity(a: frozenset[str], b: frozenset[str], families: Families) -> float | None:
    """1 for a shared actor, ``AFFILIATED`` for a country and its official, 0 for different ones, None when a side has none.

    A place of unknown country against another actor is ``UNPLACED`` (the port may be in the country).
    """
    if not a or not b:
        return None
    if a & b:
        return 1.0
    if _speaks_for(a, b, families) or _speaks_for(b, a, families):
        return AFFILIATED
    if not (a - families.unplaced) or not (b - families.unplaced):
        return UNPLACED
    return 0.0


def different_doers(a: Frame, b: Frame, families: Families) -> bool:
    """The same asserted deed to the same actor, done by different actors ("police freed the hostage" / "soldiers freed the hostage")."""
    if a.negated or b.negated or a.modality or b.modality or not (a.stems & b.stems):
        return False
    return bool(a.args & b.args) and _affinity(a.subj - a.args, b.subj - b.args, families) == 0.0


def frame_similarity(a: Frame, b: Frame, families: Families) -> float:
    """How much two frames say the same thing about the same actors, in [0, 1] (polarity ignored).

    A full match needs a related predicate and the same actors as subject
    and as object; one with only its subject shared (objects different, or
    missing on one side) is a partial match, worth ``PARTIAL`` of it. Known
    different subjects never match. Two prescriptions to the same actor
    ("X must ...", "X should ...") match whatever they prescribe.
    """
    if a.stems.isdisjoint(b.stems) and a.classes.isdisjoint(b.classes) and not a.modality == b.modality == "prescription":
        return 0.0  # unrelated predicates: no match whoever the actors are (the cheap test first)
    known = _affinity(a.subj, b.subj, families)
    if known == 0.0:
        return 0.0  # different actors do it
    subj = known or 0.0
    args = _affinity(a.args, b.args, families)
    if a.stems & b.stems:
        pred = 1.0
    elif a.classes & b.classes:
        pred = CLASS_MATCH
    elif a.modality == b.modality == "prescription" and subj > 0:
        return PRESCRIBED * subj
    else:
        return 0.0
    if subj and args:
        return pred * (0.6 * subj + 0.4 * args)
    return pred * PARTIAL * subj


def best_frame_match(
    a: Iterable[Frame], b: Iterable[Frame], families: Families, same_polarity: bool = False
) -> tuple[float, Frame | None, Frame | None]:
    """The most similar pair of frames of two claims (only pairs of equal polarity if ``same_polarity``)."""
    best: tuple[float, Frame | None, Frame | None] = (0.0, None, None)
    b_list = list(b)
    for fa in a:
        for fb in b_list:
            if same_polarity and fa.negated != fb.negated:
                continue
            s = frame_similarity(fa, fb, families)
            if s > best[0]:
                best = (s, fa, fb)
    return best
