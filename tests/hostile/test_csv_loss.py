"""Quotes that swallow records, files concatenated into one: every record is read, or every
missing one is counted — never a silent loss. All bytes are invented."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linkedin_stages import csvread, load_export
from linkedin_stages.csvread import STRAY_QUOTES, ReadNotes, _tolerant_rows

PROFILE = (b"First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,"
           b"Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\r\n"
           b"Camille,Exemple,,,,Invented headline,,Software,,,,,\r\n")
PREAMBLE = [b"Notes:", b'"When exporting your connection data, you may notice something."', b""]
CONNECTIONS_HEADER = b"First Name,Last Name,URL,Email Address,Company,Position,Connected On"
MESSAGES_HEADER = (b"CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,"
                   b"RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER")
MULTILINE_CONTENT = 'Hello, line one\r\nline two, with "quotes"\r\n\r\nbye'


def _load(tmp_path: Path, name: str, data: bytes):
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / name).write_bytes(data)
    (tmp_path / "Profile.csv").write_bytes(PROFILE)
    return load_export(tmp_path)


def _connection(i: int, company: bytes = b"Acme", position: bytes = b"Engineer") -> bytes:
    return (b"Ann%d,Bee%d,https://www.linkedin.com/in/ab%d,,%s,%s,12 Mar 2024"
            % (i, i, i, company, position))


def _connections(count: int, company: dict[int, bytes] | None = None,
                 position: dict[int, bytes] | None = None) -> list[bytes]:
    company, position = company or {}, position or {}
    return [_connection(i, company.get(i, b'"Acme, Inc."' if i % 7 == 5 else b"Acme"),
                        position.get(i, b"Engineer")) for i in range(count)]


def _strict_rows(data: bytes, skip: int, width: int) -> int | None:
    """What polars' RFC 4180 reading alone gives (None: it refuses the file)."""
    try:
        return pl.read_csv(data, has_header=False, skip_lines=skip, infer_schema=False,
                           schema={f"c{i}": pl.String for i in range(width)}).height
    except pl.exceptions.PolarsError:
        return None


@pytest.mark.parametrize("at", [0, 3, 280, 562])
def test_one_quote_opening_a_position_cell_loses_no_connection(tmp_path: Path, at: int) -> None:
    lines = PREAMBLE + [CONNECTIONS_HEADER] + _connections(563, position={at: b'"Engineer lead'})
    export = _load(tmp_path, "Connections.csv", b"\r\n".join(lines) + b"\r\n")
    report = export.reports["connections"]
    assert export.connections.height == 563
    assert export.connections["position"][at] == '"Engineer lead'
    assert export.connections["first_name"].to_list() == [f"Ann{i}" for i in range(563)]
    assert export.connections["connected_on"].null_count() == 0
    assert report.repairs[STRAY_QUOTES] == 1
    assert any(f"line {len(PREAMBLE) + 2 + at}" in w for w in report.warnings), report.warnings


def test_two_unmatched_quotes_that_polars_reads_without_error(tmp_path: Path) -> None:
    """The issue's file: polars pairs the two stray quotes and reads 6 rows of 563, silently."""
    lines = [CONNECTIONS_HEADER] + [
        _connection(i, b'"Acme' if i == 3 else b"Acme", b'Lead"' if i == 560 else b"Engineer")
        for i in range(563)]
    data = b"\r\n".join(lines) + b"\r\n"
    assert _strict_rows(data, 1, 7) == 6  # the loss this test is about
    export = _load(tmp_path, "Connections.csv", data)
    report = export.reports["connections"]
    assert export.connections.height == 563
    assert export.connections["company"][3] == '"Acme'
    assert export.connections["position"][560] == 'Lead"'
    assert any("557 record(s)" in w for w in report.warnings), report.warnings


@pytest.mark.parametrize("final_newline", [b"\r\n", b""])
def test_quote_left_open_on_the_last_line(tmp_path: Path, final_newline: bytes) -> None:
    lines = [CONNECTIONS_HEADER] + _connections(20, position={19: b'"Engineer lead'})
    export = _load(tmp_path, "Connections.csv", b"\r\n".join(lines) + final_newline)
    last = export.connections.row(19, named=True)
    assert export.connections.height == 20
    assert last["position"] == '"Engineer lead'
    assert last["connected_on"] is not None
    assert export.reports["connections"].repairs[STRAY_QUOTES] == 1


