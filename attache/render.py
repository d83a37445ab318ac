"""Rendering a verified brief: Markdown for GitHub, one self-contained HTML file, JSON.

Document text is untrusted (it comes from the web), so every piece of it is escaped for the
format it lands in; the HTML page carries a Content-Security-Policy that forbids scripts and
network access, so even a mistake here could not make it phone home. Citations show their quote
on hover and link to the source's URL or file path; each is numbered after the source list.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date

from attache.brief import STRINGS, Brief, Claim, Row, Section, Table, plural
from attache.citations import Citation

FORMATS: tuple[str, ...] = ("md", "html", "json")
_CJK = r"[\u3000-\u30ff\u3400-\u9fff\uf900-\uffef]"


def render(brief: Brief, fmt: str) -> str:
    if fmt == "md":
        return to_markdown(brief)
    if fmt == "html":
        return to_html(brief)
    if fmt == "json":
        return to_json(brief)
    raise ValueError(f"unknown brief format {fmt!r}; use one of {', '.join(FORMATS)}")


def display(text: str) -> str:
    """A quote on one line: PDF line breaks inside CJK text vanish, other whitespace folds."""
    text = re.sub(rf"(?<={_CJK})\s*\n\s*(?={_CJK})", "", text)
    return re.sub(r"\s+", " ", text).strip()


def source_numbers(brief: Brief) -> dict[str, int]:
    """doc id → the number it has in the source list (what citation markers show)."""
    out: dict[str, int] = {}
    sec = brief.section("sources")
    t = sec.table("sources") if sec else None
    for row in t.rows if t else ():
        try:
            out[row.key] = int(row.cells[0])
        except (ValueError, IndexError):
            continue
    for c in brief.citations():
        out.setdefault(c.doc_id, len(out) + 1)
    return out


def _meta(brief: Brief) -> str:
    s = STRINGS[brief.lang]
    created = (brief.created_at or date.today().isoformat())[:10]
    return s["meta"].format(edition=brief.edition, created=created, key=brief.evidence_key[:12])


# --- Markdown ---------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~<])")
_MD_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")


def md_escape(text: str) -> str:
    """Text that GitHub shows literally: no markup, no raw HTML, no table breaks.

    Only what Markdown would read is escaped, with backslashes (``\\|``, ``\\<``, ``\\*``);
    an ampersand is escaped only where it would start a character reference, so ``R&D``
    stays ``R&D`` and no ``&amp;`` reaches the reader. Line breaks fold into spaces.
    """
    text = _MD_SPECIAL.sub(r"\\\1", display(text))
    return _MD_ENTITY.sub(r"\\&", text)


_OPEN_QUOTES = "“\"「『«„"
_CLOSE_QUOTES = "”\"」』»“"


def self_quoted(text: str) -> bool:
    """Whether a quote already starts or ends with quotation marks of its own."""
    t = display(text)
    core = t.rstrip("。．.！!？?；;,，…")
    return bool(t) and (t[0] in _OPEN_QUOTES or (bool(core) and core[-1] in _CLOSE_QUOTES))


def dropped_note(lang: str, n: int) -> str:
    return STRINGS[lang]["dropped"].format(
        n=n, n_citations=plural(n, "citation", "citations"), were="was" if n == 1 else "were")


def _md_title(text: str) -> str:
    # Entities, not backslashes: GitHub decodes them in link titles and shows them literally.
    t = display(text)[:400]
    return (t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("\\", "&#92;"))


def _md_href(c: Citation) -> str:
    href = c.href().replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")
    return href or "#"


def _md_cites(cs: Sequence[Citation], nums: dict[str, int]) -> str:
    return " ".join(f'[\\[{nums.get(c.doc_id, 0)}\\]](<{_md_href(c)}> "{_md_title(c.quote)}")'
                    for c in cs)


def _md_claim(c: Claim, nums: dict[str, int]) -> str:
    if c.kind == "quote":
        who = f" — {md_escape(c.outlet)}" if c.outlet else ""
        q = md_escape(c.text) if self_quoted(c.text) else f"“{md_escape(c.text)}”"
        return f"- {q}{who} ({c.language}) {_md_cites(c.citations, nums)}"
    return f"- {md_escape(c.text)} {_md_cites(c.citations, nums)}"


def _md_table(t: Table, nums: dict[str, int]) -> list[str]:
    if not t.rows:
        return []
    lines = ["| " + " | ".join(md_escape(c) for c in t.columns) + " | |",
             "|" + "---|" * (len(t.columns) + 1)]
    for r in t.rows:
        lines.append("| " + " | ".join(md_escape(c) for c in r.cells) + " | "
                     + _md_cites(r.citations, nums) + " |")
    return lines + [""]


def _md_section(sec: Section, nums: dict[str, int], level: int, empty: str) -> list[str]:
    lines = ["#" * level + " " + md_escape(sec.title), ""]
    body: list[str] = [_md_claim(c, nums) for c in sec.claims]
    if body:
        body.append("")
    for t in sec.tables:
        body += _md_table(t, nums)
    for sub in sec.subsections:
        body += _md_section(sub, nums, level + 1, empty)
    if not body:
        body = [f"_{empty}_", ""]
    return lines + body


def to_markdown(brief: Brief) -> str:
    s = STRINGS[brief.lang]
    nums = source_numbers(brief)
    lines = [f"# {md_escape(brief.title)}", "", f"_{md_escape(_meta(brief))}_", ""]
    for sec in brief.sections:
        lines += _md_section(sec, nums, 2, s["empty"])
    if brief.dropped:
        lines += [f"_{md_escape(dropped_note(brief.lang, len(brief.dropped)))}_", ""]
    return "\n".join(lines).rstrip() + "\n"


# --- HTML -------------------------------------------------------------------------------------


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


_CSS = """
:root{--ink:#1d2430;--muted:#5b6575;--line:#d8dde6;--accent:#1f5fa8;--bg:#fbfbfd;
--agree:#2e7d32;--conflict:#c62828;--update:#ef6c00;--single:#6d6d6d}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.55 -apple-system,"Segoe UI",
"Noto Sans","Noto Sans CJK SC","WenQuanYi Zen Hei",Roboto,Arial,sans-serif}
main{max-width:1180px;margin:0 auto;padding:28px 36px 60px}
h1{font-size:28px;margin:0 0 4px}h2{font-size:21px;margin:34px 0 10px;padding-bottom:4px;
border-bottom:2px solid var(--line)}h3{font-size:17px;margin:20px 0 6px;color:var(--accent)}
.meta{color:var(--muted);font-size:13px;margin-bottom:10px}
nav.toc{font-size:13px;margin:8px 0 0}nav.toc a{margin-right:12px;color:var(--accent);
text-decoration:none}
ul.claims{padding-left:20px;margin:6px 0}ul.claims li{margin:5px 0}
li.quote q{quotes:"\\201C" "\\201D"}li.quote q.own{quotes:none}
li.quote .who{color:var(--muted);font-size:13px}
li.statement{list-style:square}
a.cite{position:relative;display:inline-block;font-size:11px;vertical-align:super;
color:var(--accent);text-decoration:none;padding:0 1px}
a.cite:hover::after,a.cite:focus::after{content:attr(data-quote);position:absolute;left:0;
top:1.6em;z-index:10;width:max-content;max-width:420px;white-space:normal;background:#fff;
color:var(--ink);border:1px solid var(--line);border-radius:6px;padding:6px 8px;
font-size:12px;line-height:1.4;box-shadow:0 4px 14px rgba(0,0,0,.15)}
table{border-collapse:collapse;width:100%;margin:8px 0 14px;font-size:13px;background:#fff}
th,td{border:1px solid var(--line);padding:5px 7px;text-align:left;vertical-align:top}
th{background:#eef2f7;font-weight:600}
td.verdict{font-weight:600}
tr.verdict-conflict td.verdict{color:var(--conflict)}tr.verdict-agree td.verdict{color:var(--agree)}
tr.verdict-update td.verdict{color:var(--update)}
tr.verdict-single-source td.verdict{color:var(--single)}
.chart{background:#fff;border:1px solid var(--line);border-radius:6px;margin:8px 0}
.chart text{font-size:11px;fill:var(--muted)}
.empty,.dropped{color:var(--muted);font-style:italic}
td.link{word-break:break-all;max-width:360px}
"""


def _html_cites(cs: Sequence[Citation], nums: dict[str, int]) -> str:
    out = []
    for c in cs:
        q = display(c.quote)
        out.append(
            f'<a class="cite" href="{esc(c.href() or "#")}" title="{esc(q)}" '
            f'data-quote="{esc(q)}" data-doc="{esc(c.doc_id)}" data-start="{c.start}" '
            f'data-end="{c.end}">[{nums.get(c.doc_id, 0)}]</a>')
    return "".join(out)


def _html_claim(c: Claim, nums: dict[str, int]) -> str:
    cites = _html_cites(c.citations, nums)
    if c.kind == "quote":
        who = f' <span class="who">— {esc(c.outlet)}</span>' if c.outlet else ""
        own = ' class="own"' if self_quoted(c.text) else ""
        return (f'<li class="claim quote"><q lang="{esc(c.language)}"{own}>'
                f"{esc(display(c.text))}</q>{who} {cites}</li>")
    return f'<li class="claim statement">{esc(c.text)} {cites}</li>'


def _html_table(t: Table, nums: dict[str, int], cls: str) -> str:
    if not t.rows:
        return ""
    head = "".join(f"<th>{esc(c)}</th>" for c in t.columns) + "<th></th>"
    body = []
    for r in t.rows:
        rc = f' class="verdict-{esc(r.verdict)}"' if r.verdict else ""
        cells = []
        for i, cell in enumerate(r.cells):
            col_cls = ""
            if cls == "figures" and i == 3:
                col_cls = ' class="verdict"'
            if cls == "sources" and i == len(r.cells) - 1:
                col_cls = ' class="link"'
            cells.append(f"<td{col_cls}>{esc(cell)}</td>")
        body.append(f"<tr{rc}>{''.join(cells)}<td>{_html_cites(r.citations, nums)}</td></tr>")
    return (f'<table class="{esc(cls)}"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table>")


def _year(d: str | None) -> float | None:
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", d or "")
    if not m:
        return None
    y, mo, da = int(m.group(1)), int(m.group(2) or 6), int(m.group(3) or 15)
    return y + (mo - 1) / 12 + (da - 1) / 365


CHART_WIDTH, CHART_HEIGHT = 1100, 270
_LEFT, _RIGHT, _AXIS_Y = 40, 40, 205
_LANES, _LANE_H, _LANE0 = 8, 20, 34
_EARLIER_W = 110  # room at the left of a broken axis for the "earlier" marker
MAX_TICKS = 8
_TICK_MONTHS = (1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200)


def text_width(text: str, size: float = 11.0) -> float:
    """A generous estimate of a label's width in the chart's font (CJK glyphs are square)."""
    return sum(size if unicodedata.east_asian_width(ch) in "WF" else size * 0.6
               for ch in text)


def split_outliers(ys: Sequence[float]) -> int:
    """How many of the sorted dates ``ys`` lie decades before the rest (drawn as "earlier").

    The widest gap among the first quarter of the points is cut while it is at least three
    years and 40 % of the remaining span, so a 1972 anniversary does not squeeze 2025 into a
    corner of the axis.
    """
    n, cut = len(ys), 0
    limit = max(1, n // 4)
    while n - cut >= 2:
        rest = ys[cut:]
        span = rest[-1] - rest[0]
        gaps = [(rest[i] - rest[i - 1], i) for i in range(1, len(rest))
                if cut + i <= limit]
        if not gaps:
            break
        gap, i = max(gaps)
        if gap < 3 or gap < 0.4 * span:
            break
        cut += i
    return cut


def axis_ticks(lo: float, hi: float) -> list[tuple[float, str]]:
    """At most :data:`MAX_TICKS` ticks between ``lo`` and ``hi``: months, years or decades."""
    for step in _TICK_MONTHS:
        first = int(lo * 12) + 1  # months since year 0, the first whole month after lo
        ticks = []
        for m in range(first + (-first) % step, int(hi * 12) + 1, step):
            y, mo = divmod(m, 12)
            label = str(y) if step >= 12 or mo == 0 else f"{y}-{mo + 1:02d}"
            ticks.append((y + mo / 12, label))
            if len(ticks) > MAX_TICKS:
                break
        if len(ticks) <= MAX_TICKS:
            return ticks
    return []


def timeline_svg(rows: Sequence[Row], caption: str, earlier: str = "earlier: {n}") -> str:
    """An inline SVG: events on a date axis, circle size by independent sources.

    Labels never overlap: each takes the lowest free lane above its event, and one that fits
    nowhere is left out (every event keeps its full text as a hover title). Events decades
    before the rest are gathered into one "earlier" marker behind a break in the axis.
    """
    pts = sorted(((y, r) for r in rows if (y := _year(r.date)) is not None),
                 key=lambda p: p[0])
    width, height, axis_y = CHART_WIDTH, CHART_HEIGHT, _AXIS_Y
    parts = [f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" '
             f'viewBox="0 0 {width} {height}" width="100%" aria-label="{esc(caption)}">',
             f"<title>{esc(caption)}</title>"]
    cut = split_outliers([y for y, _ in pts])
    outliers, pts = pts[:cut], pts[cut:]
    x0 = _LEFT + (_EARLIER_W if outliers else 0)
    x1 = width - _RIGHT
    parts.append(f'<line x1="{x0}" y1="{axis_y}" x2="{x1}" y2="{axis_y}" '
                 f'stroke="#8a94a6" stroke-width="1.5"/>')
    if outliers:
        mx = _LEFT + 24
        tip = "\n".join(_event_tip(r) for _, r in outliers)
        label = earlier.format(n=len(outliers))
        parts.append(
            f'<g class="earlier"><title>{esc(tip)}</title>'
            f'<line x1="{_LEFT}" y1="{axis_y}" x2="{x0 - 22}" y2="{axis_y}" stroke="#8a94a6" '
            f'stroke-width="1.5" stroke-dasharray="3 3"/>'
            f'<path d="M{x0 - 16},{axis_y + 7} l6,-14 M{x0 - 9},{axis_y + 7} l6,-14" '
            f'stroke="#8a94a6" stroke-width="1.5" fill="none"/>'
            f'<rect x="{mx - 6}" y="{axis_y - 6}" width="12" height="12" fill="#8a94a6" '
            f'fill-opacity="0.6" transform="rotate(45 {mx} {axis_y})"/>'
            f'<text x="{mx}" y="{axis_y + 40}" text-anchor="middle">{esc(label)}</text></g>')
    if pts:
        lo, hi = pts[0][0], pts[-1][0]
        if hi - lo < 0.5:
            mid = (lo + hi) / 2
            lo, hi = mid - 0.25, mid + 0.25
        pad = (hi - lo) * 0.03
        lo, hi = lo - pad, hi + pad
        span = hi - lo

        def x(y: float) -> float:
            return x0 + (y - lo) / span * (x1 - x0)

        for ty, label in axis_ticks(lo, hi):
            parts.append(f'<line x1="{x(ty):.1f}" y1="{axis_y - 4}" x2="{x(ty):.1f}" '
                         f'y2="{axis_y + 4}" stroke="#8a94a6"/><text x="{x(ty):.1f}" '
                         f'y="{axis_y + 40}" text-anchor="middle">{esc(label)}</text>')
        # The best-reported events claim the low lanes first; a label that fits in no lane
        # is left out rather than drawn over another.
        lanes: list[list[tuple[float, float]]] = [[] for _ in range(_LANES)]
        labels: dict[int, str] = {}
        for i in sorted(range(len(pts)), key=lambda i: (-pts[i][1].weight, pts[i][0])):
            y, r = pts[i]
            cx = x(y)
            label = f"{r.cells[0]} {r.cells[1]}"
            w = text_width(label)
            lx = min(max(cx, x0 + w / 2), width - 4 - w / 2)  # keep the label on the canvas
            a, b = lx - w / 2 - 4, lx + w / 2 + 4
            lane = next((k for k in range(_LANES)
                         if all(b <= u or a >= v for u, v in lanes[k])), None)
            if lane is None:
                continue
            lanes[lane].append((a, b))
            labels[i] = (f'<text x="{lx:.1f}" y="{axis_y - _LANE0 - _LANE_H * lane}" '
                         f'text-anchor="middle">{esc(label)}</text>')
        for i, (y, r) in enumerate(pts):
            rad = 4 + 2.5 * min(r.weight, 8)
            parts.append(f'<g class="event"><title>{esc(_event_tip(r))}</title>'
                         f'<circle cx="{x(y):.1f}" cy="{axis_y}" r="{rad:.1f}" '
                         f'fill="#1f5fa8" fill-opacity="0.45" stroke="#1f5fa8"/>'
                         f'{labels.get(i, "")}</g>')
    parts.append("</svg>")
    return "".join(parts)


def _event_tip(r: Row) -> str:
    return " · ".join(str(c) for c in (r.cells[0], r.cells[1], r.cells[2], r.cells[-1]))


def _html_section(sec: Section, nums: dict[str, int], level: int, empty: str,
                  caption: str, earlier: str = "earlier: {n}") -> str:
    out = [f'<section id="sec-{esc(sec.key)}" class="section {esc(sec.key)}">',
           f"<h{level}>{esc(sec.title)}</h{level}>"]
    body = []
    if sec.key == "timeline":
        t = sec.table("timeline")
        body.append(timeline_svg(t.rows if t else (), caption, earlier))
    if sec.claims:
        body.append('<ul class="claims">' + "".join(_html_claim(c, nums) for c in sec.claims)
                    + "</ul>")
    body += [_html_table(t, nums, t.name) for t in sec.tables]
    body += [_html_section(s, nums, level + 1, empty, caption, earlier)
             for s in sec.subsections]
    body = [b for b in body if b]
    if not body or (sec.key == "timeline" and len(body) == 1):
        body.append(f'<p class="empty">{esc(empty)}</p>')
    return "".join(out + body) + "</section>"


def to_html(brief: Brief) -> str:
    s = STRINGS[brief.lang]
    nums = source_numbers(brief)
    toc = "".join(f'<a href="#sec-{esc(sec.key)}">{esc(sec.title)}</a>' for sec in brief.sections)
    sections = "".join(_html_section(sec, nums, 2, s["empty"], s["chart"], s["chart.earlier"])
                       for sec in brief.sections)
    dropped = (f'<p class="dropped">{esc(dropped_note(brief.lang, len(brief.dropped)))}</p>'
               if brief.dropped else "")
    page_lang = "zh-Hans" if brief.lang == "zh" else "en"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{page_lang}"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'\">"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="generator" content="attache">'
        f"<title>{esc(brief.title)}</title><style>{_CSS}</style></head>"
        f'<body><main><header><h1>{esc(brief.title)}</h1>'
        f'<div class="meta">{esc(_meta(brief))}</div><nav class="toc">{toc}</nav></header>'
        f"{sections}{dropped}</main></body></html>\n"
    )


# --- JSON -------------------------------------------------------------------------------------


def to_json(brief: Brief) -> str:
    d = brief.to_dict()
    nums = source_numbers(brief)
    d["source_numbers"] = nums
    d["citations"] = [c.to_dict() for c in _all_unique(brief.citations())]
    return json.dumps(d, ensure_ascii=False, indent=2) + "\n"


def _all_unique(cs: Iterable[Citation]) -> list[Citation]:
    seen: set[tuple[str, int, int]] = set()
    out = []
    for c in cs:
        if c.key not in seen:
            seen.add(c.key)
            out.append(c)
    return sorted(out, key=lambda c: c.key)
