"""Entity recognition: knowledge-base matching plus rules that discover unknown names.

Linked entities get ``id = make_id("ent", kb_id)`` (a hash, like every other id in attache, so
ids never leak KB internals and stay stable when the KB is merged from several files); their
``name`` is the canonical English name. Unlinked ones, found by title, suffix and
transliteration rules, get ``make_id("ent", "unlinked", type, folded surface form)`` and their
surface form as name, so one surface form is one entity across documents.

All matching happens on the view (``text``), which has the same length as ``original``; the
offsets found are therefore offsets into the original, and mention text is cut from it.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import unicodedata
import weakref
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import ahocorasick
from opencc import OpenCC

from attache import kb as kb_module
from attache.kb import KBEntry, KnowledgeBase, surface_forms
from attache.model import Entity, Mention, make_id
from attache.tokens import cache_dir
from attache.transliteration import latin_key, same_name, skeleton

_T2S = OpenCC("t2s")
_CHARMAP = {"ё": "е", "‐": "-", "‑": "-", "–": "-", "—": "-", "・": "·", "‧": "·", "•": "·",
            "∙": "·", "⋅": "·", "’": "'"}


_FOLDED: dict[str, str] = {}


def _fold_char(c: str) -> str:
    n = unicodedata.normalize("NFKC", c) if ord(c) > 127 else c
    if len(n) != 1:
        n = c
    low = n.lower()
    n = low if len(low) == 1 else n
    return _CHARMAP.get(n, n)


def fold(s: str) -> str:
    """Case- and width-fold character by character, so the result keeps the length of ``s``."""
    table = _FOLDED
    for c in set(s).difference(table):
        table[c] = _fold_char(c)
    return "".join([table[c] for c in s])


def is_han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"


def _is_word_char(c: str) -> bool:
    # Han and kana carry no word boundaries, so only alphabetic scripts and digits count here.
    return c.isalnum() and not is_han(c) and not ("\u3040" <= c <= "\u30ff")


# Adjectives and compound prefixes that name a country (японский, японо-казахстанский, Kazakh).
_COUNTRY_ADJECTIVES: dict[str, tuple[str, ...]] = {
    "Japan": ("японск", "японо", "жапон", "жапондық", "Japanese"),
    "Kazakhstan": ("казахстанск", "казахстанско", "қазақстандық", "Kazakhstani", "Kazakh"),
    "China": ("китайск", "китайско", "қытайлық", "Chinese"),
    "Russia": ("российск", "российско", "ресейлік", "Russian"),
    "United States": ("американск", "американо", "американдық", "American"),
    "Uzbekistan": ("узбекск", "узбекистанск", "өзбекстандық", "Uzbek"),
    "Kyrgyzstan": ("киргизск", "кыргызск", "Kyrgyz"),
    "Tajikistan": ("таджикск", "Tajik"),
    "Turkmenistan": ("туркменск", "Turkmen"),
    "Ukraine": ("украинск", "Ukrainian"),
    "South Korea": ("южнокорейск", "South Korean"),
    "Soviet Union": ("советск", "Soviet"),
}
_RU_ADJ_ENDINGS = ("ий", "ая", "ое", "ие", "ого", "ой", "ому", "им", "ую", "ом", "их", "ими",
                   "ые", "ых", "ым", "ыми")
# Japanese writes one-character country abbreviations (日米, 訪日, 来日) that the KB's Chinese
# abbreviation lists do not cover.
_JA_ABBREV = {"日": "Japan", "米": "United States", "露": "Russia", "中": "China",
              "韓": "South Korea", "英": "United Kingdom", "印": "India", "独": "Germany",
              "仏": "France", "豪": "Australia"}
_TYPE_RANK = {"country": 0, "organization": 1, "person": 2, "event_series": 3, "place": 4,
              "other": 5}


@dataclass
class _Matcher:
    automaton: ahocorasick.Automaton
    abbrev_zh: dict[str, str] = field(default_factory=dict)
    abbrev_ja: dict[str, str] = field(default_factory=dict)


_CACHE: weakref.WeakKeyDictionary[KnowledgeBase, _Matcher] = weakref.WeakKeyDictionary()


def _keys_for(entry: KBEntry) -> set[tuple[str, bool, bool]]:
    """(folded key, case-sensitive, capitalised) triples to register for one entry.

    A key is capitalised when its alias starts with a capital Cyrillic or Latin letter; such
    keys do not match a lowercase word (Kazakh достық 'friendship' is not Dostyk station).
    """
    forms: set[str] = set()
    for lang, alias in entry.all_aliases():
        variants = {alias}
        if any(is_han(c) for c in alias):
            variants.add(_T2S.convert(alias))
        for v in variants:
            forms |= surface_forms(v, lang)
    # Single Han characters are abbreviations, handled by context.
    kept = sorted(f for f in forms if len(f) >= 2 and "\n" not in f
                  and f not in _GENERIC_ALIASES)
    # fold() keeps length, so one call over the joined forms splits back into the forms.
    folded = fold("\n".join(kept)).split("\n")
    # Short all-caps acronyms (US, UN, SCO) are matched case-sensitively so that "us" and
    # "un" in running text stay words.
    return {(k, f.isupper() and len(f) <= 5 and f.isascii(), f[0].isupper())
            for f, k in zip(kept, folded, strict=True)}


_CACHED_AUTOMATA = 4


def _cache_key(entries: Sequence[KBEntry]) -> str:
    """A hash of everything the automaton is built from: the entries and this code."""
    h = hashlib.sha256()
    for mod in (__file__, kb_module.__file__):
        h.update(Path(mod).read_bytes())
    for e in entries:
        h.update(json.dumps([e.id, e.type, sorted(e.all_aliases())],
                            ensure_ascii=False).encode("utf-8"))
    return h.hexdigest()[:24]


def _cached_automaton(key: str) -> ahocorasick.Automaton | None:
    folder = cache_dir()
    path = Path(folder) / f"kb-automaton-{key}.pickle" if folder else None
    if path is None or not path.is_file():
        return None
    try:
        with path.open("rb") as f:
            auto = pickle.load(f)  # our own file in the user's cache folder
    except Exception:  # a truncated or foreign file: rebuild and overwrite it
        return None
    return auto if isinstance(auto, ahocorasick.Automaton) else None


def _store_automaton(key: str, auto: ahocorasick.Automaton) -> None:
    folder = cache_dir()
    if not folder:
        return
    path = Path(folder) / f"kb-automaton-{key}.pickle"
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        with tmp.open("wb") as f:
            pickle.dump(auto, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        # A few knowledge bases (shipped, shipped + a user's files) stay; older ones go.
        older = sorted(Path(folder).glob("kb-automaton-*.pickle"),
                       key=lambda p: p.stat().st_mtime, reverse=True)
        for old in older[_CACHED_AUTOMATA:]:
            old.unlink(missing_ok=True)
    except OSError:
        tmp.unlink(missing_ok=True)


def _matcher(kb: KnowledgeBase) -> _Matcher:
    m = _CACHE.get(kb)
    if m is not None:
        return m
    entries = sorted(kb.entries(), key=lambda e: (_TYPE_RANK.get(e.type, 9), e.id))
    key = _cache_key(entries)
    auto = _cached_automaton(key)
    if auto is None:
        auto = _build_automaton(kb, entries)
        _store_automaton(key, auto)
    abbrev_zh: dict[str, str] = {}
    for e in entries:
        for a in e.abbrev:
            if len(a) == 1:
                abbrev_zh.setdefault(_T2S.convert(a), e.id)
    abbrev_ja = {}
    for ch, name in _JA_ABBREV.items():
        hit = kb.by_name(name)
        if hit is not None:
            abbrev_ja[ch] = hit.id
    m = _Matcher(auto, abbrev_zh, abbrev_ja)
    _CACHE[kb] = m
    return m


def _build_automaton(kb: KnowledgeBase, entries: Sequence[KBEntry]) -> ahocorasick.Automaton:
    table: dict[str, list[tuple[str, bool, int, bool]]] = {}
    for e in entries:
        keys = _keys_for(e)
        lower = {k for k, _, cap in keys if not cap}
        for key, cs, cap in keys:
            if cap and key in lower:
                continue
            table.setdefault(key, []).append((e.id, cs, 0, cap))
    for name, stems in _COUNTRY_ADJECTIVES.items():
        entry = kb.by_name(name)
        if entry is None:
            continue
        for stem in stems:
            forms = {stem} if stem[0].isupper() or stem.endswith(("о", "қ", "к", "н")) else set()
            if stem.endswith("ск"):
                forms |= {stem + e for e in _RU_ADJ_ENDINGS}
            for f in forms:
                table.setdefault(fold(f), []).append((entry.id, False, 1, False))
    auto = ahocorasick.Automaton()
    for key, vals in table.items():
        auto.add_word(key, (len(key), tuple(vals)))
    if len(table):
        auto.make_automaton()
    return auto


@dataclass(frozen=True)
class Hit:
    """A candidate mention: span, KB id or None, and for unlinked hits a type and name."""

    start: int
    end: int
    kb_id: str | None
    type: str = ""
    name: str = ""
    weak: bool = False  # adjective forms and abbreviations lose ties to real names


class Occupied:
    """Spans already taken, as a character mask so each overlap test costs O(span)."""

    def __init__(self, spans: Iterable[tuple[int, int]], size: int) -> None:
        self.size = size
        self.spans = list(spans)
        self.mask = bytearray(size + 1)
        for s, e in self.spans:
            self.mask[s:e] = b"\x01" * (min(e, size) - s) if e > s else b""

    def hits(self, start: int, end: int) -> bool:
        return self.mask.find(1, start, end) != -1

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(self.spans)

    def __add__(self, more: Iterable[tuple[int, int]]) -> Occupied:
        out = Occupied((), self.size)
        out.spans = self.spans + list(more)
        out.mask = bytearray(self.mask)
        for s, e in out.spans[len(self.spans):]:
            out.mask[s:e] = b"\x01" * (min(e, self.size) - s) if e > s else b""
        return out


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]] | Occupied) -> bool:
    if isinstance(spans, Occupied):
        return spans.hits(start, end)
    return any(s < end and start < e for s, e in spans)


_KATAKANA_RUN = re.compile("[\u30a1-\u30fa\u30fc]+")


def kb_hits(view: str, original: str, m: _Matcher) -> list[Hit]:
    if not len(m.automaton):
        return []
    hits: list[Hit] = []
    for end_idx, (klen, vals) in m.automaton.iter(view):
        start, end = end_idx - klen + 1, end_idx + 1
        if _is_word_char(view[start]) and start > 0 and _is_word_char(view[start - 1]):
            continue
        if _is_word_char(view[end - 1]) and end < len(view) and _is_word_char(view[end]):
            continue
        # Katakana has no spaces: a name written in katakana (バイル, Bayrou) must be the whole
        # katakana run, not a piece of a longer word (モバイル, mobile).
        if _KATAKANA_RUN.fullmatch(view[start:end]) and (
                (start > 0 and _KATAKANA_RUN.match(view[start - 1]))
                or (end < len(view) and _KATAKANA_RUN.match(view[end]))):
            continue
        # 能源部长 is the minister, not the ministry: a body's name ending in 部 or 局 does
        # not match when 长 follows (the title rules then find the person).
        if end < len(view) and view[end] in "长長" and view[end - 1] in "部局":
            continue
        for kb_id, cs, weak, cap in vals:
            if cs and original[start:end].upper() != original[start:end]:
                continue
            if cap and original[start].islower():
                continue
            hits.append(Hit(start, end, kb_id, weak=bool(weak)))
            break
    return hits


def resolve(hits: list[Hit], taken: Occupied | None = None) -> list[Hit]:
    """Leftmost-longest, non-overlapping; strong hits beat weak ones of equal span."""
    hits = sorted(hits, key=lambda h: (h.start, -(h.end - h.start), h.weak))
    out: list[Hit] = []
    occupied: Occupied | list[tuple[int, int]] = taken if taken is not None else []
    last_end = -1
    for h in hits:
        if h.start < last_end or _overlaps(h.start, h.end, occupied):
            continue
        out.append(h)
        last_end = h.end
    return out


# --- abbreviations ------------------------------------------------------------------------
# Words in which an abbreviation character is not a country (今日, 中心, 日益, 美元 ...).
_STOP_BIGRAMS = set(
    "今日 昨日 明日 近日 当日 次日 每日 节日 生日 假日 周日 平日 往日 抗日 旧日 终日 连日 即日 "
    "日日 同日 翌日 前日 某日 本日 其中 之中 当中 集中 空中 心中 高中 初中 期中 居中 正中 "
    "从中 暗中 命中 途中 手中 家中 国中 城中 水中 "
    "中午 中心 中间 中央 中学 中文 中华 中亚 中东 中欧 中非 中美洲 中长 中期 中短 中立 中小 中等 "
    "中部 中层 中型 中旬 中方向 中外 中国 中共 中低 中高 中止 中断 中标 中途 中的 中枢 中资 中性 "
    "日本 日报 日期 日子 日前 日常 日益 日内 日后 日记 日元 日程 日夜 日均 日俱 日新 日至 日起 "
    "日晚 日早 日上 日下 日电 日讯 日光 日语 日文 日照 日落 日出 日间 日趋 日渐 日军 日籍 日裔 "
    "美元 美洲 美丽 美好 美食 美术 美国 美学 美誉 美德 美景 美化 美观 美容 美女 美妙 美味 美感 "
    "俄语 俄文 俄国 俄罗斯 哈佛 哈尔 哈哈 哈密 韩语 韩元 韩国 英语 英文 英寸 英里 英雄 英国 "
    "德语 德国 法语 法国 法律 法院 法规 法治 印度 印象 印刷 完美 欧美 英美 审美 赞美 健美 精美 "
    .split()
)
_ABBREV_LEFT = set("对与同和赴访驻在来抵及向从")
_ABBREV_RIGHT = set("投合开出援访贸关政外进举交签建发提实派留工经参考学旅务后时期并就与及和的首互"
                    "、，。；：！？）」”,.;:!?)")


def abbrev_hits(view: str, m: _Matcher, language: str, occupied: Occupied
                ) -> list[Hit]:
    if language == "ja":
        return []  # 来日中, 日中: one-character abbreviations misfire in Japanese text
    table = m.abbrev_zh
    if not table:
        return []
    hits: list[Hit] = []
    covered = bytearray(len(view) + 1)
    for s, e in occupied:
        covered[s:e] = b"\x01" * (e - s)
    pattern = "[" + re.escape("".join(table)) + "]"
    for run in re.finditer(pattern + "+", view):
        s, e = run.start(), run.end()
        if any(covered[s:e]):
            continue
        # Trim characters that form an ordinary word with the neighbour (今日中俄 -> 中俄).
        if s > 0 and view[s - 1: s + 1] in _STOP_BIGRAMS:
            s += 1
        if e < len(view) and view[e - 1: e + 1] in _STOP_BIGRAMS:
            e -= 1
        chars = view[s:e]
        if len(chars) >= 2 and len(set(chars)) == len(chars):
            hits += [Hit(i, i + 1, table[view[i]], weak=True) for i in range(s, e)]
        elif len(chars) == 1:
            nxt = view[e] if e < len(view) else ""
            prv = view[s - 1] if s > 0 else ""
            if nxt == "方" or (nxt == "国" and language != "ja"):
                hits.append(Hit(s, e + 1, table[chars], weak=True))
            elif prv in _ABBREV_LEFT and (nxt in _ABBREV_RIGHT or not nxt) \
                    and view[s - 1: s + 1] not in _STOP_BIGRAMS \
                    and view[s: s + 2] not in _STOP_BIGRAMS:
                hits.append(Hit(s, e, table[chars], weak=True))
            elif language == "ja" and prv in "訪来滞在駐" and chars == "日":
                hits.append(Hit(s, e, table[chars], weak=True))
    return hits


def find_entities(
    text: str,
    original: str,
    language: str,
    kb: KnowledgeBase,
    published: str | None = None,
    skip: Sequence[tuple[int, int]] = (),
) -> list[Entity]:
    """Entities of one document: KB matches first, then abbreviations, then discovered names.

    ``published`` is accepted for role-aware linking and currently unused by the rules.
    """
    del published
    if not text:
        return []
    if len(text) != len(original):
        raise ValueError("the matching view must have the same length as the original text")
    view = fold(text)
    m = _matcher(kb)
    skip_spans = Occupied(sorted(skip), len(text))
    kb_found = [h for h in kb_hits(view, original, m)
                if not _overlaps(h.start, h.end, skip_spans) and not _tag(original, h)]
    chosen = resolve(kb_found)
    occupied = skip_spans + [(h.start, h.end) for h in chosen]
    chosen += resolve(abbrev_hits(view, m, language, occupied), occupied)
    occupied = skip_spans + [(h.start, h.end) for h in chosen]
    countries = frozenset(e.id for e in kb.entries() if e.type == "country")
    found = [d for d in discover(view, original, language, chosen, occupied, countries)
             if not _tag(original, d) and not _dateline(original, d)]
    quoted = _quoted_orgs(original, language, skip_spans)
    quoted += [d for d in _named_documents(view, original, language, skip_spans)
               if not any(h.start <= d.start and d.end <= h.end for h in chosen)
               and not any(q.start < d.end and d.start < q.end for q in quoted)]
    if quoted:
        chosen = [h for h in chosen if not any(q.start <= h.start and h.end <= q.end
                                               for q in quoted)]
        found = [d for d in found if not any(q.start < d.end and d.start < q.end
                                             for q in quoted)] + quoted
    for d in found:
        if d.kb_id is None:
            chosen = [h for h in chosen if not (d.start <= h.start and h.end <= d.end)]
    return _assemble(chosen + found, original, kb)


def _assemble(hits: list[Hit], original: str, kb: KnowledgeBase) -> list[Entity]:
    groups: dict[str, tuple[str, str, bool, list[Mention]]] = {}
    for h in sorted(hits, key=lambda h: h.start):
        entry_ = kb.get(h.kb_id) if h.kb_id is not None else None
        ms, me = _trim(original, h, entry_.type if entry_ is not None else h.type)
        mention = Mention(original[ms:me], ms, me)
        if h.kb_id is not None:
            entry = kb.get(h.kb_id)
            if entry is None:
                continue
            eid, name, typ, linked = make_id("ent", entry.id), entry.name, entry.type, True
        elif (known := _spelling_of_known(h, kb)) is not None:
            eid, name, typ, linked = make_id("ent", known.id), known.name, known.type, True
        else:
            eid = make_id("ent", "unlinked", h.type, _unlinked_key(h))
            name, typ, linked = h.name, h.type, False
        if eid not in groups:
            groups[eid] = (name, typ, linked, [])
        groups[eid][3].append(mention)
    return [Entity(id=eid, name=n, type=t, mentions=tuple(ms), linked=lk)
            for eid, (n, t, lk, ms) in groups.items()]


def _unlinked_key(h: Hit) -> str:
    """What identifies an unknown name across documents and languages: a transliteration key
    for names in Cyrillic, Latin or kana (Ибраев, Ibrayev, イブラエフ are one person), the
    folded Simplified form for Han names, whose spelling does not vary."""
    if any(is_han(c) for c in h.name):
        return fold(_T2S.convert(h.name))
    key = skeleton(h.name) if h.type == "person" else latin_key(h.name)
    return "translit:" + key if len(key.replace(" ", "")) >= 3 else fold(h.name)


_KNOWN_SPELLINGS: weakref.WeakKeyDictionary[KnowledgeBase, dict[str, list[tuple[str, str]]]] = \
    weakref.WeakKeyDictionary()


def _spelling_of_known(h: Hit, kb: KnowledgeBase) -> KBEntry | None:
    """The knowledge-base person an unknown name spells differently (Tokaev, Тоқаевтың), when
    exactly one person's alias has the same skeleton and a close romanization."""
    if h.type != "person" or any(is_han(c) for c in h.name):
        return None
    table = _KNOWN_SPELLINGS.get(kb)
    if table is None:
        table = {}
        for e in kb.entries():
            if e.type != "person":
                continue
            for lang, alias in e.all_aliases():
                if lang in ("zh-Hans", "zh-Hant") or any(is_han(c) for c in alias):
                    continue
                table.setdefault(skeleton(alias), []).append((e.id, alias))
        _KNOWN_SPELLINGS[kb] = table
    found = {eid for eid, alias in table.get(skeleton(h.name), ()) if same_name(alias, h.name)}
    return kb.get(found.pop()) if len(found) == 1 else None