def test_a_quote_inside_a_cell_is_kept_and_changes_nothing(tmp_path: Path) -> None:
    lines = [CONNECTIONS_HEADER] + _connections(50, position={10: b'Eng "lead'})
    export = _load(tmp_path, "Connections.csv", b"\r\n".join(lines) + b"\r\n")
    assert export.connections.height == 50
    assert export.connections["position"][10] == 'Eng "lead'
    assert STRAY_QUOTES not in export.reports["connections"].repairs


@pytest.mark.parametrize("preamble", [True, False])
def test_two_exports_concatenated_with_a_byte_order_mark(tmp_path: Path, preamble: bool) -> None:
    head = PREAMBLE if preamble else []
    first = b"\r\n".join(head + [CONNECTIONS_HEADER] + _connections(30)) + b"\r\n"
    second = b"\r\n".join(head + [CONNECTIONS_HEADER] + _connections(20)) + b"\r\n"
    export = _load(tmp_path, "Connections.csv", b"\xef\xbb\xbf" + first + b"\xef\xbb\xbf" + second)
    report = export.reports["connections"]
    assert export.connections.height == 50
    assert not export.connections["first_name"].str.contains("\ufeff|First Name").any()
    assert report.dropped["repeated header lines (files concatenated into one)"] == 1
    assert report.repairs["byte-order marks inside the file removed (concatenated files)"] == 1
    if preamble:
        assert report.dropped[
            "lines before a repeated header (the appended file's preamble)"] == len(PREAMBLE)


def test_a_repeated_header_without_byte_order_mark(tmp_path: Path) -> None:
    lines = [CONNECTIONS_HEADER] + _connections(5) + [CONNECTIONS_HEADER] + _connections(5)
    export = _load(tmp_path, "Connections.csv", b"\n".join(lines) + b"\n")
    assert export.connections.height == 10
    assert export.reports["connections"].dropped == {
        "repeated header lines (files concatenated into one)": 1}


def _message(i: int, sender: bytes = b"Bob Example") -> bytes:
    if i % 3 == 0:
        content = b'"' + MULTILINE_CONTENT.replace('"', '""').encode() + b'"'
    elif i % 3 == 1:
        content = b'"<p class=""x"">Hi</p>"'
    else:
        content = b"plain text"
    return (b"2-conv%d==,,%s,https://www.linkedin.com/in/bob,Camille Exemple,"
            b"https://www.linkedin.com/in/camille,2024-03-%02d 10:00:00 UTC,,%s,INBOX"
            % (i % 5, sender, 1 + i % 28, content))


@pytest.mark.parametrize("at", [0, 4, 5, 59])
def test_messages_stray_quote_in_a_sender_name_keeps_multiline_texts(tmp_path: Path,
                                                                     at: int) -> None:
    def file(stray: bool) -> bytes:
        lines = [MESSAGES_HEADER] + [_message(i, b'"Bob' if stray and i == at
                                              else b"Bob Example") for i in range(60)]
        return b"\r\n".join(lines) + b"\r\n"

    clean = _load(tmp_path / "clean", "messages.csv", file(stray=False)).messages
    export = _load(tmp_path / "stray", "messages.csv", file(stray=True))
    messages = export.messages
    assert messages.height == 60
    assert messages["from_name"][at] == '"Bob'
    assert messages["content"].to_list() == clean["content"].to_list()
    assert clean["content"].str.contains("line two").sum() == 20
    assert messages.drop("from_name", "direction").equals(clean.drop("from_name", "direction"))
    assert export.reports["messages"].repairs[STRAY_QUOTES] == 1


