"""The timeline: the classifier recovers every sample persona's scripted story, each rule does
what docs/stage-model.md says, hysteresis holds, regressions show, the outputs keep their
contract."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner

from linkedin_stages import load_export
from linkedin_stages.analysis import (
    DEFAULTS,
    SCHEMA,
    Reason,
    Thresholds,
    ThresholdsError,
    TimelineError,
    analyze,
    build_timeline,
    describe,
    load_thresholds,
    make_plan,
    to_csv,
    to_json,
)
from linkedin_stages.analysis.metrics import METRICS
from linkedin_stages.analysis.plan import (
    PlanOptionError,
    _latest_window,
    check_plan_options,
    with_plan,
)
from linkedin_stages.analysis.stages import (
    WindowRates,
    _absorb_short_runs,
    judge,
    verdict,
    window_rates,
)
from linkedin_stages.analysis.text_signals import business_matches, personal_hits, with_text_signals
from linkedin_stages.cli import cli
from report_support import loaded, sample_export

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_exports"
JUDGED = ["lurker", "climber", "curator", "fallback", "consultante", "climber-2021-06"]


def _dedupe(stages: list) -> list:
    return [s for i, s in enumerate(stages) if i == 0 or stages[i - 1] != s]


@pytest.fixture(scope="module")
def timelines() -> dict:
    return {name: loaded(name)[1] for name in [*JUDGED, "basic"]}  # shared per session


def _truth(name: str) -> dict[str, str]:
    return json.loads((SAMPLES / f"{name}.truth.json").read_text(encoding="utf-8"))["months"]


# --- validation against the scripted personas ---------------------------------------------

@pytest.mark.parametrize("name", JUDGED)
def test_classifier_recovers_the_persona_month_by_month(name: str, timelines: dict) -> None:
    truth = _truth(name)
    got = {m.month: m.stage for m in timelines[name].months}
    assert list(got) == list(truth), "the timeline covers registration to export"
    right = sum(got[m] == truth[m] for m in truth)
    assert right / len(truth) >= 0.90, f"{name}: {right}/{len(truth)} months right"
    assert _dedupe(list(got.values())) == _dedupe(list(truth.values()))


def test_transitions_land_close_to_the_scripted_ones(timelines: dict) -> None:
    expected = [("2018-09", "present", "relay"), ("2020-07", "relay", "producer"),
                ("2023-01", "producer", "power_networker")]
    found = [(t.month, t.from_stage, t.to_stage) for t in timelines["climber"].transitions]
    assert len(found) == len(expected)
    for (month, a, b), (truth_month, ta, tb) in zip(found, expected, strict=True):
        assert (a, b) == (ta, tb)
        gap = abs((int(month[:4]) * 12 + int(month[5:])) - (int(truth_month[:4]) * 12
                                                            + int(truth_month[5:])))
        assert gap <= 2, (month, truth_month)
    assert timelines["climber"].current_stage == "power_networker"
    assert timelines["climber"].current_since == "2023-01"


def test_regression_is_shown(timelines: dict) -> None:
    stages = _dedupe([m.stage for m in timelines["fallback"].months])
    assert stages == ["present", "producer", "relay", "present"]
    assert timelines["fallback"].current_stage == "present"


def test_datasets_absent_are_null_never_zero(timelines: dict) -> None:
    timeline = timelines["basic"]  # no Shares, Comments, Reactions…
    month = to_json(timeline)["months"][-1]["metrics"]
    assert list(month)[:len(METRICS)] == list(METRICS)
    for metric in ("original_posts", "curated_shares", "reactions", "comments", "reposts",
                   "saved_items", "votes"):
        assert month[metric] is None, metric
    assert isinstance(month["connections_total"], int) and month["messages_sent"] is not None
    assert month["articles"] is not None and month["words"] is not None  # its Articles folder
    rows = list(csv.DictReader(io.StringIO(to_csv(timeline))))
    assert rows[-1]["original_posts"] == "" and rows[-1]["reactions"] == ""
    assert rows[-1]["connections_total"] != ""
    # a complete archive counts every metric
    assert None not in to_json(timelines["climber"])["months"][-1]["metrics"].values()


def test_basic_archive_is_unknown_never_guessed(timelines: dict) -> None:
    timeline = timelines["basic"]
    assert {m.stage for m in timeline.months} == {None}
    assert timeline.current_stage is None
    assert all(m.reasons[0].code == "unknown_no_shares" for m in timeline.months)
    assert timeline.limitations[0].code == "unknown_no_shares"
    # the network is still measured
    assert timeline.monthly["connections_added"].sum() > 0


def test_every_month_carries_numbers_and_readable_reasons(timelines: dict) -> None:
    for month in timelines["consultante"].months:
        assert set(METRICS) <= set(month.metrics)
        assert month.reasons
        for reason in month.reasons:
            for lang in ("en", "fr"):
                text = describe.reason_text(reason, lang)
                assert text and "{" not in text
    relay = next(m for m in timelines["curator"].months if m.stage == "relay")
    assert "shares (link shares and reposts) a month over Apr 2019 – Jun 2019" in \
        describe.reason_text(relay.reasons[0])


# --- the post classifier and the lexicons ------------------------------------------------

def test_post_kinds_follow_the_stated_rules(tmp_path: Path) -> None:
    rows = [
        ("2024-01-02 10:00:00", "urn%3Ali%3AugcPost%3A1", " ".join(["word"] * 40), "", ""),
        ("2024-01-03 10:00:00", "urn%3Ali%3Ashare%3A2", "Worth a read 👇",
         "https://news.example.com/a", ""),
        ("2024-01-04 10:00:00", "urn%3Ali%3Ashare%3A3", " ".join(["opinion"] * 30),
         "https://news.example.com/b", ""),
        ("2024-01-05 10:00:00", "urn%3Ali%3Ashare%3A4", "", "", ""),
        ("2024-01-06 10:00:00", "urn%3Ali%3AugcPost%3A5", "Look!", "",
         "https://media.licdn.com/dms/image/x"),
    ]
    body = "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n" + "".join(
        f"{d},https://www.linkedin.com/feed/update/{link},\"{text}\",{url},{media},"
        "MEMBER_NETWORK\n" for d, link, text, url, media in rows)
    (tmp_path / "Shares.csv").write_text(body, encoding="utf-8")
    timeline = build_timeline(load_export(tmp_path))
    assert timeline.posts["kind"].to_list() == [
        "original", "curated_share", "commented_share", "reshare", "original"]


def test_topic_focus_is_the_share_of_own_posts_on_the_months_main_hashtag() -> None:
    from datetime import datetime

    from linkedin_stages.analysis.metrics import topic_focus

    def post(day: int, month: int, kind: str, tags: list[str]) -> dict:
        return {"timestamp": datetime(2024, month, day), "kind": kind, "hashtags": tags}

    posts = pl.DataFrame([
        # January: 4 own posts, #data on 3 of them (twice on one: counted once)
        post(2, 1, "original", ["#data", "#data", "#ai"]), post(3, 1, "original", ["#data"]),
        post(4, 1, "commented_share", ["#data", "#ai"]), post(5, 1, "article", []),
        # curated shares and reshares are not the member's topics
        post(6, 1, "curated_share", ["#ai"]), post(7, 1, "reshare", ["#ai"]),
        # February: own posts without any hashtag; March: only a curated share
        post(2, 2, "original", []), post(3, 3, "curated_share", ["#x"]),
    ], schema={"timestamp": pl.Datetime("us"), "kind": pl.String,
               "hashtags": pl.List(pl.String)})
    focus = dict(topic_focus(posts).iter_rows())
    assert focus == {"2024-01": 0.75, "2024-02": 0.0}
    assert "2024-03" not in focus  # no own post: the month is filled with 0 in the timeline


def test_topic_focus_in_the_timeline(timelines: dict) -> None:
    monthly = timelines["climber"].monthly
    assert monthly["topic_focus"].dtype == pl.Float64
    assert monthly["topic_focus"].is_between(0, 1).all()
    quiet = monthly.filter((pl.col("original_posts") + pl.col("commented_shares")
                            + pl.col("articles")) == 0)
    assert quiet["topic_focus"].to_list() == [0.0] * quiet.height
    assert monthly["topic_focus"].max() > 0.5  # the climber tags their posts consistently


@pytest.mark.parametrize("text,expected", [
    ("Book a call with me: https://calendly.example.com/x", ["book a call", "calendly"]),
    ("DM me if you want the template", ["dm me"]),
    ("Prenez rendez-vous, places limitées !", ["prenez rendez-vous", "places limitées"]),
    ("Inscrivez-vous au webinaire de jeudi", ["inscrivez-vous", "webinaire"]),
    ("What I learned from ten years of hiring", []),
    ("Le rendez-vous annuel des équipes", []),
])
def test_business_intent_lexicon(text: str, expected: list[str]) -> None:
    assert business_matches(text) == expected
    frame = with_text_signals(pl.DataFrame({"t": [text], "words": [len(text.split())]}), "t")
    assert frame["business_words"].to_list()[0] == expected
    assert frame["business"].to_list()[0] == bool(expected)


def test_personal_voice_in_both_languages() -> None:
    assert personal_hits("I think my team grew more than I did") == 3
    assert personal_hits("J’ai appris que mon équipe avançait sans moi") == 3
    assert personal_hits("The market grew 4% this quarter") == 0


# --- each rule on hand-built windows -----------------------------------------------------

def _window(**values: float) -> WindowRates:
    base = dict(months=("2024-01", "2024-03"), own=0.0, shared=0.0, originals=0.0,
                articles=0.0, commented=0.0, curated=0.0, reposts=0.0, own_share=0.0,
                business_share=0.0, regularity=0.0, outreach=0.0, reactions=10.0,
                comments=0.0)
    base.update(values)
    if "own_share" not in values and base["own"] + base["shared"]:
        base["own_share"] = base["own"] / (base["own"] + base["shared"])
    return WindowRates(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize("values,previous,expected", [
    ({}, None, "present"),
    ({"shared": 1.6}, None, "present"),  # fewer than 5 shares a quarter
    ({"shared": 1.67}, None, "relay"),
    ({"shared": 0.7}, "relay", "relay"),  # stays: hysteresis
    ({"shared": 0.6}, "relay", "present"),
    # speaking in others' threads: a comment weighs a fifth of a share
    ({"others_comments": 45}, None, "relay"),
    ({"others_comments": 5}, None, "present"),  # an occasional commenter
    ({"others_comments": 3, "shared": 0.5}, "relay", "relay"),
    ({"own": 2.0, "shared": 1.0}, None, "producer"),
    ({"own": 2.0, "shared": 9.0}, None, "relay"),  # own posts are a small share: a relay
    ({"own": 0.7, "shared": 0.5}, "producer", "producer"),  # stays
    ({"own": 1.3, "shared": 0.5}, "relay", "relay"),  # but is not enough to enter
    ({"own": 5, "business_share": 0.5, "regularity": 0.8}, None, "power_networker"),
    ({"own": 5, "business_share": 0.5, "outreach": 4}, None, "power_networker"),
    ({"own": 5, "business_share": 0.5, "regularity": 0.3, "outreach": 1}, None, "producer"),
    ({"own": 5, "business_share": 0.1, "regularity": 0.9}, None, "producer"),
    ({"own": 3, "business_share": 0.9, "regularity": 0.9}, None, "producer"),
    ({"own": 5, "business_share": 0.25, "regularity": 0.9}, "power_networker",
     "power_networker"),
])
def test_stage_rules(values: dict, previous: str | None, expected: str) -> None:
    stage, reasons = verdict(_window(**values), previous, DEFAULTS)
    assert stage == expected
    speaking = expected == "relay" and values.get("others_comments", 0) > 0
    assert reasons[0].code == ("relay_comments" if speaking else expected)


def test_one_busy_month_does_not_flip_the_trajectory() -> None:
    quiet, busy = _window(), _window(own=8, shared=1)
    judged = judge([quiet, quiet, quiet, busy, quiet, quiet], DEFAULTS)
    assert [stage for stage, _, _ in judged] == ["present"] * 6
    assert judged[3][1] == "producer"  # the raw verdict is kept as evidence
    assert judged[3][2][-1].code == "held"


def test_a_sustained_fall_back_is_a_regression() -> None:
    producing, quiet = _window(own=6, shared=1), _window()
    judged = judge([producing] * 4 + [quiet] * 5, DEFAULTS)
    assert [stage for stage, _, _ in judged] == ["producer"] * 4 + ["present"] * 5


@pytest.mark.parametrize("pause", [2, 3, 4])
def test_a_quiet_spell_is_one_habit_with_a_pause(pause: int) -> None:
    producing, quiet, sharing = _window(own=6, shared=1), _window(), _window(shared=3)
    for spell in ([quiet] * pause, [sharing] + [quiet] * (pause - 1)):
        judged = judge([producing] * 4 + spell + [producing] * 4, DEFAULTS)
        assert [stage for stage, _, _ in judged] == ["producer"] * (pause + 8)
        assert judged[5][2][-1].code in ("quiet_spell", "held")  # held: one-month runs
        # at the end of the archive, a pause is a pause until it outlasts a quiet spell
        judged = judge([producing] * 5 + spell, DEFAULTS)
        assert {stage for stage, _, _ in judged} == {"producer"}


def test_a_ramp_is_not_a_stage_and_each_change_is_dated_on_its_month() -> None:
    """Months alone: present, present, then a producer's. The windows see the rise a month
    early, through a relay-level ramp; the change lands on the first producing month."""
    quiet, ramp, producing = _window(), _window(own=2, shared=0.3), _window(own=6, shared=1)
    windows = [quiet] * 3 + [ramp, ramp] + [producing] * 4
    alone = [quiet] * 4 + [producing] * 5
    stages = [stage for stage, _, _ in judge(windows, DEFAULTS, alone)]
    assert stages == ["present"] * 4 + ["producer"] * 5
    # without each month's own rates, the windows' dates stay
    assert [stage for stage, _, _ in judge(windows, DEFAULTS)][3] != "present"


def test_a_one_month_burst_does_not_count() -> None:
    quiet, echo, burst = _window(), _window(own=2.3, shared=0.3), _window(own=7, shared=1)
    windows = [quiet] * 4 + [echo, echo, echo] + [quiet] * 4
    alone = [quiet] * 5 + [burst] + [quiet] * 5
    assert {stage for stage, _, _ in judge(windows, DEFAULTS, alone)} == {"present"}


@pytest.mark.parametrize("stages,expected", [
    (["a", "a", "b", "a", "a"], ["a"] * 5),
    (["a", "a", "b", "b", "a", "a"], ["a", "a", "b", "b", "a", "a"]),
    (["a", "b", "b", "a"], ["b"] * 4),  # one-month runs at either end wait for confirmation
    (["b", "a", "a", "a"], ["a"] * 4),
    (["a", "a", "b"], ["a"] * 3),
])
def test_short_runs_are_absorbed(stages: list[str], expected: list[str]) -> None:
    assert _absorb_short_runs(stages, 2) == expected


# --- thresholds --------------------------------------------------------------------------

def test_thresholds_file_overrides_defaults(tmp_path: Path) -> None:
    path = tmp_path / "t.toml"
    path.write_text("[thresholds]\nrelay_enter = 50\nmin_run_months = 1\n", encoding="utf-8")
    loaded = load_thresholds(path)
    assert loaded.relay_enter == 50.0 and loaded.min_run_months == 1
    assert loaded.producer_enter == DEFAULTS.producer_enter
    timeline = build_timeline(sample_export("curator"), thresholds=loaded)
    assert "relay" not in {m.stage for m in timeline.months}
    assert to_json(timeline)["thresholds"]["relay_enter"] == 50.0


@pytest.mark.parametrize("content,message", [
    ("relay_enter = 'high'", "must be a number"),
    ("nonsense = 3", "unknown threshold 'nonsense'"),
    ("relay_enter = -1", "must be a number ≥ 0"),
    ("window_months = 2", "odd number"),
    ("[thresholds\n", "not valid TOML"),
])
def test_bad_thresholds_files(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "t.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ThresholdsError, match=message):
        load_thresholds(path)


def test_thresholds_are_documented() -> None:
    doc = (ROOT / "docs" / "stage-model.md").read_text(encoding="utf-8")
    for name in Thresholds.__dataclass_fields__:
        assert f"`{name}`" in doc, f"docs/stage-model.md does not explain {name}"


# --- plan --------------------------------------------------------------------------------

def test_plan_toward_a_target(timelines: dict) -> None:
    timeline = analyze(sample_export("lurker"), target="producer", by="2027-09")
    plan = timeline.plan
    assert plan.target == "producer" and plan.start == "2026-11" and plan.months == 11
    assert plan.reachable
    steps = {s.metric: s for s in plan.steps}
    assert steps["original_posts"].now == 0 and steps["original_posts"].target >= 2
    assert "original_posts" in plan.missing
    assert [r.code for r in plan.reasons] == ["plan_jump"]


def test_plan_defaults_to_the_next_stage(timelines: dict) -> None:
    assert timelines["curator"].plan.target == "producer"
    assert timelines["climber"].plan.target == "power_networker"
    assert timelines["climber"].plan.reasons[0].code == "plan_reached_top"  # no "beyond"


def test_plan_says_when_the_date_is_not_workable(timelines: dict) -> None:
    plan = make_plan(timelines["curator"], target="producer", by="2026-12")
    assert not plan.reachable
    assert "plan_short" in [r.code for r in plan.reasons]


@pytest.mark.parametrize("by", ["2026-10", "2020-01"])
def test_a_date_not_after_the_export_is_a_usage_error(timelines: dict, by: str) -> None:
    with pytest.raises(PlanOptionError, match=f"--by {by} is not after the export's last month"):
        make_plan(timelines["curator"], target="producer", by=by)
    result = CliRunner().invoke(cli, ["timeline", str(SAMPLES / "curator"), "--by", by])
    assert result.exit_code == 2 and "not after the export's last month (2026-10)" in result.output


@pytest.mark.parametrize("spelt", ["power_networker", "power-networker", "Power networker",
                                   " POWER-networker "])
def test_target_spellings(timelines: dict, spelt: str) -> None:
    assert make_plan(timelines["curator"], target=spelt).target == "power_networker"


def test_a_misspelt_target_is_answered_with_the_stage_meant() -> None:
    with pytest.raises(PlanOptionError, match=r"did you mean producer\?"):
        check_plan_options("prodcer", None)
    result = CliRunner().invoke(cli, ["timeline", str(SAMPLES / "curator"), "--target",
                                      "power-netwroker"])
    assert result.exit_code == 2 and "did you mean power_networker?" in result.output


@pytest.mark.parametrize("kwargs,message", [
    ({"target": "guru"}, "--target must be one of"),
    ({"by": "next year"}, "--by must be a month"),
])
def test_bad_plan_options(timelines: dict, kwargs: dict, message: str) -> None:
    with pytest.raises(TimelineError, match=message):
        make_plan(timelines["lurker"], **kwargs)
    with pytest.raises(TimelineError, match=message):  # before the timeline is built
        analyze(None, **kwargs)  # type: ignore[arg-type]


def test_the_plan_is_a_step_of_its_own(timelines: dict) -> None:
    export = sample_export("curator")
    bare = build_timeline(export)
    assert bare.plan is None
    with pytest.raises(TypeError):
        build_timeline(export, target="producer")  # type: ignore[call-arg]
    planned = with_plan(bare, target="producer", by="2027-06")
    assert planned.plan == make_plan(bare, target="producer", by="2027-06")
    assert planned.plan == analyze(export, target="producer", by="2027-06").plan
    assert dataclasses.replace(planned, plan=None).months == bare.months


@pytest.mark.parametrize("name", JUDGED)
def test_the_plan_sees_the_same_last_window_as_the_stages(timelines: dict, name: str) -> None:
    """The plan sums only the months of the last window: the same numbers as the whole
    timeline's last window."""
    timeline = timelines[name]
    whole = window_rates(timeline.monthly, timeline.posts, timeline.thresholds)[-1]
    assert _latest_window(timeline, timeline.thresholds) == whole


