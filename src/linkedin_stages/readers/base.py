"""The shape every dataset reader shares: declare columns once, read, clean, parse dates.

A `DatasetSpec` says which files feed a dataset, how to recognise its header, which columns
(with their aliases across eras) it keeps and their types. `read_dataset` applies the common
pipeline; a spec may replace the row parser (Comments, Shares) or add derived columns.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from ..csvread import Body, ReadNotes, locate, normalise_header, read_body, sentinel_line
from ..dates import DATETIME, parse_months, parse_timestamps
from ..errors import FileReadError
from ..i18n.catalogue import REFERENCE, catalogue
from ..i18n.notices import Notice
from ..source import FileData

TEXT = "text"  # trimmed; empty, `NA`, `N/A` become null
ID = "id"  # URLs, ids, codes: `NA` and empty become null, never padded so never trimmed
FREE = "free"  # the member's or someone's own words: kept byte for byte (only empty → null)
TIMESTAMP = "timestamp"
MONTH = "month"
BOOL = "bool"

# LinkedIn writes `N/A` itself (Learning); a spreadsheet fills empty cells with `NA`.
PLACEHOLDERS = ("NA", "N/A")

# Date formats only a spreadsheet writes; seeing one means the file was re-saved by hand.
SPREADSHEET_FORMATS = frozenset(
    {"%d-%b-%y", "%m/%d/%Y %H:%M", "%m/%d/%Y %I:%M %p", "%m/%d/%Y", "%d/%m/%Y %H:%M:%S",
     "%d/%m/%Y %H:%M", "%d/%m/%Y", "%d.%m.%Y %H:%M", "%d.%m.%Y"}
)


@dataclass(frozen=True)
class Column:
    name: str
    aliases: tuple[str, ...]  # normalised header names, first is the usual one
    kind: str = TEXT
    formats: tuple[str, ...] = ()  # preferred date formats


@dataclass
class ReadContext:
    """What one reader may know from another (the member's own name and profile URL)."""

    own_name: str | None = None
    own_url: str | None = None


@dataclass
class TableRead:
    """A dataset's frame and how its file was read."""

    frame: pl.DataFrame
    notes: ReadNotes
    variant: str


Finisher = Callable[[pl.DataFrame, ReadNotes, ReadContext], pl.DataFrame]
RowParser = Callable[[Body, list[str], str, ReadNotes], pl.DataFrame]
Variant = Callable[[set[str], ReadNotes], str]


@dataclass(frozen=True)
class DatasetSpec:
    name: str
    filename: str  # the file's usual name, for messages about a missing file
    keys: tuple[str, ...]  # normalised file names (see source.normalise_name)
    signatures: tuple[frozenset[str], ...]  # header cells that identify the header line
    columns: tuple[Column, ...]
    derived: dict[str, Any] = field(default_factory=dict)  # extra output columns → dtype
    time_column: str | None = None
    describe: str = ""  # what the dataset holds, for `inspect`
    parse_rows: RowParser | None = None
    finish: Finisher | None = None
    variant: Variant | None = None
    order: tuple[str, ...] = ()  # output column order (defaults to columns then derived)
    # LinkedIn writes some records more than once. `record_key`: the columns that identify a
    # record (`()`: the whole row; None: rows are never merged, e.g. Connections' identical
    # ghost rows are different people); `merged`: columns whose distinct values are kept,
    # joined by a newline (a post written once per attached image keeps every image).
    record_key: tuple[str, ...] | None = ()
    merged: tuple[str, ...] = ()
    repeats: str = "readers_repair_repeats"  # the notice code of what merging repairs

    @property
    def limits(self) -> str:
        """What the dataset's absence prevents (for `inspect` and the report), in English:
        the `[limits]` table of the catalogues, under the dataset's name."""
        return catalogue(REFERENCE).text(f"limits.{self.name}")

    @property
    def schema(self) -> dict[str, Any]:
        types = {TEXT: pl.String, ID: pl.String, FREE: pl.String, TIMESTAMP: DATETIME,
                 MONTH: pl.Date, BOOL: pl.Boolean}
        out: dict[str, Any] = {c.name: types[c.kind] for c in self.columns}
        out.update(self.derived)
        if self.order:
            out = {name: out[name] for name in self.order}
        return out

    def empty(self) -> pl.DataFrame:
        return pl.DataFrame(schema=self.schema)


# What a file that is not text begins with, and the notice saying what it then is (a
# spreadsheet saved under the export's `.csv` name is the usual case: the reader must say
# so, not "header not found").
NOT_TEXT = (
    (b"PK\x03\x04", "readers_xlsx"),  # a spreadsheet workbook (XLSX, a zip file)
    (b"\xd0\xcf\x11\xe0", "readers_xls"),  # an Excel 97–2003 workbook
    (b"%PDF-", "readers_pdf"),
)


def read_dataset(spec: DatasetSpec, file: FileData, context: ReadContext) -> TableRead:
    """Read one file into the dataset's fixed schema. Raises FileReadError if unreadable."""
    notes = ReadNotes()
    path = file.path
    start = file.head(8)
    for magic, what in NOT_TEXT:
        if start.startswith(magic):
            raise FileReadError(Notice("readers_not_csv", file=path, what=Notice(what)))
    decoded, match, body = locate(file, spec.signatures, notes)
    if match is None or body is None:
        if not decoded.head.strip():
            notes.empty_reason = Notice("readers_empty_file")
            return TableRead(spec.empty(), notes, "empty file")
        sentinel = sentinel_line(decoded.head)
        if sentinel is not None:
            notes.empty_reason = Notice("readers_sentinel_only", line=sentinel)
            return TableRead(spec.empty(), notes, "sentinel line")
        expected = ", ".join(sorted(next(iter(spec.signatures))))
        raise FileReadError(Notice("readers_header_not_recognised", file=path,
                                   expected=expected))

    parser = spec.parse_rows or read_body
    frame = parser(body, match.names, match.delimiter, notes)
    frame = _without_line_start_boms(frame, notes)
    header = {normalise_header(n) for n in match.names}
    frame = _to_columns(frame, spec, notes)
    frame = _drop_blank_rows(frame, notes)
    frame = _clean(frame, spec, notes)
    frame = merge_repeated(frame, spec, notes)
    if spec.finish is not None:
        frame = spec.finish(frame, notes, context)
    frame = frame.select([pl.col(n).cast(t) for n, t in spec.schema.items()])
    notes.rows_read = frame.height
    variant = spec.variant(header, notes) if spec.variant else ""
    if _resaved_by_spreadsheet(notes):
        variant = (variant + "; " if variant else "") + "re-saved by a spreadsheet"
    return TableRead(frame, notes, variant)


def _without_line_start_boms(frame: pl.DataFrame, notes: ReadNotes) -> pl.DataFrame:
    """A byte-order mark left at the start of a row (a file pasted onto another) is removed
    and counted: it would otherwise stick to a name or a date."""
    if frame.is_empty() or not frame.width:
        return frame
    first = pl.col(frame.columns[0])
    boms = frame.select(first.str.starts_with("\ufeff").sum()).item()
    if not boms:
        return frame
    notes.repaired(Notice("readers_repair_boms"), int(boms))
    return frame.with_columns(first.str.strip_chars_start("\ufeff"))


def _to_columns(frame: pl.DataFrame, spec: DatasetSpec, notes: ReadNotes) -> pl.DataFrame:
    """Pick each declared column by alias (first match wins); absent ones become null."""
    by_norm: dict[str, str] = {}
    for name in frame.columns:
        by_norm.setdefault(normalise_header(name), name)
    exprs = []
    for column in spec.columns:
        source = next((by_norm[a] for a in column.aliases if a in by_norm), None)
        if source is None:
            exprs.append(pl.lit(None, dtype=pl.String).alias(column.name))
        else:
            exprs.append(pl.col(source).cast(pl.String).alias(column.name))
    return frame.select(exprs) if exprs else frame


# What a line with no value holds: spaces, and delimiters a spreadsheet pads it with (`,,,`).
BLANK_CHARS = " \t\r,;"


def _drop_blank_rows(frame: pl.DataFrame, notes: ReadNotes) -> pl.DataFrame:
    """Drop rows with no value at all (empty lines, `,,,,`), counting them."""
    if frame.is_empty() or not frame.columns:
        return frame
    # A blank row has a blank first cell: only those rows (few; Connections' ghost rows)
    # have their other cells tested.
    first = pl.col(frame.columns[0])
    maybe_blank = first.is_null() | (first.str.len_bytes() == 0) | first.str.starts_with(" ")
    candidates = frame.with_row_index("_row").filter(maybe_blank)
    if candidates.is_empty():
        return frame
    blank = pl.all_horizontal(
        [pl.col(c).is_null() | (pl.col(c).str.strip_chars(BLANK_CHARS) == "")
         for c in frame.columns]
    )
    rows = candidates.filter(blank)["_row"]
    if rows.len():
        notes.repaired(Notice("readers_repair_blank_rows"), rows.len())
        frame = frame.filter(~pl.int_range(pl.len(), dtype=pl.UInt32).is_in(rows.implode()))
    return frame


def _clean(frame: pl.DataFrame, spec: DatasetSpec, notes: ReadNotes) -> pl.DataFrame:
    if frame.is_empty():
        return frame
    typed = {TIMESTAMP, MONTH, BOOL, ID}
    text_cols = [c.name for c in spec.columns if c.kind != FREE]
    free_cols = [c.name for c in spec.columns if c.kind == FREE]
    kinds = {c.name: c.kind for c in spec.columns}
    # One pass to look (placeholders, padded cells, empty cells), one to change. Surrounding
    # spaces are trimmed only in columns that have any (`Project Coordinator `): stripping
    # costs more than looking. The members' own words (free text) are kept byte for byte.
    looked = frame.select(
        *[(pl.col(c).str.starts_with(" ") | pl.col(c).str.ends_with(" ")).any()
          .alias(f"padded {c}") for c in text_cols if kinds[c] != ID],
        *[(pl.col(c) == token).sum().alias(f"{token} {c}")
          for c in text_cols for token in PLACEHOLDERS],
        *[(pl.col(c) == "").any().alias(f"blank {c}") for c in [*text_cols, *free_cols]],
    ).row(0, named=True) if text_cols or free_cols else {}
    holding = [c for c in text_cols if kinds[c] not in typed
               and any(looked.get(f"{token} {c}") for token in PLACEHOLDERS)]
    if holding:  # rare: only columns holding a placeholder have their empty cells counted
        looked.update(frame.select(
            (pl.col(c).is_null() | (pl.col(c) == "")).sum().alias(f"empty {c}")
            for c in holding).row(0, named=True))

    def stripped(c: str) -> pl.Expr:
        return pl.col(c).str.strip_chars() if looked.get(f"padded {c}") else pl.col(c)

    def untouched(c: str, tokens: list[str]) -> bool:
        """Nothing to change in column `c` (the usual case: looking costs less than writing)."""
        return not looked.get(f"padded {c}") and not any(
            looked.get(f"{t} {c}") if t else looked.get(f"blank {c}") for t in tokens)

    # Dates first: a placeholder is never a date, and a spreadsheet's date formats are part
    # of the evidence that the file was re-saved (which decides what `NA` means below).
    typed_cols = [c for c in text_cols if kinds[c] in typed]
    frame = frame.with_columns(
        pl.when(stripped(c).is_in(["", *PLACEHOLDERS])).then(None).otherwise(stripped(c))
        .alias(c) for c in typed_cols if not untouched(c, ["", *PLACEHOLDERS]))
    frame = _parse_typed(frame, spec, notes)
    resaved = _resaved_by_spreadsheet(notes)
    blanked = {token: sum(int(looked.get(f"{token} {c}") or 0) for c in typed_cols)
               for token in PLACEHOLDERS}
    cleaned = []
    for c in text_cols:
        if kinds[c] in typed:
            continue
        counts = {token: int(looked.get(f"{token} {c}") or 0) for token in PLACEHOLDERS}
        # In LinkedIn's own files `NA` is a value (a position, a company called so): it is a
        # placeholder only in a re-saved file. LinkedIn's own placeholder is `N/A`, read as
        # empty where it fills a column (every empty cell of it), never when it stands alone.
        if resaved:
            placeholders = list(PLACEHOLDERS)
        elif (counts["N/A"] > 1 and not looked.get(f"empty {c}")
              and 2 * counts["N/A"] >= frame.height):  # a fill: most of the column
            placeholders = ["N/A"]
        else:
            placeholders = []
        tokens = ["", *placeholders]
        for token in placeholders:
            blanked[token] += counts[token]
        if not untouched(c, tokens):
            cleaned.append(pl.when(stripped(c).is_in(tokens)).then(None)
                           .otherwise(stripped(c)).alias(c))
    if resaved:
        notes.repaired(Notice("readers_repair_na_resaved"), blanked["NA"] + blanked["N/A"])
    else:
        notes.repaired(Notice("readers_repair_na"), blanked["NA"])
        notes.repaired(Notice("readers_repair_not_applicable"), blanked["N/A"])
    return frame.with_columns(
        cleaned
        + [pl.when(pl.col(c) == "").then(None).otherwise(pl.col(c)).alias(c) for c in free_cols
           if looked.get(f"blank {c}")]
    )


def _parse_typed(frame: pl.DataFrame, spec: DatasetSpec, notes: ReadNotes) -> pl.DataFrame:
    """Timestamps, months and booleans from their text, with the formats used noted."""
    day_first = notes.delimiter == ";"
    updates = []
    for column in spec.columns:
        if column.kind == TIMESTAMP:
            parsed = parse_timestamps(frame[column.name], column.formats, day_first=day_first)
        elif column.kind == MONTH:
            parsed = parse_months(frame[column.name])
        elif column.kind == BOOL:
            updates.append(
                frame[column.name].str.to_lowercase().replace_strict(
                    {"true": True, "yes": True, "false": False, "no": False},
                    default=None, return_dtype=pl.Boolean,
                ).alias(column.name)
            )
            continue
        else:
            continue
        notes.date_formats[column.name] = list(parsed.formats)
        if parsed.unparsed:
            notes.warnings.append(Notice("readers_not_a_date", count=parsed.unparsed,
                                         column=column.name))
        updates.append(parsed.values)
    return frame.with_columns(updates) if updates else frame


def merge_repeated(frame: pl.DataFrame, spec: DatasetSpec, notes: ReadNotes) -> pl.DataFrame:
    """Count a record LinkedIn wrote several times once (see `DatasetSpec.record_key`)."""
    if spec.record_key is None or frame.height < 2:
        return frame
    formats = notes.date_formats.get(spec.time_column or "", [])
    if not spec.record_key and formats and not all("%S" in f for f in formats):
        # Dates to the minute (2018 messages, invitations): two identical short messages of
        # one minute may both be real. Only records dated to the second are merged whole.
        return frame
    key = [c for c in (spec.record_key or frame.columns) if c not in spec.merged]
    # Rows whose date could not be read are never merged: they may differ only there.
    dated = (pl.col(spec.time_column).is_not_null() if spec.time_column in frame.columns
             else pl.lit(True))
    identified = (pl.all_horizontal(pl.col(c).is_not_null() for c in key) if spec.record_key
                  else dated)
    # One short column first (the record's date, else every column that is not free text):
    # only rows equal on it have their other cells compared, so the usual file (no repeats)
    # costs one cheap look.
    free = {c.name for c in spec.columns if c.kind == FREE}
    short = ([spec.time_column] if spec.time_column in key
             else [c for c in key if c not in free] or key)
    looked_at = pl.col(short[0]) if len(short) == 1 else pl.struct(short)
    maybe = frame.select(looked_at.is_duplicated() & identified).to_series()
    if not maybe.any():
        return frame
    candidates = frame.with_row_index("_row").filter(maybe)
    repeats = candidates.filter(pl.struct(key).is_duplicated())
    if repeats.is_empty():
        return frame
    others = [c for c in frame.columns if c not in key and c not in spec.merged]
    merged = repeats.group_by(key, maintain_order=True).agg(
        pl.col("_row").first(),
        *[pl.col(c).first() for c in others],
        *[pl.col(c).drop_nulls().unique(maintain_order=True).str.join("\n")
          .replace("", None).alias(c) for c in spec.merged],
    )
    notes.repaired(Notice(spec.repeats), repeats.height - merged.height)
    kept = frame.with_row_index("_row").filter(~pl.col("_row").is_in(repeats["_row"].implode()))
    return (pl.concat([kept, merged.select(kept.columns)]).sort("_row").drop("_row"))


def _resaved_by_spreadsheet(notes: ReadNotes) -> bool:
    """Told from the file's shape (delimiter, encoding, date formats), never from a value."""
    used = {f for formats in notes.date_formats.values() for f in formats}
    return (
        notes.delimiter == ";"
        or notes.encoding in ("cp1252", "utf-8 (BOM)")
        or bool(used & SPREADSHEET_FORMATS)
    )


# --- helpers shared by several datasets ---------------------------------------------------

_FEED_PREFIX = "https://www.linkedin.com/feed/update/"
_ENCODED_FEED_PREFIX = _FEED_PREFIX + "urn%3Ali%3A"


def with_urn(frame: pl.DataFrame, link: str) -> pl.DataFrame:
    """Add `urn_type`, `urn_id`, `post_urn` from a (possibly URL-encoded) LinkedIn post link.

    Literal splits on the short part after the usual prefix, not a regex on the whole URL:
    several times cheaper on a 100,000-row Reactions file."""
    links = frame.get_column(link)
    pieces = _usual_urn_pieces(links)
    if pieces is None:
        rest = links.str.strip_prefix(_FEED_PREFIX)
        decoded = rest.str.replace_all("%3A", ":", literal=True)
        if decoded.str.contains("%", literal=True).any():
            # Rarer encodings (`%3a`, `%2C`, `%28`) only when present: these cost more.
            decoded = (decoded.str.replace_all("(?i)%3A", ":").str.replace_all("(?i)%2C", ",")
                       .str.replace_all("%28", "(", literal=True)
                       .str.replace_all("%29", ")", literal=True))
        tail = decoded.str.splitn("urn:li:", 2).struct.field("field_1")
        pieces = tail.str.splitn(":", 2)
    urn_type = pieces.struct.field("field_0")
    urn_id = pieces.struct.field("field_1")
    if urn_id.str.contains(r"[/?#&\s%(]").any():  # a query string, a comment URN…: rare
        urn_id = urn_id.str.extract(r"^(\([^)\s]*\)|[^/?#&\s%(]+)", 1)
    valid = (urn_type.str.len_bytes() > 0) & (urn_id.str.len_bytes() > 0)
    if not valid.all():
        urn_type = pl.select(pl.when(valid).then(urn_type)).to_series()
        urn_id = pl.select(pl.when(valid).then(urn_id)).to_series()
    return frame.with_columns(
        urn_type.alias("urn_type"),
        urn_id.alias("urn_id"),
        (pl.lit("urn:li:") + urn_type + pl.lit(":") + urn_id).alias("post_urn"),
    )


def _usual_urn_pieces(links: pl.Series) -> pl.Series | None:
    """Type and id when every link has the usual form, `…/feed/update/urn%3Ali%3Aactivity%3A7521…`
    with nothing else encoded: split without decoding (a third of the cost). Else None."""
    rest = links.str.strip_prefix(_ENCODED_FEED_PREFIX)
    if not (rest.str.len_bytes() < links.str.len_bytes()).all():
        return None
    pieces = rest.str.splitn("%3A", 2)
    odd = (pieces.struct.field("field_0").str.contains(r"[:%]")
           | pieces.struct.field("field_1").str.contains(r"[:%]"))
    return None if odd.any() else pieces


URN_DERIVED = {"urn_type": pl.String, "urn_id": pl.String, "post_urn": pl.String}


def domain_of(column: str) -> pl.Expr:
    """The host of a URL, lower-cased, without `www.`."""
    return (
        pl.col(column)
        .str.extract(r"(?i)^[a-z][a-z0-9+.\-]*://(?:[^@/?#]*@)?([^/:?#]+)", 1)
        .str.to_lowercase()
        .str.replace(r"^www\.", "")
    )


def word_count(column: str) -> pl.Expr:
    return pl.col(column).str.count_matches(r"\S+").fill_null(0).cast(pl.Int32)


def full_name(first: str = "first_name", last: str = "last_name") -> pl.Expr:
    name = pl.concat_str([pl.col(first).fill_null(""), pl.col(last).fill_null("")], separator=" ")
    return name.str.strip_chars().replace("", None).alias("full_name")
