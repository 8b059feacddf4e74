"""Optional abstractive brief: rewrite through an OpenAI-compatible chat endpoint.

The extractive brief's source spans are numbered and sent to the endpoint
(llama.cpp server, Ollama, vLLM, anything speaking ``/v1/chat/completions``)
with the instruction to write a short brief whose every sentence ends with
the numbers of the spans that support it, ``[1][3]``. Nothing that comes
back is trusted: each generated sentence is checked against the spans it
cites (:func:`check_support`). A sentence with no valid citation, or with a
number or a name its sources do not hold, or whose content words are
mostly absent from them, is dropped; one that is mostly but not wholly
supported is kept with a ``flag``. If the endpoint fails or nothing
survives, the extractive brief is returned unchanged.

The model name can be given in the URL's query: ``http://host:11434/v1?model=llama3.2``
(default ``default``, which llama.cpp's server accepts).
"""

from __future__ import annotations

import json
import logging
import re
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit, urlunsplit

from spacy.lang.en.stop_words import STOP_WORDS

from ..errors import ServiceError
from ..models import Span, Story, SummarySentence
from ..settings import tuned
from ..text import plain

__all__ = ["ChatEndpoint", "SupportCheck", "check_support", "parse_reply", "rewrite_brief"]

log = logging.getLogger(__name__)

SYSTEM_PROMPT = (
    "You write the brief of a news situation report. Use only facts stated in the numbered source sentences. "
    "Write at most {words} words of plain prose, one fact per sentence, no headings, no lists. "
    "End every sentence with the numbers of ALL the source sentences that state its facts, in brackets, like [1][4]. "
    "Never add a fact, number, name or opinion that the cited sources do not state."
)

_CITE = re.compile(r"\[(\d+(?:\s*[,;]\s*\d+)*)\]")
_SENT = re.compile(r"(?<=[.!?])(?:\s*\[\d+(?:\s*[,;]\s*\d+)*\])*\s+(?=[A-Z\"'(])")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*|\d[\d,.]*")
_KEEP = tuned("summarize", "llm_keep")  # share of supported content words for an unflagged sentence
_FLAG = tuned("summarize", "llm_flag")  # below this share a sentence is dropped


