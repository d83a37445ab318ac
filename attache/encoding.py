"""Bytes to text: BOM first, then the declared charset, then detection.

The order matters. A byte-order mark is proof; a declared charset (HTTP or WARC header, HTML
``<meta charset>``, XML declaration) is the publisher's claim and is right far more often than a
statistical guess, but it is sometimes wrong, so a declaration that fails to decode strictly falls
through to charset-normalizer instead of producing mojibake. GB2312 and GBK are read as GB18030,
their superset, because pages labelled GB2312 routinely contain GBK-only characters.

Binary input (NUL bytes, a high share of control characters, nothing that decodes) is rejected
with :class:`~attache.errors.DecodeError` rather than passed on as text.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from attache.errors import DecodeError

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_SUPERSETS: dict[str, str] = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "cp936": "gb18030",
    "x-gbk": "gb18030",
    "euc-cn": "gb18030",
    "big5": "big5hkscs",  # HKSCS adds the Hong Kong characters Big5 pages often carry
    "iso-8859-1": "cp1252",  # browsers do the same: 0x80-0x9f are curly quotes, not controls
    "latin-1": "cp1252",
    "iso8859-1": "cp1252",
    "ascii": "utf-8",
    "us-ascii": "utf-8",
}

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE
)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_\-.]+)["']""")
_CT_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# A few stray control characters occur in real text (form feeds from PDFs, old wire copy); a
# text where more than this share are controls is binary that happened to decode.
MAX_CONTROL_SHARE = 0.02


def canonical_charset(name: str | None) -> str | None:
    """The Python codec name for a charset label, widened to its superset; None if unknown."""
    if not name:
        return None
    label = name.strip().strip("\"'").lower()
    label = _SUPERSETS.get(label, label)
    try:
        codec = codecs.lookup(label).name
    except LookupError:
        return None
    return _SUPERSETS.get(codec, codec)


def bom_charset(data: bytes) -> str | None:
    """The encoding a byte-order mark at the start of ``data`` proves, if any."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def charset_from_content_type(content_type: str | None) -> str | None:
    """The ``charset=`` parameter of an HTTP/WARC Content-Type header."""
    if not content_type:
        return None
    m = _CT_CHARSET.search(content_type)
    return m.group(1) if m else None


def charset_from_html(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag within its first 4 KB."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def charset_from_xml(data: bytes) -> str | None:
    """The encoding named in an XML declaration."""
    m = _XML_DECL.match(data[:512])
    return m.group(1).decode("ascii", "replace") if m else None


def declared_charset(data: bytes, header: str | None = None) -> str | None:
    """The charset the input declares: an explicit header wins over what the bytes say."""
    return header or charset_from_xml(data) or charset_from_html(data)


def _check_text(text: str, location: str) -> None:
    if "\x00" in text:
        raise DecodeError(location, "the text contains NUL characters, so it is binary data "
                          "rather than text; check that this is the file you meant")
    if text:
        controls = len(_CONTROL.findall(text[:100_000]))
        if controls / min(len(text), 100_000) > MAX_CONTROL_SHARE:
            raise DecodeError(location, f"{controls} control characters in the text: this looks "
                              "like binary data, not a text document")


def _single_byte(codec: str) -> bool:
    return codec.startswith(("cp125", "iso8859", "koi8", "mac-", "cp866", "latin"))


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def decode(data: bytes, *, declared: str | None = None, location: str) -> tuple[str, str]:
    """Decode ``data`` to text; return the text and the codec used.

    ``declared`` is a charset label from a header or markup (see :func:`declared_charset`).
    Raises :class:`DecodeError` for binary data or bytes no charset explains.
    """
    if not data:
        return "", "utf-8"
    bom = bom_charset(data)
    if bom:
        text = _strict(data, bom)
        if text is None:
            raise DecodeError(location, f"the file starts with a {bom} byte-order mark but does "
                              f"not decode as {bom}; it is probably truncated or corrupt")
        _check_text(text, location)
        return text, bom
    if b"\x00" in data[:65536]:
        codec = canonical_charset(declared)
        # UTF-16/32 without a BOM is the one legitimate source of NUL bytes in text.
        if codec and codec.startswith(("utf-16", "utf-32")):
            text = _strict(data, codec)
            if text is not None:
                _check_text(text, location)
                return text, codec
        raise DecodeError(location, "the bytes contain NULs, so this is binary data rather "
                          "than text (an image, archive or office file?); convert it to text, "
                          "HTML or PDF first")
    codec = canonical_charset(declared)
    if codec and _single_byte(codec) and not data.isascii():
        # "iso-8859-1" on a UTF-8 page is the commonest mislabel; multi-byte UTF-8 sequences
        # almost never occur by accident in single-byte text, so valid UTF-8 wins.
        text = _strict(data, "utf-8")
        if text is not None:
            _check_text(text, location)
            return text, "utf-8"
    if codec:
        text = _strict(data, codec)
        if text is not None:
            _check_text(text, location)
            return text, codec
    # Valid UTF-8 is almost never an accident, and checking it first is cheap and exact.
    text = _strict(data, "utf-8")
    if text is not None:
        _check_text(text, location)
        return text, "utf-8"
    best = from_bytes(data[:200_000]).best()
    if best is None or not best.encoding:
        raise DecodeError(location, "the bytes do not decode in any known charset; if this is "
                          "text, re-save it as UTF-8")
    codec = canonical_charset(best.encoding) or best.encoding
    text = _strict(data, codec)
    if text is None:
        text = data.decode(codec, errors="replace")
        if text.count("\ufffd") > max(3, len(text) // 1000):
            raise DecodeError(location, f"the text is not valid {codec} (best guess); re-save "
                              "it as UTF-8 or pass the right charset")
    _check_text(text, location)
    return text, codec
