"""Charts as inline SVG strings: matplotlib's `Figure` API for data, hand-written SVG for the
two diagrams (the four-stage staircase and the stage lanes); and the specifications views
hold (`…Spec`, plain data), drawn by `draw`.

Every chart is deterministic (fixed hash salt, no date, no version in the output), keeps its
text as text (`svg.fonttype = none`, font family removed so the page font applies), and takes
its ink from the page: sentinel colours are swapped for CSS variables, so one SVG reads in
light, dark and print. Ids are prefixed per chart, `<a>` wrappers and matplotlib's own
`<style>` and metadata are removed. The result is `Markup`: the only HTML the templates
print unescaped, and it contains no member text except what went through `escape`.
"""

from __future__ import annotations

import functools
import io
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape

if TYPE_CHECKING:  # matplotlib is imported only when a chart is drawn
    from contextlib import AbstractContextManager

    from matplotlib.axes import Axes
    from matplotlib.collections import PolyCollection
    from matplotlib.figure import Figure

    from ..analysis.model import Stage

# Okabe–Ito, the colour-blind-safe palette (Okabe & Ito 2008).
ORANGE, SKY, GREEN, YELLOW, BLUE, VERMILLION, PURPLE, GREY = (
    "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999")
STAGE_COLORS: dict[Stage | None, str] = {
    "present": SKY, "relay": ORANGE, "producer": GREEN, "power_networker": PURPLE, None: GREY,
}
# Sentinels swapped for CSS variables after rendering (see report.css).
INK, RULE, MUTED = "#010101", "#020202", "#030303"
_SENTINELS = {INK: "var(--ink)", RULE: "var(--rule)", MUTED: "var(--muted)"}

WIDTH_IN = 7.2  # 518 SVG units: about 1:1 in the page's 720 px column
# Typed Any: matplotlib's stubs spell each rc key as a Literal; matplotlib checks ours at run time.
_RC: Any = {
    "svg.hashsalt": "linkedin-stages",
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",  # layout metrics only; the page font is used on screen
    "font.size": 10,
    "text.color": INK,
    "axes.edgecolor": RULE,
    "axes.labelcolor": MUTED,
    "axes.facecolor": "none",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "y",
    "axes.axisbelow": True,
    "grid.color": RULE,
    "grid.linewidth": 0.6,
    "xtick.color": MUTED,
    "ytick.color": MUTED,
    "xtick.major.size": 3,
    "ytick.major.size": 0,
    "figure.facecolor": "none",
    "savefig.facecolor": "none",
    "savefig.edgecolor": "none",
    "path.simplify": True,
    "hatch.color": RULE,
}


@dataclass(frozen=True)
class Series:
    label: str
    color: str
    values: tuple[float, ...]  # a tuple: specifications are hashable (`draw`'s cache)


def month_x(month: str) -> float:
    """"2021-03" → 2021.125 (the middle of the month on a time axis in years)."""
    return int(month[:4]) + (int(month[5:7]) - 1 + 0.5) / 12


