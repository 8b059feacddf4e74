"""The ``claims`` stage: what each source states, predicts or prescribes, and asks.

Every declarative sentence of a document's body, standfirst and captions
(a caption fragment with no subject excepted) becomes a
:class:`~storyline.models.Claim`; so do the clause after a hedged question
that ends mid-sentence ("It's unclear what she meant; *the judge is not
listed*") and what a factive question takes for granted ("Did X know that
*Y*?"). An imperative appeal to the reader ("Please help us ...") is none.

- *voice*: the outlet's own, or attributed when the sentence's main verb is
  a reporting or belief verb ("Churkin said ...", "Moscow believes ...") or
  most of it is somebody's quotation; the speaker is resolved to a story
  actor like a quotation's;
- *type*: a prescription when its main clause has must/should/ought/need to/
  have to, a prediction with will/shall/going to, else an assertion.

Questions the source raises (direct or indirect) go to ``story.questions``
(see :mod:`.questions`); their answers are linked by the ``compare`` stage.
The per-sentence terms used for comparison are the ``claim_units`` artifact
(``ctx.claim_units``).
"""

from __future__ import annotations

import logging
import re

from spacy.tokens import Doc, Token

from ..actor_index import ActorIndex
from ..artifacts import ClaimUnits
from ..attribution import resolve_speaker
from ..claim_features.features import COGNITION_VERBS, DENIAL_VERBS, TextUnit, span_tokens, text_unit
from ..claim_features.questions import QuestionSpan, find_questions
from ..language.answers import asked_kind
from ..language.speaker import is_cue, speaker_of_cue
from ..language.words import FACTIVE_PREDICATES, FUTURE_MODALS, PRESCRIPTIVE_MODALS
from ..models import Claim, Document, Question, Quote, Sentence, Story
from ..pipeline import Context, register_stage
from ..settings import tuned_int

__all__ = ["ClaimUnits", "claims_of_document", "extract_claims"]

log = logging.getLogger(__name__)

#: Blocks whose sentences are claims: a caption tells facts too ("The boy fell eight stories from the 23rd floor").
_KINDS = {"body", "dek", "caption"}
_MIN_WORDS = tuned_int("claims", "min_words")
#: An open question with fewer content terms than this is elliptical ("It was not immediately clear what the defect was",
#: "It's unclear what she was referring to"): it asks about what the sentence before it (and the rest of its own sentence) told.
_ELLIPTICAL = tuned_int("claims", "elliptical_question_terms")
_PREDICTION = FUTURE_MODALS
_PRESCRIPTION = PRESCRIPTIVE_MODALS
_NEED = {"need", "have"}


def _claim_type(tokens: list[Token], reported: bool = False) -> str:
    """Prescription, prediction or assertion, from the modals of the sentence's main clauses.

    In reported speech "would" is the backshifted "will" ("said the talks would resume").
    """
    kinds = set()
    future = _PREDICTION | {"would"} if reported else _PREDICTION
    for t in tokens:
        low = t.lower_
        if t.tag_ == "MD" or low in _PRESCRIPTION:
            if low in _PRESCRIPTION:
                kinds.add("prescription")
            elif low in future:
                kinds.add("prediction")
        elif t.lemma_ in _NEED and any(c.dep_ == "xcomp" and any(g.lower_ == "to" for g in c.children) for c in t.children):
            kinds.add("prescription")
        elif low == "going" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to" and any(c.dep_ == "xcomp" for c in t.children):
            kinds.add("prediction")
    for kind in ("prescription", "prediction"):
        if kind in kinds:
            return kind
    return "assertion"


#: What links the clause after a hedged question to it: punctuation and a conjunction.
_LINK = re.compile(r"[\s,;:\u2014\u2013-]*(?:(?:but|and|although|though|while|yet)\b)?[\s,]*", re.IGNORECASE)


def _after_hedge(doc: Document, sent: Sentence, found: list[QuestionSpan]) -> Sentence | None:
    """The clause after a hedged question that ends before its sentence does ("It's unclear what she meant; *the
    judge is not listed as a party*"): a statement of its own. None for direct questions and hedges that end the sentence.
    """
    if len(found) != 1 or found[0].kind != "indirect" or "?" in sent.text or found[0].start > sent.start:
        return None
    m = _LINK.match(doc.text, found[0].end, sent.end)
    start = m.end() if m else found[0].end
    if sent.end - start < 2:
        return None
    return Sentence(id=f"{sent.id}.rest", doc=sent.doc, block=sent.block, start=start, end=sent.end, text=doc.text[start : sent.end])


def _photo_captions(doc: Document) -> set[int]:
    """Captions the article repeats with a photo credit (the copy was removed): they describe a picture ("Putin, center,
    and Lavrov, left, meet in the Kremlin"), not the story."""
    removed = [" ".join(r.text.split()) for r in doc.removed]
    out: set[int] = set()
    for i, block in enumerate(doc.blocks):
        if block.kind == "caption":
            text = " ".join(block.text.split())
            if text and any(r != text and r.startswith(text) for r in removed):
                out.add(i)
    return out


