"""Plain text and markdown files: header lines, front matter, title and date.

What becomes metadata and what stays text:

* a first line `` date 2025-12-20 <title>`` (the seeds' digest style) gives the date (source
  ``header``) and the title;
* a block of ``key: value`` lines at the top (``版次/日期/主题/来源``, ``Title/Date/Source/URL``,
  ``Дата/Заголовок/Источник`` …, at least one of them a known key) gives title, date, URL or
  outlet, author and other meta;
* YAML front matter (``---``) gives title, date (source ``front-matter``), outlet, URL, author.

Those lines are not part of :attr:`Document.text`. The body is kept exactly as decoded (only
``\\r\\n`` becomes ``\\n``) unless it is markdown — a ``.md`` file, front matter, or a body with
``[text](http…)`` links — in which case it is reduced by :func:`reduce_markdown`.

Without a header or front-matter date, the date comes from the text (source ``text``): first a
byline or dateline among the first four lines (``NHKニュース 2022年4月30日 6時12分``,
``ТОКИО, 8 августа 2024. /ТАСС/.``, ``Generated on 2025-12-15 …``), then any line that holds
nothing but a full date (``2022年5月1日`` near the end of seed 004). Without a header
or front-matter title, the first non-empty line is the title when it is short (<= 80 characters)
and does not end like a sentence.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from attache.anchors import dateline_date, url_date
from attache.dates import parse_date
from attache.errors import EmptyDocument
from attache.lang.lexicon import languages, lexicon
from attache.model import Document, Link, PublishedDate
from attache.readers.markdown import reduce_markdown, split_front_matter

_DATE_HEADER = re.compile(r"^[ \t\ufeff]*date[ \t]+(\S+)[ \t]*(.*?)\s*$", re.IGNORECASE)
_KV = re.compile(r"^[ \t\ufeff]*([^\s:：][^:：\n]{0,24}?)[ \t]*[:：][ \t]*(.*?)\s*$")
_BARE_URL = re.compile(r"^[ \t\ufeff]*(?:url[ \t]*[:：][ \t]*)?(https?://\S+)\s*$", re.IGNORECASE)
_MD_LINK = re.compile(r"\]\(\s*<?https?://")



def _header_keys(field: str) -> frozenset[str]:
    """The header keys of one field in every language file (``Дата``, ``来源``, ``掲載日`` …)."""
    return frozenset(k for code in languages() for k in lexicon(code).header_keys[field])


_TITLE_KEYS = _header_keys("title")
_DATE_KEYS = _header_keys("date")
_SOURCE_KEYS = _header_keys("source")
_OUTLET_KEYS = _header_keys("outlet")
_AUTHOR_KEYS = _header_keys("author")
_KNOWN = (_TITLE_KEYS | _DATE_KEYS | _SOURCE_KEYS | _OUTLET_KEYS | _AUTHOR_KEYS
          | _header_keys("other"))

_SENTENCE_END = tuple("。！？!?.…;；:：,，、")
_MAX_TITLE = 80

_MONTH_WORD = r"[^\W\d_]+\.?"
_DATE_LINE = re.compile(
    r"^\s*(?:"
    r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]"
    r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
    r"|\d{1,2}[./]\d{1,2}[./]\d{4}"
    rf"|\d{{1,2}}\s+{_MONTH_WORD},?\s+\d{{4}}(?:\s*(?:г\.?|года|ж\.?))?"
    rf"|{_MONTH_WORD}\s+\d{{1,2}},?\s+\d{{4}}"
    rf"|\d{{4}}\s+ж(?:ылғы|\.)?\s+\d{{1,2}}\s+{_MONTH_WORD}"
    r")(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$",
    re.IGNORECASE,
)


def _meta_str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value if v is not None) or None
    s = str(value).strip()
    return s or None


class _Fields:
    """Metadata gathered from headers and front matter, first finding wins."""

    def __init__(self) -> None:
        self.title: str | None = None
        self.published: PublishedDate | None = None
        self.url: str | None = None
        self.outlet: str | None = None
        self.meta: list[tuple[str, str]] = []

    def put(self, key: str, value: str, source: str) -> None:
        k = key.strip().lower()
        if not value:
            return
        if k in _TITLE_KEYS and self.title is None:
            self.title = value
        elif k in _DATE_KEYS and self.published is None:
            iso = parse_date(value)
            if iso:
                self.published = PublishedDate.of(iso, source)  # type: ignore[arg-type]
            else:
                self.meta.append((k, value))
        elif k in _SOURCE_KEYS:
            if re.match(r"https?://", value):
                if self.url is None:
                    self.url = value
            elif self.outlet is None:
                self.outlet = value
        elif k in _OUTLET_KEYS and self.outlet is None:
            self.outlet = value
        elif k in _AUTHOR_KEYS:
            self.meta.append(("author", value))
        else:
            self.meta.append((key.strip(), value))


def _strip_header(text: str, fields: _Fields) -> str:
    """Remove the seeds' header lines from the top of ``text`` into ``fields``."""
    lines = text.split("\n")
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i == len(lines):
        return text
    # A saved page often starts with its own address on a line of its own.
    bare = _BARE_URL.match(lines[i])
    if bare and i + 1 < len(lines) and not _KV.match(lines[i + 1]):
        fields.put("url", bare.group(1), "header")
        return _drop_blank_start("\n".join(lines[i + 1:]))
    m = _DATE_HEADER.match(lines[i])
    if m and parse_date(m.group(1)):
        fields.put("date", m.group(1), "header")
        if m.group(2):
            fields.put("title", m.group(2), "header")
        return _drop_blank_start("\n".join(lines[i + 1:]))
    block: list[tuple[str, str]] = []
    j = i
    while j < len(lines) and len(block) < 12:
        kv = _KV.match(lines[j])
        if not kv:
            break
        block.append((kv.group(1), kv.group(2)))
        j += 1
    known = any(k.strip().lower() in _KNOWN for k, _ in block)
    # A lone "Note: …" line running straight into prose is text, not a header block.
    ends_clean = j == len(lines) or not lines[j].strip()
    if not known or (not ends_clean and len(block) < 2):
        return text
    for key, value in block:
        fields.put(key, value, "header")
    return _drop_blank_start("\n".join(lines[j:]))


