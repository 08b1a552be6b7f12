"""Open an export (folder or .zip) read-only and index its files by a normalised name.

Nothing here ever writes: folders are only listed and read, zip members are only read into
memory (their names are never used as paths on disk), and every read is size-capped so a
hostile archive cannot exhaust memory. Only regular files are ever opened: a FIFO, a device or
a socket could block or never end, and links are never followed.
"""

from __future__ import annotations

import io
import lzma
import os
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, BinaryIO, Literal

from .errors import ExportError, FileReadError
from .i18n.notices import Notice
from .safe_output import safe_label

# A single export file above this size is refused (the largest real ones are tens of MB;
# a stress archive is hundreds). Protects memory against zip bombs and wrong inputs.
MAX_MEMBER_BYTES = 1_000_000_000
# CSV text deflates 4 to 20 times; a member that inflates more than this, past a few MB, is a
# zip bomb: refused from its declared sizes before inflating a byte, and while inflating (the
# bytes actually produced are counted) in case the declared sizes lie.
MAX_COMPRESSION_RATIO = 100
BOMB_MIN_BYTES = 20_000_000
READ_CHUNK = 4 << 20  # inflate and read in pieces this big, counting as we go

# A real export's zip directory is tens of kB (a few hundred files). Each entry costs zipfile
# about 1 kB of memory and 10 µs: a directory this big (some 200,000 entries) is refused
# before zipfile parses it.
MAX_CENTRAL_DIRECTORY_BYTES = 16_000_000

HEAD_BYTES = 65_536  # enough to sniff the encoding and find any header
MAX_NAME_WARNINGS = 10  # past this many odd names, one line counts the rest

_KEY_STRIP = re.compile(r"[\s_\-]+")
# Exceptions the decompressors and zipfile raise on damaged or unsupported members.
_ZIP_READ_ERRORS = (OSError, EOFError, ValueError, RuntimeError, NotImplementedError,
                    zipfile.BadZipFile, zlib.error, lzma.LZMAError, OverflowError)
_UTF8_NAME_FLAG = 0x800


def normalise_name(name: str) -> str:
    """`Rich Media.csv`, `Rich_Media.csv` and `richmedia` all give `richmedia`."""
    base = PurePosixPath(name.replace("\\", "/")).name.lower()
    if base.endswith(".csv"):
        base = base[:-4]
    return _KEY_STRIP.sub("", base)


@dataclass(frozen=True)
class Member:
    """One file of the export: its path inside the export and its size in bytes."""

    path: str  # POSIX-style path relative to the export root, safe to print (display only)
    size: int
    compressed: int | None = None  # zip members: bytes stored in the archive
    # What is actually opened: the zip entry itself (never its name: a name may be repeated),
    # or the real relative path of a folder file (which `path` may show escaped).
    locator: zipfile.ZipInfo | str | None = field(default=None, compare=False, repr=False)

    @property
    def key(self) -> str:
        return normalise_name(self.path)

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.path).suffix.lower()

    @property
    def parts(self) -> tuple[str, ...]:
        return PurePosixPath(self.path).parts


