"""From an export to evidence: the member's posts classified, then one row of metrics a month.

Everything is a polars expression over the datasets; nothing here loops over rows in Python.
"""

from __future__ import annotations

from datetime import date, datetime

import polars as pl

from ..export import Export
from ..months import month_start
from .model import OWN_KINDS, POST_KINDS, FrameSchema, PostKind
from .text_signals import detect_languages, substantive_comment, with_text_signals
from .thresholds import Thresholds

__all__ = ["BASE_MONTHLY_SCHEMA", "BASE_POSTS_SCHEMA", "METRICS", "MONTHLY_SCHEMA", "OWN_KINDS",
           "POSTS_SCHEMA", "POST_KINDS", "SIGNAL_METRICS", "add_text_signals", "classify_posts",
           "monthly_metrics", "post_kinds", "signal_counts", "span", "topic_focus",
           "with_signal_counts"]

# The monthly metrics, in the order of the JSON/CSV outputs.
METRICS: tuple[str, ...] = (
    "reactions", "comments", "replies_own", "reposts", "curated_shares", "commented_shares",
    "original_posts", "articles", "media_uploads", "words", "business_posts", "personal_posts",
    "topic_focus", "business_unknown_posts", "stock_posts", "stock_shares",
    "substantive_comments",
    "active_weeks",
    "posting_days", "connections_added", "connections_total", "invitations_in",
    "invitations_out", "messages_sent", "messages_received", "new_conversations",
    "outreach", "conversations_with_new_connections", "saved_items", "votes",
)
# The metrics counted from the posts' text signals, added once those are known.
SIGNAL_METRICS: tuple[str, ...] = ("business_posts", "personal_posts", "topic_focus",
                                   "business_unknown_posts", "stock_posts", "stock_shares")

# `post_kinds`: one row a post (shares and published articles), oldest first.
BASE_POSTS_SCHEMA = FrameSchema({
    "timestamp": pl.Datetime("us"),
    "post_urn": pl.String(),
    "urn_id": pl.String(),  # the id comments and analytics point to
    "link": pl.String(),  # the post's (or article's) LinkedIn URL
    "kind": pl.String(),  # a PostKind
    "text": pl.String(),  # the commentary (an article: its title, a line break, its body)
    "words": pl.Int64(),
    "shared_domain": pl.String(),  # the shared link's domain, for curated/commented shares
    "own_media": pl.Boolean(),  # the member's own image, video or document
})
# `add_text_signals` / `classify_posts`: the same with the text signals (see text_signals.py).
POSTS_SCHEMA = FrameSchema({
    **BASE_POSTS_SCHEMA.columns,
    # ISO 639-1 code (own posts only; null: not identified, or too short to tell)
    "language": pl.String(),
    "business_words": pl.List(pl.String()),  # calls to action found, repeats kept
    # personal voice (own posts only); null: a language without a lexicon
    "personal": pl.Boolean(),
    "business": pl.Boolean(),  # business intent (own posts only); null: unknown (see above)
    "stock": pl.Boolean(),  # one of LinkedIn's templated posts (any kind), not a voice
    "hashtags": pl.List(pl.String()),  # lower-case
})
# `with_signal_counts`: one row a month, `month` (YYYY-MM) then every metric of METRICS.
MONTHLY_SCHEMA = FrameSchema({
    "month": pl.String(),
    **{metric: pl.Float64() if metric == "topic_focus" else pl.Int64() for metric in METRICS},
})
# `monthly_metrics`: the same before the text signals are known (no SIGNAL_METRICS).
BASE_MONTHLY_SCHEMA = FrameSchema({name: dtype for name, dtype in MONTHLY_SCHEMA.columns.items()
                                   if name not in SIGNAL_METRICS})


def _by_month(frame: pl.DataFrame | pl.LazyFrame, column: str, *aggs: pl.Expr) -> pl.LazyFrame:
    """Group by calendar month (truncating is cheaper than formatting 300,000 dates), then
    name the months `YYYY-MM` on the few result rows."""
    return (frame.lazy().filter(pl.col(column).is_not_null())
            .group_by(pl.col(column).dt.truncate("1mo").alias("month")).agg(*aggs)
            .with_columns(pl.col("month").dt.strftime("%Y-%m")))


