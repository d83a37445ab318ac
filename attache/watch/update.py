"""One update pass (``attache update``) and the loop around it (``attache watch``).

A pass fetches the sources that are due (several at once, each host politely), stores what is
new on this thread — the store keeps one writer — then, for each followed topic whose store
gained documents, asks the evidence base for its brief: a new edition is written only when the
evidence changed, and then its files and its alert. Every step leaves the store consistent, so
a pass killed at any point is completed by the next one without losing or repeating anything.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import CancelledError, Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from attache.analysis import analyze
from attache.errors import AttacheError, InputError, NotFound, StoreError
from attache.sources import OutletRegistry, default_registry, profile_source
from attache.watch.alerts import (
    Alert,
    HttpPoster,
    Poster,
    diff,
    make_alert,
    send_webhook,
    slug,
    snapshot,
    write_alert,
)
from attache.watch.collect import Collected, Item, collect
from attache.watch.config import Source, WatchConfig
from attache.watch.polite import HeaderFetcher, PoliteClient, Stopped
from attache.watch.state import WatchState, Writer

if TYPE_CHECKING:
    from attache.facade import Base

Event = Callable[[str], None]
MAX_BACKOFF = 86400.0


@dataclass(frozen=True)
class SourceReport:
    name: str
    address: str
    kind: str
    status: str  # new, unchanged, not-modified, failed, not-due, stopped
    added: int = 0
    existing: int = 0
    unchanged: int = 0
    failures: int = 0  # consecutive failures so far
    error: str | None = None
    item_errors: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "address": self.address, "kind": self.kind,
                "status": self.status, "added": self.added, "existing": self.existing,
                "unchanged": self.unchanged, "failures": self.failures, "error": self.error,
                "item_errors": [list(e) for e in self.item_errors]}


@dataclass(frozen=True)
class TopicReport:
    topic: str
    editions: tuple[tuple[str, int], ...] = ()
    new: bool = False
    note: str = ""
    alert: Alert | None = None
    files: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"topic": self.topic, "editions": dict(self.editions), "new": self.new,
                "note": self.note, "alert": self.alert.to_dict() if self.alert else None,
                "files": list(self.files)}


@dataclass(frozen=True)
class UpdateReport:
    """What one pass did: per source, per topic, and the errors that are not a source's."""

    sources: tuple[SourceReport, ...] = ()
    topics: tuple[TopicReport, ...] = ()
    errors: tuple[str, ...] = ()
    stopped: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors and all(s.status != "failed" and not s.item_errors
                                       for s in self.sources)

    @property
    def alerts(self) -> tuple[Alert, ...]:
        return tuple(t.alert for t in self.topics if t.alert is not None)

    @property
    def added(self) -> int:
        return sum(s.added for s in self.sources)

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "stopped": self.stopped, "added": self.added,
                "sources": [s.to_dict() for s in self.sources],
                "topics": [t.to_dict() for t in self.topics], "errors": list(self.errors)}


@dataclass(frozen=True)
class SourceStatus:
    """A watched source between passes: when it was fetched, when it is due, how it fares."""

    name: str
    kind: str
    address: str
    last_fetch: str | None
    last_success: str | None
    next_due: str | None  # None: never fetched, due now
    failures: int
    last_error: str | None
    items: int

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _iso(t: float | None) -> str | None:
    if t is None:
        return None
    return datetime.fromtimestamp(t, UTC).isoformat(timespec="seconds")


def source_status(eb: Base, cfg: WatchConfig) -> list[SourceStatus]:
    """Every configured source with its stored state, in the configuration's order."""
    state = WatchState(eb.store.engine)
    counts = state.item_counts()
    out = []
    for s in cfg.sources:
        st = state.source(s.id)
        out.append(SourceStatus(
            s.name, s.kind, s.address, _iso(st.last_fetch) if st else None,
            _iso(st.last_success) if st else None, _iso(st.next_due) if st else None,
            st.failures if st else 0, st.last_error if st else None, counts.get(s.id, 0)))
    return out


