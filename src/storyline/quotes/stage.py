"""The ``quotes`` stage: direct quotations with their speaker and cue.

For every document: pair the quotation marks of its kept blocks
(:mod:`.marks`), find the speaker span and cue in the block's parse
(:mod:`.speaker`), and resolve the span to a story actor (:mod:`.resolve`).
A whole-paragraph quotation with no attribution of its own, right after an
attributed one, continues the previous speaker (the wire-copy convention).
Scare quotes and quoted wording of documents are kept with no speaker.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right

from ..actor_index import ActorIndex
from ..attribution import actor_gender, doc_referents, resolve_speaker
from ..language.antecedent import Referent, sentence_of, sentence_starts
from ..language.attribution import INSTITUTION_NOUNS, names_a_person, pronoun_info, same_role
from ..language.cues import DOCUMENT_AUTHOR_VERBS, DOCUMENT_NOUNS, SPEECH_NOUNS
from ..language.names import name_key
from ..language.speaker import SpeakerSpan, find_speaker, find_speaker_before, is_title_or_term, quote_tokens
from ..models import Actor, Block, Document, Mention, Quote, Story
from ..pipeline import Context, register_stage
from .marks import QuotedSpan, find_quoted_spans

__all__ = ["extract_quotes", "quotes_of_document"]

log = logging.getLogger(__name__)


def _kept_blocks(doc: Document) -> list[tuple[int, Block]]:
    return [(i, b) for i, b in enumerate(doc.blocks) if b.kind != "junk"]


def _block_at(kept: list[tuple[int, Block]], starts: list[int], pos: int) -> tuple[int, Block] | None:
    k = bisect_right(starts, pos) - 1
    if k < 0:
        return None
    bi, block = kept[k]
    return (bi, block) if block.start <= pos < block.end else None


_INNER_MARKS = "\"'\u2018\u2019\u201c\u201d "


def _is_partial(text: str) -> bool:
    words = text.split()
    lead = text.lstrip("[(\u2026. " + _INNER_MARKS)  # "[It] breaks my heart.", "... and then", "'Don't ..."
    tail = text.rstrip(_INNER_MARKS)  # "... saying, 'Don't leave it on the field.'"
    whole = len(words) >= 4 and lead[:1].isupper() and tail[-1:] in {".", "?", "!", ",", "\u2026"}
    return not whole


def _is_short_label(q: Quote) -> bool:
    """A speakerless quote of a few words ("Cia", "rant"): a nickname or a term, not a break in who is speaking."""
    return q.speaker is None and len(q.text.split()) <= 3


def _speaker_span(doc: Document, ctx: Context, kept: list[tuple[int, Block]], starts: list[int], q: QuotedSpan) -> SpeakerSpan | None:
    """Try the block where the quote opens, then (for a long quote) the block where it closes."""
    tried: set[int] = set()
    for pos in (q.open_at, q.close_at):
        found = _block_at(kept, starts, pos)
        if found is None or found[0] in tried:
            continue
        bi, block = found
        tried.add(bi)
        parse = ctx.parses.get(doc.id, bi)
        if parse is None:
            continue
        start, end = max(q.start, block.start), min(q.end, block.end)
        span = find_speaker(parse, block.start, start, end, q.open_at, q.close_at)
        if span is not None:
            return span
    # a paragraph that ends in a colon announces the quotation that opens the next one ("He said:")
    found = _block_at(kept, starts, q.open_at)
    if found is not None and not doc.text[found[1].start : q.open_at].strip():
        k = next(i for i, (bi, _) in enumerate(kept) if bi == found[0])
        if k > 0:
            pbi, pblock = kept[k - 1]
            parse = ctx.parses.get(doc.id, pbi)
            if parse is not None and doc.text[pblock.start : pblock.end].rstrip().endswith(":"):
                return find_speaker_before(parse, pblock.start)
    return None


_NUMBER_ONLY = re.compile(r"^[\d\s,.#:/-]+(?:st|nd|rd|th)?[.,]?$")


def _is_label(doc: Document, ctx: Context, kept: list[tuple[int, Block]], starts: list[int], q: QuotedSpan, text: str) -> bool:
    """Quoted words that are a name, not speech: a title of a work or show, a named term, a number, a lone pronoun."""
    bare = text.strip(" ,.;:")
    if _NUMBER_ONLY.match(text) or (pronoun_info(bare) is not None and " " not in bare):
        return True
    found = _block_at(kept, starts, q.open_at)
    parse = ctx.parses.get(doc.id, found[0]) if found is not None else None
    if parse is None or found is None:
        return False
    base = found[1].start
    return is_title_or_term(parse, quote_tokens(parse, q.start - base, min(q.end, found[1].end) - base), q.open_at - base)


def _opens_sentence(text: str, q: QuotedSpan, block: Block) -> bool:
    """The quote starts its paragraph or follows the end of a sentence."""
    before = text[block.start : q.open_at].rstrip()
    return not before or before[-1] in ".?!\"'\u201d\u2019"


def _continues(last: Quote | None, here: tuple[int, Block] | None, prev_block: int | None, text: str) -> bool:
    """A whole-sentence quote right after an attributed one (same or previous paragraph).

    In the same paragraph a short sentence continues too (""I would," Roe said. "I would, Donald.""), not a
    fragment that starts in lower case.
    """
    if last is None or not last.speaker or here is None or prev_block is None:
        return False
    if here[0] == prev_block and text.lstrip(_INNER_MARKS + "[(\u2026. ")[:1].isupper():
        return True
    return here[0] - prev_block <= 1 and not _is_partial(text)


def _named_between(index: ActorIndex, doc: str, start: int, end: int, speaker: str | None, quoted: list[tuple[int, int]]) -> bool:
    """Someone other than ``speaker`` is named (outside quotations) in [start, end)."""
    for s, e, actor in index.mentions_in(doc, start, end):
        if s >= start and e <= end and actor.id != speaker and actor.kind == "person" and not any(qs <= s < qe for qs, qe in quoted):
            if pronoun_info(doc_text_of(index, doc, s, e)) is None:
                return True
    return False


def _next_sentence(sents: tuple[int, ...], pos: int) -> int:
    """Start of the sentence after the one holding ``pos`` (the previous quote's own attribution is skipped)."""
    k = sentence_of(sents, pos)
    return sents[k + 1] if k + 1 < len(sents) else pos


def doc_text_of(index: ActorIndex, doc: str, s: int, e: int) -> str:
    """The text of the mention at [s, e) (pronoun mentions are recorded verbatim)."""
    for ms, me, actor in index.mentions_in(doc, s, e):
        if ms == s and me == e:
            for m in actor.mentions:
                if m.doc == doc and m.start == s and m.end == e:
                    return m.text
    return ""


def _subject_offsets(doc: Document, ctx: Context, kept: list[tuple[int, Block]]) -> list[int]:
    """Document offsets of every clause-subject token of the kept blocks, sorted."""
    out: list[int] = []
    for bi, block in kept:
        parse = ctx.parses.get(doc.id, bi)
        if parse is None:
            continue
        out.extend(block.start + t.idx for t in parse if t.dep_ in {"nsubj", "nsubjpass"})
    return sorted(out)


class _NewSpeakers:
    """Links speakers the actors stage did not cover: descriptions to the one actor they fit, new actors otherwise."""

    def __init__(self, story: Story) -> None:
        self.story = story
        self.created: dict[tuple[str, str], Actor] = {}
        self.next_id = 1 + max((int(a.id[1:]) for a in story.actors if a.id[1:].isdigit()), default=0)

    def _by_role(self, lemma: str) -> list[Actor]:
        return [a for a in self.story.actors if a.kind == "person" and a.role and same_role(a.role.split()[-1], lemma)]

    def _institutions(self, lemma: str) -> list[Actor]:
        fits = []
        for a in self.story.actors:
            if a.kind not in {"organization", "group"}:
                continue
            words = {w.lower() for w in re.findall(r"[A-Za-z]+", " ".join([a.name, *a.aliases, a.role or ""]))}
            if lemma in words or (lemma == "company" and a.role == "company"):
                fits.append(a)
        return fits

    def _named(self, name: str) -> Actor | None:
        key = name_key(name)
        hits = [a for a in self.story.actors if key in {name_key(n) for n in [a.name, *a.aliases]}]
        if not hits and " " not in key:  # a surname: "Colter" for Kain Colter
            hits = [a for a in self.story.actors if a.kind == "person" and name_key(a.name).split()[-1:] == [key]]
        return hits[0] if len(hits) == 1 else None

    def link(self, doc: Document, sp: SpeakerSpan) -> Actor | None:
        """The actor for an uncovered, non-pronoun speaker span, or None when it stays unknown."""
        phrase = doc.text[sp.phrase[0] : sp.phrase[1]].strip()
        phrase = re.sub(r"[\u2019']s?$", "", phrase).strip()
        if not phrase or not any(ch.isalpha() for ch in phrase):
            return None
        lemma = sp.lemma or ""
        if sp.proper:
            found = self._named(phrase) or self._named(doc.text[sp.head[0] : sp.head[1]])
            if found is not None:
                return found
            kind = "person" if sp.entity == "PERSON" or (sp.entity is None and len(phrase.split()) in {2, 3}) else "organization"
            if sp.entity not in {None, "PERSON", "ORG"}:
                return None  # a place, a date ("said Monday"), a work: not a speaker of its own
            return self._create(doc, sp, phrase, kind)
        if lemma in DOCUMENT_NOUNS or lemma in SPEECH_NOUNS:
            return None  # the stage looks for the document's author
        if lemma in INSTITUTION_NOUNS:
            fits = self._institutions(lemma)
            return fits[0] if len(fits) == 1 else None
        roles = self._by_role(lemma)
        if roles:
            return roles[0] if len(roles) == 1 else None
        if not phrase[:1].isalpha() or len(phrase.split()) > 6 or not names_a_person(lemma):
            return None
        return self._create(doc, sp, phrase, "person")

    def _create(self, doc: Document, sp: SpeakerSpan, phrase: str, kind: str) -> Actor:
        key = (doc.id, name_key(phrase))
        actor = self.created.get(key)
        if actor is None:
            actor = Actor(id=f"a{self.next_id}", name=phrase, kind=kind)  # type: ignore[arg-type]
            self.next_id += 1
            self.created[key] = actor
            self.story.actors.append(actor)
        actor.mentions.append(Mention(doc=doc.id, start=sp.phrase[0], end=sp.phrase[1], text=doc.text[sp.phrase[0] : sp.phrase[1]]))
        return actor


_LEGAL_ACTIONS = frozenset({"suit", "lawsuit", "complaint", "petition"})


def _same_document(a: str, b: str) -> bool:
    return a == b or (a in _LEGAL_ACTIONS and b in _LEGAL_ACTIONS) or {a, b} == {"email", "e-mail"}


def _document_author(index: ActorIndex, doc: Document, ctx: Context, kept: list[tuple[int, Block]], sp: SpeakerSpan) -> Actor | None:
    """Who wrote the document speaking ("the suit says"): the subject of the last earlier verb that made it.

    "X filed a lawsuit ... the suit says" -> X; "Y emailed the order ... the email said" -> Y.
    """
    lemma = sp.lemma or ""
    best: Actor | None = None
    for bi, block in kept:
        if block.start >= sp.head[0]:
            break
        parse = ctx.parses.get(doc.id, bi)
        if parse is None:
            continue
        for t in parse:
            if block.start + t.idx >= sp.head[0]:
                break
            verb = None
            if _same_document(t.lemma_.lower(), lemma) and t.dep_ in {"dobj", "nsubjpass"}:
                verb = t.head
            elif t.pos_ == "VERB" and t.lemma_.lower() == lemma:  # "Cohen emailed ..." for "the email"
                verb = t
            if verb is None or verb.lemma_.lower() not in DOCUMENT_AUTHOR_VERBS | {lemma}:
                continue
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is None and verb.dep_ in {"conj", "xcomp", "advcl"}:
                subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
            if subj is None:
                continue
            actor = index.at(doc.id, block.start + subj.idx, block.start + subj.idx + len(subj.text))
            if actor is not None and actor.kind != "place":
                best = actor
    return best


def quotes_of_document(doc: Document, ctx: Context, index: ActorIndex, linker: _NewSpeakers | None = None) -> list[Quote]:
    """Every quotation of ``doc`` with its speaker (an actor id) when one is named."""
    kept = _kept_blocks(doc)
    starts = [b.start for _, b in kept]
    spans = find_quoted_spans(doc.text, [(b.start, b.end) for _, b in kept])
    quoted = [(q.start, q.end) for q in spans]
    referents = doc_referents(index, doc.id, doc.text, quoted, _subject_offsets(doc, ctx, kept))
    sents = sentence_starts(doc.text)
    quotes: list[Quote] = []
    prev_block: int | None = None
    last: Quote | None = None  # the quote a continuation would follow (short speakerless labels skipped)
    for q in spans:
        sp = _speaker_span(doc, ctx, kept, starts, q)
        here = _block_at(kept, starts, q.open_at)
        speaker_id: str | None = None
        how = sp.how if sp else None
        if sp is not None:
            actor = resolve_speaker(index, doc.id, sp, quoted, {doc.id: doc.text}, referents)
            if actor is None and sp.pronoun is None and (sp.lemma in DOCUMENT_NOUNS):
                actor = _document_author(index, doc, ctx, kept, sp)
            if actor is None and sp.pronoun is None and linker is not None:
                actor = linker.link(doc, sp)
            speaker_id = actor.id if actor else None
            if actor is not None:
                referents.append(Referent(actor.id, sp.head[0], sentence_of(sents, sp.head[0]), "person" if actor.kind == "person" else "thing",
                                          actor_gender(actor, {doc.id: doc.text}) if actor.kind == "person" else None, actor.kind == "group", True, True))
        text = doc.text[q.start : q.end]
        if sp is None and _is_label(doc, ctx, kept, starts, q, text):
            continue  # a title, a term, a number, a lone pronoun: nobody's words, not a quotation
        if (
            speaker_id is None
            and (sp is None or (sp.lemma not in DOCUMENT_NOUNS and sp.lemma not in SPEECH_NOUNS and not sp.proper))
            and _continues(last, here, prev_block, text)
            and last is not None
            and here is not None
            and _opens_sentence(doc.text, q, here[1])
            and not _named_between(index, doc.id, _next_sentence(sents, last.end), q.open_at, last.speaker, quoted)
        ):
            speaker_id, how = last.speaker, "continuation"
        quotes.append(
            Quote(
                speaker=speaker_id,
                cue=sp.cue if sp else None,
                text=text,
                doc=doc.id,
                start=q.start,
                end=q.end,
                speaker_text=doc.text[sp.phrase[0] : sp.phrase[1]] if sp else None,
                partial=_is_partial(text),
                how=how,
            )
        )
        if not _is_short_label(quotes[-1]) and here is not None:
            last, prev_block = quotes[-1], here[0]
    return quotes


@register_stage("quotes", requires=("parses", "actors"), assigns=("quotes",))
def extract_quotes(story: Story, ctx: Context) -> Story:
    """Fill ``story.quotes`` for every document."""
    index = ActorIndex(story)
    linker = _NewSpeakers(story)
    story.quotes = []
    for doc in story.documents:
        found = quotes_of_document(doc, ctx, index, linker)
        log.debug("%s: %d quotes, %d with a speaker", doc.id, len(found), sum(1 for q in found if q.speaker))
        story.quotes.extend(found)
    return story
