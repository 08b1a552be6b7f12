"""Deterministic, invented text for sample archives: posts, shares, comments, messages,
articles and profile fields, in English ("en") and French ("fr").

Every generator takes a `random.Random` as its first argument and draws only from it, so one
seed always gives the same text. Texts are assembled from template banks with slots ({kw},
{people}, {insight}, ...) filled from the topic's vocabulary. No real person is named;
company and person names are invented. News links use real domains with invented paths.

Business intent (calls to action, offers, booking links) appears only where asked for:
`original_post(..., business=True)` and the "prospect" / "inbound_lead" messages. Every other
generator stays clear of the cue words in `CTA_CUES`, which a classifier may rely on.
"""

from __future__ import annotations

import html
import random
import re
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date

LANGS = ("en", "fr")

# Lower-case substrings that mark a call to action; present in every business post, absent
# from every other text this module writes (the tests check both directions).
CTA_CUES: tuple[str, ...] = (
    "dm me", "send me a dm", "book a", "calendly", "webinar", "register", "sign up", "download",
    "free", "offer", "limited spots", "link in the comments", "join my", "contact me",
    "let's talk", "discovery call", "contactez-moi", "en mp", "rendez-vous", "inscrivez-vous",
    "inscription", "offre", "places limitées", "webinaire", "téléchargez", "gratuit",
    "réservez", "lien en commentaire", "appel découverte", "écrivez-moi")

