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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape

if TYPE_CHECKING:  # matplotlib is imported only when a chart is drawn
    from contextlib import AbstractContextManager

    from matplotlib.axes import Axes
    from matplotlib.collections import PolyCollection
    from matplotlib.figure import Figure

    from ..analysis.model import Stage

# The hues of Okabe–Ito, the colour-blind-safe palette (Okabe & Ito 2008), at a middle
# lightness: every colour has a relative luminance between 0.14 and 0.29, so it stands at
# 3:1 or more (WCAG 1.4.11, non-text contrast) against the page and the cards in the light
# theme, the dark theme and on paper alike, one SVG for all three (tests/test_charts_contrast.py
# reads the backgrounds from report.css). Okabe–Ito's own sky, orange, yellow, purple and grey
# are too light for a white page (yellow: 1.3:1). Stage colours stay at 0.2 or more, so the
# dark digits of the year × month grid keep 4.5:1 on them.
ORANGE, SKY, GREEN, YELLOW, BLUE, VERMILLION, PURPLE, GREY = (
    "#B17B00", "#1B8CCC", "#00986F", "#8F850A", "#0072B2", "#D55E00", "#C5659A", "#858585")
STAGE_COLORS: dict[Stage | None, str] = {
    "present": SKY, "relay": ORANGE, "producer": GREEN, "power_networker": PURPLE, None: GREY,
}
# Sentinels swapped for CSS variables after rendering (see report.css).
INK, RULE, MUTED, PAPER = "#010101", "#020202", "#030303", "#040404"
_SENTINELS = {INK: "var(--ink)", RULE: "var(--rule)", MUTED: "var(--muted)",
              PAPER: "var(--paper)"}
# Text drawn on a stage colour (the stage ribbon): dark in every theme, as the colours are.
ON_COLOR = "#111111"

WIDTH_IN = 7.2  # 518 SVG units: about 1:1 in the page's 720 px column


@dataclass(frozen=True)
class Frame:
    """The size a time chart is drawn at. Each is drawn twice (`draw`): for the page's
    column (desktop and paper) and for a phone, where the wide drawing shrunk to 360 px
    would set its 10 pt labels at 7 px; the narrow one is shown about 1.25:1, so its
    labels read at 11 px or more, and its years and hours are spaced to fit."""

    name: str  # "wide" or "narrow": the inner drawing's CSS class (`chart-wide`, …)
    width_in: float
    height_scale: float  # the narrow drawing is a little flatter, its text the same size
    left_in: float  # room for the count axis' labels
    hour_step: int  # the heatmap's hour labels
    band_label_pt: float  # the stage ribbon's names and numbers


WIDE = Frame("wide", WIDTH_IN, 1.0, 0.5, 3, 8.0)
NARROW = Frame("narrow", 4.0, 0.75, 0.42, 6, 9.0)  # 9 pt shown at 1.25:1: 11 px
FRAMES = (WIDE, NARROW)
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
    style: int = 0  # its place in SERIES_STYLES: the hatching or marker beside its colour
    marks: bool = False  # drawn as one mark a month at its count (`is_sparse`), not an area


@dataclass(frozen=True)
class SeriesStyle:
    """What tells a series from its neighbours besides its colour: a hatching when it is an
    area, a marker shape when it is drawn as marks, and the legend's matching CSS classes
    (report.css `.swatch.hatch-…`, `.swatch.mark-…`)."""

    hatch: str  # matplotlib's hatch pattern ("" for a plain fill)
    marker: str  # matplotlib's marker
    name: str  # the CSS class suffix

    @property
    def area_class(self) -> str:
        return f"hatch-{self.name}"

    @property
    def mark_class(self) -> str:
        return f"mark-{self.name}"


SERIES_STYLES = (
    SeriesStyle("", "o", "plain"),
    SeriesStyle("///", "s", "up"),
    SeriesStyle("..", "D", "dots"),
    SeriesStyle("\\\\\\", "^", "down"),
    SeriesStyle("+", "v", "cross"),
)


def legend_class(series: Series) -> str:
    """The legend swatch's CSS class for `series` (its hatching, or its marker shape)."""
    style = SERIES_STYLES[series.style % len(SERIES_STYLES)]
    return style.mark_class if series.marks else style.area_class


