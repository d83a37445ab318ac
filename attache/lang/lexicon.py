"""Language knowledge as data: one file per language (``attache/lang/<code>.json``), frozen.

Each file holds what the extractors know of one language and nothing else: month and weekday
names, wire-dateline patterns, the context that marks a year as a target rather than a past
year, and event trigger words by event type. Adding a language is adding a file; the modules
that read these tables (dates, anchors, events) loop over :func:`languages`.

File keys (all optional except ``code``):

* ``months`` / ``weekdays``: lower-case name → month number (1–12) / weekday (Monday = 0);
* ``dateline``: regular expressions with named groups ``place``, ``day`` and optionally
  ``month`` (digits or a month name) and ``year``, tried on the first lines of a text;
* ``future_year_before`` / ``future_year_after``: expressions that, found right before or
  right after a four-digit year, make it a target year ("by 2030", "2030年までに");
* ``event_triggers``: event type → trigger words, matched on the normalised view;
* ``titles``: an office (its key, lower case) → the words that name it (``President``,
  ``Мемлекет басшысы``, ``國家元首``), to tell who "the president" is;
* ``header_keys``: ``title``/``date``/``source``/``outlet``/``author``/``other`` → the keys of
  the ``key: value`` lines a text file may start with (``Дата:``, ``来源：``, ``掲載日：``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

from attache.errors import AttacheError

EVENT_TYPES = ("visit", "meeting", "summit", "signing", "forum", "statement", "other")
HEADER_FIELDS = ("title", "date", "source", "outlet", "author", "other")


@dataclass(frozen=True)
class Lexicon:
    """What attache knows of one language, read from its data file."""

    code: str
    months: MappingProxyType[str, int]
    weekdays: MappingProxyType[str, int]
    datelines: tuple[re.Pattern[str], ...]
    future_year_before: re.Pattern[str] | None
    future_year_after: re.Pattern[str] | None
    event_triggers: MappingProxyType[str, tuple[str, ...]] = field(
        default_factory=lambda: MappingProxyType({}))
    titles: MappingProxyType[str, tuple[str, ...]] = field(
        default_factory=lambda: MappingProxyType({}))
    header_keys: MappingProxyType[str, tuple[str, ...]] = field(
        default_factory=lambda: MappingProxyType({}))

    def month(self, name: str) -> int | None:
        """The month a name stands for (``февраля`` → 2, ``Jan.`` → 1, ``қазанда`` → 10)."""
        n = name.lower().rstrip(".")
        if n.isdigit():
            k = int(n)
            return k if 1 <= k <= 12 else None
        if n in self.months:
            return self.months[n]
        # Kazakh and Russian endings glue onto the stem: маусымда, қазан айында.
        stems = [s for s in self.months if len(s) >= 4 and n.startswith(s)]
        return self.months[max(stems, key=len)] if stems else None


class LexiconError(AttacheError):
    """A language data file is missing or malformed."""


def _compile(pattern: Any, where: str) -> re.Pattern[str] | None:
    if not pattern:
        return None
    try:
        return re.compile(str(pattern))
    except re.error as exc:
        raise LexiconError(f"{where}: {exc}; fix the regular expression in the language file") \
            from exc


def parse_lexicon(data: dict[str, Any], where: str = "<data>") -> Lexicon:
    """A :class:`Lexicon` from the decoded content of one language file."""
    if not isinstance(data.get("code"), str):
        raise LexiconError(f"{where}: no 'code'; every language file names its language")
    triggers = data.get("event_triggers", {})
    unknown = set(triggers) - set(EVENT_TYPES)
    if unknown:
        raise LexiconError(f"{where}: unknown event types {sorted(unknown)}; use "
                           f"{', '.join(EVENT_TYPES)}")
    headers = data.get("header_keys", {})
    odd = sorted(set(headers) - set(HEADER_FIELDS))
    if odd:
        raise LexiconError(f"{where}: unknown header fields {odd}; use "
                           f"{', '.join(HEADER_FIELDS)}")
    datelines = tuple(p for p in (_compile(x, f"{where} dateline")
                                  for x in data.get("dateline", [])) if p is not None)
    return Lexicon(
        code=data["code"],
        months=MappingProxyType({str(k).lower(): int(v)
                                 for k, v in data.get("months", {}).items()}),
        weekdays=MappingProxyType({str(k).lower(): int(v)
                                   for k, v in data.get("weekdays", {}).items()}),
        datelines=datelines,
        future_year_before=_compile(data.get("future_year_before"), f"{where} future_year_before"),
        future_year_after=_compile(data.get("future_year_after"), f"{where} future_year_after"),
        event_triggers=MappingProxyType({t: tuple(triggers.get(t, ())) for t in EVENT_TYPES}),
        titles=MappingProxyType({str(k).lower(): tuple(v)
                                 for k, v in data.get("titles", {}).items()}),
        header_keys=MappingProxyType({f: tuple(str(k).lower() for k in headers.get(f, ()))
                                      for f in HEADER_FIELDS}),
    )


@cache
def languages() -> tuple[str, ...]:
    """The codes of every language that has a data file, in a stable order."""
    files = resources.files("attache.lang")
    return tuple(sorted(p.name[:-5] for p in files.iterdir() if p.name.endswith(".json")))


@cache
def lexicon(code: str) -> Lexicon:
    """The frozen lexicon of one language; raises :class:`LexiconError` for an unknown one."""
    if code not in languages():
        raise LexiconError(f"no language file for {code!r}; attache knows "
                           f"{', '.join(languages())}")
    path = resources.files("attache.lang") / f"{code}.json"
    try:
        data = json.loads(path.read_text("utf-8"))
    except json.JSONDecodeError as exc:
        raise LexiconError(f"attache/lang/{code}.json is not valid JSON ({exc})") from exc
    return parse_lexicon(data, f"attache/lang/{code}.json")


def all_lexicons() -> tuple[Lexicon, ...]:
    return tuple(lexicon(c) for c in languages())
