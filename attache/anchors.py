"""Anchors for undated documents: a publication date inferred from what the text refers to.

Many reposts carry no date at all. When such a text calls an event the *first* summit of a
series the knowledge base knows ("首屆“日本—中亞五國”峰會", "the inaugural Central Asia plus
Japan summit"), the document cannot predate that summit's month, and news about an upcoming or
just-held first summit is written in that month. The result is marked ``inferred`` (month
precision) so briefs list it among their limitations, and it is used only when the reader found
no date at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from attache.kb import KnowledgeBase
from attache.model import Entity, PublishedDate

_FIRST = re.compile(r"首届|首屆|首次|第一届|第一屆|\bfirst\b|\binaugural\b|перв\w+|初の|初めて|"
                    r"алғашқы|бірінші", re.IGNORECASE)
_SUMMIT = re.compile(r"峰会|峰會|首脑会议|首腦會議|\bsummit\b|саммит\w*|首脳会議|サミット",
                     re.IGNORECASE)
_WINDOW = 24


def infer_published(view: str, entities: Sequence[Entity], kb: KnowledgeBase
                    ) -> PublishedDate | None:
    for ent in entities:
        if ent.type != "event_series" or not ent.linked:
            continue
        entry = kb.by_name(ent.name)
        if entry is None:
            continue
        first = next((o for o in entry.occurrences if o.kind == "summit" and o.ordinal == 1),
                     None)
        if first is None:
            continue
        for m in ent.mentions:
            window = view[max(0, m.start - _WINDOW):m.end + _WINDOW]
            if _FIRST.search(window) and _SUMMIT.search(window):
                return PublishedDate(value=first.date[:7], source="inferred", precision="month")
    return None
