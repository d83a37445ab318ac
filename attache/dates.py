"""Dates: standalone date strings, and date expressions in running text.

``parse_date`` reads one date string as found in a header, a meta tag, a feed or a WARC record
and returns it as ISO text at the precision it has (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``).
We parse these ourselves because feedparser silently misreads ``2025年12月18日 10:30``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from email.utils import parsedate_tz

from attache.lang.lexicon import all_lexicons
from attache.numbers import ascii_digits, parse_cjk

_ISO = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?:[T\s].*)?$")
_CJK = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?")
_DMY = re.compile(r"^\s*(\d{1,2})[./](\d{1,2})[./](\d{4})\b")
_YEAR = re.compile(r"^\s*(\d{4})\s*(?:年)?\s*$")

# Month and weekday names come from the language files (attache/lang/*.json).
_MONTHS: dict[str, int] = {k: v for lx in all_lexicons() for k, v in lx.months.items()}

_WORDY = re.compile(
    r"(?:(\d{1,2})\s+([^\W\d_]+)\.?,?\s+(\d{4}))|(?:([^\W\d_]+)\.?\s+(\d{1,2}),?\s+(\d{4}))|"
    r"(?:(\d{4})\s+ж(?:ылғы|\.)?\s+(\d{1,2})\s+([^\W\d_]+))",
    re.IGNORECASE,
)


def _iso(y: int, m: int | None = None, d: int | None = None) -> str | None:
    try:
        if m is None:
            return f"{y:04d}" if 1000 <= y <= 2999 else None
        if d is None:
            return f"{y:04d}-{m:02d}" if 1 <= m <= 12 else None
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def parse_date(value: str | None) -> str | None:
    """Read one date string; return ISO text at its own precision, or None.

    >>> parse_date("2025年12月18日 10:30")
    '2025-12-18'
    >>> parse_date("Thu, 18 Dec 2025 10:30:00 +0500")
    '2025-12-18'
    >>> parse_date("18 декабря 2025 г.")
    '2025-12-18'
    """
    if not value:
        return None
    s = value.strip()
    if not s:
        return None
    m = _ISO.match(s)
    if m:
        return _iso(int(m[1]), int(m[2]), int(m[3]) if m[3] else None)
    m = _CJK.search(s)
    if m:
        return _iso(int(m[1]), int(m[2]), int(m[3]) if m[3] else None)
    m = _DMY.match(s)
    if m:
        return _iso(int(m[3]), int(m[2]), int(m[1]))
    if re.search(r"\d{1,2}:\d{2}", s) or re.match(r"^[A-Za-z]{3},", s):
        t = parsedate_tz(s)
        if t and t[0]:
            return _iso(t[0], t[1], t[2])
    m = _WORDY.search(s)
    if m:
        if m[1]:
            mon = _MONTHS.get(m[2].lower())
            if mon:
                return _iso(int(m[3]), mon, int(m[1]))
        elif m[4]:
            mon = _MONTHS.get(m[4].lower())
            if mon:
                return _iso(int(m[6]), mon, int(m[5]))
        else:
            mon = _MONTHS.get(m[9].lower())
            if mon:
                return _iso(int(m[7]), mon, int(m[8]))
    m = _YEAR.match(s)
    if m:
        return _iso(int(m[1]))
    return None


# --------------------------------------------------------------------------------------------
# Date expressions in running text
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a text, resolved to ISO text.

    ``value`` is ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or a range ``A/B`` of those.
    ``relative`` is True when the value depends on the anchor (publication date).
    """

    text: str
    start: int
    end: int
    value: str
    relative: bool


@dataclass(frozen=True)
class _Anchor:
    year: int
    month: int | None
    day: int | None

    @property
    def date(self) -> date | None:
        if self.month is None or self.day is None:
            return None
        return date(self.year, self.month, self.day)


def _anchor(value: str | None) -> _Anchor | None:
    iso = parse_date(value) if value else None
    if not iso:
        return None
    parts = [int(p) for p in iso[:10].split("-")]
    return _Anchor(parts[0], parts[1] if len(parts) > 1 else None,
                   parts[2] if len(parts) > 2 else None)


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


_D = "[0-9０-９]"
_CN = "[一二三四五六七八九十两兩]"
_YEAR_OK = range(1000, 3000)


def _int(s: str) -> int:
    if any(ch in "一二三四五六七八九十两兩" for ch in s):
        v = parse_cjk(s)
        return int(v) if v is not None else -1
    return int(ascii_digits(s))


_EN_MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
)
_RU_GEN_RE = r"(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
_RU_NOM_RE = (
    r"(?:январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь|"
    r"январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре)"
)
_KK_MONTH_RE = r"(?:қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)"