def _imperative(words: list[Token]) -> bool:
    """ "Please help us to provide a home for ...", "Sign up for our newsletter": an appeal to the reader states nothing.

    The sentence opens (after "please") with its main verb in the base form, and that verb has no subject.
    """
    first = words[1] if len(words) > 1 and words[0].lower_ == "please" else words[0]
    return first.dep_ == "ROOT" and first.tag_ == "VB" and not any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in first.children)


def _attributed_quote(quotes: list[Quote], start: int, end: int) -> Quote | None:
    """A quotation with a speaker that covers most of the sentence."""
    for q in quotes:
        if q.speaker and q.start < end and start < q.end and (min(q.end, end) - max(q.start, start)) * 2 >= end - start:
            return q
    return None


def _build_claim(doc: Document, sent: Sentence, tokens: list[Token], base: int, index: ActorIndex, quotes: list[Quote], n: int) -> Claim:
    claim = Claim(id=f"{doc.id}.c{n}", doc=doc.id, start=sent.start, end=sent.end, text=sent.text)
    roots = [t for t in tokens if t.dep_ == "ROOT"]
    root = roots[0] if roots else None
    content = tokens
    if root is not None and (is_cue(root) or root.lemma_.lower() in COGNITION_VERBS):
        span = speaker_of_cue(root, "claim", base)
        comp = next((c for c in root.children if c.dep_ in {"ccomp", "xcomp"}), None)
        if span is not None and comp is not None:
            actor = resolve_speaker(index, doc.id, span, [(q.start, q.end) for q in quotes], {doc.id: doc.text})
            claim.voice, claim.cue = "attributed", root.text
            claim.speaker = actor.id if actor else None
            claim.speaker_text = doc.text[span.phrase[0] : span.phrase[1]]
            content = list(comp.subtree)
            root = comp
    if claim.voice == "outlet":
        q = _attributed_quote(quotes, sent.start, sent.end)
        if q is not None:
            claim.voice, claim.cue, claim.speaker, claim.speaker_text = "attributed", q.cue, q.speaker, q.speaker_text
    claim.type = _claim_type(content, reported=claim.voice == "attributed")  # type: ignore[assignment]
    claim.negated = root is not None and any(c.dep_ == "neg" for c in root.children)
    return claim


def claims_of_document(
    doc: Document, ctx: Context, index: ActorIndex, quotes: list[Quote]
) -> tuple[list[Claim], list[Question], dict[str, TextUnit], list[TextUnit]]:
    """Claims and questions of one document, with their comparison features."""
    claims: list[Claim] = []
    questions: list[Question] = []
    units: dict[str, TextUnit] = {}
    q_units: list[TextUnit] = []
    quoted = [(q.start, q.end) for q in quotes]
    photo = _photo_captions(doc)
    previous: Sentence | None = None
    for sent in doc.sentences:
        before, previous = previous, sent
        block = doc.blocks[sent.block]
        parse = ctx.parses.get(doc.id, sent.block)
        if block.kind not in _KINDS or parse is None or sent.block in photo:
            continue
        tokens = span_tokens(parse, block.start, sent.start, sent.end)
        found = find_questions(doc.text, sent.start, sent.end, quoted)
        for qs in found:
            text = doc.text[qs.start : qs.end]
            question = Question(doc=doc.id, start=qs.start, end=qs.end, text=text, kind=qs.kind)  # type: ignore[arg-type]
            questions.append(question)
            q_tokens = span_tokens(parse, block.start, qs.start, qs.end)
            if qs.cue is not None:  # what is asked, without the hedge's own words ("it was not immediately clear")
                cue_start, cue_end = qs.cue
                q_tokens = [t for t in q_tokens if not cue_start <= block.start + t.idx < cue_end] or q_tokens
            unit = text_unit(f"q:{doc.id}:{qs.start}", doc.id, qs.start, qs.end, q_tokens, block.start, index)
            elliptical = qs.cue is not None and sum(1 for t in unit.terms if not t.startswith("@")) < _ELLIPTICAL
            if qs.asked is not None and not elliptical:
                # what the hedge says is not known: "The search is seeking to determine *whether the group had accomplices*"
                asked_tokens = [t for t in q_tokens if block.start + t.idx >= qs.asked]
                asked_terms = frozenset(text_unit(unit.key, doc.id, qs.asked, qs.end, asked_tokens, block.start, index).terms)
            else:
                asked_terms = frozenset()
            if elliptical:
                context = _question_context(sent, before, qs, parse, block.start)
                asked = {t.lemma_.lower() for t in q_tokens}  # each word once: the context tells what the asked-about word stands for
                unit = text_unit(unit.key, doc.id, qs.start, qs.end, [*q_tokens, *(t for t in context if t.lemma_.lower() not in asked)], block.start, index)
            unit.asked = asked_terms
            unit.asks = asked_kind(text, max(0, qs.cue[0] - qs.start) if qs.cue is not None else 0)
            q_units.append(unit)
        presupposed = [p for qs in found if (p := _presupposed(doc, sent, qs, parse, block.start)) is not None]
        for sub in presupposed:
            _add_claim(doc, sub, span_tokens(parse, block.start, sub.start, sub.end), block.start, index, quotes, claims, units)
        if found or "?" in sent.text:
            rest = _after_hedge(doc, sent, found)
            if rest is None:
                continue
            sent, tokens = rest, span_tokens(parse, block.start, rest.start, rest.end)
        words = [t for t in tokens if not t.is_punct and not t.is_space]
        if len(words) < _MIN_WORDS or not any(t.pos_ in {"VERB", "AUX"} for t in tokens) or _imperative(words):
            continue
        if block.kind == "caption" and not any(t.dep_ in {"nsubj", "nsubjpass"} for t in tokens):
            continue  # a caption fragment ("Charged with sale to minors.") under a photo of whom, the text does not say
        _add_claim(doc, sent, tokens, block.start, index, quotes, claims, units)
    return claims, questions, units, q_units


