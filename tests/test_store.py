"""The store: ids, re-ingest, near-duplicates, search in any script, consistency after SIGKILL."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from attache.evidence import EvidenceBase
from tests.conftest import SAMPLE, SEEDS
from tests.pg import pg_schema_url

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="seeds not beside this checkout")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh database on each backend: a file for SQLite, a new schema for PostgreSQL."""
    if request.param == "sqlite":
        yield str(tmp_path / "t.db")
        return
    with pg_schema_url() as url:
        yield url


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def loaded_any(request: pytest.FixtureRequest,
               tmp_path_factory: pytest.TempPathFactory) -> Iterator[EvidenceBase]:
    """The sample corpus and the seeds, stored once per backend for the search tests."""
    inputs = [str(SAMPLE)] + ([str(SEEDS)] if SEEDS.is_dir() else [])
    if request.param == "sqlite":
        with EvidenceBase(tmp_path_factory.mktemp("s") / "l.db") as eb:
            assert eb.ingest(inputs).ok
            yield eb
        return
    with pg_schema_url() as url, EvidenceBase(url) as eb:
        assert eb.ingest(inputs).ok
        yield eb


@needs_seeds
def test_seeds_are_stored_with_languages_dates_and_provenance(db_url: str) -> None:
    with EvidenceBase(db_url) as eb:
        report = eb.ingest([str(SEEDS)])
        assert report.ok and len(report.added) == 5
        rows = {Path(r["location"]).name[:3]: r for r in eb.documents()}
        assert {k: r["language"] for k, r in rows.items()} == {
            "000": "zh-Hans", "001": "zh-Hant", "002": "zh-Hans", "003": "zh-Hans",
            "004": "zh-Hans"}
        assert (rows["000"]["published"], rows["000"]["published_source"]) == (
            "2025-12-20", "header")
        assert (rows["003"]["published"], rows["003"]["published_source"]) == (
            "2025-12-04", "header")
        assert (rows["004"]["published"], rows["004"]["published_source"]) == (
            "2022-05-01", "text")
        again = eb.ingest([str(SEEDS)])
        assert again.added == () and len(again.existing) == 5
        assert eb.store.count() == 5


def test_ids_are_content_hashes(tmp_path: Path, db_url: str) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "copy" / "b.txt"
    b.parent.mkdir()
    text = "Japan and Kazakhstan signed fourteen agreements in Tokyo in December 2025.\n"
    a.write_text(text, "utf-8")
    b.write_text(text, "utf-8")
    with EvidenceBase(db_url) as eb:
        report = eb.ingest([str(a), str(b)])
        assert len(report.added) == 1 and len(report.existing) == 1
        doc = eb.document(report.added[0])
        assert set(doc.locations) == {str(a), str(b)}
        assert doc.id == eb.document(doc.id[:10]).id


def test_sample_corpus_ingests_cleanly_and_twice_adds_nothing(tmp_path: Path,
                                                               manifest: list[dict]) -> None:
    with EvidenceBase(tmp_path / "s.db") as eb:
        first = eb.ingest([str(SAMPLE)])
        assert first.ok, first.failures
        n = eb.store.count()
        assert n >= 12
        second = eb.ingest([str(SAMPLE)])
        assert second.added == () and second.ok
        assert eb.store.count() == n
        langs = {r["language"] for r in eb.documents(limit=1000)}
        assert {"zh-Hans", "zh-Hant", "en", "ru", "ja", "kk"} <= langs


def test_near_duplicate_reprint_is_linked_not_dropped(tmp_path: Path, db_url: str) -> None:
    original = ("哈萨克斯坦总统托卡耶夫12月18日抵达东京，开始对日本进行国事访问。"
                "访问期间，双方签署了十余份合作文件，涉及能源、稀土和物流。"
                "日本首相高市早苗在首相官邸设宴欢迎。两国领导人还讨论了跨里海运输走廊。\n")
    reprint = ("轉載：哈薩克斯坦總統托卡耶夫12月18日抵達東京，開始對日本進行國事訪問。"
               "訪問期間，雙方簽署了十餘份合作文件，涉及能源、稀土和物流。"
               "日本首相高市早苗在首相官邸設宴歡迎。兩國領導人還討論了跨裡海運輸走廊。\n")
    truncated = original[: original.index("两国领导人")] + "（未完）\n"
    paths = []
    for name, text in (("a.txt", original), ("b.txt", reprint), ("c.txt", truncated)):
        p = tmp_path / name
        p.write_text(text, "utf-8")
        paths.append(str(p))
    with EvidenceBase(db_url) as eb:
        report = eb.ingest(paths)
        assert len(report.added) == 3
        first = report.added[0]
        dups = dict(report.duplicates)
        assert dups[report.added[1]] == first
        assert dups[report.added[2]] in (first, report.added[1])
        assert eb.document(report.added[1]).language == "zh-Hant"