def _month_no(name: str) -> int | None:
    for lx in all_lexicons():
        k = lx.month(name)
        if k is not None:
            return k
    return None


_WEEKDAYS: dict[str, int] = {k: v for lx in all_lexicons() for k, v in lx.weekdays.items()}

# Spans where digits are not dates: URLs, DOIs, e-mail addresses.
_MASK = re.compile(
    r"https?://[^\s)\]>\"'（）]+|www\.[^\s)\]>\"'（）]+|\b(?:doi|DOI)\s*[:：]\s*\S+|\b10\.\d{4,9}/\S+"
    r"|(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}\.[\w.]{1,63}"
)


def masked_spans(text: str) -> list[tuple[int, int]]:
    """Spans of URLs, DOIs and e-mail addresses, whose digits are neither dates nor figures."""
    return [m.span() for m in _MASK.finditer(text)]


# Each rule: compiled regex and a kind naming the resolver in ``_resolve``.
_RULES: list[tuple[re.Pattern[str], str]] = [
    # Half years, in every language: "the first half of this year", 今年上半年, 上半期,
    # в первом полугодии 2025 года, бірінші жартыжылдықта.
    (re.compile(rf"(?i)\b(?:the\s+)?(first|second)\s+half\s+(?:of\s+)?(this|last|next|{_D}{{4}})(?:\s+year)?\b"
                rf"|\b(H1|H2)\s+({_D}{{4}})\b"), "half_en"),
    (re.compile(rf"(今年|去年|明年|本年|昨年|来年|{_D}{{4}}\s*年)?\s*(上半年|下半年|上半期|下半期|上期|下期)"), "half_cjk"),
    (re.compile(rf"(?i)(?:\bв(?:о)?\s+|\bза\s+)?(перв|втор)(?:ом|ое|ого)\s+полугоди[иея]"
                rf"(?:\s+(этого|прошлого|текущего|следующего)\s+года|\s+({_D}{{4}})\s*(?:года|г\.))?"), "half_ru"),
    (re.compile(rf"(?i)(?:({_D}{{4}})\s*ж(?:ылдың|ылғы|\.)?\s+|(биылғы|өткен\s+жылдың)\s+)?(бірінші|екінші)\s+жартыжылдық\w*"), "half_kk"),
    # CJK
    (re.compile(rf"(令和|平成|昭和)\s*(元|{_D}{{1,2}})\s*年(?:\s*({_D}{{1,2}})\s*月(?:\s*({_D}{{1,2}})\s*日)?)?"), "era"),
    (re.compile(rf"(?<![0-9０-９])({_D}{{4}})\s*年\s*({_D}{{1,2}})\s*月\s*({_D}{{1,2}})\s*[日号號]"), "ymd"),
    (re.compile(rf"(?<![0-9０-９])({_D}{{4}})\s*年\s*({_D}{{1,2}})\s*月(?:份)?(上旬|中旬|下旬|初|底|末|中)?"), "ym"),
    (re.compile(rf"(?:({_D}{{4}})\s*年\s*)?前\s*({_D}{{1,2}}|{_CN}{{1,3}})\s*(?:个|個|か|ヶ|カ)?\s*月"), "first_months"),
    (re.compile(rf"(?:({_D}{{4}})\s*年\s*)?(?<![0-9０-９])({_D}{{1,2}})\s*[-–—~～至到]\s*({_D}{{1,2}})\s*月(?!\s*{_D}{{1,2}}\s*[日号])"), "month_range"),
    (re.compile(rf"(?<![0-9０-９年./\-])({_D}{{1,2}})\s*月\s*({_D}{{1,2}})\s*[日号號](?![元圆圓])"), "md"),
    (re.compile(rf"(?<![0-9０-９年个個/\-.前~～至到\-–—])({_D}{{1,2}})\s*月(?:份)?(上旬|中旬|下旬|初|底|末)?(?![0-9０-９日号號])"), "m"),
    (re.compile(rf"(?<![0-9０-９月/\-.:第])({_D}{{1,2}})\s*[日号號](?![元圆圓本语語文间間线線楼樓院机機令])"), "d"),
    (re.compile(rf"(?:(自|从|從|自从|自從)\s*)?(?<![0-9０-９.\-/])({_D}{{4}})\s*(?:[-–—~～至到]\s*({_D}{{4}})\s*)?年(?!代)(?:度)?(以来|以來|来|至今)?"), "year"),
    (re.compile(rf"(?<![0-9０-９])({_D}{{1,3}}|{_CN}{{1,3}})\s*(年|个月|個月|か月|ヶ月|カ月|天|日)前(?![0-9０-９一二三四五六七八九十])"), "ago_cjk"),
    (re.compile(r"(?:周|週|星期|礼拜|禮拜)([一二三四五六日天])(?![年末])"), "weekday_zh"),
    (re.compile(r"(?<![一二三四五六七八九十0-9])([月火水木金土日])曜日?"), "weekday_ja"),
    # 本 after 日 is 日本 (Japan), as in 日本周五要求: not "this week"
    (re.compile(rf"(一昨年|去年|前年|今年|明年|本年|昨年|来年)\s*({_D}{{1,2}})\s*月(?:\s*({_D}{{1,2}})\s*[日号號])?"), "rel_ym_cjk"),
    (re.compile(r"一昨年|去年|前年|今年|明年|(?<!日)本年|昨年|来年|上个月|上個月|上月|(?<!日)本月|这个月|這個月|下个月|下個月|下月|先月|今月|来月|上周|上週|(?<!日)本周|(?<!日)本週|先週|今週|昨天|昨日|今天|前天|明天"), "rel_cjk"),
    # ISO and numeric
    (re.compile(rf"(?<![0-9０-９\w/.\-])({_D}{{4}})([-/.])({_D}{{1,2}})\2({_D}{{1,2}})(?![0-9０-９\w])"), "iso"),
    (re.compile(rf"(?<![0-9０-９\w/.\-])({_D}{{4}})-(0[1-9]|1[0-2])(?![0-9０-９\w\-])"), "iso_month"),
    (re.compile(rf"(?<![0-9０-９\w.])({_D}{{1,2}})\.({_D}{{1,2}})\.({_D}{{4}})(?![0-9０-９\w])"), "dmy"),
    # English
    (re.compile(rf"\b({_D}{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_EN_MONTH_RE})\.?,?\s+({_D}{{4}})\b"), "en_dmy"),
    (re.compile(rf"\b({_EN_MONTH_RE})\.?\s+({_D}{{1,2}})(?:st|nd|rd|th)?,?\s+({_D}{{4}})\b"), "en_mdy"),
    (re.compile(rf"\b({_EN_MONTH_RE})\.?\s+({_D}{{1,2}})(?:st|nd|rd|th)?\b(?![,.]?\s*[0-9])"), "en_md"),
    (re.compile(rf"\b({_D}{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_EN_MONTH_RE})\b(?!\.?,?\s+[0-9])"), "en_dm"),
    (re.compile(rf"\b(?:(?:early|mid|late|end of|beginning of|the end of)[\s-]+)?({_EN_MONTH_RE})\.?,?\s+({_D}{{4}})\b"), "en_my"),
    (re.compile(rf"\b(?:in|by|since|until|till|during|from|before|after)\s+(?:early\s+|mid-?\s*|late\s+)?({_EN_MONTH_RE})\b(?!\.?,?\s+[0-9])"), "en_m"),
    (re.compile(rf"\b([Ss]ince|[Ii]n|[Bb]y|[Dd]uring|[Uu]ntil|[Tt]ill|[Ff]rom|[Bb]efore|[Aa]fter|[Oo]f|[Ff]or|[Tt]hrough|[Tt]hroughout|[Ee]arly|[Ll]ate|[Mm]id-?)\s+({_D}{{4}})(?:\s*[-–—]\s*({_D}{{4}}))?(?![0-9０-９\w%,.]\d)(?![0-9\w%])"), "en_year"),
    (re.compile(r"(?i)\b(?:last|this|next|past)\s+(?:year|month|week)\b|\byesterday\b|\btoday\b|\btomorrow\b"), "rel_en"),
    (re.compile(rf"(?i)\b({_D}{{1,3}}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty)\s+(years?|months?|days?|weeks?)\s+ago\b"), "ago_en"),
    (re.compile(r"\b(?:([Oo]n|[Ll]ast|[Tt]his)\s+)(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"), "weekday_en"),
    # Russian
    (re.compile(rf"(?i)(?<![0-9０-９])({_D}{{1,2}})\s+({_RU_GEN_RE})\s+({_D}{{4}})(?:\s*(?:года|г\.))?"), "ru_dmy"),
    (re.compile(rf"(?i)(?<![0-9０-９])({_D}{{1,2}})\s+({_RU_GEN_RE})(?!\s+[0-9０-９])"), "ru_dm"),
    (re.compile(rf"(?i)(?:\bв(?:о)?\s+)?\b({_RU_NOM_RE})\s+({_D}{{4}})(?:\s*(?:года|г\.))?"), "ru_my"),
    (re.compile(rf"(?i)\b(?:в(?:о)?|на)\s+({_RU_NOM_RE})(?!\s+[0-9０-９])"), "ru_m"),
    (re.compile(rf"(?i)(?:\b(с|со|в|до|к|по)\s+)?(?<![0-9０-９])({_D}{{4}})\s*(?:[-–—]\s*({_D}{{4}})\s*)?(?:годом|годах|годов|году|года|годы|год|гг\.|г\.)"), "ru_year"),
    (re.compile(r"(?i)\b(?:в|на)\s+(?:прошлом|этом|текущем|следующем|будущем|позапрошлом)\s+(?:году|месяце)\b|\b(?:на\s+)?(?:прошлой|этой|следующей)\s+неделе\b|\bвчера\b|\bсегодня\b|\bзавтра\b|\bпозавчера\b"), "rel_ru"),
    (re.compile(rf"(?i)(?<![0-9０-９])({_D}{{1,3}})\s+(год|года|лет|месяц|месяца|месяцев|день|дня|дней)\s+назад\b"), "ago_ru"),
    (re.compile(r"(?i)\bв(?:о)?\s+(понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)\b"), "weekday_ru"),
    # Kazakh
    (re.compile(rf"(?i)(?<![0-9０-９])({_D}{{4}})\s*ж(?:ылғы|ылы|\.)?\s+({_D}{{1,2}})\s+({_KK_MONTH_RE})\w*"), "kk_ydm"),
    (re.compile(rf"(?i)(?<![0-9０-９])({_D}{{4}})\s*ж(?:ылғы|ылы|\.)?\s+({_KK_MONTH_RE})\w*"), "kk_ym"),
    (re.compile(rf"(?i)(?<![0-9０-９])({_D}{{1,2}})\s+({_KK_MONTH_RE})\w*(?!\s+[0-9０-９])"), "kk_dm"),
    (re.compile(rf"(?i)(?<![0-9０-９])({_D}{{4}})\s*(?:[-–—]\s*({_D}{{4}})\s*)?(?:жылдан\s+(бері|бастап)|жылдары|жылдың|жылдан|жылға|жылғы|жылы|жыл|ж\.)"), "kk_year"),
    (re.compile(r"(?i)\b(?:өткен|келесі|осы|биылғы)\s+(?:жылы|жылдың|айда|аптада)|\bбиыл\w*|\bбылтыр\w*|\bкеше\b|\bбүгін\w*|\bертең\b"), "rel_kk"),
    (re.compile(rf"(?i)(?<![0-9０-９])({_D}{{1,3}})\s+(жыл|ай|күн)\s+бұрын\b"), "ago_kk"),
    (re.compile(r"(?i)\b(дүйсенбі|сейсенбі|сәрсенбі|бейсенбі|жұма|сенбі|жексенбі)\s+күні\b"), "weekday_kk"),
]

