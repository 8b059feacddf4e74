"""Train the stream clusterer's join model (storyline/data/stream_join.json) on a labelled stream.

    python benchmarks/train_stream_join.py [--stream ../shared/data/stream/val.jsonl] [--out src/storyline/data/stream_join.json]
    python benchmarks/train_stream_join.py --check   # fit on the first half of the stream, score the second

Runs the clusterer over the stream in arrival order with the threshold rule
deciding, and records at every decision the model's features
(:meth:`Clusterer.decision_features`) and whether the best candidate story
holds an earlier article of the article's own story (read from the stream's
``story`` field: the labels, never seen by the clusterer itself). Fits a
small gradient-boosted tree classifier (scikit-learn, the ``bench`` extra;
fixed seed, no early stopping: the same stream gives the same model) and
writes its trees as plain data, which :class:`storyline.stream.join.JoinModel`
evaluates without scikit-learn. The export is checked against scikit-learn's
own probabilities before it is written.

With ``--check``: fits on the decisions of the first half of the stream (by
arrival), then runs the clusterer with that model over the whole stream and
prints B-cubed of the second half (which the model never saw), next to the
threshold rule's on the same half. That out-of-sample figure, not the
in-sample one of the shipped model on its own training stream, is the one to
quote.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np

from storyline.stream.cluster import Clusterer, StreamSettings
from storyline.stream.features import ArticleFeatures, featurize
from storyline.stream.join import FEATURES, JoinModel
from storyline.stream.run import parse_time

ROOT = Path(__file__).resolve().parents[1]
STREAM = ROOT.parent / "shared" / "data" / "stream" / "val.jsonl"
OUT = ROOT / "src" / "storyline" / "data" / "stream_join.json"
CAP_HOURS = 36.0  # ages beyond this read as this: the model learns nothing of the tail of a story's life
# what the model reads: not the stream's density (active stories, candidates), whose range differs from
# stream to stream; the threshold rule's needed() carries it, through "excess"
USED = ("score", "similarity", "cosine", "log_articles", "age_hours", "gap_hours", "margin", "cosine_margin", "cosine_gap", "excess")
ROUNDS = 1
PARAMS: dict[str, Any] = {"max_iter": 150, "learning_rate": 0.1, "max_leaf_nodes": 15, "early_stopping": False, "random_state": 0}


class _Recorder(Clusterer):
    """``decider`` deciding (None: the threshold rule), every decision's features and label recorded."""

    def __init__(self, settings: StreamSettings, decider: JoinModel | None) -> None:
        super().__init__(settings, model=JoinModel(0.0, [], CAP_HOURS))
        self.decider = decider
        self.gold: dict[int, set[str]] = defaultdict(set)
        self.story = ""
        self.rows: list[tuple[list[float], bool, int]] = []
        self.seq = 0

    def decide(self, best: int, best_score: float, needed: float, x: list[float] | None) -> bool:
        if x is not None:
            self.rows.append((x, self.story in self.gold[best], self.seq))
            if self.decider is not None:
                return self.decider.probability(x) >= self.settings.join_probability
        return best_score >= needed


def _read(path: Path) -> tuple[list[dict[str, Any]], list[ArticleFeatures], list[float | None]]:
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    return rows, [featurize(r["text"]) for r in rows], [parse_time(r.get("published")) for r in rows]


def record(
    rows: list[dict[str, Any]], feats: list[ArticleFeatures], times: list[float | None], decider: JoinModel | None = None
) -> list[tuple[list[float], bool, int]]:
    c = _Recorder(StreamSettings(), decider)
    for i, (r, f, t) in enumerate(zip(rows, feats, times, strict=True)):
        c.story, c.seq = r["story"], i
        got = c.assign(f, t)
        c.gold[int(got.story[1:])].add(r["story"])
    return c.rows


def fit(samples: list[tuple[list[float], bool, int]], used: tuple[str, ...] = USED) -> dict[str, Any]:
    from sklearn.ensemble import HistGradientBoostingClassifier

    cols = [FEATURES.index(f) for f in used]
    full = np.array([x for x, _, _ in samples], dtype=np.float64)
    X = full[:, cols]
    y = np.array([lab for _, lab, _ in samples], dtype=bool)
    clf = HistGradientBoostingClassifier(**PARAMS).fit(X, y)
    trees = []
    for (pred,) in clf._predictors:
        trees.append(
            [
                [int(n["feature_idx"]), float(n["num_threshold"]), int(n["left"]), int(n["right"]), bool(n["missing_go_to_left"]), float(n["value"]), bool(n["is_leaf"])]
                for n in pred.nodes
            ]
        )
    data = {
        "version": 1,
        "features": list(used),
        "cap_hours": CAP_HOURS,
        "baseline": float(np.ravel(clf._baseline_prediction)[0]),
        "trained_on": f"{len(samples)} decisions",
        "params": PARAMS,
        "trees": trees,
    }
    model = JoinModel.from_data(data)
    ours = np.array([model.probability(list(x)) for x in full[:2000]])
    theirs = clf.predict_proba(X[:2000])[:, 1]
    if float(np.max(np.abs(ours - theirs))) > 1e-6:
        raise SystemExit(f"exported trees disagree with scikit-learn (max difference {np.max(np.abs(ours - theirs)):.2e})")
    return data


