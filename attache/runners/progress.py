"""Progress of an ingest: a one-line bar on a terminal, plain log lines otherwise.

The bar shows files done, megabytes read, documents per second and the time left (by bytes,
which track the work better than files of mixed sizes). Without a terminal, a line every
``every`` seconds keeps logs short.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

MB = 1_000_000  # megabytes here are 10^6 bytes


def _clock(seconds: float) -> str:
    s = int(seconds)
    if s >= 3600:
        return f"{s // 3600}h{s % 3600 // 60:02d}m"
    return f"{s // 60}m{s % 60:02d}s" if s >= 60 else f"{s}s"


class ProgressMeter:
    def __init__(self, stream: TextIO | None = None, *, tty: bool | None = None,
                 every: float = 10.0) -> None:
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        self.every = every
        self.files = self.total_files = 0
        self.bytes = self.total_bytes = 0
        self.docs = 0
        self.t0 = time.monotonic()
        self._last = 0.0

    def start(self, total_files: int, total_bytes: int) -> None:
        self.total_files, self.total_bytes = total_files, total_bytes
        self.t0 = time.monotonic()

    def update(self, files: int, nbytes: int, docs: int) -> None:
        self.files += files
        self.bytes += nbytes
        self.docs += docs
        now = time.monotonic()
        if self.tty or now - self._last >= self.every:
            self._last = now
            self._emit(now)

    def line(self, now: float | None = None) -> str:
        elapsed = max(1e-6, (now or time.monotonic()) - self.t0)
        rate = self.docs / elapsed
        done = self.bytes / self.total_bytes if self.total_bytes else (
            self.files / self.total_files if self.total_files else 0.0)
        left = elapsed * (1 - done) / done if 0 < done < 1 else 0.0
        return (f"{self.files}/{self.total_files} files, {self.bytes / MB:.1f}/"
                f"{self.total_bytes / MB:.1f} MB, {self.docs} documents, {rate:.1f} docs/s"
                + (f", {_clock(left)} left" if left else ""))

    def _emit(self, now: float) -> None:
        if self.tty:
            self.stream.write("\r\x1b[K" + self.line(now))
        else:
            self.stream.write("ingest: " + self.line(now) + "\n")
        self.stream.flush()

    def finish(self) -> None:
        if self.files == 0:
            return
        if self.tty:
            self.stream.write("\r\x1b[K" + self.line() + "\n")
        else:
            self.stream.write("ingest: " + self.line() + "\n")
        self.stream.flush()
