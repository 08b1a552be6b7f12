"""The report's view model: plain frozen dataclasses between the analysis and the template.

`build_view(export, timeline, lang=…, tz=…, now=…)` computes everything the page shows —
words already in the right language, numbers and dates already formatted, charts already
drawn — so the template only lays it out. No DataFrame crosses this line; the only markup is
the charts' `Markup`, made by `charts.py`.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, is_dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import polars as pl
from markupsafe import Markup

from .. import __version__
from ..analysis import wording
from ..analysis.metrics import OWN_KINDS
from ..analysis.model import STAGES, Timeline
from ..export import Export
from ..links import clip, first_line, linkedin_url
from ..months import month_count, month_start, plus_months
from ..readers import SPECS
from ..safe_output import safe_label
from . import charts, locale
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
    ranked,
    ranked_by_group,
    stage_runs,
    trajectory_view,
)
from .text import dataset_name, limits

# ---------------------------------------------------------------------------- view classes


@dataclass(frozen=True)
class StageInfo:
    number: int
    badge: StageBadge
    summary: str
    current: bool


@dataclass(frozen=True)
class Where:
    badge: StageBadge
    since: str
    sentence: str
    ladder: Markup
    stages: tuple[StageInfo, ...]
    shares_note: str
    stats: tuple[Stat, ...]


@dataclass(frozen=True)
class Activity:
    publishing: Chart | None
    taking_part: Chart | None
    mix: Chart | None
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
    posts: str
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
class EngagementView:
    """What others did with the member's posts, from the analytics workbook."""

    intro: str
    stats: tuple[Stat, ...]
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
    month_head: tuple[str, ...]
    plan: PlanView | None
    plan_none: str
    about: About
    version: str
    engagement: EngagementView | None = None
    redaction: RedactionView | None = None


# ---------------------------------------------------------------------------- building

WORD_KINDS = ("original", "commented_share")
SECTION_IDS = ("where", "trajectory", "activity", "network", "voice", "rhythm", "months",
               "plan", "about")


