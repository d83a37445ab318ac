"""The watch configuration: ``attache.toml`` beside the database (or ``--config``).

It names the sources to follow (RSS/Atom feeds, news sitemaps, pages to re-read, folders to
scan), each with a polling interval, a language hint and an outlet, the topics whose briefs are
rewritten when their evidence changes, and the politeness settings of the fetcher. The file is
the user's: :func:`add_source` only ever appends to it, so comments and order survive.
"""

from __future__ import annotations

import ipaddress
import json
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from attache.errors import ConfigError
from attache.model import make_id

KINDS = ("feed", "sitemap", "page", "folder")
BRIEF_LANGS = ("en", "zh")
BRIEF_FORMATS = ("md", "html", "json")
CONFIG_NAME = "attache.toml"

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")


@dataclass(frozen=True)
class Source:
    """One watched source; ``id`` is a hash of its kind and address."""

    kind: str
    address: str  # URL, or an absolute folder path for kind "folder"
    name: str
    interval: float = 3600.0
    language: str | None = None
    outlet: str | None = None
    follow_links: bool = False  # feeds: fetch each new item's page instead of its summary

    @property
    def id(self) -> str:
        return make_id("watch-source", self.kind, self.address)


@dataclass(frozen=True)
class FollowedTopic:
    name: str
    query: str
    languages: tuple[str, ...] = ("en",)
    formats: tuple[str, ...] = ("md",)
    output: Path | None = None


@dataclass(frozen=True)
class Politeness:
    """How the fetcher behaves towards other people's servers."""

    user_agent: str = ""  # empty: the fetcher's default, which names attache
    timeout: float = 20.0
    retries: int = 2
    backoff: float = 1.0  # seconds before the first retry; doubles each time
    min_interval: float = 1.0  # seconds between two requests to one host
    per_host: int = 1  # requests in flight to one host
    workers: int = 4  # sources fetched at the same time
    max_bytes: int = 10 * 1024 * 1024
    max_items: int = 200  # pages fetched from one feed or sitemap in one pass
    allow_private: bool = False
    private_networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()
    robots: bool = True


@dataclass(frozen=True)
class WatchConfig:
    path: Path | None
    sources: tuple[Source, ...] = ()
    topics: tuple[FollowedTopic, ...] = ()
    politeness: Politeness = field(default_factory=Politeness)
    alerts: Path | None = None  # folder for alert files
    webhook: str | None = None
    webhook_allow_private: bool = False


def default_path(db: str | Path) -> Path:
    """``attache.toml`` in the folder of the database file (the working folder for a URL)."""
    text = str(db)
    if "://" in text or text == ":memory:":
        return Path(CONFIG_NAME)
    return Path(text).expanduser().resolve().parent / CONFIG_NAME


def parse_interval(value: Any, where: str) -> float:
    if isinstance(value, bool):
        raise ConfigError(f"{where}: interval must be seconds or text like '30m', not {value!r}")
    if isinstance(value, int | float):
        seconds = float(value)
    else:
        m = _INTERVAL.match(str(value))
        if not m:
            raise ConfigError(f"{where}: interval {value!r} is not understood; write seconds "
                              "(900) or a number with s, m, h or d ('15m', '2h')")
        seconds = float(m.group(1)) * _UNITS[m.group(2) or "s"]
    if seconds < 0:
        raise ConfigError(f"{where}: interval must not be negative")
    return seconds


def _table(d: Any, where: str) -> dict[str, Any]:
    if not isinstance(d, dict):
        raise ConfigError(f"{where}: expected a table, found {type(d).__name__}")
    return d


def _str(d: dict[str, Any], key: str, where: str, default: str | None = None) -> str | None:
    v = d.get(key, default)
    if v is not None and not isinstance(v, str):
        raise ConfigError(f"{where}: {key} must be a string, found {v!r}")
    return v