def _figure(height_in: float, *, rows: int = 1, heights: Sequence[float] | None = None,
            left_in: float = 0.5) -> tuple[Figure, list[Axes]]:
    """A figure with fixed margins (in inches): cheaper than a layout engine, and the
    charts line up with each other down the page."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(WIDTH_IN, height_in))
    figure.subplots_adjust(left=left_in / WIDTH_IN, right=1 - 0.12 / WIDTH_IN,
                           bottom=0.3 / height_in, top=1 - 0.1 / height_in, hspace=0.12)
    if rows == 1:
        return figure, [figure.add_subplot()]
    axes = figure.subplots(rows, 1, sharex=True,
                           gridspec_kw={"height_ratios": list(heights or [1] * rows)})
    return figure, list(axes)


def _collection(rects: Sequence[tuple[float, float, float, float]], colors: Sequence[str],
                alphas: Sequence[float]) -> PolyCollection:
    """Rectangles (x, y, width, height) drawn as one collection of polygons (one SVG group;
    polygons, not `Rectangle` patches, which cost ~0.1 ms each to build)."""
    from matplotlib.collections import PolyCollection
    from matplotlib.colors import to_rgba

    corners = [((x, y), (x + w, y), (x + w, y + h), (x, y + h)) for x, y, w, h in rects]
    faces = [to_rgba(c, a) for c, a in zip(colors, alphas, strict=True)]
    return PolyCollection(corners, closed=True, facecolors=faces, edgecolors="none",
                          linewidths=0)


def _labels(ax: Axes, axis: str, positions: Sequence[float], texts: Sequence[str]) -> None:
    """Axis labels as plain texts 3.5 pt outside the axes (where tick labels would sit):
    under the x axis (`axis="x"`) or left of the y axis (`"y"`).

    The charts draw no matplotlib ticks: a tick is two lines and two texts built by copying
    properties, and ticks were 40 % of every chart's drawing time."""
    from matplotlib.transforms import ScaledTranslation

    pad = 3.5 / 72
    if axis == "x":
        place = ax.get_xaxis_transform() + ScaledTranslation(0, -pad,
                                                               ax.figure.dpi_scale_trans)
        style: dict[str, Any] = {"ha": "center", "va": "top"}
    else:
        place = ax.get_yaxis_transform() + ScaledTranslation(-pad, 0,
                                                               ax.figure.dpi_scale_trans)
        style = {"ha": "right", "va": "center_baseline"}
    for position, text in zip(positions, texts, strict=True):
        if axis == "x":
            ax.text(position, 0, text, transform=place, color=MUTED, clip_on=False, **style)
        else:
            ax.text(0, position, text, transform=place, color=MUTED, clip_on=False, **style)


def _year_axis(ax: Axes, first: str, last: str, *, reach: float | None = None,
               start_at: float | None = None, labels: bool = True) -> None:
    """Years along the x axis, from month `first` to `last` (widened to `start_at`/`reach`
    when bars stick out): a short mark where each year starts, its number under its middle
    (one line of markers and one text per year, see `_labels`)."""
    from matplotlib.markers import TICKDOWN

    start, end = int(first[:4]), int(last[:4])
    step = 1 if end - start <= 12 else 2 if end - start <= 24 else 5
    years = [y for y in range(start, end + 2) if y % step == 0 or step == 1]
    low = start + (int(first[5:7]) - 1) / 12
    high = end + int(last[5:7]) / 12
    low = low if start_at is None else min(low, start_at)
    high = high if reach is None else max(high, reach)
    ax.set_xlim(low, high)
    ax.set_xticks([])
    marks = [y for y in years if low <= y <= high]
    ax.plot(marks, [0] * len(marks), linestyle="none", marker=TICKDOWN, markersize=3,
            markeredgewidth=0.8, color=MUTED, transform=ax.get_xaxis_transform(),
            clip_on=False)
    if labels:
        middles = [y for y in years if low <= y + 0.5 <= high]
        _labels(ax, "x", [y + 0.5 for y in middles], [str(y) for y in middles])


def _count_axis(ax: Axes, lang: str, *, fraction: bool = False) -> None:
    """Counts (or shares, 0–1) up the y axis from 0: about four round values, each with a
    grid line (one line collection, under the data) and a label (see `_labels`)."""
    from matplotlib.collections import LineCollection
    from matplotlib.ticker import MaxNLocator

    from ..i18n import formatting

    if fraction:
        top = 1.0
        locator = MaxNLocator(nbins=4)
        texts = lambda value: formatting.percent(value, lang)  # noqa: E731
    else:
        top = max(ax.get_ylim()[1], 1)  # small counts still get whole-number values
        locator = MaxNLocator(nbins=4, integer=True, min_n_ticks=2)
        texts = lambda value: formatting.integer(value, lang)  # noqa: E731
    ax.set_ylim(0, top)
    ax.set_yticks([])
    values = [float(v) for v in locator.tick_values(0, top) if -1e-9 <= v <= top * (1 + 1e-9)]
    ax.add_collection(LineCollection([[(0, v), (1, v)] for v in values], colors=RULE,
                                     linewidths=0.6, zorder=0.5,
                                     transform=ax.get_yaxis_transform()), autolim=False)
    _labels(ax, "y", values, [texts(v) for v in values])


def _svg_text(figure: Figure) -> str:
    import matplotlib
    from matplotlib.backends.backend_svg import FigureCanvasSVG

    FigureCanvasSVG(figure)
    buffer = io.StringIO()
    with matplotlib.rc_context(_RC):
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    return buffer.getvalue()


