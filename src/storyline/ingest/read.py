"""Turn paths into raw articles; every problem becomes a one-line Skipped entry."""

from __future__ import annotations

import json
import logging
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..models import Skipped
from ..settings import packaged_defaults, tuned_int

__all__ = ["CLUSTER_SEPARATOR", "RawArticle", "ReadResult", "read_inputs", "read_path", "split_cluster"]

log = logging.getLogger(__name__)

CLUSTER_SEPARATOR = "|||||"
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


@dataclass
class RawArticle:
    """An article as read, before cleaning."""

    text: str
    file: str | None = None  # base name (with "#N" for the Nth article of a multi-article file)
    path: str | None = None
    title: str | None = None
    dek: str | None = None
    source: str | None = None
    url: str | None = None
    published: date | None = None
    fmt: str = "text"  # text | html | jsonl | cluster
    from_manifest: bool = False  # metadata given by a sources manifest


@dataclass
class ReadResult:
    articles: list[RawArticle] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def extend(self, other: ReadResult) -> None:
        self.articles.extend(other.articles)
        self.skipped.extend(other.skipped)


def _decode(path: Path, data: bytes) -> str:
    if not data.strip():
        raise InputError(str(path), "empty file")
    if b"\x00" in data[:8192]:
        raise InputError(str(path), "binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"not UTF-8 text (undecodable byte at offset {exc.start})") from None
    controls = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > 0.05 * min(len(text), 8192):
        raise InputError(str(path), "binary file, not text")
    if not text.strip():
        raise InputError(str(path), "empty file")
    return text


def _special_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _read_bytes(path: Path, limit: int) -> bytes:
    """The bytes of a regular file no larger than ``limit``; anything else is refused before reading."""
    try:
        st = path.stat()
    except OSError as exc:
        raise InputError(str(path), exc.strerror or "cannot read") from None
    if not stat.S_ISREG(st.st_mode):
        raise InputError(str(path), f"{_special_kind(st.st_mode)}, not a regular file: not read")
    if st.st_size > limit:
        raise InputError(str(path), f"too large ({st.st_size} bytes; the limit is {limit})")
    try:
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise InputError(str(path), exc.strerror or "cannot read") from None
    if len(data) > limit:  # the file grew after stat
        raise InputError(str(path), f"too large (over {limit} bytes)")
    return data


#: Publication years outside this span are not dates of a news article (and break date arithmetic near the calendar's ends).
PLAUSIBLE_YEARS = range(1600, 2200)


def _parse_date(value: Any) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, str):
        try:
            day = date.fromisoformat(value.strip()[:10])
        except (ValueError, OverflowError):  # "0000-01-01", "10000-01-01", "2016-02-30": not a date
            return None
        return day if day.year in PLAUSIBLE_YEARS else None
    return None


def split_cluster(text: str) -> list[str]:
    """The documents of a Multi-News-style cluster, stripped, empties dropped."""
    return [part.strip() for part in text.split(CLUSTER_SEPARATOR) if part.strip()]


def _read_text(path: Path, text: str) -> ReadResult:
    if CLUSTER_SEPARATOR in text:
        parts = split_cluster(text)
        res = ReadResult()
        for i, part in enumerate(parts, 1):
            res.articles.append(RawArticle(text=part, file=f"{path.name}#{i}", path=str(path), fmt="cluster"))
        if not parts:
            raise InputError(str(path), "cluster file holds no documents")
        return res
    return ReadResult([RawArticle(text=text, file=path.name, path=str(path), fmt="text")])


MIN_ARTICLE_WORDS = tuned_int("ingest", "min_article_words")
_MAX_INPUT_BYTES = int(packaged_defaults()["max_input_bytes"])  # library default; runs pass options.max_input_bytes


def _has_prose(text: str) -> bool:
    """At least a short paragraph of sentences, not just menu labels."""
    words = text.split()
    return len(words) >= MIN_ARTICLE_WORDS and any(line.rstrip().endswith((".", "!", "?", '"', "\u201d")) for line in text.splitlines())


def _read_html(path: Path, text: str) -> ReadResult:
    import trafilatura

    extracted = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False, favor_recall=True)
    body = getattr(extracted, "text", None) if extracted is not None else None
    if not body or not _has_prose(body):
        raise InputError(str(path), "HTML page has no article text")
    title = getattr(extracted, "title", None)
    source = getattr(extracted, "sitename", None) or getattr(extracted, "hostname", None)
    published = _parse_date(getattr(extracted, "date", None))
    url = getattr(extracted, "url", None)
    desc = getattr(extracted, "description", None)
    full = _with_headline(body, title, desc)
    return ReadResult(
        [RawArticle(text=full, file=path.name, path=str(path), title=title, dek=desc, source=source, url=url, published=published, fmt="html")]
    )


