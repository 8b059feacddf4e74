"""story.html and story.md in a real browser (headless Chromium, Debian's ``chromium`` package).

* layout: the bundled example and the dev stories at 1400 and 400 px: nothing
  wider than the viewport, no text under 12 px (SVG text measured at its drawn
  scale), and at 1400 px the header, the sources table and the start of the
  brief in the first screen;
* hostile text: payloads in titles, bodies, quotes, outlets, file names and
  URLs run nothing, in story.html and in story.md rendered by a CommonMark
  renderer, and every section is still there.

Skipped with the reason when no Chromium is installed (``.ci/run`` installs it).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from storyline.models import (
    Actor,
    Agreement,
    Block,
    Divergence,
    Document,
    Event,
    Mention,
    Position,
    PublishedRange,
    Question,
    Quote,
    Relation,
    Skipped,
    Span,
    Story,
    SummarySentence,
)
from storyline.render import render_html, render_markdown

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
EXAMPLE = ROOT / "examples" / "syria-2016"
DEV = ["val-101", "val-1397", "val-2986"]

CHROMIUM = next((p for p in (os.environ.get("STORYLINE_CHROMIUM"), shutil.which("chromium"), shutil.which("chromium-browser")) if p), None)
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", "--hide-scrollbars", "--mute-audio", "--disable-extensions"]  # fmt: skip

needs_browser = pytest.mark.skipif(CHROMIUM is None, reason="no chromium installed (apt-get install chromium; .ci/run does it)")

# Appended after the page: measures it and writes the figures into the DOM. If a payload had opened a comment
# or a script element that swallowed the rest of the page, this never runs and the figures are missing.
PROBE = """<script>(function(){
var de=document.documentElement,small=[],w=document.createTreeWalker(document.body,NodeFilter.SHOW_TEXT),n;
while((n=w.nextNode())){
 if(!n.textContent.trim()){continue;}var el=n.parentElement;if(!el||el.closest("script,style,title,desc,noscript")){continue;}
 if(!el.getClientRects().length){continue;}var cs=getComputedStyle(el);if(cs.visibility==="hidden"){continue;}
 var fs=parseFloat(cs.fontSize),svg=el.closest("svg");
 if(svg&&svg.viewBox&&svg.viewBox.baseVal&&svg.viewBox.baseVal.width){fs*=svg.getBoundingClientRect().width/svg.viewBox.baseVal.width;}
 if(fs<11.95){small.push(el.tagName+" "+fs.toFixed(1)+"px: "+n.textContent.trim().slice(0,40));}
}
function box(id){var e=document.getElementById(id);if(!e){return null;}var r=e.getBoundingClientRect();return [r.top+scrollY,r.bottom+scrollY];}
var bad=[];document.querySelectorAll("*").forEach(function(e){for(var i=0;i<e.attributes.length;i++){var a=e.attributes[i];
 if(/^on/i.test(a.name)){bad.push(e.tagName+" "+a.name);}
 if(/^(href|src|action|formaction|xlink:href|data)$/i.test(a.name)&&/^\\s*(javascript|data|vbscript):/i.test(a.value)){bad.push(e.tagName+" "+a.name+"="+a.value.slice(0,30));}}});
var out={vw:innerWidth,vh:innerHeight,dw:de.scrollWidth,small:small.slice(0,15),nsmall:small.length,
 header:box("top"),table:box("sources-table"),brief:box("brief"),pwned:!!window.__pwned||de.hasAttribute("data-pwned"),
 scripts:document.scripts.length,bad:bad.slice(0,10),ids:Array.from(document.querySelectorAll("[id]")).map(function(e){return e.id;}),
 footer:!!document.querySelector("footer"),text:document.body.innerText.length};
var host=parent.document,p=host.createElement("pre");p.className="probe-out";p.textContent=JSON.stringify(out);host.body.appendChild(p);
})();</script>"""


def probe_widths(html: str, tmp: Path, widths: tuple[int, ...], height: int = 900) -> dict[int, dict]:
    """Load ``html`` in headless Chromium in one ``width`` x ``height`` viewport per width; the probe's figures by width.

    Headless windows are at least 500 px wide, so the page is loaded in frames of the exact sizes
    (``srcdoc``: same origin, so the probe can report to the host page), all in one browser run.
    """
    import html as html_mod

    page = tmp / "page.html"
    frame = html_mod.escape(html + PROBE, quote=True)
    frames = "".join(f'<iframe style="border:0;display:block;width:{w}px;height:{height}px" srcdoc="{frame}"></iframe>' for w in widths)
    page.write_text(f'<!DOCTYPE html><html><body style="margin:0">{frames}</body></html>', encoding="utf-8")
    run = subprocess.run(
        [CHROMIUM, *FLAGS, f"--window-size={max(*widths, 500) + 20},{height + 20}", f"--user-data-dir={tmp / 'profile'}",
         "--virtual-time-budget=3000", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    found = {}
    for raw in run.stdout.split('<pre class="probe-out">')[1:]:
        m = json.loads(html_mod.unescape(raw.split("</pre>", 1)[0]))
        found[m["vw"]] = m
    assert len(found) == len(widths), f"the probe did not run in every frame (page swallowed or browser failed): {run.stderr[-500:]}"
    return found


def probe(html: str, tmp: Path, width: int, height: int = 900) -> dict:
    """The probe's figures for one viewport width."""
    return probe_widths(html, tmp, (width,), height)[width]


