"""Hostile-input benchmark: time and peak memory of ingests that used to explode.

Each case runs ``attache ingest`` in a child process over an input generated here and prints
seconds, seconds per MB and the child's peak RSS, next to a peer in the same run (the same
text with a line break after every sentence), so the table reads as ratios, not absolutes.

    python scripts/bench_hostile.py                     # small sizes, a couple of minutes
    python scripts/bench_hostile.py --mb 1 5 20 50      # the issue's sizes (hours at 50 MB)
    python scripts/bench_hostile.py --bomb-mb 1000      # a .warc.gz expanding to 1 GB
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

SENTENCE = ("Japan and Kazakhstan signed 12 agreements worth $3.5 billion in Astana on 3 May "
            "2024, the ministry said. ")


def child(args: list[str], cwd: Path) -> tuple[int, float, float, str]:
    """Status, seconds, peak RSS in MB and the last stderr line of ``attache ARGS``."""
    started = time.monotonic()
    err = cwd / "err.log"
    with err.open("wb") as e:
        proc = subprocess.Popen([sys.executable, "-m", "attache", *args], cwd=cwd,
                                stdout=subprocess.DEVNULL, stderr=e)
        _, status, usage = os.wait4(proc.pid, 0)
    lines = err.read_text("utf-8", "replace").strip().splitlines()
    return (os.waitstatus_to_exitcode(status), time.monotonic() - started,
            usage.ru_maxrss * 1024 / 1e6, lines[-1][:70] if lines else "")


def write_text(path: Path, mb: float, one_line: bool) -> None:
    size = int(mb * 1_000_000)
    unit = SENTENCE if one_line else SENTENCE.rstrip() + "\n"
    with path.open("w", encoding="utf-8") as fh:
        written = 0
        while written < size:
            fh.write(unit)
            written += len(unit)


def write_bomb(path: Path, mb: int) -> None:
    chunk = b"a" * 1_000_000
    head, tail = b"<html><body><p>", b"</p></body></html>"
    body_len = len(head) + mb * len(chunk) + len(tail)
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n"
            % body_len)
    warc = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://bomb.example/\r\n"
            f"WARC-Record-ID: <urn:uuid:1>\r\nWARC-Date: 2024-05-03T00:00:00Z\r\n"
            f"Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http) + body_len}\r\n\r\n").encode()
    z = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    with path.open("wb") as fh:
        fh.write(z.compress(warc + http + head))
        for _ in range(mb):
            fh.write(z.compress(chunk))
        fh.write(z.compress(tail + b"\r\n\r\n"))
        fh.write(z.flush())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, nargs="+", default=[0.25, 0.5, 1.0],
                    help="text sizes in MB (10^6 bytes)")
    ap.add_argument("--bomb-mb", type=int, default=300,
                    help="what the WARC bomb expands to, in MB")
    opts = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        print(f"{'case':<28} {'MB':>6} {'exit':>4} {'s':>8} {'s/MB':>7} {'peak MB':>8}  note")
        for mb in opts.mb:
            for one_line in (True, False):
                name = "one-line text" if one_line else "same, a sentence per line"
                path = work / f"{'one' if one_line else 'lines'}-{mb}.txt"
                write_text(path, mb, one_line)
                db = work / f"{path.stem}.db"
                code, secs, peak, note = child(
                    ["ingest", str(path), "--db", str(db), "--max-mb", str(mb + 1)], work)
                print(f"{name:<28} {mb:>6g} {code:>4} {secs:>8.1f} {secs / mb:>7.1f} "
                      f"{peak:>8.0f}  {note}", flush=True)
                path.unlink()
        bomb = work / "bomb.warc.gz"
        write_bomb(bomb, opts.bomb_mb)
        code, secs, peak, note = child(["ingest", str(bomb), "--db", str(work / "b.db")], work)
        print(f"{'warc.gz bomb ' + str(opts.bomb_mb) + ' MB page':<28} "
              f"{bomb.stat().st_size / 1e6:>6.2f} {code:>4} {secs:>8.1f} {'':>7} {peak:>8.0f}  "
              f"{note}")
        small = work / "small.txt"
        write_text(small, 0.02, False)
        db = work / "s.db"
        subprocess.run([sys.executable, "-m", "attache", "ingest", str(small), "--db", str(db)],
                       cwd=work, capture_output=True, check=True)
        for n in (1, 80, 5000):
            query = " ".join(["Japan"] * n)
            code, secs, peak, note = child(["search", query, "--db", str(db)], work)
            print(f"{'search Japan x ' + str(n):<28} {'':>6} {code:>4} {secs:>8.1f} {'':>7} "
                  f"{peak:>8.0f}  {note}")

if __name__ == "__main__":
    main()
