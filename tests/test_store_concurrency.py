"""Two ingests on one database at once store exactly what one ingest stores."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from attache.store import SqlStore
from tests.conftest import SAMPLE
from tests.pg import pg_schema_url
from tests.store_dump import dump


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "t.db")
        return
    with pg_schema_url() as url:
        yield url


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    base = (SAMPLE / "en_astanatimes_20220430_hayashi_visit.md").read_text("utf-8")
    for i in range(30):
        # Distinct documents, reprints of one another (near-duplicates) and exact copies.
        (folder / f"d{i:02}.md").write_text(base + f"\n\nUpdate number {i} of the story.\n",
                                            "utf-8")
    for i in range(5):
        (folder / f"copy{i}.md").write_text((folder / f"d{i:02}.md").read_text("utf-8"),
                                            "utf-8")
    for p in sorted(SAMPLE.glob("*.md"))[:6]:
        (folder / p.name).write_text(p.read_text("utf-8"), "utf-8")
    return folder


def _cmd(folder: Path, db: str) -> list[str]:
    return [sys.executable, "-m", "attache", "ingest", str(folder), "--db", db,
            "--workers", "1"]


@pytest.mark.slow
def test_two_concurrent_ingests_equal_a_serial_one(tmp_path: Path, db_url: str) -> None:
    folder = _corpus(tmp_path / "corpus")
    serial_db = str(tmp_path / "serial.db")
    done = subprocess.run(_cmd(folder, serial_db), capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    procs = [subprocess.Popen(_cmd(folder, db_url), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=600) for p in procs]
    for p, (_out, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err
        assert "error" not in err.lower()
    serial, both = SqlStore(serial_db), SqlStore(db_url)
    try:
        expected, got = dump(serial), dump(both)
        n_files = len(list(folder.iterdir()))
        assert len(expected["documents"]) == n_files - 5
        assert len(expected["locations"]) == n_files
        assert sum(1 for d in expected["documents"] if d[1]) >= 29  # reprints linked
        assert got == expected
    finally:
        serial.close()
        both.close()
