"""The HTML comparison of two exports: a view model (frozen dataclasses, all text worded in
the page's language from the catalogue's `[compare]` table, warnings included) from
`analysis.compare.Comparison`, rendered by templates/compare.html.j2 with the report's look
and guarantees (escaped, offline, deterministic, atomic)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from .. import __version__
from ..analysis import describe
from ..analysis.compare import Comparison
from ..analysis.model import STAGES
from ..i18n import formatting
from ..i18n.catalogue import catalogue, check_language
from ..i18n.notices import word
from ..links import clip, first_line, linkedin_url
from ..months import month_count
from ..safe_output import safe_label
from ..templating import environment
from . import charts
from .common import (
    LABEL_LIMIT,
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
from .compare_charts import BetweenChart, BetweenSpec, Panel


def compare_text(lang: str) -> dict[str, str]:
    """The comparison page's words in `lang`: the `[compare]` table of its catalogue."""
    return catalogue(lang).table("compare")


FOLD_AFTER = 8  # rows of a long list shown before "Show all": the rest in a <details>
MOVES_SHOWN = 500  # job moves on the page at most (all of them are in the JSON)
# The activity between the two exports, each row (the Comparison's counts it adds up) worded
# as the report words the same thing: the activity charts' series (`[report] kind_…`), the
# network's invitations (`[report]`), the metrics' labels (`[metrics]`). Reshares count as
# reposts, as in the report's monthly metrics.
ACTIVITY_ROWS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("report.kind_original_posts", ("posts_original",)),
    ("report.kind_articles", ("posts_article",)),
    ("report.kind_commented_shares", ("posts_commented_share",)),
    ("report.kind_curated_shares", ("posts_curated_share",)),
    ("report.kind_reposts", ("reposts", "posts_reshare")),
    ("report.kind_comments", ("comments",)),
    ("report.kind_reactions", ("reactions",)),
    ("metrics.messages_sent", ("messages_sent",)),
    ("metrics.messages_received", ("messages_received",)),
    ("report.invitations_in", ("invitations_in",)),
    ("report.invitations_out", ("invitations_out",)),
    ("metrics.connections_added", ("connections_gained",)),
    ("compare.connections_gained_after", ("connections_gained_after",)),
)
# The between chart's panels: the report's key numbers (`[report]` own_col, shared_col…)
# and the monthly metrics each adds up, as the report's months table counts them.
BETWEEN_PANELS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("own_col", ("original_posts", "articles")),
    ("shared_col", ("curated_shares", "commented_shares", "reposts")),
    ("comments_col", ("comments",)),
    ("reactions_col", ("reactions",)),
    ("connections_col", ("connections_added",)),
)


@dataclass(frozen=True)
class DeletedPost:
    date: str
    iso_date: str
    text: str
    link: str | None


@dataclass(frozen=True)
class CompareView:
    lang: str
    t: Mapping[str, str]
    title: str
    subtitle: str
    notices: tuple[str, ...]
    then: StageBadge
    now: StageBadge
    stage_sentence: str
    direction: str
    overlap: str
    rates: Table
    old_trajectory: Trajectory
    new_trajectory: Trajectory
    network: tuple[Stat, ...]
    matched_note: str
    unmatched_note: str
    gained_companies: tuple[Ranked, ...]
    gained_positions: tuple[Ranked, ...]
    lost_companies: tuple[Ranked, ...]
    moves: Table | None  # the first rows
    moves_rest: Table | None  # the others, folded in a <details>
    moves_all: str  # its summary: "Show all 54"
    moves_more: str
    activity_intro: str
    activity: Table
    between: BetweenChart | None  # None: no whole month between the two exports
    between_empty: str
    dropped: tuple[Stat, ...]
    deleted: tuple[DeletedPost, ...]  # the first ones
    deleted_rest: tuple[DeletedPost, ...]  # the others, folded
    deleted_all: str
    deleted_unknown: bool  # posts not readable in both archives: no deletion claimed
    about: Table
    version: str


