"""The ``dates`` stage: each document's publication date range, from metadata or inferred from its text.

Stage contract (see :mod:`storyline.pipeline`):

- requires: blocks
- assigns: published, title
- uses when present: parses
"""
