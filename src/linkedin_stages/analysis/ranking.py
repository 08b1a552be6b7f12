"""The most frequent values of a column: what the report lists as "top companies", "top
hashtags". Counted by polars (a big archive has 100,000 connections); the result is plain
data, `Counted` pairs, for the views to word and clip."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import polars as pl

__all__ = ["Counted", "merge_counted", "top_values", "top_values_by_group"]


@dataclass(frozen=True)
class Counted:
    value: str  # trimmed, never empty
    count: int


def _order(pairs: list[tuple[str, int]], count: int) -> tuple[Counted, ...]:
    """Most frequent first, ties alphabetically (case-insensitive, then exact)."""
    ordered = sorted(pairs, key=lambda kv: (-kv[1], kv[0].casefold(), kv[0]))[:count]
    return tuple(Counted(value, n) for value, n in ordered)


def top_values(values: pl.Series, count: int) -> tuple[Counted, ...]:
    """The `count` most frequent values (trimmed, empty ones left out)."""
    frame = values.cast(pl.String).to_frame("v").with_columns(pl.lit("").alias("group"))
    return top_values_by_group(frame, "v", count).get("", ())


def top_values_by_group(frame: pl.DataFrame, column: str, count: int
                        ) -> dict[str, tuple[Counted, ...]]:
    """`top_values` of `column` for each value of `frame`'s `group` column, in one group-by."""
    value = pl.col(column).cast(pl.String).str.strip_chars()
    counted = (frame.select("group", value.alias("v"))
               .filter(pl.col("v").is_not_null() & (pl.col("v") != ""))
               .group_by("group", "v").len().rows())
    by_group: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for group, text, n in counted:
        by_group[group].append((text, n))
    return {group: _order(pairs, count) for group, pairs in by_group.items()}


def merge_counted(items: tuple[Counted, ...]) -> tuple[Counted, ...]:
    """`items` with equal values added up and put back in order (after their values were
    rewritten, e.g. made pseudonyms, two of them may have become one)."""
    totals: dict[str, int] = {}
    for item in items:
        totals[item.value] = totals.get(item.value, 0) + item.count
    return _order(list(totals.items()), len(totals))
