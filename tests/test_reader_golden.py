"""Reader output on the sample corpus and the seeds, compared with tests/golden/readers/."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "readers"


def _regen() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "regen_golden_readers", ROOT / "scripts" / "regen_golden_readers.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


regen = _regen()
HINT = "reader output changed; if on purpose, run scripts/regen_golden_readers.py and review"


@pytest.mark.parametrize("path", regen.sample_files(), ids=lambda p: p.name)
def test_sample_golden(path: Path) -> None:
    golden = GOLDEN / f"{path.name}.json"
    if not golden.exists():
        pytest.fail(f"no golden file for {path.name}; run scripts/regen_golden_readers.py")
    assert regen.sample_golden(path) == json.loads(golden.read_text("utf-8")), HINT


@pytest.mark.skipif(not regen.SEEDS.is_dir(), reason="../shared/corpus/seeds absent")
def test_seeds_golden() -> None:
    assert regen.seeds_golden() == json.loads((GOLDEN / "seeds.json").read_text("utf-8")), HINT


def test_every_sample_has_a_golden_file() -> None:
    names = {p.name for p in regen.sample_files()}
    goldens = {p.name[: -len(".json")] for p in GOLDEN.glob("*.json")} - {"seeds", "texts"}
    assert goldens <= names, f"golden files without a sample file: {goldens - names}"


def _manifest() -> list[dict[str, object]]:
    path = ROOT / "attache" / "data" / "sample" / "MANIFEST.json"
    return json.loads(path.read_text("utf-8")) if path.exists() else []


@pytest.mark.parametrize(
    "entry", [e for e in _manifest() if e.get("format") not in ("rss", "feed", "warc")],
    ids=lambda e: str(e["file"]),
)
def test_sample_matches_manifest(entry: dict[str, object]) -> None:
    """Title and publication date of each single-document sample file, as its author meant."""
    from attache.readers import read_path

    doc = read_path(ROOT / "attache" / "data" / "sample" / str(entry["file"]))[0]
    assert doc.title == entry["title"]
    assert (doc.published.value if doc.published else None) == entry["published"]
