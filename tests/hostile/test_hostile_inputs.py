"""A corpus of bad inputs, built at test time: each ends with one clear line and exit code 1,
or with a warning while the rest is read — never a traceback, never a file written or changed
outside the output path, memory bounded."""

from __future__ import annotations

import os
import resource
import shutil
import struct
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from linkedin_stages import load_export
from linkedin_stages.cli import cli

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_exports" / "lurker"


def _snapshot(root: Path) -> dict[str, tuple[int, bytes]]:
    return {p.relative_to(root).as_posix(): (p.stat().st_mtime_ns, p.read_bytes())
            for p in sorted(root.rglob("*")) if p.is_file() and not p.is_symlink()}


def _inspect(path: Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["inspect", str(path)])
    return result.exit_code, result.stdout, result.stderr


def _assert_one_error_line(code: int, stdout: str, stderr: str, *words: str) -> None:
    assert code == 1
    assert stdout == ""
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), stderr
    assert "Traceback" not in stderr
    for word in words:
        assert word in lines[0], (word, lines[0])


def _zip_of(folder: Path, target: Path, names: dict[str, str] | None = None) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                name = path.relative_to(folder).as_posix()
                archive.write(path, (names or {}).get(name, name))
    return target


def test_encrypted_zip_is_refused_clearly(tmp_path: Path) -> None:
    archive = _zip_of(SAMPLE, tmp_path / "locked.zip")
    data = bytearray(archive.read_bytes())
    # Set the "encrypted" flag on every entry (local headers and central directory).
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            flags = struct.unpack_from("<H", data, start + offset)[0]
            struct.pack_into("<H", data, start + offset, flags | 0x1)
            start += 4
    archive.write_bytes(bytes(data))
    _assert_one_error_line(*_inspect(archive), "locked.zip", "could be read", "encrypted")


def test_zip_bomb_ends_quickly_with_bounded_memory(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("Connections.csv", "w", force_zip64=True) as member:
            member.write(b"First Name,Last Name,Connected On\n")
            chunk = b"\0" * (1 << 20)
            for _ in range(300):  # 300 MB of zeros, deflated to a few hundred kB
                member.write(chunk)
        archive.write(SAMPLE / "Profile.csv", "Profile.csv")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    code, stdout, stderr = _inspect(bomb)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert code == 0, stderr  # the profile still reads
    assert "zip bomb" in stdout
    assert grown_mb < 200


def test_zip_of_zips_points_at_the_inner_zip(tmp_path: Path) -> None:
    inner = _zip_of(SAMPLE, tmp_path / "Complete_LinkedInDataExport_03-01-2026.zip")
    outer = tmp_path / "outer.zip"
    with zipfile.ZipFile(outer, "w") as archive:
        archive.write(inner, inner.name)
    _assert_one_error_line(*_inspect(outer), "outer.zip",
                           "Complete_LinkedInDataExport_03-01-2026.zip")


@pytest.mark.parametrize("cut", [0.1, 0.5, 0.99])
def test_truncated_zip(tmp_path: Path, cut: float) -> None:
    archive = _zip_of(SAMPLE, tmp_path / "export.zip")
    data = archive.read_bytes()
    archive.write_bytes(data[: int(len(data) * cut)])
    _assert_one_error_line(*_inspect(archive), "export.zip", "corrupt or truncated")


def test_member_names_that_try_to_escape_are_only_labels(tmp_path: Path) -> None:
    names = {"Profile.csv": "../../outside/Profile.csv",
             "Connections.csv": "/absolute/Connections.csv"}
    archive = _zip_of(SAMPLE, tmp_path / "export.zip", names)
    workdir = tmp_path / "work"
    workdir.mkdir()
    before = _snapshot(tmp_path)
    cwd = os.getcwd()
    os.chdir(workdir)
    try:
        export = load_export(archive)
    finally:
        os.chdir(cwd)
    assert export.connections.height > 0 and export.member_name
    assert _snapshot(tmp_path) == before
    assert not (tmp_path / "outside").exists() and not Path("/absolute").exists()


def test_links_in_a_folder_are_not_followed(tmp_path: Path) -> None:
    export = tmp_path / "export"
    shutil.copytree(SAMPLE, export)
    (export / "Connections.csv").unlink()
    secret = tmp_path / "secret.txt"
    secret.write_text("First Name,Last Name,Connected On\nSecret,Person,01 Jan 2020\n")
    (export / "Connections.csv").symlink_to(secret)
    loaded = load_export(export)
    assert "connections" in loaded.missing
    assert any("link or special file" in w for w in loaded.warnings)


def test_a_folder_named_like_a_file(tmp_path: Path) -> None:
    export = tmp_path / "export"
    shutil.copytree(SAMPLE, export)
    (export / "Shares.csv").unlink()
    (export / "Shares.csv").mkdir()
    loaded = load_export(export)
    assert "shares" in loaded.missing and loaded.connections.height > 0


@pytest.mark.parametrize("content,expect", [
    (b"\xff\xfe" + "Date\tShareLink\n2024".encode("utf-16-le")[:-1], "rows"),  # odd UTF-16
    (os.urandom(5000), "header not recognised"),
    (b"Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n"
     + b"2024-01-02 10:00:00,https://x/urn:li:share:1,\"" + b"a" * 20_000_000 + b"\",,,PUBLIC\n",
     "1"),
    (b"Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n"
     + b"2024-01-02 10:00:00,https://x/urn:li:share:1," + b"x," * 300_000 + b"\n", "1"),
    (b"Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n"
     + b"".join(b"someday,https://x/urn:li:share:%d,hello,,,PUBLIC\n" % i for i in range(50)),
     "not a date"),
    ("Date,ShareLink,ShareCommentary\n2024-01-02 10:00:00,x,caf\xe9 cr\xe8me\n".encode("latin-1"),
     "cp1252"),
])
def test_broken_files_are_warnings_and_the_rest_reads(tmp_path: Path, content: bytes,
                                                      expect: str) -> None:
    export = tmp_path / "export"
    shutil.copytree(SAMPLE, export)
    (export / "Shares.csv").write_bytes(content)
    before = _snapshot(export)
    code, stdout, stderr = _inspect(export)
    assert code == 0, stderr
    assert "Traceback" not in stdout + stderr
    assert expect in stdout
    assert "connections" in stdout  # the rest still reads
    assert _snapshot(export) == before
