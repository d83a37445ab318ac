"""The knowledge base: known people, organisations, countries, places and event series.

The shipped data lives in ``attache/data/kb/*.jsonl``, one entity per line. Users extend it
with their own ``.jsonl`` files in the same schema, or with ``.tsv`` alias tables
(``id_or_name<TAB>alias<TAB>lang``) so a large alias list can be imported without code.
Entries that share an id are merged, so a user file can add aliases to a shipped entity.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from attache.concepts import CONCEPT_DIR, ConceptLexicon, parse_concept
from attache.errors import ConfigError
from attache.model import ENTITY_TYPES

DATA_DIR = Path(__file__).parent / "data" / "kb"
ALIAS_LANGUAGES: tuple[str, ...] = ("en", "zh-Hans", "zh-Hant", "ru", "ja", "kk")


@dataclass(frozen=True)
class Role:
    """An office held over a period; ``start``/``end`` are ISO prefixes or None (open)."""

    role: str
    of: str
    start: str | None = None
    end: str | None = None

    def held_on(self, on: str | None) -> bool:
        if on is None:
            return self.end is None
        # ISO strings compare correctly as text; a shorter prefix covers its whole period.
        if self.start and on < self.start[: len(on)]:
            return False
        return not (self.end and on[: len(self.end)] > self.end)


@dataclass(frozen=True)
class Occurrence:
    """A dated instance of an event series ("the first summit, Tokyo, 2025-12-20")."""

    kind: str
    ordinal: int | None
    date: str
    place: str | None = None


@dataclass(frozen=True)
class KBEntry:
    id: str
    name: str
    type: str
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False, compare=False)
    abbrev: tuple[str, ...] = ()
    country: str | None = None
    roles: tuple[Role, ...] = ()
    occurrences: tuple[Occurrence, ...] = ()

    def all_aliases(self) -> Iterator[tuple[str, str]]:
        """(language, alias) pairs, the canonical name included as English."""
        yield "en", self.name
        for lang, names in self.aliases.items():
            for a in names:
                yield lang, a


def _fail(path: Path, line: int, why: str) -> ConfigError:
    return ConfigError(f"{path}:{line}: {why}; fix or remove this line of the knowledge-base file")


def _str_list(value: Any) -> list[str] | None:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    return None


def _parse_entry(obj: Any, path: Path, line: int) -> KBEntry:
    if not isinstance(obj, dict):
        raise _fail(path, line, "expected a JSON object")
    for key in ("id", "name", "type"):
        if not isinstance(obj.get(key), str) or not obj[key].strip():
            raise _fail(path, line, f"missing or empty string field {key!r}")
    if obj["type"] not in ENTITY_TYPES:
        raise _fail(path, line, f"type {obj['type']!r} is not one of {', '.join(ENTITY_TYPES)}")
    aliases: dict[str, tuple[str, ...]] = {}
    raw = obj.get("aliases") or {}
    if not isinstance(raw, dict):
        raise _fail(path, line, "'aliases' must map a language to a list of names")
    for lang, names in raw.items():
        lst = _str_list(names)
        if lst is None:
            raise _fail(path, line, f"aliases[{lang!r}] must be a list of strings")
        aliases[str(lang)] = tuple(n.strip() for n in lst if n.strip())
    # Former names are matched like aliases; the KB lists them either per language or flat.
    former = obj.get("former_names") or []
    extra: list[tuple[str, str]] = []
    if isinstance(former, dict):
        for lang, names in former.items():
            extra += [(str(lang), n) for n in (_str_list(names) or [])]
    elif isinstance(former, list):
        extra += [("en", n) for n in former if isinstance(n, str)]
    for lang, n in extra:
        if n.strip() and n.strip() not in aliases.get(lang, ()):
            aliases[lang] = aliases.get(lang, ()) + (n.strip(),)
    abbrev_raw = obj.get("abbrev") or {}
    abbrev: list[str] = []
    if isinstance(abbrev_raw, dict):
        for names in abbrev_raw.values():
            abbrev += _str_list(names) or []
    elif isinstance(abbrev_raw, list):
        abbrev += [a for a in abbrev_raw if isinstance(a, str)]
    roles: list[Role] = []
    for r in obj.get("roles") or []:
        if not isinstance(r, dict) or not isinstance(r.get("role"), str):
            raise _fail(path, line, "each role needs at least a 'role' string")
        roles.append(Role(r["role"], str(r.get("of") or ""), r.get("start"), r.get("end")))
    occurrences: list[Occurrence] = []
    for o in obj.get("occurrences") or []:
        if not isinstance(o, dict) or not isinstance(o.get("date"), str):
            raise _fail(path, line, "each occurrence needs at least a 'date' string")
        ordinal = o.get("ordinal")
        occurrences.append(Occurrence(str(o.get("kind") or "meeting"),
                                      ordinal if isinstance(ordinal, int) else None,
                                      o["date"], o.get("place")))
    country = obj.get("country")
    return KBEntry(
        id=obj["id"].strip(), name=obj["name"].strip(), type=obj["type"], aliases=aliases,
        abbrev=tuple(abbrev), country=country if isinstance(country, str) else None,
        roles=tuple(roles), occurrences=tuple(occurrences),
    )


def _merge(a: KBEntry, b: KBEntry) -> KBEntry:
    aliases = dict(a.aliases)
    for lang, names in b.aliases.items():
        aliases[lang] = tuple(dict.fromkeys(aliases.get(lang, ()) + names))
    return replace(a, aliases=aliases, abbrev=tuple(dict.fromkeys(a.abbrev + b.abbrev)),
                   roles=a.roles + tuple(r for r in b.roles if r not in a.roles),
                   country=a.country or b.country,
                   occurrences=a.occurrences + tuple(o for o in b.occurrences
                                                     if o not in a.occurrences))


class KnowledgeBase:
    """An in-memory knowledge base; build it with :meth:`load`."""

    def __init__(self, entries: Iterable[KBEntry] = ()) -> None:
        self._by_id: dict[str, KBEntry] = {}
        self._names: dict[str, str] | None = None
        # Concepts travel with the KB: the same user files extend both, and every caller that
        # resolves names (search, topics) already holds a KB.
        self.concepts = ConceptLexicon()
        for e in entries:
            self._add(e)

    def _add(self, e: KBEntry) -> None:
        old = self._by_id.get(e.id)
        self._by_id[e.id] = _merge(old, e) if old else e
        self._names = None

    @classmethod
    def load(cls, extra: Sequence[str | Path] = (), *, shipped: bool = True) -> KnowledgeBase:
        """The shipped data (unless ``shipped=False``) plus user files or folders."""
        kb = cls()
        for p in sorted(DATA_DIR.glob("*.jsonl")) if shipped else []:
            kb._load_jsonl(p)
        for p in sorted(CONCEPT_DIR.glob("*.jsonl")) if shipped else []:
            kb._load_jsonl(p)
        for item in extra:
            path = Path(item)
            if path.is_dir():
                files = sorted(f for f in path.rglob("*") if f.suffix in (".jsonl", ".tsv"))
            elif path.is_file():
                files = [path]
            else:
                raise ConfigError(f"{path}: no such knowledge-base file or folder")
            for f in files:
                if f.suffix == ".tsv":
                    kb._load_tsv(f)
                elif f.suffix == ".jsonl":
                    kb._load_jsonl(f)
                else:
                    raise ConfigError(f"{f}: knowledge-base files must be .jsonl or .tsv")
        return kb

    def _read_lines(self, path: Path) -> list[str]:
        try:
            return path.read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read knowledge-base file ({exc})") from exc

    def _load_jsonl(self, path: Path) -> None:
        for n, line in enumerate(self._read_lines(path), start=1):
            if not line.strip() or line.lstrip().startswith("//"):
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise _fail(path, n, f"invalid JSON ({exc.msg})") from exc
            if isinstance(obj, dict) and obj.get("type") == "concept":
                self.concepts.add(parse_concept(obj, f"{path}:{n}"))
                continue
            self._add(_parse_entry(obj, path, n))

    def _load_tsv(self, path: Path) -> None:
        for n, line in enumerate(self._read_lines(path), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = [c.strip() for c in line.split("\t")]
            if len(cols) != 3 or not all(cols):
                raise _fail(path, n, "expected three tab-separated columns id_or_name, alias, lang")
            key, alias, lang = cols
            entry = self.get(key) or self.by_name(key)
            concept = self.concepts.get(key) if entry is None else None
            if concept is not None:
                self.concepts.add(replace(concept, aliases={lang: (alias,)}))
                continue
            if entry is None:
                raise _fail(path, n, f"unknown entity or concept {key!r} (use an id or canonical "
                                    "name)")
            self._add(replace(entry, aliases={lang: (alias,)}, abbrev=(), roles=()))

    def entries(self) -> Iterable[KBEntry]:
        return self._by_id.values()

    def __len__(self) -> int:
        return len(self._by_id)

    def get(self, id: str) -> KBEntry | None:
        return self._by_id.get(id)

    def by_name(self, name: str) -> KBEntry | None:
        """Look up by canonical name first, then by any alias (case-insensitive)."""
        if self._names is None:
            names: dict[str, str] = {}
            for e in self._by_id.values():
                for _, a in e.all_aliases():
                    names.setdefault(a.casefold(), e.id)
            for e in self._by_id.values():
                names[e.name.casefold()] = e.id
            self._names = names
        hit = self._names.get(name.strip().casefold())
        return self._by_id.get(hit) if hit else None

    def role_holders(self, role: str, of: str, on: str | None = None) -> list[KBEntry]:
        """Who held ``role`` of ``of`` (an id or name) on date ``on`` (None: currently)."""
        target = self.get(of) or self.by_name(of)
        ofs = {of.casefold()}
        if target is not None:
            ofs |= {target.id.casefold(), target.name.casefold()}
        out = []
        for e in self._by_id.values():
            for r in e.roles:
                if r.role.casefold() == role.casefold() and r.of.casefold() in ofs \
                        and r.held_on(on):
                    out.append(e)
                    break
        return out


@lru_cache(maxsize=1)
def default_kb() -> KnowledgeBase:
    """The shipped knowledge base, loaded once per process."""
    return KnowledgeBase.load()


# --- surface forms --------------------------------------------------------------------------
# Russian and Kazakh inflect names, and the KB lists mostly nominatives, so the case forms are
# generated here by rule; over-generation is harmless because a wrong form never occurs in text.

_RU_HUSH = set("гкхжшчщ")
_RU_INDECL = set("оеиуюэы")


def _ru_word_cases(w: str) -> list[set[str]]:
    """Forms of one Russian word per case: nom, gen, dat, acc, ins, prep."""
    lw = w.lower()
    if len(w) < 3 or lw[-1] in _RU_INDECL or not ("а" <= lw[-1] <= "я" or lw[-1] == "ё"):
        return [{w}] * 6

    def s(k: int, *ends: str) -> set[str]:
        return {w[: len(w) - k] + e for e in ends}

    if lw.endswith(("ый", "ий", "ой")) and len(w) > 4:
        return [{w}, s(2, "ого", "его"), s(2, "ому", "ему"), {w} | s(2, "ого", "его"),
                s(2, "ым", "им"), s(2, "ом", "ем")]
    if lw.endswith(("ая", "яя")) and len(w) > 4:
        return [{w}, s(2, "ой", "ей"), s(2, "ой", "ей"), s(2, "ую", "юю"), s(2, "ой", "ей"),
                s(2, "ой", "ей")]
    if lw.endswith(("ые", "ие")) and len(w) > 4:
        return [{w}, s(2, "ых", "их"), s(2, "ым", "им"), {w}, s(2, "ыми", "ими"), s(2, "ых", "их")]
    if lw.endswith("ия"):
        return [{w}, s(1, "и"), s(1, "и"), s(1, "ю"), s(1, "ей"), s(1, "и")]
    if lw.endswith(("ова", "ева", "ина", "ына")):
        return [{w}, s(1, "ой"), s(1, "ой"), s(1, "у"), s(1, "ой"), s(1, "ой")]
    if lw.endswith("а"):
        gen = "и" if lw[-2] in _RU_HUSH else "ы"
        return [{w}, s(1, gen), s(1, "е"), s(1, "у"), s(1, "ой", "ей"), s(1, "е")]
    if lw.endswith("я"):
        return [{w}, s(1, "и"), s(1, "е"), s(1, "ю"), s(1, "ей"), s(1, "е")]
    if lw.endswith("й"):
        return [{w}, s(1, "я"), s(1, "ю"), {w}, s(1, "ем"), s(1, "е")]
    if lw.endswith("ь"):
        return [{w}, s(1, "я", "и"), s(1, "ю", "и"), {w} | s(1, "я"), s(1, "ем", "ью"),
                s(1, "е", "и")]
    surname = lw.endswith(("ов", "ев", "ёв", "ин", "ын"))
    return [{w}, s(0, "а"), s(0, "у"), {w} | s(0, "а"), s(0, "ым") if surname else s(0, "ом", "ем"),
            s(0, "е")]


def _ru_forms(alias: str) -> set[str]:
    words = alias.split(" ")
    if len(words) > 4:
        return {alias}

    def word_cases(w: str) -> list[set[str]]:
        # In a hyphenated name (Касым-Жомарт) only the last part takes the ending.
        head, _, last = w.rpartition("-")
        cases = _ru_word_cases(last)
        return [{f"{head}-{f}" if head else f for f in c} for c in cases]

    per_word = [word_cases(w) for w in words]
    out = {alias}
    for c in range(6):
        variants = [
            [per_word[i][c] for i in range(len(words))],  # all words agree (adjective + noun)
            [per_word[0][c]] + [{w} for w in words[1:]],  # head noun + genitive tail
            [{w} for w in words[:-1]] + [per_word[-1][c]],  # only the last word (names)
        ]
        for combo in variants:
            acc = [""]
            for opts in combo:
                acc = [f"{a} {o}".strip() for a in acc for o in sorted(opts)][:16]
            out.update(acc)
    return out


_KK_SUFFIXES = (
    "ның", "нің", "дың", "дің", "тың", "тің", "ға", "ге", "қа", "ке", "на", "не", "да", "де",
    "та", "те", "нда", "нде", "дан", "ден", "тан", "тен", "нан", "нен", "мен", "бен", "пен",
    "ны", "ні", "ды", "ді", "ты", "ті", "н", "дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі",
    "лық", "лік", "дық", "дік", "тық", "тік",
)


def _kk_forms(alias: str) -> set[str]:
    return {alias} | {alias + s for s in _KK_SUFFIXES}


def surface_forms(alias: str, lang: str) -> set[str]:
    """The forms under which an alias may appear in running text of ``lang``."""
    if lang == "ru":
        return _ru_forms(alias)
    if lang == "kk":
        return _kk_forms(alias) | _ru_forms(alias)
    if lang == "en" and alias[:1].isupper() and not alias.endswith("s"):
        return {alias, alias + "'s", alias + "’s"}
    return {alias}
