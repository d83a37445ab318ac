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
from collections.abc import Iterable, Sequence
from datetime import date

from attache.brief import STRINGS, Brief, Claim, Row, Section, Table
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

_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|~])")


def md_escape(text: str) -> str:
    """Text that GitHub shows literally: no markup, no raw HTML, no table breaks."""
    text = display(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


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
        return f"- “{md_escape(c.text)}”{who} ({c.language}) {_md_cites(c.citations, nums)}"
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
        lines += [f"_{md_escape(s['dropped'].format(n=len(brief.dropped)))}_", ""]
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
li.quote q{quotes:"\\201C" "\\201D"}li.quote .who{color:var(--muted);font-size:13px}
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
        return (f'<li class="claim quote"><q lang="{esc(c.language)}">{esc(display(c.text))}'
                f"</q>{who} {cites}</li>")
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


def timeline_svg(rows: Sequence[Row], caption: str) -> str:
    """An inline SVG: events on a date axis, circle size by independent sources."""
    pts = [(y, r) for r in rows if (y := _year(r.date)) is not None]
    width, height, left, right, axis_y = 1100, 230, 40, 40, 170
    parts = [f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" '
             f'viewBox="0 0 {width} {height}" width="100%" aria-label="{esc(caption)}">',
             f"<title>{esc(caption)}</title>",
             f'<line x1="{left}" y1="{axis_y}" x2="{width - right}" y2="{axis_y}" '
             f'stroke="#8a94a6" stroke-width="1.5"/>']
    if pts:
        lo, hi = min(y for y, _ in pts), max(y for y, _ in pts)
        if hi - lo < 0.5:
            lo, hi = lo - 0.5, hi + 0.5
        span = hi - lo

        def x(y: float) -> float:
            return left + (y - lo) / span * (width - left - right)

        for yr in range(int(lo) + 1 if lo % 1 else int(lo), int(hi) + 1):
            parts.append(f'<line x1="{x(yr):.1f}" y1="{axis_y - 4}" x2="{x(yr):.1f}" '
                         f'y2="{axis_y + 4}" stroke="#8a94a6"/><text x="{x(yr):.1f}" '
                         f'y="{axis_y + 20}" text-anchor="middle">{yr}</text>')
        last_x = -100.0
        lane = 0
        for y, r in sorted(pts, key=lambda p: p[0]):
            cx = x(y)
            lane = lane + 1 if cx - last_x < 60 else 0
            last_x = cx
            rad = 4 + 2.5 * min(r.weight, 8)
            label = f"{r.cells[0]} {r.cells[1]}"
            tip = f"{r.cells[0]} · {r.cells[1]} · {r.cells[2]} · {r.cells[-1]}"
            parts.append(f'<g class="event"><circle cx="{cx:.1f}" cy="{axis_y}" r="{rad:.1f}" '
                         f'fill="#1f5fa8" fill-opacity="0.55" stroke="#1f5fa8">'
                         f"<title>{esc(tip)}</title></circle>"
                         f'<text x="{cx:.1f}" y="{axis_y - 24 - 22 * (lane % 5)}" '
                         f'text-anchor="middle">{esc(label)}</text></g>')
    parts.append("</svg>")
    return "".join(parts)


def _html_section(sec: Section, nums: dict[str, int], level: int, empty: str,
                  caption: str) -> str:
    out = [f'<section id="sec-{esc(sec.key)}" class="section {esc(sec.key)}">',
           f"<h{level}>{esc(sec.title)}</h{level}>"]
    body = []
    if sec.key == "timeline":
        t = sec.table("timeline")
        body.append(timeline_svg(t.rows if t else (), caption))
    if sec.claims:
        body.append('<ul class="claims">' + "".join(_html_claim(c, nums) for c in sec.claims)
                    + "</ul>")
    body += [_html_table(t, nums, t.name) for t in sec.tables]
    body += [_html_section(s, nums, level + 1, empty, caption) for s in sec.subsections]
    body = [b for b in body if b]
    if not body or (sec.key == "timeline" and len(body) == 1):
        body.append(f'<p class="empty">{esc(empty)}</p>')
    return "".join(out + body) + "</section>"


def to_html(brief: Brief) -> str:
    s = STRINGS[brief.lang]
    nums = source_numbers(brief)
    toc = "".join(f'<a href="#sec-{esc(sec.key)}">{esc(sec.title)}</a>' for sec in brief.sections)
    sections = "".join(_html_section(sec, nums, 2, s["empty"], s["chart"])
                       for sec in brief.sections)
    dropped = (f'<p class="dropped">{esc(s["dropped"].format(n=len(brief.dropped)))}</p>'
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
