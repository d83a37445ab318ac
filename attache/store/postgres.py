"""PostgreSQL: the same tables, and a ``tsvector`` table with a GIN index for search.

The index stores the pre-segmented tokens verbatim (a cast ``tsvector`` literal, not a parse
by a text-search configuration), so 稀土 and 哈萨克斯坦 are lexemes exactly as in FTS5, and
queries are cast ``tsquery`` literals rendered from the same query tree.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from attache.store.search import Node, to_tsquery, to_tsvector

# Schema creation and migrations take this advisory lock, so two processes opening a fresh
# database at once do not both create the tables.
_SCHEMA_LOCK = 0x61747461
# A query is ranked by ts_rank among at most this many of its matches.
RANK_WINDOW = 2000


class PostgresBackend:
    name = "postgresql"

    def attach(self, engine: Engine) -> None:
        return None

    def has_index(self, conn: Connection) -> bool:
        return sa.inspect(conn).has_table("sentence_index")

    def create_index(self, conn: Connection) -> None:
        conn.exec_driver_sql(
            "CREATE TABLE IF NOT EXISTS sentence_index ("
            "doc_id VARCHAR(24) NOT NULL REFERENCES documents(id) ON DELETE CASCADE, "
            "idx INTEGER NOT NULL, tsv TSVECTOR NOT NULL, PRIMARY KEY (doc_id, idx))")
        conn.exec_driver_sql(
            "CREATE INDEX IF NOT EXISTS sentence_index_tsv ON sentence_index USING GIN (tsv)")

    def begin_write(self, conn: Connection) -> None:
        return None

    def lock_schema(self, conn: Connection) -> None:
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_SCHEMA_LOCK})")

    def index_rows(self, conn: Connection, rows: list[dict[str, Any]]) -> None:
        vec = [{"doc_id": r["doc_id"], "idx": r["idx"], "tsv": to_tsvector(r["tokens"])}
               for r in rows]
        vec = [r for r in vec if r["tsv"]]
        if vec:
            conn.execute(sa.text(
                "INSERT INTO sentence_index(doc_id, idx, tsv) "
                "VALUES (:doc_id, :idx, CAST(:tsv AS tsvector)) ON CONFLICT DO NOTHING"), vec)

    def search(self, conn: Connection, node: Node, limit: int) -> list[Any]:
        q = to_tsquery(node)
        if q is None:
            return []
        # As on SQLite, a very common query is ranked among a bounded window of its matches.
        sql = sa.text(
            "SELECT m.doc_id, m.idx, s.start, s.\"end\", m.score FROM ("
            "SELECT i.doc_id, i.idx, -ts_rank(i.tsv, CAST(:q AS tsquery)) AS score "
            "FROM (SELECT doc_id, idx, tsv FROM sentence_index "
            "WHERE tsv @@ CAST(:q AS tsquery) LIMIT :w) i "
            "ORDER BY score, i.doc_id, i.idx LIMIT :n) m "
            "JOIN sentences s ON s.doc_id = m.doc_id AND s.idx = m.idx "
            "ORDER BY m.score, m.doc_id, m.idx")
        return list(conn.execute(sql, {"q": q, "n": limit, "w": RANK_WINDOW}).all())

    def count(self, conn: Connection, node: Node) -> int:
        q = to_tsquery(node)
        if q is None:
            return 0
        return int(conn.execute(sa.text(
            "SELECT count(*) FROM sentence_index WHERE tsv @@ CAST(:q AS tsquery)"),
            {"q": q}).scalar() or 0)

    def indexed_docs(self, conn: Connection, node: Node, limit: int) -> list[str]:
        q = to_tsquery(node)
        if q is None:
            return []
        return [r[0] for r in conn.execute(sa.text(
            "SELECT DISTINCT doc_id FROM sentence_index WHERE tsv @@ CAST(:q AS tsquery) "
            "LIMIT :n"), {"q": q, "n": limit})]


def driver_url(url: str) -> str:
    """psycopg 3 for ``postgresql://`` and ``postgres://`` URLs (SQLAlchemy would pick psycopg2)."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url
