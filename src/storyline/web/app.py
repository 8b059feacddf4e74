"""The FastAPI application: pages, the JSON API, background jobs, and access control."""

from __future__ import annotations

import logging
import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from datetime import UTC, date, datetime
from importlib import resources
from typing import Annotated, Any, Literal

from fastapi import FastAPI, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from jinja2 import Environment, FunctionLoader, select_autoescape
from pydantic import BaseModel, Field
from starlette.datastructures import UploadFile as StarletteUploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint

from ..errors import StorylineError
from ..ingest.read import RawArticle
from ..render import render_html
from ..settings import Options, load_options
from ..store.store import Store, StoryInfo
from .desk import ALLOWED_SUFFIXES, Desk, Upload, apply_manifest, read_manifest, readable, story_title
from .jobs import Job, JobManager
from .security import CSRF_COOKIE, SESSION_COOKIE, Guard, csrf_ok, new_csrf

__all__ = ["create_app"]

log = logging.getLogger(__name__)

#: Upload limits (bytes per file, files per request).
MAX_UPLOAD_BYTES = 5_000_000
MAX_UPLOAD_FILES = 50
#: Rows of the story list page (the rest are counted; narrow the search to see them).
LIST_ROWS = 500


def _template(name: str) -> str:
    return resources.files("storyline.web").joinpath("templates", name).read_text(encoding="utf-8")


_ENV = Environment(loader=FunctionLoader(_template), autoescape=select_autoescape(default=True, default_for_string=True))


def _when(ts: float | None) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%d %H:%M") if ts is not None else "-"


_ENV.filters["when"] = _when


def _info_dict(r: StoryInfo) -> dict[str, Any]:
    return {"id": r.id, "title": r.title, "first_seen": _when(r.first_seen), "last_seen": _when(r.last_seen), "articles": r.articles,
            "outlets": r.outlets, "briefed": _when(r.briefed_at) if r.briefed_at else None, "stale": r.stale}  # fmt: skip


class ArticleIn(BaseModel):
    """One article posted to the API."""

    text: str = Field(min_length=1, max_length=MAX_UPLOAD_BYTES)
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: date | None = None


class ArticlesIn(BaseModel):
    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_UPLOAD_FILES)
    mode: Literal["cluster", "new"] = "cluster"


class _Access(BaseHTTPMiddleware):
    """Every request needs the token (when one is set); every form or API write needs CSRF proof."""

    def __init__(self, app: Any, guard: Guard) -> None:
        super().__init__(app)
        self.guard = guard

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        path = request.url.path
        bearer = self.guard.bearer_ok(request.headers.get("authorization"))
        if path != "/login" and not self.guard.allowed(request.headers.get("authorization"), request.cookies.get(SESSION_COOKIE)):
            if path.startswith("/api/") or "text/html" not in request.headers.get("accept", ""):
                return JSONResponse({"detail": "a token is required: send 'Authorization: Bearer TOKEN'"}, status_code=401)
            csrf = request.cookies.get(CSRF_COOKIE) or new_csrf()
            login = HTMLResponse(_ENV.get_template("login.html").render(title="Log in", error=None, csrf=csrf, login=True), status_code=401)
            login.set_cookie(CSRF_COOKIE, csrf, httponly=True, samesite="strict")
            return login
        if request.method == "POST" and path.startswith("/api/") and not bearer and request.headers.get("x-requested-with") != "storyline":
            # a cross-site page cannot set this header without the browser asking first (CORS), so it proves the caller's intent
            return JSONResponse({"detail": "API writes need 'X-Requested-With: storyline' or a bearer token"}, status_code=403)
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response


