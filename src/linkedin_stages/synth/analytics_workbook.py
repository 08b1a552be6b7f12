"""Write LinkedIn's content-analytics workbook (XLSX) for a simulated member — the inverse of
`linkedin_stages.analytics`.

The figures come from the same simulated life as the archive (`generate.simulate`): every post
of the last 365 days before the export moment gets impressions and engagements from a simple
model (original posts and articles reach and engage more than curated links; business posts
sit in between; reach grows with the member's network), spread over the week after it is
published. The daily rows, the top-50 tables and the follower growth all add up from there,
so the tests can check the reader number for number.

Layout as LinkedIn writes it (docs/FORMAT.md, "Analytics workbook"): sheets DISCOVERY,
ENGAGEMENT, TOP POSTS, FOLLOWERS, DEMOGRAPHICS; dates as TEXT `M/D/YYYY`; TOP POSTS with a note
row, a blank row and two side-by-side top-50 tables (A–C by engagements, E–G by impressions)
whose URLs are `https://www.linkedin.com/feed/update/urn:li:activity:<id>`, not URL-encoded.
For about a third of the posts the activity id is the share's own id; the others get an id of
their own (made like LinkedIn's: the creation time in the high bits), so the reader's date
matching is exercised.

Variants for tests: `style="excel"` (the workbook after an Excel re-save: real date cells,
preamble rows deleted, DISCOVERY as `Overall Performance | Value | Time Period`), `omit` (a
sheet missing), `lang` (fr, es: the layouts public parsers describe; pt, de: LinkedIn's
interface words; all day-first), `edited` (a member's spreadsheet edits, fractional counts)
and `text_cells` (numbers written as text, small shares as `< 1%`).

Deterministic: the same inputs give the same bytes (fixed creation date, in-memory writer).
"""

from __future__ import annotations

import bisect
import io
import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from . import content
from .generate import Archive, Life, SampleError, export_moment, poisson, simulate
from .personas import PERSONAS

SHEETS = ("DISCOVERY", "ENGAGEMENT", "TOP POSTS", "FOLLOWERS", "DEMOGRAPHICS")
STYLES = ("linkedin", "excel")
EDITS = (None, "spreadsheet", "fractions")
TOP_N = 50
ACTIVITY_URL = "https://www.linkedin.com/feed/update/urn:li:activity:"

# Life share kind → (mean impressions for a member with 500 connections, engagement rate).
KIND_MODEL: dict[str, tuple[float, float]] = {
    "article": (900.0, 0.045),
    "original": (700.0, 0.050),
    "business": (480.0, 0.032),
    "commented": (320.0, 0.024),
    "curated": (160.0, 0.011),
}
# Share of a post's impressions and engagements on the day it is published and the 6 after.
SPREAD = (0.45, 0.25, 0.13, 0.08, 0.05, 0.03, 0.01)

