"""The cohort page (`linkedin-stages cohort`): a `Cohort` and its `CohortStats` → words,
numbers and drawing geometry in the page's language (`build_cohort_view`), then one
self-contained HTML page (`build_cohort_report`).

The month-by-month shares reuse the report's 100 % chart (`charts.ShareAreasSpec`, drawn by
matplotlib, months with few members observed outlined); the time-to-next-stage curves and
each member's trajectory ribbon are small SVGs the template writes from the geometry built
here (hundreds of members: no matplotlib per row), every value escaped by Jinja2.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .. import __version__
from ..analysis import describe
from ..analysis.cohort import Cohort, CohortMember
from ..analysis.cohort_stats import CohortStats, Survival
from ..analysis.model import STAGES, Stage
from ..i18n import formatting
from ..i18n.catalogue import catalogue
from ..i18n.notices import word
from ..months import month_count, months_between, plus_months
from ..templating import environment
from . import charts
from .common import Chart, LegendItem, StageBadge, Stat, Table
from .draw import drawn

FEW_OBSERVED = 3  # months with fewer members observed are outlined, not split into shares
CURVE_STYLES = ("", "6 3", "2 2", "8 3 2 3")  # dash patterns: the curves differ by more than hue
CURVE_COLORS = (charts.BLUE, charts.VERMILLION, charts.GREEN, charts.PURPLE)
# the left margin holds "100 %" at the phone's larger tick size (report.css)
KM_W, KM_H, KM_LEFT, KM_BOTTOM = 640.0, 240.0, 72.0, 28.0
KM_RIGHT, KM_TOP = 28.0, 16.0  # room for half the last year's label, the top label
RIBBON_W, RIBBON_H = 160.0, 14.0
GROUP_NAMES = {"present": "group_present", "contributors": "group_contributors",
               "power_networker": "group_power_networker"}  # the article's groups' words


@dataclass(frozen=True)
class GroupRow:
    name: str
    stages: str
    count: str
    share: str
    article: str
    share_pct: float  # 0–100, the bar's width
    article_pct: float


@dataclass(frozen=True)
class Curve:
    label: str
    sentence: str
    color: str
    dash: str
    points: str  # the polyline's points, in the drawing's units
    ticks: tuple[tuple[float, float], ...]  # censored members: (x, y) of each tick


@dataclass(frozen=True)
class Axis:
    x_ticks: tuple[tuple[float, str], ...]
    y_ticks: tuple[tuple[float, str], ...]


@dataclass(frozen=True)
class Segment:
    x: float
    width: float
    color: str
    stage: str


@dataclass(frozen=True)
class MemberRow:
    name: str
    badge: StageBadge
    since: str
    held: str
    segments: tuple[Segment, ...]
    ribbon_label: str
    next_step: str
    snapshots: str


@dataclass(frozen=True)
class CohortView:
    lang: str
    version: str
    title: str
    subtitle: str
    t: Mapping[str, str]
    redacted: str
    headline: tuple[Stat, ...]
    now_sentence: str
    groups: tuple[GroupRow, ...]
    unknown: str
    shares: Chart | None
    transitions: Table | None
    moves: str
    curves: tuple[Curve, ...]
    km_axis: Axis
    km_table: Table | None
    km_empty: str
    precursors: Table | None
    precursors_sentence: str
    members: tuple[MemberRow, ...]
    ribbon_span: str
    stage_key: tuple[StageBadge, ...]  # the ribbons' colours and their stages
    unreadable: tuple[tuple[str, str], ...]
    geometry: Mapping[str, float]


def _badge(stage: Stage | None, lang: str) -> StageBadge:
    return StageBadge(stage or "unknown", describe.stage_name(stage, lang),
                      charts.STAGE_COLORS[stage])


def _groups(stats: CohortStats, lang: str, t: Mapping[str, str]) -> tuple[GroupRow, ...]:
    rows = []
    for g in stats.groups:
        rows.append(GroupRow(
            t[GROUP_NAMES[g.group]],
            formatting.format_list([describe.stage_name(s, lang) for s in g.stages], lang),
            formatting.integer(g.count, lang), formatting.percent(g.share, lang),
            formatting.percent(g.article, lang), round(100 * g.share, 1),
            round(100 * g.article, 1)))
    return tuple(rows)


def _shares_chart(stats: CohortStats, lang: str, t: Mapping[str, str]) -> Chart | None:
    months = stats.months
    if not months:
        return None
    known = [sum(m.counts[s] for s in STAGES) for m in months]
    series = tuple(
        charts.Series(describe.stage_name(s, lang), charts.STAGE_COLORS[s],
                      tuple(m.counts[s] / k if k else float("nan")
                            for m, k in zip(months, known, strict=True)), style=i)
        for i, s in enumerate(STAGES))
    last = months[-1]
    summary = t["shares_desc"].format(
        first=formatting.month(months[0].month, lang), last=formatting.month(last.month, lang),
        observed=formatting.integer(last.observed, lang),
        shares=formatting.format_list(
            [f"{describe.stage_name(s, lang)} "
             f"{formatting.percent(last.counts[s] / known[-1], lang)}" for s in STAGES]
            if known[-1] else [], lang),
        few=formatting.integer(FEW_OBSERVED, lang))
    spec = charts.ShareAreasSpec(
        "cohort_shares", t["shares_title"], summary, tuple(charts.month_x(m.month) for m in months),
        series, lang, months[0].month, last.month, 1 / 12 * 0.9, tuple(float(k) for k in known),
        FEW_OBSERVED, t["shares_volume"])
    yearly = [m for m in months if m.month.endswith("-12") or m is last]
    table = Table(
        (t["month"], *(describe.stage_name(s, lang) for s in STAGES), t["unknown_col"],
         t["observed"]),
        tuple((formatting.month(m.month, lang, short=True),
               *(formatting.integer(m.counts[s], lang) for s in STAGES),
               formatting.integer(m.counts["unknown"], lang),
               formatting.integer(m.observed, lang)) for m in yearly),
        (False, True, True, True, True, True, True))
    legend = tuple(LegendItem(s.label, s.color, style=charts.legend_class(s)) for s in series)
    return Chart("cohort_shares", t["shares_title"], spec, summary, legend, table)


def _transitions(stats: CohortStats, lang: str, t: Mapping[str, str]) -> Table | None:
    moves = stats.transitions
    if not any(moves.row_total(s) for s in STAGES):
        return None
    rows = []
    for a in STAGES:
        total = moves.row_total(a)
        cells = []
        for b in STAGES:
            count = moves.counts[a][b]
            share = formatting.percent(count / total, lang) if total else ""
            cells.append(f"{formatting.integer(count, lang)} ({share})" if total else "—")
        rows.append((describe.stage_name(a, lang), *cells, formatting.integer(total, lang)))
    head = (t["from_to"], *(describe.stage_name(s, lang) for s in STAGES), t["months_col"])
    return Table(head, tuple(rows), (False, True, True, True, True, True))


def _curve_label(s: Survival, lang: str, t: Mapping[str, str]) -> str:
    goal = describe.stage_name(s.goal, lang)
    if s.start == "registration":
        return t["curve_registration"].format(goal=goal)
    return t["curve_stage"].format(start=describe.stage_name(s.start, lang), goal=goal)


def _km(stats: CohortStats, lang: str, t: Mapping[str, str]
        ) -> tuple[tuple[Curve, ...], Axis, Table | None]:
    curves = [s for s in stats.survival if s.members]
    horizon = max((p.month for s in curves for p in s.points), default=12) or 12
    horizon = max(12, -(-horizon // 12) * 12)
    plot_w, plot_h = KM_W - KM_LEFT - KM_RIGHT, KM_H - KM_BOTTOM - KM_TOP

    def x(month: float) -> float:
        return round(KM_LEFT + plot_w * month / horizon, 1)

    def y(share: float) -> float:
        return round(KM_TOP + plot_h * (1 - share), 1)

    out = []
    for i, s in enumerate(curves):
        points, ticks, level = [(x(0), y(1.0))], [], 1.0
        for p in s.points:
            points.append((x(p.month), y(level)))  # a step: flat, then down
            level = p.remaining
            points.append((x(p.month), y(level)))
            if p.censored:
                ticks.append((x(p.month), y(level)))
        last = max((p.month for p in s.points), default=0)
        points.append((x(last), y(level)))
        median = (t["curve_median"].format(months=formatting.integer(s.median_months, lang))
                  if s.median_months is not None else t["curve_no_median"])
        sentence = t["curve_sentence"].format(
            label=_curve_label(s, lang, t), members=formatting.integer(s.members, lang),
            reached=formatting.integer(s.reached, lang),
            censored=formatting.integer(s.censored, lang), median=median)
        out.append(Curve(_curve_label(s, lang, t), sentence, CURVE_COLORS[i % 4],
                         CURVE_STYLES[i % 4], " ".join(f"{a},{b}" for a, b in points),
                         tuple(ticks)))
    step = 12 if horizon <= 72 else 24
    axis = Axis(tuple((x(m), t["years_tick"].format(years=formatting.integer(m // 12, lang)))
                      for m in range(0, horizon + 1, step)),
                tuple((y(v), formatting.percent(v, lang)) for v in (0, 0.25, 0.5, 0.75, 1)))
    table = None
    if curves:
        marks = [m for m in (6, 12, 24, 36, 60, 120) if m <= horizon]

        def remaining(s: Survival, month: int) -> str:
            last = max((p.month for p in s.points), default=0)
            if month > last:
                return "—"
            value = 1.0
            for p in s.points:
                if p.month <= month:
                    value = p.remaining
            return formatting.percent(value, lang)

        table = Table((t["curve_col"], *(t["after_months"].format(
            months=formatting.integer(m, lang)) for m in marks)),
            tuple((_curve_label(s, lang, t), *(remaining(s, m) for m in marks))
                  for s in curves), (False, *(True for _ in marks)))
    return tuple(out), axis, table


def _precursors(stats: CohortStats, lang: str, t: Mapping[str, str]
                ) -> tuple[Table | None, str]:
    if not stats.rises or not stats.precursors:
        return None, t["no_rise"]
    rows = tuple(
        (describe.metric_label(p.metric, lang),
         f"{formatting.percent(p.share, lang)} ({formatting.integer(p.grew_before, lang)}/"
         f"{formatting.integer(p.rises, lang)})",
         formatting.percent(p.baseline, lang))
        for p in stats.precursors)
    head = (t["behaviour"], t["before_rise"], t["otherwise"])
    top = stats.precursors[0]
    sentence = t["precursors_sentence"].format(
        rises=formatting.integer(stats.rises, lang),
        metric=describe.metric_label(top.metric, lang), share=formatting.percent(top.share, lang),
        baseline=formatting.percent(top.baseline, lang))
    return Table(head, rows, (False, True, True)), sentence


def _ribbon(member: CohortMember, span: Sequence[str], lang: str
            ) -> tuple[tuple[Segment, ...], str]:
    """Runs of one stage over the group's calendar span, and their text alternative."""
    if not span:
        return (), ""
    first = span[0]
    unit = RIBBON_W / len(span)
    runs: list[tuple[Stage | None, str, str]] = []  # (stage, first month, last month)
    for month in member.months:
        if month.month < first:
            continue
        if runs and runs[-1][0] == month.stage and plus_months(runs[-1][2], 1) == month.month:
            runs[-1] = (month.stage, runs[-1][1], month.month)
        else:
            runs.append((month.stage, month.month, month.month))
    segments, words = [], []
    for stage, start, end in runs:
        index = month_count(first, start) - 1
        segments.append(Segment(round(index * unit, 2),
                                round(month_count(start, end) * unit, 2),
                                charts.STAGE_COLORS[stage], stage or "unknown"))
        words.append(f"{describe.stage_name(stage, lang)} "
                     f"{formatting.month_span(start, end, lang)}")
    return tuple(segments), "; ".join(words)


