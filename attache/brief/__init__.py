"""The brief: topic → evidence → sections of statements, every sentence cited to a stored span.

The package, in the order data flows through it:

* :mod:`~attache.brief.gather` reads the store (documents, mentions, ledger, timeline) for a
  resolved topic and keeps what is about it;
* :mod:`~attache.brief.quotes` finds quotable sentences and picks them without repeats;
* :mod:`~attache.brief.facts` writes statements in the reader's language from facts, and glosses;
* :mod:`~attache.brief.compose` builds the sections, one function each;
* :mod:`~attache.brief.llm` (optional) rewrites statements with an OpenAI-compatible model, and
  :mod:`~attache.brief.verify` checks every citation (and every written sentence) by code;
* :mod:`~attache.brief.render` writes Markdown, HTML and JSON; :mod:`~attache.brief.editions`
  stores editions and says what changed.

The brief takes a store, a topic and the knowledge base — never the ``EvidenceBase`` facade
that calls it — so nothing here imports :mod:`attache.evidence`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from attache.brief.compose import compose
from attache.brief.gather import gather, topic_view
from attache.brief.model import Brief, evidence_key
from attache.brief.strings import lexicon
from attache.brief.themes import Themes
from attache.brief.verify import verify_brief
from attache.errors import ConfigError, NotFound
from attache.kb import KnowledgeBase
from attache.store import SqlStore

__all__ = ["Brief", "build_brief"]


def build_brief(store: SqlStore, topic: Any, kb: KnowledgeBase, lang: str = "en",
                themes: Themes | None = None) -> Brief:
    """Gather the evidence on ``topic`` (a resolved :class:`attache.topic.Topic`), compose the
    brief in ``lang`` and verify every citation against the stored text."""
    lexicon(lang)
    text = topic_view(topic).text
    if not text.strip():
        raise ConfigError("a brief needs a topic, e.g. 'Japan Kazakhstan'")
    ev = gather(store, topic, kb, lang)
    if not ev.docs:
        raise NotFound(f"no stored evidence for topic {text.strip()!r}; ingest documents "
                       f"that mention it, or check the spelling")
    b = verify_brief(compose(ev, lang, themes), store)
    return replace(b, evidence_key=evidence_key(b))
