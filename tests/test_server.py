"""The HTTP API and the pages through FastAPI's test client, on a copy of the loaded store."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from attache.cli import cli
from attache.errors import (
    AttacheError,
    ConfigError,
    DecodeError,
    FetchRefused,
    InputError,
    NotFound,
    StoreError,
    UnreadableInput,
)
from attache.evidence import EvidenceBase
from attache.server import ServerSettings, create_app
from attache.server.app import status_for
from attache.server.guard import CSP

TOKEN = "a-token-for-tests-0123456789"
LOCAL = "http://127.0.0.1:8000"


def copy_store(eb: EvidenceBase, target: Path) -> Path:
    """A private copy of a store (SQLite's backup API), so tests that write stay apart."""
    src = sqlite3.connect(eb.store.url.removeprefix("sqlite:///"))
    dst = sqlite3.connect(target)
    with dst:
        src.backup(dst)
    src.close()
    dst.close()
    return target


@pytest.fixture(scope="module")
def base(loaded: EvidenceBase, tmp_path_factory: pytest.TempPathFactory
         ) -> Iterator[EvidenceBase]:
    db = copy_store(loaded, tmp_path_factory.mktemp("serve") / "serve.db")
    with EvidenceBase(db, kb=loaded.kb) as eb:
        yield eb


@pytest.fixture(scope="module")
def client(base: EvidenceBase, tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[TestClient]:
    settings = ServerSettings(db=base.store.url, max_upload_bytes=200_000,
                              upload_dir=tmp_path_factory.mktemp("uploads"))
    with TestClient(create_app(settings, base), base_url=LOCAL) as c:
        yield c


def wait_job(client: TestClient, job_id: str, timeout: float = 120.0) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(f"/api/jobs/{job_id}").json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} did not finish")


# --- documents and pagination ----------------------------------------------------------------


def test_documents_pages_cover_everything_once(client: TestClient, base: EvidenceBase) -> None:
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": 4} | ({"cursor": cursor} if cursor else {})
        page = client.get("/api/documents", params=params).json()
        seen.extend(d["id"] for d in page["items"])
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert len(seen) == len(set(seen)) == base.store.count()
    dates = [d for d in (client.get("/api/documents", params={"limit": 500}).json()["items"])]
    pubs = [d["published"] or "" for d in dates]
    assert pubs == sorted(pubs, reverse=True)


def test_document_filters(client: TestClient) -> None:
    ru = client.get("/api/documents", params={"language": "ru"}).json()["items"]
    assert ru and all(d["language"] == "ru" for d in ru)
    gov = client.get("/api/documents", params={"kind": "government"}).json()["items"]
    assert gov and all(d["source_kind"] == "government" for d in gov)
    span = client.get("/api/documents", params={"since": "2025-12", "until": "2025-12"}
                      ).json()["items"]
    assert span and all(d["published"].startswith("2025-12") for d in span)
    bad = client.get("/api/documents", params={"since": "yesterday"})
    assert bad.status_code == 422 and "since" in bad.json()["error"]
    forged = client.get("/api/documents", params={"cursor": "not-a-cursor"})
    assert forged.status_code == 400 and "cursor" in forged.json()["error"]


def test_one_document(client: TestClient) -> None:
    doc_id = client.get("/api/documents", params={"language": "zh-Hans"}).json()["items"][0]["id"]
    d = client.get(f"/api/documents/{doc_id}").json()
    assert d["id"] == doc_id and d["sentences"] and d["extraction"]["entities"]
    for s in d["sentences"]:
        assert 0 <= s["start"] < s["end"] <= len(d["text"])
    for m in d["dates"]:
        assert d["text"][m["start"]:m["end"]] == m["text"]
    missing = client.get("/api/documents/doc_nothing_like_this")
    assert missing.status_code == 404
    assert missing.json() == {"error": missing.json()["error"], "status": 404}
    assert "attache docs" in missing.json()["error"]


def test_document_page_marks_entities_figures_dates_and_quote(client: TestClient) -> None:
    doc_id = client.get("/api/documents", params={"language": "zh-Hans"}).json()["items"][0]["id"]
    d = client.get(f"/api/documents/{doc_id}").json()
    s = d["sentences"][1]
    html = client.get(f"/documents/{doc_id}", params={"start": s["start"], "end": s["end"]}).text
    assert 'class="ent' in html and 'id="quote"' in html
    if d["extraction"]["figures"]:
        assert "fig" in html
    if d["dates"]:
        assert "date" in html


def test_near_duplicates_are_linked_both_ways(client: TestClient) -> None:
    docs = client.get("/api/documents", params={"limit": 500}).json()["items"]
    copy = next(d for d in docs if d["duplicate_of"])
    original = client.get(f"/api/documents/{copy['duplicate_of']}").json()
    assert any(r["id"] == copy["id"] and r["relation"] == "copy" for r in original["related"])
    mine = client.get(f"/api/documents/{copy['id']}").json()
    assert any(r["relation"] == "original" for r in mine["related"])
    page = client.get(f"/documents/{copy['duplicate_of']}").text
    assert copy["id"] in page


# --- search ----------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["稀土", "哈薩克斯坦", "Komatsu", "Токаев"])
def test_search_any_script_with_facets(client: TestClient, query: str) -> None:
    res = client.get("/api/search", params={"q": query}).json()
    assert res["items"], query
    assert sum(res["facets"]["language"].values()) >= len(res["items"])
    for h in res["items"]:
        assert h["highlights"], h["text"]
    lang = next(iter(res["facets"]["language"]))
    only = client.get("/api/search", params={"q": query, "language": lang}).json()
    assert only["items"] and all(h["language"] == lang for h in only["items"])
    assert only["total"] == res["facets"]["language"][lang]


def test_search_finds_other_scripts_and_pages(client: TestClient) -> None:
    res = client.get("/api/search", params={"q": "Kazakhstan", "limit": 3}).json()
    assert len({*res["facets"]["language"]}) >= 3  # one name, found in several languages
    second = client.get("/api/search", params={"q": "Kazakhstan", "limit": 3,
                                               "cursor": res["next_cursor"]}).json()
    first_ids = {(h["doc_id"], h["sentence"]) for h in res["items"]}
    assert not first_ids & {(h["doc_id"], h["sentence"]) for h in second["items"]}
    html = client.get("/", params={"q": "稀土"}).text
    assert "<mark>稀土</mark>" in html and 'id="facets"' in html


# --- entities, ledger, timeline, sources -----------------------------------------------------


def test_entities_and_one_entity(client: TestClient) -> None:
    page = client.get("/api/entities", params={"limit": 5}).json()
    counts = [e["documents"] for e in page["items"]]
    assert counts == sorted(counts, reverse=True) and page["next_cursor"]
    nxt = client.get("/api/entities", params={"limit": 5, "cursor": page["next_cursor"]}).json()
    assert not {e["id"] for e in page["items"]} & {e["id"] for e in nxt["items"]}
    kz = next(e for e in client.get("/api/entities", params={"q": "Kazakhstan",
                                                              "type": "country"}).json()["items"]
              if e["name"] == "Kazakhstan")
    ent = client.get(f"/api/entities/{kz['id']}").json()
    assert {"en", "zh-Hans", "zh-Hant", "ru", "ja", "kk"} <= set(ent["names"])
    assert "哈萨克斯坦" in ent["names"]["zh-Hans"]
    assert ent["mentions_by_month"] and ent["co_occurring"]
    assert any(c["name"] == "Japan" for c in ent["co_occurring"])
    assert ent["figures"] and ent["events"]
    html = client.get(f"/entities/{kz['id']}").text
    assert 'id="mentions-chart"' in html and "<rect" in html and 'id="cooccur-graph"' in html
    assert client.get("/api/entities/ent_missing").status_code == 404


def test_ledger_timeline_sources(client: TestClient) -> None:
    ledger = client.get("/api/ledger").json()
    assert ledger["groups"] and all(g["verdict"] for g in ledger["groups"])
    assert client.get("/api/figures").json() == ledger
    tl = client.get("/api/timeline", params={"topic": "Japan Kazakhstan"}).json()
    assert tl and all("reports" in e for e in tl)
    sources = client.get("/api/sources").json()
    assert sources and all(s["documents"] >= 1 for s in sources)
    one = client.get(f"/api/sources/{sources[0]['id']}").json()
    assert one == sources[0]
    for path in ("/ledger", "/timeline", "/sources", "/documents", "/entities", "/exports"):
        r = client.get(path)
        assert r.status_code == 200, path
    assert 'id="timeline-chart"' in client.get("/timeline").text


# --- briefs ----------------------------------------------------------------------------------


def test_brief_editions(client: TestClient) -> None:
    made = client.post("/api/briefs", json={"topic": "Japan Kazakhstan", "lang": "en"})
    assert made.status_code == 201
    first = made.json()
    again = client.post("/api/briefs", json={"topic": "Japan Kazakhstan", "lang": "en"}).json()
    assert again["id"] == first["id"] and not again["new"]
    listed = client.get("/api/briefs").json()
    assert any(e["id"] == first["id"] for t in listed for e in t["editions"])
    ed = client.get(f"/api/briefs/{first['id']}").json()
    assert ed["edition"] == first["edition"] and ed["body"]["sections"]
    md = client.get(f"/api/briefs/{first['id']}", params={"format": "md"})
    assert md.headers["content-type"].startswith("text/markdown") and md.text.startswith("# ")
    html = client.get(f"/api/briefs/{first['id']}", params={"format": "html"})
    assert "attachment" in html.headers["content-disposition"] and "<html" in html.text
    assert client.get(f"/api/briefs/{first['id']}/changes").json()["edition"] == ed["edition"]
    assert client.get(f"/api/briefs/{first['id']}", params={"format": "pdf"}).status_code == 422
    page = client.get(f"/briefs/{first['id']}").text
    assert 'class="cite" href="/documents/' in page and 'id="next-edition"' in page
    bad = client.post("/api/briefs", json={"topic": "", "lang": "fr"})
    assert bad.status_code == 422 and "topic" in bad.json()["error"]


def test_new_evidence_writes_the_next_edition_with_what_changed(
        client: TestClient, base: EvidenceBase, tmp_path: Path) -> None:
    topic = {"topic": "Kazakhstan Japan uranium", "lang": "en"}
    first = client.post("/api/briefs", json=topic).json()
    news = tmp_path / "uranium_deal.txt"
    news.write_text("Astana, 5 March 2026. Japan and Kazakhstan signed 7 agreements on uranium "
                    "supply worth $3 billion, Prime Minister Takaichi and President Tokayev "
                    "said in Astana on 5 March 2026.\n", "utf-8")
    assert base.ingest([str(news)]).added
    second = client.post("/api/briefs", json=topic).json()
    assert second["new"] and second["edition"] == first["edition"] + 1
    changes = client.get(f"/api/briefs/{second['id']}/changes").json()["claims"]
    assert changes and all(c["citations"] for c in changes)
    page = client.get(f"/briefs/{second['id']}").text
    assert 'id="sec-changes"' in page and f'href="/briefs/{first["id"]}"' in page


def test_brief_form_redirects_to_the_edition(client: TestClient) -> None:
    r = client.post("/briefs", data={"topic": "Japan Kazakhstan", "lang": "en"},
                    follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/briefs/bri_")


# --- ingest ----------------------------------------------------------------------------------


def test_upload_runs_as_a_job(client: TestClient) -> None:
    text = ("2025年12月20日，托卡耶夫总统在东京会见高市早苗首相，双方签署了15份合作文件。"
            "Upload test number 7391.\n")
    r = client.post("/api/ingest/upload",
                    files={"file": ("../../etc/up load.txt", text.encode(), "text/plain")})
    assert r.status_code == 202, r.text
    job = wait_job(client, r.json()["id"])
    assert job["status"] == "done" and len(job["added"]) == 1, job
    assert job["progress"] == 1.0 and job["total"] == 1
    doc = client.get(f"/api/documents/{job['added'][0]}").json()
    assert "7391" in doc["text"] and doc["location"].endswith("up_load.txt")
    assert "/etc/" not in doc["location"]
    assert client.get("/api/search", params={"q": "7391"}).json()["items"]
    page = client.get("/ingest", params={"job": job["id"]}).text
    assert 'id="job-progress"' in page


def test_upload_cap_and_empty_file(client: TestClient) -> None:
    big = client.post("/api/ingest/upload",
                      files={"file": ("big.txt", b"x" * 300_000, "text/plain")})
    assert big.status_code == 413 and "MB" in big.json()["error"]
    empty = client.post("/api/ingest/upload", files={"file": ("e.txt", b"", "text/plain")})
    assert empty.status_code == 400 and "empty" in empty.json()["error"]


def test_a_failed_input_ends_the_job_as_failed(client: TestClient) -> None:
    r = client.post("/api/ingest/upload",
                    files={"file": ("blob.bin", bytes(range(256)) * 20, "application/x")})
    job = wait_job(client, r.json()["id"])
    assert job["status"] == "failed" and job["failures"] and job["error"]


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/x", "http://[::1]/", "http://169.254.169.254/",
                                 "http://10.0.0.1/feed.xml"])
