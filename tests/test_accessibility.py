"""WCAG 2.2 AA on every page the tool writes: axe-core (bundled by axe-playwright-python, no
download) finds no serious or critical violation in the sample members' reports or in the
compare page, light and dark, on a desktop (1280 px) and a phone (390 px), in English and
French (the fullest report and the compare page on every pair, the other members on one
pair each); and no page of any language repeats an id (a repeated id makes a screen reader
read one chart's name or description for another's).

The axe tests drive Debian's /usr/bin/chromium through `playwright`, like
tests/test_report_layout.py: one browser for the module, one page per viewport and scheme.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from report_support import SAMPLES, loaded

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
MEMBERS = ("climber", "lurker", "basic", "curator", "consultante", "fallback")
LANGS = ("en", "fr", "es", "pt", "de")
AXE_LANGS = ("en", "fr")
ZONE = "Europe/Paris"
VIEWS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
SCHEMES = ("light", "dark")
# axe-core's rules for WCAG 2.0, 2.1 and 2.2, levels A and AA
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
                                                "wcag22aa"]},
        "resultTypes": ["violations"]}
BLOCKING = {"serious", "critical"}


@pytest.fixture(scope="module")
def pages_html() -> dict[str, str]:
    """Every report (each sample member) and the compare page, in every language."""
    from linkedin_stages import load_export
    from linkedin_stages.analysis.compare import compare_exports
    from linkedin_stages.report import build_report
    from linkedin_stages.report.compare_view import build_compare_report

    found = {}
    for name in MEMBERS:
        export, timeline = loaded(name)
        for lang in LANGS:
            found[f"{name}-{lang}"] = build_report(export, timeline, lang=lang, tz=ZONE)
    comparison = compare_exports(load_export(SAMPLES / "climber"),
                                 load_export(SAMPLES / "climber-2021-06"))
    for lang in LANGS:
        found[f"compare-{lang}"] = build_compare_report(comparison, lang=lang)
    return found


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids += [value for name, value in attrs if name == "id" and value is not None]


def test_no_page_repeats_an_id(pages_html: dict[str, str]) -> None:
    repeated = {}
    for name, html in pages_html.items():
        parser = _Ids()
        parser.feed(html)
        assert parser.ids, name
        twice = sorted(i for i, n in Counter(parser.ids).items() if n > 1)
        if twice:
            repeated[name] = twice
    assert repeated == {}


def test_every_reference_names_an_id(pages_html: dict[str, str]) -> None:
    """aria-labelledby / aria-describedby and in-page links point at ids the page has."""
    import re

    for name, html in pages_html.items():
        parser = _Ids()
        parser.feed(html)
        ids = set(parser.ids)
        refs = {ref for group in re.findall(r'aria-(?:labelledby|describedby)="([^"]+)"', html)
                for ref in group.split()}
        refs |= set(re.findall(r'href="#([^"]+)"', html))
        assert refs - ids == set(), name


# ---------------------------------------------------------------------------- axe-core


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def files(pages_html: dict[str, str], tmp_path_factory: pytest.TempPathFactory
          ) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("a11y")
    written = {}
    for name, html in pages_html.items():
        if name.rsplit("-", 1)[1] in AXE_LANGS:
            written[name] = folder / f"{name}.html"
            written[name].write_text(html, encoding="utf-8")
    return written


@pytest.fixture(scope="module")
def pages() -> Iterator[dict[tuple[str, str], object]]:
    """One browser; one page per (viewport, colour scheme), reused from file to file."""
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is missing (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        opened: dict[tuple[str, str], object] = {}
        for view, viewport in VIEWS.items():
            for scheme in SCHEMES:
                context = browser.new_context(viewport=viewport, color_scheme=scheme)
                context.route("**/*", lambda route: route.continue_()
                              if route.request.url.startswith("file://") else route.abort())
                opened[view, scheme] = context.new_page()
        yield opened
        for page in opened.values():
            page.context.close()  # type: ignore[attr-defined]
        browser.close()


@pytest.fixture(scope="module")
def axe() -> object:
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        _unavailable("axe-playwright-python is missing (pip install -e '.[test]')")
    return Axe()


def _violations(axe: object, page: object, path: Path) -> list[str]:
    page.goto(path.resolve().as_uri(), wait_until="load")  # type: ignore[attr-defined]
    # Every "Why" and every year open: the content a reader can reach is checked too.
    page.evaluate(  # type: ignore[attr-defined]
        "() => document.querySelectorAll('details').forEach(d => d.open = true)")
    result = axe.run(page, options=WCAG).response  # type: ignore[attr-defined]
    return [f"{v['id']} ({v['impact']}): {len(v['nodes'])}× e.g. {v['nodes'][0]['target']}"
            for v in result["violations"] if v["impact"] in BLOCKING]


# The fullest report and the compare page on all four (viewport, scheme) pairs, in both
# languages; every other member in both languages, each on one pair in turn, so that each
# pair is met by several members (one axe run costs about 2.5 s: all 56 would take 2 minutes).
PAIRS = [(view, scheme) for view in VIEWS for scheme in SCHEMES]
CASES = [(f"{name}-{lang}", pair) for name in ("climber", "compare") for lang in AXE_LANGS
         for pair in PAIRS]
CASES += [(f"{name}-{lang}", PAIRS[(i * len(AXE_LANGS) + j) % len(PAIRS)])
          for i, name in enumerate(m for m in MEMBERS if m != "climber")
          for j, lang in enumerate(AXE_LANGS)]


@pytest.mark.browser
@pytest.mark.parametrize(("case", "pair"), CASES, ids=[f"{c}-{v}-{s}" for c, (v, s) in CASES])
def test_axe_finds_no_serious_violation(pages: dict[tuple[str, str], object],
                                        files: dict[str, Path], axe: object,
                                        case: str, pair: tuple[str, str]) -> None:
    assert _violations(axe, pages[pair], files[case]) == []


# Per chart: the images Chromium's accessibility tree holds inside it, and what its image is
# named and described by (the texts of the elements its aria attributes point at).
CHART_NAMES = """() => [...document.querySelectorAll('figure.chart')].map(f => {
  const img = f.querySelector('[role=img]');
  const text = ids => (ids || '').split(' ').filter(Boolean)
    .map(id => document.getElementById(id)?.textContent.trim() ?? '?').join(' ');
  return {id: f.id, title: f.querySelector('.chart-title')?.textContent.trim(),
          summary: f.querySelector('.chart-summary')?.textContent.trim() ?? null,
          name: text(img.getAttribute('aria-labelledby')),
          description: text(img.getAttribute('aria-describedby'))};
})"""


@pytest.mark.browser
@pytest.mark.parametrize("case", ["climber-en", "lurker-fr", "compare-en"])
@pytest.mark.parametrize("view", list(VIEWS))
def test_each_chart_is_named_once_and_described_once(pages: dict[tuple[str, str], object],
                                                     files: dict[str, Path], case: str,
                                                     view: str) -> None:
    """One image a chart in the accessibility tree (its drawings hidden), named by the
    visible title and described by the visible summary, which are not read a second time."""
    page = pages[view, "light"]
    page.goto(files[case].resolve().as_uri())  # type: ignore[attr-defined]
    charts = page.evaluate(CHART_NAMES)  # type: ignore[attr-defined]
    assert len(charts) >= 3
    for chart in charts:
        # (the snapshot writes no-break spaces as spaces)
        snapshot = page.locator(f"#{chart['id']}").aria_snapshot()  # type: ignore[attr-defined]
        title = re.sub(r"[\u00a0\u202f]", " ", chart["title"])
        # `- img "name"`, quoted as a whole by the YAML when the name holds a colon
        images = re.findall(r"""^\s*- '?img "(.*)"'?:?$""", snapshot, re.M)
        assert images == [title], (chart["id"], snapshot)
        assert chart["name"] == chart["title"]
        assert snapshot.count(title) == 1, snapshot  # not read again as text
        if chart["summary"] is not None:
            assert chart["description"] == chart["summary"]
            assert re.sub(r"[\u00a0\u202f]", " ", chart["summary"])[:40] not in snapshot
        else:
            assert chart["description"], chart["id"]  # the drawing's own description