def _open_regular(path: Path, label: str) -> BinaryIO:
    """Open a folder file for reading only if it is (still) a regular file, without following
    a link and without blocking on a FIFO; `FileReadError` otherwise."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise FileReadError(Notice("source_cannot_read", file=label,
                                   reason=_describe(exc))) from exc
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise FileReadError(Notice("source_not_regular", file=label))
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def _describe(exc: BaseException) -> str:
    text = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return safe_label(text or type(exc).__name__)


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
            with _open_regular(self.local, self.path) as handle:
                try:
                    return handle.read(size)
                except OSError as exc:
                    raise FileReadError(Notice("source_cannot_read", file=self.path,
                                               reason=_describe(exc))) from exc
        return self.raw()[:size]

    @classmethod
    def from_bytes(cls, path: str, data: bytes) -> FileData:
        return cls(path, lambda: data, None, data)


def _ignored(path: str) -> bool:
    parts = PurePosixPath(path).parts
    return any(p == "__MACOSX" or p.startswith("._") or p == ".DS_Store" for p in parts)


_SPECIAL_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
                  (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def _special_kind(mode: int) -> str:
    return next((name for test, name in _SPECIAL_KINDS if test(mode)), "a special file")


def _zip_label(info: zipfile.ZipInfo, bad_utf8: bool = False) -> str:
    """The name to show for a zip entry. `orig_filename` keeps what follows a NUL (zipfile cuts
    `filename` there, which could make `Connections.csv\\0.txt` pass for a CSV). A name stored
    without the UTF-8 flag was decoded as cp437; most such names are really UTF-8 (zip tools
    that omit the flag), so they are read as UTF-8 when that decodes. A name flagged UTF-8 that
    is not (`bad_utf8`) shows its undecodable bytes as `\\xNN`."""
    name = info.orig_filename
    if not info.flag_bits & _UTF8_NAME_FLAG and not name.isascii():
        stored = name.encode("cp437")
        try:
            name = stored.decode("utf-8")
        except UnicodeError:
            if bad_utf8:
                name = stored.decode("utf-8", errors="surrogateescape")
    return name.replace("\\", "/").lstrip("/")


class _LenientNames(io.RawIOBase):
    """The archive file as zipfile sees it, except that an entry whose name is flagged UTF-8
    but is not UTF-8 has that flag cleared (in the central directory and in its local header),
    so zipfile decodes the name as cp437 instead of refusing the whole archive. `cleared`
    holds those entries' header offsets."""

    _CENTRAL = b"PK\x01\x02"
    _LOCAL = b"PK\x03\x04"

    def __init__(self, raw: BinaryIO) -> None:
        super().__init__()
        self._raw = raw
        self._directory_read = False
        self.cleared: set[int] = set()

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._raw.seek(offset, whence)

    def tell(self) -> int:
        return self._raw.tell()

    def close(self) -> None:  # the caller closes the real file
        super().close()

    def read(self, size: int | None = -1) -> bytes:
        position = self._raw.tell()
        data = self._raw.read(-1 if size is None else size)
        if not self._directory_read and data.startswith(self._CENTRAL):
            self._directory_read = True  # zipfile reads the directory once, first
            return self._clear_central(data)
        if data.startswith(self._LOCAL) and position in self.cleared and len(data) >= 8:
            patched = bytearray(data)
            patched[7] &= ~(_UTF8_NAME_FLAG >> 8) & 0xFF
            return bytes(patched)
        return data

    def _clear_central(self, data: bytes) -> bytes:
        patched = bytearray(data)
        at = 0
        while at + 46 <= len(patched) and patched[at:at + 4] == self._CENTRAL:
            flags, = struct.unpack_from("<H", patched, at + 8)
            name_length, extra_length, comment_length = struct.unpack_from("<HHH", patched,
                                                                           at + 28)
            offset, = struct.unpack_from("<I", patched, at + 42)
            name = bytes(patched[at + 46:at + 46 + name_length])
            if flags & _UTF8_NAME_FLAG and not _valid_utf8(name):
                struct.pack_into("<H", patched, at + 8, flags & ~_UTF8_NAME_FLAG)
                self.cleared.add(offset)
            at += 46 + name_length + extra_length + comment_length
        return bytes(patched)


