"""The plan: what monthly behaviour would place the member in a target stage by a date.

The article ends by asking each reader to set an action plan toward the level they want, over
a given period. The plan compares the rates the target stage's rules need (with a margin, so
that the window does not hover on the edge) to the member's last three months.
"""

from __future__ import annotations

import dataclasses
import difflib
import math
import re

import polars as pl

from ..errors import PlanOptionError, TimelineError  # noqa: F401 (PlanOptionError: importable here too)
from ..months import month_count, plus_months
from .model import STAGES, Plan, PlanStep, Reason, Stage, Timeline
from .stages import RANK, WindowRates, window_rates
from .thresholds import Thresholds

MARGIN = 1.25  # aim a quarter above each threshold
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def _stage_key(text: str) -> str:
    """`Power networker`, `power-networker`, ` POWER_networker ` → `power_networker`."""
    return re.sub(r"[\s_-]+", "_", text.strip().lower())


def _round_up(value: float, step: float = 0.5) -> float:
    return math.ceil(value / step) * step


def default_target(current: Stage | None) -> Stage:
    if current is None:
        return "relay"
    return STAGES[min(RANK[current] + 1, len(STAGES) - 1)]


def check_plan_options(target: str | None, by: str | None) -> Stage | None:
    """The target stage (None: the default), or a PlanOptionError (a usage error) if the
    target is not a stage or `by` not a month (`YYYY-MM`): cheap, so the command line checks
    them before it reads the export. Case, spaces, dashes and underscores do not matter
    (`power-networker`, `Power networker`); a near miss is answered with the stage meant."""
    if by is not None and not _MONTH.match(by):
        raise PlanOptionError(f"--by must be a month like 2027-06, not {by!r}")
    if target is None:
        return None
    key = _stage_key(target)
    for stage in STAGES:
        if stage == key:
            return stage
    close = difflib.get_close_matches(key, STAGES, n=1, cutoff=0.6)
    hint = f" (did you mean {close[0]}?)" if close else ""
    raise PlanOptionError(f"--target must be one of {', '.join(STAGES)}, not {target!r}{hint}")


def check_plan_date(by: str | None, last_month: str) -> None:
    """A PlanOptionError (a usage error) if `by` is not after the export's last month: a plan
    of 0 months is no plan."""
    if by is not None and by <= last_month:
        raise PlanOptionError(f"--by {by} is not after the export's last month ({last_month}): "
                              f"choose a later month, such as {plus_months(last_month, 6)}")


def make_plan(timeline: Timeline, *, target: Stage | None = None, by: str | None = None,
              thresholds: Thresholds | None = None) -> Plan:
    """What the member would do each month to be in `target` (default: the next stage up) by
    `by` (default: six months after the export), from the timeline's last quarter.

    `target` is a `Stage` (`check_plan_options` turns what a user typed into one); both are
    checked again here, for callers that do not type-check. `thresholds` defaults to the ones
    the timeline was judged with."""
    stage = check_plan_options(target, by)
    check_plan_date(by, timeline.months[-1].month)
    t = timeline.thresholds if thresholds is None else thresholds
    if not isinstance(t, Thresholds):
        raise TypeError(f"thresholds must be a Thresholds object, not {type(t).__name__}")
    return _plan(stage, by, timeline.current_stage, timeline.months[-1].month,
                 timeline.monthly, _latest_window(timeline, t), t)


def with_plan(timeline: Timeline, *, target: Stage | None = None, by: str | None = None,
              thresholds: Thresholds | None = None) -> Timeline:
    """The timeline with its `plan` filled by `make_plan` (what the report and the JSON read)."""
    return dataclasses.replace(timeline, plan=make_plan(timeline, target=target, by=by,
                                                        thresholds=thresholds))


def _latest_window(timeline: Timeline, t: Thresholds) -> WindowRates:
    """The rates of the last month's window. That window reaches back `window_months // 2`
    months and no further (there is no month after the export), so only those months are
    summed: the same numbers as the whole timeline's last window, without the rest."""
    recent = timeline.monthly.tail(t.window_months // 2 + 1)
    return window_rates(recent, timeline.posts, t)[-1]


def _plan(
    target: Stage | None, by: str | None, current: Stage | None, last_month: str,
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
        # the top stage has no "beyond"
        top = RANK[target] == len(STAGES) - 1
        reasons.append(Reason("plan_reached_top" if top else "plan_reached", {"stage": target}))
    if months <= 0:
        reachable = False
        reasons.append(Reason("plan_past", {"by": by, "last": last_month}))
    else:
        # The rules see a new stage once its behaviour fills half a window and holds for
        # min_run_months; one more month of margin. Stages can be skipped (present → producer).
        needed = t.window_months // 2 + t.min_run_months + 1
        gap = RANK[target] - (RANK[current] if current is not None else -1)
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

