"""Publication dates from every signal a file carries: header, address, dateline, inference."""

from __future__ import annotations

from pathlib import Path

import pytest

from attache.anchors import dateline_date, latest_event_month, url_date
from attache.dates import find_dates
from attache.readers.text import read_text


@pytest.mark.parametrize(("url", "value"), [
    ("https://example.org/news/2025-08-26/story", "2025-08-26"),
    ("https://example.org/world/2025/12/18/story.html", "2025-12-18"),
    ("https://example.kz/kk/20251218/abc", "2025-12-18"),
    ("https://example.org/article?id=7&date=2025-08-26", "2025-08-26"),
    ("https://example.org/2025/12/", "2025-12"),
])
def test_dates_in_the_address(url: str, value: str) -> None:
    found = url_date(url)
    assert found is not None and found.value == value and found.source == "url"


def test_the_host_is_not_a_date() -> None:
    assert url_date("https://20251218.example.org/news/abc") is None
    assert url_date("https://example.org/news/abc") is None


@pytest.mark.parametrize(("text", "value"), [
    ("ASTANA, Dec. 18, 2025 — Leaders met.", "2025-12-18"),
    ("АСТАНА, 18 февраля 2025 г. – Стороны встретились.", "2025-02-18"),
    ("【新华网东京2025年8月9日电】双方举行会谈。", "2025-08-09"),
    ("【東京＝共同】2025年8月29日、両首脳は会談した。", "2025-08-29"),
    ("АСТАНА, 18 маусым 2025 ж. – Тараптар кездесті.", "2025-06-18"),
])
def test_datelines_with_a_year(text: str, value: str) -> None:
    found = dateline_date(text)
    assert found is not None and (found.value, found.source) == (value, "dateline")


def test_a_dateline_without_year_takes_the_texts_latest_year() -> None:
    text = "NEW DELHI, July 10 — The leaders met in Moscow on July 8-9, 2024, and set a target for 2030."
    assert dateline_date(text).value == "2024-07-10"  # type: ignore[union-attr]


def test_a_year_reported_with_a_figure_is_over() -> None:
    text = "АСТАНА, 18 февраля. /ТАСС/. В 2024 году товарооборот составил 27,8 млрд долларов."
    assert dateline_date(text).value == "2025-02-18"  # type: ignore[union-attr]


def test_target_years_do_not_date_a_dateline() -> None:
    assert dateline_date("BRUSSELS, Jan. 30 — Volumes could triple by 2030.") is None
    assert dateline_date("【新华网北京1月8日电】双方举行会谈。") is None


def test_header_lines_in_any_order_and_a_leading_address() -> None:
    doc = read_text("title: A\nsource: Desk\nurl: https://e.org/x\ndate: 2025-01-09\n\nBody text.",
                    location="a.txt")
    assert doc.published is not None and (doc.published.value, doc.published.source) == (
        "2025-01-09", "header")
    assert doc.url == "https://e.org/x" and doc.title == "A"
    doc = read_text("https://e.org/news/2024/06/12/korea\n\nKorea and Kazakhstan\n\nBody text.",
                    location="b.txt")
    assert doc.published is not None and (doc.published.value, doc.published.source) == (
        "2024-06-12", "url")
    assert doc.text.startswith("Korea and Kazakhstan")


def test_undated_text_is_dated_by_its_latest_event_month() -> None:
    text = "The two presidents met on 3 July 2024. They had first met in May 2022."
    inferred = latest_event_month(find_dates(text, "en", None))
    assert inferred is not None and (inferred.value, inferred.source) == ("2024-07", "inferred")
    assert latest_event_month(find_dates("No dates here.", "en", None)) is None


def test_an_undated_file_is_dated_by_its_events_and_so_are_its_facts(tmp_path: Path) -> None:
    from attache.evidence import extract_files

    f = tmp_path / "undated.txt"
    f.write_text("Kassym-Jomart Tokayev met Vladimir Putin in Moscow on 3 July 2024. "
                 "Trade between Kazakhstan and Russia reached $28 billion in 2023.\n", "utf-8")
    (ex,), failures = extract_files([str(f)])
    assert not failures
    assert ex.published == "2024-07"
    meeting = [e for e in ex.events if e.type == "meeting"]
    assert meeting and meeting[0].date == "2024-07-03"
    assert [fig.period for fig in ex.figures if fig.unit == "USD"] == ["2023"]


def test_a_dateline_span_covers_reporter_and_outlet_in_either_script() -> None:
    from attache.anchors import dateline_span

    for text in ("（中央社記者林佳和東京8日專電）日本首相石破茂今天會談。",
                 "（中央社记者林佳和东京8日专电）日本首相石破茂今天会谈。"):
        assert dateline_span(text) == (0, 15)
    assert dateline_span("Tokayev met Putin on Monday.") is None
