"""`analyze --card FILE.png|.svg`: the 1200×630 image to share.

Its size (the PNG's IHDR, the SVG's viewBox) and self-containment (no font, image or link
loaded); its words in each of the five languages; that it names nobody but the member (every
person named anywhere in a sample member's export, and every post's text, searched in the
card's data and in the SVG's text — matplotlib writes each text drawn as paths beside them as
a comment — and none at all with --redact); every text inside the card and none on another,
for every sample member and language; the same bytes twice; and the command line's checks of
the path (suffix, the report's own file, inside the export).
"""

from __future__ import annotations

import dataclasses
import html
import re
import shutil
import struct
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner

from linkedin_stages.analysis import describe
from linkedin_stages.analysis.report_data import ReportData, analyze_for_report
from linkedin_stages.cli import cli
from linkedin_stages.errors import ReportError
from linkedin_stages.export import Export
from linkedin_stages.i18n.catalogue import catalogue, languages
from linkedin_stages.redact import redact_report
from linkedin_stages.report import card as card_module
from linkedin_stages.report.card import (
    CardData,
    card_data,
    card_format,
    check_card_output,
    render_card,
)
from report_support import SAMPLES, loaded, synth_loaded

MEMBERS = ("climber", "lurker", "basic", "curator", "consultante", "fallback")
NAME_COLUMNS = {
    "connections": ("first_name", "last_name", "full_name"),
    "invitations": ("from_name", "to_name"),
    "messages": ("from_name", "to_names"),
    "endorsements_received": ("first_name", "last_name", "full_name"),
    "endorsements_given": ("first_name", "last_name", "full_name"),
    "recommendations_received": ("first_name", "last_name", "full_name"),
    "recommendations_given": ("first_name", "last_name", "full_name"),
    "member_follows": ("full_name",),
    "registration": ("invited_by_first_name", "invited_by_last_name"),
}
NOT_PEOPLE = {"linkedin", "member", "linkedin member"}


@cache
def data(name: str) -> ReportData:
    export, timeline = loaded(name)
    return analyze_for_report(export, timeline, zone="UTC")


@cache
def card(name: str, lang: str) -> CardData:
    return card_data(data(name), lang=lang)


@cache
def svg(name: str, lang: str) -> str:
    return render_card(card(name, lang), "svg").decode("utf-8")


def png_size(image: bytes) -> tuple[int, int]:
    """Width and height from a PNG's header (its first chunk must be IHDR)."""
    assert image[:8] == b"\x89PNG\r\n\x1a\n"
    length, kind = struct.unpack(">I4s", image[8:16])
    assert (length, kind) == (13, b"IHDR")
    width, height = struct.unpack(">II", image[16:24])
    return width, height


def svg_text(image: str) -> str:
    """What an SVG card says: its <title> and <desc>, and the comment matplotlib writes
    with each text it draws as paths (the text itself)."""
    parts = re.findall(r"<(title|desc)>(.*?)</\1>", image, re.S)
    comments = re.findall(r"<!-- (.*?) -->", image, re.S)
    return "\n".join(html.unescape(p) for p in [*(text for _, text in parts), *comments])


def drawn_texts(image: str) -> list[str]:
    return [html.unescape(text) for text in re.findall(r"<!-- (.*?) -->", image, re.S)]


def people(export: Export) -> set[str]:
    """Every person the export names, but the member: full names, and each part of four
    letters or more (shorter ones are parts of ordinary words)."""
    own = export.member_name or ""
    names: set[str] = set()
    for table, columns in NAME_COLUMNS.items():
        frame = export.tables[table]
        for column in columns:
            if column not in frame.columns:
                continue
            for value in frame[column].drop_nulls().unique().to_list():
                for name in str(value).split(","):
                    name = " ".join(name.split())
                    if name:
                        names.add(name)
                        names.update(part for part in name.split() if len(part) >= 4)
    return {n for n in names
            if n.casefold() not in NOT_PEOPLE and n.casefold() not in own.casefold()}


