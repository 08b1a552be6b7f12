"""The HTML comparison of two exports: a view model (frozen dataclasses, all text worded in
English or French) from `analysis.compare.Comparison`, rendered by templates/compare.html.j2
with the report's look and guarantees (escaped, offline, deterministic, atomic)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .. import __version__
from ..analysis import wording
from ..analysis.compare import Comparison
from ..analysis.model import STAGES
from ..links import clip, first_line, linkedin_url
from ..months import month_count
from ..safe_output import safe_label
from ..templating import environment
from . import locale
from .common import (
    LABEL_LIMIT,
    Ranked,
    ReportContext,
    StageBadge,
    Stat,
    Table,
    Trajectory,
    ranked,
    trajectory_view,
)

CMP_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "title": "{member}: two LinkedIn exports compared",
        "title_anonymous": "Two LinkedIn exports compared",
        "subtitle": "The archive of {old} against the archive of {new}, {gap} apart. Made on "
                    "your computer; nothing was sent anywhere.",
        "swapped": "The archives were given newest first; they are compared the right way "
                   "round.",
        "stage": "Your stage, then and now",
        "stage_sentence": "In {old} you were at the {then} stage; in {new}, {now}.",
        "stage_up": "A step up.", "stage_down": "A step back.", "stage_same": "No change.",
        "stage_unknown": "One of the archives cannot show a stage.",
        "overlap": "Of the {overlap} months both archives cover, {agree} get the same stage "
                   "from either.",
        "overlap_none": "No month gets a stage from both archives, so they cannot be checked "
                        "against each other.",
        "overlap_differ": "Months judged differently: {months}. The newer archive knows what "
                          "came next, which can move a month near a change of stage.",
        "rates": "Your monthly rhythm, last three months of each archive",
        "metric_col": "Per month", "then_col": "Then", "now_col": "Now",
        "change_col": "Change",
        "trajectories": "Your trajectory in each archive",
        "old_trajectory": "As the older archive tells it",
        "new_trajectory": "As the newer archive tells it",
        "network": "Your network in between",
        "gained": "Connections gained", "lost": "Connections lost",
        "moves": "Job moves in your network", "unmatched": "Rows that cannot be matched",
        "matched_by_url": "People are matched by their profile URL.",
        "matched_by_name": "The older archive has no profile URLs: people are matched by "
                           "name and connection date.",
        "unmatched_note": "LinkedIn lists closed or restricted accounts as rows with only a "
                          "date: {new} in the newer archive and {old} in the older cannot be "
                          "matched to anyone.",
        "gained_companies": "Companies of new connections",
        "gained_positions": "Positions of new connections",
        "lost_companies": "Companies of connections lost",
        "moves_table": "Who changed jobs",
        "name_col": "Person", "from_col": "Before", "to_col": "After",
        "moves_more": "… and {count} more (all of them are in the JSON output).",
        "no_moves": "No job moves among the people in both archives.",
        "activity": "What you did in between",
        "activity_intro": "What the newer archive adds after {date}.",
        "what_col": "What", "count_col": "Count",
        "dropped": "What LinkedIn no longer keeps, and what you deleted",
        "dropped_intro": "Records of the older archive that the newer one does not hold. "
                         "LinkedIn keeps invitations for a few months and some conversations "
                         "only for a while: that is retention, not a deletion.",
        "dropped_invitations": "Invitations no longer kept",
        "dropped_messages": "Messages no longer kept",
        "missing_comments": "Comments gone", "missing_reactions": "Reactions gone",
        "deleted": "Posts and articles you deleted",
        "no_deleted": "None: every post and article of the older archive is still there.",
        "deleted_unknown": "Not compared: your posts are not readable in both archives (a "
                           "basic archive has none), so nothing is claimed deleted.",
        "open_post": "Open on LinkedIn",
        "about": "About this comparison",
        "archive_col": "Archive", "file_col": "File", "exported_col": "Latest record",
        "kind_col": "Kind", "stage_col": "Stage",
        "old": "Older", "new": "Newer",
        "footer": "Made by linkedin-stages, offline.",
        "back_to_top": "Back to top",
        "warnings": "Warnings",
        "posts_original": "original posts", "posts_commented_share": "link shares with "
        "commentary", "posts_curated_share": "curated link shares", "posts_reshare": "reshares",
        "posts_article": "articles", "comments": "comments", "reactions": "reactions",
        "reposts": "instant reposts", "messages_sent": "messages sent",
        "messages_received": "messages received", "invitations_in": "invitations received",
        "invitations_out": "invitations sent", "connections_gained": "connections gained",
        "connections_gained_after": "of them connected after the older archive",
    },
    "fr": {
        "title": "{member} : deux exports LinkedIn comparés",
        "title_anonymous": "Deux exports LinkedIn comparés",
        "subtitle": "L’archive de {old} face à celle de {new}, à {gap} d’écart. Fait sur "
                    "votre ordinateur ; rien n’a été envoyé nulle part.",
        "swapped": "Les archives ont été données de la plus récente à la plus ancienne ; "
                   "elles sont comparées dans le bon sens.",
        "stage": "Votre stade, avant et maintenant",
        "stage_sentence": "En {old}, vous étiez au stade {then} ; en {new}, {now}.",
        "stage_up": "Un pas en avant.", "stage_down": "Un pas en arrière.",
        "stage_same": "Pas de changement.",
        "stage_unknown": "L’une des archives ne permet pas de dire le stade.",
        "overlap": "Sur les {overlap} mois que couvrent les deux archives, {agree} reçoivent "
                   "le même stade de l’une et de l’autre.",
        "overlap_none": "Aucun mois ne reçoit un stade des deux archives : on ne peut pas les "
                        "confronter.",
        "overlap_differ": "Mois jugés différemment : {months}. L’archive la plus récente sait "
                          "ce qui a suivi, ce qui peut déplacer un mois proche d’un changement "
                          "de stade.",
        "rates": "Votre rythme mensuel, trois derniers mois de chaque archive",
        "metric_col": "Par mois", "then_col": "Avant", "now_col": "Maintenant",
        "change_col": "Écart",
        "trajectories": "Votre trajectoire dans chaque archive",
        "old_trajectory": "Selon l’archive la plus ancienne",
        "new_trajectory": "Selon l’archive la plus récente",
        "network": "Votre réseau entre les deux",
        "gained": "Relations gagnées", "lost": "Relations perdues",
        "moves": "Changements de poste dans votre réseau",
        "unmatched": "Lignes impossibles à rapprocher",
        "matched_by_url": "Les personnes sont rapprochées par l’URL de leur profil.",
        "matched_by_name": "L’archive la plus ancienne n’a pas d’URL de profil : les "
                           "personnes sont rapprochées par nom et date de connexion.",
        "unmatched_note": "LinkedIn liste les comptes fermés ou restreints comme des lignes "
                          "avec une date seulement : {new} dans l’archive récente et {old} "
                          "dans l’ancienne ne peuvent être rapprochées de personne.",
        "gained_companies": "Entreprises des nouvelles relations",
        "gained_positions": "Postes des nouvelles relations",
        "lost_companies": "Entreprises des relations perdues",
        "moves_table": "Qui a changé de poste",
        "name_col": "Personne", "from_col": "Avant", "to_col": "Après",
        "moves_more": "… et {count} autres (toutes figurent dans la sortie JSON).",
        "no_moves": "Aucun changement de poste parmi les personnes des deux archives.",
        "activity": "Ce que vous avez fait entre les deux",
        "activity_intro": "Ce que l’archive récente ajoute après le {date}.",
        "what_col": "Quoi", "count_col": "Nombre",
        "dropped": "Ce que LinkedIn ne garde plus, et ce que vous avez supprimé",
        "dropped_intro": "Les éléments de l’archive ancienne absents de la récente. LinkedIn "
                         "ne garde les invitations que quelques mois et certaines "
                         "conversations qu’un temps : c’est de la conservation limitée, pas "
                         "une suppression.",
        "dropped_invitations": "Invitations plus conservées",
        "dropped_messages": "Messages plus conservés",
        "missing_comments": "Commentaires disparus", "missing_reactions": "Réactions disparues",
        "deleted": "Posts et articles que vous avez supprimés",
        "no_deleted": "Aucun : tous les posts et articles de l’archive ancienne sont encore là.",
        "deleted_unknown": "Non comparé : vos posts ne sont pas lisibles dans les deux archives "
                           "(une archive de base n’en contient pas) ; aucune suppression "
                           "n’est affirmée.",
        "open_post": "Ouvrir sur LinkedIn",
        "about": "À propos de cette comparaison",
        "archive_col": "Archive", "file_col": "Fichier", "exported_col": "Dernier élément",
        "kind_col": "Type", "stage_col": "Stade",
        "old": "Ancienne", "new": "Récente",
        "footer": "Fait par linkedin-stages, hors ligne.",
        "back_to_top": "Haut de page",
        "warnings": "Avertissements",
        "posts_original": "posts originaux", "posts_commented_share": "partages de liens "
        "commentés", "posts_curated_share": "partages de liens", "posts_reshare": "republications "
        "avec un mot", "posts_article": "articles", "comments": "commentaires",
        "reactions": "réactions", "reposts": "republications instantanées",
        "messages_sent": "messages envoyés", "messages_received": "messages reçus",
        "invitations_in": "invitations reçues", "invitations_out": "invitations envoyées",
        "connections_gained": "relations gagnées",
        "connections_gained_after": "dont connectées après l’archive ancienne",
    },
}

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
    locale.check_lang(lang)
    c = comparison
    t = CMP_TEXT[lang]
    old_ctx = ReportContext(c.old.export, c.old.timeline, lang)
    new_ctx = ReportContext(c.new.export, c.new.timeline, lang)

    def day(value) -> str:  # noqa: ANN001
        return locale.day(value, lang)

    def num(value: float) -> str:
        return locale.integer(value, lang)

    def known(value: int | None) -> str:  # None: not readable in both archives
        return "—" if value is None else num(value)

    def rate(value: float | None) -> str:  # None: the archive does not hold that file
        return "—" if value is None else locale.decimal(value, lang)

    member = c.new.name or c.old.name or ""
    gap = locale.duration(month_count(f"{c.old.exported:%Y-%m}",
                                                f"{c.new.exported:%Y-%m}") - 1, lang)
    then, now = c.old.timeline.current_stage, c.new.timeline.current_stage
    if then in STAGES and now in STAGES:
        direction = ("up" if STAGES.index(now) > STAGES.index(then)
                     else "down" if STAGES.index(now) < STAGES.index(then) else "same")
        direction_text = t[f"stage_{direction}"]
    else:
        direction, direction_text = "", t["stage_unknown"]
    stage_sentence = t["stage_sentence"].format(
        old=locale.month(f"{c.old.exported:%Y-%m}", lang), then=wording.stage_name(then, lang),
        new=locale.month(f"{c.new.exported:%Y-%m}", lang), now=wording.stage_name(now, lang)
    ) + " " + direction_text
    overlap = (t["overlap"].format(overlap=num(c.overlap_months), agree=num(c.overlap_agree))
               if c.overlap_months else t["overlap_none"])
    if c.disagreements:
        overlap += " " + t["overlap_differ"].format(
            months=", ".join(locale.month(m, lang) for m, _, _ in c.disagreements[:12]))
    rates = Table(
        head=(t["metric_col"], t["then_col"], t["now_col"], t["change_col"]),
        rows=tuple((wording.metric_label(metric, lang), rate(a), rate(b),
                    "—" if a is None or b is None
                    else ("+" if b - a > 0 else "") + locale.decimal(b - a, lang))
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
    deleted = tuple(
        DeletedPost(day(r["timestamp"].date()) if r["timestamp"] else "—",
                    r["timestamp"].date().isoformat() if r["timestamp"] else "",
                    first_line(r["text"]) or "—", linkedin_url(r["link"]))
        for r in c.deleted_posts.iter_rows(named=True))
    about = Table(
        head=(t["archive_col"], t["file_col"], t["exported_col"], t["kind_col"], t["stage_col"]),
        rows=tuple((t[label], safe_label(str(side.export.location)), day(side.exported),
                    side.export.archive,
                    wording.stage_name(side.timeline.current_stage, lang))
                   for label, side in (("old", c.old), ("new", c.new))),
        numeric=(False, False, False, False, False))
    return CompareView(
        lang=lang, t=t,
        title=t["title"].format(member=member) if member else t["title_anonymous"],
        subtitle=t["subtitle"].format(old=day(c.old.exported), new=day(c.new.exported),
                                      gap=gap),
        notices=tuple(([t["swapped"]] if c.swapped else []) + list(c.warnings)),
        then=old_ctx.badge(then), now=new_ctx.badge(now), stage_sentence=stage_sentence,
        direction=direction, overlap=overlap, rates=rates,
        old_trajectory=trajectory_view(old_ctx), new_trajectory=trajectory_view(new_ctx),
        network=network,
        matched_note=t["matched_by_url"] if c.matched_by == "url" else t["matched_by_name"],
        unmatched_note=t["unmatched_note"].format(new=num(c.ghosts_new), old=num(c.ghosts_old)),
        gained_companies=ranked(c.gained["company"], 8, lang),
        gained_positions=ranked(c.gained["position"], 8, lang),
        lost_companies=ranked(c.lost["company"], 8, lang),
        moves=moves,
        moves_more=t["moves_more"].format(count=num(more)) if more > 0 else "",
        activity_intro=t["activity_intro"].format(date=day(c.old.exported)),
        activity=activity, dropped=dropped, deleted=deleted, about=about,
        deleted_unknown="shares" in c.not_compared,
        version=__version__,
    )


def build_compare_report(comparison: Comparison, *, lang: str = "en") -> str:
    """The comparison page as one self-contained HTML string (same inputs, same string)."""
    from .text import strings

    view = build_compare_view(comparison, lang=lang)
    # the report's own strings too: the shared macros and trajectory blocks use them
    words = {**strings(lang), **view.t}
    return environment().get_template("compare.html.j2").render(view=view, t=words)
