"""Turn a speaker span into a story actor.

The actors stage records mentions (names, titles, metonyms, and pronoun
subjects of reporting verbs); :class:`~storyline.actors.index.ActorIndex`
finds the actor whose mention covers the speaker's head word. When no
mention covers it:

- a personal pronoun ("he said") goes to the nearest earlier mention of an
  actor of the right kind (a person for he/she, a country, organisation or
  group for "it");
- a common-noun head with a non-person organisation in compound position
  ("Kremlin spokesman", "Pentagon officials") speaks for that organisation.
"""

from __future__ import annotations

from ..actors.index import ActorIndex
from ..models import Actor
from .cues import PERSON_PRONOUNS, THING_PRONOUNS
from .speaker import SpeakerSpan

__all__ = ["resolve_speaker"]

_THING_KINDS = {"country", "organization", "group"}


def _covering(index: ActorIndex, doc: str, span: tuple[int, int]) -> Actor | None:
    """The actor whose mention covers most of ``span`` (the shortest such mention)."""
    return index.at(doc, span[0], span[1])


def _antecedent(index: ActorIndex, doc: str, before: int, pronoun: str) -> Actor | None:
    if pronoun in PERSON_PRONOUNS:
        kinds = {"person"}
    elif pronoun in THING_PRONOUNS:
        kinds = _THING_KINDS
    else:
        return None
    for _s, e, actor in reversed(index.mentions_in(doc, 0, before)):
        if e <= before and actor.kind in kinds:
            return actor
    return None


def resolve_speaker(index: ActorIndex, doc: str, speaker: SpeakerSpan) -> Actor | None:
    """The story actor named by ``speaker`` in document ``doc``, or None."""
    actor = _covering(index, doc, speaker.head)
    if actor is not None:
        return actor
    for alt in speaker.alternates:
        actor = _covering(index, doc, alt)
        if actor is not None:
            return actor
    if speaker.pronoun is not None:
        return _antecedent(index, doc, speaker.head[0], speaker.pronoun)
    return None
