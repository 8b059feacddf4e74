"""Who did what to whom, when: event candidates from one parsed block.

Every action of a story actor in a main or reported clause is a candidate.
Verbal events come from verbs with an actor as subject ("Turkey shot down
a Russian fighter aircraft last November"), or as agent of a passive ("was
attacked by Norway"); a passive without agent makes its subject the one
acted upon (``whom``), never the actor. Nominal events come from nouns that
name an action and carry their own date and agent ("Russia's surprise
announcement Monday", "his assumption of power in 2000").

A date expression belongs to the nearest verb above it in the parse, so a
date inside an adjunct dates the verb it modifies ("In a Feb. 18 rebuke
..., the envoy said"; "Assad issued a Feb. 22 decree"). A verb without a
date of its own takes its coordinated head's date, and a past-tense
content clause takes the date of the report it belongs to ("the
announcement Monday that Putin had ordered ..."); failing that, the one
date of its sentence, a day named before ("on that day"), or, for a dated
report's lead, its statements and its present-tense actions, the report's
reference range (``BlockInput.reference``; the stage builds it).

Reported speech yields the speech event (X said/warned/announced) with the
quotation around it, unless nothing is said ("X said Tuesday"). What an
actor says it will do is one event with its saying ("Acme said it will
appeal" is REJECT); what it says another actor did, or what it did earlier,
is an event of its own when it can be dated. Negated, conditional, modal
and future actions keep a modality other than "asserted".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Literal

from ..actor_index import ActorIndex
from ..language.attribution import pronoun_info
from ..language.lexicon import load_lexicon, word_set
from ..language.plover import category_of, is_light, is_reporting, pair_category
from ..language.time import MONTH_ALTERNATION, TimeValue, Timex3, clause_tense, timex_range
from ..language.words import FUTURE_MODALS, HYPOTHETICAL_MODALS, NONFACTIVE_VERBS, PERSON_PRONOUN_FORMS, STATE_VERBS
from ..models import Actor
from ..text import doc_text

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

__all__ = ["BlockInput", "Candidate", "actor_names", "extract_block"]

Modality = Literal["asserted", "negated", "hypothetical", "predicted"]

_SKIP_VERBS = word_set("events", "verbs", "skip")
_STATE_VERBS = STATE_VERBS
# Verbs whose complement may not be true ("hopes that X will sign"); "know", "see" are factive.
_NONFACTIVE = NONFACTIVE_VERBS
_MODALS = HYPOTHETICAL_MODALS
_CONDITIONAL_MARKS = {"if", "unless", "whether", "lest"}
_PERSON_PRONOUNS = PERSON_PRONOUN_FORMS
_GROUP_PRONOUNS = {"its", "they", "their", "themselves"}  # not "it": mostly a situation, not an actor
_WHOM_PREPS = {"to", "with", "against", "on", "over", "from", "at", "toward", "towards", "into", "for"}
_PLACE_PREPS = {"in", "at", "near", "outside", "inside"}
_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
# Nouns of acts that happen as they are made public: what they announce is dated by them.
_ANNOUNCING = {"announcement", "declaration", "decision", "order", "decree", "proclamation", "pledge", "vow", "promise"}


@dataclass
class BlockInput:
    """One kept block: its parse, where it sits, and the dates to resolve against."""

    doc_id: str
    parse: Doc
    base: int  # offset of the block in Document.text
    doc_text: str
    anchor: date | None  # the document's publication date (or None)
    year_anchor: date | None  # for year-less dates when the document is undated
    reference: TimeValue | None = None  # the days a dated report's lead actions fall in
    first_sentence: int = 0  # ordinal of the block's first sentence in its document
    lead_sentences: int = 3  # sentences of a document that make its lead
    caption: bool = False  # a photo caption
    last_day: TimeValue | None = None  # the last day named before this block; updated by extract_block
    named_events: dict[str, TimeValue] = field(default_factory=dict)  # event noun lemma -> its date, named before; updated by extract_block
    names: dict[str, Actor] = field(default_factory=dict)  # actor by name, for names the actors stage left unlinked
    timexes: list[Timex3] = field(default_factory=list)  # the block's temporal expressions (the timexes stage), offsets into the block
    genders: dict[str, str | None] = field(default_factory=dict)  # a person's gender ("m"/"f") by actor id, when the story gives it away


@dataclass
class Candidate:
    """An event found in one document, before merging across documents."""

    doc: str
    start: int  # evidence, offsets into Document.text
    end: int
    trigger: str  # lemma of the action word
    text: str
    who: Actor | None
    whom: Actor | None
    date: TimeValue | None
    category: str
    modality: Modality
    place: str | None = None
    speech: bool = False
    nominal: bool = False
    basis: str | None = None  # where the date comes from: clause, sentence, document (None: undated)
    lead: bool = False  # in the document's lead (title or first sentences)
    token: int = -1  # index of the trigger in its block's parse
    reported_by: int = -1  # index of the reporting verb whose content this is (-1: none)
    past: bool = False  # told in the past tense
    sentence: tuple[int, int] = (0, 0)  # the sentence holding the trigger, offsets into Document.text
    extra: list[tuple[str, int, int]] = field(default_factory=list)  # further evidence (doc, start, end)


# -- dates ---------------------------------------------------------------

def _governor(tok: Token) -> Token | None:
    """The nearest verb above ``tok``."""
    for anc in tok.ancestors:
        if anc.pos_ in {"VERB", "AUX"}:
            return anc
    return None


_ABSOLUTE = re.compile(rf"\b\d{{4}}\b|\b(?:{MONTH_ALTERNATION})\b", re.IGNORECASE)


def _block_dates(block: BlockInput) -> tuple[dict[int, TimeValue], dict[int, TimeValue]]:
    """Resolved dates by governing verb index, and by the word each date modifies.

    The dates are the block's temporal expressions as the ``timexes`` stage
    valued them (one temporal analysis for the whole story); those that
    name a calendar period (a day, week, month, quarter, year) date events.
    """
    by_verb: dict[int, TimeValue] = {}
    by_word: dict[int, TimeValue] = {}
    ranked: dict[int, tuple[tuple[int, int], TimeValue]] = {}  # verb -> ((how directly, text order), date): the best date wins
    text = doc_text(block.parse)
    for n, tx in enumerate(block.timexes):
        if tx.type not in {"DATE", "TIME"}:
            continue
        span = block.parse.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        if not _ABSOLUTE.search(tx.text) and text.count('"', 0, tx.start) % 2 == 1:
            continue  # "yesterday" inside a quotation is the speaker's yesterday, of unknown date
        value = timex_range(tx.value)
        if value is None:
            continue
        root = span.root
        word = root.head
        if word.dep_ == "prep" and word.head != word:
            word = word.head
        if span.start > 0 and _is_action_noun(block.parse[span.start - 1]):
            word = block.parse[span.start - 1]  # "the announcement yesterday", often attached elsewhere
        if word != root:
            by_word.setdefault(word.i, value)
            for held in _of_actions(word):
                by_word.setdefault(held.i, value)  # "five days of hearings in February": the hearings' date
        noun = _action_noun_above(word)
        if noun is not None and _has_own_agent(noun):
            by_word.setdefault(noun.i, value)
            continue  # "Russia's announcement Monday": the noun's date, not the verb's
        if root.dep_ == "pobj" and root.head.lower_ == "since":
            continue  # "has lost 65 percent since 2014": the start of a period, not the date of an act
        verb = root if root.pos_ == "VERB" else _governor(root)
        caption = block.caption or any(t.lower_ in {"photo", "photograph"} for t in span.sent)
        if verb is not None and _fits_verb(root, verb, value, block.anchor, caption):  # not "blames Comey for her defeat last November"
            _offer(ranked, verb.i, (2 if _through_noun(root, verb) else 0, n), value)
            head = _participle_head(verb)
            if head is not None and _fits_verb(root, head, value, block.anchor, caption):
                _offer(ranked, head.i, (1, n), value)  # "signed the deal using her name on Oct. 28": the signing's date
    by_verb.update({i: v for i, (_rank, v) in ranked.items()})
    return by_verb, by_word


def _participle_head(verb: Token) -> Token | None:
    """The verb a subject-less participle adjoins ("signed it, using her name", also when parsed as the object's modifier)."""
    if any(c.dep_ in _SUBJECTS for c in verb.children):
        return None
    if verb.dep_ in {"advcl", "xcomp"} and verb.tag_ in {"VBG", "VBN"} and verb.head.pos_ == "VERB":
        return verb.head
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return _governor(verb)
    return None


def _offer(ranked: dict[int, tuple[tuple[int, int], TimeValue]], i: int, rank: tuple[int, int], value: TimeValue) -> None:
    if i not in ranked or rank < ranked[i][0]:
        ranked[i] = (rank, value)


def _through_noun(root: Token, verb: Token) -> bool:
    """Whether a date reaches ``verb`` through a noun it describes ("before the 2016 election", "a Feb. 22 decree").

    Such a date dates the verb only when no date of the verb's own does.
    """
    cur = root.head
    while cur != verb and cur.head != cur:
        if cur.pos_ in {"NOUN", "PROPN"}:
            return True
        cur = cur.head
    return False


def _fits_verb(root: Token, verb: Token, value: TimeValue, anchor: date | None, caption: bool = False) -> bool:
    """Whether a date can date ``verb``: a present-tense verb takes only a recent date that modifies it.

    A photo caption tells a past moment in the present tense ("In this
    Jan. 5 photo, the minister speaks ...").
    """
    if clause_tense(verb) != "present" or (caption and _modifies_verb(root, verb)):
        return True
    if anchor is not None and value.latest < anchor - timedelta(days=31):
        return False  # a present-tense verb is no happening of months ago
    return _modifies_verb(root, verb)


_TIME_PREPS = {"on", "in", "at", "since", "during", "by", "until", "till", "before", "after", "from", "through", "as", "of"}


def _modifies_verb(root: Token, verb: Token) -> bool:
    """Whether a date reaches ``verb`` as an adverbial, not through an object or a non-temporal preposition."""
    cur = root
    while cur.head != verb and cur.head != cur:
        cur = cur.head
    if cur.head != verb:
        return False
    return cur.dep_ in {"npadvmod", "tmod", "advmod", "pobj"} or (cur.dep_ == "prep" and cur.lower_ in _TIME_PREPS) or cur == root


_EVENT_NOUNS = word_set("events", "nouns", "events")


def _is_action_noun(tok: Token) -> bool:
    if tok.pos_ != "NOUN":
        return False
    return category_of(tok.lemma_) != "OTHER" or is_reporting(tok.lemma_) or tok.lemma_.lower() in _EVENT_NOUNS


def _action_noun_above(tok: Token) -> Token | None:
    """``tok`` or the noun it complements ("assumption of power"), if that names an action."""
    cur = tok
    for _ in range(2):
        if _is_action_noun(cur):
            return cur
        if cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head.pos_ in {"NOUN", "PROPN"}:
            cur = cur.head.head  # "his assumption of power in 2000"
        else:
            return None
    return cur if _is_action_noun(cur) else None


def _of_actions(tok: Token) -> list[Token]:
    """The action nouns a measure noun counts: "five days of hearings", "a round of talks"."""
    if tok.pos_ != "NOUN" or _is_action_noun(tok):
        return []
    return [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj" and _is_action_noun(o)]


def _noun_agent(noun: Token, block: BlockInput, index: ActorIndex) -> Actor | None:
    """Who performs the action a noun names: its possessor, or a country/organization modifier.

    A person modifier is more often the target ("the Trump investigation"). An
    action counted by a measure noun has the measure's possessor ("the NLRB's
    five days of hearings").
    """
    words = _agent_words(noun)
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun in _of_actions(noun.head.head):
        words += [w for w in _agent_words(noun.head.head) if w.dep_ == "poss"]
    for word in words:
        actor = _actor_of(word, block, index, depth=1)
        if actor is not None and (word.dep_ == "poss" or actor.kind != "person"):
            return actor
    return _by_agent(noun, block, index)


def _by_agent(noun: Token, block: BlockInput, index: ActorIndex) -> Actor | None:
    """The agent a "by" phrase gives an action noun: "inspections by the agency", "a ruling by Judge Roe"."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            for obj in child.children:
                actor = _actor_of(obj, block, index, depth=1) if obj.dep_ == "pobj" else None
                if actor is not None and actor.kind != "place":
                    return actor
    return None


def _agent_words(noun: Token) -> list[Token]:
    return [c for c in noun.children if c.dep_ in {"poss", "compound", "amod"} and c.pos_ in {"PROPN", "PRON", "ADJ", "NOUN"}]


def _has_own_agent(noun: Token) -> bool:
    return any(c.dep_ == "poss" or c.pos_ == "PROPN" or (c.dep_ == "amod" and c.text[:1].isupper()) for c in _agent_words(noun))


def _content_clause(verb: Token) -> bool:
    """A clause saying what a report reported: "the announcement that X had ordered".

    The parser often labels it a relative clause; one with a subject of its
    own (not "that"/"which") is content, not a relative clause.
    """
    head = verb.head
    if head.pos_ != "NOUN" or head.lemma_.lower() not in _ANNOUNCING:
        return False  # "Tuesday's report that Trump asked ...": the asking is older than the report
    if verb.dep_ == "acl":
        return True
    return verb.dep_ == "relcl" and any(c.dep_ in _SUBJECTS and c.tag_ not in {"WDT", "WP"} for c in verb.children)


def _inherited_date(tok: Token, by_verb: dict[int, TimeValue], by_word: dict[int, TimeValue]) -> TimeValue | None:
    cur = tok
    for _ in range(4):
        if cur.i in by_verb:
            return by_verb[cur.i]
        head = cur.head
        if head == cur:
            return None
        if cur.dep_ == "xcomp" or (cur.dep_ == "conj" and not any(c.dep_ in {"aux", "auxpass"} for c in cur.children)):
            cur = head  # "declared ... and announced"; not "shot down ... and has shown"
            continue
        if _content_clause(cur) and clause_tense(cur) == "past" and head.i in by_word:
            return by_word[head.i]  # "the announcement Monday that Putin had ordered ..."
        if cur.dep_ in {"ccomp", "relcl", "advcl"} and head.lemma_ == "be" and any(c.lower_ == "it" and c.dep_ in {"nsubj", "expl"} for c in head.children):
            cur = head  # "It was only in October that the Kremlin granted ..."
            continue
        return None
    return None


# -- actors --------------------------------------------------------------

def _char(block: BlockInput, tok: Token) -> tuple[int, int]:
    return block.base + tok.idx, block.base + tok.idx + len(tok)


def _prominent(tok: Token) -> bool:
    """A subject, or the possessor of a subject."""
    return tok.dep_ in _SUBJECTS or (tok.dep_ == "poss" and tok.head.dep_ in _SUBJECTS)


def _resolve_pronoun(tok: Token, block: BlockInput, index: ActorIndex) -> Actor | None:
    """The actor a pronoun the actors stage left unlinked most likely refers to.

    When the likeliest one cannot be meant ("she" for a man the story calls
    "Mr." or "the father"), only a person known to agree with the pronoun
    stands in for it; else nobody.
    """
    low = tok.lower_
    if low in _PERSON_PRONOUNS:
        want = {"person"}
    elif low in _GROUP_PRONOUNS:
        want = {"country", "organization", "group"}
    else:
        return None
    first = _likeliest(tok, block, index, want, None)
    if first is None or _agrees(tok, first, block):
        return first
    info = pronoun_info(low)
    return _likeliest(tok, block, index, want, info.gender if info is not None else None)


def _likeliest(tok: Token, block: BlockInput, index: ActorIndex, want: set[str], gender: str | None) -> Actor | None:
    """The nearest prominent actor of a wanted kind in the sentence, else the last one named shortly before.

    With ``gender``, only a person known to have it.
    """

    def fits(actor: Actor) -> bool:
        return actor.kind in want and (gender is None or block.genders.get(actor.id) == gender)

    sent = tok.sent
    found: list[tuple[int, Actor]] = []
    for t in sent:
        if t.i == tok.i or not _prominent(t) or t.pos_ == "PRON":
            continue
        actor = _actor_of(t, block, index, depth=1, pronouns=False)
        if actor is not None and fits(actor):
            found.append((abs(t.i - tok.i) + (0 if t.i < tok.i else 50), actor))
    if found:
        return min(found, key=lambda f: f[0])[1]
    if want == {"person"} and any(t.i < tok.i and t.dep_ in _SUBJECTS and t.pos_ == "NOUN" for t in sent):
        return None  # "An actress who ... sued, her lawyer said": the pronoun's antecedent is no story actor
    start, _ = _char(block, sent[0])
    rows = index.mentions_in(block.doc_id, max(0, start - 600), start)
    for _s, _e, actor in reversed(rows):
        if fits(actor):
            return actor
    return None


def _agrees(tok: Token, actor: Actor, block: BlockInput) -> bool:
    """Whether a gendered pronoun can stand for ``actor`` (a person of the other known gender cannot)."""
    info = pronoun_info(tok.lower_)
    if info is None or info.gender not in {"m", "f"} or actor.kind != "person":
        return True
    return block.genders.get(actor.id) in {None, info.gender}


def _actor_of(tok: Token, block: BlockInput, index: ActorIndex, depth: int = 0, pronouns: bool = True) -> Actor | None:
    """The actor a noun phrase headed by ``tok`` names: itself, its possessor or modifier, or 'X of Y'."""
    actor = index.at(block.doc_id, *_char(block, tok)) or _named(tok, block)
    if actor is not None and tok.pos_ == "PRON" and not _agrees(tok, actor, block):
        # "she" linked to a man the story calls "Mr.": only a person known to be a woman instead
        info = pronoun_info(tok.lower_)
        return _likeliest(tok, block, index, {"person"}, info.gender if info is not None else None) if pronouns else None
    if actor is None and depth == 0:
        actor = _described(tok, block, index)
    if actor is not None:
        return actor
    if tok.pos_ == "PRON":
        return _resolve_pronoun(tok, block, index) if pronouns else None
    if depth > 1:
        return None
    if depth == 0:
        for child in tok.children:
            if child.dep_ == "appos":  # "the company, Acme, said"; "In this file photo, Smith speaks" (misparsed)
                actor = index.at(block.doc_id, *_char(block, child)) or _named(child, block)
                if actor is not None:
                    return actor
    for child in tok.children:
        if child.dep_ in {"poss", "compound", "amod", "nmod"}:
            actor = _actor_of(child, block, index, depth + 1, pronouns)
            if actor is not None and (child.dep_ == "poss" or actor.kind != "person"):
                return actor  # "Russian forces", "Trump's lawyer"; not "the Trump administration"
    for child in tok.children:
        if child.dep_ == "prep" and (child.lower_ == "of" or (child.lower_ in {"with", "from", "for"} and not _is_action_noun(tok))):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    actor = index.at(block.doc_id, *_char(block, obj)) or _named(obj, block)
                    if actor is not None and (child.lower_ == "of" or actor.kind != "person"):
                        return actor  # "an official of the board", "inspectors with the city's department"
    return None


_DESCRIPTIONS: dict[str, frozenset[str]] = {
    head: frozenset(str(words).split()) for head, words in load_lexicon("events")["descriptions"].items()
}


def _described(tok: Token, block: BlockInput, index: ActorIndex) -> Actor | None:
    """"the company", "the school": the nearest organization named before whose name fits the noun."""
    words = _DESCRIPTIONS.get(tok.lower_)
    if words is None or tok.pos_ != "NOUN" or [c.lower_ for c in tok.children if c.i < tok.i] != ["the"]:
        return None
    start, _ = _char(block, tok)
    for _s, _e, actor in reversed(index.mentions_in(block.doc_id, max(0, start - 1500), start)):
        if actor.kind != "organization":
            continue
        if any(_name_head(name) in words for name in [actor.name, *actor.aliases]):
            return actor
    return None


def _name_head(name: str) -> str:
    """The word that says what a name names: "Northwestern University", "University of Chicago"."""
    parts = name.lower().split()
    if "of" in parts[1:]:
        return parts[0]
    return parts[-1] if parts else ""


def _named(tok: Token, block: BlockInput) -> Actor | None:
    """The actor whose name (or unambiguous surname) an unlinked proper noun spells."""
    if tok.pos_ != "PROPN" or not block.names:
        return None
    words = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i and c.pos_ == "PROPN"]
    full = " ".join(t.text for t in [*words, tok])
    return block.names.get(full) or block.names.get(tok.text)


def actor_names(actors: list[Actor]) -> dict[str, Actor]:
    """Each actor by its name and aliases, and a person by a surname no other actor shares."""
    names: dict[str, Actor] = {}
    taken: dict[str, int] = {}
    for actor in actors:
        for name in [actor.name, *actor.aliases]:
            names.setdefault(name, actor)
    for actor in actors:
        parts = actor.name.split()
        if actor.kind == "person" and len(parts) > 1 and len(parts[-1]) > 2 and parts[-1][:1].isupper():
            taken[parts[-1]] = taken.get(parts[-1], 0) + 1
    for actor in actors:
        parts = actor.name.split()
        if actor.kind == "person" and len(parts) > 1 and taken.get(parts[-1]) == 1:
            names.setdefault(parts[-1], actor)
    return names


def _subject(verb: Token) -> tuple[Token | None, bool]:
    """The subject of ``verb`` (climbing conjunctions and relative clauses) and whether it is passive."""
    cur = verb
    for _ in range(3):
        # the nearest subject: a misparse may hang a second one on the verb ('"..., but students," X said')
        for child in sorted((c for c in cur.children if c.dep_ in _SUBJECTS), key=lambda c: abs(c.i - cur.i)):
            if child.tag_ in {"WDT", "WP"} and cur.dep_ == "relcl":
                return cur.head, child.dep_ == "nsubjpass"
            return child, child.dep_ == "nsubjpass"
        if cur.dep_ in {"conj", "xcomp"} and cur.head != cur:
            cur = cur.head
            continue
        if cur.dep_ == "relcl":
            return cur.head, False
        break
    return None, False


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def _whom(verb: Token, who: Actor | None, block: BlockInput, index: ActorIndex) -> Actor | None:
    """The target: object, dative, or the object of a directional preposition."""
    objs = [c for c in verb.children if c.dep_ in {"dobj", "dative", "attr", "oprd"}]
    objs += [o for c in verb.children if c.dep_ == "prep" and c.lower_ in _WHOM_PREPS for o in c.children if o.dep_ == "pobj"]
    for xc in (c for c in verb.children if c.dep_ == "xcomp"):
        objs += [c for c in xc.children if c.dep_ == "dobj"]
    for obj in objs:
        actor = _actor_of(obj, block, index)
        if actor is not None and actor is not who:
            return actor
    return None


def _place(verb: Token) -> str | None:
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.ent_type_ in {"GPE", "LOC", "FAC"}:
                    ent = next((e for e in obj.doc.ents if e.start <= obj.i < e.end), None)
                    return ent.text if ent is not None else obj.text
    return None


# -- modality and category -----------------------------------------------

def _modality(verb: Token) -> Modality:
    """asserted, or negated / hypothetical (conditional, modal, wished-for) / predicted (future)."""
    cur: Token | None = verb
    for _ in range(5):
        if cur is None:
            break
        kids = list(cur.children)
        if any(k.dep_ == "neg" or k.lower_ == "never" for k in kids):
            return "negated"
        if cur.i == verb.i and any(k.dep_ == "dobj" and any(d.lower_ == "no" for d in k.children) for k in kids):
            return "negated"  # "made no request"
        if any(k.dep_ == "mark" and k.lower_ in _CONDITIONAL_MARKS for k in kids):
            return "hypothetical"
        auxes = {k.lower_ for k in kids if k.dep_ in {"aux", "auxpass"}}
        if auxes & _MODALS and "have" not in auxes:
            return "hypothetical"
        if auxes & FUTURE_MODALS:
            return "predicted"
        if cur.dep_ in {"xcomp", "conj"} and cur.head != cur:
            cur = cur.head
            continue
        if cur.dep_ in {"advcl", "ccomp"} and cur.head != cur and cur.head.lemma_ in _NONFACTIVE:
            return "hypothetical"
        break
    return "hypothetical" if _in_consequent(verb) else "asserted"


def _in_consequent(verb: Token) -> bool:
    """Whether ``verb`` sits in the main clause of an "if ..." sentence, outside the if-clause."""
    path = [verb, *verb.ancestors]
    for tok in path:
        for child in tok.children:
            if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITIONAL_MARKS for m in child.children):
                if all(p.i != child.i for p in path):
                    return True
    return False


def _particle(verb: Token) -> str | None:
    return next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)


_PARTY_VERBS = word_set("events", "verbs", "party")
_PARTY_ENTS = {"PERSON", "ORG", "GPE", "NORP"}


def _without_party(verb: Token) -> bool:
    """"met the deadline", "visited the site": a meeting verb whose object is no party."""
    if verb.lemma_.lower() not in _PARTY_VERBS:
        return False
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objs) and not any(o.pos_ in {"PROPN", "PRON"} or o.ent_type_ in _PARTY_ENTS for o in objs)


def _verb_category(verb: Token) -> str:
    """The verb's own category, with its particle or first preposition ("call for", "pull out", "object to")."""
    if _without_party(verb):
        return "OTHER"
    for word in [c for c in verb.children if c.dep_ == "prt"] + [c for c in verb.children if c.dep_ == "prep"][:1]:
        cat = category_of(verb.lemma_, word.lower_)
        if cat != category_of(verb.lemma_):
            return cat
    return category_of(verb.lemma_)


def _object_category(verb: Token) -> str:
    """The category of the action the verb's object names ("struck a deal", "filed a lawsuit")."""
    objs = [c for c in verb.children if c.dep_ in {"dobj", "attr"}]
    objs += [o for c in verb.children if c.dep_ == "xcomp" for o in c.children if o.dep_ == "dobj"]
    for obj in objs:
        words = [obj, *(c for c in obj.children if c.dep_ == "compound"), *(o for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children)]
        for word in words:  # "a deal", "arbitration proceedings", "a round of talks"
            if word.pos_ == "NOUN":
                cat = category_of(word.lemma_)
                if cat != "OTHER":
                    return cat
    return "OTHER"


def _category(verb: Token) -> str:
    """PLOVER category of the action: from the predicate and its arguments.

    A light verb takes its object's category ("struck a deal" is AGREE, not
    ASSAULT); otherwise the verb's own, else what it reports or sets in motion.
    """
    if verb.pos_ == "VERB":
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            cat = pair_category(verb.lemma_, obj.lemma_)
            if cat != "OTHER":
                return cat  # "covering the group's legal expenses"
    if verb.pos_ == "VERB" and is_light(verb.lemma_):
        cat = _object_category(verb)
        if cat != "OTHER":
            return cat
    cat = _verb_category(verb) if verb.pos_ == "VERB" else category_of(verb.lemma_)
    if cat != "OTHER":
        return cat
    queue = _category_children(verb)
    if is_reporting(verb.lemma_):  # "In a Feb. 18 rebuke ..., the envoy said"
        queue = [o for c in verb.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"] + queue
    seen = 0
    while queue and seen < 8:
        tok = queue.pop(0)
        seen += 1
        if tok.pos_ == "VERB":
            cat = _object_category(tok) if is_light(tok.lemma_) else "OTHER"
            cat = cat if cat != "OTHER" else _verb_category(tok)
        else:
            cat = category_of(tok.lemma_) if tok.pos_ == "NOUN" else "OTHER"
        if cat != "OTHER":
            return cat
        queue += _category_children(tok)
    return "OTHER"


def _category_children(tok: Token) -> list[Token]:
    """Where the action a word names or sets in motion is said.

    A reporting or light verb names it in its object ("announced a
    withdrawal", "made a request"); any verb in its complement clause
    ("decided to withdraw"); a noun in its "of" phrase or clause ("the
    announcement of a withdrawal"). An object of another verb is no action
    of its own: "violated the agreement" is no AGREE.
    """
    if tok.pos_ == "VERB":
        deps = {"xcomp", "ccomp"}
        if is_reporting(tok.lemma_) or is_light(tok.lemma_):
            deps |= {"dobj", "acl", "advcl"}
        out = [c for c in tok.children if c.dep_ in deps]
    else:
        out = [c for c in tok.children if c.dep_ in {"acl", "relcl"} and c.pos_ == "VERB" and is_reporting(tok.lemma_)]
        out += [c for c in tok.children if c.dep_ == "acl"] if not out else []
    out += [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
    return out


# -- spans ---------------------------------------------------------------

def _clause_span(verb: Token, subject: Token | None) -> tuple[int, int]:
    """Token range [i, j) of the event: subject through the verb's object, within the sentence."""
    sent = verb.sent
    left = subject.left_edge.i if subject is not None else verb.i
    if is_reporting(verb.lemma_):  # '"This is a step forward," she said': what was said comes first
        for child in verb.children:
            if child.i < verb.i and child.dep_ in {"ccomp", "parataxis"}:
                left = min(left, child.left_edge.i)
        if left > sent.start and verb.doc[left - 1].text in {'"', "\u201c", "\u2018"}:
            left -= 1
    right = verb.i
    for child in verb.children:
        if child.i > verb.i and child.dep_ in {"dobj", "prt", "xcomp", "dative", "attr", "oprd", "prep", "agent", "ccomp", "npadvmod", "nsubj", "parataxis"}:
            right = max(right, child.right_edge.i)  # "nsubj": '"...," said the minister'
    if is_reporting(verb.lemma_):
        left, right = _quotation_around(verb, left, right)
    left, right = max(left, sent.start, verb.i - 60), min(right, sent.end - 1, verb.i + 60 if is_reporting(verb.lemma_) else verb.i + 30)
    return min(left, verb.i), right + 1


_QUOTE_MARKS = {'"', "\u201c", "\u201d", "\u2018", "\u2019\u2019", "``", "''"}
_OPENING = {'"', "\u201c", "\u2018", "``"}
_CLOSING_MARKS = {'"', "\u201d", "\u2019", "''"}


def _quotation_around(verb: Token, left: int, right: int) -> tuple[int, int]:
    """Grow a speech event's tokens [left, right] by a quotation right before or after it.

    '"We will not give up," Smith said' and 'Smith said: "We will not give up."'
    """
    doc, sent = verb.doc, verb.sent
    k = left - 1
    while k >= sent.start and doc[k].is_punct and doc[k].text not in _CLOSING_MARKS:
        k -= 1
    if k >= sent.start and doc[k].text in _CLOSING_MARKS and left - k <= 3:
        j = k - 1
        while j >= sent.start and doc[j].text not in _OPENING:
            j -= 1
        left = max(j, sent.start)
    k = right + 1
    while k < sent.end and doc[k].is_punct and doc[k].text not in _OPENING:
        k += 1
    if k < sent.end and doc[k].text in _OPENING and k - right <= 3:
        j = k + 1
        while j < sent.end and doc[j].text not in _CLOSING_MARKS - {"\u2019"}:
            j += 1
        right = min(j, sent.end - 1)
    return left, right


def _has_content(verb: Token) -> bool:
    """Whether the action says more than its subject and verb ("he nearly passed out" does not)."""
    for c in verb.children:
        if c.dep_ == "prep" and any(o.dep_ == "pobj" and o.ent_type_ not in {"DATE", "TIME"} for o in c.children):
            return True  # not "on Monday"
        if c.dep_ in {"dobj", "dative", "attr", "oprd", "agent", "ccomp", "xcomp", "prt", "advcl", "acomp"}:
            return True
    return False


def _make(block: BlockInput, verb: Token, i: int, j: int, **kw: object) -> Candidate:
    doc = block.parse
    start = block.base + doc[i].idx
    end = block.base + doc[j - 1].idx + len(doc[j - 1])
    end = _close_quote(block.doc_text, start, end)
    sent = verb.sent
    sentence = (block.base + sent[0].idx, block.base + sent[-1].idx + len(sent[-1]))
    return Candidate(doc=block.doc_id, start=start, end=end, trigger=verb.lemma_.lower(), text=block.doc_text[start:end], sentence=sentence, token=verb.i, **kw)  # type: ignore[arg-type]


_CLOSING = "\u201d\u2019\""


def _close_quote(text: str, start: int, end: int) -> int:
    """Extend a span by its closing quotation mark when it opens one and stops just short of it."""
    piece = text[start:end]
    opened = sum(piece.count(c) for c in "\u201c\u2018") + piece.count('"') % 2
    closed = sum(piece.count(c) for c in "\u201d")
    if opened <= closed:
        return end
    for k in (0, 1):  # "... of ‘consequences.’": the closing mark may follow a period
        if end + k < len(text) and text[end + k] in _CLOSING and (k == 0 or text[end] in ".,!?"):
            return end + k + 1
    return end


def _reporting_head(verb: Token) -> Token | None:
    """The reporting verb whose content clause ``verb`` heads ("said [it will appeal]")."""
    cur = verb
    for _ in range(3):
        if cur.dep_ not in {"ccomp", "conj", "xcomp", "advcl", "parataxis"} or cur.head == cur:
            return None
        cur = cur.head
        if cur.pos_ == "VERB" and is_reporting(cur.lemma_):
            return cur
    return None


def _past_perfect(verb: Token) -> bool:
    """"had complained": earlier than the time of the report."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in {"had", "'d"} for c in verb.children)


def _in_quotation(block: BlockInput, tok: Token) -> bool:
    text = doc_text(block.parse)
    return (text.count('"', 0, tok.idx) + text.count("\u201c", 0, tok.idx) - text.count("\u201d", 0, tok.idx)) % 2 == 1


_DAY_SHIFT = {"that": 0, "same": 0, "next": 1, "following": 1}


def _anaphoric_day(verb: Token, by_verb: dict[int, TimeValue], previous: TimeValue | None = None) -> TimeValue | None:
    """"On that day", "the same day", "the next day": the last day named before, or the one after it.

    So is "a short time later", "90 minutes after ...", "shortly afterward":
    a happening hours at most after the last one told is on its day.
    """
    shift = None
    for child in verb.children:
        for tok in child.subtree if child.dep_ in {"prep", "npadvmod", "advmod"} else []:
            if tok.lower_ == "day" and any(c.lower_ in _DAY_SHIFT for c in tok.children):
                shift = next(_DAY_SHIFT[c.lower_] for c in tok.children if c.lower_ in _DAY_SHIFT)
        if shift is None and _soon_after(child):
            shift = 0
    if shift is None:
        return None
    before = [(i, v) for i, v in by_verb.items() if i < verb.sent.start and v.precision == "day"]
    named = max(before, key=lambda iv: iv[0])[1] if before else previous
    if named is None:
        return None
    day = named.earliest + timedelta(days=shift)
    return TimeValue(day.isoformat(), "day", day, day)


_AFTER_WORDS = word_set("events", "time", "after")
_SOON_WORDS = word_set("events", "time", "soon")
_SOON_UNITS = word_set("events", "time", "soon_units")


def _soon_after(child: Token) -> bool:
    """"a short time later", "minutes later", "shortly afterward", "90 minutes after work started": within hours."""
    if child.dep_ in {"advmod", "prep"} and child.lower_ in _AFTER_WORDS:  # "minutes later", "minutes after the blast"
        measures = [c for c in child.children if c.dep_ in {"npadvmod", "advmod"}]
    elif child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _AFTER_WORDS for m in child.children):
        marks = [m for m in child.children if m.dep_ == "mark"]  # the measure may hang on "after"
        measures = [c for t in [child, *marks] for c in t.children if c.dep_ == "npadvmod"]
    else:
        return False
    return any(m.lower_ in _SOON_WORDS or (m.lemma_.lower() in _SOON_UNITS and (m.lemma_.lower() != "time" or any(c.lower_ in _SOON_WORDS for c in m.children)))
               for m in measures)


_AT_EVENT_PREPS = {"at", "during", "before", "to", "in"}


def _named_event_date(verb: Token, block: BlockInput) -> TimeValue | None:
    """"Colter told the hearing": the date of the hearings named before, when the verb acts at that event."""
    if not block.named_events:
        return None
    objs = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
    objs += [o for c in verb.children if c.dep_ == "prep" and c.lower_ in _AT_EVENT_PREPS for o in c.children if o.dep_ == "pobj"]
    for obj in objs:
        if obj.pos_ == "NOUN" and [c.lower_ for c in obj.children if c.dep_ == "det"] == ["the"]:
            value = block.named_events.get(obj.lemma_.lower())
            if value is not None:
                return value
    return None


def _sentence_date(verb: Token, by_verb: dict[int, TimeValue], block: BlockInput) -> TimeValue | None:
    """The one date of the verb's sentence, when the verb is not what somebody reported."""
    if _reporting_head(verb) is not None:
        return None  # "X said Tuesday that Y signed": the signing is older than the saying
    sent = verb.sent
    below = {t.i for t in verb.subtree}  # a date inside the verb's own complement dates what it reports, not it
    values = {v.value: v for i, v in by_verb.items() if sent.start <= i < sent.end and i not in below}
    if len(values) != 1:
        return None
    value = next(iter(values.values()))
    tense = clause_tense(verb)
    if block.anchor is not None:
        if tense == "past" and value.earliest > block.anchor + timedelta(days=1):
            return None
        if tense in {"future", "modal"} and value.latest < block.anchor:
            return None
        if tense == "present" and value.latest < block.anchor - timedelta(days=31):
            return None
    return value


def _date_of(verb: Token, block: BlockInput, by_verb: dict[int, TimeValue], by_word: dict[int, TimeValue],
             speech: bool, lead: bool, modality: Modality) -> tuple[TimeValue | None, str | None]:
    """The event's date and where it comes from: its clause, its sentence, or the report's own time.

    A dated report's past-tense action in its lead, and what its sources
    said for it, happened on or just before publication: the report's
    reference range (not a made-up day).
    """
    own = _inherited_date(verb, by_verb, by_word)
    if own is not None:
        return own, "clause"
    in_sentence = _sentence_date(verb, by_verb, block)
    if in_sentence is not None:
        return in_sentence, "sentence"
    anaphoric = _anaphoric_day(verb, by_verb, block.last_day)
    if anaphoric is not None:
        return anaphoric, "sentence"
    named = _named_event_date(verb, block)
    if named is not None:
        return named, "sentence"
    if block.reference is None or modality not in {"asserted", "negated"} or _past_perfect(verb):
        return None, None
    tense = clause_tense(verb)
    if _in_quotation(block, verb):
        return None, None
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    if speech and tense in {"past", "present"} and not perfect:
        return block.reference, "document"  # "X said" / "X says" in a news report: said for it; not "X has said"
    if lead and tense == "past":
        return block.reference, "document"
    if tense == "present" and verb.tag_ in {"VBZ", "VBP", "VBG"} and not _is_state(verb):
        return block.reference, "document"  # "CAPA is seeking ...": going on when the report was written
    return None, None


def _is_state(verb: Token) -> bool:
    return verb.lemma_.lower() in _STATE_VERBS or verb.lemma_.lower() in _SKIP_VERBS


def _issues_statement(verb: Token) -> bool:
    """"issued a statement", "made an announcement": a light verb whose object reports speech."""
    return is_light(verb.lemma_) and any(c.dep_ == "dobj" and c.pos_ == "NOUN" and is_reporting(c.lemma_) for c in verb.children)


def _speech_only(verb: Token) -> bool:
    """A speech verb with nothing said: "X said Tuesday", "Y told reporters"."""
    for child in verb.children:
        if child.dep_ in {"ccomp", "xcomp", "parataxis", "advcl"}:
            return False
        if child.dep_ == "dobj" and child.pos_ in {"NOUN", "PRON"} and child.lower_ not in {"reporters", "journalists", "it", "so", "this"}:
            return False
        if child.dep_ == "prep" and child.lower_ in {"of", "about", "on"}:
            if any(o.dep_ == "pobj" and o.ent_type_ not in {"DATE", "TIME"} for o in child.children):
                return False  # "said of the plan", not "said on Tuesday"
    return not _quote_adjacent(verb)


def _quote_adjacent(verb: Token) -> bool:
    """Whether a quotation sits right before or after the speech verb's clause ("'...,' she said")."""
    sent = verb.sent
    return any(t.text in {'"', "\u201c", "\u201d", "\u2019\u2019"} for t in sent)


def _verbal_events(block: BlockInput, index: ActorIndex, by_verb: dict[int, TimeValue], by_word: dict[int, TimeValue]) -> list[Candidate]:
    out: list[Candidate] = []
    for verb in block.parse:
        participle = _dated_participle(verb, by_verb)
        if participle is None and not _is_event_verb(verb):
            continue
        subj, passive = (participle, False) if participle is not None else _subject(verb)
        if subj is None:
            continue
        agent = _agent(verb) if passive else None
        lead = _sentence_ordinal(block, verb) < block.lead_sentences
        if passive and agent is None:
            # "the tape was released", "X was arrested": who acted is not said; X is the one acted upon
            patient = _actor_of(subj, block, index)
            befalls = _befalls(verb)
            category = "OTHER" if befalls else _category(verb)
            if patient is None or (category == "OTHER" and not befalls):
                continue
            modality = _modality(verb)
            when, basis = _date_of(verb, block, by_verb, by_word, False, lead, modality)
            i, j = _clause_span(verb, subj)
            if befalls and (_in_quotation(block, verb) or clause_tense(verb) == "present"):
                continue  # '"She's injured," he said': a state, in somebody's words
            if befalls:  # "X was pronounced dead", "X was injured": what befell X is X's event
                out.append(_make(block, verb, i, j, who=patient, whom=None, date=when, category=category, modality=modality,
                                 place=_place(verb), basis=basis, lead=lead))
                continue
            out.append(_make(block, verb, i, j, who=None, whom=patient, date=when, category=category, modality=modality,
                             place=_place(verb), basis=basis, lead=lead))
            continue
        actor_tok = agent if agent is not None else subj
        action_subject = index.at(block.doc_id, *_char(block, actor_tok)) is None and _is_action_noun(actor_tok)
        if action_subject:
            # "their military operation kicked off in September": the noun is the action, its owner the actor
            who = _noun_agent(actor_tok, block, index)
            if who is None:
                continue
            modality = _modality(verb)
            when = _inherited_date(verb, by_verb, by_word) or by_word.get(actor_tok.i)
            basis = "clause" if when is not None else None
            if when is None:
                when, basis = _date_of(verb, block, by_verb, by_word, False, lead, modality)
            cat = category_of(actor_tok.lemma_)
            cat = cat if cat != "OTHER" else _category(actor_tok)
            if when is None and cat == "OTHER":
                continue
            i, j = _clause_span(verb, actor_tok)
            out.append(_make(block, actor_tok, i, j, who=who, whom=_whom(verb, who, block, index), date=when,
                             category=cat, modality=modality, basis=basis, lead=lead,
                             place=_place(verb), speech=is_reporting(actor_tok.lemma_), nominal=True))
            continue
        who = _actor_of(actor_tok, block, index)
        other = None
        if who is not None and verb.tag_ == "VBP" and subj.tag_ in {"NNP", "NN"} and not subj.conjuncts:
            who, other = _misparsed_coordination(subj, who, block, index)
        if who is None or (participle is not None and who.kind == "place"):
            continue  # "a young Brooklyn mother pushing ...": no place acts
        speech = is_reporting(verb.lemma_) or _issues_statement(verb)
        if speech and _speech_only(verb):
            continue  # "X said Tuesday": nothing said, no event
        category = _category(verb)
        if verb.lemma_.lower() in _STATE_VERBS and category == "OTHER":
            continue
        modality = _modality(verb)
        when, basis = _date_of(verb, block, by_verb, by_word, speech, lead, modality)
        tense = clause_tense(verb)
        head = _reporting_head(verb)
        if when is None and (head is not None or (category == "OTHER" and (speech or tense != "past"))):
            continue  # an undated statement, state, or what somebody said happened: no happening to place
        if category == "OTHER" and not speech and participle is None and not _has_content(verb):
            continue  # "he moaned", "the father came": no action to report
        whom = _actor_of(subj, block, index) if passive and agent is not None else None
        if whom is None or whom is who:
            whom = _whom(verb, who, block, index)
        whom = whom or other or _conjoined_actor(subj, who, block, index)
        own_subject = participle is not None or any(c.dep_ in _SUBJECTS for c in verb.children) or agent is not None
        i, j = _clause_span(verb, (agent or subj) if own_subject else None)
        out.append(_make(block, verb, i, j, who=who, whom=whom, date=when, category=category, modality=modality,
                         place=_place(verb), speech=speech, basis=basis, lead=lead,
                         reported_by=head.i if head is not None else -1, past=tense == "past"))
    return out


def _sentence_ordinal(block: BlockInput, tok: Token) -> int:
    """Ordinal of ``tok``'s sentence in its document."""
    n = 0
    for sent in block.parse.sents:
        if sent.start <= tok.i < sent.end:
            return block.first_sentence + n
        n += 1
    return block.first_sentence + n


def _is_event_verb(verb: Token) -> bool:
    """A verb that can head an event: not a copula, auxiliary, complement or bare participle."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() in _SKIP_VERBS:
        return False
    if verb.dep_ in {"amod", "aux", "auxpass", "compound", "xcomp", "oprd", "acomp"}:
        return False
    has_aux = any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
    return not (verb.tag_ in {"VBN", "VBG"} and not has_aux and verb.dep_ not in {"ROOT", "conj", "relcl"})


_BEFALL = word_set("events", "verbs", "befall")


def _befalls(verb: Token) -> bool:
    """A passive that tells what befell its subject, not what somebody did to it ("was injured", "was pronounced dead").

    An entry "verb_word" needs that complement ("pronounce_dead").
    """
    lemma = verb.lemma_.lower()
    if lemma in _BEFALL:
        return True
    return any(f"{lemma}_{c.lower_}" in _BEFALL for c in verb.children if c.dep_ in {"oprd", "acomp", "xcomp", "attr"})


def _dated_participle(verb: Token, by_verb: dict[int, TimeValue]) -> Token | None:
    """The subject of a participle clause with a date of its own, else None.

    A reduced relative clause ("a mechanic from Acme arriving Thursday at
    9 a.m.": the noun it modifies) or an absolute one ("with a mechanic
    arriving Thursday": its own subject). Without a date such a participle
    only describes ("a man wearing a mask").
    """
    if verb.pos_ != "VERB" or verb.tag_ != "VBG" or verb.i not in by_verb or verb.lemma_.lower() in _SKIP_VERBS:
        return None
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
    if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"} and not subjects:
        return verb.head
    if verb.dep_ == "pcomp" and verb.head.lower_ in {"with", "without"} and len(subjects) == 1:
        return subjects[0]
    return None


def _misparsed_coordination(subj: Token, who: Actor, block: BlockInput, index: ActorIndex) -> tuple[Actor | None, Actor | None]:
    """A plural verb with a singular subject: the parser lost a list of names before it.

    The first actor named earlier in the sentence acts; the parsed subject
    is the other party ("Putin, center, Lavrov, left, and Shoygu meet").
    """
    for t in subj.sent:
        if t.i >= subj.left_edge.i:
            break
        if t.pos_ == "PROPN" and t.dep_ in _SUBJECTS | {"appos", "conj", "compound"}:
            actor = index.at(block.doc_id, *_char(block, t))
            if actor is not None and actor is not who:
                return actor, who
    return who, None


def _conjoined_actor(subj: Token, who: Actor, block: BlockInput, index: ActorIndex) -> Actor | None:
    """"X and Y meet": Y is the other party."""
    for conj in subj.conjuncts:
        actor = _actor_of(conj, block, index)
        if actor is not None and actor is not who:
            return actor
    return None


def _nominal_events(block: BlockInput, index: ActorIndex, by_word: dict[int, TimeValue]) -> list[Candidate]:
    """Dated action nouns with their own agent: "Russia's announcement Monday"."""
    out: list[Candidate] = []
    doc = block.parse
    seen: set[int] = set()
    for i, when in by_word.items():
        noun = _action_noun_above(doc[i])
        if noun is None or noun.i in seen:
            continue
        seen.add(noun.i)
        who = _noun_agent(noun, block, index)
        if who is None:
            continue
        whom = None
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in _WHOM_PREPS:
                for obj in child.children:
                    actor = _actor_of(obj, block, index) if obj.dep_ == "pobj" else None
                    if actor is not None and actor is not who:
                        whom = actor
        start, end = noun.left_edge.i, noun.i + 1
        for child in noun.children:
            if child.i > noun.i and child.dep_ in {"prep", "npadvmod", "acl", "amod", "nmod"}:
                end = max(end, min(child.right_edge.i + 1, noun.i + 12))
        category = category_of(noun.lemma_)
        if category == "OTHER":
            category = _category(noun)
        said = any(c.dep_ in {"acl", "relcl"} or (c.dep_ == "prep" and c.lower_ in {"of", "on", "about", "that"}) for c in noun.children)
        if is_reporting(noun.lemma_) and category == "OTHER" and not said:
            continue  # "Tuesday's statement by Acme": nothing said, no event
        out.append(_make(block, noun, start, min(end, noun.sent.end), who=who, whom=whom, date=when, category=category,
                         modality="asserted", speech=is_reporting(noun.lemma_), nominal=True, basis="clause",
                         lead=_sentence_ordinal(block, noun) < block.lead_sentences))
    return out + _ongoing_by_agent(block, index, seen)


def _finite_present(verb: Token) -> bool:
    """"is", "faces", "is being led": a present-tense finite verb (not "tried to interfere")."""
    return verb.tag_ in {"VBZ", "VBP"} or any(c.dep_ in {"aux", "auxpass"} and c.tag_ in {"VBZ", "VBP"} for c in verb.children)


def _ongoing_by_agent(block: BlockInput, index: ActorIndex, seen: set[int]) -> list[Candidate]:
    """An action noun with a "by" agent in a present-tense statement: going on when the report was written.

    "Acme is the subject of two inspections by the agency", "the company
    faces a lawsuit by its workers": the agent's action, in the report's
    reference range; a past-tense one ("was the target of an attack by")
    has no date to give it.
    """
    out: list[Candidate] = []
    if block.reference is None:
        return out
    for noun in block.parse:
        if noun.pos_ != "NOUN" or noun.i in seen or category_of(noun.lemma_) == "OTHER":
            continue
        who = _by_agent(noun, block, index)
        verb = _governor(noun)
        if who is None or verb is None or not _finite_present(verb) or _in_quotation(block, noun) or _modality(verb) != "asserted":
            continue
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
        whom = _actor_of(subjects[0], block, index) if subjects else None
        start, end = noun.left_edge.i, noun.right_edge.i + 1
        if subjects and verb.lemma_ == "be":
            start = min(start, subjects[0].left_edge.i)  # "Acme is the subject of ... inspections by the agency"
        out.append(_make(block, noun, start, min(end, noun.sent.end, noun.i + 12), who=who, whom=whom if whom is not who else None,
                         date=block.reference, category=category_of(noun.lemma_), modality="asserted", nominal=True,
                         basis="document", lead=_sentence_ordinal(block, noun) < block.lead_sentences))
    return out


def _drop_said_content(cands: list[Candidate]) -> list[Candidate]:
    """What an actor said it did is one event with its saying ("Russia announced it would withdraw").

    The content clause of a speech event by the same actor is dropped (the
    speech event's text and category carry it); what one actor says another
    did stays an event of its own.
    """
    speech = {c.token: c for c in cands if c.speech and not c.nominal}
    out: list[Candidate] = []
    for c in cands:
        head = speech.get(c.reported_by)
        if head is not None and head.who is c.who and head is not c and not c.past:
            if head.category == "OTHER":
                head.category = c.category
            continue
        out.append(c)
    return out


def _date_what_was_said(cands: list[Candidate], block: BlockInput, by_verb: dict[int, TimeValue]) -> None:
    """A statement about a dated happening that is no event of its own stands for it.

    "The agency said the site was last inspected on Aug. 8": nobody named
    inspects, so the statement carries the date of what it reports. When
    the happening is an event of its own ("X revealed that their operation
    began in September"), the statement keeps its own date.
    """
    heads = {c.token for c in cands} | {block.parse[c.token].head.i for c in cands if c.nominal}  # "their operation began"
    for c in cands:
        if not c.speech or c.nominal or c.basis in {"clause", "sentence"}:
            continue
        verb = block.parse[c.token]
        values = {v.value: v for i, v in by_verb.items() if i != c.token and i not in heads
                  and any(t.i == i for t in verb.subtree) and not _reaches_event(block.parse[i], heads, verb)}
        if len(values) == 1:
            c.date, c.basis = next(iter(values.values())), "sentence"


def _reaches_event(tok: Token, heads: set[int], stop: Token) -> bool:
    """Whether a verb between ``tok`` and ``stop`` (or ``tok`` itself) heads an event of its own."""
    cur = tok
    while cur.i != stop.i and cur.head != cur:
        if cur.i in heads:
            return True
        cur = cur.head
    return False


def extract_block(block: BlockInput, index: ActorIndex) -> list[Candidate]:
    """Event candidates of one parsed block."""
    by_verb, by_word = _block_dates(block)
    verbal = _verbal_events(block, index, by_verb, by_word)
    _date_what_was_said(verbal, block, by_verb)
    days = [(i, v) for i, v in by_verb.items() if v.precision == "day"]
    if days:
        block.last_day = max(days, key=lambda iv: iv[0])[1]
    named = [(i, v) for i, v in by_word.items()]
    for i, v in by_verb.items():  # "held hearings in February", "held three days of hearings"
        for obj in (c for c in block.parse[i].children if c.dep_ == "dobj"):
            named += [(obj.i, v)] + [(held.i, v) for held in _of_actions(obj)]
    for i, v in sorted(named, key=lambda iv: iv[0]):
        if block.parse[i].lemma_.lower() in _EVENT_NOUNS:
            block.named_events[block.parse[i].lemma_.lower()] = v  # "the hearings in February", for a later "the hearing"
    return _drop_said_content(verbal) + _nominal_events(block, index, by_word)
