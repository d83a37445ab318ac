"""The matching view of a text, and boilerplate lines.

The original text is never changed: it is what users read and what citations quote. Matching
(entities, figures, search, dedup) runs on a *view* built only from length-preserving,
character-for-character transforms — OpenCC ``t2s`` (Traditional → Simplified) and NFKC where a
character folds to exactly one character (full-width digits, ``％``, ``，``). Because every
position maps to itself, an offset found in the view is an offset in the original, and the
offset map is the identity by construction; :class:`View` checks that invariant instead of
carrying an array of positions.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@lru_cache(maxsize=1)
def _opencc() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _opencc_s2t() -> Any:
    import opencc

    return opencc.OpenCC("s2t")


_NFKC_TABLE: dict[int, str] = {}
_NFKC_SEEN: set[str] = set()


def _nfkc_fold(text: str) -> str:
    """NFKC applied only where a character folds to exactly one character."""
    new = set(text) - _NFKC_SEEN
    for ch in new:
        folded = unicodedata.normalize("NFKC", ch)
        if len(folded) == 1 and folded != ch:
            _NFKC_TABLE[ord(ch)] = folded
    _NFKC_SEEN.update(new)
    return text.translate(_NFKC_TABLE)


def to_simplified(text: str) -> str:
    """OpenCC t2s, guaranteed to keep the length (falls back line by line, then per char)."""
    if not _HAN.search(text):
        return text
    cc = _opencc()
    out = cc.convert(text)
    if len(out) == len(text):
        return str(out)
    parts = []
    for line in text.splitlines(keepends=True):
        conv = cc.convert(line)
        if len(conv) != len(line):
            conv = "".join(c if len(c2 := cc.convert(c)) != 1 else c2 for c in line)
        parts.append(conv)
    return "".join(parts)


def _changed_share(text: str, converter: Any) -> float:
    han = _HAN.findall(text)
    if not han:
        return 0.0
    sample = "".join(han[:4000])
    conv = converter.convert(sample)
    changed = sum(1 for a, b in zip(sample, conv, strict=False) if a != b)
    return changed / len(sample)


def traditional_share(text: str) -> float:
    """Share of Han characters that ``t2s`` changes: near 0 for Simplified text."""
    return _changed_share(text, _opencc())


def simplified_share(text: str) -> float:
    """Share of Han characters that ``s2t`` changes: near 0 for Traditional text."""
    return _changed_share(text, _opencc_s2t())


@dataclass(frozen=True)
class View:
    """The matching view of ``original``; same length, aligned offsets."""

    original: str
    text: str

    def __post_init__(self) -> None:
        if len(self.original) != len(self.text):
            raise ValueError("a matching view must keep the length of the original")

    def to_original(self, start: int, end: int) -> str:
        return self.original[start:end]


def matching_view(original: str, *, simplify: bool = True) -> View:
    """The view used for matching; ``simplify=False`` keeps Han characters as written."""
    folded = _nfkc_fold(original)
    return View(original=original, text=to_simplified(folded) if simplify else folded)


def fold_query(text: str) -> str:
    """Queries are folded exactly like documents, then lower-cased for Latin and Cyrillic."""
    return to_simplified(_nfkc_fold(text)).lower()


# --- boilerplate lines ---------------------------------------------------------------------

_CREDIT = re.compile(
    r"^\s*[(（\[]?\s*(?:фото|photo|photos|image|images|инфографика|infographic|видео|video|"
    r"фотосурет|сурет|写真|画像|图片|圖片|图|圖|照片|摄影|攝影|来源|credit|источник фото)"
    r"\s*(?:by|:|：|—|-)\s*.{0,80}$",
    re.IGNORECASE,
)
_IMAGE = re.compile(r"^\s*(?:!\[[^\]]*\]\([^)]*\)\s*)+$|^\s*\[(?:image|图片|圖片|фото)\]\s*$",
                    re.IGNORECASE)
_DISCLAIMER = re.compile(
    r"特别声明|特別聲明|免责声明|免責聲明|本平台仅提供信息存储服务|本平台僅提供信息存儲服務|"
    r"only provides information storage|disclaimer|all rights reserved|版权所有|版權所有|"
    r"未经授权|未經授權|отказ от ответственности|все права защищены|барлық құқықтар қорғалған|"
    r"無断転載|無斷轉載|禁止转载|仅代表作者个人观点|僅代表作者個人觀點|"
    r"при перепечатке|материалды көшіріп|сілтеме міндетті",
    re.IGNORECASE,
)
_READ_MORE = re.compile(
    r"^\W*(?:阅读更多|閱讀更多|延展阅读|延伸阅读|延伸閱讀|相关阅读|相關閱讀|相关新闻|推荐阅读|"
    r"read more|related|see also|читайте также|по теме|ещё по теме|関連記事|тағы оқыңыз)",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^\s*(?:【\s*(?:编译|編譯|编辑|編輯|记者|記者|作者|来源|來源)\s*[:：].{0,40}】|"
    r"(?:作者|编辑|編輯|责任编辑|責任編輯|记者|記者|author|автор|editor|редактор|авторы|"
    r"記者|筆者)\s*[:：|｜].{0,60})\s*$",
    re.IGNORECASE,
)
_REFERENCES = re.compile(
    r"^\W*(?:\[?参考文献\]?|\[?參考文獻\]?|references|bibliography|sources|"
    r"список литературы|литература|источники|参考資料|пайдаланылған әдебиеттер|"
    r"#*\s*数据与引用|#*\s*數據與引用|引用|notes)\W*$",
    re.IGNORECASE,
)
_BARE_URL = re.compile(r"^\s*(?:[-*•]\s*)?<?https?://\S+>?\s*$")


def boilerplate_lines(text: str, link_spans: list[tuple[int, int]] | None = None
                      ) -> list[tuple[int, int, str]]:
    """Mark lines that are not article prose: (start, end, kind).

    They are marked, never deleted, so the original stays citable and a user can see why a
    line was left out of extraction and briefs.
    """
    out: list[tuple[int, int, str]] = []
    links = sorted(link_spans or [])
    pos = 0
    in_refs = False
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            continue
        kind: str | None = None
        if in_refs:
            kind = "reference"
        elif _REFERENCES.match(stripped):
            kind, in_refs = "reference", True
        elif _IMAGE.match(stripped):
            kind = "image"
        elif len(stripped) <= 90 and _CREDIT.match(stripped):
            kind = "credit"
        elif _DISCLAIMER.search(stripped) and len(stripped) <= 400:
            kind = "disclaimer"
        elif _READ_MORE.match(stripped):
            kind = "links"
        elif _BYLINE.match(stripped):
            kind = "byline"
        elif _BARE_URL.match(stripped):
            kind = "links"
        elif links and _link_share(start, end, links) >= 0.6 and re.match(r"^\s*[-*•]", line):
            kind = "links"
        if kind:
            out.append((start, end, kind))
    return out


def _link_share(start: int, end: int, links: list[tuple[int, int]]) -> float:
    covered = 0
    for ls, le in links:
        if le <= start:
            continue
        if ls >= end:
            break
        covered += min(le, end) - max(ls, start)
    text_len = max(1, end - start)
    return covered / text_len
