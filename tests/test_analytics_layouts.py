"""Every layout of LinkedIn's content-analytics workbook the reader knows, on invented
workbooks (`synth.analytics_workbook`): the five languages of the report, a workbook edited in
a spreadsheet, fractional counts, a company page's export (refused), and the order of
day-first dates decided from what the workbook says of itself."""

from __future__ import annotations

import dataclasses
import io
from datetime import date, timedelta
from pathlib import Path

import pytest
import xlsxwriter

from linkedin_stages.analytics import LANGUAGES, LAYOUTS, AnalyticsError, load_analytics
from linkedin_stages.i18n.notices import Notice
from linkedin_stages.synth.analytics_workbook import (
    LABELS,
    WorkbookData,
    analytics_data,
    company_page_bytes,
    write_workbook,
)


@pytest.fixture(scope="module")
def data() -> WorkbookData:
    return analytics_data("climber")


def write(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def codes(warnings: list[str]) -> list[str]:
    """The codes of the warnings inside their `analytics_in_file` wrappers."""
    out = []
    for warning in warnings:
        assert isinstance(warning, Notice)
        inner = warning.values.get("warning", warning)
        out.append(inner.code if isinstance(inner, Notice) else warning.code)
    return out


def test_the_writer_and_the_reader_know_the_same_languages() -> None:
    assert set(LABELS) == set(LANGUAGES) == {"en", "fr", "es", "pt", "de"}
    for lang, labels in LABELS.items():  # every sheet name written is one the reader knows
        for kind, name in labels["sheets"].items():  # type: ignore[attr-defined]
            assert name in LAYOUTS[lang][kind]


@pytest.mark.parametrize("lang", ["en", "fr", "es", "pt", "de"])
def test_each_language_reads_as_written(data: WorkbookData, tmp_path: Path, lang: str) -> None:
    analytics = load_analytics(write(tmp_path, f"{lang}.xlsx", write_workbook(data, lang=lang)))
    assert analytics.warnings == []
    assert analytics.period == data.period
    assert analytics.totals == data.totals  # keyed the same whatever the language
    assert analytics.daily.rows() == list(data.daily)
    assert analytics.top_posts.height == len({p.activity_id for p in
                                              data.top_by_engagements + data.top_by_impressions})
    assert (analytics.followers_total, analytics.followers_on) == (data.followers_total,
                                                                  data.followers_on)
    assert analytics.followers_daily.rows() == list(data.followers_daily)
    categories = LABELS[lang]["categories"]
    assert isinstance(categories, tuple)
    assert analytics.demographics.height == len(data.demographics)
    assert set(analytics.demographics["category"]) == set(categories)  # no header row


def test_a_demographics_header_of_unknown_words_is_not_a_category(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet("INFORMACIÓN DETALLADA")
    sheet.write_row(0, 0, ["Datos principales del público", "Valor", "Porcentaje"])
    sheet.write_row(1, 0, ["Cargos", "Analista", 0.2])
    book.close()
    analytics = load_analytics(write(tmp_path, "es.xlsx", buffer.getvalue()))
    assert analytics.demographics.select("category", "value").rows() == [("Cargos", "Analista")]


def test_a_company_page_export_is_refused_naming_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "page_content.xlsx", company_page_bytes())
    with pytest.raises(AnalyticsError) as caught:
        load_analytics(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: is a LinkedIn company page's content export, not a "
                              "member's creator analytics workbook")
    assert "'Metrics', 'All posts'" in message


def test_a_workbook_edited_in_a_spreadsheet(data: WorkbookData, tmp_path: Path) -> None:
    """Extra sheets ignored in one notice (not one a day), the follower total found where it
    moved, chart-helper rows never a total, the FOLLOWERS real date cells read."""
    path = write(tmp_path, "edited.xlsx", write_workbook(data, edited="spreadsheet"))
    analytics = load_analytics(path)
    assert analytics.totals == data.totals
    assert analytics.daily.rows() == list(data.daily)  # not the Dataset's figures
    assert (analytics.followers_total, analytics.followers_on) == (data.followers_total,
                                                                  data.followers_on)
    assert analytics.followers_daily.rows() == list(data.followers_daily)
    assert analytics.warnings == [
        "edited.xlsx: 3 sheet(s) that are not LinkedIn's ignored: 'Dataset', "
        "'Pivot Tables', 'Dashboard'"]


def test_fractional_counts_are_read_and_said(data: WorkbookData, tmp_path: Path) -> None:
    analytics = load_analytics(write(tmp_path, "fractions.xlsx",
                                     write_workbook(data, edited="fractions")))
    assert analytics.daily["engagements"].null_count() == 0
    assert analytics.daily.rows() == [(d, i, e + 0.5) for d, i, e in data.daily]
    assert codes(analytics.warnings) == ["analytics_fractional"]
    assert str(analytics.warnings[0]).startswith(
        f"fractions.xlsx: {len(data.daily)} count(s) written as fractions (e.g. ")


def _week(data: WorkbookData, first: date) -> WorkbookData:
    """The same workbook cut to the seven days from `first`."""
    days = [first + timedelta(days=n) for n in range(7)]
    return dataclasses.replace(
        data, period=(days[0], days[-1]),
        daily=tuple((d, 10 * n, n) for n, d in enumerate(days)),
        followers_on=days[-1],
        followers_daily=tuple((d, n % 2) for n, d in enumerate(days)))


def test_a_spanish_week_of_may_is_read_as_may(data: WorkbookData, tmp_path: Path) -> None:
    """1/5/2025 … 7/5/2025: no day above 12, the language tells (not January to July)."""
    week = _week(data, date(2025, 5, 1))
    analytics = load_analytics(write(tmp_path, "semana.xlsx", write_workbook(week, lang="es")))
    assert analytics.period == (date(2025, 5, 1), date(2025, 5, 7))
    assert [row[0] for row in analytics.daily.rows()] == [d for d, _i, _e in week.daily]
    assert analytics.followers_on == date(2025, 5, 7)
    assert "analytics_date_order_ambiguous" not in codes(analytics.warnings)


def _wordless_week(tmp_path: Path, name: str) -> Path:
    """A week in sheets of unknown names, labels English and French share: no language."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    first = book.add_worksheet("Feuille 1")
    first.write_row(0, 0, ["1/5/2025 - 7/5/2025"])
    second = book.add_worksheet("Feuille 2")
    second.write_row(0, 0, ["Date", "Impressions", "Engagement"])
    for n in range(7):
        second.write_row(n + 1, 0, [f"{n + 1}/5/2025", 10, 1])
    book.close()
    return write(tmp_path, name, buffer.getvalue())


def test_the_file_name_decides_the_order(tmp_path: Path) -> None:
    analytics = load_analytics(_wordless_week(tmp_path, "Content_2025-05-01_2025-05-07_X.xlsx"))
    assert analytics.period == (date(2025, 5, 1), date(2025, 5, 7))
    assert "analytics_date_order_ambiguous" not in codes(analytics.warnings)


def test_an_order_nothing_tells_is_warned_once(tmp_path: Path) -> None:
    analytics = load_analytics(_wordless_week(tmp_path, "week.xlsx"))
    assert analytics.period == (date(2025, 1, 5), date(2025, 7, 5))  # month-first, as said
    assert codes(analytics.warnings).count("analytics_date_order_ambiguous") == 1
