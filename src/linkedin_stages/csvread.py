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
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import polars as pl

from .i18n.notices import Notice
from .source import HEAD_BYTES, FileData

MAX_HEADER_SCAN_LINES = 40
DELIMITERS = (",", "\t", ";")


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
    warnings: list[str] = field(default_factory=list)  # i18n Notices, worded per page
    date_formats: dict[str, list[str]] = field(default_factory=dict)
    empty_reason: str | None = None  # a Notice too

    def repaired(self, what: str, count: int = 1) -> None:
        if count:
            self.repairs[what] = self.repairs.get(what, 0) + count

    def drop(self, why: str, count: int = 1) -> None:
        if count:
            self.dropped[why] = self.dropped.get(why, 0) + count


@dataclass
class Decoded:
    """How a file decodes: its head as text for sniffing, and UTF-8 bytes when the original
    is not UTF-8 (UTF-16, cp1252) — otherwise the original bytes are used as they are."""

    head: str
    encoding: str
    converted: bytes | None = None


def _utf16_codec(head: bytes) -> str | None:
    if head.startswith(b"\xff\xfe"):
        return "utf-16-le"
    if head.startswith(b"\xfe\xff"):
        return "utf-16-be"
    sample = head[:4096]
    if len(sample) >= 8 and sample.count(b"\x00") > len(sample) // 3:
        return "utf-16-le" if sample[1:2] == b"\x00" else "utf-16-be"
    return None


def decode(file: FileData, notes: ReadNotes) -> Decoded:
    """Sniff the encoding from the first bytes; convert UTF-16 to UTF-8 bytes."""
    head = file.head()
    codec = _utf16_codec(head)
    if codec is not None:
        raw = file.raw()
        has_bom = raw.startswith((b"\xff\xfe", b"\xfe\xff"))
        body = raw[2:] if has_bom else raw
        if len(body) % 2:
            notes.warnings.append(Notice("csv_truncated_utf16"))
            body = body[:-1]
        text = body.decode(codec, errors="replace")
        notes.encoding = f"{codec} (BOM)" if has_bom else codec
        return Decoded(text[:HEAD_BYTES], notes.encoding, text.encode("utf-8"))
    notes.encoding = "utf-8"
    if head.startswith(b"\xef\xbb\xbf"):
        notes.encoding = "utf-8 (BOM)"
        notes.repaired("byte-order mark removed")
        head = head[3:]
    return Decoded(head.decode("utf-8", errors="ignore"), notes.encoding)


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def decode_text(data: bytes, notes: ReadNotes) -> str:
    """Bytes that should be UTF-8 → text. Not valid UTF-8: re-read as cp1252 (Windows
    spreadsheet re-saves) — unless the bad bytes are a few strays among valid UTF-8 accents,
    which are then replaced rather than turning every accent into mojibake."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    as_utf8 = data.decode("utf-8", errors="replace")
    undecodable = as_utf8.count("\ufffd")
    if undecodable <= len(_NON_ASCII.findall(as_utf8)) - undecodable:
        notes.repaired("undecodable bytes replaced", undecodable)
        return as_utf8
    notes.encoding = "cp1252"
    notes.repaired("decoded as cp1252 (not UTF-8)")
    return data.decode("cp1252", errors="replace")


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
            try:
                cells = next(csv.reader([line], delimiter=delimiter), [])
            except csv.Error:  # a stray carriage return or NUL: not a header line
                continue
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


@dataclass
class Body:
    """The rows under the header: where they are, and how to get them as text."""

    file: FileData
    decoded: Decoded
    skip_lines: int  # physical lines up to and including the header

    def data(self) -> bytes:
        """The whole file as bytes that should be UTF-8."""
        if self.decoded.converted is not None:
            return self.decoded.converted
        raw = self.file.raw()
        return raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw

    def text(self, notes: ReadNotes) -> str:
        """The rows as text (for the record-splitting parsers and the tolerant fallback)."""
        data = self.data()
        return decode_text(data[_offset_after_line(data, self.skip_lines - 1):], notes)

    @cached_property
    def sample(self) -> str:
        """The first 500 KB as text: enough to tell the quoting dialect (uniform in a file)."""
        return self.file.head(_DIALECT_SAMPLE).decode("utf-8", errors="ignore")

    @cached_property
    def backslash_quotes(self) -> bool:
        """Whether embedded quotes are `\\"`-escaped (see `backslash_dialect`); decided once
        per file, whichever reader asks first."""
        return backslash_dialect(self.sample)

    def polars_source(self) -> bytes | Path:
        if self.decoded.converted is not None:
            return self.decoded.converted
        return self.file.local if self.file.local is not None else self.file.raw()


def locate(
    file: FileData, required: Iterable[frozenset[str]], notes: ReadNotes
) -> tuple[Decoded, HeaderMatch | None, Body | None]:
    """Decode the file's head and find its header line."""
    decoded = decode(file, notes)
    match = find_header(decoded.head, required)
    notes.line_ending = line_ending_of(decoded.head)
    if match is None:
        return decoded, None, None
    notes.delimiter = match.delimiter
    notes.header_line = match.line_index + 1
    notes.header = match.names
    if match.line_index:
        notes.repaired(Notice("csv_repair_preamble"), match.line_index)
    return decoded, match, Body(file, decoded, match.line_index + 1)


