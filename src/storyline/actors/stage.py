"""The ``actors`` stage: one canonical actor per real-world entity of the story.

Reads the spaCy parses of every kept block (the ``parses`` artifact), finds candidate
mentions (:mod:`.recognize`), resolves them into actors across all documents
(:mod:`.resolve`), codes each actor (kind, ISO alpha-3 country, role) and
draws the actor graph (:mod:`.relations`). Fills ``story.actors`` (most
mentioned first) and ``story.relations``.
"""

from __future__ import annotations

import logging
import re
from collections import Counter

from ..models import Actor, Mention, Story
from ..pipeline import Context, register_stage
from .descriptions import link_descriptions, link_person_descriptions, propagate_names
from .gazetteer import Gazetteer, gazetteer, name_key
from .recognize import BlockInfo, Cand, find_candidates
from .relations import find_relations
from .resolve import Draft, is_full_name, resolve_candidates

__all__ = ["build_actor", "extract_actors"]

log = logging.getLogger(__name__)

_KINDS = {"person": "person", "country": "country", "place": "place"}


def _display(text: str) -> str:
    t = text.replace("\u2019", "'")
    t = re.sub(r"'s?$", "", t.strip())
    return " ".join(t.split())


def _name(d: Draft, gz: Gazetteer) -> str:
    name = _choose_name(d, gz)
    if name.isupper() and len(name) > 5 and d.kind in {"person", "place"}:
        return name.title()  # a dateline ("ALLENTOWN, Pa.")
    return name


def _choose_name(d: Draft, gz: Gazetteer) -> str:
    if d.kind == "country" and d.country:
        return gz.canonical.get(d.country, d.country)
    if d.fixed_name:
        return d.fixed_name
    if d.kind == "person":
        full = Counter(m.name for m in d.mentions if m.kind == "person" and is_full_name(m.name) and not m.name.isupper())
        if full:
            return max(full, key=lambda n: (full[n], len(n)))
    defining = [m.name for m in d.mentions if m.defines]
    if defining:
        return defining[0]  # "International Syria Support Group (ISSG)"
    if d.names:
        top = max(d.names.values())
        return max((n for n, k in d.names.items() if k == top), key=len)
    return _display(d.mentions[0].text)


def _kind(d: Draft) -> str:
    if d.kind in _KINDS:
        return _KINDS[d.kind]
    return "group" if d.org_kind == "group" else "organization"


def _country(d: Draft) -> str | None:
    if d.country:
        return d.country
    if d.countries:
        return d.countries.most_common(1)[0][0]
    return None


def build_actor(actor_id: str, d: Draft, gz: Gazetteer) -> Actor:
    """The story.json record of one resolved actor."""
    name = _name(d, gz)
    aliases: dict[str, str] = {}
    own = name_key(name)
    for m in d.mentions:
        if m.kind == "pronoun" or m.no_alias:
            continue
        text = _display(m.text)
        k = name_key(text)
        if k and k != own and k not in aliases:
            aliases[k] = text
    role = d.roles.most_common(1)[0][0] if d.roles else ("state" if d.kind == "country" else None)
    kind = _kind(d)
    if kind == "person" and role == "company":
        # the name's mentions were mostly tagged PERSON, but the story uses it as a company ("Jimmy Choo shares")
        kind = "organization"
    mentions = sorted({(m.doc, m.start, m.end): m for m in d.mentions}.values(), key=lambda m: (m.doc, m.start))
    return Actor(
        id=actor_id,
        name=name,
        kind=kind,  # type: ignore[arg-type]
        country=_country(d),
        role=role,
        aliases=list(aliases.values()),
        mentions=[Mention(doc=m.doc, start=m.start, end=m.end, text=m.text) for m in mentions],
    )


def collect_candidates(story: Story, ctx: Context, gz: Gazetteer) -> list[tuple[str, list[Cand]]]:
    """Candidate mentions of every document, in reading order."""
    out: list[tuple[str, list[Cand]]] = []
    for document in story.documents:
        cands: list[Cand] = []
        for bi, block in enumerate(document.blocks):
            parsed = ctx.parses.get(document.id, bi)
            if parsed is None:
                continue
            info = BlockInfo(doc_id=document.id, block=bi, base=block.start, kind=block.kind, text=document.text)
            cands.extend(find_candidates(parsed, info, gz))
        cands.sort(key=lambda c: (c.start, -c.end))
        out.append((document.id, cands))
    return out


def extract_actors(story: Story, ctx: Context) -> Story:
    gz = gazetteer()
    docs = collect_candidates(story, ctx, gz)
    drafts = resolve_candidates(docs, gz, {d.id: d.text for d in story.documents})
    story.actors = [build_actor(f"a{i + 1}", d, gz) for i, d in enumerate(drafts)]
    ids = {d.key: a.id for d, a in zip(drafts, story.actors, strict=True)}
    propagate_names(story)
    link_descriptions(story, ctx)
    link_person_descriptions(story, ctx)
    story.relations = find_relations(story, ctx, docs, ids)
    log.info("actors: %d actors, %d relations", len(story.actors), len(story.relations))
    return story


register_stage("actors", requires=("entities", "parses"), assigns=("actors", "relations"))(extract_actors)
