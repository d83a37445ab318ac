"""URL fetching: a loopback http.server for the real fetcher, a FakeFetcher for the policy."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from attache.errors import FetchRefused, UnreadableInput, UnsupportedInput
from attache.model import Document
from attache.readers import FakeFetcher, FetchResponse, HttpFetcher, read_url

TEXTS: dict[str, str] = json.loads(
    (Path(__file__).parent / "golden" / "readers" / "texts.json").read_text("utf-8")
)
HTML = (f"<html><head><meta charset='utf-8'><title>Tokayev in Tokyo</title></head><body>"
        f"<article><h1>Tokayev in Tokyo</h1><p>{TEXTS['EN']}</p></article></body></html>")
GBK_HTML = (f"<html><head><title>访日</title></head><body><article><p>{TEXTS['ZH_HANS']}</p>"
            "</article></body></html>").encode("gbk")
FEED = (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Desk</title>"
        f"<item><title>Визит</title><link>https://e.kz/1</link>"
        f"<pubDate>2025年12月18日 10:30</pubDate><description>{TEXTS['RU']}</description></item>"
        "</channel></rss>").encode()


def _pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.multi_cell(0, 6, TEXTS["EN"])
    return bytes(pdf.output())


ROUTES: dict[str, tuple[int, str, bytes]] = {
    "/article.html": (200, "text/html; charset=utf-8", HTML.encode()),
    "/gbk.html": (200, "text/html; charset=GBK", GBK_HTML),
    "/feed.xml": (200, "application/rss+xml", FEED),
    "/paper.pdf": (200, "application/pdf", _pdf()),
    "/big.txt": (200, "text/plain", b"x" * 300_000),
    "/photo.png": (200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(100)),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        if self.path.startswith("/redirect/"):
            n = int(self.path.rsplit("/", 1)[1])
            self.send_response(302)
            self.send_header("Location", f"/redirect/{n - 1}" if n > 0 else "/article.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if self.path == "/trickle.txt":
            # 8 bytes every 0.3 s: never idle long enough for a per-read timeout.
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "800")
            self.end_headers()
            try:
                for _ in range(100):
                    self.wfile.write(b"slowtext")
                    self.wfile.flush()
                    time.sleep(0.3)
            except OSError:
                pass  # the client gave up, as it should
            return
        status, ctype, body = ROUTES.get(self.path, (404, "text/html", b"<h1>Not found</h1>"))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", "Thu, 18 Dec 2025 10:00:00 GMT")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # keep test output quiet


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def fetch(url: str, **kw: object) -> list[Document]:
    return read_url(url, allow_private=True, timeout=5, **kw)  # type: ignore[arg-type]


def test_html_over_http(server: str) -> None:
    doc = fetch(f"{server}/article.html")[0]
    assert doc.format == "html" and TEXTS["EN"] in doc.text
    assert doc.url == f"{server}/article.html"
    assert doc.published and (doc.published.value, doc.published.source) == ("2025-12-18", "http")


def test_gbk_declared_in_header(server: str) -> None:
    doc = fetch(f"{server}/gbk.html")[0]
    assert TEXTS["ZH_HANS"] in doc.text and doc.encoding == "gb18030"


def test_feed_and_pdf(server: str) -> None:
    item = fetch(f"{server}/feed.xml")[0]
    assert item.format == "feed" and item.published and item.published.value == "2025-12-18"
    pdf = fetch(f"{server}/paper.pdf")[0]
    assert pdf.format == "pdf" and "Kassym-Jomart Tokayev" in pdf.text


def test_redirects(server: str) -> None:
    assert fetch(f"{server}/redirect/3")[0].url == f"{server}/article.html"
    with pytest.raises(UnreadableInput, match="more than 5 redirects"):
        fetch(f"{server}/redirect/7")


def test_http_errors_and_limits(server: str) -> None:
    with pytest.raises(UnreadableInput, match="HTTP 404"):
        fetch(f"{server}/missing")
    with pytest.raises(UnreadableInput, match="larger than 0.1 MB"):
        fetch(f"{server}/big.txt", max_bytes=100_000)
    with pytest.raises(UnsupportedInput, match="image/png"):
        fetch(f"{server}/photo.png")


def test_closed_port() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(UnreadableInput, match="could not connect"):
        fetch(f"http://127.0.0.1:{port}/x")


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1/", "http://10.1.2.3/", "http://169.254.169.254/latest/meta-data/",
     "http://[::1]/", "http://[::ffff:127.0.0.1]/", "http://192.168.0.1/", "http://0.0.0.0/",
     "http://224.0.0.1/", "http://localhost/"],
)
def test_private_addresses_refused(url: str) -> None:
    fetcher = FakeFetcher({})
    with pytest.raises(FetchRefused, match="attache does not fetch those"):
        read_url(url, fetcher=fetcher)
    assert fetcher.requested == []


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/a", "data:,hi",
                                 "javascript:alert(1)", "/local/path"])
def test_schemes_refused(url: str) -> None:
    with pytest.raises(FetchRefused, match="only http and https"):
        read_url(url, fetcher=FakeFetcher({}))


def test_redirect_to_private_address_refused() -> None:
    public = "http://93.184.216.34/story"
    fetcher = FakeFetcher({public: FetchResponse(public, 302, {"location": "http://10.0.0.5/"})})
    with pytest.raises(FetchRefused):
        read_url(public, fetcher=fetcher)
    assert fetcher.requested == [public]


def test_fake_fetcher() -> None:
    url = "http://93.184.216.34/a"
    fetcher = FakeFetcher({url: FetchResponse(url, 200, {"content-type": "text/html"},
                                              HTML.encode())})
    assert read_url(url, fetcher=fetcher)[0].title == "Tokayev in Tokyo"
    with pytest.raises(UnreadableInput, match="larger than"):
        read_url(url, fetcher=fetcher, max_bytes=10)


def test_http_fetcher_is_a_fetcher() -> None:
    assert callable(HttpFetcher().fetch)


def test_total_deadline_stops_a_trickling_server(server: str) -> None:
    # Before: only a per-read timeout, so a server sending a few bytes at a time held the
    # fetch for as long as it liked (30 s here; 75 s and more in the probe).
    started = time.monotonic()
    with pytest.raises(UnreadableInput, match="total deadline of 1.5 s"):
        fetch(f"{server}/trickle.txt", deadline=1.5)
    assert time.monotonic() - started < 15  # generous: the point is "not 30 s"


@pytest.mark.parametrize("url", ["http://169.254.169.254/latest/meta-data/",
                                 "http://[fe80::1]/", "http://[::ffff:169.254.169.254]/"])
def test_allow_private_does_not_admit_link_local(url: str) -> None:
    fetcher = FakeFetcher({})
    with pytest.raises(FetchRefused, match="link-local"):
        read_url(url, fetcher=fetcher, allow_private=True)
    assert fetcher.requested == []


def test_link_local_needs_its_own_option() -> None:
    url = "http://169.254.169.254/latest/meta-data/"
    page = FetchResponse(url=url, status=200, headers={"content-type": "text/plain"},
                         body=b"Metadata served on purpose by a host the user trusts.")
    fetcher = FakeFetcher({url: page})
    docs = read_url(url, fetcher=fetcher, allow_private=True, allow_link_local=True)
    assert docs[0].text.startswith("Metadata")


def test_allow_private_admits_private_and_loopback() -> None:
    pages = {u: FetchResponse(url=u, status=200, headers={"content-type": "text/plain"},
                              body=b"An intranet page about the forum in Astana.")
             for u in ("http://10.1.2.3/a", "http://127.0.0.1/b")}
    fetcher = FakeFetcher(pages)
    for u in pages:
        assert read_url(u, fetcher=fetcher, allow_private=True)[0].text.startswith("An intranet")
    with pytest.raises(FetchRefused, match="multicast"):
        read_url("http://224.0.0.1/", fetcher=fetcher, allow_private=True)
