"""Batch briefs on Dask: many stories, one task per story, on a laptop or a cluster.

``run_batch(items, out_dir, options)`` briefs every :class:`BatchItem`
(a Multi-News-style line, a sub-folder of articles) as one Dask task. With no
client or scheduler given it starts a ``LocalCluster`` of processes with one
thread each; each worker process loads the spaCy model once and keeps it.
A story that fails is recorded with its one-line reason and never stops the
batch; a task whose worker dies is retried on another worker, and a story
that keeps killing workers is marked failed after the retry limit. Outputs
are written to a temporary folder and renamed into place, so a story's
folder is either complete or absent, and a re-run skips every complete one.

:func:`~storyline.batch.stale.brief_stale_stories` briefs every story of a
store that needs it and saves each brief back into the store (one writer:
the driving process). :class:`~storyline.batch.features.DaskPrefetch` runs
the stream clusterer's per-article features on the workers, ahead of the
single assigner of ``storyline cluster``.

This package is not a pipeline stage: it drives the library (``api``) from
outside, like the CLI.
"""

from .items import BatchItem, items_from
from .runner import BatchSummary, ItemResult, brief_item, run_batch

__all__ = ["BatchItem", "BatchSummary", "ItemResult", "brief_item", "items_from", "run_batch"]
