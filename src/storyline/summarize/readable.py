"""Make a lifted sentence read on its own: attribution kept, no dangling openers.

A sentence of an article leans on its neighbours in three ways that a brief,
which shows it without them, must not lose:

- **a bare quotation**: ``"We never did that."`` after ``"...," the
  spokesman said.`` -- the speaker is in the sentence before. The speaker is
  found there (a reporting verb and its subject, or a paragraph ending in
  "X said:") and added (``"We never did that," the spokesman said.``); a
  quotation whose speaker cannot be found is not a candidate at all;
- **a sentence inside a longer quotation**: the quotation mark that opens
  it is sentences back (``"I didn't hear it. ... It was distasteful to say I
  tried to hijack this event."``), so lifted alone it reads as the writer's
  own words. Its speaker is looked for where the quotation opened, and the
  sentence gets its marks and the speaker (``"It was distasteful ...," Megan
  Rapinoe said.`` -- or ``"...," she said`` kept when it ends so); with no
  speaker it is not a candidate;
- **a pronoun with its antecedent behind**: "He said ...", ""...," she
  said", "His lawyer ...". A person pronoun is replaced by the name it
  refers to, found in the article's preceding sentences
  (:func:`storyline.language.antecedent.resolve_pronoun`); a pronoun or
  demonstrative that no name can replace ("It marks ...", "Those pictures
  show ...") makes the sentence *needy*: it may enter the brief only right
  after the sentence it follows in its article;
- **a connective opener** ("However, ...", "Then, ...", "But ..."):
  dropped by the stage when the sentence does not follow its own
  predecessor (:func:`storyline.language.connectives.opener_length`).

Each change is an :class:`Edit` of the candidate's text that names the span
of the document it comes from, so the brief sentence cites it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..language.antecedent import Referent, resolve_pronoun
from ..language.attribution import INSTITUTION_NOUNS, gender_of_text, honorific_gender, names_a_person
from ..language.connectives import ANAPHORIC_PRONOUNS, DEMONSTRATIVES, FEMALE_FORMS, MALE_FORMS, TIME_NOUNS, opener_length
from ..language.cues import DOCUMENT_NOUNS, SPEECH_NOUNS
from ..language.speaker import find_speaker_before, is_cue, speaker_of_cue
from ..settings import tuned_int
from ..text import doc_text

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["Context", "Edit", "Reading", "read_alone"]

#: How many sentences back a name or a speaker is looked for.
REACH = tuned_int("summarize", "antecedent_reach")
_QUOTES = {'"', "“", "”", "``", "''"}
_OPENING = ('"', "“")
_CLOSING = "\"'\u201d\u2019"  # marks that close a quotation (AP's '' and \u2019\u2019 among them)
_ARTICLES = {"The", "A", "An"}
_SUBJECT = {"nsubj", "nsubjpass"}
_POSSESSIVE = {"poss"}
_NAME_PARTS = {"compound", "flat", "nsubj", "nsubjpass", "appos", "pobj", "dobj", "poss", "conj", "npadvmod", "ROOT", "attr"}


@dataclass(frozen=True)
class Edit:
    """Replace ``[start, end)`` of the candidate's text with ``text``; ``cite`` is the document span it comes from."""

    start: int
    end: int
    text: str
    cite: tuple[int, int]


@dataclass(frozen=True)
class Reading:
    """What a sentence needs to stand alone."""

    edits: tuple[Edit, ...] = ()
    needy: bool = False  # leans on the sentence before it and cannot be repaired
    unattributed: bool = False  # a quotation whose speaker is nowhere to be found


@dataclass(frozen=True)
class Context:
    """A preceding sentence of the same article: its parse and the document offset of its block."""

    span: SpacySpan
    base: int


@dataclass(frozen=True)
class _Name:
    text: str
    start: int  # document offsets
    end: int
    key: str


