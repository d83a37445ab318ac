"""The page templates (Jinja2, autoescaped) with the filters they use, and one render call."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=str(HERE / "templates"))


def _urlq(params: dict[str, Any], **extra: Any) -> str:
    """Query-string of the non-empty values (autoescaping then makes it safe in an href)."""
    merged = {**params, **extra}
    return urlencode({k: v for k, v in merged.items() if v not in (None, "")})


def _toggle(chosen: dict[str, Any], key: str, value: str) -> dict[str, Any]:
    """The facet filters with ``key`` set to ``value``, or cleared when it already is."""
    return {**chosen, key: None if chosen.get(key) == value else value}


templates.env.filters["urlq"] = _urlq
templates.env.globals["toggle"] = _toggle


def page_html(request: Request, name: str, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context)
