"""Open an export (folder or .zip) read-only and index its files by a normalised name.

Nothing here ever writes: folders are only listed and read, zip members are only read into
memory (their names are never used as paths on disk), and every read is size-capped so a
hostile archive cannot exhaust memory.
"""

from __future__ import annotations

import os
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .errors import ExportError, FileReadError

# A single export file above this size is refused (the largest real ones are tens of MB;
# a stress archive is hundreds). Protects memory against zip bombs and wrong inputs.
MAX_MEMBER_BYTES = 1_000_000_000
# CSV text deflates 4 to 20 times; a member that would inflate more than this, past a few MB,
# is a zip bomb: refused before inflating a byte.
MAX_COMPRESSION_RATIO = 100
BOMB_MIN_BYTES = 20_000_000

HEAD_BYTES = 65_536  # enough to sniff the encoding and find any header

_KEY_STRIP = re.compile(r"[\s_\-]+")


def normalise_name(name: str) -> str:
    """`Rich Media.csv`, `Rich_Media.csv` and `richmedia` all give `richmedia`."""
    base = PurePosixPath(name.replace("\\", "/")).name.lower()
    if base.endswith(".csv"):
        base = base[:-4]
    return _KEY_STRIP.sub("", base)


@dataclass(frozen=True)
class Member:
    """One file of the export: its path inside the export and its size in bytes."""

    path: str  # POSIX-style path relative to the export root (display only)
    size: int
    compressed: int | None = None  # zip members: bytes stored in the archive

    @property
    def key(self) -> str:
        return normalise_name(self.path)

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.path).suffix.lower()

    @property
    def parts(self) -> tuple[str, ...]:
        return PurePosixPath(self.path).parts


@dataclass
class FileData:
    """One export file, loaded lazily: a folder file is handed to polars by path (no copy
    through Python), a zip member is read into memory once."""

    path: str  # display path inside the export
    loader: Callable[[], bytes]
    local: Path | None = None
    _raw: bytes | None = None

    def raw(self) -> bytes:
        if self._raw is None:
            self._raw = self.loader()
        return self._raw

    def head(self, size: int = HEAD_BYTES) -> bytes:
        if self._raw is None and self.local is not None:
            with open(self.local, "rb") as handle:
                return handle.read(size)
        return self.raw()[:size]

    @classmethod
    def from_bytes(cls, path: str, data: bytes) -> FileData:
        return cls(path, lambda: data, None, data)


def _ignored(path: str) -> bool:
    parts = PurePosixPath(path).parts
    return any(p == "__MACOSX" or p.startswith("._") or p == ".DS_Store" for p in parts)


@dataclass
class ExportSource:
    """A read-only view of an export: `members` lists every file, `read()` returns its bytes."""

    location: Path
    kind: str  # "folder" or "zip"
    members: list[Member] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # links and special files not followed
    _zip: zipfile.ZipFile | None = None
    _zip_names: dict[str, str] = field(default_factory=dict)

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> ExportSource:
        location = Path(path)
        if not location.exists():
            raise ExportError(f"{location}: no such file or folder (expected an unzipped "
                              "LinkedIn export folder or the downloaded .zip)")
        if location.is_dir():
            return cls._open_folder(location)
        if zipfile.is_zipfile(location):
            return cls._open_zip(location)
        if location.suffix.lower() == ".zip":
            raise ExportError(f"{location}: the zip archive is corrupt or truncated; "
                              "download the export again")
        raise ExportError(f"{location}: not a folder or a zip archive (expected an unzipped "
                          "LinkedIn export folder or the downloaded .zip)")

    @classmethod
    def _open_folder(cls, root: Path) -> ExportSource:
        members: list[Member] = []
        skipped: list[str] = []
        try:
            for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
                dirnames[:] = sorted(d for d in dirnames if d != "__MACOSX")
                for name in sorted(filenames):
                    full = Path(dirpath) / name
                    rel = full.relative_to(root).as_posix()
                    if full.is_symlink() or not full.is_file():
                        skipped.append(rel)  # never follow a link out of the export
                        continue
                    if not _ignored(rel):
                        members.append(Member(rel, full.stat().st_size))
        except OSError as exc:
            raise ExportError(f"{root}: cannot list the folder ({exc.strerror or exc})") from exc
        return cls(root, "folder", members, skipped)

    @classmethod
    def _open_zip(cls, path: Path) -> ExportSource:
        try:
            archive = zipfile.ZipFile(path)
            infos = archive.infolist()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            raise ExportError(f"{path}: the zip archive is corrupt or truncated ({exc}); "
                              "download the export again") from exc
        names: dict[str, str] = {}
        members: list[Member] = []
        for info in infos:
            if info.is_dir() or _ignored(info.filename):
                continue
            # The member name is only a label and a lookup key, never a path on disk.
            label = info.filename.replace("\\", "/").lstrip("/")
            if label in names:
                continue
            names[label] = info.filename
            members.append(Member(label, info.file_size, info.compress_size))
        members.sort(key=lambda m: m.path)
        return cls(path, "zip", members, [], archive, names)

    def read(self, member: Member) -> bytes:
        """The member's bytes; `FileReadError` if it cannot be read safely."""
        self._check_size(member)
        try:
            if self._zip is not None:
                with self._zip.open(self._zip_names[member.path]) as handle:
                    data = handle.read(MAX_MEMBER_BYTES + 1)
            else:
                with open(self.location / member.path, "rb") as handle:
                    data = handle.read(MAX_MEMBER_BYTES + 1)
        except RuntimeError as exc:  # zipfile raises it for encrypted members
            raise FileReadError(f"{member.path}: cannot read ({exc})") from exc
        except (OSError, zipfile.BadZipFile, EOFError, ValueError) as exc:
            raise FileReadError(f"{member.path}: cannot read ({exc})") from exc
        if len(data) > MAX_MEMBER_BYTES:
            raise FileReadError(f"{member.path}: inflates beyond {MAX_MEMBER_BYTES:,} bytes; "
                                "skipped")
        return data

    @staticmethod
    def _check_size(member: Member) -> None:
        if member.size > MAX_MEMBER_BYTES:
            raise FileReadError(f"{member.path}: {member.size:,} bytes is larger than any "
                                "LinkedIn export file; skipped")
        if (member.compressed is not None and member.size > BOMB_MIN_BYTES
                and member.size > MAX_COMPRESSION_RATIO * max(member.compressed, 1)):
            raise FileReadError(
                f"{member.path}: would inflate from {member.compressed:,} to "
                f"{member.size:,} bytes, which no CSV does (a zip bomb?); skipped")

    def file(self, member: Member) -> FileData:
        """Lazy access to a member: folder files stay on disk (polars reads them by path)."""
        self._check_size(member)
        local = None if self._zip is not None else self.location / member.path
        return FileData(member.path, lambda: self.read(member), local)

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()
            self._zip = None

    def __enter__(self) -> ExportSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
