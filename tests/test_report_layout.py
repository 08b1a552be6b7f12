"""The report and the compare page on a phone and on paper, in headless Chromium: at 390 px
nothing is wider than the screen in any language (an element may only overflow inside a
declared scroll box, which is named and focusable), the trajectory shows its last months,
and at 1280 px an opened "Why" stays inside its table. Screenshots (1280 and 390 px, light
and dark) and a PDF go to tests/actual/layout/ for a human to look at.

Drives Debian's /usr/bin/chromium through `playwright`, like tests/test_report_browser.py.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from report_support import ACTUAL, SAMPLES, loaded

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
SHOTS = ACTUAL / "layout"
LANGS = ("en", "fr", "es", "pt", "de")
ZONES = {"en": "America/New_York", "fr": "Europe/Paris", "es": "Europe/Madrid",
         "pt": "Europe/Lisbon", "de": "Europe/Berlin"}
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

# Every element whose right edge passes the viewport, unless a scroll box (overflow-x auto or
# scroll) that itself fits holds it. Hidden elements (no box) and off-screen skip links don't
# count. Returns a short description of each offender.
OVERFLOWING = """() => {
  const width = innerWidth;
  const boxes = [...document.querySelectorAll('*')].filter(el => {
    const style = getComputedStyle(el);
    return ['auto', 'scroll'].includes(style.overflowX);
  });
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.right <= width + 0.5 || r.left < 0) continue;
    if (boxes.some(box => box !== el && box.contains(el)
                   && box.getBoundingClientRect().right <= width + 0.5)) continue;
    out.push(`${el.tagName.toLowerCase()}.${el.className.baseVal ?? el.className}`
             + ` right=${Math.round(r.right)}`);
  }
  return {scroll: document.scrollingElement.scrollWidth, width, out: out.slice(0, 8)};
}"""

# Scroll boxes that really scroll (content wider than the box) must be named and focusable.
SCROLL_BOXES = """() => [...document.querySelectorAll('.table-scroll')]
  .filter(box => box.scrollWidth > box.clientWidth + 1)
  .map(box => ({name: box.getAttribute('aria-label') || box.getAttribute('aria-labelledby'),
                tabindex: box.getAttribute('tabindex'), role: box.getAttribute('role')}))"""


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
    from linkedin_stages.report import build_report, write_report
    from linkedin_stages.report.compare_view import build_compare_report

    folder = tmp_path_factory.mktemp("layout")
    export, timeline = loaded("climber")
    paths = {f"climber-{lang}": write_report(
        build_report(export, timeline, lang=lang, tz=ZONES[lang]), folder / f"climber-{lang}.html")
        for lang in LANGS}
    comparison = compare_exports(load_export(SAMPLES / "climber"),
                                 load_export(SAMPLES / "climber-2021-06"))
    for lang in ("en", "fr"):
        paths[f"compare-{lang}"] = write_report(build_compare_report(comparison, lang=lang),
                                                folder / f"compare-{lang}.html")
    return paths


@pytest.fixture(scope="module")
def pages(browser: object) -> Iterator[dict[tuple[str, str], object]]:
    """One page per (viewport, colour scheme), reused from file to file."""
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


def _shot(page: object, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]


PHONE_CASES = [f"climber-{lang}" for lang in LANGS] + ["compare-en", "compare-fr"]


@pytest.mark.parametrize("name", PHONE_CASES)
def test_nothing_wider_than_a_phone(pages: dict[tuple[str, str], object],
                                    files: dict[str, Path], name: str) -> None:
    page = _open(pages, files[name], "phone")
    # Open every year and every reason: the widest the page can get.
    page.evaluate(  # type: ignore[attr-defined]
        "() => document.querySelectorAll('details').forEach(d => d.open = true)")
    found = page.evaluate(OVERFLOWING)  # type: ignore[attr-defined]
    assert found["scroll"] <= found["width"], found
    assert found["out"] == [], found
    for box in page.evaluate(SCROLL_BOXES):  # type: ignore[attr-defined]
        assert box["name"] and box["tabindex"] == "0" and box["role"] == "region", box


@pytest.mark.parametrize("name", ["climber-en", "climber-fr", "compare-en"])
def test_the_present_is_in_view_on_a_phone(pages: dict[tuple[str, str], object],
                                           files: dict[str, Path], name: str) -> None:
    """Every chart fits the screen: none is cut at the right, so the last months show."""
    page = _open(pages, files[name], "phone")
    rights = page.eval_on_selector_all(  # type: ignore[attr-defined]
        "svg[role=img]", "svgs => svgs.map(s => s.getBoundingClientRect().right)")
    assert rights and max(rights) <= PHONE["width"]


# The rendered font size of every chart text that is shown (the hidden drawing of a pair has
# no box): its font size in its drawing's units times the drawing's scale on the screen, in
# CSS pixels.
CHART_TEXT_SIZES = """() => [...document.querySelectorAll('svg[role=img] text')]
  .filter(t => { const r = t.getBoundingClientRect(); return r.width > 0 && r.height > 0; })
  .map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)"""


@pytest.mark.parametrize(("name", "view"), [("climber-en", "phone"), ("climber-de", "phone"),
                                            ("compare-en", "phone"), ("climber-en", "desktop")])
def test_chart_text_is_readable(pages: dict[tuple[str, str], object],
                                files: dict[str, Path], name: str, view: str) -> None:
    """Every chart has a drawing for a phone: no label shown smaller than 10 px (the
    desktop drawing shrunk to 390 px drew them at 7)."""
    page = _open(pages, files[name], view)
    sizes = page.evaluate(CHART_TEXT_SIZES)  # type: ignore[attr-defined]
    assert len(sizes) > 50
    small = [round(h, 1) for h in sizes if h < 10]
    assert small == [], f"{len(small)} chart labels under 10 px: {small[:10]}"


def test_wide_tables_are_cards_on_a_phone(pages: dict[tuple[str, str], object],
                                          files: dict[str, Path]) -> None:
    """The voice's stages and the files read: each row a card, nothing to scroll sideways."""
    page = _open(pages, files["climber-fr"], "phone")
    scrolling = page.evaluate(  # type: ignore[attr-defined]
        """() => [...document.querySelectorAll('.stage-table, .files')]
             .map(t => t.closest('.table-scroll'))
             .filter(b => b && b.scrollWidth > b.clientWidth + 1).length""")
    assert scrolling == 0
    labels = page.eval_on_selector_all(  # type: ignore[attr-defined]
        ".stage-table td[data-label]",
        "els => els.map(e => getComputedStyle(e, '::before').content)")
    assert labels and all(label not in ("none", "normal", '""') for label in labels)


