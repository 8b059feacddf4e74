"""The ``compare`` stage: agreements, divergences and unique claims across sources, and answers to open questions."""
