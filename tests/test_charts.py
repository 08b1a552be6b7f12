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


def _drawing(svg: str, frame: str = "wide") -> str:
    """One drawing of a chart pair (`charts.paired_svg`): "wide" or "narrow"."""
    found = re.search(rf'<svg\b[^>]*class="chart-{frame}"[^>]*>.*?</svg>', svg, re.S)
    assert found, frame
    return found.group(0)


def _stacked(series: tuple[Series, ...], bands: tuple[Band, ...] = BANDS,
             frame: str = "wide") -> str:
    return _drawing(str(charts.draw(charts.StackedAreasSpec(
        "demo", "Demo", "A demo.", MONTHS, series, "en", 2.4, bands))), frame)


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
    narrow = _texts(_stacked((Series("posts", charts.GREEN, dense, 0),), frame="narrow"))
    assert "Present" in narrow and "Relay" in narrow  # room enough on a phone too
    for band in BANDS:  # a light band and the ribbon, in the stage's colour
        assert svg.lower().count(charts.STAGE_COLORS[band.stage].lower()) >= 2
    plain = _stacked((Series("posts", charts.GREEN, dense, 0),), bands=())
    assert "Present" not in _texts(plain)


def test_a_narrow_period_shows_its_number_not_its_name() -> None:
    bands = (Band("present", "2021-01", "2022-10", "Present", "1"),
             Band("power_networker", "2022-11", "2022-12", "Power networker", "4"))
    svg = _stacked((Series("posts", charts.GREEN, tuple([3.0] * 24), 0),), bands)
    assert "Power networker" not in _texts(svg) and "4" in _texts(svg)


def test_the_share_chart_shows_the_volume_and_outlines_thin_quarters() -> None:
    xs = (2021.125, 2021.375, 2021.625, 2021.875)
    series = (Series("own", charts.GREEN, (0.5, 1.0, 0.2, 0.0), 0),
              Series("others", charts.ORANGE, (0.5, 0.0, 0.8, 1.0), 2))
    svg = _drawing(str(charts.draw(charts.ShareAreasSpec(
        "mixdemo", "Mix", "A mix.", xs, series, "en", "2021-01", "2021-12", 0.2,
        (40.0, 2.0, 10.0, 1.0), 3, "Items a quarter", BANDS))))
    assert "Items a quarter" in _texts(svg)
    assert "25" in _texts(svg)  # the volume panel's count axis (up to 40)
    # Two thin quarters (2 and 1 items): dashed outlines, not shares.
    outlines = re.findall(r'<path d="(M [^"]+z)"[^>]*stroke-dasharray', svg)
    assert len(outlines) == 2


def test_the_heatmap_has_a_colour_scale_up_to_its_peak() -> None:
    counts = tuple(tuple((d * h) % 9 for h in range(24)) for d in range(7))
    pair = str(charts.draw(charts.HeatmapSpec("heatdemo", "Heat", "Busy.", counts,
                                              ("M", "T", "W", "T", "F", "S", "S"), "en",
                                              "Posts in a slot")))
    svg = _drawing(pair)
    texts = _texts(svg)
    # The phone's drawing labels every 6 hours, the page's every 3.
    assert [t for t in texts if ":" in t] == ["0:00", "3:00", "6:00", "9:00", "12:00",
                                              "15:00", "18:00", "21:00"]
    assert [t for t in _texts(_drawing(pair, "narrow")) if ":" in t] == [
        "0:00", "6:00", "12:00", "18:00"]
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


# ---------------------------------------------------------------------------- two frames


def test_every_time_chart_is_one_image_with_a_wide_and_a_narrow_drawing() -> None:
    """Named and described once (the outer image), a drawing per frame inside (no role, no
    title of its own: report.css hides one of them), ids unique across both."""
    svg = str(charts.draw(charts.StackedAreasSpec(
        "demo", "Demo", "A demo.", MONTHS, (Series("posts", charts.GREEN, (3.0,) * 24, 0),),
        "en", 2.4, BANDS)))
    assert svg.count('role="img"') == 1 and svg.count("<title") == 1
    assert svg.count("<desc") == 1
    assert re.match(r'<svg [^>]*class="chart-svg chart-pair" style="--wide: [\d.]+ / [\d.]+; '
                    r'--narrow: [\d.]+ / [\d.]+"', svg)
    wide, narrow = _drawing(svg), _drawing(svg, "narrow")
    assert float(re.search(r'viewBox="0 0 ([\d.]+)', narrow)[1]) < float(
        re.search(r'viewBox="0 0 ([\d.]+)', wide)[1]) * 0.6
    ids = re.findall(r'\bid="([^"]+)"', svg)
    assert len(ids) == len(set(ids))
    assert all(f"url(#{ref})" in svg or f'href="#{ref}"' in svg for ref in
               re.findall(r'<clipPath id="([^"]+)"', svg))


