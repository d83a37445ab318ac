#!/usr/bin/env python3
"""Validate the shipped knowledge base (attache/data/kb/*.jsonl) and outlet registry.

Usage: python scripts/check_kb.py [--gold PATH]   (exit status 1 on any error)

Checks: JSON per line, required keys, unique ids across curated files, id slug syntax, valid
types and kinds, language keys, non-empty alias lists of non-empty strings, the canonical name
among the English aliases, former names also present in aliases, role shape, ISO-like country
codes. The generated files (gen-*.jsonl, written by scripts/build_kb.py) may repeat a curated
id: the loader merges them, and the checks on names run on the merged entity.
Coverage: every CLDR territory has an entity with its country code and names in all six
languages; at least MIN_ENTITIES entities; role holders name a known entity; the generated files
are what scripts/build_kb.py builds now; the concept lexicon (attache/data/concepts) has at least
MIN_CONCEPTS concepts, each named in all six languages.
Prints counts per type and per language, and alias collisions between entities (warnings).
With --gold, reports which gold entities (name or each alias_in_text) the KB covers.
"""
from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KB_DIR = ROOT / "attache" / "data" / "kb"
OUTLETS = ROOT / "attache" / "data" / "outlets.jsonl"
LANGS = {"en", "zh-Hans", "zh-Hant", "ru", "ja", "kk"}
TYPES = {"person", "organization", "country", "place", "event_series", "other"}
FILE_TYPES = {"countries": {"country"}, "places": {"place"}, "people": {"person"},
              "organizations": {"organization"}, "series": {"event_series"}, "other": {"other"}}
KINDS = {"news-agency", "newspaper", "broadcaster", "government", "academic", "think-tank",
         "self-media", "partisan", "ai-digest", "aggregator"}
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CC_RE = re.compile(r"^[A-Z]{2}$")
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
REQUIRED = ("id", "name", "type", "aliases", "abbrev", "country", "former_names", "roles", "notes")
CONCEPTS = ROOT / "attache" / "data" / "concepts"
MIN_ENTITIES = 2000
MIN_CONCEPTS = 150
NOT_TERRITORIES = {"XA", "XB", "ZZ", "QO", "EZ", "UN", "EU"}


def load_jsonl(path: Path, errors: list[str]) -> list[dict]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError as exc:
            errors.append(f"{path.name}:{n}: invalid JSON ({exc})")
    return out


def check_kb(errors: list[str], warnings: list[str]) -> list[dict]:
    ents: list[dict] = []
    ids: dict[str, str] = {}
    for path in sorted(KB_DIR.glob("*.jsonl")):
        generated = path.stem.startswith("gen-")
        stem = path.stem.removeprefix("gen-")
        if stem not in FILE_TYPES:
            errors.append(f"{path.name}: unexpected file")
        for rec in load_jsonl(path, errors):
            if generated:
                rec["_generated"] = True
            where = f"{path.name}:{rec.get('id')}"
            for k in REQUIRED:
                if k not in rec:
                    errors.append(f"{where}: missing key {k!r}")
            rid = rec.get("id", "")
            if not isinstance(rid, str) or not ID_RE.match(rid):
                errors.append(f"{where}: bad id")
            if not generated:
                if rid in ids:
                    errors.append(f"{where}: duplicate id (also in {ids[rid]})")
                ids[rid] = path.name
            if rec.get("type") not in TYPES:
                errors.append(f"{where}: bad type {rec.get('type')!r}")
            elif stem in FILE_TYPES and rec["type"] not in FILE_TYPES[stem] and stem != "countries":
                errors.append(f"{where}: type {rec['type']} in {path.name}")
            name = rec.get("name")
            if not isinstance(name, str) or not name.strip():
                errors.append(f"{where}: empty name")
            aliases = rec.get("aliases", {})
            if not isinstance(aliases, dict) or not aliases:
                errors.append(f"{where}: aliases must be a non-empty object")
                aliases = {}
            for lang, lst in aliases.items():
                if lang not in LANGS:
                    errors.append(f"{where}: bad language key {lang!r}")
                if not isinstance(lst, list) or not lst:
                    errors.append(f"{where}: empty alias list for {lang}")
                    continue
                for a in lst:
                    if not isinstance(a, str) or not a.strip() or a != a.strip():
                        errors.append(f"{where}: bad alias {a!r} ({lang})")
                if len(set(lst)) != len(lst):
                    errors.append(f"{where}: duplicate aliases in {lang}")
            if name not in aliases.get("en", []) and not generated:
                errors.append(f"{where}: name not among en aliases")
            ab = rec.get("abbrev", {})
            if not isinstance(ab, dict):
                errors.append(f"{where}: abbrev must be an object")
            else:
                for k, v in ab.items():
                    if k not in ("zh", "ja") or not isinstance(v, list) or not all(isinstance(x, str) and len(x) == 1 for x in v):
                        errors.append(f"{where}: bad abbrev {k}: {v}")
            cc = rec.get("country")
            if cc is not None and not (isinstance(cc, str) and CC_RE.match(cc)):
                errors.append(f"{where}: bad country {cc!r}")
            fn = rec.get("former_names", {})
            if not isinstance(fn, dict):
                errors.append(f"{where}: former_names must be an object")
            else:
                for lang, lst in fn.items():
                    if lang not in LANGS:
                        errors.append(f"{where}: bad former_names language {lang!r}")
                    for a in lst:
                        if a not in aliases.get(lang, []):
                            errors.append(f"{where}: former name {a!r} missing from aliases[{lang}]")
            for role in rec.get("roles", []):
                if not isinstance(role, dict) or not {"role", "of", "start", "end"} <= set(role):
                    errors.append(f"{where}: bad role {role!r}")
                    continue
                for k in ("start", "end"):
                    v = role[k]
                    if v is not None and not (isinstance(v, str) and DATE_RE.match(v)):
                        errors.append(f"{where}: bad role date {v!r}")
                if role["start"] and role["end"] and role["end"] < role["start"]:
                    errors.append(f"{where}: role ends before it starts {role!r}")
            if rec.get("roles") and rec.get("type") != "person":
                warnings.append(f"{where}: roles on a non-person")
            ents.append(rec)
    ents = merge_generated(ents)
    # alias collisions (same surface form, different entities) are warnings: the matcher must
    # disambiguate them or drop them
    owners: dict[tuple[str, str], set[str]] = collections.defaultdict(set)
    for e in ents:
        for lang, lst in e["aliases"].items():
            for a in lst:
                key = "zh" if lang.startswith("zh") else lang
                owners[(key, a.casefold())].add(e["id"])
    for (lang, a), who in sorted(owners.items()):
        if len(who) > 1:
            warnings.append(f"alias collision [{lang}] {a!r}: {sorted(who)}")
    return ents


