"""Follow a story: watched sources, polite incremental fetching, update passes, alerts.

``config`` reads ``attache.toml``; ``polite`` fetches (robots.txt, rate limits, conditional
requests, retries) through the guarded :func:`attache.readers.fetch.fetch_url`; ``collect``
finds what a feed, sitemap, page or folder holds that the store does not; ``state`` keeps per
source and per item records in the store; ``update`` runs a pass and the loop; ``alerts`` says
what changed.
"""

from __future__ import annotations

from attache.watch.alerts import Alert, FakePoster, HttpPoster
from attache.watch.config import (
    FollowedTopic,
    Politeness,
    Source,
    WatchConfig,
    add_source,
    default_path,
    load_config,
    parse_config,
)
from attache.watch.update import (
    SourceReport,
    SourceStatus,
    TopicReport,
    UpdateReport,
    run_update,
    source_status,
    watch_loop,
)

__all__ = [
    "Alert",
    "FakePoster",
    "FollowedTopic",
    "HttpPoster",
    "Politeness",
    "Source",
    "SourceReport",
    "SourceStatus",
    "TopicReport",
    "UpdateReport",
    "WatchConfig",
    "add_source",
    "default_path",
    "load_config",
    "parse_config",
    "run_update",
    "source_status",
    "watch_loop",
]
