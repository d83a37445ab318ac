"""Query benchmark: search, timeline, figures and brief on one store, as a table row.

Run it on stores of 1k, 10k and 100k documents (``benchmarks/corpus.py`` + ``attache ingest``,
or ``benchmarks/fill.py`` for copies) on SQLite and PostgreSQL, and compare how each grows.
Search is timed over 200 mixed-script queries (names from the knowledge base in every
language, topical words, pairs); timeline, figures and brief are timed once each after a
warm-up of the knowledge base and tokenizer, in CPU and wall seconds. Usage::

    python benchmarks/queries.py --db /tmp/b10.db --label "10k sqlite"
    python benchmarks/queries.py --db postgresql://postgres@127.0.0.1/test --skip brief
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import time

from attache.evidence import EvidenceBase

TOPIC = "Japan Kazakhstan"
WORDS = ["稀土", "铀", "投资", "投資", "峰会", "峰會", "东京宣言", "物流", "走廊",
         "Middle Corridor",
         "uranium", "investment", "summit", "agreements", "rare earths", "logistics",
         "инвестиции", "саммит", "соглашения", "уран", "логистика", "レアアース", "首脳会談",
         "投資", "ウラン", "инвестиция", "саммиті", "келісім", "Ақтау", "Токио"]


def queries(eb: EvidenceBase, n: int = 200, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    names = sorted({a for e in eb.kb.entries() if e.type in ("country", "person", "organization")
                    for _lang, a in e.all_aliases() if 2 <= len(a) <= 30})
    pool = rng.sample(names, k=min(len(names), n // 2)) + WORDS
    out = list(pool)
    while len(out) < n:
        out.append(f"{rng.choice(pool)} {rng.choice(WORDS)}")
    return out[:n]


def _timed(fn: object) -> tuple[float, float]:
    c, w = time.process_time(), time.perf_counter()
    fn()  # type: ignore[operator]
    return time.process_time() - c, time.perf_counter() - w


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--label", default="")
    ap.add_argument("--skip", action="append", default=[],
                    choices=["search", "timeline", "figures", "brief"])
    ap.add_argument("--header", action="store_true")
    args = ap.parse_args()
    eb = EvidenceBase(args.db)
    eb.segmenter.index_tokens("预热")
    eb.topic(TOPIC)
    eb.search(TOPIC)  # the alias table is built on the first query
    docs = eb.store.count()
    cells = [args.label or args.db, str(docs)]
    if "search" not in args.skip:
        qs = queries(eb)
        for q in qs[:10]:
            eb.search(q)  # warm the page cache, as an interactive user would have it
        ms, cpu_ms = [], []
        for q in qs:
            t, c = time.perf_counter(), time.process_time()
            eb.search(q, limit=20)
            ms.append((time.perf_counter() - t) * 1000)
            cpu_ms.append((time.process_time() - c) * 1000)
        ms.sort()
        cpu_ms.sort()
        # Wall time includes the database server (PostgreSQL) and a busy machine's waits;
        # CPU time is this process only (all of SQLite's work, none of PostgreSQL's).
        cells += [f"{statistics.median(ms):.0f}", f"{ms[int(len(ms) * 0.95) - 1]:.0f}",
                  f"{cpu_ms[int(len(cpu_ms) * 0.95) - 1]:.0f}"]
    else:
        cells += ["-", "-", "-"]
    for what in ("timeline", "figures", "brief"):
        if what in args.skip:
            cells.append("-")
            continue
        fn = {"timeline": lambda: eb.timeline(TOPIC), "figures": lambda: eb.figures(TOPIC),
              "brief": lambda: eb.brief(TOPIC)}[what]
        cpu, wall = _timed(fn)
        cells.append(f"{cpu:.1f} ({wall:.1f})")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    cells.append(f"{peak:.0f}")
    if args.header:
        print("| store | docs | search p50 ms | search p95 ms | search p95 CPU ms | "
              "timeline CPU s (wall) | figures CPU s (wall) | brief CPU s (wall) | peak MB |")
        print("|---|---|---|---|---|---|---|---|---|")
    print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
