"""Turn the bytes of one export CSV into an all-text polars frame, and say how.

Handles, by sniffing rather than by era: UTF-16 (2018 activity files, TAB-separated, fully
quoted), UTF-8 with or without BOM, cp1252 re-saves, `,`/`;`/TAB delimiters, the Connections
`Notes:` preamble (the header is found by content, never by a fixed skip), header-only files,
sentinel lines (`No conversations found`), duplicate or empty header names, CRLF/LF.

Date-led free-text files (Comments, and Shares when its quoting is broken) are split into
records on their leading timestamp instead of being trusted to an RFC 4180 parser.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import polars as pl

from .errors import FileReadError

HEAD_BYTES = 65_536
MAX_HEADER_SCAN_LINES = 40
DELIMITERS = (",", "\t", ";")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def normalise_header(name: str) -> str:
    """`Shared URL`, `SharedURL` and `sharedUrl` all give `sharedurl`."""
    return re.sub(r"[^0-9a-z]+", "", name.lower())


@dataclass
class ReadNotes:
    """Provenance of one file: how it was decoded and what had to be repaired or dropped."""

    encoding: str = "utf-8"
    delimiter: str = ","
    line_ending: str = "LF"
    header_line: int = 1  # 1-based physical line of the header
    header: list[str] = field(default_factory=list)
    rows_read: int = 0
    repairs: dict[str, int] = field(default_factory=dict)
    dropped: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    date_formats: dict[str, list[str]] = field(default_factory=dict)
    empty_reason: str | None = None

    def repaired(self, what: str, count: int = 1) -> None:
        if count:
            self.repairs[what] = self.repairs.get(what, 0) + count

    def drop(self, why: str, count: int = 1) -> None:
        if count:
            self.dropped[why] = self.dropped.get(why, 0) + count


@dataclass
class Decoded:
    """A file's content: UTF-8 bytes for polars, plus the text of its head for sniffing."""

    data: bytes  # UTF-8, BOM removed
    head: str
    encoding: str


