"""The catalogues of words: every key in every language, the same placeholders, complete
plural tables; CLDR formatting through Babel; warnings as coded notices; and French pages
that hold no English sentence."""

from __future__ import annotations

import copy
import json
import pickle
import re
import string
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from linkedin_stages.i18n import formatting as fmt
from linkedin_stages.i18n.catalogue import (
    FORMATS_TABLE,
    catalogue,
    check,
    flatten,
    languages,
    plural_categories,
)
from linkedin_stages.i18n.notices import Notice, Terms, word
from report_support import report

SAMPLES = Path(__file__).resolve().parent.parent / "sample_exports"
NNBSP, NBSP = "\u202f", "\u00a0"
# French reasons and plan notes still have plain spaces before their colons (as the golden
# reports and the timeline's JSON do): to change with the goldens, in its own commit
UNTYPESET = ("reasons.", "plan.")


# ---------------------------------------------------------------------------- catalogues

def test_english_and_french_are_the_languages() -> None:
    assert languages()[0] == "en" and set(languages()) >= {"en", "fr"}


@pytest.mark.parametrize("lang", languages())
def test_every_key_in_every_language_with_the_same_placeholders(lang: str) -> None:
    assert check(lang) == []


@pytest.mark.parametrize("lang", languages())
def test_plural_tables_have_the_languages_categories(lang: str) -> None:
    entries = flatten(catalogue(lang)._tables)  # noqa: SLF001
    plurals = {k: v for k, v in entries.items()
               if isinstance(v, dict) and not k.startswith(f"{FORMATS_TABLE}.")}
    assert plurals, "the catalogue has plural entries"
    for key, forms in plurals.items():
        assert set(forms) == plural_categories(lang), key


def test_check_finds_what_is_wrong(monkeypatch: pytest.MonkeyPatch) -> None:
    from linkedin_stages.i18n import catalogue as module

    broken = copy.deepcopy(catalogue("fr")._tables)  # noqa: SLF001
    del broken["report"]["title"]
    broken["report"]["subtitle"] = "de {first} à {dernier}"
    broken["report"]["surplus"] = "en trop"
    del broken["report"]["words_counted"]["many"]
    monkeypatch.setattr(module, "catalogue",
                        lambda lang: module.Catalogue(lang, broken) if lang == "fr"
                        else module.Catalogue(lang, module._load(lang)))  # noqa: SLF001
    problems = "\n".join(module.check("fr"))
    for expected in ("missing report.title", "extra report.surplus", "report.subtitle has",
                     "report.words_counted lacks the plural forms ['many']"):
        assert expected in problems


def test_unknown_language_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="language must be one of en, .*fr.*, not 'xx'"):
        catalogue("xx")


def test_text_plural_and_mapping_access() -> None:
    fr = catalogue("fr")
    assert fr.text("report.joined_count", count="3") == "3 arrivées"
    assert fr.plural("report.words_counted", 1) == "1 mot"
    assert fr.plural("report.words_counted", 0) == "0 mot"  # French: 0 is singular
    assert fr.plural("report.words_counted", 1234) == f"1{NNBSP}234 mots"
    assert catalogue("en").plural("report.words_counted", 0) == "0 words"
    assert fr["report"]["where"] == "Où vous en êtes"
    with pytest.raises(KeyError, match="no 'report.nothing'"):
        fr.text("report.nothing")


def test_french_typography_in_the_catalogue() -> None:
    raw = (Path(__file__).resolve().parent.parent / "src/linkedin_stages/i18n/catalogues"
           / "fr.toml").read_text(encoding="utf-8")
    assert NNBSP not in raw and "\\u202F" in raw  # written as escapes, visible to a translator
    for key, value in flatten(catalogue("fr")._tables).items():  # noqa: SLF001
        if key.startswith(UNTYPESET):
            continue
        for text in (value.values() if isinstance(value, dict) else [value]):
            assert not re.search(r" [:;!?]", text), key


def test_limits_live_in_the_catalogue_only() -> None:
    """Every dataset says what its absence limits in every language; a spec's `limits` is the
    English catalogue's entry, and no reader writes its own."""
    from linkedin_stages.readers import DATASETS, SPECS

    for lang in languages():
        assert set(catalogue(lang)["limits"]) == set(DATASETS)
    assert catalogue("en")["limits"] == {name: SPECS[name].limits for name in DATASETS}
    assert SPECS["connections"].limits == "network growth and the share of strong ties"
    readers = Path(__file__).resolve().parent.parent / "src/linkedin_stages/readers"
    for path in readers.glob("*.py"):
        assert "limits=" not in path.read_text(encoding="utf-8"), path.name