def check_layout(story_html: str, tmp: Path, label: str) -> None:
    figures = probe_widths(story_html, tmp, (1400, 400))
    for width in (1400, 400):
        m = figures.get(width)
        assert m is not None, f"{label}: the browser did not use a {width}-px viewport ({list(figures)})"
        assert m["dw"] <= m["vw"], f"{label} at {width} px: document {m['dw']} px wide"
        assert m["nsmall"] == 0, f"{label} at {width} px: {m['nsmall']} texts under 12 px, e.g. {m['small']}"
        if width == 1400:
            assert m["header"] and m["table"] and m["brief"], f"{label}: header, sources table or brief missing"
            assert m["header"][1] <= m["vh"] and m["table"][1] <= m["vh"], f"{label}: header or sources table below the first screen {m}"
            assert m["brief"][0] + 60 <= m["vh"], f"{label}: the brief does not start in the first screen ({m['brief']})"


@pytest.fixture(scope="module")
def build(options, nlp):  # type: ignore[no-untyped-def]
    from storyline.api import build_story
    from storyline.pipeline import Context

    def run(path: Path) -> Story:
        ctx = Context(options)
        ctx.set_nlp(nlp)
        return build_story(path, options, ctx)

    return run


@needs_browser
def test_example_renders_within_the_viewport(build, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    check_layout(render_html(build(EXAMPLE)), tmp_path, "example")


@needs_browser
@pytest.mark.skipif(not (SHARED / "gold" / "dev").is_dir(), reason="../shared (the dev stories) is not available")
@pytest.mark.parametrize("story_id", DEV)
def test_dev_story_renders_within_the_viewport(build, tmp_path: Path, story_id: str) -> None:  # type: ignore[no-untyped-def]
    check_layout(render_html(build(SHARED / "gold" / "dev" / story_id)), tmp_path, story_id)


# -- hostile text ------------------------------------------------------------------------------------------

PAYLOADS = [
    "<script>window.__pwned=1</script>",
    "<img src=x onerror=\"window.__pwned=1\">",
    "</script><script>window.__pwned=1</script>",
    "<!--<script>",
    "\"><svg onload=window.__pwned=1>",
    "[click](javascript:window.__pwned=1) ![x](javascript:window.__pwned=1)",
    "<a href=\"javascript:window.__pwned=1\">link</a> &lt;b&gt; `code` *em* | cell |",
    "<iframe srcdoc=\"<script>parent.__pwned=1</script>\"></iframe>",
    "<style>body{display:none}</style>",
]


def hostile_story() -> Story:
    """Every text field a report prints carries a payload; spans still reproduce their text."""
    body = "\n\n".join(f"Paragraph {i} says {p} and goes on for a few words." for i, p in enumerate(PAYLOADS))
    text = f"{PAYLOADS[2]} Headline\n\n{body}\n"
    docs = []
    for i, (src, url) in enumerate([(PAYLOADS[1], "javascript:window.__pwned=1"), (PAYLOADS[4], "data:text/html,<script>window.__pwned=1</script>"),
                                    ("<!--", "https://example.org/a?x=<script>")], 1):  # fmt: skip
        blocks = []
        pos = 0
        for part in text.split("\n\n"):
            start = text.index(part, pos)
            blocks.append(Block(kind="title" if not blocks else "body", start=start, end=start + len(part.rstrip("\n")), text=part.rstrip("\n")))
            pos = start + len(part)
        docs.append(Document(id=f"d{i}", file=f"{PAYLOADS[0]}{i}.txt", source=src, url=url, title=PAYLOADS[2] + " headline", dek=PAYLOADS[3],
                             published=PublishedRange(), text=text, blocks=blocks, paragraphs=[b.text for b in blocks[1:]],
                             captions=[PAYLOADS[6]]))  # fmt: skip
    story = Story(documents=docs)

    def span(doc: str, needle: str) -> Span:
        i = text.index(needle)
        return Span(doc=doc, start=i, end=i + len(needle))

    p = [span("d1", x) for x in PAYLOADS]
    story.actors = [
        Actor(id="a1", name=PAYLOADS[0], kind="person", role=PAYLOADS[3], aliases=[PAYLOADS[1]], mentions=[Mention(doc="d1", start=p[0].start, end=p[0].end, text=PAYLOADS[0])]),
        Actor(id="a2", name=PAYLOADS[2], kind="country", country="<b>", mentions=[Mention(doc="d1", start=p[2].start, end=p[2].end, text=PAYLOADS[2])]),
    ]  # fmt: skip
    story.relations = [Relation(source="a1", target="a2", type="opposes", weight=1.0, evidence=[p[3]]),
                       Relation(source="a2", target="a1", type="supports", weight=2.0, evidence=[p[4]])]  # fmt: skip
    story.events = [Event(id="e1", date="2024-02-03", who="a1", whom="a2", category=PAYLOADS[5], text=PAYLOADS[3], evidence=[p[3]]),
                    Event(id="e2", who="a2", text=PAYLOADS[6], modality="negated", evidence=[p[6]])]  # fmt: skip
    story.quotes = [Quote(speaker="a1", cue=PAYLOADS[1], text=PAYLOADS[4], doc="d1", start=p[4].start, end=p[4].end),
                    Quote(text=PAYLOADS[7], doc="d2", start=p[7].start, end=p[7].end)]  # fmt: skip
    story.agreements = [Agreement(claim=PAYLOADS[8], evidence=[p[8], span("d2", PAYLOADS[8])], confidence=0.5)]
    story.divergences = [Divergence(topic=PAYLOADS[5], positions=[Position(doc="d1", start=p[5].start, end=p[5].end), Position(doc="d3", start=p[6].start, end=p[6].end)])]
    story.questions = [Question(doc="d1", start=p[1].start, end=p[1].end, text=PAYLOADS[1], answers=[p[2]])]
    story.summary = [SummarySentence(text=PAYLOADS[0] + PAYLOADS[3], sources=[p[0]], flag=PAYLOADS[1])]
    story.skipped = [Skipped(input=PAYLOADS[0] + ".txt", problem=PAYLOADS[1])]
    return story


SECTIONS = ["top", "sources-table", "brief", "timeline-sec", "actors", "quotes", "compared", "sources", "skipped", "d1", "d2", "d3"]


@needs_browser
def test_hostile_text_runs_nothing_in_html(tmp_path: Path) -> None:
    page = render_html(hostile_story())
    m = probe(page, tmp_path, 1000)
    assert not m["pwned"], "a payload ran"
    assert m["bad"] == [], f"event handlers or script URLs in the DOM: {m['bad']}"
    assert m["scripts"] == 4, "only the page's own script, its two JSON blocks and the probe"  # report.js, 2 JSON, probe
    missing = [s for s in SECTIONS if s not in m["ids"]]
    assert not missing, f"sections lost: {missing}"
    assert m["footer"]


@needs_browser
def test_hostile_text_runs_nothing_in_markdown(tmp_path: Path) -> None:
    markdown_it = pytest.importorskip("markdown_it", reason="markdown-it-py (a test dependency) is not installed")
    md = render_markdown(hostile_story())
    html = markdown_it.MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough").render(md)
    m = probe(f"<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>{html}</body></html>", tmp_path, 1000)
    assert not m["pwned"], "a payload ran"
    assert m["bad"] == [], f"event handlers or script URLs in the DOM: {m['bad']}"
    assert m["scripts"] == 1, "no script but the probe"
    for heading in ("Brief", "Actors", "Timeline", "Who said what", "Sources compared", "Sources", "Skipped inputs"):
        assert f"<h2>{heading}</h2>" in html
    assert all(f'id="src-d{i}"' in html for i in (1, 2, 3))
