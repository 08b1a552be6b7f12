"""Find LinkedIn's content-analytics workbooks (.xlsx) inside an export folder, safely.

`find_workbooks(folder)` walks the folder without following links (to files or folders)
and keeps regular files only: a FIFO named `x.xlsx` would block its reader forever, a link
`a.xlsx -> /dev/zero` would be read without end, a link to a folder could lead anywhere
(or loop). Bind mounts that bring a folder back into itself are seen by their identity
(device and inode) and walked once. Finder and Office leftovers (`__MACOSX`, `._x.xlsx`,
`~$x.xlsx`) are skipped silently; links and special files named `.xlsx` are skipped with a
warning. The walk stops, with a warning, after `MAX_ENTRIES` entries: an export holds a few
hundred files, a home folder given by mistake millions. `workbooks_beside(folder)` only names
the workbooks directly in a download folder (beside the export found in it), which are
never read automatically.

Standard library only (its warnings are i18n Notices, which load Babel only when one is
made): the command line calls it before deciding to import the reader.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .i18n.notices import Notice

MAX_ENTRIES = 100_000
_LEFTOVER_PREFIXES = ("~$", "._")


def find_workbooks(folder: str | os.PathLike[str]) -> tuple[list[Path], list[str]]:
    """The regular `.xlsx` files under `folder` (sorted), and warnings about what was
    skipped. A `folder` that is not a folder gives nothing."""
    root = Path(folder)
    warnings: list[str] = []
    found: list[Path] = []
    try:
        root_info = os.stat(root)
    except (OSError, ValueError):
        return [], []
    if not stat.S_ISDIR(root_info.st_mode):
        return [], []
    seen = {(root_info.st_dev, root_info.st_ino)}
    entries = 0

    def unreadable(error: OSError) -> None:
        warnings.append(Notice("workbooks_unlisted", folder=error.filename,
                               reason=str(error.strerror or error)))

    for current, folders, files in os.walk(root, onerror=unreadable, followlinks=False):
        entries += len(folders) + len(files)
        if entries > MAX_ENTRIES:
            warnings.append(Notice("workbooks_too_many", folder=root, limit=MAX_ENTRIES))
            folders[:] = []
            break
        kept = []
        for name in sorted(folders):
            if name == "__MACOSX":
                continue
            try:
                info = os.lstat(os.path.join(current, name))
            except OSError:
                continue
            identity = (info.st_dev, info.st_ino)
            if stat.S_ISDIR(info.st_mode) and identity not in seen:  # not a link, not seen
                seen.add(identity)
                kept.append(name)
        folders[:] = kept
        for name in files:
            if not name.lower().endswith(".xlsx") or name.startswith(_LEFTOVER_PREFIXES):
                continue
            path = Path(current, name)
            try:
                mode = os.lstat(path).st_mode
            except OSError:
                continue
            if stat.S_ISLNK(mode):
                warnings.append(Notice("workbooks_link", file=path))
            elif not stat.S_ISREG(mode):
                warnings.append(Notice("workbooks_special", file=path))
            else:
                found.append(path)
    return sorted(found), warnings


def workbooks_beside(folder: str | os.PathLike[str]) -> list[str]:
    """Names of the `.xlsx` files directly in `folder` (a download folder holding an export),
    regular files only, Office and Finder leftovers skipped; nothing if it cannot be listed.
    They are only named (never read): the member is told to give the workbook explicitly."""
    try:
        with os.scandir(folder) as entries:
            return sorted(entry.name for entry in entries
                          if entry.name.lower().endswith(".xlsx")
                          and not entry.name.startswith(_LEFTOVER_PREFIXES)
                          and entry.is_file(follow_symlinks=False))
    except (OSError, ValueError):
        return []