def _member_row(member: CohortMember, span: Sequence[str], lang: str,
                t: Mapping[str, str]) -> MemberRow:
    segments, label = _ribbon(member, span, lang)
    step = member.next_step
    if step is not None:
        next_step = t["next_step"].format(
            metric=describe.metric_label(step.metric, lang),
            now=formatting.decimal(step.now, lang), target=formatting.decimal(step.target, lang))
    elif member.current_stage == "power_networker":
        next_step = t["top_reached"]
    else:
        next_step = "—"
    since = member.current_since
    held = (formatting.duration(month_count(since, member.last_month), lang)
            if since and member.current_stage else "")
    return MemberRow(
        member.name or member.label, _badge(member.current_stage, lang),
        formatting.month(since, lang, short=True) if since and member.current_stage else "—",
        held, segments, label, next_step,
        formatting.integer(len(member.snapshots), lang) if len(member.snapshots) > 1 else "")


def build_cohort_view(cohort: Cohort, stats: CohortStats, *, lang: str = "en") -> CohortView:
    words = catalogue(lang)
    t = words.table("cohort")
    members = cohort.members
    known = sum(stats.now[s] for s in STAGES)
    first, last = cohort.first_month, cohort.last_month
    span = months_between(first, last) if first and last else []
    headline = (
        Stat(t["members"], formatting.integer(stats.members, lang)),
        Stat(t["exports_read"], formatting.integer(sum(len(m.snapshots) for m in members), lang)),
        Stat(t["not_read"], formatting.integer(len(cohort.unreadable), lang)),
        Stat(t["period"], formatting.month_span(first, last, lang) if first and last else "—"),
    )
    now_sentence = (t["now_sentence"].format(
        known=formatting.integer(known, lang), shares=formatting.format_list(
            [f"{describe.stage_name(s, lang)} {formatting.integer(stats.now[s], lang)}"
             for s in STAGES], lang)) if known else t["now_none"])
    unknown = (t["unknown_members"].format(count=formatting.integer(stats.now["unknown"], lang))
               if stats.now["unknown"] else "")
    moves = stats.transitions
    moves_sentence = t["moves_sentence"].format(
        up=formatting.integer(moves.members_up, lang),
        down=formatting.integer(moves.members_down, lang),
        steady=formatting.integer(moves.members_steady, lang))
    curves, axis, km_table = _km(stats, lang, t)
    precursors, precursors_sentence = _precursors(stats, lang, t)
    return CohortView(
        lang=lang, version=__version__, title=t["title"],
        subtitle=t["subtitle"].format(count=formatting.integer(stats.members, lang)),
        t=t, redacted=t["redacted"] if cohort.redacted else "", headline=headline,
        now_sentence=now_sentence, groups=_groups(stats, lang, t), unknown=unknown,
        shares=_shares_chart(stats, lang, t), transitions=_transitions(stats, lang, t),
        moves=moves_sentence, curves=curves, km_axis=axis, km_table=km_table,
        km_empty="" if curves else t["km_empty"], precursors=precursors,
        precursors_sentence=precursors_sentence,
        members=tuple(_member_row(m, span, lang, t) for m in members),
        ribbon_span=(t["ribbon_span"].format(span=formatting.month_span(first, last, lang))
                     if first and last else ""),
        stage_key=tuple(_badge(s, lang) for s in (*STAGES, None)),
        unreadable=tuple((u.label, word(u.reason, lang)) for u in cohort.unreadable),
        geometry={"km_w": KM_W, "km_h": KM_H, "km_left": KM_LEFT, "km_bottom": KM_BOTTOM,
                  "km_right": KM_RIGHT, "ribbon_w": RIBBON_W, "ribbon_h": RIBBON_H},
    )


def build_cohort_report(cohort: Cohort, stats: CohortStats, *, lang: str = "en") -> str:
    """The cohort page as one self-contained HTML string (same inputs, same string)."""
    view = drawn(build_cohort_view(cohort, stats, lang=lang))
    words = {**catalogue(lang).table("report"), **view.t}
    return environment().get_template("cohort.html.j2").render(view=view, t=words)
