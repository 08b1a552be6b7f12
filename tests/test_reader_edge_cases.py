"""Small files that exercise one reader quirk each: header-only and sentinel files, odd headers,
ragged rows, stray bytes, line endings."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from linkedin_stages import load_export

PROFILE = (b"First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,"
           b"Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\n"
           b"Camille,Exemple,,,,Invented headline,,Software,,,,,\n")


def _export(tmp_path: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    return tmp_path


def test_header_only_file_is_an_empty_dataset_not_a_missing_one(tmp_path: Path) -> None:
    export = load_export(_export(tmp_path, {"Comments.csv": b"Date,Link,Message\r\n",
                                            "Profile.csv": PROFILE}))
    assert "comments" in export.reports and "comments" not in export.missing
    assert export.reports["comments"].rows == 0
    assert export.comments.columns[:3] == ["timestamp", "link", "message"]


def test_sentinel_line_is_an_empty_dataset_with_its_reason(tmp_path: Path) -> None:
    export = load_export(_export(tmp_path, {"messages.csv": b"No conversations found\n",
                                            "Profile.csv": PROFILE}))
    report = export.reports["messages"]
    assert report.rows == 0 and report.readable
    assert "No conversations found" in report.warnings[0]


def test_empty_file_is_an_empty_dataset(tmp_path: Path) -> None:
    export = load_export(_export(tmp_path, {"Reactions.csv": b"", "Profile.csv": PROFILE}))
    assert export.reports["reactions"].rows == 0
    assert export.reports["reactions"].warnings == ["empty file"]


def test_duplicate_and_empty_header_names(tmp_path: Path) -> None:
    data = (b"First Name,Last Name,URL,Email Address,Company,Company,Position,Connected On,\n"
            b"Alex,Sample,,,First Co,Second Co,Engineer,12 Mar 2024,\n")
    export = load_export(_export(tmp_path, {"Connections.csv": data}))
    row = export.connections.row(0, named=True)
    assert row["company"] == "First Co"  # the first of the repeated columns
    assert row["position"] == "Engineer"
    assert row["connected_on"] == datetime(2024, 3, 12)


def test_rows_with_extra_fields_keep_their_text(tmp_path: Path) -> None:
    data = (b"Date,Type,Link\n"
            b"2024-03-17 18:03:38,LIKE,https://www.linkedin.com/feed/update/urn:li:activity:1\n"
            b"2024-03-16 18:03:38,LIKE,https://x.example/a,b\n")
    export = load_export(_export(tmp_path, {"Reactions.csv": data}))
    report = export.reports["reactions"]
    assert report.rows == 2
    assert export.reactions["link"].to_list()[1] == "https://x.example/a,b"
    assert any("more fields than the header" in w for w in report.warnings)


def test_stray_invalid_byte_in_a_utf8_file_keeps_the_other_accents(tmp_path: Path) -> None:
    data = ("First Name,Last Name,Email Address,Company,Position,Connected On\n"
            "Hélène,Dûpont,,Société Générale d’Exemple,Chargée,05 Feb 2014\n"
            "Zoé,Martin,,Café,Barista,06 Feb 2014\n").encode() + b"Bad,\xff,,,,07 Feb 2014\n"
    export = load_export(_export(tmp_path, {"Connections.csv": data}))
    assert export.connections["first_name"].to_list() == ["Hélène", "Zoé", "Bad"]
    assert export.reports["connections"].encoding == "utf-8"
    assert export.reports["connections"].repairs.get("undecodable bytes replaced") == 1


@pytest.mark.parametrize("ending", [b"\n", b"\r\n", b"\r\n\n"])
def test_line_endings_and_trailing_blank_lines(tmp_path: Path, ending: bytes) -> None:
    lines = [b"Date,Type,Link", b"2024-03-17 18:03:38,LIKE,https://x/urn:li:activity:1",
             b"2024-03-16 18:03:38,PRAISE,https://x/urn:li:activity:2"]
    export = load_export(_export(tmp_path, {"Reactions.csv": ending.join(lines) + ending}))
    assert export.reactions["reaction"].to_list() == ["LIKE", "PRAISE"]
    assert export.reactions["urn_id"].to_list() == ["1", "2"]


def test_comments_text_before_the_first_record_is_reported_not_silently_dropped(
        tmp_path: Path) -> None:
    data = (b"Date,Link,Message\nstray line\n"
            b"2024-01-02 10:00:00,https://x/urn:li:activity:9,Hello\n")
    export = load_export(_export(tmp_path, {"Comments.csv": data}))
    report = export.reports["comments"]
    assert export.comments["message"].to_list() == ["Hello"]
    assert report.dropped == {"lines before the first dated record": 1}


def test_unknown_dataset_name_is_refused(tmp_path: Path) -> None:
    from linkedin_stages import ExportError

    with pytest.raises(ExportError, match="unknown dataset name"):
        load_export(_export(tmp_path, {"Profile.csv": PROFILE}), datasets=["posts"])


URN_CASES = [
    ("https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A7521178455178258182",
     "activity", "7521178455178258182"),
    ("https://www.linkedin.com/feed/update/urn%3Ali%3AugcPost%3A75211", "ugcPost", "75211"),
    ("https://www.linkedin.com/feed/update/urn:li:share:42", "share", "42"),
    ("https://www.linkedin.com/feed/update/urn%3ali%3aactivity%3a7?utm=x", "activity", "7"),
    ("https://www.linkedin.com/feed/update/urn%3Ali%3Acomment%3A%28activity%3A1%2C2%29",
     "comment", "(activity:1,2)"),
    ("https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A9%3Fx%3D1", "activity", "9"),
    ("https://example.com/not-a-post", None, None),
    (None, None, None),
]


@pytest.mark.parametrize(("link", "urn_type", "urn_id"), URN_CASES)
def test_post_urns_from_every_link_form(link: str | None, urn_type: str | None,
                                        urn_id: str | None) -> None:
    """Each link alone (the usual form takes the fast split) and all together (the general
    decoding) give the same URN."""
    import polars as pl

    from linkedin_stages.readers.base import with_urn

    alone = with_urn(pl.DataFrame({"link": [link]}, schema={"link": pl.String}), "link")
    together = with_urn(pl.DataFrame({"link": [c[0] for c in URN_CASES]},
                                     schema={"link": pl.String}), "link")
    row = [c[0] for c in URN_CASES].index(link)
    expected = {"urn_type": urn_type, "urn_id": urn_id,
                "post_urn": f"urn:li:{urn_type}:{urn_id}" if urn_id else None}
    columns = list(expected)
    assert alone.select(columns).row(0, named=True) == expected
    assert together.select(columns).row(row, named=True) == expected
