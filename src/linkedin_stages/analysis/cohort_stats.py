"""What a group of members shows together: where it stands against the article's 90 / 9 / 1,
the share at each stage month by month, how members move (a transition matrix, the time to
the next stage with members not there yet kept as censored), and what came before a rise.

Everything here reads a `cohort.Cohort` and returns frozen results; no file, no words.

The time to the next stage is a Kaplan–Meier estimate (Kaplan & Meier 1958): each member
who started at a stage is followed month by month until they first reach a higher one; a
member who never did is *censored* at their last month — counted as "not there yet" for as
long as we saw them, never dropped and never counted as a failure. It is written here
rather than taken from a survival library (lifelines pulls pandas and scipy into a tool
that needs neither) because the product-limit estimator is a few lines, and it is tested
against a textbook example (tests/test_cohort_stats.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..months import month_count, months_between
from .cohort import KEY_METRICS, Cohort, CohortMember, stage_counts
from .model import STAGES, Stage

# The article's shares (Nielsen's participation inequality, 2006): 90 % read, 9 % take part
# now and then (relays and producers), 1 % drive the conversation (power networkers).
ARTICLE_SHARES: dict[str, float] = {"present": 0.90, "contributors": 0.09,
                                    "power_networker": 0.01}
ARTICLE_GROUPS: dict[str, tuple[Stage, ...]] = {
    "present": ("present",), "contributors": ("relay", "producer"),
    "power_networker": ("power_networker",),
}
BEFORE_MONTHS = 3  # a rise's "before": the 3 months up to its first month …
BASELINE_GAP = 3  # … against the 3 months before those


@dataclass(frozen=True)
class GroupShare:
    """One of the article's three groups: members in it now, against the article's share."""

    group: str  # "present", "contributors", "power_networker"
    stages: tuple[Stage, ...]
    count: int
    share: float  # of the members whose stage is known (0 when none is)
    article: float


@dataclass(frozen=True)
class MonthShares:
    """One calendar month: how many members were at each stage (members observed then)."""

    month: str
    counts: dict[str, int]  # stage (and "unknown") → members

    @property
    def observed(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class Transitions:
    """Month-to-month moves of every member: `counts[a][b]` months spent at `a` followed by
    a month at `b` (a == b: staying). Unknown months break the chain (not a move)."""

    counts: dict[str, dict[str, int]]
    members_up: int  # members who rose at least once
    members_down: int  # members who fell at least once
    members_steady: int  # members of known stage who never changed it

    def row_total(self, stage: str) -> int:
        return sum(self.counts[stage].values())


@dataclass(frozen=True)
class SurvivalPoint:
    month: int  # months since the start
    at_risk: int  # members still followed and not yet there, just before this month
    events: int  # members who got there this month
    censored: int  # members last seen this month, not there yet
    remaining: float  # Kaplan–Meier: estimated share not yet there after this month


@dataclass(frozen=True)
class Survival:
    """Time from a start (registration, or the first month at `start`) to a higher stage."""

    start: str  # "registration" or a stage
    goal: str  # the first stage above the start that counts as reached
    members: int
    reached: int
    censored: int
    points: tuple[SurvivalPoint, ...]
    median_months: int | None  # first month the estimate falls to 50 % or below (None: never)


@dataclass(frozen=True)
class Precursor:
    """A behaviour and how often it grew before a rise, against how often it grows anyway."""

    metric: str
    rises: int  # rises where the metric could be counted
    grew_before: int  # … of which the metric was higher in the 3 months before than before
    baseline_windows: int  # other windows of members who did not rise then
    baseline_grew: int

    @property
    def share(self) -> float:
        return self.grew_before / self.rises if self.rises else 0.0

    @property
    def baseline(self) -> float:
        return self.baseline_grew / self.baseline_windows if self.baseline_windows else 0.0

    @property
    def lift(self) -> float:
        """How much more often it grew before a rise than in the other windows."""
        return self.share - self.baseline


@dataclass(frozen=True)
class CohortStats:
    members: int
    now: dict[str, int]  # stage (and "unknown") → members, at each member's last month
    groups: tuple[GroupShare, ...]
    months: tuple[MonthShares, ...]
    transitions: Transitions
    survival: tuple[Survival, ...]
    precursors: tuple[Precursor, ...]  # highest lift first
    rises: int  # changes of stage upward, over every member


def _rank(stage: Stage | None) -> int:
    return STAGES.index(stage) if stage else -1


def group_shares(now: dict[str, int]) -> tuple[GroupShare, ...]:
    known = sum(now[s] for s in STAGES)
    out = []
    for group, stages in ARTICLE_GROUPS.items():
        count = sum(now[s] for s in stages)
        out.append(GroupShare(group, stages, count, count / known if known else 0.0,
                              ARTICLE_SHARES[group]))
    return tuple(out)


def month_shares(cohort: Cohort) -> tuple[MonthShares, ...]:
    """Calendar months from the group's first to its last, each member counted in the
    months their archive covers."""
    first, last = cohort.first_month, cohort.last_month
    if first is None or last is None:
        return ()
    per_month: dict[str, list[Stage | None]] = {m: [] for m in months_between(first, last)}
    for member in cohort.members:
        for month in member.months:
            per_month[month.month].append(month.stage)
    return tuple(MonthShares(m, stage_counts(stages)) for m, stages in per_month.items())


def transitions(cohort: Cohort) -> Transitions:
    counts: dict[str, dict[str, int]] = {a: {b: 0 for b in STAGES} for a in STAGES}
    up = down = steady = 0
    for member in cohort.members:
        rose = fell = judged = False
        for a, b in zip(member.months, member.months[1:], strict=False):
            if a.stage is None or b.stage is None:
                continue
            judged = True
            counts[a.stage][b.stage] += 1
            rose |= _rank(b.stage) > _rank(a.stage)
            fell |= _rank(b.stage) < _rank(a.stage)
        up += rose
        down += fell
        steady += judged and not rose and not fell  # a member of unknown stage is none
    return Transitions(counts, up, down, steady)


def kaplan_meier(durations: Sequence[tuple[int, bool]]) -> tuple[SurvivalPoint, ...]:
    """The product-limit estimate from (months followed, reached) pairs: at each month with
    an event, the share still not there is multiplied by (1 − events / at risk); members
    censored that month are at risk for it and leave after (the usual convention)."""
    events = Counter(d for d, reached in durations if reached)
    censored = Counter(d for d, reached in durations if not reached)
    at_risk = len(durations)
    remaining = 1.0
    points = []
    for month in sorted(set(events) | set(censored)):
        if events[month] and at_risk:
            remaining *= 1 - events[month] / at_risk
        points.append(SurvivalPoint(month, at_risk, events[month], censored[month], remaining))
        at_risk -= events[month] + censored[month]
    return tuple(points)


def _median(points: Sequence[SurvivalPoint]) -> int | None:
    return next((p.month for p in points if p.remaining <= 0.5), None)


def _durations(members: Sequence[CohortMember], start: str
               ) -> list[tuple[int, bool]]:
    """Months from the start to the first month at a higher stage (reached), or to the last
    month seen (censored). `start` is "registration" (from the member's first month, goal:
    any stage above present) or a stage (from its first month, goal: any stage above it)."""
    out = []
    for member in members:
        months = member.months
        if start == "registration":
            begin, floor = 0, 0  # from the first month, rising above present
        else:
            begin = next((i for i, m in enumerate(months) if m.stage == start), -1)
            if begin < 0:
                continue
            floor = STAGES.index(start)
        reached = next((i for i in range(begin + 1, len(months))
                        if _rank(months[i].stage) > floor), None)
        if reached is not None:
            out.append((reached - begin, True))
        else:
            out.append((len(months) - 1 - begin, False))
    return out


def survival(cohort: Cohort) -> tuple[Survival, ...]:
    """From registration (the archive's first month) to a first step above present, then
    from the first month at relay, and at producer, to a higher stage."""
    members = [m for m in cohort.members if any(mm.stage for mm in m.months)]
    out = []
    # from registration (the first month) stands for "from present": archives begin there
    starts = ("registration", "relay", "producer")
    for start in starts:
        chosen = members
        if start == "registration":
            # only members whose archive begins near their registration (or has no date)
            chosen = [m for m in members if m.registered is None
                      or month_count(m.registered, m.first_month) <= 1]
        durations = _durations(chosen, start)
        if not durations:
            continue
        points = kaplan_meier(durations)
        goal = "relay" if start in ("registration", "present") else STAGES[
            STAGES.index(start) + 1]
        out.append(Survival(start, goal, len(durations), sum(r for _, r in durations),
                            sum(not r for _, r in durations), points, _median(points)))
    return tuple(out)


def _window_sum(member: CohortMember, metric: str, first: int, last: int) -> int | None:
    """The metric summed over months[first:last] (None: out of the archive, or not counted)."""
    if first < 0 or last > len(member.months):
        return None
    values = [m.metrics.get(metric) for m in member.months[first:last]]
    known = [v for v in values if v is not None]
    return sum(known) if len(known) == len(values) else None


def precursors(cohort: Cohort) -> tuple[Precursor, ...]:
    """For each key metric: in how many rises it was higher over the 3 months up to the
    rise's first month than over the 3 months before those, against the same comparison in
    every other window of the members' histories that ends without a rise (observed
    together, not a cause)."""
    rises: list[tuple[CohortMember, int]] = []
    others: list[tuple[CohortMember, int]] = []
    for member in cohort.members:
        months = member.months
        for i in range(BEFORE_MONTHS + BASELINE_GAP, len(months)):
            a, b = months[i - 1].stage, months[i].stage
            if a is not None and b is not None and _rank(b) > _rank(a):
                rises.append((member, i))
            elif a is not None and a == b:
                others.append((member, i))
    out = []
    for metric in KEY_METRICS:
        def grew(member: CohortMember, i: int, metric: str = metric) -> bool | None:
            # the three months up to the rise's first month (a change of stage is dated on
            # the first month of the new behaviour), against the three before them
            before = _window_sum(member, metric, i + 1 - BEFORE_MONTHS, i + 1)
            earlier = _window_sum(member, metric, i + 1 - BEFORE_MONTHS - BASELINE_GAP,
                                  i + 1 - BEFORE_MONTHS)
            return None if before is None or earlier is None else before > earlier

        at_rises = [g for g in (grew(m, i) for m, i in rises) if g is not None]
        at_others = [g for g in (grew(m, i) for m, i in others) if g is not None]
        if at_rises:
            out.append(Precursor(metric, len(at_rises), sum(at_rises), len(at_others),
                                 sum(at_others)))
    return tuple(sorted(out, key=lambda p: (-p.lift, -p.share, p.metric)))


def cohort_stats(cohort: Cohort) -> CohortStats:
    now = stage_counts([m.current_stage for m in cohort.members])
    moves = transitions(cohort)
    rises = sum(1 for m in cohort.members for t in m.transitions
                if t.from_stage and t.to_stage and _rank(t.to_stage) > _rank(t.from_stage))
    return CohortStats(len(cohort.members), now, group_shares(now), month_shares(cohort),
                       moves, survival(cohort), precursors(cohort), rises)


def stats_json(stats: CohortStats) -> dict[str, object]:
    """The statistics as the JSON document's `statistics` object."""
    return {
        "members": stats.members,
        "now": stats.now,
        "article_groups": [{"group": g.group, "stages": list(g.stages), "members": g.count,
                            "share": round(g.share, 4), "article_share": g.article}
                           for g in stats.groups],
        "months": [{"month": m.month, **m.counts} for m in stats.months],
        "transitions": {"counts": stats.transitions.counts,
                        "members_up": stats.transitions.members_up,
                        "members_down": stats.transitions.members_down,
                        "members_steady": stats.transitions.members_steady},
        "time_to_next_stage": [
            {"from": s.start, "to": s.goal, "members": s.members, "reached": s.reached,
             "censored": s.censored, "median_months": s.median_months,
             "curve": [{"month": p.month, "at_risk": p.at_risk, "events": p.events,
                        "censored": p.censored, "remaining": round(p.remaining, 4)}
                       for p in s.points]}
            for s in stats.survival],
        "before_a_rise": [{"metric": p.metric, "rises": p.rises, "grew_before": p.grew_before,
                           "share": round(p.share, 4), "baseline": round(p.baseline, 4)}
                          for p in stats.precursors],
        "rises": stats.rises,
    }

