"""Source profiles: who published a document, from which country, and what kind of source.

The shipped outlet registry (``data/outlets.jsonl``; users add their own files in the same
format) is matched against what the reader found (outlet name, URL) and then against signals
in the text itself: a credit line naming an agency, a "reprinted from" link, a platform
disclaimer. When nothing in the registry matches, the kind is guessed from signals (AI-digest
redirect links, a DOI, a self-media disclaimer) and marked as guessed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from attache.errors import ConfigError
from attache.model import SOURCE_KINDS, Document, SourceProfile
from attache.normalize import boilerplate_lines, fold_query


@dataclass(frozen=True)
class Outlet:
    id: str
    name: str
    variants: tuple[str, ...]
    domains: tuple[str, ...]
    country: str | None
    kind: str

    def profile(self, guessed: bool = False) -> SourceProfile:
        return SourceProfile(name=self.name, kind=self.kind, country=self.country,
                             guessed=guessed)


class OutletRegistry:
    def __init__(self, outlets: Iterable[Outlet]) -> None:
        self.outlets = list(outlets)
        self._by_variant: dict[str, Outlet] = {}
        self._by_domain: dict[str, Outlet] = {}
        for o in self.outlets:
            for v in (o.name, *o.variants):
                self._by_variant.setdefault(fold_query(v).strip(), o)
            for d in o.domains:
                self._by_domain.setdefault(d.lower().lstrip("."), o)
        # Longest variants first so "NetEase Hao" wins over "NetEase".
        self._variants_by_len = sorted(self._by_variant, key=len, reverse=True)

    @classmethod
    def load(cls, extra: Sequence[str | Path] = ()) -> OutletRegistry:
        # (file, line number in that file, line): errors name the user's own line.
        lines: list[tuple[str, int, str]] = []
        shipped = resources.files("attache") / "data" / "outlets.jsonl"
        if shipped.is_file():
            lines.extend(("outlets.jsonl", i, ln) for i, ln in
                         enumerate(shipped.read_text("utf-8").splitlines(), start=1))
        for item in extra:
            p = Path(item)
            files = sorted(p.rglob("*.jsonl")) if p.is_dir() else [p]
            for f in files:
                try:
                    text = f.read_text("utf-8")
                except (OSError, UnicodeDecodeError) as exc:
                    raise ConfigError(f"cannot read outlet file {f}: {exc}") from exc
                lines.extend((str(f), i, ln) for i, ln in enumerate(text.splitlines(), start=1))
        outlets = []
        for name, n, line in lines:
            if not line.strip():
                continue
            try:
                d = json.loads(line)
                kind = d["kind"]
                if kind not in SOURCE_KINDS:
                    raise ValueError(f"kind {kind!r} is not one of {', '.join(SOURCE_KINDS)}")
                outlets.append(Outlet(id=d["id"], name=d["name"],
                                      variants=tuple(d.get("variants", ())),
                                      domains=tuple(d.get("domains", ())),
                                      country=d.get("country"), kind=kind))
            except (ValueError, KeyError, TypeError) as exc:
                raise ConfigError(f"{name}: line {n}: not a valid outlet entry ({exc}); "
                                  f"each line must be a JSON object with id, name, kind") from exc
        # User files come last but must win, so later entries replace earlier ones by id.
        by_id = {o.id: o for o in outlets}
        return cls(by_id.values())

    def by_domain(self, url: str | None) -> Outlet | None:
        if not url:
            return None
        host = (urlsplit(url).hostname or "").lower()
        while host:
            if host in self._by_domain:
                return self._by_domain[host]
            host = host.partition(".")[2]
        return None

    def by_name(self, name: str | None) -> Outlet | None:
        if not name:
            return None
        return self._by_variant.get(fold_query(name).strip())

    def find_in(self, text: str) -> Outlet | None:
        folded = fold_query(text)
        for v in self._variants_by_len:
            if len(v) >= 3 and v in folded:
                return self._by_variant[v]
        return None


@lru_cache(maxsize=1)
def default_registry() -> OutletRegistry:
    return OutletRegistry.load()


_AI_REDIRECT = re.compile(r"vertexaisearch\.cloud\.google\.com|grounding-api-redirect|"
                          r"perplexity\.ai/|chatgpt\.com/|utm_source=chatgpt", re.IGNORECASE)
# A search-engine results page is where a document was found, not who published it.
_SEARCH_URL = re.compile(r"[?&](?:wd|q|query|text|p)=|/search\b|/s\?", re.IGNORECASE)
_DOI = re.compile(r"\bdoi\s*[:：]?\s*10\.\d{4,9}/\S+|\b10\.\d{4,9}/[-._;()/:a-z0-9]+", re.I)
_REPRINT = re.compile(r"转载自|轉載自|来源|來源|source|источник|дереккөз|出典|reprinted from",
                      re.IGNORECASE)
_SELF_MEDIA = re.compile(r"自媒体|自媒體|self-media|social media platform|用户上传|用戶上傳",
                         re.IGNORECASE)


def profile_source(doc: Document, language: str = "und",
                   registry: OutletRegistry | None = None,
                   marks: Sequence[tuple[int, int, str]] | None = None) -> SourceProfile:
    """The source profile of one document; ``guessed`` when no registry entry matched.

    ``marks`` are the document's boilerplate spans when the caller has them already.
    """
    reg = registry or default_registry()
    urls = " ".join(lk.url for lk in doc.links) + " " + (doc.url or "")
    # An AI digest is an AI digest whichever site it was saved from, and its links say so.
    if _AI_REDIRECT.search(urls):
        return SourceProfile(name=doc.outlet or "AI-generated digest", kind="ai-digest",
                             country=None, guessed=True)
    by_domain = None if _SEARCH_URL.search(doc.url or "") else reg.by_domain(doc.url)
    for candidate in (reg.by_name(doc.outlet), by_domain):
        if candidate:
            return candidate.profile()
    if marks is None:
        marks = boilerplate_lines(doc.text, [(lk.start, lk.end) for lk in doc.links])
    # Credit and disclaimer lines name the agency or platform ("Инфографика: Kazinform"); a
    # photo credit often names a government press service, so publishers are preferred.
    found: list[tuple[Outlet, str]] = []
    for s, e, kind in marks:
        if kind in ("credit", "disclaimer", "byline"):
            o = reg.find_in(doc.text[s:e])
            if o:
                found.append((o, kind))
    # A dateline or sign-off in the first or last lines ("（共同社）", "— ТАСС").
    lines = [ln for ln in doc.text.splitlines() if ln.strip()]
    for ln in lines[:3] + lines[-3:]:
        if len(ln) <= 200:
            o = reg.find_in(ln)
            if o:
                found.append((o, "dateline"))
    publishers = ("news-agency", "newspaper", "broadcaster", "self-media", "partisan")
    found.sort(key=lambda t: t[0].kind not in publishers)
    if found:
        o, kind = found[0]
        return o.profile(guessed=kind != "disclaimer")
    head = doc.text[:600]
    for lk in doc.links:
        if lk.start > 600:
            break
        if _REPRINT.search(lk.text) or _REPRINT.search(head[max(0, lk.start - 8):lk.start]):
            o = reg.by_domain(lk.url) or reg.by_name(lk.text)
            if o:
                return o.profile(guessed=True)
    if _AI_REDIRECT.search(doc.text):
        return SourceProfile(name=doc.outlet or "AI-generated digest", kind="ai-digest",
                             country=None, guessed=True)
    if _DOI.search(doc.text[:3000]):
        return SourceProfile(name=doc.outlet or "academic paper", kind="academic",
                             country=None, guessed=True)
    if any(_SELF_MEDIA.search(doc.text[s:e]) for s, e, k in marks if k == "disclaimer"):
        return SourceProfile(name=doc.outlet or "self-media account", kind="self-media",
                             country=None, guessed=True)
    name = doc.outlet or (urlsplit(doc.url).hostname if doc.url else None) or "unknown source"
    return SourceProfile(name=name, kind="other", country=None, guessed=True)
