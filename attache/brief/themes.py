"""Themes: lexicons of words per theme (economy, energy, transport …), matched on the folded
view (t2s, lower case) of a sentence, so a brief can group its evidence by what it is about."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from attache.errors import ConfigError
from attache.normalize import fold_query

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class Themes:
    """Theme lexicons matched on the folded view (t2s, lower case) of a sentence."""

    keys: tuple[str, ...]
    labels: dict[str, dict[str, str]] = field(hash=False, compare=False)
    patterns: dict[str, re.Pattern[str]] = field(hash=False, compare=False)

    @classmethod
    def from_dicts(cls, parts: Sequence[dict[str, Any]]) -> Themes:
        words: dict[str, set[str]] = {}
        labels: dict[str, dict[str, str]] = {}
        for part in parts:
            for key, spec in part.items():
                if key.startswith("_"):
                    continue
                if not isinstance(spec, dict) or not isinstance(spec.get("words", {}), dict):
                    raise ConfigError(f"theme {key!r}: expected an object with 'label' and "
                                      f"'words' (language → list of words)")
                labels.setdefault(key, {}).update(spec.get("label", {}))
                for lst in spec.get("words", {}).values():
                    words.setdefault(key, set()).update(str(w) for w in lst)
        patterns = {k: _theme_pattern(ws) for k, ws in words.items() if ws}
        return cls(keys=tuple(patterns), labels=labels, patterns=patterns)

    @classmethod
    def load(cls, extra: Sequence[str | Path] = ()) -> Themes:
        parts = [json.loads((resources.files("attache") / "lexicons" / "themes.json")
                            .read_text("utf-8"))]
        for item in extra:
            try:
                parts.append(json.loads(Path(item).read_text("utf-8")))
            except OSError as exc:
                raise ConfigError(f"cannot read theme file {item}: {exc.strerror}") from exc
            except ValueError as exc:
                raise ConfigError(f"theme file {item} is not valid JSON: {exc}") from exc
        return cls.from_dicts(parts)

    def label(self, key: str, lang: str) -> str:
        lab = self.labels.get(key, {})
        return lab.get(lang) or lab.get("en") or key

    def score(self, folded: str) -> dict[str, int]:
        return {k: n for k, p in self.patterns.items() if (n := len(p.findall(folded)))}


def _theme_pattern(words: Iterable[str]) -> re.Pattern[str]:
    cjk, latin, stems, whole = [], [], [], []
    for w in sorted(set(words), key=len, reverse=True):
        exact = w.endswith("=")
        f = fold_query(w.rstrip("="))
        if not f:
            continue
        if _CJK.search(f):
            cjk.append(re.escape(f))
        elif f.isascii():
            latin.append(re.escape(f))
        elif exact:
            whole.append(re.escape(f))
        else:
            stems.append(re.escape(f))
    alts = []
    if cjk:
        alts.append("(?:" + "|".join(cjk) + ")")
    if latin:
        alts.append(r"(?<![\w-])(?:" + "|".join(latin) + r")(?:s|es)?(?![\w])")
    if whole:
        alts.append(r"(?<![\w])(?:" + "|".join(whole) + r")(?![\w])")
    if stems:
        alts.append(r"(?<![\w])(?:" + "|".join(stems) + ")")
    return re.compile("|".join(alts) or r"(?!)")


@lru_cache(maxsize=1)
def default_themes() -> Themes:
    return Themes.load()
