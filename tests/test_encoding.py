"""Bytes to text: BOMs, declared charsets, detection, and refusal of binary data."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from attache.encoding import (
    MIN_PLAUSIBLE,
    canonical_charset,
    charset_from_content_type,
    charset_from_html,
    charset_from_xml,
    declared_charset,
    decode,
    decode_text,
    plausibility,
)
from attache.errors import DecodeError

# Sentences about Japan–Kazakhstan relations written for these tests, shared by the reader tests.
TEXTS: dict[str, str] = json.loads(
    (Path(__file__).parent / "golden" / "readers" / "texts.json").read_text("utf-8")
)
ZH_HANS, ZH_GB18030, ZH_HANT = TEXTS["ZH_HANS"], TEXTS["ZH_GB18030"], TEXTS["ZH_HANT"]
EN, RU, JA, KK = TEXTS["EN"], TEXTS["RU"], TEXTS["JA"], TEXTS["KK"]
RU_KOI8 = RU.replace("«", '"').replace("»", '"')  # KOI8-R has no guillemets


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        (ZH_HANS, "gbk"),
        (ZH_HANS, "gb2312"),
        (ZH_GB18030, "gb18030"),
        (ZH_HANT, "big5"),
        (RU, "cp1251"),
        (RU_KOI8, "koi8-r"),
        (JA, "shift_jis"),
        (JA, "euc-jp"),
        (KK, "utf-8"),
    ],
)
def test_detected_without_declaration(text: str, codec: str) -> None:
    decoded, used = decode(text.encode(codec), location="t")
    assert decoded == text
    assert used


@pytest.mark.parametrize(
    ("text", "codec"),
    [(ZH_HANS, "gbk"), (ZH_GB18030, "gb18030"), (ZH_HANT, "big5"), (RU, "cp1251"),
     (RU_KOI8, "koi8-r"), (JA, "shift_jis")],
)
def test_declared_charset_is_used(text: str, codec: str) -> None:
    decoded, _ = decode(text.encode(codec), declared=codec, location="t")
    assert decoded == text


def test_gbk_labels_read_as_gb18030() -> None:
    assert canonical_charset("GB2312") == "gb18030"
    assert canonical_charset("gbk") == "gb18030"
    # A page labelled GB2312 that contains GB18030-only characters still decodes.
    decoded, used = decode(ZH_GB18030.encode("gb18030"), declared="gb2312", location="t")
    assert decoded == ZH_GB18030 and used == "gb18030"


@pytest.mark.parametrize(
    ("text", "data", "codec"),
    [
        (KK, KK.encode("utf-16"), "utf-16"),
        (RU, RU.encode("utf-16-be").join([b"\xfe\xff", b""]), "utf-16"),
        (EN, EN.encode("utf-8-sig"), "utf-8-sig"),
        (ZH_HANS, ZH_HANS.encode("utf-8-sig"), "utf-8-sig"),
        (JA, JA.encode("utf-32"), "utf-32"),
    ],
)
def test_bom_wins(text: str, data: bytes, codec: str) -> None:
    decoded, used = decode(data, declared="cp1251", location="t")
    assert decoded == text
    assert used == codec


def test_wrong_declaration_falls_back_to_detection() -> None:
    # Declared UTF-8 (the commonest mislabel) but really GBK: strict decoding fails, so
    # detection runs instead of producing replacement characters.
    data = ZH_HANS.encode("gbk")
    assert decode(data, declared="utf-8", location="t") == (ZH_HANS, "gb18030")
    data = RU.encode("cp1251")
    assert decode(data, declared="utf-8", location="t")[0] == RU


def test_utf8_mislabelled_latin1() -> None:
    assert decode(RU.encode("utf-8"), declared="iso-8859-1", location="t")[0] == RU


def test_unknown_declared_label_is_ignored() -> None:
    assert decode(JA.encode("utf-8"), declared="no-such-charset", location="t")[0] == JA


@pytest.mark.parametrize("text", [KK, RU, EN, ZH_HANS, JA])
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_detected(text: str, codec: str) -> None:
    # Before: refused as "binary (NULs)" unless declared.
    data = text.encode(codec)
    assert decode(data, declared=codec, location="t")[0] == text
    assert decode(data, location="t") == (text, codec)


@pytest.mark.parametrize("text", ["Привет, как дела? Всё хорошо.", RU_KOI8[:40]])
def test_short_koi8r_is_not_read_as_utf16(text: str) -> None:
    # Before: 30 bytes of KOI8-R came back as UTF-16-LE Hangul, language und, exit 0.
    assert decode(text.encode("koi8-r"), location="t")[0] == text


def test_implausible_decoding_is_refused() -> None:
    # Half-width katakana and Hangul soup is what wrong guesses look like.
    assert plausibility("ｱｲｳｴｵ가나다라마바사") < MIN_PLAUSIBLE
    assert plausibility(RU) > 0.95 and plausibility(ZH_HANT) > 0.95
    # Cyrillic read in the wrong single-byte charset is caught by its letter cases and by
    # Latin-1 letters standing for Cyrillic ones.
    assert plausibility(RU_KOI8.encode("koi8-r").decode("cp1251")) < MIN_PLAUSIBLE
    assert plausibility(RU.encode("cp1251").decode("cp1252")) < MIN_PLAUSIBLE


def test_a_few_control_characters_are_stripped_and_counted() -> None:
    # Before: a text with a few control characters was refused whole.
    data = ("Tokyo hosted the forum.\x07 The ministers met\x1b[0m in Astana.\x0cEnd. " + EN[:40]
            ).encode()
    result = decode_text(data, location="t")
    assert result.controls_removed == 3
    assert "\x1b" not in result.text and "\x07" not in result.text
    assert result.text.startswith("Tokyo hosted the forum. The ministers met[0m in Astana.\nEnd.")
    with pytest.raises(DecodeError, match="control characters"):
        decode(bytes(range(1, 9)) * 50 + b"text", location="t")


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200),
        bytes(range(1, 32)) * 40,
        b"\x00\x01\x02binary\x00",
    ],
)
def test_binary_rejected(data: bytes) -> None:
    with pytest.raises(DecodeError) as info:
        decode(data, location="blob.txt")
    assert "blob.txt" in str(info.value)


def test_random_bytes_rejected() -> None:
    rng = random.Random(7)
    data = bytes(rng.randrange(1, 256) for _ in range(4000))
    with pytest.raises(DecodeError):
        decode(data, location="noise")


def test_empty() -> None:
    assert decode(b"", location="t") == ("", "utf-8")


def test_charset_helpers() -> None:
    assert charset_from_content_type("text/html; charset=GBK") == "GBK"
    assert charset_from_content_type('text/html; charset="utf-8"') == "utf-8"
    assert charset_from_content_type("text/html") is None
    assert charset_from_html(b'<html><head><meta charset="big5"></head>') == "big5"
    assert charset_from_html(
        b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
    ) == "windows-1251"
    assert charset_from_xml(b'<?xml version="1.0" encoding="koi8-r"?><rss/>') == "koi8-r"
    assert declared_charset(b'<meta charset="gbk">', "utf-8") == "utf-8"
    assert declared_charset(b'<meta charset="gbk">') == "gbk"
