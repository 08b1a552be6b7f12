"""The sample generator and the committed sample exports.

* the generator is deterministic, and sample_exports/ is exactly what it writes today;
* reading each sample gives back exactly the records the generator wrote, whatever the era;
* folder and zip forms read the same.
"""

from __future__ import annotations

import json
import zipfile
from datetime import datetime
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner

from linkedin_stages import load_export
from linkedin_stages.cli import cli
from linkedin_stages.synth.generate import (
    COMMITTED_PERSONAS,
    COMMITTED_SAMPLES,
    SampleError,
    build_archive,
    months_between,
)
from linkedin_stages.synth.personas import PERSONAS, STAGES
from report_support import sample_export, synth_archive, synth_export

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_exports"


@pytest.fixture(scope="module")
def archives() -> dict[str, object]:
    return {name: synth_archive(persona, until=month)
            for name, (persona, month) in COMMITTED_SAMPLES.items()}


@pytest.fixture(scope="module")
def loaded() -> dict[str, object]:
    return {name: sample_export(name) for name in COMMITTED_SAMPLES}


def test_at_least_five_personas_and_a_basic_archive() -> None:
    assert len(PERSONAS) >= 5
    assert {p.archive for p in PERSONAS.values()} == {"complete", "basic"}
    assert {p.lang for p in PERSONAS.values()} == {"en", "fr", "es", "pt", "de"}
    assert any(len(p.phases) == 1 and p.phases[0][1] == "present" for p in PERSONAS.values())
    assert any([s for _, s in p.phases] == list(STAGES) for p in PERSONAS.values())


def test_members_of_the_world_are_among_the_personas() -> None:
    """A Spanish or Portuguese power networker, a German producer, a member who only speaks
    in others' threads, and members with noise (holidays, bursts, quiet spells)."""
    def last(p: object) -> str:
        return p.phases[-1][1]  # type: ignore[attr-defined]

    people = PERSONAS.values()
    assert any(p.lang in ("es", "pt") and last(p) == "power_networker" for p in people)
    assert any(p.lang == "de" and last(p) == "producer" for p in people)
    commenter = PERSONAS["commenter"]
    relay = commenter.behaviour_at(commenter.phases[-1][0])
    assert relay.comments >= 40 and relay.original_posts == relay.curated_shares == 0
    noisy = [p.noise for p in people if p.noise is not None]
    assert any(n.holidays for n in noisy) and any(n.bursts for n in noisy)
    assert any(n.quiet_spells for n in noisy) and any(n.announcements for n in noisy)


@pytest.mark.parametrize("name", sorted(set(PERSONAS) - set(COMMITTED_PERSONAS)))
def test_members_written_on_demand_have_a_truth_file(name: str) -> None:
    archive = synth_archive(name)
    truth = json.loads(archive.truth_json())["months"]
    persona = archive.persona
    assert list(truth) == months_between(persona.registered[:7], archive.month)
    assert all(truth[start] == stage for start, stage in persona.phases)
    export = synth_export(name)  # its files written to a folder and read back
    assert export.shares.height == len(archive.expected["shares"])
    assert export.comments.height == len(archive.expected["comments"])


@pytest.mark.parametrize("name", sorted(COMMITTED_SAMPLES))
def test_committed_sample_is_what_the_generator_writes(name: str, archives: dict) -> None:
    archive = archives[name]
    folder = SAMPLES / name
    on_disk = {p.relative_to(folder).as_posix(): p.read_bytes()
               for p in folder.rglob("*") if p.is_file()}
    regenerate = "run: linkedin-stages sample all sample_exports"
    assert sorted(on_disk) == sorted(archive.files), regenerate
    for file_name, data in archive.files.items():
        assert on_disk[file_name] == data, f"{name}/{file_name} differs from the generator's"
    assert (SAMPLES / f"{name}.truth.json").read_text(encoding="utf-8") == archive.truth_json()
    assert sum(len(d) for d in archive.files.values()) < 3_000_000


