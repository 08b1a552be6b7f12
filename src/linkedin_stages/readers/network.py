"""Connections, invitations and messages: the member's network and conversations."""

from __future__ import annotations

import polars as pl

from ..csvread import ReadNotes, normalise_header
from ..i18n.notices import Notice
from .base import (
    BOOL,
    FREE,
    ID,
    TIMESTAMP,
    Column,
    DatasetSpec,
    ReadContext,
    full_name,
)

# --- connections --------------------------------------------------------------------------


def _finish_connections(frame: pl.DataFrame, notes: ReadNotes, ctx: ReadContext) -> pl.DataFrame:
    people = ["first_name", "last_name", "url", "email", "company", "position"]
    frame = frame.with_columns(
        full_name(),
        pl.all_horizontal([pl.col(c).is_null() for c in people]).alias("ghost"),
        # 2018 files give a 12-hour time (`1/8/18, 6:14 PM`, format `%I`), not only `%H`.
        pl.lit(not any("%H" in f or "%I" in f
                       for f in notes.date_formats.get("connected_on", []))).alias("date_only"),
    )
    ghosts = int(frame["ghost"].sum())
    if ghosts:
        notes.repaired(Notice("readers_repair_ghost_rows"), ghosts)
    return frame


def _connections_variant(header: set[str], notes: ReadNotes) -> str:
    preamble = "Notes preamble" if notes.header_line > 1 else "no preamble"
    url = "URL column" if "url" in header else "no URL column"
    return f"{preamble}, {url}"


CONNECTIONS = DatasetSpec(
    name="connections",
    filename="Connections.csv",
    keys=("connections",),
    signatures=(frozenset({"firstname", "lastname", "connectedon"}),),
    columns=(
        Column("first_name", ("firstname",)),
        Column("last_name", ("lastname",)),
        Column("url", ("url", "profileurl"), ID),
        Column("email", ("emailaddress", "email"), ID),
        Column("company", ("company",)),
        Column("position", ("position",)),
        Column("connected_on", ("connectedon",), TIMESTAMP, ("%d %b %Y", "%m/%d/%y, %I:%M %p")),
    ),
    derived={"full_name": pl.String, "ghost": pl.Boolean, "date_only": pl.Boolean},
    order=("first_name", "last_name", "full_name", "url", "email", "company", "position",
           "connected_on", "date_only", "ghost"),
    time_column="connected_on",
    record_key=None,  # identical ghost rows (only a date) are different hidden people
    describe="1st-degree connections and when you connected",
    finish=_finish_connections,
    variant=_connections_variant,
)

# --- invitations --------------------------------------------------------------------------


def _finish_invitations(frame: pl.DataFrame, notes: ReadNotes, ctx: ReadContext) -> pl.DataFrame:
    return frame.with_columns(pl.col("direction").str.to_lowercase())


INVITATIONS = DatasetSpec(
    name="invitations",
    filename="Invitations.csv",
    keys=("invitations",),
    signatures=(frozenset({"from", "to", "sentat"}),),
    columns=(
        Column("from_name", ("from",)),
        Column("to_name", ("to",)),
        Column("sent_at", ("sentat",), TIMESTAMP, ("%m/%d/%y, %I:%M %p",)),
        Column("message", ("message",), FREE),
        Column("direction", ("direction",)),
        Column("inviter_url", ("inviterprofileurl",), ID),
        Column("invitee_url", ("inviteeprofileurl",), ID),
    ),
    time_column="sent_at",
    describe="invitations sent and received (LinkedIn keeps only recent ones)",
    finish=_finish_invitations,
    variant=lambda h, n: "with profile URLs" if "inviterprofileurl" in h else "no profile URLs",
)

# --- messages -----------------------------------------------------------------------------

SPONSORED_TITLE = "Sponsored Conversation"


def _most_common(values: pl.Series) -> str | None:
    values = values.drop_nulls()
    if values.is_empty():
        return None
    counts = values.value_counts(sort=True)
    return str(counts[0, 0])


def infer_own_identity(frame: pl.DataFrame, ctx: ReadContext) -> tuple[str | None, str | None]:
    """The member's name and profile URL: from the profile if known, else from the messages
    themselves (the member takes part in every conversation of their own archive)."""
    name = ctx.own_name
    if name is None and frame.height:
        names = pl.concat([frame["from_name"], frame["to_names"]]).drop_nulls()
        name = _most_common(names)
    url = ctx.own_url
    if url is None and frame.height:
        if name is not None:
            url = frame.select(
                pl.col("sender_url").filter(pl.col("from_name") == name).drop_nulls().mode()
                .sort().first()
            ).item()
        if url is None:
            recipients = frame["recipient_urls"].drop_nulls().str.split(",").explode()
            url = _most_common(recipients.str.strip_chars().replace("", None))
    return name, url


# LinkedIn's name for a member whose account is gone or hidden, and for the sender of ads.
HIDDEN_MEMBER = "LinkedIn Member"


