"""The story store: articles, stories, assignments, briefs and the clusterer's state.

``Store("stories.db")`` is a SQLite file (WAL mode); ``Store("postgresql://user@host/db")``
is PostgreSQL through psycopg 3. Both get the same schema (:mod:`.schema`).
Every write of :meth:`Store.write_batch` is one transaction: articles, their
assignments, the stories they change and (optionally) the clusterer state
commit together or not at all, so a killed process never leaves an article
half-assigned or a story half-written.
"""

from __future__ import annotations

import json
import logging
import time
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, and_, bindparam, create_engine, event, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError

from ..ingest.read import RawArticle
from .schema import StoreError, articles, assignments, briefs, migrate, stories, stream_state

__all__ = ["ArticleRecord", "Store", "StoryInfo", "raw_articles", "store_url"]

log = logging.getLogger(__name__)

_IN_CHUNK = 500  # ids per IN (...) query


def store_url(url: str) -> str:
    """A SQLAlchemy URL for ``url``: a plain path is a SQLite file; postgresql:// uses psycopg 3."""
    if "://" not in url:
        return "sqlite:///" + str(Path(url).expanduser())
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


@dataclass
class ArticleRecord:
    """One article as stored, with the story it was assigned to."""

    seq: int
    id: str
    text: str
    clean_text: str
    story: str
    similarity: float = 0.0
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: float | None = None


def raw_articles(records: Iterable[ArticleRecord]) -> list[RawArticle]:
    """Stored articles as the pipeline reads them (what a brief of a stored story is built from)."""
    return [
        RawArticle(
            text=r.text, file=r.id, title=r.title, source=r.source, url=r.url, fmt="jsonl",
            published=datetime.fromtimestamp(r.published, UTC).date() if r.published is not None else None,
        )
        for r in records
    ]  # fmt: skip


@dataclass
class StoryInfo:
    id: str
    title: str | None
    first_seen: float | None
    last_seen: float | None
    articles: int
    outlets: int
    briefed_at: float | None
    stale: bool  # briefed, and articles were added since

    @property
    def needs_brief(self) -> bool:
        """Never briefed, or articles were added since its last brief."""
        return self.briefed_at is None or self.stale


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def _story_title(rec: ArticleRecord) -> str | None:
    if rec.title:
        return rec.title.strip()[:300]
    words = rec.clean_text.split()
    return (" ".join(words[:12]) + ("..." if len(words) > 12 else "")) or None


