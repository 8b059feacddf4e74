"""Loading the spaCy model: cached per process, and frozen out of the cyclic garbage collector's passes."""

from __future__ import annotations

import gc

from storyline.language.model import load_model
from storyline.settings import load_options


def test_loaded_model_is_cached_and_frozen() -> None:
    names = load_options().models
    nlp = load_model(names)
    assert load_model(names) is nlp
    # everything alive once the model is loaded sits in the permanent generation, which full collections skip
    assert gc.get_freeze_count() > 0
    assert not any(o is nlp for o in gc.get_objects())
