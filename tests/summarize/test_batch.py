"""Batch mode: many clusters in one process, bad lines skipped, one sentence per line."""

from __future__ import annotations

import json
from pathlib import Path

from storyline.summarize.batch import run_batch, summarize_clusters

from .test_stage import DOC_A, DOC_B


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_batch_writes_one_line_per_good_cluster(tmp_path: Path, options) -> None:
    src = _write(tmp_path / "in.jsonl", [
        json.dumps({"id": "c1", "documents": [DOC_A, DOC_B]}),
        "{not json",
        json.dumps({"id": "c2", "documents": ["", "  "]}),
        json.dumps({"id": "c3", "document": DOC_A + "\n|||||\n" + DOC_B}),
        json.dumps(["a", "list"]),
    ])
    out = tmp_path / "out.jsonl"
    assert summarize_clusters(src, out, 60, options) == 2
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["c1", "c3"]
    for r in rows:
        lines = r["summary"].split("\n")
        assert lines and all(line.strip() == line and line for line in lines)
        assert sum(len(line.split()) for line in lines) <= 60


def test_batch_reports_skipped_lines(tmp_path: Path, options) -> None:
    src = _write(tmp_path / "in.jsonl", ["{bad", json.dumps({"id": "x", "documents": "not a list"})])
    report = run_batch(src, tmp_path / "out.jsonl", 100, options)
    assert report.written == 0
    assert len(report.skipped) == 2
    assert "in.jsonl:1" in report.skipped[0] and "JSON" in report.skipped[0]


def test_a_killed_batch_resumes_without_redoing_clusters(tmp_path: Path, options, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import pytest

    import storyline.summarize.batch as batch

    lines = [json.dumps({"id": f"c{i}", "documents": [DOC_A, DOC_B][: 1 + i % 2]}) for i in range(4)]
    lines.insert(2, "{broken")
    src = _write(tmp_path / "in.jsonl", lines)
    whole = tmp_path / "whole.jsonl"
    assert run_batch(src, whole, 50, options).written == 4

    calls: list[str] = []
    real = batch.summarize_documents

    def counting(texts, words, ctx, name="cluster"):  # type: ignore[no-untyped-def]
        calls.append(name)
        return real(texts, words, ctx, name)

    monkeypatch.setattr(batch, "summarize_documents", counting)

    def kill_after_two(done: int, total: int) -> None:
        if len(calls) == 2:
            raise KeyboardInterrupt

    out = tmp_path / "pred.jsonl"
    with pytest.raises(KeyboardInterrupt):
        run_batch(src, out, 50, options, progress=kill_after_two)
    assert not out.exists(), "nothing is written under the final name before the batch ends"
    part = out.with_name(out.name + ".part")
    with part.open("a", encoding="utf-8") as fh:
        fh.write('{"id": "c2", "summ')  # a line torn by the kill
    calls.clear()
    report = run_batch(src, out, 50, options)
    assert calls == ["c2", "c3"], "finished clusters are not redone"
    assert report.resumed == 2 and report.written == 4 and len(report.skipped) == 1
    assert out.read_bytes() == whole.read_bytes()
    assert not part.exists() and not out.with_name(out.name + ".part.meta").exists()
    # another word budget is another batch: nothing is resumed from a stale partial file
    calls.clear()
    with pytest.raises(KeyboardInterrupt):
        run_batch(src, out, 50, options, progress=kill_after_two)
    calls.clear()
    assert run_batch(src, out, 40, options).resumed == 0
    assert calls == ["c0", "c1", "c2", "c3"]