def _sentence(text: str) -> str:
    """A reason as a sentence: capital first letter, final full stop."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?", "…")) else f"{text}."


def build_view(export: Export, timeline: Timeline, *, lang: str, tz: str,
               now: datetime | None = None) -> ReportView:
    """Everything the report shows, computed and worded."""
    locale.check_lang(lang)
    if not timeline.months:
        raise ValueError("the timeline has no months")
    ctx = ReportContext(export, timeline, lang)
    t = ctx.t
    member = export.member_name or ""
    first, last = ctx.months[0], ctx.months[-1]
    plan = _plan(ctx)
    return ReportView(
        lang=lang,
        t=t,
        title=ctx.fmt("title", member=member) if member else t["title_anonymous"],
        subtitle=ctx.fmt("subtitle", first=ctx.month(first), last=ctx.month(last)),
        sections=tuple(Section(s, t[s]) for s in SECTION_IDS),
        where=_where(ctx),
        trajectory=trajectory_view(ctx),
        activity=_activity(ctx),
        network=_network(ctx),
        voice=_voice(ctx),
        rhythm=_rhythm(ctx, tz),
        years=_years(ctx),
        month_head=(t["month_col"], t["stage_col"], t["own_col"], t["shared_col"],
                    t["comments_col"], t["reactions_col"], t["connections_col"], t["why_col"]),
        plan=plan,
        plan_none=t["plan_none"],
        about=_about(ctx, tz, now),
        version=__version__,
        engagement=_engagement(ctx),
        redaction=_redaction(ctx),
    )


def _redaction(ctx: ReportContext) -> RedactionView | None:
    if ctx.redaction is None:
        return None
    t = ctx.t
    kept = t["redacted_companies"] if ctx.redaction.companies else t["redacted_kept"]
    return RedactionView(t["redacted_heading"], t["redacted_intro"],
                         (t["redacted_people"], t["redacted_removed"], t["redacted_posts"],
                          kept))


def _engagement(ctx: ReportContext) -> EngagementView | None:
    """The analytics workbook's figures, when the member gave one (`--analytics`)."""
    engagement = ctx.timeline.engagement
    if engagement is None:
        return None
    t, lang, summary = ctx.t, ctx.lang, engagement.summary
    monthly = ctx.timeline.monthly.filter(pl.col("impressions").is_not_null())
    impressions = int(monthly["impressions"].sum())
    engagements = int(monthly["engagements"].sum())
    followers = monthly["new_followers"].drop_nulls()
    matching = engagement.matching
    matched = int(matching.get("matched_by_id", 0)) + int(matching.get("matched_by_date", 0))
    files = ", ".join(Path(str(f)).name for f in summary.get("files", ()))  # type: ignore[union-attr]
    stats = [
        Stat(t["engagement_impressions"], ctx.num(impressions)),
        Stat(t["engagement_engagements"], ctx.num(engagements)),
        Stat(t["engagement_rate"],
             locale.percent(engagements / impressions, lang) if impressions else "—"),
        Stat(t["engagement_new_followers"], ctx.num(int(followers.sum())) if followers.len()
             else "—"),
    ]
    if summary.get("followers_total") is not None:
        stats.append(Stat(t["engagement_followers"], ctx.num(int(summary["followers_total"]))))  # type: ignore[arg-type]
    stats.append(Stat(t["engagement_matched"], ctx.fmt(
        "engagement_matched_value", matched=ctx.num(matched),
        total=ctx.num(int(matching.get("top_posts", 0))))))
    by_kind = None
    if engagement.by_kind.height:
        rows = []
        for row in engagement.by_kind.iter_rows(named=True):
            rate = row.get("rate")
            rows.append((
                wording.metric_label(_KIND_METRIC.get(row["kind"], row["kind"]), lang),
                ctx.num(int(row["posts"])),
                ctx.num(round(row["impressions_per_post"])) if row.get("impressions_per_post")
                is not None else "—",
                ctx.num(round(row["engagements_per_post"])) if row.get("engagements_per_post")
                is not None else "—",
                locale.percent(rate, lang) if rate is not None else "—",
            ))
        by_kind = Table(head=(t["engagement_kind_col"], t["engagement_posts_col"],
                              t["engagement_impressions_col"], t["engagement_engagements_col"],
                              t["engagement_rate_col"]),
                        rows=tuple(rows), numeric=(False, True, True, True, True))
    month_rows = tuple(
        (ctx.month(row["month"]), ctx.num(int(row["impressions"])),
         ctx.num(int(row["engagements"] or 0)),
         locale.percent(row["engagement_rate"], lang) if row["engagement_rate"] is not None
         else "—",
         ctx.num(int(row["new_followers"])) if row["new_followers"] is not None else "—")
        for row in monthly.iter_rows(named=True))
    months = Table(head=(t["engagement_month_col"], t["engagement_impressions"],
                         t["engagement_engagements"], t["engagement_rate"],
                         t["engagement_followers_col"]),
                   rows=month_rows, numeric=(False, True, True, True, True))
    audience: list[tuple[str, tuple[str, ...]]] = []
    demographics = engagement.demographics
    if demographics.height:
        for category in dict.fromkeys(demographics["category"].to_list()):
            top = demographics.filter(pl.col("category") == category).head(3)
            audience.append((str(category), tuple(
                f"{value} ({locale.percent(share, lang)})" if share is not None else str(value)
                for value, share in zip(top["value"], top["share"], strict=True))))
    period = summary.get("period") or ("", "")
    first = ctx.month(str(period[0])[:7]) if period[0] else "—"  # type: ignore[index]
    last = ctx.month(str(period[1])[:7]) if period[1] else "—"  # type: ignore[index]
    return EngagementView(
        intro=ctx.fmt("engagement_intro", files=files, first=first, last=last),
        stats=tuple(stats), by_kind=by_kind, months=months, audience=tuple(audience))


_KIND_METRIC = {"original": "original_posts", "curated_share": "curated_shares",
                "commented_share": "commented_shares", "reshare": "reposts",
                "article": "articles"}


# ---------------------------------------------------------------------------- 1. where