# ---------------------------------------------------------------------------- formatting

@pytest.mark.parametrize(("call", "en", "fr"), [
    (lambda lang: fmt.integer(1234567, lang), "1,234,567", f"1{NNBSP}234{NNBSP}567"),
    (lambda lang: fmt.integer(2.5, lang), "2", "2"),  # half to even, as Python rounds
    (lambda lang: fmt.decimal(1234.56, lang), "1,234.6", f"1{NNBSP}234,6"),
    (lambda lang: fmt.decimal(2.0, lang), "2", "2"),
    (lambda lang: fmt.decimal(-0.125, lang, 3), "-0.125", "\u22120,125"),  # French minus
    (lambda lang: fmt.decimal(float("nan"), lang), "—", "—"),
    (lambda lang: fmt.percent(0.123, lang), "12%", f"12{NNBSP}%"),
    (lambda lang: fmt.percent(0.004, lang), "<1%", f"<1{NNBSP}%"),
    (lambda lang: fmt.percent(0, lang), "0%", f"0{NNBSP}%"),
    (lambda lang: fmt.month("2021-03", lang), "March 2021", "mars 2021"),
    (lambda lang: fmt.short_month("2021-09", lang), "Sep 2021", "sept. 2021"),
    (lambda lang: fmt.day(date(2021, 3, 1), lang), "1 March 2021", "1er mars 2021"),
    (lambda lang: fmt.day(date(2021, 3, 21), lang), "21 March 2021", "21 mars 2021"),
    (lambda lang: fmt.day(date(2021, 1, 2), lang, short=True), f"2{NBSP}Jan{NBSP}2021",
     f"2{NBSP}janv.{NBSP}2021"),
    (lambda lang: fmt.month_span("2018-09", "2020-06", lang), "Sep 2018 – Jun 2020",
     "sept. 2018 – juin 2020"),
    (lambda lang: fmt.month_span("2018-09", "2018-09", lang), "Sep 2018", "sept. 2018"),
    (lambda lang: fmt.duration(38, lang), "3 years and 2 months", "3 ans et 2 mois"),
    (lambda lang: fmt.duration(12, lang), "1 year", "1 an"),
    (lambda lang: fmt.duration(1, lang), "1 month", "1 mois"),
    (lambda lang: fmt.duration(0, lang), "0 months", "0 mois"),
    (lambda lang: fmt.hour(9, lang), "9:00", f"9{NNBSP}h"),
    (lambda lang: fmt.weekday_names(lang)[0], "Monday", "lundi"),
    (lambda lang: fmt.weekday_names(lang, short=True)[6], "Sun", "dim."),
    (lambda lang: fmt.month_names(lang)[7], "August", "août"),
    (lambda lang: fmt.format_list(["a", "b", "c"], lang), "a, b, and c", "a, b et c"),
    (lambda lang: catalogue(lang).plural("report.words_counted", 1), "1 word", "1 mot"),
    (lambda lang: catalogue(lang).plural("report.words_counted", 0), "0 words", "0 mot"),
    (lambda lang: fmt.format_message("{a:.0%} of {b}, {c:.1%}, {d}", lang, a=0.456, b=2.5,
                                  c=0.0123, d="v1.5"),
     "46% of 2.5, 1.2%, v1.5", f"46{NNBSP}% of 2,5, 1,2{NNBSP}%, v1.5"),
])
def test_formatting(call, en: str, fr: str) -> None:  # noqa: ANN001
    assert (call("en"), call("fr")) == (en, fr)


# ---------------------------------------------------------------------------- notices

def test_a_notice_is_its_english_text_and_words_in_french() -> None:
    notice = Notice("compare_same_day")
    english = "both archives end on the same day: there is nothing in between"
    assert notice == english and isinstance(notice, str) and hash(notice) == hash(english)
    assert "same day" in notice and notice.code == "compare_same_day"
    assert json.dumps({"warnings": [notice]}) == json.dumps({"warnings": [english]})
    assert word(notice, "fr") == ("les deux archives s’arrêtent le même jour"
                                  f"{NNBSP}: il n’y a rien entre les deux")
    assert word(notice, "en") == english
    assert word("a plain warning", "fr") == "a plain warning"
    for again in (pickle.loads(pickle.dumps(notice)), copy.deepcopy(notice)):  # noqa: S301
        assert again == notice and again.code == notice.code