def classify_posts(export: Export, thresholds: Thresholds) -> pl.DataFrame:
    """`post_kinds` with the text signals (`add_text_signals`): a POSTS_SCHEMA frame."""
    return add_text_signals(post_kinds(export, thresholds))


def add_text_signals(posts: pl.DataFrame) -> pl.DataFrame:
    """Each own post's language, then business intent and personal voice in it (own posts
    only: False for the others; null where the language has no lexicon and nothing
    language-neutral shows business), stock posts (any kind; a stock post has neither), and
    hashtags. Only own posts' languages are identified: shares and reposts carry no signal
    that needs one."""
    own = pl.col("kind").is_in(OWN_KINDS)
    own_text = posts.select(pl.when(own).then(pl.col("text")).alias("text"))["text"]
    with_language = posts.with_columns(detect_languages(own_text).alias("language"))
    voiced = own & ~pl.col("stock")
    classified = with_text_signals(with_language, "text").with_columns(
        (pl.col("business") & voiced).alias("business"),
        (pl.col("personal") & voiced).alias("personal"),
    ).select(POSTS_SCHEMA.names)
    return POSTS_SCHEMA.check(classified, "add_text_signals (the classified posts)")


def post_kinds(export: Export, thresholds: Thresholds) -> pl.DataFrame:
    """The member's shares and published articles, one row each, with their kind and signals.

    Rules (docs/stage-model.md): a share of someone else's link is `commented_share` when its
    own text has at least `commentary_words` words, else `curated_share`; without a link it is
    `original` when it says at least `original_min_words` words or carries the member's own
    media, else `reshare` (a repost with a few words: LinkedIn drops the parent's URL)."""
    shares = export.shares

    def as_kind(kind: PostKind) -> pl.Expr:
        return pl.lit(kind)

    link = pl.col("shared_url").is_not_null()
    kind = (
        pl.when(link & (pl.col("word_count") >= thresholds.commentary_words))
        .then(as_kind("commented_share"))
        .when(link).then(as_kind("curated_share"))
        .when((pl.col("word_count") >= thresholds.original_min_words) | pl.col("own_media"))
        .then(as_kind("original"))
        .otherwise(as_kind("reshare"))
    )
    posts = shares.select(
        pl.col("timestamp"),
        pl.col("post_urn"),
        pl.col("urn_id"),
        pl.col("share_link").alias("link"),
        kind.alias("kind"),
        pl.col("commentary").alias("text"),
        pl.col("word_count").cast(pl.Int64).alias("words"),
        pl.col("shared_domain"),
        pl.col("own_media"),
    )
    articles = export.articles.filter(~pl.col("draft") & pl.col("published").is_not_null())
    article_rows = articles.select(
        pl.col("published").alias("timestamp"),
        pl.lit(None, dtype=pl.String).alias("post_urn"),
        pl.lit(None, dtype=pl.String).alias("urn_id"),
        pl.col("url").alias("link"),
        as_kind("article").alias("kind"),
        pl.concat_str([pl.col("title").fill_null(""), pl.lit("\n"), pl.col("body").fill_null("")])
        .alias("text"),
        pl.col("word_count").cast(pl.Int64).alias("words"),
        pl.lit(None, dtype=pl.String).alias("shared_domain"),
        pl.lit(False).alias("own_media"),
    )
    posts = pl.concat([posts, article_rows], how="vertical_relaxed")
    return BASE_POSTS_SCHEMA.check(
        posts.filter(pl.col("timestamp").is_not_null()).sort("timestamp"), "post_kinds")


def span(export: Export, posts: pl.DataFrame) -> tuple[str, str] | None:
    """First and last month to judge: registration (or first activity) to the last activity."""
    stamps: list[datetime | date] = []
    for frame, column in (
        (export.registration, "registered_at"), (export.connections, "connected_on"),
        (export.messages, "sent_at"), (posts, "timestamp"), (export.comments, "timestamp"),
        (export.reactions, "timestamp"), (export.reposts, "timestamp"),
        (export.invitations, "sent_at"), (export.votes, "timestamp"),
        # Media the member uploads is their own activity, even with nothing else dated.
        (export.rich_media, "timestamp"),
    ):
        if frame.height:
            values = frame[column].drop_nulls()
            if values.len():
                stamps += [values.min(), values.max()]  # type: ignore[list-item]
    if not stamps:
        return None
    first = export.registration["registered_at"].drop_nulls()
    start = min(first) if first.len() else min(stamps)
    return f"{start:%Y-%m}", f"{max(stamps):%Y-%m}"


