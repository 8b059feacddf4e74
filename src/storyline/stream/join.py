"""The learned join decision: does an article belong to its best candidate story?

A small gradient-boosted tree model (trained by ``benchmarks/train_stream_join.py``,
stored as plain data in ``data/stream_join.json``) reads what the clusterer
knows of the article and its best candidate: the TF-IDF score and similarity,
the cosine of their sentence embeddings, the story's size and age, the number
of active stories, and how far the best candidate stands above the second
(:data:`FEATURES`; a model reads the subset named in its file). It returns the probability that the article belongs to
that story. A threshold on one similarity cannot see that a story two words
away in TF-IDF is the same story when the embeddings agree, nor that a close
TF-IDF match about another bus attack is a different one when they do not.

The evaluator is pure Python over the stored trees (no scikit-learn at run
time); :meth:`JoinModel.from_data` checks the file's shape and its feature
names, so a model trained on other features is refused, not misread.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import ConfigError

__all__ = ["FEATURES", "NO_RUNNER_UP", "JoinModel", "packaged_model"]

NO_RUNNER_UP = -0.05  # the runner-up's score when the best candidate is the only one (a little under any real score)

# the decision features the clusterer offers, in its order (Clusterer.decision_features)
FEATURES = (
    "score",  # the candidate's score: similarity less the age penalty
    "similarity",  # TF-IDF cosine of the article and the story centroid
    "cosine",  # cosine of the article's embedding and the story's mean embedding
    "log_articles",  # natural log of the story's articles
    "age_hours",  # hours since the story was first seen (capped at the model's cap_hours)
    "gap_hours",  # hours since it was last seen (capped likewise)
    "log_active",  # natural log of the active stories
    "margin",  # score of the best candidate less the second's (NO_RUNNER_UP when there is none)
    "cosine_margin",  # cosine of the best less the second's (0 when there is none)
    "cosine_gap",  # the highest cosine among the candidates less the best's
    "candidates",  # candidate stories scored
    "excess",  # score less the threshold rule's needed() for this decision
)

_Node = tuple[int, float, int, int, bool, float, bool]  # feature, threshold, left, right, missing goes left, value, leaf


class JoinModel:
    """A binary gradient-boosted tree ensemble: log-odds = baseline + the sum of one leaf value per tree."""

    def __init__(self, baseline: float, trees: Sequence[Sequence[_Node]], cap_hours: float, features: Sequence[str] = FEATURES) -> None:
        self.baseline = baseline
        self.features = tuple(features)
        self.columns = [FEATURES.index(f) for f in self.features]  # tree feature i reads decision feature columns[i]
        self.trees = [list(t) for t in trees]
        self.cap_hours = cap_hours

    @classmethod
    def from_data(cls, data: dict[str, Any], origin: str = "stream join model") -> JoinModel:
        if data.get("version") != 1:
            raise ConfigError("stream.join_model", f"unsupported model version {data.get('version')!r}", origin)
        names = tuple(data.get("features", ()))
        unknown = [f for f in names if f not in FEATURES]
        if not names or unknown:
            raise ConfigError("stream.join_model", f"the model reads features the clusterer does not offer: {unknown or 'none'}", origin)
        trees: list[list[_Node]] = []
        for tree in data["trees"]:
            nodes = [(int(f), float(t), int(lt), int(rt), bool(ml), float(v), bool(leaf)) for f, t, lt, rt, ml, v, leaf in tree]
            for f, _t, lt, rt, _ml, _v, leaf in nodes:
                if not leaf and not (0 <= f < len(names) and 0 < lt < len(nodes) and 0 < rt < len(nodes)):
                    raise ConfigError("stream.join_model", "a tree node points outside its tree", origin)
            trees.append(nodes)
        return cls(float(data["baseline"]), trees, float(data["cap_hours"]), names)

    def log_odds(self, x: Sequence[float]) -> float:
        """The log-odds of a join given all decision features ``x`` (in :data:`FEATURES` order)."""
        x = [x[c] for c in self.columns]
        total = self.baseline
        for nodes in self.trees:
            i = 0
            while True:
                f, thr, left, right, missing_left, value, leaf = nodes[i]
                if leaf:
                    total += value
                    break
                v = x[f]
                i = (left if v <= thr else right) if v == v else (left if missing_left else right)
        return total

    def probability(self, x: Sequence[float]) -> float:
        z = self.log_odds(x)
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0


@lru_cache(maxsize=1)
def packaged_model() -> JoinModel:
    """The model shipped with storyline (``storyline/data/stream_join.json``)."""
    ref = resources.files("storyline").joinpath("data/stream_join.json")
    return JoinModel.from_data(json.loads(ref.read_text(encoding="utf-8")), "storyline/data/stream_join.json")
