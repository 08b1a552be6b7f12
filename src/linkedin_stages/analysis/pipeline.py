"""The analysis of one export, in its steps: the timeline of stages, then the plan.

`analyze` is the one entry point the command line calls (`timeline`, `analyze`): the
thresholds and the analytics workbooks come in as objects, already read at the edge.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .model import Stage, Timeline
from .plan import check_plan_options, with_plan
from .thresholds import DEFAULTS, Thresholds
from .timeline import build_timeline

if TYPE_CHECKING:
    from ..analytics import Analytics
    from ..export import Export


def analyze(export: Export, *, thresholds: Thresholds = DEFAULTS, target: Stage | None = None,
            by: str | None = None, analytics: Analytics | None = None) -> Timeline:
    """The export's timeline (`build_timeline`) with its plan toward `target` by `by`
    (`plan.make_plan`; defaults: the next stage up, six months after the export)."""
    check_plan_options(target, by)  # before the work, not after it
    timeline = build_timeline(export, thresholds=thresholds, analytics=analytics)
    return with_plan(timeline, target=target, by=by)
