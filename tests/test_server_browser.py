"""The web application in a real browser: Playwright drives Debian's chromium against the server
on loopback. Skipped when chromium or Playwright is missing, unless ATTACHE_REQUIRE_BROWSER=1
(CI) makes that a failure. Screenshots go to tmp/artifacts (or $ATTACHE_ARTIFACTS).
"""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from attache.evidence import EvidenceBase
from attache.server import ServerSettings, create_app

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = Path(os.environ.get("ATTACHE_ARTIFACTS") or ROOT / "tmp" / "artifacts")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

# Untrusted documents: every way a source could try to run code in the analyst's browser.
PAYLOADS = {
    "evil_plain.txt": (
        "Zanzibarx report. Kazakhstan and Japan signed 12 agreements worth $5 billion in 2025.\n"
        "<script>window.__pwned='script'</script>\n"
        "<img src=x onerror=\"window.__pwned='img'\"> Tokayev met Takaichi in Tokyo.\n"
        "<a href=\"javascript:window.__pwned='link'\">Kazakhstan</a> trade grew.\n"
        "<svg onload=\"window.__pwned='svg'\"><script>window.__pwned='svg-script'</script></svg>\n"
        "<div <p onclick=\"window.__pwned='broken'\" '><iframe src=\"javascript:alert(1)\">\n"
        "</textarea></title></style><script>window.__pwned='close'</script><!--\n"
        "<object data=\"data:text/html,<script>parent.__pwned='object'</script>\"></object>\n"),
    "evil_front.md": (
        "---\n"
        "title: \"Zanzibarx <img src=x onerror=window.__pwned='title'>\"\n"
        "outlet: \"<script>window.__pwned='outlet'</script> Times\"\n"
        "date: 2025-12-20\n"
        "---\n\n"
        "Zanzibarx: [Tokyo](javascript:window.__pwned='md') hosted Tokayev. "
        "<svg><animate onbegin=\"window.__pwned='animate'\" attributeName=x dur=1s/></svg>\n\n"
        "Japan said investment in Kazakhstan exceeded $7 billion.\n"),
    "evil_page.html": (
        "<html><head><title>Zanzibarx &lt;script&gt;window.__pwned='esc'&lt;/script&gt;</title>"
        "<meta property=\"og:site_name\" content=\"&lt;img src=x onerror=window.__pwned='site'&gt;\">"
        "</head><body><article><h1>Zanzibarx summit</h1>"
        "<p>Kazakhstan President Tokayev met Prime Minister Takaichi in Tokyo on 19 December 2025. "
        "They signed 60 documents. &lt;svg onload=window.__pwned='svg-text'&gt;</p>"
        "<p>Markup <b>left <i>open <a href=\"javascript:window.__pwned='a'\">here</p>"
        "<p>Trade between Japan and Kazakhstan reached $2 billion in 2024.</p>"
        "</article></body></html>"),
}


def chromium() -> str:
    path = shutil.which("/usr/bin/chromium") or shutil.which("chromium")
    required = os.environ.get("ATTACHE_REQUIRE_BROWSER") == "1"
    if not path:
        if required:
            pytest.fail("ATTACHE_REQUIRE_BROWSER=1 but chromium is not installed "
                        "(apt-get install -y chromium)")
        pytest.skip("chromium is not installed")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        if required:
            pytest.fail("ATTACHE_REQUIRE_BROWSER=1 but the playwright package is missing "
                        "(pip install -e '.[test]')")
        pytest.skip("playwright is not installed")
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(loaded: EvidenceBase, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    chromium()
    folder = tmp_path_factory.mktemp("browser-store")
    db = folder / "serve.db"
    src = sqlite3.connect(loaded.store.url.removeprefix("sqlite:///"))
    dst = sqlite3.connect(db)
    with dst:
        src.backup(dst)
    src.close()
    dst.close()
    payloads = folder / "payloads"
    payloads.mkdir()
    for name, text in PAYLOADS.items():
        (payloads / name).write_text(text, "utf-8")
    eb = EvidenceBase(db, kb=loaded.kb)
    report = eb.ingest([str(payloads)])
    assert len(report.added) == len(PAYLOADS), report.failures
    app = create_app(ServerSettings(db=str(db), upload_dir=folder / "uploads"), eb)
    (folder / "uploads").mkdir()
    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                        lifespan="on"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=30)
    eb.close()


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    pg.set_default_timeout(30_000)
    problems: list[str] = []
    pg.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    pg.on("console", lambda m: problems.append(f"console: {m.text}")
          if m.type == "error" else None)
    pg.problems = problems
    yield pg
    ctx.close()


