"""Every page in every language of the catalogues holds no phrase of another language.

For a page in language L, the phrases (3 words or more, between placeholders) of every other
catalogue that L's own catalogue does not also contain must not appear in the page's visible
text (member texts excepted: see `test_catalogues.visible_text`). Built for the report (two
sample members, one of them redacted), the comparison page and `inspect`'s text.
"""

from __future__ import annotations

import re
import string
from functools import cache

import pytest
from click.testing import CliRunner

from linkedin_stages.analysis.compare import compare_exports
from linkedin_stages.analysis.report_data import analyze_for_report
from linkedin_stages.cli import cli
from linkedin_stages.i18n.catalogue import FORMATS_TABLE, REFERENCE, catalogue, flatten, languages
from linkedin_stages.redact import redact_report
from linkedin_stages.report import render_report
from linkedin_stages.report.compare_view import build_compare_report
from report_support import SAMPLES, loaded
from test_catalogues import _normal, visible_text

OTHERS = [lang for lang in languages() if lang != REFERENCE]


def _values(lang: str) -> list[str]:
    return [text for key, value in flatten(catalogue(lang)._tables).items()  # noqa: SLF001
            if not key.startswith(f"{FORMATS_TABLE}.")
            for text in (value.values() if isinstance(value, dict) else [value])]


@cache
def foreign_phrases(lang: str) -> dict[str, str]:
    """Phrase → the language it comes from, for every language but `lang`."""
    own = _normal(" ".join(_values(lang)))
    phrases: dict[str, str] = {}
    for other in languages():
        if other == lang:
            continue
        for text in _values(other):
            for literal, *_ in string.Formatter().parse(text):
                piece = _normal(literal or "").strip(" .,:;()«»“”„\"'")
                if len(re.findall(r"\w+", piece)) >= 3 and piece not in own:
                    phrases.setdefault(piece, other)
    return phrases


def foreign_in(text: str, lang: str) -> list[str]:
    text = _normal(text)
    return sorted(f"{piece!r} ({other})" for piece, other in foreign_phrases(lang).items()
                  if piece in text)


@pytest.mark.parametrize("lang", languages())
@pytest.mark.parametrize("name", ["climber", "lurker"])
def test_the_report_speaks_one_language(name: str, lang: str) -> None:
    export, timeline = loaded(name)
    data = analyze_for_report(export, timeline, zone="UTC")
    if name == "lurker":  # the redacted page has words of its own (banner, pseudonyms)
        data = redact_report(data, export, lang=lang).data
    page = render_report(data, lang=lang)
    assert f'lang="{lang}"' in page
    assert foreign_in(visible_text(page), lang) == []


@pytest.mark.parametrize("lang", languages())
def test_the_comparison_speaks_one_language(lang: str) -> None:
    comparison = compare_exports(loaded("climber-2021-06")[0], loaded("climber")[0])
    assert foreign_in(visible_text(build_compare_report(comparison, lang=lang)), lang) == []


@pytest.mark.parametrize("lang", languages())
def test_inspect_speaks_one_language(lang: str) -> None:
    result = CliRunner().invoke(cli, ["inspect", str(SAMPLES / "climber"), "--lang", lang])
    assert result.exit_code == 0, result.output
    assert foreign_in(result.output, lang) == []


def test_the_check_sees_another_language() -> None:
    page = render_report(analyze_for_report(*loaded("lurker"), zone="UTC"), lang="de")
    planted = page.replace("</main>", "<p>Every file the analysis uses was found.</p></main>")
    assert foreign_in(visible_text(planted), "de")
    assert "es" in OTHERS and "pt" in OTHERS and "de" in OTHERS and "fr" in OTHERS
