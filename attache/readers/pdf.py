"""PDF: the text layer via pypdf, pdfminer.six as second opinion, never garbage.

A PDF has no paragraphs, only lines on pages, so we rebuild running text:

* running headers and footers (a line that recurs at the top or bottom of most pages, digits
  ignored) and bare page numbers at the top or bottom of a page (``3``, ``- 3 -``, ``第3页``,
  ``Page 3``, ``3/10``) are removed;
* lines are joined into paragraphs: no space when either side of the break is CJK (Han, kana,
  hangul, CJK or full-width punctuation, since CJK typesetting puts no spaces even next to Latin
  words and digits), the hyphen dropped when a Latin word is hyphenated across the break, one
  space otherwise;
* a blank line, an indented line, a line well short of the column, or a line that ends a
  sentence while somewhat short, ends a paragraph; paragraphs are separated by a blank line.
  Pages continue each other the same way.

If pypdf's text is empty or garbled we ask pdfminer.six; if both are, the PDF is refused with
:class:`GarbledText` (an embedded CJK font without a Unicode map gives NUL-interleaved text in
pypdf and ``(cid:NNN)`` in pdfminer: indexing that would poison search and extraction).
"""

from __future__ import annotations

import io
import logging
import re
import statistics
import warnings
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from attache.dates import parse_date
from attache.errors import GarbledText, UnreadableInput
from attache.model import Document, PublishedDate

_CJK = re.compile(
    r"[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u31ff\u3200-\u9fff\uac00-\ud7af"
    r"\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff]"
)
_PAGE_NUMBER = re.compile(
    r"^\s*(?:"
    r"[-–—]?\s*\d{1,4}\s*[-–—]?"
    r"|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?"
    r"|(?:page|p\.|стр\.?|страница|бет)\s*\d{1,4}(?:\s*(?:of|/|из)\s*\d{1,4})?"
    r"|\d{1,4}\s*(?:/|of|из)\s*\d{1,4}"
    r"|\d{1,4}\s*(?:ページ|頁|页|бет)"
    r")\s*$",
    re.IGNORECASE,
)
_SPACES = re.compile(r"[ \t\u00a0]{2,}")
_CID = re.compile(r"\(cid:\d+\)")
_SENTENCE_END = tuple("。！？!?.…」』”\"")
_EDGE = 2  # lines at the top and at the bottom of a page that may be running heads or numbers

GARBLED_MESSAGE = ("the PDF's text layer is unreadable (embedded font without a Unicode map); "
                   "OCR it first (e.g. ocrmypdf --force-ocr) and ingest the result")


