"""What one watched source holds that the store does not: feeds, news sitemaps, pages, folders.

Collecting only reads (the network, the disk, the item table); storing is done by the caller on
one thread, so the store keeps a single writer. An item is an address (URL or path) and a hash
of what it held; an item already recorded is neither fetched nor read again.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from attache.errors import AttacheError, EmptyDocument, InputError, UnsupportedInput
from attache.ingest import expand_inputs
from attache.model import Document
from attache.readers import read_bytes, read_path, sniff_format
from attache.watch.config import Source
from attache.watch.polite import Fetched, PoliteClient

Seen = Callable[[Iterable[str]], dict[str, set[str]]]
Stored = Callable[[str], bool]  # is this URL already a stored document's location?


def _nowhere(_url: str) -> bool:
    return False
MAX_CHILD_SITEMAPS = 20


@dataclass(frozen=True)
class Item:
    address: str
    content_hash: str
    documents: tuple[Document, ...]


@dataclass
class Collected:
    """What a source brought in one pass, with the validators to keep for the next one."""

    items: list[Item] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (address, reason) per item
    not_modified: bool = False
    unchanged: int = 0  # items already stored
    etag: str | None = None
    last_modified: str | None = None


def content_hash(*parts: str | bytes) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(p.encode("utf-8") if isinstance(p, str) else p)
        h.update(b"\x00")
    return h.hexdigest()


def _mark(doc: Document, source: Source, outlet: str | None) -> Document:
    meta = list(doc.meta) + [("watch_source", source.name)]
    if source.language:
        meta.append(("language_hint", source.language))
    return dataclasses.replace(doc, outlet=outlet or doc.outlet, meta=tuple(meta))


def _read(f: Fetched, location: str) -> list[Document]:
    return read_bytes(f.body, location=location, content_type=f.content_type, url=f.url,
                      http_date=f.last_modified)


def _conditional_get(source: Source, client: PoliteClient, out: Collected,
                     etag: str | None, last_modified: str | None) -> Fetched | None:
    """The source's address asked with its validators; None when it has not changed."""
    f = client.get(source.address, etag=etag, last_modified=last_modified)
    out.etag, out.last_modified = f.etag, f.last_modified
    if f.not_modified:
        out.not_modified = True
        return None
    return f


T = TypeVar("T")


def _unseen(keyed: Sequence[tuple[str, str, T]], seen: Seen, out: Collected, items: list[Item],
            max_items: int) -> Iterator[tuple[str, str, T, bool]]:
    """The (address, content hash) entries not recorded before, until ``items`` is full; each
    with whether its address was recorded before (with other content)."""
    known = seen(a for a, _h, _p in keyed)
    for address, h, payload in keyed:
        if h in known.get(address, ()):
            out.unchanged += 1
            continue
        if len(items) >= max_items:
            break
        yield address, h, payload, address in known


def _feed(source: Source, client: PoliteClient, seen: Seen, out: Collected,
          etag: str | None, last_modified: str | None, max_items: int,
          stored: Stored = _nowhere) -> list[Item]:
    f = _conditional_get(source, client, out, etag, last_modified)
    if f is None:
        return []
    fmt = sniff_format(f.body, f.url, f.content_type)
    if fmt != "feed":
        raise UnsupportedInput(source.address, f"not an RSS or Atom feed (the server sent "
                               f"{fmt}); check the URL, or watch it as kind = \"page\"")
    try:
        docs = _read(f, source.address)
    except EmptyDocument:
        return []
    keyed = []
    for n, d in enumerate(docs):
        guid = dict(d.meta).get("guid") or str(n)
        keyed.append((d.url or f"{source.address}#{guid}",
                      content_hash(d.title or "", d.text), d))
    items: list[Item] = []
    for address, h, d, known in _unseen(keyed, seen, out, items, max_items):
        page: list[Document] = [d]
        if source.follow_links and d.url and not known and stored(d.url):
            # Ingested before by other means: recorded, not fetched again.
            out.unchanged += 1
            items.append(Item(address, h, ()))
            continue
        if source.follow_links and d.url:
            try:
                client.allowed(d.url)
                page = _read(client.get(d.url), d.url) or [d]
            except InputError as exc:
                # The summary stands in for a page that cannot be had; the reason is reported.
                out.errors.append((exc.source, exc.reason))
        items.append(Item(address, h, tuple(page)))
    return items


def _xml_root(data: bytes, where: str) -> object:
    from lxml import etree

    # No entities, no network, no huge trees: a sitemap is other people's XML.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                             load_dtd=False)
    try:
        return etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise UnsupportedInput(where, f"not a sitemap: the XML does not parse ({exc})") from exc


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1]