_REL_OFFSETS: dict[str, tuple[str, int]] = {
    # word -> (unit, offset)
    "一昨年": ("y", -2), "去年": ("y", -1), "前年": ("y", -2), "今年": ("y", 0), "明年": ("y", 1),
    "本年": ("y", 0), "昨年": ("y", -1), "来年": ("y", 1),
    "上个月": ("m", -1), "上個月": ("m", -1), "上月": ("m", -1), "本月": ("m", 0),
    "这个月": ("m", 0), "這個月": ("m", 0), "下个月": ("m", 1), "下個月": ("m", 1), "下月": ("m", 1),
    "先月": ("m", -1), "今月": ("m", 0), "来月": ("m", 1),
    "上周": ("w", -7), "上週": ("w", -7), "本周": ("w", 0), "本週": ("w", 0), "先週": ("w", -7),
    "今週": ("w", 0),
    "昨天": ("d", -1), "昨日": ("d", -1), "今天": ("d", 0), "前天": ("d", -2), "明天": ("d", 1),
    "last year": ("y", -1), "past year": ("y", -1), "this year": ("y", 0), "next year": ("y", 1),
    "last month": ("m", -1), "past month": ("m", -1), "this month": ("m", 0),
    "next month": ("m", 1), "last week": ("w", -7), "past week": ("w", -7), "this week": ("w", 0),
    "next week": ("w", 7), "yesterday": ("d", -1), "today": ("d", 0), "tomorrow": ("d", 1),
    "в прошлом году": ("y", -1), "в позапрошлом году": ("y", -2), "в этом году": ("y", 0),
    "в текущем году": ("y", 0), "в следующем году": ("y", 1), "в будущем году": ("y", 1),
    "в прошлом месяце": ("m", -1), "в этом месяце": ("m", 0), "в текущем месяце": ("m", 0),
    "в следующем месяце": ("m", 1), "на прошлой неделе": ("w", -7), "на этой неделе": ("w", 0),
    "на следующей неделе": ("w", 7), "прошлой неделе": ("w", -7), "этой неделе": ("w", 0),
    "следующей неделе": ("w", 7),
    "вчера": ("d", -1), "позавчера": ("d", -2), "сегодня": ("d", 0), "завтра": ("d", 1),
    "өткен жылы": ("y", -1), "өткен жылдың": ("y", -1), "келесі жылы": ("y", 1),
    "келесі жылдың": ("y", 1), "осы жылы": ("y", 0), "осы жылдың": ("y", 0), "биыл": ("y", 0),
    "биылғы жылы": ("y", 0), "былтыр": ("y", -1), "өткен айда": ("m", -1), "осы айда": ("m", 0),
    "келесі айда": ("m", 1), "өткен аптада": ("w", -7), "осы аптада": ("w", 0),
    "келесі аптада": ("w", 7), "кеше": ("d", -1), "бүгін": ("d", 0), "ертең": ("d", 1),
}

