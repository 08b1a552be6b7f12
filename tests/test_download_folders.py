"""A download folder holding several exports, numbered parts, flattened archives, impossible
dates, media-only archives and comparisons with a newer basic archive (issue 14), on invented
bytes."""

from __future__ import annotations

import json
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import copy_fixture, make_zip
from linkedin_stages import load_export
from linkedin_stages.analysis import build_timeline
from linkedin_stages.analysis.compare import compare_exports, to_json
from linkedin_stages.cli import cli
from linkedin_stages.errors import ExportError

PROFILE = (b"First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,"
           b"Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\n"
           b"Camille,Exemple,,,,Invented headline,,Software,,,,,\n")
REACTION = "{day} 10:00:00,LIKE,https://www.linkedin.com/feed/update/urn:li:activity:{n}\n"


def _write(root: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root


def _reactions(*days: str) -> bytes:
    return b"Date,Type,Link\n" + "".join(
        REACTION.format(day=d, n=n) for n, d in enumerate(days, 1)).encode()


# --- download folders ---------------------------------------------------------------------


def _downloads(tmp_path: Path) -> Path:
    downloads = tmp_path / "Downloads"
    basic = copy_fixture("era2021", tmp_path / "src")
    for name in ("Shares.csv", "Comments.csv", "Reactions.csv", "Votes.csv"):
        (basic / name).unlink()
    copy_fixture("era2021", downloads).rename(downloads / "Complete_LinkedInDataExport_01-15-2022")
    make_zip(basic, downloads / "Basic_LinkedInDataExport_02-01-2022.zip")
    (downloads / "holiday.jpg").write_bytes(b"\xff\xd8\xff\xe0 an invented photo")
    return downloads


def test_several_exports_in_a_folder_are_never_merged(tmp_path: Path) -> None:
    downloads = _downloads(tmp_path)
    with pytest.raises(ExportError) as caught:
        load_export(downloads)
    message = str(caught.value)
    assert "holds 2 LinkedIn exports, which are never merged" in message
    assert ("Basic_LinkedInDataExport_02-01-2022.zip (basic archive, zip, exported 2022-02-01)"
            in message)
    assert ("Complete_LinkedInDataExport_01-15-2022 (complete archive, folder, exported "
            "2022-01-15)" in message)
    assert "linkedin-stages compare OLD NEW" in message


@pytest.mark.parametrize("command", [["inspect"], ["inspect", "--format", "json"], ["timeline"],
                                     ["analyze", "-o", "{out}"]])
def test_every_command_stops_on_a_folder_of_exports(tmp_path: Path, command: list[str]) -> None:
    downloads = _downloads(tmp_path)
    out = tmp_path / "report.html"
    args = [a.format(out=out) for a in command]
    result = CliRunner().invoke(cli, [args[0], str(downloads), *args[1:]])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and result.output.startswith("Error: ")
    assert "holds 2 LinkedIn exports" in result.output
    assert not out.exists()


def test_compare_stops_on_a_folder_of_exports(tmp_path: Path) -> None:
    downloads = _downloads(tmp_path)
    export = downloads / "Complete_LinkedInDataExport_01-15-2022"
    result = CliRunner().invoke(cli, ["compare", str(export), str(downloads), "--format",
                                      "json"])
    assert result.exit_code == 1 and "holds 2 LinkedIn exports" in result.output


def test_the_only_export_in_a_folder_is_used_and_named(tmp_path: Path) -> None:
    downloads = tmp_path / "Downloads"
    copy_fixture("era2025", downloads / "nested").rename(
        downloads / "nested" / "Complete_LinkedInDataExport_07-20-2025")
    (downloads / "nested" / "notes.txt").write_text("my notes\n")
    (downloads / "photo.png").write_bytes(b"\x89PNG invented")
    export = load_export(downloads)
    assert export.location == downloads / "nested" / "Complete_LinkedInDataExport_07-20-2025"
    assert export.found_in is not None and "the only LinkedIn export in" in export.found_in
    assert export.exported_on is not None and export.exported_on.isoformat() == "2025-07-20"
    result = CliRunner().invoke(cli, ["timeline", str(downloads), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert "Note: using Complete_LinkedInDataExport_07-20-2025" in result.stderr
    assert result.stdout.startswith("month,stage,")
    # The report may go into the download folder: only the export itself is off limits.
    out = downloads / "report.html"
    result = CliRunner().invoke(cli, ["analyze", str(downloads), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert out.exists() and "the only LinkedIn export in" in result.stderr


def test_an_export_folder_holding_another_export_is_not_merged(tmp_path: Path) -> None:
    outer = copy_fixture("era2025", tmp_path)
    copy_fixture("era2021", outer).rename(outer / "Complete_LinkedInDataExport_01-15-2022")
    with pytest.raises(ExportError, match="holds 2 LinkedIn exports"):
        load_export(outer)


def test_a_folder_with_nothing_of_linkedin_says_so(tmp_path: Path) -> None:
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8 invented")
    with pytest.raises(ExportError, match="no LinkedIn export file found"):
        load_export(tmp_path)


# --- numbered parts, flattened archives, new files ----------------------------------------


def test_numbered_parts_are_one_dataset(tmp_path: Path) -> None:
    export = load_export(_write(tmp_path, {
        "Reactions.csv": _reactions("2024-01-01", "2024-01-02"),
        "Reactions_1.csv": _reactions("2024-02-01").replace(b"activity:1", b"activity:9"),
        "Reactions_2.csv": _reactions("2024-03-01").replace(b"activity:1", b"activity:8"),
        "Jobs/Job Applications.csv": b"Application Date,Company Name\n1/2/24, 10:00 AM,Co\n",
        "Jobs/Job Applications_1.csv": b"Application Date,Company Name\n1/3/24, 10:00 AM,Co\n",
        "Member Hashtags.csv": b"Name\ninvented\n",
        "Online Job Postings.csv": b"Title\ninvented\n",
        "Services Marketplace/Providers.csv": b"Name\ninvented\n",
        "Services Marketplace/Opprtunities.csv": b"Name\ninvented\n",
        "Profile.csv": PROFILE}))
    report = export.reports["reactions"]
    assert report.rows == 4 and export.reactions.height == 4
    assert report.file == "Reactions.csv (+2 numbered parts)"
    assert report.last is not None and report.last.isoformat() == "2024-03-01"
    assert export.unknown_files == []
    assert set(export.recognised_files) == {
        "Jobs/Job Applications.csv", "Jobs/Job Applications_1.csv", "Member Hashtags.csv",
        "Online Job Postings.csv", "Services Marketplace/Opprtunities.csv",
        "Services Marketplace/Providers.csv"}
    assert export.warnings == []


ARTICLE = (b'<html><head><title>Invented title</title></head><body>'
           b'<h1><a href="https://www.linkedin.com/pulse/invented-title-camille-exemple">'
           b'Invented title</a></h1>'
           b'<p class="created">Created on 2024-05-01 10:00</p>'
           b'<p class="published">Published on 2024-05-02 09:00</p>'
           b'<div><p>' + b"Invented words of a long article. " * 40 + b'</p></div>'
           b'</body></html>')


def test_article_files_at_the_root_of_a_flattened_archive_are_articles(tmp_path: Path) -> None:
    export = load_export(_write(tmp_path, {
        "invented-title-camille-exemple-abcd1.html": ARTICLE,
        "2024-05-01 10_00_00.0-Invented draft.html": ARTICLE.replace(
            b"Published on 2024-05-02 09:00", b"Not published yet"),
        "saved page.html": b"<html><body>not an article</body></html>",
        "Profile.csv": PROFILE}))
    articles = export.articles
    assert articles.height == 2
    assert articles["draft"].sort().to_list() == [False, True]
    assert export.reports["articles"].file == "the export's top folder (2 files)"
    assert export.unknown_files == ["saved page.html"]


# --- impossible dates ---------------------------------------------------------------------


def test_activity_dated_before_linkedin_or_after_the_export_is_set_aside(
        tmp_path: Path) -> None:
    folder = tmp_path / "Complete_LinkedInDataExport_06-30-2024"
    export = load_export(_write(folder, {
        "Reactions.csv": _reactions("2024-05-01", "2099-01-01", "9999-12-31", "1990-06-01",
                                    "2024-08-01"),
        "Positions.csv": b"Company Name,Title,Description,Location,Started On,Finished On\n"
                         b"Invented Co,Engineer,,,Jan 1995,Dec 2001\n",
        "Shares.csv": b"Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n"
                      b"2024-03-04 10:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3A"
                      b"share%3A1,\"Invented words\",,,MEMBER_NETWORK\n",
        "Profile.csv": PROFILE}))
    report = export.reports["reactions"]
    assert report.rows == 5  # rows kept, dates set aside
    assert report.dropped[
        "dates after the export (2024-06-30) set aside (rows kept, undated)"] == 3
    assert report.dropped[
        "dates before LinkedIn existed (May 2003) set aside (rows kept, undated)"] == 1
    assert report.first.isoformat() == "2024-05-01" and report.last.isoformat() == "2024-05-01"
    assert len(report.warnings) == 2
    assert export.positions["started_on"].to_list()[0].year == 1995  # career dates keep theirs
    timeline = build_timeline(export)
    assert [m.month for m in timeline.months] == ["2024-03", "2024-04", "2024-05"]


def test_a_renamed_copy_does_not_cut_the_timeline_at_its_name(tmp_path: Path) -> None:
    folder = tmp_path / "Complete_LinkedInDataExport_01-01-2020"
    days = [f"2023-{m:02d}-{d:02d}" for m in range(1, 13) for d in (3, 17)]
    export = load_export(_write(folder, {"Reactions.csv": _reactions(*days),
                                         "Profile.csv": PROFILE}))
    assert export.exported_on is None
    assert export.reactions["timestamp"].null_count() == 0
    assert any("the name was probably changed" in w for w in export.warnings)


def test_without_an_export_date_the_future_is_set_aside(tmp_path: Path) -> None:
    export = load_export(_write(tmp_path, {
        "Reactions.csv": _reactions("2024-05-01", "2099-01-01"), "Profile.csv": PROFILE}))
    assert export.reactions["timestamp"].to_list() == [datetime(2024, 5, 1, 10), None]
    assert any("in the future" in w for w in export.reports["reactions"].warnings)


# --- media-only archives ------------------------------------------------------------------


def test_an_archive_whose_only_dated_activity_is_its_media_has_a_timeline(
        tmp_path: Path) -> None:
    media = (b"Date/Time,Media Description,Media Link\n"
             b'"You uploaded a photo on January 5, 2025 at 10:00 AM (GMT)", -,'
             b"https://media.licdn.com/dms/image/v2/INVENTED/1\n"
             b'"You uploaded a video on March 9, 2025 at 2:58 PM (GMT)", -,'
             b"https://media.licdn.com/dms/image/v2/INVENTED/2\n")
    export = load_export(_write(tmp_path, {"Rich_Media.csv": media}))
    timeline = build_timeline(export)
    assert [m.month for m in timeline.months] == ["2025-01", "2025-02", "2025-03"]
    uploads = timeline.monthly.select("month", "media_uploads").rows()
    assert uploads == [("2025-01", 1), ("2025-02", 0), ("2025-03", 1)]
    result = CliRunner().invoke(cli, ["timeline", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["months"][0]["metrics"]["media_uploads"] == 1


# --- compare: deletions only where both archives can tell ---------------------------------


def _older_and_newer_basic(tmp_path: Path) -> tuple[Path, Path]:
    """An archive, and a later basic one of the same member (one more connection, no posts)."""
    old = copy_fixture("era2021", tmp_path / "old")
    new = copy_fixture("era2021", tmp_path / "new")
    for name in ("Shares.csv", "Comments.csv", "Reactions.csv", "Votes.csv"):
        (new / name).unlink()
    (new / "Connections.csv").write_bytes((new / "Connections.csv").read_bytes()
                                          + b"\nNew,Person,,Co,Engineer,02 Jan 2022")
    return old, new


def test_a_newer_basic_archive_deletes_no_post(tmp_path: Path) -> None:
    old, new = _older_and_newer_basic(tmp_path)
    comparison = compare_exports(load_export(old), load_export(new))
    assert comparison.deleted_posts.height == 0
    assert {"shares", "comments", "reactions"} <= set(comparison.not_compared)
    doc = to_json(comparison)
    assert doc["missing_from_newer"]["comments"] is None
    assert doc["deleted_posts"] == []
    assert any("not compared" in w for w in doc["warnings"])
    # What the newer archive cannot show is unknown, not "nothing happened".
    assert doc["activity_between"]["comments"] is None
    assert doc["activity_between"]["posts_original"] is None
    assert doc["activity_between"]["connections_gained"] == 1


def test_an_unreadable_newer_shares_file_deletes_no_post(tmp_path: Path) -> None:
    old = copy_fixture("era2021", tmp_path / "old")
    new = copy_fixture("era2021", tmp_path / "new")
    (new / "Shares.csv").write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    comparison = compare_exports(load_export(old), load_export(new))
    assert comparison.deleted_posts.height == 0
    assert "shares" in comparison.not_compared
    result = CliRunner().invoke(cli, ["compare", str(old), str(new), "-o",
                                      str(tmp_path / "c.html")])
    assert result.exit_code == 0, result.output
    assert "Not compared: your posts are not readable" in (tmp_path / "c.html").read_text()


def test_zip_form_of_a_download_folder(tmp_path: Path) -> None:
    downloads = tmp_path / "Downloads"
    downloads.mkdir()
    built = copy_fixture("era2021", tmp_path / "src")
    make_zip(built, downloads / "Complete_LinkedInDataExport_01-15-2022.zip")
    make_zip(built, downloads / "Complete_LinkedInDataExport_01-15-2022 (1).zip")
    with zipfile.ZipFile(downloads / "photos.zip", "w") as archive:
        archive.writestr("holiday.jpg", b"invented")
    with pytest.raises(ExportError) as caught:
        load_export(downloads)
    assert "holds 2 LinkedIn exports" in str(caught.value)
    assert "photos.zip" not in str(caught.value)


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_zip_name_warnings_reach_the_export(tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    reactions = _reactions("2024-05-01")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Profile.csv", PROFILE)
        archive.writestr("Reactions.csv", reactions)
        archive.writestr("Reactions.csv", reactions + reactions[15:])  # a repeated name
        archive.writestr("notes\x1b[31m.txt", b"invented")
    export = load_export(path)
    assert export.reactions.height == 1  # the first entry, whose sizes were checked
    assert any("Reactions.csv: the archive holds 2 entries" in w for w in export.warnings)
    assert all("\x1b" not in w for w in export.warnings)
    assert any("\\x1b" in w for w in export.warnings)


def test_exports_nested_deep_are_never_merged(tmp_path: Path) -> None:
    deep = tmp_path / "linkedin" / "2026"
    copy_fixture("era2021", deep / "a" / "b" / "c" / "d")  # deeper than the search goes
    copy_fixture("era2025", deep / "e" / "f" / "g" / "h")
    with pytest.raises(ExportError, match="holds the files of 2 LinkedIn exports"):
        load_export(tmp_path)


def test_a_stray_linkedin_like_file_does_not_make_downloads_an_export(tmp_path: Path) -> None:
    downloads = _downloads(tmp_path)
    (downloads / "Events.csv").write_bytes(b"Event Name,Event Time,Status,External Url\n")
    (downloads / "contacts.csv").write_bytes(b"Name,Email\ninvented,x@example.org\n")
    with pytest.raises(ExportError, match="holds 2 LinkedIn exports"):
        load_export(downloads)


def test_a_huge_unrelated_zip_in_downloads_is_not_parsed(tmp_path: Path) -> None:
    import linkedin_stages.downloads as downloads_module

    downloads = tmp_path / "Downloads"
    downloads.mkdir()
    with zipfile.ZipFile(downloads / "photos.zip", "w") as archive:
        for n in range(300):
            archive.writestr(f"photo-{n}.jpg", b"")
    copy_fixture("era2021", downloads)
    limit = downloads_module._MAX_ZIP_DIRECTORY
    downloads_module._MAX_ZIP_DIRECTORY = 1000  # the photo zip's list is larger than this
    try:
        assert downloads_module._zip_keys(downloads / "photos.zip") is None
        assert load_export(downloads).found_in is not None
    finally:
        downloads_module._MAX_ZIP_DIRECTORY = limit


def test_a_copy_named_like_a_numbered_part_is_not_read_twice(tmp_path: Path) -> None:
    connections = (b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                   b",,,,,,12 Mar 2024\nAlex,Sample,,,Co,Engineer,12 Mar 2024\n")
    export = load_export(_write(tmp_path, {"Connections.csv": connections,
                                           "Connections_2.csv": connections}))
    assert export.connections.height == 2
    assert any("the same rows as the first file" in w
               for w in export.reports["connections"].warnings)


def test_a_newer_basic_archive_has_unknown_rates_and_no_stage_disagreement(
        tmp_path: Path) -> None:
    old, new = _older_and_newer_basic(tmp_path)
    comparison = compare_exports(load_export(old), load_export(new))
    assert not comparison.swapped
    assert comparison.rates["original_posts"][1] is None
    assert comparison.rates["comments"][0] is not None
    assert comparison.overlap_months == 0 and comparison.disagreements == ()
    doc = to_json(comparison)
    assert doc["stage_change"]["metrics"]["comments"]["change"] is None


def test_an_export_zipped_and_unzipped_side_by_side_is_named_as_one(tmp_path: Path) -> None:
    downloads = tmp_path / "Downloads"
    folder = copy_fixture("era2021", downloads).rename(
        downloads / "Complete_LinkedInDataExport_01-15-2022")
    make_zip(folder, downloads / "Complete_LinkedInDataExport_01-15-2022.zip")
    with pytest.raises(ExportError) as caught:
        load_export(downloads)
    assert "1 and 2 look like one export, zipped and unzipped" in str(caught.value)


@pytest.mark.parametrize("damage", ["empty", "cut", "nul"])
def test_a_damaged_newer_shares_file_deletes_no_post(tmp_path: Path, damage: str) -> None:
    old = copy_fixture("era2021", tmp_path / "old")
    new = copy_fixture("era2021", tmp_path / "new")
    shares = (new / "Shares.csv").read_bytes()
    (new / "Shares.csv").write_bytes({"empty": b"", "cut": shares[: shares.index(b'"', 80) + 5],
                                      "nul": shares[:200] + b"\x00" * 5000}[damage])
    comparison = compare_exports(load_export(old), load_export(new))
    assert comparison.deleted_posts.height == 0
    assert "shares" in comparison.not_compared


def test_reports_of_an_export_whose_path_is_not_utf8(tmp_path: Path) -> None:
    import os

    odd = Path(os.fsdecode(bytes(tmp_path) + b"/exp\xff"))
    copy_fixture("era2021", tmp_path).rename(odd)
    other = copy_fixture("era2025", tmp_path / "b")
    out = tmp_path / "r.html"
    result = CliRunner().invoke(cli, ["analyze", str(odd), "-q", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "exp\\xff" in out.read_text(encoding="utf-8")
    result = CliRunner().invoke(cli, ["compare", str(other), str(odd), "-o",
                                      str(tmp_path / "c.html")])
    assert result.exit_code == 0, result.output
