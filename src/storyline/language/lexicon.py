"""Named word lists of package data (``language/data/<name>.toml``), by file, section and key.

A thin front on :mod:`.words` (which loads and caches the files) for the
lists read by file name first: ``word_set("events", "verbs", "light")``.
"""

from __future__ import annotations

from typing import Any

from .words import data_table
from .words import word_set as _word_set

__all__ = ["load_lexicon", "word_set"]


def load_lexicon(name: str) -> dict[str, Any]:
    """The TOML table ``language/data/<name>.toml`` (loaded once)."""
    return data_table(name)


def word_set(name: str, section: str, key: str) -> frozenset[str]:
    """The whitespace-separated words of ``[section] key`` in lexicon ``name``."""
    return _word_set(section, key, name)
