"""The local runner: read + analyse in a process pool on every core, results in input order.

Results come back in the order of the inputs, so near-duplicates are linked the same way
whatever the number of workers. At most a few inputs per worker are in flight: a slow writer
holds the readers back instead of letting results pile up in memory.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any

from attache.runners.task import ItemResult, TaskContext, process_item

IN_FLIGHT_PER_WORKER = 4

_ctx: TaskContext | None = None


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _run(item: str) -> ItemResult:
    assert _ctx is not None, "the pool was started without a task context"
    return process_item(item, _ctx)


class LocalRunner:
    name = "local"

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or default_workers()  # 0 or None: one per core

    def map(self, items: Sequence[str], ctx: TaskContext) -> Iterator[ItemResult]:
        if self.workers <= 1 or len(items) <= 1:
            for item in items:
                yield process_item(item, ctx)
            return
        global _ctx
        # Workers are forked with the loaded knowledge base and tokenizer, so nothing big is
        # pickled per task; each opens its own read-only view of the store for status checks.
        ctx.segmenter.index_tokens("中文")  # load jieba once, before the fork
        _ctx = replace(ctx, status=None)
        method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
        pool: Any = mp.get_context(method).Pool(self.workers)
        try:
            window: deque[Any] = deque()
            it = iter(items)
            limit = self.workers * IN_FLIGHT_PER_WORKER
            for item in it:
                window.append(pool.apply_async(_run, (item,)))
                if len(window) >= limit:
                    yield window.popleft().get()
            while window:
                yield window.popleft().get()
        finally:
            pool.terminate()
            pool.join()
            _ctx = None
