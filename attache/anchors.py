"""Anchors: the publication date from every signal a file carries, and inferred where none does.

Besides the reader's header and byline dates, a date comes from the address
(:func:`url_date`), from a wire dateline (:func:`dateline_date`, patterns in the language files),
and where nothing states it, from the latest dated event the text reports
(:func:`latest_event_month`, month precision, provenance ``inferred``).

Many reposts carry no date at all. When such a text calls an event the *first* summit of a
series the knowledge base knows ("首屆“日本—中亞五國”峰會", "the inaugural Central Asia plus
Japan summit"), the document cannot predate that summit's month, and news about an upcoming or
just-held first summit is written in that month. The result is marked ``inferred`` (month
precision) so briefs list it among their limitations, and it is used only when the reader found
no date at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Protocol

from attache.dates import parse_date
from attache.kb import KnowledgeBase
from attache.lang.lexicon import Lexicon, all_lexicons
from attache.model import Entity, PublishedDate


class DateLike(Protocol):
    """What inference needs of a date mention (``attache.dates.DateMention``)."""

    @property
    def value(self) -> str: ...
    @property
    def relative(self) -> bool: ...

_FIRST = re.compile(r"首届|首屆|首次|第一届|第一屆|\bfirst\b|\binaugural\b|перв\w+|初の|初めて|"
                    r"алғашқы|бірінші", re.IGNORECASE)
_SUMMIT = re.compile(r"峰会|峰會|首脑会议|首腦會議|\bsummit\b|саммит\w*|首脳会議|サミット",
                     re.IGNORECASE)
_WINDOW = 24


def infer_published(view: str, entities: Sequence[Entity], kb: KnowledgeBase
                    ) -> PublishedDate | None:
    for ent in entities:
        if ent.type != "event_series" or not ent.linked:
            continue
        entry = kb.by_name(ent.name)
        if entry is None:
            continue
        first = next((o for o in entry.occurrences if o.kind == "summit" and o.ordinal == 1),
                     None)
        if first is None:
            continue
        for m in ent.mentions:
            window = view[max(0, m.start - _WINDOW):m.end + _WINDOW]
            if _FIRST.search(window) and _SUMMIT.search(window):
                return PublishedDate(value=first.date[:7], source="inferred", precision="month")
    return None


# --- dates in an address ---------------------------------------------------------------------

_URL_DAY = re.compile(r"[/_=-]((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?=/|[-_.?&#]|$)")
_URL_COMPACT = re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)")
_URL_QUERY = re.compile(r"[?&](?:date|d|pubdate|published)=((?:19|20)\d{2})-?(\d{2})-?(\d{2})",
                        re.IGNORECASE)
_URL_MONTH = re.compile(r"/((?:19|20)\d{2})[/-](\d{2})/")


def url_date(url: str | None) -> PublishedDate | None:
    """A date in an address: ``/2025-08-26/``, ``/2025/12/18/``, ``20251218``, ``?date=…``, or
    a month (``/2025/12/``). Only the path and query count, never the host."""
    if not url:
        return None
    rest = url.split("://", 1)[-1]
    rest = rest[rest.find("/"):] if "/" in rest else ""
    for pattern in (_URL_QUERY, _URL_DAY, _URL_COMPACT):
        m = pattern.search(rest)
        if m:
            iso = parse_date(f"{m[1]}-{m[2]}-{m[3]}")
            if iso:
                return PublishedDate.of(iso, "url")
    m = _URL_MONTH.search(rest)
    if m:
        iso = parse_date(f"{m[1]}-{m[2]}")
        if iso:
            return PublishedDate.of(iso, "url")
    return None


# --- wire datelines --------------------------------------------------------------------------

_YEAR = re.compile(r"(?<!\d)(?<!\d[.,])((?:19|20)\d{2})(?!\d|[.,]\d|\s*%)")
_FIGURE = re.compile(r"\d[\d.,]*\s*(?:%|％|percent|процент|пайыз|billion|million|млрд|млн|"
                     r"миллиард|миллион|亿|億|万|萬|兆)|[$€¥£]\s*\d", re.IGNORECASE)
_SENT_END = re.compile(r"[。！？!?\n]|\.\s")


def _sentence_at(text: str, pos: int) -> str:
    starts = [m.end() for m in _SENT_END.finditer(text, 0, pos)]
    start = starts[-1] if starts else 0
    end_m = _SENT_END.search(text, pos)
    return text[start:end_m.start() if end_m else len(text)]


def _past_years(text: str) -> list[tuple[int, int]]:
    """(year, position) of each four-digit year the text does not present as a target."""
    out = []
    lexes = all_lexicons()
    for m in _YEAR.finditer(text):
        before, after = text[max(0, m.start() - 30):m.start()], text[m.end():m.end() + 12]
        if any((lx.future_year_before and lx.future_year_before.search(before))
               or (lx.future_year_after and lx.future_year_after.search(after)) for lx in lexes):
            continue
        out.append((int(m.group(1)), m.start()))
    return out


def _bare(text: str, start: int, end: int) -> bool:
    """A year standing alone ("in 2024", "2024年", "2024 жылы"), not the end of a full date."""
    before, after = text[max(0, start - 14):start], text[end:end + 8]
    if re.search(r"\d\D{0,3}$", before) or re.match(r"\s*(?:年\s*\d|[-/.]\d|ж\w*\s+\d)", after):
        return False
    word = re.search(r"(\w+)\.?\s*$", before)
    return not (word and any(lx.month(word.group(1)) for lx in all_lexicons()))


def _dateline_year(text: str) -> int | None:
    """The year of a dateline that gives only month and day.

    Wires omit the year; the text's latest past year gives it. A year that a figure is given
    for ("trade reached $27.8 billion in 2024") is a finished year, reported after it ended, so
    the dateline falls in the next year.
    """
    years = _past_years(text)
    if not years:
        return None
    latest = max(y for y, _ in years)
    finished = any(y == latest and _bare(text, pos, pos + 4)
                   and _FIGURE.search(_sentence_at(text, pos)) for y, pos in years)
    return latest + 1 if finished else latest


def _dateline_matches(line: str) -> Iterator[tuple[re.Match[str], Lexicon]]:
    for lx in all_lexicons():
        for rx in lx.datelines:
            m = rx.match(line)
            if m:
                yield m, lx


def _head_lines(text: str, n: int = 3) -> Iterator[tuple[int, str]]:
    """The first ``n`` non-empty lines with their offsets."""
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            yield pos, line
            n -= 1
            if not n:
                return
        pos += len(line) + 1


def dateline_span(text: str) -> tuple[int, int] | None:
    """Where a wire dateline stands (``【新华网北京1月8日电】``, ``（中央社記者…東京8日專電）``):
    the reporter and outlet named there are not actors of what follows."""
    for pos, line in _head_lines(text):
        for m, _ in _dateline_matches(line):
            return pos + m.start(), pos + m.end()
    return None


def dateline_date(text: str) -> PublishedDate | None:
    """The date of a wire dateline among the first lines of ``text``.

    ``ASTANA, Dec. 18 —``, ``АСТАНА, 18 февраля. /ТАСС/.``, ``ЖАҢА ДЕЛИ, 15 қазан –``,
    ``【新华网东京8月9日电】``, ``【東京＝共同】2025年8月29日``; a dateline without a year takes
    it from the text (:func:`_dateline_year`); one without a month gives nothing.
    """
    for _, raw in _head_lines(text):
        for m, lx in _dateline_matches(raw.strip()):
            groups = m.groupdict()
            month = lx.month(groups["month"]) if groups.get("month") else None
            if month is None:
                continue
            year = int(groups["year"]) if groups.get("year") else _dateline_year(text)
            if year is None:
                return None
            iso = parse_date(f"{year:04d}-{month:02d}-{int(groups['day']):02d}")
            return PublishedDate.of(iso, "dateline") if iso else None
    return None


def latest_event_month(dates: Sequence[DateLike]) -> PublishedDate | None:
    """Where nothing states a publication date: the month of the latest dated mention (month
    precision or finer, not a range). A report is written after what it reports."""
    months = [d.value[:7] for d in dates if len(d.value) >= 7 and "/" not in d.value
              and not d.relative]
    if not months:
        return None
    return PublishedDate(value=max(months), source="inferred", precision="month")
