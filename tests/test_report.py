"""The report as a whole: self-contained, safe with hostile text, deterministic, written
atomically, and the `analyze` command around it."""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner

from linkedin_stages.analysis import build_timeline
from linkedin_stages.analysis.model import MonthStage, Plan, PlanStep, Reason, Timeline, Transition
from linkedin_stages.analysis.thresholds import DEFAULTS
from linkedin_stages.cli import cli
from linkedin_stages.errors import ReportError
from linkedin_stages.export import load_export
from linkedin_stages.report import build_report, check_output, write_report
from linkedin_stages.report import render as render_module
from report_support import (
    HOSTILE_COMPANY,
    IMG,
    LONG_WORD,
    RTL,
    SAMPLES,
    SCRIPT,
    elements,
    external_references,
    hostile_export,
    loaded,
    report,
)

PAGES = [("climber", "en"), ("climber", "fr"), ("lurker", "en"), ("lurker", "fr")]


# ---------------------------------------------------------------------------- the page


@pytest.mark.parametrize(("name", "lang"), PAGES)
def test_nothing_is_fetched(name: str, lang: str) -> None:
    html = report(name, lang)
    assert external_references(html) == []
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert csp is not None
    policy = csp.group(1)
    assert "default-src 'none'" in policy and "img-src data:" in policy
    assert "script-src 'none'" in policy and "connect-src 'none'" in policy
    tags = elements(html).tags
    assert not [t for t, _ in tags if t in ("script", "iframe", "object", "embed", "link",
                                             "img", "base", "form")]


def test_the_reference_checker_catches_external_references() -> None:
    bad = ('<img src="https://x.example/a.png"><link href="//cdn.example/x.css">'
           '<div style="background: url(https://x.example/b.png)"></div>'
           '<style>@import "theme.css"; .a { background: url(http://x.example/c) }</style>'
           '<a href="https://evil.example/">x</a><a href="http://www.linkedin.com/x">y</a>'
           '<svg><image xlink:href="https://x.example/d.png"/></svg>'
           '<a href="javascript:alert(1)">z</a>')
    found = external_references(bad)
    assert len(found) == 9, found
    ok = ('<a href="https://www.linkedin.com/feed/update/1">ok</a><a href="#where">in page</a>'
          '<svg><use xlink:href="#m1"/><image href="data:image/png;base64,AA=="/></svg>'
          '<div style="fill: url(#p1)"></div>')
    assert external_references(ok) == []


@pytest.mark.parametrize(("name", "lang"), PAGES)
def test_every_section_is_there_in_the_language(name: str, lang: str) -> None:
    html = report(name, lang)
    assert f'<html lang="{lang}">' in html
    for section in ("where", "trajectory", "activity", "network", "voice", "rhythm", "months",
                    "plan", "about"):
        assert f'<section id="{section}"' in html
    charts = re.findall(r'<svg\b[^>]*role="img" aria-labelledby="([^"]+)"', html)
    assert len(charts) >= 5
    for labels in charts:
        for label in labels.split():
            assert f'id="{label}"' in html
    words = {"en": ("Where you are", "Your plan", "About this report"),
             "fr": ("Où vous en êtes", "Votre plan", "À propos de ce rapport",
                    "Le power networker" if name == "climber" else "Le présent")}
    for word in words[lang]:
        assert word in html
    if lang == "fr":
        assert "\u202f" in html  # French spacing of numbers and colons


def test_climber_story_is_told() -> None:
    html = report("climber", "en")
    assert "Maya Lindqvist on LinkedIn" in html
    assert "You have been at the power networker stage since January 2023" in html
    for change in ("Present → Relay", "Relay → Producer", "Producer → Power networker"):
        assert change in html
    links = [a.get("href") for t, a in elements(html).tags if t == "a"]
    posts = [h for h in links if h and h.startswith("https://")]
    assert posts and all(h.startswith("https://www.linkedin.com/") for h in posts)
    assert all('rel="noopener noreferrer"' in m for m in
               re.findall(r'<a href="https://[^>]+>', html))