def _finish_messages(frame: pl.DataFrame, notes: ReadNotes, ctx: ReadContext) -> pl.DataFrame:
    name, url = infer_own_identity(frame, ctx)
    raw = pl.col("direction_raw").str.to_uppercase()
    by_url = pl.col("sender_url").str.strip_chars("/") == (url or "").rstrip("/")
    by_name = pl.col("from_name") == (name or "")
    # Late-2024 files flag unsent drafts: never sent, never received, never a conversation.
    draft = (pl.col("message_draft").fill_null(False)
             | pl.col("conversation_draft").fill_null(False))
    sent = (
        pl.when(raw == "OUTGOING").then(True)
        .when(raw == "INCOMING").then(False)
        .when(pl.lit(url is not None) & pl.col("sender_url").is_not_null()).then(by_url)
        .when(pl.lit(name is not None)).then(by_name)
        .otherwise(None)
    )
    frame = frame.with_columns(draft.alias("draft")).with_columns(
        pl.when(pl.col("draft")).then(pl.lit("draft"))
        .when(sent).then(pl.lit("sent")).when(~sent).then(pl.lit("received"))
        .otherwise(None).alias("direction"),
    )
    # 2018 archives have no conversation id: group by the other participant and the subject.
    # Later layouts have the column; a row without an id there (a draft of a new
    # conversation) keeps none: no id is invented.
    has_ids = any(normalise_header(h) == "conversationid" for h in notes.header)
    missing_id = 0 if has_ids else frame["conversation_id"].null_count()
    if missing_id:
        other = pl.when(pl.col("direction") == "sent").then(pl.col("to_names")).otherwise(
            pl.col("from_name"))
        derived = pl.concat_str(
            [pl.lit("derived-"), pl.concat_str([other.fill_null(""),
             pl.col("subject").fill_null("")], separator="|").hash().cast(pl.String)]
        )
        frame = frame.with_columns(pl.coalesce("conversation_id", derived).alias("conversation_id"))
        notes.repaired(Notice("readers_repair_conversation_ids"), missing_id)
    # "LinkedIn Member" is also a real person whose account is gone or hidden: in a
    # conversation the member took part in, they are a correspondent. A sponsored message
    # is a conversation titled so, or a one-way conversation whose sender has no name and
    # no profile.
    no_sender = ((pl.col("from_name").fill_null("").str.strip_chars().is_in(["", HIDDEN_MEMBER]))
                 & pl.col("sender_url").is_null() & ~pl.col("draft"))
    # Only the few conversations with such a sender are looked into (a window over every
    # conversation of a 300,000-message file costs more than the whole rest of this step).
    anonymous = frame.filter(no_sender)["conversation_id"].drop_nulls().unique()
    spoke = frame.filter((pl.col("direction") == "sent")
                         & pl.col("conversation_id").is_in(anonymous.implode())
                         )["conversation_id"].unique()
    one_way = ~pl.col("conversation_id").is_in(spoke.implode()).fill_null(False)
    frame = frame.with_columns(
        (~pl.col("draft") & (
            (pl.col("conversation_title").str.strip_chars() == SPONSORED_TITLE).fill_null(False)
            | (no_sender & one_way)
        )).alias("sponsored"),
    )
    drafts = int(frame["draft"].sum())
    if drafts:
        notes.repaired(Notice("readers_repair_unsent_drafts"), drafts)
    unknown = frame["direction"].null_count()
    if unknown:
        notes.warnings.append(Notice("readers_direction_unknown", count=unknown))
    return frame


def _messages_variant(header: set[str], notes: ReadNotes) -> str:
    if "direction" in header:
        return "2018 layout (7 columns, Direction given)"
    if "ismessagedraft" in header or "isconversationdraft" in header:
        return "12 columns, draft flags (late 2024 on)"
    if "attachments" in header:
        return "11 columns, ATTACHMENTS (late 2024 on)"
    if "recipientprofileurls" in header:
        return "10 columns (2023 on)"
    return "9 columns (2021–22, no recipient URLs)"


MESSAGES = DatasetSpec(
    name="messages",
    filename="messages.csv",
    keys=("messages",),
    signatures=(frozenset({"from", "to", "date", "content"}),),
    columns=(
        Column("conversation_id", ("conversationid",), ID),
        Column("conversation_title", ("conversationtitle",)),
        Column("from_name", ("from",)),
        Column("sender_url", ("senderprofileurl",), ID),
        Column("to_names", ("to",)),
        Column("recipient_urls", ("recipientprofileurls",), ID),
        Column("sent_at", ("date",), TIMESTAMP, ("%Y-%m-%d %H:%M:%S UTC", "%m/%d/%y, %I:%M %p")),
        Column("subject", ("subject",), FREE),
        Column("content", ("content",), FREE),
        Column("folder", ("folder",), ID),
        # Links to attached files (late 2024 on): two messages of one second can differ only
        # here, so the column is kept (the analysis does not use it; redaction removes it).
        Column("attachments", ("attachments",), ID),
        Column("direction_raw", ("direction",), ID),
        Column("message_draft", ("ismessagedraft",), BOOL),
        Column("conversation_draft", ("isconversationdraft",), BOOL),
    ),
    derived={"direction": pl.String, "sponsored": pl.Boolean, "draft": pl.Boolean},
    order=("conversation_id", "conversation_title", "from_name", "sender_url", "to_names",
           "recipient_urls", "sent_at", "subject", "content", "folder", "attachments",
           "direction", "sponsored", "draft"),
    time_column="sent_at",
    describe="messages sent and received",
    finish=_finish_messages,
    variant=_messages_variant,
)
