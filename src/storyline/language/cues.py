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

#: Lemmas of verbs that introduce reported speech or writing.
REPORTING_VERBS: frozenset[str] = frozenset(
    """
    say tell state declare announce add note explain claim insist argue warn write report reply
    respond retort ask admit acknowledge confirm deny suggest predict promise vow pledge threaten
    urge call describe characterize characterise term dub label complain concede recall remark
    stress emphasize emphasise assert contend maintain observe tweet post testify quip joke
    conclude agree disagree caution counter lament mention reveal proclaim announce allege accuse
    charge estimate forecast boast brag repeat reiterate recount whisper shout cry scream exclaim
    demand order instruct advise recommend propose assure reassure affirm swear hint signal
    acknowledge clarify elaborate complain protest object interject muse wonder
    """.split()
)

#: Nouns naming an utterance, usable as a colon introduction ("his statement: ...").
SPEECH_NOUNS: frozenset[str] = frozenset(
    """
    statement remark comment word words revelation announcement declaration message warning
    answer reply response speech address tweet post letter note admission claim promise pledge
    vow threat quote question conclusion verdict assessment explanation testimony interview
    """.split()
)

#: Pronouns that refer to one person.
PERSON_PRONOUNS: frozenset[str] = frozenset({"he", "she", "him", "her"})

#: Pronouns that refer to one non-person actor (a country, a body, a group).
THING_PRONOUNS: frozenset[str] = frozenset({"it"})

#: Relative pronouns heading a relative clause ("Putin, who said ...").
RELATIVE_PRONOUNS: frozenset[str] = frozenset({"who", "that", "which", "whom"})