_TEN_DAYS = {"上旬", "中旬", "下旬", "初", "底", "末", "中"}


def _rel(word: str, a: _Anchor) -> str | None:
    key = re.sub(r"\s+", " ", word.strip().lower())
    if key not in _REL_OFFSETS:
        for stem in ("биыл", "былтыр", "бүгін"):
            if key.startswith(stem):
                key = stem
                break
    if key not in _REL_OFFSETS:
        return None
    unit, k = _REL_OFFSETS[key]
    if unit == "y":
        return _iso(a.year + k)
    if a.month is None:
        return None
    if unit == "m":
        y, m = _add_months(a.year, a.month, k)
        return _iso(y, m)
    d = a.date
    if d is None:
        return None
    t = date.fromordinal(d.toordinal() + k)
    # a week is not a day: keep month precision for it
    return f"{t.year:04d}-{t.month:02d}" if unit == "w" else t.isoformat()


def _month_day(a: _Anchor, m: int, d: int) -> str | None:
    """A month and day without a year: the anchor's year, or the year before if that would
    put the date more than about two months after the anchor (an article looks back)."""
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    y = a.year
    if a.month is not None:
        ad = a.date or date(a.year, a.month, 28)
        try:
            cand = date(y, m, d)
        except ValueError:
            return None
        if cand.toordinal() - ad.toordinal() > 62:
            y -= 1
    return _iso(y, m, d)


