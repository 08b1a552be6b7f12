"""The content-analytics workbook: what `synth.analytics_workbook` writes for a persona is read
back number for number, in LinkedIn's layout, after an Excel re-save, in French, with a sheet
missing, merged across periods; top posts join the archive's posts by id and by date."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path

import polars as pl
import pytest
import xlsxwriter

from linkedin_stages import LinkedInStagesError, load_export
from linkedin_stages.analysis.engagement import (
    engagement_by_kind,
    match_top_posts,
    monthly_engagement,
)
from linkedin_stages.analysis.metrics import classify_posts
from linkedin_stages.analysis.thresholds import Thresholds
from linkedin_stages.analytics import SHEETS, Analytics, AnalyticsError, load_analytics
from linkedin_stages.synth.analytics_workbook import (
    WorkbookData,
    analytics_data,
    excel_resaved_bytes,
    without_sheet_bytes,
    workbook_bytes,
    write_workbook,
)
from linkedin_stages.synth.generate import simulate
from linkedin_stages.synth.personas import PERSONAS

SAMPLES = Path(__file__).resolve().parent.parent / "sample_exports"
PERSONA_IDS = ("climber", "curator")


class Case:
    """A persona's simulated life, its workbook's truth and bytes, and its archive's posts."""

    def __init__(self, persona_id: str, folder: Path) -> None:
        self.life = simulate(PERSONAS[persona_id], 0, 1.0)
        self.data = analytics_data(self.life)
        self.path = folder / f"{persona_id}_content_analytics.xlsx"
        self.path.write_bytes(write_workbook(self.data))
        self.analytics = load_analytics([self.path])
        export = load_export(SAMPLES / persona_id, datasets=["shares", "articles"])
        self.posts = classify_posts(export, Thresholds())


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Case]:
    folder = tmp_path_factory.mktemp("analytics")
    return {pid: Case(pid, folder) for pid in PERSONA_IDS}


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def daily_rows(data: WorkbookData) -> list[tuple[date, int, int]]:
    return list(data.daily)


def assert_same_reading(a: Analytics, b: Analytics) -> None:
    assert a.period == b.period
    assert a.totals == b.totals
    assert a.daily.equals(b.daily)
    assert a.top_posts.equals(b.top_posts)
    assert (a.followers_total, a.followers_on) == (b.followers_total, b.followers_on)
    assert a.followers_daily.equals(b.followers_daily)
    assert a.demographics.drop("sheet").equals(b.demographics.drop("sheet"))


# --- reading LinkedIn's layout ------------------------------------------------------------


@pytest.mark.parametrize("persona_id", PERSONA_IDS)
def test_every_sheet_reads_as_written(cases: dict[str, Case], persona_id: str) -> None:
    case = cases[persona_id]
    data, analytics = case.data, case.analytics
    assert analytics.warnings == []
    assert analytics.files == (case.path,)
    assert analytics.period == data.period
    assert analytics.period[1] - analytics.period[0] == timedelta(days=364)
    assert analytics.totals == data.totals
    assert analytics.daily.schema == pl.Schema(
        {"date": pl.Date, "impressions": pl.Int64, "engagements": pl.Int64})
    assert analytics.daily.rows() == daily_rows(data)
    assert analytics.daily["impressions"].sum() == data.totals["impressions"]
    assert analytics.followers_total == data.followers_total
    assert analytics.followers_on == data.followers_on == data.period[1]
    assert analytics.followers_daily.rows() == list(data.followers_daily)
    demographics = analytics.demographics
    assert demographics.height == len(data.demographics)
    assert demographics["category"].to_list() == [row[0] for row in data.demographics]
    assert demographics["value"].to_list() == [row[1] for row in data.demographics]
    # calamine renders a number cell with 9 decimals: exact enough for a percentage
    for share, (_c, _v, written) in zip(demographics["share"], data.demographics, strict=True):
        assert share == pytest.approx(written, abs=1e-9)
    assert demographics["share_text"].null_count() == demographics.height
    summary = analytics.summary()
    assert summary["days"] == 365 and summary["warnings"] == []