def create_app(store: Store | str, options: Options | None = None, token: str | None = None) -> FastAPI:
    """The web app over ``store`` (a :class:`Store` or its URL); ``token`` protects every page and API call."""
    options = options or load_options()
    desk = Desk(store if isinstance(store, Store) else Store(store), options)
    jobs = JobManager()
    guard = Guard(token)
    reports = _Reports()
    # FastAPI's own /docs and /redoc load Swagger UI / ReDoc from a CDN: replaced by a self-contained page (below)
    app = FastAPI(title="storyline", description="Browse, read and build the stories of a storyline store.", version="1",
                  docs_url=None, redoc_url=None)  # fmt: skip
    app.add_middleware(_Access, guard=guard)
    app.state.desk = desk
    app.state.jobs = jobs

    def page(request: Request, template: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        csrf = request.cookies.get(CSRF_COOKIE) or new_csrf()
        nonce = new_csrf()
        html = _ENV.get_template(template).render(csrf=csrf, login=guard.required, nonce=nonce, **ctx)
        resp = HTMLResponse(html, status_code=status, headers={"Content-Security-Policy": _csp(nonce)})
        if request.cookies.get(CSRF_COOKIE) != csrf:
            resp.set_cookie(CSRF_COOKIE, csrf, httponly=True, samesite="strict")
        return resp

    def check_csrf(request: Request, submitted: str | None) -> None:
        if not csrf_ok(request.cookies.get(CSRF_COOKIE), submitted):
            raise HTTPException(status_code=403, detail="the form is out of date or not from this site: reload the page and try again")

    building: dict[str, Job] = {}  # story -> its brief job while queued or running

    def start_build(story_id: str) -> Job:
        current = building.get(story_id)
        if current is not None and current.state in {"queued", "running"}:
            return current  # a second click while the brief is on its way joins it

        def work(job: Job) -> None:
            job.message = f"briefing story {story_id}"
            desk.build(story_id)
            job.stories = [story_id]
            job.message = "done"

        job = jobs.submit("brief", work)
        building[story_id] = job
        return job

    def start_add(arts: list[RawArticle], skipped: list[str], mode: Literal["cluster", "new"]) -> Job:
        def work(job: Job) -> None:
            job.message = f"storing {len(arts)} article(s)"

            def progress(message: str) -> None:
                job.message = message

            job.stories = desk.add(arts, mode, progress=progress)
            note = f"; skipped: {'; '.join(skipped)}" if skipped else ""
            job.message = f"{len(arts)} article(s) in {len(job.stories)} stor{'y' if len(job.stories) == 1 else 'ies'}{note}"

        return jobs.submit("add", work)

    # -- pages -------------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def list_page(request: Request, q: str | None = None, since: str | None = None, sort: str = "recent") -> HTMLResponse:
        # the filter form always sends every field, empty ones included: an empty or unreadable one means "any"
        day = _day(since)
        order: Literal["recent", "size"] = "size" if sort == "size" else "recent"
        rows = desk.stories(q, day, order, limit=None)
        return page(request, "list.html", title="Stories", rows=rows[:LIST_ROWS], total=len(rows), q=q or "", since=day.isoformat() if day else "", sort=order,
                    bad_since=bool(since and since.strip() and day is None))  # fmt: skip

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: str) -> HTMLResponse:
        info = desk.info(story_id)
        if info is None:
            return page(request, "error.html", status=404, title="Not found", message=f"There is no story {story_id} in this store.")
        report = reports.get(story_id, info.briefed_at)
        if report is None:
            story = desk.story(story_id)
            if story is None:
                return page(request, "story_unbuilt.html", title=info.title or story_id, info=info, articles=desk.articles(story_id))
            # every "<script" in the report is the renderer's own (article text is escaped), so each gets the page's nonce:
            # an injected script or a javascript: link would be refused by the browser even if escaping ever failed
            html = re.sub(r"<script(?=[\s>])", f'<script nonce="{_NONCE_SLOT}"', render_html(story))
            actors = [a.name for a in sorted(story.actors, key=lambda a: (-len(a.mentions), a.name))[:8]]
            report = reports.put(story_id, info.briefed_at, (html, actors))
        html, actors = report
        csrf = request.cookies.get(CSRF_COOKIE) or new_csrf()
        bar = _ENV.get_template("story_bar.html").render(info=info, csrf=csrf, login=guard.required, actors=actors)
        nonce = new_csrf()
        html = re.sub(r"<body[^>]*>", lambda m: m.group(0) + bar, html, count=1).replace(_NONCE_SLOT, nonce)
        resp = HTMLResponse(html, headers={"Content-Security-Policy": _csp(nonce)})
        if request.cookies.get(CSRF_COOKIE) != csrf:
            resp.set_cookie(CSRF_COOKIE, csrf, httponly=True, samesite="strict")
        return resp

    @app.post("/stories/{story_id}/rebuild", include_in_schema=False)
    def rebuild_form(request: Request, story_id: str, csrf: Annotated[str, Form()] = "") -> Response:
        check_csrf(request, csrf)
        if desk.info(story_id) is None:
            raise HTTPException(status_code=404, detail=f"no story {story_id}")
        job = start_build(story_id)
        return RedirectResponse(f"/jobs/{job.id}", status_code=303)

    @app.get("/actors", response_class=HTMLResponse, include_in_schema=False)
    def actors_page(request: Request, q: str = "") -> HTMLResponse:
        return page(request, "actors.html", title="Actors", q=q, rows=desk.actor_names(q.strip(), limit=200))

    @app.get("/actors/{name:path}", response_class=HTMLResponse, include_in_schema=False)
    def actor_page(request: Request, name: str) -> HTMLResponse:
        hits = desk.actor(name)
        return page(request, "actor.html", status=200 if hits else 404, title=name, name=name, hits=hits)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs_page(request: Request) -> HTMLResponse:
        return page(request, "docs.html", title="API", operations=_operations(app.openapi()))

    @app.get("/add", response_class=HTMLResponse, include_in_schema=False)
    def add_page(request: Request) -> HTMLResponse:
        return page(request, "add.html", title="Add articles", error=None, accept=",".join(ALLOWED_SUFFIXES), limit=MAX_UPLOAD_BYTES)

    @app.post("/add", include_in_schema=False)
    async def add_form(
        request: Request,
        csrf: Annotated[str, Form()] = "",
        mode: Annotated[Literal["cluster", "new"], Form()] = "cluster",
        text: Annotated[str, Form()] = "",
        title: Annotated[str, Form()] = "",
        source: Annotated[str, Form()] = "",
    ) -> Response:
        check_csrf(request, csrf)
        # the files are read from the form itself: a browser sends an empty file field as an empty string part,
        # which a declared UploadFile parameter would refuse (422) when the user only pasted text
        form = await request.form()
        files = [f for f in form.getlist("files") if isinstance(f, StarletteUploadFile) and f.filename]
        manifests = [f for f in form.getlist("manifest") if isinstance(f, StarletteUploadFile) and f.filename]
        try:
            uploads = await _uploads(files)
            sources = await _manifest(manifests[0] if manifests else None)
        except (HTTPException, StorylineError) as exc:
            status, why = (exc.status_code, exc.detail) if isinstance(exc, HTTPException) else (400, readable(exc))
            return page(request, "add.html", status=status, title="Add articles", error=why, accept=",".join(ALLOWED_SUFFIXES), limit=MAX_UPLOAD_BYTES)
        arts, skipped = desk.read_uploads(uploads)
        if sources:
            skipped += apply_manifest(arts, sources)
        if text.strip():
            arts.insert(0, RawArticle(text=text, file="pasted.txt", title=title.strip() or None, source=source.strip() or None))
        if not arts:
            why = "; ".join(skipped) or "paste an article or choose files"
            return page(request, "add.html", status=400, title="Add articles", error=f"No article could be read: {why}", accept=",".join(ALLOWED_SUFFIXES), limit=MAX_UPLOAD_BYTES)
        job = start_add(arts, skipped, mode)
        return RedirectResponse(f"/jobs/{job.id}", status_code=303)

    @app.get("/jobs/{job_id}", response_class=HTMLResponse, include_in_schema=False)
    def job_page(request: Request, job_id: str) -> HTMLResponse:
        job = jobs.get(job_id)
        if job is None:
            return page(request, "error.html", status=404, title="Not found", message="No such job (it may have finished long ago).")
        return page(request, "job.html", title="Working", job=job)

    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_page(request: Request) -> HTMLResponse:
        return page(request, "login.html", title="Log in", error=None)

    @app.post("/login", include_in_schema=False)
    def login(request: Request, token: Annotated[str, Form()] = "", csrf: Annotated[str, Form()] = "") -> Response:
        check_csrf(request, csrf)
        if not guard.required:
            return RedirectResponse("/", status_code=303)
        if not guard.token_ok(token):
            return page(request, "login.html", status=401, title="Log in", error="That token is not right.")
        resp = RedirectResponse("/", status_code=303)
        resp.set_cookie(SESSION_COOKIE, guard.session_value(), httponly=True, samesite="strict")
        return resp

    # -- the JSON API ------------------------------------------------------------------------------

    @app.get("/api/stories", summary="List stories", tags=["stories"])
    def api_stories(q: str | None = None, since: date | None = None, sort: Literal["recent", "size"] = "recent",
                    limit: Annotated[int, Query(ge=1, le=5000)] = 500) -> list[dict[str, Any]]:  # fmt: skip
        return [_info_dict(r) for r in desk.stories(q, since, sort, limit)]

    @app.get("/api/stories/{story_id}", summary="A story's story.json (its latest brief)", tags=["stories"])
    def api_story(story_id: str) -> dict[str, Any]:
        if desk.info(story_id) is None:
            raise HTTPException(status_code=404, detail=f"no story {story_id}")
        data = desk.story_json(story_id)
        if data is None:
            raise HTTPException(status_code=409, detail=f"story {story_id} has no brief yet: POST /api/stories/{story_id}/rebuild")
        return data

    @app.post("/api/stories/{story_id}/rebuild", summary="Brief a story again (a background job)", tags=["stories"], status_code=202)
    def api_rebuild(story_id: str) -> dict[str, object]:
        if desk.info(story_id) is None:
            raise HTTPException(status_code=404, detail=f"no story {story_id}")
        return start_build(story_id).as_dict()

    @app.get("/api/actors", summary="Actors whose name contains q, with their stories", tags=["actors"])
    def api_actors(q: str = "") -> list[dict[str, Any]]:
        return desk.actor_names(q)

    @app.get("/api/actors/{name:path}", summary="Every story and quote of an actor", tags=["actors"])
    def api_actor(name: str) -> list[dict[str, Any]]:
        return [{"story": h["story"].id, "title": h["title"], "actor": h["actor"].model_dump(exclude={"mentions"}),
                 "quotes": [q.model_dump() for q in h["quotes"]]} for h in desk.actor(name)]  # fmt: skip

    @app.get("/api/search", summary="Stories matching words, an actor or an outlet", tags=["stories"])
    def api_search(q: str) -> list[dict[str, Any]]:
        return [_info_dict(r) for r in desk.stories(q)]

    @app.post("/api/articles", summary="Add articles: cluster them into the store, or make them one new story (a background job)", tags=["articles"], status_code=202)
    def api_articles(body: ArticlesIn) -> dict[str, object]:
        arts = [RawArticle(text=a.text, title=a.title, source=a.source, url=a.url, published=a.published, file=f"api-{i}.txt") for i, a in enumerate(body.articles)]
        return start_add(arts, [], body.mode).as_dict()

    @app.post("/api/upload", summary="Add article files (.txt, .html, .jsonl) as a multipart upload (a background job)", tags=["articles"], status_code=202)
    async def api_upload(files: Annotated[list[UploadFile], File()], mode: Annotated[Literal["cluster", "new"], Form()] = "cluster",
                         manifest: Annotated[UploadFile | None, File(description="a sources manifest (.csv or .json): file, title, source, url, published")] = None) -> dict[str, object]:  # fmt: skip
        arts, skipped = desk.read_uploads(await _uploads(files))
        sources = await _manifest(manifest)
        if sources:
            skipped += apply_manifest(arts, sources)
        if not arts:
            raise HTTPException(status_code=400, detail="no article could be read: " + ("; ".join(skipped) or "no files"))
        return start_add(arts, skipped, mode).as_dict()

    @app.get("/api/jobs/{job_id}", summary="A background job's state", tags=["jobs"])
    def api_job(job_id: str) -> dict[str, object]:
        job = jobs.get(job_id)
        if job is None:
            raise HTTPException(status_code=404, detail="no such job")
        return job.as_dict()

    def wants_html(request: Request) -> bool:
        return not request.url.path.startswith("/api/") and "text/html" in request.headers.get("accept", "")

    def error(request: Request, status: int, detail: Any) -> Response:
        if wants_html(request):
            titles = {500: "Server error", 400: "Bad request", 403: "Forbidden", 404: "Not found", 405: "Not allowed", 413: "Too large", 415: "Wrong file type", 422: "Invalid input"}
            return page(request, "error.html", status=status, title=titles.get(status, "Error"), message=_detail_text(detail))
        return JSONResponse({"detail": detail}, status_code=status)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return error(request, exc.status_code, exc.detail)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        return error(request, 422, jsonable(exc.errors()))

    @app.exception_handler(StorylineError)
    async def _storyline_error(request: Request, exc: StorylineError) -> Response:
        return error(request, 400, readable(exc))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log.exception("%s %s failed", request.method, request.url.path)
        return error(request, 500, f"Something went wrong on the server ({type(exc).__name__}); the log has the details.")

    app.state.title_of = story_title
    return app


