"""Regenerate the reader golden files in tests/golden/readers/.

One JSON file per file of attache/data/sample/ (``<file name>.json``, a list: feeds and WARCs
give several documents) and ``seeds.json`` for the five seed documents in
../shared/corpus/seeds (skipped when that folder is absent). Run after a deliberate change to a
reader, then review the diff::

    python scripts/regen_golden_readers.py
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "attache" / "data" / "sample"
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
GOLDEN = ROOT / "tests" / "golden" / "readers"

sys.path.insert(0, str(ROOT))

from attache.model import Document  # noqa: E402
from attache.readers import read_path  # noqa: E402


def golden_dict(doc: Document) -> dict[str, Any]:
    """The parts of a Document a golden file pins down."""
    return {
        "format": doc.format,
        "title": doc.title,
        "published": None if doc.published is None else {
            "value": doc.published.value, "source": doc.published.source,
            "precision": doc.published.precision},
        "outlet": doc.outlet,
        "url": doc.url,
        "encoding": doc.encoding,
        "links": [[lk.text, lk.url, lk.start, lk.end] for lk in doc.links],
        "text_sha256": hashlib.sha256(doc.text.encode("utf-8")).hexdigest(),
        "text_start": doc.text[:300],
    }


def sample_files() -> list[Path]:
    if not SAMPLE.is_dir():
        return []
    return sorted(p for p in SAMPLE.iterdir() if p.is_file() and p.name != "MANIFEST.json")


def sample_golden(path: Path) -> list[dict[str, Any]]:
    return [golden_dict(d) for d in read_path(path)]


def seeds_golden() -> dict[str, dict[str, Any]]:
    return {p.name: golden_dict(read_path(p)[0]) for p in sorted(SEEDS.glob("*.txt"))}


def dump(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def main() -> None:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for path in sample_files():
        (GOLDEN / f"{path.name}.json").write_text(dump(sample_golden(path)), "utf-8")
        print("wrote", path.name)
    if SEEDS.is_dir():
        (GOLDEN / "seeds.json").write_text(dump(seeds_golden()), "utf-8")
        print("wrote seeds.json")
    else:
        print("../shared/corpus/seeds absent: seeds.json not regenerated")


if __name__ == "__main__":
    main()