@pytest.mark.parametrize("persona_id", PERSONA_IDS)
def test_top_posts_split_into_both_tables(cases: dict[str, Case], persona_id: str) -> None:
    data, top = cases[persona_id].data, cases[persona_id].analytics.top_posts
    assert len(data.top_by_engagements) == len(data.top_by_impressions) == 50
    by_engagements = top.filter(pl.col("rank_engagements").is_not_null()).sort(
        "rank_engagements")
    by_impressions = top.filter(pl.col("rank_impressions").is_not_null()).sort(
        "rank_impressions")
    assert by_engagements["url"].to_list() == [p.url for p in data.top_by_engagements]
    assert by_engagements["engagements"].to_list() == [
        p.engagements for p in data.top_by_engagements]
    assert by_impressions["url"].to_list() == [p.url for p in data.top_by_impressions]
    assert by_impressions["impressions"].to_list() == [
        p.impressions for p in data.top_by_impressions]
    union = {p.url: p for p in data.top_by_engagements + data.top_by_impressions}
    assert top.height == len(union) < 100  # a post in both tables is one row
    for row in top.iter_rows(named=True):
        post = union[row["url"]]
        assert row["urn_type"] == "activity" and row["urn_id"] == post.activity_id
        assert row["published"] == post.published
        in_e, in_i = post in data.top_by_engagements, post in data.top_by_impressions
        assert row["engagements"] == (post.engagements if in_e else None)
        assert row["impressions"] == (post.impressions if in_i else None)
    both = top.filter(pl.col("engagements").is_not_null() & pl.col("impressions").is_not_null())
    assert 0 < both.height < top.height


@pytest.mark.parametrize("persona_id", PERSONA_IDS)
def test_top_posts_match_the_archive(cases: dict[str, Case], persona_id: str) -> None:
    case = cases[persona_id]
    matched, counts = match_top_posts(case.analytics, case.posts)
    truth = {p.activity_id: p for p in case.data.posts}
    assert matched.height == counts["top_posts"] == case.analytics.top_posts.height
    assert counts["matched_by_id"] + counts["matched_by_date"] + counts["unmatched"] \
        == counts["top_posts"]
    # by id: exactly the posts whose workbook id is the share's own id
    reused = [truth[i] for i in matched["urn_id"] if truth[i].reused_id]
    assert counts["matched_by_id"] == len(reused) > 0
    # by date (with the time the workbook's id carries): every other top post of her own
    # archive, none left unmatched
    assert counts["matched_by_date"] == counts["top_posts"] - counts["matched_by_id"] > 0
    assert counts["unmatched"] == 0
    # and every match is the right post
    for row in matched.filter(pl.col("match").is_not_null()).iter_rows(named=True):
        post = truth[row["urn_id"]]
        assert row["timestamp"].replace(second=0) == post.timestamp.replace(second=0)
        if post.share_id:
            assert row["post_urn_id"] == post.share_id
        assert row["match"] == ("id" if post.reused_id else "date")
    assert matched.filter(pl.col("match").is_null())["kind"].null_count() \
        == counts["unmatched"]


def test_date_rule_on_a_hand_built_day() -> None:
    day = date(2025, 3, 4)
    top = pl.DataFrame({
        "url": [f"u{i}" for i in range(5)],
        "urn_type": ["activity"] * 5,
        "urn_id": ["300", "200", "999", "500", "501"],
        "published": [day, day, date(2025, 3, 5), date(2025, 3, 6), date(2025, 3, 6)],
        "engagements": [10, 20, 5, 1, 1], "impressions": [100, 200, 50, 10, 10],
        "rank_engagements": [1, 2, 3, 4, 5], "rank_impressions": [1, 2, 3, 4, 5],
    }, schema_overrides={"engagements": pl.Int64, "impressions": pl.Int64,
                         "rank_engagements": pl.Int64, "rank_impressions": pl.Int64})
    analytics = Analytics(
        files=(), period=None, totals={}, daily=pl.DataFrame(), top_posts=top,
        followers_total=None, followers_on=None, followers_daily=pl.DataFrame(),
        demographics=pl.DataFrame(), warnings=[])
    posts = pl.DataFrame({
        "timestamp": [datetime(2025, 3, 4, 8), datetime(2025, 3, 4, 17),
                      datetime(2025, 3, 5, 9), datetime(2025, 3, 6, 9)],
        "urn_id": ["a", "b", "999", "c"],
        "kind": ["original", "curated_share", "original", "original"],
    })
    matched, counts = match_top_posts(analytics, posts)
    # a date alone never matches: these ids carry no creation time near the posts' (the
    # time rule itself is tested in test_engagement_overlap.py); the id match stands
    assert counts["top_posts"] == 5 and counts["matched_by_id"] == 1
    assert counts["matched_by_date"] == 0 and counts["unmatched"] == 4
    assert counts["refused_by_date"] >= 3  # published the day of an unmatched post of hers
    by_url = {row["url"]: row for row in matched.iter_rows(named=True)}
    assert by_url["u2"]["match"] == "id"
    assert all(by_url[u]["match"] is None for u in ("u0", "u1", "u3", "u4"))


