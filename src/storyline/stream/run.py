"""Cluster a stream of articles into a store, resumably.

Articles are read from JSON Lines (files, folders of ``*.jsonl``, or ``-`` for
standard input), one object a line with ``id`` and ``text`` and optional
``title``, ``source``, ``published`` (ISO date or date-time), ``url``; any
other field (a gold ``story`` label included) is ignored. They are assigned
in input order and written to the store in batches, one transaction each,
with the clusterer state saved every ``snapshot_every`` articles in the same
transaction. A resumed run loads the latest state, replays the few articles
stored after it (checking that it reaches the same assignments), skips the
ids already stored and continues: killing a run and re-running it gives the
assignments of one uninterrupted run.

The per-article work that depends on the article alone (:func:`featurize`)
can run ahead of the assigner, elsewhere: a ``prefetch`` (e.g. on Dask
workers, :mod:`storyline.batch.features`) gets the chunks of the input in
order and hands them back in order with their features. Either way the
assignments are the same. An article whose featurization fails is reported
(logged, counted in :attr:`RunStats.failed`) and skipped.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TextIO

from ..errors import InputError
from ..store.schema import StoreError
from ..store.store import ArticleRecord, Store, iter_chunks
from .cluster import Clusterer, StreamSettings
from .features import ArticleFeatures, featurize

__all__ = ["FeatureFailure", "Prefetch", "RunStats", "StreamArticle", "cluster_into_store", "parse_time", "read_stream"]

log = logging.getLogger(__name__)


@dataclass
class StreamArticle:
    id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: float | None = None


@dataclass
class RunStats:
    read: int = 0
    assigned: int = 0
    new_stories: int = 0
    skipped_stored: int = 0
    unreadable: int = 0
    replayed: int = 0
    failed: int = 0  # articles whose featurization failed (reported and skipped)


@dataclass(frozen=True)
class FeatureFailure:
    """Why the features of one article could not be computed (one line)."""

    reason: str


#: What a prefetch yields per chunk: one entry per article, its features, a failure, or None (not computed: compute it here).
Prepared = list[ArticleFeatures | FeatureFailure | None]
#: Given the input's chunks (in order) and a look-up of the ids already stored, yield each chunk with its features, in order.
Prefetch = Callable[[Iterator[list["StreamArticle"]], Callable[[Sequence[str]], dict[str, str]]], Iterator[tuple[list["StreamArticle"], Prepared]]]


def parse_time(value: Any) -> float | None:
    """POSIX seconds of an ISO date or date-time (naive means UTC); None when absent or unreadable."""
    if not isinstance(value, str) or not value.strip():
        return None
    v = value.strip()
    try:
        dt = datetime.fromisoformat(v[:-1] + "+00:00" if v.endswith(("Z", "z")) else v)
    except ValueError:
        try:
            d = date.fromisoformat(v[:10])
        except ValueError:
            return None
        dt = datetime(d.year, d.month, d.day)
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.timestamp()


def _opt(obj: dict[str, Any], key: str) -> str | None:
    v = obj.get(key)
    return v.strip() or None if isinstance(v, str) else None


def _lines(stream: TextIO, name: str, stats: RunStats) -> Iterator[StreamArticle]:
    for n, line in enumerate(stream, 1):
        if not line.strip():
            continue
        stats.read += 1
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            stats.unreadable += 1
            log.warning("%s:%d: not a JSON line (%s)", name, n, exc.msg)
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or obj.get("id") in (None, ""):
            stats.unreadable += 1
            log.warning("%s:%d: needs an \"id\" and a \"text\"", name, n)
            continue
        yield StreamArticle(
            id=str(obj["id"]), text=obj["text"], title=_opt(obj, "title"), source=_opt(obj, "source"), url=_opt(obj, "url"),
            published=parse_time(obj.get("published")),
        )  # fmt: skip


def read_stream(inputs: Iterable[str], stats: RunStats, stdin: TextIO | None = None) -> Iterator[StreamArticle]:
    """The articles of ``inputs`` in order (``-`` is standard input; a folder is its ``*.jsonl`` files, sorted)."""
    for inp in inputs:
        if inp == "-":
            yield from _lines(stdin or sys.stdin, "<stdin>", stats)
            continue
        p = Path(inp)
        if p.is_dir():
            files = sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in {".jsonl", ".ndjson"})
        elif p.is_file():
            files = [p]
        else:
            raise InputError(inp, "no such file or folder")
        for f in files:
            with f.open(encoding="utf-8", errors="replace") as fh:
                yield from _lines(fh, str(f), stats)


def restore(store: Store, settings: StreamSettings, stats: RunStats) -> tuple[Clusterer, int]:
    """The clusterer as of the last stored article, and the next free seq."""
    saved = store.load_state()
    if saved is None:
        clusterer, seq = Clusterer(settings), 0
    else:
        seq, data = saved
        clusterer = Clusterer.from_state(data, settings)
        if data["settings"] != Clusterer(settings).state()["settings"]:
            log.warning("the store was clustered with other [stream] settings; continuing with the current ones")
    for rec in store.articles_after(seq):
        got = clusterer.add(rec.text, rec.published)
        if got.story != rec.story:
            raise StoreError(f"replaying stored article {rec.id!r} gives story {got.story}, the store says {rec.story}: the store is inconsistent")
        stats.replayed += 1
        seq = rec.seq
    return clusterer, seq + 1


def cluster_into_store(
    articles: Iterable[StreamArticle],
    store: Store,
    settings: StreamSettings | None = None,
    *,
    batch: int = 500,
    snapshot_every: int = 5000,
    on_assign: Callable[[str, str], None] | None = None,
    stats: RunStats | None = None,
    progress_every: int = 10_000,
    prefetch: Prefetch | None = None,
    features: Callable[[str], ArticleFeatures] = featurize,
    featurize_batch: Callable[[list[str]], list[ArticleFeatures]] | None = None,
) -> RunStats:
    """Assign every article of ``articles`` to a story and store it; ``on_assign(id, story)`` in input order.

    ``prefetch`` computes the articles' features ahead, elsewhere (e.g. on
    Dask workers, :class:`storyline.batch.features.DaskPrefetch`), and hands
    the chunks back in order; ``featurize_batch`` turns the texts of one
    batch into their features when the batch comes (a process pool, as long
    as it returns them in order); without either, ``features`` (the
    clusterer's :func:`featurize`) runs here, article by article. Only the
    assignment itself is sequential. Logs (at info) the elapsed time every
    ``progress_every`` articles assigned.
    """
    settings = settings or StreamSettings()
    stats = stats or RunStats()
    t0 = time.monotonic()
    clusterer, seq = restore(store, settings, stats)
    if stats.replayed:
        log.info("resumed: %d stored articles replayed in %.1f s", stats.replayed, time.monotonic() - t0)
    since_snapshot = 0
    t0 = time.monotonic()
    chunks = iter_chunks(articles, batch)
    prepared = prefetch(chunks, store.stored) if prefetch is not None else ((chunk, None) for chunk in chunks)
    for chunk, ahead in prepared:
        stored = store.stored([a.id for a in chunk])
        batch_feats: dict[str, ArticleFeatures] = {}
        if featurize_batch is not None and ahead is None:
            todo: dict[str, str] = {}
            for art in chunk:
                if art.id not in stored:
                    todo.setdefault(art.id, art.text)
            batch_feats = dict(zip(todo, featurize_batch(list(todo.values())), strict=True))
        records: list[ArticleRecord] = []
        for i, art in enumerate(chunk):
            if art.id in stored:
                stats.skipped_stored += 1
                if on_assign:
                    on_assign(art.id, stored[art.id])
                continue
            feats = ahead[i] if ahead is not None else batch_feats.get(art.id)
            if feats is None:
                try:
                    feats = features(art.text)
                except Exception as exc:  # a poisoned article must not stop the stream
                    log.debug("features of %s", art.id, exc_info=True)
                    feats = FeatureFailure(f"{type(exc).__name__}: {exc}")
            if isinstance(feats, FeatureFailure):
                stats.failed += 1
                log.warning("article %s skipped: its features failed (%s)", art.id, feats.reason)
                continue
            got = clusterer.assign(feats, art.published)
            rec = ArticleRecord(
                seq=seq, id=art.id, text=art.text, clean_text=got.content, story=got.story, similarity=got.similarity,
                title=art.title, source=art.source, url=art.url, published=art.published,
            )  # fmt: skip
            stored[art.id] = got.story  # a repeated id within the input is skipped too
            records.append(rec)
            seq += 1
            stats.assigned += 1
            stats.new_stories += got.new
            if on_assign:
                on_assign(art.id, got.story)
            if stats.assigned % progress_every == 0:
                log.info("progress: %d articles assigned in %.3f s (%d active stories)", stats.assigned, time.monotonic() - t0, len(clusterer.active))
        since_snapshot += len(records)
        state = None
        if since_snapshot >= snapshot_every:
            state = (seq - 1, clusterer.state())
            since_snapshot = 0
        store.write_batch(records, state)
    if since_snapshot:
        store.write_batch([], (seq - 1, clusterer.state()))
    return stats