def found(names: set[str], text: str) -> list[str]:
    lower = text.casefold()
    return sorted(n for n in names
                  if re.search(rf"(?<!\w){re.escape(n.casefold())}(?!\w)", lower))


# ---------------------------------------------------------------------------- the image


@pytest.mark.parametrize("name", ["climber", "basic"])
def test_png_is_1200_by_630(name: str) -> None:
    assert png_size(render_card(card(name, "en"), "png")) == (1200, 630)


def test_svg_has_the_1200_by_630_view_box_and_loads_nothing() -> None:
    image = svg("consultante", "fr")
    root = re.match(r'<\?xml[^>]*>\s*(<svg\b[^>]*>)', image)
    assert root is not None
    assert 'viewBox="0 0 1200 630"' in root.group(1)
    assert 'width="1200" height="630"' in root.group(1)
    # text drawn as paths: no font to load, and the same glyphs everywhere
    assert "<text" not in image and "@font-face" not in image and "font-family" not in image
    assert "<image" not in image and "<script" not in image
    references = re.findall(r'(?:xlink:)?href="([^"]*)"', image)
    assert references and all(ref.startswith("#") for ref in references)
    assert all(ref.startswith("#") for ref in re.findall(r"url\(([^)]*)\)", image))
    assert "http://" not in image.replace('xmlns="http://www.w3.org/2000/svg"', "").replace(
        'xmlns:xlink="http://www.w3.org/1999/xlink"', "")


def test_the_same_card_gives_the_same_bytes() -> None:
    """No date, no version, a fixed hash salt for the SVG's ids: a test can compare."""
    one = card("climber", "de")
    for image_format in ("png", "svg"):
        first = render_card(one, image_format)  # type: ignore[arg-type]
        assert render_card(one, image_format) == first  # type: ignore[arg-type]
        assert b"atplotlib" not in first and b"Software" not in first
    assert "<metadata" not in svg("climber", "de") and "dc:date" not in svg("climber", "de")


# ---------------------------------------------------------------------------- the words


@pytest.mark.parametrize("lang", languages())
def test_every_language_has_its_words(lang: str) -> None:
    words = catalogue(lang)["card"]
    shown = card("climber", lang)
    assert shown.kicker == words["kicker"] and shown.you == words["you"]
    assert shown.ribbon_title == words["ribbon_title"] and shown.footer == words["footer"]
    stage = describe.stage_name("power_networker", lang)
    assert shown.headline.startswith(stage) and "2023" in shown.headline
    assert [n for _, n, _ in shown.steps] == [describe.stage_name(s, lang) for s in
                                             ("present", "relay", "producer",
                                              "power_networker")]
    assert len(shown.numbers) == 3
    months, own, connections = (n.label for n in shown.numbers)
    assert months in words["years_at_stage"].values()
    assert connections in words["connections"].values()
    assert any(re.fullmatch(re.escape(form).replace(re.escape("{share}"), r"\d+\W?%"), own)
               for form in words["own_posts_business"].values()), own
    drawn = svg_text(svg("climber", lang))
    for text in (shown.kicker.upper(), shown.headline, shown.you, shown.ribbon_title,
                 shown.footer, shown.numbers[0].label):
        assert text in drawn, text
    if lang != "en":  # none of the English words left
        english = card("climber", "en")
        assert not {shown.kicker, shown.headline, shown.you, shown.ribbon_title,
                    shown.footer, *(n.label for n in shown.numbers)} & {
            english.kicker, english.headline, english.ribbon_title, english.footer,
            *(n.label for n in english.numbers)}


