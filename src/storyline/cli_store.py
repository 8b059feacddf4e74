"""The store commands of ``storyline``: ``cluster``, ``stories`` and ``brief --story``.

Kept apart from :mod:`storyline.cli` (which only declares the sub-parsers and
dispatches here) so the stream/store code stays in one place.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from .cli_types import iso_date, positive_int

__all__ = ["add_parsers", "cmd_brief_story", "cmd_cluster", "cmd_stories"]

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


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


def cmd_cluster(args: argparse.Namespace) -> int:
    from .store.store import Store
    from .stream.cluster import StreamSettings
    from .stream.run import RunStats, cluster_into_store, read_stream

    settings = _settings(args.config)
    assert isinstance(settings, StreamSettings)
    stats = RunStats()
    out: TextIO | None = None
    with Store(args.store) as store:
        try:
            if args.out:
                out = Path(args.out).open("w", encoding="utf-8")  # noqa: SIM115 - closed below
            write = out.write if out is not None else None

            def on_assign(article: str, story: str) -> None:
                if write is not None:
                    write(json.dumps({"id": article, "story": story}) + "\n")

            cluster_into_store(
                read_stream(args.inputs, stats), store, settings, batch=args.batch, snapshot_every=args.snapshot_every, on_assign=on_assign, stats=stats
            )
        finally:
            if out is not None:
                out.close()
        problems = store.check()
        counts = store.counts()
    print(
        f"{stats.assigned} articles assigned ({stats.new_stories} new stories), {stats.skipped_stored} already stored (skipped), "
        f"{stats.unreadable} unreadable; store: {counts['articles']} articles, {counts['stories']} stories"
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
    from .ingest.read import RawArticle
    from .settings import load_options
    from .store.schema import StoreError
    from .store.store import Store

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
        raw = [
            RawArticle(
                text=r.text, file=r.id, title=r.title, source=r.source, url=r.url, fmt="jsonl",
                published=datetime.fromtimestamp(r.published, UTC).date() if r.published is not None else None,
            )
            for r in recs
        ]
        result = brief_articles(raw, Path(args.out), options)
        from .render.json import render_json

        store.save_brief(args.story, render_json(result.story), recs)
    n = len(result.story.documents)
    print(f"story {args.story}: {n} article{'s' if n != 1 else ''} -> " + ", ".join(str(f) for f in result.files) + f" (saved in {args.store})")
    return EXIT_OK
