"""`analyze --redact`: a report to share, with the same stages and charts and nobody in it.

Every sample member, in both languages: no person's name (connections, correspondents,
invitations, endorsers, recommenders, members followed, the member), no profile URL, e-mail,
conversation id or post link anywhere in the redacted view (every string of it, chart
specifications included: what the template and the charts can print), built without drawing.
The full page (attributes and the drawn SVG's text and attributes included: the whole text is
searched after unescaping) is checked once per language, on the climber. Companies kept by
default and gone with --redact-companies; stages, transitions, reasons and numbers identical;
the banner; stable pseudonyms.
"""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner

from linkedin_stages.analysis import build_timeline
from linkedin_stages.analysis.report_data import ReportData, analyze_for_report
from linkedin_stages.cli import cli
from linkedin_stages.export import Export, load_export
from linkedin_stages.i18n.catalogue import catalogue
from linkedin_stages.redact import (
    Redactor,
    redact_export,
    redact_report,
    redact_timeline,
)
from linkedin_stages.report.render import render_report
from linkedin_stages.report.viewmodel import ReportView, build_view
from report_support import SAMPLES, ZONES, hostile_export, loaded, report, view_text

SAMPLE_NAMES = sorted(p.name for p in SAMPLES.iterdir() if (p / "Profile.csv").exists())
LANGS = ("en", "fr")
# The pages rendered in full, charts drawn: one per language (the other members are checked
# on their views, which hold every string the template and the charts print).
PAGES = (("climber", "en"), ("climber", "fr"))
# LinkedIn's own label for sponsored senders: not a person.
NOT_PEOPLE = {"linkedin", "member", "linkedin member"}

NAME_COLUMNS = {
    "connections": ("first_name", "last_name", "full_name"),
    "invitations": ("from_name", "to_name"),
    "messages": ("from_name", "to_names"),
    "endorsements_received": ("first_name", "last_name", "full_name"),
    "endorsements_given": ("first_name", "last_name", "full_name"),
    "recommendations_received": ("first_name", "last_name", "full_name"),
    "recommendations_given": ("first_name", "last_name", "full_name"),
    "member_follows": ("full_name",),
    "profile": ("first_name", "last_name", "full_name"),
    "registration": ("invited_by_first_name", "invited_by_last_name"),
}


def people(export: Export) -> set[str]:
    """Every name of a person in `export` (full names, and each of their parts), the
    member's included."""
    names: set[str] = set()
    for table, columns in NAME_COLUMNS.items():
        for column in columns:
            for value in export.tables[table][column].drop_nulls().unique().to_list():
                for name in str(value).split(","):
                    name = " ".join(name.split())
                    if name:
                        names.add(name)
                        names.update(re.split(r"[\s]+", name))
    return {n for n in names if n.casefold() not in NOT_PEOPLE}


def checked_names(export: Export) -> set[str]:
    """The names to look for: full names, and single names of 4 letters or more (shorter
    ones, `Wei`, `Tom`, are parts of ordinary words)."""
    return {n for n in people(export) if " " in n or len(n) >= 4}


def leaks(page: str, export: Export) -> list[str]:
    """Everything of `export` that identifies someone and is found in `page` (a page's HTML,
    or a view's `view_text`)."""
    text = html.unescape(page)
    found = []
    lower = text.casefold()
    for name in sorted(checked_names(export)):
        # A fast substring test first, then the same name as a whole word.
        if name.casefold() in lower and re.search(
                rf"(?<!\w){re.escape(name.casefold())}(?!\w)", lower):
            found.append(f"name {name!r}")
    for marker in ("linkedin.com/in/", "@example.", "feed/update", "urn:li:", "mailto:",
                   "linkedin.com/pulse/", "media.licdn.com"):
        if marker in lower:
            found.append(f"marker {marker!r}")
    for conversation in export.messages["conversation_id"].drop_nulls().unique().to_list():
        if conversation in text:
            found.append(f"conversation id {conversation!r}")
    ids = set(export.shares["urn_id"].drop_nulls().to_list())
    ids |= set(export.comments["urn_id"].drop_nulls().to_list())
    for urn in ids:
        if len(urn) >= 8 and urn in text:
            found.append(f"post id {urn!r}")
    if re.search(r"[\w.+-]+@[\w-]+\.[a-z]{2,}", text):
        found.append("an e-mail address")
    return found


def redacted_data(export: Export, timeline, lang: str, zone: str,  # noqa: ANN001
                  companies: bool = False) -> ReportData:
    """The report's analysis of the real archive, then redacted: what the view is given."""
    data = analyze_for_report(export, timeline, zone=zone)
    return redact_report(data, export, companies=companies, lang=lang).data


