"""``storyline batch``: brief many stories on Dask (a LocalCluster, or a running scheduler)."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .cli_types import formats_list, iso_date, positive_int

if TYPE_CHECKING:  # pragma: no cover
    from distributed import Client

__all__ = ["add_batch_parser", "cmd_batch", "dask_client", "quiet_dask", "terminal_bar"]

EXAMPLES = """examples:
  storyline batch ../shared/data/multinews/dev.jsonl --out briefs --workers 2
  storyline batch stories/ --out briefs                      # one story per sub-folder
  storyline batch dev.jsonl --out briefs --scheduler tcp://10.0.0.5:8786   # a running Dask cluster
  storyline batch --store stories.db --out briefs --workers 2    # every story of the store that needs a brief

A re-run skips every story whose output folder is complete; failed stories are
listed in OUT/failed.jsonl with their reason and tried again on the next run.
With --store, the stories briefed are those never briefed or joined by articles
since their last brief; each brief is also saved in the store (story.json and
the time it was built), so the story is no longer stale."""


def add_batch_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    b = sub.add_parser(
        "batch",
        help="brief many stories on Dask, one task per story (a Multi-News-style file or a folder of story folders)",
        description="Brief every story of INPUT -- each line of a JSON Lines file ({\"id\", \"documents\"}) or each "
        "sub-folder of a folder -- or every stale story of --store URL, as one Dask task, writing "
        "OUT/<story id>/story.{json,md,html}.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    b.add_argument("input", metavar="INPUT", nargs="?", help="a JSON Lines file of stories, or a folder of story folders")
    b.add_argument("--store", metavar="URL", help="instead of INPUT: brief every story of this store that needs it (SQLite file or postgresql://)")
    b.add_argument("--since", type=iso_date, metavar="YYYY-MM-DD", help="with --store: only stories seen on or after this day (UTC)")
    b.add_argument("--min-articles", type=positive_int, default=1, metavar="N", help="with --store: only stories of at least N articles")
    b.add_argument("--out", required=True, metavar="DIR", help="folder to write one sub-folder per story into")
    b.add_argument("--format", metavar="LIST", help="comma-separated formats (default: json,md,html)")
    b.add_argument("--words", type=int, metavar="N", help="length of each brief in words")
    where = b.add_mutually_exclusive_group()
    where.add_argument("--scheduler", metavar="ADDRESS", help="a running Dask scheduler, e.g. tcp://host:8786")
    where.add_argument("--workers", type=int, metavar="N", help="worker processes of the local cluster (default: the cores)")
    b.add_argument("--retries", type=int, default=2, metavar="N", help="worker deaths a story may cause before it is marked failed (default 2)")


class _Bar:
    """A one-line progress bar with an ETA on stderr (only when stderr is a terminal)."""

    def __init__(self) -> None:
        self.live = sys.stderr.isatty()

    def __call__(self, done: int, total: int, seconds: float) -> None:
        if not self.live:
            return
        width = 30
        filled = int(width * done / total) if total else width
        eta = seconds / done * (total - done) if done else 0.0
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} stories, {seconds:.0f}s, ETA {eta:.0f}s ")
        sys.stderr.flush()
        if done == total:
            sys.stderr.write("\n")


def terminal_bar() -> Callable[[int, int, float], None]:
    """The batch progress bar (draws only on a terminal)."""
    return _Bar()


def quiet_dask(verbose: int) -> None:
    """Keep Dask's own loggers to errors (to debug with -vv)."""
    import distributed  # noqa: F401 - importing it configures its loggers, which are quieted next

    quiet = logging.DEBUG if verbose > 1 else logging.ERROR
    for name in ("distributed", "tornado", "bokeh"):
        logging.getLogger(name).setLevel(quiet)


def _say_dashboard(url: str) -> None:
    print(f"storyline: Dask dashboard at {url}", file=sys.stderr)


def dask_client(scheduler: str | None, workers: int | None, retries: int) -> tuple[Client, Callable[[], None]]:
    """A Dask client (a running scheduler, or a local cluster started here), its dashboard printed; and how to close it."""
    from .batch.runner import dashboard_link, start_client

    client, cluster = start_client(scheduler, workers, retries)
    link = dashboard_link(client, cluster)
    if link:
        _say_dashboard(link)

    def close() -> None:
        client.close()
        if cluster is not None:
            cluster.close()

    return client, close


def cmd_batch(args: argparse.Namespace) -> int:
    from .batch import items_from, run_batch
    from .settings import load_options

    formats = formats_list(args.format) if args.format else None
    options = load_options(getattr(args, "config", None), formats=formats, summary_words=args.words)
    if args.workers is not None and args.workers < 1:
        print("storyline: error: --workers must be at least 1", file=sys.stderr)
        return 2
    if (args.input is None) == (args.store is None):
        print("storyline: error: give either INPUT or --store URL", file=sys.stderr)
        return 2
    if args.store is None and (args.since is not None or args.min_articles != 1):
        print("storyline: error: --since and --min-articles go with --store", file=sys.stderr)
        return 2
    quiet_dask(getattr(args, "verbose", 0))
    t0 = time.perf_counter()
    bar = _Bar()
    if args.store is not None:
        from .batch.stale import brief_stale_stories
        from .store.store import Store

        since = datetime(args.since.year, args.since.month, args.since.day, tzinfo=UTC).timestamp() if args.since else None
        with Store(args.store) as store:
            summary = brief_stale_stories(
                store, Path(args.out), options, since=since, min_articles=args.min_articles,
                per_worker=options.tuned_int("dask", "stories_per_worker"),
                scheduler=args.scheduler, workers=args.workers, retries=args.retries, progress=bar, on_dashboard=_say_dashboard,
            )  # fmt: skip
    else:
        items = list(items_from(Path(args.input)))
        summary = run_batch(
            items, Path(args.out), options,
            scheduler=args.scheduler, workers=args.workers, retries=args.retries, progress=bar, on_dashboard=_say_dashboard,
        )  # fmt: skip
    for r in summary.failed:
        print(f"storyline: failed {r.id}: {r.reason}", file=sys.stderr)
    summary.seconds = time.perf_counter() - t0
    line = summary.line()
    if args.store is not None:
        line = line.replace("skipped (already complete)", "skipped").replace("batch: ", f"batch: {args.store}: ", 1)
    print(line, file=sys.stderr)
    return 1 if summary.failed else 0
