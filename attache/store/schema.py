"""The tables, as SQLAlchemy Core metadata shared by SQLite and PostgreSQL.

Every table has a natural primary key (content hashes, or a document id with a position), so
every write can be an insert-or-ignore and two ingests racing on one database stay exact. The
full-text index is not here: it is dialect-specific (an FTS5 table on SQLite, a ``tsvector``
table with a GIN index on PostgreSQL) and lives with each backend.
"""

from __future__ import annotations

import sqlalchemy as sa

# The schema the code writes; an older database is brought here by the Alembic migrations.
SCHEMA_VERSION = 2
HEAD_REVISION = "0002"

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
# Revision 0002: which canonical names a figure or an event involves, one row each, so a
# topic reads its figures and events through an index instead of scanning JSON columns.
figure_entities = sa.Table(
    "figure_entities", metadata,
    sa.Column("name", sa.Text, primary_key=True),
    sa.Column("figure_id", sa.String(24), sa.ForeignKey("figures.id", ondelete="CASCADE"),
              primary_key=True),
)
event_entities = sa.Table(
    "event_entities", metadata,
    sa.Column("name", sa.Text, primary_key=True),
    sa.Column("event_id", sa.String(24), sa.ForeignKey("events.id", ondelete="CASCADE"),
              primary_key=True),
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


def insert_or_ignore(table: sa.Table, dialect: str) -> sa.Insert:
    """An INSERT that skips rows whose key is already stored, on SQLite and PostgreSQL alike."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table).on_conflict_do_nothing()
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table).on_conflict_do_nothing()
