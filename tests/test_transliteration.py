"""Unknown names linked across scripts when their transliterations agree."""

from __future__ import annotations

import pytest

from attache.entities import find_entities
from attache.kb import KnowledgeBase, default_kb
from attache.transliteration import latin_key, same_name, skeleton


@pytest.mark.parametrize(("a", "b"), [
    ("Таалайбек Ибраев", "Taalaibek Ibraev"),
    ("Ерлан Жұмабаев", "Yerlan Zhumabayev"),
    ("Сәтқалиев", "Satkaliyev"),
    ("サトカリエフ", "Саткалиев"),
    ("ジュマバエフ", "Жумабаев"),
    ("シャフカト・ミルジヨエフ", "Shavkat Mirziyoyev"),
    ("Ибраевтың", "Ibraev"),
    ("Ибраеву", "イブラエフ"),
    ("Jurabek Mirzamakhmudov", "Жорабек Мырзамахмұдов"),
])
def test_spellings_of_one_name_agree(a: str, b: str) -> None:
    assert skeleton(a) == skeleton(b)
    assert same_name(a, b)


@pytest.mark.parametrize(("a", "b"), [("Ivanov", "Petrov"), ("Abraev", "Ibraev"),
                                      ("Karimov", "Kurmanov"), ("Ли", "Lee")])
def test_different_names_stay_apart(a: str, b: str) -> None:
    assert not same_name(a, b)


def test_latin_key_folds_doublets_and_case_endings() -> None:
    assert latin_key("Жумабаевым") == latin_key("Zhumabayev") == "zumabaev"
    assert latin_key("Qasym") == latin_key("Касым")


def test_unknown_person_is_one_entity_in_four_languages() -> None:
    kb = default_kb()
    texts = {"kk": "Қырғызстанның энергетика министрі Таалайбек Ибраев мәлімдеді.",
             "en": "Kyrgyz Energy Minister Taalaibek Ibrayev said the talks went well.",
             "ru": "Об этом сообщил министр Таалайбек Ибраев.",
             "ja": "タアライベク・イブラエフ氏は述べた。"}
    ids = {}
    for lang, text in texts.items():
        people = [e for e in find_entities(text, text, lang, kb)
                  if e.type == "person" and not e.linked]
        assert len(people) == 1, (lang, people)
        ids[lang] = people[0].id
    assert len(set(ids.values())) == 1, ids


def test_han_names_keep_their_own_key() -> None:
    kb = KnowledgeBase([])
    a = find_entities("专家林志安表示，合作将扩大。", "专家林志安表示，合作将扩大。", "zh-Hans", kb)
    b = find_entities("专家林哲安表示，合作将扩大。", "专家林哲安表示，合作将扩大。", "zh-Hans", kb)
    pa = [e.id for e in a if e.type == "person"]
    pb = [e.id for e in b if e.type == "person"]
    assert pa and pb and pa != pb


def test_a_spelling_variant_links_to_the_known_person() -> None:
    text = "The analyst Bakhtiyor Saidow said so."
    assert default_kb().by_name("Bakhtiyor Saidow") is None  # no alias: the spelling links
    found = find_entities(text, text, "en", default_kb())
    assert "Bakhtiyor Saidov" in {e.name for e in found if e.linked}, found
