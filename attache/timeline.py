"""The timeline: events, not articles, as the unit — deduplicated across documents and languages.

Reports of events (rows of the ``events`` table) merge into one :class:`TimelineEvent` when

* their types are identical (a meeting and a visit of the same people on the same day stay two
  events and are listed in each other's ``related``);
* their participants overlap (not required of day-dated summits and forums, which the day and
  the place identify, since each report lists a different subset of who came; a summit report
  dated to the month needs to overlap with any one report of it): Jaccard ≥ 0.5
  over canonical names, where countries are ignored when persons are present (a report
  that adds "Japan" to Tokayev and Takaichi is the same meeting); when one side names no
  person, the sets are compared at country level, so "a Japan–Kazakhstan summit" meets
  "Tokayev and Takaichi at the summit"; a report without participants joins on type, date
  and place alone;
* for meetings, visits, signings and statements, their counterparts overlap too: leaving out
  countries and the one principal the report shares with the event (Tokayev, who met JOGMEC,
  then Rakuten, then a sumo wrestler on one day), the actors left must reach Jaccard ≥ 0.5
  with those of some report already merged; a report naming only the principal joins;
* their dates fall together: day dates within one day of each other (time zones put one meeting
  on two dates), a month date on any day of that month, a year date only when one event of
  that year is a candidate; undated reports merge only with undated reports;
* their places are compatible: equal, unknown on one side, a place and the country it is in, or
  a city and a building or airport in the same country.

Participants that are platforms or media (Twitter, Telegram, X, a news agency or a
"国际新闻中心" credited in the sentence) are dropped: they carry the news. A report's place
counts only if the event can have happened there: regions ("Asia", "Caspian Sea") never do,
and a statement keeps only a city or building that the sentence does not treat as its topic
("在台湾问题上" is about Taiwan, not said in it).

Reports are taken most precise date first, so month- and year-precision reports attach to the
day-precision events. The merged event has the most common day date (earliest on a tie), the
place most reports give — among the most specific ones: a country yields to a city or building
in it, an airport (where someone landed) to any city or building named; on a tie a summit or
forum takes the city, where gatherings are held, a meeting the building —, the union of
participants (most reported first) and the status reported with hindsight: the majority of
reports published on or after the event's date (ignoring "planned", which then speaks of the
next edition or misreads the tense), else the latest-published report — so "planned" in
November becomes "happened" when December reports it, an event that reports after its date
call both "happened" and "planned" happened, and a cancellation reported later wins;
``statuses`` lists every status reported when they differ.
``independent_sources`` counts stories as the figure ledger does: reprints and translations
of one story count once.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa

from attache.kb import KnowledgeBase, default_kb
from attache.ledger import (
    CountryMap,
    DocInfo,
    document_texts,
    jaccard,
    load_documents,
    quote_span,
    sentence_spans,
    stories,
)
from attache.model import make_id
from attache.normalize import fold_query
from attache.sources import default_registry
from attache.store import SqlStore, entities, events
from attache.topic import Topic, core_documents, match_entities, relevant_documents

PARTICIPANT_JACCARD = 0.5
_STATUS_RANK = {"cancelled": 0, "postponed": 1, "happened": 2, "planned": 3}
_PRECISION = {"day": 0, "month": 1, "year": 2, "none": 3}
# Many-party gatherings: reports list different subsets of who came, so the day and the place
# identify them.
_GATHERINGS = frozenset({"summit", "forum"})
# Events between a few named actors: one person's meetings with different counterparts on one
# day are different events.
_ENCOUNTERS = frozenset({"meeting", "visit", "signing", "statement"})
COUNTERPART_JACCARD = 0.5
# Platforms and media carry the news; they are not parties to it.
_PLATFORMS = frozenset(
    "twitter x weibo telegram facebook youtube wechat instagram tiktok vk vkontakte douyin "
    "whatsapp threads bilibili 微博 新浪微博 推特 脸书 臉書 微信 抖音 телеграм твиттер".split())
_MEDIA_NAME = re.compile(
    r"(?:新闻中心|新聞中心|综合报道|綜合報導|报道|報道|報導|通讯社|通訊社|新闻社|新聞社|日报|日報"
    r"|晚报|晚報|电视台|電視台|新闻网|新聞網|广播电台|廣播電台|新闻|新聞|\bnews agency"
    r"|\bnews|\bpress (?:centre|center|service)|\bmedia cent(?:re|er)|информагентств\w*"
    r"|\bагентств\w*|пресс-служб\w*)$", re.IGNORECASE)
_MEDIA_KINDS = frozenset({"news-agency", "newspaper", "broadcaster", "self-media", "partisan",
                          "ai-digest", "aggregator"})
# Kinds of place, for choosing where an event happened.
_AIRPORT = re.compile(r"airport|aéroport|机场|機場|空港|аэропорт|әуежай", re.IGNORECASE)
_VENUE = re.compile(r"palace|kantei|residence|office|hall\b|house\b|akorda|kremlin|cent(?:re|er)"
                    r"|university|stadium|port of|宫|宮|官邸|大厦|大廈|中心", re.IGNORECASE)
_REGION = re.compile(r"region|oblast|valley|\bsea\b|ocean|strait|peninsula|islands|gulf"
                     r"|far east|地区|地區|海峡|海峽", re.IGNORECASE)
_PLACE_RANK = {"city": 3, "venue": 2, "territory": 1, "country": 1, "airport": 0}
_BUILDING_RANK = {**_PLACE_RANK, "venue": 4}  # talks at the Kantei: the building says more
# A place named as the subject of a statement, not where it was made ("the Taiwan question").
_TOPIC_AFTER = re.compile(r"\s*(?:问题|議題|议题|问题上|事务|局势|有事|海峡|issue|question"
                          r"|situation|policy|вопрос\w*|проблем\w*|ситуаци\w*)", re.IGNORECASE)


@dataclass(frozen=True)
class EventReport:
    """One document's report of an event; ``quote == documents.text[start:end]``."""

    doc_id: str
    start: int
    end: int
    quote: str
    outlet: str
    language: str
    published: str | None
    source_kind: str
    date: str | None = None
    status: str = "happened"
    participants: tuple[str, ...] = ()
    place: str | None = None
    reprint_of: str | None = None
    relation: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "start": self.start, "end": self.end,
                "quote": self.quote, "outlet": self.outlet, "language": self.language,
                "published": self.published, "source_kind": self.source_kind,
                "date": self.date, "status": self.status,
                "participants": list(self.participants), "place": self.place,
                "reprint_of": self.reprint_of, "relation": self.relation}


