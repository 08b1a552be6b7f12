"""One vocabulary: docs/glossary.md names each thing once per language, and the catalogues
say exactly that word wherever they name the thing, and none of the glossary's "words not
used" anywhere. Plus the French fixes that came with it: months in words in the reasons,
quarters as CLDR writes them, the typographic minus, and stage names that read inside a
sentence."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from linkedin_stages.analysis import describe
from linkedin_stages.analysis.model import STAGES, Reason
from linkedin_stages.i18n import formatting as fmt
from linkedin_stages.i18n.catalogue import FORMATS_TABLE, catalogue, flatten, languages

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "docs" / "glossary.md"
LANGS = ("en", "fr", "es", "pt", "de")
NNBSP, NBSP, MINUS = "\u202f", "\u00a0", "\u2212"

# Where the catalogues name each thing of the glossary (by its key): every one of these
# entries must hold the glossary's word (singular or plural) in every language.
NAMED_IN: dict[str, tuple[str, ...]] = {
    "original_posts": ("report.kind_original_posts", "report.post_kind_original",
                       "metrics.original_posts"),
    "articles": ("report.kind_articles", "report.post_kind_article"),
    "commented_shares": ("report.kind_commented_shares", "report.post_kind_commented_share",
                         "metrics.commented_shares", "report.with_commentary"),
    "curated_shares": ("report.kind_curated_shares", "report.post_kind_curated_share",
                       "metrics.curated_shares", "report.others_content"),
    "reposts": ("report.kind_reposts", "report.post_kind_reshare", "metrics.reposts",
                "datasets.reposts", "report.others_content"),
    "own_posts": ("report.own_col", "report.verdict_own", "metrics.own_posts",
                  "report.own_words", "card.own_posts", "limits.shares"),
    "shared_posts": ("report.shared_col", "report.verdict_shared", "metrics.shared_posts",
                     "card.shared", "thresholds.relay_enter", "thresholds.relay_stay",
                     "limits.shares"),
    "comments": ("report.kind_comments", "report.comments_col", "metrics.comments"),
    "reactions": ("report.kind_reactions", "report.reactions_col", "metrics.reactions"),
    "connections_total": ("metrics.connections_total", "card.connections"),
    "connections_added": ("report.connections_col", "metrics.connections_added",
                          "card.connections_added", "thresholds.power_prospecting"),
    "invitations_in": ("report.invitations_in", "metrics.invitations_in"),
    "invitations_out": ("report.invitations_out", "metrics.invitations_out"),
    "shares": ("datasets.shares",),  # "posts and shares": the dataset
}


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _tables(text: str) -> list[tuple[list[str], list[list[str]]]]:
    """Every Markdown table of the page: its head and its rows, as cells."""
    tables, lines = [], text.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("|") and i + 1 < len(lines) and lines[i + 1].startswith("|---"):
            rows = []
            for row in lines[i + 2:]:
                if not row.startswith("|"):
                    break
                rows.append(_cells(row))
            tables.append((_cells(line), rows))
    return tables


def _key(cell: str) -> str:
    return re.findall(r"`([a-z_]+)`", cell)[0] if "`" in cell else cell


def glossary() -> tuple[dict[str, dict[str, tuple[str, ...]]],
                        dict[str, dict[str, tuple[str, str]]], list[tuple[str, str, str]]]:
    """(terms: key → language → forms; stages: key → language → (name, in a sentence);
    avoided: (language, word, use instead))."""
    terms: dict[str, dict[str, tuple[str, ...]]] = {}
    stages: dict[str, dict[str, tuple[str, str]]] = {}
    avoided: list[tuple[str, str, str]] = []
    for head, rows in _tables(GLOSSARY.read_text(encoding="utf-8")):
        if head[:3] == ["Language", "Not this", "Use"]:
            avoided += [(lang, word, use) for lang, word, use in rows]
            continue
        columns = {name: head.index(name) for name in LANGS if name in head}
        for row in rows:
            forms = {lang: tuple(f.strip() for f in row[i].split("·")) for lang, i in
                     columns.items()}
            if head[0] == "Stage":
                stages[_key(row[1])] = {lang: (f[0], f[1]) for lang, f in forms.items()}
            else:
                terms[_key(row[1]) if row[1].startswith("`") else "shares"] = forms
    return terms, stages, avoided


TERMS, STAGE_WORDS, AVOIDED = glossary()


def _texts(value: str | dict[str, str]) -> list[str]:
    return list(value.values()) if isinstance(value, dict) else [value]


def _plain(text: str) -> str:
    return " ".join(text.replace(NNBSP, " ").replace(NBSP, " ").split()).casefold()


# ---------------------------------------------------------------------------- the page

def test_the_glossary_has_every_term_language_and_stage() -> None:
    assert set(NAMED_IN) <= set(TERMS)
    assert set(STAGE_WORDS) == {*STAGES, "unknown"}
    for key, forms in TERMS.items():
        assert set(forms) == set(LANGS), key
        assert all(all(f) for f in forms.values()), key
    assert {lang for lang, _, _ in AVOIDED} == set(LANGS)
    assert set(LANGS) <= set(languages())


def test_the_glossary_keys_are_the_analysis_names() -> None:
    from linkedin_stages.analysis.metrics import MONTHLY_SCHEMA

    columns = set(MONTHLY_SCHEMA.columns) | {"own_posts", "shared_posts", "shares"}
    assert set(TERMS) <= columns


# ---------------------------------------------------------------------------- the catalogues

def misnamed(lang: str) -> list[str]:
    """The entries of NAMED_IN that do not hold the glossary's word, one a line."""
    words = catalogue(lang)
    wrong = []
    for key, entries in NAMED_IN.items():
        forms = [_plain(f) for f in TERMS[key][lang]]
        for entry in entries:
            for text in _texts(words.entry(entry)):
                if not any(form in _plain(text) for form in forms):
                    wrong.append(f"{entry} = {text!r} lacks {' / '.join(TERMS[key][lang])}")
    return wrong


