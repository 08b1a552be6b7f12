"""What the member did on the feed: shares, comments, reactions, instant reposts, poll votes."""

from __future__ import annotations

import polars as pl

from ..csvread import (
    BACKSLASH_REPAIR,
    RECORD_START,
    Body,
    ReadNotes,
    date_led_records,
    linked_records_rfc,
    normalise_header,
    normalise_line_breaks,
    read_body,
    split_last_free_text,
    split_middle_free_text,
    unique_names,
)
from ..i18n.notices import Notice
from .base import (
    BLANK_CHARS,
    FREE,
    ID,
    TIMESTAMP,
    URN_DERIVED,
    Column,
    DatasetSpec,
    ReadContext,
    RowParser,
    domain_of,
    with_urn,
    word_count,
)

ACTIVITY_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M:%S UTC")
_DATE_LED = r"^\s*\d{4}[-/]\d{2}[-/]\d{2} \d{2}:\d{2}"


def _undated_rows(frame: pl.DataFrame) -> int:
    """Rows with a value whose first cell does not start with a date: a sign of broken
    quoting. Blank rows (a trailing empty line) are not: they are dropped and counted later."""
    blank = pl.all_horizontal(pl.col(c).fill_null("").str.strip_chars(BLANK_CHARS) == ""
                              for c in frame.columns)
    undated = ~pl.col(frame.columns[0]).fill_null("").str.contains(_DATE_LED)
    return frame.filter(undated & ~blank).height

# Hosts whose media URLs mean the member uploaded the media themselves.
OWN_MEDIA_HOSTS = r"(^|\.)(licdn\.com|linkedin\.com)$"

# --- shares -------------------------------------------------------------------------------


def _parse_shares(body: Body, names: list[str], delimiter: str, notes: ReadNotes) -> pl.DataFrame:
    """RFC parse first (valid for every real Shares.csv); if rows come out misaligned (no date
    in the Date column), re-split the file on its leading timestamps."""
    _warn_if_damaged(body, notes)
    frame = read_body(body, names, delimiter, notes)
    if frame.is_empty():
        return frame
    misaligned = _undated_rows(frame)
    if not misaligned or delimiter != ",":
        return frame
    free_index = next(
        (i for i, n in enumerate(names) if n.replace(" ", "").lower() == "sharecommentary"), 2
    )
    scratch = ReadNotes()
    rows = split_middle_free_text(body.text(scratch), len(names), free_index, scratch)
    if not rows or len(rows) < frame.height - misaligned:
        # Re-splitting finds fewer records than rows that already had a date: the quoting
        # was fine and the dates are just bad. Keep the rows; their dates will be warned about.
        return frame
    notes.repaired(Notice("readers_repair_resplit"))
    for why, count in scratch.dropped.items():
        notes.drop(why, count)
    for what, count in scratch.repairs.items():
        notes.repaired(what, count)
    return pl.DataFrame(rows, schema={c: pl.String for c in unique_names(names)}, orient="row")


def _warn_if_damaged(body: Body, notes: ReadNotes) -> None:
    """Shares.csv decides which posts `compare` calls deleted: a file cut short (it ends
    inside a quoted text: an odd number of quotes) or holding NUL bytes is said to be
    damaged, so that no post is claimed deleted from it. The file is small: one count."""
    data = body.data()
    if b"\x00" in data:
        notes.warnings.append(Notice("readers_nul_bytes"))
    elif data.count(b'"') % 2:
        notes.warnings.append(Notice("readers_unclosed_quote"))


# A newline inside a post is written quote-newline-quote inside the field (see docs/FORMAT.md).
_QUOTE_NEWLINE = r'"\r?\n"'


def _is_2018_layout(notes: ReadNotes) -> bool:
    return any(normalise_header(h) == "sharetitle" for h in notes.header)


def _finish_shares(frame: pl.DataFrame, notes: ReadNotes, ctx: ReadContext) -> pl.DataFrame:
    commentary = pl.col("commentary")
    # Only 2021-on files are known to encode line breaks this way; 2018 text is left as is.
    if not _is_2018_layout(notes) and frame.height:
        encoded = int(frame.select(commentary.str.contains(_QUOTE_NEWLINE).sum()).item())
        notes.repaired(Notice("readers_repair_quote_newlines"), encoded)
        if encoded:
            frame = frame.with_columns(commentary.str.replace_all(_QUOTE_NEWLINE, "\n"))
    frame = normalise_line_breaks(frame, ("commentary", "title", "description"))
    frame = with_urn(frame, "share_link")
    return frame.with_columns(
        domain_of("shared_url").alias("shared_domain"),
        domain_of("media_url").str.contains(OWN_MEDIA_HOSTS).fill_null(False).alias("own_media"),
        word_count("commentary").alias("word_count"),
    )


def _shares_variant(header: set[str], notes: ReadNotes) -> str:
    if _is_2018_layout(notes):
        return "2018 layout (UTF-16, TAB, Share Title/Description)"
    if any(n == "SharedUrl" for n in notes.header):
        return "SharedUrl/MediaUrl (Jun 2024 on)"
    return "SharedURL/MediaURL (2021 – Mar 2024)"