def garbage_reason(text: str) -> str | None:
    """Why ``text`` is not usable text (NULs, U+FFFD, ``(cid:N)``, control or private-use
    characters), or None if it looks like text."""
    if not text.strip():
        return "no text"
    n = len(text)
    if text.count("\x00") > max(2, n // 200):
        return "NUL characters in the text"
    if text.count("\ufffd") > max(3, n // 100):
        return "replacement characters (U+FFFD) in the text"
    cids = _CID.findall(text)
    if len(cids) >= 3 and sum(map(len, cids)) > n // 20:
        return "(cid:NNN) glyph codes instead of characters"
    odd = sum(1 for c in text if (0xE000 <= ord(c) <= 0xF8FF) or (ord(c) < 32 and c not in
                                                                   "\n\r\t\f"))
    if odd > max(3, n // 20):
        return "private-use or control characters instead of text"
    return None


@contextmanager
def _quiet() -> Iterator[None]:
    # pypdf and pdfminer warn and log about every malformed object; the reader reports what
    # matters in one error, so their chatter is silenced here.
    loggers = [logging.getLogger(n) for n in ("pypdf", "pdfminer")]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        for lg, level in zip(loggers, levels, strict=True):
            lg.setLevel(level)


def _pypdf_pages(data: bytes, location: str) -> tuple[list[str], str | None, str | None]:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError, PyPdfError

    try:
        with _quiet():
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted and not reader.decrypt(""):
                raise UnreadableInput(location, "the PDF is encrypted with a password; decrypt "
                                      "it first (e.g. qpdf --decrypt) and ingest the result")
            pages = [page.extract_text() or "" for page in reader.pages]
            info = reader.metadata
            title = str(info.title) if info and info.title else None
            created = str(info.get("/CreationDate", "") or "") if info else None
    except UnreadableInput:
        raise
    except FileNotDecryptedError as exc:
        raise UnreadableInput(location, "the PDF is encrypted; decrypt it first (e.g. qpdf "
                              "--decrypt) and ingest the result") from exc
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, AttributeError,
            IndexError, RecursionError, OSError, AssertionError, ZeroDivisionError) as exc:
        raise UnreadableInput(location, f"the PDF is corrupt or truncated ({exc}); re-download "
                              "or re-export it") from exc
    return pages, title, created


def _pdfminer_pages(data: bytes) -> list[str]:
    from pdfminer.high_level import extract_text

    try:
        with _quiet():
            text = extract_text(io.BytesIO(data))
    except Exception:  # noqa: BLE001 - second opinion only; any failure means "no better text"
        return []
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return pages


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", line.strip())


def _strip_running(pages: list[list[str]]) -> list[list[str]]:
    """Remove running headers/footers and page numbers at the page edges."""
    edges: Counter[str] = Counter()
    for lines in pages:
        filled = [x for x in lines if x.strip()]
        edges.update({_key(x) for x in filled[:_EDGE] + filled[-_EDGE:]})
    need = max(2, -(-len(pages) * 3 // 5))  # on at least 60% of the pages
    running = {k for k, c in edges.items() if c >= need} if len(pages) >= 2 else set()
    out: list[list[str]] = []
    for lines in pages:
        indices = [i for i, x in enumerate(lines) if x.strip()]
        edge = set(indices[:_EDGE] + indices[-_EDGE:])
        out.append([
            x for i, x in enumerate(lines)
            if i not in edge or not (_key(x) in running or _PAGE_NUMBER.match(x))
        ])
    return out


def _glue(prev: str, nxt: str) -> str:
    a, b = prev[-1], nxt[0]
    if a == "-" and len(prev) >= 2 and prev[-2].isalpha() and not _CJK.match(prev[-2]) \
            and b.islower():
        return prev[:-1] + nxt
    if a == "\u00ad":
        return prev[:-1] + nxt
    if _CJK.match(a) or _CJK.match(b):
        return prev + nxt
    return prev + " " + nxt


def _width(line: str) -> int:
    # CJK characters are set twice as wide as Latin ones; comparing widths, not lengths, keeps
    # a Chinese page with an English abstract from looking like all short lines.
    return len(line) + len(_CJK.findall(line))


def join_lines(pages: list[str]) -> str:
    """Running text from page texts (see the module docstring for the rules)."""
    split = [[line.rstrip() for line in page.replace("\r\n", "\n").split("\n")] for page in pages]
    split = _strip_running(split)
    lengths = [_width(x.strip()) for lines in split for x in lines if x.strip()]
    typical = statistics.median(lengths) if lengths else 0
    paragraphs: list[str] = []
    current = ""
    for lines in split:
        for raw in lines:
            # Justified lines come out with runs of spaces; they carry no meaning in running text.
            line = _SPACES.sub(" ", raw.strip())
            # An indented line (ideographic-space indent in CJK, spaces in Latin) starts a
            # paragraph.
            if current and raw.startswith(("\u3000", "  ", "\t")):
                paragraphs.append(current)
                current = ""
            if not line:
                if current:
                    paragraphs.append(current)
                    current = ""
                continue
            current = _glue(current, line) if current else line
            # A line well short of the column ends its paragraph (or is a heading/byline);
            # a sentence end on a somewhat short line does too.
            width = _width(line)
            if width < 0.6 * typical or (line.endswith(_SENTENCE_END) and width < 0.8 * typical):
                paragraphs.append(current)
                current = ""
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs)


def _sane_title(title: str | None) -> str | None:
    if not title:
        return None
    t = title.strip()
    if not t or len(t) > 300 or garbage_reason(t):
        return None
    low = t.lower()
    if low in {"untitled", "title", "document", "untitled document"} or low.startswith(
        ("microsoft word -", "microsoft powerpoint -")
    ) or re.search(r"\.(docx?|pdf|pptx?|odt|tex|indd)$", low):
        return None
    return t


def _pdf_date(raw: str | None) -> PublishedDate | None:
    if not raw:
        return None
    m = re.match(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?", raw.strip())
    if not m:
        return None
    iso = parse_date("-".join(p for p in m.groups() if p))
    if iso and 1990 <= int(iso[:4]) <= 2100:
        return PublishedDate.of(iso, "meta")
    return None


def read_pdf(data: bytes, *, location: str, url: str | None = None) -> Document:
    """Read a PDF's text layer; raise GarbledText rather than return garbage."""
    if not data.lstrip()[:1024].find(b"%PDF-") >= 0:
        raise UnreadableInput(location, "not a PDF (no %PDF- header); the file is damaged or "
                              "has the wrong extension")
    pages, title, created = _pypdf_pages(data, location)
    text = join_lines(pages)
    reason = garbage_reason("".join(pages))
    engine = "pypdf"
    if reason:
        other = _pdfminer_pages(data)
        other_reason = garbage_reason("".join(other))
        if other_reason:
            if reason == "no text" and other_reason == "no text":
                raise GarbledText(location, "the PDF has no text layer (a scan?); OCR it first "
                                  "(e.g. ocrmypdf) and ingest the result")
            detail = reason if reason != "no text" else other_reason
            raise GarbledText(location, f"{GARBLED_MESSAGE} [{detail}]")
        text = join_lines(other)
        engine = "pdfminer"
    return Document(
        text=text,
        format="pdf",
        location=location,
        title=_sane_title(title),
        url=url,
        published=_pdf_date(created),
        meta=(("pages", str(len(pages))), ("pdf_text", engine)),
    )