def read_body(body: Body, names: list[str], delimiter: str, notes: ReadNotes) -> pl.DataFrame:
    """Parse the rows under the header as text columns (RFC 4180), with a tolerant fallback.

    polars reads the file; if that fails, or if its result shows a quote that swallowed
    records (`_swallow_suspected`), the rows are re-read line by line (`_tolerant_rows`),
    which takes an unmatched quote literally. Two concatenated files (a second header, a byte-order
    mark mid-file) are repaired afterwards, with counts."""
    columns = unique_names(names)
    schema = {c: pl.String() for c in columns}
    text: str | None = None
    try:
        frame = _polars_read(body.polars_source(), body.skip_lines, schema, delimiter)
    except pl.exceptions.ComputeError as exc:
        if "utf-8" not in str(exc).lower():
            frame = None
        else:
            # Not UTF-8: decide between cp1252 and a few stray bytes, then parse the text.
            text = decode_text(body.data(), notes)
            try:
                frame = _polars_read(text.encode("utf-8"), body.skip_lines, schema, delimiter)
            except pl.exceptions.PolarsError:
                frame = None
            text = _after_line(text, body.skip_lines)
    except pl.exceptions.PolarsError:
        frame = None
    if frame is None:
        frame = _read_body_tolerant(body, columns, delimiter, notes, text, names)
    elif _swallow_suspected(frame, names, delimiter, body):
        frame = _resync_if_repaired(frame, body, columns, delimiter, notes, text, names)
    frame = _repair_concatenation(frame, names, notes)
    notes.rows_read = frame.height
    return frame


def _polars_read(source: bytes | Path, skip_lines: int, schema: Mapping[str, pl.DataType],
                 delimiter: str) -> pl.DataFrame:
    return pl.read_csv(
        source,
        has_header=False,
        skip_lines=skip_lines,
        schema=schema,
        separator=delimiter,
        quote_char='"',
        infer_schema=False,
        raise_if_empty=False,
        encoding="utf8",
    )


def _after_line(text: str, skip_lines: int) -> str:
    """The text after its first `skip_lines` physical lines."""
    if not skip_lines:
        return text
    return text.split("\n", skip_lines)[-1] if text.count("\n") >= skip_lines else ""


def _read_body_tolerant(body: Body, columns: list[str], delimiter: str, notes: ReadNotes,
                        text: str | None = None, names: list[str] | None = None
                        ) -> pl.DataFrame:
    if text is None:
        text = body.text(notes)
    rows = _tolerant_rows(text, 0, columns, delimiter, notes, names=names,
                          first_line=body.skip_lines + 1)
    return _rows_to_frame(rows, columns)


def _rows_to_frame(rows: list[list[str | None]], columns: list[str]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema={c: pl.String for c in columns}, orient="row")


# --- quotes that swallow records --------------------------------------------------------------

# Normalised header names of the columns whose cells legitimately hold line breaks (the
# dataset specs' free-text columns). A line break in any other column can only come from a
# quote that opened a field and swallowed the records after it.
MULTILINE_HEADERS = frozenset({
    "content", "subject", "message", "sharecommentary", "sharetitle", "sharedescription",
    "summary", "headline", "description", "mediadescription", "contenttitle",
    "contentdescription", "eventname", "notes", "activities", "text", "optiontext",
    "address",
})
# A quoted field spanning more lines than this is read on only if no line-local reading fits.
MAX_QUOTED_LINES = 2000
STRAY_QUOTES = "unmatched quotes read literally (records they had swallowed recovered)"


def _multiline_flags(names: list[str]) -> list[bool]:
    return [normalise_header(n) in MULTILINE_HEADERS for n in names]


def _record_line(width: int, delimiter: str) -> str:
    """Regex: a line break then a line holding a record's worth of delimiters (at least
    width − 2), i.e. what a free-text field holds when it swallowed a record."""
    d = re.escape(delimiter)
    return rf"\n(?:[^\n{d}]*{d}){{{max(1, width - 2)}}}"


