"""The report's view model: plain frozen dataclasses between the analysis and the template.

`build_view(data, lang=…, now=…)` words and lays out a finished `ReportData`
(`analysis.report_data.analyze_for_report`, perhaps redacted by `redact.py`): words already in
the right language, numbers and dates already formatted, charts as specifications
(`charts.…Spec`, drawn afterwards by `draw.drawn`). One builder per section, no polars and no
Export: the counting, grouping and joining is the analysis' (only the chart totals by year and
quarter are summed here, in plain Python over the finished monthly columns).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, is_dataclass
from datetime import date, datetime, timedelta

from .. import __version__
from ..analysis import describe
from ..analysis.model import STAGES, Stage
from ..analysis.network import JoinedDuring
from ..analysis.report_data import EngagementFigures, Figure, ReportData
from ..analysis.voice import ExamplePost
from ..i18n import formatting
from ..i18n.catalogue import check_language
from ..i18n.notices import word
from ..links import clip, first_line, linkedin_url
from ..months import month_count
from ..readers import SPECS
from ..safe_output import safe_label
from . import charts
from .charts import STAGE_COLORS, Series
from .common import (
    LABEL_LIMIT,
    Chart,
    LegendItem,
    Ranked,
    ReportContext,
    StageBadge,
    Stat,
    Table,
    Trajectory,
    ranked_items,
    stage_runs,
    trajectory_view,
)

# ---------------------------------------------------------------------------- view classes


@dataclass(frozen=True)
class StageInfo:
    number: int
    badge: StageBadge
    summary: str
    current: bool


@dataclass(frozen=True)
class Evidence:
    """One number that puts the member on their stage: "12" "own posts a month"."""

    value: str
    label: str


@dataclass(frozen=True)
class KeyNumber:
    """A total of the last 12 months and how it moved against the 12 before."""

    label: str
    value: str
    change: str  # "↗ +12% (137 the year before)", or "" without a year before
    direction: str  # "up", "down", "same" or ""


@dataclass(frozen=True)
class Verdict:
    """The first screen's why: the numbers behind the stage, the peak and the next step."""

    evidence: tuple[Evidence, ...]
    rule: str  # what the stage asks for, with the window the numbers cover
    peak: str  # the highest stage and any fall back since, or ""
    busiest: str  # the busiest month, or ""
    next_step: str  # the plan's first step still to take, in one line, or ""


@dataclass(frozen=True)
class Where:
    badge: StageBadge
    since: str
    sentence: str
    ladder: Chart  # the staircase diagram
    stages: tuple[StageInfo, ...]
    shares_note: str
    stats: tuple[KeyNumber, ...]  # the last 12 months, against the 12 before
    verdict: Verdict


@dataclass(frozen=True)
class Activity:
    publishing: Chart | None
    taking_part: Chart | None
    mix: Chart | None
    mix_note: str  # why the mix chart is left out (no quarter holds enough items), or ""
    nothing_published: str
    missing_note: str  # which activity files the archive lacks, or ""


@dataclass(frozen=True)
class JoinedGroup:
    badge: StageBadge
    span: str
    count: str
    companies: tuple[Ranked, ...]
    positions: tuple[Ranked, ...]
    first: tuple[str, ...]


@dataclass(frozen=True)
class Network:
    chart: Chart | None
    empty: str
    invitations_note: str
    joined: tuple[JoinedGroup, ...]


@dataclass(frozen=True)
class PostView:
    date: str
    iso_date: str
    kind: str
    text: str
    link: str | None  # an https://www.linkedin.com/… URL, or None
    words: str
    domain: str  # the shared link's site, shown as text (never a link)
    redacted: bool = False  # `text` describes the post (kind, length, signals), no words of it


@dataclass(frozen=True)
class StageVoice:
    badge: StageBadge
    own: str  # own posts and shares in the stage's months: the key numbers' own totals
    shared: str
    median_words: str
    business: str
    hashtags: tuple[Ranked, ...]
    examples: tuple[PostView, ...]
    none_note: str


@dataclass(frozen=True)
class Voice:
    chart: Chart | None
    empty: str
    stages: tuple[StageVoice, ...]


@dataclass(frozen=True)
class Rhythm:
    chart: Chart | None
    empty: str
    intro: str
    stats: tuple[Stat, ...]


@dataclass(frozen=True)
class MonthRow:
    label: str
    iso: str
    badge: StageBadge
    cells: tuple[str, ...]
    reasons: tuple[str, ...]
    raw_note: str


@dataclass(frozen=True)
class GridCell:
    """One month of the year × month grid: its stage's colour and number (readable in grey)."""

    badge: StageBadge
    mark: str  # the stage's number on the ladder, "?" when unknown
    label: str  # "March 2021: Producer"


@dataclass(frozen=True)
class StageGrid:
    """Every month on one page: a row a year, a column a month (None: outside the archive)."""

    months: tuple[str, ...]  # short month names, January first
    rows: tuple[tuple[str, tuple[GridCell | None, ...]], ...]
    legend: tuple[tuple[str, StageBadge], ...]  # mark and stage, in ladder order


@dataclass(frozen=True)
class YearBlock:
    year: str
    summary: str
    badges: tuple[StageBadge, ...]
    open: bool
    rows: tuple[MonthRow, ...]


@dataclass(frozen=True)
class PlanStepView:
    label: str
    now: str
    target: str
    met: bool
    progress: int  # 0–100


@dataclass(frozen=True)
class PlanView:
    heading: str
    badge: StageBadge
    intro: str
    steps: tuple[PlanStepView, ...]
    missing: tuple[str, ...]
    verdict: str
    reachable: bool
    notes: tuple[str, ...]


@dataclass(frozen=True)
class About:
    found: Table
    missing: Table | None
    limitations: tuple[str, ...]
    method: tuple[str, ...]
    thresholds: Table
    warnings: tuple[str, ...]
    facts: tuple[Stat, ...]


@dataclass(frozen=True)
class Section:
    id: str
    title: str


@dataclass(frozen=True)
class FigureStat:
    """A headline figure of the workbook and the days it covers."""

    label: str
    value: str
    period: str  # "11 Nov 2024 – 10 Nov 2025", "on 10 Nov 2025", or ""


@dataclass(frozen=True)
class EngagementView:
    """What others did with the member's posts, from the analytics workbook."""

    intro: str
    stats: tuple[FigureStat, ...]
    notes: tuple[str, ...]  # where the totals come from, what the daily rows and archive cover
    by_kind: Table | None
    months: Table
    audience: tuple[tuple[str, tuple[str, ...]], ...]  # category, its top values


