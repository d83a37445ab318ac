"""Composing: gathered evidence → the sections of a brief, one function per section, no I/O.

Sections follow the seed report's spirit: summary (five statements at most), background,
analysis by theme (with who says what), conclusions drawn from the ledger and the timeline,
limitations and what to verify, data (ledger, timeline, actors, coverage) and references.
Every section leads with statements written from facts; quotes stand under them as evidence.
Only claims about the topic enter; an empty section is left out.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from typing import Any

from attache.brief.facts import FactWriter, lang_family
from attache.brief.model import (
    WEAK_KINDS,
    Brief,
    Claim,
    DocInfo,
    Evidence,
    Section,
    evidence_key,
)
from attache.brief.quotes import (
    BACKGROUND_CUE,
    Candidate,
    Picker,
    candidates,
)
from attache.brief.strings import lexicon
from attache.brief.tables import Tables, dedupe_claims
from attache.brief.themes import Themes, default_themes
from attache.citations import Citation
from attache.model import LANGUAGES
from attache.normalize import fold_query

# Kinds a balanced evidence base should have; their absence is worth saying.
EXPECTED_KINDS: tuple[str, ...] = ("news-agency", "government", "academic")
# How long after its date a planned or postponed event stops being an open question.
STALE_PLAN_DAYS = 365
MAX_UNLINKED = 4
MAX_WEAK_EVENTS = 3
MAX_SUMMARY = 5
# An event dated this many years before every report of it is a recollection, not news.
RECOLLECTION_YEARS = 2


def _as_day(d: str) -> date | None:
    try:
        return date.fromisoformat(d)
    except ValueError:
        return None


def _period_end(d: str) -> date | None:
    """The last day of a date that may be a year or a month."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", d[:10])
    if not m:
        return None
    y, mo, da = int(m.group(1)), m.group(2), m.group(3)
    if da:
        return _as_day(d[:10])
    if mo:
        nxt = date(y + (int(mo) == 12), int(mo) % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1)
    return date(y, 12, 31)


def recollection(e: Any, newest: str | None = None) -> bool:
    """An event every report of which was written years later: remembered, not reported.
    An undated report is taken to be as recent as the newest evidence."""
    if not e.date or not getattr(e, "reports", ()):
        return False
    pubs = [r.published or newest for r in e.reports]
    if not all(pubs):
        return False
    try:
        return int(min(p for p in pubs if p)[:4]) - int(e.date[:4]) >= RECOLLECTION_YEARS
    except ValueError:
        return False


def weak_only(e: Any) -> bool:
    """Every report of the event comes from a kind of source that is not independent."""
    reports = getattr(e, "reports", ())
    return bool(reports) and all(r.source_kind in WEAK_KINDS for r in reports)