SHARES = DatasetSpec(
    name="shares",
    filename="Shares.csv",
    keys=("shares",),
    signatures=(frozenset({"date", "sharelink"}),),
    columns=(
        Column("timestamp", ("date",), TIMESTAMP, ACTIVITY_FORMATS),
        Column("share_link", ("sharelink",), ID),
        Column("commentary", ("sharecommentary",), FREE),
        Column("shared_url", ("sharedurl",), ID),
        Column("media_url", ("mediaurl",), ID),
        Column("visibility", ("visibility",), ID),
        Column("title", ("sharetitle",), FREE),
        Column("description", ("sharedescription",), FREE),
        Column("share_type", ("type",), ID),
    ),
    derived={**URN_DERIVED, "shared_domain": pl.String, "own_media": pl.Boolean,
             "word_count": pl.Int32},
    time_column="timestamp",
    # One post, several rows: verbatim copies, or one row per attached image.
    record_key=("timestamp", "share_link"),
    merged=("media_url",),
    repeats="readers_repair_repeated_posts",
    describe="your own posts, link shares, links with commentary and reposts with a few words",
    parse_rows=_parse_shares,
    finish=_finish_shares,
    variant=_shares_variant,
)

# --- comments -----------------------------------------------------------------------------


def _parse_date_led(lead_fields: int, linked: bool = False) -> RowParser:
    def parse(body: Body, names: list[str], delimiter: str, notes: ReadNotes) -> pl.DataFrame:
        columns = unique_names(names)[: lead_fields + 1]
        while len(columns) < lead_fields + 1:
            columns.append(f"_extra_{len(columns)}")
        if linked and delimiter == "," and len(columns) == 3:
            frame = linked_records_rfc(body, columns, notes)
            if frame is not None:
                return frame
        records, backslash = date_led_records(body, notes, linked)
        return split_last_free_text(records, columns, notes, backslash)

    return parse


def _finish_comments(frame: pl.DataFrame, notes: ReadNotes, ctx: ReadContext) -> pl.DataFrame:
    frame = with_urn(frame, "link")
    return frame.with_columns(word_count("message").alias("word_count"))


def _comments_variant(header: set[str], notes: ReadNotes) -> str:
    if any(getattr(what, "code", None) == BACKSLASH_REPAIR for what in notes.repairs) \
            or notes.line_ending == "LF":
        return "backslash-escaped quotes (2025 on)"
    if notes.line_ending == "CRLF":
        return "CRLF, multi-line messages unquoted (2021–24)"
    return "Date,Link,Message"


COMMENTS = DatasetSpec(
    name="comments",
    filename="Comments.csv",
    keys=("comments",),
    signatures=(frozenset({"date", "link", "message"}),),
    columns=(
        Column("timestamp", ("date",), TIMESTAMP, ACTIVITY_FORMATS),
        Column("link", ("link",), ID),
        Column("message", ("message",), FREE),
    ),
    derived={**URN_DERIVED, "word_count": pl.Int32},
    time_column="timestamp",
    describe="your comments, with the post each one answers",
    parse_rows=_parse_date_led(2, linked=True),
    finish=_finish_comments,
    variant=_comments_variant,
)

# --- reactions, instant reposts, votes ----------------------------------------------------


def _line_ending_variant(header: set[str], notes: ReadNotes) -> str:
    return "CRLF (2021–24)" if notes.line_ending == "CRLF" else "LF"


def _finish_links(frame: pl.DataFrame, notes: ReadNotes, ctx: ReadContext) -> pl.DataFrame:
    return with_urn(frame, "link")


def _parse_simple_date_led(body: Body, names: list[str], delimiter: str,
                           notes: ReadNotes) -> pl.DataFrame:
    """RFC parse; if a row does not start with a date, fall back to record splitting."""
    frame = read_body(body, names, delimiter, notes)
    if frame.is_empty() or delimiter != ",":
        return frame
    if not _undated_rows(frame):
        return frame
    if not RECORD_START.search("\n" + body.text(ReadNotes())):
        return frame
    notes.repaired(Notice("readers_repair_resplit"))
    return _parse_date_led(len(names) - 1)(body, names, delimiter, notes)


REACTIONS = DatasetSpec(
    name="reactions",
    filename="Reactions.csv",
    keys=("reactions",),
    signatures=(frozenset({"date", "type", "link"}),),
    columns=(
        Column("timestamp", ("date",), TIMESTAMP, ACTIVITY_FORMATS),
        Column("reaction", ("type",), ID),
        Column("link", ("link",), ID),
    ),
    derived=dict(URN_DERIVED),
    time_column="timestamp",
    describe="your reactions (likes, celebrate, insightful …) and the posts they went to",
    parse_rows=_parse_simple_date_led,
    finish=_finish_links,
    variant=_line_ending_variant,
)

REPOSTS = DatasetSpec(
    name="reposts",
    filename="InstantReposts.csv",
    keys=("instantreposts",),
    signatures=(frozenset({"date", "link"}),),
    columns=(
        Column("timestamp", ("date",), TIMESTAMP, ACTIVITY_FORMATS),
        Column("link", ("link", "url", "reposturl", "sharelink"), ID),
    ),
    derived=dict(URN_DERIVED),
    time_column="timestamp",
    describe="reposts without commentary (archives from 2025 on)",
    parse_rows=_parse_simple_date_led,
    finish=_finish_links,
    variant=_line_ending_variant,
)

VOTES = DatasetSpec(
    name="votes",
    filename="Votes.csv",
    keys=("votes",),
    signatures=(frozenset({"date", "link", "optiontext"}),),
    columns=(
        Column("timestamp", ("date",), TIMESTAMP, ACTIVITY_FORMATS),
        Column("link", ("link",), ID),
        Column("option", ("optiontext",), FREE),
    ),
    derived=dict(URN_DERIVED),
    time_column="timestamp",
    describe="your votes in polls",
    parse_rows=_parse_simple_date_led,
    finish=_finish_links,
    variant=_line_ending_variant,
)
