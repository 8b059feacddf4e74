"""Fixtures of the summarize tests: a parsed story together with its context (parses)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from storyline.api import story_from_articles
from storyline.ingest.read import RawArticle
from storyline.models import Story
from storyline.pipeline import Context, run_pipeline
from storyline.settings import Options


@pytest.fixture()
def parsed(options: Options, nlp) -> Callable[[list[str]], tuple[Story, Context]]:
    """``parsed(texts)`` -> (story after clean and nlp, the context holding its parses)."""

    def build(texts: list[str]) -> tuple[Story, Context]:
        story = story_from_articles([RawArticle(text=t, file=f"doc{i}.txt") for i, t in enumerate(texts)], options)
        ctx = Context(options)
        ctx.set_nlp(nlp)
        return run_pipeline(story, ctx, ["clean", "nlp"]), ctx

    return build