class Store:
    """A story store at ``url`` (created and migrated on first use)."""

    def __init__(self, url: str) -> None:
        self.url = url
        try:
            sa_url = make_url(store_url(url))
        except ArgumentError as exc:
            raise StoreError(f"--store {url!r}: not a database URL or file path ({exc})") from None
        self.dialect = sa_url.get_backend_name()
        if self.dialect == "sqlite" and sa_url.database and not Path(sa_url.database).parent.is_dir():
            raise StoreError(f"--store {url!r}: folder {Path(sa_url.database).parent} does not exist")
        try:
            self.engine: Engine = create_engine(sa_url)
        except Exception as exc:  # a missing driver, a malformed URL
            raise StoreError(f"--store {url!r}: {exc}") from None
        if self.dialect == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        try:
            with self.engine.begin() as conn:
                migrate(conn)
        except OperationalError as exc:
            raise StoreError(f"--store {url!r}: cannot open the database ({str(exc.orig).strip().splitlines()[0]})") from None

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading -------------------------------------------------------------

    def next_seq(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.coalesce(func.max(articles.c.seq), 0))).scalar_one()) + 1

    def stored(self, ids: Sequence[str]) -> dict[str, str]:
        """The story of each id in ``ids`` that is already stored."""
        out: dict[str, str] = {}
        uniq = sorted(set(ids))
        with self.engine.connect() as conn:
            for i in range(0, len(uniq), _IN_CHUNK):
                q = select(assignments.c.article_id, assignments.c.story_id).where(assignments.c.article_id.in_(uniq[i : i + _IN_CHUNK]))
                out.update({str(a): str(s) for a, s in conn.execute(q)})
        return out

    def load_state(self) -> tuple[int, dict[str, Any]] | None:
        """The latest clusterer state and the last article seq it includes."""
        with self.engine.connect() as conn:
            row = conn.execute(select(stream_state.c.seq, stream_state.c.state).where(stream_state.c.id == 1)).first()
        if row is None:
            return None
        return int(row[0]), json.loads(zlib.decompress(row[1]).decode("utf-8"))

    def articles_after(self, seq: int) -> Iterator[ArticleRecord]:
        """Stored articles with a seq above ``seq``, in seq order."""
        q = (
            select(articles, assignments.c.story_id, assignments.c.similarity)
            .join(assignments, assignments.c.article_id == articles.c.id)
            .where(articles.c.seq > seq)
            .order_by(articles.c.seq)
        )
        with self.engine.connect() as conn:
            for r in conn.execute(q):
                yield ArticleRecord(
                    seq=r.seq, id=r.id, text=r.text, clean_text=r.clean_text, story=r.story_id, similarity=r.similarity,
                    title=r.title, source=r.source, url=r.url, published=r.published,
                )  # fmt: skip

    def story_articles(self, story_id: str) -> list[ArticleRecord]:
        q = (
            select(articles, assignments.c.story_id, assignments.c.similarity)
            .join(assignments, assignments.c.article_id == articles.c.id)
            .where(assignments.c.story_id == story_id)
            .order_by(articles.c.seq)
        )
        with self.engine.connect() as conn:
            return [
                ArticleRecord(
                    seq=r.seq, id=r.id, text=r.text, clean_text=r.clean_text, story=r.story_id, similarity=r.similarity,
                    title=r.title, source=r.source, url=r.url, published=r.published,
                )
                for r in conn.execute(q)
            ]

    def stories(self, since: float | None = None, min_articles: int = 1, story_id: str | None = None) -> list[StoryInfo]:
        """Stories last seen at or after ``since`` with at least ``min_articles``, newest first."""
        outlets = (
            select(assignments.c.story_id, func.count(func.distinct(articles.c.source)).label("outlets"))
            .join(articles, articles.c.id == assignments.c.article_id)
            .group_by(assignments.c.story_id)
            .subquery()
        )
        q = (
            select(stories, outlets.c.outlets, briefs.c.built_at, briefs.c.last_seq.label("brief_seq"))
            .join(outlets, outlets.c.story_id == stories.c.id)
            .outerjoin(briefs, briefs.c.story_id == stories.c.id)
            .where(stories.c.articles >= min_articles)
        )
        if since is not None:
            q = q.where(stories.c.last_seen >= since)
        if story_id is not None:
            q = q.where(stories.c.id == story_id)
        q = q.order_by(stories.c.last_seen.desc(), stories.c.id)
        with self.engine.connect() as conn:
            return [
                StoryInfo(
                    id=r.id, title=r.title, first_seen=r.first_seen, last_seen=r.last_seen, articles=r.articles, outlets=int(r.outlets),
                    briefed_at=r.built_at, stale=r.built_at is not None and r.brief_seq != r.last_seq,
                )
                for r in conn.execute(q)
            ]

    def brief_json(self, story_id: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(select(briefs.c.story_json).where(briefs.c.story_id == story_id)).scalar()

    # -- writing -------------------------------------------------------------

    def write_batch(self, records: Sequence[ArticleRecord], state: tuple[int, dict[str, Any]] | None = None) -> None:
        """Store ``records`` and their assignments (and the clusterer ``state``) in one transaction."""
        if not records and state is None:
            return
        per_story: dict[str, list[ArticleRecord]] = {}
        for rec in records:
            per_story.setdefault(rec.story, []).append(rec)
        with self.engine.begin() as conn:
            if records:
                conn.execute(
                    articles.insert(),
                    [
                        {"seq": r.seq, "id": r.id, "title": r.title, "source": r.source, "url": r.url, "published": r.published,
                         "text": r.text, "clean_text": r.clean_text}
                        for r in records
                    ],
                )  # fmt: skip
                known: dict[str, tuple[float | None, float | None]] = {}
                ids = sorted(per_story)
                for i in range(0, len(ids), _IN_CHUNK):
                    q = select(stories.c.id, stories.c.first_seen, stories.c.last_seen).where(stories.c.id.in_(ids[i : i + _IN_CHUNK]))
                    known.update({str(r.id): (r.first_seen, r.last_seen) for r in conn.execute(q)})
                new_rows, upd_rows = [], []
                for sid in ids:
                    recs = per_story[sid]
                    times = [r.published for r in recs if r.published is not None]
                    if sid in known:
                        first, last = known[sid]
                        times += [t for t in (first, last) if t is not None]
                        upd_rows.append({"sid": sid, "n": len(recs), "first": min(times, default=None), "last": max(times, default=None), "seq": recs[-1].seq})
                    else:
                        new_rows.append({"id": sid, "title": _story_title(recs[0]), "first_seen": min(times, default=None),
                                         "last_seen": max(times, default=None), "articles": len(recs), "last_seq": recs[-1].seq})  # fmt: skip
                if new_rows:
                    conn.execute(stories.insert(), new_rows)
                if upd_rows:
                    conn.execute(
                        stories.update()
                        .where(stories.c.id == bindparam("sid"))
                        .values(articles=stories.c.articles + bindparam("n"), first_seen=bindparam("first"), last_seen=bindparam("last"), last_seq=bindparam("seq")),
                        upd_rows,
                    )
                conn.execute(
                    assignments.insert(),
                    [{"article_id": r.id, "story_id": r.story, "seq": r.seq, "similarity": r.similarity} for r in records],
                )
            if state is not None:
                blob = zlib.compress(json.dumps(state[1], separators=(",", ":")).encode("utf-8"), 6)
                conn.execute(stream_state.delete())
                conn.execute(stream_state.insert().values(id=1, seq=state[0], state=blob))

    def save_brief(self, story_id: str, story_json: str, built_from: Sequence[ArticleRecord]) -> None:
        """Save the latest report of ``story_id``, built from the articles ``built_from``, with the time it was built.

        The brief is stale as soon as the story's last article is not the last of ``built_from``.
        """
        with self.engine.begin() as conn:
            if conn.execute(select(stories.c.id).where(stories.c.id == story_id)).first() is None:
                raise StoreError(f"no story {story_id!r} in the store")
            last = max((r.seq for r in built_from), default=0)
            conn.execute(briefs.delete().where(briefs.c.story_id == story_id))
            conn.execute(
                briefs.insert().values(story_id=story_id, built_at=time.time(), articles=len(built_from), last_seq=last, story_json=story_json)
            )

    # -- integrity -----------------------------------------------------------

    def check(self) -> list[str]:
        """Problems found in the store (empty when consistent): every article assigned exactly once, counts agree."""
        problems: list[str] = []
        with self.engine.connect() as conn:
            n_art = conn.execute(select(func.count()).select_from(articles)).scalar_one()
            n_asg = conn.execute(select(func.count()).select_from(assignments)).scalar_one()
            if n_art != n_asg:
                problems.append(f"{n_art} articles but {n_asg} assignments")
            unassigned = conn.execute(
                select(func.count()).select_from(articles.outerjoin(assignments, assignments.c.article_id == articles.c.id)).where(assignments.c.article_id.is_(None))
            ).scalar_one()
            if unassigned:
                problems.append(f"{unassigned} articles without an assignment")
            counts = select(assignments.c.story_id, func.count().label("n")).group_by(assignments.c.story_id).subquery()
            bad = conn.execute(
                select(func.count()).select_from(stories.outerjoin(counts, counts.c.story_id == stories.c.id)).where(
                    func.coalesce(counts.c.n, 0) != stories.c.articles
                )
            ).scalar_one()
            if bad:
                problems.append(f"{bad} stories whose article count disagrees with their assignments")
            gaps = conn.execute(select(func.count(), func.coalesce(func.max(articles.c.seq), 0))).first()
            if gaps is not None and gaps[0] != gaps[1]:
                problems.append(f"article sequence has gaps ({gaps[0]} articles, last seq {gaps[1]})")
            st = conn.execute(select(stream_state.c.seq)).scalar()
            if st is not None and st > (gaps[1] if gaps is not None else 0):
                problems.append("clusterer state is ahead of the stored articles")
            dangling = conn.execute(
                select(func.count()).select_from(briefs.outerjoin(stories, and_(stories.c.id == briefs.c.story_id))).where(stories.c.id.is_(None))
            ).scalar_one()
            if dangling:
                problems.append(f"{dangling} briefs of unknown stories")
        return problems

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {
                "articles": int(conn.execute(select(func.count()).select_from(articles)).scalar_one()),
                "stories": int(conn.execute(select(func.count()).select_from(stories)).scalar_one()),
                "briefs": int(conn.execute(select(func.count()).select_from(briefs)).scalar_one()),
            }


def iter_chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for it in items:
        chunk.append(it)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
