"""SQLite: one file, WAL (readers never wait for a writer), FTS5 over the search tokens."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy import event as sa_event
from sqlalchemy.engine import Connection, Engine

from attache.store.search import Node, to_fts5

# How long a writer waits for another process's write transaction before giving up.
BUSY_TIMEOUT_MS = 60_000
# A query is ranked by bm25 among at most this many of its matches (the newest).
RANK_WINDOW = 2000


class SqliteBackend:
    name = "sqlite"

    def attach(self, engine: Engine) -> None:
        sa_event.listen(engine, "connect", _pragmas)

    def has_index(self, conn: Connection) -> bool:
        return sa.inspect(conn).has_table("sentence_fts")

    def create_index(self, conn: Connection) -> None:
        conn.exec_driver_sql(
            "CREATE VIRTUAL TABLE IF NOT EXISTS sentence_fts USING fts5("
            "doc_id UNINDEXED, idx UNINDEXED, tokens, "
            "tokenize = 'unicode61 remove_diacritics 0')")

    def begin_write(self, conn: Connection) -> None:
        # Take the write lock first: a transaction that reads and then writes would otherwise
        # fail at once (not wait) when another process committed in between.
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    def index_rows(self, conn: Connection, rows: list[dict[str, Any]]) -> None:
        if rows:
            conn.execute(sa.text("INSERT INTO sentence_fts(doc_id, idx, tokens) "
                                 "VALUES (:doc_id, :idx, :tokens)"), rows)

    def search(self, conn: Connection, node: Node, limit: int) -> list[Any]:
        q = to_fts5(node)
        # bm25 scores every match before the limit applies; a query matching a large part of
        # the corpus ("Japan") is ranked among its RANK_WINDOW most recently stored matches,
        # found by walking the index backwards, so its cost stays bounded.
        floor = conn.execute(sa.text(
            "SELECT rowid FROM sentence_fts WHERE sentence_fts MATCH :q "
            "ORDER BY rowid DESC LIMIT 1 OFFSET :w"), {"q": q, "w": RANK_WINDOW}).scalar()
        sql = sa.text(
            "SELECT f.doc_id, f.idx, s.start, s.\"end\", r.score FROM ("
            "SELECT rowid, bm25(sentence_fts) AS score FROM sentence_fts "
            "WHERE sentence_fts MATCH :q AND rowid > :floor ORDER BY score LIMIT :n) r "
            "JOIN sentence_fts f ON f.rowid = r.rowid "
            "JOIN sentences s ON s.doc_id = f.doc_id AND s.idx = f.idx ORDER BY r.score")
        return list(conn.execute(sql, {"q": q, "n": limit, "floor": floor or 0}).all())

    def count(self, conn: Connection, node: Node) -> int:
        return int(conn.execute(sa.text(
            "SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH :q"),
            {"q": to_fts5(node)}).scalar() or 0)

    def indexed_docs(self, conn: Connection, node: Node, limit: int) -> list[str]:
        return [r[0] for r in conn.execute(sa.text(
            "SELECT DISTINCT doc_id FROM sentence_fts WHERE sentence_fts MATCH :q LIMIT :n"),
            {"q": to_fts5(node), "n": limit})]


def _pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    # WAL is a property of the file: set once by the first writer, a no-op read afterwards.
    mode = cur.execute("PRAGMA journal_mode").fetchone()
    if mode and str(mode[0]).lower() != "wal":
        try:
            cur.execute("PRAGMA journal_mode=WAL")
        except Exception:  # noqa: BLE001 - a read-only file keeps its mode and is still read
            pass
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.close()