@dataclass(frozen=True)
class RedactionView:
    """The banner of a redacted report (`analyze --redact`): what was removed, what kept."""

    heading: str
    intro: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class ReportView:
    lang: str
    t: Mapping[str, str]
    title: str
    subtitle: str
    sections: tuple[Section, ...]
    where: Where
    trajectory: Trajectory
    activity: Activity
    network: Network
    voice: Voice
    rhythm: Rhythm
    years: tuple[YearBlock, ...]
    grid: StageGrid
    month_head: tuple[str, ...]
    plan: PlanView | None
    plan_none: str
    about: About
    version: str
    engagement: EngagementView | None = None
    redaction: RedactionView | None = None


# ---------------------------------------------------------------------------- building

SECTION_IDS = ("where", "trajectory", "activity", "network", "voice", "rhythm", "months",
               "plan", "about")


def _sentence(text: str) -> str:
    """A reason as a sentence: capital first letter, final full stop."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?", "…")) else f"{text}."


def build_view(data: ReportData, *, lang: str, now: datetime | None = None) -> ReportView:
    """Everything the report shows, worded and laid out (charts as specifications)."""
    check_language(lang)
    if not data.timeline.months:
        raise ValueError("the timeline has no months")
    ctx = ReportContext(data.archive, data.timeline, lang)
    t = ctx.t
    member = data.archive.member_name or ""
    first, last = ctx.months[0], ctx.months[-1]
    return ReportView(
        lang=lang,
        t=t,
        title=ctx.fmt("title", member=member) if member else t["title_anonymous"],
        subtitle=ctx.fmt("subtitle", first=ctx.month(first), last=ctx.month(last)),
        sections=tuple(Section(s, t[s]) for s in SECTION_IDS),
        where=_where(ctx),
        trajectory=trajectory_view(ctx),
        activity=_activity(ctx),
        network=_network(ctx, data),
        voice=_voice(ctx, data),
        rhythm=_rhythm(ctx, data),
        years=_years(ctx),
        grid=_stage_grid(ctx),
        month_head=(t["month_col"], t["stage_col"], t["own_col"], t["shared_col"],
                    t["comments_col"], t["reactions_col"], t["connections_col"], t["why_col"]),
        plan=_plan(ctx),
        plan_none=t["plan_none"],
        about=_about(ctx, data, now),
        version=__version__,
        engagement=_engagement(ctx, data),
        redaction=_redaction(ctx, data),
    )


def _redaction(ctx: ReportContext, data: ReportData) -> RedactionView | None:
    if data.redaction is None:
        return None
    t = ctx.t
    kept = t["redacted_companies"] if data.redaction.companies else t["redacted_kept"]
    return RedactionView(t["redacted_heading"], t["redacted_intro"],
                         (t["redacted_people"], t["redacted_removed"], t["redacted_posts"],
                          kept))


def _engagement(ctx: ReportContext, data: ReportData) -> EngagementView | None:
    """The analytics workbook's figures, when the member gave one (`--analytics`): its own
    totals, each with its days; what its daily rows and the archive cover, when they differ."""
    figures = data.engagement
    if figures is None:
        return None
    t, lang = ctx.t, ctx.lang

    def percent(value: float | None) -> str:
        return formatting.percent(value, lang) if value is not None else "—"

    def count(value: float | None) -> str:
        return ctx.num(value) if value is not None else "—"

    def day(value: date | None) -> str:
        return formatting.day(value, lang, short=True) if value is not None else "—"

    def days(first: date | None, last: date | None) -> str:
        if first is None and last is None:
            return ""
        if first is None:
            return ctx.fmt("engagement_on", day=day(last))
        return ctx.words.text("formats.span", first=day(first), last=day(last))

    def figure(label: str, shown: Figure) -> FigureStat:
        return FigureStat(label, count(shown.value),
                          days(shown.first, shown.last) if shown.value is not None else "")

    daily = figures.daily
    rate = (figures.daily_engagements / daily.value) if daily.value else None
    stats = [
        figure(t["engagement_impressions"], figures.impressions),
        figure(t["engagement_reached"], figures.members_reached),
        figure(t["engagement_engagements"], figures.engagements),
        FigureStat(t["engagement_rate"], percent(rate),
                   days(daily.first, daily.last) if rate is not None else ""),
        figure(t["engagement_followers"], figures.followers_total),
        figure(t["engagement_new_followers"], figures.new_followers),
        FigureStat(t["engagement_matched"], ctx.fmt(
            "engagement_matched_value", matched=ctx.num(figures.matched),
            total=ctx.num(figures.top_posts)), ""),
    ]
    notes = _engagement_notes(ctx, figures, day)
    by_kind = None
    if figures.by_kind:
        by_kind = Table(
            head=(t["engagement_kind_col"], t["engagement_posts_col"],
                  t["engagement_impressions_col"], t["engagement_engagements_col"],
                  t["engagement_rate_col"]),
            rows=tuple((describe.metric_label(_KIND_METRIC.get(row.kind, row.kind), lang),
                        ctx.num(row.posts),
                        count(None if row.impressions_per_post is None
                              else round(row.impressions_per_post)),
                        count(None if row.engagements_per_post is None
                              else round(row.engagements_per_post)),
                        percent(row.rate))
                       for row in figures.by_kind),
            numeric=(False, True, True, True, True))
    months = Table(head=(t["engagement_month_col"], t["engagement_impressions"],
                         t["engagement_engagements"], t["engagement_rate"],
                         t["engagement_followers_col"]),
                   rows=tuple((ctx.month(row.month), ctx.num(row.impressions),
                               ctx.num(row.engagements), percent(row.rate),
                               count(row.new_followers)) for row in figures.months),
                   numeric=(False, True, True, True, True))
    audience: dict[str, list[str]] = {}
    for item in figures.audience:
        audience.setdefault(item.category, []).append(
            f"{item.value} ({formatting.percent(item.share, lang)})" if item.share is not None
            else item.value)
    first, last = figures.period or (None, None)
    return EngagementView(
        intro=ctx.fmt("engagement_intro", files=", ".join(figures.files),
                      first=day(first), last=day(last)),
        stats=tuple(stats), notes=notes, by_kind=by_kind, months=months,
        audience=tuple((category, tuple(values)) for category, values in audience.items()))


def _engagement_notes(ctx: ReportContext, figures: EngagementFigures,
                      day: Callable[[date | None], str]) -> tuple[str, ...]:
    """Where the headline comes from and, when they differ from it, what the daily rows and
    the archive cover: never a partial sum under the full period's name."""
    num, month = ctx.num, ctx.month
    notes: list[str] = []
    daily, period = figures.daily, figures.period
    if figures.totals_from == "daily":
        notes.append(ctx.t["engagement_totals_daily"])
    elif figures.totals_from == "merged" and period is not None:
        notes.append(ctx.fmt("engagement_totals_merged", count=num(len(figures.files)),
                             first=day(period[0]), last=day(period[1])))
    elif period is not None and daily.value is not None:
        total = figures.impressions.value
        if total is not None and daily.value != total:
            notes.append(ctx.fmt("engagement_daily_part", daily=num(daily.value),
                                 total=num(total), first=day(daily.first),
                                 last=day(daily.last)))
        elif (daily.first, daily.last) != period:
            notes.append(ctx.fmt("engagement_daily_span", first=day(daily.first),
                                 last=day(daily.last)))
    if figures.months:
        archive_first, archive_last = figures.archive_months
        spans = {"archive_first": month(archive_first), "archive_last": month(archive_last),
                 "first": month(figures.months[0].month),
                 "last": month(figures.months[-1].month)}
        if figures.overlap is None:
            notes.append(ctx.fmt("engagement_no_overlap", **spans))
        elif any(not m.in_archive for m in figures.months):
            notes.append(ctx.fmt("engagement_overlap", **spans,
                                 both_first=month(figures.overlap[0]),
                                 both_last=month(figures.overlap[1]),
                                 impressions=num(figures.overlap_impressions),
                                 engagements=num(figures.overlap_engagements)))
    if figures.top_posts:
        notes.append(ctx.fmt("engagement_matching", total=num(figures.top_posts),
                             by_id=num(figures.matched_by_id),
                             by_date=num(figures.matched_by_date)))
        if figures.refused_by_date:
            notes.append(ctx.fmt("engagement_refused", count=num(figures.refused_by_date)))
    return tuple(notes)


