from __future__ import annotations

from pathlib import Path
from types import ModuleType

from storyline.store.store import Store, store_url
from storyline.stream.cluster import StreamSettings
from storyline.stream.features import ArticleFeatures, featurize
from storyline.stream.run import StreamArticle, cluster_into_store, parse_time


def _articles(rows: list[dict[str, str]]) -> list[StreamArticle]:
    return [StreamArticle(id=r["id"], text=r["text"], published=parse_time(r["published"])) for r in rows]


def test_features_made_elsewhere_give_the_same_assignments(synth: ModuleType, tmp_path: Path) -> None:
    rows = synth.stream(12, per_story=3, seed=4)
    settings = StreamSettings(warmup=50.0)
    here: dict[str, str] = {}
    with Store(store_url(str(tmp_path / "a.db"))) as st:
        cluster_into_store(_articles(rows), st, settings, batch=5, on_assign=here.__setitem__)
    seen: list[int] = []

    def remote(texts: list[str]) -> list[ArticleFeatures]:  # what a worker pool would do, in order
        seen.append(len(texts))
        return [featurize(t) for t in texts]

    there: dict[str, str] = {}
    with Store(store_url(str(tmp_path / "b.db"))) as st:
        cluster_into_store(_articles(rows[:10]), st, settings, batch=5, featurize_batch=remote)
        seen.clear()
        cluster_into_store(_articles(rows), st, settings, batch=5, featurize_batch=remote, on_assign=there.__setitem__)
    assert there == here
    assert sum(seen) == len(rows) - 10  # stored articles are not featurized again