def decode(raw: bytes, path: str, notes: ReadNotes) -> Decoded:
    """Decode to UTF-8 bytes. UTF-16 and cp1252 are converted; UTF-8 is passed through."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        codec = "utf-16-le" if raw.startswith(b"\xff\xfe") else "utf-16-be"
        body = raw[2:]
        if len(body) % 2:
            notes.warnings.append("truncated UTF-16 file: the last odd byte was ignored")
            body = body[:-1]
        text = body.decode(codec, errors="replace")
        notes.encoding = f"{codec} (BOM)"
        return Decoded(text.encode("utf-8"), text[:HEAD_BYTES], notes.encoding)
    if _looks_utf16_without_bom(raw):
        codec = "utf-16-le" if raw[1:2] == b"\x00" else "utf-16-be"
        text = raw[: len(raw) - len(raw) % 2].decode(codec, errors="replace")
        notes.encoding = codec
        return Decoded(text.encode("utf-8"), text[:HEAD_BYTES], codec)
    encoding = "utf-8"
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
        encoding = "utf-8 (BOM)"
        notes.repaired("byte-order mark removed")
    notes.encoding = encoding
    head = raw[:HEAD_BYTES].decode("utf-8", errors="ignore")
    return Decoded(raw, head, encoding)


def _looks_utf16_without_bom(raw: bytes) -> bool:
    sample = raw[:4096]
    return len(sample) >= 8 and sample.count(b"\x00") > len(sample) // 3


def to_cp1252_fallback(decoded: Decoded, notes: ReadNotes) -> Decoded:
    """Re-decode bytes that are not valid UTF-8 as cp1252 (Windows spreadsheet re-saves)."""
    try:
        decoded.data.decode("utf-8")
        return decoded
    except UnicodeDecodeError:
        pass
    # A UTF-8 file with a stray bad byte stays UTF-8 (its other accents would turn to mojibake):
    # re-decode only when undecodable bytes outnumber the valid non-ASCII characters.
    as_utf8 = decoded.data.decode("utf-8", errors="replace")
    undecodable = as_utf8.count("\ufffd")
    if undecodable <= len(_NON_ASCII.findall(as_utf8)) - undecodable:
        return decoded
    text = decoded.data.decode("cp1252", errors="replace")
    notes.encoding = "cp1252"
    notes.repaired("decoded as cp1252 (not UTF-8)")
    return Decoded(text.encode("utf-8"), text[:HEAD_BYTES], "cp1252")


@dataclass(frozen=True)
class HeaderMatch:
    line_index: int  # 0-based physical line
    delimiter: str
    names: list[str]  # as written in the file


def find_header(head: str, required: Iterable[frozenset[str]]) -> HeaderMatch | None:
    """The first line (within the first 40) whose cells contain one of the `required` sets."""
    signatures = list(required)
    lines = head.split("\n")[:MAX_HEADER_SCAN_LINES]
    for index, line in enumerate(lines):
        line = line.rstrip("\r").lstrip("\ufeff")
        if not line.strip():
            continue
        for delimiter in DELIMITERS:
            if delimiter not in line and delimiter != ",":
                continue
            cells = next(csv.reader([line], delimiter=delimiter), [])
            normalised = {normalise_header(c) for c in cells}
            if any(sig <= normalised for sig in signatures):
                return HeaderMatch(index, delimiter, [c.strip() for c in cells])
    return None


def sentinel_line(head: str) -> str | None:
    """A lone message line such as `No conversations found`, or None."""
    lines = [line.strip() for line in head.splitlines() if line.strip()]
    if len(lines) == 1 and not any(d in lines[0] for d in DELIMITERS) and len(lines[0]) < 200:
        return lines[0]
    return None


def unique_names(names: list[str]) -> list[str]:
    """Make header names usable as column names: empty ones named, repeated ones numbered."""
    seen: dict[str, int] = {}
    out: list[str] = []
    for position, name in enumerate(names):
        base = name or f"_empty_{position}"
        count = seen.get(base, 0)
        seen[base] = count + 1
        out.append(base if count == 0 else f"{base}__{count + 1}")
    return out


def _offset_after_line(data: bytes, line_index: int) -> int:
    """Byte offset just after physical line `line_index` (0-based), or len(data)."""
    position = 0
    for _ in range(line_index + 1):
        newline = data.find(b"\n", position)
        if newline < 0:
            return len(data)
        position = newline + 1
    return position


def line_ending_of(head: str) -> str:
    crlf = head.count("\r\n")
    lf = head.count("\n") - crlf
    if crlf and lf:
        return "mixed"
    return "CRLF" if crlf else "LF"


def locate(
    raw: bytes, path: str, required: Iterable[frozenset[str]], notes: ReadNotes
) -> tuple[Decoded, HeaderMatch | None, bytes]:
    """Decode `raw`, find its header; return the decoded file, the header and the body bytes."""
    decoded = decode(raw, path, notes)
    # Test the whole file, not only whether its header was found: a cp1252 re-save (French
    # Excel) has an ASCII header, so its accented names would otherwise come out as U+FFFD.
    if decoded.encoding == "utf-8":
        decoded = to_cp1252_fallback(decoded, notes)
    match = find_header(decoded.head, required)
    notes.line_ending = line_ending_of(decoded.head)
    if match is None:
        return decoded, None, b""
    notes.delimiter = match.delimiter
    notes.header_line = match.line_index + 1
    notes.header = match.names
    if match.line_index:
        notes.repaired("lines before the header skipped (Notes preamble)", match.line_index)
    return decoded, match, decoded.data[_offset_after_line(decoded.data, match.line_index):]


def read_body(body: bytes, names: list[str], delimiter: str, notes: ReadNotes) -> pl.DataFrame:
    """Parse the rows under the header as text columns (RFC 4180), with a tolerant fallback."""
    columns = unique_names(names)
    if not body.strip():
        return pl.DataFrame(schema={c: pl.String for c in columns})
    try:
        frame = pl.read_csv(
            body,
            has_header=False,
            schema={c: pl.String for c in columns},
            separator=delimiter,
            quote_char='"',
            infer_schema=False,
            raise_if_empty=False,
            encoding="utf8",
        )
    except pl.exceptions.PolarsError:
        frame = _read_body_tolerant(body, columns, delimiter, notes)
    notes.rows_read = frame.height
    return frame


def _read_body_tolerant(
    body: bytes, columns: list[str], delimiter: str, notes: ReadNotes
) -> pl.DataFrame:
    """Python's csv module, row by row: rows with extra fields keep them in the last column."""
    text = body.decode("utf-8", errors="replace")
    if "\ufffd" in text:
        notes.repaired("undecodable bytes replaced")
    width = len(columns)
    rows: list[list[str | None]] = []
    long_rows = 0
    try:
        for row in csv.reader(text.splitlines(keepends=True), delimiter=delimiter):
            if len(row) > width:
                long_rows += 1
                row = [*row[: width - 1], delimiter.join(row[width - 1 :])]
            rows.append(row + [None] * (width - len(row)))
    except csv.Error as exc:
        raise FileReadError(f"cannot parse as CSV ({exc})") from exc
    if long_rows:
        notes.repaired("rows with extra fields (kept in the last column)", long_rows)
        notes.warnings.append(
            f"{long_rows} row(s) had more fields than the header; the extra text was kept "
            "in the last column"
        )
    return pl.DataFrame(rows, schema={c: pl.String for c in columns}, orient="row")


# --- date-led record splitting (Comments; Shares when its quoting is broken) -----------------

