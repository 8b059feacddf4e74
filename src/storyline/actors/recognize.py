"""Find candidate actor mentions in one parsed block, on top of spaCy's entities.

spaCy's small model is a starting point only. This module repairs its
entity spans (possessives, leading list markers and question words, photo
credits with slashes, "-led" suffixes, a possessive inside one entity),
classifies them with the gazetteer and general word lists (group names that
look like person names, companies, state bodies), and adds mentions spaCy
does not see as entities: titles ("the Russian president"), demonym phrases
("the Syrian regime", "Russian forces"), seats of power ("the Kremlin"),
acronyms ("ISSG"), generic group phrases ("the opposition") and pronoun
subjects ("he said").

Every candidate carries character offsets into the document text; the
resolver (:mod:`storyline.actors.resolve`) turns candidates into actors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..language.words import PLATFORM_NAMES
from ..text import doc_text
from .gazetteer import Gazetteer, name_key
from .lexicon import (
    ARMED_WORDS,
    BODY_HEADS,
    COMPANY_CUES,
    COMPANY_SUFFIXES,
    CREDIT_WORDS,
    GOV_HEADS,
    GROUP_WORDS,
    HONORIFICS,
    KIN_WORDS,
    MODAL_STARTS,
    NEWS_AGENCIES,
    NON_ACTOR_HEADS,
    OPPOSITION_HEADS,
    ORG_WORDS,
    PLACE_PREPS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
)

__all__ = ["JUNK_NAME", "OFFICES", "BlockInfo", "Cand", "find_candidates", "is_contributor_line"]

#: Role heads that name one office holder, so that "the president" can be resolved.
OFFICES = frozenset(
    """president premier chancellor minister secretary secretary-general spokesman spokeswoman spokesperson king queen emir
    pope governor mayor ceo chairman chairwoman coach manager judge prosecutor envoy ambassador leader chief president-elect""".split()
)

_SUBJ = {"nsubj", "nsubjpass", "csubj", "agent"}
_POSS = {"'s", "'", "s"}
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}$")
JUNK_NAME = re.compile(
    r"(?i)https?:|www\.|@|©|\bcookies?\b|\bclick\b|\bsubscribe|\bnewsletter|\bsign (?:up|in)\b|\bemail sign\b|\blog ?in\b|\bjavascript\b"
    r"|\bbrowser\b|\breplay\b|\bmore videos\b|\badvertisement\b|\bshare this\b|\bread more\b|\bsponsored\b"
)


@dataclass
class Cand:
    """A candidate mention of an actor, before resolution."""

    doc: str
    block: int
    sent: int  # sentence start offset (document characters): same value = same sentence
    start: int
    end: int
    text: str
    kind: str  # person|country|org|group|place|title|pronoun|gov|opposition|body|acronym
    name: str  # the name as this mention gives it (no article, no possessive)
    country: str | None = None
    role: str | None = None
    org_kind: str | None = None  # organization|group for orgs
    subject: bool = False
    possessor: tuple[int, int] | None = None  # span of "his"/"Assad's" owning this mention
    possessor_text: str | None = None
    kin: bool = False  # introduced as a relative ("his father, X")
    former: bool = False  # "former president"
    place_use: bool = False  # a capital used as a place, not an agent
    headline: bool = False  # in a title/dek block
    defines: str | None = None  # acronym defined in parentheses right after this mention
    verb: str | None = None  # lemma of the verb this mention is subject of
    key: str | None = None  # filled by the resolver
    known: str | None = None  # canonical name of a known organization (data file)
    no_alias: bool = False  # a demonym ("Russian"): a mention, but not a name of the actor
    spacy_person: bool = False  # spaCy called it PERSON though the gazetteer knows the words
    object_pronoun: bool = False  # "him"/"her"


@dataclass
class BlockInfo:
    """One parsed block: where it is and what kind it is."""

    doc_id: str
    block: int
    base: int  # document offset of the block's first character
    kind: str
    text: str  # the document text (for slicing mention text)


# -- helpers -------------------------------------------------------------


def _trim(span: Span) -> tuple[int, int] | None:
    """Token range of an entity without articles, possessives, list markers and question words."""
    doc = span.doc
    s, e = span.start, span.end
    while s < e and (doc[s].lower_ in {"the", "a", "an"} or doc[s].is_punct or doc[s].like_num or doc[s].tag_ == "LS"):
        s += 1
    # "3) Will Assad": a modal opening a question is not part of a name
    if s < e - 1 and doc[s].lower_ in MODAL_STARTS and (doc[s].tag_ == "MD" or doc[s].dep_ == "aux" or _opens_question(doc[s])):
        s += 1
    # a quotation mark inside a name ends it: 'Juan Ortiz "Axanar'
    for i in range(s + 1, e):
        if doc[i].is_quote:
            e = i
            break
    while e > s and (
        doc[e - 1].lower_ in _POSS
        or doc[e - 1].is_punct
        or doc[e - 1].lower_ in {"-led", "led", "-backed", "backed"}
        or (doc[e - 1].is_stop and doc[e - 1].is_lower)  # "... in Innsbruck where"
        or (doc[e - 1].like_num and len(doc[e - 1].text) >= 3 and e - 1 > s)  # catalogue numbers
    ):
        if doc[e - 1].lower_ in {"led", "backed"} and e - 2 >= s and doc[e - 2].text == "-":
            e -= 1
        e -= 1
    return (s, e) if e > s else None


def _opens_question(tok: Token) -> bool:
    """True when ``tok`` opens a question (after an optional list marker)."""
    sent = tok.sent
    if not sent.text.rstrip().endswith("?"):
        return False
    if tok.i == sent.start:
        return True
    prev = tok.doc[tok.i - 1]
    return prev.is_punct or prev.tag_ == "LS" or prev.like_num


def _chars(doc: Doc, s: int, e: int) -> tuple[int, int]:
    start = doc[s].idx
    end = doc[e - 1].idx + len(doc[e - 1].text)
    text = doc[s:e].text  # not doc.text, which rebuilds the whole block's text on every call
    # "U.N.-led" as one token
    m = re.search(r"-(?:led|backed|based|run|allied|affiliated)$", text)
    if m:
        end = start + m.start()
    m = re.search(r"['\u2019]s?$", text[: end - start])
    if m and end - start > 2:
        end = start + m.start()
    return start, end


def _is_credit(doc: Doc, s: int, e: int) -> bool:
    """A photo credit: "Name/Agency", "Pool Photo via AP", "Photo: Name"."""
    lo, hi = max(0, s - 2), min(len(doc), e + 2)
    for i in range(lo, hi):
        t = doc[i]
        if "/" in t.text:
            return True
        if not (s <= i < e) and t.lower_ in CREDIT_WORDS and (t.is_title or t.is_upper):
            return True
    return name_key(doc[s:e].text) in CREDIT_WORDS


def _span_head(doc: Doc, s: int, e: int) -> Token:
    for i in range(s, e):
        h = doc[i].head
        if h.i < s or h.i >= e or h.i == i:
            return doc[i]
    return doc[e - 1]


def _subject_of(tok: Token) -> Token | None:
    """The verb whose subject ``tok`` is (through conjunctions), or None."""
    t = tok
    for _ in range(4):
        if t.dep_ in _SUBJ:
            return t.head
        if t.dep_ == "conj" and t.head.i != t.i:
            t = t.head
            continue
        if t.dep_ == "appos":
            t = t.head
            continue
        return None
    return None


def _acts(tok: Token) -> bool:
    """The name is a clause's subject or a passive's agent ("Twitter suspended ...", "... removed by Facebook"), not a venue ("on Facebook")."""
    if _subject_of(tok) is not None:
        return True
    return tok.dep_ == "pobj" and tok.head.dep_ == "agent"


def _is_place_use(tok: Token) -> bool:
    """A capital in a locative phrase ("in Moscow"), or a state name after a city ("Seattle, Washington")."""
    t = tok
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.dep_ == "pobj" and t.head.lower_ in PLACE_PREPS:
        return True
    if t.dep_ == "pobj" and t.head.lower_ == "of" and (t.head.head.lower_ in ROLE_HEADS or t.head.head.ent_type_ == "PERSON"):
        return True  # "Gov. Jay Inslee of Washington": the state, not the government
    if t.dep_ == "compound" and t.head.pos_ == "NOUN" and t.head.lower_ in {"state", "summit", "talks", "meeting", "conference", "office", "bureau", "airport", "region", "area"}:
        return True
    i = tok.i
    doc = tok.doc
    if i >= 2 and doc[i - 1].text == "," and doc[i - 2].ent_type_ in {"GPE", "LOC"}:
        return True
    return bool(i + 1 < len(doc) and doc[i + 1].lower_ in {"state", "county"})


def _name_words(text: str) -> list[str]:
    return [w for w in text.split() if w]


def _org_kind(text: str) -> tuple[str, str | None] | None:
    """("group"|"organization", role) from the words of a name, or None when nothing tells."""
    words = [w.lower().strip(".,") for w in re.split(r"[\s\-]+", text) if w]
    if words and words[0] == "the":
        words = words[1:]
    if not words:
        return None
    if words[-1] in COMPANY_SUFFIXES or "&" in text:
        return "organization", "company"
    if words[0] in {"international", "global", "world", "united", "un", "u.n"} or text.startswith(("U.N.", "UN ")):
        return "organization", "international organization"
    if any(w in GROUP_WORDS for w in words):
        role = "armed group" if any(w in ARMED_WORDS for w in words) else "political group"
        if words[-1] in {"party", "partido", "parti", "partei"}:
            role = "political party"
        return "group", role
    return None


# -- the recognizer --------------------------------------------------------


class _Block:
    """Candidate extraction for one block (keeps track of consumed tokens)."""

    def __init__(self, parsed: Doc, info: BlockInfo, gz: Gazetteer) -> None:
        self.d = parsed
        self.info = info
        self.gz = gz
        self.out: list[Cand] = []
        self.used = [False] * len(parsed)
        self.text = doc_text(parsed)  # built once: Doc.text joins every token on each access
        self.toks = list(parsed)  # built once: indexing a Doc makes a new Token each time

    # -- building candidates
    def add(self, s: int, e: int, kind: str, name: str | None = None, start_char: int | None = None, end_char: int | None = None, **kw: object) -> Cand | None:
        d = self.d
        cs, ce = _chars(d, s, e)
        if kind in {"org", "person", "place", "maybe"} and name_key(name or self.text[cs:ce]) in NEWS_AGENCIES:
            for i in range(s, e):
                self.used[i] = True
            return None
        if start_char is not None:
            cs = start_char
        if end_char is not None:
            ce = end_char
        base = self.info.base
        head = _span_head(d, s, e)
        verb = _subject_of(head)
        c = Cand(
            doc=self.info.doc_id,
            block=self.info.block,
            sent=base + head.sent.start_char,
            start=base + cs,
            end=base + ce,
            text=self.info.text[base + cs : base + ce],
            kind=kind,
            name=name if name is not None else _clean_name(self.info.text[base + cs : base + ce]),
            subject=verb is not None,
            verb=verb.lemma_.lower() if verb is not None else None,
            headline=self.info.kind in {"title", "dek"},
        )
        for k, v in kw.items():
            setattr(c, k, v)
        for i in range(s, e):
            self.used[i] = True
        self.out.append(c)
        return c

    def run(self) -> list[Cand]:
        self.titles_before_people()
        self.platforms()
        self.entities()
        self.gazetteer_tokens()
        self.noun_phrases()
        self.pronouns()
        self.acronyms()
        self.proper_runs()
        return self.out

    def platforms(self) -> None:
        """A social platform that acts is an organization, tagged or not ("Instagram later removed the post"); as a venue it is none."""
        for t in self.toks:
            if t.pos_ == "PROPN" and t.lower_ in PLATFORM_NAMES and not self.used[t.i] and _acts(t):
                self.add(t.i, t.i + 1, "org", t.text, org_kind="organization", role="company")

    # -- capitalized names spaCy did not tag ("The Shining Path Front", a second "Popovich")
    def proper_runs(self) -> None:
        d = self.d
        toks = self.toks
        i = 0
        n = len(d)
        while i < n:
            if self.used[i] or toks[i].ent_type_ or not (toks[i].tag_ in {"NNP", "NNPS"} or (toks[i].is_title and i + 1 < n and toks[i + 1].tag_ in {"NNP", "NNPS"})):
                i += 1
                continue
            j = i
            while j < n and not self.used[j] and not toks[j].ent_type_ and (toks[j].tag_ in {"NNP", "NNPS"} or (toks[j].is_title and j + 1 < n and toks[j + 1].tag_ in {"NNP", "NNPS"})):
                j += 1
            words = [t.lower_ for t in d[i:j]]
            text = d[i:j].text
            if not any(ch.isupper() for ch in text) or toks[i].lower_ in MODAL_STARTS or toks[i].lower_ in ROLE_HEADS:
                i = j
                continue
            ok = _org_kind(text)
            if j - i >= 2 and (ok or words[-1] in ORG_WORDS or toks[j - 1].tag_ == "NNPS"):
                kind, role = ok or ("organization", None)
                self.add(i, j, "org", _clean_name(text), org_kind=kind, role=role, defines=self._defined_acronym(j))
            elif j - i <= 2 and toks[i].is_title:
                self.add(i, j, "maybe", _clean_name(text))
            i = j
        # a lone capitalized word (even one spaCy calls a common noun) may be a known surname
        for t in toks:
            if not self.used[t.i] and not t.ent_type_ and t.is_title and t.is_alpha and len(t) > 2 and t.pos_ in {"NOUN", "PROPN"}:
                self.add(t.i, t.i + 1, "maybe", t.text)

    # -- people with titles ("Russian Prime Minister Dmitry Medvedev")
    def titles_before_people(self) -> None:
        d = self.d
        self.person_titles: dict[int, tuple[str | None, str | None, bool, int]] = {}
        self.ents = _entities(d)
        for ent in self.ents:
            if ent.label_ != "PERSON":
                continue
            rng = _trim(ent)
            if rng is None:
                continue
            s, e = rng
            inner: list[Token] = []
            # titles spaCy put inside the entity ("President Vladimir Putin")
            while s < e - 1 and self._title_word(d[s]):
                inner.append(d[s])
                s += 1
            i = ent.start - 1
            words: list[Token] = []
            while i >= 0:
                t = d[i]
                if self._title_word(t) or (t.lower_ in {"of", "'s"} and words):
                    words.insert(0, t)
                else:
                    break
                i -= 1
            while words and words[0].lower_ in {"of", "'s"}:
                words.pop(0)
            words += inner
            if not any(w.lower_ in ROLE_HEADS for w in words):
                words = [w for w in words if w.lower_ in HONORIFICS or w in inner]
            country, role, former = self._read_title(words)
            if country is None:
                country = self._country_before(ent.start)
            self.person_titles[ent.start] = (country, role, former, s)
            for w in words:
                low = w.lower_
                if w.ent_type_ in {"ORG", "GPE"} and low not in ROLE_MODIFIERS and low not in ROLE_HEADS and name_key(w.text) not in self.gz.demonyms:
                    continue  # "Apple" in "Apple's chief executive Tim Cook" is a mention of its own
                self.used[w.i] = True

    def _title_word(self, t: Token) -> bool:
        low = t.lower_
        if low in ROLE_HEADS or low in HONORIFICS or (low in ROLE_MODIFIERS and low not in {"the", "of", "and", "for"}):
            return True
        k = name_key(t.text)
        if k in self.gz.demonyms or k in self.gz.seats:
            return True
        if t.ent_type_ in {"ORG", "GPE", "NORP"} and (t.is_title or t.is_upper):
            return True
        return bool(re.fullmatch(r"(?:[A-Z]\.){2,}", t.text))

    def _country_before(self, i: int) -> str | None:
        """ "Syria's Assad", "Russian Vladimir Putin": a country named right before a person."""
        d = self.d
        j = i - 1
        if j >= 1 and d[j].lower_ in {"'s", "'"}:
            j -= 1
        if j < 0:
            return None
        hit = self.gz.lookup(d[j].text)
        if hit and hit[0] in {"country", "demonym"} and (d[j].is_title or d[j].is_upper):
            return hit[1]
        return None

    def _read_title(self, words: list[Token]) -> tuple[str | None, str | None, bool]:
        country: str | None = None
        role_words: list[str] = []
        former = False
        for w in words:
            low = w.lower_
            hit = self.gz.lookup(w.text)
            if low in HONORIFICS:
                continue
            if low in {"former", "ex"}:
                former = True
                continue
            if hit and hit[0] in {"demonym", "country", "seat", "capital"} and low not in ROLE_HEADS:
                country = country or hit[1]
                if hit[0] == "seat":
                    role_words.append(w.text)
                continue
            role_words.append(w.text if (w.is_upper or "." in w.text or hit) else low)
        return country, _tidy_role(role_words), former

    # -- spaCy entities, repaired
    def entities(self) -> None:
        d = self.d
        for ent in self.ents:
            if ent.label_ not in {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}:
                continue
            rng = _trim(ent)
            if rng is None:
                continue
            s, e = rng
            if ent.label_ == "PERSON" and ent.start in self.person_titles:
                s = max(s, self.person_titles[ent.start][3])
            if _is_credit(d, s, e):
                for i in range(s, e):
                    self.used[i] = True
                continue
            # two people in one entity: "Tina Fey and Eva Longoria"
            pair = _split_pair(d, s, e)
            if pair is not None:
                for ps, pe in pair:
                    self.add(ps, pe, "person", _person_name(d[ps:pe].text), kin=self._kin_context(ps))
                continue
            # a possessive inside one entity: "Putin's Kremlin"
            parts = _split_possessive(d, s, e, self.gz)
            for ps, pe in parts:
                self._classify_entity(ent, ps, pe)

    def _classify_entity(self, ent: Span, s: int, e: int) -> None:
        d = self.d
        if all(self.used[i] for i in range(s, e)) and ent.label_ != "PERSON":
            return
        cs, ce = _chars(d, s, e)
        text = self.text[cs:ce]
        name = _clean_name(text)
        if not name or JUNK_NAME.search(name) or not any(ch.isupper() for ch in name):
            return
        words = [w.lower() for w in re.split(r"[\s\-]+", name) if w]
        if words and words[-1] in NON_ACTOR_HEADS:
            for i in range(s, e):
                self.used[i] = True
            return
        hit = self.gz.lookup(name)
        label = ent.label_
        if hit is None and label == "GPE" and self.gz.country_of_code(name):
            hit = ("country", self.gz.country_of_code(name) or "")
        if name_key(name) in NEWS_AGENCIES or (name_key(name) in PLATFORM_NAMES and not _acts(d[e - 1])):
            for i in range(s, e):
                self.used[i] = True
            return
        if name_key(name) in PLATFORM_NAMES:
            if not all(self.used[i] for i in range(s, e)):
                self.add(s, e, "org", name, org_kind="organization", role="company")  # "Twitter suspended the account"
            return
        if hit:
            self._add_gazetteer_hit(s, e, hit, name)
            if label == "PERSON" and self.out and self.out[-1].start == self.info.base + cs:
                self.out[-1].spacy_person = True  # a person after all if the story names one so
            return
        if label == "NORP":
            if name.endswith("s") and name_key(name)[:-1] not in self.gz.demonyms:
                self.add(s, e, "group", name, org_kind="group", role="political group")
            return
        if label == "PERSON":
            ok = _org_kind(name) or (("organization", None) if len(words) > 1 and words[-1] in ORG_WORDS else None)
            if ok or self._company_context(s, e):
                kind, role = ok or ("organization", "company")
                self.add(s, e, "org", name, org_kind=kind, role=role)
                return
            title = self.person_titles.get(ent.start)
            country, role, former = (title[0], title[1], title[2]) if title else (None, None, False)
            self.add(s, e, "person", _person_name(name), country=country, role=role, former=former, kin=self._kin_context(s))
            return
        if label == "ORG" and e - s == 1 and d[s].dep_ == "pobj" and d[s].head.lower_ in {"in", "near", "outside"} and not _org_kind(name):
            self.add(s, e, "place", name)  # "a naval base in Tartus"
            return
        if label == "ORG" and e - s > 1:
            lead = self.gz.lookup(d[s].text) or (("country", self.gz.country_of_code(d[s].text)) if self.gz.country_of_code(d[s].text) else None)
            if lead and lead[0] in {"country", "demonym"} and not _org_kind(name):
                iso = lead[1]
                self.add(s, s + 1, "country", self.gz.canonical.get(iso) if iso else None, country=iso, role="demonym", no_alias=True)
                if words[-1] in BODY_HEADS:
                    self.used[s] = False
                    self._add_body(s, e, name)
                else:
                    self.add(s, e, "org", name, country=iso, org_kind="organization")
                return
        if label == "ORG":
            ok = _org_kind(name)
            kind, role = ok or ("organization", None)
            head = words[-1] if words else ""
            if head in BODY_HEADS and not ok:
                self._add_body(s, e, name)
                return
            self.add(s, e, "org", name, org_kind=kind, role=role, defines=self._defined_acronym(e))
            return
        # GPE / LOC / FAC not in the gazetteer: a place (not an adjective such as "Middle Eastern")
        if d[e - 1].tag_ in {"JJ", "JJR", "JJS"}:
            return
        if d[e - 1].tag_ == "NNPS" and label == "GPE":
            self.add(s, e, "org", name, org_kind="organization")  # "the Pittsburgh Pirates"
            return
        self.add(s, e, "place", name)

    def _add_gazetteer_hit(self, s: int, e: int, hit: tuple[str, str], name: str) -> None:
        d = self.d
        kind, key = hit
        head = _span_head(d, s, e)
        if kind == "country":
            self.add(s, e, "country", self.gz.canonical.get(key, name), country=key)
        elif kind == "seat":
            self.add(s, e, "country", self.gz.canonical.get(key, name), country=key, role="seat")
        elif kind == "capital":
            place = _is_place_use(head)
            self.add(s, e, "country" if not place else "place", self.gz.canonical.get(key, name) if not place else name, country=key, place_use=place, role="capital")
        elif kind == "org":
            org = self.gz.orgs[key]
            self.add(s, e, "org", org.name, org_kind=org.kind, role=org.role, country=org.country, known=org.name)
        elif kind == "demonym":
            # handled with its noun phrase
            return

    def _add_body(self, s: int, e: int, name: str) -> None:
        """A state body ("Defense Ministry"), with the country it belongs to when the text says."""
        d = self.d
        country = None
        possessor = None
        ptext = None
        i = s - 1
        while i >= 0 and d[i].lower_ == "the":
            i -= 1
        if i >= 0:
            t = d[i]
            hit = self.gz.lookup(t.text)
            if hit and hit[0] in {"demonym", "country", "capital"}:
                country = hit[1]
                s = i
            elif t.tag_ == "PRP$" or t.lower_ == "'s":
                if t.lower_ == "'s" and i > 0:
                    j = i - 1
                    h = self.gz.lookup(d[j].text)
                    if h and h[0] in {"country", "capital", "seat"}:
                        country = h[1]
                    else:
                        possessor = (self.info.base + d[j].idx, self.info.base + d[j].idx + len(d[j].text))
                        ptext = d[j].text
                else:
                    possessor = (self.info.base + t.idx, self.info.base + t.idx + len(t.text))
                    ptext = t.text
                    s = i
        words = name.split()
        first = self.gz.lookup(words[0]) if len(words) > 1 else None
        if first and first[0] in {"demonym", "country"}:
            country = country or first[1]
            name = " ".join(words[1:])
        body = _clean_name(name)
        for j in range(s, e):
            self.used[j] = True
        self.add(s, e, "body", body, country=country, possessor=possessor, possessor_text=ptext, org_kind="organization", role=_body_role(body))

    def _company_context(self, s: int, e: int) -> bool:
        d = self.d
        nxt = [t.lower_ for t in d[e : min(len(d), e + 3)]]
        if nxt and nxt[0] in {"'s", "'"} and len(nxt) > 1 and nxt[1] in COMPANY_CUES:
            return True
        if nxt and nxt[0] in COMPANY_CUES | {"chief", "executive"}:
            return True
        prev = [t.lower_ for t in d[max(0, s - 2) : s]]
        if prev[-1:] in (["of"], ["in"]) and len(prev) == 2 and prev[0] in COMPANY_CUES | {"stake", "shareholders"}:
            return True  # "shares of Goldman Sachs", "a stake in ..."
        return bool(nxt[:1] == [","] and len(nxt) > 2 and nxt[1] in {"the", "a"} and d[e + 2].lower_ in {"company", "firm", "bank", "automaker", "carmaker", "retailer", "chain", "maker", "brand", "group", "startup", "insurer", "airline", "lender"})

    def _kin_context(self, s: int) -> bool:
        d = self.d
        back = [t.lower_ for t in d[max(0, s - 3) : s]]
        return bool(set(back) & KIN_WORDS)

    def _defined_acronym(self, e: int) -> str | None:
        """The acronym in parentheses right after a name: "International Syria Support Group (ISSG)"."""
        d = self.d
        if e + 2 < len(d) and d[e].text == "(" and d[e + 2].text == ")" and _ACRONYM.match(d[e + 1].text):
            return d[e + 1].text
        return None

    # -- names spaCy missed: countries, capitals, seats, known organizations
    def gazetteer_tokens(self) -> None:
        d = self.d
        toks = self.toks
        n = len(d)
        i = 0
        while i < n:
            t = toks[i]
            if self.used[i] or not (t.is_title or t.is_upper) or t.ent_type_ in {"PERSON", "DATE", "TIME", "MONEY", "CARDINAL"}:
                i += 1
                continue
            matched = False
            for k in range(min(self.gz.max_words, 5, n - i), 0, -1):
                if any(self.used[j] for j in range(i, i + k)):
                    continue
                span = d[i : i + k]
                if not (span[-1].is_title or span[-1].is_upper or span[-1].text[:1].isupper()):
                    continue
                hit = self.gz.lookup(span.text)
                if hit is None and "." in span.text and self.gz.country_of_code(span.text.split("-")[0]):
                    hit = ("country", self.gz.country_of_code(span.text.split("-")[0]) or "")
                if hit and hit[0] != "demonym":
                    if hit[0] == "capital" and span[0].ent_type_ not in {"GPE", "LOC", ""}:
                        continue
                    self._add_gazetteer_hit(i, i + k, hit, _clean_name(span.text))
                    i += k
                    matched = True
                    break
            if not matched:
                i += 1

    # -- demonym phrases, titles, generic group phrases
    def noun_phrases(self) -> None:
        for t in self.toks:
            if self.used[t.i]:
                continue
            low = t.lower_
            hit = self.gz.lookup(t.text) if (t.is_title or t.is_upper) else None
            if hit and hit[0] == "demonym" and not t.text.lower().startswith(("anti", "non", "pro")):
                self._demonym_phrase(t, hit[1])
            elif t.pos_ in {"NOUN", "PROPN"} and t.lemma_.lower() in GOV_HEADS and (t.tag_ not in {"NNS", "NNPS"} or low == "authorities"):
                self._generic_gov(t)
            elif t.pos_ in {"NOUN", "PROPN"} and (t.lemma_.lower() in OPPOSITION_HEADS or low in OPPOSITION_HEADS):
                self._generic_opposition(t)
            elif t.pos_ in {"NOUN", "PROPN"} and low in OFFICES and not t.ent_type_:
                self._standalone_title(t, None)

    def _np_start(self, head: Token) -> int:
        s = head.i
        for c in head.lefts:
            if c.dep_ in {"det", "amod", "compound", "poss", "nmod"} or c.tag_ == "PRP$":
                s = min(s, c.left_edge.i)
        return s

    def _demonym_phrase(self, tok: Token, iso: str) -> None:
        d = self.d
        head = tok
        while head.dep_ in {"amod", "compound", "nmod"} and head.head.i > head.i:
            head = head.head
        hl = head.lemma_.lower()
        low = head.lower_
        if head.i == tok.i:
            self.add(tok.i, tok.i + 1, "country", self.gz.canonical.get(iso), country=iso, role="demonym", no_alias=True)
            return
        s = self._np_start(head)
        if d[s].lower_ in {"his", "her", "its", "their"}:
            s = tok.i
        mods = {c.lower_ for c in head.lefts}
        if hl in GOV_HEADS and not self.used[head.i]:
            self.add(s, head.i + 1, "gov", self.gz.canonical.get(iso), country=iso)
        elif hl in OPPOSITION_HEADS or (hl in {"group", "force", "fighter", "faction"} and mods & {"opposition", "rebel"}):
            self.add(s, head.i + 1, "opposition", f"{self.gz.demonym_of.get(iso, tok.text)} opposition", country=iso)
        elif low in OFFICES or hl in OFFICES:
            self._standalone_title(head, iso)
            if not self.used[tok.i]:
                self.add(tok.i, tok.i + 1, "country", self.gz.canonical.get(iso), country=iso, role="demonym", no_alias=True)
        elif hl in BODY_HEADS and head.is_title:
            body = " ".join(x.text for x in d[tok.i + 1 : head.i + 1])
            self.add(tok.i, head.i + 1, "body", body, country=iso, org_kind="organization", role=_body_role(body))
        else:
            self.add(tok.i, tok.i + 1, "country", self.gz.canonical.get(iso), country=iso, role="demonym", no_alias=True)

    def _generic_gov(self, head: Token) -> None:
        """"the regime", "Assad's regime", "its government": a government named by context."""
        poss = [c for c in head.lefts if c.dep_ == "poss"]
        det = [c for c in head.lefts if c.dep_ == "det" and c.lower_ == "the"]
        if poss:
            p = poss[0]
            hit = self.gz.lookup(p.text)
            if hit and hit[0] in {"country", "capital", "seat"}:
                self.add(p.left_edge.i, head.i + 1, "gov", self.gz.canonical.get(hit[1]), country=hit[1])
                return
            prange = (self.info.base + p.idx, self.info.base + p.idx + len(p.text))
            if p.pos_ == "PROPN" or p.tag_ == "PRP$":
                self.add(p.left_edge.i, head.i + 1, "gov", None, possessor=prange, possessor_text=p.text)
            return
        if det and not any(c.dep_ in {"amod", "compound"} for c in head.lefts):
            # "the government of X"
            for c in head.rights:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for o in c.children:
                        h = self.gz.lookup(o.text)
                        if o.dep_ == "pobj" and h and h[0] in {"country", "capital"}:
                            self.add(det[0].i, head.i + 1, "gov", self.gz.canonical.get(h[1]), country=h[1])
                            return
            self.add(det[0].i, head.i + 1, "gov", None)

    def _generic_opposition(self, head: Token) -> None:
        s = head.i
        # "armed opposition groups", "rebel groups": the phrase head is the group noun
        top = head
        if head.dep_ in {"compound", "amod"} and head.head.lemma_.lower() in {"group", "force", "fighter", "faction", "movement"}:
            top = head.head
        for c in top.lefts:
            if c.dep_ in {"det", "amod", "compound"} and c.lower_ not in {"his", "her"}:
                s = min(s, c.i)
        if any(self.used[i] for i in range(s, top.i + 1)):
            return
        # only definite or plural group phrases, not "opposition to the plan"
        if top.i == head.i and not any(c.lower_ == "the" for c in head.lefts) and head.tag_ != "NNS":
            return
        if any(c.dep_ == "prep" and c.lower_ == "to" for c in top.rights):
            return
        self.add(s, top.i + 1, "opposition", None, org_kind="group", role="opposition")

    def _standalone_title(self, head: Token, iso: str | None) -> None:
        """"the Russian president", "the chancellor in Berlin": an office named without a name."""
        d = self.d
        if head.tag_ in {"NNS", "NNPS"} or self.used[head.i]:
            return
        # followed by a name: "President Vladimir Putin" is handled with the person
        if head.i + 1 < len(d) and d[head.i + 1].ent_type_ == "PERSON":
            return
        lefts = list(head.lefts)
        det = any(c.lower_ == "the" for c in lefts)
        poss = [c for c in lefts if c.dep_ == "poss"]
        country = iso
        possessor = None
        ptext = None
        for p in poss:
            h = self.gz.lookup(p.text)
            if h and h[0] in {"country", "capital", "seat"}:
                country = h[1]
            elif p.pos_ == "PROPN":
                possessor = (self.info.base + p.idx, self.info.base + p.idx + len(p.text))
                ptext = p.text
        if not det and not poss:
            return
        for c in head.rights:
            if c.dep_ == "prep" and c.lower_ in {"of", "in"}:
                for o in c.children:
                    h = self.gz.lookup(o.text)
                    if o.dep_ == "pobj" and h and h[0] in {"country", "capital", "seat"}:
                        country = country or h[1]
        s = head.i
        for c in head.lefts:
            low = c.lower_
            if (c.dep_ == "det" and low == "the") or c.dep_ == "poss" or low in ROLE_MODIFIERS or low in ROLE_HEADS or name_key(c.text) in self.gz.demonyms:
                s = min(s, c.left_edge.i if c.dep_ == "poss" else c.i)
        mods = [c for c in d[s : head.i] if (c.lower_ in ROLE_MODIFIERS and c.lower_ not in {"the", "of", "and", "for"}) or c.lower_ in ROLE_HEADS]
        role = " ".join([m.lower_ for m in mods if m.lower_ != "former"] + [head.lower_])
        former = any(m.lower_ == "former" for m in mods)
        if any(c.lower_ in KIN_WORDS for c in d[s : head.i]):
            return
        self.add(s, head.i + 1, "title", role, country=country, role=role, former=former, possessor=possessor, possessor_text=ptext)

    # -- "he said on Thursday"
    def pronouns(self) -> None:
        for t in self.toks:
            if t.lower_ in {"he", "she"} and t.dep_ in {"nsubj", "nsubjpass"}:
                self.add(t.i, t.i + 1, "pronoun", t.lower_)
            elif t.lower_ in {"him", "her"} and t.tag_ == "PRP" and t.dep_ in {"dobj", "pobj", "dative"}:
                self.add(t.i, t.i + 1, "pronoun", t.lower_, object_pronoun=True)

    # -- acronyms not already part of a mention ("the ISSG cease-fire task force")
    def acronyms(self) -> None:
        for t in self.toks:
            if self.used[t.i] or not _ACRONYM.match(t.text) or t.ent_type_ in {"PERSON", "DATE", "TIME", "MONEY"}:
                continue
            if t.i > 0 and self.toks[t.i - 1].text == "(":
                continue  # the definition itself: recorded with its full name
            self.add(t.i, t.i + 1, "acronym", t.text)


def _entities(doc: Doc) -> list[Span]:
    """spaCy's entities, with directly adjacent PERSON pieces joined ("Amy Berman" + "Jackson")."""
    out: list[Span] = []
    for ent in doc.ents:
        if out and ent.label_ == "PERSON" and out[-1].label_ == "PERSON" and out[-1].end == ent.start:
            out[-1] = Span(doc, out[-1].start, ent.end, label="PERSON")
        else:
            out.append(ent)
    return out


