"""Analysis results described in words, in each catalogue's language: stage names and
summaries, metric labels, and the sentence for each reason.

Reasons are stored as a code and numbers (`model.Reason`); this module turns them into the
sentences a member reads, from the `[stages.*]`, `[metrics]`, `[reasons]` and `[plan]`
tables of the catalogues (`linkedin_stages/i18n/catalogues/<lang>.toml`), numbers written
as the language writes them (`i18n.formatting.format_message`). The views, the timeline's
JSON/CSV and the tests word reasons through it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from ..i18n.catalogue import catalogue, check_language, languages
from ..i18n.formatting import format_message
from .model import Reason

PLAN_PREFIX = "plan_"  # reason codes of the plan, worded from the [plan] table


def _stage_key(stage: str | None) -> str:
    return stage or "unknown"


def stage_name(stage: str | None, lang: str = "en") -> str:
    return catalogue(lang).text(f"stages.name.{_stage_key(stage)}")


def stage_summary(stage: str | None, lang: str = "en") -> str:
    return catalogue(lang).text(f"stages.summary.{_stage_key(stage)}")


def metric_label(metric: str, lang: str = "en") -> str:
    return catalogue(lang)["metrics"].get(metric, metric.replace("_", " "))


def reason_key(code: str) -> str:
    """The catalogue entry of a reason code ("plan_short" → "plan.short")."""
    if code.startswith(PLAN_PREFIX):
        return f"plan.{code.removeprefix(PLAN_PREFIX)}"
    return f"reasons.{code}"


def reason_text(reason: Reason, lang: str = "en") -> str:
    """The sentence for one reason, numbers formatted for the language."""
    template = catalogue(lang).text(reason_key(reason.code))
    values: dict[str, object] = dict(reason.values)
    for key in ("stage", "raw", "from_stage", "to_stage"):
        if key in values:
            values[f"{key}_name"] = stage_name(values[key] or None, lang)  # type: ignore[arg-type]
    return format_message(template, lang, **values)


class _ByLanguage(Mapping[str, dict[Any, str]]):
    def __init__(self, table: Callable[[str], dict[Any, str]]) -> None:
        self._table = table

    def __getitem__(self, lang: str) -> dict[Any, str]:
        return self._table(check_language(lang))

    def __iter__(self) -> Iterator[str]:
        return iter(languages())

    def __len__(self) -> int:
        return len(languages())


def _reasons(lang: str) -> dict[Any, str]:
    words = catalogue(lang)
    return {**words["reasons"],
            **{f"{PLAN_PREFIX}{code}": text for code, text in words["plan"].items()}}


_REASONS = _ByLanguage(_reasons)  # every reason's template by code; tests/test_timeline.py reads it