LABELS: dict[str, dict[str, object]] = {
    "en": {
        "sheets": dict(zip(SHEETS, SHEETS, strict=True)),
        "overall": "Overall Performance", "value": "Value", "time_period": "Time Period",
        "impressions": "Impressions", "members_reached": "Members reached",
        "date": "Date", "engagements": "Engagements",
        "note": "Maximum of 50 posts available to include in this list",
        "post_url": "Post URL", "publish_date": "Post publish date",
        "total_followers": "Total followers on {date}:", "new_followers": "New followers",
        "top_demographics": "Top Demographics", "percentage": "Percentage",
        "categories": ("Job titles", "Locations", "Industries", "Seniority", "Company size",
                       "Companies"),
    },
    "fr": {  # as a public French parser reads it (no real French workbook seen)
        "sheets": {"DISCOVERY": "DÉCOUVERTE", "ENGAGEMENT": "ENGAGEMENT",
                   "TOP POSTS": "MEILLEURS POSTS", "FOLLOWERS": "ABONNÉS",
                   "DEMOGRAPHICS": "DONNÉES DÉMOGRAPHIQUES"},
        "overall": "Performances globales", "value": "Valeur", "time_period": "Période",
        "impressions": "Impressions", "members_reached": "Membres touchés",
        "date": "Date", "engagements": "Interactions",
        "note": "50 publications au maximum peuvent figurer dans cette liste",
        "post_url": "URL de la publication", "publish_date": "Date de publication",
        "total_followers": "Nombre total d’abonnés le {date} :",
        "new_followers": "Nouveaux abonnés",
        "top_demographics": "Principales données démographiques", "percentage": "Pourcentage",
        "categories": ("Intitulés de poste", "Lieux", "Secteurs", "Niveau hiérarchique",
                       "Taille de l’entreprise", "Entreprises"),
    },
    "es": {  # as two public Spanish parsers read it (no real Spanish workbook seen)
        "sheets": {"DISCOVERY": "DESCUBRIMIENTO", "ENGAGEMENT": "INTERACCIÓN",
                   "TOP POSTS": "PUBLICACIONES PRINCIPALES", "FOLLOWERS": "SEGUIDORES",
                   "DEMOGRAPHICS": "INFORMACIÓN DETALLADA"},
        "overall": "Rendimiento general", "value": "Valor", "time_period": "Periodo",
        "impressions": "Impresiones", "members_reached": "Miembros alcanzados",
        "date": "Fecha", "engagements": "Interacciones",
        "note": "Se pueden incluir 50 publicaciones como máximo en esta lista",
        "post_url": "URL de la publicación", "publish_date": "Fecha de publicación",
        "total_followers": "Total de seguidores el {date}:",
        "new_followers": "Nuevos seguidores",
        "top_demographics": "Información detallada principal", "percentage": "Porcentaje",
        "categories": ("Cargos", "Ubicaciones", "Sectores", "Nivel de responsabilidad",
                       "Tamaño de la empresa", "Empresas"),
    },
    "pt": {  # LinkedIn's interface words (no Portuguese workbook or parser seen)
        "sheets": {"DISCOVERY": "DESCOBERTA", "ENGAGEMENT": "ENGAJAMENTO",
                   "TOP POSTS": "PRINCIPAIS PUBLICAÇÕES", "FOLLOWERS": "SEGUIDORES",
                   "DEMOGRAPHICS": "DADOS DEMOGRÁFICOS"},
        "overall": "Desempenho geral", "value": "Valor", "time_period": "Período",
        "impressions": "Impressões", "members_reached": "Membros alcançados",
        "date": "Data", "engagements": "Engajamentos",
        "note": "No máximo 50 publicações podem ser incluídas nesta lista",
        "post_url": "URL da publicação", "publish_date": "Data de publicação",
        "total_followers": "Total de seguidores em {date}:",
        "new_followers": "Novos seguidores",
        "top_demographics": "Principais dados demográficos", "percentage": "Porcentagem",
        "categories": ("Cargos", "Localidades", "Setores", "Nível de experiência",
                       "Tamanho da empresa", "Empresas"),
    },
    "de": {  # LinkedIn's interface words (no German workbook or parser seen)
        "sheets": {"DISCOVERY": "ENTDECKUNG", "ENGAGEMENT": "INTERAKTIONEN",
                   "TOP POSTS": "TOP-BEITRÄGE", "FOLLOWERS": "FOLLOWER",
                   "DEMOGRAPHICS": "DEMOGRAFISCHE DATEN"},
        "overall": "Gesamtleistung", "value": "Wert", "time_period": "Zeitraum",
        "impressions": "Impressionen", "members_reached": "Erreichte Mitglieder",
        "date": "Datum", "engagements": "Interaktionen",
        "note": "Diese Liste kann höchstens 50 Beiträge enthalten",
        "post_url": "Beitrags-URL", "publish_date": "Veröffentlichungsdatum",
        "total_followers": "Follower insgesamt am {date}:",
        "new_followers": "Neue Follower",
        "top_demographics": "Top-demografische Daten", "percentage": "Prozentsatz",
        "categories": ("Jobbezeichnungen", "Standorte", "Branchen", "Karrierestufe",
                       "Unternehmensgröße", "Unternehmen"),
    },
}

_LOCATIONS = ("London Area, United Kingdom", "Greater Paris Metropolitan Region",
              "Berlin Metropolitan Area", "Amsterdam Area", "Greater Lyon Area",
              "Copenhagen Metropolitan Area", "Greater Manchester", "Madrid Area")
_INDUSTRIES = ("IT Services and IT Consulting", "Software Development", "Financial Services",
               "Business Consulting and Services", "Higher Education", "Renewable Energy",
               "Human Resources Services", "Marketing Services")
_SENIORITY = ("Senior", "Entry", "Manager", "Director", "Owner", "VP")
_COMPANY_SIZE = ("11-50 employees", "51-200 employees", "201-500 employees",
                 "1001-5000 employees", "10,001+ employees")


