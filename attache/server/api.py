"""The HTTP API: each route parses its input, calls one EvidenceBase method, returns JSON."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, BackgroundTasks, Query, Request, UploadFile
from fastapi.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from pydantic import BaseModel, Field

from attache.browse import TABLES
from attache.errors import InputError
from attache.evidence import EvidenceBase
from attache.readers.fetch import check_url
from attache.server.jobs import Job, JobRunner

router = APIRouter(prefix="/api")

Limit = Annotated[int, Query(ge=1, le=500)]
Cursor = Annotated[str | None, Query(max_length=400)]
Short = Annotated[str | None, Query(max_length=200)]
DateText = Annotated[str | None, Query(max_length=10, pattern=r"^\d{4}(-\d{2}){0,2}$")]


class ErrorOut(BaseModel):
    error: str
    status: int


class BriefIn(BaseModel):
    topic: str = Field(min_length=1, max_length=200, examples=["Japan Kazakhstan"])
    lang: Literal["en", "zh"] = "en"


class UrlIn(BaseModel):
    url: str = Field(min_length=8, max_length=2000, examples=["https://example.org/a.html"])


class JobOut(BaseModel):
    id: str
    kind: str
    input: str
    status: str
    done: int
    total: int
    progress: float
    current: str | None
    added: list[str]
    existing: list[str]
    failures: list[dict[str, str]]
    error: str | None
    created_at: str
    finished_at: str | None


ERRORS: dict[int | str, dict[str, Any]] = {
    s: {"model": ErrorOut} for s in (400, 401, 403, 404, 413, 422, 503)}


def eb_of(request: Request) -> EvidenceBase:
    eb: EvidenceBase = request.app.state.eb
    return eb


def jobs_of(request: Request) -> JobRunner:
    jobs: JobRunner = request.app.state.jobs
    return jobs


@router.get("/documents", responses=ERRORS)
def documents(request: Request, language: Short = None, kind: Short = None,
              outlet: Short = None, since: DateText = None, until: DateText = None,
              cursor: Cursor = None, limit: Limit = 50) -> dict[str, Any]:
    """Documents newest first; filters combine; follow ``next_cursor`` for the next page."""
    return eb_of(request).browse(language=language, kind=kind, outlet=outlet, since=since,
                                 until=until, cursor=cursor, limit=limit).to_dict()


@router.get("/documents/{doc_id}", responses=ERRORS)
def document(request: Request, doc_id: str) -> dict[str, Any]:
    """One document: text, sentences with boilerplate marks, extraction, dates, source,
    near-duplicates. ``doc_id`` may be an unambiguous prefix."""
    return eb_of(request).document_view(doc_id)


@router.get("/search", responses=ERRORS)
def search(request: Request, q: Annotated[str, Query(min_length=1, max_length=200)],
           language: Short = None, kind: Short = None,
           year: Annotated[str | None, Query(max_length=7)] = None,
           cursor: Cursor = None, limit: Limit = 20) -> dict[str, Any]:
    """Sentences matching ``q`` in any script, names widened to every language, with facets."""
    return eb_of(request).search_page(q, language=language, kind=kind, year=year,
                                      cursor=cursor, limit=limit).to_dict()


@router.get("/entities", responses=ERRORS)
def entities(request: Request, type: Short = None, q: Short = None, cursor: Cursor = None,
             limit: Limit = 50) -> dict[str, Any]:
    """Entities by the number of documents that mention them."""
    return eb_of(request).entities(type=type, q=q, cursor=cursor, limit=limit).to_dict()


@router.get("/entities/{entity_id}", responses=ERRORS)
def entity(request: Request, entity_id: str) -> dict[str, Any]:
    """One entity: names in every language, mentions by month, co-occurring entities,
    figures and events."""
    return eb_of(request).entity(entity_id)


@router.get("/ledger", responses=ERRORS)
@router.get("/figures", responses=ERRORS)
def ledger(request: Request, topic: Short = None) -> dict[str, Any]:
    """The figure ledger: figures grouped by what they measure, with verdicts and quotes."""
    return eb_of(request).figures(topic).to_dict()


@router.get("/timeline", responses=ERRORS)
@router.get("/events", responses=ERRORS)
def timeline(request: Request, topic: Short = None) -> list[dict[str, Any]]:
    """Events deduplicated across documents and languages, by date."""
    return [e.to_dict() for e in eb_of(request).timeline(topic)]


@router.get("/sources", responses=ERRORS)
def sources(request: Request) -> list[dict[str, Any]]:
    """Source profiles (outlet, kind, country) with their documents and languages."""
    return eb_of(request).sources()


@router.get("/sources/{source_id}", responses=ERRORS)
def source(request: Request, source_id: str) -> dict[str, Any]:
    return eb_of(request).source(source_id)


@router.get("/briefs", responses=ERRORS)
def briefs(request: Request) -> list[dict[str, Any]]:
    """Every brief topic with the ids of its editions."""
    return eb_of(request).briefs()


@router.post("/briefs", responses=ERRORS, status_code=201)
def create_brief(request: Request, body: BriefIn) -> dict[str, Any]:
    """Write the brief on ``topic``: a new edition when the evidence changed, else the
    latest one (``new`` is false)."""
    result = eb_of(request).brief(body.topic, body.lang, "json")
    return {"id": result.brief_id, "edition": result.edition, "new": result.new,
            "brief": result.brief.to_dict()}


@router.get("/briefs/{brief_id}", responses=ERRORS)
def brief(request: Request, brief_id: str,
          format: Literal["json", "md", "html"] = "json") -> Response:
    """One edition as JSON (with its sibling editions), Markdown or self-contained HTML."""
    eb = eb_of(request)
    if format == "json":
        return JSONResponse(eb.edition(brief_id))
    text = eb.edition_text(brief_id, format)
    if format == "md":
        return PlainTextResponse(text, media_type="text/markdown; charset=utf-8")
    # The self-contained brief carries its own inline style; it is served as a download so
    # the app's strict policy still governs every page the app renders.
    return Response(text, media_type="text/html; charset=utf-8",
                    headers={"content-disposition": f'attachment; filename="{brief_id}.html"'})


@router.get("/briefs/{brief_id}/changes", responses=ERRORS)
def brief_changes(request: Request, brief_id: str) -> dict[str, Any]:
    """What changed in this edition against the previous one (empty for a first edition)."""
    ed = eb_of(request).edition(brief_id)
    changes = next((s for s in ed["body"].get("sections", ()) if s.get("key") == "changes"),
                   None)
    return {"id": ed["id"], "edition": ed["edition"],
            "claims": changes["claims"] if changes else []}


# --- ingest ----------------------------------------------------------------------------------

_SAFE = re.compile(r"[^\w.\-]+")


def safe_name(name: str | None) -> str:
    """A file name that cannot leave its folder or hide its extension."""
    base = Path((name or "").replace("\\", "/")).name
    base = _SAFE.sub("_", base).lstrip(".")[:120]
    return base or "upload.txt"


async def save_upload(request: Request, file: UploadFile) -> Path:
    cap: int = request.app.state.settings.max_upload_bytes
    folder = Path(tempfile.mkdtemp(dir=request.app.state.upload_dir))
    path = folder / safe_name(file.filename)
    size = 0
    with path.open("wb") as out:
        while chunk := await file.read(1 << 16):
            size += len(chunk)
            if size > cap:
                out.close()
                path.unlink(missing_ok=True)
                raise InputError(file.filename or "upload",
                                 f"larger than the upload cap of {cap / 1048576:.2f} MB; "
                                 "send a smaller file or raise --max-upload-mb")
            out.write(chunk)
    if size == 0:
        raise InputError(file.filename or "upload", "the file is empty")
    return path


def start_file_job(request: Request, path: Path, label: str) -> Job:
    eb = eb_of(request)
    return jobs_of(request).submit(
        "upload", label, lambda progress: eb.ingest([str(path)], progress=progress))


def start_url_job(request: Request, url: str) -> Job:
    eb = eb_of(request)
    allow = bool(request.app.state.settings.allow_private)
    # Refused at once with a clear status; the fetcher checks again on every redirect.
    check_url(url, allow_private=allow)
    return jobs_of(request).submit(
        "url", url, lambda progress: eb.ingest([url], allow_private=allow, progress=progress))


@router.post("/ingest/upload", responses=ERRORS, status_code=202)
async def ingest_upload(request: Request, file: UploadFile) -> JobOut:
    """Ingest an uploaded file (any format attache reads) as a background job."""
    path = await save_upload(request, file)
    return JobOut(**start_file_job(request, path, safe_name(file.filename)).to_dict())


@router.post("/ingest/url", responses=ERRORS, status_code=202)
def ingest_url(request: Request, body: UrlIn) -> JobOut:
    """Fetch and ingest a URL (page, feed, PDF, WARC) as a background job."""
    return JobOut(**start_url_job(request, body.url).to_dict())


@router.get("/jobs", responses=ERRORS)
def jobs(request: Request) -> list[JobOut]:
    return [JobOut(**j.to_dict()) for j in jobs_of(request).list()]


@router.get("/jobs/{job_id}", responses=ERRORS)
def job(request: Request, job_id: str) -> JobOut:
    """An ingest job's status and progress (``done`` of ``total`` inputs)."""
    return JobOut(**jobs_of(request).get(job_id).to_dict())