def _quoted_flags(span: SpacySpan, inside: bool = False) -> list[bool]:
    """For each token of ``span``: is it inside quotation marks (the marks themselves count as inside).

    ``inside``: the span starts within a quotation that an earlier sentence opened.
    """
    out: list[bool] = []
    for tok in span:
        if tok.text in _QUOTES:
            if tok.text == "“":
                inside = True
            elif tok.text == "”":
                out.append(True)
                inside = False
                continue
            else:
                inside = not inside
                if not inside:
                    out.append(True)
                    continue
            out.append(True)
            continue
        out.append(inside)
    return out


def _gender(tokens: list[Token]) -> str | None:
    for t in tokens:
        g = honorific_gender(t.text)
        if g:
            return g
    return gender_of_text(" ".join(t.text for t in tokens))


def _names(ctx: Context, index: int) -> list[tuple[_Name, Referent]]:
    """Person names of one preceding sentence, with what the pronoun resolver needs."""
    span = ctx.span
    has_ner = span.doc.has_annotation("ENT_IOB")
    flags = _quoted_flags(span)
    out: list[tuple[_Name, Referent]] = []
    chains: list[list[Token]] = []
    if has_ner:  # the NER says who is a person
        chains = [[t for t in e if t.pos_ == "PROPN"] for e in span.ents if e.label_ == "PERSON"]
    else:
        cur: list[Token] = []
        for k, tok in enumerate(span):
            if tok.pos_ == "PROPN" and tok.text[:1].isupper() and not flags[k]:
                cur.append(tok)
                continue
            if cur:
                chains.append(cur)
            cur = []
        if cur:
            chains.append(cur)
    for chain in chains:
        if not chain:
            continue
        heads = [t for t in chain if t.head not in chain or t.head == t]
        head = heads[-1] if heads else chain[-1]
        subject = head.dep_ in _SUBJECT
        if any(t.text.isupper() and len(t.text) > 1 for t in chain) or any(t.tag_ == "NNPS" for t in chain):
            continue  # "NASA", "KCNA", "New Yorkers": an acronym or a plural is not a person
        speaker = subject and is_cue(head.head)
        left = [t for t in span if t.i < chain[0].i][-2:]
        gender = _gender([*left, *chain])
        if not has_ner and not ((subject or head.dep_ == "appos") and (len(chain) >= 2 or speaker or gender)):
            # without the NER, a person is a subject with a full name, a title, or words of their own
            continue
        first, last = chain[0], chain[-1]
        start = ctx.base + first.idx
        end = ctx.base + last.idx + len(last.text)
        name = _Name(doc_text(span.doc)[first.idx : last.idx + len(last.text)], start, end, last.text.lower())
        out.append((name, Referent(key=name.key, pos=start, sent=index, kind="person", gender=gender, subject=subject, speaker=speaker)))
    return out


def _resolve(pronoun: str, history: list[Context], pos: int) -> _Name | None:
    """The name a person pronoun refers to, from the article's preceding sentences (nearest first)."""
    found: list[tuple[_Name, Referent]] = []
    window = history[-REACH:]
    for k, ctx in enumerate(window):
        found.extend(_names(ctx, k))
    if not found:
        return None
    sent = len(window)
    key = resolve_pronoun(pronoun.lower(), pos, sent, [r for _, r in found])
    if key is None:
        return None
    names = [n for n, _ in found if n.key == key]
    return max(names, key=lambda n: (len(n.text.split()), n.start))  # the fullest form, then the latest


def _person_pronoun(tok: Token) -> str | None:
    low = tok.lower_
    if low in MALE_FORMS or low in FEMALE_FORMS:
        return "he" if low in MALE_FORMS else "she"
    return None


def _name_edit(tok: Token, name: _Name, offset: int) -> Edit:
    start = tok.idx - offset
    text = name.text + "'s" if tok.dep_ in _POSSESSIVE else name.text
    return Edit(start, start + len(tok.text), text, (name.start, name.end))


