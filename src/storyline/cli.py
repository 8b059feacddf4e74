"""The ``storyline`` command: a thin layer over the library.

Errors are printed as one line (``storyline: error: ...``) and never as a
traceback unless ``--debug`` is given.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from . import __version__
from .errors import StorylineError
from .models import Story

__all__ = ["main"]

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected YYYY-MM-DD, got {value!r}") from None


def _formats(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="storyline",
        description="Turn several outlets' articles about one news story into a sourced situation report.",
        epilog="Run 'storyline COMMAND --help' for the options of a command.",
    )
    p.add_argument("--version", action="version", version=f"storyline {__version__}")
    p.add_argument("-v", "--verbose", action="count", default=0, help="log progress (-vv for debug detail)")
    p.add_argument("--debug", action="store_true", help="show tracebacks for unexpected errors")
    p.add_argument("--config", metavar="FILE", help="settings file (TOML) layered over the packaged defaults")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    b = sub.add_parser(
        "brief",
        help="read the articles of one story and write story.json, story.md and story.html",
        description="Read the articles of one story (files and folders: .txt, .html, .jsonl, .json, "
        "Multi-News clusters separated by '|||||') and write a sourced report to --out DIR. "
        "Inputs that cannot be read are skipped, reported on stderr and listed in the report.",
    )
    b.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders (or --story ID --store URL)")
    b.add_argument("--out", required=True, metavar="DIR", help="folder to write the reports into")
    b.add_argument("--story", metavar="ID", help="brief a story of the store instead of PATHs (with --store)")
    b.add_argument("--store", metavar="URL", help="the store of --story: SQLite file or postgresql:// URL")
    b.add_argument("--format", type=_formats, metavar="LIST", help="comma-separated formats: json,md,html,csv,tsv (csv/tsv: the events table; default: json,md,html)")
    b.add_argument("--source", metavar="NAME", help="outlet name for articles that do not carry one")
    b.add_argument("--date", type=_iso_date, metavar="YYYY-MM-DD", help="publication date for articles that do not carry one")
    b.add_argument("--words", type=int, metavar="N", help="length of the brief in words")
    b.add_argument("--llm", metavar="URL", help="OpenAI-compatible endpoint to rewrite the brief (default: extractive, offline)")

    m = sub.add_parser(
        "summarize",
        help="print the brief of one story, or summarize many Multi-News clusters in one process",
        description="With PATH...: print the cited brief of the story those articles tell. "
        "With --multinews FILE.jsonl: summarize every cluster line ({\"id\", \"documents\"}) with the models loaded once "
        "and write {\"id\", \"summary\"} lines (one sentence per line) to --out.",
    )
    m.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders of one story")
    m.add_argument("--multinews", metavar="FILE", help="JSON Lines file of Multi-News clusters")
    m.add_argument("--out", metavar="FILE", help="where to write the predictions (with --multinews)")
    m.add_argument("--words", type=int, metavar="N", help="length budget in words")
    m.add_argument("--llm", metavar="URL", help="OpenAI-compatible endpoint to rewrite the brief")

    s = sub.add_parser("schema", help="print the JSON Schema of story.json", description="Print the JSON Schema that story.json follows.")
    s.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")

    sub.add_parser("stages", help="list the pipeline stages", description="List the registered stages and the default pipeline.")

    from .cli_store import add_parsers as add_store_parsers

    add_store_parsers(sub)  # cluster, stories
    from .cli_web import add_serve_parser

    add_serve_parser(sub)
    return p


def _setup_logging(verbosity: int) -> None:
    level = logging.WARNING if verbosity == 0 else logging.INFO if verbosity == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="storyline: %(levelname)s: %(message)s")


def _report_skipped(story: Story) -> bool:
    """Print one line per skipped input; False when no article at all could be read."""
    for s in story.skipped:
        print(f"storyline: skipped {s.input}: {s.problem}", file=sys.stderr)
    if not story.documents:
        print("storyline: error: no articles could be read", file=sys.stderr)
        return False
    return True


def _cmd_brief(args: argparse.Namespace) -> int:
    from .api import brief
    from .settings import load_options

    if args.story:
        from .cli_store import cmd_brief_story

        return cmd_brief_story(args)
    if not args.paths:
        print("storyline: error: give article PATHs (or --story ID --store URL)", file=sys.stderr)
        return EXIT_USAGE
    options = load_options(args.config, formats=args.format, source=args.source, published=args.date, summary_words=args.words, llm_url=args.llm)
    result = brief(args.paths, Path(args.out), options)
    if not _report_skipped(result.story):
        return EXIT_ERROR
    n = len(result.story.documents)
    print(f"{n} article{'s' if n != 1 else ''} -> " + ", ".join(str(f) for f in result.files))
    return EXIT_OK


def _cmd_summarize(args: argparse.Namespace) -> int:
    from .settings import load_options

    options = load_options(args.config, summary_words=args.words, llm_url=args.llm)
    if args.multinews:
        if not args.out:
            print("storyline: error: --multinews needs --out FILE", file=sys.stderr)
            return EXIT_USAGE
        from .summarize.batch import summarize_clusters

        n = summarize_clusters(Path(args.multinews), Path(args.out), options.summary_words, options)
        print(f"{n} clusters -> {args.out}")
        return EXIT_OK
    if not args.paths:
        print("storyline: error: give article PATHs or --multinews FILE", file=sys.stderr)
        return EXIT_USAGE
    from .api import build_story

    story = build_story(args.paths, options)
    if not _report_skipped(story):
        return EXIT_ERROR
    for sent in story.summary:
        cites = ", ".join(f"{c.doc}:{c.start}-{c.end}" for c in sent.sources)
        print(f"{sent.text} [{cites}]")
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace) -> int:
    from .render.json import story_schema

    text = json.dumps(story_schema(), indent=1) + "\n"
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _cmd_stages(args: argparse.Namespace) -> int:
    from .pipeline import available_stages
    from .settings import load_options

    default = load_options(args.config).pipeline
    for name in available_stages():
        print(f"{name}{'  (default pipeline)' if name in default else ''}")
    return EXIT_OK


COMMANDS = {"brief": _cmd_brief, "summarize": _cmd_summarize, "schema": _cmd_schema, "stages": _cmd_stages}


def _cmd_store(args: argparse.Namespace) -> int:
    from . import cli_store

    return {"cluster": cli_store.cmd_cluster, "stories": cli_store.cmd_stories}[args.command](args)


COMMANDS.update(cluster=_cmd_store, stories=_cmd_store)


def _cmd_serve(args: argparse.Namespace) -> int:
    from .cli_web import cmd_serve

    return cmd_serve(args)


COMMANDS["serve"] = _cmd_serve


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return EXIT_USAGE
    _setup_logging(args.verbose)
    try:
        return COMMANDS[args.command](args)
    except StorylineError as exc:
        print(f"storyline: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("storyline: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        if args.debug:
            raise
        print(f"storyline: error: unexpected {type(exc).__name__}: {exc} (run with --debug for details)", file=sys.stderr)
        return EXIT_ERROR
