"""Comparison features of claims and questions, shared by the ``claims`` and ``compare`` stages.

Not a stage: ``claims`` builds the features, ``compare`` compares them.

- :mod:`.features`: the terms, actors and frames of a sentence (``TextUnit``), TF-IDF weights and cosine;
- :mod:`.frames`: predicate frames (who does what to whom) and their similarity;
- :mod:`.questions`: open questions in a sentence and the linking of their answers.
"""