def _with_headline(body: str, title: str | None, dek: str | None) -> str:
    """Put headline and standfirst from the page metadata into the text, in reading order.

    They are kept in the text (not only as metadata) so that offsets cover them.
    """
    lines = body.split("\n")
    first = lines[0].strip() if lines else ""
    if title and first == title.strip():
        head, rest = [lines[0]], "\n".join(lines[1:])
    else:
        head, rest = ([title.strip()] if title and title.strip() not in body[:500] else []), body
    if dek and dek.strip() and dek.strip() not in body[:1000]:
        head.append(dek.strip())
    return "\n\n".join([*head, rest]) if head else body


def _article_from_json(obj: dict[str, Any], file: str, path: Path) -> list[RawArticle]:
    docs = obj.get("documents")
    if isinstance(docs, list):  # a Multi-News cluster line
        out = []
        for i, d in enumerate(docs, 1):
            if isinstance(d, str) and d.strip():
                out.append(RawArticle(text=d.strip(), file=f"{file}.{i}", path=str(path), fmt="cluster"))
        if not out:
            raise InputError(file, "cluster has no non-empty documents")
        return out
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(file, 'no "text" field with article text')
    return [
        RawArticle(
            text=text,
            file=file,
            path=str(path),
            title=obj.get("title") if isinstance(obj.get("title"), str) else None,
            source=obj.get("source") if isinstance(obj.get("source"), str) else None,
            url=obj.get("url") if isinstance(obj.get("url"), str) else None,
            published=_parse_date(obj.get("published") or obj.get("date")),
            fmt="jsonl",
        )
    ]


def _read_jsonl(path: Path, text: str) -> ReadResult:
    res = ReadResult()
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            res.skipped.append(Skipped(input=where, problem=f"not valid JSON ({exc.msg} at column {exc.colno})"))
            continue
        if not isinstance(obj, dict):
            res.skipped.append(Skipped(input=where, problem="expected a JSON object"))
            continue
        try:
            res.articles.extend(_article_from_json(obj, f"{path.name}#{n}", path))
        except InputError as exc:
            res.skipped.append(Skipped(input=where, problem=exc.problem))
    if not res.articles and not res.skipped:
        raise InputError(str(path), "no articles in JSON Lines file")
    return res


def read_path(path: Path, max_bytes: int = _MAX_INPUT_BYTES) -> ReadResult:
    """Read one file. Raises InputError when nothing at all can be read."""
    data = _read_bytes(path, max_bytes)
    text = _decode(path, data)
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES or (suffix not in JSONL_SUFFIXES and text.lstrip()[:15].lower().startswith(("<!doctype html", "<html"))):
        return _read_html(path, text)
    if suffix in JSONL_SUFFIXES or (suffix == ".json" and "\n" in text.strip()):
        return _read_jsonl(path, text)
    if suffix == ".json":
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(str(path), f"not valid JSON ({exc.msg} at line {exc.lineno})") from None
        items = obj if isinstance(obj, list) else [obj]
        res = ReadResult()
        for i, item in enumerate(items, 1):
            if not isinstance(item, dict):
                res.skipped.append(Skipped(input=f"{path}#{i}", problem="expected a JSON object"))
                continue
            try:
                res.articles.extend(_article_from_json(item, f"{path.name}#{i}" if len(items) > 1 else path.name, path))
            except InputError as exc:
                res.skipped.append(Skipped(input=f"{path}#{i}", problem=exc.problem))
        return res
    return _read_text(path, text)


def _walk(folder: Path) -> Iterator[Path]:
    for p in sorted(folder.rglob("*")):
        rel = p.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if p.is_file() and (p.suffix.lower() in KNOWN_SUFFIXES or p.suffix.lower() == ".json"):
            yield p


def read_inputs(paths: Iterable[str | Path], max_bytes: int = _MAX_INPUT_BYTES) -> ReadResult:
    """Read every path (files and folders); problems are collected, never raised."""
    res = ReadResult()
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            res.skipped.append(Skipped(input=str(path), problem="no such file or directory"))
            continue
        files = list(_walk(path)) if path.is_dir() else [path]
        if path.is_dir() and not files:
            res.skipped.append(Skipped(input=str(path), problem="folder holds no article files (.txt, .html, .jsonl, .json)"))
            continue
        for f in files:
            try:
                res.extend(read_path(f, max_bytes))
            except InputError as exc:
                res.skipped.append(Skipped(input=exc.source, problem=exc.problem))
            except Exception as exc:
                log.debug("reading %s failed", f, exc_info=True)
                res.skipped.append(Skipped(input=str(f), problem=f"could not be read ({type(exc).__name__}: {exc})".replace("\n", " ")))
    for s in res.skipped:
        log.info("skipped %s: %s", s.input, s.problem)  # returned to the caller, who reports it
    return res