def _swallow_suspected(frame: pl.DataFrame, names: list[str], delimiter: str,
                       body: Body) -> bool:
    """Whether polars' rows show a quote that swallowed records: a line break in a column
    that never holds one; in a row cut short (its last cell empty, as polars pads a short
    row), a free-text cell holding a swallowed record; a last row cut short by a quote left
    open at the end of the file.

    A file without free-text columns is first counted in lines (polars, SIMD, no parsing):
    as many lines as rows means no cell holds a line break and nothing was swallowed. Else
    each column is looked at once, in one select."""
    if frame.is_empty():
        return False
    flags = _multiline_flags(names)
    if any(flags) or _physical_lines(body) != frame.height:
        record_line = _record_line(len(names), delimiter)
        last = frame.columns[-1]
        short = pl.col(last).is_null()
        checks = [
            # Searched cell by cell: joining a column first is a little faster but holds a
            # copy of it (~70 MB more peak memory on a 300,000-message file).
            (pl.col(c).str.contains("\n", literal=True).any()
             if not free
             # Only short rows: a well-formed record is trusted (see `_record_fits`), and
             # filtering first spares the regex the bulk of a big messages file.
             else pl.col(c).filter(short).str.contains(record_line).any() if c != last
             else pl.col(c).str.contains(record_line).any())
            .alias(c)
            for c, free in zip(frame.columns, flags, strict=False)
        ]
        if any(frame.select(checks).row(0)):
            return True
    last_row = frame.row(frame.height - 1)
    return (last_row[-1] is None and any(v is not None and delimiter in v for v in last_row)
            and not _ends_with_newline(body))


def _physical_lines(body: Body) -> int:
    """Lines under the header, counted by polars without quoting (a last line without a
    line break counts); -1 if polars cannot count them."""
    try:
        lines = pl.scan_csv(body.polars_source(), has_header=False, quote_char=None,
                            separator=_LINE_SEPARATOR, schema={"line": pl.String},
                            encoding="utf8").select(pl.len()).collect().item()
    except pl.exceptions.PolarsError:
        return -1
    return int(lines) - body.skip_lines


def _ends_with_newline(body: Body) -> bool:
    """Whether the file's last byte is a line break (read without loading a folder file)."""
    if body.decoded.converted is not None:
        return body.decoded.converted.endswith(b"\n")
    local = body.file.local
    if local is not None:
        try:
            with open(local, "rb") as handle:
                handle.seek(0, io.SEEK_END)
                if not handle.tell():
                    return False
                handle.seek(-1, io.SEEK_END)
                return handle.read(1) == b"\n"
        except OSError:
            return False
    return body.file.raw().endswith(b"\n")


def _resync_if_repaired(frame: pl.DataFrame, body: Body, columns: list[str], delimiter: str,
                        notes: ReadNotes, text: str | None, names: list[str]) -> pl.DataFrame:
    """Re-read line by line; keep polars' rows unless that found a quote to take literally
    (a false alarm then costs time only, never a different reading)."""
    scratch = ReadNotes()
    if text is None:
        text = body.text(scratch)
    rows = _tolerant_rows(text, 0, columns, delimiter, scratch, names=names,
                          first_line=body.skip_lines + 1)
    if STRAY_QUOTES not in scratch.repairs:
        return frame
    _merge_notes(notes, scratch)
    recovered = len(rows) - frame.height
    if recovered > 0:
        notes.warnings.append(Notice("csv_swallowed_records", count=recovered))
    return _rows_to_frame(rows, columns)


def _merge_notes(notes: ReadNotes, scratch: ReadNotes) -> None:
    for what, count in scratch.repairs.items():
        notes.repaired(what, count)
    for why, count in scratch.dropped.items():
        notes.drop(why, count)
    notes.warnings.extend(scratch.warnings)
    if scratch.encoding == "cp1252":
        notes.encoding = "cp1252"