# --- summaries --------------------------------------------------------------------------------


@pytest.mark.parametrize("persona_id", PERSONA_IDS)
def test_monthly_engagement(cases: dict[str, Case], persona_id: str) -> None:
    data = cases[persona_id].data
    monthly = monthly_engagement(cases[persona_id].analytics)
    assert monthly["month"].to_list()[0] == f"{data.period[0]:%Y-%m}"
    assert monthly["month"].to_list()[-1] == f"{data.period[1]:%Y-%m}"
    assert monthly.height == 13 and monthly["days"].sum() == 365
    for row in monthly.iter_rows(named=True):
        days = [d for d in data.daily if f"{d[0]:%Y-%m}" == row["month"]]
        assert row["days"] == len(days)
        assert row["impressions"] == sum(d[1] for d in days)
        assert row["engagements"] == sum(d[2] for d in days)
        assert row["new_followers"] == sum(n for d, n in data.followers_daily
                                           if f"{d:%Y-%m}" == row["month"])
        assert row["engagement_rate"] == pytest.approx(row["engagements"] / row["impressions"])


def test_curated_shares_engage_less_than_original_posts(cases: dict[str, Case]) -> None:
    case = cases["curator"]
    matched, _counts = match_top_posts(case.analytics, case.posts)
    by_kind = {row["kind"]: row for row in engagement_by_kind(matched).iter_rows(named=True)}
    assert {"original", "curated_share"} <= by_kind.keys()
    assert by_kind["curated_share"]["rate"] < by_kind["original"]["rate"]
    assert by_kind["curated_share"]["engagements_per_post"] \
        < by_kind["original"]["engagements_per_post"]
    assert sum(row["posts"] for row in by_kind.values()) == matched["match"].count()
    # the climber's original posts and articles engage at least as well; her rare curated
    # links do not reach her top 50 at all
    climber = cases["climber"]
    matched, _counts = match_top_posts(climber.analytics, climber.posts)
    kinds = engagement_by_kind(matched)["kind"].to_list()
    assert kinds[:2] == ["original", "article"] and "curated_share" not in kinds


# --- variants -------------------------------------------------------------------------------


def test_excel_resaved_variant_reads_the_same(cases: dict[str, Case], tmp_path: Path) -> None:
    case = cases["curator"]
    resaved = excel_resaved_bytes(case.data)
    assert resaved != case.path.read_bytes()
    analytics = load_analytics([write(tmp_path, "resaved.xlsx", resaved)])
    assert analytics.warnings == []
    assert_same_reading(analytics, case.analytics)


@pytest.mark.parametrize("sheet", SHEETS)
def test_a_missing_sheet_is_a_clear_warning(cases: dict[str, Case], tmp_path: Path,
                                            sheet: str) -> None:
    case = cases["curator"]
    path = write(tmp_path, "partial.xlsx", without_sheet_bytes(case.data, sheet))
    analytics = load_analytics([path])
    expected = {
        "DISCOVERY": "partial.xlsx: DISCOVERY sheet missing: period and totals unavailable",
        "ENGAGEMENT": "partial.xlsx: ENGAGEMENT sheet missing: daily impressions and "
                      "engagements unavailable",
        "TOP POSTS": "partial.xlsx: TOP POSTS sheet missing: per-post engagement unavailable",
        "FOLLOWERS": "partial.xlsx: FOLLOWERS sheet missing: follower growth unavailable",
        "DEMOGRAPHICS": "partial.xlsx: DEMOGRAPHICS sheet missing: audience demographics "
                        "unavailable",
    }[sheet]
    assert expected in analytics.warnings
    full = case.analytics
    if sheet == "DISCOVERY":
        assert analytics.totals == {}
        assert analytics.period == full.period  # from the daily rows, said in a warning
        assert any("period taken from the daily rows" in w for w in analytics.warnings)
    else:
        assert len(analytics.warnings) == 1
        assert (analytics.period, analytics.totals) == (full.period, full.totals)
    assert analytics.daily.equals(full.daily if sheet != "ENGAGEMENT" else full.daily.clear())
    assert analytics.top_posts.equals(
        full.top_posts if sheet != "TOP POSTS" else full.top_posts.clear())
    if sheet == "FOLLOWERS":
        assert analytics.followers_total is None and analytics.followers_daily.is_empty()
    else:
        assert analytics.followers_total == full.followers_total
    assert analytics.demographics.height == (0 if sheet == "DEMOGRAPHICS"
                                             else full.demographics.height)


