"""The HTML comparison of two exports: a view model (frozen dataclasses, all text worded in
the page's language from the catalogue's `[compare]` table, warnings included) from
`analysis.compare.Comparison`, rendered by templates/compare.html.j2 with the report's look
and guarantees (escaped, offline, deterministic, atomic)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from .. import __version__
from ..analysis import describe
from ..analysis.compare import Comparison
from ..analysis.model import STAGES
from ..i18n import formatting
from ..i18n.catalogue import catalogue, check_language
from ..i18n.notices import word
from ..links import clip, first_line, linkedin_url
from ..months import month_count
from ..safe_output import safe_label
from ..templating import environment
from .common import (
    LABEL_LIMIT,
    Ranked,
    ReportContext,
    StageBadge,
    Stat,
    Table,
    Trajectory,
    ranked_items,
    trajectory_view,
)


def compare_text(lang: str) -> dict[str, str]:
    """The comparison page's words in `lang`: the `[compare]` table of its catalogue."""
    return catalogue(lang).table("compare")


MOVES_SHOWN = 60
ACTIVITY_ORDER = ("posts_original", "posts_article", "posts_commented_share",
                  "posts_curated_share", "posts_reshare", "reposts", "comments", "reactions",
                  "messages_sent", "messages_received", "invitations_in", "invitations_out",
                  "connections_gained", "connections_gained_after")


@dataclass(frozen=True)
class DeletedPost:
    date: str
    iso_date: str
    text: str
    link: str | None


@dataclass(frozen=True)
class CompareView:
    lang: str
    t: Mapping[str, str]
    title: str
    subtitle: str
    notices: tuple[str, ...]
    then: StageBadge
    now: StageBadge
    stage_sentence: str
    direction: str
    overlap: str
    rates: Table
    old_trajectory: Trajectory
    new_trajectory: Trajectory
    network: tuple[Stat, ...]
    matched_note: str
    unmatched_note: str
    gained_companies: tuple[Ranked, ...]
    gained_positions: tuple[Ranked, ...]
    lost_companies: tuple[Ranked, ...]
    moves: Table | None
    moves_more: str
    activity_intro: str
    activity: Table
    dropped: tuple[Stat, ...]
    deleted: tuple[DeletedPost, ...]
    deleted_unknown: bool  # posts not readable in both archives: no deletion claimed
    about: Table
    version: str


def _job(company: str | None, position: str | None) -> str:
    return clip(" · ".join(p for p in (position, company) if p) or "—", LABEL_LIMIT)


