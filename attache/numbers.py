"""Numbers as written in running text, in every script attache reads.

Pure functions, no I/O. ``parse_number`` turns the digits of one captured number span
(``1,24``, ``10 000``, ``２０``, ``三千五百万``, ``7000萬``) into a float; ``scale_of`` turns a
multiplier word (``亿``, ``billion``, ``млрд``, ``миллиард``) into its factor. Chinese numerals
are read with cn2an, but only on the captured span, never on whole sentences: cn2an's sentence
mode rewrites years, names and idioms.
"""

from __future__ import annotations

import re
import unicodedata

import cn2an

CJK_DIGITS = "零〇一二三四五六七八九十百千万亿两兩萬億"
"""Characters that can make up a Chinese numeral (both scripts)."""

_CJK_MULT: dict[str, float] = {
    "十": 10.0, "百": 100.0, "千": 1e3, "万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "兆": 1e12,
}
_CJK_DIGIT: dict[str, int] = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9,
}

# Factor of each multiplier word, lower-cased. Russian and Kazakh words are matched by
# prefix (``млрд``, ``миллиард``…) in :func:`scale_of` because of case endings.
_SCALE_WORDS: dict[str, float] = {
    "k": 1e3, "thousand": 1e3, "thousands": 1e3,
    "m": 1e6, "mn": 1e6, "mln": 1e6, "million": 1e6, "millions": 1e6,
    "b": 1e9, "bn": 1e9, "bln": 1e9, "billion": 1e9, "billions": 1e9,
    "tn": 1e12, "trn": 1e12, "trillion": 1e12, "trillions": 1e12,
}
_SCALE_PREFIXES: tuple[tuple[str, float], ...] = (
    ("тыс", 1e3), ("мың", 1e3), ("млн", 1e6), ("миллион", 1e6), ("млрд", 1e9),
    ("миллиард", 1e9), ("трлн", 1e12), ("триллион", 1e12),
)

_EN_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}
EN_NUMBER_WORDS: tuple[str, ...] = tuple(_EN_WORDS)

# Russian cardinals in the cases they take before a counted noun (пять государств, пяти
# государств, двух документов). "один" is left out: "one of" is an article, not a count.
_RU_STEMS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (2, ("два", "две", "двух", "двум", "двумя")),
    (3, ("три", "трех", "трёх", "трем", "трём", "тремя")),
    (4, ("четыре", "четырех", "четырёх", "четырем", "четырём", "четырьмя")),
    (5, ("пять", "пяти", "пятью")), (6, ("шесть", "шести", "шестью")),
    (7, ("семь", "семи", "семью")), (8, ("восемь", "восьми", "восемью")),
    (9, ("девять", "девяти", "девятью")), (10, ("десять", "десяти", "десятью")),
    (11, ("одиннадцать", "одиннадцати")), (12, ("двенадцать", "двенадцати")),
    (13, ("тринадцать", "тринадцати")), (14, ("четырнадцать", "четырнадцати")),
    (15, ("пятнадцать", "пятнадцати")), (16, ("шестнадцать", "шестнадцати")),
    (17, ("семнадцать", "семнадцати")), (18, ("восемнадцать", "восемнадцати")),
    (19, ("девятнадцать", "девятнадцати")), (20, ("двадцать", "двадцати")),
    (30, ("тридцать", "тридцати")), (40, ("сорок", "сорока")),
    (50, ("пятьдесят", "пятидесяти")), (100, ("сто", "ста")),
)
_RU_WORDS: dict[str, int] = {form: value for value, forms in _RU_STEMS for form in forms}
RU_NUMBER_WORDS: tuple[str, ...] = tuple(sorted(_RU_WORDS, key=len, reverse=True))

_GROUPED = re.compile(r"^\d{1,3}(?:([,\u00a0\u202f\u2009 '])\d{3})(?:\1\d{3})*(?:[.,]\d+)?$")
_SEP_SPACE = "\u00a0\u202f\u2009 '"