@dataclass
class _Pass:
    eb: Base
    cfg: WatchConfig
    state: WatchState
    stop: threading.Event
    event: Event
    errors: list[str] = field(default_factory=list)


def _outlet_name(outlet: str | None, registry: OutletRegistry) -> str | None:
    """The registry's name for an outlet id or variant, so the source profile finds it."""
    if not outlet:
        return None
    found = next((o for o in registry.outlets if o.id == outlet), None) or \
        registry.by_name(outlet)
    return found.name if found else outlet


def _store_item(p: _Pass, source: Source, item: Item, then: Writer | None = None
                ) -> tuple[int, int, str | None]:
    """Store an item's documents. The item row, and ``then`` (the source's state after the
    last item), go into the transaction of the item's last document."""
    eb, state = p.eb, p.state
    added = existing = 0
    tail = [then] if then is not None else []
    if not item.documents:
        state.run(state.item_writer(item.address, item.content_hash, source.id, None), *tail)
        return 0, 0, None
    for n, doc in enumerate(item.documents):
        last = n == len(item.documents) - 1
        writers = ([state.item_writer(item.address, item.content_hash, source.id, doc.id),
                    *tail] if last else [])
        try:
            if eb.store.status(doc.id) == "extracted":
                eb.store.add_location(doc.id, doc.location)
                if writers:
                    state.run(*writers)
                existing += 1
                continue
            analysis = analyze(doc, eb.segmenter, extract=True, kb=eb.kb, registry=eb.outlets)
            src = (analysis.extraction.source if analysis.extraction is not None
                   else profile_source(doc, analysis.language, eb.outlets))
            res = eb.store.add(analysis, source={"name": src.name, "kind": src.kind,
                                                 "country": src.country,
                                                 "guessed": src.guessed},
                               also=_chain(writers) if writers else None)
        except StoreError:
            raise  # the store itself is in trouble: stop the pass, nothing is half-written
        except AttacheError as exc:
            # A document that cannot be analysed will not improve by fetching it again.
            state.run(state.item_writer(item.address, item.content_hash, source.id, None),
                      *tail)
            return added, existing, f"{doc.location}: {exc}"
        if res.added:
            added += 1
        else:
            existing += 1
    return added, existing, None


def _chain(writers: list[Writer]) -> Writer:
    def run(conn: Any) -> None:
        for w in writers:
            w(conn)
    return run


def _next_due(source: Source, now: float, failures: int) -> float:
    if failures <= 0:
        return now + source.interval
    # A failing source is asked less often, but still asked: it is reported every time.
    return now + min(source.interval * 2 ** (failures - 1), max(source.interval, MAX_BACKOFF))


def _finish_source(p: _Pass, source: Source, result: Collected | BaseException,
                   now: float, progress: str = "") -> SourceReport:
    state = p.state
    if isinstance(result, CancelledError | Stopped):
        return SourceReport(source.name, source.address, source.kind, "stopped")
    if isinstance(result, BaseException):
        reason = result.reason if isinstance(result, InputError) else str(result)
        st = state.source(source.id)
        failures = (st.failures if st else 0) + 1
        state.record_failure(source.id, source.kind, source.address, now=now,
                             next_due=_next_due(source, now, failures), error=reason)
        p.event(f"{progress}{source.name}: FAILED ({failures} in a row): {reason}")
        return SourceReport(source.name, source.address, source.kind, "failed",
                            failures=failures, error=reason)
    added = existing = 0
    item_errors = list(result.errors)
    success = state.success_writer(source.id, source.kind, source.address, now=now,
                                   next_due=_next_due(source, now, 0), etag=result.etag,
                                   last_modified=result.last_modified)
    for n, item in enumerate(result.items):
        last = n == len(result.items) - 1
        a, e, err = _store_item(p, source, item, success if last else None)
        added, existing = added + a, existing + e
        if err:
            item_errors.append((item.address, err))
    if not result.items:
        state.run(success)
    status = ("not-modified" if result.not_modified else "new" if added else "unchanged")
    msg = f"{progress}{source.name}: {status}, {added} new document(s)"
    if result.unchanged:
        msg += f", {result.unchanged} item(s) already stored"
    p.event(msg)
    for address, reason in item_errors:
        p.event(f"{source.name}: item {address}: {reason}")
    return SourceReport(source.name, source.address, source.kind, status, added=added,
                        existing=existing, unchanged=result.unchanged,
                        item_errors=tuple(item_errors))