def test_months_are_cards_on_a_phone(pages: dict[tuple[str, str], object],
                                     files: dict[str, Path]) -> None:
    page = _open(pages, files["climber-fr"], "phone")
    page.evaluate(  # type: ignore[attr-defined]
        "() => document.querySelectorAll('details').forEach(d => d.open = true)")
    names = page.eval_on_selector_all(  # type: ignore[attr-defined]
        ".months-table .chip-name", "els => els.map(e => e.getBoundingClientRect().width)")
    assert names and min(names) > 20, "stage names are shown, not only dots"
    why = page.eval_on_selector_all(  # type: ignore[attr-defined]
        ".months-table td.why details", "els => els.map(e => e.getBoundingClientRect().width)")
    assert why and min(why) > PHONE["width"] * 0.6, "the reasons take the card's width"


def test_an_opened_why_stays_in_its_table(pages: dict[tuple[str, str], object],
                                          files: dict[str, Path]) -> None:
    for lang in ("en", "fr"):
        page = _open(pages, files[f"climber-{lang}"], "desktop")
        page.evaluate(  # type: ignore[attr-defined]
            "() => document.querySelectorAll('details').forEach(d => d.open = true)")
        outside = page.evaluate(  # type: ignore[attr-defined]
            """() => [...document.querySelectorAll('.months-table')].flatMap(table => {
                 const box = table.closest('.table-scroll').getBoundingClientRect();
                 return [...table.querySelectorAll('td.why li')]
                   .filter(li => li.getBoundingClientRect().right > box.right + 0.5)
                   .map(li => li.textContent.slice(0, 40)); })""")
        assert outside == [], lang
        scroll = page.evaluate(  # type: ignore[attr-defined]
            "() => [...document.querySelectorAll('details.year .table-scroll')]"
            ".filter(b => b.scrollWidth > b.clientWidth + 1).length")
        assert scroll == 0, f"{lang}: a months table scrolls at 1280 px"


def test_screenshots_and_pdf(pages: dict[tuple[str, str], object],
                             files: dict[str, Path]) -> None:
    """Pictures for a human: desktop and phone, light and dark, and the printed PDF."""
    for name in ("climber-en", "climber-fr", "compare-en"):
        for view in ("desktop", "phone"):
            for scheme in ("light", "dark"):
                _shot(_open(pages, files[name], view, scheme), f"{name}-{view}-{scheme}")
    page = _open(pages, files["climber-en"], "desktop")
    page.emulate_media(media="print")  # type: ignore[attr-defined]
    pdf = page.pdf(format="A4", print_background=True)  # type: ignore[attr-defined]
    page.emulate_media(media="screen")  # type: ignore[attr-defined]
    (SHOTS / "climber-en.pdf").write_bytes(pdf)
    assert pdf.startswith(b"%PDF")
