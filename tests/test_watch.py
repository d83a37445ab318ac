"""Following a topic across passes of a changing local feed: editions, what changed, alerts."""

from __future__ import annotations

import json
from pathlib import Path

from attache.evidence import EvidenceBase
from attache.watch import load_config
from attache.watch.state import WatchState
from tests.test_watch_site import POLITE, Site, rss, site_fixture  # noqa: F401 - fixture

MEETING = ("Tokayev and Takaichi meet in Tokyo", "Fri, 19 Dec 2025 10:00:00 GMT",
           "ASTANA, December 19, 2025. President of Kazakhstan Kassym-Jomart Tokayev met Prime "
           "Minister of Japan Sanae Takaichi in Tokyo on December 19, 2025. Trade between "
           "Kazakhstan and Japan reached $2 billion in 2024, the president said.")
SIGNING = ("Kazakhstan and Japan sign agreements", "Sat, 20 Dec 2025 09:00:00 GMT",
           "TOKYO, December 20, 2025. Kazakhstan and Japan signed 25 agreements on December 20, "
           "2025, Kazakh officials said. Trade between Kazakhstan and Japan reached $2 billion "
           "in 2024.")
RUSSIAN = ("Товарооборот Казахстана и Японии", "Sun, 21 Dec 2025 08:00:00 GMT",
           "АСТАНА, 21 декабря 2025 года. Товарооборот между Казахстаном и Японией в 2024 году "
           "составил 2,8 млрд долларов, сообщило министерство торговли Казахстана.")


def write_config(tmp: Path, site: Site, extra: str = "") -> Path:
    cfg = tmp / "attache.toml"
    cfg.write_text(POLITE + f"""
alerts = "alerts"
webhook = "{site.url('/hook')}"
webhook_allow_private = true

[[sources]]
name = "Local wire"
kind = "feed"
url = "{site.url('/feed.xml')}"
interval = 0
language = "en"
outlet = "kazinform"

[[topics]]
name = "Japan Kazakhstan"
query = "Japan Kazakhstan"
languages = ["en"]
formats = ["md", "json"]
output = "briefs"
""" + extra, "utf-8")
    return cfg


def test_three_passes_give_three_editions_and_alerts(tmp_path: Path, site: Site) -> None:
    site.set("/feed.xml", rss([(site.url("/a/1"), *MEETING)]),
             content_type="application/rss+xml")
    cfg = load_config(write_config(tmp_path, site))
    eb = EvidenceBase(tmp_path / "w.db")
    log: list[str] = []

    # Pass 1: one item → edition 1, an alert listing everything as new.
    r1 = eb.update(cfg, on_event=log.append)
    assert r1.ok, r1.to_dict()
    assert r1.added == 1 and eb.store.count() == 1
    [t1] = r1.topics
    assert t1.new and dict(t1.editions) == {"en": 1}
    a1 = t1.alert
    assert a1 is not None and a1.what_changed == ()  # a first edition has nothing to compare
    assert any(e.startswith("meeting of") and "Kassym-Jomart Tokayev" in e
               and "2025-12-19" in e for e in a1.new_events)
    assert any(f.startswith("trade") and "2 bn USD" in f for f in a1.new_figures)
    assert "Kazinform" in a1.new_sources and "en" in a1.new_languages
    doc = eb.document(eb.documents()[0]["id"])
    assert doc.source is not None and doc.source["name"] == "Kazinform"  # the source's outlet
    assert (tmp_path / "briefs" / "japan-kazakhstan.en.e1.md").is_file()
    assert (tmp_path / "briefs" / "japan-kazakhstan.en.md").is_file()
    assert json.loads((tmp_path / "briefs" / "japan-kazakhstan.en.e1.json").read_text())
    assert [p for p, _ in site.posts] == ["/hook"]
    assert site.posts[0][1]["id"] == a1.id and site.posts[0][1]["editions"] == {"en": 1}
    assert any(line.startswith("ALERT ") for line in log)

    # Pass 2: nothing changed on the server → 304, no document, no edition, no alert.
    r2 = eb.update(cfg)
    assert r2.ok and r2.added == 0 and r2.sources[0].status == "not-modified"
    assert r2.alerts == () and not r2.topics[0].new
    assert site.gets("/feed.xml")[-1].get("If-None-Match")
    assert len(site.posts) == 1

    # Pass 3: a new item → edition 2 with a new event and a revised figure.
    site.set("/feed.xml", rss([(site.url("/a/2"), *SIGNING), (site.url("/a/1"), *MEETING)]),
             content_type="application/rss+xml")
    r3 = eb.update(cfg)
    assert r3.ok and r3.added == 1 and r3.sources[0].unchanged == 1
    a3 = r3.alerts[0]
    assert dict(a3.editions) == {"en": 2}
    assert any(e.startswith("signing of") and "2025-12-20" in e for e in a3.new_events)
    assert not any("meeting" in e for e in a3.new_events)
    # A second report of the same figure by the same outlet: revised, not yet confirmed.
    assert any(f.startswith("trade") and "2 figure(s)" in f for f in a3.revised_figures)
    assert any(f.startswith("agreements") for f in a3.new_figures)
    assert a3.new_sources == () and a3.new_languages == ()
    assert any(x.startswith("New event: the signing") for x in a3.what_changed)
    md2 = (tmp_path / "briefs" / "japan-kazakhstan.en.e2.md").read_text("utf-8")
    assert "## What changed" in md2 and "New event: the signing" in md2

    # Pass 4: an edited item (same link, new text in Russian) → edition 3, conflict opened.
    site.set("/feed.xml", rss([(site.url("/a/2"), *SIGNING), (site.url("/a/1"), *RUSSIAN)]),
             content_type="application/rss+xml")
    r4 = eb.update(cfg)
    assert r4.ok and r4.added == 1
    a4 = r4.alerts[0]
    assert dict(a4.editions) == {"en": 3}
    assert any(c.startswith("trade") for c in a4.conflicts_opened)
    assert "ru" in a4.new_languages
    assert any(x.startswith("Conflict opened") for x in a4.what_changed)
    assert a4.new_events == ()

    # Pass 5: the server ignores validators now; the feed is re-read, every item is known.
    site.routes["/feed.xml"].validators = False
    r5 = eb.update(cfg)
    assert r5.ok and r5.added == 0 and r5.sources[0].status == "unchanged"
    assert r5.sources[0].unchanged == 2 and r5.alerts == ()
    assert eb.store.count() == 3
    alerts = sorted((tmp_path / "alerts").glob("*.json"))
    assert len(alerts) == 3 and len(site.posts) == 3
    assert [json.loads(p.read_text())["editions"]["en"] for p in alerts] != []
    items = WatchState(eb.store.engine).items()
    assert len(items) == 3 and len({(i["address"], i["content_hash"]) for i in items}) == 3
    eb.close()


