"""The offline HTML report (`linkedin-stages analyze`): the report's analysis → one page.

    from linkedin_stages import load_export
    from linkedin_stages.analysis import analyze
    from linkedin_stages.report import build_report, write_report

    export = load_export("sample_exports/climber")
    html = build_report(export, analyze(export), lang="en", tz="Europe/Paris")
    write_report(html, "climber-report.html")

Layers: `viewmodel` (`ReportData` → plain frozen dataclasses, words and numbers in the
report's language, charts as specifications), `draw` (the specifications → SVG), then
`templates/report.html.j2` (autoescaped, strict); `render` is the glue.
"""

from __future__ import annotations

from .render import (
    DEFAULT_NAME,
    build_report,
    check_output,
    check_zone,
    local_zone,
    render_report,
    write_report,
)

__all__ = ["DEFAULT_NAME", "build_report", "check_output", "check_zone", "local_zone",
           "render_report", "write_report"]