_NUMBER = re.compile(r"(-?\d+\.\d)\d+")
_ATTRIBUTE = re.compile(r'="([^"]*)"')


def _round_attribute(match: re.Match[str]) -> str:
    value = match.group(1)
    value = _NUMBER.sub(r"\1", value)
    value = re.sub(r"\s*\n\s*", " ", value).strip()
    return f'="{value}"'


def finish_svg(svg: str, key: str, title: str, description: str = "") -> Markup:
    """matplotlib's SVG → a clean inline chart (see the module docstring)."""
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)
    svg = re.sub(r"<style[^>]*>.*?</style>", "", svg, flags=re.S)
    svg = re.sub(r"</?a\b[^>]*>", "", svg)  # links matplotlib may add (artist URLs)
    svg = re.sub(r"font-family:[^;\"]*;?\s*", "", svg)
    for sentinel, variable in _SENTINELS.items():
        svg = svg.replace(sentinel, variable).replace(sentinel.lower(), variable)
    svg = _ATTRIBUTE.sub(_round_attribute, svg)
    svg = re.sub(r'(\bid="|url\(#|href="#)([^")]+)', lambda m: f"{m[1]}{key}-{m[2]}", svg)
    svg = re.sub(r"<defs>\s*</defs>", "", svg)
    svg = re.sub(r">\s+<", "><", svg)
    opening = re.match(r"<svg\b[^>]*>", svg)
    assert opening is not None
    view_box = re.search(r'viewBox="([^"]+)"', opening.group(0))
    assert view_box is not None
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" '
            f'xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="{view_box.group(1)}" '
            f'class="chart-svg" role="img" aria-labelledby="{key}-title'
            f'{f" {key}-desc" if description else ""}">'
            f'<title id="{key}-title">{escape(title)}</title>')
    if description:
        head += f'<desc id="{key}-desc">{escape(description)}</desc>'
    return Markup(head + svg[opening.end():])


def _render(figure: Figure, key: str, title: str, description: str) -> Markup:
    return finish_svg(_svg_text(figure), key, title, description)


def _context() -> AbstractContextManager[Any]:
    import matplotlib

    return matplotlib.rc_context(_RC)


# --------------------------------------------------------------------------- data charts


def stacked_areas(key: str, title: str, description: str, months: Sequence[str],
                  series: Sequence[Series], lang: str, *, height_in: float) -> Markup:
    """Monthly counts stacked as filled areas (first series at the bottom)."""
    with _context():
        figure, (ax,) = _figure(height_in)
        xs = [month_x(m) for m in months]
        ax.stackplot(xs, *[list(s.values) for s in series], colors=[s.color for s in series],
                     linewidth=0)
        _year_axis(ax, months[0], months[-1])
        _count_axis(ax, lang)
        return _render(figure, key, title, description)


def share_areas(key: str, title: str, description: str, xs: Sequence[float],
                series: Sequence[Series], lang: str, first: str, last: str,
                width: float) -> Markup:
    """Shares (0–1) stacked per period; periods with nothing are left blank."""
    with _context():
        figure, (ax,) = _figure(2.3)
        lower = [0.0] * len(xs)
        rects, colors = [], []
        for s in series:
            upper = [lo + (v if math.isfinite(v) else 0.0) for lo, v in
                     zip(lower, s.values, strict=True)]
            for x, lo, up, v in zip(xs, lower, upper, s.values, strict=True):
                if math.isfinite(v) and up > lo:
                    rects.append((x - width / 2, lo, width, up - lo))
                    colors.append(s.color)
            lower = upper
        ax.add_collection(_collection(rects, colors, [1.0] * len(rects)))
        _year_axis(ax, first, last, start_at=xs[0] - width / 2, reach=xs[-1] + width / 2)
        _count_axis(ax, lang, fraction=True)
        return _render(figure, key, title, description)


