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


# -- stdin, stdout, global options, nothing written on failure, OS errors -------------------------------------


def _run(argv: list[str], monkeypatch: pytest.MonkeyPatch, stdin: bytes = b"") -> int:
    import io
    import sys

    class FakeStdin(io.TextIOWrapper):
        def isatty(self) -> bool:
            return False

    monkeypatch.setattr(sys, "stdin", FakeStdin(io.BytesIO(stdin), encoding="utf-8"))
    return main(argv)


def test_dash_reads_one_article_from_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "d"
    assert _run(["brief", "-", "--out", str(out), "--format", "json"], monkeypatch, GOOD.encode()) == 0
    story = json.loads((out / "story.json").read_text(encoding="utf-8"))
    assert len(story["documents"]) == 1 and story["documents"][0]["file"] == "stdin"
    assert "harbour reopened" in story["documents"][0]["text"]
    err = capsys.readouterr().err
    assert "1 article, 0 skipped" in err  # the one-line end summary


def test_empty_stdin_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "d"
    assert _run(["brief", "-", "--out", str(out)], monkeypatch, b"  \n") == 1
    assert not out.exists()
    assert "stdin: empty input" in capsys.readouterr().err


def test_json_flag_writes_story_json_to_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    art = tmp_path / "a.txt"
    art.write_text(GOOD, encoding="utf-8")
    assert main(["brief", str(art), "--json", "-q"]) == 0
    captured = capsys.readouterr()
    story = json.loads(captured.out)
    assert story["documents"][0]["file"] == "a.txt"
    assert captured.err == ""  # -q: no summary line
    assert main(["brief", str(art), "--out", "-", "--format", "md"]) == 2


@pytest.mark.parametrize("where", ["before", "after"])
def test_global_options_before_or_after_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.toml").write_text("colour = 'blue'\n", encoding="utf-8")
    glob = ["--config", str(tmp_path / "bad.toml"), "-v", "--debug"]
    cmd = ["brief", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o")]
    code = main(glob + cmd if where == "before" else cmd + glob)
    assert code == 1
    assert "unknown setting" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("case", ["missing", "empty", "binary"])
def test_no_readable_article_exits_1_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str) -> None:
    path = tmp_path / "in.txt"
    if case == "empty":
        path.write_bytes(b"")
    elif case == "binary":
        path.write_bytes(b"\x00\x01\x02" * 100)
    out = tmp_path / "d"
    assert main(["brief", str(path), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "no articles could be read" in err and "Traceback" not in err
    assert not out.exists()


def test_output_problems_found_before_the_pipeline(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import storyline.api

    def fail(*_: object, **__: object) -> None:
        raise AssertionError("the pipeline ran")

    monkeypatch.setattr(storyline.api, "build_story", fail)
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    for out, needle in ((blocker, "exists and is not a folder"), (blocker / "sub", "is not a folder")):
        assert main(["brief", str(tmp_path / "a.txt"), "--out", str(out)]) == 1
        err = capsys.readouterr().err.strip()
        assert needle in err and str(out) in err and len(err.splitlines()) == 1


def test_reports_replace_a_planted_symlink_instead_of_following_it(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "d"
    out.mkdir()
    target = tmp_path / "precious.txt"
    target.write_text("keep me", encoding="utf-8")
    (out / "story.json").symlink_to(target)
    assert main(["brief", str(tmp_path / "a.txt"), "--out", str(out), "--format", "json"]) == 0
    assert target.read_text(encoding="utf-8") == "keep me"
    assert not (out / "story.json").is_symlink()
    assert json.loads((out / "story.json").read_text(encoding="utf-8"))["documents"]
    assert [p.name for p in out.iterdir()] == ["story.json"]  # no temporary file left


def test_missing_multinews_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summarize", "--multinews", str(tmp_path / "nope.jsonl"), "--out", str(tmp_path / "p.jsonl")]) == 1
    err = capsys.readouterr().err.strip()
    assert err == f"storyline: error: {tmp_path / 'nope.jsonl'}: no such file"


def test_control_characters_never_reach_the_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = tmp_path / "evil\x1b]0;owned\x07\x1b[2J.txt"
    assert main(["brief", str(name), "--out", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err
    assert "evil]0;owned[2J.txt" in err


def test_summarize_cites_outlets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    assert main(["summarize", str(tmp_path / "a.txt"), "--words", "40"]) == 0
    lines = [ln for ln in capsys.readouterr().out.splitlines() if ln]
    assert lines and all(ln.endswith("[a.txt]") for ln in lines)


def test_help_has_examples(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["--help"], ["brief", "--help"]):
        with pytest.raises(SystemExit):
            main(argv)
        out = capsys.readouterr().out
        assert "examples:" in out and "storyline brief" in out


def test_progress_bar_only_on_a_terminal() -> None:
    import io

    from storyline.cli import ProgressBar

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    tty, pipe = Tty(), io.StringIO()
    for stream in (tty, pipe):
        bar = ProgressBar("work", stream=stream)
        for i in range(1, 4):
            bar(i, 3)
        bar.close()
    assert "3/3" in tty.getvalue() and "[" in tty.getvalue()
    assert pipe.getvalue() == ""


def test_read_only_output_folder_is_found_before_the_pipeline(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import os

    if os.geteuid() == 0:
        pytest.skip("running as root: every folder is writable")
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        assert main(["brief", str(tmp_path / "a.txt"), "--out", str(ro)]) == 1
        err = capsys.readouterr().err.strip()
        assert err == f"storyline: error: {ro}: folder is not writable"
    finally:
        ro.chmod(0o700)