def _speaker_before(history: list[Context]) -> _Name | None:
    """Who speaks in the sentences just before a bare quotation: the subject of a reporting verb, or "X said:"."""
    for back, ctx in enumerate(reversed(history[-2:])):
        span = ctx.span
        colon = span.text.rstrip().endswith(":")
        if not colon and not any(t.text in _QUOTES for t in span):
            return None  # the speaker of a quotation goes on only from a quotation, or from "X said:"
        found = None
        cues = sorted((t for t in span if is_cue(t)), key=lambda t: (len(list(t.ancestors)), -t.i))
        for cue in cues:  # the main clause's reporting verb first: "X denied ..., writing in a statement:"
            found = speaker_of_cue(cue, "clause", ctx.base)
            if found is not None:
                break
        if found is None and back == 0 and colon:
            found = find_speaker_before(span.as_doc(), ctx.base + span.start_char)  # "Singer Robert Plant:"
        if found is None or not (found.pronoun or found.proper or _can_speak(found.lemma or "")):
            continue
        start, end = found.phrase
        if found.pronoun:
            if found.pronoun not in {"he", "she"}:
                return None
            idx = len(history) - 1 - back
            return _resolve(found.pronoun, history[:idx], start)
        text = doc_text(span.doc)
        rel_s, rel_e = start - ctx.base, end - ctx.base
        return _Name(text[rel_s:rel_e], start, end, text[rel_s:rel_e].lower())
    return None


def _cue_cite(span: SpacySpan, flags: list[bool], base: int) -> tuple[int, int]:
    """The document span of the words outside the quotation ("she said"): what the added opening mark rests on."""
    toks = [t for k, t in enumerate(span) if not flags[k] and not (t.is_punct or t.is_space)]
    if not toks:
        return (base + span.start_char, base + span.end_char)
    return (base + toks[0].idx, base + toks[-1].idx + len(toks[-1].text))


def _can_speak(lemma: str) -> bool:
    """A common noun that can be a quotation's source ("spokesman", "ministry", "statement"), not "excavations"."""
    return names_a_person(lemma) or lemma in INSTITUTION_NOUNS or lemma in SPEECH_NOUNS or lemma in DOCUMENT_NOUNS


def _continued(text: str, name: _Name | None, curly: bool, own_cue: bool) -> tuple[Edit, ...]:
    """The edits that give a sentence inside a longer quotation its opening mark and, unless it names its speaker, its end."""
    opening, closing = ("\u201c", "\u201d") if curly else ('"', '"')
    cite = name_cite = (0, 0)
    if name is not None:
        cite = name_cite = (name.start, name.end)
    edits = [Edit(0, 0, opening, cite)]
    if own_cue or name is None:  # '...," she said.': the sentence closes the quotation and names who spoke
        return tuple(edits)
    body = text.rstrip()
    who = name.text
    head, _, rest = who.partition(" ")
    if rest and head in _ARTICLES:
        who = f"{head.lower()} {rest}"
    words = body.rstrip(_CLOSING)
    marks = body[len(words):] or closing  # the quotation's own closing marks, or one added
    if words.endswith("."):
        return (*edits, Edit(len(words) - 1, len(body), f",{marks} {who} said.", name_cite))
    return (*edits, Edit(len(words), len(body), f"{marks} {who} said.", name_cite))


def _attribute(text: str, name: _Name, cut: int) -> Edit:
    """The edit that adds "X said" to a bare quotation."""
    body = text.rstrip()
    who = name.text
    head, _, rest = who.partition(" ")
    if rest and head in _ARTICLES:  # ""...," the ministry said"
        who = f"{head.lower()} {rest}"
    if body.endswith(('."', ".”")):
        return Edit(len(body) - 2, len(body), "," + body[-1] + f" {who} said.", (name.start, name.end))
    if body.endswith(('?"', '?”', '!"', "!”")):
        return Edit(len(body), len(body), f" {who} said.", (name.start, name.end))
    return Edit(cut, cut, f"{who[:1].upper()}{who[1:]} said: ", (name.start, name.end))