def _split_pair(doc: Doc, s: int, e: int) -> list[tuple[int, int]] | None:
    """Two full names joined by "and" inside one entity, each two or three capitalized words."""
    for i in range(s + 2, e - 2):
        if doc[i].lower_ == "and":
            left, right = doc[s:i], doc[i + 1 : e]
            if all(2 <= len(p) <= 3 and all(t.is_title and t.is_alpha for t in p) for p in (left, right)):
                if not any(t.lower_ in ORG_WORDS or t.lower_ in GROUP_WORDS for t in doc[s:e]):
                    return [(s, i), (i + 1, e)]
    return None


def _split_possessive(doc: Doc, s: int, e: int, gz: Gazetteer) -> list[tuple[int, int]]:
    """ "Putin's Kremlin" is two mentions; "People's Daily" is one name (neither part is known)."""
    for i in range(s + 1, e - 1):
        if doc[i].lower_ in {"'s", "'"}:
            if gz.lookup(doc[s:i].text) or gz.lookup(doc[i + 1 : e].text):
                return [(s, i), (i + 1, e)]
            return [(s, e)]
    return [(s, e)]


def _clean_name(text: str) -> str:
    t = text.replace("\u2019", "'").strip()
    t = re.sub(r"^(?:the|The|THE)\s+", "", t)
    t = re.sub(r"'s?$", "", t).strip()
    t = re.sub(r"\s+", " ", t)
    return t.strip(" ,.;:()\"'")


