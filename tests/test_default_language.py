"""`--lang` defaults to the user's locale when it has a catalogue, else English."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from linkedin_stages.cli import cli
from linkedin_stages.i18n.catalogue import default_language, languages
from report_support import SAMPLES


@pytest.mark.parametrize(("environ", "expected"), [
    ({"LANG": "es_ES.UTF-8"}, "es"),
    ({"LANG": "pt_BR.UTF-8"}, "pt"),
    ({"LANG": "de_AT"}, "de"),
    ({"LANG": "fr_CA.UTF-8@euro"}, "fr"),
    ({"LC_ALL": "de_DE.UTF-8", "LANG": "fr_FR.UTF-8"}, "de"),  # LC_ALL first
    ({"LC_ALL": "", "LC_MESSAGES": "pt_PT", "LANG": "fr_FR"}, "pt"),  # then LC_MESSAGES
    ({"LANG": "ja_JP.UTF-8"}, "en"),  # no catalogue: English
    ({"LANG": "C.UTF-8"}, "en"),
    ({"LANG": "POSIX"}, "en"),
    ({}, "en"),
])
def test_the_locale_chooses_the_language(environ: dict[str, str], expected: str) -> None:
    assert expected in languages()
    assert default_language(environ) == expected


def test_the_command_line_follows_the_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    german = CliRunner().invoke(cli, ["inspect", str(SAMPLES / "lurker")])
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    english = CliRunner().invoke(cli, ["inspect", str(SAMPLES / "lurker")])
    assert german.exit_code == 0 and english.exit_code == 0
    assert english.output.startswith("LinkedIn export:")
    assert german.output != english.output and not german.output.startswith("LinkedIn export:")
    explicit = CliRunner().invoke(cli, ["inspect", str(SAMPLES / "lurker"), "--lang", "en"])
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert CliRunner().invoke(cli, ["inspect", str(SAMPLES / "lurker"), "--lang", "en"]
                              ).output == explicit.output == english.output
