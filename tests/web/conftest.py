"""A small store of hand-written articles for the web app tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from storyline.store.store import ArticleRecord, Store
from storyline.stream.cluster import StreamSettings
from storyline.stream.run import RunStats, StreamArticle, restore

HARBOUR = (
    "Harbour Strike Ends After Nine Days\n\nPORTVALE - Dock workers in Portvale voted on Sunday to end a nine-day strike "
    "over pay, the dockers' union said. \u201cWe won what we came for,\u201d said Mara Lind, the union's leader. The port "
    "authority said container ships would move again by Tuesday.\n\nThe strike had left 40 ships waiting outside Portvale harbour."
)
HARBOUR_2 = (
    "Portvale Dockers Accept Pay Offer\n\nThe Portvale dock strike is over: union members accepted a pay offer on Sunday, "
    "union leader Mara Lind said, after nine days in which 40 ships waited outside the harbour. The port authority "
    "expects container traffic to resume by Tuesday."
)
STORM = (
    "Storm Cuts Power to Northvale\n\nAbout 30,000 homes in Northvale lost power overnight as a winter storm brought down "
    "lines, the utility Northgrid said on Friday. Crews expect to restore most lines by next week, Northgrid said."
)


def articles(now: float = 1_700_000_000.0) -> list[StreamArticle]:
    return [
        StreamArticle(id="h1", text=HARBOUR, title="Harbour Strike Ends After Nine Days", source="Portvale Post", published=now),
        StreamArticle(id="s1", text=STORM, title="Storm Cuts Power to Northvale", source="Northvale News", published=now + 60),
        StreamArticle(id="h2", text=HARBOUR_2, title="Portvale Dockers Accept Pay Offer", source="Coast Wire", published=now + 120),
    ]


def put(store: Store, story: str, arts: list[StreamArticle]) -> None:
    """Store ``arts`` as articles of ``story`` (whatever the clusterer would say), with a state snapshot after them."""
    clusterer, seq = restore(store, StreamSettings(), RunStats())
    recs = []
    for a in arts:
        recs.append(ArticleRecord(seq=seq, id=a.id, text=a.text, clean_text=a.text, story=story, title=a.title, source=a.source, published=a.published))
        seq += 1
    store.write_batch(recs, (seq - 1, clusterer.state()))


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(str(tmp_path / "stories.db"))
    h1, s1, h2 = articles()
    put(s, "harbour", [h1])
    put(s, "storm", [s1])
    put(s, "harbour", [h2])
    yield s
    s.close()
