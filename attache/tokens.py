"""Search tokens: how text is cut into words for the full-text index and for queries.

Han and kana runs are cut with jieba ``cut_for_search`` (which also emits the shorter words
inside long ones, so 稀土 is found inside 稀土储量 and 哈萨克斯坦 inside 哈萨克斯坦政府), with the
knowledge-base names added as a user dictionary at explicit frequencies so that 托卡耶夫 or
小松制作所 stay whole. Latin and Cyrillic text is cut into lower-cased words; ё is folded to е.
Documents and queries go through the same folding (t2s, NFKC), so a Traditional query finds
Simplified text and the reverse.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from attache.normalize import fold_query

_RUN = re.compile(
    r"(?P<cjk>[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\u31f0-\u31ff]+)|"
    r"(?P<word>[0-9A-Za-z\u00c0-\u024f\u0400-\u04ff]+(?:[.'’-][0-9A-Za-z\u00c0-\u024f\u0400-\u04ff]+)*)"
)
_CYR = re.compile(r"[\u0400-\u04ff]")
# Case endings stripped from Russian and Kazakh query words so that a prefix query finds the
# inflected forms (Японии, Японией; Жапонияға, Жапонияның).
_CYR_ENDINGS = re.compile(
    r"(?:ами|ями|ого|его|ому|ему|ыми|ими|иях|ией|ией|ах|ях|ом|ем|ой|ей|ую|юю|ая|яя|ое|ее|ые|ие|ых|их|"
    r"ов|ев|ии|ию|ия|ы|и|а|я|у|ю|е|о|ға|ге|қа|ке|на|не|да|де|та|те|дан|ден|тан|тен|нан|нен|"
    r"ның|нің|дың|дің|тың|тің|мен|бен|пен|ны|ні|ды|ді|ты|ті)$"
)
_lock = threading.Lock()


@dataclass
class Segmenter:
    """A jieba tokenizer of our own (not jieba's global one) with the given user words."""

    words: tuple[str, ...] = ()
    _jieba: Any = None

    def _tok(self) -> Any:
        if self._jieba is None:
            with _lock:
                if self._jieba is None:
                    import jieba

                    jieba.setLogLevel(logging.WARNING)
                    tok = jieba.Tokenizer()
                    tok.tmp_dir = cache_dir()
                    tok.initialize()
                    # One fold for all words (folding is per character; the lines split back).
                    words = [w for w in self.words if "\n" not in w]
                    for w in fold_query("\n".join(words)).split("\n") if words else []:
                        if len(w) >= 2 and _RUN.fullmatch(w):
                            # A high, explicit frequency keeps the name whole against the
                            # general dictionary; suggest_freq would depend on its contents.
                            tok.add_word(w, freq=200000)
                    self._jieba = tok
        return self._jieba

    def index_tokens(self, view_text: str) -> list[str]:
        """Tokens of a text already folded into the matching view."""
        out: list[str] = []
        tok = None
        for m in _RUN.finditer(view_text):
            if m.group("cjk"):
                tok = tok or self._tok()
                out.extend(t for t in tok.cut_for_search(m.group("cjk"), HMM=False) if t.strip())
            else:
                out.append(_fold_word(m.group("word")))
        return out

    def query_terms(self, query: str) -> list[QueryTerm]:
        """The terms of a query: each is a word that must occur (AND), possibly as a prefix."""
        folded = fold_query(query)
        terms: list[QueryTerm] = []
        tok = None
        for m in _RUN.finditer(folded):
            if m.group("cjk"):
                tok = tok or self._tok()
                # Kana and words jieba does not know come out one character at a time; a run
                # of such characters must occur together, so it becomes one phrase term.
                singles: list[str] = []
                for t in [*tok.cut(m.group("cjk"), HMM=False), ""]:
                    if len(t) == 1 and t.strip():
                        singles.append(t)
                        continue
                    if singles:
                        terms.append(QueryTerm(" ".join(singles), prefix=False, script="cjk",
                                               phrase=len(singles) > 1))
                        singles = []
                    if t.strip():
                        terms.append(QueryTerm(t, prefix=False, script="cjk"))
            else:
                w = _fold_word(m.group("word"))
                if _CYR.search(w) and len(w) >= 5:
                    stem = _CYR_ENDINGS.sub("", w)
                    if len(stem) >= 4:
                        terms.append(QueryTerm(stem, prefix=True, script="cyr"))
                        continue
                if len(w) >= 5 and w.endswith("s") and w.isascii():
                    terms.append(QueryTerm(w.rstrip("s") if not w.endswith("ss") else w,
                                           prefix=True, script="latin"))
                    continue
                terms.append(QueryTerm(w, prefix=len(w) >= 4, script="word"))
        return terms


@dataclass(frozen=True)
class QueryTerm:
    text: str
    prefix: bool
    script: str
    phrase: bool = False  # space-separated characters that must be adjacent

    @property
    def surface(self) -> str:
        """The term as it appears in text (a phrase without its separating spaces)."""
        return self.text.replace(" ", "") if self.phrase else self.text

    def fts(self) -> str:
        quoted = '"' + self.text.replace('"', '""') + '"'
        return quoted + ("*" if self.prefix else "")


def cache_dir() -> str | None:
    """Where jieba keeps its prefix-dictionary cache: the user's cache folder, not /tmp."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = os.path.join(base, "attache")
    try:
        os.makedirs(path, exist_ok=True)
    except OSError:
        return None  # jieba falls back to the system temporary folder
    return path


def _fold_word(word: str) -> str:
    return word.lower().replace("ё", "е")


def stem(word: str) -> str:
    """A word as a prefix query would look for it: lower case, ё folded, a Russian or Kazakh
    case ending or an English plural -s removed (the same cut :meth:`Segmenter.query_terms`
    makes), so two inflected forms of one word compare equal."""
    w = _fold_word(word)
    if _CYR.search(w) and len(w) >= 5:
        s = _CYR_ENDINGS.sub("", w)
        return s if len(s) >= 4 else w
    if len(w) >= 4 and w.endswith("s") and not w.endswith("ss") and w.isascii():
        return w[:-1]
    return w


def segmenter_for(words: Iterable[str]) -> Segmenter:
    return Segmenter(words=tuple(sorted(set(words))))
