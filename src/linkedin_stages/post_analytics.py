"""LinkedIn's per-post analytics workbook (XLSX): one post's figures and audience.

On LinkedIn, a post's "View analytics" page exports one workbook for that post. Two layouts
are described by public parsers (docs/post-analytics-format.md, with what is known and what
is assumed):

* `PostAnalytics_<Name>_<id>.xlsx`: sheets PERFORMANCE (label/value rows: `Post URL`,
  `Post Date`, `Post Publish Time`, then `Impressions`, `Members reached`, `Reactions`, …)
  and TOP DEMOGRAPHICS (`Category | Value | Percentage`);
* `SinglePostAnalytics_<Name>_<id>.xlsx`: one sheet `Post analytics`, the same label/value
  rows then a `Post viewer demographics` block (`Category | Value | %`).

Both are read by content: a label is found in whichever column it sits (its value is the
next filled cell to its right), at whichever row, so a re-save with a title row or a margin
column reads the same. The workbook is told from the content-analytics workbook
(`analytics.py`) by its sheet names (`is_post_analytics`), so `--analytics` can take either.

This module only reads files into typed data (`PostAnalytics`); joining each workbook to the
member's post is `analysis/post_engagement.py`.
"""

from __future__ import annotations

import html
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta
from pathlib import Path
from typing import Literal
from urllib.parse import unquote

from .analytics import label_key, parse_share, read_sheets
from .errors import AnalyticsError

__all__ = [
    "METRICS",
    "POST_SHEETS",
    "SINGLE_SHEET",
    "AnalyticsError",
    "Demographic",
    "PostAnalytics",
    "PostMetrics",
    "is_post_analytics",
    "is_post_sheets",
    "load_post_analytics",
    "sheet_names",
]

POST_SHEETS = ("PERFORMANCE", "TOP DEMOGRAPHICS")
SINGLE_SHEET = "Post analytics"
# The content workbook's sheets (analytics.SHEETS): one of them means it is not a post's.
_CONTENT_SHEETS = frozenset({"discovery", "engagement", "top posts", "followers",
                             "demographics"})

# Metric labels as LinkedIn writes them (normalised by label_key) → PostMetrics field.
_METRIC_LABELS = {
    "impressions": "impressions",
    "members reached": "members_reached",
    "profile viewers from this post": "profile_viewers",
    "followers gained from this post": "followers_gained",
    "social engagements": "social_engagements",
    "reactions": "reactions",
    "comments": "comments",
    "reposts": "reposts",
    "saves": "saves",
    "sends on linkedin": "sends",
    "sends": "sends",
    "link engagements": "link_engagements",
    "premium custom button engagements": "premium_button_engagements",
}
METRICS = tuple(dict.fromkeys(_METRIC_LABELS.values()))
_URL = {"post url", "url"}
_DATE = {"post date", "post publish date", "publish date"}
_TIME = {"post publish time", "publish time"}
_DEMOGRAPHICS_TITLE = {"post viewer demographics", "top demographics", "demographics"}
_CATEGORY, _VALUE = {"category"}, {"value"}
_SHARE = {"", "percentage", "percent", "share"}  # `%` normalises to ""

# What is read before calamine parses a byte of the sheets (sheet names only).
_MAX_FILE_BYTES = 16 * 1024 * 1024  # analytics.MAX_BYTES: no post's workbook comes close
_MAX_WORKBOOK_PART = 1024 * 1024  # xl/workbook.xml, inflated (a real one: about 1 KB)