_KIND_METRIC = {"original": "original_posts", "curated_share": "curated_shares",
                "commented_share": "commented_shares", "reshare": "reposts",
                "article": "articles"}


# ---------------------------------------------------------------------------- 1. where


def _month_totals(ctx: ReportContext) -> list[tuple[str, list[float] | None]]:
    """Each key number's monthly totals (`_month_cells`), None when the archive cannot show
    every metric it adds up: a partial sum under the whole name would say "no posts" in one
    place and "7 posts" in another (a basic archive's articles without its Shares.csv)."""
    out: list[tuple[str, list[float] | None]] = []
    for label, names in _month_cells(ctx.t):
        if all(ctx.known(name) for name in names):
            out.append((label, [sum(values) for values in
                                zip(*(ctx.column(n) for n in names), strict=True)]))
        else:
            out.append((label, None))
    return out


def _last_year_stats(ctx: ReportContext) -> tuple[KeyNumber, ...]:
    """The last 12 months' totals, each against the 12 months before when the archive has
    them."""
    lang = ctx.lang
    result = []
    for label, values in _month_totals(ctx):
        if values is None:
            result.append(KeyNumber(label, "—", "", ""))
            continue
        now = sum(values[-12:])
        change, direction = "", ""
        if len(values) >= 24:
            before = sum(values[-24:-12])
            shown = {"before": ctx.num(before)}
            if before == 0:
                direction = "up" if now else "same"
                change = ctx.fmt("verdict_change_new" if now else "verdict_change_same",
                                 **shown)
            else:
                ratio = now / before - 1
                direction = "same" if abs(ratio) < 0.005 else "up" if ratio > 0 else "down"
                change = ctx.fmt(f"verdict_change_{direction}",
                                 percent=formatting.percent(abs(ratio), lang), **shown)
        result.append(KeyNumber(label, ctx.num(now), change, direction))
    return tuple(result)


def _month_cells(t: Mapping[str, str]) -> list[tuple[str, tuple[str, ...]]]:
    """The key numbers of a month (or a year), and the metrics each one adds up."""
    return [
        (t["own_col"], ("original_posts", "articles")),
        (t["shared_col"], ("curated_shares", "commented_shares", "reposts")),
        (t["comments_col"], ("comments",)),
        (t["reactions_col"], ("reactions",)),
        (t["connections_col"], ("connections_added",)),
    ]


def _where(ctx: ReportContext) -> Where:
    tl, t, lang = ctx.timeline, ctx.t, ctx.lang
    current = tl.current_stage
    visited = {m.stage for m in tl.months}
    names = [ctx.stage_name(s) for s in STAGES]
    shares = {"present": 0.90, "power_networker": 0.01}
    steps = tuple(
        charts.LadderStep(stage=s, name=ctx.stage_name(s),
                          share=f"≈ {formatting.percent(shares[s], lang)}" if s in shares else "",
                          visited=s in visited, current=s == current)
        for s in STAGES
    )
    middle = f"≈ {formatting.percent(0.09, lang)}"
    step_list = ", ".join(f"{i + 1}. {n}" for i, n in enumerate(names))
    if current is not None:
        description = ctx.fmt("ladder_desc", steps=step_list, number=STAGES.index(current) + 1,
                              stage=ctx.stage_name(current))
        since = tl.current_since or ctx.months[0]
        sentence = ctx.fmt(
            "where_sentence", stage=ctx.stage_in_sentence(current), since=ctx.month(since),
            duration=formatting.duration(month_count(since, ctx.months[-1]), lang),
            summary=t[f"you_summary_{current}"])
    else:
        description = ctx.fmt("ladder_desc_unknown", steps=step_list)
        since = ""
        sentence = ctx.fmt("where_sentence_unknown", why=t["where_unknown_why"])
        articles = sum(ctx.column("articles")) if ctx.known("articles") else 0
        if articles:  # what the archive does show, so the page agrees with its charts
            sentence += " " + ctx.words.plural("report.verdict_articles_only", int(articles),
                                               count=ctx.num(articles))
    ladder = charts.LadderSpec("ladder", t["ladder_title"], description, steps, middle,
                               t["you"])
    return Where(
        badge=ctx.badge(current),
        since=ctx.month(since) if since else "",
        sentence=sentence,
        ladder=Chart("ladder", t["ladder_title"], ladder, description),
        stages=tuple(StageInfo(i + 1, ctx.badge(s), describe.stage_summary(s, ctx.lang),
                               s == current)
                     for i, s in enumerate(STAGES)),
        shares_note=t["shares_note"],
        stats=_last_year_stats(ctx),
        verdict=_verdict(ctx),
    )


# The reason codes of the stage rules (analysis/stages.py), whose values are the window rates
# that decided a month.
_RULE_CODES = frozenset({"present", "relay", "relay_comments", "producer", "not_power",
                         "power_networker"})


def _verdict(ctx: ReportContext) -> Verdict:
    """Why the member stands where they do: the rules' own numbers for the last month (the
    window its stage was judged on), the peak and any fall back, the busiest month and the
    plan's first step still to take."""
    return Verdict(*_evidence(ctx), peak=_peak(ctx), busiest=_busiest(ctx),
                   next_step=_next_step(ctx))


