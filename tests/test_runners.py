"""Runners: the local pool and Ray store exactly what the in-process loop stores."""

from __future__ import annotations

from pathlib import Path

import pytest

from attache.evidence import EvidenceBase
from attache.runners import TaskContext, process_item
from attache.tokens import Segmenter
from tests.conftest import SAMPLE
from tests.store_dump import dump


def _inputs(tmp_path: Path) -> list[str]:
    folder = tmp_path / "extra"
    folder.mkdir()
    base = (SAMPLE / "en_astanatimes_20220430_hayashi_visit.md").read_text("utf-8")
    for i in range(4):
        (folder / f"r{i}.md").write_text(base + f"\n\nReprint {i}.\n", "utf-8")
    (folder / "bad.pdf").write_bytes(b"%PDF-1.4 not really a pdf")
    return [str(SAMPLE), str(folder)]


def test_process_item_reports_a_bad_input_and_never_writes(tmp_path: Path) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 not really a pdf")
    res = process_item(str(bad), TaskContext(segmenter=Segmenter()))
    assert res.writes == () and len(res.failures) == 1
    assert res.failures[0].source.endswith("bad.pdf")


@pytest.mark.slow
def test_ray_runner_stores_what_the_local_runner_stores(tmp_path: Path) -> None:
    import ray  # noqa: F401 - a test dependency: missing, the test fails rather than skips

    inputs = _inputs(tmp_path)
    with EvidenceBase(tmp_path / "local.db") as local:
        lr = local.ingest(inputs, workers=1)
        expected = dump(local.store)
    with EvidenceBase(tmp_path / "ray.db") as on_ray:
        rr = on_ray.ingest(inputs, runner="ray", workers=2)
        got = dump(on_ray.store)
    assert [f.source for f in rr.failures] == [f.source for f in lr.failures]
    assert len(lr.failures) == 1 and len(rr.added) == len(lr.added) > 10
    assert got == expected
