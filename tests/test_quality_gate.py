"""The extraction gate on the seeds: attache's own CLI output, scored by the test package's
matching (tests/gold_scoring.py), against the floors in tests/quality_floors.json.

The seeds and their gold live beside the project (../shared) and are never copied into it; the
gate skips without them, and fails when the environment variable ``CI`` is set.
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import GOLD, SEEDS
from tests.gold_scoring import extract, floors, missing, score


@pytest.fixture(scope="module")
def scores() -> dict[str, dict[str, float]]:
    if not (SEEDS.is_dir() and GOLD.is_file()):
        missing("the seeds and their gold (../shared/corpus/seeds, ../shared/eval)")
    gold = json.loads(GOLD.read_text("utf-8"))
    return score(gold, extract(sorted(SEEDS.glob("*.txt"))))


@pytest.mark.parametrize("metric", sorted(floors("seeds")["all"]))
def test_gate(scores: dict[str, dict[str, float]], metric: str) -> None:
    floor = floors("seeds")["all"][metric]
    assert scores["all"][metric] >= floor, f"{metric} {scores['all'][metric]} < {floor}"


def test_floors_file_is_keyed_by_set_and_language() -> None:
    for name in ("seeds", "sample", "heldout", "heldout2", "dev", "untouched"):
        table = floors(name)
        assert "all" in table, name
        for lang, metrics in table.items():
            assert lang in {"all", "zh-Hans", "zh-Hant", "en", "ru", "ja", "kk"}, (name, lang)
            assert all(0.0 <= v <= 1.0 for v in metrics.values()), (name, lang)
