"""Reads for browsing the evidence base: filtered listings, entity profiles, sources, facets.

Every new store query the web application and the exports need lives here, in one module, on
the store's Core tables, so a second backend only has to keep these working. Listings page with
an opaque cursor (keyset on the sort key), so a page costs the same on page 1 and page 1,000.
"""

from __future__ import annotations

import base64
import json
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from attache.errors import InputError, NotFound
from attache.store import (
    SqlStore,
    documents,
    entities,
    events,
    figures,
    mentions,
    sources,
)

if TYPE_CHECKING:
    from attache.kb import KnowledgeBase
    from attache.tokens import Segmenter

MAX_PAGE = 500
# Co-occurrence is counted over the latest documents that mention an entity, so an entity named
# in every document costs the same as a rare one.
COOCCUR_DOCS = 300

_SORT = sa.func.coalesce(documents.c.published, sa.literal_column("''"))

# Indexes these reads need. Declared on the store's tables, so a new store file gets them with
# its tables; ``ensure_indexes`` adds them to a file made before they existed.
INDEXES = (
    sa.Index("ix_documents_duplicate_of", documents.c.duplicate_of),
    sa.Index("ix_documents_sort", _SORT, documents.c.id),
)


def ensure_indexes(store: SqlStore) -> None:
    with store.engine.begin() as conn:
        for ix in INDEXES:
            conn.execute(sa.schema.CreateIndex(ix, if_not_exists=True))


@dataclass(frozen=True)
class Page:
    """One page of a listing and the cursor of the next one (None on the last page)."""

    items: tuple[dict[str, Any], ...]
    next_cursor: str | None
    facets: dict[str, dict[str, int]] | None = None
    total: int | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"items": list(self.items), "next_cursor": self.next_cursor}
        if self.facets is not None:
            out["facets"] = self.facets
        if self.total is not None:
            out["total"] = self.total
        return out


def encode_cursor(value: Any) -> str:
    raw = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str | None) -> Any:
    if not cursor:
        return None
    try:
        pad = "=" * (-len(cursor) % 4)
        return json.loads(base64.urlsafe_b64decode(cursor + pad).decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError("cursor", "not a cursor this server issued; start again without "
                         "it and follow next_cursor") from exc


def _limit(limit: int) -> int:
    return max(1, min(int(limit), MAX_PAGE))


# --- documents -------------------------------------------------------------------------------

_DOC_COLUMNS = (documents.c.id, documents.c.title, documents.c.language, documents.c.published,
                documents.c.format, documents.c.location, documents.c.outlet, documents.c.url,
                documents.c.duplicate_of, sources.c.name.label("source"),
                sources.c.kind.label("source_kind"), sources.c.country.label("source_country"))


def list_documents(store: SqlStore, *, language: str | None = None, kind: str | None = None,
                   outlet: str | None = None, since: str | None = None,
                   until: str | None = None, cursor: str | None = None,
                   limit: int = 50) -> Page:
    """Documents newest first, filtered; ``since``/``until`` compare ISO date prefixes."""
    limit = _limit(limit)
    pub = _SORT
    q = (sa.select(*_DOC_COLUMNS, pub.label("sort_key"))
         .select_from(documents.outerjoin(sources, sources.c.id == documents.c.source_id)))
    if language:
        q = q.where(documents.c.language == language)
    if kind:
        q = q.where(sources.c.kind == kind)
    if outlet:
        q = q.where(sa.or_(sources.c.name == outlet, documents.c.outlet == outlet))
    if since:
        q = q.where(documents.c.published >= since)
    if until:
        # "2025" includes every date in 2025: compare the prefix of the same length.
        q = q.where(sa.func.substr(documents.c.published, 1, len(until)) <= until)
    after = decode_cursor(cursor)
    if after is not None:
        if not (isinstance(after, list) and len(after) == 2):
            raise InputError("cursor", "not a cursor of the document listing")
        q = q.where(sa.or_(pub < str(after[0]),
                           sa.and_(pub == str(after[0]), documents.c.id < str(after[1]))))
    # Both keys descending: one backward walk of ix_documents_sort, no sort step.
    q = q.order_by(pub.desc(), documents.c.id.desc()).limit(limit + 1)
    with store.engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(q)]
    nxt = None
    if len(rows) > limit:
        rows = rows[:limit]
        nxt = encode_cursor([rows[-1]["sort_key"], rows[-1]["id"]])
    for r in rows:
        r.pop("sort_key", None)
    return Page(tuple(rows), nxt)


