"""`load_export`: an export folder or zip → one fixed-schema polars frame per dataset, with the
provenance of every file (what was read, repaired, dropped, and what is missing)."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path, PurePosixPath
from typing import Literal, get_args, overload

import polars as pl

from .csvread import ReadNotes
from .downloads import EXPORT_MARKERS, date_in_name, resolve_export
from .errors import ExportError, FileReadError
from .i18n.notices import Notice, notice_of
from .readers import (
    COMPLETE_ONLY,
    CORE,
    DATASETS,
    KEY_TO_DATASET,
    RECOGNISED_FOLDERS,
    RECOGNISED_UNUSED,
    SPECS,
)
from .readers.articles import read_articles
from .readers.base import (
    NOT_TEXT,
    DatasetSpec,
    ReadContext,
    TableRead,
    merge_repeated,
    read_dataset,
)
from .safe_output import safe_label
from .source import ExportSource, Member, SourceKind, normalise_name

Progress = Callable[[str], None]

# What an archive holds (`_archive_kind`): every file LinkedIn writes, only the basic ones
# (profile, connections, messages…), or not even those. The strings are the JSON output's.
ArchiveKind = Literal["complete", "basic", "partial"]
ARCHIVE_KINDS: tuple[ArchiveKind, ...] = get_args(ArchiveKind)


@dataclass
class DatasetReport:
    """How one dataset was read: the `inspect` view of a file."""

    name: str
    # Path inside the export; for articles, read from many files, a Notice of their folders
    # and count (`export_files_in`/`_top`): English text in the JSON, each page words it.
    file: str
    rows: int
    first: date | None
    last: date | None
    encoding: str
    delimiter: str
    line_ending: str
    variant: str
    repairs: dict[str, int] = field(default_factory=dict)
    dropped: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    readable: bool = True

    def to_json(self) -> dict[str, object]:
        return {
            "file": self.file,
            "rows": self.rows,
            "first": self.first.isoformat() if self.first else None,
            "last": self.last.isoformat() if self.last else None,
            "encoding": self.encoding,
            "delimiter": self.delimiter,
            "line_ending": self.line_ending,
            "variant": self.variant,
            "repairs": dict(sorted(self.repairs.items())),
            "dropped": dict(sorted(self.dropped.items())),
            "warnings": list(self.warnings),
        }


class Dataset:
    """`export.<name>`: the frame of one dataset (`export.tables[name]`), read-only.

    One per dataset of `readers.SPECS` on `Export`, so that each is a typed attribute the
    type checker knows (a misspelt dataset is an error before the code runs)."""

    name: str

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"Dataset({self.name!r})"

    @overload
    def __get__(self, export: None, owner: type | None = None) -> Dataset: ...
    @overload
    def __get__(self, export: Export, owner: type | None = None) -> pl.DataFrame: ...
    def __get__(self, export: Export | None, owner: type | None = None) -> Dataset | pl.DataFrame:
        if export is None:
            return self
        try:
            return export.tables[self.name]
        except KeyError:
            raise AttributeError(f"this Export holds no {self.name!r} table") from None

    def __set__(self, export: Export, value: object) -> None:
        raise AttributeError(f"Export.{self.name} is read-only (its frame is in `tables`)")


@dataclass
class Export:
    """A loaded export. Each dataset is a typed attribute (`export.shares`) and in `tables`."""

    location: Path
    source_kind: SourceKind
    tables: dict[str, pl.DataFrame]
    reports: dict[str, DatasetReport]  # datasets whose file was found
    missing: list[str]  # datasets with no file in this export
    recognised_files: list[str]  # LinkedIn files the analysis does not use
    unknown_files: list[str]
    warnings: list[str]  # export-level problems (unreadable or duplicate files)
    archive: ArchiveKind
    # How the export was found: "using …, the only LinkedIn export in ~/Downloads", or None.
    found_in: str | None = None
    # The day LinkedIn made the export (from its download's name), if known.
    exported_on: date | None = None

    # One attribute per dataset of readers.SPECS, in its order (tests/test_types.py checks).
    connections = Dataset()
    invitations = Dataset()
    messages = Dataset()
    shares = Dataset()
    comments = Dataset()
    reactions = Dataset()
    reposts = Dataset()
    articles = Dataset()
    votes = Dataset()
    profile = Dataset()
    registration = Dataset()
    positions = Dataset()
    education = Dataset()
    skills = Dataset()
    endorsements_received = Dataset()
    endorsements_given = Dataset()
    recommendations_received = Dataset()
    recommendations_given = Dataset()
    company_follows = Dataset()
    member_follows = Dataset()
    hashtag_follows = Dataset()
    rich_media = Dataset()
    events = Dataset()
    saved_items = Dataset()
    learning = Dataset()

    @property
    def member_name(self) -> str | None:
        profile = self.tables["profile"]
        if profile.height and profile["full_name"][0]:
            return str(profile["full_name"][0])
        return None

    @property
    def registered_at(self) -> datetime | None:
        registration = self.tables["registration"]
        return registration["registered_at"].min() if registration.height else None  # type: ignore[return-value]


# LinkedIn's article template: every article file has these (see readers/articles.py).
_ARTICLE_MARKS = (b'<p class="created">', b'<p class="published">')
# LinkedIn splits a long file into numbered parts: `Job Applications.csv`,
# `Job Applications_1.csv`, … `_3.csv` are one dataset.
_PART = re.compile(r"^(?P<stem>.+?)_(?P<number>\d{1,3})$")


def _in_articles_folder(member: Member) -> bool:
    return any(part.lower() == "articles" for part in PurePosixPath(member.path).parts[:-1])


def _looks_like_article(source: ExportSource, member: Member) -> bool:
    """An HTML file outside `Articles/` (a flattened archive) is an article if it is written
    in LinkedIn's article template."""
    if member.size > MAX_ARTICLE_SNIFF:
        return False
    try:
        head = source.file(member).head(8192)
    except (FileReadError, OSError):
        return False
    return any(mark in head for mark in _ARTICLE_MARKS)


