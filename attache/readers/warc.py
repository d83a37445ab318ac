"""WARC archives (gzipped or not) via warcio: each HTML ``response`` record is one Document.

The record's URL is ``WARC-Target-URI``; the charset comes from the archived HTTP
``Content-Type``; the date is the page's own (meta, then URL), else ``WARC-Date`` (source
``warc``: when the page was captured, an upper bound on when it was published). Records that
are not HTML responses, and HTML pages without article text, are skipped silently: a crawl is
mostly such pages. A truncated archive keeps the documents read before the damage; an archive
that yields none raises.
"""

from __future__ import annotations

import zlib
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from attache.dates import parse_date
from attache.encoding import charset_from_content_type
from attache.errors import DecodeError, EmptyDocument, InputError
from attache.model import Document, PublishedDate
from attache.readers.html import read_html

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(stream: IO[bytes], *, location: str) -> list[Document]:
    """Read every HTML response record of a WARC stream."""
    docs: list[Document] = []
    records = 0
    try:
        for record in ArchiveIterator(stream):
            records += 1
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = record.http_headers.get_header("Content-Type") or ""
            if ctype.lower().split(";")[0].strip() not in _HTML_TYPES:
                continue
            status = record.http_headers.get_statuscode() or ""
            if not status.startswith("2"):
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or None
            iso = parse_date(record.rec_headers.get_header("WARC-Date"))
            payload = record.content_stream().read()
            try:
                docs.append(
                    read_html(
                        payload,
                        location=f"{location}#{uri}" if uri else location,
                        url=uri,
                        charset=charset_from_content_type(ctype),
                        fallback_date=PublishedDate.of(iso, "warc") if iso else None,
                        fmt="warc",
                    )
                )
            except InputError:
                continue
    except (ArchiveLoadFailed, OSError, EOFError, ValueError, zlib.error) as exc:
        if not docs:
            raise DecodeError(location, f"not a readable WARC archive ({exc}); check that the "
                              "file is a complete .warc or .warc.gz") from exc
    if not docs:
        raise EmptyDocument(location, f"the WARC holds no HTML response with article text "
                            f"({records} records read)")
    return docs
