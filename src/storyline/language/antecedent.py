"""Choose what a third-person pronoun refers to: agreement first, then salience.

One resolver for every stage. A caller lists the *referents* it knows before
the pronoun (each mention of an entity, with its sentence, its kind, the
entity's gender and number when known, and whether the mention is a clause
subject or the speaker of a quotation); :func:`resolve_pronoun` keeps those
that agree with the pronoun in kind, gender and number and returns the most
salient one:

- a mention scores ``subject`` when it is a clause subject, ``speaker``
  when it is the speaker of a quotation and ``female``/``male`` when its
  entity is known to have the pronoun's gender (not merely not known to differ),
  minus ``decay`` for every sentence between it and the pronoun;
- an entity scores its best mention plus ``repeat`` for each further mention
  within reach (at most ``repeat_cap``);
- ties go to the entity mentioned last.

So "he said" after a quotation goes to the man who spoke or acted last, not
to the last man merely named, and never to a woman or to a country.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..settings import tuned_section
from .attribution import pronoun_info

__all__ = ["DEFAULT_SALIENCE", "Referent", "Salience", "agrees", "resolve_pronoun", "sentence_of", "sentence_starts"]


@dataclass(frozen=True)
class Referent:
    """One mention of an entity that a later pronoun may refer to."""

    key: str
    pos: int  # character offset of the mention in its document
    sent: int  # ordinal of the mention's sentence in its document
    kind: str  # "person" or "thing" (a country, an organisation, a group)
    gender: str | None = None  # "m" / "f" when the entity's gender is known
    plural: bool = False
    subject: bool = False
    speaker: bool = False


@dataclass(frozen=True)
class Salience:
    """Weights of the salience score (see the module docstring); the defaults are ``[quotes.salience]`` of defaults.toml."""

    reach: int
    decay: float
    subject: float
    speaker: float
    repeat: float
    repeat_cap: int
    female: float  # a referent known to be a woman, for "she" (over one whose gender is unknown)
    male: float  # a referent known to be a man, for "he" (most people named in news carry no gender cue)


def _default_salience() -> Salience:
    v = tuned_section("quotes.salience")
    return Salience(
        reach=int(v["reach"]), decay=float(v["decay"]), subject=float(v["subject"]), speaker=float(v["speaker"]),
        repeat=float(v["repeat"]), repeat_cap=int(v["repeat_cap"]), female=float(v["female"]), male=float(v["male"]),
    )


#: The packaged (or configured) weights, read once through the settings.
DEFAULT_SALIENCE = _default_salience()


def agrees(pronoun: str, r: Referent) -> bool:
    """The pronoun can refer to ``r`` by kind, gender and number ("she" never to a man, "it" never to a person)."""
    info = pronoun_info(pronoun)
    if info is None or info.person != 3:
        return False
    if info.refers == "person" and r.kind != "person":
        return False
    if info.refers == "thing" and r.kind == "person":
        return False
    if info.number == "sg" and r.plural and r.kind == "person":
        return False
    if info.number == "pl" and r.kind == "person" and not r.plural:
        return False
    return not (info.gender in {"m", "f"} and r.gender is not None and r.gender != info.gender)


def resolve_pronoun(
    pronoun: str, pos: int, sent: int, referents: Sequence[Referent], salience: Salience | None = None
) -> str | None:
    """The key of the entity ``pronoun`` (at offset ``pos``, in sentence ``sent``) refers to, or None."""
    w = salience or DEFAULT_SALIENCE
    best: dict[str, float] = {}
    count: dict[str, int] = {}
    last: dict[str, int] = {}
    for r in referents:
        if r.pos >= pos or sent - r.sent > w.reach or r.sent > sent or not agrees(pronoun, r):
            continue
        info = pronoun_info(pronoun)
        known = 0.0
        if info is not None and r.gender is not None and r.gender == info.gender:
            known = w.female if info.gender == "f" else w.male
        score = w.subject * r.subject + w.speaker * r.speaker + known - w.decay * (sent - r.sent)
        best[r.key] = max(best.get(r.key, score), score)
        count[r.key] = count.get(r.key, 0) + 1
        last[r.key] = max(last.get(r.key, -1), r.pos)
    if not best:
        return None

    def total(key: str) -> tuple[float, int]:
        return best[key] + w.repeat * min(count[key] - 1, w.repeat_cap), last[key]

    return max(sorted(best), key=total)


_WORD_BEFORE = re.compile(r"([A-Za-z]+)$")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st gen sen rep gov lt col sgt capt cmdr adm maj prof rev jr sr mt ft no vs inc corp co ltd bros "
    "jan feb mar apr aug sept sep oct nov dec calif fla mass penn ill conn ariz colo mich minn wis wash ore "
    "tenn ky va md del okla nev neb kan ala ga la miss mo".split()
)
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])|\n\s*")


@lru_cache(maxsize=16)
def sentence_starts(text: str) -> tuple[int, ...]:
    """Offsets where the sentences (and paragraphs) of ``text`` start, in order; the first is 0."""
    out = [0]
    for m in _SENTENCE_END.finditer(text):
        if text[m.start()] == "." and "\n" not in m.group():
            word = _WORD_BEFORE.search(text, max(0, m.start() - 12), m.start())
            if word and (len(word.group(1)) == 1 or word.group(1).lower() in _ABBREVIATIONS):
                continue  # "Ms. Roe", "J. Smith", "Gen. Lee", "U.S. officials"
        out.append(m.end())
    return tuple(out)


def sentence_of(starts: Sequence[int], pos: int) -> int:
    """Ordinal of the sentence holding offset ``pos``, given :func:`sentence_starts`."""
    return max(0, bisect_right(starts, pos) - 1)
