from __future__ import annotations

from attache.anchors import infer_published
from attache.entities import find_entities
from attache.kb import default_kb
from attache.normalize import matching_view


def infer(text: str, lang: str) -> str | None:
    kb = default_kb()
    view = matching_view(text).text
    got = infer_published(view, find_entities(view, text, lang, kb), kb)
    return got.value if got else None


def test_first_summit_anchors_an_undated_repost() -> None:
    assert infer("距首屆“日本—中亞五國”峰會開幕還有兩天。", "zh-Hant") == "2025-12"
    assert infer("Leaders gathered for the first Central Asia plus Japan summit.", "en") == "2025-12"


def test_no_anchor_without_first_summit() -> None:
    assert infer("“中亚+日本”对话机制已运行二十年。", "zh-Hans") is None
    assert infer("Japan and Kazakhstan discussed trade.", "en") is None
