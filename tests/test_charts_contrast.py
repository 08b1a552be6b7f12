"""Colours against the page (WCAG 2.2, 1.4.11 non-text contrast): every stage and series
colour the charts, legends and chips use stands at 3:1 or more against the page and card
backgrounds of the light theme, the dark theme and print, as report.css defines them (read
from the stylesheet, not copied here); text drawn on a stage colour stands at 4.5:1; and the
heatmap's busier cells are drawn stronger (further from the page) in both themes."""

from __future__ import annotations

import re

import pytest

from linkedin_stages.report import charts, viewmodel
from report_support import ROOT

CSS = (ROOT / "templates" / "report.css").read_text(encoding="utf-8")
HEX = re.compile(r"#[0-9a-fA-F]{6}\b")


def _blocks(css: str, opening: str) -> list[str]:
    """The bodies of every block whose header matches `opening` (a regex), braces balanced."""
    bodies = []
    for match in re.finditer(opening + r"\s*\{", css):
        depth, start = 1, match.end()
        i = start
        while depth:
            depth += {"{": 1, "}": -1}.get(css[i], 0)
            i += 1
        bodies.append(css[start:i - 1])
    return bodies


def full_hex(value: str) -> str:
    """"#fff" → "#ffffff"; other values as they are, stripped."""
    value = value.strip()
    return "#" + "".join(c * 2 for c in value[1:]) if re.fullmatch(r"#[0-9a-fA-F]{3}", value) \
        else value


def _root_variables(body: str) -> dict[str, str]:
    """The custom properties of the `:root { … }` rules directly inside `body`."""
    found: dict[str, str] = {}
    for root in _blocks(body, r"(?<![\w-]):root"):
        found.update((name, full_hex(value))
                     for name, value in re.findall(r"(--[\w-]+)\s*:\s*([^;]+);", root))
    return found


def themes() -> dict[str, dict[str, str]]:
    """The page's custom properties per theme: light (the top-level `:root`), dark and print
    (each its media block's `:root` over the light values)."""
    top = re.sub(r"@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", "", CSS)  # media blocks out
    light = _root_variables(top)
    result = {"light": light}
    for name, query in (("dark", r"@media \(prefers-color-scheme: dark\)"),
                        ("print", r"@media print")):
        merged = dict(light)
        for body in _blocks(CSS, query):
            merged.update(_root_variables(body))
        result[name] = merged
    return result


def luminance(color: str) -> float:
    """Relative luminance (WCAG 2.2)."""
    channels = [int(color[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def over(color: str, alpha: float, background: str) -> str:
    """`color` at `alpha` over `background`, as the page shows it."""
    mixed = [round(alpha * int(color[i:i + 2], 16) + (1 - alpha) * int(background[i:i + 2], 16))
             for i in (1, 3, 5)]
    return "#" + "".join(f"{c:02x}" for c in mixed)


def backgrounds() -> list[tuple[str, str, str]]:
    """(theme, variable, colour) of every background a chart or chip sits on."""
    return [(theme, name, values[name]) for theme, values in themes().items()
            for name in ("--paper", "--card")]


SERIES = {f"{name} ({color})": color for name, color in
          (*viewmodel.PUBLISHING, *viewmodel.TAKING_PART)}
COLOURS = {**{f"stage {stage} ({color})": color for stage, color in charts.STAGE_COLORS.items()},
           **SERIES, "network blue": charts.BLUE, "network green": charts.GREEN,
           "invitations in": charts.ORANGE, "invitations out": charts.VERMILLION}


def test_the_stylesheet_is_read() -> None:
    found = themes()
    assert set(found) == {"light", "dark", "print"}
    for values in found.values():
        assert HEX.fullmatch(values["--paper"].strip()) and HEX.fullmatch(values["--card"].strip())
    assert found["light"]["--paper"] != found["dark"]["--paper"]
    assert luminance(found["dark"]["--paper"]) < 0.05 < 0.8 < luminance(found["light"]["--paper"])


@pytest.mark.parametrize(("theme", "variable", "background"), backgrounds())
def test_every_stage_and_series_colour_at_3_to_1(theme: str, variable: str,
                                                 background: str) -> None:
    low = {name: round(contrast(color, background), 2) for name, color in COLOURS.items()
           if contrast(color, background) < 3}
    assert low == {}, f"under 3:1 against {variable} ({background}) in the {theme} theme"


def test_the_contrast_is_computed_right() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#F0E442", "#fbfaf7") < 1.4  # Okabe–Ito's yellow: the 1.3:1
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_text_on_a_stage_colour_at_4_5_to_1() -> None:
    """The ribbon's names and numbers, the year × month grid's digits (report.css `#111`)."""
    grid_digit = re.search(r"\.stage-grid td\.g \{[^}]*color: (#[0-9a-f]{3,6})", CSS)
    assert grid_digit is not None
    digit = full_hex(grid_digit.group(1))
    for text in (charts.ON_COLOR, digit):
        assert {stage: round(contrast(text, color), 2)
                for stage, color in charts.STAGE_COLORS.items()
                if contrast(text, color) < 4.5} == {}


def test_no_light_okabe_ito_colour_left_in_the_stylesheet() -> None:
    """A colour hard-coded in the CSS for a graphic (the unknown stage's hatched dot) follows
    the palette."""
    for old in ("#999", "#f0e442", "#cc79a7"):
        assert re.search(rf"{old}\b", CSS, re.I) is None, old


@pytest.mark.parametrize("theme", ["light", "dark", "print"])
def test_busier_heatmap_cells_are_drawn_stronger(theme: str) -> None:
    """The caption says "the stronger the colour, the more posts": in every theme a busier
    cell stands further from the page than a quieter one, the busiest at 3:1."""
    paper = themes()[theme]["--paper"].strip()
    peak = 40
    seen = [contrast(over(charts.BLUE, charts.heat_alpha(n, peak), paper), paper)
            for n in range(1, peak + 1)]
    assert seen == sorted(seen) and len(set(seen)) > 10
    assert seen[-1] >= 3
