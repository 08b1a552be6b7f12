"""One direction of flow: every import inside the package follows the layers of ARCHITECTURE.md.

Each module of `src/linkedin_stages` is parsed with `ast` (nothing is imported or run), and
every import it makes of the package, at module level, inside a function or under
`TYPE_CHECKING`, is checked against these rules:

1. every module belongs to exactly one group of one layer of `LAYERS` (a new module must be
   placed);
2. a module imports only from its own group or the layers before it: never upward, never from
   a sibling group of its own layer (the report and `inspect` are two views, neither uses the
   other);
3. `synth/` (archives written for the tests, the sample and the benchmarks) may use the
   layers up to the readers; nothing but `synth/` itself and the CLI imports it;
4. no module imports a private name (`_name`) of another module, nor reads one through a
   module it imported (`module._name`);
5. no import cycles between modules (even within one layer).

A failure lists every violation, one a line, with the file and line of the import.
"""

from __future__ import annotations

import ast
import fnmatch
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = "linkedin_stages"
SOURCE = Path(__file__).resolve().parents[1] / "src" / PACKAGE

# Lowest first. A layer is one or more groups of modules; patterns are module names relative
# to the package ("" is the package itself, "readers.*" every module under readers/). Groups of
# one layer are siblings: each may use its own group and the layers before, not the other.
LAYERS: tuple[tuple[str, dict[str, tuple[str, ...]]], ...] = (
    ("foundation", {"foundation": ("errors", "months", "safe_output", "links", "templating",
                                   "zones", "i18n", "i18n.*")}),
    ("bytes", {"bytes": ("source", "csvread", "dates", "workbook_files")}),
    ("readers", {"readers": ("readers", "readers.*")}),
    # the Export, how a path becomes one, the analytics workbook (a reader of an input file),
    # and the package's own facade (`load_export`, `__version__`)
    ("loading", {"loading": ("downloads", "export", "analytics", "post_analytics", "")}),
    ("analysis", {"analysis": ("analysis", "analysis.*")}),
    # applied to the analysis' results, before any view is built from them
    ("redaction", {"redaction": ("redact",)}),
    # two views side by side: the report (and comparison) pages, and what `inspect` says
    ("views", {"report": ("report", "report.*"), "inspection": ("inspection",)}),
    # `cohort_run`: the cohort's per-member step and its executors, called by the CLI only
    ("cli", {"cli": ("cli", "__main__", "cohort_run")}),
)
# synth/ stands beside the main line: it may use these layers, and only cli may use it.
SYNTH = ("synth", "synth.*")
SYNTH_MAY_USE = ("foundation", "bytes", "readers")
SYNTH_USED_BY = ("cli",)

# Violations known and not yet fixed: (module, imported module, name). Each is a debt with an
# owner; `test_known_exceptions_still_exist` makes sure a fixed one is taken off this list.
KNOWN_EXCEPTIONS: frozenset[tuple[str, str, str]] = frozenset()


@dataclass(frozen=True)
class Import:
    source: str  # importing module, relative to the package ("" for the package itself)
    target: str  # imported module, relative to the package
    names: tuple[str, ...]  # names taken from it (empty for `import x`)
    line: int
    where: str  # "module", "function" or "type-checking"


