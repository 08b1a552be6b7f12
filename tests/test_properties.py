"""Property tests: the Comments and Shares repairs never lose or invent a record, and give back
the member's exact text (quotes, commas, newlines, backslashes, emoji), in every era's dialect."""

from __future__ import annotations

import os
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linkedin_stages import load_export
from linkedin_stages.synth.writers import comments_bytes, shares_bytes

# Text as members type it: letters, punctuation that breaks CSV, line breaks, emoji, accents.
ALPHABET = st.one_of(
    st.sampled_from(list('abcXYZ 0123,."\'\\;:\t\n!?#@-_/()*&%é’🙂𝗪✓')),
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")),
)
TEXT = st.text(ALPHABET, min_size=1, max_size=120).filter(lambda t: t.strip() != "")
BASE = datetime(2021, 1, 1, 9, 0, 0)

SETTINGS = settings(max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "60")), deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


def _export(tmp_path: Path, name: str, data: bytes) -> Path:
    folder = Path(tempfile.mkdtemp(dir=tmp_path))  # hypothesis reuses tmp_path across examples
    (folder / name).write_bytes(data)
    return folder


def _expected_comment(message: str, era: str) -> str:
    # In the 2021–24 dialect an unquoted message's trailing line breaks are indistinguishable
    # from the record separator, so they cannot survive; the text before them always does.
    if era == "2021" and "," not in message and '"' not in message:
        return message.rstrip("\n")
    return message


@pytest.mark.parametrize("era", ["2021", "2025"])
@SETTINGS
@given(messages=st.lists(TEXT, min_size=1, max_size=8))
def test_comments_round_trip(tmp_path: Path, era: str, messages: list[str]) -> None:
    records = [
        {"date": BASE + timedelta(hours=i), "message": m,
         "link": f"https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A{7000 + i}"}
        for i, m in enumerate(messages)
    ]
    folder = _export(tmp_path, "Comments.csv", comments_bytes(records, era))
    frame = load_export(folder, datasets=["comments"]).comments
    assert frame.height == len(messages)
    assert frame["timestamp"].to_list() == [r["date"] for r in records]
    assert frame["urn_id"].to_list() == [str(7000 + i) for i in range(len(messages))]
    expected = [_expected_comment(m, era) or None for m in messages]
    assert frame["message"].to_list() == expected


@pytest.mark.parametrize("era", ["2021", "2024", "2025"])
@SETTINGS
@given(posts=st.lists(st.one_of(TEXT, st.just("")), min_size=1, max_size=8))
def test_shares_round_trip(tmp_path: Path, era: str, posts: list[str]) -> None:
    shares = [
        {"date": BASE + timedelta(days=i), "commentary": text,
         "link": f"https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A{9000 + i}",
         "shared_url": "https://news.example.com/a,b" if i % 2 else None}
        for i, text in enumerate(posts)
    ]
    folder = _export(tmp_path, "Shares.csv", shares_bytes(shares, era))
    frame = load_export(folder, datasets=["shares"]).shares
    assert frame.height == len(posts)
    assert frame["timestamp"].to_list() == [s["date"] for s in shares]
    assert frame["commentary"].to_list() == [t or None for t in posts]
    assert frame["shared_domain"].to_list() == [
        "news.example.com" if i % 2 else None for i in range(len(posts))
    ]
    assert frame["urn_type"].to_list() == ["share"] * len(posts)


@SETTINGS
@given(posts=st.lists(TEXT, min_size=1, max_size=6))
def test_shares_2018_utf16_round_trip(tmp_path: Path, posts: list[str]) -> None:
    shares = [
        {"date": BASE + timedelta(days=i), "commentary": text, "title": f"Title {i}",
         "link": f"https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A{100 + i}"}
        for i, text in enumerate(posts)
    ]
    folder = _export(tmp_path, "Shares.csv", shares_bytes(shares, "2018"))
    export = load_export(folder, datasets=["shares"])
    frame = export.shares
    assert export.reports["shares"].encoding.startswith("utf-16-le")
    assert frame.height == len(posts)
    assert frame["commentary"].to_list() == [t.replace("\r\n", "\n") for t in posts]
    assert frame["title"].to_list() == [f"Title {i}" for i in range(len(posts))]


