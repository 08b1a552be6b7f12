"""Drawing a view's charts: the last step before the template (`render.build_report`).

A view holds chart specifications only (`common.Chart.spec`), so it is built and tested
without matplotlib; `drawn(view)` returns a copy with every chart's SVG (`Chart.drawn`)."""

from __future__ import annotations

import dataclasses
from typing import TypeVar, cast

from .charts import draw
from .common import Chart
from .compare_charts import BetweenChart, draw_between

T = TypeVar("T")


def drawn(view: T) -> T:
    """`view` (any tree of frozen dataclasses and tuples) with each `Chart` drawn."""
    if isinstance(view, Chart):
        return dataclasses.replace(view, drawn=draw(view.spec))
    if isinstance(view, BetweenChart):  # the comparison page's own chart
        return dataclasses.replace(view, drawn=draw_between(view.spec))
    if dataclasses.is_dataclass(view) and not isinstance(view, type):
        changes = {}
        for field in dataclasses.fields(view):
            value = getattr(view, field.name)
            new = drawn(value)
            if new is not value:
                changes[field.name] = new
        return dataclasses.replace(view, **changes) if changes else view
    if isinstance(view, tuple):
        items = tuple(drawn(item) for item in view)
        changed = any(new is not old for new, old in zip(items, view, strict=True))
        # The same tuple, item for item (`drawn` keeps each item's type): still a T, which
        # mypy cannot tell from a tuple built anew.
        return cast(T, items) if changed else view
    return view
