"""The timeline: events, not articles, as the unit — deduplicated across documents and languages.

Reports of events (rows of the ``events`` table) merge into one :class:`TimelineEvent` when

* their types are identical (a meeting and a visit of the same people on the same day stay two
  events and are listed in each other's ``related``);
* their participants overlap (not required of summits and forums, which the day and the
  place identify, since each report lists a different subset of who came): Jaccard ≥ 0.5
  over canonical names, where countries are ignored when persons are present (a report
  that adds "Japan" to Tokayev and Takaichi is the same meeting); when one side names no
  person, the sets are compared at country level, so "a Japan–Kazakhstan summit" meets
  "Tokayev and Takaichi at the summit"; a report without participants joins on type, date
  and place alone;
* their dates fall together: day dates within one day of each other (time zones put one meeting
  on two dates), a month date on any day of that month, a year date only when one event of
  that year is a candidate; undated reports merge only with undated reports;
* their places are compatible: equal, unknown on one side, or a place and the country it is in.

Reports are taken most precise date first, so month- and year-precision reports attach to the
day-precision events. The merged event has the most common day date (earliest on a tie), the
most common specific place, the union of participants (most reported first) and the status
reported with hindsight: the majority of reports published on or after the event's date
(ignoring "planned"), else the latest-published report — so "planned" in November becomes
"happened" when December reports it, and a cancellation reported later wins.
``independent_sources`` counts stories as the figure ledger does: reprints and translations
of one story count once.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
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
from attache.store import SqlStore, entities, events
from attache.topic import Topic, core_documents, relevant_documents

PARTICIPANT_JACCARD = 0.5
_STATUS_RANK = {"cancelled": 0, "postponed": 1, "happened": 2, "planned": 3}
_PRECISION = {"day": 0, "month": 1, "year": 2, "none": 3}
# Many-party gatherings: reports list different subsets of who came, so the day and the place
# identify them.
_GATHERINGS = frozenset({"summit", "forum"})


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


@dataclass
class _Cluster:
    seed: _Report
    members: list[_Report] = field(default_factory=list)

    @property
    def anchor(self) -> str | None:
        return self.seed.date


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


def _start_date(value: str | None) -> str | None:
    if not value:
        return None
    return value.split("/")[0].strip() or None


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
    if not a or not b or a.casefold() == b.casefold():
        return True
    ta, ca = cmap.lookup(a)
    tb, cb = cmap.lookup(b)
    return bool(ca and ca == cb and "country" in (ta, tb))


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
            parts = tuple(dict.fromkeys(json.loads(r.participants or "[]")))
        except ValueError:
            parts = ()
        qs, qe = quote_span(spans.get(r.doc_id, []), r.start, r.end)
        st = story_of[r.doc_id]
        d = _start_date(r.date)
        rep = EventReport(
            doc_id=r.doc_id, start=qs, end=qe, quote=texts[r.doc_id][qs:qe],
            outlet=info.outlet, language=info.language, published=info.published,
            source_kind=info.source_kind, date=r.date, status=r.status,
            participants=parts, place=r.place, reprint_of=st.reprint_of, relation=st.relation)
        types = {p: names.type_of(p) for p in parts}
        persons = any(t == "person" for t in types.values())
        people = frozenset(p for p in parts if not (persons and types[p] == "country"))
        series = frozenset(p for p in parts if types[p] == "event_series")
        out.append(_Report(rep, r.type, d, people, persons, cmap.countries(parts), st.key,
                           series))
    return out, cmap


def _topic_filter(reports: list[_Report], topic: Topic, cmap: CountryMap) -> list[_Report]:
    if not topic.entity_names:
        return reports
    wanted = set(topic.entity_names) | set(cmap.countries(topic.entity_names))
    return [r for r in reports
            if not r.report.participants
            or wanted & (set(r.report.participants) | set(r.countries))
            or (r.report.place and (r.report.place in wanted
                                    or cmap.lookup(r.report.place)[1] in wanted))]


def _cluster(reports: list[_Report], cmap: CountryMap) -> list[_Cluster]:
    order = sorted(reports, key=lambda r: (_PRECISION[_precision(r.date)], r.date or "",
                                           r.report.published or "", r.report.doc_id))
    clusters: list[_Cluster] = []
    for r in order:
        # A summit or forum of a named series happens once a month at most: reports that
        # date it to different days of one month (arrival day, opening day) are one event.
        same_series = [c for c in clusters
                       if r.type in _GATHERINGS and c.seed.type == r.type and r.series
                       and (c.seed.series & r.series) and r.date and c.anchor
                       and _precision(r.date) in ("day", "month")
                       and c.anchor[:7] == r.date[:7]]
        if same_series:
            max(same_series, key=lambda c: len(c.members)).members.append(r)
            continue
        cands = [c for c in clusters
                 if c.seed.type == r.type
                 and (_dates_match(c.anchor, r.date)
                      or (r.type in _GATHERINGS and _precision(r.date) == "day"
                          and any(_precision(m.date) == "day" and _dates_match(m.date, r.date)
                                  for m in c.members)))
                 and (_participants_match(c.seed, r)
                      or (r.type in _GATHERINGS and _precision(r.date) == "day"))
                 and _places_match(c.seed.report.place, r.report.place, cmap)]
        if _precision(r.date) == "year" and len(cands) > 1:
            cands = []  # a year says too little to choose between events
        if cands:
            best = max(cands, key=lambda c: (jaccard(c.seed.people, r.people), len(c.members)))
            best.members.append(r)
        else:
            clusters.append(_Cluster(seed=r, members=[r]))
    return clusters


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
    places = Counter(m.report.place for m in ms if m.report.place)
    place = None
    if places:
        # A city says more than the country it is in; frequency decides first.
        place = max(places, key=lambda p: (places[p], cmap.lookup(p)[0] != "country", p))
    status = _status(ms, when)
    statuses = tuple(sorted({m.report.status for m in ms}, key=lambda s: _STATUS_RANK.get(s, 9)))
    reports = tuple(sorted((m.report for m in ms),
                           key=lambda r: (r.published or "9999", r.doc_id, r.start)))
    eid = make_id("tle", c.seed.type, when, *sorted(c.seed.people))
    return TimelineEvent(
        type=c.seed.type, participants=participants, date=when, place=place,
        status=status, reports=reports,
        independent_sources=len({m.story for m in ms}), id=eid,
        statuses=statuses if len(statuses) > 1 else ())


def _relate(evs: list[TimelineEvent], clusters: list[_Cluster]) -> list[TimelineEvent]:
    out = []
    for i, (e, c) in enumerate(zip(evs, clusters, strict=True)):
        related = tuple(
            o.id for j, (o, oc) in enumerate(zip(evs, clusters, strict=True))
            if j != i and o.type != e.type and e.date and o.date and e.date[:10] == o.date[:10]
            and len(e.date) >= 10 and c.seed.people and oc.seed.people
            and jaccard(c.seed.people, oc.seed.people) >= PARTICIPANT_JACCARD)
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
    pairs = sorted(zip(evs, range(len(evs)), strict=True),
                   key=lambda p: (p[0].date is None, p[0].date or "", p[0].type, p[1]))
    return [e for e, _ in pairs]


def events_of(timeline_events: Iterable[TimelineEvent], status: str) -> list[TimelineEvent]:
    """The events of one status (planned, postponed, cancelled, happened)."""
    return [e for e in timeline_events if e.status == status]