# --- discovery of unknown names -------------------------------------------------------------
# Every rule is anchored (a title, a suffix, a middle dot) and every quantifier is bounded, so a
# 100 000-character line costs linear time and generic phrases do not become entities.

_HAN = "\u4e00-\u9fff"
_ZH_TITLES = sorted(
    "总统 副总统 首相 总理 副总理 外长 外相 防长 部长 副部长 外交部长 国防部长 主席 副主席 董事长 "
    "董事会主席 总裁 副总裁 社长 会长 行长 大使 知事 市长 州长 议长 国务卿 大臣 外务大臣 政治学家 "
    "经济学家 学者 专家 教授 研究员 分析师 所长 院长 校长 "
    "主任 秘书长 发言人 相扑手 选手 首席执行官 "
    "执行董事 总经理 创始人 记者 作家 议员 总督 国王 天皇 女王 亲王 领导人 书记 大法官".split(),
    key=len, reverse=True)
_ZH_FOLLOWERS = tuple(
    "表示 说 认为 指出 强调 称 时 在 的 与 和 及 也 还 则 曾 将 已 于 对 向 发表 宣布 访问 出席 率 "
    "一行 等 就 是 提出 回应 补充 会见 会晤 会面 透露 介绍 "
    "签署 参加 参观 讨论 听取 主持 同 并 接受 "
    "致 所 亲自 先生 女士 阁下 一同 都 今天 昨天 近日 日前 "
    "作 做 为 以 到 抵达 通话 谈判 呼吁 希望".split())
