"""Warnings of the reading side are coded notices: no English string is appended to a list of
warnings (an AST guard), every code used has its entry in every catalogue, a French page words
a reading warning in French, and a new language is one more catalogue file."""

from __future__ import annotations

import ast
import re
import shutil
from functools import cache
from pathlib import Path

import pytest

from linkedin_stages.i18n import catalogue as catalogue_module
from linkedin_stages.i18n.catalogue import catalogue, languages
from linkedin_stages.i18n.notices import TABLE, Notice, notice_of, word

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "linkedin_stages"
SAMPLES = ROOT / "sample_exports"
NNBSP = "\u202f"
# The reading side: every warning these modules make reaches `inspect`, the JSON and the pages.
READING = ("csvread.py", "source.py", "dates.py", "export.py", "workbook_files.py",
           "downloads.py", "analytics.py", "readers/*.py")
# Errors whose message becomes a warning (a file that cannot be read, the rest still loads).
WARNING_ERRORS = frozenset({"FileReadError"})
# What makes a notice: the class (under whatever name a module imports it) and `notice_of`.
NOTICE_MAKERS = frozenset({"Notice", "notice_of"})
CODE = re.compile(r"[a-z]+(?:_[a-z0-9]+)+")


def reading_modules() -> list[Path]:
    return sorted({path for pattern in READING for path in PACKAGE.glob(pattern)})


# ---------------------------------------------------------------------------- the AST guard

