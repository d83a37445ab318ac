"""The Ray runner: the same read + analyse task, one Ray task per input shard.

Ray is imported only when this runner is chosen. The driver keeps a bounded window of tasks
in flight (backpressure) and takes results in input order; only the driver writes, in
batches, so the store sees one writer whether the work ran on one machine or many.
"""

from __future__ import annotations

import uuid
from collections import deque
from collections.abc import Iterator, Sequence
from typing import Any

from attache.errors import AttacheError
from attache.runners.task import ItemResult, TaskContext, process_item

IN_FLIGHT_PER_WORKER = 4


def _import_ray() -> Any:
    try:
        import ray
    except ImportError as exc:
        raise AttacheError("the Ray runner needs Ray: pip install 'attache[scale]' "
                           "(or pip install ray)") from exc
    return ray


# The task context (knowledge base, tokenizer) deserialised once per Ray worker process, not
# once per task: tasks receive its reference boxed in a list, so Ray does not resolve it.
_contexts: dict[str, TaskContext] = {}


def _task(item: str, key: str, boxed: list[Any]) -> ItemResult:
    ctx = _contexts.get(key)
    if ctx is None:
        import ray

        ctx = ray.get(boxed[0])
        _contexts.clear()
        _contexts[key] = ctx
    return process_item(item, ctx)


class RayRunner:
    name = "ray"

    def __init__(self, address: str | None = None, workers: int | None = None) -> None:
        self.address = address
        self.workers = workers

    def map(self, items: Sequence[str], ctx: TaskContext) -> Iterator[ItemResult]:
        ray = _import_ray()
        started = False
        if not ray.is_initialized():
            kwargs: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False,
                                      "configure_logging": False}
            if self.address:
                kwargs["address"] = self.address
            elif self.workers:
                kwargs["num_cpus"] = self.workers
            try:
                ray.init(**kwargs)
            except Exception as exc:  # noqa: BLE001 - Ray raises many kinds; say which
                raise AttacheError(f"cannot start or reach Ray"
                                   f"{' at ' + self.address if self.address else ''}: "
                                   f"{exc}") from exc
            started = True
        try:
            remote = ray.remote(_task)
            ctx_ref = ray.put(ctx.shippable())
            key = uuid.uuid4().hex
            limit = max(1, int(ray.available_resources().get("CPU", 1))) * IN_FLIGHT_PER_WORKER
            window: deque[Any] = deque()
            for item in items:
                window.append(remote.remote(item, key, [ctx_ref]))
                if len(window) >= limit:
                    yield ray.get(window.popleft())
            while window:
                yield ray.get(window.popleft())
        finally:
            if started:
                ray.shutdown()