def _evidence(ctx: ReportContext) -> tuple[tuple[Evidence, ...], str]:
    tl, lang = ctx.timeline, ctx.lang
    current, th = tl.current_stage, tl.thresholds
    last = tl.months[-1]
    values = next((r.values for r in last.reasons if r.code in _RULE_CODES), None)
    if current is None or values is None:
        return (), ""

    def rate(key: str) -> float:
        value = values.get(key, 0.0)
        return float(value) if isinstance(value, int | float) else 0.0

    def dec(value: float) -> str:
        return formatting.decimal(value, lang, 1)

    def pct(value: float) -> str:
        return formatting.percent(value, lang)

    own = Evidence(dec(rate("own")), ctx.t["verdict_own"])
    shared = Evidence(dec(rate("shared")), ctx.t["verdict_shared"])
    evidence: list[Evidence]
    rule_values: dict[str, str]
    if current == "power_networker":
        evidence = [own, Evidence(pct(rate("business_share")), ctx.t["verdict_business"])]
        if rate("regularity") >= th.power_regularity:
            evidence.append(Evidence(pct(rate("regularity")), ctx.t["verdict_regularity"]))
        else:
            evidence.append(Evidence(dec(rate("outreach")), ctx.t["verdict_outreach"]))
        rule_values = {"posts": dec(th.power_min_posts), "business": pct(th.power_business_share),
                       "regularity": pct(th.power_regularity),
                       "outreach": dec(th.power_prospecting)}
    elif current == "producer":
        evidence = [own, Evidence(pct(rate("own_share")), ctx.t["verdict_own_share"])]
        rule_values = {"level": dec(th.producer_enter), "share": pct(th.producer_share)}
    elif current == "relay":
        evidence = [shared, own]
        if rate("others_comments"):
            evidence.append(Evidence(dec(rate("others_comments")), ctx.t["verdict_comments"]))
        rule_values = {"level": dec(th.relay_enter), "weight": dec(th.relay_comment_weight)}
    else:
        evidence = [shared, own, Evidence(dec(rate("reactions")), ctx.t["verdict_reactions"])]
        rule_values = {"relay": dec(th.relay_enter), "producer": dec(th.producer_enter)}
    first, end = str(values.get("from", last.month)), str(values.get("to", last.month))
    rule = ctx.fmt(f"verdict_rule_{current}", span=formatting.month_span(first, end, lang),
                   **rule_values)
    return tuple(evidence), rule


def _peak(ctx: ReportContext) -> str:
    """The highest stage reached and, if the member has fallen back since, when."""
    runs = [r for r in stage_runs(ctx.timeline.months) if r.stage is not None]
    if len({r.stage for r in runs}) < 2:
        return ""  # one stage all along: the sentence above says it
    rank = {s: i for i, s in enumerate(STAGES)}
    top = max(rank[r.stage] for r in runs if r.stage is not None)
    last_top = max(i for i, r in enumerate(runs)
                   if r.stage is not None and rank[r.stage] == top)
    peak_run = runs[last_top]
    falls = [ctx.fmt("verdict_fall_item", stage=ctx.stage_name(r.stage),
                     month=ctx.month(r.first)) for r in runs[last_top + 1:]]
    span = formatting.month_span(peak_run.first, peak_run.last, ctx.lang)
    if falls:
        return ctx.fmt("verdict_peak_fall", stage=ctx.stage_name(peak_run.stage), span=span,
                       falls=formatting.format_list(falls, ctx.lang))
    fell, highest = None, -1  # the last fall back before the member climbed to the peak again
    for run in runs[:last_top]:
        if run.stage is not None:
            if rank[run.stage] < highest:
                fell = run
            highest = max(highest, rank[run.stage])
    if fell is not None:
        return ctx.fmt("verdict_peak_back", stage=ctx.stage_in_sentence(peak_run.stage),
                       since=ctx.month(peak_run.first), fell=ctx.stage_in_sentence(fell.stage),
                       month=ctx.month(fell.first))
    return ctx.fmt("verdict_peak_now", stage=ctx.stage_in_sentence(peak_run.stage))


def _busiest(ctx: ReportContext) -> str:
    """The month with the most posts and shares (the key numbers' first two totals)."""
    totals = [values for _, values in _month_totals(ctx)[:2] if values is not None]
    if not totals:
        return ""
    posted = [sum(month) for month in zip(*totals, strict=True)]
    best = max(posted)
    if not best:
        return ""
    month = ctx.months[posted.index(best)]
    return ctx.words.plural("report.verdict_busiest", int(best), count=ctx.num(best),
                            month=ctx.month(month))


def _next_step(ctx: ReportContext) -> str:
    """The plan in one line: its first behaviour still below target, else keep it up."""
    plan = ctx.timeline.plan
    if plan is None or ctx.timeline.current_stage is None:
        return ""  # an archive that cannot show the stage cannot show the "now" of a step
    lang = ctx.lang
    todo = next((step for step in plan.steps if not step.met), None)
    if todo is None:
        return ctx.fmt("verdict_next_keep", stage=ctx.stage_in_sentence(plan.target),
                       by=ctx.month(plan.by))
    return ctx.fmt("verdict_next", stage=ctx.stage_in_sentence(plan.target), by=ctx.month(plan.by),
                   metric=describe.metric_label(todo.metric, lang),
                   now=_plan_number(todo.now, todo.target, lang),
                   target=_plan_number(todo.target, todo.now, lang))


# ---------------------------------------------------------------------------- 2. trajectory
# `common.trajectory_view`: the comparison page shows it too.


# ---------------------------------------------------------------------------- 3. activity

PUBLISHING = (("articles", charts.VERMILLION), ("original_posts", charts.GREEN),
              ("commented_shares", charts.BLUE), ("curated_shares", charts.ORANGE),
              ("reposts", charts.YELLOW))
TAKING_PART = (("comments", charts.BLUE), ("reactions", charts.SKY))


def _by_year(ctx: ReportContext, names: Sequence[str]) -> list[tuple[str, list[float]]]:
    years: dict[str, list[float]] = {}
    for i, month in enumerate(ctx.months):
        row = years.setdefault(month[:4], [0.0] * len(names))
        for j, name in enumerate(names):
            row[j] += ctx.column(name)[i]
    return list(years.items())


def _year_table(ctx: ReportContext, names: Sequence[str], labels: Sequence[str]) -> Table:
    rows = tuple((year, *(ctx.num(v) for v in values))
                 for year, values in _by_year(ctx, names))
    return Table((ctx.t["year"], *labels), rows, (False, *([True] * len(labels))))