def shot(page: Any, name: str, full: bool = False) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"serve-{name}.png"
    page.screenshot(path=str(path), full_page=full)
    assert path.stat().st_size > 10_000
    return path


def quote_in_view(page: Any) -> bool:
    return bool(page.evaluate(
        "(() => { const q = document.getElementById('quote'); if (!q) return false;"
        " const r = q.getBoundingClientRect();"
        " return r.top >= 0 && r.top < window.innerHeight; })()"))


@pytest.mark.parametrize("query,expect", [("稀土", "稀土"), ("Komatsu", "Komatsu"),
                                          ("Токаев", "Токаев"), ("哈薩克斯坦", None)])
def test_search_in_every_script(page: Any, server: str, query: str, expect: str | None) -> None:
    page.goto(f"{server}/?q={query}")
    marks = page.locator("ol.hits mark")
    assert marks.count() > 0, query
    if expect:
        assert any(expect.casefold() in t.casefold() for t in marks.all_inner_texts())
    else:  # Traditional finds Simplified: some hit is written 哈萨克斯坦
        assert "哈萨克斯坦" in page.inner_text("#hits")
    assert page.locator("#facets li").count() >= 3
    shot(page, f"search-{query}")
    assert not page.problems


def test_facet_narrows_and_a_hit_opens_its_document(page: Any, server: str) -> None:
    page.goto(f"{server}/?q=Kazakhstan")
    total = page.locator("ol.hits li.hit").count()
    page.click("#facets a:text-is('ru')")
    langs = page.locator("ol.hits li.hit").evaluate_all("els => els.map(e => e.lang)")
    assert langs and set(langs) == {"ru"} and len(langs) <= total
    hit = page.locator("ol.hits a.sentence").first
    sentence = hit.inner_text()
    hit.click()
    page.wait_for_load_state()
    assert "/documents/" in page.url and quote_in_view(page)
    quoted = page.eval_on_selector_all(".doctext .quote", "els => els.map(e => e.textContent)")
    assert "".join(quoted) == sentence
    assert page.locator(".doctext .ent").count() > 0
    assert page.locator("#source-profile").count() == 1
    shot(page, "document")
    assert not page.problems


def test_brief_citation_opens_the_highlighted_quote(page: Any, server: str) -> None:
    page.goto(f"{server}/briefs")
    page.fill("#brief-form input[name=topic]", "Japan Kazakhstan")
    page.click("#brief-form button")
    page.wait_for_selector("#brief")
    shot(page, "brief")
    cite = page.locator("#brief a.cite").nth(3)
    quote = cite.get_attribute("title")
    cite.click()
    page.wait_for_selector(".doctext")
    assert quote_in_view(page)
    quoted = page.eval_on_selector_all(".doctext .quote", "els => els.map(e => e.textContent)")
    assert "".join(quoted) == quote
    shot(page, "citation")
    page.go_back()
    page.click("#next-edition button")
    page.wait_for_selector("#brief")
    assert "has not changed" in page.inner_text("main")
    assert not page.problems


