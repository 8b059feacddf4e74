"""Turn a speaker span into a story actor.

The actors stage records mentions (names, titles, metonyms, and pronoun
subjects of reporting verbs); :class:`~storyline.actor_index.ActorIndex`
finds the actor whose mention covers the speaker's head word. When no
mention covers it:

- a personal pronoun ("he said") goes to the nearest earlier mention, outside
  quotations, of an actor of the right kind (a person for he/she, a country,
  organisation or group for "it"), skipping people whose honorific ("Ms.",
  "Mr.") gives the other gender;
- a common-noun head with a non-person organisation in compound position
  ("Kremlin spokesman", "Pentagon officials") speaks for that organisation.
"""

from __future__ import annotations

import re

from .actor_index import ActorIndex
from .language.cues import PERSON_PRONOUNS, THING_PRONOUNS
from .language.speaker import SpeakerSpan
from .models import Actor

__all__ = ["resolve_speaker"]

_THING_KINDS = {"country", "organization", "group"}
_FEMALE = ("Ms.", "Ms ", "Mrs.", "Mrs ", "Miss ", "Mme ", "Mme.")
_MALE = ("Mr.", "Mr ")
_HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mme)\.?\s+$")
_PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}


def _covering(index: ActorIndex, doc: str, span: tuple[int, int]) -> Actor | None:
    """The actor whose mention covers most of ``span`` (the shortest such mention)."""
    return index.at(doc, span[0], span[1])


def _gender(actor: Actor, texts: dict[str, str]) -> str | None:
    """"f" or "m" when an honorific gives it away ("Ms Bouvier", "Mr. Trump"), else None."""
    forms = [m.text for m in actor.mentions] + actor.aliases
    for m in actor.mentions:
        before = _HONORIFIC_BEFORE.search(texts.get(m.doc, "")[max(0, m.start - 6) : m.start])
        if before:
            forms.append(before.group(0))
    forms = [f.strip() + " " for f in forms]
    if any(f.startswith(_FEMALE) for f in forms):
        return "f"
    if any(f.startswith(_MALE) for f in forms):
        return "m"
    return None


def _agrees(actor: Actor, pronoun: str | None, texts: dict[str, str]) -> bool:
    """False when the pronoun's gender contradicts the actor's honorifics."""
    wanted = _PRONOUN_GENDER.get(pronoun or "")
    if wanted is None:
        return True
    gender = _gender(actor, texts)
    return gender is None or gender == wanted


def _antecedent(
    index: ActorIndex, doc: str, before: int, pronoun: str, quoted: list[tuple[int, int]], texts: dict[str, str]
) -> Actor | None:
    """The nearest earlier actor the pronoun can refer to, skipping mentions inside quotations."""
    if pronoun in PERSON_PRONOUNS:
        kinds = {"person"}
    elif pronoun in THING_PRONOUNS:
        kinds = _THING_KINDS
    else:
        return None
    for s, e, actor in reversed(index.mentions_in(doc, 0, before)):
        if e > before or actor.kind not in kinds or any(qs <= s < qe for qs, qe in quoted):
            continue
        if _agrees(actor, pronoun, texts):
            return actor
    return None


def resolve_speaker(
    index: ActorIndex,
    doc: str,
    speaker: SpeakerSpan,
    quoted: list[tuple[int, int]] | None = None,
    texts: dict[str, str] | None = None,
) -> Actor | None:
    """The story actor named by ``speaker`` in document ``doc``, or None.

    ``quoted`` are the quotation spans of the document: a name inside someone
    else's quotation is not an antecedent for "he said". ``texts`` (document
    id -> text) lets honorifics before a mention tell a pronoun's gender.
    """
    texts = texts or {}
    actor = _covering(index, doc, speaker.head)
    if actor is not None and (speaker.pronoun is None or _agrees(actor, speaker.pronoun, texts)):
        return actor
    for alt in speaker.alternates:
        actor = _covering(index, doc, alt)
        if actor is not None:
            return actor
    if speaker.pronoun is not None:
        return _antecedent(index, doc, speaker.head[0], speaker.pronoun, quoted or [], texts)
    return None