def merge_generated(ents: list[dict]) -> list[dict]:
    """Generated lines merged into the curated entity with their id, as the loader does."""
    by_id: dict[str, dict] = {}
    for rec in ents:
        old = by_id.get(rec.get("id", ""))
        if old is None:
            by_id[rec.get("id", "")] = {**rec, "aliases": {k: list(v) for k, v in
                                                           rec.get("aliases", {}).items()}}
            continue
        for lang, lst in rec.get("aliases", {}).items():
            old["aliases"][lang] = list(dict.fromkeys(old["aliases"].get(lang, []) + lst))
        old["roles"] = old.get("roles", []) + [r for r in rec.get("roles", [])
                                               if r not in old.get("roles", [])]
    return list(by_id.values())


def check_coverage(ents: list[dict], errors: list[str]) -> None:
    """The knowledge the issue asks for: territories, size, role holders, fresh generated data."""
    if len(ents) < MIN_ENTITIES:
        errors.append(f"only {len(ents)} entities; the knowledge base must hold {MIN_ENTITIES}")
    known = {e["name"].casefold() for e in ents} | {
        a.casefold() for e in ents for a in e["aliases"].get("en", [])}
    for e in ents:
        for role in e.get("roles", []):
            if isinstance(role, dict) and role.get("of") and role["of"].casefold() not in known:
                errors.append(f"{e['id']}: role of unknown entity {role['of']!r}")
    try:
        from babel import Locale
    except ImportError:
        errors.append("babel is not installed: pip install -e '.[kb]' to check CLDR coverage")
        return
    by_code: dict[str, list[dict]] = collections.defaultdict(list)
    for e in ents:
        if e.get("country") and e["type"] in ("country", "place"):
            by_code[e["country"]].append(e)
    for code in sorted(Locale("en").territories):
        if not (len(code) == 2 and code.isalpha()) or code in NOT_TERRITORIES:
            continue
        full = [e for e in by_code.get(code, []) if all(e["aliases"].get(lang) for lang in LANGS)]
        if not full:
            errors.append(f"territory {code}: no entity named in all six languages")
    sys.path.insert(0, str(ROOT / "scripts"))
    import build_kb

    files = build_kb.Builder().render()
    for name, text in sorted(files.items()):
        path = KB_DIR / name
        if not path.is_file() or path.read_text("utf-8") != text:
            errors.append(f"{name}: differs from what scripts/build_kb.py builds; rerun it")


