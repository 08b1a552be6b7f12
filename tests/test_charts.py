"""Charts that explain (issue 18): the stage periods behind every chart with a time axis,
sparse series drawn as marks at their real counts, the volume under the share chart, a colour
scale on the heatmap, series told apart by more than colour; drawn deterministically."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from linkedin_stages.i18n.catalogue import catalogue, languages
from linkedin_stages.report import charts
from linkedin_stages.report.charts import Band, Series
from report_support import ZONES, loaded

MONTHS = tuple(f"{y}-{m:02d}" for y in (2021, 2022) for m in range(1, 13))
BANDS = (Band("present", "2021-01", "2021-09", "Present", "1"),
         Band("relay", "2021-10", "2022-12", "Relay", "2"))


def _texts(svg: str) -> list[str]:
    return re.findall(r"<text\b[^>]*>([^<]*)</text>", svg)


# ---------------------------------------------------------------------------- the rule


@pytest.mark.parametrize(("values", "sparse"), [
    ([0] * 10 + [1] + [0] * 13, True),  # one repost: a mark, not a triangle
    ([2, 0, 1, 2, 1, 2, 2, 1] * 3, True),  # never more than 2 a month
    ([5, 0, 0, 0, 0, 7, 0, 0, 0, 0, 0, 4], True),  # most months between empty
    ([5, 3, 0, 4, 6, 8, 2, 0, 3, 5, 4, 6], False),  # a steady habit
    ([0] * 12 + [4, 6, 3, 5, 7, 4], False),  # started late, then steady
    ([0] * 12, False),  # nothing: nothing drawn
])
def test_sparse_rule(values: list[float], sparse: bool) -> None:
    assert charts.is_sparse(values) is sparse


def test_smooth_is_a_centred_three_month_average() -> None:
    assert charts.smooth([0, 3, 0, 0]) == (1.5, 1.0, 1.0, 0.0)


# ---------------------------------------------------------------------------- drawings


def _stacked(series: tuple[Series, ...], bands: tuple[Band, ...] = BANDS) -> str:
    return str(charts.draw(charts.StackedAreasSpec(
        "demo", "Demo", "A demo.", MONTHS, series, "en", 2.4, bands)))


def _marks(svg: str, color: str) -> int:
    """Markers (matplotlib's <use> of a symbol) filled with `color`."""
    return len(re.findall(rf'<use\b[^>]*style="fill: {color.lower()}', svg))


def test_a_sparse_series_is_drawn_as_one_mark_per_month_with_items() -> None:
    one = tuple([0.0] * 10 + [1.0] + [0.0] * 13)
    two = tuple([0.0] * 3 + [2.0] + [0.0] * 5 + [1.0] + [0.0] * 14)
    svg = _stacked((Series("reposts", charts.YELLOW, one, 4, True),
                    Series("articles", charts.VERMILLION, two, 0, True)))
    assert _marks(svg, charts.YELLOW) == 1 and _marks(svg, charts.VERMILLION) == 2
    assert "<pattern" not in svg  # no area at all
    # A stem from 0 to the real count: the y axis counts whole items up to the peak of 2
    # (a 3-month average would have drawn 2/3 of an item at most).
    assert {"0", "1", "2"} <= set(_texts(svg))


def test_dense_series_are_hatched_areas_and_sparse_ones_marks_in_one_chart() -> None:
    dense = tuple(float(v) for v in [5, 3, 4, 6, 8, 2, 3, 3, 5, 4, 6, 7] * 2)
    sparse = tuple([0.0] * 5 + [1.0] + [0.0] * 18)
    svg = _stacked((Series("posts", charts.GREEN, dense, 1),
                    Series("articles", charts.VERMILLION, sparse, 0, True)))
    assert re.search(r"<pattern\b", svg)  # the dense area's hatching
    assert _marks(svg, charts.VERMILLION) == 1 and _marks(svg, charts.GREEN) == 0


def test_stage_periods_shaded_behind_with_their_names_in_the_ribbon() -> None:
    dense = tuple(float(v) for v in [5, 3, 4, 6, 8, 2, 3, 3, 5, 4, 6, 7] * 2)
    svg = _stacked((Series("posts", charts.GREEN, dense, 0),))
    texts = _texts(svg)
    assert "Present" in texts and "Relay" in texts
    assert texts.count("1") >= 1 and texts.count("2") >= 1  # the phone's numbers
    for band in BANDS:  # a light band and the ribbon, in the stage's colour
        assert svg.lower().count(charts.STAGE_COLORS[band.stage].lower()) >= 2
    assert re.search(r'id="demo-stageband0"', svg) and re.search(r'id="demo-stagemark1"', svg)
    plain = _stacked((Series("posts", charts.GREEN, dense, 0),), bands=())
    assert "Present" not in _texts(plain) and "stageband" not in plain


def test_a_narrow_period_shows_its_number_not_its_name() -> None:
    bands = (Band("present", "2021-01", "2022-10", "Present", "1"),
             Band("power_networker", "2022-11", "2022-12", "Power networker", "4"))
    svg = _stacked((Series("posts", charts.GREEN, tuple([3.0] * 24), 0),), bands)
    assert "Power networker" not in _texts(svg) and "4" in _texts(svg)


def test_the_share_chart_shows_the_volume_and_outlines_thin_quarters() -> None:
    xs = (2021.125, 2021.375, 2021.625, 2021.875)
    series = (Series("own", charts.GREEN, (0.5, 1.0, 0.2, 0.0), 0),
              Series("others", charts.ORANGE, (0.5, 0.0, 0.8, 1.0), 2))
    svg = str(charts.draw(charts.ShareAreasSpec(
        "mixdemo", "Mix", "A mix.", xs, series, "en", "2021-01", "2021-12", 0.2,
        (40.0, 2.0, 10.0, 1.0), 3, "Items a quarter", BANDS)))
    assert "Items a quarter" in _texts(svg)
    assert "25" in _texts(svg)  # the volume panel's count axis (up to 40)
    # Two thin quarters (2 and 1 items): dashed outlines, not shares.
    outlines = re.findall(r'<path d="(M [^"]+z)"[^>]*stroke-dasharray', svg)
    assert len(outlines) == 2


def test_the_heatmap_has_a_colour_scale_up_to_its_peak() -> None:
    counts = tuple(tuple((d * h) % 9 for h in range(24)) for d in range(7))
    svg = str(charts.draw(charts.HeatmapSpec("heatdemo", "Heat", "Busy.", counts,
                                             ("M", "T", "W", "T", "F", "S", "S"), "en",
                                             "Posts in a slot")))
    texts = _texts(svg)
    assert "Posts in a slot" in texts
    assert {"0", "1", "2", "4", "8"} <= set(texts)  # the scale's counts, up to the peak
    assert charts.heat_scale(8) == [1, 2, 4, 8]
    assert charts.heat_scale(1) == [1]
    assert charts.heat_scale(252)[0] == 1 and charts.heat_scale(252)[-1] == 252


def test_legend_classes_follow_the_drawing() -> None:
    area = Series("posts", charts.GREEN, (1.0,), 1)
    marks = Series("posts", charts.GREEN, (1.0,), 1, True)
    assert charts.legend_class(area) == "hatch-up"
    assert charts.legend_class(marks) == "mark-up"
    css = (charts.__file__.rsplit("/src/", 1)[0] + "/templates/report.css")
    stylesheet = open(css, encoding="utf-8").read()  # noqa: PTH123
    for style in charts.SERIES_STYLES:
        assert f".swatch.{style.mark_class}" in stylesheet
        if style.hatch:
            assert f".swatch.{style.area_class}" in stylesheet


def test_charts_are_the_same_bytes_in_another_process() -> None:
    """Hash seeds and dict order do not reach the SVG (the golden files rely on it)."""
    code = ("from linkedin_stages.report import charts; from linkedin_stages.report.charts "
            "import Band, Series; import hashlib; "
            "m=tuple(f'2021-{i:02d}' for i in range(1,13)); "
            "b=(Band('present','2021-01','2021-06','Present','1'),"
            "Band('relay','2021-07','2021-12','Relay','2')); "
            "s=(Series('a',charts.GREEN,tuple(float(i%4) for i in range(12)),1),"
            "Series('b',charts.ORANGE,(0,)*5+(1,)+(0,)*6,4,True)); "
            "print(hashlib.sha256(str(charts.draw(charts.StackedAreasSpec("
            "'k','T','D',m,s,'en',2.4,b))).encode()).hexdigest())")
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True, env={"PYTHONHASHSEED": seed}).stdout
            for seed in ("1", "2")}
    assert len(runs) == 1