def test_numbers_are_worded_for_the_language() -> None:
    # 46 months since January 2023: three whole years (the headline gives the month)
    assert [n.value for n in card("climber", "en").numbers] == ["3", "153", "1,899"]
    assert [n.value for n in card("climber", "fr").numbers] == ["3", "153", "1\u202f899"]
    assert card("climber", "de").numbers[2].value == "1.899"
    assert "56\u202f%" in card("climber", "fr").numbers[1].label
    assert card("climber", "fr").headline == "Le power networker depuis janvier 2023"


@pytest.mark.parametrize(("name", "labels"), [
    ("lurker", ("years at this stage", "reactions in the last 12 months", "connections")),
    ("curator", ("years at this stage", "shares in the last 12 months",
                 "connections")),
    ("fallback", ("years at this stage", "reactions in the last 12 months", "connections")),
    # a basic archive: no stage, no posts; what it does hold
    ("basic", ("years on LinkedIn", "connections", "messages sent in the last 12 months")),
])
def test_the_three_numbers_say_why(name: str, labels: tuple[str, ...]) -> None:
    assert tuple(n.label for n in card(name, "en").numbers) == labels


def test_a_member_without_a_stage() -> None:
    shown = card("basic", "en")
    assert shown.stage is None
    assert shown.headline == catalogue("en")["card"]["headline_no_posts"]
    assert {run.stage for run in shown.runs} == {None}
    assert shown.you not in drawn_texts(svg("basic", "en"))  # nobody on the staircase


def test_a_member_of_one_month() -> None:
    export, timeline = synth_loaded("climber", "2017-02")
    shown = card_data(analyze_for_report(export, timeline, zone="UTC"), lang="fr")
    assert (shown.first, shown.last) == ("2017-02", "2017-02")
    assert [label.text for label in shown.axis] == ["févr. 2017"]
    assert shown.numbers[0] == card_module.CardNumber("1", "mois à ce stade")
    assert png_size(render_card(shown, "png")) == (1200, 630)
    assert "févr. 2017" in drawn_texts(render_card(shown, "svg").decode())


# ---------------------------------------------------------------------------- the layout


def _boxes(shown: CardData) -> list[tuple[str, tuple[float, float, float, float]]]:
    canvas = card_module._draw(shown)  # noqa: SLF001
    renderer = canvas.renderer
    boxes = []
    for text in canvas.ax.texts:
        extent = text.get_window_extent(renderer)
        boxes.append((text.get_text(), (extent.x0, extent.y0, extent.x1, extent.y1)))
    return boxes


@pytest.mark.parametrize("name", MEMBERS)
@pytest.mark.parametrize("lang", languages())
def test_every_text_inside_the_card_and_apart(name: str, lang: str) -> None:
    boxes = _boxes(card(name, lang))
    for text, (x0, y0, x1, y1) in boxes:
        assert 60 <= x0 and x1 <= 1200 - 60 and 0 <= y0 and y1 <= 630, (text, x0, x1)
    for i, (a, (ax0, ay0, ax1, ay1)) in enumerate(boxes):
        for b, (bx0, by0, bx1, by1) in boxes[i + 1:]:
            apart = ax1 <= bx0 + 1 or bx1 <= ax0 + 1 or ay1 <= by0 + 1 or by1 <= ay0 + 1
            assert apart, (a, b)


def test_a_very_long_name_is_cut_to_the_card() -> None:
    long = "Anne-Marie " + "Alexandrine de La Tour-d’Auvergne " * 6 + "Lauraguais"
    named = dataclasses.replace(data("consultante"), archive=dataclasses.replace(
        data("consultante").archive, member_name=f"  {long}\n"))
    shown = card_data(named, lang="de")
    assert shown.name is not None and "\n" not in shown.name
    drawn = [text for text, _ in _boxes(shown)]
    assert drawn[1].endswith("…") and shown.name.startswith(drawn[1][:-1].rstrip())
    for _text, (x0, _, x1, _) in _boxes(shown):
        assert 60 <= x0 and x1 <= 1140


# ---------------------------------------------------------------------------- nobody else


