"""Event extraction on real sentences in six languages, and the seed score."""

from __future__ import annotations

import importlib.util
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from opencc import OpenCC

from attache.entities import find_entities
from attache.events import find_events
from attache.kb import KnowledgeBase, default_kb
from attache.model import Event

T2S = OpenCC("t2s")
SENT = re.compile(r"[^。！？!?\n]+[。！？!?]?")


@dataclass(frozen=True)
class D:
    text: str
    start: int
    end: int
    value: str
    relative: bool = False


def dates_in(text: str, language: str, published: str | None) -> list[Any]:
    try:
        from attache.dates import find_dates
    except ImportError:  # the dates module may predate find_dates
        return []
    return list(find_dates(text, language, published))


def extract(text: str, lang: str, kb: KnowledgeBase, published: str | None = "2025-12-20",
            dates: list[Any] | None = None) -> list[Event]:
    view = T2S.convert(text) if lang.startswith("zh") else text
    ents = find_entities(view, text, lang, kb, published)
    sents = [(m.start(), m.end()) for m in SENT.finditer(text)]
    ds = dates if dates is not None else dates_in(view, lang, published)
    return find_events(view, text, lang, sents, ents, published, ds)


CASES: list[tuple[str, str, str, set[str], str | None]] = [
    # (language, sentence, event type, participants that must be named, date prefix or None)
    ("zh-Hans", "2025年12月19日，托卡耶夫总统在东京会见日本首相高市早苗。", "meeting",
     {"Kassym-Jomart Tokayev", "Sanae Takaichi"}, "2025-12-19"),
    ("zh-Hans", "高市早苗表示，日本视哈萨克斯坦为战略伙伴。", "statement", {"Sanae Takaichi"},
     "2025-12"),
    ("zh-Hans", "哈萨克斯坦与日本关系密切。访问期间，双方签署14份政府间与部门间协议。", "signing", {"Kazakhstan", "Japan"},  # noqa: E501  (CJK counts double)
     None),
    ("zh-Hans", "2015年,哈萨克斯坦退出日本官方发展援助计划。", "other", {"Kazakhstan"}, "2015"),
    ("zh-Hans", "日本外相林义政2022年4月29日访问哈萨克斯坦。", "visit", {"Kazakhstan"}, "2022-04-29"),  # noqa: E501  (CJK counts double)
    ("zh-Hans", "总统访问以“中亚+日本”峰会收尾。", "summit", set(), "2025-12"),
    ("zh-Hant", "哈薩克斯坦總統托卡耶夫率先抵日,一口氣敲定14項雙邊協議。", "signing",
     {"Kassym-Jomart Tokayev"}, "2025-12"),
    ("zh-Hant", "托卡耶夫的專機已降落在東京羽田機場。", "visit", {"Kassym-Jomart Tokayev"}, "2025-12"),  # noqa: E501  (CJK counts double)
    ("zh-Hant", "德仁天皇親自在門口迎接托卡耶夫。", "meeting", {"Naruhito"}, "2025-12"),
    ("zh-Hant", "日本重視哈薩克斯坦。兩國高層隨即展開多輪閉門會談。", "meeting", {"Kazakhstan", "Japan"}, "2025-12"),  # noqa: E501  (CJK counts double)
    ("zh-Hant", "日本首相高市早苗在首相官邸舉辦歡迎晚宴。", "other", {"Sanae Takaichi"}, "2025-12"),
    ("zh-Hant", "高市早苗表示願與哈薩克斯坦合作。", "statement", {"Sanae Takaichi"}, "2025-12"),
    ("en", "On December 19, 2025 President Tokayev met Prime Minister Sanae Takaichi in Tokyo.",
     "meeting", {"Kassym-Jomart Tokayev", "Sanae Takaichi"}, "2025-12"),
    ("en", "Tokayev arrived in Tokyo for a state visit.", "visit", {"Kassym-Jomart Tokayev"},
     "2025-12"),
    ("en", "Kazakhstan and Japan signed 14 agreements.", "signing", {"Kazakhstan", "Japan"},
     "2025-12"),
    ("en", "Takaichi said Japan sees Kazakhstan as a strategic partner.", "statement",
     {"Sanae Takaichi"}, "2025-12"),
    ("en", "The Central Asia plus Japan summit will be held in Tokyo.", "summit", set(), None),
    ("en", "Kazakhstan abstained in the UN General Assembly vote.", "other", {"Kazakhstan"}, None),
    ("ru", "Касым-Жомарт Токаев прибыл в Токио с официальным визитом.", "visit",
     {"Kassym-Jomart Tokayev"}, "2025-12"),
    ("ru", "Токаев встретился с премьер-министром Японии Санаэ Такаити.", "meeting",
     {"Kassym-Jomart Tokayev", "Japan"}, "2025-12"),
    ("ru", "Казахстан и Япония дружат. Стороны подписали 14 межправительственных соглашений.", "signing", {"Japan"}, None),  # noqa: E501  (CJK counts double)
    ("ru", "Казахстан и Япония подписали соглашение о сотрудничестве.", "signing",
     {"Kazakhstan", "Japan"}, "2025-12"),
    ("ru", "Токаев заявил, что Япония является стратегическим партнером.", "statement",
     {"Kassym-Jomart Tokayev"}, "2025-12"),
    ("ru", "Саммит Центральная Азия – Япония прошел в Токио.", "summit", {"Japan"}, "2025-12"),
    ("ja", "トカエフ大統領は12月19日に高市首相と会談した。", "meeting",
     {"Kassym-Jomart Tokayev"}, "2025-12"),
    ("ja", "カザフスタンのトカエフ大統領が日本を訪問した。", "visit", {"Kazakhstan", "Japan"}, "2025-12"),  # noqa: E501  (CJK counts double)
    ("ja", "日本とカザフスタンの関係。両国は14の文書に署名した。", "signing", {"Kazakhstan", "Japan"}, "2025-12"),  # noqa: E501  (CJK counts double)
    ("ja", "高市首相は協力を深める考えを表明した。", "statement", set(), "2025-12"),
    ("ja", "中央アジア・プラス・ジャパン首脳会議が東京で開かれた。", "summit", set(), "2025-12"),
    ("ja", "カザフスタンとロシアは協議を続けた。", "meeting", {"Kazakhstan", "Russia"}, "2025-12"),
    ("kk", "Қасым-Жомарт Тоқаев Жапонияға ресми сапармен барды.", "visit",
     {"Kassym-Jomart Tokayev", "Japan"}, "2025-12"),
    ("kk", "Тоқаев Такаитимен кездесті.", "meeting", {"Kassym-Jomart Tokayev"}, "2025-12"),
    ("kk", "Қазақстан мен Жапония 14 құжатқа қол қойды.", "signing", {"Kazakhstan", "Japan"},
     "2025-12"),
    ("kk", "Тоқаев Жапонияның тәжірибесі маңызды екенін атап өтті.", "statement",
     {"Kassym-Jomart Tokayev"}, "2025-12"),
    ("kk", "Астанада Орталық Азия – Жапония форумы өтті, Қазақстан қатысты.", "forum",
     {"Kazakhstan"}, "2025-12"),
    ("kk", "Тоқаев Токиодағы саммитке қатысты.", "summit", {"Kassym-Jomart Tokayev"}, "2025-12"),
]


