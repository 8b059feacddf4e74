"""The importable API: build a Story from paths and write its reports."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .ingest.read import RawArticle, read_inputs
from .models import Document, PublishedRange, Story
from .pipeline import Context, run_pipeline
from .settings import Options, load_options

__all__ = ["BriefResult", "brief", "brief_articles", "build_story", "story_from_articles"]

log = logging.getLogger(__name__)


@dataclass
class BriefResult:
    story: Story
    files: list[Path] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)


def story_from_articles(articles: Iterable[RawArticle], options: Options) -> Story:
    """Documents d1..dn from raw articles, with metadata defaults from options."""
    docs = []
    for i, art in enumerate(articles, 1):
        published = PublishedRange()
        day = art.published or options.published
        if day is not None:
            published = PublishedRange(earliest=day, latest=day, inferred=False, why="from metadata" if art.published else "from --date")
        docs.append(
            Document(
                id=f"d{i}",
                file=art.file,
                path=art.path,
                source=art.source or options.source,
                url=art.url,
                title=art.title,
                dek=art.dek,
                published=published,
                text=art.text,
            )
        )
    return Story(documents=docs)


def build_story(paths: Sequence[str | Path], options: Options | None = None, ctx: Context | None = None) -> Story:
    """Read ``paths`` as the articles of one story and run the pipeline on them."""
    options = options or load_options()
    ctx = ctx or Context(options)
    read = read_inputs(paths, options.max_input_bytes)
    story = story_from_articles(read.articles, options)
    story.skipped = read.skipped
    if story.documents:
        story = run_pipeline(story, ctx)
    return story


def brief(paths: Sequence[str | Path], out_dir: str | Path, options: Options | None = None) -> BriefResult:
    """Build the story of ``paths`` and write story.json/.md/.html to ``out_dir``."""
    from .render import write_reports

    options = options or load_options()
    ctx = Context(options)
    story = build_story(paths, options, ctx)
    files = write_reports(story, Path(out_dir), options.formats)
    return BriefResult(story=story, files=files, timings=dict(ctx.timings))


def brief_articles(articles: Sequence[RawArticle], out_dir: str | Path, options: Options | None = None) -> BriefResult:
    """Like :func:`brief`, for articles already read (e.g. a story of the stream store)."""
    from .render import write_reports

    options = options or load_options()
    ctx = Context(options)
    story = story_from_articles(articles, options)
    if story.documents:
        story = run_pipeline(story, ctx)
    files = write_reports(story, Path(out_dir), options.formats)
    return BriefResult(story=story, files=files, timings=dict(ctx.timings))
