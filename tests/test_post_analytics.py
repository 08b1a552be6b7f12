"""Per-post analytics workbooks (`PostAnalytics_*.xlsx`, `SinglePostAnalytics_*.xlsx`): read,
guarded, told from the content workbook, and joined to their posts by id (never by date).
Every workbook here is invented (`synth.post_analytics_workbook`)."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import polars as pl
import pytest
import xlsxwriter

from linkedin_stages import load_export
from linkedin_stages.analysis.metrics import post_kinds
from linkedin_stages.analysis.post_engagement import (
    POST_ENGAGEMENT_SCHEMA,
    join_post_analytics,
)
from linkedin_stages.analysis.thresholds import Thresholds
from linkedin_stages.post_analytics import (
    AnalyticsError,
    Demographic,
    PostAnalytics,
    is_post_analytics,
    load_post_analytics,
    sheet_names,
)
from linkedin_stages.synth.analytics_workbook import workbook_bytes
from linkedin_stages.synth.post_analytics_workbook import (
    DEFAULT_DEMOGRAPHICS,
    PostFigures,
    example_figures,
    post_workbook_bytes,
)

SAMPLES = Path(__file__).resolve().parent.parent / "sample_exports"


def write(folder: Path, figures: PostFigures, **options: object) -> Path:
    layout = str(options.get("layout", "sheets"))
    path = folder / figures.file_name(layout)
    path.write_bytes(post_workbook_bytes(figures, **options))  # type: ignore[arg-type]
    return path


def one_line_error(paths: list[Path], *needles: str) -> str:
    with pytest.raises(AnalyticsError) as caught:
        load_post_analytics(paths)
    message = str(caught.value)
    assert "\n" not in message and str(paths[-1]) in message, message
    for needle in needles:
        assert needle in message, message
    return message


@pytest.fixture(scope="module")
def samples() -> dict[str, pl.DataFrame]:
    """Two unrelated members' posts (shares and articles), as the analysis sees them."""
    return {pid: post_kinds(load_export(SAMPLES / pid, datasets=["shares", "articles"]),
                            Thresholds()) for pid in ("climber", "curator")}


# --- reading ---------------------------------------------------------------------------------


@pytest.mark.parametrize("layout", ["sheets", "single"])
def test_both_layouts_read_as_written(tmp_path: Path, layout: str) -> None:
    figures = example_figures(published=datetime(2025, 3, 4, 14, 5))
    path = write(tmp_path, figures, layout=layout)
    assert is_post_analytics(path)
    (post,) = load_post_analytics([path])
    assert isinstance(post, PostAnalytics) and post.layout == layout
    assert post.url == figures.url() and (post.urn_type, post.urn_id) == ("share", figures.post_id)
    assert post.file_id == figures.post_id and post.ids == (figures.post_id,)
    assert post.activity_id is None  # a share's id: LinkedIn may give the activity another
    assert (post.published, post.published_time) == (date(2025, 3, 4), time(14, 5))
    metrics = post.metrics.as_dict()
    for name in ("impressions", "members_reached", "profile_viewers", "followers_gained",
                 "social_engagements", "reactions", "comments", "reposts", "saves", "sends",
                 "link_engagements"):
        assert metrics[name] == getattr(figures, name), name
    assert metrics["premium_button_engagements"] is None  # a label this workbook lacks
    assert post.demographics == tuple(Demographic(c, v, s) for c, v, s in DEFAULT_DEMOGRAPHICS)


@pytest.mark.parametrize("layout", ["sheets", "single"])
def test_labels_found_by_content_numbers_and_shares_as_text(tmp_path: Path, layout: str
                                                           ) -> None:
    """Rows moved down, a margin column, `1,316` as text, `< 1%`, a `/posts/…-activity-<id>-`
    link and a label LinkedIn may add: all read."""
    figures = example_figures("7311111111111111111", impressions=21316,
                              extra={"Video views": 1204})
    path = write(tmp_path, figures, layout=layout, text_cells=True, offset=True,
                 url_kind="slug")
    (post,) = load_post_analytics(path)
    assert (post.urn_type, post.urn_id) == ("activity", "7311111111111111111")
    assert post.activity_id == "7311111111111111111"
    assert post.metrics.impressions == 21316 and post.metrics.reactions == figures.reactions
    assert post.metrics.extra == (("Video views", 1204),)
    assert post.published == date(2025, 2, 25)
    small = [d for d in post.demographics if d.value == "Example Widgets Ltd"]
    assert small == [Demographic("Company", "Example Widgets Ltd", None, "< 1%")]
    assert post.demographics[0] == Demographic("Job title", "Software Engineer", 0.12)