MAX_ARTICLE_SNIFF = 5_000_000  # bytes: larger HTML files are not LinkedIn articles


def _part_of(member: Member) -> tuple[str, int]:
    """The normalised name of the dataset a file belongs to, and its part number (0: the
    file itself)."""
    stem = PurePosixPath(member.path).stem if member.suffix == ".csv" else member.path
    match = _PART.match(stem)
    if match is not None:
        key = normalise_name(match["stem"])
        if key in KEY_TO_DATASET or key in RECOGNISED_UNUSED:
            return key, int(match["number"])
    return member.key, 0


@dataclass
class _Index:
    files: dict[str, Member]
    parts: dict[str, list[Member]]  # further numbered parts of a dataset's file
    duplicates: list[tuple[Member, Member]]
    articles: list[Member]
    recognised: list[str]
    recognised_members: dict[str, Member]  # path → member, for the files the analysis skips
    unknown: list[str]
    nested_zips: list[str]


def _index(source: ExportSource) -> _Index:
    files: dict[str, Member] = {}
    parts: dict[str, list[Member]] = {}
    duplicates: list[tuple[Member, Member]] = []
    articles: list[Member] = []
    recognised: list[str] = []
    unknown: list[str] = []
    nested: list[str] = []
    # Shallow files first, so a root `Connections.csv` wins over a copy in a sub-folder;
    # a dataset's file before its numbered parts.
    def order(m: Member) -> tuple[int, str, int, str]:
        key, number = _part_of(m)
        return len(m.parts), str(PurePosixPath(m.path).parent), number, m.path

    for member in sorted(source.members, key=order):
        if member.suffix in (".html", ".htm") and (
                _in_articles_folder(member) or _looks_like_article(source, member)):
            articles.append(member)
            continue
        key, number = _part_of(member)
        if member.suffix == ".csv" and key in KEY_TO_DATASET:
            dataset = KEY_TO_DATASET[key]
            kept = files.get(dataset)
            if kept is None:
                files[dataset] = member
            elif number and PurePosixPath(kept.path).parent == PurePosixPath(member.path).parent:
                parts.setdefault(dataset, []).append(member)
            else:
                duplicates.append((kept, member))
        elif member.suffix == ".csv" and (key in RECOGNISED_UNUSED or any(
                part.lower() in RECOGNISED_FOLDERS for part in member.parts[:-1])):
            recognised.append(member.path)
        elif member.suffix == ".zip":
            nested.append(member.path)
            unknown.append(member.path)
        else:
            unknown.append(member.path)
    return _Index(files, parts, duplicates, sorted(articles, key=lambda m: m.path),
                  sorted(recognised), {m.path: m for m in source.members if m.path in recognised},
                  sorted(unknown), nested)


def _export_roots(index: _Index) -> list[str]:
    """Folders that each hold two or more of the files that make an export: more than one
    means the files of several exports (a folder of downloads nested deeper than the search
    for exports goes, or a zip holding two exports)."""
    by_folder: dict[str, set[str]] = {}
    members = [*index.files.values(), *(extra for _, extra in index.duplicates)]
    for member in members:
        key = _part_of(member)[0]
        if key in EXPORT_MARKERS:
            by_folder.setdefault(str(PurePosixPath(member.path).parent), set()).add(key)
    return sorted(folder for folder, keys in by_folder.items() if len(keys) >= 2)