def network(key: str, title: str, description: str, months: Sequence[str],
            total: Sequence[float], added: Sequence[float],
            invitations: tuple[Sequence[float], Sequence[float]] | None,
            labels: dict[str, str], lang: str) -> Markup:
    """Connections in all (top) and per month, with invitations in and out (bottom)."""
    with _context():
        figure, (top, bottom) = _figure(3.6, rows=2, heights=[1.1, 1])
        xs = [month_x(m) for m in months]
        top.fill_between(xs, total, color=BLUE, alpha=0.25, linewidth=0)
        top.plot(xs, total, color=BLUE, linewidth=1.8)
        bottom.fill_between(xs, added, color=GREEN, alpha=0.55, linewidth=0, step="mid")
        if invitations is not None:
            inbound, outbound = invitations
            bottom.step(xs, inbound, where="mid", color=ORANGE, linewidth=1.3)
            bottom.step(xs, outbound, where="mid", color=VERMILLION, linewidth=1.3,
                        linestyle=(0, (3, 2)))
        for ax, label in ((top, labels["total"]), (bottom, labels["added"])):
            _count_axis(ax, lang)
            ax.text(0.01, 0.97, label, transform=ax.transAxes, va="top", ha="left",
                    fontsize=9.5, fontweight="bold", color=MUTED)
        _year_axis(top, months[0], months[-1], labels=False)
        _year_axis(bottom, months[0], months[-1])
        return _render(figure, key, title, description)


def words_per_post(key: str, title: str, description: str, xs: Sequence[float],
                   median: Sequence[float], low: Sequence[float], high: Sequence[float],
                   first: str, last: str, lang: str) -> Markup:
    """Median words per own post per quarter, with the middle half shaded."""
    with _context():
        figure, (ax,) = _figure(2.2)
        ax.fill_between(xs, low, high, color=GREEN, alpha=0.22, linewidth=0)
        ax.plot(xs, median, color=GREEN, linewidth=1.6, marker="o", markersize=3.2)
        _year_axis(ax, first, last, reach=xs[-1] + 0.06)
        _count_axis(ax, lang)
        return _render(figure, key, title, description)


def heatmap(key: str, title: str, description: str, counts: Sequence[Sequence[int]],
            weekdays: Sequence[str], lang: str) -> Markup:
    """Weekday (rows, Monday on top) × hour (columns) counts, as cells of one hue."""
    from ..i18n import formatting

    with _context():
        figure, (ax,) = _figure(2.5, left_in=0.45)
        peak = max((max(row) for row in counts), default=0) or 1
        rects, colors, alphas = [], [], []
        for day, row in enumerate(counts):
            for hour, value in enumerate(row):
                rects.append((hour + 0.06, 6 - day + 0.06, 0.88, 0.88))
                colors.append(BLUE if value else RULE)
                alphas.append(0.18 + 0.82 * math.sqrt(value / peak) if value else 0.3)
        ax.add_collection(_collection(rects, colors, alphas))
        ax.set_xlim(0, 24)
        ax.set_ylim(0, 7)
        ax.grid(False)
        ax.spines[:].set_visible(False)
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_aspect("equal")
        _labels(ax, "y", [6.5 - d for d in range(7)], list(weekdays))
        _labels(ax, "x", [h + 0.5 for h in range(0, 24, 3)],
                [formatting.hour(h, lang) for h in range(0, 24, 3)])
        return _render(figure, key, title, description)


# --------------------------------------------------------------------------- diagrams


@dataclass(frozen=True)
class LadderStep:
    stage: Stage
    name: str
    share: str  # the article's reference share ("≈ 90 %"), or "" when grouped
    visited: bool
    current: bool