def _month_only(a: _Anchor, m: int, future: bool = False) -> str | None:
    if not 1 <= m <= 12:
        return None
    y = a.year
    if a.month is not None and future:
        y += m < a.month  # "planned for January", told in December
    elif a.month is not None and m > a.month + 2:
        y -= 1
    return _iso(y, m)


def _weekday(a: _Anchor, wd: int, strict: bool = False) -> str | None:
    d = a.date
    if d is None:
        return None
    delta = (d.weekday() - wd) % 7
    if strict and delta == 0:
        delta = 7
    return date.fromordinal(d.toordinal() - delta).isoformat()


def _weekday_ahead(a: _Anchor, wd: int) -> str | None:
    d = a.date
    if d is None:
        return None
    return date.fromordinal(d.toordinal() + (wd - d.weekday()) % 7).isoformat()


# A weekday in a sentence about the future ("В субботу Токаев примет участие…", "will meet
# on Friday", "将于周六出席") is the coming one, not the last one.
_FUTURE = re.compile(
    r"примет|будет|состоится|долж(?:ен|на|но|ны)\s+был[аио]?\s+\w+|пройд[её]т|провед[её]т|посетит|отправится|планиру|намерен|"
    r"\bwill\b|\bis (?:to|due|expected)\b|\bplans? to\b|将|将要|计划|拟|予定|見通し|"
    r"болады|қатысады|барады|жоспарла|намечен|запланирован|planned for|scheduled for|原定|预定|預定|"
    r"договорил\w* о|agreed to|agree to|商定|约定|約定|合意し",
    re.IGNORECASE)
# Where the clause of a date ends: "signed on Thursday to form a venture that will …".
_CLAUSE_END = re.compile(r"\b(?:that|which|who|to)\b|[;；]|\s(?:что|который|которая|которое)\b")


_PAREN = re.compile(r"\([^()]*\)|（[^（）]*）")


def _is_future(text: str, s: int, e: int) -> bool:
    """Whether the clause around a date mention speaks of the future."""
    # Asides in brackets ("(в 2019–2022 годах …)") do not count towards the reach.
    after = _PAREN.sub("", re.split(r"[。！？.!?\n]", text[e:e + 160])[0])[:60]
    cut = _CLAUSE_END.search(after)
    after = after[:cut.start()] if cut else after
    around = re.split(r"[。！？.!?\n]", text[max(0, s - 30):s])[-1] + after
    return bool(_FUTURE.search(around))


