"""Divergences of scope: one source extends a thing to a kind the other rules out.

"The ruling opens the door for athletes at *public* universities to
unionize" against "the push is to unionize athletes at *private* schools,
because the board has no jurisdiction over *public* universities": the
first says the matter reaches public universities, the second limits it to
private ones and rules the public ones out. Two claims of different
documents make such a pair when

- the first qualifies a noun with an adjective (``public``) outside any
  negation;
- the second qualifies a noun with an opposite adjective (``private``, from
  the antonym pairs) outside any negation, and rules the first's adjective
  out: it qualifies a noun under a negated predicate ("no jurisdiction over
  public universities") or the sentence limits itself ("only", "limited to");
  it never asserts the first's adjective;
- the first never uses the opposite adjective (a claim naming both kinds
  is not limited to one);
- they share ``min_terms`` content words besides the two adjectives and are
  at least ``min_similarity`` alike in words.

Per first claim, the best such claim of each other document is a position.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ..claim_features.features import TextUnit
from ..language.words import word_set

__all__ = ["ScopeConflict", "scope_conflicts"]

#: Words by which a sentence limits what it says to one kind ("only private schools", "limited to").
LIMIT_WORDS = word_set("scope", "limit_words")
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class ScopeConflict:
    """A claim extending a thing to one kind, against claims of other documents limiting it to the opposite kind."""

    claim: str  # the extending claim
    quality: str  # its adjective ("public") and noun
    noun: str
    limits: tuple[tuple[str, str, str, float], ...]  # (claim id, opposite adjective, its noun, similarity), by document


def _limits(text: str) -> bool:
    return any(w.lower() in LIMIT_WORDS for w in _WORD.findall(text))


def scope_conflicts(
    units: Mapping[str, TextUnit],
    pairs: list[tuple[str, str]],
    lexical: Callable[[TextUnit, TextUnit], float],
    antonyms: Mapping[str, frozenset[str]],
    texts: Mapping[str, str],
    min_similarity: float,
    min_terms: int = 2,
) -> list[ScopeConflict]:
    """Scope conflicts among the candidate claim ``pairs``, each claim in at most one, the most similar first."""
    found: dict[tuple[str, str, str], dict[str, tuple[float, str, str, str]]] = {}
    for ka, kb in pairs:
        for a, b in ((units[ka], units[kb]), (units[kb], units[ka])):
            if a.doc == b.doc:
                continue
            for q, noun in sorted(a.qualities.items()):
                if q in a.excluded:
                    continue
                opposite = sorted(o for o in antonyms.get(q, frozenset()) if o in b.qualities and o not in b.excluded and o not in a.qualities)
                if not opposite or (q in b.qualities and q not in b.excluded):
                    continue  # no opposite kind, or the other claim names both kinds
                if q not in b.excluded and not _limits(texts.get(b.key, "")):
                    continue  # the other kind, but nothing rules this one out: two facts
                o = opposite[0]
                shared = [t for t in set(a.terms) & set(b.terms) if not t.startswith("@") and t not in {q, o}]
                if len(shared) < min_terms:
                    continue
                sim = lexical(a, b)
                if sim < min_similarity:
                    continue
                side = found.setdefault((a.key, q, noun), {})
                if b.doc not in side or sim > side[b.doc][0]:
                    side[b.doc] = (sim, b.key, o, b.qualities[o])
    out: list[ScopeConflict] = []
    taken: set[str] = set()
    for (key, q, noun), side in sorted(found.items(), key=lambda kv: (-max(s for s, *_r in kv[1].values()), kv[0])):
        limits = tuple((k, o, n, round(s, 3)) for _doc, (s, k, o, n) in sorted(side.items()) if k not in taken)
        if key in taken or not limits:
            continue
        taken.add(key)
        taken.update(k for k, *_r in limits)
        out.append(ScopeConflict(key, q, noun, limits))
    return out
