"""Events: who did what to whom, when, and the dates that place them.

* :mod:`storyline.language.time` finds date expressions and resolves them against a
  publication date and the tense of their clause (``find_times``,
  ``resolve``, ``tense_of_span``).
* :mod:`.extract` turns one parsed block into event candidates; :mod:`storyline.language.plover`
  names their PLOVER category.
* :mod:`.stage` is the ``events`` stage (merges one happening reported by
  several sources into one event); :mod:`storyline.render.events_table`
  renders the timeline as CSV/TSV (``render_events_table``).

Stage contract (see :mod:`storyline.pipeline`):

- requires: parses, actors
- assigns: events
- uses when present: published
"""
