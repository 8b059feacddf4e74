"""The actor graph: who supports, opposes or negotiates with whom, and where the text says so.

For every verb (or relation noun) of a cue list, the actors mentioned in its
subject are linked to the actors in its objects ("Moscow went into Syria to
shore him up" -> Russia supports Assad). Nouns of joint action take both
sides from "between A and B" or "A and B's collaboration". Each edge keeps
the sentences that support it; its weight is the number of such sentences.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Literal

from spacy.tokens import Doc, Token

from ..models import Actor, Relation, Span, Story
from ..pipeline import Context
from .recognize import Cand

__all__ = ["NEGOTIATE_CUES", "OPPOSE_CUES", "SUPPORT_CUES", "RelationType", "find_relations"]

RelationType = Literal["supports", "opposes", "negotiates"]

SUPPORT_CUES = frozenset(
    """support back help assist aid rescue protect defend shore save ally arm fund finance sponsor endorse
    bolster prop guarantee supply praise thank nominate appoint hire champion reward pardon""".split()
)
OPPOSE_CUES = frozenset(
    """oppose pressure rebuke sanction fight attack target threaten warn criticize criticise condemn
    accuse punish strike bomb shoot deter confront resist reject denounce blame sue dump abandon exclude
    defeat invade penalize fire dismiss oust investigate probe charge indict arrest prosecute convict ban block
    kill wound beat besiege shell raid expel boycott veto impeach slam blast""".split()
)
NEGOTIATE_CUES = frozenset(
    """negotiate talk meet consult collaborate cooperate mediate discuss agree engage invite deal reconcile
    coordinate host visit phone call""".split()
)
_JOINT_NOUNS = {  # by lemma: "tensions" and "tension", "disputes" and "dispute"
    **dict.fromkeys(["collaboration", "cooperation", "talk", "talks", "negotiation", "agreement", "meeting", "summit",
                     "deal", "accord", "co-sponsorship", "dialogue", "mediation"], "negotiates"),
    **dict.fromkeys(["rift", "tension", "dispute", "squabble", "squabbling", "feud", "quarrel", "row", "clash",
                     "conflict", "disagreement", "rivalry", "standoff", "confrontation", "rebuke", "pressure",
                     "sanction", "hostility", "spat"], "opposes"),
    **dict.fromkeys(["support", "backing", "assistance", "alliance", "aid", "endorsement", "partnership"], "supports"),
}
_NEEDS_UP = frozenset({"shore", "prop"})  # verbs that support only with "up"
_OBJ_DEPS = {"dobj", "pobj", "dative", "attr", "oprd", "xcomp", "ccomp", "prep", "conj", "acomp", "advcl", "npadvmod"}


def _noun_key(tok: Token) -> str:
    return tok.lower_ if tok.lower_ in _JOINT_NOUNS else tok.lemma_.lower()


def _cue_type(tok: Token) -> RelationType | None:
    lemma = tok.lemma_.lower()
    if lemma in _NEEDS_UP and not any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children):
        return None  # "shore up" supports; "the shore" does not
    if tok.pos_ == "VERB" or tok.pos_ == "AUX":
        if lemma in SUPPORT_CUES:
            return "supports"
        if lemma in OPPOSE_CUES:
            return "opposes"
        if lemma in NEGOTIATE_CUES:
            return "negotiates"
    elif tok.pos_ == "NOUN" and _noun_key(tok) in _JOINT_NOUNS:
        return _JOINT_NOUNS[_noun_key(tok)]  # type: ignore[return-value]
    return None


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def _collect(tok: Token, at_head: dict[int, str], out: set[str]) -> None:
    """Actors whose mention is headed by ``tok`` or by its conjuncts and prepositional objects."""
    if tok.i in at_head:
        out.add(at_head[tok.i])
    for c in tok.children:
        if c.dep_ in {"conj", "appos"} or (c.dep_ == "pobj" and tok.dep_ in {"prep", "agent"}):
            _collect(c, at_head, out)


_ARG_PREPS = {"with", "to", "against", "on", "over", "between", "for", "from", "toward", "towards", "into", "behind"}


def _arguments(tok: Token, at_head: dict[int, str]) -> tuple[set[str], set[str]]:
    subj: set[str] = set()
    obj: set[str] = set()
    for child in tok.children:
        if child.dep_ in {"nsubj", "nsubjpass", "agent"} or (tok.pos_ == "NOUN" and child.dep_ == "poss"):
            _collect(child, at_head, subj)
        elif child.dep_ in {"dobj", "dative", "attr", "oprd"} or (child.dep_ == "prep" and child.lower_ in _ARG_PREPS):
            _collect(child, at_head, obj)
    if not subj and tok.dep_ in {"xcomp", "advcl", "conj"} and tok.pos_ in {"VERB", "AUX"}:
        for child in tok.head.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                _collect(child, at_head, subj)
    if tok.pos_ == "NOUN" and not subj and tok.dep_ in {"dobj", "nsubj"}:
        for child in tok.head.children:
            if child.dep_ in {"nsubj", "nsubjpass"} and child.i != tok.i:
                _collect(child, at_head, subj)
                for g in child.children:
                    if g.dep_ == "poss":
                        _collect(g, at_head, subj)
    if tok.pos_ == "NOUN" and not subj and len(obj) >= 2 and _JOINT_NOUNS.get(_noun_key(tok)) != "supports":
        first, *rest = sorted(obj)
        subj, obj = {first}, set(rest)
    return subj, obj


def find_relations(story: Story, ctx: Context, docs: list[tuple[str, list[Cand]]], ids: dict[str, str]) -> list[Relation]:
    """Edges between actors, each with its evidence sentences."""
    edges: dict[tuple[str, str, RelationType], list[Span]] = defaultdict(list)
    actors = {a.id: a for a in story.actors}
    for doc_id, cands in docs:
        document = story.doc(doc_id)
        by_block: dict[int, list[Cand]] = defaultdict(list)
        for c in cands:
            if c.key and c.key in ids and actors[ids[c.key]].kind != "place":
                by_block[c.block].append(c)
        for bi, block_cands in by_block.items():
            parsed = ctx.parses.get(doc_id, bi)
            if parsed is None or len({c.key for c in block_cands}) < 2:
                continue
            base = document.blocks[bi].start
            at_head = _mention_heads(parsed, base, block_cands, ids)
            for tok in parsed:
                rel = _cue_type(tok)
                if rel is None or _negated(tok):
                    continue
                subj, obj = _arguments(tok, at_head)
                if not subj or not obj:
                    continue
                sent = tok.sent
                span = Span(doc=doc_id, start=base + sent.start_char, end=base + sent.end_char, text=document.text[base + sent.start_char : base + sent.end_char])
                for s in sorted(subj):
                    for o in sorted(obj):
                        if s != o and not _same_side(actors[s], actors[o]):
                            edges[(s, o, rel)].append(span)
    out: list[Relation] = []
    for (s, o, kind), spans in edges.items():
        uniq = list({(sp.doc, sp.start): sp for sp in spans}.values())
        out.append(Relation(source=s, target=o, type=kind, weight=float(len(uniq)), evidence=uniq))
    out.sort(key=lambda r: -r.weight)
    return out


def _same_side(a: Actor, b: Actor) -> bool:
    """A person or body and its own country are one side, not two."""
    if a.kind == "country" and b.kind != "country":
        return b.country == a.country
    if b.kind == "country" and a.kind != "country":
        return a.country == b.country
    return False


def _mention_heads(parsed: Doc, base: int, cands: list[Cand], ids: dict[str, str]) -> dict[int, str]:
    """Token index of each mention's syntactic head -> actor id."""
    out: dict[int, str] = {}
    for c in cands:
        span = parsed.char_span(c.start - base, c.end - base, alignment_mode="expand")
        if span is None or not len(span) or c.key is None:
            continue
        out[span.root.i] = ids[c.key]
    return out
