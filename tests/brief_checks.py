"""Checks every brief test applies: each citation holds against the stored text, nothing uncited."""

from __future__ import annotations

from typing import TYPE_CHECKING

from attache.brief import build_brief as _build
from attache.brief.model import Brief
from attache.store import SqlStore

if TYPE_CHECKING:
    from attache.evidence import EvidenceBase


def build_brief(eb: EvidenceBase, topic: str, lang: str = "en") -> Brief:
    """The verified brief of ``topic`` over the evidence base's store, topic and KB."""
    return _build(eb.store, eb.topic(topic), eb.kb, lang)


def assert_fully_cited(brief: Brief, store: SqlStore) -> int:
    """Every claim and table row cites ≥ 1 span, and every span's quote is the stored text."""
    n = 0
    boiler: dict[str, list[tuple[int, int]]] = {}
    for claim in brief.claims():
        assert claim.citations, f"uncited sentence: {claim.text!r}"
        if claim.kind == "quote":
            assert any(c.quote == claim.text for c in claim.citations), claim.text
    for row in brief.rows():
        assert row.citations, f"uncited row: {row.cells!r}"
    for c in brief.citations():
        text = store.text_of(c.doc_id)
        assert text[c.start:c.end] == c.quote, (c.doc_id, c.start, c.end, c.quote)
        n += 1
    for claim in brief.claims():
        if claim.kind != "quote":
            continue
        c = claim.citations[0]
        if c.doc_id not in boiler:
            boiler[c.doc_id] = [(s.start, s.end) for s in store.get(c.doc_id).sentences
                                if s.boilerplate is not None]
        assert not any(s <= c.start < e for s, e in boiler[c.doc_id]), \
            f"boilerplate quoted: {claim.text!r}"
    return n
