"""Long texts: extraction works in bounded windows of whole sentences, offsets stay exact."""

from __future__ import annotations

import pytest

import attache.extract as extract_mod
from attache.analysis import analyze
from attache.model import Document
from attache.sentences import split_sentences
from attache.tokens import segmenter_for

LINE = ("Japan and Kazakhstan signed 12 agreements worth $3.5 billion in Astana on 3 May 2024, "
        "the ministry said; ")


def test_windows_cover_every_sentence_once() -> None:
    text = LINE * 300
    doc = Document(text=text, format="txt", location="w.txt")
    a = analyze(doc, segmenter_for(()), extract=False, tokens=False)
    windows = extract_mod.sentence_windows(a.sentences, 2_000)
    assert windows[0][0] == 0 and windows[-1][1] == len(a.sentences)
    assert all(w[1] == n[0] for w, n in zip(windows, windows[1:], strict=False))
    assert all(we - ws <= 2_000 or j - i == 1 for i, j, ws, we in windows)


def test_long_one_line_text_is_extracted_in_bounded_windows(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Before: the figure extractor saw the whole line at once and related every figure to
    # every sentence and mention (quadratic: a 50 MB one-line text ran for hours).
    seen: list[int] = []
    real = extract_mod.find_figures

    def spy(view: str, *args: object, **kw: object) -> object:
        seen.append(len(view))
        return real(view, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(extract_mod, "find_figures", spy)
    monkeypatch.setattr(extract_mod, "WINDOW_CHARS", 5_000)
    text = LINE * 200  # about 21,000 characters on one line
    doc = Document(text=text, format="txt", location="long.txt",)
    assert "\n" not in text and len(split_sentences(text)) > 10
    ex = analyze(doc, segmenter_for(()), tokens=False).extraction
    assert ex is not None
    assert len(seen) >= 4 and max(seen) <= 5_000
    # Every offset is the whole document's and quotes it exactly.
    assert len(ex.figures) >= 200
    for f in ex.figures:
        assert text[f.start:f.end] == f.text
    for e in ex.entities:
        for m in e.mentions:
            assert text[m.start:m.end] == m.text
    assert len({e.id for e in ex.entities}) == len(ex.entities)
    kz = [e for e in ex.entities if e.name == "Kazakhstan"]
    assert kz and len(kz[0].mentions) == 200
    assert ex.doc_id == doc.id


def test_windowed_and_whole_extraction_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    text = LINE * 60
    doc = Document(text=text, format="txt", location="same.txt")
    whole = analyze(doc, segmenter_for(()), tokens=False).extraction
    monkeypatch.setattr(extract_mod, "WINDOW_CHARS", 1_500)
    parts = analyze(doc, segmenter_for(()), tokens=False).extraction
    assert whole is not None and parts is not None
    assert [(f.start, f.value, f.unit) for f in parts.figures] == \
        [(f.start, f.value, f.unit) for f in whole.figures]
    assert {(e.id, len(e.mentions)) for e in parts.entities} == \
        {(e.id, len(e.mentions)) for e in whole.entities}


def test_text_over_the_character_cap_is_refused_by_ingest(tmp_path: object) -> None:
    from pathlib import Path

    from click.testing import CliRunner

    from attache.cli import cli

    folder = Path(str(tmp_path))
    (folder / "long.txt").write_text(LINE * 40, "utf-8")
    (folder / "short.txt").write_text(LINE, "utf-8")
    r = CliRunner().invoke(cli, ["ingest", str(folder / "long.txt"), str(folder / "short.txt"),
                                 "--db", str(folder / "c.db"), "--max-chars", "2000"])
    assert r.exit_code == 1 and "added 1" in r.stdout
    assert "over the cap of 2,000" in r.stderr and "long.txt" in r.stderr
