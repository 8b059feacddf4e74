"""The ``storyline`` command: a thin layer over the library.

Errors are printed as one line (``storyline: error: ...``) and never as a
traceback unless ``--debug`` is given. Data goes to standard output, messages
to standard error; every message has its control characters stripped. The
global options (``-v``, ``-q``, ``--debug``, ``--config``) are accepted before
or after the command.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from . import __version__
from .cli_types import formats_list, iso_date
from .errors import StorylineError
from .models import Story

__all__ = ["main"]

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")

EXAMPLES = """examples:
  storyline brief examples/syria-2016 --out out          story.json, story.md, story.html in out/
  storyline brief a.txt b.html --out out --format json,csv --source "Daily News" --date 2016-03-15
  cat article.txt | storyline brief - --out out          one article from standard input
  storyline brief examples/syria-2016 --json | python -m json.tool
  storyline summarize examples/syria-2016 --words 80     the cited brief on standard output
  storyline summarize --multinews dev.jsonl --words 300 --out pred.jsonl
  storyline schema --out schema/story.schema.json
"""


def clean_for_terminal(text: str) -> str:
    """``text`` without control or bidirectional-override characters (tabs and newlines become spaces)."""
    return _CONTROL.sub("", text.replace("\t", " ").replace("\n", " "))


def _say(message: str, stream: TextIO | None = None) -> None:
    print(clean_for_terminal(message), file=stream or sys.stderr)


class ProgressBar:
    """``[#####.....] 50/100 1m02s left`` on a terminal's stderr; silent when stderr is not a terminal."""

    def __init__(self, label: str, stream: TextIO | None = None, enabled: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.label = label
        self.started = time.monotonic()
        self.shown = 0.0

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total <= 0:
            return
        now = time.monotonic()
        if done < total and now - self.shown < 0.2:
            return
        self.shown = now
        elapsed = now - self.started
        width = 30
        filled = width * done // total
        eta = elapsed / done * (total - done) if done else 0.0
        left = f"{int(eta // 60)}m{int(eta % 60):02d}s left" if done < total else f"{elapsed:.0f}s"
        self.stream.write(f"\r\x1b[K{self.label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total} {left} ")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="storyline",
        description="Turn several outlets' articles about one news story into a sourced situation report.",
        epilog="Run 'storyline COMMAND --help' for the options of a command.\n\n" + EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action="version", version=f"storyline {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    b = sub.add_parser(
        "brief",
        help="read the articles of one story and write story.json, story.md and story.html",
        description="Read the articles of one story (files and folders: .txt, .html, .jsonl, .json, "
        "Multi-News clusters separated by '|||||') and write a sourced report to --out DIR. "
        "Inputs that cannot be read are skipped, reported on stderr and listed in the report.",
    )
    b.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders; '-' reads one article from standard input (or --story ID --store URL)")
    b.add_argument("--out", metavar="DIR", help="folder to write the reports into ('-' with --format json: story.json to standard output)")
    b.add_argument("--json", action="store_true", help="write story.json to standard output (besides --out, if given)")
    b.add_argument("--story", metavar="ID", help="brief a story of the store instead of PATHs (with --store)")
    b.add_argument("--store", metavar="URL", help="the store of --story: SQLite file or postgresql:// URL")
    b.add_argument("--format", type=formats_list, metavar="LIST", help="comma-separated formats: json,md,html,csv,tsv (csv/tsv: the events table; default: json,md,html)")
    b.add_argument("--source", metavar="NAME", help="outlet name for articles that do not carry one")
    b.add_argument("--sources", metavar="FILE", help="sources manifest (CSV or JSON Lines: file, outlet, url, published, headline); wins over the files")
    b.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD", help="publication date for articles that do not carry one")
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
    m.add_argument("--jobs", type=int, default=1, metavar="N", help="with --multinews: worker processes, each with its own model (default 1)")
    m.add_argument("--fresh", action="store_true", help="with --multinews: start again instead of resuming an interrupted run")

    s = sub.add_parser("schema", help="print the JSON Schema of story.json", description="Print the JSON Schema that story.json follows.")
    s.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")

    sub.add_parser("stages", help="list the pipeline stages", description="List the registered stages, what each requires and assigns, and the default pipeline.")

    from .cli_store import add_parsers as add_store_parsers

    add_store_parsers(sub)  # cluster, stories
    from .cli_web import add_serve_parser

    add_serve_parser(sub)

    from .cli_batch import add_batch_parser

    add_batch_parser(sub)
    _add_global_options(p, top=True)
    for command, sp in sub.choices.items():
        _add_global_options(sp, top=False)
        sp.formatter_class = argparse.RawDescriptionHelpFormatter
        mine = [line for line in EXAMPLES.splitlines()[1:] if line.strip().startswith(f"storyline {command}") or f"| storyline {command}" in line]
        if mine and not sp.epilog:
            sp.epilog = "examples:\n" + "\n".join(mine)
    return p


def _add_global_options(p: argparse.ArgumentParser, top: bool) -> None:
    """The options every command accepts, before or after its name (defaults set once, on the top parser)."""
    kw: dict[str, Any] = {} if top else {"default": argparse.SUPPRESS}
    g = p.add_argument_group("global options")
    g.add_argument("-v", "--verbose", action="count", help="log progress (-vv for debug detail)", **({"default": 0} if top else kw))
    g.add_argument("-q", "--quiet", action="store_true", help="print errors only (no progress, no end summary)", **kw)
    g.add_argument("--debug", action="store_true", help="show tracebacks for unexpected errors", **kw)
    g.add_argument("--config", metavar="FILE", help="settings file (TOML) layered over the packaged defaults", **kw)


class _CleanFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return clean_for_terminal(super().format(record))


def _setup_logging(verbosity: int, quiet: bool = False) -> None:
    level = logging.ERROR if quiet else logging.WARNING if verbosity == 0 else logging.INFO if verbosity == 1 else logging.DEBUG
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_CleanFormatter("storyline: %(levelname)s: %(message)s"))
    root = logging.getLogger()
    for old in list(root.handlers):
        if getattr(old, "_storyline", False):
            root.removeHandler(old)
    handler._storyline = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _report_skipped(story: Story) -> bool:
    """Print one line per skipped input; False when no article at all could be read."""
    for s in story.skipped:
        _say(f"storyline: skipped {s.input}: {s.problem}")
    if not story.documents:
        _say("storyline: error: no articles could be read; nothing written")
        return False
    return True


