"""The figure ledger: figures that measure the same thing, side by side, with a verdict.

**Measures.** Figures are comparable when they share a subject ("trade", "investment") and a
unit (currencies are compared as written; there is no FX conversion, so a JPY and a USD figure
never meet), and their entity sets overlap. Entity sets are compared at country level — a
person, place or organisation counts as its country in the knowledge base — because a sentence
that names Tokayev or Astana is about Kazakhstan, and an outlet credited in the sentence must
not split a measure. Sets join when their Jaccard similarity is at least 0.5 (so {Japan,
Kazakhstan} and {Kazakhstan} join, {Japan, Kazakhstan} and {Japan, Uzbekistan} do not);
figures without entities join the largest set of their subject and unit. Figures without a
subject are left out: nothing can be checked against them. So are figures whose subject does
not fit their unit — a sum of money for "countries" or "times", a bare count for "investment"
or "trade", a tonnage of "talks" — since grouping them would compare things that are not
measures at all (see :func:`subject_fits_unit`).

**Periods.** A figure for a period (a year, a month, a range of up to three years: a *flow*,
such as trade in 2024) is compared only with figures for the same period. Cumulative figures
(a range longer than three years, "since 1993" read as such even when the extractor kept only
the year) and figures without a period are *stocks*: their as-of date is the period's end or
else the publication date, and stocks of one measure form one group over time. As-of dates are
compared by year, the precision at which such totals are reported.

Periods nest: a flow for a year contains one for a month of it, which contains one for a day
("14 agreements" dated December 2025 by one report and 18 December 2025 by another are one
claim). A coarser period joins the finer ones it contains when those form a single chain
(2025 ⊇ 2025-12 ⊇ 2025-12-18, but not 2025-12 ⊇ {2025-12-18, 2025-12-20}); a year joins a
month or a day only when its figures are consistent with theirs, since "trade in 2024" and
"trade in December 2024" are different measures. Different years (trade 2021, trade 2024) and
explicit ranges never nest. A figure without a period that was published during a month- or
day-dated flow (or within a week after it) and agrees with it joins that flow: "signed 14
agreements", undated, in a report of the visit, is the visit's 14 agreements. The group is
labelled with its most reported period (the most precise on a tie), and every figure of a flow
group carries that label as ``period`` and ``as_of`` (what it said is kept in
``stated_period``), so that every view of the ledger shows one period per group.

**Verdicts.** Each figure stands for an interval: ``exact`` is its value give or take half a
unit of its last significant digit (at most 5%); ``approx`` ±12%; ``over``/``at_least`` up to
25% above; ``under``/``at_most`` down to 25% below; a range is its two ends. Figures of one
period agree when all their intervals share a point. A group is

* ``single-source`` when one independent source carries all its figures;
* ``conflict`` when the figures of some period (as-of year) share no point;
* ``update`` when a stock is reported for several as-of years, each consistent;
* ``agree`` otherwise. Undated stock figures do not take part in the verdict.

**Independent sources.** Documents are grouped into stories, and a story counts once:

* a reprint (``documents.duplicate_of``, followed to the original) belongs to its original;
* documents of one identified outlet published within two days that share a claim (a figure
  value of the same subject and unit, or an event of the same type and date) are one story,
  whatever their languages: an outlet's Chinese and Russian versions of one report;
* documents in different languages published within a day whose claims are near-identical
  (Jaccard ≥ 0.75 over at least two claims) are one story — a translation — provided at least
  one of them has no identified outlet. Two identified outlets reporting the same numbers on
  the same day are two sources: that is what corroboration looks like.

The earliest document of a story represents it; the others carry ``reprint_of`` (the
representative's id) and ``relation`` (reprint, same-outlet, translation).
"""

from __future__ import annotations

import calendar
import json
import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any, Literal

import sqlalchemy as sa

from attache.kb import KnowledgeBase, default_kb
from attache.store import SqlStore, documents, events, figures, sentences, sources
from attache.topic import Topic, core_documents, relevant_documents

Verdict = Literal["agree", "conflict", "update", "single-source"]

APPROX_TOLERANCE = 0.12
EXACT_MAX_TOLERANCE = 0.05
BOUND_REACH = 0.25
ENTITY_JACCARD = 0.5
TRANSLATION_JACCARD = 0.75
CUMULATIVE_MIN_YEARS = 3

_VERDICT_ORDER = {"conflict": 0, "update": 1, "agree": 2, "single-source": 3}


# ---- documents and stories --------------------------------------------------------------


@dataclass(frozen=True)
class DocInfo:
    """What the ledger and the timeline show about a document."""

    id: str
    published: str | None
    language: str
    outlet: str
    outlet_key: str | None  # set only for an identified outlet
    source_kind: str
    location: str
    duplicate_of: str | None


@dataclass(frozen=True)
class Story:
    """The story a document belongs to: its representative and how the document relates."""

    key: str
    reprint_of: str | None
    relation: str | None  # reprint, same-outlet, translation


