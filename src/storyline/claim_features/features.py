"""What the comparison knows about one stretch of text (a claim or a question).

Terms are content lemmas, with every actor mention replaced by one token per
actor (so "Moscow", "the Kremlin" and "Russia" count as the same word).
Polarity cues are read off the parse: which predicates are negated, whether
the sentence carries a word of doubt ("wishful", "unlikely"), which verbs it
uses (for opposite-verb pairs like gain/lose).
"""

from __future__ import annotations

import calendar
import math
import tomllib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources

from spacy.tokens import Doc, Token

from ..actor_index import ActorIndex
from ..language.answers import carried_kinds
from ..language.cues import REPORTING_VERBS
from ..language.quantities import Quantity, find_quantities
from ..language.speaker import quote_tokens
from ..language.stem import bare_verb, word_family
from ..language.time import MONTH_ABBR, MONTHS
from ..language.words import COGNITION_VERBS as _COGNITION_VERBS
from ..language.words import NEGATIVE_WORDS, PREDICTIVE_MODALS, word_set
from ..text import doc_text
from .frames import Frame, extract_frames

__all__ = [
    "ANTONYMS",
    "COGNITION_VERBS",
    "DENIAL_VERBS",
    "DOUBT_WORDS",
    "Figure",
    "TextUnit",
    "cosine",
    "fold_derivations",
    "fold_prefixes",
    "idf_weights",
    "span_tokens",
    "text_unit",
    "weigh",
]

#: Verbs of belief and expectation: "Moscow believes X" attributes X to Moscow.
COGNITION_VERBS: frozenset[str] = _COGNITION_VERBS

#: Words that cast doubt on the proposition they govern.
DOUBT_WORDS: frozenset[str] = frozenset(
    "wishful unlikely doubtful myth illusion illusory fantasy unrealistic improbable implausible fanciful "
    "delusion delusional misguided naive mistaken unfounded baseless exaggerated overblown".split()
)

def _polarity_words() -> dict[str, list[list[str]] | list[str]]:
    text = resources.files("storyline.language").joinpath("data/antonyms.toml").read_text(encoding="utf-8")
    data: dict[str, list[list[str]] | list[str]] = tomllib.loads(text)
    return data


_POLARITY = _polarity_words()
#: Opposite-meaning verb and adjective pairs of general language (``language/data/antonyms.toml``; both directions).
ANTONYMS: dict[str, frozenset[str]] = {}
for _pair in _POLARITY["pairs"]:
    _a, _b = str(_pair[0]), str(_pair[1])
    ANTONYMS[_a] = ANTONYMS.get(_a, frozenset()) | {_b}
    ANTONYMS[_b] = ANTONYMS.get(_b, frozenset()) | {_a}
#: Reporting verbs that deny their complement ("the White House denied that ...").
DENIAL_VERBS: frozenset[str] = frozenset(str(w) for w in _POLARITY["denial_verbs"])

_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ"}
_PREDICATE_POS = frozenset({"VERB", "ADJ", "AUX"})
_LIGHT_VERBS = frozenset({"be", "have", "do"})
_FOCUS_POS = frozenset({"VERB", "ADJ"})
_NEGATORS = NEGATIVE_WORDS


@dataclass
class TextUnit:
    """A claim or question as the comparison sees it."""

    key: str  # claim id, or "q:<doc>:<start>" for a question
    doc: str
    start: int
    end: int
    terms: Counter[str] = field(default_factory=Counter)
    predicates: frozenset[str] = frozenset()  # lemmas of the verbs and predicate adjectives
    negated: frozenset[str] = frozenset()  # predicates under a negation
    doubt: bool = False
    subjects: dict[str, str] = field(default_factory=dict)  # predicate lemma -> its subject's term
    figures: dict[str, str] = field(default_factory=dict)  # predicate lemma -> the number its subject carries
    predicted: frozenset[str] = frozenset()  # actor terms that are the subject of a (non-negated) modal prediction
    weights: dict[str, float] = field(default_factory=dict)  # tf-idf, filled by weigh()
    frames: tuple[Frame, ...] = ()  # who does what to whom (see .frames)
    quantities: tuple[Figure, ...] = ()  # money, times, ages, counts ... with the words around them
    denied: bool = False  # the claim reports a denial ("X denied that ...")
    focus: frozenset[str] = frozenset()  # the main predicate's lemma (not be/have/do): what a question asks about
    carries: frozenset[str] = frozenset()  # kinds of thing the sentence tells: place, time, figure, person, cause, fault
    asks: str | None = None  # for a question: the kind of thing it asks for (see language.answers)
    asked: frozenset[str] = frozenset()  # for a hedged question: the terms of what is not known ("whether *the group had accomplices*")
    qualities: dict[str, str] = field(default_factory=dict)  # attributive adjective lemma -> the noun it qualifies ("peaceful" -> "protest")
    excluded: frozenset[str] = frozenset()  # of those adjectives, the ones whose noun a negated predicate governs ("has no jurisdiction over *public* universities")


