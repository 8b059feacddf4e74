"""Word lists of general English used to find who said what.

These are closed classes of the language of attribution (reporting verbs,
nouns that name an utterance, pronouns), not words of any one story. The
lists themselves live in :mod:`storyline.language.attribution` (package data);
this module keeps the names the quotes and claims stages import.
"""

from __future__ import annotations

from ..language.attribution import (
    BESIDE_VERBS,
    DOCUMENT_AUTHOR_VERBS,
    DOCUMENT_NOUNS,
    REPORTING_VERBS,
    SPEECH_NOUNS,
    WORK_NOUNS,
)

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

#: Pronouns that refer to one person.
PERSON_PRONOUNS: frozenset[str] = frozenset({"he", "she", "him", "her"})

#: Pronouns that refer to one non-person actor (a country, a body, a group).
THING_PRONOUNS: frozenset[str] = frozenset({"it"})

#: Relative pronouns heading a relative clause ("Putin, who said ...").
RELATIVE_PRONOUNS: frozenset[str] = frozenset({"who", "that", "which", "whom"})