def test_no_topic_work_when_no_documents_arrive(tmp_path: Path, site: Site) -> None:
    site.set("/feed.xml", rss([(site.url("/a/1"), *MEETING)]),
             content_type="application/rss+xml")
    cfg = load_config(write_config(tmp_path, site, '\n[[topics]]\nname = "Zimbabwe"\n'))
    with EvidenceBase(tmp_path / "w.db") as eb:
        first = eb.update(cfg)
        again = eb.update(cfg)
    assert [t.note for t in first.topics] == ["", "no evidence yet"]
    assert [t.topic for t in first.topics if t.alert] == ["Japan Kazakhstan"]
    assert [t.note for t in again.topics] == ["no new documents", "no new documents"]


def test_sources_not_due_are_not_fetched(tmp_path: Path, site: Site) -> None:
    site.set("/feed.xml", rss([(site.url("/a/1"), *MEETING)]),
             content_type="application/rss+xml")
    path = write_config(tmp_path, site)
    path.write_text(path.read_text().replace("\ninterval = 0", '\ninterval = "2h"'))
    cfg = load_config(path)
    with EvidenceBase(tmp_path / "w.db") as eb:
        eb.update(cfg)
        second = eb.update(cfg)
        assert [s.status for s in second.sources] == ["not-due"]
        assert len(site.gets("/feed.xml")) == 1
        forced = eb.update(cfg, force=True)
    assert forced.sources[0].status == "not-modified"


def test_a_stopped_pass_fetches_nothing_and_the_next_resumes(tmp_path: Path, site: Site) -> None:
    import threading

    site.set("/feed.xml", rss([(site.url("/a/1"), *MEETING)]),
             content_type="application/rss+xml")
    cfg = load_config(write_config(tmp_path, site))
    stop = threading.Event()
    stop.set()  # as if SIGTERM arrived before the first request
    with EvidenceBase(tmp_path / "w.db") as eb:
        stopped = eb.update(cfg, stop=stop)
        assert stopped.stopped and [s.status for s in stopped.sources] == ["stopped"]
        assert stopped.topics == () and eb.store.count() == 0
        assert WatchState(eb.store.engine).source(cfg.sources[0].id) is None
        resumed = eb.update(cfg)
    assert resumed.added == 1 and len(resumed.alerts) == 1


def test_a_page_ingested_by_hand_is_not_fetched_again_by_a_feed(tmp_path: Path,
                                                                 site: Site) -> None:
    site.set("/a/1", "<html><body><article><p>" + MEETING[2] + "</p></article></body></html>")
    site.set("/feed.xml", rss([(site.url("/a/1"), *MEETING)]),
             content_type="application/rss+xml")
    path = write_config(tmp_path, site)
    path.write_text(path.read_text().replace('outlet = "kazinform"',
                                             'outlet = "kazinform"\nfollow_links = true'))
    with EvidenceBase(tmp_path / "w.db") as eb:
        assert eb.ingest([site.url("/a/1")], allow_private=True).ok
        report = eb.update(load_config(path))
        assert report.ok and report.added == 0 and report.sources[0].unchanged == 1
        assert eb.store.count() == 1
        assert len(WatchState(eb.store.engine).items()) == 1  # recorded, so never asked again
    assert len(site.gets("/a/1")) == 1
