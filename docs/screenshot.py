"""Write the README's screenshot of a sample report: docs/images/report.jpg.

    pip install -e '.[test]'        # playwright (the Python driver only)
    sudo apt-get install chromium   # Debian's browser; never `playwright install`
    python docs/screenshot.py

Renders the bundled sample member `sample_exports/climber` (an invented person) in English,
opens it in headless Chromium at 1280 px wide and keeps the first screen as a small JPEG.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "docs" / "images" / "report.jpg"
CHROMIUM = Path("/usr/bin/chromium")


def main() -> int:
    from playwright.sync_api import sync_playwright

    from linkedin_stages.analysis import analyze
    from linkedin_stages.analysis.report_data import analyze_for_report
    from linkedin_stages.export import load_export
    from linkedin_stages.report.render import render_report

    if not CHROMIUM.exists():
        print(f"docs/screenshot.py: {CHROMIUM} not found (apt-get install chromium)",
              file=sys.stderr)
        return 1
    export = load_export(ROOT / "sample_exports" / "climber")
    # A fixed zone, so the screenshot does not depend on the machine it was taken on.
    html = render_report(analyze_for_report(export, analyze(export), zone="Europe/Stockholm"),
                         lang="en")
    with tempfile.TemporaryDirectory() as folder:
        page_file = Path(folder) / "report.html"
        page_file.write_text(html, encoding="utf-8")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                                 args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1280, "height": 1000},
                                    color_scheme="light")
            page.goto(page_file.as_uri())
            OUTPUT.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(OUTPUT), type="jpeg", quality=72)
            browser.close()
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({OUTPUT.stat().st_size / 1000:.0f} kB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
