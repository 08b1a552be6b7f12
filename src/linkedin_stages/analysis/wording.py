"""Words for stages, metrics and reasons, in English and French.

Reasons are stored as a code and numbers (`model.Reason`); this module turns them into the
sentences a member reads, in the report's language.
"""

from __future__ import annotations

from .model import Reason

LANGS = ("en", "fr")

STAGE_NAMES = {
    "en": {"present": "Present", "relay": "Relay", "producer": "Producer",
           "power_networker": "Power networker", None: "Unknown"},
    "fr": {"present": "Le présent", "relay": "Le relai", "producer": "Le producteur",
           "power_networker": "Le power networker", None: "Inconnu"},
}

STAGE_SUMMARIES = {
    "en": {
        "present": "reads and reacts, without speaking",
        "relay": "shares content from their watch",
        "producer": "writes their own content",
        "power_networker": "publishes on purpose, for business",
        None: "this archive cannot tell",
    },
    "fr": {
        "present": "lit et réagit, sans prendre la parole",
        "relay": "partage des contenus issus de sa veille",
        "producer": "rédige ses propres contenus",
        "power_networker": "publie avec un objectif business",
        None: "cette archive ne permet pas de le dire",
    },
}

METRIC_LABELS = {
    "en": {
        "reactions": "reactions given", "comments": "comments written",
        "replies_own": "replies in your own threads", "reposts": "reposts",
        "curated_shares": "curated link shares", "commented_shares": "link shares with commentary",
        "original_posts": "original posts", "articles": "articles published",
        "media_uploads": "photos, videos and documents uploaded",
        "words": "words written", "business_posts": "posts with business intent",
        "personal_posts": "posts in your own voice",
        "topic_focus": "share of own posts on the month's main hashtag",
        "active_weeks": "active weeks",
        "posting_days": "days with a post", "connections_added": "new connections",
        "connections_total": "connections in all", "invitations_in": "invitations received",
        "invitations_out": "invitations sent", "messages_sent": "messages sent",
        "messages_received": "messages received", "new_conversations": "new conversations",
        "outreach": "conversations you started",
        "conversations_with_new_connections": "conversations with new connections",
        "saved_items": "posts saved", "votes": "poll votes",
        "own_posts": "own posts (original posts, articles count double)",
        "shared_posts": "curated shares and reposts", "business_share": "share of business posts",
        "regularity": "regular schedule (0–1)",
    },
    "fr": {
        "reactions": "réactions données", "comments": "commentaires écrits",
        "replies_own": "réponses sous vos propres posts", "reposts": "republications",
        "curated_shares": "partages de liens", "commented_shares": "partages de liens commentés",
        "original_posts": "posts originaux", "articles": "articles publiés",
        "media_uploads": "photos, vidéos et documents mis en ligne",
        "words": "mots écrits", "business_posts": "posts à visée business",
        "personal_posts": "posts à la première personne",
        "topic_focus": "part des posts personnels sur le hashtag principal du mois",
        "active_weeks": "semaines actives",
        "posting_days": "jours avec un post", "connections_added": "nouvelles relations",
        "connections_total": "relations au total", "invitations_in": "invitations reçues",
        "invitations_out": "invitations envoyées", "messages_sent": "messages envoyés",
        "messages_received": "messages reçus", "new_conversations": "nouvelles conversations",
        "outreach": "conversations que vous avez lancées",
        "conversations_with_new_connections": "conversations avec de nouvelles relations",
        "saved_items": "posts enregistrés", "votes": "votes à des sondages",
        "own_posts": "posts personnels (les articles comptent double)",
        "shared_posts": "partages et republications", "business_share": "part de posts business",
        "regularity": "régularité du calendrier (0–1)",
    },
}

