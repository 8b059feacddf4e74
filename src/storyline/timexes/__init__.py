"""The ``timexes`` stage: every temporal expression of every kept block, normalized in TIMEX3 form.

Values are resolved against the document's publication date, else the
story's (the median of its known dates); the verb a date modifies gives the
tense that picks a past or coming weekday or month.

Stage contract (see :mod:`storyline.pipeline`):

- requires: blocks, published
- assigns: timexes
- uses when present: parses
"""
