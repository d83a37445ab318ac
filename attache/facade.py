"""The shape of the public facade, as a protocol, for the packages the facade calls into.

``attache.watch`` and ``attache.export`` sit below :class:`attache.EvidenceBase` (it calls
them) yet call back into its reads, so they name its shape here instead of importing it: the
import graph stays free of cycles.
"""

from __future__ import annotations

from typing import Any, Protocol

from attache.kb import KnowledgeBase
from attache.sources import OutletRegistry
from attache.store import SqlStore
from attache.tokens import Segmenter


class Base(Protocol):
    """The parts of :class:`attache.EvidenceBase` that watch passes and exports call."""

    store: SqlStore
    outlets: OutletRegistry | None

    @property
    def kb(self) -> KnowledgeBase: ...

    @property
    def segmenter(self) -> Segmenter: ...

    def brief(self, topic: str, lang: str = "en", fmt: str = "md") -> Any: ...

    def figures(self, topic: str | None = None) -> Any: ...

    def timeline(self, topic: str | None = None) -> Any: ...

    def search(self, query: str, limit: int = 20) -> Any: ...
