"""Shared helpers of the tests: reading, analysing and rendering the sample members once per
session, building the generator's archives once per session, the text of a view, scrubbing
volatile text for golden files, finding external references, and writing an archive full of
hostile text."""

from __future__ import annotations

import csv
import difflib
import io
import os
import re
import shutil
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_exports"
ACTUAL = ROOT / "tests" / "actual"
GOLDEN = ROOT / "tests" / "golden"

# Time zones fixed per language so the reports do not depend on the machine's zone.
ZONES = {"en": "America/New_York", "fr": "Europe/Paris"}


@cache
def sample_export(name: str):  # noqa: ANN201
    """A committed sample member's export, read once per test session (reading is
    read-only: every test that only looks at it can share it)."""
    from linkedin_stages import load_export

    return load_export(SAMPLES / name)


@cache
def loaded(name: str):  # noqa: ANN201
    """(export, timeline with its plan) of a sample member, built once per test session."""
    from linkedin_stages.analysis import analyze

    export = sample_export(name)
    return export, analyze(export)


@cache
def synth_archive(persona_id: str, until: str | None = None):  # noqa: ANN201
    """The generator's archive of a persona as exported in month `until`, built once per
    test session (the generator is deterministic: tests/test_samples.py checks that with
    archives built afresh)."""
    from linkedin_stages.synth.generate import build_archive

    return build_archive(persona_id, until=until)


