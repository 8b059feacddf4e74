"""Reading every input format, and every kind of bad input."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from storyline.ingest.read import read_inputs, read_path, split_cluster

ARTICLE = "Storm Hits Coast\n\nA storm hit the coast on Monday, officials said.\n\nPower was cut to 4,000 homes.\n"

HTML = """<!DOCTYPE html><html><head><title>Council Approves Budget | The Daily Ledger</title>
<meta property="og:title" content="Council Approves Budget">
<meta property="og:site_name" content="The Daily Ledger">
<meta name="date" content="2024-05-02">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Council Approves Budget</h1>
<p>The city council approved a $4 million budget on Tuesday after a long debate over road repairs and library hours.</p>
<p>Mayor Ann Lopez said the plan would keep taxes flat for a third year while hiring six new firefighters for the east side.</p>
<p>Opponents said the budget relied on optimistic revenue forecasts and would force cuts next spring if sales tax receipts fell.</p>
</article><footer>Copyright 2024 The Daily Ledger</footer></body></html>"""


def write(tmp: Path, name: str, content: str | bytes) -> Path:
    p = tmp / name
    if isinstance(content, bytes):
        p.write_bytes(content)
    else:
        p.write_text(content, encoding="utf-8")
    return p


def test_plain_text_is_read_exactly(tmp_path: Path) -> None:
    p = write(tmp_path, "storm.txt", ARTICLE)
    res = read_path(p)
    assert len(res.articles) == 1
    art = res.articles[0]
    assert art.text == ARTICLE  # offsets index the file as decoded, newlines kept
    assert art.file == "storm.txt" and art.fmt == "text"


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    res = read_path(write(tmp_path, "budget.html", HTML))
    art = res.articles[0]
    assert art.fmt == "html"
    assert "approved a $4 million budget" in art.text
    assert "Home" not in art.text.split("\n")  # navigation is not article text
    assert art.title == "Council Approves Budget"
    assert art.source == "The Daily Ledger"
    assert art.published == date(2024, 5, 2)


def test_jsonl_articles_with_metadata(tmp_path: Path) -> None:
    lines = [
        {"text": "First article body.", "title": "One", "source": "Wire", "published": "2020-01-02", "url": "http://x/1"},
        {"text": "Second article body."},
    ]
    p = write(tmp_path, "feed.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n")
    res = read_path(p)
    assert [a.text for a in res.articles] == ["First article body.", "Second article body."]
    first = res.articles[0]
    assert (first.title, first.source, first.published, first.url) == ("One", "Wire", date(2020, 1, 2), "http://x/1")
    assert res.articles[1].source is None and res.articles[1].published is None
    assert len({a.file for a in res.articles}) == 2


def test_jsonl_broken_line_is_skipped_and_others_kept(tmp_path: Path) -> None:
    p = write(tmp_path, "feed.jsonl", '{"text": "good one"}\n{"text": "broken\n{"text": "good two"}\n[1, 2]\n{"title": "no text"}\n')
    res = read_path(p)
    assert [a.text for a in res.articles] == ["good one", "good two"]
    problems = {s.input: s.problem for s in res.skipped}
    assert set(problems) == {f"{p}:2", f"{p}:4", f"{p}:5"}
    assert "not valid JSON" in problems[f"{p}:2"]
    assert "JSON object" in problems[f"{p}:4"]
    assert "text" in problems[f"{p}:5"]


def test_multinews_cluster_line_and_text_cluster(tmp_path: Path) -> None:
    line = {"id": "val-1", "documents": ["Doc one text.", "  ", "Doc two text."], "summary": "– s"}
    res = read_path(write(tmp_path, "dev.jsonl", json.dumps(line) + "\n"))
    assert [a.text for a in res.articles] == ["Doc one text.", "Doc two text."]
    assert all(a.fmt == "cluster" for a in res.articles)
    txt = write(tmp_path, "cluster.txt", "First doc. \n ||||| Second doc.\n|||||\n|||||Third doc.")
    assert [a.text for a in read_path(txt).articles] == ["First doc.", "Second doc.", "Third doc."]
    assert split_cluster("a ||||| ||||| b") == ["a", "b"]


def test_folder_is_read_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    write(tmp_path, "b.txt", "Article B.")
    write(tmp_path, "a.txt", "Article A.")
    write(tmp_path / "sub", "c.txt", "Article C.")
    write(tmp_path, "notes.pdf", b"%PDF-1.4 binary")
    write(tmp_path, ".hidden.txt", "secret")
    res = read_inputs([tmp_path])
    assert [a.text for a in res.articles] == ["Article A.", "Article B.", "Article C."]
    assert res.skipped == []


def test_every_bad_input_is_reported_and_the_rest_still_read(tmp_path: Path) -> None:
    good = write(tmp_path, "good.txt", "A real article about the harbour.")
    empty = write(tmp_path, "empty.txt", "  \n\n ")
    binary = write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    latin = write(tmp_path, "latin1.txt", "Caf\xe9 au lait".encode("latin-1"))
    no_article = write(tmp_path, "nav.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>")
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    write(empty_dir, "readme.pdf", b"%PDF")
    missing = tmp_path / "missing.txt"
    broken = write(tmp_path, "feed.jsonl", '{"text": "jsonl article"}\n{oops\n')
    res = read_inputs([good, empty, binary, latin, no_article, empty_dir, missing, broken])
    assert [a.text for a in res.articles] == ["A real article about the harbour.", "jsonl article"]
    problems = {s.input: s.problem for s in res.skipped}
    assert problems[str(empty)] == "empty file"
    assert "binary" in problems[str(binary)]
    assert "UTF-8" in problems[str(latin)] and "offset 3" in problems[str(latin)]
    assert "no article text" in problems[str(no_article)]
    assert "no article files" in problems[str(empty_dir)]
    assert problems[str(missing)] == "no such file or directory"
    assert "not valid JSON" in problems[f"{broken}:2"]
    assert all("\n" not in p for p in problems.values())  # one line each


def test_too_large_input_is_refused(tmp_path: Path) -> None:
    p = write(tmp_path, "big.txt", "word " * 1000)
    res = read_inputs([p], max_bytes=100)
    assert res.articles == [] and "too large" in res.skipped[0].problem


def test_an_unexpected_failure_in_one_file_does_not_stop_the_batch(tmp_path: Path, monkeypatch) -> None:
    import storyline.ingest.read as read_mod

    def broken_html(path: Path, text: str):
        raise ImportError("a parser library is missing\nsecond line")

    monkeypatch.setattr(read_mod, "_read_html", broken_html)
    page = write(tmp_path, "a.html", HTML)
    good = write(tmp_path, "b.txt", "A good article.")
    res = read_inputs([page, good])
    assert [a.text for a in res.articles] == ["A good article."]
    assert res.skipped[0].input == str(page)
    assert res.skipped[0].problem.startswith("could not be read (ImportError: a parser library is missing")
    assert "\n" not in res.skipped[0].problem
