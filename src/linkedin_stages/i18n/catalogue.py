"""One catalogue of words per language: `catalogues/<lang>.toml`.

Every word the tool shows that is not the member's own lives in one TOML file per language,
in tables (`[report]`, `[compare]`, `[stages.name]`, `[reasons]`, `[notices]`…). A value is
either a string with `{name}` placeholders (filled with `str.format`) or a plural table keyed
by CLDR plural category (`{ one = "…", other = "…" }`), chosen by Babel's plural rules for
the language. English is the reference: every other catalogue has exactly its keys, with the
same placeholders (`check`, run by tests/test_catalogues.py). The languages are the files
found, so adding `de.toml` adds German.

The catalogues are read from `CATALOGUES`, the package's `catalogues/` folder; a translator
may point the environment variable `LINKEDIN_STAGES_CATALOGUES` at a folder of their own (a
copy of that folder plus the new `<lang>.toml`), and tests may set `CATALOGUES` and call
`reload()` (languages and catalogues are read once, then cached).

    words = catalogue("fr")
    words.text("report.where_sentence", stage=…, since=…)
    words.plural("report.words_counted", 12)        # "12 mots"
    words["report"]["title"]                        # mapping access, for templates
"""

from __future__ import annotations

import os
import string
import tomllib
from collections.abc import Iterator, Mapping
from functools import cache, cached_property
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from babel import Locale

REFERENCE = "en"
CATALOGUES_VARIABLE = "LINKEDIN_STAGES_CATALOGUES"
# Where the catalogues are: the environment's folder if given, else the package's own.
CATALOGUES: Traversable = (Path(os.environ[CATALOGUES_VARIABLE])
                           if os.environ.get(CATALOGUES_VARIABLE)
                           else resources.files(__package__).joinpath("catalogues"))
FORMATS_TABLE = "formats"  # CLDR locale and LDML patterns: checked as keys, not as prose
# plural entries chosen by CLDR's ordinal rules (1st, 2nd…), not the cardinal ones
ORDINAL_ENTRIES = frozenset({"formats.day_number"})


@cache
def languages() -> tuple[str, ...]:
    """The languages with a catalogue, English first, then alphabetical."""
    names = {entry.name.removesuffix(".toml") for entry in CATALOGUES.iterdir()
             if entry.name.endswith(".toml")}
    return tuple(sorted(names, key=lambda lang: (lang != REFERENCE, lang)))


def default_language(environ: Mapping[str, str] | None = None) -> str:
    """The user's language when we have its catalogue, else English: the first set of
    LC_ALL, LC_MESSAGES, LANG (POSIX's order), "es_ES.UTF-8" → "es"; "C"/"POSIX" → English."""
    env = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(variable, "")
        if value:
            lang = value.split(".", 1)[0].split("@", 1)[0].replace("-", "_").split("_", 1)[0]
            lang = lang.lower()
            return lang if lang in languages() else REFERENCE
    return REFERENCE


def check_language(lang: str) -> str:
    """`lang` itself if it has a catalogue, else a ValueError naming those that do."""
    if lang not in languages():
        raise ValueError(f"language must be one of {', '.join(languages())}, not {lang!r}")
    return lang


@cache
def _load(lang: str) -> dict[str, Any]:
    return tomllib.loads(CATALOGUES.joinpath(f"{lang}.toml").read_text(encoding="utf-8"))


def reload() -> None:
    """Forget the languages and catalogues read so far (after `CATALOGUES` changed)."""
    for cached in (languages, _load, catalogue):
        cached.cache_clear()


def is_plural(value: object) -> bool:
    """A plural entry: a table of strings keyed by CLDR category, with `other` at least."""
    return (isinstance(value, dict) and "other" in value
            and all(isinstance(v, str) for v in value.values()))


def flatten(table: Mapping[str, Any], prefix: str = "") -> dict[str, str | dict[str, str]]:
    """Every entry of a (nested) table under its dotted key: `report.title`, and plural
    tables as one entry."""
    entries: dict[str, str | dict[str, str]] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and not is_plural(value):
            entries.update(flatten(value, f"{name}."))
        else:
            entries[name] = value
    return entries


