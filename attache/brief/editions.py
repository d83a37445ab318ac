"""Editions: every brief is stored with its topic; new evidence makes edition n+1.

A brief's ``evidence_key`` hashes its content (edition, date and the change list aside). Running
the same topic again compares keys: the same key means nothing changed and the stored edition is
returned as it is; a new key writes edition n+1 with a "what changed" section — new events, new
or revised figures, conflicts opened or resolved, new sources — each line citing its spans.
Brief ids are hashes of topic, language and edition, so an edition has one id everywhere.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from attache.brief import build_brief
from attache.brief.model import Brief, Claim, Row, Section, topic_key
from attache.brief.render import RenderOptions, display, render
from attache.brief.strings import STRINGS
from attache.brief.themes import Themes
from attache.brief.verify import verify_brief
from attache.citations import Citation, unique
from attache.kb import KnowledgeBase
from attache.model import make_id
from attache.store import SqlStore, briefs, documents


@dataclass(frozen=True)
class BriefResult:
    """What :func:`write_brief` returns: the edition, the rendered text and the brief."""

    edition: int
    text: str
    brief: Brief
    brief_id: str
    new: bool  # False when the evidence was unchanged and the stored edition was reused

    def to_dict(self) -> dict[str, Any]:
        return {"edition": self.edition, "brief_id": self.brief_id, "new": self.new,
                "brief": self.brief.to_dict()}


@dataclass(frozen=True)
class StoredEdition:
    id: str
    topic: str
    lang: str
    edition: int
    created_at: str
    evidence_key: str
    body: dict[str, Any]


def brief_id(topic: str, lang: str, edition: int) -> str:
    return make_id("brief", topic_key(topic), lang, edition)


def editions(store: SqlStore, topic: str, lang: str | None = None) -> list[StoredEdition]:
    """The stored editions of a topic, oldest first."""
    q = sa.select(briefs).where(briefs.c.topic == topic_key(topic))
    if lang:
        q = q.where(briefs.c.lang == lang)
    with store.engine.connect() as conn:
        rows = conn.execute(q.order_by(briefs.c.lang, briefs.c.edition)).all()
    return [StoredEdition(r.id, r.topic, r.lang, r.edition, r.created_at, r.evidence_key,
                          json.loads(r.body)) for r in rows]


def latest_edition(store: SqlStore, topic: str, lang: str) -> StoredEdition | None:
    eds = editions(store, topic, lang)
    return eds[-1] if eds else None


# --- rebuilding stored parts -----------------------------------------------------------------


def section_from_dict(d: dict[str, Any]) -> Section:
    return Section.from_dict(d)


def _rows(sections: Iterable[Section], table: str) -> dict[str, Row]:
    out: dict[str, Row] = {}
    for s in sections:
        t = s.table(table)
        if t:
            out.update((r.key, r) for r in t.rows)
    return out


# --- what changed ----------------------------------------------------------------------------


def changes(previous: dict[str, Any], brief: Brief) -> Section:
    """The "what changed" section of ``brief`` against the body of the previous edition."""
    s = STRINGS[brief.lang]
    old = [section_from_dict(x) for x in previous.get("sections", ())]
    claims: list[Claim] = []

    def add(key: str, cites: Iterable[Citation], **kw: Any) -> None:
        cs = unique(cites)
        if cs:
            claims.append(Claim(text=s[key].format(**kw), kind="statement",
                                language=brief.lang, citations=cs))

    def when(date: str) -> str:
        return s["on"].format(date=date) if date and date != s["nodate"] else ""

    old_ev, new_ev = _rows(old, "timeline"), _rows(brief.sections, "timeline")
    for k, r in new_ev.items():
        if k not in old_ev:
            add("s.new_event", r.citations, type=r.cells[1], who=r.cells[2], when=when(r.cells[0]))
    old_fig, new_fig = _rows(old, "figures"), _rows(brief.sections, "figures")
    for k, r in new_fig.items():
        before = old_fig.get(k)
        if before is None:
            add("s.new_figure", r.citations, measure=r.cells[0], value=r.cells[1],
                verdict=r.cells[3])
        elif before.state != r.state:
            add("s.revised_figure", r.citations, measure=r.cells[0], value=r.cells[1],
                verdict=r.cells[3])
        if r.verdict == "conflict" and (before is None or before.verdict != "conflict"):
            add("s.conflict_opened", r.citations, measure=r.cells[0])
        if before is not None and before.verdict == "conflict" and r.verdict != "conflict":
            add("s.conflict_resolved", r.citations, measure=r.cells[0])
    for k, r in old_fig.items():
        # A conflicting group may vanish because new figures regrouped it; the old spans
        # still exist in the store and are verified like any other citation.
        if r.verdict == "conflict" and k not in new_fig:
            add("s.conflict_resolved", r.citations, measure=r.cells[0])
    old_src, new_src = _rows(old, "sources"), _rows(brief.sections, "sources")
    for k, r in new_src.items():
        if k not in old_src and r.citations:
            add("s.new_source", r.citations, outlet=r.cells[1], kind=r.cells[2],
                lang=r.cells[4], doc=display(r.citations[0].quote)[:90])
    return Section("changes", s["changes"], tuple(claims))


def _with_changes(brief: Brief, section: Section) -> Brief:
    secs = [x for x in brief.sections if x.key != "changes"]
    at = 1 if secs and secs[0].key == "summary" else 0
    return replace(brief, sections=tuple(secs[:at] + [section] + secs[at:]))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def publish(store: SqlStore, brief: Brief, now: str | None = None) -> tuple[Brief, str, bool]:
    """Store ``brief`` as the next edition of its topic unless its evidence is unchanged.

    Returns the brief as published (edition, date, change list), its id, and whether a new
    edition was written.
    """
    prev = latest_edition(store, brief.topic, brief.lang)
    if prev is not None and prev.evidence_key == brief.evidence_key:
        old = next((x for x in prev.body.get("sections", ()) if x.get("key") == "changes"), None)
        # The stored edition as it was written, topic spelling included.
        b = replace(brief, edition=prev.edition, created_at=prev.created_at,
                    topic=prev.body.get("topic", brief.topic),
                    title=prev.body.get("title", brief.title))
        if old is not None:
            b = verify_brief(_with_changes(b, section_from_dict(old)), store)
        return b, prev.id, False
    edition = prev.edition + 1 if prev else 1
    b = replace(brief, edition=edition, created_at=now or _now())
    if prev is not None:
        b = verify_brief(_with_changes(b, changes(prev.body, b)), store)
    bid = brief_id(brief.topic, brief.lang, edition)
    with store.engine.begin() as conn:
        conn.execute(sa.insert(briefs).values(
            id=bid, topic=topic_key(brief.topic), lang=brief.lang, edition=edition,
            created_at=b.created_at, evidence_key=b.evidence_key,
            body=json.dumps(b.to_dict(), ensure_ascii=False, sort_keys=True)))
    return b, bid, True


def _years(store: SqlStore, ids: set[str]) -> dict[str, str]:
    """doc id → publication year, for checking dates a writer states."""
    if not ids:
        return {}
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(documents.c.id, documents.c.published)
                            .where(documents.c.id.in_(sorted(ids)))).all()
    return {r.id: r.published[:4] for r in rows if r.published}


def write_brief(store: SqlStore, topic: Any, kb: KnowledgeBase, lang: str = "en",
                fmt: str = "md", *, themes: Themes | None = None,
                options: RenderOptions | None = None, writer: Any = None) -> BriefResult:
    """Build, verify, store (as a new edition if the evidence changed) and render a brief.

    ``topic`` is a resolved :class:`attache.topic.Topic`; ``writer`` an optional
    :class:`attache.brief.llm.LLMWriter` that rewrites the statements (checked by code).
    """
    b = build_brief(store, topic, kb, lang, themes=themes)
    if writer is not None:
        b = verify_brief(writer.rewrite(b, _years(store, {c.doc_id for c in b.citations()})),
                         store)
    b, bid, new = publish(store, b)
    return BriefResult(edition=b.edition, text=render(b, fmt, options), brief=b, brief_id=bid,
                       new=new)
