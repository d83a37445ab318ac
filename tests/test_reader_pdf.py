"""PDF: text layer, line joining, running heads and page numbers, garbage detection."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from attache.errors import GarbledText, UnreadableInput
from attache.readers import read_bytes, read_path
from attache.readers.pdf import garbage_reason, join_lines

TEXTS: dict[str, str] = json.loads(
    (Path(__file__).parent / "golden" / "readers" / "texts.json").read_text("utf-8")
)
LATIN_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
# The lead's CI installs it with: apt-get install fonts-wqy-zenhei
CJK_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")


def make_pdf(pages: list[str], font: Path, title: str = "Japan and Central Asia") -> bytes:
    from fpdf import FPDF

    class Paper(FPDF):
        def header(self) -> None:
            self.set_font("body", size=9)
            self.cell(0, 8, "Central Asia Review · Vol. 3 (2025)", new_x="LMARGIN", new_y="NEXT")

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("body", size=9)
            self.cell(0, 10, f"- {self.page_no()} -", align="C")

    pdf = Paper()
    pdf.set_title(title)
    pdf.set_creation_date(datetime(2025, 12, 20, 9, 30))
    pdf.add_font("body", fname=str(font))
    for text in pages:
        pdf.add_page()
        pdf.set_font("body", size=11)
        pdf.multi_cell(0, 6, text, align="L")
    return bytes(pdf.output())


needs_latin = pytest.mark.skipif(not LATIN_FONT.exists(), reason="DejaVuSans.ttf not installed")
needs_cjk = pytest.mark.skipif(not CJK_FONT.exists(), reason="fonts-wqy-zenhei not installed")


@needs_latin
def test_latin_and_cyrillic_pdf(tmp_path: Path) -> None:
    path = tmp_path / "paper.pdf"
    path.write_bytes(make_pdf([TEXTS["EN"], TEXTS["RU"], TEXTS["KK"]], LATIN_FONT))
    doc = read_path(path)[0]
    assert doc.format == "pdf"
    assert doc.title == "Japan and Central Asia"
    assert doc.published and (doc.published.value, doc.published.source) == ("2025-12-20", "meta")
    assert "Central Asia Review" not in doc.text  # running header
    assert "- 2 -" not in doc.text  # page numbers
    for key in ("EN", "RU", "KK"):
        assert TEXTS[key] in doc.text, key
    assert doc.meta_value("pdf_text") == "pypdf"


@needs_cjk
def test_cjk_lines_joined_without_spaces() -> None:
    data = make_pdf([TEXTS["ZH_HANS"] * 2, TEXTS["JA"], TEXTS["ZH_HANT"]], CJK_FONT)
    doc = read_bytes(data, location="cjk.pdf")[0]
    for key in ("ZH_HANS", "JA", "ZH_HANT"):
        assert TEXTS[key] in doc.text, key
    assert "Vol. 3" not in doc.text


@needs_cjk
def test_cjk_font_without_unicode_map_is_garbled() -> None:
    data = make_pdf([TEXTS["ZH_HANS"], TEXTS["JA"]], CJK_FONT)
    # Renaming the key keeps every byte offset valid while removing the font's Unicode map.
    broken = data.replace(b"/ToUnicode", b"/ToUnicodX")
    with pytest.raises(GarbledText, match="OCR it first"):
        read_bytes(broken, location="broken.pdf")


@needs_latin
def test_truncated_and_fake_pdfs() -> None:
    data = make_pdf([TEXTS["EN"]], LATIN_FONT)
    with pytest.raises((UnreadableInput, GarbledText)):
        read_bytes(data[: len(data) // 3], location="cut.pdf")
    with pytest.raises(UnreadableInput, match="not a PDF"):
        read_bytes(b"this is not a pdf at all", location="fake.pdf")


def test_pdf_without_text_layer() -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 50)
    with pytest.raises(GarbledText, match="no text layer"):
        read_bytes(bytes(pdf.output()), location="scan.pdf")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("日\x00本\x00外\x00交\x00" * 5, "NUL"),
        ("(cid:12)(cid:345)(cid:7) (cid:88)(cid:9)", "cid"),
        ("\ufffd\ufffd abc \ufffd\ufffd", "U+FFFD"),
        ("\ue000\ue001\ue002\ue003 text \ue004\ue005", "private-use"),
        ("   \n\n  ", "no text"),
    ],
)
def test_garbage_detector(text: str, reason: str) -> None:
    found = garbage_reason(text)
    assert found is not None and reason in found


def test_garbage_detector_accepts_text() -> None:
    for text in TEXTS.values():
        assert garbage_reason(text) is None


def test_join_lines_rules() -> None:
    page1 = ("Central Asia Review\n"
             "Japan and Kazakh-\nstan signed fourteen agree-\nments in Tokyo.\n"
             "哈萨克斯坦总统托卡耶夫对日本进行国事\n访问，并会见了高市早苗。\n"
             "第1页")
    page2 = "Central Asia Review\nВ Токио лидеры\nподписали соглашения.\nPage 2 of 3"
    page3 = "Central Asia Review\n\n3/10\nFirst paragraph.\n\nSecond paragraph.\n- 3 -"
    text = join_lines([page1, page2, page3])
    assert "Central Asia Review" not in text
    assert "Japan and Kazakhstan signed fourteen agreements in Tokyo." in text
    assert "国事访问，并会见了高市早苗。" in text
    assert "В Токио лидеры подписали соглашения." in text
    assert "第1页" not in text and "Page 2" not in text and "3/10" not in text
    assert "First paragraph.\n\nSecond paragraph." in text
    assert "- 3 -" not in text