@pytest.mark.parametrize("lang", LANGS)
def test_the_catalogue_names_each_thing_with_the_glossary_word(lang: str) -> None:
    assert misnamed(lang) == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_stage_names_are_the_glossary_s(lang: str) -> None:
    for stage, forms in STAGE_WORDS.items():
        name, in_sentence = forms[lang]
        assert describe.stage_name(stage if stage != "unknown" else None, lang) == name
        assert describe.stage_in_sentence(stage if stage != "unknown" else None,
                                          lang) == in_sentence


def _glossary_forms(lang: str) -> list[str]:
    return sorted({_plain(f) for forms in TERMS.values() for f in forms[lang]}
                  | {_plain(f) for forms in STAGE_WORDS.values() for f in forms[lang]})


def uses(text: str, word: str, lang: str) -> bool:
    """Whether `text` uses `word` (from the start of a word on: "new contact" is in "new
    contacts"), other than as a piece of a longer glossary word that runs past it: "link
    shares and reposts" does not use "shares and reposts" (the glossary's "link shares"
    starts before it), "posts, shares and reposts" does."""
    text, word = _plain(text), _plain(word)
    spans = [(m.start(), m.end()) for form in _glossary_forms(lang)
             for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text)]
    for match in re.finditer(rf"(?<!\w){re.escape(word)}", text):
        i, j = match.span()
        if not any((a < i < b) or (a < j < b) or (a <= i and j <= b and (a, b) != (i, j))
                   for a, b in spans):
            return True
    return False


def avoided_words(lang: str) -> list[str]:
    """Every catalogue entry holding a word the glossary does not use, one a line."""
    avoided = [(word, use) for other, word, use in AVOIDED if other == lang]
    found = []
    for key, value in flatten(catalogue(lang)._tables).items():  # noqa: SLF001
        if key.startswith(f"{FORMATS_TABLE}."):
            continue
        for text in _texts(value):
            found += [f"{key}: {word!r} (use {use!r})" for word, use in avoided
                      if uses(text, word, lang)]
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_no_catalogue_entry_uses_a_word_not_used(lang: str) -> None:
    assert avoided_words(lang) == []