def is_sparse(values: Sequence[float]) -> bool:
    """Whether a monthly series is drawn as marks (one a month with anything, at its real
    count) rather than as a 3-month-average area.

    The rule: its busiest month has at most 2 items, or most months from its first item to
    its last have none. Averaged, such a series draws fractions of an item spread over three
    months: one repost became a triangle a third of a repost high."""
    active = [i for i, v in enumerate(values) if v]
    if not active:
        return False
    return max(values) <= 2 or 2 * len(active) < active[-1] - active[0] + 1


def smooth(values: Sequence[float]) -> tuple[float, ...]:
    """A centred 3-month average (2 months at the ends): monthly counts are spiky."""
    out = []
    for i in range(len(values)):
        window = values[max(i - 1, 0):i + 2]
        out.append(sum(window) / len(window))
    return tuple(out)


@dataclass(frozen=True)
class Band:
    """A stage period shaded behind a chart with a time axis: its months, the stage's name
    and its number on the ladder (1 … 4, "?" when unknown), printed in the ribbon above the
    chart where they fit and in the chart's legend."""

    stage: Stage | None
    first: str
    last: str
    name: str
    mark: str


def month_x(month: str) -> float:
    """"2021-03" → 2021.125 (the middle of the month on a time axis in years)."""
    return int(month[:4]) + (int(month[5:7]) - 1 + 0.5) / 12


RIBBON_IN = 0.17  # the stage ribbon's height above a time chart


def _figure(frame: Frame, height_in: float, *, rows: int = 1,
            heights: Sequence[float] | None = None, ribbon: bool = False,
            bottom_in: float = 0.3, scale: bool = True) -> tuple[Figure, list[Axes]]:
    """A figure of `frame`'s width with fixed margins (in inches): cheaper than a layout
    engine, and the charts line up with each other down the page. `ribbon`: room above for
    the stages; `scale`: the height follows the frame's `height_scale`."""
    from matplotlib.figure import Figure

    top_in = 0.1 + (RIBBON_IN + 0.05 if ribbon else 0)
    height_in = (height_in * frame.height_scale if scale else height_in) + top_in - 0.1
    width_in = frame.width_in
    figure = Figure(figsize=(width_in, height_in))
    figure.subplots_adjust(left=frame.left_in / width_in, right=1 - 0.12 / width_in,
                           bottom=bottom_in / height_in, top=1 - top_in / height_in,
                           hspace=0.12)
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


YEAR_LABEL_PT = 31  # a year label's width and its gap to the next, in points


def _year_axis(ax: Axes, first: str, last: str, *, reach: float | None = None,
               start_at: float | None = None, labels: bool = True) -> None:
    """Years along the x axis, from month `first` to `last` (widened to `start_at`/`reach`
    when bars stick out): a short mark where each year starts, its number under its middle
    (one line of markers and one text per year, see `_labels`)."""
    from matplotlib.markers import TICKDOWN

    start, end = int(first[:4]), int(last[:4])
    low = start + (int(first[5:7]) - 1) / 12
    high = end + int(last[5:7]) / 12
    low = low if start_at is None else min(low, start_at)
    high = high if reach is None else max(high, reach)
    # Every year labelled where a year's width holds "2026" (about 31 pt at 10 pt), else
    # every 2nd or 5th: the narrow drawing of a ten-year member labels every other year.
    year_pt = ax.bbox.width / ax.figure.dpi * 72 / max(high - low, 1 / 12)
    step = next((s for s in (1, 2, 5, 10) if s * year_pt >= YEAR_LABEL_PT), 20)
    years = [y for y in range(start, end + 2) if y % step == 0]
    ax.set_xlim(low, high)
    ax.set_xticks([])
    marks = [y for y in years if low <= y <= high]
    ax.plot(marks, [0] * len(marks), linestyle="none", marker=TICKDOWN, markersize=3,
            markeredgewidth=0.8, color=MUTED, transform=ax.get_xaxis_transform(),
            clip_on=False)
    if labels:
        middles = [y for y in years if low <= y + 0.5 <= high]
        _labels(ax, "x", [y + 0.5 for y in middles], [str(y) for y in middles])


