"""The views are built from finished analysis: no module under `report/` imports polars or the
`Export` (`linkedin_stages.export`), not even for type annotations under `TYPE_CHECKING`.

Each module is parsed with `ast` (nothing imported or run); a failure lists every offending
import as file:line. The layering test (tests/test_architecture.py) allows a view to import
the loading layer; this one says the views need none of it, nor a DataFrame library."""

from __future__ import annotations

import ast
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[1] / "src" / "linkedin_stages"
VIEWS = SOURCE / "report"
FORBIDDEN = ("polars", "linkedin_stages.export")
# Known and not yet fixed, (file, module): each with its fix. A fixed one must leave the list
# (`test_known_exceptions_still_exist`).
KNOWN_EXCEPTIONS: frozenset[tuple[str, str]] = frozenset({
    # `build_report(export, timeline, …)`, the library's one-call page (analysis, then
    # `render_report`), annotates its Export under TYPE_CHECKING. Fix: move it beside
    # `analyze_for_report` (it runs the analysis) or leave callers to call
    # `render_report(analyze_for_report(…))`.
    ("linkedin_stages/report/render.py", "linkedin_stages.export"),
})


def _absolute(module_parts: list[str], node: ast.ImportFrom) -> str:
    """The module a `from … import` names, a relative one resolved from the importing
    module's dotted name (`__init__` included: its package is itself)."""
    if not node.level:
        return node.module or ""
    base = module_parts[:len(module_parts) - node.level]
    return ".".join([*base, *([node.module] if node.module else [])])


def _imports(path: Path, root: Path) -> list[tuple[int, str]]:
    """(line, module) of every import in `path`, wherever it stands (also `from x import y`
    as module `x.y`, so `from .. import export` counts)."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = _absolute(parts, node)
            found.append((node.lineno, module))
            found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
    return found


def _forbidden(module: str) -> bool:
    return any(module == name or module.startswith(name + ".") for name in FORBIDDEN)


def _found(root: Path) -> list[tuple[str, int, str]]:
    """(file, line, module) of every forbidden import under `root`/linkedin_stages/report,
    one a line (`from polars import DataFrame` is polars, not also polars.DataFrame)."""
    found: dict[tuple[str, int], str] = {}
    for path in sorted((root / "linkedin_stages" / "report").rglob("*.py")):
        for line, module in _imports(path, root):
            if _forbidden(module):
                found.setdefault((path.relative_to(root).as_posix(), line), module)
    return [(file, line, module) for (file, line), module in sorted(found.items())]


def violations(root: Path = SOURCE.parent, known: frozenset[tuple[str, str]] = frozenset()
               ) -> list[str]:
    """Every forbidden import not in `known`, as `file:line: imports module`."""
    return [f"{file}:{line}: imports {module}" for file, line, module in _found(root)
            if not any(file == f and (module == m or module.startswith(m + "."))
                       for f, m in known)]


def test_no_view_imports_polars_or_the_export() -> None:
    found = violations(known=KNOWN_EXCEPTIONS)
    assert found == [], "views must not read the Export or use polars:\n" + "\n".join(found)


def test_known_exceptions_still_exist() -> None:
    every = violations()
    fixed = [f"{file}: {module}" for file, module in sorted(KNOWN_EXCEPTIONS)
             if not any(v.startswith(f"{file}:") and f"imports {module}" in v for v in every)]
    assert fixed == [], "fixed, take them off KNOWN_EXCEPTIONS:\n" + "\n".join(fixed)


def test_the_check_finds_them(tmp_path: Path) -> None:
    """Planted imports (plain, relative, from the package, under TYPE_CHECKING, inside a
    function) are found; an innocent one is not."""
    report = tmp_path / "linkedin_stages" / "report"
    report.mkdir(parents=True)
    (report / "planted.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "import polars as pl\n"
        "from polars import DataFrame\n"
        "from .. import export\n"
        "if TYPE_CHECKING:\n"
        "    from ..export import Export\n"
        "def f():\n"
        "    import linkedin_stages.export\n"
        "from ..exporting import x\n"
        "from .common import Table\n", encoding="utf-8")
    found = violations(tmp_path)
    assert [v.split(":")[1] for v in found] == ["2", "3", "4", "6", "8"], found
    assert all(v.startswith("linkedin_stages/report/planted.py:") for v in found)
