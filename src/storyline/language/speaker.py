"""Find the speaker *span* and cue of one quotation in a dependency parse.

This module knows nothing about actors: it says which words of the text name
the speaker ("Russian Prime Minister Dmitry Medvedev", "he", "Ankara") and
which word is the cue ("said", "warned"). :mod:`storyline.attribution`
turns the span into a story actor.

Attribution patterns, tried in this order:

1. scare quotes and "so-called" wording get no speaker;
2. colon introductions: "the revelation by X: ...", "X said: ...", "X: ...";
3. the dependency path from the quoted words up to a reporting verb
   ("X said Moscow has "..."", "he said on Thursday that ... "..."");
4. a reporting clause right after the closing mark (""...," said X");
5. a reporting clause right before the opening mark (X said, "...");
6. "according to X".
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..settings import tuned_int
from ..text import doc_text
from .attribution import INSTITUTION_NOUNS, names_a_person
from .cues import (
    BESIDE_VERBS,
    DOCUMENT_NOUNS,
    PERSON_PRONOUNS,
    RELATIVE_PRONOUNS,
    REPORTING_VERBS,
    SPEECH_NOUNS,
    THING_PRONOUNS,
    WORK_NOUNS,
)

__all__ = ["SpeakerSpan", "find_speaker", "find_speaker_before", "is_cue", "is_scare_quote", "is_title_or_term", "quote_tokens", "speaker_of_cue"]

_SO_CALLED = re.compile(r"\bso[- ]called\s*$", re.IGNORECASE)
_MAX_WALK = tuned_int("quotes", "max_walk")
_BLOCKING_DEPS = {"advcl", "acl", "relcl", "nsubj", "nsubjpass", "csubj", "appos", "npadvmod", "parataxis"}
_SOURCE_PREPS = {"from", "by", "of"}
_OWN_OBJECT_DEPS = {"dobj", "ccomp", "xcomp"}  # a verb with its own object after it does not introduce the quote
_WINDOW = tuned_int("quotes", "window")
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_NP_INNER_DEPS = {"compound", "flat", "amod", "det", "nmod", "poss", "case", "nummod", "punct"}


@dataclass(frozen=True)
class SpeakerSpan:
    """Where the speaker is named, relative to the document (not the block).

    ``head`` is the head word of the speaker phrase, ``phrase`` the whole noun
    phrase, ``alternates`` other words that may name the same speaker (an
    apposition, a compound organisation). ``pronoun`` is the lower-cased
    pronoun when the speaker is one.
    """

    head: tuple[int, int]
    phrase: tuple[int, int]
    cue: str | None
    how: str
    pronoun: str | None = None
    alternates: tuple[tuple[int, int], ...] = field(default_factory=tuple)
    lemma: str | None = None  # the head word's lemma, lower-cased ("lawyer", "suit")
    proper: bool = False  # the head is a proper noun ("Northwestern", "Ms. Roe")
    entity: str | None = None  # spaCy's entity label of the head ("PERSON", "ORG"), if any


def quote_tokens(parse: Doc, start: int, end: int) -> list[Token]:
    """Tokens of ``parse`` inside [start, end) (block offsets).

    Tokens are in text order and do not overlap, so both their starts and
    their ends rise: the tokens inside are one run, found by bisection
    rather than by a scan of the whole parse.
    """
    index = range(len(parse))
    lo = bisect_left(index, start, key=lambda i: parse[i].idx)
    hi = bisect_right(index, end, key=lambda i: parse[i].idx + len(parse[i].text))
    return [parse[i] for i in range(lo, hi)]


def _words(tokens: list[Token]) -> list[Token]:
    return [t for t in tokens if not t.is_punct and not t.is_space]


def _tops(tokens: list[Token]) -> list[Token]:
    ids = {t.i for t in tokens}
    return [t for t in tokens if t.head.i not in ids or t.head.i == t.i]


def is_scare_quote(parse: Doc, tokens: list[Token], open_at: int) -> bool:
    """Short quoted wording used as a modifier ("this "partial" withdrawal") or after "so-called"."""
    words = _words(tokens)
    if not words:
        return True
    if _SO_CALLED.search(doc_text(parse)[max(0, open_at - 12) : max(0, open_at)]):
        return True
    if len(words) > 3:
        return False
    tops = [t for t in _tops(tokens) if not t.is_punct]
    if len(tops) == 1 and _named_subject(tops[0], {t.i for t in tokens}):
        return True
    return bool(tops) and all(t.dep_ in {"amod", "compound", "nmod"} and t.head.pos_ in {"NOUN", "PROPN"} for t in tops)


def _named_subject(top: Token, inside: set[int]) -> bool:
    """A quoted noun that is a clause's subject, its determiner outside the marks: a thing named, not words said.

    'the "hush agreement" is invalid', 'the "reforms" failed'; but 'called it a "disaster"' (not a subject),
    'said the bill was "a disgrace"' (the determiner is quoted) and 'said the country's "core interests" were
    at stake' (a possessor's claimed things, in the speaker's words) are quotations.
    """
    if top.pos_ not in {"NOUN", "PROPN"} or top.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    return any(c.dep_ == "det" and c.i not in inside and c.i < top.i for c in top.children)


def is_cue(tok: Token) -> bool:
    """A reporting verb ("said", "warned", "declared")."""
    return tok.pos_ in {"VERB", "AUX"} and tok.lemma_.lower() in REPORTING_VERBS


def _weak_subject(subj: Token) -> bool:
    """A common noun that can neither speak nor stand for a speaker ("players' performance")."""
    lemma = subj.lemma_.lower()
    return subj.pos_ == "NOUN" and not (names_a_person(lemma) or lemma in INSTITUTION_NOUNS or lemma in DOCUMENT_NOUNS or lemma in SPEECH_NOUNS)


def _subject_of(verb: Token, quoted: frozenset[int] = frozenset()) -> Token | None:
    """The subject of ``verb``, following xcomp/conj chains and relative clauses.

    Climbing from a participle ("..., saying") to the clause it hangs on, a
    subject that cannot speak sends the search one clause further up
    ("X told them that the performance mattered, saying ..." -> X). A
    participle modifying a noun speaks for it ("footage of Roe asking, ..."
    -> Roe). Words inside the quotation (token indices ``quoted``) are never
    its speaker.
    """
    prev = verb.doc[verb.i - 1] if verb.i > 0 else None
    if verb.tag_ == "VBG" and prev is not None and prev.pos_ == "PROPN" and prev.dep_ in {"pobj", "dobj"} and prev.i not in quoted:
        return prev  # "The ad uses footage of Hillary Clinton asking, ...", "shows Roe saying"
    cur: Token | None = verb
    for _ in range(5):
        if cur is None:
            return None
        # with two subjects (a parse of "said CNN analyst David Gergen"), the last name is the speaker
        subjects = [c for c in cur.children if c.dep_ in _SUBJECT_DEPS and c.i not in quoted]
        names = [c for c in subjects if c.pos_ == "PROPN"]
        subj = names[-1] if names else (subjects[0] if subjects else None)
        if subj is not None and cur.i != verb.i and _weak_subject(subj) and cur.dep_ in {"ccomp", "xcomp", "conj", "advcl"}:
            cur = cur.head
            continue
        if subj is not None:
            if subj.dep_ == "nsubjpass":  # "as it is called in the suit": the subject is what is named, not who speaks
                agent = next((c for c in cur.children if c.dep_ == "agent"), None)
                return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if subj.lower_ in RELATIVE_PRONOUNS and cur.dep_ == "relcl":
                return cur.head
            return subj
        if cur.dep_ in {"xcomp", "conj", "advcl"} and cur.head.i != cur.i:
            cur = cur.head
            continue
        if cur.dep_ == "acl" and cur.tag_ == "VBG" and cur.head.pos_ in {"PROPN", "NOUN"} and cur.head.i not in quoted:
            noun = cur.head.lemma_.lower()
            if (noun in SPEECH_NOUNS or noun in DOCUMENT_NOUNS) and cur.head.head.pos_ == "VERB":
                cur = cur.head.head  # "X issued a statement saying ..." -> the issuer
                continue
            return cur.head  # "a woman asking, ..."
        return None
    return None


def _span_of(tokens: list[Token], base: int) -> tuple[int, int]:
    first, last = min(tokens, key=lambda t: t.i), max(tokens, key=lambda t: t.i)
    return base + first.idx, base + last.idx + len(last.text)


def _phrase_tokens(head: Token) -> list[Token]:
    """The speaker noun phrase: the head and its left modifiers (no clauses, no appositions)."""
    keep = [head]
    for c in head.lefts:
        if c.dep_ in _NP_INNER_DEPS and c.dep_ != "punct":
            keep.extend(t for t in c.subtree if not t.is_punct or t.text in {".", "-", "'"})
    while len(keep) > 1 and min(keep, key=lambda t: t.i).is_punct:
        keep.remove(min(keep, key=lambda t: t.i))
    return keep


def _speaker(head: Token, cue: Token | None, how: str, base: int) -> SpeakerSpan:
    alternates: list[tuple[int, int]] = []
    for c in head.children:
        if c.dep_ == "appos":
            alternates.append(_span_of([c, *[t for t in c.lefts if t.dep_ in {"compound", "flat"}]], base))
    for c in head.lefts if head.pos_ != "PROPN" else ():  # "Kremlin spokesman", not "CNN analyst David Gergen"
        if c.dep_ == "compound" and c.pos_ == "PROPN":
            alternates.append(_span_of([c, *[t for t in c.lefts if t.dep_ == "compound"]], base))
    if head.lemma_.lower() in SPEECH_NOUNS or head.lemma_.lower() in DOCUMENT_NOUNS:  # "a statement from the ministry", "Roe's lawsuit"
        for poss in head.children:
            if poss.dep_ == "poss" and poss.lower_ not in {"his", "her", "its", "their", "my", "our", "your"}:
                alternates.append(_span_of([poss, *[t for t in poss.lefts if t.dep_ in {"compound", "flat"}]], base))
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in _SOURCE_PREPS:
                alternates.extend(_span_of([o], base) for o in prep.children if o.dep_ == "pobj")
    low = head.lower_
    pronoun = low if (head.pos_ == "PRON" and (low in PERSON_PRONOUNS or low in THING_PRONOUNS or low in {"they", "we", "i"})) else None
    return SpeakerSpan(
        head=(base + head.idx, base + head.idx + len(head.text)),
        phrase=_span_of(_phrase_tokens(head), base),
        cue=cue.text if cue is not None else None,
        how=how,
        pronoun=pronoun,
        alternates=tuple(alternates),
        lemma=head.lemma_.lower(),
        proper=head.pos_ == "PROPN",
        entity=head.ent_type_ or None,
    )


def speaker_of_cue(cue: Token, how: str, base: int, quoted: frozenset[int] = frozenset()) -> SpeakerSpan | None:
    """The speaker span of a reporting verb (its subject) or of "according to X" (X).

    ``how`` names the pattern for the record; ``base`` is the block's offset;
    ``quoted`` the token indices of the quotation (never its own speaker).
    """
    if cue.lemma_.lower() == "accord":
        to = next((c for c in cue.children if c.lower_ == "to"), None)
        obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        return _speaker(obj, cue, "according", base) if obj is not None else None
    subj = _subject_of(cue, quoted)
    return _speaker(subj, cue, how, base) if subj is not None else None


def _walk_to_cue(tokens: list[Token]) -> Token | None:
    """The first reporting verb on the path from the quoted words to the root.

    The path does not leave an adverbial, relative or subject clause: the
    verb governing "Known as "the Butcher"" is not the speaker's cue.
    """
    inside = {t.i for t in tokens}
    for top in _tops(tokens):
        if top.is_punct:
            continue
        cur = top
        for _ in range(_MAX_WALK):
            if cur.head.i == cur.i or (cur.i not in inside and cur.dep_ in _BLOCKING_DEPS):
                break
            cur = cur.head
            if cur.i in inside:
                continue
            if is_cue(cur):
                return cur
    return None


def _sentence_before(parse: Doc, end: int) -> Span | None:
    """Tokens of the sentence that holds block offset ``end``, up to it."""
    toks = [t for t in parse if t.idx + len(t.text) <= end]
    if not toks:
        return None
    last = toks[-1]
    return parse[last.sent.start : last.i + 1]


def _by_agent(tok: Token) -> Token | None:
    """The "by X" agent whose phrase ends at ``tok``: "echoed by A, spokeswoman for B:" -> A."""
    cur = tok
    for _ in range(6):
        if cur.dep_ == "pobj" and cur.head.lower_ == "by":
            return cur
        if cur.dep_ not in {"pobj", "prep", "appos", "compound", "flat"} or cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _from_colon(parse: Doc, colon: Token, base: int) -> SpeakerSpan | None:
    before = [t for t in colon.sent if t.i < colon.i]
    if not before:
        return None
    last = before[-1]
    np_head = last
    while np_head.dep_ in {"compound", "flat"} and np_head.head.i > np_head.i:
        np_head = np_head.head
    agent = _by_agent(np_head)
    if agent is not None:
        return _speaker(agent, None, "colon", base)
    for t in reversed(before[-4:]):
        if t.pos_ == "NOUN" and t.lemma_.lower() in SPEECH_NOUNS:
            poss = next((c for c in t.children if c.dep_ == "poss"), None)
            by = next((c for c in t.children if c.lower_ == "by"), None)
            agent = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
            if poss is not None or agent is not None:
                return _speaker(poss or agent, None, "colon", base)  # type: ignore[arg-type]
    for t in reversed(before):
        if is_cue(t) or _beside_cue(t):
            found = speaker_of_cue(t, "colon", base)
            if found is not None:
                return found
    # "Smith was blunt: ..." — a named subject of the clause before the colon
    root = colon.sent.root
    subj = next((c for c in root.children if c.dep_ == "nsubj" and c.i < colon.i), None)
    if root.i < colon.i and subj is not None and (subj.pos_ == "PROPN" or subj.lower_ in PERSON_PRONOUNS):
        return _speaker(subj, None, "colon", base)
    # headline style "Putin: ..." — the whole clause before the colon is one name
    if all(t.pos_ in {"PROPN", "DET"} or t.dep_ in {"compound", "flat", "punct"} for t in before) and last.pos_ == "PROPN":
        return _speaker(np_head, None, "colon", base)
    return None


def _beside_cue(tok: Token) -> bool:
    """A cue only right beside a quotation: "..., reads the letter", "X continued: ..."."""
    return tok.pos_ == "VERB" and tok.lemma_.lower() in BESIDE_VERBS


def _from_after(parse: Doc, close_at: int, base: int, quoted: frozenset[int] = frozenset()) -> SpeakerSpan | None:
    after = [t for t in parse if t.idx > close_at][:_WINDOW]
    window: list[Token] = []
    for t in after:
        if t.text in {'"', "'"} or (window and t.is_sent_start and t.text not in {",", "—"}):
            break
        window.append(t)
        if t.text in {".", "!", "?", ";"}:
            break
    ids = {t.i for t in window}
    for k, t in enumerate(window):
        if (is_cue(t) or (k <= 2 and _beside_cue(t))) and not any(c.dep_ in _OWN_OBJECT_DEPS and c.i > t.i for c in t.children):
            subj = _subject_of(t, quoted)
            if subj is not None and subj.i in ids:
                return _speaker(subj, t, "after", base)
            # ""...," Tulsa police Chief Chuck Jordan said Monday": the noun phrase right before the cue
            if k > 0 and window[k - 1].pos_ in {"PROPN", "NOUN", "PRON"} and not _is_time(window[k - 1]):
                return _speaker(window[k - 1], t, "after", base)
            # "said one visibly shaken firefighter": the first noun after the cue
            for nxt in window[k + 1 : k + 6]:
                if nxt.pos_ in {"DET", "NUM", "ADJ", "ADV"} or nxt.dep_ in {"det", "amod", "advmod", "nummod"}:
                    continue
                if nxt.pos_ in {"PROPN", "PRON", "NOUN"} and not _is_time(nxt):
                    head = nxt
                    while head.dep_ in {"compound", "flat"} and head.head.i > head.i and head.head.i in ids:
                        head = head.head
                    return _speaker(head, t, "after", base)
                break
    # ""...," Jane Roe, the director of a long-named center, told reporters": a subject whose cue lies past the window
    return _named_then_cue(parse, close_at, base, quoted)


def _named_then_cue(parse: Doc, close_at: int, base: int, quoted: frozenset[int]) -> SpeakerSpan | None:
    """A name right after the closing mark, an apposition, then the cue: ""...," Roe, the director of X, told Y."""
    after = [t for t in parse if t.idx > close_at and t.i not in quoted][: 3 * _WINDOW]
    words = [t for t in after if not (t.is_punct and t.text in {'"', "'", "\u201d", "\u2019", ","} and t.i == after[0].i)]
    run: list[Token] = []
    for t in words:
        if t.pos_ == "PROPN" or (run and t.text == "." and len(run[-1].text) <= 2):
            run.append(t)
            continue
        break
    if not run:
        return None
    head = max((t for t in run if t.pos_ == "PROPN"), key=lambda t: t.i)
    rest = words[len(run) :]
    if not rest or rest[0].text != ",":
        return None
    for k, t in enumerate(rest):
        if t.text in {".", "!", "?", ";", '"', "\u201c", "\u201d"}:
            return None
        if k > 0 and rest[k - 1].text == "," and is_cue(t):
            return _speaker(head, t, "after", base)
    return None


