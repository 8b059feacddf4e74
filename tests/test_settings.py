"""Layered settings: packaged defaults, then a user file, then flags."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from storyline.errors import ConfigError
from storyline.settings import load_options


def test_layers_fold_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("STORYLINE_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "none"))
    base = load_options()
    assert base.formats == ("json", "md", "html") and "clean" in base.pipeline
    user = tmp_path / "c.toml"
    user.write_text('formats = ["md"]\nsummary_words = 80\nsource = "Wire"\n', encoding="utf-8")
    opts = load_options(user)
    assert (opts.formats, opts.summary_words, opts.source) == (("md",), 80, "Wire")
    flagged = load_options(user, summary_words=200, source=None, formats="json,html", published="2020-02-29")
    assert flagged.summary_words == 200 and flagged.source == "Wire"  # None flags do not override
    assert flagged.formats == ("json", "html") and flagged.published == date(2020, 2, 29)


def test_user_file_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    user = tmp_path / "env.toml"
    user.write_text("summary_words = 33\n", encoding="utf-8")
    monkeypatch.setenv("STORYLINE_CONFIG", str(user))
    assert load_options().summary_words == 33


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("speed = 3\n", "unknown setting"),
        ("summary_words = -4\n", "positive whole number"),
        ("formats = 3\n", "list of names"),
        ("published = 'soon'\n", "YYYY-MM-DD"),
        ("formats = [\n", "not valid TOML"),
        ('formats = ["json", "pdf"]\n', "unknown format 'pdf'"),
        ('pipeline = ["clean", "parse"]\n', "no stage called 'parse'"),
        ('llm_url = "localhost:8080"\n', "http:// or https://"),
        ("[compare]\nlink = 'high'\n", "compare.link"),
        ("[compare]\nlink = -0.2\n", "number >= 0"),
        ("[compare]\nmax_agreements = 2.5\n", "whole number"),
        ("[compare]\nspeed = 2\n", "compare.speed"),
        ("[summarize.weights]\nlead_first = 1\n", "true or false"),
        ("[nosuchstage]\nx = 1\n", "unknown settings section"),
    ],
)
def test_bad_settings_name_the_key_and_the_file(tmp_path: Path, content: str, message: str) -> None:
    p = tmp_path / "bad.toml"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_options(p)
    assert message in str(exc.value) and str(p) in str(exc.value)


def test_tuning_sections_are_typed_and_overridable(tmp_path: Path) -> None:
    base = load_options()
    assert base.tuned("compare", "link") == 0.30 and base.tuned_int("compare", "max_agreements") == 16
    user = tmp_path / "tune.toml"
    user.write_text("[compare]\nmax_agreements = 3\nlink = 1\n[summarize.weights]\nlead = 0.5\nlead_first = false\n", encoding="utf-8")
    opts = load_options(user)
    assert opts.tuned_int("compare", "max_agreements") == 3 and opts.tuned("compare", "link") == 1.0
    assert isinstance(opts.tuning["compare"]["link"], float)
    assert opts.section("summarize.weights")["lead"] == 0.5 and opts.section("summarize.weights")["lead_first"] is False
    assert opts.tuned("compare", "unique") == base.tuned("compare", "unique")  # keys not given keep their defaults
    assert base.tuned_int("compare", "max_agreements") == 16  # the packaged options are not changed
    with pytest.raises(ConfigError, match=r"compare\.nothing"):
        opts.tuned("compare", "nothing")


def test_the_summary_weights_in_code_match_the_settings_file() -> None:
    from storyline.summarize.select import Weights
    from storyline.summarize.stage import DEFAULT_WEIGHTS

    assert Weights(**load_options().section("summarize.weights")) == Weights() == DEFAULT_WEIGHTS


def test_the_formats_the_settings_accept_are_the_ones_rendered() -> None:
    from storyline.render import FORMATS as RENDERED
    from storyline.settings import FORMATS

    assert set(FORMATS) == set(RENDERED)


def test_the_input_limit_is_written_once() -> None:
    import inspect

    from storyline.ingest.read import read_inputs
    from storyline.settings import Options, packaged_defaults

    limit = packaged_defaults()["max_input_bytes"]
    assert Options().max_input_bytes == load_options().max_input_bytes == limit
    assert inspect.signature(read_inputs).parameters["max_bytes"].default == limit


def test_a_user_section_reaches_the_stages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Module thresholds read the options loaded first in the process: here, a fresh `storyline brief` run."""
    import json
    import subprocess
    import sys

    monkeypatch.syspath_prepend(str(Path(__file__).parent))
    from test_determinism import ARTICLES

    folder = tmp_path / "story"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
    counts = []
    for max_items in (8, 1):
        cfg = tmp_path / f"c{max_items}.toml"
        cfg.write_text(f'formats = ["json"]\n[compare]\nmax_agreements = {max_items}\n', encoding="utf-8")
        out = tmp_path / f"out{max_items}"
        cmd = [sys.executable, "-m", "storyline", "--config", str(cfg), "brief", str(folder), "--out", str(out), "--date", "2024-05-06"]
        subprocess.run(cmd, check=True, capture_output=True, timeout=600)
        counts.append(len(json.loads((out / "story.json").read_text(encoding="utf-8"))["agreements"]))
    assert counts[0] > 1 and counts[1] == 1


def test_stage_threshold_sections_merge_and_reject_unknown_keys(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from storyline.errors import ConfigError
    from storyline.settings import load_options

    defaults = load_options()
    assert defaults.section("clean")["min_article_words"] > 0 and defaults.section("dates")["story_span_days"] > 0
    user = tmp_path / "c.toml"
    user.write_text("[clean]\nmin_article_words = 30\n", encoding="utf-8")
    merged = load_options(user)
    assert merged.section("clean")["min_article_words"] == 30
    assert merged.section("clean")["copy_shared_sentences"] == defaults.section("clean")["copy_shared_sentences"]
    user.write_text("[clean]\nno_such_threshold = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_options(user)
