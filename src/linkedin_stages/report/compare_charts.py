"""The comparison page's own chart: what the member did each month between the two exports,
one small panel per measure (each on its own scale: a month of 400 reactions would flatten a
month of 3 posts), the newer archive's stage periods shaded behind every panel and named
above them.

Hand-written SVG like the stage lanes (`charts.lanes`): two drawings in one image, 720 units
wide with the names at the left (desktop, print) and 400 units wide with each name above its
panel (phones), swapped by report.css (`.between-wide` / `.between-narrow`), so the text
keeps its size on a phone. Ink comes from the page's CSS variables, so one SVG reads in light,
dark and print. Held as `BetweenChart` (a `BetweenSpec` and its words) and drawn by
`draw.drawn` like every chart of a view.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from .charts import STAGE_COLORS, Run, image_of
from .common import LegendItem, Table

if TYPE_CHECKING:
    from ..analysis.model import Stage


@dataclass(frozen=True)
class Panel:
    """One measure, month by month (a measure the archive cannot show gets no panel)."""

    label: str
    color: str
    values: tuple[float, ...]
    peak: str  # the highest month's value, formatted in the page's language
    total: str  # the panel's sum, worded ("412 in all")


@dataclass(frozen=True)
class BetweenSpec:
    key: str
    title: str
    description: str
    months: tuple[str, ...]  # YYYY-MM, oldest first
    panels: tuple[Panel, ...]
    runs: tuple[Run, ...]  # the newer archive's stage periods over `months`
    stage_names: tuple[tuple[Stage | None, str], ...]


@dataclass(frozen=True)
class BetweenChart:
    """What `report_macros.figure` shows (the fields of `common.Chart`) for a `BetweenSpec`."""

    key: str
    title: str
    spec: BetweenSpec
    summary: str
    legend: tuple[LegendItem, ...] = ()
    table: Table | None = None
    drawn: Markup | None = None  # set by `draw.drawn`

    @property
    def svg(self) -> Markup:
        return self.drawn if self.drawn is not None else draw_between(self.spec)


def _index(month: str) -> int:
    return int(month[:4]) * 12 + int(month[5:7]) - 1


@functools.lru_cache(maxsize=8)
def draw_between(spec: BetweenSpec) -> Markup:
    """The SVG of `spec`: both drawings in one image, named and described once."""
    key = spec.key
    wide, wide_h = _drawing(spec, narrow=False)
    narrow, narrow_h = _drawing(spec, narrow=True)
    return image_of([("wide", f"720 / {wide_h}", wide), ("narrow", f"400 / {narrow_h}", narrow)],
                    "diagram between", key, spec.title, spec.description)


def _drawing(spec: BetweenSpec, *, narrow: bool) -> tuple[str, float]:
    """One drawing (an inner <svg>) and its height in its own units."""
    months = spec.months
    names = dict(spec.stage_names)
    # narrow: each panel's name in a row of its own above it (name_h)
    width, left, right, panel_h, gap, name_h = ((400, 4, 396, 34, 8, 17) if narrow
                                                else (720, 150, 712, 40, 18, 0))
    first = _index(months[0])
    scale = (right - left) / max(len(months), 1)

    def x_of(month: str, end: bool = False) -> float:
        return round(left + (_index(month) - first + (1 if end else 0)) * scale, 1)

    band_top = 4  # the stage band: a strip of each period's colour with its name above
    strip_y = band_top + 15
    top = strip_y + (12 if narrow else 20)  # room for the first panel's name or peak
    height = top + len(spec.panels) * (name_h + panel_h + gap) + 18
    bottom = height - 18
    variant = "between-narrow" if narrow else "between-wide"
    parts = [f'<svg viewBox="0 0 {width} {height}" width="100%" height="100%" '
             f'class="{variant}" aria-hidden="true">']
    # Stage periods: a light wash behind the panels, a solid strip on top, the stage's name
    # above the strip where it fits (the legend names every colour in any case).
    for run in spec.runs:
        x1, x2 = x_of(run.first), x_of(run.last, True)
        color = STAGE_COLORS[run.stage]
        parts.append(f'<rect x="{x1}" y="{strip_y + 5}" width="{round(x2 - x1, 1)}" '
                     f'height="{bottom - strip_y - 5}" fill="{color}" fill-opacity="0.13"/>')
        parts.append(f'<rect x="{x1}" y="{strip_y}" width="{round(max(x2 - x1 - 1, 1), 1)}" '
                     f'height="5" fill="{color}"/>')
        name = names.get(run.stage, "")
        if (x2 - x1) > 7.2 * len(name) + 6:
            parts.append(f'<text x="{round(x1 + 3, 1)}" y="{strip_y - 4}" class="stage">'
                         f'{escape(name)}</text>')
    bar_w = round(max(scale * 0.72, 1.2), 1)
    for i, panel in enumerate(spec.panels):
        y0 = top + i * (name_h + panel_h + gap) + name_h  # the panel's top
        base = y0 + panel_h
        peak = max(panel.values, default=0.0)
        if narrow:
            parts.append(f'<text x="{left}" y="{y0 - 5}" class="panel-name">'
                         f'{escape(panel.label)} <tspan class="panel-total">'
                         f'{escape(panel.total)}</tspan></text>')
        else:
            parts.append(f'<text x="{left - 10}" y="{y0 + 15}" text-anchor="end" '
                         f'class="panel-name">{escape(panel.label)}</text>')
            parts.append(f'<text x="{left - 10}" y="{y0 + 31}" text-anchor="end" '
                         f'class="panel-total">{escape(panel.total)}</text>')
        # the scale: a rule at the peak, its value at the right end (none for a panel of
        # zeros: its baseline says it), and the baseline
        if peak > 0:
            parts.append(f'<line x1="{left}" y1="{y0}" x2="{right}" y2="{y0}" '
                         f'stroke="var(--rule)" stroke-width="1" stroke-dasharray="2 3"/>')
            parts.append(f'<text x="{right}" y="{y0 - 4}" text-anchor="end" class="peak">'
                         f'{escape(panel.peak)}</text>')
        parts.append(f'<line x1="{left}" y1="{base}" x2="{right}" y2="{base}" '
                     f'stroke="var(--muted)" stroke-width="1"/>')
        if peak > 0:
            bars = []
            for month, value in zip(months, panel.values, strict=True):
                if value <= 0:
                    continue
                h = max(round(value / peak * (panel_h - 2), 1), 1.5)  # one post still shows
                x = round(x_of(month) + (scale - bar_w) / 2, 1)
                bars.append(f'<rect x="{x}" y="{round(base - h, 1)}" width="{bar_w}" '
                            f'height="{h}"/>')
            parts.append(f'<g fill="{panel.color}" fill-opacity="0.78">{"".join(bars)}</g>')
    # Years: a tick at each January inside the span, the year's number under its part.
    for year in range(int(months[0][:4]), int(months[-1][:4]) + 1):
        january = f"{year}-01"
        if months[0] < january <= months[-1]:
            x = x_of(january)
            parts.append(f'<line x1="{x}" y1="{strip_y}" x2="{x}" y2="{bottom + 4}" '
                         f'stroke="var(--rule)" stroke-width="1"/>')
        lo, hi = max(january, months[0]), min(f"{year}-12", months[-1])
        if x_of(hi, True) - x_of(lo) > 30:
            cx = round((x_of(lo) + x_of(hi, True)) / 2, 1)
            parts.append(f'<text x="{cx}" y="{height - 4}" text-anchor="middle" '
                         f'class="year">{year}</text>')
    parts.append("</svg>")
    return "".join(parts), height
