"""Bad inputs, one class at a time: each is reported with its reason and the run goes on.

Every fixture is generated here; the big ones are compressed, so they cost little to build and
bound what a wrong reader could do with them.
"""

from __future__ import annotations

import gzip
import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from attache.cli import _safe, cli
from attache.errors import DecodeError, PartialInput, UnsupportedInput
from attache.ingest import expand_inputs
from attache.readers import path_label, read_bytes, read_path
from attache.readers.html import flatten_deep
from attache.readers.warc import gzip_damage

PROSE = ("Japan's foreign minister visited Kazakhstan on 29 April 2022 and met President "
         "Kassym-Jomart Tokayev in Nur-Sultan to discuss trade and investment. ")


def page(text: str = PROSE * 8, title: str = "Visit") -> bytes:
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"<p>{text}</p></article></body></html>").encode()


def warc(pages: list[tuple[str, bytes]], gz: bool = True) -> bytes:
    """A WARC of HTML responses, one gzip member per record (written by hand: warcio's writer
    spools big payloads to temporary files it leaves open)."""
    out = []
    for n, (url, body) in enumerate(pages):
        http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                b"Content-Length: %d\r\n\r\n" % len(body)) + body
        head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\n"
                f"WARC-Date: 2024-05-03T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:{n:08d}>\r\n"
                "Content-Type: application/http; msgtype=response\r\n"
                f"Content-Length: {len(http)}\r\n\r\n").encode()
        rec = head + http + b"\r\n\r\n"
        out.append(gzip.compress(rec, 6, mtime=0) if gz else rec)
    return b"".join(out)


def run(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return r.exit_code, r.stdout, r.stderr


# --- row 1: paths that cannot be expanded or named ------------------------------------------

@pytest.mark.skipif(sys.platform != "linux", reason="needs a file system that takes any bytes")
def test_undecodable_file_name_is_stored_losslessly(tmp_path: Path) -> None:
    name = os.fsdecode(b"bad\xffname.txt")
    (tmp_path / name).write_text(PROSE, "utf-8")
    (tmp_path / "good.txt").write_text(PROSE.replace("Japan", "China"), "utf-8")
    db = str(tmp_path / "a.db")
    code, out, err = run("ingest", str(tmp_path), "--db", db)
    # Before: UnicodeEncodeError when the location was stored; the run died.
    assert code == 0, err
    assert "added 2" in out
    label = path_label(tmp_path / name)
    assert label == path_label(tmp_path) + "/bad\\xffname.txt"  # the raw byte, spelt out
    assert os.fsencode(tmp_path / name).endswith(b"bad\xffname.txt")


def test_symlink_loop_on_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "loop1").symlink_to(tmp_path / "loop2")
    (tmp_path / "loop2").symlink_to(tmp_path / "loop1")
    good = tmp_path / "good.txt"
    good.write_text(PROSE, "utf-8")
    code, out, err = run("ingest", str(tmp_path / "loop1"), str(good), "--db",
                         str(tmp_path / "b.db"))
    # Before: RuntimeError/OSError ELOOP in input expansion, nothing stored.
    assert code == 1
    assert "added 1" in out
    lines = [ln for ln in err.splitlines() if ln.startswith("error:")]
    assert len(lines) == 1 and "loop1" in lines[0] and "symbolic-link loop" in lines[0]


