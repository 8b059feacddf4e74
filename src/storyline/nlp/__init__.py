"""The ``nlp`` stage: sentences and named entities through spaCy, run per kept block.

Stage contract (see :mod:`storyline.pipeline`):

- requires: blocks
- assigns: sentences, entities, parses, cuts
"""
