"""Sentence embeddings for the stream: wordllama from its wheel, and the fallback when it cannot load."""

from __future__ import annotations

import logging
import pickle

import numpy as np
import pytest

from storyline.stream import embed
from storyline.stream.features import featurize


def test_articles_on_one_story_embed_closer_than_articles_on_another() -> None:
    e = embed.default_embedder()
    if e is None:
        pytest.skip("wordllama is not installed")
    pool = e("Police handcuffed teenagers at a community pool party; the officer was placed on leave.")
    pool2 = e("The officer who drew his gun at the pool party has resigned, the police chief said.")
    budget = e("The senate passed the budget bill after a late-night vote on spending cuts.")
    assert pool is not None and pool2 is not None and budget is not None
    assert pool.dtype == np.float32 and float(np.linalg.norm(pool)) == pytest.approx(1.0, abs=1e-4)
    assert float(pool @ pool2) > float(pool @ budget) + 0.2
    assert e("") is None


def test_features_carry_the_embedding_and_pickle_with_it() -> None:
    text = "Flooding in Kalvormes closed the Tinbel bridge. Mayor Drazar Quistlun said repairs take weeks."
    f = featurize(text, embedder=lambda t: np.ones(4, dtype=np.float32) / 2)
    assert f.embedding is not None and f.embedding.tolist() == [0.5] * 4
    back = pickle.loads(pickle.dumps(f))
    assert back.embedding is not None and back.embedding.tolist() == [0.5] * 4
    assert featurize(text, embedder=None).embedding is None


def test_without_wordllama_the_clusterer_is_told_once_and_gets_none(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    def broken() -> None:
        raise ImportError("No module named 'wordllama'")

    monkeypatch.setattr(embed, "WordLlamaEmbedder", broken)
    embed.default_embedder.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, logger="storyline.stream.embed"):
            assert embed.default_embedder() is None
            assert embed.default_embedder() is None
        assert [r.getMessage() for r in caplog.records if "embeddings unavailable" in r.getMessage()] == [
            "stream: sentence embeddings unavailable (ImportError: No module named 'wordllama'); joins are decided on the threshold rule"
        ]
    finally:
        embed.default_embedder.cache_clear()
