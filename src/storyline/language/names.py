"""Normalizing names for comparison."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["name_key"]

_POSSESSIVE = re.compile(r"'s$|'$")
_THE = re.compile(r"^the\s+")
_PUNCT = re.compile(r"[^\w\s']")


@lru_cache(maxsize=1 << 14)
def name_key(text: str) -> str:
    """Normalized form of a name for look-ups: lower case, no dots, quotes or leading 'the'.

    Remembered: the recognizer looks up the same words again and again.
    """
    s = text
    if not s.isascii():
        s = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))  # "Grünberg" = "Grunberg"
    s = s.replace("\u2019", "'").replace("\u2018", "'").strip().lower()
    s = _POSSESSIVE.sub("", s)
    s = _THE.sub("", s)
    s = s.replace(".", "").replace("-", " ")
    s = _PUNCT.sub(" ", s)
    return " ".join(s.split())
