"""``attache serve``: the HTTP API and the web application over one evidence base."""

from __future__ import annotations

from typing import TYPE_CHECKING

from attache.server.settings import ServerSettings

if TYPE_CHECKING:
    from fastapi import FastAPI

    from attache.evidence import EvidenceBase

__all__ = ["ServerSettings", "create_app", "serve"]


def create_app(settings: ServerSettings, eb: EvidenceBase | None = None) -> FastAPI:
    """The application over ``eb``, or over the store named by ``settings.db``."""
    from attache.server.app import create_app as _create

    return _create(settings, eb)


def serve(settings: ServerSettings) -> None:
    """Run the application with uvicorn on ``settings.host:port`` until interrupted."""
    import uvicorn

    app = create_app(settings)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="info",
                server_header=False, proxy_headers=False)