@dataclass(frozen=True)
class TimelineEvent:
    type: str
    participants: tuple[str, ...]
    date: str | None
    place: str | None
    status: str
    reports: tuple[EventReport, ...]
    independent_sources: int
    id: str = ""
    related: tuple[str, ...] = ()  # ids of other-type events of the same people that day
    statuses: tuple[str, ...] = ()  # every status reported, when reports differ

    @property
    def marked(self) -> bool:
        """True for events that did not (or not yet) happen as reported."""
        return self.status != "happened"

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "participants": list(self.participants),
                "date": self.date, "place": self.place, "status": self.status,
                "statuses": list(self.statuses),
                "independent_sources": self.independent_sources,
                "related": list(self.related),
                "reports": [r.to_dict() for r in self.reports]}


def _precision(d: str | None) -> str:
    if not d:
        return "none"
    return "day" if len(d) >= 10 else "month" if len(d) >= 7 else "year"


def _as_date(d: str) -> date | None:
    try:
        return date.fromisoformat(d[:10])
    except ValueError:
        return None


@dataclass
class _Report:
    report: EventReport
    type: str
    date: str | None
    people: frozenset[str]  # participants without countries when persons are present
    persons: bool
    countries: frozenset[str]
    story: str
    series: frozenset[str] = frozenset()
    actors: frozenset[str] = frozenset()  # persons and organisations, no countries or places
    place: str | None = None  # the reported place, if it can be where the event happened


@dataclass
class _Cluster:
    seed: _Report
    members: list[_Report] = field(default_factory=list)

    @property
    def anchor(self) -> str | None:
        return self.seed.date

    @property
    def place(self) -> str | None:
        """The seed's place, else the first place a member reports."""
        return self.seed.place or next((m.place for m in self.members if m.place), None)


