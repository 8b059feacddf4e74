"""The importable API: build a Story from paths or texts and write its reports.

::

    story = build_story("examples/syria-2016")             # a path, a str, or a list of them
    story = story_from_texts(["Headline\n\nBody ...", "..."])  # articles already in memory
    brief(["a.txt", "b.html"], "out")                       # story.json/.md/.html in out/
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from .artifacts import Parses
from .ingest.read import CLUSTER_SEPARATOR, RawArticle, ReadResult, read_inputs, split_cluster
from .models import Document, PublishedRange, Skipped, Story
from .pipeline import Context, check_pipeline, run_pipeline
from .settings import Options, load_options

__all__ = ["STDIN", "BriefResult", "Inputs", "brief", "brief_articles", "build_story", "read_articles", "story_from_articles", "story_from_texts"]

#: The path that stands for standard input (when a stream is given).
STDIN = "-"
#: One path (str or Path) or several.
Inputs = str | os.PathLike[str] | Sequence[str | os.PathLike[str]]

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
            given = "from the sources manifest" if art.from_manifest and art.published else "from metadata"
            published = PublishedRange(earliest=day, latest=day, inferred=False, why=given if art.published else "from --date")
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


def _as_list(paths: Inputs) -> list[str | os.PathLike[str]]:
    if isinstance(paths, str | os.PathLike):
        return [paths]
    return list(paths)


def _read_stream(stream: BinaryIO, limit: int, name: str = "stdin") -> ReadResult:
    data = stream.read(limit + 1)
    res = ReadResult()
    problem = None
    if len(data) > limit:
        problem = f"too large (over {limit} bytes)"
    elif not data.strip():
        problem = "empty input"
    elif b"\x00" in data[:8192]:
        problem = "binary data, not text"
    if problem is None:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            problem = f"not UTF-8 text (undecodable byte at offset {exc.start})"
    if problem is not None:
        res.skipped.append(Skipped(input=name, problem=problem))
        return res
    parts = split_cluster(text) if CLUSTER_SEPARATOR in text else [text]
    for i, part in enumerate(parts, 1):
        res.articles.append(RawArticle(text=part, file=name if len(parts) == 1 else f"{name}#{i}", fmt="text" if len(parts) == 1 else "cluster"))
    return res


def read_articles(paths: Inputs, options: Options, stdin: BinaryIO | None = None, sources: str | Path | None = None) -> ReadResult:
    """Read ``paths`` in order; ``"-"`` reads one article (or one cluster) from ``stdin`` when it is given.

    ``sources``: a sources manifest (CSV or JSON Lines: file, outlet, url,
    published, headline) whose rows win over what the files carry.
    """
    res = ReadResult()
    for p in _as_list(paths):
        if stdin is not None and str(p) == STDIN:
            res.extend(_read_stream(stdin, options.max_input_bytes))
        else:
            res.extend(read_inputs([Path(p)], options.max_input_bytes))
    if sources is not None:
        from .ingest.manifest import apply_manifest, read_manifest

        apply_manifest(res.articles, read_manifest(sources))
    return res


def _run(read: ReadResult, options: Options, ctx: Context | None) -> Story:
    ctx = ctx or Context(options)
    story = story_from_articles(read.articles, options)
    story.skipped = read.skipped
    if story.documents:
        story = run_pipeline(story, ctx)
    return story


def build_story(
    paths: Inputs, options: Options | None = None, ctx: Context | None = None, stdin: BinaryIO | None = None, sources: str | Path | None = None
) -> Story:
    """Read ``paths`` (a path, or a list of paths: files and folders) as the articles of one story and run the pipeline.

    ``sources``: a sources manifest (CSV or JSON Lines: file, outlet, url,
    published, headline) whose rows win over what the files carry.
    """
    options = options or load_options()
    check_pipeline((ctx.options if ctx else options).pipeline)  # a broken stage list fails before any input is read
    return _run(read_articles(paths, options, stdin, sources), options, ctx)


def story_from_texts(
    texts: str | Sequence[str], options: Options | None = None, ctx: Context | None = None, *, sources: Sequence[str | None] | None = None
) -> Story:
    """Run the pipeline on articles held in memory (one text per article; ``sources`` names their outlets)."""
    options = options or load_options()
    check_pipeline((ctx.options if ctx else options).pipeline)
    items = [texts] if isinstance(texts, str) else list(texts)
    read = ReadResult()
    for i, text in enumerate(items, 1):
        if not isinstance(text, str) or not text.strip():
            read.skipped.append(Skipped(input=f"text {i}", problem="empty text"))
            continue
        src = sources[i - 1] if sources is not None and i <= len(sources) else None
        read.articles.append(RawArticle(text=text, file=f"text {i}", source=src, fmt="text"))
    return _run(read, options, ctx)


def _release(ctx: Context) -> None:
    """Drop the run's artifacts (the parses above all) once the Story is built: the reports read only the Story."""
    ctx.parses = Parses()
    ctx.claim_units = None
    ctx.cache.clear()


def brief(
    paths: Inputs, out_dir: str | Path, options: Options | None = None, stdin: BinaryIO | None = None, sources: str | Path | None = None
) -> BriefResult:
    """Build the story of ``paths`` and write its reports (story.json/.md/.html by default) to ``out_dir``.

    The output folder and the formats are checked before any article is read
    (an :class:`~storyline.errors.OutputError` or ConfigError); when no article
    can be read nothing is written and ``files`` is empty.
    """
    from .outfiles import check_out_dir
    from .render import check_formats, write_reports

    options = options or load_options()
    out = Path(out_dir)
    check_formats(options.formats)
    check_out_dir(out)
    ctx = Context(options)
    story = build_story(paths, options, ctx, stdin, sources)
    _release(ctx)
    files = write_reports(story, out, options.formats) if story.documents else []
    return BriefResult(story=story, files=files, timings=dict(ctx.timings))


def brief_articles(articles: Sequence[RawArticle], out_dir: str | Path, options: Options | None = None) -> BriefResult:
    """Like :func:`brief`, for articles already read (e.g. a story of the stream store)."""
    from .render import write_reports

    options = options or load_options()
    ctx = Context(options)
    story = story_from_articles(articles, options)
    if story.documents:
        story = run_pipeline(story, ctx)
    _release(ctx)
    files = write_reports(story, Path(out_dir), options.formats)
    return BriefResult(story=story, files=files, timings=dict(ctx.timings))