def _count_axis(ax: Axes, lang: str, *, fraction: bool = False, ticks: int = 4) -> None:
    """Counts (or shares, 0–1) up the y axis from 0: about `ticks` round values, each with a
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
        locator = MaxNLocator(nbins=ticks, integer=True, min_n_ticks=2)
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


def _clean_svg(svg: str, key: str) -> tuple[str, str]:
    """matplotlib's SVG → (its viewBox, its content after the opening tag, `</svg>`
    included), cleaned as the module docstring says, every id prefixed with `key`."""
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
    return view_box.group(1), svg[opening.end():].rstrip()


def image_of(drawings: Sequence[tuple[str, str, str]], classes: str, key: str, title: str,
             description: str = "") -> Markup:
    """One inline image holding several drawings of one chart, each `(frame, ratio, svg)`:
    the frame's name ("wide", "narrow"), its proportions ("720 / 172") and its inner <svg>
    (`aria-hidden`: report.css shows one and gives the outer box its proportions through
    `--wide` and `--narrow`). Named and described once, on the outer image."""
    refs = f"{key}-title{f' {key}-desc' if description else ''}"
    names = f'<title id="{key}-title">{escape(title)}</title>'
    if description:
        names += f'<desc id="{key}-desc">{escape(description)}</desc>'
    ratios = "; ".join(f"--{frame}: {ratio}" for frame, ratio, _ in drawings)
    return Markup(f'<svg xmlns="http://www.w3.org/2000/svg" '
                  f'xmlns:xlink="http://www.w3.org/1999/xlink" class="{classes}" '
                  f'style="{ratios}" role="img" aria-labelledby="{refs}">{names}'
                  f'{"".join(svg for _, _, svg in drawings)}</svg>')


def paired_svg(drawings: Sequence[tuple[Frame, str]], key: str, title: str,
               description: str = "") -> Markup:
    """One chart drawn by matplotlib in several frames → one image (`image_of`), each
    drawing cleaned (`_clean_svg`) as an inner <svg class="chart-wide"> (…-narrow)."""
    inner = []
    for frame, svg in drawings:
        view_box, content = _clean_svg(svg, f"{key}-{frame.name[0]}")
        _, _, width, height = view_box.split()
        inner.append((frame.name, f"{width} / {height}",
                      f'<svg viewBox="{view_box}" width="100%" height="100%" '
                      f'class="chart-{frame.name}" aria-hidden="true">{content}'))
    return image_of(inner, "chart-svg chart-pair", key, title, description)


def _context() -> AbstractContextManager[Any]:
    import matplotlib

    return matplotlib.rc_context(_RC)


# --------------------------------------------------------------------------- data charts

BAND_ALPHA = 0.13  # stage shading: light enough for the data drawn over it to stay readable


def _stage_bands(ax: Axes, bands: Sequence[Band], frame: Frame, *,
                 ribbon: bool = True) -> None:
    """The stage periods behind a time chart: a light band per period over the whole
    height (under the grid and the data) and, with `ribbon`, a strip in the stage's full
    colour above the axes holding its name where it fits, else its ladder number (the
    legend pairs each number with its name). Call after the x axis is set."""
    from matplotlib.transforms import ScaledTranslation

    if not bands:
        return
    low, high = ax.get_xlim()
    starts = [max(month_x(b.first) - 1 / 24, low) for b in bands]
    ends = [min(month_x(b.last) + 1 / 24, high) for b in bands]
    # The periods cover the member's whole span: the first and last reach the axes' ends,
    # which a chart of quarters or bars widens past the first and last month.
    starts[0], ends[-1] = low, high
    shading = _collection([(x0, 0, x1 - x0, 1) for x0, x1 in zip(starts, ends, strict=True)],
                          [STAGE_COLORS[b.stage] for b in bands], [BAND_ALPHA] * len(bands))
    shading.set_transform(ax.get_xaxis_transform())
    shading.set_zorder(0.1)
    ax.add_collection(shading, autolim=False)
    if not ribbon:
        return
    figure = ax.figure
    axes_h_in = ax.bbox.height / figure.dpi  # the axes' size on the page, before drawing
    axes_w_pt = ax.bbox.width / figure.dpi * 72
    gap, height = 0.04 / axes_h_in, RIBBON_IN / axes_h_in
    strip = _collection([(x0, 1 + gap, x1 - x0, height)
                         for x0, x1 in zip(starts, ends, strict=True)],
                        [STAGE_COLORS[b.stage] for b in bands], [1.0] * len(bands))
    strip.set_transform(ax.get_xaxis_transform())
    strip.set_clip_on(False)
    ax.add_collection(strip, autolim=False)
    # Names and numbers centred in their run when they fit (about 0.62 em a character).
    place = ax.get_xaxis_transform() + ScaledTranslation(0, -0.5 / 72,
                                                           figure.dpi_scale_trans)
    middle = 1 + gap + height / 2
    for band, x0, x1 in zip(bands, starts, ends, strict=True):
        width_pt = (x1 - x0) / (high - low) * axes_w_pt
        label = next((text for text in (band.name, band.mark)
                      if 0.62 * frame.band_label_pt * len(text) + 4 <= width_pt), "")
        if label:
            ax.text((x0 + x1) / 2, middle, label, transform=place, ha="center", va="center",
                    fontsize=frame.band_label_pt, fontweight="bold", color=ON_COLOR,
                    clip_on=False)


MIN_COUNT_TOP = 3  # the count axis of a stacked chart reaches at least this


def _stack(ax: Axes, xs: Sequence[float], series: Sequence[Series]) -> None:
    """Areas (3-month averages, stacked, first series at the bottom) for the dense series
    and marks for the sparse ones (`Series.marks`): a stem from 0 to the month's count and
    the series' marker, side by side when two sparse series share a month."""
    areas = [s for s in series if not s.marks]
    if areas:
        collections = ax.stackplot(
            xs, *[list(smooth(s.values)) for s in areas], colors=[s.color for s in areas],
            hatch=[SERIES_STYLES[s.style % len(SERIES_STYLES)].hatch for s in areas],
            linewidth=0, zorder=1)
        for collection in collections:
            collection.set_edgecolor(RULE)  # the hatch's ink (matplotlib draws it in the edge
            collection.set_linewidth(0)     # colour); no outline
    sparse = [s for s in series if s.marks]
    step = 0.3 / 12  # a third of a month between the marks of one month
    for j, s in enumerate(sparse):
        offset = (j - (len(sparse) - 1) / 2) * step
        points = [(x + offset, v) for x, v in zip(xs, s.values, strict=True) if v]
        px, py = [p[0] for p in points], [p[1] for p in points]
        ax.vlines(px, 0, py, colors=s.color, linewidths=1.3, zorder=2)
        ax.plot(px, py, linestyle="none", marker=SERIES_STYLES[s.style % len(SERIES_STYLES)]
                .marker, markersize=5, markerfacecolor=s.color, markeredgecolor=PAPER,
                markeredgewidth=0.7, zorder=3, clip_on=False)


