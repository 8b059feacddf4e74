"""The learned join decision: the tree evaluator, the packaged model, and the clusterer deciding with it."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest

from storyline.errors import ConfigError
from storyline.stream.cluster import Clusterer, StreamSettings
from storyline.stream.features import featurize
from storyline.stream.join import FEATURES, JoinModel, packaged_model

HOUR = 3600.0
COS = FEATURES.index("cosine")


def _stump(feature: str = "cosine", threshold: float = 0.5, low: float = -3.0, high: float = 3.0, missing_left: bool = True) -> dict[str, Any]:
    """A one-split model: log-odds ``low`` when ``feature`` <= ``threshold``, else ``high``."""
    return {
        "version": 1,
        "features": [feature],
        "cap_hours": 36.0,
        "baseline": 0.0,
        "trees": [[[0, threshold, 1, 2, missing_left, 0.0, False], [0, 0.0, 0, 0, False, low, True], [0, 0.0, 0, 0, False, high, True]]],
    }


def _x(**values: float) -> list[float]:
    x = [0.0] * len(FEATURES)
    for name, v in values.items():
        x[FEATURES.index(name)] = v
    return x


def test_a_tree_is_walked_by_the_named_feature_and_missing_values_follow_their_branch() -> None:
    m = JoinModel.from_data(_stump())
    assert m.probability(_x(cosine=0.9)) == pytest.approx(1 / (1 + math.exp(-3.0)))
    assert m.probability(_x(cosine=0.1)) == pytest.approx(1 / (1 + math.exp(3.0)))
    assert m.probability(_x(cosine=0.9, score=-5.0)) == m.probability(_x(cosine=0.9))  # reads cosine only
    assert m.probability(_x(cosine=math.nan)) < 0.5
    assert JoinModel.from_data(_stump(missing_left=False)).probability(_x(cosine=math.nan)) > 0.5


def test_a_model_that_does_not_fit_the_clusterer_is_refused() -> None:
    with pytest.raises(ConfigError, match="does not offer"):
        JoinModel.from_data(_stump(feature="sentiment"))
    bad = _stump()
    bad["trees"][0][0][2] = 7
    with pytest.raises(ConfigError, match="outside its tree"):
        JoinModel.from_data(bad)
    with pytest.raises(ConfigError, match="version"):
        JoinModel.from_data({**_stump(), "version": 9})


def test_the_packaged_model_joins_near_copies_and_not_strangers() -> None:
    m = packaged_model()
    assert set(m.features) <= set(FEATURES) and "cosine" in m.features and len(m.trees) > 10
    copy = _x(score=0.6, similarity=0.6, cosine=0.95, age_hours=3.0, gap_hours=1.0, margin=0.55, cosine_margin=0.6, excess=0.55)
    stranger = _x(score=0.0, similarity=0.005, cosine=0.02, age_hours=3.0, gap_hours=1.0, margin=0.001, cosine_margin=0.0, excess=-0.03)
    assert m.probability(copy) > 0.9
    assert m.probability(stranger) < 0.1
    # the embeddings carry weight where the words say little
    weak = {"score": 0.03, "similarity": 0.035, "age_hours": 3.0, "gap_hours": 1.0, "margin": 0.02, "excess": -0.005}
    assert m.probability(_x(**weak, cosine=0.8, cosine_margin=0.6)) > m.probability(_x(**weak, cosine=0.0, cosine_margin=-0.2))


class _Fixed:
    """An embedder that maps each text to the unit vector of the topic it names."""

    def __init__(self, topics: dict[str, int]) -> None:
        self.topics = topics

    def __call__(self, text: str) -> np.ndarray | None:
        for word, axis in self.topics.items():
            if word in text:
                v = np.zeros(8, dtype=np.float32)
                v[axis] = 1.0
                return v
        return None


A = "Crews in Kalvormes cleared the Tinbel bridge after the flood, officials said on Monday."
B = "Officials said the Tinbel ferry resumed service on Tuesday, and the queues were short."


def test_the_model_decides_where_the_embeddings_speak_and_the_threshold_rule_elsewhere() -> None:
    model = JoinModel.from_data(_stump())
    same = _Fixed({"Kalvormes": 0, "ferry": 0})
    apart = _Fixed({"Kalvormes": 0, "ferry": 1})
    threshold = StreamSettings(threshold=0.9, competition=0.0, crowd_margin=0.0, warmup=0.0)  # the rule alone would never join these

    def joined(embedder: Any, model: JoinModel | None) -> bool:
        c = Clusterer(threshold, model=model)
        first = c.assign(featurize(A, embedder=embedder), 0.0)
        return c.assign(featurize(B, embedder=embedder), HOUR).story == first.story

    assert joined(same, model)  # one topic by the embeddings: the model joins a weak TF-IDF match
    assert not joined(apart, model)
    assert not joined(same, None)  # no model: the threshold rule
    assert not joined(None, model)  # no embeddings: the threshold rule


def test_join_model_0_turns_the_packaged_model_off() -> None:
    assert Clusterer(StreamSettings(join_model=0)).model is None
    assert Clusterer(StreamSettings()).model is packaged_model()


def test_story_embeddings_survive_the_state_and_the_resumed_run_decides_alike() -> None:
    model = JoinModel.from_data(_stump(threshold=0.7))
    emb = _Fixed({"Kalvormes": 0, "ferry": 0, "orchestra": 1})
    c = Clusterer(StreamSettings(threshold=0.9), model=model)
    c.assign(featurize(A, embedder=emb), 0.0)
    state = c.state()
    assert state["stories"][0]["emb"][0] == 1.0
    resumed = Clusterer.from_state(state, model=model)
    texts = [B, "The Holpev orchestra in Tinbel announced a winter tour of nine cities, officials said."]
    for i, text in enumerate(texts):
        assert resumed.assign(featurize(text, embedder=emb), (i + 2) * HOUR) == c.assign(featurize(text, embedder=emb), (i + 2) * HOUR)
    assert c.active[1].n == 2 and len(c.active) == 2