def test_valid_messages_with_record_like_lines_are_left_to_polars(tmp_path: Path) -> None:
    """A free-text line full of commas looks like a swallowed record: the file is re-read,
    finds nothing to repair, and polars' rows are kept as they were."""
    text = "Agenda:\r\na,b,c,d,e,f,g,h,i,j\r\nend"
    lines = [MESSAGES_HEADER] + [_message(i) for i in range(10)]
    lines[3] = lines[3].replace(b"plain text", b'"' + text.encode() + b'"')
    export = _load(tmp_path, "messages.csv", b"\r\n".join(lines) + b"\r\n")
    assert export.messages.height == 10
    assert export.messages["content"][2].replace("\r\n", "\n") == text.replace("\r\n", "\n")
    assert STRAY_QUOTES not in export.reports["messages"].repairs
    assert not export.reports["messages"].warnings


def test_invitations_stray_quote_in_a_name(tmp_path: Path) -> None:
    header = b"From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl"
    rows = [b'%s,Camille Exemple,"3/%d/24, 11:20 AM",%s,INCOMING,'
            b"https://www.linkedin.com/in/p%d,https://www.linkedin.com/in/camille"
            % (b'"Jo' if i == 2 else b"Jo Invented", 1 + i,
               b'"Hi,\r\nglad to connect"' if i % 2 else b"", i) for i in range(12)]
    export = _load(tmp_path, "Invitations.csv", b"\r\n".join([header, *rows]) + b"\r\n")
    invitations = export.invitations
    assert invitations.height == 12
    assert invitations["from_name"][2] == '"Jo'
    assert [m and m.replace("\r\n", "\n") for m in invitations["message"].to_list()] == [
        "Hi,\nglad to connect" if i % 2 else None for i in range(12)]
    assert invitations["sent_at"].null_count() == 0
    assert export.reports["invitations"].repairs[STRAY_QUOTES] == 1


def test_a_huge_open_field_is_read_line_by_line_not_refused(tmp_path: Path) -> None:
    """Python's csv module refuses a field over 128 KiB; the old fallback then failed the
    whole file ("cannot parse as CSV")."""
    long_position = b"x" * 1000
    lines = [CONNECTIONS_HEADER] + _connections(400, position={
        i: (b'"' if i == 1 else b"") + long_position for i in range(400)})
    export = _load(tmp_path, "Connections.csv", b"\r\n".join(lines) + b"\r\n")
    assert export.connections.height == 400
    assert export.reports["connections"].readable


def test_work_is_bounded_with_many_unmatched_quotes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each unmatched quote costs at most MAX_QUOTED_LINES lines of look-ahead."""
    monkeypatch.setattr(csvread, "MAX_QUOTED_LINES", 40)
    fed = 0
    original = csvread._LineFeed.__next__

    def counting(self):  # type: ignore[no-untyped-def]
        nonlocal fed
        fed += 1
        return original(self)

    monkeypatch.setattr(csvread._LineFeed, "__next__", counting)
    lines = [_connection(i, b'"Acme' if i % 10 == 0 else b"Acme").decode() for i in range(2000)]
    columns = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position",
               "Connected On"]
    notes = ReadNotes()
    rows = _tolerant_rows("\n".join(lines) + "\n", 0, columns, ",", notes)
    assert len(rows) == 2000
    assert notes.repairs[STRAY_QUOTES] == 200
    assert fed <= 200 * 40 * 2 + 3 * 2000


CELL = st.text(alphabet=st.sampled_from('ab "é,'), max_size=6)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cells=st.lists(st.tuples(CELL, CELL, CELL), min_size=1, max_size=30),
       newline=st.sampled_from(["\r\n", "\n"]))
def test_unescaped_quotes_never_lose_a_line(cells: list[tuple[str, str, str]],
                                            newline: str) -> None:
    """Cells written raw, with quotes and commas anywhere and nothing escaped (a hand edit,
    a naive export): every line is still a record."""
    lines = [f"{a},{b},{c},12 Mar 2024" for a, b, c in cells]
    notes = ReadNotes()
    rows = _tolerant_rows(newline.join(lines) + newline, 0, ["A", "B", "C", "Connected On"],
                          ",", notes)
    assert len(rows) == len(lines)
    # `","` is a quoted comma, so a row may shift; its line's date is in it all the same.
    assert all(any(cell and cell.endswith("12 Mar 2024") for cell in row) for row in rows)