_DATE_LEAD = r'^"?\d{4}[-/]\d{2}[-/]\d{2} \d{2}:\d{2}:\d{2}(?: UTC)?"?,'
RECORD_START = re.compile(_DATE_LEAD, re.M)
# Comments: a real record is a date then the post's link, so a dated line inside a message
# (`2024-01-02 10:00:00, as agreed`) is not mistaken for a new record.
LINKED_RECORD_START = re.compile(_DATE_LEAD + r'(?="?(?:https?://|urn:li:))', re.M)
# Mid-text evidence of each quoting dialect (a quote just before a line end may be a closing one).
_BACKSLASH_QUOTE = re.compile(r'\\"(?!"|\r?\n|$)')
_DOUBLED_QUOTE = re.compile(r'(?<!\\)""(?!\r?\n|$)')


def backslash_dialect(text: str) -> bool:
    """True when embedded quotes are escaped `\\"` (2025 Comments) rather than doubled `""`
    (2021–24). Decided by which escape appears inside texts; on a tie, by the era's line
    ending (2021–24 files are CRLF, 2025 ones LF)."""
    escaped = len(_BACKSLASH_QUOTE.findall(text))
    doubled = len(_DOUBLED_QUOTE.findall(text))
    if escaped != doubled:
        return escaped > doubled
    return '\\"' in text and "\r\n" not in text


def _quoted_field_open(field_text: str, backslash: bool) -> bool:
    """Whether a last field that starts with a quote is still waiting for its closing quote."""
    if not field_text.startswith('"'):
        return False
    if backslash:
        return len(field_text) < 2 or not field_text.endswith('"')
    return field_text.count('"') % 2 == 1


def unquote(value: str, backslash: bool) -> str:
    if len(value) >= 2 and value.startswith('"') and value.endswith('"'):
        value = value[1:-1]
        return value.replace('\\"', '"') if backslash else value.replace('""', '"')
    return value


def split_records(text: str, notes: ReadNotes, start: re.Pattern[str] = RECORD_START) -> list[str]:
    """Split a date-led file body into records; text before the first record is dropped."""
    text = text.replace("\r\n", "\n")
    starts = [m.start() for m in start.finditer(text)]
    if not starts:
        if text.strip():
            notes.drop("lines without a leading date", len(text.strip().splitlines()))
        return []
    preamble = text[: starts[0]].strip()
    if preamble:
        notes.drop("lines before the first dated record", len(preamble.splitlines()))
    bounds = [*starts, len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def split_last_free_text(
    text: str, lead_fields: int, notes: ReadNotes, start: re.Pattern[str] = RECORD_START
) -> list[list[str | None]]:
    """Records of `lead_fields` simple fields then one free-text field that may hold newlines,
    unquoted (2021–24 Comments) or with backslash-escaped quotes (2025 Comments)."""
    backslash = backslash_dialect(text)
    if backslash:
        notes.repaired("backslash-escaped quotes read")
    pieces = split_records(text, notes, start)
    rows: list[list[str | None]] = []
    multiline = 0
    pending: str | None = None
    for piece in pieces:
        record = piece if pending is None else pending + piece
        parts = record.split(",", lead_fields)
        free = parts[-1].rstrip("\n") if len(parts) > lead_fields else ""
        if len(parts) > lead_fields and _quoted_field_open(free, backslash):
            pending = record  # a dated line inside a quoted message: not a new record
            continue
        pending = None
        lead = [p.strip().strip('"') or None for p in parts[:lead_fields]]
        lead += [None] * (lead_fields - len(lead))
        message = unquote(free, backslash)
        if "\n" in message and not free.startswith('"'):
            multiline += 1
        rows.append([*lead, message or None])
    if pending is not None:
        parts = pending.split(",", lead_fields)
        lead = [p.strip().strip('"') or None for p in parts[:lead_fields]]
        lead += [None] * (lead_fields - len(lead))
        free = parts[-1].rstrip("\n") if len(parts) > lead_fields else ""
        rows.append([*lead, free[1:].replace('\\"', '"') if backslash else free[1:]])
        notes.warnings.append("the last record's quoted text was never closed; kept as is")
    notes.repaired("unquoted multi-line messages joined", multiline)
    return rows


def _rfc_fields(record: str) -> list[str]:
    """Fields of one record; a newline outside quotes continues the previous field."""
    fields: list[str] = []
    for row in csv.reader(io.StringIO(record), strict=False):
        if fields and row:
            fields[-1] += "\n" + row[0]
            fields.extend(row[1:])
        else:
            fields.extend(row)
    return fields


def split_middle_free_text(
    text: str, width: int, free_index: int, notes: ReadNotes
) -> list[list[str | None]]:
    """Records whose free-text field sits between simple fields (Shares): RFC-parse each record,
    and if it has too many fields, give the surplus back to the free-text field."""
    rows: list[list[str | None]] = []
    for piece in split_records(text, notes):
        fields = _rfc_fields(piece.rstrip("\n"))
        if len(fields) > width:
            tail = width - free_index - 1
            middle = fields[free_index : len(fields) - tail]
            fields = [*fields[:free_index], ",".join(middle), *fields[len(fields) - tail :]]
            notes.repaired("rows with an unquoted comma in the text")
        fields += [""] * (width - len(fields))
        rows.append([f if f != "" else None for f in fields])
    return rows
