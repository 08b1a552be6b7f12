"""Every word of the report that is not the member's own, in English and French.

Stage names, metric labels and reasons come from `analysis.wording`; the rest is here. Both
languages must have the same keys (a test checks it). `{name}` fields are filled with
`str.format` by the view model, after the numbers were formatted for the language.
"""

from __future__ import annotations

from .locale import NNBSP

_C = NNBSP  # before French colons, semicolons, ? and !

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "title": "{member} on LinkedIn: four stages of presence",
        "title_anonymous": "Your LinkedIn presence: four stages",
        "subtitle": "From your LinkedIn archive, {first} to {last}. Made on your computer; "
                    "nothing was sent anywhere.",
        "nav_label": "Sections",
        "skip": "Skip to the report",
        # 1
        "where": "Where you are",
        "where_sentence": "You have been at the {stage} stage since {since} ({duration}): "
                          "you {summary}.",
        "where_sentence_unknown": "This archive cannot tell your stage: {why}",
        "where_unknown_why": "it has no posts, comments or reactions (the fast “basic” "
                             "download). Ask LinkedIn for the larger archive to see it.",
        "ladder_title": "The four stages of presence, with you on your step",
        "ladder_desc": "Four steps from left to right: {steps}. You are on step {number}, "
                       "{stage}. Reference shares of members from the article: about 90% "
                       "present, about 9% relay or producer, about 1% power networker.",
        "ladder_desc_unknown": "Four steps from left to right: {steps}. Your step cannot be "
                               "told from this archive.",
        "you": "you",
        "shares_note": "The percentages are the article’s orders of magnitude for a whole "
                       "network (the “90-9-1” rule): context, not a measure of you. One "
                       "archive has no population to rank you in.",
        "stage_summaries_heading": "The four stages",
        "summary_present": "reads and reacts, without speaking",
        "summary_relay": "shares content from their watch",
        "summary_producer": "writes their own content",
        "summary_power_networker": "publishes on purpose, for business",
        "summary_none": "cannot be told from this archive",
        "you_summary_present": "read and react, without posting",
        "you_summary_relay": "share content from your watch",
        "you_summary_producer": "write your own content",
        "you_summary_power_networker": "publish on purpose, for business",
        "key_numbers": "In the last 12 months",
        # 2
        "trajectory": "Your trajectory",
        "trajectory_intro": "One lane per stage; each month sits in the lane of its stage. "
                            "Dots and dashed lines mark a change of stage.",
        "lanes_title": "Your stage, month by month, {first} to {last}",
        "lanes_desc": "{periods}.",
        "no_transition": "No change of stage: {stage} all along.",
        "transitions_heading": "Changes of stage",
        "transition_up": "up",
        "transition_down": "down",
        "transition_item": "{month}: {from_stage} → {to_stage}",
        "period_item": "{stage}, {span} ({duration})",
        "periods_heading": "Periods",
        # 3
        "activity": "What you did",
        "activity_intro": "Each month, what you published and how you took part in others’ "
                          "conversations.",
        "publishing_title": "What you published each month (3-month average)",
        "publishing_desc": "Stacked areas, per month: {totals}.",
        "taking_part_title": "How you took part each month (3-month average)",
        "taking_part_desc": "Stacked areas, per month: {totals}.",
        "mix_title": "Your own words versus others’ content, per quarter",
        "mix_desc": "Share of what you published each quarter: {summary}. Blank quarters: "
                    "nothing published.",
        "mix_summary_item": "{label} {share} overall",
        "own_words": "your own posts and articles",
        "with_commentary": "links with your commentary",
        "others_content": "others’ content (links and reposts)",
        "nothing_published": "You published nothing in this period — the present stage: "
                             "reading and reacting.",
        "activity_missing": "Not in this archive: {datasets}. Left out of the charts and "
                            "shown as “—” in the tables, never as zero.",
        "kind_reactions": "reactions",
        "kind_comments": "comments",
        "kind_reposts": "reposts",
        "kind_curated_shares": "link shares",
        "kind_commented_shares": "links with commentary",
        "kind_original_posts": "original posts",
        "kind_articles": "articles",
        "in_all": "in all",
        "data_table": "The numbers behind the chart",
        "year": "Year",
        "quarter": "Quarter",
        # 4
        "network": "Your network",
        "network_intro": "Your connections over time, and who joined while you were at each "
                         "stage.",
        "network_title": "Your connections: in all (top) and new each month (bottom)",
        "network_desc": "From {start} to {end} connections; {peak_text}.",
        "network_peak": "most new connections in {month} ({count})",
        "network_empty": "No connections in this archive.",
        "connections_total": "in all",
        "connections_added": "new",
        "invitations_in": "invitations received",
        "invitations_out": "invitations sent",
        "invitations_missing": "Invitations are not in this archive (LinkedIn only keeps "
                               "recent ones), so in versus out cannot be shown.",
        "invitations_sparse": "LinkedIn keeps only recent invitations: {span}, {inbound} "
                              "received and {outbound} sent — too short a record to draw.",
        "joined_heading": "Who joined at each stage",
        "joined_count": "{count} joined",
        "joined_companies": "Companies",
        "joined_positions": "Positions",
        "joined_first": "First to join",
        "joined_none": "—",
        "joined_unknown_stage": "Outside the timeline",
        # 5
        "voice": "Your voice",
        "voice_intro": "How you write: length, topics, business intent, and the posts that "
                       "best show each stage.",
        "words_title": "Words per post (your own posts), per quarter",
        "words_desc": "Median words per own post each quarter, the light band covering the "
                      "middle half of the posts; overall median {median} words.",
        "words_empty": "No posts of your own yet: nothing to measure.",
        "stage_col": "Stage",
        "posts_col": "Posts",
        "median_words_col": "Median words",
        "business_col": "Business intent",
        "hashtags_col": "Top hashtags",
        "examples_heading": "Posts that show each stage",
        "engagement_heading": "How others responded",
        "engagement_intro": "From LinkedIn’s analytics workbook ({files}), {first} to {last}: "
                            "what your archive cannot show. The stages above are judged on "
                            "what you did; this is context.",
        "engagement_impressions": "Impressions",
        "engagement_engagements": "Engagements",
        "engagement_rate": "Engagement rate",
        "engagement_new_followers": "New followers",
        "engagement_followers": "Followers",
        "engagement_matched": "Top posts found in your archive",
        "engagement_matched_value": "{matched} of {total}",
        "engagement_by_kind": "Engagement by kind of post (top posts only)",
        "engagement_kind_col": "Kind of post",
        "engagement_posts_col": "Posts",
        "engagement_impressions_col": "Impressions per post",
        "engagement_engagements_col": "Engagements per post",
        "engagement_rate_col": "Rate",
        "engagement_months": "Month by month",
        "engagement_month_col": "Month",
        "engagement_followers_col": "New followers",
        "engagement_audience": "Your audience",
        "examples_none_present": "No posts: reading and reacting is what this stage is.",
        "examples_none": "No posts in this stage.",
        "open_post": "Open on LinkedIn",
        "no_text": "(no text)",
        "shared_from": "shared a link from {domain}",
        "post_kind_original": "original post",
        "post_kind_commented_share": "link with commentary",
        "post_kind_curated_share": "link share",
        "post_kind_reshare": "reshare",
        "post_kind_article": "article",
        "words_count": "{count} words",
        "word_count_one": "{count} word",
        # 6
        "rhythm": "Your rhythm",
        "rhythm_intro": "When you publish, in {zone} time.",
        "heatmap_title": "When you publish: weekday × hour ({zone})",
        "heatmap_desc": "{count} posts; the darker the cell, the more posts (up to {peak} in "
                        "one slot). Busiest slots: {slots}.",
        "heatmap_empty": "No posts to place on a week.",
        "active_weeks": "Weeks with a post",
        "active_weeks_value": "{count} of {total} weeks ({share})",
        "active_weeks_recent": "In the last 12 months",
        "longest_streak": "Longest run of weeks with a post",
        "longest_streak_value": "{weeks}, {span}",
        "week": "week",
        "weeks": "weeks",
        "streak_none": "none",
        "busiest": "Busiest slots",
        "slot": "{weekday} {hour}",
        "slot_count": "{slot} ({count})",
        # 7
        "months": "Month by month",
        "months_intro": "Each month with its stage and the reasons behind it. Open a year, "
                        "then a month’s reasons.",
        "months_print": "On paper, the numbers only: open the report in a browser for each "
                        "month’s reasons.",
        "month_col": "Month",
        "own_col": "Own posts",
        "shared_col": "Shares",
        "comments_col": "Comments",
        "reactions_col": "Reactions",
        "connections_col": "New contacts",
        "why_col": "Why",
        "year_summary": "{year}: {stages}",
        "reasons_count": "reasons",
        "raw_note": "The month alone said {raw}.",
        # 8
        "plan": "Your plan",
        "plan_heading": "Toward {target} by {by}",
        "plan_intro": "{months} from {start} to {by}. Your monthly average over the last "
                      "three months, against what the stage needs each month.",
        "plan_metric": "Behaviour",
        "plan_now": "Now, per month",
        "plan_target": "Needed, per month",
        "plan_met": "met",
        "plan_to_do": "to do",
        "plan_missing": "Not yet started (at zero today)",
        "plan_heading_keep": "Staying at the {target} stage through {by}",
        "plan_reachable": "Reachable in the time given, if you keep the numbers above up "
                          "month after month.",
        "plan_not_reachable": "Hard to reach by then: see the notes below.",
        "plan_notes": "Notes",
        "plan_none": "No plan: there is no stage to aim for from this archive.",
        "plan_advice": "The road is long, and not everyone is meant to become a power "
                       "networker: aim for the stage you want, over the time you choose.",
        # 9
        "about": "About this report",
        "files_found": "Files read",
        "dataset_col": "Dataset",
        "file_col": "File",
        "rows_col": "Rows",
        "from_col": "From",
        "to_col": "To",
        "files_missing": "Files not in this archive",
        "limits_col": "What that limits",
        "nothing_missing": "Every file the analysis uses was found.",
        "limitations": "What could not be measured",
        "method": "How stages are decided",
        "method_1": "Each month is judged on a window: the month and its neighbours "
                    "({window} months), as rates per month.",
        "method_2": "Power networker: producer-level output, a share of posts with business "
                    "intent (calls to action, offers, events) and a regular schedule or "
                    "steady outreach. Producer: enough posts in your own words, and a large "
                    "enough share of everything you post. Relay: enough shares of others’ "
                    "links and reposts. Present: otherwise — reading and reacting.",
        "method_3": "Entering a stage needs more than staying in it, and a change must last "
                    "{run} months to count, so one busy month does not flip the trajectory; "
                    "a sustained fall back shows as a step down.",
        "method_4": "Judged on: {basis}.",
        "thresholds": "Thresholds used",
        "threshold_col": "Threshold",
        "value_col": "Value",
        "details": "Details",
        "archive_kind": "Archive",
        "archive_complete": "complete (the larger download, with your activity)",
        "archive_basic": "basic (the fast download: no posts, comments or reactions)",
        "archive_partial": "partial (some core files are missing)",
        "export_name": "Export",
        "time_zone": "Time zone",
        "language": "Language",
        "language_value": "English",
        "made_on": "Made on",
        "tool": "Made with",
        "privacy": "This page was made on your computer from your own archive. It loads "
                   "nothing from the internet; links to your posts open LinkedIn only if you "
                   "click them.",
        "warnings": "Warnings while reading",
        "back_to_top": "Back to top",
        "footer": "linkedin-stages — the four stages of presence, from your own archive.",
        # --redact
        "redacted_heading": "Redacted for sharing",
        "redacted_intro": "This copy leaves out the people in your network. The stages, "
                          "charts and numbers are those of your whole archive.",
        "redacted_people": "People are pseudonyms: “Person 17” is the same person everywhere "
                           "in this report. Your own name is left out.",
        "redacted_removed": "Removed: profile links, e-mail addresses, phone numbers, "
                            "conversation ids, message texts and links to posts.",
        "redacted_posts": "Posts, comments and articles are shown by their kind, length and "
                          "signals (language, business intent, hashtags), never by their words.",
        "redacted_kept": "Kept: dates, counts, stages, hashtags, shared sites, companies and "
                         "job titles.",
        "redacted_companies": "Companies are pseudonyms too (“Company 3”). Kept: dates, counts, "
                              "stages, hashtags, shared sites and job titles.",
        "redacted_export": "hidden (redacted report)",
        "redacted_business": "business intent",
        "redacted_personal": "personal voice",
        "redacted_lang_en": "in English",
        "redacted_lang_fr": "in French",
        "privacy_redacted": "This page was made on your computer from your own archive, "
                            "redacted for sharing. It loads nothing from the internet and "
                            "links to none of your posts.",
    },
    "fr": {
        "title": "{member} sur LinkedIn{c}: les quatre stades de présence",
        "title_anonymous": "Votre présence sur LinkedIn{c}: quatre stades",
        "subtitle": "D’après votre archive LinkedIn, de {first} à {last}. Fait sur votre "
                    "ordinateur{c}; rien n’a été envoyé nulle part.",
        "nav_label": "Sections",
        "skip": "Aller au rapport",
        "where": "Où vous en êtes",
        "where_sentence": "Vous êtes au stade « {stage} » depuis {since} ({duration}){c}: "
                          "vous {summary}.",
        "where_sentence_unknown": "Cette archive ne permet pas de dire votre stade{c}: {why}",
        "where_unknown_why": "elle n’a ni posts, ni commentaires, ni réactions (le "
                             "téléchargement rapide, « de base »). Demandez à LinkedIn "
                             "l’archive complète pour le voir.",
        "ladder_title": "Les quatre stades de présence, et votre marche",
        "ladder_desc": "Quatre marches de gauche à droite{c}: {steps}. Vous êtes sur la "
                       "marche {number}, {stage}. Parts de référence selon l’article{c}: "
                       "environ 90 % au présent, 9 % relai ou producteur, 1 % power "
                       "networker.",
        "ladder_desc_unknown": "Quatre marches de gauche à droite{c}: {steps}. Cette archive "
                               "ne permet pas de situer votre marche.",
        "you": "vous",
        "shares_note": "Les pourcentages sont les ordres de grandeur de l’article pour tout "
                       "un réseau (la règle des « 90-9-1 »){c}: un repère, pas une mesure de "
                       "vous. Une archive seule n’a pas de population où vous classer.",
        "stage_summaries_heading": "Les quatre stades",
        "summary_present": "lit et réagit, sans prendre la parole",
        "summary_relay": "partage des contenus issus de sa veille",
        "summary_producer": "rédige ses propres contenus",
        "summary_power_networker": "publie avec un objectif business",
        "summary_none": "ne peut pas être dit d’après cette archive",
        "you_summary_present": "lisez et réagissez, sans publier",
        "you_summary_relay": "partagez des contenus issus de votre veille",
        "you_summary_producer": "rédigez vos propres contenus",
        "you_summary_power_networker": "publiez avec un objectif business",
        "key_numbers": "Sur les 12 derniers mois",
        "trajectory": "Votre trajectoire",
        "trajectory_intro": "Une ligne par stade{c}; chaque mois est placé sur la ligne de son "
                            "stade. Points et pointillés marquent un changement de stade.",
        "lanes_title": "Votre stade mois par mois, de {first} à {last}",
        "lanes_desc": "{periods}.",
        "no_transition": "Aucun changement de stade{c}: « {stage} » tout du long.",
        "transitions_heading": "Changements de stade",
        "transition_up": "montée",
        "transition_down": "descente",
        "transition_item": "{month}{c}: {from_stage} → {to_stage}",
        "period_item": "{stage}, {span} ({duration})",
        "periods_heading": "Périodes",
        "activity": "Ce que vous avez fait",
        "activity_intro": "Chaque mois, ce que vous avez publié et votre participation aux "
                          "conversations des autres.",
        "publishing_title": "Ce que vous avez publié chaque mois (moyenne sur 3 mois)",
        "publishing_desc": "Aires empilées, par mois{c}: {totals}.",
        "taking_part_title": "Votre participation chaque mois (moyenne sur 3 mois)",
        "taking_part_desc": "Aires empilées, par mois{c}: {totals}.",
        "mix_title": "Vos propres mots face aux contenus des autres, par trimestre",
        "mix_desc": "Part de ce que vous avez publié chaque trimestre{c}: {summary}. "
                    "Trimestres vides{c}: rien de publié.",
        "mix_summary_item": "{label} {share} au total",
        "own_words": "vos posts et articles",
        "with_commentary": "liens commentés",
        "others_content": "contenus des autres (liens et republications)",
        "nothing_published": "Vous n’avez rien publié sur cette période — le stade du "
                             "présent{c}: lire et réagir.",
        "activity_missing": "Absent de cette archive{c}: {datasets}. Laissé hors des "
                            "graphiques et noté « — » dans les tableaux, jamais zéro.",
        "kind_reactions": "réactions",
        "kind_comments": "commentaires",
        "kind_reposts": "republications",
        "kind_curated_shares": "partages de liens",
        "kind_commented_shares": "liens commentés",
        "kind_original_posts": "posts originaux",
        "kind_articles": "articles",
        "in_all": "au total",
        "data_table": "Les chiffres du graphique",
        "year": "Année",
        "quarter": "Trimestre",
        "network": "Votre réseau",
        "network_intro": "Vos relations au fil du temps, et qui vous a rejoint à chaque "
                         "stade.",
        "network_title": "Vos relations{c}: au total (en haut) et nouvelles chaque mois "
                         "(en bas)",
        "network_desc": "De {start} à {end} relations{c}; {peak_text}.",
        "network_peak": "le plus de nouvelles relations en {month} ({count})",
        "network_empty": "Aucune relation dans cette archive.",
        "connections_total": "au total",
        "connections_added": "nouvelles",
        "invitations_in": "invitations reçues",
        "invitations_out": "invitations envoyées",
        "invitations_missing": "Les invitations ne sont pas dans cette archive (LinkedIn ne "
                               "garde que les récentes){c}: reçues et envoyées ne peuvent pas "
                               "être comparées.",
        "invitations_sparse": "LinkedIn ne garde que les invitations récentes{c}: {span}, "
                              "{inbound} reçues et {outbound} envoyées — trop peu pour un "
                              "graphique.",
        "joined_heading": "Qui vous a rejoint à chaque stade",
        "joined_count": "{count} arrivées",
        "joined_companies": "Entreprises",
        "joined_positions": "Postes",
        "joined_first": "Les premiers arrivés",
        "joined_none": "—",
        "joined_unknown_stage": "Hors de la chronologie",
        "voice": "Votre voix",
        "voice_intro": "Votre façon d’écrire{c}: longueur, sujets, visée business, et les "
                       "posts qui montrent le mieux chaque stade.",
        "words_title": "Mots par post (vos propres posts), par trimestre",
        "words_desc": "Nombre médian de mots par post personnel chaque trimestre, la bande "
                      "claire couvrant la moitié centrale des posts{c}; médiane globale "
                      "{median} mots.",
        "words_empty": "Pas encore de posts personnels{c}: rien à mesurer.",
        "stage_col": "Stade",
        "posts_col": "Posts",
        "median_words_col": "Mots (médiane)",
        "business_col": "Visée business",
        "hashtags_col": "Hashtags principaux",
        "examples_heading": "Les posts qui montrent chaque stade",
        "engagement_heading": "Ce que les autres en ont fait",
        "engagement_intro": "D’après le classeur de statistiques de LinkedIn ({files}), de "
                            "{first} à {last}\u202f: ce que l’archive ne montre pas. Les stades "
                            "ci-dessus reposent sur ce que vous faites\u202f; ceci est un "
                            "contexte.",
        "engagement_impressions": "Impressions",
        "engagement_engagements": "Interactions",
        "engagement_rate": "Taux d’interaction",
        "engagement_new_followers": "Nouveaux abonnés",
        "engagement_followers": "Abonnés",
        "engagement_matched": "Meilleurs posts retrouvés dans l’archive",
        "engagement_matched_value": "{matched} sur {total}",
        "engagement_by_kind": "Interactions par type de post (meilleurs posts seulement)",
        "engagement_kind_col": "Type de post",
        "engagement_posts_col": "Posts",
        "engagement_impressions_col": "Impressions par post",
        "engagement_engagements_col": "Interactions par post",
        "engagement_rate_col": "Taux",
        "engagement_months": "Mois par mois",
        "engagement_month_col": "Mois",
        "engagement_followers_col": "Nouveaux abonnés",
        "engagement_audience": "Votre audience",
        "examples_none_present": "Aucun post{c}: lire et réagir, c’est ce stade.",
        "examples_none": "Aucun post à ce stade.",
        "open_post": "Ouvrir sur LinkedIn",
        "no_text": "(sans texte)",
        "shared_from": "a partagé un lien de {domain}",
        "post_kind_original": "post original",
        "post_kind_commented_share": "lien commenté",
        "post_kind_curated_share": "partage de lien",
        "post_kind_reshare": "repartage",
        "post_kind_article": "article",
        "words_count": "{count} mots",
        "word_count_one": "{count} mot",
        "rhythm": "Votre rythme",
        "rhythm_intro": "Quand vous publiez, à l’heure de {zone}.",
        "heatmap_title": "Quand vous publiez{c}: jour × heure ({zone})",
        "heatmap_desc": "{count} posts{c}; plus la case est foncée, plus il y a de posts "
                        "(jusqu’à {peak} sur un créneau). Créneaux les plus chargés{c}: {slots}.",
        "heatmap_empty": "Aucun post à placer dans la semaine.",
        "active_weeks": "Semaines avec un post",
        "active_weeks_value": "{count} sur {total} semaines ({share})",
        "active_weeks_recent": "Sur les 12 derniers mois",
        "longest_streak": "Plus longue série de semaines avec un post",
        "longest_streak_value": "{weeks}, {span}",
        "week": "semaine",
        "weeks": "semaines",
        "streak_none": "aucune",
        "busiest": "Créneaux les plus chargés",
        "slot": "{weekday} {hour}",
        "slot_count": "{slot} ({count})",
        "months": "Mois par mois",
        "months_intro": "Chaque mois avec son stade et ses raisons. Ouvrez une année, puis "
                        "les raisons d’un mois.",
        "months_print": "Sur papier, les chiffres seulement{c}: ouvrez le rapport dans un "
                        "navigateur pour les raisons de chaque mois.",
        "month_col": "Mois",
        "own_col": "Posts personnels",
        "shared_col": "Partages",
        "comments_col": "Commentaires",
        "reactions_col": "Réactions",
        "connections_col": "Nouvelles relations",
        "why_col": "Pourquoi",
        "year_summary": "{year}{c}: {stages}",
        "reasons_count": "raisons",
        "raw_note": "Le mois seul indiquait {raw}.",
        "plan": "Votre plan",
        "plan_heading": "Vers « {target} » d’ici {by}",
        "plan_intro": "{months} de {start} à {by}. Votre moyenne mensuelle des trois derniers "
                      "mois, face à ce que le stade demande chaque mois.",
        "plan_metric": "Comportement",
        "plan_now": "Aujourd’hui, par mois",
        "plan_target": "Nécessaire, par mois",
        "plan_met": "atteint",
        "plan_to_do": "à faire",
        "plan_missing": "Pas encore commencé (à zéro aujourd’hui)",
        "plan_heading_keep": "Rester au stade « {target} » jusqu’en {by}",
        "plan_reachable": "Atteignable dans le temps donné, si vous tenez les chiffres "
                          "ci-dessus mois après mois.",
        "plan_not_reachable": "Difficile d’ici là{c}: voir les remarques ci-dessous.",
        "plan_notes": "Remarques",
        "plan_none": "Pas de plan{c}: cette archive ne permet pas de viser un stade.",
        "plan_advice": "La route est longue, et tout le monde n’est pas destiné à devenir "
                       "power networker{c}: visez le stade que vous voulez, dans le temps que "
                       "vous choisissez.",
        "about": "À propos de ce rapport",
        "files_found": "Fichiers lus",
        "dataset_col": "Jeu de données",
        "file_col": "Fichier",
        "rows_col": "Lignes",
        "from_col": "Du",
        "to_col": "Au",
        "files_missing": "Fichiers absents de cette archive",
        "limits_col": "Ce que cela limite",
        "nothing_missing": "Tous les fichiers utiles à l’analyse ont été trouvés.",
        "limitations": "Ce qui n’a pas pu être mesuré",
        "method": "Comment les stades sont décidés",
        "method_1": "Chaque mois est jugé sur une fenêtre{c}: le mois et ses voisins "
                    "({window} mois), en moyennes mensuelles.",
        "method_2": "Power networker{c}: une production de producteur, une part de posts à "
                    "visée business (appels à l’action, offres, événements) et un calendrier "
                    "régulier ou une prospection soutenue. Producteur{c}: assez de posts avec "
                    "vos propres mots, et une part suffisante de tout ce que vous publiez. "
                    "Relai{c}: assez de partages de liens et de republications. Présent{c}: "
                    "sinon — lire et réagir.",
        "method_3": "Entrer dans un stade demande plus qu’y rester, et un changement doit "
                    "durer {run} mois pour compter{c}: un mois chargé ne fait pas basculer la "
                    "trajectoire, un recul durable apparaît comme une marche descendue.",
        "method_4": "Jugé sur{c}: {basis}.",
        "thresholds": "Seuils utilisés",
        "threshold_col": "Seuil",
        "value_col": "Valeur",
        "details": "Détails",
        "archive_kind": "Archive",
        "archive_complete": "complète (le grand téléchargement, avec votre activité)",
        "archive_basic": "de base (le téléchargement rapide{c}: ni posts, ni commentaires, ni "
                         "réactions)",
        "archive_partial": "partielle (des fichiers essentiels manquent)",
        "export_name": "Export",
        "time_zone": "Fuseau horaire",
        "language": "Langue",
        "language_value": "français",
        "made_on": "Fait le",
        "tool": "Fait avec",
        "privacy": "Cette page a été faite sur votre ordinateur à partir de votre propre "
                   "archive. Elle ne charge rien depuis internet{c}; les liens vers vos posts "
                   "n’ouvrent LinkedIn que si vous cliquez dessus.",
        "warnings": "Avertissements à la lecture",
        "back_to_top": "Haut de page",
        "footer": "linkedin-stages — les quatre stades de présence, d’après votre propre "
                  "archive.",
        # --redact
        "redacted_heading": "Version anonymisée, à partager",
        "redacted_intro": "Cette copie laisse de côté les personnes de votre réseau. Les "
                          "stades, graphiques et chiffres sont ceux de toute votre archive.",
        "redacted_people": "Les personnes sont des pseudonymes{c}: « Personne 17 » est la "
                           "même personne partout dans ce rapport. Votre propre nom n’y "
                           "figure pas.",
        "redacted_removed": "Retirés{c}: liens de profil, adresses e-mail, numéros de "
                            "téléphone, identifiants de conversation, textes des messages et "
                            "liens vers les posts.",
        "redacted_posts": "Posts, commentaires et articles sont décrits par leur type, leur "
                          "longueur et leurs signaux (langue, visée business, hashtags), "
                          "jamais par leurs mots.",
        "redacted_kept": "Conservés{c}: dates, nombres, stades, hashtags, sites partagés, "
                         "entreprises et intitulés de poste.",
        "redacted_companies": "Les entreprises sont aussi des pseudonymes (« Entreprise 3 »). "
                              "Conservés{c}: dates, nombres, stades, hashtags, sites partagés "
                              "et intitulés de poste.",
        "redacted_export": "masqué (rapport anonymisé)",
        "redacted_business": "visée business",
        "redacted_personal": "voix personnelle",
        "redacted_lang_en": "en anglais",
        "redacted_lang_fr": "en français",
        "privacy_redacted": "Cette page a été faite sur votre ordinateur à partir de votre "
                            "propre archive, anonymisée pour être partagée. Elle ne charge "
                            "rien depuis internet et ne renvoie à aucun de vos posts.",
    },
}