# --- outputs -----------------------------------------------------------------------------

def test_json_contract(timelines: dict) -> None:
    document = to_json(timelines["climber"])
    assert document["schema"] == SCHEMA
    month = document["months"][0]
    assert set(month) >= {"month", "stage", "metrics", "reasons"}
    assert month["stage"] in ("present", "relay", "producer", "power_networker", None)
    # dated on the first month of the new behaviour (the persona's script: September 2018)
    assert document["transitions"][0] == {"month": "2018-09", "from": "present", "to": "relay"}
    assert document["current"] == {"stage": "power_networker", "since": "2023-01"}
    assert {"target", "by", "steps", "missing", "notes", "reachable"} <= set(document["plan"])
    json.dumps(document)  # serialisable


def test_csv_has_one_row_per_month(timelines: dict) -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(timelines["fallback"], "fr"))))
    assert len(rows) == len(timelines["fallback"].months)
    assert list(rows[0])[:2] == ["month", "stage"] and "reasons" in rows[0]
    assert "par mois" in rows[0]["reasons"]


def test_cli_timeline_json_csv_and_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["timeline", str(SAMPLES / "curator")])
    assert result.exit_code == 0
    assert json.loads(result.output)["current"]["stage"] == "relay"
    result = runner.invoke(cli, ["timeline", str(SAMPLES / "curator"), "--format", "csv"])
    assert result.exit_code == 0 and result.output.startswith("month,stage,")
    result = runner.invoke(cli, ["timeline", str(SAMPLES / "curator"), "--by", "soon"])
    assert result.exit_code == 2 and result.output.startswith("Error: --by must be a month")
    result = runner.invoke(cli, ["timeline", str(SAMPLES / "curator"), "--thresholds",
                                 str(tmp_path / "missing.toml")])
    assert result.exit_code == 1 and "no such thresholds file" in result.output
    result = runner.invoke(cli, ["timeline", str(SAMPLES / "curator"), "--target", "guru"])
    assert result.exit_code == 2  # a usage error, as click reports it


