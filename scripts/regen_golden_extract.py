#!/usr/bin/env python3
"""Regenerate the entity and event goldens under tests/golden/{entities,events}/.

Each golden is the extraction of a fixed text per language (INPUTS below) with the
shipped knowledge base, so a change to the KB or the rules shows up as a reviewable diff.
Run after an intended change, review ``git diff tests/golden``, and commit.

usage: python scripts/regen_golden_extract.py [--check]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from opencc import OpenCC

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from attache.entities import find_entities  # noqa: E402
from attache.events import find_events  # noqa: E402
from attache.kb import default_kb  # noqa: E402

GOLDEN = ROOT / "tests" / "golden"
PUBLISHED = "2025-12-20"
INPUTS: dict[str, dict[str, str]] = {
    'zh-Hans': {"language": 'zh-Hans', "text": (
        "2025年12月19日，哈萨克斯坦总统托卡耶夫在东京会见日本首相高市早苗。"
        "高市早苗表示，日本视哈萨克斯坦为中亚最可靠伙伴。"
        "访问期间，双方签署14份政府间与部门间协议。"
        "公司董事会主席小川博之认为，中亚潜力巨大。"
        "今日，中心城市的日本企业对哈投资增加。"
    )},
    'zh-Hant': {"language": 'zh-Hant', "text": (
        "哈薩克斯坦總統托卡耶夫率先抵日，一口氣敲定14項雙邊協議。"
        "托卡耶夫的專機已降落在東京羽田機場。"
        "日本首相高市早苗在首相官邸舉辦高規格歡迎晚宴。"
        "兩國高層隨即展開多輪閉門會談。"
    )},
    'en': {"language": 'en', "text": (
        "On December 19, 2025 President Tokayev met Prime Minister Sanae Takaichi in Tokyo."
        " Kazakhstan and Japan signed 14 agreements."
        " Political scientist Gaziz Abishev said Japanese investment matters."
        " Let us see what the UN says."
    )},
    'ru': {"language": 'ru', "text": (
        "Президент Казахстана Касым-Жомарт Токаев прибыл в Токио с официальным визитом."
        " Токаев встретился с премьер-министром Японии Санаэ Такаити."
        " Японо-казахстанский форум прошел в Астане."
        " Политолог Газиз Абишев заявил, что Япония важна."
    )},
    'ja': {"language": 'ja', "text": (
        "カザフスタンのトカエフ大統領が来日し、12月19日に高市首相と東京で会談した。"
        "両国は14の文書に署名した。"
        "日中関係と中央アジアの安定も議題となった。"
    )},
    'kk': {"language": 'kk', "text": (
        "Қазақстан Президенті Қасым-Жомарт Тоқаев Жапонияға ресми сапармен барды."
        " Тоқаев Такаитимен кездесті."
        " Қазақстан мен Жапония 14 құжатқа қол қойды."
        " Тоқаев Жапонияның тәжірибесі маңызды екенін атап өтті."
    )},
}


def _sentences(text: str) -> list[tuple[int, int]]:
    import re

    return [(m.start(), m.end()) for m in re.finditer(r"[^。！？!?\n]+[。！？!?]?", text)]


def extract(text: str, language: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    view = OpenCC("t2s").convert(text) if language.startswith("zh") else text
    kb = default_kb()
    ents = find_entities(view, text, language, kb, PUBLISHED)
    try:
        from attache.dates import find_dates

        dates = list(find_dates(view, language, PUBLISHED))
    except ImportError:
        dates = []
    events = find_events(view, text, language, _sentences(text), ents, PUBLISHED, dates)
    e_out = [{"name": e.name, "type": e.type, "linked": e.linked,
              "mentions": [[m.text, m.start, m.end] for m in e.mentions]}
             for e in sorted(ents, key=lambda e: (e.mentions[0].start, e.name))]
    v_out = [{"type": v.type, "participants": list(v.participants), "date": v.date,
              "place": v.place, "status": v.status, "trigger": v.trigger,
              "start": v.start, "end": v.end} for v in events]
    return e_out, v_out


def render(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str]) -> int:
    inputs = INPUTS
    check = "--check" in argv
    stale = []
    for name, item in inputs.items():
        ents, events = extract(item["text"], item["language"])
        for sub, obj in (("entities", ents), ("events", events)):
            path = GOLDEN / sub / f"{name}.json"
            new = render(obj)
            if check:
                if not path.exists() or path.read_text(encoding="utf-8") != new:
                    stale.append(str(path))
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(new, encoding="utf-8")
    if stale:
        print("stale goldens:", *stale, sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
