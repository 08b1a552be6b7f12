"""The cohort page built from invented members (report/cohort_view.py): every member named
(escaped), the group's counts, the article's reference shown as one, the Kaplan–Meier
estimate against a textbook example, censored members kept, nothing loaded from the network,
five languages, an empty group, redaction."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from linkedin_stages.analysis.cohort import (
    KEY_METRICS,
    CohortMember,
    MemberMonth,
    Snapshot,
    Unreadable,
    build_cohort,
)
from linkedin_stages.analysis.cohort_stats import cohort_stats, kaplan_meier, transitions
from linkedin_stages.analysis.model import PlanStep, Transition
from linkedin_stages.i18n.notices import Notice
from linkedin_stages.months import months_between
from linkedin_stages.redact import redact_cohort
from linkedin_stages.report.cohort_view import build_cohort_report, build_cohort_view

LANGS = ("en", "fr", "es", "pt", "de")


def member(name: str, story: list[tuple[str, str | None]], last: str = "2026-10",
           key: str | None = None) -> CohortMember:
    """A member whose stage is `story`'s (first month, stage) runs up to `last`."""
    months, stage = [], None
    first = story[0][0]
    for month in months_between(first, last):
        for start, value in story:
            if month >= start:
                stage = value
        busy = 0 if stage == "present" else 4
        metrics = {k: busy for k in KEY_METRICS}
        months.append(MemberMonth(month, stage, metrics))  # type: ignore[arg-type]
    moves = tuple(Transition(b.month, a.stage, b.stage)
                  for a, b in zip(months, months[1:], strict=False) if a.stage != b.stage)
    since = next(m.month for m in reversed(months)
                 if all(x.stage == months[-1].stage for x in months[months.index(m):]))
    return CohortMember(
        key=key or name, name=name, label=f"{name}.zip", registered=first, months=tuple(months),
        transitions=moves, current_stage=months[-1].stage, current_since=since,
        plan_target="producer", next_step=PlanStep("original_posts", 0.3, 2.0),
        snapshots=(Snapshot(f"{name}.zip", None, last, months[-1].stage),))


@pytest.fixture(scope="module")
def group():
    members = [
        member("Ada <script>alert(1)</script>", [("2019-01", "present"), ("2020-06", "relay"),
                                                 ("2022-01", "producer")]),
        member("Bea Example", [("2018-03", "present")]),
        member("Cy Placeholder", [("2020-01", "present"), ("2021-01", "relay")]),
        member("Dee Invented", [("2017-05", "present"), ("2018-05", "producer"),
                                ("2021-02", "power_networker")]),
        member("Eli Basic", [("2016-01", None)]),
    ]
    return build_cohort(members, [Unreadable("broken.zip", Notice("cohort_not_an_export"))])


def test_kaplan_meier_matches_a_textbook_example() -> None:
    """Six subjects: events at 3, 6, 6 and 10; censored at 5 and 8 (hand computed)."""
    points = kaplan_meier([(3, True), (5, False), (6, True), (6, True), (8, False), (10, True)])
    curve = {p.month: round(p.remaining, 4) for p in points}
    # 1·(5/6) = 0.8333; ×(1 − 2/4) = 0.4167; censored at 8; ×(1 − 1/1) = 0
    assert curve == {3: 0.8333, 5: 0.8333, 6: 0.4167, 8: 0.4167, 10: 0.0}
    assert [p.at_risk for p in points] == [6, 5, 4, 2, 1]


def test_censored_members_are_kept(group) -> None:
    stats = cohort_stats(group)
    first = stats.survival[0]
    assert first.start == "registration"
    assert first.members == 4  # every member of known stage, the one still present too
    assert first.reached == 3 and first.censored == 1
    moves = transitions(group)
    assert moves.members_up == 3 and moves.members_steady == 1 and moves.members_down == 0
    assert moves.counts["present"]["relay"] == 2


def test_the_page_names_every_member_escaped(group) -> None:
    html = build_cohort_report(group, cohort_stats(group), lang="en")
    assert "<script>alert(1)</script>" not in html
    assert "Ada &lt;script&gt;alert(1)&lt;/script&gt;" in html
    for name in ("Bea Example", "Cy Placeholder", "Dee Invented", "Eli Basic"):
        assert name in html
    assert "broken.zip" in html and "not a LinkedIn export" in html
    assert "90 / 9 / 1" in html and "reference" in html
    assert "Observed together, not a cause" in html