def related_documents(store: SqlStore, doc_id: str) -> list[dict[str, Any]]:
    """The document this one copies, and the documents that copy it (near-duplicates)."""
    with store.engine.connect() as conn:
        own = conn.execute(sa.select(documents.c.duplicate_of, documents.c.duplicate_score)
                           .where(documents.c.id == doc_id)).first()
        q = (sa.select(*_DOC_COLUMNS, documents.c.duplicate_score)
             .select_from(documents.outerjoin(sources, sources.c.id == documents.c.source_id)))
        out: list[dict[str, Any]] = []
        if own is not None and own.duplicate_of:
            r = conn.execute(q.where(documents.c.id == own.duplicate_of)).first()
            if r is not None:
                out.append({**dict(r._mapping), "relation": "original",
                            "score": own.duplicate_score})
        for r in conn.execute(q.where(documents.c.duplicate_of == doc_id)
                              .order_by(documents.c.published, documents.c.id).limit(100)):
            out.append({**dict(r._mapping), "relation": "copy", "score": r.duplicate_score})
    for item in out:
        item.pop("duplicate_score", None)
    return out


# --- search with facets ----------------------------------------------------------------------


def search_page(store: SqlStore, segmenter: Segmenter, kb: KnowledgeBase, query: str, *,
                language: str | None = None, kind: str | None = None,
                year: str | None = None, cursor: str | None = None, limit: int = 20,
                window: int = 500) -> Page:
    """Search hits with facets (language, source kind, year) over the best ``window`` hits.

    Facets and filters need only each hit's document metadata, read in one query; only the
    hits on the page shown load their document text (for the sentence and its highlights).
    """
    from attache.search import SearchHit, compile_query, highlight

    limit = _limit(limit)
    q = compile_query(query, segmenter, kb)
    if q is None:
        return Page((), None, {"language": {}, "kind": {}, "year": {}}, total=0)
    hits = store.search_sentences(q.fts, limit=window)
    meta = _hit_documents(store, {h.doc_id for h in hits})
    facets: dict[str, Counter[str]] = {"language": Counter(), "kind": Counter(),
                                       "year": Counter()}
    chosen = []
    for h in hits:
        m = meta.get(h.doc_id)
        if m is None:
            continue
        facets["language"][m["language"]] += 1
        facets["kind"][m["kind"]] += 1
        facets["year"][m["year"]] += 1
        if (language and m["language"] != language) or (kind and m["kind"] != kind) or \
                (year and m["year"] != year):
            continue
        chosen.append(h)
    start = decode_cursor(cursor) or 0
    if not isinstance(start, int) or start < 0:
        raise InputError("cursor", "not a cursor of this search")
    part = chosen[start:start + limit]
    nxt = encode_cursor(start + limit) if start + limit < len(chosen) else None
    texts = _texts(store, {h.doc_id for h in part})
    items = []
    for h in part:
        m = meta[h.doc_id]
        text = texts[h.doc_id][h.start:h.end]
        hit = SearchHit(doc_id=h.doc_id, sentence=h.idx, start=h.start, end=h.end, text=text,
                        highlights=highlight(text, list(q.terms), q.phrases),
                        title=m["title"], published=m["published"], outlet=m["outlet"],
                        location=m["location"], language=m["language"],
                        score=round(-h.score, 3))
        items.append({**hit.to_dict(), "source_kind": m["kind"]})
    return Page(tuple(items), nxt, {k: dict(v.most_common()) for k, v in facets.items()},
                total=len(chosen))


def _hit_documents(store: SqlStore, doc_ids: set[str]) -> dict[str, dict[str, Any]]:
    """What a search result shows of its documents, without their text."""
    out: dict[str, dict[str, Any]] = {}
    ids = sorted(doc_ids)
    with store.engine.connect() as conn:
        for i in range(0, len(ids), 500):
            q = (sa.select(documents.c.id, documents.c.title, documents.c.published,
                           documents.c.outlet, documents.c.location, documents.c.language,
                           sources.c.name, sources.c.kind)
                 .select_from(documents.outerjoin(sources,
                                                  sources.c.id == documents.c.source_id))
                 .where(documents.c.id.in_(ids[i:i + 500])))
            for r in conn.execute(q):
                out[r.id] = {"title": r.title, "published": r.published,
                             "outlet": r.name or r.outlet, "location": r.location,
                             "language": r.language, "kind": r.kind or "unknown",
                             "year": (r.published or "")[:4] or "undated"}
    return out