def test_french_labels_and_text_cells(cases: dict[str, Case], tmp_path: Path) -> None:
    case = cases["curator"]
    data = case.data
    french = write_workbook(data, lang="fr", text_cells=True)
    analytics = load_analytics([write(tmp_path, "analytique.xlsx", french)])
    assert analytics.warnings == []
    assert analytics.period == data.period
    assert analytics.totals == data.totals  # `Membres touchés` is members_reached
    assert analytics.daily.equals(case.analytics.daily)  # day-first text dates, text numbers
    assert analytics.top_posts.equals(case.analytics.top_posts)
    assert (analytics.followers_total, analytics.followers_on) == (data.followers_total,
                                                                   data.followers_on)
    assert analytics.followers_daily.equals(case.analytics.followers_daily)
    demographics = analytics.demographics
    assert demographics["category"].unique(maintain_order=True).to_list()[:3] == [
        "Intitulés de poste", "Lieux", "Secteurs"]
    small = [i for i, row in enumerate(data.demographics) if row[2] < 0.01]
    assert small, "the generated shares should include some under 1%"
    for i, (share, text) in enumerate(demographics.select("share", "share_text").rows()):
        if i in small:
            assert (share, text) == (None, "< 1%")
        else:
            assert text is None and share == pytest.approx(data.demographics[i][2], abs=1e-9)


