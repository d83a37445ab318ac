"""Readers: bytes, files and URLs in, :class:`~attache.model.Document` objects out.

One reader per format — txt, md, html, pdf, feed (RSS/Atom), warc — chosen by
:func:`sniff_format` from the bytes first (magic numbers, markup), then the content type, then
the file name. Every failure is an :class:`~attache.errors.InputError` naming the input; no
third-party exception leaves this package.
"""

from __future__ import annotations

import dataclasses
import errno
import io
import os
import stat
import zlib
from pathlib import Path

from attache.dates import parse_date
from attache.encoding import bom_charset, charset_from_content_type, decode_text
from attache.errors import (
    AttacheError,
    EmptyDocument,
    UnreadableInput,
    UnsupportedInput,
)
from attache.model import Document, PublishedDate
from attache.readers.feed import read_feed
from attache.readers.fetch import (
    DEADLINE,
    FakeFetcher,
    Fetcher,
    FetchResponse,
    HttpFetcher,
    check_url,
    fetch_url,
)
from attache.readers.html import read_html
from attache.readers.pdf import read_pdf
from attache.readers.text import read_text
from attache.readers.warc import read_warc

__all__ = [
    "FORMATS",
    "MAX_BYTES",
    "MAX_TEXT_CHARS",
    "FakeFetcher",
    "FetchResponse",
    "Fetcher",
    "HttpFetcher",
    "check_text_size",
    "check_url",
    "path_label",
    "read_bytes",
    "read_path",
    "read_url",
    "sniff_format",
]

MAX_BYTES = 50_000_000  # MB are 10^6 bytes everywhere in attache
# Analysis keeps every sentence, token and extraction of a document in memory (about 70 MB
# per million characters of figure-dense prose) and runs at a steady pace per character, so
# the text of one document is capped where that stays under a gigabyte and a few minutes.
MAX_TEXT_CHARS = 10_000_000
FORMATS: tuple[str, ...] = ("txt", "md", "html", "pdf", "feed", "warc")

_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"RIFF", "a RIFF media file (WebP, WAV, AVI)"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.epub, which are ZIPs)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file"),
    (b"{\\rtf", "an RTF file"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"7z\xbc\xaf", "a 7z archive"),
    (b"Rar!", "a RAR archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"ID3", "an MP3 file"),
    (b"OggS", "an Ogg media file"),
    (b"\x1a\x45\xdf\xa3", "a Matroska/WebM video"),
    (b"%!PS", "a PostScript file"),
    (b"SQLite format 3", "an SQLite database"),
)
_CONVERT = ("convert it to PDF, HTML or text first")
_UNSUPPORTED_EXT = {".docx", ".doc", ".xlsx", ".xls", ".pptx", ".ppt", ".odt", ".epub", ".png",
                    ".jpg", ".jpeg", ".gif", ".webp", ".mp4", ".mp3", ".zip", ".rtf"}
_HTML_MIME = ("text/html", "application/xhtml+xml")
_FEED_MIME = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
              "application/xml", "text/xml")


def _head(data: bytes) -> str:
    bom = bom_charset(data)
    chunk = data[:4096]
    try:
        text = chunk.decode(bom, errors="ignore") if bom else chunk.decode("latin-1")
    except LookupError:
        text = chunk.decode("latin-1")
    return text.lstrip("\ufeff \t\r\n").lower()


def _suffix(name: str) -> str:
    lower = name.lower().split("?")[0].split("#")[0]
    if lower.endswith(".warc.gz"):
        return ".warc.gz"
    dot = lower.rfind(".")
    return lower[dot:] if dot > lower.rfind("/") and dot != -1 else ""


