"""What the report and the comparison page share: view pieces, the context, two sections.

Both pages are views of analysis results (`viewmodel.build_view` for one archive's
`ReportData`, `compare_view.build_compare_view` for two): the small frozen dataclasses they
both show (tables, charts as specifications, badges, ranked lists, the trajectory), the
`ReportContext` every section is built from (language, strings, month → stage, datasets
absent), and the pieces the comparison reuses (`trajectory_view`, `ranked_items`) live
here, so neither page reaches into the other's privates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from markupsafe import Markup

from ..analysis import describe
from ..analysis.model import STAGES, MonthStage, Stage, Timeline
from ..analysis.ranking import Counted
from ..i18n import formatting
from ..i18n.catalogue import catalogue
from ..links import clip
from ..months import month_count
from . import charts
from .charts import STAGE_COLORS, ChartSpec

if TYPE_CHECKING:
    from ..analysis.compare import SideFacts
    from ..analysis.report_data import ArchiveFacts

LABEL_LIMIT = 80  # characters of a company, position, name or hashtag shown in a list

# ---------------------------------------------------------------------------- view classes


@dataclass(frozen=True)
class Table:
    head: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]  # right-aligned columns


@dataclass(frozen=True)
class LegendItem:
    label: str
    color: str
    dashed: bool = False
    mark: str = ""  # text in the swatch: a stage's ladder number
    style: str = ""  # the swatch's CSS class: its hatching or marker (charts.legend_class)


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    spec: ChartSpec  # what to draw (plain data)
    summary: str  # the text alternative, shown under the chart
    legend: tuple[LegendItem, ...] = ()
    table: Table | None = None  # the data, in a <details>
    drawn: Markup | None = None  # the SVG, once `draw.drawn` has drawn the view's charts
    note: str = ""  # how the chart is drawn (marks, outlines, the stage bands), after summary

    @property
    def svg(self) -> Markup:
        """The chart's SVG: as drawn by `draw.drawn`, else drawn now (a page whose view was
        not drawn beforehand still shows its charts)."""
        return self.drawn if self.drawn is not None else charts.draw(self.spec)


@dataclass(frozen=True)
class StageBadge:
    stage: Stage | Literal["unknown"]  # "unknown": no stage (the rules could not place it)
    name: str
    color: str


@dataclass(frozen=True)
class Stat:
    label: str
    value: str


@dataclass(frozen=True)
class TransitionView:
    month: str
    text: str
    direction: str  # "up", "down" or ""
    direction_label: str


@dataclass(frozen=True)
class Period:
    badge: StageBadge
    text: str


@dataclass(frozen=True)
class Trajectory:
    chart: Chart
    transitions: tuple[TransitionView, ...]
    periods: tuple[Period, ...]
    no_change: str  # sentence when there was no transition, else ""


@dataclass(frozen=True)
class Ranked:
    text: str  # clipped for display
    count: str
    full: str = ""  # the whole text when it was clipped (shown as a tooltip), else ""



# Which dataset each metric comes from: a metric whose datasets are all absent from the
# archive is unknown ("—"), not zero.
METRIC_SOURCES = {
    "reactions": ("reactions",), "comments": ("comments",), "reposts": ("reposts",),
    "curated_shares": ("shares",), "commented_shares": ("shares",),
    # LinkedIn adds the Articles folder only for members who wrote one: with Shares.csv
    # present, no folder means no article.
    "original_posts": ("shares",), "articles": ("articles", "shares"),
    "connections_added": ("connections",), "connections_total": ("connections",),
    "invitations_in": ("invitations",), "invitations_out": ("invitations",),
}


class ReportContext:
    """What every section needs: the language, its strings and the month → stage map."""

    def __init__(self, archive: ArchiveFacts | SideFacts, timeline: Timeline, lang: str
                 ) -> None:
        self.timeline = timeline
        self.lang = lang
        self.words = catalogue(lang)
        self.t = self.words.table("report")
        self.months = [m.month for m in timeline.months]
        self.stage_of = {m.month: m.stage for m in timeline.months}
        self.columns = timeline.monthly.to_dict(as_series=False)
        self._floats: dict[str, list[float]] = {}
        self.absent = set(archive.missing)

    def known(self, *metrics: str) -> bool:
        """Whether the archive can show any of `metrics` (some dataset behind them exists)."""
        return any(source not in self.absent for metric in metrics
                   for source in METRIC_SOURCES.get(metric, (metric,)))

    def stage_name(self, stage: Stage | None) -> str:
        return describe.stage_name(stage, self.lang)

    def stage_in_sentence(self, stage: Stage | None) -> str:
        """The stage inside a sentence ("the producer stage", "au stade du producteur")."""
        return describe.stage_in_sentence(stage, self.lang)

    def badge(self, stage: Stage | None) -> StageBadge:
        return StageBadge(stage or "unknown", self.stage_name(stage), STAGE_COLORS[stage])

    def column(self, name: str) -> list[float]:
        """A monthly metric as floats (zeros when absent). Built once: sections index it
        month by month."""
        if name not in self._floats:
            values = self.columns.get(name)
            self._floats[name] = ([0.0] * len(self.months) if values is None
                                  else [float(v or 0) for v in values])
        return self._floats[name]

    def fmt(self, key: str, **values: object) -> str:
        return self.t[key].format(**values)

    def counted(self, key: str, count: int) -> str:
        """A plural entry of `[report]` ("1 week", "12 mots"), the number formatted."""
        return self.words.plural(f"report.{key}", count, count=self.num(count))

    def dataset_name(self, dataset: str) -> str:
        return self.words["datasets"].get(dataset, dataset.replace("_", " "))

    def limits(self, dataset: str, english: str) -> str:
        """What the absence of `dataset` limits (`english`, the spec's own words, when the
        catalogue has none)."""
        return self.words["limits"].get(dataset, english)

    def num(self, value: float) -> str:
        return formatting.integer(value, self.lang)

    def month(self, ym: str, short: bool = False) -> str:
        return formatting.month(ym, self.lang, short=short)


def stage_runs(months: Sequence[MonthStage]) -> list[charts.Run]:
    runs: list[charts.Run] = []
    for m in months:
        if runs and runs[-1].stage == m.stage:
            runs[-1] = charts.Run(m.stage, runs[-1].first, m.month)
        else:
            runs.append(charts.Run(m.stage, m.month, m.month))
    return runs


def trajectory_view(ctx: ReportContext) -> Trajectory:
    tl, t, lang = ctx.timeline, ctx.t, ctx.lang
    runs = stage_runs(tl.months)
    periods = tuple(
        Period(ctx.badge(r.stage), ctx.fmt(
            "period_item", stage=ctx.stage_name(r.stage),
            span=formatting.month_span(r.first, r.last, lang),
            duration=formatting.duration(month_count(r.first, r.last), lang)))
        for r in runs
    )
    transitions = []
    marks = []
    for tr in tl.transitions:
        if tr.from_stage in STAGES and tr.to_stage in STAGES:
            up = STAGES.index(tr.to_stage) > STAGES.index(tr.from_stage)
            direction = "up" if up else "down"
        else:
            direction = ""
        transitions.append(TransitionView(
            month=ctx.month(tr.month, short=True),
            text=ctx.fmt("transition_item", month=ctx.month(tr.month),
                         from_stage=ctx.stage_name(tr.from_stage),
                         to_stage=ctx.stage_name(tr.to_stage)),
            direction=direction,
            direction_label=t[f"transition_{direction}"] if direction else ""))
        marks.append(charts.Mark(tr.month, ctx.month(tr.month, short=True), tr.from_stage,
                                 tr.to_stage))
    lane_names: dict[Stage | None, str] = {s: ctx.stage_name(s) for s in (*STAGES, None)}
    title = ctx.fmt("lanes_title", first=ctx.month(ctx.months[0]),
                    last=ctx.month(ctx.months[-1]))
    description = ctx.fmt("lanes_desc", periods="; ".join(p.text for p in periods))
    spec = charts.LanesSpec("lanes", title, description, tuple(runs),
                            tuple(lane_names.items()), tuple(marks), ctx.months[0],
                            ctx.months[-1])
    no_change = ""
    if not transitions:
        no_change = ctx.fmt("no_transition", stage=ctx.stage_name(tl.current_stage))
    chart = Chart("lanes", title, spec, description,
                  legend=tuple(LegendItem(ctx.stage_name(s), STAGE_COLORS[s])
                               for s in (*STAGES, None) if any(r.stage == s for r in runs)))
    return Trajectory(chart, tuple(transitions), periods, no_change)


def ranked_items(items: Sequence[Counted], lang: str) -> tuple[Ranked, ...]:
    """Counted values as a list to show: clipped (the whole text kept for a tooltip), counts
    in `lang`."""
    return tuple(Ranked(clip(item.value, LABEL_LIMIT), formatting.integer(item.count, lang),
                        item.value if len(item.value) > LABEL_LIMIT else "")
                 for item in items)