def _last_year_stats(ctx: ReportContext) -> tuple[Stat, ...]:
    recent = slice(-12, None)

    def total(*names: str) -> str:
        if not ctx.known(*names):
            return "—"
        return ctx.num(sum(sum(ctx.column(n)[recent]) for n in names))

    t = ctx.t
    return tuple(Stat(label, total(*names)) for label, names in _month_cells(t))


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
    steps = [
        charts.LadderStep(stage=s, name=ctx.stage_name(s),
                          share=f"≈ {locale.percent(shares[s], lang)}" if s in shares else "",
                          visited=s in visited, current=s == current)
        for s in STAGES
    ]
    middle = f"≈ {locale.percent(0.09, lang)}"
    step_list = ", ".join(f"{i + 1}. {n}" for i, n in enumerate(names))
    if current is not None:
        description = ctx.fmt("ladder_desc", steps=step_list, number=STAGES.index(current) + 1,
                              stage=ctx.stage_name(current))
        since = tl.current_since or ctx.months[0]
        sentence = ctx.fmt(
            "where_sentence", stage=ctx.stage_name(current), since=ctx.month(since),
            duration=locale.duration(month_count(since, ctx.months[-1]), lang),
            summary=t[f"you_summary_{current}"])
    else:
        description = ctx.fmt("ladder_desc_unknown", steps=step_list)
        since = ""
        sentence = ctx.fmt("where_sentence_unknown", why=t["where_unknown_why"])
    ladder = charts.ladder("ladder", t["ladder_title"], description, steps, middle, t["you"])
    return Where(
        badge=ctx.badge(current),
        since=ctx.month(since) if since else "",
        sentence=sentence,
        ladder=ladder,
        stages=tuple(StageInfo(i + 1, ctx.badge(s), t[f"summary_{s}"], s == current)
                     for i, s in enumerate(STAGES)),
        shares_note=t["shares_note"],
        stats=_last_year_stats(ctx),
    )


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
    spec = [(name, color) for name, color in spec if totals[name]]  # nothing drawn for zeros
    names = [name for name, _ in spec]
    if not names:
        return None
    labels = [t[f"kind_{name}"] for name in names]
    series = [Series(label, color, _smooth(ctx.column(name)))
              for (name, color), label in zip(spec, labels, strict=True)]
    title = t[f"{key}_title"]
    total_text = ", ".join(f"{ctx.num(totals[n])} {label}" for n, label in
                           zip(names, labels, strict=True))
    summary = ctx.fmt(f"{key}_desc", totals=f"{total_text} {t['in_all']}")
    svg = charts.stacked_areas(key, title, summary, ctx.months, series, ctx.lang,
                               height_in=height_in)
    legend = tuple(LegendItem(s.label, s.color) for s in reversed(series))
    return Chart(key, title, svg, summary, legend, _year_table(ctx, names, labels))


def _smooth(values: Sequence[float]) -> list[float]:
    """A centred 3-month average (2 months at the ends): monthly counts are spiky."""
    out = []
    for i in range(len(values)):
        window = values[max(i - 1, 0):i + 2]
        out.append(sum(window) / len(window))
    return out


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


def _mix_chart(ctx: ReportContext) -> Chart | None:
    """Own words versus others' content per quarter (None without Shares.csv: a share of a
    whole that cannot be seen would be a lie)."""
    t, lang = ctx.t, ctx.lang
    if not ctx.known("original_posts"):
        return None
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
        return None
    colors = (charts.GREEN, charts.BLUE, charts.ORANGE)
    series = []
    for j, (key, color) in enumerate(zip(groups, colors, strict=True)):
        values = [per_quarter[q][j] / sum(per_quarter[q]) if sum(per_quarter[q]) else float("nan")
                  for q in quarters]
        series.append(Series(t[key], color, values))
    summary = ctx.fmt("mix_desc", summary="; ".join(
        ctx.fmt("mix_summary_item", label=t[key], share=locale.percent(sums[j] / grand, lang))
        for j, key in enumerate(groups)))
    svg = charts.share_areas("mix", t["mix_title"], summary, [_quarter_x(q) for q in quarters],
                             series, lang, ctx.months[0], ctx.months[-1], 0.25 * 0.86)
    rows = tuple(
        (q.replace("-", " "), *(locale.percent(v / sum(per_quarter[q]), lang)
                                if sum(per_quarter[q]) else "—" for v in per_quarter[q]))
        for q in quarters if sum(per_quarter[q]))
    table = Table((t["quarter"], *(t[k] for k in groups)), rows, (False, True, True, True))
    return Chart("mix", t["mix_title"], svg, summary,
                 tuple(LegendItem(s.label, s.color) for s in series), table)


def _activity(ctx: ReportContext) -> Activity:
    t, lang = ctx.t, ctx.lang
    publishing = _stack_chart(ctx, "publishing", PUBLISHING, height_in=2.6)
    absent = [name for name in ("shares", "reposts", "comments", "reactions")
              if name in ctx.absent]
    missing_note = ctx.fmt("activity_missing", datasets=", ".join(
        dataset_name(name, lang) for name in absent)) if absent else ""
    return Activity(
        publishing=publishing,
        taking_part=_stack_chart(ctx, "taking_part", TAKING_PART, height_in=2.2),
        mix=_mix_chart(ctx),
        nothing_published="" if publishing or not ctx.known("original_posts")
        else t["nothing_published"],
        missing_note=missing_note,
    )


# ---------------------------------------------------------------------------- 4. network


def _stage_spans(ctx: ReportContext) -> dict[str | None, str]:
    runs = stage_runs(ctx.timeline.months)
    spans: dict[str | None, list[str]] = defaultdict(list)
    for r in runs:
        spans[r.stage].append(locale.month_span(r.first, r.last, ctx.lang))
    return {stage: ", ".join(parts) for stage, parts in spans.items()}


def _stage_order(ctx: ReportContext) -> list[str | None]:
    present = {m.stage for m in ctx.timeline.months}
    return [s for s in (*STAGES, None) if s in present]


