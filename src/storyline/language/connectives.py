"""Discourse connectives and anaphoric openers (``language/data/connectives.toml``).

A sentence lifted out of its article for a brief may lean on the sentence
before it: an adverbial connective ("However, ...", "Then, ...", "In
addition, ...") or a pronoun whose antecedent stays behind ("It marks her
20th No. 1", "Those pictures show ..."). This module says which words do
that; the summarize stage decides what to drop or repair.
"""

from __future__ import annotations

import re
from functools import cache

from .words import data_table, phrase_alternation, word_set

__all__ = [
    "ANAPHORIC_PRONOUNS",
    "DEMONSTRATIVES",
    "FEMALE_FORMS",
    "MALE_FORMS",
    "TIME_NOUNS",
    "opener_length",
]

ANAPHORIC_PRONOUNS: frozenset[str] = word_set("anaphora", "pronouns", "connectives")
DEMONSTRATIVES: frozenset[str] = word_set("anaphora", "demonstratives", "connectives")
TIME_NOUNS: frozenset[str] = word_set("anaphora", "time_nouns", "connectives")
MALE_FORMS: frozenset[str] = word_set("anaphora", "male", "connectives")
FEMALE_FORMS: frozenset[str] = word_set("anaphora", "female", "connectives")


@cache
def _opener() -> re.Pattern[str]:
    table = data_table("connectives")["openers"]
    bare = phrase_alternation(table["bare"])
    comma = phrase_alternation(table["comma"])
    # a word boundary that is not a hyphen ("Then-President ...") nor an apostrophe
    return re.compile(rf"(?:(?:{bare})(?:\s*,\s*|\s+(?![-'’]))|(?:{comma})\s*,\s*)", re.IGNORECASE)


def opener_length(text: str) -> int:
    """How many leading characters of ``text`` are connectives that lean on a sentence before it.

    Repeated openers are all counted ("And then, ..."); 0 when the sentence opens on none.
    """
    pos = 0
    pattern = _opener()
    while True:
        m = pattern.match(text, pos)
        if m is None or m.end() == pos:
            return pos
        pos = m.end()