def test_generator_is_deterministic_and_seed_matters() -> None:
    first = build_archive("curator", seed=3)
    second = build_archive("curator", seed=3)
    other = build_archive("curator", seed=4)
    assert first.files == second.files
    assert first.zip_bytes() == second.zip_bytes()
    assert first.files["Shares.csv"] != other.files["Shares.csv"]
    assert first.truth == other.truth  # the story is the persona's, not the seed's


@pytest.mark.parametrize("name", sorted(COMMITTED_SAMPLES))
def test_truth_covers_every_month_from_registration_to_export(name: str, archives: dict) -> None:
    archive = archives[name]
    truth = json.loads((SAMPLES / f"{name}.truth.json").read_text(encoding="utf-8"))["months"]
    persona = archive.persona
    assert list(truth) == months_between(persona.registered[:7], archive.month)
    assert set(truth.values()) <= set(STAGES)
    for start, stage in persona.phases:
        if start <= archive.month:
            assert truth[start] == stage


def _texts(records: list[dict], key: str) -> list[str | None]:
    return [(str(r[key]) if r.get(key) else None) for r in records]


@pytest.mark.parametrize("name", sorted(COMMITTED_SAMPLES))
def test_reading_a_sample_gives_back_the_records_written(
        name: str, archives: dict, loaded: dict) -> None:
    archive, export = archives[name], loaded[name]
    written = archive.expected
    for dataset in ("connections", "messages", "invitations", "articles"):
        assert export.tables[dataset].height == len(written[dataset]), dataset
    connections = export.connections
    assert connections["ghost"].sum() == sum(1 for r in written["connections"]
                                             if "first_name" not in r)
    has_url_column = "no URL column" not in export.reports["connections"].variant
    assert connections["url"].drop_nulls().to_list() == [
        r["url"] for r in written["connections"] if r.get("url") and has_url_column]
    messages = export.messages
    assert messages["sent_at"].to_list() == [m["date"].replace(second=m["date"].second)
                                             for m in written["messages"]]
    assert messages["direction"].to_list() == [
        "sent" if m["sent"] else "received" for m in written["messages"]]
    assert messages["content"].to_list() == _texts(written["messages"], "content")
    assert messages["sponsored"].sum() == sum(
        1 for m in written["messages"] if m["title"] == "Sponsored Conversation")
    if archive.persona.archive == "basic":
        assert {"shares", "comments", "reactions"} <= set(export.missing)
        assert export.archive == "basic"
        return
    assert export.archive == "complete"
    shares = export.shares
    assert shares.height == len(written["shares"])
    assert shares["timestamp"].to_list() == [s["date"] for s in written["shares"]]
    assert shares["commentary"].to_list() == _texts(written["shares"], "commentary")
    assert shares["shared_url"].to_list() == _texts(written["shares"], "shared_url")
    assert shares["own_media"].sum() == sum(1 for s in written["shares"] if s["media_url"])
    comments = export.comments
    assert comments.height == len(written["comments"])
    assert comments["message"].to_list() == _texts(written["comments"], "message")
    assert comments["timestamp"].to_list() == [c["date"] for c in written["comments"]]
    # replies in one's own threads point at one's own posts
    own_posts = set(shares.filter(pl.col("urn_type") == "ugcPost")["post_urn"].to_list())
    replies = [c for c in written["comments"] if c["reply"]]
    assert comments.filter(pl.col("post_urn").is_in(list(own_posts))).height >= len(replies)
    assert export.reactions.height == len(written["reactions"])
    assert export.votes.height == len(written["votes"])
    if "reposts" in written:
        assert export.reposts.height == len(written["reposts"])
    for report in export.reports.values():
        assert report.readable, report.warnings
        assert not report.dropped, (report.name, report.dropped)


