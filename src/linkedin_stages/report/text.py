"""The report's words: the `[report]`, `[limits]` and `[datasets]` tables of the catalogues
(`linkedin_stages/i18n/catalogues/<lang>.toml`).

Kept for the view modules until they import `linkedin_stages.i18n` directly: `strings`,
`limits` and `dataset_name` as before, and `TEXT` / `LIMITS_FR` / `DATASET_NAMES` as read-only
views of the catalogues. `{name}` fields are filled with `str.format` by the view model, after
the numbers were formatted for the language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from ..i18n.catalogue import catalogue, check_language, languages
from .locale import NNBSP

__all__ = ["DATASET_NAMES", "LIMITS_FR", "NNBSP", "TEXT", "dataset_name", "limits", "strings"]

# The plural entries of `[report]`, and the single/plural words the view model still asks for
# by these older keys (with `locale.plural` / `locale.counted`).
_LEGACY_PLURALS = {"words_counted": ("word_count_one", "words_count"),
                   "weeks_counted": ("week", "weeks")}


def strings(lang: str) -> dict[str, str]:
    """The report's strings of `lang` (the `[report]` table), by key."""
    words = catalogue(lang)
    table = words.table("report")
    for key, (one, other) in _LEGACY_PLURALS.items():
        forms = words["report"][key]
        if key == "weeks_counted":  # counted() writes the number itself
            table[one] = forms["one"].replace("{count}", "").strip()
            table[other] = forms["other"].replace("{count}", "").strip()
        else:
            table[one], table[other] = forms["one"], forms["other"]
    return table


def limits(dataset: str, english: str, lang: str) -> str:
    """What the absence of `dataset` limits, in `lang` (`english`, the spec's `limits`, read
    from the English catalogue, when the catalogue of `lang` has none)."""
    return catalogue(lang)["limits"].get(dataset, english)


def dataset_name(dataset: str, lang: str) -> str:
    return catalogue(lang)["datasets"].get(dataset, dataset.replace("_", " "))


class _ByLanguage(Mapping[str, dict[str, str]]):
    def __init__(self, table: Callable[[str], dict[str, str]]) -> None:
        self._table = table

    def __getitem__(self, lang: str) -> dict[str, str]:
        return self._table(check_language(lang))

    def __iter__(self) -> Iterator[str]:
        return iter(languages())

    def __len__(self) -> int:
        return len(languages())


TEXT: Mapping[str, dict[str, str]] = _ByLanguage(strings)
DATASET_NAMES: Mapping[str, dict[str, str]] = _ByLanguage(
    lambda lang: dict(catalogue(lang)["datasets"]))
LIMITS_FR: dict[str, str] = dict(catalogue("fr")["limits"])
