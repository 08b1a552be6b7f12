"""The report's small parts: locale formatting, URL safety, strings, SVG finishing."""

from __future__ import annotations

import re
from datetime import date

import pytest
from markupsafe import Markup

from linkedin_stages.i18n import formatting
from linkedin_stages.i18n.catalogue import catalogue, check_language
from linkedin_stages.links import clip, first_line, linkedin_url
from linkedin_stages.months import month_count
from linkedin_stages.report import charts

NNBSP = "\u202f"


@pytest.mark.parametrize(("value", "lang", "expected"), [
    (1234, "en", "1,234"),
    (1234, "fr", f"1{NNBSP}234"),
    (1234567, "fr", f"1{NNBSP}234{NNBSP}567"),
    (0, "fr", "0"),
    (999, "en", "999"),
])
def test_integer(value: int, lang: str, expected: str) -> None:
    assert formatting.integer(value, lang) == expected


@pytest.mark.parametrize(("value", "lang", "expected"), [
    (2.5, "en", "2.5"),
    (2.5, "fr", "2,5"),
    (2.0, "fr", "2"),
    (1234.56, "fr", f"1{NNBSP}234,6"),
    (0.875, "en", "0.9"),
    (float("nan"), "en", "—"),
])
def test_decimal(value: float, lang: str, expected: str) -> None:
    assert formatting.decimal(value, lang) == expected


def test_percent_and_hours() -> None:
    assert formatting.percent(0.123, "en") == "12%"
    assert formatting.percent(0.123, "fr") == f"12{NNBSP}%"
    assert formatting.percent(0.001, "en") == "<1%"
    assert formatting.percent(0, "en") == "0%"
    assert formatting.hour(9, "en") == "9:00"
    assert formatting.hour(9, "fr") == f"9{NNBSP}h"


def test_months_and_days() -> None:
    assert formatting.month("2021-03", "en") == "March 2021"
    assert formatting.month("2021-03", "fr") == "mars 2021"
    assert formatting.month("2021-01", "fr", short=True) == "janv. 2021"
    assert formatting.day(date(2021, 3, 1), "fr") == "1er mars 2021"
    assert formatting.day(date(2021, 3, 2), "fr") == "2 mars 2021"
    assert formatting.day(date(2021, 3, 1), "en") == "1 March 2021"
    assert formatting.day(date(2021, 3, 1), "en", short=True) == "1\u00a0Mar\u00a02021"
    assert formatting.month_span("2018-09", "2020-06", "en") == "Sep 2018 – Jun 2020"
    assert month_count("2018-09", "2020-06") == 22


@pytest.mark.parametrize(("months", "lang", "expected"), [
    (1, "en", "1 month"),
    (12, "en", "1 year"),
    (46, "en", "3 years and 10 months"),
    (0, "en", "0 months"),
    (1, "fr", "1 mois"),
    (14, "fr", "1 an et 2 mois"),
    (24, "fr", "2 ans"),
])
def test_duration(months: int, lang: str, expected: str) -> None:
    assert formatting.duration(months, lang) == expected


def test_plural_rules() -> None:
    """CLDR's categories through the catalogue's plural entries (French 0 is singular)."""
    english, french = catalogue("en"), catalogue("fr")
    assert english.plural("report.weeks_counted", 0) == "0 weeks"
    assert english.plural("report.weeks_counted", 1) == "1 week"
    assert french.plural("report.weeks_counted", 0) == "0 semaine"
    assert french.plural("report.weeks_counted", 1234) == f"1{NNBSP}234 semaines"


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="language"):
        check_language("xx")  # no catalogue (de.toml exists now)


# ---------------------------------------------------------------------------- URLs


@pytest.mark.parametrize(("url", "expected"), [
    ("https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A1",
     "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A1"),
    ("http://linkedin.com/feed/update/x?a=1#frag", "https://www.linkedin.com/feed/update/x?a=1"),
    ("HTTPS://WWW.LINKEDIN.COM/in/x", "https://www.linkedin.com/in/x"),
    ("javascript:alert(1)", None),
    ("JaVaScRiPt:alert(1)", None),
    (" javascript:alert(1)", None),
    ("data:text/html,<script>alert(1)</script>", None),
    ("//www.linkedin.com/feed", None),
    ("/feed/update/1", None),
    ("https://evil.example/www.linkedin.com/", None),
    ("https://www.linkedin.com.evil.example/", None),
    ("https://user:pw@www.linkedin.com/", None),
    ("https://www.linkedin.com:8443/", None),
    ("https://www.linkedin.com/a b", None),
    ('https://www.linkedin.com/"onmouseover=alert(1)', None),
    ("https://www.linkedin.com/\u0000", None),
    ("https://[::1/", None),
    ("", None),
    (None, None),
    (42, None),
])
def test_only_linkedin_https_urls_become_links(url: object, expected: str | None) -> None:
    assert linkedin_url(url) == expected


def test_first_line_and_clip() -> None:
    assert first_line("\n\n  Hello world  \nsecond") == "Hello world"
    assert first_line(None) == ""
    long = "word " * 100
    cut = first_line(long, limit=50)
    assert cut.endswith("…") and len(cut) <= 51
    assert first_line("W" * 5000).endswith("…")
    assert len(first_line("W" * 5000)) == 181
    assert clip("abc", 5) == "abc"
    assert clip("abcdefgh", 5) == "abcd…"


