"""Sentence spans for all six languages.

A line break always ends a sentence (readers already joined PDF lines, and the seeds put one
sentence per line). Inside a line, CJK sentences end at 。！？ (and ASCII ! ?) with any closing
quotes or brackets; Latin and Cyrillic sentences end at . ! ? followed by a space and a
capital, digit or quote, except after known abbreviations, initials and inside numbers.
Very long runs without punctuation are cut at a comma or space so no sentence is unbounded.
"""

from __future__ import annotations

import re

MAX_SENTENCE = 1200

_CLOSERS = "”’」』）)】》\"'»"
_CJK_END = re.compile(
    rf"[。！？!?…]+[{re.escape(_CLOSERS)}]*|[.][{re.escape(_CLOSERS)}]*(?=[\u3400-\u9fff])")
_WEST_END = re.compile(
    rf"[.!?…]+[{re.escape(_CLOSERS)}]*(?=\s+[\"'«“„(\[]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9\u3400-\u9fff\u3040-\u30ff])"
)
_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "no", "vs", "etc", "e.g", "i.e", "inc",
    "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "u.s", "u.k", "u.n", "gen", "gov", "sen", "rep", "dept", "fig", "approx",
    "г", "гг", "т", "т.е", "т.д", "т.п", "им", "ул", "млрд", "млн", "тыс", "руб", "проф", "др",
    "св", "см", "стр", "рис", "ж", "жж", "б", "т.б", "млн.", "долл",
}
_CJK_CHAR = re.compile(r"[\u3400-\u9fff\u3040-\u30ff\uff00-\uffef]")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences of ``text``, stripped of surrounding space."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        _split_line(line, pos, spans)
        pos += len(line) + 1
    return spans


def _split_line(line: str, offset: int, out: list[tuple[int, int]]) -> None:
    if not line.strip():
        return
    cuts = set()
    for m in _CJK_END.finditer(line):
        cuts.add(m.end())
    for m in _WEST_END.finditer(line):
        if _is_abbreviation(line, m.start()):
            continue
        cuts.add(m.end())
    start = 0
    for cut in sorted(cuts):
        _emit(line, start, cut, offset, out)
        start = cut
    _emit(line, start, len(line), offset, out)


def _is_abbreviation(line: str, dot: int) -> bool:
    if line[dot] != ".":
        return False
    m = re.search(r"([\w.]+)$", line[max(0, dot - 12):dot])
    if not m:
        return False
    word = m.group(1).lower().strip(".")
    if word in _ABBREV:
        return True
    # A single capital letter before the dot is an initial (J. Smith, К. Токаев).
    return len(word) == 1 and line[dot - 1].isupper()


def _emit(line: str, start: int, end: int, offset: int, out: list[tuple[int, int]]) -> None:
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    if start >= end:
        return
    while end - start > MAX_SENTENCE:
        cut = _soft_cut(line, start, start + MAX_SENTENCE)
        out.append((offset + start, offset + cut))
        start = cut
        while start < end and line[start].isspace():
            start += 1
    if start < end:
        out.append((offset + start, offset + end))


def _soft_cut(line: str, start: int, limit: int) -> int:
    window = line[start:limit]
    for sep in ("；", ";", "，", ",", "、", " "):
        i = window.rfind(sep)
        if i > len(window) // 2:
            return start + i + 1
    return limit