@pytest.mark.parametrize(("lang", "text", "typ", "who", "date"), CASES)
def test_sentences(lang: str, text: str, typ: str, who: set[str], date: str | None) -> None:
    events = extract(text, lang, default_kb())
    assert any(
        e.type == typ and who <= set(e.participants) and (date is None or (e.date or "")
                                                           .startswith(date[:7]))
        for e in events
    ), events
    for e in events:
        assert text[e.start:e.end] and e.trigger and e.trigger in text


def test_status_dedup_and_background() -> None:
    kb = default_kb()
    planned = extract("日本计划于2025年12月在东京举行中亚峰会。", "zh-Hans", kb)
    assert any(e.type == "summit" and e.status == "planned" for e in planned)
    postponed = extract("The visit of Tokayev to Japan was postponed.", "en", kb)
    assert any(e.status == "postponed" for e in postponed)
    cancelled = extract("Визит Токаева в Японию отменен.", "ru", kb)
    assert any(e.status == "cancelled" for e in cancelled)
    twice = extract("托卡耶夫会见高市早苗。托卡耶夫会见高市早苗。", "zh-Hans", kb)
    assert len([e for e in twice if e.type == "meeting"]) == 1
    old = extract("托卡耶夫曾会见日本官员。", "zh-Hans", kb)
    assert all(e.date is None for e in old)
    assert extract("", "en", kb) == []
    assert extract("今日天气很好。", "zh-Hans", kb) == []


