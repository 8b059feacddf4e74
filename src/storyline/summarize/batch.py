"""Summarize many story clusters in one process (Multi-News JSON Lines).

Input: one JSON object per line, ``{"id": ..., "documents": ["...", ...]}``
(or the Hugging Face form, ``{"document": "a ||||| b"}``). Output: one line
``{"id": ..., "summary": "sentence\\nsentence..."}`` per cluster, one brief
sentence per line. The spaCy model is loaded once; a bad line is skipped
with a one-line warning and never stops the batch.

Batch mode runs only what the brief needs (clean, nlp, summarize) and, with
``light=True`` (the default), a lighter spaCy pipeline: the NER is switched
off for the batch (the brief's score does not use entity labels; tagger,
parser and lemmatizer stay on for verbs, sentences and terms).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..ingest.read import CLUSTER_SEPARATOR, RawArticle, split_cluster
from ..pipeline import Context, run_pipeline
from ..settings import Options
from ..text import collapse_ws

__all__ = ["BATCH_STAGES", "BatchReport", "load_batch_model", "summarize_clusters", "summarize_documents"]

log = logging.getLogger(__name__)

#: The stages a batch brief runs.
BATCH_STAGES = ("clean", "nlp", "summarize")
#: spaCy components a light batch switches off.
LIGHT_DISABLED = ("ner",)


@dataclass
class BatchReport:
    """What a batch did: clusters written and lines skipped (with why)."""

    written: int = 0
    skipped: list[str] = field(default_factory=list)


class BadLine(Exception):
    """A line of the batch input that holds no usable cluster."""


def load_batch_model(options: Options) -> Context:
    """A context with the spaCy model loaded (shared by every cluster of a batch)."""
    ctx = Context(options)
    _ = ctx.nlp
    return ctx


def _documents(obj: Any) -> list[str]:
    if not isinstance(obj, dict):
        raise BadLine("expected a JSON object")
    docs = obj.get("documents")
    if docs is None and isinstance(obj.get("document"), str):
        docs = split_cluster(obj["document"])
    if not isinstance(docs, list):
        raise BadLine('no "documents" list')
    texts = [d.strip() for d in docs if isinstance(d, str) and d.strip()]
    texts = [t for d in texts for t in (split_cluster(d) if CLUSTER_SEPARATOR in d else [d])]
    if not texts:
        raise BadLine("cluster has no non-empty documents")
    return texts


def summarize_documents(texts: list[str], words: int, ctx: Context, name: str = "cluster") -> list[str]:
    """The brief of one cluster of article texts, one sentence per item."""
    from ..api import story_from_articles

    arts = [RawArticle(text=t, file=f"{name}.{i}", fmt="cluster") for i, t in enumerate(texts, 1)]
    story = story_from_articles(arts, ctx.options)
    run = Context(ctx.options)
    run.set_nlp(ctx.nlp)
    story = run_pipeline(story, run, BATCH_STAGES)
    for name_, secs in run.timings.items():
        ctx.timings[name_] = ctx.timings.get(name_, 0.0) + secs
    return [collapse_ws(s.text) for s in story.summary]


def _process(line: str, n: int, words: int, ctx: Context) -> dict[str, Any]:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise BadLine(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    texts = _documents(obj)
    ident = obj.get("id", f"line-{n}")
    summary = summarize_documents(texts, words, ctx, str(ident))
    return {"id": ident, "summary": "\n".join(summary)}


def run_batch(in_path: Path, out_path: Path, words: int, options: Options, ctx: Context | None = None, light: bool = True) -> BatchReport:
    """Summarize every cluster of ``in_path`` into ``out_path``; report what was skipped."""
    from dataclasses import replace

    options = replace(options, summary_words=words)
    ctx = ctx or load_batch_model(options)
    ctx.options = options
    disabled = [p for p in LIGHT_DISABLED if light and p in ctx.nlp.pipe_names]
    with ctx.nlp.select_pipes(disable=disabled):
        return _run(in_path, out_path, words, ctx)


def _run(in_path: Path, out_path: Path, words: int, ctx: Context) -> BatchReport:
    report = BatchReport()
    with in_path.open(encoding="utf-8") as src, out_path.open("w", encoding="utf-8") as out:
        for n, line in enumerate(src, 1):
            if not line.strip():
                continue
            try:
                row = _process(line, n, words, ctx)
            except BadLine as exc:
                msg = f"{in_path}:{n}: {exc}"
                log.warning("skipped %s", msg)
                report.skipped.append(msg)
                continue
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            report.written += 1
    if report.skipped:
        log.warning("%d line(s) of %s skipped", len(report.skipped), in_path)
    return report


def summarize_clusters(in_path: Path, out_path: Path, words: int, options: Options, light: bool = True) -> int:
    """Summarize every cluster of ``in_path`` (JSON Lines) into ``out_path``; the number written."""
    return run_batch(Path(in_path), Path(out_path), words, options, light=light).written
