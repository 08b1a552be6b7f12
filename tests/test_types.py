"""Types: mypy passes on the package, the named values are Literal types, and every dataset is
a typed attribute of `Export`.

mypy runs through its API with pyproject.toml's `[tool.mypy]` options on the whole package.
"""

from __future__ import annotations

import dataclasses
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

# mypy's options are pyproject.toml's [tool.mypy] block; the cache sits in the checkout
# (ignored by git), so a second run costs about 1.5 s instead of 13.
MYPY_OPTIONS = (
    "--config-file", str(ROOT / "pyproject.toml"),
    "--no-error-summary",
    "--cache-dir", str(ROOT / ".mypy_cache"),
)


def test_mypy_finds_no_error() -> None:
    """Every module of the package type-checks clean (no list of exempt modules)."""
    api = pytest.importorskip(
        "mypy.api", reason="mypy is not installed (it is in the test extra: "
                           "pip install -e '.[test]')")
    stdout, stderr, status = api.run([*MYPY_OPTIONS, str(PACKAGE)])
    assert status in (0, 1), f"mypy did not run (exit {status}):\n{stderr}{stdout}"
    assert status == 0 and not stdout.strip(), "mypy:\n" + stdout


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
