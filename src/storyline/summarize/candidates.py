"""Candidate sentences for the brief, read from the parses the nlp stage kept.

A candidate is one body sentence of one document, with what the scorer
needs: its content terms (lower-cased lemmas of content words), its named
entities, whether it has a finite verb, and where it sits in its document.
Sentences that cannot stand alone in a brief (fragments, questions, lines
of scraping debris that the cleaner kept, bylines, datelines on their own)
are filtered here, before any scoring.

A leading dateline ("WASHINGTON (AP) — ") is trimmed off the candidate's
span, so the brief never starts a sentence with it; the span still
reproduces the document text exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..language.junk import classify_line, looks_like_caption
from ..language.newsroom import is_newsroom_note
from ..language.stem import stem as snowball_stem
from ..models import Document, Sentence, Story
from ..settings import tuned, tuned_int
from ..text import plain
from .readable import Context as Preceding
from .readable import Edit, read_alone

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span as SpacySpan

    from ..pipeline import Context

__all__ = ["MAX_JUNK_SHARE", "Candidate", "collect_candidates", "collect_headlines", "is_standalone", "junk_share"]

#: A dateline at the start of a sentence: "WASHINGTON (AP) — ", "LONDON, March 3 (Reuters) - ".
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Za-z.'-]+(?:[ ,]+[A-Z][A-Za-z.'-]+){0,3})?[ ,]*(?:[A-Z][a-z]{2,8}\.? \d{1,2},? )?"
    r"(?:\([A-Z][\w.]{1,15}\)|[A-Z]{3,}(?:[ ,/]+[A-Z]{2,})*(?: \([A-Z][\w.]{1,15}\))?)\s*[—–-]{1,2}\s*"
)
#: A photo caption written into the body: "In this March 3, 2016, file photo, ...", "(Photo: ...)".
_CAPTION = re.compile(
    r"^in this (?:[\w.,'-]+ ){0,8}?(?:file )?(?:photo|image|picture|photograph|video(?: image)?|frame grab|handout)\b"
    r"|^this (?:\w+ )?(?:photo|image|picture|photograph|video image|frame grab)\b(?: \w+)?"
    r" (?:shows|provided|released|taken|made|obtained|posted)\b"
    r"|\((?:photo|image|picture|video|credit)s?\b[^)]*\)|\b(?:photo|image|picture) (?:by|courtesy of|provided by)\b",
    re.IGNORECASE,
)
_ELLIPSIS = re.compile(r"(?:\.\.\.|…)\s*(?:\([^)]*\))?[\"'”’)\s]*$")
#: A document whose text is mostly junk (a failed retrieval, an archive notice) gives no sentence.
MAX_JUNK_SHARE = tuned("summarize", "max_junk_share")
#: Sentences past this index of their article are not candidates (news keeps its facts up front;
#: measured on Multi-News: no loss, and long stories stay fast).
MAX_POSITION = tuned_int("summarize", "max_position")
#: How many preceding sentences a candidate's reading looks at (a speaker, a pronoun's name).
READING_REACH = tuned_int("summarize", "antecedent_reach")
_URL = re.compile(r"https?://|www\.|\.com/|@\w{2,}|#\w{3,}|\bpic\.twitter\b", re.IGNORECASE)
_TERMINAL = ('.', '!', '"', "'", ")", "”", "’")
_ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"}
_NUMERIC_LABELS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
#: Sentence openers that lean on the sentence before them (general English connectives).
_CONNECTIVES = {"but", "however", "also", "still", "meanwhile", "instead", "moreover", "furthermore", "besides",
                "nevertheless", "nonetheless", "yet", "so", "thus", "hence", "then", "later", "otherwise", "indeed"}
_FIRST_PERSON = {"i", "me", "my", "we", "us", "our"}
_SECOND_PERSON = {"you", "your", "yours"}


@dataclass
class Candidate:
    """One body sentence that could enter the brief."""

    doc: str
    doc_index: int
    position: int  # index among the document's candidate-eligible body sentences
    start: int
    end: int
    text: str
    words: int
    terms: list[str] = field(default_factory=list)  # content lemmas, lower case, in order
    entities: list[str] = field(default_factory=list)  # named entities (lower case)
    numbers: int = 0  # dates, amounts, counts mentioned
    quoted: float = 0.0  # share of the words inside quotation marks
    first_person: int = 0  # first-person pronouns outside quotes
    second_person: int = 0  # "you", "your"
    paragraph_start: bool = False
    dangling: bool = False  # opens on a pronoun or a connective that needs the sentence before it
    edits: tuple[Edit, ...] = ()  # what makes it read alone (a speaker added, a pronoun named; see readable.py)
    needy: bool = False  # leans on the sentence before it in its article and cannot be repaired
    unattributed: bool = False  # a quotation whose speaker is nowhere to be found
    continues_quote: bool = False  # starts inside a quotation an earlier sentence of its paragraph opened
    prev: int | None = None  # index (among the story's candidates) of the sentence before it in its article


def stem(lemma: str) -> str:
    """The term of a lemma: its Snowball stem, so that "announcement" and "announced",
    "withdrawal" and "withdrawing" count as one term."""
    return snowball_stem(lemma)


def _trim_dateline(text: str) -> int:
    """How many leading characters of a sentence are a dateline."""
    m = _DATELINE.match(text)
    if m and m.end() < len(text) and len(text[m.end():].split()) >= 5:
        return m.end()
    return 0


def is_standalone(text: str, span: SpacySpan | None = None) -> bool:
    """True when a sentence can stand alone in a brief.

    It must end like a sentence, have a verb, hold no links or handles, not
    be a question, not be a line the junk rules recognize, and not be a
    newsroom note (a credit, a correction, words to the reader about the page).
    """
    s = plain(text)
    n = len(s.split())
    if n < 6 or n > 80:
        return False
    if not s.endswith(_TERMINAL) or s.endswith("?") or s.rstrip("\"'”’)").endswith(("?", ":", ",")):
        return False
    if (_URL.search(s) or classify_line(s) is not None or _CAPTION.search(s) or _ELLIPSIS.search(s) or looks_like_caption(s)
            or is_newsroom_note(s)):
        return False
    letters = sum(map(str.isalpha, s))
    if not letters or sum(map(str.isupper, filter(str.isalpha, s))) > 0.5 * letters:
        return False
    if not s[0].isupper() and s[0] not in "\"'(":
        return False
    return not (span is not None and not any(t.pos_ in {"VERB", "AUX"} for t in span))


def _quoted_share(text: str) -> float:
    s = plain(text)
    inside = 0
    total = 0
    open_ = False
    for word in s.split():
        total += 1
        starts, ends = word.startswith('"'), word.rstrip(".,;:!?)").endswith('"')
        if starts:
            open_ = True
        if open_:
            inside += 1
        if ends and (open_ or not starts):
            open_ = False
    return inside / total if total else 0.0


def open_quotation(text: str) -> str | None:
    """The mark of a quotation that ``text`` (a paragraph up to some point) leaves open: curly, straight, or None."""
    text = text.replace("``", '"').replace("''", '"').replace("\u2019\u2019", "\u201d")
    if text.count("\u201c") > text.count("\u201d"):
        return "curly"
    if text.count('"') % 2 == 1:
        return "straight"
    return None


def _describe(cand: Candidate, span: SpacySpan) -> None:
    """Fill the linguistic fields of ``cand`` from its spaCy span."""
    in_quote = cand.continues_quote
    for tok in span:
        if tok.text in {'"', "``", "''", "\u201c", "\u201d"}:
            in_quote = tok.text == "\u201c" or (tok.text != "\u201d" and not in_quote)
            continue
        low = tok.lower_
        if not in_quote and low in _FIRST_PERSON and tok.pos_ == "PRON":
            cand.first_person += 1
        if low in _SECOND_PERSON:
            cand.second_person += 1
        if tok.is_stop or tok.is_punct or tok.is_space or not (tok.is_alpha or tok.like_num):
            continue
        cand.terms.append(stem((tok.lemma_ or low).lower()))
    for ent in span.ents:
        if ent.label_ in _ENTITY_LABELS:
            cand.entities.append(ent.text.lower())
        elif ent.label_ in _NUMERIC_LABELS:
            cand.numbers += 1
    first = next((t for t in span if not (t.is_punct or t.is_space)), None)
    if first is not None:
        cand.dangling = first.pos_ in {"PRON", "CCONJ"} or first.lower_ in _CONNECTIVES


def _sentence_span(ctx: Context, doc: Document, sent: Sentence, start: int) -> SpacySpan | None:
    parsed = ctx.parses.get(doc.id, sent.block)
    if parsed is None:
        return None
    base = doc.blocks[sent.block].start
    return parsed.char_span(start - base, sent.end - base, alignment_mode="expand")


def _document_candidates(doc: Document, doc_index: int, ctx: Context) -> list[Candidate]:
    out: list[Candidate] = []
    position = 0
    last_block = -1
    history: list[Preceding] = []
    opened: list[bool] = []  # per history entry: it starts outside any quotation (it may open one)
    for sent in doc.sentences:
        if position >= MAX_POSITION:
            break
        if doc.blocks[sent.block].kind != "body":
            continue
        trim = _trim_dateline(sent.text)
        start = sent.start + trim
        text = doc.text[start:sent.end]
        span = _sentence_span(ctx, doc, sent, start)
        whole = span if not trim else _sentence_span(ctx, doc, sent, sent.start)
        paragraph_start = sent.block != last_block
        last_block = sent.block
        before = history[-READING_REACH:]
        mark = open_quotation(doc.text[doc.blocks[sent.block].start : start])
        if text.lstrip().startswith(('"', "\u201c", "``")):
            mark = None  # it opens a quotation of its own
        quotation: list[Preceding] | None = None
        if mark is not None:  # the sentences up to the one of this paragraph that opened the quotation
            at = next((k for k in range(len(opened) - 1, -1, -1) if opened[k]), -1)
            quotation = history[: at + 1][-READING_REACH:] if at >= 0 else []
        if whole is not None:
            history.append(Preceding(whole, doc.blocks[sent.block].start))
            opened.append(mark is None)
        if not is_standalone(text, span):
            position += 1
            continue
        cand = Candidate(
            doc=doc.id, doc_index=doc_index, position=position, start=start, end=sent.end, text=text,
            words=len(text.split()), paragraph_start=paragraph_start, continues_quote=mark is not None,
        )
        cand.quoted = _quoted_share(text)
        if mark is not None and not any(q in text for q in ('"', "\u201d")):
            cand.quoted = 1.0  # all of it is inside the quotation
        if span is not None:
            _describe(cand, span)
            base = doc.blocks[sent.block].start
            reading = read_alone(span, text, start - base, base, before, quotation, mark == "curly")
            cand.edits, cand.needy, cand.unattributed = reading.edits, reading.needy, reading.unattributed
        out.append(cand)
        position += 1
    return out


def _content_terms(span: SpacySpan) -> list[str]:
    return [stem((t.lemma_ or t.lower_).lower()) for t in span
            if not (t.is_stop or t.is_punct or t.is_space) and (t.is_alpha or t.like_num)]


def collect_headlines(story: Story, ctx: Context) -> list[list[str]]:
    """Content terms of every document's headline and standfirst (what the outlets say the story is)."""
    out: list[list[str]] = []
    for doc in story.documents:
        if junk_share(doc) > MAX_JUNK_SHARE:
            continue
        for bi, block in enumerate(doc.blocks):
            parsed = ctx.parses.get(doc.id, bi)
            if block.kind in {"title", "dek"} and parsed is not None:
                out.append(_content_terms(parsed[:]))
    return [h for h in out if h]


def junk_share(doc: Document) -> float:
    """The share of a document's non-blank characters that the cleaner removed as junk."""
    total = sum(b.end - b.start for b in doc.blocks)
    junk = sum(b.end - b.start for b in doc.blocks if b.kind == "junk")
    return junk / total if total else 1.0


def collect_candidates(story: Story, ctx: Context) -> list[Candidate]:
    """Every standalone body sentence of every document that is mostly content, in document order."""
    out: list[Candidate] = []
    for i, doc in enumerate(story.documents):
        if junk_share(doc) > MAX_JUNK_SHARE:
            continue
        out.extend(_document_candidates(doc, i, ctx))
    at = {(c.doc, c.position): k for k, c in enumerate(out)}
    for c in out:
        c.prev = at.get((c.doc, c.position - 1))
    return out