_ZH_SPEECH = ("认为", "表示", "指出", "强调", "透露", "介绍", "说，", "说:", "说：", "称，", "称:",
              "称：")
_ZH_NOT_NAME_START = set("此该这那其本各每两多一我你他她它们在与和对向于"
                         "已将也还则曾都就并又正首再亲共"
                         "同均先后等时所以为被把让使要会能可不没从由当因而但或即")
_ZH_NOT_NAME_CHAR = set("的了是在和与及等上下年月日国家们这那其此该个中")
_ZH_ORG_SUFFIXES = sorted("公司 集团 大学 研究院 研究所 银行 协会 委员会 部 局 "
                          "中心 基金会 学院 商会 "
                          "交易所 康采恩".split(), key=len, reverse=True)
_ZH_ORG_STOPS = set("的在是将了由向对为从被把等同跟以于并其该这此各也还则都就而但或即让给、")
_ZH_GENERIC = set(
    "教育 研究 培训 数据 科技 创新 技术 服务 物流 商业 金融 "
    "文化 信息 贸易 经济 合作 投资 医疗 卫生 "
    "能源 交通 数字 国际 国家 地区 区域 政府 行政 管理 新闻 "
    "外资 跨国 子 母 分 总 矿业 农业 企业 工业 "
    "商务 外交 国防 相关 有关 其他 上述 主要 大型 小型 中小 "
    "知名 领先 重点 全球 当地 本地 地方 中央 "
    "两国 双方 多家 各国 国有 民营 私营 合资 独资 控股 大 "
    "小 新 老 这家 那家 该 此 本 各 两家 多个".split())
