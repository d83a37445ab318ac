"""Schema migrations (Alembic), run on open when a database is older than the code.

A database written before migrations existed has no ``alembic_version`` table; it is taken
as revision 0001 (the first schema) and upgraded from there. New databases are created at the
head revision directly, without running the history.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy.engine import Connection

from attache.errors import StoreError

MIGRATIONS = Path(__file__).with_name("migrations")


def _config(conn: Connection, backend: Any) -> Any:
    try:
        from alembic.config import Config
    except ImportError as exc:  # pragma: no cover - alembic is a dependency
        raise StoreError("this database needs a schema upgrade, which needs alembic: "
                         "pip install alembic") from exc
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = conn
    cfg.attributes["backend"] = backend
    return cfg


def upgrade(conn: Connection, backend: Any, revision: str = "head") -> None:
    from alembic import command
    from sqlalchemy import inspect

    cfg = _config(conn, backend)
    if not inspect(conn).has_table("alembic_version"):
        command.stamp(cfg, "0001")
    command.upgrade(cfg, revision)
