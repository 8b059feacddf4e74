"""PLOVER event types from the words that express an action.

The cue lemmas per PLOVER category (verbs, and the nouns that name the same
actions) are package data (``language/data/events.toml``). :func:`category_of`
looks a lemma up directly (with its particle first: "call_for"), then
through its Snowball stem (:mod:`.stem`), so "withdrawal" finds "withdraw"
and "announcement" finds "announce". Keys listed under ``OTHER`` cancel a
category the verb has alone ("talk about" is no consultation). Reporting
verbs (say, announce, warn, ...) are listed separately: they make a speech
event. Light verbs ("strike", "hold", "file") take their category from their
object: "struck a deal" is AGREE, "held talks" CONSULT; some verbs name an
action only with a kind of object (``[pairs]``: "cover the costs" is AID).
A noun of who acts ("investigator", ``agent_suffixes``) finds no category
through the stem it shares with the action.
"""

from __future__ import annotations

from .lexicon import load_lexicon, word_set
from .stem import stem

__all__ = ["CATEGORIES", "LIGHT", "REPORTING", "category_of", "is_light", "is_reporting", "pair_category"]

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
# a noun that names who acts ("investigators", "protesters", "supporters") names no action:
# only a word listed as such finds a category, never through the stem it shares with the verb
_AGENT_SUFFIXES = tuple(str(load_lexicon("events")["nouns"]["agent_suffixes"]).split())
# verb and object that together name an action the verb alone does not ("cover the costs" is AID)
_PAIRS: dict[tuple[str, str], str] = {
    (verb, obj): cat
    for cat, pairs in load_lexicon("events")["pairs"].items()
    for pair in str(pairs).split()
    for verb, obj in [pair.split(":", 1)]
}


def category_of(lemma: str, particle: str | None = None) -> str:
    """The PLOVER category of an action word ("OTHER" when none fits)."""
    word = lemma.lower()
    if particle and f"{word}_{particle.lower()}" in _LOOKUP:
        return _LOOKUP[f"{word}_{particle.lower()}"]
    if word in _LOOKUP:
        return _LOOKUP[word]
    if len(word) > 5 and word.endswith(_AGENT_SUFFIXES):
        return "OTHER"  # "investigator": who investigates, not the investigation
    return _STEM_LOOKUP.get(stem(word), "OTHER")


def pair_category(verb: str, obj: str) -> str:
    """The category a verb takes with this object ("cover" + "expense": AID), "OTHER" when the pair is not listed."""
    return _PAIRS.get((verb.lower(), obj.lower()), "OTHER")


def is_reporting(lemma: str) -> bool:
    """Whether the word reports speech (say, announce, warn, statement)."""
    word = lemma.lower()
    return word in REPORTING or stem(word) in _REPORTING_STEMS


def is_light(lemma: str) -> bool:
    """Whether the verb takes its meaning from its object ("strike a deal", "hold talks")."""
    return lemma.lower() in LIGHT
