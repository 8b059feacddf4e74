"""pandas DataFrames of a Story (pandas is optional: installed with the test extra or by hand)."""

from __future__ import annotations

from typing import Any

from .errors import StorylineError
from .models import Story
from .tables import ACTOR_COLUMNS, EVENT_COLUMNS, actor_rows, event_rows

__all__ = ["actors_frame", "events_frame"]


def _pandas() -> Any:
    try:
        import pandas  # type: ignore[import-untyped]
    except ImportError:
        raise StorylineError("pandas is not installed (pip install pandas) and is needed for DataFrames") from None
    return pandas


def events_frame(story: Story) -> Any:
    """One row per event (the columns of events.csv)."""
    return _pandas().DataFrame(event_rows(story), columns=EVENT_COLUMNS)


def actors_frame(story: Story) -> Any:
    """One row per actor."""
    return _pandas().DataFrame(actor_rows(story), columns=ACTOR_COLUMNS)