@dataclass
class ChatEndpoint:
    """Where and how to call the chat completions API."""

    url: str
    model: str = "default"
    timeout: float = 120.0

    @classmethod
    def from_url(cls, url: str, timeout: float = 120.0) -> ChatEndpoint:
        parts = urlsplit(url)
        model = parse_qs(parts.query).get("model", ["default"])[0]
        path = parts.path.rstrip("/")
        if not path.endswith("/chat/completions"):
            path = (path if path.endswith("/v1") else path + "/v1") + "/chat/completions"
        return cls(urlunsplit((parts.scheme, parts.netloc, path, "", "")), model, timeout)

    def chat(self, system: str, user: str) -> str:
        """The assistant's reply text. Raises ServiceError (with the URL) on any failure."""
        body = {
            "model": self.model,
            "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}],
            "temperature": 0.0,
        }
        req = urllib.request.Request(self.url, data=json.dumps(body).encode("utf-8"), headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                data = json.loads(resp.read().decode("utf-8"))
        except OSError as exc:  # URLError, HTTPError and timeouts are OSErrors
            raise ServiceError(self.url, f"request failed ({exc})") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ServiceError(self.url, f"reply is not JSON ({exc})") from None
        try:
            return str(data["choices"][0]["message"]["content"])
        except (KeyError, IndexError, TypeError):
            raise ServiceError(self.url, "reply has no choices[0].message.content") from None


@dataclass
class SupportCheck:
    """How well one generated sentence is supported by the spans it cites."""

    share: float
    missing: list[str] = field(default_factory=list)  # content words not found in the sources
    hard_missing: list[str] = field(default_factory=list)  # numbers and names not found

    @property
    def verdict(self) -> str:
        if self.hard_missing or self.share < _FLAG:
            return "drop"
        return "keep" if self.share >= _KEEP else "flag"


def _stem(word: str) -> str:
    return word.lower().strip("'-")[:5]


def _number(word: str) -> str:
    return word.replace(",", "").rstrip(".")


def check_support(sentence: str, sources: list[str]) -> SupportCheck:
    """Which content words, numbers and names of ``sentence`` its sources hold."""
    src_words = _WORD.findall(plain(" ".join(sources)))
    stems = {_stem(w) for w in src_words}
    numbers = {_number(w) for w in src_words if w[0].isdigit()}
    words = _WORD.findall(plain(sentence))
    content = [w for i, w in enumerate(words) if (w.lower() not in STOP_WORDS and len(w) > 2) or w[0].isdigit()]
    if not content:
        return SupportCheck(0.0)
    missing, hard = [], []
    for i, w in enumerate(words):
        if w not in content:
            continue
        if w[0].isdigit():
            if _number(w) not in numbers:
                hard.append(w)
            continue
        if _stem(w) not in stems:
            missing.append(w)
            if w[0].isupper() and i > 0:
                hard.append(w)
    share = 1.0 - len(missing) / len(content)
    return SupportCheck(share, missing, hard)


def parse_reply(reply: str) -> list[tuple[str, list[int]]]:
    """(sentence without its citation marks, cited numbers) for each sentence of the reply."""
    out: list[tuple[str, list[int]]] = []
    text = " ".join(reply.split())
    for piece in _SENT.split(text):
        cited = [int(n) for group in _CITE.findall(piece) for n in re.split(r"\s*[,;]\s*", group)]
        clean = " ".join(_CITE.sub("", piece).split())
        clean = re.sub(r"\s+([.!?,;:])", r"\1", clean)
        if clean:
            out.append((clean, cited))
    return out


def _numbered_spans(brief: list[SummarySentence]) -> list[Span]:
    spans: list[Span] = []
    seen: set[tuple[str, int, int]] = set()
    for s in brief:
        for sp in s.sources:
            key = (sp.doc, sp.start, sp.end)
            if key not in seen:
                seen.add(key)
                spans.append(sp)
    return spans


def _user_prompt(story: Story, spans: list[Span]) -> str:
    lines = ["Source sentences:"]
    for i, sp in enumerate(spans, 1):
        outlet = story.doc(sp.doc).source or sp.doc
        lines.append(f"[{i}] ({outlet}) {plain(sp.text or '')}")
    lines.append("")
    lines.append("Write the brief now.")
    return "\n".join(lines)


def verify_reply(reply: str, spans: list[Span], words: int) -> list[SummarySentence]:
    """The reply's sentences that their cited spans support, within ``words`` words."""
    out: list[SummarySentence] = []
    used = 0
    for text, cited in parse_reply(reply):
        valid = [spans[n - 1] for n in dict.fromkeys(cited) if 1 <= n <= len(spans)]
        if not valid:
            log.info("llm brief: dropped uncited sentence: %s", text[:80])
            continue
        check = check_support(text, [sp.text or "" for sp in valid])
        if check.verdict == "drop":
            log.info("llm brief: dropped unsupported sentence (%.0f%% supported; missing %s): %s",
                     100 * check.share, ", ".join(check.hard_missing or check.missing), text[:80])
            continue
        n = len(text.split())
        if used + n > words:
            break
        used += n
        flag = None if check.verdict == "keep" else "partly supported; not in sources: " + ", ".join(check.missing)
        out.append(SummarySentence(text=text, sources=list(valid), flag=flag))
    return out


def rewrite_brief(
    story: Story, brief: list[SummarySentence], url: str, words: int, endpoint: ChatEndpoint | None = None
) -> list[SummarySentence]:
    """The brief rewritten by the endpoint at ``url``, every sentence checked; ``brief`` on failure."""
    endpoint = endpoint or ChatEndpoint.from_url(url)
    spans = _numbered_spans(brief)
    try:
        reply = endpoint.chat(SYSTEM_PROMPT.format(words=words), _user_prompt(story, spans))
    except ServiceError as exc:
        log.warning("llm brief: %s; keeping the extractive brief", exc)
        return brief
    out = verify_reply(reply, spans, words)
    if not out:
        log.warning("llm brief: no generated sentence was supported by its sources; keeping the extractive brief")
        return brief
    return out