def ladder(key: str, title: str, description: str, steps: Sequence[LadderStep],
           middle_share: str, you: str) -> Markup:
    """The article's four stages as a staircase, the member placed on their step."""
    width, base, rise, run, left = 580, 172, 34, 130, 12
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} 232" '
             f'class="diagram ladder" role="img" aria-labelledby="{key}-title {key}-desc">'
             f'<title id="{key}-title">{escape(title)}</title>'
             f'<desc id="{key}-desc">{escape(description)}</desc>']
    for i, step in enumerate(steps):
        x, top = left + i * run, base - (i + 1) * rise
        state = "current" if step.current else "visited" if step.visited else "unvisited"
        parts.append(
            f'<rect x="{x}" y="{top}" width="{run - 4}" height="{base - top}" rx="4" '
            f'fill="{STAGE_COLORS[step.stage]}" class="step step-{state}"/>')
        parts.append(f'<text x="{x + 8}" y="{top + 18}" class="step-number '
                     f'step-number-{state}">{i + 1}</text>')
        # The top step's name is anchored at its right edge, so a long name stays inside.
        anchor = (f'x="{x + run - 4}" text-anchor="end"' if i == len(steps) - 1
                  else f'x="{x + 6}"')
        parts.append(f'<text {anchor} y="{top - 8}" class="step-name'
                     f'{" is-current" if step.current else ""}">{escape(step.name)}</text>')
        if step.share:
            parts.append(f'<text x="{x + (run - 4) / 2}" y="{base + 22}" class="step-share" '
                         f'text-anchor="middle">{escape(step.share)}</text>')
        if step.current:  # a marker in the step's first 34 units, so it fits step 1 too
            cx, cy = x + run - 22, top + 17
            parts.append(
                f'<g class="you"><circle cx="{cx}" cy="{cy}" r="9" fill="#1c1d21"/>'
                f'<circle cx="{cx}" cy="{cy}" r="3.5" fill="#ffffff"/>'
                f'<text x="{cx - 14}" y="{cy + 4.5}" text-anchor="end" class="you-label">'
                f'{escape(you)}</text></g>')
    # The relay and producer steps share one reference figure: a bracket under both.
    x1, x2 = left + run + 6, left + 3 * run - 10
    parts.append(f'<path d="M {x1} {base + 8} v 5 H {x2} v -5" fill="none" '
                 f'stroke="var(--muted)" stroke-width="1"/>')
    parts.append(f'<text x="{(x1 + x2) / 2}" y="{base + 27}" class="step-share" '
                 f'text-anchor="middle">{escape(middle_share)}</text>')
    parts.append(f'<line x1="{left - 6}" y1="{base}" x2="{left + 4 * run + 2}" y2="{base}" '
                 f'stroke="var(--rule)" stroke-width="1"/>')
    parts.append("</svg>")
    return Markup("".join(parts))


@dataclass(frozen=True)
class Run:
    stage: Stage | None  # None: months the rules could not place
    first: str
    last: str


@dataclass(frozen=True)
class Mark:
    month: str
    label: str
    from_stage: Stage | None
    to_stage: Stage | None


def lanes(key: str, title: str, description: str, runs: Sequence[Run],
          lane_names: dict[Stage | None, str], marks: Sequence[Mark], first: str,
          last: str) -> Markup:
    """One lane per stage (top: power networker), coloured runs, labelled transitions.

    Two drawings, one shown at a time by report.css: 720 units wide with the lane names at
    the left (desktop, print), and 400 units wide with each name above its lane (phones: the
    wide one shrunk to a phone's width would draw its names at half their size)."""
    # One image (named and described once) holding both drawings, each with its own viewBox;
    # the outer box takes the shown drawing's proportions from the custom properties.
    wide, wide_h = _lanes_svg(runs, lane_names, marks, first, last, narrow=False)
    narrow, narrow_h = _lanes_svg(runs, lane_names, marks, first, last, narrow=True)
    return Markup(f'<svg xmlns="http://www.w3.org/2000/svg" class="diagram lanes" role="img" '
                  f'style="--wide: 720 / {wide_h}; --narrow: 400 / {narrow_h}" '
                  f'aria-labelledby="{key}-title {key}-desc">'
                  f'<title id="{key}-title">{escape(title)}</title>'
                  f'<desc id="{key}-desc">{escape(description)}</desc>{wide}{narrow}</svg>')


def _clamp(value: float, low: float, high: float) -> float:
    """`value` kept within [low, high] (a transition's label kept inside the drawing)."""
    return max(low, min(value, high))


