"""The store on SQLAlchemy Core: SQLite (a file, by default) or PostgreSQL (by URL).

Opening a database writes nothing unless it is new or from an older version (then the tables
are created, or the Alembic migrations bring it up to date), so read-only commands never wait
for or block an ingest. Documents are written in batches, one transaction each, with
insert-or-ignore on every natural key: an ingest killed at any moment loses at most its open
batch, a second run completes it without duplicates, and two ingests on one database at once
store exactly what one would.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from attache.analysis import Analysis
from attache.dedup import (
    CONTAINMENT_THRESHOLD,
    JACCARD_THRESHOLD,
    MIN_SENTENCES_FOR_CONTAINMENT,
    jaccard,
    pack_signature,
    unpack_signature,
)
from attache.errors import NotFound, StoreError
from attache.model import Document, Link, PublishedDate, Sentence, make_id
from attache.store.postgres import PostgresBackend, driver_url
from attache.store.protocol import AddResult, SentenceHit, SentenceRow, StoredDocument, WriteItem
from attache.store.schema import (
    HEAD_REVISION,
    SCHEMA_VERSION,
    bands,
    documents,
    entities,
    event_entities,
    events,
    figure_entities,
    figures,
    insert_or_ignore,
    locations,
    mentions,
    metadata,
    sentences,
    settings,
    sources,
)
from attache.store.search import Node, as_tree
from attache.store.sqlite import SqliteBackend

# A batch that finds the database locked is tried again this many times (each try already
# waits the busy timeout) before the ingest reports it.
WRITE_RETRIES = 4
_CHUNK = 500


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _is_lock(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "database is locked" in text or "database is busy" in text or "deadlock" in text


class SqlStore:
    """The store on SQLAlchemy Core; ``url`` is a path (SQLite) or an SQLAlchemy URL."""

    def __init__(self, url: str | Path = "attache.db") -> None:
        target = str(url)
        self.label = target
        engine_args: dict[str, Any] = {}
        if target == ":memory:":
            # One shared connection, or every new connection would see an empty database.
            engine_args = {"poolclass": sa.pool.StaticPool,
                           "connect_args": {"check_same_thread": False}}
        if "://" not in target:
            if target != ":memory:":
                p = Path(target)
                if p.parent and not p.parent.exists():
                    raise StoreError(f"cannot create the database {target}: folder "
                                     f"{p.parent} does not exist; create it or pass --db")
            target = f"sqlite:///{target}"
        target = driver_url(target)
        self.url = target
        try:
            self.engine: Engine = sa.create_engine(target, **engine_args)
        except (sa.exc.SQLAlchemyError, ImportError) as exc:
            raise StoreError(f"cannot open the database {url}: {exc}; for PostgreSQL install "
                             f"attache with psycopg (pip install 'psycopg[binary]')") from exc
        self.dialect = self.engine.dialect.name
        if self.dialect == "sqlite":
            self.backend: SqliteBackend | PostgresBackend = SqliteBackend()
        elif self.dialect == "postgresql":
            self.backend = PostgresBackend()
        else:
            raise StoreError(f"cannot open the database {url}: attache stores in SQLite or "
                             f"PostgreSQL, not {self.dialect}")
        self.backend.attach(self.engine)
        try:
            self._prepare()
        except sa.exc.SQLAlchemyError as exc:
            raise self._translate(exc, f"cannot open the database {url}") from exc

    # -- opening ---------------------------------------------------------------------------

    def _revision(self, conn: Connection) -> str | None:
        insp = sa.inspect(conn)
        if not insp.has_table("documents"):
            return None
        if not insp.has_table("alembic_version"):
            return "0001"  # a database written before migrations existed
        rev = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
        return str(rev) if rev else "0001"

    def _prepare(self) -> None:
        with self.engine.connect() as conn:
            rev = self._revision(conn)
            ready = rev == HEAD_REVISION and self.backend.has_index(conn)
        if ready:
            return  # nothing to write: a read-only open takes no lock
        with self._write() as conn:
            if isinstance(self.backend, PostgresBackend):
                self.backend.lock_schema(conn)
            rev = self._revision(conn)  # again, inside the lock: another process may have won
            if rev is None:
                metadata.create_all(conn)
                self.backend.create_index(conn)
                conn.execute(sa.text("CREATE TABLE IF NOT EXISTS alembic_version ("
                                     "version_num VARCHAR(32) NOT NULL PRIMARY KEY)"))
                conn.execute(sa.text("INSERT INTO alembic_version(version_num) VALUES (:v)"),
                             {"v": HEAD_REVISION})
                conn.execute(insert_or_ignore(settings, self.dialect),
                             [{"key": "schema", "value": str(SCHEMA_VERSION)}])
            elif rev != HEAD_REVISION:
                from attache.store.migrate import upgrade

                upgrade(conn, self.backend)
            else:
                self.backend.create_index(conn)

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self.engine.begin() as conn:
            self.backend.begin_write(conn)
            yield conn

    def _translate(self, exc: BaseException, what: str) -> StoreError:
        first = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
        if _is_lock(exc):
            return StoreError(f"{what}: another process is writing to {self.label} and did not "
                              f"finish in time; wait for it (an ingest, say) and try again")
        return StoreError(f"{what}: {first}. Check the path or URL and that it is an attache "
                          f"database")

    # -- writing ---------------------------------------------------------------------------

    def status(self, doc_id: str) -> str | None:
        """None (not stored), 'stored', or 'extracted'."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(documents.c.extracted)
                               .where(documents.c.id == doc_id)).first()
        if row is None:
            return None
        return "extracted" if row.extracted else "stored"

    def add_location(self, doc_id: str, location: str) -> None:
        self._retrying(lambda conn: conn.execute(
            insert_or_ignore(locations, self.dialect),
            [{"doc_id": doc_id, "location": location}]), f"cannot store {location}")

    def has(self, doc_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(
                sa.select(documents.c.id).where(documents.c.id == doc_id)).first() is not None

    def add(self, analysis: Analysis, source: dict[str, Any] | None = None, *,
            also: Callable[[Connection], None] | None = None) -> AddResult:
        """Store one analysed document; an existing id only gains a location.

        ``also`` runs inside the same transaction (attache.watch records what brought the
        document there, so a crash keeps both or neither).
        """
        what = f"cannot store {analysis.document.location}"

        def write(conn: Connection) -> list[AddResult]:
            res = _write_batch(conn, self, [WriteItem(analysis, source)])
            if also is not None:
                also(conn)
            return res

        result: list[AddResult] = self._retrying(write, what)
        return result[0]

    def add_many(self, items: Sequence[WriteItem],
                 known: Sequence[tuple[str, str]] = ()) -> list[AddResult]:
        """Store a batch in one transaction (executemany per table), retried while locked.

        ``known`` are (doc id, location) pairs of documents already stored, which only gain
        the location.
        """
        if not items and not known:
            return []
        what = ("cannot store " + items[0].analysis.document.location
                if len(items) == 1 else f"cannot store a batch of {len(items)} documents")
        return self._retrying(lambda conn: _write_batch(conn, self, items, known), what)

    def _retrying(self, fn: Any, what: str) -> Any:
        for attempt in range(WRITE_RETRIES + 1):
            try:
                with self._write() as conn:
                    return fn(conn)
            except sa.exc.OperationalError as exc:
                if not _is_lock(exc) or attempt == WRITE_RETRIES:
                    raise self._translate(exc, what) from exc
                time.sleep(0.2 * (attempt + 1))
            except sa.exc.SQLAlchemyError as exc:
                raise self._translate(exc, what) from exc
        raise AssertionError("unreachable")

    # -- reading -------------------------------------------------------------------------

    def resolve_id(self, ref: str) -> str:
        """A full id from an id or an unambiguous prefix of one (as users copy them)."""
        ref = ref.strip()
        if not ref:
            raise NotFound("an empty document id; run 'attache docs' to list ids")
        with self.engine.connect() as conn:
            # A full id (the common case, from code) is one primary-key lookup.
            if conn.execute(sa.select(documents.c.id).where(documents.c.id == ref)).first():
                return ref
            rows = conn.execute(sa.select(documents.c.id)
                                .where(documents.c.id.startswith(ref, autoescape=True))
                                .limit(2)).all()
        if len(rows) == 1:
            return str(rows[0][0])
        if not rows:
            raise NotFound(f"no document with id {ref!r}; run 'attache docs' to list ids")
        raise NotFound(f"{ref!r} matches several documents; give more of the id")

    def get(self, doc_id: str) -> StoredDocument:
        doc_id = self.resolve_id(doc_id)
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(documents).where(documents.c.id == doc_id)).one()
            sents = conn.execute(sa.select(sentences).where(sentences.c.doc_id == doc_id)
                                 .order_by(sentences.c.idx)).all()
            locs = conn.execute(sa.select(locations.c.location)
                                .where(locations.c.doc_id == doc_id)
                                .order_by(locations.c.location)).scalars().all()
            src = None
            if row.source_id:
                s = conn.execute(sa.select(sources).where(sources.c.id == row.source_id)).first()
                if s is not None:
                    src = {"name": s.name, "kind": s.kind, "country": s.country,
                           "guessed": bool(s.guessed)}
        doc = _row_document(row)
        return StoredDocument(
            document=doc, id=doc_id, language=row.language,
            sentences=tuple(Sentence(index=s.idx, start=s.start, end=s.end,
                                     text=doc.text[s.start:s.end], language=s.language,
                                     boilerplate=s.boilerplate) for s in sents),
            duplicate_of=row.duplicate_of, duplicate_score=row.duplicate_score,
            locations=tuple(locs), source=src)

    def text_of(self, doc_id: str) -> str:
        with self.engine.connect() as conn:
            t = conn.execute(sa.select(documents.c.text).where(documents.c.id == doc_id)
                             ).scalar()
        if t is None:
            raise NotFound(f"no document with id {doc_id!r}")
        return str(t)

    def list_documents(self, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        q = (sa.select(documents.c.id, documents.c.title, documents.c.language,
                       documents.c.published, documents.c.published_source,
                       documents.c.format, documents.c.location, documents.c.outlet,
                       documents.c.duplicate_of, sources.c.name.label("source"),
                       sources.c.kind.label("source_kind"),
                       sa.func.length(documents.c.text).label("chars"))
             .select_from(documents.outerjoin(sources, sources.c.id == documents.c.source_id))
             .order_by(documents.c.published.desc().nulls_last(), documents.c.id)
             .limit(limit).offset(offset))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def documents_by_ids(self, ids: Sequence[str]) -> list[dict[str, Any]]:
        """Document rows (with source name and kind) for the given ids, by index lookups."""
        out: list[dict[str, Any]] = []
        ids = sorted(set(ids))
        with self.engine.connect() as conn:
            for chunk in (ids[i:i + _CHUNK] for i in range(0, len(ids), _CHUNK)):
                out.extend(dict(r._mapping) for r in conn.execute(
                    sa.select(documents, sources.c.name.label("src_name"),
                              sources.c.kind.label("src_kind"))
                    .select_from(documents.outerjoin(sources,
                                                     sources.c.id == documents.c.source_id))
                    .where(documents.c.id.in_(chunk))))
        return out

    def count(self, table: str = "documents") -> int:
        t = metadata.tables[table]
        with self.engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(t)).scalar() or 0)

    def _search_call(self, fn: Any) -> Any:
        try:
            with self.engine.connect() as conn:
                return fn(conn)
        except sa.exc.SQLAlchemyError as exc:
            if _is_lock(exc):
                raise self._translate(exc, "search") from exc
            raise StoreError(f"the search index could not read the query: "
                             f"{str(exc).splitlines()[0]}") from exc

    def search_sentences(self, match: Node | str, limit: int = 50) -> list[SentenceHit]:
        """The top ``limit`` sentences by the index's own ranking (bm25 or ts_rank)."""
        if not match:
            return []
        node = as_tree(match)
        rows = self._search_call(lambda conn: self.backend.search(conn, node, limit))
        return [SentenceHit(r[0], int(r[1]), int(r[2]), int(r[3]), float(r[4])) for r in rows]

    def count_sentences(self, match: Node | str) -> int:
        if not match:
            return 0
        node = as_tree(match)
        return int(self._search_call(lambda conn: self.backend.count(conn, node)))

    def docs_matching(self, match: Node | str, limit: int = 100_000) -> list[str]:
        """Ids of documents with a sentence matching the query (unranked)."""
        if not match:
            return []
        node = as_tree(match)
        return list(self._search_call(lambda conn: self.backend.indexed_docs(conn, node,
                                                                             limit)))

    def sentences_for_ids(self, keys: Sequence[tuple[str, int]]) -> list[SentenceRow]:
        """The sentences named by (document id, index), with their text, in the given order."""
        by_doc: dict[str, list[int]] = {}
        for d, i in keys:
            by_doc.setdefault(d, []).append(i)
        found: dict[tuple[str, int], SentenceRow] = {}
        text = sa.func.substr(documents.c.text, sentences.c.start + 1,
                              sentences.c.end - sentences.c.start)
        with self.engine.connect() as conn:
            for doc_id, idxs in by_doc.items():
                for r in conn.execute(
                        sa.select(sentences, text.label("text"))
                        .join(documents, documents.c.id == sentences.c.doc_id)
                        .where(sentences.c.doc_id == doc_id, sentences.c.idx.in_(idxs))):
                    found[(r.doc_id, r.idx)] = SentenceRow(r.doc_id, r.idx, r.start, r.end,
                                                           r.text, r.language, r.boilerplate)
        return [found[k] for k in keys if k in found]

    def docs_mentioning(self, names: Sequence[str],
                        via: Sequence[str] = ("mentions", "figures", "events")
                        ) -> dict[str, set[str]]:
        """doc id → which canonical ``names`` it involves, through the entity indexes
        (``via``: mentions, the entities of its figures, the participants of its events)."""
        found: dict[str, set[str]] = {}
        names = sorted(set(names))
        if not names:
            return found
        queries = {
            "mentions": sa.select(mentions.c.doc_id, entities.c.name).distinct()
            .join(entities, entities.c.id == mentions.c.entity_id)
            .where(entities.c.name.in_(names)),
            "figures": sa.select(figures.c.doc_id, figure_entities.c.name).distinct()
            .join(figures, figures.c.id == figure_entities.c.figure_id)
            .where(figure_entities.c.name.in_(names)),
            "events": sa.select(events.c.doc_id, event_entities.c.name).distinct()
            .join(events, events.c.id == event_entities.c.event_id)
            .where(event_entities.c.name.in_(names)),
        }
        with self.engine.connect() as conn:
            for q in (queries[v] for v in via):
                for doc_id, name in conn.execute(q):
                    found.setdefault(doc_id, set()).add(name)
        return found

    def events_for_entities(self, names: Sequence[str]) -> list[dict[str, Any]]:
        """Event rows involving any of ``names``, through the event_entities index."""
        ids = (sa.select(event_entities.c.event_id)
               .where(event_entities.c.name.in_(sorted(set(names)))))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(
                sa.select(events).where(events.c.id.in_(ids)).order_by(events.c.id))]

    def figures_for_entities(self, names: Sequence[str]) -> list[dict[str, Any]]:
        """Figure rows involving any of ``names``, through the figure_entities index."""
        ids = (sa.select(figure_entities.c.figure_id)
               .where(figure_entities.c.name.in_(sorted(set(names)))))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(
                sa.select(figures).where(figures.c.id.in_(ids)).order_by(figures.c.id))]

    def extraction(self, doc_id: str) -> dict[str, Any]:
        """The stored extraction of one document, in the ``extract --json`` format."""
        stored = self.get(doc_id)
        d = stored.document
        with self.engine.connect() as conn:
            ments = conn.execute(
                sa.select(mentions, entities.c.name, entities.c.type, entities.c.linked)
                .join(entities, entities.c.id == mentions.c.entity_id)
                .where(mentions.c.doc_id == doc_id).order_by(mentions.c.start)).all()
            figs = conn.execute(sa.select(figures).where(figures.c.doc_id == doc_id)
                                .order_by(figures.c.start)).all()
            evs = conn.execute(sa.select(events).where(events.c.doc_id == doc_id)
                               .order_by(events.c.start)).all()
        ents: dict[str, dict[str, Any]] = {}
        for m in ments:
            e = ents.setdefault(m.entity_id, {"id": m.entity_id, "name": m.name,
                                              "type": m.type, "linked": bool(m.linked),
                                              "mentions": []})
            e["mentions"].append({"text": m.text, "start": m.start, "end": m.end})
        return {
            "doc": d.location, "doc_id": doc_id, "language": stored.language,
            "published": d.published.value if d.published else None, "title": d.title,
            "source": stored.source,
            "entities": list(ents.values()),
            "figures": [{"text": f.text, "value": f.value, "value_max": f.value_max,
                         "unit": f.unit, "qualifier": f.qualifier, "subject": f.subject,
                         "entities": json.loads(f.entities), "period": f.period,
                         "start": f.start, "end": f.end} for f in figs],
            "events": [{"type": v.type, "participants": json.loads(v.participants),
                        "date": v.date, "place": v.place, "start": v.start, "end": v.end,
                        "status": v.status} for v in evs],
        }

    def rows(self, table: str, **where: Any) -> Iterator[dict[str, Any]]:
        t = metadata.tables[table]
        q = sa.select(t)
        for k, v in where.items():
            q = q.where(t.c[k] == v)
        with self.engine.connect() as conn:
            for r in conn.execute(q):
                yield dict(r._mapping)

    def close(self) -> None:
        self.engine.dispose()


