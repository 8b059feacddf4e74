"""Turn candidate mentions into canonical actors, one per real-world entity.

Order of work:

1. People named in full are clustered story-wide: same surname and a
   compatible given name ("Sergey"/"Sergei", "G."/"George") are one person;
   a different given name is a different person ("Bashar"/"Hafez al-Assad").
2. Surname-only mentions go to the person with that surname; when several
   share it, to the most prominent one, never to one introduced only as a
   relative ("his father, Hafez al-Assad").
3. Titles learned next to names ("Russian President Vladimir Putin") make a
   table of office holders; "the Russian president" resolves through it.
4. A pass through each document in reading order resolves what needs
   context: pronoun subjects ("he said"), possessors ("his Defense
   Ministry", "Assad's regime"), "the regime", "the opposition".
5. Capitals and seats of power used as agents are their country; used as
   places ("a meeting in Moscow") they are places.
"""

from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from itertools import pairwise

from ..settings import tuned_int
from .gazetteer import Gazetteer, name_key
from .lexicon import BODY_HEADS, GROUP_WORDS, NAME_PARTICLES, ORG_WORDS, ROLE_HEADS, ROLE_MODIFIERS
from .recognize import JUNK_NAME, Cand

__all__ = ["Draft", "is_full_name", "org_variant", "resolve_candidates", "role_key"]

log = logging.getLogger(__name__)

_PRONOUN_REACH = tuned_int("actors", "pronoun_reach")  # sentences back a pronoun subject may look for its person
_ALIAS_LINK = re.compile(
    r"^\s*[,(]?\s*(?:whose (?:real|legal|birth|given) name is|who goes by(?: the name)?|also known as|better known as|"
    r"known professionally as|a\.?k\.?a\.?|real name|n[e\u00e9]e)\s*,?\s*[\"\u201c]?\s*$",
    re.IGNORECASE,
)
_AS = re.compile(r"^\s+as\s+[\"\u201c]?$")
_REFERS_AS = re.compile(r"\b(?:refers? to|referred to|referring to|identifies|identified|calls|called|lists|listed)\b[^.]{0,60}$")
_ABBREVIATIONS = {"assn": "association", "assoc": "association", "dept": "department", "univ": "university", "intl": "international",
                  "natl": "national", "govt": "government", "corp": "corporation", "co": "company", "cos": "companies", "bros": "brothers"}
_OF_HEADS = {"department", "ministry", "office", "bureau", "board", "commission", "committee", "council", "agency", "division"}
_LEGAL_ENDINGS = {"inc", "ltd", "llc", "plc", "company", "corporation", "incorporated", "limited"}


def org_variant(key: str) -> str:
    """One key for spelling variants of an organization's name.

    Abbreviations spelled out ("Assn" = "Association"), "Department of X" =
    "X Department", a trailing legal form dropped ("Acme Elevator Co." =
    "Acme Elevator"), plural and singular alike ("Olympics" = "Olympic").
    """
    words = [_ABBREVIATIONS.get(w, w) for w in key.split()]
    if len(words) >= 3 and words[0] in _OF_HEADS and words[1] == "of":
        words = [*words[2:], words[0]]
    while len(words) >= 2 and words[-1] in _LEGAL_ENDINGS:
        words = words[:-1]
    words = [w[:-1] if len(w) >= 5 and w.endswith("s") and not w.endswith(("ss", "us", "is")) else w for w in words]
    return " ".join(words)


@dataclass
class Draft:
    """An actor being built: its mentions and what they say about it."""

    key: str
    kind: str
    country: str | None = None
    org_kind: str | None = None
    mentions: list[Cand] = field(default_factory=list)
    names: Counter[str] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)
    countries: Counter[str] = field(default_factory=Counter)
    fixed_name: str | None = None

    @property
    def weight(self) -> float:
        w = sum(0.3 if m.kind == "pronoun" else 1.0 for m in self.mentions)
        return w * (0.5 if self.kind == "place" else 1.0)


def role_key(role: str | None) -> str | None:
    """The office in a title, for matching: "Russian Prime Minister" -> "prime minister"."""
    if not role:
        return None
    words = [w for w in re.split(r"\s+", role.lower()) if w in ROLE_HEADS or (w in ROLE_MODIFIERS and w not in {"the", "of", "and", "for", "former"})]
    while words and words[-1] not in ROLE_HEADS:
        words.pop()
    return " ".join(words) or None


