"""The stage model against every scripted sample member (clean, of other languages, noisy):
each member's months right and its sequence of stages exact, and each scripted change dated
on its month (docs/stage-model.md, "Dating each change"). The figures are printed
(`pytest -s tests/test_stage_dating.py`) and named in every failure."""

from __future__ import annotations

import pytest

from linkedin_stages.months import month_count
from linkedin_stages.synth.personas import PERSONAS
from report_support import synth_archive, synth_loaded

# Every persona whose archive shows posting (a basic archive's stages are unknown).
JUDGED = sorted(p.id for p in PERSONAS.values() if p.archive == "complete")
MONTHS_RIGHT = 0.95  # of each member's months
CHANGES_EXACT = 0.80  # of all scripted changes, on their month; every one within a month


def _changes(stages: dict[str, str | None]) -> list[tuple[str, str | None, str | None]]:
    months = list(stages)
    return [(b, stages[a], stages[b]) for a, b in zip(months, months[1:], strict=False)
            if stages[a] != stages[b]]


@pytest.fixture(scope="module")
def judged() -> dict[str, tuple[dict, dict]]:
    """persona → (truth, the tool's stages), from the generator's archive (seed 0), written,
    read and analysed once per session (shared with the other tests of the personas)."""
    out = {}
    for name in JUDGED:
        _, timeline = synth_loaded(name)
        out[name] = (synth_archive(name).truth, {m.month: m.stage for m in timeline.months})
    return out


def _offsets(truth: dict, got: dict) -> list[int | None]:
    """For each scripted change, the tool's nearest change of the same two stages, in months
    from the script's (None: no such change)."""
    found = _changes(got)
    offsets = []
    for month, before, after in _changes(truth):
        gaps = [month_count(month, m) - 1 if m >= month else -(month_count(m, month) - 1)
                for m, b, a in found if (b, a) == (before, after)]
        offsets.append(min(gaps, key=abs) if gaps else None)
    return offsets


@pytest.mark.parametrize("name", JUDGED)
def test_each_member_month_by_month(name: str, judged: dict) -> None:
    truth, got = judged[name]
    assert list(got) == list(truth)
    right = sum(got[m] == truth[m] for m in truth) / len(truth)
    print(f"{name}: {right:.1%} of {len(truth)} months right")
    assert right >= MONTHS_RIGHT, f"{name}: {right:.1%} of months right"
    assert [(b, a) for _, b, a in _changes(got)] == [(b, a) for _, b, a in _changes(truth)], \
        f"{name}: {_changes(got)} against the script's {_changes(truth)}"


def test_changes_are_dated_on_their_month(judged: dict) -> None:
    offsets = {name: _offsets(*judged[name]) for name in JUDGED}
    every = [o for found in offsets.values() for o in found]
    exact = sum(o == 0 for o in every)
    within = sum(o is not None and abs(o) <= 1 for o in every)
    print(f"changes dated on their month: {exact}/{len(every)}, within one month: "
          f"{within}/{len(every)}; {offsets}")
    assert len(every) >= 17  # the clean, world and noisy members' scripted changes
    assert exact >= CHANGES_EXACT * len(every), offsets
    assert within == len(every), offsets


def test_the_report_since_is_the_first_month_of_the_stage(judged: dict) -> None:
    """'June 2020 · Producer · 0 own posts' no more: the current stage starts on a month that
    shows it (the climber's power networker: January 2023, the script's month)."""
    truth, got = judged["climber"]
    assert _changes(got)[-1] == _changes(truth)[-1] == ("2023-01", "producer", "power_networker")
