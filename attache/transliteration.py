"""Transliteration keys: one spelling for a name however a language writes it.

Токаев, Тоқаев, Tokayev, Tokaev and トカエフ are one surname in four scripts. A name found by
the discovery rules (no knowledge-base entry) is identified by a key that these spellings
share, so the same unknown person found in a Russian, a Kazakh, an English and a Japanese
document is one entity, and a spelling variant of a known person links to the known entry.

:func:`latin_key` romanizes with anyascii and folds the usual transliteration doublets
(zh/j/dzh, kh/h, ts/c, q/k, w/v, y/i), and strips a Russian or Kazakh case ending after a
surname suffix (Ибраеву, Ибраевтың → ibraev). :func:`skeleton` keeps the first letter and the
consonants of each word and also folds f/v, l/r and the vowels katakana inserts after
consonants (イブラエフ iburaefu → ibraef), so kana and Cyrillic spellings meet.
"""

from __future__ import annotations

import re

from anyascii import anyascii
from rapidfuzz import fuzz

_KANA = re.compile(r"[\u3040-\u30ff]")
# Case endings after a surname suffix: Russian (Ибраеву, Ибраевым) and Kazakh (Ибраевтың).
_CASE_AFTER_SURNAME = re.compile(
    r"(ov|ev|in|yn|iy|ii)"
    r"(a|u|ym|im|om|e|ting|ning|tyn|tin|ka|ke|qa|ga|ge|ty|ti|pen|men|ta|te|nyn|nin)$")
_DIGRAPHS = (("shch", "s"), ("dzh", "z"), ("zh", "z"), ("dj", "z"), ("kh", "h"), ("ch", "c"),
             ("ts", "c"), ("sh", "s"), ("ph", "f"), ("j", "z"), ("q", "k"), ("w", "v"),
             ("x", "ks"), ("yu", "u"), ("ya", "a"), ("yo", "o"), ("ye", "e"), ("iy", "i"),
             ("y", "i"))
_VOWELS = set("aeiou")


def _romanize(word: str) -> str:
    latin = anyascii(word).lower()
    if _KANA.search(word):
        latin = latin.replace("-", "")
        # Small ya/yu/yo after shi/ji/chi: ジャ is "ja", not "jiya".
        latin = re.sub(r"(sh|j|ch)iy([aou])", r"\1\2", latin)
        # The vowel katakana adds after a final or doubled consonant (フ fu, ル ru, ト to).
        latin = re.sub(r"([bdfgkmprstz])[uo](?=[bcdfghjklmnpqrstvwxz]|$)", r"\1", latin)
    return re.sub(r"[^a-z]", "", latin)


def latin_key(name: str) -> str:
    """A vowel-keeping romanization with transliteration doublets folded."""
    words = []
    for w in re.split(r"[\s·・‧•\-‐=＝]+", name.strip()):
        r = _romanize(w)
        if not r:
            continue
        for a, b in _DIGRAPHS:
            r = r.replace(a, b)
        r = _CASE_AFTER_SURNAME.sub(r"\1", r)
        words.append(re.sub(r"(.)\1+", r"\1", r))
    return " ".join(words)


def skeleton(name: str) -> str:
    """First letter plus consonants of each word, with f/v and l/r folded: the part of a name
    that survives Cyrillic, Latin and katakana spelling."""
    out = []
    for w in latin_key(name).split(" "):
        if not w:
            continue
        w = w.replace("f", "v").replace("l", "r")
        sk = w[0] + "".join(c for c in w[1:] if c not in _VOWELS)
        out.append(re.sub(r"(.)\1+", r"\1", sk))
    return " ".join(out)


def same_name(a: str, b: str) -> bool:
    """Two spellings of one name: equal skeletons and close romanizations."""
    sa, sb = skeleton(a), skeleton(b)
    if not sa or sa != sb or len(sa.replace(" ", "")) < 3:
        return False
    return fuzz.ratio(latin_key(a), latin_key(b)) >= 70
