"""The ``compare`` stage: agreements, divergences and unique claims across sources, and answers to open questions.

Stage contract (see :mod:`storyline.pipeline`):

- requires: claims, questions, claim_units
- assigns: agreements, divergences, answers
- uses when present: quotes
"""
