"""`compare`: two exports of one member, made by the generator at two dates, against what the
simulation knows happened in between."""

from __future__ import annotations

import json
from datetime import datetime
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner

from linkedin_stages import Export, load_export
from linkedin_stages.analysis.compare import SCHEMA, compare_exports, to_json
from linkedin_stages.cli import cli
from linkedin_stages.synth.generate import export_moment, simulate
from linkedin_stages.synth.personas import PERSONAS
from report_support import sample_export, synth_archive


def _write(tmp_path: Path, name: str, until: str | None) -> Path:
    folder = tmp_path / name
    synth_archive("climber", until).write_folder(folder)
    return folder


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("compare")
    return _write(root, "old", "2021-06"), _write(root, "new", None)


@pytest.fixture(scope="module")
def pair_loaded(pair: tuple[Path, Path]) -> tuple[Export, Export]:
    """The pair read once for this module (reading is read-only)."""
    return load_export(pair[0]), load_export(pair[1])


@pytest.fixture(scope="module")
def pair_compared(pair_loaded: tuple[Export, Export]) -> dict:
    """`to_json` of the pair's comparison (older first), computed once for this module."""
    return to_json(compare_exports(*pair_loaded))


@cache
def _climber_life():  # noqa: ANN202
    """The climber's simulated life (deterministic, seed 0), simulated once."""
    return simulate(PERSONAS["climber"])


def _expected(old_month: str, new_month: str, by_url: bool) -> dict[str, int]:
    """What the simulation says changed in the network between two export dates."""
    life = _climber_life()
    old_cut, new_cut = export_moment(old_month), export_moment(new_month)

    def present(contact, cut: datetime) -> bool:
        return (contact.connected_on < cut and not contact.ghost
                and (contact.removed_on is None or contact.removed_on >= cut))

    def keyed(cut: datetime) -> dict:
        # newest first, as the files list them; same name and day: told apart by that order
        people = sorted((c for c in life.contacts if present(c, cut)),
                        key=lambda c: c.connected_on, reverse=True)
        seen: dict = {}
        out = {}
        for c in people:
            base = c.url if by_url else (c.name.lower(), c.connected_on.date())
            seen[base] = seen.get(base, -1) + 1
            out[(base, seen[base])] = c
        return out

    old, new = keyed(old_cut), keyed(new_cut)
    moved = [k for k in old.keys() & new.keys()
             if [" ".join(x.split()) for x in old[k].job_at(old_cut)]
             != [" ".join(x.split()) for x in new[k].job_at(new_cut)]]
    return {"gained": len(new.keys() - old.keys()), "lost": len(old.keys() - new.keys()),
            "job_changes": len(moved)}


def test_counts_match_the_simulation_in_both_orders(pair_loaded: tuple[Export, Export],
                                                    pair_compared: dict) -> None:
    old, new = pair_loaded
    expected = _expected("2021-06", PERSONAS["climber"].exported, by_url=False)
    for first, second, swapped in ((old, new, False), (new, old, True)):
        result = pair_compared if not swapped else to_json(compare_exports(first, second))
        assert result["swapped"] is swapped
        assert result["old"]["exported"] < result["new"]["exported"]
        counts = result["connections"]
        assert counts["matched_by"] == "name and date"  # the 2021 archive has no URL column
        assert {k: counts[k] for k in expected} == expected
        assert counts["unmatched"] == int(new.connections["ghost"].sum())
        assert result["warnings"] == []
    assert expected["lost"] > 0 and expected["job_changes"] > 0


def test_two_current_archives_match_by_url(tmp_path: Path) -> None:
    old = load_export(_write(tmp_path, "old", "2024-08"))
    new = load_export(_write(tmp_path, "new", None))
    result = to_json(compare_exports(old, new))
    assert result["connections"]["matched_by"] == "url"
    expected = _expected("2024-08", PERSONAS["climber"].exported, by_url=True)
    assert {k: result["connections"][k] for k in expected} == expected


