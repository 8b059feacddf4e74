"""A Story as flat rows: the events and actors tables (CSV/TSV and pandas).

Cells that a spreadsheet would read as a formula (starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return) are neutralised with a leading
apostrophe, the OWASP rule for CSV injection.
"""

from __future__ import annotations

import re
from typing import Any

from .models import Story

__all__ = ["ACTOR_COLUMNS", "EVENT_COLUMNS", "actor_rows", "date_precision", "event_rows", "neutralise"]

#: the columns of events.csv / events.tsv and of ``Story.events_frame()``, in order
EVENT_COLUMNS = [
    "id", "date", "who", "who_country", "whom", "whom_country", "category", "modality", "text", "sources",
    "date_precision", "docs", "spans", "urls",
]  # fmt: skip
#: the columns of ``Story.actors_frame()``
ACTOR_COLUMNS = ["id", "name", "kind", "country", "role", "aliases", "mentions", "docs"]

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"\d{4}-\d{2}$")
_YEAR = re.compile(r"\d{4}$")


def neutralise(cell: str) -> str:
    """``cell`` made safe for a spreadsheet: a formula-like start gets a leading ``'``."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def date_precision(value: str | None) -> str:
    """"day", "month", "year", "other" (a form such as a week or season) or "" for no date."""
    if not value:
        return ""
    if _DAY.match(value):
        return "day"
    if _MONTH.match(value):
        return "month"
    if _YEAR.match(value):
        return "year"
    return "other"


def _doc_field(story: Story, doc_id: str, name: str) -> str:
    for d in story.documents:
        if d.id == doc_id:
            value = getattr(d, name)
            return value if isinstance(value, str) else ""
    return ""


def event_rows(story: Story) -> list[dict[str, Any]]:
    """One dict per event: date and its precision, actors with countries, type, modality, text, sources and their spans."""
    names = {a.id: a for a in story.actors}
    rows = []
    for e in story.events:
        who, whom = names.get(e.who or ""), names.get(e.whom or "")
        docs = list(dict.fromkeys(s.doc for s in e.evidence))
        urls = [u for u in (_doc_field(story, d, "url") for d in docs) if u]
        labels = [lab for lab in (_doc_field(story, d, "source") or _doc_field(story, d, "file") or d for d in docs) if lab]
        rows.append(
            {
                "id": e.id,
                "date": e.date or "",
                "date_precision": date_precision(e.date),
                "who": who.name if who else "",
                "who_country": (who.country or "") if who else "",
                "whom": whom.name if whom else "",
                "whom_country": (whom.country or "") if whom else "",
                "category": e.category,
                "modality": e.modality,
                "text": " ".join(e.text.split()),
                "sources": "; ".join(labels),
                "docs": "; ".join(docs),
                "spans": "; ".join(f"{s.doc}:{s.start}-{s.end}" for s in e.evidence),
                "urls": "; ".join(dict.fromkeys(urls)),
            }
        )
    return rows


def actor_rows(story: Story) -> list[dict[str, Any]]:
    """One dict per actor: name, kind, country, role, aliases, mention count and the documents naming it."""
    return [
        {
            "id": a.id,
            "name": a.name,
            "kind": a.kind,
            "country": a.country or "",
            "role": a.role or "",
            "aliases": "; ".join(a.aliases),
            "mentions": len(a.mentions),
            "docs": "; ".join(dict.fromkeys(m.doc for m in a.mentions)),
        }
        for a in story.actors
    ]
