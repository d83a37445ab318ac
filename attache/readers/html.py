"""HTML pages: article text with trafilatura, metadata from the page's own markup.

We decode the bytes ourselves (header charset, then ``<meta charset>``, then detection; see
:mod:`attache.encoding`) and hand trafilatura a string, so one charset decision holds for the
text and the metadata. Trafilatura renders the article body as markdown with links, which
:func:`~attache.readers.markdown.reduce_markdown` turns into text plus link records, exactly as
for markdown files; navigation, ads, footers and comments are left out.

The publication date is read from the page's markup (``article:published_time`` and friends,
JSON-LD ``datePublished``, ``<time pubdate>`` / ``<time>`` inside ``<article>``) with source
``meta``; failing that from a date in the URL path (source ``url``); failing that the caller's
fallback (a WARC record date or an HTTP Last-Modified header). Every string goes through
:func:`~attache.dates.parse_date`; trafilatura's own date guess is not used because it cannot
say where the date came from.
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Iterator
from typing import Any

import lxml.etree
import lxml.html
import trafilatura
from trafilatura.xml import xmltotxt

from attache.anchors import dateline_date, url_date
from attache.dates import parse_date
from attache.encoding import declared_charset, decode
from attache.errors import DecodeError, EmptyDocument
from attache.model import Document, Link, PublishedDate
from attache.readers.markdown import reduce_markdown

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_META_DATE_KEYS = (
    "article:published_time", "og:published_time", "datepublished", "publishdate",
    "publish-date", "publish_date", "pubdate", "dc.date.issued", "dc.date", "dcterms.issued",
    "dcterms.created", "dcterms.date", "citation_publication_date", "citation_date",
    "sailthru.date", "parsely-pub-date", "article.published", "published_time", "date",
)
_BLOCK_TAGS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
               "tr", "section", "article", "figure", "figcaption", "ul", "ol", "table"}


# libxml2 drops whatever is nested deeper than 256 elements, so a page wrapped in thousands of
# <div>s loses its article; tags past this depth are removed before parsing (their text stays).
MAX_DEPTH = 120
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)(?:\s[^>]*)?(/?)>")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
         "source", "track", "wbr", "keygen"}


def flatten_deep(html: str, limit: int = MAX_DEPTH) -> str:
    """``html`` with every element nested deeper than ``limit`` unwrapped; linear time."""
    stack: list[tuple[str, bool]] = []
    drop: list[tuple[int, int]] = []
    deepest = 0
    for m in _TAG.finditer(html):
        name = m.group(2).lower()
        if m.group(1):
            # Close the innermost open element of that name; unmatched closers are left alone.
            for i in range(len(stack) - 1, max(-1, len(stack) - 64), -1):
                if stack[i][0] == name:
                    if stack[i][1]:
                        drop.append(m.span())
                    del stack[i:]
                    break
        elif name not in _VOID and not m.group(3):
            deep = len(stack) >= limit
            stack.append((name, deep))
            deepest = max(deepest, len(stack))
            if deep:
                drop.append(m.span())
    if deepest <= limit:
        return html
    out, pos = [], 0
    for s, e in sorted(drop):
        out.append(html[pos:s])
        pos = e
    out.append(html[pos:])
    return "".join(out)


def _parse_tree(text: str) -> Any:
    try:
        return lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError):
        return None


def _meta_content(tree: Any) -> Iterator[tuple[str, str]]:
    for el in tree.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop") or ""
        content = el.get("content")
        if key and content:
            yield key.strip().lower(), content.strip()


def _json_ld(tree: Any) -> Iterator[dict[str, Any]]:
    for el in tree.iter("script"):
        if (el.get("type") or "").lower() != "application/ld+json" or not el.text:
            continue
        try:
            data = json.loads(el.text)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)


def page_date(tree: Any) -> str | None:
    """The publication date a page declares in its markup, as ISO text."""
    metas = dict(reversed(list(_meta_content(tree))))  # first occurrence wins
    for key in _META_DATE_KEYS:
        iso = parse_date(metas.get(key))
        if iso:
            return iso
    for item in _json_ld(tree):
        value = item.get("datePublished") or item.get("dateCreated")
        if isinstance(value, str):
            iso = parse_date(value)
            if iso:
                return iso
    times = tree.xpath("//time[@pubdate] | //*[@itemprop='datePublished'] | //article//time")
    for el in times:
        iso = parse_date(el.get("datetime") or el.get("content") or el.text_content())
        if iso:
            return iso
    return None


def page_outlet(tree: Any) -> str | None:
    metas = dict(reversed(list(_meta_content(tree))))
    if metas.get("og:site_name"):
        return metas["og:site_name"]
    for item in _json_ld(tree):
        pub = item.get("publisher")
        if isinstance(pub, dict) and isinstance(pub.get("name"), str) and pub["name"].strip():
            return str(pub["name"]).strip()
    return None


def fragment_text(html: str) -> str:
    """Text of a short HTML fragment (a feed item), one paragraph per block element."""
    if "<" not in html:
        return html.strip()
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return re.sub(r"<[^>]*>", "", html).strip()
    for bad in root.xpath("//script | //style"):
        bad.drop_tree()
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag == "br":
            el.tail = "\n" + (el.tail or "")
        elif el.tag in _BLOCK_TAGS:
            el.tail = "\n\n" + (el.tail or "")
    raw = root.text_content()
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in raw.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _extract(text: str, url: str | None) -> tuple[str, Any]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        doc = trafilatura.bare_extraction(
            text,
            url=url,
            include_comments=False,
            include_links=True,
            include_formatting=True,
            include_tables=True,
            with_metadata=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    if doc is None or isinstance(doc, dict):
        return "", doc
    body = getattr(doc, "body", None)
    rendered = xmltotxt(body, True) if body is not None else ""
    return rendered or (getattr(doc, "text", None) or ""), doc


def read_html(
    data: bytes,
    *,
    location: str,
    url: str | None = None,
    charset: str | None = None,
    fallback_date: PublishedDate | None = None,
    fmt: str = "html",
) -> Document:
    """Read one HTML page; raise :class:`EmptyDocument` if it holds no article text."""
    text, codec = decode(data, declared=declared_charset(data, charset), location=location)
    text = flatten_deep(_XML_DECL.sub("", text, count=1))
    if not text.strip():
        raise EmptyDocument(location, "the HTML page is empty")
    tree = _parse_tree(text)
    if tree is None:
        raise DecodeError(location, "the HTML could not be parsed at all; check that the file "
                          "is really HTML")
    try:
        rendered, doc = _extract(text, url)
    except (ValueError, TypeError, AttributeError, lxml.etree.LxmlError) as exc:
        raise DecodeError(location, f"trafilatura could not read the page ({exc}); save it "
                          "again from the browser or pass the article as text") from exc
    reduced, links = reduce_markdown(rendered)
    body = reduced.strip("\n")
    # Offsets must index the stripped text.
    lead = len(reduced) - len(reduced.lstrip("\n"))
    if lead:
        links = tuple(Link(lk.text, lk.url, lk.start - lead, lk.end - lead) for lk in links)
    if _no_article(body, links):
        raise EmptyDocument(location, "no article text found in the HTML page (only "
                            "navigation, scripts or boilerplate); check that this is an article "
                            "page rather than an index or a login wall")
    iso = page_date(tree)
    published = (PublishedDate.of(iso, "meta") if iso else None) or url_date(url) \
        or dateline_date(body) or fallback_date
    title = (getattr(doc, "title", None) or "").strip() or _title_tag(tree)
    outlet = page_outlet(tree) or (getattr(doc, "sitename", None) or "").strip() or None
    meta: list[tuple[str, str]] = []
    author = getattr(doc, "author", None)
    if author:
        meta.append(("author", str(author)))
    return Document(
        text=body,
        format=fmt,
        location=location,
        title=title or None,
        outlet=outlet,
        url=url,
        published=published,
        links=links,
        meta=tuple(meta),
        encoding=codec,
    )


def _no_article(body: str, links: tuple[Link, ...]) -> bool:
    # When trafilatura finds no article it falls back to whatever text the page has, which on
    # an index page is the menu: text that is nearly all link text is navigation, not prose.
    chars = len(re.sub(r"\s", "", body))
    if chars < 10:
        return True
    linked = sum(len(re.sub(r"\s", "", lk.text)) for lk in links)
    return linked >= 0.9 * chars


def _title_tag(tree: Any) -> str | None:
    found = tree.find(".//title")
    if found is not None and found.text_content().strip():
        return str(found.text_content().strip())
    return None
