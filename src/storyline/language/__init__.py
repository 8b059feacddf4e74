"""English knowledge and grammar, shared by every stage.

This package imports no stage package; stages import it. :mod:`.time`
finds and normalizes temporal expressions (word lists in ``data/time.toml``); :mod:`.cues` holds reporting verbs,
speech nouns and pronouns; :mod:`.speaker` finds the speaker of a quotation or
reporting verb in a parse; :mod:`.plover` names the PLOVER category of a verb;
:mod:`.junk` holds the patterns of web-page boilerplate lines; :mod:`.model`
loads the spaCy English pipeline.
"""
