"""Numbers, months, dates, durations, hours and lists in a catalogue's language, by Babel.

CLDR (through Babel) gives the names, symbols, grouping, plural rules and list patterns; the
catalogue's `[formats]` table names the CLDR locale and the LDML patterns the tool writes
dates and hours with (English "3 March 2021" and "9:00", French "1er mars 2021" and "9 h"),
so a language's typography is its catalogue's business, not this module's.

Two choices on top of CLDR: before a percent sign a no-break space is the narrow one (U+202F),
as the catalogues use before French colons and semicolons, so "12 %" matches the page; and
a negative number takes the catalogue's `formats.minus` sign (French typography's U+2212
"−0,3", where CLDR's French data has the hyphen-minus), every other symbol CLDR's.
"""

from __future__ import annotations

import copy
import math
import string
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any, Literal

from babel import Locale
from babel.dates import format_date, format_time
from babel.lists import format_list as _babel_format_list
from babel.numbers import (
    format_decimal,
    get_decimal_symbol,
    get_group_symbol,
    get_minus_sign_symbol,
)

from .catalogue import catalogue

NNBSP = "\u202f"  # narrow no-break space
NBSP = "\u00a0"
MISSING = "—"  # a number that is not one (NaN)


def _locale(lang: str) -> Locale:
    # the catalogue's own (cached with it, so `catalogue.reload()` forgets it too)
    return catalogue(lang).babel_locale


def _pattern(lang: str, name: str) -> str:
    return str(catalogue(lang)["formats"][name])


def _narrow_percent(text: str) -> str:
    return text.replace(f"{NBSP}%", f"{NNBSP}%")


def _minus(text: str, lang: str) -> str:
    """CLDR's minus sign replaced by the catalogue's (`formats.minus`), where they differ."""
    sign = _pattern(lang, "minus")
    cldr = get_minus_sign_symbol(_locale(lang))
    return text.replace(cldr, sign, 1) if sign != cldr and text.startswith(cldr) else text


def integer(value: float, lang: str) -> str:
    """1,234 (en) or 1 234 with a narrow no-break space (fr): rounded half to even; −3 with
    the language's minus sign."""
    return _minus(format_decimal(round(value), locale=_locale(lang)), lang)


def decimal(value: float, lang: str, digits: int = 1) -> str:
    """At most `digits` decimals, trailing zeros dropped: 2.5 / 2,5 / 12; NaN is "—"."""
    if not math.isfinite(value):
        return MISSING
    rounded = round(value, digits)
    if float(rounded).is_integer():
        return integer(rounded, lang)
    pattern = copy.copy(_locale(lang).decimal_formats[None])
    pattern.frac_prec = (0, digits)
    return _minus(pattern.apply(Decimal(str(rounded)), _locale(lang)), lang)


def percent(fraction: float, lang: str) -> str:
    """12% (en) or 12 % (fr), whole percents; below 1% but not zero: <1%."""
    value = fraction * 100
    pattern = _locale(lang).percent_formats[None]
    if 0 < value < 0.5:
        one = pattern.apply(Decimal("0.01"), _locale(lang))
        text = one.replace(integer(1, lang), f"<{integer(1, lang)}", 1)
    else:
        # rounded as Python rounds the float (half to even), then laid out by CLDR
        text = pattern.apply(Decimal(round(value)) / 100, _locale(lang))
    return _minus(_narrow_percent(text), lang)


def month(ym: str, lang: str, *, short: bool = False) -> str:
    """"2021-03" → "March 2021" / "mars 2021" (short: "Mar 2021" / "mars 2021")."""
    value = date(int(ym[:4]), int(ym[5:7]), 1)
    return format_date(value, _pattern(lang, "month_short" if short else "month"),
                       locale=_locale(lang))


def quarter(label: str, lang: str) -> str:
    """"2021-Q3" (or a month of it, "2021-08") → "Q3 2021" / "T3 2021": CLDR's abbreviated
    quarter and the year, by the catalogue's `formats.quarter` pattern (LDML "QQQ y")."""
    number = int(label[-1]) if "Q" in label else (int(label[5:7]) - 1) // 3 + 1
    return format_date(date(int(label[:4]), 3 * number - 2, 1), _pattern(lang, "quarter"),
                       locale=_locale(lang))


def short_month(ym: str, lang: str) -> str:
    """"2021-01" → "Jan 2021" / "janv. 2021"."""
    return month(ym, lang, short=True)


