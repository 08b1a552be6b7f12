"""Analysis results described in words, in each catalogue's language: stage names and
summaries, metric labels, and the sentence for each reason.

Reasons are stored as a code and numbers (`model.Reason`); this module turns them into the
sentences a member reads, from the `[stages.*]`, `[metrics]`, `[reasons]` and `[plan]`
tables of the catalogues (`linkedin_stages/i18n/catalogues/<lang>.toml`), numbers written
as the language writes them (`i18n.formatting.format_message`), months as it writes months
(`i18n.formatting.month_span`: "over Sep 2018 – Jun 2020", never "2018-09–2020-06"). The
views, the timeline's JSON/CSV and the tests word reasons through it.

A stage has two names: `stage_name`, on its own (a label, a legend, a heading: "Producer",
"Le producteur"), and `stage_in_sentence`, inside a sentence ("at the producer stage",
"au stade du producteur"), from `[stages.in_sentence]`; a reason's `{stage_name}` is the
latter, as every reason is a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from ..i18n.catalogue import catalogue, check_language, languages
from ..i18n.formatting import format_message, month, month_span
from .model import Reason

PLAN_PREFIX = "plan_"  # reason codes of the plan, worded from the [plan] table
ISO_MONTH = re.compile(r"\d{4}-\d{2}")  # a month as the analysis stores it


def _stage_key(stage: str | None) -> str:
    return stage or "unknown"


def stage_name(stage: str | None, lang: str = "en") -> str:
    return catalogue(lang).text(f"stages.name.{_stage_key(stage)}")


def stage_in_sentence(stage: str | None, lang: str = "en") -> str:
    """The stage named inside a sentence, with the language's word for stage ("producer
    stage", "stade du producteur"): each catalogue's templates put their own preposition
    or article before it ("at the …", "au …", "en la …")."""
    return catalogue(lang).text(f"stages.in_sentence.{_stage_key(stage)}")


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
    """The sentence for one reason, numbers and months worded for the language: a reason's
    window (`from`, `to`) is its `{span}`, every other ISO month a month in words."""
    template = catalogue(lang).text(reason_key(reason.code))
    values: dict[str, object] = {
        key: month(value, lang, short=True)
        if isinstance(value, str) and ISO_MONTH.fullmatch(value) else value
        for key, value in reason.values.items()}
    for key in ("stage", "raw", "from_stage", "to_stage"):
        if key in values:
            values[f"{key}_name"] = stage_in_sentence(values[key] or None, lang)  # type: ignore[arg-type]
    first, last = reason.values.get("from"), reason.values.get("to")
    if isinstance(first, str) and isinstance(last, str):
        values["span"] = (month_span(first, last, lang)
                          if ISO_MONTH.fullmatch(first) and ISO_MONTH.fullmatch(last)
                          else first if first == last else f"{first}–{last}")
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