@cache
def redacted_view(name: str, lang: str, companies: bool = False) -> tuple[ReportData, ReportView]:
    """The redacted data of a sample member and its view (nothing drawn)."""
    export, timeline = loaded(name)
    data = redacted_data(export, timeline, lang, ZONES[lang], companies)
    return data, build_view(data, lang=lang)


@cache
def ordinary_view(name: str, lang: str) -> ReportView:
    export, timeline = loaded(name)
    return build_view(analyze_for_report(export, timeline, zone=ZONES[lang]), lang=lang)


@cache
def redacted(name: str, lang: str, companies: bool = False) -> str:
    """The redacted page of a sample member, charts drawn."""
    return render_report(redacted_view(name, lang, companies)[0], lang=lang)


def same(a: object, b: object) -> bool:
    """Equal views (compared by repr: a NaN, a gap in a chart, never equals itself)."""
    return repr(a) == repr(b)


def section(page: str, section_id: str) -> str:
    match = re.search(rf'<section id="{section_id}".*?</section>', page, re.S)
    assert match, section_id
    return match.group(0)


# ---------------------------------------------------------------------------- nothing leaks


def test_samples_have_people() -> None:
    assert {"climber", "consultante", "lurker"} <= set(SAMPLE_NAMES)
    for name in SAMPLE_NAMES:
        assert len(checked_names(loaded(name)[0])) > 10, name


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_redacted_view_names_nobody(name: str, lang: str) -> None:
    export, _ = loaded(name)
    assert leaks(view_text(redacted_view(name, lang)[1]), export) == []
    # The check itself finds them in the ordinary view.
    normal = leaks(view_text(ordinary_view(name, lang)), export)
    assert any(item.startswith("name") for item in normal)
    if export.shares.height:
        assert "marker 'feed/update'" in normal


@pytest.mark.parametrize(("name", "lang"), PAGES)
def test_redacted_page_names_nobody(name: str, lang: str) -> None:
    """The whole page, the drawn charts' text and attributes included."""
    export, _ = loaded(name)
    page = redacted(name, lang)
    assert page.count('class="chart-svg chart-pair"') >= 5  # the charts are drawn, and searched
    assert leaks(page, export) == []
    normal = leaks(report(name, lang), export)
    assert any(item.startswith("name") for item in normal)
    assert "marker 'feed/update'" in normal


def test_redacted_export_names_nobody() -> None:
    """The data itself, not only the page: no cell holds a person's full name, a profile
    URL, an e-mail or a post link."""
    for name in ("climber", "consultante", "lurker"):
        export, _ = loaded(name)
        full_names = {n for n in people(export) if " " in n}
        r_export = redact_export(export)
        for table, frame in r_export.tables.items():
            for column, dtype in frame.schema.items():
                if dtype != pl.String:
                    continue
                values = set(frame[column].drop_nulls().unique().to_list())
                assert not values & full_names, (name, table, column)
                for value in values:
                    low = value.lower()
                    assert "linkedin.com/" not in low and "@example." not in low, \
                        (name, table, column, value)
        assert r_export.member_name is None
        assert "climber" not in str(r_export.location)


def test_hostile_archive_redacted(tmp_path: Path) -> None:
    export = load_export(hostile_export(tmp_path))
    page = render_report(redacted_data(export, build_timeline(export), "en", "UTC"), lang="en")
    assert leaks(page, export) == []
    assert "<script" not in page and "<img" not in page
    assert "and a long word" not in page  # the hostile post's text