def test_the_page_loads_nothing(group) -> None:
    html = build_cohort_report(group, cohort_stats(group), lang="en")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "default-src 'none'" in html


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids += [value for key, value in attrs if key == "id" and value]


@pytest.mark.parametrize("lang", LANGS)
def test_every_language_renders_with_unique_ids(group, lang: str) -> None:
    html = build_cohort_report(group, cohort_stats(group), lang=lang)
    parser = _Ids()
    parser.feed(html)
    assert len(parser.ids) == len(set(parser.ids))
    assert f'<html lang="{lang}">' in html


def test_counts_in_the_view(group) -> None:
    view = build_cohort_view(group, cohort_stats(group), lang="en")
    assert [s.value for s in view.headline][:3] == ["5", "5", "1"]
    assert "Present 1, Relay 1, Producer 1, and Power networker 1" in view.now_sentence
    assert "1 more have no known stage" in view.unknown
    assert len(view.members) == 5 and view.members[0].badge.stage == "power_networker"
    assert view.members[-1].badge.stage == "unknown"
    ribbon = view.members[0].segments
    assert [s.stage for s in ribbon] == ["present", "producer", "power_networker"]


def test_an_empty_group_still_says_why() -> None:
    empty = build_cohort([], [Unreadable("a.zip", Notice("cohort_not_an_export"))])
    html = build_cohort_report(empty, cohort_stats(empty), lang="fr")
    assert "a.zip" in html
    assert "Aucun stade" in html


def test_redacted_page_names_nobody(group) -> None:
    hidden = redact_cohort(group, lang="en")
    html = build_cohort_report(hidden, cohort_stats(hidden), lang="en")
    for name in ("Ada", "Bea Example", "Cy Placeholder", "Dee Invented", "Eli Basic"):
        assert name not in html
    assert "Person 1" in html and "pseudonyms" in html


SAMPLES = ("climber", "climber-2021-06", "lurker", "curator", "consultante", "basic")


@pytest.fixture(scope="module")
def samples():
    from pathlib import Path

    from linkedin_stages import load_export
    from linkedin_stages.analysis.cohort import member_from_export

    root = Path(__file__).resolve().parents[1] / "sample_exports"
    return build_cohort([member_from_export(load_export(root / name), label=name)
                         for name in SAMPLES])


def test_the_sample_exports_as_a_group(samples) -> None:
    """Two exports of the climber are one member (two snapshots); the basic archive has no
    stage and is shown apart; every member is named on the page."""
    stats = cohort_stats(samples)
    view = build_cohort_view(samples, stats, lang="en")
    assert [s.value for s in view.headline][:3] == ["5", "6", "0"]
    assert sum(1 for m in view.members if m.snapshots == "2") == 1
    assert [m.badge.stage for m in view.members][-1] == "unknown"
    assert "1 more have no known stage" in view.unknown
    html = build_cohort_report(samples, stats, lang="en")
    for m in samples.members:
        assert (m.name or m.label) in html
    assert "(2 exports)" in html
    assert html.count('<svg class="ribbon"') == 5
    assert "broken" not in html and 'id="unreadable"' not in html


def test_curves_and_matrix_say_their_numbers(group) -> None:
    view = build_cohort_view(group, cohort_stats(group), lang="en")
    first = view.curves[0]
    assert "4 members followed, 3 got there, 1 not yet" in first.sentence
    assert len(first.ticks) == 1  # the member still present: censored, a tick on the curve
    assert view.transitions is not None
    present = view.transitions.rows[0]
    assert present[0] == "Present" and present[2].startswith("2 (")  # present → relay
    assert "3 members rose at least once, 0 fell back" in view.moves


def test_no_rise_is_said_plainly() -> None:
    steady = build_cohort([member("Fay Steady", [("2020-01", "present")]),
                           member("Gus Steady", [("2021-01", "relay")])])
    html = build_cohort_report(steady, cohort_stats(steady), lang="en")
    assert "No member moved up a stage" in html
    assert "Observed together, not a cause" not in html  # no precursors table
