"""Gathering: the one part of the brief that reads the store.

:func:`gather` takes a store, a resolved topic and the knowledge base, and returns the
:class:`~attache.brief.model.Evidence` a brief is composed from: the relevant documents with
their sentences, mentions, figures and events, the figure ledger and the timeline — each
figure group and event kept only when one of its own sentences is about the topic.

:func:`topic_view` is the single place that reads a topic's attributes, so a topic that grows
(concepts) or changes shape needs a change here only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from attache.brief.model import DocInfo, EventSpan, Evidence, FigureSpan, MentionRow
from attache.brief.strings import ALIAS_LANGUAGE
from attache.kb import KnowledgeBase
from attache.ledger import figure_ledger
from attache.normalize import fold_query
from attache.store import SqlStore, documents, entities, events, figures, mentions, sources
from attache.timeline import timeline
from attache.topic import relevant_documents, topic_members


@dataclass(frozen=True)
class TopicView:
    """What the brief needs of a topic: its text, the entities it names, its search terms and
    the surface forms of its concepts (all folded), and the concept ids."""

    text: str
    entity_names: tuple[str, ...]
    terms: tuple[str, ...]
    concept_forms: tuple[str, ...] = ()
    concepts: tuple[str, ...] = ()


def _strings(x: Any) -> Iterable[str]:
    if isinstance(x, str):
        yield x
    elif isinstance(x, Mapping):
        for v in x.values():
            yield from _strings(v)
    elif isinstance(x, Iterable):
        for v in x:
            yield from _strings(v)


def topic_view(topic: Any, kb: KnowledgeBase | None = None) -> TopicView:
    """A topic's parts, read defensively: ``entity_names``; ``terms`` as strings or objects
    with ``text``; ``concepts`` as strings or objects with an id or name and any of
    ``terms``/``forms``/``aliases``/``words`` (a list, or a mapping language → list)."""
    if isinstance(topic, str):
        return TopicView(topic, (), tuple(fold_query(w) for w in topic.split() if w))
    names = tuple(str(n) for n in getattr(topic, "entity_names", ()) or ())
    terms = tuple(fold_query(str(getattr(t, "text", t))) for t in getattr(topic, "terms", ())
                  or ())
    forms: list[str] = []
    ids: list[str] = []
    for c in getattr(topic, "concepts", ()) or ():
        if isinstance(c, str):
            ids.append(c)
            forms.append(fold_query(c))
            concept = kb.concepts.get(c) if kb is not None else None
            if concept is not None:  # a concept id: every alias in every language
                forms.extend(fold_query(a) for _lang, a in concept.all_aliases())
            continue
        cid = getattr(c, "id", None) or getattr(c, "name", None) or getattr(c, "label", None)
        if cid:
            ids.append(str(cid))
        for attr in ("terms", "forms", "aliases", "words", "name", "label"):
            forms.extend(fold_query(s) for s in _strings(getattr(c, attr, None) or ()))
    return TopicView(text=str(getattr(topic, "text", "")), entity_names=names,
                     terms=tuple(t for t in terms if t.strip()),
                     concept_forms=tuple(dict.fromkeys(f for f in forms if len(f) >= 2)),
                     concepts=tuple(ids))


class Relevance:
    """Whether a sentence is about the topic: it names every topic entity (people, places and
    organisations of a topic country count for it), or it names one and a topic term or concept,
    or — for a topic of words only — it contains one of its terms or concept forms."""

    def __init__(self, view: TopicView, members: dict[str, str],
                 forms: Mapping[str, Sequence[str]] | None = None) -> None:
        self.view = view
        self.members = members
        self.forms = forms or {}

    def __call__(self, folded: str, names: Iterable[str]) -> bool:
        hit = {self.members[n] for n in names if n in self.members}
        # A topic entity written out but missed by the extractor ("Aktau port" read as the
        # city) still counts: its knowledge-base names are matched on the folded text.
        hit |= {n for n, fs in self.forms.items() if any(f in folded for f in fs)}
        words = [*self.view.terms, *self.view.concept_forms]
        worded = any(w and w in folded for w in words)
        if self.view.entity_names:
            if len(hit) == len(set(self.view.entity_names)):
                return True
            return bool(hit) and worded
        return worded


def entity_forms(names: Sequence[str], kb: KnowledgeBase) -> dict[str, tuple[str, ...]]:
    """Topic entity → its names in every language, folded (three characters at least, two for
    Han script), for matching text the extractor did not link."""
    out: dict[str, tuple[str, ...]] = {}
    for n in names:
        entry = kb.by_name(n)
        if entry is None:
            continue
        forms = set()
        for _lang, alias in entry.all_aliases():
            f = fold_query(alias).strip()
            if len(f) >= 3 or (len(f) == 2 and all("\u3400" <= ch <= "\u9fff" for ch in f)):
                forms.add(f)
        out[n] = tuple(sorted(forms))
    return out


def reader_names(names: Iterable[str], kb: KnowledgeBase, lang: str) -> dict[str, str]:
    """Canonical (English) name → the knowledge base's name for it in the reader's language."""
    alias_lang = ALIAS_LANGUAGE.get(lang, "en")
    out: dict[str, str] = {}
    if alias_lang == "en":
        return out
    for n in names:
        entry = kb.by_name(n)
        if entry is not None and entry.aliases.get(alias_lang):
            out[n] = entry.aliases[alias_lang][0]
    return out


def gather(store: SqlStore, topic: Any, kb: KnowledgeBase, lang: str = "en") -> Evidence:
    """Read the evidence on ``topic`` from the store: documents, mentions, ledger, timeline."""
    view = topic_view(topic, kb)
    scored = relevant_documents(store, topic, kb)
    # Partial matches (one of two named countries, say) add context but not noise below half.
    relevance = {d: s for d, s in scored.items() if s >= 0.5} or scored
    ids = sorted(relevance)
    docs: list[DocInfo] = []
    ment: list[MentionRow] = []
    fig_spans: list[FigureSpan] = []
    ev_spans: list[EventSpan] = []
    with store.engine.connect() as conn:
        for chunk in (ids[i:i + 500] for i in range(0, len(ids), 500)):
            rows = conn.execute(
                sa.select(documents, sources.c.name.label("src_name"),
                          sources.c.kind.label("src_kind"))
                .select_from(documents.outerjoin(sources, sources.c.id == documents.c.source_id))
                .where(documents.c.id.in_(chunk))).all()
            for r in rows:
                stored = store.get(r.id)
                docs.append(DocInfo(
                    id=r.id, text=r.text, title=r.title,
                    outlet=r.src_name or r.outlet or "unknown source",
                    kind=r.src_kind or "other", language=r.language,
                    published=r.published, published_source=r.published_source,
                    location=r.location, url=r.url, duplicate_of=r.duplicate_of,
                    relevance=float(relevance[r.id]), sentences=stored.sentences,
                    links=tuple(stored.document.links)))
            ment.extend(MentionRow(m.doc_id, m.start, m.end, m.entity_id, m.name, m.type,
                                   bool(m.linked), m.text)
                        for m in conn.execute(
                            sa.select(mentions, entities.c.name, entities.c.type,
                                      entities.c.linked)
                            .join(entities, entities.c.id == mentions.c.entity_id)
                            .where(mentions.c.doc_id.in_(chunk))))
            fig_spans.extend(FigureSpan(f.doc_id, f.start, f.end, f.value, f.unit, f.qualifier,
                                        f.subject) for f in conn.execute(
                sa.select(figures.c.doc_id, figures.c.start, figures.c.end, figures.c.value,
                          figures.c.unit, figures.c.qualifier, figures.c.subject)
                .where(figures.c.doc_id.in_(chunk))))
            ev_spans.extend(EventSpan(v.doc_id, v.start, v.end, v.type, v.date)
                            for v in conn.execute(
                sa.select(events.c.doc_id, events.c.start, events.c.end, events.c.type,
                          events.c.date).where(events.c.doc_id.in_(chunk))))
    members = topic_members(view.entity_names, kb)
    forms = entity_forms(view.entity_names, kb)
    about = Relevance(view, members, forms)
    texts = {d.id: d.text for d in docs}
    by_doc: dict[str, list[MentionRow]] = {}
    for m in ment:
        by_doc.setdefault(m.doc_id, []).append(m)

    def on_topic(doc_id: str, start: int, end: int) -> bool:
        text = texts.get(doc_id)
        if text is None:
            return False
        names = [m.name for m in by_doc.get(doc_id, ()) if start <= m.start < end]
        return about(fold_query(text[start:end]), names)

    # A topic that names entities has a ledger and a timeline filtered by them already, and a
    # figure's sentence may name its countries only as "the two countries"; a topic of words
    # only keeps a figure group or an event when every figure or report of it names the topic.
    need = any if view.entity_names else all
    groups = tuple(g for g in figure_ledger(store, topic, kb).groups
                   if need(on_topic(f.doc_id, f.quote_start, f.quote_end) for f in g.figures))
    evts = tuple(e for e in timeline(store, topic, kb)
                 if need(on_topic(r.doc_id, r.start, r.end) for r in e.reports))
    wanted = ({m.name for m in ment} | {p for e in evts for p in e.participants}
              | {e.place for e in evts if e.place} | {n for g in groups for n in g.entities})
    types = {}
    for n in wanted:
        entry = kb.by_name(n)
        if entry is not None:
            types[n] = entry.type
    types.update({m.name: m.type for m in ment})
    return Evidence(topic=view.text or str(topic), entity_names=view.entity_names,
                    terms=view.terms, docs=tuple(sorted(docs, key=lambda d: d.id)),
                    mentions=tuple(sorted(ment, key=lambda m: (m.doc_id, m.start))),
                    figure_spans=tuple(sorted(fig_spans, key=lambda f: (f.doc_id, f.start))),
                    event_spans=tuple(sorted(ev_spans, key=lambda v: (v.doc_id, v.start))),
                    groups=groups, events=evts, names=reader_names(wanted, kb, lang),
                    types=types, members=members, concepts=view.concept_forms,
                    entity_forms=forms)

