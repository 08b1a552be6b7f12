"""The report on paper, in headless Chromium's PDF (A4, print media, the browser's defaults:
no "background graphics"): every sample member in at most six pages, ten years included;
the colours that carry meaning printed all the same (`print-color-adjust: exact`); the
months as one year × month grid instead of their tables; the footer never alone on a last
page. The PDFs go to tests/actual/print/ for a human to look at.

Drives Debian's /usr/bin/chromium through `playwright`, like tests/test_report_layout.py.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from report_support import ACTUAL, loaded

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
PDFS = ACTUAL / "print"
MAX_PAGES = 6
# Every sample member in its own language, the ten-year climber in all five (German and
# Spanish words are the longest), and the climber with ten times the volume: the largest
# member the generator writes for the tests.
CASES = {
    "climber-en": ("climber", "en"), "climber-fr": ("climber", "fr"),
    "climber-es": ("climber", "es"), "climber-pt": ("climber", "pt"),
    "climber-de": ("climber", "de"), "lurker-en": ("lurker", "en"),
    "basic-en": ("basic", "en"), "curator-en": ("curator", "en"),
    "consultante-fr": ("consultante", "fr"), "fallback-en": ("fallback", "en"),
    "climber-x10-en": ("climber-x10", "en"),
}
ZONE = "Europe/Paris"
# Where colour carries meaning: stage dots, legend swatches, section numbers, plan bars,
# the grid's months and keys, the charts.
COLOURED = (".chip .dot", ".legend .swatch", "h2 .num", ".bar > span", ".stage-grid td.g",
            ".grid-key", ".chart-svg", ".hero")
PAGE = re.compile(rb"/Type\s*/Page[^s]")


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def page() -> Iterator[object]:
    """One print-media page of one browser, reused from report to report."""
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is missing (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.route("**/*", lambda route: route.continue_()
                      if route.request.url.startswith("file://") else route.abort())
        opened = context.new_page()
        opened.emulate_media(media="print")
        yield opened
        context.close()
        browser.close()


def _member(name: str, folder: Path) -> tuple[object, object]:
    if name != "climber-x10":
        return loaded(name)  # type: ignore[no-any-return]
    from linkedin_stages import load_export
    from linkedin_stages.analysis import analyze
    from linkedin_stages.synth.generate import build_archive

    build_archive("climber", scale=10.0).write_folder(folder / name)
    export = load_export(folder / name)
    return export, analyze(export)


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from linkedin_stages.report import build_report, write_report

    folder = tmp_path_factory.mktemp("print")
    paths = {}
    for case, (name, lang) in CASES.items():
        export, timeline = _member(name, folder)
        paths[case] = write_report(build_report(export, timeline, lang=lang, tz=ZONE),
                                   folder / f"{case}.html")
    return paths


def _pdf(page: object, path: Path, css: str = "") -> bytes:
    page.goto(path.resolve().as_uri(), wait_until="load")  # type: ignore[attr-defined]
    if css:
        page.add_style_tag(content=css)  # type: ignore[attr-defined]
    return page.pdf(format="A4")  # type: ignore[attr-defined, no-any-return]


@pytest.mark.parametrize("case", list(CASES))
def test_at_most_six_a4_pages(page: object, files: dict[str, Path], case: str) -> None:
    pdf = _pdf(page, files[case])
    PDFS.mkdir(parents=True, exist_ok=True)
    (PDFS / f"{case}.pdf").write_bytes(pdf)
    pages = len(PAGE.findall(pdf))
    assert 1 <= pages <= MAX_PAGES, f"{case}: {pages} A4 pages"


@pytest.mark.parametrize("case", ["climber-en", "lurker-en"])
def test_the_footer_is_never_alone_on_a_page(page: object, files: dict[str, Path],
                                             case: str) -> None:
    """Without the footer the page count is the same: it never takes a page of its own."""
    with_footer = len(PAGE.findall(_pdf(page, files[case])))
    without = len(PAGE.findall(_pdf(page, files[case], ".footer { display: none; }")))
    assert with_footer == without


def test_colour_survives_print(page: object, files: dict[str, Path]) -> None:
    page.goto(files["climber-en"].resolve().as_uri())  # type: ignore[attr-defined]
    found = page.evaluate(  # type: ignore[attr-defined]
        """selectors => Object.fromEntries(selectors.map(s => {
             const els = [...document.querySelectorAll(s)];
             return [s, els.length ? [...new Set(els.map(e =>
               getComputedStyle(e).printColorAdjust))] : null]; }))""", list(COLOURED))
    assert found == {selector: ["exact"] for selector in COLOURED}


def test_the_months_are_one_grid_on_paper(page: object, files: dict[str, Path]) -> None:
    """The year tables are hidden, the grid shown: a row a year, twelve months, each month
    its stage's number (legible in grey) and its stage's colour."""
    page.goto(files["climber-en"].resolve().as_uri())  # type: ignore[attr-defined]
    shown = page.evaluate(  # type: ignore[attr-defined]
        """() => ({
          tables: [...document.querySelectorAll('details.year')]
            .filter(d => getComputedStyle(d).display !== 'none').length,
          rows: [...document.querySelectorAll('.stage-grid tbody tr')].map(tr =>
            [tr.querySelector('th').textContent,
             [...tr.querySelectorAll('td')].map(td => td.textContent.trim().slice(0, 1))]),
          colours: new Set([...document.querySelectorAll('.stage-grid td.g')]
            .map(td => getComputedStyle(td).backgroundColor)).size,
          height: document.querySelector('.grid-block').getBoundingClientRect().height,
        })""")
    assert shown["tables"] == 0
    years = [year for year, _ in shown["rows"]]
    assert years == [str(y) for y in range(2017, 2027)]
    assert all(len(cells) == 12 for _, cells in shown["rows"])
    marks = {mark for _, cells in shown["rows"] for mark in cells}
    assert marks == {"", "1", "2", "3", "4"}  # empty: months outside the archive
    assert shown["colours"] == 4
    assert shown["height"] < 900  # well under one A4 page (1123 px)
