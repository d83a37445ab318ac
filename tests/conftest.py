"""Shared fixtures: the seeds (read from ../shared, never copied), the sample corpus, stores."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from attache.evidence import EvidenceBase


ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "eval" / "seeds-gold.json"
SAMPLE = ROOT / "attache" / "data" / "sample"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("the seed documents (../shared/corpus/seeds) are not beside this checkout")
    return SEEDS


@pytest.fixture(scope="session")
def gold() -> list[dict]:
    if not GOLD.is_file():
        pytest.skip("the seed gold file (../shared/eval) is not beside this checkout")
    return json.loads(GOLD.read_text("utf-8"))


@pytest.fixture(scope="session")
def manifest() -> list[dict]:
    return json.loads((SAMPLE / "MANIFEST.json").read_text("utf-8"))


@pytest.fixture()
def eb() -> Iterator[EvidenceBase]:
    from attache.evidence import EvidenceBase

    with EvidenceBase(":memory:") as base:
        yield base


@pytest.fixture(scope="session")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EvidenceBase]:
    """One store with the sample corpus and (when present) the seeds, shared by read-only tests."""
    from attache.evidence import EvidenceBase

    db = tmp_path_factory.mktemp("store") / "loaded.db"
    inputs = [str(SAMPLE)] + ([str(SEEDS)] if SEEDS.is_dir() else [])
    with EvidenceBase(db) as base:
        report = base.ingest(inputs)
        assert report.ok, report.failures
        yield base


def copy_db(src: EvidenceBase, dst: Path) -> Path:
    """A copy of a SQLite store through SQLite's backup API (the store runs in WAL mode, so
    the main file alone may lack the newest pages)."""
    import sqlite3

    a = sqlite3.connect(str(src.store.engine.url.database))
    b = sqlite3.connect(str(dst))
    with b:
        a.backup(b)
    a.close()
    b.close()
    return dst