def _stack_chart(ctx: ReportContext, key: str, spec: Sequence[tuple[str, str]],
                 height_in: float) -> Chart | None:
    """Stacked monthly areas of the `spec` metrics that are not all zero (or None)."""
    t = ctx.t
    totals = {name: sum(ctx.column(name)) for name, _ in spec}
    full = spec
    spec = [(name, color) for name, color in spec if totals[name]]  # nothing drawn for zeros
    names = [name for name, _ in spec]
    if not names:
        return None
    labels = [t[f"kind_{name}"] for name in names]
    # Each series keeps its place in the full list (its hatching or marker does not change
    # with what else the member did); sparse ones are drawn as marks (`charts.is_sparse`).
    places = {name: i for i, (name, _) in enumerate(full)}
    series = tuple(Series(label, color, tuple(ctx.column(name)), places[name],
                          charts.is_sparse(ctx.column(name)))
                   for (name, color), label in zip(spec, labels, strict=True))
    title = t[f"{key}_title"]
    total_text = ", ".join(f"{ctx.num(totals[n])} {label}" for n, label in
                           zip(names, labels, strict=True))
    summary = ctx.fmt(f"{key}_desc", totals=f"{total_text} {t['in_all']}")
    chart = charts.StackedAreasSpec(key, title, summary, tuple(ctx.months), series, ctx.lang,
                                    height_in, _bands(ctx))
    legend = (*(LegendItem(s.label, s.color, style=charts.legend_class(s))
                for s in reversed(series)), *_band_legend(ctx))
    return Chart(key, title, chart, summary, legend, _year_table(ctx, names, labels),
                 note=_stack_note(ctx, series))


def _stack_note(ctx: ReportContext, series: Sequence[Series]) -> str:
    """How a stacked chart is drawn: areas (averaged), marks (the occasional kinds, by
    name) and the stage bands behind."""
    words = ctx.words["charts"]
    parts = [words["stack_areas"]] if any(not s.marks for s in series) else []
    sparse = [s.label for s in series if s.marks]
    if sparse:
        kinds = formatting.format_list(sparse, ctx.lang)
        parts.append(words["stack_marks"].format(kinds=kinds[:1].upper() + kinds[1:]))
    parts.append(words["bands_note"])
    return " ".join(parts)


def _bands(ctx: ReportContext) -> tuple[charts.Band, ...]:
    """The stage periods shaded behind every chart with a time axis."""
    return tuple(charts.Band(r.stage, r.first, r.last, ctx.stage_name(r.stage),
                             _stage_mark(r.stage)) for r in stage_runs(ctx.timeline.months))


def _band_legend(ctx: ReportContext) -> tuple[LegendItem, ...]:
    """The legend's stage entries: each stage's colour with its ladder number (what the
    ribbon shows where a name does not fit) beside its name, in ladder order."""
    seen = {m.stage for m in ctx.timeline.months}
    return tuple(LegendItem(ctx.stage_name(s), STAGE_COLORS[s], mark=_stage_mark(s),
                            style="stage") for s in (*STAGES, None) if s in seen)


def _quarter(month: str) -> str:
    """"2024-05" → "2024-Q2"."""
    return f"{month[:4]}-Q{(int(month[5:7]) - 1) // 3 + 1}"


def _quarters(months: Sequence[str]) -> list[str]:
    seen: list[str] = []
    for m in months:
        q = _quarter(m)
        if not seen or seen[-1] != q:
            seen.append(q)
    return seen


def _quarter_x(quarter: str) -> float:
    return int(quarter[:4]) + (int(quarter[-1]) - 1) / 4 + 1 / 8


# A quarter with fewer items than this is outlined on the share chart, not split: one repost
# would otherwise stand as a full bar of "others' content" beside a quarter of 40 posts.
MIX_MINIMUM = 3


def _mix_chart(ctx: ReportContext) -> tuple[Chart | None, str]:
    """Own words versus others' content per quarter, or why it is left out. None without
    Shares.csv (a share of a whole that cannot be seen would be a lie) or with nothing
    published; a sentence instead of the chart when no quarter holds `MIX_MINIMUM` items
    (a chart of outlines only, for a member who shares a link a year)."""
    t, lang = ctx.t, ctx.lang
    if not ctx.known("original_posts"):
        return None, ""
    groups = {
        "own_words": ("original_posts", "articles"),
        "with_commentary": ("commented_shares",),
        "others_content": ("curated_shares", "reposts"),
    }
    per_quarter: dict[str, list[float]] = {}
    for i, month in enumerate(ctx.months):
        row = per_quarter.setdefault(_quarter(month), [0.0, 0.0, 0.0])
        for j, names in enumerate(groups.values()):
            row[j] += sum(ctx.column(n)[i] for n in names)
    quarters = list(per_quarter)
    sums = [sum(per_quarter[q][j] for q in quarters) for j in range(3)]
    grand = sum(sums)
    if not grand:
        return None, ""
    totals = tuple(sum(per_quarter[q]) for q in quarters)
    overall = "; ".join(
        ctx.fmt("mix_summary_item", label=t[key], share=formatting.percent(sums[j] / grand, lang))
        for j, key in enumerate(groups) if sums[j])
    if max(totals) < MIX_MINIMUM:
        return None, ctx.words["charts"]["mix_too_few"].format(
            count=ctx.num(MIX_MINIMUM), summary=overall)
    colors = (charts.GREEN, charts.BLUE, charts.ORANGE)
    series = []
    for j, (key, color) in enumerate(zip(groups, colors, strict=True)):
        values = tuple(per_quarter[q][j] / total if total else math.nan
                       for q, total in zip(quarters, totals, strict=True))
        series.append(Series(t[key], color, values, j))
    summary = ctx.fmt("mix_desc", summary=overall)
    note = ctx.words["charts"]["bands_note"]
    if any(0 < total < MIX_MINIMUM for total in totals):  # said under the chart: outlined
        note = " ".join((ctx.words["charts"]["mix_few"].format(count=ctx.num(MIX_MINIMUM)),
                         note))
    spec = charts.ShareAreasSpec("mix", t["mix_title"], summary,
                                 tuple(_quarter_x(q) for q in quarters), tuple(series), lang,
                                 ctx.months[0], ctx.months[-1], 0.25 * 0.86, totals,
                                 MIX_MINIMUM, ctx.words["charts"]["mix_volume"], _bands(ctx))
    rows = tuple((formatting.quarter(q, lang),
                  *(formatting.percent(v / total, lang) for v in per_quarter[q]))
                 for q, total in zip(quarters, totals, strict=True) if total)
    table = Table((t["quarter"], *(t[k] for k in groups)), rows, (False, True, True, True))
    # The legend names what is drawn: a kind the member never published has no entry.
    legend = (*(LegendItem(s.label, s.color, style=charts.legend_class(s))
                for s, total in zip(series, sums, strict=True) if total), *_band_legend(ctx))
    return Chart("mix", t["mix_title"], spec, summary, legend, table, note=note), ""


