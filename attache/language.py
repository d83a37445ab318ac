"""Which of the six languages a text is in.

Script counts decide most cases outright (Han, kana, Cyrillic, Latin); the share of Han
characters that OpenCC ``t2s`` changes separates Traditional from Simplified; Kazakh-only
letters separate Kazakh from Russian. lingua, restricted to the languages that can still be in
question, breaks the remaining ties. langdetect is never used: it calls Traditional Chinese
Korean.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from attache.normalize import simplified_share, traditional_share

_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")
_CYR = re.compile(r"[\u0400-\u04ff]")
_KK_ONLY = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_OTHER_SCRIPT = re.compile(r"[\u0600-\u06ff\u0900-\u097f\u0e00-\u0e7f\u0590-\u05ff\u0370-\u03ff]")

# Words that are Kazakh and never Russian, for Kazakh written without its special letters.
_KK_WORDS = re.compile(
    r"\b(?:және|бойынша|мен|пен|бен|деп|жылы|туралы|арасындағы|ел|елдер|үшін|бірге|мемлекет|"
    r"жапония|ынтымақтастық|сапар|кездесу)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _lingua_cyrillic() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(Language.RUSSIAN, Language.KAZAKH).build()


@lru_cache(maxsize=1)
def _lingua_latin() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    # English against the Latin-script languages most often met in this material, so a French
    # or Uzbek text is not called English; anything but English is 'und' to attache.
    langs = [Language.ENGLISH, Language.FRENCH, Language.GERMAN, Language.SPANISH,
             Language.TURKISH, Language.ITALIAN, Language.PORTUGUESE, Language.POLISH]
    return LanguageDetectorBuilder.from_languages(*langs).build()


def detect_language(text: str, default: str = "und") -> str:
    """One of zh-Hans, zh-Hant, en, ru, ja, kk, or ``und``.

    ``default`` is returned when the text has too few letters to say (a short caption in a
    document whose language is known).
    """
    text = _URL.sub(" ", text)
    han = len(_HAN.findall(text))
    kana = len(_KANA.findall(text))
    cyr = len(_CYR.findall(text))
    latin = len(_LATIN.findall(text))
    hangul = len(_HANGUL.findall(text))
    other = len(_OTHER_SCRIPT.findall(text))
    # A Han character or kana carries about as much as three alphabetic letters.
    weights = {"cjk": (han + kana) * 3, "cyr": cyr, "latin": latin, "hangul": hangul * 3,
               "other": other}
    total = sum(weights.values())
    if total < 6:
        return default
    script = max(weights, key=lambda k: weights[k])
    if script == "cjk":
        if kana >= 3 and kana >= 0.05 * (han + kana):
            return "ja"
        return _han_variant(text, han)
    if script == "cyr":
        return _cyrillic_language(text, cyr)
    if script == "latin":
        # Inside an English document, or too short to tell, Latin text is English; lingua is
        # asked only about longer Latin passages in documents of another language.
        if default == "en" or latin < 40:
            return "en" if default in ("und", "en") else default
        lang = _lingua_latin().detect_language_of(text)
        return "en" if lang is not None and lang.name == "ENGLISH" else "und"
    return "und"


def _han_variant(text: str, han: int) -> str:
    t2s = traditional_share(text)
    if t2s >= 0.08:
        return "zh-Hant"
    if t2s <= 0.015:
        return "zh-Hans"
    # In between, compare both directions: Simplified text is changed a lot by s2t.
    return "zh-Hant" if t2s > simplified_share(text) else "zh-Hans"


def _cyrillic_language(text: str, cyr: int) -> str:
    kk_letters = len(_KK_ONLY.findall(text))
    if kk_letters >= max(2, 0.01 * cyr):
        return "kk"
    if kk_letters == 0 and not _KK_WORDS.search(text):
        return "ru"
    lang = _lingua_cyrillic().detect_language_of(text)
    return "kk" if lang is not None and lang.name == "KAZAKH" else "ru"