# ---------------------------------------------------------------------------- strings


def test_both_languages_have_the_same_strings() -> None:
    english, french = catalogue("en").table("report"), catalogue("fr").table("report")
    assert set(english) == set(french)
    for key in english:
        fields_en = set(re.findall(r"\{(\w+)\}", english[key])) - {"c"}
        fields_fr = set(re.findall(r"\{(\w+)\}", french[key])) - {"c"}
        assert fields_en == fields_fr, key


def test_french_strings_use_narrow_spaces_before_colons() -> None:
    for key, value in catalogue("fr").table("report").items():
        assert " :" not in value and " ;" not in value, key
        assert "{c}" not in value


def test_french_limits_cover_every_dataset() -> None:
    from linkedin_stages.readers import DATASETS

    assert set(catalogue("fr")["limits"]) == set(DATASETS)


# ---------------------------------------------------------------------------- SVG


def test_paired_svg_cleans_matplotlib_output() -> None:
    raw = ('<?xml version="1.0"?>\n<!DOCTYPE svg>\n'
           '<svg xmlns:xlink="http://www.w3.org/1999/xlink" width="10pt" height="5pt" '
           'viewBox="0 0 10 5" xmlns="http://www.w3.org/2000/svg">\n'
           ' <metadata><dc:title>Matplotlib v9, https://matplotlib.org/</dc:title></metadata>\n'
           ' <defs><style type="text/css">*{stroke-linejoin: round}</style></defs>\n'
           ' <a xlink:href="https://evil.example/"><g id="patch_1">'
           '<path d="M 0.123456 1.98765 L 2 3" clip-path="url(#p1)" '
           'style="fill: #010101; stroke: #020202"/></g></a>\n'
           ' <use xlink:href="#m1"/>\n'
           ' <text style="font-size: 10px; font-family: \'DejaVu Sans\', sans-serif; '
           'fill: #030303">2021</text>\n'
           ' <defs><clipPath id="p1"><rect/></clipPath><path id="m1"/></defs>\n</svg>\n')
    svg = charts.paired_svg([(charts.WIDE, raw)], "demo", "A <title>", "Some & text")
    assert isinstance(svg, Markup)
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert 'width="10pt"' not in svg and 'viewBox="0 0 10 5"' in svg
    assert "--wide: 10 / 5" in svg
    assert "<title id=\"demo-title\">A &lt;title&gt;</title>" in svg
    assert "Some &amp; text" in svg
    for gone in ("metadata", "matplotlib.org", "<style", "<a ", "</a>", "evil.example",
                 "DejaVu", "#010101", "#020202", "#030303", "<?xml", "DOCTYPE"):
        assert gone not in svg, gone
    assert "fill: var(--ink)" in svg and "stroke: var(--rule)" in svg
    assert 'id="demo-w-patch_1"' in svg and 'url(#demo-w-p1)' in svg
    assert 'xlink:href="#demo-w-m1"' in svg and 'id="demo-w-m1"' in svg
    assert "0.1 1.9" in svg  # coordinates rounded to keep the page light


def test_diagrams_escape_their_labels() -> None:
    steps = [charts.LadderStep(s, f"<b>{s}</b>", "≈ 1%", True, s == "relay")
             for s in ("present", "relay", "producer", "power_networker")]
    ladder = charts.ladder("l", "<t>", "<d>", steps, "≈ 9%", "<you>")
    assert "<b>" not in ladder and "&lt;b&gt;" in ladder and "&lt;you&gt;" in ladder
    runs = [charts.Run("present", "2020-01", "2020-05"), charts.Run(None, "2020-06", "2020-08")]
    marks = [charts.Mark("2020-06", "<Jun>", "present", None)]
    names = {s: f"<{s}>" for s in ("present", "relay", "producer", "power_networker", None)}
    lanes = charts.lanes("x", "t", "d", runs, names, marks, "2020-01", "2020-08")
    assert "<Jun>" not in lanes and "&lt;Jun&gt;" in lanes and "&lt;None&gt;" in lanes


def test_colours_are_okabe_ito_hues() -> None:
    """The stage colours keep Okabe–Ito's hues (colour-blind safe), darkened to a middle
    lightness for 3:1 on light and dark pages (tests/test_charts_contrast.py)."""
    import colorsys

    def hls(color: str) -> tuple[float, float, float]:
        r, g, b = (int(color[i:i + 2], 16) / 255 for i in (1, 3, 5))
        return colorsys.rgb_to_hls(r, g, b)

    okabe_ito = {"orange": "#E69F00", "sky": "#56B4E9", "green": "#009E73",
                 "purple": "#CC79A7", "grey": "#999999"}
    ours = {"orange": charts.STAGE_COLORS["relay"], "sky": charts.STAGE_COLORS["present"],
            "green": charts.STAGE_COLORS["producer"],
            "purple": charts.STAGE_COLORS["power_networker"], "grey": charts.STAGE_COLORS[None]}
    for name, original in okabe_ito.items():
        hue, _, saturation = hls(ours[name])
        assert abs(hue - hls(original)[0]) < 0.02 and saturation == pytest.approx(
            hls(original)[2], abs=0.12), name