def _is_time(tok: Token) -> bool:
    """A date or time word ("said Monday"), never a speaker."""
    return tok.ent_type_ in {"DATE", "TIME"}


_DASH_NAME = re.compile(r"[ \t]*[\u2015\u2014\u2013-]{1,2}[ \t]*(?=[A-Z])")


def _from_dash(parse: Doc, text: str, close_at: int, base: int) -> SpeakerSpan | None:
    """A dash attribution after the closing mark: "...." \u2015 Jane Roe"."""
    m = _DASH_NAME.match(text, close_at + 1)
    if m is None:
        return None
    names = [t for t in parse if t.idx >= m.end() and t.idx < m.end() + 80]
    run: list[Token] = []
    for t in names:
        if t.pos_ == "PROPN" or (t.is_title and t.is_alpha) or (run and t.text == "." and len(run[-1].text) <= 2):
            run.append(t)
            continue
        break
    props = [t for t in run if t.pos_ == "PROPN" or t.is_title]
    if not props or len(props) > 5:
        return None
    head = props[-1]
    return SpeakerSpan(
        head=(base + head.idx, base + head.idx + len(head.text)),
        phrase=(base + props[0].idx, base + head.idx + len(head.text)),
        cue=None,
        how="dash",
        lemma=head.lemma_.lower(),
        proper=True,
        entity=head.ent_type_ or None,
    )


