"""The first schema (attache 0.1): documents, sentences, FTS5, entities, figures, events.

Databases of that version carry no revision; the store stamps them 0001 before upgrading.
There is nothing to create here: new databases are made at the head revision directly.
"""

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