_ZH_BAD_BEFORE_BU = set("内全东西南北中外局干总本分头底顶腹胸背面脑腰上下前后"
                        "左右基大细俱乐当格布时政结"
                        "破僵开变棋战骗")
_ZH_SUFFIX_BAD_NEXT = {"部": "长门分队署落位件委属", "局": "长面势部", "大学": "生",
                       "中心": "城地点分"}
# jieba tags many of these as nouns, so they are listed: a verb before a name is not part of it.
_ZH_LEAD_VERBS = tuple("参观 访问 利用 开设 建立 设立 成立 支持 推动 加强 鼓励 邀请 "
                       "会见 会晤 拜访 前往 "
                       "考察 出席 参加 加入 退出 通过 经过 包括 例如 "
                       "比如 联合 携手 依托 基于 借助".split())
# Context-dependent institution words (the government, the foreign ministry) that a KB may list
# as aliases of one country's body; matching them bare would credit the wrong country.
_GENERIC_ALIASES = set("政府 外交部 国防部 外务省 议会 国会 总统府 内阁 央行 财政部 商务部 教育部 "
                       "政府网 外交部长 中央政府 当局".split())
_EN_TITLES = (r"(?i:President|Vice President|Prime Minister|Foreign Minister|Defen[cs]e Minister|"
              r"Deputy Prime Minister|Minister|Ambassador|CEO|Chairman|Chairwoman|Chair|"
              r"Professor|Prof\.|Dr\.|analyst|political scientist|economist|Governor|Mayor|"
              r"Senator|Secretary|Director|spokesperson|spokesman|spokeswoman|Emperor|"
              r"Chief Executive|founder|Speaker|(?:senior |research )?fellow|researcher|"
              r"scholar|expert)")
_EN_NAME = r"(?:[A-Z]\.\s?){0,2}[A-Z][a-z'’\-]{1,20}(?:\s(?:[A-Z]\.\s?)?[A-Z][a-z'’\-]{1,20}){1,2}"
_EN_PERSON = re.compile(rf"\b{_EN_TITLES}\s+(?P<name>{_EN_NAME})\b")
_EN_ORG_WORDS = ("Company|Corporation|Corp\\.|Group|University|Institute|Bank|Agency|Ministry|"
                 "Council|Forum|Holdings|LLC|JSC|Co\\.|Inc\\.|Ltd\\.?|Foundation|Association|Fund|"
                 "Committee|Commission|Authority|Centre|Center|Hub|Organization|Organisation")