def test_url_ingest_refuses_private_targets(client: TestClient, url: str) -> None:
    r = client.post("/api/ingest/url", json={"url": url})
    err = r.json()["error"]
    assert r.status_code == 403 and ("private" in err or "link-local" in err), err


def test_url_ingest_refuses_other_schemes(client: TestClient) -> None:
    r = client.post("/api/ingest/url", json={"url": "javascript:alert(1)//"})
    assert r.status_code == 403 and "http" in r.json()["error"]
    form = client.post("/ingest/url", data={"url": "file:///etc/passwd"})
    assert form.status_code == 403 and "<html" in form.text


def test_unknown_job_is_404(client: TestClient) -> None:
    assert client.get("/api/jobs/0123456789abcdef").status_code == 404


# --- the wall: headers, sizes, errors, token -------------------------------------------------


def test_security_headers_everywhere(client: TestClient) -> None:
    for path in ("/", "/static/app.css", "/static/app.js", "/api/documents", "/nope",
                 "/openapi.json"):
        r = client.get(path)
        assert r.headers["content-security-policy"] == CSP, path
        assert r.headers["x-content-type-options"] == "nosniff"
    assert "'unsafe-inline'" not in CSP and "script-src 'self'" in CSP


def test_request_body_cap(client: TestClient) -> None:
    r = client.post("/api/briefs", content=b'{"topic": "' + b"x" * 100_000 + b'"}',
                    headers={"content-type": "application/json"})
    assert r.status_code == 413 and "request body" in r.json()["error"]


