"""The FastAPI application: the HTTP API under /api, the web pages, and their static files.

Routes only parse input, call one EvidenceBase method and format the answer. Errors are mapped
to statuses in one place (:func:`status_for`): the API answers JSON, the pages an HTML page.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from attache import __version__
from attache.errors import (
    AttacheError,
    ConfigError,
    FetchRefused,
    InputError,
    NotFound,
    StoreError,
    UnreadableInput,
)
from attache.evidence import EvidenceBase
from attache.server.guard import Guard
from attache.server.jobs import JobRunner
from attache.server.settings import ServerSettings
from attache.server.templating import templates

HERE = Path(__file__).resolve().parent


def status_for(exc: BaseException) -> int:
    """The one mapping from the exception tree to HTTP statuses."""
    if isinstance(exc, NotFound):
        return 404
    if isinstance(exc, FetchRefused):
        return 403
    if isinstance(exc, UnreadableInput) and "MB" in str(exc):
        return 413
    if isinstance(exc, (InputError, ConfigError)):
        return 400
    if isinstance(exc, StoreError):
        return 503
    return 500


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path == "/openapi.json"


def error_response(request: Request, status: int, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": message, "status": status}, status_code=status)
    return templates.TemplateResponse(request, "error.html",
                                      {"status": status, "message": message},
                                      status_code=status)


def create_app(settings: ServerSettings, eb: EvidenceBase | None = None) -> FastAPI:
    """The application over ``eb`` (or the store ``settings.db``)."""
    settings = settings.checked()
    own_upload_dir = settings.upload_dir is None
    upload_dir = settings.upload_dir or Path(tempfile.mkdtemp(prefix="attache-uploads-"))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Load the knowledge base and the segmenter once, before requests race to do it.
        app.state.eb.segmenter  # noqa: B018
        yield
        app.state.jobs.close()
        if own_upload_dir:
            shutil.rmtree(upload_dir, ignore_errors=True)

    app = FastAPI(title="attache", version=__version__, lifespan=lifespan,
                  description="Evidence base and cited briefs over the HTTP API. Every route "
                              "needs the API token when the server was started with one.",
                  docs_url=None, redoc_url=None)
    if eb is None:
        from attache.kb import KnowledgeBase
        from attache.sources import OutletRegistry

        kb = KnowledgeBase.load(settings.kb_paths) if settings.kb_paths else None
        outlets = OutletRegistry.load(settings.outlet_paths) if settings.outlet_paths else None
        eb = EvidenceBase(settings.db, kb=kb, outlets=outlets)
    eb.ensure_browse_indexes()
    app.state.eb = eb
    app.state.settings = settings
    app.state.jobs = JobRunner()
    app.state.upload_dir = upload_dir

    @app.exception_handler(AttacheError)
    async def attache_error(request: Request, exc: AttacheError) -> Response:
        return error_response(request, status_for(exc), str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        parts = []
        for e in exc.errors():
            where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("body", "query"))
            parts.append(f"{where or 'request'}: {e.get('msg', 'invalid')}")
        return error_response(request, 422, "; ".join(parts) or "invalid request")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "request refused"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no page at {request.url.path}; see /openapi.json for the API"
        return error_response(request, exc.status_code, message)

    from attache.server.api import router as api_router
    from attache.server.pages import router as page_router

    app.include_router(api_router)
    app.include_router(page_router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.get("/favicon.ico", include_in_schema=False)
    async def favicon() -> Response:
        return Response(status_code=204)

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> Response:
        return error_response(request, 500, f"internal error ({exc.__class__.__name__}); "
                              "the server log has the details")

    app.add_middleware(Guard, token=settings.token, max_body=settings.max_body_bytes,
                       max_upload=settings.max_upload_bytes, hosts=settings.answers_to())
    return app
