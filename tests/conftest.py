"""Shared fixtures: the spaCy model is loaded once per test session."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from storyline.api import story_from_articles
from storyline.ingest.read import RawArticle
from storyline.models import Story
from storyline.pipeline import Context, run_pipeline
from storyline.settings import Options, load_options

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLE = ROOT / "examples" / "syria-2016"


@pytest.fixture(scope="session")
def options() -> Options:
    return load_options()


@pytest.fixture(scope="session")
def nlp(options: Options):
    from storyline.nlp.model import load_model

    return load_model(options.models)


@pytest.fixture()
def make_story(options: Options, nlp) -> Callable[..., Story]:
    """Build a Story from hand-written article texts and run the named stages.

    ``make_story(["text one", "text two"], stages=["clean", "nlp"], published=date(2016, 3, 15))``
    """

    def build(texts: list[str], stages: list[str] | None = None, published: date | None = None, sources: list[str] | None = None) -> Story:
        arts = [
            RawArticle(text=t, file=f"doc{i}.txt", published=published, source=(sources[i] if sources else None))
            for i, t in enumerate(texts)
        ]
        story = story_from_articles(arts, options)
        ctx = Context(options)
        ctx.set_nlp(nlp)
        return run_pipeline(story, ctx, stages or ["clean", "nlp"])

    return build
