"""The report's "How others responded" block, from the analytics workbook (`--analytics`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from linkedin_stages.cli import cli
from linkedin_stages.synth.analytics_workbook import workbook_bytes

SAMPLES = Path(__file__).resolve().parent.parent / "sample_exports"


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("analytics") / "curator.xlsx"
    path.write_bytes(workbook_bytes("curator"))
    return path


@pytest.mark.parametrize("lang,heading,label", [
    ("en", "How others responded", "Engagement rate"),
    ("fr", "Ce que les autres en ont fait", "Taux d’interaction"),
])
def test_engagement_block_with_a_workbook(tmp_path: Path, workbook: Path, lang: str,
                                          heading: str, label: str) -> None:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["analyze", str(SAMPLES / "curator"), "-o", str(out),
                                      "--lang", lang, "--tz", "UTC", "-q",
                                      "--analytics", str(workbook)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert heading in html and label in html and "curator.xlsx" in html
    assert 'id="engagement"' in html


def test_no_engagement_block_without_a_workbook(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["analyze", str(SAMPLES / "curator"), "-o", str(out),
                                      "--tz", "UTC", "-q"])
    assert result.exit_code == 0, result.output
    assert 'id="engagement"' not in out.read_text(encoding="utf-8")


def test_a_workbook_inside_the_export_is_picked_up_with_a_notice(tmp_path: Path,
                                                                  workbook: Path) -> None:
    import shutil

    export = tmp_path / "export"
    shutil.copytree(SAMPLES / "curator", export)
    shutil.copy(workbook, export / "analytics.xlsx")
    out = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["analyze", str(export), "-o", str(out), "--tz", "UTC",
                                      "-q"])
    assert result.exit_code == 0, result.output
    assert "Note: using the analytics workbook" in result.stderr
    assert 'id="engagement"' in out.read_text(encoding="utf-8")


def test_a_bad_workbook_is_one_error_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a workbook")
    result = CliRunner().invoke(cli, ["timeline", str(SAMPLES / "curator"),
                                      "--analytics", str(bad)])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and "bad.xlsx" in result.stderr