def load_documents(store: SqlStore, doc_ids: Iterable[str] | None = None) -> dict[str, DocInfo]:
    q = (sa.select(documents.c.id, documents.c.published, documents.c.language,
                   documents.c.outlet, documents.c.location, documents.c.duplicate_of,
                   sources.c.name.label("source"), sources.c.kind, sources.c.guessed)
         .select_from(documents.outerjoin(sources, sources.c.id == documents.c.source_id)))
    if doc_ids is not None:
        q = q.where(documents.c.id.in_(list(doc_ids)))
    out: dict[str, DocInfo] = {}
    with store.engine.connect() as conn:
        for r in conn.execute(q):
            key = None
            if r.source and not r.guessed:
                key = r.source.casefold()
            elif r.outlet:
                key = r.outlet.casefold()
            out[r.id] = DocInfo(
                id=r.id, published=r.published, language=r.language,
                outlet=r.source or r.outlet or "unknown source", outlet_key=key,
                source_kind=r.kind or "other", location=r.location,
                duplicate_of=r.duplicate_of)
    return out


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]) if len(value) >= 10 else None
    except ValueError:
        return None


def _days_apart(a: str | None, b: str | None) -> int | None:
    da, db = _day(a), _day(b)
    if da is None or db is None:
        return None
    return abs((da - db).days)


def _sig(value: float) -> float:
    if value == 0 or not math.isfinite(value):
        return value
    return round(value, 1 - int(math.floor(math.log10(abs(value)))))


def document_claims(store: SqlStore, doc_ids: Iterable[str]) -> dict[str, set[tuple[Any, ...]]]:
    """Per document, what it claims in language-neutral form: figure values and event dates."""
    ids = list(doc_ids)
    claims: dict[str, set[tuple[Any, ...]]] = {d: set() for d in ids}
    if not ids:
        return claims
    with store.engine.connect() as conn:
        for r in conn.execute(sa.select(figures.c.doc_id, figures.c.subject, figures.c.unit,
                                        figures.c.value).where(figures.c.doc_id.in_(ids))):
            claims[r.doc_id].add(("fig", r.subject, r.unit, _sig(r.value)))
        for ev in conn.execute(sa.select(events.c.doc_id, events.c.type, events.c.date)
                               .where(events.c.doc_id.in_(ids))):
            if ev.date:
                claims[ev.doc_id].add(("evt", ev.type, ev.date))
    return claims


def stories(store: SqlStore, docs: dict[str, DocInfo]) -> dict[str, Story]:
    """Which story each document belongs to (see the module docstring for the rules)."""
    parent: dict[str, str] = {d: d for d in docs}
    relation: dict[str, str] = {}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def order(d: str) -> tuple[str, str]:
        return (docs[d].published or "9999", d)

    def union(a: str, b: str, why: str) -> None:
        ra, rb = find(a), find(b)
        if ra == rb:
            return
        first, second = sorted((ra, rb), key=order)
        parent[second] = first
        relation.setdefault(second, why)

    for d, info in docs.items():
        seen = {d}
        orig = info.duplicate_of
        while orig and orig not in seen:
            seen.add(orig)
            if orig in docs:
                union(orig, d, "reprint")
                relation[d] = "reprint"
                break
            # The original is outside the selection; its own original may be inside.
            nxt = load_documents(store, [orig]).get(orig)
            orig = nxt.duplicate_of if nxt else None
    claims = document_claims(store, docs)
    ids = sorted(docs, key=order)
    for i, a in enumerate(ids):
        da = docs[a]
        for b in ids[i + 1:]:
            db = docs[b]
            gap = _days_apart(da.published, db.published)
            if gap is not None and gap > 2:
                break  # sorted by date: every later document is further away
            if gap is None or find(a) == find(b):
                continue
            shared = claims[a] & claims[b]
            if da.outlet_key and da.outlet_key == db.outlet_key and shared:
                union(a, b, "same-outlet")
                relation.setdefault(b, "same-outlet")
                continue
            if (gap <= 1 and da.language != db.language
                    and not (da.outlet_key and db.outlet_key)
                    and min(len(claims[a]), len(claims[b])) >= 2
                    and len(shared) / len(claims[a] | claims[b]) >= TRANSLATION_JACCARD):
                union(a, b, "translation")
                relation.setdefault(b, "translation")
    out: dict[str, Story] = {}
    for d in docs:
        root = find(d)
        out[d] = Story(key=root, reprint_of=None if root == d else root,
                       relation=None if root == d else relation.get(d, "same-outlet"))
    return out


def sentence_spans(store: SqlStore, doc_ids: Iterable[str]) -> dict[str, list[tuple[int, int]]]:
    ids = list(doc_ids)
    spans: dict[str, list[tuple[int, int]]] = {d: [] for d in ids}
    if not ids:
        return spans
    with store.engine.connect() as conn:
        for r in conn.execute(sa.select(sentences.c.doc_id, sentences.c.start, sentences.c.end)
                              .where(sentences.c.doc_id.in_(ids))
                              .order_by(sentences.c.doc_id, sentences.c.start)):
            spans[r.doc_id].append((r.start, r.end))
    return spans


