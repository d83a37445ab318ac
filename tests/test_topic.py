"""Topics: entity names in any script, leftover search terms, and document relevance."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from attache.evidence import EvidenceBase
from attache.kb import default_kb
from attache.tokens import segmenter_for
from attache.topic import Topic, core_documents, relevant_documents, resolve_topic
from tests.test_ledger import World


@pytest.fixture()
def world() -> Iterator[World]:
    with EvidenceBase(":memory:") as eb:
        yield World(eb)


@pytest.mark.parametrize("text", [
    "Japan Kazakhstan", "日本 哈萨克斯坦", "日本與哈薩克", "Япония Казахстан",
    "Японии и Казахстана", "Жапония Қазақстан", "日本 カザフスタン",
])
def test_entity_names_resolve_in_every_script(text: str) -> None:
    topic = resolve_topic(text, default_kb(), segmenter_for(()))
    assert topic.entity_names == ("Japan", "Kazakhstan")
    assert topic.terms == ()
    assert topic.text == text


def test_words_that_name_no_entity_become_search_terms() -> None:
    kb, seg = default_kb(), segmenter_for(())
    topic = resolve_topic("Japanese investment in Kazakhstan", kb, seg)
    assert topic.entity_names == ("Japan", "Kazakhstan")
    assert topic.terms == ("investment",)
    summit = resolve_topic("Central Asia Japan summit", kb, seg)
    assert "Japan" in summit.entity_names and summit.terms == ("summit",)
    assert resolve_topic("日本 投資", kb, seg).terms == ("投资",)
    assert resolve_topic("", kb, seg).empty
    assert resolve_topic("Japan", kb, seg).to_dict() == {
        "text": "Japan", "entity_names": ["Japan"], "terms": [], "concepts": [],
        "kind": "entities"}


def test_documents_naming_every_entity_rank_first(world: World) -> None:
    both = world.doc("Japan and Kazakhstan signed agreements.", published="2025-12-18")
    one = world.doc("Japan opened a trade office.", published="2025-12-18")
    none = world.doc("Uzbekistan held elections.", published="2025-12-18")
    world.mention(both, "Japan", "Japan")
    world.mention(both, "Kazakhstan", "Kazakhstan")
    world.mention(one, "Japan", "Japan")
    scores = relevant_documents(world.store, Topic("Japan Kazakhstan", ("Japan", "Kazakhstan")))
    assert list(scores) == [both, one]
    assert scores[both] >= 1.0 > scores[one] > 0
    assert none not in scores
    assert core_documents(scores) == {both}
    # Nobody mentions Uzbekistan with Japan: fall back to the partial matches.
    partial = relevant_documents(world.store, Topic("", ("Japan", "Uzbekistan")))
    assert core_documents(partial) == {both, one}


def test_terms_are_searched_in_any_script_and_empty_topics_select_all(world: World) -> None:
    hans = world.doc("哈萨克斯坦的稀土储量引起日本关注。", lang="zh-Hans", published="2025-11-20")
    hant = world.doc("日本企業關注哈薩克的稀土資源。", lang="zh-Hant", published="2025-12-21")
    other = world.doc("Trade grew last year.", published="2025-12-22")
    scores = relevant_documents(world.store, Topic("稀土", (), ("稀土",)))
    assert set(scores) == {hans, hant}
    assert set(relevant_documents(world.store, Topic("", (), ()))) == {hans, hant, other}
    assert set(relevant_documents(world.store, None)) == {hans, hant, other}


def test_figure_and_event_entities_count_as_mentions(world: World) -> None:
    d = world.doc("The two countries signed 14 agreements.", published="2025-12-18")
    world.figure(d, "14 agreements", 14, unit="count", subject="agreements")
    scores = relevant_documents(world.store, Topic("Japan Kazakhstan", ("Japan", "Kazakhstan")))
    assert scores == {d: 1.0}