def test_ledger_and_entity_pages(page: Any, server: str) -> None:
    page.goto(f"{server}/ledger")
    assert page.locator("#ledger .group").count() > 3
    assert page.locator("#ledger .v.conflict, #ledger .v.agree").count() > 0
    shot(page, "ledger")
    page.goto(f"{server}/entities")
    page.click("table.grid a:text-is('Kazakhstan')")
    page.wait_for_selector("#mentions-chart")
    assert page.locator("#mentions-chart rect").count() > 0
    assert page.locator("#cooccur-graph circle.node").count() > 2
    assert "哈萨克斯坦" in page.inner_text("#names")
    shot(page, "entity", full=True)
    page.goto(f"{server}/timeline")
    assert page.locator("#timeline-chart circle").count() > 3
    shot(page, "timeline")
    assert not page.problems


def test_upload_shows_progress_to_the_end(page: Any, server: str, tmp_path: Path) -> None:
    f = tmp_path / "upload_note.txt"
    f.write_text("2025年12月19日，托卡耶夫在东京与高市早苗会谈，双方签署了60余份文件。"
                 "Browser upload 5521.\n", "utf-8")
    page.goto(f"{server}/ingest")
    page.set_input_files("#upload-form input[type=file]", str(f))
    page.click("#upload-form button")
    page.wait_for_selector("#job-progress")
    page.wait_for_selector("#job[data-finished]", timeout=120_000)
    assert page.get_attribute("#job", "data-finished") == "done"
    assert page.eval_on_selector("#job-progress", "e => e.value") == 1
    shot(page, "ingest")
    page.click("#job-added a")
    page.wait_for_selector(".doctext")
    assert "5521" in page.inner_text(".doctext")
    assert not page.problems


PAGES_WITH_PAYLOADS = ["/?q=Zanzibarx", "/documents", "/sources", "/entities", "/ledger",
                       "/timeline"]


def assert_nothing_ran(page: Any, where: str) -> None:
    state = page.evaluate(
        "(() => ({pwned: window.__pwned || null,"
        " scripts: [...document.scripts].map(s => s.getAttribute('src')),"
        " handlers: [...document.querySelectorAll('*')].flatMap(e =>"
        "   [...e.attributes].filter(a => a.name.startsWith('on')).map(a => a.name)),"
        " jslinks: [...document.querySelectorAll('[href],[src],[data],[action]')].filter(e =>"
        "   ['href', 'src', 'data', 'action'].some(n =>"
        "     (e.getAttribute(n) || '').trim().toLowerCase().startsWith('javascript:'))).length,"
        " embeds: document.querySelectorAll('iframe,object,embed,img').length,"
        " foreignSvg: [...document.querySelectorAll('svg')].filter(s =>"
        "   !s.classList.contains('chart')).length}))()")
    assert state == {"pwned": None, "scripts": ["/static/app.js"], "handlers": [],
                     "jslinks": 0, "embeds": 0, "foreignSvg": 0}, where
    assert not page.problems, (where, page.problems)


def test_hostile_documents_run_nothing(page: Any, server: str) -> None:
    page.goto(f"{server}/?q=Zanzibarx")
    hits = page.locator("ol.hits a.sentence")
    assert hits.count() >= 3
    assert_nothing_ran(page, "search")
    doc_links = page.eval_on_selector_all(
        "ol.hits a.sentence", "els => [...new Set(els.map(e => e.pathname))]")
    assert len(doc_links) == len(PAYLOADS)
    for link in doc_links:
        page.goto(server + link)
        assert_nothing_ran(page, link)
        text = page.inner_text("main")
        # The payloads are shown as the text they are.
        assert "<script>" in text or "<svg" in text or "&lt;" in text or "<img" in text, link
    shot(page, "hostile-document", full=True)
    for path in PAGES_WITH_PAYLOADS:
        page.goto(server + path)
        assert_nothing_ran(page, path)
    page.goto(f"{server}/briefs")
    page.fill("#brief-form input[name=topic]", "Zanzibarx Kazakhstan")
    page.click("#brief-form button")
    page.wait_for_selector("#brief")
    assert_nothing_ran(page, "brief")
