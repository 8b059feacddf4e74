"""Word lists of general English used to find who said what.

These are closed classes of the language of attribution (reporting verbs,
nouns that name an utterance, pronouns), not words of any one story. The
verb and noun lists live in :mod:`.attribution` (``data/attribution.toml``),
the pronoun classes in ``data/words.toml``; this module gathers the names the
stages import.
"""

from __future__ import annotations

from .attribution import (
    BESIDE_VERBS,
    DOCUMENT_AUTHOR_VERBS,
    DOCUMENT_NOUNS,
    REPORTING_VERBS,
    SPEECH_NOUNS,
    WORK_NOUNS,
)
from .words import word_set

__all__ = [
    "BESIDE_VERBS",
    "DOCUMENT_AUTHOR_VERBS",
    "DOCUMENT_NOUNS",
    "PERSON_PRONOUNS",
    "RELATIVE_PRONOUNS",
    "REPORTING_VERBS",
    "SPEECH_NOUNS",
    "THING_PRONOUNS",
    "WORK_NOUNS",
]

# The pronoun classes live in language/data/words.toml ([attribution]).

#: Pronouns that refer to one person.
PERSON_PRONOUNS: frozenset[str] = word_set("attribution", "person_pronouns")

#: Pronouns that refer to one non-person actor (a country, a body, a group).
THING_PRONOUNS: frozenset[str] = word_set("attribution", "thing_pronouns")

#: Relative pronouns heading a relative clause ("Putin, who said ...").
RELATIVE_PRONOUNS: frozenset[str] = word_set("attribution", "relative_pronouns")
