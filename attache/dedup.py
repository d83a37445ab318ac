"""Near-duplicates: reprints, lightly edited copies and truncated reposts.

Two signals, both on the matching view so that a Traditional reprint of a Simplified wire
matches it:

* MinHash over character 5-grams (letters and digits only), banded for locality-sensitive
  lookup: the store keeps each document's band keys, so candidates are an index lookup;
* sentence fingerprints for containment: a truncated repost has most of its sentences in the
  original even when the MinHash Jaccard is low because the original is much longer.

A duplicate is linked to the document it copies, never dropped.
"""

from __future__ import annotations

import hashlib
import re
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
SHINGLE = 5
JACCARD_THRESHOLD = 0.5
CONTAINMENT_THRESHOLD = 0.8
MIN_SENTENCES_FOR_CONTAINMENT = 3

_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


@dataclass(frozen=True)
class Fingerprint:
    signature: tuple[int, ...]
    bands: tuple[str, ...]


def _shingles(view_text: str) -> set[bytes]:
    s = _NOT_WORD.sub("", view_text.lower())
    if len(s) < SHINGLE:
        return {s.encode("utf-8")} if s else set()
    return {s[i:i + SHINGLE].encode("utf-8") for i in range(len(s) - SHINGLE + 1)}


def fingerprint(view_text: str) -> Fingerprint:
    from datasketch import MinHash

    mh: Any = MinHash(num_perm=NUM_PERM, seed=7)
    sh = _shingles(view_text)
    if sh:
        mh.update_batch(list(sh))
    sig = tuple(int(x) for x in mh.hashvalues)
    bands = tuple(
        f"{b}:" + hashlib.blake2b(struct.pack(f"<{ROWS}Q", *sig[b * ROWS:(b + 1) * ROWS]),
                                  digest_size=8).hexdigest()
        for b in range(BANDS)
    )
    return Fingerprint(signature=sig, bands=bands)


def jaccard(a: Sequence[int], b: Sequence[int]) -> float:
    if not a or len(a) != len(b):
        return 0.0
    return sum(1 for x, y in zip(a, b, strict=True) if x == y) / len(a)


def sentence_fingerprint(view_sentence: str) -> str | None:
    """A hash of a sentence's letters and digits; None for sentences too short to count."""
    core = _NOT_WORD.sub("", view_sentence.lower())
    if len(core) < 8:
        return None
    return hashlib.blake2b(core.encode("utf-8"), digest_size=8).hexdigest()


def pack_signature(sig: Sequence[int]) -> bytes:
    return struct.pack(f"<{len(sig)}Q", *sig)


def unpack_signature(blob: bytes | None) -> tuple[int, ...]:
    if not blob:
        return ()
    return struct.unpack(f"<{len(blob) // 8}Q", blob)