def _not_text(source: ExportSource, member: Member) -> str | None:
    """What a file is when its bytes are not text (a workbook under a `.csv` name), or None."""
    try:
        start = source.file(member).head(8)
    except (FileReadError, OSError):
        return "unreadable"
    return next((Notice(what) for magic, what in NOT_TEXT if start.startswith(magic)), None)


def _archive_kind(index: _Index, reports: dict[str, DatasetReport],
                  source: ExportSource) -> tuple[ArchiveKind, list[str]]:
    """Complete, basic or partial, from the files that could be read (a spreadsheet saved
    under `Reactions.csv` or `Logins.csv` does not make an archive complete), and a warning
    for each such file the analysis does not read."""
    warnings: list[str] = []
    readable = {name: member for name, member in index.files.items()
                if name not in reports or reports[name].readable}
    present_keys = {_part_of(m)[0] for m in readable.values()}
    for path, member in index.recognised_members.items():
        key = _part_of(member)[0]
        if key in COMPLETE_ONLY and key not in present_keys:
            what = _not_text(source, member)  # only the few files that decide: cheap
            if what is not None:
                warnings.append(Notice("export_not_csv", file=path, what=what))
                continue
        present_keys.add(key)
    complete = bool(present_keys & COMPLETE_ONLY)
    core = all(name in readable for name in CORE)
    kind: ArchiveKind = "complete" if complete and core else "basic" if core else "partial"
    return kind, warnings


def _date_range(frame: pl.DataFrame, column: str | None) -> tuple[date | None, date | None]:
    if column is None or frame.is_empty() or column not in frame.columns:
        return None, None
    values = frame[column].drop_nulls()
    if values.is_empty():
        return None, None
    low, high = values.min(), values.max()

    def as_date(value: object) -> date | None:
        if isinstance(value, datetime):
            return value.date()
        return value if isinstance(value, date) else None

    return as_date(low), as_date(high)


def _report(name: str, file: str, frame: pl.DataFrame, notes: ReadNotes, variant: str,
            readable: bool = True) -> DatasetReport:
    first, last = _date_range(frame, SPECS[name].time_column)
    warnings = list(notes.warnings)
    if notes.empty_reason:
        warnings.insert(0, notes.empty_reason)
    return DatasetReport(
        name=name, file=file, rows=frame.height, first=first, last=last,
        encoding=notes.encoding, delimiter=notes.delimiter, line_ending=notes.line_ending,
        variant=variant, repairs=dict(notes.repairs), dropped=dict(notes.dropped),
        warnings=warnings, readable=readable,
    )


