"""Two exports of one member, taken at different dates: what changed between them.

Which is older is read from the archives themselves (their latest activity), so the order of
the arguments does not matter. People are matched by profile URL when both archives have the
URL column, else by name and connection date (archives before 2024 have no URL column); ghost
rows (a date and nothing else) cannot be matched and are counted apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Literal

import polars as pl

from ..export import ArchiveKind, Export
from ..i18n.notices import Notice, Terms
from .metrics import POST_KINDS
from .model import STAGES, Stage, Timeline
from .pipeline import analyze
from .ranking import Counted, top_values

if TYPE_CHECKING:
    from ..analytics import Analytics
    from .report_data import RedactionInfo

SCHEMA = "linkedin-stages.compare/1"
TOP_SHOWN = 8  # companies and positions listed for the connections gained and lost
MatchedBy = Literal["url", "name and date"]  # how people were matched (the JSON's strings)
Disagreement = tuple[str, Stage | None, Stage | None]  # month, old stage, new stage
RATE_METRICS = ("original_posts", "curated_shares", "reposts", "articles", "comments",
                "reactions", "connections_added", "invitations_in", "messages_sent")


@dataclass(frozen=True)
class SideFacts:
    """What the page and the JSON say of one archive, so that neither reads its `Export`."""

    location: str | None  # the export's path as given (None: hidden, a redacted comparison)
    archive: ArchiveKind
    missing: tuple[str, ...]  # the datasets the archive lacks
    connections: int  # rows of Connections.csv, ghosts included


@dataclass(frozen=True)
class Side:
    export: Export  # the analysis' source, for redaction's mapping; views read `facts`
    timeline: Timeline
    exported: date  # the latest dated record: the archive was made after it
    registered: date | None
    name: str | None
    facts: SideFacts


@dataclass(frozen=True)
class JobMove:
    name: str
    url: str | None
    before: tuple[str | None, str | None]  # company, position
    after: tuple[str | None, str | None]


@dataclass(frozen=True)
class Comparison:
    old: Side
    new: Side
    swapped: bool  # the arguments were given newest first
    warnings: tuple[str, ...]  # i18n Notices: English text, worded per page by `word`
    matched_by: MatchedBy
    gained: pl.DataFrame  # connections in the newer archive only
    lost: pl.DataFrame  # connections in the older archive only
    # the most frequent companies and positions among them (`top_lists`): one ranking for
    # the page and the JSON
    gained_companies: tuple[Counted, ...]
    gained_positions: tuple[Counted, ...]
    lost_companies: tuple[Counted, ...]
    job_moves: tuple[JobMove, ...]
    ghosts_old: int
    ghosts_new: int
    # Activity the newer archive adds after the older's date; None where it cannot show it.
    between: dict[str, int | None]
    # Records LinkedIn no longer keeps (retention), not deletions; None where the dataset
    # is not present and readable in both archives (nothing can be said).
    dropped: dict[str, int | None]
    deleted_posts: pl.DataFrame  # posts and articles present before and gone now
    overlap_months: int
    overlap_agree: int
    disagreements: tuple[Disagreement, ...]  # months the two timelines judge differently
    # metric → (then, now) per month over the last quarter; None where the archive lacks it
    rates: dict[str, tuple[float | None, float | None]]
    notes: tuple[str, ...] = field(default=())
    # Datasets that are not present and readable in both archives: no loss or deletion is
    # claimed for them (a newer basic archive has no posts; that deletes nothing).
    not_compared: tuple[str, ...] = field(default=())
    redaction: RedactionInfo | None = None  # set by redaction only (`redact_comparison`)


def _latest(export: Export) -> date | None:
    stamps: list[datetime | date] = []
    for name, report in export.reports.items():
        if report.last is not None and name not in ("positions", "education"):
            stamps.append(report.last)
    return max(stamps) if stamps else None


def _side(export: Export, analytics: Analytics | None = None) -> Side:
    exported = _latest(export)
    if exported is None:
        from ..errors import ExportError

        raise ExportError(f"{export.location}: no dated record, so it cannot be placed in time")
    registered = export.registered_at
    facts = SideFacts(str(export.location), export.archive, tuple(export.missing),
                      export.connections.height)
    return Side(export, analyze(export, analytics=analytics), exported,
                registered.date() if registered else None, export.member_name, facts)


Ranked = tuple[Counted, ...]


def top_lists(gained: pl.DataFrame, lost: pl.DataFrame) -> tuple[Ranked, Ranked, Ranked]:
    """A `Comparison`'s ranked lists (gained companies, gained positions, lost companies)
    from its gained and lost connections: `ranking.top_values`, the report's own ranking
    (trimmed, most frequent first, ties alphabetically)."""
    return (top_values(gained["company"], TOP_SHOWN), top_values(gained["position"], TOP_SHOWN),
            top_values(lost["company"], TOP_SHOWN))


def _keys(frame: pl.DataFrame, by_url: bool) -> pl.DataFrame:
    """A matching key per person. Two people with one name who connected the same day get
    the same key; they are told apart by their order in the file (LinkedIn lists newest
    first, the same way in every export), so duplicates match one to one."""
    people = frame.filter(~pl.col("ghost"))
    if by_url:
        key = pl.col("url").str.strip_chars_end("/").str.to_lowercase()
    else:
        key = pl.concat_str([pl.col("full_name").str.to_lowercase(),
                             pl.col("connected_on").dt.date().cast(pl.String)], separator="|")
    keyed = people.with_columns(key.alias("key")).filter(pl.col("key").is_not_null())
    return keyed.with_columns(
        pl.concat_str([pl.col("key"), pl.int_range(pl.len()).over("key").cast(pl.String)],
                      separator="#").alias("key"))


def _norm(value: str | None) -> str:
    return " ".join((value or "").split()).casefold()


def compare_exports(first: Export, second: Export, *,
                    analytics: Analytics | None = None) -> Comparison:
    """Compare two exports of one member, whichever order they come in. `analytics`
    (LinkedIn's workbooks) adds engagement to both timelines where their months overlap."""
    a, b = _side(first, analytics), _side(second, analytics)
    swapped = b.exported < a.exported
    old, new = (b, a) if swapped else (a, b)
    # Notices: English strings with a code, worded in each page's language
    warnings: list[Notice] = []
    if old.name and new.name and _norm(old.name) != _norm(new.name):
        warnings.append(Notice("compare_different_names", old=old.name, new=new.name))
    if old.registered and new.registered and old.registered != new.registered:
        warnings.append(Notice("compare_different_registrations", old=old.registered,
                               new=new.registered))
    if old.exported == new.exported:
        warnings.append(Notice("compare_same_day"))

    oc, nc = old.export.connections, new.export.connections
    by_url = bool(oc["url"].drop_nulls().len()) and bool(nc["url"].drop_nulls().len())
    ok, nk = _keys(oc, by_url), _keys(nc, by_url)
    gained = nk.join(ok.select("key"), on="key", how="anti")
    lost = ok.join(nk.select("key"), on="key", how="anti")
    both = ok.join(nk, on="key", how="inner", suffix="_new")
    moves = []
    for row in both.iter_rows(named=True):
        before = (row["company"], row["position"])
        after = (row["company_new"], row["position_new"])
        if (_norm(before[0]), _norm(before[1])) != (_norm(after[0]), _norm(after[1])):
            moves.append(JobMove(row["full_name"] or "", row.get("url_new") or row.get("url"),
                                 before, after))
    moves.sort(key=lambda m: (_norm(m.name), m.url or ""))

    cutoff = datetime.combine(old.exported, datetime.max.time())
    between = _activity_between(new, cutoff, gained)
    dropped, deleted, not_compared = _dropped(old, new, cutoff)
    if not_compared:
        warnings.append(Notice("compare_not_compared",
                               datasets=Terms("datasets", tuple(not_compared))))
    agree, disagreements, overlap = _overlap(old.timeline, new.timeline)
    rates = {m: (_rate(old, m), _rate(new, m)) for m in RATE_METRICS}
    gained, lost = gained.sort(["connected_on", "key"]), lost.sort(["connected_on", "key"])
    gained_companies, gained_positions, lost_companies = top_lists(gained, lost)
    return Comparison(
        old=old, new=new, swapped=swapped, warnings=tuple(warnings),
        matched_by="url" if by_url else "name and date", gained=gained, lost=lost,
        gained_companies=gained_companies, gained_positions=gained_positions,
        lost_companies=lost_companies,
        job_moves=tuple(moves),
        ghosts_old=int(oc["ghost"].sum()), ghosts_new=int(nc["ghost"].sum()),
        between=between, dropped=dropped, deleted_posts=deleted,
        overlap_months=overlap, overlap_agree=agree, disagreements=tuple(disagreements),
        rates=rates, not_compared=not_compared,
    )


def _activity_between(new: Side, cutoff: datetime, gained: pl.DataFrame
                      ) -> dict[str, int | None]:
    e, posts = new.export, new.timeline.posts
    after = pl.col("timestamp") > cutoff
    kinds = posts.filter(after).group_by("kind").len()
    counts = {f"posts_{k}": int(n) for k, n in kinds.iter_rows()}
    for kind in POST_KINDS:
        counts.setdefault(f"posts_{kind}", 0)
    counts.update({
        "comments": e.comments.filter(after).height,
        "reactions": e.reactions.filter(after).height,
        "reposts": e.reposts.filter(after).height,
        "media_uploads": e.rich_media.filter(after).height,
        "messages_sent": e.messages.filter((pl.col("sent_at") > cutoff)
                                           & (pl.col("direction") == "sent")).height,
        "messages_received": e.messages.filter((pl.col("sent_at") > cutoff)
                                               & (pl.col("direction") == "received")).height,
        "invitations_in": e.invitations.filter((pl.col("sent_at") > cutoff)
                                               & (pl.col("direction") == "incoming")).height,
        "invitations_out": e.invitations.filter((pl.col("sent_at") > cutoff)
                                                & (pl.col("direction") == "outgoing")).height,
        "connections_gained": gained.height,
        "connections_gained_after": gained.filter(pl.col("connected_on") > cutoff).height,
    })
    # What the newer archive cannot show is unknown, not zero (a basic archive has no posts).
    readable = {n for n, r in e.reports.items() if r.readable}
    needs = {"comments": "comments", "reactions": "reactions", "reposts": "reposts",
             "media_uploads": "rich_media", "messages_sent": "messages",
             "messages_received": "messages", "invitations_in": "invitations",
             "invitations_out": "invitations"}
    result: dict[str, int | None] = dict(counts)
    for key in counts:
        source = "shares" if key.startswith("posts_") and key != "posts_article" else (
            "articles" if key == "posts_article" else needs.get(key))
        if source is not None and source not in readable:
            result[key] = None
    return dict(sorted(result.items()))


# Datasets whose missing records are claimed as the member's deletions: their files must be
# clean in both archives (no warning: an empty, damaged or partly unreadable file proves
# nothing was deleted).
_DELETIONS = frozenset({"shares", "articles"})


def _comparable(old: Export, new: Export, name: str) -> bool:
    """Whether a dataset's file is present and readable in both archives (and, for posts and
    articles, read without any warning)."""
    return all(name in e.reports and e.reports[name].readable
               and not (name in _DELETIONS and e.reports[name].warnings) for e in (old, new))


def _dropped(old: Side, new: Side, cutoff: datetime
             ) -> tuple[dict[str, int | None], pl.DataFrame, tuple[str, ...]]:
    """Records of the older archive missing from the newer one. Invitations and messages
    missing from before the newer archive's earliest kept record are LinkedIn's retention;
    missing posts and articles are the member's own deletions. Only datasets present and
    readable in both archives are compared (the third value lists the others that the older
    archive has)."""
    o, n = old.export, new.export
    dropped: dict[str, int | None] = {}
    skipped = [name for name in ("invitations", "messages", "comments", "reactions",
                                 "saved_items", "shares", "articles")
               if any(name in e.reports for e in (o, n)) and not _comparable(o, n, name)]
    if _comparable(o, n, "invitations"):
        kept_from = n.invitations["sent_at"].min()
        key = ["sent_at", "direction", "from_name", "to_name"]
        missing_inv = o.invitations.join(n.invitations.select(key), on=key, how="anti")
        dropped["invitations"] = missing_inv.height
        dropped["invitations_before_retention"] = (
            missing_inv.filter(pl.col("sent_at") < kept_from).height if kept_from is not None
            else missing_inv.height)
    else:
        dropped["invitations"] = dropped["invitations_before_retention"] = None
    if _comparable(o, n, "messages"):
        mkey = ["sent_at", "from_name", "content"]
        dropped["messages"] = o.messages.filter(~pl.col("draft")).join(
            n.messages.select(mkey), on=mkey, how="anti", nulls_equal=True).height
    else:
        dropped["messages"] = None
    for name, keys in (("comments", ["timestamp", "link"]), ("reactions", ["timestamp", "link"]),
                       ("saved_items", ["timestamp", "item"])):
        dropped[name] = (o.tables[name].join(n.tables[name].select(keys), on=keys, how="anti")
                         .height if _comparable(o, n, name) else None)
    gone_posts = (o.shares.join(n.shares.select("post_urn"), on="post_urn", how="anti")
                  if _comparable(o, n, "shares") else o.shares.clear())
    gone_articles = (o.articles.filter(~pl.col("draft")).join(
        n.articles.select("title", "created"), on=["title", "created"], how="anti")
        if _comparable(o, n, "articles") else o.articles.clear())
    deleted = pl.concat([
        gone_posts.select(pl.col("timestamp"), pl.lit("post").alias("kind"),
                          pl.col("commentary").str.split("\n").list.first().alias("text"),
                          pl.col("share_link").alias("link")),
        gone_articles.select(pl.col("published").alias("timestamp"),
                             pl.lit("article").alias("kind"), pl.col("title").alias("text"),
                             pl.col("url").alias("link")),
    ], how="vertical_relaxed").sort("timestamp", nulls_last=True)
    return dropped, deleted, tuple(skipped)


def _overlap(old: Timeline, new: Timeline) -> tuple[int, list[Disagreement], int]:
    """Months both timelines judge — except the older's last month, whose window had no
    'after' yet — and whether they agree."""
    newer = {m.month: m.stage for m in new.months}
    agree, overlap = 0, 0
    differ: list[Disagreement] = []
    for month in old.months[:-1]:
        # A month one archive cannot judge (a basic archive: no posts) is not compared.
        if month.month in newer and month.stage is not None and newer[month.month] is not None:
            overlap += 1
            if newer[month.month] == month.stage:
                agree += 1
            else:
                differ.append((month.month, month.stage, newer[month.month]))
    return agree, differ, overlap


# The file each rate needs: without it, an archive's rate is unknown, not zero.
_RATE_SOURCES = {"original_posts": "shares", "curated_shares": "shares", "reposts": "shares",
                 "articles": "articles", "comments": "comments", "reactions": "reactions",
                 "connections_added": "connections", "invitations_in": "invitations",
                 "messages_sent": "messages"}


def _rate(side: Side, metric: str) -> float | None:
    report = side.export.reports.get(_RATE_SOURCES.get(metric, ""))
    if metric in _RATE_SOURCES and (report is None or not report.readable):
        return None
    recent = side.timeline.monthly.tail(3)
    return round(float(recent[metric].sum()) / max(recent.height, 1), 1)


def _top(items: tuple[Counted, ...]) -> list[dict[str, object]]:
    return [{"name": item.value, "count": item.count} for item in items]


def to_json(comparison: Comparison) -> dict[str, object]:
    """The `compare --format json` document (schema linkedin-stages.compare/1)."""
    c = comparison

    def side(s: Side, label: str) -> dict[str, object]:
        location = s.facts.location if s.facts.location is not None else (
            f"linkedin-export ({label})")  # redacted: the JSON is in English
        return {"export": location, "exported": s.exported.isoformat(),
                "member": s.name, "registered": s.registered.isoformat() if s.registered
                else None, "archive": s.facts.archive, "stage": s.timeline.current_stage,
                "since": s.timeline.current_since}

    then, now = c.old.timeline.current_stage, c.new.timeline.current_stage
    direction = None
    if then in STAGES and now in STAGES:
        direction = ("up" if STAGES.index(now) > STAGES.index(then)
                     else "down" if STAGES.index(now) < STAGES.index(then) else "same")
    return {
        "schema": SCHEMA,
        "swapped": c.swapped,
        "warnings": list(c.warnings),
        "old": side(c.old, "older"),
        "new": side(c.new, "newer"),
        "connections": {
            "gained": c.gained.height, "lost": c.lost.height, "job_changes": len(c.job_moves),
            "unmatched": c.ghosts_new, "unmatched_old": c.ghosts_old, "matched_by": c.matched_by,
            "total_old": c.old.facts.connections,
            "total_new": c.new.facts.connections,
            "gained_top_companies": _top(c.gained_companies),
            "gained_top_positions": _top(c.gained_positions),
            "lost_top_companies": _top(c.lost_companies),
            "job_moves": [{"name": m.name, "url": m.url,
                           "from": {"company": m.before[0], "position": m.before[1]},
                           "to": {"company": m.after[0], "position": m.after[1]}}
                          for m in c.job_moves],
        },
        "activity_between": {"from": c.old.exported.isoformat(), "to": c.new.exported.isoformat(),
                             **c.between},
        "dropped_by_linkedin": {
            "invitations": c.dropped["invitations"],
            "invitations_before_retention": c.dropped["invitations_before_retention"],
            "messages": c.dropped["messages"],
            "note": "LinkedIn keeps invitations for a few months and some conversations only "
                    "for a while: these are retention, not deletions",
        },
        "missing_from_newer": {k: c.dropped[k] for k in ("comments", "reactions", "saved_items")},
        "not_compared": list(c.not_compared),
        "deleted_posts": [
            {"date": r["timestamp"].date().isoformat() if r["timestamp"] else None,
             "kind": r["kind"], "text": r["text"], "link": r["link"]}
            for r in c.deleted_posts.iter_rows(named=True)],
        "stage_change": {
            "then": then, "now": now, "direction": direction,
            "overlap_months": c.overlap_months, "agreeing_months": c.overlap_agree,
            "disagreements": [{"month": m, "old": a, "new": b} for m, a, b in c.disagreements],
            "metrics": {m: {"then": t, "now": n,
                            "change": None if t is None or n is None else round(n - t, 1)}
                        for m, (t, n) in c.rates.items()},
        },
    }
