"""Search: any script finds any script.

A query is folded and cut exactly like the indexed text (t2s, NFKC, jieba for Han, words for
Latin and Cyrillic with case endings stripped for a prefix match), every term must occur in
the sentence, and each hit is shown in its original script with the matched stretches marked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from attache.errors import QueryError
from attache.normalize import fold_query
from attache.store import SqlStore
from attache.tokens import QueryTerm, Segmenter

if TYPE_CHECKING:
    from attache.kb import KnowledgeBase


@dataclass(frozen=True)
class SearchHit:
    doc_id: str
    sentence: int
    start: int
    end: int
    text: str
    highlights: tuple[tuple[int, int], ...]  # offsets inside ``text``
    title: str | None
    published: str | None
    outlet: str | None
    location: str
    language: str
    score: float

    def marked(self, before: str = "[", after: str = "]") -> str:
        """The sentence with every highlight wrapped in ``before``/``after``."""
        out, pos = [], 0
        for s, e in self.highlights:
            out.append(self.text[pos:s])
            out.append(before + self.text[s:e] + after)
            pos = e
        out.append(self.text[pos:])
        return "".join(out)

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "sentence": self.sentence, "start": self.start,
                "end": self.end, "text": self.text, "highlights": [list(h) for h in
                                                                   self.highlights],
                "title": self.title, "published": self.published, "outlet": self.outlet,
                "location": self.location, "language": self.language, "score": self.score}


@dataclass(frozen=True)
class Query:
    """A query as the index reads it: an FTS5 expression and the terms to highlight."""

    fts: str
    terms: tuple[QueryTerm, ...]
    phrases: tuple[str, ...] = ()  # folded names to highlight whole


# A query is something a person types. The FTS expression grows with the terms times the
# aliases of every name in them, and its cost grows faster than that, so both are capped
# (a repeated word counts once).
MAX_QUERY_CHARS = 500
MAX_QUERY_TERMS = 32
MAX_EXPANDED_TERMS = 600


def _conjunction(terms: list[QueryTerm]) -> str:
    return "(" + " AND ".join(t.fts() for t in terms) + ")"


def compile_query(query: str, segmenter: Segmenter, kb: KnowledgeBase | None = None
                  ) -> Query | None:
    """Cut the query like the index, and widen names the knowledge base knows.

    A query that names an entity ("Japan", "Японии", "哈薩克斯坦") also matches every alias of
    that entity in every language, so an English query finds 日本 and a Chinese one finds
    Japan; the words that are not names must still occur as written.
    """
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"the query is {len(query):,} characters long; the limit is "
                         f"{MAX_QUERY_CHARS}: search for a few words or names")
    folded = fold_query(query)
    groups: list[str] = []
    highlight_terms: list[QueryTerm] = []
    phrases: list[str] = []
    rest = query
    if kb is not None:
        from attache.topic import match_entities

        spans = match_entities(query, kb)
        seen: set[int] = set()
        for start, end, entry in spans:
            if id(entry) in seen:
                continue  # a name said twice widens the query once
            seen.add(id(entry))
            alternatives: list[str] = []
            for _lang, alias in entry.all_aliases():
                alias_terms = segmenter.query_terms(alias)
                if alias_terms:
                    alternatives.append(_conjunction(alias_terms))
                    phrases.append(fold_query(alias))
                    highlight_terms.extend(alias_terms)
            own = segmenter.query_terms(folded[start:end])
            if own:
                alternatives.append(_conjunction(own))
                phrases.append(folded[start:end])
            if alternatives:
                groups.append("(" + " OR ".join(sorted(set(alternatives))) + ")")
        # What the names did not cover is searched as written.
        chars = list(folded)
        for start, end, _ in spans:
            chars[start:end] = [" "] * (end - start)
        rest = "".join(chars)
        # Concepts (稀土, pipeline, визы) in what is left match all their aliases.
        from attache.concepts import expand

        for start, end, concept in kb.concepts.find(rest):
            wide = expand(concept, segmenter)
            if wide is None:
                continue
            groups.append(wide.fts)
            highlight_terms.extend(wide.terms)
            phrases.extend(wide.phrases)
            chars[start:end] = [" "] * (end - start)
        rest = "".join(chars)
    plain = segmenter.query_terms(rest)
    groups.extend(t.fts() for t in plain)
    highlight_terms.extend(plain)
    groups = list(dict.fromkeys(groups))  # "Japan Japan" asks for nothing more than "Japan"
    if not groups:
        return None
    if len(groups) > MAX_QUERY_TERMS:
        raise QueryError(f"the query has {len(groups)} different words and names; the limit "
                         f"is {MAX_QUERY_TERMS}: search for fewer at a time")
    expanded = sum(g.count(" OR ") + 1 for g in groups)
    if expanded > MAX_EXPANDED_TERMS:
        raise QueryError(f"the query's names expand to {expanded} alternatives (every alias in "
                         f"every language); the limit is {MAX_EXPANDED_TERMS}: name fewer "
                         "entities at a time")
    return Query(fts=" AND ".join(groups), terms=tuple(dict.fromkeys(highlight_terms)),
                 phrases=tuple(sorted(set(phrases), key=len, reverse=True)))


def count(store: SqlStore, segmenter: Segmenter, query: str,
          kb: KnowledgeBase | None = None) -> int:
    """How many sentences match, whatever the limit of a listing."""
    q = compile_query(query, segmenter, kb)
    return store.count_sentences(q.fts) if q else 0


def search(store: SqlStore, segmenter: Segmenter, query: str, limit: int = 20,
           kb: KnowledgeBase | None = None) -> list[SearchHit]:
    q = compile_query(query, segmenter, kb)
    if q is None:
        return []
    terms = list(q.terms)
    hits = store.search_sentences(q.fts, limit=limit * 3)
    out: list[SearchHit] = []
    docs: dict[str, dict[str, Any]] = {}
    # One read for the documents of the hits, not a whole stored document per hit.
    for r in store.documents_by_ids([h.doc_id for h in hits[:limit * 3]]):
        docs[r["id"]] = {"text": r["text"], "title": r["title"], "published": r["published"],
                         "outlet": r["src_name"] or r["outlet"], "location": r["location"],
                         "language": r["language"], "dup": r["duplicate_of"]}
    for h in hits:
        info = docs[h.doc_id]
        text = info["text"][h.start:h.end]
        out.append(SearchHit(
            doc_id=h.doc_id, sentence=h.idx, start=h.start, end=h.end, text=text,
            highlights=highlight(text, terms, q.phrases), title=info["title"],
            published=info["published"], outlet=info["outlet"], location=info["location"],
            language=info["language"], score=round(-h.score, 3)))
        if len(out) >= limit:
            break
    return out


def highlight(text: str, terms: list[QueryTerm], phrases: Sequence[str] = ()
              ) -> tuple[tuple[int, int], ...]:
    """Where the terms and names occur in ``text``, found on the folded view (same offsets)."""
    view = fold_query(text)
    spans: list[tuple[int, int]] = []
    # Short pieces of names ("of", one kana) would light up half a sentence.
    terms = [t for t in terms if len(t.surface) >= (2 if t.script == "cjk" else 3)]
    for ph in phrases:
        if not ph.strip():
            continue
        cjk = bool(re.match(r"[\u3040-\u30ff\u3400-\u9fff]", ph))
        pattern = re.escape(ph) if cjk else r"(?<![\w])" + re.escape(ph) + r"[\w]{0,4}(?![\w])"
        spans.extend((m.start(), m.end()) for m in re.finditer(pattern, view))
    for t in terms:
        if t.script == "cjk":
            pattern = re.escape(t.surface)
        else:
            # Word start; a prefix term runs to the end of the word.
            pattern = r"(?<![\w])" + re.escape(t.text) + (r"[\w]*" if t.prefix else r"(?![\w])")
        spans.extend((m.start(), m.end()) for m in re.finditer(pattern, view))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return tuple(merged)