def load_export(
    path: str | os.PathLike[str],
    *,
    datasets: Iterable[str] | None = None,
    progress: Progress | None = None,
) -> Export:
    """Read a LinkedIn export (unzipped folder or the downloaded .zip), read-only.

    `datasets` restricts reading to some dataset names (the others come back empty and are not
    reported). Raises `ExportError` if the input is not a readable export; a single unreadable
    file only adds a warning.
    """
    wanted = set(DATASETS if datasets is None else datasets)
    unknown_names = wanted - set(DATASETS)
    if unknown_names:
        raise ExportError(f"unknown dataset name(s): {', '.join(sorted(unknown_names))}; "
                          f"known: {', '.join(DATASETS)}")
    resolved = resolve_export(Path(path))
    with ExportSource.open(resolved.path) as source:
        index = _index(source)
        roots = _export_roots(index)
        if len(roots) > 1:
            raise ExportError(
                f"{source.label} holds the files of {len(roots)} LinkedIn exports, which are "
                f"never merged: {safe_label(', '.join(f'{r}/' for r in roots))}. Point the "
                "tool at one of them, or compare two with `linkedin-stages compare OLD NEW`")
        if not index.files and not index.articles:
            hint = ""
            if index.nested_zips:
                hint = f"; it holds {index.nested_zips[0]}: point the tool at that file instead"
            raise ExportError(
                f"{source.label}: no LinkedIn export file found (expected files such as "
                f"Connections.csv, Profile.csv or Shares.csv){hint}"
            )
        warnings: list[str] = [
            Notice("export_second_file", file=extra.path,
                   name=SPECS[KEY_TO_DATASET[extra.key]].filename, kept=kept.path)
            for kept, extra in index.duplicates
        ]
        tables: dict[str, pl.DataFrame] = {n: SPECS[n].empty() for n in DATASETS}
        reports: dict[str, DatasetReport] = {}
        context = ReadContext()
        read: dict[str, _Read] = {}

        def read_one(name: str) -> _Read:
            if name == "articles":
                return _read_articles(source, index.articles, progress)
            member = index.files[name]
            if progress:
                progress(f"reading {member.path}")
            try:
                result = read_dataset(SPECS[name], source.file(member), context)
                if name in index.parts:
                    result = _with_parts(result, SPECS[name], index.parts[name], source,
                                         context)
            except FileReadError as exc:
                message = notice_of(exc)
                if not message.startswith(member.path):
                    message = Notice("export_in_file", file=member.path, warning=message)
                return _Read(SPECS[name].empty(), ReadNotes(warnings=[message]), member.path,
                             "unreadable", readable=False)
            label = member.path
            if name in index.parts:
                count = len(index.parts[name])
                label += f" (+{count} numbered part{'s' if count > 1 else ''})"
            return _Read(result.frame, result.notes, label, result.variant)

        present = [n for n in DATASETS
                   if n in wanted and (index.articles if n == "articles" else n in index.files)]
        # The profile first: messages need the member's own name to tell sent from received.
        if "profile" in index.files and ("profile" in wanted or "messages" in wanted):
            read["profile"] = read_one("profile")
            if read["profile"].frame.height:
                context.own_name = read["profile"].frame["full_name"][0]
        rest = [n for n in present if n != "profile"]
        # Files are independent: read them in threads. Polars releases the GIL while it
        # parses, so the big files overlap with the small ones' Python work. Four threads
        # even on two cores: one file's Python steps then fill another's polars gaps
        # (≈ 4 % less time than two threads on the 138 MB archive, 2 cores).
        with ThreadPoolExecutor(max_workers=4) as pool:
            read.update(zip(rest, pool.map(read_one, rest), strict=True))
        # Impossible dates are set aside once every file is read: whether the download's
        # name can be trusted for the export's date depends on all of them.
        exported_on = _trusted_export_date(date_in_name(source.location.name), read, warnings)
        latest = _latest_possible(exported_on)
        for name, one in read.items():
            frame = (_set_aside_impossible_dates(name, one.frame, one.notes, latest,
                                                 exported_on is not None)
                     if one.readable else one.frame)
            tables[name] = frame
            reports[name] = _report(name, one.label, frame, one.notes, one.variant,
                                    readable=one.readable)
        warnings += [report.warnings[0] for report in reports.values() if not report.readable]
        warnings += [Notice("export_link_not_followed", file=path) for path in source.skipped]
        warnings += source.warnings  # repeated or odd member names, unreadable folders
        warnings += resolved.warnings  # other exports inside this one, not read
        if reports and not any(report.readable for report in reports.values()):
            first = next(iter(reports.values())).warnings[0]
            raise ExportError(f"{source.label}: none of the {len(reports)} LinkedIn files "
                              f"could be read (first: {first})")
        missing = [n for n in DATASETS if n in wanted and n not in reports]
        ordered_reports = {n: reports[n] for n in DATASETS if n in reports}
        if "profile" not in wanted:  # read only to help the messages reader
            ordered_reports.pop("profile", None)
            tables["profile"] = SPECS["profile"].empty()
        archive, unread = _archive_kind(index, reports, source)
        warnings += unread
        return Export(
            location=source.location,
            source_kind=source.kind,
            tables={n: tables[n] for n in DATASETS},
            reports=ordered_reports,
            missing=missing,
            recognised_files=index.recognised,
            unknown_files=index.unknown,
            warnings=warnings,
            archive=archive,
            found_in=resolved.note,
            exported_on=exported_on,
        )


@dataclass
class _Read:
    """One dataset as read, before its impossible dates are set aside and it is reported."""

    frame: pl.DataFrame
    notes: ReadNotes
    label: str  # the file, as `inspect` names it
    variant: str
    readable: bool = True