def build_compare_view(comparison: Comparison, *, lang: str = "en") -> CompareView:
    check_language(lang)
    c = comparison
    t = compare_text(lang)
    old_ctx = ReportContext(c.old.facts, c.old.timeline, lang)
    new_ctx = ReportContext(c.new.facts, c.new.timeline, lang)

    def day(value: date) -> str:
        return formatting.day(value, lang)

    def num(value: float) -> str:
        return formatting.integer(value, lang)

    def known(value: int | None) -> str:  # None: not readable in both archives
        return "—" if value is None else num(value)

    def rate(value: float | None) -> str:  # None: the archive does not hold that file
        return "—" if value is None else formatting.decimal(value, lang)

    member = c.new.name or c.old.name or ""
    gap = formatting.duration(month_count(f"{c.old.exported:%Y-%m}",
                                                f"{c.new.exported:%Y-%m}") - 1, lang)
    then, now = c.old.timeline.current_stage, c.new.timeline.current_stage
    if then in STAGES and now in STAGES:
        direction = ("up" if STAGES.index(now) > STAGES.index(then)
                     else "down" if STAGES.index(now) < STAGES.index(then) else "same")
        direction_text = t[f"stage_{direction}"]
    else:
        direction, direction_text = "", t["stage_unknown"]
    stage_sentence = t["stage_sentence"].format(
        old=formatting.month(f"{c.old.exported:%Y-%m}", lang), then=describe.stage_name(then, lang),
        new=formatting.month(f"{c.new.exported:%Y-%m}", lang), now=describe.stage_name(now, lang)
    ) + " " + direction_text
    overlap = (t["overlap"].format(overlap=num(c.overlap_months), agree=num(c.overlap_agree))
               if c.overlap_months else t["overlap_none"])
    if c.disagreements:
        overlap += " " + t["overlap_differ"].format(
            months=", ".join(formatting.month(m, lang) for m, _, _ in c.disagreements[:12]))
    rates = Table(
        head=(t["metric_col"], t["then_col"], t["now_col"], t["change_col"]),
        rows=tuple((describe.metric_label(metric, lang), rate(a), rate(b),
                    "—" if a is None or b is None
                    else ("+" if b - a > 0 else "") + formatting.decimal(b - a, lang))
                   for metric, (a, b) in c.rates.items()),
        numeric=(False, True, True, True))
    network = (Stat(t["gained"], num(c.gained.height)), Stat(t["lost"], num(c.lost.height)),
               Stat(t["moves"], num(len(c.job_moves))),
               Stat(t["unmatched"], num(c.ghosts_new)))
    moves = None
    if c.job_moves:
        moves = Table(head=(t["name_col"], t["from_col"], t["to_col"]),
                      rows=tuple((clip(m.name, LABEL_LIMIT), _job(*m.before), _job(*m.after))
                                 for m in c.job_moves[:MOVES_SHOWN]),
                      numeric=(False, False, False))
    more = len(c.job_moves) - MOVES_SHOWN
    activity = Table(head=(t["what_col"], t["count_col"]),
                     rows=tuple((t[key], known(c.between.get(key, 0)))
                                for key in ACTIVITY_ORDER),
                     numeric=(False, True))
    dropped = (Stat(t["dropped_invitations"], known(c.dropped["invitations"])),
               Stat(t["dropped_messages"], known(c.dropped["messages"])),
               Stat(t["missing_comments"], known(c.dropped["comments"])),
               Stat(t["missing_reactions"], known(c.dropped["reactions"])))
    redacted = c.redaction is not None
    deleted = tuple(
        DeletedPost(day(r["timestamp"].date()) if r["timestamp"] else "—",
                    r["timestamp"].date().isoformat() if r["timestamp"] else "",
                    # redacted: the page's own words, not the data's placeholder
                    t["text_removed"] if redacted else first_line(r["text"]) or "—",
                    None if redacted else linkedin_url(r["link"]))
        for r in c.deleted_posts.iter_rows(named=True))

    def location(side_location: str | None, label: str) -> str:
        return (t[f"hidden_archive_{label}"] if side_location is None
                else safe_label(side_location))

    about = Table(
        head=(t["archive_col"], t["file_col"], t["exported_col"], t["kind_col"], t["stage_col"]),
        rows=tuple((t[label], location(side.facts.location, label), day(side.exported),
                    catalogue(lang).text(f"report.archive_{side.facts.archive}"),
                    describe.stage_name(side.timeline.current_stage, lang))
                   for label, side in (("old", c.old), ("new", c.new))),
        numeric=(False, False, False, False, False))
    return CompareView(
        lang=lang, t=t,
        title=t["title"].format(member=member) if member else t["title_anonymous"],
        subtitle=t["subtitle"].format(old=day(c.old.exported), new=day(c.new.exported),
                                      gap=gap),
        notices=tuple(([t["swapped"]] if c.swapped else [])
                      + [word(warning, lang) for warning in c.warnings]),
        then=old_ctx.badge(then), now=new_ctx.badge(now), stage_sentence=stage_sentence,
        direction=direction, overlap=overlap, rates=rates,
        old_trajectory=trajectory_view(old_ctx), new_trajectory=trajectory_view(new_ctx),
        network=network,
        matched_note=t["matched_by_url"] if c.matched_by == "url" else t["matched_by_name"],
        unmatched_note=t["unmatched_note"].format(new=num(c.ghosts_new), old=num(c.ghosts_old)),
        gained_companies=ranked_items(c.gained_companies, lang),
        gained_positions=ranked_items(c.gained_positions, lang),
        lost_companies=ranked_items(c.lost_companies, lang),
        moves=moves,
        moves_more=t["moves_more"].format(count=num(more)) if more > 0 else "",
        activity_intro=t["activity_intro"].format(date=day(c.old.exported)),
        activity=activity, dropped=dropped, deleted=deleted, about=about,
        deleted_unknown="shares" in c.not_compared,
        version=__version__,
    )


def build_compare_report(comparison: Comparison, *, lang: str = "en") -> str:
    """The comparison page as one self-contained HTML string (same inputs, same string)."""
    from .draw import drawn

    view = drawn(build_compare_view(comparison, lang=lang))  # charts drawn before the template
    # the report's own strings too: the shared macros and trajectory blocks use them
    words = {**catalogue(lang).table("report"), **view.t}
    return environment().get_template("compare.html.j2").render(view=view, t=words)