def _surname(name: str) -> str:
    last = name.split()[-1]
    last = re.sub(r"^(?:al|el|ad|as|ash|at|az|bin|ibn|abu)[-\u2010]", "", last, flags=re.IGNORECASE)
    return name_key(last)


def _given(name: str) -> str:
    return name_key(name.split()[0])


def is_full_name(name: str) -> bool:
    words = name.split()
    return len(words) >= 2 and words[0].lower() not in NAME_PARTICLES


def _given_compatible(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    if a.startswith(b) or b.startswith(a):
        return True
    return a[0] == b[0] and SequenceMatcher(None, a, b).ratio() >= 0.75


def _contained(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One two-word-or-longer name is the start or the end of the other ("Jing Xu" / "Alison Jing Xu")."""
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if len(short) < 2:
        return False
    return long_[: len(short)] == short or long_[-len(short) :] == short


class _People:
    """Story-wide clusters of people named in full."""

    def __init__(self) -> None:
        self.clusters: list[dict[str, object]] = []  # {"given": str, "surname": str, "count": int, "kin": int, "first": int}
        self.by_surname: dict[str, list[int]] = defaultdict(list)
        self.by_end: dict[str, list[int]] = defaultdict(list)  # first or last word of a cluster's fullest name -> clusters

    def _index_words(self, idx: int, words: tuple[str, ...]) -> None:
        for w in dict.fromkeys((words[0], words[-1])) if words else ():
            if idx not in self.by_end[w]:
                self.by_end[w].append(idx)

    def _sharing_end(self, words: tuple[str, ...]) -> list[int]:
        """Clusters that can contain or equal ``words``: a start or an end of one is a start or an end of the other."""
        if not words:
            return []
        return sorted({*self.by_end.get(words[0], ()), *self.by_end.get(words[-1], ())})

    def add_full(self, name: str, kin: bool, order: int) -> int:
        sur, giv = _surname(name), _given(name)
        words = tuple(name_key(w) for w in name.split())
        for idx in self._sharing_end(words):
            c = self.clusters[idx]
            other = c["words"]
            if isinstance(other, tuple) and len(other) != len(words) and _contained(words, other):
                c["count"] = int(c["count"]) + 1  # type: ignore[call-overload]
                if len(words) > len(other):
                    c["words"] = words
                    self._index_words(idx, words)
                return idx
        for idx in self.by_surname.get(sur, []) or self.similar_surname(sur):
            c = self.clusters[idx]
            if _given_compatible(str(c["given"]), giv):
                c["count"] = int(c["count"]) + 1  # type: ignore[call-overload]
                c["kin"] = int(c["kin"]) + int(kin)  # type: ignore[call-overload]
                return idx
        self.clusters.append({"given": giv, "surname": sur, "count": 1, "kin": int(kin), "first": order, "words": words})
        self.by_surname[sur].append(len(self.clusters) - 1)
        self._index_words(len(self.clusters) - 1, words)
        return len(self.clusters) - 1

    def similar_surname(self, sur: str) -> list[int]:
        """Clusters whose surname is a transliteration variant of ``sur`` ("Shoygu"/"Shoigu")."""
        if len(sur) < 4:
            return []
        out: list[int] = []
        for other, idxs in self.by_surname.items():
            if other[:1] == sur[:1] and len(other) >= 4 and SequenceMatcher(None, other, sur).ratio() >= 0.8:
                out.extend(idxs)
        return out

    def for_surname(self, sur: str) -> int | None:
        """The most prominent full-named person with this surname (relatives last)."""
        idxs = self.by_surname.get(sur) or self.similar_surname(sur)
        if not idxs:
            return None

        def rank(i: int) -> tuple[int, int, int]:
            c = self.clusters[i]
            only_kin = int(c["kin"]) >= int(c["count"])  # type: ignore[call-overload]
            return (int(only_kin), -int(c["count"]), int(c["first"]))  # type: ignore[call-overload]

        return min(idxs, key=rank)

    def for_given(self, given: str) -> int | None:
        """The one person whose given name this is, when exactly one has it and nobody has it as surname."""
        if given in self.by_surname:
            return None
        hits = [i for i, c in enumerate(self.clusters) if c["given"] == given]
        return hits[0] if len(hits) == 1 else None

    def for_name(self, name: str) -> int | None:
        if is_full_name(name):
            words = tuple(name_key(w) for w in name.split())
            for idx in self._sharing_end(words):
                other = self.clusters[idx]["words"]
                if isinstance(other, tuple) and (other == words or _contained(words, other)):
                    return idx
            sur, giv = _surname(name), _given(name)
            for idx in self.by_surname.get(sur, []):
                if _given_compatible(str(self.clusters[idx]["given"]), giv):
                    return idx
            return None
        return self.for_surname(_surname(name)) if self.by_surname.get(_surname(name)) else self.for_given(name_key(name))


class _Resolver:
    def __init__(self, docs: list[tuple[str, list[Cand]]], gz: Gazetteer) -> None:
        self.docs = docs
        self.gz = gz
        self.people = _People()
        self.drafts: dict[str, Draft] = {}
        self.acronyms: dict[str, str] = {}  # acronym name_key -> org key
        self.texts: dict[str, str] = {}
        self._merged: dict[str, str] = {}

    # -- helpers
    def draft(self, key: str, kind: str, **kw: object) -> Draft:
        d = self.drafts.get(key)
        if d is None:
            d = Draft(key=key, kind=kind)
            self.drafts[key] = d
        for k, v in kw.items():
            if v is not None and getattr(d, k) is None:
                setattr(d, k, v)
        return d

    def attach(self, c: Cand, key: str, kind: str, name: str | None, **kw: object) -> None:
        d = self.draft(key, kind, **kw)
        c.key = key
        d.mentions.append(c)
        if name:
            d.names[name] += 1
        if c.role and kind == "person" and not c.former:
            d.roles[c.role] += 1
        if c.country and kind == "person":
            d.countries[c.country] += 1

    def all_cands(self) -> list[Cand]:
        return [c for _, cs in self.docs for c in cs]

    # -- 1-2: people
    def cluster_people(self) -> None:
        order = 0
        for c in self.all_cands():
            order += 1
            if c.kind == "person" and is_full_name(c.name):
                self.people.add_full(c.name, c.kin, order)
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        for c in self.all_cands():
            if c.kind in {"person", "place", "org"}:
                votes[name_key(c.name)][c.kind] += 1
        for c in self.all_cands():
            # one name, one kind: spaCy may tag the same words PERSON once and ORG the next time
            v = votes.get(name_key(c.name))
            if v and len(v) > 1 and c.kind in v and " " in c.name and self.gz.lookup(c.name) is None:
                top = max(v.items(), key=lambda kv: (kv[1], kv[0] == "person"))[0]
                if top != c.kind:
                    c.kind = top
                    if top == "org":
                        c.org_kind = c.org_kind or "organization"
        for c in self.all_cands():
            if c.spacy_person and " " not in c.name and self.people.by_surname.get(_surname(c.name)):
                c.kind, c.country, c.role = "person", None, None  # "Jordan scored" when Michael Jordan is in the story
                continue
            if c.kind not in {"place", "org", "acronym", "person", "maybe"} or self.gz.lookup(c.name) is not None:
                continue
            if any(w.lower() not in NAME_PARTICLES for w in c.name.split()[:-1]):
                continue  # more than one name word: not a bare surname
            known = self.people.by_surname.get(_surname(c.name)) or self.people.for_given(name_key(c.name)) is not None
            if c.kind == "maybe":
                c.kind = "person" if known else "none"
            elif c.kind != "person" and known:
                c.kind = "person"  # "Churkin's remarks" tagged as a place
            elif c.kind == "person" and not known:
                v = votes[name_key(c.name)]
                other = max(("place", "org"), key=lambda k: v[k])
                if v[other] > v["person"]:
                    c.kind = other  # the same word is more often a place or an organization

    def person_key(self, name: str) -> str:
        idx = self.people.for_name(name)
        if idx is not None:
            return f"p:{idx}"
        return f"p:{name_key(name) if is_full_name(name) else _surname(name)}"

    # -- orgs
    def org_key(self, c: Cand) -> str:
        return self._org_key(c)

    def _org_key(self, c: Cand) -> str:
        known = c.known
        if known:
            return f"o:{name_key(known)}"
        k = name_key(c.name)
        if k in self.acronyms:
            return self.acronyms[k]
        hit = self.gz.orgs.get(k)
        if hit:
            return f"o:{name_key(hit.name)}"
        v = org_variant(k)
        if v in self.acronyms:
            return self.acronyms[v]
        return f"o:{v}"

    def collect_acronyms(self) -> None:
        for c in self.all_cands():
            if c.kind == "org" and c.defines:
                self.acronyms[name_key(c.defines)] = self.org_key(c)
        # initials of multi-word organization names ("Islamic Revolutionary Guard Corps" -> IRGC)
        for c in self.all_cands():
            if c.kind == "org" and len(c.name.split()) >= 2:
                words = [w for w in re.split(r"[\s\-]+", c.name) if w]
                letters = "".join(w[0] for w in words if w[0].isupper())
                every = "".join(w[0] for w in words if w.lower() != "the")  # "Department of Buildings" -> DOB
                for acro in dict.fromkeys((letters, every)):
                    if len(acro) >= 3 and c.org_kind != "company":
                        self.acronyms.setdefault(acro.lower(), self.org_key(c))

    # -- 3: office holders
    def holders(self) -> dict[tuple[str, str | None], str]:
        table: dict[tuple[str, str | None], Counter[str]] = defaultdict(Counter)
        for c in self.all_cands():
            if c.kind == "person" and c.role and not c.former and c.key:
                rk = role_key(c.role)
                if rk:
                    country = c.country or self.person_country(c.key)
                    table[(rk, country)][c.key] += 1
                    table[(rk, None)][c.key] += 1
        return {k: v.most_common(1)[0][0] for k, v in table.items() if len(v) == 1 or k[1] is not None}

    def person_country(self, key: str) -> str | None:
        d = self.drafts.get(key)
        if d and d.countries:
            return d.countries.most_common(1)[0][0]
        return None

    # -- main
    def run(self) -> dict[str, Draft]:
        self.cluster_people()
        self.collect_acronyms()
        for c in self.all_cands():
            self.first_pass(c)
        holders = self.holders()
        opp_countries = {c.country for c in self.all_cands() if c.kind == "opposition" and c.country}
        gov_countries = Counter(c.country for c in self.all_cands() if c.kind == "gov" and c.country)
        story_gov = gov_countries.most_common(1)[0][0] if gov_countries else None
        bodies: dict[str, set[str]] = defaultdict(set)
        for c in self.all_cands():
            if c.kind == "body" and c.country:
                bodies[org_variant(name_key(c.name))].add(c.country)
        for _, cands in self.docs:
            self.document_pass(cands, holders, opp_countries, story_gov, bodies)
        self.merge_alias_names()
        self.fold_places()
        self.fold_short_names()
        self.fold_bodies()
        self.share_family_country()
        return self.drafts

    def merge_alias_names(self) -> None:
        """One actor for a name and its alias: "X, whose real name is Y", "X, who goes by Y", "X (aka Y)",
        "X, also known as Y", "the agreement refers to X as Y"."""
        pairs: list[tuple[str, str]] = []
        for doc_id, cands in self.docs:
            text = self.texts.get(doc_id, "")
            named = [c for c in cands if c.key and c.key in self.drafts and c.kind in {"person", "org", "maybe"}]
            for a, b in pairwise(named):
                between = text[a.end : b.start]
                if b.start <= a.end or len(between) > 40 or a.key == b.key:
                    continue
                if _ALIAS_LINK.match(between) or (_AS.match(between) and _REFERS_AS.search(text[max(0, a.start - 60) : a.start])):
                    if "person" in {a.kind, b.kind}:
                        pairs.append((self._person_draft(a), self._person_draft(b)))
        for x, y in pairs:
            x, y = self._alive(x), self._alive(y)
            if x == y or x not in self.drafts or y not in self.drafts:
                continue
            dx, dy = self.drafts[x], self.drafts[y]
            keep, drop = (x, y) if (dx.kind == "person", len(dx.mentions)) >= (dy.kind == "person", len(dy.mentions)) else (y, x)
            self._merge_into(drop, keep)
            self._merged[drop] = keep

    def _person_draft(self, c: Cand) -> str:
        """The draft of the person a candidate names, even when it was taken for an organization ("Trump" in "refers to Trump as ...")."""
        if c.kind != "person":
            idx = self.people.for_name(c.name)
            if idx is not None and f"p:{idx}" in self.drafts:
                return f"p:{idx}"
        return str(c.key)

    def _alive(self, key: str) -> str:
        while key in self._merged:
            key = self._merged[key]
        return key

    def fold_short_names(self) -> None:
        """ "the Rockies" after "the Colorado Rockies": a name that ends exactly one longer organization name is that organization."""
        longer: dict[str, list[str]] = defaultdict(list)
        for key, d in self.drafts.items():
            if d.kind == "org" and key.startswith("o:"):
                words = key[2:].split()
                for n in range(1, len(words)):
                    if words[-n - 1] not in {"of", "for", "and", "the", "in", "at", "on"}:
                        longer[" ".join(words[-n:])].append(key)
                    if n >= 2 or (n == 1 and self._ends_in_org_word(d)):
                        longer[" ".join(words[:n])].append(key)  # a cut-off name: "Lehigh County Humane", "Acme" for "Acme Elevator Co."
        for key in sorted(self.drafts, key=lambda k: len(k.split())):
            d = self.drafts[key]
            if d.kind not in {"org", "place"} or key[:2] not in {"o:", "l:"}:
                continue
            short = key[2:]
            if not short.split() or (d.kind == "place" and " " in short):
                continue  # a draft with no name words (symbols only) folds into nothing
            if short.split()[-1] in ORG_WORDS or short.split()[-1] in GROUP_WORDS or short.split()[-1] in BODY_HEADS:
                continue
            targets = sorted({k for k in longer.get(short, []) if k != key and k in self.drafts and len(k.split()) > len(key.split())})
            if len(targets) == 1 and not any(m.kind == "country" for m in d.mentions):
                target = self.drafts[targets[0]]
                if not target.key[2:].endswith(short) and len(d.mentions) > len(target.mentions) and not self._ends_in_org_word(target):
                    continue  # a longer name that merely starts the same way ("Miss America Organization ...")
                if not target.key[2:].endswith(short):
                    target.names.update(d.names)  # a cut-off name counts as the full one
                self._merge_into(key, targets[0])

    @staticmethod
    def _ends_in_org_word(d: Draft) -> bool:
        """The organization's name ends in a word like University, Co. or Airlines: its first word alone names it."""
        return any(len(n.split()) >= 2 and n.split()[-1].lower().rstrip(".") in ORG_WORDS for n in d.names)

    def _merge_into(self, key: str, target_key: str) -> None:
        """Move every mention of draft ``key`` to draft ``target_key`` and drop ``key``."""
        mentions = self.drafts.pop(key).mentions
        for m in mentions:
            m.key = target_key
        self.drafts[target_key].mentions.extend(mentions)

    def fold_bodies(self) -> None:
        """A body named without its country joins the one body of that name whose country is known,
        or the one organization of that name ("the Housing Department" and "the Department of Housing")."""
        for key in list(self.drafts):
            if not key.startswith("b:None:") or key not in self.drafts:
                continue
            rest = key[len("b:None:") :]
            owners = [k for k in self.drafts if k.startswith("b:") and k.endswith(":" + rest) and k != key]
            if not owners and f"o:{rest}" in self.drafts:
                owners = [f"o:{rest}"]
            if len(owners) == 1:
                self._merge_into(key, owners[0])

    def share_family_country(self) -> None:
        """Relatives named in full share the country of their family when only one of them has one."""
        by_surname: dict[str, set[str]] = defaultdict(set)
        for key, d in self.drafts.items():
            if d.kind == "person" and key.startswith("p:") and key[2:].isdigit() and d.countries:
                by_surname[str(self.people.clusters[int(key[2:])]["surname"])].add(d.countries.most_common(1)[0][0])
        for key, d in self.drafts.items():
            if d.kind == "person" and key.startswith("p:") and key[2:].isdigit() and not d.countries:
                found = by_surname.get(str(self.people.clusters[int(key[2:])]["surname"]), set())
                if len(found) == 1:
                    d.countries[next(iter(found))] += 1

    def first_pass(self, c: Cand) -> None:
        """Mentions that need no context."""
        if c.kind == "person":
            self.attach(c, self.person_key(c.name), "person", c.name if is_full_name(c.name) else None)
        elif (c.kind == "country" and c.country) or (c.kind == "gov" and c.country):
            self.attach(c, f"c:{c.country}", "country", None, country=c.country)
        elif c.kind == "org":
            key = self.org_key(c)
            self.attach(c, key, "org", c.known or c.name, country=c.country, org_kind=c.org_kind)
            if c.role:
                self.drafts[key].roles[c.role] += 1
        elif c.kind == "group":
            self.attach(c, f"o:{name_key(c.name)}", "org", c.name, org_kind="group")
            if c.role:
                self.drafts[f"o:{name_key(c.name)}"].roles[c.role] += 1
        elif c.kind == "acronym":
            k = name_key(c.name)
            akey = self.acronyms.get(k)
            if akey is None and k in self.gz.orgs:
                akey = f"o:{name_key(self.gz.orgs[k].name)}"
            if akey is not None:
                self.attach(c, akey, "org", None)
        elif c.kind == "place":
            self.attach(c, f"l:{name_key(c.name)}", "place", c.name, country=c.country)

    def document_pass(
        self,
        cands: list[Cand],
        holders: dict[tuple[str, str | None], str],
        opp_countries: set[str],
        story_gov: str | None,
        bodies: dict[str, set[str]],
    ) -> None:
        sent_index: dict[int, int] = {}
        last_person: tuple[str, int] | None = None
        last_subject: tuple[str, int] | None = None
        last_gov: str | None = None
        last_country_subject: str | None = None
        recent_roles: dict[str, str] = {}
        recent_full: dict[str, str] = {}  # surname -> key of the person last named in full in this document
        for c in cands:
            si = sent_index.setdefault(c.sent, len(sent_index))
            if c.kind == "person" and c.key:
                self.surname_by_recency(c, recent_full)
                last_person = (c.key, si)
                if c.subject:
                    last_subject = (c.key, si)
                rk = role_key(c.role)
                if rk:
                    recent_roles[rk] = c.key
            elif c.kind == "country" and c.key and c.subject:
                last_country_subject = c.country
            elif c.kind == "gov" and c.key:
                last_gov = c.country
            elif c.kind == "title":
                key = self.resolve_title(c, holders, recent_roles)
                if key:
                    self.attach(c, key, "person", None)
                    last_person = (key, si)
                    if c.subject:
                        last_subject = (key, si)
            elif c.kind == "pronoun" and c.object_pronoun:
                ref = None
                if last_person and si - last_person[1] <= _PRONOUN_REACH:
                    ref = last_person[0]
                    if last_subject and last_subject[1] == si and last_subject[0] == ref:
                        ref = None  # "Putin ... him" in one clause is someone else
                if ref:
                    self.attach(c, ref, "person", None)
            elif c.kind == "pronoun":
                ref = None
                if last_subject and si - last_subject[1] <= _PRONOUN_REACH:
                    ref = last_subject[0]
                elif last_person and si - last_person[1] <= _PRONOUN_REACH:
                    ref = last_person[0]
                if ref:
                    self.attach(c, ref, "person", None)
                    last_subject = (ref, si)
            elif c.kind == "gov":
                if c.possessor_text:
                    country = self.possessor_country(c, last_person, last_country_subject)  # "his administration": only if known
                else:
                    country = last_gov or story_gov
                if country:
                    c.country = country
                    self.attach(c, f"c:{country}", "country", None, country=country)
                    last_gov = country
            elif c.kind == "opposition":
                country = c.country
                if country is None:
                    known = [x for x in opp_countries if x]
                    country = known[0] if len(known) == 1 else (last_gov or story_gov)
                dem = self.gz.demonym_of.get(country or "", "")
                name = f"{dem} opposition".strip() if dem else "opposition"
                self.attach(c, f"g:opp:{country}", "org", None, org_kind="group", country=country)
                self.drafts[f"g:opp:{country}"].fixed_name = name[0].upper() + name[1:]
                self.drafts[f"g:opp:{country}"].roles["opposition"] += 1
            elif c.kind == "body":
                country = c.country
                if country is None and c.possessor_text:
                    country = self.possessor_country(c, last_person, last_country_subject)
                if country is None:
                    known_b = bodies.get(org_variant(name_key(c.name)), set())
                    country = next(iter(known_b)) if len(known_b) == 1 else None
                key = f"b:{country}:{org_variant(name_key(c.name))}"
                dem = self.gz.demonym_of.get(country or "", "")
                self.attach(c, key, "org", None, org_kind="organization", country=country)
                self.drafts[key].fixed_name = f"{dem} {c.name}".strip()
                if c.role:
                    self.drafts[key].roles[c.role] += 1

    def surname_by_recency(self, c: Cand, recent_full: dict[str, str]) -> None:
        """A bare surname shared by relatives goes to the one named in full last in this document.

        "Sam Roe, 70, the girl's grandfather, said ... Roe told reporters" -> Sam
        Roe, even when the girl, Ann Roe, is the story's more prominent Roe.
        """
        sur = _surname(c.name)
        if is_full_name(c.name):
            if c.key and not c.kin:  # "his father, Pierre Roe": a relative named in passing is not who "Roe" means next
                recent_full[sur] = c.key
            return
        if len(self.people.by_surname.get(sur, [])) < 2 or sur not in recent_full or recent_full[sur] == c.key:
            return
        target = recent_full[sur]
        if c.key in self.drafts and target in self.drafts:
            old = self.drafts[c.key]
            old.mentions = [m for m in old.mentions if m is not c]
            c.key = target
            self.drafts[target].mentions.append(c)

    def resolve_title(self, c: Cand, holders: dict[tuple[str, str | None], str], recent: dict[str, str]) -> str | None:
        rk = role_key(c.role)
        if not rk or c.former:
            return None
        if c.country is not None:
            hit = holders.get((rk, c.country))
            if hit:
                return hit
            dem = self.gz.demonym_of.get(c.country, "")
            key = f"t:{c.country}:{rk}"
            self.draft(key, "person", country=c.country)
            self.drafts[key].fixed_name = f"{dem} {rk}".strip()
            self.drafts[key].roles[rk] += 1
            self.drafts[key].countries[c.country] += 1
            return key
        if rk in recent:
            return recent[rk]
        return holders.get((rk, None))

    def possessor_country(self, c: Cand, last_person: tuple[str, int] | None, last_country: str | None) -> str | None:
        p = (c.possessor_text or "").lower()
        if p in {"his", "her"}:
            return self.person_country(last_person[0]) if last_person else None
        if p in {"its", "their"}:
            return last_country
        idx = self.people.for_name(c.possessor_text or "")
        if idx is not None:
            return self.person_country(f"p:{idx}")
        return None

    def fold_places(self) -> None:
        """A capital used as a place is not a separate actor when its country is one."""
        for key in list(self.drafts):
            d = self.drafts[key]
            if d.kind != "place":
                continue
            if d.country and f"c:{d.country}" in self.drafts and any(m.place_use for m in d.mentions):
                del self.drafts[key]


def resolve_candidates(docs: list[tuple[str, list[Cand]]], gz: Gazetteer, texts: dict[str, str] | None = None) -> list[Draft]:
    """Canonical actors (drafts) from every document's candidates, junk removed.

    ``texts`` (document id -> text) lets alias wording between two names ("X, who goes by Y") merge them.
    """
    resolver = _Resolver(docs, gz)
    resolver.texts = texts or {}
    drafts = resolver.run()
    out = [d for d in drafts.values() if _keep(d)]
    out.sort(key=lambda d: -d.weight)
    return out


def _starts_lower(name: str) -> bool:
    first = name.split()[0] if name.split() else ""
    return bool(first) and first[0].islower() and first.split("-")[0].lower() not in NAME_PARTICLES


def _keep(d: Draft) -> bool:
    if not d.mentions:
        return False
    if d.kind == "person":
        full = any(is_full_name(m.name) for m in d.mentions if m.kind == "person")
        named = [m for m in d.mentions if m.kind in {"person", "title"}]
        if not named:
            return False
        if not full and not d.fixed_name:
            body = [m for m in named if not m.headline]
            if len(body) < 2 and not d.roles:
                return False
    if d.kind in {"person", "org", "place"} and all(m.headline for m in d.mentions) and len(d.mentions) < 2:
        return False
    names = list(d.names) or [d.fixed_name or ""]
    if any(JUNK_NAME.search(n) for n in names):
        return False
    if d.kind in {"person", "org", "place"} and d.names and all(_starts_lower(n) for n in d.names):
        return False  # "iPod", "eBay-style" product names and sentence fragments
    return True