@pytest.mark.parametrize("name", ["climber", "consultante", "curator"])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_card_names_nobody_but_the_member(name: str, lang: str) -> None:
    export, _ = loaded(name)
    names = people(export)
    assert len(names) > 20  # the check can fail: the export names many people
    shown = card(name, lang)
    text = "\n".join(shown.words) + "\n" + svg_text(svg(name, lang))
    assert found(names, text) == []
    assert export.member_name and export.member_name in text
    # and no text of a post: not one run of five words of any of the member's posts
    posts = export.shares["commentary"].drop_nulls().to_list()
    assert posts
    lower = " ".join(text.casefold().split())
    for post in posts:
        words = post.casefold().split()
        for start in range(0, max(len(words) - 4, 0), 5):
            assert " ".join(words[start:start + 5]) not in lower


def test_the_check_sees_a_name() -> None:
    export, _ = loaded("climber")
    someone = sorted(n for n in people(export) if " " in n)[0]
    planted = dataclasses.replace(card("climber", "en"), footer=f"with {someone}")
    assert someone in found(people(export), "\n".join(planted.words))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_redacted_card_names_nobody(lang: str) -> None:
    export, _ = loaded("climber")
    redacted = redact_report(data("climber"), export, companies=False, lang=lang).data
    for shown in (card_data(redacted, lang=lang), card_data(data("climber"), lang=lang,
                                                            name=False)):
        assert shown.name is None
        image = render_card(shown, "svg").decode()
        text = "\n".join(shown.words) + svg_text(image)
        assert "Maya" not in text and "Lindqvist" not in text
        assert found(people(export), text) == []
        assert shown.headline in svg_text(image)
        assert png_size(render_card(shown, "png")) == (1200, 630)


# ---------------------------------------------------------------------------- the path


def test_card_format_by_suffix() -> None:
    assert card_format("a.png") == "png" and card_format("A.SVG") == "svg"
    assert card_format("a.jpg") is None and card_format("png") is None


def test_check_card_output(tmp_path: Path) -> None:
    export = tmp_path / "export"
    export.mkdir()
    report = tmp_path / "report.html"
    assert check_card_output(export, tmp_path / "card.png", report) == tmp_path / "card.png"
    with pytest.raises(ValueError, match=r"\.png, \.svg"):
        check_card_output(export, tmp_path / "card.jpeg", report)
    with pytest.raises(ReportError, match="same file"):
        check_card_output(export, tmp_path / "x.png", tmp_path / "x.png")
    with pytest.raises(ReportError, match="inside the export"):
        check_card_output(export, export / "card.png", report)
    link = tmp_path / "link"
    link.symlink_to(export)
    with pytest.raises(ReportError, match="inside the export"):
        check_card_output(export, link / "card.png", report)
    with pytest.raises(ReportError, match="no such folder"):
        check_card_output(export, tmp_path / "nowhere" / "card.png", report)
    (tmp_path / "folder.png").mkdir()
    with pytest.raises(ReportError, match="folder"):
        check_card_output(export, tmp_path / "folder.png", report)


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["analyze", *args])
    return result.exit_code, result.output


def test_cli_writes_the_card_beside_the_report(tmp_path: Path) -> None:
    code, output = _run(str(SAMPLES / "lurker"), "-o", str(tmp_path / "r.html"), "--card",
                        str(tmp_path / "card.png"), "--lang", "de", "--tz", "UTC")
    assert code == 0, output
    assert (tmp_path / "r.html").is_file()
    image = (tmp_path / "card.png").read_bytes()
    assert png_size(image) == (1200, 630)
    assert image == render_card(card("lurker", "de"), "png")  # the library's card
    assert "Card written to" in output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["card.png", "r.html"]  # no temp


