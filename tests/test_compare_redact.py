"""`compare --redact`: the comparison, matched on the real archives, names nobody."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from linkedin_stages import load_export
from linkedin_stages.cli import cli

SAMPLES = Path(__file__).resolve().parent.parent / "sample_exports"
PAIR = [str(SAMPLES / "climber-2021-06"), str(SAMPLES / "climber")]


def _names() -> set[str]:
    names: set[str] = set()
    for sample in ("climber", "climber-2021-06"):
        export = load_export(SAMPLES / sample)
        names |= set(export.connections["full_name"].drop_nulls().to_list())
        names |= set(export.messages["from_name"].drop_nulls().to_list())
        names.add(export.member_name or "")
    return {n for n in names if len(n) >= 4}


def _leaks(text: str) -> list[str]:
    found = [n for n in _names() if re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", text)]
    found += [p for p in ("linkedin.com/in/", "@example.", "feed/update", "urn:li:",
                          "sample_exports") if p in text]
    return found


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_redacted_html_names_nobody(tmp_path: Path, lang: str) -> None:
    out = tmp_path / "cmp.html"
    result = CliRunner().invoke(cli, ["compare", *PAIR, "-o", str(out), "--redact",
                                      "--lang", lang])
    assert result.exit_code == 0, result.output
    page = html.unescape(out.read_text(encoding="utf-8"))
    assert _leaks(page) == []
    assert ("Person " if lang == "en" else "Personne ") in page  # job moves as pseudonyms


def test_redacted_json_names_nobody_and_keeps_the_counts() -> None:
    runner = CliRunner()
    plain = json.loads(runner.invoke(cli, ["compare", *PAIR, "--format", "json"]).stdout)
    redacted_run = runner.invoke(cli, ["compare", *PAIR, "--format", "json", "--redact"])
    assert redacted_run.exit_code == 0
    assert _leaks(redacted_run.stdout) == []
    redacted = json.loads(redacted_run.stdout)
    for key in ("gained", "lost", "job_changes", "unmatched"):
        assert redacted["connections"][key] == plain["connections"][key]
    assert redacted["stage_change"] == plain["stage_change"]
    assert redacted["activity_between"] == plain["activity_between"]


def test_companies_redacted_on_request(tmp_path: Path) -> None:
    out = tmp_path / "cmp.html"
    plain = CliRunner().invoke(cli, ["compare", *PAIR, "--format", "json"]).stdout
    company = json.loads(plain)["connections"]["gained_top_companies"][0]["name"]
    result = CliRunner().invoke(cli, ["compare", *PAIR, "-o", str(out), "--redact-companies"])
    assert result.exit_code == 0
    page = html.unescape(out.read_text(encoding="utf-8"))
    assert company not in page and "Company " in page
