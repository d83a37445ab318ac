"""The data model: frozen dataclasses inside, plain dicts on the wire.

Offsets are always character offsets into :attr:`Document.text`, the text exactly as the reader
produced it. Ids are hashes of natural keys, so ingesting the same content again reproduces every
id and a citation (doc id, start, end, quote) never dangles.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

LANGUAGES: tuple[str, ...] = ("zh-Hans", "zh-Hant", "en", "ru", "ja", "kk")
"""The six languages attache reads; anything else is ``und``."""

Language = Literal["zh-Hans", "zh-Hant", "en", "ru", "ja", "kk", "und"]

DateSource = Literal["header", "front-matter", "meta", "feed", "warc", "http", "url", "text",
                     "inferred", "none", "dateline"]
"""Where a publication date came from (its provenance)."""

ENTITY_TYPES: tuple[str, ...] = (
    "person", "organization", "country", "place", "event_series", "other")
EVENT_TYPES: tuple[str, ...] = (
    "visit", "meeting", "summit", "signing", "forum", "statement", "other")
QUALIFIERS: tuple[str, ...] = ("exact", "approx", "over", "at_least", "under", "at_most", "range")
SOURCE_KINDS: tuple[str, ...] = (
    "news-agency", "newspaper", "broadcaster", "government", "academic", "think-tank",
    "self-media", "partisan", "ai-digest", "aggregator", "other",
)


def make_id(kind: str, *parts: object) -> str:
    """A stable id: a short hash of the natural key.

    ``kind`` keeps ids of different tables apart even when their keys collide.
    """
    h = hashlib.sha256(kind.encode("utf-8"))
    for part in parts:
        h.update(b"\x1f")
        h.update(str(part).encode("utf-8"))
    return f"{kind[:3]}_{h.hexdigest()[:16]}"


def document_id(text: str) -> str:
    """Documents are identified by their content: the same text is the same document."""
    return make_id("doc", text)


@dataclass(frozen=True)
class Link:
    """A hyperlink kept from the source: its visible text, its target, and where the text sits."""

    text: str
    url: str
    start: int
    end: int


@dataclass(frozen=True)
class PublishedDate:
    """A publication date with its precision and where it was found."""

    value: str  # YYYY, YYYY-MM or YYYY-MM-DD
    source: DateSource
    precision: Literal["year", "month", "day"]

    @classmethod
    def of(cls, value: str, source: DateSource) -> PublishedDate:
        precision: Literal["year", "month", "day"] = (
            "day" if len(value) >= 10 else "month" if len(value) >= 7 else "year"
        )
        return cls(value=value, source=source, precision=precision)


@dataclass(frozen=True)
class Document:
    """One article, wire, paper, feed item or report, as a reader produced it.

    ``text`` is the original text for display and citation. ``location`` is the path or URL it
    was read from; ``format`` the reader that read it (txt, md, html, pdf, feed, warc).
    """

    text: str
    format: str
    location: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: PublishedDate | None = None
    links: tuple[Link, ...] = ()
    meta: tuple[tuple[str, str], ...] = ()
    encoding: str | None = None

    @property
    def id(self) -> str:
        return document_id(self.text)

    def meta_value(self, key: str) -> str | None:
        for k, v in self.meta:
            if k == key:
                return v
        return None


@dataclass(frozen=True)
class Span:
    """A stretch of a document's text; ``quote`` must equal ``text[start:end]``."""

    doc_id: str
    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document with its language and, if it is boilerplate, which kind."""

    index: int
    start: int
    end: int
    text: str
    language: str
    boilerplate: str | None = None  # image, credit, disclaimer, links, header, reference, byline


@dataclass(frozen=True)
class Mention:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Entity:
    """An entity found in one document.

    Linked entities carry the knowledge-base id; unlinked ones (discovered by rules) keep their
    surface form as ``name`` and get an id from it, so one surface form is one entity everywhere.
    """

    id: str
    name: str
    type: str
    mentions: tuple[Mention, ...]
    linked: bool = True


@dataclass(frozen=True)
class Figure:
    """A number with a unit that a sentence claims."""

    text: str
    value: float
    value_max: float | None
    unit: str
    qualifier: str
    subject: str | None
    entities: tuple[str, ...]
    period: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Event:
    """Something that happened (or is planned) with named participants."""

    type: str
    participants: tuple[str, ...]
    date: str | None
    place: str | None
    start: int
    end: int
    status: Literal["happened", "planned", "postponed", "cancelled", "background"] = "happened"
    trigger: str | None = None


@dataclass(frozen=True)
class SourceProfile:
    """Who published a document: an outlet with its country and kind."""

    name: str
    kind: str
    country: str | None
    guessed: bool = False


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one document; ``to_dict`` is the documented JSON format."""

    doc: str
    language: str
    published: str | None
    title: str | None
    source: SourceProfile
    entities: tuple[Entity, ...] = ()
    figures: tuple[Figure, ...] = ()
    events: tuple[Event, ...] = ()
    doc_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "language": self.language,
            "published": self.published,
            "title": self.title,
            "source": {"name": self.source.name, "kind": self.source.kind,
                       "country": self.source.country},
            "entities": [
                {"id": e.id, "name": e.name, "type": e.type,
                 "mentions": [asdict(m) for m in e.mentions]}
                for e in self.entities
            ],
            "figures": [
                {"text": f.text, "value": f.value, "value_max": f.value_max, "unit": f.unit,
                 "qualifier": f.qualifier, "subject": f.subject, "entities": list(f.entities),
                 "period": f.period, "start": f.start, "end": f.end}
                for f in self.figures
            ],
            "events": [
                {"type": v.type, "participants": list(v.participants), "date": v.date,
                 "place": v.place, "start": v.start, "end": v.end, "status": v.status}
                for v in self.events
            ],
        }


@dataclass(frozen=True)
class IngestFailure:
    """One input that could not be ingested, with the reason in words."""

    source: str
    reason: str


@dataclass(frozen=True)
class IngestReport:
    """What one ingest run did: ids added, ids already present, and failures."""

    added: tuple[str, ...] = ()
    existing: tuple[str, ...] = ()
    duplicates: tuple[tuple[str, str], ...] = ()  # (doc id, id of the document it copies)
    failures: tuple[IngestFailure, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return not self.failures
