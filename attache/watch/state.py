"""Watch state in the store: per source (last fetch, validators, failures), per item, per topic.

Three SQLAlchemy Core tables created on the store's own engine, so a backup of the database is
a backup of what was followed. An item row is written inside the transaction that stores the
document it brought (see :meth:`attache.store.SqlStore.add`'s ``also``), and the source row
(validators, next due time) inside the transaction of the last document of the fetch, so a
process killed at any moment leaves either both or neither: validators are never saved for
documents that were not.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from attache.store.schema import insert_or_ignore

metadata = sa.MetaData()
Writer = Callable[[Connection], None]

watch_sources = sa.Table(
    "watch_sources", metadata,
    sa.Column("id", sa.String(24), primary_key=True),
    sa.Column("kind", sa.String(8), nullable=False),
    sa.Column("address", sa.Text, nullable=False),
    sa.Column("last_fetch", sa.Float),  # epoch seconds of the last attempt
    sa.Column("last_success", sa.Float),
    sa.Column("next_due", sa.Float, nullable=False, default=0.0),
    sa.Column("etag", sa.Text),
    sa.Column("last_modified", sa.Text),
    sa.Column("failures", sa.Integer, nullable=False, default=0),  # consecutive
    sa.Column("last_error", sa.Text),
)
watch_items = sa.Table(
    "watch_items", metadata,
    # The item's URL (or file path) and a hash of what it held: the same URL with new content
    # is a new item (an edited article), the same content under the same URL is not.
    sa.Column("address", sa.Text, primary_key=True),
    sa.Column("content_hash", sa.String(64), primary_key=True),
    sa.Column("source_id", sa.String(24), nullable=False, index=True),
    sa.Column("doc_id", sa.String(24)),
    sa.Column("seen_at", sa.String(32), nullable=False),
)
watch_topics = sa.Table(
    "watch_topics", metadata,
    sa.Column("topic", sa.Text, primary_key=True),
    sa.Column("documents", sa.Integer, nullable=False),  # store size when last briefed
    sa.Column("editions", sa.Text, nullable=False),  # {"en": 3, …} last alerted
    sa.Column("snapshot", sa.Text, nullable=False),  # what the last alert compared against
    sa.Column("updated_at", sa.String(32), nullable=False),
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class SourceState:
    id: str
    last_fetch: float | None
    last_success: float | None
    next_due: float
    etag: str | None
    last_modified: str | None
    failures: int
    last_error: str | None


@dataclass(frozen=True)
class TopicState:
    topic: str
    documents: int
    editions: dict[str, int]
    snapshot: dict[str, Any]


def _upsert(conn: Connection, table: sa.Table, key: dict[str, Any], values: dict[str, Any]
            ) -> None:
    where = sa.and_(*(table.c[k] == v for k, v in key.items()))
    done = conn.execute(sa.update(table).where(where).values(**values))
    if done.rowcount == 0:
        conn.execute(sa.insert(table).values(**key, **values))


class WatchState:
    """Reads and writes of the watch tables on one engine."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        with engine.begin() as conn:
            metadata.create_all(conn)

    # -- sources --------------------------------------------------------------------------

    def source(self, source_id: str) -> SourceState | None:
        with self.engine.connect() as conn:
            r = conn.execute(sa.select(watch_sources)
                             .where(watch_sources.c.id == source_id)).first()
        if r is None:
            return None
        return SourceState(r.id, r.last_fetch, r.last_success, r.next_due or 0.0, r.etag,
                           r.last_modified, r.failures or 0, r.last_error)

    def sources(self) -> list[SourceState]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(watch_sources.c.id)).scalars().all()
        return [s for s in (self.source(i) for i in rows) if s is not None]

    @staticmethod
    def success_writer(source_id: str, kind: str, address: str, *, now: float,
                       next_due: float, etag: str | None, last_modified: str | None) -> Writer:
        """A function that records a successful fetch on a connection; it runs in the
        transaction of the last document the fetch brought."""
        def write(conn: Connection) -> None:
            _upsert(conn, watch_sources, {"id": source_id}, {
                "kind": kind, "address": address, "last_fetch": now, "last_success": now,
                "next_due": next_due, "etag": etag, "last_modified": last_modified,
                "failures": 0, "last_error": None})
        return write

    def run(self, *writers: Writer) -> None:
        """Run writers in one transaction of their own."""
        with self.engine.begin() as conn:
            for w in writers:
                w(conn)

    def record_failure(self, source_id: str, kind: str, address: str, *, now: float,
                       next_due: float, error: str) -> int:
        """Count one more consecutive failure; returns the count."""
        with self.engine.begin() as conn:
            prev = conn.execute(sa.select(watch_sources.c.failures)
                                .where(watch_sources.c.id == source_id)).scalar()
            failures = (prev or 0) + 1
            _upsert(conn, watch_sources, {"id": source_id}, {
                "kind": kind, "address": address, "last_fetch": now, "next_due": next_due,
                "failures": failures, "last_error": error[:2000]})
        return failures

    # -- items ----------------------------------------------------------------------------

    def seen(self, addresses: Iterable[str]) -> dict[str, set[str]]:
        """The content hashes already stored for each of ``addresses``."""
        out: dict[str, set[str]] = {}
        addrs = sorted(set(addresses))
        with self.engine.connect() as conn:
            for i in range(0, len(addrs), 500):
                for r in conn.execute(sa.select(watch_items.c.address,
                                                watch_items.c.content_hash)
                                      .where(watch_items.c.address.in_(addrs[i:i + 500]))):
                    out.setdefault(r.address, set()).add(r.content_hash)
        return out

    @staticmethod
    def item_writer(address: str, content_hash: str, source_id: str, doc_id: str | None
                    ) -> Writer:
        """A function that records one item on a connection (runs in the document's
        transaction)."""
        def write(conn: Connection) -> None:
            conn.execute(insert_or_ignore(watch_items, conn.dialect.name).values(
                address=address, content_hash=content_hash, source_id=source_id,
                doc_id=doc_id, seen_at=_now()))
        return write

    def item_counts(self) -> dict[str, int]:
        """Items recorded per source id."""
        q = (sa.select(watch_items.c.source_id, sa.func.count())
             .group_by(watch_items.c.source_id))
        with self.engine.connect() as conn:
            return {r[0]: int(r[1]) for r in conn.execute(q)}

    def items(self, source_id: str | None = None) -> list[dict[str, Any]]:
        q = sa.select(watch_items).order_by(watch_items.c.seen_at, watch_items.c.address)
        if source_id:
            q = q.where(watch_items.c.source_id == source_id)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    # -- topics ---------------------------------------------------------------------------

    def topic(self, topic: str) -> TopicState | None:
        with self.engine.connect() as conn:
            r = conn.execute(sa.select(watch_topics).where(watch_topics.c.topic == topic)
                             ).first()
        if r is None:
            return None
        return TopicState(r.topic, r.documents, json.loads(r.editions), json.loads(r.snapshot))

    def record_topic(self, topic: str, documents: int, editions: dict[str, int],
                     snapshot: dict[str, Any]) -> None:
        with self.engine.begin() as conn:
            _upsert(conn, watch_topics, {"topic": topic}, {
                "documents": documents, "editions": json.dumps(editions, sort_keys=True),
                "snapshot": json.dumps(snapshot, ensure_ascii=False, sort_keys=True),
                "updated_at": _now()})
