"""Every date format of the catalogue parses, and ambiguous columns are read the right way round."""

from __future__ import annotations

from datetime import datetime

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linkedin_stages.dates import MONTH_FORMATS, TIMESTAMP_FORMATS, parse_months, parse_timestamps
from linkedin_stages.synth import writers

MOMENTS = st.datetimes(min_value=datetime(1995, 1, 1), max_value=datetime(2035, 12, 31)).map(
    lambda d: d.replace(microsecond=0)
)


def _python_format(fmt: str) -> str:
    return fmt.replace("%.f", ".%f")


def _truncate(moment: datetime, fmt: str) -> datetime:
    """What a format can carry: no seconds without %S, no time without %H/%I."""
    if "%H" not in fmt and "%I" not in fmt:
        return moment.replace(hour=0, minute=0, second=0)
    if "%S" not in fmt:
        return moment.replace(second=0)
    return moment


@pytest.mark.parametrize("fmt,example", TIMESTAMP_FORMATS)
def test_catalogue_example_parses(fmt: str, example: str) -> None:
    parsed = parse_timestamps(pl.Series("d", [example]))
    assert parsed.unparsed == 0
    assert parsed.values[0] is not None


@settings(max_examples=40, deadline=None)
@given(moment=MOMENTS)
def test_every_catalogue_format_round_trips(moment: datetime) -> None:
    for fmt, _ in TIMESTAMP_FORMATS:
        if fmt.endswith("%y") or "%y " in fmt or "%y," in fmt:
            if not 2000 <= moment.year < 2069:  # two-digit years
                continue
        text = moment.strftime(_python_format(fmt))
        parsed = parse_timestamps(pl.Series("d", [text]), (fmt,))
        expected = _truncate(moment, fmt)
        if fmt.startswith("%d/%m") or fmt.startswith("%d."):
            parsed = parse_timestamps(pl.Series("d", [text]), (fmt,), day_first=True)
        assert parsed.values[0] == expected, (fmt, text)


@settings(max_examples=60, deadline=None)
@given(moment=MOMENTS.filter(lambda d: 2000 <= d.year < 2069))
def test_linkedin_writers_dates_parse(moment: datetime) -> None:
    cases = [
        (writers.iso_seconds(moment), moment),
        (writers.iso_utc(moment), moment),
        (writers.slash_utc(moment), moment),
        (writers.day_month_year(moment), moment.replace(hour=0, minute=0, second=0)),
        (writers.us_short(moment), moment.replace(second=0)),
        (writers.us_short(moment, pad_hour=True), moment.replace(second=0)),
        (writers.java_date(moment), moment),
    ]
    for text, expected in cases:
        assert parse_timestamps(pl.Series("d", [text])).values[0] == expected, text


def test_unpadded_us_dates_and_single_digit_days() -> None:
    values = pl.Series("d", ["1/8/18, 6:14 PM", "10/18/18, 1:21 AM", "5 Feb 2014"])
    parsed = parse_timestamps(values)
    assert parsed.values.to_list() == [
        datetime(2018, 1, 8, 18, 14), datetime(2018, 10, 18, 1, 21), datetime(2014, 2, 5)]


def test_day_first_column_is_detected_from_its_values() -> None:
    values = pl.Series("d", ["03/04/2021", "27/03/2021", "01/12/2020"])
    assert parse_timestamps(values).values.to_list() == [
        datetime(2021, 4, 3), datetime(2021, 3, 27), datetime(2020, 12, 1)]


def test_ambiguous_column_follows_the_locale_hint() -> None:
    values = pl.Series("d", ["03/04/2021", "01/02/2020"])
    assert parse_timestamps(values, day_first=True).values.to_list() == [
        datetime(2021, 4, 3), datetime(2020, 2, 1)]
    assert parse_timestamps(values).values.to_list() == [
        datetime(2021, 3, 4), datetime(2020, 1, 2)]


def test_mixed_formats_in_one_column_and_unparseable_values_counted() -> None:
    values = pl.Series("d", ["2024-03-17 18:03:34", "18-Jun-24", "", None, "soon"])
    parsed = parse_timestamps(values)
    assert parsed.values.to_list() == [
        datetime(2024, 3, 17, 18, 3, 34), datetime(2024, 6, 18), None, None, None]
    assert parsed.unparsed == 1


@pytest.mark.parametrize("fmt,example", MONTH_FORMATS)
def test_month_formats(fmt: str, example: str) -> None:
    parsed = parse_months(pl.Series("d", [example]))
    assert parsed.values[0] is not None and parsed.values[0].day == 1


def test_month_column_mixing_years_and_months() -> None:
    parsed = parse_months(pl.Series("d", ["Dec 2021", "2018", None]))
    assert [str(v) if v else None for v in parsed.values.to_list()] == [
        "2021-12-01", "2018-01-01", None]


def test_a_rare_format_in_the_middle_of_a_long_column_is_still_parsed() -> None:
    values = ["2024-03-17 18:03:34"] * 3000
    values[1500] = "18-Jun-24"  # outside the head and tail samples
    parsed = parse_timestamps(pl.Series("d", values), ("%Y-%m-%d %H:%M:%S",))
    assert parsed.unparsed == 0
    assert parsed.values[1500] == datetime(2024, 6, 18)
