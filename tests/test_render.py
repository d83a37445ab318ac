"""Rendering: Markdown, self-contained HTML and JSON; document text is always escaped."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from attache.brief import Brief, build_brief
from attache.citations import Citation
from attache.evidence import EvidenceBase
from attache.render import render, to_html, to_json, to_markdown
from tests.brief_checks import assert_fully_cited

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
    assert "<script" not in md and "<img" not in md
    assert "&lt;script&gt;" in md
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
    for title in ("Summary", "Background", "Analysis by theme", "Key figures", "Timeline",
                  "Actors", "Who says what", "Conclusions", "Limitations and open questions",
                  "Sources"):
        assert f"\n## {title}\n" in md
    assert "\n### Limitations\n" in md and "| Measure | Value |" in md
    assert re.search(r'\[\\\[\d+\\\]\]\(<[^>]+> "[^"]+"\)', md)  # [n](<href> "quote")


def test_html_structure(brief: Brief) -> None:
    page = to_html(brief)
    assert page.startswith("<!DOCTYPE html>")
    for key in ("summary", "background", "analysis", "figures", "timeline", "actors",
                "coverage", "conclusions", "limitations", "sources"):
        assert f'id="sec-{key}"' in page
    assert page.count("<svg") == 1 and "<circle" in page
    assert 'class="cite"' in page and 'data-quote="' in page and 'title="' in page
    assert 'class="verdict-' in page
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
    assert keys[0] == "summary" and keys[-1] == "sources"


def test_render_rejects_unknown_format(brief: Brief) -> None:
    with pytest.raises(ValueError):
        render(brief, "pdf")


def test_chinese_brief_renders(loaded: EvidenceBase, tmp_path: Path) -> None:
    b = build_brief(loaded, "日本 哈萨克斯坦", "zh")
    page = to_html(b)
    assert '<html lang="zh-Hans">' in page and "摘要" in page and "关键数据" in page
    md = to_markdown(b)
    assert "## 局限与待解问题" in md
