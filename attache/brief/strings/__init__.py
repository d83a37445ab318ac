"""The words of a brief, one module per reader's language (en, zh, ru).

:class:`Lexicon` is what the writer sees: headings and statement patterns (``text``), display
names of languages, source kinds, event types and units (``name``), and how a reader of the
language writes a date, a number with its unit and qualifier, a list, or a count.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from attache.brief.strings import en, ru, zh
from attache.errors import ConfigError

_MODULES: dict[str, ModuleType] = {"en": en, "zh": zh, "ru": ru}
BRIEF_LANGUAGES: tuple[str, ...] = tuple(_MODULES)
# The knowledge base's alias language for each brief language.
ALIAS_LANGUAGE: dict[str, str] = {"en": "en", "zh": "zh-Hans", "ru": "ru"}
_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def plural(n: int, one: str, many: str) -> str:
    """``1 source``, ``2 sources``: an English count with its noun."""
    return f"{n} {one if n == 1 else many}"


@dataclass(frozen=True)
class Lexicon:
    lang: str
    text: dict[str, str]
    names: dict[str, dict[str, str]]
    months: tuple[str, ...]
    months_genitive: tuple[str, ...]

    def __getitem__(self, key: str) -> str:
        return self.text[key]

    def name(self, table: str, key: str) -> str:
        return self.names.get(table, {}).get(key, key)

    def fill(self, key: str, **kw: Any) -> str:
        return self.text[key].format(**kw)

    def join(self, items: Sequence[str], limit: int = 4) -> str:
        items = [i for i in items if i]
        if len(items) > limit:
            return self.text["sep"].join(items[:limit]) + self.text["sep"] + "…"
        if len(items) <= 1:
            return "".join(items)
        return self.text["sep"].join(items[:-1]) + self.text["and"] + items[-1]

    def cap(self, s: str) -> str:
        return s[:1].upper() + s[1:] if self.lang != "zh" else s

    def date(self, d: str | None) -> str:
        """A date as a reader writes it: 17 December 2025, 2025年12月17日, 17 декабря 2025 г."""
        if not d:
            return ""
        if "/" in d:  # a span of years, "1993/2025": the stock as of its last year
            d = d.rsplit("/", 1)[-1]
        m = _DATE.match(d[:10])
        if not m:
            return d
        y, mo, da = m.group(1), m.group(2), m.group(3)
        if self.lang == "zh":
            return f"{y}年" + (f"{int(mo)}月" if mo else "") + (f"{int(da)}日" if da else "")
        if self.lang == "ru":
            if da and mo:
                return f"{int(da)} {self.months_genitive[int(mo) - 1]} {y} г."
            return (f"{self.months[int(mo) - 1]} {y} г." if mo else f"{y} г.")
        if da and mo:
            return f"{int(da)} {self.months[int(mo) - 1]} {y}"
        return f"{self.months[int(mo) - 1]} {y}" if mo else y

    def when(self, d: str | None) -> str:
        """" on 17 December 2025" / " in December 2025", in the reader's language."""
        if not d:
            return ""
        precise = bool(_DATE.match(d[:10])) and len(d) >= 10
        return self.fill("ev.day" if precise else "ev.month", date=self.date(d))

    def unit(self, unit: str) -> str:
        if unit in ("count", ""):
            return ""
        return self.names["unit"].get(unit) or unit.removeprefix("other:")

    def number(self, v: float, unit: str) -> str:
        """A figure: ``7.7 bn USD``, ``77亿美元``, ``7,7 млрд долл. США``."""
        if unit in ("percent", "%"):
            return f"{v:g}%"
        name = self.unit(unit)
        if self.lang == "zh":
            if abs(v) >= 1e8:
                return f"{v / 1e8:.4g}亿{name}"
            if abs(v) >= 1e4:
                return f"{v / 1e4:.4g}万{name}"
            return f"{v:,.6g}{name}"
        cur = f" {name}" if name else ""
        scales = ((1e12, "tn", "трлн"), (1e9, "bn", "млрд"), (1e6, "m", "млн"))
        for size, en_word, ru_word in scales:
            if abs(v) >= size:
                n = f"{v / size:.3g}"
                if self.lang == "ru":
                    return f"{n.replace('.', ',')} {ru_word}{cur}"
                return f"{n} {en_word}{cur}"
        n = f"{v:,.6g}"
        return (n.replace(",", "\u00a0").replace(".", ",") if self.lang == "ru" else n) + cur

    def value(self, v: float, unit: str, qualifier: str = "exact",
              v_max: float | None = None) -> str:
        """A figure with its qualifier: "over 8.5 bn USD", "超过85亿美元"."""
        text = self.spread(v, v_max, unit) if v_max else self.number(v, unit)
        key = f"q.{qualifier}"
        return self.fill(key, v=text) if key in self.text else text

    def spread(self, lo: float, hi: float | None, unit: str) -> str:
        if hi is None or lo == hi:
            return self.number(lo, unit)
        return f"{self.number(lo, unit)}–{self.number(hi, unit)}"

    def count(self, n: int, one: str, many: str) -> str:
        return plural(n, one, many) if self.lang == "en" else str(n)


def lexicon(lang: str) -> Lexicon:
    """The lexicon of a brief language; a clear error for any other."""
    mod = _MODULES.get(lang)
    if mod is None:
        raise ConfigError(f"brief language {lang!r} is not supported; use one of "
                          f"{', '.join(BRIEF_LANGUAGES)}")
    return Lexicon(lang, mod.TEXT, mod.NAMES, tuple(getattr(mod, "MONTHS", ())),
                   tuple(getattr(mod, "MONTHS_GENITIVE", getattr(mod, "MONTHS", ()))))


STRINGS: dict[str, dict[str, str]] = {k: m.TEXT for k, m in _MODULES.items()}