def _makers(tree: ast.Module) -> set[str]:
    """The local names of i18n's Notice and notice_of in a module (`Notice as CodedNotice`)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("i18n.notices"):
            names |= {alias.asname or alias.name for alias in node.names
                      if alias.name in NOTICE_MAKERS}
    return names


def _is_warnings(node: ast.expr) -> bool:
    """A list of warnings: `warnings`, `notes.warnings`, `self.warnings`…"""
    return ((isinstance(node, ast.Name) and node.id == "warnings")
            or (isinstance(node, ast.Attribute) and node.attr == "warnings"))


class _Guard(ast.NodeVisitor):
    """Every value that enters a list of warnings, an `empty_reason`, a `.warn(…)` or a
    FileReadError must be a notice: a call of Notice or notice_of, a name only ever bound to
    one in its function, an element read from another list of warnings, or a list,
    comprehension, `tuple(…)`/`list(…)` or conditional of those."""

    def __init__(self, makers: set[str], path: str, tree: ast.Module) -> None:
        self.makers, self.path = makers, path
        # the module's functions, for warnings they return in a tuple (`kind, warnings`)
        self.functions = {node.name: node for node in tree.body
                          if isinstance(node, ast.FunctionDef)}
        self.problems: list[str] = []
        self.bound: list[dict[str, list[ast.expr]]] = [{}]  # per function: name → values
        self.loops: list[set[str]] = [set()]  # names iterating over a list of warnings

    # --- scopes
    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        bound: dict[str, list[ast.expr]] = {}
        loops: set[str] = set()
        for inner in ast.walk(node):
            if isinstance(inner, ast.Assign):
                for target in inner.targets:
                    if isinstance(target, ast.Name):
                        bound.setdefault(target.id, []).append(inner.value)
                    elif isinstance(target, ast.Tuple) and isinstance(inner.value, ast.Call):
                        for index, element in enumerate(target.elts):
                            if isinstance(element, ast.Name):  # the index-th of the call
                                bound.setdefault(element.id, []).append(
                                    ast.Subscript(inner.value, ast.Constant(index)))
            elif isinstance(inner, ast.AnnAssign) and isinstance(inner.target, ast.Name) \
                    and inner.value is not None:
                bound.setdefault(inner.target.id, []).append(inner.value)
            elif isinstance(inner, (ast.For, ast.comprehension)) and \
                    isinstance(inner.target, ast.Name) and self._is_source(inner.iter):
                loops.add(inner.target.id)
        self.bound.append(bound)
        self.loops.append(loops)
        self.generic_visit(node)
        self.bound.pop()
        self.loops.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    # --- what is a notice
    def _is_source(self, node: ast.expr) -> bool:
        """Another list of warnings (already guarded where it was filled), or a function of
        these modules that returns one (`_renamed_warnings(…)`)."""
        if _is_warnings(node):
            return True
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else \
                func.attr if isinstance(func, ast.Attribute) else ""
            return name.endswith("_warnings")
        return False

    def is_notice(self, node: ast.expr, seen: frozenset[str] = frozenset()) -> bool:
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id in self.makers:
                return True
            if node.func.id in {"tuple", "list"} and len(node.args) == 1:
                return self.is_many(node.args[0], seen)
            return False
        if isinstance(node, ast.IfExp):
            return self.is_notice(node.body, seen) and self.is_notice(node.orelse, seen)
        if isinstance(node, ast.Subscript):  # report.warnings[0]
            return _is_warnings(node.value)
        if isinstance(node, ast.Attribute):  # notes.empty_reason: guarded where it is set
            return node.attr == "empty_reason"
        if isinstance(node, ast.Name):
            if node.id in self.loops[-1]:
                return True
            values = self.bound[-1].get(node.id)
            if not values or node.id in seen:
                return False
            return all(self.is_notice(value, seen | {node.id}) for value in values)
        return False

    def is_many(self, node: ast.expr, seen: frozenset[str] = frozenset()) -> bool:
        """An iterable of notices."""
        if self._is_source(node):
            return True
        if isinstance(node, (ast.List, ast.Tuple)):
            return all(self.is_notice(element, seen) for element in node.elts)
        if isinstance(node, (ast.ListComp, ast.GeneratorExp)):
            loops = {g.target.id for g in node.generators
                     if isinstance(g.target, ast.Name) and self._is_source(g.iter)}
            self.loops[-1] |= loops
            try:
                return self.is_notice(node.elt, seen)
            finally:
                self.loops[-1] -= loops
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
                node.func.id in {"tuple", "list"} and len(node.args) == 1:
            return self.is_many(node.args[0], seen)
        if isinstance(node, ast.Name):
            values = self.bound[-1].get(node.id)
            return bool(values) and node.id not in seen and all(
                self.is_many(value, seen | {node.id}) for value in values)
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Call) and \
                isinstance(node.value.func, ast.Name) and isinstance(node.slice, ast.Constant):
            # `kind, unread = _archive_kind(…)`: what each of its returns puts there
            function = self.functions.get(node.value.func.id)
            returns = [r.value for r in ast.walk(function) if isinstance(r, ast.Return)] \
                if function else []
            index = node.slice.value
            return bool(returns) and all(
                isinstance(value, ast.Tuple) and isinstance(index, int)
                and index < len(value.elts) and _is_warnings(value.elts[index])
                for value in returns)
        return False

    def _flag(self, node: ast.AST, what: str) -> None:
        self.problems.append(f"{self.path}:{getattr(node, 'lineno', 0)}: {what} is not a "
                             "Notice: " + ast.unparse(node)[:100])

    # --- where warnings enter
    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Attribute):
            if _is_warnings(func.value):
                if func.attr == "append" and not self.is_notice(node.args[0]):
                    self._flag(node, "a warning appended")
                elif func.attr == "insert" and not self.is_notice(node.args[1]):
                    self._flag(node, "a warning inserted")
                elif func.attr == "extend" and not self.is_many(node.args[0]):
                    self._flag(node, "a warning added")
            if func.attr == "warn" and node.args and not self.is_notice(node.args[0]):
                self._flag(node, "a warning given to warn()")
        name = func.id if isinstance(func, ast.Name) else ""
        if name in WARNING_ERRORS and node.args and not self.is_notice(node.args[0]):
            self._flag(node, f"the message of a {name}")
        for keyword in node.keywords:
            if keyword.arg == "warnings" and not self.is_many(keyword.value):
                self._flag(node, "a warnings= argument")
            if keyword.arg == "empty_reason" and not self.is_notice(keyword.value):
                self._flag(node, "an empty_reason= argument")
        self.generic_visit(node)

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        if _is_warnings(node.target) and not self.is_many(node.value):
            self._flag(node, "a warning added")
        self.generic_visit(node)

    def _assigned(self, node: ast.AST, target: ast.expr, value: ast.expr | None) -> None:
        if value is None:
            return
        if _is_warnings(target) and not self.is_many(value) and not (
                isinstance(value, ast.Call) and isinstance(value.func, ast.Name)
                and value.func.id == "field"):  # a dataclass field's default
            self._flag(node, "a list of warnings")
        if isinstance(target, ast.Attribute) and target.attr == "empty_reason" and not (
                isinstance(value, ast.Constant) and value.value is None) \
                and not self.is_notice(value):
            self._flag(node, "an empty_reason")

    def visit_Assign(self, node: ast.Assign) -> None:
        for target in node.targets:
            self._assigned(node, target, node.value)
        self.generic_visit(node)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        self._assigned(node, node.target, node.value)
        self.generic_visit(node)


def guard(source: str, path: str = "<test>") -> list[str]:
    tree = ast.parse(source)
    checker = _Guard(_makers(tree), path, tree)
    checker.visit(tree)
    return checker.problems


def test_the_reading_side_warns_only_with_notices() -> None:
    problems = [problem for path in reading_modules()
                for problem in guard(path.read_text(encoding="utf-8"),
                                     str(path.relative_to(PACKAGE)))]
    assert problems == []


def test_the_guard_sees_english_strings() -> None:
    planted = '''
from .i18n.notices import Notice as Coded, notice_of

def read(notes, exc, rows):
    notes.warnings.append(f"{rows} rows not read")
    notes.warnings.append(Coded("csv_long_rows", count=rows))
    notes.warnings.extend(f"{n}: bad" for n in rows)
    notes.warnings.extend(Coded("export_in_file", file=n, warning=w)
                          for w in notes.warnings)
    warnings = ["plain"]
    warnings += [notice_of(exc)]
    message = str(exc)
    notes.warnings.insert(0, message)
    fine = notice_of(exc)
    notes.warnings.append(fine)
    notes.empty_reason = "empty file"
    book.warn("ENGAGEMENT: no daily rows found")
    raise FileReadError(f"{rows}: cannot read")
'''
    found = "\n".join(guard(planted))
    for line in (5, 7, 10, 13, 16, 17, 18):
        assert f"<test>:{line}:" in found, line
    for line in (6, 8, 11, 15):
        assert f"<test>:{line}:" not in found, line


# ---------------------------------------------------------------------------- codes

def codes_used() -> dict[str, str]:
    """Every notice code the package names (in a Notice call or as a constant that a Notice
    is later made from, `NOT_TEXT`'s and the analytics sheets' codes), with where."""
    return dict(_codes_used())


@cache
def _codes_used() -> dict[str, str]:
    """`codes_used`, the package's sources parsed once per session (a copy is handed out)."""
    known_prefixes = {key.split("_")[0] for key in catalogue("en")[TABLE]}
    used: dict[str, str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        makers = _makers(tree) | ({"Notice"} if path.name == "notices.py" else set())
        relative = path.relative_to(PACKAGE)
        for node in ast.walk(tree):
            where = f"{relative}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                    and node.func.id in makers and node.func.id != "notice_of" and node.args:
                first = node.args[0]
                for branch in (first.body, first.orelse) if isinstance(first, ast.IfExp) \
                        else (first,):
                    if isinstance(branch, ast.Constant) and isinstance(branch.value, str):
                        used[branch.value] = where
            elif makers and isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and CODE.fullmatch(node.value) \
                    and node.value.split("_")[0] in known_prefixes - {"export"}:
                used.setdefault(node.value, where)  # a code kept in a table, made later
    return used


@pytest.mark.parametrize("lang", languages())
def test_every_code_used_is_in_every_catalogue(lang: str) -> None:
    used = codes_used()
    assert len(used) > 60
    words = catalogue(lang)[TABLE]
    assert sorted(f"{code} ({where})" for code, where in used.items() if code not in words) \
        == []


def test_every_notice_of_the_catalogue_is_used() -> None:
    assert sorted(set(catalogue("en")[TABLE]) - set(codes_used())) == []


def test_an_errors_notice_survives_as_a_warning() -> None:
    from linkedin_stages.errors import FileReadError

    error = FileReadError(Notice("source_not_regular", file="Shares.csv"))
    assert str(error) == "Shares.csv: not a regular file; skipped"
    message = notice_of(error)
    assert isinstance(message, Notice) and message.code == "source_not_regular"
    assert word(message, "fr") == f"Shares.csv{NNBSP}: pas un fichier ordinaire{NNBSP}; ignoré"
    assert notice_of(ValueError("plain")) == "plain"


def test_numbers_keep_their_english_writing_and_take_the_languages() -> None:
    inflated = Notice("source_would_inflate", file="a.csv", compressed=1200, size=3456789)
    assert inflated == ("a.csv: would inflate from 1,200 to 3,456,789 bytes, which no CSV "
                        "does (a zip bomb?); skipped")
    assert f"de 1{NNBSP}200 à 3{NNBSP}456{NNBSP}789 octets" in word(inflated, "fr")
    counted = Notice("readers_event_times", count=12345)  # written without separators
    assert counted == "12345 event time(s) not understood"
    nested = Notice("export_in_file", file="Shares_2.csv", warning=Notice("csv_long_rows",
                                                                          count=2))
    assert nested.startswith("Shares_2.csv: 2 row(s) had more fields")
    assert word(nested, "fr").startswith(f"Shares_2.csv{NNBSP}: 2 ligne(s) avaient")


def test_a_plural_notice_takes_the_form_of_its_count() -> None:
    assert Notice("export_files_top", count=48) == "the export's top folder (48 files)"
    one = Notice("export_files_in", folders="Articles/", count=1)
    assert one == "Articles/ (1 file)"
    assert word(one, "fr") == "Articles/ (1 fichier)"
    assert word(Notice("export_files_in", folders="A/, B/", count=2), "fr") == \
        "A/, B/ (2 fichiers)"


def test_what_reading_repaired_is_worded_in_each_language() -> None:
    """Repairs and omissions are notices too: the same dictionary keys (their English),
    worded by `inspect --lang`."""
    repair = Notice("readers_repair_drafts")
    assert {repair: 1} == {"drafts kept and flagged": 1}
    assert word(repair, "fr") == "brouillons gardés et signalés"
    dropped = Notice("export_dropped_after_export", day="2024-06-30")
    assert dropped == "dates after the export (2024-06-30) set aside (rows kept, undated)"


# ---------------------------------------------------------------------------- pages

def _with_a_date_before_linkedin(tmp_path: Path, name: str) -> Path:
    """A sample member's archive with one reaction dated 1999 (a hand-edited file)."""
    root = tmp_path / name
    shutil.copytree(SAMPLES / name, root)
    reactions = root / "Reactions.csv"
    reactions.write_bytes(reactions.read_bytes() + b"1999-01-04 10:00:00,LIKE,https://www."
                          b"linkedin.com/feed/update/urn%3Ali%3Aactivity%3A1\n")
    return root


def test_a_french_report_words_a_reading_warning_in_french(tmp_path: Path) -> None:
    from linkedin_stages import load_export
    from linkedin_stages.analysis import analyze
    from linkedin_stages.report import build_report

    export = load_export(_with_a_date_before_linkedin(tmp_path, "lurker"))
    english = ("1 date(s) in “timestamp” are before LinkedIn existed (May 2003): those rows "
               "are kept without a date")
    assert english in export.reports["reactions"].warnings
    timeline = analyze(export)
    french = build_report(export, timeline, lang="fr", tz="Europe/Paris")
    assert (f"1 date(s) de «{NNBSP}timestamp{NNBSP}» sont antérieures à LinkedIn (mai 2003)"
            f"{NNBSP}: ces lignes sont gardées sans date") in french
    assert "before LinkedIn existed" not in french
    assert english in build_report(export, timeline, lang="en", tz="Europe/Paris")


# ---------------------------------------------------------------------------- a new language

@pytest.fixture
def german(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The package's catalogues plus `de.toml`: a copy of en.toml whose CLDR locale is `de`,
    as a translator starts (`LINKEDIN_STAGES_CATALOGUES`, or `catalogue.CATALOGUES`)."""
    folder = tmp_path / "catalogues"
    shutil.copytree(PACKAGE / "i18n" / "catalogues", folder)
    english = (folder / "en.toml").read_text(encoding="utf-8")
    assert '\nlocale = "en"\n' in english
    (folder / "de.toml").write_text(english.replace('\nlocale = "en"\n', '\nlocale = "de"\n'),
                                    encoding="utf-8")
    monkeypatch.setattr(catalogue_module, "CATALOGUES", folder)
    catalogue_module.reload()
    yield folder
    monkeypatch.undo()
    catalogue_module.reload()


def test_adding_a_language_is_adding_one_catalogue(german: Path) -> None:
    from linkedin_stages import load_export
    from linkedin_stages.analysis import analyze
    from linkedin_stages.report import build_report

    assert languages()[0] == "en" and "de" in languages()  # English first, then by code
    # the check tells the translator what CLDR wants of German (its ordinal day has only
    # "other"), and nothing else
    assert all("formats.day_number" in problem for problem in catalogue_module.check("de"))
    export = load_export(SAMPLES / "lurker")
    page = build_report(export, analyze(export), lang="de", tz="Europe/Berlin")
    assert '<html lang="de"' in page or 'lang="de"' in page
    months = [name for name in ("Januar", "Februar", "März", "Oktober", "Dezember")
              if name in page]
    assert len(months) >= 3, months  # Babel's German month names
    assert word(Notice("readers_event_times", count=1234), "de") == \
        "1234 event time(s) not understood"  # the copy is English until translated


def test_a_new_language_redacts_too(german: Path) -> None:
    """`--redact` needs nothing but the catalogue either: pseudonyms come from [redaction]."""
    from linkedin_stages import load_export
    from linkedin_stages.analysis import analyze
    from linkedin_stages.analysis.report_data import analyze_for_report
    from linkedin_stages.redact import redact_report
    from linkedin_stages.report import render_report

    export = load_export(SAMPLES / "climber")
    data = analyze_for_report(export, analyze(export), zone="Europe/Berlin")
    redacted = redact_report(data, export, lang="de")
    assert redacted.data.redaction is not None
    page = render_report(redacted.data, lang="de")
    assert "Person 1" in page  # the copy's pseudonyms, from its [redaction] table
    for name in export.connections["full_name"].drop_nulls().head(20):
        assert name not in page


def test_the_catalogue_folder_can_come_from_the_environment(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    folder = tmp_path / "catalogues"
    shutil.copytree(PACKAGE / "i18n" / "catalogues", folder)
    shutil.copy(folder / "en.toml", folder / "xx.toml")
    result = subprocess.run(
        [sys.executable, "-c", "from linkedin_stages.i18n.catalogue import languages; "
                               "print(' '.join(languages()))"],
        env={**os.environ, catalogue_module.CATALOGUES_VARIABLE: str(folder)},
        capture_output=True, text=True, check=True)
    found = result.stdout.split()
    assert found[0] == "en" and found[-1] == "xx" and "fr" in found