_URN = re.compile(r"urn:li:([A-Za-z]+):(\d+)")
_SLUG_ID = re.compile(r"-(activity|share|ugcPost)-(\d+)(?:-|$|[/?#])")
_FILE_ID = re.compile(r"(\d{6,})(?:\s*\(\d+\))?$")  # `…_7300…` or a browser's `… (1)`
_SHEET_TAG = re.compile(rb"<(?:\w+:)?sheet\b[^>]*?\bname\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_WORD_DATE = re.compile(r"([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})")  # `Feb 25, 2026`
_DAY_WORD_DATE = re.compile(r"(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})")  # `25 Feb 2026`
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")  # a date cell, as calamine gives it
_SLASH_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*([AaPp])?\.?\s*[Mm]?\.?")
_COUNT = re.compile(r"[+-]?\d{1,3}(?:[,\u00a0\u202f' ]\d{3})+|[+-]?\d+(?:\.0+)?")

Row = tuple[str | None, ...]
Layout = Literal["sheets", "single"]


@dataclass(frozen=True)
class PostMetrics:
    """The post's counts as the workbook gives them (None: the label is absent or its value
    is not a count). `extra`: other labelled counts, as (label as written, count)."""

    impressions: int | None = None
    members_reached: int | None = None
    profile_viewers: int | None = None
    followers_gained: int | None = None
    social_engagements: int | None = None
    reactions: int | None = None
    comments: int | None = None
    reposts: int | None = None
    saves: int | None = None
    sends: int | None = None
    link_engagements: int | None = None
    premium_button_engagements: int | None = None
    extra: tuple[tuple[str, int], ...] = ()

    def as_dict(self) -> dict[str, int | None]:
        """The named metrics (METRICS order), without `extra`."""
        return {name: getattr(self, name) for name in METRICS}


@dataclass(frozen=True)
class Demographic:
    """One row of the audience table: `share` a fraction, or None with `share_text` as
    written when it is not a number (`< 1%`)."""

    category: str
    value: str
    share: float | None
    share_text: str | None = None


@dataclass(frozen=True)
class PostAnalytics:
    """One per-post workbook.

    * `url`: the `Post URL` as written; `urn_type`/`urn_id` from it (`urn:li:share:<id>`,
      or the `-activity-<id>-` of a `/posts/…` link); `file_id`: the number ending the file
      name (`PostAnalytics_<Name>_<id>.xlsx`), whose URN type LinkedIn does not say.
    * `published` (`Post Date`) and `published_time` (`Post Publish Time`), as written: no
      time zone is given.
    * `metrics`, `demographics`, and `layout`: "sheets" (PERFORMANCE + TOP DEMOGRAPHICS) or
      "single" (one `Post analytics` sheet).
    """

    file: Path
    url: str | None
    urn_type: str | None
    urn_id: str | None
    file_id: str | None
    published: date | None
    published_time: time | None
    metrics: PostMetrics
    demographics: tuple[Demographic, ...]
    layout: Layout

    @property
    def ids(self) -> tuple[str, ...]:
        """Every post id the workbook names (its URL's, then its file name's), once each."""
        return tuple(dict.fromkeys(i for i in (self.urn_id, self.file_id) if i))

    @property
    def activity_id(self) -> str | None:
        """The id of `urn:li:activity:` when the URL names it, else None (a share's or
        ugcPost's id is often another number: see docs/post-analytics-format.md)."""
        return self.urn_id if self.urn_type == "activity" else None


# --- recognising the workbook (sheet names, before any cell is read) -----------------------


def sheet_names(path: str | Path) -> tuple[str, ...] | None:
    """The workbook's sheet names in order, from `xl/workbook.xml` alone (bounded reads, no
    XML parser, no cell read); None when the file is not a readable XLSX container."""
    path = Path(path)
    try:
        if not path.is_file() or path.stat().st_size > _MAX_FILE_BYTES:
            return None
        with zipfile.ZipFile(path) as archive:
            part = next((info for info in archive.infolist()
                         if info.filename.lower() == "xl/workbook.xml"), None)
            if part is None or part.file_size > _MAX_WORKBOOK_PART:
                return None
            with archive.open(part) as handle:
                xml = handle.read(_MAX_WORKBOOK_PART + 1)
    except (OSError, zipfile.BadZipFile, ValueError, NotImplementedError, RuntimeError):
        return None
    if len(xml) > _MAX_WORKBOOK_PART:
        return None
    return tuple(html.unescape((a or b).decode("utf-8", "replace"))
                 for a, b in _SHEET_TAG.findall(xml))


def is_post_sheets(names: Iterable[str]) -> bool:
    """Per-post sheets: PERFORMANCE, or a `Post analytics` sheet, and none of the content
    workbook's (DISCOVERY, ENGAGEMENT, TOP POSTS, FOLLOWERS, DEMOGRAPHICS)."""
    keys = {label_key(name) for name in names}
    return bool(keys & {"performance", label_key(SINGLE_SHEET)}) and not keys & _CONTENT_SHEETS


def is_post_analytics(path: str | Path) -> bool:
    """Whether `path` is a per-post analytics workbook, by its sheet names (False for
    anything else, unreadable files included: the content reader then says why)."""
    names = sheet_names(path)
    return names is not None and is_post_sheets(names)


# --- cells ----------------------------------------------------------------------------------


def _count(text: str | None) -> int | None:
    """A count: a number cell (`1316`, `1316.0`) or text (`1,316`, `1 316`)."""
    if not text:
        return None
    text = text.strip()
    if not _COUNT.fullmatch(text):
        return None
    return int(float(re.sub(r"[,\u00a0\u202f' ]", "", text)))


def _day(text: str | None) -> date | None:
    """`Feb 25, 2026`, `25 Feb 2026`, a date cell (`2026-02-25 00:00:00`), an Excel serial,
    or `M/D/YYYY` (month-first, as LinkedIn's English exports write dates; day-first when
    the first number is above 12)."""
    if not text:
        return None
    text = text.strip()
    try:
        if match := _WORD_DATE.fullmatch(text):
            month = _MONTHS.get(match[1][:3].lower())
            return date(int(match[3]), month, int(match[2])) if month else None
        if match := _DAY_WORD_DATE.fullmatch(text):
            month = _MONTHS.get(match[2][:3].lower())
            return date(int(match[3]), month, int(match[1])) if month else None
        if match := _ISO_DATE.match(text):
            return date(int(match[1]), int(match[2]), int(match[3]))
        if match := _SLASH_DATE.fullmatch(text):
            first, second = int(match[1]), int(match[2])
            month, day = (second, first) if first > 12 else (first, second)
            return date(int(match[3]), month, day)
        if re.fullmatch(r"\d{5}(?:\.\d+)?", text) and 20000 <= float(text) <= 80000:
            return date(1899, 12, 30) + timedelta(days=int(float(text)))
    except ValueError:
        return None
    return None


def _clock(text: str | None) -> time | None:
    """`11:53 AM`, `2:30 PM`, `14:30`, `14:30:00`."""
    if not text:
        return None
    match = _CLOCK.search(text.strip())
    if not match:
        return None
    hour, minute = int(match[1]), int(match[2])
    if match[3]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match[3].lower() == "p" else 0)
    return time(hour, minute) if hour < 24 and minute < 60 else None