def _fetch_sources(p: _Pass, due: list[Source], client: PoliteClient, now: float
                   ) -> list[SourceReport]:
    registry = p.eb.outlets or default_registry()
    outlets = {s.id: _outlet_name(s.outlet, registry) for s in due}
    reports: list[SourceReport] = []
    if not due:
        return reports

    def stored(url: str) -> bool:
        return bool(list(p.eb.store.rows("locations", location=url)))

    def run(s: Source) -> Collected:
        st = p.state.source(s.id)
        return collect(s, client, p.state.seen, outlet=outlets[s.id],
                       etag=st.etag if st else None,
                       last_modified=st.last_modified if st else None, stored=stored)

    workers = max(1, min(p.cfg.politeness.workers, len(due)))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="attache-watch") as pool:
        futures: list[tuple[Source, Future[Collected]]] = [(s, pool.submit(run, s)) for s in due]
        for n, (s, fut) in enumerate(futures, start=1):
            if p.stop.is_set():
                fut.cancel()
            try:
                result: Collected | BaseException = fut.result()
            except (AttacheError, CancelledError) as exc:
                result = exc
            reports.append(_finish_source(p, s, result, now, f"[{n}/{len(futures)}] "))
    return reports


def _brief_files(topic_output: Path | None, name: str, lang: str, fmt: str, edition: int,
                 text: str) -> list[str]:
    if topic_output is None:
        return []
    try:
        topic_output.mkdir(parents=True, exist_ok=True)
        numbered = topic_output / f"{slug(name)}.{lang}.e{edition}.{fmt}"
        latest = topic_output / f"{slug(name)}.{lang}.{fmt}"
        numbered.write_text(text, "utf-8")
        latest.write_text(text, "utf-8")
    except OSError as exc:
        raise AttacheError(f"cannot write the brief to {topic_output}: {exc.strerror}; check "
                           "the topic's output folder") from exc
    return [str(numbered)]


def _follow_topics(p: _Pass, poster: Poster) -> list[TopicReport]:
    reports = []
    docs = p.eb.store.count()
    for t in p.cfg.topics:
        if p.stop.is_set():
            break
        key = t.query.casefold()
        ts = p.state.topic(key)
        # Same store size and every language briefed (or none possible yet): nothing to do.
        if ts is not None and ts.documents == docs and (
                not ts.editions or set(t.languages) <= set(ts.editions)):
            reports.append(TopicReport(t.name, tuple(sorted(ts.editions.items())),
                                       note="no new documents"))
            continue
        try:
            results = {(lang, fmt): p.eb.brief(t.query, lang=lang, fmt=fmt)
                       for lang in t.languages for fmt in t.formats}
        except NotFound:
            p.state.record_topic(key, docs, ts.editions if ts else {}, ts.snapshot if ts else {})
            reports.append(TopicReport(t.name, note="no evidence yet"))
            p.event(f"topic {t.name!r}: no evidence yet")
            continue
        except AttacheError as exc:
            p.errors.append(f"topic {t.name!r}: {exc}")
            reports.append(TopicReport(t.name, note=f"failed: {exc}"))
            continue
        editions = {lang: results[(lang, t.formats[0])].edition for lang in t.languages}
        prev = ts.editions if ts else {}
        if not any(n > prev.get(lang, 0) for lang, n in editions.items()):
            p.state.record_topic(key, docs, prev, ts.snapshot if ts else {})
            reports.append(TopicReport(t.name, tuple(sorted(editions.items())),
                                       note="evidence unchanged"))
            p.event(f"topic {t.name!r}: evidence unchanged, edition "
                    f"{', '.join(str(n) for n in editions.values())} stands")
            continue
        try:
            files = tuple(f for (lang, fmt), r in results.items()
                          for f in _brief_files(t.output, t.name, lang, fmt, r.edition, r.text))
        except AttacheError as exc:
            p.errors.append(str(exc))
            files = ()
        snap = snapshot(p.eb, t.query)
        changes = results[(t.languages[0], t.formats[0])].brief.section("changes")
        lines = tuple(c.text for c in changes.claims) if changes is not None else ()
        alert = make_alert(t.name, editions, diff(ts.snapshot if ts else {}, snap), lines,
                           files)
        if alert is not None:
            _deliver(p, alert, t.output, poster)
        # Recorded last: a kill before this line delivers the same alert (same id) again.
        p.state.record_topic(key, docs, editions, snap)
        reports.append(TopicReport(t.name, tuple(sorted(editions.items())), new=True,
                                   alert=alert, files=files))
    return reports