def test_french_dates_and_numbers() -> None:
    html = report("climber", "fr")
    assert "janvier 2023" in html
    assert re.search(r"1\u202f\d{3}", html)  # e.g. 1 899 relations
    assert re.search(r"\d+\u202f%", html)


def test_basic_archive_says_unknown() -> None:
    export = load_export(SAMPLES / "basic")
    html = build_report(export, build_timeline(export), lang="en", tz="UTC")
    assert "This archive cannot tell your stage" in html
    assert external_references(html) == []
    # What a basic archive cannot show is unknown ("—"), never zero, and left out of charts.
    assert "Not in this archive: posts and shares" in html
    assert "<dt>Reactions</dt><dd>—</dd>" in html
    assert 'id="figure-mix"' not in html and 'id="figure-taking_part"' not in html


def test_same_inputs_same_bytes_and_now_is_injected() -> None:
    from linkedin_stages.report import charts

    export, timeline = loaded("lurker")
    first = build_report(export, timeline, lang="en", tz="Europe/Paris")
    charts.draw.cache_clear()  # the charts drawn again, not taken from the process's cache
    assert build_report(export, timeline, lang="en", tz="Europe/Paris") == first
    stamped = build_report(export, timeline, lang="en", tz="Europe/Paris",
                           now=datetime(2026, 11, 3, 12, 0))
    assert "3 November 2026" in stamped and "3 November 2026" not in first


def test_time_zone_moves_the_hours() -> None:
    export, timeline = loaded("climber")
    paris = build_report(export, timeline, lang="en", tz="Europe/Paris")
    tokyo = build_report(export, timeline, lang="en", tz="Asia/Tokyo")
    busiest = re.compile(r"Busiest slots: ([^.]+)\.")
    assert busiest.search(paris).group(1) != busiest.search(tokyo).group(1)  # type: ignore[union-attr]
    with pytest.raises(ReportError, match="unknown time zone"):
        build_report(export, timeline, lang="en", tz="Mars/Olympus_Mons")
    with pytest.raises(ReportError, match="unknown time zone"):
        build_report(export, timeline, lang="en", tz="../../etc/passwd")


# ---------------------------------------------------------------------------- hostile text


def test_hostile_text_stays_text(tmp_path: Path) -> None:
    export = load_export(hostile_export(tmp_path))
    html = build_report(export, build_timeline(export), lang="en", tz="UTC")
    parsed = elements(html)
    assert not [t for t, _ in parsed.tags if t in ("script", "img")]
    for tag, attributes in parsed.tags:
        assert not any(name.startswith("on") for name in attributes), tag
        for name in ("href", "src", "xlink:href"):
            value = (attributes.get(name) or "").strip().lower()
            assert not value.startswith(("javascript:", "data:", "vbscript:")), (tag, value)
    text = "".join(parsed.text)
    assert SCRIPT in text and IMG in text and RTL in text  # shown, as text
    assert LONG_WORD[:70] in text
    assert HOSTILE_COMPANY in "".join(str(a.get("title")) for _, a in parsed.tags)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    # Member text is isolated from the page's direction.
    assert re.search(r"<bdi[^>]*>&lt;script&gt;alert\(1\)", html)
    assert external_references(html) == []
    assert "overflow-wrap: anywhere" in html


# ---------------------------------------------------------------------------- a timeline by hand