class _LineFeed:
    """The lines of a file for `csv.reader`, one at a time, so the caller knows which lines
    each record took, can restart at any line, and can stop a quoted field at a limit."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.pos = 0
        self.limit = len(lines)

    def __iter__(self) -> _LineFeed:
        return self

    def __next__(self) -> str:
        if self.pos >= self.limit:
            raise StopIteration
        self.pos += 1
        return self.lines[self.pos - 1]


_QUOTED_CELL = re.compile(r'"((?:[^"]|"")*)"')


@dataclass
class _Line:
    """One physical line read on its own: its fields with every unmatched quote taken as an
    ordinary character, and the line rewritten so that a CSV reader does the same — except
    for a last cell that opens a quote and holds no other (it may go on over the next lines)."""

    fields: list[str]
    requoted: str | None  # None: no stray quote before the last cell


def _scan_line(line: str, delimiter: str) -> _Line:
    ending = "\r\n" if line.endswith("\r\n") else "\n" if line.endswith("\n") else ""
    line = line[: len(line) - len(ending)]
    fields: list[str] = []
    pieces: list[str] = []
    strays = 0
    opener: int | None = None  # where a last cell opens a quote that may go on
    opener_index = 0
    pos, size = 0, len(line)
    while True:
        if line.startswith('"', pos):
            match = _QUOTED_CELL.match(line, pos)
            if match and (match.end() == size or line.startswith(delimiter, match.end())):
                fields.append(match.group(1).replace('""', '"'))
                pieces.append(match.group())
                if match.end() == size:
                    break
                pos = match.end() + len(delimiter)
                continue
            if opener is None and line.find('"', pos + 1) < 0:
                opener, opener_index = pos, len(pieces)
            else:
                strays += 1
        end = line.find(delimiter, pos)
        cell = line[pos:] if end < 0 else line[pos:end]
        fields.append(cell)
        pieces.append('"' + cell.replace('"', '""') + '"' if cell.startswith('"') else cell)
        if end < 0:
            break
        pos = end + len(delimiter)
    requoted = None
    if strays:
        kept = pieces if opener is None else pieces[:opener_index]
        requoted = delimiter.join(kept)
        if opener is not None:
            requoted += (delimiter if kept else "") + line[opener:]
        requoted += ending
    return _Line(fields, requoted)


def _line_fields(line: str, delimiter: str) -> list[str]:
    """One physical line's fields, RFC 4180 within the line, except that a quote which does
    not close (before a delimiter or the line's end) is an ordinary character."""
    return _scan_line(line, delimiter).fields


def _tolerant_rows(text: str, skip_lines: int, columns: list[str], delimiter: str,
                   notes: ReadNotes, names: list[str] | None = None,
                   first_line: int = 1) -> list[list[str | None]]:
    """Rows read line by line (Python's csv module over a line feed), resynchronising after
    an unmatched quote.

    A record is suspect when it has the wrong width, or spans lines with a line break
    outside a free-text column, or runs on past `MAX_QUOTED_LINES`. A suspect record is
    read again with the unmatched quotes of its first line taken literally, first keeping a
    quote that opens its last cell (a genuine multi-line text after a stray quote), then
    taking every quote of the line literally (the line alone is the record) when that gives
    the header's width or the next line is a record, or when the quote never closes, or
    when the lines it joins hold no free text. Rows with extra fields keep them in the last
    column; short rows are padded; a blank line is a row of nulls (counted as dropped by
    the reader)."""
    text = _after_line(text, skip_lines)
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]  # the text after the last line break (usually empty)
    if not lines[-1]:
        lines.pop()
    width = len(columns)
    flags = _multiline_flags(names if names is not None else columns)
    feed = _LineFeed(lines)
    total = len(lines)
    counts = {"long": 0, "stray": 0, "unresolved": 0, "unreadable": 0}
    first = {"stray": 0, "unresolved": 0}

    def count(what: str, start: int) -> None:
        counts[what] += 1
        if what in first and not first[what]:
            first[what] = start + first_line

    readers: list[Iterator[list[str]]] = []  # one reader, kept while lines follow on

    def read_at(start: int, limit: int) -> tuple[list[str], int, bool]:
        """The record starting at line `start`, the line after it, and whether it is suspect."""
        if feed.pos != start or not readers:
            feed.pos = start
            readers[:] = [csv.reader(feed, delimiter=delimiter, strict=False)]
        feed.limit = min(total, start + limit)
        try:
            row = next(readers[0], [])
        except csv.Error:  # a bare carriage return in a cell, a field too large
            readers.clear()
            count("unreadable", start)
            return _line_fields(lines[start], delimiter), start + 1, False
        end = feed.pos
        open_at_stop = bool(row) and row[-1].endswith("\n")
        if end - start > 1:
            runaway = end == feed.limit and open_at_stop
            return row, end, runaway or not _record_fits(row, width, flags)
        return row, end, bool(row) and (len(row) != width or open_at_stop) and row != [""]

    rows: list[list[str | None]] = []
    start = 0
    while start < total:
        row, end, suspect = read_at(start, MAX_QUOTED_LINES)
        if suspect:
            row, end = _resolve(lines, start, row, end, width, delimiter, flags, read_at,
                                count)
        start = end
        if not row or row == [""]:
            rows.append([None] * width)
            continue
        if len(row) > width:
            counts["long"] += 1
            row = [*row[: width - 1], delimiter.join(row[width - 1 :])]
        rows.append([*(cell if cell != "" else None for cell in row),
                     *([None] * (width - len(row)))])
    _tolerant_notes(notes, counts, first)
    return rows


RecordReader = Callable[[int, int], tuple[list[str], int, bool]]


def _resolve(lines: list[str], start: int, row: list[str], end: int, width: int,
             delimiter: str, flags: list[bool], read_at: RecordReader,
             count: Callable[[str, int], None]) -> tuple[list[str], int]:
    """A suspect record starting at line `start`: which reading to keep (see _tolerant_rows)."""
    scanned = _scan_line(lines[start], delimiter)
    if scanned.requoted is not None:
        original = lines[start]
        lines[start] = scanned.requoted
        fixed, fixed_end, still_suspect = read_at(start, MAX_QUOTED_LINES)
        lines[start] = original
        if not still_suspect:
            count("stray", start)
            return fixed, fixed_end
    literal = scanned.fields
    if end - start == 1:
        # A quote left open on the last line, or a line that only fits with its quotes
        # taken literally.
        if row[-1].endswith("\n") or (len(literal) == width and literal != row):
            count("stray", start)
            return literal, end
        return row, end
    runaway = end - start >= MAX_QUOTED_LINES
    next_is_record = (start + 1 < len(lines)
                      and len(_line_fields(lines[start + 1], delimiter)) == width)
    if (len(literal) == width and not runaway) or next_is_record:
        count("stray", start)
        return literal, start + 1
    if runaway:  # perhaps a genuinely long quoted text: read it to its end
        row, end, _ = read_at(start, len(lines))
    never_closes = end == len(lines) and row[-1].endswith("\n")
    # The first cell holding a line break; cells past the header's width hold no text.
    in_text = next((index < len(flags) and flags[index]
                    for index, cell in enumerate(row) if "\n" in cell), True)
    if never_closes or not in_text:  # no text spans those lines: each is a record
        count("stray", start)
        return literal, start + 1
    count("unresolved", start)
    return row, end