def _cmd_brief(args: argparse.Namespace) -> int:
    from .api import brief, build_story
    from .render import check_formats, render_json
    from .settings import load_options

    if args.story:
        from .cli_store import cmd_brief_story

        return cmd_brief_story(args)
    if not args.paths:
        _say("storyline: error: give article PATHs (or --story ID --store URL)")
        return EXIT_USAGE
    started = time.monotonic()
    to_stdout = args.json or args.out == "-"
    out_dir = None if args.out in (None, "-") else Path(args.out)
    if out_dir is None and not to_stdout:
        _say("storyline: error: give --out DIR (or --json for story.json on standard output)")
        return EXIT_USAGE
    if args.out == "-" and args.format and args.format != ["json"]:
        _say("storyline: error: --out - writes story.json only (use --format json)")
        return EXIT_USAGE
    formats = args.format if out_dir is not None else ["json"]
    options = load_options(args.config, formats=formats, source=args.source, published=args.date, summary_words=args.words, llm_url=args.llm)
    check_formats(options.formats)
    if "-" in args.paths and sys.stdin.isatty():
        _say("storyline: reading one article from standard input (end with Ctrl-D)")
    stdin = sys.stdin.buffer if "-" in args.paths else None
    if out_dir is not None:
        result = brief(args.paths, out_dir, options, stdin=stdin, sources=args.sources)
        story, files = result.story, result.files
    else:
        story, files = build_story(args.paths, options, stdin=stdin, sources=args.sources), []
    if not _report_skipped(story):
        return EXIT_ERROR
    if to_stdout:
        sys.stdout.write(render_json(story))
        sys.stdout.flush()
    if not args.quiet:
        n = len(story.documents)
        where = ", ".join(str(f) for f in files) or "standard output"
        _say(f"storyline: {_plural(n, 'article')}, {len(story.skipped)} skipped, {time.monotonic() - started:.1f} s -> {where}")
    return EXIT_OK


