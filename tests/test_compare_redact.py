"""`compare --redact`: the comparison, matched on the real archives, names nobody."""

from __future__ import annotations

import dataclasses
import html
import json
import re
from datetime import datetime
from functools import cache
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner

from linkedin_stages.analysis.compare import Comparison, compare_exports
from linkedin_stages.cli import cli
from linkedin_stages.i18n.catalogue import catalogue
from linkedin_stages.redact import redact_comparison
from linkedin_stages.report.compare_view import build_compare_view
from report_support import sample_export

SAMPLES = Path(__file__).resolve().parent.parent / "sample_exports"
PAIR = [str(SAMPLES / "climber-2021-06"), str(SAMPLES / "climber")]


@cache
def _names() -> frozenset[str]:
    names: set[str] = set()
    for sample in ("climber", "climber-2021-06"):
        export = sample_export(sample)
        names |= set(export.connections["full_name"].drop_nulls().to_list())
        names |= set(export.messages["from_name"].drop_nulls().to_list())
        names.add(export.member_name or "")
    return frozenset(n for n in names if len(n) >= 4)


def _leaks(text: str) -> list[str]:
    # A fast substring test first, then the same name as a whole word.
    found = [n for n in _names()
             if n in text and re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", text)]
    found += [p for p in ("linkedin.com/in/", "@example.", "feed/update", "urn:li:",
                          "sample_exports") if p in text]
    return found


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_redacted_html_names_nobody(tmp_path: Path, lang: str) -> None:
    out = tmp_path / "cmp.html"
    result = CliRunner().invoke(cli, ["compare", *PAIR, "-o", str(out), "--redact",
                                      "--lang", lang])
    assert result.exit_code == 0, result.output
    page = html.unescape(out.read_text(encoding="utf-8"))
    assert _leaks(page) == []
    assert ("Person " if lang == "en" else "Personne ") in page  # job moves as pseudonyms


@cache
def _plain_json() -> str:
    """`compare --format json` of the sample pair, unredacted: run once per session."""
    result = CliRunner().invoke(cli, ["compare", *PAIR, "--format", "json"])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_redacted_json_names_nobody_and_keeps_the_counts() -> None:
    runner = CliRunner()
    plain = json.loads(_plain_json())
    redacted_run = runner.invoke(cli, ["compare", *PAIR, "--format", "json", "--redact"])
    assert redacted_run.exit_code == 0
    assert _leaks(redacted_run.stdout) == []
    redacted = json.loads(redacted_run.stdout)
    for key in ("gained", "lost", "job_changes", "unmatched"):
        assert redacted["connections"][key] == plain["connections"][key]
    assert redacted["stage_change"] == plain["stage_change"]
    assert redacted["activity_between"] == plain["activity_between"]


def test_companies_redacted_on_request(tmp_path: Path) -> None:
    out = tmp_path / "cmp.html"
    company = json.loads(_plain_json())["connections"]["gained_top_companies"][0]["name"]
    result = CliRunner().invoke(cli, ["compare", *PAIR, "-o", str(out), "--redact-companies"])
    assert result.exit_code == 0
    page = html.unescape(out.read_text(encoding="utf-8"))
    assert company not in page and "Company " in page


@cache
def _plain_comparison() -> Comparison:
    """The sample pair compared, once per session (read-only: each test redacts a copy)."""
    return compare_exports(sample_export("climber-2021-06"), sample_export("climber"))


def _redacted_pair(lang: str = "en") -> tuple[Comparison, Comparison]:
    """The sample pair compared, and redacted in `lang`."""
    plain = _plain_comparison()
    # the sample pair deletes nothing: one deleted post, to see how the page shows it
    deleted = pl.DataFrame({"timestamp": [datetime(2020, 3, 2, 9)], "kind": ["post"],
                            "text": ["A post later deleted #thanks"],
                            "link": ["https://www.linkedin.com/feed/update/urn:li:activity:1/"]})
    plain = dataclasses.replace(plain, deleted_posts=deleted)
    return plain, redact_comparison(plain, lang=lang)


def test_one_mapping_over_both_archives() -> None:
    """A person in both archives has one pseudonym on both sides; the older archive's post
    ids stay (opaque, not null), one id for one post on both sides."""
    plain, redacted = _redacted_pair()
    pseudonyms: dict[str, set[str]] = {}
    for real, shown in ((plain.old, redacted.old), (plain.new, redacted.new)):
        for who, alias in zip(real.export.connections["full_name"].to_list(),
                              shown.export.connections["full_name"].to_list(), strict=True):
            if who is not None:
                pseudonyms.setdefault(who, set()).add(alias)
    in_both = (set(plain.old.export.connections["full_name"].drop_nulls())
               & set(plain.new.export.connections["full_name"].drop_nulls()))
    assert in_both and all(len(pseudonyms[who]) == 1 for who in in_both)
    assert len({next(iter(a)) for a in pseudonyms.values()}) == len(pseudonyms)  # one each
    for real, shown in ((plain.old, redacted.old), (plain.new, redacted.new)):
        urns = real.export.shares["post_urn"]
        assert shown.export.shares["post_urn"].null_count() == urns.null_count()
    ids: dict[str, str] = {}
    for real, shown in ((plain.old, redacted.old), (plain.new, redacted.new)):
        for urn, opaque in zip(real.export.shares["post_urn"], shown.export.shares["post_urn"],
                               strict=True):
            assert ids.setdefault(urn, opaque) == opaque


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_redacted_page_words_what_is_hidden_in_its_language(lang: str) -> None:
    _, redacted = _redacted_pair(lang)
    view = build_compare_view(redacted, lang=lang)
    words = catalogue(lang).table("compare")
    assert list(view.about.rows[0][1:]) == [words["hidden_archive_old"],  # the File row
                                            words["hidden_archive_new"]]
    assert view.deleted and all(post.text == words["text_removed"] and post.link is None
                                for post in view.deleted)
    shown = repr(view)
    assert "[redacted]" not in shown and "linkedin-export" not in shown
