"""The shape of the code: a library with a thin command line on top.

* every module imports;
* nothing outside ``furikaeri.cli`` imports ``furikaeri.cli`` (the library never reaches up
  into the command line; ``report/`` renders for it but does not know it);
* the ``furikaeri`` modules import each other without cycles;
* no function in ``src/`` is longer than :data:`MAX_FUNCTION_LINES` lines.

Imports are read from the source with :mod:`ast`, wherever they are: an import inside a
function (done so ``furikaeri --help`` stays instant) counts like one at the top.
``from package import name`` counts as importing the module ``package.name`` when there is
one, else ``package``; importing ``a.b.c`` does not count as importing ``a.b`` (Python runs
the parent package first, but that is not a dependency of the code).
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

import furikaeri

PACKAGE = Path(furikaeri.__file__).resolve().parent
SRC = PACKAGE.parent
MAX_FUNCTION_LINES = 80

#: Modules outside ``furikaeri.cli`` allowed to import it, each with the reason.
CLI_ENTRY_POINTS = {
    "furikaeri.__main__": "``python -m furikaeri`` runs the command line",
}
#: Import edges allowed to close a cycle, each with the reason (none needed today).
CYCLE_EXCEPTIONS: dict[tuple[str, str], str] = {}


def _module_files() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


MODULES = _module_files()


def _imports(name: str, path: Path) -> set[str]:
    """The ``furikaeri`` modules that module ``name`` imports, anywhere in its source."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                target = alias.name
                while target and target not in MODULES:
                    target = target.rpartition(".")[0]
                if target:
                    found.add(target)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join(up + ([base] if base else []))
            for alias in node.names:
                if f"{base}.{alias.name}" in MODULES:
                    found.add(f"{base}.{alias.name}")
                elif base in MODULES:
                    found.add(base)
    found.discard(name)
    return found


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _in_cli(name: str) -> bool:
    return name == "furikaeri.cli" or name.startswith("furikaeri.cli.")


@pytest.mark.parametrize("name", sorted(set(MODULES) - {"furikaeri.__main__"}))
def test_every_module_imports(name):
    importlib.import_module(name)


def test_the_graph_sees_the_modules():
    # a guard on the test itself: the parse finds the layers it is about
    assert "furikaeri.cli.practice_cmd" in GRAPH["furikaeri.cli"]
    assert {"furikaeri.session", "furikaeri.cli.app"} <= GRAPH["furikaeri.cli.practice_cmd"]
    assert "furikaeri.store" in GRAPH["furikaeri.session"]


def test_the_library_never_imports_the_cli():
    upward = {name: sorted(t for t in targets if _in_cli(t))
              for name, targets in GRAPH.items() if not _in_cli(name) and name not in CLI_ENTRY_POINTS}
    assert {name: t for name, t in upward.items() if t} == {}


def test_no_import_cycles():
    graph = {name: {t for t in targets if (name, t) not in CYCLE_EXCEPTIONS} for name, targets in GRAPH.items()}
    cycles = _cycles(graph)
    assert cycles == [], "import cycles: " + "; ".join(" -> ".join(c) for c in cycles)


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    out.append(sorted(component))
    return out


def test_the_cycle_finder_finds_cycles():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_function_is_too_long():
    long = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    long.append(f"{path.relative_to(SRC)}:{node.lineno} {node.name} ({lines} lines)")
    assert long == []
