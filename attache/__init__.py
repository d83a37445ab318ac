"""attache: an offline evidence engine and cited brief writer for international relations.

The public API is what ``__all__`` lists; everything else is internal and may change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"

__all__ = [
    "AttacheError",
    "ConfigError",
    "DecodeError",
    "Document",
    "EmptyDocument",
    "Entity",
    "Event",
    "EvidenceBase",
    "ExportResult",
    "Extraction",
    "Figure",
    "GarbledText",
    "FetchRefused",
    "InputError",
    "IngestReport",
    "KnowledgeBase",
    "NotFound",
    "Page",
    "PartialInput",
    "QueryError",
    "SearchHit",
    "StoreError",
    "UnreadableInput",
    "UnsupportedInput",
    "__version__",
    # follow a story (attache.watch)
    "Alert",
    "SourceReport",
    "SourceStatus",
    "TopicReport",
    "UpdateReport",
    "WatchConfig",
    "load_config",
    "detect_language",
    "extract_files",
    "read_path",
    "read_url",
]

from attache.errors import (
    AttacheError,
    ConfigError,
    DecodeError,
    EmptyDocument,
    FetchRefused,
    GarbledText,
    InputError,
    NotFound,
    PartialInput,
    QueryError,
    StoreError,
    UnreadableInput,
    UnsupportedInput,
)
from attache.model import Document, Entity, Event, Extraction, Figure, IngestReport

if TYPE_CHECKING:
    from attache.browse import Page
    from attache.evidence import EvidenceBase, extract_files
    from attache.export import ExportResult
    from attache.kb import KnowledgeBase
    from attache.language import detect_language
    from attache.readers import read_path, read_url
    from attache.search import SearchHit
    from attache.watch import (
        Alert,
        SourceReport,
        SourceStatus,
        TopicReport,
        UpdateReport,
        WatchConfig,
        load_config,
    )

# Heavy parts (readers, store, jieba, lingua) load on first use, so `attache --version` and
# `import attache` stay fast.
_LAZY = {
    "EvidenceBase": "attache.evidence",
    "extract_files": "attache.evidence",
    "KnowledgeBase": "attache.kb",
    "detect_language": "attache.language",
    "read_path": "attache.readers",
    "read_url": "attache.readers",
    "SearchHit": "attache.search",
    "Alert": "attache.watch",
    "SourceReport": "attache.watch",
    "SourceStatus": "attache.watch",
    "TopicReport": "attache.watch",
    "UpdateReport": "attache.watch",
    "WatchConfig": "attache.watch",
    "load_config": "attache.watch",
    "Page": "attache.browse",
    "ExportResult": "attache.export",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'attache' has no attribute {name!r}")
