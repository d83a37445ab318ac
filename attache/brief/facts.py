"""The facts writer: statements in the reader's language from extracted facts.

Every statement is built from structured evidence — a timeline event, a ledger group, counts
of documents — and cites the spans that evidence came from. Names are the knowledge base's
names in the reader's language (托卡耶夫 / Tokayev / Токаев), figures carry their qualifier
("over 8.5 bn USD", "超过85亿美元"), dates are written as a reader writes them. A quote gets a
one-line gloss built from its own extraction: who it names, how much, what happened, when.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from attache.brief.model import Claim, DocInfo, Evidence
from attache.brief.quotes import Candidate, cut_link_tags
from attache.brief.strings import Lexicon
from attache.citations import Citation, unique

_FAMILY_NAMES = {"zh-Hans": "zh", "zh-Hant": "zh"}
# Subjects that, counted in money, are the value of the deals signed.
_DEALS = frozenset({"agreements", "agreement", "contracts", "deals", "documents", "memoranda"})
# Kinds of named thing that can take part in an event, best first for "who".
_WHO_RANK = {"person": 0, "organization": 1, "country": 2}


def lang_family(code: str) -> str:
    """Simplified and Traditional Chinese are one language when languages are counted."""
    return _FAMILY_NAMES.get(code, code)


class FactWriter:
    """Writes the statements of one brief in one reader's language."""

    def __init__(self, ev: Evidence, lex: Lexicon) -> None:
        self.ev = ev
        self.lex = lex
        self.docs = {d.id: d for d in ev.docs}

    # --- names ----------------------------------------------------------------------------

    def name(self, n: str) -> str:
        return self.ev.names.get(n, n)

    def who(self, participants: Sequence[str], limit: int = 3) -> str:
        """The actors of an event: its people, else its organisations and countries."""
        ranked = [p for p in participants if self.ev.types.get(p, "person") in _WHO_RANK]
        people = [p for p in ranked if self.ev.types.get(p, "person") == "person"]
        chosen = people or sorted(ranked, key=lambda p: _WHO_RANK[self.ev.types.get(p,
                                                                                  "person")])
        return self.lex.join([self.name(p) for p in chosen], limit) or self.lex["none"]

    def outlet(self, name: str) -> str:
        return self.lex.name("outlet", name)

    def lang_names(self, codes: Iterable[str]) -> list[str]:
        """Display names of languages, Simplified and Traditional Chinese as one."""
        codes = sorted(set(codes))
        if "zh-Hans" in codes and "zh-Hant" in codes:
            return [self.lex.name("language", "zh")] + [self.lex.name("language", c)
                                                          for c in codes
                                                          if not c.startswith("zh")]
        return [self.lex.name("language", c) for c in codes]

    def counts(self, n: int, k: int) -> dict[str, Any]:
        lex = self.lex
        return {"n": n, "k": k,
                "n_sources": lex.count(n, "independent source", "independent sources"),
                "k_languages": lex.count(k, "language", "languages")}

    # --- citations ------------------------------------------------------------------------

    def stmt(self, key: str, cites: Iterable[Citation], evidence: Sequence[Claim] = (),
             theme: str | None = None, **kw: Any) -> Claim | None:
        cs = unique(cites)
        if not cs:
            return None
        text = self.lex.fill(key, **kw)
        return Claim(text=text, kind="statement", language=self.lex.lang, citations=cs,
                     key=key, evidence=tuple(evidence), theme=theme)

    def span_cite(self, doc_id: str, start: int, end: int, quote: str,
                  keep: tuple[int, int] | None = None) -> Citation:
        """A citation of a stored span, with trailing link labels cut off when the document
        is at hand (never cutting into ``keep``, the part the citation is for)."""
        d = self.docs.get(doc_id)
        if d is None:
            return Citation(doc_id, start, end, quote, "", None)
        if d.text[start:end] == quote:
            span = cut_link_tags(d.text, start, end, d.links)
            if span is not None and (keep is None or span[1] >= keep[1]):
                start, end = span
                quote = d.text[start:end]
        return Citation(doc_id, start, end, quote, d.location, d.url)

    def strong_first(self, items: Sequence[Any], doc_of: Any) -> list[Any]:
        """Items from independent kinds of source first: a digest never leads."""
        def weak(x: Any) -> bool:
            d = self.docs.get(doc_of(x))
            return bool(d and d.weak)
        return sorted(items, key=weak)

    def report_cites(self, e: Any, n: int = 6) -> list[Citation]:
        """The reports an event statement cites: independent sources written on or after the
        event first (an announcement is not a report of what happened), then the rest."""
        when = str(getattr(e, "date", None) or "")[:10]
        held = getattr(e, "status", "happened") == "happened"

        def order(r: Any) -> tuple[bool, bool, str]:
            d = self.docs.get(r.doc_id)
            pre = bool(held and when and r.published and r.published[:len(when)] < when)
            return (bool(d and d.weak), pre, r.published or "")

        ranked = sorted(getattr(e, "reports", ()), key=order)
        # One report per document before a second from any: the citations show the spread.
        seen: set[str] = set()
        firsts: list[Any] = []
        rest: list[Any] = []
        for r in ranked:
            (rest if r.doc_id in seen else firsts).append(r)
            seen.add(r.doc_id)
        return [self.span_cite(r.doc_id, r.start, r.end, r.quote) for r in (firsts + rest)[:n]]

    def figure_cites(self, g: Any, n: int = 8) -> list[Citation]:
        out = []
        figs = self.strong_first(list(getattr(g, "figures", ())), lambda f: f.doc_id)
        for f in figs[:n]:
            fs, fe = getattr(f, "start", None), getattr(f, "end", None)
            keep = (fs, fe) if isinstance(fs, int) and isinstance(fe, int) else None
            out.append(self.span_cite(f.doc_id, f.quote_start, f.quote_end, f.quote,
                                      keep or (f.quote_end, f.quote_end)))
        return out

    # --- events ---------------------------------------------------------------------------

    def event_text(self, e: Any, with_sources: bool = True) -> str:
        lex = self.lex
        series = [p for p in e.participants if self.ev.types.get(p) == "event_series"]
        who = self.who(e.participants)
        place = self.name(e.place) if e.place else ""
        at = lex.fill("ev.at", place=place) if place else ""
        kw = {"who": who, "at": at, "to": lex.fill("ev.to", place=place) if place else "",
              "when": lex.when(e.date), "type": lex.name("event", e.type)}
        if e.status in ("planned", "postponed", "cancelled"):
            text = lex.fill(f"ev.{e.status}", **kw)
        elif e.type == "summit":
            what = (lex.fill("ev.summit_of", series=self.name(series[0])) if series
                    else lex["ev.a_summit"])
            with_ = lex.fill("ev.with", who=who) if who != lex["none"] else ""
            text = lex.fill("ev.summit", what=what, **{"with": with_}, **kw)
        else:
            key = f"ev.{e.type}" if f"ev.{e.type}" in lex.text else "ev.other"
            text = lex.fill(key, **kw)
        text = lex.cap(text)
        if with_sources and e.independent_sources >= 2:
            langs = {lang_family(r.language) for r in e.reports}
            suffix = lex.fill("ev.sources", **self.counts(e.independent_sources, len(langs)))
            text = text[:-1] + suffix + text[-1]
        return text

    def event(self, e: Any, evidence: Sequence[Claim] = (), theme: str | None = None
              ) -> Claim | None:
        cs = unique(self.report_cites(e))
        if not cs:
            return None
        return Claim(text=self.event_text(e), kind="statement", language=self.lex.lang,
                     citations=cs, key=f"ev.{e.status if e.status != 'happened' else e.type}",
                     evidence=tuple(evidence), theme=theme)

    # --- figures --------------------------------------------------------------------------

    def measure(self, g: Any) -> str:
        """What a figure group measures, as a phrase: "trade between Japan and Kazakhstan"."""
        lex = self.lex
        subj = str(getattr(g, "subject", None) or "figure")
        ents = [self.name(e) for e in getattr(g, "entities", ())]
        key = f"m.{subj}"
        money = len(str(getattr(g, "unit", ""))) == 3 and str(g.unit).isupper()
        if money and subj in _DEALS:
            key = "m.deals"
        if ents and key in lex.text:
            return lex.fill(key, ents=lex.join(ents))
        subject = lex.name("measure", subj)
        if ents:
            return lex.fill("m.generic", subject=subject, ents=lex.join(ents))
        return lex.fill("m.bare", subject=subject)

    def period(self, g: Any) -> str:
        periods = [str(p) for p in (getattr(g, "periods", ()) or ()) if p]
        if not periods:
            return ""
        if getattr(g, "kind", "flow") == "stock":
            return self.lex.fill("fig.asof", period=self.lex.date(periods[-1][-4:]))
        return self.lex.fill("fig.period", period=self.lex.date(periods[-1]),
                             when=self.lex.when(periods[-1]))

    def typical(self, g: Any) -> Any:
        """The figure most sources state (value and qualifier), from independent sources."""
        figs = self.strong_first(list(g.figures), lambda f: f.doc_id)
        votes = Counter((f.value, f.value_max, f.qualifier) for f in figs)
        best = max(votes, key=lambda k: (votes[k], -figs.index(
            next(f for f in figs if (f.value, f.value_max, f.qualifier) == k))))
        return next(f for f in figs if (f.value, f.value_max, f.qualifier) == best)

    def fig_value(self, f: Any) -> str:
        return self.lex.value(f.value, f.unit, f.qualifier, f.value_max)

    def figure(self, g: Any, evidence: Sequence[Claim] = (), theme: str | None = None
               ) -> Claim | None:
        lex = self.lex
        cites = self.figure_cites(g)
        measure = self.measure(g)
        kw: dict[str, Any] = {"Measure": lex.cap(measure), "measure": measure,
                              "period": self.period(g), **self.counts(g.sources, 0)}
        kw["N_sources"] = lex.cap(kw["n_sources"])
        if g.verdict == "update":
            strong = [f for f in g.figures if not self._weak(f.doc_id)] or list(g.figures)
            figs = sorted(strong, key=lambda f: (str(f.as_of or f.period or f.published
                                                     or "").rsplit("/", 1)[-1][:4],
                                                 f.published or "", f.value))
            a, b = figs[0], figs[-1]
            return self.stmt("fig.update", cites, evidence, theme, **kw,
                             first=self.fig_value(a), last=self.fig_value(b),
                             p1=self._when(a), p2=self._when(b))
        if g.verdict == "conflict":
            lo, hi = g.spread
            return self.stmt("fig.conflict", cites, evidence, theme, **kw,
                             lo=lex.number(lo, g.unit), hi=lex.number(hi, g.unit))
        f = self.typical(g)
        if g.verdict == "single-source":
            return self.stmt("fig.single", cites[:1], evidence, theme, **kw,
                             value=self.fig_value(f), outlet=self.outlet(str(f.outlet)))
        return self.stmt("fig.agree", cites, evidence, theme, **kw, value=self.fig_value(f))

    def _weak(self, doc_id: str) -> bool:
        d = self.docs.get(doc_id)
        return bool(d and d.weak)

    def _when(self, f: Any) -> str:
        p = str(f.as_of or f.period or f.published or "")
        p = p.rsplit("/", 1)[-1][:4]
        return self.lex.fill("fig.when", period=self.lex.date(p)) if p else ""

    # --- quotes ---------------------------------------------------------------------------

    def gloss(self, c: Candidate) -> str:
        """One line in the reader's language: who the quote names, how much, what, when."""
        lex = self.lex
        names = sorted(c.names, key=lambda n: (self.ev.types.get(n) != "person",
                                               self.ev.types.get(n) != "country"))
        parts = []
        if names:
            parts.append(lex.fill("gloss.about", names=lex.join(
                [self.name(n) for n in names], 3)))
        for f in c.figures[:2]:
            what = lex.name("measure", f.subject or "figure")
            parts.append(lex.fill("gloss.figure", value=lex.value(f.value, f.unit,
                                                                  f.qualifier), what=what))
        for v in c.events[:1]:
            parts.append(lex.fill("gloss.event", type=lex.name("event", v.type),
                                  when=lex.when(v.date)))
        d = c.doc
        head = f"{self.outlet(d.outlet)}, {lex.name('language', d.language)}"
        if d.published:
            head += f", {lex.date(d.published)}"
        body = lex["gloss.sep"].join(parts) or lex.name("language", d.language)
        return lex.fill("gloss", head=head, body=body)

    def flag(self, d: DocInfo) -> str | None:
        return self.lex.fill("flag", kind=self.lex.name("kind", d.kind)) if d.weak else None

    def quote(self, c: Candidate, theme: str | None = None) -> Claim:
        return c.claim(theme=theme, gloss=self.gloss(c), flag=self.flag(c.doc))