def test_comment_with_a_dated_line_inside_quotes_is_one_record(tmp_path: Path) -> None:
    message = 'Agenda, "draft"\n2024-01-02 10:00:00,not a new record'
    records = [{"date": BASE, "message": message, "link": "https://x.example/urn%3Ali%3Aactivity%3A1"},
               {"date": BASE + timedelta(1), "message": "next", "link": "https://x.example/2"}]
    for era in ("2021", "2025"):
        folder = _export(tmp_path, "Comments.csv", comments_bytes(records, era))
        assert load_export(folder, datasets=["comments"]).comments["message"].to_list() == [
            message, "next"]


def _comments_both_ways(data: bytes):
    """Comments.csv read by the RFC fast path (None if it declines) and by record splitting."""
    from linkedin_stages.csvread import (
        ReadNotes,
        date_led_records,
        linked_records_rfc,
        locate,
        split_last_free_text,
    )
    from linkedin_stages.source import FileData

    columns = ["Date", "Link", "Message"]
    fast_notes, slow_notes = ReadNotes(), ReadNotes()
    _, _, body = locate(FileData.from_bytes("Comments.csv", data),
                        [frozenset({"date", "link", "message"})], fast_notes)
    fast = linked_records_rfc(body, columns, fast_notes)
    records, backslash = date_led_records(body, slow_notes, linked=True)
    slow = split_last_free_text(records, columns, slow_notes, backslash)
    return fast, fast_notes, slow, slow_notes


@pytest.mark.parametrize("era", ["2021", "2025"])
@SETTINGS
@given(messages=st.lists(st.one_of(TEXT, TEXT.map(lambda t: t + "\\")), min_size=1,
                         max_size=8))
def test_comments_fast_path_agrees_with_record_splitting(era: str, messages: list[str]) -> None:
    """Whenever polars' RFC reading of Comments is accepted, it gives exactly what splitting
    the file on its record dates gives (texts, and the repairs reported)."""
    records = [
        {"date": BASE + timedelta(hours=i), "message": m,
         "link": f"https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A{7000 + i}"}
        for i, m in enumerate(messages)
    ]
    fast, fast_notes, slow, slow_notes = _comments_both_ways(comments_bytes(records, era))
    if fast is not None:
        assert fast.to_dict(as_series=False) == slow.to_dict(as_series=False)
        assert fast_notes.repairs == slow_notes.repairs


def test_comments_fast_path_declines_what_it_cannot_read() -> None:
    header = b"Date,Link,Message\r\n"
    link = b"https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A1"
    unquoted_multiline = header + b"2023-12-10 09:53:09," + link + b",Interested\r\nRole\r\n"
    fast, _, slow, _ = _comments_both_ways(unquoted_multiline)
    assert fast is None and slow["Message"].to_list() == ["Interested\nRole"]
    # A message ending in a backslash: `\"` before the line end is its closing quote.
    backslash_end = (b"Date,Link,Message\n2025-05-01 12:15:05," + link + b',"\\"Ha\\" C:\\"\n'
                     b"2025-05-02 12:15:05," + link + b",next\n")
    fast, _, slow, _ = _comments_both_ways(backslash_end)
    assert fast is None and slow["Message"].to_list() == ['"Ha" C:\\', "next"]
    valid = header + b"2023-12-10 09:53:09," + link + b',"Hi, ""you""\r\nthere"\r\n'
    fast, notes, slow, _ = _comments_both_ways(valid)
    assert fast is not None and fast["Message"].to_list() == ['Hi, "you"\nthere']
