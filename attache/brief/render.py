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
from dataclasses import dataclass, replace
from datetime import date
from pathlib import PurePosixPath
from urllib.parse import quote as url_quote
from urllib.parse import urlsplit

from attache.brief.model import Brief, Claim, Row, Section, Table
from attache.brief.strings import STRINGS, plural
from attache.citations import Citation

FORMATS: tuple[str, ...] = ("md", "html", "json")
_CJK = r"[\u3000-\u30ff\u3400-\u9fff\uf900-\uffef]"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class RenderOptions:
    """How a brief is written out. Local paths are shown by file name only (a brief is shared;
    the folders of the machine that wrote it are nobody's business) unless ``absolute_paths``."""

    absolute_paths: bool = False


DEFAULT_OPTIONS = RenderOptions()


def render(brief: Brief, fmt: str, options: RenderOptions | None = None) -> str:
    opts = options or DEFAULT_OPTIONS
    if fmt == "md":
        return to_markdown(brief, opts)
    if fmt == "html":
        return to_html(brief, opts)
    if fmt == "json":
        return to_json(brief, opts)
    raise ValueError(f"unknown brief format {fmt!r}; use one of {', '.join(FORMATS)}")


def display(text: str) -> str:
    """A quote on one line: PDF line breaks inside CJK text vanish, other whitespace folds,
    control and bidirectional-override characters are removed."""
    text = re.sub(rf"(?<={_CJK})\s*\n\s*(?={_CJK})", "", text)
    text = _CONTROL.sub("", text)
    return re.sub(r"\s+", " ", text).strip()


def _is_web(s: str | None) -> bool:
    return bool(s) and urlsplit(s or "").scheme.lower() in ("http", "https")


def shown_location(c: Citation, opts: RenderOptions = DEFAULT_OPTIONS) -> str:
    """Where a reader finds the source: its URL, else its path — the file name (and archive
    member) only, unless absolute paths were asked for."""
    for cand in (c.url, c.location):
        if _is_web(cand):
            return str(cand)
    path, _, member = c.location.partition("#")
    if not path:
        return ""
    shown = path if opts.absolute_paths else PurePosixPath(path).name
    return shown + (f"#{member}" if member else "")


def href(c: Citation, opts: RenderOptions = DEFAULT_OPTIONS) -> str:
    """A link target: http(s) as is; a local file as a ``file:`` URI only with absolute paths,
    else relative to the brief (which is usually written beside the corpus)."""
    for cand in (c.url, c.location):
        if _is_web(cand):
            return str(cand)
    if opts.absolute_paths:
        return c.href()
    name = shown_location(c, opts).split("#", 1)[0]
    return "./" + url_quote(name, safe="._-~") if name else ""


def source_numbers(brief: Brief) -> dict[str, int]:
    """doc id → the number it has in the reference list (what citation markers show)."""
    out: dict[str, int] = {}
    t = brief.table("sources")
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

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~<>#])")
_MD_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")


def md_escape(text: str) -> str:
    """Text that GitHub shows literally: no markup, no raw HTML, no table breaks.

    Only what Markdown would read is escaped, with backslashes (``\\|``, ``\\<``, ``\\*``);
    an ampersand is escaped only where it would start a character reference, so ``R&D``
    stays ``R&D`` and no ``&amp;`` reaches the reader. Line breaks fold into spaces.
    """
    text = _MD_SPECIAL.sub(r"\\\1", display(text))
    return _MD_ENTITY.sub(r"\\&", text)


def md_url(url: str) -> str:
    """A URL as a Markdown autolink target: nothing in it can close the link or a table."""
    safe = "".join(ch if ch.isascii() and ch.isprintable() and ch not in ' <>|"`\\' else
                   url_quote(ch, safe="") for ch in url)
    return f"<{safe}>"


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


def _md_cites(cs: Sequence[Citation], nums: dict[str, int]) -> str:
    seen = list(dict.fromkeys(nums.get(c.doc_id, 0) for c in cs))
    return "".join(f"\\[{n}\\]" for n in seen)


def _md_quote(c: Claim, nums: dict[str, int]) -> str:
    q = md_escape(c.text) if self_quoted(c.text) else f"“{md_escape(c.text)}”"
    gloss = f" — _{md_escape(c.gloss)}_" if c.gloss else (
        f" — {md_escape(c.outlet)} ({c.language})" if c.outlet else "")
    flag = f" ⚠ **{md_escape(c.flag)}**" if c.flag else ""
    return f"{q} {_md_cites(c.citations, nums)}{gloss}{flag}"


def _md_claim(c: Claim, nums: dict[str, int]) -> list[str]:
    if c.kind == "quote":
        return [f"- {_md_quote(c, nums)}"]
    lines = [f"- {md_escape(c.text)} {_md_cites(c.citations, nums)}"]
    lines += [f"  - {_md_quote(e, nums)}" for e in c.evidence]
    return lines


