"""Typed records that flow through the pipeline.

One :class:`Story` object is created by ingest and enriched by each stage in
turn. Every extracted item points back to the exact characters it came from:
``Span`` offsets are Python string indices into ``Document.text``, end
exclusive, so ``story.doc(span.doc).text[span.start:span.end]`` is the
evidence.

The JSON form of these models is the story.json contract (see SPEC.md in the
shared folder and ``storyline schema`` for the published JSON Schema).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "Actor",
    "ActorKind",
    "Agreement",
    "Block",
    "BlockKind",
    "Claim",
    "Cut",
    "Divergence",
    "Document",
    "Entity",
    "Event",
    "Limit",
    "Mention",
    "Position",
    "PublishedRange",
    "Question",
    "Quote",
    "Relation",
    "Removed",
    "Sentence",
    "Skipped",
    "Span",
    "Story",
    "SummarySentence",
    "Timex",
    "TimexType",
]


class Record(BaseModel):
    """Base for all records: strict field names, assignment validated."""

    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Span(Record):
    """A character range in one document (``end`` exclusive)."""

    doc: str
    start: int
    end: int
    text: str | None = None


class PublishedRange(Record):
    """When a document was published: a range, possibly inferred from its text."""

    earliest: date | None = None
    latest: date | None = None
    inferred: bool = False
    why: str | None = None

    @property
    def known(self) -> bool:
        return self.earliest is not None

    @property
    def anchor(self) -> date | None:
        """The best single date to resolve relative expressions against."""
        return self.earliest


BlockKind = Literal["title", "dek", "caption", "body", "junk"]


class Block(Record):
    """One line (or paragraph) of a document as the cleaner classified it."""

    kind: BlockKind
    start: int
    end: int
    text: str
    reason: str | None = None  # why a junk block was removed


class Removed(Record):
    """A junk line removed from a document, with the rule that removed it."""

    text: str
    reason: str
    start: int | None = None
    end: int | None = None


class Entity(Record):
    """A named entity from the NLP stage (offsets into the document text)."""

    start: int
    end: int
    text: str
    label: str


class Sentence(Record):
    """A sentence of a kept block (offsets into the document text)."""

    id: str
    doc: str
    block: int  # index into Document.blocks
    start: int
    end: int
    text: str


class Document(Record):
    """One article, as read and cleaned."""

    id: str
    file: str | None = None
    path: str | None = None
    source: str | None = None
    source_why: str | None = None  # set when the outlet was inferred, not given
    url: str | None = None
    title: str | None = None
    dek: str | None = None
    published: PublishedRange = Field(default_factory=PublishedRange)
    text: str
    captions: list[str] = Field(default_factory=list)
    paragraphs: list[str] = Field(default_factory=list)
    removed: list[Removed] = Field(default_factory=list)
    blocks: list[Block] = Field(default_factory=list)
    sentences: list[Sentence] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)

    @property
    def label(self) -> str:
        """How reports name the document: its outlet, else its file, else its id."""
        return self.source or self.file or self.id


ActorKind = Literal["person", "country", "organization", "group", "place"]


class Mention(Record):
    doc: str
    start: int
    end: int
    text: str


class Actor(Record):
    id: str
    name: str
    kind: ActorKind
    country: str | None = None  # ISO 3166-1 alpha-3
    role: str | None = None
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)


class Relation(Record):
    """An edge of the actor graph, with the sentences that support it."""

    source: str  # actor id
    target: str  # actor id
    type: Literal["supports", "opposes", "negotiates"]
    weight: float
    evidence: list[Span] = Field(default_factory=list)


_Day = date  # Event has a field named "date"


class Event(Record):
    id: str
    date: str | None = None  # ISO, as precise as known: 2016, 2016-03, 2016-03-14
    who: str | None = None  # actor id
    whom: str | None = None  # actor id
    category: str = "OTHER"  # PLOVER event type
    text: str
    modality: Literal["asserted", "negated", "hypothetical", "predicted"] = "asserted"
    place: str | None = None
    evidence: list[Span] = Field(default_factory=list)
    date_earliest: _Day | None = None  # the days ``date`` covers (a range when only the report's time places it)
    date_latest: _Day | None = None
    date_basis: Literal["clause", "sentence", "document"] | None = None  # where the date comes from
    main: bool = False  # a main event: in a document's lead, or reported by several sources
    rank: int | None = None  # 1 = the most prominent event of the story


class Quote(Record):
    speaker: str | None = None  # actor id, or None when nobody said it
    cue: str | None = None
    text: str
    doc: str
    start: int
    end: int
    speaker_text: str | None = None  # the words naming the speaker ("he", "a senior official")
    partial: bool | None = None  # True for a fragment ("generally accomplished"), False for a whole sentence
    how: str | None = None  # which attribution pattern found the speaker (clause, colon, after, ...)


class Claim(Record):
    id: str
    doc: str
    start: int
    end: int
    text: str
    speaker: str | None = None  # actor id; None = the outlet in its own voice
    type: Literal["assertion", "prediction", "prescription"] = "assertion"
    voice: Literal["outlet", "attributed"] = "outlet"  # attributed: the outlet reports someone's words or view
    cue: str | None = None  # the reporting verb of an attributed claim ("said", "believes")
    speaker_text: str | None = None  # the words naming the speaker, even when no actor matches
    negated: bool = False
    unique: bool | None = None  # True: no other source says it (None: not compared)


class Agreement(Record):
    claim: str
    evidence: list[Span] = Field(default_factory=list)
    confidence: float | None = None
    claims: list[str] = Field(default_factory=list)  # ids of the aligned claims
    why: str | None = None  # what the link rests on (shared terms)


class Position(Span):
    """One side of a divergence."""


class Divergence(Record):
    topic: str
    positions: list[Position] = Field(default_factory=list)
    confidence: float | None = None
    claims: list[str] = Field(default_factory=list)  # ids of the opposed claims
    why: str | None = None  # the cue of the disagreement (negation, doubt, opposite verbs)
    kind: str | None = None  # what conflicts: money, time, age, count, duration, percent, negation, denial, doubt, opposite, characterisation, who, ordinal, scope, knowledge


class Question(Record):
    doc: str
    start: int
    end: int
    text: str
    answers: list[Span] = Field(default_factory=list)
    kind: Literal["direct", "indirect"] = "direct"  # "Will X?" or "it remains unclear whether X"
    confidence: list[float] = Field(default_factory=list)  # one per answer
    answer_kinds: list[Literal["answers", "partly answers"]] = Field(default_factory=list)  # one per answer


class SummarySentence(Record):
    text: str
    sources: list[Span] = Field(default_factory=list)
    flag: str | None = None  # set when a rewritten sentence is only partly supported by its sources


class Cut(Record):
    """Part of a kept document that was not analysed (over a budget), with the reason."""

    doc: str
    start: int
    end: int
    reason: str


class Limit(Record):
    """A per-story budget that bounded a stage's work, and what it left out.

    ``total`` items were there, ``kept`` were used; the rest were not looked
    at (claim pairs not scored, sentences not considered for the brief).
    """

    stage: str
    setting: str  # the setting that holds the budget ("[compare] max_pairs")
    what: str  # what is counted ("claim pairs", "candidate sentences")
    total: int
    kept: int


TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


class Timex(Record):
    """A temporal expression of a kept block, normalized in TIMEX3 form.

    ``value`` is resolved against the document's publication date, else the
    story's: ``2016-03-14``, ``2016-03``, ``2016-W11``, ``1989-Q3``,
    ``199X``, ``PRESENT_REF``, ``P3D``, ``XXXX-WXX-1`` ...
    """

    doc: str
    start: int
    end: int
    text: str
    type: TimexType = "DATE"
    value: str


class Skipped(Record):
    """An input that could not be read, with the one-line reason."""

    input: str
    problem: str


class Story(Record):
    """Everything storyline knows about one story."""

    schema_: str = Field(default="storyline-story/1", alias="schema")
    title: str | None = None  # the story's title: the most representative headline, or generated
    title_generated: bool = False  # True when no document had a headline and the title was made from a lead
    documents: list[Document] = Field(default_factory=list)
    skipped: list[Skipped] = Field(default_factory=list)
    cuts: list[Cut] = Field(default_factory=list)
    limits: list[Limit] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    agreements: list[Agreement] = Field(default_factory=list)
    divergences: list[Divergence] = Field(default_factory=list)
    questions: list[Question] = Field(default_factory=list)
    summary: list[SummarySentence] = Field(default_factory=list)
    timexes: list[Timex] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def doc(self, doc_id: str) -> Document:
        for d in self.documents:
            if d.id == doc_id:
                return d
        raise KeyError(doc_id)

    @property
    def published_anchor(self) -> date | None:
        """The median (lower middle) of the documents' known publication dates, or None."""
        known = sorted(d.published.anchor for d in self.documents if d.published.anchor is not None)
        return known[(len(known) - 1) // 2] if known else None

    def actor(self, actor_id: str) -> Actor:
        for a in self.actors:
            if a.id == actor_id:
                return a
        raise KeyError(actor_id)

    @classmethod
    def load(cls, path: str | Path) -> Story:
        """Read a story.json written by storyline (raises InputError naming the path)."""
        from .errors import InputError

        p = Path(path)
        try:
            data = p.read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(str(p), (exc.strerror or "cannot read").lower()) from None
        except UnicodeDecodeError:
            raise InputError(str(p), "not UTF-8 text") from None
        try:
            return cls.model_validate_json(data)
        except ValueError as exc:
            first = str(exc).splitlines()[0] if str(exc) else "invalid"
            raise InputError(str(p), f"not a storyline story.json ({first})") from None

    def events_frame(self) -> Any:
        """The events as a pandas DataFrame (one row per event; needs pandas)."""
        from .frames import events_frame

        return events_frame(self)

    def actors_frame(self) -> Any:
        """The actors as a pandas DataFrame (one row per actor; needs pandas)."""
        from .frames import actors_frame

        return actors_frame(self)