def test_backreference_carries_the_date() -> None:
    kb = default_kb()
    text = "2025年12月17日，托卡耶夫总统访问东京。此次访问中，总统会见高市早苗。"
    events = extract(text, "zh-Hans", kb, published="2025-12-20",
                     dates=[D("2025年12月17日", 0, 11, "2025-12-17")])
    meeting = [e for e in events if e.type == "meeting"]
    assert meeting and meeting[0].date == "2025-12-17"
    assert "Kassym-Jomart Tokayev" in meeting[0].participants


def test_long_input_gives_events_that_quote_the_text() -> None:
    # A long repetitive text finishes (a hang fails the run); its speed is benchmarked by
    # scripts/bench_extract.py, not asserted here.
    kb = default_kb()
    text = "托卡耶夫会见高市早苗并表示欢迎。" * 5000
    events = extract(text, "zh-Hans", kb, dates=[])
    assert events and all(0 <= e.start < e.end <= len(text) for e in events)


# --- seeds ---------------------------------------------------------------------------------

BOILER = re.compile(r"^\s*(?:[-*]\s*\[.*|!\[.*|Фото:.*|Инфографика:.*|免责声明.*|版次:.*|"
                    r"来源:.*|\*\s+\[.*)$", re.M)
LINK = re.compile(r"\]\([^)\s]{0,4000}\)|https?://\S{1,4000}")


def seed_skips(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in BOILER.finditer(text)] + [
        (m.start(), m.end()) for m in LINK.finditer(text)]


# The seed scores of the whole pipeline (reader, normalizer, extractors) are measured by the
# quality gate in tests/test_quality_gate.py, from the CLI's own output.


