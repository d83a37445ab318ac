"""Score `attache extract --json` on the non-Chinese-Simplified sample documents against a hand-made gold.

The gold (tests/golden/sample-gold.json) was annotated by reading the texts, independently of attache's output,
following ../shared/eval/GOLD_SCHEMA.md. Scoring uses the test package's matching (tests/gold_scoring.py); floors are in
tests/quality_floors.json under ``sample`` and only move up.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.gold_scoring import extract, floors, score

FLOORS = floors("sample")

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "attache" / "data" / "sample"
GOLD_FILE = ROOT / "tests" / "golden" / "sample-gold.json"

DOCS = [
    "en_astanatimes_20220430_hayashi_visit.md",
    "en_ai_digest_20251215_tokyo_summit.md",
    "ru_tass_20240808_kishida_cancels.cp1251.txt",
    "ru_kazinform_20251219_tokayev_takaichi.md",
    "ja_nhk_20220430_hayashi_visit.txt",
    "ja_nikkei_20251218_tokayev_takaichi.html",
    "kk_egemen_20251221_tokyo_summit.txt",
    "zh-hant_ltn_20251221_summit_reprint.big5.txt",
]

METRICS = ("entity_f1", "figure_f1", "figure_qualifier_acc", "event_f1", "language_acc", "published_acc")

@pytest.fixture(scope="module")
def scores() -> dict[str, dict[str, float]]:
    gold = json.loads(GOLD_FILE.read_text("utf-8"))
    assert sorted(g["doc"] for g in gold) == sorted(DOCS)
    return score(gold, extract([SAMPLE / d for d in DOCS]))


def test_gold_is_well_formed() -> None:
    gold = json.loads(GOLD_FILE.read_text("utf-8"))
    for doc in gold:
        assert {"doc", "title", "published", "language", "source", "entities", "figures", "events", "notes"} <= set(doc)
        for fig in doc["figures"]:
            assert fig["text"] in fig["sentence"], fig["text"]


@pytest.mark.parametrize("key", sorted(FLOORS))
def test_sample_scores_meet_floors(scores: dict[str, dict[str, float]], key: str) -> None:
    assert key in scores, f"no documents scored for {key!r}"
    low = {m: (scores[key][m], floor) for m, floor in FLOORS[key].items() if scores[key][m] < floor}
    assert not low, f"{key}: below floor (measured, floor): {low}"
