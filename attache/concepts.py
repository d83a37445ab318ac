"""Concepts: what a text is about when no name says it (rare earths, pipelines, visas).

A concept has an id, an English name, a domain and aliases in the six languages, like a
knowledge-base entry, and lives in ``attache/data/concepts/*.jsonl``. Users add concepts, or
aliases to shipped ones, with the same ``--kb`` files as entities: a line whose ``type`` is
``"concept"`` goes to the lexicon, and a ``.tsv`` alias table may name a concept id.

Concepts are found in queries and topics, not stored per sentence: ``稀土`` in a query is
widened at query time to every alias of *rare earths* (レアアース, редкоземельные металлы,
сирек жер металдары …), each cut by the same segmenter as the index. So the index needs no
concept column, and a user file takes effect without re-ingesting anything.

Matching runs on the folded view (t2s, NFKC, lower case). Alphabetic aliases are compared word
by word on stems (case endings and plural -s removed, as the search index's prefix terms do),
so редкоземельных металлов finds редкоземельные металлы; Han and kana aliases match as
substrings, except that a single character must stand alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from attache.normalize import fold_query
from attache.tokens import QueryTerm, Segmenter, stem

CONCEPT_DIR = Path(__file__).parent / "data" / "concepts"
_LETTERS = r"0-9a-z\u00c0-\u024f\u0400-\u04ff"
_WORD = re.compile(rf"[{_LETTERS}]+(?:[.'’-][{_LETTERS}]+)*")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]+")


@dataclass(frozen=True)
class Concept:
    id: str
    name: str
    domain: str = ""
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False, compare=False)

    def all_aliases(self) -> Iterator[tuple[str, str]]:
        """(language, alias) pairs, the English name included."""
        yield "en", self.name
        for lang, names in self.aliases.items():
            for a in names:
                yield lang, a

    def languages(self) -> tuple[str, ...]:
        return tuple(lang for lang, names in self.aliases.items() if names)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "domain": self.domain,
                "aliases": {k: list(v) for k, v in self.aliases.items()}}


def parse_concept(obj: dict[str, Any], where: str) -> Concept:
    """A concept from one JSON object; ``where`` names the file and line for messages."""
    from attache.errors import ConfigError

    for key in ("id", "name"):
        if not isinstance(obj.get(key), str) or not obj[key].strip():
            raise ConfigError(f"{where}: concept without a {key!r} string; add it or remove "
                              "the line")
    raw = obj.get("aliases") or {}
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: 'aliases' must map a language to a list of names")
    aliases: dict[str, tuple[str, ...]] = {}
    for lang, names in raw.items():
        if isinstance(names, str):
            names = [names]
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise ConfigError(f"{where}: aliases[{lang!r}] must be a list of strings")
        aliases[str(lang)] = tuple(dict.fromkeys(n.strip() for n in names if n.strip()))
    domain = obj.get("domain")
    return Concept(obj["id"].strip(), obj["name"].strip(),
                   domain.strip() if isinstance(domain, str) else "", aliases)


def _merge(a: Concept, b: Concept) -> Concept:
    aliases = dict(a.aliases)
    for lang, names in b.aliases.items():
        aliases[lang] = tuple(dict.fromkeys(aliases.get(lang, ()) + names))
    return Concept(a.id, a.name, a.domain or b.domain, aliases)


def _words(folded: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), stem(m.group())) for m in _WORD.finditer(folded)]


class ConceptLexicon:
    """Concepts by id, and a matcher for their aliases in any script."""

    def __init__(self, concepts: Iterable[Concept] = ()) -> None:
        self._by_id: dict[str, Concept] = {}
        for c in concepts:
            self.add(c)

    def add(self, c: Concept) -> None:
        old = self._by_id.get(c.id)
        self._by_id[c.id] = _merge(old, c) if old else c
        self._index: tuple[dict[tuple[str, ...], str], dict[str, str], int] | None = None

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[Concept]:
        return iter(self._by_id.values())

    def get(self, id: str) -> Concept | None:
        return self._by_id.get(id)

    def by_name(self, name: str) -> Concept | None:
        """By id, English name or any alias (case- and script-folded)."""
        if name in self._by_id:
            return self._by_id[name]
        spans = self.find(name)
        if len(spans) == 1 and spans[0][0] == 0 and spans[0][1] >= len(name.strip()):
            return spans[0][2]
        return None

    def _build(self) -> tuple[dict[tuple[str, ...], str], dict[str, str], int]:
        if self._index is not None:
            return self._index
        words: dict[tuple[str, ...], str] = {}
        cjk: dict[str, str] = {}
        for c in sorted(self._by_id.values(), key=lambda c: c.id):
            for _lang, alias in c.all_aliases():
                folded = fold_query(alias).strip()
                if _CJK.fullmatch(folded.replace(" ", "")):
                    cjk.setdefault(folded.replace(" ", ""), c.id)
                else:
                    key = tuple(w for _, _, w in _words(folded))
                    if key:
                        words.setdefault(key, c.id)
        longest = max((len(k) for k in words), default=0)
        self._index = (words, cjk, longest)
        return self._index

    def find(self, text: str) -> list[tuple[int, int, Concept]]:
        """Concept names in ``text`` as (start, end, concept) on its folded view, longest first
        and without overlaps."""
        words_idx, cjk_idx, longest = self._build()
        folded = fold_query(text)
        out: list[tuple[int, int, Concept]] = []
        ws = _words(folded)
        i = 0
        while i < len(ws):
            for n in range(min(longest, len(ws) - i), 0, -1):
                cid = words_idx.get(tuple(w for _, _, w in ws[i:i + n]))
                if cid is not None:
                    out.append((ws[i][0], ws[i + n - 1][1], self._by_id[cid]))
                    i += n
                    break
            else:
                i += 1
        keys = sorted(cjk_idx, key=len, reverse=True)
        for run in _CJK.finditer(folded):
            s, seg = run.start(), run.group()
            taken = bytearray(len(seg))
            for key in keys:
                # One character (铀, 煤, 港) is a concept only when it is the whole run.
                if len(key) == 1 and seg != key:
                    continue
                for m in re.finditer(re.escape(key), seg):
                    if not any(taken[m.start():m.end()]):
                        taken[m.start():m.end()] = b"\x01" * len(key)
                        out.append((s + m.start(), s + m.end(), self._by_id[cjk_idx[key]]))
        out.sort(key=lambda t: (t[0], -t[1]))
        return out


@dataclass(frozen=True)
class Expansion:
    """A concept widened for the index: FTS alternatives, terms and names to highlight."""

    fts: str
    terms: tuple[QueryTerm, ...]
    phrases: tuple[str, ...]


def expand(concept: Concept, segmenter: Segmenter) -> Expansion | None:
    """Every alias of ``concept`` cut like the index, as one OR of per-alias conjunctions."""
    alternatives: list[str] = []
    terms: list[QueryTerm] = []
    phrases: list[str] = []
    for _lang, alias in concept.all_aliases():
        alias_terms = segmenter.query_terms(alias)
        if not alias_terms:
            continue
        alternatives.append("(" + " AND ".join(t.fts() for t in alias_terms) + ")")
        terms.extend(alias_terms)
        phrases.append(fold_query(alias))
    if not alternatives:
        return None
    return Expansion("(" + " OR ".join(sorted(set(alternatives))) + ")",
                     tuple(dict.fromkeys(terms)), tuple(dict.fromkeys(phrases)))