_NONCE_SLOT = "\x00nonce\x00"  # stands for the page's nonce in a cached report (no escaped text can hold a NUL)


class _Reports:
    """Rendered reports of the latest briefs, so that a story page is drawn once per brief, not once per request."""

    def __init__(self, size: int = 32) -> None:
        self._items: OrderedDict[tuple[str, float | None], tuple[str, list[str]]] = OrderedDict()
        self._lock = threading.Lock()
        self._size = size

    def get(self, story_id: str, built: float | None) -> tuple[str, list[str]] | None:
        with self._lock:
            item = self._items.get((story_id, built))
            if item is not None:
                self._items.move_to_end((story_id, built))
            return item

    def put(self, story_id: str, built: float | None, item: tuple[str, list[str]]) -> tuple[str, list[str]]:
        with self._lock:
            for key in [k for k in self._items if k[0] == story_id]:
                del self._items[key]  # an older brief of the story
            self._items[(story_id, built)] = item
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return item


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value.strip()) if value and value.strip() else None
    except ValueError:
        return None


def _csp(nonce: str) -> str:
    """Content Security Policy of an HTML page: only this site's resources, only scripts carrying the page's nonce."""
    return (f"default-src 'self'; script-src 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")  # fmt: skip


def jsonable(errors: Any) -> list[dict[str, Any]]:
    """Validation errors as plain JSON (their ``ctx`` may hold exceptions)."""
    return [{k: (v if k != "ctx" else {ck: str(cv) for ck, cv in v.items()}) for k, v in e.items() if k != "url"} for e in errors]


