"""Hostile inputs for the source layer (issue #14) and the article parser: zip entries that
repeat a name or lie about their size, names that are not printable, export paths that are
FIFOs or devices, unreadable files and folders, links, and article HTML built to make the
parser rescan. Every input is invented bytes built at test time."""

from __future__ import annotations

import builtins
import dataclasses
import io
import os
import re
import shutil
import struct
import threading
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from linkedin_stages import Export, load_export
from linkedin_stages import source as source_module
from linkedin_stages.cli import cli
from linkedin_stages.csvread import ReadNotes
from linkedin_stages.errors import ExportError, FileReadError
from linkedin_stages.readers import articles as articles_module
from linkedin_stages.readers.articles import defuse_markup, parse_article, read_articles
from linkedin_stages.source import ExportSource, safe_label

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_exports" / "lurker"
ARTICLES = ROOT / "sample_exports" / "basic" / "Articles" / "Articles"
CONNECTIONS = b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n" \
              b"Ada,Example,,,,,01 Jan 2020\n"
_PRINTABLE_PROBLEM = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def _run_with_deadline(action: Callable[[], object], release: Path | None = None,
                       seconds: float = 60) -> object:
    """Run `action` in a daemon thread; fail (not hang) if it blocks. `release` is a FIFO to
    open for writing if it does block, so the stuck thread can end."""
    outcome: dict[str, object] = {}

    def target() -> None:
        try:
            outcome["value"] = action()
        except BaseException as exc:  # handed to the test below
            outcome["error"] = exc

    worker = threading.Thread(target=target, daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        if release is not None:
            try:
                os.close(os.open(release, os.O_WRONLY | os.O_NONBLOCK))
            except OSError:
                pass
        pytest.fail("blocked: something opened a FIFO or read a device")
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome.get("value")


def _zip_bytes(entries: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            archive.writestr(zipfile.ZipInfo(name), data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _sample_entries() -> list[tuple[str, bytes]]:
    return [(p.name, p.read_bytes()) for p in sorted(SAMPLE.iterdir()) if p.is_file()]


def _rename_in_zip(data: bytes, old: bytes, new: bytes) -> bytes:
    """Replace a member name in the local header and the central directory (same length)."""
    assert len(old) == len(new) and data.count(old) == 2
    return data.replace(old, new)


def _write_zip_bomb_member(archive: zipfile.ZipFile, name: str, megabytes: int) -> None:
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_DEFLATED
    with archive.open(info, "w", force_zip64=True) as member:
        member.write(CONNECTIONS)
        chunk = b"\0" * (1 << 20)
        for _ in range(megabytes):
            member.write(chunk)


# --- A. zip entries ---------------------------------------------------------------------


@pytest.mark.parametrize("bomb_first", [False, True])
def test_a_repeated_name_cannot_hide_a_bomb(tmp_path: Path, bomb_first: bool) -> None:
    """zipfile resolves a name to its LAST entry: the entry checked must be the one read."""
    path = tmp_path / "export.zip"
    with pytest.warns(UserWarning, match="Duplicate name"):
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            if not bomb_first:
                archive.writestr("Connections.csv", CONNECTIONS)
            _write_zip_bomb_member(archive, "Connections.csv", 60)
            if bomb_first:
                archive.writestr("Connections.csv", CONNECTIONS)
    with ExportSource.open(path) as source:
        [member] = source.members
        assert any("Connections.csv: the archive holds 2 entries" in w and "first was read" in w
                   for w in source.warnings), source.warnings
        if bomb_first:
            with pytest.raises(FileReadError, match=r"Connections\.csv.*zip bomb"):
                source.read(member)
        else:
            assert member.size == len(CONNECTIONS)
            assert source.read(member) == CONNECTIONS


def test_inflated_bytes_are_counted_whatever_the_header_says(tmp_path: Path) -> None:
    """A member whose declared size is small but which inflates to a bomb is stopped while
    inflating, with an error naming it."""
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        _write_zip_bomb_member(archive, "Connections.csv", 30)
    with ExportSource.open(path) as source:
        [member] = source.members
        lying = dataclasses.replace(member, size=len(CONNECTIONS))  # passes the declared check
        with pytest.raises(FileReadError, match=r"^Connections\.csv: inflates from .*zip bomb"):
            source.read(lying)


def test_the_size_cap_counts_bytes_read_not_declared(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source_module, "MAX_MEMBER_BYTES", 100_000)
    monkeypatch.setattr(source_module, "READ_CHUNK", 4096)
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "Shares.csv").write_bytes(b"x" * 300_000)
    archive = tmp_path / "export.zip"
    archive.write_bytes(_zip_bytes([("Shares.csv", b"x,y\n" * 75_000)]))
    for location in (folder, archive):
        with ExportSource.open(location) as source:
            [member] = source.members
            lying = dataclasses.replace(member, size=10)
            with pytest.raises(FileReadError, match=r"^Shares\.csv: inflates beyond 100,000"):
                source.read(lying)


@pytest.mark.parametrize("damage", ["method", "stream"])
def test_a_damaged_member_is_a_file_error(tmp_path: Path, damage: str) -> None:
    data = bytearray(_zip_bytes(_sample_entries()))
    start = data.find(b"PK\x03\x04")  # the first member (Comments.csv)
    if damage == "method":  # an unknown compression method, in both headers
        struct.pack_into("<H", data, start + 8, 99)
        central = data.find(b"PK\x01\x02")
        struct.pack_into("<H", data, central + 10, 99)
    else:  # a deflate stream that is not one
        name_length, extra_length = struct.unpack_from("<HH", data, start + 26)
        body = start + 30 + name_length + extra_length
        data[body:body + 16] = b"\xff" * 16
    path = tmp_path / "export.zip"
    path.write_bytes(bytes(data))
    with ExportSource.open(path) as source:
        member = next(m for m in source.members if m.path == "Comments.csv")
        with pytest.raises(FileReadError, match=r"^Comments\.csv: cannot read"):
            source.read(member)
    loaded = load_export(path)
    assert loaded.connections.height > 0
    assert any(w.startswith("Comments.csv: cannot read") for w in loaded.warnings)


@pytest.mark.parametrize("entries,cap", [(200, 5_000), (70_000, 1_000_000)],
                         ids=["plain", "zip64 (over 65,535 entries)"])
def test_an_archive_listing_too_many_files_is_refused_before_parsing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, entries: int, cap: int) -> None:
    monkeypatch.setattr(source_module, "MAX_CENTRAL_DIRECTORY_BYTES", cap)
    path = tmp_path / "many.zip"
    written = io.BytesIO()  # in memory, then one write: zipfile seeks back for every entry
    with zipfile.ZipFile(written, "w") as archive:
        archive.writestr("Connections.csv", CONNECTIONS)
        for number in range(entries):
            archive.writestr(f"junk/{number}.txt", b"")
    path.write_bytes(written.getvalue())
    parsed: list[object] = []
    monkeypatch.setattr(zipfile.ZipFile, "_RealGetContents", lambda self: parsed.append(self))
    with pytest.raises(ExportError, match=r"many\.zip: the archive's list of files takes"):
        ExportSource.open(path)
    assert not parsed  # refused from the end record, before zipfile read the directory
    monkeypatch.undo()
    with ExportSource.open(path) as source:  # under the real cap it opens
        assert len(source.members) == entries + 1


CONTROL_NAMES = {
    "ESC": "Conn\x1b[31mX.csv",
    "CSI": "Conn\u009b2JX.csv",
    "CR": "Conn\rX.csv",
    "BEL": "Conn\x07X.csv",
    "RLO": "Conn\u202eX.csv",
}


@pytest.mark.parametrize("name", CONTROL_NAMES.values(), ids=CONTROL_NAMES.keys())
def test_member_names_with_control_characters_are_shown_escaped(tmp_path: Path,
                                                                 name: str) -> None:
    path = tmp_path / "export.zip"
    path.write_bytes(_zip_bytes([*_sample_entries(), (name, b"junk")]))
    with ExportSource.open(path) as source:
        [odd] = [m for m in source.members if m.path.startswith("Conn") and "X" in m.path]
        assert odd.path == safe_label(name) and not _PRINTABLE_PROBLEM.search(odd.path)
        assert "\\x" in odd.path or "\\u" in odd.path
        assert any(w.startswith(odd.path) and "shown escaped" in w for w in source.warnings)
        assert source.read(odd) == b"junk"  # opened by its entry, not by a path
    code, stdout, stderr = _inspect(path)
    assert code == 0, stderr
    assert not _PRINTABLE_PROBLEM.search(stdout.replace("\n", "")), stdout
    assert odd.path in stdout


def test_a_nul_in_a_name_does_not_make_it_a_csv(tmp_path: Path) -> None:
    """zipfile cuts a name at a NUL: `Connections.csv\\0.txt` must not pass for the CSV."""
    entries = [e for e in _sample_entries() if e[0] != "Connections.csv"]
    data = _zip_bytes([*entries, ("Connections.csv#.txt", CONNECTIONS)])
    path = tmp_path / "export.zip"
    path.write_bytes(_rename_in_zip(data, b"Connections.csv#.txt", b"Connections.csv\0.txt"))
    with ExportSource.open(path) as source:
        labels = [m.path for m in source.members]
        assert any(w.startswith("Connections.csv\\x00.txt") for w in source.warnings)
    assert "Connections.csv\\x00.txt" in labels
    assert not any(_PRINTABLE_PROBLEM.search(label) for label in labels)
    loaded = load_export(path)
    assert "connections" in loaded.missing
    assert "Connections.csv\\x00.txt" in loaded.unknown_files


def test_a_name_flagged_utf8_that_is_not_does_not_refuse_the_archive(tmp_path: Path) -> None:
    data = _zip_bytes([*_sample_entries(), ("Notes/caf\u00e9.csv", b"hello")])
    data = _rename_in_zip(data, "caf\u00e9".encode(), b"caf\xc3\x28")  # invalid UTF-8
    path = tmp_path / "export.zip"
    path.write_bytes(data)
    with pytest.raises(UnicodeDecodeError):
        zipfile.ZipFile(path)  # what zipfile alone does with it
    with ExportSource.open(path) as source:
        odd = next(m for m in source.members if m.path.startswith("Notes/"))
        assert odd.path == "Notes/caf\\xc3(.csv"
        assert any(w.startswith(odd.path) and "shown escaped" in w for w in source.warnings)
        assert source.read(odd) == b"hello"
    loaded = load_export(path)
    assert loaded.connections.height > 0 and loaded.member_name
    assert "Notes/caf\\xc3(.csv" in loaded.unknown_files


def test_names_stored_without_the_utf8_flag(tmp_path: Path) -> None:
    """Without the flag zipfile decodes names as cp437: UTF-8 bytes are shown as UTF-8, other
    bytes keep their cp437 reading (printable)."""
    data = _zip_bytes([*_sample_entries(), ("Notes/AAAAAA.csv", b"a"), ("Notes/BBB.csv", b"b")])
    data = _rename_in_zip(data, b"AAAAAA", "Donn\u00e9".encode())  # ASCII written: no flag
    data = _rename_in_zip(data, b"BBB", b"\x82t\xe9")
    path = tmp_path / "export.zip"
    path.write_bytes(data)
    with ExportSource.open(path) as source:
        labels = {m.path for m in source.members if m.path.startswith("Notes/")}
        assert not [w for w in source.warnings if "shown escaped" in w]
    assert labels == {"Notes/Donn\u00e9.csv", "Notes/\u00e9t\u0398.csv"}


@pytest.mark.parametrize("text,shown", [
    ("\x1b[2J", "\\x1b[2J"),
    ("a\u009bb", "a\\x9bb"),
    ("line\rover", "line\\rover".replace("\\r", "\\x0d")),
    ("bell\x07", "bell\\x07"),
    ("nul\x00", "nul\\x00"),
    ("del\x7f", "del\\x7f"),
    (os.fsdecode(b"caf\xe9"), "caf\\xe9"),
    ("lone\ud800", "lone\\ud800"),
    ("right\u202eleft", "right\\u202eleft"),
    ("Donn\u00e9es/Connections.csv", "Donn\u00e9es/Connections.csv"),
    ("plain/path with spaces.csv", "plain/path with spaces.csv"),
])
def test_safe_label(text: str, shown: str) -> None:
    assert safe_label(text) == shown
    safe_label(text).encode("utf-8")  # always printable, never a surrogate


def _inspect(path: Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["inspect", str(path)])
    return result.exit_code, result.stdout, result.stderr


# --- B. the export argument and what a folder holds ------------------------------------


def test_a_fifo_as_the_export_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "export.zip"
    os.mkfifo(fifo)

    def attempt() -> str:
        with pytest.raises(ExportError) as caught:
            ExportSource.open(fifo)
        return str(caught.value)

    message = _run_with_deadline(attempt, release=fifo)
    assert "export.zip: a named pipe (FIFO), not a folder or a zip archive" in str(message)
    result = _run_with_deadline(lambda: _inspect(fifo), release=fifo)
    code, _, stderr = result  # type: ignore[misc]
    assert code == 1 and stderr.count("\n") == 1 and "named pipe" in stderr


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "link"])
def test_a_device_as_the_export_is_refused_at_once(tmp_path: Path, device: str) -> None:
    if device == "link":
        device_path = tmp_path / "Complete_LinkedInDataExport.zip"
        device_path.symlink_to("/dev/zero")
    else:
        device_path = Path(device)
    if not os.path.exists(device_path):
        pytest.skip(f"{device} is not available here")
    with pytest.raises(ExportError, match="a character device, not a folder or a zip"):
        _run_with_deadline(lambda: ExportSource.open(device_path))


