"""The HTML comparison: the report's guarantees (offline, escaped, both languages,
deterministic, atomic, never inside an export) and a real browser."""

from __future__ import annotations

import html as html_lib
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from linkedin_stages import load_export
from linkedin_stages.analysis.compare import compare_exports, to_json
from linkedin_stages.cli import cli
from linkedin_stages.i18n.catalogue import catalogue
from linkedin_stages.i18n.formatting import integer
from linkedin_stages.report.compare_view import build_compare_report, build_compare_view
from report_support import IMG, SCRIPT, external_references, hostile_export

SAMPLES = Path(__file__).resolve().parent.parent / "sample_exports"


@pytest.fixture(scope="module")
def comparison():  # noqa: ANN201
    return compare_exports(load_export(SAMPLES / "climber"),
                           load_export(SAMPLES / "climber-2021-06"))


def test_page_and_json_rank_alike(comparison) -> None:  # noqa: ANN001
    """The page's lists of companies and positions are the JSON's, item for item (one
    ranking, computed once in the Comparison)."""
    view, doc = build_compare_view(comparison, lang="en"), to_json(comparison)["connections"]
    for shown, key in ((view.gained_companies, "gained_top_companies"),
                       (view.gained_positions, "gained_top_positions"),
                       (view.lost_companies, "lost_top_companies")):
        listed = doc[key]  # type: ignore[index]
        assert [(r.full or r.text, r.count) for r in shown] == [
            (item["name"], integer(item["count"], "en")) for item in listed]
    assert view.gained_companies  # the sample pair gains connections at companies


def test_both_languages_have_the_same_words() -> None:
    assert set(catalogue("en")["compare"]) == set(catalogue("fr")["compare"])


@pytest.mark.parametrize("lang,expected", [
    ("en", ["two LinkedIn exports compared", "Connections gained", "A step up.",
            "compared the right way round", "Who changed jobs"]),
    ("fr", ["deux exports LinkedIn comparés", "Relations gagnées", "Un pas en avant.",
            "dans le bon sens", "Qui a changé de poste", "Le power networker"]),
])
def test_page_content_and_guarantees(comparison, lang: str, expected: list[str]) -> None:  # noqa: ANN001
    page = build_compare_report(comparison, lang=lang)
    text = html_lib.unescape(page)
    for phrase in expected:
        assert phrase in text, phrase
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert external_references(page) == []
    assert "<script" not in page.lower()
    from linkedin_stages.report import charts

    charts.draw.cache_clear()  # drawn again, not taken from the cache
    assert page == build_compare_report(comparison, lang=lang)  # deterministic
    assert f'<html lang="{lang}">' in page


def test_hostile_text_is_only_text(tmp_path: Path) -> None:
    hostile = load_export(hostile_export(tmp_path))
    page = build_compare_report(compare_exports(load_export(SAMPLES / "lurker"), hostile))
    assert SCRIPT not in page and IMG not in page
    assert html_lib.escape(SCRIPT, quote=False) in page or "&lt;script&gt;" in page
    assert "javascript:" not in page.split("</style>", 1)[1].replace("javascript:alert",
                                                                      "")  # never a link
    assert 'href="javascript' not in page and 'href="data:' not in page


def test_cli_writes_the_page_atomically_and_never_inside_an_export(tmp_path: Path) -> None:
    out = tmp_path / "cmp.html"
    runner = CliRunner()
    result = runner.invoke(cli, ["compare", str(SAMPLES / "climber-2021-06"),
                                 str(SAMPLES / "climber"), "-o", str(out), "--lang", "fr"])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert not [p for p in tmp_path.iterdir() if p.name != "cmp.html"]
    export = tmp_path / "export"
    shutil.copytree(SAMPLES / "lurker", export)
    inside = runner.invoke(cli, ["compare", str(SAMPLES / "lurker"), str(export),
                                 "-o", str(export / "cmp.html")])
    assert inside.exit_code == 1 and inside.output.startswith("Error: ")
    assert "inside the export" in inside.output
    assert not (export / "cmp.html").exists()


@pytest.mark.browser
def test_comparison_in_chromium(comparison, tmp_path: Path) -> None:  # noqa: ANN001
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CI=true but /usr/bin/chromium is missing", pytrace=False)
        pytest.skip("/usr/bin/chromium is missing")
    from playwright.sync_api import sync_playwright

    path = tmp_path / "cmp.html"
    path.write_text(build_compare_report(comparison), encoding="utf-8")
    requests: list[str] = []
    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(chromium),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync"])
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        url = path.resolve().as_uri()
        page.on("request", lambda r: None if r.url == url else requests.append(r.url))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(url)
        boxes = page.eval_on_selector_all(
            "svg[role=img]", "s => s.map(x => [x.getBoundingClientRect().width,"
                             " x.getBoundingClientRect().height])")
        shots = Path(__file__).resolve().parent / "actual" / "screenshots"
        shots.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shots / "compare-en-desktop.png"), full_page=True)
        browser.close()
    assert requests == [] and errors == []
    assert len(boxes) == 2 and all(w > 100 and h > 40 for w, h in boxes)


def test_the_archive_kind_is_worded_in_the_page_language(comparison) -> None:  # noqa: ANN001
    """The "about" table says what kind each archive is in the page's language (the French
    page said "complete")."""
    from linkedin_stages.report.compare_view import build_compare_view

    for lang in ("en", "fr"):
        kinds = {row[3] for row in build_compare_view(comparison, lang=lang).about.rows}
        words = catalogue(lang).table("report")
        assert kinds <= {words[f"archive_{kind}"] for kind in ("basic", "complete", "partial")}
    assert "complete" not in {row[3] for row in
                              build_compare_view(comparison, lang="fr").about.rows}