def quote_span(spans: Sequence[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """The sentence holding [start, end), widened to cover it; the span itself without one."""
    i = bisect_right([s for s, _ in spans], start) - 1
    if i >= 0:
        s, e = spans[i]
        if s <= start < e:
            return s, max(e, end)
    return start, end


def document_texts(store: SqlStore, doc_ids: Iterable[str]) -> dict[str, str]:
    ids = list(doc_ids)
    if not ids:
        return {}
    with store.engine.connect() as conn:
        return {r.id: r.text for r in conn.execute(
            sa.select(documents.c.id, documents.c.text).where(documents.c.id.in_(ids)))}


# ---- entities at country level ----------------------------------------------------------


class CountryMap:
    """Canonical names mapped to the country they belong to, via the knowledge base."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._by_code: dict[str, str] = {}
        for e in kb.entries():
            if e.type == "country" and e.country:
                self._by_code.setdefault(e.country, e.name)
        self._cache: dict[str, tuple[str, str | None]] = {}

    def lookup(self, name: str) -> tuple[str, str | None]:
        """(entity type, country name or None) of a canonical name."""
        if name not in self._cache:
            e = self.kb.by_name(name)
            if e is None:
                self._cache[name] = ("unknown", None)
            elif e.type == "country":
                self._cache[name] = ("country", e.name)
            else:
                self._cache[name] = (e.type, self._by_code.get(e.country or ""))
        return self._cache[name]

    def countries(self, names: Iterable[str]) -> frozenset[str]:
        """Country-level view of an entity set; the names themselves if none maps to a country."""
        names = list(names)
        out = {c for c in (self.lookup(n)[1] for n in names) if c}
        return frozenset(out) if out else frozenset(names)


def jaccard(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


# ---- subjects and units ------------------------------------------------------------------

# Subjects that only a sum of money (or a share of it) measures, and subjects that only a count
# of things or people measures. A figure that crosses these lines was given the wrong subject.
MONEY_SUBJECTS = frozenset({"trade", "investment", "exports", "imports", "loans", "aid",
                            "budget", "GDP", "revenue"})
COUNT_SUBJECTS = frozenset({"countries", "times", "talks", "companies", "machines", "vehicles",
                            "documents", "memoranda", "jobs", "specialists", "population"})
# Physical quantities (tonnes, km2, MW) measure goods and land, not money flows or headcounts.
PHYSICAL_SUBJECTS = frozenset({"trade", "exports", "imports", "reserves", "production",
                               "capacity", "area", "energy", "projects"})


def unit_kind(unit: str) -> str:
    """money, percent, count (people included) or physical."""
    if unit in ("percent", "other:pp"):
        return "percent"
    if unit in ("count", "people"):
        return "count"
    if len(unit) == 3 and unit.isalpha() and unit.isupper():
        return "money"
    return "physical"


def subject_fits_unit(subject: str | None, unit: str) -> bool:
    """Whether a figure of ``unit`` can measure ``subject`` (a share always can)."""
    if not subject:
        return False
    kind = unit_kind(unit)
    if kind == "percent":
        return True
    if kind == "money":
        return subject not in COUNT_SUBJECTS
    if kind == "count":
        return subject not in MONEY_SUBJECTS
    return subject in PHYSICAL_SUBJECTS or subject not in (MONEY_SUBJECTS | COUNT_SUBJECTS)


# ---- values as people write them ----------------------------------------------------------

# (factor, word, smallest value written with it): thousands only from ten thousand on.
_EN_SCALES = ((1e12, "tn", 1e12), (1e9, "bn", 1e9), (1e6, "m", 1e6), (1e3, "k", 1e4))
_ZH_SCALES = ((1e12, "万亿", 1e12), (1e8, "亿", 1e8), (1e4, "万", 1e4))
_EN_UNITS = {"count": "", "people": "people", "percent": "%", "other:pp": "pp", "tonne": "t"}
_ZH_UNITS = {"count": "", "people": "人", "percent": "%", "other:pp": "个百分点",
             "USD": "美元", "JPY": "日元", "KZT": "坚戈", "CNY": "人民币", "RUB": "卢布",
             "EUR": "欧元", "GBP": "英镑", "UZS": "苏姆", "KGS": "索姆", "HKD": "港元",
             "KRW": "韩元", "tonne": "吨", "km": "公里", "other:hectare": "公顷",
             "other:kg": "公斤", "other:barrel": "桶", "other:MW": "兆瓦"}


def _is_zh(lang: str) -> bool:
    return lang.casefold().startswith("zh")


def _number(x: float, group: bool) -> str:
    """``x`` to four significant digits, without trailing zeros."""
    r = float(f"{x:.4g}")
    if r == int(r) and abs(r) < 1e15:
        return f"{int(r):,}" if group else str(int(r))
    text = f"{r:,.6f}" if group else f"{r:.6f}"
    return text.rstrip("0").rstrip(".")


def _scaled(value: float, lang: str, scale: tuple[float, str] | None = None
            ) -> tuple[str, tuple[float, str] | None]:
    """The number and the scale word ("bn", "亿") it is written with."""
    zh = _is_zh(lang)
    if scale is None and math.isfinite(value):
        # A value that rounds up to the next scale is written with it (999,999 → 1 m).
        scale = next(((f, w) for f, w, least in (_ZH_SCALES if zh else _EN_SCALES)
                      if abs(value) >= least * 0.99995), None)
    if scale is None:
        return _number(value, not zh), None
    return _number(value / scale[0], not zh), scale


def _unit_text(unit: str, lang: str) -> str:
    table = _ZH_UNITS if _is_zh(lang) else _EN_UNITS
    if unit in table:
        return table[unit]
    return unit.removeprefix("other:")


def _join(number: str, unit: str, lang: str) -> str:
    if not unit:
        return number
    if unit == "%":
        return number + unit
    if _is_zh(lang) and not unit.isascii():
        return number + unit
    return f"{number} {unit}"


def format_value(value: float, unit: str, lang: str = "en") -> str:
    """A figure as people write it: "7.7 bn USD", "14", "12%", "300k people" in English;
    "85亿美元", "272万 km2", "1.3万亿日元", "30万人" in Chinese (``lang`` zh, zh-Hans, …).
    Other languages are written as English is."""
    num, scale = _scaled(value, lang)
    if scale is not None:
        num = num + scale[1] if _is_zh(lang) else f"{num} {scale[1]}"
    return _join(num, _unit_text(unit, lang), lang)


def format_spread(low: float, high: float, unit: str, lang: str = "en") -> str:
    """A range of figures: "7.7–9 bn USD", "800 m – 2 bn USD", "77–90亿美元", "80–90%"."""
    if low == high or not (math.isfinite(low) and math.isfinite(high)):
        return format_value(low, unit, lang)
    zh = _is_zh(lang)
    lo_num, lo_scale = _scaled(low, lang)
    hi_num, hi_scale = _scaled(high, lang)
    if lo_scale == hi_scale:
        word = "" if hi_scale is None else (hi_scale[1] if zh else " " + hi_scale[1])
        return _join(f"{lo_num}–{hi_num}{word}", _unit_text(unit, lang), lang)
    if zh:
        a = lo_num + (lo_scale[1] if lo_scale else "")
        b = hi_num + (hi_scale[1] if hi_scale else "")
        return _join(f"{a}–{b}", _unit_text(unit, lang), lang)
    a = lo_num + (f" {lo_scale[1]}" if lo_scale else "")
    b = hi_num + (f" {hi_scale[1]}" if hi_scale else "")
    return _join(f"{a} – {b}", _unit_text(unit, lang), lang)


# ---- the ledger -------------------------------------------------------------------------


@dataclass(frozen=True)
class LedgerFigure:
    doc_id: str
    start: int
    end: int
    text: str
    value: float
    value_max: float | None
    unit: str
    qualifier: str
    period: str | None
    as_of: str | None
    quote: str
    quote_start: int
    quote_end: int
    outlet: str
    source_kind: str
    language: str
    published: str | None
    location: str
    reprint_of: str | None
    relation: str | None = None
    subject: str | None = None
    entities: tuple[str, ...] = ()
    stated_period: str | None = None  # the period as extracted; ``period`` is the group's

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id, "start": self.start, "end": self.end, "text": self.text,
            "value": self.value, "value_max": self.value_max, "unit": self.unit,
            "qualifier": self.qualifier, "subject": self.subject,
            "entities": list(self.entities), "period": self.period, "as_of": self.as_of,
            "stated_period": self.stated_period,
            "quote": self.quote, "quote_start": self.quote_start, "quote_end": self.quote_end,
            "outlet": self.outlet, "source_kind": self.source_kind, "language": self.language,
            "published": self.published, "location": self.location,
            "reprint_of": self.reprint_of, "relation": self.relation,
        }


@dataclass(frozen=True)
class FigureGroup:
    measure: str
    subject: str
    unit: str
    entities: tuple[str, ...]
    verdict: Verdict
    spread: tuple[float, float]  # lowest and highest value stated
    sources: int  # independent sources
    periods: tuple[str, ...]  # the period of a flow, or the as-of years of a stock
    figures: tuple[LedgerFigure, ...]
    relative_spread: float = 0.0  # (highest - lowest) / lowest
    kind: Literal["flow", "stock"] = "flow"
    reprints: tuple[tuple[str, str], ...] = ()  # (doc id, doc id of the story it repeats)

    @property
    def period(self) -> str | None:
        """The one period of a flow group (its label); None for a stock."""
        return self.periods[0] if self.kind == "flow" and self.periods and self.periods[0] \
            else None

    def spread_text(self, lang: str = "en") -> str:
        """The spread as people write it: "7.7–9 bn USD", "14", "80–90%"."""
        return format_spread(self.spread[0], self.spread[1], self.unit, lang)

    def to_dict(self) -> dict[str, Any]:
        return {
            "measure": self.measure, "subject": self.subject, "unit": self.unit,
            "entities": list(self.entities), "verdict": self.verdict,
            "spread": {"min": self.spread[0], "max": self.spread[1],
                       "relative": self.relative_spread},
            "sources": self.sources, "periods": list(self.periods), "period": self.period,
            "kind": self.kind,
            "reprints": [list(r) for r in self.reprints],
            "figures": [f.to_dict() for f in self.figures],
        }


@dataclass(frozen=True)
class Ledger:
    groups: tuple[FigureGroup, ...]
    topic: Topic | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"topic": self.topic.to_dict() if self.topic else None,
                "groups": [g.to_dict() for g in self.groups]}


def _period_end(period: str) -> str:
    return period.split("/")[-1]


def _years(period: str) -> tuple[int, int] | None:
    try:
        parts = period.split("/")
        return int(parts[0][:4]), int(parts[-1][:4])
    except ValueError:
        return None


_SINCE = (r"(?:since|from)\s+{y}\b|{y}\s*年?\s*(?:以来|以來|以降|から|起|至今)|自\s*{y}"
          r"|(?<![\w])с\s+{y}|{y}\s*(?:жылдан|ж\.)\s*(?:бері|бастап)")


def stock_or_flow(period: str | None, quote: str, published: str | None
                  ) -> tuple[Literal["flow", "stock"], str | None]:
    """Whether a figure is a flow (with its period) or a stock (with its as-of date)."""
    if not period:
        return "stock", published
    span = _years(period)
    if span is None:
        return "flow", period
    if "/" in period:
        if span[1] - span[0] > CUMULATIVE_MIN_YEARS:
            return "stock", _period_end(period)
        return "flow", period
    # The extractor keeps only the year of "since 1993"; the sentence says what it meant.
    if re.search(_SINCE.format(y=span[0]), quote, re.IGNORECASE) and (
            not published or int(published[:4]) - span[0] > CUMULATIVE_MIN_YEARS):
        return "stock", published
    return "flow", period


def interval(value: float, value_max: float | None, qualifier: str) -> tuple[float, float]:
    """The values a figure is consistent with (see the module docstring)."""
    lo, hi = value, value_max if value_max is not None else value
    if lo > hi:
        lo, hi = hi, lo
    if qualifier == "approx":
        return lo * (1 - APPROX_TOLERANCE), hi * (1 + APPROX_TOLERANCE)
    if qualifier in ("over", "at_least"):
        return lo, max(hi, lo * (1 + BOUND_REACH))
    if qualifier in ("under", "at_most"):
        return min(lo, hi * (1 - BOUND_REACH)), hi
    return lo - _rounding(lo), hi + _rounding(hi)


def _rounding(v: float) -> float:
    """Half a unit of the last significant digit of ``v``, at most 5% of it."""
    if v == 0 or not math.isfinite(v):
        return 0.0
    exponent = int(math.floor(math.log10(abs(v))))
    mantissa = f"{abs(v) / 10.0 ** exponent:.6f}".rstrip("0").rstrip(".")
    decimals = len(mantissa.partition(".")[2])
    unit = 10.0 ** (exponent - decimals)
    return min(unit / 2, abs(v) * EXACT_MAX_TOLERANCE)


def consistent(intervals: Sequence[tuple[float, float]]) -> bool:
    """True when all intervals share a point (a hair of float slack allowed)."""
    if not intervals:
        return True
    lo = max(i[0] for i in intervals)
    hi = min(i[1] for i in intervals)
    return lo <= hi * (1 + 1e-9)


@dataclass
class _Row:
    fig: LedgerFigure
    subject: str
    countries: frozenset[str]
    kind: Literal["flow", "stock"]
    story: str


def _load_rows(store: SqlStore, doc_ids: set[str] | None, cmap: CountryMap
               ) -> tuple[list[_Row], dict[str, DocInfo]]:
    q = sa.select(figures).where(figures.c.subject.is_not(None))
    with store.engine.connect() as conn:
        raw = [r for r in conn.execute(q) if doc_ids is None or r.doc_id in doc_ids]
    ids = {r.doc_id for r in raw}
    docs = load_documents(store, ids)
    texts = document_texts(store, ids)
    spans = sentence_spans(store, ids)
    story_of = stories(store, docs)
    rows = []
    for r in sorted(raw, key=lambda r: (r.doc_id, r.start)):
        if not subject_fits_unit(r.subject, r.unit) or r.doc_id not in docs:
            continue
        info = docs[r.doc_id]
        text = texts[r.doc_id]
        qs, qe = quote_span(spans.get(r.doc_id, []), r.start, r.end)
        quote = text[qs:qe]
        kind, as_of = stock_or_flow(r.period, quote, info.published)
        try:
            ents = tuple(json.loads(r.entities or "[]"))
        except ValueError:
            ents = ()
        st = story_of[r.doc_id]
        fig = LedgerFigure(
            doc_id=r.doc_id, start=r.start, end=r.end, text=text[r.start:r.end] or r.text,
            value=r.value, value_max=r.value_max, unit=r.unit, qualifier=r.qualifier,
            period=r.period, as_of=as_of, quote=quote, quote_start=qs, quote_end=qe,
            outlet=info.outlet, source_kind=info.source_kind, language=info.language,
            published=info.published, location=info.location, reprint_of=st.reprint_of,
            relation=st.relation, subject=r.subject, entities=ents, stated_period=r.period)
        rows.append(_Row(fig, r.subject, cmap.countries(ents), kind, st.key))
    return rows, docs


def _cluster_entities(rows: list[_Row]) -> list[tuple[frozenset[str], list[_Row]]]:
    """Rows of one subject and unit split by overlapping (country-level) entity sets."""
    counts = Counter(r.countries for r in rows if r.countries)
    # Most specific and most frequent sets seed the clusters, so a lone {Kazakhstan} joins
    # {Japan, Kazakhstan} rather than chaining two different pairs together.
    seeds = sorted(counts, key=lambda s: (-len(s), -counts[s], sorted(s)))
    clusters: list[tuple[frozenset[str], list[_Row]]] = []
    for s in seeds:
        best = max(clusters, key=lambda c: jaccard(c[0], s), default=None)
        if best is None or jaccard(best[0], s) < ENTITY_JACCARD:
            clusters.append((s, []))
    for r in rows:
        if not r.countries:
            continue
        target = max(clusters, key=lambda c: (jaccard(c[0], r.countries), counts[c[0]]))
        target[1].append(r)
    empty = [r for r in rows if not r.countries]
    if empty:
        if clusters:
            max(clusters, key=lambda c: len(c[1]))[1].extend(empty)
        else:
            clusters.append((frozenset(), empty))
    return [c for c in clusters if c[1]]


_SIMPLE_PERIOD = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
UNDATED_REACH_DAYS = 7  # how long after a dated flow an undated report of it may appear


def _bounds(period: str | None) -> tuple[date, date] | None:
    """First and last day of a year, month, day or range of them."""
    if not period:
        return None
    parts = period.split("/")
    try:
        first, last = _edge(parts[0].strip(), False), _edge(parts[-1].strip(), True)
    except ValueError:
        return None
    return (first, last) if first and last else None


def _edge(p: str, end: bool) -> date | None:
    if not re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2}.*)?)?", p):
        return None
    if len(p) == 4:
        return date(int(p), 12, 31) if end else date(int(p), 1, 1)
    if len(p) == 7:
        y, m = int(p[:4]), int(p[5:7])
        return date(y, m, calendar.monthrange(y, m)[1]) if end else date(y, m, 1)
    return date.fromisoformat(p[:10])


def _nests_in(fine: str, coarse: str) -> bool:
    """True when ``fine`` is a strictly finer year, month or day inside ``coarse``."""
    return (fine != coarse and fine.startswith(coarse) and bool(_SIMPLE_PERIOD.fullmatch(fine))
            and bool(_SIMPLE_PERIOD.fullmatch(coarse)))


def _intervals(rows: Iterable[_Row]) -> list[tuple[float, float]]:
    return [interval(r.fig.value, r.fig.value_max, r.fig.qualifier) for r in rows]


def _agrees_with_some(rows: Iterable[_Row], others: Sequence[tuple[float, float]]) -> bool:
    """Every figure of ``rows`` is consistent with at least one of ``others``."""
    return all(any(consistent([a, b]) for b in others) for a in _intervals(rows))


def _flow_parts(rows: list[_Row]) -> list[list[_Row]]:
    """Flows of one measure split by period, a coarser period joining the finer ones it holds
    (see the module docstring)."""
    by_period: dict[str, list[_Row]] = {}
    for r in rows:
        by_period.setdefault(r.fig.period or "", []).append(r)
    parent = {p: p for p in by_period}

    def find(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    for coarse in sorted(by_period, key=len):
        inside = [p for p in by_period if _nests_in(p, coarse)]
        if not inside:
            continue
        if not all(a.startswith(b) or b.startswith(a) for a in inside for b in inside):
            continue  # December holds the 18th and the 20th: which one did it mean?
        if len(coarse) == 4 and not _agrees_with_some(
                by_period[coarse], _intervals(r for p in inside for r in by_period[p])):
            continue  # the year's total is not the month's
        for p in inside:
            ra, rb = find(coarse), find(p)
            if ra != rb:
                parent[rb] = ra
    parts: dict[str, list[_Row]] = {}
    for p, members in by_period.items():
        parts.setdefault(find(p), []).extend(members)
    return list(parts.values())


def _attach_undated(stocks: list[_Row], parts: list[list[_Row]]) -> list[_Row]:
    """Move undated figures into the month- or day-dated flow they report; the rest stay."""
    windows = []
    for part in parts:
        dated = [b for b in (_bounds(r.fig.period) for r in part
                             if r.fig.period and len(r.fig.period) in (7, 10)) if b]
        if dated:
            windows.append((part, min(b[0] for b in dated), max(b[1] for b in dated)))
    if not windows:
        return stocks
    left = []
    for r in stocks:
        pub = _bounds(r.fig.published) if r.fig.period is None else None
        fits = []
        if pub is not None:
            for part, first, last in windows:
                if (pub[0] <= last + timedelta(days=UNDATED_REACH_DAYS)
                        and pub[1] >= first - timedelta(days=1)
                        and _agrees_with_some([r], _intervals(part))):
                    fits.append((abs((pub[0] - last).days), -len(part), id(part), part))
        if fits:
            min(fits, key=lambda f: f[:3])[3].append(r)
        else:
            left.append(r)
    return left


def _flow_label(rows: list[_Row]) -> str:
    """The most reported stated period of a flow group (by document), the most precise on a
    tie, then the earliest."""
    docs: dict[str, set[str]] = {}
    for r in rows:
        if r.fig.period:
            docs.setdefault(r.fig.period, set()).add(r.fig.doc_id)
    if not docs:
        return ""
    return min(docs, key=lambda p: (-len(docs[p]), -len(p), p))


_NOT_INDEPENDENT = frozenset({"ai-digest", "self-media", "partisan"})


def _group(subject: str, unit: str, ents: frozenset[str], kind: Literal["flow", "stock"],
           rows: list[_Row]) -> FigureGroup:
    if kind == "flow":
        label = _flow_label(rows)
        members = [replace(r.fig, period=label or r.fig.period, as_of=label or r.fig.as_of)
                   for r in rows]
    else:
        members = [r.fig for r in rows]
    figs = tuple(sorted(members,
                        key=lambda f: (f.as_of or "9999", f.published or "", f.doc_id, f.start)))
    if kind == "flow":
        buckets: dict[str, list[LedgerFigure]] = {label: list(figs)}
    else:
        buckets = {}
        for f in figs:
            if f.as_of:
                buckets.setdefault(f.as_of[:4], []).append(f)
    # AI digests, self-media and partisan outlets repeat others; they are not confirmation.
    n_sources = len({r.story for r in rows if r.fig.source_kind not in _NOT_INDEPENDENT})
    clash = any(not consistent([interval(f.value, f.value_max, f.qualifier) for f in b])
                for b in buckets.values())
    verdict: Verdict
    if n_sources < 2:
        verdict = "single-source"
    elif clash:
        verdict = "conflict"
    elif len(buckets) > 1:
        verdict = "update"
    else:
        verdict = "agree"
    values = [v for f in figs for v in (f.value, f.value_max) if v is not None]
    lo, hi = min(values), max(values)
    rel = round((hi - lo) / lo, 4) if lo > 0 else 0.0
    names = tuple(sorted(ents))
    periods = tuple(sorted(buckets))
    label_text = " · ".join(p for p in (subject, ", ".join(names), unit) if p)
    if kind == "flow" and periods and periods[0]:
        label_text += " · " + periods[0]
    reprints = tuple((f.doc_id, f.reprint_of) for f in figs if f.reprint_of)
    return FigureGroup(measure=label_text, subject=subject, unit=unit, entities=names,
                       verdict=verdict, spread=(lo, hi), sources=n_sources, periods=periods,
                       figures=figs, relative_spread=rel, kind=kind,
                       reprints=tuple(dict.fromkeys(reprints)))


# A sentence about a group of countries ("Abe's 2015 tour of the five Central Asian states")
# gives a figure of that group, not of any pair in it.
_MANY_COUNTRIES = re.compile(
    r"[五六七八九十]国|[五六七八九十]國|中亚各国|中亞各國|(?:five|six|seven|several|all|many)\s+"
    r"(?:central asian\s+)?(?:countries|states|nations)|central asian (?:countries|states)"
    r"|(?:пят|шест|сем|нескольк)\w*\s+(?:государств|стран)|государств\w* центральной азии"
    r"|стран\w* центральной азии|中央アジア諸国|[五5]か国|бес мемлекет|мемлекеттер",
    re.IGNORECASE)
# "Trade between the two countries": a figure of a pair even where one country is named.
_BILATERAL = re.compile(
    r"two countries|both countries|bilateral|两国|兩國|双边|雙邊|両国|двух стран|двусторон"
    r"|обеих стран|между (?:нашими )?странами|екі ел|екіжақты", re.IGNORECASE)
# Subjects that are relations by nature: "Japanese investment in the republic" is a figure of
# the pair even where the extractor found one country; a truck's 400 tonnes is not.
_RELATIONAL = frozenset({"trade", "investment", "agreements", "agreement", "documents",
                         "contracts", "deals", "memoranda", "companies", "aid", "loans", "loan",
                         "exports", "imports", "projects", "students", "flights"})
# A count of countries measures a scope ("operates in 150 countries"), never a relation.
_SCOPE_SUBJECTS = frozenset({"countries"})


def _topic_filter(rows: list[_Row], topic: Topic, cmap: CountryMap) -> list[_Row]:
    wanted = cmap.countries(topic.entity_names) if topic.entity_names else frozenset()
    if wanted:
        kept = []
        for r in rows:
            if len(wanted) >= 2 and (r.subject in _SCOPE_SUBJECTS
                                     or _MANY_COUNTRIES.search(r.fig.quote)):
                continue
            if not r.countries:
                kept.append(r)
                continue
            # A figure of the topic's relation is about two of its countries; Komatsu's trucks
            # in Kazakhstan are not a Japan–Kazakhstan figure.
            pair = r.subject in _RELATIONAL or bool(_BILATERAL.search(r.fig.quote))
            need = min(2, len(wanted), len(r.countries) if pair else 2)
            if len(r.countries & wanted) >= need:
                kept.append(r)
        rows = kept
    # A topic word naming a subject ("investment", "trade") narrows the ledger to it.
    subjects = {r.subject for r in rows}
    named = {s for s in subjects for t in topic.terms
             if len(t) >= 4 and (s.casefold().startswith(t.casefold())
                                 or t.casefold().startswith(s.casefold()))}
    if named:
        rows = [r for r in rows if r.subject in named]
    return rows


@dataclass
class _Part:
    subject: str
    unit: str
    ents: frozenset[str]
    kind: Literal["flow", "stock"]
    rows: list[_Row]

    def values(self) -> set[float]:
        return {v for r in self.rows for v in (r.fig.value, r.fig.value_max) if v is not None}

    def periods(self) -> set[str]:
        out = set()
        for r in self.rows:
            p = r.fig.as_of if self.kind == "stock" else r.fig.period
            if p:
                out.add(p.rsplit("/", 1)[-1])
        return out


def _same_measure(a: _Part, b: _Part) -> bool:
    """One measure under two labels: the same unit and values, entities one inside the other,
    and periods that nest (a stock "as of 2025" and a December 2025 figure of 60 companies;
    3.7 bn USD of "agreements" and of "contracts" in December 2025)."""
    if a.unit != b.unit or a.values() != b.values():
        return False
    if a.subject == b.subject and a.kind == b.kind:
        return False  # the period rules of one label have decided already
    if a.subject != b.subject and a.unit in ("count", "people", "percent"):
        return False  # 60 companies and 60 documents are two measures; 3.7 bn USD is one sum
    if not (a.ents <= b.ents or b.ents <= a.ents):
        return False
    pa, pb = a.periods(), b.periods()
    if not pa or not pb:
        return pa == pb and a.subject == b.subject
    return any(x.startswith(y) or y.startswith(x) for x in pa for y in pb)


def _one_row_per_measure(parts: list[_Part]) -> list[_Part]:
    out: list[_Part] = []
    for p in sorted(parts, key=lambda p: (-len(p.rows), p.subject, sorted(p.ents))):
        home = next((o for o in out if _same_measure(o, p)), None)
        if home is None:
            out.append(_Part(p.subject, p.unit, p.ents, p.kind, list(p.rows)))
        else:
            home.ents = home.ents | p.ents
            home.rows.extend(p.rows)
    return out


def figure_ledger(store: SqlStore, topic: Topic | None = None,
                  kb: KnowledgeBase | None = None) -> Ledger:
    """Figures of the documents relevant to ``topic``, grouped by measure, with verdicts."""
    cmap = CountryMap(kb or default_kb())
    doc_ids = None
    if topic is not None and not topic.empty:
        doc_ids = core_documents(relevant_documents(store, topic, kb))
    rows, _docs = _load_rows(store, doc_ids, cmap)
    if topic is not None and not topic.empty:
        rows = _topic_filter(rows, topic, cmap)
    by_key: dict[tuple[str, str], list[_Row]] = {}
    for r in rows:
        by_key.setdefault((r.subject, r.fig.unit), []).append(r)
    parts_of: list[_Part] = []
    for (subject, unit), members in by_key.items():
        for ents, cluster in _cluster_entities(members):
            parts = _flow_parts([r for r in cluster if r.kind == "flow"])
            stocks = _attach_undated([r for r in cluster if r.kind == "stock"], parts)
            for part in parts:
                parts_of.append(_Part(subject, unit, ents, "flow", part))
            if stocks:
                parts_of.append(_Part(subject, unit, ents, "stock", stocks))
    groups = [_group(p.subject, p.unit, p.ents, p.kind, p.rows)
              for p in _one_row_per_measure(parts_of)]
    groups.sort(key=lambda g: (_VERDICT_ORDER[g.verdict], -g.sources, g.measure))
    return Ledger(groups=tuple(groups), topic=topic)
