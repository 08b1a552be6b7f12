"""From a loaded export to the timeline of stages: posts classified, monthly metrics, the
stage rules with their evidence, transitions, the current stage (`build_timeline`), then a
plan (`make_plan`); `analyze` runs both."""

from __future__ import annotations

from . import describe
from .model import STAGES, MonthStage, Plan, PlanStep, Reason, Timeline, Transition
from .pipeline import analyze
from .plan import make_plan, with_plan
from .thresholds import DEFAULTS, Thresholds, ThresholdsError, load_thresholds
from .timeline import SCHEMA, TimelineError, build_timeline, dumps_json, to_csv, to_json

__all__ = [
    "DEFAULTS", "SCHEMA", "STAGES", "MonthStage", "Plan", "PlanStep", "Reason", "Thresholds",
    "ThresholdsError", "Timeline", "TimelineError", "Transition", "analyze", "build_timeline",
    "describe", "dumps_json", "load_thresholds", "make_plan", "to_csv", "to_json", "with_plan",
]
