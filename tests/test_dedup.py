"""The numpy MinHash estimates the Jaccard similarity of character 5-gram sets."""

from __future__ import annotations

import random
import re

from attache.dedup import fingerprint, jaccard

WORDS = ("Japan Kazakhstan signed agreements uranium rare earths Tokyo Astana summit "
         "logistics corridor investment trade minister president talks declaration").split()


def _shingles(text: str) -> set[str]:
    s = re.sub(r"[\W_]+", "", text.lower())
    return {s[i:i + 5] for i in range(len(s) - 4)}


def test_signature_similarity_tracks_true_jaccard() -> None:
    rng = random.Random(3)
    errors = []
    for _ in range(30):
        base = [rng.choice(WORDS) + str(rng.randint(0, 99)) for _ in range(120)]
        keep = rng.uniform(0.3, 1.0)
        other = [w if rng.random() < keep else rng.choice(WORDS) + "x" for w in base]
        a, b = " ".join(base), " ".join(other)
        sa, sb = _shingles(a), _shingles(b)
        true = len(sa & sb) / len(sa | sb)
        est = jaccard(fingerprint(a).signature, fingerprint(b).signature)
        errors.append(abs(true - est))
    # 64 permutations: the standard error is about 0.06; allow a wide but meaningful band.
    assert max(errors) < 0.25 and sum(errors) / len(errors) < 0.08


def test_identical_texts_share_every_band_and_unrelated_ones_none() -> None:
    a = "哈萨克斯坦总统托卡耶夫12月18日抵达东京，开始对日本进行国事访问。" * 2
    assert fingerprint(a) == fingerprint(a)
    b = "Japan opened a JICA office in Astana to support customs reform in 2024."
    assert not set(fingerprint(a).bands) & set(fingerprint(b).bands)
