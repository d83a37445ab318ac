"""The timeline: one event per happening, across documents, languages and date precisions."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from attache.evidence import EvidenceBase
from attache.timeline import TimelineEvent, timeline
from attache.topic import Topic
from tests.conftest import SAMPLE
from tests.test_ledger import World

TOKAYEV, TAKAICHI = "Kassym-Jomart Tokayev", "Sanae Takaichi"
HAYASHI, TILEUBERDI = "Yoshimasa Hayashi", "Mukhtar Tileuberdi"
KISHIDA = "Fumio Kishida"


@pytest.fixture()
def world() -> Iterator[World]:
    with EvidenceBase(":memory:") as eb:
        yield World(eb)


def of_type(events: list[TimelineEvent], type: str) -> list[TimelineEvent]:
    return [e for e in events if e.type == type]


def test_one_meeting_reported_in_three_languages_is_one_event(world: World) -> None:
    zh = world.doc("12月18日，托卡耶夫与日本首相高市早苗在东京举行会谈。", lang="zh-Hans",
                   published="2025-12-20", outlet="Xinhua")
    ru = world.doc("В четверг Токаев провел переговоры с Такаити в Токио.", lang="ru",
                   published="2025-12-19", outlet="TASS")
    en = world.doc("Tokayev held talks with Prime Minister Takaichi in Tokyo on Friday.",
                   published="2025-12-19", outlet="The Astana Times")
    world.event(zh, "托卡耶夫与日本首相高市早苗在东京举行会谈", "meeting",
                [TOKAYEV, TAKAICHI, "Japan"], "2025-12-18", "Tokyo")
    world.event(ru, "Токаев провел переговоры с Такаити", "meeting", [TOKAYEV, TAKAICHI],
                "2025-12-18", "Tokyo")
    # A different time zone puts the same talks on the next day.
    world.event(en, "Tokayev held talks", "meeting", [TAKAICHI, TOKAYEV], "2025-12-19", None)
    events = timeline(world.store)
    assert len(events) == 1
    e = events[0]
    assert (e.type, e.date, e.place, e.status) == ("meeting", "2025-12-18", "Tokyo", "happened")
    assert set(e.participants) == {TOKAYEV, TAKAICHI, "Japan"}
    assert e.independent_sources == 3
    assert {r.language for r in e.reports} == {"zh-Hans", "ru", "en"}
    for r in e.reports:
        assert world.store.text_of(r.doc_id)[r.start:r.end] == r.quote
    zh_report = next(r for r in e.reports if r.language == "zh-Hans")
    assert zh_report.quote == "12月18日，托卡耶夫与日本首相高市早苗在东京举行会谈。"
    assert json.loads(json.dumps([x.to_dict() for x in events], ensure_ascii=False))


def test_a_month_date_joins_the_day_in_that_month(world: World) -> None:
    pdf = world.doc("下月，首届“中亚+日本”峰会将在东京举行。", lang="zh-Hans",
                    published="2025-11-20", outlet="中亚经济观察")
    kk = world.doc("20 желтоқсанда Токиода саммит өтті.", lang="kk",
                   published="2025-12-21", outlet="Egemen Qazaqstan")
    en = world.doc("Leaders met at the summit in Tokyo on Saturday.",
                   published="2025-12-20", outlet="Kyodo News")
    series = "Central Asia plus Japan Dialogue"
    world.event(pdf, "首届“中亚+日本”峰会将在东京举行", "summit", [series, "Japan"], "2025-12",
                "Tokyo", status="planned")
    world.event(kk, "Токиода саммит өтті", "summit", ["Kazakhstan", "Japan"], "2025-12-20",
                "Tokyo")
    world.event(en, "Leaders met at the summit", "summit", [series, TOKAYEV, TAKAICHI],
                "2025-12-20", "Japan")
    events = timeline(world.store)
    assert len(events) == 1
    e = events[0]
    assert e.date == "2025-12-20"
    assert e.place == "Tokyo"
    assert e.status == "happened"  # the November plan, confirmed by December's reports
    assert e.statuses == ("happened", "planned")
    # The November preview is an announcement: it is a report, not an independent source.
    assert len(e.reports) == 3 and e.independent_sources == 2


def test_planned_postponed_and_cancelled_are_marked(world: World) -> None:
    early = world.doc("Kishida will visit Kazakhstan from August 9.",
                      published="2024-08-01", outlet="NHK")
    tass = world.doc("Кисида отменил поездку в Казахстан.", lang="ru",
                     published="2024-08-08", outlet="TASS")
    later = world.doc("A summit in Astana is planned for next year.",
                      published="2025-12-20", outlet="Kazinform")
    world.event(early, "Kishida will visit Kazakhstan", "visit", [KISHIDA, "Kazakhstan"],
                "2024-08-09", "Kazakhstan", status="planned")
    world.event(tass, "Кисида отменил поездку", "visit", [KISHIDA, "Kazakhstan"], "2024-08",
                "Astana", status="cancelled")
    world.event(later, "A summit in Astana is planned", "summit", ["Japan", "Kazakhstan"],
                "2026", "Astana", status="planned")
    events = timeline(world.store)
    visit, summit = of_type(events, "visit"), of_type(events, "summit")
    assert len(visit) == 1 and len(summit) == 1
    assert (visit[0].date, visit[0].status, visit[0].independent_sources) == (
        "2024-08-09", "cancelled", 2)
    assert visit[0].place == "Astana"
    assert visit[0].marked
    assert (summit[0].status, summit[0].marked) == ("planned", True)


def test_meeting_and_visit_of_the_same_people_stay_apart_but_related(world: World) -> None:
    d = world.doc("Hayashi arrived in Nur-Sultan on a visit and met Tokayev the same day.",
                  published="2022-04-30", outlet="NHK")
    world.event(d, "Hayashi arrived in Nur-Sultan on a visit", "visit",
                [HAYASHI, TOKAYEV], "2022-04-29", "Astana")
    world.event(d, "met Tokayev the same day", "meeting", [HAYASHI, TOKAYEV], "2022-04-29",
                "Astana")
    events = timeline(world.store)
    assert sorted(e.type for e in events) == ["meeting", "visit"]
    meeting, visit = of_type(events, "meeting")[0], of_type(events, "visit")[0]
    assert meeting.related == (visit.id,) and visit.related == (meeting.id,)


def test_meetings_with_different_people_on_one_day_stay_apart(world: World) -> None:
    d = world.doc("Hayashi met President Tokayev and then Foreign Minister Tileuberdi.",
                  published="2022-04-30", outlet="The Astana Times")
    e2 = world.doc("林外相はトカエフ大統領と会談した。", lang="ja", published="2022-04-30",
                   outlet="NHK")
    world.event(d, "Hayashi met President Tokayev", "meeting", [HAYASHI, TOKAYEV, "Japan"],
                "2022-04-29", "Astana")
    world.event(d, "Foreign Minister Tileuberdi", "meeting", [HAYASHI, TILEUBERDI, "Japan"],
                "2022-04-29", "Astana")
    world.event(e2, "林外相はトカエフ大統領と会談した", "meeting", [HAYASHI, TOKAYEV],
                "2022-04-29", None)
    events = timeline(world.store)
    assert len(events) == 2
    with_tokayev = next(e for e in events if TOKAYEV in e.participants)
    assert with_tokayev.independent_sources == 2 and len(with_tokayev.reports) == 2


def test_a_reprint_is_one_source_and_undated_events_come_last(world: World) -> None:
    text = "托卡耶夫12月17日抵达东京，开始对日本进行正式访问。"
    a = world.doc(text, lang="zh-Hans", published="2025-12-18", outlet="Xinhua")
    b = world.doc("轉載：" + text, lang="zh-Hant", published="2025-12-19", outlet="LTN",
                  duplicate_of=a)
    c = world.doc("The two sides discussed a forum at some point.", published="2025-12-19",
                  outlet="Outlet C")
    for d in (a, b):
        world.event(d, "托卡耶夫12月17日抵达东京", "visit", [TOKAYEV, "Japan"], "2025-12-17",
                    "Tokyo")
    world.event(c, "discussed a forum", "forum", ["Japan", "Kazakhstan"], None)
    events = timeline(world.store)
    assert [e.type for e in events] == ["visit", "forum"]
    visit = events[0]
    assert len(visit.reports) == 2 and visit.independent_sources == 1
    assert next(r for r in visit.reports if r.doc_id == b).reprint_of == a
    assert events[-1].date is None


def test_a_topic_keeps_the_events_of_its_entities(world: World) -> None:
    a = world.doc("Tokayev met Takaichi in Tokyo.", published="2025-12-18", outlet="Outlet A")
    b = world.doc("Xi Jinping met Tokayev in Astana.", published="2025-06-17",
                  outlet="Outlet B")
    world.mention(a, "Tokayev", TOKAYEV, "person")
    world.mention(a, "Takaichi", TAKAICHI, "person")
    world.mention(b, "Tokayev", TOKAYEV, "person")
    world.event(a, "Tokayev met Takaichi", "meeting", [TOKAYEV, TAKAICHI], "2025-12-18",
                "Tokyo")
    world.event(b, "Xi Jinping met Tokayev", "meeting", ["Xi Jinping", TOKAYEV], "2025-06-17",
                "Astana")
    assert len(timeline(world.store)) == 2
    events = timeline(world.store, Topic("Japan Kazakhstan", ("Japan", "Kazakhstan")))
    assert [e.date for e in events] == ["2025-12-18"]


def test_one_persons_meetings_with_different_counterparts_stay_apart(world: World) -> None:
    d = world.doc("Tokayev met the heads of several companies. He met Komatsu president "
                  "Senzaki. He held talks with Rakuten Group. He also met the Emperor.",
                  published="2025-12-20", outlet="Kazinform")
    e = world.doc("Токаев провел переговоры с Rakuten Group.", lang="ru",
                  published="2025-12-21", outlet="Egemen Qazaqstan")
    series = "Central Asia plus Japan Dialogue"
    world.event(d, "Tokayev met the heads of several companies", "meeting", [TOKAYEV],
                "2025-12-20")
    world.event(d, "He met Komatsu president Senzaki", "meeting",
                [TOKAYEV, "Masafumi Senzaki", "Kazakhstan"], "2025-12-20")
    world.event(d, "He held talks with Rakuten Group", "meeting", [TOKAYEV, "Rakuten Group"],
                "2025-12-20")
    world.event(d, "He also met the Emperor", "meeting", [TOKAYEV, "Naruhito", "Japan"],
                "2025-12-20")
    world.event(e, "Токаев провел переговоры с Rakuten Group", "meeting",
                [TOKAYEV, "Rakuten Group"], "2025-12-20")
    # Summits of one series in one month stay one event whoever each report names.
    world.event(d, "Tokayev met the heads", "summit", [series, TOKAYEV], "2025-12-20", "Tokyo")
    world.event(e, "Токаев провел", "summit", [series, TAKAICHI], "2025-12-19", "Tokyo")
    events = timeline(world.store)
    meetings = of_type(events, "meeting")
    assert sorted(tuple(sorted(set(m.participants) - {TOKAYEV, "Japan", "Kazakhstan"}))
                  for m in meetings) == [("Masafumi Senzaki",), ("Naruhito",),
                                         ("Rakuten Group",)]
    rakuten = next(m for m in meetings if "Rakuten Group" in m.participants)
    assert rakuten.independent_sources == 2
    # The report that names only Tokayev joins one of them, and only one.
    assert sum(len(m.reports) for m in meetings) == 5
    assert len(of_type(events, "summit")) == 1


def test_a_summit_is_held_in_the_city_not_at_the_airport(world: World) -> None:
    a = world.doc("托卡耶夫的專機已降落在東京羽田機場，準備出席峰會。", lang="zh-Hant",
                  published="2025-12-18", outlet="NetEase Hao")
    b = world.doc("Tokayev landed at Haneda ahead of the summit.", published="2025-12-19",
                  outlet="Outlet B")
    c = world.doc("日本与中亚五国20日在东京举行首届峰会。", lang="zh-Hans",
                  published="2025-12-20", outlet="Kyodo News")
    series = "Central Asia plus Japan Dialogue"
    world.event(a, "托卡耶夫的專機已降落在東京羽田機場", "summit", [series, TOKAYEV], "2025-12-20",
                "Haneda Airport")
    world.event(b, "Tokayev landed at Haneda", "summit", [series, TOKAYEV], "2025-12-20",
                "Haneda Airport")
    world.event(c, "日本与中亚五国20日在东京举行首届峰会", "summit", [series, "Japan"],
                "2025-12-20", "Tokyo")
    events = timeline(world.store)
    assert len(events) == 1 and events[0].place == "Tokyo"
    # Reports of the 18th and 19th were written before the summit: announcements, not sources.
    assert len(events[0].reports) == 3 and events[0].independent_sources == 1


def test_a_meeting_at_a_building_in_a_city_is_one_meeting_placed_at_the_building(
        world: World) -> None:
    a = world.doc("高市早苗首相は18日、トカエフ大統領と首相官邸で会談した。", lang="ja",
                  published="2025-12-18", outlet="Nikkei")
    b = world.doc("Tokayev held talks with Takaichi in Tokyo.", published="2025-12-19",
                  outlet="Kazinform")
    c = world.doc("Tokayev met Takaichi in Asia's largest city.", published="2025-12-19",
                  outlet="Outlet C")
    world.event(a, "トカエフ大統領と首相官邸で会談した", "meeting", [TAKAICHI, TOKAYEV],
                "2025-12-18", "Kantei")
    world.event(b, "Tokayev held talks with Takaichi", "meeting", [TOKAYEV, TAKAICHI],
                "2025-12-18", "Tokyo")
    world.event(c, "Tokayev met Takaichi", "meeting", [TOKAYEV, TAKAICHI], "2025-12-18", "Asia")
    events = timeline(world.store)
    assert len(events) == 1
    assert events[0].place == "Kantei" and events[0].independent_sources == 3


def test_a_statement_keeps_only_the_city_where_it_was_made(world: World) -> None:
    a = world.doc("高市早苗在台湾问题上表示，日本立场没有改变。", lang="zh-Hans",
                  published="2025-12-04", outlet="Baidu")
    b = world.doc("Takaichi said in Tokyo that Japan values Kazakhstan.",
                  published="2025-12-18", outlet="Kyodo News")
    c = world.doc("托卡耶夫在会谈中说，日本是哈萨克斯坦在亚洲最重要的伙伴之一。", lang="zh-Hans",
                  published="2025-12-20", outlet="Akorda")
    d = world.doc("Tokayev said in Tokyo the question of Tokyo transport was settled.",
                  published="2025-12-10", outlet="Outlet D")
    world.event(a, "高市早苗在台湾问题上表示", "statement", [TAKAICHI], "2025-12-03", "Taiwan")
    world.event(b, "Takaichi said in Tokyo", "statement", [TAKAICHI], "2025-12-18", "Tokyo")
    world.event(c, "托卡耶夫在会谈中说", "statement", [TOKAYEV], "2025-12-18", "Asia")
    world.event(d, "Tokayev said in Tokyo", "statement", [TOKAYEV], "2025-12-09", "Tokyo")
    places = {(e.date, e.participants[0]): e.place for e in timeline(world.store)}
    assert places == {("2025-12-03", TAKAICHI): None, ("2025-12-18", TAKAICHI): "Tokyo",
                      ("2025-12-18", TOKAYEV): None, ("2025-12-09", TOKAYEV): "Tokyo"}


def test_a_statement_about_a_place_named_as_a_topic_has_no_place(world: World) -> None:
    a = world.doc("Takaichi spoke on the Taiwan question and the Tokyo issue.",
                  published="2025-12-18", outlet="Outlet A")
    world.event(a, "Takaichi spoke", "statement", [TAKAICHI], "2025-12-18", "Tokyo")
    assert timeline(world.store)[0].place is None


def test_platforms_and_media_are_not_participants(world: World) -> None:
    a = world.doc("Kuleba wrote on Twitter after meeting Tileuberdi, Kazinform reported.",
                  published="2022-04-25", outlet="Outlet A")
    b = world.doc("〔國際新聞中心／綜合報導〕日本與中亞五國20日在東京舉行峰會，JICA出席。",
                  lang="zh-Hant", published="2025-12-21", outlet="Liberty Times")
    world.event(a, "Kuleba wrote on Twitter after meeting Tileuberdi", "meeting",
                ["Dmytro Kuleba", "Twitter", TILEUBERDI, "Kazinform", "X", "Telegram"],
                "2022-04-25")
    world.event(b, "日本與中亞五國20日在東京舉行峰會", "summit",
                ["Japan", "国际新闻中心", "JICA", "Weibo"], "2025-12-20", "Tokyo")
    events = timeline(world.store)
    meeting, summit = of_type(events, "meeting")[0], of_type(events, "summit")[0]
    assert set(meeting.participants) == {"Dmytro Kuleba", TILEUBERDI}
    assert set(summit.participants) == {"Japan", "JICA"}
    assert all(set(r.participants) <= set(e.participants) for e in events for r in e.reports)


def test_reports_after_the_date_that_say_happened_and_planned_mean_it_happened(
        world: World) -> None:
    series = "Central Asia plus Japan Dialogue"
    before = world.doc("托卡耶夫还将出席20日在东京举行的峰会。", lang="zh-Hans",
                       published="2025-12-18", outlet="Xinhua")
    held = world.doc("首届峰会20日在东京举行。", lang="zh-Hans", published="2025-12-20",
                     outlet="Kyodo News")
    nxt = world.doc("Leaders agreed that the next summit will be held in Kazakhstan.",
                    published="2025-12-22", outlet="The Astana Times")
    nxt2 = world.doc("下屆峰會將在哈薩克舉行。", lang="zh-Hant", published="2025-12-21",
                     outlet="Liberty Times")
    world.event(before, "托卡耶夫还将出席20日在东京举行的峰会", "summit", [series, TOKAYEV],
                "2025-12-20", "Tokyo", status="planned")
    world.event(held, "首届峰会20日在东京举行", "summit", [series], "2025-12-20", "Tokyo")
    world.event(nxt, "the next summit will be held", "summit", [series, "Kazakhstan"],
                "2025-12", None, status="planned")
    world.event(nxt2, "下屆峰會將在哈薩克舉行", "summit", [series, "Kazakhstan"], "2025-12",
                None, status="planned")
    events = timeline(world.store)
    assert len(events) == 1
    e = events[0]
    assert (e.date, e.status, e.statuses) == ("2025-12-20", "happened", ("happened", "planned"))
    assert not e.marked


@pytest.mark.slow
def test_sample_corpus_has_one_tokyo_summit_with_several_sources(tmp_path: Path) -> None:
    pytest.importorskip("attache.events")
    with EvidenceBase(tmp_path / "sample.db") as eb:
        report = eb.ingest([str(SAMPLE)])
        assert report.ok, report.failures
        events = timeline(eb.store)
        summits = [e for e in events if e.type == "summit" and e.date == "2025-12-20"]
        assert len(summits) == 1, [e.to_dict() for e in summits]
        assert summits[0].independent_sources >= 2
        assert summits[0].status == "happened"
        dated = [e.date for e in events if e.date]
        assert dated == sorted(dated)


def test_a_called_off_trip_is_one_row_with_its_status(world: World) -> None:
    a = world.doc("Kishida cancelled his trip to Astana.", published="2024-08-08", outlet="TASS")
    b = world.doc("岸田推迟了中亚之行。", published="2024-08-09", outlet="Xinhua")
    c = world.doc("Kishida's summit in Astana was postponed.", published="2024-08-12",
                  outlet="AI-generated digest")
    world.event(a, "Kishida cancelled his trip to Astana", "visit",
                ["Fumio Kishida", "Kazakhstan"], "2024-08-09", "Astana", status="cancelled")
    world.event(b, "岸田推迟了中亚之行", "other", ["Fumio Kishida"], "2024-08", None,
                status="postponed")
    world.event(c, "Kishida's summit in Astana was postponed", "summit",
                ["Fumio Kishida", "Kazakhstan"], "2024-08-12", "Astana", status="postponed")
    events = timeline(world.store)
    assert len(events) == 1, [(e.type, e.date, e.status) for e in events]
    [e] = events
    assert e.type != "other" and len(e.reports) == 3
    assert e.status in ("postponed", "cancelled") and set(e.statuses) == {"cancelled",
                                                                          "postponed"}
