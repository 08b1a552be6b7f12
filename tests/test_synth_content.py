"""The invented-text generators: deterministic, in range, in the right language, with business
cues exactly where asked for, safe HTML, and varied enough to look like real people."""

from __future__ import annotations

import html
import random
import re

import pytest

from linkedin_stages.synth import content as c

LANGS = ("en", "fr")
TOPICS = tuple(c.TOPICS)
FR_STOP = (" le ", " la ", " les ", " de ", " des ", " et ", " un ", " une ", " du ")
EN_STOP = (" the ", " and ", " of ", " to ", " is ", " in ", " for ", " with ")
FIRST_PERSON = {
    "en": re.compile(r"\bI\b|\bI'|\b(?:my|me|mine|myself)\b", re.IGNORECASE),
    "fr": re.compile(r"\b(?:je|mon|ma|mes|moi)\b|\b[jm]’", re.IGNORECASE),
}
FIRST_PERSON_EN_STRICT = re.compile(r"\bI\b|\bI'|\b(?:[Mm]y|me|mine|myself)\b")


def words(text: str) -> int:
    return len(text.split())


def has_cue(text: str) -> list[str]:
    low = text.lower()
    return [cue for cue in c.CTA_CUES if cue in low]


def many(fn, n: int = 60, seed: int = 0):
    """n outputs of fn(rng) from one seeded stream, plus fresh seeds for breadth."""
    rng = random.Random(seed)
    return [fn(rng) for _ in range(n)]


def post(rng, lang, **kw):
    return c.original_post(rng, lang, rng.choice(TOPICS), **kw)


def every_text(rng: random.Random, lang: str) -> list[str]:
    """One of each non-business text."""
    topic = rng.choice(TOPICS)
    title, body = c.article(rng, lang, topic)
    return [
        c.original_post(rng, lang, topic, personal=rng.random() < 0.5),
        c.commented_reshare(rng, lang, topic), c.curated_comment(rng, lang, topic),
        c.comment_text(rng, lang), c.comment_text(rng, lang, reply=True),
        title, body, c.summary(rng, lang), c.event_name(rng, lang, topic),
        c.news_url(rng, topic, lang), c.headline(rng, lang, rng.choice(c.STAGES)),
        *(c.message_text(rng, lang, k) for k in c.MESSAGE_KINDS),
    ]


# --- determinism -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_same_seed_same_text_different_seed_different_text(lang):
    assert every_text(random.Random(42), lang) == every_text(random.Random(42), lang)
    assert every_text(random.Random(42), lang) != every_text(random.Random(43), lang)


def test_only_the_given_rng_is_used(monkeypatch):
    expected = every_text(random.Random(5), "fr") + every_text(random.Random(5), "en")

    def forbidden(*args, **kwargs):
        raise AssertionError("module-level random used")

    for name in ("random", "choice", "choices", "randint", "randrange", "sample", "shuffle",
                 "uniform", "seed"):
        monkeypatch.setattr(random, name, forbidden)
    assert every_text(random.Random(5), "fr") + every_text(random.Random(5), "en") == expected


# --- ranges and shapes -----------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("personal", "business"), [(True, False), (False, False),
                                                    (True, True), (False, True)])
def test_original_post_shape(lang, personal, business):
    rng = random.Random(hash((lang, personal, business)) & 0xFFFF)
    texts = [post(rng, lang, personal=personal, business=business) for _ in range(80)]
    for text in texts:
        assert 60 <= words(text) <= 250, text
        assert "\n" in text
        if "\n\n" in text:
            assert 2 <= len(text.split("\n\n")) <= 6, text
        tags = text.rsplit("\n", 1)[1].split()
        assert 1 <= len(tags) <= 4 and all(t.startswith("#") for t in tags), text
    joined = "\n".join(texts)
    assert any(b in joined for b in ("→", "✅")), "no bulleted list in 80 posts"
    assert re.search("[\U0001d5d4-\U0001d7ff]", joined), "no pseudo-bold first line"
    assert sum(t.rsplit("\n", 1)[0].rstrip().endswith("?") for t in texts) >= 10
    for text in texts:
        bold = re.search("[\U0001d5d4-\U0001d7ff]", text)
        assert not bold or "\n" not in text[:bold.start()], "pseudo-bold only in line one"


