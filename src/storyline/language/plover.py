"""PLOVER event types from the words that express an action.

A small lexicon of general-language cue lemmas per PLOVER category (verbs,
and the nouns that name the same actions). :func:`category_of` looks a
lemma up directly, then through its Snowball stem (:mod:`.stem`), so
"withdrawal" finds "withdraw" and "announcement" finds "announce". The word
lists are in ``language/data/plover.toml``. Reporting verbs (say, announce, warn,
...) are listed separately: they make a speech event.
"""

from __future__ import annotations

from .stem import stem
from .words import data_table, word_set

__all__ = ["CATEGORIES", "REPORTING", "category_of", "is_reporting"]

_TABLE = "plover"  # language/data/plover.toml

CATEGORIES: dict[str, frozenset[str]] = {cat: word_set("categories", cat, _TABLE) for cat in data_table(_TABLE)["categories"]}

REPORTING = word_set("speech", "reporting", _TABLE)

_LOOKUP: dict[str, str] = {w: cat for cat, words in CATEGORIES.items() for w in words}
# the same words by stem ("withdrawal" and "withdrawing" find "withdraw"); the first category listed wins a shared stem
_STEM_LOOKUP: dict[str, str] = {}
for _cat, _words in CATEGORIES.items():
    for _w in sorted(_words):
        _STEM_LOOKUP.setdefault(stem(_w), _cat)
_REPORTING_STEMS = frozenset(stem(w) for w in REPORTING)


def _stems(lemma: str) -> list[str]:
    w = lemma.lower()
    return [w, stem(w)]


def category_of(lemma: str, particle: str | None = None) -> str:
    """The PLOVER category of an action word ("OTHER" when none fits)."""
    if particle and f"{lemma.lower()}_{particle.lower()}" in _LOOKUP:
        return _LOOKUP[f"{lemma.lower()}_{particle.lower()}"]
    word, root = _stems(lemma)
    return _LOOKUP.get(word) or _STEM_LOOKUP.get(root, "OTHER")


def is_reporting(lemma: str) -> bool:
    """Whether the word reports speech (say, announce, warn, statement)."""
    word, root = _stems(lemma)
    return word in REPORTING or root in _REPORTING_STEMS
