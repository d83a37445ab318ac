"""Entity links for figures and events, so a topic reads its slice through an index.

Adds ``figure_entities`` and ``event_entities`` (name, row id) and fills them from the JSON
``entities`` / ``participants`` columns of the rows already stored.
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import context, op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_BATCH = 2000


def _links(conn: sa.Connection, source: str, column: str, target: str, key: str) -> None:
    table = sa.table(target, sa.column("name"), sa.column(key))
    rows = conn.execute(sa.text(f"SELECT id, {column} FROM {source}"))
    batch: list[dict[str, str]] = []
    for row_id, raw in rows:
        try:
            names = set(json.loads(raw or "[]"))
        except ValueError:
            continue
        batch.extend({"name": n, key: row_id} for n in names if isinstance(n, str))
        if len(batch) >= _BATCH:
            conn.execute(sa.insert(table), batch)
            batch = []
    if batch:
        conn.execute(sa.insert(table), batch)


def upgrade() -> None:
    op.create_table(
        "figure_entities",
        sa.Column("name", sa.Text, primary_key=True),
        sa.Column("figure_id", sa.String(24), sa.ForeignKey("figures.id", ondelete="CASCADE"),
                  primary_key=True))
    op.create_table(
        "event_entities",
        sa.Column("name", sa.Text, primary_key=True),
        sa.Column("event_id", sa.String(24), sa.ForeignKey("events.id", ondelete="CASCADE"),
                  primary_key=True))
    conn = op.get_bind()
    _links(conn, "figures", "entities", "figure_entities", "figure_id")
    _links(conn, "events", "participants", "event_entities", "event_id")
    conn.execute(sa.text("UPDATE settings SET value = '2' WHERE key = 'schema'"))
    backend = context.config.attributes.get("backend")
    if backend is not None:
        backend.create_index(conn)


def downgrade() -> None:
    op.drop_table("event_entities")
    op.drop_table("figure_entities")
