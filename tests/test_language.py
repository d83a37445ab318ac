from __future__ import annotations

import pytest

from attache.language import detect_language
from tests.conftest import SEEDS

CASES = [
    ("zh-Hans", "哈萨克斯坦总统托卡耶夫在东京会见日本首相高市早苗，双方讨论了稀土和铀的合作。"),
    ("zh-Hant", "哈薩克斯坦總統托卡耶夫在東京會見日本首相高市早苗，雙方討論了稀土與鈾的合作。"),
    ("ja", "カザフスタンのトカエフ大統領は東京で高市早苗首相と会談し、レアアースの協力を話し合った。"),
    ("ru", "Президент Казахстана Токаев провел в Токио переговоры с премьер-министром Японии."),
    ("kk", "Қазақстан Президенті Тоқаев Токиода Жапония премьер-министрімен келіссөз жүргізді."),
    ("en", "President Tokayev held talks in Tokyo with the Japanese prime minister on rare earths."),
    ("und", "Le président du Kazakhstan a rencontré le premier ministre japonais à Tokyo hier soir."),
]


@pytest.mark.parametrize("expected,text", CASES)
def test_six_languages(expected: str, text: str) -> None:
    assert detect_language(text) == expected


def test_kazakh_without_special_letters_uses_words() -> None:
    assert detect_language("Жапония мен Казахстан арасындагы ынтымақтастық туралы келісім") == "kk"


def test_short_text_takes_default() -> None:
    assert detect_language("OK", default="zh-Hans") == "zh-Hans"
    assert detect_language("") == "und"


def test_urls_do_not_outvote_the_text() -> None:
    text = "日本首相正积极推动峰会。" + " https://vertexaisearch.cloud.google.com/abc" * 30
    assert detect_language(text) == "zh-Hans"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seeds not beside this checkout")
def test_seed_languages() -> None:
    expected = {"000": "zh-Hans", "001": "zh-Hant", "002": "zh-Hans", "003": "zh-Hans",
                "004": "zh-Hans"}
    for f in sorted(SEEDS.iterdir()):
        assert detect_language(f.read_text("utf-8")) == expected[f.name[:3]], f.name
