"""Structure: no module of the attache package imports, directly or through others, itself.

Every ``import``/``from … import`` of an ``attache`` module counts, wherever it stands in the
file (inside functions and ``TYPE_CHECKING`` blocks too): a cycle hidden behind a deferred
import is still a cycle in the design.
"""

from __future__ import annotations

import ast
from pathlib import Path

import attache

ROOT = Path(attache.__file__).resolve().parent


def module_name(path: Path) -> str:
    rel = path.relative_to(ROOT.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path, modules: set[str]) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    me = module_name(path)
    package = me if path.name == "__init__.py" else me.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[:len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            names = [base] + [f"{base}.{a.name}" for a in node.names]
        for n in names:
            # The deepest module the name points at (``from x import y`` may import y or not).
            while n and n not in modules:
                n = n.rpartition(".")[0]
            if n and n != me and n != "attache":
                out.add(n)
    return out


def graph() -> dict[str, set[str]]:
    files = [p for p in ROOT.rglob("*.py") if "__pycache__" not in p.parts]
    modules = {module_name(p) for p in files}
    return {module_name(p): imports_of(p, modules) for p in files}


def find_cycle(g: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(n: str) -> list[str] | None:
        state[n] = 1
        stack.append(n)
        for m in sorted(g.get(n, ())):
            if state.get(m) == 1:
                return stack[stack.index(m):] + [m]
            if m not in state and (c := visit(m)):
                return c
        stack.pop()
        state[n] = 2
        return None

    for n in sorted(g):
        if n not in state and (c := visit(n)):
            return c
    return None


def test_no_import_cycle_in_the_package() -> None:
    cycle = find_cycle(graph())
    assert cycle is None, "import cycle: " + " → ".join(cycle or ())


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_the_brief_never_imports_the_facade() -> None:
    g = graph()
    brief = [m for m in g if m == "attache.brief" or m.startswith("attache.brief.")]
    assert len(brief) >= 8
    assert not [m for m in brief if "attache.evidence" in g[m]]
