"""Fetching URLs: a small Fetcher seam, an urllib implementation, and a fake for tests.

A :class:`Fetcher` makes exactly one request and never follows redirects; the policy — http(s)
only, no private/loopback/link-local/reserved/multicast addresses, at most
:data:`MAX_REDIRECTS` redirects each re-checked, accepted content types — lives in
:func:`fetch_url`, so it holds for every fetcher, the fake included.

The address check resolves the host before the request; a DNS answer that changes between the
check and the connection (rebinding) is not defended against. Run attache behind an egress
proxy if that matters to you.
"""

from __future__ import annotations

import gzip
import io
import ipaddress
import math
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from dataclasses import dataclass, field
from http.client import HTTPException, HTTPMessage, HTTPResponse
from typing import IO, Protocol

from attache.errors import FetchRefused, UnreadableInput, UnsupportedInput

MAX_REDIRECTS = 5
# A server that trickles a few bytes at a time never trips a per-read timeout; this bounds
# the whole fetch, redirects included.
DEADLINE = 60.0
USER_AGENT = "attache/0.1 (offline evidence engine; +https://example.invalid/attache)"

_ACCEPTED = (
    "text/html", "application/xhtml+xml", "application/xml", "text/xml", "application/rss+xml",
    "application/atom+xml", "application/rdf+xml", "application/pdf", "application/x-pdf",
    "text/plain", "text/markdown", "text/x-markdown", "application/warc", "application/x-warc",
    "application/octet-stream", "binary/octet-stream", "application/gzip",
    "application/x-gzip", "application/feed+json",
)
_REFUSED_PREFIXES = ("image/", "video/", "audio/", "font/", "model/")


@dataclass(frozen=True)
class FetchResponse:
    """One HTTP response: final URL, status, headers with lower-case keys, body bytes."""

    url: str
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""


class Fetcher(Protocol):
    """Makes one request to ``url`` (no redirect following) and returns the response.

    Raises :class:`UnreadableInput` for connection failures, timeouts and bodies over
    ``max_bytes``; HTTP error statuses are returned, not raised.
    """

    def fetch(self, url: str, *, max_bytes: int, timeout: float) -> FetchResponse: ...


class FakeFetcher:
    """A Fetcher that serves canned responses by URL; unknown URLs are a connection failure."""

    def __init__(self, pages: dict[str, FetchResponse]) -> None:
        self.pages = dict(pages)
        self.requested: list[str] = []

    def fetch(self, url: str, *, max_bytes: int, timeout: float) -> FetchResponse:
        self.requested.append(url)
        if url not in self.pages:
            raise UnreadableInput(url, "could not connect (no such page in the FakeFetcher)")
        response = self.pages[url]
        if len(response.body) > max_bytes:
            raise UnreadableInput(url, _too_large(max_bytes))
        return response


def _too_large(max_bytes: int) -> str:
    return (f"the response is larger than {max_bytes / 1_000_000:g} MB, the size cap; "
            "raise --max-mb (max_bytes in the API) if you really want it")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(
        self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str,
        headers: HTTPMessage, newurl: str,
    ) -> urllib.request.Request | None:
        return None  # fetch_url follows redirects itself, re-checking every target


