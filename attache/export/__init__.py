"""Exports of the evidence base for other tools.

``csv`` and ``parquet`` write one file per table (documents, entities, mentions, figures, the
ledger, events) for pandas, DuckDB and spreadsheets; ``jsonl`` writes the same tables as JSON
lines; ``ftm`` writes FollowTheMoney entities (documents, people, organisations, countries and
mentions) as JSON lines that Aleph imports, each validated by the ``followthemoney`` package.
"""

from __future__ import annotations

from attache.export.tables import FORMATS, ExportResult, export, export_table

__all__ = ["FORMATS", "ExportResult", "export", "export_table"]
