"""Hostile places to write to and hostile text to print (issue #14, round two).

* `sample` never deletes or overwrites what it did not write, and never leaves a temporary
  file or folder behind (exception, Ctrl-C, SIGTERM);
* workbooks are found inside an export folder without following links or opening FIFOs,
  sockets or devices;
* a report is never written over a device, a FIFO or a link, never inside the export seen
  through a link or a bind mount, and a SIGTERM during the write leaves nothing;
* a thresholds file with nan, inf, negative, fractional or wrongly typed values is one clear
  line naming the file and the key;
* a full standard output is one clear line, a closed pipe ends quietly;
* text from an archive never reaches the terminal with its control characters.

Every input is invented here.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from linkedin_stages.analysis.thresholds import ThresholdsError, load_thresholds
from linkedin_stages.cli import cli
from linkedin_stages.errors import ReportError
from linkedin_stages.report.render import check_output, write_report
from linkedin_stages.safe_output import TEMP_PREFIX, write_atomically
from linkedin_stages.synth import generate
from linkedin_stages.synth.generate import SampleError, check_sample_target, write_sample
from linkedin_stages.workbook_files import find_workbooks

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_exports" / "lurker"
UNTIL = "2018-06"  # a small, quick lurker archive


def _snapshot(root: Path) -> dict[str, object]:
    """Every entry under `root` (links and special files included, never followed)."""
    result: dict[str, object] = {}
    for current, folders, files in os.walk(root):
        for name in folders + files:
            path = Path(current, name)
            info = os.lstat(path)
            key = path.relative_to(root).as_posix()
            if stat.S_ISREG(info.st_mode):
                result[key] = (info.st_mtime_ns, path.read_bytes())
            elif stat.S_ISLNK(info.st_mode):
                result[key] = ("link", os.readlink(path))
            else:
                result[key] = stat.S_IFMT(info.st_mode)
    return result


def _temporaries(folder: Path) -> list[str]:
    return [p.name for p in folder.rglob("*") if p.name.startswith((TEMP_PREFIX, "."))]


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def _one_error(code: int, stdout: str, stderr: str, *words: str) -> str:
    assert code == 1, (code, stdout, stderr)
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), stderr
    assert "bug" not in lines[0] and "Traceback" not in stderr
    for word in words:
        assert word in lines[0], (word, lines[0])
    return lines[0]


def _sample(target: Path, *extra: str) -> tuple[int, str, str]:
    return _run("sample", "lurker", str(target), "--until", UNTIL, *extra)


# ------------------------------------------------------------------ A. sample never deletes


@pytest.mark.parametrize("contents", [
    {"notes.txt": b"mine"},  # the issue: a download folder
    {"Connections.csv": b"First Name\n", "Profile.csv": b"x\n"},  # looks like an export
    {"sub/deeper/still/Profile.csv": b"x\n"},  # deeper than a sample
    {".DS_Store": b"\0"},
])
def test_sample_refuses_a_folder_it_did_not_write(tmp_path: Path,
                                                  contents: dict[str, bytes]) -> None:
    target = tmp_path / "Downloads"
    for name, data in contents.items():
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        (target / name).write_bytes(data)
    before = _snapshot(tmp_path)
    _one_error(*_sample(target), str(target))
    assert _snapshot(tmp_path) == before


def test_sample_refuses_a_look_alike_without_its_truth_file(tmp_path: Path) -> None:
    """A folder holding exactly a sample's files is still the user's without the truth file
    beside it (a real export has the same kind of files)."""
    target = tmp_path / "export"
    assert _sample(target)[0] == 0
    (tmp_path / "export.truth.json").unlink()
    before = _snapshot(tmp_path)
    _one_error(*_sample(target), "export.truth.json", "nothing was written")
    assert _snapshot(tmp_path) == before


@pytest.mark.parametrize("truth", [b"{}", b"not json", b'{"persona": "lurker"}',
                                   b'{"persona": "nobody", "export": "2020-01", "months": {}}',
                                   b"\xff\xfe"])
def test_a_truth_file_the_tool_did_not_write_is_not_overwritten(tmp_path: Path,
                                                                 truth: bytes) -> None:
    (tmp_path / "s.truth.json").write_bytes(truth)
    before = _snapshot(tmp_path)
    _one_error(*_sample(tmp_path / "s"), "s.truth.json")
    assert _snapshot(tmp_path) == before


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("make,extra,word", [
    (lambda p: (p / "s").write_bytes(b"a file"), (), "not a folder"),
    (lambda p: _fifo(p / "s"), (), "not a folder"),
    (lambda p: (p / "s.truth.json").mkdir(), (), "not a regular file"),
    (lambda p: _fifo(p / "s.truth.json"), (), "not a regular file"),
    (lambda p: (p / "s.zip").mkdir(), ("--zip",), "not a regular file"),
    (lambda p: (p / "s.zip").write_bytes(b"PK\5\6" + b"\0" * 18), ("--zip",), "s.zip"),
    (lambda p: (p / "s.analytics.xlsx").mkdir(), ("--analytics",), "not a regular file"),
    (lambda p: (p / "s.analytics.xlsx").write_bytes(b"mine"), ("--analytics",),
     "s.analytics.xlsx"),
    (lambda p: (p / "s").symlink_to(p / "elsewhere", target_is_directory=True), (),
     "symbolic link"),
    (lambda p: (p / "s.truth.json").symlink_to(p / "elsewhere"), (), "symbolic link"),
])
def test_sample_refuses_paths_of_the_wrong_type(tmp_path: Path, make, extra: tuple[str, ...],
                                                word: str) -> None:
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "precious.txt").write_text("keep me")
    make(tmp_path)
    before = _snapshot(tmp_path)
    _one_error(*_sample(tmp_path / "s", *extra), word)
    assert _snapshot(tmp_path) == before


def test_sample_in_a_folder_under_a_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    _one_error(*_sample(tmp_path / "file" / "s"), "not a folder")


def test_sample_all_checks_every_target_before_writing(tmp_path: Path) -> None:
    (tmp_path / "climber").mkdir()
    (tmp_path / "climber" / "mine.txt").write_text("keep")
    before = _snapshot(tmp_path)
    _one_error(*_run("sample", "all", str(tmp_path)), "climber")
    assert _snapshot(tmp_path) == before  # not even the samples before it were written


def test_regenerating_over_an_earlier_sample_replaces_it(tmp_path: Path) -> None:
    target = tmp_path / "s"
    assert _run("sample", "curator", str(target), "--until", "2024-06")[0] == 0
    assert (target / "Connections.csv").exists()
    old_only = {p.relative_to(target) for p in target.rglob("*")}
    code, out, err = _run("sample", "lurker", str(target), "--until", "2018-06")
    assert code == 0, err
    assert json.loads((tmp_path / "s.truth.json").read_text())["persona"] == "lurker"
    written = set(generate.build_archive("lurker", until="2018-06").files)
    assert {p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file()} \
        == written
    assert old_only  # the old layout's files are gone, nothing else left
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s", "s.truth.json"]
    # and the zip form, twice, with its workbook
    for _ in range(2):
        code, _, err = _sample(target, "--zip", "--analytics")
        assert code == 0, err
    assert zipfile.is_zipfile(tmp_path / "s.zip")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "s", "s.analytics.xlsx", "s.truth.json", "s.zip"]


def test_an_empty_folder_is_a_fine_target(tmp_path: Path) -> None:
    (tmp_path / "s").mkdir()
    code, _, err = _sample(tmp_path / "s")
    assert code == 0, err
    assert (tmp_path / "s" / "Connections.csv").exists()


def test_sample_does_not_misname_a_dotted_zip(tmp_path: Path) -> None:
    paths = check_sample_target(tmp_path / "climber.v2", as_zip=True)
    assert paths.archive.name == "climber.v2.zip"
    assert paths.truth.name == "climber.v2.truth.json"


@pytest.mark.parametrize("interruption", [KeyboardInterrupt, OSError(errno.ENOSPC, "full"),
                                          "sigterm"])
def test_interrupted_sample_leaves_nothing_and_keeps_the_earlier_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, interruption: object) -> None:
    target = tmp_path / "s"
    write_sample("lurker", target, until=UNTIL)
    before = _snapshot(tmp_path)
    real = generate.Archive.write_folder

    def broken(self: generate.Archive, folder: Path) -> None:
        real(self, folder)  # half-way: the new folder is complete, not yet in place
        if interruption == "sigterm":
            os.kill(os.getpid(), signal.SIGTERM)
        raise interruption  # type: ignore[misc]

    monkeypatch.setattr(generate.Archive, "write_folder", broken)
    previous = signal.getsignal(signal.SIGTERM)
    with pytest.raises((KeyboardInterrupt, SampleError, ReportError)):
        write_sample("lurker", target, until="2019-06")
    assert signal.getsignal(signal.SIGTERM) is previous
    assert _snapshot(tmp_path) == before
    assert _temporaries(tmp_path) == []


def test_failure_while_swapping_puts_the_earlier_sample_back(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "s"
    write_sample("lurker", target, until=UNTIL)
    before = _snapshot(tmp_path)
    real = os.replace
    calls = []

    def flaky(source: object, destination: object) -> None:
        calls.append(destination)
        if Path(destination) == target and len(calls) == 2:  # the new one into place
            raise OSError(errno.EIO, "Input/output error")
        real(source, destination)

    monkeypatch.setattr(generate.os, "replace", flaky)
    with pytest.raises(SampleError, match="Input/output error"):
        write_sample("lurker", target, until="2019-06")
    assert _snapshot(tmp_path) == before
    assert _temporaries(tmp_path) == []


def test_a_sample_over_an_earlier_one_keeps_a_file_that_appeared_meanwhile(
        tmp_path: Path) -> None:
    """Only the files listed when the earlier sample was checked are removed."""
    target = tmp_path / "s"
    write_sample("lurker", target, until=UNTIL)
    aside = tmp_path / "aside"
    os.replace(target, aside)
    listing = generate._sample_folder_listing(aside)
    assert not isinstance(listing, str)
    (aside / "new.txt").write_text("appeared")
    generate._remove_tree(aside, *listing)
    assert [p.name for p in aside.iterdir()] == ["new.txt"]


# ------------------------------------------------------------------ B. workbooks in a folder


def test_workbook_discovery_skips_links_fifos_and_leftovers(tmp_path: Path) -> None:
    export = tmp_path / "export"
    (export / "sub").mkdir(parents=True)
    (export / "__MACOSX").mkdir()
    (export / "real.xlsx").write_bytes(b"PK")
    (export / "sub" / "Deeper.XLSX").write_bytes(b"PK")
    (export / "__MACOSX" / "real.xlsx").write_bytes(b"junk")
    (export / "._real.xlsx").write_bytes(b"junk")
    (export / "~$real.xlsx").write_bytes(b"lock")
    os.mkfifo(export / "fifo.xlsx")
    (export / "zero.xlsx").symlink_to("/dev/zero")
    (export / "null.xlsx").symlink_to("/dev/null")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.xlsx").write_bytes(b"PK")
    (export / "linked").symlink_to(outside, target_is_directory=True)
    (export / "loop").symlink_to(export, target_is_directory=True)
    found, warnings = find_workbooks(export)
    assert found == [export / "real.xlsx", export / "sub" / "Deeper.XLSX"]
    joined = "\n".join(warnings)
    assert "fifo.xlsx is not a regular file" in joined
    assert "zero.xlsx is a link" in joined and "null.xlsx is a link" in joined
    assert "secret" not in joined
    assert find_workbooks(export / "real.xlsx") == ([], [])
    assert find_workbooks(tmp_path / "missing") == ([], [])


def test_workbook_discovery_bounds_the_walk(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import linkedin_stages.workbook_files as workbook_files

    monkeypatch.setattr(workbook_files, "MAX_ENTRIES", 50)
    for i in range(60):
        (tmp_path / f"f{i}.csv").write_bytes(b"")
    found, warnings = find_workbooks(tmp_path)
    assert found == [] and len(warnings) == 1 and "more than 50" in warnings[0]


def test_workbook_discovery_walks_a_bind_mount_loop_once(tmp_path: Path) -> None:
    export = tmp_path / "export"
    (export / "loop").mkdir(parents=True)
    (export / "book.xlsx").write_bytes(b"PK")
    done = subprocess.run(["mount", "--bind", str(export), str(export / "loop")],
                          capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"bind mounts not allowed here: {done.stderr.decode().strip()}")
    try:
        found, _ = find_workbooks(export)
    finally:
        subprocess.run(["umount", str(export / "loop")], check=True)
    assert found == [export / "book.xlsx"]


def _cli_process(*args: str, **options: object) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, "-m", "linkedin_stages", *args], cwd=ROOT,
                          env=env, timeout=120, **options)  # type: ignore[call-overload]


def test_a_fifo_named_xlsx_does_not_block_a_command(tmp_path: Path) -> None:
    export = tmp_path / "export"
    export.mkdir()
    for path in SAMPLE.iterdir():
        (export / path.name).write_bytes(path.read_bytes())
    os.mkfifo(export / "x.xlsx")
    (export / "a.xlsx").symlink_to("/dev/zero")
    done = _cli_process("timeline", str(export), capture_output=True)  # a hang times out
    assert done.returncode == 0, done.stderr
    assert b"x.xlsx is not a regular file" in done.stderr
    assert b"a.xlsx is a link" in done.stderr


# ------------------------------------------------------------------ C. where a report goes


@pytest.mark.parametrize("special", ["/dev/null", "/dev/full", "fifo", "/dev/stdout", "link"])
def test_report_is_never_written_over_a_special_file(tmp_path: Path, special: str) -> None:
    if special == "fifo":
        special = str(_fifo(tmp_path / "fifo"))
    elif special == "link":
        (tmp_path / "real.html").write_text("old")
        (tmp_path / "link.html").symlink_to(tmp_path / "real.html")
        special = str(tmp_path / "link.html")
    before = os.lstat(special)
    with pytest.raises(ReportError, match="regular file|symbolic link"):
        check_output(SAMPLE, special)
    with pytest.raises(ReportError, match="regular file|symbolic link"):
        write_report("<p>x</p>", special)
    after = os.lstat(special)
    assert (after.st_mode, after.st_ino, after.st_rdev) == (before.st_mode, before.st_ino,
                                                            before.st_rdev)
    _one_error(*_run("analyze", str(SAMPLE), "-o", special, "-q"))


def test_a_name_near_the_limit_is_written_and_a_longer_one_refused(tmp_path: Path) -> None:
    name = "r" * 250 + ".html"  # 255 bytes: `.{name}.partial` would not fit
    assert write_report("<p>x</p>", tmp_path / name).read_text() == "<p>x</p>"
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]
    with pytest.raises(ReportError, match="too long"):
        check_output(SAMPLE, tmp_path / ("r" * 300 + ".html"))
    with pytest.raises(ReportError, match="too long"):
        write_report("<p>x</p>", tmp_path / ("r" * 300 + ".html"))
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_the_export_seen_through_a_link_is_still_the_export(tmp_path: Path) -> None:
    export = tmp_path / "export"
    (export / "sub").mkdir(parents=True)
    (tmp_path / "alias").symlink_to(export, target_is_directory=True)
    for inside in (tmp_path / "alias" / "r.html", tmp_path / "alias" / "sub" / "r.html"):
        with pytest.raises(ReportError, match="inside the export"):
            check_output(export, inside)
        with pytest.raises(ReportError, match="inside the export"):
            check_output(tmp_path / "alias", export / "r.html")


def test_the_export_zip_itself_and_its_hard_link_are_refused(tmp_path: Path) -> None:
    archive = tmp_path / "export.zip"
    archive.write_bytes(b"PK\5\6" + b"\0" * 18)
    os.link(archive, tmp_path / "same.zip")
    for output in (archive, tmp_path / "same.zip"):
        with pytest.raises(ReportError, match="inside the export"):
            check_output(archive, output)


def test_the_export_through_a_bind_mount_is_still_the_export(tmp_path: Path) -> None:
    export = tmp_path / "export"
    export.mkdir()
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    done = subprocess.run(["mount", "--bind", str(export), str(mirror)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"bind mounts not allowed here: {done.stderr.decode().strip()}")
    try:
        with pytest.raises(ReportError, match="inside the export"):
            check_output(export, mirror / "r.html")
    finally:
        subprocess.run(["umount", str(mirror)], check=True)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_during_the_write_leaves_no_temporary_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, signum: int) -> None:
    target = tmp_path / "r.html"
    target.write_text("old")
    real_fsync = os.fsync

    def terminated(descriptor: int) -> None:
        real_fsync(descriptor)
        os.kill(os.getpid(), signum)

    monkeypatch.setattr(os, "fsync", terminated)
    previous = signal.getsignal(signum)
    with pytest.raises(ReportError, match=f"interrupted by {signal.Signals(signum).name}"):
        write_report("<p>new</p>", target)
    assert signal.getsignal(signum) is previous
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html"]
    assert target.read_text() == "old"


def test_sigterm_to_a_real_process_writing_a_report(tmp_path: Path) -> None:
    """The handler in a real process: SIGTERM while the report is written (a write that
    waits for the signal, injected through sitecustomize) ends with one line, exit 1."""
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(
        "import os, signal, time\n"
        "real = os.fsync\n"
        "def slow(fd):\n"
        "    real(fd)\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "    time.sleep(5)\n"
        "os.fsync = slow\n")
    env = {**os.environ, "PYTHONPATH": f"{hook}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    done = subprocess.run([sys.executable, "-m", "linkedin_stages", "analyze", str(SAMPLE),
                           "-o", str(tmp_path / "r.html"), "-q", "--tz", "UTC"],
                          capture_output=True, env=env, timeout=120)
    assert done.returncode == 1, done.stderr
    assert done.stderr.decode().strip().startswith("Error: ")
    assert b"SIGTERM" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hook"]


def test_one_atomic_writer_refuses_specials_for_every_output(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="the analytics workbook"):
        write_atomically("/dev/null", b"x", what="the analytics workbook")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


# ------------------------------------------------------------------ D. thresholds


@pytest.mark.parametrize("content,key,words", [
    ("relay_enter = nan", "relay_enter", "finite"),
    ("relay_enter = +nan", "relay_enter", "finite"),
    ("relay_enter = inf", "relay_enter", "finite"),
    ("[thresholds]\nproducer_stay = -inf", "producer_stay", "finite"),
    ("commentary_words = 1e400", "commentary_words", "finite"),
    ("relay_stay = -0.5", "relay_stay", "≥ 0"),
    ("window_months = 3.5", "window_months", "whole"),
    ("window_months = 123456789012345678", "window_months", "at most"),
    ("min_run_months = 9999", "min_run_months", "at most"),
    ("producer_share = 1.5", "producer_share", "between 0 and 1"),
    ("power_regularity = 60", "power_regularity", "between 0 and 1"),
    ("relay_enter = true", "relay_enter", "number"),
    ("relay_enter = '2'", "relay_enter", "number"),
    ("relay_enter = [2]", "relay_enter", "number"),
    ("relay_enter = {a = 2}", "relay_enter", "number"),
    ("relay_enter = 2024-01-01", "relay_enter", "number"),
    ("[thresholds]\nrelay_enter = 2\n[other]\nx = 1", "other", "outside"),
    ("thresholds = 3", "thresholds", "table"),
    ("a = " + "[" * 5000 + "]" * 5000, "", "nested too deeply"),
])
def test_bad_threshold_values_name_the_file_and_the_key(tmp_path: Path, content: str, key: str,
                                                        words: str) -> None:
    path = tmp_path / "odd.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ThresholdsError) as caught:
        load_thresholds(path)
    message = str(caught.value)
    assert str(path) in message and key in message and words in message, message
    assert "\n" not in message


@pytest.mark.parametrize("special", ["fifo", "/dev/zero", "folder", "big"])
def test_a_thresholds_file_that_is_not_a_small_regular_file(tmp_path: Path,
                                                            special: str) -> None:
    if special == "fifo":
        special = str(_fifo(tmp_path / "t.toml"))  # opening it would block forever
    elif special == "folder":
        (tmp_path / "t.toml").mkdir()
        special = str(tmp_path / "t.toml")
    elif special == "big":
        (tmp_path / "t.toml").write_bytes(b"# " + b"x" * 2_000_000)
        special = str(tmp_path / "t.toml")
    with pytest.raises(ThresholdsError, match="regular file|too large"):
        load_thresholds(special)


def test_bad_thresholds_on_the_command_line_are_one_line(tmp_path: Path) -> None:
    path = tmp_path / "t.toml"
    path.write_text("relay_enter = nan\n", encoding="utf-8")
    _one_error(*_run("timeline", str(SAMPLE), "--thresholds", str(path)), "relay_enter",
               "t.toml")


@pytest.mark.parametrize("command", ["timeline", "analyze"])
def test_bad_thresholds_are_told_before_the_export_is_read(tmp_path: Path,
                                                           command: str) -> None:
    path = tmp_path / "t.toml"
    path.write_text("window_months = inf\n", encoding="utf-8")
    _one_error(*_run(command, str(tmp_path / "no-export"), "--thresholds", str(path)),
               "window_months")


def test_good_thresholds_still_load(tmp_path: Path) -> None:
    path = tmp_path / "t.toml"
    path.write_text("[thresholds]\nwindow_months = 5.0\nproducer_share = 1\nrelay_enter = 0\n",
                    encoding="utf-8")
    loaded = load_thresholds(path)
    assert loaded.window_months == 5 and isinstance(loaded.window_months, int)
    assert loaded.producer_share == 1.0 and loaded.relay_enter == 0.0


# ------------------------------------------------------------------ E. standard output


@pytest.mark.parametrize("args", [
    ["inspect", "sample_exports/climber"],
    ["inspect", "sample_exports/lurker", "--format", "json"],
    ["timeline", "sample_exports/lurker"],
    ["compare", "sample_exports/climber-2021-06", "sample_exports/climber", "--format",
     "json"],
    ["sample", "--list"],
    ["--help"],
    ["--version"],
    ["inspect", "--help"],
])
def test_a_full_standard_output_is_one_clear_line(args: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        done = _cli_process(*args, stdout=full, stderr=subprocess.PIPE)
    errors = [line for line in done.stderr.decode().splitlines()
              if not line.startswith(("Note:", "Warning:"))]
    assert done.returncode == 1, done.stderr
    assert errors == ["Error: cannot write to standard output: No space left on device"]


@pytest.mark.parametrize("args", [["timeline", "sample_exports/climber"],
                                  ["inspect", "sample_exports/climber"],
                                  ["sample", "--list"], ["--help"], ["--version"],
                                  ["timeline", "--help"]])
def test_a_closed_pipe_ends_quietly(args: list[str]) -> None:
    reader, writer = os.pipe()
    os.close(reader)  # nobody will ever read: every write is EPIPE
    try:
        done = _cli_process(*args, stdout=writer, stderr=subprocess.PIPE)
    finally:
        os.close(writer)
    assert done.returncode in (0, 141), done.stderr
    assert done.stderr == b""


# ------------------------------------------------------------------ F. text for a terminal

HOSTILE = "\x1b]0;owned\x07\x1b[2J\x9b31m\u202e"


def _has_controls(text: str) -> bool:
    return any(ord(c) < 32 and c not in "\n" or 0x7f <= ord(c) <= 0x9f or c == "\u202e"
               for c in text)


def test_inspect_text_shows_archive_text_escaped(tmp_path: Path) -> None:
    export = tmp_path / f"export{HOSTILE}"
    export.mkdir()
    for path in SAMPLE.iterdir():
        (export / path.name).write_bytes(path.read_bytes())
    profile = (SAMPLE / "Profile.csv").read_text(encoding="utf-8").splitlines()
    header, row = profile[0], profile[1]
    first = row.split(",")[0]
    (export / "Profile.csv").write_text(
        f"{header}\n{row.replace(first, first + HOSTILE, 1)}\n", encoding="utf-8")
    (export / f"Notes{HOSTILE}.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (export / "Shares.csv").write_bytes(f"Date,{HOSTILE}\n2024\n".encode())
    code, stdout, stderr = _run("inspect", str(export))
    assert code == 0, stderr
    assert not _has_controls(stdout), [c for c in stdout if _has_controls(c)]
    assert "\\x1b" in stdout and "\\x9b" in stdout


def test_inspect_json_escapes_c1_controls(tmp_path: Path) -> None:
    export = tmp_path / f"export{HOSTILE}"
    export.mkdir()
    for path in SAMPLE.iterdir():
        (export / path.name).write_bytes(path.read_bytes())
    code, stdout, stderr = _run("inspect", str(export), "--format", "json")
    assert code == 0, stderr
    assert not _has_controls(stdout)
    assert "\\u009b" in stdout
    assert json.loads(stdout)["export"].endswith(("\u202e", "\\u202e"))


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses names that are not UTF-8")
def test_a_path_that_is_not_utf8_is_printed_not_crashed_on(tmp_path: Path) -> None:
    export = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9\x1b[31m"))
    export.mkdir()
    for path in SAMPLE.iterdir():
        (export / path.name).write_bytes(path.read_bytes())
    done = _cli_process("inspect", os.fsdecode(export), capture_output=True)
    assert done.returncode == 0, done.stderr
    assert b"caf\\xe9\\x1b[31m" in done.stdout and b"\x1b" not in done.stdout
    done = _cli_process("inspect", os.fsdecode(export) + "-missing", capture_output=True)
    assert done.returncode == 1
    line = done.stderr.decode()
    assert line.startswith("Error: ") and "\x1b" not in line and "caf\\xe9" in line
    json_done = _cli_process("inspect", os.fsdecode(export), "--format", "json",
                             capture_output=True)
    assert json_done.returncode == 0, json_done.stderr
    assert json.loads(json_done.stdout)["export"].endswith(("caf\udce9\x1b[31m",
                                                            "caf\\xe9\\x1b[31m"))


def test_warning_and_note_lines_are_sanitised(tmp_path: Path) -> None:
    export = tmp_path / "export"
    export.mkdir()
    for path in SAMPLE.iterdir():
        (export / path.name).write_bytes(path.read_bytes())
    (export / f"bad{HOSTILE}.xlsx").write_bytes(b"not a workbook")
    code, _, stderr = _run("timeline", str(export))
    assert code == 0, stderr
    assert "Warning:" in stderr and not _has_controls(stderr)
    assert "\\x1b" in stderr


def test_error_lines_are_sanitised(tmp_path: Path) -> None:
    code, stdout, stderr = _run("inspect", str(tmp_path / f"missing{HOSTILE}"))
    line = _one_error(code, stdout, stderr)
    assert not _has_controls(line) and "\\x1b" in line
