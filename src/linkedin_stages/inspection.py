"""What `inspect` says about an export: a JSON-able summary and its text rendering.

The text is for a terminal: everything it prints from the archive (paths, file and member
names, headers, warnings, values) has its control characters shown escaped (`safe_label`).
The JSON summary keeps the real text; the command line escapes C1 controls, bidi controls
and lone surrogates in it as `\\uXXXX` (json.dumps escapes the C0 ones)."""

from __future__ import annotations

from dataclasses import dataclass

from .export import Export
from .i18n.catalogue import catalogue
from .readers import SPECS
from .safe_output import safe_label
from .templating import environment

# The words of the text output: the [inspect] table of the English catalogue (the terminal
# output is English; the JSON summary has no words of its own)
WORDS = catalogue("en")["inspect"]
ARCHIVE_MEANING: dict[str, str] = WORDS["archive_kind"]


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
        "name": max([len(WORDS["dataset_col"]), *(len(r.name) for r in rows),
                     *(len(name) for name in export.missing)]),
        "file": min(44, max([len(WORDS["file_col"]), *(len(r.file) for r in rows)])),
        "rows": max([len(WORDS["rows_col"]), *(len(r.rows) for r in rows)]),
        # the labels of the first lines, aligned after the longest
        "label": 1 + max(len(WORDS[key]) for key in ("export", "found", "member", "archive")),
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
        w=WORDS,
        export=export,
        archive_meaning=ARCHIVE_MEANING[export.archive],
        rows=rows,
        widths=widths,
        repairs=repairs,
        dropped=dropped,
        warnings=warnings,
        missing=missing,
    )