_TITLE_SMALL = {"of", "the", "and", "a", "an", "in", "on", "for", "to", "with", "at", "by", "from", "or"}
_NAMING_VERBS = {"called", "dubbed", "titled", "entitled", "named", "nicknamed", "branded"}


def is_title_or_term(parse: Doc, tokens: list[Token], open_at: int) -> bool:
    """A short title of a work or a term being named, not anybody's words.

    Title case with no sentence of its own ("NBC's "Today"", ""Fox News
    Sunday,""), or a short quote right after a naming word or a work noun
    ("the term "student athlete"", "the show "Today"").
    """
    words = _words(tokens)
    if not words or len(words) > 7:
        return False
    before = [t for t in parse if t.idx < open_at][-1:]
    bare = tokens[-1].text not in {".", "!", "?", ","}
    if before and before[0].lemma_.lower() in WORK_NOUNS and len(words) <= 5:
        return True  # "the show "Today"", "the term "student athlete""
    if before and before[0].lower_ in _NAMING_VERBS and len(words) <= 3 and bare:
        return True  # "a group called "Friends of the Park""
    content = [t for t in words if t.lower_ not in _TITLE_SMALL]
    if tokens[-1].text in {"!", "?"} or not content or not words[0].text[:1].isupper():
        return False
    capitalized = all(t.text[:1].isupper() or t.like_num for t in content) and not all(t.is_upper for t in content)
    if 3 <= len(words) <= 7 and capitalized and len(content) >= 2:
        return True  # headline case: ""All Bets Are Off,"", "Legend in the Coal Fields."
    if len(words) > 4 or (tokens[-1].text == "." and len(words) > 2):
        return False
    if any(t.pos_ in {"VERB", "AUX", "PRON"} for t in words):
        return False
    return all(t.text[:1].isupper() or t.like_num for t in content)