def _drop_blank_start(text: str) -> str:
    lines = text.split("\n")
    k = 0
    while k < len(lines) and not lines[k].strip():
        k += 1
    return "\n".join(lines[k:])


def date_from_text(text: str) -> PublishedDate | None:
    """A publication date from a line that holds nothing but a full date."""
    for line in text.split("\n"):
        if len(line) <= 40 and _DATE_LINE.match(line):
            iso = parse_date(line.strip())
            if iso and len(iso) == 10:
                return PublishedDate.of(iso, "text")
    return None


_DATE_IN_LINE = re.compile(
    r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]"
    r"|\d{4}-\d{1,2}-\d{1,2}|\d{4}/\d{1,2}/\d{1,2}"
    r"|\b\d{1,2}\.\d{1,2}\.\d{4}\b"
    rf"|\b\d{{1,2}}\s+{_MONTH_WORD},?\s+\d{{4}}"
    rf"|\b{_MONTH_WORD}\s+\d{{1,2}},\s+\d{{4}}"
    rf"|\b\d{{4}}\s+ж(?:ылғы|\.)?\s+\d{{1,2}}\s+{_MONTH_WORD}",
    re.IGNORECASE,
)
_PUBLISHED_CUE = re.compile(
    r"generated|published|posted|updated|опубликован|обновлен|发布|發布|发表|發表|更新|公開|配信|"
    r"掲載|жарияланды|жарияланған",
    re.IGNORECASE,
)


