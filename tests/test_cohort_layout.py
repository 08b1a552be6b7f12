"""The cohort page in headless Chromium at 390 px (a phone) and 1280 px, light and dark: no
element wider than the screen (every <details> open), nothing loaded but the file, no id
twice, each member's row in view on a phone, the curves and the 100 % chart drawn.
Screenshots go to tests/actual/cohort/ for a human to look at.

Drives Debian's /usr/bin/chromium through playwright, like tests/test_report_layout.py
(whose overflow check and browser settings it reuses)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from linkedin_stages.analysis.cohort_stats import cohort_stats
from linkedin_stages.cohort_run import discover, run_local
from linkedin_stages.report import write_report
from linkedin_stages.report.cohort_view import build_cohort_report
from linkedin_stages.synth.cohort import write_cohort
from report_support import ACTUAL
from test_report_layout import ARGS, CHROMIUM, DESKTOP, OVERFLOWING, PHONE

pytestmark = pytest.mark.browser

SHOTS = ACTUAL / "cohort"
OPEN_ALL = "() => document.querySelectorAll('details').forEach(d => d.open = true)"
IDS = """() => { const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
  return ids.filter((id, i) => ids.indexOf(id) !== i); }"""
# every tick label of the time-to-next-stage drawing inside its viewBox (not clipped)
KM_LABELS_CLIPPED = """() => { const svg = document.querySelector('svg.km');
  const box = svg.viewBox.baseVal;
  return [...svg.querySelectorAll('text')].filter(t => { const b = t.getBBox();
    return b.x < box.x || b.x + b.width > box.x + box.width
      || b.y < box.y || b.y + b.height > box.y + box.height; }).map(t => t.textContent); }"""
ROWS_IN_VIEW = """() => [...document.querySelectorAll('.members tbody tr')].map(tr => {
  const r = tr.getBoundingClientRect(); return r.left >= 0 && r.right <= innerWidth + 0.5; })"""


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def pages_html(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("cohort-layout")
    write_cohort(root / "team", 12, seed=4)
    jobs, problems = discover([root / "team"])
    group = run_local(jobs, problems, workers=1)
    stats = cohort_stats(group)
    return {lang: write_report(build_cohort_report(group, stats, lang=lang),
                               root / f"cohort-{lang}.html") for lang in ("en", "de")}


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


@pytest.mark.parametrize("view,scheme", [("phone", "light"), ("phone", "dark"),
                                         ("desktop", "light"), ("desktop", "dark")])
@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_cohort_page_fits_and_loads_nothing(browser: object, pages_html: dict[str, Path],
                                                view: str, scheme: str, lang: str) -> None:
    context = browser.new_context(  # type: ignore[attr-defined]
        viewport=PHONE if view == "phone" else DESKTOP, color_scheme=scheme,
        device_scale_factor=1)
    requested: list[str] = []

    def route(request_route: object) -> None:
        url = request_route.request.url  # type: ignore[attr-defined]
        if url.startswith("file://"):
            request_route.continue_()  # type: ignore[attr-defined]
        else:
            requested.append(url)
            request_route.abort()  # type: ignore[attr-defined]

    context.route("**/*", route)
    page = context.new_page()
    try:
        page.goto(pages_html[lang].resolve().as_uri(), wait_until="load")
        page.evaluate(OPEN_ALL)
        found = page.evaluate(OVERFLOWING)
        assert found["scroll"] <= found["width"], found
        assert found["out"] == [], found
        assert page.evaluate(IDS) == []
        assert requested == []
        assert page.locator("svg.km polyline").count() >= 1
        assert page.locator("#figure-cohort_shares svg.chart-pair").count() == 1
        # Every chart label shown at 10 px or more (the shares chart has a phone drawing).
        sizes = page.evaluate("""() => [...document.querySelectorAll('svg text')]
            .filter(t => { const r = t.getBoundingClientRect(); return r.width > 0; })
            .map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)""")
        assert sizes and min(sizes) >= 10, sorted(sizes)[:5]
        assert page.evaluate(KM_LABELS_CLIPPED) == []
        rows = page.evaluate(ROWS_IN_VIEW)
        assert len(rows) == 12 and all(rows)
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"cohort-{lang}-{view}-{scheme}.png"), full_page=True)
    finally:
        context.close()