def sniff_format(data: bytes, name: str, content_type: str | None = None) -> str:
    """Which reader reads ``data``: one of :data:`FORMATS`.

    The bytes decide first (a PDF served as text/html is still a PDF), then the content type,
    then the name. Raises :class:`UnsupportedInput` for images, archives, office files.
    """
    if b"%PDF-" in data[:1024]:
        return "pdf"
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            raise UnsupportedInput(name, f"this is {what}, which attache does not read; {_CONVERT}")
    if data[4:8] == b"ftyp":
        raise UnsupportedInput(name, f"this is an MP4/QuickTime media file; {_CONVERT}")
    if data.startswith(b"\x1f\x8b"):
        try:
            start = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:8192], 64)
        except zlib.error:
            start = b""
        # A truncated .warc.gz may not even decompress five bytes; the WARC reader then says
        # it is damaged, which is more useful than "not a WARC".
        if start.startswith(b"WARC/") or (len(start) < 5 and _suffix(name) == ".warc.gz"):
            return "warc"
        raise UnsupportedInput(name, "this is a gzip-compressed file that is not a WARC; "
                               "decompress it first")
    head = _head(data)
    if head.startswith("warc/"):
        return "warc"
    mime = (content_type or "").split(";")[0].strip().lower()
    ext = _suffix(name)
    is_feed = head.startswith("<") and any(t in head[:2048] for t in ("<rss", "<feed", "<rdf:rdf"))
    is_html = any(t in head[:2048] for t in ("<!doctype html", "<html", "<head", "<body"))
    if is_feed and not (is_html and head.find("<html") < head.find("<rss")):
        return "feed"
    if is_html and (head.startswith("<") or mime in _HTML_MIME):
        return "html"
    if mime in _HTML_MIME:
        return "html"
    if mime in _FEED_MIME or ext in (".rss", ".atom", ".xml"):
        return "feed"
    if mime == "application/pdf" or ext == ".pdf":
        return "pdf"
    if mime in ("application/warc", "application/x-warc") or ext in (".warc", ".warc.gz"):
        return "warc"
    if ext in (".html", ".htm", ".xhtml", ".shtml"):
        return "html"
    if mime in ("text/markdown", "text/x-markdown") or ext in (".md", ".markdown", ".mdown"):
        return "md"
    if ext in _UNSUPPORTED_EXT:
        raise UnsupportedInput(name, f"attache does not read {ext} files; {_CONVERT}")
    return "txt"


def _with_fallback(doc: Document, fallback: PublishedDate | None) -> Document:
    if doc.published is None and fallback is not None:
        return dataclasses.replace(doc, published=fallback)
    return doc


def read_bytes(
    data: bytes,
    *,
    location: str,
    content_type: str | None = None,
    url: str | None = None,
    charset: str | None = None,
    http_date: str | None = None,
    max_bytes: int = MAX_BYTES,
) -> list[Document]:
    """Read the bytes of one input; a feed or WARC gives several documents.

    ``max_bytes`` also caps what any compressed part expands to (a WARC record's page).

    ``charset`` overrides the one in ``content_type``; ``http_date`` (an HTTP Last-Modified
    value) is the publication date of last resort, with source ``http``.
    """
    if not data.strip():
        raise EmptyDocument(location, "the input is empty")
    fmt = sniff_format(data, url or location, content_type)
    charset = charset or charset_from_content_type(content_type)
    iso = parse_date(http_date)
    fallback = PublishedDate.of(iso, "http") if iso else None
    try:
        if fmt in ("txt", "md"):
            decoded = decode_text(data, declared=charset, location=location)
            doc = _with_fallback(read_text(decoded.text, location=location, fmt=fmt,
                                           encoding=decoded.codec, url=url), fallback)
            if decoded.controls_removed:
                # Said, not hidden: the stored text is not byte for byte the file.
                doc = dataclasses.replace(doc, meta=(*doc.meta, (
                    "control_characters_removed", str(decoded.controls_removed))))
            return [doc]
        if fmt == "html":
            return [read_html(data, location=location, url=url, charset=charset,
                              fallback_date=fallback)]
        if fmt == "pdf":
            return [_with_fallback(read_pdf(data, location=location, url=url), fallback)]
        if fmt == "feed":
            return read_feed(data, location=location, charset=charset)
        return read_warc(io.BytesIO(data), location=location, max_bytes=max_bytes, data=data)
    except AttacheError:
        raise
    except Exception as exc:  # noqa: BLE001 - the last line of defence for a batch ingest
        raise UnreadableInput(location, f"the {fmt} reader failed unexpectedly "
                              f"({type(exc).__name__}: {exc}); please report this with the "
                              "file") from exc