def stacked_areas(spec: StackedAreasSpec, frame: Frame) -> str:
    """Monthly counts: dense series as stacked areas, sparse ones as marks (`_stack`), the
    stage periods behind."""
    with _context():
        figure, (ax,) = _figure(frame, spec.height_in, ribbon=bool(spec.bands))
        xs = [month_x(m) for m in spec.months]
        _stack(ax, xs, spec.series)
        # Room above the highest mark, and at least 3 items high: a member's single items
        # stand as short marks, not as stems the height of the chart.
        ax.set_ylim(0, max(ax.get_ylim()[1] * 1.04, MIN_COUNT_TOP))
        _year_axis(ax, spec.months[0], spec.months[-1])
        _count_axis(ax, spec.lang)
        _stage_bands(ax, spec.bands, frame)
        return _svg_text(figure)


def share_areas(spec: ShareAreasSpec, frame: Frame) -> str:
    """Shares (0–1) stacked per period, and under them each period's number of items (the
    volume: a quarter of one repost is one item, not a full bar). Periods with fewer than
    `spec.minimum` items are drawn as an empty outline; periods with nothing are blank."""
    xs, width = spec.xs, spec.width
    with _context():
        figure, (ax, volume) = _figure(frame, 2.65, rows=2, heights=[1, 0.3],
                                       ribbon=bool(spec.bands))
        lower = [0.0] * len(xs)
        rects, colors, hatches = [], [], []
        shown = [total >= spec.minimum for total in spec.totals]
        for s in spec.series:
            upper = [lo + (v if math.isfinite(v) else 0.0) for lo, v in
                     zip(lower, s.values, strict=True)]
            for x, lo, up, v, keep in zip(xs, lower, upper, s.values, shown, strict=True):
                if keep and math.isfinite(v) and up > lo:
                    rects.append((x - width / 2, lo, width, up - lo))
                    colors.append(s.color)
                    hatches.append(SERIES_STYLES[s.style % len(SERIES_STYLES)].hatch)
            lower = upper
        _hatched_rects(ax, rects, colors, hatches)
        few = [(x - width / 2, 0.0, width, 1.0) for x, total, keep in
               zip(xs, spec.totals, shown, strict=True) if total and not keep]
        if few:
            from matplotlib.collections import PolyCollection

            ax.add_collection(PolyCollection(
                [((x, y), (x + w, y), (x + w, y + h), (x, y + h)) for x, y, w, h in few],
                closed=True, facecolors="none", edgecolors=MUTED, linewidths=0.7,
                linestyles=(0, (2, 2))))
        volume.bar(xs, spec.totals, width=width, color=MUTED, linewidth=0)
        volume.set_ylim(0, max(max(spec.totals, default=0), 1) * 1.05)
        start, reach = xs[0] - width / 2, xs[-1] + width / 2
        _year_axis(ax, spec.first, spec.last, start_at=start, reach=reach, labels=False)
        _year_axis(volume, spec.first, spec.last, start_at=start, reach=reach)
        _count_axis(ax, spec.lang, fraction=True)
        _count_axis(volume, spec.lang, ticks=2)
        volume.text(0.01, 0.97, spec.volume_label, transform=volume.transAxes, va="top",
                    ha="left", fontsize=8.5, color=MUTED)
        _stage_bands(ax, spec.bands, frame)
        _stage_bands(volume, spec.bands, frame, ribbon=False)
        return _svg_text(figure)


