"""Words of attribution and reference: pronoun features, gender cues, kinship, reporting verbs.

The word lists live in ``data/attribution.toml`` (general English, no story's
words); this module loads them once and answers small questions about them.
:mod:`.antecedent` uses them to choose what a pronoun refers to.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = [
    "BESIDE_VERBS",
    "CROWD_NOUNS",
    "DOCUMENT_AUTHOR_VERBS",
    "DOCUMENT_NOUNS",
    "INSTITUTION_NOUNS",
    "KINSHIP_WORDS",
    "NAMING_VERBS",
    "PAST_ROLE_MODIFIERS",
    "REPORTING_VERBS",
    "SPEECH_NOUNS",
    "WORK_NOUNS",
    "PronounInfo",
    "gender_of_text",
    "honorific_gender",
    "institution_class",
    "names_a_person",
    "pronoun_info",
    "same_role",
]


@dataclass(frozen=True)
class PronounInfo:
    """What a personal pronoun says about its referent."""

    word: str
    person: int
    number: str  # "sg" | "pl" | "any"
    gender: str  # "m" | "f" | "n" | "any"
    refers: str  # "person" | "thing" | "either"


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    text = resources.files("storyline.language").joinpath("data/attribution.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _words(section: str, key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in _data()[section][key])


REPORTING_VERBS: frozenset[str] = _words("reporting", "verbs")
BESIDE_VERBS: frozenset[str] = _words("reporting", "beside")
SPEECH_NOUNS: frozenset[str] = _words("speech", "nouns")
DOCUMENT_NOUNS: frozenset[str] = _words("documents", "nouns")
DOCUMENT_AUTHOR_VERBS: frozenset[str] = _words("documents", "author_verbs")
WORK_NOUNS: frozenset[str] = _words("works", "nouns")
KINSHIP_WORDS: frozenset[str] = _words("kinship", "words")
INSTITUTION_NOUNS: frozenset[str] = _words("descriptions", "institution_nouns")
CROWD_NOUNS: frozenset[str] = _words("descriptions", "crowd_nouns")
PAST_ROLE_MODIFIERS: frozenset[str] = _words("descriptions", "past_role_modifiers")
NAMING_VERBS: frozenset[str] = _words("descriptions", "naming_verbs")
_PEOPLE_NOUNS = _words("people", "nouns")
_AGENT_SUFFIX = re.compile(r"(?:er|or|ist|ian|ant|ent|man|woman|person|ee)s?$")
_NOT_AGENT = re.compile(r"(?:ment|ments|ance|ence|ancy|ency|paper|center|order|letter|number|water|power|matter|member)$")
_MALE_HONORIFICS = _words("honorifics", "male")
_FEMALE_HONORIFICS = _words("honorifics", "female")
_MALE_NOUNS = _words("gendered_nouns", "male")
_FEMALE_NOUNS = _words("gendered_nouns", "female")
_WORD = re.compile(r"[A-Za-zÀ-ÿ]+")


@lru_cache(maxsize=64)
def pronoun_info(word: str) -> PronounInfo | None:
    """Person, number, gender of a personal pronoun ("she" -> 3rd, singular, female), else None."""
    row = _data()["pronouns"].get(word.lower())
    if row is None:
        return None
    return PronounInfo(word.lower(), int(row["person"]), str(row["number"]), str(row["gender"]), str(row["refers"]))


def honorific_gender(word: str) -> str | None:
    """ "m"/"f" for a courtesy title ("Mr.", "Ms", "Mrs."), else None."""
    w = word.lower().rstrip(".")
    if w in _FEMALE_HONORIFICS:
        return "f"
    if w in _MALE_HONORIFICS:
        return "m"
    return None


def gender_of_text(text: str) -> str | None:
    """ "m"/"f" when a phrase gives a gender away by an honorific or a gendered noun.

    "Ms. Clifford" -> "f", "the infant's grandfather" -> "m", "the actress" -> "f".
    The head of an English noun phrase comes last, so the last gendered noun
    before "of", a comma or a relative clause decides ("the girl's father" -> "m").
    """
    head = re.split(r"\s+of\s+|,|\s+who\s+|\s+whose\s+", text, maxsplit=1)[0]
    words = _WORD.findall(head)
    if words:
        g = honorific_gender(words[0])
        if g:
            return g
    gender: str | None = None
    for w in words:
        low = w.lower()
        if low in _FEMALE_NOUNS:
            gender = "f"
        elif low in _MALE_NOUNS:
            gender = "m"
    return gender


@lru_cache(maxsize=1)
def _role_groups() -> dict[str, int]:
    out: dict[str, int] = {}
    for i, group in enumerate(_data()["descriptions"]["role_synonyms"]):
        for w in group:
            out[str(w).lower()] = i
    return out


@lru_cache(maxsize=1)
def _institution_classes() -> tuple[frozenset[str], ...]:
    return tuple(frozenset(str(w).lower() for w in group) for group in _data()["descriptions"]["institution_classes"])


def institution_class(word: str) -> int | None:
    """Which kind of institution a noun or name word names ("school" and "University" alike), or None."""
    w = word.lower().rstrip(".")
    for i, group in enumerate(_institution_classes()):
        if w in group:
            return i
    return None


def same_role(a: str, b: str) -> bool:
    """Two role words name the same office ("lawyer"/"attorney"); plural "s" ignored."""
    x, y = a.lower(), b.lower()
    if x == y or x.rstrip("s") == y.rstrip("s"):
        return True
    groups = _role_groups()
    gx, gy = groups.get(x, groups.get(x.rstrip("s"))), groups.get(y, groups.get(y.rstrip("s")))
    return gx is not None and gx == gy


def names_a_person(lemma: str) -> bool:
    """The noun names a person ("neighbor", "firefighter", "grandfather", "spokeswoman"), as far as word lists and agent suffixes tell."""
    w = lemma.lower()
    if w in _PEOPLE_NOUNS or w in KINSHIP_WORDS or w in _MALE_NOUNS or w in _FEMALE_NOUNS or w in _role_groups():
        return True
    if w in INSTITUTION_NOUNS or w in DOCUMENT_NOUNS or w in SPEECH_NOUNS or w in WORK_NOUNS:
        return False
    return len(w) > 4 and bool(_AGENT_SUFFIX.search(w)) and not _NOT_AGENT.search(w)