def _non_utf8(parent: Path, raw: bytes) -> Path:
    return Path(os.fsdecode(bytes(parent) + b"/" + raw))


def test_a_folder_whose_name_is_not_utf8_reads(tmp_path: Path) -> None:
    root = _non_utf8(tmp_path, b"caf\xe9")
    shutil.copytree(SAMPLE, root)
    articles = root / "Articles" / "Articles"
    articles.mkdir(parents=True)
    first = sorted(ARTICLES.iterdir())[0]
    shutil.copy(first, _non_utf8(articles, b"r\xe9sum\xe9.html"))
    loaded = load_export(root)
    assert loaded.connections.height > 0 and loaded.shares.height > 0 and loaded.member_name
    assert loaded.articles.height == 1
    assert loaded.reports["articles"].file == "Articles/Articles/ (1 file)"
    assert loaded.articles["file"][0] == "Articles/Articles/r\\xe9sum\\xe9.html"
    with ExportSource.open(root) as source:
        assert source.label.endswith("/caf\\xe9")
        assert not [w for w in source.warnings if "shown escaped" in w and "caf" in w]


def test_a_sub_folder_whose_name_is_not_utf8_reads(tmp_path: Path) -> None:
    """Polars takes only UTF-8 paths: such a file is read through Python instead."""
    root = tmp_path / "export"
    root.mkdir()
    shutil.copytree(SAMPLE, _non_utf8(root, b"donn\xe9es"))
    with ExportSource.open(root) as source:
        member = next(m for m in source.members if m.key == "connections")
        assert member.path == "donn\\xe9es/Connections.csv"
        file = source.file(member)
        assert file.local is None and file.raw() == (SAMPLE / "Connections.csv").read_bytes()
    loaded = load_export(root)
    assert loaded.connections.height > 0 and loaded.member_name


