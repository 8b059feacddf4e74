"""Stages are registered by name, selected by settings and run in order."""

from __future__ import annotations

import pytest

from storyline.errors import ConfigError
from storyline.models import Document, Story
from storyline.pipeline import Context, available_stages, get_stage, register_stage, run_pipeline
from storyline.settings import load_options


def test_custom_stages_run_in_the_configured_order() -> None:
    seen: list[str] = []

    @register_stage("test-first")
    def first(story: Story, ctx: Context) -> Story:
        seen.append("first")
        story.documents.append(Document(id="x", text="added"))
        return story

    @register_stage("test-second")
    def second(story: Story, ctx: Context) -> Story:
        seen.append(f"second saw {len(story.documents)}")
        return story

    ctx = Context(load_options(pipeline=["test-first", "test-second"]))
    out = run_pipeline(Story(), ctx)
    assert seen == ["first", "second saw 1"]
    assert set(ctx.timings) == {"test-first", "test-second"}
    assert out.documents[0].id == "x"
    assert "test-first" in available_stages()


def test_unknown_stage_is_a_config_error() -> None:
    with pytest.raises(ConfigError) as exc:
        get_stage("no-such-stage")
    assert "no-such-stage" in str(exc.value)


def test_builtin_stages_resolve_lazily() -> None:
    assert callable(get_stage("clean")) and callable(get_stage("nlp"))