def test_sheets_found_by_content_and_by_position(tmp_path: Path) -> None:
    """Unknown sheet names: found by their header rows; unknown labels too: by position."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    first = book.add_worksheet("Blatt1")
    first.write_row(0, 0, ["Gesamtleistung", "1/1/2025 - 1/3/2025"])
    first.write_row(1, 0, ["Impressions", 60])
    second = book.add_worksheet("Blatt2")  # Dutch labels: taken as ENGAGEMENT by position
    second.write_row(0, 0, ["Dag", "Weergaven", "Betrokkenheid"])
    for i in range(3):
        second.write_row(i + 1, 0, [f"1/{i + 1}/2025", 20, i])
    third = book.add_worksheet("Blatt3")
    third.write_row(0, 0, ["Post URL", "Post publish date", "Engagements"])
    third.write_row(1, 0, ["https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A42",
                           "12/30/2024", 7])
    book.close()
    analytics = load_analytics(write(tmp_path, "edited.xlsx", buffer.getvalue()))
    assert analytics.period == (date(2025, 1, 1), date(2025, 1, 3))
    assert analytics.totals == {"impressions": 60}
    assert analytics.daily.rows() == [(date(2025, 1, i + 1), 20, i) for i in range(3)]
    assert analytics.top_posts.select("urn_id", "published", "engagements",
                                      "impressions").rows() == [
        ("42", date(2024, 12, 30), 7, None)]
    assert "edited.xlsx: sheet 'Blatt2' taken as ENGAGEMENT by its position (labels not " \
           "recognised)" in analytics.warnings
    assert "edited.xlsx: FOLLOWERS sheet missing: follower growth unavailable" \
        in analytics.warnings


def test_the_writer_is_deterministic(cases: dict[str, Case]) -> None:
    data = cases["curator"].data
    assert write_workbook(data) == cases["curator"].path.read_bytes()
    assert analytics_data(cases["curator"].life) == data
    with zipfile.ZipFile(io.BytesIO(write_workbook(data))) as archive:
        assert archive.namelist()[0] == "[Content_Types].xml"
        sheet = archive.read("xl/sharedStrings.xml").decode()
    assert "https://www.linkedin.com/feed/update/urn:li:activity:" in sheet  # not encoded


def test_workbook_bytes_from_a_persona_id() -> None:
    assert workbook_bytes("curator", "2019-08")[:4] == b"PK\x03\x04"


# --- errors -------------------------------------------------------------------------------


@pytest.mark.parametrize("name, content, reason", [
    ("Connections.csv", b"First Name,Last Name\nA,B\n", "not an XLSX workbook"),
    ("empty.xlsx", b"", "not an XLSX workbook (an empty file)"),
    ("truncated.xlsx", None, "not a readable XLSX workbook"),
    ("export.zip", "zip", "not a readable XLSX workbook"),
])
def test_unreadable_files_raise_analytics_error(cases: dict[str, Case], tmp_path: Path,
                                                name: str, content: bytes | str | None,
                                                reason: str) -> None:
    if content is None:  # a corrupt zip: the workbook cut in half
        content = cases["curator"].path.read_bytes()[:5000]
    elif content == "zip":  # a zip that is no workbook (the archive given by mistake)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("Connections.csv", "First Name\n")
        content = buffer.getvalue()
    assert isinstance(content, bytes)
    path = write(tmp_path, name, content)
    with pytest.raises(AnalyticsError) as caught:
        load_analytics([path])
    message = str(caught.value)
    assert message.startswith(f"{path}: {reason}") and "\n" not in message
    assert isinstance(caught.value, LinkedInStagesError)


def test_missing_file_and_no_file(tmp_path: Path) -> None:
    with pytest.raises(AnalyticsError, match=r"nowhere\.xlsx: no such file"):
        load_analytics([tmp_path / "nowhere.xlsx"])
    with pytest.raises(AnalyticsError, match="no analytics workbook given"):
        load_analytics([])
    with pytest.raises(AnalyticsError, match="is a folder"):
        load_analytics(tmp_path)


def test_a_workbook_of_something_else(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    book.add_worksheet("Budget").write_row(0, 0, ["Rent", 900])
    book.close()
    with pytest.raises(AnalyticsError, match=r"budget\.xlsx: not a LinkedIn content-analytics "
                                             r"workbook \(sheets: 'Budget'"):
        load_analytics([write(tmp_path, "budget.xlsx", buffer.getvalue())])


# --- several workbooks ----------------------------------------------------------------------


def test_consecutive_workbooks_merge(cases: dict[str, Case], tmp_path: Path) -> None:
    life = cases["climber"].life
    older = analytics_data(life, "2025-10")
    newer = cases["climber"].data
    assert older.period[1] + timedelta(days=1) == newer.period[0]
    paths = [write(tmp_path, "2025.xlsx", write_workbook(older)), cases["climber"].path]
    merged = load_analytics(paths)
    assert merged.warnings == []
    assert merged.period == (older.period[0], newer.period[1])
    assert merged.daily.rows() == list(older.daily) + list(newer.daily)
    assert merged.totals == {
        "impressions": older.totals["impressions"] + newer.totals["impressions"],
        "engagements": sum(d[2] for d in older.daily + newer.daily)}
    assert merged.file_totals == {"2025.xlsx": older.totals, paths[1].name: newer.totals}
    assert merged.followers_total == newer.followers_total
    assert merged.followers_daily.height == 730
    assert monthly_engagement(merged)["days"].sum() == 730


def test_overlapping_workbooks_count_each_day_once(cases: dict[str, Case],
                                                   tmp_path: Path) -> None:
    life = cases["climber"].life
    spring = analytics_data(life, "2026-04")  # 2025-04-28 to 2026-04-27
    autumn = cases["climber"].data  # 2025-10-28 to 2026-10-27
    overlap = (spring.period[1] - autumn.period[0]).days + 1
    assert overlap == 182
    spring_path = write(tmp_path, "spring.xlsx", write_workbook(spring))
    for order in ([spring_path, cases["climber"].path], [cases["climber"].path, spring_path]):
        merged = load_analytics(order)
        assert merged.period == (spring.period[0], autumn.period[1])
        assert merged.daily.height == 365 + 365 - overlap
        assert merged.daily["date"].is_unique().all()
        later = {d: (i, e) for d, i, e in autumn.daily}
        for day, impressions, engagements in merged.daily.iter_rows():
            expected = later.get(day) or next((i, e) for d, i, e in spring.daily if d == day)
            assert (impressions, engagements) == expected  # the later workbook wins
        assert merged.totals["impressions"] == merged.daily["impressions"].sum()
        assert merged.totals["impressions"] < spring.totals["impressions"] \
            + autumn.totals["impressions"]
        assert merged.warnings == ["the workbooks overlap on 182 day(s): the later "
                                   "workbook's figures are kept, each day counted once"]
        assert merged.followers_on == autumn.followers_on
        top = merged.top_posts
        assert top["urn_id"].is_unique().all()
        newest = {p.activity_id: p for p in autumn.top_by_engagements}
        for urn_id, engagements in top.select("urn_id", "engagements").iter_rows():
            if urn_id in newest:
                assert engagements == newest[urn_id].engagements


def test_a_gap_between_workbooks_is_said(cases: dict[str, Case], tmp_path: Path) -> None:
    old = analytics_data(cases["curator"].life, "2025-06")  # ends 2025-06-27
    merged = load_analytics([write(tmp_path, "old.xlsx", write_workbook(old)),
                             cases["curator"].path])
    assert merged.warnings == ["no workbook covers 2025-06-28 to 2025-10-27"]