# --- exports ---------------------------------------------------------------------------------

MEDIA = {"csv": "text/csv; charset=utf-8", "parquet": "application/vnd.apache.parquet",
         "jsonl": "application/x-ndjson", "ftm": "application/x-ndjson"}


@router.get("/export/{fmt}/{table}", responses=ERRORS)
def export(request: Request, fmt: Literal["csv", "parquet", "jsonl", "ftm"],
           table: str, background: BackgroundTasks) -> FileResponse:
    """Download one table (documents, entities, mentions, figures, ledger, events) as CSV,
    Parquet or JSON lines; ``ftm/entities`` gives FollowTheMoney entities for Aleph."""
    if fmt == "ftm" and table == "entities":
        name = "entities.ftm.json"
    elif fmt == "ftm":
        raise InputError(table, "the FollowTheMoney export is one file: /api/export/ftm/entities")
    elif table in TABLES:
        name = f"{table}.{fmt}"
    else:
        raise InputError(table, f"no such table; use one of {', '.join(TABLES)}")
    folder = Path(tempfile.mkdtemp(dir=request.app.state.upload_dir))
    out = folder / name
    eb_of(request).export_table(table, fmt, out)
    background.add_task(_remove, folder)
    return FileResponse(out, media_type=MEDIA[fmt], filename=name)


def _remove(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