def _from_before(parse: Doc, open_at: int, base: int, quoted: frozenset[int] = frozenset()) -> SpeakerSpan | None:
    sent = _sentence_before(parse, open_at)
    if sent is None or not len(sent) or sent[-1].text not in {",", ":"}:
        return None
    window = list(sent)[-_WINDOW:]
    for t in reversed(window):
        if is_cue(t):
            found = speaker_of_cue(t, "before", base, quoted)
            if found is not None:
                return found
    return None


def _according(tokens: list[Token], base: int) -> SpeakerSpan | None:
    if not tokens:
        return None
    for t in tokens[0].sent:
        if t.lower_ == "according" and t.i not in {x.i for x in tokens}:
            found = speaker_of_cue(t, "according", base)
            if found is not None:
                return found
    return None


def _characterized_as(parse: Doc, open_at: int, base: int, quoted: frozenset[int]) -> SpeakerSpan | None:
    """A characterization: "Reid has gone after Trump as a "human leech"" -> Reid (an active verb's named subject)."""
    before = [t for t in parse if t.idx < open_at][-2:]
    as_ = next((t for t in reversed(before) if t.lower_ == "as"), None)
    if as_ is None or (before[-1].i != as_.i and before[-1].dep_ != "det"):
        return None
    verb = as_.head
    if verb.pos_ != "VERB" or verb.i in quoted:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)  # a passive ("was painted as") has no speaker here
    if subj is None or subj.i in quoted or not (subj.pos_ == "PROPN" or subj.lower_ in PERSON_PRONOUNS):
        return None
    return _speaker(subj, None, "as", base)


