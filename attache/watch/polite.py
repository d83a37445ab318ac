"""Polite fetching for watched sources, on top of :func:`attache.readers.fetch.fetch_url`.

``fetch_url`` keeps its rules (http(s) only, every redirect re-checked, content types); this
module adds what following a source over weeks needs: conditional requests (ETag,
Last-Modified → 304), robots.txt (``urllib.robotparser``, RFC 9309 reading of errors), a
minimum interval and a cap on requests in flight per host, retries with doubling backoff on
5xx, 429 and network errors, and the private-address guard on every hop, optionally widened to
a few networks the user names (``allow_private = ["127.0.0.1/32"]``) rather than all of them.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
import urllib.parse
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from attache import __version__
from attache.errors import FetchRefused, InputError, UnreadableInput
from attache.readers.fetch import FetchResponse, HttpFetcher, check_url, fetch_url
from attache.watch.config import Politeness

USER_AGENT = f"attache/{__version__} (watch; offline evidence engine; +https://example.invalid/attache)"
ROBOTS_AGENT = "attache"


class HeaderFetcher(Protocol):
    """A :class:`~attache.readers.fetch.Fetcher` that also sends extra request headers."""

    def fetch(self, url: str, *, max_bytes: int, timeout: float,
              headers: dict[str, str] | None = None) -> FetchResponse: ...


@dataclass(frozen=True)
class Fetched:
    url: str  # the final URL after redirects
    body: bytes
    content_type: str | None
    etag: str | None
    last_modified: str | None
    not_modified: bool = False


class Failed(UnreadableInput):
    """A request that failed after its retries; ``status`` is the last HTTP status, if any."""

    def __init__(self, source: str, reason: str, status: int | None) -> None:
        super().__init__(source, reason)
        self.status = status


class Stopped(UnreadableInput):
    """A request not made because a shutdown was asked for."""


class _Hop:
    """One fetch_url call's fetcher: guards each hop, adds headers, remembers what came back."""

    def __init__(self, inner: HeaderFetcher, guard: Callable[[str], None],
                 headers: dict[str, str]) -> None:
        self.inner = inner
        self.guard = guard
        self.headers = headers
        self.status: int | None = None
        self.response: FetchResponse | None = None
        self.transport_error: InputError | None = None

    def fetch(self, url: str, *, max_bytes: int, timeout: float) -> FetchResponse:
        self.guard(url)
        try:
            r = self.inner.fetch(url, max_bytes=max_bytes, timeout=timeout,
                                 headers=self.headers or None)
        except InputError as exc:
            self.transport_error = exc
            raise
        self.status, self.response = r.status, r
        return r


def _retryable(hop: _Hop) -> bool:
    if hop.transport_error is not None:
        # Over the size cap is final; a refused connection, a reset or a timeout may pass.
        return "size cap" not in hop.transport_error.reason
    return hop.status is not None and (hop.status >= 500 or hop.status == 429)


class _Host:
    def __init__(self, per_host: int) -> None:
        self.slots = threading.Semaphore(per_host)
        self.lock = threading.Lock()
        self.next_at = 0.0
        self.robots: urllib.robotparser.RobotFileParser | None = None
        self.robots_error: str | None = None
        self.robots_lock = threading.Lock()  # one robots.txt request per host, others wait


def guard_url(url: str, allow_private: bool,
              networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()
              ) -> None:
    """Refuse ``url`` unless its addresses are public, or private ones allowed (all, or only
    those in ``networks``)."""
    if allow_private:
        check_url(url, allow_private=True)
        return
    if networks:
        host = urllib.parse.urlsplit(url).hostname or ""
        try:
            infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
            ips = {ipaddress.ip_address(str(i[4][0]).split("%")[0]) for i in infos}
        except (OSError, UnicodeError, ValueError):
            ips = set()
        if ips and all(any(ip in net for net in networks) for ip in ips):
            check_url(url, allow_private=True)
            return
    check_url(url, allow_private=False)


