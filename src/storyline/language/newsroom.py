"""Newsroom notes: sentences about the article itself or to its reader, not about the news.

The words live in ``language/data/newsroom.toml``; the shapes are here:
an article speaking of itself ("This story has been corrected to show ..."),
a credit ("Staff writer X contributed to this report.", "(Reporting by X;
Editing by Y)"), words to the reader about the page ("Click through the
slideshow below ..."), and a caption that ends on "file photo".
"""

from __future__ import annotations

import re
from functools import cache

from .words import data_table, phrase_alternation

__all__ = ["is_newsroom_note"]


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    alt = {key: phrase_alternation(words) for key, words in data_table("newsroom").items()}
    nouns, verbs, credits, reader = alt["self_nouns"], alt["self_verbs"], alt["credits"], alt["reader_phrases"]
    contrib, credited, captions = alt["contribution_verbs"], alt["credit_nouns"], alt["caption_ends"]
    flags = re.IGNORECASE
    return (
        re.compile(rf"\bthis\s+(?:{nouns})\s+(?:{verbs})\b", flags),
        re.compile(rf"\b(?:an?\s+)?(?:earlier|previous|original)\s+version\s+of\s+this\s+(?:{nouns})\b", flags),
        re.compile(rf"\b(?:will|to)\s+update\s+this\s+(?:{nouns})\b", flags),
        re.compile(rf"\b(?:{contrib})\s+this\s+(?:{credited})\b", flags),
        re.compile(rf"^[(\[]?\s*(?:{credits})\s+[A-Z]", flags),
        re.compile(rf"[;(]\s*(?:{credits})\s+[A-Z]", flags),
        re.compile(rf"\b(?:{reader})\b", flags),
        re.compile(rf"\b(?:{captions})\s*[.)\]]*\s*$", flags),
    )


def is_newsroom_note(sentence: str) -> bool:
    """True when ``sentence`` speaks about its article or to its reader (a credit, a correction, a pointer to the page)."""
    return any(p.search(sentence) for p in _patterns())