def _sentence_cue(tokens: list[Token], base: int, quoted: frozenset[int]) -> SpeakerSpan | None:
    """The reporting verb heading the quotation's sentence, or inserted in it ("Cruz called Trump a ... and a "..."",
    "During his years in office, Mr. Obama said, Americans have come to believe "...""), when the parse path does not reach it."""
    if not tokens:
        return None
    root = tokens[0].sent.root
    for top in _tops(tokens):
        cur = top
        for _ in range(_MAX_WALK):
            if cur.head.i == cur.i:
                break
            if cur.i not in quoted and (cur.dep_ in _SUBJECT_DEPS | {"csubj"} or (cur.tag_ == "VBN" and cur.dep_ in {"advcl", "acl"})):
                return None  # "Known as "the Butcher," the general denied ...": a name, not his words; or part of the subject
            cur = cur.head
    for cue in [root, *(c for c in root.children if c.dep_ == "parataxis")]:
        if cue.i not in quoted and is_cue(cue):
            found = speaker_of_cue(cue, "sentence", base, quoted)
            if found is not None:
                return found
    return None


def _from_previous(parse: Doc, tokens: list[Token], base: int) -> SpeakerSpan | None:
    """A quotation opening its sentence right after a reported statement of the same paragraph.

    ""The administration may be reluctant to act, Roe said. "The other factor ..."" -> Roe: the sentence
    before holds no quotation and is headed by a reporting verb with a subject.
    """
    if not tokens:
        return None
    sent = tokens[0].sent
    if any(not t.is_punct for t in parse[sent.start : tokens[0].i]) or sent.start == 0:
        return None
    prev = parse[sent.start - 1].sent
    if any(t.text in {'"', "“", "”", "'", "‘", "’"} and t.is_punct for t in prev):
        return None
    root = prev.root
    if not is_cue(root):
        return None
    return speaker_of_cue(root, "previous", base)


