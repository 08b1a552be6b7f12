"""LinkedIn's content-analytics workbook (XLSX), an optional second input beside the archive.

The archive holds what the member did, never how others reacted. The analytics page of
LinkedIn ("Analytics → Content → Export") gives a workbook with five sheets: DISCOVERY (the
period and its totals), ENGAGEMENT (impressions and engagements a day), TOP POSTS (two
side-by-side top-50 tables: by engagements, by impressions), FOLLOWERS (the total, then new
followers a day) and DEMOGRAPHICS (who the audience is). Layout and quirks: docs/FORMAT.md,
section "Analytics workbook".

The workbook is read with a real XLSX reader (calamine, through `polars.read_excel`), every
cell as text, then each sheet is recognised by its name, by its content (its header row, found
by its cells, in English or French) or by its position, and parsed by content: no row or
column offset is assumed, so Excel re-saves (preamble rows deleted, real date cells) and
localized labels read the same.

`match_top_posts` joins TOP POSTS to the member's posts from the archive; `monthly_engagement`
and `engagement_by_kind` summarise. Nothing here reads the archive: the posts come in as the
frame `analysis.metrics.classify_posts` returns.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import polars as pl

from .errors import LinkedInStagesError

__all__ = [
    "SHEETS",
    "Analytics",
    "AnalyticsError",
    "engagement_by_kind",
    "load_analytics",
    "match_top_posts",
    "monthly_engagement",
]


class AnalyticsError(LinkedInStagesError):
    """An analytics workbook cannot be read at all (missing, not an XLSX file, corrupt, or not
    LinkedIn's content-analytics workbook). A missing sheet is only a warning."""


SHEETS = ("DISCOVERY", "ENGAGEMENT", "TOP POSTS", "FOLLOWERS", "DEMOGRAPHICS")

# What each sheet gives; said when it is missing.
_MISSING = {
    "DISCOVERY": "period and totals unavailable",
    "ENGAGEMENT": "daily impressions and engagements unavailable",
    "TOP POSTS": "per-post engagement unavailable",
    "FOLLOWERS": "follower growth unavailable",
    "DEMOGRAPHICS": "audience demographics unavailable",
}

MAX_BYTES = 200 * 1024 * 1024  # a real workbook is a few tens of kilobytes

# --- labels, normalised (see _norm): English as LinkedIn writes them, French as tolerated -----

_SHEET_NAMES = {
    "discovery": "DISCOVERY", "decouverte": "DISCOVERY",
    "engagement": "ENGAGEMENT", "engagements": "ENGAGEMENT", "interactions": "ENGAGEMENT",
    "top posts": "TOP POSTS", "meilleures publications": "TOP POSTS",
    "meilleurs posts": "TOP POSTS", "principales publications": "TOP POSTS",
    "publications les plus performantes": "TOP POSTS",
    "followers": "FOLLOWERS", "abonnes": "FOLLOWERS",
    "demographics": "DEMOGRAPHICS", "donnees demographiques": "DEMOGRAPHICS",
    "demographie": "DEMOGRAPHICS", "audience demographics": "DEMOGRAPHICS",
    "content demographics": "DEMOGRAPHICS",
}
_DATE = {"date", "jour", "day"}
_IMPRESSIONS = {"impressions"}
_ENGAGEMENTS = {"engagements", "engagement", "interactions"}
_NEW_FOLLOWERS = {"new followers", "nouveaux abonnes", "nouveaux followers"}
_TOTAL_FOLLOWERS = ("total followers", "abonnes au total", "nombre total d abonnes",
                    "total des abonnes", "total d abonnes")
_POST_URL = {"post url", "url de la publication", "url du post", "lien de la publication",
             "url de publication"}
_PUBLISH_DATE = {"post publish date", "publish date", "date de publication",
                 "date de publication du post", "date de publication de la publication"}
_TOP_DEMOGRAPHICS = {"top demographics", "principales donnees demographiques",
                     "donnees demographiques principales"}
_OVERALL = {"overall performance", "performances globales", "performance globale",
            "performances generales"}
_TOTAL_KEYS = {
    "impressions": "impressions",
    "members reached": "members_reached", "membres touches": "members_reached",
    "membres atteints": "members_reached",
    "engagements": "engagements", "interactions": "engagements",
    "unique views": "unique_views", "vues uniques": "unique_views",
}

_US_DATE = re.compile(r"(\d{1,2})\s*([/.])\s*(\d{1,2})\s*[/.]\s*(\d{4})")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_PERIOD = re.compile(r"(\S+)\s*[-–—]\s*(\S+)")
_INT = re.compile(r"^[+-]?\d{1,3}(?:[ ,.\u00a0\u202f']\d{3})+$|^[+-]?\d+$")
_FLOAT = re.compile(r"^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?$")
_URN = re.compile(r"urn:li:([A-Za-z]+):([^/?#&\s]+)")


def _norm(text: str | None) -> str:
    """Lower-case, accents off, punctuation to spaces: `Abonnés au total le …` → `abonnes
    au total le …`."""
    if not text:
        return ""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", plain).split())


Row = tuple[str | None, ...]


# --- cells ----------------------------------------------------------------------------------


class _Dates:
    """Parses the workbook's date cells: `M/D/YYYY` text (LinkedIn), `YYYY-MM-DD[ HH:MM:SS]`
    (a real date cell, as calamine renders it), an Excel serial number. Day-first text
    (`D/M/YYYY`, a French or re-saved workbook) is recognised when some date of the workbook
    has a first number above 12; `D.M.YYYY` is always day-first."""

    def __init__(self, rows: Iterable[Row]) -> None:
        first_big = second_big = False
        for row in rows:
            for cell in row:
                if cell and "/" in cell:
                    for a, sep, b, _year in _US_DATE.findall(cell):
                        if sep == "/":
                            first_big |= int(a) > 12
                            second_big |= int(b) > 12
        self.day_first = first_big and not second_big
        self.conflict = first_big and second_big

    def one(self, text: str | None, *, serial: bool = False) -> date | None:
        if not text:
            return None
        text = text.strip()
        match = _US_DATE.fullmatch(text)
        if match:
            a, sep, b, year = match.groups()
            day_first = self.day_first or sep == "."
            month, day = (int(b), int(a)) if day_first else (int(a), int(b))
            try:
                return date(int(year), month, day)
            except ValueError:
                return None
        match = _ISO_DATE.match(text)
        if match:
            try:
                return date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                return None
        if serial and re.fullmatch(r"\d{5}(?:\.0+)?", text):
            number = int(float(text))
            if 20000 <= number <= 80000:  # 1954 to 2119
                return date(1899, 12, 30) + timedelta(days=number)
        return None

    def inside(self, text: str | None) -> date | None:
        """The first date written inside a longer text (`Total followers on 3/31/2025:`)."""
        if not text:
            return None
        match = _US_DATE.search(text)
        if match:
            return self.one(match.group(0))
        match = re.search(r"\d{4}-\d{2}-\d{2}", text)
        return self.one(match.group(0)) if match else None


def _int(text: str | None) -> int | None:
    """A count written as a number cell (`46969`, `98.0`) or as text (`1,234`, `1 234`)."""
    if text is None:
        return None
    text = text.strip()
    if not text:
        return None
    if _INT.match(text):
        return int(re.sub(r"[ ,.\u00a0\u202f']", "", text))
    if _FLOAT.match(text) and "," not in text:
        value = float(text)
        return round(value) if abs(value - round(value)) < 1e-6 else None
    return None


def _share(text: str | None) -> tuple[float | None, str | None]:
    """A percentage: a fraction (`0.139…`, `7.65E-2`), a percent text (`13.9 %`) → the
    fraction; anything else (`< 1%`) → null and the text as written."""
    if text is None or not text.strip():
        return None, None
    raw = text.strip()
    body = raw.replace("\u00a0", " ").replace("\u202f", " ").strip()
    percent = body.endswith("%")
    body = body.rstrip("%").strip()
    if body.count(",") == 1 and "." not in body:
        body = body.replace(",", ".")
    if _FLOAT.match(body):
        value = float(body)
        return (value / 100 if percent else value), None
    return None, raw


def _urn(url: str | None) -> tuple[str | None, str | None]:
    if not url:
        return None, None
    match = _URN.search(unquote(url))
    return (match[1], match[2]) if match else (None, None)


def _blank(row: Row) -> bool:
    return not any(cell for cell in row)


def _cells(row: Row) -> list[str]:
    return [_norm(cell) for cell in row]


# --- recognising a sheet --------------------------------------------------------------------


def _content_kind(rows: list[Row]) -> str | None:
    """Which sheet this is, from its cells (the first 40 rows): its header row, or for
    DISCOVERY its period `M/D/YYYY - M/D/YYYY` or `Overall Performance` label."""
    for row in rows[:40]:
        cells = set(_cells(row))
        if cells & _POST_URL or any(cell and "urn:li:" in cell for cell in row):
            return "TOP POSTS"
        if cells & _TOP_DEMOGRAPHICS:
            return "DEMOGRAPHICS"
        if (cells & _DATE and cells & _NEW_FOLLOWERS) or any(
                cell.startswith(_TOTAL_FOLLOWERS) for cell in cells):
            return "FOLLOWERS"
        if cells & _DATE and cells & _IMPRESSIONS and cells & _ENGAGEMENTS:
            return "ENGAGEMENT"
        if cells & _OVERALL or any(cell and _period_text(cell) for cell in row):
            return "DISCOVERY"
    return None


def _period_text(text: str) -> bool:
    match = _PERIOD.fullmatch(text.strip())
    return bool(match and _US_DATE.fullmatch(match[1]) and _US_DATE.fullmatch(match[2]))


def _header(rows: list[Row], *groups: set[str]) -> int | None:
    """The index of the first row holding a label of every group."""
    for index, row in enumerate(rows):
        cells = set(_cells(row))
        if all(cells & group for group in groups):
            return index
    return None


def _column(header: Row, labels: set[str], default: int) -> int:
    for index, cell in enumerate(_cells(header)):
        if cell in labels:
            return index
    return default


def _get(row: Row, index: int) -> str | None:
    return row[index] if index < len(row) else None


# --- one workbook -----------------------------------------------------------------------------


@dataclass
class _Book:
    """What one workbook said (before merging)."""

    file: str
    order: int
    period: tuple[date, date] | None = None
    totals: dict[str, int] = field(default_factory=dict)
    daily: dict[date, tuple[int | None, int | None]] = field(default_factory=dict)
    top: dict[str, dict[str, Any]] = field(default_factory=dict)
    followers_total: int | None = None
    followers_on: date | None = None
    followers_daily: dict[date, int | None] = field(default_factory=dict)
    demographics: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    found: set[str] = field(default_factory=set)

    def warn(self, message: str) -> None:
        self.warnings.append(f"{self.file}: {message}")


def _read_sheets(path: Path, label: str) -> list[tuple[str, list[Row]]]:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise AnalyticsError(f"{label}: no such file") from None
    except OSError as exc:
        raise AnalyticsError(f"{label}: cannot be read ({exc.strerror or exc})") from None
    if path.is_dir():
        raise AnalyticsError(f"{label}: is a folder, not an XLSX workbook")
    if size > MAX_BYTES:
        raise AnalyticsError(f"{label}: {size // (1024 * 1024)} MB is far too large for a "
                             "LinkedIn analytics workbook")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise AnalyticsError(f"{label}: cannot be read ({exc.strerror or exc})") from None
    if not data.startswith(b"PK\x03\x04"):
        kind = "an empty file" if not data else "not a zip container"
        raise AnalyticsError(f"{label}: not an XLSX workbook ({kind}); export the analytics "
                             "from LinkedIn as .xlsx")
    try:
        frames = pl.read_excel(
            io.BytesIO(data), sheet_id=0, has_header=False, engine="calamine",
            raise_if_empty=False, drop_empty_rows=False, drop_empty_cols=False,
            read_options={"dtypes": "string"},
        )
    except Exception as exc:  # calamine's own errors (corrupt zip, no workbook part, …)
        reason = " ".join(str(exc).split("Context:")[0].split()) or type(exc).__name__
        raise AnalyticsError(f"{label}: not a readable XLSX workbook ({reason})") from None
    if isinstance(frames, pl.DataFrame):  # one sheet: polars gives the frame itself
        frames = {"Sheet1": frames}
    sheets = []
    for name, frame in frames.items():
        rows = [tuple(cell.strip() if isinstance(cell, str) and cell.strip() else None
                      for cell in row) for row in frame.rows()]
        sheets.append((name, rows))
    return sheets


def _classify(book: _Book, sheets: list[tuple[str, list[Row]]]) -> dict[str, list[int]]:
    """Sheet kind → indices of the sheets of that kind (a kind may span sheets that Excel
    users split). By content first, then by name, then (once some sheet is recognised) by
    position for a sheet whose name and labels are both unknown."""
    kinds: dict[int, str] = {}
    for index, (name, rows) in enumerate(sheets):
        by_content = _content_kind(rows)
        by_name = _SHEET_NAMES.get(_norm(name))
        if by_content:
            kinds[index] = by_content
            if by_name and by_name != by_content:
                book.warn(f"sheet {name!r} holds {by_content}, read as such")
        elif by_name:
            kinds[index] = by_name
    for position, kind in enumerate(SHEETS):
        if not kinds:  # nothing recognised: not LinkedIn's workbook, positions mean nothing
            break
        if kind in kinds.values() or position >= len(sheets) or position in kinds:
            continue
        name, rows = sheets[position]
        if any(not _blank(row) for row in rows) and _SHEET_NAMES.get(_norm(name)) is None:
            kinds[position] = kind
            book.warn(f"sheet {name!r} taken as {kind} by its position (labels not recognised)")
    out: dict[str, list[int]] = {kind: [] for kind in SHEETS}
    for index in sorted(kinds):
        out[kinds[index]].append(index)
    return out


def _parse_discovery(book: _Book, rows: list[Row], dates: _Dates) -> None:
    for row in rows:
        for cell in row:
            if cell and book.period is None and _period_text(cell):
                match = _PERIOD.fullmatch(cell)
                assert match is not None
                start, end = dates.one(match[1]), dates.one(match[2])
                if start and end:
                    book.period = (start, end)
        label = _norm(_get(row, 0))
        value = _int(_get(row, 1))
        if label and value is not None and label not in _OVERALL:
            book.totals[_TOTAL_KEYS.get(label, label.replace(" ", "_"))] = value


def _parse_engagement(book: _Book, rows: list[Row], dates: _Dates) -> None:
    header = _header(rows, _DATE, _IMPRESSIONS, _ENGAGEMENTS)
    start, cols = 0, (0, 1, 2)
    if header is not None:
        start = header + 1
        cols = (_column(rows[header], _DATE, 0), _column(rows[header], _IMPRESSIONS, 1),
                _column(rows[header], _ENGAGEMENTS, 2))
    skipped = 0
    for row in rows[start:]:
        if _blank(row):
            continue
        day = dates.one(_get(row, cols[0]), serial=True)
        if day is None:
            skipped += header is not None
            continue
        if day in book.daily:
            book.warn(f"ENGAGEMENT: {day.isoformat()} appears twice; the last row is kept")
        book.daily[day] = (_int(_get(row, cols[1])), _int(_get(row, cols[2])))
    if skipped:
        book.warn(f"ENGAGEMENT: {skipped} row(s) without a readable date skipped")


def _parse_top_posts(book: _Book, rows: list[Row], dates: _Dates) -> None:
    header = _header(rows, _POST_URL)
    tables: list[tuple[int, int, str, int]] = []  # url, date, metric name, metric columns
    if header is not None:
        cells = _cells(rows[header])
        starts = [i for i, cell in enumerate(cells) if cell in _POST_URL]
        for number, begin in enumerate(starts):
            end = starts[number + 1] if number + 1 < len(starts) else len(cells)
            span = range(begin + 1, end)
            date_col = next((i for i in span if cells[i] in _PUBLISH_DATE | _DATE), begin + 1)
            # unknown metric label: LinkedIn's order, engagements then impressions
            metric = ("engagements" if number == 0 else "impressions", begin + 2)
            for i in span:
                if cells[i] in _ENGAGEMENTS | _IMPRESSIONS:
                    metric = ("engagements" if cells[i] in _ENGAGEMENTS else "impressions", i)
                    break
            tables.append((begin, date_col, *metric))
        body = rows[header + 1:]
    else:  # no header: the columns holding post URLs, in LinkedIn's order
        width = max((len(row) for row in rows), default=0)
        url_cols = [c for c in range(width)
                    if any("urn:li:" in (_get(row, c) or "") for row in rows)]
        for number, col in enumerate(url_cols):
            tables.append((col, col + 1, "engagements" if number == 0 else "impressions",
                           col + 2))
        body = rows
    for url_col, date_col, metric, metric_col in tables:
        rank = 0
        for row in body:
            url = _get(row, url_col)
            if not url or ("urn:li:" not in url and "linkedin." not in url):
                continue
            rank += 1
            urn_type, urn_id = _urn(url)
            key = f"{urn_type}:{urn_id}" if urn_id else url
            entry = book.top.setdefault(key, {
                "url": url, "urn_type": urn_type, "urn_id": urn_id, "published": None,
                "engagements": None, "impressions": None,
                "rank_engagements": None, "rank_impressions": None})
            entry["published"] = entry["published"] or dates.one(_get(row, date_col),
                                                                  serial=True)
            if entry[f"rank_{metric}"] is None:
                entry[metric] = _int(_get(row, metric_col))
                entry[f"rank_{metric}"] = rank


def _parse_followers(book: _Book, rows: list[Row], dates: _Dates) -> None:
    for row in rows:
        first = _norm(_get(row, 0))
        if first.startswith(_TOTAL_FOLLOWERS):
            book.followers_on = dates.inside(_get(row, 0))
            count = next((_int(c) for c in row[1:] if _int(c) is not None), None)
            if count is None:  # `Total followers on 3/31/2025: 1234` in one cell
                tail = str(_get(row, 0)).rsplit(":", 1)[-1]
                count = _int(tail)
            book.followers_total = count
            break
    header = _header(rows, _DATE, _NEW_FOLLOWERS)
    start, cols = 0, (0, 1)
    if header is not None:
        start = header + 1
        cols = (_column(rows[header], _DATE, 0), _column(rows[header], _NEW_FOLLOWERS, 1))
    for row in rows[start:]:
        day = dates.one(_get(row, cols[0]), serial=True)
        if day is not None:
            book.followers_daily[day] = _int(_get(row, cols[1]))
    if book.followers_total is None and not book.followers_daily:
        book.warn("FOLLOWERS: neither the total nor daily rows found")


def _parse_demographics(book: _Book, rows: list[Row], name: str) -> None:
    header = _header(rows, _TOP_DEMOGRAPHICS)
    start = header + 1 if header is not None else 0
    for row in rows[start:]:
        category, value = _get(row, 0), _get(row, 1)
        if not category or value is None:
            continue
        share, text = _share(_get(row, 2))
        book.demographics.append({"category": category, "value": value, "share": share,
                                  "share_text": text, "sheet": name})


def _read_book(path: Path, order: int) -> _Book:
    label = str(path)
    sheets = _read_sheets(path, label)
    book = _Book(file=path.name, order=order)
    dates = _Dates(row for _name, rows in sheets for row in rows)
    if dates.conflict:
        book.warn("dates are written both month-first and day-first; read month-first")
    kinds = _classify(book, sheets)
    if not any(kinds.values()):
        names = ", ".join(repr(name) for name, _rows in sheets) or "none"
        raise AnalyticsError(f"{label}: not a LinkedIn content-analytics workbook (sheets: "
                             f"{names}; expected {', '.join(SHEETS)})")
    for kind in SHEETS:
        indices = kinds[kind]
        if not indices:
            book.warn(f"{kind} sheet missing: {_MISSING[kind]}")
            continue
        for index in indices:
            name, rows = sheets[index]
            if all(_blank(row) for row in rows):
                book.warn(f"{kind} sheet {name!r} is empty: {_MISSING[kind]}")
                continue
            book.found.add(kind)
            if kind == "DISCOVERY":
                _parse_discovery(book, rows, dates)
            elif kind == "ENGAGEMENT":
                _parse_engagement(book, rows, dates)
            elif kind == "TOP POSTS":
                _parse_top_posts(book, rows, dates)
            elif kind == "FOLLOWERS":
                _parse_followers(book, rows, dates)
            else:
                _parse_demographics(book, rows, name)
    if "DISCOVERY" in book.found and book.period is None:
        book.warn("DISCOVERY: no period `M/D/YYYY - M/D/YYYY` found")
    if book.period is None and book.daily:
        book.period = (min(book.daily), max(book.daily))
        book.warn(f"period taken from the daily rows: {book.period[0]} to {book.period[1]}")
    if "ENGAGEMENT" in book.found and not book.daily:
        book.warn("ENGAGEMENT: no daily rows found")
    if "TOP POSTS" in book.found and not book.top:
        book.warn("TOP POSTS: no post found")
    return book


# --- the merged result ------------------------------------------------------------------------

DAILY_SCHEMA = {"date": pl.Date, "impressions": pl.Int64, "engagements": pl.Int64}
TOP_POSTS_SCHEMA = {
    "url": pl.String, "urn_type": pl.String, "urn_id": pl.String, "published": pl.Date,
    "engagements": pl.Int64, "impressions": pl.Int64,
    "rank_engagements": pl.Int64, "rank_impressions": pl.Int64,
}
FOLLOWERS_SCHEMA = {"date": pl.Date, "new_followers": pl.Int64}
DEMOGRAPHICS_SCHEMA = {"category": pl.String, "value": pl.String, "share": pl.Float64,
                       "share_text": pl.String, "sheet": pl.String}


@dataclass(frozen=True, eq=False)  # frames inside: compare their fields, not the objects
class Analytics:
    """One or more analytics workbooks, merged.

    * `period`: first and last day covered (DISCOVERY's period; merged: the earliest start to
      the latest end).
    * `totals`: DISCOVERY's totals by key (`impressions`, `members_reached`, `engagements`,
      `unique_views`, or the label in snake case). Merged workbooks: `impressions` and
      `engagements` are the sums of the merged daily rows (overlapping days counted once);
      reach is not additive, so it is only in `file_totals`.
    * `daily`: date, impressions, engagements (one row a day).
    * `top_posts`: url, urn_type, urn_id, published, engagements (null when the post is only
      in the by-impressions table), impressions (null when only in the by-engagements table),
      rank_engagements, rank_impressions (1-based rank in each table).
    * `followers_total` on `followers_on`; `followers_daily`: date, new_followers.
    * `demographics`: category, value, share (a fraction, or null), share_text (the text when
      the share is not a number, e.g. `< 1%`), sheet.
    * `warnings`: what is missing or was read by a fallback, each naming its file.
    """

    files: tuple[Path, ...]
    period: tuple[date, date] | None
    totals: dict[str, int]
    daily: pl.DataFrame
    top_posts: pl.DataFrame
    followers_total: int | None
    followers_on: date | None
    followers_daily: pl.DataFrame
    demographics: pl.DataFrame
    warnings: list[str]
    file_totals: dict[str, dict[str, int]] = field(default_factory=dict)

    def summary(self) -> dict[str, object]:
        """A JSON-ready description (for `inspect`-like output)."""
        return {
            "files": [str(path) for path in self.files],
            "period": [d.isoformat() for d in self.period] if self.period else None,
            "totals": dict(self.totals),
            "days": self.daily.height,
            "top_posts": self.top_posts.height,
            "followers_total": self.followers_total,
            "followers_on": self.followers_on.isoformat() if self.followers_on else None,
            "new_followers": int(self.followers_daily["new_followers"].sum())
            if self.followers_daily.height else None,
            "demographics": self.demographics.height,
            "warnings": list(self.warnings),
        }


def load_analytics(paths: Sequence[str | Path] | str | Path) -> Analytics:
    """Read one or more content-analytics workbooks (consecutive periods) into one `Analytics`.

    Workbooks are merged in the order of their periods' ends (ties: the order of `paths`);
    for a day, a post or the follower total present in several, the later
    workbook wins. Raises `AnalyticsError` (naming the file) when a file is missing, is not an
    XLSX workbook, is corrupt, or holds none of the five sheets; a missing sheet only adds a
    warning."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    files = tuple(Path(p) for p in paths)
    if not files:
        raise AnalyticsError("no analytics workbook given")
    books = [_read_book(path, order) for order, path in enumerate(files)]
    # Oldest period first, so that later ones overwrite; a workbook without a period (neither
    # DISCOVERY nor ENGAGEMENT) counts as the oldest.
    books.sort(key=lambda b: (b.period[1] if b.period else date.min, b.order))
    return _merge(files, books)


def _merge(files: tuple[Path, ...], books: list[_Book]) -> Analytics:
    warnings = [w for book in books for w in book.warnings]
    daily: dict[date, tuple[int | None, int | None]] = {}
    followers_daily: dict[date, int | None] = {}
    top: dict[str, dict[str, Any]] = {}
    overlap = 0
    for book in books:
        overlap += len(daily.keys() & book.daily.keys())
        daily.update(book.daily)
        followers_daily.update(book.followers_daily)
        top.update(book.top)
    if overlap:
        warnings.append(f"the workbooks overlap on {overlap} day(s): the later workbook's "
                        "figures are kept, each day counted once")
    periods = [book.period for book in books if book.period]
    for before, after in zip(periods, periods[1:], strict=False):
        if after[0] > before[1] + timedelta(days=1):
            warnings.append(f"no workbook covers {before[1] + timedelta(days=1)} to "
                            f"{after[0] - timedelta(days=1)}")
    period = (min(p[0] for p in periods), max(p[1] for p in periods)) if periods else None

    daily_frame = pl.DataFrame(
        [(day, *daily[day]) for day in sorted(daily)], schema=DAILY_SCHEMA, orient="row")
    if len(books) == 1:
        totals = dict(books[0].totals)
    else:
        totals = {}
        if daily_frame.height:
            totals = {"impressions": int(daily_frame["impressions"].sum()),
                      "engagements": int(daily_frame["engagements"].sum())}
    top_frame = pl.DataFrame(list(top.values()), schema=TOP_POSTS_SCHEMA, orient="row")
    top_frame = top_frame.sort(["rank_engagements", "rank_impressions"], nulls_last=True)
    latest = max((b for b in books if b.followers_total is not None or b.followers_on),
                 key=lambda b: (b.followers_on or date.min, b.order), default=None)
    demographics = next((b.demographics for b in reversed(books) if b.demographics), [])
    return Analytics(
        files=files,
        period=period,
        totals=totals,
        daily=daily_frame,
        top_posts=top_frame,
        followers_total=latest.followers_total if latest else None,
        followers_on=latest.followers_on if latest else None,
        followers_daily=pl.DataFrame(
            [(day, followers_daily[day]) for day in sorted(followers_daily)],
            schema=FOLLOWERS_SCHEMA, orient="row"),
        demographics=pl.DataFrame(demographics, schema=DEMOGRAPHICS_SCHEMA, orient="row"),
        warnings=warnings,
        file_totals={book.file: dict(book.totals) for book in books},
    )


# --- joining to the archive -----------------------------------------------------------------

MATCHED_COLUMNS = ("timestamp", "post_urn", "post_urn_id", "kind", "link", "words", "match")


def match_top_posts(analytics: Analytics, posts: pl.DataFrame
                    ) -> tuple[pl.DataFrame, dict[str, int]]:
    """TOP POSTS joined to the member's posts (`classify_posts`: timestamp, urn_id, kind, …).

    The rule (docs/FORMAT.md, "Analytics workbook"):

    1. **By id**: the workbook's `urn:li:activity:<id>` and the archive's `share:`/`ugcPost:`
       id are the same number → matched, whatever the URN types.
    2. **By date**, for the rest: the workbook's publish date against the post's date (as
       written, no time-zone shift). Among the posts not matched by id: one workbook post and
       one member post that day → matched. Several of each, as many on both sides → paired
       in publication order: the member's posts by timestamp, the workbook's by id (LinkedIn
       ids grow with creation time). A different number on each side is ambiguous (a post of
       that day is outside the top 50, or is not in the archive): left unmatched.

    Returns every TOP POSTS row with the matched post's `timestamp`, `post_urn`,
    `post_urn_id`, `kind`, `link`, `words` (null when unmatched) and `match` ("id", "date"
    or null), and the counts {"top_posts", "matched_by_id", "matched_by_date",
    "unmatched"}."""
    top = analytics.top_posts.with_row_index("_t")
    wanted = {"timestamp": pl.Datetime("us"), "post_urn": pl.String, "urn_id": pl.String,
              "kind": pl.String, "link": pl.String, "words": pl.Int64}
    own = posts.select(
        [(pl.col(c).cast(t) if c in posts.columns else pl.lit(None, dtype=t)).alias(c)
         for c, t in wanted.items()]
    ).filter(pl.col("timestamp").is_not_null()).with_row_index("_p")
    pairs: dict[int, tuple[int, str]] = {}  # top row → (post row, how)
    used: set[int] = set()
    post_by_id: dict[str, int] = {}
    for index, urn_id in zip(own["_p"], own["urn_id"], strict=True):
        if urn_id is not None:
            post_by_id.setdefault(urn_id, index)
    for index, urn_id in zip(top["_t"], top["urn_id"], strict=True):
        hit = post_by_id.get(urn_id) if urn_id is not None else None
        if hit is not None and hit not in used:
            pairs[index] = (hit, "id")
            used.add(hit)
    posts_on: dict[date, list[tuple[datetime, int]]] = {}
    for index, moment in zip(own["_p"], own["timestamp"], strict=True):
        if index not in used:
            posts_on.setdefault(moment.date(), []).append((moment, index))
    tops_on: dict[date, list[tuple[tuple[int, str], int]]] = {}
    for index, published, urn_id, url in zip(top["_t"], top["published"], top["urn_id"],
                                             top["url"], strict=True):
        if index not in pairs and published is not None:
            order = (int(urn_id) if urn_id and urn_id.isdigit() else 1 << 64, url or "")
            tops_on.setdefault(published, []).append((order, index))
    for day, tops in tops_on.items():
        candidates = sorted(posts_on.get(day, []))
        if candidates and len(candidates) == len(tops):
            for (_order, t_index), (_moment, p_index) in zip(sorted(tops), candidates,
                                                             strict=True):
                pairs[t_index] = (p_index, "date")
    link = pl.DataFrame(
        [(t, p, how) for t, (p, how) in pairs.items()],
        schema={"_t": pl.UInt32, "_p": pl.UInt32, "match": pl.String}, orient="row")
    matched = (
        top.join(link, on="_t", how="left")
        .join(own.rename({"urn_id": "post_urn_id"}), on="_p", how="left")
        .sort("_t").drop("_t", "_p")
    )
    counts = {
        "top_posts": top.height,
        "matched_by_id": sum(1 for _p, how in pairs.values() if how == "id"),
        "matched_by_date": sum(1 for _p, how in pairs.values() if how == "date"),
    }
    counts["unmatched"] = top.height - counts["matched_by_id"] - counts["matched_by_date"]
    return matched.select(*analytics.top_posts.columns, *MATCHED_COLUMNS), counts


def monthly_engagement(analytics: Analytics) -> pl.DataFrame:
    """One row a month of the daily rows: month (`YYYY-MM`), days (covered that month),
    impressions, engagements, new_followers (null without FOLLOWERS rows that month) and
    engagement_rate (engagements / impressions; null when no impressions)."""
    daily = analytics.daily.group_by(pl.col("date").dt.strftime("%Y-%m").alias("month")).agg(
        pl.len().cast(pl.Int64).alias("days"),
        pl.col("impressions").sum(), pl.col("engagements").sum())
    followers = analytics.followers_daily.group_by(
        pl.col("date").dt.strftime("%Y-%m").alias("month")).agg(
        pl.col("new_followers").sum())
    frame = daily.join(followers, on="month", how="full", coalesce=True)
    return frame.with_columns(
        pl.col("days").fill_null(0),
        pl.when(pl.col("impressions") > 0)
        .then(pl.col("engagements") / pl.col("impressions")).alias("engagement_rate"),
    ).select("month", "days", "impressions", "engagements", "new_followers",
             "engagement_rate").sort("month")


def engagement_by_kind(matched: pl.DataFrame) -> pl.DataFrame:
    """Per kind of post (original, curated_share, …), over the matched top posts: posts,
    impressions and engagements (sums of the figures known), impressions_per_post and
    engagements_per_post (means over the posts with that figure), posts_with_both, and rate:
    engagements / impressions over the posts found in both tables (the only ones with both
    figures; null if none). Top-50 tables only: a kind that never reaches them is absent."""
    both = pl.col("impressions").is_not_null() & pl.col("engagements").is_not_null()
    frame = matched.filter(pl.col("match").is_not_null()).group_by("kind").agg(
        pl.len().cast(pl.Int64).alias("posts"),
        pl.col("impressions").sum(),
        pl.col("engagements").sum(),
        pl.col("impressions").mean().alias("impressions_per_post"),
        pl.col("engagements").mean().alias("engagements_per_post"),
        both.sum().cast(pl.Int64).alias("posts_with_both"),
        pl.col("engagements").filter(both).sum().alias("_e"),
        pl.col("impressions").filter(both).sum().alias("_i"),
    )
    order = {k: i for i, k in enumerate(
        ("original", "article", "commented_share", "curated_share", "reshare"))}
    return frame.with_columns(
        pl.when(pl.col("_i") > 0).then(pl.col("_e") / pl.col("_i")).alias("rate"),
        pl.col("kind").replace_strict(order, default=len(order), return_dtype=pl.Int64)
        .alias("_order"),
    ).sort("_order", "kind").select(
        "kind", "posts", "impressions", "engagements", "rate", "impressions_per_post",
        "engagements_per_post", "posts_with_both")