@dataclass(frozen=True)
class Figure:
    """A quantity of a claim (offsets into the document) and the content terms and actors within a few words of it."""

    quantity: Quantity
    context: frozenset[str]


def span_tokens(parse: Doc, base: int, start: int, end: int) -> list[Token]:
    """Tokens of a block parse inside document offsets [start, end) (``base``: the block's offset)."""
    return quote_tokens(parse, start - base, end - base)


_NEGATION_WORDS = frozenset({"never", "without"})


def _is_negated(tok: Token) -> bool:
    """A "not"/"never"/"without" child, or a "no" determiner that is not a verb (one pass over the children)."""
    for c in tok.children:
        dep, lower = c.dep_, c.lower_
        if dep == "neg" or lower in _NEGATION_WORDS or (dep == "det" and lower == "no" and c.pos_ != "VERB"):
            return True
    return False


_PREDICTIVE_MODALS = PREDICTIVE_MODALS


_MAIN_PATH_DEPS = {"acomp", "attr", "amod", "oprd", "compound", "advmod"}


def _in_main_predicate(tok: Token) -> bool:
    """The word is the main predicate or hangs right off it ("is unlikely", "is wishful thinking")."""
    cur = tok
    for _ in range(3):
        if cur.dep_ == "ROOT":
            return True
        if cur.dep_ not in _MAIN_PATH_DEPS:
            return False
        cur = cur.head
    return False


def _doubt_negated(tok: Token) -> bool:
    """ "not unrealistic", "isn't unlikely": a negated word of doubt casts none."""
    return any(c.dep_ == "neg" for t in (tok, tok.head) for c in t.children)


