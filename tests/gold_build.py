"""Writes a hand-made evaluation set: each document's text and its gold (GOLD_SCHEMA.md).

A set's ``build_gold.py`` lists its documents as :class:`Doc` values, with the gold written by
hand next to the text; sentences are found by a fragment, so the gold quotes the text verbatim.
Run ``python -m tests.dev.build_gold`` (or ``tests.untouched``) to rewrite the files.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_SPLIT = re.compile(r"(?<=[。！？])|(?<=[.!?])(?<!тыс\.)(?<! г\.)(?<! ж\.)(?<!Dec\.)(?<!Jan\.)"
                    r"(?<!Feb\.)(?<!Aug\.)(?<!Sept\.)(?<!Oct\.)(?<!Nov\.)(?<!млрд\.)\s+|\n")

Ent = tuple[str, str, list[str]]
Fig = tuple[str, float, str, str, str, str | None, str | None]
Ev = tuple[str, list[str], str | None, str | None, str]


@dataclass
class Doc:
    name: str
    text: str
    title: str
    published: str | None
    source: dict[str, Any]
    notes: str
    entities: list[Ent] = field(default_factory=list)
    figures: list[Fig] = field(default_factory=list)
    events: list[Ev] = field(default_factory=list)


def _sentence(text: str, frag: str) -> str:
    found = [s.strip() for s in _SPLIT.split(text) if s and frag in s]
    assert found, frag
    return found[0]


def write_set(folder: Path, docs: list[Doc]) -> None:
    gold = []
    for d in docs:
        (folder / d.name).write_text(d.text, "utf-8")
        for _, _, aliases in d.entities:
            for a in aliases:
                assert a in d.text, (d.name, a)
        figs = [{"text": tx, "value": v, "value_max": None, "unit": u, "qualifier": q,
                 "subject": sub, "period": per, "sentence": _sentence(d.text, fr or tx)}
                for tx, v, u, q, sub, per, fr in d.figures]
        evs = [{"type": ty, "participants": p, "date": dt, "place": pl,
                "sentence": _sentence(d.text, fr)} for ty, p, dt, pl, fr in d.events]
        gold.append({"doc": d.name, "title": d.title, "published": d.published,
                     "language": d.name.split("_")[0], "source": d.source, "notes": d.notes,
                     "entities": [{"name": n, "type": t, "aliases_in_text": a}
                                  for n, t, a in d.entities],
                     "figures": figs, "events": evs})
    (folder / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n",
                                      "utf-8")
