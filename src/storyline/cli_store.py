"""The store commands of ``storyline``: ``cluster``, ``stories`` and ``brief --story``.

Kept apart from :mod:`storyline.cli` (which only declares the sub-parsers and
dispatches here) so the stream/store code stays in one place.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from .cli_types import iso_date, positive_int

__all__ = ["add_parsers", "cmd_brief_story", "cmd_cluster", "cmd_stories"]

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2

log = logging.getLogger(__name__)


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Declare ``cluster`` and ``stories`` on the ``storyline`` sub-parsers."""
    c = sub.add_parser(
        "cluster",
        help="group a stream of articles into stories, in a store",
        description="Read a stream of articles (JSON Lines: id, text, and optional title, source, published, url; files, "
        "folders of .jsonl, or - for standard input), assign each in order to the story it belongs to or a new one, and "
        "write it to the store. Re-running continues where the last run stopped: ids already stored are skipped.",
    )
    c.add_argument("inputs", nargs="+", metavar="INPUT", help="JSON Lines files, folders, or - for standard input")
    c.add_argument("--store", required=True, metavar="URL", help="SQLite file (e.g. stories.db) or postgresql://user@host/db")
    c.add_argument("--out", metavar="FILE", help="also write {\"id\", \"story\"} lines, one per input article, in input order")
    c.add_argument("--batch", type=positive_int, default=500, metavar="N", help="articles per transaction (default 500)")
    c.add_argument("--snapshot-every", type=positive_int, default=5000, metavar="N", help="save the clusterer state every N articles (default 5000)")
    dask = c.add_mutually_exclusive_group()
    dask.add_argument("--workers", type=positive_int, metavar="N", help="featurize the articles on a local Dask cluster of N processes, ahead of the assigner")
    dask.add_argument("--scheduler", metavar="ADDRESS", help="... or on a running Dask cluster, e.g. tcp://host:8786")
    c.add_argument("--retries", type=int, default=2, metavar="N", help="with Dask: worker deaths a task may cause before it fails (default 2)")

    s = sub.add_parser("stories", help="list the stories of a store", description="List the stories of a store, most recently seen first.")
    s.add_argument("--store", required=True, metavar="URL", help="SQLite file or postgresql:// URL")
    s.add_argument("--since", type=iso_date, metavar="YYYY-MM-DD", help="only stories seen on or after this day (UTC)")
    s.add_argument("--min-articles", type=positive_int, default=1, metavar="N", help="only stories with at least N articles")
    s.add_argument("--json", action="store_true", help="one JSON object per line instead of a table")
    s.add_argument("--check", action="store_true", help="check the store's integrity first (every article assigned exactly once)")


def _when(ts: float | None) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if ts is not None else "-"


def _settings(config: str | None) -> object:
    from .settings import load_options
    from .stream.cluster import StreamSettings

    return StreamSettings.from_mapping(load_options(config).section("stream"))


class _Counter:
    """A live count of the articles assigned, on stderr (only when stderr is a terminal)."""

    def __init__(self, every: int = 1000) -> None:
        self.live = sys.stderr.isatty()
        self.every = every
        self.n = 0
        self.t0 = time.perf_counter()

    def tick(self) -> None:
        self.n += 1
        if self.live and self.n % self.every == 0:
            seconds = time.perf_counter() - self.t0
            sys.stderr.write(f"\r{self.n} articles, {seconds:.0f}s, {self.n / seconds:.0f}/s ")
            sys.stderr.flush()

    def end(self) -> None:
        if self.live and self.n >= self.every:
            sys.stderr.write("\n")


