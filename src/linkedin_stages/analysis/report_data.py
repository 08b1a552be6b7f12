"""Everything the report shows, computed: the timeline, the sections' analysis and the
archive's facts, in one frozen `ReportData` (`analyze_for_report`).

The views (`report/`) only word and lay out what is here: no `Export` and no group-by reach
them. Redaction (`redact.py`) takes a `ReportData` and returns another, naming nobody, and
says so in its `redaction` field — the only way a view learns the report is redacted."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from .model import PostKind, Timeline, post_kind
from .network import JoinedDuring, joined_by_stage
from .rhythm import PostingRhythm, posting_rhythm
from .voice import Voice, voice

if TYPE_CHECKING:
    from ..export import ArchiveKind, Export

__all__ = ["ArchiveFacts", "AudienceItem", "DatasetFound", "EngagementFigures", "Figure",
           "KindEngagement",
           "MonthEngagement", "RedactionInfo", "ReportData", "analyze_for_report",
           "archive_facts", "engagement_figures"]

AUDIENCE_SHOWN = 3  # top values per demographic category


@dataclass(frozen=True)
class DatasetFound:
    name: str  # the dataset (readers' name: "shares", "connections", …)
    file: str  # the file it was read from, as the archive names it
    rows: int
    first: date | None  # its first and last dated record
    last: date | None


@dataclass(frozen=True)
class ArchiveFacts:
    """What the About section says of the archive itself."""

    member_name: str | None
    location_name: str | None  # the export's file or folder name (None: not to be shown)
    archive: ArchiveKind
    datasets: tuple[DatasetFound, ...]  # the datasets found, in reading order
    missing: tuple[str, ...]  # the datasets the archive lacks
    warnings: tuple[str, ...]  # each file's warnings, then the export's


@dataclass(frozen=True)
class KindEngagement:
    kind: PostKind
    posts: int
    impressions_per_post: float | None
    engagements_per_post: float | None
    rate: float | None


@dataclass(frozen=True)
class MonthEngagement:
    month: str
    impressions: int
    engagements: int
    rate: float | None
    new_followers: int | None
    in_archive: bool = True  # a month of the archive's timeline too


@dataclass(frozen=True)
class AudienceItem:
    category: str
    value: str
    share: float | None


@dataclass(frozen=True)
class Figure:
    """One headline number and the days it covers (`first` None: a count on `last`)."""

    value: int | None  # None: the workbooks do not say
    first: date | None
    last: date | None


@dataclass(frozen=True)
class EngagementFigures:
    """What others did with the member's posts (the analytics workbook, `--analytics`).

    The headline is the workbooks' own: their totals for their period (`totals_from`:
    "period", "daily" when the workbook states none and they are its daily rows' sums,
    "merged" when several workbooks are summed over their daily rows), each figure with
    the days it covers. `daily` is what the daily rows (the month table) add up to; the
    archive's months and the months both cover say what the timeline can show."""

    files: tuple[str, ...]  # workbook file names
    period: tuple[date, date] | None  # the workbooks' period (merged: the union)
    totals_from: str  # "period" | "daily" | "merged"
    impressions: Figure
    members_reached: Figure
    engagements: Figure  # stated with the period's totals, else the daily rows' sum
    followers_total: Figure  # on `last`
    new_followers: Figure  # over the daily follower rows
    daily: Figure  # the daily rows' impressions, over the days they cover
    daily_engagements: int
    archive_months: tuple[str, str]  # the archive's first and last month
    overlap: tuple[str, str] | None  # first and last month both cover (None: none)
    overlap_impressions: int  # over the months both cover
    overlap_engagements: int
    matched: int  # top posts matched to the archive's posts
    matched_by_id: int
    matched_by_date: int  # same day and the id's creation time agreeing
    refused_by_date: int  # same day as a post of the member, nothing else agreeing
    top_posts: int
    by_kind: tuple[KindEngagement, ...]
    months: tuple[MonthEngagement, ...]  # the daily rows' months
    audience: tuple[AudienceItem, ...]  # top values of each category, categories in order


@dataclass(frozen=True)
class RedactionInfo:
    """How a `ReportData` was redacted (`redact.py`); the report's banner says it."""

    lang: str  # language of the pseudonyms
    companies: bool  # companies pseudonymised too
    people: int  # pseudonyms given
    organisations: int  # company pseudonyms given (0 unless `companies`)


