"""``storyline cluster`` with its per-article features computed on Dask workers: the same assignments as one process.

The cluster is real (worker processes on localhost). Featurizers that
misbehave on purpose are pickled by value, so the workers need not import
this module. A task that keeps killing its workers is played by a stand-in
client (real worker deaths and Dask's retries are exercised by
test_runner.py): killing real workers here made the cluster's shutdown hang
now and then on the loaded test machine.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import cloudpickle
import pytest

from storyline.batch.features import DaskPrefetch
from storyline.store.store import Store
from storyline.stream.cluster import StreamSettings
from storyline.stream.features import ArticleFeatures, featurize
from storyline.stream.run import RunStats, StreamArticle, cluster_into_store, parse_time

cloudpickle.register_pickle_by_value(sys.modules[__name__])

FURNITURE = "Sign up for our daily newsletter to get the top stories in your inbox every morning."
SETTINGS = StreamSettings(warmup=50.0, boiler_age_hours=12.0)
ROOT = Path(__file__).resolve().parents[2]


def _load_synth() -> ModuleType:
    import importlib.util

    spec = importlib.util.spec_from_file_location("storyline_test_synth", ROOT / "tests" / "stream" / "synth.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _rows(n: int = 50) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = _load_synth().stream(n, per_story=3, seed=9, hours_apart=4.0)
    return [{**r, "text": f"{r['text']} {FURNITURE}"} for r in rows]


def _articles(rows: list[dict[str, str]]) -> list[StreamArticle]:
    return [StreamArticle(id=r["id"], text=r["text"], published=parse_time(r["published"])) for r in rows]


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None)
    c = Client(cluster)
    yield c
    c.close()
    cluster.close()


def _cluster(url: str, arts: list[StreamArticle], prefetch: DaskPrefetch | None = None) -> tuple[RunStats, dict[str, str], list[tuple[str, str, float, str]]]:
    got: dict[str, str] = {}
    with Store(url) as st:
        stats = cluster_into_store(arts, st, SETTINGS, batch=7, snapshot_every=20, on_assign=got.__setitem__, prefetch=prefetch)
        assert st.check() == []
        rows = [(r.id, r.story, r.similarity, r.clean_text) for r in st.articles_after(0)]
    return stats, got, rows


# -- featurizers that misbehave -----------------------------------------------------------------


def _poisoned(text: str) -> ArticleFeatures:
    if "POISON" in text:
        raise ValueError("cannot featurize this one")
    return featurize(text)


def _logged(log: str) -> object:
    def features(text: str) -> ArticleFeatures:
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(text.split(".")[0] + "\n")
        return featurize(text)

    return features


# -- tests ------------------------------------------------------------------------------------


def test_features_on_the_workers_give_the_single_process_assignments(tmp_path: Path, client: object) -> None:
    arts = _articles(_rows())
    _, ref, ref_rows = _cluster(str(tmp_path / "one.db"), arts)
    prefetch = DaskPrefetch(client, task_articles=5, ahead_articles=30)  # type: ignore[arg-type]
    stats, got, rows = _cluster(str(tmp_path / "dask.db"), arts, prefetch)
    assert prefetch.tasks >= len(arts) // 5 and prefetch.failed_tasks == 0
    assert list(got.items()) == list(ref.items())  # same stories, reported in the same (input) order
    assert rows == ref_rows  # same stories, similarities and clustered text in the store
    assert stats.assigned == len(arts) and stats.failed == 0
    assert any(FURNITURE not in clean for *_, clean in rows)  # boilerplate was dropped for some articles


def test_a_poisoned_article_is_reported_and_skipped(tmp_path: Path, client: object, caplog: pytest.LogCaptureFixture) -> None:
    arts = _articles(_rows(30))
    clean = [a for i, a in enumerate(arts) if i != 4]
    mixed = [StreamArticle(id=a.id, text=f"{a.text} POISON", published=a.published) if i == 4 else a for i, a in enumerate(arts)]
    _, ref, ref_rows = _cluster(str(tmp_path / "one.db"), clean)
    prefetch = DaskPrefetch(client, task_articles=4, ahead_articles=16, features=_poisoned)  # type: ignore[arg-type]
    with caplog.at_level("WARNING", logger="storyline.stream.run"):
        stats, got, rows = _cluster(str(tmp_path / "dask.db"), mixed, prefetch)
    assert stats.failed == 1 and stats.assigned == len(clean)
    assert got == ref and rows == ref_rows
    assert [r.getMessage() for r in caplog.records] == [f"article {arts[4].id} skipped: its features failed (ValueError: cannot featurize this one)"]


class KilledWorker(Exception):  # named as Dask's, which the prefetch recognizes by name
    pass


class _Future:
    def __init__(self, value: object = None, error: Exception | None = None) -> None:
        self.value, self.error = value, error

    def result(self) -> object:
        if self.error is not None:
            raise self.error
        return self.value

    def cancel(self) -> None:
        pass


class _FakeClient:
    """Runs each task here; a task holding a KILLER article fails as one that kept killing its workers would."""

    def __init__(self) -> None:
        self.sizes: list[int] = []

    def submit(self, fn: Callable[..., object], features: object, texts: list[str], pure: bool = False) -> _Future:
        self.sizes.append(len(texts))
        if any("KILLER" in t for t in texts):
            return _Future(error=KilledWorker("worker died"))
        return _Future(fn(features, texts))


def test_a_task_that_kills_its_workers_is_split_and_only_the_killer_is_skipped(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    arts = _articles(_rows(30))
    clean = [a for i, a in enumerate(arts) if i != 11]
    mixed = [StreamArticle(id=a.id, text=f"{a.text} KILLER", published=a.published) if i == 11 else a for i, a in enumerate(arts)]
    _, ref, ref_rows = _cluster(str(tmp_path / "one.db"), clean)
    fake = _FakeClient()
    prefetch = DaskPrefetch(fake, task_articles=4, ahead_articles=16, retries=1)  # type: ignore[arg-type]
    with caplog.at_level("WARNING", logger="storyline.stream.run"):
        stats, got, rows = _cluster(str(tmp_path / "dask.db"), mixed, prefetch)
    assert stats.failed == 1 and got == ref and rows == ref_rows
    assert prefetch.failed_tasks == 1 and fake.sizes.count(1) >= 3  # the killer's task, then its articles one by one
    assert [r.getMessage() for r in caplog.records] == [f"article {arts[11].id} skipped: its features failed (killed its worker 2 times)"]


def test_a_resumed_run_sends_only_the_articles_not_stored(tmp_path: Path, client: object) -> None:
    arts = _articles(_rows(30))
    _, ref, _ = _cluster(str(tmp_path / "one.db"), arts)
    url = str(tmp_path / "resumed.db")
    _cluster(url, arts[:40])
    log = tmp_path / "featurized.log"
    prefetch = DaskPrefetch(client, task_articles=4, ahead_articles=16, features=_logged(str(log)))  # type: ignore[arg-type]
    stats, got, _ = _cluster(url, arts, prefetch)
    assert stats.skipped_stored == 40
    assert got == ref
    assert sorted(log.read_text(encoding="utf-8").splitlines()) == sorted(a.text.split(".")[0] for a in arts[40:])


def test_the_cluster_command_on_dask_matches_the_single_process_command(tmp_path: Path, client: object) -> None:
    stream = tmp_path / "stream.jsonl"
    stream.write_text("".join(json.dumps(r) + "\n" for r in _rows(40)), encoding="utf-8")

    def run(name: str, *extra: str) -> subprocess.CompletedProcess[str]:
        cmd = [sys.executable, "-m", "storyline", "cluster", str(stream), "--store", str(tmp_path / f"{name}.db"), "--out", str(tmp_path / f"{name}.jsonl")]
        proc = subprocess.run([*cmd, "--batch", "9", *extra], capture_output=True, text=True, timeout=600, check=False)
        assert proc.returncode == 0, proc.stderr[-2000:]
        return proc

    one = run("one")
    address = client.scheduler.address  # type: ignore[attr-defined]
    on_dask = run("dask", "--scheduler", address)
    assert (tmp_path / "dask.jsonl").read_bytes() == (tmp_path / "one.jsonl").read_bytes()
    assert on_dask.stdout == one.stdout.replace("one.jsonl", "dask.jsonl")
    again = run("dask", "--scheduler", address)  # resumes: everything is stored already
    assert "0 articles assigned" in again.stdout and "120 already stored (skipped)" in again.stdout


def test_a_local_cluster_for_the_cluster_command_prints_its_dashboard(tmp_path: Path) -> None:
    pytest.importorskip("bokeh", reason="the Dask dashboard needs bokeh")
    stream = tmp_path / "stream.jsonl"
    stream.write_text("".join(json.dumps(r) + "\n" for r in _rows(5)), encoding="utf-8")
    cmd = [sys.executable, "-m", "storyline", "cluster", str(stream), "--store", str(tmp_path / "s.db"), "--workers", "1"]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stderr.startswith("storyline: Dask dashboard at http://127.0.0.1:"), proc.stderr[-2000:]
    assert "15 articles assigned" in proc.stdout
