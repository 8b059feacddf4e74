"""Stages are registered by name, selected by settings and run in order."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.errors import ConfigError
from storyline.models import Document, Story
from storyline.pipeline import (
    PROVIDES,
    Context,
    available_stages,
    check_pipeline,
    contract_of,
    get_stage,
    present,
    register_stage,
    run_pipeline,
)
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


def test_a_stage_missing_its_input_is_refused_before_any_work() -> None:
    with pytest.raises(ConfigError) as exc:
        check_pipeline(["clean", "actors"])
    msg = str(exc.value)
    assert "'actors'" in msg and "parses" in msg and "'nlp'" in msg and "\n" not in msg


def test_run_pipeline_checks_the_contracts_first() -> None:
    ran: list[str] = []

    @register_stage("test-needs-events", requires=("events",))
    def needs(story: Story, ctx: Context) -> Story:
        ran.append("needs")
        return story

    story = Story(documents=[Document(id="d1", text="Some text.")])
    with pytest.raises(ConfigError, match="test-needs-events"):
        run_pipeline(story, Context(load_options()), ["clean", "test-needs-events"])
    assert ran == [] and story.documents[0].blocks == []  # not even clean ran


def test_an_optional_input_must_not_come_from_a_later_stage() -> None:
    check_pipeline(["clean", "nlp", "actors", "events"])  # dates absent: events runs without it
    with pytest.raises(ConfigError, match=r"'events' uses published.*'dates'"):
        check_pipeline(["clean", "nlp", "actors", "events", "dates"])


def test_contracts_name_only_known_fields_and_artifacts() -> None:
    with pytest.raises(ConfigError, match="no_such_field"):
        register_stage("test-bad-contract", requires=("no_such_field",))
    for name in ("clean", "nlp", "dates", "actors", "events", "quotes", "claims", "compare", "summarize"):
        c = contract_of(name)
        assert c.assigns and set(c.requires) | set(c.assigns) | set(c.uses) <= set(PROVIDES)


def test_the_default_pipeline_satisfies_its_contracts() -> None:
    check_pipeline(load_options().pipeline)


def test_what_a_story_already_holds_counts_as_assigned() -> None:
    story = Story(documents=[Document(id="d1", text="x")])
    ctx = Context(load_options())
    assert present(story, ctx) == {"documents"}
    ctx.assigned.add("actors")
    assert "actors" in present(story, ctx)


_TEXTS = [
    "Ministers of Norland and Estavia met in Vienna on Monday. \"We will keep talking,\" said Anna Berg, the Norland envoy. "
    "The talks are expected to resume next week, officials said. It remains unclear whether Estavia will sign the accord.",
    "Estavia's foreign minister Piet Lund said on Tuesday that his government would not sign the accord. "
    "Norland criticised Estavia over the delay. Will the accord survive the winter?",
]


def test_each_stage_run_twice_gives_the_same_story(make_story) -> None:
    stages = list(load_options().pipeline)
    once = make_story(_TEXTS, stages=stages, published=date(2021, 3, 1))
    twice = make_story(_TEXTS, stages=[s for s in stages for _ in (0, 1)], published=date(2021, 3, 1))
    assert once.documents[0].sentences and once.actors
    assert twice.model_dump_json() == once.model_dump_json()


def test_each_stage_package_docstring_states_its_contract() -> None:
    import importlib

    from storyline.pipeline import _BUILTIN

    for name, module in _BUILTIN.items():
        doc = importlib.import_module(module.rsplit(".", 1)[0]).__doc__ or ""
        c = contract_of(name)
        assert f"- requires: {', '.join(c.requires)}\n" in doc, name
        assert f"- assigns: {', '.join(c.assigns)}\n" in doc, name
        assert (f"- uses when present: {', '.join(c.uses)}\n" in doc) == bool(c.uses), name


def test_brief_refuses_an_unknown_format_before_reading(tmp_path) -> None:
    from dataclasses import replace

    from storyline.api import brief

    options = replace(load_options(), formats=("json", "pdf"))
    with pytest.raises(ConfigError, match="pdf"):
        brief([tmp_path / "missing.txt"], tmp_path / "out", options)
    assert not (tmp_path / "out").exists()
