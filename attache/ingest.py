"""Ingest: inputs (paths, folders, globs, URLs) → documents → analysis → store.

Each input is read on its own; a bad one is reported with its reason and the run goes on.
Each document is stored in its own transaction, so nothing already stored is lost when a later
input fails or the process is killed, and a second run adds only what is missing.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from attache.analysis import analyze
from attache.errors import AttacheError, InputError, UnreadableInput
from attache.kb import KnowledgeBase
from attache.model import Document, IngestFailure, IngestReport
from attache.readers import MAX_BYTES, read_path, read_url
from attache.readers.fetch import Fetcher
from attache.sources import OutletRegistry, profile_source
from attache.store import SqlStore
from attache.tokens import Segmenter

# File endings attache reads when it walks a folder; other files in a folder are skipped
# quietly (a folder of reports often holds images and spreadsheets), but a file named
# explicitly is always tried.
READABLE = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".pdf", ".xml",
            ".rss", ".atom", ".warc", ".warc.gz", ".arc.gz")

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


def is_url(value: str) -> bool:
    return "://" in value[:12]


def expand_inputs(inputs: Sequence[str]) -> Iterator[tuple[str, bool]]:
    """(input, named) pairs: URLs, files, folders walked recursively, glob patterns."""
    for item in inputs:
        if is_url(item):
            yield item, True
            continue
        # Stored locations are absolute, so links in a brief written elsewhere still work.
        p = Path(item).expanduser().resolve()
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and name.lower().endswith(READABLE):
                        yield str(Path(root) / name), False
        elif any(ch in item for ch in "*?[") and not p.exists():
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                yield item, True
            for m in matches:
                if Path(m).is_file():
                    yield str(Path(m).resolve()), True
        else:
            yield str(p), True


def read_input(item: str, opts: IngestOptions) -> list[Document]:
    if is_url(item):
        return read_url(item, fetcher=opts.fetcher, allow_private=opts.allow_private,
                        max_bytes=opts.max_bytes)
    return read_path(item, max_bytes=opts.max_bytes)


def ingest(inputs: Sequence[str], store: SqlStore, segmenter: Segmenter,
           opts: IngestOptions | None = None) -> IngestReport:
    opts = opts or IngestOptions()
    items = list(expand_inputs(inputs))
    added: list[str] = []
    existing: list[str] = []
    dups: list[tuple[str, str]] = []
    failures: list[IngestFailure] = []

    def fail(source: str, reason: str) -> None:
        f = IngestFailure(source, reason)
        failures.append(f)
        if opts.on_failure:
            opts.on_failure(f)

    for n, (item, _named) in enumerate(items, start=1):
        if opts.progress:
            opts.progress(item, n, len(items))
        try:
            docs = read_input(item, opts)
        except InputError as exc:
            fail(exc.source, exc.reason)
            continue
        except AttacheError as exc:
            fail(item, str(exc))
            continue
        except OSError as exc:  # a path that vanished or a device error mid-read
            err = UnreadableInput(item, exc.strerror or str(exc))
            fail(err.source, err.reason)
            continue
        for doc in docs:
            try:
                status = store.status(doc.id)
                if status == "extracted" or (status == "stored" and not opts.extract):
                    store.add_location(doc.id, doc.location)
                    existing.append(doc.id)
                    continue
                analysis = analyze(doc, segmenter, extract=opts.extract, kb=opts.kb,
                                   registry=opts.registry)
                src = (analysis.extraction.source if analysis.extraction is not None
                       else profile_source(doc, analysis.language, opts.registry))
                res = store.add(analysis, source={"name": src.name, "kind": src.kind,
                                                  "country": src.country,
                                                  "guessed": src.guessed})
            except AttacheError as exc:
                fail(doc.location, str(exc))
                continue
            if res.added:
                added.append(res.doc_id)
                if res.duplicate_of:
                    dups.append((res.doc_id, res.duplicate_of))
            else:
                existing.append(res.doc_id)
    return IngestReport(added=tuple(added), existing=tuple(existing), duplicates=tuple(dups),
                        failures=tuple(failures))
