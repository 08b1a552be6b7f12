"""Shared fixtures: the project's own invented exports (tests/fixtures/<era>/), served as an
unzipped folder, as the downloaded .zip (members at the root), and as a .zip that nests
everything under a top folder and carries macOS `__MACOSX/` junk.

Every test gets its own copy under tmp_path: nothing ever reads or writes tests/fixtures/
in place, and nothing here reads outside the repository.
"""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from linkedin_stages import Export, load_export

FIXTURES = Path(__file__).parent / "fixtures"
ERAS = ("era2018", "era2021", "era2025", "resaved", "resaved_fr")
ZIP_STEM = "Complete_LinkedInDataExport_03-01-2026"
ZIP_NAME = f"{ZIP_STEM}.zip"

# How an export reaches the tool: the unzipped folder, the zip as LinkedIn sends it, and a zip
# re-made by a Mac (everything under one folder, plus AppleDouble files under __MACOSX/).
KINDS = ("folder", "zip", "zip_nested")


def copy_fixture(era: str, dest: Path) -> Path:
    """A fresh copy of tests/fixtures/<era> at dest/<era>."""
    target = dest / era
    shutil.copytree(FIXTURES / era, target)
    return target


def make_zip(folder: Path, zip_path: Path, *, top: str | None = None,
             macos_junk: bool = False) -> Path:
    """Zip `folder`'s files: at the archive root, or under `top/` (with directory entries)."""
    prefix = f"{top}/" if top else ""
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        if top:
            archive.writestr(prefix, b"")  # a directory entry, as Finder's "Compress" writes
        for path in sorted(folder.rglob("*")):
            rel = path.relative_to(folder).as_posix()
            if path.is_dir():
                if top:
                    archive.writestr(f"{prefix}{rel}/", b"")
                continue
            archive.write(path, prefix + rel)
            if macos_junk:
                # AppleDouble resource forks: binary junk named like the real file.
                parent, _, name = f"{prefix}{rel}".rpartition("/")
                junk = f"__MACOSX/{parent + '/' if parent else ''}._{name}"
                archive.writestr(junk, b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        junk")
        if macos_junk:
            archive.writestr(f"{prefix}.DS_Store", b"\x00\x00\x00\x01Bud1junk")
    return zip_path


@dataclass(frozen=True)
class Built:
    """An export as handed to the tool, and where its files sit inside it."""

    path: Path  # the folder or the .zip
    kind: str  # one of KINDS
    prefix: str  # "" or "<top folder>/" in front of every member path

    def member(self, rel: str) -> str:
        """The path `load_export` reports for the fixture file `rel`."""
        return self.prefix + rel


def build_export(era: str, kind: str, dest: Path) -> Built:
    """Copy fixture `era` under `dest` and present it as `kind`."""
    dest.mkdir(parents=True, exist_ok=True)
    folder = copy_fixture(era, dest / "unzipped")
    if kind == "folder":
        return Built(folder, kind, "")
    if kind == "zip":
        return Built(make_zip(folder, dest / ZIP_NAME), kind, "")
    if kind == "zip_nested":
        path = make_zip(folder, dest / ZIP_NAME, top=ZIP_STEM, macos_junk=True)
        return Built(path, kind, f"{ZIP_STEM}/")
    raise ValueError(kind)


@pytest.fixture
def make_export(tmp_path: Path) -> Callable[[str, str], Built]:
    """`make_export(era, kind)`: a private copy of a fixture export in this test's tmp_path."""
    counter = iter(range(1_000))

    def make(era: str, kind: str = "folder") -> Built:
        return build_export(era, kind, tmp_path / f"{next(counter)}-{era}-{kind}")

    return make


@pytest.fixture(params=KINDS)
def kind(request: pytest.FixtureRequest) -> str:
    """Runs a test once per way of handing over an export (folder, zip, nested zip)."""
    return request.param


@pytest.fixture(scope="session")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, str], tuple[Export, Built]]:
    """`loaded(era, kind)`: the export loaded once per session (loading is read-only, so the
    result can be shared by every test that only looks at it)."""
    cache: dict[tuple[str, str], tuple[Export, Built]] = {}

    def load(era: str, kind: str) -> tuple[Export, Built]:
        if (era, kind) not in cache:
            built = build_export(era, kind, tmp_path_factory.mktemp(f"{era}-{kind}"))
            cache[era, kind] = (load_export(built.path), built)
        return cache[era, kind]

    return load
