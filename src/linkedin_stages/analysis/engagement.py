"""Engagement received, from LinkedIn's content-analytics workbooks (`analytics.Analytics`),
joined to what the member did: top posts matched to the archive's posts, engagement a month
and by kind of post, and the months of the timeline gaining those figures.

The workbooks are read by `analytics.load_analytics` (the loading layer); nothing here reads a
file. The posts come in as the frame `metrics.classify_posts` returns.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import polars as pl

from .model import Coverage, Engagement, MonthFigures, TotalsFrom

if TYPE_CHECKING:  # the workbook reader is imported only when a workbook is given
    from ..analytics import Analytics

__all__ = [
    "ID_TIME_TOLERANCE",
    "MATCHED_COLUMNS",
    "MATCHER_COLUMNS",
    "Coverage",
    "MonthFigures",
    "coverage",
    "engagement_by_kind",
    "id_time",
    "match_top_posts",
    "matcher_columns",
    "monthly_engagement",
    "with_engagement",
]

MATCHED_COLUMNS = ("timestamp", "post_urn", "post_urn_id", "kind", "link", "words", "match")
# The columns of the posts that the workbook matchers (top posts here, per-post workbooks in
# post_engagement.py) read and copy onto what they match.
MATCHER_COLUMNS: dict[str, pl.DataType | type[pl.DataType]] = {
    "timestamp": pl.Datetime("us"), "post_urn": pl.String, "urn_id": pl.String,
    "kind": pl.String, "link": pl.String, "words": pl.Int64}


def matcher_columns(posts: pl.DataFrame) -> pl.DataFrame:
    """`posts`' MATCHER_COLUMNS, cast to their types (null where `posts` lacks one)."""
    return posts.select(
        [(pl.col(c).cast(t) if c in posts.columns else pl.lit(None, dtype=t)).alias(c)
         for c, t in MATCHER_COLUMNS.items()])


ID_EPOCH = datetime(1970, 1, 1)  # LinkedIn ids carry their creation time: ms since then
ID_TIME_SHIFT = 22  # … in the bits above the lowest 22
# How far the creation time in a workbook post's id may be from an archive post's timestamp
# for the two to be one post. Shares.csv writes each post's timestamp in UTC, within a second
# of the time its own share id carries (measured on nine real archives), and a post's
# activity is created with it. Tried against an unrelated member's archive, ten minutes
# let posts 33 s and 128 s apart match on two real workbooks of 54 and 65 top posts: a few
# seconds tell one post from a stranger's posted the same minute.
ID_TIME_TOLERANCE = timedelta(seconds=5)
WHOLE_MINUTE = timedelta(minutes=1)  # a timestamp written to the minute (a re-saved file)


def id_time_gap(moment: datetime, created: datetime) -> timedelta:
    """How far `created` (an id's time) is from a post's `moment`; a moment on a whole
    minute may be a timestamp written without seconds, so it stands for that minute."""
    if moment.second or moment.microsecond:
        return abs(moment - created)
    if moment <= created < moment + WHOLE_MINUTE:
        return timedelta(0)
    return moment - created if created < moment else created - (moment + WHOLE_MINUTE)


def id_time(urn_id: str | None) -> datetime | None:
    """The creation time (UTC, naive) a LinkedIn id (`urn:li:activity:<id>`, share,
    ugcPost) carries in its high bits, or None when the id is not such a number."""
    if not urn_id or not urn_id.isdigit() or len(urn_id) > 20:
        return None
    moment = ID_EPOCH + timedelta(milliseconds=int(urn_id) >> ID_TIME_SHIFT)
    return moment if datetime(2003, 5, 1) <= moment <= datetime(2100, 1, 1) else None


