"""Knowledge-base loading, merging, alias tables and role lookups."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from attache.errors import ConfigError
from attache.kb import KnowledgeBase, Role, default_kb, surface_forms

ENTRY: dict[str, object] = {
    "id": "test-person", "name": "Test Person", "type": "person",
    "aliases": {"en": ["T. Person"], "ru": ["Тестов"]}, "abbrev": {}, "country": "KZ",
    "former_names": [], "notes": "",
    "roles": [{"role": "Prime Minister", "of": "Japan", "start": "2025-10-21", "end": None}],
}


def write_jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                    encoding="utf-8")
    return path


def test_shipped_kb_loads_and_is_cached() -> None:
    kb = default_kb()
    assert kb is default_kb()
    assert len(kb) > 0
    assert kb.by_name("Kazakhstan") is not None


def test_extra_jsonl_and_merge(tmp_path: Path) -> None:
    f = write_jsonl(tmp_path / "mine.jsonl", [ENTRY, {**ENTRY, "aliases": {"ja": ["テスト"]}}])
    kb = KnowledgeBase.load([f])
    e = kb.get("test-person")
    assert e is not None and e.name == "Test Person"
    assert e.aliases["ja"] == ("テスト",) and e.aliases["ru"] == ("Тестов",)
    assert kb.by_name("t. person") is e


def test_folder_and_tsv_alias_table(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "a.jsonl", [ENTRY])
    (tmp_path / "b.tsv").write_text("# comment\nTest Person\tテスト・パーソン\tja\n",
                                    encoding="utf-8")
    kb = KnowledgeBase.load([tmp_path])
    e = kb.get("test-person")
    assert e is not None and "テスト・パーソン" in e.aliases["ja"]


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ('{"id": "x", "name": "X"\n', ":1:"),
        ('\n{"id": "x", "name": "X", "type": "planet"}\n', ":2:"),
        ('{"id": "", "name": "X", "type": "person"}\n', "id"),
        ('{"id": "x", "name": "X", "type": "person", "aliases": {"en": [1]}}\n', "aliases"),
    ],
)
def test_malformed_jsonl_names_file_and_line(tmp_path: Path, content: str, needle: str) -> None:
    f = tmp_path / "bad.jsonl"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        KnowledgeBase.load([f])
    assert "bad.jsonl" in str(exc.value) and needle in str(exc.value)


def test_malformed_tsv(tmp_path: Path) -> None:
    f = tmp_path / "bad.tsv"
    f.write_text("only-two\tcolumns\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="bad.tsv:1"):
        KnowledgeBase.load([f])
    f.write_text("no-such-entity\talias\ten\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown entity"):
        KnowledgeBase.load([f])
    with pytest.raises(ConfigError, match="no such"):
        KnowledgeBase.load([tmp_path / "missing.jsonl"])


def test_role_holders(tmp_path: Path) -> None:
    old: dict[str, object] = {**ENTRY, "id": "old-pm", "name": "Old PM",
           "roles": [{"role": "Prime Minister", "of": "Japan", "start": "2024-10-01",
                      "end": "2025-10-21"}]}
    kb = KnowledgeBase.load([write_jsonl(tmp_path / "r.jsonl", [ENTRY, old])])
    mine = {"test-person", "old-pm"}

    def ids(on: str | None, role: str = "Prime Minister") -> list[str]:
        return [e.id for e in kb.role_holders(role, "Japan", on) if e.id in mine]

    assert ids("2025-12-19") == ["test-person"]
    assert ids("2025-01", "prime minister") == ["old-pm"]
    assert ids(None) == ["test-person"]
    shipped = [e.name for e in default_kb().role_holders("Prime Minister", "Japan", "2025-12-19")]
    assert shipped in ([], ["Sanae Takaichi"])
    assert Role("President", "X", "2019-03-20", None).held_on("2019")


def test_surface_forms_ru_kk() -> None:
    assert {"Казахстана", "Казахстану", "Казахстаном", "Казахстане"} <= surface_forms(
        "Казахстан", "ru")
    assert {"Японии", "Японию", "Японией"} <= surface_forms("Япония", "ru")
    assert {"Токаева", "Токаеву", "Токаевым", "Токаеве"} <= surface_forms("Токаев", "ru")
    assert {"Жапонияға", "Жапонияның", "Жапонияда", "Жапониямен", "Жапонияны"} <= surface_forms(
        "Жапония", "kk")
    assert {"Қазақстанның", "Қазақстанға", "Қазақстанда", "Қазақстанмен"} <= surface_forms(
        "Қазақстан", "kk")
    assert "Japan's" in surface_forms("Japan", "en")


def test_validator_passes_on_the_shipped_kb_and_concepts() -> None:
    """scripts/check_kb.py: CLDR territory coverage, 2,000 entities, fresh generated files."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    proc = subprocess.run([sys.executable, str(root / "scripts" / "check_kb.py")],
                          capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    assert proc.stdout.rstrip().endswith("OK")


def test_every_cldr_territory_has_six_language_names() -> None:
    babel = pytest.importorskip("babel")
    kb = default_kb()
    by_code: dict[str, list] = {}
    for e in kb.entries():
        if e.country and e.type in ("country", "place"):
            by_code.setdefault(e.country, []).append(e)
    for code in babel.Locale("en").territories:
        if len(code) != 2 or not code.isalpha() or code in {"XA", "XB", "ZZ", "QO", "EZ", "UN",
                                                           "EU"}:
            continue
        assert any(all(e.aliases.get(lang) for lang in ("zh-Hans", "zh-Hant", "ru", "ja", "kk"))
                   for e in by_code.get(code, [])), code


def test_officials_carry_dated_roles_and_region_bodies_exist() -> None:
    kb = default_kb()
    assert len(kb) >= 2000
    assert [e.name for e in kb.role_holders("Chancellor", "Germany", "2019-06-01")] == [
        "Angela Merkel"]
    assert [e.name for e in kb.role_holders("Prime Minister", "United Kingdom", "2020-01-01")
            ] == ["Boris Johnson"]
    assert [e.name for e in kb.role_holders("Minister of Foreign Affairs", "Turkey",
                                            "2024-01-01")] == ["Hakan Fidan"]
    for name in ("Gazprom", "Rosatom", "China National Petroleum Corporation", "JOGMEC", "JBIC",
                 "JICA", "Kazatomprom", "KazMunayGas", "Samruk-Kazyna",
                 "Ministry of Foreign Affairs of Mongolia", "Government of Azerbaijan",
                 "Ministry of Energy of Kazakhstan", "Eurasian Economic Commission"):
        assert kb.by_name(name) is not None, name
    mfa = kb.by_name("Ministry of Foreign Affairs of Mongolia")
    assert mfa is not None and "МИД Монголии" in mfa.aliases["ru"]
    assert "蒙古国外交部" in mfa.aliases["zh-Hans"] or "蒙古外交部" in mfa.aliases["zh-Hans"]


def test_generated_names_link_in_running_text() -> None:
    from attache.entities import find_entities

    text = "Министр иностранных дел Турции Хакан Фидан прибыл в Улан-Батор."
    names = {e.name for e in find_entities(text, text, "ru", default_kb())}
    assert {"Hakan Fidan", "Turkey"} <= names
    ja = "ドイツのメルツ首相はウランバートルを訪れた。"
    assert "Friedrich Merz" in {e.name for e in find_entities(ja, ja, "ja", default_kb())}
