"""Types: mypy passes on the package, the named values are Literal types, and every dataset is
a typed attribute of `Export`.

mypy runs through its API with the options of the `[tool.mypy]` block proposed for
pyproject.toml, on the whole package (imports are followed anyway); its errors count only for
the modules of CHECKED for now: the rest join when their refactor lands.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import re
from pathlib import Path
from typing import get_args

import pytest

from linkedin_stages import Export, load_export
from linkedin_stages.analysis.model import (
    OWN_KINDS,
    POST_KINDS,
    STAGES,
    PostKind,
    Stage,
    is_stage,
)
from linkedin_stages.export import ARCHIVE_KINDS, Dataset
from linkedin_stages.readers import DATASETS, SPECS

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "linkedin_stages"

# The options of the proposed [tool.mypy] block, on the command line until it lands.
MYPY_OPTIONS = (
    "--python-version", "3.11",
    "--warn-unused-ignores",
    "--warn-redundant-casts",
    "--strict-equality",
    "--check-untyped-defs",
    "--disallow-untyped-defs",
    "--disallow-incomplete-defs",
    "--no-error-summary",
    "--show-error-codes",
    "--cache-dir", str(ROOT / ".mypy_cache"),  # mypy keeps its own .gitignore in it
)

# Modules (relative to src/linkedin_stages) whose mypy errors fail the test. The rest join when
# their refactor lands (report/, redact, cli, analytics, the rest of analysis/, inspection,
# i18n/, errors): then this list becomes "*".
CHECKED = (
    "__init__.py", "csvread.py", "dates.py", "downloads.py", "export.py", "links.py",
    "months.py", "safe_output.py", "source.py", "templating.py", "workbook_files.py",
    "readers/*.py", "synth/*.py",
    "analysis/model.py", "analysis/metrics.py", "analysis/stages.py", "analysis/lexicon.py",
)
_ERROR = re.compile(r"^(?P<path>[^:]+\.py):\d+(?::\d+)?: error: ")


def _checked(path: str) -> bool:
    # mypy names files relative to where it runs, or absolutely: keep what follows the package
    relative = Path(path).as_posix().rpartition("src/linkedin_stages/")[2]
    return any(fnmatch.fnmatch(relative, pattern) for pattern in CHECKED)


def test_mypy_finds_no_error() -> None:
    api = pytest.importorskip(
        "mypy.api", reason="mypy is not installed (it is in the test extra: "
                           "pip install -e '.[test]')")
    stdout, stderr, status = api.run([*MYPY_OPTIONS, str(PACKAGE)])
    assert status in (0, 1), f"mypy did not run (exit {status}):\n{stderr}{stdout}"
    errors = [line for line in stdout.splitlines()
              if (match := _ERROR.match(line)) and _checked(match["path"])]
    assert not errors, "mypy:\n" + "\n".join(errors)


def test_every_checked_pattern_names_a_module() -> None:
    modules = [p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")]
    unmatched = [pattern for pattern in CHECKED
                 if not any(fnmatch.fnmatch(m, pattern) for m in modules)]
    assert not unmatched, f"CHECKED names modules that do not exist: {unmatched}"


# --- the named values ---------------------------------------------------------------------

def test_the_named_values_keep_their_strings_and_order() -> None:
    """They are in the JSON outputs and the reports: Literal types, same strings."""
    assert STAGES == ("present", "relay", "producer", "power_networker") == get_args(Stage)
    assert POST_KINDS == ("original", "commented_share", "curated_share", "reshare",
                          "article") == get_args(PostKind)
    assert set(OWN_KINDS) <= set(POST_KINDS)
    assert OWN_KINDS == ("original", "commented_share", "article")
    assert ARCHIVE_KINDS == ("complete", "basic", "partial")
    assert all(is_stage(stage) for stage in STAGES)
    assert not any(is_stage(value) for value in (None, "", "Producer", "power networker", 1))


def test_the_sample_generator_scripts_the_same_stages() -> None:
    """synth/ may not import the analysis (it stands beside the main line): its own list of
    stages must stay the analysis' one."""
    from linkedin_stages.synth import content, personas

    assert personas.STAGES == STAGES
    assert set(content.STAGES) == set(STAGES)
    assert set(personas.BEHAVIOUR) == set(STAGES)


@pytest.mark.parametrize(("sample", "archive"), [("climber", "complete"), ("basic", "basic")])
def test_an_export_names_its_archive_and_source_kinds(sample: str, archive: str) -> None:
    export = load_export(ROOT / "sample_exports" / sample)  # read-only
    assert export.archive == archive
    assert export.source_kind == "folder"


# --- one typed attribute per dataset ------------------------------------------------------

def test_every_dataset_is_an_attribute_of_export() -> None:
    attributes = [name for name, value in vars(Export).items() if isinstance(value, Dataset)]
    assert attributes == list(DATASETS), "one Dataset attribute per readers.SPECS, in order"
    assert set(attributes).isdisjoint(f.name for f in dataclasses.fields(Export))


def test_a_dataset_attribute_is_the_table_of_that_dataset(tmp_path: Path) -> None:
    export = _empty_export(tmp_path)
    for name in SPECS:
        assert getattr(export, name) is export.tables[name]


def test_an_unknown_attribute_is_an_attribute_error(tmp_path: Path) -> None:
    export = _empty_export(tmp_path)
    with pytest.raises(AttributeError):
        export.connection  # type: ignore[attr-defined]  # noqa: B018 (a misspelt dataset)
    assert not hasattr(export, "shares_")
    with pytest.raises(AttributeError, match="read-only"):
        export.shares = export.tables["shares"]  # type: ignore[misc]
    del export.tables["votes"]
    with pytest.raises(AttributeError, match="votes"):
        export.votes  # noqa: B018


def _empty_export(tmp_path: Path) -> Export:
    return Export(location=tmp_path, source_kind="folder",
                  tables={name: spec.empty() for name, spec in SPECS.items()}, reports={},
                  missing=list(DATASETS), recognised_files=[], unknown_files=[], warnings=[],
                  archive="partial")
