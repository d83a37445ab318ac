"""The brief: topic → evidence → outline → sentences, every sentence cited to a stored span.

Two kinds of sentence make a brief. *Quotes* are source sentences chosen extractively (by
salience to the topic, spread across sources and languages, never two near-duplicates) and
shown in their original language. *Statements* are generated from the evidence — counts,
verdicts, gaps — in the brief's language, and cite every span they rest on. Before a brief is
returned each citation is checked against the stored text (:func:`verify_brief`); a citation
that does not match is dropped and reported, and a sentence left without one is dropped.

:func:`gather` is the only function here that reads the store; :func:`compose` turns the
gathered evidence into a :class:`Brief` without I/O, so it can be tested on hand-made evidence.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from attache.citations import Citation, DroppedCitation, TextSource, unique, verify
from attache.errors import ConfigError, NotFound
from attache.model import LANGUAGES, Link, Sentence
from attache.normalize import fold_query

if TYPE_CHECKING:
    from attache.evidence import EvidenceBase

BRIEF_FORMAT = 1
"""Bumped when the composition changes so much that an old edition is not comparable."""

# --- strings: headings and generated statements in the brief's language -------------------

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Brief: {topic}",
        "summary": "Summary", "changes": "What changed", "background": "Background",
        "analysis": "Analysis by theme", "figures": "Key figures", "timeline": "Timeline",
        "actors": "Actors", "coverage": "Who says what", "conclusions": "Conclusions",
        "limitations": "Limitations and open questions", "limits": "Limitations",
        "questions": "Open questions", "sources": "Sources",
        "col.measure": "Measure", "col.value": "Value", "col.period": "Period",
        "col.verdict": "Verdict", "col.sources": "Sources", "col.outlets": "Reported by",
        "col.date": "Date", "col.event": "Event", "col.participants": "Participants",
        "col.place": "Place", "col.status": "Status", "col.name": "Name", "col.type": "Type",
        "col.mentions": "Mentions", "col.documents": "Documents", "col.forms": "Written as",
        "col.kb": "Knowledge base", "col.kind": "Kind", "col.languages": "Languages",
        "col.themes": "Emphasis", "col.language": "Language", "col.kinds": "Source kinds",
        "col.no": "#", "col.outlet": "Outlet", "col.link": "URL or path",
        "linked": "linked", "unlinked": "not in KB", "inferred": "inferred from text",
        "nodate": "no date", "none": "—",
        "s.span": "The evidence runs from {first} ({first_outlet}) to {last} ({last_outlet}).",
        "s.event": "{n_sources} in {k_languages} report the {type} of {who}{when}{where}.",
        "s.agree": "{n} sources agree on {measure}: {value}{period}.",
        "s.update": "{measure} was reported as {first}{p1} and later as {last}{p2}.",
        "s.theme": "The most-covered theme is {theme}: {n_sentences} from {m_sources} "
                   "in {k_languages}.",
        "s.langs": "The evidence spans {k_languages} ({langs}) and {m_kinds} ({kinds}).",
        "s.kind": "{kind} sources ({n_documents}; {langs}) emphasise {themes}.",
        "s.single": "The figure for {measure} ({value}) rests on a single source ({outlet}).",
        "s.conflict": "Sources disagree on {measure}: reported values run from {lo} to {hi}.",
        "s.nolang": "No document in {missing} was found; the evidence is in {present} only.",
        "s.nokind": "No {missing} source is among the documents; the evidence comes from "
                    "{present}.",
        "s.unlinked": "{name} is not in the knowledge base, so who or what it is has not "
                      "been verified.",
        "s.dated_text": "The publication date of “{doc}” ({date}) was inferred from its text.",
        "s.undated": "“{doc}” carries no publication date, so its relative dates could not "
                     "be resolved.",
        "s.eventnodate": "The date of the {type} of {who} is not stated in its sources.",
        "s.aionly": "The {type} of {who} is reported only by AI-generated digests.",
        "s.planned": "Whether the {status} {type} of {who}{when} takes place is still open.",
        "s.new_event": "New event: the {type} of {who}{when}.",
        "s.new_figure": "New figure: {measure}, {value} ({verdict}).",
        "s.revised_figure": "Revised figure: {measure}, now {value} ({verdict}).",
        "s.conflict_opened": "Conflict opened: sources now disagree on {measure}.",
        "s.conflict_resolved": "Conflict resolved: sources no longer disagree on {measure}.",
        "s.new_source": "New source: {outlet} ({kind}, {lang}), “{doc}”.",
        "and": " and ", "sep": ", ", "on": " on {date}", "in": " in {place}",
        "theme.none": "no single theme",
        "meta": "Edition {edition} · {created} · evidence key {key}",
        "dropped": "{n_citations} failed verification against the stored text and "
                   "{were} removed.",
        "empty": "No cited evidence for this section.",
        "chart": "Events by date (circle size: independent sources)",
        "chart.earlier": "earlier: {n}",
    },
    "zh": {
        "title": "简报：{topic}",
        "summary": "摘要", "changes": "本版变化", "background": "背景",
        "analysis": "分主题分析", "figures": "关键数据", "timeline": "时间线",
        "actors": "主要行为体", "coverage": "各方说法", "conclusions": "结论",
        "limitations": "局限与待解问题", "limits": "局限", "questions": "待解问题",
        "sources": "来源",
        "col.measure": "指标", "col.value": "数值", "col.period": "时期",
        "col.verdict": "判定", "col.sources": "来源数", "col.outlets": "报道方",
        "col.date": "日期", "col.event": "事件", "col.participants": "参与方",
        "col.place": "地点", "col.status": "状态", "col.name": "名称", "col.type": "类型",
        "col.mentions": "提及次数", "col.documents": "文档数", "col.forms": "原文写法",
        "col.kb": "知识库", "col.kind": "来源类型", "col.languages": "语言",
        "col.themes": "侧重", "col.language": "语言", "col.kinds": "来源类型",
        "col.no": "#", "col.outlet": "媒体", "col.link": "网址或路径",
        "linked": "已收录", "unlinked": "未收录", "inferred": "据正文推断",
        "nodate": "无日期", "none": "—",
        "s.span": "证据时间跨度为{first}（{first_outlet}）至{last}（{last_outlet}）。",
        "s.event": "{n}个独立来源以{k}种语言报道了{who}的{type}{when}{where}。",
        "s.agree": "{n}个来源对{measure}的数据一致：{value}{period}。",
        "s.update": "{measure}先报为{first}{p1}，后更新为{last}{p2}。",
        "s.theme": "报道最多的主题是{theme}：来自{m}个来源、{k}种语言的{n}句。",
        "s.langs": "证据涵盖{k}种语言（{langs}）和{m}类来源（{kinds}）。",
        "s.kind": "{kind}来源（{n}篇；{langs}）侧重{themes}。",
        "s.single": "{measure}的数据（{value}）仅有单一来源（{outlet}）。",
        "s.conflict": "各来源对{measure}的说法不一：数值从{lo}到{hi}不等。",
        "s.nolang": "未找到{missing}文档；证据仅限{present}。",
        "s.nokind": "文档中没有{missing}来源；证据来自{present}。",
        "s.unlinked": "{name}不在知识库中，其身份尚未核实。",
        "s.dated_text": "《{doc}》的发布日期（{date}）系据正文推断。",
        "s.undated": "《{doc}》没有发布日期，其中的相对日期无法换算。",
        "s.eventnodate": "{who}的{type}在来源中没有注明日期。",
        "s.aionly": "{who}的{type}仅见于AI生成的摘要。",
        "s.planned": "{who}{status}的{type}{when}能否举行尚待确认。",
        "s.new_event": "新事件：{who}的{type}{when}。",
        "s.new_figure": "新数据：{measure}，{value}（{verdict}）。",
        "s.revised_figure": "数据更新：{measure}，现为{value}（{verdict}）。",
        "s.conflict_opened": "出现分歧：各来源对{measure}的说法不一。",
        "s.conflict_resolved": "分歧消除：各来源对{measure}的说法已趋一致。",
        "s.new_source": "新来源：{outlet}（{kind}，{lang}），《{doc}》。",
        "and": "和", "sep": "、", "on": "（{date}）", "in": "，地点：{place}",
        "theme.none": "无明显主题",
        "meta": "第{edition}版 · {created} · 证据键 {key}",
        "dropped": "有{n}条引用与存储原文不符，已删除。",
        "empty": "本节没有可引用的证据。",
        "chart": "按日期排列的事件（圆圈大小：独立来源数）",
        "chart.earlier": "更早：{n}",
    },
}

LANGUAGE_NAMES: dict[str, dict[str, str]] = {
    "en": {"zh-Hans": "Chinese (Simplified)", "zh-Hant": "Chinese (Traditional)",
           "en": "English", "ru": "Russian", "ja": "Japanese", "kk": "Kazakh",
           "und": "undetermined"},
    "zh": {"zh-Hans": "简体中文", "zh-Hant": "繁体中文", "en": "英文", "ru": "俄文",
           "ja": "日文", "kk": "哈萨克文", "und": "未识别语言"},
}
KIND_NAMES: dict[str, dict[str, str]] = {
    "en": {"news-agency": "news agency", "newspaper": "newspaper", "broadcaster": "broadcaster",
           "government": "government", "academic": "academic", "think-tank": "think tank",
           "self-media": "self-media", "partisan": "partisan", "ai-digest": "AI digest",
           "aggregator": "aggregator", "other": "other"},
    "zh": {"news-agency": "通讯社", "newspaper": "报纸", "broadcaster": "广播电视",
           "government": "政府", "academic": "学术", "think-tank": "智库",
           "self-media": "自媒体", "partisan": "党派媒体", "ai-digest": "AI摘要",
           "aggregator": "聚合平台", "other": "其他"},
}
EVENT_NAMES: dict[str, dict[str, str]] = {
    "en": {"visit": "visit", "meeting": "meeting", "summit": "summit", "signing": "signing",
           "forum": "forum", "statement": "statement", "other": "event"},
    "zh": {"visit": "访问", "meeting": "会谈", "summit": "峰会", "signing": "签约",
           "forum": "论坛", "statement": "声明", "other": "活动"},
}
STATUS_NAMES: dict[str, dict[str, str]] = {
    "en": {"happened": "happened", "planned": "planned", "postponed": "postponed",
           "cancelled": "cancelled"},
    "zh": {"happened": "已举行", "planned": "计划中", "postponed": "推迟", "cancelled": "取消"},
}
VERDICT_NAMES: dict[str, dict[str, str]] = {
    "en": {"agree": "agree", "conflict": "conflict", "update": "updated over time",
           "single-source": "single source"},
    "zh": {"agree": "一致", "conflict": "冲突", "update": "随时间更新",
           "single-source": "单一来源"},
}
MEASURE_NAMES_ZH: dict[str, str] = {
    "trade": "贸易额", "investment": "投资", "agreements": "协议", "agreement": "协议",
    "documents": "文件", "deals": "协议金额", "aid": "援助", "loans": "贷款", "loan": "贷款",
    "exports": "出口", "imports": "进口", "projects": "项目", "companies": "企业",
    "students": "留学生", "countries": "国家", "reserves": "储量", "production": "产量",
    "memoranda": "备忘录", "contracts": "合同", "population": "人口", "jobs": "就业岗位",
    "specialists": "专业人才", "vehicles": "车辆", "machines": "设备", "budget": "预算",
    "GDP": "国内生产总值", "revenue": "收入", "area": "面积", "shareholding": "持股",
    "capacity": "产能", "energy": "能源", "talks": "会谈", "times": "次数", "figure": "数据",
}
# Units as the ledger names them → how a brief writes them after a number.
UNIT_NAMES: dict[str, dict[str, str]] = {
    "en": {"km2": "km²", "tonne": "tonnes", "other:pp": "percentage points",
           "other:hectare": "hectares", "other:m3": "m³", "other:kg": "kg",
           "other:barrel": "barrels", "other:MW": "MW"},
    "zh": {"USD": "美元", "JPY": "日元", "KZT": "坚戈", "EUR": "欧元", "RUB": "卢布",
           "CNY": "元", "GBP": "英镑", "HKD": "港元", "KRW": "韩元", "UZS": "苏姆", "KGS": "索姆",
           "CAD": "加元", "AUD": "澳元", "km2": "平方公里", "km": "公里", "tonne": "吨",
           "people": "人", "other:pp": "个百分点", "other:hectare": "公顷", "other:m3": "立方米",
           "other:kg": "公斤", "other:barrel": "桶", "other:MW": "兆瓦"},
}
ENTITY_TYPE_NAMES: dict[str, dict[str, str]] = {
    "en": {"person": "person", "organization": "organization", "country": "country",
           "place": "place", "event_series": "event series", "other": "other"},
    "zh": {"person": "人物", "organization": "机构", "country": "国家", "place": "地点",
           "event_series": "系列活动", "other": "其他"},
}
# Generic names the source registry gives outlets it cannot name.
OUTLET_NAMES_ZH: dict[str, str] = {
    "academic paper": "学术论文", "AI-generated digest": "AI生成摘要",
    "unknown source": "来源不明",
}
# Kinds whose sentences may lead a summary; opinion and machine-written sources may not.
SUMMARY_KINDS: tuple[str, ...] = ("news-agency", "newspaper", "broadcaster", "government")
SUMMARY_FALLBACK_KINDS: tuple[str, ...] = ("academic", "think-tank", "other")
# How long after its date a planned or postponed event stops being an open question.
STALE_PLAN_DAYS = 365
MAX_UNLINKED = 4
# Kinds a balanced evidence base should have; their absence is worth saying.
EXPECTED_KINDS: tuple[str, ...] = ("news-agency", "government", "academic")

SECTION_KEYS: tuple[str, ...] = (
    "summary", "changes", "background", "analysis", "figures", "timeline", "actors",
    "coverage", "conclusions", "limitations", "sources",
)


def plural(n: int, one: str, many: str) -> str:
    """``1 source``, ``2 sources``: an English count with its noun."""
    return f"{n} {one if n == 1 else many}"


def lang_family(code: str) -> str:
    """Simplified and Traditional Chinese are one language when languages are counted."""
    return "zh" if code.startswith("zh") else code


def strings(lang: str) -> dict[str, str]:
    if lang not in STRINGS:
        raise ConfigError(f"brief language {lang!r} is not supported; use one of "
                          f"{', '.join(STRINGS)}")
    return STRINGS[lang]


# --- the brief ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Claim:
    """One sentence of the brief: a quoted source sentence or a generated statement."""

    text: str
    kind: str  # "quote" (original language, verbatim) or "statement" (generated)
    language: str
    citations: tuple[Citation, ...]
    theme: str | None = None
    outlet: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "kind": self.kind, "language": self.language,
                "theme": self.theme, "outlet": self.outlet,
                "citations": [c.to_dict() for c in self.citations]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Claim:
        return cls(text=d["text"], kind=d["kind"], language=d["language"],
                   citations=tuple(Citation.from_dict(c) for c in d["citations"]),
                   theme=d.get("theme"), outlet=d.get("outlet"))


@dataclass(frozen=True)
class Row:
    """A table row: display cells, the spans it rests on, and what edition diffs compare.

    ``key`` identifies the thing the row is about across editions (a figure group, an event,
    a document); ``state`` changes when that thing is revised.
    """

    cells: tuple[str, ...]
    citations: tuple[Citation, ...]
    key: str = ""
    state: str = ""
    verdict: str | None = None
    date: str | None = None
    weight: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"cells": list(self.cells), "key": self.key, "state": self.state,
                "verdict": self.verdict, "date": self.date, "weight": self.weight,
                "citations": [c.to_dict() for c in self.citations]}


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "columns": list(self.columns),
                "rows": [r.to_dict() for r in self.rows]}


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    claims: tuple[Claim, ...] = ()
    tables: tuple[Table, ...] = ()
    subsections: tuple[Section, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "title": self.title,
                "claims": [c.to_dict() for c in self.claims],
                "tables": [t.to_dict() for t in self.tables],
                "subsections": [s.to_dict() for s in self.subsections]}

    def all_claims(self) -> Iterable[Claim]:
        yield from self.claims
        for s in self.subsections:
            yield from s.all_claims()

    def all_rows(self) -> Iterable[Row]:
        for t in self.tables:
            yield from t.rows
        for s in self.subsections:
            yield from s.all_rows()

    def table(self, name: str) -> Table | None:
        return next((t for t in self.tables if t.name == name), None)


@dataclass(frozen=True)
class Brief:
    """A composed brief; ``evidence_key`` is a hash of its content, edition and date aside."""

    topic: str
    lang: str
    title: str
    sections: tuple[Section, ...]
    evidence_key: str = ""
    edition: int = 1
    created_at: str | None = None
    dropped: tuple[DroppedCitation, ...] = ()
    documents: int = 0

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    def claims(self) -> Iterable[Claim]:
        for s in self.sections:
            yield from s.all_claims()

    def rows(self) -> Iterable[Row]:
        for s in self.sections:
            yield from s.all_rows()

    def citations(self) -> Iterable[Citation]:
        for c in self.claims():
            yield from c.citations
        for r in self.rows():
            yield from r.citations

    def content_dict(self) -> dict[str, Any]:
        """What the evidence key covers: everything but edition, date, changes and drops."""
        return {"format": BRIEF_FORMAT, "topic": topic_key(self.topic), "lang": self.lang,
                "sections": [s.to_dict() for s in self.sections if s.key != "changes"]}

    def to_dict(self) -> dict[str, Any]:
        return {"topic": self.topic, "lang": self.lang, "title": self.title,
                "edition": self.edition, "created_at": self.created_at,
                "evidence_key": self.evidence_key, "documents": self.documents,
                "sections": [s.to_dict() for s in self.sections],
                "dropped": [d.to_dict() for d in self.dropped]}


def topic_key(topic: str) -> str:
    """One key for one topic however it is typed (case, script, spacing)."""
    return " ".join(fold_query(topic).split())


def evidence_key(brief: Brief) -> str:
    blob = json.dumps(brief.content_dict(), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:32]


# --- themes ---------------------------------------------------------------------------------

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class Themes:
    """Theme lexicons matched on the folded view (t2s, lower case) of a sentence."""

    keys: tuple[str, ...]
    labels: dict[str, dict[str, str]] = field(hash=False, compare=False)
    patterns: dict[str, re.Pattern[str]] = field(hash=False, compare=False)

    @classmethod
    def from_dicts(cls, parts: Sequence[dict[str, Any]]) -> Themes:
        words: dict[str, set[str]] = {}
        labels: dict[str, dict[str, str]] = {}
        for part in parts:
            for key, spec in part.items():
                if key.startswith("_"):
                    continue
                if not isinstance(spec, dict) or not isinstance(spec.get("words", {}), dict):
                    raise ConfigError(f"theme {key!r}: expected an object with 'label' and "
                                      f"'words' (language → list of words)")
                labels.setdefault(key, {}).update(spec.get("label", {}))
                for lst in spec.get("words", {}).values():
                    words.setdefault(key, set()).update(str(w) for w in lst)
        patterns = {k: _theme_pattern(ws) for k, ws in words.items() if ws}
        return cls(keys=tuple(patterns), labels=labels, patterns=patterns)

    @classmethod
    def load(cls, extra: Sequence[str | Path] = ()) -> Themes:
        parts = [json.loads((resources.files("attache") / "lexicons" / "themes.json")
                            .read_text("utf-8"))]
        for item in extra:
            try:
                parts.append(json.loads(Path(item).read_text("utf-8")))
            except OSError as exc:
                raise ConfigError(f"cannot read theme file {item}: {exc.strerror}") from exc
            except ValueError as exc:
                raise ConfigError(f"theme file {item} is not valid JSON: {exc}") from exc
        return cls.from_dicts(parts)

    def label(self, key: str, lang: str) -> str:
        lab = self.labels.get(key, {})
        return lab.get(lang) or lab.get("en") or key

    def score(self, folded: str) -> dict[str, int]:
        return {k: n for k, p in self.patterns.items() if (n := len(p.findall(folded)))}


def _theme_pattern(words: Iterable[str]) -> re.Pattern[str]:
    cjk, latin, stems, whole = [], [], [], []
    for w in sorted(set(words), key=len, reverse=True):
        exact = w.endswith("=")
        f = fold_query(w.rstrip("="))
        if not f:
            continue
        if _CJK.search(f):
            cjk.append(re.escape(f))
        elif f.isascii():
            latin.append(re.escape(f))
        elif exact:
            whole.append(re.escape(f))
        else:
            stems.append(re.escape(f))
    alts = []
    if cjk:
        alts.append("(?:" + "|".join(cjk) + ")")
    if latin:
        alts.append(r"(?<![\w-])(?:" + "|".join(latin) + r")(?:s|es)?(?![\w])")
    if whole:
        alts.append(r"(?<![\w])(?:" + "|".join(whole) + r")(?![\w])")
    if stems:
        alts.append(r"(?<![\w])(?:" + "|".join(stems) + ")")
    return re.compile("|".join(alts) or r"(?!)")


@lru_cache(maxsize=1)
def default_themes() -> Themes:
    return Themes.load()


# --- evidence -------------------------------------------------------------------------------


@dataclass(frozen=True)
class DocInfo:
    """A relevant document, with what the brief shows about its source."""

    id: str
    text: str
    title: str | None
    outlet: str
    kind: str
    language: str
    published: str | None
    published_source: str | None
    location: str
    url: str | None
    duplicate_of: str | None
    relevance: float
    sentences: tuple[Sentence, ...]
    links: tuple[Link, ...] = ()

    def cite(self, start: int, end: int) -> Citation:
        return Citation(self.id, start, end, self.text[start:end], self.location, self.url)

    def label(self) -> str:
        return self.title or self.location.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class MentionRow:
    doc_id: str
    start: int
    end: int
    entity_id: str
    name: str
    type: str
    linked: bool
    text: str


@dataclass(frozen=True)
class Evidence:
    """Everything a brief is composed from; built by :func:`gather`, or by hand in tests.

    ``groups`` are :class:`attache.ledger.FigureGroup` and ``events``
    :class:`attache.timeline.TimelineEvent` (or objects with the same attributes).
    """

    topic: str
    entity_names: tuple[str, ...]
    terms: tuple[str, ...]
    docs: tuple[DocInfo, ...]
    mentions: tuple[MentionRow, ...] = ()
    figure_spans: tuple[tuple[str, int, int], ...] = ()
    event_spans: tuple[tuple[str, int, int], ...] = ()
    groups: tuple[Any, ...] = ()
    events: tuple[Any, ...] = ()
    names: dict[str, str] = field(default_factory=dict, hash=False, compare=False)


def gather(eb: EvidenceBase, topic: str, lang: str = "en") -> Evidence:
    """Read the evidence on ``topic`` from the store: documents, mentions, ledger, timeline."""
    from attache.ledger import figure_ledger
    from attache.store import documents, entities, events, figures, mentions, sources
    from attache.timeline import timeline
    from attache.topic import relevant_documents, resolve_topic

    store = eb.store
    t = resolve_topic(topic, eb.kb, eb.segmenter)
    scored = relevant_documents(store, t)
    # Partial matches (one of two named countries, say) add context but not noise below half.
    relevance = {d: s for d, s in scored.items() if s >= 0.5} or scored
    ids = sorted(relevance)
    docs: list[DocInfo] = []
    ment: list[MentionRow] = []
    fig_spans: list[tuple[str, int, int]] = []
    ev_spans: list[tuple[str, int, int]] = []
    with store.engine.connect() as conn:
        for chunk in (ids[i:i + 500] for i in range(0, len(ids), 500)):
            rows = conn.execute(
                sa.select(documents, sources.c.name.label("src_name"),
                          sources.c.kind.label("src_kind"))
                .select_from(documents.outerjoin(sources, sources.c.id == documents.c.source_id))
                .where(documents.c.id.in_(chunk))).all()
            for r in rows:
                stored = store.get(r.id)
                docs.append(DocInfo(
                    id=r.id, text=r.text, title=r.title,
                    outlet=r.src_name or r.outlet or "unknown source",
                    kind=r.src_kind or "other", language=r.language,
                    published=r.published, published_source=r.published_source,
                    location=r.location, url=r.url, duplicate_of=r.duplicate_of,
                    relevance=float(relevance[r.id]), sentences=stored.sentences,
                    links=tuple(stored.document.links)))
            ment.extend(MentionRow(m.doc_id, m.start, m.end, m.entity_id, m.name, m.type,
                                   bool(m.linked), m.text)
                        for m in conn.execute(
                            sa.select(mentions, entities.c.name, entities.c.type,
                                      entities.c.linked)
                            .join(entities, entities.c.id == mentions.c.entity_id)
                            .where(mentions.c.doc_id.in_(chunk))))
            fig_spans.extend((f.doc_id, f.start, f.end) for f in conn.execute(
                sa.select(figures.c.doc_id, figures.c.start, figures.c.end)
                .where(figures.c.doc_id.in_(chunk))))
            ev_spans.extend((v.doc_id, v.start, v.end) for v in conn.execute(
                sa.select(events.c.doc_id, events.c.start, events.c.end)
                .where(events.c.doc_id.in_(chunk))))
    groups = tuple(figure_ledger(store, t, eb.kb).groups)
    evts = tuple(timeline(store, t, eb.kb))
    names: dict[str, str] = {}
    if lang == "zh":
        # Canonical names are English; a Chinese brief shows the knowledge base's Chinese name.
        wanted = {m.name for m in ment} | {p for e in evts for p in e.participants}
        for n in wanted:
            entry = eb.kb.by_name(n)
            if entry and entry.aliases.get("zh-Hans"):
                names[n] = entry.aliases["zh-Hans"][0]
    terms = tuple(str(getattr(x, "text", x)) for x in getattr(t, "terms", ()))
    return Evidence(topic=topic, entity_names=tuple(getattr(t, "entity_names", ())),
                    terms=terms, docs=tuple(sorted(docs, key=lambda d: d.id)),
                    mentions=tuple(sorted(ment, key=lambda m: (m.doc_id, m.start))),
                    figure_spans=tuple(sorted(fig_spans)), event_spans=tuple(sorted(ev_spans)),
                    groups=groups, events=evts, names=names)


# --- candidate sentences ----------------------------------------------------------------------

_LEAD = re.compile(r"(?:\s*(?:#{1,6}\s+|[-*•·]\s+|>\s*|\d{1,2}[.)]\s+))+")
_NOT_WORD = re.compile(r"[\W_]+")
_BACKGROUND_CUE = re.compile(
    r"以来|长期|历史|建交|独立|传统|自\d{4}|since|history|historical|long-standing|"
    r"established|independence|traditional|исторически|с \d{4}|начиная|установлен|"
    r"независимост|традицион|以来|歴史|独立|伝統|тарих|тәуелсіздік|дәстүр",
    re.IGNORECASE,
)
NEAR_DUPLICATE = 0.5


@dataclass(frozen=True)
class Candidate:
    doc: DocInfo
    start: int
    end: int
    folded: str
    themes: dict[str, int] = field(hash=False, compare=False)
    topic_hits: int
    has_figure: bool
    has_event: bool
    salience: float
    entities: int = 0

    @property
    def quote(self) -> str:
        return self.doc.text[self.start:self.end]

    def claim(self, theme: str | None = None) -> Claim:
        return Claim(text=self.quote, kind="quote", language=self.language,
                     citations=(self.doc.cite(self.start, self.end),), theme=theme,
                     outlet=self.doc.outlet)

    @property
    def language(self) -> str:
        return self.doc.language if self.doc.language != "und" else "und"


def _grams(folded: str) -> frozenset[str]:
    s = _NOT_WORD.sub("", folded)
    if len(s) < 5:
        return frozenset({s})
    return frozenset(s[i:i + 5] for i in range(len(s) - 4))


def near_duplicate(a: str, b: str) -> bool:
    """Character 5-gram Jaccard on the folded view, so a Traditional reprint matches."""
    ga, gb = _grams(a), _grams(b)
    if not ga or not gb:
        return False
    return len(ga & gb) / len(ga | gb) >= NEAR_DUPLICATE


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    m = _LEAD.match(text, start, end)
    if m:
        start = m.end()
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_FINAL_PUNCT = "。．.！!？?；;…"
MAX_TAG_CHARS = 40


def cut_link_tags(text: str, start: int, end: int,
                  links: Sequence[Link]) -> tuple[int, int] | None:
    """``start:end`` without the link labels that trail it, or None if it is mostly labels.

    AI digests end sentences with their citations as link labels ("… 复杂化 szhk qq 163。");
    those are not the source's words. A trailing run of labels, each set off by whitespace
    and optionally followed by final punctuation, is cut off (the span stays an exact slice of
    the text); a sentence whose characters are mostly link labels is not quoted at all.
    """
    inside = [lk for lk in links if start <= lk.start < lk.end <= end]
    if not inside:
        return start, end
    words = len(_NOT_WORD.sub("", text[start:end]))
    tagged = sum(len(_NOT_WORD.sub("", text[lk.start:lk.end])) for lk in inside)
    if words == 0 or tagged * 2 >= words:
        return None
    ends = {lk.end: lk for lk in inside if lk.end - lk.start <= MAX_TAG_CHARS}
    e = end
    while e > start and (text[e - 1] in _FINAL_PUNCT or text[e - 1].isspace()):
        e -= 1
    cut = None
    while (lk := ends.get(e)) is not None and lk.start > start and text[lk.start - 1].isspace():
        cut = e = lk.start
        while e > start and text[e - 1].isspace():
            e -= 1
    if cut is None:
        return start, end
    while e > start and text[e - 1] in "，,、:：;；-–—(（":
        e -= 1
    return (start, e) if e > start else None


def _quotable(text: str, folded: str, title: str | None) -> bool:
    core = _NOT_WORD.sub("", folded)
    cjk = len(_CJK.findall(core))
    size = cjk * 3 + (len(core) - cjk)
    if size < 36 or len(text) > 600:
        return False
    if "|" in text or text.count("http") > 0:
        return False
    return not (title and text.strip() == title.strip())


def candidates(ev: Evidence, themes: Themes) -> list[Candidate]:
    topic_ids = {m.entity_id for m in ev.mentions if m.name in set(ev.entity_names)}
    terms = [fold_query(t) for t in ev.terms if t.strip()]
    by_doc_m: dict[str, list[MentionRow]] = defaultdict(list)
    for m in ev.mentions:
        by_doc_m[m.doc_id].append(m)
    figs: dict[str, list[int]] = defaultdict(list)
    for d, pos, _ in ev.figure_spans:
        figs[d].append(pos)
    evts: dict[str, list[int]] = defaultdict(list)
    for d, pos, _ in ev.event_spans:
        evts[d].append(pos)
    top_rel = max((d.relevance for d in ev.docs), default=1.0) or 1.0
    out: list[Candidate] = []
    for doc in ev.docs:
        rel = 0.5 + 0.5 * (doc.relevance / top_rel)
        if doc.duplicate_of:
            rel *= 0.5
        for s in doc.sentences:
            if s.boilerplate is not None:
                continue
            start, end = _trim(doc.text, s.start, s.end)
            if end <= start:
                continue
            span = cut_link_tags(doc.text, start, end, doc.links)
            if span is None:
                continue
            start, end = span
            quote = doc.text[start:end]
            folded = fold_query(quote)
            if not _quotable(quote, folded, doc.title):
                continue
            ents = {m.entity_id for m in by_doc_m[doc.id] if start <= m.start < end}
            hits = len(ents & topic_ids) + sum(1 for t in terms if t in folded)
            has_fig = any(start <= p < end for p in figs[doc.id])
            has_ev = any(start <= p < end for p in evts[doc.id])
            th = themes.score(folded)
            sal = rel * (1.0 + 1.5 * hits + 0.3 * len(ents) + 1.5 * has_fig + 1.5 * has_ev
                         + 0.4 * min(3, sum(th.values())))
            out.append(Candidate(doc, start, end, folded, th, hits, has_fig, has_ev,
                                 round(sal, 6), len(ents)))
    out.sort(key=lambda c: (-c.salience, c.doc.id, c.start))
    return out


class Picker:
    """Greedy extractive selection: salience, spread over sources and languages, no repeats."""

    def __init__(self) -> None:
        self.chosen: list[Candidate] = []
        self.doc_uses: Counter[str] = Counter()

    def taken(self, c: Candidate) -> bool:
        return any(c.doc.id == x.doc.id and c.start == x.start or near_duplicate(c.folded,
                                                                                 x.folded)
                   for x in self.chosen)

    def pick(self, pool: Sequence[Candidate], n: int,
             bonus: Callable[[Candidate], float] | None = None) -> list[Candidate]:
        got: list[Candidate] = []
        langs: set[str] = set()
        docs: set[str] = set()
        pool = [c for c in pool if not self.taken(c)]
        while pool and len(got) < n:
            def gain(c: Candidate) -> float:
                g = c.salience * (bonus(c) if bonus else 1.0)
                g /= 1.0 + 0.7 * self.doc_uses[c.doc.id] + (1.5 if c.doc.id in docs else 0)
                return g * (1.25 if c.language not in langs else 1.0)

            best = max(pool, key=lambda c: (gain(c), -ord(c.doc.id[-1]), -c.start))
            got.append(best)
            self.chosen.append(best)
            self.doc_uses[best.doc.id] += 1
            langs.add(best.language)
            docs.add(best.doc.id)
            pool = [c for c in pool if c is not best and not near_duplicate(c.folded,
                                                                               best.folded)]
        return got


# --- composing ----------------------------------------------------------------------------------


def unit_name(unit: str, lang: str) -> str:
    """A unit as written after a number in ``lang`` ("USD" → "美元" in Chinese)."""
    if unit in ("count", ""):
        return ""
    names = UNIT_NAMES.get(lang, {})
    return names.get(unit) or unit.removeprefix("other:")


def fmt_value(v: float, unit: str, lang: str) -> str:
    """A figure for display: ``7.7 bn USD`` in English, ``77亿美元`` in Chinese."""
    if unit in ("percent", "%"):
        return f"{v:g}%"
    name = unit_name(unit, lang)
    if lang == "zh":
        if abs(v) >= 1e8:
            return f"{v / 1e8:.4g}亿{name}"
        if abs(v) >= 1e4:
            return f"{v / 1e4:.4g}万{name}"
        return f"{v:,.6g}{name}"
    cur = f" {name}" if name else ""
    if abs(v) >= 1e12:
        return f"{v / 1e12:.3g} tn{cur}"
    if abs(v) >= 1e9:
        return f"{v / 1e9:.3g} bn{cur}"
    if abs(v) >= 1e6:
        return f"{v / 1e6:.3g} m{cur}"
    return f"{v:,.6g}{cur}"


def fmt_spread(lo: float, hi: float, unit: str, lang: str) -> str:
    if lo == hi:
        return fmt_value(lo, unit, lang)
    return f"{fmt_value(lo, unit, lang)}–{fmt_value(hi, unit, lang)}"


class Composer:
    """Builds the sections of one brief from gathered evidence, in one output language."""

    def __init__(self, ev: Evidence, lang: str, themes: Themes) -> None:
        if lang == "zh":
            ev = replace(ev, docs=tuple(replace(d, outlet=OUTLET_NAMES_ZH.get(d.outlet, d.outlet))
                                        for d in ev.docs))
        self.ev = ev
        self.lang = lang
        self.s = strings(lang)
        self.themes = themes
        self.cands = candidates(ev, themes)
        self.picker = Picker()
        self.docs = {d.id: d for d in ev.docs}

    # helpers
    def name(self, n: str) -> str:
        return self.ev.names.get(n, n)

    def join(self, items: Sequence[str], limit: int = 4) -> str:
        items = list(items)
        if len(items) > limit:
            items = items[:limit] + ["…"]
        if len(items) <= 1:
            return "".join(items)
        return self.s["sep"].join(items[:-1]) + self.s["and"] + items[-1]

    def who(self, participants: Sequence[str]) -> str:
        return self.join([self.name(p) for p in participants], 3) or self.s["none"]

    def lang_name(self, code: str) -> str:
        return LANGUAGE_NAMES[self.lang].get(code, code)

    def outlet(self, name: str) -> str:
        return OUTLET_NAMES_ZH.get(name, name) if self.lang == "zh" else name

    def type_name(self, t: str) -> str:
        return ENTITY_TYPE_NAMES[self.lang].get(t, t)

    def count(self, n: int, one: str, many: str) -> str:
        return plural(n, one, many) if self.lang == "en" else str(n)

    def lang_names(self, codes: Iterable[str]) -> list[str]:
        """Display names of languages, Simplified and Traditional Chinese as one."""
        codes = sorted(set(codes))
        if "zh-Hans" in codes and "zh-Hant" in codes:
            both = ("Chinese (Simplified and Traditional)" if self.lang == "en"
                    else "中文（简体和繁体）")
            return [both] + [self.lang_name(c) for c in codes if not c.startswith("zh")]
        return [self.lang_name(c) for c in codes]

    def kind_name(self, kind: str) -> str:
        return KIND_NAMES[self.lang].get(kind, kind)

    def event_name(self, t: str) -> str:
        return EVENT_NAMES[self.lang].get(t, t)

    def measure(self, g: Any) -> str:
        """What a figure group measures: its subject and the entities it is about."""
        subj = str(getattr(g, "subject", None) or getattr(g, "measure", None) or "figure")
        if self.lang == "zh":
            subj = MEASURE_NAMES_ZH.get(subj, subj)
        ents = [self.name(e) for e in getattr(g, "entities", ())]
        return subj + (" · " + self.s["sep"].join(ents) if ents else "")

    def theme_list(self, keys: Sequence[str]) -> str:
        return (" / " if self.lang == "en" else "、").join(
            self.themes.label(k, self.lang) for k in keys)

    def stmt(self, key: str, cites: Iterable[Citation], **kw: Any) -> Claim | None:
        cs = unique(cites)
        if not cs:
            return None
        return Claim(text=self.s[key].format(**kw), kind="statement", language=self.lang,
                     citations=cs)

    def first_sentence(self, doc: DocInfo) -> Citation | None:
        if doc.title:
            i = doc.text.find(doc.title)
            if i >= 0:
                return doc.cite(i, i + len(doc.title))
        for s in doc.sentences:
            if s.boilerplate is None:
                a, b = _trim(doc.text, s.start, s.end)
                span = cut_link_tags(doc.text, a, b, doc.links) if b > a else None
                if span is not None:
                    return doc.cite(*span)
        return None

    def span_cite(self, doc_id: str, start: int, end: int, quote: str, location: str = "",
                  keep: tuple[int, int] | None = None) -> Citation:
        """A citation of a stored span, with trailing link labels cut off when the document
        is at hand (never cutting into ``keep``, the part the citation is for)."""
        d = self.docs.get(doc_id)
        if d is None:
            return Citation(doc_id, start, end, quote, location, None)
        if d.text[start:end] == quote:
            span = cut_link_tags(d.text, start, end, d.links)
            if span is not None and (keep is None or span[1] >= keep[1]):
                start, end = span
                quote = d.text[start:end]
        return Citation(doc_id, start, end, quote, d.location, d.url)

    def report_cites(self, e: Any, n: int = 6) -> list[Citation]:
        return [self.span_cite(r.doc_id, r.start, r.end, r.quote)
                for r in list(getattr(e, "reports", ()))[:n]]

    def figure_cites(self, g: Any, n: int = 8) -> list[Citation]:
        out = []
        for f in list(getattr(g, "figures", ()))[:n]:
            fs, fe = getattr(f, "start", None), getattr(f, "end", None)
            keep = (fs, fe) if isinstance(fs, int) and isinstance(fe, int) else None
            out.append(self.span_cite(f.doc_id, f.quote_start, f.quote_end, f.quote,
                                      getattr(f, "location", "") or "",
                                      keep or (f.quote_end, f.quote_end)))
        return out

    def when(self, date: str | None) -> str:
        return self.s["on"].format(date=date) if date else ""

    def where(self, place: str | None) -> str:
        return self.s["in"].format(place=self.name(place)) if place else ""

    # sections
    def compose(self) -> Brief:
        events = self.timeline_rows()
        figures = self.figure_rows()
        sections = [
            self.summary(),
            self.background(),
            self.analysis(),
            Section("figures", self.s["figures"], tables=(figures,)),
            Section("timeline", self.s["timeline"], tables=(events,)),
            self.actors(),
            self.coverage(),
            self.conclusions(),
            self.limitations(),
            self.sources(),
        ]
        b = Brief(topic=self.ev.topic, lang=self.lang,
                  title=self.s["title"].format(topic=self.ev.topic),
                  sections=tuple(sections), documents=len(self.ev.docs))
        return b

    def best_event(self) -> Any | None:
        """The event a summary leads with: held, dated, and the most independently reported."""
        evs = [e for e in self.ev.events if getattr(e, "reports", ())
               and e.type != "statement"]
        if not evs:
            return None
        return max(evs, key=lambda e: (e.status == "happened", e.date is not None,
                                       e.independent_sources, len(e.reports),
                                       e.date or "", e.type))

    def event_claim(self, e: Any) -> Claim | None:
        # Languages counted as languages (Chinese once, whatever its script); the date is the
        # event's own, never the date a report was published.
        langs = {lang_family(r.language) for r in e.reports}
        n = e.independent_sources
        return self.stmt("s.event", self.report_cites(e), n=n, k=len(langs),
                         n_sources=plural(n, "independent source", "independent sources"),
                         k_languages=plural(len(langs), "language", "languages"),
                         type=self.event_name(e.type), who=self.who(e.participants),
                         when=self.when(e.date), where=self.where(e.place))

    def summary(self) -> Section:
        claims: list[Claim] = []
        e = self.best_event()
        if e is not None and (ec := self.event_claim(e)):
            claims.append(ec)

        def bonus(c: Candidate) -> float:
            return 1.0 + 0.5 * c.has_event + 0.3 * c.has_figure

        # Facts, not rhetoric: a summary sentence names an entity, a figure or an event, and
        # comes from agencies, newspapers, broadcasters or governments first.
        facts = [c for c in self.cands
                 if c.entities or c.topic_hits or c.has_figure or c.has_event]
        picked = self.picker.pick([c for c in facts if c.doc.kind in SUMMARY_KINDS], 4, bonus)
        if len(picked) < 4:
            picked += self.picker.pick([c for c in facts
                                        if c.doc.kind in SUMMARY_FALLBACK_KINDS],
                                       4 - len(picked), bonus)
        claims.extend(c.claim() for c in picked)
        return Section("summary", self.s["summary"], tuple(claims))

    def background(self) -> Section:
        claims: list[Claim] = []
        dated = sorted((d for d in self.ev.docs if d.published), key=lambda d: (d.published, d.id))
        if len(dated) >= 2 and dated[0].published != dated[-1].published:
            first, last = dated[0], dated[-1]
            sc = self.stmt("s.span", filter(None, [self.first_sentence(first),
                                                   self.first_sentence(last)]),
                           first=first.published, first_outlet=first.outlet,
                           last=last.published, last_outlet=last.outlet)
            if sc:
                claims.append(sc)
        latest = dated[-1].published if dated else None
        old = {d.id for d in dated if latest and d.published and d.published[:4] < latest[:4]}
        pool = [c for c in self.cands if c.doc.id in old or _BACKGROUND_CUE.search(c.quote)]
        for c in self.picker.pick(pool, 3, bonus=lambda c: 1.5 if c.doc.id in old else 1.0):
            claims.append(c.claim())
        return Section("background", self.s["background"], tuple(claims))

    def analysis(self) -> Section:
        subs = []
        for key in self.themes.keys:
            pool = [c for c in self.cands if c.themes.get(key)]
            # A sentence belongs to the theme it speaks most about.
            pool = [c for c in pool if max(c.themes, key=lambda k: (c.themes[k], k == key))
                    == key] or pool
            picked = self.picker.pick(pool, 3, bonus=_theme_bonus(key))
            if picked:
                subs.append(Section(key, self.themes.label(key, self.lang),
                                    tuple(c.claim(theme=key) for c in picked)))
        return Section("analysis", self.s["analysis"], subsections=tuple(subs))

    def figure_rows(self) -> Table:
        order = {"conflict": 0, "update": 1, "agree": 2, "single-source": 3}
        groups = sorted((g for g in self.ev.groups if getattr(g, "figures", ())),
                        key=lambda g: (order.get(g.verdict, 9), -g.sources, str(g.measure),
                                       str(g.unit), g.spread))
        rows = []
        for g in groups[:15]:
            lo, hi = g.spread
            value = fmt_spread(lo, hi, g.unit, self.lang)
            periods = ", ".join(str(p) for p in (g.periods or ()) if p) or self.s["none"]
            outlets = sorted({self.outlet(str(f.outlet)) for f in g.figures if f.outlet})
            key = f"{g.measure}|{g.unit}|{g.subject}|{'/'.join(sorted(g.entities))}"
            rows.append(Row(
                cells=(self.measure(g), value, periods,
                       VERDICT_NAMES[self.lang].get(g.verdict, g.verdict), str(g.sources),
                       ", ".join(outlets[:5])),
                citations=unique(self.figure_cites(g)), key=key,
                state=f"{g.verdict}|{lo:g}|{hi:g}|{g.sources}", verdict=g.verdict))
        cols = tuple(self.s[k] for k in ("col.measure", "col.value", "col.period",
                                         "col.verdict", "col.sources", "col.outlets"))
        return Table("figures", cols, tuple(rows))

    def timeline_rows(self) -> Table:
        evs = [e for e in self.ev.events if getattr(e, "reports", ())]
        # The best-reported events, then shown in date order.
        evs = sorted(evs, key=lambda e: (-e.independent_sources, -len(e.reports), e.date or "",
                                         e.type, tuple(e.participants)))[:20]
        evs.sort(key=lambda e: (e.date is None, e.date or "", e.type, tuple(e.participants)))
        rows = []
        for e in evs:
            key = f"{e.type}|{e.date}|{'/'.join(sorted(e.participants))}"
            rows.append(Row(
                cells=(e.date or self.s["nodate"], self.event_name(e.type),
                       self.who(e.participants), self.name(e.place) if e.place else
                       self.s["none"], STATUS_NAMES[self.lang].get(e.status, e.status),
                       str(e.independent_sources)),
                citations=unique(self.report_cites(e, 4)), key=key,
                state=f"{e.status}|{e.place}|{e.independent_sources}", date=e.date,
                weight=int(e.independent_sources)))
        cols = tuple(self.s[k] for k in ("col.date", "col.event", "col.participants",
                                         "col.place", "col.status", "col.sources"))
        return Table("timeline", cols, tuple(rows))

    def mention_cite(self, ms: Sequence[MentionRow]) -> Citation | None:
        for m in ms:
            d = self.docs.get(m.doc_id)
            if d is None:
                continue
            for s in d.sentences:
                if s.boilerplate is None and s.start <= m.start < s.end:
                    a, b = _trim(d.text, s.start, s.end)
                    span = cut_link_tags(d.text, a, b, d.links) if b > a else None
                    if span is not None and span[0] <= m.start and m.end <= span[1]:
                        return d.cite(*span)
                    if b > a:
                        return d.cite(a, b)
        return None

    def in_body(self, m: MentionRow) -> bool:
        """Whether a mention is part of the article's prose: not boilerplate, not a byline,
        affiliation or desk tag near the top, and not a piece of a longer word."""
        d = self.docs.get(m.doc_id)
        if d is None:
            return False
        if m.end < len(d.text) and d.text[m.end].isalpha() and not _CJK.match(d.text[m.end]):
            return False  # "Саммит қоры" inside "Саммит қорытындысы"
        sent = next((x for x in d.sentences if x.start <= m.start < x.end), None)
        if sent is None or sent.boilerplate is not None:
            return False
        text = d.text[sent.start:sent.end]
        tag = _DESK_TAG.match(text)
        if tag and m.end <= sent.start + tag.end():
            return False  # 〔國際新聞中心／綜合報導〕…
        lines_before = sum(1 for ln in d.text[:sent.start].split("\n") if ln.strip())
        return not (lines_before < HEAD_LINES and _looks_like_byline(text))

    def open_question(self, e: Any) -> bool:
        """Whether a planned or postponed event is still an open question by the evidence.

        Not when a later held event of the same type shares participants (the summit that was
        postponed in 2024 and held in 2025), not when its date is long past the newest
        evidence, and never for statements.
        """
        if e.status not in ("planned", "postponed") or e.type == "statement":
            return False
        newest = max((d.published for d in self.ev.docs if d.published), default=None)
        if e.date and newest:
            end = _period_end(e.date)
            start = _as_day(newest[:10])
            if end and start and (start - end).days > STALE_PLAN_DAYS:
                return False
        since = e.date or min((r.published for r in e.reports if r.published), default=None)
        people = set(e.participants)
        for o in self.ev.events:
            if (o is e or o.type != e.type or o.status != "happened" or not o.date
                    or not people & set(o.participants)):
                continue
            n = min(len(o.date), len(since or ""))
            if since is None or o.date[:n] > since[:n]:
                return False
        return True

    def actor_stats(self) -> list[tuple[str, list[MentionRow]]]:
        by: dict[str, list[MentionRow]] = defaultdict(list)
        for m in self.ev.mentions:
            by[m.entity_id].append(m)
        return sorted(by.items(), key=lambda kv: (-len(kv[1]), kv[0]))

    def actors(self) -> Section:
        rows = []
        for eid, ms in self.actor_stats()[:12]:
            c = self.mention_cite(ms)
            if c is None:
                continue
            forms = [f for f, _ in Counter(m.text for m in ms).most_common(3)]
            m0 = ms[0]
            rows.append(Row(
                cells=(self.name(m0.name), self.type_name(m0.type), str(len(ms)),
                       str(len({m.doc_id for m in ms})), ", ".join(forms),
                       self.s["linked"] if m0.linked else self.s["unlinked"]),
                citations=(c,), key=eid, state=str(len(ms))))
        cols = tuple(self.s[k] for k in ("col.name", "col.type", "col.mentions",
                                         "col.documents", "col.forms", "col.kb"))
        return Section("actors", self.s["actors"], tables=(Table("actors", cols, tuple(rows)),))

    def theme_emphasis(self, cands: Sequence[Candidate]) -> list[str]:
        tot: Counter[str] = Counter()
        for c in cands:
            tot.update(c.themes)
        return [k for k, _ in sorted(tot.items(), key=lambda kv: (-kv[1], kv[0]))[:2]]

    def coverage(self) -> Section:
        by_kind: dict[str, list[DocInfo]] = defaultdict(list)
        by_lang: dict[str, list[DocInfo]] = defaultdict(list)
        for d in self.ev.docs:
            by_kind[d.kind].append(d)
            by_lang[d.language].append(d)
        kind_rows, claims = [], []
        for kind, docs in sorted(by_kind.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            ids = {d.id for d in docs}
            cands = [c for c in self.cands if c.doc.id in ids]
            emph = self.theme_emphasis(cands)
            langs = sorted({d.language for d in docs})
            cites = [next(c for c in cands if c.themes.get(t)).claim().citations[0]
                     for t in emph]
            if not cites:
                cites = [fc for fc in (self.first_sentence(d) for d in docs[:3])
                         if fc is not None]
            theme_text = self.theme_list(emph) or self.s["theme.none"]
            kind_rows.append(Row(
                cells=(self.kind_name(kind), str(len(docs)),
                       ", ".join(self.lang_name(x) for x in langs),
                       ", ".join(sorted({d.outlet for d in docs})[:5]), theme_text),
                citations=unique(cites), key=kind))
            if emph and (kc := self.stmt("s.kind", cites, kind=_cap(self.kind_name(kind),
                                                                     self.lang),
                                        n=len(docs),
                                        n_documents=plural(len(docs), "document", "documents"),
                                        langs=self.join(self.lang_names(langs)),
                                        themes=theme_text)):
                claims.append(kc)
        lang_rows = []
        for code in [x for x in (*LANGUAGES, "und") if x in by_lang]:
            docs = by_lang[code]
            fs = [fc for fc in (self.first_sentence(d) for d in docs[:3]) if fc is not None]
            lang_rows.append(Row(
                cells=(self.lang_name(code), str(len(docs)),
                       ", ".join(self.kind_name(k) for k in sorted({d.kind for d in docs}))),
                citations=tuple(fs), key=code))
        kcols = tuple(self.s[k] for k in ("col.kind", "col.documents", "col.languages",
                                          "col.outlets", "col.themes"))
        lcols = tuple(self.s[k] for k in ("col.language", "col.documents", "col.kinds"))
        return Section("coverage", self.s["coverage"], tuple(claims),
                       tables=(Table("kinds", kcols, tuple(kind_rows)),
                               Table("languages", lcols, tuple(lang_rows))))

    def conclusions(self) -> Section:
        claims: list[Claim | None] = []
        e = self.best_event()
        if e is not None and e.independent_sources >= 2:
            claims.append(self.event_claim(e))
        for g in [g for g in self.ev.groups if g.verdict == "agree" and g.sources >= 2][:3]:
            lo, hi = g.spread
            periods = [str(p) for p in (g.periods or ()) if p]
            claims.append(self.stmt("s.agree", self.figure_cites(g), n=g.sources,
                                    measure=self.measure(g),
                                    value=fmt_spread(lo, hi, g.unit, self.lang),
                                    period=f" ({', '.join(periods)})" if periods else ""))
        for g in [g for g in self.ev.groups if g.verdict == "update"][:2]:
            figs = sorted(g.figures, key=lambda f: (str(f.period or f.as_of or f.published
                                                        or ""), f.value))
            a, b = figs[0], figs[-1]
            claims.append(self.stmt(
                "s.update", self.figure_cites(g), measure=_cap(self.measure(g), self.lang),
                first=fmt_value(a.value, a.unit, self.lang),
                p1=f" ({a.period or a.as_of or a.published})" if (a.period or a.as_of
                                                                  or a.published) else "",
                last=fmt_value(b.value, b.unit, self.lang),
                p2=f" ({b.period or b.as_of or b.published})" if (b.period or b.as_of
                                                                  or b.published) else ""))
        by_theme: dict[str, list[Candidate]] = defaultdict(list)
        for c in self.cands:
            for k in c.themes:
                by_theme[k].append(c)
        if by_theme:
            k, cs = max(by_theme.items(), key=lambda kv: (len(kv[1]), kv[0]))
            n, m = len(cs), len({c.doc.id for c in cs})
            nk = len({lang_family(c.language) for c in cs})
            claims.append(self.stmt("s.theme", [c.claim().citations[0] for c in cs[:3]],
                                    theme=self.themes.label(k, self.lang), n=n, m=m, k=nk,
                                    n_sentences=plural(n, "sentence", "sentences"),
                                    m_sources=plural(m, "source", "sources"),
                                    k_languages=plural(nk, "language", "languages")))
        langs = sorted({d.language for d in self.ev.docs})
        kinds = sorted({d.kind for d in self.ev.docs})
        per_lang = [next((self.first_sentence(d) for d in self.ev.docs if d.language == x),
                         None) for x in langs]
        nl = len({lang_family(x) for x in langs})
        claims.append(self.stmt("s.langs", [c for c in per_lang if c], k=nl,
                                k_languages=plural(nl, "language", "languages"),
                                langs=self.join(self.lang_names(langs), 6),
                                m=len(kinds), m_kinds=plural(len(kinds), "kind of source",
                                                             "kinds of source"),
                                kinds=self.join([self.kind_name(x) for x in kinds], 6)))
        return Section("conclusions", self.s["conclusions"],
                       tuple(c for c in claims if c is not None))

    def limitations(self) -> Section:
        lim: list[Claim | None] = []
        qs: list[Claim | None] = []
        singles = 0
        for g in self.ev.groups:
            if g.verdict == "single-source" and g.figures and singles < 6:
                singles += 1
                f = g.figures[0]
                lim.append(self.stmt("s.single", self.figure_cites(g, 1), measure=self.measure(g),
                                     value=f.text,
                                     outlet=self.outlet(f.outlet) if f.outlet else self.s["none"]))
            elif g.verdict == "conflict":
                lo, hi = g.spread
                lim.append(self.stmt("s.conflict", self.figure_cites(g),
                                     measure=self.measure(g), lo=fmt_value(lo, g.unit, self.lang),
                                     hi=fmt_value(hi, g.unit, self.lang)))
        present = sorted({d.language for d in self.ev.docs})
        missing = [x for x in LANGUAGES if x not in present]
        if self.ev.docs and missing:
            cites = [c for c in (self.first_sentence(next(d for d in self.ev.docs
                                                          if d.language == x))
                                 for x in present) if c]
            lim.append(self.stmt("s.nolang", cites,
                                 missing=self.join([self.lang_name(x) for x in missing], 6),
                                 present=self.join([self.lang_name(x) for x in present], 6)))
        kinds = sorted({d.kind for d in self.ev.docs})
        nokind = [k for k in EXPECTED_KINDS if k not in kinds]
        if self.ev.docs and nokind:
            cites = [c for c in (self.first_sentence(next(d for d in self.ev.docs
                                                          if d.kind == k)) for k in kinds) if c]
            lim.append(self.stmt("s.nokind", cites,
                                 missing=self.join([self.kind_name(k) for k in nokind]),
                                 present=self.join([self.kind_name(k) for k in kinds], 6)))
        unlinked = 0
        for _eid, ms in self.actor_stats():
            if ms[0].linked or unlinked >= MAX_UNLINKED:
                continue
            c = self.mention_cite([m for m in ms if self.in_body(m)])
            if c:
                unlinked += 1
                lim.append(self.stmt("s.unlinked", [c], name=ms[0].name))
        for d in sorted(self.ev.docs, key=lambda d: (d.published or "", d.id)):
            c = self.first_sentence(d)
            if c is None:
                continue
            if d.published and d.published_source == "text":
                lim.append(self.stmt("s.dated_text", [c], doc=d.label(), date=d.published))
            elif not d.published:
                lim.append(self.stmt("s.undated", [c], doc=d.label()))
        for e in self.ev.events:
            if not getattr(e, "reports", ()):
                continue
            if e.date is None and e.independent_sources >= 2:
                lim.append(self.stmt("s.eventnodate", self.report_cites(e, 3),
                                     type=self.event_name(e.type), who=self.who(e.participants)))
            if all(r.source_kind == "ai-digest" for r in e.reports):
                lim.append(self.stmt("s.aionly", self.report_cites(e, 2),
                                     type=self.event_name(e.type), who=self.who(e.participants)))
            if self.open_question(e):
                qs.append(self.stmt("s.planned", self.report_cites(e, 3),
                                    status=STATUS_NAMES[self.lang].get(e.status, e.status),
                                    type=self.event_name(e.type), who=self.who(e.participants),
                                    when=self.when(e.date)))
        subs = (Section("limits", self.s["limits"], _dedupe_claims(lim)),
                Section("questions", self.s["questions"], _dedupe_claims(qs)))
        return Section("limitations", self.s["limitations"], subsections=subs)

    def sources(self) -> Section:
        rows = []
        docs = sorted(self.ev.docs, key=lambda d: (d.published or "9999", d.outlet, d.id))
        for i, d in enumerate(docs, start=1):
            c = self.first_sentence(d)
            if c is None:
                continue
            date = d.published or self.s["nodate"]
            if d.published and d.published_source == "text":
                date += f" ({self.s['inferred']})"
            rows.append(Row(
                cells=(str(i), d.outlet, self.kind_name(d.kind), date, self.lang_name(d.language),
                       d.url or d.location),
                citations=(c,), key=d.id, state=f"{d.published}|{d.kind}|{d.outlet}",
                date=d.published))
        cols = tuple(self.s[k] for k in ("col.no", "col.outlet", "col.kind", "col.date",
                                         "col.language", "col.link"))
        return Section("sources", self.s["sources"], tables=(Table("sources", cols, tuple(rows)),))


HEAD_LINES = 6
_DESK_TAG = re.compile(r"\s*[〔【\[（(][^〕】\]）)]{1,30}[〕】\]）)]")
_BYLINE_WORDS = re.compile(
    r"大学|大學|学院|學院|研究所|研究院|研究中心|University|Institute|School|College|Academy|"
    r"Faculty|Department|Университет|университет|Институт|институт|記者|记者|編輯|编辑|"
    r"通讯员|通訊員|作者|Author|By\s", re.IGNORECASE)


def _looks_like_byline(text: str) -> bool:
    """A short line that is a name, an affiliation or a desk tag rather than a sentence."""
    t = text.strip()
    if len(t) > 80:
        return False
    return bool(_BYLINE_WORDS.search(t)) or not re.search(r"[。！？.!?]$", t)


def _as_day(d: str) -> date | None:
    try:
        return date.fromisoformat(d)
    except ValueError:
        return None


def _period_end(d: str) -> date | None:
    """The last day of a date that may be a year or a month."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", d[:10])
    if not m:
        return None
    y, mo, da = int(m.group(1)), m.group(2), m.group(3)
    if da:
        return _as_day(d[:10])
    if mo:
        nxt = date(y + (int(mo) == 12), int(mo) % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1)
    return date(y, 12, 31)


