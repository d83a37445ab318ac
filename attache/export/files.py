"""Tabular files: CSV (UTF-8 with a BOM, so spreadsheets read CJK), JSON lines and Parquet."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from attache.errors import StoreError

# Parquet is written in row groups, so a table of any size streams through bounded memory.
BATCH = 5000

# Column types for tables that may be empty: an empty table still gets its schema.
_COLUMNS: dict[str, dict[str, str]] = {
    "documents": {"id": "string", "title": "string", "language": "string",
                  "published": "string", "format": "string", "location": "string",
                  "outlet": "string", "url": "string", "duplicate_of": "string",
                  "source": "string", "source_kind": "string", "source_country": "string",
                  "published_source": "string", "encoding": "string",
                  "duplicate_score": "float64", "ingested_at": "string", "chars": "int64",
                  "text": "string"},
    "entities": {"id": "string", "name": "string", "type": "string", "linked": "bool",
                 "documents": "int64", "mentions": "int64"},
    "mentions": {"doc_id": "string", "start": "int64", "end": "int64", "entity_id": "string",
                 "entity": "string", "entity_type": "string", "text": "string"},
    "figures": {"id": "string", "doc_id": "string", "start": "int64", "end": "int64",
                "text": "string", "value": "float64", "value_max": "float64",
                "unit": "string", "qualifier": "string", "subject": "string",
                "entities": "string", "period": "string"},
    "events": {"id": "string", "doc_id": "string", "start": "int64", "end": "int64",
               "type": "string", "participants": "string", "date": "string",
               "place": "string", "status": "string", "trigger": "string"},
    "ledger": {"group": "int64", "measure": "string", "subject": "string", "unit": "string",
               "verdict": "string", "kind": "string", "group_sources": "int64",
               "spread_min": "float64", "spread_max": "float64", "group_entities": "string",
               "doc_id": "string", "start": "int64", "end": "int64", "text": "string",
               "value": "float64", "value_max": "float64", "qualifier": "string",
               "period": "string", "as_of": "string", "quote": "string", "outlet": "string",
               "source_kind": "string", "language": "string", "published": "string",
               "reprint_of": "string"},
}


def _open(out: Path, **kw: Any) -> Any:
    try:
        return out.open("w", **kw)
    except OSError as exc:
        raise StoreError(f"cannot write {out}: {exc.strerror}") from exc


def write_csv(rows: Iterator[dict[str, Any]], out: Path) -> int:
    n = 0
    with _open(out, encoding="utf-8-sig", newline="") as fh:
        writer: csv.DictWriter[str] | None = None
        for row in rows:
            if writer is None:
                writer = csv.DictWriter(fh, fieldnames=list(row))
                writer.writeheader()
            writer.writerow(row)
            n += 1
        if writer is None:
            table = out.name.split(".")[0]
            csv.writer(fh).writerow(list(_COLUMNS.get(table, {})))
    return n


def write_jsonl(rows: Iterator[dict[str, Any]], out: Path) -> int:
    n = 0
    with _open(out, encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    return n


def write_parquet(rows: Iterator[dict[str, Any]], out: Path, table: str) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = _COLUMNS[table]
    schema = pa.schema([(name, pa.type_for_alias(t)) for name, t in columns.items()])
    n = 0
    try:
        with pq.ParquetWriter(str(out), schema) as writer:
            batch: list[dict[str, Any]] = []
            for row in rows:
                batch.append(row)
                if len(batch) >= BATCH:
                    writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                    n += len(batch)
                    batch = []
            if batch or n == 0:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
    except OSError as exc:
        raise StoreError(f"cannot write {out}: {exc}") from exc
    return n
