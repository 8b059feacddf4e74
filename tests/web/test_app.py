"""The web app through its HTTP interface (FastAPI's test client): pages, API, jobs, tokens, CSRF, uploads."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from storyline.cli import main
from storyline.settings import load_options
from storyline.store.store import Store
from storyline.web import create_app


def _client(store: Store, token: str | None = None) -> TestClient:
    return TestClient(create_app(store, load_options(), token=token))


def _csrf(client: TestClient, path: str = "/add") -> str:
    html = client.get(path, headers={"accept": "text/html"}).text
    m = re.search(r'name="csrf" value="([^"]+)"', html)
    assert m, "the form carries a CSRF token"
    return m.group(1)


XRW = {"X-Requested-With": "storyline"}


def _wait(client: TestClient) -> None:
    assert client.app.state.jobs.wait_idle(180)  # type: ignore[attr-defined]


def test_the_list_shows_searches_filters_and_sorts_stories(store: Store) -> None:
    client = _client(store)
    rows = client.get("/api/stories").json()
    assert len(rows) == 2
    harbour = next(r for r in rows if r["articles"] == 2)
    assert harbour["outlets"] == 2 and harbour["stale"] is False
    assert [r["articles"] for r in client.get("/api/stories?sort=size").json()] == [2, 1]
    assert [r["id"] for r in client.get("/api/search?q=northgrid").json()] == ["storm"]
    assert [r["id"] for r in client.get("/api/search?q=Coast Wire").json()] == [harbour["id"]]
    assert client.get("/api/stories?since=2099-01-01").json() == []
    page = client.get("/", headers={"accept": "text/html"}).text
    assert "Harbour Strike Ends After Nine Days" in page and "Storm Cuts Power" in page
    assert "Storm" not in client.get("/?q=dockers").text


def test_building_a_brief_shows_the_report_and_marks_new_articles_stale(store: Store) -> None:
    client = _client(store)
    sid = next(r["id"] for r in client.get("/api/stories").json() if r["articles"] == 2)
    assert "no brief yet" in client.get(f"/stories/{sid}").text
    assert client.get(f"/api/stories/{sid}").status_code == 409
    token = _csrf(client, f"/stories/{sid}")
    resp = client.post(f"/stories/{sid}/rebuild", data={"csrf": token}, follow_redirects=False)
    assert resp.status_code == 303 and resp.headers["location"].startswith("/jobs/")
    _wait(client)
    job = client.get("/api" + resp.headers["location"]).json()
    assert job["state"] == "done", job
    data = client.get(f"/api/stories/{sid}").json()
    assert len(data["documents"]) == 2 and data["summary"]
    page = client.get(f"/stories/{sid}").text
    assert 'id="sources"' in page and "Rebuild" in page and "New articles arrived" not in page
    # an actor of the brief has a page with the story
    actor = data["actors"][0]["name"]
    assert any(h["story"] == sid for h in client.get(f"/api/actors/{actor}").json())
    # a new article on the story makes the brief stale
    from storyline.stream.run import StreamArticle

    from .conftest import put

    more = "Portvale dock workers returned to the harbour on Monday after the nine-day strike, the dockers' union said; Mara Lind thanked members."
    put(store, sid, [StreamArticle(id="h3", text=more, published=1_700_000_300.0)])
    info = next(r for r in client.get("/api/stories").json() if r["id"] == sid)
    assert info["stale"] is True and info["articles"] == 3
    assert "New articles arrived" in client.get(f"/stories/{sid}").text


def test_forms_need_their_csrf_token_and_api_writes_need_proof_of_intent(store: Store) -> None:
    client = _client(store)
    assert client.post("/add", data={"text": "x", "csrf": "forged"}).status_code == 403
    body = {"articles": [{"text": "A short article about the Portvale harbour strike ending on Sunday."}]}
    assert client.post("/api/articles", json=body).status_code == 403
    assert client.post("/api/articles", json=body, headers={"X-Requested-With": "storyline"}).status_code == 202


def test_a_token_guards_every_page_and_call(store: Store) -> None:
    client = _client(store, token="s3cret")
    assert client.get("/api/stories").status_code == 401
    assert client.get("/", headers={"accept": "text/html"}).status_code == 401
    assert client.get("/openapi.json").status_code == 401
    assert client.get("/docs", headers={"accept": "text/html"}).status_code == 401
    assert client.get("/stories/harbour", headers={"accept": "text/html"}).status_code == 401
    assert client.post("/api/articles", json={"articles": [{"text": "x"}]}, headers={"X-Requested-With": "storyline"}).status_code == 401
    assert client.get("/api/stories", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/api/stories", headers={"Authorization": "Bearer s3cret"}).status_code == 200
    csrf = re.search(r'name="csrf" value="([^"]+)"', client.get("/login").text)
    assert csrf
    assert client.post("/login", data={"token": "nope", "csrf": csrf.group(1)}).status_code == 401
    resp = client.post("/login", data={"token": "s3cret", "csrf": csrf.group(1)}, follow_redirects=False)
    assert resp.status_code == 303
    assert "s3cret" not in resp.headers.get("set-cookie", "")  # the cookie is derived, never the token itself
    assert client.get("/api/stories").status_code == 200  # the login cookie now lets the browser in


def test_uploads_are_type_and_size_checked_and_become_a_new_story(store: Store) -> None:
    client = _client(store)
    token = _csrf(client)
    bad = client.post("/add", data={"csrf": token, "mode": "new"}, files=[("files", ("evil.exe", b"MZ\x00", "application/octet-stream"))])
    assert bad.status_code == 415 and "not an accepted file type" in bad.text
    from storyline.web import app as webapp

    big = b"word " * (webapp.MAX_UPLOAD_BYTES // 5 + 10)
    assert client.post("/add", data={"csrf": token}, files=[("files", ("big.txt", big, "text/plain"))]).status_code == 413
    one = "Bridge Reopens in Elmstead\n\nThe Elm Street bridge in Elmstead reopened on Monday after two years of repairs, the city council said."
    two = "Elmstead Bridge Back in Use\n\nTraffic crossed the Elm Street bridge in Elmstead again on Monday, council engineer Ana Ruiz said, after repairs."
    resp = client.post("/add", data={"csrf": token, "mode": "new"},
                       files=[("files", ("a.txt", one.encode(), "text/plain")), ("files", ("b.txt", two.encode(), "text/plain"))],
                       follow_redirects=False)  # fmt: skip
    assert resp.status_code == 303
    _wait(client)
    job = client.get("/api" + resp.headers["location"]).json()
    assert job["state"] == "done", job
    [sid] = job["stories"]
    data = client.get(f"/api/stories/{sid}").json()
    assert sorted(d["file"].rsplit("-", 1)[-1] for d in data["documents"]) == ["a.txt", "b.txt"]
    assert len(client.get("/api/stories").json()) == 3


def test_article_text_is_escaped_in_every_page(store: Store) -> None:
    client = _client(store)
    payload = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'
    body = {"articles": [{"text": f"{payload} The Portvale harbour strike ended on Sunday, the union said.", "title": payload, "source": payload}],
            "mode": "new"}  # fmt: skip
    job = client.post("/api/articles", json=body, headers={"X-Requested-With": "storyline"}).json()
    _wait(client)
    sid = client.get(f"/api/jobs/{job['id']}").json()["stories"][0]
    for path in ("/", f"/stories/{sid}", "/?q=script"):
        html = client.get(path, headers={"accept": "text/html"}).text
        assert "<script>window.__xss" not in html and "<img src=x" not in html


def test_serve_refuses_a_public_address_without_a_token(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["serve", "--store", str(tmp_path / "s.db"), "--host", "0.0.0.0"])
    assert code == 2
    assert "set --token" in capsys.readouterr().err


def test_the_api_page_is_self_contained_and_lists_every_operation(store: Store) -> None:
    client = _client(store)
    html = client.get("/docs", headers={"accept": "text/html"}).text
    assert not re.search(r'(src|href)="(https?:)?//', html), "no external asset"
    assert client.get("/redoc").status_code == 404
    spec = client.get("/openapi.json").json()
    for path, methods in spec["paths"].items():
        for method in methods:
            assert f"<code>{method.upper()}</code>" in html and f"<code>{path}</code>" in html


def test_errors_are_pages_for_browsers_and_json_for_the_api(store: Store) -> None:
    client = _client(store)
    page = client.get("/stories/nope", headers={"accept": "text/html"})
    assert page.status_code == 404 and "<h1>Not found</h1>" in page.text
    api = client.get("/api/stories/nope")
    assert api.status_code == 404 and api.json()["detail"] == "no story nope"
    missing = client.get("/no/such/page", headers={"accept": "text/html"})
    assert missing.status_code == 404 and "text/html" in missing.headers["content-type"]
    bad = client.get("/api/stories?limit=0")
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"] == ["query", "limit"]


def test_the_list_form_accepts_empty_and_unreadable_dates(store: Store) -> None:
    client = _client(store)
    assert client.get("/?q=&since=&sort=recent").text.count('class="story-link"') == 2
    wrong = client.get("/?since=yesterday")
    assert wrong.status_code == 200 and "could not be read" in wrong.text
    assert client.get("/?since=2099-01-01").text.count('class="story-link"') == 0
    sizes = re.findall(r'data-label="Articles" class="num">(\d+)<', client.get("/?sort=size").text)
    assert sizes == sorted(sizes, reverse=True) and len(sizes) == 2


def test_pages_forbid_scripts_without_their_nonce(store: Store) -> None:
    client = _client(store)
    client.app.state.desk.build("storm")  # type: ignore[attr-defined]
    for path in ("/", "/stories/storm", "/add"):
        resp = client.get(path)
        csp = resp.headers["content-security-policy"]
        nonce = re.search(r"'nonce-([^']+)'", csp)
        assert nonce and "unsafe-inline" not in csp.split("script-src", 1)[1].split(";", 1)[0]
        for tag in re.findall(r"<script[^>]*>", resp.text):
            assert f'nonce="{nonce.group(1)}"' in tag


def test_only_web_links_are_kept() -> None:
    from storyline.web.desk import web_url

    assert web_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert web_url(" HTTP://example.org ") == "HTTP://example.org"
    for bad in ("javascript:alert(1)", "JaVaScRiPt:x", "data:text/html,<b>", "//example.org", "https://x.org/\"onmouseover=", "", None):
        assert web_url(bad) is None


def test_an_actor_is_listed_and_has_a_page(store: Store) -> None:
    client = _client(store)
    story = client.app.state.desk.build("harbour")  # type: ignore[attr-defined]
    name = max(story.actors, key=lambda a: len(a.mentions)).name
    index = client.get("/actors", params={"q": name[:4]}).text
    assert f'href="/actors/{name.replace(" ", "%20")}"' in index
    page = client.get(f"/actors/{name}")
    assert page.status_code == 200 and 'href="/stories/harbour"' in page.text
    assert client.get("/actors/Nobody%20Atall").status_code == 404
    assert f"/actors/{name.replace(' ', '%20')}" in client.get("/stories/harbour").text  # the story bar links its actors


def test_a_sources_manifest_fills_in_the_uploaded_files_metadata(store: Store) -> None:
    from storyline.errors import StorylineError
    from storyline.ingest.read import RawArticle
    from storyline.web.desk import Upload, apply_manifest, read_manifest

    csv_text = "file,source,url,published,title\r\na.txt,Elmstead Gazette,https://example.org/a,2026-03-02,\r\nb.txt,River Radio,,03/02/2026,Bridge Open\r\nc.txt,Nobody,,,\r\n"
    rows = read_manifest(Upload("sources.csv", csv_text.encode()))
    assert rows["a.txt"] == {"source": "Elmstead Gazette", "url": "https://example.org/a", "published": "2026-03-02"}
    arts = [RawArticle(text="one", file="a.txt", title="Kept"), RawArticle(text="two", file="b.txt#2")]
    notes = apply_manifest(arts, rows)
    assert (arts[0].source, arts[0].title, str(arts[0].published)) == ("Elmstead Gazette", "Kept", "2026-03-02")
    assert (arts[1].source, arts[1].title, arts[1].published) == ("River Radio", "Bridge Open", None)
    assert any("b.txt" in n and "not a YYYY-MM-DD" in n for n in notes) and any("c.txt was not uploaded" in n for n in notes)
    assert read_manifest(Upload("m.json", b'[{"file": "dir/a.txt", "source": "X"}]')) == {"a.txt": {"source": "X"}}
    for bad in (Upload("m.csv", b"name,source\nx,y\n"), Upload("m.json", b"{not json"), Upload("m.json", b'{"a": 1}'), Upload("m.xml", b"<x/>")):
        with pytest.raises(StorylineError):
            read_manifest(bad)
    # through the form: the manifest's outlets reach the brief; a broken manifest is a clear error page
    client = _client(store)
    token = _csrf(client)
    one = "Bridge Reopens in Elmstead\n\nThe Elm Street bridge in Elmstead reopened on Monday after two years of repairs, the city council said."
    two = "Elmstead Bridge Back in Use\n\nTraffic crossed the Elm Street bridge in Elmstead again on Monday, council engineer Ana Ruiz said."
    files = [("files", ("a.txt", one.encode(), "text/plain")), ("files", ("b.txt", two.encode(), "text/plain")),
             ("manifest", ("sources.csv", csv_text.encode(), "text/csv"))]  # fmt: skip
    resp = client.post("/add", data={"csrf": token, "mode": "new"}, files=files, follow_redirects=False)
    assert resp.status_code == 303
    _wait(client)
    job = client.get("/api" + resp.headers["location"]).json()
    assert job["state"] == "done" and "c.txt was not uploaded" in job["message"], job
    data = client.get(f"/api/stories/{job['stories'][0]}").json()
    assert sorted(d["source"] for d in data["documents"]) == ["Elmstead Gazette", "River Radio"]
    broken = client.post("/add", data={"csrf": token}, files=[files[0], ("manifest", ("m.csv", b"name\nx\n", "text/csv"))])
    assert broken.status_code == 400 and "needs a header row" in broken.text


def test_pasting_with_an_empty_file_field_is_not_an_upload(store: Store) -> None:
    client = _client(store)
    token = _csrf(client)
    text = "Library Opens Late\n\nThe Ashford library will open until nine on weekdays from March, the council said on Tuesday."
    resp = client.post("/add", data={"csrf": token, "mode": "new", "text": text},
                       files=[("files", ("", b"", "application/octet-stream")), ("manifest", ("", b"", "application/octet-stream"))],
                       follow_redirects=False)  # fmt: skip
    assert resp.status_code == 303, resp.text


def test_actor_search_follows_the_latest_brief(store: Store) -> None:
    import json
    import time

    client = _client(store)
    desk = client.app.state.desk  # type: ignore[attr-defined]
    story = desk.build("storm")
    assert desk.actor_names("Quillfeather") == []
    data = json.loads(story.model_dump_json())
    data["actors"][0]["name"] = "Quillfeather Institute"
    time.sleep(0.01)  # a later brief time
    store.save_brief("storm", json.dumps(data), store.story_articles("storm"))
    assert [r["stories"] for r in desk.actor_names("Quillfeather")] == [["storm"]]
    assert [r["id"] for r in client.get("/api/search?q=quillfeather").json()] == ["storm"]
    assert [h["story"] for h in client.get("/api/actors/Quillfeather Institute").json()] == ["storm"]


def test_a_long_list_says_how_many_it_leaves_out_and_a_second_rebuild_joins_the_first(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline.web import app as webapp

    monkeypatch.setattr(webapp, "LIST_ROWS", 1)
    client = _client(store)
    page = client.get("/").text
    assert page.count('class="story-link"') == 1 and "The first 1 of 2 stories" in page
    first = client.post("/api/stories/storm/rebuild", headers=XRW).json()
    second = client.post("/api/stories/storm/rebuild", headers=XRW).json()
    _wait(client)
    if second["id"] != first["id"]:  # a new job only when the first had already finished
        assert client.get(f"/api/jobs/{first['id']}").json()["finished"] <= client.get(f"/api/jobs/{second['id']}").json()["started"]
    assert client.get(f"/api/jobs/{first['id']}").json()["state"] == "done"
    assert client.post("/api/stories/storm/rebuild", headers=XRW).json()["id"] != first["id"]  # a finished brief does not block a new one
    _wait(client)


def test_an_unexpected_failure_is_a_one_line_error_page(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    client = TestClient(create_app(store, load_options()), raise_server_exceptions=False)
    desk = client.app.state.desk  # type: ignore[attr-defined]

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(desk, "stories", broken)
    page = client.get("/", headers={"accept": "text/html"})
    assert page.status_code == 500 and "Server error" in page.text and "RuntimeError" in page.text and "Traceback" not in page.text
    api = client.get("/api/stories")
    assert api.status_code == 500 and "RuntimeError" in api.json()["detail"]