class Composer(Tables):
    """Builds the sections of one brief from gathered evidence, in one reader's language."""

    def __init__(self, ev: Evidence, lang: str, themes: Themes) -> None:
        self.lex = lexicon(lang)
        self.lang = lang
        self.ev = ev
        self.w = FactWriter(ev, self.lex)
        self.themes = themes
        self.all_cands = candidates(ev, themes)
        self.cands = [c for c in self.all_cands if c.on_topic]
        self.picker = Picker()
        self.docs = {d.id: d for d in ev.docs}
        self.events = [e for e in ev.events if getattr(e, "reports", ())]
        newest = max((d.published for d in ev.docs if d.published), default=None)
        self.news = [e for e in self.events if not recollection(e, newest)
                     and not self.vaguer_copy(e)]
        self.recalled = [e for e in self.events if recollection(e, newest)]
        self.used: set[str] = set()

    # --- helpers --------------------------------------------------------------------------

    def vaguer_copy(self, e: Any) -> bool:
        """A report of a happening that names no person, dated to the month, beside one of the
        same type and place on a day of that month that names people: the same happening told
        with less ("Port of Aktau and Japan held talks in August" beside Iwaya and Nurtleu's
        talks on the 25th)."""
        if not e.date or len(e.date) >= 10 or any(self.ev.types.get(p) == "person"
                                                  for p in e.participants):
            return False
        return any(o is not e and o.type == e.type and o.place == e.place and o.date
                   and len(o.date) >= 10 and o.date.startswith(e.date)
                   and any(self.ev.types.get(p) == "person" for p in o.participants)
                   for o in self.events)

    def evidence_for(self, spans: Iterable[tuple[str, int, int]], n: int = 2,
                     theme: str | None = None, after: str | None = None) -> list[Claim]:
        """Quotes under a statement: candidates overlapping its cited spans, independent
        sources first and, for an event, reports written on or after its date."""
        want = list(spans)
        pool = [c for c in self.cands
                if any(c.doc.id == d and c.start < e and s < c.end for d, s, e in want)]

        def late(c: Candidate) -> bool:
            p = c.doc.published
            return not after or not p or p[:len(after[:10])] >= after[:10]

        best = [c for c in pool if late(c) and not c.doc.weak]
        picked = self.picker.pick(best, n)
        if len(picked) < n:
            picked += self.picker.pick(pool, n - len(picked))
        picked.sort(key=lambda c: c.doc.weak)
        return [self.w.quote(c, theme) for c in picked]

    def with_evidence(self, claim: Claim | None, n: int = 2, theme: str | None = None,
                      after: str | None = None) -> Claim | None:
        if claim is None or claim.text in self.used:
            return None
        self.used.add(claim.text)
        quotes = self.evidence_for(((c.doc_id, c.start, c.end) for c in claim.citations),
                                   n, after=after)[:n]
        return replace(claim, evidence=tuple(quotes[:n]), theme=theme)

    def theme_of(self, spans: Iterable[tuple[str, int, int]]) -> str | None:
        tot: Counter[str] = Counter()
        for d, s, e in spans:
            doc = self.docs.get(d)
            if doc is not None:
                tot.update(self.themes.score(fold_query(doc.text[s:e])))
        return max(tot, key=lambda k: (tot[k], k)) if tot else None

    def topic_sentence(self, doc: DocInfo) -> Citation | None:
        """The most salient sentence of a document about the topic."""
        c = next((c for c in self.cands if c.doc.id == doc.id), None)
        return c.doc.cite(c.start, c.end) if c else None

    def ranked_events(self) -> list[Any]:
        """Held, dated, most independently reported first; statements last."""
        return sorted(self.news, key=lambda e: (e.type == "statement", e.status != "happened",
                                                e.date is None, -e.independent_sources,
                                                -len(e.reports), e.date or "", e.type))

    def ranked_groups(self) -> list[Any]:
        order = {"agree": 0, "update": 1, "conflict": 2, "single-source": 3}
        return sorted((g for g in self.ev.groups if getattr(g, "figures", ())),
                      key=lambda g: (order.get(g.verdict, 9), -g.sources, str(g.measure)))

    # --- sections -------------------------------------------------------------------------

    def compose(self) -> Brief:
        data = self.data()
        sections = [self.summary(), self.background(), self.analysis(), self.conclusions(),
                    self.limitations(), data, self.references()]
        sections = [s for s in sections if not s.empty]
        return Brief(topic=self.ev.topic, lang=self.lang,
                     title=self.lex.fill("title", topic=self.ev.topic),
                     sections=tuple(sections), documents=len(self.ev.docs))

    def summary(self) -> Section:
        claims: list[Claim | None] = []
        evs = [e for e in self.ranked_events() if e.status == "happened"
               and e.type != "statement" and e.independent_sources >= 1 and not weak_only(e)]
        for e in evs[:2]:
            claims.append(self.with_evidence(self.w.event(e), after=e.date))
        groups = [g for g in self.ranked_groups() if g.verdict != "single-source"]
        for g in groups[:MAX_SUMMARY - 2]:
            claims.append(self.with_evidence(self.w.figure(g), 1))
        kept = [c for c in claims if c is not None][:MAX_SUMMARY]
        if len(kept) < 2:
            kept += [c for c in [self.docs_statement()] if c is not None]
        return Section("summary", self.lex["summary"], tuple(kept))

    def docs_statement(self) -> Claim | None:
        """When no event or figure is about the topic: how much evidence there is, with the
        most salient quotes about it."""
        picked = self.picker.pick(sorted(self.cands, key=lambda c: c.doc.weak), 3)
        if not picked:
            return None
        docs = {c.doc.id for c in self.cands}
        outlets = {self.docs[d].outlet for d in docs}
        langs = {lang_family(self.docs[d].language) for d in docs}
        lex = self.lex
        return self.w.stmt(
            "s.docs", [c.doc.cite(c.start, c.end) for c in picked],
            [self.w.quote(c) for c in sorted(picked, key=lambda c: c.doc.weak)],
            n=len(docs), m=len(outlets), k=len(langs),
            n_documents=lex.count(len(docs), "document", "documents"),
            m_outlets=lex.count(len(outlets), "outlet", "outlets"),
            k_languages=lex.count(len(langs), "language", "languages"))

    def background(self) -> Section:
        claims: list[Claim | None] = []
        on_topic_docs = {c.doc.id for c in self.cands}
        dated = sorted((d for d in self.ev.docs if d.published and d.id in on_topic_docs),
                       key=lambda d: (d.published or "", d.id))
        latest = dated[-1].published if dated else None
        old = {d.id for d in dated if latest and d.published and d.published[:4] < latest[:4]}
        pool = [c for c in self.cands if c.doc.id in old or BACKGROUND_CUE.search(c.quote)]
        quotes = [self.w.quote(c) for c in sorted(
            self.picker.pick(pool, 2, bonus=lambda c: 1.5 if c.doc.id in old else 1.0),
            key=lambda c: c.doc.weak)]
        if len(dated) >= 2 and dated[0].published != dated[-1].published:
            first, last = dated[0], dated[-1]
            claims.append(self.w.stmt(
                "s.span", filter(None, [self.topic_sentence(first), self.topic_sentence(last)]),
                quotes, first=self.lex.date(first.published),
                first_outlet=self.w.outlet(first.outlet),
                last=self.lex.date(last.published), last_outlet=self.w.outlet(last.outlet)))
        # Remembered steps worth a line: typed happenings, not "an event of Kazakhstan, 1993".
        recalled = sorted((e for e in self.recalled if e.type != "other"
                           or any(self.ev.types.get(p) == "person" for p in e.participants)),
                          key=lambda e: e.date or "")[:4]
        if recalled:
            items = [self.w.event_text(e, with_sources=False).rstrip("。.") for e in recalled]
            cites = [c for e in recalled for c in self.w.report_cites(e, 1)]
            claims.append(self.w.stmt("s.recollection", cites,
                                      items=self.lex["gloss.sep"].join(items)))
        off = [c for c in self.all_cands if not c.on_topic and c.doc.relevance >= 1.0]
        if off:
            lex = self.lex
            claims.append(self.w.stmt("s.context", [off[0].doc.cite(off[0].start, off[0].end)],
                                      n=len(off), n_sentences=lex.count(len(off), "sentence",
                                                                        "sentences")))
        return Section("background", self.lex["background"], dedupe_claims(claims))

    def analysis(self) -> Section:
        facts: dict[str, list[Claim]] = defaultdict(list)
        for g in self.ranked_groups():
            spans = [(f.doc_id, f.quote_start, f.quote_end) for f in g.figures]
            th = self.theme_of(spans)
            if th and len(facts[th]) < 3:
                c = self.with_evidence(self.w.figure(g, theme=th), 1, th)
                if c:
                    facts[th].append(c)
        for e in self.ranked_events():
            # Statements go to "who says what"; an untyped happening or one only a digest,
            # a blog or a partisan outlet reports is not stated as a fact (limitations say so).
            if e.type in ("statement", "other") or weak_only(e):
                continue
            spans = [(r.doc_id, r.start, r.end) for r in e.reports]
            th = self.theme_of(spans)
            if th and len(facts[th]) < 4:
                c = self.with_evidence(self.w.event(e, theme=th), 1, th, after=e.date)
                if c:
                    facts[th].append(c)
        subs = []
        for key in self.themes.keys:
            pool = [c for c in self.cands if c.themes.get(key)
                    and max(c.themes, key=lambda k: (c.themes[k], k == key)) == key]
            claims: list[Claim | None] = list(facts.get(key, ()))
            picked = sorted(self.picker.pick(pool, 2), key=lambda c: c.doc.weak)
            quotes = [self.w.quote(c, key) for c in picked]
            if not picked and pool and not claims:
                picked = pool[:2]  # quoted elsewhere already: cite them, do not repeat them
            if picked:
                n, m = len(pool), len({c.doc.id for c in pool})
                k = len({lang_family(c.language) for c in pool})
                label = self.themes.label(key, self.lang)
                lex = self.lex
                claims.append(self.w.stmt(
                    "s.theme", [c.doc.cite(c.start, c.end) for c in picked],
                    quotes, key, Theme=lex.cap(label), n=n,
                    m=m, k=k, n_sentences=lex.count(n, "sentence", "sentences"),
                    m_sources=lex.count(m, "source", "sources"),
                    k_languages=lex.count(k, "language", "languages")))
            kept = tuple(c for c in claims if c is not None)
            if kept:
                subs.append(Section(key, self.themes.label(key, self.lang), kept))
        cov = self.coverage_claims()
        if cov:
            subs.append(Section("coverage", self.lex["coverage"], tuple(cov)))
        return Section("analysis", self.lex["analysis"], subsections=tuple(subs))

    def coverage_claims(self) -> list[Claim]:
        lex = self.lex
        out: list[Claim | None] = []
        said: dict[str, list[Any]] = defaultdict(list)
        for e in self.news:
            if e.type == "statement":
                for p in e.participants:
                    if self.ev.types.get(p) == "person":
                        said[p].append(e)
        for p, es in sorted(said.items(), key=lambda kv: -sum(e.independent_sources
                                                              for e in kv[1]))[:3]:
            n = sum(e.independent_sources for e in es)
            cites = [c for e in es for c in self.w.report_cites(e, 2)]
            claim = self.w.stmt("s.said", cites, who=self.w.name(p), n=n,
                                n_sources=lex.count(n, "independent source",
                                                    "independent sources"))
            out.append(self.with_evidence(claim, 2))
        by_kind: dict[str, list[DocInfo]] = defaultdict(list)
        on_docs = {c.doc.id for c in self.cands}
        for d in self.ev.docs:
            if d.id in on_docs:
                by_kind[d.kind].append(d)
        for kind, docs in sorted(by_kind.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:4]:
            ids = {d.id for d in docs}
            cands = [c for c in self.cands if c.doc.id in ids]
            emph = self.theme_emphasis(cands)
            if not emph:
                continue
            cites = [next(c for c in cands if c.themes.get(t)).doc.cite(
                *next((c.start, c.end) for c in cands if c.themes.get(t))) for t in emph]
            out.append(self.w.stmt(
                "s.kind", cites, kind=lex.cap(lex.name("kind", kind)), n=len(docs),
                n_documents=lex.count(len(docs), "document", "documents"),
                langs=lex.join(self.w.lang_names(d.language for d in docs)),
                themes=self.theme_list(emph)))
        return [c for c in out if c is not None]

    def conclusions(self) -> Section:
        lex = self.lex
        claims: list[Claim | None] = []
        best = [e for e in self.ranked_events() if e.status == "happened"
                and e.independent_sources >= 2]
        if best:
            e = best[0]
            claims.append(self.w.stmt("s.best", self.w.report_cites(e, 3),
                                      event=self.w.event_text(e)))
        groups = [g for g in self.ev.groups if getattr(g, "figures", ())]
        ups = [g for g in groups if g.verdict == "update"][:2]
        if ups:
            texts = [(self.w.figure(g) or Claim("", "", "", ())).text.rstrip("。.") for g in ups]
            if self.lang != "zh":
                texts = [t[:1].lower() + t[1:] for t in texts]
            claims.append(self.w.stmt("s.trend", [c for g in ups
                                                  for c in self.w.figure_cites(g, 3)],
                                      items=lex["gloss.sep"].join(t for t in texts if t)))
        agree = [g for g in groups if g.verdict == "agree" and g.sources >= 2][:4]
        if agree:
            items = [lex.fill("item.value", measure=self.w.measure(g), period=self.w.period(g),
                              value=self.w.fig_value(self.w.typical(g))) for g in agree]
            claims.append(self.w.stmt("s.agreements", [c for g in agree
                                                       for c in self.w.figure_cites(g, 2)],
                                      n=len(agree), items=lex["gloss.sep"].join(items)))
        conflicts = [g for g in groups if g.verdict == "conflict"][:3]
        if conflicts:
            items = [lex.fill("item.range", measure=self.w.measure(g), period=self.w.period(g),
                              range=lex.spread(g.spread[0], g.spread[1], g.unit))
                     for g in conflicts]
            claims.append(self.w.stmt("s.conflicts", [c for g in conflicts
                                                      for c in self.w.figure_cites(g, 3)],
                                      items=lex["gloss.sep"].join(items)))
        docs = [d for d in self.ev.docs if d.id in {c.doc.id for c in self.cands}]
        langs = sorted({d.language for d in docs})
        kinds = sorted({d.kind for d in docs})
        per_lang = [next((self.first_sentence(d) for d in docs if d.language == x), None)
                    for x in langs]
        nl = len({lang_family(x) for x in langs})
        claims.append(self.w.stmt(
            "s.langs", [c for c in per_lang if c], k=nl,
            k_languages=lex.count(nl, "language", "languages"),
            langs=lex.join(self.w.lang_names(langs), 6), m=len(kinds),
            m_kinds=lex.count(len(kinds), "kind of source", "kinds of source"),
            kinds=lex.join([lex.name("kind", x) for x in kinds], 6)))
        return Section("conclusions", lex["conclusions"], dedupe_claims(claims))

    def limitations(self) -> Section:
        lex = self.lex
        lim: list[Claim | None] = []
        singles = 0
        for g in self.ev.groups:
            if g.verdict == "single-source" and g.figures and singles < 6:
                singles += 1
                f = g.figures[0]
                lim.append(self.w.stmt("s.single", self.w.figure_cites(g, 1),
                                       measure=self.w.measure(g) + self.w.period(g),
                                       value=self.w.fig_value(f),
                                       outlet=self.w.outlet(str(f.outlet))))
        weak_events = 0
        for e in self.news:
            if weak_only(e) and weak_events < MAX_WEAK_EVENTS:
                weak_events += 1
                kinds = sorted({r.source_kind for r in e.reports})
                lim.append(self.w.stmt("s.weak", self.w.report_cites(e, 2),
                                       type=lex.name("event", e.type),
                                       who=self.w.who(e.participants), when=lex.when(e.date),
                                       kinds=lex.join([lex.name("kind", k) for k in kinds])))
            elif e.date is None and e.independent_sources >= 2:
                lim.append(self.w.stmt("s.eventnodate", self.w.report_cites(e, 3),
                                       type=lex.name("event", e.type),
                                       who=self.w.who(e.participants)))
            if self.open_question(e):
                lim.append(self.w.stmt("s.planned", self.w.report_cites(e, 3),
                                       status=lex.name("status", e.status),
                                       type=lex.name("event", e.type),
                                       who=self.w.who(e.participants), when=lex.when(e.date)))
        docs = [d for d in self.ev.docs if d.id in {c.doc.id for c in self.cands}]
        weak = [d for d in docs if d.weak]
        if weak:
            kinds = sorted({d.kind for d in weak})
            lim.append(self.w.stmt("s.flagged", filter(None, (self.first_sentence(d)
                                                              for d in weak)),
                                   n=len(weak), kinds=lex.join([lex.name("kind", k)
                                                                for k in kinds]),
                                   n_documents=lex.count(len(weak), "document", "documents")))
        present = sorted({d.language for d in docs})
        missing = [x for x in LANGUAGES if x not in present]
        if docs and missing:
            cites = [c for c in (self.first_sentence(next(d for d in docs if d.language == x))
                                 for x in present) if c]
            lim.append(self.w.stmt("s.nolang", cites,
                                   missing=lex.join([lex.name("language", x) for x in missing],
                                                    6),
                                   present=lex.join([lex.name("language", x)
                                                     for x in present], 6)))
        kinds = sorted({d.kind for d in docs})
        nokind = [k for k in EXPECTED_KINDS if k not in kinds]
        if docs and nokind:
            cites = [c for c in (self.first_sentence(next(d for d in docs if d.kind == k))
                                 for k in kinds) if c]
            lim.append(self.w.stmt("s.nokind", cites,
                                   missing=lex.join([lex.name("kind", k) for k in nokind]),
                                   present=lex.join([lex.name("kind", k) for k in kinds], 6)))
        unlinked = 0
        for _eid, ms in self.actor_stats():
            if ms[0].linked or unlinked >= MAX_UNLINKED:
                continue
            c = self.mention_cite([m for m in ms if self.in_body(m)])
            if c:
                unlinked += 1
                lim.append(self.w.stmt("s.unlinked", [c], name=ms[0].name))
        for d in sorted(docs, key=lambda d: (d.published or "", d.id)):
            c = self.first_sentence(d)
            if c is None:
                continue
            if d.published and d.published_source == "text":
                lim.append(self.w.stmt("s.dated_text", [c], doc=self.w.outlet(d.outlet),
                                       date=lex.date(d.published)))
            elif not d.published:
                lim.append(self.w.stmt("s.undated", [c], doc=self.w.outlet(d.outlet)))
        return Section("limitations", lex["limitations"], dedupe_claims(lim))

    def open_question(self, e: Any) -> bool:
        """Whether a planned or postponed event is still an open question by the evidence.

        Not when a later held event of the same type shares participants (the summit that was
        postponed in 2024 and held in 2025), not when its date is long past the newest
        evidence, and never for statements.
        """
        if e.status not in ("planned", "postponed") or e.type == "statement":
            return False
        newest = max((d.published for d in self.ev.docs if d.published), default=None)
        if e.date and newest:
            end = _period_end(e.date)
            start = _as_day(newest[:10])
            if end and start and (start - end).days > STALE_PLAN_DAYS:
                return False
        since = e.date or min((r.published for r in e.reports if r.published), default=None)
        people = set(e.participants)
        for o in self.ev.events:
            if (o is e or o.status != "happened" or not o.date
                    or (o.type != e.type and e.type != "other")
                    or not people & set(o.participants)):
                continue
            n = min(len(o.date), len(since or ""))
            if since is None or o.date[:n] > since[:n]:
                return False
        return True


def compose(ev: Evidence, lang: str = "en", themes: Themes | None = None) -> Brief:
    """The brief for gathered evidence, before verification; pure, no I/O."""
    b = Composer(ev, lang, themes or default_themes()).compose()
    return replace(b, evidence_key=evidence_key(b))
