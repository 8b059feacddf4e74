"""What the web app does with a store: list and search stories, build briefs, add articles.

Kept apart from the HTTP layer (:mod:`.app`) so that it can be used and
tested without a server. One :class:`Desk` holds the store, the settings and
the loaded spaCy model for the life of the server.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import func, or_, select

from ..api import story_from_articles
from ..errors import InputError, StorylineError
from ..ingest.read import RawArticle, read_path
from ..models import Story
from ..pipeline import Context, run_pipeline
from ..render.json import render_json
from ..settings import Options
from ..store.schema import StoreError, articles, assignments
from ..store.store import ArticleRecord, Store, StoryInfo
from ..stream.cluster import StreamSettings
from ..stream.run import RunStats, StreamArticle, cluster_into_store, restore

__all__ = ["ALLOWED_SUFFIXES", "Desk", "Upload", "apply_manifest", "read_manifest", "readable", "story_title", "web_url"]

log = logging.getLogger(__name__)

#: File types an upload may have.
ALLOWED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl", ".ndjson")


@dataclass(frozen=True)
class Upload:
    """One uploaded or pasted input: a file name (its suffix picks the reader) and its bytes."""

    name: str
    data: bytes


Sort = Literal["recent", "size"]


@dataclass(frozen=True)
class _Cast:
    """An actor of a brief, as the search and the actor pages need it."""

    name: str
    kind: str
    aliases: tuple[str, ...]


class Desk:
    """The store, the settings and the model of one server."""

    def __init__(self, store: Store, options: Options) -> None:
        self.store = store
        self.options = options
        self._ctx = Context(options)
        self._write = threading.Lock()  # one writer at a time (clustering, briefs)
        self._cast_cache: dict[str, tuple[float, list[_Cast]]] = {}  # story -> (brief time, its actors)
        self._cache_lock = threading.Lock()

    # -- reading ---------------------------------------------------------------------------------

    def stories(self, q: str | None = None, since: date | None = None, sort: Sort = "recent", limit: int | None = 500) -> list[StoryInfo]:
        """Stories matching ``q`` (words of titles, article text, outlets, or actor names of the brief), newest or largest first."""
        ts = datetime(since.year, since.month, since.day, tzinfo=UTC).timestamp() if since else None
        rows = self.store.stories(since=ts)
        if q and q.strip():
            wanted = self._matching_ids(q.strip())
            rows = [r for r in rows if r.id in wanted or q.strip().lower() in (r.title or "").lower()]
        if sort == "size":
            rows.sort(key=lambda r: (-r.articles, -r.outlets, r.id))
        return rows if limit is None else rows[:limit]

    def _matching_ids(self, q: str) -> set[str]:
        like = f"%{q.lower()}%"
        query = (
            select(assignments.c.story_id)
            .join(articles, articles.c.id == assignments.c.article_id)
            .where(or_(func.lower(articles.c.text).like(like), func.lower(articles.c.title).like(like), func.lower(articles.c.source).like(like)))
            .distinct()
        )
        with self.store.engine.connect() as conn:
            found = {str(r[0]) for r in conn.execute(query)}
        key = q.lower()
        for info, cast in self._casts():
            if any(key in a.name.lower() or any(key in al.lower() for al in a.aliases) for a in cast):
                found.add(info.id)
        return found

    def _casts(self) -> list[tuple[StoryInfo, list[_Cast]]]:
        """Each briefed story with the actors of its latest brief (parsed once per brief, then kept)."""
        out = []
        for info in self.store.stories():
            if info.briefed_at is None:
                continue
            with self._cache_lock:
                kept = self._cast_cache.get(info.id)
            if kept is None or kept[0] != info.briefed_at:
                story = self.story(info.id)
                if story is None:
                    continue
                kept = (info.briefed_at, [_Cast(a.name, a.kind, tuple(a.aliases)) for a in story.actors])
                with self._cache_lock:
                    self._cast_cache[info.id] = kept
            out.append((info, kept[1]))
        return out

    def info(self, story_id: str) -> StoryInfo | None:
        rows = self.store.stories(story_id=story_id)
        return rows[0] if rows else None

    def story(self, story_id: str) -> Story | None:
        """The latest brief of a story, or None when it has none yet."""
        raw = self.store.brief_json(story_id)
        return Story.model_validate_json(raw) if raw else None

    def story_json(self, story_id: str) -> dict[str, Any] | None:
        raw = self.store.brief_json(story_id)
        loaded: dict[str, Any] | None = json.loads(raw) if raw else None
        return loaded

    def articles(self, story_id: str) -> list[ArticleRecord]:
        return self.store.story_articles(story_id)

    def actor(self, name: str) -> list[dict[str, Any]]:
        """Every story whose brief names the actor, with the actor's quotes there."""
        key = name.strip().lower()
        hits: list[dict[str, Any]] = []
        for info, cast in self._casts():
            if not any(c.name.lower() == key or key in (al.lower() for al in c.aliases) for c in cast):
                continue
            story = self.story(info.id)  # only the stories that name the actor are read in full
            if story is None:
                continue
            ids = {a.id for a in story.actors if a.name.lower() == key or key in (al.lower() for al in a.aliases)}
            if not ids:
                continue
            quotes = [q for q in story.quotes if q.speaker in ids]
            hits.append({"story": info, "title": story_title(story, info),
                         "actor": next(a for a in story.actors if a.id in ids), "quotes": quotes, "labels": {d.id: d.label for d in story.documents}})
        return hits

    def actor_names(self, q: str, limit: int = 50) -> list[dict[str, Any]]:
        counts: dict[str, dict[str, Any]] = {}
        for info, cast in self._casts():
            for a in cast:
                if q.lower() in a.name.lower():
                    row = counts.setdefault(a.name, {"name": a.name, "kind": a.kind, "stories": []})
                    if info.id not in row["stories"]:
                        row["stories"].append(info.id)
        return sorted(counts.values(), key=lambda r: (-len(r["stories"]), r["name"]))[:limit]

    # -- writing ---------------------------------------------------------------------------------

    def build(self, story_id: str) -> Story:
        """Brief a stored story now and save the brief (what ``storyline brief --story`` does)."""
        with self._write:
            recs = self.store.story_articles(story_id)
            if not recs:
                raise StoreError(f"no story {story_id!r} in the store")
            raw = [
                RawArticle(text=r.text, file=r.id, title=r.title, source=r.source, url=web_url(r.url), fmt="jsonl",
                           published=datetime.fromtimestamp(r.published, UTC).date() if r.published is not None else None)
                for r in recs
            ]  # fmt: skip
            story = story_from_articles(raw, self.options)
            ctx = Context(self.options)
            ctx.set_nlp(self._ctx.nlp)
            story = run_pipeline(story, ctx)
            self.store.save_brief(story_id, render_json(story), recs)
            return story

    def read_uploads(self, uploads: list[Upload]) -> tuple[list[RawArticle], list[str]]:
        """The articles of uploaded files (read by the library's readers), and one line per input that was skipped."""
        arts: list[RawArticle] = []
        skipped: list[str] = []
        with tempfile.TemporaryDirectory(prefix="storyline-upload-") as tmp:
            for i, up in enumerate(uploads):
                suffix = Path(up.name).suffix.lower()
                if suffix not in ALLOWED_SUFFIXES:
                    skipped.append(f"{up.name}: not an accepted file type ({', '.join(ALLOWED_SUFFIXES)})")
                    continue
                path = Path(tmp) / f"upload{i}{suffix}"
                path.write_bytes(up.data)
                try:
                    res = read_path(path, self.options.max_input_bytes)
                except InputError as exc:
                    skipped.append(f"{up.name}: {exc.problem}")
                    continue
                skipped += [f"{up.name}: {s.problem}" for s in res.skipped]
                for art in res.articles:
                    art.file = up.name if len(res.articles) == 1 else f"{up.name}#{len(arts) + 1}"
                    art.path = None
                    arts.append(art)
        return arts, skipped

    def add(self, arts: list[RawArticle], mode: Literal["cluster", "new"], progress: Callable[[str], None] | None = None) -> list[str]:
        """Store articles -- each into the story it belongs to (``cluster``) or all as one new story (``new``) -- and brief the stories they touched."""
        if not arts:
            raise InputError("upload", "no article could be read")
        stamp = time.time()
        stream = [
            StreamArticle(id=f"upload-{uuid.uuid4().hex[:12]}-{a.file or 'article'}", text=a.text, title=a.title, source=a.source, url=web_url(a.url),
                          published=datetime(a.published.year, a.published.month, a.published.day, 12, tzinfo=UTC).timestamp() if a.published else stamp)
            for a in arts
        ]  # fmt: skip
        settings = StreamSettings.from_mapping(self.options.section("stream"))
        with self._write:
            if mode == "cluster":
                touched: list[str] = []

                def on_assign(article: str, story: str) -> None:
                    if story not in touched:
                        touched.append(story)

                cluster_into_store(stream, self.store, settings, on_assign=on_assign)
            else:
                touched = [self._new_story(stream, settings)]
        for i, sid in enumerate(touched, 1):
            if progress is not None:
                progress(f"{len(arts)} article(s) stored; briefing story {i} of {len(touched)}")
            self.build(sid)
        return touched

    def _new_story(self, stream: list[StreamArticle], settings: StreamSettings) -> str:
        """All of ``stream`` as one new story; the clusterer state is saved after them so that a resumed run never replays them."""
        clusterer, seq = restore(self.store, settings, RunStats())
        sid = f"u{uuid.uuid4().hex[:12]}"
        recs = []
        for art in stream:
            recs.append(ArticleRecord(seq=seq, id=art.id, text=art.text, clean_text=art.text, story=sid, similarity=1.0,
                                      title=art.title, source=art.source, url=art.url, published=art.published))  # fmt: skip
            seq += 1
        self.store.write_batch(recs, (seq - 1, clusterer.state()))
        return sid

    def close(self) -> None:
        self.store.close()