_EN_ORG = re.compile(
    rf"\b(?P<name>(?:[A-Z][\w&.\-]{{0,25}}\s){{1,5}}(?:{_EN_ORG_WORDS})"
    rf"(?:\sof(?:\sthe)?(?:\s[A-Z][\w\-]{{1,25}}){{1,4}})?)")
_LATIN_SPAN = re.compile(
    r"[A-Z][A-Za-z0-9]{0,30}(?:[.&'\-][A-Za-z0-9]{1,30}){0,3}"
    r"(?: (?:of |and |for |the |& )?[A-Z][A-Za-z0-9]{0,30}(?:[.&'\-][A-Za-z0-9]{1,30}){0,3}){0,5}")
_LATIN_OTHER_AFTER = ("项目", "计划", "倡议", "技术", "系统", "方案", "平台", "战略",
                      "プロジェクト")
_CYR_UP = "А-ЯЁӘҒҚҢӨҰҮҺІ"
_CYR_LOW = "а-яёәғқңөұүһі"
_RU_TITLE = re.compile(
    rf"(?:[Пп]резидент|[Пп]ремьер-министр|[Мм]инистр|[Гг]лав|[Дд]иректор|[Пп]олитолог|[Ээ]ксперт|"
    rf"[Пп]редседател|[Пп]осол|[Пп]осл|[Аа]налитик|[Пп]рофессор|[Сс]енатор|[Дд]епутат|[Мм]эр|"
    rf"[Аа]ким|[Сс]пикер|[Пп]ремьер)[{_CYR_LOW}-]{{0,8}}")
_CYR_NAME = re.compile(rf"[{_CYR_UP}][{_CYR_LOW}]{{1,20}}(?:-[{_CYR_UP}][{_CYR_LOW}]{{1,20}})?"
                       rf"(?:\s[{_CYR_UP}][{_CYR_LOW}]{{1,20}}(?:-[{_CYR_UP}][{_CYR_LOW}]{{1,20}})?)"
                       rf"{{0,2}}")
_SURNAME_END = re.compile(rf"(?:ов|ев|ёв|ин|ын|ова|ева|ина|ына|улы|ұлы|кызы|қызы|ский|ская|ко|енко|"
                          rf"ук|юк|ян)[{_CYR_LOW}]{{0,3}}$")
_RU_ORG = re.compile(rf"(?:(?:АО|ТОО|ООО|ПАО|ОАО|АҚ|ЖШС|ЗАО)\s?|(?i:компани|банк|корпораци|холдинг|"
                     rf"агентств|фонд|концерн)[{_CYR_LOW}]{{0,3}}\s)«[^»\n]{{2,60}}»")
_RU_ORG_HEAD = re.compile(
    rf"(?:Министерств|Агентств|Университет|Банк|Фонд|Комитет|Институт)[{_CYR_LOW}]{{0,3}}"
    rf"(?:\s[{_CYR_LOW}]{{2,20}}){{0,4}}(?:\s[{_CYR_UP}][{_CYR_LOW}]{{2,20}})?")
_RU_ADJ_CASE = re.compile(r"(?:ск|цк)(?:ого|ому|ой|ую|ом|им|ими|их|ая|ое|ие|ые)$")
# Ташкентского института стратегических исследований: a capitalised adjective, an institution
# noun in any case and a tail of lowercase genitive words (adjective + noun plural/singular).
_RU_ADJ_ORG = re.compile(
    rf"[{_CYR_UP}][{_CYR_LOW}]{{2,20}}(?:ский|ского|скому|ским|ском|ская|ской|скую)\s"
    rf"(?:институт|университет|центр|фонд|академи|агентств|комитет)[{_CYR_LOW}]{{0,3}}"
    rf"(?:\s[{_CYR_LOW}]{{3,20}}(?:ых|их|ой|ей|ого|его))?"
    rf"(?:\s[{_CYR_LOW}]{{3,20}}(?:ий|ов|ев|ия|ии|ы|и|а|ей))?(?![{_CYR_LOW}])")
_TAG_CTX = re.compile(r"[\[(]")
_DATELINE = re.compile(r"[〔【\[［(（][^〔〕【】\n]{0,24}[∕/／][^〔〕【】\n]{0,12}[〕】\]］)）]")
_TITLE_PREFIX = re.compile(
    rf"^(?:[Мм]емлекет басшысы|[Гг]лава государства|[Ии]мператор(?:ом|а|у)?|"
    rf"[Пп]резидент[{_CYR_LOW}]*|[Пп]ремьер-министр[{_CYR_LOW}]*|[Мм]инистр[{_CYR_LOW}]*|"
    rf"President|Prime Minister|Emperor)\s+")
_QUOTE_TRIM = "«»「」『』“”\"《》"


def _tag(original: str, h: Hit) -> bool:
    """A citation tag or link label ([kazinform], [nhk](url)): lowercase Latin in brackets."""
    word = original[h.start:h.end]
    return (h.start > 0 and original[h.start - 1] == "[" and original[h.end:h.end + 1] == "]"
            and word.isascii() and word.lower() == word)


def _dateline(original: str, h: Hit) -> bool:
    """A desk tag or byline in brackets (〔國際新聞中心∕綜合報導〕): not a body entity."""
    for m in _DATELINE.finditer(original, max(0, h.start - 26), min(len(original), h.end + 40)):
        if m.start() <= h.start and h.end <= m.end():
            return True
    return False


def _trim(original: str, h: Hit, typ: str) -> tuple[int, int]:
    """Mention spans without a leading title or surrounding quotation marks."""
    s, e = h.start, h.end
    if typ == "person":
        m = _TITLE_PREFIX.match(original, s, e)
        if m and m.end() < e:
            s = m.end()
    while e - s > 1 and original[s] in _QUOTE_TRIM:
        s += 1
    while e - s > 1 and original[e - 1] in _QUOTE_TRIM:
        e -= 1
    return s, e


_KK_ORG = re.compile(
    rf"(?:[{_CYR_UP}][{_CYR_LOW}]{{1,20}}\s){{1,5}}(?:[{_CYR_LOW}]{{2,20}}\s){{0,3}}"
    rf"(?:министрлігі|университеті|агенттігі|банкі|қоры|комитеті|институты)(?![{_CYR_LOW}])")
_KK_PERSON = re.compile(
    rf"(?:Президенті|президенті|министрі|Министрі|төрағасы|басшысы|директоры|[Сс]арапшы|"
    rf"[Сс]аясаттанушы)"
    rf"\s(?P<name>[{_CYR_UP}][{_CYR_LOW}]{{1,20}}(?:-[{_CYR_UP}][{_CYR_LOW}]{{1,20}})?"
    rf"(?:\s[{_CYR_UP}][{_CYR_LOW}]{{1,20}}){{0,2}})")
