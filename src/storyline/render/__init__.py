"""Write a Story as JSON, Markdown and a self-contained HTML page."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from ..errors import ConfigError
from ..models import Story
from .html import render_html
from .json import render_json, story_schema
from .markdown import render_markdown

__all__ = ["FORMATS", "render_html", "render_json", "render_markdown", "story_schema", "write_reports"]


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


def write_reports(story: Story, out_dir: Path, formats: tuple[str, ...] | list[str]) -> list[Path]:
    """Write one file per format into ``out_dir`` (created if needed)."""
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ConfigError("formats", f"unknown format {unknown[0]!r}; choose from {', '.join(FORMATS)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in formats:
        name, get_renderer = FORMATS[fmt]
        path = out_dir / name
        path.write_text(get_renderer()(story), encoding="utf-8")
        written.append(path)
    return written
