"""`linkedin-stages inspect`: what it says about an export, in text and JSON, and how it fails
(one `Error:` line naming the path, exit code 1, never a traceback)."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ERAS, ZIP_NAME, make_zip
from linkedin_stages.cli import cli


def run(*args: str):
    return CliRunner().invoke(cli, ["inspect", *args])


@pytest.mark.parametrize("era", ERAS)
def test_text_output_lists_datasets_rows_repairs_missing(make_export, kind, era):
    built = make_export(era, kind)
    result = run(str(built.path))
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Traceback" not in out
    assert f"LinkedIn export: {built.path} ({'folder' if kind == 'folder' else 'zip'})" in out
    assert "dataset" in out and "rows" in out and "first" in out
    assert "Not in this export, and what that limits:" in out
    if era == "resaved":
        # dataset, file (cut to 44 characters), row count, first and last date on one line
        cells = [line for line in out.splitlines() if line.startswith("connections ")][0].split()
        file = built.member("Connections.csv")
        assert cells[:5] == ["connections", file if len(file) <= 44 else file[:43] + "…", "4",
                             "2014-02-05", "2024-06-18"]
        assert "`NA` cells read as empty (spreadsheet re-save)" in out
        assert "a partial archive" in out
    if era == "era2021":
        assert "Member:          Camille Exemple" in out
        assert "a complete archive" in out
        assert "Repairs made (nothing was lost):" in out
        assert "unquoted multi-line messages joined" in out
        assert "lines before the header skipped (Notes preamble)" in out
        assert "InstantReposts.csv: instant reposts" in out
        assert "Articles/*.html: published articles" in out
    if era == "era2025":
        assert "LinkedIn files not used by the analysis (5):" in out
        assert built.member("Receipts_v2.csv") in out


def test_text_output_in_french_json_unchanged(make_export):
    """`--lang fr` words the text (headings, repairs, left-out rows, warnings, limits, the
    articles' file count) from the French catalogue; the JSON stays English."""
    built = make_export("era2021", "folder")
    out = run(str(built.path), "--lang", "fr").output
    assert "Réparations faites (rien n’a été perdu)" in out
    assert "Absent de cet export, et ce que cela limite" in out
    assert "Repairs made" not in out and "what that limits" not in out
    english = run(str(built.path), "--format", "json").output
    assert run(str(built.path), "--format", "json", "--lang", "fr").output == english
    assert "--lang" in run("--help").output


def test_a_repair_and_the_articles_files_are_worded_in_french(tmp_path):
    from linkedin_stages.export import load_export
    from linkedin_stages.inspection import render_text

    root = Path(__file__).resolve().parent.parent / "sample_exports" / "climber"
    export = load_export(root)
    french, english = render_text(export, "fr"), render_text(export, "en")
    assert "Articles/Articles/ (48 fichiers)" in french
    assert "Articles/Articles/ (48 files)" in english
    assert "brouillons gardés et signalés" in french and "drafts kept and flagged" in english
    assert "1 899" in french.replace("\u202f", " ") and "1,899" in english


@pytest.mark.parametrize("lang", ["fr", "de", "es", "pt"])
@pytest.mark.parametrize("era", ERAS)
def test_the_layout_column_is_worded_in_the_language(make_export, era, lang):
    """Every era's layouts (the readers' English phrases) in the text's language; the JSON
    keeps the English phrase."""
    from linkedin_stages.i18n.catalogue import catalogue

    built = make_export(era, "folder")
    out = run(str(built.path), "--lang", lang).output
    english = run(str(built.path)).output
    phrases = catalogue(lang)["inspect"]["layout"]
    for phrase, worded in phrases.items():
        if phrase in english and worded != phrase:
            assert worded in out, (phrase, worded)
    shown = {phrase for phrase in phrases if phrase in out and phrases[phrase] != phrase}
    # An English phrase left in the output is only one inside its own wording ("URL column"
    # is not part of any other language's "no URL column").
    assert not {p for p in shown if not any(p in w for w in phrases.values())}, shown
    data = json.loads(run(str(built.path), "--format", "json", "--lang", lang).output)
    assert json.dumps(data) == json.dumps(json.loads(run(str(built.path), "--format",
                                                         "json").output))


def test_layout_phrases_compose():
    from linkedin_stages.inspection import layout_in

    assert layout_in("2018 layout; re-saved by a spreadsheet", "fr") == \
        "disposition de 2018; réenregistré par un tableur"
    assert layout_in("Notes preamble, no URL column", "de") == "„Notes“-Vorspann, ohne URL-Spalte"
    assert layout_in("no preamble, URL column", "es") == "sin preámbulo, columna URL"
    assert layout_in("LF", "pt") == "LF" and layout_in("", "fr") == ""
    assert layout_in("2018 layout", "en") == "2018 layout"


@pytest.mark.parametrize("era", ERAS)
def test_json_output(make_export, kind, era):
    built = make_export(era, kind)
    result = run(str(built.path), "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert {"archive", "datasets", "missing", "unknown_files"} <= set(doc)
    assert doc["export"] == str(built.path)
    assert doc["source"] == ("folder" if kind == "folder" else "zip")
    assert doc["unknown_files"] == []
    for name, dataset in doc["datasets"].items():
        assert {"file", "rows", "first", "last", "repairs", "warnings"} <= set(dataset), name
        assert dataset["warnings"] == []
        assert isinstance(dataset["rows"], int)
    assert not set(doc["missing"]) & set(doc["datasets"])
    if era == "era2025":
        assert doc["archive"] == "complete"
        assert doc["member"] == "Camille Exemple"
        assert doc["datasets"]["comments"] == {
            "file": built.member("Comments.csv"), "rows": 4, "first": "2025-04-30",
            "last": "2025-07-13", "encoding": "utf-8", "delimiter": ",", "line_ending": "LF",
            "variant": "backslash-escaped quotes (2025 on)",
            "repairs": {"messages with backslash-escaped quotes read": 2}, "dropped": {},
            "warnings": []}
        assert doc["datasets"]["rich_media"]["first"] == "2025-02-07"
        assert doc["datasets"]["rich_media"]["last"] == "2026-02-09"
        assert doc["missing"] == ["votes", "skills", "endorsements_received",
                                  "endorsements_given", "recommendations_given",
                                  "company_follows", "member_follows", "hashtag_follows",
                                  "learning"]
        assert doc["recognised_unused_files"][0] == built.member("Jobs/Saved Jobs.csv")
    if era == "era2018":
        shares = doc["datasets"]["shares"]
        assert (shares["rows"], shares["first"], shares["last"]) == (3, "2015-10-04",
                                                                     "2018-09-30")
        assert shares["encoding"] == "utf-16-le (BOM)"
        assert shares["delimiter"] == "\t"
    if era == "resaved_fr":
        assert doc["archive"] == "partial"
        assert doc["datasets"]["connections"]["encoding"] == "cp1252"
        assert doc["datasets"]["connections"]["last"] == "2021-04-03"


# --- errors: one line, exit code 1 ----------------------------------------------------------


def assert_one_line_error(result, path: Path, *fragments: str) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = result.output.splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("Error: ")
    assert str(path) in lines[0]
    for fragment in fragments:
        assert fragment in lines[0]
    assert result.stdout == ""  # the error goes to stderr


def test_error_nonexistent_path(tmp_path):
    path = tmp_path / "no such export"
    assert_one_line_error(run(str(path)), path, "no such file or folder")


def test_error_plain_file(tmp_path):
    path = tmp_path / "Connections.txt"
    path.write_text("First Name,Last Name\n")
    assert_one_line_error(run(str(path)), path, "not a folder or a zip archive")


def test_error_empty_folder(tmp_path):
    path = tmp_path / "empty export"
    path.mkdir()
    assert_one_line_error(run(str(path)), path, "no LinkedIn export file found")


def test_error_random_bytes_named_zip(tmp_path):
    path = tmp_path / ZIP_NAME
    path.write_bytes(os.urandom(4096))
    assert_one_line_error(run(str(path)), path, "corrupt or truncated")


def test_error_truncated_zip(make_export, tmp_path):
    built = make_export("era2025", "zip")
    data = built.path.read_bytes()
    path = tmp_path / f"truncated_{ZIP_NAME}"
    path.write_bytes(data[: len(data) // 2])
    assert_one_line_error(run(str(path)), path, "corrupt or truncated")


def test_folder_holding_only_the_zip_uses_it_and_says_which(make_export, tmp_path):
    built = make_export("era2021", "folder")
    downloads = tmp_path / "Downloads"
    downloads.mkdir()
    make_zip(built.path, downloads / ZIP_NAME)
    (downloads / "readme.txt").write_text("not an export\n")
    result = run(str(downloads))
    assert result.exit_code == 0, result.output
    assert f"LinkedIn export: {downloads / ZIP_NAME} (zip)" in result.output
    assert f"only LinkedIn export in {downloads}" in result.output


def test_folder_holding_only_the_zip_json(make_export, tmp_path):
    built = make_export("era2021", "folder")
    downloads = tmp_path / "Downloads"
    downloads.mkdir()
    make_zip(built.path, downloads / ZIP_NAME)
    result = run(str(downloads), "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["export"] == str(downloads / ZIP_NAME)
    assert ZIP_NAME in doc["found_in"]


# --- one unreadable file: a warning, the rest still read ----------------------------------

SOCIAL_BUZZ = b"Reaction ID,Content ID,User ID,Type,Datetime\n1,2,3,LIKE,2021-01-01 10:00:00\n"


def _with_foreign_reactions(make_export, kind: str) -> Path:
    """era2021 whose Reactions.csv is another dataset's file that happens to share the name."""
    built = make_export("era2021", "folder")
    (built.path / "Reactions.csv").write_bytes(SOCIAL_BUZZ)
    if kind == "folder":
        return built.path
    return make_zip(built.path, built.path.parent / ZIP_NAME)


@pytest.mark.parametrize("source", ["folder", "zip"])
def test_unreadable_file_is_a_warning_text(make_export, source):
    path = _with_foreign_reactions(make_export, source)
    result = run(str(path))
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert "Warnings:" in result.output
    warning = [line for line in result.output.splitlines()
               if "Reactions.csv: header not recognised" in line]
    assert len(warning) == 1 and warning[0].split()[0] == "reactions"
    comments = [line for line in result.output.splitlines() if line.startswith("comments ")]
    assert comments[0].split()[:3] == ["comments", "Comments.csv", "5"]


@pytest.mark.parametrize("source", ["folder", "zip"])
def test_unreadable_file_is_a_warning_json(make_export, source):
    path = _with_foreign_reactions(make_export, source)
    result = run(str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    reactions = doc["datasets"]["reactions"]
    assert reactions["rows"] == 0
    assert reactions["variant"] == "unreadable"
    assert len(reactions["warnings"]) == 1
    assert reactions["warnings"][0].startswith("Reactions.csv: header not recognised")
    assert doc["warnings"] == reactions["warnings"]
    assert "reactions" not in doc["missing"]
    # every other dataset is read as usual
    assert doc["datasets"]["comments"]["rows"] == 5
    assert doc["datasets"]["shares"]["rows"] == 4
    assert doc["datasets"]["connections"]["rows"] == 5
    assert doc["archive"] == "complete"


def test_unreadable_zip_member_is_a_warning(make_export, tmp_path):
    """A zip whose Shares.csv member is damaged (bad CRC): that file is skipped, not the rest."""
    built = make_export("era2021", "folder")
    path = tmp_path / ZIP_NAME
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as archive:
        for file in sorted(built.path.iterdir()):
            archive.write(file, file.name)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("Shares.csv")
    # flip a byte inside the stored data of Shares.csv (after its 30-byte local header + name)
    offset = info.header_offset + 30 + len(info.filename.encode()) + 10
    data[offset] ^= 0xFF
    path.write_bytes(bytes(data))
    result = run(str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["datasets"]["shares"]["rows"] == 0
    assert doc["datasets"]["shares"]["warnings"][0].startswith("Shares.csv: cannot read")
    assert doc["datasets"]["comments"]["rows"] == 5
