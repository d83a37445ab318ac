"""Copy a store into another (SQLite → PostgreSQL, say), optionally replicated k times.

A fast, honest way to get a large store for the query benchmarks without waiting for an
ingest: ``--times 10`` writes each document ten times under new ids (its sentences, mentions,
figures, events and search index rows with it), so a 10k-document store becomes a 100k one
whose documents are copies — label such results "replicated" wherever they are shown. The
search index is rebuilt in the target's own form from the source's stored tokens. Usage::

    python benchmarks/fill.py --src /tmp/b10.db --dst postgresql://postgres@127.0.0.1/test
    python benchmarks/fill.py --src /tmp/b10.db --dst /tmp/b100.db --times 10
"""

from __future__ import annotations

import argparse
import hashlib
import time
from collections.abc import Callable, Iterator
from typing import Any

import sqlalchemy as sa

from attache.store import (
    SqlStore,
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
    sentences,
    sources,
)

CHUNK = 2000


def _new(old: str | None, k: int) -> str | None:
    if old is None or k == 0:
        return old
    prefix = old.split("_", 1)[0]
    return f"{prefix}_" + hashlib.blake2b(f"{old}#{k}".encode(), digest_size=8).hexdigest()


def _rows(src: SqlStore, table: sa.Table) -> Iterator[list[dict[str, Any]]]:
    with src.engine.connect() as conn:
        result = conn.execution_options(stream_results=True).execute(sa.select(table))
        while chunk := result.fetchmany(CHUNK):
            yield [dict(r._mapping) for r in chunk]


def _copy(src: SqlStore, dst: SqlStore, table: sa.Table, times: int,
          remap: Callable[[dict[str, Any], int], dict[str, Any]] | None) -> int:
    n = 0
    for chunk in _rows(src, table):
        out = []
        for k in range(times):
            out.extend(remap(dict(r), k) if remap else dict(r) for r in chunk)
        with dst.engine.begin() as conn:
            conn.execute(insert_or_ignore(table, dst.dialect), out)
        n += len(out)
    return n


def fill(src: SqlStore, dst: SqlStore, times: int = 1) -> dict[str, int]:
    def doc(r: dict[str, Any], k: int) -> dict[str, Any]:
        r["id"] = _new(r["id"], k)
        r["duplicate_of"] = _new(r["duplicate_of"], k)
        return r

    def by_doc(r: dict[str, Any], k: int) -> dict[str, Any]:
        r["doc_id"] = _new(r["doc_id"], k)
        return r

    def with_id(r: dict[str, Any], k: int) -> dict[str, Any]:
        r["id"] = _new(r["id"], k)
        r["doc_id"] = _new(r["doc_id"], k)
        return r

    def fig_link(r: dict[str, Any], k: int) -> dict[str, Any]:
        r["figure_id"] = _new(r["figure_id"], k)
        return r

    def evt_link(r: dict[str, Any], k: int) -> dict[str, Any]:
        r["event_id"] = _new(r["event_id"], k)
        return r

    plan: list[tuple[sa.Table, int, Any]] = [
        (sources, 1, None), (documents, times, doc), (locations, times, by_doc),
        (sentences, times, by_doc), (bands, times, by_doc), (entities, 1, None),
        (mentions, times, by_doc), (figures, times, with_id), (events, times, with_id),
        (figure_entities, times, fig_link), (event_entities, times, evt_link)]
    counts = {t.name: _copy(src, dst, t, n, fn) for t, n, fn in plan}
    if src.dialect != "sqlite":
        raise SystemExit("the source must be a SQLite store (its FTS5 table holds the tokens)")
    n = 0
    with src.engine.connect() as conn:
        result = conn.execution_options(stream_results=True).execute(
            sa.text("SELECT doc_id, idx, tokens FROM sentence_fts"))
        while chunk := result.fetchmany(CHUNK):
            rows = [{"doc_id": _new(r[0], k), "idx": int(r[1]), "tokens": r[2]}
                    for k in range(times) for r in chunk]
            with dst.engine.begin() as w:
                dst.backend.index_rows(w, rows)
            n += len(rows)
    counts["index"] = n
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", required=True)
    ap.add_argument("--dst", required=True)
    ap.add_argument("--times", type=int, default=1)
    args = ap.parse_args()
    t = time.perf_counter()
    src, dst = SqlStore(args.src), SqlStore(args.dst)
    counts = fill(src, dst, args.times)
    if dst.dialect == "postgresql":
        with dst.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    print(f"copied in {time.perf_counter() - t:.0f} s: "
          + ", ".join(f"{k} {v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