@cache
def synth_export(persona_id: str, until: str | None = None):  # noqa: ANN201
    """`synth_archive`'s files written once per session into a temporary folder (removed at
    exit) and read back once: the generator's archive as the tool reads it."""
    import atexit
    import tempfile

    from linkedin_stages import load_export

    root = Path(tempfile.mkdtemp(prefix="linkedin-stages-synth-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    folder = root / persona_id
    synth_archive(persona_id, until).write_folder(folder)
    return load_export(folder)


@cache
def synth_loaded(persona_id: str, until: str | None = None):  # noqa: ANN201
    """(export, timeline with its plan) of `synth_export`, built once per session."""
    from linkedin_stages.analysis import analyze

    export = synth_export(persona_id, until)
    return export, analyze(export)


@cache
def report(name: str, lang: str) -> str:
    """The report of a sample member, rendered once per test session."""
    from linkedin_stages.report import build_report

    export, timeline = loaded(name)
    return build_report(export, timeline, lang=lang, tz=ZONES[lang])


def view_text(value: object) -> str:
    """Every string in a view (a tree of dataclasses, tuples and mappings, chart
    specifications included), one per line: what the template and the charts can print."""
    import dataclasses
    from collections.abc import Mapping

    found: list[str] = []

    def walk(item: object) -> None:
        if isinstance(item, str):
            found.append(item)
        elif dataclasses.is_dataclass(item) and not isinstance(item, type):
            for field in dataclasses.fields(item):
                walk(getattr(item, field.name))
        elif isinstance(item, Mapping):
            for key, inner in item.items():
                walk(key)
                walk(inner)
        elif isinstance(item, tuple | list):
            for inner in item:
                walk(inner)

    walk(value)
    return "\n".join(found)


# ---------------------------------------------------------------------------- golden scrub

# A chart: one matplotlib drawing, or a pair (the wide and the narrow drawing of one chart,
# each an inner <svg>: the pair ends where the second inner drawing and the outer image do).
_CHART = re.compile(r'<svg\b[^>]*class="chart-svg chart-pair"[^>]*>.*?</svg></svg>'
                    r'|<svg\b[^>]*class="chart-svg"[^>]*>.*?</svg>', re.S)
_NARROW = re.compile(r'<svg\b[^>]*class="chart-narrow"[^>]*>.*?</svg>', re.S)
_TEXT = re.compile(r"<(title|desc|text)\b[^>]*>(.*?)</\1>", re.S)


def _chart_summary(match: re.Match[str]) -> str:
    """A chart's words (its name, description and the wide drawing's texts; the narrow
    drawing's are the same words placed for a phone)."""
    texts = [f"{tag}: {content}" for tag, content in _TEXT.findall(_NARROW.sub("", match[0]))]
    return "<svg class=\"chart-svg\"> [chart, geometry scrubbed]\n  " + "\n  ".join(texts) + \
        "\n</svg>"


def scrub(html: str) -> str:
    """The page without what changes for reasons unrelated to the report: the tool's
    version, and the charts' geometry (which moves with matplotlib releases; their words,
    ticks and data tables stay in the golden file)."""
    html = re.sub(r"linkedin-stages \d+\.\d+[\w.+-]*", "linkedin-stages VERSION", html)
    return _CHART.sub(_chart_summary, html)


# ---------------------------------------------------------------------------- references

_URL_IN_CSS = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+(?:url\()?\s*['"]?([^'");\s]+)""",
                         re.I)
_URL_ATTRIBUTES = {"src", "href", "xlink:href", "srcset", "poster", "data", "action",
                   "formaction", "background", "cite", "longdesc", "manifest", "ping",
                   "codebase", "archive", "icon", "profile", "usemap", "lowsrc", "dynsrc"}
LINKEDIN = re.compile(r"^https://www\.linkedin\.com/[^\s]*$")


def _external(url: str) -> bool:
    url = url.strip().lower()
    return url.startswith(("http:", "https:", "//", "ftp:", "ws:", "wss:")) or (
        ":" in url.split("/")[0] and not url.startswith(("#", "data:")))


class _References(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_style = tag == "style"
        for name, value in attrs:
            value = value or ""
            if name in _URL_ATTRIBUTES:
                for url in re.split(r",\s*", value) if name == "srcset" else [value]:
                    if not _external(url):
                        continue
                    if tag == "a" and name == "href" and LINKEDIN.match(url):
                        continue
                    self.found.append(f"<{tag} {name}={url!r}>")
            if name == "style":
                self._css(value, f"<{tag} style>")
            if tag == "meta" and name == "http-equiv" and value.lower() == "refresh":
                self.found.append("<meta http-equiv=refresh>")

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self._css(data, "<style>")

    def _css(self, css: str, where: str) -> None:
        for match in _URL_IN_CSS.finditer(css):
            url = match.group(1) or match.group(2) or ""
            if _external(url) or match.group(0).lower().startswith("@import"):
                self.found.append(f"{where} {match.group(0)}")


def external_references(html: str) -> list[str]:
    """Every reference that would make a browser fetch something (or a link that leaves the
    page for anywhere but https://www.linkedin.com/)."""
    parser = _References()
    parser.feed(html)
    parser.close()
    return parser.found


class Elements(HTMLParser):
    """Every start tag with its attributes, and the page's text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def elements(html: str) -> Elements:
    parser = Elements()
    parser.feed(html)
    parser.close()
    return parser


# ---------------------------------------------------------------------------- hostile text

LONG_WORD = "W" * 5000
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
RTL = "\u202eevil"
HOSTILE_POST = f"{SCRIPT} {IMG} {RTL} and a long word: {LONG_WORD}"
HOSTILE_COMPANY = f"{SCRIPT}{LONG_WORD}"
HOSTILE_POSITION = IMG
HOSTILE_NAME = ("Eve", f"{SCRIPT} {RTL}")


def _append(path: Path, rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    text = path.read_text(encoding="utf-8")
    path.write_text(text + ("" if text.endswith("\n") else "\n") + buffer.getvalue(),
                    encoding="utf-8")


def hostile_export(dest: Path) -> Path:
    """The lurker's archive with hostile text in posts, comments and connections."""
    folder = dest / "hostile"
    shutil.copytree(SAMPLES / "lurker", folder)
    _append(folder / "Shares.csv", [
        ["2026-10-20 09:00:00", "javascript:alert(1)", HOSTILE_POST,
         "javascript:alert(2)", "data:text/html,<script>alert(3)</script>", "MEMBER_NETWORK"],
    ])
    _append(folder / "Comments.csv", [
        ["2026-10-21 10:00:00",
         "https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A7000000000000000001",
         f"{SCRIPT} {IMG} {RTL} javascript:alert(4)"],
    ])
    _append(folder / "Connections.csv", [
        [HOSTILE_NAME[0], HOSTILE_NAME[1], "javascript:alert(5)", "", HOSTILE_COMPANY,
         HOSTILE_POSITION, "01 Mar 2016"],
        *[[f"Mal{i}", "Lory", "", "", HOSTILE_COMPANY, HOSTILE_POSITION, "15 Oct 2026"]
          for i in range(30)],
    ])
    return folder


def check_golden(actual: str, golden: Path, test_file: str, *, context: int = 1,
                 shown: int = 60) -> None:
    """`actual` must equal the golden file; `UPDATE_GOLDEN=1` rewrites it instead. On a
    difference the actual output goes to tests/actual/ and the failure shows the diff and how
    to accept it (`test_file`: the test module to re-run)."""
    import pytest

    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
        return
    expected = golden.read_text(encoding="utf-8") if golden.exists() else ""
    if actual == expected:
        return
    ACTUAL.mkdir(parents=True, exist_ok=True)
    out = ACTUAL / golden.name
    out.write_text(actual, encoding="utf-8")
    diff = "".join(list(difflib.unified_diff(
        expected.splitlines(keepends=True), actual.splitlines(keepends=True),
        str(golden), str(out), n=context))[:shown])
    pytest.fail(f"{golden.name} differs from the golden file (actual output: {out}).\n"
                f"If the change is intended, run:\n"
                f"    UPDATE_GOLDEN=1 python -m pytest {test_file}\n\n{diff}", pytrace=False)