TOPICS: dict[str, dict[str, object]] = {
    "data": {
        "label": {"en": "Data", "fr": "Data"},
        "hashtags": {"en": ("#Data", "#DataScience", "#AI", "#Analytics", "#DataGovernance"),
                     "fr": ("#Data", "#IA", "#DataScience", "#Gouvernance", "#Analytics")},
        "keywords": {"en": ("data quality", "dashboards", "data governance", "AI projects",
                            "self-service analytics", "metric definitions"),
                     "fr": ("la qualité des données", "les tableaux de bord",
                            "la gouvernance des données", "les projets d’IA",
                            "l’analytique en libre-service", "les définitions d’indicateurs")},
        "people": {"en": ("data teams", "analysts", "product managers"),
                   "fr": ("les équipes data", "les analystes", "les chefs de produit")},
        "actions": {"en": ("rebuilding the same report for the third time",
                           "cleaning up years of legacy tables",
                           "chasing a metric nobody could define"),
                    "fr": ("reconstruire le même rapport pour la troisième fois",
                           "nettoyer des années de tables héritées",
                           "courir après un indicateur que personne ne savait définir")},
        "insights": {"en": ("A dashboard nobody opens is a cost, not an asset.",
                            "Most data quality problems are process problems in disguise.",
                            "The hardest part of an AI project is rarely the model; it is the "
                            "decision it is supposed to change.",
                            "A metric without an owner drifts until nobody trusts it."),
                     "fr": ("Un tableau de bord que personne n’ouvre est un coût, pas un actif.",
                            "La plupart des problèmes de qualité des données sont des "
                            "problèmes de process déguisés.",
                            "Le plus dur dans un projet d’IA, c’est rarement le modèle : c’est "
                            "la décision qu’il est censé changer.",
                            "Un indicateur sans responsable dérive jusqu’à ce que plus "
                            "personne n’y croie.")},
        "practices": {
            "en": ("Start with one decision, not one dataset", "Name an owner for every metric",
                   "Retire the reports nobody opens", "Write the definition before the query"),
            "fr": ("Partir d’une décision, pas d’un jeu de données",
                   "Nommer un responsable par indicateur",
                   "Supprimer les rapports que personne n’ouvre",
                   "Écrire la définition avant la requête")},
        "urls": {"en": ("techcrunch.com/{y}/{m}/{d}/{slug}/?p={id}",
                        "www.wired.com/story/{slug}-{id}/",
                        "venturebeat.com/data-infrastructure/{slug}-{id}/",
                        "www.theverge.com/{y}/{m}/{d}/{id}/{slug}"),
                 "fr": ("www.usine-digitale.fr/article/{slug}.N{id}",
                        "www.lesechos.fr/tech-medias/intelligence-artificielle/{slug}-{id}",
                        "www.zdnet.fr/actualites/{slug}-{id}.htm",
                        "www.journaldunet.com/intelligence-artificielle/{id}-{slug}/")}},
    "leadership": {
        "label": {"en": "Leadership", "fr": "Leadership"},
        "hashtags": {"en": ("#Leadership", "#Management", "#Teams", "#FutureOfWork"),
                     "fr": ("#Leadership", "#Management", "#Équipe", "#TravailHybride")},
        "keywords": {"en": ("feedback", "one-on-ones", "delegation", "psychological safety",
                            "hybrid management", "team rituals"),
                     "fr": ("le feedback", "les points individuels", "la délégation",
                            "la sécurité psychologique", "le management hybride",
                            "les rituels d’équipe")},
        "people": {"en": ("new managers", "team leads", "executive teams"),
                   "fr": ("les nouveaux managers", "les responsables d’équipe",
                          "les comités de direction")},
        "actions": {"en": ("running back-to-back meetings with no time to think",
                           "rewriting a team charter nobody read",
                           "answering every single question themselves"),
                    "fr": ("enchaîner les réunions sans temps pour réfléchir",
                           "réécrire une charte d’équipe que personne n’a lue",
                           "répondre eux-mêmes à toutes les questions")},
        "insights": {
            "en": ("A manager who answers every question builds a team that stops asking.",
                   "Feedback that arrives three months late is a verdict, not feedback.",
                   "Trust grows in small, ordinary moments, not at off-site seminars.",
                   "Delegating a task without the context is just handing over the stress."),
            "fr": ("Un manager qui répond à toutes les questions construit une équipe qui n’en "
                   "pose plus.",
                   "Un feedback qui arrive trois mois trop tard n’est plus un feedback, c’est "
                   "un verdict.",
                   "La confiance se construit dans les petits moments ordinaires, pas en "
                   "séminaire.",
                   "Déléguer une tâche sans le contexte, c’est seulement transmettre le stress.")},
        "practices": {
            "en": ("Keep one-on-ones even in busy weeks", "Ask a question before giving advice",
                   "Say the hard thing early, and kindly", "Write decisions down, with the why"),
            "fr": ("Maintenir les points individuels, même les semaines chargées",
                   "Poser une question avant de donner un conseil",
                   "Dire les choses difficiles tôt, et avec bienveillance",
                   "Écrire les décisions, avec leur pourquoi")},
        "urls": {"en": ("hbr.org/{y}/{m}/{slug}?utm_source=linkedin&utm_id={id}",
                        "www.fastcompany.com/{id}/{slug}",
                        "sloanreview.mit.edu/article/{slug}-{id}/",
                        "www.bbc.com/worklife/article/{ymd}-{slug}?utm_id={id}"),
                 "fr": ("www.lesechos.fr/idees-debats/leadership-management/{slug}-{id}",
                        "www.lefigaro.fr/decideurs/management/{slug}-{ymd}?id={id}",
                        "www.welcometothejungle.com/fr/articles/{slug}-{id}",
                        "www.hbrfrance.fr/management/{slug}-{id}/")}},
    "sales": {
        "label": {"en": "Sales", "fr": "Vente"},
        "hashtags": {"en": ("#Sales", "#B2B", "#Prospecting", "#SalesLeadership"),
                     "fr": ("#Vente", "#B2B", "#Prospection", "#Commercial")},
        "keywords": {"en": ("outbound prospecting", "pipeline reviews", "cold emails",
                            "account planning", "pricing conversations", "sales forecasting"),
                     "fr": ("la prospection", "les revues de pipeline", "les e-mails à froid",
                            "les plans de compte", "les négociations de prix",
                            "les prévisions commerciales")},
        "people": {"en": ("sales teams", "account executives", "sales-led founders"),
                   "fr": ("les équipes commerciales", "les commerciaux",
                          "les fondateurs qui vendent eux-mêmes")},
        "actions": {"en": ("sending hundreds of identical emails",
                           "updating the CRM at midnight",
                           "cutting prices to close before the end of the quarter"),
                    "fr": ("envoyer des centaines d’e-mails identiques",
                           "mettre à jour le CRM à minuit",
                           "brader les prix pour signer avant la fin du trimestre")},
        "insights": {"en": ("Prospects rarely say no to the product; they say no to the timing.",
                            "A forecast is only as honest as the last pipeline review.",
                            "The best question in a first meeting is the one you don't know "
                            "the answer to.",
                            "Cutting prices early teaches buyers to wait."),
                     "fr": ("Un prospect dit rarement non au produit ; il dit non au moment.",
                            "Une prévision n’est jamais plus honnête que la dernière revue de "
                            "pipeline.",
                            "La meilleure question d’un premier échange est celle dont on ne "
                            "connaît pas la réponse.",
                            "Brader trop tôt apprend aux acheteurs à attendre.")},
        "practices": {"en": ("Research the account before the first message",
                             "Ask about the problem before the budget",
                             "Follow up with something useful, not \"just checking in\"",
                             "Review lost deals as seriously as won ones"),
                      "fr": ("Se renseigner sur le compte avant le premier message",
                             "Parler du problème avant le budget",
                             "Relancer avec quelque chose d’utile, pas une simple formule de "
                             "politesse",
                             "Analyser les affaires perdues aussi sérieusement que les gagnées")},
        "urls": {"en": ("hbr.org/{y}/{m}/{slug}?utm_source=linkedin&utm_id={id}",
                        "www.entrepreneur.com/growing-a-business/{slug}/{id}",
                        "www.fastcompany.com/{id}/{slug}",
                        "techcrunch.com/{y}/{m}/{d}/{slug}/?p={id}"),
                 "fr": ("www.lesechos.fr/entrepreneurs/{slug}-{id}",
                        "www.maddyness.com/{y}/{m}/{d}/{slug}/?p={id}",
                        "www.journaldunet.com/management/{id}-{slug}/",
                        "www.latribune.fr/entreprises-finance/{slug}-{id}.html")}},
    "hr": {
        "label": {"en": "People & HR", "fr": "RH"},
        "hashtags": {"en": ("#HR", "#Recruiting", "#EmployeeExperience", "#Talent"),
                     "fr": ("#RH", "#Recrutement", "#MarqueEmployeur", "#Onboarding")},
        "keywords": {"en": ("onboarding", "employer branding", "internal mobility",
                            "hiring processes", "employee retention", "skills-based hiring"),
                     "fr": ("l’onboarding", "la marque employeur", "la mobilité interne",
                            "les process de recrutement", "la fidélisation des talents",
                            "le recrutement par compétences")},
        "people": {"en": ("HR teams", "hiring managers", "talent partners"),
                   "fr": ("les équipes RH", "les managers qui recrutent",
                          "les chargés de recrutement")},
        "actions": {"en": ("rewriting job descriptions nobody read to the end",
                           "running six interview rounds for a junior role",
                           "chasing candidates who had already signed elsewhere"),
                    "fr": ("réécrire des fiches de poste que personne ne lisait jusqu’au bout",
                           "enchaîner six entretiens pour un poste junior",
                           "relancer des candidats déjà partis ailleurs")},
        "insights": {
            "en": ("Onboarding starts the day the contract is signed, not on the first Monday.",
                   "Candidates remember how you said no far longer than how you said yes.",
                   "Internal mobility is the cheapest retention tool most companies ignore.",
                   "A job description is a promise; vague promises attract vague candidates."),
            "fr": ("L’onboarding commence le jour de la signature, pas le premier lundi.",
                   "Les candidats se souviennent plus longtemps de la façon dont on leur a dit "
                   "non que de celle dont on leur a dit oui.",
                   "La mobilité interne est l’outil de fidélisation le moins cher, et le plus "
                   "oublié.",
                   "Une fiche de poste est une promesse : une promesse floue attire des "
                   "candidatures floues.")},
        "practices": {"en": ("Answer every candidate, even with a short no",
                             "Cut interview rounds to the ones you actually use",
                             "Give new hires a buddy from another team",
                             "Publish salary ranges"),
                      "fr": ("Répondre à chaque candidat, même par un non bref",
                             "Réduire les entretiens à ceux qui servent vraiment",
                             "Donner aux nouveaux arrivants un binôme d’une autre équipe",
                             "Afficher les fourchettes de salaire")},
        "urls": {"en": ("www.bbc.com/worklife/article/{ymd}-{slug}?utm_id={id}",
                        "www.theguardian.com/money/{y}/{mon}/{d}/{slug}?utm_id={id}",
                        "hbr.org/{y}/{m}/{slug}?utm_source=linkedin&utm_id={id}",
                        "www.fastcompany.com/{id}/{slug}"),
                 "fr": ("www.welcometothejungle.com/fr/articles/{slug}-{id}",
                        "www.lefigaro.fr/emploi/{slug}-{ymd}?id={id}",
                        "www.lemonde.fr/emploi/article/{y}/{m}/{d}/{slug}_{id}_1698637.html",
                        "www.journaldunet.com/management/{id}-{slug}/")}},
    "sustainability": {
        "label": {"en": "Sustainability", "fr": "RSE"},
        "hashtags": {"en": ("#Sustainability", "#ClimateAction", "#ESG", "#NetZero"),
                     "fr": ("#RSE", "#Climat", "#TransitionÉcologique", "#DéveloppementDurable")},
        "keywords": {"en": ("carbon accounting", "CSR reporting", "sustainable procurement",
                            "Scope 3 emissions", "energy transition plans", "circular design"),
                     "fr": ("le bilan carbone", "le reporting RSE", "les achats responsables",
                            "les émissions de scope 3", "la transition énergétique",
                            "l’écoconception")},
        "people": {"en": ("sustainability managers", "procurement teams", "finance teams"),
                   "fr": ("les responsables RSE", "les équipes achats",
                          "les directions financières")},
        "actions": {"en": ("filling in the same supplier questionnaire for the fourth time",
                           "building a carbon baseline from scattered invoices",
                           "translating climate targets into budget lines"),
                    "fr": ("remplir le même questionnaire fournisseur pour la quatrième fois",
                           "reconstituer un bilan carbone à partir de factures éparpillées",
                           "traduire des objectifs climat en lignes budgétaires")},
        "insights": {"en": ("A climate target without a budget line is a wish.",
                            "Most emissions sit in the supply chain, far from the dashboards "
                            "that report them.",
                            "The greenest product is often the one designed to last, not the "
                            "one that gets offset.",
                            "CSR reporting becomes useful the day finance reads it."),
                     "fr": ("Un objectif climat sans ligne budgétaire reste un vœu.",
                            "L’essentiel des émissions se trouve dans la chaîne "
                            "d’approvisionnement, loin des tableaux qui les affichent.",
                            "Le produit le plus sobre est souvent celui qu’on conçoit pour "
                            "durer, pas celui qu’on compense.",
                            "Le reporting RSE devient utile le jour où la direction financière "
                            "le lit.")},
        "practices": {
            "en": ("Measure before you announce", "Start with your ten biggest suppliers",
                   "Put a carbon line next to every budget line",
                   "Design for repair from the first sketch"),
            "fr": ("Mesurer avant d’annoncer", "Commencer par les dix plus gros fournisseurs",
                   "Mettre une ligne carbone à côté de chaque ligne budgétaire",
                   "Concevoir pour la réparation dès le premier croquis")},
        "urls": {"en": ("www.theguardian.com/environment/{y}/{mon}/{d}/{slug}?utm_id={id}",
                        "www.greenbiz.com/article/{slug}-{id}",
                        "www.wired.com/story/{slug}-{id}/",
                        "www.reuters.com/sustainability/{slug}-{y}-{m}-{d}/?id={id}"),
                 "fr": ("www.novethic.fr/actualite/environnement/climat/isr-rse/{slug}-{id}.html",
                        "www.lemonde.fr/planete/article/{y}/{m}/{d}/{slug}_{id}_3244.html",
                        "www.usinenouvelle.com/article/{slug}.N{id}",
                        "www.lesechos.fr/industrie-services/energie-environnement/{slug}-{id}")}},
    "product": {
        "label": {"en": "Product", "fr": "Produit"},
        "hashtags": {"en": ("#ProductManagement", "#UX", "#Product", "#SaaS"),
                     "fr": ("#Produit", "#ProductManagement", "#UX", "#SaaS")},
        "keywords": {"en": ("product discovery", "roadmaps", "user research",
                            "feature prioritisation", "product-led growth", "release notes"),
                     "fr": ("la discovery produit", "les roadmaps", "la recherche utilisateur",
                            "la priorisation des fonctionnalités",
                            "la croissance portée par le produit", "les notes de version")},
        "people": {"en": ("product managers", "product teams", "designers"),
                   "fr": ("les product managers", "les équipes produit", "les designers")},
        "actions": {"en": ("shipping features nobody had asked for",
                           "defending a roadmap that was out of date the day it was shared",
                           "running user interviews that only confirmed what they wanted to "
                           "hear"),
                    "fr": ("livrer des fonctionnalités que personne n’avait demandées",
                           "défendre une roadmap périmée le jour même de sa diffusion",
                           "mener des entretiens qui ne faisaient que confirmer leurs idées")},
        "insights": {
            "en": ("A roadmap is a list of bets, not a list of promises.",
                   "Five user interviews teach more than fifty opinions in a meeting room.",
                   "The feature you remove is often worth more than the one you add.",
                   "If nobody reads the release notes, the release is not finished."),
            "fr": ("Une roadmap est une liste de paris, pas une liste de promesses.",
                   "Cinq entretiens utilisateurs en apprennent plus que cinquante avis en "
                   "salle de réunion.",
                   "La fonctionnalité qu’on retire vaut souvent plus que celle qu’on ajoute.",
                   "Si personne ne lit les notes de version, la livraison n’est pas terminée.")},
        "practices": {"en": ("Talk to users every week, even for 20 minutes",
                             "Write the problem statement before the solution",
                             "Retire one feature per quarter",
                             "Share the roadmap as bets, with confidence levels"),
                      "fr": ("Parler à des utilisateurs chaque semaine, même 20 minutes",
                             "Écrire le problème avant la solution",
                             "Retirer une fonctionnalité par trimestre",
                             "Présenter la roadmap comme des paris, avec un niveau de confiance")},
        "urls": {"en": ("techcrunch.com/{y}/{m}/{d}/{slug}/?p={id}",
                        "www.theverge.com/{y}/{m}/{d}/{id}/{slug}",
                        "www.wired.com/story/{slug}-{id}/", "www.fastcompany.com/{id}/{slug}"),
                 "fr": ("www.maddyness.com/{y}/{m}/{d}/{slug}/?p={id}",
                        "www.frenchweb.fr/{slug}/{id}",
                        "www.journaldunet.com/ebusiness/{id}-{slug}/",
                        "siecledigital.fr/{y}/{m}/{d}/{slug}/?p={id}")}}}

# --- Shared vocabulary ---------------------------------------------------------------------------

_FIRST = {"en": ("Olivia", "Ethan", "Priya", "Kenji", "Amara", "Liam", "Sofia", "Omar", "Chloe",
                 "Daniel", "Aisha", "Mateo", "Hannah", "Wei", "Grace", "Tariq", "Nora",
                 "Samuel", "Elena", "Kwame", "Maya", "Jonas", "Ingrid", "Rafael", "Zoe",
                 "Malik"),
          "fr": ("Camille", "Jean-Baptiste", "Hélène", "Léa", "Hugo", "Inès", "Mathilde",
                 "Théo", "Chloé", "Loïc", "Anaïs", "Karim", "Yasmine", "François", "Noémie",
                 "Marie-Claire", "Bastien", "Aïcha", "Moussa", "Linh", "Gaëlle", "Rémi",
                 "Solène", "Jérôme", "Océane", "Mehdi")}