def test_openapi_lists_the_api(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/documents", "/api/documents/{doc_id}", "/api/search", "/api/entities",
                 "/api/entities/{entity_id}", "/api/ledger", "/api/timeline", "/api/sources",
                 "/api/briefs", "/api/briefs/{brief_id}", "/api/briefs/{brief_id}/changes",
                 "/api/ingest/upload", "/api/ingest/url", "/api/jobs/{job_id}",
                 "/api/export/{fmt}/{table}"):
        assert path in spec["paths"], path
    assert "/documents/{doc_id}" not in spec["paths"]  # pages stay out of the API


def test_errors_map_to_statuses_in_one_place() -> None:
    assert status_for(NotFound("x")) == 404
    assert status_for(FetchRefused("u", "private")) == 403
    assert status_for(UnreadableInput("f", "larger than 2.00 MB")) == 413
    assert status_for(DecodeError("f", "binary")) == 400
    assert status_for(InputError("f", "bad")) == 400
    assert status_for(ConfigError("bad")) == 400
    assert status_for(StoreError("locked")) == 503
    assert status_for(AttacheError("other")) == 500


def test_loopback_server_answers_only_to_loopback_names(client: TestClient) -> None:
    rebound = client.get("/api/documents", headers={"host": "evil.example:8000"})
    assert rebound.status_code == 403 and "127.0.0.1" in rebound.json()["error"]
    assert client.get("/api/documents", headers={"host": "localhost:8000"}).status_code == 200
    assert client.get("/api/documents", headers={"host": "[::1]:8000"}).status_code == 200


