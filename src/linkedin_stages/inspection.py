"""What `inspect` says about an export: a JSON-able summary and its text rendering.

The text is for a terminal: everything it prints from the archive (paths, file and member
names, headers, warnings, values) has its control characters shown escaped (`safe_label`).
The JSON summary keeps the real text; the command line escapes C1 controls, bidi controls
and lone surrogates in it as `\\uXXXX` (json.dumps escapes the C0 ones)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .export import Export
from .i18n.catalogue import REFERENCE, catalogue
from .i18n.notices import word
from .readers import SPECS
from .safe_output import safe_label
from .templating import environment


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


def layout_in(variant: str, lang: str) -> str:
    """A file's layout (the readers' English phrase, "2018 layout; re-saved by a
    spreadsheet") in `lang`: each phrase of the catalogue's `[inspect.layout]` replaced by its
    wording, longest first and in one pass; anything else (a column's name) kept as it is."""
    if lang == REFERENCE or not variant:
        return variant
    phrases = catalogue(lang)["inspect"]["layout"]
    return _layout_pattern(lang).sub(lambda m: phrases[m.group(0)], variant)


@functools.cache
def _layout_pattern(lang: str) -> re.Pattern[str]:
    """The `[inspect.layout]` phrases of `lang` as one pattern, longest first (compiled once
    a language, not once a file)."""
    phrases = catalogue(lang)["inspect"]["layout"]
    return re.compile("|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)))


def render_text(export: Export, lang: str = REFERENCE) -> str:
    """The human-readable `inspect` output, in `lang` (its catalogue's `[inspect]` table; the
    warnings, repairs and omissions are notices worded in it)."""
    words = catalogue(lang)
    inspect_words = words["inspect"]

    def count(value: int) -> str:
        if lang == REFERENCE:  # as ever, and no Babel to load for an English terminal
            return f"{value:,}"
        from .i18n.formatting import integer

        return integer(value, lang)

    rows = [
        _Row(name, safe_label(word(report.file, lang)), count(report.rows),
             report.first.isoformat() if report.first else "—",
             report.last.isoformat() if report.last else "—",
             safe_label(layout_in(report.variant or "", lang)))
        for name, report in export.reports.items()
    ]
    widths = {
        "name": max([len(inspect_words["dataset_col"]), *(len(r.name) for r in rows),
                     *(len(name) for name in export.missing)]),
        "file": min(44, max([len(inspect_words["file_col"]), *(len(r.file) for r in rows)])),
        "rows": max([len(inspect_words["rows_col"]), *(len(r.rows) for r in rows)]),
        # the labels of the first lines, aligned after the longest
        "label": 1 + max(len(inspect_words[key])
                         for key in ("export", "found", "member", "archive")),
    }
    # sorted by their English text, in every language: the order of the JSON
    repairs = [
        (name, word(what, lang), count(number))
        for name, report in export.reports.items()
        for what, number in sorted(report.repairs.items())
    ]
    dropped = [
        (name, word(why, lang), count(number))
        for name, report in export.reports.items()
        for why, number in sorted(report.dropped.items())
    ]
    warnings = [(name, w) for name, report in export.reports.items() for w in report.warnings]
    seen = {w for _, w in warnings}
    warnings += [("export", w) for w in export.warnings if w not in seen]
    worded = [(name, word(w, lang)) for name, w in warnings]
    missing = [(name, SPECS[name].filename, words.text(f"limits.{name}"))
               for name in export.missing]
    # Plain-text terminal output: the text environment passes every value through
    # safe_label (control characters shown as \x1b); file names are made safe here already
    # so that the columns are measured on what is printed.
    template = environment(autoescape=False).get_template("inspect.txt.j2")
    return template.render(
        w=inspect_words,
        export=export,
        archive_meaning=inspect_words["archive_kind"][export.archive],
        rows=rows,
        widths=widths,
        repairs=repairs,
        dropped=dropped,
        warnings=worded,
        missing=missing,
    )
