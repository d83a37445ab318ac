"""Runners: where read + analyse runs (a loop, a local process pool, Ray).

A runner maps :func:`~attache.runners.task.process_item` over the inputs and yields the
results in input order; it never writes. The ingest's one batched writer stores them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol

from attache.runners.local import LocalRunner, default_workers
from attache.runners.task import ItemResult, TaskContext, process_item


class Runner(Protocol):
    name: str

    def map(self, items: Sequence[str], ctx: TaskContext) -> Iterator[ItemResult]: ...


def make_runner(kind: str = "local", *, workers: int | None = None,
                address: str | None = None) -> Runner:
    if kind == "ray":
        from attache.runners.ray import RayRunner

        return RayRunner(address=address, workers=workers)
    return LocalRunner(workers)


__all__ = ["ItemResult", "LocalRunner", "Runner", "TaskContext", "default_workers",
           "make_runner", "process_item"]
