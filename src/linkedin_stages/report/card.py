"""A card to share (`analyze --card FILE.png|.svg`): one 1200×630 image of where the member
stands — the four-step staircase with "you" on their step, their stage month by month as a
coloured ribbon with year ticks, and three numbers that say why — for posting on LinkedIn.

Redacted by construction: `card_data` keeps, from the report's analysis, only the stage and
since when, the runs of stages, three counts and the member's own name (none when the
analysis was redacted, or with `name=False`), all worded in the report's language. The
drawing (`render_card`) sees nothing else, so no other person's name and no text of a post
can reach the image.

Drawn by matplotlib (Agg) on one axes in pixel units (y down), with matplotlib's own DejaVu
Sans files (the same glyphs on every machine; an SVG's text is drawn as paths, so it loads
no font); the PNG and SVG carry no date or version, so the same card gives the same bytes.
"""

from __future__ import annotations

import functools
import io
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from markupsafe import escape

from ..analysis import describe
from ..analysis.model import STAGES, Stage
from ..errors import ReportError
from ..i18n import formatting
from ..i18n.catalogue import catalogue
from ..months import month_count, months_between
from ..safe_output import check_destination, same_file, write_atomically
from .charts import STAGE_COLORS, Run
from .common import stage_runs

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.font_manager import FontProperties

    from ..analysis.report_data import ReportData

CardFormat = Literal["png", "svg"]
CARD_FORMATS: dict[str, CardFormat] = {".png": "png", ".svg": "svg"}
WIDTH, HEIGHT, DPI = 1200, 630, 100  # pixels; LinkedIn's link-preview proportions (1.91:1)

# The report's light theme (templates/report.css): the card is the page's paper.
PAPER, INK, MUTED, RULE = "#fbfaf7", "#1c1d21", "#5d6168", "#d8d5ce"
MARGIN = 64
RECENT = 12  # months the counts add up (the last twelve of the archive)
NAME_LIMIT = 200  # characters of the member's name kept (it is cut to the card's width)


# ---------------------------------------------------------------------------- the data


@dataclass(frozen=True)
class CardNumber:
    value: str  # "153", "1,899" (in the card's language)
    label: str  # "own posts in the last 12 months"


@dataclass(frozen=True)
class AxisLabel:
    """A period under the ribbon: months `start` to `end` (excluded) of the span."""

    start: int
    end: int
    text: str  # "" for a period left unlabelled (every other year of a long span)


def _axis(first: str, last: str, lang: str) -> tuple[AxisLabel, ...]:
    """Years under the ribbon (every second or fifth one on a long span); for a span
    shorter than a year, its months ("Feb 2017")."""
    months = months_between(first, last)
    if len(months) < 12:
        return tuple(AxisLabel(i, i + 1, formatting.month(m, lang, short=True))
                     for i, m in enumerate(months))
    years = sorted({int(m[:4]) for m in months})
    step = 1 if len(years) <= 14 else 2 if len(years) <= 28 else 5
    labels = []
    for year in years:
        start = months.index(max(f"{year}-01", first))
        end = months.index(min(f"{year}-12", last)) + 1
        labels.append(AxisLabel(start, end, "" if year % step else str(year)))
    return tuple(labels)


@dataclass(frozen=True)
class CardData:
    """Everything the card shows, already worded: nothing else reaches the drawing."""

    lang: str
    name: str | None  # the member's name as the export gives it; None: redacted
    stage: Stage | None  # None: the archive cannot show one
    kicker: str  # "The four stages of presence on LinkedIn"
    headline: str  # "Power networker since January 2023"
    steps: tuple[tuple[Stage, str, bool], ...]  # each stage, its name, whether visited
    you: str
    ribbon_title: str
    first: str  # the ribbon's first and last month (YYYY-MM)
    last: str
    runs: tuple[Run, ...]  # consecutive months of one stage (None: unknown)
    axis: tuple[AxisLabel, ...]
    numbers: tuple[CardNumber, ...]  # three
    footer: str
    description: str  # the card in a few sentences (the SVG's <desc>)

    @property
    def words(self) -> tuple[str, ...]:
        """Every text the card shows (tests look for names here)."""
        return (self.name or "", self.kicker, self.headline, *(n for _, n, _ in self.steps),
                self.you, self.ribbon_title, *(a.text for a in self.axis if a.text),
                *(f"{n.value} {n.label}" for n in self.numbers),
                self.footer, self.description)


