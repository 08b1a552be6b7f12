"""The glue: a timeline → one self-contained HTML page, written atomically.

`build_report(export, timeline, lang=…, tz=…, now=…)` returns the page as a string (same
inputs, same string: nothing here reads the clock); `write_report(html, path)` writes it
through a temporary file in the destination folder and `os.replace`, so a failure leaves no
half-written report and keeps an older one intact.
"""

from __future__ import annotations

import os
import tempfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from ..errors import ReportError

DEFAULT_NAME = "linkedin-stages-report.html"


def check_zone(tz: str) -> str:
    """`tz` if it is an IANA time zone name zoneinfo knows, else a ReportError."""
    try:
        if not tz or tz.startswith(("/", ".")) or ".." in tz:
            raise ValueError(tz)
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ReportError(f"unknown time zone {tz!r}: give an IANA name such as "
                          f"Europe/Paris or America/New_York") from None
    return tz


def local_zone() -> str:
    """The machine's IANA time zone name ($TZ, /etc/timezone, /etc/localtime), or UTC."""
    candidates = []
    env = os.environ.get("TZ", "").lstrip(":")
    if env:
        candidates.append(env)
    try:
        candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    except OSError:
        pass
    try:
        target = os.readlink("/etc/localtime")
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    except OSError:
        pass
    known = available_timezones()
    for name in candidates:
        if name in known:
            return name
    return "UTC"


def _bytecode_cache(options: dict[str, bool]):  # noqa: ANN202
    """Jinja2's compiled-template cache in the temporary folder (Jinja2's own per-user,
    owner-only folder): compiling the report template costs ~0.14 s a run, loading it 2 ms.
    It holds templates only, never member data; if it cannot be used, templates compile.
    Jinja2 checks each template's source; the file names also carry these options and
    Jinja2's version, which the compiled code depends on too."""
    import hashlib

    import jinja2

    class QuietCache(jinja2.FileSystemBytecodeCache):
        def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            try:
                super().load_bytecode(bucket)
            except (OSError, ValueError, EOFError):  # unreadable or damaged: compile
                bucket.reset()

        def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            try:
                super().dump_bytecode(bucket)
            except OSError:  # full or read-only temporary folder: just no cache
                pass

    if os.environ.get("LINKEDIN_STAGES_NO_TEMPLATE_CACHE"):
        return None
    key = hashlib.sha256(repr((sorted(options.items()), jinja2.__version__)).encode())
    try:
        return QuietCache(pattern=f"__linkedin_stages_{key.hexdigest()[:12]}_%s.cache")
    except (OSError, RuntimeError):  # no usable temporary folder
        return None


def environment(*, autoescape: bool = True):  # noqa: ANN201
    """The project's Jinja2 environment: its templates, strict about undefined names, HTML
    autoescaped (`autoescape=False` only for plain-text terminal output, `inspect`)."""
    import jinja2

    options = {"autoescape": autoescape, "trim_blocks": True, "lstrip_blocks": True,
               "keep_trailing_newline": True}
    return jinja2.Environment(
        loader=jinja2.PackageLoader("linkedin_stages.templates", ""),
        undefined=jinja2.StrictUndefined,
        bytecode_cache=_bytecode_cache(options),
        **options,
    )


def build_report(export, timeline, *, lang: str = "en", tz: str = "UTC",  # noqa: ANN001
                 now: datetime | None = None) -> str:
    """The report page for `timeline` (built from `export`), in `lang`, hours in `tz`."""
    from .viewmodel import build_view

    view = build_view(export, timeline, lang=lang, tz=check_zone(tz), now=now)
    template = environment().get_template("report.html.j2")
    return template.render(view=view, t=view.t)


def check_output(export_path: str | os.PathLike[str], output: str | os.PathLike[str]) -> Path:
    """`output` if a report may be written there: never inside (or over) the export."""
    out = Path(output).expanduser()
    resolved = out.resolve()
    export = Path(export_path).expanduser().resolve()
    if resolved == export or (export.is_dir() and resolved.is_relative_to(export)):
        raise ReportError(f"{out}: the report must not be written inside the export "
                          f"({export}); choose another place with -o")
    if resolved.is_dir():
        raise ReportError(f"{out} is a folder: give a file name, e.g. {out / DEFAULT_NAME}")
    if not resolved.parent.is_dir():
        raise ReportError(f"{out.parent}: no such folder to write the report in")
    return out


def write_report(html: str, path: str | os.PathLike[str]) -> Path:
    """Write `html` to `path` atomically (temporary file beside it, then `os.replace`)."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    data = html.encode("utf-8")
    try:
        handle, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.",
                                             suffix=".tmp")
    except OSError as exc:
        raise ReportError(f"{target}: cannot write the report ({exc.strerror or exc})") from None
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)
        os.replace(temp, target)
    except BaseException as exc:
        temp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise ReportError(f"{target}: cannot write the report "
                              f"({exc.strerror or exc})") from None
        raise
    return target
