"""Time zones: the IANA name the posting rhythm's hours are counted in.

`check_zone` checks a name the user gave (`--tz`); `local_zone` reads the machine's own ($TZ,
/etc/timezone, /etc/localtime). Reading the environment and the system's files is the edge's
business (the CLI's), so it lives here, below every layer, rather than in a view: the
analysis and the report are handed a name already checked.
"""

from __future__ import annotations

import os
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from .errors import ReportError

__all__ = ["check_zone", "local_zone"]


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