def central_directory_size(handle: BinaryIO) -> int | None:
    """The size the archive's end record gives its central directory (ZIP64 included), read
    the way zipfile finds it; None if there is no end record."""
    handle.seek(0, os.SEEK_END)
    size = handle.tell()
    tail_length = min(size, 22 + 65_535)
    handle.seek(size - tail_length)
    tail = handle.read(tail_length)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or at + 22 > len(tail):
        return None
    entries, directory_size = struct.unpack_from("<HL", tail, at + 10)
    locator = at - 20
    if (entries == 0xFFFF or directory_size == 0xFFFFFFFF) and locator >= 56 \
            and tail[locator:locator + 4] == b"PK\x06\x07":
        record = tail[locator - 56:locator]  # the ZIP64 end record sits just before
        if record[:4] == b"PK\x06\x06":
            directory_size, = struct.unpack_from("<Q", record, 40)
    return int(directory_size)


def _valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# What an export was given as: an unzipped folder or LinkedIn's zip.
SourceKind = Literal["folder", "zip"]


@dataclass
class ExportSource:
    """A read-only view of an export: `members` lists every file, `read()` returns its bytes.

    `warnings` holds export-level notes for the user (unreadable sub-folders, repeated zip
    entry names, names shown escaped); `skipped` the links and special files not followed.
    """

    location: Path
    kind: SourceKind
    members: list[Member] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # links and special files not followed
    warnings: list[str] = field(default_factory=list)
    _zip: zipfile.ZipFile | None = None
    _zip_file: BinaryIO | None = None

    @property
    def label(self) -> str:
        """The export's location, safe to print (a path may hold bytes that are not UTF-8)."""
        return safe_label(str(self.location))

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> ExportSource:
        location = Path(path)
        label = safe_label(str(location))
        # Look before opening anything: opening a FIFO blocks and a device never ends.
        try:
            status = os.stat(location)
        except (FileNotFoundError, NotADirectoryError):
            raise ExportError(f"{label}: no such file or folder (expected an unzipped "
                              "LinkedIn export folder or the downloaded .zip)") from None
        except (OSError, ValueError) as exc:
            raise ExportError(f"{label}: cannot access ({_describe(exc)})") from exc
        if stat.S_ISDIR(status.st_mode):
            return cls._open_folder(location)
        if not stat.S_ISREG(status.st_mode):
            raise ExportError(f"{label}: {_special_kind(status.st_mode)}, not a folder or a zip "
                              "archive (expected an unzipped LinkedIn export folder or the "
                              "downloaded .zip)")
        return cls._open_file(location)

    @classmethod
    def _open_file(cls, location: Path) -> ExportSource:
        label = safe_label(str(location))
        try:
            # O_NONBLOCK: if the file was swapped for a FIFO since the check, do not hang.
            descriptor = os.open(location, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                                 | getattr(os, "O_CLOEXEC", 0))
        except OSError as exc:
            raise ExportError(f"{label}: cannot read ({_describe(exc)})") from exc
        handle = os.fdopen(descriptor, "rb")
        try:
            if not stat.S_ISREG(os.fstat(descriptor).st_mode):
                raise ExportError(f"{label}: not a regular file, a folder or a zip archive")
            is_zip = zipfile.is_zipfile(handle)
        except OSError as exc:
            handle.close()
            raise ExportError(f"{label}: cannot read ({_describe(exc)})") from exc
        except BaseException:
            handle.close()
            raise
        if is_zip:
            return cls._open_zip(location, handle)
        handle.close()
        if location.suffix.lower() == ".zip":
            raise ExportError(f"{label}: the zip archive is corrupt or truncated; "
                              "download the export again")
        raise ExportError(f"{label}: not a folder or a zip archive (expected an unzipped "
                          "LinkedIn export folder or the downloaded .zip)")

    @classmethod
    def _open_folder(cls, root: Path) -> ExportSource:
        """Walk the folder without following links; only regular files become members. An
        unreadable sub-folder is a warning; an unreadable root is an `ExportError`."""
        members: list[Member] = []
        skipped: list[str] = []
        warnings: list[str] = []
        renamed: list[str] = []
        pending = [""]  # relative folder paths, real names (they may not be UTF-8)
        while pending:
            folder = pending.pop()
            try:
                with os.scandir(root / folder if folder else root) as listing:
                    entries = sorted(listing, key=lambda entry: entry.name)
            except OSError as exc:
                if not folder:
                    raise ExportError(f"{safe_label(str(root))}: cannot list the folder "
                                      f"({_describe(exc)})") from exc
                warnings.append(Notice("source_folder_unlisted", folder=safe_label(folder),
                                       reason=_describe(exc)))
                continue
            subfolders: list[str] = []
            for entry in entries:
                rel = f"{folder}/{entry.name}" if folder else entry.name
                shown = safe_label(rel)
                try:
                    if entry.is_symlink():
                        skipped.append(shown)  # never follow a link out of the export
                    elif entry.is_dir(follow_symlinks=False):
                        if entry.name != "__MACOSX":
                            subfolders.append(rel)
                    elif not entry.is_file(follow_symlinks=False):
                        skipped.append(shown)  # FIFO, socket, device: never opened
                    elif not _ignored(rel):
                        size = entry.stat(follow_symlinks=False).st_size
                        members.append(Member(shown, size, None, rel))
                        if shown != rel:
                            renamed.append(shown)
                except OSError as exc:
                    warnings.append(Notice("source_cannot_read_skipped", file=shown,
                                           reason=_describe(exc)))
            pending.extend(reversed(subfolders))  # depth first, in name order
        warnings += _renamed_warnings(renamed)
        return cls(root, "folder", members, skipped, warnings)

    @classmethod
    def _open_zip(cls, path: Path, handle: BinaryIO) -> ExportSource:
        label = safe_label(str(path))
        try:
            directory_size = central_directory_size(handle)
        except (OSError, struct.error, ValueError):
            directory_size = None  # zipfile says what is wrong below
        if directory_size is not None and directory_size > MAX_CENTRAL_DIRECTORY_BYTES:
            handle.close()
            raise ExportError(f"{label}: the archive's list of files takes {directory_size:,} "
                              "bytes (hundreds of thousands of files); no LinkedIn export "
                              "is like that")
        lenient: _LenientNames | None = None
        try:
            try:
                archive = zipfile.ZipFile(handle)
            except UnicodeDecodeError:
                # A name flagged UTF-8 that is not: zipfile refuses the whole archive. Read it
                # again with those flags cleared, so only that name is odd (shown escaped).
                lenient = _LenientNames(handle)
                archive = zipfile.ZipFile(lenient)
            infos = archive.infolist()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError,
                OverflowError, MemoryError) as exc:
            handle.close()
            raise ExportError(f"{label}: the zip archive is corrupt or truncated "
                              f"({_describe(exc)}); download the export again") from exc
        chosen: dict[str, zipfile.ZipInfo] = {}
        repeats: dict[str, int] = {}
        renamed: list[str] = []
        for info in infos:
            if info.is_dir() or _ignored(info.orig_filename):
                continue
            # The member name is only a label and a lookup key, never a path on disk.
            bad_utf8 = lenient is not None and info.header_offset in lenient.cleared
            name = _zip_label(info, bad_utf8)
            shown = safe_label(name)
            if shown in chosen:
                repeats[shown] = repeats.get(shown, 1) + 1
                continue
            chosen[shown] = info
            if bad_utf8 or shown != name:
                renamed.append(shown)
        members = sorted((Member(shown, info.file_size, info.compress_size, info)
                          for shown, info in chosen.items()), key=lambda m: m.path)
        warnings: list[str] = [
            Notice("source_repeated_names" if count > 2 else "source_repeated_name",
                   file=shown, count=count)
            for shown, count in sorted(repeats.items())]
        warnings += _renamed_warnings(renamed)
        return cls(path, "zip", members, [], warnings, archive, handle)

    def read(self, member: Member) -> bytes:
        """The member's bytes; `FileReadError` if it cannot be read safely."""
        self._check_size(member)
        if self._zip is not None:
            info = member.locator
            if not isinstance(info, zipfile.ZipInfo):
                raise FileReadError(Notice("source_not_member", file=member.path))
            try:
                with self._zip.open(info) as handle:
                    return self._read_capped(handle, member)
            except FileReadError:
                raise
            except _ZIP_READ_ERRORS as exc:  # RuntimeError: an encrypted member
                raise FileReadError(Notice("source_cannot_read", file=member.path,
                                            reason=_describe(exc))) from exc
        relative = member.locator if isinstance(member.locator, str) else member.path
        with _open_regular(self.location / relative, member.path) as handle:
            try:
                return self._read_capped(handle, member)
            except OSError as exc:
                raise FileReadError(Notice("source_cannot_read", file=member.path,
                                            reason=_describe(exc))) from exc

    @staticmethod
    def _read_capped(handle: IO[bytes], member: Member) -> bytes:
        """Read, counting the bytes actually produced: stop as soon as they pass the size cap
        or, for a zip member, the compression-ratio cap (whatever the headers say). A folder
        file's size (already checked) comes in one read, anything beyond it in chunks; a zip
        member inflates chunk by chunk (zipfile's one big read would hold it twice)."""
        first = READ_CHUNK if member.compressed is not None else member.size + 1
        data = handle.read(min(max(first, 1), MAX_MEMBER_BYTES + 1))
        _check_inflated(len(data), member)
        chunk = handle.read(READ_CHUNK)
        if not chunk:
            return data
        out = io.BytesIO(data)
        out.seek(0, io.SEEK_END)
        total = len(data)
        while chunk:
            total += len(chunk)
            _check_inflated(total, member)
            out.write(chunk)
            chunk = handle.read(READ_CHUNK)
        return out.getvalue()

    @staticmethod
    def _check_size(member: Member) -> None:
        if member.size > MAX_MEMBER_BYTES:
            raise FileReadError(Notice("source_too_large", file=member.path,
                                       size=member.size))
        if (member.compressed is not None and member.size > BOMB_MIN_BYTES
                and member.size > MAX_COMPRESSION_RATIO * max(member.compressed, 1)):
            raise FileReadError(Notice("source_would_inflate", file=member.path,
                                       compressed=member.compressed, size=member.size))

    def file(self, member: Member) -> FileData:
        """Lazy access to a member: folder files stay on disk (polars reads them by path)."""
        self._check_size(member)
        local = None
        if self._zip is None:
            local = self.location / (member.locator if isinstance(member.locator, str)
                                     else member.path)
            if not _utf8_encodable(str(local)):
                local = None  # polars takes only UTF-8 paths: read such a file through Python
        return FileData(member.path, lambda: self.read(member), local)

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()
            self._zip = None
        if self._zip_file is not None:
            self._zip_file.close()
            self._zip_file = None

    def __enter__(self) -> ExportSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _check_inflated(total: int, member: Member) -> None:
    """Raise if `total` bytes produced so far already make `member` too big or a zip bomb."""
    if total > MAX_MEMBER_BYTES:
        raise FileReadError(Notice("source_inflates_beyond", file=member.path,
                                   limit=MAX_MEMBER_BYTES))
    if (member.compressed is not None and total > BOMB_MIN_BYTES
            and total > MAX_COMPRESSION_RATIO * max(member.compressed, 1)):
        raise FileReadError(Notice("source_inflates_from", file=member.path,
                                   compressed=member.compressed, size=total))


def _utf8_encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _renamed_warnings(shown: list[str]) -> list[str]:
    """One warning per file whose name had to be escaped to be shown (a few, then a count)."""
    lines: list[str] = [Notice("source_name_escaped", file=name)
                        for name in shown[:MAX_NAME_WARNINGS]]
    if len(shown) > MAX_NAME_WARNINGS:
        lines.append(Notice("source_more_names_escaped", count=len(shown) - MAX_NAME_WARNINGS))
    return lines