def test_posts_from_other_origins_are_refused(client: TestClient) -> None:
    r = client.post("/ingest/url", data={"url": "https://example.org/"},
                    headers={"origin": "https://evil.example"})
    assert r.status_code == 403 and "evil.example" in r.json()["error"]
    same = client.post("/api/briefs", json={"topic": "", "lang": "en"},
                       headers={"origin": LOCAL})
    assert same.status_code == 422  # passed the wall, then refused for its content


def test_token_required_on_every_route(base: EvidenceBase) -> None:
    app = create_app(ServerSettings(db=base.store.url, token=TOKEN), base)
    # With a token, any host name may be used (a reverse proxy, a LAN address).
    with TestClient(app, base_url="http://attache.lan:8000") as c:
        for path in ("/api/documents", "/openapi.json", "/static/app.js"):
            r = c.get(path)
            assert r.status_code == 401 and "token" in r.json()["error"], path
        page = c.get("/entities", follow_redirects=False)
        assert page.status_code == 303 and page.headers["location"] == "/login?next=/entities"
        assert c.get("/api/documents", headers={"authorization": "Bearer wrong"}
                     ).status_code == 401
        ok = c.get("/api/documents", headers={"authorization": f"Bearer {TOKEN}"})
        assert ok.status_code == 200
        assert c.get("/api/documents", headers={"x-attache-token": TOKEN}).status_code == 200
        bad = c.post("/login", data={"token": "nope", "next": "/"})
        assert "not the right one" in bad.text
        login = c.post("/login", data={"token": TOKEN, "next": "https://evil.example/"},
                       follow_redirects=False)
        assert login.status_code == 303 and login.headers["location"] == "/"
        assert "httponly" in login.headers["set-cookie"].lower()
        assert c.get("/entities").status_code == 200  # the cookie now opens the pages