def day(value: date, lang: str, *, short: bool = False) -> str:
    """3 March 2021 / 3 mars 2021, and "1er mars 2021" where the catalogue's ordinal day
    says so (CLDR ordinal rules); short: 3 Mar 2021, no-break spaces so it never wraps."""
    pattern = _pattern(lang, "day_short" if short else "day")
    # the LDML day field ("d") is the catalogue's `formats.day_number`, by CLDR ordinal
    # category ("1er" in French); Babel formats what stands on either side of it
    before, _, after = pattern.partition("d")
    forms = catalogue(lang)["formats"]["day_number"]
    number = forms.get(_locale(lang).ordinal_form(value.day), forms["other"])
    return "".join((format_date(value, before, locale=_locale(lang)) if before else "",
                    number.format(day=value.day),
                    format_date(value, after, locale=_locale(lang)) if after else ""))


def month_span(first: str, last: str, lang: str) -> str:
    """"Sep 2018 – Jun 2020", or a single month."""
    if first == last:
        return month(first, lang, short=True)
    return catalogue(lang).text("formats.span", first=month(first, lang, short=True),
                                last=month(last, lang, short=True))


def duration(months: int, lang: str) -> str:
    """"3 years and 2 months" / "3 ans et 2 mois" (never "0 years"): the catalogue's plural
    entries `formats.years` / `formats.months` (CLDR plural rules), joined as CLDR lists."""
    years, rest = divmod(max(months, 0), 12)
    words = catalogue(lang)
    parts = [words.plural("formats.years", years)] if years else []
    if rest or not years:
        parts.append(words.plural("formats.months", rest))
    return format_list(parts, lang)


def hour(value: int, lang: str) -> str:
    """9:00 / 9 h (the catalogue's `formats.hour` pattern)."""
    return format_time(time(value), _pattern(lang, "hour"), locale=_locale(lang))


def weekday_names(lang: str, *, short: bool = False) -> tuple[str, ...]:
    """Monday first: ("Monday", …) / ("lun.", …), CLDR's names for use in a sentence."""
    names = _locale(lang).days["format"]["abbreviated" if short else "wide"]
    return tuple(names[i] for i in range(7))


def month_names(lang: str, *, short: bool = False) -> tuple[str, ...]:
    """January first, the stand-alone forms (a month as a label, not inside a date)."""
    names = _locale(lang).months["stand-alone"]["abbreviated" if short else "wide"]
    return tuple(names[i] for i in range(1, 13))


ListStyle = Literal["standard", "standard-short", "or", "or-short", "unit", "unit-short",
                    "unit-narrow"]


def format_list(items: list[str] | tuple[str, ...], lang: str,
                style: ListStyle = "standard") -> str:
    """"a, b and c" / "a, b et c" (CLDR list patterns; `style="unit"`: "a, b, c")."""
    return _babel_format_list(list(items), style=style, locale=_locale(lang))


def when(value: date | datetime, lang: str) -> str:
    """A date as `day` says it."""
    return day(value.date() if isinstance(value, datetime) else value, lang)


class NumberFormatter(string.Formatter):
    """`str.format` whose numbers follow the language: the format spec as written (".0%",
    ".1f", none), then CLDR's decimal and group symbols, and the language's spacing before
    "%", and the language's minus sign (`formats.minus`). English output is exactly
    `str.format`'s."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        locale = _locale(lang)
        self._decimal, self._group = get_decimal_symbol(locale), get_group_symbol(locale)
        self._percent = _narrow_percent(locale.percent_formats[None].apply(0, locale))
        self._minus = _pattern(lang, "minus")

    def format_field(self, value: Any, format_spec: str) -> str:
        text = super().format_field(value, format_spec)
        if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
            return text
        if (self._decimal, self._group) != (".", ","):
            text = text.translate({ord("."): "\x00", ord(","): "\x01"}).replace(
                "\x00", self._decimal).replace("\x01", self._group)
        if text.endswith("%"):
            text = text[:-1] + self._percent.replace(integer(0, self.lang), "", 1)
        if text.startswith("-") and self._minus != "-":
            text = self._minus + text[1:]
        return text


def format_message(template: str, lang: str, /, **values: object) -> str:
    """`template.format(**values)` with every number worded for the language."""
    return NumberFormatter(lang).format(template, **values)
