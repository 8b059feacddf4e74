"""PLOVER event types from the words that express an action.

The cue lemmas per PLOVER category (verbs, and the nouns that name the same
actions) are package data (``language/data/events.toml``). :func:`category_of`
looks a lemma up directly, then through its stem, so "withdrawal" finds
"withdraw" and "announcement" finds "announce". Reporting verbs (say,
announce, warn, ...) are listed separately: they make a speech event. Light
verbs ("strike", "hold", "file") take their category from their object:
"struck a deal" is AGREE, "held talks" CONSULT, "filed a lawsuit" ACCUSE.
"""

from __future__ import annotations

from ..language.lexicon import load_lexicon, word_set

__all__ = ["CATEGORIES", "LIGHT", "REPORTING", "category_of", "is_light", "is_reporting"]

_TABLE: dict[str, frozenset[str]] = {cat: frozenset(str(words).split()) for cat, words in load_lexicon("events")["categories"].items()}
CATEGORIES: dict[str, frozenset[str]] = {cat: words for cat, words in _TABLE.items() if cat != "OTHER"}
REPORTING = word_set("events", "verbs", "reporting")
LIGHT = word_set("events", "verbs", "light")

_LOOKUP: dict[str, str] = {}
for _cat in sorted(_TABLE):
    for _w in sorted(_TABLE[_cat]):
        _LOOKUP.setdefault(_w, _cat)


def _stems(lemma: str) -> list[str]:
    w = lemma.lower()
    out = [w]
    for suffix, repl in (("ment", ""), ("ation", "e"), ("ation", ""), ("ion", "e"), ("ion", ""), ("al", ""), ("ing", ""), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            out.append(w[: -len(suffix)] + repl)
    return out


def category_of(lemma: str, particle: str | None = None) -> str:
    """The PLOVER category of an action word ("OTHER" when none fits)."""
    keys = [f"{lemma.lower()}_{particle.lower()}"] if particle else []
    keys += _stems(lemma)
    for key in keys:
        if key in _LOOKUP:
            return _LOOKUP[key]
    return "OTHER"


def is_reporting(lemma: str) -> bool:
    """Whether the word reports speech (say, announce, warn, statement)."""
    return any(s in REPORTING for s in _stems(lemma))


def is_light(lemma: str) -> bool:
    """Whether the verb takes its meaning from its object ("strike a deal", "hold talks")."""
    return lemma.lower() in LIGHT