def test_edits_removing_people_and_changing_jobs(pair: tuple[Path, Path],
                                                pair_loaded: tuple[Export, Export],
                                                pair_compared: dict, tmp_path: Path) -> None:
    old_path, new_path = pair
    edited = tmp_path / "edited"
    synth_archive("climber").write_folder(edited)
    lines = (edited / "Connections.csv").read_text(encoding="utf-8").split("\n")
    header = next(i for i, line in enumerate(lines) if line.startswith("First Name"))
    # the file lists newest first: its last rows are people both archives hold
    rows = [i for i in range(header + 1, len(lines))
            if lines[i] and not lines[i].startswith(",") and lines[i].count(",") == 6][-40:]
    removed, changed = rows[:3], rows[3:5]
    for i in changed:
        cells = lines[i].split(",")
        cells[-3] = "Completely New Employer"  # the Company column
        lines[i] = ",".join(cells)
    kept = [line for i, line in enumerate(lines) if i not in removed]
    (edited / "Connections.csv").write_text("\n".join(kept), encoding="utf-8")
    base = pair_compared
    after = to_json(compare_exports(pair_loaded[0], load_export(edited)))
    assert after["connections"]["lost"] == base["connections"]["lost"] + 3
    moves_to_new = [m for m in after["connections"]["job_moves"]
                    if m["to"]["company"] == "Completely New Employer"]
    assert len(moves_to_new) == 2
    moved_before = {m["url"] for m in base["connections"]["job_moves"]}
    fresh = sum(m["url"] not in moved_before for m in moves_to_new)
    assert after["connections"]["job_changes"] == base["connections"]["job_changes"] + fresh


def test_activity_between_counts_the_newer_archives_additions(
        pair_loaded: tuple[Export, Export], pair_compared: dict) -> None:
    _, new = pair_loaded
    result = pair_compared
    between = result["activity_between"]
    cutoff = datetime(2021, 6, 28, 23, 59, 59)
    assert between["comments"] == new.comments.filter(
        new.comments["timestamp"] > cutoff).height
    assert between["reactions"] == new.reactions.filter(
        new.reactions["timestamp"] > cutoff).height
    posts = sum(v for k, v in between.items() if k.startswith("posts_"))
    assert posts == new.shares.filter(new.shares["timestamp"] > cutoff).height + len(
        [a for a in new.articles.iter_rows(named=True)
         if a["published"] and not a["draft"] and a["published"] > cutoff])


def test_retention_is_not_reported_as_deletion_but_deleted_posts_are(
        pair_loaded: tuple[Export, Export], tmp_path: Path) -> None:
    edited = tmp_path / "deleted"
    synth_archive("climber").write_folder(edited)
    old = pair_loaded[0]
    victim = old.shares.filter(old.shares["commentary"].is_not_null()).row(0, named=True)
    victim_id = victim["urn_id"]
    text = (edited / "Shares.csv").read_text(encoding="utf-8")
    start = text.index(victim_id)
    line_start = text.rfind("\n", 0, start) + 1
    following = text.index("\n20", start) + 1  # the next record starts with its date
    (edited / "Shares.csv").write_text(text[:line_start] + text[following:], encoding="utf-8")
    result = to_json(compare_exports(old, load_export(edited)))
    assert [p["link"] for p in result["deleted_posts"]] == [victim["share_link"]]
    dropped = result["dropped_by_linkedin"]
    assert dropped["invitations"] == old.invitations.height  # older than the newer's window
    assert dropped["invitations_before_retention"] == dropped["invitations"]


def test_stage_change_and_overlap(pair_compared: dict) -> None:
    result = pair_compared
    stage = result["stage_change"]
    assert (stage["then"], stage["now"], stage["direction"]) == (
        "producer", "power_networker", "up")
    assert stage["overlap_months"] > 40
    assert stage["agreeing_months"] >= stage["overlap_months"] - 2
    assert stage["metrics"]["original_posts"]["now"] > 0


def test_different_members_are_warned_about(tmp_path: Path) -> None:
    a, b = sample_export("lurker"), sample_export("curator")
    warnings = compare_exports(a, b).warnings
    assert any("different names" in w for w in warnings)
    assert any("different registration dates" in w for w in warnings)


def test_cli_compare_json(pair: tuple[Path, Path]) -> None:
    old, new = pair
    result = CliRunner().invoke(cli, ["compare", str(new), str(old), "--format", "json"])
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert document["schema"] == SCHEMA
    assert set(document) >= {"old", "new", "connections", "activity_between",
                             "dropped_by_linkedin", "stage_change"}
    assert "older archive" in result.stderr
    missing = CliRunner().invoke(cli, ["compare", str(old), str(old.parent / "nope"),
                                       "--format", "json"])
    assert missing.exit_code == 1 and missing.output.startswith("Error: ")
