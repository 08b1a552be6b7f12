"""What the analysis produces: a timeline of stages with its evidence, and a plan.

Plain frozen dataclasses, so the JSON/CSV writers and the report's view model read them
without knowing how they were computed. Reasons are structured (a code and its numbers) so
that each output can word them in its own language (see `wording.py`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import polars as pl

    from .thresholds import Thresholds

STAGES: tuple[str, ...] = ("present", "relay", "producer", "power_networker")


@dataclass(frozen=True)
class Reason:
    """One piece of evidence: `code` names the rule, `values` holds its numbers."""

    code: str
    values: Mapping[str, float | int | str] = field(default_factory=dict)


@dataclass(frozen=True)
class MonthStage:
    month: str  # YYYY-MM
    stage: str | None  # None: unknown (the archive cannot show it)
    raw_stage: str | None  # what the month's window alone says, before hysteresis
    metrics: Mapping[str, float]
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Transition:
    month: str  # the first month of the new stage
    from_stage: str | None
    to_stage: str | None


@dataclass(frozen=True)
class PlanStep:
    """One behaviour to change: its monthly rate over the last quarter and the rate needed."""

    metric: str
    now: float
    target: float

    @property
    def met(self) -> bool:
        return self.now >= self.target


@dataclass(frozen=True)
class Plan:
    target: str  # a stage id
    by: str  # YYYY-MM
    start: str  # first month of the plan (the month after the export)
    months: int  # months available
    current: str | None
    steps: tuple[PlanStep, ...]
    missing: tuple[str, ...]  # metrics at zero today that the target needs
    reachable: bool
    reasons: tuple[Reason, ...]  # notes: already there, too short, cannot measure…


@dataclass(frozen=True)
class Timeline:
    months: tuple[MonthStage, ...]
    transitions: tuple[Transition, ...]
    current_stage: str | None
    current_since: str | None
    plan: Plan | None
    thresholds: Thresholds
    monthly: pl.DataFrame  # one row per month: `month` then every metric (for charts, CSV)
    posts: pl.DataFrame  # the member's shares, classified (kind, business, personal, …)
    limitations: tuple[Reason, ...]  # what this archive cannot show
    basis: tuple[str, ...]  # datasets the stages were judged on
    engagement: Engagement | None = None  # from LinkedIn's analytics workbook, when given


@dataclass(frozen=True)
class Engagement:
    """What others did with the member's posts, from the analytics workbook(s)."""

    summary: Mapping[str, object]  # files, period, totals, followers… (Analytics.summary())
    matching: Mapping[str, int]  # top posts matched to the archive's posts, and how
    by_kind: pl.DataFrame  # engagement rate per post kind (original, curated_share, …)
    months: tuple[str, ...]  # months the workbooks cover
    demographics: pl.DataFrame  # category, value, share