def find_speaker(parse: Doc, base: int, start: int, end: int, open_at: int, close_at: int) -> SpeakerSpan | None:
    """The speaker span of the quotation whose words are ``[start, end)``.

    Offsets are document offsets; ``base`` is the offset of the parsed block.
    ``open_at``/``close_at`` are the quotation marks (``close_at`` may fall
    outside the block for a quote that runs into the next paragraph).
    Returns None for scare quotes and for quotations nobody is said to speak.
    """
    s, e, o, c = start - base, end - base, open_at - base, close_at - base
    tokens = quote_tokens(parse, s, e)
    if is_scare_quote(parse, tokens, o):
        return None
    text = doc_text(parse)
    if is_title_or_term(parse, tokens, o):
        # a short title-case quotation is somebody's words only with a cue right after it (""Yes," said Roe")
        nxt = [t for t in parse if t.idx > c][:3]
        return _from_after(parse, c, base) if 0 <= c < len(text) and any(is_cue(t) for t in nxt) else None
    if 0 <= c < len(text):
        found = _from_dash(parse, text, c, base)
        if found is not None:
            return found
    before = _sentence_before(parse, o)
    if before is not None and len(before) and before[-1].text == ":":
        found = _from_colon(parse, before[-1], base)
        if found is not None:
            return found
    quoted = frozenset(t.i for t in tokens)
    cue = _walk_to_cue(tokens)
    if cue is not None:
        found = speaker_of_cue(cue, "clause", base, quoted)
        if found is not None:
            return found
    if 0 <= c < len(text):
        found = _from_after(parse, c, base, quoted)
        if found is not None:
            return found
    return (
        _from_before(parse, o, base, quoted)
        or _according(tokens, base)
        or _characterized_as(parse, o, base, quoted)
        or _sentence_cue(tokens, base, quoted)
        or _from_previous(parse, tokens, base)
    )


def find_speaker_before(parse: Doc, base: int) -> SpeakerSpan | None:
    """The speaker announced by a paragraph that ends in a colon ("He said:", "Roe continued:")."""
    toks = [t for t in parse if not t.is_space]
    if not toks or toks[-1].text != ":":
        return None
    return _from_colon(parse, toks[-1], base)
