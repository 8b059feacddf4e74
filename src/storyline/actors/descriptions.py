"""Definite descriptions of institutions linked to the actor they describe.

"The school announced it would appeal" after "Northwestern University ...":
a "the + noun" phrase whose head names a kind of institution (school,
agency, union, company, bank, court, ...; see
:func:`storyline.language.attribution.institution_class`) becomes a mention
of the organization of that kind mentioned last before it in the document,
or of the story's only organization of that kind. Left unlinked when no
organization fits, when the phrase is plural, possessed ("its school") or
itself holds a name ("the Chicago school board").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass

from spacy.tokens import Token

from ..actor_index import ActorIndex
from ..attribution import actor_gender
from ..language.attribution import (
    CROWD_NOUNS,
    KINSHIP_WORDS,
    NAMING_VERBS,
    PAST_ROLE_MODIFIERS,
    gender_of_text,
    institution_class,
    names_a_person,
    pronoun_info,
    same_role,
)
from ..models import Actor, Mention, Story
from ..pipeline import Context

__all__ = ["link_descriptions", "link_person_descriptions", "propagate_names"]

_NAME_FORM = re.compile(r"^[A-Z][\w.&'\u2019-]*(?: [A-Z][\w.&'\u2019-]*)*$")


def _mention_spans(story: Story) -> dict[str, list[tuple[int, int]]]:
    """Each document's actor mentions as sorted (start, end) pairs, gathered in one pass over the actors."""
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for a in story.actors:
        for m in a.mentions:
            out[m.doc].append((m.start, m.end))
    for spans in out.values():
        spans.sort()
    return out


def propagate_names(story: Story) -> int:
    """Every further occurrence of an actor's name or alias becomes a mention of it.

    Only people and organizations (a country's capital may be a mere place),
    and only forms that name one actor: a capitalized name of four letters or more
    that is no word of another actor's names ("Centennial" for Centennial
    Elevator Co., not "Ali" when Salah Ali and Areej Ali are both in the story).
    Returns how many mentions were added.
    """
    owners: dict[str, set[str]] = defaultdict(set)
    words: dict[str, set[str]] = defaultdict(set)
    for a in story.actors:
        for n in [a.name, *a.aliases]:
            n = n.strip()
            if len(n) >= 4 and _NAME_FORM.match(n) and a.kind not in {"place", "country"}:  # a capital may be a place
                owners[n].add(a.id)
            for w in n.split():
                words[w].add(a.id)
    forms = {n: next(iter(ids)) for n, ids in owners.items() if len(ids) == 1 and all(words.get(w, set()) <= ids for w in n.split())}
    if not forms:
        return 0
    by_id = {a.id: a for a in story.actors}
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in sorted(forms, key=lambda n: (-len(n), n))) + r")(?![\w-])")
    added = 0
    by_doc = _mention_spans(story)  # mentions added below are of the document at hand, never of one still to come
    for doc in story.documents:
        spans = by_doc.get(doc.id, [])
        starts = [s for s, _ in spans]
        kept = [(b.start, b.end) for b in doc.blocks if b.kind != "junk"]
        for m in pattern.finditer(doc.text):
            s, e = m.start(), m.end()
            if not any(bs <= s < be for bs, be in kept):
                continue
            k = bisect_right(starts, e - 1)
            if any(pe > s for _, pe in spans[max(0, k - 4) : k]):
                continue
            by_id[forms[m.group(0)]].mentions.append(Mention(doc=doc.id, start=s, end=e, text=m.group(0)))
            added += 1
    for a in story.actors:
        a.mentions.sort(key=lambda x: (x.doc, x.start))
    return added


