"""story.json: the SPEC contract, plus the project's own fields.

The JSON Schema (``storyline schema``) carries a description for every
property, from the table below (kept here rather than in ``models.py`` so the
records stay short): ``(record, field)`` first, then the field name alone.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pydantic_core

from ..models import Story

__all__ = ["DESCRIPTIONS", "render_json", "story_dict", "story_schema"]


def story_dict(story: Story) -> dict[str, Any]:
    data = story.model_dump(mode="json", by_alias=True)
    return data


#: A number that ``json.dumps`` writes in exponent form (1e-05, 1e+16) and pydantic-core otherwise
#: (0.00001, 1e16): one a line, as ``indent=1`` puts every value (strings are quoted, so no text matches).
_EXPONENT_FORM = re.compile(r'^ *(?:"(?:[^"\\]|\\.)*": )?-?(?:0\.0000|\d[\d.]*e)', re.MULTILINE)
#: What every match of ``_EXPONENT_FORM`` holds: an "e" after a digit or a dot (a search that starts at each "e",
#: several times faster than the line-by-line one); "0.0000" is looked for apart, as a plain substring.
_EXPONENT_E = re.compile(r"e(?<=[\d.]e)")


def _exponent_form(text: str) -> bool:
    """``_EXPONENT_FORM`` matches in ``text`` (its full search only when the cheap ones find a candidate)."""
    if "0.0000" not in text and _EXPONENT_E.search(text) is None:
        return False
    return _EXPONENT_FORM.search(text) is not None


def render_json(story: Story) -> str:
    """story.json, written as ``json.dumps(..., ensure_ascii=False, indent=1)`` writes it.

    pydantic-core writes the same text several times faster; a float it would
    write in another form sends the story through ``json.dumps``.
    """
    data = story_dict(story)
    text = pydantic_core.to_json(data, indent=1, inf_nan_mode="constants").decode("utf-8")
    if _exponent_form(text):
        text = json.dumps(data, ensure_ascii=False, indent=1)
    return text + "\n"


_OFFSETS = "Python string indices into the document's text (end exclusive): text[start:end] is the evidence."

#: field name -> description, for a field that means the same in every record
GENERIC: dict[str, str] = {
    "doc": "Id of the document (d1, d2, ...) the offsets point into.",
    "start": "Start offset of the characters. " + _OFFSETS,
    "end": "End offset (exclusive) of the characters. " + _OFFSETS,
    "id": "Identifier, unique within its list in this story.",
    "evidence": "The spans of the documents this item rests on.",
    "confidence": "How sure storyline is of the link, from 0 to 1 (null: not scored).",
    "claims": "Ids of the claims this item links.",
    "why": "What the item rests on, in words (shared terms, the cue of a disagreement, a date's origin).",
}

#: (record, field) -> description
DESCRIPTIONS: dict[tuple[str, str], str] = {
    ("Story", "schema"): "Version of the story.json contract (storyline-story/1).",
    ("Story", "documents"): "The articles read, in input order, with their cleaned text and structure.",
    ("Story", "skipped"): "Inputs that could not be read, each with the one-line reason.",
    ("Story", "actors"): "Canonical actors (people, countries, organizations, groups, places), each with its mentions.",
    ("Story", "relations"): "Edges of the actor graph: who supports, opposes or negotiates with whom, with evidence.",
    ("Story", "events"): "Who did what to whom and when, as a timeline; dated events are as precise as the text allows.",
    ("Story", "quotes"): "Direct quotations with their speakers.",
    ("Story", "claims"): "Claims the sources make, in the outlet's own voice or attributed to someone.",
    ("Story", "agreements"): "Claims that two or more sources make alike.",
    ("Story", "divergences"): "Points on which sources disagree, with each side's words.",
    ("Story", "questions"): "Open questions the articles raise, with the spans that answer them.",
    ("Story", "summary"): "The brief: short sentences, each citing the spans it comes from.",
    ("Document", "id"): "Document id (d1, d2, ... in input order), used by every span.",
    ("Document", "file"): "File name the article was read from (with #N for the Nth article of a multi-article file).",
    ("Document", "path"): "Path of the input file as given.",
    ("Document", "source"): "Outlet name, given in the input or by --source, or inferred from the text (see source_why).",
    ("Document", "source_why"): "Set when the outlet was inferred, not given: what it was inferred from.",
    ("Document", "url"): "Address of the article when the input carries one.",
    ("Document", "title"): "Headline.",
    ("Document", "dek"): "Standfirst (the line under the headline).",
    ("Document", "published"): "When the article was published: a date range, given or inferred.",
    ("Document", "text"): "The article text as read; every offset in the story indexes this string.",
    ("Document", "captions"): "Photo captions found in the text.",
    ("Document", "paragraphs"): "The kept body paragraphs, in order.",
    ("Document", "removed"): "Junk lines removed by the cleaner, each with its reason.",
    ("Document", "blocks"): "Every line or paragraph of the text with the cleaner's classification.",
    ("Document", "sentences"): "Sentences of the kept blocks.",
    ("Document", "entities"): "Named entities found by the NLP stage.",
    ("PublishedRange", "earliest"): "Earliest possible publication date (ISO).",
    ("PublishedRange", "latest"): "Latest possible publication date (ISO); equal to earliest when the day is known.",
    ("PublishedRange", "inferred"): "True when the range was inferred from the text rather than given.",
    ("PublishedRange", "why"): "Where the range comes from (metadata, --date, a dateline, the latest date mentioned, ...).",
    ("Block", "kind"): "What the cleaner made of the block: title, dek, caption, body or junk.",
    ("Block", "text"): "The block's text (text[start:end] of its document).",
    ("Block", "reason"): "Why a junk block was removed.",
    ("Removed", "text"): "The removed line.",
    ("Removed", "reason"): "The rule that removed it (paywall, ad, related links, photo credit, ...).",
    ("Removed", "start"): "Start offset of the removed line in the document text, when known.",
    ("Removed", "end"): "End offset (exclusive) of the removed line, when known.",
    ("Entity", "text"): "The entity's words as written.",
    ("Entity", "label"): "spaCy entity label (PERSON, ORG, GPE, ...).",
    ("Sentence", "id"): "Sentence id, unique in the story.",
    ("Sentence", "block"): "Index of the sentence's block in the document's blocks.",
    ("Sentence", "text"): "The sentence as written.",
    ("Actor", "id"): "Actor id (a1, a2, ...), used by relations, events, quotes and claims.",
    ("Actor", "name"): "Canonical name.",
    ("Actor", "kind"): "person, country, organization, group or place.",
    ("Actor", "country"): "ISO 3166-1 alpha-3 code of the actor's country, when known.",
    ("Actor", "role"): "Role or title (\"foreign minister\"), when the text gives one.",
    ("Actor", "aliases"): "Other names the articles use for the actor.",
    ("Actor", "mentions"): "Every place in the documents where the actor is named.",
    ("Mention", "text"): "The words naming the actor.",
    ("Relation", "source"): "Actor id of one end (the one acting, for a directed relation).",
    ("Relation", "target"): "Actor id of the other end.",
    ("Relation", "type"): "supports, opposes or negotiates.",
    ("Relation", "weight"): "Strength of the relation (how much evidence supports it).",
    ("Event", "id"): "Event id (e1, e2, ...).",
    ("Event", "date"): "ISO date, as precise as known: 2016, 2016-03 or 2016-03-14 (null: undated).",
    ("Event", "who"): "Actor id of the one who acts.",
    ("Event", "whom"): "Actor id of the one acted upon.",
    ("Event", "category"): "PLOVER event type (AGREE, ASSAULT, CONSULT, ...; OTHER when none fits).",
    ("Event", "text"): "What happened, in the article's words.",
    ("Story", "cuts"): "Passages of kept documents that were not analysed because they lie past an analysis budget, with the reason.",
    ("Story", "limits"): "Per-story budgets that bounded a stage's work (claim pairs compared, sentences considered for the brief), with how much was left out.",
    ("Limit", "stage"): "The stage whose work the budget bounded.",
    ("Limit", "setting"): "The setting that holds the budget, as [section] key.",
    ("Limit", "what"): "What is counted.",
    ("Limit", "total"): "How many there were.",
    ("Limit", "kept"): "How many the stage used; the others were not looked at.",
    ("Cut", "reason"): "Which budget the passage lies past (per document or per story, in characters).",
    ("Event", "date_earliest"): "Earliest day the event may have happened (ISO), when its date is a range.",
    ("Event", "date_latest"): "Latest day the event may have happened (ISO), when its date is a range.",
    ("Event", "date_basis"): "Where the date comes from: the event's clause, its sentence, or the report's publication date.",
    ("Event", "main"): "True for the story's main events (a document's lead, or what several sources report).",
    ("Event", "rank"): "Order of importance in the timeline (1 = most important).",
    ("Story", "timexes"): "Every temporal expression of the kept text, normalized in TIMEX3 form against the document's publication date.",
    ("Timex", "type"): "DATE, TIME, DURATION or SET (TIMEX3 types).",
    ("Timex", "value"): "The TIMEX3 value: 2016-03-14, 2016-03, 2016-W11, 1989-Q3, 199X, PRESENT_REF, P3D, XXXX-WXX-1 ...",
    ("Event", "modality"): "asserted, negated, hypothetical or predicted: whether the event is said to have happened.",
    ("Event", "place"): "Where it happened, when the text says.",
    ("Quote", "speaker"): "Actor id of the speaker (null: nobody, e.g. scare quotes or a quoted document).",
    ("Quote", "cue"): "The reporting verb (said, told, wrote, ...).",
    ("Quote", "text"): "The quoted words (text[start:end] of the document).",
    ("Quote", "speaker_text"): "The words naming the speaker (\"he\", \"a senior official\").",
    ("Quote", "partial"): "True for a fragment, false for a whole quoted sentence.",
    ("Quote", "how"): "Which attribution pattern found the speaker (clause, colon, after, ...).",
    ("Claim", "text"): "The claim's sentence or clause.",
    ("Claim", "speaker"): "Actor id of whoever makes the claim (null: the outlet in its own voice).",
    ("Claim", "type"): "assertion, prediction or prescription.",
    ("Claim", "voice"): "outlet (the outlet's own voice) or attributed (someone's words or view reported).",
    ("Claim", "cue"): "The reporting verb of an attributed claim (said, believes, ...).",
    ("Claim", "speaker_text"): "The words naming the speaker, even when no actor matches.",
    ("Claim", "negated"): "True when the claim is negated.",
    ("Claim", "unique"): "True when no other source makes the claim (null: not compared).",
    ("Agreement", "claim"): "The claim the sources agree on, in words.",
    ("Agreement", "evidence"): "Each agreeing source's words.",
    ("Divergence", "topic"): "What the sources disagree about.",
    ("Divergence", "positions"): "Each side's words.",
    ("Position", "text"): "The side's words, when stored (else text[start:end] of the document).",
    ("Question", "text"): "The question as the article puts it.",
    ("Question", "answers"): "Spans of any source that answer it.",
    ("Question", "kind"): "direct (\"Will X?\") or indirect (\"it remains unclear whether X\").",
    ("Question", "confidence"): "How sure each answer is, one number per answer, from 0 to 1.",
    ("SummarySentence", "text"): "A sentence of the brief.",
    ("SummarySentence", "sources"): "The spans the sentence comes from.",
    ("SummarySentence", "flag"): "Set when a rewritten sentence is only partly supported by its sources.",
    ("Skipped", "input"): "The input (path, stdin, line of a file) that could not be read.",
    ("Skipped", "problem"): "Why, in one line.",
    ("Span", "text"): "The characters, when stored (else text[start:end] of the document).",
}


def _describe(record: str, schema: dict[str, Any]) -> None:
    for name, prop in schema.get("properties", {}).items():
        text = DESCRIPTIONS.get((record, name)) or GENERIC.get(name)
        if text and "description" not in prop:
            prop["description"] = text


def story_schema() -> dict[str, Any]:
    """The JSON Schema of story.json, with a description for every property."""
    schema = Story.model_json_schema(by_alias=True, mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://storyline.invalid/schema/story-1.json"
    schema["title"] = "storyline story"
    _describe("Story", schema)
    for record, sub in schema.get("$defs", {}).items():
        _describe(record, sub)
    return schema
