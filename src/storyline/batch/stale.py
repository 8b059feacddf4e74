"""Brief every stale story of a store on Dask, and save each brief back into the store.

A story needs a brief when it was never briefed, or when articles joined it
since its last brief (:attr:`~storyline.store.store.StoryInfo.needs_brief`).
Each one is one Dask task (:func:`~storyline.batch.runner.brief_item`) on
the articles read from the store just before it is submitted; its reports go
to ``OUT/<story id>/`` (replacing the previous ones, folder renamed in
whole), and its story.json is saved in the store with the time it was built
and the articles it was built from -- by this process only, one transaction
per story, as each result comes back, so the store has a single writer and a
story is either briefed and no longer stale, or untouched. A story whose
brief fails stays stale, is listed in ``OUT/failed.jsonl`` with its reason,
and the others complete; the next run tries it again.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..settings import Options
from ..store.schema import StoreError
from ..store.store import ArticleRecord, Store, raw_articles
from .items import BatchItem
from .runner import BatchSummary, ItemResult, Progress, Task, brief_item, run_batch

if TYPE_CHECKING:  # pragma: no cover
    from distributed import Client

__all__ = ["brief_stale_stories", "stale_items"]

log = logging.getLogger(__name__)


def stale_items(store: Store, since: float | None = None, min_articles: int = 1) -> list[BatchItem]:
    """One batch item (no articles yet) per story of ``store`` that needs a brief, most recently seen first."""
    return [
        BatchItem(id=info.id, origin=f"story {info.id}", replace=True, keep_json=True)
        for info in store.stories(since=since, min_articles=min_articles)
        if info.needs_brief
    ]


def brief_stale_stories(
    store: Store,
    out_dir: str | Path,
    options: Options,
    *,
    since: float | None = None,
    min_articles: int = 1,
    per_worker: int,
    client: Client | None = None,
    scheduler: str | None = None,
    workers: int | None = None,
    retries: int = 2,
    task: Task = brief_item,
    progress: Progress | None = None,
    on_dashboard: Callable[[str], None] | None = None,
) -> BatchSummary:
    """Brief every story of ``store`` that needs it (see the module docstring); ``per_worker`` stories per worker at most on the cluster at once."""
    built: dict[str, list[ArticleRecord]] = {}

    def load(item: BatchItem) -> BatchItem:
        recs = store.story_articles(item.id)
        if not recs:
            return dataclasses.replace(item, error="the story has no articles in the store")
        built[item.id] = recs
        return dataclasses.replace(item, articles=tuple(raw_articles(recs)))

    def save(item: BatchItem, result: ItemResult) -> ItemResult:
        recs = built.pop(item.id, [])
        if result.status != "done":
            return result
        if result.story_json is None:
            return dataclasses.replace(result, status="failed", reason=f"{item.origin}: the brief returned no story.json")
        try:
            store.save_brief(item.id, result.story_json, recs)
        except StoreError as exc:
            return dataclasses.replace(result, status="failed", reason=f"{item.origin}: not saved in the store ({exc})")
        except Exception as exc:  # a database error: this story stays stale, the others go on
            log.debug("saving the brief of %s", item.id, exc_info=True)
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
            return dataclasses.replace(result, status="failed", reason=f"{item.origin}: not saved in the store ({type(exc).__name__}: {first})")
        return result

    return run_batch(
        stale_items(store, since, min_articles),
        out_dir,
        options,
        client=client,
        scheduler=scheduler,
        workers=workers,
        retries=retries,
        task=task,
        progress=progress,
        on_dashboard=on_dashboard,
        skip=lambda item: False,
        load=load,
        on_result=save,
        per_worker=per_worker,
    )