def _appositive_kinds(story: Story, ctx: Context) -> dict[str, set[str]]:
    """Kind nouns the text gives each organization in an apposition: "the College Athletes Players Association, or CAPA, a union"."""
    index = ActorIndex(story)
    out: dict[str, set[str]] = defaultdict(set)
    for doc in story.documents:
        for bi, block in enumerate(doc.blocks):
            parse = ctx.parses.get(doc.id, bi)
            if block.kind == "junk" or parse is None:
                continue
            for t in parse:
                if t.dep_ != "appos" or t.pos_ != "NOUN" or t.tag_ in {"NNS", "NNPS"} or t.head.pos_ != "PROPN":
                    continue
                actor = index.at(doc.id, block.start + t.head.idx, block.start + t.head.idx + len(t.head.text))
                if actor is not None and actor.kind in {"organization", "group"} and institution_class(t.lemma_) is not None:
                    out[actor.id].add(t.lemma_.lower())
    return out


def _classes(actors: list[Actor], kinds: dict[str, set[str]]) -> dict[int, list[Actor]]:
    out: dict[int, list[Actor]] = defaultdict(list)
    for a in actors:
        if a.kind not in {"organization", "group"}:
            continue
        # the head of a name is its last word: "College Athletes Players Association" is an association, not a college
        found = {institution_class(n.replace("-", " ").split()[-1]) for n in [a.name, *a.aliases] if n.split()}
        found |= {institution_class(w) for w in kinds.get(a.id, set())}
        if a.role == "company":
            found.add(institution_class("company"))
        for c in sorted(x for x in found if x is not None):
            out[c].append(a)
    return out