def test_notice_values_are_worded_by_type() -> None:
    notice = Notice("compare_different_registrations", old=date(2019, 3, 1),
                    new=date(2019, 4, 2))
    assert "(1 March 2019 and 2 April 2019)" in notice
    assert "(1er mars 2019 et 2 avril 2019)" in word(notice, "fr")
    listed = Notice("compare_not_compared", datasets=Terms("datasets", ("shares", "comments")))
    assert "posts and shares and comments" in listed
    assert "posts et partages et commentaires" in word(listed, "fr")


def test_every_notice_has_its_catalogue_entry() -> None:
    source = (Path(__file__).resolve().parent.parent / "src/linkedin_stages").rglob("*.py")
    codes = {code for path in source if path.name != "notices.py"
             for code in re.findall(r'Notice\(\s*"([a-z_]+)"',
                                    path.read_text(encoding="utf-8"))}
    assert codes and codes <= set(catalogue("en")["notices"])


# ---------------------------------------------------------------------------- pages

class _VisibleText(HTMLParser):
    """The words a reader sees (and a screen reader says), without the member's own: no
    <style>, no <bdi> or .member-text (posts, names, companies, hashtags), no blockquote."""

    SKIP = {"style", "script", "bdi", "blockquote"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._stack: list[bool] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        skipped = (tag in self.SKIP or "member-text" in (values.get("class") or "").split()
                   or bool(self._stack and self._stack[-1]))
        if tag not in {"meta", "link", "br", "img", "input", "hr", "col", "wbr"}:
            self._stack.append(skipped)
        if not skipped and values.get("aria-label"):
            self.parts.append(values["aria-label"] or "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if not (self._stack and self._stack[-1]) and values.get("aria-label"):
            self.parts.append(values["aria-label"] or "")

    def handle_endtag(self, tag: str) -> None:
        if self._stack:
            self._stack.pop()

    def handle_data(self, data: str) -> None:
        if not (self._stack and self._stack[-1]):
            self.parts.append(data)


def _normal(text: str) -> str:
    return " ".join(text.replace(NNBSP, " ").replace(NBSP, " ").split())


def visible_text(page: str) -> str:
    parser = _VisibleText()
    parser.feed(page)
    return _normal(" ".join(parser.parts))


def english_phrases() -> dict[str, set[str]]:
    """Every fixed piece of 3 words or more of the English catalogue's values (the text
    between placeholders), with the keys it comes from; none equal to its French value."""
    french = flatten(catalogue("fr")._tables)  # noqa: SLF001
    french_text = _normal(" ".join(v for value in french.values()
                                   for v in (value.values() if isinstance(value, dict)
                                             else [value])))
    phrases: dict[str, set[str]] = {}
    for key, value in flatten(catalogue("en")._tables).items():  # noqa: SLF001
        if key.startswith(f"{FORMATS_TABLE}."):
            continue
        for text in (value.values() if isinstance(value, dict) else [value]):
            for literal, *_ in string.Formatter().parse(text):
                piece = _normal(literal or "").strip(" .,:;()")
                if len(re.findall(r"\w+", piece)) >= 3 and piece not in french_text:
                    phrases.setdefault(piece, set()).add(key)
    return phrases


def english_in(page: str) -> list[str]:
    text = visible_text(page)
    return sorted(f"{piece!r} ({', '.join(sorted(keys))})"
                  for piece, keys in english_phrases().items() if piece in text)


def test_the_english_check_sees_english() -> None:
    page = report("lurker", "en")
    found = english_in(page)
    assert len(found) > 20 and any("(report.where)" in f or "report." in f for f in found)
    french = report("lurker", "fr")
    planted = french.replace("</main>", "<p>Every file the analysis uses was found.</p></main>")
    assert any("report.nothing_missing" in f for f in english_in(planted))


@pytest.mark.parametrize("name", ["climber", "lurker"])
def test_a_french_report_holds_no_english_sentence(name: str) -> None:
    assert english_in(report(name, "fr")) == []


def test_a_french_comparison_holds_no_english_sentence() -> None:
    from linkedin_stages import load_export
    from linkedin_stages.analysis.compare import compare_exports
    from linkedin_stages.report.compare_view import build_compare_report

    comparison = compare_exports(load_export(SAMPLES / "climber-2021-06"),
                                 load_export(SAMPLES / "climber"))
    assert english_in(build_compare_report(comparison, lang="fr")) == []


def test_the_french_comparison_words_its_warnings() -> None:
    from linkedin_stages import load_export
    from linkedin_stages.analysis.compare import compare_exports
    from linkedin_stages.report.compare_view import build_compare_report

    export = load_export(SAMPLES / "lurker")
    comparison = compare_exports(export, export)
    assert "both archives end on the same day: there is nothing in between" in \
        comparison.warnings
    page = build_compare_report(comparison, lang="fr")
    assert "les deux archives s’arrêtent le même jour" in page
    assert "same day" not in page
    assert "same day" in build_compare_report(comparison, lang="en")


# ---------------------------------------------------------------------------- keys in use

ROOT = Path(__file__).resolve().parent.parent
# Keys the code builds from a prefix and a value (a stage, a kind, a direction…): each prefix
# with the source fragment that builds it, so that an entry goes when its use goes.
BUILT_BY_PREFIX = {
    "report.you_summary_": 'f"you_summary_{',  # viewmodel: per stage
    "report.transition_": 'f"transition_{',  # common: up / down
    "report.kind_": 'f"kind_{',  # viewmodel: the activity charts' series
    "report.post_kind_": 'f"post_kind_{',  # viewmodel: per PostKind (test below)
    "report.archive_": 'f"archive_{',  # viewmodel, compare_view: per ArchiveKind
    "report.redacted_lang_": 'f"redacted_lang_{',  # viewmodel: the language a post is in
    "report.verdict_rule_": 'f"verdict_rule_{',  # viewmodel: the verdict's rule, per stage
    "report.verdict_change_": 'f"verdict_change_{',  # viewmodel: up / down / same / new
    "report.publishing_": 'f"{key}_title"',  # viewmodel: the two activity charts'
    "report.taking_part_": 'f"{key}_title"',  # titles and descriptions
    "compare.stage_": 'f"stage_{',  # compare_view: up / down / same
    "compare.hidden_archive_": 'f"hidden_archive_{',  # compare_view: old / new
    "thresholds.": '["thresholds"][key]',  # viewmodel: per Thresholds field (test below)
}
# Tables checked elsewhere: every notice code is used (tests/test_notices.py).
CHECKED_ELSEWHERE = ("notices.",)


def _sources() -> str:
    files = [*(ROOT / "src" / "linkedin_stages").rglob("*.py"), *(ROOT / "templates").glob("*.j2")]
    return "\n".join(path.read_text(encoding="utf-8") for path in files)


def _is_named(name: str, sources: str) -> bool:
    """`name` as a string ("title", 'title', "formats.years") or an attribute (`t.title`)."""
    return re.search(rf"[\"'.]{re.escape(name)}(?![\w])", sources) is not None


def test_every_catalogue_key_is_used() -> None:
    """A key no code reads is one more entry every new language must translate for nothing."""
    sources = _sources()
    unused = []
    for key in flatten(catalogue("en")._tables):  # noqa: SLF001
        table, _, name = key.rpartition(".")
        if key.startswith(CHECKED_ELSEWHERE + tuple(BUILT_BY_PREFIX)):
            continue
        if table == "plan":  # a plan reason code: "plan_short" → plan.short (describe)
            name = f"plan_{name}"
        if not _is_named(name, sources):
            unused.append(key)
    assert unused == []
    assert [prefix for prefix, fragment in BUILT_BY_PREFIX.items()
            if fragment not in sources] == []


def test_the_guard_sees_an_unused_key() -> None:
    assert _is_named("where_sentence", 'ctx.fmt("where_sentence", …)')
    assert _is_named("title", "{{ t.title }}")
    assert not _is_named("stage_summaries_heading", "stage_summaries_heading_x = 1")


def test_every_threshold_and_post_kind_has_its_words() -> None:
    from dataclasses import fields

    from linkedin_stages.analysis.model import POST_KINDS
    from linkedin_stages.analysis.thresholds import Thresholds

    words = catalogue("en")
    assert [f.name for f in fields(Thresholds) if f.name not in words["thresholds"]] == []
    assert [kind for kind in POST_KINDS if f"post_kind_{kind}" not in words["report"]] == []


def test_the_thresholds_table_words_each_key_and_keeps_it() -> None:
    from linkedin_stages.report.viewmodel import _threshold_value

    french = catalogue("fr").table("report")
    assert (_threshold_value(True, french, "fr"), _threshold_value(False, french, "fr")) == \
        ("oui", "non")
    assert _threshold_value(0.35, french, "fr") == "0,35"
