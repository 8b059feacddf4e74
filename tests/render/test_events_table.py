"""The events table: CSV/TSV with one row per event."""

from __future__ import annotations

import csv
import io

import pytest

from storyline.models import Actor, Document, Event, Span, Story
from storyline.render.events_table import COLUMNS, render_events_table


def _story() -> Story:
    text = 'Norway said "no, never" on Monday.\tIceland\nreplied.'
    return Story(
        documents=[Document(id="d1", text=text, source="Daily, News"), Document(id="d2", text=text)],
        actors=[Actor(id="a1", name="Norway", kind="country", country="NOR"), Actor(id="a2", name="Iceland", kind="country", country="ISL")],
        events=[
            Event(id="e1", date="2021-05-03", who="a1", whom="a2", category="REJECT", text=text,
                  evidence=[Span(doc="d1", start=0, end=5), Span(doc="d2", start=0, end=5)]),
            Event(id="e2", who="a2", text="replied", modality="negated"),
        ],
    )


@pytest.mark.parametrize("sep", [",", "\t"])
def test_table_round_trips_through_a_csv_reader(sep: str) -> None:
    rows = list(csv.reader(io.StringIO(render_events_table(_story(), sep=sep)), delimiter=sep))
    assert rows[0] == COLUMNS
    assert len(rows) == 3
    first = dict(zip(COLUMNS, rows[1], strict=True))
    assert first["who"] == "Norway" and first["whom_country"] == "ISL"
    assert first["sources"] == "Daily, News; d2"
    assert "\n" not in first["text"] and '"no, never"' in first["text"]
    second = dict(zip(COLUMNS, rows[2], strict=True))
    assert second["date"] == "" and second["whom"] == "" and second["modality"] == "negated"


def test_table_loads_in_pandas() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.read_csv(io.StringIO(render_events_table(_story(), sep="\t")), sep="\t")
    assert list(frame.columns) == COLUMNS
    assert frame.shape == (2, len(COLUMNS))