def _question_context(sent: Sentence, before: Sentence | None, qs: QuestionSpan, parse: Doc, base: int) -> list[Token]:
    """What an elliptical statement of an unknown is about ("It was not immediately clear what *the defect* was", "it's
    unclear what she was referring to"): the sentence before it in the same block, and the rest of its own sentence.
    (A direct question is not read so: the reader's question before it is no context it leans on.)"""
    tokens = list(span_tokens(parse, base, qs.end, sent.end))
    if before is not None and before.block == sent.block:
        tokens = list(span_tokens(parse, base, before.start, before.end)) + tokens
    return tokens


def _add_claim(
    doc: Document, sent: Sentence, tokens: list[Token], base: int, index: ActorIndex, quotes: list[Quote], claims: list[Claim], units: dict[str, TextUnit]
) -> None:
    claim = _build_claim(doc, sent, tokens, base, index, quotes, len(claims) + 1)
    claims.append(claim)
    unit = text_unit(claim.id, doc.id, claim.start, claim.end, tokens, base, index)
    unit.denied = (claim.cue or "").lower() in DENIAL_VERBS
    units[claim.id] = unit


def _presupposed(doc: Document, sent: Sentence, qs: QuestionSpan, parse: Doc, base: int) -> Sentence | None:
    """What a direct question with a factive predicate takes for granted: "Did Trump know that *his lawyer made a
    $130,000 payment*?" -- the clause is the source's claim (at least ``min_words`` words; not a question to the reader).
    """
    if qs.kind != "direct":
        return None
    tokens = span_tokens(parse, base, qs.start, qs.end)
    inside = {t.i for t in tokens}
    for tok in tokens:
        top = tok.head if tok.dep_ == "acomp" else tok  # "Was the mayor *aware* that ...": the copula heads the question
        if tok.lemma_.lower() not in FACTIVE_PREDICATES or not (top.head.i == top.i or top.head.i not in inside):
            continue  # the question's main predicate only (not "did she say he knew ...")
        comp = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i and base + c.idx < qs.end), None)
        if comp is None:
            continue
        words = [t for t in comp.subtree if not t.is_punct and t.dep_ != "mark"]
        if len(words) < _MIN_WORDS:
            return None
        start, end = base + words[0].idx, base + words[-1].idx + len(words[-1].text)
        return Sentence(id=f"{sent.id}.presupposed", doc=sent.doc, block=sent.block, start=start, end=end, text=doc.text[start:end])
    return None


@register_stage("claims", requires=("sentences", "parses", "actors"), assigns=("claims", "questions", "claim_units"), uses=("quotes",))
def extract_claims(story: Story, ctx: Context) -> Story:
    """Fill ``story.claims`` and ``story.questions`` (answers come from ``compare``)."""
    index = ActorIndex(story)
    story.claims, story.questions = [], []
    all_units: dict[str, TextUnit] = {}
    q_pairs: list[tuple[Question, TextUnit]] = []
    quotes_of: dict[str, list[Quote]] = {}  # each document's quotes, in story order (one pass, not one per document)
    for q in story.quotes:
        quotes_of.setdefault(q.doc, []).append(q)
    for doc in story.documents:
        claims, questions, units, q_units = claims_of_document(doc, ctx, index, quotes_of.get(doc.id, []))
        story.claims.extend(claims)
        story.questions.extend(questions)
        all_units.update(units)
        q_pairs.extend(zip(questions, q_units, strict=True))
        log.debug("%s: %d claims, %d questions", doc.id, len(claims), len(questions))
    ctx.claim_units = ClaimUnits(claims=all_units, questions=q_pairs)
    return story
