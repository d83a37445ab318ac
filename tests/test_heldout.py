"""Held-out extraction evaluation: tests/heldout/*.txt against tests/heldout/gold.json.

Twelve documents in the six languages on Central Asian subjects other than the Japan –
Kazakhstan material the extractors were developed on; documents and gold were written
independently of the extractor's source. Floors: tests/quality_floors.json, key ``heldout``.
"""

from __future__ import annotations

from pathlib import Path

from tests.gold_scoring import below, check_verbatim, extract, floors, gold_set, score

HELDOUT = Path(__file__).resolve().parent / "heldout"


def test_gold_is_verbatim() -> None:
    gold, _ = gold_set(HELDOUT)
    assert len(gold) == 12
    check_verbatim(HELDOUT, gold)


def test_heldout_scores() -> None:
    gold, docs = gold_set(HELDOUT)
    assert not below(score(gold, extract(docs)), floors("heldout"))
