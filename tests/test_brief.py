"""The brief: sections, extractive quotes, generated statements, and citation verification."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from attache.brief.compose import MAX_UNLINKED, compose
from attache.brief.model import SECTION_KEYS, Brief, Claim, DocInfo, Evidence, MentionRow
from attache.brief.quotes import cut_link_tags, near_duplicate
from attache.brief.render import to_markdown
from attache.brief.strings import lexicon
from attache.brief.themes import Themes
from attache.brief.verify import verify_brief
from attache.citations import Citation, verify
from attache.evidence import EvidenceBase
from attache.model import Link, Sentence
from attache.normalize import fold_query
from tests.brief_checks import assert_fully_cited, build_brief

TOPIC = "Japan Kazakhstan"


@pytest.fixture(scope="module")
def brief_en(loaded: EvidenceBase) -> Brief:
    b = build_brief(loaded, TOPIC, "en")
    assert_fully_cited(b, loaded.store)
    return b


@pytest.fixture(scope="module")
def brief_zh(loaded: EvidenceBase) -> Brief:
    b = build_brief(loaded, "日本 哈萨克斯坦", "zh")
    assert_fully_cited(b, loaded.store)
    return b


def test_sections_in_order(brief_en: Brief) -> None:
    keys = [s.key for s in brief_en.sections]
    assert keys == [k for k in SECTION_KEYS if k in keys]
    assert {"summary", "analysis", "conclusions", "data", "references"} <= set(keys)
    analysis = brief_en.section("analysis")
    assert analysis is not None and len(analysis.subsections) >= 3
    assert {s.key for s in analysis.subsections} <= {"economy", "energy", "transport",
                                                    "education", "security", "coverage"}
    summary = brief_en.section("summary")
    assert summary is not None and 1 <= len(summary.claims) <= 5
    assert all(c.kind == "statement" for c in summary.claims)


def test_every_citation_holds(brief_en: Brief, brief_zh: Brief, loaded: EvidenceBase) -> None:
    assert assert_fully_cited(brief_en, loaded.store) > 20
    assert assert_fully_cited(brief_zh, loaded.store) > 20
    assert not brief_en.dropped and not brief_zh.dropped


def test_quotes_are_original_language_glossed_and_diverse(brief_en: Brief) -> None:
    quotes = [c for c in brief_en.claims() if c.kind == "quote"]
    assert len({c.language for c in quotes}) >= 4
    assert len({c.citations[0].doc_id for c in quotes}) >= 6
    assert all(c.gloss for c in quotes)
    folded = [fold_query(c.text) for c in quotes]
    for i, a in enumerate(folded):
        for b in folded[i + 1:]:
            assert not near_duplicate(a, b)


def test_generated_statements_in_brief_language(brief_en: Brief, brief_zh: Brief) -> None:
    assert brief_zh.title.startswith("简报")
    assert [s.title for s in brief_zh.sections][:2] == ["摘要", "背景"]
    stmts = [c for c in brief_zh.claims() if c.kind == "statement"]
    assert stmts and all(c.language == "zh" for c in stmts)
    assert any("托卡耶夫" in c.text for c in stmts)  # names in the reader's language
    concl = brief_en.section("conclusions")
    assert concl is not None and any("language" in c.text for c in concl.claims)


def test_tables_figures_timeline_actors_sources(brief_en: Brief) -> None:
    table = brief_en.table("figures")
    assert table is not None and table.rows
    assert {r.verdict for r in table.rows} <= {"agree", "conflict", "update", "single-source"}
    t = brief_en.table("timeline")
    assert t is not None and t.rows
    a = brief_en.table("actors")
    assert a is not None and int(a.rows[0].cells[2]) >= int(a.rows[-1].cells[2])
    s = brief_en.table("sources")
    assert s is not None and len(s.rows) == brief_en.documents


def test_limitations_come_from_the_evidence(brief_en: Brief) -> None:
    lim = brief_en.section("limitations")
    assert lim is not None
    texts = " ".join(c.text for c in lim.all_claims())
    assert "single source" in texts or "disagree" in texts
    assert "publication date" in texts  # the sample has documents dated from their text


def test_tampered_citation_is_dropped_and_reported(brief_en: Brief,
                                                   loaded: EvidenceBase) -> None:
    summary = brief_en.section("summary")
    assert summary is not None
    lead = next(c for c in summary.claims if c.evidence)
    victim = lead.evidence[0]
    fake = "Japan declared war on everyone."
    bad = replace(victim, text=fake, citations=(replace(victim.citations[0], quote=fake),))
    new_lead = replace(lead, evidence=(bad, *lead.evidence[1:]))
    tampered = replace(brief_en, sections=tuple(
        replace(s, claims=tuple(new_lead if c is lead else c for c in s.claims))
        if s.key == "summary" else s for s in brief_en.sections))
    checked = verify_brief(tampered, loaded.store)
    assert len(checked.dropped) == 1
    assert checked.dropped[0].citation.quote == fake
    assert "does not match" in checked.dropped[0].reason
    assert fake not in to_markdown(checked)
    assert "failed verification" in to_markdown(checked)
    assert_fully_cited(checked, loaded.store)


def test_statement_loses_only_its_bad_citation(loaded: EvidenceBase, brief_en: Brief) -> None:
    good = next(iter(brief_en.citations()))
    bad = replace(good, start=good.start + 1)
    missing = replace(good, doc_id="doc_0000000000000000")
    kept, dropped = verify([good, bad, missing], loaded.store)
    assert kept == [good]
    assert [d.citation for d in dropped] == [bad, missing]
    assert "not in the store" in dropped[1].reason


class _Texts:
    def __init__(self, docs: dict[str, str]) -> None:
        self.docs = docs

    def text_of(self, doc_id: str) -> str:
        from attache.errors import NotFound

        if doc_id not in self.docs:
            raise NotFound(doc_id)
        return self.docs[doc_id]


def _doc(doc_id: str, text: str, lang: str, kind: str, outlet: str,
         boiler: tuple[str, ...] = ()) -> DocInfo:
    sents, pos = [], 0
    for i, line in enumerate(text.split("\n")):
        sents.append(Sentence(i, pos, pos + len(line), line, lang,
                              "credit" if line in boiler else None))
        pos += len(line) + 1
    return DocInfo(id=doc_id, text=text, title=None, outlet=outlet, kind=kind, language=lang,
                   published="2025-12-20", published_source="header", location=f"/c/{doc_id}.txt",
                   url=None, duplicate_of=None, relevance=1.0, sentences=tuple(sents))


def test_compose_on_hand_made_evidence_never_quotes_boilerplate() -> None:
    zh = ("日本与哈萨克斯坦签署了关于稀土和铀等关键矿产合作的多项协议。\n"
          "图片来源：日本与哈萨克斯坦稀土合作协议签署现场的照片。")
    ru = "Япония и Казахстан договорились развивать Транскаспийский маршрут и порты Каспия."
    en = "Japan and Kazakhstan agreed to expand student exchanges and university cooperation."
    docs = (_doc("doc_a", zh, "zh-Hans", "news-agency", "Xinhua",
                 boiler=("图片来源：日本与哈萨克斯坦稀土合作协议签署现场的照片。",)),
            _doc("doc_b", ru, "ru", "news-agency", "Kazinform"),
            _doc("doc_c", en, "en", "newspaper", "The Astana Times"))
    ev = Evidence(topic=TOPIC, entity_names=(),
                  terms=("japan", "kazakhstan", "日本", "казахстан"), docs=docs)
    b = verify_brief(compose(ev, "en"), _Texts({d.id: d.text for d in docs}))
    quotes = {c.text for c in b.claims() if c.kind == "quote"}
    assert zh.split("\n")[0] in quotes and ru in quotes and en in quotes
    assert not any("图片来源" in q for q in quotes)
    th = Themes.load()
    assert "transport" in th.score(fold_query(ru)) and "education" in th.score(fold_query(en))
    analysis = b.section("analysis")
    assert analysis is not None
    for sub in analysis.subsections:
        assert all(sub.key in th.score(fold_query(e.text)) for c in sub.claims
                   for e in c.evidence)
    lim = b.section("limitations")
    assert lim is not None and any("Kazakh" in c.text for c in lim.all_claims())
    for c in b.claims():
        assert c.citations


def test_theme_lexicon_user_file_extends(tmp_path: Path) -> None:
    extra = tmp_path / "themes.json"
    extra.write_text(json.dumps({"energy": {"words": {"en": ["solar"]}},
                                 "space": {"label": {"en": "Space"},
                                           "words": {"en": ["satellite"], "ru": ["спутник"]}}}),
                     "utf-8")
    th = Themes.load([extra])
    assert th.score(fold_query("A solar plant"))["energy"] == 1
    assert th.score(fold_query("Запуск спутника"))["space"] == 1
    assert th.label("space", "zh") == "Space"
    # Traditional text matches through the folded view; Cyrillic stems need a word start.
    assert "energy" in Themes.load().score(fold_query("稀土與鈾礦的關鍵礦產"))
    assert "energy" not in Themes.load().score(fold_query("газета"))


def test_empty_topic_is_refused(loaded: EvidenceBase) -> None:
    from attache.errors import ConfigError

    with pytest.raises(ConfigError):
        build_brief(loaded, "  ", "en")
    with pytest.raises(ConfigError):
        build_brief(loaded, TOPIC, "fr")
    with pytest.raises(ConfigError, match="fr"):
        lexicon("fr")


def test_claim_round_trip() -> None:
    c = Claim("x", "statement", "en", (Citation("d", 0, 1, "x", "/p", None),))
    assert Claim.from_dict(json.loads(json.dumps(c.to_dict()))) == c


# --- hand-made evidence for the reviewer's findings --------------------------------------------

_KZ_JP = "Japan and Kazakhstan"


@dataclass(frozen=True)
class _Report:
    doc_id: str
    start: int
    end: int
    quote: str
    language: str
    source_kind: str = "news-agency"
    published: str | None = "2025-12-21"
    outlet: str = "Kazinform"


@dataclass(frozen=True)
class _Event:
    type: str
    participants: tuple[str, ...]
    date: str | None
    place: str | None
    status: str
    reports: tuple[_Report, ...]
    independent_sources: int


def _report(doc: DocInfo, needle: str) -> _Report:
    i = doc.text.index(needle)
    return _Report(doc.id, i, i + len(needle), needle, doc.language, doc.kind, doc.published)


def _brief(docs: tuple[DocInfo, ...], lang: str = "en", **kw: object) -> Brief:
    ev = Evidence(topic=TOPIC, entity_names=(),
                  terms=("japan", "kazakhstan", "日本", "哈萨克斯坦", "哈薩克斯坦"), docs=docs,
                  **kw)  # type: ignore[arg-type]
    b = verify_brief(compose(ev, lang), _Texts({d.id: d.text for d in docs}))
    for c in b.claims():
        assert c.citations
    return b


def test_open_questions_do_not_contradict_held_events() -> None:
    text = ("The summit of Kazakhstan and Japan planned for August 2024 was postponed.\n"
            "Kishida postponed his statement on the visit.\n"
            "The Central Asia plus Japan summit was held in Tokyo on 20 December 2025.\n"
            "Kazakhstan and Uzbekistan plan a railway forum in Tashkent in March 2026.")
    d = _doc("doc_a", text, "en", "news-agency", "Kazinform")
    d = replace(d, published="2025-12-21")
    lines = text.split("\n")
    events = (
        _Event("summit", ("Kazakhstan", "Fumio Kishida"), "2024-08", "Astana", "postponed",
               (_report(d, lines[0]),), 1),
        _Event("statement", ("Fumio Kishida",), "2025-11", None, "postponed",
               (_report(d, lines[1]),), 1),
        _Event("summit", ("Central Asia plus Japan Dialogue", "Kazakhstan"), "2025-12-20",
               "Tokyo", "happened", (_report(d, lines[2]),), 3),
        _Event("forum", ("Kazakhstan", "Uzbekistan"), "2026-03", "Tashkent", "planned",
               (_report(d, lines[3]),), 1),
    )
    b = _brief((d,), events=events)
    lim = b.section("limitations")
    assert lim is not None
    texts = [c.text for c in lim.claims if c.key == "s.planned"]
    assert texts == ["Whether the planned forum of Kazakhstan and Uzbekistan in March 2026 "
                     "takes place is still open."], texts
    # A plan long past the newest evidence is not asked about either.
    stale = replace(events[3], date="2023-03")
    b = _brief((d,), events=(*events[:3], stale))
    lim = b.section("limitations")
    assert lim is None or not [c for c in lim.claims if c.key == "s.planned"]


def test_trailing_link_labels_are_cut_from_quotes() -> None:
    s1 = "日本与哈萨克斯坦在台湾问题上的争议使其在中亚地区的外交努力复杂化 szhk qq 163 163。"
    s2 = "日本计划从哈萨克斯坦引进技术工人以应对国内劳动力短缺并增强影响力 sina qq ctdsb。"
    s3 = "哈萨克斯坦 日本 sina qq ctdsb szhk 163 inform kazinform nhk akorda。"
    text = "\n".join((s1, s2, s3))
    links = []
    for line in (s1, s2, s3):
        base = text.index(line)
        for m in re.finditer(r"[a-z0-9]+", line):
            links.append(Link(m.group(), "https://vertexaisearch.cloud.google.com/x",
                              base + m.start(), base + m.end()))
    d = replace(_doc("doc_d", text, "zh-Hans", "newspaper", "Baidu"), links=tuple(links))
    assert cut_link_tags(text, 0, len(s1), d.links) == (0, s1.index(" szhk"))
    assert cut_link_tags(text, text.index(s3), len(text), d.links) is None
    b = _brief((d,))
    quotes = [c for c in b.claims() if c.kind == "quote"]
    assert {c.text for c in quotes} >= {s1.split(" ")[0], s2.split(" ")[0]}
    for c in b.citations():
        assert not re.search(r"(szhk|qq|163|ctdsb)\W*$", c.quote), c.quote
        assert text[c.start:c.end] == c.quote
    # A label that is part of the sentence (no space before it) is kept.
    t = "日本外务大臣访问哈萨克斯坦并讨论“扩大经济合作。”"
    i = t.index("扩大")
    assert cut_link_tags(t, 0, len(t), (Link("扩大经济合作。", "https://x", i, i + 7),)) \
        == (0, len(t))


def test_languages_counted_once_for_chinese_and_plurals() -> None:
    a = _doc("doc_h", "东京峰会上，日本与哈萨克斯坦签署了十四项合作协议。", "zh-Hans",
             "news-agency", "Xinhua")
    t = _doc("doc_t", "東京峰會上，日本與哈薩克斯坦簽署了十四項合作協議。", "zh-Hant",
             "newspaper", "Liberty Times")
    ev = _Event("summit", ("Japan", "Kazakhstan"), "2025-12-20", "Tokyo", "happened",
                (_report(a, a.text), _report(t, t.text)), 2)
    b = _brief((a, t), events=(ev,))
    summary = b.section("summary")
    assert summary is not None
    lead = summary.claims[0].text
    assert lead == ("A summit was held in Tokyo on 20 December 2025, attended by Japan and "
                    "Kazakhstan (2 independent sources in 1 language)."), lead
    text = " ".join(c.text for c in b.claims())
    assert "(s)" not in text
    assert "1 language (Chinese (Simplified and Traditional))" in text
    one = replace(ev, reports=ev.reports[:1], independent_sources=1)
    b = _brief((a, t), events=(one,))
    lead = b.section("summary").claims[0].text  # type: ignore[union-attr]
    assert lead.endswith("attended by Japan and Kazakhstan."), lead


def test_summary_leads_with_facts_from_reporting_sources() -> None:
    news = _doc("doc_n", "Kazakhstan and Japan signed 14 agreements during the Tokyo visit.\n"
                "Tokayev met Takaichi in Tokyo to discuss uranium supplies from Kazakhstan.",
                "en", "news-agency", "Kazinform")
    news = replace(news, published="2025-12-28")
    party = _doc("doc_p", "Japan and Kazakhstan will join the righteous alliance against the "
                 "communist empire, as Japan and Kazakhstan show the cracks in its power.",
                 "zh-Hans", "partisan", "GNews")
    rhetoric = _doc("doc_r", "Truly this is a historic moment of friendship and hope for all "
                    "peoples of the region and of the wider world.", "en", "newspaper",
                    "Daily")
    ev = _Event("visit", ("Kassym-Jomart Tokayev", "Japan"), "2025-12-18", "Tokyo", "happened",
                (_report(news, news.text.split("\n")[1]),), 1)
    b = _brief((news, party, rhetoric), events=(ev,))
    summary = b.section("summary")
    assert summary is not None
    assert "on 18 December 2025" in summary.claims[0].text  # the event's date, not the 28th
    quotes = summary.claims[0].evidence
    assert quotes and all(c.outlet == "Kazinform" for c in quotes)
    flagged = [c for c in b.claims() if c.kind == "quote" and c.outlet == "GNews"]
    assert all(c.flag and "partisan" in c.flag for c in flagged)
    for sec in b.sections:  # a partisan source never leads a section
        if sec.claims and sec.claims[0].kind == "quote":
            assert sec.claims[0].outlet != "GNews"


def test_chinese_brief_translates_labels_and_money(brief_zh: Brief) -> None:
    assert lexicon("zh").number(7.7e9, "USD") == "77亿美元"
    assert lexicon("en").number(7.7e9, "USD") == "7.7 bn USD"
    assert lexicon("ru").number(7.7e9, "USD") == "7,7 млрд долл. США"
    assert lexicon("zh").number(2.72e6, "km2") == "272万平方公里"
    assert lexicon("zh").value(8.5e9, "USD", "over") == "超过85亿美元"
    assert lexicon("en").date("2025-12-17") == "17 December 2025"
    assert lexicon("zh").date("2025-12-17") == "2025年12月17日"
    assert lexicon("ru").date("2025-12-17") == "17 декабря 2025 г."
    md = to_markdown(brief_zh)
    assert "亿USD" not in md and "USD–" not in md
    for word in ("| area ·", "| capacity ·", "academic paper", "AI-generated digest",
                 "| country |", "| person |"):
        assert word not in md, word
    assert "| 国家 |" in md


def test_unlinked_entities_in_bylines_are_not_limitations() -> None:
    text = ("资源与机制：日本与哈萨克斯坦双边合作探析\n"
            "新博源\n"
            "新疆大学政治与公共管理学院（国家安全学院）\n"
            "〔国际新闻中心／综合报道〕日本与哈萨克斯坦20日在东京举行峰会并签署合作协议。\n"
            "政治学家加齐兹·阿比舍夫认为，日本与哈萨克斯坦的机械制造合作前景广阔。\n"
            "Саммит қорытындысы бойынша Жапония мен Қазақстан декларация қабылдады.")
    d = _doc("doc_u", text, "zh-Hans", "academic", "academic paper")

    def mention(name: str, surface: str) -> MentionRow:
        i = text.index(surface)
        return MentionRow("doc_u", i, i + len(surface), f"ent_{name}", name, "organization",
                          False, surface)

    ms = (mention("新疆大学政治与公共管理学院", "新疆大学政治与公共管理学院"),
          mention("国家安全学院", "国家安全学院"), mention("国际新闻中心", "国际新闻中心"),
          mention("加齐兹·阿比舍夫", "加齐兹·阿比舍夫"), mention("Саммит қоры", "Саммит қоры"))
    b = _brief((d,), mentions=tuple(sorted(ms, key=lambda m: m.start)))
    lim = b.section("limitations")
    assert lim is not None
    texts = [c.text for c in lim.all_claims() if "knowledge base" in c.text]
    assert texts == ["加齐兹·阿比舍夫 is not in the knowledge base, so who or what it is has not "
                     "been verified."], texts


def test_many_unlinked_entities_are_capped() -> None:
    names = [f"研究员{chr(0x4e00 + i)}{chr(0x4e10 + i)}" for i in range(8)]
    text = "\n".join(f"日本与哈萨克斯坦合作时，{n}指出两国贸易仍有很大的增长空间。" for n in names)
    d = _doc("doc_c", text, "zh-Hans", "newspaper", "Daily")
    ms = tuple(MentionRow("doc_c", text.index(n), text.index(n) + len(n), f"e{i}", n, "person",
                          False, n) for i, n in enumerate(names))
    b = _brief((d,), mentions=ms)
    texts = [c.text for c in b.claims() if "knowledge base" in c.text]
    assert len(texts) == MAX_UNLINKED


def test_topic_without_evidence_is_not_found(loaded: EvidenceBase) -> None:
    from attache.errors import NotFound

    with pytest.raises(NotFound, match="no stored evidence for topic 'Zimbabwe'"):
        build_brief(loaded, "Zimbabwe", "en")


def test_recollections_are_background_and_vaguer_copies_are_one_happening() -> None:
    text = ("Japan and Kazakhstan signed their first agreement on air links back in 2004.\n"
            "Japan and Kazakhstan held talks in Astana in August on the Caspian port.\n"
            "Iwaya held talks with Nurtleu in Astana on 25 August on Japan and Kazakhstan.")
    d = replace(_doc("doc_r", text, "en", "news-agency", "Tengrinews"), published="2025-08-26")
    lines = text.split("\n")
    old = _Event("signing", ("Japan", "Kazakhstan"), "2004", None, "happened",
                 (_report(d, lines[0]),), 1)
    vague = _Event("meeting", ("Japan", "Port of Aktau"), "2025-08", "Astana", "happened",
                   (_report(d, lines[1]),), 1)
    talks = _Event("meeting", ("Takeshi Iwaya", "Murat Nurtleu"), "2025-08-25", "Astana",
                   "happened", (_report(d, lines[2]),), 1)
    types = {"Takeshi Iwaya": "person", "Murat Nurtleu": "person", "Japan": "country",
             "Kazakhstan": "country", "Port of Aktau": "place"}
    b = _brief((d,), events=(old, vague, talks), types=types)
    rows = b.table("timeline")
    assert rows is not None and [r.cells[0] for r in rows.rows] == ["25 August 2025"]
    back = b.section("background")
    assert back is not None
    assert any(c.key == "s.recollection" and "2004" in c.text for c in back.claims)
    summary = b.section("summary")
    assert summary is not None
    assert summary.claims[0].text.startswith("Takeshi Iwaya and Murat Nurtleu held talks")