def _ids(url: str | None) -> tuple[str | None, str | None]:
    if not url:
        return None, None
    plain = unquote(url)
    match = _URN.search(plain) or _SLUG_ID.search(plain)
    return (match[1], match[2]) if match else (None, None)


def _filled(row: Row) -> list[tuple[int, str]]:
    return [(index, cell) for index, cell in enumerate(row) if cell]


# --- sheets ---------------------------------------------------------------------------------


@dataclass
class _Found:
    url: str | None = None
    published: str | None = None
    published_time: str | None = None
    metrics: dict[str, int | None] | None = None
    extra: list[tuple[str, int]] | None = None


def _demographics_header(row: Row) -> tuple[int, int, int] | None:
    """(category, value, share) columns when the row is `Category | Value | % …`."""
    keys = [label_key(cell) if cell else None for cell in row]
    if not (set(keys) & _CATEGORY and set(keys) & _VALUE):
        return None
    category, value = keys.index("category"), keys.index("value")
    share = next((i for i in range(value + 1, len(row))
                  if row[i] and keys[i] in _SHARE), value + 1)
    return category, value, share


def _label_values(rows: list[Row]) -> tuple[_Found, int]:
    """The label/value rows up to the demographics block; the index where it starts (the
    title or header row), or len(rows)."""
    metrics: dict[str, int | None] = {}
    extra: list[tuple[str, int]] = []
    found = _Found(metrics=metrics, extra=extra)
    for index, row in enumerate(rows):
        cells = _filled(row)
        if not cells:
            continue
        label = label_key(cells[0][1])
        if label in _DEMOGRAPHICS_TITLE or _demographics_header(row):
            return found, index
        value = cells[1][1] if len(cells) > 1 else None
        if label in _URL and found.url is None:
            found.url = value
        elif label in _DATE and found.published is None:
            found.published = value
        elif label in _TIME and found.published_time is None:
            found.published_time = value
        elif label in _METRIC_LABELS:
            metrics.setdefault(_METRIC_LABELS[label], _count(value))
        elif value is not None and (count := _count(value)) is not None and label:
            extra.append((cells[0][1], count))
    return found, len(rows)


