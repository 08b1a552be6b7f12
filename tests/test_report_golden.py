"""Golden files: the whole report of two sample members, in both languages, compared with
tests/golden/ after scrubbing what changes for reasons unrelated to the report (the tool's
version, chart geometry — see report_support.scrub).

On a mismatch the page is written to tests/actual/ (git-ignored) and the test fails; look at
the difference, and if it is intended, update the golden files with

    UPDATE_GOLDEN=1 python -m pytest tests/test_report_golden.py
"""

from __future__ import annotations

import difflib
import os

import pytest

from report_support import ACTUAL, GOLDEN, report, scrub

CASES = [("climber", "en"), ("climber", "fr"), ("lurker", "en"), ("lurker", "fr")]


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_report_matches_golden(name: str, lang: str) -> None:
    actual = scrub(report(name, lang))
    golden = GOLDEN / f"report-{name}-{lang}.html"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
        return
    expected = golden.read_text(encoding="utf-8") if golden.exists() else ""
    if actual == expected:
        return
    ACTUAL.mkdir(parents=True, exist_ok=True)
    out = ACTUAL / golden.name
    out.write_text(actual, encoding="utf-8")
    diff = "".join(list(difflib.unified_diff(
        expected.splitlines(keepends=True), actual.splitlines(keepends=True),
        str(golden), str(out), n=1))[:60])
    pytest.fail(f"{golden.name} differs from the golden file (actual output: {out}).\n"
                f"If the change is intended, run:\n"
                f"    UPDATE_GOLDEN=1 python -m pytest tests/test_report_golden.py\n\n{diff}",
                pytrace=False)


def test_scrub_keeps_the_words_and_drops_the_geometry() -> None:
    page = scrub(report("lurker", "en"))
    assert "linkedin-stages VERSION" in page
    charts = page.count('class="chart-svg"')
    assert charts >= 4 and page.count("geometry scrubbed") == charts
    assert "text: 2016" in page  # tick labels survive the scrub