# What each dataset's absence limits (`readers.SPECS[name].limits` is the English text).
LIMITS_FR: dict[str, str] = {
    "connections": "la croissance du réseau et la part des liens forts",
    "invitations": "les invitations reçues et envoyées (signaux du relai et du producteur)",
    "messages": "les liens forts, la prospection et les demandes entrantes",
    "shares": "les posts originaux et les partages de liens{c}: les stades relai et "
              "producteur",
    "comments": "les commentaires écrits et les réponses sous vos propres posts",
    "reactions": "les traces de lecture{c}: le signal principal du présent",
    "reposts": "les republications instantanées, un signal de relai (les archives "
               "d’avant 2025 n’ont jamais eu ce fichier)",
    "articles": "les articles publiés, un signal de producteur",
    "votes": "les votes aux sondages (une trace de lecture légère)",
    "profile": "votre nom, qui sert à distinguer messages envoyés et reçus",
    "registration": "le début de votre chronologie (votre première activité est utilisée "
                    "à la place)",
    "positions": "le contexte de carrière",
    "education": "le contexte de formation",
    "skills": "le contexte des compétences",
    "endorsements_received": "le contexte de reconnaissance",
    "endorsements_given": "le contexte de reconnaissance",
    "recommendations_received": "le contexte de reconnaissance",
    "recommendations_given": "le contexte de reconnaissance",
    "company_follows": "le contexte de sujets et de marché",
    "member_follows": "qui vous lisez (une trace du présent)",
    "hashtag_follows": "le contexte des sujets suivis",
    "rich_media": "vos propres médias (un signal de producteur{c}; datés seulement depuis "
                  "2025)",
    "events": "les événements (un signal de visée business)",
    "saved_items": "les posts enregistrés (une trace de lecture)",
    "learning": "le contexte de formation en ligne",
}