@pytest.mark.parametrize("lang", LANGS)
def test_post_hashtags_come_from_the_topic(lang):
    rng = random.Random(3)
    for topic in TOPICS:
        allowed = set(c.TOPICS[topic]["hashtags"][lang])  # type: ignore[index]
        for _ in range(10):
            tags = c.original_post(rng, lang, topic).rsplit("\n", 1)[1].split()
            assert set(tags) <= allowed


@pytest.mark.parametrize("lang", LANGS)
def test_commented_reshare_shape(lang):
    for text in many(lambda r: c.commented_reshare(r, lang, r.choice(TOPICS)), 150):
        assert 40 <= words(text) <= 120, text
        assert 2 <= len(text.split("\n\n")) <= 3, text
        assert FIRST_PERSON[lang].search(text), "a reshare with commentary gives an opinion"


@pytest.mark.parametrize("lang", LANGS)
def test_curated_comment_is_short_and_often_empty(lang):
    texts = many(lambda r: c.curated_comment(r, lang, r.choice(TOPICS)), 400)
    assert all(words(t) <= 15 for t in texts)
    empty = sum(t == "" for t in texts) / len(texts)
    assert 0.15 <= empty <= 0.35
    assert any(t in ("👇", "🔥", "💡", "👀", "📌") or t.endswith("👇") for t in texts)
    assert any("#" in t for t in texts)


@pytest.mark.parametrize("lang", LANGS)
def test_comment_text_shape(lang):
    texts = many(lambda r: c.comment_text(r, lang), 600)
    assert all(3 <= words(t) <= 60 for t in texts)
    multi = sum("\n" in t for t in texts) / len(texts)
    assert 0.08 <= multi <= 0.28
    assert any('"' in t and "," in t for t in texts)
    assert any(re.search("[\U0001f300-\U0001faff]", t) for t in texts)


@pytest.mark.parametrize("lang", LANGS)
def test_comment_mentions_and_replies(lang):
    rng = random.Random(9)
    firsts = set(c._FIRST[lang])
    for _ in range(100):
        name = " ".join(c.person_name(rng, lang))
        mentioned = c.comment_text(rng, lang, mention=name)
        assert mentioned.startswith(name + " ") and 3 <= words(mentioned) <= 60
        answer = c.comment_text(rng, lang, mention=name, reply=True)
        assert answer.startswith(name + " ")
        rest = answer[len(name):]
        assert not any(re.search(rf"\b{re.escape(f)}\b", rest) for f in firsts), answer
    replies = [c.comment_text(rng, lang, reply=True) for _ in range(100)]
    thanks = ("Thanks", "Good question", "Glad", "Fair point") if lang == "en" else (
        "Merci", "Bonne question", "Ça me fait plaisir", "Juste")
    assert all(r.startswith(thanks) for r in replies)
    assert sum(any(f in r for f in firsts) for r in replies) == len(replies)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", c.MESSAGE_KINDS)
def test_message_text_shape(lang, kind):
    texts = many(lambda r: c.message_text(r, lang, kind), 60)
    assert all(10 <= words(t) <= 80 for t in texts)
    assert len(set(texts)) > 10


def test_messages_sometimes_span_lines():
    texts = [c.message_text(random.Random(i), "fr", k) for i in range(40) for k in c.MESSAGE_KINDS]
    assert any("\n" in t for t in texts)


def test_prospect_messages_ask_for_a_meeting():
    for lang, asks in (("en", ("call", "chat", "15 minutes")),
                       ("fr", ("échange", "15 minutes"))):
        for text in many(lambda r, lang=lang: c.message_text(r, lang, "prospect"), 30):
            assert any(a in text for a in asks), text


@pytest.mark.parametrize("lang", LANGS)
def test_article_shape(lang):
    rng = random.Random(11)
    for topic in TOPICS:
        for _ in range(6):
            title, body = c.article(rng, lang, topic)
            assert 4 <= words(title) <= 10, title
            assert "<" not in title
            paras = re.findall(r"<p>(.*?)</p>", body)
            heads = re.findall(r"<h2>(.*?)</h2>", body)
            assert 4 <= len(paras) <= 8 and 1 <= len(heads) <= 2
            assert re.sub(r"<p>.*?</p>|<h2>.*?</h2>", "", body) == "", "only <p> and <h2>"
            text = html.unescape(re.sub(r"<[^>]+>", " ", body))
            assert 350 <= words(text) <= 900, words(text)
            assert not body.startswith("<h2>")
            assert not re.search(r"&(?!amp;|lt;|gt;)", body), "bare & in HTML"