def test_non_loopback_bind_needs_a_token() -> None:
    with pytest.raises(ConfigError, match="needs an API token"):
        ServerSettings(host="0.0.0.0").checked()
    with pytest.raises(ConfigError, match="too short"):
        ServerSettings(host="0.0.0.0", token="short").checked()
    assert ServerSettings(host="0.0.0.0", token=TOKEN).checked().token == TOKEN
    assert ServerSettings(host="::1").checked().token is None


def test_cli_serve_refuses_public_bind_without_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ATTACHE_TOKEN", raising=False)
    from attache.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["serve", "--host", "0.0.0.0", "--port", "8765"])
    assert exc.value.code == 2


def test_cli_serve_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ATTACHE_TOKEN", raising=False)
    res = CliRunner().invoke(cli, ["serve", "--host", "192.0.2.10"])
    assert res.exit_code != 0
    assert "needs an API token" in str(res.exception)


def test_injected_markup_is_escaped(base: EvidenceBase, tmp_path: Path) -> None:
    evil = tmp_path / "evil.txt"
    evil.write_text("<script>alert(1)</script> Токаев <img src=x onerror=alert(2)> "
                    "Kazakhstan and Japan.\n", "utf-8")
    report = base.ingest([str(evil)])
    doc_id = (report.added or report.existing)[0]
    app = create_app(ServerSettings(db=base.store.url), base)
    with TestClient(app, base_url=LOCAL) as c:
        html = c.get(f"/documents/{doc_id}").text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "<script>alert" not in html and "<img src=x" not in html
        hits = c.get("/", params={"q": "Токаев"}).text
        assert "<script>alert" not in hits
