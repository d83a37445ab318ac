"""The figure ledger: agree, conflict, update, single-source, reprints and translations once.

The world is built in memory, row by row through the store's tables, so these tests do not
depend on the extractors; one end-to-end test runs the whole pipeline over the sample corpus.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
import sqlalchemy as sa

from attache.evidence import EvidenceBase
from attache.ledger import (
    FigureGroup,
    Ledger,
    figure_ledger,
    format_spread,
    format_value,
    interval,
    stock_or_flow,
    subject_fits_unit,
)
from attache.model import document_id, make_id
from attache.normalize import matching_view
from attache.store import (
    documents,
    entities,
    event_entities,
    events,
    figure_entities,
    figures,
    mentions,
    sentences,
    sources,
)
from attache.topic import Topic
from tests.conftest import SAMPLE

_SENTENCE = re.compile(r"[^\s][^\n]*?(?:[.!?](?=\s|$)|[。！？]|(?=\n)|$)")


class World:
    """A store filled by hand: documents with sentences, mentions, figures and events."""

    def __init__(self, eb: EvidenceBase) -> None:
        self.eb = eb
        self.store = eb.store

    def doc(self, text: str, *, lang: str = "en", published: str | None = None,
            outlet: str | None = None, kind: str = "newspaper", guessed: bool = False,
            duplicate_of: str | None = None) -> str:
        doc_id = document_id(text)
        source_id = make_id("src", outlet or f"unknown {doc_id}")
        seg = self.eb.segmenter
        view = matching_view(text).text
        with self.store.engine.begin() as conn:
            conn.execute(sa.insert(sources).prefix_with("OR IGNORE").values(
                id=source_id, name=outlet or "unknown source", kind=kind, country=None,
                guessed=guessed or outlet is None))
            conn.execute(sa.insert(documents).values(
                id=doc_id, location=f"mem://{doc_id}", format="txt", title=None,
                outlet=outlet, url=None, published=published,
                published_source="header" if published else "none",
                published_precision="day" if published else None, language=lang,
                source_id=source_id, encoding="utf-8", text=text, links="[]", meta="[]",
                minhash=None, duplicate_of=duplicate_of, duplicate_score=None,
                extracted=True, ingested_at="2025-12-31T00:00:00+00:00"))
            for i, m in enumerate(_SENTENCE.finditer(text)):
                if not m.group().strip():
                    continue
                conn.execute(sa.insert(sentences).values(
                    doc_id=doc_id, idx=i, start=m.start(), end=m.end(), language=lang,
                    boilerplate=None, fp=None))
                toks = " ".join(seg.index_tokens(view[m.start():m.end()]))
                conn.execute(sa.text("INSERT INTO sentence_fts(doc_id, idx, tokens) "
                                     "VALUES (:d, :i, :t)"), {"d": doc_id, "i": i, "t": toks})
        return doc_id

    def _span(self, doc_id: str, fragment: str) -> tuple[int, int]:
        text = self.store.text_of(doc_id)
        start = text.index(fragment)
        return start, start + len(fragment)

    def mention(self, doc_id: str, fragment: str, name: str, type: str = "country") -> None:
        s, e = self._span(doc_id, fragment)
        eid = make_id("ent", name)
        with self.store.engine.begin() as conn:
            conn.execute(sa.insert(entities).prefix_with("OR IGNORE").values(
                id=eid, name=name, type=type, linked=True))
            conn.execute(sa.insert(mentions).values(doc_id=doc_id, start=s, end=e,
                                                    entity_id=eid, text=fragment))

    def figure(self, doc_id: str, fragment: str, value: float, *, unit: str = "USD",
               qualifier: str = "exact", subject: str | None = "investment",
               ents: Sequence[str] = ("Japan", "Kazakhstan"), period: str | None = None,
               value_max: float | None = None) -> None:
        s, e = self._span(doc_id, fragment)
        with self.store.engine.begin() as conn:
            conn.execute(sa.insert(figures).values(
                id=make_id("fig", doc_id, s, e), doc_id=doc_id, start=s, end=e, text=fragment,
                value=value, value_max=value_max, unit=unit, qualifier=qualifier,
                subject=subject, entities=json.dumps(list(ents), ensure_ascii=False),
                period=period))
            for n in set(ents):  # the entity index the store keeps beside the JSON column
                conn.execute(sa.insert(figure_entities).values(
                    name=n, figure_id=make_id("fig", doc_id, s, e)))

    def event(self, doc_id: str, fragment: str, type: str, participants: Sequence[str],
              date: str | None, place: str | None = None, status: str = "happened") -> None:
        s, e = self._span(doc_id, fragment)
        with self.store.engine.begin() as conn:
            conn.execute(sa.insert(events).values(
                id=make_id("evt", doc_id, s, e, type, *participants), doc_id=doc_id,
                start=s, end=e, type=type,
                participants=json.dumps(list(participants), ensure_ascii=False),
                date=date, place=place, status=status, trigger=None))
            for n in set(participants):
                conn.execute(sa.insert(event_entities).values(
                    name=n, event_id=make_id("evt", doc_id, s, e, type, *participants)))


@pytest.fixture()
def world() -> Iterator[World]:
    with EvidenceBase(":memory:") as eb:
        yield World(eb)


def only(ledger: Ledger, subject: str, unit: str = "USD") -> FigureGroup:
    found = [g for g in ledger.groups if g.subject == subject and g.unit == unit]
    assert len(found) == 1, [g.measure for g in ledger.groups]
    return found[0]


# ---- verdicts -----------------------------------------------------------------------------


def test_figures_for_one_period_that_fit_together_agree(world: World) -> None:
    a = world.doc("Trade between Japan and Kazakhstan reached nearly $2 billion last year.",
                  published="2025-12-22", outlet="The Astana Times")
    b = world.doc("Товарооборот Казахстана и Японии в прошлом году составил 1,8 млрд долларов.",
                  lang="ru", published="2025-12-19", outlet="Kazinform")
    c = world.doc("去年哈日贸易额近20亿美元。", lang="zh-Hans", published="2025-12-20",
                  outlet="Xinhua")
    world.figure(a, "nearly $2 billion", 2e9, qualifier="approx", subject="trade", period="2024")
    world.figure(b, "1,8 млрд долларов", 1.8e9, subject="trade", period="2024")
    world.figure(c, "近20亿美元", 2e9, qualifier="approx", subject="trade", period="2024")
    g = only(figure_ledger(world.store), "trade")
    assert g.verdict == "agree"
    assert g.sources == 3
    assert g.periods == ("2024",)
    assert g.kind == "flow"
    assert g.measure == "trade · Japan, Kazakhstan · USD · 2024"
    assert g.spread == (1.8e9, 2e9)
    assert g.relative_spread == pytest.approx(0.1111, abs=1e-3)


def test_exact_figures_that_differ_conflict(world: World) -> None:
    a = world.doc("Trade with Japan reached $2 billion in 2024, Kazakhstan said.",
                  published="2025-08-26", outlet="Tengrinews")
    b = world.doc("Kazakhstan's trade with Japan was $1.8 billion in 2024.",
                  published="2025-12-18", outlet="Nikkei")
    world.figure(a, "$2 billion", 2e9, subject="trade", period="2024")
    world.figure(b, "$1.8 billion", 1.8e9, subject="trade", period="2024")
    g = only(figure_ledger(world.store), "trade")
    assert g.verdict == "conflict"
    assert g.sources == 2


def test_a_cumulative_total_reported_in_different_years_is_an_update(world: World) -> None:
    a = world.doc("Japan has invested about $7.7 billion in Kazakhstan since 1993.",
                  published="2022-04-30", outlet="The Astana Times")
    b = world.doc("Japanese investment in Kazakhstan since 1993 exceeds $8.5 billion.",
                  published="2025-12-22", outlet="Egemen Qazaqstan")
    c = world.doc("Japan's investment in Kazakhstan is around $9 billion, the minister said.",
                  published="2025-08-26", outlet="Tengrinews")
    world.figure(a, "about $7.7 billion", 7.7e9, qualifier="approx", period="1993/2022")
    world.figure(b, "$8.5 billion", 8.5e9, qualifier="over", period="1993")
    world.figure(c, "around $9 billion", 9e9, qualifier="approx")
    g = only(figure_ledger(world.store), "investment")
    assert g.verdict == "update"
    assert g.kind == "stock"
    assert g.periods == ("2022", "2025")
    assert g.sources == 3
    assert [f.as_of for f in g.figures] == ["2022", "2025-08-26", "2025-12-22"]
    assert g.measure == "investment · Japan, Kazakhstan · USD"


def test_one_source_is_single_source_and_a_reprint_counts_once(world: World) -> None:
    text = "日本对哈萨克斯坦投资超过85亿美元。"
    a = world.doc(text, lang="zh-Hans", published="2025-12-20", outlet="Kyodo News")
    b = world.doc("（转载）" + text, lang="zh-Hant", published="2025-12-21",
                  outlet="Liberty Times", duplicate_of=a)
    world.figure(a, "超过85亿美元", 8.5e9, qualifier="over")
    world.figure(b, "超过85亿美元", 8.5e9, qualifier="over")
    g = only(figure_ledger(world.store), "investment")
    assert g.verdict == "single-source"
    assert g.sources == 1
    reprint = next(f for f in g.figures if f.doc_id == b)
    assert (reprint.reprint_of, reprint.relation) == (a, "reprint")
    assert g.reprints == ((b, a),)
    assert next(f for f in g.figures if f.doc_id == a).reprint_of is None


def test_translations_of_one_story_count_once(world: World) -> None:
    # The same outlet in two languages, a day apart.
    en = world.doc("Japan and Kazakhstan signed 14 agreements; Japanese investment exceeds "
                   "$8.5 billion.", published="2025-12-19", outlet="Kazinform")
    ru = world.doc("Япония и Казахстан подписали 14 соглашений; японские инвестиции превышают "
                   "8,5 млрд долларов.", lang="ru", published="2025-12-20", outlet="Kazinform")
    # An unidentified site translating the story the same day, with the same figures.
    zh = world.doc("日哈签署14项协议，日本投资超过85亿美元。", lang="zh-Hans",
                   published="2025-12-20")
    for d, frag14, frag85 in ((en, "14 agreements", "$8.5 billion"),
                              (ru, "14 соглашений", "8,5 млрд долларов"),
                              (zh, "14项协议", "超过85亿美元")):
        world.figure(d, frag14, 14, unit="count", subject="agreements")
        world.figure(d, frag85, 8.5e9, qualifier="over")
    ledger = figure_ledger(world.store)
    inv = only(ledger, "investment")
    assert inv.sources == 1 and inv.verdict == "single-source"
    relations = {f.doc_id: f.relation for f in inv.figures}
    assert relations == {en: None, ru: "same-outlet", zh: "translation"}
    assert only(ledger, "agreements", "count").sources == 1


def test_two_identified_outlets_with_the_same_numbers_are_two_sources(world: World) -> None:
    a = world.doc("Japan and Kazakhstan signed 14 agreements worth over $3.7 billion.",
                  published="2025-12-20", outlet="Kazinform")
    b = world.doc("日本とカザフスタンは14の文書に署名し、37億ドル超の商談が成立した。",
                  lang="ja", published="2025-12-20", outlet="Nikkei")
    for d, f14, f37 in ((a, "14 agreements", "over $3.7 billion"), (b, "14の文書", "37億ドル超")):
        world.figure(d, f14, 14, unit="count", subject="agreements")
        world.figure(d, f37, 3.7e9, qualifier="over", subject="contracts")
    g = only(figure_ledger(world.store), "contracts")
    assert g.sources == 2 and g.verdict == "agree"


@pytest.mark.parametrize(("first", "second", "verdict"), [
    (("over", 8.5e9), ("approx", 9e9), "agree"),       # over 8.5 is consistent with 9
    (("over", 8.5e9), ("exact", 9e9), "agree"),
    (("over", 8.5e9), ("under", 8e9), "conflict"),     # over X and under Y < X
    (("approx", 2e9), ("exact", 1.8e9), "agree"),      # 近20亿 and 18亿 within ±12%
    (("exact", 2e9), ("exact", 1.8e9), "conflict"),
    (("over", 8.5e9), ("exact", 15e9), "conflict"),    # nobody says "over 8.5" for 15
    (("range", 8e9), ("approx", 8.5e9), "agree"),
])
def test_qualifiers_decide_agreement(world: World, first: tuple[str, float],
                                     second: tuple[str, float], verdict: str) -> None:
    a = world.doc("First report: Japanese investment in Kazakhstan stands at X.",
                  published="2025-12-20", outlet="Outlet A")
    b = world.doc("Second report: Japanese investment in Kazakhstan stands at Y.",
                  published="2025-12-21", outlet="Outlet B")
    vmax = 9e9 if first[0] == "range" else None
    world.figure(a, "X", first[1], qualifier=first[0], value_max=vmax)
    world.figure(b, "Y", second[1], qualifier=second[0])
    assert only(figure_ledger(world.store), "investment").verdict == verdict


def test_different_currencies_are_never_compared(world: World) -> None:
    a = world.doc("Japanese investment in Kazakhstan exceeds $8.5 billion.",
                  published="2025-12-20", outlet="Outlet A")
    b = world.doc("日本の対カザフスタン投資は1兆3000億円に達した。", lang="ja",
                  published="2025-12-20", outlet="Outlet B")
    c = world.doc("Japanese investment in Kazakhstan is about $8.7 billion.",
                  published="2025-12-21", outlet="Outlet C")
    world.figure(a, "$8.5 billion", 8.5e9, qualifier="over")
    world.figure(b, "1兆3000億円", 1.3e12, unit="JPY")
    world.figure(c, "about $8.7 billion", 8.7e9, qualifier="approx")
    ledger = figure_ledger(world.store)
    usd, jpy = only(ledger, "investment", "USD"), only(ledger, "investment", "JPY")
    assert usd.verdict == "agree" and usd.sources == 2
    assert jpy.verdict == "single-source" and len(jpy.figures) == 1


def test_measures_split_by_entities_and_subjects(world: World) -> None:
    a = world.doc("Japan invested $1 billion in Kazakhstan and $2 billion in Uzbekistan.",
                  published="2025-12-20", outlet="Outlet A")
    world.figure(a, "$1 billion", 1e9)
    world.figure(a, "$2 billion", 2e9, ents=("Japan", "Uzbekistan"))
    world.figure(a, "Japan", 1, unit="count", subject=None)  # no subject: not in the ledger
    ledger = figure_ledger(world.store)
    assert sorted(g.measure for g in ledger.groups) == [
        "investment · Japan, Kazakhstan · USD", "investment · Japan, Uzbekistan · USD"]


def test_a_person_or_city_counts_as_its_country(world: World) -> None:
    a = world.doc("Tokayev said Japanese investment tops $8.5 billion.",
                  published="2025-12-20", outlet="Outlet A")
    b = world.doc("In Astana, officials put Japanese investment at about $9 billion.",
                  published="2025-12-21", outlet="Outlet B")
    world.figure(a, "$8.5 billion", 8.5e9, qualifier="over",
                 ents=("Kassym-Jomart Tokayev", "Japan"))
    world.figure(b, "about $9 billion", 9e9, qualifier="approx", ents=("Astana", "Japan"))
    g = only(figure_ledger(world.store), "investment")
    assert g.entities == ("Japan", "Kazakhstan") and g.sources == 2


def test_every_figure_is_quoted_from_its_sentence_and_serialises(world: World) -> None:
    text = "Intro line.\nJapan has invested about $7.7 billion in Kazakhstan since 1993. End."
    a = world.doc(text, published="2022-04-30", outlet="The Astana Times", kind="newspaper")
    world.figure(a, "about $7.7 billion", 7.7e9, qualifier="approx", period="1993/2022")
    ledger = figure_ledger(world.store)
    f = ledger.groups[0].figures[0]
    assert text[f.quote_start:f.quote_end] == f.quote
    assert f.quote == "Japan has invested about $7.7 billion in Kazakhstan since 1993."
    assert text[f.start:f.end] == f.text == "about $7.7 billion"
    assert (f.outlet, f.source_kind, f.language, f.published) == (
        "The Astana Times", "newspaper", "en", "2022-04-30")
    assert f.location == f"mem://{a}"
    d = json.loads(json.dumps(ledger.to_dict(), ensure_ascii=False))
    assert d["groups"][0]["figures"][0]["quote"] == f.quote
    assert d["groups"][0]["verdict"] == "single-source"


def test_a_topic_narrows_the_ledger_to_its_entities_and_subject(world: World) -> None:
    a = world.doc("Japan's investment in Kazakhstan exceeds $8.5 billion; trade was $2 billion.",
                  published="2025-12-20", outlet="Outlet A")
    b = world.doc("China's investment in Kazakhstan reached $25 billion.",
                  published="2025-12-20", outlet="Outlet B")
    world.figure(a, "$8.5 billion", 8.5e9, qualifier="over")
    world.figure(a, "$2 billion", 2e9, subject="trade", period="2024")
    world.figure(b, "$25 billion", 25e9, ents=("China", "Kazakhstan"))
    topic = Topic("Japan investment in Kazakhstan", ("Japan", "Kazakhstan"), ("investment",))
    ledger = figure_ledger(world.store, topic)
    assert [g.measure for g in ledger.groups] == ["investment · Japan, Kazakhstan · USD"]
    assert ledger.to_dict()["topic"]["entity_names"] == ["Japan", "Kazakhstan"]


def test_interval_and_period_rules() -> None:
    assert interval(1.8e9, None, "exact") == pytest.approx((1.75e9, 1.85e9))
    assert interval(2e9, None, "approx") == pytest.approx((1.76e9, 2.24e9))
    assert interval(8.5e9, None, "over")[0] == 8.5e9
    assert stock_or_flow("2024", "Trade in 2024 was $2 billion.", "2025-12-20") == ("flow", "2024")
    assert stock_or_flow("1993", "日本自1993年以来累计投资约77亿美元。", "2022-04-30") == (
        "stock", "2022-04-30")
    assert stock_or_flow("1993/2025", "", "2025-12-20") == ("stock", "2025")
    assert stock_or_flow("2025-01/2025-06", "", "2025-08-26") == ("flow", "2025-01/2025-06")
    assert stock_or_flow(None, "", "2025-12-20") == ("stock", "2025-12-20")


# ---- periods that nest ----------------------------------------------------------------------


def test_a_month_a_day_and_undated_reports_of_one_visit_form_one_group(world: World) -> None:
    month = world.doc("访问期间，双方签署14份政府间与部门间协议。", lang="zh-Hans",
                      published="2025-12-20", outlet="Kazinform")
    day = world.doc("托卡耶夫于18日同高市早苗举行会谈，两国签署了14项政府间协议。",
                    lang="zh-Hans", published="2025-12-20", outlet="Kyodo News")
    day2 = world.doc("Tokayev and Takaichi signed 14 agreements on December 18.",
                     published="2025-12-19", outlet="Nikkei")
    undated = world.doc("По итогам переговоров подписано 14 межправительственных соглашений.",
                        lang="ru", published="2025-12-19", outlet="TASS")
    by_month = world.doc("哈薩克斯坦總統托卡耶夫一口氣敲定14項雙邊協議。", lang="zh-Hant",
                         published="2025-12", outlet="NetEase Hao")
    for d, frag, period in ((month, "14份", "2025-12"), (day, "14项", "2025-12-18"),
                            (day2, "14 agreements", "2025-12-18"),
                            (undated, "14 межправительственных соглашений", None),
                            (by_month, "14項", None)):
        world.figure(d, frag, 14, unit="count", subject="agreements", period=period)
    ledger = figure_ledger(world.store)
    g = only(ledger, "agreements", "count")
    assert (g.kind, g.verdict, g.sources, len(g.figures)) == ("flow", "agree", 5, 5)
    # The most reported period labels the group, and every figure shows it.
    assert g.periods == ("2025-12-18",) and g.period == "2025-12-18"
    assert g.measure == "agreements · Japan, Kazakhstan · count · 2025-12-18"
    assert {f.period for f in g.figures} == {f.as_of for f in g.figures} == {"2025-12-18"}
    assert {f.doc_id: f.stated_period for f in g.figures} == {
        month: "2025-12", day: "2025-12-18", day2: "2025-12-18", undated: None, by_month: None}
    d = g.to_dict()
    assert d["period"] == "2025-12-18"
    assert {f["stated_period"] for f in d["figures"]} == {"2025-12", "2025-12-18", None}


def test_different_years_stay_apart_and_a_year_meets_a_month_only_in_agreement(
        world: World) -> None:
    a = world.doc("据哈方统计，两国贸易额2021年约为11亿美元，2024年约为18亿美元。",
                  lang="zh-Hans", published="2025-11-20", outlet="JICA")
    b = world.doc("Trade in December 2024 alone came to $150 million.",
                  published="2025-01-20", outlet="Outlet B")
    c = world.doc("Bilateral trade came to nearly $2 billion last year.",
                  published="2025-12-22", outlet="The Astana Times")
    world.figure(a, "约为11亿美元", 1.1e9, qualifier="approx", subject="trade", period="2021")
    world.figure(a, "约为18亿美元", 1.8e9, qualifier="approx", subject="trade", period="2024")
    world.figure(b, "$150 million", 1.5e8, subject="trade", period="2024-12")
    world.figure(c, "nearly $2 billion", 2e9, qualifier="approx", subject="trade", period="2024")
    groups = [g for g in figure_ledger(world.store).groups if g.subject == "trade"]
    assert sorted(g.period or "" for g in groups) == ["2021", "2024", "2024-12"]
    year = next(g for g in groups if g.period == "2024")
    assert year.sources == 2 and year.verdict == "agree"


def test_a_year_holding_one_agreeing_month_joins_it(world: World) -> None:
    a = world.doc("In 2025 the two countries signed 60 documents.", published="2025-12-30",
                  outlet="Outlet A")
    b = world.doc("More than 60 documents were signed during the December visit.",
                  published="2025-12-21", outlet="Outlet B")
    world.figure(a, "60 documents", 60, unit="count", subject="documents", period="2025")
    world.figure(b, "More than 60", 60, unit="count", qualifier="over", subject="documents",
                 period="2025-12")
    g = only(figure_ledger(world.store), "documents", "count")
    assert (g.period, g.sources, g.verdict) == ("2025-12", 2, "agree")


def test_a_month_holding_two_days_joins_neither(world: World) -> None:
    a = world.doc("On December 18 they signed 14 agreements.", published="2025-12-19",
                  outlet="Outlet A")
    b = world.doc("On December 20 they signed 5 agreements.", published="2025-12-21",
                  outlet="Outlet B")
    c = world.doc("In December they signed 14 agreements.", published="2025-12-22",
                  outlet="Outlet C")
    world.figure(a, "14 agreements", 14, unit="count", subject="agreements", period="2025-12-18")
    world.figure(b, "5 agreements", 5, unit="count", subject="agreements", period="2025-12-20")
    world.figure(c, "14 agreements", 14, unit="count", subject="agreements", period="2025-12")
    groups = [g for g in figure_ledger(world.store).groups if g.subject == "agreements"]
    assert sorted(g.period or "" for g in groups) == ["2025-12", "2025-12-18", "2025-12-20"]


def test_an_undated_figure_joins_a_dated_flow_only_near_it_and_in_agreement(
        world: World) -> None:
    dated = world.doc("The sides signed 14 agreements on December 18.", published="2025-12-19",
                      outlet="Outlet A")
    later = world.doc("The two countries have signed 14 agreements.", published="2026-03-01",
                      outlet="Outlet B")
    other = world.doc("The two countries have signed 30 agreements.", published="2025-12-20",
                      outlet="Outlet C")
    world.figure(dated, "14 agreements", 14, unit="count", subject="agreements",
                 period="2025-12-18")
    world.figure(later, "14 agreements", 14, unit="count", subject="agreements")
    world.figure(other, "30 agreements", 30, unit="count", subject="agreements")
    groups = [g for g in figure_ledger(world.store).groups if g.subject == "agreements"]
    flow = next(g for g in groups if g.kind == "flow")
    stock = next(g for g in groups if g.kind == "stock")
    assert [f.doc_id for f in flow.figures] == [dated]
    assert {f.doc_id for f in stock.figures} == {later, other}
    assert stock.period is None


# ---- subjects that do not fit their unit ---------------------------------------------------


def test_figures_whose_subject_does_not_fit_the_unit_form_no_group(world: World) -> None:
    a = world.doc("Trade between the two countries reached $2 billion; Japan ranks among "
                  "the ten largest investors; Japan rarely receives a guest twice a day; "
                  "Japanese firms hold 40% of the investment.", published="2025-08-26",
                  outlet="Tengrinews")
    world.figure(a, "$2 billion", 2e9, subject="countries", period="2024")
    world.figure(a, "ten largest investors", 10, unit="count", subject="investment")
    world.figure(a, "twice", 2e6, unit="JPY", subject="times")
    world.figure(a, "40%", 40, unit="percent", subject="investment")
    ledger = figure_ledger(world.store)
    assert [g.measure for g in ledger.groups] == ["investment · Japan, Kazakhstan · percent"]


@pytest.mark.parametrize(("subject", "unit", "fits"), [
    ("trade", "USD", True), ("trade", "count", False), ("trade", "tonne", True),
    ("investment", "count", False), ("investment", "percent", True),
    ("investment", "km2", False), ("countries", "USD", False), ("countries", "count", True),
    ("times", "JPY", False), ("agreements", "USD", True), ("agreements", "count", True),
    ("specialists", "people", True), ("talks", "tonne", False), ("area", "km2", True),
    (None, "USD", False),
])
def test_subject_fits_unit(subject: str | None, unit: str, fits: bool) -> None:
    assert subject_fits_unit(subject, unit) is fits


# ---- values as people write them -----------------------------------------------------------


@pytest.mark.parametrize(("value", "unit", "en", "zh"), [
    (7.7e9, "USD", "7.7 bn USD", "77亿美元"),
    (8.5e9, "USD", "8.5 bn USD", "85亿美元"),
    (1.85e9, "USD", "1.85 bn USD", "18.5亿美元"),
    (8e8, "USD", "800 m USD", "8亿美元"),
    (1.3e12, "JPY", "1.3 tn JPY", "1.3万亿日元"),
    (5e11, "KZT", "500 bn KZT", "5000亿坚戈"),
    (1e9, "CNY", "1 bn CNY", "10亿人民币"),
    (3e9, "RUB", "3 bn RUB", "30亿卢布"),
    (14, "count", "14", "14"),
    (1500, "count", "1,500", "1500"),
    (10000, "count", "10 k", "1万"),
    (3e5, "people", "300 k people", "30万人"),
    (12, "percent", "12%", "12%"),
    (2.72e6, "km2", "2.72 m km2", "272万 km2"),
    (6.5e9, "tonne", "6.5 bn t", "65亿吨"),
    (999_999, "USD", "1 m USD", "100万美元"),
])
def test_format_value(value: float, unit: str, en: str, zh: str) -> None:
    assert format_value(value, unit) == en
    assert format_value(value, unit, "en") == en
    assert format_value(value, unit, "zh") == zh
    assert format_value(value, unit, "zh-Hans") == zh


def test_format_spread_and_group_spread_text(world: World) -> None:
    assert format_spread(7.7e9, 9e9, "USD") == "7.7–9 bn USD"
    assert format_spread(8e8, 2e9, "USD") == "800 m – 2 bn USD"
    assert format_spread(14, 14, "count") == "14"
    assert format_spread(80, 90, "percent") == "80–90%"
    assert format_spread(7.7e9, 9e9, "USD", "zh") == "77–90亿美元"
    a = world.doc("Japanese investment stands at about $7.7 billion.", published="2022-04-30",
                  outlet="Outlet A")
    b = world.doc("Japanese investment stands at around $9 billion.", published="2025-08-26",
                  outlet="Outlet B")
    world.figure(a, "about $7.7 billion", 7.7e9, qualifier="approx")
    world.figure(b, "around $9 billion", 9e9, qualifier="approx")
    g = only(figure_ledger(world.store), "investment")
    assert g.spread_text() == "7.7–9 bn USD" and g.spread_text("zh") == "77–90亿美元"


# ---- the sample corpus, end to end --------------------------------------------------------


@pytest.mark.slow
def test_sample_corpus_investment_figures_form_one_checked_group(tmp_path: Path) -> None:
    pytest.importorskip("attache.figures")
    with EvidenceBase(tmp_path / "sample.db") as eb:
        report = eb.ingest([str(SAMPLE)])
        assert report.ok, report.failures
        ledger = figure_ledger(eb.store)
        groups = [g for g in ledger.groups if g.subject == "investment" and g.unit == "USD"
                  and {"Japan", "Kazakhstan"} <= set(g.entities)]
        assert groups, [g.measure for g in ledger.groups]
        main = max(groups, key=lambda g: g.sources)
        assert main.verdict in ("update", "conflict"), main.to_dict()
        assert main.sources >= 3
        assert main.spread[0] <= 7.7e9 * 1.01 and main.spread[1] >= 8.5e9
        for f in main.figures:
            assert eb.store.text_of(f.doc_id)[f.quote_start:f.quote_end] == f.quote


def test_one_measure_under_two_labels_is_one_row(world: World) -> None:
    a = world.doc("About 60 Japanese companies now operate in Kazakhstan.",
                  published="2025-12-20", outlet="Akorda", kind="government")
    b = world.doc("Some 60 Japanese firms work in Kazakhstan this month.",
                  published="2025-12-18", outlet="Xinhua", kind="news-agency")
    world.figure(a, "About 60", 60, unit="count", subject="companies", qualifier="approx",
                 period="1993/2025")
    world.figure(b, "Some 60", 60, unit="count", subject="companies", qualifier="approx",
                 period="2025-12")
    groups = [g for g in figure_ledger(world.store).groups if g.subject == "companies"]
    assert len(groups) == 1 and groups[0].sources == 2 and groups[0].verdict == "agree"


def test_group_scopes_and_one_country_figures_are_not_bilateral(world: World) -> None:
    a = world.doc("In 2015 Abe signed deals worth $2.7 billion with the five Central Asian "
                  "states.", published="2025-11-20", outlet="Journal", kind="academic")
    b = world.doc("Komatsu trucks carrying 400 tonnes work at Kazakhstan's mines.",
                  published="2025-12-20", outlet="Kazinform", kind="news-agency")
    c = world.doc("Japan's investment in Kazakhstan exceeds $8.5 billion.",
                  published="2025-12-20", outlet="Akorda", kind="government")
    world.figure(a, "$2.7 billion", 2.7e9, subject="agreements", period="2015")
    world.figure(b, "400 tonnes", 400, unit="tonne", subject="capacity", ents=("Kazakhstan",))
    world.figure(c, "$8.5 billion", 8.5e9, qualifier="over")
    topic = Topic("Japan Kazakhstan", ("Japan", "Kazakhstan"), ())
    assert [g.subject for g in figure_ledger(world.store, topic).groups] == ["investment"]


def test_digests_self_media_and_partisan_outlets_are_not_independent(world: World) -> None:
    a = world.doc("Trade reached $2 billion in 2024.", published="2025-12-20",
                  outlet="Kazinform", kind="news-agency")
    b = world.doc("Trade reached $2 billion in 2024, digests say.", published="2025-12-21",
                  outlet="AI-generated digest", kind="ai-digest")
    world.figure(a, "$2 billion", 2e9, subject="trade", period="2024")
    world.figure(b, "$2 billion", 2e9, subject="trade", period="2024")
    g = only(figure_ledger(world.store), "trade")
    assert len(g.figures) == 2 and g.sources == 1 and g.verdict == "single-source"
