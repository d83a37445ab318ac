"""Verification: every citation of a brief is checked against the stored text before it is
shown; a citation that does not match is dropped and reported, and a sentence or row left
without one is dropped (a quote whose own span failed goes too: its words are unverified).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from attache.brief.model import Brief, Claim, Section, Table
from attache.citations import DroppedCitation, TextSource, verify


def verify_brief(brief: Brief, store: TextSource) -> Brief:
    """The brief with every citation checked against the stored text."""
    cache: dict[str, str | None] = {}
    dropped: list[DroppedCitation] = list(brief.dropped)

    def claim(c: Claim) -> Claim | None:
        kept, bad = verify(c.citations, store, cache)
        dropped.extend(bad)
        if not kept or (c.kind == "quote" and not any(k.quote == c.text for k in kept)):
            return None
        return replace(c, citations=tuple(kept), evidence=claims(c.evidence))

    def claims(cs: Sequence[Claim]) -> tuple[Claim, ...]:
        return tuple(x for x in (claim(c) for c in cs) if x is not None)

    def tables(ts: Sequence[Table]) -> tuple[Table, ...]:
        out = []
        for t in ts:
            rows = []
            for r in t.rows:
                kept, bad = verify(r.citations, store, cache)
                dropped.extend(bad)
                if kept:
                    rows.append(replace(r, citations=tuple(kept)))
            out.append(replace(t, rows=tuple(rows)))
        return tuple(out)

    def section(s: Section) -> Section:
        return replace(s, claims=claims(s.claims), tables=tables(s.tables),
                       subsections=tuple(section(x) for x in s.subsections))

    secs = tuple(section(s) for s in brief.sections)
    return replace(brief, sections=secs, dropped=tuple(dropped))
