"""What real archives showed (issue 14), each quirk rebuilt from invented bytes: repeated
records, hidden members in conversations, late-2024 message layouts and drafts, `NA` as a
value, trailing blank lines, a workbook under a .csv name, split parts, root articles and
media-only archives."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import polars as pl

from linkedin_stages import load_export
from linkedin_stages.analysis import build_timeline

PROFILE = (b"First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,"
           b"Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\n"
           b"Camille,Exemple,,,,Invented headline,,Software,,,,,\n")
REGISTRATION = b"Registered At,Registration Ip,Subscription Types\n2019-01-05 10:00:00 UTC,,\n"
CONNECTIONS_PREAMBLE = (
    b"Notes:\n"
    b'"When exporting your connection data, you may notice that some of the email addresses '
    b'are missing."\n\n')
CONNECTIONS_HEADER = b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
SHARES_HEADER = b"Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n"
MESSAGES_10 = (b"CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,"
               b"RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER")
ME = b"https://www.linkedin.com/in/camille-exemple"
JORDAN = b"https://www.linkedin.com/in/jordan-testperson"


def _export(root: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root


def _post(day: str, post_id: str, text: str, media: str = "") -> bytes:
    return (f'{day},https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A{post_id},'
            f'"{text}",,{media},MEMBER_NETWORK\n').encode()


# --- 1. repeated records --------------------------------------------------------------


def test_a_post_written_many_times_counts_once_and_keeps_every_image(tmp_path: Path) -> None:
    text = " ".join(["invented"] * 40)
    rows = [_post("2024-03-04 10:00:00", "111", text)] * 30  # verbatim, like a real archive
    rows += [_post("2024-03-09 09:00:00", "222", text,
                   f"https://media.licdn.com/dms/image/invented-{n}") for n in range(3)]
    rows += [_post("2024-03-20 08:00:00", "333", text)]
    export = load_export(_export(tmp_path, {"Shares.csv": SHARES_HEADER + b"".join(rows),
                                            "Profile.csv": PROFILE}))
    shares = export.shares
    assert shares.height == 3
    assert shares["urn_id"].to_list() == ["111", "222", "333"]
    images = shares.filter(pl.col("urn_id") == "222")["media_url"].item().split("\n")
    assert images == [f"https://media.licdn.com/dms/image/invented-{n}" for n in range(3)]
    report = export.reports["shares"]
    assert report.rows == 3
    assert report.repairs[
        "posts written more than once (same date and link) counted once, media kept"] == 31
    month = build_timeline(export).monthly.filter(pl.col("month") == "2024-03")
    assert month["original_posts"].item() == 3


def test_identical_reactions_and_comments_count_once(tmp_path: Path) -> None:
    link = "https://www.linkedin.com/feed/update/urn:li:activity:7100000000000000001"
    reactions = b"Date,Type,Link\n" + f"2024-05-01 10:00:00,LIKE,{link}\n".encode() * 4
    comments = (b"Date,Link,Message\n"
                + f'2024-05-02 11:00:00,{link},"An invented comment"\n'.encode() * 2
                + f'2024-05-02 11:00:00,{link},"Another invented comment"\n'.encode())
    export = load_export(_export(tmp_path, {"Reactions.csv": reactions,
                                            "Comments.csv": comments, "Profile.csv": PROFILE}))
    assert export.reactions.height == 1
    assert export.comments.height == 2  # same date and post, different words: two comments
    assert export.reports["reactions"].repairs[
        "identical records written more than once, counted once"] == 3


def test_identical_ghost_connections_are_different_people(tmp_path: Path) -> None:
    rows = b",,,,,,12 Mar 2024\n" * 3 + b"Alex,Sample,,,Co,Engineer,12 Mar 2024\n"
    export = load_export(_export(tmp_path, {
        "Connections.csv": CONNECTIONS_PREAMBLE + CONNECTIONS_HEADER + rows}))
    assert export.connections.height == 4
    assert export.connections["ghost"].sum() == 3


# --- 2 and 3. conversations: hidden members, sponsored messages, drafts -----------------


def _message(conv: str, title: str, sender: bytes, url: bytes, to: bytes, when: str,
             content: str, extra: bytes = b"") -> bytes:
    return (conv.encode() + b"," + title.encode() + b"," + sender + b"," + url + b"," + to
            + b",," + f"{when} UTC,,{content},INBOX".encode() + extra + b"\n")


def test_a_hidden_member_who_writes_first_is_a_correspondent_not_an_ad(tmp_path: Path) -> None:
    rows = [
        # A real person whose account is gone writes first; the member answers.
        _message("2-aaa", "", b"LinkedIn Member", b"", b"Camille Exemple",
                 "2024-02-01 09:00:00", "Hello, an invented question"),
        _message("2-aaa", "", b"Camille Exemple", ME, b"LinkedIn Member",
                 "2024-02-01 10:00:00", "An invented answer"),
        # An advertisement: titled so.
        _message("2-bbb", "Sponsored Conversation", b"Example Corp", b"", b"Camille Exemple",
                 "2024-02-03 09:00:00", "Invented offer"),
        # A one-way message with no sender: an advertisement too.
        _message("2-ccc", "", b"LinkedIn Member", b"", b"Camille Exemple",
                 "2024-02-04 09:00:00", "Invented promotion"),
        # The member starts a conversation.
        _message("2-ddd", "", b"Camille Exemple", ME, b"Jordan Testperson",
                 "2024-02-05 09:00:00", "Invented outreach"),
    ]
    export = load_export(_export(tmp_path, {
        "messages.csv": MESSAGES_10 + b"\n" + b"".join(rows), "Profile.csv": PROFILE,
        "Registration.csv": REGISTRATION}))
    m = export.messages
    assert m["sponsored"].to_list() == [False, False, True, True, False]
    assert m["direction"].to_list() == ["received", "sent", "received", "received", "sent"]
    month = build_timeline(export).monthly.filter(pl.col("month") == "2024-02")
    assert month["new_conversations"].item() == 2
    assert month["outreach"].item() == 1  # the reply to the hidden member is not outreach
    assert month["messages_received"].item() == 1


def test_late_2024_layouts_are_named_and_drafts_never_count(tmp_path: Path) -> None:
    header12 = MESSAGES_10 + b",IS MESSAGE DRAFT,IS CONVERSATION DRAFT\n"
    rows12 = [
        _message("2-aaa", "", b"Jordan Testperson", JORDAN, b"Camille Exemple",
                 "2024-10-01 09:00:00", "Invented hello", b",No,No"),
        _message("2-aaa", "", b"Camille Exemple", ME, b"Jordan Testperson",
                 "2024-10-01 10:00:00", "Invented reply", b",No,No"),
        # A draft reply in that conversation, and a draft of a new conversation (no id).
        _message("2-aaa", "", b"Camille Exemple", ME, b"Jordan Testperson",
                 "2024-10-02 10:00:00", "Invented unsent words", b",Yes,No"),
        _message("", "", b"Camille Exemple", ME, b"", "2024-10-03 10:00:00",
                 "Invented unsent start", b",Yes,No"),
    ]
    export = load_export(_export(tmp_path / "a", {
        "messages.csv": header12 + b"".join(rows12), "Profile.csv": PROFILE,
        "Registration.csv": REGISTRATION}))
    report = export.reports["messages"]
    assert report.variant == "12 columns, draft flags (late 2024 on)"
    assert report.repairs["unsent drafts kept apart (never counted as sent)"] == 2
    assert "conversation ids derived from participants and subject" not in report.repairs
    m = export.messages
    assert m["draft"].to_list() == [False, False, True, True]
    assert m["direction"].to_list() == ["received", "sent", "draft", "draft"]
    assert m["conversation_id"].to_list() == ["2-aaa", "2-aaa", "2-aaa", None]  # none invented
    month = build_timeline(export).monthly.filter(pl.col("month") == "2024-10")
    assert month["messages_sent"].item() == 1
    assert month["new_conversations"].item() == 1 and month["outreach"].item() == 0

    header11 = MESSAGES_10 + b",ATTACHMENTS\n"
    rows11 = _message("2-aaa", "", b"Jordan Testperson", JORDAN, b"Camille Exemple",
                      "2025-10-01 09:00:00", "Invented hello",
                      b",https://www.linkedin.com/dms/invented-file")
    export = load_export(_export(tmp_path / "b", {"messages.csv": header11 + rows11,
                                                  "Profile.csv": PROFILE}))
    assert export.reports["messages"].variant == "11 columns, ATTACHMENTS (late 2024 on)"
    assert export.messages["direction"].to_list() == ["received"]


# --- 4. `NA` is a value in LinkedIn's own files -----------------------------------------


def test_a_lone_na_position_is_kept_and_does_not_mean_a_re_save(tmp_path: Path) -> None:
    rows = (b"Alex,Sample,https://www.linkedin.com/in/alex,,Example Co,NA,12 Mar 2024\n"
            b"Sam,Other,https://www.linkedin.com/in/sam,,N/A,Engineer,13 Mar 2024\n"
            b"Kim,Third,https://www.linkedin.com/in/kim,,,,14 Mar 2024\n")
    export = load_export(_export(tmp_path, {
        "Connections.csv": CONNECTIONS_PREAMBLE + CONNECTIONS_HEADER + rows}))
    report = export.reports["connections"]
    assert "re-saved" not in report.variant
    assert report.variant == "Notes preamble, URL column"
    assert export.connections["position"].to_list() == ["NA", "Engineer", None]
    assert export.connections["company"].to_list() == ["Example Co", "N/A", None]
    assert not any("NA" in what for what in report.repairs)


def test_na_filling_every_empty_cell_is_a_placeholder(tmp_path: Path) -> None:
    # LinkedIn's Learning file writes `N/A` in every cell it has no value for.
    data = (b"Content Title,Content Description,Content Type,Content Last Watched Date (if "
            b"viewed),Content Completed At (if completed),Content Saved,Notes taken on videos "
            b"(if taken)\n"
            b"Invented Course,Invented text,Course,2021-03-25 08:46 UTC,N/A,false,N/A\n"
            b"Other Course,Other text,Video,2021-04-02 19:10 UTC,N/A,true,N/A\n")
    export = load_export(_export(tmp_path, {"Learning.csv": data, "Profile.csv": PROFILE}))
    assert export.learning["notes"].to_list() == [None, None]
    assert export.reports["learning"].repairs == {"`N/A` cells read as empty": 4}
    assert "re-saved" not in export.reports["learning"].variant


# --- 5. a trailing blank line -----------------------------------------------------------


def test_trailing_blank_lines_are_not_broken_quoting(tmp_path: Path) -> None:
    link = "https://www.linkedin.com/feed/update/urn:li:activity:7100000000000000001"
    reactions = b"Date,Type,Link\n" + f"2024-05-01 10:00:00,LIKE,{link}\n".encode() + b"\n\n"
    shares = SHARES_HEADER + _post("2024-03-04 10:00:00", "111", "Invented words") + b"\n"
    export = load_export(_export(tmp_path, {"Reactions.csv": reactions, "Shares.csv": shares,
                                            "Profile.csv": PROFILE}))
    for name in ("reactions", "shares"):
        report = export.reports[name]
        assert report.rows == 1
        assert "file re-split on record dates (broken quoting)" not in report.repairs
        assert not report.warnings


# --- 6. a spreadsheet under a .csv name -------------------------------------------------


def test_a_workbook_saved_as_csv_is_named_and_does_not_make_the_archive_complete(
        tmp_path: Path) -> None:
    workbook = b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 200  # the start of an XLSX
    export = load_export(_export(tmp_path, {
        "Reactions.csv": workbook, "Profile.csv": PROFILE, "Registration.csv": REGISTRATION,
        "Connections.csv": CONNECTIONS_PREAMBLE + CONNECTIONS_HEADER
        + b"Alex,Sample,,,Co,Engineer,12 Mar 2024\n"}))
    report = export.reports["reactions"]
    assert not report.readable
    assert "spreadsheet workbook (XLSX" in report.warnings[0]
    assert report.warnings[0].startswith("Reactions.csv: ")
    assert export.archive == "basic"


def test_read_as_text_columns_not_dates(tmp_path: Path) -> None:
    # `NA` in a date column is never a date: no "not a date" warning for it.
    rows = b"Alex,Sample,,,Co,Engineer,NA\nSam,Other,,,Co,Engineer,12 Mar 2024\n"
    export = load_export(_export(tmp_path, {
        "Connections.csv": CONNECTIONS_PREAMBLE + CONNECTIONS_HEADER + rows}))
    assert export.connections["connected_on"].to_list() == [None, datetime(2024, 3, 12)]
    assert not export.reports["connections"].warnings


def test_comments_pasted_together_lose_no_record_and_gain_no_header(tmp_path: Path) -> None:
    link = "https://www.linkedin.com/feed/update/urn:li:activity:7100000000000000001"
    first = (b"Date,Link,Message\n" + f"2024-05-01 10:00:00,{link},First invented\n".encode())
    second = (b"\xef\xbb\xbfDate,Link,Message\n"
              + f"2024-05-02 10:00:00,{link},Second invented\n".encode()
              + b"\xef\xbb\xbf" + f"2024-05-03 10:00:00,{link},Third invented\n".encode())
    export = load_export(_export(tmp_path, {"Comments.csv": first + second,
                                            "Profile.csv": PROFILE}))
    assert export.comments["message"].to_list() == ["First invented", "Second invented",
                                                    "Third invented"]
    report = export.reports["comments"]
    assert report.dropped["header lines repeated mid-file"] == 1
    assert report.repairs["byte-order marks removed mid-file"] == 2


def test_two_na_positions_in_a_linkedin_file_are_values(tmp_path: Path) -> None:
    rows = (b"Alex,Sample,https://www.linkedin.com/in/alex,,Example Co,NA,12 Mar 2024\n"
            b"Sam,Other,https://www.linkedin.com/in/sam,,Other Co,NA,13 Mar 2024\n")
    export = load_export(_export(tmp_path, {
        "Connections.csv": CONNECTIONS_PREAMBLE + CONNECTIONS_HEADER + rows}))
    assert export.connections["position"].to_list() == ["NA", "NA"]
    assert not export.reports["connections"].repairs.get("`NA` cells read as empty")


def test_messages_of_one_second_that_differ_in_attachments_are_both_kept(
        tmp_path: Path) -> None:
    header11 = MESSAGES_10 + b",ATTACHMENTS\n"
    rows = b"".join(
        _message("2-aaa", "", b"Camille Exemple", ME, b"Jordan Testperson",
                 "2025-10-01 09:00:00", "", f",https://www.linkedin.com/dms/invented-{n}".encode())
        for n in range(3))
    export = load_export(_export(tmp_path, {"messages.csv": header11 + rows,
                                            "Profile.csv": PROFILE}))
    assert export.messages.height == 3
    assert "attachments" in export.messages.columns


def test_identical_messages_dated_to_the_minute_are_not_merged(tmp_path: Path) -> None:
    # 2018 layout: dates to the minute, so two identical "ok" of one minute may both be real.
    data = (b"From,To,Date,Subject,Content,Direction,Folder\n"
            b'Camille Exemple,Jordan Testperson,"3/5/18, 9:15 AM",,ok,OUTGOING,INBOX\n'
            b'Camille Exemple,Jordan Testperson,"3/5/18, 9:15 AM",,ok,OUTGOING,INBOX\n')
    export = load_export(_export(tmp_path, {"Messages.csv": data, "Profile.csv": PROFILE}))
    assert export.messages.height == 2


def test_a_workbook_under_a_recognised_activity_name_does_not_make_it_complete(
        tmp_path: Path) -> None:
    export = load_export(_export(tmp_path, {
        "Logins.csv": b"PK\x03\x04" + b"\x00" * 64, "Profile.csv": PROFILE,
        "Registration.csv": REGISTRATION,
        "Connections.csv": CONNECTIONS_PREAMBLE + CONNECTIONS_HEADER
        + b"Alex,Sample,,,Co,Engineer,12 Mar 2024\n"}))
    assert export.archive == "basic"
    assert any(w.startswith("Logins.csv: a spreadsheet workbook") for w in export.warnings)


def test_a_byte_order_mark_before_a_row_mid_file_is_removed(tmp_path: Path) -> None:
    rows = (b"Alex,Sample,,,Co,Engineer,12 Mar 2024\n"
            b"\xef\xbb\xbfSam,Other,,,Co,Engineer,13 Mar 2024\n")
    export = load_export(_export(tmp_path, {
        "Connections.csv": CONNECTIONS_PREAMBLE + CONNECTIONS_HEADER + rows}))
    assert export.connections["first_name"].to_list() == ["Alex", "Sam"]
    assert export.reports["connections"].repairs["byte-order marks removed mid-file"] == 1


def test_an_unclosed_quote_in_a_comment_does_not_swallow_the_rest(tmp_path: Path) -> None:
    link = "https://www.linkedin.com/feed/update/urn:li:activity:7100000000000000001"
    rows = [f'2024-01-{1 + n % 28:02d} 10:{n % 60:02d}:00,{link},"Invented {n}"\n'
            for n in range(60)]
    rows[20] = rows[20].replace('"\n', "\n")  # its closing quote is lost
    rows.append("   \n,,\n")  # blank-ish trailing lines belong to no message
    export = load_export(_export(tmp_path, {
        "Comments.csv": b"Date,Link,Message\n" + "".join(rows).encode(),
        "Profile.csv": PROFILE}))
    messages = export.comments["message"].to_list()
    assert len(messages) == 60
    assert messages[20] == "Invented 20" and messages[59] == "Invented 59"
    report = export.reports["comments"]
    assert report.repairs[
        "unclosed quotes read literally (the records after them recovered)"] == 1
    assert not any("never closed; kept as is" in w for w in report.warnings)


def test_rows_of_delimiters_only_are_blank_lines(tmp_path: Path) -> None:
    link = "https://www.linkedin.com/feed/update/urn:li:activity:7100000000000000001"
    reposts = b"Date,Link\n" + f"2025-03-01 10:00:00,{link}\n".encode() + b",,\n"
    media = (b"Date/Time,Media Description,Media Link\n"
             b'"You uploaded a photo on January 5, 2025 at 10:00 AM (GMT)", -,'
             b"https://media.licdn.com/dms/image/v2/INVENTED/1\n,,,,,\n")
    export = load_export(_export(tmp_path, {"InstantReposts.csv": reposts,
                                            "Rich_Media.csv": media, "Profile.csv": PROFILE}))
    for name in ("reposts", "rich_media"):
        report = export.reports[name]
        assert report.rows == 1, name
        assert "file re-split on record dates (broken quoting)" not in report.repairs
        assert not report.dropped


def test_reactions_differing_only_in_an_unreadable_date_are_kept(tmp_path: Path) -> None:
    link = "https://www.linkedin.com/feed/update/urn:li:activity:7100000000000000001"
    rows = "".join(f"{d},LIKE,{link}\n" for d in ("2024-02-30 10:00:00", "2024-13-01 10:00:00",
                                                   "0000-00-00 00:00:00"))
    export = load_export(_export(tmp_path, {"Reactions.csv": b"Date,Type,Link\n" + rows.encode(),
                                            "Profile.csv": PROFILE}))
    assert export.reactions.height == 3


def test_a_few_n_a_positions_in_a_linkedin_file_are_values(tmp_path: Path) -> None:
    rows = b"".join(f"P{n},Q{n},,,Co,{'N/A' if n < 2 else 'Engineer'},12 Mar 2024\n".encode()
                    for n in range(40))
    export = load_export(_export(tmp_path, {
        "Connections.csv": CONNECTIONS_PREAMBLE + CONNECTIONS_HEADER + rows}))
    assert export.connections["position"].to_list()[:3] == ["N/A", "N/A", "Engineer"]