def _deliver(p: _Pass, alert: Alert, topic_output: Path | None, poster: Poster) -> None:
    folder = p.cfg.alerts or (p.cfg.path.resolve().parent / "alerts" if p.cfg.path else None)
    if folder is not None:
        try:
            path = write_alert(alert, folder)
            p.event(f"alert written to {path}")
        except AttacheError as exc:
            p.errors.append(str(exc))
    p.event("ALERT " + alert.text())
    if p.cfg.webhook:
        try:
            send_webhook(alert, p.cfg.webhook, poster,
                         allow_private=p.cfg.webhook_allow_private,
                         timeout=p.cfg.politeness.timeout)
        except AttacheError as exc:
            p.errors.append(str(exc))
            p.event(f"alert not sent: {exc}")


def run_update(eb: Base, cfg: WatchConfig, *, force: bool = False,
               stop: threading.Event | None = None, fetcher: HeaderFetcher | None = None,
               poster: Poster | None = None, on_event: Event | None = None,
               now: float | None = None) -> UpdateReport:
    """One pass: fetch what is due, store it, write new editions and their alerts."""
    stop = stop or threading.Event()
    state = WatchState(eb.store.engine)
    p = _Pass(eb, cfg, state, stop, on_event or (lambda _m: None))
    t0 = time.time() if now is None else now
    due: list[Source] = []
    waiting: list[Source] = []
    for s in cfg.sources:
        st = state.source(s.id)
        (due if force or st is None or st.next_due <= t0 else waiting).append(s)
    client = PoliteClient(cfg.politeness, fetcher, stop)
    reports = _fetch_sources(p, due, client, t0)
    reports += [SourceReport(s.name, s.address, s.kind, "not-due") for s in waiting]
    topics = _follow_topics(p, poster or HttpPoster()) if not stop.is_set() else []
    return UpdateReport(tuple(reports), tuple(topics), tuple(p.errors), stop.is_set())


def seconds_until_due(eb: Base, cfg: WatchConfig, now: float | None = None) -> float:
    """How long until the next source is due (0 when one is due now)."""
    state = WatchState(eb.store.engine)
    t0 = time.time() if now is None else now
    waits = []
    for s in cfg.sources:
        st = state.source(s.id)
        waits.append(0.0 if st is None else max(0.0, st.next_due - t0))
    return min(waits) if waits else float("inf")


def watch_loop(eb: Base, cfg: WatchConfig, *, stop: threading.Event,
               on_report: Callable[[UpdateReport], None], fetcher: HeaderFetcher | None = None,
               poster: Poster | None = None, on_event: Event | None = None,
               min_sleep: float = 1.0, max_sleep: float = 300.0,
               max_passes: int | None = None) -> int:
    """Run passes until ``stop`` is set; returns the number of passes. A pass in progress
    finishes the source it is storing; what it did not reach is due on the next start."""
    passes = 0
    while not stop.is_set():
        report = run_update(eb, cfg, stop=stop, fetcher=fetcher, poster=poster,
                            on_event=on_event)
        passes += 1
        on_report(report)
        if max_passes is not None and passes >= max_passes:
            break
        wait = min(max(seconds_until_due(eb, cfg), min_sleep), max_sleep)
        stop.wait(wait)
    return passes
