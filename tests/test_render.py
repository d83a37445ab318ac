"""Rendering: Markdown, self-contained HTML and JSON; document text is always escaped."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from attache.brief.model import Brief, Claim, Row, Section, Table
from attache.brief.render import (
    MAX_TICKS,
    RenderOptions,
    axis_ticks,
    md_escape,
    render,
    self_quoted,
    split_outliers,
    text_width,
    timeline_svg,
    to_html,
    to_json,
    to_markdown,
)
from attache.citations import Citation
from attache.evidence import EvidenceBase
from tests.brief_checks import assert_fully_cited, build_brief
from tests.conftest import copy_db

HOSTILE = (
    "Japan and Kazakhstan signed a rare earth deal <script>alert(1)</script> in Tokyo "
    "with investment worth $2 billion.\n"
    "Kazakhstan and Japan agreed on uranium <img src=x onerror=alert(2)> supplies and a new "
    "Caspian port.\n"
    "Japan will train Kazakh students in [links](javascript:alert(3)) and | pipes | too.\n"
)


@pytest.fixture(scope="module")
def brief(loaded: EvidenceBase) -> Brief:
    return build_brief(loaded, "Japan Kazakhstan", "en")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[EvidenceBase, Brief]]:
    d = tmp_path_factory.mktemp("hostile")
    (d / "evil <b>.txt").write_text(HOSTILE, "utf-8")
    with EvidenceBase(":memory:") as eb:
        assert eb.ingest([str(d)]).ok
        b = build_brief(eb, "Japan Kazakhstan", "en")
        assert_fully_cited(b, eb.store)
        yield eb, b


def test_html_escapes_document_text(hostile: tuple[EvidenceBase, Brief]) -> None:
    _eb, b = hostile
    quotes = " ".join(c.quote for c in b.citations())
    assert "<script>" in quotes and "onerror" in quotes  # the hostile text is quoted ...
    page = to_html(b)
    assert "<script" not in page.lower()  # ... but never lands as markup
    assert "<img" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    assert not re.search(r"href=\"\s*javascript:", page, re.I)
    assert "default-src 'none'" in page


def test_markdown_escapes_document_text(hostile: tuple[EvidenceBase, Brief]) -> None:
    md = to_markdown(hostile[1])
    # Every "<" of document text is backslash-escaped, so no raw HTML can form; link targets
    # are the only "<" Markdown reads, written as "(<href>" by attache itself.
    assert not re.search(r"(?<![\\(])<[A-Za-z/!?]", md)
    assert "\\<script\\>alert(1)\\</script\\>" in md and "\\<img src=x" in md
    assert "&amp;" not in md and "&lt;" not in md.split("](")[0]
    assert "](javascript:" not in md
    for line in md.splitlines():
        if line.startswith("| ") and "pipes" in line:
            assert "\\| pipes \\|" in line


def test_citation_href_is_never_a_script() -> None:
    c = Citation("d", 0, 1, "x", "javascript:alert(1)", "javascript:alert(2)")
    assert c.href() == "./javascript%3Aalert%281%29"  # a relative path, never a scheme
    assert Citation("d", 0, 1, "x", "/corpus/a b.txt").href() == "file:///corpus/a%20b.txt"
    assert Citation("d", 0, 1, "x", "a.txt", "https://e.org/x").href() == "https://e.org/x"


def test_markdown_structure(brief: Brief) -> None:
    md = to_markdown(brief)
    assert md.startswith("# Brief: Japan Kazakhstan\n")
    for title in ("Summary", "Background", "Analysis by theme", "Conclusions",
                  "Limitations and what to verify", "Data and references", "References"):
        assert f"\n## {title}\n" in md
    assert "\n### Key figures\n" in md and "| Measure | Value |" in md
    assert re.search(r"^- .+ \\\[\d+\\\]", md, re.M)  # a statement with a short marker
    refs = md.split("\n## References\n", 1)[1]
    assert re.search(r"^1\. .+", refs, re.M) and re.search(r"^   - “.+”$", refs, re.M)


def test_markdown_is_shareable(brief: Brief) -> None:
    md = to_markdown(brief)
    assert "file://" not in md and "/work/" not in md and str(Path.home()) not in md
    assert '"' not in "".join(re.findall(r"\]\([^)]*\)", md))  # no link titles
    longest = max(len(line) for line in md.splitlines() if line.startswith("- "))
    assert longest < 700  # a bullet is its sentence and short markers, not link noise
    full = to_markdown(brief, RenderOptions(absolute_paths=True))
    assert "/data/sample/" in full
    assert "/data/sample/" not in to_json(brief) and "/data/sample/" in to_json(
        brief, RenderOptions(absolute_paths=True))
    assert "file://" not in to_html(brief)


def test_markdown_tables_and_references_escape_untrusted_text() -> None:
    q = "Trade | rose [a](javascript:x) `code` <b>bold</b> *x*"
    cite = Citation("d", 0, len(q), q, "/home/u/evil | <name>.txt", "https://e.org/a b|c")
    row = Row(("A | B", "2 bn"), (cite,), key="k")
    claim = Claim("Statement | with pipe", "statement", "en", (cite,),
                  evidence=(Claim(q, "quote", "en", (cite,), gloss="gloss | x"),))
    b = Brief("t", "en", "Brief: t", (
        Section("summary", "Summary", (claim,)),
        Section("data", "Data", tables=(Table("figures", ("Measure", "Value"), (row,)),))))
    md = to_markdown(b)
    for line in md.splitlines():
        if line.startswith("| A"):
            assert line.count("|") - line.count("\\|") == 4, line  # three cells, two edges
    assert "<https://e.org/a%20b%7Cc>" in md
    assert not re.search(r"(?<![\\(])<[A-Za-z/!?]", md.replace("<https://", ""))
    assert not re.search(r"(?<!\\)\]\(javascript", md)
    assert "/home/u" not in md


def test_html_structure(brief: Brief) -> None:
    page = to_html(brief)
    assert page.startswith("<!DOCTYPE html>")
    for key in ("summary", "background", "analysis", "figures", "timeline", "actors",
                "coverage", "conclusions", "limitations", "references"):
        assert f'id="sec-{key}"' in page
    assert page.count("<svg") == 1 and "<circle" in page
    assert 'class="cite"' in page and 'data-quote="' in page and 'title="' in page
    assert 'class="verdict-' in page and 'class="gloss"' in page
    assert "http://" not in page.split("<body>")[0].replace('xmlns="http://www.w3.org/2000/svg"',
                                                             "")
    assert "<script" not in page and "<link" not in page


def test_json_carries_every_citation(brief: Brief, loaded: EvidenceBase) -> None:
    d = json.loads(to_json(brief))
    assert d["topic"] == "Japan Kazakhstan" and d["evidence_key"] == brief.evidence_key
    cites = d["citations"]
    assert cites and len(cites) == len({(c["doc_id"], c["start"], c["end"]) for c in cites})
    for c in cites:
        assert set(c) >= {"doc_id", "start", "end", "quote", "location", "url"}
        assert c["location"] or c["url"]
        assert loaded.store.text_of(c["doc_id"])[c["start"]:c["end"]] == c["quote"]
    keys = [s["key"] for s in d["sections"]]
    assert keys[0] == "summary" and keys[-1] == "references"


def test_render_rejects_unknown_format(brief: Brief) -> None:
    with pytest.raises(ValueError):
        render(brief, "pdf")


def test_chinese_brief_renders(loaded: EvidenceBase, tmp_path: Path) -> None:
    b = build_brief(loaded, "日本 哈萨克斯坦", "zh")
    page = to_html(b)
    assert '<html lang="zh-Hans">' in page and "摘要" in page and "关键数据" in page
    md = to_markdown(b)
    assert "## 限制条件与待验证" in md and "## 数据与引用" in md


def test_markdown_escapes_only_what_markdown_reads() -> None:
    assert md_escape("R&D | Smith & Sons\\path\nnext") == "R&D \\| Smith & Sons\\\\path next"
    assert md_escape("AT&amp;T") == "AT\\&amp;T"  # would be read as an entity, so escaped
    assert md_escape("a <b> c") == "a \\<b\\> c"


def test_quote_with_its_own_quotation_marks_gets_no_outer_ones() -> None:
    cite = (Citation("d", 0, 5, "x", "/c/d.txt"),)
    own = Claim("“日本是主要投资者之一。”", "quote", "zh-Hans", cite, outlet="GNews")
    plain = Claim("日本是主要投资者之一。", "quote", "zh-Hans", cite, outlet="GNews")
    assert self_quoted(own.text) and not self_quoted(plain.text)
    assert self_quoted('"Tokyo is signalling," said an analyst.')
    b = Brief("t", "en", "Brief: t", (Section("summary", "Summary", (own, plain)),))
    md = to_markdown(b)
    assert "- “日本是主要投资者之一。” \\[1\\] — GNews" in md and "““" not in md and "””" not in md
    page = to_html(b)
    assert page.count('<q lang="zh-Hans" class="own">') == 1
    assert page.count('<q lang="zh-Hans">') == 1


def _label_boxes(svg: str) -> list[tuple[float, float, float, str]]:
    boxes = []
    for g in re.findall(r'<g class="event">.*?</g>', svg):
        m = re.search(r'<text x="([\d.]+)" y="([\d.]+)" text-anchor="middle">([^<]*)</text>', g)
        if m:
            x, y, label = float(m.group(1)), float(m.group(2)), m.group(3)
            w = text_width(label)
            boxes.append((x - w / 2, x + w / 2, y, label))
    return boxes


def test_timeline_chart_is_readable() -> None:
    rows = [Row(("1972-09-29", "statement", "Japan, China", "—", "happened", "1"), (),
                date="1972-09-29", weight=1)]
    rows += [Row((f"2025-12-{d:02d}", t, "Kazakhstan, Japan", "Tokyo", "happened", str(w)), (),
                 date=f"2025-12-{d:02d}", weight=w)
             for d in (15, 17, 18, 18, 18, 18, 19, 20, 20, 20, 20, 21)
             for t, w in (("meeting", d % 4 + 1),)]
    rows += [Row(("2024-08", "summit", "Kazakhstan", "Astana", "postponed", "2"), (),
                 date="2024-08", weight=2)]
    svg = timeline_svg(rows, "Events")
    # The 1972 outlier is one "earlier" marker behind a break, not 53 yearly ticks.
    assert "earlier: 1" in svg and "1972-09-29 · statement" in svg
    ticks = re.findall(r'<line x1="[\d.]+" y1="\d+" x2="[\d.]+" y2="\d+" stroke="#8a94a6"/>'
                       r'<text[^>]*>([^<]+)</text>', svg)
    assert 2 <= len(ticks) <= MAX_TICKS and "1980" not in ticks
    boxes = _label_boxes(svg)
    assert boxes
    for i, (a1, b1, y1, l1) in enumerate(boxes):
        for a2, b2, y2, l2 in boxes[i + 1:]:
            assert y1 != y2 or b1 <= a2 or b2 <= a1, (l1, l2)
    # Every event keeps its full text as a hover title, labelled or not.
    assert svg.count('<g class="event"><title>') == len(rows) - 1
    assert "<script" not in svg and "href" not in svg


def test_axis_helpers() -> None:
    assert split_outliers([1972.7, 2004.5, 2022.3, 2022.3, 2024.6, 2025.9, 2025.9, 2025.9,
                           2025.9, 2025.9, 2025.9, 2025.9]) == 2
    assert split_outliers([2022.3, 2024.6, 2025.9]) == 0
    assert 1 <= len(axis_ticks(2025.9, 2025.98)) <= MAX_TICKS
    assert len(axis_ticks(1900.0, 2025.0)) <= MAX_TICKS
    assert [t for _, t in axis_ticks(2024.0, 2026.0)][:2] in (["2024", "2024-04"],
                                                             ["2024-04", "2024-07"],
                                                             ["2024-07", "2025"])


def test_cli_brief_paths_are_file_names_unless_asked(loaded: EvidenceBase, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from attache.cli import cli

    db = tmp_path / "copy.db"
    copy_db(loaded, db)
    base = ["brief", "Japan", "Kazakhstan", "--db", str(db)]
    short = CliRunner().invoke(cli, base)
    full = CliRunner().invoke(cli, [*base, "--absolute-paths"])
    assert short.exit_code == 0 and full.exit_code == 0, short.output + full.output
    sample = str(Path(__file__).resolve().parents[1] / "attache" / "data" / "sample")
    assert sample not in short.output and "file://" not in short.output
    assert sample in full.output
    assert "\n## References\n" in short.output