def _num(d: dict[str, Any], key: str, where: str, default: float, *, minimum: float = 0) -> float:
    v = d.get(key, default)
    if isinstance(v, bool) or not isinstance(v, int | float) or v < minimum:
        raise ConfigError(f"{where}: {key} must be a number ≥ {minimum:g}, found {v!r}")
    return float(v)


def _list(d: dict[str, Any], key: str, where: str, default: Sequence[str],
          allowed: Sequence[str]) -> tuple[str, ...]:
    v = d.get(key, list(default))
    if isinstance(v, str):
        v = [v]
    if not isinstance(v, list) or not v or not all(isinstance(x, str) for x in v):
        raise ConfigError(f"{where}: {key} must be a list of strings")
    bad = [x for x in v if x not in allowed]
    if bad:
        raise ConfigError(f"{where}: {key} {bad[0]!r} is not one of {', '.join(allowed)}")
    return tuple(dict.fromkeys(v))


def _private(value: Any, where: str) -> tuple[bool, tuple[Any, ...]]:
    if isinstance(value, bool):
        return value, ()
    if isinstance(value, list) and all(isinstance(x, str) for x in value):
        try:
            return False, tuple(ipaddress.ip_network(x, strict=False) for x in value)
        except ValueError as exc:
            raise ConfigError(f"{where}: allow_private: {exc}") from exc
    raise ConfigError(f"{where}: allow_private must be true, false or a list of networks "
                      "such as [\"127.0.0.1/32\"]")


def _source(d: dict[str, Any], n: int, base: Path) -> Source:
    where = f"[[sources]] #{n}"
    kind = _str(d, "kind", where, "feed")
    if kind not in KINDS:
        raise ConfigError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
    if kind == "folder":
        raw = _str(d, "path", where) or _str(d, "url", where)
        if not raw:
            raise ConfigError(f"{where}: a folder source needs path = \"…\"")
        p = Path(raw).expanduser()
        address = str((p if p.is_absolute() else base / p).resolve())
    else:
        address = (_str(d, "url", where) or "").strip()
        if not re.match(r"^https?://", address, re.IGNORECASE):
            raise ConfigError(f"{where}: url must be an http(s) URL, found {address!r}")
    known = {"kind", "url", "path", "name", "interval", "language", "outlet", "follow_links"}
    extra = sorted(set(d) - known)
    if extra:
        raise ConfigError(f"{where}: unknown key {extra[0]!r}; sources take "
                          f"{', '.join(sorted(known))}")
    follow = d.get("follow_links", False)
    if not isinstance(follow, bool):
        raise ConfigError(f"{where}: follow_links must be true or false")
    return Source(kind=kind, address=address, name=_str(d, "name", where) or address,
                  interval=parse_interval(d.get("interval", 3600), where),
                  language=_str(d, "language", where), outlet=_str(d, "outlet", where),
                  follow_links=follow)


def _topic(d: dict[str, Any], n: int, base: Path) -> FollowedTopic:
    where = f"[[topics]] #{n}"
    name = (_str(d, "name", where) or "").strip()
    query = (_str(d, "query", where) or name).strip()
    if not query:
        raise ConfigError(f"{where}: a topic needs a name or a query")
    out = _str(d, "output", where)
    output = None
    if out:
        p = Path(out).expanduser()
        output = p if p.is_absolute() else base / p
    return FollowedTopic(name=name or query, query=query,
                         languages=_list(d, "languages", where, ("en",), BRIEF_LANGS),
                         formats=_list(d, "formats", where, ("md",), BRIEF_FORMATS),
                         output=output)