MANIFEST_FIELDS = ("title", "source", "url", "published")


def read_manifest(up: Upload) -> dict[str, dict[str, str]]:
    """A sources manifest: for each file name, its ``title``, ``source``, ``url`` and ``published`` (YYYY-MM-DD).

    A ``.csv`` file with a header row naming a ``file`` column and any of those, or a ``.json``
    list of objects with the same keys. Raises :class:`InputError` when it cannot be read.
    """
    try:
        text = up.data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(up.name, "the manifest is not UTF-8 text") from exc
    rows: list[Any]
    if up.name.lower().endswith(".json"):
        try:
            rows = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(up.name, f"the manifest is not JSON ({exc.msg}, line {exc.lineno})") from exc
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise InputError(up.name, "a JSON manifest is a list of objects with a 'file' key")
    elif up.name.lower().endswith(".csv"):
        reader = csv.DictReader(io.StringIO(text))
        if not reader.fieldnames or "file" not in [f.strip().lower() for f in reader.fieldnames]:
            raise InputError(up.name, "a CSV manifest needs a header row with a 'file' column")
        rows = [{(k or "").strip().lower(): (v or "") for k, v in r.items()} for r in reader]
    else:
        raise InputError(up.name, "a manifest is a .csv or .json file")
    out: dict[str, dict[str, str]] = {}
    for r in rows:
        name = str(r.get("file") or "").replace("\\", "/").rsplit("/", 1)[-1].strip()
        if name:
            out[name] = {k: str(r[k]).strip() for k in MANIFEST_FIELDS if r.get(k) is not None and str(r[k]).strip()}
    if not out:
        raise InputError(up.name, "the manifest names no file")
    return out


