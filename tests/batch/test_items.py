"""Stories of a batch: JSON Lines lines and sub-folders, with safe and unique ids."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.batch.items import items_from, safe_id
from storyline.errors import InputError


def test_each_line_is_a_story_and_bad_lines_become_failed_items(tmp_path: Path) -> None:
    src = tmp_path / "s.jsonl"
    src.write_text(
        "\n".join(
            [
                json.dumps({"id": "a/1", "documents": ["First article text.", "  "]}),
                "",
                json.dumps({"id": "b", "document": "One. ||||| Two."}),
                "{not json",
                json.dumps({"id": "a/1", "documents": ["Again."]}),
                json.dumps({"id": "c", "documents": 3}),
            ]
        ),
        encoding="utf-8",
    )
    items = list(items_from(src))
    assert [i.id for i in items] == ["a_1", "b", "line-4", "a_1-2", "c"]
    assert items[0].texts == ("First article text.",)
    assert items[1].texts == ("One.", "Two.")
    assert items[2].error is not None and "not valid JSON" in items[2].error and items[2].origin.endswith(":4")
    assert items[4].error == 'no "documents" list'


def test_sub_folders_are_stories(tmp_path: Path) -> None:
    for name in ("zeta", "alpha"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "x.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    items = list(items_from(tmp_path))
    assert [i.id for i in items] == ["alpha", "empty", "zeta"]
    assert items[0].paths and items[0].paths[0].endswith("x.txt")
    assert items[1].error is not None


def test_missing_input_and_flat_folder_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        list(items_from(tmp_path / "nope.jsonl"))
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="sub-folder"):
        list(items_from(tmp_path))


def test_safe_id_never_escapes_the_output_folder() -> None:
    assert safe_id("../../etc/passwd") == "etc_passwd"
    assert safe_id("...") == "story"
    assert "/" not in safe_id("a/b\\c")
