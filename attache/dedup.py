"""Near-duplicates: reprints, lightly edited copies and truncated reposts.

Two signals, both on the matching view so that a Traditional reprint of a Simplified wire
matches it:

* MinHash over character 5-grams (letters and digits only), computed with numpy for all
  shingles and permutations at once, banded for locality-sensitive lookup: the store keeps
  each document's band keys, so candidates are an index lookup;
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
from functools import lru_cache
from typing import Any

# 42 bands of 3 rows: a pair at Jaccard 0.45 shares a band with probability 0.98, a pair at
# 0.1 with 0.04, so reprints become candidates and unrelated texts rarely do.
NUM_PERM = 126
BANDS = 42
ROWS = NUM_PERM // BANDS
SHINGLE = 5
JACCARD_THRESHOLD = 0.45
CONTAINMENT_THRESHOLD = 0.8
MIN_SENTENCES_FOR_CONTAINMENT = 3

_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


@dataclass(frozen=True)
class Fingerprint:
    signature: tuple[int, ...]
    bands: tuple[str, ...]


# The signature's hash family, fixed once: (a * h + b) mod a Mersenne prime, as in the
# classic MinHash, over 32-bit shingle hashes.
_PRIME = (1 << 61) - 1
_MAX32 = (1 << 32) - 1
# A 5-character shingle's hash is a polynomial in its code points (computed for all windows
# at once with numpy), not a cryptographic hash per shingle.
_BASE = 1_000_003


@lru_cache(maxsize=1)
def _perms() -> tuple[Any, Any]:
    import numpy as np

    # a and b below 2**32 keep a * h + b below 2**64 for 32-bit h: no wrap-around, so each
    # row is a true universal hash and the signature an unbiased Jaccard estimate.
    rng = np.random.RandomState(7)
    a = rng.randint(1, _MAX32, size=NUM_PERM, dtype=np.uint64)
    b = rng.randint(0, _MAX32, size=NUM_PERM, dtype=np.uint64)
    return a, b


def _shingle_hashes(view_text: str) -> Any:
    """32-bit hashes of the distinct 5-character shingles of the letters and digits."""
    import numpy as np

    s = _NOT_WORD.sub("", view_text.lower())
    if not s:
        return np.zeros(0, dtype=np.uint64)
    cp = np.frombuffer(s.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    if len(cp) < SHINGLE:
        cp = np.concatenate([cp, np.zeros(SHINGLE - len(cp), dtype=np.uint64)])
    n = len(cp) - SHINGLE + 1
    h = np.zeros(n, dtype=np.uint64)
    for k in range(SHINGLE):  # wraps mod 2**64, on purpose
        h = h * np.uint64(_BASE) + cp[k:k + n]
    h ^= h >> np.uint64(29)
    return np.unique(h & np.uint64(_MAX32))


def fingerprint(view_text: str) -> Fingerprint:
    import numpy as np

    hv = _shingle_hashes(view_text)
    if len(hv) == 0:
        sig: tuple[int, ...] = (_MAX32,) * NUM_PERM
    else:
        a, b = _perms()
        # NUM_PERM x shingles in one array operation instead of a loop per shingle.
        ph = ((np.outer(a, hv) + b[:, None]) % np.uint64(_PRIME)) & np.uint64(_MAX32)
        sig = tuple(int(x) for x in ph.min(axis=1))
    bands = tuple(
        f"n{b}:" + hashlib.blake2b(struct.pack(f"<{ROWS}Q", *sig[b * ROWS:(b + 1) * ROWS]),
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
