"""Turn a speaker span into a story actor.

The actors stage records mentions (names, titles, metonyms, and pronoun
subjects of reporting verbs); :class:`~storyline.actor_index.ActorIndex`
finds the actor whose mention covers the speaker's head word. When the
speaker is a pronoun ("he said"), :func:`storyline.language.antecedent.resolve_pronoun`
chooses among the earlier mentions outside quotations (and the speakers of
earlier quotations): agreement in kind, gender and number first, then
salience (subjects and speakers, recency). Otherwise:

- an apposition or a compound organisation ("Kremlin spokesman") speaks for
  that organisation;
- nothing else is guessed here (the stage may create an actor for a speaker
  the story's actors do not cover).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence

from .actor_index import ActorIndex
from .language.antecedent import Referent, resolve_pronoun, sentence_of, sentence_starts
from .language.attribution import gender_of_text, pronoun_info
from .language.speaker import SpeakerSpan
from .models import Actor

__all__ = ["actor_gender", "doc_referents", "resolve_speaker"]

_FIRST_WORD = re.compile(r"[A-Za-z]+")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?\s+$")
_APPOSITION = re.compile(
    r"\s*,\s*(?:\d{1,3}\s*,\s*)?((?:the|a|an|his|her|their|[A-Z][\w\u2019'-]*[\u2019']s)\s+[^,.;:\"\u201c\u201d]{2,60})"
)


def _is_pronoun(text: str) -> bool:
    return pronoun_info(text.strip()) is not None


def actor_gender(actor: Actor, texts: dict[str, str]) -> str | None:
    """ "f"/"m" when the story gives it away, else None.

    Evidence: an honorific in or before a mention ("Ms Bouvier", "Mr. Trump"),
    a gendered noun right before a name ("actress Jane Doe", "his wife Ann")
    or in an apposition after it ("Sam Roe, 70, the girl's grandfather").
    """
    votes: Counter[str] = Counter()
    for m in actor.mentions:
        if _is_pronoun(m.text):
            continue
        text = texts.get(m.doc, "")
        found = [gender_of_text(m.text)]
        before = _WORD_BEFORE.search(text[max(0, m.start - 20) : m.start]) if text else None
        if before:
            found.append(gender_of_text(before.group(1)))
        after = _APPOSITION.match(text, m.end) if text else None
        if after:
            found.append(gender_of_text(after.group(1)))
        votes.update(g for g in found if g)
    if not votes:
        return None
    (top, n), *rest = votes.most_common()
    return top if not rest or n > rest[0][1] else None


class _Covered:
    """Whether an offset lies inside any of some intervals: a bisect over their starts and a running maximum of their ends."""

    def __init__(self, intervals: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(intervals)
        self._starts = [a for a, _ in ordered]
        self._reach: list[int] = []
        best = -1
        for _, b in ordered:
            best = max(best, b)
            self._reach.append(best)

    def __call__(self, pos: int) -> bool:
        k = bisect_right(self._starts, pos)
        return k > 0 and self._reach[k - 1] > pos


def doc_referents(
    index: ActorIndex,
    doc: str,
    text: str,
    quoted: Sequence[tuple[int, int]] = (),
    subjects: Sequence[int] = (),
    genders: dict[str, str | None] | None = None,
) -> list[Referent]:
    """Every named mention of ``doc`` outside quotations, as antecedent candidates.

    ``subjects`` are sorted offsets of clause-subject tokens (from the parses);
    ``genders`` caches :func:`actor_gender` by actor id.
    """
    genders = {} if genders is None else genders
    starts = sentence_starts(text)
    votes, voters = _pronoun_votes(index, doc, text, quoted, subjects, starts)
    out: list[Referent] = []
    inside = _Covered(quoted)
    for s, e, actor in index.mentions_in(doc, 0, len(text) + 1):
        if actor.kind == "place" or _is_pronoun(text[s:e]) or inside(s):
            continue
        if actor.id not in genders:
            genders[actor.id] = (actor_gender(actor, {doc: text}) or _by_votes(votes.get(actor.id))) if actor.kind == "person" else None
        k = bisect_left(subjects, s)
        subject = k < len(subjects) and subjects[k] < e
        kind = "person" if actor.kind == "person" else "thing"
        out.append(Referent(actor.id, s, sentence_of(starts, s), kind, genders[actor.id], actor.kind == "group", subject))
    for key, p in voters:  # "She says ..." right after "Pat Roe filed ...": a subject mention of Pat Roe
        out.append(Referent(key, p, sentence_of(starts, p), "person", genders.get(key), False, True))
    return out


def _by_votes(votes: Counter[str] | None) -> str | None:
    if not votes:
        return None
    (top, n), *rest = votes.most_common()
    return top if n >= 2 * (rest[0][1] if rest else 0) else None


def _pronoun_votes(
    index: ActorIndex, doc: str, text: str, quoted: Sequence[tuple[int, int]], subjects: Sequence[int], starts: Sequence[int]
) -> tuple[dict[str, Counter[str]], list[tuple[str, int]]]:
    """Genders the text itself shows, and the pronoun subjects that show them.

    A "he"/"she" subject votes for the one person named before it in its
    sentence ("Pat Roe said she would appeal"), or for the one person who is
    the subject of the sentence before when its own sentence quotes nobody
    ("Pat Roe filed the suit. She says ..."). Returns the votes by actor id and
    the (actor id, offset) of each voting pronoun.
    """
    votes: dict[str, Counter[str]] = {}
    voters: list[tuple[str, int]] = []
    sub_set = set(subjects)
    for p in subjects:
        m = _FIRST_WORD.match(text, p)
        info = pronoun_info(m.group(0)) if m else None
        if info is None or info.gender not in {"m", "f"} or any(qs <= p < qe for qs, qe in quoted):
            continue
        k = sentence_of(starts, p)
        here = _people(index, doc, text, quoted, starts[k], p)
        if len(here) == 1:
            key = next(iter(here))
        elif not here and k > 0:
            end = starts[k + 1] if k + 1 < len(starts) else len(text)
            if any(ch in text[starts[k] : end] for ch in "\"\u201c\u201d"):
                continue
            before = _people(index, doc, text, quoted, starts[k - 1], starts[k], sub_set)
            if len(before) != 1:
                continue
            key = next(iter(before))
        else:
            continue
        votes.setdefault(key, Counter())[info.gender] += 1
        voters.append((key, p))
    return votes, voters


def _people(
    index: ActorIndex, doc: str, text: str, quoted: Sequence[tuple[int, int]], lo: int, hi: int, subjects: set[int] | None = None
) -> set[str]:
    """Ids of the people named (by name, outside quotations) in [lo, hi); only clause subjects when ``subjects`` is given."""
    return {
        a.id
        for s, e, a in index.mentions_in(doc, lo, hi)
        if a.kind == "person"
        and e <= hi
        and not _is_pronoun(text[s:e])
        and not any(qs <= s < qe for qs, qe in quoted)
        and (subjects is None or any(i in subjects for i in range(s, e)))
    }


def _actors_of(index: ActorIndex, doc: str) -> dict[str, Actor]:
    return {a.id: a for _, _, a in index.mentions_in(doc, 0, 1 << 40)}


def resolve_speaker(
    index: ActorIndex,
    doc: str,
    speaker: SpeakerSpan,
    quoted: list[tuple[int, int]] | None = None,
    texts: dict[str, str] | None = None,
    referents: Sequence[Referent] | None = None,
) -> Actor | None:
    """The story actor named by ``speaker`` in document ``doc``, or None.

    ``quoted`` are the quotation spans of the document: a name inside someone
    else's quotation is not an antecedent for "he said". ``texts`` (document
    id -> text) lets honorifics and descriptions tell a pronoun's gender.
    ``referents`` (from :func:`doc_referents`, plus earlier speakers) replace
    the default candidates for a pronoun.
    """
    texts = texts or {}
    head_actor = index.at(doc, speaker.head[0], speaker.head[1])
    if speaker.pronoun is None:
        if head_actor is not None:
            return head_actor
        for alt in speaker.alternates:
            actor = index.at(doc, alt[0], alt[1])
            if actor is not None:
                return actor
        return None
    info = pronoun_info(speaker.pronoun)
    if info is None or info.person != 3:
        return head_actor
    text = texts.get(doc, "")
    if referents is None:
        referents = doc_referents(index, doc, text, quoted or [])
    pos = speaker.head[0]
    key = resolve_pronoun(speaker.pronoun, pos, sentence_of(sentence_starts(text), pos), referents)
    if key is not None:
        return _actors_of(index, doc).get(key)
    return None
