"""The server's outer wall, one ASGI layer: security headers, the API token, body-size caps.

Every response carries a Content-Security-Policy that allows only the app's own script and
style files (no inline script, no inline style, no plugins, no framing), so a document that
smuggles markup into a page still cannot run anything. When a token is set, every route needs
it — as ``Authorization: Bearer``, an ``X-Attache-Token`` header, or the cookie the login form
sets — compared in constant time. Without a token (loopback only), requests must name the
server by a loopback host, so a web page cannot reach it through a domain that resolves to
127.0.0.1 (DNS rebinding); and a form posted from another origin is refused.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import quote, urlsplit

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; "
       "object-src 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
COOKIE = "attache_token"
# The login page and its stylesheet must load before the token is known.
OPEN_PATHS = ("/login", "/static/app.css")
UPLOAD_PATHS = ("/api/ingest/upload", "/ingest/upload")


class Guard:
    def __init__(self, app: ASGIApp, *, token: str | None, max_body: int,
                 max_upload: int, hosts: frozenset[str] = frozenset()) -> None:
        self.app = app
        self.token = token.encode() if token else None
        self.hosts = hosts
        self.max_body = max_body
        self.max_upload = max_upload

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + HEADERS
            await send(message)

        path: str = scope.get("path", "")
        headers = {k.decode("latin-1").lower(): v for k, v in scope.get("headers", [])}
        host = headers.get("host", b"").decode("latin-1")
        if self.token is None and _hostname(host) not in self.hosts:
            await _json(send_with_headers, 403,
                        f"this server answers only to {', '.join(sorted(self.hosts))}, not "
                        f"{host or 'a request without a Host header'}; open it by that name, "
                        "or start it with --token to serve other names")
            return
        if scope.get("method") not in ("GET", "HEAD", "OPTIONS"):
            origin = headers.get("origin", b"").decode("latin-1")
            if origin and origin != "null" and urlsplit(origin).netloc != host:
                await _json(send_with_headers, 403,
                            f"a form or request from {origin} may not change this server")
                return
        if self.token is not None and not path.startswith(OPEN_PATHS) \
                and not self._authorized(headers):
            await self._refuse(scope, send_with_headers, path)
            return
        cap = self.max_upload if path.startswith(UPLOAD_PATHS) else self.max_body
        declared = headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > cap:
            await _json(send_with_headers, 413, _too_big(cap, path))
            return
        seen = 0

        async def capped_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > cap:
                    raise BodyTooLarge(_too_big(cap, path))
            return message

        try:
            await self.app(scope, capped_receive, send_with_headers)
        except BodyTooLarge as exc:
            await _json(send_with_headers, 413, str(exc))

    def _authorized(self, headers: dict[str, bytes]) -> bool:
        assert self.token is not None
        given: list[bytes] = []
        auth = headers.get("authorization", b"")
        if auth[:7].lower() == b"bearer ":
            given.append(auth[7:].strip())
        if "x-attache-token" in headers:
            given.append(headers["x-attache-token"].strip())
        for part in headers.get("cookie", b"").split(b";"):
            name, _, value = part.strip().partition(b"=")
            if name == COOKIE.encode():
                given.append(value)
        ok = False
        for g in given:
            # Every candidate is compared, so timing does not tell which one was close.
            ok |= hmac.compare_digest(g, self.token)
        return ok

    async def _refuse(self, scope: Scope, send: Send, path: str) -> None:
        # Pages send a person to the login form; machines get a JSON answer.
        if path.startswith(("/api", "/openapi.json", "/static")) or \
                scope.get("method") not in ("GET", "HEAD"):
            await _json(send, 401, "this server requires an API token: send 'Authorization: "
                                   "Bearer <token>' (the token given to 'attache serve "
                                   "--token' or ATTACHE_TOKEN)")
            return
        target = path + ("?" + scope["query_string"].decode("latin-1")
                         if scope.get("query_string") else "")
        await send({"type": "http.response.start", "status": 303,
                    "headers": [(b"location", f"/login?next={quote(target)}".encode())]})
        await send({"type": "http.response.body", "body": b""})


def _hostname(host: str) -> str:
    """The name in a Host header, without its port ("[::1]:8000" -> "::1")."""
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class BodyTooLarge(Exception):
    pass


def _too_big(cap: int, path: str) -> str:
    what = "an upload" if path.startswith(UPLOAD_PATHS) else "a request body"
    return (f"{what} may hold at most {cap / 1048576:.2f} MB; send a smaller file or start "
            "the server with a larger --max-upload-mb")


async def _json(send: Send, status: int, message: str) -> None:
    body = json.dumps({"error": message, "status": status}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
