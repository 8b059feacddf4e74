"""Batches on real Dask clusters: faults recorded, killed workers survived, re-runs resume, a separate scheduler.

The clusters are real (processes on localhost). Tasks that misbehave on
purpose (sleep, kill their own worker) are injected through ``run_batch``'s
``task`` argument and pickled by value, so worker processes need not import
this test module.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import cloudpickle
import pytest

from storyline.batch import BatchItem, ItemResult, items_from, run_batch
from storyline.batch.runner import FAILED_FILE
from storyline.settings import Options, load_options

cloudpickle.register_pickle_by_value(sys.modules[__name__])

STORIES = {
    "harbour": [
        "Harbour Strike Ends\n\nDock workers in Portvale voted on Sunday to end a nine-day strike, the union said. "
        "Ships will move again by Tuesday, the port authority said.\n",
        "Portvale Dockers Return\n\nThe Portvale dock strike is over after workers accepted a pay offer on Sunday, "
        "union leader Mara Lind said.\n",
    ],
    "storm": [
        "Storm Cuts Power\n\nAbout 30,000 homes lost power overnight in Northvale, officials said on Friday. "
        "Crews expect to restore most lines next week.\n",
    ],
    "bridge": [
        "Bridge Reopens\n\nThe Elm Street bridge reopened on Monday after two years of repairs, the city council said.\n",
    ],
}


def _jsonl(tmp: Path, extra: list[str] | None = None) -> Path:
    path = tmp / "stories.jsonl"
    lines = [json.dumps({"id": k, "documents": v}) for k, v in STORIES.items()] + (extra or [])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    import dask
    from distributed import Client, LocalCluster

    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None)
    c = Client(cluster)
    yield c
    c.close()
    cluster.close()


@pytest.fixture(scope="module")
def options() -> Options:
    return load_options(formats=["json", "md"])


# -- injected tasks ---------------------------------------------------------------------------


def _slow_task(item: BatchItem, out_dir: str, options: Options) -> ItemResult:
    """Write a one-file output atomically after a pause, and log each run."""
    with open(Path(out_dir).parent / "runs.log", "a", encoding="utf-8") as log:
        log.write(f"start {item.id} {os.getpid()}\n")
    time.sleep(0.4)
    tmp = Path(out_dir) / f".partial-{item.id}-{os.getpid()}"
    tmp.mkdir()
    (tmp / "story.json").write_text(json.dumps({"id": item.id}), encoding="utf-8")
    try:
        os.rename(tmp, Path(out_dir) / item.id)
    except OSError:
        shutil.rmtree(tmp)
    return ItemResult(item.id, "done")


def _bomb_task(item: BatchItem, out_dir: str, options: Options) -> ItemResult:
    if item.id == "bomb":
        os._exit(3)  # kills the worker process, every time
    return _slow_task(item, out_dir, options)


# -- tests ------------------------------------------------------------------------------------


def test_a_poisoned_line_fails_alone_and_a_rerun_redoes_nothing_finished(tmp_path: Path, client: object, options: Options) -> None:
    src = _jsonl(tmp_path, ['{"id": "poison", "documents": [', json.dumps({"id": "empty", "documents": ["   "]})])
    out = tmp_path / "out"
    first = run_batch(items_from(src), out, options, client=client)  # type: ignore[arg-type]
    assert first.count("done") == 3
    assert {r.id for r in first.failed} == {"line-4", "empty"}
    assert all(r.reason and "\n" not in r.reason for r in first.failed)
    failed = [json.loads(x) for x in (out / FAILED_FILE).read_text(encoding="utf-8").splitlines()]
    assert [f["id"] for f in failed] == ["empty", "line-4"]
    for story in STORIES:
        data = json.loads((out / story / "story.json").read_text(encoding="utf-8"))
        assert data["documents"] and (out / story / "story.md").is_file()
    stamp = {p: p.stat().st_mtime_ns for p in out.glob("*/story.json")}
    second = run_batch(items_from(src), out, options, client=client)  # type: ignore[arg-type]
    assert second.count("skipped") == 3 and second.count("done") == 0
    assert {p: p.stat().st_mtime_ns for p in out.glob("*/story.json")} == stamp
    assert not list(out.glob(".partial-*"))


def test_an_interrupted_output_is_redone_and_partials_are_cleared(tmp_path: Path, client: object, options: Options) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / ".partial-storm-123").mkdir()  # what a killed run leaves behind
    (out / "storm").mkdir()  # a story folder without its story.json is not complete
    (out / "storm" / "story.md").write_text("stale", encoding="utf-8")
    items = [BatchItem(id=k, texts=tuple(v)) for k, v in STORIES.items()]
    summary = run_batch(items, out, options, client=client)  # type: ignore[arg-type]
    assert summary.count("done") == 3, summary.line()
    assert not (out / ".partial-storm-123").exists()
    assert (out / "storm" / "story.json").is_file()
    assert (out / "storm" / "story.md").read_text(encoding="utf-8") != "stale"


def test_killing_a_worker_mid_batch_still_does_every_story_once(tmp_path: Path, client: object, options: Options) -> None:
    items = [BatchItem(id=f"s{i:02d}", texts=("x",)) for i in range(12)]
    out = tmp_path / "out"
    pids = list(client.run(os.getpid).values())  # type: ignore[attr-defined]
    killed: list[int] = []

    def kill_one(done: int, total: int, seconds: float) -> None:
        if done == 2 and not killed:
            os.kill(pids[0], signal.SIGKILL)
            killed.append(pids[0])

    summary = run_batch(items, out, options, client=client, task=_slow_task, progress=kill_one)  # type: ignore[arg-type]
    assert killed
    assert summary.count("done") == 12, summary.line()
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == [i.id for i in items]
    runs = (tmp_path / "runs.log").read_text(encoding="utf-8").splitlines()
    assert any(str(killed[0]) in r for r in runs)  # the killed worker had taken work


def test_a_story_that_keeps_killing_workers_is_marked_failed(tmp_path: Path, options: Options) -> None:
    items = [BatchItem(id="bomb", texts=("x",)), BatchItem(id="calm", texts=("x",))]
    summary = run_batch(items, tmp_path / "out", options, workers=2, retries=1, task=_bomb_task)
    assert summary.count("done") == 1
    [bomb] = summary.failed
    assert bomb.id == "bomb" and bomb.reason and "killed its worker 2 times" in bomb.reason


def test_a_separately_started_scheduler_and_worker(tmp_path: Path) -> None:
    dask_cli = Path(sys.executable).parent / "dask"
    if not dask_cli.exists():
        pytest.skip("the dask command line is not installed")
    sched_file = tmp_path / "scheduler.json"
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    sched = subprocess.Popen([str(dask_cli), "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard", "--scheduler-file", str(sched_file)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    worker = None
    try:
        for _ in range(200):
            if sched_file.exists() and sched_file.read_text(encoding="utf-8").strip():
                break
            time.sleep(0.1)
        address = json.loads(sched_file.read_text(encoding="utf-8"))["address"]
        worker = subprocess.Popen([str(dask_cli), "worker", address, "--nworkers", "1", "--nthreads", "1", "--no-dashboard", "--host", "127.0.0.1"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        src = _jsonl(tmp_path)
        out = tmp_path / "out"
        cmd = [sys.executable, "-m", "storyline", "batch", str(src), "--out", str(out), "--scheduler", address, "--format", "json"]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)
        assert proc.returncode == 0, proc.stderr[-2000:]
        assert "3 done" in proc.stderr.splitlines()[-1]
        assert sorted(p.name for p in out.iterdir() if p.is_dir()) == sorted(STORIES)
    finally:
        for p in (worker, sched):
            if p is not None:
                p.terminate()
                try:
                    p.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    p.kill()
