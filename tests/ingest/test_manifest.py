"""The sources manifest: CSV or JSON Lines, matched by file name, winning over metadata and inference."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from storyline.errors import InputError
from storyline.ingest.manifest import apply_manifest, read_manifest
from storyline.ingest.read import read_inputs

ARTICLE = "Bridge Shut After Cracks Found\n\nLYON, France (Reuters) - Engineers closed the old bridge on Monday, officials said.\n\nRepairs will take a year.\n"


def _folder(tmp_path: Path) -> Path:
    d = tmp_path / "story"
    d.mkdir()
    (d / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (d / "b.jsonl").write_text(json.dumps({"text": ARTICLE, "source": "Old Name", "published": "2020-01-01"}) + "\n", encoding="utf-8")
    return d


def test_csv_manifest_fills_and_wins(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    m = tmp_path / "sources.csv"
    m.write_text("file,outlet,url,published,headline\na.txt,The Lyon Courier,https://example.org/a,2021-06-07,\nb.jsonl,New Name,,2021-06-08,Given headline\n", encoding="utf-8")
    res = read_inputs([folder])
    assert apply_manifest(res.articles, read_manifest(m)) == 2
    a, b = sorted(res.articles, key=lambda x: x.file or "")
    assert (a.source, a.url, a.published, a.title) == ("The Lyon Courier", "https://example.org/a", date(2021, 6, 7), None)
    assert (b.source, b.published, b.title) == ("New Name", date(2021, 6, 8), "Given headline")


def test_jsonl_manifest_with_other_column_names(tmp_path: Path) -> None:
    m = tmp_path / "sources.jsonl"
    m.write_text(json.dumps({"file": "a.txt", "source": "Courier", "title": "Headline", "published": "not a date"}) + "\n", encoding="utf-8")
    entries = read_manifest(m)
    assert entries["a.txt"].outlet == "Courier" and entries["a.txt"].headline == "Headline"
    assert entries["a.txt"].published is None  # a bad cell is ignored, not fatal


def test_manifest_without_file_column_is_one_clear_error(tmp_path: Path) -> None:
    m = tmp_path / "sources.csv"
    m.write_text("name,outlet\na.txt,Courier\n", encoding="utf-8")
    with pytest.raises(InputError, match='no "file" column'):
        read_manifest(m)


def test_manifest_outlet_wins_over_inference(make_story_from_paths) -> None:  # type: ignore[no-untyped-def]
    story, _folder_path, _manifest = make_story_from_paths
    assert story.documents[0].source == "The Lyon Courier"
    assert story.documents[0].source_why is None  # given, not inferred
    assert story.documents[0].published.why == "from the sources manifest"


@pytest.fixture()
def make_story_from_paths(tmp_path: Path, options):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from storyline.api import build_story

    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    manifest = tmp_path / "sources.csv"
    manifest.write_text("file,outlet,published\na.txt,The Lyon Courier,2021-06-07\n", encoding="utf-8")
    story = build_story([folder], replace(options, pipeline=("clean",)), sources=manifest)
    return story, folder, manifest
