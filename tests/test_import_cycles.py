"""Issue 21.8: no import cycles among servicekb's modules.

The imports are read with ast, not run: each module's `import servicekb…` / `from . import …`
statements, resolved to module names. Module-level imports decide what importing a module
runs; a cycle there breaks on the first partly initialised module. The lazy imports inside
functions (servicekb's start-up rule) are checked too: `cli` ↔ `common` and `complete` ↔
`options` were cycles of that kind, where the dependency goes both ways even if Python copes.
Imports under `if TYPE_CHECKING:` are for type checkers only and are left out.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"


def _modules(root: Path) -> dict[str, tuple[Path, bool]]:
    out = {}
    for path in root.rglob("*.py"):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        package = parts[-1] == "__init__"
        if package:
            parts = parts[:-1]
        out[".".join(parts)] = (path, package)
    return out


def _is_type_checking(node: ast.AST) -> bool:
    test = getattr(node, "test", None)
    return isinstance(node, ast.If) and (
        (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING")
        or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")
    )


def _import_nodes(tree: ast.Module, lazy: bool):
    """Module-level import statements; with `lazy`, those inside functions as well."""
    stack: list[ast.AST] = list(tree.body)
    while stack:
        node = stack.pop()
        if _is_type_checking(node):
            stack.extend(getattr(node, "orelse", []))
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)) and not lazy:
            continue
        else:
            stack.extend(ast.iter_child_nodes(node))


def import_graph(root: Path, lazy: bool) -> dict[str, set[str]]:
    """module → the package's modules it imports."""
    modules = _modules(root)
    top = root.name
    graph: dict[str, set[str]] = {}
    for name, (path, package) in modules.items():
        here = name if package else name.rsplit(".", 1)[0]
        deps: set[str] = set()
        for node in _import_nodes(ast.parse(path.read_text(encoding="utf-8")), lazy):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                if node.level:
                    base = here.split(".")[: len(here.split(".")) - (node.level - 1)]
                    module = ".".join(base + ([node.module] if node.module else []))
                else:
                    module = node.module or ""
                # `from . import complete` imports a module; `from .text import fold` its module
                targets = [f"{module}.{a.name}" if f"{module}.{a.name}" in modules else module for a in node.names]
            deps |= {t for t in targets if t.split(".")[0] == top and t in modules and t != name}
        graph[name] = deps
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


@pytest.mark.parametrize("lazy", [False, True], ids=["module-level imports", "with imports inside functions"])
def test_servicekb_has_no_import_cycles(lazy):
    graph = import_graph(SRC / "servicekb", lazy=lazy)
    assert len(graph) > 50 and graph["servicekb.cli.app"]  # the walk found the modules and their imports
    assert cycles(graph) == []


def test_the_walk_finds_a_planted_cycle(tmp_path):
    package = tmp_path / "servicekb"
    (package / "cli").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "cli" / "__init__.py").write_text("from .app import app\n")
    (package / "cli" / "app.py").write_text("from .options import Theme\napp = 1\n")
    (package / "cli" / "options.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .app import app\nTheme = 1\n"
        "def completer():\n    from . import complete\n"
    )
    (package / "cli" / "complete.py").write_text("from .options import Theme\n")
    assert cycles(import_graph(package, lazy=False)) == []  # TYPE_CHECKING and lazy imports left out
    assert cycles(import_graph(package, lazy=True)) == [["servicekb.cli.complete", "servicekb.cli.options"]]
    (package / "cli" / "options.py").write_text("from .app import app\nTheme = 1\n")
    assert cycles(import_graph(package, lazy=False)) == [["servicekb.cli.app", "servicekb.cli.options"]]