DATASET_NAMES: dict[str, dict[str, str]] = {
    "en": {
        "connections": "connections", "invitations": "invitations", "messages": "messages",
        "shares": "posts and shares", "comments": "comments", "reactions": "reactions",
        "reposts": "reposts", "articles": "articles", "votes": "poll votes",
        "profile": "profile", "registration": "registration", "positions": "positions",
        "education": "education", "skills": "skills",
        "endorsements_received": "endorsements received",
        "endorsements_given": "endorsements given",
        "recommendations_received": "recommendations received",
        "recommendations_given": "recommendations given",
        "company_follows": "companies followed", "member_follows": "members followed",
        "hashtag_follows": "hashtags followed", "rich_media": "your media",
        "events": "events", "saved_items": "saved posts", "learning": "learning",
    },
    "fr": {
        "connections": "relations", "invitations": "invitations", "messages": "messages",
        "shares": "posts et partages", "comments": "commentaires", "reactions": "réactions",
        "reposts": "republications", "articles": "articles", "votes": "votes aux sondages",
        "profile": "profil", "registration": "inscription", "positions": "postes",
        "education": "formation", "skills": "compétences",
        "endorsements_received": "recommandations de compétences reçues",
        "endorsements_given": "recommandations de compétences données",
        "recommendations_received": "recommandations reçues",
        "recommendations_given": "recommandations données",
        "company_follows": "entreprises suivies", "member_follows": "membres suivis",
        "hashtag_follows": "hashtags suivis", "rich_media": "vos médias",
        "events": "événements", "saved_items": "posts enregistrés", "learning": "formations",
    },
}


def strings(lang: str) -> dict[str, str]:
    """The UI strings of `lang`, with French typography's spaces filled in."""
    return {key: value.replace("{c}", _C) if "{c}" in value else value
            for key, value in TEXT[lang].items()}


def limits(dataset: str, english: str, lang: str) -> str:
    if lang == "fr" and dataset in LIMITS_FR:
        return LIMITS_FR[dataset].replace("{c}", _C)
    return english


def dataset_name(dataset: str, lang: str) -> str:
    return DATASET_NAMES[lang].get(dataset, dataset.replace("_", " "))
