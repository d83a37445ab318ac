"""Ingest: inputs (paths, folders, globs, URLs) → documents → analysis → store.

Reading and analysis run in a runner (a loop, a local process pool on every core, or Ray) and
come back in input order; one writer here stores them in batches, one transaction each. A bad
input is reported with its reason and the run goes on; a run killed at any moment loses at
most the open batch, and a second run adds only what is missing.
"""

from __future__ import annotations

import errno
import glob
import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from attache.errors import AttacheError
from attache.kb import KnowledgeBase
from attache.model import IngestFailure, IngestReport
from attache.readers import MAX_BYTES, MAX_TEXT_CHARS, path_label
from attache.readers.fetch import DEADLINE, Fetcher
from attache.runners import Runner, TaskContext, make_runner
from attache.runners.task import ItemResult, is_url
from attache.sources import OutletRegistry
from attache.store import SqlStore, WriteItem
from attache.tokens import Segmenter

if TYPE_CHECKING:
    from attache.runners.progress import ProgressMeter

# File endings attache reads when it walks a folder; other files in a folder are skipped
# quietly (a folder of reports often holds images and spreadsheets), but a file named
# explicitly is always tried.
READABLE = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".pdf", ".xml",
            ".rss", ".atom", ".warc", ".warc.gz", ".arc.gz")

# A batch is written when it holds this many documents or this much text, or is this old.
BATCH_DOCS = 64
BATCH_BYTES = 16_000_000
BATCH_SECONDS = 5.0

Progress = Callable[[str, int, int], None]


@dataclass
class IngestOptions:
    allow_private: bool = False
    max_bytes: int = MAX_BYTES
    fetcher: Fetcher | None = None
    extract: bool = True
    progress: Progress | None = None
    on_failure: Callable[[IngestFailure], None] | None = None
    kb: KnowledgeBase | None = None
    registry: OutletRegistry | None = None
    workers: int = 1
    runner: str = "local"
    ray_address: str | None = None
    batch_docs: int = BATCH_DOCS
    meter: ProgressMeter | None = None
    allow_link_local: bool = False
    fetch_deadline: float = DEADLINE
    max_chars: int = MAX_TEXT_CHARS


def expand_inputs(inputs: Sequence[str], on_error: Callable[[str, str], None] | None = None
                  ) -> Iterator[tuple[str, bool]]:
    """(input, named) pairs: URLs, files, folders walked recursively, glob patterns.

    A path that cannot be expanded (a symbolic-link loop, a folder that cannot be listed) is
    passed to ``on_error`` with its reason, so one bad path never ends the walk; without
    ``on_error`` it is yielded as named and its read reports it.
    """
    for item in inputs:
        if is_url(item):
            yield item, True
            continue
        try:
            # Stored locations are absolute, so links in a brief written elsewhere still work.
            p = Path(item).expanduser().resolve()
            is_dir = p.is_dir()
        except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop (Python < 3.13)
            if on_error is None:
                yield item, True
            else:
                on_error(path_label(item), _os_reason(exc))
            continue
        if is_dir:
            yield from _walk(p, on_error)
        elif any(ch in item for ch in "*?[") and not p.exists():
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                yield item, True
            for m in matches:
                if Path(m).is_file():
                    yield str(Path(m).resolve()), True
        else:
            yield str(p), True


def _walk(folder: Path, on_error: Callable[[str, str], None] | None) -> Iterator[tuple[str, bool]]:
    def unlistable(exc: OSError) -> None:
        # A folder attache cannot list is reported, never skipped in silence.
        if on_error is not None:
            on_error(path_label(exc.filename or str(folder)),
                     f"cannot list this folder ({_os_reason(exc)}); its files were skipped")

    for root, dirs, files in os.walk(folder, onerror=unlistable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(READABLE):
                yield str(Path(root) / name), False


def _os_reason(exc: BaseException) -> str:
    if isinstance(exc, RuntimeError) or getattr(exc, "errno", None) == errno.ELOOP:
        return "a symbolic-link loop; fix or remove the link"
    if isinstance(exc, PermissionError):
        return "permission denied; check the permissions"
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc)


