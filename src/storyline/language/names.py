"""Normalizing names for comparison."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["name_key"]


def name_key(text: str) -> str:
    """Normalized form of a name for look-ups: lower case, no dots, quotes or leading 'the'."""
    s = text
    if not s.isascii():
        s = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))  # "Grünberg" = "Grunberg"
    s = s.replace("\u2019", "'").replace("\u2018", "'").strip().lower()
    s = re.sub(r"'s$|'$", "", s)
    s = re.sub(r"^the\s+", "", s)
    s = s.replace(".", "").replace("-", " ")
    s = re.sub(r"[^\w\s']", " ", s)
    return " ".join(s.split())
