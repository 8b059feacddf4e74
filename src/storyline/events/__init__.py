"""Events: who did what to whom, when, and the dates that place them.

* the dates are the ``timexes`` stage's temporal expressions (one temporal analysis,
  :func:`storyline.language.time.find_timexes`), read as day ranges by
  :func:`storyline.language.time.timex_range`; without that stage events have no
  dates of their own.
* :mod:`.extract` turns one parsed block into event candidates; :mod:`storyline.language.plover`
  names their PLOVER category.
* :mod:`.stage` is the ``events`` stage (merges one happening reported by
  several sources into one event); :mod:`storyline.render.events_table`
  renders the timeline as CSV/TSV (``render_events_table``).

Stage contract (see :mod:`storyline.pipeline`):

- requires: parses, actors
- assigns: events
- uses when present: published, timexes
"""