def test_goldens_are_fresh() -> None:
    """Entity and event goldens match; regenerate with scripts/regen_golden_extract.py."""
    path = Path(__file__).resolve().parents[1] / "scripts" / "regen_golden_extract.py"
    spec = importlib.util.spec_from_file_location("regen_golden_extract", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    for name, item in mod.INPUTS.items():
        ents, events = mod.extract(item["text"], item["language"])
        golden = Path(__file__).parent / "golden"
        assert json.loads((golden / "entities" / f"{name}.json").read_text("utf-8")) == ents, name
        assert json.loads((golden / "events" / f"{name}.json").read_text("utf-8")) == events, name


def test_summit_leaders_come_from_the_attendance_sentence() -> None:
    kb = default_kb()
    text = ("首届峰会12月20日在东京举行。日本首相高市早苗同哈萨克斯坦总统托卡耶夫、"
            "乌兹别克斯坦总统米尔济约耶夫出席。六国元首签署了《东京宣言》。")
    events = extract(text, "zh-Hans", kb)
    summit = [e for e in events if e.type == "summit"]
    assert summit and {"Sanae Takaichi", "Kassym-Jomart Tokayev"} <= set(summit[0].participants)
    signing = [e for e in events if e.type == "signing"]
    assert signing and "Kassym-Jomart Tokayev" in signing[0].participants


def test_leaders_of_many_countries_meet_at_a_summit() -> None:
    kb = default_kb()
    text = ("President Sanae Takaichi met the leaders of Kazakhstan, Kyrgyzstan, Tajikistan and "
            "Uzbekistan on December 20, 2025, a meeting of heads of state.")
    assert any(e.type == "summit" for e in extract(text, "en", kb))


def test_two_leaders_sign_after_their_talks() -> None:
    kb = default_kb()
    text = "高市早苗首相は20日、トカエフ大統領と会談した。両首脳は会談後、共同声明に署名した。"
    signing = [e for e in extract(text, "ja", kb) if e.type == "signing"]
    assert signing and {"Sanae Takaichi", "Kassym-Jomart Tokayev"} <= set(signing[0].participants)


def test_plans_postponements_and_unresolved_speakers() -> None:
    kb = default_kb()
    nxt = extract("Саммит прошел в Астане с участием Токаева. Следующий саммит стороны планируют "
                  "провести через три года.", "ru", kb, published="2025-06-01")
    assert any(e.type == "summit" and e.date == "2028" and e.status == "planned" for e in nxt)
    moved = extract("A planned meeting in Tokyo of Japan and Kazakhstan was postponed until March.",
                    "en", kb, published="2025-02-11")
    assert any(e.type == "meeting" and e.status == "postponed" for e in moved)
    gone = extract("The meeting in Tokyo of Japan and Kazakhstan set for 2024 was postponed.",
                   "en", kb, published="2025-02-11")
    assert not any(e.type == "meeting" for e in gone)
    nobody = extract("日本一位官员表示，双方关系良好。", "zh-Hans", kb)
    assert not any(e.type == "statement" and e.participants == ("Japan",) for e in nobody)


# --- issue 8: calls, recalled events, actors ----------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Narendra Modi spoke with Vladimir Putin by telephone on Wednesday."),
    ("en", "Recep Tayyip Erdogan and Shavkat Mirziyoyev held a video call on Monday."),
    ("ru", "Касым-Жомарт Токаев провел телефонный разговор с Владимиром Путиным."),
    ("zh-Hans", "国家主席习近平8日同哈萨克斯坦总统托卡耶夫通电话。"),
    ("ja", "石破茂首相は4日、ウズベキスタンのミルジヨーエフ大統領と電話会談を行った。"),
    ("kk", "Қасым-Жомарт Тоқаев Владимир Путинмен телефон арқылы сөйлесті."),
])
def test_telephone_and_video_calls_are_meetings(lang: str, text: str) -> None:
    evs = extract(text, lang, default_kb(), published="2025-12-20")
    assert any(e.type == "meeting" and len(e.participants) >= 2 for e in evs), evs
    assert not any(e.type == "summit" for e in evs)


def test_a_summit_telephone_talk_is_not_a_summit() -> None:
    text = "岸田文雄首相は17日夜、トルコのエルドアン大統領と電話で首脳会談を行い、支援を伝えた。"
    evs = extract(text, "ja", default_kb(), published="2023-05-18")
    assert [e.type for e in evs if e.type in ("meeting", "summit")] == ["meeting"]


def test_recalled_events_are_background_and_dated_in_the_past() -> None:
    text = ("Kassym-Jomart Tokayev met Shavkat Mirziyoyev in Astana on Monday. "
            "In December 2021, Kazakhstan and Uzbekistan signed a treaty on allied relations.")
    evs = extract(text, "en", default_kb(), published="2025-12-20")
    signing = [e for e in evs if e.type == "signing"]
    assert signing and signing[0].date == "2021-12" and signing[0].status == "background"
    assert [e.status for e in evs if e.type == "meeting"] == ["happened"]


def test_a_weather_service_is_never_an_actor() -> None:
    text = "Kazhydromet said on Monday that Tokayev met Putin in Astana amid heavy snow."
    evs = extract(text, "en", default_kb(), published="2025-12-20")
    assert all("Kazhydromet" not in e.participants for e in evs)


def test_a_cancelled_trip_keeps_its_planned_month() -> None:
    text = "Визит Бахтиёра Саидова в Бишкек, намеченный на январь, отменен."
    evs = extract(text, "ru", default_kb(), published="2024-12-27")
    called_off = [e for e in evs if e.status == "cancelled"]
    assert called_off and called_off[0].date == "2025-01"