@needs_seeds
def test_search_finds_both_scripts(loaded_any: EvidenceBase) -> None:
    loaded = loaded_any
    for q in ("稀土", "哈薩克斯坦", "哈萨克斯坦"):
        hits = loaded.search(q, limit=200)
        langs = {h.language for h in hits}
        assert {"zh-Hans", "zh-Hant"} <= langs, (q, langs)
        for h in hits[:20]:
            assert h.highlights, h
        # Names also match their aliases in other languages; the query itself is marked too.
        marked = {h.text[s:e] for h in hits for s, e in h.highlights}
        assert marked & {q, "哈萨克斯坦", "哈薩克斯坦"}, marked
    komatsu = loaded.search("Komatsu")
    assert any("小松制作所" in h.text for h in komatsu)
    assert all(h.text == loaded.store.text_of(h.doc_id)[h.start:h.end] for h in komatsu)


def test_search_russian_inflections_and_english(loaded_any: EvidenceBase) -> None:
    loaded = loaded_any
    ru = loaded.search("Япония")
    assert any(h.language == "ru" for h in ru)
    assert loaded.search("Kazakhstan")
    assert loaded.search("no-such-word-anywhere") == []


@pytest.mark.slow
def test_sigkill_mid_ingest_leaves_a_consistent_store(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    # Enough distinct documents that the kill lands in the middle of the run.
    base = (SAMPLE / "en_astanatimes_20220430_hayashi_visit.md").read_text("utf-8")
    for i in range(120):
        (corpus / f"d{i:03}.md").write_text(base + f"\n\nUpdate number {i} of the story.\n",
                                            "utf-8")
    cmd = [sys.executable, "-m", "attache", "ingest", str(corpus), "--db", str(db)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=1) as c:
                    stored = c.execute("select count(*) from documents").fetchone()[0]
            except sqlite3.Error:
                continue
            if stored >= 3:
                break
    assert proc.poll() is None, "the ingest finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with sqlite3.connect(db) as c:
        assert c.execute("pragma integrity_check").fetchone()[0] == "ok"
        n_docs = c.execute("select count(*) from documents").fetchone()[0]
        orphans = c.execute("select count(*) from sentences where doc_id not in "
                            "(select id from documents)").fetchone()[0]
        assert n_docs < 120 and orphans == 0
        # A batch is one transaction: a stored document has all its rows, never some of them.
        partial = c.execute("select count(*) from documents d where not exists (select 1 "
                            "from sentences s where s.doc_id = d.id) or not exists (select 1 "
                            "from doc_bands b where b.doc_id = d.id)").fetchone()[0]
        assert partial == 0
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(db) as c:
        assert c.execute("select count(*) from documents").fetchone()[0] == 120
        assert c.execute("select count(*) from (select doc_id, idx from sentences "
                         "group by doc_id, idx having count(*) > 1)").fetchone()[0] == 0
        fts = c.execute("select count(*) from sentence_fts").fetchone()[0]
        indexed = c.execute("select count(*) from sentences where boilerplate is null"
                            ).fetchone()[0]
        assert 0 < fts <= indexed


def test_globs_and_folders_expand(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("Kazakhstan and Japan signed a memorandum on uranium.\n",
                                            "utf-8")
    (tmp_path / "a" / "two.md").write_text("---\ntitle: Two\n---\n\nJapan opened a JICA office in "
                                           "Astana to support customs reform.\n", "utf-8")
    (tmp_path / "a" / "skip.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    with EvidenceBase(":memory:") as eb:
        assert len(eb.ingest([str(tmp_path / "a" / "*.txt")]).added) == 1
        report = eb.ingest([str(tmp_path / "a")])  # a folder: readable files only
        assert report.ok and len(report.added) == 1 and len(report.existing) == 1
