"""Every date format LinkedIn archives (and spreadsheet re-saves of them) have been seen to use.

Parsing is vectorised: for each column the formats are ranked on a sample, the best one is
applied to the whole column, and the others only fill what it left unparsed. A typical column
therefore costs one `strptime`. Results are naive datetimes meaning UTC: LinkedIn writes UTC,
sometimes labelled, often not.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

# (strptime format, example) — the order is the tie-break when several formats parse a sample.
TIMESTAMP_FORMATS: tuple[tuple[str, str], ...] = (
    ("%Y-%m-%d %H:%M:%S", "2024-03-17 18:03:34"),  # Shares, Comments, Reactions, Votes …
    ("%Y-%m-%d %H:%M:%S UTC", "2024-03-20 15:09:26 UTC"),  # messages.csv 2021+
    ("%Y-%m-%d %H:%M UTC", "2021-03-25 08:46 UTC"),  # Learning
    ("%Y/%m/%d %H:%M:%S UTC", "2022/04/01 11:05:54 UTC"),  # Endorsements, 2018 UTF-16 files
    ("%d %b %Y", "05 Feb 2014"),  # Connections 2020+
    ("%m/%d/%y, %I:%M %p", "1/8/18, 6:14 PM"),  # Connections 2018, Invitations, Registration …
    ("%m/%d/%y %I:%M %p UTC", "03/11/26 04:41 PM UTC"),  # Receipts_v2
    ("%a %b %d %H:%M:%S UTC %Y", "Wed Mar 13 18:51:14 UTC 2024"),  # Company Follows, Logins
    ("%Y-%m-%d %H:%M", "2021-05-24 16:21"),  # Articles
    ("%Y-%m-%d", "2024-10-07"),  # Verifications
    ("%Y/%m/%d %H:%M:%S", "2022/04/01 11:05:54"),
    ("%Y-%m-%dT%H:%M:%S", "2024-03-17T18:03:34"),
    ("%Y-%m-%d %H:%M:%S%.f", "2024-03-17 18:03:34.120"),
    ("%b %d, %Y %I:%M %p", "Jan 12, 2022 04:00 PM"),  # Events (start of the range)
    ("%b %d, %Y", "Feb 17, 1998"),  # Profile birth date
    ("%B %d, %Y at %I:%M %p", "February 7, 2025 at 7:01 AM"),  # Rich_Media sentence, extracted
    # Spreadsheet re-saves (not LinkedIn's output, but members upload such files)
    ("%d-%b-%y", "18-Jun-24"),
    ("%m/%d/%Y %H:%M", "1/14/2020 12:13"),
    ("%m/%d/%Y %I:%M %p", "1/14/2020 12:13 PM"),
    ("%m/%d/%Y", "1/14/2020"),
    ("%d/%m/%Y %H:%M:%S", "27/03/2021 14:05:00"),
    ("%d/%m/%Y %H:%M", "27/03/2021 14:05"),
    ("%d/%m/%Y", "27/03/2021"),
    ("%d.%m.%Y %H:%M", "27.03.2021 14:05"),
    ("%d.%m.%Y", "27.03.2021"),
)

# Year-month values (Positions, Education, Certifications): parsed to the first of the month.
MONTH_FORMATS: tuple[tuple[str, str], ...] = (
    ("%b %Y", "Jun 2018"),
    ("%B %Y", "June 2018"),
    ("%Y", "2018"),
    ("%m/%Y", "06/2018"),
    ("%Y-%m", "2018-06"),
)

_DAY_FIRST = {f for f, _ in TIMESTAMP_FORMATS if f.startswith(("%d/", "%d."))}
_MONTH_FIRST = {f for f, _ in TIMESTAMP_FORMATS if f.startswith("%m/%d/%Y")}
_SAMPLE = 512
DATETIME = pl.Datetime("us")


@dataclass(frozen=True)
class DateParse:
    """A parsed column and how it was parsed."""

    values: pl.Series
    formats: tuple[str, ...]  # the formats that parsed at least one value, best first
    unparsed: int  # non-empty input values that no format could read


def _parse_with(series: pl.Series, fmt: str) -> pl.Series:
    return series.str.strptime(DATETIME, fmt, strict=False, exact=True)


def _parse_expr(fmt: str) -> pl.Expr:
    return pl.first().str.strptime(DATETIME, fmt, strict=False, exact=True)


def _sample_scores(sample: pl.Series, formats: list[str]) -> list[int]:
    """How many sample values each format reads: one polars query for all of them (a query
    per format cost ~1 ms each, 30 formats per date column, on every small file)."""
    row = sample.to_frame().select(
        [_parse_expr(f).is_not_null().sum().alias(str(i)) for i, f in enumerate(formats)]
    ).row(0)
    return [int(n) for n in row]


def parse_timestamps(
    series: pl.Series,
    preferred: tuple[str, ...] = (),
    *,
    day_first: bool = False,
    catalogue: tuple[tuple[str, str], ...] = TIMESTAMP_FORMATS,
) -> DateParse:
    """Parse a text column to naive UTC datetimes, trying `preferred` formats first.

    `day_first` breaks the `03/04/2021` tie towards the European reading (set for files a
    French-locale spreadsheet re-saved, detected by their `;` delimiter).
    """
    text = series.cast(pl.String)
    if (text.str.starts_with(" ") | text.str.ends_with(" ")).any():  # rare: pay only then
        text = text.str.strip_chars()
    if (text == "").any():
        text = text.replace("", None)
    present = text.drop_nulls()
    if present.is_empty():
        return DateParse(pl.Series(series.name, [None] * len(series), dtype=DATETIME), (), 0)

    order = list(dict.fromkeys([*preferred, *(f for f, _ in catalogue)]))
    if day_first:
        order.sort(key=lambda f: 0 if f in _DAY_FIRST else (2 if f in _MONTH_FIRST else 1))
    sample = present.head(_SAMPLE)
    if len(present) > _SAMPLE:  # the tail too: files are sorted by date, formats drift with time
        sample = pl.concat([sample, present.tail(_SAMPLE)])
    # The usual case: the file's usual format reads the whole sample; no need to rank others.
    if preferred and not day_first and _parse_with(sample, order[0]).null_count() == 0:
        ranked = [order[0]]
    else:
        scores = [(score, -i, f) for i, (f, score) in
                  enumerate(zip(order, _sample_scores(sample, order), strict=True))]
        ranked = [f for score, _, f in sorted(scores, reverse=True) if score > 0]
    # Best format on the whole column; then every other format, in rank then catalogue order,
    # only on the values still unread (formats that read nothing in the sample may still read
    # rare rows). The first format that reads a value wins.
    formats = ranked + [f for f in order if f not in ranked]
    result = _parse_with(text, formats[0])
    used = [formats[0]] if result.is_not_null().any() else []
    missing = result.is_null() & text.is_not_null()
    if missing.any():
        rest = formats[1:]
        unread = text.filter(missing).to_frame()
        tries = unread.select([_parse_expr(f).alias(str(i)) for i, f in enumerate(rest)])
        filled = tries.select(pl.coalesce(tries.columns)).to_series()
        taken = pl.lit(False)
        contributions = []
        for column in tries.columns:  # which formats read a value no earlier one read
            contributions.append((pl.col(column).is_not_null() & ~taken).any().alias(column))
            taken = taken | pl.col(column).is_not_null()
        contributed = tries.select(contributions).row(0)
        used += [f for f, hit in zip(rest, contributed, strict=True) if hit]
        result = result.scatter(missing.arg_true(), filled)
    unparsed = int((result.is_null() & text.is_not_null()).sum())
    return DateParse(result.alias(series.name), tuple(used), unparsed)


def parse_months(series: pl.Series) -> DateParse:
    """Parse `Jun 2018` / `2018` style values (Positions, Education) to the first of the month."""
    parsed = parse_timestamps(series, catalogue=MONTH_FORMATS + TIMESTAMP_FORMATS)
    return DateParse(parsed.values.cast(pl.Date), parsed.formats, parsed.unparsed)
