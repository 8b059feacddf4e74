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
    ],
)
def test_bad_settings_name_the_key_and_the_file(tmp_path: Path, content: str, message: str) -> None:
    p = tmp_path / "bad.toml"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_options(p)
    assert message in str(exc.value) and str(p) in str(exc.value)


def test_stage_threshold_sections_merge_and_reject_unknown_keys(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from storyline.errors import ConfigError
    from storyline.settings import load_options

    defaults = load_options()
    assert defaults.clean["min_article_words"] > 0 and defaults.dates["story_span_days"] > 0
    user = tmp_path / "c.toml"
    user.write_text("[clean]\nmin_article_words = 30\n", encoding="utf-8")
    merged = load_options(user)
    assert merged.clean["min_article_words"] == 30
    assert merged.clean["copy_shared_sentences"] == defaults.clean["copy_shared_sentences"]
    user.write_text("[clean]\nno_such_threshold = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_options(user)