class _Names:
    """Entity types from the knowledge base, then from the store's discovered entities."""

    def __init__(self, store: SqlStore, cmap: CountryMap) -> None:
        self.cmap = cmap
        with store.engine.connect() as conn:
            self.stored = {r.name: r.type for r in conn.execute(
                sa.select(entities.c.name, entities.c.type))}

    def type_of(self, name: str) -> str:
        t, _ = self.cmap.lookup(name)
        if t == "unknown":
            return self.stored.get(name, "person")
        return t

    def is_media(self, name: str) -> bool:
        """A platform or a news outlet: it reports, it does not take part."""
        if name.strip().casefold() in _PLATFORMS:
            return True
        # Known people and places are never media; an unknown name defaults to a person in
        # type_of, so ask the knowledge base and the store's own typing instead.
        known = self.cmap.lookup(name)[0]
        if known == "unknown":
            known = self.stored.get(name, "unknown")
        if known in ("person", "country", "place", "event_series"):
            return False
        if _MEDIA_NAME.search(name.strip()):
            return True
        outlet = default_registry().by_name(name)
        return outlet is not None and outlet.kind in _MEDIA_KINDS


def place_kind(name: str, cmap: CountryMap) -> str:
    """city, venue, airport, country, territory (no UN member behind it), region or other."""
    t, country = cmap.lookup(name)
    if t == "country":
        return "country"
    if t not in ("place", "unknown"):
        return "other"
    if _AIRPORT.search(name):
        return "airport"
    if _REGION.search(name):
        return "region"
    if _VENUE.search(name):
        return "venue"
    if t == "place":
        entry = cmap.kb.by_name(name)
        if entry is not None and entry.country is None:
            return "region"
        if country is None:
            return "territory"
    return "city"


def _named_as_topic(place: str, quote: str, kb: KnowledgeBase) -> bool:
    """True when the quote names ``place`` as what is spoken about ("on the Taiwan issue")."""
    folded = fold_query(quote)
    for _, end, entry in match_entities(quote, kb):
        if entry.name == place and _TOPIC_AFTER.match(folded, end):
            return True
    return False


def _event_place(type_: str, place: str | None, quote: str, cmap: CountryMap) -> str | None:
    """The reported place if it can be where the event happened: not a region, and for a
    statement only a city (or a building in one) that the sentence does not treat as a topic."""
    if not place:
        return None
    kind = place_kind(place, cmap)
    if kind in ("region", "other"):
        return None
    if type_ == "statement" and (kind not in ("city", "venue")
                                 or _named_as_topic(place, quote, cmap.kb)):
        return None
    return place


def _start_date(value: str | None) -> str | None:
    if not value:
        return None
    return value.split("/")[0].strip() or None


def _counterparts_match(c: _Cluster, r: _Report) -> bool:
    """For meetings, visits, signings and statements: the actors other than the one principal
    the report shares with the event (Tokayev, meeting one partner after another) must overlap
    with those of some report already in it. Countries do not count."""
    if not r.actors:
        return True
    named = [m.actors for m in c.members if m.actors]
    if not named:
        return True
    counts = Counter(a for m in named for a in m)
    common = r.actors & set(counts)
    if not common:
        return False
    principal = min(common, key=lambda a: (-counts[a], a))
    rest = r.actors - {principal}
    if not rest:
        return True
    others = [m - {principal} for m in named if m - {principal}]
    return not others or any(jaccard(rest, o) >= COUNTERPART_JACCARD for o in others)


def _participants_match(a: _Report, b: _Report) -> bool:
    if not a.people or not b.people:
        return True
    if jaccard(a.people, b.people) >= PARTICIPANT_JACCARD:
        return True
    if a.persons and b.persons:
        return False
    return bool(a.countries and b.countries
                and jaccard(a.countries, b.countries) >= PARTICIPANT_JACCARD)


def _places_match(a: str | None, b: str | None, cmap: CountryMap) -> bool:
    """Equal, unknown on one side, a place and its country, or a city and a building or
    airport in the same country (the Kantei is in Tokyo; the KB does not say so, the country
    does)."""
    if not a or not b or a.casefold() == b.casefold():
        return True
    ta, ca = cmap.lookup(a)
    tb, cb = cmap.lookup(b)
    if not (ca and ca == cb):
        return False
    if "country" in (ta, tb):
        return True
    kinds = {place_kind(a, cmap), place_kind(b, cmap)}
    return "city" in kinds and bool(kinds & {"venue", "airport"})