def monthly_metrics(export: Export, posts: pl.DataFrame, months: list[str]) -> pl.DataFrame:
    """One row per month in `months`, every metric of METRICS but the text signals, which
    `with_signal_counts` adds once they are known (zeros where nothing happened).

    Each group of metrics is a lazy query; `pl.collect_all` runs them side by side, so the
    300,000-message group-bys overlap with the others on a second core."""
    own_ids = posts.get_column("urn_id").drop_nulls().unique()
    comments = export.comments.lazy().with_columns(
        pl.col("urn_id").is_in(own_ids.implode()).alias("own"))
    by_kind = _by_month(
        posts, "timestamp",
        (pl.col("kind") == "curated_share").sum().alias("curated_shares"),
        (pl.col("kind") == "commented_share").sum().alias("commented_shares"),
        (pl.col("kind") == "original").sum().alias("original_posts"),
        (pl.col("kind") == "article").sum().alias("articles"),
        (pl.col("kind") == "reshare").sum().alias("reshares"),
        pl.col("words").filter(pl.col("kind").is_in(OWN_KINDS)).sum().alias("words"),
        pl.col("timestamp").dt.date().n_unique().alias("posting_days"),
    )
    speaking = pl.concat([posts.lazy().select("timestamp"), comments.select("timestamp")])
    weeks = _by_month(speaking, "timestamp",
                      pl.col("timestamp").dt.truncate("1w").n_unique().alias("active_weeks"))

    # Unsent drafts are neither sent nor a conversation; sponsored messages are ads.
    messages = export.messages.lazy().filter(~pl.col("sponsored") & ~pl.col("draft")
                                             & pl.col("sent_at").is_not_null())
    # The first message of each conversation: who started it, with whom, when. Collected
    # once (two results use it); months as integer keys, named only on the few result rows.
    month_key = (pl.col("sent_at").dt.year() * 100 + pl.col("sent_at").dt.month()).alias("key")
    other = (pl.when(pl.col("direction") == "sent").then(pl.col("to_names"))
             .otherwise(pl.col("from_name")))
    first_messages = (
        messages.select(pl.col("conversation_id").cast(pl.Categorical), "sent_at", "direction",
                        "to_names", "from_name")
        .filter(pl.col("conversation_id").is_not_null()
                & (pl.col("sent_at") == pl.col("sent_at").min().over("conversation_id")))
        .unique("conversation_id", keep="first")
        .select(month_key, "direction", other.alias("other"))
    ).collect().lazy()
    connections = export.connections.lazy().filter(pl.col("connected_on").is_not_null())
    new_names = connections.select(
        (pl.col("connected_on").dt.year() * 100 + pl.col("connected_on").dt.month())
        .alias("key"), pl.col("full_name").alias("other"))

    def named(frame: pl.LazyFrame) -> pl.LazyFrame:
        key = pl.col("key")
        return frame.with_columns(pl.format("{}-{}", key // 100,
                                            (key % 100).cast(pl.String).str.zfill(2))
                                  .alias("month")).drop("key")

    parts = [
        _by_month(export.reactions, "timestamp", pl.len().alias("reactions")),
        _by_month(comments, "timestamp", pl.len().alias("comments"),
                  pl.col("own").sum().alias("replies_own"),
                  # in others' threads, no language identified (see text_signals)
                  (substantive_comment("message", "word_count") & ~pl.col("own")).sum()
                  .alias("substantive_comments")),
        _by_month(export.reposts, "timestamp", pl.len().alias("instant_reposts")),
        by_kind, weeks,
        _by_month(connections, "connected_on", pl.len().alias("connections_added")),
        _by_month(export.invitations, "sent_at",
                  (pl.col("direction") == "incoming").sum().alias("invitations_in"),
                  (pl.col("direction") == "outgoing").sum().alias("invitations_out")),
        _by_month(messages, "sent_at",
                  (pl.col("direction") == "sent").sum().alias("messages_sent"),
                  (pl.col("direction") == "received").sum().alias("messages_received")),
        named(first_messages.group_by("key").agg(
            pl.len().alias("new_conversations"),
            (pl.col("direction") == "sent").sum().alias("outreach"))),
        named(first_messages.join(new_names, on=["key", "other"], how="semi")
              .group_by("key").agg(pl.len().alias("conversations_with_new_connections"))),
        _by_month(export.saved_items, "timestamp", pl.len().alias("saved_items")),
        _by_month(export.votes, "timestamp", pl.len().alias("votes")),
        _by_month(export.rich_media, "timestamp", pl.len().alias("media_uploads")),
        # Compared as datetimes: cheaper than formatting 100,000 dates.
        connections.filter(pl.col("connected_on") < month_start(months[0])).select(
            pl.len().alias("before")),
    ]
    *counts, before = pl.collect_all(parts)
    frame = pl.DataFrame({"month": months})
    for part in counts:
        frame = frame.join(part, on="month", how="left")
    numeric = [c for c in frame.columns if c != "month"]
    frame = frame.with_columns(pl.col(numeric).fill_null(0).cast(pl.Int64))
    frame = frame.with_columns(
        (pl.col("instant_reposts") + pl.col("reshares")).alias("reposts"),
        (pl.col("connections_added").cum_sum() + before.item()).alias("connections_total"),
    )
    return BASE_MONTHLY_SCHEMA.check(frame.select(BASE_MONTHLY_SCHEMA.names), "monthly_metrics")


