"""Claims, open questions and the comparison of sources.

- :mod:`.stage` is the ``claims`` stage: claims (voice, speaker, type) and questions;
- :mod:`.compare` is the ``compare`` stage: agreements, divergences, unique claims, answers;
- :mod:`.features` and :mod:`.questions` hold the similarity and question rules;
- :mod:`.views` groups the records for the report renderers.
"""
