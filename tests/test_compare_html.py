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
    # the two trajectories and the months between the exports
    assert len(boxes) == 3 and all(w > 100 and h > 40 for w, h in boxes)


def test_the_archive_kind_is_worded_in_the_page_language(comparison) -> None:  # noqa: ANN001
    """The "about" table says what kind each archive is in the page's language (the French
    page said "complete")."""
    from linkedin_stages.report.compare_view import build_compare_view

    for lang in ("en", "fr"):
        kind_row = build_compare_view(comparison, lang=lang).about.rows[2]
        words = catalogue(lang).table("report")
        assert kind_row[0] == catalogue(lang).table("compare")["kind_col"]
        assert set(kind_row[1:]) <= {words[f"archive_{kind}"]
                                     for kind in ("basic", "complete", "partial")}
    assert "complete" not in build_compare_view(comparison, lang="fr").about.rows[2]


# ------------------------------------------------------------------ issue 18: the compare page

LANGS = ("en", "fr", "es", "pt", "de")


def test_both_trajectories_share_one_time_axis(comparison) -> None:  # noqa: ANN001
    """Same first and last month in both lane charts: the older archive visibly ends earlier,
    each chart still covering (and titled with) its own months."""
    view = build_compare_view(comparison, lang="en")
    old, new = view.old_trajectory.chart.spec, view.new_trajectory.chart.spec
    assert (old.first, old.last) == (new.first, new.last)  # type: ignore[union-attr]
    assert old.last == comparison.new.timeline.months[-1].month  # type: ignore[union-attr]
    assert old.runs[-1].last == comparison.old.timeline.months[-1].month < old.last  # type: ignore[union-attr]
    assert "June 2021" in view.old_trajectory.chart.title
    assert "October 2026" in view.new_trajectory.chart.title


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_id_is_unique_and_every_reference_resolves(comparison, lang: str) -> None:  # noqa: ANN001
    """Two trajectory charts once shared `figure-lanes`, `lanes-title` and `lanes-desc`: a
    screen reader read the older chart's description for the newer one."""
    from report_support import elements

    tags = elements(build_compare_report(comparison, lang=lang)).tags
    ids = [attrs["id"] for _, attrs in tags if attrs.get("id")]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    referenced = [ref for _, attrs in tags for name in ("aria-labelledby", "aria-describedby")
                  for ref in (attrs.get(name) or "").split()]
    assert referenced and set(referenced) <= set(ids)
    charts = [attrs["aria-labelledby"] for tag, attrs in tags
              if tag == "svg" and attrs.get("role") == "img"]
    # named by each figure's own visible title (report_macros `figure`)
    assert charts == ["lanes-old-caption", "lanes-new-caption", "between-caption"]


@pytest.mark.parametrize("lang", LANGS)
def test_long_lists_are_folded(comparison, lang: str) -> None:  # noqa: ANN001
    """54 job moves: the first 8 shown, the other 46 behind "Show all 54", in every
    language."""
    view = build_compare_view(comparison, lang=lang)
    assert len(comparison.job_moves) == 54
    assert view.moves is not None and len(view.moves.rows) == 8
    assert view.moves_rest is not None and len(view.moves_rest.rows) == 46
    expected = catalogue(lang).text("compare.show_all").format(count=integer(54, lang))
    assert view.moves_all == expected and view.moves_more == ""
    page = html_lib.unescape(build_compare_report(comparison, lang=lang))
    assert f'<details class="fold"><summary>{expected}</summary>' in page
    names = [m.name for m in comparison.job_moves]
    assert names[8] in page.split(expected, 1)[1] and names[8] not in page.split(expected)[0]


