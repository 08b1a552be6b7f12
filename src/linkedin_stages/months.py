"""Calendar months as `YYYY-MM` strings: the unit of every timeline, plan and sample."""

from __future__ import annotations

from datetime import datetime


def _index(month: str) -> int:
    return int(month[:4]) * 12 + int(month[5:7]) - 1


def _month(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def plus_months(month: str, count: int) -> str:
    """`month` moved by `count` months (negative to go back)."""
    return _month(_index(month) + count)


def month_count(first: str, last: str) -> int:
    """Months from `first` to `last`, both included (0 or less when `last` is earlier)."""
    return _index(last) - _index(first) + 1


def month_start(month: str) -> datetime:
    """"2024-03" → 2024-03-01 00:00."""
    return datetime(int(month[:4]), int(month[5:7]), 1)


def months_between(first: str, last: str) -> list[str]:
    """Every month from `first` to `last`, both included."""
    return [_month(i) for i in range(_index(first), _index(last) + 1)]
