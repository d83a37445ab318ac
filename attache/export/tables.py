"""What an export writes: the tables, their formats, and the one function that writes them."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from attache.browse import TABLES, ledger_rows, table_rows
from attache.errors import ConfigError, StoreError

if TYPE_CHECKING:
    from attache.facade import Base

FORMATS = ("csv", "parquet", "jsonl", "ftm")


@dataclass(frozen=True)
class ExportResult:
    """The files an export wrote and how many rows (or entities) each holds."""

    format: str
    files: tuple[tuple[str, int], ...]  # (path, rows)

    def to_dict(self) -> dict[str, Any]:
        return {"format": self.format,
                "files": [{"path": p, "rows": n} for p, n in self.files]}


def rows_of(eb: Base, table: str) -> Iterator[dict[str, Any]]:
    """One table's rows with lists flattened to text, so every cell is a scalar."""
    if table == "ledger":
        source: Iterable[dict[str, Any]] = ledger_rows(eb.figures().groups)
    else:
        source = table_rows(eb.store, table)
    for row in source:
        yield {k: _scalar(v) for k, v in row.items()}


def _scalar(value: Any) -> Any:
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bytes):
        return None
    return value


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")


def export_table(eb: Base, table: str, fmt: str, out: Path) -> int:
    """Write one table (or, for ``ftm``, every entity) to ``out``; returns the rows written."""
    _check_format(fmt)
    if fmt == "ftm":
        from attache.export.ftm import write_ftm

        return write_ftm(eb, out)
    if table not in TABLES:
        raise ConfigError(f"no table {table!r} to export; use one of {', '.join(TABLES)}")
    rows = rows_of(eb, table)
    if fmt == "csv":
        from attache.export.files import write_csv

        return write_csv(rows, out)
    if fmt == "jsonl":
        from attache.export.files import write_jsonl

        return write_jsonl(rows, out)
    from attache.export.files import write_parquet

    return write_parquet(rows, out, table)


def export(eb: Base, fmt: str, out_dir: str | Path) -> ExportResult:
    """Write every table in ``fmt`` into ``out_dir`` (created if missing)."""
    _check_format(fmt)
    folder = Path(out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the export folder {folder}: {exc.strerror}; "
                         "pass another -o") from exc
    files: list[tuple[str, int]] = []
    if fmt == "ftm":
        path = folder / "entities.ftm.json"
        files.append((str(path), export_table(eb, "", fmt, path)))
    else:
        for table in TABLES:
            path = folder / f"{table}.{fmt}"
            files.append((str(path), export_table(eb, table, fmt, path)))
    return ExportResult(fmt, tuple(files))
