"""English knowledge and grammar, shared by every stage.

This package imports no stage package; stages import it. :mod:`.time`
finds and normalizes temporal expressions (word lists in ``data/time.toml``).
"""
