"""Direct quotations and who said them.

- :mod:`.marks` pairs quotation marks (``find_quoted_spans``);
- :mod:`storyline.language.speaker` finds the speaker span and cue in a parse
  (``find_speaker``, ``speaker_of_cue``), knowing nothing about actors;
- :mod:`storyline.attribution` turns a speaker span into a story actor (``resolve_speaker``);
- :mod:`.stage` is the ``quotes`` stage (``extract_quotes``).

Stage contract (see :mod:`storyline.pipeline`):

- requires: parses, actors
- assigns: quotes
"""
