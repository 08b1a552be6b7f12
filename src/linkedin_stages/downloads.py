"""Find the export a user meant when they point the tool at a folder that holds exports.

A user often points the tool at `~/Downloads`, which holds `Basic_LinkedInDataExport_…` and
`Complete_LinkedInDataExport_…` folders or zips next to their photos. Reading that folder as
one export would merge several archives into a member who does not exist, so:

* a folder that holds LinkedIn's files at its top is an export (the usual unzipped folder);
* otherwise the exports inside it (up to two levels down) are listed: exactly one is used,
  and the caller says which; several stop with a message that lists each and says what to do.

Only names are looked at (and the member list of a zip): nothing is read, links are never
followed, FIFOs and devices are never opened.
"""

from __future__ import annotations

import os
import re
import stat
import struct
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .errors import ExportError
from .i18n.notices import Notice
from .readers import COMPLETE_ONLY, CORE, KEY_TO_DATASET, RECOGNISED_UNUSED
from .safe_output import safe_label
from .source import central_directory_size, normalise_name

# LinkedIn names its downloads `Basic_LinkedInDataExport_MM-DD-YYYY` and
# `Complete_LinkedInDataExport_MM-DD-YYYY` (a browser may add ` (1)`).
_EXPORT_NAME = re.compile(
    r"(?i)(?:(basic|complete)_)?linkedin_?data_?export[_ -]*(\d{1,2})-(\d{1,2})-(\d{4})")
# Files that make a folder an export on their own: the core files, or activity files.
EXPORT_MARKERS = frozenset(CORE) | COMPLETE_ONLY | {"messages", "invitations", "positions"}
_MARKERS = EXPORT_MARKERS
_SEARCH_DEPTH = 4  # ~/Downloads/<export>/ … ~/Downloads/a/b/c/<export>/
_MAX_ZIP_DIRECTORY = 16_000_000  # bytes: as source.py, a file list no export has
_MAX_ENTRIES = 5_000  # a folder scanned for exports: enough for any download folder


@dataclass(frozen=True)
class FoundExport:
    """One export inside a folder: where, which download, and when LinkedIn made it."""

    path: Path
    kind: str  # "basic", "complete" or "unknown"
    exported_on: date | None
    keys: frozenset[str] = frozenset()  # normalised names of its CSV files (at its top)

    def describe(self) -> str:
        when = (f"exported {self.exported_on.isoformat()}" if self.exported_on
                else "export date unknown")
        form = "zip" if self.path.suffix.lower() == ".zip" else "folder"
        # Labels are made safe where they are printed (the CLI, inspect's text).
        kind = {"basic": "basic archive", "complete": "complete archive"}.get(
            self.kind, "archive")
        return f"{self.path.name} ({kind}, {form}, {when})"


def date_in_name(name: str) -> date | None:
    """The export date LinkedIn writes in its download's name, or None."""
    match = _EXPORT_NAME.search(name)
    if match is None:
        return None
    month, day, year = (int(g) for g in match.group(2, 3, 4))
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _kind_from_name(name: str) -> str | None:
    match = _EXPORT_NAME.search(name)
    if match is None or match.group(1) is None:
        return None
    return match.group(1).lower()


def _kind_from_keys(keys: set[str]) -> str:
    return "complete" if keys & COMPLETE_ONLY else "basic" if keys else "unknown"


def _is_export_key(key: str) -> bool:
    return key in KEY_TO_DATASET or key in RECOGNISED_UNUSED


def csv_keys(folder: Path) -> set[str]:
    """Normalised names of the CSV files directly in `folder` (no link followed)."""
    keys: set[str] = set()
    try:
        with os.scandir(folder) as entries:
            for count, entry in enumerate(entries):
                if count > _MAX_ENTRIES:
                    break
                if entry.name.lower().endswith(".csv") and entry.is_file(follow_symlinks=False):
                    keys.add(normalise_name(entry.name))
    except OSError:
        return set()
    return keys


def _zip_keys(path: Path) -> set[str] | None:
    """Normalised names of a zip's CSV members, or None if it is not a readable zip (or one
    whose list of files is far larger than any export's: not parsed at all)."""
    try:
        with open(path, "rb") as handle:
            size = central_directory_size(handle)
            if size is not None and size > _MAX_ZIP_DIRECTORY:
                return None
            with zipfile.ZipFile(handle) as archive:
                names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError, struct.error):
        return None
    return {normalise_name(n) for n in names[:_MAX_ENTRIES] if n.lower().endswith(".csv")}