class HttpFetcher:
    """A Fetcher on the standard library's urllib (no proxies from the environment)."""

    def __init__(self, user_agent: str = USER_AGENT, deadline: float = DEADLINE) -> None:
        self.user_agent = user_agent
        self.deadline = deadline
        self._opener = urllib.request.build_opener(
            _NoRedirect(), urllib.request.ProxyHandler({})
        )

    def fetch(self, url: str, *, max_bytes: int, timeout: float,
              headers: dict[str, str] | None = None) -> FetchResponse:
        # ``headers`` (optional, e.g. If-None-Match from attache.watch) extend or replace ours.
        request = urllib.request.Request(url, headers={
            "User-Agent": self.user_agent,
            "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,"
                      "application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5",
            "Accept-Encoding": "gzip, identity",
            **(headers or {}),
        })
        started = time.monotonic()
        try:
            response: HTTPResponse | urllib.error.HTTPError = self._opener.open(
                request, timeout=min(timeout, self.deadline)
            )
        except urllib.error.HTTPError as err:
            response = err
        except urllib.error.URLError as exc:
            raise UnreadableInput(url, f"could not connect: {_reason(exc.reason)}; check the "
                                  "URL and your network") from exc
        except TimeoutError as exc:
            raise UnreadableInput(url, f"timed out after {timeout:g} s") from exc
        except (HTTPException, OSError, ValueError) as exc:
            raise UnreadableInput(url, f"could not fetch: {exc}") from exc
        with response:
            status = int(response.status or 0) if not isinstance(
                response, urllib.error.HTTPError) else int(response.code)
            headers = {k.lower(): v for k, v in response.headers.items()}
            body = _read_capped(response, url, max_bytes, timeout, headers,
                                deadline=self.deadline, started=started)
        return FetchResponse(url=url, status=status, headers=headers, body=body)


def _reason(reason: object) -> str:
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, TimeoutError):
        return "timed out"
    if isinstance(reason, socket.gaierror):
        return "the host name does not resolve"
    return str(reason)


def _past_deadline(url: str, deadline: float) -> UnreadableInput:
    return UnreadableInput(url, "the server is too slow: the fetch passed its total deadline "
                           f"of {deadline:g} s; try again later or raise --fetch-deadline")


def _read_capped(
    stream: IO[bytes], url: str, max_bytes: int, timeout: float, headers: dict[str, str],
    *, deadline: float = math.inf, started: float = 0.0,
) -> bytes:
    length = headers.get("content-length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise UnreadableInput(url, _too_large(max_bytes))
    chunks: list[bytes] = []
    size = 0
    try:
        # read1 returns what has arrived; read(n) would wait for n bytes, however slowly.
        read = getattr(stream, "read1", stream.read)
        while True:
            if time.monotonic() - started > deadline:
                raise _past_deadline(url, deadline)
            chunk = read(65536)
            if not chunk:
                break
            size += len(chunk)
            if size > max_bytes:
                raise UnreadableInput(url, _too_large(max_bytes))
            chunks.append(chunk)
    except TimeoutError as exc:
        if time.monotonic() - started > deadline:
            raise _past_deadline(url, deadline) from exc
        raise UnreadableInput(url, f"timed out after {timeout:g} s while reading") from exc
    except (HTTPException, OSError) as exc:
        raise UnreadableInput(url, f"the connection broke while reading: {exc}") from exc
    body = b"".join(chunks)
    if headers.get("content-encoding", "").lower() in ("gzip", "x-gzip"):
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(body)) as gz:
                body = gz.read(max_bytes + 1)
        except (OSError, EOFError, zlib.error) as exc:
            raise UnreadableInput(url, f"the gzip-compressed response is corrupt ({exc})") \
                from exc
        if len(body) > max_bytes:
            raise UnreadableInput(url, _too_large(max_bytes))
    return body


def _blocked(ip: ipaddress.IPv4Address | ipaddress.IPv6Address, *, allow_private: bool = False,
             allow_link_local: bool = False) -> str | None:
    """Why ``ip`` is refused, or None.

    ``allow_private`` admits private and loopback ranges only; link-local addresses
    (169.254.169.254 is the cloud metadata service) need ``allow_link_local`` of their own,
    and multicast, unspecified and reserved addresses are never fetched.
    """
    if isinstance(ip, ipaddress.IPv6Address):
        mapped = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if mapped is not None:
            why = _blocked(mapped, allow_private=allow_private,
                           allow_link_local=allow_link_local)
            if why:
                return why
    if ip.is_link_local:
        return None if allow_link_local else "link-local (cloud metadata) address"
    if ip.is_loopback:  # before 'reserved': ::1 lies in IPv6's reserved ::/8
        return None if allow_private else "private or loopback address"
    if ip.is_multicast or ip.is_unspecified or ip.is_reserved:
        return "multicast, unspecified or reserved address"
    if not ip.is_global or ip.is_private or ip.is_loopback:
        return None if allow_private else "private or loopback address"
    return None