def _joined(ctx: ReportContext) -> tuple[JoinedGroup, ...]:
    frame = ctx.export.tables["connections"]
    if frame.is_empty() or "connected_on" not in frame.columns:
        return ()
    # A redacted export gives the order of the real names (pseudonyms sort differently).
    order = "redacted_order" if "redacted_order" in frame.columns else "full_name"
    # Months as integer keys (202403): cheaper than formatting 100,000 dates.
    stage_of = pl.DataFrame({"key": [int(m[:4]) * 100 + int(m[5:7]) for m in ctx.stage_of],
                             "group": [str(v) for v in ctx.stage_of.values()]},
                            schema={"key": pl.Int32, "group": pl.String})
    when = pl.col("connected_on")
    people = (frame.filter(when.is_not_null())
              .select(*dict.fromkeys(["connected_on", "full_name", "company", "position", order]),
                      (when.dt.year() * 100 + when.dt.month()).cast(pl.Int32).alias("key"))
              .join(stage_of, on="key", how="left")
              .with_columns(pl.col("group").fill_null("outside")))
    summary = {row["group"]: row for row in people.group_by("group").agg(
        pl.len().alias("count"), when.min().dt.strftime("%Y-%m").alias("first"),
        when.max().dt.strftime("%Y-%m").alias("last")).iter_rows(named=True)}
    # The first three names of each group by date then name: only the rows up to each
    # group's third date are sorted (not 100,000 connections).
    named = pl.col("full_name").str.strip_chars()
    listed = people.filter(named.is_not_null() & (named != ""))
    cutoff = listed.group_by("group").agg(when.bottom_k(3).max().alias("cutoff"))
    first_names = dict(
        listed.join(cutoff, on="group").filter(when <= pl.col("cutoff"))
        .sort(["connected_on", order], nulls_last=True, maintain_order=True)
        .group_by("group").agg(named.head(3)).iter_rows())
    companies = ranked_by_group(people, "company", 5, ctx.lang)
    positions = ranked_by_group(people, "position", 5, ctx.lang)
    spans = _stage_spans(ctx)
    result = []
    for key in [str(s) for s in _stage_order(ctx)] + ["outside"]:
        if key not in summary:
            continue
        group = summary[key]
        if key == "outside":
            badge = StageBadge("unknown", ctx.t["joined_unknown_stage"], STAGE_COLORS[None])
            span = locale.month_span(group["first"], group["last"], ctx.lang)
        else:
            stage = None if key == "None" else key
            badge, span = ctx.badge(stage), spans.get(stage, "")
        result.append(JoinedGroup(
            badge=badge, span=span,
            count=ctx.fmt("joined_count", count=ctx.num(group["count"])),
            companies=companies.get(key, ()),
            positions=positions.get(key, ()),
            first=tuple(clip(n, LABEL_LIMIT) for n in first_names.get(key, ())),
        ))
    return tuple(result)


def _network(ctx: ReportContext) -> Network:
    t, lang = ctx.t, ctx.lang
    total = ctx.column("connections_total")
    added = ctx.column("connections_added")
    inbound, outbound = ctx.column("invitations_in"), ctx.column("invitations_out")
    has_invitations = "invitations" in ctx.export.reports and any(inbound + outbound)
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
                           span=locale.month_span(active[0], active[-1], lang),
                           inbound=ctx.num(sum(inbound)), outbound=ctx.num(sum(outbound)))
    if not any(total) and not any(added):
        return Network(None, t["network_empty"], note, _joined(ctx))
    peak = max(range(len(added)), key=lambda i: (added[i], -i))
    start = total[0] - added[0]
    description = ctx.fmt("network_desc", start=ctx.num(max(start, 0)), end=ctx.num(total[-1]),
                          peak_text=ctx.fmt("network_peak", month=ctx.month(ctx.months[peak]),
                                            count=ctx.num(added[peak])))
    labels = {"total": t["connections_total"], "added": t["connections_added"]}
    svg = charts.network("network", t["network_title"], description, ctx.months, total, added,
                         (inbound, outbound) if has_invitations else None, labels, lang)
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
    chart = Chart("network", t["network_title"], svg, description, tuple(legend), table)
    return Network(chart, "", note, _joined(ctx))


# ---------------------------------------------------------------------------- 5. voice


_POST_COLUMNS = ("timestamp", "post_urn", "link", "kind", "text", "words", "business",
                 "personal", "hashtags", "shared_domain", "business_words", "language",
                 "lead_words")