def _texts(store: SqlStore, doc_ids: set[str]) -> dict[str, str]:
    if not doc_ids:
        return {}
    with store.engine.connect() as conn:
        return {r.id: r.text for r in conn.execute(
            sa.select(documents.c.id, documents.c.text)
            .where(documents.c.id.in_(sorted(doc_ids))))}


# --- entities --------------------------------------------------------------------------------


def list_entities(store: SqlStore, *, type: str | None = None, q: str | None = None,
                  cursor: str | None = None, limit: int = 50) -> Page:
    """Entities by how many documents mention them (most first)."""
    limit = _limit(limit)
    n_docs = sa.func.count(sa.distinct(mentions.c.doc_id)).label("documents")
    n_ment = sa.func.count().label("mentions")
    stmt = (sa.select(entities.c.id, entities.c.name, entities.c.type, entities.c.linked,
                      n_docs, n_ment)
            .select_from(entities.join(mentions, mentions.c.entity_id == entities.c.id))
            .group_by(entities.c.id, entities.c.name, entities.c.type, entities.c.linked))
    if type:
        stmt = stmt.where(entities.c.type == type)
    if q:
        stmt = stmt.where(entities.c.name.contains(q, autoescape=True))
    after = decode_cursor(cursor)
    if after is not None:
        if not (isinstance(after, list) and len(after) == 2):
            raise InputError("cursor", "not a cursor of the entity listing")
        stmt = stmt.having(sa.or_(n_docs < int(after[0]),
                                  sa.and_(n_docs == int(after[0]),
                                          entities.c.id > str(after[1]))))
    stmt = stmt.order_by(n_docs.desc(), entities.c.id).limit(limit + 1)
    with store.engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(stmt)]
    for r in rows:
        r["linked"] = bool(r["linked"])
    nxt = None
    if len(rows) > limit:
        rows = rows[:limit]
        nxt = encode_cursor([rows[-1]["documents"], rows[-1]["id"]])
    return Page(tuple(rows), nxt)


def entity_profile(store: SqlStore, kb: KnowledgeBase, entity_id: str) -> dict[str, Any]:
    """One entity: names in every language, mentions by month, co-occurring entities,
    the figures and events that name it."""
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(entities).where(entities.c.id == entity_id)).first()
        if row is None:
            raise NotFound(f"no entity with id {entity_id!r}; list them at /api/entities")
        seen = conn.execute(
            sa.select(mentions.c.text, documents.c.language, sa.func.count().label("n"))
            .join(documents, documents.c.id == mentions.c.doc_id)
            .where(mentions.c.entity_id == entity_id)
            .group_by(mentions.c.text, documents.c.language)).all()
        month = sa.func.substr(documents.c.published, 1, 7)
        timeline = conn.execute(
            sa.select(month.label("month"), sa.func.count(sa.distinct(documents.c.id)))
            .join(mentions, mentions.c.doc_id == documents.c.id)
            .where(mentions.c.entity_id == entity_id, documents.c.published.is_not(None))
            .group_by(month).order_by(month)).all()
        mine = sa.select(mentions.c.doc_id).where(mentions.c.entity_id == entity_id).distinct()
        n_docs = conn.execute(sa.select(sa.func.count()).select_from(mine.subquery())).scalar()
        latest = (sa.select(documents.c.id).where(documents.c.id.in_(mine))
                  .order_by(_SORT.desc(), documents.c.id.desc()).limit(COOCCUR_DOCS))
        co = conn.execute(
            sa.select(entities.c.id, entities.c.name, entities.c.type,
                      sa.func.count(sa.distinct(mentions.c.doc_id)).label("documents"))
            .join(mentions, mentions.c.entity_id == entities.c.id)
            .where(mentions.c.doc_id.in_(latest), entities.c.id != entity_id)
            .group_by(entities.c.id, entities.c.name, entities.c.type)
            .order_by(sa.desc("documents"), entities.c.id).limit(12)).all()
        like = f'%"{row.name}"%'
        # No ORDER BY: the scan stops at the hundredth match instead of sorting every one.
        figs = conn.execute(
            sa.select(figures.c.doc_id, figures.c.start, figures.c.end, figures.c.text,
                      figures.c.value, figures.c.unit, figures.c.subject, figures.c.period)
            .where(figures.c.entities.like(like)).limit(100)).all()
        evs = conn.execute(
            sa.select(events.c.doc_id, events.c.start, events.c.end, events.c.type,
                      events.c.date, events.c.place, events.c.status, events.c.participants)
            .where(events.c.participants.like(like)).limit(100)).all()
    entry = kb.get(entity_id) or (kb.by_name(row.name) if row.linked else None)
    names: dict[str, list[str]] = {}
    if entry is not None:
        for lang, alias in entry.all_aliases():
            if alias not in names.setdefault(lang, []):
                names[lang].append(alias)
    found: dict[str, list[dict[str, Any]]] = {}
    for text, lang, n in sorted(seen, key=lambda r: (-r.n, r.text)):
        found.setdefault(lang, []).append({"text": text, "mentions": n})
    return {
        "id": row.id, "name": row.name, "type": row.type, "linked": bool(row.linked),
        "country": entry.country if entry else None,
        "names": names, "names_seen": found, "documents": int(n_docs or 0),
        "mentions_by_month": [{"month": m, "documents": n} for m, n in timeline],
        "co_occurring": [dict(r._mapping) for r in co],
        "co_occurring_over": min(int(n_docs or 0), COOCCUR_DOCS),
        "figures": sorted((dict(r._mapping) for r in figs),
                          key=lambda f: (str(f["period"] or ""), f["doc_id"], f["start"])),
        "events": sorted(({**dict(r._mapping), "participants": json.loads(r.participants)}
                          for r in evs), key=lambda e: (str(e["date"] or ""), e["doc_id"]),
                         reverse=True),
    }