def _activity(ctx: ReportContext) -> Activity:
    t = ctx.t
    publishing = _stack_chart(ctx, "publishing", PUBLISHING, height_in=2.6)
    mix, mix_note = _mix_chart(ctx)
    absent = [name for name in ("shares", "reposts", "comments", "reactions")
              if name in ctx.absent]
    missing_note = ctx.fmt("activity_missing", datasets=", ".join(
        ctx.dataset_name(name) for name in absent)) if absent else ""
    return Activity(
        publishing=publishing,
        taking_part=_stack_chart(ctx, "taking_part", TAKING_PART, height_in=2.2),
        mix=mix,
        mix_note=mix_note,
        nothing_published="" if publishing or not ctx.known("original_posts")
        else t["nothing_published"],
        missing_note=missing_note,
    )


# ---------------------------------------------------------------------------- 4. network


def _stage_spans(ctx: ReportContext) -> dict[Stage | None, str]:
    runs = stage_runs(ctx.timeline.months)
    spans: dict[Stage | None, list[str]] = defaultdict(list)
    for r in runs:
        spans[r.stage].append(formatting.month_span(r.first, r.last, ctx.lang))
    return {stage: ", ".join(parts) for stage, parts in spans.items()}


def _joined(ctx: ReportContext, joined: Sequence[JoinedDuring]) -> tuple[JoinedGroup, ...]:
    spans = _stage_spans(ctx)
    result = []
    for group in joined:
        if group.outside:
            badge = StageBadge("unknown", ctx.t["joined_unknown_stage"], STAGE_COLORS[None])
            span = formatting.month_span(group.first, group.last, ctx.lang)
        else:
            badge, span = ctx.badge(group.stage), spans.get(group.stage, "")
        result.append(JoinedGroup(
            badge=badge, span=span,
            count=ctx.fmt("joined_count", count=ctx.num(group.count)),
            companies=ranked_items(group.companies, ctx.lang),
            positions=ranked_items(group.positions, ctx.lang),
            first=tuple(clip(n, LABEL_LIMIT) for n in group.first_people),
        ))
    return tuple(result)


def _network(ctx: ReportContext, data: ReportData) -> Network:
    t, lang = ctx.t, ctx.lang
    joined = _joined(ctx, data.joined)
    total = ctx.column("connections_total")
    added = ctx.column("connections_added")
    inbound, outbound = ctx.column("invitations_in"), ctx.column("invitations_out")
    has_invitations = (any(d.name == "invitations" for d in data.archive.datasets)
                       and any(inbound + outbound))
    note = ""
    if not has_invitations:
        note = t["invitations_missing"]
    else:
        # LinkedIn keeps only recent invitations: lines over a few months at the end of a
        # ten-year axis say nothing, so a short record becomes a sentence instead.
        active = [m for m, a, b in zip(ctx.months, inbound, outbound, strict=True) if a or b]
        if month_count(active[0], active[-1]) < len(ctx.months) * 0.6:
            has_invitations = False
            note = ctx.fmt("invitations_sparse",
                           span=formatting.month_span(active[0], active[-1], lang),
                           inbound=ctx.num(sum(inbound)), outbound=ctx.num(sum(outbound)))
    if not any(total) and not any(added):
        return Network(None, t["network_empty"], note, joined)
    peak = max(range(len(added)), key=lambda i: (added[i], -i))
    start = total[0] - added[0]
    description = ctx.fmt("network_desc", start=ctx.num(max(start, 0)), end=ctx.num(total[-1]),
                          peak_text=ctx.fmt("network_peak", month=ctx.month(ctx.months[peak]),
                                            count=ctx.num(added[peak])))
    spec = charts.NetworkSpec("network", t["network_title"], description, tuple(ctx.months),
                              tuple(total), tuple(added),
                              (tuple(inbound), tuple(outbound)) if has_invitations else None,
                              t["connections_total"], t["connections_added"], lang,
                              _bands(ctx))
    legend = [LegendItem(f"{t['connections_total']}", charts.BLUE),
              LegendItem(f"{t['connections_added']}", charts.GREEN)]
    names = ["connections_added"]
    heads = [t["connections_added"]]
    if has_invitations:
        legend += [LegendItem(t["invitations_in"], charts.ORANGE),
                   LegendItem(t["invitations_out"], charts.VERMILLION, dashed=True)]
        names += ["invitations_in", "invitations_out"]
        heads += [t["invitations_in"], t["invitations_out"]]
    table_rows = []
    for year, values in _by_year(ctx, names):
        end_total = [v for m, v in zip(ctx.months, total, strict=True) if m[:4] == year][-1]
        table_rows.append((year, ctx.num(end_total), *(ctx.num(v) for v in values)))
    table = Table((t["year"], t["connections_total"], *heads), tuple(table_rows),
                  (False, True, *([True] * len(heads))))
    chart = Chart("network", t["network_title"], spec, description,
                  (*legend, *_band_legend(ctx)), table, note=ctx.words["charts"]["bands_note"])
    return Network(chart, "", note, joined)


# ---------------------------------------------------------------------------- 5. voice


def _post_view(ctx: ReportContext, post: ExamplePost, redacted: bool) -> PostView:
    t, lang = ctx.t, ctx.lang
    text = first_line(post.text)
    domain = post.shared_domain
    kind = post.kind
    show_domain = bool(domain) and kind != "original"
    if not text:
        text = ctx.fmt("shared_from", domain=domain) if domain else t["no_text"]
        show_domain = False
    words = post.words
    if redacted:
        return _redacted_post_view(ctx, post, str(domain) if show_domain else "")
    return PostView(
        date=formatting.day(post.timestamp.date(), lang),
        iso_date=post.timestamp.date().isoformat(),
        kind=t[f"post_kind_{kind}"],
        text=text, link=linkedin_url(post.link),
        words=ctx.counted("words_counted", words) if words else "",
        domain=str(domain) if show_domain else "")


def _redacted_post_view(ctx: ReportContext, post: ExamplePost, domain: str) -> PostView:
    """A post of a redacted report: "Original post · 135 words · business intent · #data",
    from what the analysis measured; none of its words, no link."""
    t, lang = ctx.t, ctx.lang
    kind = post.kind
    label = t[f"post_kind_{kind}"]
    parts = [label[:1].upper() + label[1:], ctx.counted("words_counted", post.words)]
    if post.language is not None and f"redacted_lang_{post.language}" in t:
        parts.append(t[f"redacted_lang_{post.language}"])
    if post.business:
        parts.append(t["redacted_business"])
    if post.personal:
        parts.append(t["redacted_personal"])
    tags = list(dict.fromkeys(post.hashtags))
    if tags:
        parts.append(" ".join(clip(tag, LABEL_LIMIT) for tag in tags[:3]))
    return PostView(
        date=formatting.day(post.timestamp.date(), lang),
        iso_date=post.timestamp.date().isoformat(),
        kind="", text=" · ".join(parts), link=None, words="", domain=domain, redacted=True)


