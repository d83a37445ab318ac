"""Search: any script finds any script.

A query is folded and cut exactly like the indexed text (t2s, NFKC, jieba for Han, words for
Latin and Cyrillic with case endings stripped for a prefix match), every term must occur in
the sentence, and each hit is shown in its original script with the matched stretches marked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from attache.normalize import fold_query
from attache.store import SqlStore
from attache.tokens import QueryTerm, Segmenter


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


def search(store: SqlStore, segmenter: Segmenter, query: str, limit: int = 20) -> list[SearchHit]:
    terms = segmenter.query_terms(query)
    if not terms:
        return []
    hits = store.search_sentences([t.fts() for t in terms], limit=limit * 3)
    out: list[SearchHit] = []
    docs: dict[str, dict[str, Any]] = {}
    for h in hits:
        if h.doc_id not in docs:
            stored = store.get(h.doc_id)
            d = stored.document
            docs[h.doc_id] = {"text": d.text, "title": d.title,
                              "published": d.published.value if d.published else None,
                              "outlet": (stored.source or {}).get("name") or d.outlet,
                              "location": d.location, "language": stored.language,
                              "dup": stored.duplicate_of}
        info = docs[h.doc_id]
        text = info["text"][h.start:h.end]
        out.append(SearchHit(
            doc_id=h.doc_id, sentence=h.idx, start=h.start, end=h.end, text=text,
            highlights=highlight(text, terms), title=info["title"],
            published=info["published"], outlet=info["outlet"], location=info["location"],
            language=info["language"], score=round(-h.score, 3)))
        if len(out) >= limit:
            break
    return out


def highlight(text: str, terms: list[QueryTerm]) -> tuple[tuple[int, int], ...]:
    """Where the terms occur in ``text``: found on the folded view, which keeps offsets."""
    view = fold_query(text)
    spans: list[tuple[int, int]] = []
    for t in terms:
        if t.script == "cjk":
            pattern = re.escape(t.text)
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