def test_the_narrow_drawing_spaces_its_years_to_fit() -> None:
    """Ten years: every year on the page, every other year on a phone (a label needs about
    31 pt), and the last year is in view on both."""
    months = tuple(f"{y}-{m:02d}" for y in range(2016, 2027) for m in range(1, 13))
    spec = charts.StackedAreasSpec("ten", "Ten", "Ten years.", months,
                                   (Series("posts", charts.GREEN, (2.0,) * len(months), 0),),
                                   "en", 2.4, ())
    pair = str(charts.draw(spec))
    years = lambda svg: [t for t in _texts(svg) if len(t) == 4 and t.isdigit()]  # noqa: E731
    assert years(_drawing(pair)) == [str(y) for y in range(2016, 2027)]
    assert years(_drawing(pair, "narrow")) == [str(y) for y in range(2016, 2027, 2)]


def _right_edges(svg: str, color: str) -> list[float]:
    """The right edge of each polygon filled with `color` (the stage bands and ribbon)."""
    edges = []
    for d in re.findall(rf'<path d="([^"]+)"[^>]*style="fill: {color.lower()}', svg):
        xs = [float(x) for x in re.findall(r"[ML] ([\d.]+) ", d + " ")]
        edges.append(max(xs))
    return edges


def test_the_stage_periods_reach_the_ends_of_a_chart_of_quarters() -> None:
    """The words-per-post chart's axis runs past the last month (to the last quarter's
    middle): the last stage's band and ribbon still end at the axes' right edge."""
    bands = (Band("present", "2021-01", "2021-06", "Present", "1"),
             Band("producer", "2021-07", "2022-10", "Producer", "3"))
    xs = (2021.125, 2021.375, 2021.625, 2021.875, 2022.125, 2022.375, 2022.625, 2022.875)
    for frame in ("wide", "narrow"):
        svg = _drawing(str(charts.draw(charts.WordsSpec(
            "words", "Words", "Words.", xs, (50.0,) * 8, (40.0,) * 8, (60.0,) * 8,
            "2021-01", "2022-10", "en", bands))), frame)
        clip = re.search(r'<clipPath id="[^"]+"><rect x="([\d.]+)" y="[\d.]+" '
                         r'width="([\d.]+)"', svg)
        right = float(clip[1]) + float(clip[2])
        edges = _right_edges(svg, charts.STAGE_COLORS["producer"])
        assert edges and all(abs(edge - right) < 0.6 for edge in edges), (frame, edges, right)


def test_a_member_with_no_full_quarter_gets_a_sentence_not_a_chart_of_outlines() -> None:
    """The lurker shares a link or two a quarter: no quarter reaches the share chart's
    minimum, so the report says so (with the overall split) instead of drawing outlines."""
    from linkedin_stages.report.viewmodel import MIX_MINIMUM

    view = _view("lurker", "en")
    assert view.activity.mix is None
    note = view.activity.mix_note
    assert f"{MIX_MINIMUM} items" in note and "100" in note
    assert "own posts" not in note  # only what the member published is named


def test_the_share_chart_legend_names_only_what_was_published() -> None:
    """A member who never adds a comment to a shared link: no "links with commentary" in
    the share chart's legend (its series is all zeros), the other two named."""
    import dataclasses

    import polars as pl

    from linkedin_stages.analysis.report_data import analyze_for_report
    from linkedin_stages.report.viewmodel import build_view

    export, timeline = loaded("climber")
    data = analyze_for_report(export, timeline, zone=ZONES["en"])
    silent = dataclasses.replace(data.timeline, monthly=data.timeline.monthly.with_columns(
        pl.lit(0).cast(data.timeline.monthly["commented_shares"].dtype)
        .alias("commented_shares")))
    view = build_view(dataclasses.replace(data, timeline=silent), lang="en")
    chart = view.activity.mix
    assert chart is not None and not view.activity.mix_note
    named = {item.label for item in chart.legend if item.style != "stage"}
    assert named == {"own posts (original posts and articles)", "link shares and reposts"}
    full = _view("climber", "en").activity.mix
    assert full is not None and "links with commentary" in {i.label for i in full.legend}
