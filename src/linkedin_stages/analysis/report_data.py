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

__all__ = ["ArchiveFacts", "AudienceItem", "DatasetFound", "EngagementFigures", "KindEngagement",
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


@dataclass(frozen=True)
class AudienceItem:
    category: str
    value: str
    share: float | None


@dataclass(frozen=True)
class EngagementFigures:
    """What others did with the member's posts (the analytics workbook, `--analytics`)."""

    files: tuple[str, ...]  # workbook file names
    period: tuple[str | None, str | None]  # first and last month the workbooks cover
    impressions: int
    engagements: int
    new_followers: int | None  # None: no month tells
    followers_total: int | None
    matched: int  # top posts matched to the archive's posts
    top_posts: int
    by_kind: tuple[KindEngagement, ...]
    months: tuple[MonthEngagement, ...]  # the months with impressions
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
    monthly = timeline.monthly.filter(pl.col("impressions").is_not_null())
    followers = monthly["new_followers"].drop_nulls()
    by_kind = tuple(
        KindEngagement(post_kind(row["kind"]), int(row["posts"]),
                       _optional(row.get("impressions_per_post")),
                       _optional(row.get("engagements_per_post")), _optional(row.get("rate")))
        for row in engagement.by_kind.iter_rows(named=True))
    months = tuple(
        MonthEngagement(row["month"], int(row["impressions"]), int(row["engagements"] or 0),
                        _optional(row["engagement_rate"]),
                        None if row["new_followers"] is None else int(row["new_followers"]))
        for row in monthly.iter_rows(named=True))
    audience: list[AudienceItem] = []
    demographics = engagement.demographics
    if demographics.height:
        for category in dict.fromkeys(demographics["category"].to_list()):
            top = demographics.filter(pl.col("category") == category).head(AUDIENCE_SHOWN)
            audience += [AudienceItem(str(category), str(value), _optional(share))
                         for value, share in zip(top["value"], top["share"], strict=True)]
    first, last = (p[:7] if p else None for p in summary.period or (None, None))
    return EngagementFigures(
        files=tuple(Path(f).name for f in summary.files),
        period=(first, last),
        impressions=int(monthly["impressions"].sum()),
        engagements=int(monthly["engagements"].sum()),
        new_followers=int(followers.sum()) if followers.len() else None,
        followers_total=summary.followers_total,
        matched=int(matching.get("matched_by_id", 0)) + int(matching.get("matched_by_date", 0)),
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