@dataclass(frozen=True)
class PostFigures:
    """One post of the member in the workbook's period, as the workbook counts it."""

    timestamp: datetime  # when it was published (the archive's timestamp)
    kind: str  # the life's kind: original, business, commented, curated, article
    share_id: str | None  # the archive's share/ugcPost id (None for articles)
    activity_id: str  # the id in the workbook's URL
    impressions: int  # within the period
    engagements: int  # within the period

    @property
    def url(self) -> str:
        return f"{ACTIVITY_URL}{self.activity_id}"

    @property
    def published(self) -> date:
        return self.timestamp.date()

    @property
    def reused_id(self) -> bool:
        return self.activity_id == self.share_id


@dataclass(frozen=True)
class WorkbookData:
    """Everything the workbook says, before it is written (the truth for tests)."""

    persona_id: str
    period: tuple[date, date]
    totals: dict[str, int]  # impressions, members_reached
    daily: tuple[tuple[date, int, int], ...]  # date, impressions, engagements
    posts: tuple[PostFigures, ...]  # every post with impressions in the period
    top_by_engagements: tuple[PostFigures, ...]
    top_by_impressions: tuple[PostFigures, ...]
    followers_total: int
    followers_on: date
    followers_daily: tuple[tuple[date, int], ...]
    demographics: tuple[tuple[str, str, float], ...]  # category key (English), value, share


def _life(source: str | Life | Archive, seed: int, scale: float) -> tuple[Life, str]:
    if isinstance(source, Life):
        return source, source.persona.exported
    if isinstance(source, Archive):  # the archive keeps no life: simulate it again
        return simulate(source.persona, seed, scale), source.month
    if source not in PERSONAS:
        raise SampleError(f"unknown persona {source!r}; known: {', '.join(PERSONAS)}")
    persona = PERSONAS[source]
    return simulate(persona, seed, scale), persona.exported


def _split(total: int) -> list[int]:
    """`total` spread over SPREAD's days, whole numbers that add up (largest remainder)."""
    raw = [total * w for w in SPREAD]
    parts = [int(x) for x in raw]
    order = sorted(range(len(raw)), key=lambda i: (-(raw[i] - parts[i]), i))
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts


def analytics_data(source: str | Life | Archive, until_month: str | None = None, seed: int = 0,
                   *, scale: float = 1.0) -> WorkbookData:
    """The workbook of `source` (a persona id, a simulated `Life`, or an `Archive` — simulated
    again with `seed` and `scale`, which must be the archive's) exported in `until_month`
    (default: the persona's own export month, or the archive's): the 365 days before the
    export moment."""
    life, default_month = _life(source, seed, scale)
    persona = life.persona
    month = until_month or default_month
    if month > persona.exported or month < persona.registered[:7]:
        raise SampleError(f"{persona.id}: no analytics for {month!r} (the story runs "
                          f"{persona.registered[:7]} to {persona.exported})")
    moment = export_moment(month)
    end = moment.date() - timedelta(days=1)
    start = end - timedelta(days=364)
    rng = random.Random(f"linkedin-stages:analytics:{persona.id}:{seed}:{scale}:{month}")

    connected = sorted(c.connected_on for c in life.contacts)
    removed = sorted(c.removed_on for c in life.contacts if c.removed_on)

    def network(at: datetime) -> int:
        return bisect.bisect_right(connected, at) - bisect.bisect_right(removed, at)

    items: list[tuple[datetime, str, str | None]] = []
    first_day = start - timedelta(days=len(SPREAD) - 1)
    for share in life.shares:
        stamp = share["date"]
        assert isinstance(stamp, datetime)
        if first_day <= stamp.date() <= end and stamp < moment:
            items.append((stamp, str(share["kind"]), str(share["link"]).rsplit("%3A", 1)[-1]))
    for article in life.articles:
        stamp = article["published"]
        if isinstance(stamp, datetime) and first_day <= stamp.date() <= end:
            items.append((stamp, "article", None))
    items.sort(key=lambda item: (item[0], item[2] or ""))

    days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    impressions = {d: rng.randint(0, 12) for d in days}  # older posts, profile visits
    engagements = {d: int(rng.random() < 0.15) for d in days}
    posts: list[PostFigures] = []
    for stamp, kind, share_id in items:
        mean, rate = KIND_MODEL[kind]
        reach = 0.6 + network(stamp) / 600
        total_impressions = max(1, round(mean * reach * rng.lognormvariate(0, 0.4)))
        total_engagements = round(total_impressions * rate * rng.lognormvariate(0, 0.25))
        if share_id is not None and rng.random() < 1 / 3:
            activity_id = share_id
        else:
            millis = int((stamp - datetime(1970, 1, 1)).total_seconds() * 1000)
            activity_id = str(((millis + rng.randrange(1, 1500)) << 22) | rng.getrandbits(22))
        seen_i = seen_e = 0
        for offset, (part_i, part_e) in enumerate(zip(_split(total_impressions),
                                                      _split(total_engagements), strict=True)):
            day = stamp.date() + timedelta(days=offset)
            if start <= day <= end:
                impressions[day] += part_i
                engagements[day] += part_e
                seen_i += part_i
                seen_e += part_e
        if seen_i:
            posts.append(PostFigures(stamp, kind, share_id, activity_id, seen_i, seen_e))

    top_e = sorted(posts, key=lambda p: (-p.engagements, -p.impressions, p.timestamp))[:TOP_N]
    top_i = sorted(posts, key=lambda p: (-p.impressions, -p.engagements, p.timestamp))[:TOP_N]
    daily = tuple((d, impressions[d], engagements[d]) for d in days)
    total = sum(impressions.values())
    followers_daily = tuple((d, poisson(rng, 0.15 + impressions[d] / 450)) for d in days)
    followers_total = network(moment) + sum(n for _d, n in followers_daily)
    return WorkbookData(
        persona_id=persona.id,
        period=(start, end),
        totals={"impressions": total,
                "members_reached": round(total * rng.uniform(0.25, 0.35))},
        daily=daily,
        posts=tuple(posts),
        top_by_engagements=tuple(top_e),
        top_by_impressions=tuple(top_i),
        followers_total=followers_total,
        followers_on=end,
        followers_daily=followers_daily,
        demographics=_demographics(rng, life),
    )


