"""`--analytics` takes per-post workbooks (PostAnalytics_*.xlsx) beside the content workbook:
they are told by their sheets, read apart, joined to their post by id, and said in a note."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from linkedin_stages.cli import cli
from linkedin_stages.synth.post_analytics_workbook import example_figures, post_workbook_bytes
from report_support import SAMPLES, loaded


def test_per_post_workbooks_are_joined_and_said(tmp_path: Path) -> None:
    _, timeline = loaded("climber")
    own = timeline.posts.filter(timeline.posts["urn_id"].is_not_null())
    post_id = own["urn_id"][0]
    mine = tmp_path / "PostAnalytics_Member_1.xlsx"
    mine.write_bytes(post_workbook_bytes(example_figures(str(post_id))))
    other = tmp_path / "PostAnalytics_Member_2.xlsx"
    other.write_bytes(post_workbook_bytes(example_figures("7399999999999999999")))
    out = tmp_path / "r.html"
    result = CliRunner().invoke(cli, ["analyze", str(SAMPLES / "climber"), "-o", str(out),
                                      "--lang", "en", "--analytics", str(mine),
                                      "--analytics", str(other)])
    assert result.exit_code == 0, result.output
    assert ("2 per-post analytics workbook(s): 1 matched a post of this archive by its id, "
            "1 did not") in result.stderr
    assert out.exists()
    timeline_run = CliRunner().invoke(cli, ["timeline", str(SAMPLES / "climber"),
                                            "--analytics", str(other)])
    assert timeline_run.exit_code == 0, timeline_run.output
    assert "0 matched" in timeline_run.stderr and timeline_run.stdout.lstrip().startswith("{")
