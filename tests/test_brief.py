"""The brief: sections, extractive quotes, generated statements, and citation verification."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from attache.brief import (
    SECTION_KEYS,
    Brief,
    Claim,
    DocInfo,
    Evidence,
    Themes,
    build_brief,
    compose,
    near_duplicate,
    verify_brief,
)
from attache.citations import Citation, verify
from attache.evidence import EvidenceBase
from attache.model import Sentence
from attache.normalize import fold_query
from attache.render import to_markdown
from tests.brief_checks import assert_fully_cited

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
    assert keys == [k for k in SECTION_KEYS if k != "changes"]
    analysis = brief_en.section("analysis")
    assert analysis is not None and len(analysis.subsections) >= 3
    assert {s.key for s in analysis.subsections} <= {"economy", "energy", "transport",
                                                    "education", "security"}


def test_every_citation_holds(brief_en: Brief, brief_zh: Brief, loaded: EvidenceBase) -> None:
    assert assert_fully_cited(brief_en, loaded.store) > 20
    assert assert_fully_cited(brief_zh, loaded.store) > 20
    assert not brief_en.dropped and not brief_zh.dropped


def test_quotes_are_original_language_and_diverse(brief_en: Brief) -> None:
    quotes = [c for c in brief_en.claims() if c.kind == "quote"]
    assert len({c.language for c in quotes}) >= 4
    assert len({c.citations[0].doc_id for c in quotes}) >= 6
    folded = [fold_query(c.text) for c in quotes]
    for i, a in enumerate(folded):
        for b in folded[i + 1:]:
            assert not near_duplicate(a, b)


def test_generated_statements_in_brief_language(brief_en: Brief, brief_zh: Brief) -> None:
    assert brief_zh.title.startswith("简报")
    assert [s.title for s in brief_zh.sections][:2] == ["摘要", "背景"]
    stmts = [c for c in brief_zh.claims() if c.kind == "statement"]
    assert stmts and all(c.language == "zh" for c in stmts)
    concl = brief_en.section("conclusions")
    assert concl is not None and any("language" in c.text for c in concl.claims)


def test_tables_figures_timeline_actors_sources(brief_en: Brief) -> None:
    figs = brief_en.section("figures")
    assert figs is not None
    table = figs.table("figures")
    assert table is not None and table.rows
    assert {r.verdict for r in table.rows} <= {"agree", "conflict", "update", "single-source"}
    tl = brief_en.section("timeline")
    assert tl is not None and (t := tl.table("timeline")) is not None and t.rows
    actors = brief_en.section("actors")
    assert actors is not None and (a := actors.table("actors")) is not None
    assert int(a.rows[0].cells[2]) >= int(a.rows[-1].cells[2])
    src = brief_en.section("sources")
    assert src is not None and (s := src.table("sources")) is not None
    assert len(s.rows) == brief_en.documents


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
    victim = next(c for c in summary.claims if c.kind == "quote")
    fake = "Japan declared war on everyone."
    bad = replace(victim, text=fake, citations=(replace(victim.citations[0], quote=fake),))
    tampered = replace(brief_en, sections=tuple(
        replace(s, claims=tuple(bad if c is victim else c for c in s.claims))
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
    ev = Evidence(topic=TOPIC, entity_names=(), terms=("japan", "kazakhstan", "日本"),
                  docs=docs)
    b = verify_brief(compose(ev, "en"), _Texts({d.id: d.text for d in docs}))
    quotes = {c.text for c in b.claims() if c.kind == "quote"}
    assert zh.split("\n")[0] in quotes and ru in quotes and en in quotes
    assert not any("图片来源" in q for q in quotes)
    th = Themes.load()
    assert "transport" in th.score(fold_query(ru)) and "education" in th.score(fold_query(en))
    analysis = b.section("analysis")
    assert analysis is not None
    for sub in analysis.subsections:
        assert all(sub.key in th.score(fold_query(c.text)) for c in sub.claims)
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


def test_claim_round_trip() -> None:
    c = Claim("x", "statement", "en", (Citation("d", 0, 1, "x", "/p", None),))
    assert Claim.from_dict(json.loads(json.dumps(c.to_dict()))) == c
