"""Summarize many story clusters in one process (Multi-News JSON Lines).

Input: one JSON object per line, ``{"id": ..., "documents": ["...", ...]}``
(or the Hugging Face form, ``{"document": "a ||||| b"}``). Output: one line
``{"id": ..., "summary": "sentence\\nsentence..."}`` per cluster, one brief
sentence per line. The spaCy model is loaded once; a bad line is skipped
with a one-line warning and never stops the batch.

Nothing is half-written and nothing is done twice: the output grows in
``OUT.part`` (flushed line by line, beside ``OUT.part.meta`` naming the input
and settings) and is renamed to ``OUT`` when the batch ends. A run that was
killed is resumed by the same command: the clusters already in ``OUT.part``
are kept, a torn last line is dropped, and the file it ends with is the one an
uninterrupted run writes.

Batch mode runs only what the brief needs (clean, nlp, summarize) and, with
``light=True`` (the default), a lighter spaCy pipeline: the NER is switched
off for the batch (the brief's score does not use entity labels; tagger,
parser and lemmatizer stay on for verbs, sentences and terms).
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from itertools import chain
from pathlib import Path
from typing import IO, Any

from ..errors import InputError, OutputError
from ..ingest.read import CLUSTER_SEPARATOR, RawArticle, split_cluster
from ..outfiles import check_out_file, os_problem
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
    """What a batch did: clusters in the output, how many came from an interrupted run, lines skipped (with why)."""

    written: int = 0
    skipped: list[str] = field(default_factory=list)
    resumed: int = 0
    total: int = 0  # non-blank input lines
    seconds: float = 0.0


#: ``progress(done, total)``: called after every input line (done counts skipped and resumed lines too).
Progress = Callable[[int, int], None]


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


def _parse(line: str) -> Any:
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise BadLine(f"not valid JSON ({exc.msg} at column {exc.colno})") from None


def _process(line: str, n: int, words: int, ctx: Context) -> dict[str, Any]:
    obj = _parse(line)
    texts = _documents(obj)
    ident = obj.get("id", f"line-{n}")
    summary = summarize_documents(texts, words, ctx, str(ident))
    return {"id": ident, "summary": "\n".join(summary)}


def run_batch(
    in_path: Path,
    out_path: Path,
    words: int,
    options: Options,
    ctx: Context | None = None,
    light: bool = True,
    progress: Progress | None = None,
    resume: bool = True,
    jobs: int = 1,
) -> BatchReport:
    """Summarize every cluster of ``in_path`` into ``out_path``; report what was skipped.

    The input and the output are checked before the model is loaded; with
    ``resume`` (the default) a run interrupted on the same input and settings
    goes on where it stopped. ``jobs`` > 1 runs that many worker processes
    (each loads the model once); the output is the same, in input order.
    """
    from dataclasses import replace

    started = time.monotonic()
    total = _count_lines(in_path)
    check_out_file(out_path)
    options = replace(options, summary_words=words)
    state = _state(in_path, words, light)
    if jobs > 1:
        report = _run(in_path, out_path, words, options, None, state, total, progress, resume, jobs, light)
    else:
        ctx = ctx or load_batch_model(options)
        ctx.options = options
        disabled = [p for p in LIGHT_DISABLED if light and p in ctx.nlp.pipe_names]
        with ctx.nlp.select_pipes(disable=disabled):
            report = _run(in_path, out_path, words, options, ctx, state, total, progress, resume)
    report.seconds = time.monotonic() - started
    return report


def _count_lines(in_path: Path) -> int:
    try:
        if not in_path.is_file():
            raise InputError(str(in_path), "no such file" if not in_path.exists() else "not a regular file")
        with in_path.open("rb") as fh:
            return sum(1 for line in fh if line.strip())
    except OSError as exc:
        raise InputError(str(in_path), os_problem(exc)) from None


def _state(in_path: Path, words: int, light: bool) -> dict[str, Any]:
    """What a partial output must have been made from to be resumed."""
    from .. import __version__

    st = in_path.stat()
    return {"input": str(in_path.resolve()), "size": st.st_size, "mtime_ns": st.st_mtime_ns, "words": words, "light": light, "version": __version__}


def _resumable(part: Path, meta: Path, state: dict[str, Any]) -> list[str]:
    """The ids already in ``part`` (its torn last line cut off), or [] when it cannot be resumed."""
    try:
        if json.loads(meta.read_text(encoding="utf-8")) != state or not part.is_file():
            return []
        data = part.read_bytes()
    except (OSError, ValueError):
        return []
    ids, good = [], 0
    for raw in data.splitlines(keepends=True):
        if not raw.endswith(b"\n"):
            break
        try:
            ids.append(str(json.loads(raw)["id"]))
        except (ValueError, KeyError, TypeError):
            break
        good += len(raw)
    with part.open("r+b") as fh:
        fh.truncate(good)
    return ids


def _open_part(out_path: Path, state: dict[str, Any], resume: bool) -> tuple[IO[str], list[str], Path, Path]:
    part = out_path.with_name(out_path.name + ".part")
    meta = out_path.with_name(out_path.name + ".part.meta")
    try:
        done = _resumable(part, meta, state) if resume else []
        if not done:
            meta.write_text(json.dumps(state) + "\n", encoding="utf-8")
        out = part.open("a" if done else "w", encoding="utf-8")
    except OSError as exc:
        raise OutputError(str(exc.filename or part), os_problem(exc)) from None
    return out, done, part, meta


def _items(src: IO[str]) -> Iterator[tuple[int, str]]:
    for n, line in enumerate(src, 1):
        if line.strip():
            yield n, line


def _work(item: tuple[int, str], words: int, ctx: Context) -> tuple[dict[str, Any] | None, str | None]:
    """One cluster: its output row, or why its line was skipped."""
    n, line = item
    try:
        return _process(line, n, words, ctx), None
    except BadLine as exc:
        return None, f"{n}: {exc}"


_WORKER: dict[str, Any] = {}


def _init_worker(options: Options, light: bool) -> None:
    ctx = load_batch_model(options)
    disabled = [p for p in LIGHT_DISABLED if light and p in ctx.nlp.pipe_names]
    if disabled:
        ctx.nlp.select_pipes(disable=disabled)  # for the worker's whole life
    _WORKER["ctx"] = ctx


def _work_in_worker(item: tuple[int, str], words: int) -> tuple[dict[str, Any] | None, str | None]:
    return _work(item, words, _WORKER["ctx"])


def _run(
    in_path: Path,
    out_path: Path,
    words: int,
    options: Options,
    ctx: Context | None,
    state: dict[str, Any],
    total: int,
    progress: Progress | None,
    resume: bool,
    jobs: int = 1,
    light: bool = True,
) -> BatchReport:
    report = BatchReport(total=total)
    out, done, part, meta = _open_part(out_path, state, resume)
    if done:
        log.info("resuming %s: %d cluster(s) already done", out_path, len(done))
    seen = 0

    def tick() -> None:
        if progress:
            progress(seen, total)

    def skip(msg: str) -> None:
        msg = f"{in_path}:{msg}"
        log.warning("skipped %s", msg)
        report.skipped.append(msg)

    with in_path.open(encoding="utf-8") as src, out:
        items = _items(src)
        first: list[tuple[int, str]] = []
        for n, line in items:  # the clusters already in the partial file are checked, not redone
            if report.resumed >= len(done):
                first = [(n, line)]
                break
            seen += 1
            try:
                obj = _parse(line)
                _documents(obj)
            except BadLine as exc:
                skip(f"{n}: {exc}")
                tick()
                continue
            if str(obj.get("id", f"line-{n}")) != done[report.resumed]:
                log.warning("%s does not match %s: starting again", part, in_path)
                out.seek(0)
                out.truncate(0)
                src.seek(0)
                items, first, seen = _items(src), [], 0
                report = BatchReport(total=total)
                break
            report.resumed += 1
            report.written += 1
            tick()
        rest = chain(first, items)
        if jobs > 1:
            from concurrent.futures import ProcessPoolExecutor

            pool = ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(options, light))
            results: Iterator[tuple[dict[str, Any] | None, str | None]] = pool.map(partial(_work_in_worker, words=words), rest)
        else:
            assert ctx is not None
            pool = None
            results = (_work(item, words, ctx) for item in rest)
        try:
            for row, problem in results:
                seen += 1
                if row is None:
                    skip(problem or "skipped")
                else:
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
                    out.flush()
                    report.written += 1
                tick()
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
        out.flush()
        os.fsync(out.fileno())
    try:
        os.replace(part, out_path)
        meta.unlink(missing_ok=True)
    except OSError as exc:
        raise OutputError(str(out_path), os_problem(exc)) from None
    if report.skipped:
        log.warning("%d line(s) of %s skipped", len(report.skipped), in_path)
    return report


def summarize_clusters(in_path: Path, out_path: Path, words: int, options: Options, light: bool = True) -> int:
    """Summarize every cluster of ``in_path`` (JSON Lines) into ``out_path``; the number written."""
    return run_batch(Path(in_path), Path(out_path), words, options, light=light).written