@dataclass(frozen=True)
class ReportData:
    timeline: Timeline
    archive: ArchiveFacts
    zone: str  # IANA time zone of the rhythm's hours
    joined: tuple[JoinedDuring, ...]
    rhythm: PostingRhythm | None  # None: no dated post
    voice: Voice
    engagement: EngagementFigures | None
    redaction: RedactionInfo | None = None  # set by redaction only


def archive_facts(export: Export) -> ArchiveFacts:
    warnings: list[str] = []
    for report in export.reports.values():
        warnings += report.warnings
    warnings += [w for w in export.warnings if w not in warnings]
    return ArchiveFacts(
        member_name=export.member_name,
        location_name=export.location.name,
        archive=export.archive,
        datasets=tuple(DatasetFound(name, r.file, r.rows, r.first, r.last)
                       for name, r in export.reports.items()),
        missing=tuple(export.missing),
        warnings=tuple(warnings))


def _optional(value: float | None) -> float | None:
    return None if value is None else float(value)


def engagement_figures(timeline: Timeline) -> EngagementFigures | None:
    engagement = timeline.engagement
    if engagement is None:
        return None
    summary, matching = engagement.summary, engagement.matching
    cover = engagement.coverage
    if cover is None:  # only `engagement.with_engagement` builds one, always with it
        raise ValueError("the timeline's engagement has no coverage")
    by_kind = tuple(
        KindEngagement(post_kind(row["kind"]), int(row["posts"]),
                       _optional(row.get("impressions_per_post")),
                       _optional(row.get("engagements_per_post")), _optional(row.get("rate")))
        for row in engagement.by_kind.iter_rows(named=True))
    archive = {m.month for m in timeline.months}
    months = tuple(
        MonthEngagement(m.month, m.impressions, m.engagements,
                        m.engagements / m.impressions if m.impressions else None,
                        m.new_followers, m.month in archive)
        for m in cover.months)
    both = [m for m in months if m.in_archive]
    audience: list[AudienceItem] = []
    demographics = engagement.demographics
    if demographics.height:
        for category in dict.fromkeys(demographics["category"].to_list()):
            top = demographics.filter(pl.col("category") == category).head(AUDIENCE_SHOWN)
            audience += [AudienceItem(str(category), str(value), _optional(share))
                         for value, share in zip(top["value"], top["share"], strict=True)]
    start, end = cover.period or (cover.daily_first, cover.daily_last)
    daily = Figure(cover.daily_impressions if cover.daily_days else None,
                   cover.daily_first, cover.daily_last)
    engagements = (Figure(cover.engagements, start, end) if cover.engagements is not None
                   else Figure(cover.daily_engagements if cover.daily_days else None,
                               cover.daily_first, cover.daily_last))
    by_id, by_date = int(matching.get("matched_by_id", 0)), int(matching.get("matched_by_date", 0))
    return EngagementFigures(
        files=tuple(Path(f).name for f in summary.files),
        period=cover.period,
        totals_from=cover.totals_from,
        impressions=Figure(cover.impressions, start, end) if cover.totals_from == "period"
        else daily,
        members_reached=Figure(cover.members_reached, start, end),
        engagements=engagements,
        followers_total=Figure(cover.followers_total, None, cover.followers_on),
        new_followers=Figure(cover.new_followers, cover.followers_first, cover.followers_last),
        daily=daily,
        daily_engagements=cover.daily_engagements,
        archive_months=(timeline.months[0].month, timeline.months[-1].month),
        overlap=(both[0].month, both[-1].month) if both else None,
        overlap_impressions=sum(m.impressions for m in both),
        overlap_engagements=sum(m.engagements for m in both),
        matched=by_id + by_date, matched_by_id=by_id, matched_by_date=by_date,
        refused_by_date=int(matching.get("refused_by_date", 0)),
        top_posts=int(matching.get("top_posts", 0)),
        by_kind=by_kind, months=months, audience=tuple(audience))


def analyze_for_report(export: Export, timeline: Timeline, *, zone: str) -> ReportData:
    """What the report of `export` (whose analysis is `timeline`) shows, hours in `zone`
    (an IANA name, already checked)."""
    if not timeline.months:
        raise ValueError("the timeline has no months")
    months = [m.month for m in timeline.months]
    return ReportData(
        timeline=timeline,
        archive=archive_facts(export),
        zone=zone,
        joined=joined_by_stage(export.tables["connections"], timeline.months),
        rhythm=posting_rhythm(timeline.posts, months, zone),
        voice=voice(timeline.posts, timeline.months),
        engagement=engagement_figures(timeline),
    )
