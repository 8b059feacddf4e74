"""story.html: one self-contained page (no external assets), made from a Jinja2 template.

The template (``assets/report.html.j2``) is autoescaped: every text from
an article, a file name or a setting is escaped, links are made only from
``http``/``https`` addresses, and the JSON embedded in the page has ``<``,
``>`` and ``&`` written as ``\\u003c``-style escapes so no text can open a
comment or close the script element.

Every cited span is a link; clicking it scrolls to the source paragraph and
highlights the exact characters (the page's small script). The timeline and
the actor graph are SVG laid out in Python (:mod:`.charts`), so they draw
without a script, print, and every mark is a keyboard-focusable link.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from ..models import Span, Story
from ..text import collapse_ws
from .charts import GROUP_LABELS, MAX_GRAPH_NODES, graph_layout, timeline_layout
from .view import AGREEMENT_CONFIDENCE, ReportView, build_view, published_label, safe_url

__all__ = ["MAX_GRAPH_NODES", "json_for_html", "render_html"]

#: the smallest an SVG chart is drawn, as a share of its layout width (below it, it scrolls in its box):
#: keeps its 14-unit text at 12 px or more
SVG_MIN_SCALE = 0.87
SNIPPET_CHARS = 300


def json_for_html(obj: object) -> Markup:
    """JSON safe inside ``<script type="application/json">``: no ``<``, ``>``, ``&`` or line separators left raw."""
    text = json.dumps(obj, ensure_ascii=False, sort_keys=False)
    for raw, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, esc)
    return Markup(text)


@cache
def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("storyline.render", "assets"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=False,
        lstrip_blocks=False,
        keep_trailing_newline=True,
    )
    return env


# The template is compiled to Python code once per process; done here, with the import of the rest of
# storyline's code, rather than inside the first report's rendering (about 0.05 s CPU).
_env().get_template("report.html.j2")


def _asset(name: str) -> str:
    return resources.files("storyline.render").joinpath("assets", name).read_text(encoding="utf-8")


def _inert_css(text: str) -> Markup:
    return Markup(text.replace("</", "<\\/"))


def _as_span(item: Any) -> Span:
    return Span(doc=item.doc, start=item.start, end=item.end)


def _unique_spans(spans: list[Span]) -> list[Span]:
    seen: set[tuple[str, int, int]] = set()
    out = []
    for s in spans:
        key = (s.doc, s.start, s.end)
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out


def _labelled(view: ReportView) -> Any:
    def labelled(spans: list[Span]) -> list[tuple[Span, str]]:
        """Distinct spans with their chip labels: a second span of one source reads "Outlet 2"."""
        seen: dict[str, int] = {}
        out = []
        for s in _unique_spans(spans):
            seen[s.doc] = seen.get(s.doc, 0) + 1
            label = view.cite(s)
            out.append((s, label if seen[s.doc] == 1 else f"{label} {seen[s.doc]}"))
        return out

    return labelled


def _host(url: str) -> str:
    return urlsplit(url).netloc or url


def _nav(view: ReportView) -> list[tuple[str, str]]:
    story = view.story
    compared = story.agreements or story.divergences or story.questions or (view.unique_claims and len(story.documents) > 1)
    items = [("brief", "Brief", story.summary), ("timeline-sec", "Timeline", story.events), ("actors", "Actors", story.actors),
             ("quotes", "Who said what", story.quotes), ("compared", "Sources compared", compared),
             ("sources", "Sources", story.documents), ("skipped", "Skipped", story.skipped)]  # fmt: skip
    return [(anchor, title) for anchor, title, have in items if have]


def render_html(story: Story) -> str:
    from .. import __version__

    view = build_view(story)
    names = view.actor_names
    tl = timeline_layout(view.dated_events, names)
    gr = graph_layout(story)

    def snippet(span: Span, n: int = SNIPPET_CHARS) -> str:
        text = collapse_ws(view.text(span))
        return text if len(text) <= n else text[: n - 1] + "…"

    points = [
        {"id": e.id, "date": e.date, "who": view.actor_name(e.who), "text": collapse_ws(e.text)[:120], "cat": e.category, "mod": e.modality}
        for e in view.dated_events
    ]
    graph = {
        "nodes": [{"id": nd.id, "name": nd.name, "kind": nd.kind, "mentions": nd.mentions} for nd in (gr.nodes if gr else [])],
        "edges": [{"id": e.id, "source": e.source, "target": e.target, "types": e.types} for e in (gr.edges if gr else [])],
    }
    assert view.overview is not None
    return _env().get_template("report.html.j2").render(
        story=story,
        view=view,
        ov=view.overview,
        n=len(story.documents),
        nav=_nav(view),
        tl=tl,
        gr=gr,
        group_labels=GROUP_LABELS,
        svg_min=SVG_MIN_SCALE,
        version=__version__,
        css=_inert_css(_asset("report.css")),
        js=_inert_css(_asset("report.js")),
        timeline_json=json_for_html(points),
        graph_json=json_for_html(graph),
        snippet=snippet,
        as_span=_as_span,
        labelled_spans=_labelled(view),
        name=view.actor_name,
        host=_host,
        safe_url=safe_url,
        published=published_label,
        agreement_confidence=AGREEMENT_CONFIDENCE,
    )
