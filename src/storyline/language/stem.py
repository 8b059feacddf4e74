"""The one stemmer of storyline: NLTK's Snowball (Porter 2) English stemmer.

It needs no data download. ``stem("withdrawal") == stem("withdrawing") ==
"withdraw"``; ``stem("announcement") == stem("announced")``. Stages compare
words by stem through :func:`stem`, never with a private suffix table.
"""

from __future__ import annotations

from functools import lru_cache

from nltk.stem.snowball import SnowballStemmer

__all__ = ["bare_verb", "stem", "word_family"]

_SNOWBALL = SnowballStemmer("english")


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """The Snowball stem of ``word`` (lower-cased)."""
    return str(_SNOWBALL.stem(word.lower()))


def bare_verb(lemma: str, min_length: int = 7) -> str | None:
    """The verb under a "re-" prefix ("redeploy" -> "deploy"), or None when the lemma has none."""
    if lemma.startswith("re") and len(lemma) >= min_length:
        return lemma[2:]
    return None


#: Noun-forming suffixes of a Snowball stem that leave the verb's stem ("payment" -> "pay", "signature" -> "sign").
_NOMINAL_SUFFIXES = ("ment", "atur")


def word_family(word: str) -> tuple[str, ...]:
    """The stems under which ``word`` may meet a word of its family: its Snowball stem ("hospitalize" and "hospital" share
    "hospit"), and that stem less a noun-forming suffix ("payment" -> "pay", "signature" -> "sign")."""
    s = stem(word)
    out = [s]
    for suffix in _NOMINAL_SUFFIXES:
        if s.endswith(suffix) and len(s) - len(suffix) >= 3:
            out.append(s[: -len(suffix)])
    return tuple(out)
