"""A local web site whose pages change between passes, and the polite client against it.

Loopback only: the server binds 127.0.0.1 on a free port; the tests allow exactly that
network (``allow_private = ["127.0.0.1/32"]``), so every other private address stays refused.
"""

from __future__ import annotations

import email.utils
import hashlib
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from attache.errors import FetchRefused, UnreadableInput
from attache.watch.config import parse_config
from attache.watch.polite import PoliteClient


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    delay: float = 0.0
    location: str | None = None
    fail_first: int = 0  # answer 500 to this many requests, then normally
    validators: bool = True  # send ETag / Last-Modified and honour them
    modified: float = field(default_factory=lambda: 1_700_000_000.0)
    headers: dict[str, str] = field(default_factory=dict)


class Site:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, str, dict[str, str]]] = []  # (method, path, headers)
        self.posts: list[tuple[str, Any]] = []
        self.in_flight = self.most_in_flight = 0
        self._count = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802 - the http.server API
                n = int(self.headers.get("content-length") or 0)
                site.posts.append((self.path, json.loads(self.rfile.read(n))))
                self.send_response(204)
                self.end_headers()

            def do_GET(self) -> None:  # noqa: N802
                site.requests.append(("GET", self.path, dict(self.headers.items())))
                r = site.routes.get(self.path)
                if r is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if r.delay:
                    with site._count:
                        site.in_flight += 1
                        site.most_in_flight = max(site.most_in_flight, site.in_flight)
                    time.sleep(r.delay)
                    with site._count:
                        site.in_flight -= 1
                if r.fail_first > 0:
                    r.fail_first -= 1
                    self.send_response(500)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                etag = '"' + hashlib.sha1(r.body).hexdigest()[:16] + '"'
                lastmod = email.utils.formatdate(r.modified, usegmt=True)
                if r.validators and (self.headers.get("If-None-Match") == etag or (
                        self.headers.get("If-Modified-Since") == lastmod
                        and not self.headers.get("If-None-Match"))):
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(r.status)
                if r.location:
                    self.send_header("Location", r.location)
                for k, v in r.headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Type", r.content_type)
                self.send_header("Content-Length", str(len(r.body)))
                if r.validators:
                    self.send_header("ETag", etag)
                    self.send_header("Last-Modified", lastmod)
                self.end_headers()
                try:
                    self.wfile.write(r.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return self.base + path

    def set(self, path: str, body: str | bytes, **kw: Any) -> Route:
        data = body.encode("utf-8") if isinstance(body, str) else body
        old = self.routes.get(path)
        r = Route(body=data, **kw)
        if old is not None and old.body != data:
            r.modified = old.modified + 60
        elif old is not None:
            r.modified = old.modified
        self.routes[path] = r
        return r

    def gets(self, path: str) -> list[dict[str, str]]:
        return [h for m, p, h in self.requests if m == "GET" and p == path]


@pytest.fixture(name="site")
def site_fixture() -> Iterator[Site]:
    s = Site()
    s.thread.start()
    try:
        yield s
    finally:
        s.server.shutdown()
        s.server.server_close()


def rss(items: list[tuple[str, str, str, str]], title: str = "Local Wire") -> str:
    """An RSS 2.0 feed from (link, title, date, text) items."""
    body = "".join(
        f"<item><title>{t}</title><link>{link}</link><guid>{link}</guid>"
        f"<pubDate>{d}</pubDate><description>{x}</description></item>"
        for link, t, d, x in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{title}</title><link>http://127.0.0.1/</link>"
            f"<description>test</description>{body}</channel></rss>")


POLITE = """
[watch]
timeout = 0.5
retries = 2
backoff = 0.01
min_interval = 0
allow_private = ["127.0.0.1/32"]
max_mb = 1
"""


def client() -> PoliteClient:
    return PoliteClient(parse_config(POLITE).politeness)


def test_conditional_requests_and_user_agent(site: Site) -> None:
    site.set("/page", "<html><body><p>Hello there.</p></body></html>")
    c = client()
    first = c.get(site.url("/page"))
    assert not first.not_modified and first.etag and first.last_modified
    again = c.get(site.url("/page"), etag=first.etag, last_modified=first.last_modified)
    assert again.not_modified and again.body == b""
    headers = site.gets("/page")
    assert headers[1]["If-None-Match"] == first.etag
    assert all("attache" in h["User-Agent"] for h in headers)
    assert len(site.gets("/robots.txt")) == 1  # once per host and pass


def test_retries_on_5xx_then_succeeds(site: Site) -> None:
    site.set("/flaky", "<html><body><p>Finally.</p></body></html>", fail_first=2)
    assert client().get(site.url("/flaky")).body.startswith(b"<html>")
    assert len(site.gets("/flaky")) == 3


def test_gives_up_after_retries(site: Site) -> None:
    site.set("/down", "", status=503, validators=False)
    with pytest.raises(UnreadableInput, match="HTTP 503"):
        client().get(site.url("/down"))
    assert len(site.gets("/down")) == 3  # one try and two retries


def test_robots_txt_is_honoured(site: Site) -> None:
    site.set("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    site.set("/private/x", "<html><body><p>secret</p></body></html>")
    with pytest.raises(FetchRefused, match="robots.txt"):
        client().get(site.url("/private/x"))
    assert site.gets("/private/x") == []


def test_redirect_to_a_private_address_is_refused(site: Site) -> None:
    site.set("/jump", "", status=302, location="http://10.1.2.3/metadata", validators=False)
    with pytest.raises(FetchRefused, match="10.1.2.3"):
        client().get(site.url("/jump"))


def test_private_addresses_refused_unless_allowed() -> None:
    c = PoliteClient(parse_config("").politeness)
    with pytest.raises(FetchRefused, match="private or loopback"):
        c.get("http://127.0.0.1:9/feed.xml")


def test_oversized_and_slow(site: Site) -> None:
    site.set("/big", b"<html><body>" + b"x" * (2 * 1024 * 1024) + b"</body></html>")
    with pytest.raises(UnreadableInput, match="size cap"):
        client().get(site.url("/big"))
    assert len(site.gets("/big")) == 1  # a size cap is not retried
    site.set("/slow", "<html><body><p>late</p></body></html>", delay=1.5)
    with pytest.raises(UnreadableInput, match="timed out"):
        client().get(site.url("/slow"))


def test_rate_limit_spaces_requests_to_one_host(site: Site) -> None:
    site.set("/a", "<html><body><p>a</p></body></html>", validators=False)
    waits: list[float] = []
    pol = parse_config(POLITE.replace("min_interval = 0", "min_interval = 5")).politeness
    c = PoliteClient(pol, sleep=waits.append)  # records the waits instead of sleeping
    for _ in range(3):
        c.get(site.url("/a"))
    # robots.txt and three pages: every request after the first waits its turn.
    assert len(waits) == 3 and all(w > 4 for w in waits)


@pytest.mark.parametrize("per_host", [1, 2])
def test_requests_in_flight_per_host_are_capped(site: Site, per_host: int) -> None:
    for n in range(4):
        site.set(f"/s{n}", "<html><body><p>slow</p></body></html>", delay=0.3)
    pol = parse_config(POLITE.replace("timeout = 0.5", "timeout = 5")
                       + f"per_host = {per_host}\n").politeness
    c = PoliteClient(pol)
    threads = [threading.Thread(target=c.get, args=(site.url(f"/s{n}"),)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [len(site.gets(f"/s{n}")) for n in range(4)] == [1, 1, 1, 1]
    assert site.most_in_flight == per_host


def test_unreachable_robots_txt_means_wait(site: Site) -> None:
    site.set("/robots.txt", "", status=503, validators=False)
    site.set("/page", "<html><body><p>Hello.</p></body></html>")
    with pytest.raises(FetchRefused, match="robots.txt could not be read"):
        client().get(site.url("/page"))
    assert site.gets("/page") == []


def test_too_many_requests_waits_as_told(site: Site) -> None:
    site.set("/busy", "", status=429, validators=False, headers={"Retry-After": "7"})
    waits: list[float] = []
    c = PoliteClient(parse_config(POLITE).politeness, sleep=waits.append)
    with pytest.raises(UnreadableInput, match="HTTP 429"):
        c.get(site.url("/busy"))
    assert len(site.gets("/busy")) == 3 and waits == [7.0, 7.0]


def test_sitemap_index_children_and_hostile_xml(site: Site) -> None:
    from attache.watch.collect import collect
    from attache.watch.config import Source

    def urlset(*locs: str) -> str:
        return ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/'
                'sitemap/0.9">' + "".join(f"<url><loc>{site.url(x)}</loc><lastmod>2025-12-19"
                                          "</lastmod></url>" for x in locs) + "</urlset>")

    site.set("/index.xml", '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/'
             f'schemas/sitemap/0.9"><sitemap><loc>{site.url("/s1.xml")}</loc></sitemap>'
             f'<sitemap><loc>{site.url("/s2.xml")}</loc></sitemap></sitemapindex>',
             content_type="application/xml")
    site.set("/s1.xml", urlset("/p/1", "/p/2"), content_type="application/xml")
    site.set("/s2.xml", urlset("/p/3"), content_type="application/xml")
    for n in (1, 2, 3):
        site.set(f"/p/{n}", f"<html><body><article><p>Story number {n} about Japan and "
                 "Kazakhstan.</p></article></body></html>")
    src = Source(kind="sitemap", address=site.url("/index.xml"), name="index", interval=0)
    got = collect(src, client(), lambda addresses: {}, outlet="Kazinform")
    assert sorted(i.address for i in got.items) == [site.url(f"/p/{n}") for n in (1, 2, 3)]
    assert all(d.outlet == "Kazinform" for i in got.items for d in i.documents)
    # Already stored with the same lastmod: not fetched at all.
    before = len(site.requests)
    known = {i.address: {i.content_hash} for i in got.items}
    again = collect(src, client(), lambda a: {x: known.get(x, set()) for x in a}, outlet=None,
                    etag="stale")
    assert again.items == [] and again.unchanged == 3
    assert [p for _m, p, _h in site.requests[before:] if p.startswith("/p/")] == []
    # Not recorded by this source, but already in the store under that URL: not fetched.
    before = len(site.requests)
    elsewhere = collect(src, client(), lambda a: {}, outlet=None,
                        stored=lambda url: url.endswith("/p/2"))
    assert [(i.address.rsplit("/", 2)[-2:], len(i.documents)) for i in elsewhere.items] == [
        (["p", "1"], 1), (["p", "2"], 0), (["p", "3"], 1)]
    assert "/p/2" not in [p for _m, p, _h in site.requests[before:]]

    bomb = ('<?xml version="1.0"?><!DOCTYPE u [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;'
            '&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>&c;</loc>'
            "</url></urlset>")
    site.set("/bomb.xml", bomb, content_type="application/xml")
    src = Source(kind="sitemap", address=site.url("/bomb.xml"), name="bomb", interval=0)
    assert collect(src, client(), lambda a: {}, outlet=None).items == []  # nothing expanded
