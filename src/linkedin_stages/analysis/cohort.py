"""Many members at once: each export reduced to its rows, then the group (`cohort` command).

`member_from_export` is the per-member step: a pure function from one loaded export to a
small frozen `CohortMember` (its months with their stage and a few key metrics, its changes
of stage, its current stage and the plan's next step). Nothing else of the export travels:
a worker process, or a distributed engine's worker, returns only this (see `cohort_run`).

`build_cohort` gathers the members: several exports of one member (same name, same
registration month) are snapshots of one person, the newest used for "now". `to_rows` and
`to_json` are the machine-readable forms (member × month × stage × key metrics).
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

import polars as pl

from ..months import month_count
from . import describe
from .model import STAGES, PlanStep, Stage, Transition
from .pipeline import analyze
from .thresholds import DEFAULTS, Thresholds

if TYPE_CHECKING:
    from ..export import Export

SCHEMA = "linkedin-stages.cohort/1"

# The monthly metrics kept per member-month: what the stage rules weigh most, small enough
# for thousands of members (the rest stays in each member's own `timeline`).
KEY_METRICS: tuple[str, ...] = (
    "reactions", "comments", "reposts", "curated_shares", "commented_shares",
    "original_posts", "articles", "business_posts", "connections_added", "messages_sent",
    "outreach",
)


@dataclass(frozen=True)
class MemberMonth:
    """One month of one member: its stage (None: unknown) and its key metrics (a metric the
    archive cannot count is absent, never 0)."""

    month: str  # YYYY-MM
    stage: Stage | None
    metrics: Mapping[str, int]


@dataclass(frozen=True)
class Snapshot:
    """One export of a member: its name (folder or zip), its date, its stage then."""

    label: str
    exported_on: date | None
    last_month: str  # YYYY-MM, the export's last month
    stage: Stage | None


@dataclass(frozen=True)
class CohortMember:
    """One member as the group sees them, from their newest export."""

    key: str  # a stable identifier (hash of the identity), for joins across outputs
    name: str | None  # as the export gives it (Profile.csv), None if it has none
    label: str  # the newest export's folder or zip name
    registered: str | None  # YYYY-MM, from Registration.csv
    months: tuple[MemberMonth, ...]
    transitions: tuple[Transition, ...]
    current_stage: Stage | None
    current_since: str | None
    plan_target: Stage | None
    next_step: PlanStep | None  # the plan's first step not yet met
    snapshots: tuple[Snapshot, ...]  # oldest first; the last one is this member's "now"

    @property
    def first_month(self) -> str:
        return self.months[0].month

    @property
    def last_month(self) -> str:
        return self.months[-1].month

    @property
    def exported_on(self) -> date | None:
        return self.snapshots[-1].exported_on


@dataclass(frozen=True)
class Unreadable:
    """An export the cohort could not use, and why (one line)."""

    label: str
    reason: str


@dataclass(frozen=True)
class Cohort:
    members: tuple[CohortMember, ...]  # highest stage first, then longest there, then label
    unreadable: tuple[Unreadable, ...]
    redacted: bool = False  # names replaced by pseudonyms (`redact.redact_cohort`)

    @property
    def first_month(self) -> str | None:
        return min((m.first_month for m in self.members), default=None)

    @property
    def last_month(self) -> str | None:
        return max((m.last_month for m in self.members), default=None)


def _identity(name: str | None, registered: str | None, label: str) -> str:
    """What tells one member from another across exports: the name (case, accents and
    spacing aside) and the registration month; an export with no name is its own member."""
    if not name:
        return f"label:{label}"
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "name:" + " ".join(folded.casefold().split()) + f"|{registered or '?'}"


def member_key(identity: str) -> str:
    return hashlib.sha256(identity.encode("utf-8")).hexdigest()[:12]


def member_from_export(export: Export, *, label: str,
                       thresholds: Thresholds = DEFAULTS) -> CohortMember:
    """The per-member step: one export's timeline and plan reduced to its cohort rows."""
    timeline = analyze(export, thresholds=thresholds)
    registered_at = export.registered_at
    registered = f"{registered_at:%Y-%m}" if registered_at is not None else None
    months = tuple(
        MemberMonth(m.month, m.stage,
                    {k: int(m.metrics[k]) for k in KEY_METRICS if k in m.metrics})
        for m in timeline.months)
    plan = timeline.plan
    next_step = next((s for s in plan.steps if not s.met), None) if plan else None
    name = export.member_name
    return CohortMember(
        key=member_key(_identity(name, registered, label)), name=name, label=label,
        registered=registered, months=months, transitions=timeline.transitions,
        current_stage=timeline.current_stage, current_since=timeline.current_since,
        plan_target=plan.target if plan else None, next_step=next_step,
        snapshots=(Snapshot(label, export.exported_on, months[-1].month,
                            timeline.current_stage),))


