"""The report's "How others responded" headline is the workbook's own: its totals for its
period, each figure with its days; what the daily rows and the archive cover is said when it
differs; top posts match by id, or by date only when the time their id carries agrees.

Every workbook here is invented (`synth.analytics_workbook`)."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path

import polars as pl
import pytest

from linkedin_stages.analysis.engagement import ID_EPOCH, id_time, match_top_posts
from linkedin_stages.analysis.report_data import EngagementFigures, analyze_for_report
from linkedin_stages.analysis.timeline import build_timeline, to_json
from linkedin_stages.analytics import Analytics, load_analytics
from linkedin_stages.report.viewmodel import EngagementView, build_view
from linkedin_stages.synth.analytics_workbook import WorkbookData, analytics_data, write_workbook
from report_support import sample_export, synth_export


@cache
def curator_data(month: str | None = None) -> WorkbookData:
    return analytics_data("curator", month)


def figures_and_view(tmp_path: Path, export: object, *workbooks: tuple[str, bytes],
                     lang: str = "en") -> tuple[EngagementFigures, EngagementView, dict]:
    paths = []
    for name, data in workbooks:
        path = tmp_path / name
        path.write_bytes(data)
        paths.append(path)
    analytics = load_analytics(paths)
    timeline = build_timeline(export, analytics=analytics)  # type: ignore[arg-type]
    data = analyze_for_report(export, timeline, zone="UTC")  # type: ignore[arg-type]
    assert data.engagement is not None
    view = build_view(data, lang=lang)
    assert view.engagement is not None
    return data.engagement, view.engagement, to_json(timeline)


def stat(view: EngagementView, label: str) -> tuple[str, str]:
    item = next(s for s in view.stats if s.label == label)
    return item.value, item.period


def text(view: EngagementView) -> str:
    return " ".join(view.notes)


# --- 1. the period's own totals are the headline ------------------------------------------


def test_a_year_whose_daily_rows_cover_only_part(tmp_path: Path) -> None:
    data = curator_data()
    part = dataclasses.replace(data, daily=data.daily[-60:])  # DISCOVERY still a year
    figures, view, document = figures_and_view(
        tmp_path, sample_export("curator"), ("year.xlsx", write_workbook(part)))
    daily_sum = sum(i for _d, i, _e in part.daily)
    assert daily_sum < data.totals["impressions"]
    # the headline is the period's, under the period's days
    assert figures.impressions.value == data.totals["impressions"]
    assert (figures.impressions.first, figures.impressions.last) == data.period
    assert figures.members_reached.value == data.totals["members_reached"]
    assert stat(view, "Impressions") == (f"{data.totals['impressions']:,}",
                                         "28\u00a0Oct\u00a02025 – 27\u00a0Oct\u00a02026")
    assert stat(view, "Members reached")[0] == f"{data.totals['members_reached']:,}"
    # engagements: the daily rows' sum, under the daily rows' days (DISCOVERY has none)
    first_day = part.daily[0][0]
    assert figures.engagements.value == sum(e for _d, _i, e in part.daily)
    assert figures.engagements.first == first_day
    # and the page says the two differ, with both figures and the days
    assert (f"The daily rows cover {daily_sum:,} of the period’s "
            f"{data.totals['impressions']:,} impressions") in text(view)
    assert f"{first_day.day}\u00a0{first_day:%b}\u00a0{first_day.year}" in text(view)
    assert sum(m.impressions for m in figures.months) == daily_sum
    coverage = document["engagement"]["coverage"]
    assert coverage["impressions"] == data.totals["impressions"]
    assert coverage["members_reached"] == data.totals["members_reached"]
    assert coverage["daily"]["impressions"] == daily_sum
    assert coverage["daily"]["first"] == first_day.isoformat()


def test_full_daily_rows_need_no_note(tmp_path: Path) -> None:
    data = curator_data()
    figures, view, _document = figures_and_view(
        tmp_path, sample_export("curator"), ("year.xlsx", write_workbook(data)))
    assert figures.totals_from == "period" and figures.daily.value == figures.impressions.value
    assert "daily rows" not in text(view)
    assert stat(view, "Followers") == (f"{data.followers_total:,}", "on 27\u00a0Oct\u00a02026")


def test_without_discovery_the_totals_are_named_the_daily_rows_sums(tmp_path: Path) -> None:
    data = curator_data()
    figures, view, document = figures_and_view(
        tmp_path, sample_export("curator"),
        ("no-discovery.xlsx", write_workbook(data, omit=("DISCOVERY",))))
    assert figures.totals_from == "daily"
    assert figures.impressions.value == sum(i for _d, i, _e in data.daily)
    assert figures.members_reached.value is None
    assert stat(view, "Members reached") == ("—", "")
    assert "sums of its daily rows" in text(view)
    assert document["engagement"]["coverage"]["totals_from"] == "daily"


def test_merged_workbooks_sum_their_daily_rows_over_the_union(tmp_path: Path) -> None:
    earlier, later = curator_data("2026-04"), curator_data()
    figures, view, _document = figures_and_view(
        tmp_path, sample_export("curator"),
        ("a.xlsx", write_workbook(earlier)), ("b.xlsx", write_workbook(later)))
    assert figures.totals_from == "merged"
    assert figures.period == (earlier.period[0], later.period[1])
    days = {d: i for d, i, _e in earlier.daily} | {d: i for d, i, _e in later.daily}
    assert figures.impressions.value == sum(days.values())
    assert figures.members_reached.value is None  # reach does not add up
    assert "2 workbooks together cover" in text(view)


# --- 2. archive and workbook that do not fully overlap ---------------------------------------


def test_an_archive_exported_before_the_workbook_ends(tmp_path: Path) -> None:
    data = curator_data()
    figures, view, _document = figures_and_view(
        tmp_path, synth_export("curator", "2026-03"), ("year.xlsx", write_workbook(data)))
    assert figures.archive_months[1] == "2026-03"
    assert figures.overlap == ("2025-10", "2026-03")
    both = sum(i for d, i, _e in data.daily if f"{d:%Y-%m}" <= "2026-03")
    assert figures.overlap_impressions == both < data.totals["impressions"]
    # the headline stays the workbook's own; the overlap is said with its months
    assert figures.impressions.value == data.totals["impressions"]
    note = text(view)
    assert "they share only October 2025 to March 2026" in note
    assert f"with {both:,} impressions" in note
    assert [m.in_archive for m in figures.months].count(False) == 7


def test_no_overlap_at_all(tmp_path: Path) -> None:
    data = curator_data()
    figures, view, _document = figures_and_view(
        tmp_path, synth_export("curator", "2025-06"), ("year.xlsx", write_workbook(data)))
    assert figures.overlap is None and figures.overlap_impressions == 0
    assert stat(view, "Impressions")[0] == f"{data.totals['impressions']:,}" != "0"
    assert "have no month in common" in text(view)
    assert "the workbook’s own" in text(view)


@pytest.mark.parametrize("lang", ["fr", "es", "pt", "de"])
def test_the_notes_in_every_language(tmp_path: Path, lang: str) -> None:
    data = curator_data()
    part = dataclasses.replace(data, daily=data.daily[-60:])
    _figures, view, _document = figures_and_view(
        tmp_path, synth_export("curator", "2026-03"), ("year.xlsx", write_workbook(part)),
        lang=lang)
    assert len(view.notes) >= 3 and "daily rows" not in text(view)
    assert f"{data.totals['impressions']:,}".replace(",", "") in \
        text(view).replace("\u202f", "").replace("\u00a0", "").replace(".", "")


# --- 8. top posts matched by activity id, by date only with the id's time -------------------


def test_an_unrelated_archive_matches_nothing(tmp_path: Path) -> None:
    climber = analytics_data("climber")
    figures, view, document = figures_and_view(
        tmp_path, sample_export("curator"), ("climber.xlsx", write_workbook(climber)))
    assert figures.matched == figures.matched_by_id == figures.matched_by_date == 0
    assert figures.refused_by_date > 0  # the old date-only rule would have matched these
    counts = document["engagement"]["top_posts_matching"]
    assert counts["matched_by_id"] == counts["matched_by_date"] == 0
    assert counts["refused_by_date"] == figures.refused_by_date
    assert stat(view, "Top posts found in your archive")[0] == f"0 of {figures.top_posts}"
    assert "Not matched on a date alone" in text(view)


def test_the_members_own_archive_matches_every_top_post(tmp_path: Path) -> None:
    figures, view, _document = figures_and_view(
        tmp_path, sample_export("curator"), ("curator.xlsx", write_workbook(curator_data())))
    assert figures.matched == figures.top_posts > 0
    assert figures.matched_by_id > 0 and figures.matched_by_date > 0
    assert (f"{figures.matched_by_id} by their id, {figures.matched_by_date} by their date"
            in text(view))


def snowflake(moment: datetime, low: int = 0) -> str:
    millis = int((moment - ID_EPOCH).total_seconds() * 1000)
    return str((millis << 22) | low)


def test_id_time_reads_the_creation_time() -> None:
    moment = datetime(2025, 3, 4, 8, 15, 30)
    assert id_time(snowflake(moment, 12345)) == moment
    assert id_time("300") is None and id_time("abc") is None and id_time(None) is None


def test_the_time_rule_on_hand_built_posts() -> None:
    day = date(2025, 3, 4)
    at = [datetime(2025, 3, 4, 8, 0, 10), datetime(2025, 3, 4, 8, 0, 40),
          datetime(2025, 3, 4, 17, 0), datetime(2025, 3, 5, 9, 0, 7)]
    top_ids = [snowflake(at[0] + timedelta(seconds=1)),  # the first of two close posts
               snowflake(at[1] + timedelta(seconds=1)),  # the second
               snowflake(at[2] + timedelta(minutes=2)),  # the same day, 2 minutes off
               "999",  # the archive's own id
               snowflake(at[2] + timedelta(seconds=20))]  # a timestamp without seconds
    top = pl.DataFrame({
        "url": [f"u{i}" for i in range(5)], "urn_type": ["activity"] * 5, "urn_id": top_ids,
        "published": [day, day, day, date(2025, 3, 5), date(2025, 3, 5)],
        "engagements": [1] * 5, "impressions": [10] * 5,
        "rank_engagements": [1, 2, 3, 4, 5], "rank_impressions": [1, 2, 3, 4, 5],
    }, schema_overrides={c: pl.Int64 for c in ("engagements", "impressions",
                                               "rank_engagements", "rank_impressions")})
    analytics = Analytics(
        files=(), period=None, totals={}, daily=pl.DataFrame(), top_posts=top,
        followers_total=None, followers_on=None, followers_daily=pl.DataFrame(),
        demographics=pl.DataFrame(), warnings=[])
    posts = pl.DataFrame({"timestamp": at, "urn_id": ["a", "b", "c", "999"],
                          "kind": ["original"] * 4})
    matched, counts = match_top_posts(analytics, posts)
    by_url = {row["url"]: row for row in matched.iter_rows(named=True)}
    assert by_url["u0"]["post_urn_id"] == "a" and by_url["u1"]["post_urn_id"] == "b"
    assert by_url["u0"]["match"] == by_url["u1"]["match"] == "date"
    assert by_url["u3"]["match"] == "id"
    assert by_url["u2"]["match"] is None  # the same day is not enough
    assert by_url["u4"]["post_urn_id"] == "c"  # the published date one day off (a zone)
    assert counts == {"top_posts": 5, "matched_by_id": 1, "matched_by_date": 3,
                      "unmatched": 1, "refused_by_date": 1}
    json.dumps(counts)
