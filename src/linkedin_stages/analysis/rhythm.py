"""When the member posts, in their own time zone: weekday × hour counts, the weeks with a
post and the longest run of them. Converted by polars (a big archive has 70,000 posts)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import polars as pl

from ..months import month_start, plus_months

__all__ = ["PostingRhythm", "posting_rhythm"]

RECENT_WEEKS = 52
PEAK_SLOTS = 3


@dataclass(frozen=True)
class PostingRhythm:
    zone: str  # the IANA zone the hours are in
    posts: int  # dated posts counted
    counts: tuple[tuple[int, ...], ...]  # 7 rows (Monday first) × 24 hours
    peaks: tuple[tuple[int, int, int], ...]  # (weekday, hour, posts) of the busiest slots
    weeks_total: int  # weeks (Monday to Sunday) the timeline spans
    weeks_active: int  # of them, weeks with a post
    recent_active: int  # weeks with a post among the last RECENT_WEEKS of the timeline
    streak_weeks: int  # the longest run of consecutive weeks with a post
    streak_first: date  # Monday of its first week
    streak_last: date  # Monday of its last week


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def posting_rhythm(posts: pl.DataFrame, months: Sequence[str], zone: str
                   ) -> PostingRhythm | None:
    """The rhythm of `posts` (their naive UTC `timestamp`) in `zone` over the timeline's
    `months`; None when no post is dated."""
    if posts.is_empty():
        return None
    local = posts.select(pl.col("timestamp")).drop_nulls().select(
        pl.col("timestamp").dt.replace_time_zone("UTC").dt.convert_time_zone(zone).alias("t"))
    if local.is_empty():
        return None
    counts = [[0] * 24 for _ in range(7)]
    for weekday, hour, n in local.group_by(
            (pl.col("t").dt.weekday() - 1).alias("d"), pl.col("t").dt.hour().alias("h")
    ).len().iter_rows():
        counts[weekday][hour] = n
    weeks: list[date] = local.select(pl.col("t").dt.date().alias("day")).select(
        (pl.col("day") - pl.duration(days=pl.col("day").dt.weekday() - 1)).unique().sort()
    ).to_series().to_list()
    peaks = sorted(((d, h, counts[d][h]) for d in range(7) for h in range(24) if counts[d][h]),
                   key=lambda c: (-c[2], c[0], c[1]))[:PEAK_SLOTS]
    first_day = month_start(months[0]).date()
    last_day = month_start(plus_months(months[-1], 1)).date() - timedelta(days=1)
    total = (_monday(last_day) - _monday(first_day)).days // 7 + 1
    in_span = [w for w in weeks if _monday(first_day) <= w <= _monday(last_day)]
    recent_start = _monday(last_day) - timedelta(weeks=RECENT_WEEKS - 1)
    recent = [w for w in in_span if w >= recent_start]
    best, best_run = (weeks[0], weeks[0]), 1
    run_start, run = weeks[0], 1
    for previous, week in zip(weeks, weeks[1:], strict=False):
        run = run + 1 if (week - previous).days == 7 else 1
        if run == 1:
            run_start = week
        if run > best_run:
            best_run, best = run, (run_start, week)
    return PostingRhythm(
        zone=zone, posts=local.height, counts=tuple(tuple(row) for row in counts),
        peaks=tuple(peaks), weeks_total=total, weeks_active=len(in_span),
        recent_active=len(recent), streak_weeks=best_run, streak_first=best[0],
        streak_last=best[1])