_LAST = {"en": ("Bennett", "Okafor", "Nakamura", "Lindqvist", "Haddad", "Walsh", "Moreno",
                "Kowalski", "Patel", "Fischer", "O'Connor", "Mensah", "Harper", "Novak",
                "Castillo", "Brennan", "Abiodun", "Varga", "Sullivan", "Chen", "Ferreira",
                "Adeyemi"),
         "fr": ("Dupont", "Lefèvre", "Moreau", "Garnier", "Benali", "Nguyen", "Rousseau",
                "Lambert", "Fournier", "Diallo", "Mercier", "Girard", "Chevalier",
                "Roux-Delmas", "Bonnet", "Haddad", "Perrin", "Leblanc", "Faure", "Traoré",
                "Marchand", "Da Silva", "Renaud", "Berthelot")}
_CO_ROOTS = ("Nordlys", "Brumeval", "Kestrelia", "Velora", "Ostrand", "Calvéo", "Tessaline",
             "Marvéa", "Ombrelle", "Halvard", "Lumisphère", "Quillon", "Ardoise", "Pelican Bay",
             "Corvane", "Sablière", "Tidewell", "Fjordline", "Maréo", "Silverbirch")
_CO_KINDS = ("Analytics", "Conseil", "Labs", "Studio", "Partners", "Logistique", "Santé",
             "Software", "Group", "& Associés", "Systems", "Industries", "Assurances", "Retail")
_TITLES = {"en": ("Data Analyst", "Head of Data", "Product Manager", "Senior Product Designer",
                  "Account Executive", "Sales Director", "HR Business Partner",
                  "Talent Acquisition Lead", "Sustainability Manager", "Operations Manager",
                  "Marketing Manager", "Engineering Manager", "Chief of Staff",
                  "Customer Success Manager", "Consultant"),
           "fr": ("Analyste de données", "Responsable data", "Cheffe de produit",
                  "Chef de projet digital", "Directrice commerciale", "Ingénieur d’affaires",
                  "Responsable RH", "Chargée de recrutement", "Responsable RSE",
                  "Directeur des opérations", "Consultante en transformation",
                  "Responsable marketing", "DRH", "Product Owner", "Business Developer")}
_WHEN = {"en": ("last week", "last Tuesday", "a few days ago", "this morning", "last month",
                "yesterday", "on Monday"),
         "fr": ("la semaine dernière", "mardi dernier", "il y a quelques jours", "ce matin",
                "le mois dernier", "hier", "lundi")}
_CITIES = {"en": ("Lyon", "Manchester", "Rotterdam", "Toronto", "Austin", "Dublin", "Lisbon",
                  "Edinburgh"),
           "fr": ("Lyon", "Nantes", "Bordeaux", "Lille", "Montréal", "Bruxelles", "Genève",
                  "Toulouse")}
_SECTORS = {"en": ("logistics", "insurance", "retail", "healthcare", "manufacturing",
                   "software", "banking"),
            "fr": ("la logistique", "l’assurance", "la distribution", "la santé", "l’industrie",
                   "l’édition de logiciels", "la banque")}
_DAYS = {"en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"),
         "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi")}
_HOURS = {"en": ("9 am", "12:30 pm", "1 pm", "6 pm", "8:30 am"),
          "fr": ("9h", "12h30", "13h", "18h", "8h30")}
