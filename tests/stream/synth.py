"""A synthetic news stream written for the tests: made-up places and people, hand-written sentence frames."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

FRAMES = [
    "Officials in {place} said {person} would meet {group} leaders on {day} to discuss the {thing}.",
    "The {thing} in {place} has drawn crowds, and {person} promised answers within {n} days.",
    "{person} told reporters that {group} had rejected the plan for the {thing} near {place}.",
    "Residents of {place} counted {n} damaged homes after the {thing}, according to {group}.",
    "A spokesman for {group} said {person} had not yet signed the {thing} agreement.",
    "Police in {place} closed two roads while {group} inspected the {thing} on {day}.",
]
LINKS = [
    "The {0} of the {1} left {2} and {3} in doubt.",
    "{0} and {1} were named by the {2} inquiry into {3}.",
    "Critics blamed the {0} for the {1}, while others pointed to {2} and {3}.",
    "Without the {0}, the {1} cannot reach {2} before {3}.",
    "Engineers from {0} checked the {1} and the {2} at {3}.",
    "Families near {0} asked why {1} and {2} ignored the {3}.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
THINGS = ["flood", "strike", "bridge collapse", "election recount", "factory fire", "water shortage", "rail merger", "port blockade"]
SYLLABLES = ["kal", "vor", "mes", "tin", "dra", "bel", "orn", "quist", "lun", "zar", "pev", "hol", "gri", "tam", "sek", "wyn"]


def made_up_name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()


def topic(rng: random.Random) -> dict[str, str]:
    words = [made_up_name(rng).lower() for _ in range(10)]
    return {
        "words": " ".join(words),
        "place": made_up_name(rng),
        "person": f"{made_up_name(rng)} {made_up_name(rng)}",
        "group": f"the {made_up_name(rng)} Council",
        "thing": rng.choice(THINGS),
        "n": str(rng.randint(3, 400)),
    }


def article(rng: random.Random, t: dict[str, str], sentences: int = 2) -> str:
    """Two frame sentences and three sentences of the story's own (made-up) vocabulary."""
    frames = rng.sample(FRAMES, sentences)
    out = [f.format(day=rng.choice(DAYS), **t) for f in frames]
    words = t["words"].split()
    for _ in range(3):
        w = rng.sample(words, 4)
        out.append(rng.choice(LINKS).format(*w))
    rng.shuffle(out)
    return " ".join(out)


def stream(n_stories: int, per_story: int = 3, seed: int = 7, hours_apart: float = 6.0) -> list[dict[str, str]]:
    """Articles of ``n_stories`` stories, each story's articles within a day, stories starting ``hours_apart`` apart."""
    rng = random.Random(seed)
    start = datetime(2030, 1, 1, tzinfo=UTC)
    rows = []
    for k in range(n_stories):
        t = topic(rng)
        begin = start + timedelta(hours=k * hours_apart)
        for i in range(per_story):
            when = begin + timedelta(hours=rng.uniform(0, 24))
            rows.append({"id": f"a{k}-{i}", "gold": f"g{k}", "published": when.strftime("%Y-%m-%dT%H:%M:%SZ"), "text": article(rng, t)})
    rows.sort(key=lambda r: (r["published"], r["id"]))
    return rows
