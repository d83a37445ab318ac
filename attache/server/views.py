"""Shapes the pages draw: highlighted text segments and chart geometry.

Nothing here writes markup. It returns plain numbers and strings, and the templates (with
autoescaping) turn them into HTML and inline SVG, so source text is escaped in one place.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Segment:
    text: str
    classes: tuple[str, ...]
    entity: str | None = None  # entity id, for a link to its page
    title: str | None = None
    anchor: bool = False  # the first piece of the quoted span: the page scrolls here


def segments(text: str, view: dict[str, Any], quote: tuple[int, int] | None = None
             ) -> list[Segment]:
    """The document text cut where any highlight starts or ends, each piece with its classes."""
    spans: list[tuple[int, int, str, str | None, str | None]] = []
    for s in view["sentences"]:
        if s["boilerplate"]:
            spans.append((s["start"], s["end"], "boiler", None, s["boilerplate"]))
    ex = view["extraction"]
    for e in ex["entities"]:
        for m in e["mentions"]:
            spans.append((m["start"], m["end"], "ent", e["id"], f"{e['name']} ({e['type']})"))
    for f in ex["figures"]:
        label = f"{f['value']:g} {f['unit']} ({f['qualifier']})"
        if f.get("subject"):
            label += f" · {f['subject']}"
        spans.append((f["start"], f["end"], "fig", None, label))
    for d in view["dates"]:
        spans.append((d["start"], d["end"], "date", None, d["value"]))
    n = len(text)
    if quote is not None:
        qs, qe = max(0, min(quote[0], n)), max(0, min(quote[1], n))
        if qs < qe:
            spans.append((qs, qe, "quote", None, None))
    cuts = {0, n}
    for s, e, *_ in spans:
        cuts.add(max(0, min(s, n)))
        cuts.add(max(0, min(e, n)))
    bounds = sorted(cuts)
    out: list[Segment] = []
    anchored = False
    for a, b in zip(bounds, bounds[1:], strict=False):
        if a >= b:
            continue
        classes: list[str] = []
        entity = None
        titles: list[str] = []
        for s, e, cls, ent, title in spans:
            if s <= a and b <= e:
                if cls not in classes:
                    classes.append(cls)
                if ent and entity is None:
                    entity = ent
                if title and title not in titles:
                    titles.append(title)
        anchor = "quote" in classes and not anchored
        anchored = anchored or anchor
        out.append(Segment(text[a:b], tuple(classes), entity, " · ".join(titles) or None,
                           anchor))
    return out


def marked(text: str, highlights: Sequence[Sequence[int]]) -> list[tuple[str, bool]]:
    """A search hit's sentence as (piece, highlighted) pairs."""
    out: list[tuple[str, bool]] = []
    pos = 0
    for s, e in highlights:
        if s > pos:
            out.append((text[pos:s], False))
        out.append((text[s:e], True))
        pos = e
    if pos < len(text):
        out.append((text[pos:], False))
    return out


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    value: int


def bars(points: Sequence[tuple[str, int]], width: int = 640, height: int = 160
         ) -> list[Bar]:
    """Bars for counts by month (mentions over time), scaled to the largest count."""
    if not points:
        return []
    top = max(v for _, v in points) or 1
    inner = height - 30
    step = (width - 40) / len(points)
    w = max(2.0, step * 0.8)
    return [Bar(x=round(30 + i * step, 1), y=round(10 + inner - inner * v / top, 1),
                width=round(w, 1), height=round(inner * v / top, 1), label=label, value=v)
            for i, (label, v) in enumerate(points)]


@dataclass(frozen=True)
class Node:
    x: float
    y: float
    r: float
    label: str
    id: str
    weight: int


def star(center: str, center_id: str, others: Sequence[dict[str, Any]], size: int = 360
         ) -> tuple[Node, list[Node]]:
    """A small graph: the entity in the middle, co-occurring entities around it."""
    c = size / 2
    hub = Node(c, c, 22, center, center_id, 0)
    if not others:
        return hub, []
    top = max(int(o["documents"]) for o in others) or 1
    ring = size / 2 - 48
    nodes = []
    for i, o in enumerate(others):
        angle = 2 * math.pi * i / len(others) - math.pi / 2
        nodes.append(Node(round(c + ring * math.cos(angle), 1),
                          round(c + ring * math.sin(angle), 1),
                          round(6 + 10 * int(o["documents"]) / top, 1),
                          str(o["name"]), str(o["id"]), int(o["documents"])))
    return hub, nodes


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    r: float
    label: str
    date: str
    id: str


def timeline_dots(events: Sequence[dict[str, Any]], width: int = 900, height: int = 180
                  ) -> tuple[list[Dot], list[tuple[float, str]]]:
    """Events placed by date on one axis (dated ones only), with year ticks."""
    dated = [e for e in events if e.get("date") and e["date"][:4].isdigit()]
    if not dated:
        return [], []

    def when(d: str) -> float:
        parts = d.split("/")[0].split("-")
        y = int(parts[0])
        m = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 6
        day = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else 15
        return y + (m - 1) / 12 + (day - 1) / 365

    xs = [when(e["date"]) for e in dated]
    lo, hi = min(xs), max(xs)
    if hi - lo < 0.5:
        lo, hi = lo - 0.25, hi + 0.25
    span = hi - lo

    def x(v: float) -> float:
        return round(40 + (width - 80) * (v - lo) / span, 1)

    lanes: dict[int, float] = {}
    dots = []
    for e, v in sorted(zip(dated, xs, strict=True), key=lambda p: p[1]):
        px = x(v)
        lane = 0
        while lanes.get(lane, -1e9) > px - 14:
            lane += 1
        lanes[lane] = px
        dots.append(Dot(px, round(height - 40 - (lane % 6) * 20, 1),
                        round(4 + 2 * min(int(e.get("independent_sources") or 1), 5), 1),
                        f"{e['type']}: {', '.join(e.get('participants') or [])}",
                        e["date"], str(e.get("id") or "")))
    ticks = [(x(float(y)), str(y)) for y in range(math.ceil(lo), math.floor(hi) + 1)]
    return dots, ticks
