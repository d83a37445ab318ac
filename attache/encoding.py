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
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes: the codec used and how many control characters were removed."""

    text: str
    codec: str
    controls_removed: int = 0


def _clean(text: str, location: str) -> tuple[str, int]:
    """``text`` without stray control characters, and how many there were.

    A few controls occur in real text (form feeds from PDFs, old wire copy) and are removed
    (vertical tabs and form feeds become line breaks); a text made largely of them is binary
    that happened to decode and is refused.
    """
    if not text:
        return text, 0
    sample = text[:100_000]
    controls = len(_CONTROL.findall(sample))
    if controls > 8 and controls / len(sample) > MAX_CONTROL_SHARE:
        raise DecodeError(location, f"{controls} control characters in the text: this looks "
                          "like binary data, not a text document")
    if not controls and not _CONTROL.search(text, 100_000):
        return text, 0
    cleaned = _CONTROL.sub(lambda m: "\n" if m.group() in "\x0b\x0c" else "", text)
    return cleaned, len(_CONTROL.findall(text))


# Characters the six languages' texts are made of; a decoding that yields many others (Hangul,
# half-width katakana, private use, Latin-1 letters standing for Cyrillic ones) is a wrong guess.
_EXPECTED = re.compile(
    "[\t\n\r\x20-\x7e\u00a0-\u00bf\u00d7\u00f7\u0100-\u017f\u0400-\u04ff\u2000-\u206f"
    "\u20a0-\u20cf\u2100-\u218f\u2190-\u21ff\u2460-\u24ff\u25a0-\u25ff\u3000-\u30ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffef]"
)
_LATIN1_LETTER = re.compile("[\u00c0-\u00ff]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
# Below this a decoding is not believed, whatever the detector says.
MIN_PLAUSIBLE = 0.9


def plausibility(text: str) -> float:
    """How much ``text`` looks like text in attache's six languages, from 0 to 1."""
    sample = text[:20_000]
    if not sample:
        return 0.0
    score = len(_EXPECTED.findall(sample)) / len(sample)
    letters = sum(1 for ch in sample if ch.isalpha()) or 1
    if len(_LATIN1_LETTER.findall(sample)) / letters > 0.25:
        score -= 0.5  # "Ïðèâåò": Cyrillic bytes read as Western European
    cyr = _CYRILLIC.findall(sample)
    if len(cyr) >= 8 and sum(1 for ch in cyr if ch.isupper()) / len(cyr) > 0.6:
        score -= 0.3  # KOI8-R read as cp1251 (or back) swaps the cases
    return score


# Tried after the detector's own candidates: the legacy charsets of the six languages.
_FALLBACKS = ("cp1251", "koi8-r", "gb18030", "big5hkscs", "shift_jis", "euc-jp", "cp1252")


def _utf16_order(data: bytes) -> str | None:
    """utf-16-le/-be when NULs sit on one side of the byte pairs (ASCII-range UTF-16)."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:65536]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    # Spaces, digits and punctuation give NULs even in Cyrillic or CJK text; binary data
    # scatters them on both sides.
    if odd >= 2 and even <= 0.05 * odd:
        return "utf-16-le"
    if even >= 2 and odd <= 0.05 * even:
        return "utf-16-be"
    return None


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
    result = decode_text(data, declared=declared, location=location)
    return result.text, result.codec


def decode_text(data: bytes, *, declared: str | None = None, location: str) -> Decoded:
    """:func:`decode`, also saying how many control characters were removed."""
    if not data:
        return Decoded("", "utf-8")
    text, codec = _decode(data, declared, location)
    text, removed = _clean(text, location)
    return Decoded(text, codec, removed)


def _decode(data: bytes, declared: str | None, location: str) -> tuple[str, str]:
    bom = bom_charset(data)
    if bom:
        text = _strict(data, bom)
        if text is None:
            raise DecodeError(location, f"the file starts with a {bom} byte-order mark but does "
                              f"not decode as {bom}; it is probably truncated or corrupt")
        return text, bom
    codec = canonical_charset(declared)
    if codec and codec.startswith(("utf-16", "utf-32")):
        text = _strict(data, codec)
        if text is not None:
            return text, codec
    nuls = data.count(0, 0, 65536)
    order = _utf16_order(data)
    if nuls and len(data) % 2 == 0:
        # UTF-16 without a BOM is the one legitimate source of many NULs in text; a Han
        # character such as 一 (U+4E00) puts one on the "wrong" side too, so both orders are
        # tried, the one the NULs point to first, and only plausible text is accepted.
        for candidate in dict.fromkeys([order or "utf-16-le", "utf-16-le", "utf-16-be"]):
            text = _strict(data, candidate)
            # Without a clear NUL pattern a few bytes prove nothing.
            if (text is not None and (order or len(text) >= 16)
                    and plausibility(text) >= MIN_PLAUSIBLE):
                return text, candidate
    if nuls > len(data[:65536]) // 1000:  # a stray NUL per KB is stripped, more is binary
        raise DecodeError(location, "the bytes contain NULs, so this is binary data rather "
                          "than text (an image, archive or office file?); convert it to text, "
                          "HTML or PDF first")
    if codec and _single_byte(codec) and not data.isascii():
        # "iso-8859-1" on a UTF-8 page is the commonest mislabel; multi-byte UTF-8 sequences
        # almost never occur by accident in single-byte text, so valid UTF-8 wins.
        text = _strict(data, "utf-8")
        if text is not None:
            return text, "utf-8"
    if codec:
        text = _strict(data, codec)
        if text is not None:
            return text, codec
    # Valid UTF-8 is almost never an accident, and checking it first is cheap and exact.
    text = _strict(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    return _detect(data, location)


def _detect(data: bytes, location: str) -> tuple[str, str]:
    """The most plausible decoding among the detector's guesses and the legacy charsets."""
    guesses = [m.encoding for m in from_bytes(data[:200_000])][:6]
    candidates = list(dict.fromkeys(
        c for c in (canonical_charset(g) for g in [*guesses, *_FALLBACKS]) if c))
    if len(data) % 2 == 0:
        candidates += ["utf-16-le", "utf-16-be"]
    best: tuple[float, str, str] | None = None
    for codec in candidates:
        text = _strict(data, codec)
        if text is None:
            continue
        score = plausibility(text)
        if best is None or score > best[0] + 1e-9:
            best = (score, text, codec)
        if score >= 0.999:
            break
    if best is None:
        raise DecodeError(location, "the bytes do not decode in any known charset; if this is "
                          "text, re-save it as UTF-8")
    score, text, codec = best
    if score < MIN_PLAUSIBLE:
        raise DecodeError(location, f"encoding unclear: no charset gives plausible text (best "
                          f"guess {codec}); re-save the file as UTF-8")
    return text, codec