def _detail_text(detail: Any) -> str:
    if isinstance(detail, list):
        parts = []
        for e in detail:
            where = ".".join(str(x) for x in e.get("loc", ()) if x not in {"body", "query", "path"}) if isinstance(e, dict) else ""
            parts.append(f"{where}: {e.get('msg', e)}" if where else str(e.get("msg", e) if isinstance(e, dict) else e))
        return "; ".join(parts)
    return str(detail)


def _operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The API's operations from its OpenAPI document, for the self-contained /docs page."""
    ops = []
    for path, methods in sorted(spec.get("paths", {}).items()):
        for method, op in methods.items():
            params = [{"name": p.get("name", ""), "in": p.get("in", ""), "required": bool(p.get("required")),
                       "type": (p.get("schema") or {}).get("type") or ", ".join(str(x.get("type")) for x in (p.get("schema") or {}).get("anyOf", []))}
                      for p in op.get("parameters", [])]  # fmt: skip
            body = op.get("requestBody", {}).get("content", {})
            ops.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""), "tags": op.get("tags", []),
                        "params": params, "body": ", ".join(sorted(body)), "responses": sorted(op.get("responses", {}))})  # fmt: skip
    return ops


async def _manifest(file: StarletteUploadFile | None) -> dict[str, dict[str, str]]:
    """The sources manifest uploaded with the articles (none: empty)."""
    if file is None or not file.filename:
        return {}
    data = await file.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise HTTPException(status_code=413, detail=f"{file.filename}: larger than {MAX_UPLOAD_BYTES // 1_000_000} MB")
    return read_manifest(Upload(file.filename.replace("\\", "/").rsplit("/", 1)[-1][:200], data))


async def _uploads(files: Sequence[StarletteUploadFile]) -> list[Upload]:
    """The uploaded files, each checked for type and size (a clear 413/415 otherwise)."""
    if len(files) > MAX_UPLOAD_FILES:
        raise HTTPException(status_code=413, detail=f"at most {MAX_UPLOAD_FILES} files at once")
    out = []
    for f in files:
        name = (f.filename or "upload").replace("\\", "/").rsplit("/", 1)[-1][:200] or "upload"
        if not name.lower().endswith(ALLOWED_SUFFIXES):
            raise HTTPException(status_code=415, detail=f"{name}: not an accepted file type ({', '.join(ALLOWED_SUFFIXES)})")
        data = await f.read(MAX_UPLOAD_BYTES + 1)
        if len(data) > MAX_UPLOAD_BYTES:
            raise HTTPException(status_code=413, detail=f"{name}: larger than {MAX_UPLOAD_BYTES // 1_000_000} MB")
        out.append(Upload(name, data))
    return out