def _lanes_svg(runs: Sequence[Run], lane_names: dict[Stage | None, str],
               marks: Sequence[Mark], first: str, last: str, *,
               narrow: bool) -> tuple[str, float]:
    """One drawing of `lanes` (an inner <svg>) and its height in its own units."""
    order: list[Stage | None] = ["power_networker", "producer", "relay", "present"]
    if any(r.stage is None for r in runs):
        order.append(None)
    # The narrow drawing gives each lane a row for its name (name_h) above the bar.
    width, label_w, right, lane_h, gap, name_h = ((400, 6, 394, 18, 4, 16) if narrow
                                                  else (720, 150, 712, 24, 6, 0))
    # Transition labels go in rows above the lanes, pushed down a row when they would overlap.
    span_start = int(first[:4]) * 12 + int(first[5:7]) - 1
    span_end = int(last[:4]) * 12 + int(last[5:7])
    scale = (right - label_w) / max(span_end - span_start, 1)

    def x_of(month: str, end: bool = False) -> float:
        index = int(month[:4]) * 12 + int(month[5:7]) - 1 - span_start + (1 if end else 0)
        return round(label_w + index * scale, 1)

    placed: list[tuple[int, float, float]] = []
    label_rows: list[int] = []
    for mark in marks:
        half = 3.4 * len(mark.label) + 4
        x = _clamp(x_of(mark.month), half, width - half)
        row = 0
        while any(r == row and not (x + half < a or x - half > b) for r, a, b in placed):
            row += 1
        placed.append((row, x - half, x + half))
        label_rows.append(row)
    rows = (max(label_rows) + 1) if label_rows else 0
    top = 8 + rows * 16 + (6 if rows else 0)
    lane_y = {stage: top + name_h + i * (lane_h + gap + name_h)
              for i, stage in enumerate(order)}
    height = top + len(order) * (lane_h + gap + name_h) + 22
    variant = "lanes-narrow" if narrow else "lanes-wide"
    parts = [f'<svg viewBox="0 0 {width} {height}" width="100%" height="100%" '
             f'class="{variant}">']
    for stage in order:
        y = lane_y[stage]
        parts.append(f'<rect x="{label_w}" y="{y}" width="{right - label_w}" height="{lane_h}" '
                     f'fill="var(--rule)" fill-opacity="0.25"/>')
        if narrow:
            parts.append(f'<text x="{label_w}" y="{y - 4}" class="lane-name">'
                         f'{escape(lane_names[stage])}</text>')
        else:
            parts.append(f'<text x="{label_w - 10}" y="{y + lane_h / 2 + 4.5}" '
                         f'text-anchor="end" class="lane-name">'
                         f'{escape(lane_names[stage])}</text>')
    # Year grid (at each January) and labels (in the middle of each year's part of the span).
    for year in range(int(first[:4]), int(last[:4]) + 1):
        january = f"{year}-01"
        if first < january <= last:
            x = x_of(january)
            parts.append(f'<line x1="{x}" y1="{top - 2}" x2="{x}" y2="{height - 18}" '
                         f'stroke="var(--rule)" stroke-width="1"/>')
        mid_first, mid_last = max(january, first), min(f"{year}-12", last)
        if (x_of(mid_last, True) - x_of(mid_first)) > 26:
            cx = (x_of(mid_first) + x_of(mid_last, True)) / 2
            parts.append(f'<text x="{round(cx, 1)}" y="{height - 4}" text-anchor="middle" '
                         f'class="year">{year}</text>')
    for run in runs:
        x1, x2 = x_of(run.first), x_of(run.last, True)
        y = lane_y[run.stage]
        fill = STAGE_COLORS[run.stage]
        pattern = ' fill-opacity="0.55"' if run.stage is None else ""
        parts.append(f'<rect x="{x1}" y="{y + 2}" width="{round(max(x2 - x1, 1.5), 1)}" '
                     f'height="{lane_h - 4}" rx="3" fill="{fill}"{pattern}/>')
    for mark, row in zip(marks, label_rows, strict=True):
        x = x_of(mark.month)
        ys = [lane_y[mark.from_stage] + lane_h / 2, lane_y[mark.to_stage] + lane_h / 2]
        label_y = 8 + row * 16 + 11
        parts.append(f'<line x1="{x}" y1="{label_y + 4}" x2="{x}" y2="{max(ys)}" '
                     f'stroke="var(--ink)" stroke-width="1" stroke-dasharray="2 2"/>')
        for dot_y in ys:
            parts.append(f'<circle cx="{x}" cy="{dot_y}" r="3.5" fill="var(--paper)" '
                         f'stroke="var(--ink)" stroke-width="1.5"/>')
        half = 3.4 * len(mark.label) + 4
        text_x = round(_clamp(x, half, width - half), 1)
        parts.append(f'<text x="{text_x}" y="{label_y}" text-anchor="middle" class="mark">'
                     f'{escape(mark.label)}</text>')
    parts.append("</svg>")
    return "".join(parts), height


