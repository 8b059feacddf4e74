"""The pipeline: named stages applied in order to one Story.

A stage is a callable ``(story, ctx) -> story`` registered by name with
:func:`register_stage`. Which stages run, and in which order, comes from the
``pipeline`` setting. :func:`run_pipeline` is a plain loop.
"""

from __future__ import annotations

import importlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .errors import ConfigError
from .models import Story
from .settings import Options

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["Context", "Stage", "available_stages", "get_stage", "register_stage", "run_pipeline"]

log = logging.getLogger(__name__)

Stage = Callable[[Story, "Context"], Story]

_REGISTRY: dict[str, Stage] = {}

# Where each built-in stage is defined; imported on first use so that
# selecting a pipeline never loads the code of stages it does not run.
_BUILTIN: dict[str, str] = {
    "clean": "storyline.clean.stage",
    "nlp": "storyline.nlp.stage",
    "dates": "storyline.dates.stage",
    "timexes": "storyline.timexes.stage",
    "actors": "storyline.actors.stage",
    "events": "storyline.events.stage",
    "quotes": "storyline.quotes.stage",
    "claims": "storyline.claims.stage",
    "compare": "storyline.compare.stage",
    "summarize": "storyline.summarize.stage",
}


def register_stage(name: str) -> Callable[[Stage], Stage]:
    """Register ``fn`` as the stage called ``name`` (decorator)."""

    def deco(fn: Stage) -> Stage:
        _REGISTRY[name] = fn
        return fn

    return deco


def get_stage(name: str) -> Stage:
    if name not in _REGISTRY and name in _BUILTIN:
        importlib.import_module(_BUILTIN[name])
    try:
        return _REGISTRY[name]
    except KeyError:
        raise ConfigError("pipeline", f"no stage called {name!r}; known: {', '.join(available_stages())}") from None


def available_stages() -> list[str]:
    return list(dict.fromkeys([*_BUILTIN, *_REGISTRY]))


@dataclass
class Context:
    """What stages share besides the Story: options, models, parses, timings."""

    options: Options
    parses: dict[tuple[str, int], Doc] = field(default_factory=dict)  # (doc id, block index) -> spaCy Doc
    timings: dict[str, float] = field(default_factory=dict)
    cache: dict[str, Any] = field(default_factory=dict)  # per-run scratch space for stages
    _nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline, loaded once on first use."""
        if self._nlp is None:
            from .nlp.model import load_model

            self._nlp = load_model(self.options.models)
        return self._nlp

    def set_nlp(self, nlp: Language) -> None:
        self._nlp = nlp


def run_pipeline(story: Story, ctx: Context, stages: list[str] | tuple[str, ...] | None = None) -> Story:
    """Apply each named stage to ``story`` in order and return the result."""
    names = list(stages if stages is not None else ctx.options.pipeline)
    procs = [(n, get_stage(n)) for n in names]
    for name, proc in procs:
        t0 = time.perf_counter()
        story = proc(story, ctx)
        ctx.timings[name] = ctx.timings.get(name, 0.0) + time.perf_counter() - t0
        log.debug("stage %s done in %.3fs", name, ctx.timings[name])
    return story

