"""The package ships what it needs: templates inside the wheel, both entry points working."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# What building the wheel reads: pyproject.toml names its readme, licence, package folders.
BUILD_INPUTS = ("pyproject.toml", "README.md", "LICENSE", "src", "templates")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("src")
    # Build from a copy so that build artefacts never land in the working tree; a copy of
    # what the build reads only (not the samples, the tests, CI's .ci-venv or a .mypy_cache
    # that a parallel test may be writing).
    project = source / "project"
    project.mkdir()
    for name in BUILD_INPUTS:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, project / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(ROOT / name, project / name)
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out), str(source / "project")],
        check=True, capture_output=True, text=True,
    )
    (built,) = out.glob("linkedin_stages-*.whl")
    return built


def test_wheel_ships_templates_and_typing_marker(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    templates = sorted(ROOT.joinpath("templates").glob("*.j2"))
    assert templates, "the project has templates"
    for template in templates:
        assert f"linkedin_stages/templates/{template.name}" in names
    assert "linkedin_stages/py.typed" in names
    assert "linkedin_stages/readers/base.py" in names
    assert not any(n.startswith(("tests/", "sample_exports/", "benchmarks/")) for n in names)


def test_templates_load_from_the_installed_package() -> None:
    import jinja2

    env = jinja2.Environment(loader=jinja2.PackageLoader("linkedin_stages.templates", ""))
    assert "inspect.txt.j2" in env.list_templates()


@pytest.mark.parametrize("command", [
    ["-m", "linkedin_stages", "--help"],
    ["-c", "from linkedin_stages.cli import main; main()", "--version"],
])
def test_entry_points_run(command: list[str]) -> None:
    result = subprocess.run([sys.executable, *command], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert "linkedin-stages" in result.stdout


def test_the_entry_point_ends_fast_without_losing_output_or_exit_codes(tmp_path) -> None:
    """main() skips Python's teardown (os._exit): everything printed must still arrive, through
    a pipe, and errors keep their exit code and message."""
    sample = ROOT / "sample_exports" / "climber"
    listing = subprocess.run([sys.executable, "-m", "linkedin_stages", "inspect", str(sample),
                              "--format", "json"], capture_output=True, text=True, check=False)
    assert listing.returncode == 0, listing.stderr
    assert json.loads(listing.stdout)["datasets"]  # complete JSON: the buffer was flushed
    missing = subprocess.run([sys.executable, "-m", "linkedin_stages", "analyze",
                              str(tmp_path / "nothing-here"), "-o", str(tmp_path / "r.html")],
                             capture_output=True, text=True, check=False)
    assert missing.returncode == 1
    assert missing.stderr.startswith("Error: ") and "nothing-here" in missing.stderr
    assert not (tmp_path / "r.html").exists()


@pytest.mark.parametrize("traced", [False, True])
def test_the_fast_exit_steps_aside_for_profilers_and_coverage(traced: bool) -> None:
    """Tools that write their results at exit (coverage, cProfile, pyinstrument) still work:
    with a tracer attached, main() exits normally and atexit handlers run."""
    code = ("import atexit, sys\n"
            "atexit.register(lambda: print('atexit ran'))\n"
            + ("sys.settrace(lambda *args: None)\n" if traced else "")
            + "from linkedin_stages.cli import main\nmain()\n")
    result = subprocess.run([sys.executable, "-c", code, "--version"], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "linkedin-stages" in result.stdout
    assert ("atexit ran" in result.stdout) is traced


def test_console_script_is_declared() -> None:
    text = ROOT.joinpath("pyproject.toml").read_text()
    assert 'linkedin-stages = "linkedin_stages.cli:main"' in text


def test_help_does_not_import_polars() -> None:
    code = ("import sys; from linkedin_stages.cli import cli\n"
            "try:\n    cli.main(['--help'], standalone_mode=False)\nexcept SystemExit: pass\n"
            "print('polars' in sys.modules, 'matplotlib' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip().splitlines()[-1] == "False False"
