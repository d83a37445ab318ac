"""The evidence base: the one object behind the CLI, the Python API and (later) the server.

    >>> from attache import EvidenceBase
    >>> eb = EvidenceBase(":memory:")
    >>> report = eb.ingest(["reports/"])
    >>> hits = eb.search("稀土")

Every front end parses its input, calls one method here, and formats what comes back.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from attache import browse
from attache.analysis import analyze
from attache.brief.editions import BriefResult, write_brief
from attache.brief.render import RenderOptions
from attache.errors import AttacheError, ConfigError, InputError, PartialInput
from attache.extract import extract_analysed
from attache.ingest import IngestOptions, expand_inputs, ingest
from attache.kb import KnowledgeBase, default_kb
from attache.ledger import Ledger, figure_ledger
from attache.model import Document, Extraction, IngestFailure, IngestReport
from attache.readers.fetch import Fetcher
from attache.runners.task import read_input
from attache.search import SearchHit, count, search
from attache.sources import OutletRegistry
from attache.store import SqlStore, StoredDocument
from attache.timeline import TimelineEvent, timeline
from attache.tokens import Segmenter, segmenter_for
from attache.topic import Topic, resolve_topic
from attache.watch.alerts import Poster
from attache.watch.config import WatchConfig, default_path, load_config
from attache.watch.polite import HeaderFetcher
from attache.watch.update import (
    SourceStatus,
    UpdateReport,
    run_update,
    source_status,
    watch_loop,
)

if TYPE_CHECKING:
    from attache.browse import Page
    from attache.export import ExportResult


def _zh_names(kb: KnowledgeBase) -> Iterable[str]:
    for entry in kb.entries():
        for lang in ("zh-Hans", "zh-Hant", "ja"):
            yield from entry.aliases.get(lang, ())


class EvidenceBase:
    """A store plus the knowledge base and segmenter that go with it."""

    def __init__(self, db: str | Path = "attache.db", *, kb: KnowledgeBase | None = None,
                 outlets: OutletRegistry | None = None, fetcher: Fetcher | None = None) -> None:
        self.store = SqlStore(db)
        self._kb = kb
        self.outlets = outlets
        self.fetcher = fetcher

    @property
    def kb(self) -> KnowledgeBase:
        if self._kb is None:
            self._kb = default_kb()
        return self._kb

    @cached_property
    def segmenter(self) -> Segmenter:
        return segmenter_for(_zh_names(self.kb))

    def ingest(self, inputs: Sequence[str], *, allow_private: bool = False,
               max_bytes: int | None = None, progress: Any = None,
               on_failure: Any = None, workers: int = 1, runner: str = "local",
               ray_address: str | None = None, meter: Any = None,
               allow_link_local: bool = False, fetch_deadline: float | None = None,
               max_chars: int | None = None) -> IngestReport:
        """Read, analyse (on ``workers`` processes, or on Ray) and store in batches."""
        opts = IngestOptions(allow_private=allow_private, fetcher=self.fetcher,
                             progress=progress, on_failure=on_failure, kb=self.kb,
                             registry=self.outlets, allow_link_local=allow_link_local)
        opts.workers, opts.runner, opts.ray_address, opts.meter = (
            workers, runner, ray_address, meter)
        if fetch_deadline is not None:
            opts.fetch_deadline = fetch_deadline
        if max_chars is not None:
            opts.max_chars = max_chars
        if max_bytes is not None:
            opts.max_bytes = max_bytes
        return ingest(inputs, self.store, self.segmenter, opts)

    def documents(self, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        return self.store.list_documents(limit=limit, offset=offset)

    def document(self, ref: str) -> StoredDocument:
        return self.store.get(ref)

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Sentences matching ``query`` in any script; names match all their aliases."""
        return search(self.store, self.segmenter, query, limit=limit, kb=self.kb)

    def count(self, query: str) -> int:
        """How many sentences match ``query`` (``search`` lists at most ``limit``)."""
        return count(self.store, self.segmenter, query, kb=self.kb)

    def topic(self, text: str | None) -> Topic | None:
        if not text or not text.strip():
            return None
        return resolve_topic(text, self.kb, self.segmenter)

    def figures(self, topic: str | None = None) -> Ledger:
        """The figure ledger: figures grouped by what they measure, with verdicts."""
        return figure_ledger(self.store, self.topic(topic), self.kb)

    def timeline(self, topic: str | None = None) -> list[TimelineEvent]:
        """Events deduplicated across documents and languages, by date."""
        return timeline(self.store, self.topic(topic), self.kb)

    def brief(self, topic: str, lang: str = "en", fmt: str = "md", *,
              absolute_paths: bool = False, writer: Any = None) -> BriefResult:
        """A cited brief on ``topic``, stored as a new edition when the evidence changed.

        ``writer`` is an optional :class:`attache.brief.llm.LLMWriter`; local paths are shown
        by file name unless ``absolute_paths``.
        """
        return write_brief(self.store, self.topic(topic), self.kb, lang, fmt,
                           options=RenderOptions(absolute_paths=absolute_paths), writer=writer)

    def update(self, config: WatchConfig | str | Path | None = None, *, force: bool = False,
               stop: threading.Event | None = None, on_event: Any = None,
               fetcher: HeaderFetcher | None = None, poster: Poster | None = None
               ) -> UpdateReport:
        """One watch pass: fetch the due sources of ``config`` (``attache.toml`` beside the
        database by default), store what is new, write new editions and their alerts."""
        return run_update(self, self._watch_config(config), force=force, stop=stop,
                          fetcher=fetcher, poster=poster, on_event=on_event)

    def watch(self, config: WatchConfig | str | Path | None = None, *,
              stop: threading.Event, on_report: Any, on_event: Any = None,
              fetcher: HeaderFetcher | None = None, poster: Poster | None = None,
              max_passes: int | None = None, max_sleep: float = 300.0) -> int:
        """:meth:`update` in a loop until ``stop`` is set; returns the number of passes."""
        return watch_loop(self, self._watch_config(config), stop=stop, on_report=on_report,
                          on_event=on_event, fetcher=fetcher, poster=poster,
                          max_passes=max_passes, max_sleep=max_sleep)

    def watch_status(self, config: WatchConfig | str | Path | None = None
                     ) -> list[SourceStatus]:
        """Each watched source's stored state: last fetch, next due time, failures, items."""
        return source_status(self, self._watch_config(config))

    def _watch_config(self, config: WatchConfig | str | Path | None) -> WatchConfig:
        if isinstance(config, WatchConfig):
            return config
        return load_config(config if config is not None
                           else default_path(self.store.url.removeprefix("sqlite:///")))

    def extraction(self, ref: str) -> dict[str, Any]:
        """The stored extraction of one document, in the ``extract --json`` format."""
        return self.store.extraction(self.store.resolve_id(ref))

    # -- reads for the web application and the exports (store queries: attache/browse.py) --

    def browse(self, *, language: str | None = None, kind: str | None = None,
               outlet: str | None = None, since: str | None = None, until: str | None = None,
               cursor: str | None = None, limit: int = 50) -> Page:
        """Documents newest first, filtered, one page at a time (``next_cursor``)."""
        return browse.list_documents(self.store, language=language, kind=kind, outlet=outlet,
                                     since=since, until=until, cursor=cursor, limit=limit)

    def ensure_browse_indexes(self) -> None:
        """Add the indexes the listings need to a store file made before they existed."""
        browse.ensure_indexes(self.store)

    def document_view(self, ref: str) -> dict[str, Any]:
        """One document with sentences, extraction, dates, source and near-duplicates."""
        return browse.document_view(self.store, ref)

    def search_page(self, query: str, *, language: str | None = None,
                    kind: str | None = None, year: str | None = None,
                    cursor: str | None = None, limit: int = 20) -> Page:
        """Search hits with facets (language, source kind, year), one page at a time."""
        return browse.search_page(self.store, self.segmenter, self.kb, query,
                                  language=language, kind=kind, year=year, cursor=cursor,
                                  limit=limit)

    def entities(self, *, type: str | None = None, q: str | None = None,
                 cursor: str | None = None, limit: int = 50) -> Page:
        """Entities by the number of documents that mention them."""
        return browse.list_entities(self.store, type=type, q=q, cursor=cursor, limit=limit)

    def entity(self, entity_id: str) -> dict[str, Any]:
        """One entity: names in every language, mentions by month, co-occurring entities."""
        return browse.entity_profile(self.store, self.kb, entity_id)

    def sources(self) -> list[dict[str, Any]]:
        """Source profiles with their document counts and languages."""
        return browse.list_sources(self.store)

    def source(self, source_id: str) -> dict[str, Any]:
        return browse.source_profile(self.store, source_id)

    def briefs(self) -> list[dict[str, Any]]:
        """Every stored brief topic with its editions."""
        return browse.list_briefs(self.store)

    def edition(self, brief_id: str) -> dict[str, Any]:
        """One stored brief edition as published, with the ids of its sibling editions."""
        return browse.stored_edition(self.store, brief_id)

    def edition_text(self, brief_id: str, fmt: str = "md") -> str:
        """One stored edition rendered as Markdown, HTML or JSON."""
        return render_stored(self.edition(brief_id)["body"], fmt)

    def export(self, fmt: str, out_dir: str | Path) -> ExportResult:
        """Every table as CSV, Parquet or JSON lines, or FollowTheMoney entities."""
        from attache.export import export

        return export(self, fmt, out_dir)

    def export_table(self, table: str, fmt: str, out: str | Path) -> int:
        """One table (or, for ``ftm``, every entity) written to ``out``."""
        from attache.export import export_table

        return export_table(self, table, fmt, Path(out))

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> EvidenceBase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def extract_files(inputs: Sequence[str], *, kb: KnowledgeBase | None = None,
                  outlets: OutletRegistry | None = None, fetcher: Fetcher | None = None,
                  allow_private: bool = False
                  ) -> tuple[list[Extraction], list[IngestFailure]]:
    """Extraction of files or URLs without a store (``attache extract``)."""
    kb = kb or default_kb()
    seg = segmenter_for(())  # search tokens are not needed here; jieba stays unloaded
    opts = IngestOptions(fetcher=fetcher, allow_private=allow_private, extract=False)
    results: list[Extraction] = []
    failures: list[IngestFailure] = []
    def unexpandable(source: str, reason: str) -> None:
        failures.append(IngestFailure(source, reason))

    for item, _named in expand_inputs(inputs, on_error=unexpandable):
        try:
            docs = read_input(item, opts)
        except PartialInput as exc:
            failures.append(IngestFailure(exc.source, exc.reason))
            docs = [d for d in exc.documents if isinstance(d, Document)]
        except InputError as exc:
            failures.append(IngestFailure(exc.source, exc.reason))
            continue
        except AttacheError as exc:
            failures.append(IngestFailure(item, str(exc)))
            continue
        for doc in docs:
            a = analyze(doc, seg, extract=False, tokens=False)
            results.append(extract_analysed(doc, a.view, a.language, a.sentences, kb, outlets))
    return results, failures


def render_stored(body: dict[str, Any], fmt: str) -> str:
    """A stored brief body rendered again (Markdown, HTML or JSON) without rebuilding it."""
    from attache.brief import Brief
    from attache.brief.editions import section_from_dict
    from attache.brief.render import FORMATS, render

    if fmt not in FORMATS:
        raise ConfigError(f"unknown brief format {fmt!r}; use one of {', '.join(FORMATS)}")
    brief = Brief(topic=body["topic"], lang=body["lang"], title=body["title"],
                  sections=tuple(section_from_dict(x) for x in body.get("sections", ())),
                  evidence_key=body.get("evidence_key", ""),
                  edition=int(body.get("edition") or 1), created_at=body.get("created_at"),
                  documents=int(body.get("documents") or 0),
                  writer=str(body.get("writer") or "facts"))
    return render(brief, fmt)