def _md_table(t: Table, nums: dict[str, int]) -> list[str]:
    if not t.rows:
        return []
    lines = ["| " + " | ".join(md_escape(c) for c in t.columns) + " | |",
             "|" + "---|" * (len(t.columns) + 1)]
    for r in t.rows:
        lines.append("| " + " | ".join(md_escape(c) or " " for c in r.cells) + " | "
                     + _md_cites(r.citations, nums) + " |")
    return lines + [""]


def _md_section(sec: Section, nums: dict[str, int], level: int) -> list[str]:
    lines = ["#" * level + " " + md_escape(sec.title), ""]
    body: list[str] = [line for c in sec.claims for line in _md_claim(c, nums)]
    if body:
        body.append("")
    for t in sec.tables:
        if t.name != "sources":
            body += _md_table(t, nums)
    for sub in sec.subsections:
        if not sub.empty:
            body += _md_section(sub, nums, level + 1)
    return lines + body


def _references(brief: Brief, nums: dict[str, int], opts: RenderOptions) -> list[str]:
    """The numbered reference list: outlet, kind, date, language, URL or file name, and every
    quote the brief cites from the source."""
    t = brief.table("sources")
    rows = {r.key: r for r in (t.rows if t else ())}
    quotes: dict[str, list[Citation]] = {}
    first: dict[str, Citation] = {}
    for c in brief.citations():
        first.setdefault(c.doc_id, c)
        lst = quotes.setdefault(c.doc_id, [])
        if all(x.key != c.key for x in lst):
            lst.append(c)
    out = []
    for doc_id, n in sorted(nums.items(), key=lambda kv: kv[1]):
        if doc_id not in first:
            continue
        r = rows.get(doc_id)
        where = shown_location(first[doc_id], opts)
        link = md_url(where) if _is_web(where) else md_escape(where)
        head = " · ".join(md_escape(x) for x in (r.cells[1:5] if r else ()) if x)
        out.append(f"{n}. {head + ' · ' if head else ''}{link}")
        for c in sorted(quotes[doc_id], key=lambda c: c.start)[:8]:
            out.append(f"   - “{md_escape(c.quote[:300])}”")
    return out