# A wire dateline opens the first paragraph: "NEW YORK, September 19, 2023 — …",
# "БИШКЕК, 26 ноября 2024 г. – …", "Астана, 17 маусым 2025 ж. …".
_DATELINE = re.compile(
    rf"^[^\W\d_][^\n,]{{0,40}},\s*(?P<date>{_DATE_IN_LINE.pattern})"
    r"(?:\s*(?:г\.|года|ж\.|жылы)(?!\w)|\s*(?:[—–\-/(.]|$))",
    re.IGNORECASE,
)


def date_from_byline(text: str) -> PublishedDate | None:
    """A date in a byline or dateline among the first lines (``NHKニュース 2022年4月30日``,
    ``ТОКИО, 8 августа 2024. /ТАСС/.``, ``Egemen Qazaqstan | 21.12.2025``, ``Generated on
    2025-12-15 …``): short lines whose words besides the date are few, or lines that say
    "published"/"generated"."""
    lines = [x.strip() for x in text.split("\n") if x.strip()][:4]
    for line in lines:
        d = _DATELINE.match(line)
        if d:
            iso = parse_date(d.group("date"))
            if iso and len(iso) == 10:
                return PublishedDate.of(iso, "text")
        m = _DATE_IN_LINE.search(line)
        if not m:
            continue
        iso = parse_date(m.group(0))
        if not iso or len(iso) != 10:
            continue
        rest = (line[: m.start()] + " " + line[m.end():]).strip()
        short = len(line) <= 60 and len(rest) <= 30 and len(rest.split()) <= 4
        if short or (len(line) <= 200 and _PUBLISHED_CUE.search(line)):
            return PublishedDate.of(iso, "text")
    return None


def title_from_text(text: str) -> str | None:
    """The first non-empty line, if it reads like a title rather than a sentence."""
    for line in text.split("\n"):
        s = line.strip().lstrip("#").strip()
        if not s:
            continue
        if len(s) <= _MAX_TITLE and not s.endswith(_SENTENCE_END) and not s.startswith(
            ("![", "[", "-", "*", "http")
        ):
            return s
        return None
    return None


def read_text(
    text: str,
    *,
    location: str,
    fmt: str = "txt",
    encoding: str | None = None,
    url: str | None = None,
) -> Document:
    """Build a Document from decoded text of a ``txt`` or ``md`` file."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    fields = _Fields()
    markdown = fmt == "md"
    fm, body = split_front_matter(text)
    if fm:
        markdown = True
        for key, value in fm.items():
            s = _meta_str(value)
            if s is not None:
                fields.put(str(key), s, "front-matter")
    if fm:
        body = _drop_blank_start(body)
    body = _strip_header(body, fields)
    if not markdown and _MD_LINK.search(body):
        markdown = True
    links: tuple[Link, ...] = ()
    if markdown:
        body, links = reduce_markdown(body)
        # Image-only lines at the top reduce to blank lines; they are not text, so drop them
        # and move the link offsets with the text.
        lead = len(body) - len(body.lstrip("\n"))
        if lead:
            body = body[lead:]
            links = tuple(Link(lk.text, lk.url, lk.start - lead, lk.end - lead) for lk in links)
    if not body.strip():
        raise EmptyDocument(location, "the file holds no text besides its header; nothing to "
                            "ingest")
    title = fields.title or title_from_text(body)
    # The order of trust: what the file says of itself, its address, the wire's dateline, a
    # byline, then a line that holds nothing but a date.
    published = (fields.published or url_date(fields.url or url) or dateline_date(body)
                 or date_from_byline(body) or date_from_text(body))
    return Document(
        text=body,
        format=fmt if not fm else "md",
        location=location,
        title=title,
        outlet=fields.outlet,
        url=fields.url or url,
        published=published,
        links=links,
        meta=tuple(fields.meta),
        encoding=encoding,
    )
