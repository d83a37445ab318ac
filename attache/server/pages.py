"""The web pages: server-rendered templates over the same EvidenceBase calls as the API."""

from __future__ import annotations

import hmac
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

import attache.server.views as views
from attache.browse import TABLES
from attache.errors import InputError
from attache.server.api import (
    Cursor,
    DateText,
    Short,
    eb_of,
    jobs_of,
    safe_name,
    save_upload,
    start_file_job,
    start_url_job,
)
from attache.server.guard import COOKIE
from attache.server.templating import page_html

router = APIRouter(include_in_schema=False)

LANGUAGES = ("zh-Hans", "zh-Hant", "en", "ru", "ja", "kk")


@router.get("/", response_class=HTMLResponse)
def search_page(request: Request, q: Annotated[str, Query(max_length=200)] = "",
                language: Short = None, kind: Short = None,
                year: Annotated[str | None, Query(max_length=7)] = None,
                cursor: Cursor = None) -> HTMLResponse:
    page = None
    if q.strip():
        page = eb_of(request).search_page(q, language=language, kind=kind, year=year,
                                          cursor=cursor, limit=20)
    hits = [{**h, "pieces": views.marked(h["text"], h["highlights"])}
            for h in (page.items if page else ())]
    return page_html(request, "search.html", q=q, page=page, hits=hits,
                     chosen={"language": language, "kind": kind, "year": year})


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, language: Short = None, kind: Short = None,
                   outlet: Short = None, since: DateText = None, until: DateText = None,
                   cursor: Cursor = None) -> HTMLResponse:
    page = eb_of(request).browse(language=language, kind=kind, outlet=outlet, since=since,
                                 until=until, cursor=cursor, limit=50)
    return page_html(request, "documents.html", page=page, languages=LANGUAGES,
                     filters={"language": language, "kind": kind, "outlet": outlet,
                              "since": since, "until": until})


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str,
                  start: Annotated[int | None, Query(ge=0)] = None,
                  end: Annotated[int | None, Query(ge=0)] = None) -> HTMLResponse:
    view = eb_of(request).document_view(doc_id)
    quote = (start, end) if start is not None and end is not None and end > start else None
    segs = views.segments(view["text"], view, quote)
    return page_html(request, "document.html", doc=view, segments=segs, quote=quote)


@router.get("/entities", response_class=HTMLResponse)
def entities_page(request: Request, type: Short = None, q: Short = None,
                  cursor: Cursor = None) -> HTMLResponse:
    page = eb_of(request).entities(type=type, q=q, cursor=cursor, limit=100)
    return page_html(request, "entities.html", page=page, type=type, q=q)


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, entity_id: str) -> HTMLResponse:
    ent = eb_of(request).entity(entity_id)
    chart = views.bars([(m["month"], m["documents"]) for m in ent["mentions_by_month"]])
    hub, nodes = views.star(ent["name"], ent["id"], ent["co_occurring"])
    return page_html(request, "entity.html", ent=ent, chart=chart, hub=hub, nodes=nodes)


@router.get("/ledger", response_class=HTMLResponse)
def ledger_page(request: Request, topic: Short = None) -> HTMLResponse:
    ledger = eb_of(request).figures(topic)
    return page_html(request, "ledger.html", ledger=ledger, topic=topic or "")


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, topic: Short = None) -> HTMLResponse:
    events = [e.to_dict() for e in eb_of(request).timeline(topic)]
    dots, ticks = views.timeline_dots(events)
    return page_html(request, "timeline.html", events=events, dots=dots, ticks=ticks,
                     topic=topic or "")


@router.get("/sources", response_class=HTMLResponse)
def sources_page(request: Request) -> HTMLResponse:
    return page_html(request, "sources.html", sources=eb_of(request).sources())


@router.get("/briefs", response_class=HTMLResponse)
def briefs_page(request: Request) -> HTMLResponse:
    return page_html(request, "briefs.html", topics=eb_of(request).briefs())


@router.post("/briefs")
def write_brief(request: Request,
                topic: Annotated[str, Form(min_length=1, max_length=200)],
                lang: Annotated[str, Form(pattern="^(en|zh)$")] = "en") -> Response:
    result = eb_of(request).brief(topic, lang, "json")
    return RedirectResponse(f"/briefs/{result.brief_id}?new={int(result.new)}", 303)


@router.get("/briefs/{brief_id}", response_class=HTMLResponse)
def brief_page(request: Request, brief_id: str,
               new: Annotated[int | None, Query(ge=0, le=1)] = None) -> HTMLResponse:
    ed = eb_of(request).edition(brief_id)
    numbers: dict[str, int] = {}
    for c in _citations(ed["body"]):
        numbers.setdefault(c["doc_id"], len(numbers) + 1)
    return page_html(request, "brief.html", ed=ed, body=ed["body"], numbers=numbers,
                     new=new)


def _citations(body: dict[str, Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []

    def walk(sec: dict[str, Any]) -> None:
        for c in sec.get("claims", ()):
            out.extend(c["citations"])
        for t in sec.get("tables", ()):
            for r in t["rows"]:
                out.extend(r["citations"])
        for s in sec.get("subsections", ()):
            walk(s)

    for s in body.get("sections", ()):
        walk(s)
    return out


@router.get("/ingest", response_class=HTMLResponse)
def ingest_page(request: Request, job: Annotated[str | None, Query(max_length=32)] = None
                ) -> HTMLResponse:
    current = jobs_of(request).get(job) if job else None
    return page_html(request, "ingest.html", job=current, jobs=jobs_of(request).list()[:20],
                     cap_mb=request.app.state.settings.max_upload_bytes / 1048576)


@router.post("/ingest/upload")
async def ingest_upload(request: Request, file: UploadFile) -> Response:
    path = await save_upload(request, file)
    job = start_file_job(request, path, safe_name(file.filename))
    return RedirectResponse(f"/ingest?job={job.id}", 303)


@router.post("/ingest/url")
def ingest_url(request: Request, url: Annotated[str, Form(min_length=8, max_length=2000)]
               ) -> Response:
    job = start_url_job(request, url.strip())
    return RedirectResponse(f"/ingest?job={job.id}", 303)


@router.get("/exports", response_class=HTMLResponse)
def exports_page(request: Request) -> HTMLResponse:
    return page_html(request, "exports.html", tables=TABLES)


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: Annotated[str, Query(max_length=2000)] = "/"
               ) -> HTMLResponse:
    return page_html(request, "login.html", next=_local(next), failed=False)


@router.post("/login")
def login(request: Request, token: Annotated[str, Form(max_length=500)],
          next: Annotated[str, Form(max_length=2000)] = "/") -> Response:
    expected = request.app.state.settings.token
    if not expected or not hmac.compare_digest(token.encode(), expected.encode()):
        if not expected:
            raise InputError("token", "this server does not use a token")
        return page_html(request, "login.html", next=_local(next), failed=True)
    resp = RedirectResponse(_local(next), 303)
    resp.set_cookie(COOKIE, token, httponly=True, samesite="strict",
                    secure=request.url.scheme == "https")
    return resp


def _local(target: str) -> str:
    """Only paths on this server: a login link must not send anyone elsewhere."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target
