"""Ingest jobs: an upload or a URL ingested in the background, with status and progress.

One worker thread runs the jobs in order, because the store has one writer; readers keep
serving meanwhile. Finished jobs are kept (the last ``KEEP``) so a client can read the outcome.
"""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from attache.errors import AttacheError, NotFound
from attache.model import IngestReport

KEEP = 200


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Job:
    id: str
    kind: str  # "upload" or "url"
    input: str
    status: str = "queued"  # queued, running, done, failed
    done: int = 0
    total: int = 0
    current: str | None = None
    added: tuple[str, ...] = ()
    existing: tuple[str, ...] = ()
    failures: tuple[tuple[str, str], ...] = ()
    error: str | None = None
    created_at: str = field(default_factory=_now)
    finished_at: str | None = None

    @property
    def progress(self) -> float:
        if self.status in ("done", "failed"):
            return 1.0
        return self.done / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "input": self.input, "status": self.status,
                "done": self.done, "total": self.total, "progress": round(self.progress, 3),
                "current": self.current, "added": list(self.added),
                "existing": list(self.existing),
                "failures": [{"input": s, "reason": r} for s, r in self.failures],
                "error": self.error, "created_at": self.created_at,
                "finished_at": self.finished_at}


Work = Callable[[Callable[[str, int, int], None]], IngestReport]


class JobRunner:
    """Runs ingest work one job at a time and keeps each job's latest state."""

    def __init__(self) -> None:
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="attache-ingest")

    def _set(self, job_id: str, **changes: Any) -> None:
        with self._lock:
            self._jobs[job_id] = replace(self._jobs[job_id], **changes)

    def submit(self, kind: str, label: str, work: Work) -> Job:
        job = Job(id=secrets.token_hex(8), kind=kind, input=label)
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > KEEP:
                self._jobs.popitem(last=False)
        self._pool.submit(self._run, job.id, work)
        return job

    def _run(self, job_id: str, work: Work) -> None:
        self._set(job_id, status="running")

        def progress(item: str, n: int, total: int) -> None:
            self._set(job_id, done=n, total=total, current=item)

        try:
            report = work(progress)
        except AttacheError as exc:
            self._set(job_id, status="failed", error=str(exc), finished_at=_now())
            return
        except Exception as exc:  # noqa: BLE001 - a job must end with a state, never vanish
            self._set(job_id, status="failed", finished_at=_now(),
                      error=f"the ingest stopped on an internal error: "
                            f"{exc.__class__.__name__}: {exc}")
            return
        failures = tuple((f.source, f.reason) for f in report.failures)
        self._set(job_id, status="failed" if failures and not report.added and
                  not report.existing else "done",
                  added=tuple(report.added), existing=tuple(report.existing),
                  failures=failures, finished_at=_now(),
                  error=failures[0][1] if failures else None)

    def get(self, job_id: str) -> Job:
        with self._lock:
            job = self._jobs.get(job_id)
        if job is None:
            raise NotFound(f"no ingest job {job_id!r}; jobs are kept in memory until the "
                           "server restarts")
        return job

    def list(self) -> list[Job]:
        with self._lock:
            return list(reversed(self._jobs.values()))

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
