"""The plan: what monthly behaviour would place the member in a target stage by a date.

The article ends by asking each reader to set an action plan toward the level they want, over
a given period. The plan compares the rates the target stage's rules need (with a margin, so
that the window does not hover on the edge) to the member's last three months.
"""

from __future__ import annotations

import math

import polars as pl

from ..months import month_count, plus_months
from .model import STAGES, Plan, PlanStep, Reason
from .stages import RANK, WindowRates
from .thresholds import Thresholds

MARGIN = 1.25  # aim a quarter above each threshold


def _round_up(value: float, step: float = 0.5) -> float:
    return math.ceil(value / step) * step


def default_target(current: str | None) -> str:
    if current is None:
        return "relay"
    return STAGES[min(RANK[current] + 1, len(STAGES) - 1)]


def make_plan(
    target: str | None, by: str | None, current: str | None, last_month: str,
    monthly: pl.DataFrame, latest: WindowRates | None, t: Thresholds,
) -> Plan:
    target = target or default_target(current)
    start = plus_months(last_month, 1)
    by = by or plus_months(start, 5)
    months = month_count(start, by) if by >= start else 0
    recent = monthly.tail(3)
    quarter = max(recent.height, 1)

    def per_month(*columns: str) -> float:
        return round(sum(float(recent[c].sum()) for c in columns) / quarter, 1)

    business = per_month("business_posts")
    steps: list[PlanStep] = []
    if target == "relay":
        steps.append(PlanStep("shared_posts", per_month("curated_shares", "reposts"),
                              _round_up(t.relay_enter * MARGIN)))
    if RANK[target] >= RANK["producer"]:
        steps.append(PlanStep("original_posts", per_month("original_posts"),
                              _round_up(max(t.producer_enter, t.power_min_posts
                                            if target == "power_networker" else 0) * MARGIN)))
        steps.append(PlanStep("articles", per_month("articles"), 0.5 if target == "producer"
                              else 1.0))
        steps.append(PlanStep("replies_own", per_month("replies_own"), 4.0))
    if target == "power_networker":
        need_posts = _round_up(t.power_min_posts * MARGIN)
        steps.append(PlanStep("business_posts", business,
                              _round_up(need_posts * t.power_business_share * MARGIN)))
        steps.append(PlanStep("regularity", round(latest.regularity, 2) if latest else 0.0,
                              round(min(1.0, t.power_regularity * MARGIN), 2)))
        steps.append(PlanStep("outreach", per_month("outreach"),
                              _round_up(t.power_prospecting * MARGIN)))
    reasons: list[Reason] = []
    reachable = True
    if current is None:
        reasons.append(Reason("plan_unknown"))
    elif RANK[current] >= RANK[target]:
        reasons.append(Reason("plan_reached", {"stage": target}))
    if months <= 0:
        reachable = False
        reasons.append(Reason("plan_past", {"by": by, "last": last_month}))
    else:
        # The rules see a new stage once its behaviour fills half a window and holds for
        # min_run_months; one more month of margin. Stages can be skipped (present → producer).
        needed = t.window_months // 2 + t.min_run_months + 1
        gap = RANK[target] - RANK.get(current or "", -1)
        if months < needed and (current is None or RANK[current] < RANK[target]):
            reachable = False
            reasons.append(Reason("plan_short", {
                "months": months, "needed": needed,
                "suggested": plus_months(start, needed - 1)}))
        if gap > 1 and current is not None:
            reasons.append(Reason("plan_jump", {"from_stage": current, "to_stage": target}))
    missing = tuple(step.metric for step in steps if step.now == 0 and step.target > 0)
    return Plan(target=target, by=by, start=start, months=max(months, 0), current=current,
                steps=tuple(steps), missing=missing, reachable=reachable,
                reasons=tuple(reasons))

