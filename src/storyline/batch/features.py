"""The clusterer's per-article work on Dask workers, ahead of the single assigner.

``storyline cluster --workers N`` (or ``--scheduler ADDRESS``) keeps the
assignment online and in one process (assignment order matters), but what
depends on an article alone -- its sentences, their boilerplate fingerprints,
its index terms (:func:`storyline.stream.features.featurize`) -- is computed on
the workers: :class:`DaskPrefetch` submits the input's chunks in input order,
a bounded number of articles ahead, and hands them back in input order with
their features, so the assigner works while the workers featurize what comes
next. Articles already in the store are not featurized again.

A task whose worker dies is retried by Dask; when a task of many articles
still fails, each of its articles is tried alone, one after the other, and
one that fails alone
(it raised, or kept killing workers) comes back as a
:class:`~storyline.stream.run.FeatureFailure`: the assigner reports and skips
it, and every other article is assigned as in a single-process run.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from ..stream.features import ArticleFeatures, featurize
from ..stream.run import FeatureFailure, Prepared, StreamArticle
from .runner import task_failure

if TYPE_CHECKING:  # pragma: no cover
    from distributed import Client

__all__ = ["DaskPrefetch", "featurize_many"]

log = logging.getLogger(__name__)

Features = Callable[[str], ArticleFeatures]


def featurize_many(features: Features, texts: list[str]) -> list[ArticleFeatures | FeatureFailure]:
    """What a worker runs: the features of each text, or the one-line reason they failed."""
    out: list[ArticleFeatures | FeatureFailure] = []
    for text in texts:
        try:
            out.append(features(text))
        except Exception as exc:
            out.append(FeatureFailure(f"{type(exc).__name__}: {exc}"))
    return out


class DaskPrefetch:
    """A :data:`~storyline.stream.run.Prefetch` on a Dask client.

    ``task_articles`` articles go in one task; at most ``ahead_articles``
    are submitted and not yet handed to the assigner (at least one chunk).
    ``retries`` is the scheduler's allowed worker deaths per task (only
    used in messages). ``features`` is what runs per article (tests inject
    their own).
    """

    def __init__(self, client: Client, *, task_articles: int, ahead_articles: int, retries: int = 2, features: Features = featurize) -> None:
        self.client = client
        self.task_articles = max(1, task_articles)
        self.ahead_articles = max(1, ahead_articles)
        self.retries = retries
        self.features = features
        self.tasks = 0  # submitted, for the record
        self.failed_tasks = 0  # tasks of many articles that were split after failing

    def _submit(self, texts: list[str]) -> Any:
        self.tasks += 1
        return self.client.submit(featurize_many, self.features, texts, pure=False)

    def __call__(
        self, chunks: Iterator[list[StreamArticle]], stored: Callable[[Sequence[str]], dict[str, str]]
    ) -> Iterator[tuple[list[StreamArticle], Prepared]]:
        pending: deque[tuple[list[StreamArticle], list[list[int]], list[Any]]] = deque()
        in_flight = 0
        try:
            for chunk in chunks:
                known = stored([a.id for a in chunk])
                todo = [i for i, a in enumerate(chunk) if a.id not in known]
                parts = [todo[k : k + self.task_articles] for k in range(0, len(todo), self.task_articles)]
                futures = [self._submit([chunk[i].text for i in part]) for part in parts]
                pending.append((chunk, parts, futures))
                in_flight += len(chunk)
                while pending and in_flight >= self.ahead_articles:
                    done = pending.popleft()
                    in_flight -= len(done[0])
                    yield done[0], self._collect(*done)
            while pending:
                yield pending[0][0], self._collect(*pending.popleft())
        finally:
            for _, _, futures in pending:  # the assigner stopped early: drop what is still queued
                for fut in futures:
                    fut.cancel()

    def _collect(self, chunk: list[StreamArticle], parts: list[list[int]], futures: list[Any]) -> Prepared:
        out: Prepared = [None] * len(chunk)
        for part, fut in zip(parts, futures, strict=True):
            try:
                got = fut.result()
            except Exception as exc:
                got = self._one_by_one(chunk, part, exc)
            for i, feats in zip(part, got, strict=True):
                out[i] = feats
        return out

    def _one_by_one(self, chunk: list[StreamArticle], part: list[int], exc: Exception) -> list[ArticleFeatures | FeatureFailure]:
        if len(part) == 1:
            return [FeatureFailure(task_failure(exc, self.retries))]
        self.failed_tasks += 1
        log.info("a task of %d articles failed (%s); trying them one by one", len(part), task_failure(exc, self.retries))
        got: list[ArticleFeatures | FeatureFailure] = []
        for i in part:  # one at a time: an article that kills its worker takes no innocent one with it
            try:
                got.extend(self._submit([chunk[i].text]).result())
            except Exception as one:
                got.append(FeatureFailure(task_failure(one, self.retries)))
        return got