def _job(company: str | None, position: str | None) -> str:
    return clip(" · ".join(p for p in (position, company) if p) or "—", LABEL_LIMIT)


def build_compare_view(comparison: Comparison, *, lang: str = "en") -> CompareView:
    check_language(lang)
    c = comparison
    t = compare_text(lang)
    old_ctx = ReportContext(c.old.facts, c.old.timeline, lang)
    new_ctx = ReportContext(c.new.facts, c.new.timeline, lang)

    def day(value: date) -> str:
        return formatting.day(value, lang)

    def num(value: float) -> str:
        return formatting.integer(value, lang)

    def known(value: int | None) -> str:  # None: not readable in both archives
        return "—" if value is None else num(value)

    def rate(value: float | None) -> str:  # None: the archive does not hold that file
        return "—" if value is None else formatting.decimal(value, lang)

    member = c.new.name or c.old.name or ""
    gap = formatting.duration(month_count(f"{c.old.exported:%Y-%m}",
                                                f"{c.new.exported:%Y-%m}") - 1, lang)
    then, now = c.old.timeline.current_stage, c.new.timeline.current_stage
    if then in STAGES and now in STAGES:
        direction = ("up" if STAGES.index(now) > STAGES.index(then)
                     else "down" if STAGES.index(now) < STAGES.index(then) else "same")
        direction_text = t[f"stage_{direction}"]
    else:
        direction, direction_text = "", t["stage_unknown"]
    stage_sentence = t["stage_sentence"].format(
        old=formatting.month(f"{c.old.exported:%Y-%m}", lang),
        then=describe.stage_in_sentence(then, lang),
        new=formatting.month(f"{c.new.exported:%Y-%m}", lang),
        now=describe.stage_in_sentence(now, lang)
    ) + " " + direction_text
    overlap = (t["overlap"].format(overlap=num(c.overlap_months), agree=num(c.overlap_agree))
               if c.overlap_months else t["overlap_none"])
    if c.disagreements:
        overlap += " " + t["overlap_differ"].format(
            months=", ".join(formatting.month(m, lang) for m, _, _ in c.disagreements[:12]))
    rates = Table(
        head=(t["metric_col"], t["then_col"], t["now_col"], t["change_col"]),
        rows=tuple((describe.metric_label(metric, lang), rate(a), rate(b),
                    "—" if a is None or b is None else _change(b - a, lang))
                   for metric, (a, b) in c.rates.items()),
        numeric=(False, True, True, True))
    network = (Stat(t["gained"], num(c.gained.height)), Stat(t["lost"], num(c.lost.height)),
               Stat(t["moves"], num(len(c.job_moves))),
               Stat(t["unmatched"], num(c.ghosts_new)))
    moves = moves_rest = None
    if c.job_moves:
        rows = tuple((clip(m.name, LABEL_LIMIT), _job(*m.before), _job(*m.after))
                     for m in c.job_moves[:MOVES_SHOWN])
        head = (t["name_col"], t["from_col"], t["to_col"])
        moves = Table(head, rows[:FOLD_AFTER], (False, False, False))
        if rows[FOLD_AFTER:]:
            moves_rest = Table(head, rows[FOLD_AFTER:], (False, False, False))
    more = len(c.job_moves) - MOVES_SHOWN
    activity = Table(head=(t["what_col"], t["count_col"]),
                     rows=tuple((catalogue(lang).text(key), known(_added(c.between, names)))
                                for key, names in ACTIVITY_ROWS),
                     numeric=(False, True))
    dropped = (Stat(t["dropped_invitations"], known(c.dropped["invitations"])),
               Stat(t["dropped_messages"], known(c.dropped["messages"])),
               Stat(t["missing_comments"], known(c.dropped["comments"])),
               Stat(t["missing_reactions"], known(c.dropped["reactions"])))
    redacted = c.redaction is not None
    deleted_posts = tuple(
        DeletedPost(day(r["timestamp"].date()) if r["timestamp"] else "—",
                    r["timestamp"].date().isoformat() if r["timestamp"] else "",
                    # redacted: the page's own words, not the data's placeholder
                    t["text_removed"] if redacted else first_line(r["text"]) or "—",
                    None if redacted else linkedin_url(r["link"]))
        for r in c.deleted_posts.iter_rows(named=True))

    def location(side_location: str | None, label: str) -> str:
        return (t[f"hidden_archive_{label}"] if side_location is None
                else safe_label(side_location))

    # One column per archive, one row per fact: three columns fit a phone, where five
    # pushed the stage (the last column) off the screen.
    sides = (("old", c.old), ("new", c.new))
    report_words = catalogue(lang).table("report")
    about = Table(
        head=(t["archive_col"], *(t[label] for label, _ in sides)),
        rows=(
            (report_words["file_col"],
             *(location(side.facts.location, label) for label, side in sides)),
            (t["exported_col"], *(day(side.exported) for _, side in sides)),
            (t["kind_col"], *(report_words[f"archive_{side.facts.archive}"]
                              for _, side in sides)),
            (report_words["stage_col"],
             *(describe.stage_name(side.timeline.current_stage, lang) for _, side in sides)),
        ),
        numeric=(False, False, False))
    old_trajectory, new_trajectory = _shared_axis(trajectory_view(old_ctx),
                                                  trajectory_view(new_ctx))
    between = _between_chart(c, new_ctx, t)
    return CompareView(
        lang=lang, t=t,
        title=t["title"].format(member=member) if member else t["title_anonymous"],
        subtitle=t["subtitle"].format(old=day(c.old.exported), new=day(c.new.exported),
                                      gap=gap),
        notices=tuple(([t["swapped"]] if c.swapped else [])
                      + [word(warning, lang) for warning in c.warnings]),
        then=old_ctx.badge(then), now=new_ctx.badge(now), stage_sentence=stage_sentence,
        direction=direction, overlap=overlap, rates=rates,
        old_trajectory=old_trajectory, new_trajectory=new_trajectory,
        network=network,
        matched_note=t["matched_by_url"] if c.matched_by == "url" else t["matched_by_name"],
        unmatched_note=t["unmatched_note"].format(new=num(c.ghosts_new), old=num(c.ghosts_old)),
        gained_companies=ranked_items(c.gained_companies, lang),
        gained_positions=ranked_items(c.gained_positions, lang),
        lost_companies=ranked_items(c.lost_companies, lang),
        moves=moves, moves_rest=moves_rest,
        moves_all=t["show_all"].format(count=num(min(len(c.job_moves), MOVES_SHOWN))),
        moves_more=t["moves_more"].format(count=num(more)) if more > 0 else "",
        activity_intro=t["activity_intro"].format(date=day(c.old.exported)),
        activity=activity, between=between,
        between_empty=t["between_empty"].format(old=day(c.old.exported),
                                                new=day(c.new.exported)),
        dropped=dropped, deleted=deleted_posts[:FOLD_AFTER],
        deleted_rest=deleted_posts[FOLD_AFTER:],
        deleted_all=t["show_all"].format(count=num(len(deleted_posts))), about=about,
        deleted_unknown="shares" in c.not_compared,
        version=__version__,
    )