# --------------------------------------------------------------------------- specifications
# What a view holds: each chart as plain data (key, words, values). `draw` turns one into
# SVG; `draw.drawn` does it for every chart of a view, after the view is built, so views are
# built and tested without matplotlib.


@dataclass(frozen=True)
class StackedAreasSpec:
    key: str
    title: str
    description: str
    months: tuple[str, ...]
    series: tuple[Series, ...]
    lang: str
    height_in: float


@dataclass(frozen=True)
class ShareAreasSpec:
    key: str
    title: str
    description: str
    xs: tuple[float, ...]
    series: tuple[Series, ...]
    lang: str
    first: str
    last: str
    width: float


@dataclass(frozen=True)
class NetworkSpec:
    key: str
    title: str
    description: str
    months: tuple[str, ...]
    total: tuple[float, ...]
    added: tuple[float, ...]
    invitations: tuple[tuple[float, ...], tuple[float, ...]] | None  # in, out
    total_label: str
    added_label: str
    lang: str


@dataclass(frozen=True)
class WordsSpec:
    key: str
    title: str
    description: str
    xs: tuple[float, ...]
    median: tuple[float, ...]  # NaN where nothing was posted: the line breaks
    low: tuple[float, ...]
    high: tuple[float, ...]
    first: str
    last: str
    lang: str


@dataclass(frozen=True)
class HeatmapSpec:
    key: str
    title: str
    description: str
    counts: tuple[tuple[int, ...], ...]
    weekdays: tuple[str, ...]
    lang: str


@dataclass(frozen=True)
class LadderSpec:
    key: str
    title: str
    description: str
    steps: tuple[LadderStep, ...]
    middle_share: str
    you: str


@dataclass(frozen=True)
class LanesSpec:
    key: str
    title: str
    description: str
    runs: tuple[Run, ...]
    lane_names: tuple[tuple[Stage | None, str], ...]  # stage (None: unknown) → its name
    marks: tuple[Mark, ...]
    first: str
    last: str


ChartSpec = (StackedAreasSpec | ShareAreasSpec | NetworkSpec | WordsSpec | HeatmapSpec
             | LadderSpec | LanesSpec)


# Drawing is most of a report's time (about three quarters), and the same chart is often drawn
# again in one process: `compare` draws both archives' trajectories, a redacted report's
# charts are the ordinary report's, the tests render the same members many times. A spec is a
# frozen dataclass of strings, numbers and tuples, so it is its own key; the SVG (`Markup`, a
# str) is immutable and safe to share. A spec holding NaN (a gap in a line) never equals
# another, so it is simply drawn again. Bounded: a report has about ten charts of ~15 kB.
@functools.lru_cache(maxsize=128)
def draw(spec: ChartSpec) -> Markup:
    """The SVG of one chart specification (cached per process, keyed by the spec)."""
    if isinstance(spec, StackedAreasSpec):
        return stacked_areas(spec.key, spec.title, spec.description, spec.months, spec.series,
                             spec.lang, height_in=spec.height_in)
    if isinstance(spec, ShareAreasSpec):
        return share_areas(spec.key, spec.title, spec.description, spec.xs, spec.series,
                           spec.lang, spec.first, spec.last, spec.width)
    if isinstance(spec, NetworkSpec):
        return network(spec.key, spec.title, spec.description, spec.months, spec.total,
                       spec.added, spec.invitations,
                       {"total": spec.total_label, "added": spec.added_label}, spec.lang)
    if isinstance(spec, WordsSpec):
        return words_per_post(spec.key, spec.title, spec.description, spec.xs, spec.median,
                              spec.low, spec.high, spec.first, spec.last, spec.lang)
    if isinstance(spec, HeatmapSpec):
        return heatmap(spec.key, spec.title, spec.description, spec.counts, spec.weekdays,
                       spec.lang)
    if isinstance(spec, LadderSpec):
        return ladder(spec.key, spec.title, spec.description, spec.steps, spec.middle_share,
                      spec.you)
    if isinstance(spec, LanesSpec):
        return lanes(spec.key, spec.title, spec.description, spec.runs, dict(spec.lane_names),
                     spec.marks, spec.first, spec.last)
    raise TypeError(f"not a chart specification: {type(spec).__name__}")
