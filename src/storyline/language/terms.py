"""Index terms of an English text: what tells one news story from another.

Cheap (regular expressions, no parser), so a stream of many thousand articles
can be indexed per second. Terms are lower-cased words minus function words
(``data/stopwords.toml``), with a light plural folding, and numbers kept as
they are written (``2016``, ``3.5``). A word written with a capital inside a
sentence (a name) is also counted as a name term ``"@word"``, which weighs
named actors and places more than common words.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from functools import cache
from importlib import resources

__all__ = ["fold", "stopwords", "terms"]

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\u2019\-]*[A-Za-z]|[A-Za-z]|\d+(?:[.,]\d+)*")
_SENTENCE_BREAK = re.compile(r"[.!?:\n\"\u201c\u201d]")


_SUFFIXES = ("ations", "ation", "ings", "ing", "ions", "ion", "ments", "ment", "edly", "ed", "ers", "er", "ly", "e")


@cache
def stopwords() -> frozenset[str]:
    """The function words of ``language/data/stopwords.toml``."""
    text = resources.files("storyline.language").joinpath("data/stopwords.toml").read_text(encoding="utf-8")
    return frozenset(tomllib.loads(text)["words"].split())


def fold(word: str) -> str:
    """A lower-cased word with possessive and regular plural endings removed."""
    w = word.lower().replace("\u2019", "'")
    w = w.removesuffix("'s")
    w = w.strip("'-")
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


def terms(text: str, names: bool = True) -> Counter[str]:
    """Counts of the index terms of ``text`` (see the module docstring)."""
    stop = stopwords()
    out: Counter[str] = Counter()
    prev_end = 0
    for m in _TOKEN.finditer(text):
        tok = m.group()
        if tok[0].isdigit():
            out[tok.replace(",", "")] += 1
            prev_end = m.end()
            continue
        w = fold(tok)
        if len(w) < 2 or w in stop:
            prev_end = m.end()
            continue
        out[w] += 1
        if names and tok[0].isupper() and prev_end and not _SENTENCE_BREAK.search(text, prev_end, m.start()):
            out["@" + w] += 1
        prev_end = m.end()
    return out