def ascii_digits(s: str) -> str:
    """Any Unicode decimal digits (fullwidth ２０２５ too) as ASCII, same length."""
    # Fullwidth digits and separators (２０２５，１２) become ASCII; NFKC of digits never
    # changes their count, so offsets computed on the caller's side stay valid.
    out = []
    for ch in s:
        if ch.isdigit():
            out.append(str(unicodedata.digit(ch, 0)))
        elif ch in "，":
            out.append(",")
        elif ch in "．":
            out.append(".")
        else:
            out.append(ch)
    return "".join(out)


def parse_digits(s: str, language: str = "und") -> float | None:
    """Read a run of Arabic digits with separators: ``10,000``, ``1,24``, ``10 000``, ``2.7``.

    A comma followed by exactly three digits is a thousands separator, except in Russian and
    Kazakh where the decimal comma is usual (``1,24 трлн``); a comma with one, two or four and
    more digits after it is always decimal.
    """
    t = ascii_digits(s).strip()
    if not t:
        return None
    m = _GROUPED.match(t)
    if m and (m[1] != "," or language not in ("ru", "kk")):
        # ru/kk: "1,240" is one point two four, never a thousand and something
        body = t.replace(m[1], "").replace(",", ".")
        try:
            return float(body)
        except ValueError:
            return None
    t = t.replace(",", ".")
    if t.count(".") > 1:
        # 1.234.567 (German style thousands) is read as thousands separators
        parts = t.split(".")
        if all(len(p) == 3 for p in parts[1:]):
            t = "".join(parts)
        else:
            return None
    try:
        return float(t)
    except ValueError:
        return None


def parse_cjk(s: str) -> float | None:
    """Read a Chinese numeral or a digits-plus-multiplier mix: ``三千五百万``, ``20亿``, ``1.5万亿``.

    Returns None for vague forms (``几``, ``数``) and for anything cn2an refuses.
    """
    t = ascii_digits(s).strip()
    if not t or "几" in t or "幾" in t or "数" in t:
        return None
    # digits followed by multipliers: 20亿, 7000萬, 1.5万亿, 3兆
    m = re.match(r"^(\d+(?:[.,]\d+)?)([十百千万萬亿億兆]+)$", t)
    if m:
        base = parse_digits(m[1])
        if base is None:
            return None
        factor = 1.0
        for ch in m[2]:
            factor *= _CJK_MULT[ch]
        return base * factor
    if re.fullmatch(r"\d+(?:[.,]\d+)?", t):
        return parse_digits(t)
    if not all(ch in CJK_DIGITS or ch == "兆" for ch in t):
        return None
    # cn2an does not know Traditional characters nor 兆 as a multiplier
    simp = t.replace("兩", "两").replace("萬", "万").replace("億", "亿")
    tail = 1.0
    while simp and simp[-1] == "兆":
        tail *= 1e12
        simp = simp[:-1]
    if not simp:
        return None
    if len(simp) == 1 and simp in "十百千万亿":
        return _CJK_MULT[simp] * tail
    if len(simp) > 1 and all(ch in _CJK_DIGIT for ch in simp):
        # digit-by-digit numerals such as 二〇二五 are years or codes, not quantities
        return None
    try:
        value = float(cn2an.cn2an(simp, "smart"))
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return value * tail


def parse_number(s: str, language: str = "und") -> float | None:
    """Read any captured number span: Arabic digits, Chinese numerals, English and Russian
    number words."""
    t = s.strip()
    if not t:
        return None
    low = t.lower()
    if low in _EN_WORDS:
        return float(_EN_WORDS[low])
    if low in _RU_WORDS:
        return float(_RU_WORDS[low])
    if any(ch in CJK_DIGITS or ch == "兆" for ch in t):
        return parse_cjk(t)
    return parse_digits(t, language)


def scale_of(word: str) -> float | None:
    """The factor of a multiplier word (``billion``, ``млрд``, ``миллиардтан``, ``亿``), or None."""
    w = word.strip().lower().rstrip(".")
    if not w:
        return None
    if w in _SCALE_WORDS:
        return _SCALE_WORDS[w]
    if all(ch in _CJK_MULT for ch in w):
        factor = 1.0
        for ch in w:
            factor *= _CJK_MULT[ch]
        return factor
    for prefix, factor in _SCALE_PREFIXES:
        if w.startswith(prefix):
            return factor
    return None