_WEEKDAY_KINDS = ("weekday_zh", "weekday_ja", "weekday_en", "weekday_ru", "weekday_kk")


def _ago(a: _Anchor, n: int, unit: str) -> str | None:
    if n < 0:
        return None
    if unit == "y":
        return _iso(a.year - n)
    if a.month is None:
        return None
    if unit == "m":
        y, m = _add_months(a.year, a.month, -n)
        return _iso(y, m)
    d = a.date
    if d is None or n > 3650:
        return None
    days = n * 7 if unit == "w" else n
    return date.fromordinal(d.toordinal() - days).isoformat()


_EN_SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
             "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twenty": 20, "thirty": 30}


def _unit_of(word: str) -> str:
    w = word.lower()
    if w.startswith(("year", "год", "лет", "жыл", "年")):
        return "y"
    if w.startswith(("month", "месяц", "ай")) or w.endswith("月"):
        return "m"
    if w.startswith("week"):
        return "w"
    return "d"


def _year_range(y1: int, y2: int | None) -> str | None:
    a = _iso(y1)
    if a is None:
        return None
    if y2 is None:
        return a
    b = _iso(y2)
    if b is None or y2 < y1:
        return None
    return f"{a}/{b}"


def _since(y: int, a: _Anchor | None) -> tuple[str, bool] | None:
    start = _iso(y)
    if start is None:
        return None
    if a is None or a.year < y:
        return start, False
    return f"{start}/{a.year:04d}", True


def _half(year: int | None, second: bool) -> str | None:
    if year is None:
        return None
    return f"{year:04d}-07/{year:04d}-12" if second else f"{year:04d}-01/{year:04d}-06"


def _half_year(word: str | None, a: _Anchor | None) -> tuple[int | None, bool]:
    """The year a half-year phrase names, and whether it needed the anchor."""
    if word is None or not word.strip():
        return (a.year if a else None), True
    w = word.strip().lower()
    digits = re.sub(r"\D", "", ascii_digits(w))
    if len(digits) == 4:
        return int(digits), False
    if a is None:
        return None, True
    offset = -1 if w in ("last", "去年", "昨年", "прошлого", "өткен жылдың") or "өткен" in w else (
        1 if w in ("next", "明年", "来年", "следующего") else 0)
    return a.year + offset, True


Resolved = tuple[str, bool] | None
_Match = re.Match[str]


def _fixed(v: str | None) -> Resolved:
    return (v, False) if v else None


def _r_half(kind: str, m: _Match, a: _Anchor | None) -> Resolved:
    g = m.group
    if kind == "half_en":
        second, (year, rel) = (g(1) or g(3) or "").lower() in ("second", "h2"), _half_year(
            g(2) or g(4), a)
    elif kind == "half_cjk":
        second, (year, rel) = g(2).startswith("下"), _half_year(g(1), a)
    elif kind == "half_ru":
        second, (year, rel) = g(1).lower() == "втор", _half_year(g(2) or g(3), a)
    else:
        second, (year, rel) = g(3).lower() == "екінші", _half_year(g(1) or g(2), a)
    v = _half(year, second)
    return (v, rel) if v else None


def _r_era(m: _Match) -> Resolved:
    g = m.group
    base = {"令和": 2018, "平成": 1988, "昭和": 1925}[g(1)]
    y = base + (1 if g(2) == "元" else _int(g(2)))
    return _fixed(_iso(y, _int(g(3)) if g(3) else None, _int(g(4)) if g(4) else None))


def _r_months(kind: str, m: _Match, a: _Anchor | None) -> Resolved:
    """前三个月 / 1-3月: a span of months in a stated year or the anchor's."""
    g = m.group
    lo, hi = (1, _int(g(2))) if kind == "first_months" else (_int(g(2)), _int(g(3)))
    if not (1 <= lo <= hi <= 12):
        return None
    if g(1):
        y, rel = _int(g(1)), False
    elif a is not None:
        y, rel = a.year, True
    else:
        return None
    s, e = _iso(y, lo), _iso(y, hi)
    return (f"{s}/{e}", rel) if s and e else None


def _years(y1: int, y2: int | None, since: bool, a: _Anchor | None) -> Resolved:
    if since and y2 is None:
        return _since(y1, a)
    return _fixed(_year_range(y1, y2))


