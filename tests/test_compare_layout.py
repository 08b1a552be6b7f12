"""The comparison page in headless Chromium, on a phone (390 px) and a desktop (1280 px),
light and dark, in every language: nothing wider than the screen (with every list unfolded),
both archives' stages in view on a phone, the two trajectories on one time axis as drawn,
the chart of the months between the exports in the drawing for the screen's width, and no
id twice. Screenshots go to tests/actual/layout/ for a human to look at.

Drives Debian's /usr/bin/chromium through `playwright`, like tests/test_report_layout.py
(whose overflow check this reuses for the comparison in all five languages).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from report_support import ACTUAL, SAMPLES
from test_report_layout import ARGS, CHROMIUM, DESKTOP, LANGS, OVERFLOWING, PHONE

pytestmark = pytest.mark.browser

SHOTS = ACTUAL / "layout"

OPEN_ALL = "() => document.querySelectorAll('details').forEach(d => d.open = true)"

# Where the years sit in each trajectory's shown drawing: [[text, left edge in px]…] per chart.
YEARS = """() => [...document.querySelectorAll('svg.lanes')].map(svg =>
  [...svg.querySelectorAll(':scope > svg')].filter(d => getComputedStyle(d).display !== 'none')
    .flatMap(d => [...d.querySelectorAll('text.year')])
    .map(t => [t.textContent, Math.round(t.getBoundingClientRect().left)]))"""

# The drawings of the between chart shown (their class names).
SHOWN = """() => [...document.querySelectorAll('svg.between > svg')]
  .filter(d => getComputedStyle(d).display !== 'none').map(d => d.getAttribute('class'))"""

# A box fully inside the viewport's width, with some width of its own.
IN_VIEW = """els => els.map(e => { const r = e.getBoundingClientRect();
  return r.width > 20 && r.left >= 0 && r.right <= innerWidth + 0.5; })"""


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is missing (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from linkedin_stages import load_export
    from linkedin_stages.analysis.compare import compare_exports
    from linkedin_stages.report import write_report
    from linkedin_stages.report.compare_view import build_compare_report

    folder = tmp_path_factory.mktemp("compare-layout")
    comparison = compare_exports(load_export(SAMPLES / "climber-2021-06"),
                                 load_export(SAMPLES / "climber"))
    return {lang: write_report(build_compare_report(comparison, lang=lang),
                               folder / f"compare-{lang}.html") for lang in LANGS}


@pytest.fixture(scope="module")
def pages(browser: object) -> Iterator[dict[tuple[str, str], object]]:
    """One page per (viewport, colour scheme); nothing but the file itself may load."""
    opened: dict[tuple[str, str], object] = {}
    for name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        for scheme in ("light", "dark"):
            context = browser.new_context(  # type: ignore[attr-defined]
                viewport=viewport, color_scheme=scheme, device_scale_factor=1)
            context.route("**/*", lambda route: route.continue_()
                          if route.request.url.startswith("file://") else route.abort())
            opened[name, scheme] = context.new_page()
    yield opened
    for page in opened.values():
        page.context.close()  # type: ignore[attr-defined]


def _open(pages: dict[tuple[str, str], object], path: Path, view: str,
          scheme: str = "light") -> object:
    page = pages[view, scheme]
    page.goto(path.resolve().as_uri(), wait_until="load")  # type: ignore[attr-defined]
    return page


@pytest.mark.parametrize("lang", LANGS)
def test_nothing_wider_than_a_phone(pages: dict[tuple[str, str], object],
                                    files: dict[str, Path], lang: str) -> None:
    """Every list unfolded (the 54 job moves, the chart's numbers): still no element past
    the screen's right edge, in any language."""
    page = _open(pages, files[lang], "phone")
    page.evaluate(OPEN_ALL)  # type: ignore[attr-defined]
    found = page.evaluate(OVERFLOWING)  # type: ignore[attr-defined]
    assert found["scroll"] <= found["width"], found
    assert found["out"] == [], found


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_both_stages_in_view_on_a_phone(pages: dict[tuple[str, str], object],
                                        files: dict[str, Path], lang: str) -> None:
    """The stage then and now, at the top and in the "about" table (whose five columns once
    pushed the older archive's stage off the screen)."""
    page = _open(pages, files[lang], "phone")
    hero = page.eval_on_selector_all(".hero-stage .chip-name", IN_VIEW)  # type: ignore[attr-defined]
    assert hero == [True, True]
    stage_row = page.eval_on_selector_all(  # type: ignore[attr-defined]
        "#about tbody tr:last-child td", IN_VIEW)
    assert stage_row == [True, True]
    texts = page.eval_on_selector_all(  # type: ignore[attr-defined]
        "#about tbody tr:last-child td", "els => els.map(e => e.textContent)")
    assert texts[0] != texts[1]  # the sample member climbed: two different stages


@pytest.mark.parametrize("view", ["phone", "desktop"])
def test_one_time_axis_for_both_trajectories(pages: dict[tuple[str, str], object],
                                             files: dict[str, Path], view: str) -> None:
    """The same years at the same places in both charts as drawn on screen."""
    page = _open(pages, files["en"], view)
    old, new = page.evaluate(YEARS)  # type: ignore[attr-defined]
    assert old and old == new
    assert old[0][0] == "2017" and old[-1][0] == "2026"


@pytest.mark.parametrize("view,drawing", [("phone", "between-narrow"),
                                          ("desktop", "between-wide")])
def test_the_months_between_in_the_drawing_for_the_screen(
        pages: dict[tuple[str, str], object], files: dict[str, Path], view: str,
        drawing: str) -> None:
    page = _open(pages, files["fr"], view)
    assert page.evaluate(SHOWN) == [drawing]  # type: ignore[attr-defined]
    box = page.eval_on_selector(  # type: ignore[attr-defined]
        "svg.between", "s => { const r = s.getBoundingClientRect();"
                       " return [r.right, r.height]; }")
    assert box[0] <= (PHONE if view == "phone" else DESKTOP)["width"] and box[1] > 150
    # text no smaller than the page's small print once scaled to the screen
    sizes = page.eval_on_selector_all(  # type: ignore[attr-defined]
        f"svg.{drawing} text", "ts => ts.map(t => t.getBoundingClientRect().height)")
    assert sizes and min(sizes) >= 9


def test_ids_are_unique_in_the_document(pages: dict[tuple[str, str], object],
                                        files: dict[str, Path]) -> None:
    """As the browser sees them (inline SVG included), and each chart named by its own."""
    page = _open(pages, files["en"], "desktop")
    ids = page.evaluate(  # type: ignore[attr-defined]
        "() => [...document.querySelectorAll('[id]')].map(e => e.id)")
    assert len(ids) == len(set(ids))
    # Each chart named by its own figure's title and described by its own description.
    names = page.eval_on_selector_all(  # type: ignore[attr-defined]
        "svg[role=img]", """svgs => svgs.map(s => ['aria-labelledby', 'aria-describedby']
          .map(a => { const e = document.getElementById(s.getAttribute(a));
                      return e && s.closest('figure').contains(e) ? e.textContent : null; }))""")
    assert len(names) == 3 and all(None not in pair for pair in names)
    assert len({pair[1] for pair in names}) == 3  # three different descriptions


def test_screenshots(pages: dict[tuple[str, str], object], files: dict[str, Path]) -> None:
    """Pictures for a human: desktop and phone, light and dark, English and French."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for lang in ("en", "fr"):
        for view in ("desktop", "phone"):
            for scheme in ("light", "dark"):
                page = _open(pages, files[lang], view, scheme)
                path = SHOTS / f"compare-{lang}-{view}-{scheme}.png"
                page.screenshot(path=str(path), full_page=True)  # type: ignore[attr-defined]
                assert path.stat().st_size > 10_000