def apply_manifest(arts: list[RawArticle], manifest: dict[str, dict[str, str]]) -> list[str]:
    """Fill each article's metadata from the manifest row of its file; one note per problem (unknown file, bad date)."""
    notes: list[str] = []
    used: set[str] = set()
    for art in arts:
        base = (art.file or "").split("#", 1)[0]
        row = manifest.get(base)
        if row is None:
            continue
        used.add(base)
        art.title = row.get("title") or art.title
        art.source = row.get("source") or art.source
        art.url = row.get("url") or art.url
        if row.get("published"):
            try:
                art.published = date.fromisoformat(row["published"][:10])
            except ValueError:
                notes.append(f"manifest: {base}: published {row['published']!r} is not a YYYY-MM-DD date (ignored)")
    notes += [f"manifest: {name} was not uploaded" for name in sorted(set(manifest) - used)]
    return notes


def web_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) address; anything else (``javascript:``, ``data:``, ...) is dropped, never linked."""
    if not url:
        return None
    url = url.strip()
    return url if re.match(r"(?i)https?://[^\s<>\"']+$", url) else None


def story_title(story: Story | None, info: StoryInfo | None = None) -> str:
    """A story's title: the brief's, else its first headline, else the store's."""
    given = getattr(story, "title", None) if story is not None else None
    if isinstance(given, str) and given.strip():
        return given
    heads = [d.title for d in story.documents if d.title] if story is not None else []
    return heads[0] if heads else (info.title if info and info.title else "Untitled story")


def readable(exc: Exception) -> str:
    """One line for a user."""
    return str(exc) if isinstance(exc, StorylineError) else f"unexpected {type(exc).__name__}: {exc}"