def _post_frame(ctx: ReportContext) -> pl.DataFrame:
    """The member's posts with the stage of their month (`group`, as text; posts outside
    the timeline's months are left out), oldest first. Kept as a frame: a big archive has
    70,000 posts, and only the few shown become Python rows."""
    posts = ctx.timeline.posts
    wanted = [c for c in _POST_COLUMNS if c in posts.columns]
    if posts.is_empty():
        return posts.select(wanted).with_columns(
            pl.lit(None, dtype=pl.String).alias("month"), pl.lit("", dtype=pl.String)
            .alias("_urn"), pl.lit(None, dtype=pl.String).alias("group"))
    stage_of = pl.DataFrame({"month": list(ctx.stage_of),
                             "group": [str(v) for v in ctx.stage_of.values()]})
    urn = (pl.col("post_urn").cast(pl.String).fill_null("") if "post_urn" in wanted
           else pl.lit(""))
    return (posts.select(wanted).filter(pl.col("timestamp").is_not_null())
            .with_columns(pl.col("timestamp").dt.strftime("%Y-%m").alias("month"),
                          urn.alias("_urn"))
            .join(stage_of, on="month", how="inner", maintain_order="left")
            .sort(["timestamp", "_urn"], maintain_order=True))


def _post_view(ctx: ReportContext, row: Mapping[str, object]) -> PostView:
    t, lang = ctx.t, ctx.lang
    stamp = row["timestamp"]
    assert isinstance(stamp, datetime)
    text = first_line(row.get("text"))
    domain = row.get("shared_domain")
    kind = str(row.get("kind") or "")
    show_domain = isinstance(domain, str) and bool(domain) and kind != "original"
    if not text:
        text = ctx.fmt("shared_from", domain=domain) if domain else t["no_text"]
        show_domain = False
    words = int(row.get("words") or 0)  # type: ignore[call-overload]
    word_key = locale.plural(words, "word_count_one", "words_count", lang)
    if ctx.redaction is not None:
        return _redacted_post_view(ctx, row, kind, words, word_key,
                                   str(domain) if show_domain else "")
    return PostView(
        date=locale.day(stamp.date(), lang), iso_date=stamp.date().isoformat(),
        kind=t.get(f"post_kind_{kind}", kind.replace("_", " ")),
        text=text, link=linkedin_url(row.get("link")),
        words=ctx.fmt(word_key, count=ctx.num(words)) if words else "",
        domain=str(domain) if show_domain else "")


def _redacted_post_view(ctx: ReportContext, row: Mapping[str, object], kind: str, words: int,
                        word_key: str, domain: str) -> PostView:
    """A post of a redacted report: "Original post · 135 words · business intent · #data",
    from what the analysis measured; none of its words, no link."""
    t, lang = ctx.t, ctx.lang
    stamp = row["timestamp"]
    assert isinstance(stamp, datetime)
    label = t.get(f"post_kind_{kind}", kind.replace("_", " "))
    parts = [label[:1].upper() + label[1:], ctx.fmt(word_key, count=ctx.num(words))]
    language = row.get("language")
    if isinstance(language, str) and f"redacted_lang_{language}" in t:
        parts.append(t[f"redacted_lang_{language}"])
    if row.get("business"):
        parts.append(t["redacted_business"])
    if row.get("personal"):
        parts.append(t["redacted_personal"])
    tags = list(dict.fromkeys(row.get("hashtags") or ()))  # type: ignore[call-overload]
    if tags:
        parts.append(" ".join(clip(str(tag), LABEL_LIMIT) for tag in tags[:3]))
    return PostView(
        date=locale.day(stamp.date(), lang), iso_date=stamp.date().isoformat(),
        kind="", text=" · ".join(parts), link=None, words="", domain=domain, redacted=True)


def _lead_words(row: Mapping[str, object]) -> int:
    """Words on the post's first line (a redacted timeline gives the count, not the text)."""
    if "lead_words" in row:
        return int(row.get("lead_words") or 0)  # type: ignore[call-overload]
    return len(first_line(row.get("text")).split())


def _examples(stage: str | None, posts: pl.DataFrame) -> list[dict[str, object]]:
    """The posts that best show `stage`, most telling first (deterministic)."""
    def column(name: str, default: object) -> pl.Expr:
        return pl.col(name).fill_null(default) if name in posts.columns else pl.lit(default)

    newest = [pl.col("timestamp"), pl.col("_urn")]
    kind = pl.col("kind")
    if stage == "relay":
        pool = posts.filter(kind.is_in(["curated_share", "reshare"])).sort(
            [pl.col("shared_domain").is_not_null(), *newest], descending=True)
        # Posts whose first line says something (3+ words) first; the rest fill in.
        telling: list[dict[str, object]] = []
        others: list[dict[str, object]] = []
        for row in pool.iter_rows(named=True):
            if _lead_words(row) >= 3:
                telling.append(row)
                if len(telling) == 2:
                    break
            elif len(others) < 2:
                others.append(row)
        return (telling + others)[:2]
    if stage == "producer":
        pool = posts.filter(kind.is_in(["original", "article"])).sort(
            [column("personal", False), column("words", 0), *newest], descending=True)
    elif stage == "power_networker":
        pool = posts.filter(kind.is_in(["original", "article", "commented_share"])).sort(
            [column("business", False), kind == "original",
             pl.col("business_words").list.len().fill_null(0)
             if "business_words" in posts.columns else pl.lit(0), *newest], descending=True)
    elif stage == "present":
        return posts.sort(newest, descending=True).head(1).to_dicts()
    else:
        return []
    return pool.head(2).to_dicts()


