"""Word lists of general English used to find who said what.

These are closed classes of the language of attribution (reporting verbs,
nouns that name an utterance, pronouns), not words of any one story.
"""

from __future__ import annotations

__all__ = [
    "PERSON_PRONOUNS",
    "RELATIVE_PRONOUNS",
    "REPORTING_VERBS",
    "SPEECH_NOUNS",
    "THING_PRONOUNS",
]

from .words import word_set

# The lists live in language/data/words.toml ([attribution]).

#: Lemmas of verbs that introduce reported speech or writing.
REPORTING_VERBS: frozenset[str] = word_set("attribution", "reporting_verbs")

#: Nouns naming an utterance, usable as a colon introduction ("his statement: ...").
SPEECH_NOUNS: frozenset[str] = word_set("attribution", "speech_nouns")

#: Pronouns that refer to one person.
PERSON_PRONOUNS: frozenset[str] = word_set("attribution", "person_pronouns")

#: Pronouns that refer to one non-person actor (a country, a body, a group).
THING_PRONOUNS: frozenset[str] = word_set("attribution", "thing_pronouns")

#: Relative pronouns heading a relative clause ("Putin, who said ...").
RELATIVE_PRONOUNS: frozenset[str] = word_set("attribution", "relative_pronouns")
