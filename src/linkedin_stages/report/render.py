"""The glue: a timeline → one self-contained HTML page, written atomically.

`build_report(export, timeline, lang=…, tz=…, now=…)` returns the page as a string (same
inputs, same string: nothing here reads the clock); `write_report(html, path)` writes it
through a temporary file in the destination folder and `os.replace` (`safe_output`), so a
failure or a signal leaves no half-written report and keeps an older one intact.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..safe_output import check_destination, write_atomically
from ..templating import environment
from ..zones import check_zone
from ..zones import local_zone as local_zone  # re-exported: it was defined here

if TYPE_CHECKING:
    from ..analysis.model import Timeline
    from ..analysis.report_data import ReportData
    from ..export import Export

DEFAULT_NAME = "linkedin-stages-report.html"


def build_report(export: Export, timeline: Timeline, *, lang: str = "en", tz: str = "UTC",
                 now: datetime | None = None) -> str:
    """The report page for `timeline` (built from `export`), in `lang`, hours in `tz`:
    the analysis the page shows (`analyze_for_report`), then `render_report`. A redacted
    page is `render_report(redact_report(analyze_for_report(…), export).data)`."""
    from ..analysis.report_data import analyze_for_report

    return render_report(analyze_for_report(export, timeline, zone=check_zone(tz)), lang=lang,
                         now=now)


def render_report(data: ReportData, *, lang: str = "en", now: datetime | None = None) -> str:
    """The report page of a finished `ReportData` (perhaps redacted): view, then its charts
    drawn, then the template."""
    from .draw import drawn
    from .viewmodel import build_view

    view = drawn(build_view(data, lang=lang, now=now))
    template = environment().get_template("report.html.j2")
    return template.render(view=view, t=view.t)


def check_output(export_path: str | os.PathLike[str], output: str | os.PathLike[str]) -> Path:
    """`output` if a report may be written there: never inside (or over) the export
    (`safe_output.check_destination`, which says how)."""
    return check_destination(export_path, output, what="report", option="-o",
                             example=DEFAULT_NAME)


def write_report(html: str, path: str | os.PathLike[str]) -> Path:
    """Write `html` to `path` atomically (`safe_output.write_atomically`: a short-named
    temporary file beside it, then `os.replace`; nothing left behind on failure or signal)."""
    return write_atomically(path, html.encode("utf-8"), what="the report")