def check_concepts(errors: list[str]) -> list[dict]:
    concepts: list[dict] = []
    seen: set[str] = set()
    for path in sorted(CONCEPTS.glob("*.jsonl")):
        for rec in load_jsonl(path, errors):
            where = f"concepts/{path.name}:{rec.get('id')}"
            cid = rec.get("id", "")
            if not isinstance(cid, str) or not ID_RE.match(cid) or cid in seen:
                errors.append(f"{where}: bad or duplicate id")
            seen.add(cid)
            if rec.get("type") != "concept" or not isinstance(rec.get("name"), str):
                errors.append(f"{where}: needs type 'concept' and a name")
            aliases = rec.get("aliases") or {}
            missing = [lang for lang in sorted(LANGS) if not aliases.get(lang)]
            if missing:
                errors.append(f"{where}: no names in {', '.join(missing)}")
            for lang, lst in aliases.items():
                if lang not in LANGS or not all(isinstance(a, str) and a.strip() == a and a
                                                for a in lst):
                    errors.append(f"{where}: bad aliases for {lang!r}")
            concepts.append(rec)
    if len(concepts) < MIN_CONCEPTS:
        errors.append(f"only {len(concepts)} concepts; the lexicon must hold {MIN_CONCEPTS}")
    return concepts


def check_outlets(errors: list[str]) -> list[dict]:
    recs = load_jsonl(OUTLETS, errors)
    seen = set()
    for r in recs:
        where = f"outlets.jsonl:{r.get('id')}"
        for k in ("id", "name", "variants", "domains", "country", "kind", "languages"):
            if k not in r:
                errors.append(f"{where}: missing key {k!r}")
        if r.get("id") in seen or not ID_RE.match(str(r.get("id"))):
            errors.append(f"{where}: duplicate or bad id")
        seen.add(r.get("id"))
        if r.get("kind") not in KINDS:
            errors.append(f"{where}: bad kind {r.get('kind')!r}")
        if not r.get("variants") or not all(isinstance(v, str) and v.strip() for v in r["variants"]):
            errors.append(f"{where}: empty or bad variants")
        if not all(isinstance(d, str) and d.strip() and " " not in d for d in r.get("domains", [])):
            errors.append(f"{where}: bad domain")
        for lang in r.get("languages", []):
            if lang not in LANGS:
                errors.append(f"{where}: bad language {lang!r}")
        cc = r.get("country")
        if cc is not None and not CC_RE.match(cc):
            errors.append(f"{where}: bad country {cc!r}")
    return recs


def gold_coverage(ents: list[dict], gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    by_name = {e["name"]: e for e in ents}
    all_alias = {}
    for e in ents:
        for lst in e["aliases"].values():
            for a in lst:
                all_alias.setdefault(a, set()).add(e["name"])
    n = name_ok = alias_tot = alias_ok = 0
    misses = []
    for doc in gold:
        for g in doc["entities"]:
            n += 1
            e = by_name.get(g["name"])
            if e is not None:
                name_ok += 1
                if e["type"] != g["type"]:
                    misses.append(f"type mismatch {g['name']}: kb={e['type']} gold={g['type']}")
            flat = {a for lst in e["aliases"].values() for a in lst} if e else set()
            for a in g["aliases_in_text"]:
                alias_tot += 1
                if a in flat:
                    alias_ok += 1
                else:
                    other = all_alias.get(a)
                    misses.append(f"{doc['doc'][:3]} {g['name']!r} alias {a!r} missing"
                                  + (f" (KB has it under {sorted(other)})" if other else "")
                                  + ("" if e else " [no entity]"))
    print(f"gold entities: {n}; canonical name in KB: {name_ok} ({name_ok / n:.1%}); "
          f"aliases_in_text covered: {alias_ok}/{alias_tot} ({alias_ok / alias_tot:.1%})")
    for m in misses:
        print("  MISS", m)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, help="gold file (seeds-gold.json) for a coverage report")
    ap.add_argument("--warnings", action="store_true", help="print alias-collision warnings")
    args = ap.parse_args()
    errors: list[str] = []
    warnings: list[str] = []
    ents = check_kb(errors, warnings)
    check_coverage(ents, errors)
    concepts = check_concepts(errors)
    outlets = check_outlets(errors)
    by_type = collections.Counter(e["type"] for e in ents)
    by_lang = collections.Counter(lang for e in ents for lang in e["aliases"])
    n_alias = collections.Counter(lang for e in ents for lang, lst in e["aliases"].items() for _ in lst)
    print(f"entities: {len(ents)}")
    for t, c in sorted(by_type.items()):
        print(f"  type {t:13s} {c}")
    for lang in sorted(LANGS):
        print(f"  lang {lang:8s} entities {by_lang[lang]:4d}  aliases {n_alias[lang]:5d}")
    print(f"concepts: {len(concepts)}  domains: "
          f"{dict(sorted(collections.Counter(c.get('domain') for c in concepts).items()))}")
    print(f"outlets: {len(outlets)}  kinds: {dict(collections.Counter(o['kind'] for o in outlets))}")
    print(f"warnings: {len(warnings)}")
    if args.warnings:
        for w in warnings:
            print("  WARN", w)
    if args.gold:
        gold_coverage(ents, args.gold)
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
