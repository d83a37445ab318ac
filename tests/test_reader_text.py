"""Text and markdown files: header lines, front matter, markdown reduction, file errors, seeds."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from attache.errors import DecodeError, EmptyDocument, InputError, UnreadableInput, UnsupportedInput
from attache.readers import read_bytes, read_path, sniff_format
from attache.readers.markdown import reduce_markdown, split_front_matter

TEXTS: dict[str, str] = json.loads(
    (Path(__file__).parent / "golden" / "readers" / "texts.json").read_text("utf-8")
)
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"


def one(data: bytes, name: str = "doc.txt", **kw: object) -> object:
    docs = read_bytes(data, location=name, **kw)  # type: ignore[arg-type]
    assert len(docs) == 1
    return docs[0]


def test_plain_text_is_kept_exactly() -> None:
    body = TEXTS["ZH_HANS"] + "\r\n\r\n![]()\r\nФото: Ақорда\r\n" + TEXTS["KK"] + "\r\n"
    doc = read_bytes(body.encode("utf-8"), location="a.txt")[0]
    assert doc.format == "txt"
    assert doc.text == body.replace("\r\n", "\n")
    assert doc.links == ()
    assert doc.encoding == "utf-8"


def test_date_header_line() -> None:
    data = f" date 2025-12-20 日哈关系的新阶段\n\n{TEXTS['ZH_HANS']}\n".encode()
    doc = read_bytes(data, location="a.txt")[0]
    assert doc.title == "日哈关系的新阶段"
    assert doc.published is not None
    assert (doc.published.value, doc.published.source, doc.published.precision) == (
        "2025-12-20", "header", "day")
    assert doc.text == TEXTS["ZH_HANS"] + "\n"


def test_chinese_key_value_header() -> None:
    data = (
        "版次: 头版（v1）\n日期: 2025-12-04\n主题: 托卡耶夫访问东京\n"
        "来源: https://example.org/news/1\n\n" + TEXTS["ZH_HANS"]
    ).encode()
    doc = read_bytes(data, location="a.txt")[0]
    assert doc.title == "托卡耶夫访问东京"
    assert doc.published and doc.published.value == "2025-12-04"
    assert doc.published.source == "header"
    assert doc.url == "https://example.org/news/1"
    assert doc.meta_value("版次") == "头版（v1）"
    assert doc.text == TEXTS["ZH_HANS"]


def test_english_and_russian_headers() -> None:
    en = ("Title: Tokayev in Tokyo\nDate: 19 December 2025\nSource: The Astana Times\n"
          "URL: https://astanatimes.com/x\n\n" + TEXTS["EN"]).encode()
    doc = read_bytes(en, location="en.txt")[0]
    assert (doc.title, doc.outlet, doc.url) == (
        "Tokayev in Tokyo", "The Astana Times", "https://astanatimes.com/x")
    assert doc.published and doc.published.value == "2025-12-19"
    ru = ("Заголовок: Токаев в Токио\nДата: 18 декабря 2025 г.\nИсточник: Kazinform\n\n"
          + TEXTS["RU"]).encode("cp1251")
    doc = read_bytes(ru, location="ru.txt")[0]
    assert doc.title == "Токаев в Токио" and doc.outlet == "Kazinform"
    assert doc.published and doc.published.value == "2025-12-18"
    assert doc.text == TEXTS["RU"]
    assert doc.encoding == "cp1251"


def test_colon_line_running_into_prose_is_not_a_header() -> None:
    data = ("Note: this is a draft\n" + TEXTS["EN"]).encode()
    doc = read_bytes(data, location="a.txt")[0]
    assert doc.text.startswith("Note: this is a draft\n")


def test_date_line_in_text_and_title_from_first_line() -> None:
    data = ("日本与中亚合作的新动向\n\n" + TEXTS["ZH_HANS"] + "\n\n2022年5月1日\n").encode()
    doc = read_bytes(data, location="a.txt")[0]
    assert doc.title == "日本与中亚合作的新动向"
    assert doc.published and (doc.published.value, doc.published.source) == ("2022-05-01", "text")
    ru = (TEXTS["RU"] + "\n18 декабря 2025 г.\n").encode()
    doc = read_bytes(ru, location="r.txt")[0]
    assert doc.title is None  # the first line is a sentence
    assert doc.published and doc.published.value == "2025-12-18"


def test_dates_inside_sentences_are_not_publication_dates() -> None:
    doc = read_bytes(TEXTS["JA"].encode(), location="j.txt")[0]
    assert doc.published is None


def test_markdown_links_reduced_with_offsets() -> None:
    src = ("# 日本と中央アジア\n\n"
           "[外務省](https://www.mofa.go.jp/) によると、**14件**の文書が署名された。\n"
           "![写真](https://example.org/a.jpg)\n"
           "- 項目 [Akorda](https://www.akorda.kz/)\n"
           "* `code`\n")
    doc = read_bytes(src.encode(), location="a.md")[0]
    assert doc.format == "md"
    assert doc.text == ("日本と中央アジア\n\n外務省 によると、14件の文書が署名された。\n\n"
                        "- 項目 Akorda\n- code\n")
    assert [(lk.text, lk.url) for lk in doc.links] == [
        ("外務省", "https://www.mofa.go.jp/"), ("Akorda", "https://www.akorda.kz/")]
    for lk in doc.links:
        assert doc.text[lk.start:lk.end] == lk.text
    assert doc.title == "日本と中央アジア"


def test_txt_with_markdown_links_is_reduced() -> None:
    src = f"{TEXTS['EN']} [astanatimes](https://astanatimes.com/x)\n"
    doc = read_bytes(src.encode(), location="a.txt")[0]
    assert doc.format == "txt"
    assert doc.text == f"{TEXTS['EN']} astanatimes\n"
    assert doc.links[0].url == "https://astanatimes.com/x"


def test_reduction_keeps_lines() -> None:
    src = "a\n\n![](x.png)\n![]()\nb [c](http://c)\n\n\n  \nd\n"
    text, links = reduce_markdown(src)
    assert text.split("\n") == ["a", "", "", "", "b c", "", "", "", "d", ""]
    assert links[0].start == text.index("c")


def test_front_matter() -> None:
    src = ("---\ntitle: Токаев посетил Токио\ndate: 2025-12-19\noutlet: Kazinform\n"
           "url: https://kazinform.kz/x\nauthor: Айгерим Сейткали\ntags: [Japan, Kazakhstan]\n"
           "---\n" + TEXTS["RU"] + "\n")
    doc = read_bytes(src.encode(), location="a.md")[0]
    assert doc.title == "Токаев посетил Токио"
    assert doc.published and (doc.published.value, doc.published.source) == (
        "2025-12-19", "front-matter")
    assert doc.outlet == "Kazinform" and doc.url == "https://kazinform.kz/x"
    assert doc.meta_value("author") == "Айгерим Сейткали"
    assert doc.meta_value("tags") == "Japan, Kazakhstan"
    assert doc.text == TEXTS["RU"] + "\n"


def test_txt_with_front_matter_goes_to_markdown() -> None:
    src = "---\ntitle: 日本の対中央アジア外交\n---\n" + TEXTS["JA"]
    doc = read_bytes(src.encode(), location="a.txt")[0]
    assert doc.format == "md" and doc.title == "日本の対中央アジア外交"


def test_broken_front_matter_is_text() -> None:
    meta, body = split_front_matter("---\n: [unclosed\n---\nbody")
    assert meta == {} and body.startswith("---")


def test_header_only_file_is_empty() -> None:
    with pytest.raises(EmptyDocument):
        read_bytes(b" date 2025-12-20 Title only\n\n", location="h.txt")


@pytest.mark.parametrize("name", ["a.txt", "a.md"])
def test_all_six_languages(name: str) -> None:
    for key, text in TEXTS.items():
        doc = read_bytes(text.encode("utf-8"), location=name)[0]
        assert doc.text == text, key


# ---- files and errors ---------------------------------------------------------------------

def test_read_path_errors(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInput, match="no such file"):
        read_path(tmp_path / "missing.txt")
    with pytest.raises(UnreadableInput, match="directory"):
        read_path(tmp_path)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(EmptyDocument):
        read_path(empty)
    big = tmp_path / "big.txt"
    big.write_bytes(TEXTS["EN"].encode() * 2000)
    with pytest.raises(UnreadableInput, match=r"over the cap of 0.1 MB; raise --max-mb"):
        read_path(big, max_bytes=100_000)
    assert read_path(big)[0].text.startswith("In December")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads everything")
def test_permission_denied(tmp_path: Path) -> None:
    p = tmp_path / "secret.txt"
    p.write_text(TEXTS["EN"])
    p.chmod(0)
    try:
        with pytest.raises(UnreadableInput, match="permission denied"):
            read_path(p)
    finally:
        p.chmod(0o600)


def test_binary_inputs(tmp_path: Path) -> None:
    png = tmp_path / "photo.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    with pytest.raises(UnsupportedInput, match="PNG"):
        read_path(png)
    noise = tmp_path / "noise.txt"
    noise.write_bytes(bytes(range(1, 32)) * 100 + b"\x00" * 10)
    with pytest.raises(DecodeError):
        read_path(noise)
    docx = tmp_path / "a.docx"
    docx.write_bytes(b"PK\x03\x04" + bytes(100))
    with pytest.raises(UnsupportedInput, match="ZIP"):
        read_path(docx)
    for exc in (UnsupportedInput, DecodeError):
        assert issubclass(exc, InputError)


def test_sniff_format() -> None:
    assert sniff_format(b"%PDF-1.7\n", "x.bin") == "pdf"
    assert sniff_format(b"<!DOCTYPE html><html>", "x.txt") == "html"
    assert sniff_format(b'<?xml version="1.0"?><rss version="2.0">', "feed") == "feed"
    assert sniff_format(b'<feed xmlns="http://www.w3.org/2005/Atom">', "x") == "feed"
    assert sniff_format(b"WARC/1.0\r\n", "x") == "warc"
    assert sniff_format(b"# Title\n", "notes.md") == "md"
    assert sniff_format(b"plain", "notes") == "txt"
    assert sniff_format(b"plain", "x", "text/markdown; charset=utf-8") == "md"
    assert sniff_format(b"<p>hi</p>", "x", "text/html") == "html"
    with pytest.raises(UnsupportedInput):
        sniff_format(b"\x1f\x8b\x08\x00" + bytes(20), "x.gz")


# ---- the five seeds -----------------------------------------------------------------------

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus/seeds absent")


def seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


@needs_seeds
def test_seed_000_date_header() -> None:
    doc = read_path(seed("000"))[0]
    assert doc.title == "日本外交的独特风格"
    assert doc.published and (doc.published.value, doc.published.source) == (
        "2025-12-20", "header")
    assert doc.text.startswith("日本对外交象征意义极为重视")
    assert "Фото: Ақорда" in doc.text.split("\n")


@needs_seeds
def test_seed_001_and_002_have_no_date() -> None:
    d1 = read_path(seed("001"))[0]
    d2 = read_path(seed("002"))[0]
    assert d1.published is None and d2.published is None
    assert "![]()" in d1.text.split("\n")  # plain text: kept for the normalizer to mark
    assert d1.text == seed("001").read_text("utf-8").replace("\r\n", "\n")
    assert d2.title == "资源与机制：日本与哈萨克斯坦双边合作探析"


@needs_seeds
def test_seed_003_key_value_header() -> None:
    doc = read_path(seed("003"))[0]
    assert doc.published and (doc.published.value, doc.published.source) == (
        "2025-12-04", "header")
    assert doc.url is not None and doc.url.startswith("https://www.baidu.com/s?wd=")
    assert doc.title == "高市早苗盯上中亚5国"
    assert "](" not in doc.text and "版次" not in doc.text
    assert len(doc.links) > 50
    assert all(doc.text[lk.start:lk.end] == lk.text for lk in doc.links)


@needs_seeds
def test_seed_004_front_matter_and_links() -> None:
    doc = read_path(seed("004"))[0]
    assert doc.title == "俄乌战争敏感时期中日防长分别访问哈萨克斯坦"
    assert doc.published and (doc.published.value, doc.published.source) == (
        "2022-05-01", "text")
    assert len(doc.links) >= 25
    assert all(doc.text[lk.start:lk.end] == lk.text for lk in doc.links)
    assert any(lk.url.startswith("https://astanatimes.com/2022/04/") for lk in doc.links)
    assert "2022年5月1日" in doc.text.split("\n")
    assert "title:" not in doc.text


def test_permission_denied_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "secret.txt"
    p.write_text(TEXTS["EN"])

    def deny(*args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", deny)
    with pytest.raises(UnreadableInput, match="permission denied"):
        read_path(p)


@pytest.mark.parametrize("name", ["x.txt", "x.md", "x.html", "x.pdf", "x.xml", "x.warc", "x"])
def test_only_attache_errors_escape(name: str) -> None:
    import random

    from attache.errors import AttacheError

    rng = random.Random(name)
    samples = [bytes(rng.randrange(256) for _ in range(500)), b"%PDF-1.4\n" + bytes(300),
               b"<rss><channel><item>", b"WARC/1.0\r\nbroken", b"<html><body></body></html>",
               b"---\n---\n"]
    for data in samples:
        try:
            read_bytes(data, location=name)
        except AttacheError:
            pass


@pytest.mark.parametrize("first_line,iso", [
    ("NEW YORK, September 19, 2023 — President Biden hosted the leaders.", "2023-09-19"),
    ("БИШКЕК, 26 ноября 2024 г. – Президент России прибыл с визитом.", "2024-11-26"),
    ("Астана, 17 маусым 2025 ж. Бүгін саммит басталды.", "2025-06-17"),
])
def test_wire_datelines_date_the_document(first_line: str, iso: str) -> None:
    from attache.readers.text import date_from_byline

    got = date_from_byline(first_line + "\nSecond paragraph.")
    assert got is not None and (got.value, got.source) == (iso, "text")
    assert date_from_byline("Tokyo, the capital, hosted talks in 2023.") is None


def test_control_characters_stripped_and_counted_in_meta() -> None:
    # Before: "3 control characters in the text: this looks like binary data" for a 60-byte
    # text with a bell and an escape sequence; now the text is kept and the removal recorded.
    data = b"Tokyo hosted the forum.\x07 The ministers\x1b[0m met in Astana\x0b today."
    doc = read_bytes(data, location="ctl.txt")[0]
    assert "\x07" not in doc.text and "\x1b" not in doc.text
    assert ("control_characters_removed", "3") in doc.meta
