"""Hostile analytics workbooks: each is refused with one AnalyticsError line naming the file,
before the native reader (calamine, through polars/fastexcel) is ever called, because calamine
would abort the whole process or allocate without bound. Every workbook is built here from a
small synthetic one (synth.analytics_workbook) with invented bytes swapped in."""

from __future__ import annotations

import io
import os
import re
import struct
import subprocess
import sys
import threading
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

import fastexcel
import polars as pl
import pytest

from linkedin_stages import analytics
from linkedin_stages.analytics import AnalyticsError, load_analytics
from linkedin_stages.synth.analytics_workbook import workbook_bytes

SHEET = "xl/worksheets/sheet2.xml"  # ENGAGEMENT in the synthetic workbook
STRINGS = "xl/sharedStrings.xml"
HEAD = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns='
        b'"http://schemas.openxmlformats.org/spreadsheetml/2006/main">')


@pytest.fixture(scope="module")
def base() -> bytes:
    return workbook_bytes("curator", "2019-08")


@pytest.fixture
def no_native_reader(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Fail the test if calamine is reached; the list records calls for tests that allow it."""
    calls: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        calls.append("read_excel")
        raise AssertionError("the native reader was called on a hostile workbook")

    monkeypatch.setattr(pl, "read_excel", refuse)
    monkeypatch.setattr(fastexcel, "read_excel", refuse)
    return calls


def rebuild(data: bytes, parts: dict[str, bytes | Callable[[bytes], bytes] | None]) -> bytes:
    """The workbook with some parts replaced (bytes), rewritten (function) or removed (None)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            change = parts.get(info.filename, ...)
            if change is None:
                continue
            content = source.read(info)
            if callable(change):
                content = change(content)
            elif change is not ...:
                content = change
            target.writestr(info.filename, content)
        for name, change in parts.items():
            if name not in source.namelist() and isinstance(change, bytes):
                target.writestr(name, change)
    return out.getvalue()


def sheet(rows: bytes, dimension: bytes | None = b"A1") -> bytes:
    dim = b'<dimension ref="' + dimension + b'"/>' if dimension is not None else b""
    return HEAD + dim + b"<sheetData>" + rows + b"</sheetData></worksheet>"


def refused(tmp_path: Path, data: bytes, *fragments: str, name: str = "hostile.xlsx") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(AnalyticsError) as caught:
        load_analytics([path])
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    for fragment in fragments:
        assert fragment in message, message
    return message


def set_declared_size(data: bytes, name: str, size: int) -> bytes:
    """Make the local and central headers of `name` declare `size` inflated bytes."""
    buffer = bytearray(data)
    encoded = name.encode()
    central = buffer.find(b"PK\x01\x02")
    while central >= 0:
        length = struct.unpack_from("<H", buffer, central + 28)[0]
        if buffer[central + 46:central + 46 + length] == encoded:
            struct.pack_into("<L", buffer, central + 24, size)
            local = struct.unpack_from("<L", buffer, central + 42)[0]
            struct.pack_into("<L", buffer, local + 22, size)
            return bytes(buffer)
        central = buffer.find(b"PK\x01\x02", central + 4)
    raise AssertionError(f"{name} not found")


def streamed_part(data: bytes, name: str, pieces: Iterable[bytes]) -> bytes:
    """The workbook with `name` written from `pieces` through ZipFile.open(mode='w'), so a
    part hundreds of MB inflated never sits in the test's memory."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != name:
                target.writestr(info.filename, source.read(info))
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_DEFLATED
        with target.open(info, "w") as stream:
            for piece in pieces:
                stream.write(piece)
    return out.getvalue()


def bomb_pieces(megabytes: int) -> Iterable[bytes]:
    yield b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>'
    block = b"a" * (1024 * 1024)
    for _ in range(megabytes):
        yield block
    yield b"</t></si></sst>"


# --- used ranges ------------------------------------------------------------------------------


def test_the_untouched_workbook_still_reads(base: bytes, tmp_path: Path) -> None:
    path = tmp_path / "fine.xlsx"
    path.write_bytes(rebuild(base, {}))
    assert load_analytics([path]).daily.height > 300


def test_a_cell_at_the_last_address_is_refused(base: bytes, tmp_path: Path,
                                               no_native_reader: list[str]) -> None:
    rows = b'<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576">' \
           b"<v>2</v></c></row>"
    refused(tmp_path, rebuild(base, {SHEET: sheet(rows, b"A1:XFD1048576")}),
            "refused before reading", SHEET, "XFD1048576")
    refused(tmp_path, rebuild(base, {SHEET: sheet(rows, None)}), "row 1048576")  # no dimension
    assert no_native_reader == []


@pytest.mark.parametrize("rows, where", [
    # the dimension lies small (Apache POI writes A1 for every sheet); the cells are far out
    (b'<row r="1"><c r="A1"><v>1</v></c><c r="IW1"><v>2</v></c></row>', "IW1"),
    (b'<row r="1"><c r="B200000"><v>1</v></c></row>', "B200000"),  # the cell's r decides
    # a row number alone, with no cell, past the limit
    (b'<row r="100001"/>', "row 100001"),
    # namespace prefix, and a quoted `>` before r: still calamine's cell
    (b'<row r="1"><x:c s=">" r="ZZ1" xmlns:x="urn:x"><x:v>1</x:v></x:c></row>', "ZZ1"),
    # lower-case column letters: calamine accepts them
    (b'<row r="1"><c r="aaa1"><v>1</v></c></row>', "AAA1"),
])
def test_cells_beyond_the_limits_are_found_whatever_the_dimension_says(
        base: bytes, tmp_path: Path, no_native_reader: list[str], rows: bytes,
        where: str) -> None:
    refused(tmp_path, rebuild(base, {SHEET: sheet(rows)}), where)


def test_a_dimension_that_lies_large_is_refused(base: bytes, tmp_path: Path,
                                                no_native_reader: list[str]) -> None:
    refused(tmp_path, rebuild(base, {SHEET: sheet(b'<row r="1"><c r="A1"><v>1</v></c></row>',
                                                  b"A1:XFD1048576")}), "XFD1048576")
    refused(tmp_path, rebuild(base, {SHEET: sheet(b"", b"C3:A1")}), "malformed dimension")


def test_cells_and_rows_without_positions_are_placed_as_calamine_places_them(
        base: bytes, tmp_path: Path, no_native_reader: list[str]) -> None:
    # 300 cells without `r` in one row: the 300th is column KN, past 256 columns
    wide = b"<row>" + b"<c><v>1</v></c>" * 300 + b"</row>"
    refused(tmp_path, rebuild(base, {SHEET: sheet(wide)}), "column", "IW1")
    # a numbered row near the limit, then rows without numbers: the fifth is past it
    tall = b'<row r="99998"><c r="A99998"><v>1</v></c></row>' + \
        b"<row><c><v>1</v></c></row>" * 5
    refused(tmp_path, rebuild(base, {SHEET: sheet(tall)}), "A100001")
    # empty elements count too (calamine expands <row/> into a start and an end)
    empty_rows = b'<row r="99999"/>' + b"<row/>" * 3 + b"<row><c><v>1</v></c></row>"
    refused(tmp_path, rebuild(base, {SHEET: sheet(empty_rows)}), "cell A100003")


def test_the_area_of_a_sheet_and_of_the_workbook_is_bounded(
        base: bytes, tmp_path: Path, no_native_reader: list[str]) -> None:
    corner = b'<row r="5000"><c r="IP5000"><v>1</v></c></row>'  # 250 × 5000 = 1.25 M cells
    refused(tmp_path, rebuild(base, {SHEET: sheet(corner)}), "1,250,000 cells")
    # four sheets of 150 k cells each: each is within the limit, together they are not
    corner = b'<row r="1500"><c r="CV1500"><v>1</v></c></row>'
    parts = {f"xl/worksheets/sheet{n}.xml": sheet(corner) for n in range(1, 5)}
    refused(tmp_path, rebuild(base, parts), "cells in all")


def test_malformed_positions_and_nesting_are_refused(base: bytes, tmp_path: Path,
                                                     no_native_reader: list[str]) -> None:
    # a row number calamine would wrap past 2**32 into a small one
    refused(tmp_path, rebuild(base, {SHEET: sheet(b'<row r="1"><c r="A4294967297"><v>1</v>'
                                                  b"</c></row>")}), "malformed cell reference")
    # a row hidden inside a cell's value, where calamine's view and a naive scan differ
    refused(tmp_path, rebuild(base, {SHEET: sheet(b'<row r="1"><c r="A1"><v><row r="1"/></v>'
                                                  b"</c></row>")}), "inside a cell")
    refused(tmp_path, rebuild(base, {SHEET: sheet(b'<row r="1"><c r="A1"><v>1</c></row>')}),
            "mismatched end tag")


def test_what_calamine_skips_is_not_counted(base: bytes, tmp_path: Path) -> None:
    # a far cell inside a comment, a CDATA section or a quoted attribute is no cell for
    # calamine either, so the workbook reads
    def hide(xml: bytes) -> bytes:
        return xml.replace(b"<sheetData>", b'<sheetData><!-- <c r="XFD1048576"/> -->'
                           b'<![CDATA[<c r="XFD1048576">]]>', 1)
    path = tmp_path / "comments.xlsx"
    path.write_bytes(rebuild(base, {SHEET: hide}))
    assert load_analytics([path]).daily.height > 300


def test_too_many_sheets_is_refused(base: bytes, tmp_path: Path,
                                    no_native_reader: list[str]) -> None:
    def many(xml: bytes) -> bytes:
        extra = b"".join(b'<sheet name="S%d" sheetId="%d" r:id="rId1"/>' % (n, n + 10)
                         for n in range(70))
        return xml.replace(b"</sheets>", extra + b"</sheets>", 1)
    refused(tmp_path, rebuild(base, {"xl/workbook.xml": many}), "more than 64 sheets")


# --- sizes ------------------------------------------------------------------------------------


def test_a_shared_string_bomb_is_refused_by_its_declared_size(
        base: bytes, tmp_path: Path, no_native_reader: list[str]) -> None:
    data = streamed_part(base, STRINGS, bomb_pieces(300))  # 300 MB of 'a' → about 300 KB
    assert len(data) < 1024 * 1024
    refused(tmp_path, data, STRINGS, "declares 314,572,", "inflated")


def test_a_bomb_whose_header_lies_is_measured_while_inflating(
        base: bytes, tmp_path: Path, no_native_reader: list[str]) -> None:
    data = set_declared_size(streamed_part(base, STRINGS, bomb_pieces(100)), STRINGS, 20_000)
    refused(tmp_path, data, STRINGS, "inflates past")  # stopped by the ratio, at ~10 MB


def test_a_header_that_lies_small_is_refused_even_below_the_caps(
        base: bytes, tmp_path: Path, no_native_reader: list[str]) -> None:
    with zipfile.ZipFile(io.BytesIO(base)) as source:
        size = source.getinfo(STRINGS).file_size
    refused(tmp_path, set_declared_size(base, STRINGS, size - 100), "not the", "declares")


def test_a_high_ratio_part_is_refused_past_a_few_megabytes(
        base: bytes, tmp_path: Path, no_native_reader: list[str]) -> None:
    # 8 MB of spaces inside the sheet: under the 32 MB cap, but 1000:1
    pieces = [sheet(b"")[:-len(b"</sheetData></worksheet>")], b" " * (8 * 1024 * 1024),
              b"</sheetData></worksheet>"]
    refused(tmp_path, streamed_part(base, SHEET, pieces), SHEET, "100:1")


def test_a_long_string_repeated_into_many_cells_is_refused(
        base: bytes, tmp_path: Path, no_native_reader: list[str]) -> None:
    # one 1 MB shared string (allowed) used by 100 cells: 100 MB of text once materialised
    strings = (b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
               b'count="100" uniqueCount="1"><si><t>' + b"b" * (1024 * 1024) + b"</t></si></sst>")
    cells = b"".join(b'<row r="%d"><c r="A%d" t="s"><v>0</v></c></row>' % (n, n)
                     for n in range(1, 101))
    refused(tmp_path, rebuild(base, {STRINGS: strings, SHEET: sheet(cells)}), "shared text")


def test_shared_string_counts_that_lie_are_refused(base: bytes, tmp_path: Path,
                                                   no_native_reader: list[str]) -> None:
    def lie(xml: bytes) -> bytes:
        return re.sub(rb'uniqueCount="\d+"', b'uniqueCount="4294967295"', xml, count=1)
    refused(tmp_path, rebuild(base, {STRINGS: lie}), "uniqueCount", "4294967295")


def test_too_many_parts_and_odd_containers_are_refused(base: bytes, tmp_path: Path,
                                                       no_native_reader: list[str]) -> None:
    parts: dict[str, bytes | Callable[[bytes], bytes] | None] = {
        f"xl/media/empty{n}.bin": b"" for n in range(2001)}
    refused(tmp_path, rebuild(base, parts), "parts (at most 2,000)")
    refused(tmp_path, base + b"trailing bytes", "not a readable XLSX workbook")
    refused(tmp_path, b"PK\x03\x04" + b"\x00" * 100, "not a readable XLSX workbook")
    refused(tmp_path, b"Date,Impressions\n1/1/2024,3\n", "not an XLSX workbook")
    with zipfile.ZipFile(io.BytesIO(base)) as source:  # bzip2: not allowed in XLSX
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_BZIP2) as target:
            for info in source.infolist():
                target.writestr(info.filename, source.read(info))
    refused(tmp_path, out.getvalue(), "compression method 12")


# --- XML that is not what a workbook holds -----------------------------------------------------


def test_a_doctype_is_refused_before_any_entity_is_expanded(
        base: bytes, tmp_path: Path, no_native_reader: list[str]) -> None:
    laughs = (b'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">'
              + b"".join(b'<!ENTITY %s "%s">' % (bytes([98 + n]), (b"&" + bytes([97 + n]) + b";")
                                                 * 10) for n in range(9))
              + b']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              b"<si><t>&j;</t></si></sst>")
    refused(tmp_path, rebuild(base, {STRINGS: laughs}), STRINGS, "DOCTYPE")
    refused(tmp_path, rebuild(base, {SHEET: lambda xml: xml.replace(
        b"<worksheet", b"<!doctype worksheet><worksheet", 1)}), "DOCTYPE")


def test_utf16_and_disguised_sheets_are_refused(base: bytes, tmp_path: Path,
                                                no_native_reader: list[str]) -> None:
    utf16 = sheet(b"").decode().encode("utf-16")
    refused(tmp_path, rebuild(base, {SHEET: utf16}), "UTF-16")
    disguised = b"\x00\x01junk" + sheet(b'<row r="1"><c r="A1"><v>1</v></c></row>')
    refused(tmp_path, rebuild(base, {"xl/printerSettings/p.bin": disguised}),
            "not XML but holds worksheet markup")
    refused(tmp_path, rebuild(base, {SHEET: sheet(b"<row><c r=")[:-30]}), "ends inside")


# --- files that are not files -----------------------------------------------------------------


def test_a_fifo_given_by_name_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.xlsx"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []
    worker = threading.Thread(target=lambda: outcome.append(_error(fifo)), daemon=True)
    worker.start()
    worker.join(timeout=20)
    assert not worker.is_alive(), "load_analytics blocked on a FIFO"
    assert isinstance(outcome[0], AnalyticsError)
    assert str(outcome[0]) == f"{fifo}: not a regular file (a pipe, socket or device), not " \
                              "an XLSX workbook"


def test_a_device_is_refused(tmp_path: Path) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    error = _error(Path("/dev/zero"))
    assert isinstance(error, AnalyticsError) and "not a regular file" in str(error)


def _error(path: Path) -> BaseException:
    try:
        load_analytics([path])
    except BaseException as exc:  # the test inspects whatever came out
        return exc
    raise AssertionError("no error")


# --- memory -----------------------------------------------------------------------------------

MEASURE = """
import resource, sys
from linkedin_stages.analytics import AnalyticsError, load_analytics
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    load_analytics([sys.argv[1]])
except AnalyticsError:
    pass
else:
    raise SystemExit("not refused")
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)
"""


@pytest.mark.parametrize("kind", ["lying bomb", "corner cell", "positional rows"])
def test_refusing_a_bomb_keeps_memory_small(base: bytes, tmp_path: Path, kind: str) -> None:
    if kind == "lying bomb":
        data = set_declared_size(streamed_part(base, STRINGS, bomb_pieces(300)), STRINGS, 9_000)
    elif kind == "corner cell":
        data = rebuild(base, {SHEET: sheet(b'<row r="1048576"><c r="XFD1048576"><v>1</v></c>'
                                           b"</row>", b"A1:XFD1048576")})
    else:  # 4 M rows without numbers (24 MB inflated), then one cell: refused at the cell
        data = streamed_part(base, SHEET, [HEAD + b"<sheetData>", *([b"<row/>" * 1_000_000] * 4),
                                           b"<row><c><v>1</v></c></row></sheetData></worksheet>"])
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(data)
    done = subprocess.run([sys.executable, "-c", MEASURE, str(path)], capture_output=True,
                          text=True, check=True)
    growth_kb = int(done.stdout.split()[-1])
    assert growth_kb < 200 * 1024, f"{kind}: peak memory grew by {growth_kb} KB"


def test_the_limits_leave_room_for_real_workbooks() -> None:
    # the largest real workbooks seen: 403 rows, 26 columns, 8 sheets, 160 KB, 876 KB inflated
    assert analytics.MAX_ROWS >= 100 * 403 and analytics.MAX_COLUMNS >= 26 * 9
    assert analytics.MAX_SHEETS >= 8 * 8 and analytics.MAX_BYTES >= 100 * 160_000
    assert analytics.MAX_INFLATED_BYTES >= 70 * 876_000


# --- found in an export, or given (analytics.load_workbooks, what the commands call) ---------


def test_a_hostile_workbook_found_in_an_export_is_a_warning_not_a_crash(
        base: bytes, tmp_path: Path, no_native_reader: list[str]) -> None:
    export = tmp_path / "export"
    export.mkdir()
    bomb = export / "bomb.xlsx"
    bomb.write_bytes(rebuild(base, {SHEET: sheet(b'<row r="1048576"><c r="XFD1048576"><v>1</v>'
                                                 b"</c></row>", b"A1:XFD1048576")}))
    found = analytics.load_workbooks([export])
    assert found.analytics is None and no_native_reader == []
    assert [n.level for n in found.notices] == ["Warning"]
    assert found.notices[0].text.startswith(f"{bomb}: ") and "\n" not in found.notices[0].text
    with pytest.raises(AnalyticsError, match=re.escape(str(bomb))):  # given: refused
        analytics.load_workbooks([export], [bomb])
