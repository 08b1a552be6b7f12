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

from ..errors import ReportError
from ..safe_output import refuse_special, write_atomically
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


def _identity(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def check_output(export_path: str | os.PathLike[str], output: str | os.PathLike[str]) -> Path:
    """`output` if a report may be written there: never inside (or over) the export.

    Compared by file identity (device and inode), not by path: the output's folder and each
    of its parents against the export, so a symbolic link or a bind mount of the export
    folder is seen for what it is; an output that is the export (.zip) itself is refused.
    An existing output must be a regular file (not a device, FIFO, folder or link)."""
    out = Path(output).expanduser()
    export = Path(export_path).expanduser()
    inside = ReportError(f"{out}: the report must not be written inside the export "
                         f"({export}); choose another place with -o")
    try:
        resolved = out.resolve()
        export_resolved = export.resolve()
    except (OSError, RuntimeError) as exc:  # a link loop, a name too long
        raise ReportError(f"{out}: cannot write the report there ({exc})") from None
    if resolved == export_resolved or (export_resolved.is_dir()
                                       and resolved.is_relative_to(export_resolved)):
        raise inside
    export_id = _identity(export)
    if export_id is not None:
        if _identity(out) == export_id:
            raise inside
        folder = Path(os.path.realpath(out.parent if str(out.parent) else "."))
        for ancestor in (folder, *folder.parents):
            if _identity(ancestor) == export_id:
                raise inside
    try:
        if out.is_dir():
            raise ReportError(f"{out} is a folder: give a file name, e.g. "
                              f"{out / DEFAULT_NAME}")
        if not out.parent.is_dir():
            raise ReportError(f"{out.parent}: no such folder to write the report in")
    except OSError as exc:  # a name too long, a folder that cannot be searched
        raise ReportError(f"{out}: cannot write the report there "
                          f"({exc.strerror or exc})") from None
    refuse_special(out, "the report")
    return out


def write_report(html: str, path: str | os.PathLike[str]) -> Path:
    """Write `html` to `path` atomically (`safe_output.write_atomically`: a short-named
    temporary file beside it, then `os.replace`; nothing left behind on failure or signal)."""
    return write_atomically(path, html.encode("utf-8"), what="the report")
