"""What a watch pass needs of an evidence base, as a protocol.

The watch package sits below the public facade (``attache.evidence`` calls into it), so it
names the facade's shape here instead of importing it: the import graph stays a tree.
"""

from __future__ import annotations

from typing import Any, Protocol

from attache.kb import KnowledgeBase
from attache.sources import OutletRegistry
from attache.store import SqlStore
from attache.tokens import Segmenter


class Base(Protocol):
    """The parts of :class:`attache.EvidenceBase` a watch pass reads and calls."""

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
