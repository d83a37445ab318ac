"""The evidence store: SQLite through SQLAlchemy Core, one file by default.

The schema is plain Core tables so a PostgreSQL backend can follow without redesign; the only
dialect-specific part is full-text search (an FTS5 table here, a ``tsvector`` column there),
kept behind :meth:`SqlStore.search_sentences`. Every document is written in one transaction, so
an ingest killed at any moment leaves the database consistent, and ids are content hashes, so
running the ingest again completes the work without duplicates.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import sqlalchemy as sa
from sqlalchemy import event as sa_event
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

SCHEMA_VERSION = 1

metadata = sa.MetaData()

documents = sa.Table(
    "documents", metadata,
    sa.Column("id", sa.String(24), primary_key=True),
    sa.Column("location", sa.Text, nullable=False),
    sa.Column("format", sa.String(16), nullable=False),
    sa.Column("title", sa.Text),
    sa.Column("outlet", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("published", sa.String(10)),
    sa.Column("published_source", sa.String(16)),
    sa.Column("published_precision", sa.String(8)),
    sa.Column("language", sa.String(8), nullable=False),
    sa.Column("source_id", sa.String(24)),
    sa.Column("encoding", sa.String(32)),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("links", sa.Text, nullable=False, default="[]"),
    sa.Column("meta", sa.Text, nullable=False, default="[]"),
    sa.Column("minhash", sa.LargeBinary),
    sa.Column("duplicate_of", sa.String(24)),
    sa.Column("duplicate_score", sa.Float),
    sa.Column("extracted", sa.Boolean, nullable=False, default=False),
    sa.Column("ingested_at", sa.String(32), nullable=False),
)
locations = sa.Table(
    "locations", metadata,
    sa.Column("doc_id", sa.String(24), sa.ForeignKey("documents.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("location", sa.Text, primary_key=True),
)
sources = sa.Table(
    "sources", metadata,
    sa.Column("id", sa.String(24), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("country", sa.String(8)),
    sa.Column("guessed", sa.Boolean, nullable=False, default=False),
)
sentences = sa.Table(
    "sentences", metadata,
    sa.Column("doc_id", sa.String(24), sa.ForeignKey("documents.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("idx", sa.Integer, primary_key=True),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("language", sa.String(8), nullable=False),
    sa.Column("boilerplate", sa.String(16)),
    sa.Column("fp", sa.String(16), index=True),
)
bands = sa.Table(
    "doc_bands", metadata,
    sa.Column("band", sa.String(24), primary_key=True),
    sa.Column("doc_id", sa.String(24), sa.ForeignKey("documents.id", ondelete="CASCADE"),
              primary_key=True),
)
entities = sa.Table(
    "entities", metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("type", sa.String(16), nullable=False),
    sa.Column("linked", sa.Boolean, nullable=False),
)
mentions = sa.Table(
    "mentions", metadata,
    sa.Column("doc_id", sa.String(24), sa.ForeignKey("documents.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("start", sa.Integer, primary_key=True),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("entity_id", sa.String(64), nullable=False, index=True),
    sa.Column("text", sa.Text, nullable=False),
)
figures = sa.Table(
    "figures", metadata,
    sa.Column("id", sa.String(24), primary_key=True),
    sa.Column("doc_id", sa.String(24), sa.ForeignKey("documents.id", ondelete="CASCADE"),
              nullable=False, index=True),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("value", sa.Float, nullable=False),
    sa.Column("value_max", sa.Float),
    sa.Column("unit", sa.String(24), nullable=False),
    sa.Column("qualifier", sa.String(12), nullable=False),
    sa.Column("subject", sa.Text),
    sa.Column("entities", sa.Text, nullable=False, default="[]"),
    sa.Column("period", sa.String(24)),
)
events = sa.Table(
    "events", metadata,
    sa.Column("id", sa.String(24), primary_key=True),
    sa.Column("doc_id", sa.String(24), sa.ForeignKey("documents.id", ondelete="CASCADE"),
              nullable=False, index=True),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("type", sa.String(12), nullable=False),
    sa.Column("participants", sa.Text, nullable=False),
    sa.Column("date", sa.String(24)),
    sa.Column("place", sa.Text),
    sa.Column("status", sa.String(12), nullable=False),
    sa.Column("trigger", sa.Text),
)
briefs = sa.Table(
    "briefs", metadata,
    sa.Column("id", sa.String(24), primary_key=True),
    sa.Column("topic", sa.Text, nullable=False, index=True),
    sa.Column("lang", sa.String(8), nullable=False),
    sa.Column("edition", sa.Integer, nullable=False),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("evidence_key", sa.String(64), nullable=False),
    sa.Column("body", sa.Text, nullable=False),
)
settings = sa.Table(
    "settings", metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)


@dataclass(frozen=True)
class StoredDocument:
    """A document as stored, with what analysis added to it."""

    document: Document
    id: str
    language: str
    sentences: tuple[Sentence, ...]
    duplicate_of: str | None
    duplicate_score: float | None
    locations: tuple[str, ...]
    source: dict[str, Any] | None


@dataclass(frozen=True)
class AddResult:
    doc_id: str
    added: bool
    duplicate_of: str | None = None
    score: float | None = None


@dataclass(frozen=True)
class SentenceHit:
    doc_id: str
    idx: int
    start: int
    end: int
    score: float


class Store(Protocol):
    """What the rest of attache needs from a store (SQLite, PostgreSQL, or a test double)."""

    def add(self, analysis: Analysis, source: dict[str, Any] | None = None) -> AddResult: ...
    def status(self, doc_id: str) -> str | None: ...
    def add_location(self, doc_id: str, location: str) -> None: ...
    def has(self, doc_id: str) -> bool: ...
    def get(self, doc_id: str) -> StoredDocument: ...
    def list_documents(self, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]: ...
    def search_sentences(self, match: str, limit: int = 50) -> list[SentenceHit]: ...
    def close(self) -> None: ...


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SqlStore:
    """The store on SQLAlchemy Core; ``url`` is a path (SQLite) or an SQLAlchemy URL."""

    def __init__(self, url: str | Path = "attache.db") -> None:
        target = str(url)
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
        self.url = target
        try:
            self.engine: Engine = sa.create_engine(target, **engine_args)
            if self.engine.dialect.name == "sqlite":
                sa_event.listen(self.engine, "connect", _sqlite_pragmas)
            with self.engine.begin() as conn:
                metadata.create_all(conn)
                if self.engine.dialect.name == "sqlite":
                    conn.exec_driver_sql(
                        "CREATE VIRTUAL TABLE IF NOT EXISTS sentence_fts USING fts5("
                        "doc_id UNINDEXED, idx UNINDEXED, tokens, "
                        "tokenize = 'unicode61 remove_diacritics 0')"
                    )
                conn.execute(
                    sa.text("INSERT INTO settings(key, value) VALUES ('schema', :v) "
                            "ON CONFLICT(key) DO NOTHING"), {"v": str(SCHEMA_VERSION)})
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"cannot open the database {url}: {exc.__class__.__name__}: "
                             f"{str(exc).splitlines()[0]}. Check the path, or remove a "
                             f"damaged file and ingest again") from exc

    # -- writing -------------------------------------------------------------------------

    def status(self, doc_id: str) -> str | None:
        """None (not stored), 'stored', or 'extracted'."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(documents.c.extracted)
                               .where(documents.c.id == doc_id)).first()
        if row is None:
            return None
        return "extracted" if row.extracted else "stored"

    def add_location(self, doc_id: str, location: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(sa.insert(locations).prefix_with("OR IGNORE")
                         .values(doc_id=doc_id, location=location))

    def has(self, doc_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(
                sa.select(documents.c.id).where(documents.c.id == doc_id)).first() is not None

    def add(self, analysis: Analysis, source: dict[str, Any] | None = None, *,
            also: Callable[[Connection], None] | None = None) -> AddResult:
        """Store one analysed document in one transaction; an existing id only gains a location.

        ``also`` runs inside that transaction (attache.watch records what brought the document).
        """
        doc = analysis.document
        doc_id = analysis.doc_id
        try:
            with self.engine.begin() as conn:
                exists = conn.execute(
                    sa.select(documents.c.id, documents.c.duplicate_of, documents.c.extracted)
                    .where(documents.c.id == doc_id)).first()
                if exists is not None:
                    conn.execute(sa.insert(locations).prefix_with("OR IGNORE")
                                 .values(doc_id=doc_id, location=doc.location))
                    if not exists.extracted and analysis.extraction is not None:
                        self._write_extraction(conn, analysis)
                        conn.execute(sa.update(documents).where(documents.c.id == doc_id)
                                     .values(extracted=True))
                    if also is not None:
                        also(conn)
                    return AddResult(doc_id, False, exists.duplicate_of)
                dup_of, score = self._find_original(conn, analysis)
                source_id = None
                if source:
                    source_id = make_id("src", source["name"])
                    conn.execute(sa.insert(sources).prefix_with("OR IGNORE").values(
                        id=source_id, name=source["name"], kind=source["kind"],
                        country=source.get("country"), guessed=bool(source.get("guessed"))))
                pub = doc.published
                conn.execute(sa.insert(documents).values(
                    id=doc_id, location=doc.location, format=doc.format, title=doc.title,
                    outlet=doc.outlet, url=doc.url,
                    published=pub.value if pub else None,
                    published_source=pub.source if pub else "none",
                    published_precision=pub.precision if pub else None,
                    language=analysis.language, source_id=source_id, encoding=doc.encoding,
                    text=doc.text,
                    links=json.dumps([[lk.text, lk.url, lk.start, lk.end] for lk in doc.links],
                                     ensure_ascii=False),
                    meta=json.dumps(list(doc.meta), ensure_ascii=False),
                    minhash=pack_signature(analysis.fingerprint.signature),
                    duplicate_of=dup_of, duplicate_score=score,
                    extracted=analysis.extraction is not None, ingested_at=_now()))
                conn.execute(sa.insert(locations).values(doc_id=doc_id, location=doc.location))
                if analysis.sentences:
                    conn.execute(sa.insert(sentences), [
                        {"doc_id": doc_id, "idx": s.index, "start": s.start, "end": s.end,
                         "language": s.language, "boilerplate": s.boilerplate, "fp": fp}
                        for s, fp in zip(analysis.sentences, analysis.sentence_fps, strict=True)
                    ])
                    self._index(conn, doc_id, analysis)
                conn.execute(sa.insert(bands), [
                    {"band": b, "doc_id": doc_id} for b in analysis.fingerprint.bands])
                if analysis.extraction is not None:
                    self._write_extraction(conn, analysis)
                if also is not None:
                    also(conn)
                return AddResult(doc_id, True, dup_of, score)
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"cannot store {doc.location}: {str(exc).splitlines()[0]}") from exc

    def _index(self, conn: Connection, doc_id: str, analysis: Analysis) -> None:
        rows = [
            {"doc_id": doc_id, "idx": s.index, "tokens": toks}
            for s, toks in zip(analysis.sentences, analysis.tokens, strict=True)
            if s.boilerplate is None and toks
        ]
        if rows and self.engine.dialect.name == "sqlite":
            conn.execute(sa.text("INSERT INTO sentence_fts(doc_id, idx, tokens) "
                                 "VALUES (:doc_id, :idx, :tokens)"), rows)

    def _write_extraction(self, conn: Connection, analysis: Analysis) -> None:
        ex = analysis.extraction
        assert ex is not None
        doc_id = analysis.doc_id
        # One statement per table, not per entity: executemany keeps ingest cheap.
        ent_rows = [{"id": e.id, "name": e.name, "type": e.type, "linked": e.linked}
                    for e in ex.entities]
        ment_rows: list[dict[str, Any]] = []
        seen: set[int] = set()
        for e in ex.entities:
            for m in e.mentions:
                if m.start in seen:
                    continue
                seen.add(m.start)
                ment_rows.append({"doc_id": doc_id, "start": m.start, "end": m.end,
                                  "entity_id": e.id, "text": m.text})
        if ent_rows:
            conn.execute(sa.insert(entities).prefix_with("OR IGNORE"), ent_rows)
        if ment_rows:
            conn.execute(sa.insert(mentions).prefix_with("OR IGNORE"), ment_rows)
        if ex.figures:
            conn.execute(sa.insert(figures).prefix_with("OR IGNORE"), [
                {"id": make_id("fig", doc_id, f.start, f.end), "doc_id": doc_id,
                 "start": f.start, "end": f.end, "text": f.text, "value": f.value,
                 "value_max": f.value_max, "unit": f.unit, "qualifier": f.qualifier,
                 "subject": f.subject, "entities": json.dumps(list(f.entities),
                                                              ensure_ascii=False),
                 "period": f.period}
                for f in ex.figures])
        if ex.events:
            conn.execute(sa.insert(events).prefix_with("OR IGNORE"), [
                {"id": make_id("evt", doc_id, v.start, v.end, v.type, *v.participants),
                 "doc_id": doc_id, "start": v.start, "end": v.end, "type": v.type,
                 "participants": json.dumps(list(v.participants), ensure_ascii=False),
                 "date": v.date, "place": v.place, "status": v.status, "trigger": v.trigger}
                for v in ex.events])

    def _find_original(self, conn: Connection, analysis: Analysis
                       ) -> tuple[str | None, float | None]:
        """The earlier document this one copies, by MinHash or by sentence containment."""
        fp = analysis.fingerprint
        cands = conn.execute(
            sa.select(documents.c.id, documents.c.minhash)
            .join(bands, bands.c.doc_id == documents.c.id)
            .where(bands.c.band.in_(fp.bands)).distinct()).all()
        best: tuple[str | None, float | None] = (None, None)
        for row in cands:
            j = jaccard(fp.signature, unpack_signature(row.minhash))
            if j >= JACCARD_THRESHOLD and (best[1] is None or j > best[1]):
                best = (row.id, round(j, 3))
        if best[0] is not None:
            return best
        fps = [f for f in analysis.sentence_fps if f]
        if len(fps) >= MIN_SENTENCES_FOR_CONTAINMENT:
            uniq = sorted(set(fps))
            counts = conn.execute(
                sa.select(sentences.c.doc_id, sa.func.count(sa.distinct(sentences.c.fp)))
                .where(sentences.c.fp.in_(uniq)).group_by(sentences.c.doc_id)).all()
            for doc_id, n in sorted(counts, key=lambda r: -r[1]):
                share = n / len(uniq)
                if share >= CONTAINMENT_THRESHOLD:
                    return doc_id, round(share, 3)
        return best

    # -- reading -------------------------------------------------------------------------

    def resolve_id(self, ref: str) -> str:
        """A full id from an id or an unambiguous prefix of one (as users copy them)."""
        ref = ref.strip()
        if not ref:
            raise NotFound("an empty document id; run 'attache docs' to list ids")
        with self.engine.connect() as conn:
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
                                .where(locations.c.doc_id == doc_id)).scalars().all()
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

    def count(self, table: str = "documents") -> int:
        t = metadata.tables[table]
        with self.engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(t)).scalar() or 0)

    def search_sentences(self, match: str, limit: int = 50) -> list[SentenceHit]:
        """Sentences matching an FTS5 expression built from :class:`attache.tokens.QueryTerm`."""
        if not match:
            return []
        sql = sa.text(
            "SELECT f.doc_id, f.idx, s.start, s.\"end\", bm25(sentence_fts) AS score "
            "FROM sentence_fts f JOIN sentences s ON s.doc_id = f.doc_id AND s.idx = f.idx "
            "WHERE sentence_fts MATCH :q ORDER BY score LIMIT :n")
        try:
            with self.engine.connect() as conn:
                rows = conn.execute(sql, {"q": match, "n": limit}).all()
        except sa.exc.OperationalError as exc:
            raise StoreError(f"the search index could not read the query: "
                             f"{str(exc).splitlines()[0]}") from exc
        return [SentenceHit(r[0], int(r[1]), int(r[2]), int(r[3]), float(r[4])) for r in rows]

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

    def count_sentences(self, match: str) -> int:
        try:
            with self.engine.connect() as conn:
                return int(conn.execute(sa.text(
                    "SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH :q"),
                    {"q": match}).scalar() or 0)
        except sa.exc.OperationalError as exc:
            raise StoreError(f"the search index could not read the query: "
                             f"{str(exc).splitlines()[0]}") from exc

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


def _row_document(row: Any) -> Document:
    pub = (PublishedDate(value=row.published, source=row.published_source,
                         precision=row.published_precision)
           if row.published else None)
    return Document(
        text=row.text, format=row.format, location=row.location, title=row.title,
        outlet=row.outlet, url=row.url, published=pub,
        links=tuple(Link(t, u, s, e) for t, u, s, e in json.loads(row.links or "[]")),
        meta=tuple((k, v) for k, v in json.loads(row.meta or "[]")), encoding=row.encoding)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def open_store(db: str | Path | None = None) -> SqlStore:
    return SqlStore(db or "attache.db")