def test_several_workbooks_in_the_order_given(tmp_path: Path) -> None:
    first = write(tmp_path, example_figures("7300000000000000009"))
    second = write(tmp_path, example_figures("7300000000000000002"), layout="single")
    posts = load_post_analytics([first, second])
    assert [p.urn_id for p in posts] == ["7300000000000000009", "7300000000000000002"]


def test_the_writer_is_deterministic() -> None:
    figures = example_figures()
    assert post_workbook_bytes(figures) == post_workbook_bytes(figures)


# --- telling the workbooks apart, and refusing what is not one -------------------------------


def test_content_workbook_is_not_a_posts(tmp_path: Path) -> None:
    content = tmp_path / "Content_2024-01-01_2024-12-31.xlsx"
    content.write_bytes(workbook_bytes("curator"))
    assert sheet_names(content) == ("DISCOVERY", "ENGAGEMENT", "TOP POSTS", "FOLLOWERS",
                                    "DEMOGRAPHICS")
    assert not is_post_analytics(content)
    one_line_error([content], "content-analytics workbook", "PERFORMANCE")


def test_not_an_xlsx(tmp_path: Path) -> None:
    csv = tmp_path / "PostAnalytics_Jane_7300000000000000001.xlsx"
    csv.write_text("Post URL,Impressions\nhttps://www.linkedin.com/,3\n")
    assert not is_post_analytics(csv)
    one_line_error([csv], "not an XLSX workbook")
    one_line_error([tmp_path / "missing.xlsx"], "no such file")
    assert not is_post_analytics(tmp_path)
    one_line_error([tmp_path], "folder")
    with pytest.raises(AnalyticsError, match="no per-post analytics workbook given"):
        load_post_analytics([])


def test_another_spreadsheet(tmp_path: Path) -> None:
    path = tmp_path / "budget.xlsx"
    book = xlsxwriter.Workbook(str(path))
    book.add_worksheet("Budget").write(0, 0, "Rent")
    book.close()
    assert not is_post_analytics(path)
    one_line_error([path], "not a LinkedIn per-post analytics workbook", "'Budget'")


def test_a_performance_sheet_with_nothing_in_it(tmp_path: Path) -> None:
    path = tmp_path / "PostAnalytics_Jane_7300000000000000001.xlsx"
    book = xlsxwriter.Workbook(str(path))
    book.add_worksheet("PERFORMANCE").write(0, 0, "Hello")
    book.add_worksheet("TOP DEMOGRAPHICS")
    book.close()
    assert is_post_analytics(path)  # by its sheet names; its content is what fails
    one_line_error([path], "neither a Post URL nor any metric")


def test_huge_files_are_refused_before_calamine(tmp_path: Path) -> None:
    big = tmp_path / "PostAnalytics_Jane_7300000000000000001.xlsx"
    with big.open("wb") as handle:  # sparse: 17 MB on paper
        handle.write(b"PK\x03\x04")
        handle.truncate(17 * 1024 * 1024)
    assert not is_post_analytics(big)
    one_line_error([big], "MB")
    # a few KB that would make calamine densify 17 billion cells (and abort the process)
    wide = tmp_path / "PostAnalytics_Jane_7300000000000000002.xlsx"
    book = xlsxwriter.Workbook(str(wide))
    sheet = book.add_worksheet("PERFORMANCE")
    sheet.write(0, 0, "Post URL")
    sheet.write(0, 1, "https://www.linkedin.com/feed/update/urn:li:share:7300000000000000002")
    sheet.write(1048575, 16383, 1)
    book.add_worksheet("TOP DEMOGRAPHICS")
    book.close()
    assert wide.stat().st_size < 20_000 and is_post_analytics(wide)
    one_line_error([wide], "XFD1048576")