def _voice(ctx: ReportContext, data: ReportData) -> Voice:
    t, lang = ctx.t, ctx.lang
    chart = _words_chart(ctx, data)
    redacted = data.redaction is not None
    # Counted as the key numbers and the months count them (one source: the monthly
    # totals), so "no posts of your own" never stands above a stage with six "posts".
    own_total, shared_total = (values for _, values in _month_totals(ctx)[:2])

    def in_stage(values: list[float] | None, stage: Stage | None) -> str:
        if values is None:
            return "—"
        return ctx.num(sum(v for m, v in zip(ctx.timeline.months, values, strict=True)
                           if m.stage == stage))

    stages = []
    for stage in data.voice.stages:
        examples = tuple(_post_view(ctx, post, redacted) for post in stage.examples)
        none_note = ""
        if not examples:
            none_note = (t["examples_none_present"] if stage.stage == "present"
                         else t["examples_none"])
        stages.append(StageVoice(
            badge=ctx.badge(stage.stage),
            own=in_stage(own_total, stage.stage),
            shared=in_stage(shared_total, stage.stage),
            median_words=ctx.num(stage.median_words) if stage.median_words is not None
            else "—",
            business=formatting.percent(stage.business_posts / stage.own_posts, lang)
            if stage.own_posts else "—",
            hashtags=tuple(Ranked(f"#{r.text.lstrip('#')}", r.count, r.full)
                           for r in ranked_items(stage.hashtags, lang)),
            examples=examples,
            none_note=none_note,
        ))
    empty = "" if chart else t["words_empty"] if ctx.known("original_posts") else \
        ctx.fmt("activity_missing", datasets=ctx.dataset_name("shares"))
    return Voice(chart, empty, tuple(stages))


def _words_chart(ctx: ReportContext, data: ReportData) -> Chart | None:
    t, lang = ctx.t, ctx.lang
    stats = {q.quarter: q for q in data.voice.quarters}
    all_quarters = _quarters(ctx.months)
    quarters = [q for q in all_quarters if q in stats]
    if not quarters:
        return None
    # Every quarter from the first post on, NaN where nothing was posted: the line breaks.
    span = all_quarters[all_quarters.index(quarters[0]):all_quarters.index(quarters[-1]) + 1]
    nan = math.nan  # one object: specs holding it compare equal, so the chart cache hits
    medians = tuple(stats[q].median if q in stats else nan for q in span)
    summary = ctx.fmt("words_desc", median=ctx.num(data.voice.median_words or 0))
    spec = charts.WordsSpec(
        "words", t["words_title"], summary, tuple(_quarter_x(q) for q in span), medians,
        tuple(stats[q].low if q in stats else nan for q in span),
        tuple(stats[q].high if q in stats else nan for q in span),
        ctx.months[0], ctx.months[-1], lang, _bands(ctx))
    table = Table((t["quarter"], t["posts_col"], t["median_words_col"]),
                  tuple((formatting.quarter(q, lang), ctx.num(stats[q].posts), ctx.num(m))
                        for q, m in zip(span, medians, strict=True) if q in stats),
                  (False, True, True))
    return Chart("words", t["words_title"], spec, summary, _band_legend(ctx), table,
                 note=ctx.words["charts"]["bands_note"])


# ---------------------------------------------------------------------------- 6. rhythm


def _rhythm(ctx: ReportContext, data: ReportData) -> Rhythm:
    t, lang = ctx.t, ctx.lang
    intro = ctx.fmt("rhythm_intro", zone=data.zone)
    rhythm = data.rhythm
    if rhythm is None:
        return Rhythm(None, t["heatmap_empty"], intro, ())
    weekdays, weekday_names = (formatting.weekday_names(lang, short=True),
                               formatting.weekday_names(lang))
    slots = [ctx.fmt("slot_count", slot=ctx.fmt("slot", weekday=weekday_names[d],
                                                  hour=formatting.hour(h, lang)),
                     count=ctx.num(n)) for d, h, n in rhythm.peaks]
    title = ctx.fmt("heatmap_title", zone=rhythm.zone)
    summary = ctx.fmt("heatmap_desc", count=ctx.num(rhythm.posts), slots=", ".join(slots),
                      peak=ctx.num(rhythm.peaks[0][2]))
    spec = charts.HeatmapSpec("heatmap", title, summary, rhythm.counts, weekdays, lang,
                              ctx.words["charts"]["heatmap_scale"])
    table = Table(("", *(formatting.hour(h, lang) for h in range(24))),
                  tuple((weekdays[d], *(str(v) if v else "·" for v in rhythm.counts[d]))
                        for d in range(7)),
                  (False, *([True] * 24)))
    chart = Chart("heatmap", title, spec, summary, (), table)
    return Rhythm(chart, "", intro, _week_stats(ctx, data))


def _week_stats(ctx: ReportContext, data: ReportData) -> tuple[Stat, ...]:
    """Weeks (Monday to Sunday, in the member's zone) with a post, and the longest run."""
    t, lang, rhythm = ctx.t, ctx.lang, data.rhythm
    assert rhythm is not None
    streak_span = formatting.month_span(
        rhythm.streak_first.strftime("%Y-%m"),
        (rhythm.streak_last + timedelta(days=6)).strftime("%Y-%m"), lang)
    active, total = rhythm.weeks_active, rhythm.weeks_total
    return (
        Stat(t["active_weeks"], ctx.fmt("active_weeks_value", count=ctx.num(active),
                                        total=ctx.num(total),
                                        share=formatting.percent(active / total, lang))),
        Stat(t["active_weeks_recent"], ctx.fmt(
            "active_weeks_value", count=ctx.num(rhythm.recent_active), total=ctx.num(52),
            share=formatting.percent(rhythm.recent_active / 52, lang))),
        Stat(t["longest_streak"], ctx.fmt(
            "longest_streak_value", span=streak_span,
            weeks=ctx.counted("weeks_counted", rhythm.streak_weeks))),
    )


# ---------------------------------------------------------------------------- 7. months


