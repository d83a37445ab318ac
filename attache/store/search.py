"""The search index's query language: a small tree, rendered for FTS5 or for a ``tsquery``.

Both backends index the same pre-segmented tokens (jieba for Han and kana, folded words for
Latin and Cyrillic), so a query means the same thing on SQLite and on PostgreSQL; only the
syntax differs. A term is one token or a phrase of adjacent tokens, optionally a prefix.

The tree can also be read back from the FTS5 expressions earlier code builds
(``"稀土" AND ("japan"* OR "日本")``), so callers that still pass strings get the same search
on either backend.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from attache.errors import StoreError

# FTS5's unicode61 tokenizer keeps letters, digits and private-use characters together and
# splits on everything else; the PostgreSQL index splits the same way so both see one token
# sequence.
_LEXEME = re.compile(r"[^\W_]+")
# tsvector positions stop at 16383; later tokens share the last position.
MAX_POSITION = 16383


@dataclass(frozen=True)
class Term:
    """One token, or a phrase of adjacent tokens; ``prefix`` lets the last one run on."""

    text: str
    prefix: bool = False


@dataclass(frozen=True)
class All:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Any_:
    children: tuple[Node, ...]


Node = Term | All | Any_


def lexemes(text: str) -> list[str]:
    return _LEXEME.findall(text)


# -- FTS5 ------------------------------------------------------------------------------------


def to_fts5(node: Node) -> str:
    if isinstance(node, Term):
        return '"' + node.text.replace('"', '""') + '"' + ("*" if node.prefix else "")
    op = " AND " if isinstance(node, All) else " OR "
    return "(" + op.join(to_fts5(c) for c in node.children) + ")"


# -- PostgreSQL --------------------------------------------------------------------------------


def _quote(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def to_tsquery(node: Node) -> str | None:
    """A ``tsquery`` literal (cast, not parsed by a text-search configuration); None if empty."""
    if isinstance(node, Term):
        lex = lexemes(node.text)
        if not lex:
            return None
        parts = [_quote(x) for x in lex]
        if node.prefix:
            parts[-1] += ":*"
        return parts[0] if len(parts) == 1 else "(" + " <-> ".join(parts) + ")"
    rendered = [r for r in (to_tsquery(c) for c in node.children) if r]
    if not rendered:
        return None
    op = " & " if isinstance(node, All) else " | "
    return "(" + op.join(rendered) + ")"


def to_tsvector(tokens: str) -> str:
    """The ``tsvector`` literal of a sentence's space-joined tokens, with positions."""
    out = []
    for pos, lex in enumerate(lexemes(tokens), start=1):
        out.append(f"{_quote(lex)}:{min(pos, MAX_POSITION)}")
    return " ".join(out)


# -- reading FTS5 expressions back ------------------------------------------------------------

_TOKEN = re.compile(r'\s*(?:(?P<str>"(?:[^"]|"")*")(?P<star>\*)?|(?P<op>AND|OR)\b|(?P<paren>[()]))')


def parse_fts5(expr: str) -> Node:
    """The tree of an FTS5 expression made of quoted terms, AND, OR and parentheses."""
    toks: list[tuple[str, str]] = []
    pos = 0
    expr = expr.strip()
    while pos < len(expr):
        m = _TOKEN.match(expr, pos)
        if m is None or m.end() == pos:
            raise StoreError(f"the search index could not read the query at "
                             f"{expr[pos:pos + 20]!r}; quote each term")
        if m.group("str"):
            toks.append(("star" if m.group("star") else "str",
                         m.group("str")[1:-1].replace('""', '"')))
        elif m.group("op"):
            toks.append(("op", m.group("op")))
        else:
            toks.append(("paren", m.group("paren")))
        pos = m.end()
        while pos < len(expr) and expr[pos].isspace():
            pos += 1
    node, i = _parse_or(toks, 0)
    if i != len(toks):
        raise StoreError("the search index could not read the query: unbalanced parentheses")
    return node


def _parse_or(toks: list[tuple[str, str]], i: int) -> tuple[Node, int]:
    left, i = _parse_and(toks, i)
    items = [left]
    while i < len(toks) and toks[i] == ("op", "OR"):
        right, i = _parse_and(toks, i + 1)
        items.append(right)
    return (items[0] if len(items) == 1 else Any_(tuple(items))), i


def _parse_and(toks: list[tuple[str, str]], i: int) -> tuple[Node, int]:
    left, i = _parse_atom(toks, i)
    items = [left]
    # FTS5 reads two adjacent terms as AND too.
    while i < len(toks) and (toks[i] == ("op", "AND") or toks[i][0] in ("str", "star")
                             or toks[i] == ("paren", "(")):
        if toks[i] == ("op", "AND"):
            i += 1
        right, i = _parse_atom(toks, i)
        items.append(right)
    return (items[0] if len(items) == 1 else All(tuple(items))), i


def _parse_atom(toks: list[tuple[str, str]], i: int) -> tuple[Node, int]:
    if i >= len(toks):
        raise StoreError("the search index could not read the query: it ends too early")
    kind, val = toks[i]
    if kind in ("str", "star"):
        return Term(val, prefix=kind == "star"), i + 1
    if (kind, val) == ("paren", "("):
        node, i = _parse_or(toks, i + 1)
        if i >= len(toks) or toks[i] != ("paren", ")"):
            raise StoreError("the search index could not read the query: a ( is not closed")
        return node, i + 1
    raise StoreError(f"the search index could not read the query at {val!r}")


def as_tree(query: Node | str) -> Node:
    return parse_fts5(query) if isinstance(query, str) else query
