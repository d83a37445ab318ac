"""Second held-out extraction evaluation: tests/heldout2/*.txt against tests/heldout2/gold.json.

MEASUREMENT ONLY. This set must never guide tuning: do not read its documents or gold while
changing the extractors, and do not add rules, lexicon entries or fixes aimed at it. If it is
used for tuning it stops measuring anything and must be replaced by a fresh set.

Six documents, one per language (zh-Hans, zh-Hant, en, ru, ja, kk), on subjects outside the
sample data and the first held-out set. Documents and gold were written independently of the
extractor's source; the gold was finished before the extractor was first run on them.
Floors: tests/quality_floors.json, key ``heldout2``.
"""

from __future__ import annotations

from pathlib import Path

from tests.gold_scoring import below, check_verbatim, extract, floors, gold_set, score

HELDOUT2 = Path(__file__).resolve().parent / "heldout2"


def test_gold_is_verbatim() -> None:
    gold, _ = gold_set(HELDOUT2)
    assert len(gold) == 6
    assert sorted(g["language"] for g in gold) == sorted(["zh-Hans", "zh-Hant", "en", "ru", "ja", "kk"])
    check_verbatim(HELDOUT2, gold)


def test_heldout2_scores() -> None:
    gold, docs = gold_set(HELDOUT2)
    assert not below(score(gold, extract(docs)), floors("heldout2"))