@pytest.mark.parametrize("until,layout", [
    ("2018-11", "2018 layout (UTF-16, TAB, Share Title/Description)"),
    ("2021-06", "SharedURL/MediaURL (2021 – Mar 2024)"),
    ("2024-08", "SharedUrl/MediaUrl (Jun 2024 on)"),
])
def test_older_exports_are_written_in_their_eras_layout(tmp_path: Path, until: str,
                                                        layout: str) -> None:
    archive = synth_archive("climber", until=until)
    archive.write_folder(tmp_path)
    export = load_export(tmp_path)
    assert export.reports["shares"].variant == layout
    assert export.shares.height == len(archive.expected["shares"])
    assert export.shares["commentary"].to_list() == _texts(archive.expected["shares"],
                                                           "commentary")
    assert export.connections.height == len(archive.expected["connections"])
    assert export.messages["direction"].null_count() == 0
    last = max(export.shares["timestamp"].max(), export.messages["sent_at"].max())
    assert last < datetime(int(until[:4]), int(until[5:]), 28, 12)


def test_two_exports_of_one_member_share_their_history() -> None:
    old = synth_archive("climber", until="2021-06")
    new = synth_archive("climber")
    old_shares = {(s["date"], s["commentary"]) for s in old.expected["shares"]}
    new_shares = {(s["date"], s["commentary"]) for s in new.expected["shares"]}
    assert old_shares <= new_shares
    assert len(new_shares) > len(old_shares)


@pytest.mark.parametrize("name", ["climber", "basic"])
def test_zip_and_folder_forms_read_the_same(tmp_path: Path, name: str, archives: dict,
                                            loaded: dict) -> None:
    path = tmp_path / archives[name].zip_name
    path.write_bytes(archives[name].zip_bytes())
    assert zipfile.is_zipfile(path)
    zipped = load_export(path)
    for dataset, frame in loaded[name].tables.items():
        assert frame.equals(zipped.tables[dataset]), dataset


def test_scale_multiplies_volumes() -> None:
    small = build_archive("curator", until="2020-06")
    large = build_archive("curator", until="2020-06", scale=4)
    ratio = len(large.expected["reactions"]) / len(small.expected["reactions"])
    assert 3 < ratio < 5


def test_cli_writes_folder_zip_and_truth(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["sample", "lurker", str(tmp_path / "l"), "--until", "2020-03"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "l" / "Connections.csv").exists()
    assert json.loads((tmp_path / "l.truth.json").read_text())["export"] == "2020-03"
    result = runner.invoke(cli, ["sample", "lurker", str(tmp_path / "z"), "--zip"])
    assert result.exit_code == 0, result.output
    assert zipfile.is_zipfile(tmp_path / "z.zip")
    assert (tmp_path / "z.truth.json").exists()
    assert not list(tmp_path.glob(".*partial*"))


@pytest.mark.parametrize("args,message", [
    (["sample", "nobody", "X"], "unknown persona 'nobody'"),
    (["sample", "climber", "X", "--until", "2016-01"], "registered in 2017-02"),
    (["sample", "climber", "X", "--until", "2031-01"], "story ends in 2026-10"),
    (["sample", "climber", "X", "--until", "June"], "a month like 2024-06"),
    (["sample", "climber", "X", "--scale", "0"], "--scale"),
])
def test_cli_sample_errors(tmp_path: Path, args: list[str], message: str) -> None:
    args = [a if a != "X" else str(tmp_path / "out") for a in args]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and message in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_cli_sample_needs_persona_and_outdir() -> None:
    result = CliRunner().invoke(cli, ["sample"])
    assert result.exit_code == 2
    listing = CliRunner().invoke(cli, ["sample", "--list"])
    assert listing.exit_code == 0 and all(p in listing.output for p in PERSONAS)


def test_build_archive_rejects_unknown_persona() -> None:
    with pytest.raises(SampleError):
        build_archive("nobody")
