"""Knowing and not knowing: the predicates of knowledge and the answers that disclaim it only so far as one knows.

"Not that I'm aware of" answers "Did the president know?" with neither a
yes nor a no; a source that reports the same answer as "he was unaware" or
"he denies knowing" states flatly what the other gives as a hedge. The
lists are in ``data/words.toml`` (``[knowledge]``).
"""

from __future__ import annotations

import re
from functools import cache

from ..text import normalize_same_length
from .words import data_table, phrase_alternation, word_set

__all__ = ["KNOWLEDGE_PREDICATES", "UNKNOWING_PREDICATES", "knowledge_hedge"]

#: Predicates of knowing ("know", "aware", "unaware").
KNOWLEDGE_PREDICATES = word_set("knowledge", "verbs")
#: Of them, those that say the knower did not know ("unaware").
UNKNOWING_PREDICATES = word_set("knowledge", "negative")


@cache
def _hedge_pattern() -> re.Pattern[str]:
    phrases = [str(p) for p in data_table("words")["knowledge"]["hedges"]]
    return re.compile(rf"(?<!\w)(?:{phrase_alternation(phrases)})(?!\w)", re.IGNORECASE)


def knowledge_hedge(text: str) -> str | None:
    """The knowledge-disclaiming answer in ``text`` ("Not that I'm aware of"), as written, or None."""
    m = _hedge_pattern().search(normalize_same_length(text))  # typographic quotes as straight ones, offsets kept
    return text[m.start() : m.end()] if m else None
