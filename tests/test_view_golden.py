"""Golden files of the view model: the report's `ReportView` of two sample members, in both
languages, as JSON (tests/golden/view-<member>-<lang>.json), compared field by field.

These need no matplotlib and no HTML: a change of the analysis or of the wording shows here
as a change of a named field. The view's string catalogue (`t`, the words of the page's
headings) and the tool's version are left out. On a mismatch the JSON is written to
tests/actual/ (git-ignored) and the test fails; if the change is intended, update the golden
files (these and the HTML ones) with

    UPDATE_GOLDEN=1 python -m pytest tests/test_view_golden.py tests/test_report_golden.py
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
import subprocess
import sys

import pytest

from report_support import GOLDEN, ZONES, check_golden, loaded

CASES = [("climber", "en"), ("climber", "fr"), ("lurker", "en"), ("lurker", "fr")]
LEFT_OUT = {"t"}  # the string catalogue: the page's fixed words, not this member's view


def _plain(value: object) -> object:
    """JSON-ready: NaN (a gap in a chart's line) as null, the version scrubbed."""
    if isinstance(value, dict):
        return {key: _plain(inner) for key, inner in value.items() if key not in LEFT_OUT}
    if isinstance(value, list | tuple):
        return [_plain(inner) for inner in value]
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, str):
        return re.sub(r"linkedin-stages \d+\.\d+[\w.+-]*", "linkedin-stages VERSION", value)
    return value


def view_json(name: str, lang: str) -> str:
    """The view of a sample member as sorted, indented JSON."""
    from linkedin_stages.analysis.report_data import analyze_for_report
    from linkedin_stages.report.viewmodel import build_view

    export, timeline = loaded(name)
    view = build_view(analyze_for_report(export, timeline, zone=ZONES[lang]), lang=lang)
    data = _plain(dataclasses.asdict(view))
    assert isinstance(data, dict)
    data["version"] = "VERSION"
    return json.dumps(data, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_view_matches_golden(name: str, lang: str) -> None:
    actual = view_json(name, lang)
    check_golden(actual, GOLDEN / f"view-{name}-{lang}.json",
                 "tests/test_view_golden.py", context=2, shown=80)


def test_a_view_is_built_without_matplotlib() -> None:
    """Analysis and view model import no matplotlib: the charts are specifications."""
    script = (
        "import sys\n"
        "from linkedin_stages import load_export\n"
        "from linkedin_stages.analysis import build_timeline\n"
        "from linkedin_stages.analysis.report_data import analyze_for_report\n"
        "from linkedin_stages.report.viewmodel import build_view\n"
        f"export = load_export({str(GOLDEN.parent.parent / 'sample_exports' / 'lurker')!r})\n"
        "data = analyze_for_report(export, build_timeline(export), zone='UTC')\n"
        "view = build_view(data, lang='en')\n"
        "assert view.activity.publishing is not None\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'matplotlib'))\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"