def _mb(n: int) -> str:
    # MB here is 10^6 bytes, as in --max-mb.
    return f"{n / 1_000_000:.1f}".rstrip("0").rstrip(".")


def check_text_size(doc: Document, max_chars: int = MAX_TEXT_CHARS) -> None:
    """Refuse a document whose text is longer than attache processes within its bounds."""
    if len(doc.text) > max_chars:
        raise UnreadableInput(doc.location, f"its text is {len(doc.text):,} characters long, "
                              f"over the cap of {max_chars:,}; split the file, or raise "
                              "--max-chars (max_chars in the API) if you have the memory "
                              "(about 70 MB per million characters)")


def path_label(path: str | Path) -> str:
    """A file name as text that can be stored and printed, kept losslessly.

    Names that are not valid UTF-8 reach Python as surrogate escapes, which neither SQLite
    nor a terminal accepts; their raw bytes are written as ``\\xNN`` instead.
    """
    return os.fsencode(str(path)).decode("utf-8", "backslashreplace")


def read_path(path: str | Path, *, max_bytes: int = MAX_BYTES) -> list[Document]:
    """Read one file; a feed or WARC gives several documents."""
    p = Path(path)
    location = path_label(path)
    try:
        try:
            st = p.stat()
        except FileNotFoundError as exc:
            raise UnreadableInput(location, "no such file; check the path") from exc
        if stat.S_ISDIR(st.st_mode):
            raise UnreadableInput(location, "is a directory; pass the files in it (ingest walks "
                                  "folders itself)")
        if not stat.S_ISREG(st.st_mode):
            # A FIFO or device would block or never end.
            raise UnsupportedInput(location, "is not a regular file (a pipe, socket or device); "
                                   "save its content to a file first")
        size = st.st_size
        if size > max_bytes:
            raise UnreadableInput(location, f"is {_mb(size)} MB, over the cap of {_mb(max_bytes)}"
                                  " MB; raise --max-mb (max_bytes in the API) to read it")
        with p.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except PermissionError as exc:
        raise UnreadableInput(location, "permission denied; check the file's permissions") \
            from exc
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnreadableInput(location, "a symbolic-link loop; fix or remove the link") \
                from exc
        raise UnreadableInput(location, f"could not read the file ({exc.strerror or exc})") \
            from exc
    if len(data) > max_bytes:
        raise UnreadableInput(location, f"is over the cap of {_mb(max_bytes)} MB; raise "
                              "--max-mb (max_bytes in the API) to read it")
    if not data:
        raise EmptyDocument(location, "the file is empty")
    return read_bytes(data, location=location, max_bytes=max_bytes)


def read_url(
    url: str,
    *,
    fetcher: Fetcher | None = None,
    allow_private: bool = False,
    max_bytes: int = MAX_BYTES,
    timeout: float = 20.0,
    allow_link_local: bool = False,
    deadline: float = DEADLINE,
) -> list[Document]:
    """Fetch a URL (see :mod:`attache.readers.fetch` for the rules) and read it."""
    response = fetch_url(url, fetcher=fetcher or HttpFetcher(deadline=deadline),
                         allow_private=allow_private, max_bytes=max_bytes, timeout=timeout,
                         allow_link_local=allow_link_local, deadline=deadline)
    return read_bytes(
        response.body,
        location=url,
        content_type=response.headers.get("content-type"),
        url=response.url,
        http_date=response.headers.get("last-modified"),
        max_bytes=max_bytes,
    )
