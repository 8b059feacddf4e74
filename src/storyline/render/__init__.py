"""Write a Story as JSON, Markdown and a self-contained HTML page."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from ..errors import ConfigError, InputError
from ..models import Story
from ..outfiles import atomic_write, check_out_dir
from .html import render_html
from .json import render_json, story_schema
from .markdown import render_markdown

__all__ = ["FORMATS", "check_formats", "render_html", "render_json", "render_markdown", "story_schema", "write_reports"]


def _events_table(sep: str) -> Callable[[Story], str]:
    from .events_table import render_events_table

    return partial(render_events_table, sep=sep)


FORMATS: dict[str, tuple[str, Callable[[], Callable[[Story], str]]]] = {
    "json": ("story.json", lambda: render_json),
    "md": ("story.md", lambda: render_markdown),
    "html": ("story.html", lambda: render_html),
    "csv": ("events.csv", lambda: _events_table(",")),
    "tsv": ("events.tsv", lambda: _events_table("\t")),
}


def check_formats(formats: tuple[str, ...] | list[str]) -> None:
    """Raise :class:`ConfigError` for a format storyline cannot write."""
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ConfigError("formats", f"unknown format {unknown[0]!r}; choose from {', '.join(FORMATS)}")


def write_reports(story: Story, out_dir: Path, formats: tuple[str, ...] | list[str]) -> list[Path]:
    """Write one file per format into ``out_dir`` (created if needed).

    Nothing is written for a story with no documents (an :class:`InputError`
    says why). Every report is rendered before the first file is written, and
    each file is written to a temporary name and renamed over the old one.
    """
    check_formats(formats)
    if not story.documents:
        raise InputError(str(out_dir), "no articles could be read; no report written")
    check_out_dir(out_dir)
    rendered = [(out_dir / FORMATS[fmt][0], FORMATS[fmt][1]()(story)) for fmt in formats]
    written = []
    for path, text in rendered:
        atomic_write(path, text)
        written.append(path)
    return written
