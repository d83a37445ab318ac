"""The store seam on both backends: query trees, insert-or-ignore, migrations, locks, batches."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from attache.errors import StoreError
from attache.evidence import EvidenceBase
from attache.runners.progress import ProgressMeter
from attache.store import (
    All,
    Any_,
    SqlStore,
    Term,
    documents,
    figures,
    insert_or_ignore,
    metadata,
    parse_fts5,
    settings,
    to_fts5,
    to_tsquery,
)
from tests.pg import pg_schema_url
from tests.store_dump import dump

STORY = ("Japan and Kazakhstan signed 14 agreements worth $3.7 billion in Tokyo on "
         "December 19, 2025. Prime Minister Sanae Takaichi met President Kassym-Jomart "
         "Tokayev. The talks covered rare earths, uranium and the Trans-Caspian route.\n")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "t.db")
        return
    with pg_schema_url() as url:
        yield url


def test_query_tree_reads_fts5_and_renders_both_dialects() -> None:
    tree = parse_fts5('"稀土" AND ("japan"* OR "日 本") AND "o\'neil"')
    assert tree == All((Term("稀土"), Any_((Term("japan", prefix=True), Term("日 本"))),
                        Term("o'neil")))
    assert parse_fts5(to_fts5(tree)) == tree
    assert to_tsquery(tree) == "('稀土' & ('japan':* | ('日' <-> '本')) & ('o' <-> 'neil'))"
    with pytest.raises(StoreError, match="could not read"):
        parse_fts5('"a" AND (')


def test_insert_or_ignore_compiles_on_both_dialects() -> None:
    for dialect, name in ((sqlite.dialect(), "sqlite"), (postgresql.dialect(), "postgresql")):
        sql = str(insert_or_ignore(settings, name).compile(dialect=dialect))
        assert sql.startswith("INSERT INTO settings") and "ON CONFLICT DO NOTHING" in sql


def _story_files(folder: Path, n: int) -> list[str]:
    folder.mkdir(exist_ok=True)
    out = []
    for i in range(n):
        p = folder / f"s{i:02}.txt"
        p.write_text(STORY + f"Update {i}: officials in Astana said talks would continue "
                     f"in round {i} of the dialogue.\n", "utf-8")
        out.append(str(p))
    return out


def test_search_uses_the_same_tokens_on_both_backends(tmp_path: Path, db_url: str) -> None:
    p = tmp_path / "zh.txt"
    p.write_text("哈薩克斯坦與日本簽署稀土合作協議。雙方還討論了鈾礦。\n", "utf-8")
    q = tmp_path / "ru.txt"
    q.write_text("Япония и Казахстан подписали соглашение о редкоземельных металлах.\n", "utf-8")
    with EvidenceBase(db_url) as eb:
        assert eb.ingest([str(p), str(q)]).ok
        # A concept finds its names in every language: 稀土 and редкоземельные металлы.
        assert sorted(h.language for h in eb.search("稀土")) == ["ru", "zh-Hant"]
        assert [h.language for h in eb.search("鈾礦")] == ["zh-Hant"]
        for query in ("哈萨克斯坦", "哈薩克斯坦"):
            # A name finds its aliases in every language.
            assert sorted(h.language for h in eb.search(query)) == ["ru", "zh-Hant"], query
        assert [h.language for h in eb.search("подписали")] == ["ru"]
        assert eb.count("稀土") == 2 and eb.search("稀土 鈾礦") == []


def test_batches_store_what_single_writes_store(tmp_path: Path) -> None:
    files = _story_files(tmp_path / "c", 12)
    dumps = []
    for batch in (1, 5, 64):
        from attache.ingest import IngestOptions, ingest

        with EvidenceBase(tmp_path / f"b{batch}.db") as eb:
            opts = IngestOptions(kb=eb.kb, batch_docs=batch)
            report = ingest(files + files[:2], eb.store, eb.segmenter, opts)
            assert len(report.added) == 12 and len(report.existing) == 2
            dumps.append(dump(eb.store))
    assert dumps[0] == dumps[1] == dumps[2]
    # A batch links copies inside itself as a run of single writes does.
    assert sum(1 for d in dumps[2]["documents"] if d[1]) == 11


def test_two_workers_store_what_one_stores(tmp_path: Path, db_url: str) -> None:
    files = _story_files(tmp_path / "c", 8)
    with EvidenceBase(tmp_path / "one.db") as one:
        assert one.ingest(files, workers=1).ok
        expected = dump(one.store)
    with EvidenceBase(db_url) as two:
        report = two.ingest(files, workers=2)
        assert report.ok and len(report.added) == 8
        got = dump(two.store)
    assert got["documents"] == expected["documents"]
    assert {k: len(v) for k, v in got.items()} == {k: len(v) for k, v in expected.items()}


def test_migration_upgrades_a_first_schema_database(db_url: str) -> None:
    # A database as attache 0.1 wrote it: no revision table, no entity link tables.
    url = db_url if "://" in db_url else f"sqlite:///{db_url}"
    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    old = [t for name, t in metadata.tables.items()
           if name not in ("figure_entities", "event_entities")]
    with engine.begin() as conn:
        metadata.create_all(conn, tables=old)
        conn.execute(sa.insert(settings).values(key="schema", value="1"))
        conn.execute(sa.insert(documents).values(
            id="d1", location="/x.txt", format="txt", language="en", text=STORY,
            links="[]", meta="[]", extracted=True, ingested_at="2025-01-01"))
        conn.execute(sa.insert(figures).values(
            id="f1", doc_id="d1", start=0, end=5, text="$3.7 billion", value=3.7e9,
            unit="USD", qualifier="exact", entities=json.dumps(["Japan", "Kazakhstan"])))
    engine.dispose()
    store = SqlStore(db_url)
    try:
        assert [r["id"] for r in store.figures_for_entities(["Kazakhstan"])] == ["f1"]
        assert store.docs_mentioning(["Japan"]) == {"d1": {"Japan"}}
        with store.engine.connect() as conn:
            assert conn.execute(sa.text("SELECT version_num FROM alembic_version")
                                ).scalar() == "0002"
            assert conn.execute(sa.text("SELECT value FROM settings WHERE key='schema'")
                                ).scalar() == "2"
    finally:
        store.close()


def test_read_only_open_writes_nothing_while_another_process_writes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "r.db"
    with EvidenceBase(db) as eb:
        assert eb.ingest(_story_files(tmp_path / "c", 2)).ok
    monkeypatch.setattr("attache.store.sqlite.BUSY_TIMEOUT_MS", 300)
    monkeypatch.setattr("attache.store.sql.WRITE_RETRIES", 0)
    writer = sqlite3.connect(db, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("INSERT INTO settings(key, value) VALUES ('busy', '1')")
        before = db.stat().st_mtime_ns
        with EvidenceBase(db) as eb:
            assert eb.search("Kazakhstan") and len(eb.documents()) == 2
            with pytest.raises(StoreError) as err:
                eb.store.add_location(eb.documents()[0]["id"], "/elsewhere.txt")
        message = str(err.value)
        assert "another process is writing" in message
        assert "remove" not in message and "damaged" not in message
        assert db.stat().st_mtime_ns == before
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    with sqlite3.connect(db) as c:
        assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_progress_meter_prints_files_megabytes_rate_and_time_left() -> None:
    import io

    out = io.StringIO()
    meter = ProgressMeter(out, tty=False, every=0)
    meter.start(4, 4_000_000)
    meter.update(1, 1_000_000, 3)
    meter.finish()
    first = out.getvalue().splitlines()[0]
    assert first.startswith("ingest: 1/4 files, 1.0/4.0 MB, 3 documents, ")
    assert "docs/s" in first and first.endswith("left")
    tty = io.StringIO()
    bar = ProgressMeter(tty, tty=True)
    bar.start(2, 0)
    bar.update(1, 0, 1)
    assert tty.getvalue().startswith("\r\x1b[K1/2 files")


def test_topic_slice_reads(tmp_path: Path, db_url: str) -> None:
    files = _story_files(tmp_path / "c", 2)
    with EvidenceBase(db_url) as eb:
        assert eb.ingest(files).ok
        store = eb.store
        ids = sorted(d["id"] for d in eb.documents())
        named = store.docs_mentioning(["Japan", "Kazakhstan"])
        assert set(named) == set(ids) and named[ids[0]] == {"Japan", "Kazakhstan"}
        assert store.docs_mentioning(["Nobody In Particular"]) == {}
        evs = store.events_for_entities(["Kassym-Jomart Tokayev"])
        assert evs and {e["doc_id"] for e in evs} <= set(ids)
        assert all("Kassym-Jomart Tokayev" in json.loads(e["participants"]) for e in evs)
        figs = store.figures_for_entities(["Japan"])
        assert figs and all("Japan" in json.loads(f["entities"]) for f in figs)
        rows = store.sentences_for_ids([(ids[1], 1), (ids[0], 0), (ids[0], 999)])
        assert [(r.doc_id, r.idx) for r in rows] == [(ids[1], 1), (ids[0], 0)]
        for r in rows:
            assert r.text == store.text_of(r.doc_id)[r.start:r.end]
        assert set(store.docs_matching("\"kazakhstan\"")) == set(ids)
