"""The report in a real browser: headless Chromium opens it from file://, and nothing is
fetched, nothing is logged as an error, every chart has a size, nothing overflows the
screen, and it prints. Screenshots go to tests/actual/screenshots/ for a human to look at.

Uses Debian's /usr/bin/chromium through the `playwright` package (never `playwright
install`). Skipped when Chromium is absent, except in CI (CI=true), where it must run.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from report_support import ACTUAL, SCRIPT, ZONES, hostile_export, report

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
SHOTS = ACTUAL / "screenshots"
VIEWS = {"desktop": {"width": 1100, "height": 900}, "phone": {"width": 390, "height": 844},
         "a4": {"width": 794, "height": 1123}}


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true but {reason}: .ci/run installs Debian's chromium and the "
                    f"[test] extra installs playwright", pytrace=False)
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
    from linkedin_stages.analysis import build_timeline
    from linkedin_stages.export import load_export
    from linkedin_stages.report import build_report, write_report

    folder = tmp_path_factory.mktemp("reports")
    paths = {}
    for name in ("climber", "lurker"):
        for lang in ("en", "fr"):
            paths[f"{name}-{lang}"] = write_report(report(name, lang),
                                                   folder / f"{name}-{lang}.html")
    hostile = load_export(hostile_export(tmp_path_factory.mktemp("hostile")))
    html = build_report(hostile, build_timeline(hostile), lang="en", tz=ZONES["en"])
    paths["hostile-en"] = write_report(html, folder / "hostile-en.html")
    return paths


class Pages:
    """One page per (view, colour scheme, media), reused from report to report: a context and
    its first paint cost more than a navigation, and nothing of a report outlives the next
    `goto` (it keeps no storage). Every navigation starts a fresh record of what was seen."""

    def __init__(self, browser: object) -> None:
        self._browser = browser
        self._pages: dict[tuple[str, str, str], object] = {}
        self._url = ""
        self._seen: dict[str, list[str]] = {}

    def open(self, path: Path, view: str, scheme: str,
             media: str = "screen") -> tuple[object, dict[str, list[str]]]:
        page = self._pages.get((view, scheme, media))
        if page is None:
            page = self._pages[view, scheme, media] = self._new_page(view, scheme, media)
        self._url = path.resolve().as_uri()
        self._seen = {"requests": [], "errors": [], "dialogs": []}
        page.goto(self._url, wait_until="load")  # type: ignore[attr-defined]
        return page, self._seen

    def _new_page(self, view: str, scheme: str, media: str) -> object:
        context = self._browser.new_context(  # type: ignore[attr-defined]
            viewport=VIEWS[view], color_scheme=scheme, device_scale_factor=1,
            java_script_enabled=True)

        def route(route: object) -> None:
            url = route.request.url  # type: ignore[attr-defined]
            if url == self._url:
                route.continue_()  # type: ignore[attr-defined]
            else:
                self._seen["requests"].append(url)
                route.abort()  # type: ignore[attr-defined]

        context.route("**/*", route)
        page = context.new_page()
        page.on("request", lambda request: None if request.url == self._url
                else self._seen["requests"].append(request.url))
        page.on("console", lambda message: self._seen["errors"].append(message.text)
                if message.type in ("error", "warning") else None)
        page.on("pageerror", lambda error: self._seen["errors"].append(str(error)))
        page.on("dialog", lambda dialog: (self._seen["dialogs"].append(dialog.message),
                                          dialog.dismiss()))
        page.emulate_media(media=media, color_scheme=scheme)
        return page

    def close(self) -> None:
        for page in self._pages.values():
            page.context.close()  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def pages(browser: object) -> Iterator[Pages]:
    opened = Pages(browser)
    yield opened
    opened.close()


def _screenshot(page: object, name: str) -> None:
    """A full-page picture for a human to look at. JPEG: encoding a 1100 x 12000 PNG costs
    twice as long, and nothing compares these pixels."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.jpg"), type="jpeg", quality=80,  # type: ignore[attr-defined]
                    full_page=True)


CASES = [(name, view, scheme) for name in ("climber-en", "climber-fr", "lurker-en", "lurker-fr")
         for view, scheme in (("desktop", "light"), ("phone", "dark"))]


@pytest.mark.parametrize(("name", "view", "scheme"), CASES)
def test_report_in_chromium(pages: Pages, files: dict[str, Path], name: str, view: str,
                            scheme: str) -> None:
    page, seen = pages.open(files[name], view, scheme)
    assert seen["requests"] == [], "the report fetched something"
    assert seen["errors"] == []
    assert seen["dialogs"] == []
    boxes = page.eval_on_selector_all(  # type: ignore[attr-defined]
        "svg[role=img]",
        "svgs => svgs.map(s => { const r = s.getBoundingClientRect();"
        " return [s.getAttribute('aria-labelledby'), r.width, r.height]; })")
    assert len(boxes) >= 5
    for label, width, height in boxes:
        assert width > 100 and height > 40, label
    metrics = page.evaluate(  # type: ignore[attr-defined]
        "() => ({scroll: document.documentElement.scrollWidth, width: innerWidth,"
        " fonts: document.fonts.size, lang: document.documentElement.lang,"
        " font: getComputedStyle(document.body).fontFamily})")
    assert metrics["scroll"] <= metrics["width"], "the page is wider than the screen"
    assert metrics["fonts"] == 0, "no web font"
    assert metrics["lang"] == name.split("-")[1]
    assert metrics["font"].startswith("system-ui")
    _screenshot(page, f"{name}-{view}-{scheme}")


@pytest.mark.parametrize("view", ["desktop", "phone"])
def test_hostile_report_in_chromium(pages: Pages, files: dict[str, Path], view: str) -> None:
    page, seen = pages.open(files["hostile-en"], view, "light")
    assert seen["dialogs"] == [] and seen["requests"] == [] and seen["errors"] == []
    assert page.locator("script").count() == 0  # type: ignore[attr-defined]
    assert page.locator("img").count() == 0  # type: ignore[attr-defined]
    assert page.get_by_text(SCRIPT).count() >= 1  # type: ignore[attr-defined]
    width = page.evaluate(  # type: ignore[attr-defined]
        "() => document.documentElement.scrollWidth - innerWidth")
    assert width <= 0, "hostile text pushed the page wider than the screen"
    _screenshot(page, f"hostile-en-{view}")


def test_report_prints(pages: Pages, files: dict[str, Path]) -> None:
    page, seen = pages.open(files["climber-en"], "a4", "light", media="print")
    _screenshot(page, "climber-en-print")
    pdf = page.pdf(format="A4", print_background=True)  # type: ignore[attr-defined]
    (SHOTS / "climber-en.pdf").write_bytes(pdf)
    assert pdf.startswith(b"%PDF") and len(pdf) > 50_000
    assert seen["requests"] == [] and seen["errors"] == []
    hidden = page.evaluate(  # type: ignore[attr-defined]
        "() => getComputedStyle(document.querySelector('nav')).display")
    assert hidden == "none"
