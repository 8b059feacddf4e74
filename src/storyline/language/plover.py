"""PLOVER event types from the words that express an action.

The cue lemmas per PLOVER category (verbs, and the nouns that name the same
actions) are package data (``language/data/events.toml``). :func:`category_of`
looks a lemma up directly (with its particle first: "call_for"), then
through its Snowball stem (:mod:`.stem`), so "withdrawal" finds "withdraw"
and "announcement" finds "announce". Keys listed under ``OTHER`` cancel a
category the verb has alone ("talk about" is no consultation). Reporting
verbs (say, announce, warn, ...) are listed separately: they make a speech
event. Light verbs ("strike", "hold", "file") take their category from their
object: "struck a deal" is AGREE, "held talks" CONSULT.
"""

from __future__ import annotations

from .lexicon import load_lexicon, word_set
from .stem import stem

__all__ = ["CATEGORIES", "LIGHT", "REPORTING", "category_of", "is_light", "is_reporting"]

_TABLE: dict[str, frozenset[str]] = {cat: frozenset(str(words).split()) for cat, words in load_lexicon("events")["categories"].items()}
CATEGORIES: dict[str, frozenset[str]] = {cat: words for cat, words in _TABLE.items() if cat != "OTHER"}
REPORTING = word_set("events", "verbs", "reporting")
LIGHT = word_set("events", "verbs", "light")

# a word listed under two categories takes the first in alphabetical order; the same by stem
_LOOKUP: dict[str, str] = {}
_STEM_LOOKUP: dict[str, str] = {}
for _cat in sorted(_TABLE):
    for _w in sorted(_TABLE[_cat]):
        _LOOKUP.setdefault(_w, _cat)
        if "_" not in _w:
            _STEM_LOOKUP.setdefault(stem(_w), _cat)
_REPORTING_STEMS = frozenset(stem(w) for w in REPORTING)


def category_of(lemma: str, particle: str | None = None) -> str:
    """The PLOVER category of an action word ("OTHER" when none fits)."""
    word = lemma.lower()
    if particle and f"{word}_{particle.lower()}" in _LOOKUP:
        return _LOOKUP[f"{word}_{particle.lower()}"]
    return _LOOKUP.get(word) or _STEM_LOOKUP.get(stem(word), "OTHER")


def is_reporting(lemma: str) -> bool:
    """Whether the word reports speech (say, announce, warn, statement)."""
    word = lemma.lower()
    return word in REPORTING or stem(word) in _REPORTING_STEMS


def is_light(lemma: str) -> bool:
    """Whether the verb takes its meaning from its object ("strike a deal", "hold talks")."""
    return lemma.lower() in LIGHT