def _sitemap_entries(data: bytes, where: str) -> tuple[str, list[tuple[str, str, str | None]]]:
    """('urlset' or 'sitemapindex', [(loc, change marker, news title)])."""
    root = _xml_root(data, where)
    kind = _local(getattr(root, "tag", ""))
    if kind not in ("urlset", "sitemapindex"):
        raise UnsupportedInput(where, f"not a sitemap: the root element is <{kind}>, not "
                               "<urlset> or <sitemapindex>")
    entries = []
    for node in root:  # type: ignore[attr-defined]
        fields: dict[str, str] = {}
        for el in node.iter():
            name = _local(el.tag)
            if name in ("loc", "lastmod", "publication_date", "title") and el.text:
                fields.setdefault(name, el.text.strip())
        if fields.get("loc"):
            marker = fields.get("lastmod") or fields.get("publication_date") or ""
            entries.append((fields["loc"], marker, fields.get("title")))
    return kind, entries


def _sitemap(source: Source, client: PoliteClient, seen: Seen, out: Collected,
             etag: str | None, last_modified: str | None, max_items: int,
             stored: Stored = _nowhere) -> list[Item]:
    f = _conditional_get(source, client, out, etag, last_modified)
    if f is None:
        return []
    kind, entries = _sitemap_entries(f.body, source.address)
    if kind == "sitemapindex":
        children, entries = entries[:MAX_CHILD_SITEMAPS], []
        for loc, _m, _t in children:
            try:
                entries += _sitemap_entries(client.get(loc).body, loc)[1]
            except InputError as exc:
                out.errors.append((exc.source, exc.reason))
    keyed = [(loc, content_hash("sitemap", marker), title) for loc, marker, title in entries]
    items: list[Item] = []
    for loc, h, title, known in _unseen(keyed, seen, out, items, max_items):
        if not known and stored(loc):
            out.unchanged += 1  # ingested before by other means: recorded, not fetched
            items.append(Item(loc, h, ()))
            continue
        try:
            docs = _read(client.get(loc), loc)
        except InputError as exc:
            out.errors.append((exc.source, exc.reason))
            continue
        items.append(Item(loc, h, tuple(
            dataclasses.replace(d, title=d.title or title) for d in docs)))
    return items


def _page(source: Source, client: PoliteClient, seen: Seen, out: Collected,
          etag: str | None, last_modified: str | None) -> list[Item]:
    f = _conditional_get(source, client, out, etag, last_modified)
    if f is None:
        return []
    docs = _read(f, source.address)
    h = content_hash(*(d.text for d in docs))
    if h in seen([source.address]).get(source.address, ()):
        out.unchanged += 1
        return []
    return [Item(source.address, h, tuple(docs))]


def _folder(source: Source, seen: Seen, out: Collected, max_bytes: int) -> list[Item]:
    if not Path(source.address).is_dir():
        raise InputError(source.address, "the watched folder does not exist; create it or "
                         "fix its path in the configuration")
    files = [p for p, _named in expand_inputs([source.address])]
    hashes: list[tuple[str, str]] = []
    for path in files:
        try:
            data = Path(path).read_bytes()[:max_bytes + 1]
        except OSError as exc:
            out.errors.append((path, exc.strerror or str(exc)))
            continue
        hashes.append((path, content_hash(data)))
    known = seen(p for p, _h in hashes)
    items = []
    for path, h in hashes:
        if h in known.get(path, ()):
            out.unchanged += 1
            continue
        try:
            items.append(Item(path, h, tuple(read_path(path, max_bytes=max_bytes))))
        except InputError as exc:
            out.errors.append((exc.source, exc.reason))
    return items


def collect(source: Source, client: PoliteClient, seen: Seen, *, outlet: str | None,
            etag: str | None = None, last_modified: str | None = None,
            stored: Stored = _nowhere) -> Collected:
    """Everything new at ``source``; raises :class:`AttacheError` when the source itself fails.

    ``stored`` tells whether a page URL is already in the store (ingested by hand, or by
    another source): such a page is recorded as an item without being fetched.
    """
    out = Collected(etag=etag, last_modified=last_modified)
    pol = client.policy
    if source.kind == "feed":
        items = _feed(source, client, seen, out, etag, last_modified, pol.max_items, stored)
    elif source.kind == "sitemap":
        items = _sitemap(source, client, seen, out, etag, last_modified, pol.max_items,
                         stored)
    elif source.kind == "page":
        items = _page(source, client, seen, out, etag, last_modified)
    elif source.kind == "folder":
        items = _folder(source, seen, out, pol.max_bytes)
    else:  # the configuration refuses other kinds; this guards direct API use
        raise AttacheError(f"unknown source kind {source.kind!r}")
    out.items = [Item(i.address, i.content_hash, tuple(_mark(d, source, outlet)
                                                       for d in i.documents))
                 for i in items]
    return out