def _demographics(rng: random.Random, life: Life) -> tuple[tuple[str, str, float], ...]:
    persona = life.persona
    lang = persona.lang if persona.lang in content.LANGS else "en"

    def distinct(make: object, first: tuple[str, ...] = (), n: int = 5) -> list[str]:
        values = list(first)
        while len(values) < n:
            value = make() if callable(make) else rng.choice(make)  # type: ignore[arg-type]
            if value not in values:
                values.append(value)
        return values

    metro = persona.location.split(",")[0] + " Area"
    values = {
        "Job titles": distinct(lambda: content.job_title(rng, lang)),
        "Locations": distinct(_LOCATIONS, (metro,)),
        "Industries": distinct(_INDUSTRIES, (persona.industry,)),
        "Seniority": distinct(_SENIORITY),
        "Company size": list(_COMPANY_SIZE),
        "Companies": distinct(lambda: content.company(rng)),
    }
    rows: list[tuple[str, str, float]] = []
    for category, names in values.items():
        share = rng.uniform(0.12, 0.45) if category != "Companies" else rng.uniform(0.02, 0.05)
        for name in names:
            rows.append((category, name, share))
            share *= rng.uniform(0.3, 0.85)  # the last companies fall under 1%
    return tuple(rows)


# --- writing --------------------------------------------------------------------------------


def _text_date(day: date, lang: str) -> str:
    """LinkedIn's text date: `M/D/YYYY` in English, `D/M/YYYY` (French zero-padded,
    `DD/MM/YYYY`) in the others, `D.M.YYYY` in German."""
    if lang == "en":
        return f"{day.month}/{day.day}/{day.year}"
    if lang == "fr":
        return f"{day.day:02d}/{day.month:02d}/{day.year}"
    if lang == "de":
        return f"{day.day}.{day.month}.{day.year}"
    return f"{day.day}/{day.month}/{day.year}"


