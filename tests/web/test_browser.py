"""End to end in a real browser: Debian's Chromium driven by Playwright over a live server on a loopback port.

The server (uvicorn in a thread) serves a store of hand-written articles. The tests list stories,
open one, click a citation and see its characters highlighted, upload two articles through the
form and see the new story appear; and post articles full of script payloads, open every page that
shows them and check that nothing runs.
"""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storyline.settings import load_options
from storyline.store.store import Store
from storyline.stream.run import StreamArticle

from .conftest import put

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]  # fmt: skip

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed (pip install -e '.[test]')")
uvicorn = pytest.importorskip("uvicorn", reason="uvicorn is not installed")
if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
    pytest.skip(f"Chromium is not installed at {CHROMIUM} (Debian: apt-get install chromium)", allow_module_level=True)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Served:
    def __init__(self, app: Any, url: str) -> None:
        self.app = app
        self.url = url

    def wait(self) -> None:
        assert self.app.state.jobs.wait_idle(180)


@pytest.fixture()
def served(store: Store) -> Iterator[Served]:
    from storyline.web import create_app

    app = create_app(store, load_options())
    app.state.desk.build("harbour")  # one story briefed, one not
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    end = time.time() + 20
    while not server.started and time.time() < end:
        time.sleep(0.05)
    assert server.started, "the server did not start"
    try:
        yield Served(app, f"http://127.0.0.1:{port}")
    finally:
        server.should_exit = True
        thread.join(10)
        app.state.jobs.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as pw:
        try:
            b = pw.chromium.launch(executable_path=shutil.which("chromium") or CHROMIUM, args=ARGS, headless=True)
        except Exception as exc:  # a Chromium that cannot start here (missing libraries, no /dev/shm ...)
            pytest.skip(f"Chromium could not be launched by Playwright: {str(exc).splitlines()[0]}")
        yield b
        b.close()


def _wait_job(page: Any) -> None:
    """On a job page: wait until it reports done (the page polls and reloads itself)."""
    page.wait_for_selector("#job[data-state=done], #job[data-state=failed]", timeout=120_000)
    assert page.locator("#job").get_attribute("data-state") == "done", page.locator("#job-message").inner_text()


def test_list_open_cite_and_upload_in_the_browser(served: Served, browser: Any) -> None:
    page = browser.new_page()
    page.set_default_timeout(20_000)
    page.goto(served.url + "/")
    links = page.locator("a.story-link")
    assert links.count() == 2
    assert "Harbour Strike Ends After Nine Days" in page.locator("#stories").inner_text()
    # search by an outlet, then sort by size
    page.fill("input[name=q]", "Northvale News")
    with page.expect_navigation():
        page.click("form.filters button")
    assert page.locator("a.story-link").all_inner_texts() == ["Storm Cuts Power to Northvale"]
    page.goto(served.url + "/?sort=size")
    with page.expect_navigation():
        page.locator("a.story-link").first.click()
    page.wait_for_selector("#sources")
    assert "/stories/harbour" in page.url
    # a citation highlights the exact characters it cites
    story = served.app.state.desk.story_json("harbour")
    texts = {d["id"]: d["text"] for d in story["documents"]}
    cite = page.locator("a.ev").first
    doc, start, end = cite.get_attribute("data-doc"), int(cite.get_attribute("data-start")), int(cite.get_attribute("data-end"))
    assert page.locator("mark.hit").count() == 0
    cite.click()
    page.wait_for_selector("mark.hit")
    marked = "".join(page.locator(f"[id='{doc}'] mark.hit").all_text_contents())
    assert marked and " ".join(marked.split()) in " ".join(texts[doc][start:end].split())
    # the actor bar leads to an actor page listing this story
    with page.expect_navigation():
        page.locator(".storyline-actors a").first.click()
    assert page.locator("a[href='/stories/harbour']").count() >= 1
    # upload two articles as a new story and see it appear
    page.goto(served.url + "/add")
    one = "Bridge Reopens in Elmstead\n\nThe Elm Street bridge in Elmstead reopened on Monday after two years of repairs, the city council said."
    two = "Elmstead Bridge Back in Use\n\nTraffic crossed the Elm Street bridge in Elmstead again on Monday, council engineer Ana Ruiz said."
    page.set_input_files("input[name=files]", [{"name": "bridge-a.txt", "mimeType": "text/plain", "buffer": one.encode()},
                                                {"name": "bridge-b.txt", "mimeType": "text/plain", "buffer": two.encode()}])  # fmt: skip
    manifest = "file,source\nbridge-a.txt,Elmstead Gazette\nbridge-b.txt,River Radio\n"
    page.set_input_files("input[name=manifest]", [{"name": "sources.csv", "mimeType": "text/csv", "buffer": manifest.encode()}])
    page.check("input[name=mode][value=new]")
    with page.expect_navigation():
        page.click("#add-form button[type=submit]")
    assert "/jobs/" in page.url
    _wait_job(page)
    with page.expect_navigation():
        page.locator("#job-stories a").first.click()
    page.wait_for_selector("#sources")
    assert page.locator("article.doc").count() == 2
    assert "Elmstead Gazette" in page.locator("#sources").inner_text()  # from the manifest
    page.goto(served.url + "/")
    assert page.locator("a.story-link").count() == 3
    assert "Bridge Reopens in Elmstead" in page.locator("#stories").inner_text()
    page.close()


