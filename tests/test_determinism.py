"""The same input gives byte-identical reports whatever PYTHONHASHSEED is (ties broken by stable keys)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

# Hand-written articles: several actors linked by support/opposition cues (the actor graph), the same facts
# told by three outlets (agreements with shared terms), a denial (divergence) and open questions.
ARTICLES = {
    "harbor-herald.txt": (
        "Norland and Estavia Trade Blame Over Dam\n\n"
        "Norland accused Estavia and Valdor of blocking the river talks on Monday, and the Ostrian Union backed Norland.\n\n"
        "\"We will not accept a dam that starves our farms,\" said Anna Berg, Norland's water minister, in Vienna.\n\n"
        "Estavia criticised Norland and the Ostrian Union, and Valdor condemned Norland over the new sanctions.\n\n"
        "The Ostrian Union supports Norland, Valdor supports Estavia, and Estavia supports Valdor.\n\n"
        "It remains unclear whether the dam will open before the dry season."
    ),
    "river-times.txt": (
        "Dam Talks Collapse in Vienna\n\n"
        "The river talks between Norland and Estavia collapsed in Vienna on Monday after the dam dispute.\n\n"
        "Piet Lund, Estavia's energy minister, said the dam would open in May and denied that it would starve the farms.\n\n"
        "Valdor and Estavia condemned Norland, while the Ostrian Union and Norland criticised Valdor.\n\n"
        "Will the farms downstream survive the dry season?"
    ),
    "valley-post.txt": (
        "Vienna Talks on the Dam End Without a Deal\n\n"
        "Talks in Vienna on the dam between Norland and Estavia collapsed on Monday without a deal.\n\n"
        "Anna Berg said Norland would not accept a dam that starves the farms downstream.\n\n"
        "The Ostrian Union backed Norland and opposed Estavia and Valdor, officials said.\n\n"
        "Estavia says the dam will not harm the farms downstream."
    ),
}


def _brief(folder: Path, out: Path, seed: str) -> dict[str, bytes]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    cmd = [sys.executable, "-m", "storyline", "brief", str(folder), "--out", str(out), "--date", "2024-05-06"]
    res = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert res.returncode == 0, res.stderr
    return {name: (out / name).read_bytes() for name in ("story.json", "story.md", "story.html")}


def test_reports_do_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
    one = _brief(folder, tmp_path / "one", "1")
    two = _brief(folder, tmp_path / "two", "2")
    story = json.loads(one["story.json"])
    assert len(story["relations"]) >= 3 and story["agreements"]  # the orderings under test are exercised
    for name in one:
        assert one[name] == two[name], f"{name} differs between PYTHONHASHSEED=1 and 2"
