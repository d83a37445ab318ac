"""What a brief is made of: claims, table rows, sections, and the evidence they come from.

A claim is a *statement* (generated in the reader's language from extracted facts, citing every
span its facts came from) or a *quote* (a source sentence, verbatim, in its own language, with
a one-line gloss in the reader's language). Quotes stand as evidence under the statement they
support (``Claim.evidence``), or on their own where no fact could be stated.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from attache.citations import Citation, DroppedCitation
from attache.model import Link, Sentence
from attache.normalize import fold_query

BRIEF_FORMAT = 2
"""Bumped when the composition changes so much that an old edition is not comparable."""

SECTION_KEYS: tuple[str, ...] = (
    "summary", "changes", "background", "analysis", "conclusions", "limitations", "data",
    "references",
)
# Source kinds that are never independent confirmation, and are flagged where quoted.
WEAK_KINDS: tuple[str, ...] = ("ai-digest", "self-media", "partisan")


@dataclass(frozen=True)
class Claim:
    """One sentence of the brief: a quoted source sentence or a generated statement."""

    text: str
    kind: str  # "quote" (original language, verbatim) or "statement" (generated)
    language: str
    citations: tuple[Citation, ...]
    theme: str | None = None
    outlet: str | None = None
    key: str = ""  # the statement pattern it was written from ("fig.agree"), for checks
    gloss: str | None = None  # a quote's one-line summary in the reader's language
    flag: str | None = None  # a quote from a source that is not independent confirmation
    evidence: tuple[Claim, ...] = ()  # quotes under a statement

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"text": self.text, "kind": self.kind, "language": self.language,
                             "theme": self.theme, "outlet": self.outlet,
                             "citations": [c.to_dict() for c in self.citations]}
        if self.key:
            d["key"] = self.key
        if self.gloss:
            d["gloss"] = self.gloss
        if self.flag:
            d["flag"] = self.flag
        if self.evidence:
            d["evidence"] = [e.to_dict() for e in self.evidence]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Claim:
        return cls(text=d["text"], kind=d["kind"], language=d["language"],
                   citations=tuple(Citation.from_dict(c) for c in d["citations"]),
                   theme=d.get("theme"), outlet=d.get("outlet"), key=d.get("key", ""),
                   gloss=d.get("gloss"), flag=d.get("flag"),
                   evidence=tuple(cls.from_dict(e) for e in d.get("evidence", ())))


@dataclass(frozen=True)
class Row:
    """A table row: display cells, the spans it rests on, and what edition diffs compare.

    ``key`` identifies the thing the row is about across editions (a figure group, an event,
    a document); ``state`` changes when that thing is revised.
    """

    cells: tuple[str, ...]
    citations: tuple[Citation, ...]
    key: str = ""
    state: str = ""
    verdict: str | None = None
    date: str | None = None
    weight: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"cells": list(self.cells), "key": self.key, "state": self.state,
                "verdict": self.verdict, "date": self.date, "weight": self.weight,
                "citations": [c.to_dict() for c in self.citations]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Row:
        return cls(cells=tuple(d["cells"]),
                   citations=tuple(Citation.from_dict(c) for c in d["citations"]),
                   key=d.get("key", ""), state=d.get("state", ""), verdict=d.get("verdict"),
                   date=d.get("date"), weight=int(d.get("weight") or 0))


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "columns": list(self.columns),
                "rows": [r.to_dict() for r in self.rows]}


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    claims: tuple[Claim, ...] = ()
    tables: tuple[Table, ...] = ()
    subsections: tuple[Section, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "title": self.title,
                "claims": [c.to_dict() for c in self.claims],
                "tables": [t.to_dict() for t in self.tables],
                "subsections": [s.to_dict() for s in self.subsections]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Section:
        return cls(key=d["key"], title=d["title"],
                   claims=tuple(Claim.from_dict(c) for c in d.get("claims", ())),
                   tables=tuple(Table(t["name"], tuple(t["columns"]),
                                      tuple(Row.from_dict(r) for r in t["rows"]))
                                for t in d.get("tables", ())),
                   subsections=tuple(cls.from_dict(s) for s in d.get("subsections", ())))

    @property
    def empty(self) -> bool:
        return not self.claims and not any(t.rows for t in self.tables) and all(
            s.empty for s in self.subsections)

    def all_claims(self) -> Iterable[Claim]:
        """Every claim, the quotes under statements included."""
        for c in self.claims:
            yield c
            yield from c.evidence
        for s in self.subsections:
            yield from s.all_claims()

    def all_rows(self) -> Iterable[Row]:
        for t in self.tables:
            yield from t.rows
        for s in self.subsections:
            yield from s.all_rows()

    def table(self, name: str) -> Table | None:
        """The named table of this section or of one of its subsections."""
        t = next((t for t in self.tables if t.name == name), None)
        if t is None:
            for s in self.subsections:
                if (t := s.table(name)) is not None:
                    break
        return t


@dataclass(frozen=True)
class Unverified:
    """A sentence a writer proposed that failed the check against its cited spans."""

    text: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "reason": self.reason}


@dataclass(frozen=True)
class Brief:
    """A composed brief; ``evidence_key`` is a hash of its content, edition and date aside."""

    topic: str
    lang: str
    title: str
    sections: tuple[Section, ...]
    evidence_key: str = ""
    edition: int = 1
    created_at: str | None = None
    dropped: tuple[DroppedCitation, ...] = ()
    documents: int = 0
    unverified: tuple[Unverified, ...] = ()
    writer: str = "facts"

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    def table(self, name: str) -> Table | None:
        return next((t for s in self.sections if (t := s.table(name)) is not None), None)

    def claims(self) -> Iterable[Claim]:
        for s in self.sections:
            yield from s.all_claims()

    def rows(self) -> Iterable[Row]:
        for s in self.sections:
            yield from s.all_rows()

    def citations(self) -> Iterable[Citation]:
        for c in self.claims():
            yield from c.citations
        for r in self.rows():
            yield from r.citations

    def content_dict(self) -> dict[str, Any]:
        """What the evidence key covers: everything but edition, date, changes and drops."""
        return {"format": BRIEF_FORMAT, "topic": topic_key(self.topic), "lang": self.lang,
                "writer": self.writer,
                "sections": [s.to_dict() for s in self.sections if s.key != "changes"]}

    def to_dict(self) -> dict[str, Any]:
        return {"topic": self.topic, "lang": self.lang, "title": self.title,
                "edition": self.edition, "created_at": self.created_at,
                "evidence_key": self.evidence_key, "documents": self.documents,
                "writer": self.writer,
                "sections": [s.to_dict() for s in self.sections],
                "dropped": [d.to_dict() for d in self.dropped],
                "unverified": [u.to_dict() for u in self.unverified]}


def topic_key(topic: str) -> str:
    """One key for one topic however it is typed (case, script, spacing)."""
    return " ".join(fold_query(topic).split())


def evidence_key(brief: Brief) -> str:
    blob = json.dumps(brief.content_dict(), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:32]


# --- the evidence a brief is composed from ---------------------------------------------------


@dataclass(frozen=True)
class DocInfo:
    """A relevant document, with what the brief shows about its source."""

    id: str
    text: str
    title: str | None
    outlet: str
    kind: str
    language: str
    published: str | None
    published_source: str | None
    location: str
    url: str | None
    duplicate_of: str | None
    relevance: float
    sentences: tuple[Sentence, ...]
    links: tuple[Link, ...] = ()

    def cite(self, start: int, end: int) -> Citation:
        return Citation(self.id, start, end, self.text[start:end], self.location, self.url)

    def label(self) -> str:
        return self.title or self.location.rsplit("/", 1)[-1]

    @property
    def weak(self) -> bool:
        return self.kind in WEAK_KINDS


@dataclass(frozen=True)
class MentionRow:
    doc_id: str
    start: int
    end: int
    entity_id: str
    name: str
    type: str
    linked: bool
    text: str


@dataclass(frozen=True)
class FigureSpan:
    """A figure in a document, as the gloss of a quote that contains it needs it."""

    doc_id: str
    start: int
    end: int
    value: float = 0.0
    unit: str = ""
    qualifier: str = "exact"
    subject: str | None = None


@dataclass(frozen=True)
class EventSpan:
    doc_id: str
    start: int
    end: int
    type: str = "other"
    date: str | None = None


@dataclass(frozen=True)
class Evidence:
    """Everything a brief is composed from; built by :func:`attache.brief.gather.gather`, or
    by hand in tests.

    ``groups`` are :class:`attache.ledger.FigureGroup` and ``events``
    :class:`attache.timeline.TimelineEvent` (or objects with the same attributes). ``names``
    maps canonical names to the reader's language, ``types`` to entity types, ``members`` maps
    a canonical name to the topic entity it stands for (Tokayev → Kazakhstan).
    """

    topic: str
    entity_names: tuple[str, ...]
    terms: tuple[str, ...]
    docs: tuple[DocInfo, ...]
    mentions: tuple[MentionRow, ...] = ()
    figure_spans: tuple[FigureSpan, ...] = ()
    event_spans: tuple[EventSpan, ...] = ()
    groups: tuple[Any, ...] = ()
    events: tuple[Any, ...] = ()
    names: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    types: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    members: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    concepts: tuple[str, ...] = ()
    entity_forms: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False,
                                                     compare=False)