_ABBREVIATED = {"sen.": "senator", "sen": "senator", "rep.": "representative", "gov.": "governor", "gen.": "general", "lt.": "lieutenant", "col.": "colonel", "capt.": "captain", "gov": "governor", "gen": "general"}


def _tidy_role(words: list[str]) -> str | None:
    """The office part of a title: its last run of role words, with one naming word before it ("Kremlin spokesman")."""
    if not any(w.lower() in ROLE_HEADS for w in words):
        return None
    end = max(i for i, w in enumerate(words) if w.lower() in ROLE_HEADS) + 1
    start = end - 1
    while start > 0 and (words[start - 1].lower() in ROLE_HEADS or words[start - 1].lower() in ROLE_MODIFIERS) and words[start - 1].lower() not in {"of", "the", "and", "for"}:
        start -= 1
    if start > 0 and words[start - 1][:1].isupper() and words[start - 1].lower() not in ROLE_MODIFIERS:
        start -= 1  # the body the office belongs to: "Kremlin spokesman", "U.N. envoy"
    out = [_ABBREVIATED.get(w.lower(), w if w[:1].isupper() and i == start and w.lower() not in ROLE_HEADS else w.lower()) for i, w in enumerate(words[start:end], start)]
    return " ".join(out)


def _person_name(text: str) -> str:
    words = [w for w in _name_words(text) if w.lower().strip(".") + "." not in HONORIFICS and w.lower() not in HONORIFICS]
    return " ".join(words) if words else text