def _r_year(kind: str, m: _Match, a: _Anchor | None) -> Resolved:
    g = m.group
    if kind == "kk_year":
        return _years(_int(g(1)), _int(g(2)) if g(2) else None, bool(g(3)), a)
    y1, y2 = _int(g(2)), (_int(g(3)) if g(3) else None)
    if kind == "en_year":
        if not 1800 <= y1 <= 2200:
            return None
        return _years(y1, y2, g(1).lower() == "since", a)
    if kind == "ru_year":
        return _years(y1, y2, bool(g(1)) and g(1).lower() in ("с", "со"), a)
    return _years(y1, y2, bool(g(4)), a)


def _named(name: str, y: str, d: str | None = None) -> str | None:
    mn = _month_no(name)
    return _iso(_int(y), mn, _int(d) if d else None) if mn else None


# Absolute expressions: kind -> resolver of the match (the anchor only for "since" spans).
_ABSOLUTE: dict[str, Callable[[_Match], str | None]] = {
    "ymd": lambda m: _iso(_int(m.group(1)), _int(m.group(2)), _int(m.group(3))),
    "iso": lambda m: _iso(_int(m.group(1)), _int(m.group(3)), _int(m.group(4))),
    "ym": lambda m: _iso(_int(m.group(1)), _int(m.group(2))),
    "iso_month": lambda m: _iso(_int(m.group(1)), _int(m.group(2))),
    "dmy": lambda m: _iso(_int(m.group(3)), _int(m.group(2)), _int(m.group(1))),
    "en_dmy": lambda m: _named(m.group(2), m.group(3), m.group(1)),
    "ru_dmy": lambda m: _named(m.group(2), m.group(3), m.group(1)),
    "en_mdy": lambda m: _named(m.group(1), m.group(3), m.group(2)),
    "kk_ydm": lambda m: _named(m.group(3), m.group(1), m.group(2)),
    "en_my": lambda m: _named(m.group(1), m.group(2)),
    "ru_my": lambda m: _named(m.group(1), m.group(2)),
    "kk_ym": lambda m: _named(m.group(2), m.group(1)),
}


def _future(m: _Match) -> bool:
    return _is_future(m.string, m.start(), m.end())


def _month_named(a: _Anchor, m: _Match, name: str, day: str | None) -> str | None:
    mn = _month_no(name)
    if not mn:
        return None
    return _month_day(a, mn, _int(day)) if day else _month_only(a, mn, _future(m))


def _r_ago_en(a: _Anchor, m: _Match) -> str | None:
    n = m.group(1).lower()
    return _ago(a, _EN_SMALL[n] if n in _EN_SMALL else _int(n), _unit_of(m.group(2)))


def _r_rel_ym(a: _Anchor, m: _Match) -> str | None:
    ry = _rel(m.group(1), a)
    g3 = m.group(3)
    return _iso(int(ry), _int(m.group(2)), _int(g3) if g3 else None) if ry else None


# Relative expressions: kind -> resolver against the anchor (the publication date).
_RELATIVE: dict[str, Callable[[_Anchor, _Match], str | None]] = {
    "md": lambda a, m: _month_day(a, _int(m.group(1)), _int(m.group(2))),
    "en_md": lambda a, m: _month_named(a, m, m.group(1), m.group(2)),
    "en_dm": lambda a, m: _month_named(a, m, m.group(2), m.group(1)),
    "ru_dm": lambda a, m: _month_named(a, m, m.group(2), m.group(1)),
    "kk_dm": lambda a, m: _month_named(a, m, m.group(2), m.group(1)),
    "m": lambda a, m: _month_only(a, _int(m.group(1)), _future(m)),
    "en_m": lambda a, m: _month_named(a, m, m.group(1), None),
    "ru_m": lambda a, m: _month_named(a, m, m.group(1), None),
    "d": lambda a, m: _day_only(a, _int(m.group(1)), future=_future(m)),
    "rel_ym_cjk": _r_rel_ym,
    "rel_cjk": lambda a, m: _rel(m.group(0), a),
    "rel_en": lambda a, m: _rel(m.group(0), a),
    "rel_ru": lambda a, m: _rel(m.group(0), a),
    "rel_kk": lambda a, m: _rel(m.group(0), a),
    "ago_cjk": lambda a, m: _ago(a, _int(m.group(1)), _unit_of(m.group(2))),
    "ago_en": _r_ago_en,
    "ago_ru": lambda a, m: _ago(a, _int(m.group(1)), _unit_of(m.group(2))),
    "ago_kk": lambda a, m: _ago(a, _int(m.group(1)), _unit_of(m.group(2))),
    "weekday_zh": lambda a, m: _weekday(a, _WEEKDAYS[m.group(1)]),
    "weekday_ja": lambda a, m: _weekday(a, _WEEKDAYS[m.group(1)]),
    "weekday_en": lambda a, m: _weekday(a, _WEEKDAYS[m.group(2).lower()],
                                        strict=m.group(1).lower() == "last"),
    "weekday_ru": lambda a, m: _weekday(a, _WEEKDAYS[m.group(1).lower()]),
    "weekday_kk": lambda a, m: _weekday(a, _WEEKDAYS[m.group(1).lower()]),
}