def test_the_page_speaks_the_reports_words(comparison) -> None:  # noqa: ANN001
    """Stages, metrics and activity are worded by the report's own entries, and the compare
    table keeps no near-synonym of them."""
    from linkedin_stages.analysis import describe

    for lang in LANGS:
        words = catalogue(lang)
        report, compare = words.table("report"), words.table("compare")
        view = build_compare_view(comparison, lang=lang)
        assert [row[0] for row in view.rates.rows] == [
            describe.metric_label(metric, lang) for metric in comparison.rates]
        report_words = set(report.values()) | set(words.table("metrics").values())
        labels = [row[0] for row in view.activity.rows]
        assert set(labels[:-1]) <= report_words, lang
        assert labels[-1] == compare["connections_gained_after"]
        assert view.between is not None
        assert [p.label for p in view.between.spec.panels] == [
            report[k] for k in ("own_col", "shared_col", "comments_col", "reactions_col",
                                "connections_col")]
        assert view.then.name == describe.stage_name(comparison.old.timeline.current_stage,
                                                     lang)
        gone = {"posts_original", "posts_article", "posts_reshare", "reposts", "comments",
                "reactions", "open_post", "stage_col", "file_col", "back_to_top"}
        assert not gone & set(compare), lang


def test_the_months_between_the_exports(comparison) -> None:  # noqa: ANN001
    """One panel per key number, from the month after the older export to the newer
    archive's last month, its values the newer timeline's months, the stage periods behind
    them those of the newer timeline; the numbers also in a data table."""
    view = build_compare_view(comparison, lang="en")
    chart = view.between
    assert chart is not None
    spec = chart.spec
    monthly = comparison.new.timeline.monthly.to_dict(as_series=False)
    after = [i for i, m in enumerate(monthly["month"]) if m > "2021-06"]
    assert spec.months == tuple(monthly["month"][i] for i in after)
    assert spec.months[0] == "2021-07" and spec.months[-1] == "2026-10"
    own = tuple(float(monthly["original_posts"][i] + monthly["articles"][i]) for i in after)
    assert spec.panels[0].values == own and sum(own) > 0
    stages = {m.month: m.stage for m in comparison.new.timeline.months}
    covered = [(r.stage, r.first, r.last) for r in spec.runs]
    assert covered[0][1] == "2021-07" and covered[-1][2] == "2026-10"
    assert all(stages[first] == stage == stages[last] for stage, first, last in covered)
    assert [item.label for item in chart.legend] == ["Producer", "Power networker"]
    assert chart.table is not None and len(chart.table.rows) == len(spec.months)
    assert "Own posts: 625" in spec.description and "Power networker, Jan 2023" in (
        spec.description)
    svg = str(chart.svg)
    assert svg.count('class="between-wide"') == 1 and svg.count('class="between-narrow"') == 1
    assert "<title id=\"between-title\">" in svg


def test_no_whole_month_between_says_so(comparison) -> None:  # noqa: ANN001
    """Two exports of the same month leave no month to draw: a sentence, not an empty
    chart."""
    import dataclasses

    last = comparison.new.exported
    same_month = dataclasses.replace(comparison,
                                     old=dataclasses.replace(comparison.old, exported=last))
    view = build_compare_view(same_month, lang="fr")
    assert view.between is None and "Aucun mois entier" in view.between_empty
    assert view.between_empty in html_lib.unescape(build_compare_report(same_month, lang="fr"))


def test_changes_are_signed_with_a_minus_sign(comparison) -> None:  # noqa: ANN001
    """"−0,3", not "-0,3" (a hyphen) in the rates' change column, in every language."""
    for lang in LANGS:
        changes = [row[3] for row in build_compare_view(comparison, lang=lang).rates.rows]
        assert any(c.startswith("\u2212") for c in changes), lang
        assert any(c.startswith("+") for c in changes), lang
        assert not any("-" in c for c in changes), lang


def test_compare_is_quiet_on_request_and_opens_the_page(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Like analyze: -q prints nothing, --open hands the written page to the browser."""
    import webbrowser

    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    out = tmp_path / "then-and-now.html"
    args = ["compare", str(SAMPLES / "climber-2021-06"), str(SAMPLES / "climber"), "-o", str(out)]
    loud = CliRunner().invoke(cli, args)
    assert loud.exit_code == 0 and loud.output.splitlines()[-1] == f"Open it: {out.as_uri()}"
    quiet = CliRunner().invoke(cli, [*args, "-q", "--open"])
    assert quiet.exit_code == 0, quiet.output
    assert quiet.output == "" and opened == [out.resolve().as_uri()]
    json_open = CliRunner().invoke(cli, [*args[:3], "--format", "json", "--open"])
    assert json_open.exit_code == 2 and "--open opens the HTML page" in json_open.output
