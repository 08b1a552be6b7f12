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

This module only reads files into typed data (`Analytics`: daily rows, totals, top posts,
followers, demographics; several workbooks merged). What the analysis makes of them (top posts
joined to the member's posts, engagement a month and by kind of post) is in
`analysis/engagement.py`.
"""

from __future__ import annotations

import io
import os
import re
import stat
import struct
import unicodedata
import zipfile
import zlib
from array import array
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import polars as pl

from .errors import AnalyticsError
from .i18n.notices import Notice as CodedNotice  # a coded warning; `Notice` is level + text
from .i18n.notices import notice_of
from .workbook_files import find_workbooks

__all__ = [
    "SHEETS",
    "Analytics",
    "AnalyticsError",
    "AnalyticsSummary",
    "Notice",
    "Workbooks",
    "label_key",
    "load_analytics",
    "load_workbooks",
    "parse_share",
]


SHEETS = ("DISCOVERY", "ENGAGEMENT", "TOP POSTS", "FOLLOWERS", "DEMOGRAPHICS")

# What each sheet gives, said when it is missing: the code of its notice (`[notices]` of the
# catalogues), "period and totals unavailable" and so on.
_MISSING = {
    "DISCOVERY": "analytics_no_discovery",
    "ENGAGEMENT": "analytics_no_engagement",
    "TOP POSTS": "analytics_no_top_posts",
    "FOLLOWERS": "analytics_no_followers",
    "DEMOGRAPHICS": "analytics_no_demographics",
}

# --- limits checked before the native reader runs (see _guard_workbook) ---------------------
# The largest real workbooks seen (LinkedIn's own, and one edited in Excel with charts and
# pivot tables): 160 KB on disk, 876 KB inflated, 102 parts, one part of 143 KB, 8 sheets,
# 403 rows, 26 columns, 507 shared strings, a deflate ratio of 55. Every limit leaves a
# hundredfold headroom or more, and bounds what calamine (which densifies a sheet to its
# used range, 32 bytes a cell, and aborts the process when that allocation fails) may build.
MAX_BYTES = 16 * 1024 * 1024  # on disk; also bounds the zip directory zipfile parses
MAX_DIRECTORY_BYTES = 1024 * 1024  # the central directory (real: 7.5 KB)
MAX_MEMBERS = 2_000
MAX_MEMBER_BYTES = 32 * 1024 * 1024  # one part, inflated
MAX_INFLATED_BYTES = 64 * 1024 * 1024  # all parts, inflated
MAX_RATIO, RATIO_FROM = 100, 4 * 1024 * 1024  # a ratio past 100 is refused beyond 4 MB
MAX_SHEETS = 64
MAX_ROWS = 100_000  # LinkedIn writes a row a day: a 400-day period is 403 rows
MAX_COLUMNS = 256  # LinkedIn writes 8 columns at most; the old Excel width (IV) is 256
MAX_SHEET_CELLS = 200_000  # used range of one sheet, rows × columns (real: 5,490)
MAX_CELLS = 400_000  # used ranges of all sheets (36× the largest real; checked in Python)
MAX_SHARED_STRINGS = 1_000_000
MAX_STRING_BYTES = 64 * 1024 * 1024  # shared-string text repeated into the cells that use it
MAX_MARKUP = 64 * 1024  # one tag, comment or CDATA section (real: 723 bytes)
_READ_CHUNK = 64 * 1024

def label_key(text: str | None) -> str:
    """Lower-case, accents off, punctuation to spaces: `Abonnés au total le …` → `abonnes
    au total le …`."""
    if not text:
        return ""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", plain).split())



# --- labels: every layout LinkedIn writes, in one place ----------------------------------------
# Each language of the report, the words of LinkedIn's workbook in that language: sheet names
# by kind, then labels. English is LinkedIn's bytes (nine real workbooks); Spanish and French
# are what public parsers written by people who have such workbooks read; Portuguese and
# German are LinkedIn's own interface words, no workbook or parser seen (docs/FORMAT.md).
# Extra spellings seen in edited or older workbooks sit beside the main one. Matching is on
# `label_key` (lower case, no accents, punctuation as spaces).

LAYOUTS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "DISCOVERY": ("DISCOVERY",), "ENGAGEMENT": ("ENGAGEMENT", "ENGAGEMENTS"),
        "TOP POSTS": ("TOP POSTS",), "FOLLOWERS": ("FOLLOWERS",),
        "DEMOGRAPHICS": ("DEMOGRAPHICS", "AUDIENCE DEMOGRAPHICS", "CONTENT DEMOGRAPHICS"),
        "overall": ("Overall Performance",), "impressions": ("Impressions",),
        "members_reached": ("Members reached",), "unique_views": ("Unique views",),
        "date": ("Date", "Day"), "engagements": ("Engagements", "Engagement"),
        "post_url": ("Post URL",), "publish_date": ("Post publish date", "Publish date"),
        "total_followers": ("Total followers on",), "new_followers": ("New followers",),
        "top_demographics": ("Top Demographics",), "value": ("Value",),
        "percentage": ("Percentage",),
    },
    "fr": {
        "DISCOVERY": ("DÉCOUVERTE",), "ENGAGEMENT": ("ENGAGEMENT", "INTERACTIONS"),
        "TOP POSTS": ("MEILLEURS POSTS", "MEILLEURES PUBLICATIONS", "PRINCIPALES PUBLICATIONS",
                      "PUBLICATIONS LES PLUS PERFORMANTES"),
        "FOLLOWERS": ("ABONNÉS",),
        "DEMOGRAPHICS": ("DONNÉES DÉMOGRAPHIQUES", "DÉMOGRAPHIE"),
        "overall": ("Performances globales", "Performance globale", "Performances générales"),
        "impressions": ("Impressions",),
        "members_reached": ("Membres touchés", "Membres atteints"),
        "unique_views": ("Vues uniques",),
        "date": ("Date", "Jour"), "engagements": ("Interactions", "Engagement"),
        "post_url": ("URL de la publication", "URL du post", "Lien de la publication",
                     "URL de publication"),
        "publish_date": ("Date de publication", "Date de publication du post",
                         "Date de publication de la publication"),
        "total_followers": ("Nombre total d’abonnés le", "Abonnés au total le",
                            "Total des abonnés", "Total d’abonnés"),
        "new_followers": ("Nouveaux abonnés", "Nouveaux followers"),
        "top_demographics": ("Principales données démographiques",
                             "Données démographiques principales"),
        "value": ("Valeur",), "percentage": ("Pourcentage",),
    },
    "es": {
        "DISCOVERY": ("DESCUBRIMIENTO",), "ENGAGEMENT": ("INTERACCIÓN", "INTERACCIONES"),
        "TOP POSTS": ("PUBLICACIONES PRINCIPALES",), "FOLLOWERS": ("SEGUIDORES",),
        "DEMOGRAPHICS": ("INFORMACIÓN DETALLADA", "DATOS DEMOGRÁFICOS"),
        "overall": ("Rendimiento general",), "impressions": ("Impresiones",),
        "members_reached": ("Miembros alcanzados",), "unique_views": ("Visualizaciones únicas",),
        "date": ("Fecha",), "engagements": ("Interacciones",),
        "post_url": ("URL de la publicación",), "publish_date": ("Fecha de publicación",),
        "total_followers": ("Total de seguidores el",), "new_followers": ("Nuevos seguidores",),
        "top_demographics": ("Información detallada principal",
                             "Datos demográficos principales"),
        "value": ("Valor",), "percentage": ("Porcentaje",),
    },
    "pt": {
        "DISCOVERY": ("DESCOBERTA",), "ENGAGEMENT": ("ENGAJAMENTO", "INTERAÇÕES"),
        "TOP POSTS": ("PRINCIPAIS PUBLICAÇÕES", "PUBLICAÇÕES PRINCIPAIS"),
        "FOLLOWERS": ("SEGUIDORES",), "DEMOGRAPHICS": ("DADOS DEMOGRÁFICOS",),
        "overall": ("Desempenho geral",), "impressions": ("Impressões",),
        "members_reached": ("Membros alcançados",), "unique_views": ("Visualizações únicas",),
        "date": ("Data",), "engagements": ("Engajamentos", "Interações"),
        "post_url": ("URL da publicação",), "publish_date": ("Data de publicação",),
        "total_followers": ("Total de seguidores em",), "new_followers": ("Novos seguidores",),
        "top_demographics": ("Principais dados demográficos",), "value": ("Valor",),
        "percentage": ("Porcentagem", "Percentagem"),
    },
    "de": {
        "DISCOVERY": ("ENTDECKUNG",), "ENGAGEMENT": ("INTERAKTIONEN", "INTERAKTION"),
        "TOP POSTS": ("TOP-BEITRÄGE",), "FOLLOWERS": ("FOLLOWER",),
        "DEMOGRAPHICS": ("DEMOGRAFISCHE DATEN",),
        "overall": ("Gesamtleistung",), "impressions": ("Impressionen",),
        "members_reached": ("Erreichte Mitglieder",), "unique_views": ("Einzelne Aufrufe",),
        "date": ("Datum",), "engagements": ("Interaktionen",),
        "post_url": ("Beitrags-URL", "URL des Beitrags"),
        "publish_date": ("Veröffentlichungsdatum",),
        "total_followers": ("Follower insgesamt am", "Gesamtzahl der Follower am"),
        "new_followers": ("Neue Follower",),
        "top_demographics": ("Top-demografische Daten", "Demografische Top-Daten"),
        "value": ("Wert",), "percentage": ("Prozentsatz", "Anteil"),
    },
}
LANGUAGES = tuple(LAYOUTS)
# A row a spreadsheet user adds under a table for a chart ("Total | 429"): never data.
_HELPER_LABELS = {"total", "totals", "grand total", "sum", "totales", "total general",
                  "totaux", "somme", "gesamt", "summe", "soma"}


def _labels(key: str) -> set[str]:
    return {label_key(text) for layout in LAYOUTS.values() for text in layout[key]}


_SHEET_NAMES = {label_key(name): kind for layout in LAYOUTS.values() for kind in SHEETS
                for name in layout[kind]}
_DATE = _labels("date")
_IMPRESSIONS = _labels("impressions")
_ENGAGEMENTS = _labels("engagements")
_NEW_FOLLOWERS = _labels("new_followers")
_TOTAL_FOLLOWERS = tuple(sorted(_labels("total_followers")))
_POST_URL = _labels("post_url")
_PUBLISH_DATE = _labels("publish_date")
_TOP_DEMOGRAPHICS = _labels("top_demographics")
_OVERALL = _labels("overall")
_VALUE = _labels("value")
_PERCENTAGE = _labels("percentage")
# DISCOVERY's totals, keyed the same in every language
_TOTAL_KEYS = {label: key for key in ("impressions", "members_reached", "unique_views",
                                      "engagements") for label in _labels(key)}
# each word → the languages that write it (a word of several languages votes for each, less)
_WORD_LANGUAGES: dict[str, set[str]] = {}
for _lang, _layout in LAYOUTS.items():
    for _texts in _layout.values():
        for _text in _texts:
            _WORD_LANGUAGES.setdefault(label_key(_text), set()).add(_lang)
# LinkedIn's company-page "Content" export: its sheets and the labels of their headers
_COMPANY_SHEETS = {"metrics", "all posts"}
_COMPANY_LABELS = {"impressions organic", "impressions total", "unique impressions organic",
                   "post link", "post title"}
# `Content_2024-11-11_2025-11-10_…xlsx`: LinkedIn names the export by its period
_FILE_PERIOD = re.compile(r"(\d{4})-(\d{2})-(\d{2})_(\d{4})-(\d{2})-(\d{2})")

_US_DATE = re.compile(r"(\d{1,2})\s*([/.])\s*(\d{1,2})\s*[/.]\s*(\d{4})")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_PERIOD = re.compile(r"(\S+)\s*[-–—]\s*(\S+)")
_INT = re.compile(r"^[+-]?\d{1,3}(?:[ ,.\u00a0\u202f']\d{3})+$|^[+-]?\d+$")
_FLOAT = re.compile(r"^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?$")
_URN = re.compile(r"urn:li:([A-Za-z]+):([^/?#&\s]+)")


Row = tuple[str | None, ...]
Count = int | float | None  # a daily figure: whole as LinkedIn writes it, or as edited


# --- cells ----------------------------------------------------------------------------------


class _Dates:
    """Parses the workbook's date cells: `M/D/YYYY` text (LinkedIn in English),
    `D/M/YYYY` (LinkedIn in another language), `D.M.YYYY` (always day-first),
    `YYYY-MM-DD[ HH:MM:SS]` (a real date cell, as calamine renders it), an Excel serial number.

    The order of `a/b/YYYY` is decided from what the workbook says of itself, most certain
    first: its file name's period (`Content_YYYY-MM-DD_YYYY-MM-DD`) against its period label;
    a date with a first or a second number above 12; its language (English month-first, the
    others day-first). `ambiguous` when none of these tells and some date reads both ways;
    `conflict` when the dates themselves disagree."""

    def __init__(self, rows: Iterable[Row], *, file_name: str = "",
                 language: str | None = None) -> None:
        first_big = second_big = both_ways = False
        period: tuple[str, str] | None = None
        for row in rows:
            for cell in row:
                if cell and "/" in cell:
                    for a, sep, b, _year in _US_DATE.findall(cell):
                        if sep == "/":
                            first_big |= int(a) > 12
                            second_big |= int(b) > 12
                            both_ways |= a != b and int(a) <= 12 and int(b) <= 12
                    if period is None and _period_text(cell):
                        match = _PERIOD.fullmatch(cell.strip())
                        assert match is not None
                        period = (match[1], match[2])
        self.conflict = first_big and second_big
        self.ambiguous = False
        self.day_first = False
        by_name = self._from_file_name(file_name, period)
        if by_name is not None:
            self.day_first = by_name
        elif first_big or second_big:
            self.day_first = first_big and not second_big
        elif language is not None:
            self.day_first = language != "en"
        else:
            self.ambiguous = both_ways

    @staticmethod
    def _from_file_name(file_name: str, period: tuple[str, str] | None) -> bool | None:
        """True (day-first) or False when the period label read one way, and only that way,
        gives the file name's period."""
        match = _FILE_PERIOD.search(file_name)
        if not match or period is None:
            return None
        try:
            named = (date(int(match[1]), int(match[2]), int(match[3])),
                     date(int(match[4]), int(match[5]), int(match[6])))
        except ValueError:
            return None
        fits = []
        for day_first in (False, True):
            read = tuple(_slash_date(text, day_first) for text in period)
            fits.append(read == named)
        return fits[1] if fits[0] != fits[1] else None

    def one(self, text: str | None, *, serial: bool = False) -> date | None:
        if not text:
            return None
        text = text.strip()
        if _US_DATE.fullmatch(text):
            return _slash_date(text, self.day_first)
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


def _slash_date(text: str, day_first: bool) -> date | None:
    """`a/b/YYYY` (or `a.b.YYYY`, always day-first) in the order given."""
    match = _US_DATE.fullmatch(text.strip())
    if not match:
        return None
    a, sep, b, year = match.groups()
    month, day = (int(b), int(a)) if day_first or sep == "." else (int(a), int(b))
    try:
        return date(int(year), month, day)
    except ValueError:
        return None


def _number(text: str | None) -> int | float | None:
    """A count written as a number cell (`46969`, `98.0`) or as text (`1,234`, `1 234`); a
    fraction (`12.5`, which LinkedIn never writes) as a float."""
    if text is None:
        return None
    text = text.strip()
    if not text:
        return None
    if _INT.match(text):
        return int(re.sub(r"[ ,.\u00a0\u202f']", "", text))
    if _FLOAT.match(text) and "," not in text:
        value = float(text)
        return round(value) if abs(value - round(value)) < 1e-6 else value
    return None


def _int(text: str | None) -> int | None:
    """A whole count (a fraction is not one: None)."""
    value = _number(text)
    return value if isinstance(value, int) else None


def parse_share(text: str | None) -> tuple[float | None, str | None]:
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
    return [label_key(cell) for cell in row]


# --- recognising a sheet --------------------------------------------------------------------


def _content_kind(rows: list[Row]) -> str | None:
    """Which sheet this is, from its cells (the first 40 rows): its header row, or for
    DISCOVERY its period `M/D/YYYY - M/D/YYYY` or `Overall Performance` label."""
    for row in rows[:40]:
        cells = set(_cells(row))
        if cells & _POST_URL or any(cell and "urn:li:" in cell for cell in row):
            return "TOP POSTS"
        if cells & _TOP_DEMOGRAPHICS or (cells & _VALUE and cells & _PERCENTAGE):
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
    daily: dict[date, tuple[Count, Count]] = field(default_factory=dict)
    top: dict[str, dict[str, Any]] = field(default_factory=dict)
    followers_total: int | None = None
    followers_on: date | None = None
    followers_daily: dict[date, int | None] = field(default_factory=dict)
    demographics: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    found: set[str] = field(default_factory=set)
    fractional: int = 0  # counts written as fractions (the file was edited)
    fraction_example: str | None = None

    def warn(self, message: CodedNotice) -> None:
        self.warnings.append(CodedNotice("analytics_in_file", file=self.file, warning=message))

    def count(self, text: str | None) -> int | float | None:
        """A count as written; a fractional one is kept (and counted, to be said once)."""
        value = _number(text)
        if isinstance(value, float):
            self.fractional += 1
            self.fraction_example = self.fraction_example or text
        return value

    def whole(self, text: str | None) -> int | None:
        """A count that must be whole (a total, a post's figure): a fraction rounded, and
        counted like `count`'s."""
        value = self.count(text)
        return round(value) if isinstance(value, float) else value


def read_sheets(path: Path, label: str) -> list[tuple[str, list[Row]]]:
    """Every sheet's rows as text (stripped, blank cells None), read by calamine only after
    the guards below passed: a regular file, at most MAX_BYTES, a zip whose parts inflate to
    bounded sizes and whose sheets' used ranges are small. The one guarded way to read an
    XLSX file here (the per-post reader uses it too); an AnalyticsError names `label`."""
    data = _read_file(path, label)
    if not data.startswith(b"PK\x03\x04"):
        kind = "an empty file" if not data else "not a zip container"
        raise AnalyticsError(f"{label}: not an XLSX workbook ({kind}); export the analytics "
                             "from LinkedIn as .xlsx")
    _guard_workbook(data, label)
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


def _read_file(path: Path, label: str) -> bytes:
    """The file's bytes, at most MAX_BYTES. Opened without blocking and checked to be a regular
    file on the open descriptor, so a FIFO or a device given by name can neither hang nor
    stream forever."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise AnalyticsError(f"{label}: no such file") from None
    except IsADirectoryError:
        raise AnalyticsError(f"{label}: is a folder, not an XLSX workbook") from None
    except OSError as exc:
        raise AnalyticsError(f"{label}: cannot be read ({exc.strerror or exc})") from None
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):
            raise AnalyticsError(f"{label}: is a folder, not an XLSX workbook")
        if not stat.S_ISREG(mode):
            raise AnalyticsError(f"{label}: not a regular file (a pipe, socket or device), "
                                 "not an XLSX workbook")
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise AnalyticsError(f"{label}: cannot be read ({exc.strerror or exc})") from None
    finally:
        os.close(descriptor)
    if len(data) > MAX_BYTES:
        raise AnalyticsError(f"{label}: more than {MAX_BYTES // (1024 * 1024)} MB, far too "
                             "large for a LinkedIn analytics workbook")
    return data


# --- guarding the native reader ----------------------------------------------------------------
#
# calamine (behind polars.read_excel) densifies each sheet to the rectangle its cells span and
# trusts counts it reads; a 22 KB workbook with one cell at XFD1048576 makes it ask for 550 GB
# and abort the whole process, which Python cannot catch. So every part of the zip is inflated
# here first, in chunks, counting real bytes, and its XML is lexed the way quick-xml (calamine's
# parser) lexes it, following rows and cells by calamine's own rules (a cell without `r` takes
# the next column, a row without `r` the next row), so that the used range, the sheet count and
# the shared strings are known before calamine sees a byte. Memory stays bounded: one chunk,
# one pending tag, and one integer per shared string.


class _Refused(Exception):
    """Raised inside the scan; becomes an AnalyticsError naming the file."""


_ZIP_END = b"PK\x05\x06"
_SHEET_DATA_MARKERS = (b"sheetData", "sheetData".encode("utf-16-le"),
                       "sheetData".encode("utf-16-be"))
_START_TAG = re.compile(rb"""<((?:[^>"']|"[^"]*"|'[^']*')*)>""")
_ATTRIBUTE = re.compile(rb"""([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_CELL_REF = re.compile(rb"([A-Za-z]{1,3})([0-9]{1,7})")
_ROW_REF = re.compile(rb"[A-Za-z]{0,3}([0-9]{1,7})")
_COUNT = re.compile(rb"\s*([0-9]{1,12})\s*")
_INDEX = re.compile(rb"\s*([0-9]{1,10})\s*")
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_SHARED_STRINGS = "xl/sharedstrings.xml"
_SHEET_FOLDERS = ("xl/worksheets/", "xl/chartsheets/", "xl/dialogsheets/")
_INDEX_TEXT_CAP = 64  # bytes of a shared-string index kept while inside <v>


def _column_name(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters or "A"


def _cell_ref(value: bytes) -> tuple[int, int]:
    """(row, column), both 1-based, of an `A1` reference; refuses anything else (calamine would
    wrap a row past 2**32 silently)."""
    match = _CELL_REF.fullmatch(value)
    if not match:
        raise _Refused(f"has a malformed cell reference {value[:40]!r}")
    column = 0
    for letter in match[1].upper():
        column = column * 26 + letter - 64
    return int(match[2]), column


@dataclass
class _SheetScan:
    """One part's rows and cells as calamine would place them (0-based indices)."""

    in_sheet_data: bool = False
    row_index: int = 0
    col_index: int = 0
    max_row: int = 0  # 1-based extent of the used range
    max_col: int = 0
    cell_stack: list[bytes] | None = None  # open elements inside the current <c>
    string_cell: bool = False
    value_text: bytearray | None = None
    string_bytes: int = 0
    has_cells: bool = False

    def reach(self, row: int, col: int | None) -> None:
        """Extend the used range to (row, col), 1-based; col None for a row number alone."""
        if row > MAX_ROWS or (col or 0) > MAX_COLUMNS:
            where = f"cell {_column_name(col)}{row}" if col else f"row {row}"
            raise _Refused(f"reaches {where}, beyond the {MAX_ROWS:,} rows and {MAX_COLUMNS} "
                           "columns a LinkedIn workbook stays within")
        self.max_row, self.max_col = max(self.max_row, row), max(self.max_col, col or 1)
        if self.max_row * self.max_col > MAX_SHEET_CELLS:  # said at once, not at the end
            area = self.max_row * self.max_col
            raise _Refused(f"has a used range to {_column_name(self.max_col)}"
                           f"{self.max_row}, {area:,} cells (at most {MAX_SHEET_CELLS:,} a "
                           "sheet)")


@dataclass
class _BookScan:
    """What the whole workbook would make calamine hold."""

    sheets: int = 0
    cells: int = 0
    shared_lengths: array = field(default_factory=lambda: array("Q"))  # suffix maxima
    string_bytes: int = 0


def _attributes(text: bytes) -> list[tuple[bytes, bytes]]:
    return [(key, a if a is not None else b) for key, a, b in _ATTRIBUTE.findall(text)]


class _Lexer:
    """quick-xml's view of one XML part, fed in chunks: comments, CDATA, processing
    instructions and declarations are skipped, a start tag ends at the first `>` outside
    quotes, `<x/>` is a start and an end (calamine expands empty elements). DOCTYPE is refused
    (no workbook has one; it is how entity expansion starts), and so is any construct longer
    than MAX_MARKUP or left open at the end of the part."""

    def __init__(self, on_start: Any, on_end: Any, on_text: Any) -> None:
        self.buffer = b""
        self.offset = 0  # of buffer[0] in the part
        self.on_start, self.on_end, self.on_text = on_start, on_end, on_text

    def feed(self, chunk: bytes, final: bool = False) -> None:
        buffer = self.buffer + chunk if self.buffer else chunk
        position = 0
        while True:
            lt = buffer.find(b"<", position)
            if lt < 0:
                if position < len(buffer):
                    self.on_text(buffer[position:])
                position = len(buffer)
                break
            if lt > position:
                self.on_text(buffer[position:lt])
            end = self._markup(buffer, lt, final)
            if end is None:  # incomplete: wait for the next chunk
                if final:
                    raise _Refused("ends inside an XML tag, comment or section")
                if len(buffer) - lt > MAX_MARKUP:
                    raise _Refused(f"has an XML tag or section over {MAX_MARKUP // 1024} KB")
                position = lt
                break
            position = end
        self.offset += position
        self.buffer = buffer[position:]

    def _markup(self, buffer: bytes, lt: int, final: bool) -> int | None:
        if buffer.startswith(b"<!", lt):
            for opener, closer in ((b"<!--", b"-->"), (b"<![CDATA[", b"]]>")):
                if buffer.startswith(opener, lt):
                    close = buffer.find(closer, lt + len(opener))
                    return close + len(closer) if close >= 0 else None
            head = buffer[lt:lt + 9]
            if len(head) < 9 and not final and any(
                    word.startswith(head) for word in (b"<!--", b"<![CDATA[", b"<!DOCTYPE")):
                return None
            if head.upper() == b"<!DOCTYPE":
                raise _Refused("has a DOCTYPE (entity declarations are refused)")
            close = buffer.find(b">", lt)  # quick-xml stops on this; nothing after is read
            return close + 1 if close >= 0 else None
        if buffer.startswith(b"<?", lt):
            close = buffer.find(b"?>", lt + 2)
            return close + 2 if close >= 0 else None
        if buffer.startswith(b"</", lt):
            close = buffer.find(b">", lt)
            if close < 0:
                return None
            words = buffer[lt + 2:close].split()
            self.on_end(words[0] if words else b"", self.offset + lt)
            return close + 1
        match = _START_TAG.match(buffer, lt)
        if match is None:
            return None
        body = match[1]
        empty = body.endswith(b"/")
        if empty:
            body = body[:-1]
        parts = body.split(None, 1)
        name = parts[0] if parts else b""
        self.on_start(name, parts[1] if len(parts) > 1 else b"", self.offset + lt)
        if empty:
            self.on_end(name, self.offset + match.end())
        return match.end()


def _local(name: bytes) -> bytes:
    """quick-xml's local name: what follows the first colon."""
    return name.partition(b":")[2] if b":" in name else name


class _PartScan:
    """The handlers fed by _Lexer for one part: sheet cells, shared strings, sheet list."""

    def __init__(self, name: str, book: _BookScan) -> None:
        self.name, self.lower, self.book = name, name.lower(), book
        self.sheet = _SheetScan()
        self.si_start: int | None = None
        self.shared: list[int] = []

    # calamine reads cells after <sheetData> only; inside a <c> it consumes the children, so
    # the children must nest properly and hold no row or cell, or its view and ours differ.
    def start(self, name: bytes, attributes: bytes, offset: int) -> None:
        local = _local(name)
        sheet = self.sheet
        if sheet.cell_stack is not None:
            if local in (b"c", b"row", b"sheetData"):
                raise _Refused(f"has a <{local.decode(errors='replace')}> inside a cell")
            sheet.cell_stack.append(name)
            if (sheet.string_cell and local == b"v" and len(sheet.cell_stack) == 2):
                sheet.value_text = bytearray()
            return
        if local == b"dimension":
            self._dimension(attributes)
        elif local == b"sheetData":
            sheet.in_sheet_data = True
        elif local == b"row" and sheet.in_sheet_data:
            numbers = [value for key, value in _attributes(attributes) if key == b"r"]
            for value in numbers:
                match = _ROW_REF.fullmatch(value)
                if not match:
                    raise _Refused(f"has a malformed row number {value[:40]!r}")
                row = int(match[1])
                sheet.reach(row, None)
                sheet.row_index = row - 1
        elif local == b"c" and sheet.in_sheet_data:
            attrs = _attributes(attributes)
            refs = [_cell_ref(value) for key, value in attrs if key == b"r"]
            for row, col in refs:
                sheet.reach(row, col)
            if refs:
                sheet.col_index = max(col for _row, col in refs) - 1
            else:
                sheet.reach(sheet.row_index + 1, sheet.col_index + 1)
            sheet.has_cells = True
            sheet.cell_stack = [name]
            sheet.string_cell = any(key == b"t" and value == b"s" for key, value in attrs)
            sheet.value_text = None
        elif local == b"sst":
            for key, value in _attributes(attributes):
                if key in (b"count", b"uniqueCount"):
                    match = _COUNT.fullmatch(value)
                    limit = MAX_SHARED_STRINGS if key == b"uniqueCount" else MAX_CELLS
                    if not match or int(match[1]) > limit:
                        raise _Refused(f"declares {key.decode()}="
                                       f"{value[:20].decode(errors='replace')!r} shared strings "
                                       f"(at most {limit:,})")
        elif local == b"si" and self.si_start is None and self.lower == _SHARED_STRINGS:
            self.si_start = offset
        elif local == b"sheet" and self.lower == "xl/workbook.xml":
            self.book.sheets += 1
            if self.book.sheets > MAX_SHEETS:
                raise _Refused(f"lists more than {MAX_SHEETS} sheets")

    def end(self, name: bytes, offset: int) -> None:
        sheet = self.sheet
        local = _local(name)
        if sheet.cell_stack is not None:
            if sheet.cell_stack[-1] != name:
                raise _Refused("has malformed XML inside a cell (mismatched end tag)")
            sheet.cell_stack.pop()
            if sheet.cell_stack:
                return
            sheet.cell_stack = None
            sheet.col_index += 1
            if sheet.string_cell and sheet.value_text is not None:
                match = _INDEX.fullmatch(bytes(sheet.value_text))
                lengths = self.book.shared_lengths
                if match and int(match[1]) < len(lengths):
                    sheet.string_bytes += lengths[int(match[1])]
                    if self.book.string_bytes + sheet.string_bytes > MAX_STRING_BYTES:
                        raise _Refused("has cells repeating more than "
                                       f"{MAX_STRING_BYTES // (1024 * 1024)} MB of shared text")
            return
        if local == b"row" and sheet.in_sheet_data:
            sheet.row_index += 1
            sheet.col_index = 0
        elif local == b"sheetData":
            sheet.in_sheet_data = False
        elif local == b"si" and self.si_start is not None:
            self.shared.append(offset - self.si_start)
            self.si_start = None
            if len(self.shared) > MAX_SHARED_STRINGS:
                raise _Refused(f"holds more than {MAX_SHARED_STRINGS:,} shared strings")

    def text(self, text: bytes) -> None:
        value = self.sheet.value_text
        if value is not None:
            value += text[:max(0, _INDEX_TEXT_CAP + 1 - len(value))]

    def _dimension(self, attributes: bytes) -> None:
        for key, value in _attributes(attributes):
            if key != b"ref":
                continue
            corners = [_cell_ref(part) for part in value.split(b":")]
            if len(corners) > 2 or (len(corners) == 2 and (
                    corners[0][0] > corners[1][0] or corners[0][1] > corners[1][1])):
                raise _Refused(f"has a malformed dimension {value[:40]!r}")
            for row, col in corners:
                self.sheet.reach(row, col)

    def finish(self) -> None:
        sheet = self.sheet
        if sheet.cell_stack is not None:
            raise _Refused("leaves a cell open at its end")
        area = sheet.max_row * sheet.max_col
        if area > MAX_SHEET_CELLS:
            raise _Refused(f"has a used range to {_column_name(sheet.max_col)}"
                           f"{sheet.max_row}, {area:,} cells (at most {MAX_SHEET_CELLS:,} a "
                           "sheet)")
        self.book.cells += area
        if self.book.cells > MAX_CELLS:
            raise _Refused(f"brings the sheets past {MAX_CELLS:,} cells in all")
        self.book.string_bytes += sheet.string_bytes
        if self.shared:  # calamine skips an <si> without text, so index k may be any later one
            lengths = array("Q", self.shared)
            for index in range(len(lengths) - 2, -1, -1):
                lengths[index] = max(lengths[index], lengths[index + 1])
            self.book.shared_lengths = lengths


def _zip_directory_size(data: bytes) -> int:
    """The central directory's size from the end record, which must end the file (its
    comment included) and follow the directory directly: then zipfile and the zip crate
    behind calamine see the same parts. Zip64 is refused (never needed below 4 GB)."""
    end = data.rfind(_ZIP_END, max(0, len(data) - 22 - 65535))
    if end < 0 or end + 22 > len(data):
        raise _Refused("not a readable XLSX workbook (no zip end record)")
    (_sig, _disk, _cd_disk, _here, entries, size, offset,
     comment) = struct.unpack("<4s4H2LH", data[end:end + 22])
    if end + 22 + comment != len(data):
        raise _Refused("not a readable XLSX workbook (bytes after the zip end record)")
    if entries == 0xFFFF or size == 0xFFFFFFFF or offset == 0xFFFFFFFF:
        raise _Refused("not a readable XLSX workbook (zip64 end record)")
    if offset + size != end:
        raise _Refused("not a readable XLSX workbook (data between the zip directory and "
                       "its end record, or before the zip)")
    return size


def _is_xml_part(name: str, head: bytes) -> bool:
    lower = name.lower()
    return (lower.endswith(_XML_SUFFIXES) or lower.startswith(_SHEET_FOLDERS)
            or head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"))


def _guard_workbook(data: bytes, label: str) -> None:
    """Refuse, with an AnalyticsError naming the file, a workbook that would make calamine
    allocate without bound: too many or too large parts (declared or inflated), a sheet whose
    used range (from `<dimension>`, `<row r>` and every cell's position) passes MAX_ROWS,
    MAX_COLUMNS or MAX_SHEET_CELLS, too many sheets or shared strings, shared text repeated
    into too many cells, a DOCTYPE. Nothing here allocates more than a chunk and a tag."""
    try:
        _scan_workbook(data)
    except _Refused as refusal:
        reason = str(refusal)
        if not reason.startswith("not a readable"):
            reason = f"refused before reading: {reason}"
        raise AnalyticsError(f"{label}: {reason}") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error,
            NotImplementedError, RuntimeError) as exc:  # zipfile's ways of failing
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise AnalyticsError(f"{label}: not a readable XLSX workbook ({reason})") from None


def _scan_workbook(data: bytes) -> None:
    if _zip_directory_size(data) > MAX_DIRECTORY_BYTES:
        raise _Refused(f"a zip directory over {MAX_DIRECTORY_BYTES // 1024} KB")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise _Refused(f"{len(members):,} parts (at most {MAX_MEMBERS:,})")
        seen: set[str] = set()
        declared = 0
        for info in members:
            lower = info.filename.lower()
            if lower in seen:  # calamine finds parts by name, ignoring case: which one?
                raise _Refused(f"two parts named {info.filename!r}")
            seen.add(lower)
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise _Refused(f"part {info.filename!r} uses compression method "
                               f"{info.compress_type} (XLSX allows stored and deflate only)")
            if info.flag_bits & 0x1:
                raise _Refused(f"part {info.filename!r} is encrypted")
            declared += info.file_size
            if info.file_size > MAX_MEMBER_BYTES or declared > MAX_INFLATED_BYTES:
                raise _Refused(f"part {info.filename!r} declares {info.file_size:,} bytes "
                               f"inflated (at most {MAX_MEMBER_BYTES // (1024 * 1024)} MB a "
                               f"part, {MAX_INFLATED_BYTES // (1024 * 1024)} MB in all)")
        if "xl/workbook.xml" not in seen:
            raise _Refused("not a readable XLSX workbook (a zip, but no xl/workbook.xml)")
        book = _BookScan()
        # shared strings first: the sheets' string cells are measured against them
        ordered = sorted(members, key=lambda i: i.filename.lower() != _SHARED_STRINGS)
        inflated = 0
        for info in ordered:
            inflated = _scan_part(data, info, book, inflated)


def _inflate(data: bytes, info: zipfile.ZipInfo) -> Iterable[bytes]:
    """A part's bytes in chunks of at most _READ_CHUNK, inflated from its compressed bytes to
    the end of the deflate stream, whatever its header declares (zipfile would stop at the
    declared size; the zip crate behind calamine would not). The size and CRC actually
    inflated must then match the header."""
    header = data[info.header_offset:info.header_offset + 30]
    if len(header) < 30 or not header.startswith(b"PK\x03\x04"):
        raise _Refused(f"not a readable XLSX workbook (no local header for {info.filename!r})")
    name_length, extra_length = struct.unpack("<HH", header[26:30])
    begin = info.header_offset + 30 + name_length + extra_length
    raw = memoryview(data)[begin:begin + info.compress_size]
    if len(raw) < info.compress_size:
        raise _Refused(f"not a readable XLSX workbook ({info.filename!r} is cut short)")
    size, crc = 0, 0
    if info.compress_type == zipfile.ZIP_STORED:
        pieces: Iterable[bytes] = (bytes(raw[i:i + _READ_CHUNK])
                                   for i in range(0, len(raw), _READ_CHUNK))
        for piece in pieces:
            size, crc = size + len(piece), zlib.crc32(piece, crc)
            yield piece
    else:
        inflater = zlib.decompressobj(-15)
        for i in range(0, len(raw), _READ_CHUNK):
            pending = bytes(raw[i:i + _READ_CHUNK])
            while pending and not inflater.eof:
                piece = inflater.decompress(pending, _READ_CHUNK)
                pending = inflater.unconsumed_tail
                if piece:
                    size, crc = size + len(piece), zlib.crc32(piece, crc)
                    yield piece
            if inflater.eof:
                break
        if not inflater.eof:
            raise _Refused(f"not a readable XLSX workbook ({info.filename!r} is cut short)")
    if size != info.file_size or crc != info.CRC:
        raise _Refused(f"part {info.filename!r} inflates to {size:,} bytes, not the "
                       f"{info.file_size:,} its header declares, or fails its CRC")


def _scan_part(data: bytes, info: zipfile.ZipInfo, book: _BookScan, inflated: int) -> int:
    """Inflate one part in chunks (counting real bytes against the caps) and lex it if it is
    XML; returns the running total of inflated bytes."""
    part = _PartScan(info.filename, book)
    lexer: _Lexer | None = None
    size = 0
    tail = b""
    try:
        for chunk in _inflate(data, info):
            size += len(chunk)
            inflated += len(chunk)
            if size > MAX_MEMBER_BYTES or inflated > MAX_INFLATED_BYTES or (
                    size > RATIO_FROM and size > MAX_RATIO * max(info.compress_size, 1)):
                raise _Refused(f"inflates past {size:,} bytes (from "
                               f"{info.compress_size:,}; at most "
                               f"{MAX_MEMBER_BYTES // (1024 * 1024)} MB a part, "
                               f"{MAX_INFLATED_BYTES // (1024 * 1024)} MB in all, "
                               f"{MAX_RATIO}:1 beyond {RATIO_FROM // (1024 * 1024)} MB)")
            if lexer is None and size == len(chunk):  # the first chunk decides
                if chunk.startswith((b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<")):
                    raise _Refused("is UTF-16 XML (XLSX parts are UTF-8)")
                if _is_xml_part(info.filename, chunk[:64]):
                    lexer = _Lexer(part.start, part.end, part.text)
            if lexer is not None:
                lexer.feed(chunk)
            else:  # not XML: it must not hide a sheet calamine could be pointed at
                window = tail + chunk
                if any(marker in window for marker in _SHEET_DATA_MARKERS) or (
                        b"<!DOCTYPE" in window.upper()):
                    raise _Refused("is not XML but holds worksheet markup")
                tail = window[-32:]
        if lexer is not None:
            lexer.feed(b"", final=True)
        part.finish()
    except _Refused as refusal:
        reason = str(refusal)
        raise _Refused(reason if reason.startswith(("part ", "not a readable"))
                       else f"part {info.filename!r} {reason}") from None
    return inflated


def _classify(book: _Book, sheets: list[tuple[str, list[Row]]]) -> dict[str, list[int]]:
    """Sheet kind → indices of the sheets of that kind (a kind may span sheets that Excel
    users split). LinkedIn's own sheets first: by name in any language of `LAYOUTS` (the
    content deciding when it says another kind); then a sheet of another name by its
    content, unless a sheet named for that kind exists (the user's own copy, a `Dataset`
    beside ENGAGEMENT: ignored); then, once some sheet is recognised, by position for a sheet
    whose name and content are both unknown. The sheets left out are said in one notice."""
    kinds: dict[int, str] = {}
    duplicates: set[int] = set()
    by_content = [_content_kind(rows) for _name, rows in sheets]
    named = {index: _SHEET_NAMES.get(label_key(name)) for index, (name, _rows) in enumerate(sheets)}
    for index, (name, _rows) in enumerate(sheets):
        if named[index]:
            kinds[index] = by_content[index] or named[index]  # type: ignore[assignment]
            if by_content[index] and by_content[index] != named[index]:
                book.warn(CodedNotice("analytics_sheet_holds", sheet=name,
                                      kind=by_content[index]))
    taken_by_name = set(kinds.values())
    for index, kind in enumerate(by_content):
        if index in kinds or kind is None:
            continue
        if kind in taken_by_name:
            duplicates.add(index)
        else:
            kinds[index] = kind
    for position, kind in enumerate(SHEETS):
        if not kinds:  # nothing recognised: not LinkedIn's workbook, positions mean nothing
            break
        if kind in kinds.values() or position >= len(sheets) or position in kinds or (
                position in duplicates):
            continue
        name, rows = sheets[position]
        if any(not _blank(row) for row in rows):
            kinds[position] = kind
            book.warn(CodedNotice("analytics_sheet_by_position", sheet=name, kind=kind))
    ignored = [name for index, (name, _rows) in enumerate(sheets) if index not in kinds]
    if kinds and ignored:
        book.warn(CodedNotice("analytics_sheets_ignored", count=len(ignored),
                              sheets=", ".join(repr(name) for name in ignored)))
    out: dict[str, list[int]] = {kind: [] for kind in SHEETS}
    for index in sorted(kinds):
        out[kinds[index]].append(index)
    return out


def _language(sheets: list[tuple[str, list[Row]]], used: Iterable[int]) -> str | None:
    """The language of LinkedIn's words in the sheets used (their names, the cells of their
    first 40 rows): the one with the most votes, a word shared by several languages voting
    for each with less weight; None on a tie or without any word."""
    votes = dict.fromkeys(LANGUAGES, 0.0)
    for index in used:
        name, rows = sheets[index]
        words = {label_key(name)} | {cell for row in rows[:40] for cell in _cells(row)}
        for word in words:
            for cell_word in (word, *(prefix for prefix in _TOTAL_FOLLOWERS
                                      if word.startswith(prefix + " "))):
                languages = _WORD_LANGUAGES.get(cell_word)
                if languages:
                    for language in languages:
                        votes[language] += 1 / len(languages)
    ranked = sorted(votes.items(), key=lambda item: -item[1])
    if not ranked[0][1] or ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def _refuse_company_page(sheets: list[tuple[str, list[Row]]], label: str) -> None:
    """A company page's content export (sheets `Metrics`, `All posts`; headers
    `Impressions (organic)`, `Post link`…) is not a member's workbook: said, not misread."""
    names = {label_key(name) for name, _rows in sheets}
    headers = {cell for _name, rows in sheets for row in rows[:5] for cell in _cells(row)}
    if names >= _COMPANY_SHEETS or (names & _COMPANY_SHEETS
                                    and len(headers & _COMPANY_LABELS) >= 2):
        listed = ", ".join(repr(name) for name, _rows in sheets)
        raise AnalyticsError(
            f"{label}: is a LinkedIn company page's content export, not a member's creator "
            f"analytics workbook (sheets: {listed}); export your own from your profile's "
            "Analytics → Content → Export")


def _period_in(row: Row, dates: _Dates) -> tuple[date, date] | None:
    for cell in row:
        if cell and _period_text(cell):
            match = _PERIOD.fullmatch(cell.strip())
            assert match is not None
            start, end = dates.one(match[1]), dates.one(match[2])
            if start and end:
                return start, end
    return None


def _is_followers_total(label: str) -> bool:
    """`Total followers on 3/31/2025:` (a date follows the words; `Total followers` alone is
    a chart helper's label)."""
    return any(label.startswith(prefix + " ") and re.search(r"\d", label[len(prefix):])
               for prefix in _TOTAL_FOLLOWERS)


def _parse_discovery(book: _Book, rows: list[Row], dates: _Dates) -> None:
    """The period and the totals: the block of `label | value` rows under the period, read
    to its first blank row (below it an Excel user's chart helpers, `Total | 429`, repeat
    labels with other figures). The first value of a label wins."""
    started = False
    for row in rows:
        if book.period is None:
            book.period = _period_in(row, dates)
        if _blank(row):
            if started:
                break
            continue
        label = label_key(_get(row, 0))
        if not label or label in _OVERALL or _is_followers_total(label):
            continue  # the follower total is read wherever it is (_find_followers_total)
        if _number(_get(row, 1)) is None:
            continue
        value = book.whole(_get(row, 1))
        started = True
        key = _TOTAL_KEYS.get(label, label.replace(" ", "_"))
        if label not in _HELPER_LABELS and value is not None and key not in book.totals:
            book.totals[key] = value


def _parse_engagement(book: _Book, rows: list[Row], dates: _Dates) -> None:
    header = _header(rows, _DATE, _IMPRESSIONS, _ENGAGEMENTS)
    start, cols = 0, (0, 1, 2)
    if header is not None:
        start = header + 1
        cols = (_column(rows[header], _DATE, 0), _column(rows[header], _IMPRESSIONS, 1),
                _column(rows[header], _ENGAGEMENTS, 2))
    skipped = 0
    twice: list[date] = []
    for row in rows[start:]:
        if _blank(row) or label_key(_get(row, cols[0])) in _HELPER_LABELS:
            continue
        day = dates.one(_get(row, cols[0]), serial=True)
        if day is None:
            skipped += header is not None
            continue
        if day in book.daily:
            twice.append(day)
        book.daily[day] = (book.count(_get(row, cols[1])), book.count(_get(row, cols[2])))
    if twice:
        book.warn(CodedNotice("analytics_day_twice", day=twice[0].isoformat())
                  if len(twice) == 1 else
                  CodedNotice("analytics_days_twice", count=len(twice),
                              first=twice[0].isoformat()))
    if skipped:
        book.warn(CodedNotice("analytics_undated_rows", count=skipped))


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
    for url_col, date_col, measure, metric_col in tables:
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
            if entry[f"rank_{measure}"] is None:
                entry[measure] = book.whole(_get(row, metric_col))
                entry[f"rank_{measure}"] = rank


def _find_followers_total(book: _Book, sheets: list[tuple[str, list[Row]]],
                          order: list[int], dates: _Dates) -> None:
    """`Total followers on M/D/YYYY: | n` wherever it is: in FOLLOWERS (LinkedIn's place)
    or moved to another of LinkedIn's sheets (`order`: FOLLOWERS first). The count is the
    first number right of the label, or the label's own tail (`…: 1234` in one cell)."""
    for index in order:
        for row in sheets[index][1]:
            for position, cell in enumerate(row):
                if not cell or not _is_followers_total(label_key(cell)):
                    continue
                count = next((book.whole(c) for c in row[position + 1:]
                              if _number(c) is not None), None)
                if count is None:
                    count = _int(cell.rsplit(":", 1)[-1]) if ":" in cell else None
                if count is not None:
                    book.followers_on = dates.inside(cell)
                    book.followers_total = count
                    return


def _parse_followers(book: _Book, rows: list[Row], dates: _Dates) -> None:
    header = _header(rows, _DATE, _NEW_FOLLOWERS)
    start, cols = 0, (0, 1)
    if header is not None:
        start = header + 1
        cols = (_column(rows[header], _DATE, 0), _column(rows[header], _NEW_FOLLOWERS, 1))
    for row in rows[start:]:
        day = dates.one(_get(row, cols[0]), serial=True)
        if day is not None:
            book.followers_daily[day] = book.whole(_get(row, cols[1]))


def _parse_demographics(book: _Book, rows: list[Row], name: str) -> None:
    header = _header(rows, _TOP_DEMOGRAPHICS)
    start = header + 1 if header is not None else 0
    for row in rows[start:]:
        category, value = _get(row, 0), _get(row, 1)
        if not category or value is None:
            continue
        if label_key(value) in _VALUE and label_key(_get(row, 2)) in _PERCENTAGE | {""}:
            continue  # a header row whose first label is not known: never a category
        share, text = parse_share(_get(row, 2))
        book.demographics.append({"category": category, "value": value, "share": share,
                                  "share_text": text, "sheet": name})


def _read_book(path: Path, order: int) -> _Book:
    label = str(path)
    sheets = read_sheets(path, label)
    _refuse_company_page(sheets, label)
    book = _Book(file=path.name, order=order)
    kinds = _classify(book, sheets)
    if not any(kinds.values()):
        names = ", ".join(repr(name) for name, _rows in sheets) or "none"
        raise AnalyticsError(f"{label}: not a LinkedIn content-analytics workbook (sheets: "
                             f"{names}; expected {', '.join(SHEETS)})")
    used = [index for kind in SHEETS for index in kinds[kind]]
    dates = _Dates((row for index in used for row in sheets[index][1]), file_name=path.name,
                   language=_language(sheets, used))
    if dates.conflict:
        book.warn(CodedNotice("analytics_date_order_conflict"))
    elif dates.ambiguous:
        book.warn(CodedNotice("analytics_date_order_ambiguous"))
    for kind in SHEETS:
        indices = kinds[kind]
        if not indices:
            book.warn(CodedNotice("analytics_sheet_missing", kind=kind,
                                  missing=CodedNotice(_MISSING[kind])))
            continue
        for index in indices:
            name, rows = sheets[index]
            if all(_blank(row) for row in rows):
                book.warn(CodedNotice("analytics_sheet_empty", kind=kind, sheet=name,
                                      missing=CodedNotice(_MISSING[kind])))
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
    _find_followers_total(book, sheets, kinds["FOLLOWERS"] + [
        index for index in used if index not in kinds["FOLLOWERS"]], dates)
    if "FOLLOWERS" in book.found and book.followers_total is None and not book.followers_daily:
        book.warn(CodedNotice("analytics_no_follower_rows"))
    if book.fractional:
        book.warn(CodedNotice("analytics_fractional", count=book.fractional,
                              example=book.fraction_example))
    if "DISCOVERY" in book.found and book.period is None:
        book.warn(CodedNotice("analytics_no_period"))
    if book.period is None and book.daily:
        book.period = (min(book.daily), max(book.daily))
        book.warn(CodedNotice("analytics_period_from_days", first=book.period[0].isoformat(),
                              last=book.period[1].isoformat()))
    if "ENGAGEMENT" in book.found and not book.daily:
        book.warn(CodedNotice("analytics_no_daily_rows"))
    if "TOP POSTS" in book.found and not book.top:
        book.warn(CodedNotice("analytics_no_post"))
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
    * `daily`: date, impressions, engagements (one row a day; Int64, or Float64 for a column
      where an edited workbook wrote fractions, said in a warning).
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
        """A JSON-ready description (`AnalyticsSummary.of(self).to_json()`)."""
        return AnalyticsSummary.of(self).to_json()


@dataclass(frozen=True)
class AnalyticsSummary:
    """What the workbooks are, in a few typed numbers: the `Engagement` evidence of a timeline
    (its JSON's `engagement` object starts with `to_json()`), redacted field by field."""

    files: tuple[str, ...]  # the workbooks' paths as given
    period: tuple[str, str] | None  # first and last day covered, ISO dates
    totals: Mapping[str, int]  # DISCOVERY's totals by key (`Analytics.totals`)
    days: int  # daily rows
    top_posts: int  # rows of the top-posts tables
    followers_total: int | None
    followers_on: str | None  # ISO date of `followers_total`
    new_followers: int | None  # over the daily follower rows, None without any
    demographics: int  # demographic rows
    warnings: tuple[str, ...]

    @classmethod
    def of(cls, analytics: Analytics) -> AnalyticsSummary:
        period = analytics.period
        followers = analytics.followers_daily
        return cls(
            files=tuple(str(path) for path in analytics.files),
            period=(period[0].isoformat(), period[1].isoformat()) if period else None,
            totals=dict(analytics.totals),
            days=analytics.daily.height,
            top_posts=analytics.top_posts.height,
            followers_total=analytics.followers_total,
            followers_on=analytics.followers_on.isoformat() if analytics.followers_on else None,
            new_followers=int(followers["new_followers"].sum()) if followers.height else None,
            demographics=analytics.demographics.height,
            warnings=tuple(analytics.warnings),
        )

    def to_json(self) -> dict[str, object]:
        """The JSON object, keys in this order (lists, not tuples: equal to a parsed one)."""
        return {
            "files": list(self.files),
            "period": None if self.period is None else list(self.period),
            "totals": dict(self.totals),
            "days": self.days,
            "top_posts": self.top_posts,
            "followers_total": self.followers_total,
            "followers_on": self.followers_on,
            "new_followers": self.new_followers,
            "demographics": self.demographics,
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
    return _merge(files, [_read_book(path, order) for order, path in enumerate(files)])


def _merge(files: tuple[Path, ...], books: list[_Book]) -> Analytics:
    # Oldest period first, so that later ones overwrite; a workbook without a period (neither
    # DISCOVERY nor ENGAGEMENT) counts as the oldest.
    books = sorted(books, key=lambda b: (b.period[1] if b.period else date.min, b.order))
    warnings: list[str] = [w for book in books for w in book.warnings]
    daily: dict[date, tuple[Count, Count]] = {}
    followers_daily: dict[date, int | None] = {}
    top: dict[str, dict[str, Any]] = {}
    overlap = 0
    for book in books:
        overlap += len(daily.keys() & book.daily.keys())
        daily.update(book.daily)
        followers_daily.update(book.followers_daily)
        top.update(book.top)
    if overlap:
        warnings.append(CodedNotice("analytics_overlap", count=overlap))
    periods = [book.period for book in books if book.period]
    for before, after in zip(periods, periods[1:], strict=False):
        if after[0] > before[1] + timedelta(days=1):
            warnings.append(CodedNotice("analytics_gap",
                                        first=(before[1] + timedelta(days=1)).isoformat(),
                                        last=(after[0] - timedelta(days=1)).isoformat()))
    period = (min(p[0] for p in periods), max(p[1] for p in periods)) if periods else None

    # Whole counts, as LinkedIn writes them; an edited workbook's fractions stay as written
    # (a Float64 column, said in a notice), never null.
    schema = dict(DAILY_SCHEMA)
    for position, name in ((0, "impressions"), (1, "engagements")):
        if any(isinstance(figures[position], float) for figures in daily.values()):
            schema[name] = pl.Float64
    daily_frame = pl.DataFrame(
        [(day, *daily[day]) for day in sorted(daily)], schema=schema, orient="row")
    if len(books) == 1:
        totals = dict(books[0].totals)
    else:
        totals = {}
        if daily_frame.height:
            totals = {"impressions": round(daily_frame["impressions"].sum()),
                      "engagements": round(daily_frame["engagements"].sum())}
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


# --- the workbooks a command reads ------------------------------------------------------------


@dataclass(frozen=True)
class Notice:
    """Something to tell the member about the workbooks: `level` is "Warning" (a workbook
    skipped or read by a fallback) or "Note" (which workbook is used)."""

    level: str
    text: str


@dataclass(frozen=True, eq=False)
class Workbooks:
    """The analytics a command uses (None: no workbook) and what to tell, in order."""

    analytics: Analytics | None
    notices: tuple[Notice, ...]


def load_workbooks(exports: Sequence[str | Path], given: Sequence[str | Path] = ()
                   ) -> Workbooks:
    """The workbooks `given` (`--analytics`), merged; without any, those found inside the
    export folders (`workbook_files.find_workbooks`; nothing inside a .zip).

    A workbook given that cannot be read is an `AnalyticsError`; one found that cannot be
    read is only a warning (it may be any spreadsheet the member kept there), and each one
    used is said in a note. The merged workbooks' own warnings come last."""
    notices: list[Notice] = []
    found: list[Path] = []
    for export in [] if given else exports:
        workbooks, skipped = find_workbooks(export)
        found += workbooks
        notices += [Notice("Warning", warning) for warning in skipped]
    chosen = [Path(path) for path in given]
    readable: list[_Book] = []  # each workbook found, read on its own to check it
    if not chosen:
        for candidate in found:
            try:
                readable.append(_read_book(candidate, len(readable)))
            except AnalyticsError as exc:
                notices.append(Notice("Warning", notice_of(exc)))
                continue
            notices.append(Notice("Note", CodedNotice("analytics_using", file=candidate)))
            chosen.append(candidate)
    if not chosen:
        return Workbooks(None, tuple(notices))
    # Workbooks found were each read once, above, and are merged as read; given ones are
    # read here (the first that cannot be is an error).
    analytics = _merge(tuple(chosen), readable) if readable else load_analytics(chosen)
    notices += [Notice("Warning", warning) for warning in analytics.warnings]
    return Workbooks(analytics, tuple(notices))
