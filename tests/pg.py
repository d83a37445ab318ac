"""A PostgreSQL database for tests: a fresh schema per use, dropped afterwards.

The project's machines run PostgreSQL on 127.0.0.1:5432 with trust authentication and a
database ``test``; ATTACHE_TEST_PG overrides the URL. Under CI a missing server fails the
tests instead of skipping them.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

PG_URL = os.environ.get("ATTACHE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


def _unavailable(reason: str) -> None:
    msg = f"PostgreSQL at {PG_URL} is not available ({reason}); start it or set ATTACHE_TEST_PG"
    if os.environ.get("CI"):
        pytest.fail(msg)
    pytest.skip(msg)


@contextmanager
def pg_schema_url() -> Iterator[str]:
    """A URL whose search_path is a new, empty schema (so parallel runs never collide)."""
    try:
        import psycopg
    except ImportError:
        _unavailable("psycopg is not installed")
        raise
    schema = "t_" + uuid.uuid4().hex[:16]
    try:
        with psycopg.connect(PG_URL, autocommit=True, connect_timeout=5) as conn:
            conn.execute(f"CREATE SCHEMA {schema}")
    except psycopg.OperationalError as exc:
        _unavailable(str(exc).splitlines()[0] if str(exc) else "cannot connect")
    try:
        yield f"{PG_URL}?options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")