def _dates_match(anchor: str | None, d: str | None) -> bool:
    pa, pd = _precision(anchor), _precision(d)
    if pa == "none" or pd == "none":
        return pa == pd
    assert anchor is not None and d is not None
    if pa == "day" and pd == "day":
        x, y = _as_date(anchor), _as_date(d)
        return x is not None and y is not None and abs((x - y).days) <= 1
    # The less precise date must contain the more precise one.
    short, long_ = (anchor, d) if len(anchor) <= len(d) else (d, anchor)
    return long_.startswith(short)


def _load_reports(store: SqlStore, doc_ids: set[str] | None, kb: KnowledgeBase
                  ) -> tuple[list[_Report], CountryMap]:
    cmap = CountryMap(kb)
    names = _Names(store, cmap)
    q = sa.select(events)
    if doc_ids is not None:
        q = q.where(events.c.doc_id.in_(list(doc_ids)))
    with store.engine.connect() as conn:
        raw = list(conn.execute(q.order_by(events.c.doc_id, events.c.start)))
    ids = {r.doc_id for r in raw}
    docs: dict[str, DocInfo] = load_documents(store, ids)
    texts = document_texts(store, ids)
    spans = sentence_spans(store, ids)
    story_of = stories(store, docs)
    out: list[_Report] = []
    for r in raw:
        info = docs.get(r.doc_id)
        if info is None:
            continue
        try:
            listed = json.loads(r.participants or "[]")
        except ValueError:
            listed = []
        parts = tuple(p for p in dict.fromkeys(listed)
                      if isinstance(p, str) and p.strip() and not names.is_media(p))
        qs, qe = quote_span(spans.get(r.doc_id, []), r.start, r.end)
        quote = texts[r.doc_id][qs:qe]
        st = story_of[r.doc_id]
        d = _start_date(r.date)
        rep = EventReport(
            doc_id=r.doc_id, start=qs, end=qe, quote=quote,
            outlet=info.outlet, language=info.language, published=info.published,
            source_kind=info.source_kind, date=r.date, status=r.status,
            participants=parts, place=r.place, reprint_of=st.reprint_of, relation=st.relation)
        types = {p: names.type_of(p) for p in parts}
        persons = any(t == "person" for t in types.values())
        people = frozenset(p for p in parts if not (persons and types[p] == "country"))
        series = frozenset(p for p in parts if types[p] == "event_series")
        actors = frozenset(p for p in parts
                           if types[p] not in ("country", "place", "event_series"))
        out.append(_Report(rep, r.type, d, people, persons, cmap.countries(parts), st.key,
                           series, actors, _event_place(r.type, r.place, quote, cmap)))
    return out, cmap


def _topic_filter(reports: list[_Report], topic: Topic, cmap: CountryMap) -> list[_Report]:
    if not topic.entity_names:
        return reports
    wanted = set(topic.entity_names) | set(cmap.countries(topic.entity_names))
    return [r for r in reports
            if not r.report.participants
            or wanted & (set(r.report.participants) | set(r.countries))
            or (r.place and (r.place in wanted or cmap.lookup(r.place)[1] in wanted))]


