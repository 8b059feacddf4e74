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
