"""Sentence embeddings of articles, for the clusterer's join decision.

:class:`WordLlamaEmbedder` embeds a text with wordllama's 256-dimensional
static token embeddings (``l2_supercat``), which ship inside its wheel: they
are loaded from the installed package, never from a hub. An embedding is a
unit vector (float32); two articles on one story point the same way even when
they share few words ("handcuffed teens at a pool" and "officer placed on
leave after the pool party"), which TF-IDF cannot see.

:func:`default_embedder` is the one process-wide instance (loaded on first
use, about a second); where wordllama cannot be loaded it logs why, once, and
returns None: the clusterer then decides on its threshold rule alone.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

__all__ = ["Embedder", "Vector", "WordLlamaEmbedder", "default_embedder"]

log = logging.getLogger(__name__)

Vector = npt.NDArray[np.float32]


class Embedder(Protocol):
    def __call__(self, text: str) -> Vector | None:
        """The unit embedding of ``text``, or None when it has none (no known word)."""
        ...


class WordLlamaEmbedder:
    """wordllama's static embeddings, loaded from its installed wheel (no download)."""

    def __init__(self) -> None:
        import wordllama
        from wordllama import WordLlama

        self._model: Any = WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)

    def __call__(self, text: str) -> Vector | None:
        with np.errstate(invalid="ignore", divide="ignore"):  # an empty text normalises 0 / 0
            vec = np.asarray(self._model.embed([text], norm=True)[0], dtype=np.float32)
        norm = float(np.linalg.norm(vec))
        if not np.isfinite(norm) or norm < 0.5:  # an empty or all-unknown text embeds to zeros
            return None
        return vec


@lru_cache(maxsize=1)
def default_embedder() -> Embedder | None:
    try:
        return WordLlamaEmbedder()
    except Exception as exc:  # a missing or broken wordllama must not stop clustering
        log.warning("stream: sentence embeddings unavailable (%s: %s); joins are decided on the threshold rule", type(exc).__name__, exc)
        return None
