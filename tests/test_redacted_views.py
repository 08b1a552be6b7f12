"""A redacted view names nobody: checked on the view objects themselves, not on the HTML.

The redacted `ReportView` of sample members is walked field by field (every dataclass, tuple
and mapping, chart specifications included) and every string in it is searched for what
identifies someone in the export: people's names, profile URLs, e-mail addresses, the
texts of posts, comments, articles and messages, and names squashed into a hashtag
(`#thanksjanedoe`). The redacted `ReportData` the view is built from is walked the same way,
the string cells of its frames included (the timeline's posts: a later view could show any
column). Built with no matplotlib (nothing is drawn).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Mapping
from functools import cache

import polars as pl
import pytest

from linkedin_stages.analysis.report_data import ReportData, analyze_for_report
from linkedin_stages.export import Export
from linkedin_stages.links import first_line
from linkedin_stages.redact import Redactor, redact_report
from linkedin_stages.report.viewmodel import ReportView, build_view
from report_support import ZONES, loaded

MEMBERS = ("climber", "consultante", "lurker")
NAME_COLUMNS = {
    "connections": ("first_name", "last_name", "full_name"),
    "invitations": ("from_name", "to_name"),
    "messages": ("from_name", "to_names"),
    "endorsements_received": ("full_name",),
    "recommendations_received": ("full_name",),
    "member_follows": ("full_name",),
    "profile": ("first_name", "last_name", "full_name"),
}
NOT_PEOPLE = {"linkedin", "member", "linkedin member"}
TEXTS = {"shares": "commentary", "comments": "message", "messages": "content",
         "articles": "body"}
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[a-z]{2,}")


def strings(value: object, path: str = "view") -> Iterator[tuple[str, str]]:
    """Every string in `value` (a tree of dataclasses, tuples and mappings), with where."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, pl.DataFrame):
        yield from _frame_strings(value, path)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from strings(getattr(value, field.name), f"{path}.{field.name}")
    elif isinstance(value, Mapping):
        for key, inner in value.items():
            yield from strings(key, f"{path}[key]")
            yield from strings(inner, f"{path}[{key!r}]")
    elif isinstance(value, tuple | list):
        for i, inner in enumerate(value):
            yield from strings(inner, f"{path}[{i}]")


def _frame_strings(frame: pl.DataFrame, path: str) -> Iterator[tuple[str, str]]:
    """The text cells of a frame: its string columns and lists of strings (hashtags)."""
    for column, dtype in frame.schema.items():
        values = frame[column]
        if dtype == pl.List(pl.String):
            values = values.explode()
        elif dtype != pl.String:
            continue
        for i, value in enumerate(values.drop_nulls().unique(maintain_order=True)):
            yield f"{path}[{column!r}][{i}]", value


def squash(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalpha())


def names(export: Export) -> set[str]:
    """Full names of everyone in `export`, and single names of 4 letters or more."""
    found: set[str] = set()
    for table, columns in NAME_COLUMNS.items():
        for column in columns:
            for value in export.tables[table][column].drop_nulls().unique().to_list():
                for name in str(value).split(","):
                    name = " ".join(name.split())
                    found.add(name)
                    found.update(name.split())
    return {n for n in found if (" " in n or len(n) >= 4) and n.casefold() not in NOT_PEOPLE}


def texts(export: Export) -> set[str]:
    """The first lines (20 characters or more) of every post, comment, article, message."""
    found = set()
    for table, column in TEXTS.items():
        for value in export.tables[table][column].drop_nulls().to_list():
            line = first_line(value)
            if len(line) >= 20 and not line.startswith("[redacted]"):
                found.add(line[:60])
    return found


def leaks(view: object, export: Export) -> list[str]:
    every = list(strings(view))
    text = "\n".join(value for _, value in every)
    lower = text.casefold()
    folded = [(where, value.casefold()) for where, value in every]  # once, not per name
    found = []
    for name in sorted(names(export)):
        if name.casefold() in lower and re.search(
                rf"(?<!\w){re.escape(name.casefold())}(?!\w)", lower):
            where = next(p for p, v in folded if name.casefold() in v)
            found.append(f"name {name!r} at {where}")
    for line in sorted(texts(export)):
        if line in text:
            found.append(f"text {line!r}")
    for url in export.connections["url"].drop_nulls().unique().to_list():
        if url and url in text:
            found.append(f"profile URL {url!r}")
    for marker in ("linkedin.com/in/", "feed/update", "urn:li:", "linkedin.com/pulse/"):
        if marker in lower:
            found.append(f"marker {marker!r}")
    squashed = {squash(n) for n in names(export) if " " in n and len(squash(n)) >= 4}
    for where, value in every:
        tag = squash(value) if value.startswith("#") else ""  # squashed once per hashtag
        if tag and any(n in tag for n in squashed):
            found.append(f"hashtag {value!r} at {where}")
    if EMAIL.search(text):
        found.append(f"e-mail {EMAIL.search(text).group(0)!r}")  # type: ignore[union-attr]
    return found


