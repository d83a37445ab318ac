#!/usr/bin/env python3
"""Build the generated part of the knowledge base: attache/data/kb/gen-*.jsonl.

Sources, all offline:

- CLDR (the Unicode Common Locale Data Repository) as shipped in Babel's locale data:
  territory names (``babel.Locale(...).territories``) in zh_Hans_CN, zh_Hant_TW, en, ru, ja and
  kk; exemplar city names of the IANA time zones (``Locale(...).time_zones[zone]["city"]``) with
  the zone-to-territory table (``babel.core.get_global("zone_territories")``).
- ``scripts/kb_sources/officials.psv``: heads of state and government and foreign ministers of
  the region and its partners, 2015-2026, with dates of office; written by us from public
  records.
- ``scripts/kb_sources/organizations.psv``: ministries, agencies, state companies, regional
  organisations and UN bodies; written by us from the organisations' own names.
- Templates (below) for the government, foreign ministry and parliament of every sovereign
  state and for the ministries of the region, filled with the CLDR country names; Russian
  genitives come from the knowledge base's own case rules (``attache.kb``).
- The curated files ``attache/data/kb/{countries,places,people,...}.jsonl``: their ids and
  canonical names are reused, so a generated line that describes a curated entity merges into
  it when the knowledge base loads (entries sharing an id are merged).

Running the script twice gives byte-identical files. Russian and Kazakh case forms are not
written out: ``attache.kb.surface_forms`` generates them by rule when the KB is loaded.

Usage: python scripts/build_kb.py [--check]
  --check   build in memory and exit 1 if the files on disk differ (for CI)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import babel
from babel import Locale
from babel.core import get_global
from opencc import OpenCC

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from attache.kb import KBEntry, KnowledgeBase, _ru_word_cases  # noqa: E402

KB_DIR = ROOT / "attache" / "data" / "kb"
SOURCES = ROOT / "scripts" / "kb_sources"
LOCALES = {"zh-Hans": "zh_Hans_CN", "zh-Hant": "zh_Hant_TW", "en": "en", "ru": "ru", "ja": "ja",
           "kk": "kk"}
LANGS = ("en", "zh-Hans", "zh-Hant", "ru", "ja", "kk")
_S2T = OpenCC("s2t")

# CLDR codes that are no territory (pseudo-locales, unknown region, currency or UN groupings).
NOT_TERRITORIES = {"XA", "XB", "ZZ", "QO", "EZ", "UN", "EU"}
# CLDR macro-regions that the curated KB already knows, by their curated id.
REGIONS = {"142": "asia", "143": "central-asia", "150": "europe", "002": "africa",
           "030": "east-asia", "034": "south-asia", "035": "southeast-asia", "145": "west-asia",
           "151": "eastern-europe", "419": "latin-america"}
CITY_PREFIXES = ("Europe/", "Asia/", "Africa/")
# Elsewhere only capitals and the largest cities, listed by zone.
CITY_ZONES = {
    "America/Mexico_City", "America/Bogota", "America/Lima", "America/Santiago",
    "America/Argentina/Buenos_Aires", "America/Caracas", "America/Havana", "America/Sao_Paulo",
    "America/Chicago", "America/Los_Angeles", "America/Toronto", "America/Vancouver",
    "America/Montevideo", "America/Asuncion", "America/La_Paz", "America/Santo_Domingo",
    "Australia/Sydney", "Australia/Melbourne", "Australia/Perth", "Australia/Brisbane",
    "Australia/Adelaide", "Pacific/Auckland",
}
# Exemplar names that are ordinary words or names of something else in running English.
CITY_EN_SKIP = {"Oral", "Ho Chi Minh", "Büsingen", "Casey", "Center", "Darwin"}
CITY_EN_NAME = {"Asia/Oral": "Uralsk", "Asia/Ho_Chi_Minh": "Ho Chi Minh City",
                "Asia/Yangon": "Yangon", "Asia/Kolkata": "Kolkata", "Europe/Kyiv": "Kyiv",
                "Asia/Qyzylorda": "Kyzylorda", "Asia/Aqtau": "Aktau", "Asia/Aqtobe": "Aktobe",
                "Asia/Qostanay": "Kostanay", "Asia/Atyrau": "Atyrau"}

# Ministry templates: English subject, then the word used in each language after or before the
# country name. The ministry list per country below names only ministries that exist under
# these names.
MINISTRIES: dict[str, dict[str, list[str]]] = {
    "defence": {"en": ["Ministry of Defence"], "zh": ["国防部"], "ja": ["国防省"],
                "ru": ["Министерство обороны", "Минобороны"], "kk": ["Қорғаныс министрлігі"]},
    "finance": {"en": ["Ministry of Finance"], "zh": ["财政部"], "ja": ["財務省"],
                "ru": ["Министерство финансов", "Минфин"], "kk": ["Қаржы министрлігі"]},
    "energy": {"en": ["Ministry of Energy"], "zh": ["能源部"], "ja": ["エネルギー省"],
               "ru": ["Министерство энергетики", "Минэнерго"], "kk": ["Энергетика министрлігі"]},
    "interior": {"en": ["Ministry of Internal Affairs"], "zh": ["内务部"], "ja": ["内務省"],
                 "ru": ["Министерство внутренних дел", "МВД"], "kk": ["Ішкі істер министрлігі"]},
    "justice": {"en": ["Ministry of Justice"], "zh": ["司法部"], "ja": ["法務省"],
                "ru": ["Министерство юстиции", "Минюст"], "kk": ["Әділет министрлігі"]},
    "health": {"en": ["Ministry of Health"], "zh": ["卫生部"], "ja": ["保健省"],
               "ru": ["Министерство здравоохранения", "Минздрав"],
               "kk": ["Денсаулық сақтау министрлігі"]},
    "agriculture": {"en": ["Ministry of Agriculture"], "zh": ["农业部"], "ja": ["農業省"],
                    "ru": ["Министерство сельского хозяйства", "Минсельхоз"],
                    "kk": ["Ауыл шаруашылығы министрлігі"]},
    "transport": {"en": ["Ministry of Transport"], "zh": ["交通部"], "ja": ["運輸省"],
                  "ru": ["Министерство транспорта", "Минтранс"], "kk": ["Көлік министрлігі"]},
    "emergency": {"en": ["Ministry of Emergency Situations"], "zh": ["紧急情况部"],
                  "ja": ["非常事態省"], "ru": ["Министерство по чрезвычайным ситуациям", "МЧС"],
                  "kk": ["Төтенше жағдайлар министрлігі"]},
    "education": {"en": ["Ministry of Education"], "zh": ["教育部"], "ja": ["教育省"],
                  "ru": ["Министерство образования"], "kk": ["Білім министрлігі"]},
}
MINISTRIES_BY_COUNTRY = {
    "KZ": "defence finance energy interior justice health agriculture transport emergency",
    "UZ": "defence energy interior justice health agriculture transport emergency",
    "KG": "defence finance energy interior justice health agriculture transport emergency "
          "education",
    "TJ": "defence finance interior justice agriculture transport",
    "TM": "defence energy interior justice",
    "RU": "defence finance energy interior justice health agriculture transport emergency",
    "CN": "defence finance justice education",
    "MN": "defence finance energy justice health",
    "AZ": "defence finance energy interior justice health agriculture transport emergency "
          "education",
    "GE": "defence finance justice health agriculture education",
    "AM": "defence finance justice health emergency education",
    "BY": "defence finance energy interior justice health agriculture transport emergency "
          "education",
    "UA": "defence finance energy interior justice health",
    "TR": "defence justice health agriculture",
    "IR": "defence energy justice health",
    "PK": "defence finance energy interior health",
    "AF": "defence finance interior justice health agriculture education",
    "IN": "defence finance health education",
    "KR": "defence justice education",
    "DE": "defence finance interior justice health agriculture transport",
    "FR": "defence justice health agriculture transport",
    "IT": "defence justice health",
    "GB": "defence justice",
}
# Bodies that exist under other names (the curated KB lists them): no template for these.
NO_TEMPLATE = {"foreign": {"US"}, "parliament": {"CN", "JP", "US", "KR", "KP", "VA", "RU"},
               "government": set(), "defence": {"US", "JP", "VA"}}


def slug(text: str) -> str:
    from anyascii import anyascii

    return re.sub(r"[^a-z0-9]+", "-", anyascii(text).lower()).strip("-")


def read_psv(path: Path, columns: int) -> list[list[str]]:
    rows = []
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("|")]
        if len(cols) != columns:
            raise SystemExit(f"{path.name}:{n}: expected {columns} columns, found {len(cols)}")
        rows.append(cols)
    return rows


def split(cell: str) -> list[str]:
    return [c.strip() for c in cell.split(";") if c.strip()]


def record(id_: str, name: str, typ: str, aliases: dict[str, list[str]], country: str | None,
           roles: list[dict[str, Any]] | None = None, notes: str = "") -> dict[str, Any]:
    clean = {lang: list(dict.fromkeys(a for a in aliases.get(lang, []) if a))
             for lang in LANGS}
    return {"id": id_, "name": name, "type": typ,
            "aliases": {k: v for k, v in clean.items() if v}, "abbrev": {}, "country": country,
            "former_names": {}, "roles": roles or [], "notes": notes}


class Builder:
    def __init__(self) -> None:
        files = [p for p in sorted(KB_DIR.glob("*.jsonl")) if not p.name.startswith("gen-")]
        self.kb = KnowledgeBase.load(files, shipped=False)
        self.locales = {lang: Locale.parse(code) for lang, code in LOCALES.items()}
        self.out: dict[str, dict[str, dict[str, Any]]] = {
            "countries": {}, "places": {}, "people": {}, "organizations": {}}
        self.by_code = {e.country: e for e in self.kb.entries()
                        if e.type in ("country", "place") and e.country
                        and (e.type == "country" or e.country not in self._countries())}
        self.alias_owner: dict[str, str] = {}
        for e in self.kb.entries():
            for _, a in e.all_aliases():
                self.alias_owner.setdefault(a.casefold(), e.id)

    def _countries(self) -> set[str]:
        return {e.country for e in self.kb.entries() if e.type == "country" and e.country}

    # --- helpers ------------------------------------------------------------------------
    def existing(self, *names: str) -> KBEntry | None:
        for n in names:
            if n:
                hit = self.kb.get(n) or self.kb.by_name(n)
                if hit is not None:
                    return hit
        return None

    def free(self, alias: str, owner: str) -> bool:
        """An alias may be added unless it already names another entity."""
        other = self.alias_owner.get(alias.casefold())
        return other is None or other == owner

    def add(self, part: str, rec: dict[str, Any]) -> None:
        rid = rec["id"]
        rec["aliases"] = {lang: [a for a in names if self.free(a, rid)]
                          for lang, names in rec["aliases"].items()}
        rec["aliases"] = {k: v for k, v in rec["aliases"].items() if v}
        if not rec["aliases"] and not rec["roles"]:
            return
        old = self.out[part].get(rid)
        if old:
            for lang, names in rec["aliases"].items():
                old["aliases"][lang] = list(dict.fromkeys(old["aliases"].get(lang, []) + names))
            old["roles"] += [r for r in rec["roles"] if r not in old["roles"]]
        else:
            self.out[part][rid] = rec
        for names in rec["aliases"].values():
            for a in names:
                self.alias_owner.setdefault(a.casefold(), rid)

    def cldr_names(self, code: str, strict: bool = True) -> dict[str, list[str]]:
        """CLDR's name of a territory per language. Strict: only plain names (no "(Burma)",
        no "Congo - Kinshasa"), as templates need; otherwise the name as CLDR writes it plus,
        where it is still unambiguous, the name without its parenthesis."""
        out: dict[str, list[str]] = {}
        for lang, loc in self.locales.items():
            name = loc.territories.get(code)
            if not name:
                continue
            name = name.replace(" & ", " and ")
            plain = not re.search(r"[()（）]| - ", name)
            if strict:
                if plain:
                    out[lang] = [name]
                continue
            names = [name.replace(" - ", "-")]
            short = re.sub(r"\s*[(（][^()（）]*[)）]", "", name).strip()
            if short and short != name and self.alias_owner.get(short.casefold()) in (
                    None, self._owner_of(code)):
                names.append(short)
            out[lang] = names
        return out

    def _owner_of(self, code: str) -> str | None:
        hit = self.by_code.get(code)
        return hit.id if hit is not None else None

    # --- countries and territories --------------------------------------------------------
    def countries(self) -> None:
        for code in sorted(self.locales["en"].territories):
            if code in NOT_TERRITORIES:
                continue
            if code in REGIONS:
                names = self.cldr_names(code)
                entry = self.kb.get(REGIONS[code])
                if entry is not None:
                    self.add("countries", record(entry.id, entry.name, entry.type, names,
                                                 entry.country, notes="names: CLDR"))
                continue
            names = self.cldr_names(code, strict=False)
            if not code.isalpha() or "en" not in names:
                continue
            en = names["en"][-1]
            entry = self.by_code.get(code) or self.existing(en)
            if entry is not None and entry.type not in ("country", "place"):
                entry = None
            if entry is None:
                rec = record(slug(en), en, "place", names, code,
                             notes="territory; names: CLDR")
            else:
                rec = record(entry.id, entry.name, entry.type, names, entry.country or code,
                             notes="names: CLDR")
            self.add("countries", rec)

    # --- cities ---------------------------------------------------------------------------
    def cities(self) -> None:
        zones: dict[str, str] = get_global("zone_territories")
        territory_names = {n.casefold() for loc in self.locales.values()
                           for n in loc.territories.values()}
        for zone in sorted(zones):
            if not (zone.startswith(CITY_PREFIXES) or zone in CITY_ZONES):
                continue
            names: dict[str, list[str]] = {}
            for lang, loc in self.locales.items():
                city = (loc.time_zones.get(zone) or {}).get("city")
                if lang == "en":
                    city = CITY_EN_NAME.get(zone) or city or zone.rsplit("/", 1)[-1].replace(
                        "_", " ")
                if not city or city.casefold() in territory_names or city in CITY_EN_SKIP:
                    continue
                if re.search(r"[\u3040-\u30ff]", city) and len(city) < 3:
                    continue  # two kana match inside longer katakana words
                if re.fullmatch(r"[\u4e00-\u9fff]{1,2}", city) and not self._han_place(city):
                    continue
                names[lang] = [city]
            if "en" not in names:
                continue
            entry = self.existing(names["en"][0], *(v[0] for v in names.values()))
            if entry is not None and entry.type != "place":
                continue
            code = zones[zone]
            if entry is None:
                rec = record(slug(names["en"][0]), names["en"][0], "place", names, code,
                             notes=f"city; names: CLDR exemplar city of {zone}")
            else:
                rec = record(entry.id, entry.name, "place", names, entry.country or code,
                             notes="names: CLDR")
            self.add("places", rec)

    _JIEBA: dict[str, str] | None = None

    def _han_place(self, word: str) -> bool:
        """A two-character Han name is kept only if jieba's dictionary does not know it as
        an ordinary word (万象 is 'everything' before it is Vientiane)."""
        if Builder._JIEBA is None:
            import jieba

            path = Path(jieba.__file__).parent / "dict.txt"
            table = {}
            for line in path.read_text("utf-8").splitlines():
                parts = line.split(" ")
                if len(parts) == 3:
                    table[parts[0]] = parts[2]
            Builder._JIEBA = table
        tag = Builder._JIEBA.get(word)
        return tag is None or tag.startswith("ns")

    def hand_places(self) -> None:
        for name, more, zh, ru, ja, kk, code in read_psv(SOURCES / "places.psv", 7):
            typ = "organization" if name == "Taliban" else "place"
            entry = self.existing(name, *split(more))
            if entry is not None and entry.type != typ:
                entry = None
            zh_names = split(zh)
            aliases = {"en": [name] + split(more), "zh-Hans": zh_names,
                       "zh-Hant": [_S2T.convert(z) for z in zh_names], "ru": split(ru),
                       "ja": split(ja), "kk": split(kk) or split(ru)}
            rid = entry.id if entry is not None else slug(name)
            part = "organizations" if typ == "organization" else "places"
            self.add(part, record(rid, entry.name if entry else name, typ, aliases, code or None,
                                  notes="source: places.psv"))

    # --- people ---------------------------------------------------------------------------
    def people(self) -> None:
        for name, more, zh, ru, ja, kk, code, roles in read_psv(SOURCES / "officials.psv", 8):
            entry = self.existing(name)
            if entry is not None and entry.type != "person":
                raise SystemExit(f"officials.psv: {name} names a {entry.type} already")
            zh_names = split(zh)
            # Kazakh writes foreign names as Russian does; surnames alone are left to Russian.
            aliases = {"en": [name] + split(more), "zh-Hans": zh_names,
                       "zh-Hant": [_S2T.convert(z) for z in zh_names], "ru": split(ru),
                       "ja": split(ja), "kk": split(kk) or [n for n in split(ru) if " " in n]}
            parsed = []
            for spec in split(roles):
                role, of, start, end = (spec.split("@") + ["", "", ""])[:4]
                if self.existing(of) is None:
                    raise SystemExit(f"officials.psv: {name}: unknown 'of' {of!r}")
                parsed.append({"role": role, "of": of, "start": start or None,
                               "end": end or None})
            rid = entry.id if entry is not None else slug(name)
            self.add("people", record(rid, entry.name if entry else name, "person", aliases,
                                      code or None, parsed, notes="source: officials.psv"))

    # --- organisations --------------------------------------------------------------------
    def organizations(self) -> None:
        for name, more, zh, ru, ja, kk, code in read_psv(SOURCES / "organizations.psv", 7):
            entry = self.existing(name, *split(more))
            zh_names = split(zh)
            aliases = {"en": [name] + split(more), "zh-Hans": zh_names,
                       "zh-Hant": [_S2T.convert(z) for z in zh_names], "ru": split(ru),
                       "ja": split(ja), "kk": split(kk)}
            rid = entry.id if entry is not None else slug(name)
            self.add("organizations", record(rid, entry.name if entry else name,
                                             "organization", aliases, code or None,
                                             notes="source: organizations.psv"))
        for country in sorted((e for e in self.kb.entries() if e.type == "country"),
                              key=lambda e: e.id):
            if not country.country:
                continue
            names = self.cldr_names(country.country)
            if len(names) < 6:
                continue
            self._templates(country, {k: v[0] for k, v in names.items()})

    def _templates(self, country: KBEntry, names: dict[str, str]) -> None:
        code = country.country or ""
        gen = ru_genitive(names["ru"])
        zh, zht, ja, kk = names["zh-Hans"], names["zh-Hant"], names["ja"], names["kk"]
        bodies: list[tuple[str, str, dict[str, list[str]]]] = []
        if code not in NO_TEMPLATE["government"]:
            bodies.append(("government", f"Government of {country.name}", {
                "zh-Hans": [zh + "政府"], "zh-Hant": [zht + "政府"], "ja": [ja + "政府"],
                "ru": [f"Правительство {gen}"] if gen else [], "kk": [f"{kk} Үкіметі"]}))
        if code not in NO_TEMPLATE["foreign"]:
            bodies.append(("foreign", f"Ministry of Foreign Affairs of {country.name}", {
                "zh-Hans": [zh + "外交部"], "zh-Hant": [zht + "外交部"], "ja": [ja + "外務省"],
                "en": [f"Foreign Ministry of {country.name}", f"{country.name} Foreign Ministry"],
                "ru": [f"МИД {gen}", f"Министерство иностранных дел {gen}"] if gen else [],
                "kk": [f"{kk} Сыртқы істер министрлігі"]}))
        if code not in NO_TEMPLATE["parliament"]:
            bodies.append(("parliament", f"Parliament of {country.name}", {
                "zh-Hans": [zh + "议会"], "zh-Hant": [zht + "議會"], "ja": [ja + "議会"],
                "ru": [f"Парламент {gen}"] if gen else [], "kk": [f"{kk} Парламенті"]}))
        kinds = MINISTRIES_BY_COUNTRY.get(code, "").split()
        # Every state's defence ministry is written the same way in all six languages' press
        # (国防部, 国防省, Министерство обороны); the few named otherwise are curated.
        if "defence" not in kinds and code not in NO_TEMPLATE["defence"]:
            kinds.insert(0, "defence")
        for kind in kinds:
            t = MINISTRIES[kind]
            bodies.append((kind, f"{t['en'][0]} of {country.name}", {
                "zh-Hans": [zh + w for w in t["zh"]],
                "zh-Hant": [_S2T.convert(zht + w) for w in t["zh"]],
                "ja": [ja + w for w in t["ja"]],
                "ru": [f"{w} {gen}" for w in t["ru"]] if gen else [],
                "kk": [f"{kk} {w}" for w in t["kk"]]}))
        for _kind, en, aliases in bodies:
            entry = self.existing(en)
            if entry is not None and entry.type != "organization":
                continue
            aliases["en"] = [en, *aliases.get("en", [])]
            rid = entry.id if entry is not None else slug(en)
            self.add("organizations", record(rid, entry.name if entry else en, "organization",
                                             aliases, code, notes="names: template + CLDR"))

    # --- output ---------------------------------------------------------------------------
    def render(self) -> dict[str, str]:
        self.countries()
        self.cities()
        self.hand_places()
        self.people()
        self.organizations()
        files = {}
        for part, recs in self.out.items():
            lines = [json.dumps(recs[k], ensure_ascii=False, sort_keys=False)
                     for k in sorted(recs)]
            header = (f"// Generated by scripts/build_kb.py from CLDR (Babel {babel.__version__})"
                      " and scripts/kb_sources; do not edit by hand.")
            files[f"gen-{part}.jsonl"] = "\n".join([header, *lines]) + "\n"
        return files


def ru_genitive(name: str) -> str | None:
    """The genitive of a Russian country name when the case rules give one answer."""
    words = name.split(" ")
    out = []
    for w in words:
        forms = _ru_word_cases(w)[1]
        if len(forms) != 1:
            return None
        out.append(next(iter(forms)))
    return " ".join(out)


def counts(files: dict[str, str]) -> Iterable[str]:
    for name, text in sorted(files.items()):
        yield f"{name}: {sum(1 for ln in text.splitlines() if ln.startswith('{'))} lines"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true",
                    help="exit 1 when the files on disk differ from a fresh build")
    args = ap.parse_args(argv)
    files = Builder().render()
    stale = [n for n, text in files.items()
             if not (KB_DIR / n).is_file() or (KB_DIR / n).read_text("utf-8") != text]
    for line in counts(files):
        print(line)
    if args.check:
        if stale:
            print("out of date: " + ", ".join(stale) + " (run scripts/build_kb.py)")
            return 1
        return 0
    for n, text in files.items():
        (KB_DIR / n).write_text(text, "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