def test_cli_redacted_card_carries_no_name(tmp_path: Path) -> None:
    code, output = _run(str(SAMPLES / "climber"), "-o", str(tmp_path / "r.html"), "--card",
                        str(tmp_path / "card.svg"), "--redact", "-q", "--tz", "UTC")
    assert code == 0, output
    image = (tmp_path / "card.svg").read_text(encoding="utf-8")
    assert "Lindqvist" not in image and "Maya" not in image
    assert "Power networker since January 2023" in svg_text(image)


@pytest.mark.parametrize("suffix", ["card.jpg", "card", "card.png.html"])
def test_cli_refuses_another_suffix(tmp_path: Path, suffix: str) -> None:
    code, output = _run(str(SAMPLES / "lurker"), "-o", str(tmp_path / "r.html"), "--card",
                        str(tmp_path / suffix))
    assert code == 2, output
    assert "--card" in output and ".png" in output and ".svg" in output
    assert list(tmp_path.iterdir()) == []  # refused before anything is read or written


def test_cli_refuses_the_report_s_own_file(tmp_path: Path) -> None:
    code, output = _run(str(SAMPLES / "lurker"), "-o", str(tmp_path / "same.png"), "--card",
                        str(tmp_path / "same.png"))
    assert code == 1, output
    assert "same file" in output and output.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_cli_refuses_a_card_inside_the_export(tmp_path: Path) -> None:
    export = tmp_path / "export"
    shutil.copytree(SAMPLES / "lurker", export)
    before = sorted(p.name for p in export.iterdir())
    code, output = _run(str(export), "-o", str(tmp_path / "r.html"), "--card",
                        str(export / "card.png"))
    assert code == 1, output
    assert "inside the export" in output and "--card" in output
    assert sorted(p.name for p in export.iterdir()) == before
    assert not (tmp_path / "r.html").exists()


def test_a_name_in_another_script_draws_without_a_warning() -> None:
    """A character DejaVu Sans lacks is drawn by an installed font that has it, else as
    matplotlib's placeholder: never a warning on the terminal, always the card."""
    import warnings

    named = dataclasses.replace(data("curator"), archive=dataclasses.replace(
        data("curator").archive, member_name="王小明 Ольга प्रिया"))
    shown = card_data(named, lang="en")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        image = render_card(shown, "png")
    assert png_size(image) == (1200, 630)
    assert "王小明 Ольга प्रिया" in svg_text(render_card(shown, "svg").decode())


def test_cli_a_card_that_fails_writes_nothing(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The card is drawn before the report is written: a failure leaves neither file."""
    def broken(*_args: object) -> bytes:
        raise ReportError("the card could not be drawn")

    monkeypatch.setattr(card_module, "render_card", broken)
    code, output = _run(str(SAMPLES / "lurker"), "-o", str(tmp_path / "r.html"), "--card",
                        str(tmp_path / "card.png"))
    assert code == 1 and "the card could not be drawn" in output
    assert list(tmp_path.iterdir()) == []


def test_cli_replaces_an_older_card(tmp_path: Path) -> None:
    (tmp_path / "card.svg").write_text("old", encoding="utf-8")
    code, output = _run(str(SAMPLES / "fallback"), "-o", str(tmp_path / "r.html"), "--card",
                        str(tmp_path / "card.svg"), "-q", "--lang", "pt")
    assert code == 0 and output == ""
    image = (tmp_path / "card.svg").read_text(encoding="utf-8")
    assert image == svg("fallback", "pt") and "Presente desde julho de 2023" in image


def test_another_process_draws_the_same_bytes(tmp_path: Path) -> None:
    """Nothing of the process (hash seeds, the SVG's ids, the fonts found) changes a byte."""
    import os
    import subprocess
    import sys

    out = tmp_path / "card.svg"
    environment = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-m", "linkedin_stages", "analyze", str(SAMPLES / "curator"),
                    "-o", str(tmp_path / "r.html"), "--card", str(out), "--lang", "es", "-q"],
                   check=True, env=environment, timeout=120)
    assert out.read_text(encoding="utf-8") == svg("curator", "es")
