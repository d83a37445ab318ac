"""Benchmark: extraction throughput against jieba segmentation alone, on the same text.

The sample corpus is repeated (each copy made distinct by a trailing line, so ids differ) until
it reaches ``--mb`` megabytes of UTF-8 text, and the process is pinned to one core. Three
stages run over the same documents in the same process:

* ``jieba (floor)``: jieba's plain ``cut`` of every document — the cost of merely segmenting
  the Chinese, which any extractor for Chinese text pays at least;
* ``extract``: what ``attache extract`` does per document (matching view, language,
  sentences, entities, dates, figures, events, source profile);
* ``ingest`` (``--ingest-mb``, smaller by default): analysis, search tokens, dedup and writing
  to a temporary SQLite file.

Machines here are noisy, so the table reports ratios to the floor measured in the same run,
not absolute targets. Usage::

    python scripts/bench_extract.py            # 20 MB, ingest 2 MB
    python scripts/bench_extract.py --mb 5 --ingest-mb 1
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from attache.analysis import analyze
from attache.evidence import EvidenceBase
from attache.extract import extract_analysed
from attache.ingest import expand_inputs
from attache.kb import default_kb
from attache.model import Document
from attache.readers import read_path
from attache.tokens import segmenter_for

SAMPLE = Path(__file__).resolve().parents[1] / "attache" / "data" / "sample"


def corpus(mb: float) -> list[Document]:
    base: list[Document] = []
    for path, _ in expand_inputs([str(SAMPLE)]):
        base.extend(read_path(path))
    docs: list[Document] = []
    size = 0
    copy = 0
    while size < mb * 1024 * 1024:
        for d in base:
            text = d.text + f"\n\n[copy {copy}]"
            docs.append(replace(d, text=text, location=f"{d.location}#copy{copy}"))
            size += len(text.encode("utf-8"))
        copy += 1
    return docs


def megabytes(docs: list[Document]) -> float:
    return sum(len(d.text.encode("utf-8")) for d in docs) / (1024 * 1024)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=20.0, help="text to extract, in MB")
    ap.add_argument("--ingest-mb", type=float, default=2.0, help="text to ingest, in MB")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

    t0 = time.perf_counter()
    kb = default_kb()
    seg = segmenter_for(())
    import jieba

    jieba.setLogLevel(60)
    tok = jieba.Tokenizer()
    tok.initialize()
    warm = corpus(0.01)
    for d in warm:
        a = analyze(d, seg, extract=False, tokens=False)
        extract_analysed(d, a.view, a.language, a.sentences, kb)
    load = time.perf_counter() - t0

    docs = corpus(args.mb)
    mb = megabytes(docs)
    rows: list[tuple[str, int, float, float]] = []

    t = time.perf_counter()
    for d in docs:
        tok.lcut(d.text)
    rows.append(("jieba cut (floor)", len(docs), mb, time.perf_counter() - t))

    t = time.perf_counter()
    n_ent = n_fig = n_evt = 0
    for d in docs:
        a = analyze(d, seg, extract=False, tokens=False)
        ex = extract_analysed(d, a.view, a.language, a.sentences, kb)
        n_ent += len(ex.entities)
        n_fig += len(ex.figures)
        n_evt += len(ex.events)
    rows.append(("extract", len(docs), mb, time.perf_counter() - t))

    ingest_docs = corpus(args.ingest_mb)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        for i, d in enumerate(ingest_docs):
            (folder / f"{i:06}.txt").write_text(d.text, "utf-8")
        with EvidenceBase(Path(tmp) / "bench.db") as eb:
            eb.segmenter.index_tokens("预热")  # load jieba and the KB dictionary first
            t = time.perf_counter()
            report = eb.ingest([str(folder)])
            rows.append(("ingest to SQLite", len(ingest_docs), megabytes(ingest_docs),
                         time.perf_counter() - t))
            assert report.ok, report.failures[:3]

    floor = rows[0][2] / rows[0][3]
    print(f"one core; start-up (knowledge base, automaton, jieba, lingua): {load:.1f} s")
    print(f"extracted {n_ent} entities, {n_fig} figures, {n_evt} events\n")
    print(f"| {'stage':<18} | {'docs':>6} | {'MB':>6} | {'seconds':>8} | {'docs/s':>8} | "
          f"{'MB/s':>6} | {'x floor':>7} |")
    print(f"|{'-' * 20}|{'-' * 8}|{'-' * 8}|{'-' * 10}|{'-' * 10}|{'-' * 8}|{'-' * 9}|")
    for name, n, size, secs in rows:
        rate = size / secs
        print(f"| {name:<18} | {n:>6} | {size:>6.1f} | {secs:>8.1f} | {n / secs:>8.1f} | "
              f"{rate:>6.2f} | {floor / rate:>7.1f} |")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak resident memory: {peak:.0f} MB ('x floor' = how many times slower than "
          f"jieba alone on the same text)")


if __name__ == "__main__":
    main()