def _size(item: str) -> int:
    if is_url(item):
        return 0
    try:
        return os.path.getsize(item)
    except OSError:
        return 0


class _Writer:
    """The one writer: collects results and stores them a batch (one transaction) at a time."""

    def __init__(self, store: SqlStore, batch_docs: int, fail: Callable[[str, str], None]
                 ) -> None:
        self.store = store
        self.batch_docs = max(1, batch_docs)
        self.fail = fail
        self.writes: list[WriteItem] = []
        self.known: list[tuple[str, str]] = []
        self.nbytes = 0
        self.since = time.monotonic()
        self.added: list[str] = []
        self.existing: list[str] = []
        self.dups: list[tuple[str, str]] = []

    def take(self, res: ItemResult) -> None:
        self.writes.extend(res.writes)
        self.known.extend(res.known)
        self.nbytes += sum(len(w.analysis.document.text) for w in res.writes)
        if (len(self.writes) + len(self.known) >= self.batch_docs
                or self.nbytes >= BATCH_BYTES
                or time.monotonic() - self.since >= BATCH_SECONDS):
            self.flush()

    def flush(self) -> None:
        writes, known = self.writes, self.known
        self.writes, self.known, self.nbytes = [], [], 0
        self.since = time.monotonic()
        if not writes and not known:
            return
        try:
            results = self.store.add_many(writes, known)
        except AttacheError:
            # Find the one document that cannot be stored; store the others.
            results = []
            for w in writes:
                try:
                    results.extend(self.store.add_many([w]))
                except AttacheError as exc:
                    self.fail(w.analysis.document.location, str(exc))
            try:
                self.store.add_many([], known)
            except AttacheError as exc:
                self.fail(known[0][1] if known else "?", str(exc))
        self.existing.extend(doc_id for doc_id, _ in known)
        for r in results:
            if r.added:
                self.added.append(r.doc_id)
                if r.duplicate_of:
                    self.dups.append((r.doc_id, r.duplicate_of))
            else:
                self.existing.append(r.doc_id)


def _runner(store: SqlStore, opts: IngestOptions) -> Runner:
    workers = opts.workers
    if store.url == "sqlite:///:memory:":
        workers = 1  # other processes cannot see an in-memory database
    return make_runner(opts.runner, workers=workers, address=opts.ray_address)


def ingest(inputs: Sequence[str], store: SqlStore, segmenter: Segmenter,
           opts: IngestOptions | None = None) -> IngestReport:
    opts = opts or IngestOptions()
    failures: list[IngestFailure] = []

    def fail(source: str, reason: str) -> None:
        f = IngestFailure(source, reason)
        failures.append(f)
        if opts.on_failure:
            opts.on_failure(f)

    items = [item for item, _named in expand_inputs(inputs, on_error=fail)]

    memory = store.url == "sqlite:///:memory:"
    ctx = TaskContext(segmenter=segmenter, kb=opts.kb, registry=opts.registry,
                      extract=opts.extract, allow_private=opts.allow_private,
                      max_bytes=opts.max_bytes, fetcher=opts.fetcher,
                      db=None if memory else store.url, status=store.status,
                      allow_link_local=opts.allow_link_local,
                      fetch_deadline=opts.fetch_deadline, max_chars=opts.max_chars)
    if opts.meter:
        opts.meter.start(len(items), sum(_size(i) for i in items))
    writer = _Writer(store, opts.batch_docs, fail)
    try:
        for n, res in enumerate(_runner(store, opts).map(items, ctx), start=1):
            for f in res.failures:
                fail(f.source, f.reason)
            writer.take(res)
            if opts.progress:
                opts.progress(res.item, n, len(items))
            if opts.meter:
                opts.meter.update(1, _size(res.item), len(res.writes) + len(res.known))
    finally:
        writer.flush()
        if opts.meter:
            opts.meter.finish()
    return IngestReport(added=tuple(writer.added), existing=tuple(writer.existing),
                        duplicates=tuple(writer.dups), failures=tuple(failures))
