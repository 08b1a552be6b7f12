"""What the analysis produces: a timeline of stages with its evidence, and a plan.

Plain frozen dataclasses, so the JSON/CSV writers and the report's view model read them
without knowing how they were computed. Reasons are structured (a code and its numbers) so
that each output can word them in its own language (see `describe.py`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
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


@dataclass(frozen=True)
class Engagement:
    """What others did with the member's posts, from the analytics workbook(s)."""

    summary: AnalyticsSummary  # files, period, totals, followers…
    matching: Mapping[str, int]  # top posts matched to the archive's posts, and how
    by_kind: pl.DataFrame  # engagement rate per post kind (original, curated_share, …)
    months: tuple[str, ...]  # months the workbooks cover
    demographics: pl.DataFrame  # category, value, share
