"""Number spans in every script: digits with separators, Chinese numerals, scale words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from attache.numbers import ascii_digits, parse_cjk, parse_digits, parse_number, scale_of


@pytest.mark.parametrize("text,language,value", [
    ("10,000", "en", 10000.0),
    ("1,240", "en", 1240.0),
    ("1,24", "ru", 1.24),
    ("1,240", "ru", 1.24),  # a decimal comma in Russian, never a thousands separator
    ("8,5", "kk", 8.5),
    ("10 000", "ru", 10000.0),
    ("10\u00a0000,5", "ru", 10000.5),
    ("2.7", "en", 2.7),
    ("３７", "ja", 37.0),
    ("1.234.567", "en", 1234567.0),
])
def test_parse_digits(text: str, language: str, value: float) -> None:
    assert parse_digits(text, language) == value


@pytest.mark.parametrize("text,value", [
    ("三千五百万", 35_000_000.0),
    ("两", 2.0),
    ("兩百", 200.0),
    ("一亿二千万", 120_000_000.0),
    ("7000萬", 70_000_000.0),
    ("20亿", 2_000_000_000.0),
    ("1.5万亿", 1.5e12),
    ("3兆", 3e12),
    ("千", 1000.0),
    ("十二", 12.0),
])
def test_parse_cjk(text: str, value: float) -> None:
    assert parse_cjk(text) == value


@pytest.mark.parametrize("text", ["几", "十几", "数十", "二〇二五", "", "万亿兆x"])
def test_parse_cjk_refuses_vague_or_codes(text: str) -> None:
    assert parse_cjk(text) is None


def test_parse_number_dispatch() -> None:
    assert parse_number("twelve") == 12.0
    assert parse_number("两千") == 2000.0
    assert parse_number("1,24", "ru") == 1.24
    assert parse_number("  ") is None
    assert parse_number("abc") is None


@pytest.mark.parametrize("word,factor", [
    ("billion", 1e9), ("bn", 1e9), ("mln", 1e6), ("млрд", 1e9), ("млрд.", 1e9),
    ("миллиардтан", 1e9), ("тысяч", 1e3), ("мың", 1e3), ("трлн", 1e12), ("亿", 1e8),
    ("万亿", 1e12), ("億", 1e8),
])
def test_scale_of(word: str, factor: float) -> None:
    assert scale_of(word) == factor


def test_scale_of_unknown() -> None:
    assert scale_of("dollars") is None
    assert scale_of("") is None


def test_ascii_digits_keeps_length() -> None:
    s = "２０２５年１２月"
    assert ascii_digits(s) == "2025年12月"
    assert len(ascii_digits(s)) == len(s)


@given(st.text(max_size=40))
def test_never_raises(text: str) -> None:
    for language in ("en", "ru", "zh-Hans"):
        parse_number(text, language)
    scale_of(text)


def test_russian_number_words() -> None:
    assert parse_number("пяти", "ru") == 5.0
    assert parse_number("Двух", "ru") == 2.0
    assert parse_number("четырёх", "ru") == 4.0
    assert parse_number("пятьдесят", "ru") == 50.0
    assert parse_number("один", "ru") is None  # "one of": never a count
