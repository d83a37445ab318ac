"""Issue acceptance over the seeds plus the sample corpus: the "Japan Kazakhstan", "rare earths"
and "Aktau port" briefs, in English and Chinese, are on topic, have statements written in the
reader's language in every section, and state no limitation the evidence does not bear out."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
import sqlalchemy as sa

from attache.brief.model import WEAK_KINDS, Brief
from attache.brief.strings import lexicon
from attache.evidence import EvidenceBase
from attache.normalize import fold_query
from attache.store import documents, sources
from tests.brief_checks import assert_fully_cited

pytestmark = pytest.mark.skipif(not __import__("tests.conftest", fromlist=["SEEDS"]).SEEDS
                                .is_dir(), reason="seeds not beside this checkout")

# How each topic is written in the corpus's languages, typed by hand for this test so that it
# does not check the brief's relevance with the brief's own code.
TOPIC_FORMS: dict[str, tuple[str, ...]] = {
    "Japan Kazakhstan": ("japan", "kazakh", "日本", "哈萨克", "哈薩克", "япон", "казах",
                         "カザフ", "жапон", "қазақ", "tokayev", "токаев", "托卡耶夫", "トカエフ",
                         "takaichi", "高市", "такаити", "kishida", "岸田", "кисид", "hayashi",
                         "林", "астан", "astana", "tokyo", "东京", "東京", "токио", "akorda",
                         "jogmec", "jica", "aktau", "актау", "komatsu", "小松", "nurbek", "нурбек",
                         "努尔别克", "ritsumeikan", "立命館", "立命馆", "gumilyov", "古米廖夫",
                         "гумил", "hitachi", "日立"),
    "rare earths": ("rare earth", "rare-earth", "稀土", "редкоземел", "レアアース",
                    "сирек жер"),
    "Aktau port": ("aktau", "актау", "阿克套", "アクタウ", "ақтау"),
}
CASES = [(t, lang) for t in TOPIC_FORMS for lang in ("en", "zh")]
_HAN = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")
_OTHER = re.compile(r"[\u0400-\u04ff\u3040-\u30ff\u3400-\u9fff]")


@pytest.fixture(scope="module")
def briefs(loaded: EvidenceBase) -> dict[tuple[str, str], Brief]:
    out = {}
    for topic, lang in CASES:
        b = loaded.brief(topic, lang=lang, fmt="md").brief
        assert_fully_cited(b, loaded.store)
        out[(topic, lang)] = b
    return out


@pytest.fixture(scope="module")
def kinds(loaded: EvidenceBase) -> dict[str, tuple[str, str]]:
    with loaded.store.engine.connect() as conn:
        rows = conn.execute(sa.select(documents.c.id, sources.c.kind, sources.c.name)
                            .select_from(documents.outerjoin(
                                sources, sources.c.id == documents.c.source_id))).all()
    return {r[0]: (r[1] or "other", r[2] or "") for r in rows}


def about(text: str, topic: str) -> bool:
    folded = fold_query(text)
    return any(f in folded for f in TOPIC_FORMS[topic])


def in_language(text: str, lang: str) -> bool:
    """A generated sentence reads in the reader's language: Chinese is mostly Han, English
    mostly Latin letters (outlets and unlinked people's names may stay as written)."""
    if lang == "zh":
        return len(_HAN.findall(text)) >= max(4, len(_LATIN.findall(text)) // 3)
    return len(_LATIN.findall(text)) >= 2 * len(_OTHER.findall(text))


@pytest.mark.parametrize(("topic", "lang"), CASES)
def test_brief_is_on_topic(briefs: dict[tuple[str, str], Brief], topic: str, lang: str) -> None:
    b = briefs[(topic, lang)]
    for key in ("summary", "background", "analysis"):
        sec = b.section(key)
        for c in sec.all_claims() if sec else ():
            if c.key == "s.context":
                continue  # the one line that says what else the documents are about
            assert any(about(x.quote, topic) for x in c.citations), (key, c.text)
    for name in ("figures", "timeline"):
        t = b.table(name)
        for r in t.rows if t else ():
            assert any(about(x.quote, topic) for x in r.citations), (name, r.cells)


@pytest.mark.parametrize(("topic", "lang"), CASES)
def test_every_section_has_statements_in_the_readers_language(
        briefs: dict[tuple[str, str], Brief], topic: str, lang: str) -> None:
    b = briefs[(topic, lang)]
    assert b.section("summary") is not None
    for sec in b.sections:
        if sec.key == "references":
            continue
        stmts = [c for c in sec.all_claims() if c.kind == "statement"]
        assert stmts, f"{topic}/{lang}: no statement in {sec.key}"
        for c in stmts:
            assert c.language == lang and in_language(c.text, lang), (sec.key, c.text)
    summary = b.section("summary")
    assert summary is not None and len(summary.claims) <= 5
    lex = lexicon(lang)
    assert b.title == lex.fill("title", topic=topic)


@pytest.mark.parametrize(("topic", "lang"), CASES)
def test_no_false_limitation(briefs: dict[tuple[str, str], Brief],
                             kinds: dict[str, tuple[str, str]], topic: str, lang: str) -> None:
    b = briefs[(topic, lang)]
    lim = b.section("limitations")
    lex = lexicon(lang)
    for c in lim.claims if lim else ():
        cited = {x.doc_id for x in c.citations}
        if c.key == "s.weak":
            # "reported only by X" holds only if its sources are exactly X.
            got = {kinds[d][0] for d in cited}
            assert got <= set(WEAK_KINDS), c.text
            for k in got:
                assert lex.name("kind", k) in c.text, (c.text, got)
        if c.key == "s.single":
            assert len({kinds[d][1] for d in cited}) == 1, c.text
    # The seed case: Kishida's postponed trip is reported by TASS and Xinhua, not only digests.
    for c in lim.claims if lim else ():
        assert not re.search(r"Kishida.*only by|岸田.*仅见于", c.text), c.text


def section(brief: dict[str, Any], key: str) -> dict[str, Any]:
    return next(s for s in brief["sections"] if s["key"] == key)


def table(brief: dict[str, Any], name: str) -> list[dict[str, Any]]:
    def walk(s: dict[str, Any]) -> list[dict[str, Any]]:
        for t in s["tables"]:
            if t["name"] == name:
                return list(t["rows"])
        for sub in s["subsections"]:
            if (rows := walk(sub)):
                return rows
        return []
    return next((rows for s in brief["sections"] if (rows := walk(s))), [])


def test_japan_kazakhstan_ledger_and_timeline(loaded: EvidenceBase) -> None:
    result = loaded.brief("Japan Kazakhstan", lang="en", fmt="json")
    brief = json.loads(result.text)
    rows = [r["cells"] for r in table(brief, "figures")]
    trade = [r for r in rows if r[0].startswith("Trade between Japan and Kazakhstan")
             and r[2] == "2024"]
    invest = [r for r in rows if r[0].startswith("Investment between Japan and Kazakhstan")]
    # 1.8 bn (exact) against 2 bn (exact) for the same year is a real disagreement.
    assert trade and trade[0][3] == "conflict" and int(trade[0][4]) >= 3
    # 7.7 bn as of 2022 and over 8.5 bn as of 2025 measure the same stock at two dates.
    assert invest and invest[0][3] == "updated over time" and int(invest[0][4]) >= 3
    # One row per measure: the same value, subject and period is never listed twice.
    seen = [(r[1], r[2]) for r in rows if r[3] != "single source"]
    assert len(seen) == len(set(seen)), rows

    timeline = table(brief, "timeline")
    december = [r for r in timeline if "December 2025" in r["cells"][0]]
    visits = [r for r in december if r["cells"][1] == "visit" and int(r["cells"][5]) >= 2]
    summits = [r for r in december if r["cells"][1] == "summit" and r["cells"][3] == "Tokyo"]
    assert visits and summits
    assert int(summits[0]["cells"][5]) >= 3 and len(summits[0]["citations"]) >= 3
    # Recollections (a 2004 meeting remembered in 2025) are background, not timeline rows.
    assert not [r for r in timeline if r["cells"][0].endswith("2004")]
    back = " ".join(c["text"] for c in section(brief, "background")["claims"])
    assert "2004" in back