# -- the batched writer ------------------------------------------------------------------------


class _Rows:
    """Rows per table for one batch, written with one executemany each."""

    def __init__(self) -> None:
        self.by_table: dict[str, list[dict[str, Any]]] = {}
        self.index: list[dict[str, Any]] = []
        self.extracted: list[str] = []

    def add(self, table: sa.Table, rows: list[dict[str, Any]]) -> None:
        if rows:
            self.by_table.setdefault(table.name, []).extend(rows)


# Parents before children, for the foreign keys.
_ORDER = (sources, documents, locations, sentences, bands, entities, mentions, figures, events,
          figure_entities, event_entities)


def _write_batch(conn: Connection, store: SqlStore, items: Sequence[WriteItem],
                 known: Sequence[tuple[str, str]] = ()) -> list[AddResult]:
    ids = sorted({it.analysis.doc_id for it in items})
    stored: dict[str, Any] = {}
    for chunk in (ids[i:i + _CHUNK] for i in range(0, len(ids), _CHUNK)):
        for r in conn.execute(sa.select(documents.c.id, documents.c.duplicate_of,
                                        documents.c.extracted)
                              .where(documents.c.id.in_(chunk))):
            stored[r.id] = r
    rows = _Rows()
    rows.add(locations, [{"doc_id": d, "location": loc} for d, loc in known])
    pending: list[Analysis] = []
    new: dict[str, AddResult] = {}
    results: list[AddResult] = []
    for it in items:
        a = it.analysis
        doc = a.document
        doc_id = a.doc_id
        if doc_id in stored or doc_id in new:
            rows.add(locations, [{"doc_id": doc_id, "location": doc.location}])
            prev = stored.get(doc_id)
            if prev is not None and not prev.extracted and a.extraction is not None \
                    and doc_id not in rows.extracted:
                _extraction_rows(rows, a)
                rows.extracted.append(doc_id)
            dup = prev.duplicate_of if prev is not None else new[doc_id].duplicate_of
            results.append(AddResult(doc_id, False, dup))
            continue
        dup_of, score = _find_original(conn, a, pending)
        pending.append(a)
        source_id = None
        if it.source:
            source_id = make_id("src", it.source["name"])
            rows.add(sources, [{"id": source_id, "name": it.source["name"],
                                "kind": it.source["kind"], "country": it.source.get("country"),
                                "guessed": bool(it.source.get("guessed"))}])
        pub = doc.published
        rows.add(documents, [{
            "id": doc_id, "location": doc.location, "format": doc.format, "title": doc.title,
            "outlet": doc.outlet, "url": doc.url,
            "published": pub.value if pub else None,
            "published_source": pub.source if pub else "none",
            "published_precision": pub.precision if pub else None,
            "language": a.language, "source_id": source_id, "encoding": doc.encoding,
            "text": doc.text,
            "links": json.dumps([[lk.text, lk.url, lk.start, lk.end] for lk in doc.links],
                                ensure_ascii=False),
            "meta": json.dumps(list(doc.meta), ensure_ascii=False),
            "minhash": pack_signature(a.fingerprint.signature),
            "duplicate_of": dup_of, "duplicate_score": score,
            "extracted": a.extraction is not None, "ingested_at": _now()}])
        rows.add(locations, [{"doc_id": doc_id, "location": doc.location}])
        rows.add(sentences, [
            {"doc_id": doc_id, "idx": s.index, "start": s.start, "end": s.end,
             "language": s.language, "boilerplate": s.boilerplate, "fp": fp}
            for s, fp in zip(a.sentences, a.sentence_fps, strict=True)])
        rows.index.extend(
            {"doc_id": doc_id, "idx": s.index, "tokens": toks}
            for s, toks in zip(a.sentences, a.tokens, strict=True)
            if s.boilerplate is None and toks)
        rows.add(bands, [{"band": b, "doc_id": doc_id} for b in a.fingerprint.bands])
        if a.extraction is not None:
            _extraction_rows(rows, a)
        res = AddResult(doc_id, True, dup_of, score)
        new[doc_id] = res
        results.append(res)
    for table in _ORDER:
        batch = rows.by_table.get(table.name)
        if batch:
            conn.execute(insert_or_ignore(table, store.dialect), _unique(table, batch))
    store.backend.index_rows(conn, rows.index)
    if rows.extracted:
        conn.execute(sa.update(documents).where(documents.c.id.in_(rows.extracted))
                     .values(extracted=True))
    return results