def check_url(url: str, *, allow_private: bool = False, allow_link_local: bool = False) -> None:
    """Refuse URLs attache will not fetch: other schemes, private or special addresses."""
    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise FetchRefused(url, f"not a valid URL ({exc})") from exc
    if parts.scheme.lower() not in ("http", "https"):
        scheme = f"{parts.scheme}:" if parts.scheme else "a bare path"
        raise FetchRefused(url, f"only http and https URLs are fetched, not {scheme}; pass "
                           "local files as paths")
    host = parts.hostname
    if not host:
        raise FetchRefused(url, "the URL has no host")
    try:
        infos = socket.getaddrinfo(host, port or (443 if parts.scheme == "https" else 80),
                                   proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        if allow_private:
            return  # no address to check; the connection itself reports the unknown host
        raise UnreadableInput(url, f"the host {host} does not resolve ({exc}); check the URL "
                              "and your network") from exc
    for info in infos:
        address = str(info[4][0]).split("%")[0]
        ip = ipaddress.ip_address(address)
        why = _blocked(ip, allow_private=allow_private, allow_link_local=allow_link_local)
        if why:
            hint = ("--allow-link-local (allow_link_local=True); only for a host you trust, "
                    "never for a cloud metadata service" if "link-local" in why else
                    "--allow-private (allow_private=True)" if "private" in why else "no option")
            raise FetchRefused(url, f"{host} resolves to {ip}, a {why}; attache does not "
                               f"fetch those (allowed by: {hint})")


def check_content_type(url: str, content_type: str | None) -> None:
    """Refuse media types no reader handles (images, video, archives…)."""
    if not content_type:
        return
    mime = content_type.split(";")[0].strip().lower()
    if mime.startswith(_REFUSED_PREFIXES) or (mime not in _ACCEPTED and not mime.startswith(
        "text/") and not mime.endswith(("+xml", "/xml"))
    ):
        raise UnsupportedInput(url, f"the server sent {mime}, which attache does not read; it "
                               "reads HTML, RSS/Atom, PDF, plain text, markdown and WARC")


def fetch_url(
    url: str,
    *,
    fetcher: Fetcher,
    allow_private: bool = False,
    max_bytes: int,
    timeout: float,
    allow_link_local: bool = False,
    deadline: float = DEADLINE,
) -> FetchResponse:
    """Fetch ``url`` under the policy above; return the final 2xx response.

    ``deadline`` bounds the whole fetch, redirects included (an :class:`HttpFetcher` also
    enforces it while a body trickles in).
    """
    current = url
    started = time.monotonic()
    for _ in range(MAX_REDIRECTS + 1):
        if time.monotonic() - started > deadline:
            raise _past_deadline(url, deadline)
        check_url(current, allow_private=allow_private, allow_link_local=allow_link_local)
        response = fetcher.fetch(current, max_bytes=max_bytes, timeout=timeout)
        if response.status in (301, 302, 303, 307, 308):
            target = response.headers.get("location")
            if not target:
                raise UnreadableInput(current, f"HTTP {response.status} redirect without a "
                                      "Location header")
            current = urllib.parse.urljoin(current, target.strip())
            continue
        if not 200 <= response.status < 300:
            raise UnreadableInput(current, f"the server answered HTTP {response.status}"
                                  f"{_status_hint(response.status)}")
        check_content_type(current, response.headers.get("content-type"))
        return response
    raise UnreadableInput(url, f"more than {MAX_REDIRECTS} redirects; open the URL in a browser "
                          "and pass the final address")


def _status_hint(status: int) -> str:
    if status == 404:
        return " (not found); check the URL"
    if status in (401, 403):
        return " (access denied); save the page from a browser and ingest the file"
    if status == 429:
        return " (too many requests); try again later"
    if status >= 500:
        return " (server error); try again later"
    return ""
