"""Ingest benchmark: attache against its floor and an off-the-shelf peer, in one run.

Every stage runs in its own process over the same folder (``benchmarks/corpus.py``), after
its start-up (knowledge base, tokenizer, models) is done and not counted:

* ``floor``: read each file + OpenCC t2s + jieba cut — what any pipeline for this material
  pays at least;
* ``peer``: read + trafilatura (for HTML) + spaCy blank pipelines (jieba for Chinese) with a
  sentencizer and an EntityRuler fed the same knowledge base — what a user would assemble;
* ``extract``: attache's read + analyse + extract, no store (``attache extract``'s work);
* ``ingest-local-N``: ``attache ingest --workers N`` end to end into a new SQLite file;
* ``ingest-ray-N``: the same on a local Ray instance with N CPUs (Ray's worker processes are
  not children of the benchmark, so only wall time is known).

CPU seconds include the worker processes a stage waited for; "per core" rates divide by them,
so they hold on a busy machine where wall time does not. Usage::

    python benchmarks/corpus.py --docs 1000 --out /tmp/bc1k
    python benchmarks/ingest.py --dir /tmp/bc1k
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

STAGES = ["floor", "peer", "extract", "ingest-local-1", "ingest-local-2", "ingest-ray-1",
          "ingest-ray-2"]


def _files(folder: str) -> list[str]:
    from attache.ingest import expand_inputs

    return [p for p, _ in expand_inputs([folder])]


def _cpu() -> float:
    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime


def _script(text: str) -> str:
    import re

    if re.search(r"[\u3040-\u30ff]", text):
        return "ja"
    if re.search(r"[\u4e00-\u9fff]", text):
        return "zh"
    if re.search(r"[\u0400-\u04ff]", text):
        return "ru"
    return "en"


def _peer() -> Any:
    import spacy
    import trafilatura
    from spacy.pipeline import EntityRuler  # noqa: F401 - registers the factory

    from attache.kb import default_kb

    kb = default_kb()
    nlps: dict[str, Any] = {}
    for lang, code in (("zh", "zh"), ("en", "en"), ("ru", "ru"), ("ja", "xx")):
        cfg = {"nlp": {"tokenizer": {"segmenter": "jieba"}}} if lang == "zh" else {}
        nlp = spacy.blank(code, config=cfg)
        nlp.add_pipe("sentencizer")
        ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
        pats = [{"label": e.type.upper(), "pattern": a, "id": e.name}
                for e in kb.entries() for _l, a in e.all_aliases() if a]
        ruler.add_patterns(pats)
        nlps[lang] = nlp

    def run(path: str) -> int:
        raw = Path(path).read_bytes()
        text = raw.decode("utf-8", "replace")
        if path.endswith((".html", ".htm")):
            text = trafilatura.extract(text) or ""
        doc = nlps[_script(text)](text)
        return len(doc.ents)
    return run


def stage(name: str, folder: str) -> dict[str, Any]:
    files = _files(folder)
    size = sum(os.path.getsize(f) for f in files)
    t_start = time.perf_counter()
    if name == "floor":
        import jieba
        import opencc

        from attache.readers import read_path

        jieba.setLogLevel(60)
        tok = jieba.Tokenizer()
        tok.initialize()
        cc = opencc.OpenCC("t2s")

        def work() -> int:
            n = 0
            for f in files:
                for d in read_path(f):
                    tok.lcut(cc.convert(d.text))
                    n += 1
            return n
    elif name == "peer":
        run = _peer()
        run(files[0])

        def work() -> int:
            for f in files:
                run(f)
            return len(files)
    elif name == "extract":
        from attache.evidence import extract_files
        from attache.kb import default_kb

        kb = default_kb()
        extract_files(files[:2], kb=kb)

        def work() -> int:
            res, _ = extract_files(files, kb=kb)
            return len(res)
    else:
        from attache.evidence import EvidenceBase

        _, kind, n = name.split("-")
        tmp = tempfile.mkdtemp()
        eb = EvidenceBase(Path(tmp) / "bench.db")
        eb.segmenter.index_tokens("预热")
        _ = eb.kb

        def work() -> int:
            rep = eb.ingest([folder], workers=int(n), runner=kind)
            return len(rep.added) + len(rep.existing)
    startup = time.perf_counter() - t_start
    c0, w0 = _cpu(), time.perf_counter()
    docs = work()
    cpu, wall = _cpu() - c0, time.perf_counter() - w0
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
               resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    return {"stage": name, "docs": docs, "mb": size / 1e6, "cpu": cpu, "wall": wall,
            "startup": startup, "peak_mb": peak}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", required=True)
    ap.add_argument("--stages", default=",".join(STAGES))
    ap.add_argument("--stage", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.stage:
        print(json.dumps(stage(args.stage, args.dir)))
        return
    rows = []
    for name in args.stages.split(","):
        out = subprocess.run([sys.executable, __file__, "--dir", args.dir, "--stage", name],
                             capture_output=True, text=True)
        if out.returncode != 0:
            print(f"{name}: failed: {out.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
            continue
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    base = {r["stage"]: r for r in rows}
    floor = base.get("floor")
    print("| stage | docs | MB | CPU s | wall s | docs/s per core | MB/s per core | "
          "docs/s wall | x floor cost | peak MB |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        ray = "ray" in r["stage"]
        per_core = "-" if ray else f"{r['docs'] / r['cpu']:.1f}"
        mb_core = "-" if ray else f"{r['mb'] / r['cpu']:.2f}"
        cpu_cell = "-" if ray else f"{r['cpu']:.1f}"
        per_doc = r["cpu"] / r["docs"]
        x = "-" if ray or not floor else f"{per_doc / (floor['cpu'] / floor['docs']):.1f}"
        print(f"| {r['stage']} | {r['docs']} | {r['mb']:.1f} | {cpu_cell} "
              f"| {r['wall']:.1f} | {per_core} | {mb_core} | {r['docs'] / r['wall']:.1f} | {x} "
              f"| {r['peak_mb']:.0f} |")


if __name__ == "__main__":
    main()
