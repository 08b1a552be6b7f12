"""LinkedIn's templated posts and posts in a language no lexicon covers are said in the
month's reasons, never silently counted as a voice or as "no business"."""

from __future__ import annotations

from pathlib import Path

from linkedin_stages import load_export
from linkedin_stages.analysis import analyze
from linkedin_stages.analysis.describe import reason_text
from linkedin_stages.analysis.stages import WindowRates, verdict
from linkedin_stages.analysis.thresholds import DEFAULTS


def rates(**values: float) -> WindowRates:
    base = dict(months=("2024-01", "2024-03"), own=0.0, shared=0.0, originals=0.0,
                articles=0.0, commented=0.0, curated=0.0, reposts=0.0, own_share=0.0,
                business_share=0.0, regularity=0.0, outreach=0.0, reactions=20.0,
                comments=0.0)
    return WindowRates(**{**base, **values})  # type: ignore[arg-type]


def test_templated_posts_are_said_and_do_not_make_a_stage() -> None:
    stage, reasons = verdict(rates(stock=1.0), None, DEFAULTS)
    assert stage == "present"
    codes = [r.code for r in reasons]
    assert "stock_posts" in codes
    for lang in ("en", "fr", "es", "pt", "de"):
        assert reason_text(reasons[codes.index("stock_posts")], lang)
    assert "stock_posts" not in [r.code for r in verdict(rates(), None, DEFAULTS)[1]]


def test_unknown_business_intent_is_said_for_a_producer() -> None:
    producing = dict(own=6.0, originals=6.0, own_share=1.0, business_share=0.0,
                     business_unknown=4.0)
    stage, reasons = verdict(rates(**producing), None, DEFAULTS)
    assert stage == "producer"
    assert "business_unknown" in [r.code for r in reasons]


TAIL = (" Grateful to everyone who supported me along the way, and looking forward to this "
        "new chapter with a wonderful team of people who care about doing things well.")
STOCK = [
    "I'm happy to share that I'm starting a new position as Operations Lead at Norvale "
    "Logistics!" + TAIL,
    "Je suis heureux de vous annoncer que je commence un nouveau poste de responsable des "
    "opérations chez Norvale ! Merci à toutes les personnes qui m’ont soutenu, et vivement "
    "ce nouveau chapitre avec une équipe formidable qui aime le travail bien fait.",
    "Me complace compartir que empiezo un nuevo cargo como jefa de operaciones en Norvale. "
    "Gracias a todas las personas que me apoyaron en el camino, y con muchas ganas de este "
    "nuevo capítulo con un equipo maravilloso que cuida el trabajo bien hecho.",
]
OWN_WORDS = ("Three things a year of running operations at a small logistics firm taught me "
             "about planning, people and patience." + TAIL)


def _reader_with(tmp_path: Path, texts: list[str]):  # noqa: ANN202
    """The lurker sample plus two posts a month for three months, each of `texts` in turn."""
    import csv
    import shutil

    from report_support import SAMPLES

    folder = tmp_path / "reader"
    shutil.copytree(SAMPLES / "lurker", folder)
    with (folder / "Shares.csv").open("a", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        for i in range(6):
            writer.writerow([f"2025-0{3 + i // 2}-{10 + i % 2 * 10} 09:00:00",
                             f"https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A9{i}",
                             texts[i % len(texts)], "", "", "MEMBER_NETWORK"])
    return analyze(load_export(folder))


def test_templated_posts_in_an_archive_are_said_and_not_a_voice(tmp_path: Path) -> None:
    """A reader whose only own posts are LinkedIn's "new position" templates (in three
    languages) stays present, and those months say why; the same rhythm of posts in the
    member's own words makes a producer."""
    timeline = _reader_with(tmp_path / "stock", STOCK)
    assert timeline.posts["stock"].sum() == 6
    months = {m.month: m for m in timeline.months}
    for month in ("2025-03", "2025-04", "2025-05"):
        assert months[month].stage == "present"
        assert any(r.code == "stock_posts" for r in months[month].reasons)
    own = {m.month: m.stage for m in _reader_with(tmp_path / "own", [OWN_WORDS]).months}
    assert {own[month] for month in ("2025-03", "2025-04", "2025-05")} == {"producer"}