def _cluster(reports: list[_Report], cmap: CountryMap) -> list[_Cluster]:
    order = sorted(reports, key=lambda r: (_PRECISION[_precision(r.date)], r.date or "",
                                           r.report.published or "", r.report.doc_id))
    clusters: list[_Cluster] = []
    # A report is compared only with the clusters it can join (see _Blocks), in the order
    # the clusters were made, so the result is the one a comparison with all would give.
    blocks = _Blocks()
    for r in order:
        pool = [clusters[i] for i in blocks.candidates(r)]
        # A summit or forum of a named series happens once a month at most: reports that
        # date it to different days of one month (arrival day, opening day) are one event.
        same_series = [c for c in pool
                       if r.type in _GATHERINGS and c.seed.type == r.type and r.series
                       and (c.seed.series & r.series) and r.date and c.anchor
                       and _precision(r.date) in ("day", "month")
                       and c.anchor[:7] == r.date[:7]]
        if same_series:
            chosen = max(same_series, key=lambda c: len(c.members))
            chosen.members.append(r)
            blocks.joined(r, chosen)
            continue
        cands = [c for c in pool
                 if c.seed.type == r.type
                 and (_dates_match(c.anchor, r.date)
                      or (r.type in _GATHERINGS and _precision(r.date) == "day"
                          and any(_precision(m.date) == "day" and _dates_match(m.date, r.date)
                                  for m in c.members)))
                 and (_participants_match(c.seed, r)
                      or (r.type in _GATHERINGS
                          and (_precision(r.date) == "day"
                               or any(_participants_match(m, r) for m in c.members))))
                 and (r.type not in _ENCOUNTERS or _counterparts_match(c, r))
                 and _places_match(c.place, r.place, cmap)]
        if _precision(r.date) == "year" and len(cands) > 1:
            cands = []  # a year says too little to choose between events
        if cands:
            best = max(cands, key=lambda c: (jaccard(c.seed.people, r.people), len(c.members)))
            best.members.append(r)
            blocks.joined(r, best)
        else:
            c = _Cluster(seed=r, members=[r])
            blocks.made(r, c, len(clusters))
            clusters.append(c)
    return clusters


def _neighbour_days(d: str) -> list[str]:
    x = _as_date(d)
    if x is None:
        return [d[:10]]
    return [(x + timedelta(days=k)).isoformat() for k in (-1, 0, 1)]


class _Blocks:
    """Indexes of clusters by type and anchor date, so a report meets only the clusters whose
    anchor can match its date: the same day or a day either side, the month or year that
    contains it, or (for gatherings) a member reported on such a day. Undated reports meet
    undated clusters; years and odd dates fall back to every cluster of the type in
    neighbouring years."""

    def __init__(self) -> None:
        self.exact: dict[tuple[str, str], list[int]] = {}  # anchor as written
        self.by_month: dict[tuple[str, str], list[int]] = {}  # day anchors by month
        self.by_year: dict[tuple[str, str], list[int]] = {}  # every dated anchor by year
        self.odd: dict[str, list[int]] = {}  # anchors that are not YYYY, YYYY-MM, YYYY-MM-DD…
        self.member_days: dict[tuple[str, str], list[int]] = {}
        self.index: dict[int, int] = {}

    @staticmethod
    def _shape(d: str | None) -> str:
        if not d:
            return "none"
        if len(d) >= 10 and d[:4].isdigit() and d[4] == "-" and d[7] == "-":
            return "day"
        if len(d) == 7 and d[:4].isdigit() and d[4] == "-":
            return "month"
        if len(d) == 4 and d.isdigit():
            return "year"
        return "odd"

    def made(self, r: _Report, c: _Cluster, i: int) -> None:
        self.index[id(c)] = i
        d, t = r.date, r.type
        shape = self._shape(d)
        if shape == "none":
            self.exact.setdefault((t, ""), []).append(i)
        elif shape == "odd":
            self.odd.setdefault(t, []).append(i)
        else:
            assert d is not None
            self.exact.setdefault((t, d[:10]), []).append(i)
            self.by_year.setdefault((t, d[:4]), []).append(i)
            if shape == "day":
                self.by_month.setdefault((t, d[:7]), []).append(i)
        self.joined(r, c)

    def joined(self, r: _Report, c: _Cluster) -> None:
        if r.type in _GATHERINGS and self._shape(r.date) == "day":
            assert r.date is not None
            self.member_days.setdefault((r.type, r.date[:10]), []).append(self.index[id(c)])

    def candidates(self, r: _Report) -> list[int]:
        d, t = r.date, r.type
        shape = self._shape(d)
        found: set[int] = set(self.odd.get(t, ()))
        if shape == "none":
            found.update(self.exact.get((t, ""), ()))
        elif shape in ("year", "odd"):
            assert d is not None
            if d[:4].isdigit():
                y = int(d[:4])
                for k in (y - 1, y, y + 1):
                    found.update(self.by_year.get((t, f"{k:04d}"), ()))
            else:
                for (tt, key), ids in self.exact.items():
                    if tt == t and key:
                        found.update(ids)
        else:
            assert d is not None
            found.update(self.exact.get((t, d[:7]), ()))
            found.update(self.exact.get((t, d[:4]), ()))
            if shape == "month" or t in _GATHERINGS:
                found.update(self.by_month.get((t, d[:7]), ()))
            if shape == "day":
                for day in _neighbour_days(d):
                    found.update(self.exact.get((t, day), ()))
                    found.update(self.member_days.get((t, day), ()))
        return sorted(found)


