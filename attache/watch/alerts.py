"""Change alerts: what a followed topic gained since the last alert, in a few lines.

A topic's snapshot (its events, figure groups, sources and languages, read through the public
:class:`~attache.evidence.EvidenceBase` methods) is kept in the watch state; the next alert is
the difference between the stored snapshot and the new one, together with the "what changed"
lines of the edition that was just written. No difference and no new edition, no alert.

Alerts are delivered at least once: the file is named after the alert's id (topic and edition
numbers), so a pass that is killed after writing it and runs again rewrites the same file; the
webhook receives the same ``id`` and can ignore a repeat.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from http.client import HTTPException
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Protocol

from attache.errors import AttacheError, InputError
from attache.model import make_id
from attache.watch.polite import USER_AGENT, guard_url

if TYPE_CHECKING:
    from attache.facade import Base

MAX_LINES = 20  # per category; a first edition lists everything, which can be long
_CATEGORIES = ("new_events", "new_figures", "revised_figures", "conflicts_opened",
               "conflicts_resolved", "new_sources", "new_languages")
_TITLES = {"new_events": "New events", "new_figures": "New figures",
           "revised_figures": "Revised figures", "conflicts_opened": "Conflicts opened",
           "conflicts_resolved": "Conflicts resolved", "new_sources": "New sources",
           "new_languages": "New languages", "what_changed": "What changed (from the brief)"}


@dataclass(frozen=True)
class Alert:
    """One topic's change digest; ``editions`` maps brief language to edition number."""

    id: str
    topic: str
    created_at: str
    editions: tuple[tuple[str, int], ...]
    new_events: tuple[str, ...] = ()
    new_figures: tuple[str, ...] = ()
    revised_figures: tuple[str, ...] = ()
    conflicts_opened: tuple[str, ...] = ()
    conflicts_resolved: tuple[str, ...] = ()
    new_sources: tuple[str, ...] = ()
    new_languages: tuple[str, ...] = ()
    what_changed: tuple[str, ...] = ()
    files: tuple[str, ...] = ()  # the brief files written for these editions

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"id": self.id, "topic": self.topic, "created_at": self.created_at,
                             "editions": dict(self.editions)}
        for k in (*_CATEGORIES, "what_changed", "files"):
            d[k] = list(getattr(self, k))
        return d

    def text(self) -> str:
        eds = ", ".join(f"{lang} edition {n}" for lang, n in self.editions)
        lines = [f"Topic {self.topic!r}: {eds}"]
        for k in (*_CATEGORIES, "what_changed"):
            values = getattr(self, k)
            if values:
                lines.append(f"  {_TITLES[k]}:")
                lines += [f"    - {v}" for v in values]
        lines += [f"  brief: {f}" for f in self.files]
        return "\n".join(lines)


def _event_label(e: Any) -> str:
    who = ", ".join(e.participants) or "unnamed participants"
    when = f" on {e.date}" if e.date else ""
    where = f" in {e.place}" if e.place else ""
    return f"{e.type} of {who}{when}{where}"


def snapshot(eb: Base, query: str) -> dict[str, Any]:
    """What an alert compares: events, figure groups, sources and languages of a topic."""
    events: dict[str, str] = {}
    outlets: set[str] = set()
    langs: set[str] = set()
    for e in eb.timeline(query):
        key = "|".join([e.type, e.date or "", *sorted(e.participants)])
        events[key] = _event_label(e)
        for r in e.reports:
            outlets.add(r.outlet)
            langs.add(r.language)
    figures: dict[str, dict[str, Any]] = {}
    for g in eb.figures(query).groups:
        key = "|".join([g.measure, g.unit, g.period or ""])
        figures[key] = {"label": g.measure, "spread": g.spread_text(), "verdict": g.verdict,
                        "figures": len(g.figures)}
        for f in g.figures:
            outlets.add(f.outlet)
            langs.add(f.language)
    for h in eb.search(query, limit=500):
        if h.outlet:
            outlets.add(h.outlet)
        langs.add(h.language)
    outlets.discard("")
    return {"events": events, "figures": figures, "sources": sorted(outlets),
            "languages": sorted(langs)}