def _tolerant_notes(notes: ReadNotes, counts: dict[str, int], first: dict[str, int]) -> None:
    notes.repaired(STRAY_QUOTES, counts["stray"])
    notes.repaired("lines the CSV module refused (a carriage return or a huge cell inside), "
                   "split on their delimiters", counts["unreadable"])
    if counts["stray"]:
        notes.warnings.append(Notice("csv_unmatched_quotes", count=counts["stray"],
                                     line=first["stray"]))
    if counts["unresolved"]:
        notes.warnings.append(Notice("csv_unresolved_quotes", count=counts["unresolved"],
                                     line=first["unresolved"]))
    if counts["long"]:
        notes.repaired("rows with extra fields (kept in the last column)", counts["long"])
        notes.warnings.append(Notice("csv_long_rows", count=counts["long"]))


def _record_fits(row: list[str], width: int, flags: list[bool]) -> bool:
    """Whether a record that spans lines looks genuine: the header's width, and line breaks
    only in free-text columns. (A free-text cell may hold a line that looks like a record:
    a well-formed record is trusted over that coincidence.)"""
    if len(row) != width:
        return False
    return all(free or "\n" not in cell for cell, free in zip(row, flags, strict=False))


# --- files concatenated into one ----------------------------------------------------------


def _repair_concatenation(frame: pl.DataFrame, names: list[str],
                          notes: ReadNotes) -> pl.DataFrame:
    """A second file appended to the first: its byte-order mark (left at the start of a
    line) is removed, its header line and the preamble lines before it are dropped. Cheap:
    only the first column is looked at unless it shows one of them."""
    if frame.is_empty() or not names:
        return frame
    first = pl.col(frame.columns[0])
    # Equality only (string views compare their inline prefix: the cheapest test polars has):
    # an appended file starts with its byte-order mark then its header or its preamble.
    name = names[0].strip()
    starts = [name, "Notes:"] if name else ["Notes:"]
    if not frame.select(first.is_in([*starts, *("\ufeff" + s for s in starts)]).any()).item():
        return frame
    has_bom, header_like = frame.select(
        first.str.starts_with("\ufeff").any().alias("bom"),
        first.str.strip_chars_start("\ufeff").str.strip_chars().eq(name).any().alias("header"),
    ).row(0)
    if has_bom:
        boms = int(frame.select(first.str.starts_with("\ufeff").sum()).item())
        notes.repaired("byte-order marks inside the file removed (concatenated files)", boms)
        frame = frame.with_columns(first.str.strip_chars_start("\ufeff"))
    if not header_like:
        return frame
    wanted = [normalise_header(n) for n in names]
    repeated = pl.all_horizontal([  # normalise_header, in polars
        pl.col(c).fill_null("").str.to_lowercase().str.replace_all("[^0-9a-z]+", "") == w
        for c, w in zip(frame.columns, wanted, strict=False)
    ])
    # A lone first cell: how the appended file's preamble lines read (`Notes:`, its note).
    lone = (pl.all_horizontal([pl.col(c).is_null() | (pl.col(c).str.strip_chars() == "")
                               for c in frame.columns[1:]])
            if frame.width >= 3 else pl.repeat(False, pl.len()))
    marks = frame.select(repeated.alias("header"), lone.alias("lone")).to_dict(as_series=False)
    headers = marks["header"]
    if not any(headers):
        return frame
    drop = [False] * frame.height
    preamble = 0
    for index, is_header in enumerate(headers):
        if not is_header:
            continue
        drop[index] = True
        back = index - 1
        # The second file's preamble (`Notes:`, its note, a blank line): lone-cell lines.
        while back >= 0 and index - back <= MAX_HEADER_SCAN_LINES and marks["lone"][back] \
                and not drop[back]:
            drop[back] = True
            preamble += 1
            back -= 1
    notes.drop("repeated header lines (files concatenated into one)", sum(headers))
    notes.drop("lines before a repeated header (the appended file's preamble)", preamble)
    return frame.filter(~pl.Series(drop))


# --- date-led record splitting (Comments; Shares when its quoting is broken) -----------------