# --- joining each workbook to its post -------------------------------------------------------


def _posts_with_ids(posts: pl.DataFrame, count: int) -> list[dict[str, object]]:
    return posts.filter(pl.col("urn_id").is_not_null()).head(count).to_dicts()


def test_matched_by_id_never_by_date(tmp_path: Path, samples: dict[str, pl.DataFrame]) -> None:
    climber = samples["climber"]
    chosen = _posts_with_ids(climber, 3)
    by_url = write(tmp_path, example_figures(str(chosen[0]["urn_id"]), impressions=500))
    # the URL names the activity (another number); the file name names the share
    by_file = write(tmp_path, PostFigures(
        post_id="7399999999999999999", file_id=str(chosen[1]["urn_id"]),
        published=chosen[1]["timestamp"], impressions=800),  # type: ignore[arg-type]
        layout="single", url_kind="activity")
    # another member's post published the very day of one of these posts: unmatched
    stranger = write(tmp_path, PostFigures(
        post_id="7388888888888888888", member="SomeoneElse",
        published=chosen[2]["timestamp"]))  # type: ignore[arg-type]
    # the first post exported again later: one post, the later workbook kept
    again = tmp_path / "again"
    again.mkdir()
    later = write(again, example_figures(str(chosen[0]["urn_id"]), impressions=900))
    books = load_post_analytics([by_url, by_file, stranger, later])
    joined = join_post_analytics(books, climber)
    assert joined.counts() == {"workbooks": 4, "matched": 2, "matched_by_url": 1,
                               "matched_by_file_name": 1, "unmatched": 1, "duplicates": 1}
    assert joined.rows.schema == pl.Schema(POST_ENGAGEMENT_SCHEMA)
    assert joined.rows["match"].to_list() == ["url", "file_name", None, "url"]
    assert joined.rows["duplicate"].to_list() == [True, False, False, False]
    kept = joined.matched_rows()
    assert kept.height == 2
    by_id = {row["post_urn_id"]: row for row in kept.to_dicts()}
    first, second = by_id[chosen[0]["urn_id"]], by_id[chosen[1]["urn_id"]]
    assert first["impressions"] == 900 and first["timestamp"] == chosen[0]["timestamp"]
    assert first["kind"] == chosen[0]["kind"] and first["link"] == chosen[0]["link"]
    assert second["impressions"] == 800 and second["reactions"] == 42
    unmatched = joined.rows.filter(pl.col("match").is_null()).row(0, named=True)
    assert unmatched["timestamp"] is None and unmatched["impressions"] == 1316


def test_an_unrelated_archive_matches_nothing(tmp_path: Path,
                                              samples: dict[str, pl.DataFrame]) -> None:
    """Workbooks of the climber's posts, dated on the curator's posting days: 0 matched."""
    climber_posts = _posts_with_ids(samples["climber"], 5)
    curator_days = samples["curator"]["timestamp"].drop_nulls().head(5).to_list()
    books = load_post_analytics([
        write(tmp_path, PostFigures(post_id=str(post["urn_id"]), published=day))
        for post, day in zip(climber_posts, curator_days, strict=True)])
    assert not set(samples["curator"]["urn_id"].drop_nulls()) & {b.urn_id for b in books}
    joined = join_post_analytics(books, samples["curator"])
    assert (joined.matched, joined.unmatched) == (0, 5)
    assert joined.matched_rows().height == 0
    assert join_post_analytics(books, samples["climber"]).matched == 5


def test_no_posts_at_all() -> None:
    empty = pl.DataFrame(schema={"timestamp": pl.Datetime("us"), "urn_id": pl.String})
    joined = join_post_analytics([], empty)
    assert joined.counts()["workbooks"] == 0 and joined.rows.schema == pl.Schema(
        POST_ENGAGEMENT_SCHEMA)
