"""Text signals in every language of the lexicons (analysis/text_signals.py, lexicons.py):
each post's language identified first, business intent and personal voice in it, unknown in
another language (never "no"), language-neutral business links, LinkedIn's stock posts and
comments, substantive comments, and the monthly columns they feed. All texts are invented."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import polars as pl
import pytest

from linkedin_stages import load_export
from linkedin_stages.analysis.lexicons import LEXICONS
from linkedin_stages.analysis.metrics import (
    METRICS,
    MONTHLY_SCHEMA,
    POSTS_SCHEMA,
    add_text_signals,
    monthly_metrics,
    post_kinds,
    signal_counts,
    span,
    with_signal_counts,
)
from linkedin_stages.analysis.text_signals import (
    SUBSTANTIVE_MIN_WORDS,
    business_matches,
    detect_language,
    is_stock_comment,
    personal_hits,
    substantive_comment,
    with_text_signals,
)
from linkedin_stages.analysis.thresholds import Thresholds
from linkedin_stages.analysis.voice import detect_language as voice_detect_language
from linkedin_stages.months import months_between

SAMPLES = Path(__file__).resolve().parent.parent / "sample_exports"

# Per language: a personal story (no call to action), then a business post.
POSTS = {
    "en": ("Last year I changed teams and my first month was humbling: I had to relearn how "
           "to listen before proposing anything to my colleagues.",
           "Our spring workshop on pricing is open. Register now, limited spots, and send me a "
           "message if you have questions about the programme."),
    "fr": ("L'an dernier j'ai changé d'équipe et mon premier mois a été une leçon : je devais "
           "réapprendre à écouter avant de proposer quoi que ce soit.",
           "Notre atelier du printemps sur la tarification est ouvert. Inscrivez-vous, places "
           "limitées, et écrivez-moi si vous avez des questions."),
    "es": ("El año pasado cambié de equipo y mi primer mes fue una lección: tuve que volver a "
           "aprender a escuchar antes de proponer nada a mis compañeros.",
           "Nuestro taller de primavera sobre precios ya está abierto. Inscríbete, plazas "
           "limitadas, y escríbeme si tienes preguntas sobre el programa."),
    "pt": ("No ano passado eu mudei de equipe e meu primeiro mês foi uma lição: precisei "
           "reaprender a ouvir antes de propor qualquer coisa aos meus colegas.",
           "Nosso workshop de primavera sobre precificação está aberto. Inscreva-se, vagas "
           "limitadas, e fale comigo se tiver dúvidas sobre o programa."),
    "de": ("Letztes Jahr habe ich das Team gewechselt und mein erster Monat war lehrreich: ich "
           "musste wieder lernen zuzuhören, bevor ich meinen Kollegen etwas vorschlug.",
           "Unser Frühjahrsworkshop zur Preisgestaltung ist offen. Jetzt anmelden, begrenzte "
           "Plätze, und schreiben Sie mir, wenn Sie Fragen zum Programm haben."),
    "it": ("L'anno scorso io ho cambiato squadra e il mio primo mese è stato una lezione: ho "
           "dovuto reimparare ad ascoltare prima di proporre qualcosa ai miei colleghi.",
           "Il nostro workshop di primavera sui prezzi è aperto. Iscriviti, posti limitati, e "
           "scrivimi se hai domande sul programma."),
    "nl": ("Vorig jaar ben ik van team gewisseld en mijn eerste maand was leerzaam: ik moest "
           "opnieuw leren luisteren voordat ik mijn collega's iets voorstelde.",
           "Onze voorjaarsworkshop over prijsbepaling is open. Schrijf je nu in, beperkte "
           "plaatsen, en stuur me een bericht als je vragen hebt over het programma."),
}
# LinkedIn's templates, as this tool words them (generic, invented names).
STOCK_POSTS = {
    "en": ("I'm happy to share that I'm starting a new position as Product Lead at Example "
           "Corp!", "I'm happy to share that I've obtained a new certification: Cloud Basics "
           "from Example Academy!", "I just finished the course “Negotiation Skills” by Jane "
           "Doe! Check it out: #learning", "Celebrating 5 years at Example Corp!",
           "I'm hiring! Know anyone who might be interested? #hiring",
           "I'm open to work as a data analyst. #OpenToWork"),
    "fr": ("Je suis heureux de vous annoncer que je commence un nouveau poste de Chef de projet "
           "chez Exemple SA !", "Je suis ravie de vous annoncer que j’ai obtenu une nouvelle "
           "certification : Bases du cloud de Exemple Académie !",
           "J'ai terminé le cours « Négocier » de Jean Dupont !"),
    "es": ("Me complace compartir que empiezo un nuevo cargo como Jefa de producto en Ejemplo "
           "SL.", "Me complace compartir que he obtenido una nueva certificación: Nube básica."),
    "pt": ("Tenho o prazer de compartilhar que estou começando em um novo cargo de Gerente de "
           "produto na Exemplo Ltda!", "Acabei de concluir o curso “Negociação” de Ana Lima!"),
    "de": ("Ich freue mich, mitteilen zu können, dass ich eine neue Position als Teamleiterin "
           "bei Beispiel GmbH begonnen habe!", "Ich habe eine neue Zertifizierung erhalten: "
           "Cloud-Grundlagen von Beispiel Akademie!"),
    "it": ("Sono felice di condividere che inizio una nuova posizione come Product Manager "
           "presso Esempio Srl!", "Ho appena completato il corso “Negoziare” di Anna Rossi!"),
    "nl": ("Ik ben blij te delen dat ik begin aan een nieuwe functie als Teamleider bij "
           "Voorbeeld BV!", "Ik heb een nieuwe certificering behaald: Cloud basis van "
           "Voorbeeld Academie!"),
}
STOCK_COMMENTS = ("Interested", "Congrats!", "Congratulations Jane, well deserved! 🎉",
                  "Félicitations !", "Felicidades", "Parabéns!!", "Herzlichen Glückwunsch!",
                  "Interessato", "Gefeliciteerd!", "🎉👏", "+1", "Thanks for sharing!",
                  "Jane Doe Congratulations on the new role, wishing you all the best!",
                  "Interesada")
SUBSTANTIVE = (
    "The part about onboarding is spot on, we saw exactly the same thing in our team last year.",
    "Congrats! I think the most interesting point here is how the pricing changed once the team "
    "started measuring retention instead of sign-ups, and I would love to hear more about it.",
    "Muy de acuerdo con lo que dices sobre la prospección, en mi equipo nos pasó lo mismo.",
    "Dzięki za ten wpis, u nas w zespole wdrożenie wyglądało bardzo podobnie jak opisujesz.",
)


def _posts(rows: list[tuple[str, str]]) -> pl.DataFrame:
    """A posts frame (BASE_POSTS_SCHEMA) of (kind, text) rows, a day apart."""
    return pl.DataFrame({
        "timestamp": [datetime(2024, 3, 1 + i) for i in range(len(rows))],
        "post_urn": [f"urn:li:share:{i}" for i in range(len(rows))],
        "urn_id": [str(i) for i in range(len(rows))],
        "link": [None] * len(rows),
        "kind": [kind for kind, _ in rows],
        "text": [text for _, text in rows],
        "words": [len(text.split()) for _, text in rows],
        "shared_domain": [None] * len(rows),
        "own_media": [False] * len(rows),
    }, schema={"timestamp": pl.Datetime("us"), "post_urn": pl.String, "urn_id": pl.String,
               "link": pl.String, "kind": pl.String, "text": pl.String, "words": pl.Int64,
               "shared_domain": pl.String, "own_media": pl.Boolean})


def test_every_lexicon_language_is_one_of_the_seven() -> None:
    assert set(LEXICONS) == {"en", "fr", "es", "pt", "de", "it", "nl"}


@pytest.mark.parametrize("lang", sorted(POSTS))
def test_each_language_is_identified(lang: str) -> None:
    for text in POSTS[lang]:
        assert detect_language(text) == lang, text
    assert voice_detect_language(POSTS[lang][0]) == lang  # one identifier for the whole tool


def test_no_language_is_told_from_too_little() -> None:
    for text in ("#data #ai", "🎉🎉", "https://example.com/x", "2024", "", None, 42):
        assert detect_language(text) is None, text


def test_a_neighbouring_language_is_not_forced_into_ours() -> None:
    assert detect_language("W zeszłym roku zmieniłem zespół i mój pierwszy miesiąc był dla mnie "
                           "lekcją pokory, musiałem nauczyć się słuchać.") == "pl"


@pytest.mark.parametrize("lang", sorted(POSTS))
def test_business_and_personal_in_each_language(lang: str) -> None:
    story, offer = POSTS[lang]
    assert business_matches(story) == []
    assert business_matches(offer), offer
    assert personal_hits(story) >= 2
    frame = add_text_signals(_posts([("original", story), ("original", offer)]))
    assert frame["language"].to_list() == [lang, lang]
    assert frame["business"].to_list() == [False, True]
    assert frame["personal"].to_list()[0] is True
    assert frame["stock"].to_list() == [False, False]


def test_only_the_posts_language_lexicon_runs() -> None:
    # "webinar" and "mi" are words of other lexicons; in English they are not Spanish words
    assert personal_hits("Mi casa es tu casa, dice mi madre, y mi padre también lo dice.",
                         language="en") == 0
    assert personal_hits("Mi casa es tu casa, dice mi madre, y mi padre también lo dice.") >= 2
    assert business_matches("Inscríbete ahora", language="de") == []


def test_another_language_is_unknown_not_no() -> None:
    polish = ("W zeszłym roku zmieniłem zespół i mój pierwszy miesiąc był dla mnie lekcją "
              "pokory: musiałem nauczyć się słuchać, zanim cokolwiek zaproponowałem.")
    japanese = ("昨年チームを異動し、最初の一か月は学びの連続でした。"
                "提案する前に聞くことを学び直しました。")
    short = "Q3 OKRs 🚀"
    frame = add_text_signals(_posts([("original", polish), ("original", japanese),
                                     ("original", short), ("curated_share", polish)]))
    assert frame["language"].to_list()[:3] == ["pl", None, None]
    assert frame["business"].to_list() == [None, None, None, False]  # not an own post: no
    assert frame["personal"].to_list() == [None, None, None, False]
    counts = signal_counts(frame)
    assert counts["business_unknown_posts"].to_list() == [3]
    assert counts["business_posts"].to_list() == [0]


@pytest.mark.parametrize("link", [
    "https://calendly.com/example/30min", "https://cal.com/example", "https://lu.ma/abc123",
    "https://www.eventbrite.com/e/example-123", "https://www.linkedin.com/events/123456/",
    "https://buy.stripe.com/abc", "https://example.gumroad.com/l/guide",
    "https://meetings.hubspot.com/example", "https://www.meetup.com/example-group/",
])
def test_language_neutral_business_counts_in_every_language(link: str) -> None:
    polish = f"Zapraszam wszystkich na nasze spotkanie w przyszły czwartek, szczegóły: {link}"
    english = f"Our next session is on Thursday, details here: {link}"
    frame = add_text_signals(_posts([("original", polish), ("original", english)]))
    assert frame["language"].to_list()[0] == "pl"
    assert frame["business"].to_list() == [True, True]
    assert frame["business_words"].to_list()[0]


def test_a_shared_booking_domain_is_business_evidence() -> None:
    frame = _posts([("commented_share", "Zapraszam na rozmowę, każdy termin jest dobry dla "
                     "mnie, wystarczy wybrać godzinę w kalendarzu poniżej i potwierdzić")])
    frame = frame.with_columns(pl.lit("calendly.com").alias("shared_domain"))
    assert add_text_signals(frame)["business"].to_list() == [True]


@pytest.mark.parametrize("lang", sorted(STOCK_POSTS))
def test_stock_posts_in_each_language(lang: str) -> None:
    rows = [("original", text) for text in STOCK_POSTS[lang]]
    frame = add_text_signals(_posts([*rows, ("original", POSTS[lang][0])]))
    assert frame["stock"].to_list() == [True] * len(rows) + [False], STOCK_POSTS[lang]
    # a stock post is not the member's voice, nor an offer ("I'm hiring")
    assert frame["personal"].to_list()[:len(rows)] == [False] * len(rows)
    assert frame["business"].to_list()[:len(rows)] == [False] * len(rows)


def test_a_long_post_around_a_template_is_the_members_own() -> None:
    text = STOCK_POSTS["en"][0] + " " + " ".join([POSTS["en"][0]] * 3)
    assert add_text_signals(_posts([("original", text)]))["stock"].to_list() == [False]


def test_stock_posts_are_counted_by_kind() -> None:
    frame = add_text_signals(_posts([("original", STOCK_POSTS["en"][0]),
                                     ("reshare", STOCK_POSTS["en"][3]),
                                     ("original", POSTS["en"][0])]))
    counts = signal_counts(frame)
    assert counts["stock_posts"].to_list() == [1]
    assert counts["stock_shares"].to_list() == [1]


@pytest.mark.parametrize("text", STOCK_COMMENTS)
def test_stock_comments_in_every_language(text: str) -> None:
    assert is_stock_comment(text)


@pytest.mark.parametrize("text", SUBSTANTIVE)
def test_substantive_comments_are_not_stock(text: str) -> None:
    assert not is_stock_comment(text)
    assert len(text.split()) >= SUBSTANTIVE_MIN_WORDS


def test_substantive_comment_counts_words_not_languages() -> None:
    texts = [*STOCK_COMMENTS, *SUBSTANTIVE, "Great point about pricing, thanks a lot."]
    frame = pl.DataFrame({"message": texts, "word_count": [len(t.split()) for t in texts]})
    flags = frame.select(substantive_comment().alias("substantive"))["substantive"].to_list()
    assert flags == [False] * len(STOCK_COMMENTS) + [True] * len(SUBSTANTIVE) + [False]


def test_a_frame_without_languages_gets_them_detected() -> None:
    frame = with_text_signals(pl.DataFrame({"t": [POSTS["de"][1]], "words": [20]}), "t")
    assert frame["language"].to_list() == ["de"] and frame["business"].to_list() == [True]


def test_the_monthly_columns_exist_with_the_declared_schema() -> None:
    export = load_export(SAMPLES / "climber")
    base = post_kinds(export, Thresholds())
    posts = add_text_signals(base)
    assert list(posts.schema.items()) == list(POSTS_SCHEMA.columns.items())
    limits = span(export, base)
    assert limits is not None
    monthly = with_signal_counts(monthly_metrics(export, base, months_between(*limits)), posts)
    assert list(monthly.schema.items()) == list(MONTHLY_SCHEMA.columns.items())
    for column in ("business_unknown_posts", "stock_posts", "stock_shares",
                   "substantive_comments"):
        assert column in METRICS and monthly[column].dtype == pl.Int64
        assert (monthly[column] >= 0).all()
    # the climber writes English and French: each own post's language is one of them
    own = posts.filter(pl.col("kind").is_in(["original", "commented_share", "article"]))
    assert set(own["language"].drop_nulls().unique()) <= {"en", "fr"}
    assert (monthly["substantive_comments"] <= monthly["comments"] - monthly["replies_own"]).all()
    assert monthly["substantive_comments"].sum() > 0
