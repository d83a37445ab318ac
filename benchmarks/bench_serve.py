"""Load benchmark of ``attache serve``: concurrent search and page requests on loopback.

1. **Fill** a SQLite store with the bundled sample corpus replicated to ``--docs`` documents.
   The sample is read and analysed once; every copy then goes through the store's normal
   ``add`` (one transaction per document: document row, sentences, search index, dedup bands,
   entities, mentions, figures, events), with per-copy changes: a trailing sentence that makes
   its text (and so its id) unique, its own title and location, and dedup fingerprints salted
   per copy, so copies are distinct documents to the store rather than near-duplicates of
   each other (each would otherwise be compared with every earlier copy). Search tokens are
   the sample's own, so a query like 稀土 matches every copy: the answers grow with the corpus.
2. **Serve** the store with ``python -m attache serve`` in a child process.
3. **Load** it from a second process: ``--clients`` threads with keep-alive connections send a
   mix of requests for ``--seconds`` (API and UI search in several scripts, a document page, a
   listing page, an entity page), and record each latency.

It prints per-route p50/p95/p99 latency, throughput, errors, and the server's resident memory
at the start and the end of the load. Not a test: numbers depend on the machine.

    python benchmarks/bench_serve.py --docs 3000 --seconds 30
    python benchmarks/bench_serve.py --docs 100000 --seconds 120 --db /var/tmp/bench.db
"""

from __future__ import annotations

import argparse
import hashlib
import http.client
import json
import multiprocessing as mp
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "attache" / "data" / "sample"
QUERIES = ["稀土", "哈薩克斯坦", "Komatsu", "Токаев", "投资", "Japan Kazakhstan", "summit",
           "Жапония", "カザフスタン"]


# --- filling the store -----------------------------------------------------------------------