def test_location_named_after_the_member_is_hidden(tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "Maya Lindqvist LinkedIn export"
    shutil.copytree(SAMPLES / "lurker", folder)
    export = load_export(folder)
    data = redacted_data(export, build_timeline(export), "fr", "UTC")
    text = view_text(build_view(data, lang="fr"))
    assert "Lindqvist" not in text and "masqué (rapport anonymisé)" in text


# ---------------------------------------------------------------------------- companies


def _top_companies(export: Export) -> set[str]:
    counts = export.connections["company"].drop_nulls().value_counts(sort=True)
    return {c for c in counts["company"].head(20).to_list() if len(c) >= 4}


@pytest.mark.parametrize(("name", "lang"), [("climber", "en"), ("consultante", "fr")])
def test_companies_kept_by_default_and_pseudonymised_on_demand(name: str, lang: str) -> None:
    export, _ = loaded(name)
    companies = _top_companies(export)
    kept = view_text(redacted_view(name, lang)[1])
    assert sum(c in kept for c in companies) >= 5
    gone = view_text(redacted_view(name, lang, companies=True)[1])
    assert [c for c in companies if re.search(rf"(?<!\w){re.escape(c)}(?!\w)", gone)] == []
    label = {"en": "Company", "fr": "Entreprise"}[lang]
    assert re.search(rf"{label} \d+", gone)
    assert leaks(gone, export) == []
    # Job titles stay either way.
    positions = export.connections["position"].drop_nulls().value_counts(sort=True)
    top_position = positions["position"][0].strip()
    assert top_position in kept and top_position in gone


def test_company_named_after_the_member_is_a_pseudonym() -> None:
    export, _ = loaded("climber")
    r_export = redact_export(export)
    assert r_export.positions["company"].to_list()[0].startswith("Company ")
    assert "Lindqvist" not in " ".join(r_export.positions["company"].drop_nulls().to_list())


def test_cli_redact_companies_implies_redact(tmp_path: Path) -> None:
    out = tmp_path / "share.html"
    result = CliRunner().invoke(cli, ["analyze", str(SAMPLES / "lurker"), "-o", str(out),
                                      "--redact-companies", "--tz", "UTC", "--lang", "fr"])
    assert result.exit_code == 0, result.output
    assert "Redacted report written" in result.output
    page = out.read_text(encoding="utf-8")
    assert "Version anonymisée, à partager" in page and "Entreprise " in page
    assert leaks(page, loaded("lurker")[0]) == []


# ---------------------------------------------------------------------------- same analysis


@pytest.mark.parametrize("name", ["climber", "consultante", "lurker", "fallback"])
def test_stages_and_numbers_identical(name: str) -> None:
    export, timeline = loaded(name)
    r_data, r_view = redacted_view(name, "en")
    r_timeline = r_data.timeline
    assert r_timeline.months == timeline.months  # stages, raw stages, metrics, reasons
    assert r_timeline.transitions == timeline.transitions
    assert (r_timeline.current_stage, r_timeline.current_since) == \
        (timeline.current_stage, timeline.current_since)
    assert r_timeline.plan == timeline.plan
    assert r_timeline.monthly.equals(timeline.monthly)
    # The view: what these sections of the page show is the ordinary report's (charts
    # included: the same specifications draw the same SVG); the network chart, the voice
    # table and the words chart too.
    normal = ordinary_view(name, "en")
    for part in ("where", "trajectory", "activity", "rhythm", "years", "month_head", "plan",
                 "plan_none"):
        assert same(getattr(r_view, part), getattr(normal, part)), part
    assert same(r_view.network.chart, normal.network.chart)
    assert same(r_view.voice.chart, normal.voice.chart)
    table = [(s.badge, s.own, s.shared, s.median_words, s.business, s.hashtags)
             for s in normal.voice.stages]
    assert same([(s.badge, s.own, s.shared, s.median_words, s.business, s.hashtags)
                 for s in r_view.voice.stages], table)


def test_redacted_page_sections_are_the_ordinary_ones() -> None:
    """The page: these sections are the ordinary report's, byte for byte (charts drawn)."""
    page, normal = redacted("climber", "en"), report("climber", "en")
    for section_id in ("where", "trajectory", "activity", "rhythm", "months", "plan"):
        assert section(page, section_id) == section(normal, section_id), section_id
    # The network chart and the voice table too.
    for pattern in (r'<figure class="chart" id="figure-network">.*?</figure>',
                    r'<table class="stage-table[^"]*">.*?</table>',
                    r'<figure class="chart" id="figure-words">.*?</figure>'):
        a, b = re.search(pattern, page, re.S), re.search(pattern, normal, re.S)
        assert (a and a.group(0)) == (b and b.group(0)), pattern


def test_analysis_of_the_redacted_export_keeps_every_non_text_number() -> None:
    """Why the timeline is computed on the real archive: on the redacted export, every
    metric but those read from the words (business intent, personal voice, posts in a
    language without a lexicon, comments long enough to be substantive) is the same —
    conversations, replies in your threads, connections met in conversation all still join
    — but without the words a power networker loses its calls to action."""
    export, timeline = loaded("climber")
    again = build_timeline(redact_export(export))
    text_signals = {"business_posts", "personal_posts", "business_unknown_posts",
                    "substantive_comments", "stage"}
    for column in timeline.monthly.columns:
        if column not in text_signals:
            assert again.monthly[column].equals(timeline.monthly[column]), column
    assert sum(timeline.monthly["conversations_with_new_connections"]) > 0
    assert sum(timeline.monthly["replies_own"]) > 0
    assert again.monthly["business_posts"].sum() == 0


# ---------------------------------------------------------------------------- the page


@pytest.mark.parametrize("lang", LANGS)
def test_banner_and_described_posts(lang: str) -> None:
    page = redacted("climber", lang)
    heading = {"en": "Redacted for sharing", "fr": "Version anonymisée, à partager"}[lang]
    assert page.count('<aside class="redacted"') == 1 and heading in page
    assert page.index('<aside class="redacted"') < page.index('<main id="main">')
    assert heading not in report("climber", lang) and "redacted" not in report("climber", lang)
    # Anonymous title; posts described, never linked.
    title = {"en": "Your LinkedIn presence", "fr": "Votre présence sur LinkedIn"}[lang]
    assert f"<title>{title}" in page
    assert 'href="https://' not in page
    assert {"en": "Open on LinkedIn", "fr": "Ouvrir sur LinkedIn"}[lang] not in page
    described = re.findall(r'<blockquote class="post-described"><bdi>(.*?)</bdi>', page)
    assert described and '<blockquote class="member-text">' not in page
    original = {"en": "Original post", "fr": "Post original"}[lang]
    words = {"en": "words", "fr": "mots"}[lang]
    business = {"en": "business intent", "fr": "visée business"}[lang]
    assert any(re.match(rf"{original} · \d+ {words} · .*{business}.*#\w+", d)
               for d in described), described


def test_examples_are_the_same_posts() -> None:
    """The posts chosen to show each stage are those of the ordinary report (same dates)."""
    for name in ("climber", "consultante"):
        def dates(view: ReportView) -> list[str]:
            return [post.iso_date for stage in view.voice.stages for post in stage.examples]

        assert dates(redacted_view(name, "en")[1]) == dates(ordinary_view(name, "en")) != []
    # On the page too.
    page, normal = redacted("climber", "en"), report("climber", "en")
    on_page = re.compile(r'<li class="post">.*?<time datetime="([\d-]+)"', re.S)
    assert on_page.findall(page) == on_page.findall(normal) != []


@pytest.mark.parametrize("name", ["climber", "consultante", "lurker"])
def test_pseudonyms_stable(name: str) -> None:
    export, timeline = loaded(name)
    redactor = Redactor(export, lang="en")
    r_export = redactor.export()
    # Same person, same pseudonym in every dataset.
    real, pseudo = export.messages, r_export.messages
    for table, column in (("connections", "full_name"), ("invitations", "from_name"),
                          ("invitations", "to_name"), ("endorsements_received", "full_name")):
        pairs = dict(zip(export.tables[table][column].to_list(),
                         r_export.tables[table][column].to_list(), strict=True))
        for who, alias in pairs.items():
            if who is not None and who != redactor.member:
                assert alias == redactor.people[who], (table, who)
    sent = real.filter(pl.col("direction") == "received")["from_name"].to_list()
    aliases = pseudo.filter(pl.col("direction") == "received")["from_name"].to_list()
    for who, alias in zip(sent, aliases, strict=True):
        assert alias == redactor.people[who]
    assert set(pseudo.filter(pl.col("direction") == "sent")["from_name"]) <= {"You"}
    # First connections are Person 1, 2, 3…; the same people as in the ordinary report.
    def first(view: ReportView) -> list[list[str]]:
        return [list(group.first) for group in view.network.joined if group.first]

    lists = first(redacted_view(name, "en")[1])
    normal = first(ordinary_view(name, "en"))
    assert lists and lists[0][:1] == ["Person 1"]
    assert lists == [[redactor.person(n) for n in group] for group in normal]
    # French: the same numbers.
    french = first(redacted_view(name, "fr")[1])
    person = {lang: catalogue(lang).text("redaction.person", number=0)[:-2] for lang in LANGS}
    assert french == [[n.replace(person["en"], person["fr"]) for n in group]
                      for group in lists]
    # Deterministic: the same archive gives the same view.
    again = redacted_data(export, timeline, "en", ZONES["en"])
    now = datetime(2026, 11, 1, tzinfo=UTC)
    assert same(build_view(again, lang="en", now=now),
                build_view(redacted_view(name, "en")[0], lang="en", now=now))


@pytest.mark.parametrize(("name", "lang"), PAGES)
def test_pseudonyms_on_the_page_are_the_view_s(name: str, lang: str) -> None:
    """The first connections printed are the view's pseudonyms; the same archive gives the
    same page."""
    page = redacted(name, lang)
    first = re.compile(r'<p class="member-text">(.*?)</p>', re.S)
    printed = [re.findall(r"<bdi>(.*?)</bdi>", html.unescape(x)) for x in first.findall(page)]
    view = redacted_view(name, lang)[1]
    assert printed == [list(group.first) for group in view.network.joined if group.first] != []
    export, timeline = loaded(name)
    again = redacted_data(export, timeline, lang, ZONES[lang])
    assert render_report(again, lang=lang) == page


def test_redact_timeline_keeps_the_numbers_and_drops_texts_and_links() -> None:
    export, timeline = loaded("lurker")
    alone = redact_timeline(timeline, export)
    assert alone.months == timeline.months
    assert alone.posts.height == timeline.posts.height
    assert alone.posts["link"].null_count() == alone.posts.height
    assert set(alone.posts["text"].str.slice(0, 10).drop_nulls().to_list()) <= {"[redacted]"}


def test_a_coded_warning_stays_coded_with_its_values_scrubbed() -> None:
    """A redacted page still words a warning in its language, and no value of the notice
    (a path through a folder named after someone) survives redaction."""
    from linkedin_stages.i18n.notices import Notice, word

    export, _ = loaded("climber")
    redactor = Redactor(export)
    someone = export.connections["full_name"].drop_nulls()[0]
    inner = Notice("export_part_copy", file=f"Takeout/{someone}/Shares_2.csv")
    scrubbed = redactor.scrub(Notice("export_in_file", file=f"Takeout/{someone}/Shares.csv",
                                     warning=inner))
    assert isinstance(scrubbed, Notice) and scrubbed.code == "export_in_file"
    for lang in LANGS:
        worded = word(scrubbed, lang)
        assert someone not in worded and "Takeout" not in worded
        assert "Shares.csv" in worded and "Shares_2.csv" in worded
    assert word(scrubbed, "fr") != str(scrubbed)  # worded in French, not left in English


def test_kept_labels_and_warnings_are_scrubbed() -> None:
    export, _ = loaded("climber")
    redactor = Redactor(export)
    someone = export.connections["full_name"].drop_nulls()[0]
    assert redactor.label(f"Assistant to {someone}") == f"Assistant to {redactor.people[someone]}"
    assert redactor.label("Call +33 6 12 34 56 78 or a.b@example.com") == "Call … or …"
    assert redactor.label("see linkedin.com/in/x, https://a.example/b") == "see … …"
    assert redactor.label("Sales/Marketing Lead 2019-2020") == "Sales/Marketing Lead 2019-2020"
    assert redactor.scrub("Takeout/Maya Lindqvist/Shares.csv: 3 rows") == "… Shares.csv: 3 rows"
    assert redactor.company("Acme") == "Acme"
    assert redactor.domain("mayalindqvist.com") == "…" and redactor.domain("hbr.org") == "hbr.org"


def test_detect_language() -> None:
    from linkedin_stages.redact import detect_language

    assert detect_language("I think that the best way to learn is to write about it.") == "en"
    assert detect_language("Je pense que la meilleure façon d’apprendre est d’écrire.") == "fr"
    assert detect_language("#data #ai") is None and detect_language(None) is None


def test_cli_redacted_page_is_the_library_redacted_page(tmp_path: Path) -> None:
    """`analyze --redact-companies` writes what analyze_for_report → redact_report →
    render_report gives: the CLI adds no step of its own."""
    out = tmp_path / "page.html"
    result = CliRunner().invoke(cli, ["analyze", str(SAMPLES / "consultante"), "-o", str(out),
                                      "--lang", "fr", "--tz", ZONES["fr"],
                                      "--redact-companies", "--quiet"])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    expected = redacted("consultante", "fr", companies=True)
    scrub = re.compile(r"(Made|Fait|Rapport généré|Report made)[^<]*")  # the page's date
    assert scrub.sub("", page) == scrub.sub("", expected)
    # The whole page of a French member with companies redacted, charts drawn: nobody in it.
    export, _ = loaded("consultante")
    assert leaks(page, export) == []
    text = html.unescape(page)
    assert [c for c in _top_companies(export)
            if re.search(rf"(?<!\w){re.escape(c)}(?!\w)", text)] == []


def test_redaction_is_said_and_counted() -> None:
    data = redacted_view("climber", "en")[0]
    assert data.redaction is not None and data.redaction.people > 10
    assert data.archive.member_name is None and data.archive.location_name is None
    export, timeline = loaded("climber")
    assert analyze_for_report(export, timeline, zone="UTC").redaction is None
