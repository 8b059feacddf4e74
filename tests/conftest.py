"""Shared fixtures: the spaCy model is loaded once per test session."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from storyline.api import story_from_articles
from storyline.ingest.read import RawArticle
from storyline.models import Actor, ActorKind, Mention, Story
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
    from storyline.language.model import load_model

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


# -- stories with hand-built actors (for stages that come after `actors`) --


@dataclass(frozen=True)
class HandActor:
    """An actor for a test: its name, kind, and the surface forms that mention it."""

    name: str
    kind: ActorKind
    surfaces: tuple[str, ...]


def add_actors(story: Story, actors: list[HandActor]) -> None:
    """Record every occurrence of each surface form as a mention (longest forms first)."""
    taken: list[tuple[str, int, int]] = []
    for i, spec in enumerate(actors, 1):
        story.actors.append(Actor(id=f"a{i}", name=spec.name, kind=spec.kind, aliases=list(spec.surfaces)))
    forms = sorted(((s, i) for i, spec in enumerate(actors) for s in spec.surfaces), key=lambda f: -len(f[0]))
    for doc in story.documents:
        for surface, i in forms:
            for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", doc.text):
                if any(d == doc.id and s < m.end() and m.start() < e for d, s, e in taken):
                    continue
                taken.append((doc.id, m.start(), m.end()))
                story.actors[i].mentions.append(Mention(doc=doc.id, start=m.start(), end=m.end(), text=m.group()))


def _build(options: Options, nlp, texts: list[str], actors: list[HandActor], stages: list[str] | None) -> tuple[Story, Context]:
    arts = [RawArticle(text=t, file=f"doc{i}.txt", published=None, source=None) for i, t in enumerate(texts)]
    story = story_from_articles(arts, options)
    ctx = Context(options)
    ctx.set_nlp(nlp)
    story = run_pipeline(story, ctx, ["clean", "nlp"])
    add_actors(story, actors)
    ctx.assigned.add("actors")  # the hand-built actors stand in for the actors stage (even when there are none)
    return run_pipeline(story, ctx, stages or ["quotes"]), ctx


@pytest.fixture()
def run_with_actors(options: Options, nlp) -> Callable[..., Story]:
    """``run_with_actors(["text"], [HandActor(...)], stages=["quotes"])``: clean, nlp, actors by hand, then stages."""

    def build(texts: list[str], actors: list[HandActor], stages: list[str] | None = None) -> Story:
        return _build(options, nlp, texts, actors, stages)[0]

    return build


@pytest.fixture()
def run_with_context(options: Options, nlp) -> Callable[..., tuple[Story, Context]]:
    """Like ``run_with_actors``, also returning the pipeline context (``ctx.claim_units`` holds the claim features)."""

    def build(texts: list[str], actors: list[HandActor], stages: list[str] | None = None) -> tuple[Story, Context]:
        return _build(options, nlp, texts, actors, stages)

    return build
