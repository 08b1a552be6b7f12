"""`cohort` and `sample --cohort`: a scripted team read back against its truth file — the
members, their snapshots, the stage of every month, the group's distribution and moves —
and the outputs (JSON, Parquet), the worker pool, a Dask local cluster, redaction and bad
input (unreadable exports listed, the rest read; nothing written inside an export)."""

from __future__ import annotations

import json
import zipfile
from collections import Counter
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner

from linkedin_stages.analysis.cohort import KEY_METRICS, ROW_SCHEMA, build_cohort
from linkedin_stages.analysis.cohort_stats import cohort_stats
from linkedin_stages.cli import cli
from linkedin_stages.cohort_run import discover, run_dask, run_local
from linkedin_stages.months import month_count
from linkedin_stages.synth.cohort import TRUTH_NAME, plan_cohort, write_cohort

TEAM_SIZE = 24


@pytest.fixture(scope="module")
def team(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    folder = tmp_path_factory.mktemp("cohort") / "team"
    truth = write_cohort(folder, TEAM_SIZE, seed=3).truth
    return folder, truth


def _run(*args: str) -> object:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def team_json(team: tuple[Path, dict], tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("out") / "team.json"
    result = _run("cohort", str(team[0]), "--format", "json", "-o", str(out), "--workers", "2")
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text(encoding="utf-8"))


def _current(truth_member: dict) -> str:
    if truth_member["archive"] == "basic":
        return "unknown"
    months = truth_member["months"]
    return months[max(months)]


def test_sample_cohort_is_a_population_with_snapshots(team: tuple[Path, dict]) -> None:
    folder, truth = team
    assert (folder / TRUTH_NAME).is_file()
    assert truth["count"] == len(truth["members"]) == TEAM_SIZE
    for member in truth["members"]:
        for export in member["exports"]:
            assert (folder / export["path"]).exists()
    assert len({m["name"] for m in truth["members"]}) == TEAM_SIZE  # one name, one member
    # most stay present, as in the article; some go up, and a few have two exports
    stages = Counter(_current(m) for m in truth["members"])
    assert stages["present"] >= TEAM_SIZE // 3
    assert stages["present"] > stages["power_networker"]
    kinds = {Path(e["path"]).suffix for m in truth["members"] for e in m["exports"]}
    assert kinds == {".zip", ""}  # zips and folders


def test_same_seed_same_team() -> None:
    first = [(p.persona.full_name, p.persona.phases, p.exports) for p in plan_cohort(40, 1)]
    again = [(p.persona.full_name, p.persona.phases, p.exports) for p in plan_cohort(40, 1)]
    other = [(p.persona.full_name, p.persona.phases, p.exports) for p in plan_cohort(40, 2)]
    assert first == again != other


def test_cohort_reads_every_member_against_the_truth(team: tuple[Path, dict],
                                                     team_json: dict) -> None:
    _, truth = team
    members = {m["name"]: m for m in team_json["members"]}
    assert set(members) == {m["name"] for m in truth["members"]}
    agree = total = wrong_now = 0
    for expected in truth["members"]:
        got = members[expected["name"]]
        # every export of one member is one member, its snapshots oldest first
        assert [s["last_month"] for s in got["snapshots"]] == sorted(
            e["export"] for e in expected["exports"])
        wrong_now += (got["current"]["stage"] or "unknown") != _current(expected)
        if expected["archive"] == "basic":
            assert {m["stage"] for m in got["months"]} == {None}
            continue
        detected = {m["month"]: m["stage"] for m in got["months"]}
        agree += sum(detected.get(month) == stage for month, stage in expected["months"].items())
        total += len(expected["months"])
    assert agree / total >= 0.95
    assert wrong_now <= 1


def test_cohort_statistics_match_the_truth(team: tuple[Path, dict], team_json: dict) -> None:
    _, truth = team
    stats = team_json["statistics"]
    assert stats["members"] == TEAM_SIZE
    expected = Counter(_current(m) for m in truth["members"])
    for stage, count in stats["now"].items():
        assert abs(count - expected[stage]) <= 1, (stage, count, expected)
    groups = {g["group"]: g for g in stats["article_groups"]}
    assert groups["present"]["article_share"] == 0.9
    assert sum(g["members"] for g in groups.values()) == TEAM_SIZE - stats["now"]["unknown"]
    # members who rose at least once in their story
    risers = sum(1 for m in truth["members"] if m["archive"] == "complete" and any(
        ["present", "relay", "producer", "power_networker"].index(b[1])
        > ["present", "relay", "producer", "power_networker"].index(a[1])
        for a, b in zip(m["phases"], m["phases"][1:], strict=False)))
    assert abs(stats["transitions"]["members_up"] - risers) <= 1
    # the time to the next stage follows every member who started there: none dropped
    first = next(s for s in stats["time_to_next_stage"] if s["from"] == "registration")
    starters = sum(1 for m in team_json["members"]
                   if any(mm["stage"] for mm in m["months"])
                   and (m["registered"] is None
                        or month_count(m["registered"], m["first_month"]) <= 1))
    assert first["members"] == starters == first["reached"] + first["censored"]
    assert first["censored"] > 0  # members still present are kept, as not there yet
    month_totals = {m["month"]: sum(v for k, v in m.items() if k != "month")
                    for m in stats["months"]}
    last = max(month_totals)
    assert month_totals[last] == sum(1 for m in team_json["members"]
                                     if m["last_month"] == last)


def test_parquet_is_member_by_month(team: tuple[Path, dict], team_json: dict,
                                    tmp_path: Path) -> None:
    out = tmp_path / "team.parquet"
    result = _run("cohort", str(team[0]), "--format", "parquet", "-o", str(out), "-q")
    assert result.exit_code == 0, result.output
    frame = pl.read_parquet(out)
    assert frame.schema == pl.Schema(ROW_SCHEMA)
    assert set(KEY_METRICS) <= set(frame.columns)
    assert frame.height == sum(len(m["months"]) for m in team_json["members"])
    assert frame.select(pl.struct("member", "month").is_unique().all()).item()
    known = frame.filter(pl.col("stage").is_not_null())
    assert known["stage_number"].min() >= 1 and known["stage_number"].max() <= 4


def test_one_worker_and_a_pool_agree(team: tuple[Path, dict]) -> None:
    jobs, problems = discover([team[0]])
    alone = run_local(jobs, problems, workers=1)
    pooled = run_local(jobs, problems, workers=2)
    assert alone == pooled


def test_dask_local_cluster_runs_the_same_step(team: tuple[Path, dict]) -> None:
    distributed = pytest.importorskip("distributed")
    jobs, problems = discover([team[0]])
    jobs = jobs[:6]
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        on_dask = run_dask(jobs, problems, scheduler="unused", client=client)
    assert on_dask == run_local(jobs, problems, workers=1)


def test_unreadable_exports_are_listed_and_the_rest_go_on(team: tuple[Path, dict],
                                                          tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    first = next(p for p in sorted(team[0].iterdir()) if p.is_dir())
    (folder / "Complete_LinkedInDataExport_01-02-2026.zip").write_bytes(b"not a zip at all")
    with zipfile.ZipFile(folder / "Basic_LinkedInDataExport_01-03-2026.zip", "w") as z:
        z.writestr("Connections.csv", "garbage\x00\x00 that is no header\n")
    out = tmp_path / "mixed.json"
    result = _run("cohort", str(folder), str(first), str(tmp_path / "missing"),
                  "--format", "json", "-o", str(out))
    assert result.exit_code == 0, result.output
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert len(doc["members"]) == 1
    unread = {u["export"]: u["reason"] for u in doc["unreadable"]}
    assert len(unread) == 3, unread
    assert all(reason for reason in unread.values())
    assert "not read" in result.output


def test_nothing_readable_is_an_error(tmp_path: Path) -> None:
    team = tmp_path / "team"
    team.mkdir()
    (team / "Complete_LinkedInDataExport_01-02-2026.zip").write_bytes(b"PK nothing")
    empty = tmp_path / "empty"
    empty.mkdir()
    out = tmp_path / "out.html"
    result = _run("cohort", str(team), str(empty), "-o", str(out))
    assert result.exit_code == 1
    assert result.output.startswith("Error: no export to read")
    assert "not a LinkedIn export" in result.output and "no LinkedIn export in" in result.output
    assert not out.exists()


def test_never_writes_inside_an_export(team: tuple[Path, dict]) -> None:
    member = next(p for p in sorted(team[0].iterdir()) if p.is_dir())
    export = next(p for p in member.iterdir() if p.is_dir() or p.suffix == ".zip")
    before = sorted(p.name for p in team[0].rglob("*"))
    result = _run("cohort", str(team[0]), "-o", str(export / "x.html"))
    assert result.exit_code == 1
    assert "inside the export" in result.output
    assert sorted(p.name for p in team[0].rglob("*")) == before


def test_redacted_json_names_nobody(team: tuple[Path, dict], tmp_path: Path) -> None:
    out = tmp_path / "redacted.json"
    result = _run("cohort", str(team[0]), "--format", "json", "-o", str(out), "--redact", "-q")
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    for member in team[1]["members"]:
        assert member["name"] not in text
        assert member["folder"] not in text
    doc = json.loads(text)
    assert doc["redacted"] is True
    assert doc["members"][0]["name"] == "Person 1"


def test_sample_cohort_refuses_a_folder_it_did_not_write(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    result = _run("sample", "--cohort", "3", str(tmp_path))
    assert result.exit_code == 1
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_sample_cohort_replaces_an_earlier_one(tmp_path: Path) -> None:
    target = tmp_path / "team"
    assert _run("sample", "--cohort", "2", str(target)).exit_code == 0
    result = _run("sample", "--cohort", "3", str(target), "--seed", "5")
    assert result.exit_code == 0, result.output
    truth = json.loads((target / TRUTH_NAME).read_text(encoding="utf-8"))
    assert truth["count"] == 3
    assert len([p for p in target.iterdir() if p.is_dir()]) == 3
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".linkedin-stages-")]


def test_build_cohort_merges_snapshots_by_identity(team: tuple[Path, dict]) -> None:
    jobs, _ = discover([team[0]])
    group = run_local(jobs, workers=1)
    again = build_cohort(group.members)  # already merged: stable
    assert again.members == group.members
    assert cohort_stats(group).members == len(team[1]["members"])
