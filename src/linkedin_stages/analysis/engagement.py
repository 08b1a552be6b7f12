"""Engagement received, from LinkedIn's content-analytics workbooks (`analytics.Analytics`),
joined to what the member did: top posts matched to the archive's posts, engagement a month
and by kind of post, and the months of the timeline gaining those figures.

The workbooks are read by `analytics.load_analytics` (the loading layer); nothing here reads a
file. The posts come in as the frame `metrics.classify_posts` returns.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

import polars as pl

from .model import Engagement

if TYPE_CHECKING:  # the workbook reader is imported only when a workbook is given
    from ..analytics import Analytics

__all__ = [
    "MATCHED_COLUMNS",
    "engagement_by_kind",
    "match_top_posts",
    "monthly_engagement",
    "with_engagement",
]

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
    wanted: dict[str, pl.DataType | type[pl.DataType]] = {
        "timestamp": pl.Datetime("us"), "post_urn": pl.String, "urn_id": pl.String,
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


def with_engagement(monthly: pl.DataFrame, posts: pl.DataFrame,
                    analytics: Analytics) -> tuple[pl.DataFrame, Engagement]:
    """The timeline's monthly frame with impressions, engagements, new_followers and
    engagement_rate joined on (null for the months no workbook covers), and the `Engagement`
    evidence: summary, top posts matched, rate by kind, months covered, demographics."""
    from ..analytics import AnalyticsSummary  # a workbook was given: its reader is loaded

    per_month = monthly_engagement(analytics).select(
        "month", "impressions", "engagements", "new_followers", "engagement_rate")
    monthly = monthly.join(per_month, on="month", how="left")
    matched, counts = match_top_posts(analytics, posts)
    known = set(monthly["month"])
    covered = tuple(m for m in per_month["month"].to_list() if m in known)
    return monthly, Engagement(summary=AnalyticsSummary.of(analytics), matching=counts,
                               by_kind=engagement_by_kind(matched), months=covered,
                               demographics=analytics.demographics)
