"""Exports: CSV and Parquet open in pandas with every stored row; FtM entities validate."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from attache.cli import cli
from attache.errors import ConfigError
from attache.evidence import EvidenceBase
from attache.export import FORMATS, export

TABLES = ("documents", "entities", "mentions", "figures", "ledger", "events")


@pytest.fixture(scope="module")
def csv_dir(loaded: EvidenceBase, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("csv")
    export(loaded, "csv", out)
    return out


def expected_rows(eb: EvidenceBase, table: str) -> int:
    if table == "ledger":
        return sum(len(g.figures) for g in eb.figures().groups)
    return eb.store.count(table)


def test_csv_opens_in_pandas_with_every_row(loaded: EvidenceBase, csv_dir: Path) -> None:
    for table in TABLES:
        frame = pd.read_csv(csv_dir / f"{table}.csv", encoding="utf-8-sig")
        assert len(frame) == expected_rows(loaded, table), table
    docs = pd.read_csv(csv_dir / "documents.csv", encoding="utf-8-sig")
    assert set(docs["language"]) >= {"zh-Hans", "zh-Hant", "en", "ru", "ja", "kk"}
    first = docs.iloc[0]
    assert loaded.document(first["id"]).document.text == first["text"]
    mentions = pd.read_csv(csv_dir / "mentions.csv", encoding="utf-8-sig")
    assert set(mentions["doc_id"]) <= set(docs["id"])
    ledger = pd.read_csv(csv_dir / "ledger.csv", encoding="utf-8-sig")
    assert set(ledger["verdict"]) <= {"agree", "conflict", "update", "single-source"}


def test_parquet_matches_csv(loaded: EvidenceBase, csv_dir: Path, tmp_path: Path) -> None:
    result = loaded.export("parquet", tmp_path)
    assert [Path(p).name for p, _ in result.files] == [f"{t}.parquet" for t in TABLES]
    for table in TABLES:
        frame = pd.read_parquet(tmp_path / f"{table}.parquet")
        other = pd.read_csv(csv_dir / f"{table}.csv", encoding="utf-8-sig")
        assert list(frame.columns) == list(other.columns), table
        assert len(frame) == len(other) == dict(result.files)[str(tmp_path / f"{table}.parquet")]
    figs = pd.read_parquet(tmp_path / "figures.parquet")
    assert figs["value"].dtype.kind == "f" and figs["start"].dtype.kind == "i"


def test_jsonl_rows_are_objects(loaded: EvidenceBase, tmp_path: Path) -> None:
    loaded.export("jsonl", tmp_path)
    lines = (tmp_path / "events.jsonl").read_text("utf-8").splitlines()
    assert len(lines) == loaded.store.count("events")
    ev = json.loads(lines[0])
    assert isinstance(json.loads(ev["participants"]), list)


def test_empty_store_still_has_columns(tmp_path: Path) -> None:
    with EvidenceBase(tmp_path / "empty.db") as eb:
        eb.export("parquet", tmp_path / "pq")
        eb.export("csv", tmp_path / "csv")
    frame = pd.read_parquet(tmp_path / "pq" / "documents.parquet")
    assert len(frame) == 0 and "published" in frame.columns
    head = (tmp_path / "csv" / "figures.csv").read_text("utf-8-sig").strip()
    assert head.startswith("id,doc_id,start")


def test_ftm_entities_validate(loaded: EvidenceBase, tmp_path: Path) -> None:
    from followthemoney import model

    result = loaded.export("ftm", tmp_path)
    path = Path(result.files[0][0])
    proxies = []
    for line in path.read_text("utf-8").splitlines():
        data = json.loads(line)
        proxy = model.get_proxy(data, cleaned=False)
        proxy.schema.validate(data)  # raises InvalidData on a bad value
        for prop in proxy.schema.required:
            assert proxy.get(prop), (proxy.schema.name, prop)
        proxies.append(proxy)
    kinds = Counter(p.schema.name for p in proxies)
    assert kinds["Article"] == loaded.store.count()
    assert kinds["Person"] and kinds["Organization"] and kinds["Territory"] and kinds["Mention"]
    ids = {p.id for p in proxies}
    assert len(ids) == len(proxies)
    for p in proxies:
        if p.schema.name == "Mention":
            assert set(p.get("document")) <= ids and set(p.get("resolved")) <= ids
    kz = next(p for p in proxies if p.schema.name == "Territory"
              and "Kazakhstan" in p.get("name"))
    assert "哈萨克斯坦" in kz.get("alias") and kz.get("country") == ["kz"]
    # Ids are hashes of attache's ids: the same store exports the same entities.
    again = loaded.export("ftm", tmp_path / "again")
    assert Path(again.files[0][0]).read_text("utf-8") == path.read_text("utf-8")


def test_cli_export(loaded: EvidenceBase, tmp_path: Path) -> None:
    db = loaded.store.url.removeprefix("sqlite:///")
    res = CliRunner().invoke(cli, ["export", "--db", db, "--format", "csv", "-o",
                                   str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    assert len(res.output.splitlines()) == len(TABLES)
    assert (tmp_path / "out" / "ledger.csv").is_file()
    bad = CliRunner().invoke(cli, ["export", "--db", db, "--format", "xlsx", "-o", "x"])
    assert bad.exit_code == 2
    missing = CliRunner().invoke(cli, ["export", "--db", str(tmp_path / "none.db"),
                                       "--format", "csv", "-o", str(tmp_path / "o2")])
    assert missing.exit_code != 0 and "no database" in str(missing.exception)


def test_unknown_format_is_refused(loaded: EvidenceBase, tmp_path: Path) -> None:
    assert FORMATS == ("csv", "parquet", "jsonl", "ftm")
    with pytest.raises(ConfigError, match="unknown export format"):
        loaded.export("xlsx", tmp_path)


def test_api_export_download(loaded: EvidenceBase, tmp_path: Path) -> None:
    import io

    from fastapi.testclient import TestClient

    from attache.server import ServerSettings, create_app

    app = create_app(ServerSettings(db=loaded.store.url, upload_dir=tmp_path), loaded)
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        r = c.get("/api/export/parquet/figures")
        assert r.status_code == 200
        assert len(pd.read_parquet(io.BytesIO(r.content))) == loaded.store.count("figures")
        csv = c.get("/api/export/csv/entities")
        assert len(pd.read_csv(io.StringIO(csv.content.decode("utf-8-sig")))) == \
            loaded.store.count("entities")
        assert c.get("/api/export/ftm/entities").text.count("\n") > 0
        assert c.get("/api/export/csv/passwords").status_code == 400
        assert c.get("/api/export/ftm/documents").status_code == 400
        assert c.get("/api/export/xlsx/documents").status_code == 422
