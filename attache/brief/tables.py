"""The data sections of a brief, and the helpers the sections share: the figure ledger, the
timeline, actors and coverage tables, the numbered references, first sentences and mentions.

:class:`Tables` is the part of the composer that lays out tables; ``Composer`` in
:mod:`attache.brief.compose` adds the prose sections. Pure: no I/O.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from attache.brief.facts import FactWriter
from attache.brief.model import Claim, DocInfo, Evidence, MentionRow, Row, Section, Table
from attache.brief.quotes import Candidate, cut_link_tags, trim_span
from attache.brief.strings import Lexicon
from attache.brief.themes import Themes
from attache.citations import Citation, unique
from attache.model import LANGUAGES

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
HEAD_LINES = 6
_DESK_TAG = re.compile(r"\s*[〔【\[（(][^〕】\]）)]{1,30}[〕】\]）)]")
_BYLINE_WORDS = re.compile(
    r"大学|大學|学院|學院|研究所|研究院|研究中心|University|Institute|School|College|Academy|"
    r"Faculty|Department|Университет|университет|Институт|институт|記者|记者|編輯|编辑|"
    r"通讯员|通訊員|作者|Author|By\s", re.IGNORECASE)


def _looks_like_byline(text: str) -> bool:
    """A short line that is a name, an affiliation or a desk tag rather than a sentence."""
    t = text.strip()
    if len(t) > 80:
        return False
    return bool(_BYLINE_WORDS.search(t)) or not re.search(r"[。！？.!?]$", t)


def dedupe_claims(claims: Iterable[Claim | None]) -> tuple[Claim, ...]:
    """Claims in order, without the empty ones and without repeated sentences."""
    seen: set[str] = set()
    out = []
    for c in claims:
        if c is not None and c.text not in seen:
            seen.add(c.text)
            out.append(c)
    return tuple(out)


class Tables:
    """Table sections and shared helpers; the composer supplies the state below."""

    lex: Lexicon
    lang: str
    w: FactWriter
    ev: Evidence
    themes: Themes
    docs: dict[str, DocInfo]
    cands: list[Candidate]
    news: list[Any]

    def first_sentence(self, doc: DocInfo) -> Citation | None:
        if doc.title:
            i = doc.text.find(doc.title)
            if i >= 0:
                return doc.cite(i, i + len(doc.title))
        for s in doc.sentences:
            if s.boilerplate is None:
                a, b = trim_span(doc.text, s.start, s.end)
                span = cut_link_tags(doc.text, a, b, doc.links) if b > a else None
                if span is not None:
                    return doc.cite(*span)
        return None

    def theme_emphasis(self, cands: Sequence[Candidate]) -> list[str]:
        tot: Counter[str] = Counter()
        for c in cands:
            tot.update(c.themes)
        return [k for k, _ in sorted(tot.items(), key=lambda kv: (-kv[1], kv[0]))[:2]]

    def theme_list(self, keys: Sequence[str]) -> str:
        return (" / " if self.lang != "zh" else "、").join(
            self.themes.label(k, self.lang) for k in keys) or self.lex["theme.none"]

    def data(self) -> Section:
        lex = self.lex
        figures = self.figure_rows()
        events = self.timeline_rows()
        subs = [Section("figures", lex["figures"], tables=(figures,))]
        tl_claims: list[Claim | None] = []
        if events.rows:
            dates = [r.date for r in events.rows if r.date]
            m = sum(1 for r in events.rows if r.weight >= 2)
            n = len(events.rows)
            tl_claims.append(self.w.stmt(
                "s.timeline", [c for r in events.rows[:3] for c in r.citations[:1]],
                n=n, m=m, n_events=lex.count(n, "event", "events"),
                first=lex.date(min(dates)) if dates else lex["none"],
                last=lex.date(max(dates)) if dates else lex["none"]))
        subs.append(Section("timeline", lex["timeline"], dedupe_claims(tl_claims),
                            tables=(events,)))
        subs.append(self.actors())
        subs.append(self.coverage_tables())
        head: list[Claim | None] = []
        rows = [*figures.rows[:2], *events.rows[:2]] or [r for s in subs for r in s.all_rows()][:2]
        if rows:
            cites = [c for r in rows for c in r.citations[:1]]
            head.append(self.w.stmt(
                "s.data", cites, n=len(figures.rows), m=len(events.rows),
                n_measures=lex.count(len(figures.rows), "measure", "measures"),
                n_events=lex.count(len(events.rows), "event", "events")))
        return Section("data", lex["data"], dedupe_claims(head),
                       subsections=tuple(s for s in subs if not s.empty))

    def figure_rows(self) -> Table:
        lex = self.lex
        order = {"conflict": 0, "update": 1, "agree": 2, "single-source": 3}
        groups = sorted((g for g in self.ev.groups if getattr(g, "figures", ())),
                        key=lambda g: (order.get(g.verdict, 9), -g.sources, str(g.measure),
                                       str(g.unit), g.spread))
        rows = []
        for g in groups[:15]:
            lo, hi = g.spread
            periods = ", ".join(lex.date(str(p)) for p in (g.periods or ()) if p) or lex["none"]
            outlets = sorted({self.w.outlet(str(f.outlet)) for f in g.figures if f.outlet})
            key = f"{g.measure}|{g.unit}|{g.subject}|{'/'.join(sorted(g.entities))}"
            rows.append(Row(
                cells=(lex.cap(self.w.measure(g)), lex.spread(lo, hi, g.unit), periods,
                       lex.name("verdict", g.verdict), str(g.sources),
                       ", ".join(outlets[:5])),
                citations=unique(self.w.figure_cites(g)), key=key,
                state=f"{g.verdict}|{lo:g}|{hi:g}|{g.sources}", verdict=g.verdict))
        cols = tuple(lex[k] for k in ("col.measure", "col.value", "col.period",
                                      "col.verdict", "col.sources", "col.outlets"))
        return Table("figures", cols, tuple(rows))

    def timeline_rows(self) -> Table:
        lex = self.lex
        evs = sorted(self.news, key=lambda e: (-e.independent_sources, -len(e.reports),
                                               e.date or "", e.type, tuple(e.participants)))[:20]
        evs.sort(key=lambda e: (e.date is None, e.date or "", e.type, tuple(e.participants)))
        rows = []
        for e in evs:
            key = f"{e.type}|{e.date}|{'/'.join(sorted(e.participants))}"
            rows.append(Row(
                cells=(lex.date(e.date) if e.date else lex["nodate"],
                       lex.name("event", e.type), self.w.who(e.participants),
                       self.w.name(e.place) if e.place else lex["none"],
                       lex.name("status", e.status), str(e.independent_sources)),
                citations=unique(self.w.report_cites(e, 4)), key=key,
                state=f"{e.status}|{e.place}|{e.independent_sources}", date=e.date,
                weight=int(e.independent_sources)))
        cols = tuple(lex[k] for k in ("col.date", "col.event", "col.participants",
                                      "col.place", "col.status", "col.sources"))
        return Table("timeline", cols, tuple(rows))

    def mention_cite(self, ms: Sequence[MentionRow]) -> Citation | None:
        for m in ms:
            d = self.docs.get(m.doc_id)
            if d is None:
                continue
            for s in d.sentences:
                if s.boilerplate is None and s.start <= m.start < s.end:
                    a, b = trim_span(d.text, s.start, s.end)
                    span = cut_link_tags(d.text, a, b, d.links) if b > a else None
                    if span is not None and span[0] <= m.start and m.end <= span[1]:
                        return d.cite(*span)
                    if b > a:
                        return d.cite(a, b)
        return None

    def in_body(self, m: MentionRow) -> bool:
        """Whether a mention is part of the article's prose: not boilerplate, not a byline,
        affiliation or desk tag near the top, and not a piece of a longer word."""
        d = self.docs.get(m.doc_id)
        if d is None:
            return False
        if m.end < len(d.text) and d.text[m.end].isalpha() and not _CJK.match(d.text[m.end]):
            return False  # "Саммит қоры" inside "Саммит қорытындысы"
        sent = next((x for x in d.sentences if x.start <= m.start < x.end), None)
        if sent is None or sent.boilerplate is not None:
            return False
        text = d.text[sent.start:sent.end]
        tag = _DESK_TAG.match(text)
        if tag and m.end <= sent.start + tag.end():
            return False  # 〔國際新聞中心／綜合報導〕…
        lines_before = sum(1 for ln in d.text[:sent.start].split("\n") if ln.strip())
        return not (lines_before < HEAD_LINES and _looks_like_byline(text))

    def actor_stats(self) -> list[tuple[str, list[MentionRow]]]:
        by: dict[str, list[MentionRow]] = defaultdict(list)
        on_docs = {c.doc.id for c in self.cands}
        for m in self.ev.mentions:
            if m.doc_id in on_docs:
                by[m.entity_id].append(m)
        return sorted(by.items(), key=lambda kv: (-len(kv[1]), kv[0]))

    def actors(self) -> Section:
        lex = self.lex
        rows = []
        for eid, ms in self.actor_stats()[:12]:
            c = self.mention_cite(ms)
            if c is None:
                continue
            forms = [f for f, _ in Counter(m.text for m in ms).most_common(3)]
            m0 = ms[0]
            rows.append(Row(
                cells=(self.w.name(m0.name), lex.name("entity_type", m0.type), str(len(ms)),
                       str(len({m.doc_id for m in ms})), ", ".join(forms),
                       lex["linked"] if m0.linked else lex["unlinked"]),
                citations=(c,), key=eid, state=str(len(ms))))
        cols = tuple(lex[k] for k in ("col.name", "col.type", "col.mentions",
                                      "col.documents", "col.forms", "col.kb"))
        return Section("actors", lex["actors"], tables=(Table("actors", cols, tuple(rows)),))

    def coverage_tables(self) -> Section:
        lex = self.lex
        by_kind: dict[str, list[DocInfo]] = defaultdict(list)
        by_lang: dict[str, list[DocInfo]] = defaultdict(list)
        for d in self.ev.docs:
            by_kind[d.kind].append(d)
            by_lang[d.language].append(d)
        kind_rows = []
        for kind, docs in sorted(by_kind.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            ids = {d.id for d in docs}
            cands = [c for c in self.cands if c.doc.id in ids]
            emph = self.theme_emphasis(cands)
            cites = [fc for fc in (self.first_sentence(d) for d in docs[:3]) if fc is not None]
            kind_rows.append(Row(
                cells=(lex.name("kind", kind), str(len(docs)),
                       ", ".join(lex.name("language", x) for x in sorted({d.language
                                                                          for d in docs})),
                       ", ".join(sorted({self.w.outlet(d.outlet) for d in docs})[:5]),
                       self.theme_list(emph)),
                citations=unique(cites), key=kind))
        lang_rows = []
        for code in [x for x in (*LANGUAGES, "und") if x in by_lang]:
            docs = by_lang[code]
            fs = [fc for fc in (self.first_sentence(d) for d in docs[:3]) if fc is not None]
            lang_rows.append(Row(
                cells=(lex.name("language", code), str(len(docs)),
                       ", ".join(lex.name("kind", k) for k in sorted({d.kind for d in docs}))),
                citations=tuple(fs), key=code))
        kcols = tuple(lex[k] for k in ("col.kind", "col.documents", "col.languages",
                                       "col.outlets", "col.themes"))
        lcols = tuple(lex[k] for k in ("col.language", "col.documents", "col.kinds"))
        return Section("coverage", lex["coverage"],
                       tables=(Table("kinds", kcols, tuple(kind_rows)),
                               Table("languages", lcols, tuple(lang_rows))))

    def references(self) -> Section:
        lex = self.lex
        rows = []
        docs = sorted(self.ev.docs, key=lambda d: (d.published or "9999", d.outlet, d.id))
        for i, d in enumerate(docs, start=1):
            c = self.first_sentence(d)
            if c is None:
                continue
            when = lex.date(d.published) if d.published else lex["nodate"]
            if d.published and d.published_source == "text":
                when += f" ({lex['inferred']})"
            rows.append(Row(
                cells=(str(i), self.w.outlet(d.outlet), lex.name("kind", d.kind), when,
                       lex.name("language", d.language), d.url or d.location),
                citations=(c,), key=d.id, state=f"{d.published}|{d.kind}|{d.outlet}",
                date=d.published))
        cols = tuple(lex[k] for k in ("col.no", "col.outlet", "col.kind", "col.date",
                                      "col.language", "col.link"))
        return Section("references", lex["references"],
                       tables=(Table("sources", cols, tuple(rows)),))