def _hatched_rects(ax: Axes, rects: Sequence[tuple[float, float, float, float]],
                   colors: Sequence[str], hatches: Sequence[str]) -> None:
    """Rectangles grouped by hatching (one collection each: a collection has one hatch)."""
    for hatch in dict.fromkeys(hatches):
        chosen = [i for i, h in enumerate(hatches) if h == hatch]
        collection = _collection([rects[i] for i in chosen], [colors[i] for i in chosen],
                                 [1.0] * len(chosen))
        if hatch:
            collection.set_hatch(hatch)
            collection.set_edgecolor(RULE)
            collection.set_linewidth(0)
        collection.set_zorder(1)
        ax.add_collection(collection)


def network(spec: NetworkSpec, frame: Frame) -> str:
    """Connections in all (top) and per month, with invitations in and out (bottom)."""
    with _context():
        figure, (top, bottom) = _figure(frame, 3.6, rows=2, heights=[1.1, 1],
                                        ribbon=bool(spec.bands))
        xs = [month_x(m) for m in spec.months]
        top.fill_between(xs, spec.total, color=BLUE, alpha=0.25, linewidth=0)
        top.plot(xs, spec.total, color=BLUE, linewidth=1.8)
        # The step's own line at full colour: the light fill alone is under 3:1.
        bottom.fill_between(xs, spec.added, color=GREEN, alpha=0.35, linewidth=0, step="mid")
        bottom.step(xs, spec.added, where="mid", color=GREEN, linewidth=1.1)
        if spec.invitations is not None:
            inbound, outbound = spec.invitations
            bottom.step(xs, inbound, where="mid", color=ORANGE, linewidth=1.3)
            bottom.step(xs, outbound, where="mid", color=VERMILLION, linewidth=1.3,
                        linestyle=(0, (3, 2)))
        for ax, label in ((top, spec.total_label), (bottom, spec.added_label)):
            _count_axis(ax, spec.lang)
            ax.text(0.01, 0.97, label, transform=ax.transAxes, va="top", ha="left",
                    fontsize=9.5, fontweight="bold", color=MUTED)
        _year_axis(top, spec.months[0], spec.months[-1], labels=False)
        _year_axis(bottom, spec.months[0], spec.months[-1])
        _stage_bands(top, spec.bands, frame)
        _stage_bands(bottom, spec.bands, frame, ribbon=False)
        return _svg_text(figure)