class PoliteClient:
    """Fetches for one pass; hosts, robots.txt and rate limits are remembered for the pass."""

    def __init__(self, policy: Politeness, fetcher: HeaderFetcher | None = None,
                 stop: threading.Event | None = None,
                 sleep: Callable[[float], None] | None = None) -> None:
        self.policy = policy
        self.fetcher: HeaderFetcher = fetcher or HttpFetcher(policy.user_agent or USER_AGENT)
        self.stop = stop or threading.Event()
        self._sleep = sleep or self.stop.wait
        self._hosts: dict[str, _Host] = {}
        self._lock = threading.Lock()
        self.requests = 0  # counted for the report and the tests

    # -- the address guard --------------------------------------------------------------------

    def guard(self, url: str) -> None:
        guard_url(url, self.policy.allow_private, self.policy.private_networks)

    def _host(self, url: str) -> tuple[str, _Host]:
        parts = urllib.parse.urlsplit(url)
        key = f"{parts.scheme.lower()}://{(parts.netloc or '').lower()}"
        with self._lock:
            h = self._hosts.get(key)
            if h is None:
                h = self._hosts[key] = _Host(self.policy.per_host)
        return key, h

    # -- one request, with retries ---------------------------------------------------------

    def _wait_turn(self, h: _Host, delay: float) -> None:
        with h.lock:
            now = time.monotonic()
            start = max(now, h.next_at)
            h.next_at = start + delay
        if start > now:
            self._sleep(start - now)

    def _request(self, url: str, headers: dict[str, str], h: _Host, delay: float
                 ) -> tuple[FetchResponse | None, _Hop]:
        """One guarded request; (None, hop) for a 304; raises after the last retry."""
        attempt = 0
        while True:
            if self.stop.is_set():
                raise Stopped(url, "stopped before fetching (shutdown requested)")
            hop = _Hop(self.fetcher, self.guard, headers)
            with h.slots:
                self._wait_turn(h, delay)
                self.requests += 1
                try:
                    # The guard above is the address check; fetch_url's own check would refuse
                    # the networks the user allowed, so it is told to allow only when we do.
                    allow = self.policy.allow_private or bool(self.policy.private_networks)
                    return fetch_url(url, fetcher=hop, allow_private=allow,
                                     max_bytes=self.policy.max_bytes,
                                     timeout=self.policy.timeout), hop
                except FetchRefused:
                    raise
                except InputError as exc:
                    if hop.status == 304:
                        return None, hop
                    if attempt >= self.policy.retries or not _retryable(hop):
                        raise Failed(exc.source, exc.reason, hop.status) from exc
            pause = self.policy.backoff * (2 ** attempt)
            if hop.response is not None:
                after = hop.response.headers.get("retry-after", "")
                if after.isdigit():
                    pause = max(pause, min(float(after), 300.0))
            attempt += 1
            self._sleep(pause)

    # -- robots.txt ----------------------------------------------------------------------------

    def _robots(self, key: str, h: _Host) -> None:
        with h.robots_lock:
            if h.robots is not None:
                return
            rp = urllib.robotparser.RobotFileParser()
            try:
                resp, _hop = self._request(key + "/robots.txt", {}, h, self.policy.min_interval)
                body = resp.body if resp is not None else b""
                rp.parse(body.decode("utf-8", "replace").splitlines())
            except Failed as exc:
                # RFC 9309: a missing robots.txt (4xx) allows everything; an unreachable one
                # (5xx, network) means "assume nothing is allowed" until it can be read.
                if exc.status is not None and 400 <= exc.status < 500:
                    rp.parse([])
                else:
                    h.robots_error = (f"robots.txt could not be read ({exc.reason}); trying "
                                      "again next pass")
                    rp.parse(["User-agent: *", "Disallow: /"])
            h.robots = rp

    def allowed(self, url: str) -> None:
        """Raise :class:`FetchRefused` if robots.txt keeps attache away from ``url``."""
        if not self.policy.robots:
            return
        key, h = self._host(url)
        self._robots(key, h)
        assert h.robots is not None
        if not h.robots.can_fetch(ROBOTS_AGENT, url):
            why = h.robots_error or "robots.txt of the site disallows it for attache"
            raise FetchRefused(url, why)

    def _delay(self, h: _Host) -> float:
        crawl = h.robots.crawl_delay(ROBOTS_AGENT) if h.robots is not None else None
        return max(self.policy.min_interval, float(crawl or 0))

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None
            ) -> Fetched:
        """Fetch ``url`` politely; ``not_modified`` when the validators still hold."""
        self.guard(url)  # before robots.txt, so a private address is not even asked
        self.allowed(url)
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        _key, h = self._host(url)
        resp, hop = self._request(url, headers, h, self._delay(h))
        if resp is None:
            return Fetched(url=url, body=b"", content_type=None, etag=etag,
                           last_modified=last_modified, not_modified=True)
        return Fetched(url=resp.url, body=resp.body,
                       content_type=resp.headers.get("content-type"),
                       etag=resp.headers.get("etag"),
                       last_modified=resp.headers.get("last-modified"))