_KANA = "\u30a1-\u30fa\u30fc"
_JA_PERSON_BEFORE = re.compile(
    rf"(?<![{_HAN}{_KANA}])(?P<name>[{_KANA}]{{2,12}}(?:·[{_KANA}]{{2,12}}){{0,3}}|[{_HAN}]{{2,4}})"
    rf"(?:大統領|首相|外相|外務大臣|社長|会長|大使|知事|教授|氏|首席|議長|元首相)")
_JA_DOTTED = re.compile(rf"[{_KANA}]{{2,12}}(?:·[{_KANA}]{{2,12}}){{1,3}}")
_JA_ORG = re.compile(
    rf"(?<![{_HAN}{_KANA}])(?P<name>株式会社[{_KANA}{_HAN}]{{2,10}}|"
    rf"[{_KANA}{_HAN}]{{2,12}}(?:株式会社|会社|大学|銀行|機構|省|庁))")
_JA_NOT_START = set("同各本当両全他諸")
_DOTTED_HAN = re.compile(rf"[{_HAN}]{{1,12}}(?:·[{_HAN}]{{1,12}}){{1,3}}")
_TRANSLIT_END = re.compile(rf"[{_HAN}]{{1,6}}(?:耶夫|诺夫|斯基|科娃|别克|巴耶夫|娃)")
_ZH_TITLE_RE = re.compile("|".join(_ZH_TITLES))


_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋"
    "唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦"
    "邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴"
    "莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章"
    "鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪"
    "梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴"
    "蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简"
    "车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂"
    "全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛"
    "仲虞敖巩明佘池查麻苑迟邝习小川千山中佐藤岸菅河野"
    "茂木松冈井村森大吉福铃渡伊加斋坂原西东北浅平宫竹"
    "杉清长池岩黑青赤堀荒今星樱岛丰儿土近远宇鸠细滨泷玉舟船寺桥樋日鸟二三五八十久内前后上下手")
_POS_FUNCTION = ("v", "d", "p", "c", "r", "m", "q", "u", "f", "t", "ad", "vd", "ul", "uj", "y", "z")


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, tuple[int, str]]:
    """jieba's dictionary (word -> frequency, part of speech), to tell names from words."""
    import jieba  # noqa: PLC0415  (only needed once a title or suffix rule fires)

    path = Path(jieba.__file__).parent / "dict.txt"
    lex: dict[str, tuple[int, str]] = {}
    try:
        with path.open(encoding="utf-8") as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 2 and parts[1].isdigit():
                    lex[parts[0]] = (int(parts[1]), parts[2] if len(parts) > 2 else "")
    except OSError:
        return {}
    return lex


def _looks_like_han_name(name: str) -> bool:
    lex = _lexicon()
    if name[0] not in _SURNAMES:
        return False
    return lex.get(name, (0, ""))[0] < 100 and lex.get(name[:2], (0, ""))[0] < 100


def _strip_function_words(prefix: str) -> str:
    """Drop leading verbs, adverbs and the like (充分利用乐天 -> 乐天)."""
    lex = _lexicon()
    for _ in range(4):
        for n in (4, 3, 2, 1):
            w = prefix[:n]
            if len(w) == n and len(prefix) > n and (
                    w in _ZH_LEAD_VERBS or w in lex and lex[w][1] in _POS_FUNCTION):
                prefix = prefix[n:]
                break
        else:
            break
    return prefix


def _free(start: int, end: int, occupied: Occupied) -> bool:
    return end > start and not _overlaps(start, end, occupied)


def _han_name_end(view: str, p: int, longest: bool, max_len: int = 4) -> int | None:
    """End of a Han name starting at ``p``: a length after which a follower word begins."""
    lengths = range(max_len, 1, -1) if longest else range(2, max_len + 1)
    for k in range(2, max_len):
        if view.startswith(_ZH_SPEECH, p + k):  # 张宁认为, 严具好表示: the verb ends the name
            max_len = k
            lengths = range(k, 1, -1) if longest else range(2, k + 1)
            break
    for n in lengths:
        seg = view[p:p + n]
        if len(seg) < n or not all(is_han(c) for c in seg):
            continue
        rest = view[p + n:p + n + 3]
        if not rest or not is_han(rest[0]) or rest.startswith(_ZH_FOLLOWERS):
            return p + n
    return None


def _zh_people(view: str, occupied: Occupied) -> list[Hit]:
    hits: list[Hit] = []
    for m in _DOTTED_HAN.finditer(view):
        s, e = m.start(), m.end()
        first = view[s:view.index("·", s)]
        cut = 0
        for t in _ZH_TITLE_RE.finditer(first):
            cut = t.end()
        for _, oe in occupied:
            if s <= oe - 1 < s + len(first) and oe > s + cut:
                cut = oe - s
        while cut < len(first) and first[cut] in _ZH_NOT_NAME_START:
            cut += 1
        s += cut
        if view.index("·", m.start()) - s > 5:
            s = view.index("·", m.start()) - 4
        last_dot = view.rindex("·", s, e)
        end = _han_name_end(view, last_dot + 1, longest=False, max_len=min(8, e - last_dot - 1))
        if end is None and e < len(view) and is_han(view[e]):
            continue
        end = end if end is not None else e
        if view[max(0, s - 3):s].rstrip(":：")[-2:] in ("编译", "作者", "记者", "编辑", "翻译"):
            continue
        if end - last_dot > 1 and s < last_dot and _free(s, end, occupied):
            hits.append(Hit(s, end, None, "person", view[s:end]))
    for m in _ZH_TITLE_RE.finditer(view):
        p = m.end()
        if p >= len(view) or view[p] in _ZH_NOT_NAME_START or not is_han(view[p]):
            continue
        end = _han_name_end(view, p, longest=True)
        if end is None or view[end:end + 1] == "·":
            continue
        name = view[p:end]
        if any(c in _ZH_NOT_NAME_CHAR for c in name) or _ZH_TITLE_RE.match(name) \
                or not _looks_like_han_name(name):
            continue
        if _free(p, end, occupied):
            hits.append(Hit(p, end, None, "person", name))
    for m in _TRANSLIT_END.finditer(view):
        s = m.start()
        while s < m.end() - 3 and (view[s] in _ZH_NOT_NAME_START or view[s] in _ZH_NOT_NAME_CHAR):
            s += 1
        if _free(s, m.end(), occupied) and m.end() - s >= 3 and \
                (m.end() >= len(view) or not is_han(view[m.end()]) or
                 view.startswith(_ZH_FOLLOWERS, m.end())):
            hits.append(Hit(s, m.end(), None, "person", view[s:m.end()]))
    return hits