def _choose_place(reported: list[str], cmap: CountryMap, gathering: bool) -> str | None:
    """Majority over reports, among the most specific places: a country yields to a city or
    building in it, an airport (where someone landed) to any city or building named. On a tie
    a summit or forum takes the city, where gatherings are held, and a meeting the building."""
    if not reported:
        return None
    kinds = {p: place_kind(p, cmap) for p in reported}
    specific = {p for p, k in kinds.items() if k in ("city", "venue")}
    if specific:
        inside = {cmap.lookup(p)[1] for p in specific}
        reported = [p for p in reported if kinds[p] != "airport"
                    and not (kinds[p] == "country" and cmap.lookup(p)[1] in inside)]
    votes = Counter(reported)
    rank = _PLACE_RANK if gathering else _BUILDING_RANK
    return max(votes, key=lambda p: (votes[p], rank.get(kinds[p], 0), p))


def _status(ms: list[_Report], when: str | None) -> str:
    """Hindsight first: reports published on or after the event say what became of it.

    Among those, "planned" is ignored (it is the next edition or a misreading) and the majority
    decides, ties going to cancelled, then postponed. Without hindsight the latest report wins.
    """
    hindsight = [m.report.status for m in ms
                 if when and m.report.published and m.report.published[:len(when)] >= when
                 and m.report.status != "planned"]
    if hindsight:
        votes = Counter(hindsight)
        return min(votes, key=lambda s: (-votes[s], _STATUS_RANK.get(s, 9)))
    latest = max(ms, key=lambda m: (m.report.published or "",
                                    -_STATUS_RANK.get(m.report.status, 9)))
    return latest.report.status


def _merge(c: _Cluster, cmap: CountryMap) -> TimelineEvent:
    ms = c.members
    days = Counter(m.date for m in ms if _precision(m.date) == "day")
    if days:
        top = max(days.values())
        when: str | None = min(d for d, n in days.items() if n == top and d)
    else:
        when = min((m.date for m in ms if m.date), key=lambda d: (-len(d), d), default=None)
    counts = Counter(p for m in ms for p in m.report.participants)
    first: dict[str, int] = {}
    for i, p in enumerate(p for m in ms for p in m.report.participants):
        first.setdefault(p, i)
    participants = tuple(sorted(counts, key=lambda p: (-counts[p], first[p])))
    place = _choose_place([m.place for m in ms if m.place], cmap, c.seed.type in _GATHERINGS)
    status = _status(ms, when)
    statuses = tuple(sorted({m.report.status for m in ms}, key=lambda s: _STATUS_RANK.get(s, 9)))
    reports = tuple(sorted((m.report for m in ms),
                           key=lambda r: (r.published or "9999", r.doc_id, r.start)))
    eid = make_id("tle", c.seed.type, when, *sorted(c.seed.people))
    return TimelineEvent(
        type=c.seed.type, participants=participants, date=when, place=place,
        status=status, reports=reports,
        independent_sources=len({m.story for m in ms
                                 if independent(m.report, when, status)}), id=eid,
        statuses=statuses if len(statuses) > 1 else ())


def _relate(evs: list[TimelineEvent], clusters: list[_Cluster]) -> list[TimelineEvent]:
    out = []
    by_day: dict[str, list[int]] = {}  # only events of the same day can be related
    for j, o in enumerate(evs):
        if o.date and len(o.date) >= 10:
            by_day.setdefault(o.date[:10], []).append(j)
    for i, (e, c) in enumerate(zip(evs, clusters, strict=True)):
        same_day = by_day.get(e.date[:10], []) if e.date and len(e.date) >= 10 else []
        related = tuple(
            evs[j].id for j in same_day
            if j != i and evs[j].type != e.type and c.seed.people and clusters[j].seed.people
            and jaccard(c.seed.people, clusters[j].seed.people) >= PARTICIPANT_JACCARD)
        out.append(TimelineEvent(**{**e.__dict__, "related": related}))
    return out


