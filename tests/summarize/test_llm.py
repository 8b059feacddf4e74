"""The LLM rewrite: a client for OpenAI-compatible endpoints that checks every sentence.

No local LLM server could be installed from the registries here, so the
client is tested against a recorded (hand-written) exchange served by a
loopback HTTP server; the request the client sends is checked too.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from storyline.models import Document, Span, Story, SummarySentence
from storyline.summarize.llm import ChatEndpoint, check_support, parse_reply, rewrite_brief

EXCHANGE = json.loads((Path(__file__).parent / "data" / "llm_exchange.json").read_text(encoding="utf-8"))

TEXT_A = (
    "The river burst its banks on Tuesday and flooded the coastal town of Westport, forcing 2,000 residents to leave their homes. "
    "Emergency crews rescued 40 people from rooftops overnight. "
    "The mayor said the town would need months to recover from the damage."
)
TEXT_B = "Some 2,000 residents of Westport were forced to leave their homes on Tuesday after the river burst its banks."


def _span(doc: str, text: str, piece: str) -> Span:
    start = text.index(piece)
    return Span(doc=doc, start=start, end=start + len(piece), text=piece)


def _story_and_brief() -> tuple[Story, list[SummarySentence]]:
    story = Story(documents=[Document(id="d1", text=TEXT_A, source="Daily"), Document(id="d2", text=TEXT_B, source="Wire")])
    s1 = _span("d1", TEXT_A, TEXT_A.split(". ")[0] + ".")
    s2 = _span("d2", TEXT_B, TEXT_B)
    s3 = _span("d1", TEXT_A, "Emergency crews rescued 40 people from rooftops overnight.")
    s4 = _span("d1", TEXT_A, "The mayor said the town would need months to recover from the damage.")
    brief = [SummarySentence(text=s1.text or "", sources=[s1, s2]), SummarySentence(text=s3.text or "", sources=[s3]),
             SummarySentence(text=s4.text or "", sources=[s4])]
    return story, brief


class _Handler(BaseHTTPRequestHandler):
    requests: ClassVar[list[dict]] = []
    response: dict | None = None  # set by a test to answer something else than the recorded reply

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        _Handler.requests.append({"path": self.path, "body": json.loads(body)})
        data = json.dumps(_Handler.response if _Handler.response is not None else EXCHANGE["response"]).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def server() -> Iterator[str]:
    httpd = HTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/v1?model=tiny"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_endpoint_url_forms() -> None:
    assert ChatEndpoint.from_url("http://h:8080").url == "http://h:8080/v1/chat/completions"
    assert ChatEndpoint.from_url("http://h:8080/v1/").url == "http://h:8080/v1/chat/completions"
    ep = ChatEndpoint.from_url("http://h:11434/v1/chat/completions?model=llama3.2")
    assert ep.url == "http://h:11434/v1/chat/completions" and ep.model == "llama3.2"


def test_parse_reply_splits_sentences_and_citations() -> None:
    parsed = parse_reply("A fell [1][2]. B rose [3, 4]. C stayed.")
    assert parsed == [("A fell.", [1, 2]), ("B rose.", [3, 4]), ("C stayed.", [])]


def test_check_support_catches_numbers_and_names() -> None:
    src = ["Emergency crews rescued 40 people from rooftops overnight."]
    assert check_support("Crews rescued 40 people from rooftops.", src).verdict == "keep"
    bad = check_support("Crews rescued 400 people from rooftops.", src)
    assert bad.verdict == "drop" and bad.hard_missing == ["400"]
    assert check_support("Crews in Boston rescued 40 people.", src).verdict == "drop"


def test_rewrite_keeps_only_supported_sentences(server: str) -> None:
    _Handler.requests.clear()
    story, brief = _story_and_brief()
    out = rewrite_brief(story, brief, server, 120)
    texts = [s.text for s in out]
    assert texts[0].startswith("Floods forced 2,000 residents")
    assert {sp.doc for sp in out[0].sources} == {"d1", "d2"} and out[0].flag is None
    assert not any("400" in t or "climate" in t or "hopeful" in t for t in texts)
    partly = [s for s in out if s.flag]
    assert partly and "money" in (partly[0].flag or "")
    for s in out:
        for sp in s.sources:
            assert story.doc(sp.doc).text[sp.start : sp.end] == sp.text
    sent = _Handler.requests[0]
    assert sent["path"] == "/v1/chat/completions" and sent["body"]["model"] == "tiny"
    user = sent["body"]["messages"][1]["content"]
    assert "[1] (Daily)" in user and "[2] (Wire)" in user and "[4]" in user


def test_unreachable_endpoint_keeps_extractive_brief() -> None:
    story, brief = _story_and_brief()
    out = rewrite_brief(story, brief, "http://127.0.0.1:9/v1", 120, ChatEndpoint("http://127.0.0.1:9/v1/chat/completions", timeout=2))
    assert out == brief


def test_malformed_reply_is_a_service_error_and_keeps_extractive_brief(server: str) -> None:
    from storyline.errors import ServiceError

    _Handler.response = {"error": "model not loaded"}
    try:
        endpoint = ChatEndpoint.from_url(server)
        with pytest.raises(ServiceError) as exc:
            endpoint.chat("system", "user")
        assert endpoint.url in str(exc.value) and "choices" in str(exc.value)
        story, brief = _story_and_brief()
        assert rewrite_brief(story, brief, server, 120, endpoint) == brief
    finally:
        _Handler.response = None


def test_stage_with_llm_url_checks_the_rewrite(server: str, parsed, options) -> None:
    from dataclasses import replace

    from storyline.pipeline import run_pipeline

    from .test_stage import DOC_A, DOC_B

    story, ctx = parsed([DOC_A, DOC_B])
    ctx.options = replace(options, llm_url=server)
    story = run_pipeline(story, ctx, ["summarize"])
    assert story.summary
    for s in story.summary:
        assert s.sources and "climate" not in s.text and "hopeful" not in s.text
        for sp in s.sources:
            assert story.doc(sp.doc).text[sp.start : sp.end] == sp.text
