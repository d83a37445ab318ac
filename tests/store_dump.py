"""What a store holds, as plain sorted data, to compare two runs (timestamps left out)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from attache.store import SqlStore


def dump(store: SqlStore) -> dict[str, Any]:
    index = "sentence_fts" if store.dialect == "sqlite" else "sentence_index"
    queries = {
        "documents": "SELECT id, duplicate_of, duplicate_score, language, extracted, location "
                     "FROM documents",
        "locations": "SELECT doc_id, location FROM locations",
        "sentences": "SELECT doc_id, idx, start, \"end\", fp FROM sentences",
        "index": f"SELECT doc_id, idx FROM {index}",
        "mentions": "SELECT doc_id, start, entity_id FROM mentions",
        "entities": "SELECT id, name FROM entities",
        "figures": "SELECT id, doc_id, value, unit FROM figures",
        "events": "SELECT id, doc_id, type, participants FROM events",
        "figure_entities": "SELECT name, figure_id FROM figure_entities",
        "event_entities": "SELECT name, event_id FROM event_entities",
        "bands": "SELECT band, doc_id FROM doc_bands",
        "sources": "SELECT id, name, kind FROM sources",
    }
    with store.engine.connect() as conn:
        return {k: sorted(tuple(r) for r in conn.execute(sa.text(q)))
                for k, q in queries.items()}
