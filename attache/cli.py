"""The command line: parse arguments, call one EvidenceBase method, format the result."""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import click

from attache import __version__
from attache.errors import AttacheError, StoreError
from attache.evidence import EvidenceBase, extract_files
from attache.kb import KnowledgeBase
from attache.model import IngestFailure, IngestReport
from attache.sources import OutletRegistry

DB_HELP = "SQLite file (created if missing) or SQLAlchemy URL."


def sample_corpus() -> Path:
    return Path(str(resources.files("attache") / "data" / "sample"))


def _finite(value: float) -> float:
    if not math.isfinite(value):
        raise click.BadParameter("must be a finite number of megabytes")
    return value


# Control characters (C0, DEL, C1) and bidirectional overrides in titles, file names and
# texts from the outside would move the cursor, recolour the terminal or forge output lines.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _safe(s: str | None) -> str:
    """An untrusted string made harmless to print: each control character shown as an escape."""
    text = s or ""
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(lambda m: repr(m.group())[1:-1] if m.group() != "\t" else " ", text)


def _fail_line(f: IngestFailure) -> None:
    click.secho(f"error: {_safe(f.source)}: {_safe(f.reason)}", fg="red", err=True)


def _table(rows: Sequence[Sequence[Any]], headers: Sequence[str]) -> str:
    cells = [[("" if c is None else str(c)) for c in r] for r in rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in cells]) for i, h in enumerate(headers)]
    lines = ["  ".join(_pad(h, w) for h, w in zip(headers, widths, strict=True)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(_pad(c, w) for c, w in zip(r, widths, strict=True)) for r in cells]
    return "\n".join(lines)


def _width(s: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _pad(s: str, w: int) -> str:
    return s + " " * (w - _width(s))


def _clip(s: str | None, n: int) -> str:
    s = _safe((s or "").replace("\n", " "))
    out, w = "", 0
    for ch in s:
        cw = _width(ch)
        if w + cw > n - 1:
            return out + "…"
        out += ch
        w += cw
    return out


def _report(report: IngestReport, eb: EvidenceBase) -> None:
    click.echo(f"added {len(report.added)}, already stored {len(report.existing)}, "
               f"near-duplicates linked {len(report.duplicates)}, failed {len(report.failures)}"
               f"; the store now holds {eb.store.count()} documents.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="attache")
@click.option("--kb", "kb_paths", multiple=True, type=click.Path(exists=True),
              help="Extra knowledge-base file or folder (.jsonl entries, .tsv alias tables).")
@click.option("--outlets", "outlet_paths", multiple=True, type=click.Path(exists=True),
              help="Extra outlet-registry file or folder (.jsonl).")
@click.pass_context
def cli(ctx: click.Context, kb_paths: tuple[str, ...], outlet_paths: tuple[str, ...]) -> None:
    """attache: an offline evidence base and cited brief writer for international relations."""
    ctx.obj = {"kb": kb_paths, "outlets": outlet_paths}


def _open(db: str, *, must_exist: bool = False) -> EvidenceBase:
    """The evidence base with the user's extra knowledge-base and outlet files, if any.

    Commands that only read refuse a database file that does not exist, so a mistyped --db
    is an error rather than a new, empty database.
    """
    if must_exist and "://" not in db and db != ":memory:" and not Path(db).is_file():
        raise StoreError(f"no database at {db}; run 'attache ingest … --db {db}' first, "
                         f"or pass the right --db")
    obj = click.get_current_context().find_root().obj or {}
    kb = KnowledgeBase.load(obj["kb"]) if obj.get("kb") else None
    outlets = OutletRegistry.load(obj["outlets"]) if obj.get("outlets") else None
    return EvidenceBase(db, kb=kb, outlets=outlets)


@cli.command("ingest")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", default="attache.db", show_default=True, help=DB_HELP)
@click.option("--allow-private", is_flag=True,
              help="Allow URLs on loopback or private addresses (refused by default).")
@click.option("--max-mb", type=click.FloatRange(min=0, min_open=True), default=50.0,
              show_default=True, callback=lambda _c, _p, v: _finite(v),
              help="Refuse inputs larger than this many megabytes (MB = 10^6 bytes); also the "
                   "cap on what a compressed part (a WARC record) may expand to.")
@click.option("--allow-link-local", is_flag=True,
              help="Also allow link-local addresses (169.254.0.0/16, fe80::/10), where cloud "
                   "metadata services live; --allow-private does not admit them.")
@click.option("--fetch-deadline", type=click.FloatRange(min=0, min_open=True), default=60.0,
              show_default=True, callback=lambda _c, _p, v: _finite(v),
              help="Seconds one URL may take in total, redirects and slow servers included.")
@click.option("--max-chars", type=click.IntRange(min=1), default=10_000_000, show_default=True,
              help="Refuse documents whose text is longer (about 70 MB of memory per million "
                   "characters).")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Processes that read and analyse (default: one per core).")
@click.option("--runner", type=click.Choice(["local", "ray"]), default="local",
              show_default=True, help="Where read + analyse run: local processes or Ray.")
@click.option("--ray-address", default=None,
              help="Address of a running Ray cluster (default: start Ray on this machine).")
def ingest_cmd(inputs: tuple[str, ...], db: str, allow_private: bool, max_mb: float,
               allow_link_local: bool, fetch_deadline: float, max_chars: int,
               workers: int | None, runner: str, ray_address: str | None) -> None:
    """Read files, folders (recursively), globs and URLs (pages, RSS/Atom, PDF, WARC)."""
    from attache.runners.progress import ProgressMeter

    with _open(db) as eb:
        report = eb.ingest(list(inputs), allow_private=allow_private,
                           max_bytes=int(max_mb * 1_000_000), meter=ProgressMeter(),
                           on_failure=_fail_line, allow_link_local=allow_link_local,
                           fetch_deadline=fetch_deadline, max_chars=max_chars,
                           workers=workers or 0, runner=runner, ray_address=ray_address)
        _report(report, eb)
    if report.failures:
        sys.exit(1)


@cli.command("docs")
@click.option("--db", default="attache.db", show_default=True, help=DB_HELP)
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def docs_cmd(db: str, limit: int, as_json: bool) -> None:
    """List stored documents."""
    with _open(db, must_exist=True) as eb:
        rows = eb.documents(limit=limit)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    click.echo(_table([[r["id"][:12], r["language"], r["published"] or "-",
                        _clip(r["source"] or r["outlet"], 22), r["format"],
                        _clip(r["title"], 44),
                        ("copy of " + r["duplicate_of"][:12]) if r["duplicate_of"] else ""]
                       for r in rows],
                      ["id", "lang", "published", "source", "format", "title", "note"]))


@cli.command("show")
@click.argument("doc")
@click.option("--db", default="attache.db", show_default=True, help=DB_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print the stored extraction as JSON.")
def show_cmd(doc: str, db: str, as_json: bool) -> None:
    """Show one document (by id or id prefix): metadata, sentences, extraction."""
    with _open(db, must_exist=True) as eb:
        if as_json:
            click.echo(json.dumps(eb.extraction(doc), ensure_ascii=False, indent=2))
            return
        d = eb.document(doc)
        ex = eb.extraction(d.id)
    pub = d.document.published
    click.echo(f"id:        {d.id}")
    click.echo(f"title:     {_safe(d.document.title) or '-'}")
    click.echo(f"language:  {d.language}")
    click.echo(f"published: {pub.value + ' (from ' + pub.source + ')' if pub else '-'}")
    if d.source:
        guessed = " (guessed)" if d.source.get("guessed") else ""
        click.echo(f"source:    {_safe(d.source['name'])}, {d.source['kind']}{guessed}, "
                   f"{d.source.get('country') or '-'}")
    click.echo(f"format:    {d.document.format}")
    for loc in d.locations:
        click.echo(f"location:  {_safe(loc)}")
    if d.duplicate_of:
        click.echo(f"copy of:   {d.duplicate_of} (score {d.duplicate_score})")
    click.echo(f"entities:  {_safe(', '.join(e['name'] for e in ex['entities'])) or '-'}")
    for f in ex["figures"]:
        click.echo(f"figure:    {_safe(f['text'])} = {f['value']:g} {f['unit']} ({f['qualifier']}) "
                   f"{f['subject'] or ''} {f['period'] or ''}")
    for v in ex["events"]:
        click.echo(f"event:     {v['type']} {v['date'] or '?'} {', '.join(v['participants'])}"
                   f"{' @ ' + v['place'] if v['place'] else ''}"
                   f"{' [' + v['status'] + ']' if v['status'] != 'happened' else ''}")
    click.echo("")
    for s in d.sentences:
        mark = f"[{s.boilerplate}] " if s.boilerplate else ""
        click.echo(f"{s.index:>4} {mark}{_safe(s.text)}")


@cli.command("search")
@click.argument("query", nargs=-1, required=True)
@click.option("--db", default="attache.db", show_default=True, help=DB_HELP)
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
def search_cmd(query: tuple[str, ...], db: str, limit: int, as_json: bool) -> None:
    """Find sentences in any script; the match is highlighted in the original text."""
    q = " ".join(query)
    with _open(db, must_exist=True) as eb:
        hits = eb.search(q, limit=limit)
        total = eb.count(q) if len(hits) >= limit else len(hits)
    if as_json:
        click.echo(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=2))
        return
    if not hits:
        click.echo(f"no sentence matches {_safe(q)!r}.")
        return
    color = sys.stdout.isatty()
    for h in hits:
        # Marks go in after escaping, so only attache's own colour codes reach the terminal.
        text = _safe(h.marked("\ue000", "\ue001"))
        text = (text.replace("\ue000", "\x1b[1;33m").replace("\ue001", "\x1b[0m") if color
                else text.replace("\ue000", "«").replace("\ue001", "»"))
        click.echo(f"{h.doc_id[:12]}  {h.published or '-'}  {_safe(h.outlet) or '-'}  "
                   f"[{h.language}]  {_clip(h.title, 50)}")
        click.echo(f"    {text}")
    shown = f"{len(hits)} of {total}" if total > len(hits) else str(len(hits))
    click.echo(f"{shown} matching sentence(s) for {_safe(q)!r}"
               + ("; raise --limit to see more." if total > len(hits) else "."))


@cli.command("extract")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the documented JSON list.")
@click.option("--allow-private", is_flag=True, help="Allow URLs on private addresses.")
def extract_cmd(inputs: tuple[str, ...], as_json: bool, allow_private: bool) -> None:
    """Extract entities, figures, dates and events from files, without a store."""
    obj = click.get_current_context().find_root().obj or {}
    kb = KnowledgeBase.load(obj["kb"]) if obj.get("kb") else None
    outlets = OutletRegistry.load(obj["outlets"]) if obj.get("outlets") else None
    results, failures = extract_files(list(inputs), kb=kb, outlets=outlets,
                                      allow_private=allow_private)
    for f in failures:
        _fail_line(f)
    if as_json:
        click.echo(json.dumps([r.to_dict() for r in results], ensure_ascii=False, indent=1))
    else:
        for r in results:
            click.echo(f"{_safe(r.doc)}: {r.language}, published {r.published or '-'}, "
                       f"{len(r.entities)} entities, {len(r.figures)} figures, "
                       f"{len(r.events)} events")
    if failures:
        sys.exit(1)


@cli.command("figures")
@click.argument("topic", nargs=-1)
@click.option("--db", default="attache.db", show_default=True, help=DB_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
def figures_cmd(topic: tuple[str, ...], db: str, as_json: bool) -> None:
    """The figure ledger: who claims which figure, and where sources agree or conflict."""
    with _open(db, must_exist=True) as eb:
        ledger = eb.figures(" ".join(topic))
    if as_json:
        click.echo(json.dumps(ledger.to_dict(), ensure_ascii=False, indent=2))
        return
    if not ledger.groups:
        click.echo("no figures found.")
        return
    for g in ledger.groups:
        n = f"{g.sources} independent source{'s' if g.sources != 1 else ''}"
        click.secho(f"{_safe(g.measure)}: {g.verdict} ({n}, {g.spread_text()})", bold=True)
        for f in g.figures:
            reprint = f" (reprint of {f.reprint_of[:12]})" if f.reprint_of else ""
            click.echo(f"  {_safe(f.text):<16} {f.qualifier:<8} {f.period or f.as_of or '-':<10} "
                       f"{_clip(f.outlet, 20):<20} {f.source_kind or '-':<11} {f.language:<7} "
                       f"{f.published or '-'}{reprint}")
            click.echo(f"      “{_clip(f.quote, 100)}”")


@cli.command("timeline")
@click.argument("topic", nargs=-1)
@click.option("--db", default="attache.db", show_default=True, help=DB_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
def timeline_cmd(topic: tuple[str, ...], db: str, as_json: bool) -> None:
    """Events by date, each with the number of independent sources that report it."""
    with _open(db, must_exist=True) as eb:
        events = eb.timeline(" ".join(topic))
    if as_json:
        click.echo(json.dumps([e.to_dict() for e in events], ensure_ascii=False, indent=2))
        return
    if not events:
        click.echo("no events found.")
        return
    for e in events:
        status = f" [{e.status}]" if e.status != "happened" else ""
        place = f" @ {e.place}" if e.place else ""
        click.echo(f"{e.date or 'undated':<10} {e.type:<9} {_safe(', '.join(e.participants))}"
                   f"{_safe(place)}"
                   f"{status}  ({e.independent_sources} source(s))")


@cli.command("brief")
@click.argument("topic", nargs=-1, required=True)
@click.option("--db", default="attache.db", show_default=True, help=DB_HELP)
@click.option("--lang", type=click.Choice(["en", "zh", "ru"]), default="en", show_default=True,
              help="Language of headings and generated statements; quotes stay original.")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "json"]), default="md",
              show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file.")
@click.option("--absolute-paths", is_flag=True,
              help="Show local sources by their full path (default: file name only).")
@click.option("--writer", type=click.Choice(["facts", "llm"]), default="facts",
              show_default=True,
              help="Who phrases the statements: the built-in facts writer, or an "
                   "OpenAI-compatible model whose every sentence is checked by code.")
@click.option("--llm-url", default=None, metavar="URL",
              help="OpenAI-compatible endpoint for --writer llm [env ATTACHE_LLM_URL; "
                   "default http://127.0.0.1:11434/v1]")
@click.option("--llm-model", default=None, metavar="NAME",
              help="Model name for --writer llm [env ATTACHE_LLM_MODEL]")
def brief_cmd(topic: tuple[str, ...], db: str, lang: str, fmt: str, output: str | None,
              absolute_paths: bool = False, writer: str = "facts", llm_url: str | None = None,
              llm_model: str | None = None) -> None:
    """Write a brief in which every sentence is cited to a verified source span."""
    if output and not Path(output).resolve().parent.is_dir():
        raise StoreError(f"cannot write {output}: its folder does not exist; create it first")
    with _open(db, must_exist=True) as eb:
        llm = None
        if writer == "llm":
            from attache.brief.llm import LLMWriter

            llm = LLMWriter.from_options(eb.kb, llm_url, llm_model)
        result = eb.brief(" ".join(topic), lang=lang, fmt=fmt, absolute_paths=absolute_paths,
                          writer=llm)
    if output:
        try:
            Path(output).write_text(result.text, "utf-8")
        except OSError as exc:
            raise StoreError(f"cannot write {output}: {exc.strerror}") from exc
        state = "new edition" if result.new else "unchanged, same edition"
        click.echo(f"wrote {output} (edition {result.edition}, {state})", err=True)
    else:
        click.echo(result.text)


@cli.command("demo")
@click.option("--db", default="attache-demo.db", show_default=True, help=DB_HELP)
@click.option("--query", default="稀土", show_default=True, help="The search to run.")
@click.option("--topic", default="Japan Kazakhstan", show_default=True, help="The brief's topic.")
@click.option("--out", default="attache-demo", show_default=True,
              type=click.Path(file_okay=False), help="Folder for the brief files.")
def demo_cmd(db: str, query: str, topic: str, out: str) -> None:
    """Ingest the sample corpus, print a summary, run a search and write the brief."""
    corpus = sample_corpus()
    click.echo(f"Ingesting the sample corpus from {corpus} into {db} …")
    with _open(db) as eb:
        report = eb.ingest([str(corpus)], on_failure=_fail_line)
        _report(report, eb)
        rows = eb.documents(limit=1000)
        click.echo("")
        click.echo(_table([[r["id"][:12], r["language"], r["published"] or "-",
                            _clip(r["source"] or r["outlet"], 20), r["format"],
                            _clip(r["title"], 40)] for r in rows],
                          ["id", "lang", "published", "source", "format", "title"]))
        click.echo("")
        hits = eb.search(query, limit=5)
        click.echo(f"search {query!r}: {len(hits)} hit(s)")
        for h in hits:
            click.echo(f"  {h.doc_id[:12]} [{h.language}] {_clip(h.marked('«', '»'), 110)}")
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        click.echo("")
        for fmt in ("md", "html"):
            result = eb.brief(topic, lang="en", fmt=fmt)
            path = folder / f"brief.{fmt}"
            path.write_text(result.text, "utf-8")
            click.echo(f"brief {topic!r} edition {result.edition}: {path.resolve()}")
    if report.failures:
        sys.exit(1)


# --- follow a story: update and watch ----------------------------------------------------------


def _watch_log(message: str) -> None:
    import time as _time

    stamp = _time.strftime("%H:%M:%S")
    if message.startswith("ALERT "):
        click.echo(message[6:])  # alerts go to stdout; log lines to stderr
        return
    if sys.stderr.isatty():
        color = "red" if "FAILED" in message or "not sent" in message else None
        click.secho(f"[{stamp}] {message}", fg=color, err=True)
    else:
        click.echo(f"{stamp} {message}", err=True)


def _watch_config(db: str, config: str | None, allow_private: bool) -> Any:
    import dataclasses

    from attache.watch import default_path, load_config

    cfg = load_config(config or default_path(db))
    if allow_private:
        cfg = dataclasses.replace(cfg, politeness=dataclasses.replace(
            cfg.politeness, allow_private=True))
    return cfg


def _update_summary(report: Any) -> None:
    failed = [s for s in report.sources if s.status == "failed"]
    click.echo(f"pass done: {report.added} new document(s) from "
               f"{sum(s.status not in ('not-due', 'stopped') for s in report.sources)} "
               f"source(s), {len(report.alerts)} alert(s), {len(failed)} failing source(s)"
               + (" (stopped early)" if report.stopped else ""), err=True)
    for s in failed:
        click.secho(f"error: {s.name}: failing ({s.failures} pass(es) in a row): {s.error}",
                    fg="red", err=True)
    for e in report.errors:
        click.secho(f"error: {e}", fg="red", err=True)


_CONFIG_HELP = "Watch configuration (default: attache.toml beside the database)."


@cli.command("update")
@click.option("--db", default="attache.db", show_default=True, help=DB_HELP)
@click.option("--config", type=click.Path(dir_okay=False), help=_CONFIG_HELP)
@click.option("--force", is_flag=True, help="Fetch every source, due or not.")
@click.option("--allow-private", is_flag=True,
              help="Allow sources on loopback or private addresses (refused by default).")
@click.option("--json", "as_json", is_flag=True, help="Print the pass report as JSON.")
def update_cmd(db: str, config: str | None, force: bool, allow_private: bool,
               as_json: bool) -> None:
    """One pass over the watched sources: fetch what is due, store it, write new editions."""
    cfg = _watch_config(db, config, allow_private)
    with _open(db) as eb:
        report = eb.update(cfg, force=force, on_event=None if as_json else _watch_log)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        _update_summary(report)
    if not report.ok:
        sys.exit(1)


@cli.group("watch", invoke_without_command=True)
@click.option("--db", default="attache.db", show_default=True, help=DB_HELP)
@click.option("--config", type=click.Path(dir_okay=False), help=_CONFIG_HELP)
@click.option("--allow-private", is_flag=True,
              help="Allow sources on loopback or private addresses (refused by default).")
@click.option("--max-sleep", type=click.FloatRange(min=0.1), default=300.0, show_default=True,
              help="Longest wait in seconds between two passes.")
@click.pass_context
def watch_cmd(ctx: click.Context, db: str, config: str | None, allow_private: bool,
              max_sleep: float) -> None:
    """Run update passes until SIGINT/SIGTERM; 'watch add' adds sources to follow."""
    ctx.ensure_object(dict)
    ctx.obj["watch"] = {"db": db, "config": config}
    if ctx.invoked_subcommand is not None:
        return
    import signal
    import threading

    cfg = _watch_config(db, config, allow_private)
    stop = threading.Event()

    def _stop(signum: int, _frame: Any) -> None:
        if stop.is_set():
            raise KeyboardInterrupt  # a second signal: stop now
        stop.set()
        click.echo(f"received {signal.Signals(signum).name}: finishing the current source, "
                   "then stopping", err=True)

    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    with _open(db) as eb:
        passes = eb.watch(cfg, stop=stop, on_report=_update_summary, on_event=_watch_log,
                          max_sleep=max_sleep)
    click.echo(f"stopped after {passes} pass(es); the next start resumes from here.", err=True)


_SUB_DB = click.option("--db", "sub_db", help="As 'attache watch --db'; the configuration "
                      "is found beside it.")
_SUB_CONFIG = click.option("--config", "sub_config", type=click.Path(dir_okay=False),
                           help=_CONFIG_HELP)


def _config_path(ctx: click.Context, db: str | None, config: str | None) -> Path:
    from attache.watch import default_path

    opts = ctx.obj["watch"]
    return Path(config or opts["config"] or default_path(db or opts["db"]))


@watch_cmd.command("add")
@click.argument("what")
@_SUB_DB
@_SUB_CONFIG
@click.option("--kind", type=click.Choice(["feed", "sitemap", "page", "folder"]),
              help="What WHAT is (default: feed for URLs, folder for folders).")
@click.option("--interval", default="1h", show_default=True,
              help="How often to poll: seconds or 15m, 2h, 1d.")
@click.option("--lang", "language", help="Language hint for the source (en, ru, kk, ja, zh-Hans…).")
@click.option("--outlet", help="Outlet id or name from the outlet registry.")
@click.pass_context
def watch_add_cmd(ctx: click.Context, what: str, sub_db: str | None, sub_config: str | None,
                  kind: str | None, interval: str, language: str | None,
                  outlet: str | None) -> None:
    """Follow an outlet from the registry (its known feeds), a feed/sitemap/page URL or a folder."""
    from attache.watch import add_source
    from attache.watch.config import parse_interval

    path = _config_path(ctx, sub_db, sub_config)
    extra = (ctx.find_root().obj or {}).get("outlets") or ()
    added = add_source(path, what, kind=kind, interval=parse_interval(interval, "--interval"),
                       language=language, outlet=outlet, extra_outlets=extra)
    for s in added:
        click.echo(f"added {s.kind} {s.address} ({s.name}) to {path}")
    if not added:
        click.echo(f"{what}: already followed in {path}")


@watch_cmd.command("status")
@_SUB_DB
@_SUB_CONFIG
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_context
def watch_status_cmd(ctx: click.Context, sub_db: str | None, sub_config: str | None,
                     as_json: bool) -> None:
    """Each watched source: last fetch, next due time, failures in a row, last error."""
    from attache.watch import load_config

    db = sub_db or ctx.obj["watch"]["db"]
    cfg = load_config(_config_path(ctx, sub_db, sub_config))
    with _open(db, must_exist=True) as eb:
        rows = eb.watch_status(cfg)
    if as_json:
        click.echo(json.dumps([r.to_dict() for r in rows], ensure_ascii=False, indent=2))
        return
    click.echo(_table([[_clip(r.name, 28), r.kind, r.last_fetch or "never",
                        r.next_due or "now", r.items, r.failures or "",
                        _clip(r.last_error, 50)] for r in rows],
                      ["source", "kind", "last fetch", "next due", "items", "failing",
                       "last error"]))


@watch_cmd.command("topic")
@click.argument("topic", nargs=-1, required=True)
@_SUB_DB
@_SUB_CONFIG
@click.option("--lang", "langs", multiple=True, type=click.Choice(["en", "zh"]),
              help="Brief language (repeatable; default en).")
@click.option("--format", "fmts", multiple=True, type=click.Choice(["md", "html", "json"]),
              help="Brief format (repeatable; default md).")
@click.option("-o", "--output", type=click.Path(file_okay=False),
              help="Folder for the brief files (default briefs/ beside the configuration).")
@click.pass_context
def watch_topic_cmd(ctx: click.Context, topic: tuple[str, ...], sub_db: str | None,
                    sub_config: str | None, langs: tuple[str, ...], fmts: tuple[str, ...],
                    output: str | None) -> None:
    """Follow a topic: each pass that changes its evidence writes its next edition."""
    from attache.watch import FollowedTopic
    from attache.watch.alerts import slug
    from attache.watch.config import append_blocks, topic_block

    path = _config_path(ctx, sub_db, sub_config)
    name = " ".join(topic)
    out = Path(output) if output else Path("briefs") / slug(name)
    append_blocks(path, [topic_block(FollowedTopic(name=name, query=name,
                                                   languages=langs or ("en",),
                                                   formats=fmts or ("md",), output=out))])
    click.echo(f"following {name!r} in {path}; briefs go to {out}")


@cli.command("serve")
@click.option("--db", default="attache.db", show_default=True, help=DB_HELP)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback needs --token.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--token", default=None,
              help="API token required on every route (default: $ATTACHE_TOKEN).")
@click.option("--allow-private", is_flag=True,
              help="Let URL ingest fetch loopback and private addresses (refused by default).")
@click.option("--max-upload-mb", type=click.FloatRange(min=0, min_open=True), default=25.0,
              show_default=True, callback=lambda _c, _p, v: _finite(v),
              help="Refuse uploads larger than this many megabytes.")
def serve_cmd(db: str, host: str, port: int, token: str | None, allow_private: bool,
              max_upload_mb: float) -> None:
    """Start the web application and HTTP API (OpenAPI at /openapi.json)."""
    from attache.server import ServerSettings, serve
    from attache.server.settings import token_from_env

    obj = click.get_current_context().find_root().obj or {}
    settings = ServerSettings(
        db=db, host=host, port=port, token=token_from_env(token), allow_private=allow_private,
        max_upload_bytes=int(max_upload_mb * 1048576), kb_paths=tuple(obj.get("kb") or ()),
        outlet_paths=tuple(obj.get("outlets") or ())).checked()
    if "://" not in db and not Path(db).is_file():
        click.echo(f"note: {db} does not exist yet; it starts empty (ingest from the Ingest "
                   "page or with 'attache ingest')", err=True)
    click.echo(f"attache serving {db} on http://{host}:{port}/"
               f"{' (token required)' if settings.token else ''}", err=True)
    serve(settings)


@cli.command("export")
@click.option("--db", default="attache.db", show_default=True, help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["csv", "parquet", "jsonl", "ftm"]),
              required=True, help="Tables as CSV, Parquet or JSON lines; or FollowTheMoney.")
@click.option("-o", "--out", "out", required=True, type=click.Path(file_okay=False),
              help="Folder for the files (created if missing).")
def export_cmd(db: str, fmt: str, out: str) -> None:
    """Export documents, entities, mentions, figures, the ledger and events."""
    with _open(db, must_exist=True) as eb:
        result = eb.export(fmt, out)
    for path, rows in result.files:
        click.echo(f"{path}\t{rows}")


def main(argv: Sequence[str] | None = None) -> None:
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="attache",
                 standalone_mode=True)
    except AttacheError as exc:
        click.secho(f"error: {_safe(str(exc))}", fg="red", err=True)
        sys.exit(2)
