"""What a batch briefs: one item per story, from a Multi-News-style file or the sub-folders of a folder."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..ingest.read import CLUSTER_SEPARATOR, RawArticle, split_cluster

__all__ = ["BatchItem", "items_from", "safe_id"]

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_id(raw: str) -> str:
    """A story id usable as a folder name (no separators, no leading dot)."""
    cleaned = _UNSAFE.sub("_", raw).strip("._") or "story"
    return cleaned[:120]


@dataclass(frozen=True)
class BatchItem:
    """One story of a batch: its id, and its article texts, its article paths or its articles as read.

    ``error`` is set when the input line could not be read as a story (the
    item is then reported as failed without running). ``replace``: a new
    brief replaces a complete output folder (a story of a store that
    changed) instead of being skipped; ``keep_json``: the task also returns
    the story.json it wrote (to save it in the store).
    """

    id: str
    texts: tuple[str, ...] = ()
    paths: tuple[str, ...] = ()
    articles: tuple[RawArticle, ...] = ()
    error: str | None = None
    replace: bool = False
    keep_json: bool = False
    origin: str = ""  # where it came from, for messages ("dev.jsonl:12", "folder/story-a")
    extra: dict[str, str] = field(default_factory=dict, compare=False)


def _line_item(line: str, n: int, origin: str) -> BatchItem:
    where = f"{origin}:{n}"
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return BatchItem(id=f"line-{n}", error=f"not valid JSON ({exc.msg} at column {exc.colno})", origin=where)
    if not isinstance(obj, dict):
        return BatchItem(id=f"line-{n}", error="expected a JSON object", origin=where)
    ident = safe_id(str(obj.get("id") or f"line-{n}"))
    docs = obj.get("documents")
    if docs is None and isinstance(obj.get("document"), str):
        docs = split_cluster(obj["document"])
    if not isinstance(docs, list):
        return BatchItem(id=ident, error='no "documents" list', origin=where)
    texts = [d.strip() for d in docs if isinstance(d, str) and d.strip()]
    texts = [t for d in texts for t in (split_cluster(d) if CLUSTER_SEPARATOR in d else [d])]
    if not texts:
        return BatchItem(id=ident, error="the story has no non-empty documents", origin=where)
    return BatchItem(id=ident, texts=tuple(texts), origin=where)


def items_from(path: str | Path) -> Iterator[BatchItem]:
    """The stories of ``path``: each line of a JSON Lines file, or each sub-folder of a folder (sorted by name).

    Ids repeated in the input get a ``-2``, ``-3`` ... suffix so that every
    story has its own output folder.
    """
    p = Path(path)
    seen: dict[str, int] = {}

    def unique(item: BatchItem) -> BatchItem:
        n = seen.get(item.id, 0) + 1
        seen[item.id] = n
        if n == 1:
            return item
        return dataclasses.replace(item, id=f"{item.id}-{n}")

    if p.is_dir():
        subs = sorted(d for d in p.iterdir() if d.is_dir() and not d.name.startswith("."))
        if not subs:
            raise InputError(str(p), "a batch folder holds one sub-folder per story; this one has none")
        for d in subs:
            files = sorted(str(f) for f in d.rglob("*") if f.is_file() and not f.name.startswith("."))
            if files:
                yield unique(BatchItem(id=safe_id(d.name), paths=tuple(files), origin=str(d)))
            else:
                yield unique(BatchItem(id=safe_id(d.name), error="the folder holds no files", origin=str(d)))
        return
    if not p.is_file():
        raise InputError(str(p), "no such file or directory")
    try:
        with p.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if line.strip():
                    yield unique(_line_item(line, n, str(p)))
    except UnicodeDecodeError as exc:
        raise InputError(str(p), f"not UTF-8 text (undecodable byte at offset {exc.start})") from None
    except OSError as exc:
        raise InputError(str(p), exc.strerror or "cannot read") from None
