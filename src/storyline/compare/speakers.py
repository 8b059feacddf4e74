"""Who said it: the same quotation credited to different speakers by different sources.

Two quotations of different documents are the same words when they share a
run of ``[compare] same_quote_words`` words. When their speakers are two
different actors, the sources disagree on who said it -- unless one side
names the other speaker in its sentence ("said Ann Lee, a spokeswoman for
the Acme Corporation" against "the Acme Corporation said"): a spokesperson
speaks for the actor they are named with, and that is no disagreement; nor is
a country or a place credited with words (it speaks through its officials).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Claim, Quote, Story
from ..settings import tuned_int

__all__ = ["SAME_QUOTE_WORDS", "SpeakerConflict", "speaker_conflicts"]

#: Two quotations sharing a run of this many words are the same words.
SAME_QUOTE_WORDS = tuned_int("compare", "same_quote_words")

#: Actor kinds that speak through others ("Germany said", "the city said"): a quotation credited to one is no rival speaker.
_METONYMIC = frozenset({"country", "place"})

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)?")


@dataclass(frozen=True)
class SpeakerConflict:
    """One quotation, two speakers: the claims (sentences) that carry it in each source."""

    claims: tuple[str, str]
    speakers: tuple[str, str]  # actor ids, in the order of ``claims``
    words: str  # the first shared run of words, as the first source writes it


def _runs(text: str, n: int) -> dict[tuple[str, ...], int]:
    words = [w.lower() for w in _WORD.findall(text)]
    return {tuple(words[i : i + n]): i for i in range(len(words) - n + 1)}


def _claim_of(quote: Quote, claims: list[Claim]) -> Claim | None:
    """The claim whose sentence holds the start of the quotation, else the first one it overlaps (``claims``: of its document)."""
    holding = [c for c in claims if c.doc == quote.doc and c.start <= quote.start < c.end]
    overlapping = [c for c in claims if c.doc == quote.doc and c.start < quote.end and quote.start < c.end]
    found = holding or overlapping
    return found[0] if found else None


def _names(mentions: dict[str, list[tuple[str, int]]], actor: str, claim: Claim) -> bool:
    """The claim's sentence names ``actor`` (a spokesperson's sentence naming whom they speak for)."""
    return any(doc == claim.doc and claim.start <= start < claim.end for doc, start in mentions.get(actor, ()))


def speaker_conflicts(story: Story, min_words: int = SAME_QUOTE_WORDS) -> list[SpeakerConflict]:
    """Every pair of same-words quotations of different documents credited to different actors, each claim once."""
    # a country or a place "says" through its officials: credited to it, the words are no one's in particular
    speakers = {a.id for a in story.actors if a.kind not in _METONYMIC}
    quotes = [q for q in story.quotes if q.speaker in speakers]
    out: list[SpeakerConflict] = []
    taken: set[str] = set()
    runs = [_runs(q.text, min_words) for q in quotes]
    # only quotations sharing a run are compared: an index of the runs keeps this linear in the quotations
    holders: dict[tuple[str, ...], list[int]] = {}
    for i, r in enumerate(runs):
        for run in r:
            holders.setdefault(run, []).append(i)
    claims_of: dict[str, list[Claim]] = {}
    for c in story.claims:
        claims_of.setdefault(c.doc, []).append(c)
    mentions: dict[str, list[tuple[str, int]]] = {}
    for a in story.actors:
        mentions.setdefault(a.id, []).extend((m.doc, m.start) for m in a.mentions)
    for i, qa in enumerate(quotes):
        later = sorted({j for run in runs[i] for j in holders[run] if j > i})
        for j in later:
            qb = quotes[j]
            if qa.doc == qb.doc or qa.speaker == qb.speaker or qa.speaker is None or qb.speaker is None:
                continue
            shared = sorted(set(runs[i]) & set(runs[j]), key=lambda r: runs[i][r])
            ca, cb = _claim_of(qa, claims_of.get(qa.doc, [])), _claim_of(qb, claims_of.get(qb.doc, []))
            if ca is None or cb is None or ca.id in taken or cb.id in taken:
                continue
            if _names(mentions, qb.speaker, ca) or _names(mentions, qa.speaker, cb):
                continue  # one side names the other speaker: a spokesperson and whom they speak for
            taken.update((ca.id, cb.id))
            at = runs[i][shared[0]]
            out.append(SpeakerConflict((ca.id, cb.id), (qa.speaker, qb.speaker), " ".join(_WORD.findall(qa.text)[at : at + min_words])))
    return out
