"""Editions: same evidence, same brief; a new document makes edition n+1 with what changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from attache.brief.editions import brief_id, editions
from attache.evidence import EvidenceBase
from tests.brief_checks import assert_fully_cited

SAMPLE = Path(__file__).resolve().parents[1] / "attache" / "data" / "sample"
HELD_OUT = "kk_egemen_20251221_tokyo_summit.txt"


@pytest.fixture()
def base(tmp_path: Path) -> EvidenceBase:
    eb = EvidenceBase(tmp_path / "ed.db")
    files = [str(p) for p in sorted(SAMPLE.iterdir())
             if p.name not in (HELD_OUT, "README.md", "MANIFEST.json")]
    assert eb.ingest(files).ok
    return eb


def test_editions(base: EvidenceBase) -> None:
    first = base.brief("Japan Kazakhstan", "en", "md")
    assert first.new and first.edition == 1
    assert first.brief_id == brief_id("Japan Kazakhstan", "en", 1)
    assert first.brief.section("changes") is None
    assert_fully_cited(first.brief, base.store)

    again = base.brief("japan   KAZAKHSTAN", "en", "md")
    assert not again.new and again.edition == 1
    assert again.brief.evidence_key == first.brief.evidence_key
    assert again.text == first.text
    assert len(editions(base.store, "Japan Kazakhstan", "en")) == 1

    assert base.ingest([str(SAMPLE / HELD_OUT)]).ok
    second = base.brief("Japan Kazakhstan", "en", "md")
    assert second.new and second.edition == 2
    assert second.brief_id == brief_id("Japan Kazakhstan", "en", 2) != first.brief_id
    assert second.brief.evidence_key != first.brief.evidence_key
    changes = second.brief.section("changes")
    assert changes is not None
    texts = [c.text for c in changes.claims]
    assert any(t.startswith("New source: ") and "Kazakh" in t for t in texts)
    assert "## What changed" in second.text
    assert_fully_cited(second.brief, base.store)
    [sec] = [s for s in second.brief.sections if s.key == "changes"]
    assert [s.key for s in second.brief.sections].index("changes") == 1
    assert all(c.citations for c in sec.claims)

    third = base.brief("Japan Kazakhstan", "en", "html")
    assert not third.new and third.edition == 2
    assert third.brief.section("changes") is not None  # the stored change list is kept
    eds = editions(base.store, "Japan Kazakhstan", "en")
    assert [e.edition for e in eds] == [1, 2]
    assert eds[1].body["sections"][1]["key"] == "changes"


def test_languages_are_separate_editions(base: EvidenceBase) -> None:
    en = base.brief("Japan Kazakhstan", "en", "json")
    zh = base.brief("Japan Kazakhstan", "zh", "json")
    assert en.edition == zh.edition == 1 and en.brief_id != zh.brief_id
    assert '"lang": "zh"' in zh.text


def test_topic_without_evidence_is_not_found_and_not_stored(base: EvidenceBase) -> None:
    from attache.errors import NotFound

    with pytest.raises(NotFound, match="no stored evidence for topic 'Zimbabwe'; ingest"):
        base.brief("Zimbabwe", "en", "md")
    assert editions(base.store, "Zimbabwe") == []
