"""Scripted members: who they are, and which stage of presence they are in, month by month.

Each persona's behaviour per stage follows docs/stage-model.md (the article's four stages as
measurable behaviour): the generator draws each month's activity from the rates of the stage
the script gives for that month, so the truth is known exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field

STAGES = ("present", "relay", "producer", "power_networker")


@dataclass(frozen=True)
class Behaviour:
    """Mean counts per month for one stage (drawn with a Poisson law each month)."""

    reactions: float
    comments: float
    own_thread_replies: float  # comments on one's own posts
    instant_reposts: float
    curated_shares: float  # someone else's link, little or no commentary
    commented_shares: float  # someone else's link, substantial own commentary
    original_posts: float
    business_share: float  # fraction of original posts with business intent
    articles: float
    new_connections: float
    invitations_in: float
    invitations_out: float
    messages_friends: float
    messages_prospecting: float  # sent to new contacts (social selling)
    messages_inbound_leads: float
    saved_items: float
    votes: float
    events: float  # events organised (webinars, masterclasses)
    regular_schedule: bool = False  # posts on fixed weekdays and hours


BEHAVIOUR: dict[str, Behaviour] = {
    "present": Behaviour(
        reactions=9, comments=0.3, own_thread_replies=0, instant_reposts=0.1,
        curated_shares=0.05, commented_shares=0, original_posts=0, business_share=0,
        articles=0, new_connections=2, invitations_in=1.2, invitations_out=0.8,
        messages_friends=5, messages_prospecting=0, messages_inbound_leads=0, saved_items=1.5,
        votes=0.4, events=0),
    "relay": Behaviour(
        reactions=22, comments=2.5, own_thread_replies=0.3, instant_reposts=4,
        curated_shares=7, commented_shares=0.4, original_posts=0.4, business_share=0,
        articles=0, new_connections=6, invitations_in=5, invitations_out=2,
        messages_friends=5, messages_prospecting=0, messages_inbound_leads=0.1,
        saved_items=2, votes=0.8, events=0),
    "producer": Behaviour(
        reactions=30, comments=12, own_thread_replies=7, instant_reposts=1,
        curated_shares=1.5, commented_shares=2, original_posts=6, business_share=0.05,
        articles=0.5, new_connections=18, invitations_in=16, invitations_out=4,
        messages_friends=7, messages_prospecting=0.3, messages_inbound_leads=1,
        saved_items=1, votes=0.6, events=0),
    "power_networker": Behaviour(
        reactions=26, comments=12, own_thread_replies=8, instant_reposts=1,
        curated_shares=1, commented_shares=1.5, original_posts=10, business_share=0.6,
        articles=0.8, new_connections=26, invitations_in=24, invitations_out=14,
        messages_friends=4, messages_prospecting=6, messages_inbound_leads=3,
        saved_items=0.5, votes=0.3, events=0.7, regular_schedule=True),
}

# Other ways of living a stage, for the personas that name one (`Persona.behaviours`).
VARIANTS: dict[str, Behaviour] = {
    # A relay who never posts: speaks in others' threads, ~45 substantive comments a month.
    "commenting": Behaviour(
        reactions=40, comments=45, own_thread_replies=0, instant_reposts=0,
        curated_shares=0, commented_shares=0, original_posts=0, business_share=0,
        articles=0, new_connections=8, invitations_in=6, invitations_out=3,
        messages_friends=5, messages_prospecting=0, messages_inbound_leads=0.2,
        saved_items=2, votes=0.5, events=0),
    # A producer at a real member's pace: a few own posts a month, a share now and then.
    "light_producer": Behaviour(
        reactions=20, comments=5, own_thread_replies=3, instant_reposts=0.3,
        curated_shares=0.3, commented_shares=0.5, original_posts=3, business_share=0.05,
        articles=0.2, new_connections=10, invitations_in=8, invitations_out=2,
        messages_friends=6, messages_prospecting=0.2, messages_inbound_leads=0.5,
        saved_items=1, votes=0.5, events=0),
}


@dataclass(frozen=True)
class Noise:
    """How a member departs from clean blocks of behaviour; the truth stays the script's.

    * `volatility`: each month's posting is scaled by a draw of mean 1 (gamma, shape
      1/volatility): bursty months and thin ones;
    * `holidays`: months of the year (1–12) without any posting (every August off);
    * `quiet_spells`: (first month, months) of silence in the middle of a stage;
    * `announcements`: months of the year with one post of news (a new job), nothing else;
    * `bursts`: (month, posts): a one-month burst of own posts that is not a habit.
    """

    volatility: float = 0.0
    holidays: tuple[int, ...] = ()
    quiet_spells: tuple[tuple[str, int], ...] = ()
    announcements: tuple[int, ...] = ()
    bursts: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class Position:
    company: str
    title: str
    started: str  # YYYY-MM
    finished: str | None = None
    location: str = ""
    description: str = ""


@dataclass(frozen=True)
class Persona:
    id: str
    first_name: str
    last_name: str
    lang: str  # "en", "fr" (content.py), "es", "pt", "de" (world_content.py)
    registered: str  # YYYY-MM-DD
    exported: str  # YYYY-MM: the month of the persona's own (latest) export
    phases: tuple[tuple[str, str], ...]  # (first month YYYY-MM, stage id), in order
    topics: tuple[str, ...]
    industry: str
    location: str
    positions: tuple[Position, ...]
    story: str
    archive: str = "complete"  # "complete" or "basic"
    school: tuple[str, str, str, str] = ("Example University", "2008", "2012", "Master's degree")
    skills: tuple[str, ...] = field(default=())
    behaviours: tuple[tuple[str, str], ...] = ()  # (stage, VARIANTS key) in place of the stage's
    noise: Noise | None = None

    def behaviour_at(self, month: str) -> Behaviour:
        stage = self.stage_at(month)
        variant = dict(self.behaviours).get(stage)
        return VARIANTS[variant] if variant else BEHAVIOUR[stage]

    def stage_at(self, month: str) -> str:
        stage = self.phases[0][1]
        for start, name in self.phases:
            if month >= start:
                stage = name
        return stage

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def slug(self) -> str:
        return f"{self.first_name}-{self.last_name}".lower().replace(" ", "-")


PERSONAS: dict[str, Persona] = {
    persona.id: persona
    for persona in (
        Persona(
            id="lurker",
            first_name="Daniel", last_name="Okafor-Reyes", lang="en",
            registered="2016-03-14", exported="2026-10",
            phases=(("2016-03", "present"),),
            topics=("data", "leadership"),
            industry="Financial Services", location="Leeds, England, United Kingdom",
            positions=(
                Position("Sample Bank", "Risk Analyst", "2014-09", "2019-06", "Leeds"),
                Position("Placeholder Insurance", "Senior Risk Analyst", "2019-07", None, "Leeds"),
            ),
            skills=("Risk Management", "Excel", "SQL"),
            story="Joined in March 2016 and has read ever since: reacts to colleagues' news, "
                  "saves posts, messages a handful of close contacts, never posts. Present "
                  "for the whole ten years, the article's 90%.",
        ),
        Persona(
            id="climber",
            first_name="Maya", last_name="Lindqvist", lang="en",
            registered="2017-02-06", exported="2026-10",
            phases=(("2017-02", "present"), ("2018-09", "relay"), ("2020-07", "producer"),
                    ("2023-01", "power_networker")),
            topics=("data", "product", "leadership"),
            industry="IT Services and IT Consulting", location="Stockholm, Sweden",
            positions=(
                Position("Invented Labs", "Data Analyst", "2015-08", "2019-02", "Stockholm"),
                Position("Acme Analytics", "Analytics Lead", "2019-03", "2022-12", "Stockholm"),
                Position("Lindqvist Data Advisory", "Founder", "2023-01", None, "Stockholm",
                         "Helping product teams make decisions with data."),
            ),
            skills=("Data Analysis", "Product Analytics", "SQL", "Leadership", "Python"),
            story="Climbs through all four stages: reads for a year and a half, relays "
                  "articles from her data watch from September 2018, writes her own posts "
                  "and articles from July 2020, and from January 2023 runs her advisory "
                  "business on LinkedIn: a post every Tuesday and Thursday morning, webinars, "
                  "prospecting messages.",
        ),
        Persona(
            id="curator",
            first_name="Tom", last_name="Becker-Hale", lang="en",
            registered="2018-01-22", exported="2026-10",
            phases=(("2018-01", "present"), ("2019-05", "relay")),
            topics=("sustainability", "product"),
            industry="Renewable Energy", location="Bristol, England, United Kingdom",
            positions=(
                Position("Placeholder Energy", "Project Coordinator", "2016-04", None, "Bristol"),
            ),
            skills=("Project Coordination", "Sustainability"),
            story="Reads for a year, then from May 2019 shares links from his news watch "
                  "almost every week, with a word or two of his own and instant reposts — and "
                  "stays a relay: he never writes posts of his own.",
        ),
        Persona(
            id="fallback",
            first_name="Priya", last_name="Raman", lang="en",
            registered="2016-09-01", exported="2026-10",
            phases=(("2016-09", "present"), ("2019-01", "producer"), ("2022-07", "relay"),
                    ("2023-07", "present")),
            topics=("hr", "leadership"),
            industry="Human Resources Services", location="Manchester, England, United Kingdom",
            positions=(
                Position("Examplecorp", "HR Business Partner", "2014-01", "2022-05",
                         "Manchester"),
                Position("Demo Widgets, Inc.", "Head of People", "2022-06", None, "Manchester"),
            ),
            skills=("Talent Management", "Employee Relations", "Coaching"),
            story="Writes a lot from January 2019 (posts on hiring and management, a few "
                  "articles), then a new job in mid-2022 leaves no time: she only relays "
                  "links for a year, and from July 2023 is back to reading. A regression, "
                  "which the timeline must show.",
        ),
        Persona(
            id="consultante",
            first_name="Hélène", last_name="Garnier-Roux", lang="fr",
            registered="2015-11-09", exported="2026-10",
            phases=(("2015-11", "present"), ("2017-07", "relay"), ("2019-07", "producer"),
                    ("2022-01", "power_networker")),
            topics=("sales", "leadership", "hr"),
            industry="Business Consulting and Services",
            location="Lyon, Auvergne-Rhône-Alpes, France",
            positions=(
                Position("Atelier Exemple", "Consultante RH", "2011-09", "2019-06", "Lyon"),
                Position("Garnier-Roux Conseil", "Fondatrice et consultante", "2019-07", None,
                         "Lyon", "Accompagnement des dirigeants de PME."),
            ),
            skills=("Conseil en management", "Vente", "Prise de parole en public"),
            school=("Université Exemple de Lyon", "2006", "2011", "Master"),
            story="Consultante lyonnaise, en français : lit d'abord, relaie sa veille à partir "
                  "de juillet 2017, écrit ses propres posts et articles à partir de juillet "
                  "2019 en lançant son cabinet, puis à partir de janvier 2022 publie selon un "
                  "calendrier fixe pour son activité : appels à l'action, webinaires, "
                  "messages de prospection. Power networker.",
        ),
        Persona(
            id="consultora",
            first_name="Lucía", last_name="Ferrándiz Olmedo", lang="es",
            registered="2016-05-10", exported="2026-10",
            phases=(("2016-05", "present"), ("2018-03", "relay"), ("2020-02", "producer"),
                    ("2022-10", "power_networker")),
            topics=("sales", "leadership"),
            industry="Business Consulting and Services", location="Valencia, Spain",
            positions=(
                Position("Consultoría Ejemplo", "Consultora de estrategia", "2012-09",
                         "2020-01", "Valencia"),
                Position("Ferrándiz Estrategia", "Fundadora", "2020-02", None, "Valencia"),
            ),
            skills=("Estrategia comercial", "Consultoría"),
            school=("Universidad de Ejemplo", "2006", "2011", "Máster"),
            noise=Noise(volatility=0.15),
            story="A Spanish consultant, in Spanish: reads, relays her watch from March 2018, "
                  "writes her own posts from February 2020 when she starts her firm, and from "
                  "October 2022 sells on LinkedIn: offers, booking links, webinars and "
                  "masterclasses on fixed days, prospecting messages. Months vary (volatility).",
        ),
        Persona(
            id="empreendedora",
            first_name="Larissa", last_name="Vasconcelos Peixoto", lang="pt",
            registered="2017-08-21", exported="2026-10",
            phases=(("2017-08", "present"), ("2019-11", "producer"),
                    ("2022-04", "power_networker")),
            topics=("sales", "product"),
            industry="Professional Training and Coaching", location="São Paulo, Brazil",
            positions=(
                Position("Empresa Exemplo", "Analista de marketing", "2014-02", "2019-10",
                         "São Paulo"),
                Position("Vasconcelos Mentoria", "Fundadora e mentora", "2019-11", None,
                         "São Paulo"),
            ),
            skills=("Vendas", "Mentoria"),
            school=("Universidade Exemplo", "2009", "2013", "Bacharelado"),
            noise=Noise(volatility=0.15, holidays=(1,)),
            story="A Brazilian mentor, in Portuguese: reads for two years, then goes straight "
                  "to writing her own posts in November 2019, and from April 2022 runs her "
                  "mentoring business on LinkedIn. January is her holiday: no posts.",
        ),
        Persona(
            id="entwicklerin",
            first_name="Greta", last_name="Lindenau", lang="de",
            registered="2018-02-05", exported="2026-10",
            phases=(("2018-02", "present"), ("2021-05", "producer")),
            topics=("data", "product"),
            industry="Software Development", location="Leipzig, Germany",
            positions=(
                Position("Beispiel Software GmbH", "Softwareentwicklerin", "2016-10", None,
                         "Leipzig"),
            ),
            skills=("Softwarearchitektur", "Python"),
            school=("Beispiel-Universität Leipzig", "2010", "2016", "Master"),
            behaviours=(("producer", "light_producer"),),
            noise=Noise(volatility=0.4, bursts=(("2019-11", 7),)),
            story="A German developer, in German: reads for three years (one burst of seven "
                  "posts in November 2019, a conference week, that is not a habit), then from "
                  "May 2021 writes a few posts of her own a month, at a real member's pace.",
        ),
        Persona(
            id="commenter",
            first_name="Arjun", last_name="Whitfield", lang="en",
            registered="2017-01-16", exported="2026-10",
            phases=(("2017-01", "present"), ("2021-09", "relay")),
            topics=("data", "leadership"),
            industry="Hospitals and Health Care", location="Dublin, Ireland",
            positions=(
                Position("Sample Health", "Operations Analyst", "2015-03", None, "Dublin"),
            ),
            skills=("Operations", "Process Improvement"),
            behaviours=(("relay", "commenting"),),
            story="Never posts. Reads for four and a half years, then from September 2021 "
                  "writes about 45 substantive comments a month in others' threads — "
                  "experience, disagreement, questions: he speaks, visible without posts of "
                  "his own. The article's relay, in comments.",
        ),
        Persona(
            id="holidays",
            first_name="Nadia", last_name="Kowalczyk-Hart", lang="en",
            registered="2018-04-09", exported="2026-10",
            phases=(("2018-04", "producer"),),
            topics=("hr", "leadership"),
            industry="Human Resources Services", location="Edinburgh, Scotland, United Kingdom",
            positions=(
                Position("Placeholder People", "People Partner", "2016-01", None, "Edinburgh"),
            ),
            skills=("Coaching", "Employee Relations"),
            behaviours=(("producer", "light_producer"),),
            noise=Noise(volatility=0.6, holidays=(8,)),
            story="A bursty producer from her first month: some months six posts, some one, "
                  "and every August nothing at all (holidays). One habit: producer.",
        ),
        Persona(
            id="announcer",
            first_name="Oliver", last_name="Penhaligon", lang="en",
            registered="2016-11-02", exported="2026-10",
            phases=(("2016-11", "present"),),
            topics=("product", "data"),
            industry="Retail", location="Cardiff, Wales, United Kingdom",
            positions=(
                Position("Sample Retail", "Store Manager", "2012-05", None, "Cardiff"),
            ),
            skills=("Retail Operations",),
            noise=Noise(announcements=(3, 9), bursts=(("2022-05", 6),)),
            story="A reader who announces news twice a year (March and September: a new role, "
                  "a work anniversary) and once, in May 2022, posted six times in a month "
                  "about a store opening. Present all along: news is not a habit of writing.",
        ),
        Persona(
            id="steady",
            first_name="Samuel", last_name="Achterberg", lang="en",
            registered="2019-06-03", exported="2026-10",
            phases=(("2019-06", "present"), ("2021-01", "producer")),
            topics=("product", "leadership"),
            industry="Design Services", location="Utrecht, Netherlands",
            positions=(
                Position("Sample Studio", "UX Lead", "2017-09", None, "Utrecht"),
            ),
            skills=("UX Design", "Design Strategy"),
            behaviours=(("producer", "light_producer"),),
            noise=Noise(volatility=0.4, quiet_spells=(("2021-09", 3), ("2022-05", 2),
                                                      ("2023-02", 4), ("2024-06", 3))),
            story="Writes his own posts most months from January 2021, with quiet spells of "
                  "two to four months (a project, a move, a holiday): one habit with pauses, "
                  "a producer throughout, not eight changes of stage.",
        ),
        Persona(
            id="basic",
            first_name="Jonas", last_name="Weber", lang="en",
            registered="2019-04-02", exported="2026-10",
            phases=(("2019-04", "present"), ("2021-03", "producer")),
            topics=("product", "data"),
            industry="Software Development", location="Hamburg, Germany",
            positions=(
                Position("Nordlicht GmbH", "Product Manager", "2018-02", None, "Hamburg"),
            ),
            skills=("Product Management", "Roadmapping"),
            archive="basic",
            story="A basic (fast) archive: profile, network and messages only, no posts, "
                  "comments or reactions. He did write posts from March 2021, but this kind "
                  "of archive cannot show it: the content stages must come out unknown.",
        ),
    )
}
