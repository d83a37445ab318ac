"""Held-out extraction evaluation (tests/heldout/*.txt against tests/heldout/gold.json).

The documents and gold were written independently of the extractor's source. Scores use the
shared scorer /work/shared/eval/score_extract.py (skipped when it is absent).
"""
import glob
import importlib.util
import json
import os
import subprocess
import sys
from collections import defaultdict

import pytest

# Floors are the measured scores rounded DOWN to 0.05. Floors only move up: raise them when the
# extractor improves; never lower them to make a regression pass.
FLOORS = {
    "all": {"entity_f1": 0.8, "figure_f1": 0.85, "event_f1": 0.4, "published_acc": 0.65, "language_acc": 1.0},
    "en": {"entity_f1": 0.8, "figure_f1": 0.9, "event_f1": 0.5, "published_acc": 0.5, "language_acc": 1.0},
    "ja": {"entity_f1": 0.8, "figure_f1": 0.7, "event_f1": 0.45, "published_acc": 1.0, "language_acc": 1.0},
    "kk": {"entity_f1": 0.85, "figure_f1": 0.85, "event_f1": 0.5, "published_acc": 0.5, "language_acc": 1.0},
    "ru": {"entity_f1": 0.8, "figure_f1": 0.95, "event_f1": 0.35, "published_acc": 0.0, "language_acc": 1.0},
    "zh-Hans": {"entity_f1": 0.8, "figure_f1": 0.8, "event_f1": 0.35, "published_acc": 1.0, "language_acc": 1.0},
    "zh-Hant": {"entity_f1": 0.8, "figure_f1": 0.9, "event_f1": 0.4, "published_acc": 1.0, "language_acc": 1.0},
}

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HELDOUT = os.path.join(ROOT, "tests", "heldout")
GOLD = os.path.join(HELDOUT, "gold.json")
SCORER = "/work/shared/eval/score_extract.py"


def _load_scorer():
    if not os.path.exists(SCORER):
        pytest.skip("shared scorer not available")
    spec = importlib.util.spec_from_file_location("score_extract", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _extract():
    files = sorted(glob.glob(os.path.join("tests", "heldout", "*.txt"), root_dir=ROOT))
    out = subprocess.run([sys.executable, "-m", "attache", "extract", *files, "--json"],
                         cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    data = json.loads(out.stdout)
    if isinstance(data, dict):
        data = data.get("documents") or data.get("results") or [data]
    return data


def _read(path):
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def _score(sc, gold, pred):
    pred_by_doc = {str(p.get("doc", "")).replace("\\", "/").split("/")[-1]: p for p in pred}
    tot = defaultdict(lambda: defaultdict(int))
    for g in gold:
        p = pred_by_doc.get(g["doc"], {})
        e = sc.match_entities(g["entities"], p.get("entities", []))
        f = sc.match_figures(g["figures"], p.get("figures", []))
        v = sc.match_events(g["events"], p.get("events", []))
        for key in ("all", g["language"]):
            t = tot[key]
            t["e_tp"] += e[0]; t["e_fp"] += e[1]; t["e_fn"] += e[2]
            t["f_tp"] += f[0]; t["f_fp"] += f[1]; t["f_fn"] += f[2]; t["f_qual"] += f[3]
            t["v_tp"] += v[0]; t["v_fp"] += v[1]; t["v_fn"] += v[2]
            t["docs"] += 1
            t["date_n"] += bool(g.get("published"))
            t["date_ok"] += bool(g.get("published")) and str(p.get("published") or "").startswith(str(g["published"])[:7])
            t["lang_ok"] += p.get("language") == g["language"]
    res = {}
    for key, t in tot.items():
        res[key] = {
            "docs": t["docs"],
            "entity_f1": round(sc.f1(t["e_tp"], t["e_fp"], t["e_fn"])[2], 3),
            "figure_f1": round(sc.f1(t["f_tp"], t["f_fp"], t["f_fn"])[2], 3),
            "figure_qualifier_acc": round(t["f_qual"] / t["f_tp"], 3) if t["f_tp"] else 0.0,
            "event_f1": round(sc.f1(t["v_tp"], t["v_fp"], t["v_fn"])[2], 3),
            "published_acc": round(t["date_ok"] / t["date_n"], 3) if t["date_n"] else None,
            "language_acc": round(t["lang_ok"] / t["docs"], 3),
        }
    return res


def test_gold_is_verbatim():
    gold = json.loads(_read(GOLD))
    assert len(gold) == 12
    for g in gold:
        text = _read(os.path.join(HELDOUT, g["doc"]))
        for e in g["entities"]:
            for a in e["aliases_in_text"]:
                assert a in text, (g["doc"], a)
        for x in g["figures"] + g["events"]:
            assert x["sentence"] in text, (g["doc"], x["sentence"])


def test_heldout_scores():
    sc = _load_scorer()
    gold = json.loads(_read(GOLD))
    res = _score(sc, gold, _extract())
    for key in sorted(res, key=lambda k: (k != "all", k)):
        print(key, json.dumps(res[key]))
    for key, floors in FLOORS.items():
        for metric, floor in floors.items():
            assert res[key][metric] >= floor, (key, metric, res[key][metric], floor)