def _modules() -> dict[str, Path]:
    modules = {}
    for path in sorted(SOURCE.rglob("*.py")):
        parts = list(path.relative_to(SOURCE).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


MODULES = _modules()


def _is_package(module: str) -> bool:
    return MODULES[module].name == "__init__.py"


def _relative(absolute: str) -> str | None:
    """`linkedin_stages.a.b` → `a.b`, the package itself → "", anything else → None."""
    if absolute == PACKAGE:
        return ""
    if absolute.startswith(PACKAGE + "."):
        return absolute[len(PACKAGE) + 1:]
    return None


def _join(*parts: str) -> str:
    return ".".join(part for part in parts if part)


class _Collector(ast.NodeVisitor):
    """Every import of the package in one module, and where it sits."""

    def __init__(self, module: str) -> None:
        self.module = module
        self.package = module if _is_package(module) else module.rpartition(".")[0]
        self.imports: list[Import] = []
        self.aliases: dict[str, str] = {}  # local name → project module it is bound to
        self.attributes: list[tuple[str, str, int]] = []  # (module, private attribute, line)
        self._where = ["module"]

    def _resolve(self, node: ast.ImportFrom) -> str | None:
        if node.level == 0:
            return _relative(node.module or "")
        base = self.package.split(".") if self.package else []
        if node.level > 1:
            base = base[:len(base) - (node.level - 1)]
        return _join(*base, node.module or "")

    def _add(self, target: str, names: tuple[str, ...], line: int) -> None:
        self.imports.append(Import(self.module, target, names, line, self._where[-1]))

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            target = _relative(alias.name)
            if target is None:
                continue
            self._add(target, (), node.lineno)
            if alias.asname:
                self.aliases[alias.asname] = target

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        package = self._resolve(node)
        if package is None:
            return
        plain = []
        for alias in node.names:
            submodule = _join(package, alias.name)
            if submodule in MODULES:  # `from pkg import module`: an import of that module
                self._add(submodule, (), node.lineno)
                self.aliases[alias.asname or alias.name] = submodule
            else:
                plain.append(alias.name)
        if plain:
            self._add(package, tuple(plain), node.lineno)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if (isinstance(node.value, ast.Name) and node.value.id in self.aliases
                and _private(node.attr)):
            self.attributes.append((self.aliases[node.value.id], node.attr, node.lineno))
        self.generic_visit(node)

    def _nested(self, node: ast.AST, where: str) -> None:
        self._where.append(where)
        self.generic_visit(node)
        self._where.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self._nested(node, "function")

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def visit_If(self, node: ast.If) -> None:
        test = node.test
        name = test.id if isinstance(test, ast.Name) else getattr(test, "attr", "")
        if name == "TYPE_CHECKING":
            self._nested(node, "type-checking")
        else:
            self.generic_visit(node)


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _collect(module: str) -> _Collector:
    collector = _Collector(module)
    collector.visit(ast.parse(MODULES[module].read_text(encoding="utf-8")))
    return collector


COLLECTED = {module: _collect(module) for module in MODULES}


def _place_of(module: str) -> tuple[str, str] | None:
    """(layer, group) of `module`, or None when it is in no group or in several."""
    if any(fnmatch.fnmatchcase(module, pattern) for pattern in SYNTH):
        return "synth", "synth"
    found = [(layer, group) for layer, groups in LAYERS for group, patterns in groups.items()
             if any(fnmatch.fnmatchcase(module, pattern) for pattern in patterns)]
    return found[0] if len(found) == 1 else None


def _layer_of(module: str) -> str | None:
    place = _place_of(module)
    return place[0] if place else None


RANK = {name: rank for rank, (name, _) in enumerate(LAYERS)}


def _shown(module: str) -> str:
    return _join(PACKAGE, module)


def _place(imp: Import) -> str:
    path = MODULES[imp.source].relative_to(SOURCE.parents[1])
    return f"{path}:{imp.line} ({imp.where})"


def _all_imports() -> list[Import]:
    return [imp for collector in COLLECTED.values() for imp in collector.imports]


def _direction_violations(imports: list[Import]) -> list[str]:
    problems = []
    for imp in imports:
        source, target = _place_of(imp.source), _place_of(imp.target)
        if imp.target == imp.source or source is None or target is None:
            continue  # a module in no layer is reported by test_every_module_has_one_layer
        (source_layer, source_group), (target_layer, target_group) = source, target
        what = (f"{_shown(imp.source)} [{source_group}] imports {_shown(imp.target)} "
                f"[{target_group}]")
        if target_layer == "synth":
            if source_layer not in ("synth", *SYNTH_USED_BY):
                problems.append(f"{_place(imp)}: {what}: only the CLI may use synth/")
        elif source_layer == "synth":
            if target_layer not in SYNTH_MAY_USE:
                problems.append(f"{_place(imp)}: {what}: synth/ may only use "
                                f"{', '.join(SYNTH_MAY_USE)}")
        elif RANK[target_layer] > RANK[source_layer]:
            problems.append(f"{_place(imp)}: {what}: an upward import")
        elif target_layer == source_layer and target_group != source_group:
            problems.append(f"{_place(imp)}: {what}: a sibling's import (same layer)")
    return problems


def _private_violations() -> list[tuple[tuple[str, str, str], str]]:
    found = []
    for collector in COLLECTED.values():
        for imp in collector.imports:
            for name in imp.names:
                if _private(name) and imp.target != imp.source:
                    found.append(((imp.source, imp.target, name),
                                  f"{_place(imp)}: {_shown(imp.source)} imports the private "
                                  f"{name} of {_shown(imp.target)}"))
        for target, name, line in collector.attributes:
            if target != collector.module:
                path = MODULES[collector.module].relative_to(SOURCE.parents[1])
                found.append(((collector.module, target, name),
                              f"{path}:{line}: {_shown(collector.module)} reads the private "
                              f"{name} of {_shown(target)}"))
    return found


def _cycles() -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    graph = {module: sorted({imp.target for imp in c.imports if imp.target in MODULES
                             and imp.target != module})
             for module, c in COLLECTED.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for module in graph:
        if module not in index:
            visit(module)
    return components


def _fail(title: str, problems: list[str]) -> None:
    if problems:
        pytest.fail(f"{title} ({len(problems)}):\n  " + "\n  ".join(sorted(problems)),
                    pytrace=False)


def test_the_parser_sees_imports() -> None:
    """The checks below can fail: the collector finds known imports of every kind."""
    report = {(i.target, i.where) for i in COLLECTED["report.render"].imports}
    assert ("safe_output", "module") in report
    assert ("report.viewmodel", "function") in report  # imported where it is used
    common = {(i.target, i.where) for i in COLLECTED["report.common"].imports}
    assert ("analysis.report_data", "type-checking") in report  # render.py's annotations
    assert ("report.charts", "module") in common  # `from . import charts`
    assert _place_of("report.viewmodel") == ("views", "report")
    assert _place_of("inspection") == ("views", "inspection")
    assert _layer_of("synth.generate") == "synth"
    assert _layer_of("") == "loading"


@pytest.mark.parametrize(("source", "target", "why"), [
    ("redact", "report.render", "upward"),  # a module of a later layer
    ("inspection", "report.render", "sibling"),  # the other view of the same layer
    ("analysis.timeline", "synth.generate", "synth"),  # synth/ is the CLI's only
    ("synth.generate", "analysis.model", "synth"),  # synth/ stays below the analysis
])
def test_a_wrong_import_is_reported(source: str, target: str, why: str) -> None:
    fake = Import(source, target, (), 1, "function")
    problems = _direction_violations([fake])
    assert len(problems) == 1, problems
    assert {"upward": "upward", "sibling": "sibling", "synth": "synth/"}[why] in problems[0]


def test_every_module_has_one_layer() -> None:
    """A new module is placed in LAYERS (and ARCHITECTURE.md) on purpose, not by accident."""
    _fail("modules in no layer, or in several",
          [f"{_shown(module)}" for module in MODULES if _layer_of(module) is None])


def test_imports_go_one_way() -> None:
    """Nothing imports a later layer; synth/ is used by the CLI only."""
    _fail("imports against the direction of flow", _direction_violations(_all_imports()))


def test_no_private_names_cross_modules() -> None:
    """A `_name` is its module's business: what another module needs is public."""
    _fail("private names used outside their module",
          [text for key, text in _private_violations() if key not in KNOWN_EXCEPTIONS])


def test_known_exceptions_still_exist() -> None:
    """An exception fixed in the code comes off KNOWN_EXCEPTIONS."""
    found = {key for key, _ in _private_violations()}
    _fail("KNOWN_EXCEPTIONS that no longer happen: remove them",
          [f"{source} → {target}.{name}" for source, target, name in KNOWN_EXCEPTIONS - found])


def test_no_import_cycles() -> None:
    """Two modules that import each other are one module, or share a third, lower one."""
    _fail("import cycles", [" ↔ ".join(_shown(m) for m in cycle) for cycle in _cycles()])
