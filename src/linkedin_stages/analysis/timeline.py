"""Build the timeline of an export, and write it as JSON or CSV (the `timeline` command)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

import polars as pl

from ..errors import TimelineError
from ..export import Export
from ..months import months_between
from . import describe
from .engagement import with_engagement
from .metrics import (
    METRICS,
    add_text_signals,
    monthly_metrics,
    post_kinds,
    span,
    with_signal_counts,
)
from .model import Engagement, MonthStage, Reason, Stage, Timeline, Transition
from .stages import judge, month_rates, window_rates
from .thresholds import DEFAULTS, Thresholds

if TYPE_CHECKING:  # the workbook reader is imported only when a workbook is given
    from ..analytics import Analytics

SCHEMA = "linkedin-stages.timeline/1"

# The datasets each monthly metric is counted from. A metric whose datasets are all absent
# from the archive is not measured: `null` in the JSON, empty in the CSV, never 0 (a basic
# archive has no Shares.csv: its original posts are unknown, not none). Instant reposts
# (InstantReposts.csv) exist only from 2025: reposts are also counted from the reshares of
# Shares.csv. The Articles folder exists only for members who wrote one, so with Shares.csv
# present no folder means no article.
METRIC_SOURCES: dict[str, tuple[str, ...]] = {
    "reactions": ("reactions",), "comments": ("comments",), "replies_own": ("comments",),
    "reposts": ("reposts", "shares"), "curated_shares": ("shares",),
    "commented_shares": ("shares",), "original_posts": ("shares",),
    "articles": ("articles", "shares"), "media_uploads": ("rich_media",),
    "words": ("shares", "articles"), "business_posts": ("shares", "articles"),
    "personal_posts": ("shares", "articles"), "topic_focus": ("shares", "articles"),
    "active_weeks": ("shares", "comments"), "posting_days": ("shares", "articles"),
    "connections_added": ("connections",), "connections_total": ("connections",),
    "invitations_in": ("invitations",), "invitations_out": ("invitations",),
    "messages_sent": ("messages",), "messages_received": ("messages",),
    "new_conversations": ("messages",), "outreach": ("messages",),
    "conversations_with_new_connections": ("messages",), "saved_items": ("saved_items",),
    "votes": ("votes",), "substantive_comments": ("comments",), "stock_posts": ("shares",),
}


def unmeasured(export: Export) -> frozenset[str]:
    """The monthly metrics this archive cannot count (every dataset behind them absent)."""
    return frozenset(metric for metric, sources in METRIC_SOURCES.items()
                     if not any(source in export.reports for source in sources))


def _limitations(export: Export, engagement: Engagement | None = None) -> list[Reason]:
    if engagement is None:
        notes = [Reason("no_engagement"), Reason("no_population")]
    else:
        covered = engagement.months
        notes = [Reason("engagement_months", {
            "from": covered[0] if covered else "—", "to": covered[-1] if covered else "—",
            "count": len(covered)}), Reason("no_population")]
    if "shares" not in export.reports:
        notes.insert(0, Reason("unknown_no_shares"))
    elif "reactions" not in export.reports and "comments" not in export.reports:
        notes.insert(0, Reason("no_reactions", {"reason": f"{export.archive} archive"}))
    return notes


def build_timeline(
    export: Export,
    *,
    thresholds: Thresholds = DEFAULTS,
    analytics: Analytics | None = None,
) -> Timeline:
    """Each month's stage with its evidence, the transitions and the current stage.

    The plan is a step of its own (`plan.make_plan`, or `analyze`, which runs both): the
    timeline comes back with `plan` None. `thresholds` is a `Thresholds` object, never a file:
    a TOML file is read at the edge (`load_thresholds`, by the command line) before the export
    is. With `analytics` (LinkedIn's content-analytics workbooks, read by
    `analytics.load_analytics`), months the workbooks cover gain impressions, engagements and
    new followers, with a reason giving them; the stage rules themselves stay on what the
    member did."""
    if not isinstance(thresholds, Thresholds):
        raise TypeError(f"thresholds must be a Thresholds object (read a file with "
                        f"load_thresholds first), not {type(thresholds).__name__}")
    t = thresholds
    base = post_kinds(export, t)
    # The text signals (regexes over every post) and the monthly counts (group-bys over
    # every dataset) are independent: computed side by side, polars releasing the GIL.
    with ThreadPoolExecutor(max_workers=2) as pool:
        signals = pool.submit(add_text_signals, base)
        limits = span(export, base)
        months = months_between(*limits) if limits else []
        partial = monthly_metrics(export, base, months) if months else None
        posts = signals.result()
    if limits is None or partial is None:
        raise TimelineError(f"{export.location}: no dated activity in this export, so there is "
                            "no timeline to draw")
    monthly = with_signal_counts(partial, posts)
    engagement = None
    if analytics is not None:
        monthly, engagement = with_engagement(monthly, posts, analytics)
    can_judge = "shares" in export.reports and export.reports["shares"].readable
    judged: list[tuple[Stage | None, Stage | None, list[Reason]]]
    if not can_judge:
        judged = [(None, None, [Reason("unknown_no_shares")]) for _ in months]
    elif len(months) < t.min_months_of_data:
        too_few = Reason("too_few_months", {"count": len(months), "needed": t.min_months_of_data})
        judged = [(None, None, [too_few]) for _ in months]
    else:
        # the window rates only when the rules run (the plan computes its own)
        judged = list(judge(window_rates(monthly, posts, t), t, month_rates(monthly, posts, t)))
    month_rows = []
    metric_rows = monthly.drop("month").to_dicts()
    unknown = unmeasured(export)
    for month, (stage, raw, reasons), metrics in zip(months, judged, metric_rows, strict=True):
        if metrics.get("impressions") is not None:
            reasons = [*reasons, Reason("engagement", {
                "impressions": int(metrics["impressions"]),
                "engagements": int(metrics["engagements"] or 0),
                "rate": float(metrics["engagement_rate"] or 0.0),
                "followers": int(metrics["new_followers"] or 0)})]
        month_rows.append(MonthStage(
            month=month, stage=stage, raw_stage=raw,
            metrics={k: float(v) for k, v in metrics.items()
                     if v is not None and k not in unknown},
            reasons=tuple(reasons)))
    transitions = tuple(
        Transition(month=b.month, from_stage=a.stage, to_stage=b.stage)
        for a, b in zip(month_rows, month_rows[1:], strict=False) if a.stage != b.stage
    )
    current = month_rows[-1].stage
    since = month_rows[0].month
    for row in reversed(month_rows):
        if row.stage != current:
            break
        since = row.month
    monthly = monthly.with_columns(pl.Series("stage", [m.stage for m in month_rows],
                                             dtype=pl.String))
    return Timeline(
        months=tuple(month_rows), transitions=transitions, current_stage=current,
        current_since=since, plan=None, thresholds=t, monthly=monthly, posts=posts,
        limitations=tuple(_limitations(export, engagement)),
        basis=tuple(n for n in ("shares", "comments", "reactions", "reposts", "articles",
                                "connections", "invitations", "messages")
                    if n in export.reports),
        engagement=engagement,
    )


def to_json(timeline: Timeline, lang: str = "en") -> dict[str, object]:
    """The `timeline --format json` document (schema linkedin-stages.timeline/1)."""
    plan = timeline.plan
    return {
        "schema": SCHEMA,
        "months": [
            {"month": m.month, "stage": m.stage, "raw_stage": m.raw_stage,
             "metrics": {**{k: _metric(m.metrics, k) for k in METRICS},
                         **{k: _number(v) for k, v in m.metrics.items() if k not in METRICS}},
             "reasons": [describe.reason_text(r, lang) for r in m.reasons]}
            for m in timeline.months
        ],
        "transitions": [{"month": t.month, "from": t.from_stage, "to": t.to_stage}
                        for t in timeline.transitions],
        "current": {"stage": timeline.current_stage, "since": timeline.current_since},
        "plan": None if plan is None else {
            "target": plan.target, "by": plan.by, "from": plan.start, "months": plan.months,
            "current": plan.current, "reachable": plan.reachable,
            "steps": [{"metric": s.metric, "label": describe.metric_label(s.metric, lang),
                       "now_per_month": s.now, "target_per_month": s.target, "met": s.met}
                      for s in plan.steps],
            "missing": list(plan.missing),
            "notes": [describe.reason_text(r, lang) for r in plan.reasons],
        },
        "limitations": [describe.reason_text(r, lang) for r in timeline.limitations],
        "engagement": None if timeline.engagement is None else {
            **timeline.engagement.summary.to_json(),
            "months": list(timeline.engagement.months),
            "top_posts_matching": dict(timeline.engagement.matching),
            "by_kind": timeline.engagement.by_kind.to_dicts(),
            **({"coverage": timeline.engagement.coverage.to_json()}
               if timeline.engagement.coverage is not None else {}),
        },
        "basis": list(timeline.basis),
        "thresholds": timeline.thresholds.to_dict(),
    }


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 3)


def _metric(metrics: Mapping[str, float], key: str) -> int | float | None:
    """A month's metric, or None where the archive cannot count it."""
    return _number(metrics[key]) if key in metrics else None


def to_csv(timeline: Timeline, lang: str = "en") -> str:
    """One row per month: month, stage, every metric, then the reasons joined by ` | `."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["month", "stage", *METRICS, "reasons"])
    for m in timeline.months:
        writer.writerow([m.month, m.stage or "", *("" if (v := _metric(m.metrics, k)) is None
                                                    else v for k in METRICS),
                         " | ".join(describe.reason_text(r, lang) for r in m.reasons)])
    return buffer.getvalue()


def dumps_json(timeline: Timeline, lang: str = "en") -> str:
    return json.dumps(to_json(timeline, lang), indent=2, ensure_ascii=False) + "\n"
