"""Definite descriptions of institutions linked to the actor they describe.

"The school announced it would appeal" after "Northwestern University ...":
a "the + noun" phrase whose head names a kind of institution (school,
agency, union, company, bank, court, ...; see
:func:`storyline.language.attribution.institution_class`) becomes a mention
of the organization of that kind mentioned last before it in the document,
or of the story's only organization of that kind. Left unlinked when no
organization fits, when the phrase is plural, possessed ("its school") or
itself holds a name ("the Chicago school board").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict

from ..language.attribution import institution_class
from ..models import Actor, Mention, Story
from ..pipeline import Context

__all__ = ["link_descriptions", "propagate_names"]

_NAME_FORM = re.compile(r"^[A-Z][\w.&'\u2019-]*(?: [A-Z][\w.&'\u2019-]*)*$")


def propagate_names(story: Story) -> int:
    """Every further occurrence of an actor's name or alias becomes a mention of it.

    Only people and organizations (a country's capital may be a mere place),
    and only forms that name one actor: a capitalized name of four letters or more
    that is no word of another actor's names ("Centennial" for Centennial
    Elevator Co., not "Ali" when Salah Ali and Areej Ali are both in the story).
    Returns how many mentions were added.
    """
    owners: dict[str, set[str]] = defaultdict(set)
    words: dict[str, set[str]] = defaultdict(set)
    for a in story.actors:
        for n in [a.name, *a.aliases]:
            n = n.strip()
            if len(n) >= 4 and _NAME_FORM.match(n) and a.kind not in {"place", "country"}:  # a capital may be a place
                owners[n].add(a.id)
            for w in n.split():
                words[w].add(a.id)
    forms = {n: next(iter(ids)) for n, ids in owners.items() if len(ids) == 1 and all(words.get(w, set()) <= ids for w in n.split())}
    if not forms:
        return 0
    by_id = {a.id: a for a in story.actors}
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in sorted(forms, key=lambda n: (-len(n), n))) + r")(?![\w-])")
    added = 0
    for doc in story.documents:
        spans = sorted((m.start, m.end) for a in story.actors for m in a.mentions if m.doc == doc.id)
        starts = [s for s, _ in spans]
        kept = [(b.start, b.end) for b in doc.blocks if b.kind != "junk"]
        for m in pattern.finditer(doc.text):
            s, e = m.start(), m.end()
            if not any(bs <= s < be for bs, be in kept):
                continue
            k = bisect_right(starts, e - 1)
            if any(pe > s for _, pe in spans[max(0, k - 4) : k]):
                continue
            by_id[forms[m.group(0)]].mentions.append(Mention(doc=doc.id, start=s, end=e, text=m.group(0)))
            added += 1
    for a in story.actors:
        a.mentions.sort(key=lambda x: (x.doc, x.start))
    return added


def _classes(actors: list[Actor]) -> dict[int, list[Actor]]:
    out: dict[int, list[Actor]] = defaultdict(list)
    for a in actors:
        if a.kind not in {"organization", "group"}:
            continue
        # the head of a name is its last word: "College Athletes Players Association" is an association, not a college
        found = {institution_class(n.replace("-", " ").split()[-1]) for n in [a.name, *a.aliases] if n.split()}
        if a.role == "company":
            found.add(institution_class("company"))
        for c in sorted(x for x in found if x is not None):
            out[c].append(a)
    return out


def link_descriptions(story: Story, ctx: Context) -> int:
    """Add a mention to the fitting organization for every linkable description; returns how many were linked."""
    classes = _classes(story.actors)
    if not classes:
        return 0
    linked = 0
    for doc in story.documents:
        spans = sorted((m.start, m.end) for a in story.actors for m in a.mentions if m.doc == doc.id)
        starts = [s for s, _ in spans]
        seen: dict[str, list[int]] = {a.id: sorted(m.start for m in a.mentions if m.doc == doc.id) for a in story.actors}
        for bi, block in enumerate(doc.blocks):
            parse = ctx.parses.get(doc.id, bi)
            if block.kind == "junk" or parse is None:
                continue
            for t in parse:
                if t.pos_ != "NOUN" or t.tag_ in {"NNS", "NNPS"}:
                    continue
                cls = institution_class(t.lemma_)
                if cls is None or cls not in classes:
                    continue
                det = next((c for c in t.children if c.dep_ == "det" and c.lower_ == "the"), None)
                if det is None or any(c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN") for c in t.children):
                    continue
                start, end = block.start + det.idx, block.start + t.idx + len(t.text)
                k = bisect_right(starts, end - 1)
                if any(e > block.start + t.idx for _, e in spans[max(0, k - 3) : k]):
                    continue  # the head is already part of a mention
                best, best_pos = None, -1
                for a in classes[cls]:
                    pos = seen[a.id]
                    j = bisect_right(pos, start) - 1
                    if j >= 0 and pos[j] > best_pos:
                        best, best_pos = a, pos[j]
                if best is None and len(classes[cls]) == 1:
                    best = classes[cls][0]
                if best is None:
                    continue
                best.mentions.append(Mention(doc=doc.id, start=start, end=end, text=doc.text[start:end]))
                linked += 1
    for a in story.actors:
        a.mentions.sort(key=lambda m: (m.doc, m.start))
    return linked