def _hand_made_timeline() -> Timeline:
    months = ("2024-11", "2024-12", "2025-01")
    stages = (None, "relay", "relay")
    monthly = pl.DataFrame({
        "month": list(months),
        "reactions": [3, 0, 1], "comments": [0, 0, 0], "curated_shares": [0, 4, 3],
        "reposts": [0, 1, 0], "connections_added": [0, 0, 0], "connections_total": [0, 0, 0],
        "stage": list(stages),
    })
    posts = pl.DataFrame({
        "timestamp": [datetime(2024, 12, 3, 8, 30), datetime(2025, 1, 7, 23, 59)],
        "post_urn": ["urn:li:share:1", "urn:li:share:2"],
        "link": ["https://www.linkedin.com/feed/update/urn:li:share:1", "javascript:x()"],
        "kind": ["curated_share", "curated_share"],
        "text": ["Worth a read", None],
        "words": [3, 0], "business": [False, False], "personal": [False, False],
        "hashtags": [["data"], []], "shared_domain": ["example.org", None],
    })
    return Timeline(
        months=tuple(MonthStage(m, s, s, {}, (Reason("no_engagement"),))
                     for m, s in zip(months, stages, strict=True)),
        transitions=(Transition("2024-12", None, "relay"),),
        current_stage="relay", current_since="2024-12",
        plan=Plan(target="producer", by="2025-07", start="2025-02", months=6,
                  current="relay", steps=(PlanStep("original_posts", 0.0, 2.5),),
                  missing=("original_posts",), reachable=False,
                  reasons=(Reason("plan_short", {"months": 6, "needed": 3,
                                                 "suggested": "2025-09"}),)),
        thresholds=DEFAULTS, monthly=monthly, posts=posts,
        limitations=(Reason("no_population"),), basis=("shares",),
    )


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_hand_made_timeline_renders(lang: str) -> None:
    export, _ = loaded("lurker")
    html = build_report(export, _hand_made_timeline(), lang=lang, tz="Europe/Paris")
    assert external_references(html) == []
    assert ("Toward the producer stage by July 2025" if lang == "en"
            else "Vers le stade du producteur d’ici juillet 2025") in html
    assert 'href="https://www.linkedin.com/feed/update/urn:li:share:1"' in html
    assert "javascript:" not in html
    # Connections outside the timeline's three months are grouped apart, not dropped.
    assert ("Outside the timeline" if lang == "en" else "Hors de la chronologie") in html


def test_a_timeline_without_plan_or_posts_renders() -> None:
    export, _ = loaded("lurker")
    timeline = dataclasses.replace(_hand_made_timeline(), plan=None,
                                   posts=_hand_made_timeline().posts.clear())
    html = build_report(export, timeline, lang="en", tz="UTC")
    assert "No posts to place on a week." in html
    assert "No plan" in html


# ---------------------------------------------------------------------------- size


def test_a_bigger_archive_keeps_the_report_light(tmp_path: Path) -> None:
    from linkedin_stages.synth.generate import write_sample

    folder, _, _ = write_sample("climber", tmp_path / "big", scale=2)
    export = load_export(folder)
    html = build_report(export, build_timeline(export), lang="en", tz="UTC")
    assert len(html.encode("utf-8")) < 1_000_000  # 3 MB is the limit; stay well below


# ---------------------------------------------------------------------------- writing


