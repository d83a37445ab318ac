"""Extraction of one document: entities, dates, figures and events, without a store.

Pure functions of the document and the knowledge base: no I/O beyond loading the shipped data
once, so the same code runs in a loop, in a worker pool, or on a cluster.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from attache.anchors import infer_published, latest_event_month
from attache.dates import find_dates
from attache.entities import find_entities
from attache.events import find_events
from attache.figures import find_figures
from attache.kb import KnowledgeBase, default_kb
from attache.model import (
    Document,
    Entity,
    Event,
    Extraction,
    Figure,
    PublishedDate,
    Sentence,
)
from attache.normalize import View
from attache.sources import OutletRegistry, default_registry, profile_source


def doc_name(doc: Document) -> str:
    """The ``doc`` field of the JSON output: a file's name, or the URL or item location."""
    loc = doc.location
    if "://" in loc[:12]:
        return loc
    return Path(loc.split("#", 1)[0]).name + ("#" + loc.split("#", 1)[1] if "#" in loc else "")


def extract_analysed(doc: Document, view: View, language: str,
                     sentences: Sequence[Sentence], kb: KnowledgeBase | None = None,
                     registry: OutletRegistry | None = None) -> Extraction:
    kb = kb or default_kb()
    if len(doc.text) > WINDOW_CHARS and len(sentences) > 1:
        return extract_in_windows(doc, view, language, sentences, kb, registry)
    pub = doc.published.value if doc.published else None
    skip = [(s.start, s.end) for s in sentences if s.boilerplate]
    body = [(s.start, s.end) for s in sentences if s.boilerplate is None]
    ents = find_entities(view.text, doc.text, language, kb, published=pub, skip=skip)
    if pub is None:
        inferred = infer_published(view.text, ents, kb) or latest_event_month(
            [d for d in find_dates(view.text, language, None) if not _inside(d.start, skip)])
        pub = inferred.value if inferred else None
    mentions = [(m.start, m.end, e.name) for e in ents for m in e.mentions]
    dates = [d for d in find_dates(view.text, language, pub) if not _inside(d.start, skip)]
    figs = [f for f in find_figures(view.text, doc.text, language, pub, body, mentions, dates)
            if not _inside(f.start, skip)]
    evs = _actors_only(find_events(view.text, doc.text, language, body, ents, pub, dates), kb,
                       registry or default_registry())
    # The sentences already carry their boilerplate kind; the profile needs not mark it again.
    marks = [(s.start, s.end, s.boilerplate) for s in sentences if s.boilerplate]
    return Extraction(doc=doc_name(doc), language=language, published=pub, title=doc.title,
                      source=profile_source(doc, language, registry, marks), entities=tuple(ents),
                      figures=tuple(figs), events=tuple(evs), doc_id=doc.id)


def _actors_only(events: Sequence[Event], kb: KnowledgeBase, registry: OutletRegistry
                 ) -> list[Event]:
    """Drop participants that are where or through whom something happened, not who acted.

    A city or airport (a place that belongs to a country) is the event's place, and a news
    outlet named in the sentence reported the event; regions such as Central Asia stay, since
    reports treat them as actors ("Japan and Central Asia held a summit").
    """
    out = []
    for ev in events:
        keep = []
        for name in ev.participants:
            entry = kb.by_name(name)
            if entry is not None and entry.type == "place" and entry.country:
                continue
            if entry is not None and entry.type == "organization" and registry.by_name(name):
                continue
            keep.append(name)
        if keep:
            out.append(replace(ev, participants=tuple(keep)) if len(keep) != len(
                ev.participants) else ev)
    return out


def _inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


# --- long documents -------------------------------------------------------------------------

# Several extractors relate every figure to every sentence or mention of its document, which is
# quadratic: a 50 MB one-line text ran for hours. A long document is extracted in windows of
# whole sentences, each of bounded size, and the results are put back at their offsets, so
# the cost grows with the length of the text and the working memory with the window.
WINDOW_CHARS = 20_000


def sentence_windows(sentences: Sequence[Sentence], size: int | None = None
                     ) -> list[tuple[int, int, int, int]]:
    """(first, last + 1) sentence indexes and (start, end) offsets of windows of ``size``.

    A window is never longer than ``size`` unless it is one sentence, so extracting a window
    never windows again.
    """
    size = size or WINDOW_CHARS
    out: list[tuple[int, int, int, int]] = []
    i = 0
    while i < len(sentences):
        j = i
        while j < len(sentences) and (j == i or sentences[j].end - sentences[i].start <= size):
            j += 1
        out.append((i, j, sentences[i].start, sentences[j - 1].end))
        i = j
    return out


def extract_in_windows(doc: Document, view: View, language: str,
                       sentences: Sequence[Sentence], kb: KnowledgeBase | None = None,
                       registry: OutletRegistry | None = None) -> Extraction:
    """:func:`extract_analysed` window by window; offsets are the whole document's."""
    entities: dict[str, Entity] = {}
    figures: list[Figure] = []
    events: list[Event] = []
    first: Extraction | None = None
    published = doc.published
    for i, j, ws, we in sentence_windows(sentences):
        part = replace(doc, text=doc.text[ws:we], published=published,
                       links=tuple(replace(lk, start=lk.start - ws, end=lk.end - ws)
                                   for lk in doc.links if ws <= lk.start and lk.end <= we))
        sub = [replace(s, start=s.start - ws, end=s.end - ws) for s in sentences[i:j]]
        ex = extract_analysed(part, View(view.original[ws:we], view.text[ws:we]), language,
                              sub, kb, registry)
        if first is None:
            first = ex
            if published is None and ex.published:
                # Later windows resolve relative dates against what the first one inferred.
                published = PublishedDate.of(ex.published, "inferred")
        for e in ex.entities:
            moved = tuple(replace(m, start=m.start + ws, end=m.end + ws) for m in e.mentions)
            old = entities.get(e.id)
            entities[e.id] = replace(e, mentions=(old.mentions if old else ()) + moved)
        figures.extend(replace(f, start=f.start + ws, end=f.end + ws) for f in ex.figures)
        events.extend(replace(v, start=v.start + ws, end=v.end + ws) for v in ex.events)
    if first is None:
        return extract_analysed(replace(doc, text=""), View("", ""), language, (), kb, registry)
    return replace(first, entities=tuple(entities.values()), figures=tuple(figures),
                   events=tuple(events), doc_id=doc.id, doc=doc_name(doc))
