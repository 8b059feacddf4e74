"""Seeded generator of hostile inputs, and the checks every story must pass.

Used by ``tests/test_fuzz.py`` (a few hundred inputs in CI) and by
``benchmarks/fuzz.py`` (the long run). Each input is a file (name and bytes):
random bytes, mutated articles, random Unicode, HTML with broken markup,
JSON Lines with odd fields, huge/nested/unclosed quotes and dates at the
edges of the calendar. Nothing here comes from a corpus: the base articles
are written for this file.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

__all__ = ["FuzzInput", "generate", "span_problems"]

BASE_ARTICLES = (
    "Harbour Strike Ends After Nine Days\n\n"
    "PORTVALE (Wire) - Dock workers in Portvale voted on Sunday to end a nine-day strike, the union said.\n\n"
    "\u201cWe won what we came for,\u201d said Mara Lind, the union's leader. The port authority said ships would "
    "move again by Tuesday, May 8, 2018.\n\n"
    "It was not immediately clear whether the deal covers seasonal staff.\n",
    "Minister Denies Report\n\n"
    "The interior minister, Tomas Berg, denied on Monday that he had approved the contract. "
    "'I never signed it,' he told reporters in the capital. Prosecutors have not said whether charges will follow.\n\n"
    "Photo: Agency / Staff\n\nRead more: Other story headline here\n",
    "Storm Cuts Power to 30,000 Homes\n\n"
    "About 30,000 homes lost power overnight, officials said, up from 20,000 late on Friday. "
    "Crews expect to restore most lines next week. The utility, Northgrid, said the damage was \u201cextensive.\u201d\n",
)

EDGE_DATES = (
    "on 31 December 9999",
    "in the year 0",
    "on January 1, 10000",
    "in 99999999999 days",
    "on February 30, 2016",
    "on 0000-00-00",
    "99999 years ago",
    "March 45, 2016",
    "on 1 January 1",
    "the 1000000s",
    "next 999999999 weeks",
    "Q9 2016",
    "on Monday, 31 June 2019",
    "in 2147483648",
    "week 99 of 2016",
)

NOISE = ('"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "\u00ab", "\u00bb", "(", ")", "[", "]", "<", ">", "&", ";", ":", "-",
         "\u2014", "|||||", "\n", "\n\n", "\t", "\r", "\u00a0", "\u200b", "\ufeff", "\u202e", "\x0c", "Mr.", "By ", "(AP) -",
         "<!--", "<script>", "</script>", "\\", "%s", "{}", "\u0301", "\U0001f600", "\ud7ff", "\uffff")


@dataclass(frozen=True)
class FuzzInput:
    name: str  # a file name whose suffix selects the reader
    data: bytes
    kind: str  # which generator made it


def _mutate(rng: random.Random, text: str) -> str:
    chars = list(text)
    for _ in range(rng.randint(1, 25)):
        op = rng.random()
        pos = rng.randrange(len(chars) + 1)
        if op < 0.35:
            chars[pos:pos] = list(rng.choice(NOISE))
        elif op < 0.55 and chars:
            del chars[pos : pos + rng.randint(1, 40)]
        elif op < 0.75 and chars:
            seg = chars[pos : pos + rng.randint(1, 80)]
            chars[pos:pos] = seg * rng.randint(1, 6)
        elif op < 0.9:
            chars[pos:pos] = list(" " + rng.choice(EDGE_DATES) + " ")
        else:
            chars[pos:pos] = [chr(rng.randint(0x20, 0x2FFF)) for _ in range(rng.randint(1, 12))]
    return "".join(chars)


def _unicode(rng: random.Random, n: int) -> str:
    out = []
    for _ in range(n):
        r = rng.random()
        if r < 0.6:
            out.append(rng.choice("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ.,;\n\"'"))
        elif r < 0.9:
            out.append(chr(rng.randint(0xA0, 0xD7FF)))
        else:
            out.append(chr(rng.randint(0xE000, 0x10FFFF)))
    return "".join(out)


def _quotes(rng: random.Random) -> str:
    depth = rng.randint(1, 60)
    opener = rng.choice(['"', "\u201c", "'", "\u00ab"])
    inner = " ".join(rng.choice(["said", "he", "Lind", "never", "\u201d", '"', "told", "Berg", "."]) for _ in range(rng.randint(3, 200)))
    return ("Lind said " + opener) * depth + inner + rng.choice(['"', "\u201d", ""]) * rng.randint(0, depth)


def _caps(rng: random.Random) -> str:
    word = rng.choice(["Xaand", "Mr", "The", "Of", "Said", "New", "Reuters"])
    return "By " + " ".join([word] * rng.randint(10, 400)) + rng.choice(["!", ".", "", " and"])


def _html(rng: random.Random) -> str:
    body = rng.choice(BASE_ARTICLES).replace("\n\n", "</p><p>")
    tags = ["<div>", "</div>", "<p>", "<b>", "<script>alert(1)</script>", "<!--", "-->", "<table><tr><td>", "<a href='javascript:x()'>",
            "<meta name='date' content='0000-00-00'>", "<title>" + rng.choice(EDGE_DATES) + "</title>", "<img onerror=alert(1) src=x>"]
    parts = [rng.choice(["<html><body>", "<html>", "", "<!DOCTYPE html><html><head>"])]
    for piece in body.split(" "):
        parts.append(piece)
        if rng.random() < 0.1:
            parts.append(rng.choice(tags))
    return " ".join(parts)


def _jsonl(rng: random.Random) -> str:
    lines = []
    for _ in range(rng.randint(1, 4)):
        obj: dict[str, Any] = {"text": _mutate(rng, rng.choice(BASE_ARTICLES))}
        if rng.random() < 0.6:
            obj["published"] = rng.choice(["0000-01-01", "9999-12-31", "10000-01-01", "2016-02-30", "2016-03-14T99:99", "", "yesterday", 20160314])
        if rng.random() < 0.4:
            obj["title"] = rng.choice([None, 7, "<script>x</script>", _unicode(rng, 20)])
        if rng.random() < 0.3:
            obj["source"] = rng.choice(["=HYPERLINK(1)", None, ["a"], _unicode(rng, 8)])
        if rng.random() < 0.3:
            obj["url"] = rng.choice(["javascript:alert(1)", "data:text/html,x", "http://example.com/a", 5])
        lines.append(json.dumps(obj) if rng.random() > 0.1 else json.dumps(obj)[: rng.randint(1, 30)])
    return "\n".join(lines) + "\n"


def generate(seed: int, count: int) -> Iterator[FuzzInput]:
    """``count`` inputs, the same for the same seed."""
    rng = random.Random(seed)
    makers = ("bytes", "mutated", "unicode", "quotes", "caps", "html", "jsonl", "cluster", "dates")
    for i in range(count):
        kind = makers[i % len(makers)]
        if kind == "bytes":
            data = bytes(rng.randrange(256) for _ in range(rng.randint(0, 3000)))
            yield FuzzInput(f"f{i}.txt", data, kind)
            continue
        if kind == "mutated":
            text = _mutate(rng, rng.choice(BASE_ARTICLES))
        elif kind == "unicode":
            text = _unicode(rng, rng.randint(1, 3000))
        elif kind == "quotes":
            text = rng.choice(BASE_ARTICLES) + "\n\n" + _quotes(rng)
        elif kind == "caps":
            text = _caps(rng) + "\n\n" + rng.choice(BASE_ARTICLES)
        elif kind == "html":
            yield FuzzInput(f"f{i}.html", _html(rng).encode("utf-8", "surrogatepass"), kind)
            continue
        elif kind == "jsonl":
            yield FuzzInput(f"f{i}.jsonl", _jsonl(rng).encode("utf-8", "surrogatepass"), kind)
            continue
        elif kind == "cluster":
            text = " ||||| ".join(_mutate(rng, a) for a in rng.sample(BASE_ARTICLES, k=rng.randint(1, 3)))
        else:
            text = " ".join(rng.choice(EDGE_DATES) + rng.choice([".", ",", " the union said."]) for _ in range(rng.randint(1, 30)))
            text = rng.choice(BASE_ARTICLES) + "\n\n" + text
        yield FuzzInput(f"f{i}.txt", text.encode("utf-8", "surrogatepass"), kind)


def span_problems(story: dict[str, Any]) -> list[str]:
    """Every offset span in a story.json dict that does not reproduce its text."""
    docs = {d["id"]: d["text"] for d in story.get("documents", [])}
    problems: list[str] = []

    def walk(item: Any, path: str) -> None:
        if isinstance(item, dict):
            if item.get("doc") in docs and isinstance(item.get("start"), int) and isinstance(item.get("end"), int):
                text = docs[item["doc"]]
                if not 0 <= item["start"] <= item["end"] <= len(text):
                    problems.append(f"{path}: span {item['start']}-{item['end']} outside document {item['doc']}")
                elif isinstance(item.get("text"), str) and text[item["start"] : item["end"]] != item["text"]:
                    problems.append(f"{path}: span {item['start']}-{item['end']} does not reproduce {item['text'][:40]!r}")
            for key, value in item.items():
                if key != "documents":
                    walk(value, f"{path}.{key}")
        elif isinstance(item, list):
            for i, value in enumerate(item):
                walk(value, f"{path}[{i}]")

    walk(story, "story")
    for d in story.get("documents", []):
        for i, block in enumerate(d.get("blocks", [])):
            if d["text"][block["start"] : block["end"]] != block["text"]:
                problems.append(f"documents[{d['id']}].blocks[{i}] does not reproduce its text")
    return problems


@dataclass
class FuzzResult:
    name: str
    kind: str
    seconds: float
    crash: str | None = None  # an exception outside the StorylineError family
    problems: tuple[str, ...] = ()  # spans that do not reproduce, schema violations


def run_inputs(inputs: list[FuzzInput], folder: str, render: bool = True) -> list[FuzzResult]:
    """Each input through ``build_story`` (models loaded once) and every renderer; what went wrong."""
    import time
    import traceback
    from pathlib import Path

    import jsonschema

    from storyline.api import build_story
    from storyline.errors import StorylineError
    from storyline.pipeline import Context
    from storyline.render import render_html, render_markdown
    from storyline.render.json import story_dict, story_schema
    from storyline.settings import load_options

    options = load_options()
    ctx = Context(options)
    validator = jsonschema.Draft202012Validator(story_schema())
    results: list[FuzzResult] = []
    for item in inputs:
        path = Path(folder) / item.name
        path.write_bytes(item.data)
        t0 = time.process_time()  # CPU seconds: a loaded machine does not make an input look hung
        crash: str | None = None
        problems: list[str] = []
        try:
            fresh = Context(options)
            fresh.set_nlp(ctx.nlp)
            story = build_story([path], options, fresh)
            data = story_dict(story)
            problems += span_problems(data)
            problems += [f"schema: {e.message[:120]}" for e in validator.iter_errors(data)]
            if render:
                render_html(story)
                render_markdown(story)
        except StorylineError:
            pass
        except Exception as exc:
            crash = f"{type(exc).__name__}: {exc} @ {traceback.extract_tb(exc.__traceback__)[-1].filename.rsplit('/', 1)[-1]}"
        results.append(FuzzResult(item.name, item.kind, time.process_time() - t0, crash, tuple(problems)))
        path.unlink()
    return results
