"""``storyline batch``: brief many stories on Dask (a LocalCluster, or a running scheduler)."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

from .cli_types import formats_list

__all__ = ["add_batch_parser", "cmd_batch"]

EXAMPLES = """examples:
  storyline batch ../shared/data/multinews/dev.jsonl --out briefs --workers 2
  storyline batch stories/ --out briefs                      # one story per sub-folder
  storyline batch dev.jsonl --out briefs --scheduler tcp://10.0.0.5:8786   # a running Dask cluster

A re-run skips every story whose output folder is complete; failed stories are
listed in OUT/failed.jsonl with their reason and tried again on the next run."""


def add_batch_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    b = sub.add_parser(
        "batch",
        help="brief many stories on Dask, one task per story (a Multi-News-style file or a folder of story folders)",
        description="Brief every story of INPUT -- each line of a JSON Lines file ({\"id\", \"documents\"}) or each "
        "sub-folder of a folder -- as one Dask task, writing OUT/<story id>/story.{json,md,html}.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    b.add_argument("input", metavar="INPUT", help="a JSON Lines file of stories, or a folder of story folders")
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


def cmd_batch(args: argparse.Namespace) -> int:
    from .batch import items_from, run_batch
    from .settings import load_options

    formats = formats_list(args.format) if args.format else None
    options = load_options(getattr(args, "config", None), formats=formats, summary_words=args.words)
    if args.workers is not None and args.workers < 1:
        print("storyline: error: --workers must be at least 1", file=sys.stderr)
        return 2
    import distributed  # noqa: F401 - importing it configures its loggers, which are quieted next

    quiet = logging.DEBUG if getattr(args, "verbose", 0) > 1 else logging.ERROR
    for name in ("distributed", "tornado", "bokeh"):
        logging.getLogger(name).setLevel(quiet)
    t0 = time.perf_counter()
    items = list(items_from(Path(args.input)))
    summary = run_batch(
        items,
        Path(args.out),
        options,
        scheduler=args.scheduler,
        workers=args.workers,
        retries=args.retries,
        progress=_Bar(),
        on_dashboard=lambda url: print(f"storyline: Dask dashboard at {url}", file=sys.stderr),
    )
    for r in summary.failed:
        print(f"storyline: failed {r.id}: {r.reason}", file=sys.stderr)
    summary.seconds = time.perf_counter() - t0
    print(summary.line(), file=sys.stderr)
    return 1 if summary.failed else 0
