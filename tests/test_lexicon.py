"""Language knowledge as data: every language file loads into a frozen lexicon."""

from __future__ import annotations

import dataclasses

import pytest

from attache.lang.lexicon import EVENT_TYPES, LexiconError, languages, lexicon, parse_lexicon


def test_six_languages_ship_a_file() -> None:
    assert set(languages()) == {"en", "ru", "kk", "ja", "zh-Hans", "zh-Hant"}


@pytest.mark.parametrize("code", ["en", "ru", "kk", "ja", "zh-Hans", "zh-Hant"])
def test_each_file_has_triggers_for_every_event_type_and_a_dateline(code: str) -> None:
    lx = lexicon(code)
    assert set(lx.event_triggers) == set(EVENT_TYPES)
    assert all(lx.event_triggers[t] for t in ("visit", "meeting", "signing", "statement"))
    assert lx.datelines
    assert len(set(lx.weekdays.values())) == 7


def test_month_names_and_inflected_stems() -> None:
    assert lexicon("ru").month("февраля") == 2
    assert lexicon("en").month("Sept.") == 9
    assert lexicon("kk").month("қазанда") == 10
    assert lexicon("en").month("Monday") is None


def test_the_lexicon_is_frozen() -> None:
    lx = lexicon("en")
    with pytest.raises(dataclasses.FrozenInstanceError):
        lx.code = "xx"  # type: ignore[misc]
    with pytest.raises(TypeError):
        lx.months["foo"] = 1  # type: ignore[index]


def test_a_seventh_language_is_a_data_change() -> None:
    lx = parse_lexicon({"code": "uz", "months": {"yanvar": 1}, "dateline": [
        r"^(?P<place>[A-Z]+),\s*(?P<day>\d{1,2})\s+(?P<month>[a-z]+)"],
        "event_triggers": {"meeting": ["uchrashdi"]}})
    assert lx.month("yanvar") == 1 and lx.event_triggers["meeting"] == ("uchrashdi",)
    assert lx.datelines[0].match("TOSHKENT, 5 yanvar") is not None


def test_bad_files_say_what_is_wrong() -> None:
    with pytest.raises(LexiconError, match="code"):
        parse_lexicon({})
    with pytest.raises(LexiconError, match="unknown event types"):
        parse_lexicon({"code": "xx", "event_triggers": {"party": ["x"]}})
    with pytest.raises(LexiconError, match="regular expression"):
        parse_lexicon({"code": "xx", "dateline": ["(unclosed"]})
    with pytest.raises(LexiconError, match="no language file"):
        lexicon("xx")


def test_titles_and_header_keys_come_from_the_files() -> None:
    assert "Президенті" in lexicon("kk").titles["президент"]
    assert "國家元首" in lexicon("zh-Hant").titles["总统"]
    assert "掲載日" in lexicon("ja").header_keys["date"]
    assert "дата" in lexicon("ru").header_keys["date"]
    with pytest.raises(LexiconError, match="unknown header fields"):
        parse_lexicon({"code": "xx", "header_keys": {"colour": ["x"]}})