def write_workbook(data: WorkbookData, *, style: str = "linkedin", omit: tuple[str, ...] = (),
                   lang: str = "en", text_cells: bool = False,
                   edited: str | None = None) -> bytes:
    """The workbook's bytes. `style`: "linkedin" (as downloaded) or "excel" (re-saved by
    Excel: real date cells, the TOP POSTS note and blank rows and the FOLLOWERS blank row
    deleted, DISCOVERY as `Overall Performance | Value | Time Period`). `omit`: sheets left out
    (English names). `lang`: one of LABELS (en, fr, es, pt, de). `text_cells`: numbers as
    text cells, shares under 1% as `< 1%`. `edited`: "spreadsheet" (a member's edits in
    Excel: the follower total moved to DISCOVERY with chart-helper rows below it, FOLLOWERS
    with real date cells and extra columns, extra sheets `Dataset` — a Date / Impressions /
    Engagements block of other figures —, `Pivot Tables`, `Dashboard`) or "fractions" (every
    day's engagements plus 0.5, which LinkedIn never writes)."""
    # an optional dependency (only the synthetic workbooks need it), without type hints
    import xlsxwriter  # type: ignore[import-untyped]

    if style not in STYLES:
        raise SampleError(f"style must be one of {', '.join(STYLES)}, not {style!r}")
    if lang not in LABELS:
        raise SampleError(f"lang must be one of {', '.join(LABELS)}, not {lang!r}")
    if edited not in EDITS:
        raise SampleError(f"edited must be one of {', '.join(map(str, EDITS))}, not {edited!r}")
    unknown = set(omit) - set(SHEETS)
    if unknown:
        raise SampleError(f"unknown sheet(s) {sorted(unknown)}; known: {', '.join(SHEETS)}")
    labels = LABELS[lang]
    names: dict[str, str] = labels["sheets"]  # type: ignore[assignment]
    excel = style == "excel"
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_urls": False,
                                        "strings_to_numbers": False,
                                        "strings_to_formulas": False})
    book.set_properties({"created": datetime(2000, 1, 1), "author": "linkedin-stages"})
    date_format = book.add_format({"num_format": "m/d/yyyy" if lang == "en" else "d/m/yyyy"})

    def put(sheet: object, row: int, col: int, value: object, real_dates: bool = False) -> None:
        if value is None:
            return
        if isinstance(value, date):
            if excel or real_dates:
                sheet.write_datetime(row, col, datetime.combine(value, datetime.min.time()),  # type: ignore[attr-defined]
                                     date_format)
            else:
                sheet.write_string(row, col, _text_date(value, lang))  # type: ignore[attr-defined]
        elif isinstance(value, (int, float)):
            if text_cells:
                sheet.write_string(row, col, str(value))  # type: ignore[attr-defined]
            else:
                sheet.write_number(row, col, value)  # type: ignore[attr-defined]
        else:
            sheet.write_string(row, col, str(value))  # type: ignore[attr-defined]

    def rows(sheet_key: str, lines: list[list[object]], real_dates: bool = False) -> None:
        if sheet_key in omit:
            return
        sheet = book.add_worksheet(names.get(sheet_key, sheet_key))
        for r, line in enumerate(lines):
            for c, value in enumerate(line):
                put(sheet, r, c, value, real_dates)

    period = f"{_text_date(data.period[0], lang)} - {_text_date(data.period[1], lang)}"
    if excel:
        discovery: list[list[object]] = [
            [labels["overall"], labels["value"], labels["time_period"]],
            [labels["impressions"], data.totals["impressions"], period],
            [labels["members_reached"], data.totals["members_reached"], period]]
    else:
        discovery = [[labels["overall"], period],
                     [labels["impressions"], data.totals["impressions"]],
                     [labels["members_reached"], data.totals["members_reached"]]]
    spreadsheet = edited == "spreadsheet"
    total_label = str(labels["total_followers"]).format(date=_text_date(data.followers_on, lang))
    if spreadsheet:  # the total moved here, and the helpers of a pie chart under a blank row
        impressions = data.totals["impressions"]
        discovery += [[total_label, data.followers_total], [],
                      [labels["impressions"], impressions, 61.5], ["Total", 0, 38.5], [],
                      ["Total followers", data.followers_total], ["Total", 429],
                      [labels["impressions"], impressions], ["Total", 10_000 - impressions]]
    rows("DISCOVERY", discovery)
    half = 0.5 if edited == "fractions" else 0
    engagement: list[list[object]] = [[labels["date"], labels["impressions"],
                                       labels["engagements"]]]
    engagement += [[d, i, e + half] for d, i, e in data.daily]
    rows("ENGAGEMENT", engagement)

    top: list[list[object]] = [] if excel else [[labels["note"]], []]
    top.append([labels["post_url"], labels["publish_date"], labels["engagements"], None,
                labels["post_url"], labels["publish_date"], labels["impressions"]])
    for rank in range(max(len(data.top_by_engagements), len(data.top_by_impressions))):
        line: list[object] = [None] * 7
        if rank < len(data.top_by_engagements):
            post = data.top_by_engagements[rank]
            line[0:3] = [post.url, post.published, post.engagements]
        if rank < len(data.top_by_impressions):
            post = data.top_by_impressions[rank]
            line[4:7] = [post.url, post.published, post.impressions]
        top.append(line)
    rows("TOP POSTS", top)

    followers: list[list[object]] = []
    if spreadsheet:  # the total row moved away; running totals and month columns added
        followers.append([labels["date"], labels["new_followers"], "Followers", "Month",
                          "Year"])
        running = data.followers_total - sum(n for _d, n in data.followers_daily)
        for d, n in data.followers_daily:
            running += n
            followers.append([d, n, running, d.strftime("%B"), d.year])
    else:
        followers.append([total_label, data.followers_total])
        if not excel:
            followers.append([])
        followers.append([labels["date"], labels["new_followers"]])
        followers += [[d, n] for d, n in data.followers_daily]
    rows("FOLLOWERS", followers, real_dates=spreadsheet)

    categories = dict(zip(LABELS["en"]["categories"], labels["categories"], strict=True))  # type: ignore[call-overload]
    demographics: list[list[object]] = [[labels["top_demographics"], labels["value"],
                                         labels["percentage"]]]
    for category, value, share in data.demographics:
        shown: object = share
        if text_cells and share < 0.01:
            shown = "< 1%"
        demographics.append([categories[category], value, shown])
    rows("DEMOGRAPHICS", demographics)
    if spreadsheet:  # the member's own sheets: a copy of other figures, a pivot, a title
        dataset: list[list[object]] = [["S-N", labels["date"], labels["impressions"],
                                        labels["engagements"]]]
        dataset += [[n + 1, d, 2 * i + 1, 3 * e + 1] for n, (d, i, e) in enumerate(data.daily)]
        rows("Dataset", dataset)
        rows("Pivot Tables", [[], ["Row Labels", "Average of Engagements"],
                              ["January", 12.6]])
        rows("Dashboard", [["LinkedIn Analytics Dashboard"]])
    book.close()
    return buffer.getvalue()


