"""Several passes over a local site with every kind of source and every fault we know of.

Each pass is checked for what it stored, what it fetched (the server's request log) and what it
reported: a failing source is reported every pass with its count, never silently dropped.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from attache.cli import cli
from attache.evidence import EvidenceBase
from attache.watch import load_config
from tests.test_watch_site import POLITE, Site, rss, site_fixture  # noqa: F401 - fixture

ARTICLE = ("<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
           "<p>{text}</p><p>{more}</p></article></body></html>")
FILLER = ("Officials in both capitals described the talks as constructive and said that "
          "working groups would meet again early next year to review progress.")


def page(title: str, text: str) -> str:
    return ARTICLE.format(title=title, text=text, more=FILLER)


def sitemap(entries: list[tuple[str, str, str]]) -> str:
    urls = "".join(
        f"<url><loc>{loc}</loc><news:news><news:publication><news:name>Local News"
        f"</news:name><news:language>en</news:language></news:publication>"
        f"<news:publication_date>{date}</news:publication_date><news:title>{title}"
        f"</news:title></news:news></url>" for loc, date, title in entries)
    return ('<?xml version="1.0" encoding="UTF-8"?><urlset '
            'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">' + urls + "</urlset>")


def config(tmp: Path, site: Site, folder: Path) -> Path:
    def src(name: str, kind: str, path: str) -> str:
        return (f'\n[[sources]]\nname = "{name}"\nkind = "{kind}"\nurl = "{site.url(path)}"\n'
                "interval = 0\n")
    text = POLITE + (
        src("wire", "feed", "/feed.xml") + src("news sitemap", "sitemap", "/sitemap.xml")
        + src("statement page", "page", "/page.html") + src("flaky feed", "feed", "/flaky.xml")
        + src("broken feed", "feed", "/broken.xml") + src("slow page", "page", "/slow.html")
        + src("jump page", "page", "/jump") + src("big page", "page", "/big.html")
        + src("html as feed", "feed", "/notfeed.xml")
        + src("robots page", "page", "/private/x.html")
        + f'\n[[sources]]\nname = "reports folder"\nkind = "folder"\npath = "{folder}"\n'
        "interval = 0\n")
    path = tmp / "attache.toml"
    path.write_text(text, "utf-8")
    return path


def status(report: object) -> dict[str, tuple[str, int]]:
    return {s.name: (s.status, s.added) for s in report.sources}  # type: ignore[attr-defined]


def test_passes_over_a_changing_site_with_faults(tmp_path: Path, site: Site) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "note1.txt").write_text(
        "Astana, 18 December 2025. Kazakhstan and Japan agreed to expand cooperation on "
        "critical minerals, the ministry said.\n", "utf-8")
    site.set("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    site.set("/feed.xml", rss([(site.url("/w/1"), "Wire one", "Fri, 19 Dec 2025 10:00:00 GMT",
                                "Japan and Kazakhstan held talks in Astana on Friday.")]),
             content_type="application/rss+xml")
    site.set("/sitemap.xml", sitemap([(site.url("/news/1"), "2025-12-19", "News one"),
                                      (site.url("/news/2"), "2025-12-19", "News two")]),
             content_type="application/xml")
    site.set("/news/1", page("News one", "Japan will fund a rail project in Kazakhstan."))
    site.set("/news/2", page("News two", "Kazakhstan exported uranium to Japan this year."))
    site.set("/page.html", page("Statement", "The embassy of Japan in Astana issued a "
                                "statement on the visit."))
    site.set("/flaky.xml", rss([(site.url("/f/1"), "Flaky one", "Fri, 19 Dec 2025 11:00:00 GMT",
                                 "A delegation from Japan arrived in Almaty.")]),
             content_type="application/rss+xml", fail_first=1)
    site.set("/broken.xml", "", status=500, validators=False)
    site.set("/slow.html", page("Slow", "Too late."), delay=1.5)
    site.set("/jump", "", status=302, location="http://10.1.2.3/latest/meta-data",
             validators=False)
    site.set("/big.html", "<html><body>" + "x" * (2 * 1024 * 1024) + "</body></html>")
    site.set("/notfeed.xml", page("Not a feed", "This is a web page."))
    site.set("/private/x.html", page("Private", "Not for robots."))
    cfg = load_config(config(tmp_path, site, folder))
    eb = EvidenceBase(tmp_path / "f.db")

    # --- pass 1 ---------------------------------------------------------------------------
    r1 = eb.update(cfg)
    st = status(r1)
    assert st["wire"] == ("new", 1)
    assert st["news sitemap"] == ("new", 2)
    assert st["statement page"] == ("new", 1)
    assert st["flaky feed"] == ("new", 1)  # one 500, then a retry that worked
    assert st["reports folder"] == ("new", 1)
    failed = {s.name: s for s in r1.sources if s.status == "failed"}
    assert set(failed) == {"broken feed", "slow page", "jump page", "big page", "html as feed",
                           "robots page"}
    assert "HTTP 500" in (failed["broken feed"].error or "")
    assert "timed out" in (failed["slow page"].error or "")
    assert "10.1.2.3" in (failed["jump page"].error or "")
    assert "size cap" in (failed["big page"].error or "")
    assert "not an RSS or Atom feed" in (failed["html as feed"].error or "")
    assert "robots.txt" in (failed["robots page"].error or "")
    assert all(s.failures == 1 for s in failed.values())
    assert not r1.ok
    assert eb.store.count() == 6
    assert len(site.gets("/broken.xml")) == 3  # retried twice, then reported
    assert len(site.gets("/big.html")) == 1  # a size cap is final
    assert site.gets("/private/x.html") == []  # robots.txt kept us away
    assert len(site.gets("/robots.txt")) == 1

    # --- pass 2: edits and additions everywhere, 304s where nothing changed ----------------
    site.set("/sitemap.xml", sitemap([(site.url("/news/1"), "2025-12-20", "News one"),
                                      (site.url("/news/2"), "2025-12-19", "News two"),
                                      (site.url("/news/3"), "2025-12-20", "News three")]),
             content_type="application/xml")
    site.set("/news/1", page("News one", "Japan will fund two rail projects in Kazakhstan."))
    site.set("/news/3", page("News three", "Tokayev thanked Japan for its support."))
    (folder / "note2.txt").write_text(
        "Tokyo, 20 December 2025. Japan and Kazakhstan signed a memorandum on energy.\n",
        "utf-8")
    site.set("/broken.xml", rss([(site.url("/b/1"), "Back", "Sat, 20 Dec 2025 09:00:00 GMT",
                                  "The broken feed works again and reports on Japan.")]),
             content_type="application/rss+xml", fail_first=3)  # still down this pass
    requests_before = len(site.requests)
    r2 = eb.update(cfg)
    st = status(r2)
    assert st["wire"] == ("not-modified", 0)
    assert st["statement page"] == ("not-modified", 0)
    assert st["flaky feed"] == ("not-modified", 0)
    assert st["news sitemap"] == ("new", 2)  # the edited page and the new one
    assert st["reports folder"] == ("new", 1)
    assert [s.unchanged for s in r2.sources if s.name == "news sitemap"] == [1]
    news2_fetches = [p for _m, p, _h in site.requests[requests_before:] if p == "/news/2"]
    assert news2_fetches == []  # unchanged in the sitemap: not fetched again
    broken = next(s for s in r2.sources if s.name == "broken feed")
    assert broken.status == "failed" and broken.failures == 2  # reported again, counted
    assert eb.store.count() == 9

    # --- pass 3: the broken feed recovers; its failure count resets ---------------------
    r3 = eb.update(cfg)
    st = status(r3)
    assert st["broken feed"] == ("new", 1)
    assert st["news sitemap"] == ("not-modified", 0)
    assert st["reports folder"] == ("unchanged", 0)
    assert eb.store.count() == 10
    assert next(s for s in r3.sources if s.name == "broken feed").failures == 0
    eb.close()

    # --- the command line: exit status 1 while sources fail, JSON report ----------------
    res = CliRunner().invoke(cli, ["update", "--db", str(tmp_path / "f.db"), "--config",
                                   str(tmp_path / "attache.toml"), "--json"])
    assert res.exit_code == 1
    data = json.loads(res.stdout)
    assert not data["ok"]
    assert {s["name"] for s in data["sources"] if s["status"] == "failed"} >= {"jump page"}

    # --- watch status: what each source has brought and how it fares ----------------------
    args = ["watch", "status", "--db", str(tmp_path / "f.db"), "--config",
            str(tmp_path / "attache.toml")]
    rows = {r["name"]: r for r in json.loads(CliRunner().invoke(cli, args + ["--json"]).stdout)}
    assert rows["jump page"]["failures"] == 4 and "10.1.2.3" in rows["jump page"]["last_error"]
    assert rows["news sitemap"]["items"] == 4 and rows["news sitemap"]["failures"] == 0
    assert rows["broken feed"]["last_success"] and rows["broken feed"]["failures"] == 0
    table = CliRunner().invoke(cli, args)
    assert table.exit_code == 0 and "jump page" in table.output and "last error" in table.output