def parse_config(text: str, path: Path | None = None) -> WatchConfig:
    """The configuration in ``text``; relative paths are taken from the file's folder."""
    name = str(path) if path else "the watch configuration"
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{name} is not valid TOML ({exc}); fix the line it names") from exc
    base = path.resolve().parent if path else Path.cwd()
    try:
        w = _table(data.get("watch", {}), "[watch]")
        allow, nets = _private(w.get("allow_private", False), "[watch]")
        pol = Politeness(
            user_agent=_str(w, "user_agent", "[watch]") or "",
            timeout=_num(w, "timeout", "[watch]", 20.0, minimum=0.01),
            retries=int(_num(w, "retries", "[watch]", 2)),
            backoff=_num(w, "backoff", "[watch]", 1.0),
            min_interval=_num(w, "min_interval", "[watch]", 1.0),
            per_host=int(_num(w, "per_host", "[watch]", 1, minimum=1)),
            workers=int(_num(w, "workers", "[watch]", 4, minimum=1)),
            max_bytes=int(_num(w, "max_mb", "[watch]", 10.0, minimum=0.001) * 1024 * 1024),
            max_items=int(_num(w, "max_items", "[watch]", 200, minimum=1)),
            allow_private=allow, private_networks=nets,
            robots=bool(w.get("robots", True)),
        )
        alerts = _str(w, "alerts", "[watch]")
        webhook = _str(w, "webhook", "[watch]")
        hook_private = w.get("webhook_allow_private", False)
        if not isinstance(hook_private, bool):
            raise ConfigError("[watch]: webhook_allow_private must be true or false")
        raw_sources = data.get("sources", [])
        raw_topics = data.get("topics", [])
        if not isinstance(raw_sources, list) or not isinstance(raw_topics, list):
            raise ConfigError("sources and topics must be arrays of tables: [[sources]], "
                              "[[topics]]")
        sources = tuple(_source(_table(d, f"[[sources]] #{i}"), i, base)
                        for i, d in enumerate(raw_sources, start=1))
        topics = tuple(_topic(_table(d, f"[[topics]] #{i}"), i, base)
                       for i, d in enumerate(raw_topics, start=1))
    except ConfigError as exc:
        raise ConfigError(f"{name}: {exc}") from None
    seen: dict[str, str] = {}
    for s in sources:
        if s.id in seen:
            raise ConfigError(f"{name}: the source {s.address} is listed twice")
        seen[s.id] = s.name
    alerts_dir = None
    if alerts:
        p = Path(alerts).expanduser()
        alerts_dir = p if p.is_absolute() else base / p
    return WatchConfig(path=path, sources=sources, topics=topics, politeness=pol,
                       alerts=alerts_dir, webhook=webhook, webhook_allow_private=hook_private)


def load_config(path: str | Path) -> WatchConfig:
    p = Path(path).expanduser()
    if not p.is_file():
        raise ConfigError(f"no watch configuration at {p}; create it (see 'Follow a story' in "
                          "the README) or run 'attache watch add OUTLET-OR-URL'")
    try:
        text = p.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read {p}: {exc}") from exc
    return parse_config(text, p)


# --- the outlet registry's feeds ---------------------------------------------------------------


@dataclass(frozen=True)
class OutletFeed:
    outlet_id: str
    outlet: str
    url: str
    language: str | None


def _registry_lines(extra: Sequence[str | Path]) -> list[str]:
    lines: list[str] = []
    shipped = resources.files("attache") / "data" / "outlets.jsonl"
    if shipped.is_file():
        lines += shipped.read_text("utf-8").splitlines()
    for item in extra:
        p = Path(item)
        for f in (sorted(p.rglob("*.jsonl")) if p.is_dir() else [p]):
            try:
                lines += f.read_text("utf-8").splitlines()
            except (OSError, UnicodeDecodeError) as exc:
                raise ConfigError(f"cannot read outlet file {f}: {exc}") from exc
    return lines


def outlet_feeds(name: str, extra: Sequence[str | Path] = ()) -> tuple[str, list[OutletFeed]]:
    """The registry name and the feeds of the outlet called ``name`` (id, name or variant)."""
    want = name.strip().casefold()
    found: dict[str, Any] | None = None
    for line in _registry_lines(extra):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
        except ValueError:
            continue  # the registry loader reports malformed lines; here we only look up
        names = [d.get("id", ""), d.get("name", ""), *d.get("variants", ())]
        if any(isinstance(x, str) and x.casefold() == want for x in names):
            found = d  # a later (user) entry wins, as in the registry
    if found is None:
        raise ConfigError(f"no outlet called {name!r} in the outlet registry; pass a feed URL "
                          "instead, or add the outlet with --outlets FILE")
    feeds = []
    for f in found.get("feeds") or ():
        if isinstance(f, str):
            feeds.append(OutletFeed(found["id"], found["name"], f, None))
        elif isinstance(f, dict) and isinstance(f.get("url"), str):
            feeds.append(OutletFeed(found["id"], found["name"], f["url"], f.get("language")))
    return str(found["name"]), feeds


