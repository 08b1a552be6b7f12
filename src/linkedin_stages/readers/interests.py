"""Follows, rich media, events, saved items and learning: context around the member's activity."""

from __future__ import annotations

import polars as pl

from ..csvread import ReadNotes
from ..dates import parse_timestamps
from ..i18n.notices import Notice
from .base import BOOL, FREE, ID, TIMESTAMP, Column, DatasetSpec, ReadContext

COMPANY_FOLLOWS = DatasetSpec(
    name="company_follows",
    filename="Company Follows.csv",
    keys=("companyfollows",),
    signatures=(frozenset({"organization", "followedon"}),),
    columns=(
        Column("organization", ("organization",)),
        Column("timestamp", ("followedon",), TIMESTAMP, ("%a %b %d %H:%M:%S UTC %Y",)),
    ),
    time_column="timestamp",
    describe="companies you follow",
)

MEMBER_FOLLOWS = DatasetSpec(
    name="member_follows",
    filename="Member_Follows.csv",
    keys=("memberfollows",),
    signatures=(frozenset({"date", "status", "fullname"}),),
    columns=(
        Column("timestamp", ("date",), TIMESTAMP, ("%Y-%m-%d %H:%M:%S",)),
        Column("status", ("status",), ID),
        Column("full_name", ("fullname",)),
    ),
    time_column="timestamp",
    describe="people you follow or unfollowed",
)

HASHTAG_FOLLOWS = DatasetSpec(
    name="hashtag_follows",
    filename="Hashtag_Follows.csv",
    keys=("hashtagfollows",),
    signatures=(frozenset({"hashtag", "createdtime"}),),
    columns=(
        Column("hashtag", ("hashtag",)),
        Column("timestamp", ("createdtime",), TIMESTAMP, ("%Y-%m-%d %H:%M:%S",)),
        Column("modified_at", ("lastmodifiedtime",), TIMESTAMP, ("%Y-%m-%d %H:%M:%S",)),
        Column("state", ("state",), ID),
    ),
    time_column="timestamp",
    describe="hashtags you follow",
)

# `You uploaded a document on February 7, 2025 at 7:01 AM (GMT)` (2025 on)
_MEDIA_SENTENCE = r"(?i)uploaded an? (.+?) on ([A-Z][a-z]+ \d{1,2}, \d{4}) at (\d{1,2}:\d{2} [AP]M)"


def _finish_rich_media(frame: pl.DataFrame, notes: ReadNotes, ctx: ReadContext) -> pl.DataFrame:
    parts = pl.col("when_text").str.extract_groups(_MEDIA_SENTENCE)  # one regex pass
    frame = frame.with_columns(
        parts.struct.field("1").alias("media_type"),
        pl.concat_str([parts.struct.field("2"), pl.lit(" at "), parts.struct.field("3")])
        .alias("_when"),
        pl.col("description").str.strip_chars().replace({"-": None, "": None}),
    )
    parsed = parse_timestamps(frame["_when"], ("%B %d, %Y at %I:%M %p",))
    if parsed.unparsed:
        notes.warnings.append(Notice("readers_upload_dates", count=parsed.unparsed))
    unread = int(frame.select(pl.col("when_text").is_not_null() & pl.col("_when").is_null())
                 .sum().item()) if frame.height else 0
    if unread:
        notes.warnings.append(Notice("readers_upload_dates", count=unread))
    return frame.with_columns(parsed.values.alias("timestamp"))


RICH_MEDIA = DatasetSpec(
    name="rich_media",
    filename="Rich_Media.csv",
    keys=("richmedia", "videos"),
    signatures=(frozenset({"datetime", "medialink"}), frozenset({"link", "type"}),
                frozenset({"link", "description"})),
    columns=(
        Column("when_text", ("datetime",), FREE),
        Column("description", ("mediadescription", "description", "type"), FREE),
        Column("link", ("medialink", "link"), ID),
    ),
    derived={"timestamp": pl.Datetime("us"), "media_type": pl.String},
    order=("timestamp", "media_type", "description", "link"),
    time_column="timestamp",
    describe="photos, videos and documents you uploaded",
    finish=_finish_rich_media,
    variant=lambda h, n: "dated sentences (2025 on)" if "datetime" in h else "undated (to 2024)",
)


def _finish_events(frame: pl.DataFrame, notes: ReadNotes, ctx: ReadContext) -> pl.DataFrame:
    # `Jan 12, 2022 04:00 PM - Jan 12, 2022 05:00 PM`: a range in one cell.
    parts = pl.col("event_time").str.split_exact(" - ", 1)
    frame = frame.with_columns(
        parts.struct.field("field_0").str.strip_chars().alias("_start"),
        parts.struct.field("field_1").str.strip_chars().alias("_end"),
    )
    start = parse_timestamps(frame["_start"], ("%b %d, %Y %I:%M %p",))
    end = parse_timestamps(frame["_end"], ("%b %d, %Y %I:%M %p",))
    if start.unparsed:
        notes.warnings.append(Notice("readers_event_times", count=start.unparsed))
    return frame.with_columns(start.values.alias("starts_at"), end.values.alias("ends_at"))


EVENTS = DatasetSpec(
    name="events",
    filename="Events.csv",
    keys=("events",),
    signatures=(frozenset({"eventname", "eventtime"}),),
    columns=(
        Column("name", ("eventname",), FREE),
        Column("event_time", ("eventtime",)),
        Column("status", ("status",), ID),
        Column("url", ("externalurl",), ID),
    ),
    derived={"starts_at": pl.Datetime("us"), "ends_at": pl.Datetime("us")},
    order=("name", "starts_at", "ends_at", "status", "url"),
    time_column="starts_at",
    describe="events you registered for or organised",
    finish=_finish_events,
)

SAVED_ITEMS = DatasetSpec(
    name="saved_items",
    filename="Saved_Items.csv",
    keys=("saveditems",),
    signatures=(frozenset({"saveditem", "createdtime"}),),
    columns=(
        Column("item", ("saveditem",), ID),
        Column("timestamp", ("createdtime",), TIMESTAMP, ("%Y-%m-%d %H:%M:%S",)),
    ),
    time_column="timestamp",
    describe="posts you saved to read later",
)

LEARNING = DatasetSpec(
    name="learning",
    filename="Learning.csv",
    keys=("learning",),
    signatures=(frozenset({"contenttitle", "contenttype"}),),
    columns=(
        Column("title", ("contenttitle",), FREE),
        Column("description", ("contentdescription",), FREE),
        Column("content_type", ("contenttype",)),
        Column("last_watched", ("contentlastwatcheddateifviewed",), TIMESTAMP,
               ("%Y-%m-%d %H:%M UTC",)),
        Column("completed_at", ("contentcompletedatifcompleted",), TIMESTAMP,
               ("%Y-%m-%d %H:%M UTC",)),
        Column("saved", ("contentsaved",), BOOL),
        Column("notes", ("notestakenonvideosiftaken",)),  # `N/A` when none
    ),
    time_column="last_watched",
    describe="LinkedIn Learning courses watched",
)