def cmd_cluster(args: argparse.Namespace) -> int:
    from .store.store import Store
    from .stream.cluster import StreamSettings
    from .stream.run import Prefetch, RunStats, cluster_into_store, read_stream

    settings = _settings(args.config)
    assert isinstance(settings, StreamSettings)
    stats = RunStats()
    out: TextIO | None = None
    prefetch: Prefetch | None = None
    close_dask = None
    counter = _Counter()
    cpu0, wall0 = time.process_time(), time.perf_counter()
    with Store(args.store) as store:
        try:
            if args.workers is not None or args.scheduler is not None:
                from .batch.features import DaskPrefetch
                from .cli_batch import dask_client, quiet_dask
                from .settings import load_options

                options = load_options(args.config)
                quiet_dask(getattr(args, "verbose", 0))
                client, close_dask = dask_client(args.scheduler, args.workers, args.retries)
                prefetch = DaskPrefetch(
                    client, task_articles=options.tuned_int("dask", "cluster_task_articles"),
                    ahead_articles=options.tuned_int("dask", "cluster_ahead_articles"), retries=args.retries,
                )  # fmt: skip
            if args.out:
                out = Path(args.out).open("w", encoding="utf-8")  # noqa: SIM115 - closed below
            write = out.write if out is not None else None

            def on_assign(article: str, story: str) -> None:
                counter.tick()
                if write is not None:
                    write(json.dumps({"id": article, "story": story}) + "\n")

            cluster_into_store(
                read_stream(args.inputs, stats), store, settings, batch=args.batch, snapshot_every=args.snapshot_every, on_assign=on_assign,
                stats=stats, prefetch=prefetch,
            )  # fmt: skip
        finally:
            counter.end()
            if out is not None:
                out.close()
            if close_dask is not None:
                close_dask()
        log.info("assigning process: %.1f s CPU in %.1f s", time.process_time() - cpu0, time.perf_counter() - wall0)
        problems = store.check()
        counts = store.counts()
    failed = f", {stats.failed} failed (skipped)" if stats.failed else ""
    print(
        f"{stats.assigned} articles assigned ({stats.new_stories} new stories), {stats.skipped_stored} already stored (skipped), "
        f"{stats.unreadable} unreadable{failed}; store: {counts['articles']} articles, {counts['stories']} stories"
        + (f" -> {args.out}" if args.out else "")
    )
    for p in problems:
        print(f"storyline: error: store integrity: {p}", file=sys.stderr)
    return EXIT_ERROR if problems else EXIT_OK


def cmd_stories(args: argparse.Namespace) -> int:
    from .store.store import Store

    since = datetime(args.since.year, args.since.month, args.since.day, tzinfo=UTC).timestamp() if args.since else None
    with Store(args.store) as store:
        if args.check:
            problems = store.check()
            for p in problems:
                print(f"storyline: error: store integrity: {p}", file=sys.stderr)
            if problems:
                return EXIT_ERROR
        rows = store.stories(since=since, min_articles=args.min_articles)
    for r in rows:
        if args.json:
            print(json.dumps({
                "id": r.id, "title": r.title, "first_seen": _when(r.first_seen), "last_seen": _when(r.last_seen),
                "articles": r.articles, "outlets": r.outlets, "briefed": _when(r.briefed_at) if r.briefed_at else None, "stale": r.stale,
            }))  # fmt: skip
        else:
            mark = " (stale brief)" if r.stale else ""
            print(f"{r.id}  {_when(r.first_seen)}  {_when(r.last_seen)}  {r.articles:4d} articles  {r.outlets:3d} outlets  {r.title or ''}{mark}")
    if not args.json:
        print(f"{len(rows)} stor{'y' if len(rows) == 1 else 'ies'}", file=sys.stderr)
    return EXIT_OK


def cmd_brief_story(args: argparse.Namespace) -> int:
    """``storyline brief --story ID --store URL --out DIR``: build, write and save the report of a stored story."""
    from .api import brief_articles
    from .settings import load_options
    from .store.schema import StoreError
    from .store.store import Store, raw_articles

    if not args.store:
        print("storyline: error: --story needs --store URL", file=sys.stderr)
        return EXIT_USAGE
    if args.paths:
        print("storyline: error: give either article PATHs or --story ID, not both", file=sys.stderr)
        return EXIT_USAGE
    options = load_options(args.config, formats=args.format, source=args.source, published=args.date, summary_words=args.words, llm_url=args.llm)
    with Store(args.store) as store:
        recs = store.story_articles(args.story)
        if not recs:
            raise StoreError(f"no story {args.story!r} in {args.store}")
        result = brief_articles(raw_articles(recs), Path(args.out), options)
        from .render.json import render_json

        store.save_brief(args.story, render_json(result.story), recs)
    n = len(result.story.documents)
    print(f"story {args.story}: {n} article{'s' if n != 1 else ''} -> " + ", ".join(str(f) for f in result.files) + f" (saved in {args.store})")
    return EXIT_OK
