"""The timeline as a table: CSV or TSV, one row per event, loadable in pandas."""

from __future__ import annotations

import csv
import io

from ..models import Story
from ..tables import EVENT_COLUMNS, event_rows, neutralise

__all__ = ["COLUMNS", "render_events_table"]

COLUMNS = EVENT_COLUMNS


def render_events_table(story: Story, sep: str = ",") -> str:
    """The events of ``story`` as delimited text with a header row (``sep`` "," or "\\t").

    Every cell that a spreadsheet would run as a formula is neutralised.
    """
    out = io.StringIO()
    writer = csv.writer(out, delimiter=sep, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for row in event_rows(story):
        writer.writerow([neutralise(str(row[c])) for c in COLUMNS])
    return out.getvalue()
