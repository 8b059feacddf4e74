"""The timeline as a table: CSV or TSV, one row per event, loadable in pandas."""

from __future__ import annotations

import csv
import io

from ..models import Actor, Story

__all__ = ["COLUMNS", "render_events_table"]

COLUMNS = ["id", "date", "who", "who_country", "whom", "whom_country", "category", "modality", "text", "sources"]


def _actor(story: Story, actor_id: str | None) -> Actor | None:
    if actor_id is None:
        return None
    try:
        return story.actor(actor_id)
    except KeyError:
        return None


def _source_names(story: Story, doc_ids: list[str]) -> str:
    names: list[str] = []
    for doc_id in dict.fromkeys(doc_ids):
        try:
            doc = story.doc(doc_id)
        except KeyError:
            continue
        names.append(doc.label)
    return "; ".join(names)


def render_events_table(story: Story, sep: str = ",") -> str:
    """The events of ``story`` as delimited text with a header row (``sep`` "," or "\\t")."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=sep, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for e in story.events:
        who, whom = _actor(story, e.who), _actor(story, e.whom)
        writer.writerow([
            e.id,
            e.date or "",
            who.name if who else "",
            (who.country or "") if who else "",
            whom.name if whom else "",
            (whom.country or "") if whom else "",
            e.category,
            e.modality,
            " ".join(e.text.split()),
            _source_names(story, [s.doc for s in e.evidence]),
        ])
    return out.getvalue()