def _recent(data: ReportData, *metrics: str) -> int:
    """The sum of `metrics` over the archive's last twelve months."""
    columns = data.timeline.monthly
    total = 0.0
    for metric in metrics:
        if metric in columns.columns:
            total += float(columns[metric].tail(RECENT).fill_null(0).sum())
    return round(total)


def _numbers(data: ReportData, lang: str, since: str) -> tuple[CardNumber, ...]:
    """Three numbers: time at the stage (on LinkedIn, when it is unknown), what the stage is
    made of over the last year, and the network — each only when the archive holds it."""
    words = catalogue(lang)
    tl, missing = data.timeline, set(data.archive.missing)
    last = tl.months[-1].month
    num = functools.partial(formatting.integer, lang=lang)

    def has(*datasets: str) -> bool:
        return any(d not in missing for d in datasets)

    def counted(key: str, count: int, **values: object) -> CardNumber:
        return CardNumber(num(count), words.plural(key, count, count=num(count), **values))

    stage = tl.current_stage
    # Time at the stage, or on LinkedIn (since the first month) when there is none; whole
    # years from two on ("3 years": 46 months is hard to picture; the headline gives the
    # month it began).
    months = month_count(since if stage else tl.months[0].month, last)
    if months >= 24:
        found = [counted("card.years_at_stage" if stage else "card.years_on_linkedin",
                         months // 12)]
    else:
        found = [counted("card.months_at_stage" if stage else "card.months_on_linkedin",
                         months)]
    # What the stage is made of, over the last year.
    own = _recent(data, "original_posts", "articles")
    if stage == "power_networker" and own:
        share = formatting.percent(_recent(data, "business_posts") / own, lang)
        found.append(counted("card.own_posts_business", own, share=share))
    elif stage in ("producer", "power_networker") and has("shares", "articles"):
        found.append(counted("card.own_posts", own))
    elif stage == "relay" and has("shares", "reposts"):
        found.append(counted("card.shared", _recent(data, "curated_shares",
                                                    "commented_shares", "reposts")))
    elif stage == "present" and has("reactions"):
        found.append(counted("card.reactions", _recent(data, "reactions")))
    if has("connections") and "connections_total" in tl.monthly.columns:
        found.append(counted("card.connections",
                             int(tl.monthly["connections_total"][-1] or 0)))
    # When the archive lacks one of those: the next things it does hold.
    if has("messages"):
        found.append(counted("card.messages", _recent(data, "messages_sent")))
    if has("comments"):
        found.append(counted("card.comments", _recent(data, "comments")))
    if has("reactions") and stage != "present":
        found.append(counted("card.reactions", _recent(data, "reactions")))
    if has("connections"):
        found.append(counted("card.connections_added", _recent(data, "connections_added")))
    return tuple(found[:3])


def card_data(data: ReportData, *, lang: str, name: bool = True) -> CardData:
    """The card of the report's analysis `data` in `lang`: the member's name unless `name`
    is False or `data` is redacted (redaction leaves the name out of `data` itself)."""
    words = catalogue(lang)
    tl = data.timeline
    if not tl.months:
        raise ReportError("the card needs at least one month in the timeline")
    first, last = tl.months[0].month, tl.months[-1].month
    stage = tl.current_stage
    since = tl.current_since or first
    member = data.archive.member_name if name and data.redaction is None else None
    # one line, whatever the export holds (and no more than a card can show)
    member = " ".join(member.split())[:NAME_LIMIT] if member else None
    visited = {m.stage for m in tl.months}
    stage_name = describe.stage_name(stage, lang)
    if stage is not None:
        headline = words.text("card.headline", stage=stage_name,
                              since=formatting.month(since, lang))
    elif "shares" in data.archive.missing:
        headline = words.text("card.headline_no_posts")
    else:
        headline = words.text("card.headline_unknown")
    numbers = _numbers(data, lang, since)
    steps = tuple((s, describe.stage_name(s, lang), s in visited) for s in STAGES)
    description = words.text(
        "card.description", headline=headline,
        span=formatting.month_span(first, last, lang),
        numbers=". ".join(f"{n.value} {n.label}" for n in numbers))
    return CardData(
        lang=lang, name=member, stage=stage, kicker=words.text("card.kicker"),
        headline=headline, steps=steps, you=words.text("card.you"),
        ribbon_title=words.text("card.ribbon_title"), first=first, last=last,
        runs=tuple(stage_runs(tl.months)), axis=_axis(first, last, lang), numbers=numbers,
        footer=words.text("card.footer"), description=description)


# ---------------------------------------------------------------------------- the paths


def card_format(path: str | os.PathLike[str]) -> CardFormat | None:
    """"png" or "svg" by the file's suffix (any case); None for any other."""
    return CARD_FORMATS.get(Path(path).suffix.lower())


def check_card_output(export: str | os.PathLike[str], card: str | os.PathLike[str],
                      report: str | os.PathLike[str]) -> Path:
    """`card` if the card may be written there: a .png or .svg name (else ValueError), not
    the report's file, not inside (or over) the export, a regular file or nothing yet."""
    out = Path(card).expanduser()
    if card_format(out) is None:
        raise ValueError(f"{out}: the card is a .png or .svg file "
                         f"(accepted suffixes: {', '.join(CARD_FORMATS)})")
    if same_file(out, Path(report).expanduser()):
        raise ReportError(f"{out}: the card and the report would be the same file; give "
                          "--card another name")
    return check_destination(export, out, what="card", option="--card")


def write_card(image: bytes, path: str | os.PathLike[str]) -> Path:
    """Write the card's bytes atomically (`safe_output.write_atomically`)."""
    return write_atomically(path, image, what="the card")


# ---------------------------------------------------------------------------- the drawing

# Typed Any: matplotlib's stubs spell each rc key as a Literal; matplotlib checks ours.
_RC: Any = {
    "svg.hashsalt": "linkedin-stages-card",
    "svg.fonttype": "path",  # the glyphs themselves: the SVG needs no font
    "path.simplify": False,
    "figure.facecolor": PAPER,
    "savefig.facecolor": PAPER,
}


@functools.cache
def _font_file(bold: bool) -> str:
    """matplotlib's own DejaVu Sans (not the system's): the same metrics everywhere."""
    import matplotlib

    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return str(Path(matplotlib.get_data_path()) / "fonts" / "ttf" / name)


@functools.cache
def _charmap(path: str) -> frozenset[int]:
    """The characters a font file has glyphs for."""
    from matplotlib.ft2font import FT2Font

    return frozenset(FT2Font(path).get_charmap())


@functools.cache
def _fallback(character: str) -> str | None:
    """The family of an installed font that has `character` (a name in Chinese, Hindi…,
    which DejaVu Sans lacks), or None. Looked up only for such a character, once."""
    from matplotlib.font_manager import fontManager

    for entry in sorted(fontManager.ttflist, key=lambda e: (e.name, e.fname)):
        if entry.name.startswith("Last Resort"):  # its glyphs are placeholders, not letters
            continue
        try:
            if ord(character) in _charmap(entry.fname):
                return str(entry.name)
        except (OSError, RuntimeError):  # a font file FreeType cannot open
            continue
    return None


def _font(px: float, bold: bool = False, text: str = "") -> FontProperties:
    """matplotlib's DejaVu Sans at `px` pixels; for a text with characters it lacks, the
    same family followed by installed fonts that have them (matplotlib's font fallback)."""
    from matplotlib.font_manager import FontProperties

    size = px * 72 / DPI  # at 100 dpi a point is 100/72 pixels
    covered = _charmap(_font_file(bold))
    missing = sorted({c for c in text if ord(c) not in covered and not c.isspace()})
    families = [f for f in dict.fromkeys(_fallback(c) for c in missing) if f]
    if not families:
        return FontProperties(fname=_font_file(bold), size=size)
    return FontProperties(family=["DejaVu Sans", *families], size=size,
                          weight="bold" if bold else "normal")


class _Canvas:
    """One axes over the whole figure in pixel units, y down, with text measuring."""

    def __init__(self) -> None:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        self.figure = Figure(figsize=(WIDTH / DPI, HEIGHT / DPI), dpi=DPI)
        FigureCanvasAgg(self.figure)
        self.ax: Axes = self.figure.add_axes((0, 0, 1, 1))
        self.ax.set_xlim(0, WIDTH)
        self.ax.set_ylim(HEIGHT, 0)
        self.ax.set_axis_off()
        self.renderer: RendererAgg = self.figure.canvas.get_renderer()  # type: ignore[attr-defined]

    def width(self, text: str, px: float, bold: bool = False) -> float:
        w, _, _ = self.renderer.get_text_width_height_descent(text, _font(px, bold, text),
                                                              ismath=False)
        return float(w)

    def text(self, x: float, y: float, text: str, px: float, *, bold: bool = False,
             color: str = INK, ha: str = "left", va: str = "baseline") -> None:
        self.ax.text(x, y, text, fontproperties=_font(px, bold, text), color=color, ha=ha,
                     va=va)

    def fit(self, text: str, px: float, width: float, *, bold: bool = False,
            lines: int = 1, smallest: float = 14,
            squeeze: float = 0.84) -> tuple[list[str], float]:
        """`text` in at most `lines` lines of at most `width` pixels: on one line at `px` or
        down to `squeeze` times it, else on more lines, else smaller (down to `smallest`),
        else cut with an ellipsis."""
        size = px
        while size >= max(smallest, px * squeeze):  # one line, slightly smaller, reads best
            if self.width(text, size, bold) <= width:
                return [text], size
            size -= 1
        size = px
        while True:
            split = self._split(text, size, width, bold, lines)
            if split is not None:
                return split, size
            if size <= smallest:
                break
            size = max(smallest, size - 1)
        # Too long even so: the first line(s) as they come, the last one cut.
        head: list[str] = []
        rest = text
        while len(head) < lines - 1:
            cut = self._longest_prefix(rest, size, width, bold)
            head.append(rest[:cut].rstrip())
            rest = rest[cut:].lstrip()
        rest = rest[:self._longest_prefix(rest, size, width, bold)]
        while len(rest) > 1 and self.width(rest + "…", size, bold) > width:
            rest = rest[:-1]
        return [*head, rest.rstrip(" -") + "…"], size

    def _longest_prefix(self, text: str, px: float, width: float, bold: bool) -> int:
        """How many characters of `text` fit in `width` (at least one), cut at a space or
        hyphen when one is in the part that fits."""
        fits = 1
        while fits < len(text) and self.width(text[:fits + 1], px, bold) <= width:
            fits += 1
        if fits < len(text) - 1:
            breaks = [m.end() for m in re.finditer(r" +|-", text[:fits])]
            if breaks and breaks[-1] > fits // 2:
                return breaks[-1]
        return fits

    def _split(self, text: str, px: float, width: float, bold: bool,
               lines: int) -> list[str] | None:
        """The most even split of `text` into at most `lines` lines that fit: at a space
        (dropped) or after a hyphen (kept: "Power-" / "Networker")."""
        if self.width(text, px, bold) <= width:
            return [text]
        if lines < 2:
            return None
        best: list[str] | None = None
        best_width = float("inf")
        for cut in (m.end() for m in re.finditer(r" +|(?<=\w)-(?=\w)", text)):
            head, tail = text[:cut].rstrip(), text[cut:].lstrip()
            if not head or not tail:
                continue
            if self.width(head, px, bold) > width:
                break
            rest = self._split(tail, px, width, bold, lines - 1)
            if rest is None:
                continue
            widest = max(self.width(line, px, bold) for line in (head, *rest))
            if widest < best_width:
                best, best_width = [head, *rest], widest
        return best

    def box(self, x: float, y: float, w: float, h: float, color: str, *,
            alpha: float = 1.0, radius: float = 6, edge: str = "none",
            dashed: bool = False) -> None:
        from matplotlib.patches import FancyBboxPatch

        self.ax.add_patch(FancyBboxPatch(
            (x, y), w, h, boxstyle=f"round,pad=0,rounding_size={radius}", facecolor=color,
            alpha=alpha, edgecolor=edge, linewidth=1.2 * 72 / DPI,
            linestyle=(0, (4, 3)) if dashed else "solid"))

    def line(self, xs: tuple[float, float], ys: tuple[float, float], color: str,
             px: float = 1.0) -> None:
        self.ax.plot(xs, ys, color=color, linewidth=px * 72 / DPI, solid_capstyle="butt")


def _header(c: _Canvas, card: CardData) -> None:
    """Kicker, then the member's name and the headline (the headline alone, larger, with no
    name)."""
    width = WIDTH - 2 * MARGIN
    y = 62.0
    (kicker,), size = c.fit(card.kicker.upper(), 17, width, bold=True)
    c.text(MARGIN, y, kicker, size, bold=True, color=MUTED)
    headline_px = 44.0  # the headline alone, with no name
    if card.name:
        (name,), size = c.fit(card.name, 42, width, bold=True, smallest=30)
        y += 14 + size
        c.text(MARGIN, y, name, size, bold=True)
        headline_px = min(33, size)  # never larger than a long name cut to fit
    else:  # lower, between the kicker and the staircase
        y += 18
    # The stage's colour beside the headline (the words say it; the colour ties it to the
    # staircase and the ribbon).
    (headline,), size = c.fit(card.headline, headline_px, width - headline_px * 0.72 - 14,
                              bold=not card.name, smallest=20)
    square = size * 0.72
    y += 14 + size
    c.box(MARGIN, y - square, square, square, STAGE_COLORS[card.stage], radius=4)
    c.text(MARGIN + square + 14, y, headline, size, bold=not card.name)


STEP_W, STEP_RISE, STAIRS_BASE = 150, 44, 440


def _staircase(c: _Canvas, card: CardData) -> None:
    """The four steps, left to right and up; names above each, "you" on the member's."""
    gap = 8
    for i, (stage, name, visited) in enumerate(card.steps):
        x = MARGIN + i * STEP_W
        top = STAIRS_BASE - (i + 1) * STEP_RISE
        current = stage == card.stage
        if visited or current:
            c.box(x, top, STEP_W - gap, STAIRS_BASE - top, STAGE_COLORS[stage], radius=6)
        else:  # a step never reached: its colour faint, its outline dashed
            c.box(x, top, STEP_W - gap, STAIRS_BASE - top, STAGE_COLORS[stage], alpha=0.22,
                  radius=6)
            c.box(x, top, STEP_W - gap, STAIRS_BASE - top, "none", radius=6,
                  edge=STAGE_COLORS[stage], dashed=True)
        lines, size = c.fit(name, 22, STEP_W - gap, bold=current, lines=2, smallest=15)
        for k, line in enumerate(reversed(lines)):
            c.text(x, top - 10 - k * (size + 4), line, size, bold=current,
                   color=INK if visited or current else MUTED)
        if current:
            pad = 9
            (you,), size = c.fit(card.you, 19, STEP_W - gap - 2 * pad - 8, bold=True)
            w = c.width(you, size, bold=True) + 2 * pad
            c.box(x + 10, top + 9, w, size + 12, INK, radius=(size + 12) / 2)
            c.text(x + 10 + w / 2, top + 9 + (size + 12) / 2, you, size, bold=True,
                   color=PAPER, ha="center", va="center_baseline")
    c.line((MARGIN - 4, MARGIN + 4 * STEP_W - gap + 4), (STAIRS_BASE, STAIRS_BASE), RULE, 1.5)


def _number_column(c: _Canvas, card: CardData) -> None:
    """The three numbers, one under the other, right of the staircase, spread over the
    staircase's height."""
    x = MARGIN + 4 * STEP_W + 32
    width = WIDTH - MARGIN - x
    value_px, label_px, line = 48, 21, 25
    laid = []
    for number in card.numbers:
        (value,), vsize = c.fit(number.value, value_px, width, bold=True)
        lines, lsize = c.fit(number.label, label_px, width, lines=2, smallest=15,
                             squeeze=0.95)
        laid.append((value, vsize, lines, lsize))
    top, bottom = 206.0, float(STAIRS_BASE)
    heights = [vsize * 0.78 + 10 + len(lines) * line for _, vsize, lines, _ in laid]
    gap = max(10.0, (bottom - top - sum(heights)) / max(len(laid) - 1, 1))
    y = top
    for (value, vsize, lines, lsize), height in zip(laid, heights, strict=True):
        baseline = y + vsize * 0.74
        c.text(x, baseline, value, vsize, bold=True)
        for k, text in enumerate(lines):
            c.text(x, baseline + 8 + lsize * 0.76 + k * line + 4, text, lsize, color=MUTED)
        y += height + gap


RIBBON_TOP, RIBBON_H = 500, 34


def _ribbon(c: _Canvas, card: CardData) -> None:
    """Every month's stage as one coloured bar; a gap and a tick where each period of the
    axis starts, its label under its middle (those too narrow for theirs go without)."""
    left, right = MARGIN, WIDTH - MARGIN
    months = months_between(card.first, card.last)
    index = {m: i for i, m in enumerate(months)}
    scale = (right - left) / len(months)
    c.text(left, RIBBON_TOP - 12, card.ribbon_title, 19, bold=True, color=MUTED)
    c.box(left, RIBBON_TOP, right - left, RIBBON_H, RULE, alpha=0.5, radius=5)
    for run in card.runs:
        x1 = left + index[run.first] * scale
        x2 = left + (index[run.last] + 1) * scale
        c.box(x1, RIBBON_TOP, max(x2 - x1, 2.0), RIBBON_H, STAGE_COLORS[run.stage],
              radius=0 if len(card.runs) > 1 else 5)
    label_px = 18
    for label in card.axis:
        if label.start > 0:  # a gap in the ribbon, a tick under it
            x = left + label.start * scale
            c.line((x, x), (RIBBON_TOP, RIBBON_TOP + RIBBON_H), PAPER, 2)
            c.line((x, x), (RIBBON_TOP + RIBBON_H + 3, RIBBON_TOP + RIBBON_H + 11), MUTED,
                   1.5)
        if label.text and ((label.end - label.start) * scale
                           >= c.width(label.text, label_px) + 6 or len(card.axis) == 1):
            c.text(left + (label.start + label.end) / 2 * scale, RIBBON_TOP + RIBBON_H + 26,
                   label.text, label_px, color=MUTED, ha="center")


def _draw(card: CardData) -> _Canvas:
    c = _Canvas()
    c.ax.add_collection(_band(), autolim=False)
    _header(c, card)
    _staircase(c, card)
    _number_column(c, card)
    _ribbon(c, card)
    (footer,), size = c.fit(card.footer, 16, WIDTH - 2 * MARGIN)
    c.text(MARGIN, HEIGHT - 24, footer, size, color=MUTED)
    return c


def _band() -> Any:
    """The four stage colours as a thin band along the top edge."""
    from matplotlib.collections import PolyCollection

    quarter = WIDTH / 4
    return PolyCollection(
        [((i * quarter, 0), ((i + 1) * quarter, 0), ((i + 1) * quarter, 8), (i * quarter, 8))
         for i in range(4)], facecolors=[STAGE_COLORS[s] for s in STAGES], edgecolors="none")


def render_card(card: CardData, image_format: CardFormat) -> bytes:
    """The card as PNG (1200×630 pixels) or SVG (viewBox 0 0 1200 630, text as paths, a
    <title> and <desc> for screen readers): the same card, the same bytes."""
    import logging
    import warnings

    import matplotlib

    # A character no installed font has (a script matplotlib cannot draw) is an empty box on
    # the card, which its owner sees before sharing; matplotlib's warnings about it, and
    # font_manager's about a fallback font without a bold weight, are no use on the terminal.
    fonts = logging.getLogger("matplotlib.font_manager")
    level = fonts.level
    fonts.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings(), matplotlib.rc_context(_RC):
            warnings.filterwarnings("ignore", message="Glyph .* missing from font")
            canvas = _draw(card)
            buffer = io.BytesIO()
            if image_format == "png":
                canvas.figure.savefig(buffer, format="png", dpi=DPI,
                                      metadata={"Software": None})
                return buffer.getvalue()
            canvas.figure.savefig(buffer, format="svg",
                                  metadata={"Date": None, "Creator": None, "Format": None,
                                            "Type": None})
    finally:
        fonts.setLevel(level)
    return _pixels_svg(buffer.getvalue().decode("utf-8"), card).encode("utf-8")


def _pixels_svg(svg: str, card: CardData) -> str:
    """matplotlib's SVG (in points, 72 a inch) as a 1200×630 pixel drawing, named."""
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.S)
    opening = re.match(r"<svg\b[^>]*>", svg)
    assert opening is not None
    body = svg[opening.end():svg.rindex("</svg>")]
    title = " · ".join(part for part in (card.name, card.headline) if part)
    return ('<?xml version="1.0" encoding="utf-8" standalone="no"?>\n'
            f'<svg xmlns="http://www.w3.org/2000/svg" '
            f'xmlns:xlink="http://www.w3.org/1999/xlink" width="{WIDTH}" height="{HEIGHT}" '
            f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" lang="{card.lang}">'
            f'<title>{escape(title)}</title><desc>{escape(card.description)}</desc>'
            f'<g transform="scale({DPI / 72:.6f})">{body}</g></svg>\n')