def test_unlistable_folder_is_reported_not_skipped(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "a.txt").write_text(PROSE, "utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_text(PROSE, "utf-8")
    real_scandir = os.scandir

    def scandir(path: object) -> object:
        # chmod 000 does not stop root, so the refusal is simulated where os.walk lists.
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    errors: list[tuple[str, str]] = []
    found = [p for p, _ in expand_inputs([str(tmp_path)],
                                         on_error=lambda s, r: errors.append((s, r)))]
    assert [Path(p).name for p in found] == ["a.txt"]
    # Before: os.walk dropped the folder without a word.
    assert len(errors) == 1 and errors[0][0].endswith("locked")
    assert "permission denied" in errors[0][1]


def test_special_files_are_refused_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(UnsupportedInput, match="not a regular file"):
        read_path(fifo)  # before: open() on a FIFO blocked forever


# --- rows 2 and 10: archives ------------------------------------------------------------------

def test_oversized_warc_record_is_refused_and_the_rest_read() -> None:
    huge = b"<html><body><p>" + b"a" * 3_000_000 + b"</p></body></html>"
    data = warc([("http://e.example/huge", huge), ("http://e.example/ok", page())])
    assert len(data) < 100_000  # the bomb is small on disk
    with pytest.raises(PartialInput) as info:
        read_bytes(data, location="crawl.warc.gz", max_bytes=1_000_000)
    # Before: the record was read whole, whatever it expanded to.
    assert "http://e.example/huge" in info.value.reason and "over the cap" in info.value.reason
    assert [d.url for d in info.value.documents] == ["http://e.example/ok"]  # type: ignore[attr-defined]


def test_truncated_warc_gz_is_reported_with_what_was_read() -> None:
    data = warc([("http://e.example/1", page()), ("http://e.example/2", page(title="Two"))])
    cut = data[: len(data) * 3 // 4]  # halfway into the second record
    with pytest.raises(PartialInput) as info:
        read_bytes(cut, location="cut.warc.gz")
    # Before: stored silently, exit 0.
    assert "truncated" in info.value.reason and "1 document(s) read" in info.value.reason
    assert len(info.value.documents) == 1
    assert gzip_damage(data) is None


def test_malformed_warc_record_is_a_translated_error() -> None:
    bad = (b"WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http; "
           b"msgtype=response\r\nContent-Length: 10\r\n\r\nHTTP/1.1\r\n\r\n")
    with pytest.raises(DecodeError) as info:
        read_bytes(bad, location="bad.warc")
    # Before: "the warc reader failed unexpectedly (AttributeError: ... 'startswith')".
    assert "record 1 (near byte 0) could not be parsed (malformed" in info.value.reason


def test_ingest_stores_what_a_damaged_archive_held(tmp_path: Path) -> None:
    data = warc([("http://e.example/1", page()), ("http://e.example/2", page(title="Two"))])
    (tmp_path / "cut.warc.gz").write_bytes(data[: len(data) * 3 // 4])
    code, out, err = run("ingest", str(tmp_path / "cut.warc.gz"), "--db", str(tmp_path / "w.db"))
    assert code == 1 and "added 1" in out
    assert len([ln for ln in err.splitlines() if ln.startswith("error:")]) == 1


# --- row 11: printed strings ----------------------------------------------------------------

def test_control_characters_in_printed_strings_are_escaped(tmp_path: Path) -> None:
    assert _safe("a\nerror: forged\x1b[31m\u202e") == "a\\nerror: forged\\x1b[31m\\u202e"
    name = tmp_path / "x\nerror: forged line\x1b[2J.txt"
    name.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    code, _, err = run("ingest", str(name), "--db", str(tmp_path / "t.db"))
    assert code == 1
    # Before: the newline in the name forged a second "error:" line, the escape cleared the
    # screen.
    assert len([ln for ln in err.splitlines() if ln.startswith("error:")]) == 1
    assert "\x1b" not in err.replace("\x1b[31m", "").replace("\x1b[0m", "")


def test_titles_with_escape_sequences_are_escaped_in_listings(tmp_path: Path) -> None:
    html = tmp_path / "evil.html"
    html.write_bytes(page(title="Visit\x1b]0;owned\x07 title"))
    db = str(tmp_path / "t.db")
    assert run("ingest", str(html), "--db", db)[0] == 0
    code, out, _ = run("docs", "--db", db)
    assert code == 0 and "\x1b" not in out and "\x07" not in out


# --- row 12: nesting and entity expansion ---------------------------------------------------

def test_deeply_nested_html_keeps_its_article() -> None:
    deep = (b"<html><head><title>Deep</title></head><body>" + b"<div>" * 100_000
            + b"<p>" + PROSE.encode() * 4 + b"</p>" + b"</div>" * 100_000 + b"</body></html>")
    # Before: "no article text found" (libxml2 drops what is nested past 256 levels).
    doc = read_bytes(deep, location="deep.html")[0]
    assert "Kassym-Jomart Tokayev" in doc.text


def test_flatten_keeps_shallow_pages_unchanged() -> None:
    html = page().decode()
    assert flatten_deep(html) == html
    assert flatten_deep("<div>" * 10 + "x" + "</div>" * 10, limit=3).count("<div>") == 3


def test_feed_with_entity_declarations_is_refused() -> None:
    lol = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;">]>'
           b'<rss version="2.0"><channel><title>F</title><item><title>x</title>'
           b"<description>&b;</description></item></channel></rss>")
    # Before: stored as a document with the text "&amp;b".
    with pytest.raises(UnsupportedInput, match="declares XML entities"):
        read_bytes(lol, location="lol.xml")