_MONTHS = {"en": ("January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December"),
           "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                  "septembre", "octobre", "novembre", "décembre")}
_QUOTES = {"en": ("clarity beats speed", "done is better than perfect", "people before process",
                  "small steps, every week", "listen first, advise later",
                  "less noise, more signal", "start small, stay consistent",
                  "progress over perfection", "ask, don't assume"),
           "fr": ("la clarté avant la vitesse", "mieux vaut fait que parfait",
                  "les gens avant les process", "petit à petit, chaque semaine",
                  "écouter avant de conseiller", "moins de bruit, plus de fond",
                  "commencer petit, rester régulier", "le progrès plutôt que la perfection",
                  "demander plutôt que supposer")}
_PROGRAMS = {
    "en": ("Clarity Sprint", "90-Day Reset", "Momentum Program", "Team Compass", "Focus Lab"),
    "fr": ("Cap Clarté", "Parcours 90 jours", "Boussole", "Sprint Déclic", "Cap Équipe")}
_NEWSLETTERS = {"en": ("The Monday Memo", "Signal & Noise", "Field Notes", "The Long Game"),
                "fr": ("La Lettre du lundi", "Carnets de terrain", "Le Fil", "Signal & Bruit")}
_VALUES = {"en": ("turn {kw} into measurable results", "make {kw} simpler and faster",
                  "get unstuck on {kw} in a few weeks"),
           "fr": ("transformer {kw} en résultats mesurables", "simplifier {kw}",
                  "avancer sur {kw} en quelques semaines")}
_EMOJI = ("👏", "🙌", "💯", "👍", "🔥", "🙏", "💡", "👀")
_MON3 = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

_FIELDS = {"kw": "keywords", "people": "people", "action": "actions", "insight": "insights",
           "practice": "practices", "tag": "hashtags"}


def _check(lang: str, topic: str | None = None) -> None:
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    if topic is not None and topic not in TOPICS:
        raise KeyError(f"unknown topic {topic!r}; known: {', '.join(TOPICS)}")


def _field(topic: str, name: str, lang: str) -> tuple[str, ...]:
    return TOPICS[topic][name][lang]  # type: ignore[index]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _decap(text: str) -> str:
    """Lower the first letter for use after a colon, keeping acronyms (AI, CSR, RH)."""
    first = re.split(r"[\s’']", text, maxsplit=1)[0]
    if len(first) > 1 and first.isupper():
        return text
    return text[:1].lower() + text[1:]


def _words(text: str) -> int:
    return len(text.split())


def slugify(text: str, max_words: int = 12) -> str:
    text = text.replace("’", " ").replace("'", " ")
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-".join(re.findall(r"[a-z0-9]+", plain)[:max_words])


_BOLD = {**{chr(ord("A") + i): chr(0x1D5D4 + i) for i in range(26)},
         **{chr(ord("a") + i): chr(0x1D5EE + i) for i in range(26)},
         **{chr(ord("0") + i): chr(0x1D7EC + i) for i in range(10)}}


def _bold(text: str) -> str:
    """Pseudo-bold as LinkedIn users type it (Mathematical Sans-Serif Bold); accents stay."""
    return "".join(_BOLD.get(c, c) for c in text)


class _Slots(dict):
    """Lazily filled template slots: {kw}, {Kw} (capitalised), {insight_lc} (decapitalised)...
    A value, once drawn, stays the same for the whole text, so slots agree with each other."""

    def __init__(self, rng: random.Random, lang: str, topic: str, **fixed: str) -> None:
        super().__init__(fixed)
        self.rng, self.lang, self.topic = rng, lang, topic

    def __missing__(self, key: str) -> str:
        if key[:1].isupper():
            value = _cap(self[key[:1].lower() + key[1:]])
        elif key.endswith("_lc"):
            value = _decap(self[key[:-3]])
        else:
            value = self._draw(key)
        self[key] = value
        return value

    def _draw(self, key: str) -> str:
        r, lang = self.rng, self.lang
        if key in _FIELDS:
            return r.choice(_field(self.topic, _FIELDS[key], lang))
        if key == "kw2":
            return r.choice([k for k in _field(self.topic, "keywords", lang) if k != self["kw"]])
        simple: dict[str, Callable[[], str]] = {
            "n": lambda: str(r.randint(3, 7)), "years": lambda: str(r.randint(4, 18)),
            "weeks": lambda: str(r.randint(3, 12)), "small": lambda: str(r.randint(3, 9)),
            "small2": lambda: str(r.randrange(10, 60, 5)), "spots": lambda: str(r.randint(3, 8)),
            "mins": lambda: str(r.randrange(10, 35, 5)), "pct": lambda: str(r.randrange(10, 35, 5)),
            "pages": lambda: str(r.randint(12, 40)),
            "code": lambda: r.choice(("GO", "INFO", "READY", "PLAN")),
            "when": lambda: r.choice(_WHEN[lang]), "city": lambda: r.choice(_CITIES[lang]),
            "sector": lambda: r.choice(_SECTORS[lang]), "day": lambda: r.choice(_DAYS[lang]),
            "hour": lambda: r.choice(_HOURS[lang]), "quote": lambda: r.choice(_QUOTES[lang]),
            "program": lambda: r.choice(_PROGRAMS[lang]),
            "news": lambda: r.choice(_NEWSLETTERS[lang]),
            "first": lambda: person_name(r, lang)[0], "company": lambda: company(r),
            "title": lambda: job_title(r, lang), "link": lambda: _cta_link(r, False),
            "booking": lambda: _cta_link(r, True),
            "event": lambda: event_name(r, lang, self.topic),
            "date": lambda: _day_month(r, lang),
            "value": lambda: r.choice(_VALUES[lang]).format_map(self),
            "emoji": lambda: r.choice(_EMOJI),
        }
        if key not in simple:
            raise KeyError(f"no slot named {key!r}")
        return simple[key]()


def _fill(template: str, slots: _Slots) -> str:
    return template.format_map(slots)


def _pick(rng: random.Random, bank: Sequence[str], slots: _Slots) -> str:
    return _fill(rng.choice(bank), slots)


def _day_month(rng: random.Random, lang: str) -> str:
    day, month = rng.randint(1, 28), rng.choice(_MONTHS[lang])
    return f"{month} {day}" if lang == "en" else f"{day} {month}"


def _cta_link(rng: random.Random, booking: bool) -> str:
    """A booking page, or a landing page / LinkedIn short link (invented paths)."""
    first, last = person_name(rng, rng.choice(LANGS))
    handle = slugify(f"{first} {last}")
    if booking:
        kind = rng.choice(("30min", "decouverte", "intro"))
        return f"https://calendly.example.com/{handle}/{kind}"
    code = "".join(rng.choice("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
                   for _ in range(7))
    return rng.choice((f"https://lnkd.in/{code}",
                       f"https://www.example.com/{handle}?utm_source=linkedin"))


def _hashtags(rng: random.Random, lang: str, topic: str, low: int = 1, high: int = 4) -> str:
    tags = _field(topic, "hashtags", lang)
    return " ".join(rng.sample(tags, rng.randint(low, min(high, len(tags)))))


# --- Names, companies, titles, events ------------------------------------------------------------

def person_name(rng: random.Random, lang: str) -> tuple[str, str]:
    """An invented (first, last) name; French names for "fr", a diverse mix for "en"."""
    _check(lang)
    return rng.choice(_FIRST[lang]), rng.choice(_LAST[lang])


def company(rng: random.Random) -> str:
    """An invented company name."""
    root = rng.choice(_CO_ROOTS)
    return root if rng.random() < 0.2 else f"{root} {rng.choice(_CO_KINDS)}"


def job_title(rng: random.Random, lang: str) -> str:
    _check(lang)
    return rng.choice(_TITLES[lang])


_EVENTS = {"en": ("{label} Breakfast, {city}", "{label} Leaders Meetup #{n}",
                  "{city} {label} Summit", "Webinar: {n} ideas on {kw}",
                  "{label} Roundtable: {Kw}"),
           "fr": ("Matinale {label}, {city}", "Petit-déjeuner {label} #{n}",
                  "Rencontres {label} de {city}", "Webinaire : {n} idées sur {kw}",
                  "Table ronde {label} : {Kw}")}


def event_name(rng: random.Random, lang: str, topic: str) -> str:
    _check(lang, topic)
    slots = _Slots(rng, lang, topic, label=_field(topic, "label", lang))  # type: ignore[arg-type]
    return _pick(rng, _EVENTS[lang], slots)


# --- Curated shares (relay) ----------------------------------------------------------------------

_NEWS_TITLES = {
    "en": ("How companies are changing their approach to {kw}",
           "Why {people} are rethinking {kw}", "The hidden cost of ignoring {kw}",
           "Inside the race to fix {kw}", "{n} trends shaping {kw} this year",
           "What {people} get wrong about {kw}", "Why everyone is suddenly talking about {kw}"),
    "fr": ("Pourquoi les entreprises misent sur {kw}",
           "Comment {people} repensent leur approche",
           "Enquête : ce que {people} attendent vraiment", "{n} tendances qui bousculent {kw}",
           "Le coût caché de l’inaction sur {kw}", "{Kw} : ce qui va changer cette année")}


def news_url(rng: random.Random, topic: str, lang: str, *, when: date | None = None) -> str:
    """A plausible article URL on a real news domain with an invented slug and numeric id.
    `when` (optional) dates the article; otherwise a date in 2018–2025 is drawn."""
    _check(lang, topic)
    if when is None:
        when = date(rng.randint(2018, 2025), rng.randint(1, 12), rng.randint(1, 28))
    slots = _Slots(rng, lang, topic)
    pattern = rng.choice(_field(topic, "urls", lang))
    slug = slugify(_pick(rng, _NEWS_TITLES[lang], slots))
    return "https://" + pattern.format(
        slug=slug, id=rng.randint(100_000, 99_999_999), y=when.year, m=f"{when.month:02d}",
        d=f"{when.day:02d}", mon=_MON3[when.month - 1], ymd=when.strftime("%Y%m%d"))


_CURATED = {"en": ("Worth a read.", "Interesting take on {tag}", "Food for thought.",
                   "Great piece on {kw}.", "Spot on.", "This 👇",
                   "Good summary of where {kw} is heading.", "Sharing this one.",
                   "Hard to disagree.", "Thought-provoking read 👇",
                   "A must-read for {people}.", "Interesting numbers here.", "Timely.",
                   "Key read for anyone working on {kw}.", "{Kw}, explained clearly.",
                   "Useful perspective for {people}."),
            "fr": ("À lire 👇", "Intéressant.", "Un éclairage intéressant sur {kw}.",
                   "À méditer.", "Très juste.", "Bonne synthèse sur {kw} 👇",
                   "À partager largement.", "À lire absolument.",
                   "Article intéressant sur {tag}", "Des chiffres qui font réfléchir.",
                   "Tout est dit.", "Éclairant.", "Le point sur {kw}.", "Utile pour {people}.",
                   "Un sujet qui monte : {kw}.", "À garder sous le coude.")}


def curated_comment(rng: random.Random, lang: str, topic: str) -> str:
    """What a relay adds to a shared link: 0–15 words, empty about one time in four."""
    _check(lang, topic)
    if rng.random() < 0.25:
        return ""
    if rng.random() < 0.12:
        return rng.choice(("👇", "🔥", "💡", "👀", "📌"))
    slots = _Slots(rng, lang, topic)
    text = _pick(rng, _CURATED[lang], slots)
    if "#" not in text and rng.random() < 0.3:
        text += " " + slots["tag"]
    if rng.random() < 0.2:
        text += " " + slots["emoji"]
    return text


# --- Reshares with own commentary, original posts ------------------------------------------------

_RESHARE_OPEN = {
    "en": ("This piece on {kw} is worth your time, but I think it misses something important.",
           "I read this twice. The point about {kw} matches what I see every week with "
           "{people}.",
           "Sharing this because it puts words on something I have struggled to explain about "
           "{kw}.",
           "Good article, but I disagree with its conclusion on {kw}.",
           "This is the most balanced take on {kw} I have read in a while.",
           "I have mixed feelings about this one, and I think the nuance matters."),
    "fr": ("Cet article sur {kw} vaut le détour, mais il passe à côté de quelque chose "
           "d’important selon moi.",
           "Je l’ai lu deux fois. Le passage sur {kw} correspond à ce que je vois chaque "
           "semaine avec {people}.",
           "Je partage parce qu’il met des mots sur une chose que j’ai du mal à expliquer sur "
           "{kw}.",
           "Bon article, mais je ne suis pas d’accord avec sa conclusion sur {kw}.",
           "C’est l’analyse la plus nuancée que j’ai lue depuis longtemps sur {kw}.",
           "J’ai un avis partagé sur celui-ci, et je pense que la nuance compte.")}
_RESHARE_BODY = {
    "en": ("In my experience, {insight_lc} The article hints at it without saying it clearly.",
           "Where I'd push back: the author treats {kw} as a tooling question. In every team I "
           "have worked with, it was a question of habits and ownership.",
           "What I'd add from my own projects: {practice_lc}. It sounds small, but it changed "
           "how {people} worked with me.",
           "{insight} I learned that after {years} years of getting it wrong, and it is still "
           "the first thing I check.",
           "My own view is simpler. When {people} are busy {action}, no framework will save "
           "them; time to step back will."),
    "fr": ("D’expérience, {insight_lc} L’article le suggère sans le dire clairement.",
           "Là où je nuancerais : l’auteur traite {kw} comme une question d’outils. Dans "
           "toutes les équipes que j’ai connues, c’était une question d’habitudes et de "
           "responsabilités.",
           "Ce que j’ajouterais, tiré de mes propres projets : {practice_lc}. Ça paraît "
           "anodin, mais ça a changé ma façon de travailler avec {people}.",
           "{insight} Je l’ai compris après {years} ans d’erreurs, et c’est toujours la "
           "première chose que je vérifie.",
           "Mon avis est plus simple. Quand {people} passent leurs journées à {action}, aucune "
           "méthode ne les sauvera ; du temps pour prendre du recul, si.")}
_RESHARE_CLOSE = {
    "en": ("Curious to hear how others see it.", "What's your take?",
           "Do you agree with the author?", "I would love other perspectives on this.",
           "Have you seen the same in your team?"),
    "fr": ("Vos points de vue m’intéressent.", "Qu’en pensez-vous ?",
           "Êtes-vous d’accord avec l’auteur ?", "J’aimerais beaucoup lire vos avis là-dessus.",
           "Vous observez la même chose dans vos équipes ?")}


def commented_reshare(rng: random.Random, lang: str, topic: str) -> str:
    """Own commentary of substance on someone else's content: 40–120 words, 2–3 paragraphs."""
    _check(lang, topic)
    slots = _Slots(rng, lang, topic)
    bodies = list(_RESHARE_BODY[lang])
    rng.shuffle(bodies)
    paras = [_pick(rng, _RESHARE_OPEN[lang], slots), _fill(bodies.pop(), slots)]
    while _words(" ".join(paras)) < 40:
        paras[1] += " " + _fill(bodies.pop(), slots)
    if rng.random() < 0.7:
        close = rng.choice(_RESHARE_CLOSE[lang])
        if rng.random() < 0.3:
            close += " " + _hashtags(rng, lang, topic, 1, 2)
        paras.append(close)
    return "\n\n".join(paras)


_BOLD_TITLES = {"en": (("{n} lessons about {kw}", "The truth about {kw}", "{Kw} in {n} points",
                        "Stop overthinking {kw}"),
                       ("What I learned about {kw}", "My {n} rules for {kw}")),
                "fr": (("{n} leçons sur {kw}", "La vérité sur {kw}", "{Kw} en {n} points",
                        "Arrêtons de compliquer {kw}"),
                       ("Ce que j’ai appris sur {kw}", "Mes {n} règles sur {kw}"))}
_HOOKS = {  # (impersonal, personal)
    "en": (
        ("Everyone talks about {kw}. Few teams can say who owns it.",
         "{Kw}: the problem is rarely where it seems.",
         "There is a quiet cost to neglecting {kw}.",
         "{n} signs that a team should look harder at {kw}.",
         "Unpopular opinion: on {kw}, habits matter more than projects.",
         "What separates teams that improve {kw} from the rest? Rarely the tools."),
        ("{When}, a client asked me why {kw} still felt so hard. I didn't have a neat answer.",
         "I used to think of {kw} as a technical problem. I was wrong.",
         "{n} years ago, I made every mistake possible with {kw}.",
         "I changed one habit around {kw} {n} weeks ago. Here is what happened.",
         "My honest take on {kw}, after {years} years in the field.",
         "I almost didn't write this post.", "Something I wish I had known earlier about {kw}.",
         "I said no to a project {when}. Best decision of the month.",
         "A short story about {kw}, and what it taught me.")),
    "fr": (("Tout le monde a un avis sur {kw}. Peu d’équipes savent qui en est responsable.",
            "{Kw} : le problème est rarement là où on le cherche.",
            "Négliger {kw} a un coût discret.",
            "{n} signes qu’une équipe doit se pencher sur {kw}.",
            "Avis impopulaire : sur {kw}, les projets comptent moins que les habitudes.",
            "Ce qui distingue les équipes qui progressent sur {kw} ? Rarement les outils."),
           ("{When}, un client m’a demandé pourquoi tout était si compliqué avec {kw}. Je "
            "n’avais pas de réponse toute faite.",
            "J’ai longtemps cru que {kw}, c’était une affaire de technique. Je me trompais.",
            "Il y a {n} ans, j’ai fait toutes les erreurs possibles sur {kw}.",
            "J’ai changé une seule habitude concernant {kw} il y a {n} semaines. Voici ce qui "
            "s’est passé.",
            "Mon avis honnête sur {kw}, après {years} ans sur le terrain.",
            "J’ai failli ne pas écrire ce post.",
            "Ce que j’aurais aimé savoir plus tôt sur {kw}.",
            "J’ai dit non à un projet {when}. Meilleure décision du mois.",
            "Une petite histoire sur {kw}, et ce qu’elle m’a appris."))}
_BUSINESS_HOOKS = {
    "en": (("Companies invest heavily in {kw}. Few see the return they expected.",
            "Most teams underestimate what the status quo on {kw} costs them every month."),
           ("Every week, clients ask me the same question about {kw}.",
            "{n} clients asked me about {kw} this month. Here is my answer.")),
    "fr": (("Les entreprises investissent beaucoup sur {kw}. Peu en voient le retour attendu.",
            "Beaucoup d’équipes découvrent trop tard combien leur coûte le statu quo sur {kw}."),
           ("Chaque semaine, des clients me posent la même question sur {kw}.",
            "Ce mois-ci, {n} clients m’ont posé la même question sur {kw}. Voici ma réponse."))}
_STORIES = {
    "en": (("Picture {people} {action}. Nobody is doing anything wrong, and yet the results "
            "stay flat.",
            "A team of {small} people can easily spend {weeks} weeks {action} before anyone "
            "asks what it is for.",
            "In many organisations, {people} end up {action}. It looks like work. It feels "
            "like progress. It rarely is.",
            "The pattern repeats across sectors: weeks spent {action}, and very little time "
            "left to step back."),
           ("{When}, I spent an afternoon with {people} who were {action}. Nobody was doing "
            "anything wrong, and yet the results were flat.",
            "When I started out, I was {action}, convinced it was the job. It took me {n} "
            "years and one very patient mentor to see it differently.",
            "A colleague once asked me why we kept {action}. I gave a long answer. The honest "
            "one was shorter: habit.",
            "Early in my career, I watched a team of {small} people spend {weeks} weeks "
            "{action}. I was part of that team.",
            "In {years} years, I have worked with dozens of {people}. The pattern is almost "
            "always the same: weeks spent {action}, and very little time to step back.")),
    "fr": (
        ("Imaginez {people} en train de {action}. Personne ne fait rien de mal, et pourtant "
         "les résultats stagnent.",
         "Une équipe de {small} personnes peut facilement passer {weeks} semaines à {action} "
         "avant que quelqu’un demande à quoi cela sert.",
         "Dans beaucoup d’organisations, {people} finissent par {action}. Ça ressemble à du "
         "travail. Ça donne l’impression d’avancer. C’est rarement le cas.",
         "Le schéma se répète d’un secteur à l’autre : des semaines à {action}, et très peu de "
         "temps pour prendre du recul."),
        ("{When}, j’ai passé un après-midi avec {people}, qui passaient leurs journées à "
         "{action}. Personne ne faisait rien de mal, et pourtant les résultats stagnaient.",
         "À mes débuts, je passais mon temps à {action}, en pensant que c’était ça, le métier. "
         "Il m’a fallu {n} ans et un mentor très patient pour voir les choses autrement.",
         "Un collègue m’a demandé un jour pourquoi on continuait à {action}. J’ai fait une "
         "longue réponse. La vraie était plus courte : l’habitude.",
         "En début de carrière, j’ai vu une équipe de {small} personnes passer {weeks} "
         "semaines à {action}. J’en faisais partie.",
         "En {years} ans, j’ai travaillé avec beaucoup d’équipes. Le schéma se répète presque "
         "toujours : des semaines à {action}, et très peu de temps pour prendre du recul."))}
_INSIGHT_WRAP = {
    "en": (("The lesson: {insight_lc}", "{insight}", "Put simply: {insight_lc}",
            "{insight} It sounds obvious, and yet it rarely happens."),
           ("What I've learned: {insight_lc}", "My takeaway is simple. {insight}",
            "Here is what I believe now. {insight}", "The lesson for me: {insight_lc}",
            "{insight} I had to learn it the hard way.")),
    "fr": (("La leçon : {insight_lc}", "{insight}", "En clair : {insight_lc}",
            "{insight} Cela paraît évident, et pourtant c’est rarement le cas."),
           ("Ce que j’en retiens : {insight_lc}", "Ma conclusion est simple. {insight}",
            "Voilà ce que je crois aujourd’hui. {insight}", "La leçon, pour moi : {insight_lc}",
            "{insight} Je l’ai appris à mes dépens."))}
_FOLLOWUPS = {"en": ("Simple to say, hard to practise.", "That shift takes months, not weeks.",
                     "Tools help, but they come second.",
                     "It is less about talent than about rhythm.",
                     "And the teams that get it right rarely make noise about it."),
              "fr": ("Facile à dire, difficile à pratiquer.",
                     "Ce changement prend des mois, pas des semaines.",
                     "Les outils aident, mais ils viennent après.",
                     "C’est moins une question de talent que de rythme.",
                     "Et les équipes qui y arrivent en parlent rarement.")}
_LIST_LEADS = {
    "en": (("What tends to work:", "A few habits that make the difference:",
            "{count} simple moves:"),
           ("What helped me:", "What I'd do again tomorrow:", "{count} things I changed:")),
    "fr": (("Ce qui marche en général :", "Quelques habitudes qui font la différence :",
            "{count} réflexes simples :"),
           ("Ce qui m’a aidé :", "Ce que je referais demain :",
            "Les {count} choses que j’ai changées :"))}
_MENTIONS = {"en": (("Credit to {m} for raising this point recently.",
                     "{m} summed it up well in a recent discussion: {quote}."),
                    ("Thanks to {m} for the conversation that sparked this post.",
                     "{m} put it better than I could during our last call: {quote}.",
                     "Shout-out to {m}, who challenged my thinking on this.")),
             "fr": (("Un point très bien soulevé par {m} récemment.",
                     "{m} l’a bien résumé lors d’un échange récent : {quote}."),
                    ("Merci à {m} pour l’échange qui m’a inspiré ce post.",
                     "{m} l’a mieux formulé que moi lors de notre dernier échange : {quote}.",
                     "Merci à {m}, qui a bousculé ma façon de voir les choses."))}
_QUESTIONS = {
    "en": (("What would you add?", "How does your team handle {kw}?",
            "Have you seen the same pattern?", "Curious: where do you stand on {kw}?"),
           ("Am I the only one?", "What would you have done in my place?")),
    "fr": (("Et vous, qu’en pensez-vous ?", "Comment votre équipe s’y prend-elle sur {kw} ?",
            "Vous avez observé la même chose ?", "Qu’ajouteriez-vous ?",
            "Où en êtes-vous sur {kw} ?"),
           ("Suis-je la seule personne à voir ça ?", "Qu’auriez-vous fait à ma place ?"))}
_SIGNOFFS = {"en": (("Small habits, big difference.", "Less noise, more signal.",
                     "Worth keeping in mind this quarter."),
                    ("Still learning, one week at a time.",
                     "Writing this down mostly for my future self.",
                     "More thoughts on this in the coming weeks.")),
             "fr": (("Petites habitudes, grande différence.", "Moins de bruit, plus de fond.",
                     "À garder en tête ce trimestre."),
                    ("J’apprends encore, une semaine après l’autre.",
                     "J’écris ça surtout pour moi dans six mois.",
                     "J’y reviendrai dans les prochaines semaines."))}
_CTAS = {"en": ("If you want the same results for your team, DM me and I'll share how I set it "
                "up.",
                "Book a free 30-minute call with me: {booking}",
                "Join my webinar on {day} at {hour}: {n} practical ideas on {kw}. Limited "
                "spots, register here: {link}",
                "Download the free guide ({pages} pages) here: {link}",
                "I'm opening {spots} spots in the {program} this month. Send me a DM with the "
                "word \"{code}\" to get the details.",
                "Launch offer: {pct}% off the {program} until {day}. Link in the comments.",
                "Want to go further? Let's talk, grab a slot in my calendar → {booking}",
                "Come and meet me at {event} on {date}. Free registration: {link}",
                "Contact me for a tailored proposal for your team."),
         "fr": ("Envie d’obtenir les mêmes résultats dans votre équipe ? Contactez-moi en MP.",
                "Prenez rendez-vous pour un appel découverte gratuit de 30 minutes : {booking}",
                "Inscrivez-vous à mon webinaire de {day} à {hour} : {n} idées concrètes sur "
                "{kw}. Places limitées ! {link}",
                "Téléchargez le guide gratuit ({pages} pages) ici : {link}",
                "J’ouvre {spots} places dans le programme {program} ce mois-ci. Écrivez-moi "
                "\"{code}\" en MP pour recevoir les détails.",
                "Offre de lancement : -{pct} % sur le programme {program} jusqu’à {day}. Lien "
                "en commentaire.",
                "Vous voulez aller plus loin ? Réservez un créneau dans mon agenda → {booking}",
                "Retrouvez-moi à {event} le {date}. Inscription gratuite : {link}",
                "Contactez-moi pour une proposition adaptée à votre équipe.")}


def original_post(rng: random.Random, lang: str, topic: str, *, personal: bool = True,
                  business: bool = False, mention: str | None = None) -> str:
    """An original post, 60–250 words in 2–6 paragraphs, hashtags at the end.

    personal: first-person voice (else third person throughout). business: a call to action
    (booking link, offer, webinar, DM...); without it no CTA cue word appears at all.
    mention: a name to credit naturally in the text."""
    _check(lang, topic)
    p = int(personal)
    slots = _Slots(rng, lang, topic, m=mention or "")
    sep = rng.choice(("\n", "\n\n", "\n\n"))
    hook_bank: tuple[str, ...] = _HOOKS[lang][p]
    if business and rng.random() < 0.5:
        hook_bank = _BUSINESS_HOOKS[lang][p]
    opening = _pick(rng, hook_bank, slots)
    if rng.random() < 0.3:
        titles = _BOLD_TITLES[lang][0] + (_BOLD_TITLES[lang][1] if personal else ())
        opening = _bold(_cap(_pick(rng, titles, slots))) + "\n" + opening
    story = _pick(rng, _STORIES[lang][p], slots)
    if mention:
        story += " " + _pick(rng, _MENTIONS[lang][p], slots)
    insights = list(_field(topic, "insights", lang))
    rng.shuffle(insights)
    slots["insight"] = insights.pop()
    insight = _pick(rng, _INSIGHT_WRAP[lang][p], slots)
    if rng.random() < 0.5:
        insight += " " + rng.choice(_FOLLOWUPS[lang])
    paras = [opening, story, insight]
    if rng.random() < 0.45:
        items = rng.sample(_field(topic, "practices", lang), rng.randint(3, 4))
        slots["count"] = str(len(items))
        bullet = rng.choice(("→", "✅", "•", "👉"))
        lead = _pick(rng, _LIST_LEADS[lang][p], slots)
        paras.append("\n".join([lead, *(f"{bullet} {item}" for item in items)]))
    if business:
        lines = []
        for cta in rng.sample(_CTAS[lang], rng.choice((1, 1, 2))):
            slots.pop("link", None), slots.pop("booking", None)  # a link per call to action
            lines.append(_fill(cta, slots))
        paras.append("\n".join(lines))
    if rng.random() < 0.55:
        closing = _pick(rng, _QUESTIONS[lang][0] + (_QUESTIONS[lang][1] if personal else ()),
                        slots)
    else:
        closing = rng.choice(_SIGNOFFS[lang][p])
    tags = _hashtags(rng, lang, topic)
    while _words(" ".join([*paras, closing, tags])) < 60 and insights:
        paras[2] += " " + insights.pop()
    if _words(" ".join([*paras, closing, tags])) > 250 and len(paras) > 3:
        del paras[3]
    return sep.join([*paras, closing + "\n" + tags])


# --- Comments ------------------------------------------------------------------------------------

_COMMENT_OPENERS = {
    "en": ("Great insights, thanks for sharing!", "So true.", "Couldn't agree more.",
           "Well said, {first}.", "Thanks for sharing, {first}!", "Love this.",
           "Congrats, well deserved! 🎉", "Very helpful, saving this one.",
           "This resonates a lot.", "Brilliant post, as always.",
           "Thanks for the reminder, {first}.", "Interesting perspective, thanks."),
    "fr": ("Merci pour ce partage !", "Tellement vrai.", "Entièrement d’accord.",
           "Bien dit, {first}.", "Merci pour le partage, {first} !", "J’adore ce post.",
           "Félicitations, c’est mérité ! 🎉", "Très utile, je garde ça sous le coude.",
           "Ça résonne beaucoup.", "Super post, comme toujours.",
           "Merci pour le rappel, {first}.", "Point de vue intéressant, merci.")}
_COMMENT_BODIES = {
    "en": ("Love the line \"{quote}\", so true.", "\"{quote}\" should be on every office wall.",
           "Interesting point about {kw}. In my team, we learned the same thing the hard way.",
           "The part about {kw} is spot on, especially for {people}.",
           "I'd add one thing: {practice_lc}.", "{insight}",
           "We tried something similar with {kw} last year, and the biggest change was "
           "cultural, not technical.",
           "How did you handle {kw} when the team grew?",
           "This is exactly what I keep telling {people}: {quote}.",
           "Reminds me of my first year as a manager, when I was {action}."),
    "fr": ("J’adore la formule \"{quote}\", tellement juste.",
           "\"{quote}\" : à afficher dans tous les bureaux.",
           "Point très intéressant sur {kw}. Dans mon équipe, on l’a appris à nos dépens.",
           "Le passage sur {kw} est très juste, surtout pour {people}.",
           "J’ajouterais une chose : {practice_lc}.", "{insight}",
           "On a tenté quelque chose de similaire sur {kw} l’an dernier, et le plus gros "
           "changement a été culturel, pas technique.",
           "Comment as-tu géré {kw} quand l’équipe a grandi ?",
           "C’est exactement ce que je répète autour de moi : \"{quote}\".",
           "Ça me rappelle ma première année de manager, à {action}.")}
# {to} is " Léa" and {cto} ", Léa"; both empty when the reply follows an @-mention
_REPLIES = {"en": ("Thanks{to}, great point.",
                   "Thanks{to}! Totally agree, {practice_lc} makes a big difference.",
                   "Good question{cto}. {insight}", "Glad it resonated{cto} 🙏",
                   "Thanks{to}, that's exactly the nuance I was trying to get at.",
                   "Fair point{cto}, and I should have said it more clearly in the post."),
            "fr": ("Merci{to}, tout à fait.",
                   "Merci{to} ! Bien d’accord, {practice_lc}, ça change tout.",
                   "Bonne question{cto}. {insight}",
                   "Ça me fait plaisir que ça te parle{cto} 🙏",
                   "Merci{to}, c’est exactement la nuance que je voulais faire passer.",
                   "Juste{cto}, j’aurais dû le dire plus clairement dans le post.")}


def comment_text(rng: random.Random, lang: str, *, mention: str | None = None,
                 reply: bool = False) -> str:
    """A comment (3–60 words). mention: an @-mentioned name, glued at the start as LinkedIn
    renders it. reply: the author answering a commenter in their own thread."""
    _check(lang)
    slots = _Slots(rng, lang, rng.choice(tuple(TOPICS)))
    # after an @-mention, no second name: the mention is the address
    openers = [t for t in _COMMENT_OPENERS[lang] if not (mention and "{first}" in t)]
    if reply:
        name = "" if mention else slots["first"]
        slots["to"], slots["cto"] = (f" {name}", f", {name}") if name else ("", "")
        text = _pick(rng, _REPLIES[lang], slots)
    else:
        r = rng.random()
        opener, body = _pick(rng, openers, slots), _pick(rng, _COMMENT_BODIES[lang], slots)
        if r < 1 / 6:  # multi-line, as people type them
            text = opener + rng.choice(("\n", "\n\n")) + body
        elif r < 0.28:
            text = opener
        elif r < 0.5:
            text = body
        else:
            text = opener + " " + body
    if rng.random() < (0.5 if _words(text) < 6 else 0.2) or _words(text) < 3:
        text += " " + slots["emoji"]
    return f"{mention} {text}" if mention else text


_NEWS_POSTS = {
    "en": ("Some personal news: after {years} years I am starting a new role as {title} at "
           "{company}. Thank you to everyone who helped me along the way, and see you soon.",
           "Today marks {years} years at {company}. I am grateful to my colleagues for the "
           "trust, the patience and the many good moments we shared over that time."),
    "fr": ("Une nouvelle personnelle : après {years} ans, je commence un nouveau poste de "
           "{title} chez {company}. Merci à toutes celles et ceux qui m’ont aidé en chemin.",
           "Aujourd’hui, cela fait {years} ans que je suis chez {company}. Merci à mes collègues "
           "pour leur confiance, leur patience et tous ces bons moments partagés."),
}


def news_post(rng: random.Random, lang: str) -> str:
    """A post of personal news (a new role, a work anniversary): about 30 words of one's own
    once in a while, which is not a habit of writing."""
    _check(lang)
    slots = _Slots(rng, lang, rng.choice(tuple(TOPICS)))
    return _pick(rng, _NEWS_POSTS[lang], slots)


# --- Private messages ----------------------------------------------------------------------------

_MESSAGES: dict[str, dict[str, tuple[str, ...]]] = {
    "friend": {
        "en": ("Hey {first}! Are you around this weekend? Would be great to catch up, it's "
               "been ages 😊",
               "Haha yes, I saw that! Drinks on Friday after work? Same place as last time?",
               "Happy birthday {first}!! 🎂 Hope you have a great day, let's celebrate "
               "properly soon.",
               "Just landed in {city}. Coffee tomorrow morning if you have time?",
               "Thanks again for yesterday, it was really good to see you.\nSay hi to everyone "
               "from me!",
               "Did you get home ok? The traffic was crazy 😅"),
        "fr": ("Salut {first} ! Tu es dispo ce week-end ? Ça fait une éternité, ce serait "
               "chouette de se voir 😊",
               "Haha oui, j’ai vu ! Un verre vendredi après le boulot ? Même endroit que la "
               "dernière fois ?",
               "Joyeux anniversaire {first} !! 🎂 Passe une super journée, on fête ça bientôt.",
               "Je viens d’arriver à {city}. Un café demain matin si tu as le temps ?",
               "Merci encore pour hier, ça m’a fait vraiment plaisir de te voir.\nBises à tout "
               "le monde !",
               "Bien arrivé chez toi ? Il y avait un monde fou sur la route 😅")},
    "colleague": {"en": ("Hi {first}, could you send me the latest version of the {kw} deck "
                         "before tomorrow's meeting? Thanks!",
                         "Quick one: are we still on for the {kw} review at {hour}? I might be "
                         "5 minutes late.",
                         "Thanks for your help on the project this week, it made a real "
                         "difference.\nLet me know if I can return the favour.",
                         "Hi {first}, I've added my comments to the shared doc. Nothing major, "
                         "mostly wording. Can you take a look when you have a moment?"),
                  "fr": ("Salut {first}, tu peux m’envoyer la dernière version du support sur "
                         "{kw} avant la réunion de demain ? Merci !",
                         "Petite question : on maintient toujours le point sur {kw} à {hour} ? "
                         "J’aurai peut-être 5 minutes de retard.",
                         "Merci pour ton aide sur le projet cette semaine, ça a vraiment fait "
                         "la différence.\nDis-moi si je peux te rendre la pareille.",
                         "Bonjour {first}, j’ai ajouté mes commentaires dans le document "
                         "partagé. Rien de majeur, surtout de la formulation. Tu peux y jeter "
                         "un œil quand tu as un moment ?")},
    "prospect": {
        "en": ("Hi {first}, I saw your recent post about {kw} at {company} and really liked "
               "your point on {kw2}. I help {people} {value}. Would you be open to a 20-minute "
               "call next week to see if it could be useful for your team?",
               "Hello {first}, congrats on the new role at {company}! Many {people} I work "
               "with struggle with {kw} in their first 90 days. I put together a short method "
               "that helps. Worth a quick chat on {day}?",
               "Hi {first},\nI noticed {company} is hiring for several roles. That is usually "
               "when things get harder on {kw}.\nI help {people} {value}. Could we book 15 "
               "minutes next week?"),
        "fr": ("Bonjour {first}, j’ai vu votre post récent sur {kw} chez {company} et j’ai "
               "beaucoup aimé votre point sur {kw2}. J’aide {people} à {value}. Seriez-vous "
               "disponible pour un échange de 20 minutes la semaine prochaine ?",
               "Bonjour {first}, félicitations pour votre nouveau poste chez {company} ! Dans "
               "les 90 premiers jours, {people} avec qui je travaille butent souvent sur {kw}. "
               "J’ai mis au point une méthode courte qui aide. Un échange rapide {day} ?",
               "Bonjour {first},\nJ’ai remarqué que {company} recrute sur plusieurs postes. En "
               "général, c’est là que tout se complique sur {kw}.\nJ’aide {people} à {value}. "
               "Pourrions-nous caler 15 minutes la semaine prochaine ?")},
    "inbound_lead": {
        "en": ("Hello, I came across your posts on {kw}. We're looking for support on this at "
               "{company}. Could you tell me more about your services and rates?",
               "Hi, a colleague recommended your work. We are a team of {small2} people and we "
               "are struggling with {kw}. Do you have availability next month for a first "
               "discussion?",
               "Good morning,\nI attended your talk in {city} and would like to know more "
               "about your program on {kw}.\nIs it possible to adapt it for a company of our "
               "size?"),
        "fr": ("Bonjour, j’ai découvert vos posts sur {kw}. Nous cherchons un accompagnement "
               "sur ce sujet chez {company}. Pourriez-vous m’en dire plus sur vos prestations "
               "et vos tarifs ?",
               "Bonjour, un collègue m’a recommandé votre travail. Nous sommes une équipe de "
               "{small2} personnes et {kw}, c’est devenu un vrai sujet. Auriez-vous des "
               "disponibilités le mois prochain pour un premier échange ?",
               "Bonjour,\nJ’ai assisté à votre intervention à {city} et j’aimerais en savoir "
               "plus sur votre programme sur {kw}.\nEst-il possible de l’adapter à une "
               "structure comme la nôtre ?")},
    "recruiter": {"en": ("Hi {first}, I'm looking for a new {title} for {company}, a "
                         "fast-growing {sector} company based in {city}. Your profile caught "
                         "my attention. Open to a quick chat this week?",
                         "Hello {first},\nI'm working on a confidential {title} search "
                         "(hybrid, {city}). Your experience with {kw} looks like a great fit. "
                         "Would you be open to hearing more?"),
                  "fr": ("Bonjour {first}, je recrute pour un poste de {title} chez {company}, "
                         "une entreprise de {sector} en forte croissance basée à {city}. Votre "
                         "profil a retenu mon attention. Auriez-vous un moment pour en parler "
                         "cette semaine ?",
                         "Bonjour {first},\nJe travaille sur une recherche confidentielle pour "
                         "un poste de {title} (hybride, {city}). Votre expérience sur {kw} "
                         "correspond bien. Seriez-vous d’accord pour en discuter ?")},
    "thanks_connect": {"en": ("Thanks for connecting, {first}! Looking forward to following "
                              "your posts on {kw}.",
                              "Hi {first}, thanks for accepting my invitation. Great to be "
                              "connected, let me know if I can ever help.",
                              "Thanks for the connection! I enjoyed your recent post, "
                              "especially the part on {kw}."),
                       "fr": ("Merci pour la connexion, {first} ! Au plaisir de suivre vos "
                              "publications sur {kw}.",
                              "Bonjour {first}, merci d’avoir accepté mon invitation. Au "
                              "plaisir d’échanger, n’hésitez pas si je peux vous aider un jour.",
                              "Merci d’avoir accepté ! J’ai beaucoup aimé votre dernier post, "
                              "surtout le passage sur {kw}.")}}
MESSAGE_KINDS = tuple(_MESSAGES)
_MESSAGE_PADS = {"en": ("Talk soon!", "Speak soon.", "Have a good day!", "Cheers."),
                 "fr": ("À bientôt !", "Bonne journée !", "À très vite.", "Belle soirée !")}


def message_text(rng: random.Random, lang: str, kind: str) -> str:
    """A private message (10–80 words) of the given kind; see MESSAGE_KINDS."""
    _check(lang)
    if kind not in _MESSAGES:
        raise ValueError(f"kind must be one of {MESSAGE_KINDS}, not {kind!r}")
    slots = _Slots(rng, lang, rng.choice(tuple(TOPICS)))
    text = _pick(rng, _MESSAGES[kind][lang], slots)
    if _words(text) < 10 or rng.random() < 0.2:
        text += rng.choice((" ", "\n")) + rng.choice(_MESSAGE_PADS[lang])
    return text


# --- Long-form articles --------------------------------------------------------------------------

_ARTICLE_TITLES = {
    "en": ("What nobody tells you about {kw}", "{n} lessons from {years} years of {kw}",
           "The quiet cost of neglecting {kw}", "{Kw}: stop chasing the perfect framework",
           "Why progress on {kw} is a habit, not a project", "Rethinking {kw} for small teams",
           "A practical way to make progress on {kw}"),
    "fr": ("Ce que personne ne vous dit sur {kw}",
           "{n} leçons tirées de {years} ans de terrain",
           "Le coût discret de l’inaction sur {kw}",
           "{Kw} : arrêtons de chercher la méthode parfaite",
           "Sur {kw}, l’habitude compte plus que le projet",
           "Repenser {kw} dans les petites équipes", "Une façon concrète d’avancer sur {kw}")}
_ARTICLE_H2 = {"en": ("Where things usually go wrong", "What changes when someone owns it",
                      "A practical starting point", "What I would do differently",
                      "The part nobody budgets for", "Lessons from the field",
                      "Why the subject keeps slipping"),
               "fr": ("Là où les choses dérapent",
                      "Ce qui change quand quelqu’un en est responsable",
                      "Un point de départ concret", "Ce que je ferais autrement",
                      "La part que personne ne budgète", "Leçons de terrain",
                      "Pourquoi le sujet passe toujours après")}
_ARTICLE_INTRO = {
    "en": ("Over the past {years} years, I have watched {people} wrestle with {kw} in very "
           "different organisations, from start-ups of a dozen people to groups with several "
           "thousand employees.",
           "There is no shortage of opinions on {kw}; what is much harder to find is an honest "
           "account of what works on a Tuesday afternoon, with a tight budget and a team that "
           "is already stretched.",
           "Every few months, a new framework promises to settle the question of {kw} once and "
           "for all, and every few months the same problems quietly come back.",
           "This piece started as a note to myself after a long conversation with {people} in "
           "{city}, and it grew as I realised how often the same story repeats.",
           "When people ask me where to start with {kw}, they usually expect a tool or a "
           "method; my answer tends to disappoint them at first, because it is about habits."),
    "fr": ("Depuis {years} ans, j’observe {people} se débattre avec {kw}, dans des "
           "organisations très différentes, de la start-up d’une dizaine de personnes au "
           "groupe de plusieurs milliers de salariés.",
           "Les avis ne manquent pas sur {kw} ; ce qui est beaucoup plus rare, c’est un récit "
           "honnête de ce qui fonctionne un mardi après-midi, avec un budget serré et une "
           "équipe déjà sous l’eau.",
           "Tous les six mois, une nouvelle méthode promet de régler la question une fois pour "
           "toutes, et tous les six mois les mêmes difficultés reviennent sans bruit.",
           "Ce texte est né d’une longue conversation à {city} avec {people}, et il a grandi à "
           "mesure que je constatais combien la même histoire se répète.",
           "Quand on me demande par où commencer avec {kw}, on attend souvent un outil ou une "
           "méthode ; ma réponse déçoit d’abord, parce qu’elle parle d’habitudes.")}
_ARTICLE_BODY = {
    "en": ("The first trap is to treat {kw} as a project with an end date rather than as a "
           "practice that needs a little attention every week.",
           "Most of the friction comes from unclear ownership: when everyone is responsible "
           "for {kw}, in practice nobody is.",
           "Another pattern is the gap between what leadership announces and what {people} "
           "actually have time to do, which is often less than a day a month.",
           "It is tempting to measure progress by the number of initiatives launched, but the "
           "number of decisions that actually changed is a far better signal.",
           "Budgets follow attention, and attention follows what gets discussed in the weekly "
           "meeting, so a subject that never appears on that agenda slowly disappears.",
           "The cost of doing nothing is rarely visible on a single day, which is precisely "
           "why it tends to be underestimated by everyone involved.",
           "In R&D and operations alike, the same pattern shows up: small, regular corrections "
           "beat big, late rescues.",
           "Teams of < {small2} people can often fix this in a few weeks; larger organisations "
           "need to be more deliberate about who decides what.",
           "At one company I worked with, a team of {small} people spent {weeks} weeks "
           "{action} before anyone asked which decision the work was meant to support.",
           "A mid-sized {sector} company in {city} took the opposite route: one team, one "
           "question, a deadline of {weeks} weeks, and a written summary shared with everyone.",
           "I remember a Q&A session where someone asked, quite bluntly, why the team was "
           "still {action}; the silence that followed said more than any slide.",
           "One of the most effective leaders I have met kept a single page of notes on {kw} "
           "and reviewed it with her team every Friday, for {mins} minutes, without exception.",
           "To be fair, there are good reasons for caution, and not every organisation can "
           "afford to experiment in public.",
           "None of this means that tools do not matter; they simply come second, after a "
           "clear idea of what problem is being solved.",
           "Some will argue that this is a luxury reserved for large companies, but in my "
           "experience small teams move faster precisely because they have fewer layers.",
           "It would be easy to blame individuals, yet most of the people involved are doing "
           "exactly what the system rewards."),
    "fr": (
        "Le premier piège consiste à traiter {kw} comme un projet avec une date de fin, plutôt "
        "que comme une pratique qui demande un peu d’attention chaque semaine.",
        "L’essentiel des frictions vient d’un flou sur les responsabilités : quand tout le "
        "monde est responsable, en pratique, personne ne l’est.",
        "On observe aussi un écart entre ce que la direction annonce et le temps dont {people} "
        "disposent réellement, souvent moins d’une journée par mois.",
        "Il est tentant de mesurer les progrès au nombre d’initiatives lancées, mais le nombre "
        "de décisions qui ont réellement changé est un bien meilleur indicateur.",
        "Les budgets suivent l’attention, et l’attention suit l’ordre du jour de la réunion "
        "hebdomadaire : un sujet qui n’y apparaît jamais finit par disparaître.",
        "Le coût de l’inaction ne se voit jamais sur une seule journée, et c’est précisément "
        "pour cela que tout le monde le sous-estime.",
        "En R&D comme dans les opérations, on retrouve le même schéma : de petites corrections "
        "régulières valent mieux que de grands sauvetages tardifs.",
        "Les équipes de < {small2} personnes peuvent souvent régler cela en quelques semaines "
        "; les grandes organisations doivent être plus explicites sur qui décide quoi.",
        "Dans une entreprise avec laquelle j’ai travaillé, une équipe de {small} personnes a "
        "passé {weeks} semaines à {action} avant que quelqu’un demande à quelle décision ce "
        "travail devait servir.",
        "Une entreprise de {sector} installée à {city} a pris le chemin inverse : une équipe, "
        "une question, {weeks} semaines, et un compte rendu partagé avec tout le monde.",
        "Je me souviens d’une séance de Q&R où quelqu’un a demandé, sans détour, pourquoi "
        "l’équipe continuait à {action} ; le silence qui a suivi en disait plus long que "
        "n’importe quelle slide.",
        "L’une des dirigeantes les plus efficaces que j’aie rencontrées tenait une seule page "
        "de notes sur {kw}, qu’elle relisait avec son équipe chaque vendredi, pendant {mins} "
        "minutes, sans exception.",
        "Soyons honnêtes : il existe de bonnes raisons d’être prudent, et toutes les "
        "organisations ne peuvent pas se permettre d’expérimenter en public.",
        "Rien de tout cela ne signifie que les outils sont inutiles ; ils viennent simplement "
        "après une idée claire du problème à résoudre.",
        "Certains diront que c’est un luxe réservé aux grandes entreprises, mais d’expérience, "
        "les petites équipes vont plus vite justement parce qu’elles ont moins d’échelons.",
        "Il serait facile d’accuser les individus, alors que la plupart font exactement ce que "
        "le système récompense.")}
_ARTICLE_PRACTICE = {"en": "One habit that consistently helps: {p}.",
                     "fr": "Une habitude qui aide presque toujours : {p}."}
_ARTICLE_CLOSE = {
    "en": ("If there is one thing to keep in mind, it is that progress on {kw} rewards "
           "patience and consistency far more than brilliance.",
           "Start small, write down what you learn, and share it; the rest tends to follow "
           "faster than expected.",
           "I would love to hear how others approach {kw}, because the best ideas I have used "
           "came from conversations like these.",
           "The road is longer than most plans admit, but it is also more interesting than the "
           "slides suggest."),
    "fr": ("S’il ne fallait retenir qu’une chose, c’est que sur {kw}, la patience et la "
           "régularité paient bien plus que le brio.",
           "Commencez petit, notez ce que vous apprenez et partagez-le : le reste suit souvent "
           "plus vite que prévu.",
           "J’aimerais beaucoup savoir comment d’autres abordent {kw}, car les meilleures "
           "idées que j’ai appliquées sont nées de conversations comme celles-ci.",
           "La route est plus longue que ne l’admettent la plupart des plans, mais elle est "
           "aussi plus intéressante que ne le laissent croire les slides.")}


def article(rng: random.Random, lang: str, topic: str) -> tuple[str, str]:
    """A long-form article: (title of 4–10 words, HTML body of 350–900 words in 4–8 <p>
    paragraphs with 1–2 <h2> subheadings). All text is HTML-escaped."""
    _check(lang, topic)
    slots = _Slots(rng, lang, topic)
    title = _pick(rng, _ARTICLE_TITLES[lang], slots)
    while not 4 <= _words(title) <= 10:
        title = _pick(rng, _ARTICLE_TITLES[lang], slots)
    body = list(_ARTICLE_BODY[lang]) + list(_field(topic, "insights", lang))
    body += [_ARTICLE_PRACTICE[lang].replace("{p}", _decap(p))
             for p in rng.sample(_field(topic, "practices", lang), 2)]
    rng.shuffle(body)

    def take(count: int) -> list[str]:
        taken = [body.pop() for _ in range(min(count, len(body)))]
        return [_fill(s, slots) for s in taken]

    paras = [[_pick(rng, _ARTICLE_INTRO[lang], slots), *take(rng.randint(2, 3))]]
    paras += [take(rng.randint(3, 4)) for _ in range(rng.randint(3, 5))]
    final = [*take(rng.randint(1, 2)), _pick(rng, _ARTICLE_CLOSE[lang], slots)]

    def total() -> int:
        return sum(_words(" ".join(p)) for p in [*paras, final])

    while total() < 350 and len(paras) < 7 and body:
        paras.append(take(4))
    while total() > 900:
        max(paras[1:], key=len).pop()
    paras = [p for p in paras if p] + [final]
    heads = rng.sample(_ARTICLE_H2[lang], rng.randint(1, 2 if len(paras) >= 5 else 1))
    at = sorted(rng.sample(range(1, len(paras) - 1), len(heads)))
    out: list[str] = []
    for i, para in enumerate(paras):
        if i in at:
            out.append(f"<h2>{html.escape(_fill(heads[at.index(i)], slots), quote=False)}</h2>")
        out.append(f"<p>{html.escape(' '.join(para), quote=False)}</p>")
    return title, "".join(out)


# --- Profile -------------------------------------------------------------------------------------

_HEADLINES: dict[str, dict[str, tuple[str, ...]]]  # stage → language → headlines
_HEADLINES = {"present": {"en": ("{title} at {company}", "{title} | {company}"),
                          "fr": ("{title} chez {company}", "{title} | {company}")},
              "relay": {"en": ("{title} at {company} | Curious about {kw} and {kw2}",
                               "{title} | Sharing the best reads on {kw}"),
                        "fr": ("{title} chez {company} | Veille sur {kw} et {kw2}",
                               "{title} | Je partage le meilleur de ma veille sur {kw}")},
              "producer": {"en": ("{title} · I write about {kw} every week",
                                  "{title} | Writing on {kw} and {kw2} | Author of {news}"),
                           "fr": ("{title} · J’écris chaque semaine sur {kw}",
                                  "{title} | Chroniques sur {kw} et {kw2} | Newsletter {news}")},
              "power_networker": {
                  "en": ("I help {people} {value} | {title} | Speaker",
                         "Helping {people} {value} → DM me \"{code}\"",
                         "Founder @ {company} | Keynotes & workshops on {kw} | Book a call ↓"),
                  "fr": ("J’aide {people} à {value} | {title} | Conférences",
                         "Fondateur de {company} | J’accompagne {people} sur {kw} | Prenez "
                         "rendez-vous ↓",
                         "{title} | J’aide {people} à {value} | Écrivez-moi \"{code}\" en MP")}}
_SUMMARY = {
    "en": ("I have spent {years} years working on {kw}, mostly in {sector}.",
           "Today I work with {people} at {company}, where my focus is {kw2}.",
           "What drives me: helping teams turn good intentions into habits that last.",
           "Before that, I worked in {city} and learned the basics the hard way.",
           "Outside work, you will find me running, reading or cooking for too many people.",
           "I write here about what works, what doesn't, and what I am still figuring out."),
    "fr": ("Depuis {years} ans, je travaille sur {kw}, principalement dans le secteur de "
           "{sector}.",
           "Aujourd’hui, je travaille avec {people} chez {company}, avec une attention "
           "particulière pour {kw2}.",
           "Ce qui me motive : aider les équipes à transformer les bonnes intentions en "
           "habitudes durables.",
           "Auparavant, j’ai travaillé à {city}, où j’ai appris les bases sur le tas.",
           "En dehors du travail : course à pied, lecture et grandes tablées entre amis.",
           "J’écris ici sur ce qui marche, ce qui ne marche pas, et ce que je cherche encore.")}
STAGES = tuple(_HEADLINES)


def headline(rng: random.Random, lang: str, stage: str) -> str:
    """A profile headline typical of the stage (present, relay, producer, power_networker)."""
    _check(lang)
    if stage not in _HEADLINES:
        raise ValueError(f"stage must be one of {STAGES}, not {stage!r}")
    slots = _Slots(rng, lang, rng.choice(tuple(TOPICS)))
    return _pick(rng, _HEADLINES[stage][lang], slots)


def summary(rng: random.Random, lang: str) -> str:
    """A profile summary ("About"), 3–5 sentences in the first person."""
    _check(lang)
    slots = _Slots(rng, lang, rng.choice(tuple(TOPICS)))
    bank = _SUMMARY[lang]
    keep = sorted(rng.sample(range(1, len(bank)), rng.randint(2, 4)))
    sentences = [_fill(bank[i], slots) for i in [0, *keep]]
    return rng.choice((" ", "\n\n")).join(sentences)
