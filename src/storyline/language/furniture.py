"""Word lists of news-page furniture (share buttons, recirculation labels, players).

The words live in ``language/data/furniture.toml``; the shapes that use them
live in :mod:`storyline.language.junk`.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["Furniture", "furniture"]


@dataclass(frozen=True)
class Furniture:
    share_words: frozenset[str]
    recirculation_prefixes: tuple[str, ...]  # longest first
    link_imperatives: tuple[str, ...]
    video_words: tuple[str, ...]
    stamp_words: tuple[str, ...]


@cache
def furniture() -> Furniture:
    """The packaged furniture word lists (read once)."""
    raw = tomllib.loads(resources.files("storyline.language").joinpath("data/furniture.toml").read_text(encoding="utf-8"))

    def words(key: str) -> tuple[str, ...]:
        return tuple(sorted({str(w).lower() for w in raw[key]}, key=lambda w: (-len(w), w)))

    return Furniture(
        share_words=frozenset(words("share_words")),
        recirculation_prefixes=words("recirculation_prefixes"),
        link_imperatives=words("link_imperatives"),
        video_words=words("video_words"),
        stamp_words=words("stamp_words"),
    )
