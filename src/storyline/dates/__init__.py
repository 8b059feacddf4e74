"""The ``dates`` stage: each document's publication date range, from metadata or inferred from its text."""
