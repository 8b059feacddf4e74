"""Run a batch of stories on Dask: one task per story, faults recorded, outputs atomic, re-runs resume."""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ..errors import ConfigError, StorylineError
from ..settings import Options
from .items import BatchItem

if TYPE_CHECKING:  # pragma: no cover
    from distributed import Client
    from spacy.language import Language

__all__ = ["FAILED_FILE", "BatchSummary", "ItemResult", "brief_item", "dashboard_link", "is_complete", "run_batch", "start_client", "task_failure"]

log = logging.getLogger(__name__)

#: The file (in the output folder) that lists the stories that failed, one JSON object a line.
FAILED_FILE = "failed.jsonl"
_PARTIAL = ".partial-"

Status = Literal["done", "failed", "skipped"]


@dataclass(frozen=True)
class ItemResult:
    """What became of one story of a batch."""

    id: str
    status: Status
    reason: str | None = None  # one line, for a failed story
    seconds: float = 0.0
    articles: int = 0
    story_json: str | None = field(default=None, repr=False)  # for an item with keep_json, what was written


@dataclass
class BatchSummary:
    """The whole batch: every story's result, and the wall time."""

    results: list[ItemResult] = field(default_factory=list)
    seconds: float = 0.0
    dashboard: str | None = None

    def count(self, status: Status) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def failed(self) -> list[ItemResult]:
        return [r for r in self.results if r.status == "failed"]

    def line(self) -> str:
        ran = self.count("done") + self.count("failed")
        rate = f"{ran / self.seconds:.2f} stories/s" if self.seconds > 0 and ran else "0 stories/s"
        return (
            f"batch: {len(self.results)} stories: {self.count('done')} done, {self.count('skipped')} skipped "
            f"(already complete), {self.count('failed')} failed in {self.seconds:.1f}s ({rate})"
        )


# -- what a worker runs -------------------------------------------------------------------------

_MODELS: dict[tuple[str, ...], Language] = {}


def _model(options: Options) -> Language:
    """The spaCy pipeline of this worker process, loaded on its first story and kept."""
    nlp = _MODELS.get(options.models)
    if nlp is None:
        from ..language.model import load_model

        nlp = load_model(options.models)
        _MODELS[options.models] = nlp
    return nlp


def _primary_file(options: Options) -> str:
    from ..render import FORMATS

    for fmt in options.formats:
        if fmt in FORMATS:
            return FORMATS[fmt][0]
    raise ConfigError("formats", "a batch needs at least one output format")


def is_complete(out_dir: Path, item_id: str, options: Options) -> bool:
    """Whether the story's output folder is in place (it is renamed in whole, so present means complete)."""
    return (out_dir / item_id / _primary_file(options)).is_file()