def to_markdown(brief: Brief, opts: RenderOptions = DEFAULT_OPTIONS) -> str:
    s = STRINGS[brief.lang]
    nums = source_numbers(brief)
    lines = [f"# {md_escape(brief.title)}", "", f"_{md_escape(_meta(brief))}_", ""]
    for sec in brief.sections:
        if sec.key == "references":
            continue
        lines += _md_section(sec, nums, 2)
    if brief.unverified:
        lines += [f"## {md_escape(s['unverified'])}", "", md_escape(s["unverified.note"]), ""]
        lines += [f"- {md_escape(u.text)} — _{md_escape(u.reason)}_" for u in brief.unverified]
        lines.append("")
    refs = _references(brief, nums, opts)
    if refs:
        lines += [f"## {md_escape(s['references'])}", "", *refs, ""]
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
ul.evidence{padding-left:18px;margin:3px 0 6px;font-size:14px}
.gloss{color:var(--muted);font-size:13px}.flag{color:var(--conflict);font-size:12px;font-weight:600}
td.link{word-break:break-all;max-width:360px}
"""


def _html_cites(cs: Sequence[Citation], nums: dict[str, int], opts: RenderOptions) -> str:
    out = []
    for c in cs:
        q = display(c.quote)
        out.append(
            f'<a class="cite" href="{esc(href(c, opts) or "#")}" title="{esc(q)}" '
            f'data-quote="{esc(q)}" data-doc="{esc(c.doc_id)}" data-start="{c.start}" '
            f'data-end="{c.end}">[{nums.get(c.doc_id, 0)}]</a>')
    return "".join(out)


def _html_quote(c: Claim, nums: dict[str, int], opts: RenderOptions) -> str:
    own = ' class="own"' if self_quoted(c.text) else ""
    gloss = (f' <span class="gloss">— {esc(c.gloss)}</span>' if c.gloss else
             f' <span class="who">— {esc(c.outlet)}</span>' if c.outlet else "")
    flag = f' <span class="flag">⚠ {esc(c.flag)}</span>' if c.flag else ""
    return (f'<li class="claim quote"><q lang="{esc(c.language)}"{own}>'
            f"{esc(display(c.text))}</q> {_html_cites(c.citations, nums, opts)}{gloss}{flag}"
            "</li>")


def _html_claim(c: Claim, nums: dict[str, int], opts: RenderOptions) -> str:
    if c.kind == "quote":
        return _html_quote(c, nums, opts)
    ev = ('<ul class="evidence">' + "".join(_html_quote(e, nums, opts) for e in c.evidence)
          + "</ul>") if c.evidence else ""
    return (f'<li class="claim statement">{esc(c.text)} '
            f"{_html_cites(c.citations, nums, opts)}{ev}</li>")


def _html_table(t: Table, nums: dict[str, int], cls: str, opts: RenderOptions) -> str:
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
                cell = shown_location(r.citations[0], opts) if r.citations else cell
            cells.append(f"<td{col_cls}>{esc(cell)}</td>")
        body.append(f"<tr{rc}>{''.join(cells)}<td>{_html_cites(r.citations, nums, opts)}"
                    "</td></tr>")
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


def _html_section(sec: Section, nums: dict[str, int], level: int, s: dict[str, str],
                  opts: RenderOptions) -> str:
    out = [f'<section id="sec-{esc(sec.key)}" class="section {esc(sec.key)}">',
           f"<h{level}>{esc(sec.title)}</h{level}>"]
    body = []
    if sec.key == "timeline":
        t = sec.table("timeline")
        body.append(timeline_svg(t.rows if t else (), s["chart"], s["chart.earlier"]))
    if sec.claims:
        body.append('<ul class="claims">' + "".join(_html_claim(c, nums, opts)
                                                    for c in sec.claims) + "</ul>")
    body += [_html_table(t, nums, t.name, opts) for t in sec.tables]
    body += [_html_section(x, nums, level + 1, s, opts) for x in sec.subsections
             if not x.empty]
    body = [b for b in body if b]
    if not body or (sec.key == "timeline" and len(body) == 1):
        body.append(f'<p class="empty">{esc(s["empty"])}</p>')
    return "".join(out + body) + "</section>"


def to_html(brief: Brief, opts: RenderOptions = DEFAULT_OPTIONS) -> str:
    s = STRINGS[brief.lang]
    nums = source_numbers(brief)
    toc = "".join(f'<a href="#sec-{esc(sec.key)}">{esc(sec.title)}</a>' for sec in brief.sections)
    sections = "".join(_html_section(sec, nums, 2, s, opts) for sec in brief.sections)
    unverified = ""
    if brief.unverified:
        items = "".join(f"<li>{esc(u.text)} <em>— {esc(u.reason)}</em></li>"
                        for u in brief.unverified)
        unverified = (f'<section id="sec-unverified" class="section unverified">'
                      f"<h2>{esc(s['unverified'])}</h2><p>{esc(s['unverified.note'])}</p>"
                      f"<ul>{items}</ul></section>")
    dropped = (f'<p class="dropped">{esc(dropped_note(brief.lang, len(brief.dropped)))}</p>'
               if brief.dropped else "")
    page_lang = {"zh": "zh-Hans"}.get(brief.lang, brief.lang)
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
        f"{sections}{unverified}{dropped}</main></body></html>\n"
    )


# --- JSON -------------------------------------------------------------------------------------


def to_json(brief: Brief, opts: RenderOptions = DEFAULT_OPTIONS) -> str:
    """Every claim with its citations (``doc_id``, ``start``, ``end``, ``quote``); local paths
    reduced to file names unless absolute paths were asked for."""
    if not opts.absolute_paths:
        brief = _local_names(brief, opts)
    d = brief.to_dict()
    nums = source_numbers(brief)
    d["source_numbers"] = nums
    d["citations"] = [c.to_dict() for c in _all_unique(brief.citations())]
    return json.dumps(d, ensure_ascii=False, indent=2) + "\n"


def _local_names(brief: Brief, opts: RenderOptions) -> Brief:
    def cite(c: Citation) -> Citation:
        return replace(c, location=shown_location(replace(c, url=None), opts))

    def claim(c: Claim) -> Claim:
        return replace(c, citations=tuple(cite(x) for x in c.citations),
                       evidence=tuple(claim(e) for e in c.evidence))

    def section(s: Section) -> Section:
        tables = tuple(replace(t, rows=tuple(_row(r) for r in t.rows)) for t in s.tables)
        return replace(s, claims=tuple(claim(c) for c in s.claims), tables=tables,
                       subsections=tuple(section(x) for x in s.subsections))

    def _row(r: Row) -> Row:
        cites = tuple(cite(x) for x in r.citations)
        cells = r.cells
        if r.citations and r.cells and r.cells[-1] == r.citations[0].location:
            cells = (*r.cells[:-1], cites[0].location)
        return replace(r, citations=cites, cells=cells)

    return replace(brief, sections=tuple(section(s) for s in brief.sections))


def _all_unique(cs: Iterable[Citation]) -> list[Citation]:
    seen: set[tuple[str, int, int]] = set()
    out = []
    for c in cs:
        if c.key not in seen:
            seen.add(c.key)
            out.append(c)
    return sorted(out, key=lambda c: c.key)