_REASONS = {
    "en": {
        "present": "present: {own} own posts and {shared} shares a month over {from}–{to} "
                   "(relay needs {relay_level} shares, producer {producer_level} own posts); "
                   "{reactions} reactions and {comments} comments a month",
        "relay": "relay: {shared} curated shares and reposts a month over {from}–{to}, "
                 "{own} own posts (together ≥ {level}; too few of your own for a producer)",
        "producer": "producer: {own} own posts a month over {from}–{to} (≥ {level}): "
                    "{originals} original posts, {articles} articles, {commented} commented "
                    "shares; {own_share:.0%} of what you posted was your own (≥ {share_level:.0%})",
        "not_power": "not yet a power networker: {business_share:.0%} of posts with business "
                     "intent (needs {business_level:.0%}), schedule regularity {regularity} "
                     "(needs {regularity_level})",
        "power_networker": "power networker: {own} own posts a month over {from}–{to}, "
                           "{business_share:.0%} with business intent (≥ {business_level:.0%}), "
                           "schedule regularity {regularity} (≥ {regularity_level}) or "
                           "{outreach} conversations started a month (≥ {outreach_level})",
        "held": "kept as {stage_name}: the window alone says {raw_name}, but a change of stage "
                "needs at least {months} months in a row",
        "unknown_no_shares": "unknown: this archive has no Shares.csv (a basic or partial "
                             "archive), so posting cannot be seen",
        "no_reactions": "reactions and comments are not in this archive ({reason}): reading "
                        "traces cannot be seen",
        "no_engagement": "engagement received (impressions, likes, comments on your posts) is "
                         "not in the archive: the relay's ceiling and the producer's audience "
                         "cannot be measured",
        "no_population": "the article's 90% / 9% / 1% need a population; one archive has none, "
                         "so they are shown as context, not as your rank",
        "engagement": "engagement received (analytics workbook): {impressions} impressions, "
                      "{engagements} engagements ({rate:.1%}), {followers} new followers",
        "engagement_months": "engagement received is measured only for the {count} month(s) "
                             "the analytics workbooks cover ({from}–{to}); the stage rules use "
                             "what you did, never what others did",
        "plan_reached": "you are already at {stage_name} or beyond: keep the rhythm below",
        "plan_past": "{by} is not after the export ({last}): choose a later date",
        "plan_short": "{months} month(s) is short to show a new stage: the rules need "
                      "{needed} months of sustained behaviour — consider {suggested}",
        "plan_jump": "going from {from_stage_name} to {to_stage_name} skips a stage; most "
                     "people get there one stage at a time",
        "plan_unknown": "this archive cannot show your current stage, so the plan starts "
                        "from zero",
    },
    "fr": {
        "present": "présent : {own} posts personnels et {shared} partages par mois sur "
                   "{from}–{to} (le relai demande {relay_level} partages, le producteur "
                   "{producer_level} posts) ; {reactions} réactions et {comments} commentaires "
                   "par mois",
        "relay": "relai : {shared} partages de liens et republications par mois sur {from}–{to}, "
                 "{own} posts personnels (ensemble ≥ {level} ; trop peu des vôtres pour un "
                 "producteur)",
        "producer": "producteur : {own} posts personnels par mois sur {from}–{to} (≥ {level}) : "
                    "{originals} posts originaux, {articles} articles, {commented} partages "
                    "commentés ; {own_share:.0%} de vos publications étaient les vôtres "
                    "(≥ {share_level:.0%})",
        "not_power": "pas encore power networker : {business_share:.0%} de posts à visée "
                     "business (il en faut {business_level:.0%}), régularité {regularity} "
                     "(il faut {regularity_level})",
        "power_networker": "power networker : {own} posts personnels par mois sur {from}–{to}, "
                           "dont {business_share:.0%} à visée business (≥ "
                           "{business_level:.0%}), régularité {regularity} (≥ "
                           "{regularity_level}) ou {outreach} conversations lancées par mois "
                           "(≥ {outreach_level})",
        "held": "maintenu en {stage_name} : la fenêtre seule indique {raw_name}, mais un "
                "changement de stade demande au moins {months} mois consécutifs",
        "unknown_no_shares": "inconnu : cette archive n’a pas de Shares.csv (archive de base "
                             "ou partielle), les publications ne sont pas visibles",
        "no_reactions": "les réactions et commentaires ne sont pas dans cette archive "
                        "({reason}) : les traces de lecture ne sont pas visibles",
        "no_engagement": "l’engagement reçu (impressions, réactions et commentaires sur vos "
                         "posts) n’est pas dans l’archive : le plafond du relai et l’audience "
                         "du producteur ne peuvent pas être mesurés",
        "no_population": "les 90 % / 9 % / 1 % de l’article supposent une population ; une "
                         "archive seule n’en a pas : ils sont un repère, pas votre rang",
        "engagement": "engagement reçu (classeur de statistiques) : {impressions} impressions, "
                      "{engagements} interactions ({rate:.1%}), {followers} nouveaux abonnés",
        "engagement_months": "l’engagement reçu n’est mesuré que sur les {count} mois couverts "
                             "par les classeurs de statistiques ({from}–{to}) ; les règles des "
                             "stades s’appuient sur ce que vous faites, jamais sur ce que font "
                             "les autres",
        "plan_reached": "vous êtes déjà au stade {stage_name} ou au-delà : gardez le rythme "
                        "ci-dessous",
        "plan_past": "{by} n’est pas après l’export ({last}) : choisissez une date plus lointaine",
        "plan_short": "{months} mois, c’est court pour montrer un nouveau stade : les règles "
                      "demandent {needed} mois d’affilée — envisagez {suggested}",
        "plan_jump": "passer de {from_stage_name} à {to_stage_name} saute une étape ; on y "
                     "arrive le plus souvent un stade après l’autre",
        "plan_unknown": "cette archive ne montre pas votre stade actuel : le plan part de zéro",
    },
}


def _check(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"language must be one of {', '.join(LANGS)}, not {lang!r}")
    return lang


def stage_name(stage: str | None, lang: str = "en") -> str:
    return STAGE_NAMES[_check(lang)][stage]


def stage_summary(stage: str | None, lang: str = "en") -> str:
    return STAGE_SUMMARIES[_check(lang)][stage]


def metric_label(metric: str, lang: str = "en") -> str:
    return METRIC_LABELS[_check(lang)].get(metric, metric.replace("_", " "))


def reason_text(reason: Reason, lang: str = "en") -> str:
    """The sentence for one reason, numbers formatted for the language."""
    template = _REASONS[_check(lang)][reason.code]
    values: dict[str, object] = dict(reason.values)
    for key in ("stage", "raw", "from_stage", "to_stage"):
        if key in values:
            values[f"{key}_name"] = stage_name(values[key] or None, lang)  # type: ignore[arg-type]
    text = template.format(**values)
    if lang == "fr":
        text = _french_numbers(text)
    return text


def _french_numbers(text: str) -> str:
    """Decimal comma and a thin space before %, as French typography wants."""
    import re

    text = re.sub(r"(?<=\d)\.(?=\d)", ",", text)
    return re.sub(r"(?<=\d)%", "\u202f%", text)
