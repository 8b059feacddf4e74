"""The pipeline: named stages applied in order to one Story.

A stage is a callable ``(story, ctx) -> story`` registered by name with
:func:`register_stage`. Which stages run, and in which order, comes from the
``pipeline`` setting.

Each stage declares a contract, as spaCy components do: what it ``requires``
(Story fields and artifacts an earlier stage must have assigned), what it
``assigns``, and what it ``uses`` when present (an optional input: a stage
assigning it must then run before). :func:`check_pipeline` checks a stage
list against these contracts before any work, and :func:`run_pipeline` checks
before it runs; a broken list raises one :class:`ConfigError` naming the stage
and what it misses. Running a stage twice gives the same Story as running it
once (each stage assigns its outputs afresh).

The names a contract may use are :data:`PROVIDES`: Story fields
(``documents``, ``blocks``, ``sentences``, ``entities``, ``published``,
``actors``, ``relations``, ``events``, ``quotes``, ``claims``, ``questions``,
``answers``, ``agreements``, ``divergences``, ``summary``) and the artifacts
kept on the :class:`Context` (``parses``, ``claim_units``).
"""

from __future__ import annotations

import importlib
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .artifacts import Parses
from .errors import ConfigError
from .models import Story
from .settings import Options

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

    from .artifacts import ClaimUnits

__all__ = [
    "PROVIDES",
    "Context",
    "Contract",
    "Stage",
    "available_stages",
    "check_pipeline",
    "contract_of",
    "get_stage",
    "present",
    "register_stage",
    "run_pipeline",
]

log = logging.getLogger(__name__)

Stage = Callable[[Story, "Context"], Story]

_REGISTRY: dict[str, Stage] = {}


@dataclass(frozen=True)
class Contract:
    """What a stage reads and writes (names from :data:`PROVIDES`)."""

    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    uses: tuple[str, ...] = ()  # read when present; whoever assigns it must run before


_CONTRACTS: dict[str, Contract] = {}

#: Every name a contract may use, with where it lives.
PROVIDES: dict[str, str] = {
    "documents": "Story.documents (from ingest)",
    "blocks": "Document.blocks, removed, captions, paragraphs",
    "sentences": "Document.sentences",
    "entities": "Document.entities",
    "published": "Document.published",
    "title": "Story.title, Story.title_generated (the story's headline, or a generated one)",
    "parses": "Context.parses (spaCy parse of each kept block)",
    "cuts": "Story.cuts (passages over the analysis budget, not analysed)",
    "timexes": "Story.timexes (every temporal expression, TIMEX3-normalized)",
    "actors": "Story.actors",
    "relations": "Story.relations",
    "events": "Story.events",
    "quotes": "Story.quotes",
    "claims": "Story.claims",
    "questions": "Story.questions",
    "claim_units": "Context.claim_units (comparison features of claims and questions)",
    "agreements": "Story.agreements (a cut by the pair budget is listed in Story.limits)",
    "divergences": "Story.divergences",
    "answers": "Question.answers, Claim.unique",
    "summary": "Story.summary (a cut by the candidate budget is listed in Story.limits)",
}

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


def register_stage(
    name: str, requires: Iterable[str] = (), assigns: Iterable[str] = (), uses: Iterable[str] = ()
) -> Callable[[Stage], Stage]:
    """Register ``fn`` as the stage called ``name`` with its contract (decorator)."""
    contract = Contract(tuple(requires), tuple(assigns), tuple(uses))
    unknown = [k for k in (*contract.requires, *contract.assigns, *contract.uses) if k not in PROVIDES]
    if unknown:
        raise ConfigError("pipeline", f"stage {name!r} declares unknown contract names: {', '.join(unknown)}")

    def deco(fn: Stage) -> Stage:
        _REGISTRY[name] = fn
        _CONTRACTS[name] = contract
        return fn

    return deco


def contract_of(name: str) -> Contract:
    """The declared contract of a stage (empty for a stage registered without one)."""
    get_stage(name)
    return _CONTRACTS.get(name, Contract())


def _assigned_by(key: str, names: Iterable[str]) -> list[str]:
    return [n for n in names if key in contract_of(n).assigns]


def check_pipeline(stages: Sequence[str], available: Iterable[str] = ("documents",)) -> None:
    """Raise one ConfigError if a stage of ``stages`` lacks what it requires.

    ``available`` is what the Story (and context) already has before the first
    stage. A stage's ``uses`` must not be assigned only by a later stage.
    """
    have = set(available)
    names = list(stages)
    for i, name in enumerate(names):
        c = contract_of(name)
        missing = [k for k in c.requires if k not in have]
        if missing:
            producers = sorted({p for k in missing for p in _assigned_by(k, available_stages())} - {name})
            hint = f"; add {' and '.join(repr(p) for p in producers)} before it" if producers else ""
            raise ConfigError("pipeline", f"stage {name!r} requires {', '.join(missing)}, which no earlier stage assigns{hint}")
        late = [(k, p) for k in c.uses if k not in have for p in _assigned_by(k, names[i + 1 :])]
        if late:
            key, later = late[0]
            raise ConfigError("pipeline", f"stage {name!r} uses {key}, which stage {later!r} assigns after it; run {later!r} first")
        have.update(c.assigns)


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
    """What stages share besides the Story: options, models, typed artifacts, timings."""

    options: Options
    parses: Parses = field(default_factory=Parses)  # artifact "parses", assigned by nlp
    claim_units: ClaimUnits | None = None  # artifact "claim_units", assigned by claims
    timings: dict[str, float] = field(default_factory=dict)
    cache: dict[str, Any] = field(default_factory=dict)  # per-run scratch space private to one stage
    assigned: set[str] = field(default_factory=set)  # contract names assigned by the stages run so far
    _nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline, loaded once on first use."""
        if self._nlp is None:
            from .language.model import load_model

            self._nlp = load_model(self.options.models)
        return self._nlp

    def set_nlp(self, nlp: Language) -> None:
        self._nlp = nlp


def present(story: Story, ctx: Context) -> set[str]:
    """The contract names ``story`` and ``ctx`` already hold (assigned by a run, or filled by hand)."""
    have = set(ctx.assigned)
    docs = story.documents
    if docs:
        have.add("documents")
    checks = {
        "blocks": any(d.blocks for d in docs),
        "sentences": any(d.sentences for d in docs),
        "entities": any(d.entities for d in docs),
        "published": any(d.published.known for d in docs),
        "parses": len(ctx.parses) > 0,
        "claim_units": ctx.claim_units is not None,
        "answers": any(q.answers for q in story.questions),
    }
    have.update(k for k, ok in checks.items() if ok)
    fields = ("actors", "relations", "events", "quotes", "claims", "questions", "agreements", "divergences", "summary")
    have.update(k for k in fields if getattr(story, k))
    return have


def run_pipeline(story: Story, ctx: Context, stages: list[str] | tuple[str, ...] | None = None) -> Story:
    """Check the stage list against the contracts, then apply each stage to ``story`` in order."""
    names = list(stages if stages is not None else ctx.options.pipeline)
    procs = [(n, get_stage(n)) for n in names]
    check_pipeline(names, present(story, ctx))
    for name, proc in procs:
        t0 = time.perf_counter()
        story = proc(story, ctx)
        ctx.assigned.update(contract_of(name).assigns)
        ctx.timings[name] = ctx.timings.get(name, 0.0) + time.perf_counter() - t0
        log.debug("stage %s done in %.3fs", name, ctx.timings[name])
    return story