def test_article_escapes_markup_from_content(monkeypatch):
    evil = ("<script>alert('x')</script> R&D",)
    monkeypatch.setitem(c.TOPICS["data"]["keywords"], "en", evil)  # type: ignore[arg-type]
    monkeypatch.setitem(c.TOPICS["data"]["keywords"], "fr", evil)  # type: ignore[arg-type]
    monkeypatch.setitem(c._ARTICLE_H2, "en", ("About {kw}", "More on {kw}"))
    for seed in range(10):
        for lang in LANGS:
            _, body = c.article(random.Random(seed), lang, "data")
            assert "<script" not in body
            assert "&lt;script&gt;" in body
            assert "R&amp;D" in body


def test_articles_escape_their_own_ampersands_and_angles():
    bodies = [c.article(random.Random(s), "en", "data")[1] for s in range(30)]
    assert any("R&amp;D" in b or "Q&amp;A" in b for b in bodies)
    assert any("&lt; " in b for b in bodies)


# --- language --------------------------------------------------------------------------------


def stop_hits(text: str, stops: tuple[str, ...]) -> int:
    padded = f" {text.lower()} ".replace("\n", " ")
    return sum(padded.count(s) for s in stops)


@pytest.mark.parametrize("lang", LANGS)
def test_language_of_long_texts(lang):
    rng = random.Random(21)
    texts = []
    for _ in range(40):
        topic = rng.choice(TOPICS)
        texts += [c.original_post(rng, lang, topic, business=rng.random() < 0.5),
                  c.commented_reshare(rng, lang, topic), c.article(rng, lang, topic)[1],
                  c.summary(rng, lang), c.message_text(rng, lang, "prospect")]
    for text in texts:
        fr, en = stop_hits(text, FR_STOP), stop_hits(text, EN_STOP)
        if lang == "fr":
            assert fr >= 1 and en == 0, text
            assert " the " not in text and " and " not in text
        else:
            assert en >= 1 and fr == 0, text


def test_french_uses_accents_and_typographic_apostrophes():
    joined = " ".join(every_text(random.Random(s), "fr")[0] for s in range(30))
    assert re.search("[éèàçêô]", joined)
    assert "’" in joined
    assert "'" not in re.sub(r'https?://\S+|"', "", joined)


# --- voice and business intent ---------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_personal_voice(lang):
    first_person = FIRST_PERSON_EN_STRICT if lang == "en" else FIRST_PERSON["fr"]
    for text in many(lambda r: post(r, lang, personal=True), 100):
        assert first_person.search(text), text
    for text in many(lambda r: post(r, lang, personal=False), 100, seed=1):
        assert not first_person.search(text), text


@pytest.mark.parametrize("lang", LANGS)
def test_business_posts_carry_a_call_to_action(lang):
    texts = many(lambda r: post(r, lang, business=True, personal=r.random() < 0.7), 150)
    assert all(has_cue(t) for t in texts)
    found = {cue for t in texts for cue in has_cue(t)}
    assert len(found) >= 6, f"too few CTA variants: {found}"
    assert any("http" in t for t in texts)


@pytest.mark.parametrize("lang", LANGS)
def test_no_call_to_action_anywhere_else(lang):
    for seed in range(60):
        rng = random.Random(seed)
        topic = rng.choice(TOPICS)
        texts = [
            c.original_post(rng, lang, topic, personal=rng.random() < 0.5, mention="Nora Walsh"),
            c.commented_reshare(rng, lang, topic), c.curated_comment(rng, lang, topic),
            c.comment_text(rng, lang), c.comment_text(rng, lang, reply=True),
            *c.article(rng, lang, topic), c.summary(rng, lang),
            c.headline(rng, lang, rng.choice(("present", "relay", "producer"))),
            *(c.message_text(rng, lang, k) for k in ("friend", "colleague", "thanks_connect")),
        ]
        for text in texts:
            assert not has_cue(text), (has_cue(text), text)


def test_power_networker_headlines_and_leads_read_as_business():
    rng = random.Random(4)
    heads = [c.headline(rng, lang, "power_networker") for lang in LANGS for _ in range(30)]
    assert sum(bool(has_cue(h)) or "help" in h or "aide" in h for h in heads) == len(heads)
    leads = [c.message_text(rng, "en", "inbound_lead") for _ in range(20)]
    assert all(any(w in t for w in ("services", "availability", "program")) for t in leads)


