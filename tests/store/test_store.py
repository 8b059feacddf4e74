from __future__ import annotations

from types import ModuleType

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from storyline.store.schema import SCHEMA_VERSION, StoreError, current_version, schema_version
from storyline.store.store import ArticleRecord, Store, store_url
from storyline.stream.cluster import StreamSettings
from storyline.stream.run import RunStats, StreamArticle, cluster_into_store, parse_time

DAY = 86400.0


def _rec(seq: int, story: str, source: str | None = "Outlet A", published: float | None = 1000.0, title: str | None = None) -> ArticleRecord:
    return ArticleRecord(seq=seq, id=f"x{seq}", text=f"Body {seq}.", clean_text=f"Body {seq}.", story=story, source=source, published=published, title=title)


def _articles(rows: list[dict[str, str]]) -> list[StreamArticle]:
    return [StreamArticle(id=r["id"], text=r["text"], published=parse_time(r["published"]), source=f"outlet{len(r['id']) % 3}") for r in rows]


def test_a_new_store_is_at_the_current_schema_version(store_url: str) -> None:
    with Store(store_url) as st:
        with st.engine.connect() as conn:
            assert current_version(conn) == SCHEMA_VERSION
        assert st.next_seq() == 1
        assert st.counts() == {"articles": 0, "stories": 0, "briefs": 0}
    with Store(store_url) as st, st.engine.connect() as conn:  # reopening migrates nothing and keeps the version
        assert current_version(conn) == SCHEMA_VERSION


def test_a_store_newer_than_the_code_is_refused(store_url: str) -> None:
    with Store(store_url) as st, st.engine.begin() as conn:
        conn.execute(schema_version.update().values(version=SCHEMA_VERSION + 1))
    with pytest.raises(StoreError, match="newer"):
        Store(store_url)


def test_batches_update_stories_and_listing(store_url: str) -> None:
    with Store(store_url) as st:
        st.write_batch([_rec(1, "s1", published=5 * DAY, title="Harbour opens"), _rec(2, "s2", "Outlet B", 1 * DAY), _rec(3, "s1", "Outlet B", 6 * DAY)])
        st.write_batch([_rec(4, "s1", "Outlet A", 4 * DAY), _rec(5, "s3", None, None)])
        rows = {r.id: r for r in st.stories()}
        assert set(rows) == {"s1", "s2", "s3"}
        s1 = rows["s1"]
        assert (s1.articles, s1.outlets, s1.first_seen, s1.last_seen, s1.title) == (3, 2, 4 * DAY, 6 * DAY, "Harbour opens")
        assert rows["s3"].outlets == 0 and rows["s3"].title == "Body 5."
        assert [r.id for r in st.stories(min_articles=2)] == ["s1"]
        assert [r.id for r in st.stories(since=2 * DAY)] == ["s1"]
        assert st.stored(["x1", "x5", "nope"]) == {"x1": "s1", "x5": "s3"}
        assert [r.seq for r in st.story_articles("s1")] == [1, 3, 4]
        assert st.check() == []


def test_a_failing_batch_writes_nothing(store_url: str) -> None:
    with Store(store_url) as st:
        st.write_batch([_rec(1, "s1")])
        bad = [_rec(2, "s1"), _rec(3, "s2"), ArticleRecord(seq=4, id="x1", text="again", clean_text="again", story="s2")]
        with pytest.raises(IntegrityError):
            st.write_batch(bad, (4, {"any": "state"}))
        assert st.counts()["articles"] == 1
        assert st.stories()[0].articles == 1 and len(st.stories()) == 1
        assert st.load_state() is None
        assert st.check() == []


def test_check_finds_an_unassigned_article(store_url: str) -> None:
    with Store(store_url) as st:
        st.write_batch([_rec(1, "s1"), _rec(2, "s1")])
        with st.engine.begin() as conn:
            conn.execute(text("DELETE FROM assignments WHERE article_id = 'x2'"))
        problems = st.check()
        assert any("without an assignment" in p for p in problems)
        assert any("count disagrees" in p for p in problems)


def test_a_brief_goes_stale_when_its_story_grows(store_url: str) -> None:
    with Store(store_url) as st:
        st.write_batch([_rec(1, "s1"), _rec(2, "s1")])
        st.save_brief("s1", '{"documents": []}', st.story_articles("s1"))
        (info,) = st.stories()
        assert info.briefed_at is not None and not info.stale
        assert st.brief_json("s1") == '{"documents": []}'
        st.write_batch([_rec(3, "s1")])
        assert st.stories()[0].stale
        with pytest.raises(StoreError, match="no story"):
            st.save_brief("s9", "{}", [])


def test_resuming_gives_the_assignments_of_one_run_and_skips_stored_ids(store_url: str, synth: ModuleType, tmp_path: object) -> None:
    rows = synth.stream(40, per_story=3, seed=5)
    settings = StreamSettings()
    whole: dict[str, str] = {}
    with Store(str(tmp_path) + "/whole.db") as ref:  # type: ignore[operator]
        cluster_into_store(_articles(rows), ref, settings, batch=7, snapshot_every=20, on_assign=whole.__setitem__)
    got: dict[str, str] = {}
    with Store(store_url) as st:
        cluster_into_store(_articles(rows[:50]), st, settings, batch=7, snapshot_every=20)
        stats = RunStats()
        cluster_into_store(_articles(rows), st, settings, batch=7, snapshot_every=20, on_assign=got.__setitem__, stats=stats)
        assert stats.skipped_stored == 50 and stats.assigned == len(rows) - 50
        assert stats.replayed == 0  # a run that ends saves the state of its last article
        assert got == whole
        assert st.check() == []
        assert st.counts()["articles"] == len(rows)


def test_store_url() -> None:
    assert store_url("stories.db").startswith("sqlite:///")
    assert store_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert store_url("sqlite:///x.db") == "sqlite:///x.db"
    with pytest.raises(StoreError, match="does not exist"):
        Store("/no/such/folder/stories.db")