def _put_in_place(tmp: Path, out: Path, item: BatchItem, options: Options) -> None:
    """Rename the finished folder ``tmp`` to ``out/<id>`` (over an old complete one only for a ``replace`` item)."""
    final = out / item.id
    old: Path | None = None
    if final.is_dir() and (item.replace or not is_complete(out, item.id, options)):
        old = Path(tempfile.mkdtemp(prefix=f"{_PARTIAL}old-{item.id}-", dir=out))
        os.rename(final, old / item.id)  # set aside, removed once the new one is in place
    try:
        os.rename(tmp, final)
    except OSError:
        if not is_complete(out, item.id, options):
            raise
        shutil.rmtree(tmp, ignore_errors=True)  # another attempt finished first: keep its folder
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def brief_item(item: BatchItem, out_dir: str, options: Options) -> ItemResult:
    """Brief one story and write its reports to ``out_dir/<id>/`` atomically; never raises for a bad story."""
    t0 = time.perf_counter()
    if item.error:
        return ItemResult(item.id, "failed", f"{item.origin}: {item.error}", 0.0)
    out = Path(out_dir)
    tmp: Path | None = None
    try:
        from ..api import build_story, story_from_articles
        from ..ingest.read import RawArticle
        from ..pipeline import Context, run_pipeline
        from ..render import write_reports

        ctx = Context(options)
        ctx.set_nlp(_model(options))
        if item.texts or item.articles:
            arts = list(item.articles) or [RawArticle(text=t, file=f"{i}.txt", fmt="cluster") for i, t in enumerate(item.texts)]
            story = run_pipeline(story_from_articles(arts, options), ctx)
        else:
            story = build_story(list(item.paths), options, ctx)
        if not story.documents:
            why = "; ".join(f"{s.input}: {s.problem}" for s in story.skipped[:3]) or "no article"
            return ItemResult(item.id, "failed", f"{item.origin}: no article could be read ({why})", time.perf_counter() - t0)
        tmp = Path(tempfile.mkdtemp(prefix=f"{_PARTIAL}{item.id}-", dir=out))
        write_reports(story, tmp, options.formats)
        story_json = None
        if item.keep_json:
            from ..render import FORMATS, render_json

            written = tmp / FORMATS["json"][0]
            story_json = written.read_text(encoding="utf-8") if "json" in options.formats else render_json(story)
        _put_in_place(tmp, out, item, options)
        tmp = None
        return ItemResult(item.id, "done", None, time.perf_counter() - t0, len(story.documents), story_json)
    except StorylineError as exc:
        return ItemResult(item.id, "failed", f"{item.origin}: {exc}", time.perf_counter() - t0)
    except Exception as exc:
        log.debug("story %s failed", item.id, exc_info=True)
        return ItemResult(item.id, "failed", f"{item.origin}: unexpected {type(exc).__name__}: {exc}", time.perf_counter() - t0)
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


# -- the driver ---------------------------------------------------------------------------------

Task = Callable[[BatchItem, str, Options], ItemResult]
Progress = Callable[[int, int, float], None]


def task_failure(exc: BaseException, retries: int) -> str:
    """One line for a task that failed on the cluster (its worker died ``retries + 1`` times, or it raised)."""
    kind = type(exc).__name__
    return f"killed its worker {retries + 1} times" if kind == "KilledWorker" else f"{kind}: {exc}"


def start_client(scheduler: str | None, workers: int | None, retries: int) -> tuple[Client, Any]:
    """A client of the scheduler at ``scheduler``, or of a new ``LocalCluster`` (returned second, to be closed).

    The local cluster has ``workers`` processes (default: the cores) of one
    thread each, a task may kill ``retries`` workers before it fails, and it
    serves the dashboard when bokeh is installed.
    """
    import dask
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            return Client(scheduler, timeout="20s"), None
        except OSError as exc:
            raise ConfigError("scheduler", f"cannot reach the Dask scheduler at {scheduler} ({exc})") from None
    try:
        import bokeh  # noqa: F401 - the dashboard needs it

        dashboard: str | None = "127.0.0.1:0"
    except ImportError:
        dashboard = None
    with dask.config.set({"distributed.scheduler.allowed-failures": retries}):
        cluster = LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=dashboard,
        )
    return Client(cluster), cluster


def dashboard_link(client: Client, own_cluster: Any) -> str | None:
    """The Dask dashboard's address, when one is being served."""
    if not client.dashboard_link:
        return None
    if own_cluster is not None and own_cluster.scheduler.http_server is None:
        return None
    return str(client.dashboard_link)


def _clear_partials(out_dir: Path) -> None:
    for stale in out_dir.glob(f"{_PARTIAL}*"):
        shutil.rmtree(stale, ignore_errors=True)


def _write_failed(out_dir: Path, results: list[ItemResult]) -> None:
    path = out_dir / FAILED_FILE
    failed = sorted((r for r in results if r.status == "failed"), key=lambda r: r.id)
    if not failed:
        path.unlink(missing_ok=True)
        return
    fd, tmp = tempfile.mkstemp(prefix=f"{_PARTIAL}failed-", dir=out_dir)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        for r in failed:
            fh.write(json.dumps({"id": r.id, "reason": r.reason}, ensure_ascii=False) + "\n")
    os.replace(tmp, path)