def _body_role(body: str) -> str | None:
    low = body.lower()
    if "defen" in low or "military" in low or "army" in low:
        return "military"
    if "foreign" in low:
        return "foreign ministry"
    if "ministry" in low or "department" in low:
        return "ministry"
    if "parliament" in low or "senate" in low or "assembly" in low:
        return "legislature"
    if "court" in low:
        return "court"
    if "police" in low:
        return "police"
    if "bank" in low:
        return "central bank" if "central" in low else "bank"
    return "state body"


_CONTRIBUTORS = re.compile(
    r"^\s*(?:with|by|written by|reporting by|additional reporting by|contributing(?: reporters?)?:?|compiled by|edited by|photos? by|"
    r"[\w ]{0,40}\b(?:writers?|reporters?|correspondents?|staff)\b[^.]{0,120}\bcontributed)\b",
    re.IGNORECASE,
)


_CONTRIBUTED = re.compile(r"\b(?:[Ww]riters?|[Rr]eporters?|[Cc]orrespondents?)\s+[A-Z][^.]{0,120}\bcontributed\b")


def is_contributor_line(text: str) -> bool:
    """A byline or contributor line ("With A, B and C", "By A and B", "AP writer A contributed"): its names are not actors."""
    t = text.strip()
    if not t or len(t) > 300:
        return False
    if _CONTRIBUTED.search(t):
        return True
    if not _CONTRIBUTORS.match(t):
        return False
    if _CONTRIBUTED.search(t):
        return True
    rest = re.sub(r"^\s*(?:with|by|written by|reporting by|additional reporting by|contributing(?: reporters?)?:?|compiled by|edited by|photos? by)\s*", "", t, flags=re.IGNORECASE)
    # only names: capitalized words, commas, "and", initials; no verb-like lower-case words
    words = re.findall(r"[\w.'\u2019-]+", rest)
    lower = [w for w in words if w[:1].islower() and w not in {"and", "in", "of", "de", "van", "von", "al", "bin"}]
    return bool(words) and not lower and (len(words) <= 12 or not rest.rstrip().endswith((".", "?", "!")))


def find_candidates(parsed: Doc, info: BlockInfo, gz: Gazetteer) -> list[Cand]:
    """Every candidate mention in one parsed block, in text order."""
    if is_contributor_line(doc_text(parsed)):
        return []
    cands = _Block(parsed, info, gz).run()
    cands.sort(key=lambda c: (c.start, -c.end))
    return cands