def words_per_post(spec: WordsSpec, frame: Frame) -> str:
    """Median words per own post per quarter, with the middle half shaded."""
    with _context():
        figure, (ax,) = _figure(frame, 2.2, ribbon=bool(spec.bands))
        ax.fill_between(spec.xs, spec.low, spec.high, color=GREEN, alpha=0.22, linewidth=0)
        ax.plot(spec.xs, spec.median, color=GREEN, linewidth=1.6, marker="o", markersize=3.2)
        _year_axis(ax, spec.first, spec.last, reach=spec.xs[-1] + 0.06)
        _count_axis(ax, spec.lang)
        _stage_bands(ax, spec.bands, frame)
        return _svg_text(figure)


def heat_alpha(value: int, peak: int) -> float:
    """A heatmap cell's opacity: more posts, stronger colour (darker on a light page,
    brighter on a dark one), on a square-root scale so a few posts still show."""
    return 0.18 + 0.82 * math.sqrt(value / max(peak, 1))


def heat_scale(peak: int) -> list[int]:
    """The counts shown in the heatmap's colour scale: 1, the peak and up to three between
    (evenly spaced in colour), each a distinct whole number."""
    values = [1, *(max(1, round(peak * (k / 4) ** 2)) for k in range(1, 5))]
    return sorted(set(values))


def heatmap(spec: HeatmapSpec, frame: Frame) -> str:
    """Weekday (rows, Monday on top) × hour (columns) counts, as cells of one hue (an empty
    slot as an outline), and under them the colour scale: an empty cell, then cells for a
    few counts up to the peak, each count before its cell."""
    from matplotlib.collections import PolyCollection

    from ..i18n import formatting

    counts, lang = spec.counts, spec.lang
    # The grid fills the frame's width (24 one-unit cells); the figure is as tall as the
    # grid, the hour labels and the scale's row (or two, when its caption does not fit
    # beside the scale), so no frame leaves a gap under the grid.
    unit_pt = (frame.width_in - frame.left_in - 0.12) * 72 / 24
    char = max(0.42, 6.2 / unit_pt)  # a 9 pt character, in cells
    peak = max((max(row) for row in counts), default=0) or 1
    scale: list[tuple[float, int]] = []  # (x, count) of each scale cell, right to left
    labels: list[tuple[float, str]] = []
    x = 24.0 - 0.06
    for value in reversed([0, *heat_scale(peak)]):
        x -= 0.88
        scale.append((x, value))
        text = formatting.integer(value, lang)
        labels.append((x - 0.15, text))
        x -= 0.15 + char * len(text) + 0.55
    caption_x = x - 0.1
    two_rows = caption_x - char * len(spec.scale_label) < -frame.left_in * 72 / unit_pt
    below_pt = 3.5 + 12 + 5  # the hour labels and a gap
    y = -(below_pt / unit_pt) - 0.88
    caption_y = y - 1.2 if two_rows else y
    bottom_in = (below_pt + (0.88 + (1.2 if two_rows else 0)) * unit_pt + 4) / 72
    with _context():
        figure, (ax,) = _figure(frame, 0.1 + 7 * unit_pt / 72 + bottom_in, scale=False,
                                bottom_in=bottom_in)
        cells: list[tuple[float, float, int]] = [
            (hour + 0.06, 6 - day + 0.06, value)
            for day, row in enumerate(counts) for hour, value in enumerate(row)]
        cells += [(cx, y, value) for cx, value in scale]
        filled = [(cx, cy, 0.88, 0.88) for cx, cy, v in cells if v]
        shown = _collection(filled, [BLUE] * len(filled),
                            [heat_alpha(v, peak) for _, _, v in cells if v])
        empty = PolyCollection(
            [((cx, cy), (cx + 0.88, cy), (cx + 0.88, cy + 0.88), (cx, cy + 0.88))
             for cx, cy, v in cells if not v],
            closed=True, facecolors="none", edgecolors=RULE, linewidths=0.8)
        for collection in (shown, empty):
            collection.set_clip_on(False)
            ax.add_collection(collection)
        for px, text in labels:
            ax.text(px, y + 0.44, text, ha="right", va="center_baseline", color=MUTED,
                    fontsize=9, clip_on=False)
        ax.text(24.0 - 0.06 if two_rows else caption_x, caption_y + 0.44, spec.scale_label,
                ha="right", va="center_baseline", color=MUTED, fontsize=9, clip_on=False)
        ax.set_xlim(0, 24)
        ax.set_ylim(0, 7)
        ax.grid(False)
        ax.spines[:].set_visible(False)
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_aspect("equal", anchor="N")
        _labels(ax, "y", [6.5 - d for d in range(7)], list(spec.weekdays))
        hours = range(0, 24, frame.hour_step)
        _labels(ax, "x", [h + 0.5 for h in hours], [formatting.hour(h, lang) for h in hours])
        return _svg_text(figure)


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
    # The names go over every step (drawn last, with a halo in report.css): a long name, or
    # any name at a phone's larger type, runs over the next step, which rises into its line.
    names: list[str] = []
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
        names.append(f'<text {anchor} y="{top - 8}" class="step-name'
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
    parts += names
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
    wide, wide_h = _lanes_svg(runs, lane_names, marks, first, last, narrow=False)
    narrow, narrow_h = _lanes_svg(runs, lane_names, marks, first, last, narrow=True)
    return image_of([("wide", f"720 / {wide_h}", wide), ("narrow", f"400 / {narrow_h}", narrow)],
                    "diagram lanes", key, title, description)


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
    # Half a transition label's character, in units (report.css: 11 px wide, 12.5 px narrow,
    # so it reads at 11 px once the narrow drawing is shrunk to a phone's width).
    char_w = 3.9 if narrow else 3.4
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
        half = char_w * len(mark.label) + 4
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
             f'class="{variant}" aria-hidden="true">']
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
        half = char_w * len(mark.label) + 4
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
    series: tuple[Series, ...]  # monthly counts (areas are averaged when drawn)
    lang: str
    height_in: float
    bands: tuple[Band, ...] = ()  # the stage periods shaded behind


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
    totals: tuple[float, ...]  # items per period: the volume panel
    minimum: int  # periods with fewer items are outlined, not split into shares
    volume_label: str
    bands: tuple[Band, ...] = ()


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
    bands: tuple[Band, ...] = ()


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
    bands: tuple[Band, ...] = ()