def _toml_str(s: str) -> str:
    # A JSON string without non-ASCII escapes is a valid TOML basic string.
    return json.dumps(s, ensure_ascii=False)


def source_block(source: Source) -> str:
    lines = ["", "[[sources]]", f"name = {_toml_str(source.name)}",
             f"kind = {_toml_str(source.kind)}"]
    key = "path" if source.kind == "folder" else "url"
    lines.append(f"{key} = {_toml_str(source.address)}")
    lines.append(f"interval = {int(source.interval)}")
    if source.language:
        lines.append(f"language = {_toml_str(source.language)}")
    if source.outlet:
        lines.append(f"outlet = {_toml_str(source.outlet)}")
    if source.follow_links:
        lines.append("follow_links = true")
    return "\n".join(lines) + "\n"


def topic_block(topic: FollowedTopic) -> str:
    lines = ["", "[[topics]]", f"name = {_toml_str(topic.name)}",
             f"query = {_toml_str(topic.query)}",
             f"languages = [{', '.join(_toml_str(x) for x in topic.languages)}]",
             f"formats = [{', '.join(_toml_str(x) for x in topic.formats)}]"]
    if topic.output:
        lines.append(f"output = {_toml_str(str(topic.output))}")
    return "\n".join(lines) + "\n"


def append_blocks(path: str | Path, blocks: Sequence[str]) -> WatchConfig:
    """Append TOML blocks to the file (created if missing) after checking the result parses."""
    p = Path(path).expanduser()
    old = p.read_text("utf-8") if p.is_file() else (
        "# attache watch configuration: sources to follow and topics to brief.\n")
    new = old + ("" if old.endswith("\n") else "\n") + "".join(blocks)
    cfg = parse_config(new, p)
    try:
        p.write_text(new, "utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot write {p}: {exc.strerror}") from exc
    return cfg


def add_source(path: str | Path, what: str, *, kind: str | None = None,
               interval: float = 3600.0, language: str | None = None,
               outlet: str | None = None, extra_outlets: Sequence[str | Path] = ()
               ) -> list[Source]:
    """Add an outlet's registry feeds, a URL or a folder to the configuration; the new sources.

    Sources already in the file are not added twice.
    """
    p = Path(path).expanduser()
    current = load_config(p) if p.is_file() else WatchConfig(path=p)
    have = {s.id for s in current.sources}
    new: list[Source] = []
    if re.match(r"^https?://", what, re.IGNORECASE):
        new.append(Source(kind=kind or "feed", address=what, name=what, interval=interval,
                          language=language, outlet=outlet))
    elif kind == "folder" or Path(what).expanduser().is_dir():
        folder = str(Path(what).expanduser().resolve())
        new.append(Source(kind="folder", address=folder, name=folder, interval=interval,
                          language=language, outlet=outlet))
    else:
        name, feeds = outlet_feeds(what, extra_outlets)
        if not feeds:
            raise ConfigError(f"the outlet registry knows {name} but no feed of it; pass the "
                              "feed URL instead: attache watch add https://…")
        for f in feeds:
            label = f"{name} ({f.language})" if f.language else name
            new.append(Source(kind=kind or "feed", address=f.url, name=label,
                              interval=interval, language=language or f.language,
                              outlet=outlet or f.outlet_id))
    fresh = [s for s in new if s.id not in have]
    if fresh:
        append_blocks(p, [source_block(s) for s in fresh])
    return fresh
