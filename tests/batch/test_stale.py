"""``storyline batch --store``: every story that needs a brief is briefed on Dask and saved back into the store."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import cloudpickle
import pytest

from storyline.batch import BatchItem, ItemResult
from storyline.batch.runner import FAILED_FILE
from storyline.batch.stale import brief_stale_stories, stale_items
from storyline.settings import Options, load_options
from storyline.store.schema import StoreError
from storyline.store.store import ArticleRecord, Store

cloudpickle.register_pickle_by_value(sys.modules[__name__])

DAY = 86400.0
T0 = 1_900_000_000.0

ARTICLES = [  # (story, source, text)
    ("s0000001", "Coast Herald", "Harbour Strike Ends\n\nDock workers in Portvale voted on Sunday to end a nine-day strike, the union said. "
     "Ships will move again by Tuesday, the port authority said.\n"),
    ("s0000002", "Valley News", "Storm Cuts Power\n\nAbout 30,000 homes lost power overnight in Northvale, officials said on Friday. "
     "Crews expect to restore most lines next week.\n"),
    ("s0000001", "Daily Wire", "Portvale Dockers Return\n\nThe Portvale dock strike is over after workers accepted a pay offer on Sunday, "
     "union leader Mara Lind said.\n"),
]  # fmt: skip
LATE = ("s0000002", "Metro Times", "Power Back in Northvale\n\nPower was back for most Northvale homes on Monday, the utility said.\n")


def _add(store: Store, rows: list[tuple[str, str, str]]) -> None:
    seq = store.next_seq()
    store.write_batch([
        ArticleRecord(seq=seq + i, id=f"a{seq + i}", text=text, clean_text=text, story=story, source=source, published=T0 + (seq + i) * DAY / 4)
        for i, (story, source, text) in enumerate(rows)
    ])  # fmt: skip


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(str(tmp_path / "stories.db")) as st:
        _add(st, ARTICLES)
        yield st


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None)
    c = Client(cluster)
    yield c
    c.close()
    cluster.close()


@pytest.fixture(scope="module")
def options() -> Options:
    return load_options(formats=["json", "md"])


def _fake_ok(item: BatchItem, out_dir: str, options: Options) -> ItemResult:
    """A quick stand-in for the pipeline: 'briefs' a story by listing the outlets of its articles."""
    story = json.dumps({"documents": [a.source for a in item.articles]}) + "\n"
    (Path(out_dir) / item.id).mkdir(exist_ok=True)
    (Path(out_dir) / item.id / "story.json").write_text(story, encoding="utf-8")
    return ItemResult(item.id, "done", articles=len(item.articles), story_json=story)


def _fake_brief(item: BatchItem, out_dir: str, options: Options) -> ItemResult:
    """:func:`_fake_ok`, except that the harbour story fails."""
    if item.id == "s0000001":
        return ItemResult(item.id, "failed", f"{item.origin}: the pipeline gave up")
    return _fake_ok(item, out_dir, options)


def test_every_story_needing_a_brief_is_briefed_saved_and_then_left_alone(tmp_path: Path, store: Store, client: object, options: Options) -> None:
    out = tmp_path / "briefs"
    assert [i.id for i in stale_items(store)] == ["s0000001", "s0000002"]  # most recently seen first
    first = brief_stale_stories(store, out, options, per_worker=1, client=client)  # type: ignore[arg-type]
    assert first.count("done") == 2 and not first.failed, first.line()
    for info in store.stories():
        assert info.briefed_at is not None and not info.needs_brief
        saved = store.brief_json(info.id)
        assert saved is not None and saved == (out / info.id / "story.json").read_text(encoding="utf-8")
        assert (out / info.id / "story.md").is_file()
        assert len(json.loads(saved)["documents"]) == info.articles
    assert stale_items(store) == []
    stamp = {p: p.stat().st_mtime_ns for p in out.glob("*/story.json")}
    assert brief_stale_stories(store, out, options, per_worker=1, client=client).results == []  # type: ignore[arg-type]
    assert {p: p.stat().st_mtime_ns for p in out.glob("*/story.json")} == stamp

    _add(store, [LATE])  # the storm story changes: only it needs a new brief
    assert [i.id for i in stale_items(store)] == ["s0000002"]
    third = brief_stale_stories(store, out, options, per_worker=1, client=client)  # type: ignore[arg-type]
    assert [(r.id, r.status) for r in third.results] == [("s0000002", "done")]
    storm = json.loads((out / "s0000002" / "story.json").read_text(encoding="utf-8"))
    assert [d["source"] for d in storm["documents"]] == ["Valley News", "Metro Times"]
    assert json.loads(store.brief_json("s0000002") or "{}") == storm
    assert (out / "s0000001" / "story.json").stat().st_mtime_ns == stamp[out / "s0000001" / "story.json"]
    assert not list(out.glob(".partial-*")) and stale_items(store) == []


def test_a_failed_story_stays_stale_with_its_reason_and_the_others_are_saved(tmp_path: Path, store: Store, client: object, options: Options) -> None:
    out = tmp_path / "briefs"
    summary = brief_stale_stories(store, out, options, per_worker=1, client=client, task=_fake_brief)  # type: ignore[arg-type]
    assert (summary.count("done"), [r.id for r in summary.failed]) == (1, ["s0000001"])
    assert [json.loads(x) for x in (out / FAILED_FILE).read_text(encoding="utf-8").splitlines()] == [
        {"id": "s0000001", "reason": "story s0000001: the pipeline gave up"}
    ]
    assert store.brief_json("s0000001") is None
    assert json.loads(store.brief_json("s0000002") or "{}") == {"documents": ["Valley News"]}
    assert [i.id for i in stale_items(store)] == ["s0000001"]


def test_a_brief_the_store_refuses_is_a_failure_and_the_others_commit(
    tmp_path: Path, store: Store, client: object, options: Options, monkeypatch: pytest.MonkeyPatch
) -> None:
    save = Store.save_brief

    def refuse(self: Store, story_id: str, story_json: str, built_from: list[ArticleRecord]) -> None:
        if story_id == "s0000002":
            raise StoreError("the database is read-only")
        save(self, story_id, story_json, built_from)

    monkeypatch.setattr(Store, "save_brief", refuse)
    summary = brief_stale_stories(store, tmp_path / "briefs", options, per_worker=1, client=client, task=_fake_ok)  # type: ignore[arg-type]
    assert [(r.id, r.status) for r in summary.results] == [("s0000001", "done"), ("s0000002", "failed")]
    assert summary.failed[0].reason == "story s0000002: not saved in the store (the database is read-only)"
    assert store.brief_json("s0000001") is not None and store.brief_json("s0000002") is None
    assert [i.id for i in stale_items(store)] == ["s0000002"]


def test_the_batch_command_on_a_store_and_a_running_scheduler(tmp_path: Path, store: Store, client: object) -> None:
    url, out = store.url, tmp_path / "briefs"
    address = client.scheduler.address  # type: ignore[attr-defined]
    cmd = [sys.executable, "-m", "storyline", "batch", "--store", url, "--out", str(out), "--scheduler", address, "--format", "json"]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stderr.splitlines()[-1].startswith(f"batch: {url}: 2 stories: 2 done, 0 skipped, 0 failed in ")
    assert sorted(p.name for p in out.iterdir()) == ["s0000001", "s0000002"]
    brief = [sys.executable, "-m", "storyline", "brief", "--story", "s0000001", "--store", url, "--out", str(tmp_path / "one"), "--format", "json"]
    assert subprocess.run(brief, capture_output=True, text=True, timeout=600, check=False).returncode == 0
    assert (tmp_path / "one" / "story.json").read_bytes() == (out / "s0000001" / "story.json").read_bytes()  # one brief, either way
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
    assert again.returncode == 0 and f"batch: {url}: 0 stories" in again.stderr, again.stderr[-2000:]


@pytest.mark.parametrize(
    ("args", "message"),
    [(["in.jsonl", "--store", "x.db"], "either INPUT or --store"), ([], "either INPUT or --store"), (["in.jsonl", "--min-articles", "2"], "go with --store")],
)
def test_the_batch_command_refuses_inputs_that_do_not_go_together(tmp_path: Path, args: list[str], message: str) -> None:
    proc = subprocess.run([sys.executable, "-m", "storyline", "batch", *args, "--out", str(tmp_path / "o")], capture_output=True, text=True, cwd=tmp_path, timeout=120, check=False)
    assert proc.returncode == 2 and message in proc.stderr and "Traceback" not in proc.stderr
