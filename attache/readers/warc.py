"""WARC archives (gzipped or not) via warcio: each HTML ``response`` record is one Document.

The record's URL is ``WARC-Target-URI``; the charset comes from the archived HTTP
``Content-Type``; the date is the page's own (meta, then URL), else ``WARC-Date`` (source
``warc``: when the page was captured, an upper bound on when it was published). Records that
are not HTML responses, and HTML pages without article text, are skipped silently: a crawl is
mostly such pages.

An archive is never trusted to be small or whole. Each record's decompressed body is read up
to ``max_bytes`` (a 1 MB ``.warc.gz`` can hold a 1 GiB page); a larger record is refused and
the rest is read. A damaged archive (truncated gzip, a record warcio cannot parse) keeps the
documents read before the damage and raises :class:`~attache.errors.PartialInput` with them,
saying what was read and where it broke, so the run reports it and still stores them.
"""

from __future__ import annotations

import contextlib
import io
import zlib
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from attache.dates import parse_date
from attache.encoding import charset_from_content_type
from attache.errors import DecodeError, EmptyDocument, InputError, PartialInput
from attache.model import Document, PublishedDate
from attache.readers.html import read_html

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHUNK = 1 << 20
# warcio raises its own error for a bad archive, but a malformed header can also surface as
# any of these from inside it (a response record without WARC-Target-URI: AttributeError).
_WARCIO_ERRORS = (ArchiveLoadFailed, OSError, EOFError, ValueError, zlib.error, AttributeError,
                  TypeError, KeyError, IndexError, UnicodeError)


def gzip_damage(data: bytes) -> str | None:
    """Where a (multi-member) gzip stream is damaged, or None if it is whole.

    The stream is decompressed in bounded slices and the output thrown away, so checking a
    bomb costs time, never memory.
    """
    pos = 0
    members = 0
    while pos < len(data):
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        view = memoryview(data)[pos:]
        consumed = 0
        try:
            while not d.eof and consumed < len(view):
                piece = view[consumed:consumed + _CHUNK]
                consumed += len(piece)
                d.decompress(piece, _CHUNK)
                while d.unconsumed_tail and not d.eof:
                    d.decompress(d.unconsumed_tail, _CHUNK)
        except zlib.error as exc:
            return f"the gzip data is corrupt at byte {pos:,} after {members} whole member(s) " \
                   f"({exc})"
        if not d.eof:
            return (f"the gzip data ends in the middle of a member at byte {len(data):,} after "
                    f"{members} whole member(s): the file is truncated")
        members += 1
        pos += consumed - len(d.unused_data) - len(d.unconsumed_tail)
        if not data[pos:pos + 64].strip(b"\x00"):
            break
    return None


def _capped_read(stream: IO[bytes], cap: int) -> bytes | None:
    """The stream's bytes, or None once they pass ``cap`` (the rest is left unread)."""
    parts: list[bytes] = []
    size = 0
    while True:
        chunk = stream.read(min(_CHUNK, cap + 1 - size))
        if not chunk:
            return b"".join(parts)
        size += len(chunk)
        if size > cap:
            return None
        parts.append(chunk)


def read_warc(stream: IO[bytes], *, location: str, max_bytes: int = 50_000_000,
              data: bytes | None = None) -> list[Document]:
    """Read every HTML response record of a WARC stream.

    ``data``, when the caller has the archive's bytes, lets a gzip archive be checked for
    truncation, which warcio itself does not report.
    """
    docs: list[Document] = []
    problems: list[str] = []
    records = 0
    warnings = io.StringIO()
    archive = ArchiveIterator(stream)
    it = iter(archive)
    while True:
        try:
            # warcio prints its complaints (a record not followed by a newline, i.e. a wrong
            # Content-Length) to stderr; they are collected and reported as damage instead.
            with contextlib.redirect_stderr(warnings):
                record = next(it)
        except StopIteration:
            break
        except _WARCIO_ERRORS as exc:
            # warcio's own message is about the archive; anything else is its internals
            # tripping over a malformed header, which says nothing to the user.
            why = str(exc) if isinstance(exc, ArchiveLoadFailed | OSError | zlib.error) else \
                "malformed or missing WARC headers"
            problems.append(f"record {records + 1} (near byte {archive.offset:,}) could not be "
                            f"parsed ({why}); reading stopped there")
            break
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
        name = uri or f"record {records}"
        try:
            payload = _capped_read(record.content_stream(), max_bytes)
        except _WARCIO_ERRORS as exc:
            problems.append(f"{name}: the body could not be decoded ({type(exc).__name__}: "
                            f"{exc})")
            continue
        if payload is None:
            problems.append(f"{name}: the page is over the cap of {max_bytes / 1e6:g} MB "
                            "decompressed and was skipped (raise --max-mb to read it)")
            continue
        iso = parse_date(record.rec_headers.get_header("WARC-Date"))
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
    if "WARNING" in warnings.getvalue():
        problems.append("a record's length does not match its Content-Length header "
                        "(the archive is damaged or truncated)")
    damage = gzip_damage(data) if data is not None and data[:2] == b"\x1f\x8b" else None
    if damage:
        problems.append(damage)
    if problems:
        if not docs and not records:
            raise DecodeError(location, f"not a readable WARC archive: {problems[0]}; check "
                              "that the file is a complete .warc or .warc.gz")
        raise PartialInput(location, f"{len(docs)} document(s) read from {records} record(s), "
                           "but " + "; ".join(problems[:3])
                           + (f"; and {len(problems) - 3} more problem(s)" if len(problems) > 3
                              else ""), tuple(docs))
    if not docs:
        raise EmptyDocument(location, f"the WARC holds no HTML response with article text "
                            f"({records} records read)")
    return docs