def _demographics(rows: list[Row]) -> tuple[Demographic, ...]:
    """The `Category | Value | %` table; without its header, the first filled column is
    taken as the category, the next as the value, the one after as the share."""
    start, columns = 0, None
    for index, row in enumerate(rows):
        if (header := _demographics_header(row)) is not None:
            start, columns = index + 1, header
            break
    table = []
    for row in rows[start:]:
        cells = _filled(row)
        if columns is None:
            if len(cells) < 2 or label_key(cells[0][1]) in _DEMOGRAPHICS_TITLE:
                continue
            first = cells[0][0]
            at = (first, first + 1, first + 2)
        else:
            at = columns
        category, value = (row[i] if i < len(row) else None for i in at[:2])
        if not category or not value:
            continue
        share, text = parse_share(row[at[2]] if at[2] < len(row) else None)
        table.append(Demographic(category, value, share, text))
    return tuple(table)


def _read_post(path: Path) -> PostAnalytics:
    label = str(path)
    names = sheet_names(path)
    if names is not None and not is_post_sheets(names):
        listed = ", ".join(repr(name) for name in names) or "none"
        kind = ("the content-analytics workbook, not a post's"
                if {label_key(n) for n in names} & _CONTENT_SHEETS
                else "not a LinkedIn per-post analytics workbook")
        raise AnalyticsError(f"{label}: {kind} (sheets: {listed}; expected "
                             f"{' and '.join(POST_SHEETS)}, or {SINGLE_SHEET!r})")
    sheets = {label_key(name): rows for name, rows in read_sheets(path, label)}
    layout: Layout
    if "performance" in sheets:
        layout = "sheets"
        found, _end = _label_values(sheets["performance"])
        demographics = _demographics(sheets.get("top demographics", []))
    elif label_key(SINGLE_SHEET) in sheets:
        layout = "single"
        rows = sheets[label_key(SINGLE_SHEET)]
        found, end = _label_values(rows)
        demographics = _demographics(rows[end:])
    else:  # sheet_names could not tell (an odd container calamine still reads)
        raise AnalyticsError(f"{label}: not a LinkedIn per-post analytics workbook (no "
                             f"{POST_SHEETS[0]} or {SINGLE_SHEET!r} sheet)")
    metrics = found.metrics or {}
    if found.url is None and not any(v is not None for v in metrics.values()):
        raise AnalyticsError(f"{label}: the per-post workbook has neither a Post URL nor "
                             "any metric (Impressions, Reactions, …)")
    urn_type, urn_id = _ids(found.url)
    match = _FILE_ID.search(path.stem)
    return PostAnalytics(
        file=path, url=found.url, urn_type=urn_type, urn_id=urn_id,
        file_id=match[1] if match else None,
        published=_day(found.published), published_time=_clock(found.published_time),
        metrics=PostMetrics(**metrics, extra=tuple(found.extra or ())),
        demographics=demographics, layout=layout)


def load_post_analytics(paths: Sequence[str | Path] | str | Path) -> tuple[PostAnalytics, ...]:
    """Read per-post analytics workbooks, one `PostAnalytics` each, in the order given.

    Raises `AnalyticsError` (one line naming the file) when a file is missing, too large, not
    an XLSX workbook, refused by the content reader's guards, the content-analytics workbook
    (or any workbook without a PERFORMANCE or `Post analytics` sheet), or holds neither a
    Post URL nor a metric."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    files = [Path(p) for p in paths]
    if not files:
        raise AnalyticsError("no per-post analytics workbook given")
    return tuple(_read_post(path) for path in files)