def _resolve(kind: str, m: _Match, a: _Anchor | None) -> Resolved:
    """The ISO value of one match and whether it needed the anchor; None to drop it."""
    if kind.startswith("half_"):
        return _r_half(kind, m, a)
    if kind == "era":
        return _r_era(m)
    if kind in ("first_months", "month_range"):
        return _r_months(kind, m, a)
    if kind in ("year", "en_year", "ru_year", "kk_year"):
        return _r_year(kind, m, a)
    if kind in _ABSOLUTE:
        return _fixed(_ABSOLUTE[kind](m))
    rel = _RELATIVE.get(kind)
    if a is None or rel is None:
        return None
    v = rel(a, m)
    return (v, True) if v else None


def _day_only(a: _Anchor, d: int, future: bool = False) -> str | None:
    """A bare day of the month (29日): the anchor's month, or the month before if the day is
    well past the anchor's day (news reports what happened). A day shortly after the anchor
    (an article of the 18th about the 20th) or in a sentence about the future keeps the
    anchor's month."""
    if a.month is None or not 1 <= d <= 31:
        return None
    y, m = a.year, a.month
    if a.day is not None and d > a.day and not future and d - a.day > _DAYS_AHEAD:
        y, m = _add_months(y, m, -1)
    return _iso(y, m, d)


_DAYS_AHEAD = 10


# Kinds that only make sense in some languages; elsewhere they misfire (日 in Japanese text
# is also "day" in compounds, 今日 is a Chinese outlet name …).
_CJK_KINDS = {"rel_ym_cjk", "era", "ymd", "ym", "first_months", "month_range", "md", "m", "d", "year",
              "ago_cjk", "weekday_zh", "weekday_ja", "rel_cjk"}


_Cand = tuple[int, int, str, bool]


def _longest_first(cands: list[_Cand]) -> list[_Cand]:
    """Drop overlapping candidates, keeping the longest; clusters of overlapping candidates
    are resolved one at a time so that a long line with thousands of dates stays linear."""
    cands = sorted(cands)
    out: list[_Cand] = []
    i = 0
    while i < len(cands):
        j, reach = i + 1, cands[i][1]
        while j < len(cands) and cands[j][0] < reach:
            reach = max(reach, cands[j][1])
            j += 1
        cluster = sorted(cands[i:j], key=lambda c: (-(c[1] - c[0]), c[0]))
        kept: list[_Cand] = []
        for c in cluster:
            if all(c[1] <= t[0] or t[1] <= c[0] for t in kept):
                kept.append(c)
        out.extend(sorted(kept))
        i = j
    return out


def _weekday_word(m: re.Match[str], kind: str) -> str:
    return (m.group(2) if kind == "weekday_en" else m.group(1)).lower()


def find_dates(text: str, language: str, anchor: str | None) -> list[DateMention]:
    """Find and resolve the date expressions of a text.

    ``text`` is the matching view (Simplified where the original was Traditional, same length).
    Expressions that need the anchor (去年, 12月3日, last year, 29日 …) are skipped when
    ``anchor`` is None. Overlapping matches keep the longest.
    """
    if not text:
        return []
    a = _anchor(anchor)
    masks = masked_spans(text)
    has_cjk = bool(re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text))
    cands: list[tuple[int, int, str, bool]] = []
    for rx, kind in _RULES:
        if kind in _CJK_KINDS and not has_cjk:
            continue
        if kind == "weekday_ja" and language != "ja":
            continue
        if kind == "weekday_zh" and language == "ja":
            continue
        for m in rx.finditer(text):
            s, e = m.span()
            if any(ms < e and s < me for ms, me in masks):
                continue
            r = _resolve(kind, m, a)
            if r is None:
                continue
            if (a is not None and kind in _WEEKDAY_KINDS
                    and not text[s:e].lower().startswith(("last", "上"))):
                if _is_future(text, s, e):
                    ahead = _weekday_ahead(a, _WEEKDAYS[_weekday_word(m, kind)])
                    r = (ahead, True) if ahead else r
            # trim whitespace the optional prefixes may have swallowed
            while s < e and text[s].isspace():
                s += 1
            cands.append((s, e, r[0], r[1]))
    taken = _longest_first(cands)
    return [DateMention(text[s:e], s, e, v, rel) for s, e, v, rel in taken]