# ---------------------------------------------------------------------------- in the view


def _view(name: str, lang: str):  # noqa: ANN202
    from linkedin_stages.analysis.report_data import analyze_for_report
    from linkedin_stages.report.viewmodel import build_view

    export, timeline = loaded(name)
    return build_view(analyze_for_report(export, timeline, zone=ZONES[lang]), lang=lang)


def test_every_time_chart_of_a_report_has_the_stage_periods() -> None:
    view = _view("climber", "en")
    specs = [c.spec for c in (view.activity.publishing, view.activity.taking_part,
                              view.activity.mix, view.network.chart, view.voice.chart)
             if c is not None]
    assert len(specs) == 5
    for spec in specs:
        bands = spec.bands  # type: ignore[union-attr]
        assert bands and bands[0].first == view_first(view) and bands[-1].last >= bands[0].last
        assert all(b.name and b.mark for b in bands)
    legend = view.activity.publishing.legend  # type: ignore[union-attr]
    stages = [item for item in legend if item.style == "stage"]
    assert [item.mark for item in stages] == sorted(item.mark for item in stages)
    assert all(item.label for item in stages)


def view_first(view) -> str:  # noqa: ANN001
    return view.activity.publishing.spec.months[0]


def test_a_sparse_member_gets_marks_and_the_summary_says_so() -> None:
    view = _view("lurker", "en")
    charts_with_marks = [c for c in (view.activity.publishing, view.activity.taking_part)
                         if c is not None and any(s.marks for s in c.spec.series)]
    assert charts_with_marks, "the lurker's few posts are drawn as marks"
    chart = charts_with_marks[0]
    marked = [s.label for s in chart.spec.series if s.marks]
    assert marked[0].lower() in chart.summary.lower()
    assert any(item.style.startswith("mark-") for item in chart.legend)


@pytest.mark.parametrize("lang", languages())
def test_the_heatmap_caption_holds_in_dark_mode(lang: str) -> None:
    """Dark mode draws busier cells brighter: no "darker is more" in any language."""
    text = catalogue(lang).table("report")["heatmap_desc"].lower()
    for darker in ("dark", "fonc", "oscur", "escur", "dunkl"):
        assert darker not in text