def _cmd_summarize(args: argparse.Namespace) -> int:
    from .settings import load_options

    options = load_options(args.config, summary_words=args.words, llm_url=args.llm)
    if args.multinews:
        if not args.out:
            _say("storyline: error: --multinews needs --out FILE")
            return EXIT_USAGE
        from .summarize.batch import run_batch

        bar = ProgressBar("summarize", enabled=False if args.quiet else None)
        try:
            report = run_batch(
                Path(args.multinews), Path(args.out), options.summary_words, options, progress=bar, resume=not args.fresh, jobs=max(1, args.jobs)
            )
        finally:
            bar.close()
        if not args.quiet:
            resumed = f" ({report.resumed} from the interrupted run)" if report.resumed else ""
            _say(
                f"storyline: {_plural(report.total, 'line')}: {report.written} clusters written{resumed}, "
                f"{len(report.skipped)} failed, {report.seconds:.1f} s -> {args.out}"
            )
        return EXIT_OK
    if not args.paths:
        _say("storyline: error: give article PATHs or --multinews FILE")
        return EXIT_USAGE
    from .api import build_story
    from .render.view import build_view

    stdin = sys.stdin.buffer if "-" in args.paths else None
    story = build_story(args.paths, options, stdin=stdin)
    if not _report_skipped(story):
        return EXIT_ERROR
    view = build_view(story)
    for sent in story.summary:
        cites = "; ".join(dict.fromkeys(view.cite(c) for c in sent.sources))
        print(clean_for_terminal(f"{sent.text} [{cites}]"))
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace) -> int:
    from .render.json import story_schema

    text = json.dumps(story_schema(), indent=1) + "\n"
    if args.out and args.out != "-":
        from .outfiles import atomic_write, check_out_file

        check_out_file(Path(args.out))
        atomic_write(Path(args.out), text)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _cmd_stages(args: argparse.Namespace) -> int:
    from .pipeline import available_stages, contract_of
    from .settings import load_options

    default = load_options(args.config).pipeline
    for name in available_stages():
        print(clean_for_terminal(f"{name}{'  (default pipeline)' if name in default else ''}"))
        c = contract_of(name)
        print(f"    requires: {', '.join(c.requires) or '-'}; assigns: {', '.join(c.assigns) or '-'}" + (f"; uses: {', '.join(c.uses)}" if c.uses else ""))
    return EXIT_OK


def _cmd_batch(args: argparse.Namespace) -> int:
    from .cli_batch import cmd_batch

    return cmd_batch(args)


COMMANDS = {"brief": _cmd_brief, "summarize": _cmd_summarize, "schema": _cmd_schema, "stages": _cmd_stages, "batch": _cmd_batch}


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
    for name, default in (("verbose", 0), ("quiet", False), ("debug", False), ("config", None)):
        if getattr(args, name, None) is None:
            setattr(args, name, default)
    if not args.command:
        parser.print_help()
        return EXIT_USAGE
    _setup_logging(args.verbose, args.quiet)
    try:
        if args.config:
            from .settings import use_config_file

            use_config_file(args.config)  # module thresholds read this file too (stages are not loaded yet)
        return COMMANDS[args.command](args)
    except StorylineError as exc:
        _say(f"storyline: error: {exc}")
        return EXIT_ERROR
    except KeyboardInterrupt:
        _say("storyline: interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_ERROR
    except OSError as exc:
        if args.debug:
            raise
        where = exc.filename or "?"
        _say(f"storyline: error: {where}: {(exc.strerror or type(exc).__name__).lower()}")
        return EXIT_ERROR
    except Exception as exc:
        if args.debug:
            raise
        _say(f"storyline: error: unexpected {type(exc).__name__}: {exc} (run with --debug for details)")
        return EXIT_ERROR
