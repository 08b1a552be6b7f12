"""Numbers, months, dates and durations in the report's language: `i18n.formatting` (Babel).

Kept for the view modules until they import `linkedin_stages.i18n.formatting` directly: the
same functions and tables as before, each now a thin layer over the catalogue and CLDR.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from ..i18n import formatting
from ..i18n.catalogue import check_language, languages
from ..i18n.formatting import (
    counted,
    day,
    decimal,
    duration,
    hour,
    integer,
    month,
    month_span,
    percent,
    plural,
)

__all__ = ["LANGS", "MONTHS", "MONTHS_SHORT", "NNBSP", "WEEKDAYS", "WEEKDAYS_SHORT",
           "check_lang", "counted", "day", "decimal", "duration", "hour", "integer", "month",
           "month_span", "percent", "plural"]

NNBSP = formatting.NNBSP


class _ByLanguage(Mapping[str, tuple[str, ...]]):
    """`MONTHS["fr"]`: CLDR's names for each language with a catalogue, looked up when
    asked."""

    def __init__(self, names: Callable[[str], tuple[str, ...]]) -> None:
        self._names = names

    def __getitem__(self, lang: str) -> tuple[str, ...]:
        return self._names(check_language(lang))

    def __iter__(self) -> Iterator[str]:
        return iter(languages())

    def __len__(self) -> int:
        return len(languages())


LANGS = languages()
MONTHS = _ByLanguage(lambda lang: formatting.month_names(lang))
MONTHS_SHORT = _ByLanguage(lambda lang: formatting.month_names(lang, short=True))
WEEKDAYS = _ByLanguage(lambda lang: formatting.weekday_names(lang))
WEEKDAYS_SHORT = _ByLanguage(lambda lang: formatting.weekday_names(lang, short=True))


def check_lang(lang: str) -> str:
    """`lang` if it has a catalogue, else ValueError."""
    return check_language(lang)