def test_messages_about_a_path_that_is_not_utf8_are_printable(tmp_path: Path) -> None:
    missing = _non_utf8(tmp_path, b"caf\xe9\x1b.zip")
    with pytest.raises(ExportError) as caught:
        ExportSource.open(missing)
    message = str(caught.value)
    message.encode("utf-8")
    assert "caf\\xe9\\x1b.zip: no such file or folder" in message
    not_zip = _non_utf8(tmp_path, b"caf\xe9.zip")
    not_zip.write_bytes(b"not a zip at all")
    with pytest.raises(ExportError, match=r"caf\\xe9\.zip: the zip archive is corrupt"):
        ExportSource.open(not_zip)


def _deny(monkeypatch: pytest.MonkeyPatch, function: str, name_ends: str) -> None:
    """Make `os.<function>` (and for "open" also the built-in `open`) fail with EACCES for one
    path (tests run as root, for whom permission bits do not apply)."""
    targets = [(os, function)] + ([(builtins, "open")] if function == "open" else [])
    for owner, name in targets:
        real = getattr(owner, name)

        def denied(path, *args, real=real, **kwargs):  # type: ignore[no-untyped-def]
            if isinstance(path, (str, os.PathLike)) and os.fspath(path).endswith(name_ends):
                raise PermissionError(13, "Permission denied", os.fspath(path))
            return real(path, *args, **kwargs)

        monkeypatch.setattr(owner, name, denied)


