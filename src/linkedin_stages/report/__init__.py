"""The offline HTML report (`linkedin-stages analyze`): a timeline → one self-contained page.

    from linkedin_stages import load_export
    from linkedin_stages.analysis import build_timeline
    from linkedin_stages.report import build_report, write_report

    export = load_export("sample_exports/climber")
    html = build_report(export, build_timeline(export), lang="en", tz="Europe/Paris")
    write_report(html, "climber-report.html")

Layers: `viewmodel` (analysis → plain frozen dataclasses, words and numbers in the report's
language, charts drawn by `charts`), then `templates/report.html.j2` (autoescaped, strict).
"""

from __future__ import annotations

from .render import DEFAULT_NAME, build_report, check_output, check_zone, local_zone, write_report

__all__ = ["DEFAULT_NAME", "build_report", "check_output", "check_zone", "local_zone",
           "write_report"]
