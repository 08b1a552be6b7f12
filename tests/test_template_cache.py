"""The compiled-template cache: same page with or without it, and never a failure because of it."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from linkedin_stages.report import render

PAGE = "report.html.j2"


def _compiled_source(monkeypatch: pytest.MonkeyPatch, tmp: Path) -> str:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    environment = render.environment()
    source, filename, _ = environment.loader.get_source(environment, PAGE)
    template = environment.get_template(PAGE)
    return f"{template.name}:{len(source)}:{filename.endswith(PAGE)}"


def _cache_files(tmp: Path) -> list[Path]:
    return sorted(tmp.glob("_jinja2-cache-*/__linkedin_stages_*.cache"))


def test_templates_are_cached_in_an_owner_only_folder(monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path) -> None:
    _compiled_source(monkeypatch, tmp_path)
    files = _cache_files(tmp_path)
    assert len(files) == 1
    assert (files[0].parent.stat().st_mode & 0o777) == 0o700
    environment = render.environment()  # a new run: the compiled code comes from the file
    source, filename, _ = environment.loader.get_source(environment, PAGE)
    bucket = environment.bytecode_cache.get_bucket(environment, PAGE, filename, source)
    assert bucket.code is not None


def test_a_damaged_cache_file_is_recompiled(monkeypatch: pytest.MonkeyPatch,
                                            tmp_path: Path) -> None:
    _compiled_source(monkeypatch, tmp_path)
    (cache_file,) = _cache_files(tmp_path)  # the page's own file (no includes compiled yet)
    cache_file.write_bytes(b"not bytecode at all")
    assert render.environment().get_template(PAGE).name == PAGE
    cache_file.write_bytes(b"")
    assert render.environment().get_template(PAGE).name == PAGE


def test_an_unusable_temporary_folder_only_means_no_cache(monkeypatch: pytest.MonkeyPatch,
                                                          tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    assert _compiled_source(monkeypatch, not_a_folder).startswith(PAGE)
    assert render.environment().bytecode_cache is None


def test_a_failing_cache_write_only_means_no_cache(monkeypatch: pytest.MonkeyPatch,
                                                   tmp_path: Path) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", refuse)
    assert _compiled_source(monkeypatch, tmp_path).startswith(PAGE)
    assert _cache_files(tmp_path) == []


def test_the_cache_can_be_turned_off(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("LINKEDIN_STAGES_NO_TEMPLATE_CACHE", "1")
    _compiled_source(monkeypatch, tmp_path)
    assert _cache_files(tmp_path) == []


def test_reports_are_identical_with_and_without_the_cache(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from datetime import datetime

    from linkedin_stages import load_export
    from linkedin_stages.analysis.timeline import build_timeline

    sample = Path(__file__).resolve().parents[1] / "sample_exports" / "lurker"
    export = load_export(sample)
    timeline = build_timeline(export)
    now = datetime(2026, 11, 1, 12, 0)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    first = render.build_report(export, timeline, now=now)  # compiles, fills the cache
    second = render.build_report(export, timeline, now=now)  # loads from the cache
    monkeypatch.setenv("LINKEDIN_STAGES_NO_TEMPLATE_CACHE", "1")
    uncached = render.build_report(export, timeline, now=now)
    assert _cache_files(tmp_path)
    assert first == second == uncached
