"""Ingest: inputs (paths, folders, globs, URLs) → documents → analysis → store.

Each input is read on its own; a bad one is reported with its reason and the run goes on.
Each document is stored in its own transaction, so nothing already stored is lost when a later
input fails or the process is killed, and a second run adds only what is missing.
"""

from __future__ import annotations

import errno
import glob
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from attache.analysis import analyze
from attache.errors import AttacheError, InputError, PartialInput, UnreadableInput
from attache.kb import KnowledgeBase
from attache.model import Document, IngestFailure, IngestReport
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
    allow_link_local: bool = False
    fetch_deadline: float = DEADLINE
    max_chars: int = MAX_TEXT_CHARS


def is_url(value: str) -> bool:
    return "://" in value[:12]


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


def read_input(item: str, opts: IngestOptions) -> list[Document]:
    if is_url(item):
        return read_url(item, fetcher=opts.fetcher, allow_private=opts.allow_private,
                        max_bytes=opts.max_bytes, allow_link_local=opts.allow_link_local,
                        deadline=opts.fetch_deadline)
    return read_path(item, max_bytes=opts.max_bytes)


def ingest(inputs: Sequence[str], store: SqlStore, segmenter: Segmenter,
           opts: IngestOptions | None = None) -> IngestReport:
    opts = opts or IngestOptions()
    added: list[str] = []
    existing: list[str] = []
    dups: list[tuple[str, str]] = []
    failures: list[IngestFailure] = []

    def fail(source: str, reason: str) -> None:
        f = IngestFailure(source, reason)
        failures.append(f)
        if opts.on_failure:
            opts.on_failure(f)

    items = list(expand_inputs(inputs, on_error=fail))

    for n, (item, _named) in enumerate(items, start=1):
        if opts.progress:
            opts.progress(item, n, len(items))
        try:
            docs = read_input(item, opts)
        except PartialInput as exc:  # a damaged archive: keep what was read, report the rest
            fail(exc.source, exc.reason)
            docs = [d for d in exc.documents if isinstance(d, Document)]
        except InputError as exc:
            fail(exc.source, exc.reason)
            continue
        except AttacheError as exc:
            fail(path_label(item), str(exc))
            continue
        except OSError as exc:  # a path that vanished or a device error mid-read
            err = UnreadableInput(path_label(item), exc.strerror or str(exc))
            fail(err.source, err.reason)
            continue
        for doc in docs:
            try:
                check_text_size(doc, opts.max_chars)
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
