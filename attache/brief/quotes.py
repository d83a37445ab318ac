"""Quotable sentences: which source sentences may be quoted, how salient each is to the topic,
and a greedy picker that spreads quotes over sources and languages without repeating itself.

A candidate knows what its sentence contains — the entities named in it, the figures and events
extracted from it — so a quote can carry a gloss in the reader's language, and whether it is
about the topic, so only claims about the topic enter a brief.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from attache.brief.gather import Relevance, TopicView
from attache.brief.model import Claim, DocInfo, EventSpan, Evidence, FigureSpan, MentionRow
from attache.brief.themes import Themes
from attache.model import Link
from attache.normalize import fold_query

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")

_LEAD = re.compile(r"(?:\s*(?:#{1,6}\s+|[-*•·]\s+|>\s*|\d{1,2}[.)]\s+))+")
_NOT_WORD = re.compile(r"[\W_]+")
BACKGROUND_CUE = re.compile(
    r"以来|长期|历史|建交|独立|传统|自\d{4}|since|history|historical|long-standing|"
    r"established|independence|traditional|исторически|с \d{4}|начиная|установлен|"
    r"независимост|традицион|以来|歴史|独立|伝統|тарих|тәуелсіздік|дәстүр",
    re.IGNORECASE,
)
NEAR_DUPLICATE = 0.5


@dataclass(frozen=True)
class Candidate:
    doc: DocInfo
    start: int
    end: int
    folded: str
    themes: dict[str, int] = field(hash=False, compare=False)
    topic_hits: int
    has_figure: bool
    has_event: bool
    salience: float
    entities: int = 0
    on_topic: bool = True
    names: tuple[str, ...] = ()
    figures: tuple[FigureSpan, ...] = ()
    events: tuple[EventSpan, ...] = ()

    @property
    def quote(self) -> str:
        return self.doc.text[self.start:self.end]

    def claim(self, theme: str | None = None, gloss: str | None = None,
              flag: str | None = None) -> Claim:
        return Claim(text=self.quote, kind="quote", language=self.language,
                     citations=(self.doc.cite(self.start, self.end),), theme=theme,
                     outlet=self.doc.outlet, gloss=gloss, flag=flag)

    @property
    def language(self) -> str:
        return self.doc.language if self.doc.language != "und" else "und"


@lru_cache(maxsize=65536)
def _grams(folded: str) -> frozenset[str]:
    # Cached: the picker compares every candidate with every chosen quote.
    s = _NOT_WORD.sub("", folded)
    if len(s) < 5:
        return frozenset({s})
    return frozenset(s[i:i + 5] for i in range(len(s) - 4))


def near_duplicate(a: str, b: str) -> bool:
    """Character 5-gram Jaccard on the folded view, so a Traditional reprint matches."""
    ga, gb = _grams(a), _grams(b)
    if not ga or not gb:
        return False
    return len(ga & gb) / len(ga | gb) >= NEAR_DUPLICATE


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    m = _LEAD.match(text, start, end)
    if m:
        start = m.end()
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_FINAL_PUNCT = "。．.！!？?；;…"
MAX_TAG_CHARS = 40


def cut_link_tags(text: str, start: int, end: int,
                  links: Sequence[Link]) -> tuple[int, int] | None:
    """``start:end`` without the link labels that trail it, or None if it is mostly labels.

    AI digests end sentences with their citations as link labels ("… 复杂化 szhk qq 163。");
    those are not the source's words. A trailing run of labels, each set off by whitespace
    and optionally followed by final punctuation, is cut off (the span stays an exact slice of
    the text); a sentence whose characters are mostly link labels is not quoted at all.
    """
    inside = [lk for lk in links if start <= lk.start < lk.end <= end]
    if not inside:
        return start, end
    words = len(_NOT_WORD.sub("", text[start:end]))
    tagged = sum(len(_NOT_WORD.sub("", text[lk.start:lk.end])) for lk in inside)
    if words == 0 or tagged * 2 >= words:
        return None
    ends = {lk.end: lk for lk in inside if lk.end - lk.start <= MAX_TAG_CHARS}
    e = end
    while e > start and (text[e - 1] in _FINAL_PUNCT or text[e - 1].isspace()):
        e -= 1
    cut = None
    while (lk := ends.get(e)) is not None and lk.start > start and text[lk.start - 1].isspace():
        cut = e = lk.start
        while e > start and text[e - 1].isspace():
            e -= 1
    if cut is None:
        return start, end
    while e > start and text[e - 1] in "，,、:：;；-–—(（":
        e -= 1
    return (start, e) if e > start else None


def _quotable(text: str, folded: str, title: str | None) -> bool:
    core = _NOT_WORD.sub("", folded)
    cjk = len(_CJK.findall(core))
    size = cjk * 3 + (len(core) - cjk)
    if size < 36 or len(text) > 600:
        return False
    if "|" in text or text.count("http") > 0:
        return False
    return not (title and text.strip() == title.strip())


def relevance_of(ev: Evidence) -> Relevance:
    view = TopicView(ev.topic, ev.entity_names, tuple(fold_query(t) for t in ev.terms),
                     ev.concepts)
    return Relevance(view, ev.members or {n: n for n in ev.entity_names}, ev.entity_forms)


def candidates(ev: Evidence, themes: Themes) -> list[Candidate]:
    """Every quotable sentence of the evidence, most salient first; each knows whether it is
    about the topic (off-topic ones serve only as context)."""
    about = relevance_of(ev)
    members = ev.members or {n: n for n in ev.entity_names}
    terms = [fold_query(t) for t in (*ev.terms, *ev.concepts) if t.strip()]
    by_doc_m: dict[str, list[MentionRow]] = defaultdict(list)
    for m in ev.mentions:
        by_doc_m[m.doc_id].append(m)
    figs: dict[str, list[FigureSpan]] = defaultdict(list)
    for f in ev.figure_spans:
        figs[f.doc_id].append(f)
    evts: dict[str, list[EventSpan]] = defaultdict(list)
    for v in ev.event_spans:
        evts[v.doc_id].append(v)
    top_rel = max((d.relevance for d in ev.docs), default=1.0) or 1.0
    out: list[Candidate] = []
    for doc in ev.docs:
        rel = 0.5 + 0.5 * (doc.relevance / top_rel)
        if doc.duplicate_of:
            rel *= 0.5
        if doc.weak:
            rel *= 0.6
        for s in doc.sentences:
            if s.boilerplate is not None:
                continue
            start, end = trim_span(doc.text, s.start, s.end)
            if end <= start:
                continue
            span = cut_link_tags(doc.text, start, end, doc.links)
            if span is None:
                continue
            start, end = span
            quote = doc.text[start:end]
            folded = fold_query(quote)
            if not _quotable(quote, folded, doc.title):
                continue
            inside = [m for m in by_doc_m[doc.id] if start <= m.start < end]
            names = tuple(dict.fromkeys(m.name for m in inside))
            hits = len({members[n] for n in names if n in members}) + sum(
                1 for t in terms if t in folded)
            in_figs = tuple(f for f in figs[doc.id] if start <= f.start < end)
            in_evts = tuple(v for v in evts[doc.id] if start <= v.start < end)
            th = themes.score(folded)
            sal = rel * (1.0 + 1.5 * hits + 0.3 * len(names) + 1.5 * bool(in_figs)
                         + 1.5 * bool(in_evts) + 0.4 * min(3, sum(th.values())))
            out.append(Candidate(doc, start, end, folded, th, hits, bool(in_figs),
                                 bool(in_evts), round(sal, 6), len(names),
                                 on_topic=about(folded, names), names=names, figures=in_figs,
                                 events=in_evts))
    out.sort(key=lambda c: (-c.salience, c.doc.id, c.start))
    return out


class Picker:
    """Greedy extractive selection: salience, spread over sources and languages, no repeats."""

    def __init__(self) -> None:
        self.chosen: list[Candidate] = []
        self.doc_uses: Counter[str] = Counter()

    def taken(self, c: Candidate) -> bool:
        return any(c.doc.id == x.doc.id and c.start == x.start or near_duplicate(c.folded,
                                                                                 x.folded)
                   for x in self.chosen)

    def pick(self, pool: Sequence[Candidate], n: int,
             bonus: Callable[[Candidate], float] | None = None) -> list[Candidate]:
        got: list[Candidate] = []
        langs: set[str] = set()
        docs: set[str] = set()
        pool = [c for c in pool if not self.taken(c)]
        while pool and len(got) < n:
            def gain(c: Candidate) -> float:
                g = c.salience * (bonus(c) if bonus else 1.0)
                g /= 1.0 + 0.7 * self.doc_uses[c.doc.id] + (1.5 if c.doc.id in docs else 0)
                return g * (1.25 if c.language not in langs else 1.0)

            best = max(pool, key=lambda c: (gain(c), -ord(c.doc.id[-1]), -c.start))
            got.append(best)
            self.chosen.append(best)
            self.doc_uses[best.doc.id] += 1
            langs.add(best.language)
            docs.add(best.doc.id)
            pool = [c for c in pool if c is not best and not near_duplicate(c.folded,
                                                                               best.folded)]
        return got