def test_write_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.html"
    write_report("<p>old</p>", target)
    assert target.read_text() == "<p>old</p>"

    def broken(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(render_module.os, "replace", broken)
    with pytest.raises(ReportError, match="No space left"):
        write_report("<p>new</p>", target)
    assert target.read_text() == "<p>old</p>"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


def test_written_file_is_readable_by_others(tmp_path: Path) -> None:
    target = write_report("<p>x</p>", tmp_path / "r.html")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_output_never_inside_the_export(tmp_path: Path) -> None:
    export = tmp_path / "export"
    (export / "sub").mkdir(parents=True)
    for inside in (export / "r.html", export / "sub" / "r.html", export):
        with pytest.raises(ReportError, match="inside the export|is a folder"):
            check_output(export, inside)
    archive = tmp_path / "export.zip"
    archive.write_bytes(b"PK")
    with pytest.raises(ReportError, match="inside the export"):
        check_output(archive, archive)
    assert check_output(archive, tmp_path / "r.html") == tmp_path / "r.html"
    with pytest.raises(ReportError, match="no such folder"):
        check_output(export, tmp_path / "missing" / "r.html")


# ---------------------------------------------------------------------------- the command


def test_analyze_writes_the_default_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["analyze", str(SAMPLES / "lurker"), "--tz", "UTC"])
    assert result.exit_code == 0, result.output
    written = tmp_path / "linkedin-stages-report.html"
    assert written.is_file()
    assert "Report written to linkedin-stages-report.html" in result.stdout
    # the last line is the report's address, for a terminal that opens links
    assert result.stdout.splitlines()[-1] == f"Open it: {written.resolve().as_uri()}"
    assert result.stderr == ""  # not a terminal: no progress
    again = CliRunner().invoke(cli, ["analyze", str(SAMPLES / "lurker"), "--tz", "UTC",
                                     "-o", "second.html", "-q"])
    assert again.exit_code == 0 and again.stdout == ""
    assert (tmp_path / "second.html").read_bytes() == written.read_bytes()


def test_analyze_progress_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import linkedin_stages.cli as cli_module

    monkeypatch.setattr(cli_module, "_stderr_is_terminal", lambda: True)
    args = ["analyze", str(SAMPLES / "lurker"), "--tz", "UTC", "--lang", "fr",
            "-o", str(tmp_path / "r.html")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "reading" in result.stderr and "drawing the charts" in result.stderr
    quiet = CliRunner().invoke(cli, [*args, "-q"])
    assert quiet.exit_code == 0 and quiet.stderr == "" and quiet.stdout == ""
    assert '<html lang="fr">' in (tmp_path / "r.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(("args", "message", "code"), [
    (["-o", "{export}/inside.html"], "must not be written inside the export", 1),
    (["--tz", "Nowhere/Land"], "unknown time zone", 1),
    (["--by", "2027"], "--by must be a month", 2),  # a plan option: a usage error (3d372fb)
    (["--thresholds", "{tmp}/missing.toml"], "no such thresholds file", 1),
    (["-o", "{tmp}/no/such/dir/r.html"], "no such folder", 1),
])
def test_analyze_errors_are_one_line(tmp_path: Path, args: list[str], message: str,
                                     code: int) -> None:
    export = SAMPLES / "lurker"
    args = [a.format(export=export, tmp=tmp_path) for a in args]
    result = CliRunner().invoke(cli, ["analyze", str(export), "--tz", "UTC", *args,
                                      "-o" if "-o" not in args else "--lang",
                                      str(tmp_path / "r.html") if "-o" not in args else "en"])
    assert result.exit_code == code
    assert result.stderr.startswith("Error: ") and message in result.stderr
    assert result.stderr.count("\n") == 1
    assert not (export / "inside.html").exists()
    assert not (tmp_path / "r.html").exists()


def test_a_failure_keeps_the_older_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import linkedin_stages.report.render as render

    target = tmp_path / "r.html"
    target.write_text("older report")

    def explode(*_args: object, **_kwargs: object) -> str:
        raise RuntimeError("boom")

    monkeypatch.setattr(render, "render_report", explode)  # what analyze calls
    result = CliRunner().invoke(cli, ["analyze", str(SAMPLES / "lurker"), "-o", str(target)])
    assert result.exit_code == 1 and "boom" in result.stderr
    assert target.read_text() == "older report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html"]


def test_analyze_help_stays_light() -> None:
    code = ("import sys; from linkedin_stages.cli import cli\n"
            "try:\n    cli.main(['analyze', '--help'], standalone_mode=False)\n"
            "except SystemExit: pass\n"
            "print('polars' in sys.modules, 'matplotlib' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert "--tz ZONE" in result.stdout
    assert result.stdout.strip().splitlines()[-1] == "False False"