def _newest_first_key(member: CohortMember) -> tuple[str, str, str]:
    exported = member.exported_on.isoformat() if member.exported_on else ""
    return (member.last_month, exported, member.label)


def _order(member: CohortMember) -> tuple[int, int, str]:
    rank = STAGES.index(member.current_stage) if member.current_stage else -1
    held = month_count(member.current_since or member.last_month, member.last_month)
    return (-rank, -held, member.label.casefold())


def build_cohort(members: Iterable[CohortMember],
                 unreadable: Iterable[Unreadable] = ()) -> Cohort:
    """The group: snapshots of one member merged (the newest is "now", the others listed
    oldest first), members ordered by stage (highest first), then time at it."""
    by_key: dict[str, list[CohortMember]] = {}
    for member in members:
        by_key.setdefault(member.key, []).append(member)
    merged = []
    for group in by_key.values():
        group.sort(key=_newest_first_key)
        newest = group[-1]
        snapshots = tuple(s for m in group for s in m.snapshots)
        merged.append(replace(newest, snapshots=snapshots))
    return Cohort(tuple(sorted(merged, key=_order)),
                  tuple(sorted(unreadable, key=lambda u: u.label.casefold())))


# --------------------------------------------------------------------------- outputs

ROW_SCHEMA: dict[str, pl.DataType] = {
    "member": pl.String(), "name": pl.String(), "month": pl.String(),
    "stage": pl.String(), "stage_number": pl.Int8(),
    **{metric: pl.Int64() for metric in KEY_METRICS},
}


def to_rows(cohort: Cohort) -> pl.DataFrame:
    """Member × month × stage × key metrics, one row a member-month (the Parquet file):
    `stage_number` is the stage's step on the ladder (1–4, null when unknown)."""
    columns: dict[str, list[object]] = {name: [] for name in ROW_SCHEMA}
    for member in cohort.members:
        for month in member.months:
            columns["member"].append(member.key)
            columns["name"].append(member.name)
            columns["month"].append(month.month)
            columns["stage"].append(month.stage)
            columns["stage_number"].append(
                STAGES.index(month.stage) + 1 if month.stage else None)
            for metric in KEY_METRICS:
                columns[metric].append(month.metrics.get(metric))
    return pl.DataFrame(columns, schema=ROW_SCHEMA)


def _step_json(step: PlanStep | None, lang: str) -> dict[str, object] | None:
    if step is None:
        return None
    return {"metric": step.metric, "label": describe.metric_label(step.metric, lang),
            "now_per_month": step.now, "target_per_month": step.target}


def to_json(cohort: Cohort, statistics: Mapping[str, object], lang: str = "en"
            ) -> dict[str, object]:
    """The `cohort --format json` document (schema linkedin-stages.cohort/1)."""
    return {
        "schema": SCHEMA,
        "redacted": cohort.redacted,
        "members": [
            {"member": m.key, "name": m.name, "export": m.label, "registered": m.registered,
             "first_month": m.first_month, "last_month": m.last_month,
             "current": {"stage": m.current_stage, "since": m.current_since},
             "plan": {"target": m.plan_target, "next_step": _step_json(m.next_step, lang)},
             "transitions": [{"month": t.month, "from": t.from_stage, "to": t.to_stage}
                             for t in m.transitions],
             "snapshots": [{"export": s.label, "last_month": s.last_month, "stage": s.stage,
                            "exported_on": s.exported_on.isoformat() if s.exported_on
                            else None} for s in m.snapshots],
             "months": [{"month": mm.month, "stage": mm.stage,
                         "metrics": {k: mm.metrics.get(k) for k in KEY_METRICS}}
                        for mm in m.months]}
            for m in cohort.members],
        "unreadable": [{"export": u.label, "reason": u.reason} for u in cohort.unreadable],
        "statistics": dict(statistics),
    }


def stage_counts(stages: Sequence[Stage | None]) -> dict[str, int]:
    """How many of `stages` are at each stage ("unknown" for None), in ladder order."""
    counts = {stage: 0 for stage in (*STAGES, "unknown")}
    for stage in stages:
        counts[stage or "unknown"] += 1
    return counts