PAYLOAD = "<script>window.__xss='script'</script><img src=x onerror=\"window.__xss='img'\">"
CLOSE = "</script><script>window.__xss='close';alert('close')</script>"


def _check_page(page: Any, dialogs: list[str], url: str, sections: list[str]) -> None:
    page.goto(url)
    page.wait_for_load_state("load")
    page.wait_for_timeout(150)
    assert page.evaluate("window.__xss") is None, f"a payload ran on {url}"
    assert not dialogs, f"a payload opened a dialog on {url}: {dialogs}"
    assert page.locator("a[href^='javascript:' i]").count() == 0, f"a javascript: link on {url}"
    assert page.locator("img[src='x']").count() == 0, f"an injected element on {url}"
    for sel in sections:
        assert page.locator(sel).count() >= 1, f"{sel} missing on {url}"
    for data in ("#timeline-data", "#graph-data"):
        if page.locator(data).count():
            json.loads(page.locator(data).text_content() or "")  # the data islands survive intact


def test_script_payloads_in_articles_never_run(served: Served, browser: Any) -> None:
    title = f"Harbour {PAYLOAD} Strike"
    body = (f"{title}\n\nPORTVALE - Dock workers in Portvale ended their strike on Sunday, the union said. "
            f"\u201cWe will not accept {PAYLOAD} or {CLOSE} again,\u201d said Mara Lind, the union's leader. "
            "The port authority said ships would move again by Tuesday. "
            f"On Monday, union leader Mara Lind met Portvale mayor Tom Hale and signed the {CLOSE} agreement with him.")  # fmt: skip
    rows = [{"id": "x1", "title": title, "text": body, "source": f"Wire {PAYLOAD}", "url": "javascript:window.__xss='url'", "published": "2026-03-01"},
            {"id": "x2", "title": f"Portvale {CLOSE}", "text": body.replace("Sunday", "Monday"), "source": CLOSE, "url": "JaVaScRiPt:alert(1)"}]  # fmt: skip
    jsonl = "\n".join(json.dumps(r) for r in rows).encode()
    put(served.app.state.desk.store, "unbuilt", [StreamArticle(id="u1", text=body, title=title, source=PAYLOAD, url="javascript:alert(1)")])
    page = browser.new_page()
    page.set_default_timeout(20_000)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(served.url + "/add")
    page.set_input_files("input[name=files]", [{"name": "<img src=x onerror=alert(1)>.jsonl", "mimeType": "application/json", "buffer": jsonl}])
    page.check("input[name=mode][value=new]")
    with page.expect_navigation():
        page.click("#add-form button[type=submit]")
    job_url = page.url
    _wait_job(page)
    sid = page.locator("#job-stories a").first.get_attribute("href")
    assert sid and sid.startswith("/stories/")
    page.close()

    page = browser.new_page()
    page.set_default_timeout(20_000)
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    u = served.url
    _check_page(page, dialogs, u + sid, ["#brief", "#sources", ".storyline-bar", "article.doc"])
    assert "<script>" in page.locator("#sources").inner_text()  # shown as text, not dropped
    assert "<script>" in page.locator("#quotes").inner_text()  # a quote carrying the payload, as text
    for cite in page.locator("a.ev").all()[:5]:
        cite.click()
        assert page.evaluate("window.__xss") is None and not dialogs
    # a pasted article (the file fields left empty) with payloads in its headline and outlet
    page.goto(u + "/add")
    page.fill("textarea[name=text]", body.replace("Portvale", "Northport"))
    page.fill("input[name=title]", f"Pasted {PAYLOAD}")
    page.fill("input[name=source]", CLOSE)
    page.check("input[name=mode][value=new]")
    with page.expect_navigation():
        page.click("#add-form button[type=submit]")
    _wait_job(page)
    pasted = page.locator("#job-stories a").first.get_attribute("href")
    assert pasted
    _check_page(page, dialogs, u + pasted, ["#brief", "#sources", "article.doc"])
    _check_page(page, dialogs, u + "/", ["#stories"])
    assert "<script>" in page.locator("#stories").inner_text()
    _check_page(page, dialogs, u + "/?q=" + "%3Cscript%3E", ["#stories"])
    _check_page(page, dialogs, u + "/stories/unbuilt", ["#build"])
    _check_page(page, dialogs, u + job_url.removeprefix(u), ["#job"])
    _check_page(page, dialogs, u + "/actors?q=" + "%3Cimg", ["h1"])
    _check_page(page, dialogs, u + "/actors/Mara%20Lind", ["h1"])
    _check_page(page, dialogs, u + "/actors/%3Cscript%3Ealert(1)%3C%2Fscript%3E", ["h1"])
    _check_page(page, dialogs, u + "/docs", ["#operations"])
    # an upload refused for its type names the file in an error page: still only text
    page.goto(u + "/add")
    page.set_input_files("input[name=files]", [{"name": "<img src=x onerror=alert(2)>.exe", "mimeType": "text/plain", "buffer": b"x"}])
    with page.expect_navigation():
        page.click("#add-form button[type=submit]")
    page.wait_for_selector(".error")
    assert "<img src=x" in page.locator(".error").inner_text()
    assert page.evaluate("window.__xss") is None and not dialogs and page.locator("img[src='x']").count() == 0
    page.close()
