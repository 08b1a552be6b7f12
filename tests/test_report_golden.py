"""Golden files: the whole report of two sample members, in both languages, compared with
tests/golden/ after scrubbing what changes for reasons unrelated to the report (the tool's
version, chart geometry — see report_support.scrub).

On a mismatch the page is written to tests/actual/ (git-ignored) and the test fails; look at
the difference, and if it is intended, update the golden files with

    UPDATE_GOLDEN=1 python -m pytest tests/test_report_golden.py
"""

from __future__ import annotations

import pytest

from report_support import GOLDEN, check_golden, report, scrub

CASES = [("climber", "en"), ("climber", "fr"), ("lurker", "en"), ("lurker", "fr")]


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_report_matches_golden(name: str, lang: str) -> None:
    actual = scrub(report(name, lang))
    check_golden(actual, GOLDEN / f"report-{name}-{lang}.html",
                 "tests/test_report_golden.py", context=1, shown=60)


def test_scrub_keeps_the_words_and_drops_the_geometry() -> None:
    page = scrub(report("lurker", "en"))
    assert "linkedin-stages VERSION" in page
    charts = page.count('class="chart-svg"')
    assert charts >= 4 and page.count("geometry scrubbed") == charts
    assert "text: 2016" in page  # tick labels survive the scrub