def test_the_guard_sees_a_drifting_word(monkeypatch: pytest.MonkeyPatch) -> None:
    """The checks above fail on the words they are meant to keep out."""
    words = catalogue("en")
    tables = {**words._tables, "report": {**words["report"],  # noqa: SLF001
                                          "connections_col": "New contacts",
                                          "post_kind_reshare": "reshare"}}
    monkeypatch.setattr(words, "_tables", tables)
    monkeypatch.setattr(words, "_entries", flatten(tables))
    assert {line.split(" = ")[0] for line in misnamed("en")} == {
        "report.connections_col", "report.post_kind_reshare"}
    assert "report.post_kind_reshare: 'reshare' (use 'repost')" in avoided_words("en")
    assert not uses("link shares and reposts", "shares and reposts", "en")
    assert uses("posts, shares and reposts", "shares and reposts", "en")
    assert uses("partages de liens commentés", "partages de liens commentés", "fr")
    assert not uses("a share", "reshare", "en")


# ---------------------------------------------------------------------------- French fixes

def test_reasons_word_their_months() -> None:
    reason = Reason("relay", {"shared": 9.0, "own": 0.3, "level": 0.67,
                              "from": "2019-04", "to": "2019-06"})
    french = describe.reason_text(reason, "fr")
    assert "sur avr. 2019 – juin 2019" in french and "2019-04" not in french
    assert "over Apr 2019 – Jun 2019" in describe.reason_text(reason, "en")
    one = Reason("engagement_months", {"from": "2024-03", "to": "2024-03", "count": 1})
    assert "(mars 2024)" in describe.reason_text(one, "fr")
    past = Reason("plan_past", {"by": "2021-05", "last": "2021-06"})
    assert describe.reason_text(past, "de").startswith("Mai 2021")
    for lang in LANGS:  # no reason template keeps the ISO window
        assert not [key for key, value in catalogue(lang)["reasons"].items()
                    if "{from}" in str(value) or "{to}" in str(value)]


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "Q3 2021"), ("fr", "T3 2021"), ("es", "T3 2021"), ("pt", "T3 2021"),
    ("de", "Q3 2021")])
def test_quarters_are_worded_by_cldr(lang: str, expected: str) -> None:
    assert fmt.quarter("2021-Q3", lang) == expected
    assert fmt.quarter("2021-08", lang) == expected


def test_negative_numbers_take_the_language_s_minus() -> None:
    assert fmt.decimal(-0.3, "fr") == f"{MINUS}0,3"
    assert fmt.integer(-1234, "fr") == f"{MINUS}1{NNBSP}234"
    assert fmt.format_message("{x:.1f}", "fr", x=-0.3) == f"{MINUS}0,3"
    assert fmt.decimal(-0.3, "en") == "-0.3"  # English: as str.format writes it
    assert fmt.format_message("{x:.1f}", "en", x=-0.3) == "-0.3"
    assert fmt.decimal(0.3, "fr") == "0,3"


@pytest.mark.parametrize("lang", LANGS)
def test_stage_names_read_inside_a_sentence(lang: str) -> None:
    """A sentence names a stage by its in-sentence form, never by the stand-alone name
    ("au stade « Le producteur »")."""
    words = catalogue(lang)
    sentence = words.text("report.where_sentence", stage=describe.stage_in_sentence(
        "producer", lang), since="x", duration="y", summary="z")
    assert describe.stage_in_sentence("producer", lang) in sentence
    held = describe.reason_text(Reason("held", {"stage": "relay", "raw": "producer",
                                                "months": 3}), lang)
    in_sentence = describe.stage_in_sentence("relay", lang)
    assert in_sentence in held
    assert describe.stage_name("relay", lang) not in held.replace(in_sentence, "")


def test_the_french_sentences_read_as_french() -> None:
    assert catalogue("fr").text("report.where_sentence",
                                stage=describe.stage_in_sentence("producer", "fr"),
                                since="mars 2021", duration="5 ans", summary="rédigez") \
        == f"Vous êtes au stade du producteur depuis mars 2021 (5 ans){NNBSP}: vous rédigez."
    jump = describe.reason_text(Reason("plan_jump", {"from_stage": "relay",
                                                     "to_stage": "power_networker"}), "fr")
    assert jump.startswith("passer du stade du relai au stade du power networker")
    assert describe.stage_name("producer", "fr") == "Le producteur"


def test_a_french_report_names_stages_in_its_sentences() -> None:
    from report_support import report

    page = report("climber", "fr")
    assert "au stade du " in page
    assert not re.search(r"stade «?\s?Le ", page)
    assert not re.search(r"\b20\d\d Q[1-4]\b", page)
    assert not re.search(r"sur 20\d\d-\d\d", page)