def _cap(values: list[str]) -> tuple[str, ...]:
    if len(values) <= MAX_LINES:
        return tuple(values)
    return tuple(values[:MAX_LINES]) + (f"… and {len(values) - MAX_LINES} more",)


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    """The alert categories of ``after`` against ``before`` (an empty dict: everything new)."""
    old_ev, new_ev = before.get("events", {}), after.get("events", {})
    old_fig, new_fig = before.get("figures", {}), after.get("figures", {})
    out: dict[str, list[str]] = {k: [] for k in _CATEGORIES}
    out["new_events"] = [label for k, label in sorted(new_ev.items()) if k not in old_ev]
    for k, g in sorted(new_fig.items()):
        prev = old_fig.get(k)
        label = f"{g['label']}: {g['spread']} ({g['verdict']})"
        if prev is None:
            out["new_figures"].append(label)
        elif prev["spread"] != g["spread"] or prev["figures"] != g["figures"]:
            out["revised_figures"].append(
                f"{g['label']}: {prev['spread']} → {g['spread']}, {g['figures']} figure(s) "
                f"({g['verdict']})")
        if g["verdict"] == "conflict" and (prev is None or prev["verdict"] != "conflict"):
            out["conflicts_opened"].append(f"{g['label']}: {g['spread']}")
        if prev is not None and prev["verdict"] == "conflict" and g["verdict"] != "conflict":
            out["conflicts_resolved"].append(f"{g['label']}: now {g['verdict']}")
    for k, g in sorted(old_fig.items()):
        if g["verdict"] == "conflict" and k not in new_fig:
            out["conflicts_resolved"].append(f"{g['label']}: no longer reported apart")
    out["new_sources"] = sorted(set(after.get("sources", ())) - set(before.get("sources", ())))
    out["new_languages"] = sorted(set(after.get("languages", ()))
                                  - set(before.get("languages", ())))
    return {k: _cap(v) for k, v in out.items()}


def make_alert(topic: str, editions: dict[str, int], categories: dict[str, tuple[str, ...]],
               what_changed: tuple[str, ...], files: tuple[str, ...]) -> Alert | None:
    """The alert, or None when nothing is in it."""
    if not what_changed and not any(categories.values()):
        return None
    eds = tuple(sorted(editions.items()))
    return Alert(id=make_id("alert", topic.casefold(), json.dumps(eds)), topic=topic,
                 created_at=datetime.now(UTC).isoformat(timespec="seconds"), editions=eds,
                 what_changed=what_changed, files=files,
                 **{k: categories.get(k, ()) for k in _CATEGORIES})


def slug(text: str) -> str:
    s = re.sub(r"[^\w]+", "-", text.casefold()).strip("-")
    return s[:60] or "topic"


def write_alert(alert: Alert, folder: Path) -> Path:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{slug(alert.topic)}-{alert.id}.json"
        path.write_text(json.dumps(alert.to_dict(), ensure_ascii=False, indent=2), "utf-8")
    except OSError as exc:
        raise AttacheError(f"cannot write the alert to {folder}: {exc.strerror}; check the "
                           "alerts folder in the watch configuration") from exc
    return path


# --- the webhook ------------------------------------------------------------------------------


class Poster(Protocol):
    """Sends one JSON body to a URL; raises :class:`AttacheError` when it was not accepted."""

    def post(self, url: str, payload: dict[str, Any], *, timeout: float) -> None: ...


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req: urllib.request.Request, fp: IO[bytes], code: int,
                         msg: str, headers: Any, newurl: str) -> None:
        return None  # a redirected POST is refused: the target was never checked


class HttpPoster:
    def __init__(self, user_agent: str = USER_AGENT) -> None:
        self.user_agent = user_agent
        self._opener = urllib.request.build_opener(_NoRedirect(),
                                                   urllib.request.ProxyHandler({}))

    def post(self, url: str, payload: dict[str, Any], *, timeout: float) -> None:
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        req = urllib.request.Request(url, data=body, method="POST", headers={
            "Content-Type": "application/json; charset=utf-8", "User-Agent": self.user_agent})
        try:
            with self._opener.open(req, timeout=timeout) as resp:
                resp.read(65536)
        except urllib.error.HTTPError as exc:
            raise AttacheError(f"the webhook {url} answered HTTP {exc.code}; check the URL "
                               "(redirects are not followed)") from exc
        except (urllib.error.URLError, HTTPException, OSError, ValueError) as exc:
            raise AttacheError(f"the webhook {url} could not be reached ({exc}); the alert "
                               "is still in the alerts folder") from exc


class FakePoster:
    """Records what would have been sent."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, dict[str, Any]]] = []

    def post(self, url: str, payload: dict[str, Any], *, timeout: float) -> None:
        self.sent.append((url, payload))


def send_webhook(alert: Alert, url: str, poster: Poster, *, allow_private: bool,
                 timeout: float) -> None:
    """POST the alert as JSON, under the same address rules as fetching."""
    try:
        guard_url(url, allow_private)
    except InputError as exc:
        raise AttacheError(f"webhook {exc}") from exc
    poster.post(url, alert.to_dict(), timeout=timeout)
