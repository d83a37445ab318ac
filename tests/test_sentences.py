from __future__ import annotations

import pytest

from attache.sentences import MAX_SENTENCE, split_sentences


def sents(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_chinese_splits_inside_quotes() -> None:
    text = "高市早苗表示：“21年前，您主持首届外长会议。今天，您以总统身份出席峰会。”她说。"
    assert sents(text) == ["高市早苗表示：“21年前，您主持首届外长会议。",
                           "今天，您以总统身份出席峰会。”", "她说。"]


def test_traditional_with_ascii_punctuation() -> None:
    assert sents("哈國為何敢在峰會前邁出這步?這是一次大膽嘗試!") == [
        "哈國為何敢在峰會前邁出這步?", "這是一次大膽嘗試!"]


def test_english_abbreviations_and_numbers() -> None:
    text = "Japan has invested $8.5 bn. in Kazakhstan since 1993. Mr. Hayashi met K. Tokayev."
    assert sents(text) == ["Japan has invested $8.5 bn. in Kazakhstan since 1993.",
                           "Mr. Hayashi met K. Tokayev."]


def test_russian_abbreviations() -> None:
    text = "В 2024 г. товарооборот составил около 2 млрд долл. США. Токаев прибыл в Токио."
    assert sents(text) == ["В 2024 г. товарооборот составил около 2 млрд долл. США.",
                           "Токаев прибыл в Токио."]


def test_kazakh_and_japanese() -> None:
    assert sents("Тоқаев Токиоға барды. Сапар үш күнге созылды.") == [
        "Тоқаев Токиоға барды.", "Сапар үш күнге созылды."]
    assert sents("トカエフ大統領が来日した。首脳会談が行われた。") == [
        "トカエフ大統領が来日した。", "首脳会談が行われた。"]


def test_offsets_point_into_the_text() -> None:
    text = "  第一句。\n\n第二句！ Third one. Fourth?"
    for s, e in split_sentences(text):
        assert text[s:e] == text[s:e].strip() and text[s:e]


@pytest.mark.parametrize("text", ["字" * 100_000, "word " * 30_000, "1" * 1_000_000])
def test_long_runs_are_bounded(text: str) -> None:
    spans = split_sentences(text)
    assert spans and all(e - s <= MAX_SENTENCE for s, e in spans)
    assert spans[0][0] == 0 and spans[-1][1] == len(text.rstrip())
