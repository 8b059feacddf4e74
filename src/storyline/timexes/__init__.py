"""The ``timexes`` stage: every temporal expression of every kept block, normalized in TIMEX3 form."""