def _salt(value: str, copy: int, width: int) -> str:
    return hashlib.blake2b(f"{value}|{copy}".encode(), digest_size=width // 2).hexdigest()


def fill(db: Path, docs: int) -> dict[str, Any]:
    from attache.analysis import Analysis, analyze
    from attache.dedup import Fingerprint
    from attache.evidence import EvidenceBase
    from attache.ingest import expand_inputs
    from attache.model import Sentence
    from attache.normalize import View, matching_view
    from attache.readers import read_path
    from attache.sources import profile_source

    t0 = time.perf_counter()
    eb = EvidenceBase(db)
    base: list[tuple[Analysis, dict[str, Any]]] = []
    for item, _ in expand_inputs([str(SAMPLE)]):
        for doc in read_path(item):
            a = analyze(doc, eb.segmenter, kb=eb.kb)
            src = (a.extraction.source if a.extraction is not None
                   else profile_source(doc, a.language))
            base.append((a, {"name": src.name, "kind": src.kind, "country": src.country,
                             "guessed": src.guessed}))
    t_analyse = time.perf_counter() - t0
    n = 0
    copy = 0
    t1 = time.perf_counter()
    while n < docs:
        for a, src in base:
            if n >= docs:
                break
            if copy == 0:
                eb.store.add(a, src)
                n += 1
                continue
            trailer = f"Archived copy {copy} of this report, entry {n}."
            d = a.document
            text = d.text + "\n" + trailer
            start = len(d.text) + 1
            view = View(original=text, text=a.view.text + "\n" + matching_view(trailer).text)
            sent = Sentence(index=len(a.sentences), start=start, end=len(text), text=trailer,
                            language=a.language, boilerplate=None)
            doc = replace(d, text=text, title=f"{d.title or 'untitled'} (copy {copy})",
                          location=f"{d.location}#copy-{copy}")
            fp = Fingerprint(a.fingerprint.signature,
                             tuple(_salt(b, copy, 16) for b in a.fingerprint.bands))
            copied = Analysis(
                document=doc, view=view, language=a.language, sentences=a.sentences + (sent,),
                tokens=a.tokens + (" ".join(eb.segmenter.index_tokens(view.text[start:])),),
                sentence_fps=tuple(_salt(f, copy, 16) if f else None for f in a.sentence_fps)
                + (None,),
                fingerprint=fp, extraction=a.extraction)
            eb.store.add(copied, src)
            n += 1
        copy += 1
        if copy % 100 == 0:
            rate = n / (time.perf_counter() - t1)
            print(f"  filled {n}/{docs} ({rate:.0f} docs/s)", file=sys.stderr)
    t_fill = time.perf_counter() - t1
    eb.close()
    return {"analyse_s": t_analyse, "fill_s": t_fill, "docs": n,
            "db_mb": db.stat().st_size / 1048576}


# --- serving ---------------------------------------------------------------------------------


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen([sys.executable, "-m", "attache", "serve", "--db", str(db),
                             "--port", str(port)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/api/documents?limit=1")
            if conn.getresponse().status == 200:
                conn.close()
                return proc
        except OSError:
            time.sleep(0.2)
        if proc.poll() is not None:
            raise SystemExit(f"the server exited: {proc.stderr.read().decode()[-2000:]}"
                             if proc.stderr else "the server exited")
    proc.kill()
    raise SystemExit("the server did not answer within 120 s")


def get_json(port: int, path: str) -> Any:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("GET", path)
    resp = conn.getresponse()
    body = resp.read()
    conn.close()
    return json.loads(body)


def targets(port: int) -> list[tuple[str, str]]:
    """The request mix: (route name, path)."""
    docs = get_json(port, "/api/documents?limit=200")["items"]
    ents = get_json(port, "/api/entities?limit=60")["items"]
    q = urllib.parse.quote
    mix: list[tuple[str, str]] = []
    for term in QUERIES:
        mix.append(("api search", f"/api/search?q={q(term)}"))
        mix.append(("ui search", f"/?q={q(term)}"))
    for d in docs[::10]:
        mix.append(("document page", f"/documents/{d['id']}"))
    mix.append(("documents api", "/api/documents?limit=50"))
    mix.append(("documents api", "/api/documents?limit=50&language=ru"))
    for e in ents[10:60:10]:  # mid-frequency entities, not only the ones in every document
        mix.append(("entity page", f"/entities/{q(e['id'])}"))
    return mix


def load(port: int, mix: list[tuple[str, str]], clients: int, seconds: float,
         out: Any) -> None:
    """Runs in the second process: clients threads, each with its own keep-alive connection."""
    results: list[tuple[str, float, int]] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(seed: int) -> None:
        rnd = random.Random(seed)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine: list[tuple[str, float, int]] = []
        while time.monotonic() < stop:
            name, path = rnd.choice(mix)
            t = time.perf_counter()
            try:
                conn.request("GET", path)
                resp = conn.getresponse()
                resp.read()
                status = resp.status
            except (OSError, http.client.HTTPException):
                status = 0
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            mine.append((name, time.perf_counter() - t, status))
        conn.close()
        with lock:
            results.extend(mine)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    out.put(results)


def pct(xs: list[float], p: float) -> float:
    if not xs:
        return float("nan")
    xs = sorted(xs)
    k = min(len(xs) - 1, max(0, round(p / 100 * (len(xs) - 1))))
    return xs[k] * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=3000, help="documents in the store")
    ap.add_argument("--seconds", type=float, default=30.0, help="length of the load")
    ap.add_argument("--clients", type=int, default=8, help="concurrent client threads")
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--db", type=Path, default=None,
                    help="store file (reused if it already holds --docs documents)")
    args = ap.parse_args()
    tmp = None
    if args.db is None:
        tmp = tempfile.TemporaryDirectory(prefix="attache-bench-")
        args.db = Path(tmp.name) / "bench.db"
    filled: dict[str, Any] = {}
    if not args.db.exists():
        print(f"filling {args.db} with {args.docs} documents …", file=sys.stderr)
        filled = fill(args.db, args.docs)
    proc = start_server(args.db, args.port)
    try:
        mix = targets(args.port)
        for _name, path in mix:  # warm every route once (imports, caches, segmenter)
            get_json(args.port, path) if path.startswith("/api") else None
        rss_start = rss_mb(proc.pid)
        queue: mp.Queue[list[tuple[str, float, int]]] = mp.Queue()
        loader = mp.Process(target=load, args=(args.port, mix, args.clients, args.seconds,
                                               queue))
        t0 = time.perf_counter()
        loader.start()
        results = queue.get()
        loader.join()
        wall = time.perf_counter() - t0
        rss_end = rss_mb(proc.pid)
        n_docs = get_json(args.port, "/api/documents?limit=1")  # still answering
        assert n_docs["items"]
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    print()
    if filled:
        print(f"store: {filled['docs']} documents, {filled['db_mb']:.0f} MB; sample analysed "
              f"in {filled['analyse_s']:.1f} s, copies written in {filled['fill_s']:.0f} s "
              f"({filled['docs'] / filled['fill_s']:.0f} docs/s)")
    print(f"load: {args.clients} clients for {args.seconds:.0f} s from a second process, "
          f"{len(results)} requests, {len(results) / wall:.1f} req/s overall")
    print()
    print("| route          | requests | errors | p50 ms | p95 ms | p99 ms |  req/s |")
    print("|----------------|----------|--------|--------|--------|--------|--------|")
    names = sorted({r[0] for r in results})
    for name in names + ["all"]:
        rows = [r for r in results if name == "all" or r[0] == name]
        lat = [r[1] for r in rows]
        errs = sum(1 for r in rows if r[2] != 200)
        print(f"| {name:<14} | {len(rows):>8} | {errs:>6} | {pct(lat, 50):>6.1f} | "
              f"{pct(lat, 95):>6.1f} | {pct(lat, 99):>6.1f} | {len(rows) / wall:>6.1f} |")
    print()
    print(f"server memory (RSS): {rss_start:.0f} MB at the start of the load, "
          f"{rss_end:.0f} MB at the end ({rss_end - rss_start:+.0f} MB)")
    if results:
        print(f"mean latency {statistics.fmean(r[1] for r in results) * 1000:.1f} ms")
    if tmp is not None:
        tmp.cleanup()


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