def run_batch(
    items: Iterable[BatchItem],
    out_dir: str | Path,
    options: Options,
    *,
    client: Client | None = None,
    scheduler: str | None = None,
    workers: int | None = None,
    retries: int = 2,
    task: Task = brief_item,
    progress: Progress | None = None,
    on_dashboard: Callable[[str], None] | None = None,
    skip: Callable[[BatchItem], bool] | None = None,
    load: Callable[[BatchItem], BatchItem] | None = None,
    on_result: Callable[[BatchItem, ItemResult], ItemResult] | None = None,
    per_worker: int | None = None,
) -> BatchSummary:
    """Brief every item on Dask and return what became of each.

    ``client`` (a ``distributed.Client``) is used when given; else
    ``scheduler`` (an address such as ``tcp://host:8786``); else a
    ``LocalCluster`` of ``workers`` processes (default: the cores) is started
    and closed. ``retries`` is how many worker deaths a story may cause
    before it is marked failed (for a started cluster). ``task`` is what
    runs per story (tests inject their own). Items already complete in
    ``out_dir`` are skipped (or those ``skip`` says); the failed ones are
    listed in ``failed.jsonl``.

    At most ``per_worker`` stories per worker are on the cluster at once
    (default: every one is submitted at the start); ``load`` completes an item (reads its articles) just before it is
    submitted, and ``on_result`` sees each result as it comes back, in this
    process (and may turn it into a failure), so a store written there has
    one writer.
    """
    from distributed import as_completed

    t0 = time.perf_counter()
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError("out", f"{out}: {exc.strerror or 'cannot create the folder'}") from None
    _clear_partials(out)
    summary = BatchSummary()
    skipped = skip or (lambda item: is_complete(out, item.id, options))
    todo: list[BatchItem] = []
    for item in items:
        if skipped(item):
            summary.results.append(ItemResult(item.id, "skipped"))
        else:
            todo.append(item)
    own_cluster = None
    if todo:
        if client is None:
            client, own_cluster = start_client(scheduler, workers, retries)
        link = dashboard_link(client, own_cluster)
        if on_dashboard is not None and link:
            summary.dashboard = link
            on_dashboard(link)
        try:
            queue = iter(todo)
            futures: dict[Any, BatchItem] = {}
            running = as_completed()

            def submit_next() -> bool:
                for item in queue:
                    if load is not None:
                        try:
                            item = load(item)
                        except StorylineError as exc:
                            item = dataclasses.replace(item, error=str(exc))
                    fut = client.submit(task, item, str(out), options, pure=False)
                    futures[fut] = item
                    running.add(fut)
                    return True
                return False

            window = len(todo) if per_worker is None else per_worker * max(1, len(client.scheduler_info().get("workers", {})))
            for _ in range(window):
                if not submit_next():
                    break
            finished = 0
            for fut in running:
                item = futures.pop(fut)
                try:
                    result = fut.result()
                except Exception as exc:
                    result = ItemResult(item.id, "failed", f"{item.origin}: {task_failure(exc, retries)}")
                fut.release()
                if on_result is not None:
                    result = on_result(item, result)
                summary.results.append(dataclasses.replace(result, story_json=None))
                if result.status == "failed":
                    log.info("story %s failed: %s", result.id, result.reason)
                finished += 1
                if progress is not None:
                    progress(finished, len(todo), time.perf_counter() - t0)
                submit_next()
        finally:
            if own_cluster is not None:
                client.close()
                own_cluster.close()
            elif scheduler and client is not None:
                client.close()
    summary.results.sort(key=lambda r: r.id)
    _write_failed(out, summary.results)
    summary.seconds = time.perf_counter() - t0
    return summary
