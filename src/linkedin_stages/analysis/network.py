"""Who joined the member's network during each stage: per group of months (a stage, the
months of unknown stage, and the months outside the timeline), how many connections, when,
their most frequent companies and positions, and the first people to join — plain data."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from .model import STAGES, MonthStage, Stage
from .ranking import Counted, top_values_by_group

__all__ = ["JoinedDuring", "joined_by_stage"]

TOP = 5  # companies and positions listed per group
FIRST_PEOPLE = 3  # people listed per group, by date then name


@dataclass(frozen=True)
class JoinedDuring:
    stage: Stage | None  # None: months the archive cannot judge
    outside: bool  # connected in a month outside the timeline (then `stage` is None)
    count: int
    first: str  # YYYY-MM of the first and last connection of the group
    last: str
    companies: tuple[Counted, ...]
    positions: tuple[Counted, ...]
    first_people: tuple[str, ...]  # full names (trimmed) of the first to join


def joined_by_stage(connections: pl.DataFrame, months: Sequence[MonthStage]
                    ) -> tuple[JoinedDuring, ...]:
    """The connections of `connections` grouped by the stage of the month they joined in:
    the stages present (ladder order, then unknown), then the months outside the timeline."""
    if connections.is_empty() or "connected_on" not in connections.columns:
        return ()
    stage_of = {m.month: m.stage for m in months}
    # Months as integer keys (202403): cheaper than formatting 100,000 dates.
    groups = pl.DataFrame({"key": [int(m[:4]) * 100 + int(m[5:7]) for m in stage_of],
                           "group": [str(v) for v in stage_of.values()]},
                          schema={"key": pl.Int32, "group": pl.String})
    when = pl.col("connected_on")
    people = (connections.filter(when.is_not_null())
              .select("connected_on", "full_name", "company", "position",
                      (when.dt.year() * 100 + when.dt.month()).cast(pl.Int32).alias("key"))
              .join(groups, on="key", how="left")
              .with_columns(pl.col("group").fill_null("outside")))
    summary = {row["group"]: row for row in people.group_by("group").agg(
        pl.len().alias("count"), when.min().dt.strftime("%Y-%m").alias("first"),
        when.max().dt.strftime("%Y-%m").alias("last")).iter_rows(named=True)}
    # The first people of each group by date then name: only the rows up to each group's
    # third date are sorted (not 100,000 connections).
    named = pl.col("full_name").str.strip_chars()
    listed = people.filter(named.is_not_null() & (named != ""))
    cutoff = listed.group_by("group").agg(when.bottom_k(FIRST_PEOPLE).max().alias("cutoff"))
    first_people = dict(
        listed.join(cutoff, on="group").filter(when <= pl.col("cutoff"))
        .sort(["connected_on", "full_name"], nulls_last=True, maintain_order=True)
        .group_by("group").agg(named.head(FIRST_PEOPLE)).iter_rows())
    companies = top_values_by_group(people, "company", TOP)
    positions = top_values_by_group(people, "position", TOP)
    present = set(stage_of.values())
    keys: list[tuple[str, Stage | None]] = [(str(s), s) for s in (*STAGES, None)
                                            if s in present]
    result = []
    for key, stage in [*keys, ("outside", None)]:
        if key not in summary:
            continue
        group = summary[key]
        result.append(JoinedDuring(
            stage=stage, outside=key == "outside", count=int(group["count"]),
            first=group["first"], last=group["last"],
            companies=companies.get(key, ()), positions=positions.get(key, ()),
            first_people=tuple(first_people.get(key, ()))))
    return tuple(result)