def match_top_posts(analytics: Analytics, posts: pl.DataFrame
                    ) -> tuple[pl.DataFrame, dict[str, int]]:
    """TOP POSTS joined to the member's posts (`classify_posts`: timestamp, urn_id, kind, …).

    The rule (docs/FORMAT.md, "Analytics workbook"):

    1. **By id**: the workbook's `urn:li:activity:<id>` and the archive's `share:`/`ugcPost:`
       id are the same number → matched, whatever the URN types.
    2. **By date, with a second signal that agrees**, for the rest: the workbook's publish
       date is the post's date (one day either way, for the member's time zone) **and** the
       creation time carried by the workbook's id is within `ID_TIME_TOLERANCE` of the
       post's timestamp (a timestamp on a whole minute stands for that minute), and of no
       other unmatched post of the member. A date alone never matches: against another
       member's archive most days with a top post hold a post of theirs too, never one
       posted within seconds of it.
    3. The rest stay unmatched; those published the day of one of the member's posts (a
       match the date alone would have made) are counted as `refused_by_date`.

    Returns every TOP POSTS row with the matched post's `timestamp`, `post_urn`,
    `post_urn_id`, `kind`, `link`, `words` (null when unmatched) and `match` ("id", "date"
    or null), and the counts {"top_posts", "matched_by_id", "matched_by_date",
    "unmatched", "refused_by_date"}."""
    top = analytics.top_posts.with_row_index("_t")
    own = matcher_columns(posts).filter(pl.col("timestamp").is_not_null()).with_row_index("_p")
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
    left = [(moment, index) for index, moment in zip(own["_p"], own["timestamp"], strict=True)
            if index not in used]
    days_left = {moment.date() for moment, _index in left}
    refused = 0
    # closest pairs first, so that two posts a few minutes apart each find their own
    candidates: list[tuple[timedelta, int, int]] = []
    for index, published, urn_id in zip(top["_t"], top["published"], top["urn_id"],
                                        strict=True):
        if index in pairs or published is None:
            continue
        created = id_time(urn_id)
        near = [] if created is None else [
            (id_time_gap(moment, created), p_index) for moment, p_index in left
            if id_time_gap(moment, created) <= ID_TIME_TOLERANCE
            and abs((moment.date() - published).days) <= 1]
        if len(near) == 1:
            candidates.append((near[0][0], index, near[0][1]))
        elif published in days_left:
            refused += 1
    for _gap, t_index, p_index in sorted(candidates):
        if p_index not in used:
            pairs[t_index] = (p_index, "date")
            used.add(p_index)
        elif top["published"][t_index] in days_left:
            refused += 1
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
    counts["refused_by_date"] = refused
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


def coverage(analytics: Analytics, monthly: pl.DataFrame | None = None) -> Coverage:
    """What the workbooks say of their whole period, and what their daily rows cover
    (`monthly`: `monthly_engagement(analytics)`, when the caller has it already)."""
    daily, followers = analytics.daily, analytics.followers_daily
    totals = analytics.totals
    totals_from: TotalsFrom = ("merged" if len(analytics.files) > 1
                               else "period" if "impressions" in totals else "daily")
    daily_impressions = int(daily["impressions"].sum()) if daily.height else 0
    daily_engagements = int(daily["engagements"].sum()) if daily.height else 0
    impressions = totals.get("impressions") if totals_from == "period" else (
        daily_impressions if daily.height else None)
    new = followers["new_followers"].drop_nulls() if followers.height else None
    by_month = monthly_engagement(analytics) if monthly is None else monthly
    months = tuple(
        MonthFigures(row["month"], int(row["days"]), int(row["impressions"] or 0),
                     int(row["engagements"] or 0),
                     None if row["new_followers"] is None else int(row["new_followers"]))
        for row in by_month.iter_rows(named=True) if row["days"])
    return Coverage(
        period=analytics.period, totals_from=totals_from, impressions=impressions,
        members_reached=totals.get("members_reached") if totals_from == "period" else None,
        engagements=totals.get("engagements") if totals_from == "period" else None,
        followers_total=analytics.followers_total, followers_on=analytics.followers_on,
        daily_first=daily["date"].min() if daily.height else None,  # type: ignore[arg-type]
        daily_last=daily["date"].max() if daily.height else None,  # type: ignore[arg-type]
        daily_days=daily.height, daily_impressions=daily_impressions,
        daily_engagements=daily_engagements,
        followers_first=followers["date"].min() if followers.height else None,  # type: ignore[arg-type]
        followers_last=followers["date"].max() if followers.height else None,  # type: ignore[arg-type]
        new_followers=int(new.sum()) if new is not None and new.len() else None,
        months=months)


def with_engagement(monthly: pl.DataFrame, posts: pl.DataFrame,
                    analytics: Analytics) -> tuple[pl.DataFrame, Engagement]:
    """The timeline's monthly frame with impressions, engagements, new_followers and
    engagement_rate joined on (null for the months no workbook covers), and the `Engagement`
    evidence: summary, top posts matched, rate by kind, months covered, demographics and
    the workbooks' `Coverage`."""
    from ..analytics import AnalyticsSummary  # a workbook was given: its reader is loaded

    by_month = monthly_engagement(analytics)  # grouped once: the join and the coverage
    per_month = by_month.select(
        "month", "impressions", "engagements", "new_followers", "engagement_rate")
    monthly = monthly.join(per_month, on="month", how="left")
    matched, counts = match_top_posts(analytics, posts)
    known = set(monthly["month"])
    covered = tuple(m for m in per_month["month"].to_list() if m in known)
    return monthly, Engagement(
        summary=AnalyticsSummary.of(analytics), matching=counts,
        by_kind=engagement_by_kind(matched), months=covered,
        demographics=analytics.demographics, coverage=coverage(analytics, by_month))