def _change(delta: float, lang: str) -> str:
    """A signed change, "+4,7" or "−0,3": the minus sign (U+2212), not a hyphen, and no
    sign when nothing changed."""
    shown = formatting.decimal(abs(delta), lang)
    if shown == formatting.decimal(0, lang):
        return shown
    return ("+" if delta > 0 else "\u2212") + shown


def _added(between: Mapping[str, int | None], names: Sequence[str]) -> int | None:
    """The sum of the Comparison's counts `names` (None when one cannot be shown)."""
    values = [between.get(name, 0) for name in names]
    return None if any(v is None for v in values) else sum(v or 0 for v in values)


def _shared_axis(old: Trajectory, new: Trajectory) -> tuple[Trajectory, Trajectory]:
    """Both trajectories on one time axis, from the first month of either to the last of
    either: the older archive visibly ends earlier, and a month sits at the same place in
    both charts. Each chart gets its own key (`lanes-old`, `lanes-new`), which prefixes its
    ids: two charts keyed `lanes` gave the page two `figure-lanes`, and a screen reader read
    the older chart's description for the newer one."""
    specs = [t.chart.spec for t in (old, new)]
    lanes = [spec for spec in specs if isinstance(spec, charts.LanesSpec)]
    assert len(lanes) == 2, "a trajectory's chart is its stage lanes"
    first, last = min(s.first for s in lanes), max(s.last for s in lanes)

    def placed(trajectory: Trajectory, spec: charts.LanesSpec, key: str) -> Trajectory:
        chart = dataclasses.replace(
            trajectory.chart, key=key,
            spec=dataclasses.replace(spec, key=key, first=first, last=last))
        return dataclasses.replace(trajectory, chart=chart)

    return placed(old, lanes[0], "lanes-old"), placed(new, lanes[1], "lanes-new")