def _theme_bonus(key: str) -> Callable[[Candidate], float]:
    return lambda c: 1.0 + 0.3 * c.themes.get(key, 0)


def _cap(s: str, lang: str) -> str:
    return s[:1].upper() + s[1:] if lang == "en" else s


def _dedupe_claims(claims: Iterable[Claim | None]) -> tuple[Claim, ...]:
    seen: set[str] = set()
    out = []
    for c in claims:
        if c is not None and c.text not in seen:
            seen.add(c.text)
            out.append(c)
    return tuple(out)


def compose(ev: Evidence, lang: str = "en", themes: Themes | None = None) -> Brief:
    """The brief for gathered evidence, before verification; pure, no I/O."""
    b = Composer(ev, lang, themes or default_themes()).compose()
    return replace(b, evidence_key=evidence_key(b))


# --- verification -------------------------------------------------------------------------------


def verify_brief(brief: Brief, store: TextSource) -> Brief:
    """The brief with every citation checked against the stored text.

    Failed citations are removed and listed in ``dropped``; a sentence or table row left without
    a citation is removed, and so is a quote whose own span failed (its words are unverified).
    """
    cache: dict[str, str | None] = {}
    dropped: list[DroppedCitation] = list(brief.dropped)

    def claims(cs: Sequence[Claim]) -> tuple[Claim, ...]:
        out = []
        for c in cs:
            kept, bad = verify(c.citations, store, cache)
            dropped.extend(bad)
            if not kept or (c.kind == "quote" and not any(k.quote == c.text for k in kept)):
                continue
            out.append(replace(c, citations=tuple(kept)))
        return tuple(out)

    def tables(ts: Sequence[Table]) -> tuple[Table, ...]:
        out = []
        for t in ts:
            rows = []
            for r in t.rows:
                kept, bad = verify(r.citations, store, cache)
                dropped.extend(bad)
                if kept:
                    rows.append(replace(r, citations=tuple(kept)))
            out.append(replace(t, rows=tuple(rows)))
        return tuple(out)

    def section(s: Section) -> Section:
        return replace(s, claims=claims(s.claims), tables=tables(s.tables),
                       subsections=tuple(section(x) for x in s.subsections))

    secs = tuple(section(s) for s in brief.sections)
    return replace(brief, sections=secs, dropped=tuple(dropped))


def build_brief(eb: EvidenceBase, topic: str, lang: str = "en",
                themes: Themes | None = None) -> Brief:
    """Gather the evidence on ``topic``, compose the brief and verify every citation."""
    strings(lang)
    if not topic.strip():
        raise ConfigError("a brief needs a topic, e.g. 'Japan Kazakhstan'")
    ev = gather(eb, topic, lang)
    if not ev.docs:
        raise NotFound(f"no stored evidence for topic {topic.strip()!r}; ingest documents "
                       f"that mention it, or check the spelling")
    b = verify_brief(compose(ev, lang, themes), eb.store)
    return replace(b, evidence_key=evidence_key(b))
