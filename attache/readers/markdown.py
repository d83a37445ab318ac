"""Markdown: YAML front matter, and reduction of markdown to plain text with link records.

Reduction rule (applied to ``.md`` files, to ``.txt`` files that contain ``[text](http…)``
links, and to trafilatura's markdown rendering of HTML):

* The output keeps the source's line structure: a source line gives one output line (blank
  lines stay blank, soft line breaks inside a paragraph stay line breaks), so sentence splitting
  and boilerplate-line marking downstream still see the lines the author wrote.
* ``[text](url)`` becomes ``text``, and a :class:`~attache.model.Link` records the URL with the
  character offsets of ``text`` in the output. Links without visible text leave nothing.
* Images ``![alt](url)`` (with any URL, empty or not) are dropped, alt text included: they are
  not text the author wrote for reading. A line that held only images becomes an empty line, so
  paragraphs do not merge. (Plain ``.txt`` files without markdown links are not reduced at all,
  so there a literal ``![]()`` line stays and the normalizer marks it as an image placeholder.)
* Heading ``#`` markers, emphasis ``*``/``_``, code backticks, blockquote ``>`` and HTML tags are
  removed; bullet items become ``- `` (nested ones indented by two spaces per level), ordered
  items keep their number (``3. ``); code blocks keep their content verbatim; a thematic break
  becomes an empty line. Tables are not a CommonMark feature and stay as literal text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import frontmatter
import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from attache.model import Link

_md = MarkdownIt("commonmark")
# Keep URLs exactly as written: the default percent-encodes non-ASCII, which would make a link
# differ from the citation the author gave.
_md.normalizeLink = lambda url: url  # type: ignore[method-assign]


_TAG = re.compile(r"<[^>]*>")


@dataclass
class _Out:
    """Output text under construction, with links at absolute offsets."""

    parts: list[str] = field(default_factory=list)
    pos: int = 0
    links: list[Link] = field(default_factory=list)

    def add(self, s: str) -> None:
        if s:
            self.parts.append(s)
            self.pos += len(s)

    def text(self) -> str:
        return "".join(self.parts)


def _render_inline(children: Sequence[Token], out: _Out) -> None:
    stack: list[tuple[str, int, int]] = []  # open links: (href, start offset, parts index)
    for tok in children:
        kind = tok.type
        if kind == "text" or kind == "code_inline":
            out.add(tok.content)
        elif kind in ("softbreak", "hardbreak"):
            out.add("\n")
        elif kind == "link_open":
            stack.append((str(tok.attrs.get("href", "")), out.pos, len(out.parts)))
        elif kind == "link_close" and stack:
            href, start, index = stack.pop()
            if out.pos > start and href:
                text = "".join(out.parts[index:])
                out.links.append(Link(text=text, url=href, start=start, end=out.pos))
        # images, emphasis markers and inline HTML add nothing


def reduce_markdown(source: str) -> tuple[str, tuple[Link, ...]]:
    """Reduce markdown to plain text, following the rule in the module docstring."""
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    tokens = _md.parse(source)
    lines = source.split("\n")
    # Each block that produces text is placed at its first source line; we then walk the source
    # lines so that blank lines and markup-only lines keep their place.
    blocks: dict[int, tuple[int, Any]] = {}
    prefix = ""
    lists: list[tuple[str, int]] = []  # (kind, next number)
    pending_item = ""
    for tok in tokens:
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            start = int(tok.attrs.get("start", 1) or 1) if tok.type == "ordered_list_open" else 0
            lists.append((tok.type, start))
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif tok.type == "list_item_open" and lists:
            kind, n = lists[-1]
            indent = "  " * (len(lists) - 1)
            if kind == "ordered_list_open":
                pending_item = f"{indent}{tok.info or n}{tok.markup or '.'} "
                lists[-1] = (kind, n + 1)
            else:
                pending_item = f"{indent}- "
        elif tok.type == "inline" and tok.map:
            prefix, pending_item = pending_item, ""
            blocks[tok.map[0]] = (tok.map[1], (prefix, tok.children or []))
        elif tok.type in ("fence", "code_block", "html_block") and tok.map:
            first = tok.map[0] + (1 if tok.type == "fence" else 0)
            content = tok.content[:-1] if tok.content.endswith("\n") else tok.content
            if tok.type == "html_block":
                content = _strip_tags(content)
            blocks[first] = (tok.map[1], content)
    out = _Out()
    i = 0
    first_line = True
    while i < len(lines):
        if not first_line:
            out.add("\n")
        first_line = False
        block = blocks.get(i)
        if block is None:
            i += 1
            continue
        end, payload = block
        if isinstance(payload, str):
            out.add(payload)
            rendered_lines = payload.count("\n") + 1
        else:
            prefix, children = payload
            index = len(out.parts)
            out.add(prefix)
            _render_inline(children, out)
            rendered_lines = sum(p.count("\n") for p in out.parts[index:]) + 1
        # A block rendered into fewer lines than it spans (a fence's closing marker, a
        # multi-line HTML block) is padded so later blocks stay on their own lines.
        consumed = max(end - i, rendered_lines)
        for _ in range(end - i - rendered_lines):
            out.add("\n")
        i += consumed
    text = out.text()
    return text, tuple(out.links)


def _strip_tags(html: str) -> str:
    return _TAG.sub("", html)


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Split YAML front matter off ``text``: (metadata, body).

    A leading ``---`` block that is not a YAML mapping (a thematic break, broken YAML) is not
    front matter; the text is then returned whole with empty metadata.
    """
    if not text.lstrip("\ufeff").startswith("---"):
        return {}, text
    try:
        post = frontmatter.loads(text)
    except (yaml.YAMLError, ValueError, TypeError, AttributeError):
        return {}, text
    meta = dict(post.metadata)
    if not meta:
        return {}, text
    return meta, _body_after_front_matter(text)


def _body_after_front_matter(text: str) -> str:
    # python-frontmatter strips the body; we cut at the closing fence ourselves so the body keeps
    # its exact characters (leading spaces and trailing newlines matter for offsets).
    lines = text.lstrip("\ufeff").split("\n")
    for n, line in enumerate(lines[1:], start=1):
        if line.strip() in ("---", "..."):
            return "\n".join(lines[n + 1:])
    return text