def _regular_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def _as_export(path: Path, is_dir: bool) -> FoundExport | None:
    """`path` as an export if it looks like one (by its name, or its files), else None."""
    named = _EXPORT_NAME.search(path.name) is not None
    if is_dir:
        keys = csv_keys(path)
        if not (keys & _MARKERS) and not (named and any(_is_export_key(k) for k in keys)):
            return None
    else:
        if path.suffix.lower() != ".zip" or not _regular_file(path):
            return None
        zip_keys = _zip_keys(path)
        if zip_keys is None or not (zip_keys & _MARKERS or (named and zip_keys)):
            return None
        keys = zip_keys
    return _found(path, keys)


def _found(path: Path, keys: set[str]) -> FoundExport:
    kind = _kind_from_name(path.name) or _kind_from_keys(keys & _MARKERS)
    return FoundExport(path, kind, date_in_name(path.name), frozenset(keys))


def exports_inside(folder: Path, depth: int = _SEARCH_DEPTH) -> list[FoundExport]:
    """The exports (folders or zips) inside `folder`, down to `depth` levels, sorted."""
    found: list[FoundExport] = []
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda e: e.name)[:_MAX_ENTRIES]
    except OSError:
        return found
    for entry in entries:
        if entry.name == "__MACOSX" or entry.name.startswith("."):
            continue
        try:
            if entry.is_symlink():
                continue  # never follow a link out of the folder
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            continue
        candidate = _as_export(Path(entry.path), is_dir)
        if candidate is not None:
            found.append(candidate)
        elif is_dir and depth > 1:
            found.extend(exports_inside(Path(entry.path), depth - 1))
    return found


@dataclass(frozen=True)
class Resolved:
    """The export to read, a note saying which when it was found inside a folder, and
    warnings about other exports that were left unread."""

    path: Path
    note: str | None = None
    warnings: tuple[str, ...] = ()


def resolve_export(path: Path) -> Resolved:
    """The export meant by `path`: itself, or the only export inside it. Several exports
    inside: an `ExportError` listing each and what to do (never merged)."""
    try:
        is_dir = stat.S_ISDIR(os.stat(path).st_mode)
    except OSError:
        return Resolved(path)  # the reader says what is wrong with it
    if not is_dir:
        return Resolved(path)
    top = csv_keys(path)
    # The files that make an export (its core or activity files) directly in the folder make
    # it an export itself; a stray `Events.csv` or `contacts.csv` in ~/Downloads does not.
    if top & _MARKERS:
        # An export folder itself, unless other exports sit in it too (their files would be
        # read as this one's).
        # A sub-folder counts as another export when it is named like one or holds two of
        # the files that make an export (a lone copy of one file is a duplicate, reported).
        inside = exports_inside(path, depth=1)
        found = [e for e in inside
                 if e.path.suffix.lower() != ".zip"
                 and (e.exported_on or len(e.keys & _MARKERS) >= 2)]
        if not found:
            # A zip is never read as part of a folder export: say it is there, unread.
            return Resolved(path, warnings=tuple(
                Notice("downloads_zip_inside", export=safe_label(e.describe()))
                for e in inside if e.path.suffix.lower() == ".zip"))
        found.insert(0, _found(path, top))
    else:
        found = exports_inside(path)
        if not found:
            # No export anywhere it looks: the folder is read as one only if its files do
            # not come from several (load_export checks that from the files it indexes).
            return Resolved(path)
    if len(found) == 1:
        return Resolved(found[0].path, Notice("downloads_using", export=found[0].describe(),
                                              folder=path))
    if len(found) > 1:
        listed = safe_label("; ".join(f"{n}. {e.describe()}" for n, e in enumerate(found, 1)))
        stems: dict[str, list[int]] = {}
        for n, e in enumerate(found, 1):
            stems.setdefault(e.path.stem if e.path.suffix.lower() == ".zip" else e.path.name,
                             []).append(n)
        twins = [" and ".join(map(str, ns)) for ns in stems.values() if len(ns) > 1]
        same = (f" ({'; '.join(twins)} look like one export, zipped and unzipped: either "
                "will do)" if twins else "")
        raise ExportError(
            f"{safe_label(str(path))} holds {len(found)} LinkedIn exports, which are never "
            f"merged: {listed}.{same} "
            "Point the tool at one of them, or compare two with "
            "`linkedin-stages compare OLD NEW`")
    return Resolved(path)