def _years(ctx: ReportContext) -> tuple[YearBlock, ...]:
    lang = ctx.lang
    cells = [[ctx.num(v) for v in values] if values is not None else ["—"] * len(ctx.months)
             for _, values in _month_totals(ctx)]
    blocks: dict[str, list[MonthRow]] = defaultdict(list)
    for i, m in enumerate(ctx.timeline.months):
        raw_note = ""
        if m.raw_stage != m.stage and m.stage is not None:
            raw_note = ctx.fmt("raw_note", raw=ctx.stage_in_sentence(m.raw_stage))
        blocks[m.month[:4]].append(MonthRow(
            label=formatting.month_names(lang)[int(m.month[5:7]) - 1], iso=m.month,
            badge=ctx.badge(m.stage),
            cells=tuple(column[i] for column in cells),
            reasons=tuple(_sentence(describe.reason_text(r, lang)) for r in m.reasons),
            raw_note=raw_note))
    years = list(blocks)
    result = []
    for year in years:
        rows = blocks[year]
        stages: list[StageBadge] = []
        for row in rows:
            if not stages or stages[-1] != row.badge:
                stages.append(row.badge)
        summary = ctx.fmt("year_summary", year=year,
                          stages=" → ".join(b.name for b in stages))
        result.append(YearBlock(year, summary, tuple(stages), year == years[-1], tuple(rows)))
    return tuple(result)


def _stage_grid(ctx: ReportContext) -> StageGrid:
    """The whole timeline on one screen (and one printed page): a row a year, a column a
    month, each month its stage's colour and ladder number, so it reads in grey too."""
    rows: dict[str, list[GridCell | None]] = {}
    for m in ctx.timeline.months:
        row = rows.setdefault(m.month[:4], [None] * 12)
        badge = ctx.badge(m.stage)
        row[int(m.month[5:7]) - 1] = GridCell(
            badge, _stage_mark(m.stage),
            ctx.fmt("grid_cell", month=ctx.month(m.month), stage=badge.name))
    seen = {m.stage for m in ctx.timeline.months}
    legend = tuple((_stage_mark(s), ctx.badge(s)) for s in (*STAGES, None) if s in seen)
    return StageGrid(formatting.month_names(ctx.lang, short=True),
                     tuple((year, tuple(cells)) for year, cells in rows.items()), legend)


def _stage_mark(stage: Stage | None) -> str:
    """A stage's number on the ladder (1 present … 4 power networker), "?" when unknown."""
    return str(STAGES.index(stage) + 1) if stage is not None else "?"


# ---------------------------------------------------------------------------- 8. plan


def _plan_number(value: float, other: float, lang: str) -> str:
    digits = 2 if max(abs(value), abs(other)) < 1 else 1
    return formatting.decimal(value, lang, digits)


def _plan(ctx: ReportContext) -> PlanView | None:
    plan = ctx.timeline.plan
    if plan is None:
        return None
    t, lang = ctx.t, ctx.lang
    steps = []
    for step in plan.steps:
        progress = 100 if step.target <= 0 else round(min(step.now / step.target, 1) * 100)
        steps.append(PlanStepView(
            label=describe.metric_label(step.metric, lang),
            now=_plan_number(step.now, step.target, lang),
            target=_plan_number(step.target, step.now, lang),
            met=step.met, progress=max(progress, 0)))
    key = "plan_heading_keep" if plan.current == plan.target else "plan_heading"
    heading = ctx.fmt(key, target=ctx.stage_in_sentence(plan.target), by=ctx.month(plan.by))
    intro = ctx.fmt("plan_intro", months=formatting.duration(plan.months, lang),
                    start=ctx.month(plan.start), by=ctx.month(plan.by))
    return PlanView(
        heading=heading,
        badge=ctx.badge(plan.target),
        intro=intro,
        steps=tuple(steps),
        missing=tuple(describe.metric_label(m, lang) for m in plan.missing),
        # "keep the numbers" only when the table shows every step met; else "bring them up"
        verdict=(t["plan_not_reachable"] if not plan.reachable
                 else t["plan_reachable"] if all(step.met for step in plan.steps)
                 else t["plan_reachable_raise"]),
        reachable=plan.reachable,
        notes=tuple(_sentence(describe.reason_text(r, lang)) for r in plan.reasons),
    )


# ---------------------------------------------------------------------------- 9. about


def _flat(value: object, prefix: str = "") -> list[tuple[str, object]]:
    if isinstance(value, Mapping):
        items: list[tuple[str, object]] = []
        for key, inner in value.items():
            items += _flat(inner, f"{prefix}{key}.")
        return items
    return [(prefix.rstrip("."), value)]


def _threshold_value(value: object, t: Mapping[str, str], lang: str) -> str:
    if isinstance(value, bool):
        return t["threshold_true"] if value else t["threshold_false"]
    if isinstance(value, int | float):
        return formatting.decimal(float(value), lang, 3)
    return str(value)


def _about(ctx: ReportContext, data: ReportData, now: datetime | None) -> About:
    archive, tl, t, lang = data.archive, ctx.timeline, ctx.t, ctx.lang

    def when(value: date | None) -> str:
        return formatting.day(value, lang, short=True) if value else "—"

    found = Table(
        (t["dataset_col"], t["file_col"], t["rows_col"], t["from_col"], t["to_col"]),
        tuple((ctx.dataset_name(d.name), word(d.file, lang), ctx.num(d.rows), when(d.first),
               when(d.last)) for d in archive.datasets),
        (False, False, True, False, False))
    missing = None
    if archive.missing:
        missing = Table(
            (t["dataset_col"], t["file_col"], t["limits_col"]),
            tuple((ctx.dataset_name(name), SPECS[name].filename,
                   ctx.limits(name, SPECS[name].limits)) for name in archive.missing),
            (False, False, False))
    thresholds = asdict(tl.thresholds) if is_dataclass(tl.thresholds) else dict(
        tl.thresholds)
    flat = _flat(thresholds)
    window = thresholds.get("window_months", 3)
    run = thresholds.get("min_run_months", 2)
    basis = ", ".join(ctx.dataset_name(name) for name in tl.basis) or "—"
    method = (ctx.fmt("method_1", window=window), t["method_2"], ctx.fmt("method_3", run=run),
              ctx.fmt("method_4", basis=basis))
    facts = [
        Stat(t["export_name"],
             # A folder name may hold bytes that are not UTF-8: shown escaped.
             t["redacted_export"] if data.redaction is not None or archive.location_name is None
             else safe_label(archive.location_name)),
        Stat(t["archive_kind"], t[f"archive_{archive.archive}"]),
        Stat(t["time_zone"], data.zone),
        Stat(t["language"], t["language_value"]),
        Stat(t["tool"], f"linkedin-stages {__version__}"),
    ]
    if now is not None:
        facts.append(Stat(t["made_on"], formatting.day(now.date(), lang)))
    return About(
        found=found,
        missing=missing,
        limitations=tuple(_sentence(describe.reason_text(r, lang)) for r in tl.limitations),
        method=method,
        # what each number is, and its key: the name a thresholds file gives it
        thresholds=Table((t["threshold_col"], t["threshold_key_col"], t["value_col"]),
                         tuple((ctx.words["thresholds"][key], key,
                                _threshold_value(value, t, lang)) for key, value in flat),
                         (False, False, True)),
        warnings=tuple(word(w, lang) for w in archive.warnings),
        facts=tuple(facts),
    )
