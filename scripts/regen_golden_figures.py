#!/usr/bin/env python3
"""Regenerate the figure goldens tests/golden/figures/<lang>.json from <lang>.txt.

Each ``<lang>.txt`` holds one sentence per line under a ``# published: YYYY-MM-DD`` header;
the golden is what ``find_figures`` makes of each sentence, so any change to the figure rules
shows up as a reviewable diff. Run after an intended change, review ``git diff tests/golden``,
and commit. ``--check`` exits 1 if a golden is out of date, without writing.

usage: python scripts/regen_golden_figures.py [--check]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from attache.figures import find_figures  # noqa: E402

GOLDEN = ROOT / "tests" / "golden" / "figures"
LANGUAGES = ("zh-Hans", "zh-Hant", "en", "ru", "ja", "kk")


def read_sentences(path: Path) -> tuple[str | None, list[str]]:
    """The publication date from the header and the sentences of one ``<lang>.txt``."""
    published: str | None = None
    sentences: list[str] = []
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("#"):
            key, _, value = line[1:].partition(":")
            if key.strip() == "published":
                published = value.strip() or None
            continue
        if line.strip():
            sentences.append(line.strip())
    return published, sentences


def golden_for(language: str) -> list[dict[str, Any]]:
    """The figures of every sentence of one language, as plain JSON."""
    published, sentences = read_sentences(GOLDEN / f"{language}.txt")
    view_of = _t2s if language == "zh-Hant" else (lambda s: s)
    out: list[dict[str, Any]] = []
    for sentence in sentences:
        figs = find_figures(view_of(sentence), sentence, language, published)
        out.append({"sentence": sentence, "figures": [
            {"text": f.text, "value": f.value, "value_max": f.value_max, "unit": f.unit,
             "qualifier": f.qualifier, "subject": f.subject, "period": f.period,
             "start": f.start, "end": f.end}
            for f in figs
        ]})
    return out


def _t2s(text: str) -> str:
    from opencc import OpenCC

    view = str(OpenCC("t2s").convert(text))
    return view if len(view) == len(text) else text


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for language in LANGUAGES:
        path = GOLDEN / f"{language}.json"
        text = json.dumps(golden_for(language), ensure_ascii=False, indent=1) + "\n"
        if check:
            if not path.is_file() or path.read_text("utf-8") != text:
                stale.append(path.name)
        else:
            path.write_text(text, "utf-8")
    if stale:
        print("out of date:", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
