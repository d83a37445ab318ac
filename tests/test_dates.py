"""Date expressions in running text, resolved against the publication date, in six languages."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from attache.dates import DateMention, find_dates, parse_date


def _values(text: str, language: str, anchor: str | None) -> list[tuple[str, str, bool]]:
    return [(d.text, d.value, d.relative) for d in find_dates(text, language, anchor)]


CASES: list[tuple[str, str, str | None, list[tuple[str, str, bool]]]] = [
    # Simplified Chinese
    ("zh-Hans", "2025年12月18日，托卡耶夫抵达东京。", "2025-12-20",
     [("2025年12月18日", "2025-12-18", False)]),
    ("zh-Hans", "尽管她在12月3日澄清立场。", "2025-12-04", [("12月3日", "2025-12-03", True)]),
    ("zh-Hans", "日本外务大臣29日访问哈萨克斯坦。", "2022-05-01", [("29日", "2022-04-29", True)]),
    ("zh-Hans", "去年两国贸易额近20亿美元。", "2025-12-20", [("去年", "2024", True)]),
    ("zh-Hans", "高市早苗表示：“21年前，您作为外长主持首届会议。”", "2025-12-20",
     [("21年前", "2004", True)]),
    ("zh-Hans", "2025年前9个月中方与中亚五国的贸易额已达800亿美元。", "2025-12-04",
     [("2025年前9个月", "2025-01/2025-09", False)]),
    ("zh-Hans", "1-9月贸易额增长。", "2025-12-04", [("1-9月", "2025-01/2025-09", True)]),
    ("zh-Hans", "计划于2025年12月中旬在东京举行。", "2025-12-04", [("2025年12月中旬", "2025-12", False)]),
    ("zh-Hans", "自1993年以来累计投资。", "2022-05-01", [("自1993年以来", "1993/2022", True)]),
    ("zh-Hans", "签署了2022-2023年行动计划。", "2022-05-01", [("2022-2023年", "2022/2023", False)]),
    ("zh-Hans", "日本周五要求哈萨克斯坦保持一致。", "2022-05-01", [("周五", "2022-04-29", True)]),
    ("zh-Hans", "上个月在联大投了弃权票，明年再议。", "2022-05-01",
     [("上个月", "2022-04", True), ("明年", "2023", True)]),
    ("zh-Hans", "莫斯科于 2 月 24 日开始的入侵。", "2022-05-01", [("2 月 24 日", "2022-02-24", True)]),
    ("zh-Hans", "12月28日的会议。", "2026-01-05", [("12月28日", "2025-12-28", True)]),
    # Traditional Chinese (the matching view is Simplified; dates read the same)
    ("zh-Hant", "距峰會開幕還有兩天，2025年12月18日專機降落羽田機場。", "2025-12",
     [("2025年12月18日", "2025-12-18", False)]),
    ("zh-Hant", "今年雙方簽署14項協議，去年則沒有。", "2025-12", [("今年", "2025", True), ("去年", "2024", True)]),
    # English
    ("en", "On 18 December 2025, Tokayev met Takaichi.", "2025-12-20",
     [("18 December 2025", "2025-12-18", False)]),
    ("en", "They signed on December 18, 2025 in Tokyo.", None, [("December 18, 2025", "2025-12-18", False)]),
    ("en", "In 2024 trade fell; since 1993 Japan has invested.", "2025-12-20",
     [("In 2024", "2024", False), ("since 1993", "1993/2025", True)]),
    ("en", "Last year trade was lower; three years ago it was higher.", "2025-12-20",
     [("Last year", "2024", True), ("three years ago", "2022", True)]),
    ("en", "On Friday the minister spoke; yesterday he left.", "2025-12-20",
     [("On Friday", "2025-12-19", True), ("yesterday", "2025-12-19", True)]),
    ("en", "The summit is planned for December 2025.", None, [("December 2025", "2025-12", False)]),
    # Russian
    ("ru", "18 декабря 2025 года Токаев прибыл в Токио.", "2025-12-20",
     [("18 декабря 2025 года", "2025-12-18", False)]),
    ("ru", "В 2024 году товарооборот вырос, в прошлом году тоже.", "2025-12-20",
     [("В 2024 году", "2024", False), ("в прошлом году", "2024", True)]),
    ("ru", "3 декабря она уточнила позицию, в пятницу уехала.", "2025-12-20",
     [("3 декабря", "2025-12-03", True), ("в пятницу", "2025-12-19", True)]),
    ("ru", "С 1993 года Япония вложила, в декабре 2025 года — саммит.", "2025-12-20",
     [("С 1993 года", "1993/2025", True), ("в декабре 2025 года", "2025-12", False)]),
    ("ru", "Пять лет назад, в следующем году и в прошлом месяце.", "2025-12-20",
     [("в следующем году", "2026", True), ("в прошлом месяце", "2025-11", True)]),
    # Kazakh
    ("kk", "2025 жылғы 18 желтоқсанда Тоқаев Токиоға барды.", "2025-12-20",
     [("2025 жылғы 18 желтоқсанда", "2025-12-18", False)]),
    ("kk", "2024 жылы тауар айналымы өсті, өткен жылы да.", "2025-12-20",
     [("2024 жылы", "2024", False), ("өткен жылы", "2024", True)]),
    ("kk", "Биыл және келесі жылы, 1993 жылдан бері.", "2025-12-20",
     [("Биыл", "2025", True), ("келесі жылы", "2026", True), ("1993 жылдан бері", "1993/2025", True)]),
    ("kk", "3 желтоқсанда кездесу өтті, 5 жыл бұрын басталған.", "2025-12-20",
     [("3 желтоқсанда", "2025-12-03", True), ("5 жыл бұрын", "2020", True)]),
    # Japanese
    ("ja", "2025年12月19日、首脳会談が開かれた。", "2025-12-20",
     [("2025年12月19日", "2025-12-19", False)]),
    ("ja", "昨年の貿易額は約20億ドル、来年は増える。", "2025-12-20",
     [("昨年", "2024", True), ("来年", "2026", True)]),
    ("ja", "先月、21年前に始まった対話。", "2025-12-20", [("先月", "2025-11", True), ("21年前", "2004", True)]),
    ("ja", "令和7年12月に金曜日の会合。", "2025-12-20",
     [("令和7年12月", "2025-12", False), ("金曜日", "2025-12-19", True)]),
]


@pytest.mark.parametrize("language,text,anchor,expected", CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_find_dates(language: str, text: str, anchor: str | None,
                    expected: list[tuple[str, str, bool]]) -> None:
    got = _values(text, language, anchor)
    for item in expected:
        assert item in got, got
    for d in find_dates(text, language, anchor):
        assert text[d.start:d.end] == d.text


def test_relative_skipped_without_anchor() -> None:
    assert _values("去年两国贸易额近20亿美元，12月3日，29日。", "zh-Hans", None) == []
    assert _values("last year and yesterday", "en", None) == []


def test_anchor_precision_limits() -> None:
    # a year-only anchor can resolve 去年 but not 上个月 nor 29日
    assert _values("去年，上个月，29日。", "zh-Hans", "2025") == [("去年", "2024", True)]


def test_not_dates() -> None:
    text = ("日本周五要求。https://x.com/2022/04/29/n DOI:10.24833/2071-8160-2020-3-86-111 "
            "20亿日元，1号线，第3日")
    got = _values(text, "zh-Hans", "2022-05-01")
    assert got == [("周五", "2022-04-29", True)]


def test_dataclass_is_frozen() -> None:
    d = DateMention("去年", 0, 2, "2024", True)
    with pytest.raises(AttributeError):
        d.value = "x"  # type: ignore[misc]


def test_parse_date_unchanged() -> None:
    assert parse_date("2025年12月18日 10:30") == "2025-12-18"
    assert parse_date("Thu, 18 Dec 2025 10:30:00 +0500") == "2025-12-18"
    assert parse_date("18 декабря 2025 г.") == "2025-12-18"
    assert parse_date("2025 жылғы 18 желтоқсан") == "2025-12-18"
    assert parse_date("") is None


@pytest.mark.parametrize("text", ["", "7" * 1_000_000, ("2025年12月3日 去年 " * 10_000)[:100_000],
                                  "a@" * 50_000, "12月" * 30_000])
def test_bad_input_finishes(text: str) -> None:
    for d in find_dates(text, "zh-Hans", "2025-12-20"):
        assert text[d.start:d.end] == d.text


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 -./年月日号前去今周五 in since ago декабря году "
                                              "жылы желтоқсан")), max_size=60),
       st.sampled_from(["zh-Hans", "en", "ru", "ja", "kk", "und"]),
       st.sampled_from([None, "2025", "2025-12", "2025-12-20", "2024-02-29"]))
def test_never_raises(text: str, language: str, anchor: str | None) -> None:
    for d in find_dates(text, language, anchor):
        assert text[d.start:d.end] == d.text
        assert d.value[:4].isdigit()


def test_weekday_in_a_future_sentence_is_the_coming_one() -> None:
    anchor = "2025-12-17"  # a Wednesday
    ru = find_dates("В субботу Токаев примет участие в первом саммите.", "ru", anchor)
    assert [d.value for d in ru] == ["2025-12-20"]
    past = find_dates("В пятницу Токаев встретился с Такаити.", "ru", anchor)
    assert [d.value for d in past] == ["2025-12-12"]
    assert [d.value for d in find_dates("Tokayev will meet Takaichi on Friday.", "en", anchor)
            ] == ["2025-12-19"]
    assert [d.value for d in find_dates("托卡耶夫将于周六出席峰会。", "zh-Hans", anchor)
            ] == ["2025-12-20"]


def test_day_shortly_after_anchor_keeps_the_month() -> None:
    from attache.dates import find_dates

    assert [d.value for d in find_dates("20日には東京で開かれる", "ja", "2025-12-18")] == [
        "2025-12-20"]
    assert [d.value for d in find_dates("29日访问", "zh-Hans", "2022-05-01")] == ["2022-04-29"]


def test_relative_year_with_month() -> None:
    from attache.dates import find_dates

    assert [d.value for d in find_dates("去年8月，时任首相", "zh-Hans", "2025-12-21")] == [
        "2024-08"]
    assert [d.value for d in find_dates("в 2019–2022 годах", "ru", "2024-08-08")] == [
        "2019/2022"]


def test_was_to_take_place_on_friday_is_the_coming_friday() -> None:
    text = ("В пятницу в Астане (в 2019–2022 годах город назывался Нур-Султан) должен был пройти "
            "первый саммит.")
    got = find_dates(text, "ru", "2024-08-08")  # a Thursday
    assert got[0].text == "В пятницу" and got[0].value == "2024-08-09"


@pytest.mark.parametrize("text,lang,value", [
    ("about $800 million in the first half of this year", "en", "2025-01/2025-06"),
    ("the second half of last year", "en", "2024-07/2024-12"),
    ("H1 2025 trade", "en", "2025-01/2025-06"),
    ("今年上半年贸易额达8亿美元", "zh-Hans", "2025-01/2025-06"),
    ("上半期の貿易額", "ja", "2025-01/2025-06"),
    ("В первом полугодии 2025 года товарооборот вырос", "ru", "2025-01/2025-06"),
    ("Биылғы бірінші жартыжылдықта тауар айналымы өсті", "kk", "2025-01/2025-06"),
])
def test_half_years(text: str, lang: str, value: str) -> None:
    assert [d.value for d in find_dates(text, lang, "2025-08-26")] == [value]
