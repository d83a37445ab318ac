"""FollowTheMoney entities as JSON lines, the format Aleph imports (``ftm import``).

Documents become ``Article`` entities; people ``Person``, organisations ``Organization``,
countries ``Territory``; each (document, entity, surface form) becomes a ``Mention`` that
points at both. Every entity is built and validated with the ``followthemoney`` package, and
ids are hashes of attache's own ids, so exporting the same store twice gives the same ids.
Places, event series and other entity types are left out: FtM has no schema that means them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from attache.browse import table_rows
from attache.errors import ConfigError, StoreError

if TYPE_CHECKING:
    from attache.facade import Base

SCHEMAS = {"person": "Person", "organization": "Organization", "country": "Territory"}
LANGUAGES = {"zh-Hans": "zho", "zh-Hant": "zho", "en": "eng", "ru": "rus", "ja": "jpn",
             "kk": "kaz"}


def _model() -> Any:
    try:
        from followthemoney import model
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise ConfigError("the FollowTheMoney export needs the followthemoney package: "
                          "pip install 'attache[ftm]'") from exc
    return model


def _checked(proxy: Any) -> dict[str, Any]:
    from followthemoney.exc import InvalidData

    data: dict[str, Any] = proxy.to_dict()
    try:
        proxy.schema.validate(data)
    except InvalidData as exc:
        raise StoreError(f"FollowTheMoney refused the {proxy.schema.name} {proxy.id}: "
                         f"{exc}") from exc
    missing = [p for p in proxy.schema.required if not data["properties"].get(p)]
    if missing:
        raise StoreError(f"FollowTheMoney {proxy.schema.name} {proxy.id} lacks "
                         f"{', '.join(sorted(missing))}")
    return data


def write_ftm(eb: Base, out: Path) -> int:
    """Write every exported entity to ``out``; returns how many were written."""
    model = _model()
    n = 0
    doc_ids: dict[str, str] = {}
    ent_ids: dict[str, tuple[str, str]] = {}
    try:
        fh = out.open("w", encoding="utf-8")
    except OSError as exc:
        raise StoreError(f"cannot write {out}: {exc.strerror}") from exc
    with fh:
        def emit(proxy: Any) -> None:
            nonlocal n
            fh.write(json.dumps(_checked(proxy), ensure_ascii=False, sort_keys=True) + "\n")
            n += 1

        for d in table_rows(eb.store, "documents"):
            p = model.make_entity("Article")
            p.make_id("attache", "document", d["id"])
            p.add("title", d["title"] or d["location"])
            p.add("fileName", d["location"].rsplit("/", 1)[-1])
            if d["published"]:
                p.add("publishedAt", d["published"])
            if d["language"] in LANGUAGES:
                p.add("language", LANGUAGES[d["language"]])
            if d["url"]:
                p.add("sourceUrl", d["url"])
            if d["source"] or d["outlet"]:
                p.add("publisher", d["source"] or d["outlet"])
            if d["source_country"]:
                p.add("country", d["source_country"].lower())
            p.add("bodyText", d["text"])
            p.add("contentHash", d["id"])
            doc_ids[d["id"]] = p.id
            emit(p)
        for e in table_rows(eb.store, "entities"):
            schema = SCHEMAS.get(e["type"])
            if schema is None or not e["mentions"]:
                continue
            p = model.make_entity(schema)
            p.make_id("attache", "entity", e["id"])
            p.add("name", e["name"])
            entry = eb.kb.get(e["id"]) or (eb.kb.by_name(e["name"]) if e["linked"] else None)
            if entry is not None:
                p.add("alias", sorted({a for _lang, a in entry.all_aliases()} - {e["name"]}))
                if entry.country:
                    p.add("country", entry.country.lower())
            ent_ids[e["id"]] = (p.id, schema)
            emit(p)
        seen: set[tuple[str, str, str]] = set()
        for m in table_rows(eb.store, "mentions"):
            target = ent_ids.get(m["entity_id"])
            doc = doc_ids.get(m["doc_id"])
            key = (m["doc_id"], m["entity_id"], m["text"])
            if target is None or doc is None or key in seen:
                continue
            seen.add(key)
            p = model.make_entity("Mention")
            p.make_id("attache", "mention", *key)
            p.add("document", doc)
            p.add("resolved", target[0])
            p.add("name", m["text"])
            p.add("detectedSchema", target[1])
            emit(p)
    return n
