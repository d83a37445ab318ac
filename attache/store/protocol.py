"""What the rest of attache needs from a store, and the records it hands back.

:class:`~attache.store.sql.SqlStore` implements it on SQLite and PostgreSQL; the in-memory
SQLite store (``SqlStore(":memory:")``) is the fake tests use, since it runs the same code.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from attache.model import Document, Sentence

if TYPE_CHECKING:
    from attache.analysis import Analysis
    from attache.store.search import Node


@dataclass(frozen=True)
class StoredDocument:
    """A document as stored, with what analysis added to it."""

    document: Document
    id: str
    language: str
    sentences: tuple[Sentence, ...]
    duplicate_of: str | None
    duplicate_score: float | None
    locations: tuple[str, ...]
    source: dict[str, Any] | None


@dataclass(frozen=True)
class AddResult:
    doc_id: str
    added: bool
    duplicate_of: str | None = None
    score: float | None = None


@dataclass(frozen=True)
class SentenceHit:
    doc_id: str
    idx: int
    start: int
    end: int
    score: float


@dataclass(frozen=True)
class SentenceRow:
    """One stored sentence with its text, as :meth:`Store.sentences_for_ids` returns it."""

    doc_id: str
    idx: int
    start: int
    end: int
    text: str
    language: str
    boilerplate: str | None


@dataclass(frozen=True)
class WriteItem:
    """One analysed document for the batched writer, with its source profile."""

    analysis: Analysis
    source: dict[str, Any] | None


class Store(Protocol):
    """The reads and writes of the rest of attache (SQLite, PostgreSQL, or a test store)."""

    def add(self, analysis: Analysis, source: dict[str, Any] | None = None) -> AddResult: ...
    def add_many(self, items: Sequence[WriteItem],
                 known: Sequence[tuple[str, str]] = ()) -> list[AddResult]: ...
    def status(self, doc_id: str) -> str | None: ...
    def add_location(self, doc_id: str, location: str) -> None: ...
    def has(self, doc_id: str) -> bool: ...
    def get(self, doc_id: str) -> StoredDocument: ...
    def resolve_id(self, ref: str) -> str: ...
    def text_of(self, doc_id: str) -> str: ...
    def list_documents(self, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]: ...
    def count(self, table: str = "documents") -> int: ...
    def search_sentences(self, match: Node | str, limit: int = 50) -> list[SentenceHit]: ...
    def count_sentences(self, match: Node | str) -> int: ...
    def docs_matching(self, match: Node | str, limit: int = 100_000) -> list[str]: ...
    def sentences_for_ids(self, keys: Sequence[tuple[str, int]]) -> list[SentenceRow]: ...
    def docs_mentioning(self, names: Sequence[str],
                        via: Sequence[str] = ("mentions", "figures", "events")
                        ) -> dict[str, set[str]]: ...
    def events_for_entities(self, names: Sequence[str]) -> list[dict[str, Any]]: ...
    def figures_for_entities(self, names: Sequence[str]) -> list[dict[str, Any]]: ...
    def documents_by_ids(self, ids: Sequence[str]) -> list[dict[str, Any]]: ...
    def extraction(self, doc_id: str) -> dict[str, Any]: ...
    def close(self) -> None: ...
