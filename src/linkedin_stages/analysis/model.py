"""What the analysis produces: a timeline of stages with its evidence, and a plan.

Plain frozen dataclasses, so the JSON/CSV writers and the report's view model read them
without knowing how they were computed. Reasons are structured (a code and its numbers) so
that each output can word them in its own language (see `describe.py`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Literal, TypeGuard, get_args

if TYPE_CHECKING:
    import polars as pl

    from ..analytics import AnalyticsSummary
    from .thresholds import Thresholds

# The four stages, lowest first (the order is the ladder's). `None` where a stage is used
# means unknown: the archive cannot show it. The strings are those of the JSON output.
Stage = Literal["present", "relay", "producer", "power_networker"]
STAGES: tuple[Stage, ...] = get_args(Stage)


def is_stage(value: object) -> TypeGuard[Stage]:
    """Whether `value` (a `--target`, a field of a JSON file) names a stage; narrows it."""
    return value in STAGES

# What a post of the member is (docs/stage-model.md); `OwnKind` are those the member wrote.
PostKind = Literal["original", "commented_share", "curated_share", "reshare", "article"]
POST_KINDS: tuple[PostKind, ...] = get_args(PostKind)
OwnKind = Literal["original", "commented_share", "article"]
OWN_KINDS: tuple[OwnKind, ...] = get_args(OwnKind)


def post_kind(value: object) -> PostKind:
    """A frame's `kind` cell as a `PostKind` (the posts frame only holds these: anything else
    is a bug, a ValueError)."""
    for kind in POST_KINDS:
        if value == kind:
            return kind
    raise ValueError(f"not a kind of post: {value!r}")


class FrameSchemaError(TypeError):
    """A frame the analysis built is not the one its schema declares (a bug, not bad input)."""


@dataclass(frozen=True)
class FrameSchema:
    """The columns of a frame the analysis hands on, in order, with their polars types.

    Declared once beside the function that builds the frame and checked on its way out, so
    whoever reads the frame (the view model, the writers) can rely on every column."""

    columns: Mapping[str, pl.DataType]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self.columns)

    def check(self, frame: pl.DataFrame, what: str) -> pl.DataFrame:
        """`frame` itself when it has exactly these columns, in this order, of these types;
        otherwise a `FrameSchemaError` naming `what` and every column that differs."""
        actual = frame.schema
        if list(actual.items()) == list(self.columns.items()):
            return frame
        problems = []
        missing = [name for name in self.columns if name not in actual]
        if missing:
            problems.append("missing " + ", ".join(missing))
        unexpected = [name for name in actual if name not in self.columns]
        if unexpected:
            problems.append("unexpected " + ", ".join(unexpected))
        mistyped = [f"{name} is {actual[name]}, not {dtype}"
                    for name, dtype in self.columns.items()
                    if name in actual and actual[name] != dtype]
        problems += mistyped
        if not problems:
            problems.append("columns out of order: " + ", ".join(actual.names()))
        raise FrameSchemaError(f"{what}: the frame does not match its schema: "
                               + "; ".join(problems))


@dataclass(frozen=True)
class Reason:
    """One piece of evidence: `code` names the rule, `values` holds its numbers."""

    code: str
    values: Mapping[str, float | int | str] = field(default_factory=dict)


@dataclass(frozen=True)
class MonthStage:
    month: str  # YYYY-MM
    stage: Stage | None  # None: unknown (the archive cannot show it)
    raw_stage: Stage | None  # what the month's window alone says, before hysteresis
    metrics: Mapping[str, float]
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Transition:
    month: str  # the first month of the new stage
    from_stage: Stage | None
    to_stage: Stage | None


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
    target: Stage
    by: str  # YYYY-MM
    start: str  # first month of the plan (the month after the export)
    months: int  # months available
    current: Stage | None
    steps: tuple[PlanStep, ...]
    missing: tuple[str, ...]  # metrics at zero today that the target needs
    reachable: bool
    reasons: tuple[Reason, ...]  # notes: already there, too short, cannot measure…


@dataclass(frozen=True)
class Timeline:
    months: tuple[MonthStage, ...]
    transitions: tuple[Transition, ...]
    current_stage: Stage | None
    current_since: str | None
    plan: Plan | None
    thresholds: Thresholds
    monthly: pl.DataFrame  # one row per month: `month` then every metric (for charts, CSV)
    posts: pl.DataFrame  # the member's shares, classified (kind, business, personal, …)
    limitations: tuple[Reason, ...]  # what this archive cannot show
    basis: tuple[str, ...]  # datasets the stages were judged on
    engagement: Engagement | None = None  # from LinkedIn's analytics workbook, when given


TotalsFrom = Literal["period", "daily", "merged"]


@dataclass(frozen=True)
class MonthFigures:
    """One month of the workbooks' daily rows."""

    month: str  # YYYY-MM
    days: int  # daily rows that month
    impressions: int
    engagements: int
    new_followers: int | None  # None: no follower row that month


@dataclass(frozen=True)
class Coverage:
    """The workbooks' own totals for their period, beside what their daily rows cover.

    `totals_from` says where `impressions`, `members_reached` (and `engagements`, when the
    workbook states them) come from: "period" — one workbook's own totals for its period
    (DISCOVERY); "daily" — it states none, they are the sums of its daily rows over the days
    those cover; "merged" — several workbooks: the period is their union and the totals are
    the sums of the merged daily rows (each day once; reach cannot be added up, so None)."""

    period: tuple[date, date] | None
    totals_from: TotalsFrom
    impressions: int | None
    members_reached: int | None
    engagements: int | None  # stated with the period's totals (rare), else None
    followers_total: int | None
    followers_on: date | None
    daily_first: date | None  # the first and last daily row
    daily_last: date | None
    daily_days: int
    daily_impressions: int
    daily_engagements: int
    followers_first: date | None  # the first and last daily follower row
    followers_last: date | None
    new_followers: int | None  # over the daily follower rows (None: no such row)
    months: tuple[MonthFigures, ...]  # the daily rows month by month

    def to_json(self) -> dict[str, object]:
        def iso(day: date | None) -> str | None:
            return None if day is None else day.isoformat()

        return {
            "period": None if self.period is None else [iso(d) for d in self.period],
            "totals_from": self.totals_from,
            "impressions": self.impressions, "members_reached": self.members_reached,
            "engagements": self.engagements,
            "followers_total": self.followers_total, "followers_on": iso(self.followers_on),
            "daily": {"first": iso(self.daily_first), "last": iso(self.daily_last),
                      "days": self.daily_days, "impressions": self.daily_impressions,
                      "engagements": self.daily_engagements},
            "followers_daily": {"first": iso(self.followers_first),
                                "last": iso(self.followers_last),
                                "new_followers": self.new_followers},
        }


@dataclass(frozen=True)
class Engagement:
    """What others did with the member's posts, from the analytics workbook(s)."""

    summary: AnalyticsSummary  # files, period, totals, followers…
    matching: Mapping[str, int]  # top posts matched to the archive's posts, and how
    by_kind: pl.DataFrame  # engagement rate per post kind (original, curated_share, …)
    months: tuple[str, ...]  # months the workbooks cover
    demographics: pl.DataFrame  # category, value, share
    # the workbooks' own totals for their period beside what their daily rows cover (the
    # report's headline); None only for an Engagement built by hand
    coverage: Coverage | None = None