def workbook_bytes(source: str | Life | Archive, until_month: str | None = None, seed: int = 0,
                   *, scale: float = 1.0, style: str = "linkedin", omit: tuple[str, ...] = (),
                   lang: str = "en", text_cells: bool = False,
                   edited: str | None = None) -> bytes:
    """The analytics workbook of `source` (persona id, `Life` or `Archive`) for the 365 days
    before `export_moment(until_month)`, as LinkedIn writes it (see `write_workbook`)."""
    data = analytics_data(source, until_month, seed, scale=scale)
    return write_workbook(data, style=style, omit=omit, lang=lang, text_cells=text_cells,
                          edited=edited)


def excel_resaved_bytes(data: WorkbookData) -> bytes:
    """The same workbook after an Excel re-save: real date cells, preamble rows deleted."""
    return write_workbook(data, style="excel")


def without_sheet_bytes(data: WorkbookData, sheet: str) -> bytes:
    """The same workbook with one sheet (English name, e.g. "FOLLOWERS") left out."""
    return write_workbook(data, omit=(sheet,))


def company_page_bytes(days: int = 30, first: date = date(2025, 1, 1)) -> bytes:
    """A company page's "Content" export (not a member's workbook; the reader refuses it):
    sheets `Metrics` (a note row, then `Date | Impressions (organic) | …` a row a day,
    zero-padded `MM/DD/YYYY`) and `All posts` (a note row, then `Post title | Post link | …`).
    Invented figures."""
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_urls": False})
    book.set_properties({"created": datetime(2000, 1, 1), "author": "linkedin-stages"})
    metrics = book.add_worksheet("Metrics")
    metrics.write_row(0, 0, ["Aggregated engagement metrics for the page"])
    metrics.write_row(1, 0, ["Date", "Impressions (organic)", "Impressions (sponsored)",
                             "Impressions (total)", "Unique impressions (organic)",
                             "Clicks (organic)", "Reactions (organic)"])
    for n in range(days):
        day = first + timedelta(days=n)
        metrics.write_row(n + 2, 0, [f"{day.month:02d}/{day.day:02d}/{day.year}",
                                     100 + n, 0, 100 + n, 60 + n, 5, 2])
    posts = book.add_worksheet("All posts")
    posts.write_row(0, 0, ["Engagement metrics for individual posts"])
    posts.write_row(1, 0, ["Post title", "Post link", "Post type", "Created date",
                           "Impressions", "Engagement rate"])
    for n in range(3):
        posts.write_row(n + 2, 0, [f"Invented post {n}", f"{ACTIVITY_URL}{7000 + n}",
                                   "Organic", f"01/{n + 2:02d}/2025", 300 + n, 0.05])
    book.close()
    return buffer.getvalue()
