"""Closed word classes of general English, read from ``language/data/words.toml``.

One home for the lists several stages used to copy: reporting verbs and
speech nouns (:mod:`.cues` re-exports them), modal auxiliaries (future,
prescriptive, hypothetical, predictive), negation words, belief verbs.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

__all__ = [
    "COGNITION_VERBS",
    "FRAME_BELIEF_VERBS",
    "FUTURE_MODALS",
    "HYPOTHETICAL_MODALS",
    "NEGATION_PARTICLES",
    "NEGATIVE_WORDS",
    "NONFACTIVE_VERBS",
    "PERSON_PRONOUN_FORMS",
    "PLATFORM_NAMES",
    "PREDICTIVE_MODALS",
    "PRESCRIPTIVE_MODALS",
    "STATE_VERBS",
    "data_table",
    "phrase_alternation",
    "word_set",
]


def phrase_alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of word lists' phrases: escaped, longest first, any white space between words."""
    parts = sorted({p.strip() for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in parts)


@cache
def data_table(name: str) -> dict[str, Any]:
    text = resources.files("storyline.language").joinpath("data", f"{name}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def word_set(section: str, key: str, file: str = "words") -> frozenset[str]:
    """The whitespace-separated words of ``[section] key`` in ``language/data/<file>.toml``."""
    value = data_table(file)[section][key]
    words = value.split() if isinstance(value, str) else [str(v) for v in value]
    return frozenset(words)


FUTURE_MODALS = word_set("modality", "future_modals")
PRESCRIPTIVE_MODALS = word_set("modality", "prescriptive_modals")
HYPOTHETICAL_MODALS = word_set("modality", "hypothetical_modals")
PREDICTIVE_MODALS = word_set("modality", "predictive_modals")
NEGATION_PARTICLES = word_set("negation", "particles")
NEGATIVE_WORDS = word_set("negation", "words")
COGNITION_VERBS = word_set("belief", "cognition_verbs")
STATE_VERBS = word_set("belief", "state_verbs")
NONFACTIVE_VERBS = word_set("belief", "nonfactive_verbs")
PERSON_PRONOUN_FORMS = word_set("attribution", "person_pronoun_forms")
FRAME_BELIEF_VERBS = word_set("belief", "frame_belief_verbs")
PLATFORM_NAMES = word_set("platforms", "names")
FACTIVE_PREDICATES = word_set("belief", "factive_predicates")
