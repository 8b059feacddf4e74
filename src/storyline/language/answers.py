"""What an open question asks for, and what a sentence carries that could answer it.

A question asks for a *kind* of thing: "where the elevator was" a place,
"when" a time, "how many" a figure, "who" a person, "why" or "what caused
it" a cause, "what the defect was" a fault. :func:`asked_kind` reads it off
the question's first wh-word (and the words after "what"/"which"), or, in a
hedge with no wh-word, off the noun it is about ("the cause remains
unknown"). :func:`carried_kinds` tells which kinds a sentence carries: a
place (a place name, a spatial preposition), a time, a figure, a person, a
cause ("because", "due to"), a fault ("a violation", "the phone didn't
work"). "whether", "if" and "how" ask no kind (a yes/no question is
answered by its predicate, see :func:`storyline.language.hedges.asks_yes_no`).

The word lists are in ``data/answers.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Token

from .words import data_table, phrase_alternation

__all__ = ["KINDS", "TELLING_KINDS", "asked_kind", "carried_kinds"]

#: The kinds of thing a question may ask for.
KINDS = ("place", "time", "figure", "person", "cause", "fault")
#: Kinds whose carrying is telling: most news sentences name a person, give a figure or a time, few a place, cause or fault.
TELLING_KINDS = frozenset({"place", "cause", "fault"})

_DETERMINERS = r"(?:(?:the|a|an|this|that|its|his|her|their|exactly|precisely)\s+)*"
#: Words that open a wh-clause and ask no kind of thing (a yes/no, or a manner).
_NO_KIND = ("whether", "if", "how")


@cache
def _table() -> dict[str, Any]:
    return data_table("answers")


@cache
def _wh() -> tuple[re.Pattern[str], dict[str, str]]:
    wh: dict[str, str] = {k.lower(): str(v) for k, v in _table()["wh"].items()}
    words = [*wh, "what", "which", *_NO_KIND]
    return re.compile(rf"\b(?:{phrase_alternation(words)})\b", re.IGNORECASE), wh


@cache
def _slots() -> list[tuple[str, re.Pattern[str]]]:
    slot: dict[str, list[str]] = _table()["slot"]
    return [(kind, re.compile(rf"^\s*{_DETERMINERS}(?:{phrase_alternation(words)})\b", re.IGNORECASE)) for kind, words in slot.items()]


def _slot_kind(text: str) -> str | None:
    for kind, pat in _slots():
        if pat.match(text):
            return kind
    return None


def asked_kind(question: str, cue: int = 0) -> str | None:
    """The kind of thing ``question`` asks for (one of :data:`KINDS`), or None.

    ``cue``: where a hedge's cue starts in ``question`` ("it was not clear"): its
    wh-word is after it (a relative "who" before it asks nothing), else before it
    ("where the car was is unclear"); with none, the noun before the cue tells
    ("the cause of the fire remains unknown").

    >>> asked_kind("It was not immediately clear what the defect was")
    'fault'
    >>> asked_kind("The circumstances of exactly where the car was were unclear")
    'place'
    >>> asked_kind("Will the truce hold?") is None
    True
    """
    pat, wh = _wh()
    m = pat.search(question, cue) or pat.search(question)  # "where the car was is unclear": the wh-word before the cue
    if m is None:
        return _slot_kind(question)  # "The cause of the fire remains unknown"
    word = " ".join(m.group(0).lower().split())
    if word in wh:
        return wh[word]
    if word in {"what", "which"}:
        return _slot_kind(question[m.end() :])
    return None


@dataclass(frozen=True)
class _Carriers:
    entities: dict[str, frozenset[str]]  # kind -> spaCy entity labels
    words: dict[str, re.Pattern[str]]  # kind -> its phrases
    negated_function: re.Pattern[str]  # "didn't work", "was not operating"


@cache
def _carriers() -> _Carriers:
    c: dict[str, list[str]] = _table()["carried"]
    verbs = phrase_alternation(c["function_verbs"])
    return _Carriers(
        entities={k: frozenset(c[f"{k}_entities"]) for k in ("place", "time", "figure", "person")},
        words={k: re.compile(rf"\b(?:{phrase_alternation(c[f'{k}_words'])})\b", re.IGNORECASE) for k in ("place", "cause", "fault")},
        negated_function=re.compile(rf"(?:\b(?:not|never)|n[’']t)\s+(?:been\s+|be\s+)?(?:{verbs})\b", re.IGNORECASE),
    )


def carried_kinds(tokens: Iterable[Token]) -> frozenset[str]:
    """The kinds of thing the tokens of a sentence carry (see :data:`KINDS`)."""
    c = _carriers()
    toks = list(tokens)
    out = {kind for kind, labels in c.entities.items() if any(t.ent_type_ in labels for t in toks)}
    text = "".join(t.text_with_ws for t in toks)
    out |= {kind for kind, pat in c.words.items() if pat.search(text)}
    if c.negated_function.search(text):
        out.add("fault")
    return frozenset(out)
