"""Claims, open questions and the comparison of sources.

- :mod:`.stage` is the ``claims`` stage: claims (voice, speaker, type) and questions;
- the ``compare`` stage (:mod:`storyline.compare`) links claims across sources;
- :mod:`storyline.claim_features` holds the similarity and question rules;
- :mod:`storyline.render.claim_views` groups the records for the report renderers.

Stage contract (see :mod:`storyline.pipeline`):

- requires: sentences, parses, actors
- assigns: claims, questions, claim_units
- uses when present: quotes
"""
