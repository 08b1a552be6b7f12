"""The frames the analysis builds have declared schemas (analysis/metrics.py), checked where
they are built: each builder's output matches its schema, on a complete archive, a basic one
(no posts at all) and an older era; and `FrameSchema.check` names what is wrong."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from linkedin_stages import Export, load_export
from linkedin_stages.analysis.metrics import (
    BASE_MONTHLY_SCHEMA,
    BASE_POSTS_SCHEMA,
    METRICS,
    MONTHLY_SCHEMA,
    POSTS_SCHEMA,
    SIGNAL_METRICS,
    add_text_signals,
    classify_posts,
    monthly_metrics,
    post_kinds,
    span,
    with_signal_counts,
)
from linkedin_stages.analysis.model import POST_KINDS, FrameSchema, FrameSchemaError
from linkedin_stages.analysis.thresholds import Thresholds
from linkedin_stages.months import months_between

SAMPLES = Path(__file__).resolve().parent.parent / "sample_exports"


@pytest.fixture(scope="module", params=["climber", "basic", "climber-2021-06"])
def export(request: pytest.FixtureRequest) -> Export:
    return load_export(SAMPLES / request.param)  # read-only


def _same(frame: pl.DataFrame, schema: FrameSchema) -> None:
    assert list(frame.schema.items()) == list(schema.columns.items())


def test_the_posts_builders_give_their_schemas(export: Export) -> None:
    base = post_kinds(export, Thresholds())
    _same(base, BASE_POSTS_SCHEMA)
    posts = add_text_signals(base)
    _same(posts, POSTS_SCHEMA)
    _same(classify_posts(export, Thresholds()), POSTS_SCHEMA)
    assert set(posts["kind"].unique()) <= set(POST_KINDS)


def test_the_monthly_builders_give_their_schemas(export: Export) -> None:
    base = post_kinds(export, Thresholds())
    limits = span(export, base)
    assert limits is not None
    partial = monthly_metrics(export, base, months_between(*limits))
    _same(partial, BASE_MONTHLY_SCHEMA)
    monthly = with_signal_counts(partial, add_text_signals(base))
    _same(monthly, MONTHLY_SCHEMA)
    assert monthly.columns == ["month", *METRICS]


def test_the_schemas_agree_with_each_other() -> None:
    assert POSTS_SCHEMA.names[:len(BASE_POSTS_SCHEMA.names)] == BASE_POSTS_SCHEMA.names
    assert [c for c in MONTHLY_SCHEMA.names if c not in SIGNAL_METRICS] == list(
        BASE_MONTHLY_SCHEMA.names)
    assert set(SIGNAL_METRICS) <= set(METRICS)


# --- what check says ------------------------------------------------------------------------

SCHEMA = FrameSchema({"month": pl.String(), "posts": pl.Int64(), "share": pl.Float64()})


def test_check_returns_a_matching_frame_itself() -> None:
    frame = pl.DataFrame({"month": ["2024-01"], "posts": [3], "share": [0.5]})
    assert SCHEMA.check(frame, "test") is frame


def test_check_names_every_missing_and_unexpected_column() -> None:
    frame = pl.DataFrame({"month": ["2024-01"], "extra": [1]})
    with pytest.raises(FrameSchemaError) as caught:
        SCHEMA.check(frame, "the builder")
    message = str(caught.value)
    assert message.startswith("the builder: ")
    assert "missing posts, share" in message
    assert "unexpected extra" in message


def test_check_names_a_mistyped_column_and_both_types() -> None:
    frame = pl.DataFrame({"month": ["2024-01"], "posts": [3.0], "share": [0.5]})
    with pytest.raises(FrameSchemaError, match=r"posts is Float64, not Int64"):
        SCHEMA.check(frame, "the builder")


def test_check_names_columns_out_of_order() -> None:
    frame = pl.DataFrame({"posts": [3], "month": ["2024-01"], "share": [0.5]})
    with pytest.raises(FrameSchemaError, match="out of order: posts, month, share"):
        SCHEMA.check(frame, "the builder")


def test_a_schema_error_is_a_type_error() -> None:
    assert issubclass(FrameSchemaError, TypeError)


def test_check_compares_nested_and_parametrised_types() -> None:
    schema = FrameSchema({"when": pl.Datetime("us"), "tags": pl.List(pl.String())})
    good = pl.DataFrame({"when": [None], "tags": [["a"]]},
                        schema={"when": pl.Datetime("us"), "tags": pl.List(pl.String)})
    assert schema.check(good, "test") is good
    bad = good.with_columns(pl.col("when").dt.cast_time_unit("ms"))
    with pytest.raises(FrameSchemaError, match=r"when is Datetime\(time_unit='ms'"):
        schema.check(bad, "test")