# --- sources ---------------------------------------------------------------------------------


def list_sources(store: SqlStore) -> list[dict[str, Any]]:
    """Source profiles with how many documents each has and in which languages."""
    q = (sa.select(sources.c.id, sources.c.name, sources.c.kind, sources.c.country,
                   sources.c.guessed, documents.c.language, sa.func.count().label("n"),
                   sa.func.min(documents.c.published).label("first"),
                   sa.func.max(documents.c.published).label("last"))
         .join(documents, documents.c.source_id == sources.c.id)
         .group_by(sources.c.id, sources.c.name, sources.c.kind, sources.c.country,
                   sources.c.guessed, documents.c.language))
    out: dict[str, dict[str, Any]] = {}
    with store.engine.connect() as conn:
        for r in conn.execute(q):
            s = out.setdefault(r.id, {"id": r.id, "name": r.name, "kind": r.kind,
                                      "country": r.country, "guessed": bool(r.guessed),
                                      "documents": 0, "languages": {}, "first": r.first,
                                      "last": r.last})
            s["documents"] += r.n
            s["languages"][r.language] = r.n
            s["first"] = min(x for x in (s["first"], r.first) if x) if r.first else s["first"]
            s["last"] = max(x for x in (s["last"], r.last) if x) if r.last else s["last"]
    return sorted(out.values(), key=lambda s: (-s["documents"], s["name"]))


def source_profile(store: SqlStore, source_id: str) -> dict[str, Any]:
    for s in list_sources(store):
        if s["id"] == source_id:
            return s
    raise NotFound(f"no source with id {source_id!r}; list them at /api/sources")


# --- tables for exports ----------------------------------------------------------------------


def table_rows(store: SqlStore, name: str) -> Iterator[dict[str, Any]]:
    """Rows of one exported table, streamed in a stable order."""
    if name == "documents":
        q = (sa.select(*_DOC_COLUMNS, documents.c.published_source, documents.c.encoding,
                       documents.c.duplicate_score, documents.c.ingested_at,
                       sa.func.length(documents.c.text).label("chars"), documents.c.text)
             .select_from(documents.outerjoin(sources, sources.c.id == documents.c.source_id))
             .order_by(documents.c.id))
    elif name == "entities":
        q = (sa.select(entities, sa.func.count(sa.distinct(mentions.c.doc_id))
                       .label("documents"), sa.func.count(mentions.c.doc_id).label("mentions"))
             .select_from(entities.outerjoin(mentions, mentions.c.entity_id == entities.c.id))
             .group_by(*entities.c).order_by(entities.c.id))
    elif name == "mentions":
        q = (sa.select(mentions.c.doc_id, mentions.c.start, mentions.c.end,
                       mentions.c.entity_id, entities.c.name.label("entity"),
                       entities.c.type.label("entity_type"), mentions.c.text)
             .join(entities, entities.c.id == mentions.c.entity_id)
             .order_by(mentions.c.doc_id, mentions.c.start))
    elif name == "figures":
        q = sa.select(figures).order_by(figures.c.doc_id, figures.c.start)
    elif name == "events":
        q = sa.select(events).order_by(events.c.doc_id, events.c.start)
    else:
        raise NotFound(f"no table {name!r} to export; use one of {', '.join(TABLES)}")
    with store.engine.connect() as conn:
        for r in conn.execution_options(stream_results=True).execute(q):
            d = dict(r._mapping)
            for key in ("linked", "guessed"):
                if key in d:
                    d[key] = bool(d[key])
            yield d


