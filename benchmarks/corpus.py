"""Write a benchmark corpus: N documents in six languages, from the bundled sample corpus.

Each document is one of the sample stories (Chinese in both scripts, English, Russian,
Japanese, Kazakh) with per-copy changes, so the corpus is large but not a pile of identical
files:

* new variants (about 70 %): paragraphs dropped, repeated from another story of the same
  language or reordered, so sizes spread from under 1 KB to over 10 KB; numbers other than
  years moved by up to a third; the publication date moved within 2022–2025; a dateline with
  a serial number makes every variant distinct;
* reprints (about 20 %): a copy of an earlier variant with a new first line and its last
  paragraph cut (a near-duplicate), or byte for byte under another name (an exact copy);
* Traditional reprints (about 10 %): an earlier Simplified Chinese variant converted with
  OpenCC s2t, as Taiwanese and Hong Kong outlets reprint mainland wires;
* translations are the sample's own: the same summit told in six languages.

Files are Markdown with a front matter (title, outlet, date), 1,000 per folder. The output is
deterministic for a given --seed. Usage::

    python benchmarks/corpus.py --docs 100000 --out /tmp/bench-corpus
"""

from __future__ import annotations

import argparse
import random
import re
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from attache.ingest import expand_inputs
from attache.readers import read_path

SAMPLE = Path(__file__).resolve().parents[1] / "attache" / "data" / "sample"
_NUMBER = re.compile(r"(?<![\d.])\d{1,3}(?:[.,]\d+)?(?![\d.])")
_REPRINT_LINE = {"zh-Hans": "转载：", "zh-Hant": "轉載：", "en": "Reprinted: ",
                 "ru": "Перепечатка: ", "ja": "転載：", "kk": "Қайта басылым: "}
_SERIAL = {"zh-Hans": "（编号{n}）", "zh-Hant": "（編號{n}）", "en": "(Ref. {n})",
           "ru": "(Номер {n})", "ja": "（整理番号{n}）", "kk": "(Нөмір {n})"}


@dataclass(frozen=True)
class Story:
    language: str
    title: str
    outlet: str
    published: date
    paragraphs: tuple[str, ...]


def load_stories() -> list[Story]:
    import json

    manifest = {m["file"]: m for m in json.loads((SAMPLE / "MANIFEST.json").read_text("utf-8"))}
    out: list[Story] = []
    for path, _ in expand_inputs([str(SAMPLE)]):
        meta = manifest.get(Path(path).name, {})
        for doc in read_path(path):
            paras = tuple(p.strip() for p in re.split(r"\n\s*\n|\n", doc.text) if p.strip())
            if not paras:
                continue
            lang = meta.get("language") or "en"
            pub = doc.published.value if doc.published else meta.get("published", "2025-01-01")
            out.append(Story(language=lang, title=doc.title or paras[0][:60],
                             outlet=doc.outlet or meta.get("outlet") or "unknown",
                             published=date.fromisoformat(str(pub)[:10]),
                             paragraphs=paras))
    return out


def _move_numbers(text: str, rng: random.Random) -> str:
    def repl(m: re.Match[str]) -> str:
        raw = m.group(0)
        try:
            value = float(raw.replace(",", "."))
        except ValueError:
            return raw
        if 1900 <= value <= 2100 or value == 0:
            return raw  # years and zeros stay
        moved = value * rng.uniform(0.67, 1.33)
        return str(round(moved)) if "." not in raw and "," not in raw else f"{moved:.1f}"
    return _NUMBER.sub(repl, text)


def _render(title: str, outlet: str, published: date, paragraphs: list[str]) -> str:
    safe = title.replace('"', "'")
    return (f'---\ntitle: "{safe}"\noutlet: "{outlet}"\ndate: {published.isoformat()}\n---\n\n'
            + "\n\n".join(paragraphs) + "\n")


def generate(n_docs: int, out: Path, seed: int = 7) -> dict[str, int]:
    import opencc

    rng = random.Random(seed)
    s2t = opencc.OpenCC("s2t")
    stories = load_stories()
    by_lang: dict[str, list[Story]] = {}
    for s in stories:
        by_lang.setdefault(s.language, []).append(s)
    written: list[tuple[str, str]] = []  # (language, text) of variants, for reprints
    counts = {"variant": 0, "reprint": 0, "exact": 0, "traditional": 0}
    start = date(2022, 1, 1)
    for i in range(n_docs):
        folder = out / f"{i // 1000:04}"
        if i % 1000 == 0:
            folder.mkdir(parents=True, exist_ok=True)
        roll = rng.random()
        zh = [t for lang, t in written[-5000:] if lang == "zh-Hans"]
        if written and roll < 0.05:
            _lang, text = rng.choice(written[-5000:])
            counts["exact"] += 1
        elif written and roll < 0.20:
            lang, text = rng.choice(written[-5000:])
            head, _, body = text.partition("---\n\n")
            paras = body.strip().split("\n\n")
            if len(paras) > 2:
                paras = paras[:-1]
            paras[0] = _REPRINT_LINE.get(lang, "") + paras[0]
            text = head + "---\n\n" + "\n\n".join(paras) + "\n"
            counts["reprint"] += 1
        elif zh and roll < 0.30:
            text = s2t.convert(rng.choice(zh))
            counts["traditional"] += 1
        else:
            story = rng.choice(stories)
            paras = list(story.paragraphs)
            keep = [p for p in paras[1:] if rng.random() > 0.25] or paras[1:2]
            if rng.random() < 0.6:
                other = rng.choice(by_lang[story.language])
                keep += rng.sample(list(other.paragraphs[1:]),
                                   k=min(len(other.paragraphs) - 1, rng.randint(2, 8)))
            if rng.random() < 0.3:
                rng.shuffle(keep)
            keep = [_move_numbers(p, rng) for p in keep]
            keep.insert(0, _SERIAL.get(story.language, "({n})").format(n=i))
            published = start + timedelta(days=rng.randint(0, 4 * 365 - 1))
            text = _render(story.title, story.outlet, published, [paras[0], *keep])
            written.append((story.language, text))
            counts["variant"] += 1
        (folder / f"{i:06}.md").write_text(text, "utf-8")
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    t = time.perf_counter()
    counts = generate(args.docs, args.out, args.seed)
    size = sum(p.stat().st_size for p in args.out.rglob("*.md"))
    print(f"wrote {args.docs} documents ({size / 1e6:.1f} MB) to {args.out} in "
          f"{time.perf_counter() - t:.1f} s: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