class Catalogue(Mapping[str, Any]):
    """The words of one language. `catalogue["report"]` is the `[report]` table (a dict, for
    templates: `t.title`); `text` and `plural` fill placeholders."""

    def __init__(self, lang: str, tables: dict[str, Any]) -> None:
        self.lang = lang
        self._tables = tables
        self._entries = flatten(tables)

    def __getitem__(self, table: str) -> Any:
        return self._tables[table]

    def __iter__(self) -> Iterator[str]:
        return iter(self._tables)

    def __len__(self) -> int:
        return len(self._tables)

    @property
    def locale(self) -> str:
        """The CLDR locale Babel formats this language's numbers, dates and plurals with."""
        return str(self._tables[FORMATS_TABLE]["locale"])

    @cached_property
    def babel_locale(self) -> Locale:
        """`locale` parsed by Babel, once per catalogue (plurals are chosen in hot loops)."""
        from babel import Locale

        return Locale.parse(self.locale)

    def entry(self, key: str) -> str | dict[str, str]:
        try:
            return self._entries[key]
        except KeyError:
            raise KeyError(f"no {key!r} in the {self.lang} catalogue") from None

    def table(self, name: str) -> dict[str, str]:
        """The plain strings of a table, by key (`strings` of the report, say)."""
        return {key: value for key, value in self._tables[name].items()
                if isinstance(value, str)}

    def text(self, key: str, /, **values: object) -> str:
        """The entry `key` ("report.title"), placeholders filled."""
        template = self.entry(key)
        if not isinstance(template, str):
            raise TypeError(f"{key!r} is a plural entry: use plural()")
        return template.format(**values) if values else template

    def category(self, count: float) -> str:
        """The CLDR plural category of `count` in this language ("one", "few", "other"…)."""
        return str(self.babel_locale.plural_form(abs(count)))

    def plural(self, key: str, count: float, /, **values: object) -> str:
        """The form of plural entry `key` for `count`; `{count}` is the number formatted for
        the language unless given."""
        forms = self.entry(key)
        if not isinstance(forms, dict):
            raise TypeError(f"{key!r} is not a plural entry: use text()")
        template = forms.get(self.category(count), forms["other"])
        if "count" not in values:  # as formatting.integer does (it builds on this module)
            from babel.numbers import format_decimal

            values["count"] = format_decimal(round(count), locale=self.babel_locale)
        return template.format(**values)


@cache
def catalogue(lang: str) -> Catalogue:
    """The catalogue of `lang` (loaded once); ValueError for a language without one."""
    return Catalogue(check_language(lang), _load(lang))


def placeholders(template: str) -> frozenset[str]:
    """The field names of a `str.format` template ("{count} of {total:,}" → count, total)."""
    return frozenset(name.split(".")[0].split("[")[0]
                     for _, name, _, _ in string.Formatter().parse(template) if name)


def plural_categories(lang: str, *, ordinal: bool = False) -> frozenset[str]:
    """The CLDR plural categories of the language ("one", "many", "other" in French; with
    `ordinal`, those of 1st, 2nd…: "one", "other")."""
    locale = catalogue(lang).babel_locale
    rule = locale.ordinal_form if ordinal else locale.plural_form
    return frozenset(rule.tags) | {"other"}


def check(lang: str) -> list[str]:
    """What is wrong with `lang`'s catalogue against the English one, one problem a line
    (empty: nothing): missing or extra keys, other placeholders, a string where English has
    a plural table or back, a plural table without each of the language's categories."""
    reference, other = catalogue(REFERENCE)._entries, catalogue(lang)._entries
    problems = [f"{lang}: missing {key}" for key in reference if key not in other]
    problems += [f"{lang}: extra {key}" for key in other if key not in reference]
    for key, english in reference.items():
        if key not in other:
            continue
        value = other[key]
        if isinstance(english, str) != isinstance(value, str):
            kind = "a string" if isinstance(english, str) else "a plural table"
            problems.append(f"{lang}: {key} must be {kind}")
            continue
        if isinstance(english, str):
            assert isinstance(value, str)
            if key.startswith(f"{FORMATS_TABLE}."):
                continue  # patterns, not prose: each language writes its own
            if placeholders(value) != placeholders(english):
                problems.append(f"{lang}: {key} has {sorted(placeholders(value))}, English "
                                f"has {sorted(placeholders(english))}")
            continue
        assert isinstance(value, dict)
        categories = plural_categories(lang, ordinal=key in ORDINAL_ENTRIES)
        wanted = placeholders(english["other"])
        if missing := categories - set(value):
            problems.append(f"{lang}: {key} lacks the plural forms {sorted(missing)}")
        if extra := set(value) - categories:
            problems.append(f"{lang}: {key} has forms {sorted(extra)} the language has not")
        for form, template in value.items():
            if not placeholders(template) <= wanted or (
                    form == "other" and placeholders(template) != wanted):
                problems.append(f"{lang}: {key}.{form} has {sorted(placeholders(template))}, "
                                f"English has {sorted(wanted)}")
    return problems
