"""Scoring `attache extract --json` against a hand-made gold, the way the shared scorer does.

Used by the sample-gold and held-out tests; the shared scorer's own matching functions do the
matching (../shared/eval/score_extract.py), and the tests skip when it is not beside us.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared" / "eval" / "score_extract.py"


def load_scorer() -> ModuleType:
    if not SCORER.is_file():
        pytest.skip("the shared scorer (../shared/eval/score_extract.py) is not beside this checkout")
    spec = importlib.util.spec_from_file_location("score_extract", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def extract(paths: list[Path]) -> list[dict[str, Any]]:
    """The CLI's own JSON output for ``paths``."""
    proc = subprocess.run([sys.executable, "-m", "attache", "extract", *map(str, paths), "--json"],
                          cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    result: list[dict[str, Any]] = json.loads(proc.stdout)
    return result


def score(sc: ModuleType, gold: list[dict[str, Any]], pred: list[dict[str, Any]]
          ) -> dict[str, dict[str, float]]:
    """Per-language and overall scores, computed as score_extract.main does."""
    pred_by_doc = {str(p.get("doc", "")).replace("\\", "/").split("/")[-1]: p for p in pred}
    tot: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for g in gold:
        p = pred_by_doc.get(g["doc"], {})
        e = sc.match_entities(g["entities"], p.get("entities", []))
        f = sc.match_figures(g["figures"], p.get("figures", []))
        v = sc.match_events(g["events"], p.get("events", []))
        for key in ("all", g["language"]):
            t = tot[key]
            for name, value in (("e_tp", e[0]), ("e_fp", e[1]), ("e_fn", e[2]),
                                ("f_tp", f[0]), ("f_fp", f[1]), ("f_fn", f[2]), ("f_qual", f[3]),
                                ("v_tp", v[0]), ("v_fp", v[1]), ("v_fn", v[2])):
                t[name] += value
            t["docs"] += 1
            if g.get("published"):
                t["date_n"] += 1
                t["date_ok"] += str(p.get("published") or "").startswith(str(g["published"])[:7])
            t["lang_ok"] += p.get("language") == g["language"]
    out = {}
    for key, t in tot.items():
        out[key] = {
            "docs": t["docs"],
            "entity_f1": round(sc.f1(t["e_tp"], t["e_fp"], t["e_fn"])[2], 3),
            "figure_f1": round(sc.f1(t["f_tp"], t["f_fp"], t["f_fn"])[2], 3),
            "figure_qualifier_acc": round(t["f_qual"] / t["f_tp"], 3) if t["f_tp"] else 0.0,
            "event_f1": round(sc.f1(t["v_tp"], t["v_fp"], t["v_fn"])[2], 3),
            "language_acc": round(t["lang_ok"] / t["docs"], 3),
            "published_acc": round(t["date_ok"] / t["date_n"], 3) if t["date_n"] else 0.0,
        }
    for key in sorted(out, key=lambda k: (k != "all", k)):
        print(key, json.dumps(out[key]))
    return out


def below(scores: dict[str, dict[str, float]], floors: dict[str, dict[str, float]]
          ) -> dict[str, dict[str, tuple[float, float]]]:
    """Every (measured, floor) pair under its floor, by language."""
    low = {key: {m: (scores[key][m], f) for m, f in fl.items() if scores[key][m] < f}
           for key, fl in floors.items()}
    return {k: v for k, v in low.items() if v}
