"""The development set (tests/dev) and the untouched set (tests/untouched), scored against floors.

tests/dev is for tuning; tests/untouched was written and annotated before any tuning and is for
measurement only (see its build_gold.py). Floors: tests/quality_floors.json, keys ``dev`` and
``untouched``; they only move up.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.gold_scoring import below, check_verbatim, extract, floors, gold_set, score

HERE = Path(__file__).resolve().parent
SETS = {"dev": (HERE / "dev", 36), "untouched": (HERE / "untouched", 12)}
LANGS = ["en", "ja", "kk", "ru", "zh-Hans", "zh-Hant"]


@pytest.mark.parametrize("name", sorted(SETS))
def test_gold_is_verbatim_and_balanced(name: str) -> None:
    folder, size = SETS[name]
    gold, docs = gold_set(folder)
    assert len(gold) == size
    assert sorted({g["language"] for g in gold}) == LANGS
    assert all(sum(g["language"] == lang for g in gold) == size // 6 for lang in LANGS)
    assert sorted(p.name for p in folder.glob("*.txt")) == sorted(p.name for p in docs)
    check_verbatim(folder, gold)


@pytest.mark.parametrize("name", sorted(SETS))
def test_scores_meet_floors(name: str) -> None:
    folder, _ = SETS[name]
    gold, docs = gold_set(folder)
    assert not below(score(gold, extract(docs)), floors(name))
