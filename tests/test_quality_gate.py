"""The extraction gate: attache's own CLI output, scored by the shared scorer, against floors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import GOLD, SEEDS, SHARED

FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text("utf-8"))
SCORER = SHARED / "eval" / "score_extract.py"


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, float]:
    if not (SEEDS.is_dir() and GOLD.is_file() and SCORER.is_file()):
        pytest.skip("the seeds, gold and scorer (../shared) are not beside this checkout")
    out = tmp_path_factory.mktemp("gate") / "pred.json"
    seeds = sorted(str(p) for p in SEEDS.glob("*.txt"))
    run = subprocess.run([sys.executable, "-m", "attache", "extract", *seeds, "--json"],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    out.write_text(run.stdout, "utf-8")
    scored = subprocess.run([sys.executable, str(SCORER), str(GOLD), str(out)],
                            capture_output=True, text=True, timeout=120)
    assert scored.returncode == 0, scored.stderr
    line = next(ln for ln in scored.stdout.splitlines() if ln.startswith("all "))
    result: dict[str, float] = json.loads(line[4:])
    print("seed scores:", result)
    return result


@pytest.mark.parametrize("metric", [k for k in FLOORS if not k.startswith("_")])
def test_gate(scores: dict[str, float], metric: str) -> None:
    assert scores[metric] >= FLOORS[metric], f"{metric} {scores[metric]} < {FLOORS[metric]}"
