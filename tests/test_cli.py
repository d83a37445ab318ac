"""The CLI: every command, exit codes, and one clear line per bad input."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from attache import __version__
from attache.cli import cli
from tests.conftest import SAMPLE, SEEDS

GOOD = ("Japan's foreign minister Yoshimasa Hayashi visited Kazakhstan on 29 April 2022 and met "
        "President Kassym-Jomart Tokayev in Nur-Sultan to discuss trade and investment.\n")


def run(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return r.exit_code, r.stdout, r.stderr


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0 and __version__ in out


def test_ingest_docs_show_search(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    good = tmp_path / "good.txt"
    good.write_text(GOOD, "utf-8")
    code, out, err = run("ingest", str(good), "--db", db)
    assert code == 0, err
    assert "added 1" in out
    code, out, _ = run("docs", "--db", db)
    assert code == 0 and "en" in out
    doc_id = json.loads(run("docs", "--db", db, "--json")[1])[0]["id"]
    code, out, _ = run("show", doc_id[:10], "--db", db)
    assert code == 0 and "Hayashi" in out
    code, out, _ = run("search", "Hayashi", "--db", db)
    assert code == 0 and "Hayashi»" in out
    code, out, _ = run("search", "nothing-like-this", "--db", db)
    assert code == 0 and "no sentence matches" in out


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def dead_url() -> Iterator[str]:
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    port = srv.server_address[1]
    srv.server_close()  # the port is now closed: connecting is refused
    yield f"http://127.0.0.1:{port}/article.html"


def test_every_bad_input_gets_one_line_and_the_run_goes_on(tmp_path: Path,
                                                            dead_url: str) -> None:
    db = str(tmp_path / "bad.db")
    kept = tmp_path / "kept.txt"
    kept.write_text("Kazakhstan supplies uranium to Japan, the article said.\n" * 3, "utf-8")
    assert run("ingest", str(kept), "--db", db)[0] == 0

    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "garbage.txt").write_bytes(bytes(range(256)) * 40)
    pdf = next(SAMPLE.glob("*.pdf")).read_bytes()
    (bad / "truncated.pdf").write_bytes(pdf[: len(pdf) // 3])
    (bad / "nav-only.html").write_text(
        "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a>"
        "<a href='/news'>News</a></nav><footer>© 2025</footer></body></html>", "utf-8")
    (bad / "big.txt").write_text("Большой файл. " * 20000, "utf-8")
    (bad / "not-a-feed.xml").write_text("this is not xml at all <<<", "utf-8")
    (bad / "good.txt").write_text(GOOD, "utf-8")
    inputs = [str(p) for p in sorted(bad.iterdir())]
    inputs += [str(tmp_path / "missing.txt"), dead_url]
    code, out, err = run("ingest", *inputs, "--db", db, "--max-mb", "0.1", "--allow-private")
    assert code == 1
    lines = [ln for ln in err.splitlines() if ln.startswith("error:")]
    named = {Path(ln.split(": ", 2)[1]).name for ln in lines}
    assert named == {"empty.txt", "garbage.txt", "truncated.pdf", "nav-only.html", "big.txt",
                     "not-a-feed.xml", "missing.txt", "article.html"}, err
    assert len(lines) == 8
    assert "added 1" in out and "failed 8" in out
    # What was stored before is still there, and the good file went in.
    assert "now holds 2 documents" in out


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seeds not beside this checkout")
def test_extract_json_format() -> None:
    code, out, err = run("extract", str(SEEDS / "000_29b83f0fcd6086e8.txt"), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert isinstance(data, list) and data[0]["doc"] == "000_29b83f0fcd6086e8.txt"
    d = data[0]
    assert set(d) == {"doc", "language", "published", "title", "source", "entities",
                      "figures", "events"}
    assert d["language"] == "zh-Hans" and d["published"] == "2025-12-20"
    assert set(d["source"]) == {"name", "kind", "country"}
    for e in d["entities"]:
        assert set(e) == {"id", "name", "type", "mentions"}
    for f in d["figures"]:
        assert {"text", "value", "value_max", "unit", "qualifier", "subject", "entities",
                "period", "start", "end"} <= set(f)
    for v in d["events"]:
        assert {"type", "participants", "date", "place", "start", "end"} <= set(v)


def test_gzip_warc_path_is_read(tmp_path: Path) -> None:
    warc = next(SAMPLE.glob("*.warc.gz"))
    assert gzip.open(warc).read(4) == b"WARC"
    code, out, err = run("ingest", str(warc), "--db", str(tmp_path / "w.db"))
    assert code == 0, err
    assert "added 2" in out


def test_user_knowledge_base_and_outlets(tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "mine.jsonl").write_text(json.dumps({
        "id": "steppe-policy-forum", "name": "Steppe Policy Forum", "type": "organization",
        "aliases": {"en": ["Steppe Policy Forum"], "ru": ["Степной политический форум"]}}) + "\n",
        "utf-8")
    (kb / "aliases.tsv").write_text("kazakhstan\tQazaqstan\ten\n", "utf-8")
    outlets = tmp_path / "outlets.jsonl"
    outlets.write_text(json.dumps({
        "id": "caspian-courier", "name": "Caspian Courier", "variants": ["Caspian Courier"],
        "domains": ["caspiancourier.example"], "country": "KZ", "kind": "newspaper"}) + "\n",
        "utf-8")
    doc = tmp_path / "note.md"
    doc.write_text("---\ntitle: Forum note\noutlet: Caspian Courier\ndate: 2025-12-21\n---\n\n"
                   "Analysts at the Steppe Policy Forum said Qazaqstan expects more Japanese "
                   "investment in 2026.\n", "utf-8")
    code, out, err = run("--kb", str(kb), "--outlets", str(outlets), "extract", str(doc),
                         "--json")
    assert code == 0, err
    d = json.loads(out)[0]
    names = {e["name"]: [m["text"] for m in e["mentions"]] for e in d["entities"]}
    assert names["Steppe Policy Forum"] == ["Steppe Policy Forum"]
    assert names["Kazakhstan"] == ["Qazaqstan"]
    assert d["source"] == {"name": "Caspian Courier", "kind": "newspaper", "country": "KZ"}
    db = str(tmp_path / "u.db")
    assert run("--kb", str(kb), "--outlets", str(outlets), "ingest", str(doc), "--db", db)[0] == 0
    assert "Caspian Courier" in run("docs", "--db", db)[1]


def test_bad_user_kb_is_one_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "name": "X"}\n', "utf-8")
    r = CliRunner().invoke(cli, ["--kb", str(bad), "extract", str(bad)])
    assert r.exit_code != 0
    assert "bad.jsonl" in str(r.exception) or "bad.jsonl" in r.stderr


def test_read_commands_refuse_a_missing_database(tmp_path: Path) -> None:
    missing = str(tmp_path / "typo.db")
    for args in (["docs"], ["search", "x"], ["figures"], ["timeline"], ["brief", "Japan"]):
        r = CliRunner().invoke(cli, [*args, "--db", missing])
        assert r.exit_code != 0 and "no database at" in str(r.exception), args
    assert not Path(missing).exists()


def test_option_ranges(tmp_path: Path) -> None:
    good = tmp_path / "g.txt"
    good.write_text(GOOD, "utf-8")
    for bad in ("0", "-1", "nan"):
        r = CliRunner().invoke(cli, ["ingest", str(good), "--max-mb", bad,
                                     "--db", str(tmp_path / "r.db")])
        assert r.exit_code == 2 and "--max-mb" in r.stderr, bad
    db = str(tmp_path / "r.db")
    assert run("ingest", str(good), "--db", db)[0] == 0
    r = CliRunner().invoke(cli, ["search", "Japan", "--limit", "0", "--db", db])
    assert r.exit_code == 2


def test_search_names_match_in_every_language(loaded_cli_db: str) -> None:
    code, out, _ = run("search", "Japan", "--db", loaded_cli_db, "--limit", "200")
    assert code == 0
    assert "«日本" in out and "«Жапония" in out and "«Japan" in out


def test_brief_to_a_missing_folder_is_one_clear_error(loaded_cli_db: str, tmp_path: Path) -> None:
    r = CliRunner().invoke(cli, ["brief", "Japan Kazakhstan", "--db", loaded_cli_db,
                                 "-o", str(tmp_path / "nodir" / "b.md")])
    assert r.exit_code != 0 and "folder does not exist" in str(r.exception)


@pytest.fixture(scope="module")
def loaded_cli_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("cli") / "s.db")
    code, _, err = run("ingest", str(SAMPLE), "--db", db)
    assert code == 0, err
    return db