def _zh_orgs(view: str, chosen: list[Hit], occupied: Occupied,
             countries: frozenset[str] = frozenset()) -> list[Hit]:
    hits: list[Hit] = []
    anchors = {h.end: h for h in chosen if h.kb_id is not None and not h.weak}
    pattern = re.compile("|".join(_ZH_ORG_SUFFIXES))
    for m in pattern.finditer(view):
        p, end = m.start(), m.end()
        suffix = m.group()
        s = p
        while s > 0 and p - s < 12 and (is_han(view[s - 1]) or view[s - 1] == "·") \
                and (view[s - 1] not in _ZH_ORG_STOPS or view[s - 1:s + 1] == "对外") \
                and view[s - 1] not in "与和及":
            s -= 1
        # A KB name shortly before, joined by Han text, starts the organisation name
        # (哈萨克斯坦 + 国家水利与灌溉 + 大学).
        for a_end in range(s, max(s - 9, 0), -1):
            h = anchors.get(a_end)
            bridge = view[a_end:s].replace("对外", "外外")
            if h is not None and all(is_han(c) and c not in _ZH_ORG_STOPS for c in bridge) \
                    and not any(v in bridge for v in _ZH_LEAD_VERBS) and \
                    not any(_lexicon().get(bridge[i:i + 2], (0, ""))[1] == "v"
                            for i in range(len(bridge) - 1)):
                s = h.start
                break
        if view[end:end + 1] in _ZH_SUFFIX_BAD_NEXT.get(suffix, ""):
            continue
        if view[s] in _ZH_NOT_NAME_START:
            continue
        s = p - len(_strip_function_words(view[s:p]))
        prefix = view[s:p]
        if len(prefix) < 2 or prefix in _ZH_GENERIC or prefix[:1] in _ZH_NOT_NAME_START:
            continue
        if suffix in ("部", "局", "中心") and (prefix[-1] in _ZH_BAD_BEFORE_BU or len(prefix) < 2):
            continue
        inner = [h for h in chosen if s <= h.start and h.end <= p and h.kb_id is not None]
        rest = prefix
        for h in inner:
            rest = rest.replace(view[h.start:h.end], "")
        if not rest and suffix == "大学" and len(inner) == 1 and not inner[0].weak \
                and inner[0].kb_id not in countries and not _overlaps(p, end, occupied):
            hits.append(Hit(s, end, None, "organization", view[s:end]))  # 北海道大学
            continue
        if not rest or rest in _ZH_GENERIC or rest.endswith(("业", "类", "型", "性", "方", "家")) \
                or any(v in rest for v in _ZH_LEAD_VERBS):
            continue
        if len(rest) < 2 and not inner:
            continue
        if not inner and len(prefix) < 3 and suffix not in ("大学", "银行", "集团", "研究院",
                                                            "研究所"):
            continue
        if not _overlaps(p, end, occupied) and not (s and occupied.mask[s - 1]
                                                    and occupied.mask[s]):
            hits.append(Hit(s, end, None, "organization", view[s:end]))
    return hits


def _latin_in_cjk(view: str, original: str, chosen: list[Hit],
                  occupied: Occupied) -> list[Hit]:
    hits: list[Hit] = []
    by_end = {h.end: h for h in chosen}
    for m in _LATIN_SPAN.finditer(original):
        s, e = m.start(), m.end()
        before = original[s - 1] if s > 0 else ""
        after = original[e] if e < len(original) else ""
        if not _free(s, e, occupied):
            continue
        if before in "（(" and after in "）)":
            # A gloss: 小松制作所（Komatsu）. It names whatever stands before the bracket.
            h = by_end.get(s - 1)
            if h is not None:
                hits.append(Hit(s, e, h.kb_id, h.type, h.name))
            continue
        cjk_before = not before or is_han(before) or before in "“「『，、："
        cjk_after = not after or is_han(after) or after in "”」』，、。；：（"
        if not (cjk_before and cjk_after and (is_han(before) or is_han(after))):
            continue
        span = original[s:e]
        words = span.split()
        if len(words) < 2 and "." not in span[1:-1] and not re.search(r"[a-z][A-Z]", span):
            continue
        if span.isupper() and len(words) < 2:
            continue
        typ = "other" if original.startswith(_LATIN_OTHER_AFTER, e) else "organization"
        hits.append(Hit(s, e, None, typ, span))
    return hits


def _cyrillic(view: str, original: str, occupied: Occupied) -> list[Hit]:
    hits: list[Hit] = []
    for t in _RU_TITLE.finditer(original):
        window_end = min(len(original), t.end() + 90)
        for n in _CYR_NAME.finditer(original, t.end(), window_end):
            gap = original[t.end():n.start()]
            if len(gap) > 70 or any(c in gap for c in ".,;:!?\n«»"):
                break
            tokens = n.group().split()
            if _RU_ADJ_CASE.search(tokens[0]):
                continue  # Ташкентского (института): an adjective, not a surname
            if _SURNAME_END.search(tokens[-1]) or len(tokens) >= 2 and n.start() - t.end() <= 1:
                if len(tokens) >= 2 or _SURNAME_END.search(tokens[-1]):
                    if _free(n.start(), n.end(), occupied):
                        hits.append(Hit(n.start(), n.end(), None, "person", n.group()))
                    break
    for m in _KK_PERSON.finditer(original):
        s, e = m.start("name"), m.end("name")
        # Сарапшы Досым Сәтпаев Қытай ...: drop trailing capitalised words that a KB name holds.
        while not _free(s, e, occupied) and " " in original[s:e]:
            e = original.rindex(" ", s, e)
        if _free(s, e, occupied) and (" " in original[s:e] or _SURNAME_END.search(original[s:e])):
            hits.append(Hit(s, e, None, "person", original[s:e]))
    for rx in (_RU_ORG, _RU_ORG_HEAD, _KK_ORG, _RU_ADJ_ORG):
        for m in rx.finditer(original):
            if _free(m.start(), m.end(), occupied) and len(m.group().split()) >= 2:
                hits.append(Hit(m.start(), m.end(), None, "organization", m.group().strip()))
    return hits


_RU_QUOTED_ORG = re.compile(
    rf"(?:центр|агентств|компани|фонд|институт|организаци|парти|журнал|газет|холдинг|банк|"
    rf"корпораци|ассоциаци|издани|портал|движени|университет|орталығ|қоры|компания)"
    rf"[{_CYR_LOW}]{{0,4}}\s(?:[{_CYR_LOW}-]{{2,20}}\s){{0,2}}«(?P<name>[^«»\n]{{2,60}})»",
    re.IGNORECASE)


