"""Share a report safely (`analyze --redact`): the same stages and charts, without the people.

Redaction works on analysis results, with one mapping built from the real export
(`Redactor`): people (connections, message correspondents, invitation senders and
recipients, endorsers, recommenders, members followed, the person who invited you) become
stable pseudonyms, "Person 17" / "Personne 17", numbered by first appearance in a fixed order
(connections by date then name, then invitations, messages, endorsements, recommendations,
follows, registration); the member's own name is dropped ("You" / "Vous" elsewhere);
companies and job titles stay, unless `companies=True` ("Company 3" / "Entreprise 3").

* `redact_report(data, export)` takes the report's analysis (`analysis.report_data.ReportData`,
  computed on the real export) and returns `Redacted(data, mapping)`: the same analysis
  naming nobody — first connections as pseudonyms, companies and positions scrubbed, example
  posts without their words or link (the view describes them from what the analysis measured:
  kind, length, language, signals, hashtags), file names and warnings scrubbed, no member name
  or export name — with `data.redaction` saying how it was redacted (the page's banner).
* `redact_timeline(timeline, export)`: the timeline's posts lose their text and link (ids
  made opaque); months, stages, reasons and numbers are untouched.
* `redact_export(export)`: a new `Export` whose frames name nobody (profile URLs, e-mails,
  message texts, links nulled; post, comment and article texts replaced by a placeholder that
  keeps their hashtags; ids made opaque but consistent), for `compare --redact` and for the
  test that the analysis of a redacted export keeps every number that is not read from words.

Why the analysis runs on the real export: business intent and personal voice are read from
the words of each post, which redaction removes; recomputing them on placeholders would change
the stages (a power networker without calls to action is a producer), and the example posts
are chosen by their words. So the analysis runs once on the real archive and only its results
are redacted; the view is built from the redacted results only, and never sees a name, a
text or a link. Stages, transitions, reasons and every monthly number are therefore identical
with and without `--redact` (tests/test_redact.py).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

import polars as pl

from .analysis.cohort import Cohort, Snapshot
from .analysis.compare import Comparison, JobMove, Side, top_lists
from .analysis.model import Engagement, Timeline
from .analysis.network import JoinedDuring
from .analysis.ranking import Counted, merge_counted
from .analysis.report_data import (
    ArchiveFacts,
    DatasetFound,
    EngagementFigures,
    RedactionInfo,
    ReportData,
)
from .analysis.text_signals import HASHTAG
from .analysis.voice import ExamplePost, detect_language
from .export import DatasetReport, Export
from .i18n.catalogue import catalogue
from .i18n.notices import Notice, Terms
from .readers.base import ReadContext
from .readers.network import infer_own_identity

PLACEHOLDER = "[redacted]"
LOCATION = Path("linkedin-export")
HIDDEN = "…"  # what replaces an e-mail, URL, phone number or name inside a kept label

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"(?i)\b(?:https?://|www\.)\S+|\blinkedin\.com/\S*")
_PHONE = re.compile(r"(?<![\w+])\+?\(?\d\)?(?:[ .-]?\(?\d\)?){8,}(?!\w)")  # 9 digits or more
_PATH = re.compile(r"(?:[^\s/\\:]+[/\\])+(?=[^\s/\\]+)")
_COMPANY_CATEGORIES = {"companies", "company", "entreprises", "entreprise", "sociétés",
                       "societes"}

__all__ = ["PLACEHOLDER", "Redacted",
           "Redactor", "detect_language", "redact_comparison",
           "redact_export", "redact_report", "redact_timeline"]



@dataclass(frozen=True)
class Redacted:
    """A redacted `ReportData` and the mapping that made it (`mapping.people`, `.orgs`,
    `.person(name)`)."""

    data: ReportData
    mapping: Redactor


def _sorted(frame: pl.DataFrame, by: list[str]) -> pl.DataFrame:
    present = [c for c in by if c in frame.columns]
    return frame.sort(present, nulls_last=True, maintain_order=True) if present else frame


class Redactor:
    """The pseudonyms of one export (or of several of one member), and the functions that
    apply them.

    Build it once on the real export; `export()` and `timeline(…)` then use the same mapping,
    so "Person 17" in the redacted export is "Person 17" wherever the report shows it. With
    `also` (the other archives of a comparison), people, companies and ids are numbered over
    all of them — `export` first, then what only the others hold — so one person has one
    pseudonym in every archive and `export(other)` redacts any of them with that mapping."""

    def __init__(self, export: Export, *, also: Sequence[Export] = (),
                 companies: bool = False, lang: str = "en") -> None:
        # Pseudonyms in the page's language, from its catalogue's [redaction] table (an
        # unknown language is a ValueError naming the known ones).
        self.words = catalogue(lang)
        self.source = export
        self.sources = (export, *also)
        self.companies = companies
        self.lang = lang
        self.you = self.words.text("redaction.you")
        self.member = next((m for m in map(self._member, self.sources) if m), None)
        self.people: dict[str, str] = {}
        self.orgs: dict[str, str] = {}
        for source in self.sources:
            self._number_people(source)
        self._names = self._names_pattern()
        self._squashed = self._squashed_names()
        if companies:
            for source in self.sources:
                self._number_companies(source)
        self.urn_ids = self._ranks(self.sources, "urn_id", "")
        self.post_urns = self._ranks(self.sources, "post_urn", "post-")
        self.conversations = self._conversations(self.sources)

    # ------------------------------------------------------------------ who is who

    @staticmethod
    def _member(export: Export) -> str | None:
        if export.member_name:
            return export.member_name.strip()
        name, _ = infer_own_identity(export.tables["messages"], ReadContext())
        return name.strip() if isinstance(name, str) and name.strip() else None

    def _parts(self, value: str) -> list[str]:
        """A name cell as the people it names: `To` may list several, comma-separated."""
        value = value.strip()
        if "," in value and value not in self.people and value != self.member:
            return [p.strip() for p in value.split(",") if p.strip()]
        return [value] if value else []

    def _add_person(self, value: object) -> None:
        if not isinstance(value, str):
            return
        for name in self._parts(value):
            if name != self.member and name not in self.people:
                self.people[name] = self.words.text("redaction.person",
                                                    number=len(self.people) + 1)

    def _number_people(self, export: Export) -> None:
        t = export.tables
        order: list[tuple[str, list[str], list[str]]] = [
            ("connections", ["connected_on", "full_name"], ["full_name"]),
            ("invitations", ["sent_at", "from_name", "to_name"], ["from_name", "to_name"]),
            ("messages", ["sent_at", "conversation_id"], ["from_name", "to_names"]),
            ("endorsements_received", ["timestamp", "full_name"], ["full_name"]),
            ("endorsements_given", ["timestamp", "full_name"], ["full_name"]),
            ("recommendations_received", ["timestamp", "full_name"], ["full_name"]),
            ("recommendations_given", ["timestamp", "full_name"], ["full_name"]),
            ("member_follows", ["timestamp", "full_name"], ["full_name"]),
        ]
        for name, by, columns in order:
            frame = t.get(name)
            if frame is None or frame.is_empty():
                continue
            for row in _sorted(frame, by).select(columns).iter_rows():
                for value in row:
                    self._add_person(value)
        registration = t.get("registration")
        if registration is not None and registration.height:
            for first, last in registration.select("invited_by_first_name",
                                                   "invited_by_last_name").iter_rows():
                self._add_person(" ".join(p for p in (first, last) if p) or None)

    def person(self, value: object) -> str | None:
        """The pseudonym of a name cell (several, comma-joined, for a list of names)."""
        if not isinstance(value, str) or not value.strip():
            return None
        value = value.strip()
        if value == self.member:
            return self.you
        if value in self.people:
            return self.people[value]
        parts = self._parts(value)
        if len(parts) > 1:
            return ", ".join(self.person(p) or HIDDEN for p in parts)
        self._add_person(value)  # a name seen nowhere in the numbering order
        return self.people.get(value, HIDDEN)

    def _names_pattern(self) -> re.Pattern[str] | None:
        """Full names of everyone (and the member's first and last names) as words, to find
        them inside labels that are kept: a company named after the member, a position
        "assistant to …"."""
        names = {n for n in self.people if " " in n and len(n) >= 4}
        if self.member:
            names.add(self.member)
            names.update(p for p in re.split(r"[\s\-]+", self.member) if len(p) >= 3)
        if not names:
            return None
        alternatives = "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))
        return re.compile(rf"(?i)(?<!\w)(?:{alternatives})(?!\w)")

    def _member_tokens(self) -> list[str]:
        if not self.member:
            return []
        return [p.casefold() for p in re.split(r"[\s\-]+", self.member) if len(p) >= 4]

    @staticmethod
    def _squash(text: str) -> str:
        """Lower-case letters only: how a name is written inside a hashtag or a domain."""
        return "".join(ch for ch in text.casefold() if ch.isalpha())

    def _squashed_names(self) -> frozenset[str]:
        """Everyone's name as a hashtag or a domain would write it (`janedoe`): full names of
        two words or more, single names of four letters or more (so `#ai` is nobody), and the
        member's own names of four letters or more."""
        squashed = {self._squash(t) for t in self._member_tokens()}
        for name in (*self.people, *([self.member] if self.member else [])):
            words = name.split()
            if len(words) >= 2 or (len(words) == 1 and len(self._squash(name)) >= 4):
                squashed.add(self._squash(name))
        return frozenset(n for n in squashed if len(n) >= 4)

    def _names_someone(self, value: str) -> bool:
        """Whether `value` (a hashtag, a site), squashed, holds someone's squashed name: every
        piece of it is looked up, so the cost is the value's length, not the number of
        people."""
        flat = self._squash(value)
        names = self._squashed
        return any(flat[i:j] in names for i in range(len(flat))
                   for j in range(i + 4, len(flat) + 1))

    def names_in(self, text: str) -> bool:
        return bool(self._names and self._names.search(text))

    def scrub(self, text: object) -> str | None:
        """A warning: paths cut to their last part, then as `label`. A coded notice stays
        one, each of its values scrubbed, so a redacted French page still words it in
        French; never the original notice, whose values would word the real names."""
        if isinstance(text, Notice):
            return Notice(text.code, **{key: self._scrubbed_value(value)
                                        for key, value in text.values.items()})
        if not isinstance(text, str):
            return None
        return self.label(_PATH.sub("", _URL.sub(HIDDEN, _EMAIL.sub(HIDDEN, text))))

    def _scrubbed_value(self, value: object) -> object:
        if isinstance(value, bool | int | float | date | Terms):  # numbers, days, our words
            return value
        if isinstance(value, list | tuple):  # a list stays a list, each item scrubbed
            return type(value)(self._scrubbed_value(item) for item in value)
        return self.scrub(value if isinstance(value, str) else str(value)) or ""

    def label(self, text: object) -> str | None:
        """A kept label (a position, a school): e-mails, URLs and phone numbers hidden,
        names made pseudonyms; anything else as it is."""
        if not isinstance(text, str):
            return None
        text = _EMAIL.sub(HIDDEN, text)
        text = _URL.sub(HIDDEN, text)
        text = _PHONE.sub(HIDDEN, text)
        if self._names is not None:
            text = self._names.sub(
                lambda m: (self.person(m.group(0)) or HIDDEN) if m.group(0) in self.people
                or m.group(0) == self.member else HIDDEN, text)
        return text

    # ------------------------------------------------------------------ companies

    def _add_company(self, value: object) -> None:
        if isinstance(value, str) and value.strip() and value.strip() not in self.orgs:
            self.orgs[value.strip()] = self.words.text("redaction.company",
                                                       number=len(self.orgs) + 1)

    def _number_companies(self, export: Export) -> None:
        t = export.tables
        order = [
            ("connections", ["connected_on", "full_name"], "company"),
            ("positions", ["started_on", "company"], "company"),
            ("recommendations_received", ["timestamp", "full_name"], "company"),
            ("recommendations_given", ["timestamp", "full_name"], "company"),
            ("company_follows", ["timestamp", "organization"], "organization"),
            ("education", ["start_date", "school"], "school"),
        ]
        for name, by, column in order:
            frame = t.get(name)
            if frame is not None and frame.height:
                for (value,) in _sorted(frame, by).select(column).iter_rows():
                    self._add_company(value)

    def company(self, value: object) -> str | None:
        """A company as kept (scrubbed) or as its pseudonym: always a pseudonym when the
        name names someone (a business named after the member)."""
        if not isinstance(value, str) or not value.strip():
            return None
        value = value.strip()
        if self.companies or self.names_in(value):
            self._add_company(value)
            return self.orgs[value]
        return self.label(value)

    def domain(self, value: object) -> str | None:
        """A shared site stays, unless it names the member or anyone known
        (`mayalindqvist.com`, `janedoe.dev`)."""
        if not isinstance(value, str):
            return None
        return HIDDEN if self._names_someone(value) else value

    def hashtag(self, value: object) -> str | None:
        """A hashtag stays, unless it names the member or anyone known (`#thanksjanedoe`)."""
        if not isinstance(value, str):
            return None
        return f"#{HIDDEN}" if self._names_someone(value) else value

    # ------------------------------------------------------------------ ids

    @staticmethod
    def _ranks(exports: Sequence[Export], column: str, prefix: str) -> dict[str, str]:
        """Opaque ids numbered in the order of the real ones (so sorting by them, as the
        report does to break ties, gives the same order), over every archive."""
        values: set[str] = set()
        for export in exports:
            for name in ("shares", "comments", "reactions", "reposts", "votes"):
                frame = export.tables.get(name)
                if frame is not None and column in frame.columns:
                    values.update(frame[column].drop_nulls().to_list())
        width = max(len(str(len(values))), 1)
        return {v: f"{prefix}{i + 1:0{width}d}" for i, v in enumerate(sorted(values))}

    @staticmethod
    def _conversations(exports: Sequence[Export]) -> dict[str, str]:
        messages = pl.concat([e.tables["messages"].select("conversation_id", "sent_at")
                              for e in exports])
        if messages.is_empty():
            return {}
        first = (messages.filter(pl.col("conversation_id").is_not_null())
                 .group_by("conversation_id").agg(pl.col("sent_at").min())
                 .sort(["sent_at", "conversation_id"], nulls_last=True))
        return {c: f"conversation-{i + 1}" for i, c in enumerate(first["conversation_id"])}

    # ------------------------------------------------------------------ frames

    @staticmethod
    def mapped(frame: pl.DataFrame, column: str, fn: Callable[[object], str | None]
               ) -> pl.Expr:
        """`column` through `fn`, computed once per distinct value (anything unmapped is
        null, never the original)."""
        uniques = frame[column].drop_nulls().unique().to_list()
        mapping = {value: fn(value) for value in uniques}
        return pl.col(column).replace_strict(mapping, default=None, return_dtype=pl.String)

    @staticmethod
    def _null(*columns: str) -> list[pl.Expr]:
        return [pl.lit(None, dtype=pl.String).alias(c) for c in columns]

    def _placeholder(self, frame: pl.DataFrame, column: str) -> pl.Expr:
        """The neutral text that replaces a post, comment or article: only its hashtags,
        each through `hashtag` (one naming someone becomes `#…`)."""
        tags = pl.col(column).fill_null("").str.extract_all(HASHTAG)
        found = frame.select(tags.explode().drop_nulls().unique()).to_series().to_list()
        return self._text_of(pl.col(column), tags, {tag: self.hashtag(tag) for tag in found})

    @staticmethod
    def _text_of(text: pl.Expr, tags: pl.Expr, mapping: dict[str, str | None]) -> pl.Expr:
        """PLACEHOLDER then the mapped `tags` (null where `text` is null)."""
        joined = tags.list.eval(pl.element().replace_strict(
            mapping, default=f"#{HIDDEN}", return_dtype=pl.String)).list.join(" ")
        return (pl.when(text.is_null()).then(None)
                .when(joined.fill_null("") == "").then(pl.lit(PLACEHOLDER))
                .otherwise(pl.lit(PLACEHOLDER + " ") + joined).alias(text.meta.output_name()))

    def _people_columns(self, frame: pl.DataFrame, *columns: str) -> list[pl.Expr]:
        return [self.mapped(frame, c, self.person).alias(c) for c in columns]

    def _with_names(self, frame: pl.DataFrame) -> pl.DataFrame:
        """first/last/full name → the pseudonym in `first_name` and `full_name`."""
        pseudonym = self.mapped(frame, "full_name", self.person)
        return frame.with_columns(pseudonym.alias("first_name"),
                                  pl.lit(None, dtype=pl.String).alias("last_name"),
                                  pseudonym.alias("full_name"))

    def _urns(self, frame: pl.DataFrame, *links: str) -> pl.DataFrame:
        return frame.with_columns(
            pl.col("urn_id").replace_strict(self.urn_ids, default=None,
                                            return_dtype=pl.String),
            pl.col("post_urn").replace_strict(self.post_urns, default=None,
                                              return_dtype=pl.String),
            *self._null(*links))

    def frames(self, source: Export | None = None) -> dict[str, pl.DataFrame]:
        """The frames of `source` (one of the archives the mapping was built on; by default
        the first) naming nobody."""
        t = (source or self.source).tables
        out = dict(t)
        connections = t["connections"]
        out["connections"] = self._with_names(connections).with_columns(
            *self._null("url", "email"),
            self.mapped(connections, "company", self.company).alias("company"),
            self.mapped(connections, "position", self.label).alias("position"))
        invitations = t["invitations"]
        out["invitations"] = invitations.with_columns(
            *self._people_columns(invitations, "from_name", "to_name"),
            *self._null("message", "inviter_url", "invitee_url"))
        messages = t["messages"]
        out["messages"] = messages.with_columns(
            pl.col("conversation_id").replace_strict(self.conversations, default=None,
                                                     return_dtype=pl.String),
            *self._people_columns(messages, "from_name", "to_names"),
            *self._null("conversation_title", "sender_url", "recipient_urls", "subject",
                        "content", "attachments"))
        shares = t["shares"]
        site = self.mapped(shares, "shared_domain", self.domain)
        out["shares"] = self._urns(shares, "share_link", "media_url").with_columns(
            self._placeholder(shares, "commentary"),
            # Kept non-null (a link share stays a link share), but only its site is left.
            pl.when(pl.col("shared_url").is_null()).then(None)
            .otherwise(pl.lit("https://") + site.fill_null(HIDDEN) + pl.lit("/"))
            .alias("shared_url"),
            site.alias("shared_domain"),
            *self._null("title", "description"))
        out["comments"] = self._urns(t["comments"], "link").with_columns(
            self._placeholder(t["comments"], "message"))
        out["reactions"] = self._urns(t["reactions"], "link")
        out["reposts"] = self._urns(t["reposts"], "link")
        out["votes"] = self._urns(t["votes"], "link").with_columns(*self._null("option"))
        out["articles"] = t["articles"].with_columns(
            self._placeholder(t["articles"], "body"), *self._null("file", "title", "url", "slug"))
        out["profile"] = t["profile"].with_columns(*self._null(
            "first_name", "last_name", "full_name", "maiden_name", "birth_date", "headline",
            "summary", "location", "websites", "twitter"))
        registration = t["registration"]
        inviter = pl.concat_str([pl.col("invited_by_first_name").fill_null(""),
                                 pl.col("invited_by_last_name").fill_null("")], separator=" ")
        invited_by = [self.person(v) for v in registration.select(inviter.str.strip_chars())
                      .to_series().to_list()]
        out["registration"] = registration.with_columns(
            pl.Series("invited_by_first_name", invited_by, dtype=pl.String),
            pl.lit(None, dtype=pl.String).alias("invited_by_last_name"))
        positions = t["positions"]
        out["positions"] = positions.with_columns(
            self.mapped(positions, "company", self.company).alias("company"),
            self.mapped(positions, "title", self.label).alias("title"),
            *self._null("description", "location"))
        education = t["education"]
        out["education"] = education.with_columns(
            self.mapped(education, "school", self.company if self.companies else self.label)
            .alias("school"),
            *self._null("notes", "activities"))
        for name in ("endorsements_received", "endorsements_given"):
            out[name] = self._with_names(t[name]).with_columns(*self._null("url"))
        for name in ("recommendations_received", "recommendations_given"):
            frame = t[name]
            out[name] = self._with_names(frame).with_columns(
                self.mapped(frame, "company", self.company).alias("company"),
                self.mapped(frame, "job_title", self.label).alias("job_title"),
                *self._null("text"))
        follows = t["company_follows"]
        out["company_follows"] = follows.with_columns(
            self.mapped(follows, "organization", self.company).alias("organization"))
        out["member_follows"] = t["member_follows"].with_columns(
            *self._people_columns(t["member_follows"], "full_name"))
        out["rich_media"] = t["rich_media"].with_columns(*self._null("description", "link"))
        out["events"] = t["events"].with_columns(*self._null("name", "url"))
        out["saved_items"] = t["saved_items"].with_columns(*self._null("item"))
        out["learning"] = t["learning"].with_columns(*self._null("notes"))
        return out

    @staticmethod
    def _file(dataset: str, file: str) -> str:
        """A dataset's file as shown: its name only (the folders may name the member)."""
        if dataset == "articles":  # its label names folders: keep only the count
            count = file.values.get("count") if isinstance(file, Notice) else None
            return (Notice("export_files_in", folders="Articles/", count=count)
                    if count is not None else "Articles/")
        return PurePosixPath(file.replace("\\", "/")).name

    def _report(self, report: DatasetReport) -> DatasetReport:
        return dataclasses.replace(
            report, file=self._file(report.name, report.file),
            warnings=[self.scrub(w) or "" for w in report.warnings],
            repairs=dict(report.repairs), dropped=dict(report.dropped))

    def export(self, source: Export | None = None) -> Export:
        """The redacted export (see the module's docstring): `source` (one of the archives
        the mapping was built on; by default the first)."""
        source = source or self.source
        if not any(source is known for known in self.sources):
            raise ValueError("the export to redact is not one this mapping was built on")
        frames = self.frames(source)
        return Export(
            location=LOCATION,
            source_kind=source.source_kind,
            tables=frames,
            reports={name: self._report(r) for name, r in source.reports.items()},
            missing=list(source.missing),
            recognised_files=[PurePosixPath(f).name for f in source.recognised_files],
            unknown_files=[self.scrub(PurePosixPath(f).name) or "" for f in
                           source.unknown_files],
            warnings=[self.scrub(w) or "" for w in source.warnings],
            archive=source.archive,
        )

    def redaction(self) -> RedactionInfo:
        return RedactionInfo(lang=self.lang, companies=self.companies,
                             people=len(self.people), organisations=len(self.orgs))

    # ------------------------------------------------------------------ timeline

    def posts(self, posts: pl.DataFrame) -> pl.DataFrame:
        """The timeline's posts: text and link gone, ids opaque; the same columns."""
        if posts.is_empty():
            return posts
        redacted = self._urns(posts, "link").with_columns(
            self._placeholder(posts, "text"),
            self.mapped(posts, "shared_domain", self.domain).alias("shared_domain"),
        )
        if "hashtags" in redacted.columns:
            tags = redacted["hashtags"].explode().drop_nulls().unique().to_list()
            mapping = {tag: self.hashtag(tag) for tag in tags}
            redacted = redacted.with_columns(
                pl.col("hashtags").list.eval(pl.element().replace(mapping)))
            # the text's hashtags are the mapped ones too (never the raw text's)
            redacted = redacted.with_columns(
                self._text_of(pl.col("text"), pl.col("hashtags"), mapping))
        return redacted

    def engagement(self, engagement: Engagement | None) -> Engagement | None:
        if engagement is None:
            return None
        summary = dataclasses.replace(
            engagement.summary,
            files=tuple(f"analytics-{i + 1}.xlsx" for i in range(len(engagement.summary.files))),
            warnings=tuple(self.scrub(w) or "" for w in engagement.summary.warnings))
        demographics = engagement.demographics
        if demographics.height:
            categories = demographics["category"].to_list()
            values = [
                (self.company(v) if self.companies and isinstance(c, str)
                 and c.strip().casefold() in _COMPANY_CATEGORIES else self.label(v))
                for c, v in zip(categories, demographics["value"].to_list(), strict=True)]
            demographics = demographics.with_columns(pl.Series("value", values,
                                                               dtype=pl.String))
            if "share_text" in demographics.columns:
                demographics = demographics.with_columns(
                    self.mapped(demographics, "share_text", self.label).alias("share_text"))
        return dataclasses.replace(engagement, summary=summary, demographics=demographics)

    def timeline(self, timeline: Timeline) -> Timeline:
        """`timeline` (computed on the real export) for a redacted report: the same months,
        stages, reasons and numbers; posts without text or link."""
        return dataclasses.replace(timeline, posts=self.posts(timeline.posts),
                                   engagement=self.engagement(timeline.engagement))

    # ------------------------------------------------------------------ report data

    def _counted(self, items: tuple[Counted, ...], fn: Callable[[object], str | None]
                 ) -> tuple[Counted, ...]:
        """Counted values rewritten by `fn` (two that become one are added up)."""
        return merge_counted(tuple(Counted(fn(item.value) or HIDDEN, item.count)
                                   for item in items))

    def _joined(self, group: JoinedDuring) -> JoinedDuring:
        return dataclasses.replace(
            group, companies=self._counted(group.companies, self.company),
            positions=self._counted(group.positions, self.label),
            first_people=tuple(self.person(n) or HIDDEN for n in group.first_people))

    def _example(self, post: ExamplePost) -> ExamplePost:
        return dataclasses.replace(
            # The placeholder, as in the redacted posts: a post with text still has some.
            post, text=None if post.text is None else PLACEHOLDER, link=None,
            shared_domain=self.domain(post.shared_domain),
            hashtags=tuple(self.hashtag(tag) or f"#{HIDDEN}" for tag in post.hashtags))

    def _archive(self, archive: ArchiveFacts) -> ArchiveFacts:
        def dataset(found: DatasetFound) -> DatasetFound:
            return dataclasses.replace(found, file=self._file(found.name, found.file))

        return dataclasses.replace(
            archive, member_name=None, location_name=None,
            datasets=tuple(dataset(d) for d in archive.datasets),
            warnings=tuple(self.scrub(w) or "" for w in archive.warnings))

    def _figures(self, figures: EngagementFigures | None) -> EngagementFigures | None:
        if figures is None:
            return None
        audience = tuple(dataclasses.replace(item, value=(
            self.company(item.value) if self.companies
            and item.category.strip().casefold() in _COMPANY_CATEGORIES
            else self.label(item.value)) or HIDDEN) for item in figures.audience)
        return dataclasses.replace(
            figures, files=tuple(f"analytics-{i + 1}.xlsx" for i in range(len(figures.files))),
            audience=audience)

    def report_data(self, data: ReportData) -> ReportData:
        """`data` (the analysis of the real export) naming nobody (see the module's
        docstring), its `redaction` saying how."""
        voice = dataclasses.replace(data.voice, stages=tuple(
            dataclasses.replace(stage, hashtags=self._counted(stage.hashtags, self.hashtag),
                                examples=tuple(self._example(p) for p in stage.examples))
            for stage in data.voice.stages))
        redacted = dataclasses.replace(
            data, timeline=self.timeline(data.timeline), archive=self._archive(data.archive),
            joined=tuple(self._joined(g) for g in data.joined), voice=voice,
            engagement=self._figures(data.engagement))
        # Last: the mapping may have grown on the way (a company named after someone).
        return dataclasses.replace(redacted, redaction=self.redaction())


def redact_export(export: Export, *, companies: bool = False, lang: str = "en") -> Export:
    """A new Export naming nobody: people as "Person N" (French "Personne N"), no profile
    URL, e-mail, conversation id, message text or post link; companies pseudonymised too
    with `companies`. Deterministic: the same export gives the same pseudonyms."""
    return Redactor(export, companies=companies, lang=lang).export()


def redact_timeline(timeline: Timeline, export: Export, *, companies: bool = False,
                    lang: str = "en") -> Timeline:
    """`timeline` (built on the real `export`) with its posts' texts and links removed,
    ids made opaque as in `redact_export(export, …)`."""
    return Redactor(export, companies=companies, lang=lang).timeline(timeline)


def redact_report(data: ReportData, export: Export, *, companies: bool = False,
                  lang: str = "en") -> Redacted:
    """The report's analysis `data` (computed on the real `export`) naming nobody, and the
    mapping used: what `analyze --redact` gives the view."""
    redactor = Redactor(export, companies=companies, lang=lang)
    return Redacted(redactor.report_data(data), redactor)


def redact_comparison(comparison: Comparison, *, companies: bool = False,
                      lang: str = "en") -> Comparison:
    """A comparison (computed on the real archives: people are matched by their real names
    and URLs) that names nobody, with one mapping built over both archives (the newer's
    numbering first, then whoever only the older holds), so a person present in both has one
    pseudonym on both sides and the older archive's ids stay consistent: job moves without
    URLs, gained and lost connections and their ranked lists redacted, deleted posts without
    text or link, archive paths and member name hidden, each side's export and timeline
    redacted with that mapping; `redaction` says how (the page words what is hidden)."""
    redactor = Redactor(comparison.new.export, also=(comparison.old.export,),
                        companies=companies, lang=lang)

    def side(s: Side) -> Side:
        return dataclasses.replace(
            s, export=redactor.export(s.export), timeline=redactor.timeline(s.timeline),
            name=None, facts=dataclasses.replace(s.facts, location=None))

    def people(frame: pl.DataFrame) -> pl.DataFrame:
        return frame.with_columns(
            redactor.mapped(frame, "full_name", redactor.person).alias("full_name"),
            redactor.mapped(frame, "company", redactor.company).alias("company"),
            redactor.mapped(frame, "position", redactor.label).alias("position"),
            *[pl.lit(None, dtype=pl.String).alias(c)
              for c in ("first_name", "last_name", "url", "email", "key") if c in frame.columns],
        )

    moves = tuple(
        JobMove(redactor.person(m.name) or HIDDEN, None,
                (redactor.company(m.before[0]), redactor.label(m.before[1])),
                (redactor.company(m.after[0]), redactor.label(m.after[1])))
        for m in comparison.job_moves)
    # The placeholder stays in the data (the JSON says "[redacted]"); the page words it.
    deleted = comparison.deleted_posts.with_columns(
        pl.lit(PLACEHOLDER).alias("text"), pl.lit(None, dtype=pl.String).alias("link"))
    old, new = side(comparison.old), side(comparison.new)
    gained, lost = people(comparison.gained), people(comparison.lost)
    gained_companies, gained_positions, lost_companies = top_lists(gained, lost)  # as shown
    redacted = dataclasses.replace(
        comparison, old=old, new=new,
        warnings=tuple(redactor.scrub(w) or "" for w in comparison.warnings),
        gained=gained, lost=lost, gained_companies=gained_companies,
        gained_positions=gained_positions, lost_companies=lost_companies,
        job_moves=tuple(sorted(moves, key=lambda m: m.name)), deleted_posts=deleted)
    # Last: the mapping may have grown on the way (a company named after someone).
    return dataclasses.replace(redacted, redaction=redactor.redaction())


def redact_cohort(cohort: Cohort, *, lang: str = "en") -> Cohort:
    """The cohort naming nobody: each member becomes "Person 1", "Person 2"… in the page's
    order (its stage order), each export's name "Person 1" too (a folder or a zip is often
    named after its owner), the member key a number (a hash of a name can be looked up).
    Stages, months, metrics and the plans' steps are kept; so are the unreadable exports'
    reasons, with their labels numbered."""
    words = catalogue(lang)["redaction"]
    members = []
    for number, member in enumerate(cohort.members, 1):
        alias = words["person"].format(number=number)
        snapshots = tuple(Snapshot(f"{alias} ({n})" if len(member.snapshots) > 1 else alias,
                                   None, s.last_month, s.stage)
                          for n, s in enumerate(member.snapshots, 1))
        members.append(dataclasses.replace(member, key=f"m{number:04d}", name=alias, label=alias,
                               snapshots=snapshots))
    unreadable = tuple(
        dataclasses.replace(u, label=words["person"].format(number=len(members) + n),
                reason=_scrub_reason(u.reason, u.label))
        for n, u in enumerate(cohort.unreadable, 1))
    return dataclasses.replace(cohort, members=tuple(members), unreadable=unreadable, redacted=True)


def _scrub_reason(reason: str, label: str) -> str:
    """An unreadable export's reason without its path or name (they may name its owner);
    a coded notice with no values says neither, and stays worded in the page's language."""
    if isinstance(reason, Notice) and not reason.values:
        return reason
    text = str(reason)
    for part in sorted({label, *label.split("/")}, key=len, reverse=True):
        if part:
            text = text.replace(part, "…")
    return re.sub(r"(/[^\s:;,()]+)+", "…", text)