def test_wording_covers_every_reason_code_in_both_languages() -> None:
    from linkedin_stages.analysis import describe as w

    assert set(w._REASONS["en"]) == set(w._REASONS["fr"])
    for stage in (None, "present", "relay", "producer", "power_networker"):
        assert w.stage_name(stage, "fr") and w.stage_summary(stage, "en")
    assert w.stage_name("relay", "fr") == "Le relai"
    assert "0,5" in w.reason_text(Reason("relay", {"shared": 0.5, "from": "a", "to": "b",
                                                  "level": 2.0, "own": 0}), "fr")


# --- with the analytics workbook ---------------------------------------------------------

def test_engagement_from_the_analytics_workbook(tmp_path: Path) -> None:
    from linkedin_stages.analytics import load_analytics
    from linkedin_stages.synth.analytics_workbook import workbook_bytes

    path = tmp_path / "curator.xlsx"
    path.write_bytes(workbook_bytes("curator"))
    export = sample_export("curator")
    plain = build_timeline(export)
    timeline = build_timeline(export, analytics=load_analytics([path]))
    # the stages are judged on what the member did, never on others' engagement
    assert [m.stage for m in timeline.months] == [m.stage for m in plain.months]
    covered = [m for m in timeline.months if "impressions" in m.metrics]
    assert len(covered) == len(timeline.engagement.months) == 13
    assert all(m.reasons[-1].code == "engagement" for m in covered)
    assert covered[-1].month == timeline.months[-1].month
    document = to_json(timeline)
    assert document["engagement"]["top_posts_matching"]["top_posts"] > 0
    rates = {row["kind"]: row["rate"] for row in document["engagement"]["by_kind"]}
    assert rates["curated_share"] < rates["original"]  # the article's relay ceiling
    assert "13 month(s)" in document["limitations"][0]
    assert "no_engagement" not in [r.code for r in timeline.limitations]