def train(
    rows: list[dict[str, Any]], feats: list[ArticleFeatures], times: list[float | None], used: tuple[str, ...], rounds: int, limit: int | None = None
) -> tuple[dict[str, Any], int]:
    """Fit on the threshold rule's decisions, then (``rounds`` > 1) add the decisions met along the last model's own run and refit.

    Only decisions of articles before ``limit`` (by arrival) are learned from. Returns the model's data and the decisions it saw.
    """
    samples: list[tuple[list[float], bool, int]] = []
    decider: JoinModel | None = None
    data: dict[str, Any] = {}
    for _ in range(rounds):
        samples += [s for s in record(rows, feats, times, decider) if limit is None or s[2] < limit]
        data = fit(samples, used)
        decider = JoinModel.from_data(data)
    return data, len(samples)


def _bcubed(gold: list[str], pred: list[str]) -> tuple[float, float, float]:
    pair: dict[tuple[str, str], int] = defaultdict(int)
    psize: dict[str, int] = defaultdict(int)
    gsize: dict[str, int] = defaultdict(int)
    for g, p in zip(gold, pred, strict=True):
        pair[(p, g)] += 1
        psize[p] += 1
        gsize[g] += 1
    n = len(gold)
    P = sum(pair[(p, g)] / psize[p] for g, p in zip(gold, pred, strict=True)) / n
    R = sum(pair[(p, g)] / gsize[g] for g, p in zip(gold, pred, strict=True)) / n
    return P, R, 2 * P * R / (P + R)


def check(
    rows: list[dict[str, Any]], feats: list[ArticleFeatures], times: list[float | None],
    used: tuple[str, ...], rounds: int, others: list[Path], probabilities: list[float],
) -> None:  # fmt: skip
    half = len(rows) // 2
    model = JoinModel.from_data(train(rows, feats, times, used, rounds, half)[0])
    streams = [("second half", rows, feats, times, half)]
    streams += [(p.name, *_read(p), 0) for p in others]
    for label, rows_, feats_, times_, start in streams:
        gold = [r["story"] for r in rows_[start:]]
        runs = [("threshold rule", Clusterer(StreamSettings(join_model=0)))]
        runs += [(f"model fit on first half, p >= {p}", Clusterer(StreamSettings(join_probability=p), model)) for p in probabilities]
        for name, clusterer in runs:
            pred = [clusterer.assign(f, t).story for f, t in zip(feats_, times_, strict=True)]
            P, R, F = _bcubed(gold, pred[start:])
            print(f"{label} ({len(gold)} articles)  {name:<36}  P {P:.4f}  R {R:.4f}  B3 F1 {F:.4f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--stream", type=Path, default=STREAM)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--check", action="store_true", help="fit on the first half, score the second (prints; writes nothing)")
    ap.add_argument("--also", type=Path, action="append", default=[], help="with --check: another labelled stream to score whole")
    ap.add_argument("--rounds", type=int, default=ROUNDS, help=f"fits, each adding the decisions met along the last model's run (default {ROUNDS})")
    ap.add_argument("--probability", type=float, action="append", help="with --check: the join probabilities to score (default: the setting's)")
    ap.add_argument("--features", help=f"comma-separated decision features the model reads (default: {','.join(USED)})")
    args = ap.parse_args(argv)
    if not args.stream.exists():
        print(f"stream not found: {args.stream}")
        return 0
    rows, feats, times = _read(args.stream)
    if any(f.embedding is None for f in feats[:50]):
        print("sentence embeddings are unavailable (is wordllama installed?): cannot train", file=sys.stderr)
        return 1
    used = tuple(args.features.split(",")) if args.features else USED
    if args.check:
        check(rows, feats, times, used, args.rounds, args.also, args.probability or [StreamSettings().join_probability])
        return 0
    data, seen = train(rows, feats, times, used, args.rounds)
    args.out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(data['trees'])} trees from {seen} decisions")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