TABLES = ("documents", "entities", "mentions", "figures", "ledger", "events")


def ledger_rows(groups: Sequence[Any]) -> Iterator[dict[str, Any]]:
    """The figure ledger flattened: one row per figure, with its group's verdict."""
    for n, g in enumerate(groups, 1):
        for f in g.figures:
            yield {"group": n, "measure": g.measure, "subject": g.subject, "unit": g.unit,
                   "verdict": g.verdict, "kind": g.kind, "group_sources": g.sources,
                   "spread_min": g.spread[0], "spread_max": g.spread[1],
                   "group_entities": "; ".join(g.entities),
                   "doc_id": f.doc_id, "start": f.start, "end": f.end, "text": f.text,
                   "value": f.value, "value_max": f.value_max, "qualifier": f.qualifier,
                   "period": f.period, "as_of": f.as_of, "quote": f.quote,
                   "outlet": f.outlet, "source_kind": f.source_kind,
                   "language": f.language, "published": f.published,
                   "reprint_of": f.reprint_of}


# --- briefs ----------------------------------------------------------------------------------


def list_briefs(store: SqlStore) -> list[dict[str, Any]]:
    """Every stored brief topic and language with its editions (newest last)."""
    from attache.store import briefs

    q = (sa.select(briefs.c.id, briefs.c.topic, briefs.c.lang, briefs.c.edition,
                   briefs.c.created_at)
         .order_by(briefs.c.topic, briefs.c.lang, briefs.c.edition))
    out: dict[tuple[str, str], dict[str, Any]] = {}
    with store.engine.connect() as conn:
        for r in conn.execute(q):
            t = out.setdefault((r.topic, r.lang), {"topic": r.topic, "lang": r.lang,
                                                   "editions": []})
            t["editions"].append({"id": r.id, "edition": r.edition,
                                  "created_at": r.created_at})
    return list(out.values())


def stored_edition(store: SqlStore, brief_id: str) -> dict[str, Any]:
    """One stored edition: its row and the brief body as it was published."""
    from attache.store import briefs

    with store.engine.connect() as conn:
        r = conn.execute(sa.select(briefs).where(briefs.c.id == brief_id)).first()
        if r is None:
            raise NotFound(f"no brief edition with id {brief_id!r}; list them at /api/briefs")
        sib = conn.execute(sa.select(briefs.c.id, briefs.c.edition, briefs.c.created_at)
                           .where(briefs.c.topic == r.topic, briefs.c.lang == r.lang)
                           .order_by(briefs.c.edition)).all()
    return {"id": r.id, "topic": r.topic, "lang": r.lang, "edition": r.edition,
            "created_at": r.created_at, "body": json.loads(r.body),
            "editions": [{"id": s.id, "edition": s.edition, "created_at": s.created_at}
                         for s in sib]}


# --- one document, ready to show -------------------------------------------------------------


def document_view(store: SqlStore, ref: str) -> dict[str, Any]:
    """One document with everything its page shows: sentences (boilerplate marked), the
    stored extraction, the dates found in it, its source profile and its near-duplicates."""
    from attache.dates import find_dates
    from attache.normalize import matching_view

    doc_id = store.resolve_id(ref)
    stored = store.get(doc_id)
    d = stored.document
    published = d.published.value if d.published else None
    view = matching_view(d.text, simplify=stored.language != "ja")
    dates = [{"text": m.text, "start": m.start, "end": m.end, "value": m.value,
              "relative": m.relative}
             for m in find_dates(view.text, stored.language, published)]
    return {
        "id": doc_id, "title": d.title, "text": d.text, "language": stored.language,
        "published": published,
        "published_source": d.published.source if d.published else None,
        "format": d.format, "location": d.location, "url": d.url, "outlet": d.outlet,
        "locations": list(stored.locations), "source": stored.source,
        "duplicate_of": stored.duplicate_of, "duplicate_score": stored.duplicate_score,
        "sentences": [{"index": s.index, "start": s.start, "end": s.end,
                       "language": s.language, "boilerplate": s.boilerplate}
                      for s in stored.sentences],
        "links": [{"text": lk.text, "url": lk.url, "start": lk.start, "end": lk.end}
                  for lk in d.links],
        "extraction": store.extraction(doc_id),
        "dates": dates,
        "related": related_documents(store, doc_id),
    }
