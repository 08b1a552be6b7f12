"""What member data may become on a page: links only to LinkedIn over https, text as text.

The archive is the member's, but its text came from other people too (connection names,
companies, shared titles), and a report is a file that may be passed around. So nothing from
the data is ever markup: Jinja escapes it, bidi controls are isolated by `<bdi>` in the
template, and the only URLs made clickable are LinkedIn's own, rebuilt from their parts.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

LINKEDIN_HOSTS = frozenset({"linkedin.com", "www.linkedin.com"})
_UNSAFE = re.compile(r"[\s\x00-\x1f\x7f\\<>\"'`]")


def linkedin_url(value: object) -> str | None:
    """`value` as an https://www.linkedin.com/… URL, or None if it is anything else.

    Only http(s) URLs on linkedin.com are kept (as https on www.linkedin.com); `javascript:`,
    `data:`, relative, protocol-relative, credentials, odd ports and any whitespace, quote or
    control character make the link plain text.
    """
    if not isinstance(value, str) or not value or len(value) > 2048 or _UNSAFE.search(value):
        return None
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or port is not None:
        return None
    if parts.username is not None or parts.password is not None:
        return None
    host = (parts.hostname or "").lower()
    if host not in LINKEDIN_HOSTS or not parts.path.startswith("/"):
        return None
    return urlunsplit(("https", "www.linkedin.com", parts.path, parts.query, ""))


def clip(text: str, limit: int) -> str:
    """`text` cut to `limit` characters with "…" (names and companies can be anything)."""
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def first_line(text: object, limit: int = 180) -> str:
    """The first non-empty line of `text`, cut at a word boundary near `limit` with "…"."""
    if not isinstance(text, str):
        return ""
    line = next((part.strip() for part in text.splitlines() if part.strip()), "")
    if len(line) <= limit:
        return line
    cut = line[:limit]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-–—") + "…"
