"""RSS and Atom feeds, parsed by feedparser from bytes: one Document per item.

feedparser is only ever given bytes: given a string it may treat it as a URL or a path and go
fetching. Its parsed dates are not used: it silently reads ``2025年12月18日 10:30`` as
2025-11-01, so each item's raw ``published``/``updated`` string goes through
:func:`~attache.dates.parse_date` instead (source ``feed``).
"""

from __future__ import annotations

import re
import warnings
from typing import Any

import feedparser

from attache.dates import parse_date
from attache.errors import DecodeError, EmptyDocument, UnsupportedInput
from attache.model import Document, PublishedDate
from attache.readers.html import fragment_text


def _item_text(entry: Any) -> str:
    for content in entry.get("content") or []:
        value = content.get("value") or ""
        if value.strip():
            return _as_text(value, content.get("type"))
    detail = entry.get("summary_detail") or {}
    summary = entry.get("summary") or entry.get("description") or ""
    return _as_text(summary, detail.get("type") if isinstance(detail, dict) else None)


def _as_text(value: str, content_type: str | None) -> str:
    if content_type == "text/plain" and "<" not in value:
        return value.strip()
    return fragment_text(value)


def _raw_date(entry: Any) -> str | None:
    for key in ("published", "updated", "created", "dc_date", "date"):
        value = entry.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return None


_ROOT = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>]", re.IGNORECASE)
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)


def read_feed(data: bytes, *, location: str, charset: str | None = None) -> list[Document]:
    """Read an RSS or Atom feed; each item with text becomes a Document."""
    root = _ROOT.search(data)
    if _ENTITY_DECL.search(data, 0, root.start() if root else len(data)):
        # Declared entities can expand to gigabytes ("billion laughs") or read local files;
        # no real feed needs them.
        raise UnsupportedInput(location, "the feed declares XML entities (<!ENTITY> in its "
                               "DOCTYPE), which attache refuses because they can expand without "
                               "bound; remove the DOCTYPE if the feed is yours")
    headers = {"content-type": f"application/xml; charset={charset}"} if charset else None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = feedparser.parse(data, response_headers=headers)
    except (ValueError, TypeError, AttributeError, LookupError) as exc:
        raise DecodeError(location, f"feedparser could not read the feed ({exc})") from exc
    entries = list(parsed.get("entries") or [])
    feed = parsed.get("feed") or {}
    if not entries and (parsed.get("bozo") or not parsed.get("version")):
        reason = parsed.get("bozo_exception") or "no <rss>, <feed> or <rdf:RDF> root element"
        raise UnsupportedInput(location, f"not an RSS or Atom feed: {reason}; check the URL or "
                               "file (is it an HTML page?)")
    outlet = (feed.get("title") or "").strip() or None
    encoding = parsed.get("encoding") or None
    docs: list[Document] = []
    for n, entry in enumerate(entries):
        text = _item_text(entry)
        title = (entry.get("title") or "").strip() or None
        if not text.strip():
            continue
        iso = parse_date(_raw_date(entry))
        meta: list[tuple[str, str]] = [("feed_item", str(n))]
        if entry.get("author"):
            meta.append(("author", str(entry["author"])))
        if entry.get("id"):
            meta.append(("guid", str(entry["id"])))
        docs.append(
            Document(
                text=text,
                format="feed",
                location=location,
                title=title,
                outlet=outlet,
                url=(entry.get("link") or "").strip() or None,
                published=PublishedDate.of(iso, "feed") if iso else None,
                meta=tuple(meta),
                encoding=str(encoding) if encoding else None,
            )
        )
    if not docs:
        raise EmptyDocument(location, "the feed has no items with text")
    return docs