def _voice(ctx: ReportContext) -> Voice:
    t, lang = ctx.t, ctx.lang
    frame = _post_frame(ctx)
    chart = _words_chart(ctx, frame)
    stages = []
    for stage in _stage_order(ctx):
        posts = frame.filter(pl.col("group") == str(stage))
        own = posts.filter(pl.col("kind").is_in(OWN_KINDS))
        worded = posts.filter(pl.col("kind").is_in(WORD_KINDS))["words"].fill_null(0)
        tags = (posts["hashtags"].explode() if "hashtags" in posts.columns and posts.height
                else pl.Series("hashtags", [], dtype=pl.String))
        business = int(own["business"].fill_null(False).sum()) if own.height else 0
        examples = tuple(_post_view(ctx, r) for r in _examples(stage, posts))
        none_note = ""
        if not examples:
            none_note = t["examples_none_present"] if stage == "present" else t["examples_none"]
        stages.append(StageVoice(
            badge=ctx.badge(stage),
            posts=ctx.num(posts.height),
            median_words=ctx.num(statistics.median(worded.to_list())) if worded.len() else "—",
            business=locale.percent(business / own.height, lang) if own.height else "—",
            hashtags=tuple(Ranked(f"#{r.text.lstrip('#')}", r.count, r.full)
                           for r in ranked(tags, 5, lang)),
            examples=examples,
            none_note=none_note,
        ))
    empty = "" if chart else t["words_empty"] if ctx.known("original_posts") else \
        ctx.fmt("activity_missing", datasets=dataset_name("shares", lang))
    return Voice(chart, empty, tuple(stages))