def link_descriptions(story: Story, ctx: Context) -> int:
    """Add a mention to the fitting organization for every linkable description; returns how many were linked."""
    kinds = _appositive_kinds(story, ctx)
    classes = _classes(story.actors, kinds)
    if not classes:
        return 0
    linked = 0
    by_doc = _mention_spans(story)
    seen_by_doc: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for a in story.actors:
        for m in a.mentions:
            seen_by_doc[m.doc][a.id].append(m.start)
    for doc in story.documents:
        spans = by_doc.get(doc.id, [])
        starts = [s for s, _ in spans]
        seen = {aid: sorted(pos) for aid, pos in seen_by_doc[doc.id].items()}
        for bi, block in enumerate(doc.blocks):
            parse = ctx.parses.get(doc.id, bi)
            if block.kind == "junk" or parse is None:
                continue
            for t in parse:
                if t.pos_ != "NOUN" or t.tag_ in {"NNS", "NNPS"}:
                    continue
                cls = institution_class(t.lemma_)
                if cls is None or cls not in classes:
                    continue
                det = next((c for c in t.children if c.dep_ == "det" and c.lower_ == "the"), None)
                if det is None or any(c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN") for c in t.children):
                    continue
                start, end = block.start + det.idx, block.start + t.idx + len(t.text)
                k = bisect_right(starts, end - 1)
                if any(e > block.start + t.idx for _, e in spans[max(0, k - 3) : k]):
                    continue  # the head is already part of a mention
                best, best_pos = None, -1
                named = [a for a in classes[cls] if t.lemma_.lower() in kinds.get(a.id, set())]
                fits = named or classes[cls]  # "the union" for the one organization the text called a union
                for a in fits:
                    pos = seen.get(a.id, [])
                    j = bisect_right(pos, start) - 1
                    if j >= 0 and pos[j] > best_pos:
                        best, best_pos = a, pos[j]
                if best is None and len(fits) == 1:
                    best = fits[0]
                if best is None:
                    continue
                best.mentions.append(Mention(doc=doc.id, start=start, end=end, text=doc.text[start:end]))
                linked += 1
    for a in story.actors:
        a.mentions.sort(key=lambda m: (m.doc, m.start))
    return linked


# --- descriptions of people ------------------------------------------------------------------------------------

_AGE_AFTER = re.compile(r"\s*,\s*(\d{1,3})\s*,")  # "Aber Al-Rahabi, 21, told ..."
_AGE_DESCRIPTION = re.compile(r"\b[Tt]he (\d{1,3})-year-old(?: ([a-z]+))?\b")  # "the 33-year-old", "The 21-year-old mom"
_POSSESSIVE_PRONOUNS = {"his": "m", "her": "f"}


@dataclass(frozen=True)
class _RoleFact:
    """The text calls ``actor`` a ``role`` (of ``owner`` when possessed: "Clifford's lawyer, Michael Avenatti").

    ``past``: the role is said to be over ("Clifford's former attorney, Keith Davidson");
    ``doc``: the document that says so (None for the role the actor was coded with);
    ``of_someone``: the role is of somebody the text introduces unnamed ("Jane Roe, the mother of a 6-year-old girl").
    """

    actor: str
    role: str
    owner: str | None
    past: bool = False
    doc: str | None = None
    of_someone: bool = False


def _past(noun: Token) -> bool:
    """The role noun is marked as held no more: "former attorney", "ex-husband", "her onetime lawyer"."""
    return any(c.dep_ in {"amod", "compound", "advmod", "nmod"} and c.lower_ in PAST_ROLE_MODIFIERS for c in noun.lefts)


def _of_someone(noun: Token) -> bool:
    """The role noun is of a person brought in with an indefinite phrase: "the mother of a 6-year-old girl", "a friend of two victims"."""
    for p in noun.children:
        if p.dep_ == "prep" and p.lower_ == "of":
            for g in p.children:
                if g.dep_ == "pobj" and g.pos_ == "NOUN" and any(d.dep_ in {"det", "nummod"} and d.lower_ not in {"the", "this", "that"} for d in g.children):
                    return True
    return False


def _named_by(tok: Token) -> Token | None:
    """The noun a name is given for by a naming participle: "the mom, identified by police as Jane Roe" -> "mom"."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "as":
        return None
    verb = prep.head
    for _ in range(2):  # "identified by sources as Jane Roe": the parser may hang "as" on the agent's noun
        if verb.dep_ not in {"pobj", "agent"} or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.lemma_.lower() not in NAMING_VERBS or verb.dep_ != "acl" or verb.head.pos_ != "NOUN":
        return None
    return verb.head


def _name_owner(index: ActorIndex, doc: str, name: Token, noun: Token, base: int, actor: Actor) -> str | None:
    """Whose role noun a name's own pre-modifier is: "Trump attorney Michael Cohen" -> Trump (a word before the noun, never the name itself)."""
    before = [c for c in name.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < noun.i]
    if not before:
        return None
    owner = _person_at(index, doc, before[-1], base)
    return owner.id if owner is not None and owner.id != actor.id else None


def _person_at(index: ActorIndex, doc: str, tok: Token, base: int) -> Actor | None:
    actor = index.at(doc, base + tok.idx, base + tok.idx + len(tok.text))
    return actor if actor is not None and actor.kind == "person" else None


def _owner_of(index: ActorIndex, doc: str, text: str, noun: Token, base: int, genders: dict[str, str | None]) -> tuple[str | None, bool]:
    """Whose ``noun`` is: (actor id or None, whether it is possessed at all). "his" is the last person named before who may be a he."""
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is None:
        comp = [c for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]  # "Trump attorney Michael Cohen"
        poss = comp[-1] if comp else None
    if poss is None:
        return None, False
    gender = _POSSESSIVE_PRONOUNS.get(poss.lower_)
    if gender is None:
        owner = _person_at(index, doc, poss, base)
        return (owner.id if owner else None), True
    pos = base + poss.idx
    lo = max(0, text.rfind("\n", 0, max(0, pos - 1)) - 400)
    for s, _e, actor in reversed(index.mentions_in(doc, lo, pos)):
        if s < pos and actor.kind == "person" and genders.get(actor.id) in {None, gender} and pronoun_info(text[s:_e]) is None:
            return actor.id, True
    return None, True


def _role_facts(story: Story, ctx: Context, index: ActorIndex, genders: dict[str, str | None]) -> list[_RoleFact]:
    """What the text calls each person: appositions ("Jane Roe, her lawyer"; "her lawyer, Jane Roe") and titles ("attorney Jane Roe")."""
    facts: list[_RoleFact] = []
    for a in story.actors:
        if a.kind == "person" and a.role:
            facts.append(_RoleFact(a.id, a.role.split()[-1].lower(), None))
    for doc in story.documents:
        for bi, block in enumerate(doc.blocks):
            parse = ctx.parses.get(doc.id, bi)
            if block.kind == "junk" or parse is None:
                continue
            for t in parse:
                if t.pos_ != "PROPN" or t.dep_ in {"compound", "flat"}:
                    continue
                actor = _person_at(index, doc.id, t, block.start)
                if actor is None:
                    continue
                nouns = [c for c in t.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
                nouns += [c for c in t.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]
                if t.dep_ == "appos" and t.head.pos_ == "NOUN":
                    nouns.append(t.head)
                named = _named_by(t)
                if named is not None:
                    nouns.append(named)  # "The baby girl, identified as Jane Roe"
                for n in nouns:
                    if names_a_person(n.lemma_):
                        owner, _ = _owner_of(index, doc.id, doc.text, n, block.start, genders)
                        if owner is None and n.dep_ == "compound":
                            if any(c.dep_ == "poss" for c in t.children):  # "Clifford's attorney Michael Avenatti", "his lawyer Jane Roe"
                                owner, _ = _owner_of(index, doc.id, doc.text, t, block.start, genders)
                            else:
                                owner = _name_owner(index, doc.id, t, n, block.start, actor)
                        if owner != actor.id:
                            facts.append(_RoleFact(actor.id, n.lemma_.lower(), owner, _past(n), doc.id, _of_someone(n)))
    return facts


def _ages(story: Story) -> dict[str, set[str]]:
    """Age -> ids of the people the text gives that age ("Aber Al-Rahabi, 21, ...")."""
    out: dict[str, set[str]] = defaultdict(set)
    texts = {d.id: d.text for d in story.documents}
    for a in story.actors:
        if a.kind != "person":
            continue
        for m in a.mentions:
            found = _AGE_AFTER.match(texts.get(m.doc, ""), m.end)
            if found:
                out[found.group(1)].add(a.id)
    return out


def _covered(spans: list[tuple[int, int]], starts: list[int], s: int, e: int) -> bool:
    k = bisect_right(starts, e - 1)
    return any(pe > s for _, pe in spans[max(0, k - 4) : k])


_DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "this", "that"}


def _names(text: str, s: int, e: int) -> bool:
    """A mention by name ("Jane Roe", "Roe"), not a pronoun or a description ("the mother")."""
    words = text[s:e].split()
    return bool(words) and words[0][:1].isupper() and pronoun_info(words[0]) is None and words[0].lower() not in _DETERMINERS


def _fits_gender(actor_gender: str | None, wanted: str | None) -> bool:
    return actor_gender is None or wanted is None or actor_gender == wanted


def _epithet(t: Token) -> Token | None:
    """The last word of an epithet for someone just named: "the bus driver and mother of four", "the father of two".

    A definite subject whose head is coordinated with a second person noun
    under the one article, or a kinship noun counted by "of" and a number: news
    writing's way of telling more about the person it named a sentence before,
    never of bringing in somebody new ("the driver said" may be anyone).
    """
    if t.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    verb = t.head
    if verb.tag_ == "VBP" or any((c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBP") or c.lower_ == "were" for c in [verb, *verb.children]):
        return None  # "the teacher and student were shot": two people, not one told more about
    last: Token | None = None
    for c in t.children:
        if c.dep_ == "conj" and c.pos_ == "NOUN" and c.tag_ not in {"NNS", "NNPS"} and names_a_person(c.lemma_):
            if not any(g.dep_ in {"det", "poss"} for g in c.children):
                last = c
    for n in [t, *([last] if last is not None else [])]:
        for p in n.children:
            if p.dep_ == "prep" and p.lower_ == "of" and n.lemma_.lower() in KINSHIP_WORDS:
                if any(g.dep_ == "pobj" and g.pos_ == "NUM" for g in p.children):
                    last = max(p.children, key=lambda g: g.i)
    return last


class _Neighbourhood:
    """The people named in a document's kept blocks around a given one."""

    def __init__(self, story: Story, index: ActorIndex, doc: str, reach: int) -> None:
        self._doc = story.doc(doc)
        self._index = index
        self._reach = reach
        self._kept = [bi for bi, b in enumerate(self._doc.blocks) if b.kind in {"body", "dek", "title"}]
        self._spans = [(self._doc.blocks[bi].start, self._doc.blocks[bi].end) for bi in self._kept]

    def _blocks_around(self, bi: int, back: bool, ahead: bool) -> tuple[int, int]:
        if bi not in self._kept:
            return self._doc.blocks[bi].start, self._doc.blocks[bi].end
        k = self._kept.index(bi)
        lo = self._kept[max(0, k - self._reach)] if back else bi
        hi = self._kept[min(len(self._kept) - 1, k + self._reach)] if ahead else bi
        return self._doc.blocks[lo].start, self._doc.blocks[hi].end

    def people(self, bi: int, back: bool, ahead: bool, until: int | None = None) -> list[Actor]:
        """People named (not merely described or pronominalized) in the block ``bi`` and its neighbours, once each, in text order."""
        lo, hi = self._blocks_around(bi, back, ahead)
        if until is not None:
            hi = min(hi, until)
        out: list[Actor] = []
        for s, e, actor in self._index.mentions_in(self._doc.id, lo, hi):
            if actor.kind != "person" or e > hi or not _names(self._doc.text, s, e) or not any(a <= s < b for a, b in self._spans):
                continue
            if actor not in out:
                out.append(actor)
        return out


def _salient(actor: str, named: Counter[str], genders: dict[str, str | None], wanted: str | None, share: float) -> bool:
    """The role's holder, if the article names it at all, is named at least ``share`` times as often as anybody else the description could mean.

    An article that never names the holder speaks of it by the role alone ("the actress" of a follow-up).
    """
    if not named[actor]:
        return True
    others = [n for a, n in named.items() if a != actor and _fits_gender(genders.get(a), wanted)]
    return not others or named[actor] >= share * max(others)


def _relative(owner: Actor, kin: Token, near: list[Actor], genders: dict[str, str | None], first_named: dict[str, int], at: int) -> set[str]:
    """ "His wife" of Tom Roe: the one other Roe the article names first just after, whose gender does not say otherwise.

    "His wife said ... '...,' said Ann Roe": the description brings the relative in
    and the name follows. A Roe the article named before is someone it already
    knows by name (his mother, say), not this new relative.
    """
    parts = owner.name.split()
    if len(parts) < 2:
        return set()
    wanted = gender_of_text(kin.text)
    return {
        a.id
        for a in near
        if a.id != owner.id
        and len(a.name.split()) >= 2
        and a.name.split()[-1].lower() == parts[-1].lower()
        and _fits_gender(genders.get(a.id), wanted)
        and first_named.get(a.id, -1) > at
    }


def link_person_descriptions(story: Story, ctx: Context) -> int:
    """Definite descriptions of people linked to the one person the text identifies; returns how many were linked.

    "the 33-year-old" -> the one person given that age; "her lawyer" -> the
    person called a lawyer of the woman named last ("Clifford's lawyer,
    Michael Avenatti"), not the one called her former lawyer; "the porn
    actress" -> the story's only person called an actress, unless the article
    names her only in passing beside its main subject ("the filmmaker" of an
    article about a director is not his brother named once). For relatives no
    sentence names outright: "his wife" -> the one person close by who shares
    his surname; "the infant's mother" (a possessor no actor stands for) -> the
    story's only person called a mother of nobody named. An epithet ("said
    the bus driver and mother of four") -> the one person named in the
    paragraph before. Left unlinked when two people fit.
    """
    index = ActorIndex(story)
    texts = {d.id: d.text for d in story.documents}
    genders = {a.id: actor_gender(a, texts) for a in story.actors if a.kind == "person"}
    facts = _role_facts(story, ctx, index, genders)
    ages = _ages(story)
    by_id = {a.id: a for a in story.actors}
    reach = ctx.options.tuned_int("actors", "description_reach")
    salience = ctx.options.tuned("actors", "description_salience")
    linked = 0
    by_doc = _mention_spans(story)
    for doc in story.documents:
        spans = by_doc.get(doc.id, [])
        starts = [s for s, _ in spans]
        added: list[tuple[Actor, int, int]] = []
        near = _Neighbourhood(story, index, doc.id, reach)
        first_named: dict[str, int] = {}  # where the article first names each actor
        named_here: Counter[str] = Counter()  # how often it names each person
        for a in story.actors:
            found = [m.start for m in a.mentions if m.doc == doc.id and _names(doc.text, m.start, m.end)]
            if found:
                first_named[a.id] = min(found)
                if a.kind == "person":
                    named_here[a.id] = len(found)
        for m in _AGE_DESCRIPTION.finditer(doc.text):
            who = ages.get(m.group(1), set())
            if len(who) == 1 and not _covered(spans, starts, m.start(), m.end()):
                added.append((by_id[next(iter(who))], m.start(), m.end()))
        for bi, block in enumerate(doc.blocks):
            parse = ctx.parses.get(doc.id, bi)
            if block.kind == "junk" or parse is None:
                continue
            for t in parse:
                if t.pos_ != "NOUN" or t.tag_ in {"NNS", "NNPS"} or t.dep_ in {"compound", "appos"} or not names_a_person(t.lemma_):
                    continue
                if any(c.dep_ in {"appos", "compound", "flat"} and c.pos_ == "PROPN" for c in t.children) or t.head.pos_ == "PROPN":
                    continue  # "her lawyer, Michael Avenatti", "attorney Michael Cohen": the name is the mention
                det = next((c for c in t.children if c.dep_ == "det" and c.lower_ == "the"), None)
                owner, possessed = _owner_of(index, doc.id, doc.text, t, block.start, genders)
                if det is None and not possessed:
                    continue
                first = min([t, *(c for c in t.lefts if c.dep_ in {"det", "poss", "amod", "compound"})], key=lambda x: x.i)
                start, end = block.start + first.idx, block.start + t.idx + len(t.text)
                if _covered(spans, starts, block.start + t.idx, end):
                    continue
                past = _past(t)
                fits = [f for f in facts if same_role(f.role, t.lemma_) and f.past == past]
                if t.lemma_.lower() in CROWD_NOUNS:
                    fits = [f for f in fits if f.doc == doc.id]  # "the neighbor" of one article is not the neighbor another one names
                kin = t.lemma_.lower() in KINSHIP_WORDS
                ids: set[str] = set()
                if not possessed:
                    ids = {f.actor for f in fits}
                    if len(ids) == 1 and not _salient(next(iter(ids)), named_here, genders, gender_of_text(t.text), salience):
                        ids = set()  # the article is about someone else its "the filmmaker" may mean: the brother named in passing is not it
                    tail = _epithet(t) if block.kind == "body" else None
                    if not ids and tail is not None and not any(same_role(f.role, tail.lemma_) for f in facts):
                        # "..., said the bus driver and mother of four": the one person named in the paragraph before
                        end = block.start + tail.idx + len(tail.text)
                        wanted = gender_of_text(doc.text[start:end])
                        people = near.people(bi, back=True, ahead=False, until=block.start + t.sent.start_char)
                        ids = {a.id for a in people if _fits_gender(genders.get(a.id), wanted)}
                elif owner is not None:
                    ids = {f.actor for f in fits if f.owner == owner} - {owner}
                    if not ids and kin and not any(f.owner == owner for f in facts if f.role in KINSHIP_WORDS):
                        ids = _relative(by_id[owner], t, near.people(bi, back=False, ahead=True), genders, first_named, start)
                else:
                    poss = next((c for c in t.children if c.dep_ == "poss"), None)
                    if kin and poss is not None and poss.pos_ == "NOUN" and names_a_person(poss.lemma_) and not any(f.owner or f.of_someone for f in fits):
                        ids = {f.actor for f in fits if not f.of_someone}  # "the infant's mother": the story's one mother of nobody named
                if len(ids) == 1:
                    added.append((by_id[next(iter(ids))], start, end))
        for actor, s, e in added:
            actor.mentions.append(Mention(doc=doc.id, start=s, end=e, text=doc.text[s:e]))
            linked += 1
    for a in story.actors:
        a.mentions.sort(key=lambda m: (m.doc, m.start))
    return linked