def _subject_figure(pred: Token) -> str | None:
    """The number on the subject of a predicate ("four people were killed" -> "four")."""
    subj = next((c for c in pred.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None:
        return None
    if subj.like_num:
        return subj.text.lower()
    num = next((c for c in subj.children if c.dep_ == "nummod"), None)
    if num is None:
        return None
    return " ".join(t.text.lower() for t in num.subtree if not t.is_punct)


def _subject_term(pred: Token, base: int, doc: str, index: ActorIndex) -> str | None:
    """The subject of a predicate as a term: its actor ("@a1") or its lemma."""
    cur = pred
    for _ in range(3):
        subj = next((c for c in cur.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None:
            pos = base + subj.idx
            hits = index.mentions_in(doc, pos, pos + len(subj.text))
            return f"@{hits[0][2].id}" if hits else subj.lemma_.lower()
        if cur.dep_ not in {"xcomp", "conj"} or cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _noun_term(noun: Token, base: int, doc: str, index: ActorIndex) -> str:
    """A noun as a term: its actor ("@a1") or its lemma."""
    pos = base + noun.idx
    hits = index.mentions_in(doc, pos, pos + len(noun.text))
    return f"@{hits[0][2].id}" if hits else noun.lemma_.lower()


def _predicted_actors(tokens: list[Token], base: int, doc: str, index: ActorIndex) -> set[str]:
    """Actors that are the subject of a verb under a predictive modal ("the opposition will gain")."""
    out: set[str] = set()
    for tok in tokens:
        if tok.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        verb = tok.head
        if _is_negated(verb) or not any(c.dep_ == "aux" and c.lower_ in _PREDICTIVE_MODALS for c in verb.children):
            continue
        pos = base + tok.idx
        for _s, _e, actor in index.mentions_in(doc, pos, pos + len(tok.text)):
            out.add(f"@{actor.id}")
    return out


def text_unit(key: str, doc: str, start: int, end: int, tokens: Iterable[Token], base: int, index: ActorIndex) -> TextUnit:
    """Terms and polarity cues of the tokens of one claim or question."""
    unit = TextUnit(key=key, doc=doc, start=start, end=end)
    tokens_list = list(tokens)
    tokens = tokens_list
    preds: set[str] = set()
    negated: set[str] = set()
    seen_mentions: set[tuple[int, int]] = set()
    focus: set[str] = set()
    excluded: set[str] = set()
    for tok in tokens:
        lemma = tok.lemma_.lower()
        tag = tok.pos_  # read once: each read of a Token attribute goes through spaCy
        if tag in _FOCUS_POS and lemma not in _LIGHT_VERBS and tok.dep_ == "ROOT":
            focus.add(lemma)
        if (lemma in DOUBT_WORDS or tok.lower_ in DOUBT_WORDS) and _in_main_predicate(tok) and not _doubt_negated(tok):
            unit.doubt = True
        if tag in _PREDICATE_POS and lemma not in _LIGHT_VERBS:
            preds.add(lemma)
            subj = _subject_term(tok, base, doc, index)
            if subj is not None:
                unit.subjects.setdefault(lemma, subj)
            figure = _subject_figure(tok)
            if figure is not None:
                unit.figures.setdefault(lemma, figure)
            if _is_negated(tok):
                negated.add(lemma)
        elif tag == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
            negated.add(lemma)
        if tag == "ADJ" and tok.dep_ == "amod" and tok.head.pos_ in {"NOUN", "PROPN"}:
            unit.qualities.setdefault(lemma, _noun_term(tok.head, base, doc, index))
            if _under_negation(tok.head):
                excluded.add(lemma)
        if tok.is_punct or tok.is_space:
            continue
        text = tok.text
        pos = base + tok.idx
        hits = index.mentions_in(doc, pos, pos + len(text))
        if hits:
            s, e, actor = hits[0]
            if (s, e) not in seen_mentions:
                seen_mentions.add((s, e))
                unit.terms[f"@{actor.id}"] += 1
            continue
        if tag not in _CONTENT_POS:
            continue
        month = _month_term(text)  # before the stop-word test: "May" the month is a term, "may" the modal is not
        if month is None and (tok.is_stop or lemma in REPORTING_VERBS or lemma in COGNITION_VERBS or len(lemma) < 2):
            continue
        unit.terms[month or lemma] += 1
    unit.predicted = frozenset(_predicted_actors(tokens_list, base, doc, index))
    unit.frames = extract_frames(tokens_list, base, doc, index)
    unit.quantities = _figures(tokens_list, base, doc, start, end, index)
    unit.predicates = frozenset(preds)
    unit.focus = frozenset(focus)
    unit.negated = frozenset(negated)
    unit.excluded = frozenset(excluded)
    unit.carries = carried_kinds(tokens_list)
    return unit


_SCOPE_DEPS = frozenset({"pobj", "prep", "dobj", "attr", "conj", "appos", "compound"})


def _under_negation(noun: Token, limit: int = 4) -> bool:
    """The noun hangs, through objects and prepositions, off the nearest predicate above it, and that predicate is negated
    ("does not have jurisdiction over universities", "no jurisdiction over universities")."""
    cur = noun
    for _ in range(limit):
        if cur.pos_ in _PREDICATE_POS or (cur is not noun and _is_negated(cur)):
            return _is_negated(cur)
        if cur.dep_ not in _SCOPE_DEPS or cur.head.i == cur.i:
            return False
        cur = cur.head
    return cur.pos_ in _PREDICATE_POS and _is_negated(cur)


def _month_term(word: str) -> str | None:
    """ "Aug." and "August" as one term ("august"); only capitalized ("may" and "march" are words too)."""
    if not word[:1].isupper():
        return None
    w = word.lower().rstrip(".")
    month = MONTHS.get(w) or MONTH_ABBR.get(w)
    return calendar.month_name[month].lower() if month else None


_WINDOW = 6
#: Nouns too general to tie two figures to one thing ("year", "day", "time"): not among a figure's context words.
_GENERIC = word_set("counts", "generic_nouns")


def _figures(tokens: list[Token], base: int, doc: str, start: int, end: int, index: ActorIndex) -> tuple[Figure, ...]:
    """The quantities of a claim, each with the content lemmas and actors within ``_WINDOW`` tokens of it."""
    if not tokens:
        return ()
    block = doc_text(tokens[0].doc)
    s0 = start - base
    text = block[s0 : end - base]
    out: list[Figure] = []
    for q in find_quantities(text, tokens, base=-s0):
        near: set[str] = set()
        inside = [t for t in tokens if s0 + q.start <= t.idx < s0 + q.end]
        # the figure and a parenthesized restatement right after it ("two meters (six feet)") are not its context
        own_end = q.end
        if text[q.end :].lstrip().startswith("(") and (close := text.find(")", q.end)) >= 0:
            own_end = close + 1
        if inside:
            lo, hi = inside[0].i - _WINDOW, inside[-1].i + _WINDOW
            for t in tokens:
                if lo <= t.i <= hi and not (s0 + q.start <= t.idx < s0 + own_end):
                    pos = base + t.idx
                    hits = index.mentions_in(doc, pos, pos + len(t.text))
                    if hits:
                        near.add(f"@{hits[0][2].id}")
                    elif t.pos_ in {"NOUN", "PROPN", "VERB", "ADJ"} and not t.is_stop and len(t.lemma_) > 2 and t.lemma_.lower() not in _GENERIC:
                        near.add(t.lemma_.lower())
        moved = Quantity(q.kind, q.value, q.unit, start + q.start, start + q.end, q.text, q.approximate, q.update)
        out.append(Figure(moved, frozenset(near)))
    return tuple(out)


def fold_prefixes(units: Iterable[TextUnit]) -> None:
    """Count "redeploy" as "deploy" when the story also uses the bare word (re- means again)."""
    units = list(units)
    vocab = {t for u in units for t in u.terms}
    fold = {t: bare for t in vocab if (bare := bare_verb(t)) and bare in vocab}
    if not fold:
        return
    for u in units:
        for t in [t for t in u.terms if t in fold]:
            u.terms[fold[t]] += u.terms.pop(t)


def fold_derivations(units: Iterable[TextUnit]) -> None:
    """Count the words of one family as one term when the story uses several of them: "payment" as "pay", "hospitalize" as
    "hospital", "signature" as "sign" (the shortest word of the family stands for it; actors are left alone).

    Two sources telling one fact often name it with a noun and a verb ("made a $130,000 payment" / "paid her $130,000").
    """
    units = list(units)
    vocab = sorted({t for u in units for t in u.terms if not t.startswith("@")}, key=lambda t: (len(t), t))
    head: dict[str, str] = {}
    fold: dict[str, str] = {}
    for t in vocab:
        keys = word_family(t)
        home = next((head[k] for k in keys if k in head), None)
        if home is not None and home != t:
            fold[t] = home
        else:
            head.setdefault(keys[0], t)
    if not fold:
        return
    for u in units:
        for t in [t for t in u.terms if t in fold]:
            u.terms[fold[t]] += u.terms.pop(t)


def idf_weights(units: Iterable[TextUnit]) -> dict[str, float]:
    """Smoothed inverse document frequency of each term over ``units``."""
    units = list(units)
    df: Counter[str] = Counter()
    for u in units:
        df.update(set(u.terms))
    n = len(units)
    return {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in df.items()}


def weigh(unit: TextUnit, idf: dict[str, float]) -> None:
    """Fill ``unit.weights`` with log-tf times idf, L2-normalised."""
    w = {t: (1.0 + math.log(c)) * idf.get(t, 1.0) for t, c in unit.terms.items()}
    norm = math.sqrt(sum(v * v for v in w.values())) or 1.0
    unit.weights = {t: v / norm for t, v in w.items()}


def cosine(a: TextUnit, b: TextUnit) -> float:
    """Cosine similarity of two weighted units."""
    if len(a.weights) > len(b.weights):
        a, b = b, a
    other = b.weights
    # terms missing from ``b`` add 0.0, which leaves the sum as it is
    return sum((v * other[t] for t, v in a.weights.items() if t in other), 0.0)
