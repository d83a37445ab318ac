"""Topics: what a user asks about, resolved to knowledge-base entities plus search terms.

A topic such as "Japan Kazakhstan", "日本 哈萨克斯坦" or "Япония Казахстан" names the same two
entities in three scripts; the words that name no entity ("investment", "summit", 稀土) stay as
search terms. Matching runs on the folded query view (t2s, NFKC, lower case), the view the
search index uses, so Traditional and Simplified spellings and Russian case forms all resolve.

:func:`relevant_documents` scores documents: those that mention every topic entity (and, for a
topic of terms only, every term) come first with a score of at least 1; documents that mention
only some entities or terms follow with a score below 1, so callers can take the first tier
(:func:`core_documents`) and still fall back when no document mentions everything.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from attache.concepts import expand
from attache.errors import StoreError
from attache.kb import KBEntry, KnowledgeBase, default_kb
from attache.normalize import fold_query
from attache.store import SqlStore, documents
from attache.tokens import QueryTerm, Segmenter

_TYPE_RANK = {"country": 0, "organization": 1, "person": 2, "event_series": 3, "place": 4,
              "other": 5}
# Words that join a topic's names but carry no meaning for the search ("Japan and Kazakhstan").
_STOPWORDS = frozenset(
    "a an and the of in on at to for with between vs versus relations relation ties "
    "и в во на с со между о об отношения "
    "和 与 及 的 在 同 关系 对 "
    "と の 関係 "
    "мен және пен бен арасындағы қатынастар".split()
)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff]")
_WORDCHAR = re.compile(r"[0-9a-z\u00c0-\u024f\u0400-\u04ff]")


@dataclass(frozen=True)
class Topic:
    """A resolved topic: the query as typed, the canonical entity names it names, other terms."""

    text: str
    entity_names: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    # Concept ids the topic names (rare-earths), and for each the index expression of all its
    # aliases; ``terms`` still lists the words as typed, for callers that match subjects.
    concepts: tuple[str, ...] = ()
    concept_fts: tuple[str, ...] = ()
    concept_terms: tuple[str, ...] = ()  # the terms that a concept stands for

    @property
    def empty(self) -> bool:
        return not self.entity_names and not self.terms and not self.concepts

    @property
    def kind(self) -> str:
        """What the topic resolved to: entities, concepts, both, terms or nothing."""
        if self.entity_names and self.concepts:
            return "both"
        if self.entity_names:
            return "entities"
        if self.concepts:
            return "concepts"
        return "terms" if self.terms else "empty"

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "entity_names": list(self.entity_names),
                "terms": list(self.terms), "concepts": list(self.concepts), "kind": self.kind}


@dataclass
class _AliasTable:
    keys: dict[str, KBEntry]
    case_sensitive: dict[str, str]  # folded key -> the acronym as it must be written
    lengths: tuple[int, ...]


_TABLES: weakref.WeakKeyDictionary[KnowledgeBase, _AliasTable] = weakref.WeakKeyDictionary()


def _alias_table(kb: KnowledgeBase) -> _AliasTable:
    """Every name form the extractor matches, read from its automaton (cached on disk), so a
    query resolves names exactly as documents do and starts without rebuilding the forms."""
    table = _TABLES.get(kb)
    if table is not None:
        return table
    from attache.entities import _matcher

    keys: dict[str, KBEntry] = {}
    cs: dict[str, str] = {}
    for key, (_len, vals) in _matcher(kb).automaton.items():
        k = key.strip()
        if len(k) < 2 or k in _STOPWORDS:
            continue
        # The extractor lists the candidates of a key by type rank (countries first, so an
        # ambiguous alias such as "Kazakh" names the country); real names before adjectives.
        kb_id, case_sensitive, _weak, _cap = min(vals, key=lambda v: v[2])
        entry = kb.get(kb_id)
        if entry is None:
            continue
        keys[k] = entry
        if case_sensitive:
            cs[k] = k.upper()
    table = _AliasTable(keys, cs, tuple(sorted({len(k) for k in keys}, reverse=True)))
    _TABLES[kb] = table
    return table


def _boundary(s: str, i: int) -> bool:
    """True when position ``i`` of ``s`` is not inside a Latin or Cyrillic word."""
    if i <= 0 or i >= len(s):
        return True
    return not (_WORDCHAR.match(s[i - 1]) and _WORDCHAR.match(s[i]))


def match_entities(text: str, kb: KnowledgeBase) -> list[tuple[int, int, KBEntry]]:
    """Longest knowledge-base names in ``text`` as (start, end, entry) on its folded view."""
    from attache.entities import fold

    table = _alias_table(kb)
    q = fold_query(text)
    qk = fold(q)  # the extractor's folding (ё, dashes, middle dots); same length
    out: list[tuple[int, int, KBEntry]] = []
    i = 0
    while i < len(q):
        if not _boundary(q, i) or q[i].isspace():
            i += 1
            continue
        found = None
        for n in table.lengths:
            if i + n > len(q):
                continue
            key = qk[i:i + n]
            entry = table.keys.get(key)
            if entry is None or not _boundary(q, i + n):
                continue
            acronym = table.case_sensitive.get(key)
            if acronym and not re.search(rf"(?<![A-Za-z]){re.escape(acronym)}(?![A-Za-z])", text):
                continue
            found = (i, i + n, entry)
            break
        if found:
            out.append(found)
            i = found[1]
        else:
            i += 1
    return out


def resolve_topic(text: str, kb: KnowledgeBase, segmenter: Segmenter) -> Topic:
    """The entities a topic names and the search terms left over."""
    q = fold_query(text)
    names: list[str] = []
    rest: list[str] = []
    pos = 0
    for s, e, entry in match_entities(text, kb):
        rest.append(q[pos:s])
        pos = e
        if entry.name not in names:
            names.append(entry.name)
    rest.append(q[pos:])
    terms: list[str] = []
    concepts: list[str] = []
    fts: list[str] = []
    covered: list[str] = []
    for chunk in rest:
        if not chunk.strip():
            continue
        found = kb.concepts.find(chunk)
        for cs, ce, concept in found:
            wide = expand(concept, segmenter)
            if wide is not None and concept.id not in concepts:
                concepts.append(concept.id)
                fts.append(wide.fts)
            covered += [t.text for t in segmenter.query_terms(chunk[cs:ce])]
        for t in segmenter.query_terms(chunk):
            if t.text in _STOPWORDS or (len(t.text) < 2 and not _CJK.match(t.text)):
                continue
            if t.text not in terms:
                terms.append(t.text)
    return Topic(text=text, entity_names=tuple(names), terms=tuple(terms),
                 concepts=tuple(concepts), concept_fts=tuple(fts),
                 concept_terms=tuple(t for t in terms if t in covered))


def concept_mentions(text: str, topic: Topic, kb: KnowledgeBase) -> tuple[str, ...]:
    """Which of the topic's concepts a sentence or claim mentions (in any language), so a
    caller can decide relevance per claim rather than per document."""
    wanted = set(topic.concepts)
    return tuple(dict.fromkeys(c.id for _, _, c in kb.concepts.find(text) if c.id in wanted))


def _fts(term: str) -> str:
    # Words of four letters or more match as prefixes, Han words whole, as in search queries.
    cjk = bool(_CJK.search(term))
    return QueryTerm(term, prefix=not cjk and len(term) >= 4, script="cjk" if cjk else "word").fts()


def topic_members(names: Iterable[str], kb: KnowledgeBase) -> dict[str, str]:
    """Canonical name -> the topic entity it stands for: itself, or for a country, every
    person, place and organisation of that country (talks of Tokayev are about Kazakhstan)."""
    out = {n: n for n in names}
    codes: dict[str, str] = {}
    for n in names:
        e = kb.by_name(n)
        if e is not None and e.type == "country" and e.country:
            codes[e.country] = n
    if codes:
        for e in kb.entries():
            if e.type != "country" and e.country in codes:
                out.setdefault(e.name, codes[e.country])
    return out


def _docs_naming(store: SqlStore, names: Iterable[str], kb: KnowledgeBase
                 ) -> dict[str, set[str]]:
    """doc id -> which of ``names`` it mentions (entity mentions, figure and event entities)."""
    wanted = list(names)
    found: dict[str, set[str]] = {}
    if not wanted:
        return found
    members = topic_members(wanted, kb)
    # Through the entity indexes: the cost follows the documents that name the topic.
    for doc_id, named in store.docs_mentioning(list(members), via=("mentions",)).items():
        found.setdefault(doc_id, set()).update(members[n] for n in named)
    # Figures and events carry canonical names too; a store filled without mention rows
    # (an import, a test) is still searchable by them.
    for doc_id, named in store.docs_mentioning(wanted, via=("figures", "events")).items():
        found.setdefault(doc_id, set()).update(named)
    return found


def _docs_with_term(store: SqlStore, term: str) -> set[str]:
    return _docs_matching(store, _fts(term))


def _docs_matching(store: SqlStore, expr: str) -> set[str]:
    try:
        return set(store.docs_matching(expr))
    except StoreError:
        return set()


def relevant_documents(store: SqlStore, topic: Topic | None,
                       kb: KnowledgeBase | None = None) -> dict[str, float]:
    """Documents relevant to ``topic`` with a score; complete matches score 1 or more.

    Complete: every topic entity is mentioned (for a topic without entities, every term
    occurs). Each matching term adds up to 0.5. Partial matches score below 1, in proportion
    to the share of entities and terms found. An empty topic selects every document at 1.0.
    """
    if topic is None or topic.empty:
        with store.engine.connect() as conn:
            all_ids = [r[0] for r in conn.execute(sa.select(documents.c.id))]
        return dict.fromkeys(all_ids, 1.0)
    by_entity = _docs_naming(store, topic.entity_names, kb or default_kb())
    by_term: dict[str, set[str]] = {}
    plain = [t for t in topic.terms if t not in topic.concept_terms]
    for t in plain:
        for d in _docs_with_term(store, t):
            by_term.setdefault(d, set()).add(t)
    # A concept counts as one term, found through any of its aliases in any language.
    for cid, expr in zip(topic.concepts, topic.concept_fts, strict=False):
        for d in _docs_matching(store, expr):
            by_term.setdefault(d, set()).add("concept:" + cid)
    n_e, n_t = len(topic.entity_names), len(plain) + len(topic.concepts)
    scores: dict[str, float] = {}
    for d in set(by_entity) | set(by_term):
        e_share = len(by_entity.get(d, ())) / n_e if n_e else 0.0
        t_share = len(by_term.get(d, ())) / n_t if n_t else 0.0
        complete = e_share == 1.0 if n_e else t_share == 1.0
        if complete:
            scores[d] = round(1.0 + 0.5 * t_share, 4)
        else:
            weight = (e_share * n_e + t_share * n_t) / (n_e + n_t)
            scores[d] = round(0.9 * weight, 4)
    return dict(sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])))


def core_documents(scores: dict[str, float]) -> set[str]:
    """The first tier of :func:`relevant_documents`, or every scored document if it is empty."""
    top = {d for d, s in scores.items() if s >= 1.0}
    return top or set(scores)
