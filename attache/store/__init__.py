"""The evidence store: a protocol, SQLite and PostgreSQL backends, a search index, migrations.

``SqlStore(path_or_url)`` opens either backend; the rest of attache reads through the methods
of :class:`~attache.store.protocol.Store`. The table objects are re-exported for modules that
still write their own queries.
"""

from attache.store.protocol import (
    AddResult,
    SentenceHit,
    SentenceRow,
    Store,
    StoredDocument,
    WriteItem,
)
from attache.store.schema import (
    SCHEMA_VERSION,
    bands,
    briefs,
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
from attache.store.search import All, Any_, Node, Term, parse_fts5, to_fts5, to_tsquery
from attache.store.sql import SqlStore, open_store

__all__ = [
    "SCHEMA_VERSION", "AddResult", "All", "Any_", "Node", "SentenceHit", "SentenceRow",
    "SqlStore", "Store", "StoredDocument", "Term", "WriteItem", "bands", "briefs", "documents",
    "entities", "event_entities", "events", "figure_entities", "figures", "insert_or_ignore",
    "locations", "mentions", "metadata", "open_store", "parse_fts5", "sentences", "settings",
    "sources", "to_fts5", "to_tsquery",
]
