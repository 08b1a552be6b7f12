"""What `inspect` says about an export: a JSON-able summary and its text rendering.

The text is for a terminal: everything it prints from the archive (paths, file and member
names, headers, warnings, values) has its control characters shown escaped (`safe_label`).
The JSON summary keeps the real text; the command line escapes C1 controls, bidi controls
and lone surrogates in it as `\\uXXXX` (json.dumps escapes the C0 ones)."""

from __future__ import annotations

from dataclasses import dataclass

from .export import Export
from .readers import SPECS
from .safe_output import safe_label
from .templating import environment

ARCHIVE_MEANING = {
    "complete": "a complete archive (the larger download, with your activity)",
    "basic": "a basic archive (the fast download: no posts, comments or reactions, so content "
             "stages will show as unknown)",
    "partial": "a partial archive (some core files are missing: selected categories, or files "
               "lost when copying)",
}


def summary(export: Export) -> dict[str, object]:
    """The `inspect --format json` document (documented in the README)."""
    return {
        "export": str(export.location),
        "source": export.source_kind,
        "found_in": export.found_in,
        "exported_on": export.exported_on.isoformat() if export.exported_on else None,
        "archive": export.archive,
        "member": export.member_name,
        "datasets": {name: report.to_json() for name, report in export.reports.items()},
        "missing": list(export.missing),
        "missing_limits": {name: SPECS[name].limits for name in export.missing},
        "recognised_unused_files": list(export.recognised_files),
        "unknown_files": list(export.unknown_files),
        "warnings": list(export.warnings),
    }


@dataclass(frozen=True)
class _Row:
    name: str
    file: str
    rows: str
    first: str
    last: str
    variant: str


def render_text(export: Export) -> str:
    """The human-readable `inspect` output."""
    rows = [
        _Row(name, safe_label(report.file), f"{report.rows:,}",
             report.first.isoformat() if report.first else "—",
             report.last.isoformat() if report.last else "—",
             safe_label(report.variant or ""))
        for name, report in export.reports.items()
    ]
    widths = {
        "name": max([len("dataset"), *(len(r.name) for r in rows),
                     *(len(name) for name in export.missing)]),
        "file": min(44, max([len("file"), *(len(r.file) for r in rows)])),
        "rows": max([len("rows"), *(len(r.rows) for r in rows)]),
    }
    repairs = [
        (name, what, count)
        for name, report in export.reports.items()
        for what, count in sorted(report.repairs.items())
    ]
    dropped = [
        (name, why, count)
        for name, report in export.reports.items()
        for why, count in sorted(report.dropped.items())
    ]
    warnings = [(name, w) for name, report in export.reports.items() for w in report.warnings]
    seen = {w for _, w in warnings}
    warnings += [("export", w) for w in export.warnings if w not in seen]
    missing = [(name, SPECS[name].filename, SPECS[name].limits) for name in export.missing]
    # Plain-text terminal output: the text environment passes every value through
    # safe_label (control characters shown as \x1b); file names are made safe here already
    # so that the columns are measured on what is printed.
    template = environment(autoescape=False).get_template("inspect.txt.j2")
    return template.render(
        export=export,
        archive_meaning=ARCHIVE_MEANING[export.archive],
        rows=rows,
        widths=widths,
        repairs=repairs,
        dropped=dropped,
        warnings=warnings,
        missing=missing,
    )
