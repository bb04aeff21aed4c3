"""The layers' rules, checked on the source: no import cycles, no environment reads outside the entry points.

The import graph is built with :mod:`ast` over every module of the
project's packages (imports inside functions count too: a lazy import is
still a dependency).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("assistant", "cchc", "drafting", "eval", "ingest", "retrieval", "tracking", "ui")
ENTRY_POINTS = {"cchc/cli.py", "app.py", "assistant/runtime.py"}
"""Modules that start a process: the command line, the app, their process set-up."""
CHILD_ENVIRONMENTS = {"ingest/worker.py", "ingest/backends/doc.py"}
"""Modules that copy the environment into a child process they start (the parser
worker, LibreOffice); they read no setting from it."""
SCRIPTS = "eval/bench_"
"""Benchmark scripts (``python -m eval.bench_…``) are entry points of their own."""


def _modules() -> dict[str, Path]:
    out = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            out[".".join(parts)] = path
    return out


def _imported_names(path: Path) -> list[tuple[int, str]]:
    """``(line, dotted name)`` of every absolute import in ``path``."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.append((node.lineno, node.module))
    return out


def _imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """Project modules imported anywhere in ``path`` (``from a.b import c`` → ``a.b.c`` if a module, else ``a.b``)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{a.name}" for a in node.names] + [node.module]
        for name in names:
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if name:
                found.add(name)
    return found


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of ``graph`` as a list of nodes, or ``None`` when it is acyclic."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def test_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_every_project_import_names_a_module():
    """A lazy import of a module that moved would only fail when that code path runs."""
    modules = _modules()
    test_files = sorted((ROOT / "tests").glob("*.py"))
    broken = [f"{path.relative_to(ROOT)}:{line}: {name}"
              for path in [*modules.values(), ROOT / "app.py", *test_files]
              for line, name in _imported_names(path)
              if name.split(".")[0] in PACKAGES and name not in modules]
    assert broken == []


def test_no_import_cycles_between_modules():
    modules = _modules()
    assert {"ingest.model", "assistant.service", "cchc.cli", "retrieval.search"} <= set(modules)
    graph = {}
    for name, path in modules.items():
        package_inits = {name.rpartition(".")[0]}  # a module may use its own package's __init__
        graph[name] = _imports(path, modules) - {name} - package_inits
    assert _cycle(graph) is None


def test_no_import_cycles_between_packages():
    modules = _modules()
    graph: dict[str, set[str]] = {p: set() for p in PACKAGES}
    for name, path in modules.items():
        top = name.split(".")[0]
        graph[top] |= {m.split(".")[0] for m in _imports(path, modules)} - {top}
    assert _cycle(graph) is None
    assert "assistant" not in graph["ingest"] | graph["retrieval"] | graph["drafting"]


def _reads_environment(path: Path) -> list[int]:
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv") and \
                isinstance(node.value, ast.Name) and node.value.id == "os":
            lines.append(node.lineno)
    return lines


def test_only_entry_points_touch_the_environment():
    offenders = {}
    for path in [*_modules().values(), ROOT / "app.py"]:
        rel = path.relative_to(ROOT).as_posix()
        allowed = rel in ENTRY_POINTS | CHILD_ENVIRONMENTS or rel.startswith(SCRIPTS)
        if not allowed and _reads_environment(path):
            offenders[rel] = _reads_environment(path)
    assert offenders == {}


def test_no_logger_levels_set_outside_the_entry_points():
    offenders = []
    for path in _modules().values():
        rel = path.relative_to(ROOT).as_posix()
        if rel in ENTRY_POINTS or rel.startswith(SCRIPTS):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in ("setLevel", "basicConfig"):
                offenders.append(f"{rel}:{node.lineno}")
    assert offenders == []