def test_mention_appears_in_post():
    rng = random.Random(8)
    for lang in LANGS:
        for _ in range(30):
            text = post(rng, lang, mention="Hélène Roux-Delmas")
            assert "Hélène Roux-Delmas" in text


# --- news links ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_news_url(lang):
    rng = random.Random(13)
    for topic in TOPICS:
        urls = [c.news_url(rng, topic, lang) for _ in range(40)]
        hosts = {re.match(r"https://([^/]+)/", u).group(1) for u in urls}
        assert len(hosts) >= 3, hosts
        for u in urls:
            assert re.fullmatch(r"https://[a-z0-9.-]+\.[a-z]{2,}/[\w\-./?=&%]+", u), u
            assert re.search(r"\d{5,}", u), u
            assert "--" not in u and "{" not in u
    fr_hosts = {re.match(r"https://([^/]+)/", c.news_url(rng, "data", "fr")).group(1)
                for _ in range(30)}
    en_hosts = {re.match(r"https://([^/]+)/", c.news_url(rng, "data", "en")).group(1)
                for _ in range(30)}
    assert not fr_hosts & en_hosts


def test_news_url_can_be_dated():
    from datetime import date
    urls = [c.news_url(random.Random(s), "data", "en", when=date(2021, 3, 9)) for s in range(30)]
    assert any("/2021/03/09/" in u for u in urls)
    assert all("2025" not in u.split("?")[0] for u in urls if "/2021/" in u)


# --- names and profile -----------------------------------------------------------------------


def test_names_companies_titles_events():
    rng = random.Random(17)
    fr_names = [c.person_name(rng, "fr") for _ in range(300)]
    assert all(isinstance(f, str) and isinstance(last, str) for f, last in fr_names)
    assert any("-" in f for f, _ in fr_names) and any(re.search("[éèëï]", f) for f, _ in fr_names)
    en_firsts = {c.person_name(rng, "en")[0] for _ in range(300)}
    assert len(en_firsts) >= 15
    assert len({c.company(rng) for _ in range(100)}) >= 50
    assert c.job_title(rng, "fr") and c.job_title(rng, "en")
    for lang in LANGS:
        for topic in TOPICS:
            assert 2 <= words(c.event_name(rng, lang, topic)) <= 12


@pytest.mark.parametrize("lang", LANGS)
def test_headline_and_summary(lang):
    rng = random.Random(19)
    for stage in c.STAGES:
        assert 2 <= words(c.headline(rng, lang, stage)) <= 30
    for _ in range(20):
        s = c.summary(rng, lang)
        assert 20 <= words(s) <= 120
        assert FIRST_PERSON[lang].search(s)


def test_bad_arguments():
    rng = random.Random(0)
    with pytest.raises(ValueError):
        c.original_post(rng, "de", "data")
    with pytest.raises(KeyError):
        c.original_post(rng, "en", "astrology")
    with pytest.raises(ValueError):
        c.headline(rng, "en", "influencer")
    with pytest.raises(ValueError):
        c.message_text(rng, "en", "spam")


def test_topics_are_complete():
    assert len(c.TOPICS) >= 6
    for topic, spec in c.TOPICS.items():
        for field in ("hashtags", "keywords", "people", "actions", "insights", "practices",
                      "urls"):
            for lang in LANGS:
                values = spec[field][lang]  # type: ignore[index]
                assert isinstance(values, tuple) and len(values) >= 3, (topic, field, lang)
                assert all(isinstance(v, str) and v for v in values)
        assert all(u.count("{slug}") == 1 and "{id}" in u for lang in LANGS
                   for u in spec["urls"][lang])  # type: ignore[index]


# --- variety ---------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_variety(lang):
    def distinct(texts: list[str]) -> float:
        return len(set(texts)) / len(texts)

    assert distinct(many(lambda r: post(r, lang), 200)) >= 0.95
    assert distinct(many(lambda r: post(r, lang, business=True), 200, seed=2)) >= 0.95
    assert distinct(many(lambda r: c.comment_text(r, lang), 200)) >= 0.95
    assert distinct(many(lambda r: c.commented_reshare(r, lang, r.choice(TOPICS)), 200)) >= 0.95
    assert distinct([c.article(random.Random(s), lang, "hr")[1] for s in range(30)]) == 1
    first_lines = [p.split("\n", 1)[0] for p in many(lambda r: post(r, lang), 200)]
    assert distinct(first_lines) >= 0.5
