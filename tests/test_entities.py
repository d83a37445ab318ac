"""Entity recognition on real sentences in the six languages, with a small test KB."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from opencc import OpenCC

from attache.entities import find_entities, fold
from attache.kb import KnowledgeBase, default_kb
from attache.model import Entity

T2S = OpenCC("t2s")


def _e(id_: str, name: str, type_: str, abbrev: str = "", **aliases: list[str]) -> dict[str, object]:  # noqa: E501  (CJK counts double)
    langs = {k.replace("_", "-"): v for k, v in aliases.items()}
    return {"id": id_, "name": name, "type": type_, "aliases": langs,
            "abbrev": {"zh": [abbrev]} if abbrev else {}, "country": None, "roles": []}


SMALL = [
    _e("kz", "Kazakhstan", "country", "哈", en=["Kazakhstan"], zh_Hans=["哈萨克斯坦"],
       zh_Hant=["哈薩克斯坦"], ru=["Казахстан"], ja=["カザフスタン"], kk=["Қазақстан"]),
    _e("jp", "Japan", "country", "日", en=["Japan"], zh_Hans=["日本"], ru=["Япония"],
       ja=["日本"], kk=["Жапония"]),
    _e("cn", "China", "country", "中", en=["China"], zh_Hans=["中国"], zh_Hant=["中國"],
       ru=["Китай"], ja=["中国"], kk=["Қытай"]),
    _e("ru", "Russia", "country", "俄", en=["Russia"], zh_Hans=["俄罗斯"], zh_Hant=["俄羅斯"],
       ru=["Россия"], ja=["ロシア"], kk=["Ресей"]),
    _e("us", "United States", "country", "美", en=["United States", "US"], zh_Hans=["美国"]),
    _e("tokayev", "Kassym-Jomart Tokayev", "person", en=["Tokayev"], zh_Hans=["托卡耶夫"],
       ru=["Токаев", "Касым-Жомарт Токаев"], ja=["トカエフ"], kk=["Тоқаев"]),
    _e("takaichi", "Sanae Takaichi", "person", en=["Takaichi"], zh_Hans=["高市早苗"],
       ja=["高市早苗", "高市"], ru=["Такаити"], kk=["Такаити"]),
    _e("tokyo", "Tokyo", "place", en=["Tokyo"], zh_Hans=["东京"], zh_Hant=["東京"],
       ru=["Токио"], ja=["東京"], kk=["Токио"]),
    _e("astana", "Astana", "place", en=["Astana"], zh_Hans=["阿斯塔纳"], ru=["Астана"],
       ja=["アスタナ"], kk=["Астана"]),
    _e("central-asia", "Central Asia", "place", en=["Central Asia"], zh_Hans=["中亚"],
       ru=["Центральная Азия"], ja=["中央アジア"], kk=["Орталық Азия"]),
    _e("jica", "JICA", "organization", en=["JICA"], zh_Hans=["日本国际协力机构"],
       ja=["国際協力機構"]),
    _e("gov-kz", "Government of Kazakhstan", "organization", zh_Hans=["哈萨克斯坦政府"]),
]


@pytest.fixture(scope="module")
def small_kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    path = tmp_path_factory.mktemp("kb") / "small.jsonl"
    path.write_text("\n".join(json.dumps(e, ensure_ascii=False) for e in SMALL), encoding="utf-8")
    return KnowledgeBase.load([path], shipped=False)


def run(text: str, lang: str, kb: KnowledgeBase) -> list[Entity]:
    view = T2S.convert(text) if lang.startswith("zh") else text
    assert len(view) == len(text)
    ents = find_entities(view, text, lang, kb)
    for e in ents:
        for m in e.mentions:
            assert text[m.start:m.end] == m.text
    return ents


def names(text: str, lang: str, kb: KnowledgeBase) -> dict[str, list[str]]:
    return {e.name: [m.text for m in e.mentions] for e in run(text, lang, kb)}


CASES: list[tuple[str, str, set[str], set[str]]] = [
    # (language, sentence, names that must be found, names that must not be found)
    ("zh-Hans", "哈萨克斯坦总统托卡耶夫抵达东京。", {"Kazakhstan", "Kassym-Jomart Tokayev", "Tokyo"},  # noqa: E501  (CJK counts double)
     set()),
    ("zh-Hans", "哈萨克斯坦政府鼓励外资本地化生产。", {"Government of Kazakhstan"}, {"Kazakhstan"}),
    ("zh-Hans", "日本国际协力机构首次在哈开展官方发展援助。", {"JICA", "Kazakhstan"}, {"Japan"}),
    ("zh-Hans", "中俄两国在中亚的影响力根深蒂固。", {"China", "Russia", "Central Asia"}, set()),
    ("zh-Hans", "今日，中心城市举行活动，中亚各国代表出席。", {"Central Asia"}, {"China", "Japan"}),
    ("zh-Hans", "日本企业在哈萨克斯坦的代表性是最高的，两国政府对此表示欢迎。", {"Japan", "Kazakhstan"},  # noqa: E501  (CJK counts double)
     {"日本企业", "两国政府"}),
    ("zh-Hans", "公司董事会主席小川博之认为，中亚潜力巨大。", {"小川博之", "Central Asia"}, set()),
    ("zh-Hans", "政治学家加齐兹·阿比舍夫认为，日本对哈投资意义重大。",
     {"加齐兹·阿比舍夫", "Japan", "Kazakhstan"}, set()),
    ("zh-Hans", "与Eurasian Machinery Group合作，该公司占据领先地位。",
     {"Eurasian Machinery Group"}, {"该公司"}),
    ("zh-Hans", "日本外务大臣29日访问哈萨克斯坦，这表明哈日关系日益密切。", {"Japan", "Kazakhstan"},
     set()),
    ("zh-Hant", "哈薩克斯坦總統托卡耶夫率先抵日，一口氣敲定14項雙邊協議。",
     {"Kazakhstan", "Kassym-Jomart Tokayev", "Japan"}, set()),
    ("zh-Hant", "一邊是俄羅斯的傳統勢力范圍，一邊是中國的合作根基。", {"Russia", "China"}, set()),
    ("zh-Hant", "托卡耶夫的專機已降落在東京。", {"Kassym-Jomart Tokayev", "Tokyo"}, set()),
    ("zh-Hant", "這一系列舉動凸顯了日本對哈方的重視。", {"Japan", "Kazakhstan"}, set()),
    ("zh-Hant", "中亞五國向來以集體外交為默契。", {"Central Asia"}, {"China"}),
    ("zh-Hant", "今日中心議題是能源合作。", set(), {"China", "Japan"}),
    ("zh-Hant", "哈中關係與中美關係不同。", {"Kazakhstan", "China", "United States"}, set()),
    ("zh-Hant", "高市早苗在東京舉辦歡迎晚宴。", {"Sanae Takaichi", "Tokyo"}, set()),
    ("en", "Kazakhstan's President Tokayev arrived in Tokyo on Friday.",
     {"Kazakhstan", "Kassym-Jomart Tokayev", "Tokyo"}, set()),
    ("en", "Prime Minister Sanae Takaichi met him; the US and China watched.",
     {"Sanae Takaichi", "United States", "China"}, set()),
    ("en", "Let us focus on what the UN said.", set(), {"United States"}),
    ("en", "Japanese companies plan to invest in Astana.", {"Japan", "Astana"}, set()),
    ("en", "The deal was signed by Kaspi Digital Corporation and JICA.",
     {"Kaspi Digital Corporation", "JICA"}, set()),
    ("en", "Political scientist Gaziz Abishev said the machinery sector matters.",
     {"Gaziz Abishev"}, set()),
    ("en", "Japanization and Astanaville are not names we know.", set(), {"Japan", "Astana"}),
    ("en", "Central Asia and Russia share a long border.", {"Central Asia", "Russia"}, set()),
    ("ru", "Президент Казахстана Касым-Жомарт Токаев прибыл в Японию.",
     {"Kazakhstan", "Kassym-Jomart Tokayev", "Japan"}, set()),
    ("ru", "Токаев встретился с Такаити в Токио.", {"Kassym-Jomart Tokayev", "Sanae Takaichi",
                                                 "Tokyo"}, set()),
    ("ru", "Японские компании инвестируют в Казахстане.", {"Japan", "Kazakhstan"}, set()),
    ("ru", "Японо-казахстанский форум прошел в Астане.", {"Japan", "Kazakhstan", "Astana"}, set()),
    ("ru", "Политолог Газиз Абишев считает, что Япония важна.", {"Газиз Абишев", "Japan"}, set()),
    ("ru", "Между Россией и Китаем нет разногласий.", {"Russia", "China"}, set()),
    ("ru", "Компания «Байтерек Девелопмент» подписала соглашение.",
     {"Байтерек Девелопмент"}, {"Компания «Байтерек Девелопмент»"}),
    ("ru", "По мнению директора аналитического центра «Евразийский мониторинг» эксперта, всё так.",
     {"Евразийский мониторинг"}, {"Eurasia"}),
    ("en", "It was a signal, said Nurlan Abdikarimov, a political analyst at the Almaty-based "
     "Steppe Policy Forum.", {"Nurlan Abdikarimov", "Steppe Policy Forum"}, set()),
    ("en", "Japan will host the summit [kazinform](https://example.org/x).", {"Japan"},
     {"Kazinform"}),
    ("ru", "Казахстанцы любят японскую кухню.", {"Japan"}, {"Kazakhstan"}),
    # one-character abbreviations never fire in Japanese: 来日中 is neither China nor Japan
    ("ja", "カザフスタンのトカエフ大統領が来日中だ。", {"Kazakhstan", "Kassym-Jomart Tokayev"},
     {"Japan", "China"}),
    ("ja", "電力会社が参加した。", set(), {"電力会社"}),
    ("ja", "高市首相は東京で会談した。", {"Sanae Takaichi", "Tokyo"}, set()),
    ("ja", "日中関係と中央アジアの安定が議題となった。", {"Central Asia"}, {"Japan", "China"}),
    ("ja", "国際協力機構はアスタナで事業を始めた。", {"JICA", "Astana"}, set()),
    ("ja", "ロシアのヤマダ社長は声明を出した。", {"Russia", "ヤマダ"}, set()),
    ("ja", "今日は中心部で会議が開かれた。", set(), {"China", "Japan"}),
    ("ja", "株式会社ジェイテクトは新工場を建設する。", {"株式会社ジェイテクト"}, set()),
    ("ja", "アイグル・セリコワ外相と会談した。", {"アイグル・セリコワ"}, set()),
    ("kk", "Қазақстан Президенті Қасым-Жомарт Тоқаев Жапонияға барды.",
     {"Kazakhstan", "Kassym-Jomart Tokayev", "Japan"}, set()),
    ("kk", "Тоқаев Жапониямен ынтымақтастықты талқылады.", {"Kassym-Jomart Tokayev", "Japan"},
     set()),
    ("kk", "Қазақстанның Жапонияның инвесторлармен байланысы күшейді.", {"Kazakhstan", "Japan"},
     set()),
    ("kk", "Астанада Орталық Азия форумы өтті.", {"Astana", "Central Asia"}, set()),
    ("kk", "Жапон компаниялары Қазақстанда жұмыс істейді.", {"Japan", "Kazakhstan"}, set()),
    ("kk", "Қытай мен Ресей де қатысты.", {"China", "Russia"}, set()),
    ("kk", "Токиода кездесу өтті.", {"Tokyo"}, set()),
    ("kk", "Бүгін жаңбыр жауды.", set(), {"Japan", "China"}),
]


@pytest.mark.parametrize(("lang", "text", "want", "unwanted"), CASES)
def test_sentences(small_kb: KnowledgeBase, lang: str, text: str, want: set[str],
                   unwanted: set[str]) -> None:
    got = names(text, lang, small_kb)
    assert want <= set(got), got
    assert not (unwanted & set(got)), got


def test_leftmost_longest_and_ids(small_kb: KnowledgeBase) -> None:
    ents = run("哈萨克斯坦政府与哈萨克斯坦", "zh-Hans", small_kb)
    by = {e.name: e for e in ents}
    assert [m.text for m in by["Government of Kazakhstan"].mentions] == ["哈萨克斯坦政府"]
    assert [(m.start, m.end) for m in by["Kazakhstan"].mentions] == [(8, 13)]
    assert by["Kazakhstan"].linked and by["Kazakhstan"].id.startswith("ent_")
    one = run("总裁千崎正文表示欢迎。", "zh-Hans", small_kb)
    two = run("公司总裁千崎正文时强调合作。", "zh-Hans", small_kb)
    a = [e for e in one if e.name == "千崎正文"]
    b = [e for e in two if e.name == "千崎正文"]
    assert a and b and a[0].id == b[0].id and not a[0].linked


def test_skip_spans(small_kb: KnowledgeBase) -> None:
    text = "日本外相访问哈萨克斯坦。\nФото: Japan Kazakhstan"
    cut = text.index("\n")
    ents = find_entities(text, text, "zh-Hans", small_kb, skip=[(cut, len(text))])
    for e in ents:
        assert all(m.end <= cut for m in e.mentions)


@pytest.mark.parametrize(
    "text",
    ["", "0" * 1_000_000, "日本" * 50_000, ("A" * 99_999) + "\n", "Президент " * 10_000,
     "哈萨克斯坦 Kazakhstan Казахстан カザフスタン Қазақстан ·" * 2_000,
     "(" * 50_000 + "Astana Hub" + ")" * 50_000, "总统" * 30_000 + "·" * 1000],
)
def test_bad_input_is_handled(small_kb: KnowledgeBase, text: str) -> None:
    # Pathological shapes finish (a hang fails the run) and every mention quotes the text;
    # their speed is measured by scripts/bench_extract.py, not asserted here.
    for lang in ("zh-Hans", "en", "ru", "ja", "kk"):
        for ent in find_entities(text, text, lang, small_kb):
            for m in ent.mentions:
                assert text[m.start:m.end] == m.text


def test_length_mismatch_is_refused(small_kb: KnowledgeBase) -> None:
    with pytest.raises(ValueError):
        find_entities("ab", "abc", "en", small_kb)


def test_fold_keeps_length() -> None:
    s = "ＡＢＣ İstanbul Ёлка ﬁ 日本・カザフ"
    assert len(fold(s)) == len(s)


SHIPPED = [
    ("zh-Hans", "托卡耶夫总统会见日本首相高市早苗。", {"Kassym-Jomart Tokayev", "Japan",
                                                    "Sanae Takaichi"}),
    ("zh-Hant", "哈薩克斯坦總統托卡耶夫率先抵日。", {"Kazakhstan", "Kassym-Jomart Tokayev", "Japan"}),  # noqa: E501  (CJK counts double)
    ("en", "President Tokayev met Prime Minister Takaichi in Tokyo.",
     {"Kassym-Jomart Tokayev", "Tokyo"}),
    ("ru", "Токаев посетил Японию и встретился с премьер-министром.",
     {"Kassym-Jomart Tokayev", "Japan"}),
    ("ja", "カザフスタンのトカエフ大統領が東京を訪問した。", {"Kazakhstan", "Tokyo"}),
    ("kk", "Қазақстан мен Жапония арасындағы ынтымақтастық.", {"Kazakhstan", "Japan"}),
]


@pytest.mark.parametrize(("lang", "text", "want"), SHIPPED)
def test_shipped_kb(lang: str, text: str, want: set[str]) -> None:
    got = names(text, lang, default_kb())
    assert want <= set(got), got


def test_matching_100kb_finds_every_repeat() -> None:
    kb = default_kb()
    unit = "哈萨克斯坦总统托卡耶夫在东京会见日本首相高市早苗，双方签署多项协议。"
    text = unit * 3000
    found = {e.name: len(e.mentions) for e in find_entities(text, text, "zh-Hans", kb)}
    assert found.get("Kassym-Jomart Tokayev") == 3000 and found.get("Tokyo") == 3000


def golden_dir() -> Path:
    return Path(__file__).parent / "golden" / "entities"


# General rules added for named documents, speech verbs, inflected names and capitalisation.
RULES: list[tuple[str, str, set[str], set[str]]] = [
    # (language, sentence, names that must be found, names that must not be found)
    ("zh-Hans", "北京大学教授李明远认为，合作前景广阔。", {"李明远"}, {"李明远认"}),
    ("zh-Hans", "两国外长签署了《北极航道合作协定》。", {"北极航道合作协定"}, set()),
    ("en", "The leaders endorsed the Green Steppe Initiative for Central Asia last year.",
     {"Green Steppe Initiative for Central Asia"}, {"Central Asia"}),
    ("en", "\"It matters,\" said Aidos Nurlanov, a fellow at the Astana Policy Lab.",
     {"Aidos Nurlanov"}, set()),
    ("ru", "Эксперт Каспийского института морских исследований Ерлан Касымов отметил рост.",
     {"Ерлан Касымов"}, {"Каспийского"}),
    ("kk", "Саясаттанушы Ерлан Қасымов Қытай саясатын талдады.", {"Ерлан Қасымов", "China"},
     set()),
    ("kk", "Екі ел достық пен ынтымақтастықты дамытады.", set(), {"Dostyk"}),
    ("ja", "北海道大学の研究者が講演した。", {"北海道大学"}, {"Hokkaido"}),
]


@pytest.mark.parametrize(("lang", "text", "want", "unwanted"), RULES)
def test_general_rules(lang: str, text: str, want: set[str], unwanted: set[str]) -> None:
    got = names(text, lang, default_kb())
    assert want <= set(got), got
    assert not unwanted & set(got), got


def test_kb_automaton_is_cached_on_disk_and_rebuilt_when_damaged(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from attache import entities as ents
    from attache.kb import KBEntry, KnowledgeBase

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    entry = KBEntry("ruritania", "Ruritania", "country", {"ru": ("Руритания",)}, country="RU")
    text = "Делегация Руритании прибыла."
    first = ents.find_entities(text, text, "ru", KnowledgeBase([entry]))
    files = list((tmp_path / "attache").glob("kb-automaton-*.pickle"))
    assert len(files) == 1 and [e.name for e in first] == ["Ruritania"]
    again = ents.find_entities(text, text, "ru", KnowledgeBase([entry]))  # from the file
    assert [(e.id, e.mentions) for e in again] == [(e.id, e.mentions) for e in first]
    files[0].write_bytes(b"not a pickle")
    third = ents.find_entities(text, text, "ru", KnowledgeBase([entry]))
    assert [e.name for e in third] == ["Ruritania"]
    other = KBEntry("freedonia", "Freedonia", "country", {"ru": ("Фридония",)})
    assert [e.name for e in ents.find_entities("Фридония", "Фридония", "ru",
                                               KnowledgeBase([other]))] == ["Freedonia"]


@pytest.mark.parametrize(("text", "expected"), [
    ("モバイル決済が普及した。", set()),  # バイル (Bayrou) inside モバイル
    ("バイル首相は述べた。", {"François Bayrou"}),
    ("トカエフ大統領とマクロン大統領が会談した。", {"Kassym-Jomart Tokayev", "Emmanuel Macron"}),
])
def test_katakana_names_match_whole_katakana_runs(text: str, expected: set[str]) -> None:
    assert {e.name for e in find_entities(text, text, "ja", default_kb())} == expected
