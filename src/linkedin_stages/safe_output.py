"""What the tool writes, written safely: files atomically, text to a terminal harmlessly.

* `write_atomically(path, data)` writes one output file through a short-named temporary file
  in the destination folder and `os.replace`: a failure, Ctrl-C, SIGTERM or SIGHUP leaves
  no temporary file and keeps an older file intact. It refuses to replace anything that is
  not a regular file (a device, a FIFO, a folder, a symbolic link): replacing `/dev/null`
  or a link would break what the name pointed to, and a FIFO or a terminal cannot be
  written atomically.
* `removed_on_termination(cleanup, …)` is the same signal guard for writers of several files
  (`sample` writes a folder).
* `safe_label(text)` shows control characters visibly (`\\x1b`), so text from an archive
  (file names, member names, values) never drives the terminal; bytes that were not UTF-8
  in a path (surrogates in Python) are shown as `\\xNN` instead of crashing the print.

This module imports only the standard library, so the command line can use it on its
error path without loading polars.
"""

from __future__ import annotations

import os
import re
import signal
import stat
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

from .errors import ReportError

# What `signal.getsignal` returns: a handler, SIG_DFL/SIG_IGN, or None (set outside Python).
SignalHandler = Callable[[int, FrameType | None], Any] | int | None

# Short on purpose: `.{name}.partial` with a 250-byte name exceeds NAME_MAX (255 bytes).
TEMP_PREFIX = ".linkedin-stages-"
TERMINATING_SIGNALS = tuple(
    sig for sig in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if sig)

# C0 and C1 controls, DEL, lone surrogates (os.fsdecode of bytes that are not UTF-8), and the
# invisible characters that reorder or break a terminal line (bidi controls, line separators).
# The same set as source.safe_label.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e"
                     "\u2066-\u2069\ud800-\udfff]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the original byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def safe_label(text: object) -> str:
    """`text` made safe to print on a terminal: control characters (line breaks included),
    lone surrogates and invisible reordering characters are written as visible escapes
    (`\\x1b`, `\\xe9` for the byte 0xE9 of a name that is not UTF-8, `\\u202e`). Printable
    text is unchanged; applying it twice changes nothing more."""
    return _UNSAFE.sub(_visible, str(text))


def refuse_special(path: Path, what: str) -> None:
    """A ReportError unless `path` is absent or a regular file (not followed if a link)."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ReportError(f"{path}: cannot write {what} there ({exc.strerror or exc})") from None
    if stat.S_ISLNK(info.st_mode):
        raise ReportError(f"{path} is a symbolic link: give the path of a regular file for "
                          f"{what} (it would replace the link)")
    if stat.S_ISDIR(info.st_mode):
        raise ReportError(f"{path} is a folder: give a file name for {what}")
    if not stat.S_ISREG(info.st_mode):
        raise ReportError(f"{path} is not a regular file (a device, FIFO or socket): {what} "
                          f"is written to a regular file only")


def _identity(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def same_file(first: Path, second: Path) -> bool:
    """Whether two paths name one file: by resolved path, then by identity (device, inode)."""
    try:
        if first.resolve() == second.resolve():
            return True
    except (OSError, RuntimeError, ValueError):
        return False
    found = _identity(first)
    return found is not None and found == _identity(second)


def check_destination(export_path: str | os.PathLike[str], output: str | os.PathLike[str], *,
                      what: str = "report", option: str = "-o",
                      example: str | None = None) -> Path:
    """`output` if `what` (the report, the card…) may be written there: never inside (or
    over) the export, the input that must stay untouched.

    Compared by file identity (device and inode), not by path: the output's folder and each
    of its parents against the export, so a symbolic link or a bind mount of the export
    folder is seen for what it is; an output that is the export (.zip) itself is refused.
    An existing output must be a regular file (not a device, FIFO, folder or link). `option`
    is the one to name in the error; `example` a file name to suggest for a folder."""
    out = Path(output).expanduser()
    export = Path(export_path).expanduser()
    inside = ReportError(f"{out}: the {what} must not be written inside the export "
                         f"({export}); choose another place with {option}")
    try:
        resolved = out.resolve()
        export_resolved = export.resolve()
    except (OSError, RuntimeError) as exc:  # a link loop, a name too long
        raise ReportError(f"{out}: cannot write the {what} there ({exc})") from None
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
            suggestion = f", e.g. {out / example}" if example else ""
            raise ReportError(f"{out} is a folder: give a file name{suggestion}")
        if not out.parent.is_dir():
            raise ReportError(f"{out.parent}: no such folder to write the {what} in")
    except OSError as exc:  # a name too long, a folder that cannot be searched
        raise ReportError(f"{out}: cannot write the {what} there "
                          f"({exc.strerror or exc})") from None
    refuse_special(out, f"the {what}")
    return out


@contextmanager
def removed_on_termination(cleanup: Callable[[], None], target: Path,
                           what: str) -> Iterator[None]:
    """While the block runs, SIGTERM and SIGHUP run `cleanup` (remove the temporary files)
    and raise a ReportError (one `Error:` line, exit 1); the previous handlers come back
    after. Signals that are ignored (nohup) stay ignored; outside the main thread Python
    cannot install handlers, and the block runs unguarded."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminated(signum: int, _frame: object) -> None:
        cleanup()
        raise ReportError(f"{target}: interrupted by {signal.Signals(signum).name}; "
                          f"{what} was not written")

    previous: dict[int, SignalHandler] = {}
    try:
        for sig in TERMINATING_SIGNALS:
            handler = signal.getsignal(sig)
            if handler is signal.SIG_IGN:
                continue
            signal.signal(sig, terminated)
            previous[sig] = handler
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler if handler is not None else signal.SIG_DFL)


@contextmanager
def signals_blocked() -> Iterator[None]:
    """Hold SIGTERM/SIGHUP (delivered just after) while a temporary file is created and
    recorded, so no signal falls between the two."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, TERMINATING_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _creation_mode() -> int:
    """What a file created by `open` gets: 0o666 less the umask (mkstemp gives 0o600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomically(path: str | os.PathLike[str], data: bytes, *,
                     what: str = "the report") -> Path:
    """Write `data` to `path` through a temporary file beside it and `os.replace`.

    Refuses an existing non-regular `path`; any failure or interruption (exception, Ctrl-C,
    SIGTERM, SIGHUP) removes the temporary file; OSError becomes a ReportError."""
    import tempfile  # here, not at the top: the command line's start stays light

    target = Path(path)
    refuse_special(target, what)
    folder = target.parent  # Path("r.html").parent is Path(".")
    temps: list[str] = []

    def cleanup() -> None:
        while temps:
            try:
                os.unlink(temps.pop())
            except OSError:
                pass

    with removed_on_termination(cleanup, target, what):
        try:
            with signals_blocked():
                handle, temp = tempfile.mkstemp(dir=folder, prefix=TEMP_PREFIX, suffix=".tmp")
                temps.append(temp)
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            os.chmod(temp, _creation_mode())
            refuse_special(target, what)  # replaced by something else meanwhile?
            os.replace(temp, target)
            temps.clear()
        except BaseException as exc:
            cleanup()
            if isinstance(exc, OSError):
                raise ReportError(f"{target}: cannot write {what} "
                                  f"({exc.strerror or exc})") from None
            raise
    return target