def _trusted_export_date(named: date | None, read: dict[str, _Read],
                         warnings: list[str]) -> date | None:
    """The export date the download's name gives, unless many records are dated after it
    (a renamed copy): then none, and today bounds the dates instead."""
    if named is None:
        return None
    bound = datetime.combine(named, time()) + timedelta(days=2)
    later = total = 0
    for name, one in read.items():
        column = _ACTIVITY_DATES.get(name)
        if column is None or not one.readable or one.frame.is_empty():
            continue
        values = one.frame[column]
        total += values.len() - values.null_count()
        later += int((values > bound).sum())
    if later > max(10, total // 100):
        warnings.append(Notice("export_renamed_download", day=named.isoformat(), count=later))
        return None
    return named


def _with_parts(first: TableRead, spec: DatasetSpec, parts: list[Member],
                source: ExportSource, context: ReadContext) -> TableRead:
    """A dataset LinkedIn split into numbered files, read part by part into one frame."""
    frames, notes = [first.frame], first.notes
    for member in parts:
        try:
            part = read_dataset(spec, source.file(member), context)
        except FileReadError as exc:
            notes.warnings.append(notice_of(exc))
            notes.drop(Notice("export_dropped_parts"), 1)
            continue
        if part.frame.equals(first.frame):  # a copy of the file, not a further part
            notes.warnings.append(Notice("export_part_copy", file=member.path))
            continue
        frames.append(part.frame)
        for what, count in part.notes.repairs.items():
            notes.repaired(what, count)
        for why, count in part.notes.dropped.items():
            notes.drop(why, count)
        notes.warnings.extend(Notice("export_in_file", file=member.path, warning=w)
                              for w in part.notes.warnings)
    frame = merge_repeated(pl.concat(frames, how="vertical"), spec, notes)
    notes.rows_read = frame.height
    return TableRead(frame, notes, first.variant)


# LinkedIn opened to the public in May 2003: no activity of its members is older.
LINKEDIN_LAUNCH = datetime(2003, 5, 1)
# Activity datasets whose dates shape the timeline (career dates, events and learning keep
# theirs: a degree may start before 2003, an event may lie ahead).
_ACTIVITY_DATES: dict[str, str] = {
    "shares": "timestamp", "comments": "timestamp", "reactions": "timestamp",
    "reposts": "timestamp", "votes": "timestamp", "messages": "sent_at",
    "invitations": "sent_at", "connections": "connected_on", "registration": "registered_at",
    "rich_media": "timestamp", "saved_items": "timestamp", "articles": "published",
    # Dated by what the member did on LinkedIn too (they shape no timeline, but a date in
    # 9999 is no less impossible there).
    **{name: str(SPECS[name].time_column) for name in (
        "company_follows", "member_follows", "hashtag_follows", "endorsements_received",
        "endorsements_given", "recommendations_received", "recommendations_given")},
}


def _latest_possible(exported_on: date | None) -> datetime:
    """The last moment an activity can be dated: the export's day (its name says it) or
    today, with two days of slack for time zones."""
    day = exported_on or datetime.now(UTC).date()
    return datetime.combine(day, time()) + timedelta(days=2)


def _set_aside_impossible_dates(name: str, frame: pl.DataFrame, notes: ReadNotes,
                                latest: datetime, known_export: bool) -> pl.DataFrame:
    """Activity dated before LinkedIn existed or after the export loses its date (the row is
    kept): counted and warned about, it never shapes the timeline."""
    column = _ACTIVITY_DATES.get(name)
    if column is None or frame.is_empty():
        return frame
    values = pl.col(column)
    early, late = frame.select((values < LINKEDIN_LAUNCH).sum().alias("early"),
                               (values > latest).sum().alias("late")).row(0)
    if not early and not late:
        return frame
    if early:
        notes.drop(Notice("export_dropped_before_linkedin"), early)
        notes.warnings.append(Notice("export_before_linkedin", count=early, column=column))
    if late:
        day = (latest - timedelta(days=2)).date().isoformat()
        notes.drop(Notice("export_dropped_after_export" if known_export
                          else "export_dropped_in_future", day=day), late)
        notes.warnings.append(Notice("export_after_export" if known_export
                                     else "export_in_future", count=late, column=column, day=day))
    bad = (values < LINKEDIN_LAUNCH) | (values > latest)
    return frame.with_columns(pl.when(bad).then(None).otherwise(values).alias(column))


def _read_articles(source: ExportSource, members: list[Member],
                   progress: Progress | None) -> _Read:
    notes = ReadNotes()
    files: list[tuple[str, bytes]] = []
    for member in members:
        try:
            files.append((member.path, source.read(member)))
        except FileReadError as exc:
            notes.drop(Notice("readers_dropped_unreadable_articles"))
            notes.warnings.append(notice_of(exc))
    if progress:
        progress(f"reading {len(files)} article file(s)")
    frame = read_articles(files, notes)
    folders = sorted({str(PurePosixPath(m.path).parent) for m in members})
    # Data worded by each page (a plural entry); str(label) is the English of the JSON
    label = (Notice("export_files_top", count=len(members)) if folders == ["."] else
             Notice("export_files_in", folders=", ".join(f"{f}/" for f in folders),
                    count=len(members)))
    return _Read(frame, notes, label, "HTML")