@dataclass(frozen=True)
class HeatmapSpec:
    key: str
    title: str
    description: str
    counts: tuple[tuple[int, ...], ...]
    weekdays: tuple[str, ...]
    lang: str
    scale_label: str  # the caption before the colour scale


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


# The charts drawn with matplotlib, once per frame (`Frame`).
_TIME_CHARTS: dict[type, Callable[[Any, Frame], str]] = {
    StackedAreasSpec: stacked_areas, ShareAreasSpec: share_areas, NetworkSpec: network,
    WordsSpec: words_per_post, HeatmapSpec: heatmap,
}


# Drawing is most of a report's time (about three quarters), and the same chart is often drawn
# again in one process: `compare` draws both archives' trajectories, a redacted report's
# charts are the ordinary report's, the tests render the same members many times. A spec is a
# frozen dataclass of strings, numbers and tuples, so it is its own key; the SVG (`Markup`, a
# str) is immutable and safe to share. A spec holding NaN (a gap in a line) never equals
# another, so it is simply drawn again. Bounded: a report has about ten charts of ~25 kB
# (both drawings).
@functools.lru_cache(maxsize=128)
def draw(spec: ChartSpec) -> Markup:
    """The SVG of one chart specification (cached per process, keyed by the spec)."""
    drawer = _TIME_CHARTS.get(type(spec))
    if drawer is not None:
        return paired_svg([(frame, drawer(spec, frame)) for frame in FRAMES], spec.key,
                          spec.title, spec.description)
    if isinstance(spec, LadderSpec):
        return ladder(spec.key, spec.title, spec.description, spec.steps, spec.middle_share,
                      spec.you)
    if isinstance(spec, LanesSpec):
        return lanes(spec.key, spec.title, spec.description, spec.runs, dict(spec.lane_names),
                     spec.marks, spec.first, spec.last)
    raise TypeError(f"not a chart specification: {type(spec).__name__}")