@pytest.mark.parametrize("name", ["Shares.csv", "Connections.csv"])
def test_an_unreadable_file_is_a_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         name: str) -> None:
    root = tmp_path / "export"
    shutil.copytree(SAMPLE, root)
    _deny(monkeypatch, "open", "/" + name)
    loaded = load_export(root)
    dataset = name.removesuffix(".csv").lower()
    assert not loaded.reports[dataset].readable
    assert f"{name}: cannot read (Permission denied)" in loaded.warnings
    assert loaded.member_name and (loaded.messages.height > 0)


def test_an_unreadable_article_is_a_warning(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "export"
    shutil.copytree(SAMPLE, root)
    shutil.copytree(ARTICLES, root / "Articles")
    denied = sorted(ARTICLES.iterdir())[0].name
    _deny(monkeypatch, "open", denied)
    loaded = load_export(root)
    assert loaded.articles.height == len(list(ARTICLES.iterdir())) - 1
    assert any("Permission denied" in w for w in loaded.reports["articles"].warnings)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_file_is_a_warning_for_real(tmp_path: Path) -> None:
    root = tmp_path / "export"
    shutil.copytree(SAMPLE, root)
    (root / "Shares.csv").chmod(0)
    loaded = load_export(root)
    assert "Shares.csv: cannot read (Permission denied)" in loaded.warnings


def test_an_unreadable_sub_folder_is_a_warning(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "export"
    shutil.copytree(SAMPLE, root)
    (root / "Private").mkdir()
    (root / "Private" / "Shares.csv").write_bytes(b"x")
    _deny(monkeypatch, "scandir", "/Private")
    with ExportSource.open(root) as source:
        assert "Private/: cannot list this folder (Permission denied); the files in it were " \
               "not read" in source.warnings
        assert "Connections.csv" in {m.path for m in source.members}
    assert load_export(root).connections.height > 0


def test_an_unreadable_root_is_an_export_error(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "export"
    shutil.copytree(SAMPLE, root)
    _deny(monkeypatch, "scandir", "/export")
    with pytest.raises(ExportError, match=r"export: cannot list the folder \(Permission denied"):
        ExportSource.open(root)


def test_special_files_and_links_in_a_folder_are_never_opened(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "export"
    shutil.copytree(SAMPLE, root)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "Connections.csv").write_bytes(CONNECTIONS)
    (root / "Connections.csv").unlink()
    os.mkfifo(root / "Connections.csv")
    (root / "Shares.csv").unlink()
    (root / "Shares.csv").symlink_to("/dev/zero")
    (root / "Reactions.csv").unlink()
    os.mkfifo(root / "fifo-target")
    (root / "Reactions.csv").symlink_to(root / "fifo-target")
    (root / "Linked").symlink_to(outside, target_is_directory=True)
    (root / "Articles").symlink_to("/dev", target_is_directory=True)
    opened: list[str] = []
    real_open = os.open

    def spy(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        opened.append(os.fspath(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", spy)
    loaded = _run_with_deadline(lambda: load_export(root), release=root / "Connections.csv")
    assert isinstance(loaded, Export)
    assert {"connections", "shares", "reactions"} <= set(loaded.missing)
    warned = " ".join(loaded.warnings)
    for name in ("Connections.csv", "Shares.csv", "Reactions.csv", "Linked", "Articles",
                 "fifo-target"):
        assert f"{name}: a link or special file, not followed" in warned
    touched = {Path(p).name for p in opened if p.startswith(str(tmp_path))}
    assert not touched & {"Connections.csv", "Shares.csv", "Reactions.csv", "fifo-target"}
    assert not any(p.startswith(str(outside)) or p.startswith("/dev") for p in opened)


def test_a_file_swapped_for_a_fifo_after_listing_is_not_opened(tmp_path: Path) -> None:
    root = tmp_path / "export"
    shutil.copytree(SAMPLE, root)
    with ExportSource.open(root) as source:
        member = next(m for m in source.members if m.path == "Shares.csv")
        (root / "Shares.csv").unlink()
        os.mkfifo(root / "Shares.csv")
        for action in (lambda: source.read(member), lambda: source.file(member).head()):
            with pytest.raises(FileReadError, match=r"^Shares\.csv: not a regular file"):
                _run_with_deadline(action, release=root / "Shares.csv")


# --- C. article HTML built to make the parser rescan -------------------------------------

BOMBS = {
    "end tags": "</" * 200_000,  # 400 KB
    "comments": "<!--" * 100_000,
    "comments closed late": "<!-- >" * 70_000,
    "unclosed anchors": "<a " * 130_000,
    "no closing bracket": "<div class=x " + "y" * 1_000_000,
    "marked sections": "<![" * 130_000,
    "declarations": "<!x" * 130_000,
    "instructions": "<?" * 200_000,
    "open quotes": '<a b="' * 70_000,
    "bare brackets": "<" * 400_000,
}
_TAG_ENDS_AT_NEXT_BRACKET = re.compile(r"<[^<>]*>")


def _assert_bounded(text: str) -> None:
    """Every `<` the parser sees opens a tag closed by the first `>` after it, so no construct
    makes it look further than that `>`: its work is linear in the input."""
    for match in re.finditer("<", text):
        assert _TAG_ENDS_AT_NEXT_BRACKET.match(text, match.start()), text[match.start():][:40]
    assert "<!" not in text and "<?" not in text


@pytest.mark.parametrize("bomb", BOMBS.values(), ids=BOMBS.keys())
def test_pathological_markup_is_defused_before_parsing(bomb: str,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    fed: list[str] = []
    real_feed = articles_module._ArticleParser.feed

    def spy(self, data: str) -> None:  # type: ignore[no-untyped-def]
        fed.append(data)
        real_feed(self, data)

    monkeypatch.setattr(articles_module._ArticleParser, "feed", spy)
    html = "<html><head><title>T</title></head><body><div><p>Body " + bomb
    row = parse_article(html, "Articles/bomb.html")
    assert row["title"] == "T" and str(row["body"]).startswith("Body")
    [text] = fed
    _assert_bounded(text)
    assert len(text) <= 4 * len(html)  # `<` → `&lt;` at most


def test_a_four_megabyte_bomb_parses(tmp_path: Path) -> None:
    """Before the fix this input took hours (quadratic); now it is linear and under the
    per-article cap."""
    raw = ("<div>" + "</" * 1_000_000 + "<a " * 300_000).encode()
    notes = ReadNotes()
    frame = read_articles([("Articles/bomb.html", raw)], notes)
    assert frame.height == 1
    assert "could not be parsed" not in " ".join(notes.warnings)


def test_a_marked_section_flood_no_longer_crashes_the_parser() -> None:
    notes = ReadNotes()
    frame = read_articles([("Articles/x.html", b"<div>text<![<![<![<![</div>")], notes)
    assert frame.height == 1 and frame["body"][0].startswith("text")
    assert not notes.warnings


def test_an_oversized_article_is_cut_with_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(articles_module, "MAX_ARTICLE_BYTES", 1000)
    raw = ("<div>" + "\u00e9" * 2000 + "</div>").encode()  # the cut falls inside a character
    notes = ReadNotes()
    frame = read_articles([("Articles/big.html", raw)], notes)
    assert notes.warnings == ["Articles/big.html: larger than 1,000 bytes, which no LinkedIn "
                              "article is; only its beginning was read"]
    assert not any("cp1252" in repair for repair in notes.repairs)  # the cut kept it UTF-8
    assert frame["body"][0] == "\u00e9" * 497


WELL_FORMED = [
    "<!DOCTYPE html><html><head><title>A &amp; B</title><style>p > a { x: 1 }</style></head>"
    "<body><h1><a href=\"https://www.linkedin.com/pulse/a-b\">A &amp; B</a></h1>"
    "<p class=\"created\">Created on 2021-03-04 05:06</p>"
    "<p class=\"published\">Published on 2021-03-05 07:08</p>"
    "<div><p>One &lt;two&gt; <strong>three</strong></p><!-- a note --><br/><img src=\"x\" "
    "alt=\"a > b\"><ul><li>4 < 5</li></ul></div></body></html>",
    *(path.read_text(encoding="utf-8") for path in sorted(ARTICLES.iterdir())[:5]),
]


@pytest.mark.parametrize("html", WELL_FORMED)
def test_well_formed_articles_parse_as_before(html: str,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    defused = parse_article(html, "Articles/a.html")
    monkeypatch.setattr(articles_module, "defuse_markup", lambda text: text)
    assert parse_article(html, "Articles/a.html") == defused
    assert defuse_markup("<p>a</p>\n<div class='b'>c</div>") == "<p>a</p>\n<div class='b'>c</div>"