def signal_counts(posts: pl.DataFrame) -> pl.DataFrame:
    """Business and personal posts a month, own posts whose business intent is unknown
    (a language without a lexicon, nothing language-neutral), stock posts among the original
    posts and among the shared ones (reshares, curated shares), and its topic focus (once the
    text signals are known)."""
    kind = pl.col("kind")
    counts = _by_month(
        posts, "timestamp", pl.col("business").fill_null(False).sum().alias("business_posts"),
        pl.col("personal").fill_null(False).sum().alias("personal_posts"),
        (kind.is_in(OWN_KINDS) & pl.col("business").is_null()).sum()
        .alias("business_unknown_posts"),
        ((kind == "original") & pl.col("stock")).sum().alias("stock_posts"),
        (kind.is_in(["reshare", "curated_share"]) & pl.col("stock")).sum().alias("stock_shares"),
    ).collect()
    return counts.join(topic_focus(posts), on="month", how="left")


def topic_focus(posts: pl.DataFrame) -> pl.DataFrame:
    """`month`, `topic_focus`: the share of the month's own posts (originals, commented shares,
    articles) that carry the month's most used hashtag (0 without own posts). A member who
    writes about one subject, tagged the same way, scores near 1; varied topics score low."""
    own = (posts.lazy().filter(pl.col("kind").is_in(OWN_KINDS)
                               & pl.col("timestamp").is_not_null())
           .with_row_index("post")
           .with_columns(pl.col("timestamp").dt.truncate("1mo").alias("month")))
    tagged = (own.select("month", "post", pl.col("hashtags").list.unique().alias("tag"))
              .explode("tag").drop_nulls("tag")
              .group_by("month", "tag").agg(pl.len().alias("posts"))
              .group_by("month").agg(pl.col("posts").max().alias("top")))
    return (own.group_by("month").agg(pl.len().alias("own"))
            .join(tagged, on="month", how="left")
            .select(pl.col("month").dt.strftime("%Y-%m"),
                    (pl.col("top").fill_null(0) / pl.col("own")).round(3).alias("topic_focus"))
            .collect())


def with_signal_counts(monthly: pl.DataFrame, posts: pl.DataFrame) -> pl.DataFrame:
    """`monthly` (built from posts without signals) completed with the signal counts."""
    monthly = monthly.join(signal_counts(posts), on="month", how="left").with_columns(
        pl.col("business_posts", "personal_posts", "business_unknown_posts", "stock_posts",
               "stock_shares").fill_null(0).cast(pl.Int64),
        pl.col("topic_focus").fill_null(0.0),
    ).select(MONTHLY_SCHEMA.names)
    return MONTHLY_SCHEMA.check(monthly, "with_signal_counts (the monthly metrics)")
