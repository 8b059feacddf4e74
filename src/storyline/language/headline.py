"""A short headline made from a parsed lead sentence: who did what.

``title_from_sentence`` keeps the subject (without its relative clauses and
appositions), the main verb with its auxiliaries, negation and particle,
and the object. A reporting verb ("said", "announced that ...") hands over
to the clause it reports: "a federal agency said Wednesday that players can
unionize" gives "Players can unionize".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

__all__ = ["title_from_sentence"]

_REPORTING = frozenset({"say", "tell", "announce", "report", "state", "claim", "confirm", "allege", "write", "declare", "rule", "find"})
_DROP_DEPS = frozenset({"relcl", "appos", "acl", "advcl", "parataxis", "cc", "conj", "mark", "prep"})
_DASHES = frozenset({"—", "–", "-", "--"})
_MAX_WORDS = 14


def _phrase(tok: Token, start: int) -> list[Token]:
    """``tok`` and its dependents, without relative clauses, appositions and the dateline."""
    out = [tok] if tok.i >= start else []
    for child in tok.children:
        if child.dep_ in _DROP_DEPS or (child.dep_ == "punct" and child.text not in _DASHES):
            continue
        out.extend(_phrase(child, start))
    return sorted(out, key=lambda t: t.i)


def _body_start(sent: Span) -> int:
    """The first token after a dateline ("LOS ANGELES (AP) —"), else the sentence start."""
    for tok in sent[:10]:
        if tok.text in {"—", "–", "--"} or (tok.text == "-" and tok.whitespace_):
            return tok.i + 1
    return sent.start


def _clause(verb: Token, start: int) -> list[Token] | None:
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None:
        return None
    if subj.pos_ == "PRON" or subj.tag_ in {"PRP", "WP"}:
        return None  # "He said ...": the lead does not name its actor
    if subj.i < start:  # the parser took the dateline's city as the subject: use the noun phrase after the dash
        doc = verb.doc
        chunk = next((c for c in doc.noun_chunks if c.start >= start and c.end <= verb.i), None)
        if chunk is None:
            return None
        parts = list(chunk)
    else:
        parts = _phrase(subj, start)
    for c in verb.children:
        if c.dep_ in {"aux", "auxpass", "neg", "prt"} and c.i < verb.i + 3:
            parts.append(c)
    parts.append(verb)
    complement = next((c for c in verb.children if c.dep_ in {"dobj", "attr", "acomp", "xcomp", "oprd", "ccomp"} and c.i > verb.i), None)
    if complement is None:  # "Beagles have been removed from a home": the first prepositional phrase instead
        complement = next((c for c in verb.children if c.dep_ in {"prep", "agent", "dative"} and c.i > verb.i), None)
        if complement is not None:
            parts.append(complement)
            complement = next((c for c in complement.children if c.dep_ == "pobj"), None)
    if complement is not None:
        parts.extend(_phrase(complement, start))
    return sorted(set(parts), key=lambda t: t.i)


_QUOTES = frozenset("\"'\u201c\u201d\u2018\u2019")


def title_from_sentence(sent: Span) -> str | None:
    """A headline-length summary of ``sent`` (its subject, verb and object), or None.

    None for a sentence that is a quote or does not name its actor ("He said ...").
    """
    text = sent.text.strip()
    if not text or text[0] in _QUOTES or (text.count("\u201c") + text.count('"') >= 2 and text.lstrip("\u201c\"")[:1].isupper() and text[0] in _QUOTES):
        return None
    verb = sent.root
    start = _body_start(sent)
    if verb.lemma_.lower() in _REPORTING:
        inner = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        if inner is not None and _clause(inner, start):
            verb = inner
    tokens = _clause(verb, start)
    if not tokens or any(t.text in _QUOTES for t in tokens):
        return None
    tokens = tokens[: _MAX_WORDS + 6]
    out = ""
    for k, t in enumerate(tokens):
        out += t.text
        if k + 1 < len(tokens):
            out += t.whitespace_ if tokens[k + 1].i == t.i + 1 else " "
    words = out.strip(" -—–").split()
    if len(words) < 3:
        return None
    title = " ".join(words[:_MAX_WORDS])
    return title[0].upper() + title[1:]