def _unique(table: sa.Table, batch: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per primary key (PostgreSQL refuses a key twice in one INSERT … ON CONFLICT)."""
    keys = [c.name for c in table.primary_key.columns]
    seen: dict[tuple[Any, ...], dict[str, Any]] = {}
    for r in batch:
        seen.setdefault(tuple(r[k] for k in keys), r)
    return list(seen.values())


def _extraction_rows(rows: _Rows, analysis: Analysis) -> None:
    ex = analysis.extraction
    assert ex is not None
    doc_id = analysis.doc_id
    rows.add(entities, [{"id": e.id, "name": e.name, "type": e.type, "linked": e.linked}
                        for e in ex.entities])
    seen: set[int] = set()
    ment: list[dict[str, Any]] = []
    for e in ex.entities:
        for m in e.mentions:
            if m.start in seen:
                continue
            seen.add(m.start)
            ment.append({"doc_id": doc_id, "start": m.start, "end": m.end,
                         "entity_id": e.id, "text": m.text})
    rows.add(mentions, ment)
    for f in ex.figures:
        fid = make_id("fig", doc_id, f.start, f.end)
        rows.add(figures, [{
            "id": fid, "doc_id": doc_id, "start": f.start, "end": f.end, "text": f.text,
            "value": f.value, "value_max": f.value_max, "unit": f.unit,
            "qualifier": f.qualifier, "subject": f.subject,
            "entities": json.dumps(list(f.entities), ensure_ascii=False), "period": f.period}])
        rows.add(figure_entities, [{"name": n, "figure_id": fid} for n in set(f.entities)])
    for v in ex.events:
        eid = make_id("evt", doc_id, v.start, v.end, v.type, *v.participants)
        rows.add(events, [{
            "id": eid, "doc_id": doc_id, "start": v.start, "end": v.end, "type": v.type,
            "participants": json.dumps(list(v.participants), ensure_ascii=False),
            "date": v.date, "place": v.place, "status": v.status, "trigger": v.trigger}])
        rows.add(event_entities, [{"name": n, "event_id": eid} for n in set(v.participants)])


def _find_original(conn: Connection, analysis: Analysis, pending: Sequence[Analysis]
                   ) -> tuple[str | None, float | None]:
    """The earlier document this one copies, by MinHash or by sentence containment.

    Earlier means stored before, or earlier in the same batch (not yet in the tables).
    """
    fp = analysis.fingerprint
    cands: list[tuple[str, tuple[int, ...]]] = []
    if fp.bands:
        cands = [(r.id, unpack_signature(r.minhash)) for r in conn.execute(
            sa.select(documents.c.id, documents.c.minhash)
            .join(bands, bands.c.doc_id == documents.c.id)
            .where(bands.c.band.in_(fp.bands)).distinct())]
    mine = set(fp.bands)
    cands += [(p.doc_id, p.fingerprint.signature) for p in pending
              if mine & set(p.fingerprint.bands)]
    best: tuple[str | None, float | None] = (None, None)
    for doc_id, sig in sorted(cands):
        j = jaccard(fp.signature, sig)
        if j >= JACCARD_THRESHOLD and (best[1] is None or j > best[1]):
            best = (doc_id, round(j, 3))
    if best[0] is not None:
        return best
    fps = [f for f in analysis.sentence_fps if f]
    if len(fps) >= MIN_SENTENCES_FOR_CONTAINMENT:
        uniq = sorted(set(fps))
        counts: dict[str, int] = {}
        for doc_id, n in conn.execute(
                sa.select(sentences.c.doc_id, sa.func.count(sa.distinct(sentences.c.fp)))
                .where(sentences.c.fp.in_(uniq)).group_by(sentences.c.doc_id)):
            counts[doc_id] = int(n)
        wanted = set(uniq)
        for p in pending:
            n = len(wanted & {f for f in p.sentence_fps if f})
            if n:
                counts[p.doc_id] = max(counts.get(p.doc_id, 0), n)
        for doc_id, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            share = n / len(uniq)
            if share >= CONTAINMENT_THRESHOLD:
                return doc_id, round(share, 3)
    return best


def _row_document(row: Any) -> Document:
    pub = (PublishedDate(value=row.published, source=row.published_source,
                         precision=row.published_precision)
           if row.published else None)
    return Document(
        text=row.text, format=row.format, location=row.location, title=row.title,
        outlet=row.outlet, url=row.url, published=pub,
        links=tuple(Link(t, u, s, e) for t, u, s, e in json.loads(row.links or "[]")),
        meta=tuple((k, v) for k, v in json.loads(row.meta or "[]")), encoding=row.encoding)


def open_store(db: str | Path | None = None) -> SqlStore:
    return SqlStore(db or "attache.db")
