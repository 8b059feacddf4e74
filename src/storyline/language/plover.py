"""PLOVER event types from the words that express an action.

A small lexicon of general-language cue lemmas per PLOVER category (verbs,
and the nouns that name the same actions). :func:`category_of` looks a
lemma up directly, then through its stem, so "withdrawal" finds "withdraw"
and "announcement" finds "announce". Reporting verbs (say, announce, warn,
...) are listed separately: they make a speech event.
"""

from __future__ import annotations

__all__ = ["CATEGORIES", "REPORTING", "category_of", "is_reporting"]

CATEGORIES: dict[str, frozenset[str]] = {
    "AGREE": frozenset("agree accept sign approve pledge promise commit settle ratify ceasefire truce deal agreement accord treaty".split()),
    "CONSULT": frozenset("meet visit talk discuss host consult negotiate telephone phone confer summit meeting talks negotiation call_on".split()),
    "SUPPORT": frozenset("support back praise welcome endorse defend commend thank congratulate applaud".split()),
    "CONCEDE": frozenset("concede compromise yield apologize apologise relent grant soften".split()),
    "COOPERATE": frozenset("cooperate collaborate coordinate partner ally join cosponsor co-sponsor cooperation collaboration".split()),
    "AID": frozenset("aid help assist supply provide donate fund rescue train equip deliver arm shelter".split()),
    "RETREAT": frozenset("withdraw retreat evacuate exit pullout pull_out pull_back demobilize disarm withdrawal drawdown".split()),
    "INVESTIGATE": frozenset("investigate probe inquire examine inspect audit investigation inquiry".split()),
    "DEMAND": frozenset("demand urge insist press request appeal call_for ultimatum".split()),
    "DISAPPROVE": frozenset("criticize criticise condemn denounce complain deplore slam decry lambast censure criticism condemnation".split()),
    "REJECT": frozenset("reject refuse deny veto decline dismiss oppose ignore boycott rebuff rejection refusal".split()),
    "THREATEN": frozenset("threaten warn vow threat warning".split()),
    "PROTEST": frozenset("protest demonstrate rally march picket riot demonstration".split()),
    "MOBILIZE": frozenset("mobilize mobilise deploy intervene reinforce station redeploy mobilization deployment intervention operation buildup".split()),
    "SANCTION": frozenset("sanction embargo expel suspend ban impose freeze penalize penalise sanctions".split()),
    "COERCE": frozenset("arrest detain seize raid deport confiscate imprison jail sentence censor besiege blockade crackdown detention".split()),
    "ASSAULT": frozenset("attack bomb shoot kill strike shell assault invade wound murder abduct kidnap massacre airstrike bombing invasion offensive".split()),
    "FIGHT": frozenset("fight clash battle combat skirmish fighting".split()),
    "CRIME": frozenset("steal rob smuggle traffic defraud embezzle bribe launder hack loot fraud theft".split()),
    "ACCUSE": frozenset("accuse charge allege indict sue blame rebuke accusation indictment lawsuit".split()),
}

REPORTING = frozenset(
    "say tell announce declare state claim report add note explain reveal stress write tweet warn confirm comment "
    "suggest argue acknowledge predict insist remind assert affirm reiterate announcement statement declaration "
    "remark remarks".split()
)

_LOOKUP: dict[str, str] = {w: cat for cat, words in CATEGORIES.items() for w in words}


def _stems(lemma: str) -> list[str]:
    w = lemma.lower()
    out = [w]
    for suffix, repl in (("ment", ""), ("ation", "e"), ("ation", ""), ("ion", "e"), ("ion", ""), ("al", ""), ("ing", ""), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            out.append(w[: -len(suffix)] + repl)
    return out


def category_of(lemma: str, particle: str | None = None) -> str:
    """The PLOVER category of an action word ("OTHER" when none fits)."""
    keys = [f"{lemma.lower()}_{particle.lower()}"] if particle else []
    keys += _stems(lemma)
    for key in keys:
        if key in _LOOKUP:
            return _LOOKUP[key]
    return "OTHER"


def is_reporting(lemma: str) -> bool:
    """Whether the word reports speech (say, announce, warn, statement)."""
    return any(s in REPORTING for s in _stems(lemma))
