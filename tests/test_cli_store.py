"""The store commands end to end: cluster, stories, brief --story (SQLite)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from storyline.cli import main


def _synth_rows() -> list[dict[str, str]]:
    spec = importlib.util.spec_from_file_location("storyline_test_synth", Path(__file__).parent / "stream" / "synth.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    rows: list[dict[str, str]] = mod.stream(12, per_story=3, seed=4, hours_apart=30.0)
    for i, r in enumerate(rows):
        r["source"] = f"Outlet {i % 4}"
        r["title"] = r["text"].split(".")[0][:60]
    return rows


def _write(path: Path, rows: list[dict[str, str]], extra: str = "") -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows) + extra, encoding="utf-8")


def test_cluster_stories_and_brief_a_stored_story(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _synth_rows()
    db = str(tmp_path / "s.db")
    _write(tmp_path / "a.jsonl", rows[:20], extra="not json\n" + json.dumps({"id": "no-text"}) + "\n")
    assert main(["cluster", str(tmp_path / "a.jsonl"), "--store", db, "--out", str(tmp_path / "a.out")]) == 0
    out = capsys.readouterr().out
    assert "20 articles assigned" in out and "2 unreadable" in out
    assert [json.loads(x)["id"] for x in (tmp_path / "a.out").read_text().splitlines()] == [r["id"] for r in rows[:20]]

    _write(tmp_path / "b.jsonl", rows)  # the whole stream again: the first 20 are skipped
    assert main(["cluster", str(tmp_path / "b.jsonl"), "--store", db]) == 0
    assert f"{len(rows) - 20} articles assigned" in capsys.readouterr().out

    assert main(["stories", "--store", db, "--json", "--min-articles", "2", "--check"]) == 0
    listed = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert listed and all(s["articles"] >= 2 and s["outlets"] >= 1 and s["first_seen"] <= s["last_seen"] for s in listed)
    assert {"id", "title", "first_seen", "last_seen", "articles", "outlets", "stale"} <= set(listed[0])
    assert main(["stories", "--store", db, "--since", "2099-01-01"]) == 0
    assert capsys.readouterr().out == ""

    sid = listed[0]["id"]
    assert main(["brief", "--story", sid, "--store", db, "--out", str(tmp_path / "rep"), "--format", "json"]) == 0
    assert "saved in" in capsys.readouterr().out
    story = json.loads((tmp_path / "rep" / "story.json").read_text())
    assert len(story["documents"]) == listed[0]["articles"]
    assert main(["stories", "--store", db, "--json"]) == 0
    briefed = {s["id"]: s for s in map(json.loads, capsys.readouterr().out.splitlines())}[sid]
    assert briefed["briefed"] and briefed["stale"] is False


def test_brief_story_needs_a_store_and_a_known_story(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", "--story", "s1", "--out", str(tmp_path)]) == 2
    assert "--store" in capsys.readouterr().err
    assert main(["brief", "--story", "s0000001", "--store", str(tmp_path / "empty.db"), "--out", str(tmp_path / "r")]) == 1
    assert "no story" in capsys.readouterr().err
    assert main(["brief", "--out", str(tmp_path / "r")]) == 2


def test_cluster_reports_a_missing_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cluster", str(tmp_path / "nope.jsonl"), "--store", str(tmp_path / "s.db")]) == 1
    assert "no such file" in capsys.readouterr().err
