"""Warnings as codes with values, worded in each page's language.

A `Notice` is a `str` whose value is its English wording (the `[notices]` table of en.toml),
so everything that treats warnings as strings (logs, JSON, `"… in warning"` tests, `inspect`)
keeps working; it also carries `.code` and `.values`, so a page words it in its own language
with `word(notice, lang)`. A plain string that is not a Notice is returned as it is.

To turn a warning into a notice:

1. add an entry under `[notices]` in every catalogue (`catalogues/en.toml`, `fr.toml`…), the
   code as its key, `{name}` fields for its values;
2. raise it as `Notice("readers_unclosed_quote", file="Comments.csv", rows=3)` where the
   English f-string was;
3. values are worded by type: `int`/`float` as numbers of the language, `date`/`datetime`
   as days, `Terms(table, keys)` as a list of catalogue entries (dataset names, say), a
   `Notice` in the language too (a file's warning inside an export's), any other value with
   `str()` (member text, file names, paths: kept as they are). A field with a format spec
   (`{rows:,}`, `{count:d}`) is formatted as `str.format` does, then given the language's
   decimal and group symbols (`formatting.NumberFormatter`): English wording is exactly the
   f-string it replaces (`{count:d}` for a count written without thousands separators);
4. an entry may be a plural table (`{ one = "…", other = "…" }`): the form of the notice's
   `count` value, by the language's CLDR rules (Babel is then loaded even in English);
5. an error whose message reaches the user as a warning carries a Notice as its message
   (`raise FileReadError(Notice(...))`); `notice_of(exc)` gives it back (`str(exc)` would
   be a plain string).

    >>> n = Notice("compare_same_day")
    >>> n == "both archives end on the same day: there is nothing in between"
    True
    >>> word(n, "fr").startswith("les deux archives s’arrêtent le même jour")
    True
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

from .catalogue import REFERENCE, catalogue

TABLE = "notices"


@dataclass(frozen=True)
class Terms:
    """Entries of a catalogue table, listed in the language: `Terms("datasets", ("shares",
    "reactions"))` → "posts and shares and reactions" / "posts et partages et réactions"."""

    table: str
    keys: tuple[str, ...]


def _value(value: object, lang: str) -> object:
    if isinstance(value, Notice):
        return value.worded(lang)
    if isinstance(value, (str, bool)) or not isinstance(value, (int, float, date, Terms)):
        return str(value)  # text, paths, file names: as they are (and no Babel to load)
    from . import formatting

    if isinstance(value, int):
        return formatting.integer(value, lang)
    if isinstance(value, float):
        return formatting.decimal(value, lang)
    if isinstance(value, (date, datetime)):
        return formatting.when(value, lang)
    words = catalogue(lang)[value.table]
    return formatting.format_list([words.get(key, key) for key in value.keys], lang)


class _EnglishFormatter(string.Formatter):
    """English: a format spec is `str.format`'s (the symbols are already English), so making
    a notice loads Babel only for a value worded by type (a bare number, a day, Terms)."""

    lang = REFERENCE

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec:
            return super().format_field(value, format_spec)
        return str(_value(value, self.lang))


@cache
def _formatter(lang: str) -> string.Formatter:
    if lang == REFERENCE:
        return _EnglishFormatter()
    from .formatting import NumberFormatter  # Babel, loaded when a notice is first worded

    class NoticeFormatter(NumberFormatter):
        def format_field(self, value: Any, format_spec: str) -> str:
            if format_spec:  # as written: str.format's output, in the language's symbols
                return super().format_field(value, format_spec)
            return str(_value(value, self.lang))

    return NoticeFormatter(lang)


def _wording(code: str, values: dict[str, Any], lang: str) -> str:
    words = catalogue(lang)
    template = words.entry(f"{TABLE}.{code}")
    if not isinstance(template, str):  # a plural entry: the form of its `count` (Babel's rules)
        template = template.get(words.category(values["count"]), template["other"])
    return _formatter(lang).format(template, **values)


class Notice(str):
    """A warning: its English wording as a string, its `code` and `values` to word it in
    another language (`word`). Equal to, and hashed as, its English text."""

    code: str
    values: dict[str, Any]

    def __new__(cls, code: str, /, **values: Any) -> Notice:
        notice = super().__new__(cls, _wording(code, values, REFERENCE))
        notice.code, notice.values = code, dict(values)
        return notice

    def __reduce__(self) -> tuple[Any, ...]:  # pickle and copy rebuild it from its code
        return (_rebuild, (self.code, self.values))

    def __repr__(self) -> str:
        return f"Notice({self.code!r}, {self.values!r})"

    def worded(self, lang: str) -> str:
        """The notice in `lang`."""
        return _wording(self.code, self.values, lang)


def _rebuild(code: str, values: dict[str, Any]) -> Notice:
    return Notice(code, **values)


def word(notice: str, lang: str) -> str:
    """A warning in `lang`: a Notice worded from the catalogue, any other string as it is."""
    return notice.worded(lang) if isinstance(notice, Notice) else notice


def notice_of(error: BaseException) -> str:
    """An error's message as a warning: its Notice when it was raised with one (worded in
    each page's language), else its text."""
    message = error.args[0] if len(error.args) == 1 else None
    return message if isinstance(message, Notice) else str(error)