def _words_chart(ctx: ReportContext, frame: pl.DataFrame) -> Chart | None:
    t, lang = ctx.t, ctx.lang
    worded = frame.filter(pl.col("kind").is_in(WORD_KINDS))
    quarter = pl.format("{}-Q{}", pl.col("timestamp").dt.year(),
                        (pl.col("timestamp").dt.month() - 1) // 3 + 1)
    # Per quarter: posts, median and middle half of their words (linear quantiles, as
    # `statistics.quantiles(method="inclusive")`), computed by polars on 50,000 posts.
    words = pl.col("words").fill_null(0).cast(pl.Float64)
    stats = {row[0]: row[1:] for row in worded.group_by(quarter.alias("q")).agg(
        pl.len(), words.median().alias("median"), words.quantile(0.25, "linear").alias("low"),
        words.quantile(0.75, "linear").alias("high")).iter_rows()}
    all_quarters = _quarters(ctx.months)
    quarters = [q for q in all_quarters if q in stats]
    if not quarters:
        return None
    # Every quarter from the first post on, NaN where nothing was posted: the line breaks.
    span = all_quarters[all_quarters.index(quarters[0]):all_quarters.index(quarters[-1]) + 1]
    xs = [_quarter_x(q) for q in span]
    nan = (0, float("nan"), float("nan"), float("nan"))
    medians = [float(stats.get(q, nan)[1]) for q in span]
    lows = [float(stats.get(q, nan)[2]) for q in span]
    highs = [float(stats.get(q, nan)[3]) for q in span]
    overall = worded.select(words.median()).item()
    summary = ctx.fmt("words_desc", median=ctx.num(overall))
    svg = charts.words_per_post("words", t["words_title"], summary, xs, medians, lows, highs,
                                ctx.months[0], ctx.months[-1], lang)
    table = Table((t["quarter"], t["posts_col"], t["median_words_col"]),
                  tuple((q.replace("-", " "), ctx.num(stats[q][0]), ctx.num(m))
                        for q, m in zip(span, medians, strict=True) if q in stats),
                  (False, True, True))
    return Chart("words", t["words_title"], svg, summary, (), table)


# ---------------------------------------------------------------------------- 6. rhythm


def _rhythm(ctx: ReportContext, tz: str) -> Rhythm:
    t, lang = ctx.t, ctx.lang
    intro = ctx.fmt("rhythm_intro", zone=tz)
    posts = ctx.timeline.posts
    # In the member's zone, by polars: a big archive has 70,000 posts.
    local = (posts.select(pl.col("timestamp")).drop_nulls().select(
        pl.col("timestamp").dt.replace_time_zone("UTC").dt.convert_time_zone(tz).alias("t"))
        if not posts.is_empty() else pl.DataFrame())
    if local.is_empty():
        return Rhythm(None, t["heatmap_empty"], intro, ())
    counts = [[0] * 24 for _ in range(7)]
    for weekday, hour, n in local.group_by(
            (pl.col("t").dt.weekday() - 1).alias("d"), pl.col("t").dt.hour().alias("h")
    ).len().iter_rows():
        counts[weekday][hour] = n
    weeks = local.select(pl.col("t").dt.date().alias("day")).select(
        (pl.col("day") - pl.duration(days=pl.col("day").dt.weekday() - 1)).unique().sort()
    ).to_series().to_list()
    weekdays = locale.WEEKDAYS_SHORT[lang]
    cells = sorted(((counts[d][h], d, h) for d in range(7) for h in range(24) if counts[d][h]),
                   key=lambda c: (-c[0], c[1], c[2]))[:3]
    slots = [ctx.fmt("slot_count", slot=ctx.fmt("slot", weekday=locale.WEEKDAYS[lang][d],
                                                  hour=locale.hour(h, lang)),
                     count=ctx.num(n)) for n, d, h in cells]
    title = ctx.fmt("heatmap_title", zone=tz)
    summary = ctx.fmt("heatmap_desc", count=ctx.num(local.height), slots=", ".join(slots),
                      peak=ctx.num(cells[0][0]))
    svg = charts.heatmap("heatmap", title, summary, counts, weekdays, lang)
    table = Table(("", *(locale.hour(h, lang) for h in range(24))),
                  tuple((weekdays[d], *(str(v) if v else "·" for v in counts[d]))
                        for d in range(7)),
                  (False, *([True] * 24)))
    chart = Chart("heatmap", title, svg, summary, (), table)
    return Rhythm(chart, "", intro, _week_stats(ctx, weeks))


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _week_stats(ctx: ReportContext, weeks: list[date]) -> tuple[Stat, ...]:
    """Weeks (Monday to Sunday, in the member's zone) with a post — `weeks` their Mondays,
    sorted — and the longest run."""
    t, lang = ctx.t, ctx.lang
    first_day = month_start(ctx.months[0]).date()
    last_day = month_start(plus_months(ctx.months[-1], 1)).date() - timedelta(days=1)
    total = (_monday(last_day) - _monday(first_day)).days // 7 + 1
    in_span = [w for w in weeks if _monday(first_day) <= w <= _monday(last_day)]
    recent_start = _monday(last_day) - timedelta(weeks=51)
    recent = [w for w in in_span if w >= recent_start]
    best, best_run = (weeks[0], weeks[0]), 1
    run_start, run = weeks[0], 1
    for previous, week in zip(weeks, weeks[1:], strict=False):
        run = run + 1 if (week - previous).days == 7 else 1
        if run == 1:
            run_start = week
        if run > best_run:
            best_run, best = run, (run_start, week)
    streak_span = locale.month_span(best[0].strftime("%Y-%m"),
                                    (best[1] + timedelta(days=6)).strftime("%Y-%m"), lang)
    return (
        Stat(t["active_weeks"], ctx.fmt("active_weeks_value", count=ctx.num(len(in_span)),
                                        total=ctx.num(total),
                                        share=locale.percent(len(in_span) / total, lang))),
        Stat(t["active_weeks_recent"], ctx.fmt("active_weeks_value", count=ctx.num(len(recent)),
                                               total=ctx.num(52),
                                               share=locale.percent(len(recent) / 52, lang))),
        Stat(t["longest_streak"], ctx.fmt(
            "longest_streak_value", span=streak_span,
            weeks=locale.counted(best_run, t["week"], t["weeks"], lang))),
    )


# ---------------------------------------------------------------------------- 7. months


def _years(ctx: ReportContext) -> tuple[YearBlock, ...]:
    lang = ctx.lang
    cells = []
    for _, names in _month_cells(ctx.t):
        if ctx.known(*names):
            sums = [sum(values) for values in zip(*(ctx.column(n) for n in names), strict=True)]
            cells.append([ctx.num(v) for v in sums])
        else:
            cells.append(["—"] * len(ctx.months))
    blocks: dict[str, list[MonthRow]] = defaultdict(list)
    for i, m in enumerate(ctx.timeline.months):
        raw_note = ""
        if m.raw_stage != m.stage and m.stage is not None:
            raw_note = ctx.fmt("raw_note", raw=ctx.stage_name(m.raw_stage))
        blocks[m.month[:4]].append(MonthRow(
            label=locale.MONTHS[lang][int(m.month[5:7]) - 1], iso=m.month,
            badge=ctx.badge(m.stage),
            cells=tuple(column[i] for column in cells),
            reasons=tuple(_sentence(wording.reason_text(r, lang)) for r in m.reasons),
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


# ---------------------------------------------------------------------------- 8. plan


def _plan_number(value: float, other: float, lang: str) -> str:
    digits = 2 if max(abs(value), abs(other)) < 1 else 1
    return locale.decimal(value, lang, digits)


def _plan(ctx: ReportContext) -> PlanView | None:
    plan = ctx.timeline.plan
    if plan is None:
        return None
    t, lang = ctx.t, ctx.lang
    steps = []
    for step in plan.steps:
        progress = 100 if step.target <= 0 else round(min(step.now / step.target, 1) * 100)
        steps.append(PlanStepView(
            label=wording.metric_label(step.metric, lang),
            now=_plan_number(step.now, step.target, lang),
            target=_plan_number(step.target, step.now, lang),
            met=step.met, progress=max(progress, 0)))
    key = "plan_heading_keep" if plan.current == plan.target else "plan_heading"
    heading = ctx.fmt(key, target=ctx.stage_name(plan.target), by=ctx.month(plan.by))
    intro = ctx.fmt("plan_intro", months=locale.duration(plan.months, lang),
                    start=ctx.month(plan.start), by=ctx.month(plan.by))
    return PlanView(
        heading=heading,
        badge=ctx.badge(plan.target),
        intro=intro,
        steps=tuple(steps),
        missing=tuple(wording.metric_label(m, lang) for m in plan.missing),
        verdict=t["plan_reachable"] if plan.reachable else t["plan_not_reachable"],
        reachable=plan.reachable,
        notes=tuple(_sentence(wording.reason_text(r, lang)) for r in plan.reasons),
    )


# ---------------------------------------------------------------------------- 9. about


def _flat(value: object, prefix: str = "") -> list[tuple[str, object]]:
    if isinstance(value, Mapping):
        items: list[tuple[str, object]] = []
        for key, inner in value.items():
            items += _flat(inner, f"{prefix}{key}.")
        return items
    return [(prefix.rstrip("."), value)]


def _threshold_value(value: object, lang: str) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return locale.decimal(float(value), lang, 3)
    return str(value)


def _about(ctx: ReportContext, tz: str, now: datetime | None) -> About:
    export, tl, t, lang = ctx.export, ctx.timeline, ctx.t, ctx.lang

    def when(value: date | None) -> str:
        return locale.day(value, lang, short=True) if value else "—"

    found = Table(
        (t["dataset_col"], t["file_col"], t["rows_col"], t["from_col"], t["to_col"]),
        tuple((dataset_name(name, lang), report.file, ctx.num(report.rows), when(report.first),
               when(report.last)) for name, report in export.reports.items()),
        (False, False, True, False, False))
    missing = None
    if export.missing:
        missing = Table(
            (t["dataset_col"], t["file_col"], t["limits_col"]),
            tuple((dataset_name(name, lang), SPECS[name].filename,
                   limits(name, SPECS[name].limits, lang)) for name in export.missing),
            (False, False, False))
    thresholds = asdict(tl.thresholds) if is_dataclass(tl.thresholds) else dict(
        tl.thresholds)  # type: ignore[call-overload]
    flat = _flat(thresholds)
    window = thresholds.get("window_months", 3)
    run = thresholds.get("min_run_months", 2)
    basis = ", ".join(dataset_name(name, lang) for name in tl.basis) or "—"
    method = (ctx.fmt("method_1", window=window), t["method_2"], ctx.fmt("method_3", run=run),
              ctx.fmt("method_4", basis=basis))
    warnings: list[str] = []
    for report in export.reports.values():
        warnings += report.warnings
    warnings += [w for w in export.warnings if w not in warnings]
    facts = [
        Stat(t["export_name"],
             # A folder name may hold bytes that are not UTF-8: shown escaped.
             t["redacted_export"] if ctx.redaction is not None
             else safe_label(export.location.name)),
        Stat(t["archive_kind"], t[f"archive_{export.archive}"]),
        Stat(t["time_zone"], tz),
        Stat(t["language"], t["language_value"]),
        Stat(t["tool"], f"linkedin-stages {__version__}"),
    ]
    if now is not None:
        facts.append(Stat(t["made_on"], locale.day(now.date(), lang)))
    return About(
        found=found,
        missing=missing,
        limitations=tuple(_sentence(wording.reason_text(r, lang)) for r in tl.limitations),
        method=method,
        thresholds=Table((t["threshold_col"], t["value_col"]),
                         tuple((key, _threshold_value(value, lang)) for key, value in flat),
                         (False, True)),
        warnings=tuple(warnings),
        facts=tuple(facts),
    )
