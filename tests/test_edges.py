"""Files are read at the edge: the analysis takes objects (a `Thresholds`, an `Analytics`),
never paths; the command line reads the thresholds file before the export and finds the
workbooks through the library (`analytics.load_workbooks`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from linkedin_stages import load_export
from linkedin_stages.analysis import DEFAULTS, build_timeline
from linkedin_stages.analytics import load_workbooks
from linkedin_stages.cli import cli
from linkedin_stages.synth.analytics_workbook import workbook_bytes

SAMPLES = Path(__file__).resolve().parent.parent / "sample_exports"


@pytest.fixture(scope="module")
def lurker():  # noqa: ANN201
    return load_export(SAMPLES / "lurker")


@pytest.mark.parametrize("not_thresholds", ["t.toml", Path("t.toml"), None, {"relay_enter": 1}])
def test_build_timeline_never_reads_a_thresholds_file(lurker, tmp_path: Path,
                                                      not_thresholds: object,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "t.toml").write_text("relay_enter = 50\n", encoding="utf-8")
    with pytest.raises(TypeError, match="Thresholds object"):
        build_timeline(lurker, thresholds=not_thresholds)  # type: ignore[arg-type]


def test_build_timeline_defaults_to_the_built_in_thresholds(lurker) -> None:
    assert build_timeline(lurker).thresholds is DEFAULTS


def test_the_analysis_opens_no_file(lurker, monkeypatch: pytest.MonkeyPatch) -> None:
    """Once the export is loaded, building the timeline opens nothing."""
    import builtins
    import io
    import os

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"the analysis opened a file: {args[:1]}")

    for module, name in ((builtins, "open"), (io, "open"), (os, "open")):
        monkeypatch.setattr(module, name, refuse)
    build_timeline(lurker)


@pytest.mark.parametrize("command", ["timeline", "analyze"])
def test_a_bad_thresholds_file_is_one_line_before_the_export_is_read(
        tmp_path: Path, command: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import linkedin_stages.export as export_module

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the export was read before the thresholds file")

    monkeypatch.setattr(export_module, "load_export", never)
    bad = tmp_path / "bad.toml"
    bad.write_text("relay_enter = 'high'\n", encoding="utf-8")
    result = CliRunner().invoke(cli, [command, str(SAMPLES / "lurker"), "--thresholds",
                                      str(bad), "-o" if command == "analyze" else "--format",
                                      str(tmp_path / "r.html") if command == "analyze"
                                      else "json"])
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and str(bad) in lines[0]
    assert not (tmp_path / "r.html").exists()


# --- workbooks -------------------------------------------------------------------------------


def _export_with_workbooks(tmp_path: Path, *names: str, bad: str | None = None) -> Path:
    folder = tmp_path / "export"
    folder.mkdir()
    for path in (SAMPLES / "curator").iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    for name in names:
        (folder / name).write_bytes(workbook_bytes("curator"))
    if bad:
        (folder / bad).write_bytes(b"not a workbook")
    return folder


def test_load_workbooks_uses_those_found_and_says_which(tmp_path: Path) -> None:
    folder = _export_with_workbooks(tmp_path, "analytics.xlsx", bad="budget.xlsx")
    found = load_workbooks([folder])
    assert found.analytics is not None and found.analytics.files == (folder / "analytics.xlsx",)
    notices = [(n.level, n.text) for n in found.notices]  # in the order of the files
    assert notices[0] == ("Note", f"using the analytics workbook {folder / 'analytics.xlsx'} "
                                  "found in the export")
    assert notices[1][0] == "Warning" and "budget.xlsx" in notices[1][1]


def test_load_workbooks_given_ones_win_and_none_is_none(tmp_path: Path) -> None:
    folder = _export_with_workbooks(tmp_path, "analytics.xlsx")
    given = tmp_path / "given.xlsx"
    given.write_bytes(workbook_bytes("curator"))
    chosen = load_workbooks([folder], [given])
    assert chosen.analytics is not None and chosen.analytics.files == (given,)
    assert not [n for n in chosen.notices if n.level == "Note"]
    nothing = load_workbooks([SAMPLES / "lurker"])
    assert nothing.analytics is None and nothing.notices == ()


# --- choices ---------------------------------------------------------------------------------


def test_the_cli_choices_come_from_the_library() -> None:
    from linkedin_stages.analysis import STAGES
    from linkedin_stages.cli import LANGUAGE_CHOICE, STAGE_CHOICE
    from linkedin_stages.i18n.catalogue import languages

    assert tuple(LANGUAGE_CHOICE.choices) == languages()
    assert tuple(STAGE_CHOICE.choices) == STAGES
    for command in ("timeline", "compare", "analyze"):
        option = next(p for p in cli.commands[command].params if p.name == "lang")
        assert option.type is LANGUAGE_CHOICE
