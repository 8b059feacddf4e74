"""The clusterer's per-article features computed ahead (a prefetch) give the assignments of computing them inline."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import ModuleType

import pytest

from storyline.store.store import Store
from storyline.stream.cluster import StreamSettings
from storyline.stream.features import ArticleFeatures, featurize
from storyline.stream.run import FeatureFailure, Prepared, RunStats, StreamArticle, cluster_into_store, parse_time

# Page furniture repeated in every article: after a while the clusterer drops it as boilerplate,
# so the features computed ahead (on every sentence) cannot be used as they are for those articles.
FURNITURE = "Sign up for our daily newsletter to get the top stories in your inbox every morning."
SETTINGS = StreamSettings(warmup=50.0, boiler_age_hours=12.0)


def _stream(synth: ModuleType, n: int = 60) -> list[StreamArticle]:
    rows = synth.stream(n, per_story=3, seed=5, hours_apart=4.0)
    return [StreamArticle(id=r["id"], text=f"{r['text']} {FURNITURE}", published=parse_time(r["published"])) for r in rows]


def _store_rows(url: str) -> list[tuple[str, str, float, str]]:
    with Store(url) as st:
        return [(r.id, r.story, round(r.similarity, 12), r.clean_text) for r in st.articles_after(0)]


def _run(tmp: Path, name: str, arts: list[StreamArticle], **kw: object) -> tuple[RunStats, dict[str, str], str]:
    url = str(tmp / f"{name}.db")
    got: dict[str, str] = {}
    with Store(url) as st:
        stats = cluster_into_store(arts, st, SETTINGS, batch=7, on_assign=got.__setitem__, **kw)  # type: ignore[arg-type]
        assert st.check() == []
    return stats, got, url


def _ahead(features: Callable[[str], ArticleFeatures], calls: list[str]) -> Callable[..., Iterator[tuple[list[StreamArticle], Prepared]]]:
    """A prefetch that reads every chunk first (as far ahead as it can), skipping the ids already stored."""

    def prefetch(chunks: Iterator[list[StreamArticle]], stored: Callable[[Sequence[str]], dict[str, str]]) -> Iterator[tuple[list[StreamArticle], Prepared]]:
        done = []
        for chunk in chunks:
            known = stored([a.id for a in chunk])
            prepared: Prepared = []
            for a in chunk:
                if a.id in known:
                    prepared.append(None)
                    continue
                calls.append(a.id)
                try:
                    prepared.append(features(a.text))
                except ValueError as exc:
                    prepared.append(FeatureFailure(f"{type(exc).__name__}: {exc}"))
            done.append((chunk, prepared))
        yield from done

    return prefetch


def test_features_ahead_give_the_assignments_and_store_of_inline_features(synth: ModuleType, tmp_path: Path) -> None:
    arts = _stream(synth)
    _, inline, url_a = _run(tmp_path, "inline", arts)
    calls: list[str] = []
    _, ahead, url_b = _run(tmp_path, "ahead", arts, prefetch=_ahead(featurize, calls))
    assert calls == [a.id for a in arts]
    assert ahead == inline
    rows = _store_rows(url_b)
    assert rows == _store_rows(url_a)
    assert len(set(ahead.values())) > 20  # many stories, not one
    assert any(FURNITURE not in clean for *_, clean in rows)  # the boilerplate path was taken ...
    assert any(FURNITURE in clean for *_, clean in rows)  # ... and the common one


def _poisoned(text: str) -> ArticleFeatures:
    if "POISON" in text:
        raise ValueError("cannot featurize this one")
    return featurize(text)


@pytest.mark.parametrize("ahead", [False, True])
def test_a_poisoned_article_is_reported_and_skipped_and_the_rest_is_unchanged(
    synth: ModuleType, tmp_path: Path, ahead: bool, caplog: pytest.LogCaptureFixture
) -> None:
    arts = _stream(synth)
    clean = [a for i, a in enumerate(arts) if i not in (3, 40)]
    poisoned = list(arts)
    for i in (3, 40):
        poisoned[i] = StreamArticle(id=arts[i].id, text=arts[i].text + " POISON", published=arts[i].published)
    _, ref, url_ref = _run(tmp_path, "ref", clean)
    kw: dict[str, object] = {"prefetch": _ahead(_poisoned, [])} if ahead else {"features": _poisoned}
    with caplog.at_level("WARNING", logger="storyline.stream.run"):
        stats, got, url = _run(tmp_path, "poisoned", poisoned, **kw)
    assert stats.failed == 2 and stats.assigned == len(clean)
    assert got == ref
    assert _store_rows(url) == _store_rows(url_ref)
    assert [r.getMessage() for r in caplog.records] == [
        f"article {arts[i].id} skipped: its features failed (ValueError: cannot featurize this one)" for i in (3, 40)
    ]


def test_a_resumed_run_featurizes_only_what_is_not_stored(synth: ModuleType, tmp_path: Path) -> None:
    arts = _stream(synth)
    _, ref, _ = _run(tmp_path, "ref", arts)
    url = str(tmp_path / "resumed.db")
    with Store(url) as st:
        cluster_into_store(arts[:50], st, SETTINGS, batch=7, snapshot_every=20)
    calls: list[str] = []
    got: dict[str, str] = {}
    with Store(url) as st:
        stats = cluster_into_store(arts, st, SETTINGS, batch=7, on_assign=got.__setitem__, prefetch=_ahead(featurize, calls))
    assert stats.skipped_stored == 50
    assert calls == [a.id for a in arts[50:]]
    assert got == ref