def _quoted_orgs(original: str, language: str, skip: Occupied) -> list[Hit]:
    """«Евразийский мониторинг» after an institution noun: an organisation, whatever KB words
    (Eurasia) stand inside it."""
    if language not in ("ru", "kk"):
        return []
    hits = []
    for m in _RU_QUOTED_ORG.finditer(original):
        s, e = m.start("name"), m.end("name")
        if _free(s, e, skip) and "+" not in m.group("name"):
            hits.append(Hit(s, e, None, "organization", m.group("name")))
    return hits


_ZH_DOC_QUOTED = re.compile(r"(?P<q>[《「“『])(?P<name>[^《》「」“”『』\n]{2,30})[》」”』]")
_ZH_DOC_VERBS = ("签署", "通过", "发表", "签订", "批准", "缔结", "发布")
_ZH_DOC_NOUNS = ("倡议", "构想", "计划", "战略", "宣言", "条约", "协定", "公约", "宪章")
_EN_DOC = re.compile(
    r"\b(?P<name>(?:[A-Z][\w+’'\-]*\s){1,5}(?:Initiative|Declaration|Treaty|Agreement|Dialogue|"
    r"Accord|Charter|Compact)(?:\s(?:in|for|on)(?:\sthe)?(?:\s[A-Z][\w\-]+){1,3})?)")


def _named_documents(view: str, original: str, language: str, skip: Occupied) -> list[Hit]:
    """Named treaties, declarations and initiatives: 签署《…》, 「…」倡议, "… Declaration".

    They are kept as unlinked 'other' entities and swallow the KB names inside them
    (the Economic Resilience Initiative in Central Asia is not a mention of Central Asia).
    """
    hits: list[Hit] = []
    if language.startswith("zh") or language == "ja":
        for m in _ZH_DOC_QUOTED.finditer(view):
            s, e = m.start("name"), m.end("name")
            after = view[m.end():m.end() + 4]
            after = after[2:] if after.startswith("合作") else after
            verb = m.group("q") == "《" and view[max(0, m.start() - 4):m.start()].endswith(
                tuple(v + t for v in _ZH_DOC_VERBS for t in ("", "了")))
            if (verb or after.startswith(_ZH_DOC_NOUNS)) and _free(s, e, skip):
                hits.append(Hit(s, e, None, "other", original[s:e]))
    elif language == "en":
        for m in _EN_DOC.finditer(original):
            s, e = m.start("name"), m.end("name")
            if original.startswith("The ", s):
                s += 4
            if len(original[s:e].split()) >= 2 and _free(s, e, skip):
                hits.append(Hit(s, e, None, "other", original[s:e]))
    return hits


_EN_PERSON_AFTER = re.compile(
    rf"(?P<name>{_EN_NAME}),\s(?:an?\s|the\s)?(?:[\w-]+\s){{0,2}}{_EN_TITLES}\b")


def _latin_prose(original: str, occupied: Occupied) -> list[Hit]:
    hits: list[Hit] = []
    for m in _EN_PERSON_AFTER.finditer(original):
        s, e = m.start("name"), m.end("name")
        if _free(s, e, occupied):
            hits.append(Hit(s, e, None, "person", m.group("name")))
    for m in _EN_PERSON.finditer(original):
        s, e = m.start("name"), m.end("name")
        if _free(s, e, occupied):
            hits.append(Hit(s, e, None, "person", m.group("name")))
    for m in _EN_ORG.finditer(original):
        s, e = m.start("name"), m.end("name")
        name = m.group("name")
        if name.startswith("The "):
            s, name = s + 4, name[4:]
        based = re.match(r"[\w-]+-based\s", name)
        if based:  # "the Almaty-based Steppe Policy Forum"
            s, name = s + based.end(), name[based.end():]
        if _free(s, e, occupied) and len(name.split()) >= 2:
            hits.append(Hit(s, e, None, "organization", name))
    return hits


def _japanese(view: str, original: str, occupied: Occupied) -> list[Hit]:
    hits: list[Hit] = []
    for m in _JA_PERSON_BEFORE.finditer(original):
        s, e = m.start("name"), m.end("name")
        if original[s] not in _JA_NOT_START and _free(s, e, occupied):
            hits.append(Hit(s, e, None, "person", m.group("name")))
    for m in _JA_DOTTED.finditer(view):
        s, e = m.start(), m.end()
        # イブラエフ・エネルギー相: the part before 相/大臣 names the ministry, not the person.
        if view[e:e + 1] == "相" or view[e:e + 2] in ("大臣", "長官"):
            e = view.rfind("·", s, e)
        if e > s and _free(s, e, occupied):
            hits.append(Hit(s, e, None, "person", original[s:e]))
    for m in _JA_ORG.finditer(original):
        s, e = m.start("name"), m.end("name")
        name = m.group("name")
        if name.endswith("会社") and not name.startswith("株式会社") and (
                len(name) <= 4 or not re.search(rf"[{_KANA}]", name)):
            continue  # 電力会社, 関連会社: a kind of company, not a company
        if original[s] not in _JA_NOT_START and _free(s, e, occupied):
            hits.append(Hit(s, e, None, "organization", m.group("name")))
    return hits


def discover(view: str, original: str, language: str, chosen: list[Hit],
             occupied: Occupied, countries: frozenset[str] = frozenset()) -> list[Hit]:
    """Unlinked people and organisations, placed only where no KB name already stands.

    A discovered organisation may swallow country and place names inside it
    (哈萨克斯坦国家水利与灌溉大学); the caller drops those KB hits. ``view`` is the folded view.
    """
    found: list[Hit] = []
    if language.startswith("zh") or language == "ja":
        soft = {(h.start, h.end) for h in chosen if h.kb_id is not None}
        hard = Occupied([o for o in occupied if o not in soft], len(view))
        orgs = resolve(_zh_orgs(view, chosen, occupied, countries), hard)
        # Organisations may not cut through a KB name, only contain it whole.
        edges = bytearray(len(view) + 2)
        for h in chosen:
            if h.kb_id is not None:
                edges[h.start + 1:h.end] = b"\x01" * (h.end - h.start - 1)
        orgs = [o for o in orgs if not edges[o.start] and not edges[o.end]]
        occupied = occupied + [(o.start, o.end) for o in orgs]
        if language == "ja":
            found += _japanese(view, original, occupied)
        found += _zh_people(view, occupied)
        found = orgs + resolve(found, occupied)
        occupied = occupied + [(h.start, h.end) for h in found]
        found += resolve(_latin_in_cjk(view, original, chosen + found, occupied), occupied)
        return found
    found += _latin_prose(original, occupied)
    found += _cyrillic(view, original, occupied)
    return resolve(found, occupied)