def _between_chart(c: Comparison, ctx: ReportContext, t: Mapping[str, str]
                   ) -> BetweenChart | None:
    """What the member did each month after the older export's month, up to the newer
    archive's last month: the report's key numbers, one panel each, the newer archive's
    stage periods behind them. None when no whole month lies between the two exports."""
    after = f"{c.old.exported:%Y-%m}"
    index = [i for i, month in enumerate(ctx.months) if month > after]
    if not index:
        return None
    months = tuple(ctx.months[i] for i in index)
    panels: list[Panel] = []
    for key, metrics in BETWEEN_PANELS:
        if not all(ctx.known(metric) for metric in metrics):
            continue  # a partial sum under the whole name would undercount: no panel
        values = tuple(sum(ctx.column(metric)[i] for metric in metrics) for i in index)
        panels.append(Panel(ctx.t[key], "var(--ink)", values, ctx.num(max(values)),
                            f"{ctx.num(sum(values))} {ctx.t['in_all']}"))
    if not panels:
        return None
    shown = set(months)
    runs = tuple(stage_runs([m for m in ctx.timeline.months if m.month in shown]))
    periods = formatting.format_list([
        ctx.fmt("period_item", stage=ctx.stage_name(r.stage),
                span=formatting.month_span(r.first, r.last, ctx.lang),
                duration=formatting.duration(month_count(r.first, r.last), ctx.lang))
        for r in runs], ctx.lang)
    title = t["between_title"].format(first=ctx.month(months[0]), last=ctx.month(months[-1]))
    totals = formatting.format_list(
        [t["between_total"].format(label=p.label, count=ctx.num(sum(p.values)))
         for p in panels], ctx.lang)
    description = t["between_desc"].format(totals=totals, periods=periods)
    spec = BetweenSpec("between", title, description, months, tuple(panels), runs,
                       tuple((s, ctx.stage_name(s)) for s in (*STAGES, None)))
    table = Table(
        (ctx.t["month_col"], ctx.t["stage_col"], *(p.label for p in panels)),
        tuple((ctx.month(month), ctx.stage_name(ctx.stage_of.get(month)),
               *(ctx.num(p.values[j]) for p in panels))
              for j, month in enumerate(months)),
        (False, False, *([True] * len(panels))))
    legend = tuple(LegendItem(ctx.stage_name(s), charts.STAGE_COLORS[s])
                   for s in (*STAGES, None) if any(r.stage == s for r in runs))
    return BetweenChart("between", title, spec, description, legend, table)


def build_compare_report(comparison: Comparison, *, lang: str = "en") -> str:
    """The comparison page as one self-contained HTML string (same inputs, same string)."""
    from .draw import drawn

    view = drawn(build_compare_view(comparison, lang=lang))  # charts drawn before the template
    # the report's own strings too: the shared macros and trajectory blocks use them
    words = {**catalogue(lang).table("report"), **view.t}
    return environment().get_template("compare.html.j2").render(view=view, t=words)