def timeline(store: SqlStore, topic: Topic | None = None,
             kb: KnowledgeBase | None = None) -> list[TimelineEvent]:
    """Events of the documents relevant to ``topic``, merged across reports, by date."""
    doc_ids = None
    if topic is not None and not topic.empty:
        doc_ids = core_documents(relevant_documents(store, topic, kb))
    reports, cmap = _load_reports(store, doc_ids, kb or default_kb())
    if topic is not None and not topic.empty:
        reports = _topic_filter(reports, topic, cmap)
    clusters = _cluster(reports, cmap)
    evs = _relate([_merge(c, cmap) for c in clusters], clusters)
    evs = merge_called_off(evs, kb or default_kb())
    pairs = sorted(zip(evs, range(len(evs)), strict=True),
                   key=lambda p: (p[0].date is None, p[0].date or "", p[0].type, p[1]))
    return [e for e, _ in pairs]


# Kinds of source that are not independent confirmation of what they report.
NOT_INDEPENDENT = frozenset({"ai-digest", "self-media", "partisan"})
_CALLED_OFF = frozenset({"postponed", "cancelled"})


def independent(r: EventReport, when: str | None, status: str) -> bool:
    """Whether a report counts as an independent source: not a digest, self-media or partisan
    outlet, and — for an event that happened — not written before it (an announcement)."""
    if r.source_kind in NOT_INDEPENDENT:
        return False
    if status == "happened" and when and r.published:
        n = min(len(when), 10)
        return r.published[:n] >= when[:n]
    return True


def _story(r: EventReport) -> str:
    return r.reprint_of or r.doc_id


def _same_plan(a: TimelineEvent, b: TimelineEvent, people: dict[str, bool]) -> bool:
    """Two called-off reports of one plan: a person in common and dates that fall together
    (the same month, or the same year when one of them names only the year)."""
    if not (a.status in _CALLED_OFF or set(a.statuses) & _CALLED_OFF):
        return False
    if not (b.status in _CALLED_OFF or set(b.statuses) & _CALLED_OFF):
        return False
    pa = {p for p in a.participants if people.get(p)}
    pb = {p for p in b.participants if people.get(p)}
    if not pa & pb or not a.date or not b.date:
        return False
    n = min(len(a.date), len(b.date), 7)
    return a.date[:n] == b.date[:n]


def merge_called_off(evs: list[TimelineEvent], kb: KnowledgeBase) -> list[TimelineEvent]:
    """One row per postponed or cancelled happening: Kishida's called-off trip reported as a
    visit, a summit and an "event" on two dates is one row, with the status reported last."""
    people: dict[str, bool] = {}
    for e in evs:
        for p in e.participants:
            if p not in people:
                entry = kb.by_name(p)
                people[p] = entry is not None and entry.type == "person"
    groups: list[list[TimelineEvent]] = []
    for e in evs:
        home = next((g for g in groups if any(_same_plan(e, o, people) for o in g)), None)
        if home is None:
            groups.append([e])
        else:
            home.append(e)
    out = []
    for g in groups:
        if len(g) == 1:
            out.append(g[0])
            continue
        lead = max(g, key=lambda e: (e.type != "other", len(e.reports), len(e.date or "")))
        reports = tuple(sorted({(r.doc_id, r.start): r for e in g for r in e.reports}.values(),
                               key=lambda r: (r.published or "9999", r.doc_id, r.start)))
        latest = max(reports, key=lambda r: (r.published or "", r.status in _CALLED_OFF))
        status = latest.status if latest.status in _CALLED_OFF else lead.status
        participants = tuple(dict.fromkeys(p for e in sorted(g, key=lambda e: e is not lead)
                                           for p in e.participants))
        statuses = tuple(sorted({r.status for r in reports},
                                key=lambda s: _STATUS_RANK.get(s, 9)))
        out.append(TimelineEvent(
            type=lead.type, participants=participants, date=lead.date, place=lead.place,
            status=status, reports=reports,
            independent_sources=len({_story(r) for r in reports
                                     if independent(r, lead.date, status)}),
            id=lead.id, related=lead.related, statuses=statuses if len(statuses) > 1 else ()))
    return out


def events_of(timeline_events: Iterable[TimelineEvent], status: str) -> list[TimelineEvent]:
    """The events of one status (planned, postponed, cancelled, happened)."""
    return [e for e in timeline_events if e.status == status]
