"""A sources manifest: what the user knows about each input file.

``storyline brief DIR --sources sources.csv`` reads a table with the
columns ``file``, ``outlet``, ``url``, ``published``, ``headline`` (CSV with
a header row, or JSON Lines with those keys; ``source``/``title`` are
accepted as other names of ``outlet``/``headline``). A row applies to the
articles read from the file of that name (its base name, or its path as
given); empty cells say nothing. What the manifest says wins over the
file's own metadata and over anything inferred from the text.

A manifest that cannot be read raises :class:`InputError` (one line); a
bad cell (a date that is not a date) is skipped with a warning.
"""

from __future__ import annotations

import csv
import io
import json
import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePath
from typing import Any

from ..errors import InputError
from .read import PLAUSIBLE_YEARS, RawArticle, _read_bytes

__all__ = ["MANIFEST_COLUMNS", "ManifestEntry", "apply_manifest", "read_manifest"]

log = logging.getLogger(__name__)

MANIFEST_COLUMNS = ("file", "outlet", "url", "published", "headline")
_ALIASES = {"source": "outlet", "title": "headline", "date": "published"}
MAX_MANIFEST_BYTES = 10_000_000


@dataclass(frozen=True)
class ManifestEntry:
    file: str
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    headline: str | None = None


def _cell(row: dict[str, Any], key: str) -> str | None:
    value = row.get(key)
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _date_cell(value: str | None, where: str) -> date | None:
    if value is None:
        return None
    try:
        day = date.fromisoformat(value[:10])
    except (ValueError, OverflowError):
        day = None
    if day is None or day.year not in PLAUSIBLE_YEARS:
        log.warning("%s: published %r is not a date YYYY-MM-DD; ignored", where, value)
        return None
    return day


def _entry(row: dict[str, Any], where: str) -> ManifestEntry:
    norm = {_ALIASES.get(str(k).strip().lower(), str(k).strip().lower()): v for k, v in row.items() if k is not None}
    file = _cell(norm, "file")
    if not file:
        raise InputError(where, 'row has no "file"')
    return ManifestEntry(
        file=file,
        outlet=_cell(norm, "outlet"),
        url=_cell(norm, "url"),
        published=_date_cell(_cell(norm, "published"), where),
        headline=_cell(norm, "headline"),
    )


def read_manifest(path: str | Path) -> dict[str, ManifestEntry]:
    """Entries by file name. JSON Lines when the file says so (``.jsonl``, or a first line that is an object), else CSV."""
    p = Path(path)
    data = _read_bytes(p, MAX_MANIFEST_BYTES)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(str(p), f"sources manifest is not UTF-8 text (undecodable byte at offset {exc.start})") from None
    rows: list[tuple[dict[str, Any], str]] = []
    if p.suffix.lower() in {".jsonl", ".ndjson", ".json"} or text.lstrip().startswith("{"):
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{p}:{n}", f"sources manifest line is not valid JSON ({exc.msg})") from None
            if not isinstance(obj, dict):
                raise InputError(f"{p}:{n}", "sources manifest line is not a JSON object")
            rows.append((obj, f"{p}:{n}"))
    else:
        reader = csv.DictReader(io.StringIO(text))
        header = {_ALIASES.get(h.strip().lower(), h.strip().lower()) for h in reader.fieldnames or []}
        if "file" not in header:
            raise InputError(str(p), f"sources manifest has no \"file\" column (columns: {', '.join(MANIFEST_COLUMNS)})")
        for n, row in enumerate(reader, 2):
            rows.append((row, f"{p}:{n}"))
    out: dict[str, ManifestEntry] = {}
    for row, where in rows:
        entry = _entry(row, where)
        out[entry.file] = entry
    return out


def _lookup(art: RawArticle, manifest: dict[str, ManifestEntry]) -> ManifestEntry | None:
    names: list[str] = []
    if art.path:
        names += [art.path, PurePath(art.path).name]
    if art.file:
        names += [art.file, art.file.split("#", 1)[0]]
    return next((manifest[n] for n in names if n in manifest), None)


def apply_manifest(articles: list[RawArticle], manifest: dict[str, ManifestEntry]) -> int:
    """Fill each article from its manifest row (the manifest wins); returns how many articles matched."""
    matched = 0
    for art in articles:
        entry = _lookup(art, manifest)
        if entry is None:
            continue
        matched += 1
        art.from_manifest = True
        if entry.outlet:
            art.source = entry.outlet
        if entry.url:
            art.url = entry.url
        if entry.published:
            art.published = entry.published
        if entry.headline:
            art.title = entry.headline
    unused = sorted(set(manifest) - {e.file for a in articles if (e := _lookup(a, manifest)) is not None})
    for name in unused:
        log.warning("sources manifest: no input file %s", name)
    return matched