def _read_continued(span: SpacySpan, text: str, offset: int, base: int, history: list[Context],
                    quotation: list[Context], curly: bool) -> Reading:
    """What a sentence inside a longer quotation needs: its marks, and its speaker unless it names one ('...," she said')."""
    flags = _quoted_flags(span, inside=True)
    outside = [t for k, t in enumerate(span) if not flags[k]]
    own_cue = any(is_cue(t) for t in outside) or any(t.lower_ == "according" for t in outside)
    name = None if own_cue else _speaker_before(quotation)
    if name is None and not own_cue:
        return Reading(unattributed=True)
    edits = list(_continued(text, name, curly, own_cue))
    for k, tok in enumerate(span):  # '...," he said': the pronoun gets its name
        if flags[k]:
            continue
        pron = _person_pronoun(tok)
        if pron and tok.pos_ == "PRON" and tok.dep_ in _SUBJECT and is_cue(tok.head):
            found = _resolve(pron, history, base + tok.idx)
            if found is None:
                return Reading(unattributed=True)
            edits.append(_name_edit(tok, found, offset))
            break
    if own_cue and edits[0].cite == (0, 0):
        edits[0] = Edit(0, 0, edits[0].text, _cue_cite(span, flags, base))
    return Reading(tuple(edits))


def read_alone(span: SpacySpan, text: str, offset: int, base: int, history: list[Context],
               quotation: list[Context] | None = None, curly: bool = False) -> Reading:
    """What the sentence ``span`` (candidate text ``text``, starting at block offset ``offset``) needs to stand alone.

    ``base`` is the document offset of the span's block; ``history`` holds the
    article's preceding sentences, oldest first. ``quotation`` is given when
    the sentence starts inside a quotation an earlier sentence opened: the
    sentences up to the one that opened it (``curly``: with curly marks).
    """
    if quotation is not None:
        return _read_continued(span, text, offset, base, history, quotation, curly)
    flags = _quoted_flags(span)
    cut = opener_length(text)
    words = [(k, t) for k, t in enumerate(span) if t.idx - offset >= cut and not (t.is_punct or t.is_space)]
    edits: list[Edit] = []
    # a bare quotation: opens on a quotation mark and has no reporting verb outside it
    if text[cut:].startswith(_OPENING):
        outside = [t for k, t in enumerate(span) if not flags[k]]
        if not any(is_cue(t) for t in outside) and not any(t.lower_ == "according" for t in outside):
            name = _speaker_before(history)
            if name is None:
                return Reading(unattributed=True)
            edits.append(_attribute(text, name, cut))
    if not words:
        return Reading(tuple(edits))
    k0, first = words[0]
    low = first.lower_
    needy = False
    if not flags[k0] and low in ANAPHORIC_PRONOUNS and first.pos_ in {"PRON", "DET"}:
        pron = _person_pronoun(first)
        if first.pos_ == "DET" and low in DEMONSTRATIVES:
            needy = first.head.lemma_.lower() not in TIME_NOUNS
        elif pron and first.dep_ in _SUBJECT | _POSSESSIVE:
            name = _resolve(pron, history, base + first.idx)
            if name is None:
                needy = True
            else:
                edits.append(_name_edit(first, name, offset))
        elif first.pos_ == "PRON" or low in {"its", "their"}:
            needy = True
        return Reading(tuple(edits), needy=needy)
    # a person pronoun later in the sentence with no name before it ("...," he said)
    for k, tok in words:
        if flags[k]:
            continue
        if tok.pos_ == "PROPN":
            break
        pron = _person_pronoun(tok)
        if pron and tok.pos_ == "PRON" and tok.dep_ in _SUBJECT and is_cue(tok.head):  # ""...," he said"
            name = _resolve(pron, history, base + tok.idx)
            if name is None:
                needy = True
            else:
                edits.append(_name_edit(tok, name, offset))
            break
    return Reading(tuple(edits), needy=needy)
