"""The store's tables (SQLAlchemy Core) and its versioned migrations.

One schema for SQLite and PostgreSQL. ``schema_version`` holds the version
the database is at; :func:`migrate` applies the missing steps in order, each
in its own transaction, and refuses a database newer than this code.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    inspect,
    select,
)

from ..errors import StorylineError

__all__ = ["SCHEMA_VERSION", "StoreError", "metadata", "migrate"]


class StoreError(StorylineError):
    """The story store cannot be opened, is inconsistent, or lacks what was asked."""


metadata = MetaData()

schema_version = Table("schema_version", metadata, Column("version", Integer, primary_key=True))

articles = Table(
    "articles",
    metadata,
    Column("seq", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=False),
    Column("id", String(512), nullable=False, unique=True),
    Column("title", Text),
    Column("source", String(256)),
    Column("url", Text),
    Column("published", Float),  # POSIX seconds, UTC; NULL when unknown
    Column("text", Text, nullable=False),
    Column("clean_text", Text, nullable=False),
)

stories = Table(
    "stories",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("title", Text),
    Column("first_seen", Float),
    Column("last_seen", Float),
    Column("articles", Integer, nullable=False),
    Column("last_seq", BigInteger, nullable=False),  # seq of the last article assigned
)

assignments = Table(
    "assignments",
    metadata,
    Column("article_id", String(512), ForeignKey("articles.id"), primary_key=True),
    Column("story_id", String(32), ForeignKey("stories.id"), nullable=False),
    Column("seq", BigInteger, nullable=False, unique=True),
    Column("similarity", Float, nullable=False),
    Index("ix_assignments_story", "story_id"),
)

briefs = Table(
    "briefs",
    metadata,
    Column("story_id", String(32), ForeignKey("stories.id"), primary_key=True),
    Column("built_at", Float, nullable=False),
    Column("articles", Integer, nullable=False),
    Column("last_seq", BigInteger, nullable=False),
    Column("story_json", Text, nullable=False),
)

stream_state = Table(
    "stream_state",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("seq", BigInteger, nullable=False),  # the last article seq the state includes
    Column("state", LargeBinary, nullable=False),  # zlib-compressed JSON of Clusterer.state()
)


def _v1(conn: Connection) -> None:
    metadata.create_all(conn, tables=[articles, stories, assignments, briefs, stream_state])


# Step N brings a database from version N-1 to N. Append, never edit.
MIGRATIONS: list[Callable[[Connection], None]] = [_v1]
SCHEMA_VERSION = len(MIGRATIONS)


def current_version(conn: Connection) -> int:
    if not inspect(conn).has_table("schema_version"):
        return 0
    return int(conn.execute(select(schema_version.c.version)).scalar() or 0)


def migrate(conn: Connection) -> int:
    """Bring the database on ``conn`` to :data:`SCHEMA_VERSION`; return the version it was at."""
    was = current_version(conn)
    if was > SCHEMA_VERSION:
        raise StoreError(f"the store is at schema version {was}, newer than this storyline ({SCHEMA_VERSION}): upgrade storyline")
    if was == 0:
        schema_version.create(conn, checkfirst=True)
    for version in range(was + 1, SCHEMA_VERSION + 1):
        MIGRATIONS[version - 1](conn)
        conn.execute(schema_version.delete())
        conn.execute(schema_version.insert().values(version=version))
    return was
