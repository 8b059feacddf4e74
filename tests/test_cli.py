"""The command line: help, one-line errors, and batches that survive bad inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.cli import main

GOOD = "Harbour Reopens\n\nThe harbour reopened on Friday after a week of repairs, the port authority said.\n\nShips queued outside overnight.\n\nFishermen said the delay had cost them dearly.\n"


def test_help_explains_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["--help"], ["brief", "--help"], ["summarize", "--help"], ["schema", "--help"], ["stages", "--help"]):
        with pytest.raises(SystemExit) as exc:
            main(argv)
        assert exc.value.code == 0
        out = capsys.readouterr().out
        assert out.startswith("usage: storyline")
    main(["stages"])
    out = capsys.readouterr().out
    assert "clean" in out and "requires: blocks; assigns: sentences, entities, parses" in out


def test_brief_writes_reports_and_lists_skipped_inputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "harbour.txt"
    good.write_text(GOOD, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    out = tmp_path / "out"
    code = main(["brief", str(good), str(empty), str(tmp_path / "nope.txt"), "--out", str(out), "--source", "Port News", "--date", "2023-04-07"])
    assert code == 0
    err = capsys.readouterr().err
    lines = [ln for ln in err.splitlines() if ln]
    assert any("empty.txt: empty file" in ln for ln in lines)
    assert any("nope.txt: no such file or directory" in ln for ln in lines)
    assert "Traceback" not in err
    story = json.loads((out / "story.json").read_text(encoding="utf-8"))
    assert [d["source"] for d in story["documents"]] == ["Port News"]
    assert story["documents"][0]["published"] == {"earliest": "2023-04-07", "latest": "2023-04-07", "inferred": False, "why": "from --date"}
    assert {s["input"] for s in story["skipped"]} == {str(empty), str(tmp_path / "nope.txt")}
    assert "Skipped inputs" in (out / "story.md").read_text(encoding="utf-8")
    assert "empty file" in (out / "story.html").read_text(encoding="utf-8")


def test_format_flag_limits_outputs(tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_text(GOOD, encoding="utf-8")
    assert main(["brief", str(good), "--out", str(tmp_path / "o"), "--format", "md"]) == 0
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == ["story.md"]


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["brief", "{tmp}/missing", "--out", "{tmp}/o"], "no articles could be read"),
        (["brief", "{tmp}/a.txt", "--out", "{tmp}/o", "--format", "pdf"], "unknown format 'pdf'"),
        (["--config", "{tmp}/bad.toml", "brief", "{tmp}/a.txt", "--out", "{tmp}/o"], "unknown setting"),
    ],
)
def test_errors_are_one_line_without_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], needle: str) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.toml").write_text("colour = 'blue'\n", encoding="utf-8")
    code = main([a.format(tmp=tmp_path) for a in argv])
    err = capsys.readouterr().err
    assert code == 1
    assert needle in err
    assert "Traceback" not in err
    assert all(line.startswith("storyline:") for line in err.splitlines() if line)


def test_bad_date_flag_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["brief", "x.txt", "--out", str(tmp_path), "--date", "14/03/2016"])
    assert exc.value.code == 2
    assert "expected YYYY-MM-DD" in capsys.readouterr().err


def test_events_table_formats(tmp_path: Path) -> None:
    import csv

    art = tmp_path / "talks.txt"
    art.write_text(
        "Talks Collapse\n\nFrance and Germany signed a defence agreement in Paris on Monday, officials said.\n\n"
        "On Tuesday, Germany rejected the French proposal for a joint tank.\n\nThe talks will resume next month.\n",
        encoding="utf-8",
    )
    out = tmp_path / "o"
    assert main(["brief", str(art), "--out", str(out), "--format", "json,csv,tsv", "--date", "2024-03-06"]) == 0
    rows = list(csv.DictReader((out / "events.csv").open(encoding="utf-8")))
    story = json.loads((out / "story.json").read_text(encoding="utf-8"))
    assert len(rows) == len(story["events"]) > 0
    assert {"id", "date", "who", "category", "sources"} <= set(rows[0])
    assert any(r["date"] == "2024-03-04" for r in rows)  # "Monday" before a Wednesday publication date
    tsv = (out / "events.tsv").read_text(encoding="utf-8").splitlines()
    assert tsv[0].split("\t")[:2] == ["id", "date"] and len(tsv) == len(rows) + 1


@pytest.mark.parametrize(
    ("pipeline", "needle"),
    [('["clean", "actors"]', "stage 'actors' requires"), ('["clean", "nlp", "actors", "events", "claims", "compare", "dates"]', "stage 'events' uses published")],
)
def test_a_broken_pipeline_fails_at_once_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], pipeline: str, needle: str) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text(f"pipeline = {pipeline}\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["--config", str(cfg), "brief", str(article), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and needle in err and err.startswith("storyline: error:")
    assert not out.exists()  # nothing was read or written