@cache
def report_data(name: str, lang: str, redacted: bool, companies: bool = False) -> ReportData:
    export, timeline = loaded(name)
    data = analyze_for_report(export, timeline, zone=ZONES[lang])
    if redacted:
        data = redact_report(data, export, companies=companies, lang=lang).data
    return data


@cache
def view(name: str, lang: str, redacted: bool, companies: bool = False) -> ReportView:
    return build_view(report_data(name, lang, redacted, companies), lang=lang)


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("name", MEMBERS)
def test_redacted_view_names_nobody(name: str, lang: str) -> None:
    export, _ = loaded(name)
    assert leaks(view(name, lang, redacted=True), export) == []
    assert leaks(view(name, lang, redacted=True, companies=True), export) == []


@pytest.mark.parametrize("name", MEMBERS)
def test_redacted_report_data_names_nobody(name: str) -> None:
    """The analysis the view is built from, frames included, names nobody either."""
    export, _ = loaded(name)
    assert leaks(report_data(name, "en", redacted=True), export) == []
    assert leaks(report_data(name, "en", redacted=True, companies=True), export) == []


def test_the_check_reads_the_frames() -> None:
    """The ordinary analysis' timeline holds the posts' texts in a frame: the walk finds
    them there (so the redacted one's passing means something)."""
    export, _ = loaded("climber")
    found = leaks(report_data("climber", "en", redacted=False).timeline, export)
    assert any(item.startswith("text") for item in found), found


def test_hashtags_naming_someone_are_hidden_in_text_and_list() -> None:
    """A hashtag holding anyone's name squashed (`#thanksjanedoe`) is hidden, in the posts'
    hashtags and in the placeholder that stands for their text; short or common ones stay."""
    export, timeline = loaded("climber")
    redactor = Redactor(export)
    someone = next(n for n in export.connections["full_name"].drop_nulls().to_list()
                   if " " in n)
    assert redactor.hashtag(f"#thanks{squash(someone)}") == "#…"
    assert redactor.domain(f"{squash(someone)}.dev") == "…"
    assert redactor.hashtag("#ai") == "#ai" and redactor.hashtag("#leadership") == "#leadership"
    tag = f"#thanks{squash(someone)}"
    posts = timeline.posts.head(1).with_columns(
        pl.lit(f"Great week {tag} #leadership").alias("text"),
        pl.lit([tag, "#leadership"], dtype=pl.List(pl.String)).alias("hashtags"))
    redacted = redactor.posts(posts).row(0, named=True)
    assert redacted["hashtags"] == ["#…", "#leadership"]
    assert redacted["text"] == "[redacted] #… #leadership"


@pytest.mark.parametrize("name", MEMBERS)
def test_the_check_finds_them_in_the_ordinary_view(name: str) -> None:
    export, _ = loaded(name)
    ordinary = view(name, "en", redacted=False)
    found = leaks(ordinary, export)
    assert any(item.startswith("name") for item in found), found
    if name != "lurker":  # the lurker's one example is a link shared without a word
        assert any(item.startswith("text") for item in found), found


def test_the_view_says_it_is_redacted() -> None:
    redacted, ordinary = view("climber", "en", True), view("climber", "en", False)
    assert redacted.redaction is not None and ordinary.redaction is None
    posts = [p for s in redacted.voice.stages for p in s.examples]
    assert posts and all(p.redacted and p.link is None for p in posts)
    assert all(not p.redacted for s in ordinary.voice.stages for p in s.examples)


def test_views_are_built_without_drawing() -> None:
    """No chart is drawn while a view is built: its charts are specifications."""
    charts = [value for _, value in _charts(view("climber", "en", False))]
    assert len(charts) >= 6 and all(chart.drawn is None for chart in charts)


def _charts(value: object, path: str = "view") -> Iterator[tuple[str, object]]:
    from linkedin_stages.report.common import Chart

    if isinstance(value, Chart):
        yield path, value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _charts(getattr(value, field.name), f"{path}.{field.name}")
    elif isinstance(value, tuple):
        for i, inner in enumerate(value):
            yield from _charts(inner, f"{path}[{i}]")
