"""Sentences and named entities through spaCy, run per kept block."""
