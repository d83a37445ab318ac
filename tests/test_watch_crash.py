"""Kill the update at any moment: the next pass neither loses nor duplicates anything.

The first test stops a pass at every step boundary in turn (before and after each store write,
state write, brief, alert file and webhook call) by raising an exception that nothing in
attache catches, like a kill; the others kill a real ``attache update`` with SIGKILL and stop
``attache watch`` with SIGTERM.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import attache.watch.update as update_mod
from attache.evidence import EvidenceBase
from attache.store import SqlStore
from attache.watch import load_config
from attache.watch.state import WatchState
from tests.test_watch import MEETING, RUSSIAN, SIGNING
from tests.test_watch_site import POLITE, Site, rss, site_fixture  # noqa: F401 - fixture

ROOT = Path(__file__).resolve().parents[1]


class Crash(BaseException):
    """Stands for SIGKILL: not an Exception, so no handler in attache sees it."""


def feed(site: Site) -> None:
    site.set("/feed.xml", rss([(site.url("/a/1"), *MEETING), (site.url("/a/2"), *SIGNING),
                               (site.url("/a/3"), *RUSSIAN)]),
             content_type="application/rss+xml")


def write_config(tmp: Path, site: Site, *, follow: bool = False) -> Path:
    path = tmp / "attache.toml"
    path.write_text(POLITE + f"""
alerts = "alerts"
webhook = "{site.url('/hook')}"
webhook_allow_private = true

[[sources]]
name = "wire"
url = "{site.url('/feed.xml')}"
interval = 0
follow_links = {str(follow).lower()}

[[topics]]
name = "Japan Kazakhstan"
formats = ["md"]
output = "briefs"
""", "utf-8")
    return path


POINTS: list[tuple[Any, str]] = [
    (SqlStore, "add"), (WatchState, "run"), (WatchState, "record_failure"),
    (WatchState, "record_topic"), (EvidenceBase, "brief"), (update_mod, "write_alert"),
    (update_mod, "send_webhook"),
]


def crash_at(monkeypatch: pytest.MonkeyPatch, k: int) -> list[str]:
    """Raise Crash at the k-th step boundary (before or after one of POINTS); the log of
    boundaries passed."""
    passed: list[str] = []

    def wrap(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kw: Any) -> Any:
            passed.append("before " + name)
            if len(passed) == k:
                raise Crash(passed[-1])
            out = fn(*args, **kw)
            passed.append("after " + name)
            if len(passed) == k:
                raise Crash(passed[-1])
            return out
        return run

    for owner, attr in POINTS:
        monkeypatch.setattr(owner, attr, wrap(attr, getattr(owner, attr)))
    return passed


_SHARED: list[EvidenceBase] = []


def open_base(db: Path) -> EvidenceBase:
    """An evidence base on ``db`` that reuses one knowledge base and segmenter (loading them
    takes seconds, and this test opens dozens of stores)."""
    if not _SHARED:
        _SHARED.append(EvidenceBase(":memory:"))
    eb = EvidenceBase(db, kb=_SHARED[0].kb)
    eb.segmenter = _SHARED[0].segmenter  # type: ignore[misc]
    return eb


def check_complete(tmp: Path, eb: EvidenceBase, site: Site) -> None:
    assert eb.store.count() == 3
    items = WatchState(eb.store.engine).items()
    assert len(items) == 3 and all(i["doc_id"] for i in items)
    alerts = list((tmp / "alerts").glob("*.json"))
    assert len(alerts) == 1  # the same alert id, so a repeat rewrites the same file
    posted = {p[1]["id"] for p in site.posts}
    assert len(posted) == 1  # at least once, always the same alert
    assert (tmp / "briefs" / "japan-kazakhstan.en.e1.md").is_file()
    assert not (tmp / "briefs" / "japan-kazakhstan.en.e2.md").exists()


def test_a_pass_stopped_at_any_step_is_completed_by_the_next(
        tmp_path: Path, site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    feed(site)
    k = 1
    while True:
        tmp = tmp_path / f"k{k}"
        tmp.mkdir()
        cfg = load_config(write_config(tmp, site))
        site.posts.clear()
        with monkeypatch.context() as m:
            passed = crash_at(m, k)
            eb = open_base(tmp / "w.db")
            try:
                eb.update(cfg)
                crashed = False
            except Crash:
                crashed = True
            eb.close()
        with open_base(tmp / "w.db") as eb:
            again = eb.update(cfg)
            assert again.ok, (k, passed[-1:], again.to_dict())
            check_complete(tmp, eb, site)
            quiet = eb.update(cfg)
            assert quiet.added == 0 and quiet.alerts == ()
            check_complete(tmp, eb, site)
        if not crashed:
            break
        k += 1
    assert k > 12  # every boundary of a three-document pass was tried (14 today)


def _documents(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:
        return 0  # not created yet


@pytest.mark.slow
def test_sigkill_during_update_loses_and_duplicates_nothing(tmp_path: Path, site: Site) -> None:
    feed(site)
    for n in (1, 2, 3):
        site.set(f"/a/{n}", "<html><body><article><p>" + [MEETING, SIGNING, RUSSIAN][n - 1][2]
                 + "</p></article></body></html>", delay=0.5)
    path = write_config(tmp_path, site, follow=True)
    path.write_text(path.read_text().replace("timeout = 0.5", "timeout = 5"))
    db = tmp_path / "k.db"
    proc = subprocess.Popen([sys.executable, "-m", "attache", "update", "--db", str(db),
                             "--config", str(path)], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        # Wait until the pages are being fetched, then kill in the middle of the pass.
        while len(site.gets("/a/2")) == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    stored_before = _documents(db)
    assert stored_before < 3
    with EvidenceBase(db) as eb:
        report = eb.update(load_config(path))
        assert report.ok, [s.item_errors for s in report.sources]
        check_complete(tmp_path, eb, site)
    # Each page was fetched once per pass that needed it: none twice within a pass.
    assert all(len(site.gets(f"/a/{n}")) <= 2 for n in (1, 2, 3))


@pytest.mark.slow
def test_sigterm_stops_watch_gracefully(tmp_path: Path, site: Site) -> None:
    feed(site)
    path = write_config(tmp_path, site)
    db = tmp_path / "t.db"
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([sys.executable, "-m", "attache", "watch", "--db", str(db),
                             "--config", str(path), "--max-sleep", "0.2"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        deadline = time.monotonic() + 120
        while len(site.gets("/feed.xml")) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)  # two passes: the loop is running
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "received SIGTERM" in err and "stopped after" in err
    assert "Topic 'Japan Kazakhstan': en edition 1" in out
    with EvidenceBase(db) as eb:
        assert eb.store.count() == 3
        assert eb.update(load_config(path)).alerts == ()
