"""Numbers, months, dates and durations in the report's language, without Babel.

Two languages need a handful of rules, so they are written here rather than pulling a
locale database in: English uses a comma for thousands and a point for decimals; French a
narrow no-break space (U+202F) for thousands and before `%`, and a decimal comma
("1 234,5 %"). Month names are the CLDR ones ("mars 2021", "janv. 2021" abbreviated).
"""

from __future__ import annotations

import math
from datetime import date

LANGS = ("en", "fr")
NNBSP = "\u202f"  # narrow no-break space: French thousands and before %, :, ;, !, ?

MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
}
MONTHS_SHORT = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "fr": ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
           "nov.", "déc."),
}
WEEKDAYS_SHORT = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "fr": ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."),
}
WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
}


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"language must be one of {', '.join(LANGS)}, not {lang!r}")
    return lang


def integer(value: float, lang: str) -> str:
    """1,234 (en) or 1 234 with a narrow no-break space (fr)."""
    text = f"{round(value):,}"
    return text.replace(",", NNBSP) if lang == "fr" else text


def decimal(value: float, lang: str, digits: int = 1) -> str:
    """A number with at most `digits` decimals, trailing zeros dropped: 2.5 / 2,5 / 12."""
    if not math.isfinite(value):
        return "—"
    rounded = round(value, digits)
    if float(rounded).is_integer():
        return integer(rounded, lang)
    text = f"{rounded:,.{digits}f}".rstrip("0").rstrip(".")
    if lang == "fr":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", NNBSP)
    return text


def percent(fraction: float, lang: str) -> str:
    """12% (en) or 12 % with a narrow no-break space (fr); below 1% but not zero: <1%."""
    value = fraction * 100
    text = "<1" if 0 < value < 0.5 else integer(value, lang)
    return f"{text}{NNBSP}%" if lang == "fr" else f"{text}%"


def month(ym: str, lang: str, *, short: bool = False) -> str:
    """"2021-03" → "March 2021" / "mars 2021" (short: "Mar 2021" / "mars 2021")."""
    year, number = int(ym[:4]), int(ym[5:7])
    names = MONTHS_SHORT if short else MONTHS
    return f"{names[lang][number - 1]} {year}"


def day(value: date, lang: str, *, short: bool = False) -> str:
    """3 March 2021 / 3 mars 2021, and 1er mars 2021 as French writes the first (short:
    3 Mar 2021 / 3 mars 2021, with no-break spaces so a date never wraps)."""
    number = "1er" if (lang == "fr" and value.day == 1) else str(value.day)
    if short:
        return f"{number}\u00a0{MONTHS_SHORT[lang][value.month - 1]}\u00a0{value.year}"
    return f"{number} {MONTHS[lang][value.month - 1]} {value.year}"


def month_span(first: str, last: str, lang: str) -> str:
    """"Sep 2018 – Jun 2020", or a single month."""
    if first == last:
        return month(first, lang, short=True)
    return f"{month(first, lang, short=True)} – {month(last, lang, short=True)}"


def duration(months: int, lang: str) -> str:
    """"3 years and 2 months" / "3 ans et 2 mois" (never "0 years")."""
    years, rest = divmod(max(months, 0), 12)
    if lang == "fr":
        parts = ([f"{years} an{'s' if years > 1 else ''}"] if years else []) + (
            [f"{rest} mois"] if rest or not years else [])
        return " et ".join(parts)
    parts = ([f"{years} year{'s' if years != 1 else ''}"] if years else []) + (
        [f"{rest} month{'s' if rest != 1 else ''}"] if rest or not years else [])
    return " and ".join(parts)


def plural(count: float, one: str, many: str, lang: str) -> str:
    """The word for `count`: French treats 0 and 1 as singular, English only 1."""
    singular = count < 2 if lang == "fr" else count == 1
    return one if singular else many


def counted(count: int, one: str, many: str, lang: str) -> str:
    """"1 post" / "1 234 posts"."""
    return f"{integer(count, lang)} {plural(count, one, many, lang)}"


def hour(value: int, lang: str) -> str:
    """9:00 / 9 h."""
    return f"{value}{NNBSP}h" if lang == "fr" else f"{value}:00"

