"""Concepts: the shipped lexicon, matching in any script, search and topics that use it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from attache.concepts import Concept, ConceptLexicon
from attache.errors import ConfigError
from attache.evidence import EvidenceBase
from attache.kb import ALIAS_LANGUAGES, KnowledgeBase, default_kb
from attache.tokens import segmenter_for
from attache.topic import concept_mentions, resolve_topic


def test_shipped_lexicon_has_150_concepts_in_six_languages() -> None:
    concepts = list(default_kb().concepts)
    assert len(concepts) >= 150
    for c in concepts:
        missing = [lang for lang in ALIAS_LANGUAGES if not c.aliases.get(lang)]
        assert not missing, (c.id, missing)
    for needed in ("rare-earths", "uranium", "oil", "natural-gas", "pipeline",
                   "nuclear-power-plant", "port", "railway", "transit-corridor", "trade",
                   "investment", "loans", "sanctions", "customs", "visas", "education",
                   "tourism", "water", "energy", "security"):
        assert default_kb().concepts.get(needed) is not None, needed


@pytest.mark.parametrize("text", ["稀土", "稀土元素", "レアアース", "希土類", "rare earths",
                                  "Rare earth", "редкоземельных металлов",
                                  "Редкоземельные металлы", "сирек жер металдары"])
def test_rare_earths_in_every_script_and_case(text: str) -> None:
    found = default_kb().concepts.find(text)
    assert [c.id for _, _, c in found] == ["rare-earths"]
    start, end, _ = found[0]
    assert (start, end) == (0, len(text))


def test_longest_concept_wins_and_single_han_characters_stand_alone() -> None:
    lex = default_kb().concepts
    assert [c.id for _, _, c in lex.find("gas pipeline to China")] == ["gas-pipeline"]
    assert [c.id for _, _, c in lex.find("铀")] == ["uranium"]
    assert lex.find("提高合作水平") == []  # 水 (water) inside another word is no concept


def test_user_files_add_concepts_and_aliases(tmp_path: Path) -> None:
    f = tmp_path / "mine.jsonl"
    f.write_text(json.dumps({"id": "helium", "name": "helium", "type": "concept",
                             "aliases": {"ru": ["гелий"], "ja": ["ヘリウム"]}},
                            ensure_ascii=False) + "\n", "utf-8")
    t = tmp_path / "aliases.tsv"
    t.write_text("rare-earths\tREE\ten\n", "utf-8")
    kb = KnowledgeBase.load([f, t])
    assert [c.id for _, _, c in kb.concepts.find("ヘリウム")] == ["helium"]
    assert [c.id for _, _, c in kb.concepts.find("REE supply")] == ["rare-earths"]
    assert kb.concepts.by_name("rare earths") is kb.concepts.get("rare-earths")


def test_malformed_concept_names_the_file_and_line(tmp_path: Path) -> None:
    f = tmp_path / "bad.jsonl"
    f.write_text('{"id": "x", "type": "concept", "aliases": {}}\n', "utf-8")
    with pytest.raises(ConfigError, match=r"bad.jsonl:1: .*'name'"):
        KnowledgeBase.load([f], shipped=False)


def test_search_for_rare_earths_finds_four_languages_of_the_sample(loaded: EvidenceBase
                                                                  ) -> None:
    for query in ("稀土", "rare earths", "редкоземельные металлы"):
        hits = loaded.search(query, limit=50)
        langs = {h.language for h in hits}
        assert len(langs) >= 4, (query, langs)
        assert {"ja", "ru", "kk"} <= langs, (query, langs)
        assert all(h.highlights for h in hits)
        assert loaded.count(query) >= len(hits)


def test_topic_may_be_a_concept_an_entity_set_or_both() -> None:
    kb, seg = default_kb(), segmenter_for(())
    only = resolve_topic("rare earths", kb, seg)
    assert only.concepts == ("rare-earths",) and only.kind == "concepts"
    both = resolve_topic("Japan 稀土", kb, seg)
    assert both.entity_names == ("Japan",) and both.concepts == ("rare-earths",)
    assert both.kind == "both" and both.to_dict()["concepts"] == ["rare-earths"]
    assert resolve_topic("Japan Kazakhstan", kb, seg).kind == "entities"
    assert concept_mentions("レアアースの供給", both, kb) == ("rare-earths",)
    assert concept_mentions("ウランの供給", both, kb) == ()


def test_concept_topic_selects_documents_in_every_language(loaded: EvidenceBase) -> None:
    from attache.topic import relevant_documents

    topic = loaded.topic("稀土")
    assert topic is not None
    scores = relevant_documents(loaded.store, topic, loaded.kb)
    langs = {loaded.store.get(d).language for d, s in scores.items() if s >= 1.0}
    assert {"zh-Hans", "ja", "ru", "kk", "en"} <= langs


def test_lexicon_merges_entries_with_one_id() -> None:
    lex = ConceptLexicon([Concept("a", "alpha", aliases={"en": ("alpha",)}),
                          Concept("a", "alpha", aliases={"ru": ("альфа",)})])
    assert len(lex) == 1 and lex.get("a") is not None
    assert [c.id for _, _, c in lex.find("альфы")] == ["a"]
