"""The unit of work a runner executes: read one input and analyse its documents.

``process_item`` is the same function in a loop, in a local process pool and on Ray: it reads
one input (a file, a WARC, a feed, a URL), skips documents the store already holds, and
returns the analyses for the one writer to store. It never writes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from attache.analysis import analyze
from attache.errors import AttacheError, InputError, PartialInput, UnreadableInput
from attache.kb import KnowledgeBase
from attache.model import Document, IngestFailure
from attache.readers import (
    MAX_BYTES,
    MAX_TEXT_CHARS,
    check_text_size,
    path_label,
    read_path,
    read_url,
)
from attache.readers.fetch import DEADLINE, Fetcher
from attache.sources import OutletRegistry, profile_source
from attache.store.protocol import WriteItem
from attache.tokens import Segmenter

Status = Callable[[str], "str | None"]


@dataclass
class TaskContext:
    """What a worker needs; ``db`` lets a worker ask the store what it already holds."""

    segmenter: Segmenter
    kb: KnowledgeBase | None = None
    registry: OutletRegistry | None = None
    extract: bool = True
    allow_private: bool = False
    max_bytes: int = MAX_BYTES
    fetcher: Fetcher | None = None
    db: str | None = None
    status: Status | None = field(default=None, repr=False)
    allow_link_local: bool = False
    fetch_deadline: float = DEADLINE
    max_chars: int = MAX_TEXT_CHARS

    def shippable(self) -> TaskContext:
        """A copy without live objects (an open store, a loaded tokenizer) for pickling."""
        return replace(self, status=None, segmenter=Segmenter(words=self.segmenter.words))


@dataclass(frozen=True)
class ItemResult:
    """What one input gave: analyses to store, documents already stored, failures."""

    item: str
    writes: tuple[WriteItem, ...] = ()
    known: tuple[tuple[str, str], ...] = ()  # (doc id, location) of documents already stored
    failures: tuple[IngestFailure, ...] = ()
    nbytes: int = 0


def is_url(value: str) -> bool:
    return "://" in value[:12]


class ReadOptions(Protocol):
    """What reading one input needs (both :class:`TaskContext` and the ingest options have it)."""

    fetcher: Fetcher | None
    allow_private: bool
    allow_link_local: bool
    max_bytes: int
    fetch_deadline: float


def read_input(item: str, ctx: ReadOptions) -> list[Document]:
    if is_url(item):
        return read_url(item, fetcher=ctx.fetcher, allow_private=ctx.allow_private,
                        max_bytes=ctx.max_bytes, allow_link_local=ctx.allow_link_local,
                        deadline=ctx.fetch_deadline)
    return read_path(item, max_bytes=ctx.max_bytes)


_worker_status: dict[str, Status] = {}


def _status_from_db(db: str) -> Status | None:
    """A read-only store opened once per worker process, or None when it cannot be reached."""
    if db not in _worker_status:
        from attache.store.sql import SqlStore

        try:
            _worker_status[db] = SqlStore(db).status
        except AttacheError:
            return None
    return _worker_status[db]


def process_item(item: str, ctx: TaskContext) -> ItemResult:
    failures: list[IngestFailure] = []
    try:
        docs = read_input(item, ctx)
    except PartialInput as exc:  # a damaged archive: keep what was read, report the rest
        failures.append(IngestFailure(exc.source, exc.reason))
        docs = [d for d in exc.documents if isinstance(d, Document)]
    except InputError as exc:
        return ItemResult(item, failures=(IngestFailure(exc.source, exc.reason),))
    except AttacheError as exc:
        return ItemResult(item, failures=(IngestFailure(path_label(item), str(exc)),))
    except OSError as exc:  # a path that vanished or a device error mid-read
        err = UnreadableInput(path_label(item), exc.strerror or str(exc))
        return ItemResult(item, failures=(IngestFailure(err.source, err.reason),))
    status = ctx.status or (_status_from_db(ctx.db) if ctx.db else None)
    writes: list[WriteItem] = []
    known: list[tuple[str, str]] = []
    nbytes = 0
    for doc in docs:
        nbytes += len(doc.text.encode("utf-8", "surrogatepass"))
        try:
            check_text_size(doc, ctx.max_chars)
            state = status(doc.id) if status else None
            if state == "extracted" or (state == "stored" and not ctx.extract):
                known.append((doc.id, doc.location))
                continue
            analysis = analyze(doc, ctx.segmenter, extract=ctx.extract, kb=ctx.kb,
                               registry=ctx.registry)
            src = (analysis.extraction.source if analysis.extraction is not None
                   else profile_source(doc, analysis.language, ctx.registry))
            source: dict[str, Any] = {"name": src.name, "kind": src.kind,
                                      "country": src.country, "guessed": src.guessed}
            writes.append(WriteItem(analysis, source))
        except AttacheError as exc:
            failures.append(IngestFailure(doc.location, str(exc)))
    return ItemResult(item, tuple(writes), tuple(known), tuple(failures), nbytes)
