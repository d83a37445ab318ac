"""One ingest over a folder holding every class of bad input next to good files.

The good files are stored; each bad one gets exactly one ``error:`` line naming it and saying
why; the exit status is 1; the ingest process stays under 500 MB at its peak although one
archive in the folder expands to 300 MB. Every fixture is generated here (the bomb is a few
hundred KB of gzip, the over-cap file is sparse).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import zlib
from pathlib import Path

import pytest

PROSE = ("Japan's foreign minister visited Kazakhstan on 29 April 2022 and met President "
         "Kassym-Jomart Tokayev in Nur-Sultan to discuss trade and investment. ")
PEAK_LIMIT_MB = 500


def _record(url: str, body_parts: list[bytes], body_len: int, n: int) -> bytes:
    """One gzip member holding one WARC response record; the body is streamed in parts."""
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            b"Content-Length: %d\r\n\r\n" % body_len)
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\n"
            f"WARC-Date: 2024-05-03T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:{n:08d}>\r\n"
            "Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http) + body_len}\r\n\r\n").encode()
    z = zlib.compressobj(6, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    out = [z.compress(head + http)]
    out.extend(z.compress(part) for part in body_parts)
    out.append(z.compress(b"\r\n\r\n"))
    out.append(z.flush())
    return b"".join(out)


def _page(title: str, text: str = PROSE * 6) -> bytes:
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"<p>{text}</p></article></body></html>").encode()


def _bomb() -> bytes:
    """A .warc.gz of a few hundred KB whose first page expands to 300 MB, then a good page."""
    mb = b"a" * 1_000_000
    head, tail = b"<html><body><p>", b"</p></body></html>"
    big = _record("http://bomb.example/huge", [head, *([mb] * 300), tail],
                  len(head) + 300 * len(mb) + len(tail), 1)
    good = _page("After the bomb", PROSE.replace("Japan", "Korea") * 6)
    return big + _record("http://bomb.example/after", [good], len(good), 2)


def _build(folder: Path) -> tuple[list[str], list[str]]:
    """Write the folder; return the names that must be stored and the names that must fail."""
    folder.mkdir()
    good: list[str] = []
    bad: list[str] = []

    def put(name: str, data: bytes, ok: bool) -> None:
        (folder / name).write_bytes(data)
        (good if ok else bad).append(name)

    # Good files, some of which used to fail.
    put("good.txt", PROSE.encode(), True)
    put("good.html", _page("A good page", PROSE.replace("Japan", "China") * 5), True)
    put("front.md", b"---\ntitle: Notes\n---\n\n" + PROSE.replace("Japan", "India").encode(),
        True)
    put("koi8.txt", "Япония и Казахстан подписали соглашение.".encode("koi8-r"), True)
    put("utf16.txt", PROSE.replace("Japan", "Turkey").encode("utf-16-le"), True)
    put("controls.txt", PROSE.replace("Japan", "Egypt").replace(" and ", " and\x07\x1b ")
        .encode(), True)
    put("deep.html", b"<html><head><title>Deep</title></head><body>" + b"<div>" * 50_000
        + b"<p>" + PROSE.replace("Japan", "Chile").encode() * 4 + b"</p>" + b"</div>" * 50_000
        + b"</body></html>", True)
    line = PROSE.replace("Japan", "Brazil").replace(". ", "; ")
    put("one-line.txt", (line * (150_000 // len(line) + 1)).encode(), True)
    if sys.platform == "linux":
        raw = os.fsdecode(b"latin1-\xe9t\xe9.txt")
        (folder / raw).write_bytes(PROSE.replace("Japan", "Peru").encode())
        good.append("latin1-\\xe9t\\xe9.txt")

    # Bad inputs: one line each.
    put("bomb.warc.gz", _bomb(), False)  # the page after the bomb is stored, though
    good.append("bomb.warc.gz#http://bomb.example/after")
    first = _record("http://cut.example/1", [_page("First")], len(_page("First")), 1)
    second = _record("http://cut.example/2", [_page("Second")], len(_page("Second")), 2)
    put("truncated.warc.gz", first + second[:60], False)
    good.append("truncated.warc.gz#http://cut.example/1")
    put("malformed.warc", b"WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http; "
        b"msgtype=response\r\nContent-Length: 10\r\n\r\nHTTP/1.1\r\n\r\n", False)
    put("lol.xml", b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "lol"><!ENTITY b "&a;&a;">]>'
        b'<rss version="2.0"><channel><title>F</title><item><title>x</title>'
        b"<description>&b;</description></item></channel></rss>", False)
    put("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(200), False)
    put("empty.txt", b"", False)
    put("nul.txt", bytes(range(0, 32)) * 64, False)
    evil = "evil\nerror: forged\x1b[2J.html"
    put(evil, b"PK\x03\x04" + bytes(100), False)
    with open(folder / "sparse.txt", "wb") as fh:  # over the default cap, costs no disk
        fh.truncate(300_000_000)
    bad.append("sparse.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    bad.append("loop.txt")
    os.mkfifo(folder / "pipe.txt")
    bad.append("pipe.txt")
    if os.geteuid() != 0:  # root lists any folder
        (folder / "locked").mkdir()
        (folder / "locked" / "inside.txt").write_bytes(PROSE.encode())
        (folder / "locked").chmod(0)
        bad.append("locked")
    return good, bad


def _run(args: list[str], cwd: Path) -> tuple[int, str, str, float]:
    """Run the CLI in a child process; return its status, output and peak RSS in MB.

    jieba's dictionary cache lives in a folder of this test, warmed by a first run: building
    it costs a few hundred MB once, which is jieba's start-up, not what an input costs, and a
    shared cache may be rebuilt by another process at any moment.
    """
    env = dict(os.environ, XDG_CACHE_HOME=str(cwd / "cache"))
    warm = cwd / "warm.txt"
    warm.write_text(PROSE.replace("Japan", "日本"), "utf-8")
    subprocess.run([sys.executable, "-m", "attache", "ingest", str(warm), "--db",
                    str(cwd / "warm.db")], cwd=cwd, env=env, capture_output=True, check=True)
    out, err = cwd / "out.log", cwd / "err.log"
    # A forked child's peak RSS counts the pages it shared with its parent before exec, and
    # pytest's process is itself several hundred MB; a small launcher measures instead.
    launcher = (
        "import json, os, subprocess, sys\n"
        "with open(sys.argv[1], 'wb') as o, open(sys.argv[2], 'wb') as e:\n"
        "    p = subprocess.Popen([sys.executable, '-m', 'attache', *sys.argv[3:]],"
        " stdout=o, stderr=e)\n"
        "    _, status, usage = os.wait4(p.pid, 0)\n"
        "print(json.dumps([os.waitstatus_to_exitcode(status), usage.ru_maxrss]))\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", launcher, str(out), str(err), *args],
                            stdout=subprocess.PIPE, cwd=cwd, env=env, start_new_session=True)
    # A hang fails the test instead of CI; the whole group goes, the ingest included.
    timer = threading.Timer(600, os.killpg, (proc.pid, signal.SIGKILL))
    timer.start()
    try:
        report, _ = proc.communicate()
    finally:
        timer.cancel()
    code, maxrss_kib = json.loads(report)
    # ru_maxrss is in KiB on Linux.
    return code, out.read_text("utf-8"), err.read_text("utf-8"), maxrss_kib * 1024 / 1e6


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="FIFOs, wait4, byte names")
def test_one_ingest_over_every_bad_input(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    good, bad = _build(folder)
    loop = tmp_path / "loop-a"
    loop.symlink_to(tmp_path / "loop-b")
    (tmp_path / "loop-b").symlink_to(loop)
    bad.append("loop-a")
    meta = "http://169.254.169.254/latest/meta-data/"
    bad.append(meta)
    db = tmp_path / "h.db"
    code, out, err, peak = _run(["ingest", str(folder), str(loop), meta, "--allow-private",
                                 "--db", str(db)], tmp_path)
    try:
        lines = [ln for ln in err.splitlines() if ln.startswith("error:")]
        assert code == 1, err
        assert "Traceback" not in err
        # Each bad input: exactly one line that names it and gives a reason.
        for name in bad:
            shown = name.replace("\n", "\\n").replace("\x1b", "\\x1b")
            mine = [ln for ln in lines if shown in ln]
            assert len(mine) == 1, (name, lines)
            assert len(mine[0]) > len(f"error: {shown}: ") + 10, mine[0]
        assert len(lines) == len(bad), lines
        # The good files, and the good pages of the damaged archives, are stored.
        listing = subprocess.run([sys.executable, "-m", "attache", "docs", "--json", "--db",
                                  str(db)], capture_output=True, text=True, check=True)
        stored = {Path(d["location"].split("#")[0]).name
                  + ("#" + d["location"].split("#", 1)[1] if "#" in d["location"] else "")
                  for d in json.loads(listing.stdout)}
        assert set(good) <= stored, set(good) - stored
        assert f"added {len(good)}" in out, out
        print(f"peak RSS of the ingest: {peak:.0f} MB")
        assert peak < PEAK_LIMIT_MB, f"peak RSS {peak:.0f} MB"
    finally:
        locked = folder / "locked"
        if locked.exists():
            locked.chmod(0o700)


def test_the_bomb_is_small_on_disk() -> None:
    data = _bomb()
    assert len(data) < 1_000_000
    assert data[:2] == b"\x1f\x8b"
    assert zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data, 100).startswith(b"WARC/1.0")
