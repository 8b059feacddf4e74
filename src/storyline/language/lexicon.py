"""Word lists shipped as package data (``language/data/*.toml``), loaded once."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["load_lexicon", "word_set"]


@cache
def load_lexicon(name: str) -> dict[str, Any]:
    """The TOML table ``language/data/<name>.toml``."""
    text = resources.files("storyline.language").joinpath("data", f"{name}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def word_set(name: str, section: str, key: str) -> frozenset[str]:
    """The whitespace-separated words of ``[section] key`` in lexicon ``name``."""
    value = load_lexicon(name)[section][key]
    return frozenset(str(value).split())