# A record starts at a line beginning with its timestamp. The patterns match the newline
# before it (a literal the regex engine finds fast) rather than `^` with re.MULTILINE, which
# is tried at every character; `split_records` handles the file's first line.
_DATE_LEAD = r'"?\d{4}[-/]\d{2}[-/]\d{2} \d{2}:\d{2}:\d{2}(?: UTC)?"?,'
RECORD_START = re.compile(r"\n(?=" + _DATE_LEAD + ")")
# Comments: a real record is a date then the post's link, so a dated line inside a message
# (`2024-01-02 10:00:00, as agreed`) is not mistaken for a new record.
LINKED_RECORD_START = re.compile(r"\n(?=" + _DATE_LEAD + r'"?(?:https?://|urn:li:))')
# Mid-text evidence of each quoting dialect (a quote just before a line end may be a closing one).
_BACKSLASH_QUOTE = re.compile(r'\\"(?!"|\r?\n|$)')
_DOUBLED_QUOTE = re.compile(r'(?<!\\)""(?!\r?\n|$)')


def backslash_dialect(text: str) -> bool:
    """True when embedded quotes are escaped `\\"` (2025 Comments) rather than doubled `""`
    (2021–24). Decided by which escape appears inside texts; on a tie, by the era's line
    ending (2021–24 files are CRLF, 2025 ones LF)."""
    if '\\"' not in text:  # cheap common cases first: no backslash-quote at all
        return False
    escaped = len(_BACKSLASH_QUOTE.findall(text))
    doubled = len(_DOUBLED_QUOTE.findall(text)) if '""' in text else 0
    if escaped != doubled:
        return escaped > doubled
    return "\r\n" not in text


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
    text = "\n" + text.replace("\r\n", "\n")
    starts = [m.start() + 1 for m in start.finditer(text)]
    if not starts:
        if text.strip():
            notes.drop("lines without a leading date", len(text.strip().splitlines()))
        return []
    preamble = text[: starts[0]].strip()
    if preamble:
        notes.drop("lines before the first dated record", len(preamble.splitlines()))
    bounds = [*starts, len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


# The same record starts, for polars (whose regex engine has no look-around).
_DATE_LEAD_POLARS = "^" + _DATE_LEAD
_LINKED_LEAD_POLARS = _DATE_LEAD_POLARS + r'"?(?:https?://|urn:li:)'
_LINE_SEPARATOR = "\x1f"  # a byte no export text holds: makes polars read whole lines


def date_led_records(body: Body, notes: ReadNotes, linked: bool) -> tuple[pl.Series, bool]:
    """The file's records (a record = its lines joined) and whether quotes are `\\"`-escaped.

    Lines are read by polars (in Rust) and grouped by a running count of record starts; the
    Python path is kept for what polars cannot read as lines (not UTF-8, an odd control byte).
    """
    backslash = body.backslash_quotes
    source = body.polars_source()
    separator_seen = (_LINE_SEPARATOR.encode() in source if isinstance(source, bytes)
                      else _LINE_SEPARATOR in body.sample)
    if not separator_seen:
        try:
            lines = pl.read_csv(source, has_header=False, separator=_LINE_SEPARATOR,
                                quote_char=None, schema={"line": pl.String},
                                skip_lines=body.skip_lines, raise_if_empty=False,
                                encoding="utf8")
        except pl.exceptions.PolarsError:
            lines = None
        if lines is not None:
            start = _LINKED_LEAD_POLARS if linked else _DATE_LEAD_POLARS
            lines = _without_pasted_headers(lines.with_columns(pl.col("line").fill_null("")),
                                            body, notes)
            grouped = (
                lines
                .with_columns(pl.col("line").str.contains(start).cum_sum().alias("record"))
                .group_by("record", maintain_order=True)
                .agg(pl.col("line").str.join("\n"))
            )
            before = grouped.filter(pl.col("record") == 0)
            if before.height and before["line"][0].strip():
                notes.drop("lines before the first dated record",
                           len(before["line"][0].strip().splitlines()))
            return grouped.filter(pl.col("record") > 0)["line"].alias("record"), backslash
    text = body.text(notes)
    lines = _without_pasted_headers(pl.DataFrame({"line": text.split("\n")}), body, notes)
    text = "\n".join(lines["line"].to_list())
    pieces = split_records(text, notes, LINKED_RECORD_START if linked else RECORD_START)
    return pl.Series("record", pieces, dtype=pl.String), backslash


def _without_pasted_headers(lines: pl.DataFrame, body: Body, notes: ReadNotes) -> pl.DataFrame:
    """Lines of a date-led file without what two files pasted together leave mid-file: a
    byte-order mark at a line's start (removed, counted) and the header line again (dropped,
    counted), which would otherwise be glued to the message before them."""
    header = body.decoded.head.split("\n")[body.skip_lines - 1].rstrip("\r").lstrip("\ufeff")
    line = pl.col("line")
    boms, headers = lines.select(
        line.str.starts_with("\ufeff").sum().alias("boms"),
        (line.str.strip_chars_start("\ufeff").str.strip_chars_end("\r") == header).sum()
        .alias("headers"),
    ).row(0)
    if boms:
        notes.repaired("byte-order marks removed mid-file", int(boms))
        lines = lines.with_columns(line.str.strip_chars_start("\ufeff"))
    if headers:
        notes.drop("header lines repeated mid-file", int(headers))
        lines = lines.filter(line.str.strip_chars_end("\r") != header)
    return lines


def normalise_line_breaks(frame: pl.DataFrame, columns: tuple[str, ...]) -> pl.DataFrame:
    """`\r\n` → `\n` in the given text columns, touching only the columns that hold a `\r`
    (looking costs a tenth of replacing, and most files hold none)."""
    holding = frame.select(
        [pl.col(c).str.contains("\r", literal=True).any().alias(c) for c in columns]
    ).row(0, named=True) if frame.height else {}
    changed = [pl.col(c).str.replace_all("\r\n", "\n", literal=True)
               for c in columns if holding.get(c)]
    return frame.with_columns(changed) if changed else frame


_LEAD_DATE_CELL = r"^\d{4}[-/]\d{2}[-/]\d{2} \d{2}:\d{2}:\d{2}(?: UTC)?$"
_LINK_CELL = r"^(?:https?://|urn:li:)"
_SWALLOWED_RECORD = r'\n' + _LINKED_LEAD_POLARS[1:]  # a record start inside a message


def linked_records_rfc(body: Body, columns: list[str], notes: ReadNotes) -> pl.DataFrame | None:
    """Comments read by polars' multi-threaded CSV parser, when that is right; else None.

    Most Comments files are valid RFC 4180 once the 2025 `\\"` escapes are written `""`:
    every multi-line message quoted. Then one `read_csv` replaces the line grouping (several
    times faster on a heavy member's file). The result is kept only if every row is a
    record — a date, then a link — and no message holds what looks like a record start
    (a quote left open would have swallowed the records after it); otherwise the caller
    splits records on their dates."""
    backslash = body.backslash_quotes
    source: bytes | Path = body.polars_source()
    if backslash:
        data = source if isinstance(source, bytes) else body.data()
        source = data.replace(b'\\"', b'""')
    schema = {c: pl.String() for c in columns}
    try:
        frame = _polars_read(source, body.skip_lines, schema, ",")
    except pl.exceptions.PolarsError:
        return None
    if frame.is_empty():
        return frame
    date, link, message = (pl.col(c) for c in columns)
    valid, swallowed, escaped = frame.select(
        (date.str.contains(_LEAD_DATE_CELL) & link.str.contains(_LINK_CELL))
        .fill_null(False).all().alias("v"),
        message.str.contains(_SWALLOWED_RECORD).any().alias("s"),
        (message.str.contains('"', literal=True).sum() if backslash else pl.lit(0)).alias("e"),
    ).row(0)
    if not valid or swallowed:
        return None
    if backslash:
        notes.repaired(Notice(BACKSLASH_REPAIR), int(escaped or 0))
    frame = normalise_line_breaks(frame, (columns[-1],))
    return frame.with_columns(message.replace("", None))


def split_last_free_text(
    records: pl.Series, columns: list[str], notes: ReadNotes, backslash: bool
) -> pl.DataFrame:
    """Records of simple fields then one last free-text field that may hold newlines, unquoted
    (2021–24 Comments) or with backslash-escaped quotes (2025 Comments), as a text frame.

    Vectorised: fields are split off each record and quotes undone column-wise. Only if a
    quoted message seems to run over a record start (a dated line inside it) does the
    record-by-record loop take over."""
    lead_fields = len(columns) - 1
    fields = records.rename("record").to_frame().select(
        # Trailing lines with no value (`   `, `,,`) belong to no message.
        pl.col("record").str.replace(_TRAILING_BLANK_LINES, "").str.strip_chars_end("\n")
        .str.splitn(",", lead_fields + 1)
    ).unnest("record")
    free = pl.col(fields.columns[-1]) if fields.width else pl.lit(None)
    quoted = free.str.starts_with('"')
    if backslash:
        still_open = quoted & ((free.str.len_chars() < 2) | ~free.str.ends_with('"'))
    else:
        still_open = quoted & (free.str.count_matches('"', literal=True) % 2 == 1)
    malformed = fields.select(free.is_null().sum()).item() if fields.width else len(records)
    if malformed or fields.select(still_open.fill_null(False).any()).item():
        rows = _split_last_free_text_slowly(records.to_list(), lead_fields, backslash, notes)
        return _rows_to_frame(rows, columns)
    multiline, escaped = fields.select(
        (~quoted & free.str.contains("\n", literal=True)).sum().alias("multiline"),
        (free.str.contains('\\"', literal=True).sum() if backslash else pl.lit(0))
        .alias("escaped"),
    ).row(0)
    notes.repaired("unquoted multi-line messages joined", int(multiline or 0))
    notes.repaired(Notice(BACKSLASH_REPAIR), int(escaped or 0))
    closed = quoted & free.str.ends_with('"') & (free.str.len_chars() >= 2)
    inner = free.str.slice(1, free.str.len_chars() - 2)
    unescaped = (inner.str.replace_all('\\"', '"', literal=True) if backslash
                 else inner.str.replace_all('""', '"', literal=True))
    lead = [pl.col(c).str.strip_chars().str.strip_chars('"').replace("", None).alias(name)
            for c, name in zip(fields.columns[:-1], columns, strict=False)]
    message = pl.when(closed).then(unescaped).otherwise(free).replace("", None).alias(columns[-1])
    return fields.select([*lead, message])


_DIALECT_SAMPLE = 500_000  # bytes: the quoting dialect is uniform within a file
# The repair's notice code (worded by inspect in its language); made where it is counted, as
# a Notice reads the catalogue, which importing this module should not
BACKSLASH_REPAIR = "csv_repair_backslash_quotes"


def _lead(parts: list[str], count: int) -> list[str | None]:
    """The simple fields before the free text, unquoted, padded to `count`."""
    lead: list[str | None] = [p.strip().strip('"') or None for p in parts[:count]]
    return lead + [None] * (count - len(lead))


_TRAILING_BLANK_LINES = r"(?:\n[ \t\r,;]*)+$"


def _split_last_free_text_slowly(
    pieces: list[str], lead_fields: int, backslash: bool, notes: ReadNotes
) -> list[list[str | None]]:
    """Record by record, joining a piece to the previous one while its quoted text is open.

    A quote that never closes would swallow every record after it: then it is read as a
    literal character and the records after it are read on their own (counted, warned)."""
    if backslash:
        notes.repaired(Notice(BACKSLASH_REPAIR), sum('\\"' in piece for piece in pieces))
    pieces = [re.sub(_TRAILING_BLANK_LINES, "\n", piece) for piece in pieces]
    rows: list[list[str | None]] = []
    multiline = recovered = 0
    start = 0
    while start < len(pieces):
        pending: str | None = None
        opened = start
        for index in range(start, len(pieces)):
            piece = pieces[index]
            if pending is None:
                opened = index
            record = piece if pending is None else pending + piece
            parts = record.split(",", lead_fields)
            free = parts[-1].rstrip("\n") if len(parts) > lead_fields else ""
            if len(parts) > lead_fields and _quoted_field_open(free, backslash):
                pending = record  # a dated line inside a quoted message: not a new record
                continue
            pending = None
            lead = _lead(parts, lead_fields)
            message = unquote(free, backslash)
            if "\n" in message and not free.startswith('"'):
                multiline += 1
            rows.append([*lead, message or None])
        start = len(pieces)
        if pending is None:
            break
        parts = pieces[opened].split(",", lead_fields)
        free = parts[-1].rstrip("\n") if len(parts) > lead_fields else ""
        text = free[1:].replace('\\"', '"') if backslash else free[1:]
        if opened + 1 < len(pieces):
            # An unclosed quote: its record keeps its text, the ones after it are read again.
            rows.append([*_lead(parts, lead_fields), text or None])
            recovered += 1
            start = opened + 1
        else:
            rows.append([*_lead(parts, lead_fields), text or None])
            notes.warnings.append(Notice("csv_last_quote_unclosed"))
    if recovered:
        notes.repaired("unclosed quotes read literally (the records after them recovered)",
                       recovered)
        notes.warnings.append(Notice("csv_quotes_unclosed", count=recovered))
    notes.repaired("unquoted multi-line messages joined", multiline)
    return rows


def _rfc_fields(record: str) -> list[str]:
    """Fields of one record; a newline outside quotes continues the previous field."""
    fields: list[str] = []
    try:
        for row in csv.reader(io.StringIO(record, newline=""), strict=False):
            if fields and row:
                fields[-1] += "\n" + row[0]
                fields.extend(row[1:])
            else:
                fields.extend(row)
    except csv.Error:  # a NUL byte or worse: keep the text, split on commas
        return record.replace("\x00", "").split(",")
    return fields


def split_middle_free_text(
    text: str, width: int, free_index: int, notes: ReadNotes
) -> list[list[str | None]]:
    """Records whose free-text field sits between simple fields (Shares): RFC-parse each record,
    and if it has too many fields, give the surplus back to the free-text field."""
    rows: list[list[str | None]] = []
    free_index = min(max(free_index, 0), width - 1)
    tail = width - free_index - 1
    for piece in split_records(text, notes):
        fields = _rfc_fields(piece.rstrip("\n"))
        if len(fields) > width:
            middle = fields[free_index : len(fields) - tail]
            fields = [*fields[:free_index], ",".join(middle), *fields[len(fields) - tail :]]
            notes.repaired("rows with an unquoted comma in the text")
        fields += [""] * (width - len(fields))
        rows.append([f if f != "" else None for f in fields[:width]])
    return rows
