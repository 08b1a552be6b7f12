"""Every era's export, read from the project's own invented fixtures (tests/fixtures/), as a
folder, as the downloaded zip and as a Mac-nested zip: exact rows, dates, repaired texts,
flags, and the provenance the reports give."""

from __future__ import annotations

import os
import zipfile
from datetime import date, datetime
from pathlib import Path

import polars as pl
import pytest

from conftest import ERAS, KINDS, ZIP_STEM, build_export
from linkedin_stages import load_export
from linkedin_stages.readers import DATASETS, SPECS

FEED = "https://www.linkedin.com/feed/update/"
ME_URL = "https://www.linkedin.com/in/camille-exemple-0a1b2c"


def col(frame: pl.DataFrame, name: str) -> list[object]:
    return frame[name].to_list()


def assert_report(report, *, file: str, rows: int, first: date | None, last: date | None,
                  encoding: str = "utf-8", delimiter: str = ",", line_ending: str = "LF",
                  variant: str | None = None, repairs: dict[str, int] | None = None,
                  dropped: dict[str, int] | None = None) -> None:
    assert report.file == file
    assert report.rows == rows
    assert report.first == first
    assert report.last == last
    assert report.encoding == encoding
    assert report.delimiter == delimiter
    assert report.line_ending == line_ending
    if variant is not None:
        assert report.variant == variant
    assert report.repairs == (repairs or {})
    assert report.dropped == (dropped or {})
    assert report.warnings == []
    assert report.readable


@pytest.fixture
def e2018(loaded, kind):
    return loaded("era2018", kind)


@pytest.fixture
def e2021(loaded, kind):
    return loaded("era2021", kind)


@pytest.fixture
def e2025(loaded, kind):
    return loaded("era2025", kind)


# --- 2018 ---------------------------------------------------------------------------------


def test_2018_export_overview(e2018):
    export, built = e2018
    assert export.source_kind == ("folder" if built.kind == "folder" else "zip")
    assert export.location == built.path
    assert export.archive == "complete"  # Shares.csv and Logins.csv only come in a complete one
    assert export.member_name == "Camille Exemple"
    assert list(export.reports) == [
        "connections", "invitations", "messages", "shares", "articles", "profile",
        "registration", "positions", "education", "rich_media",
    ]
    assert export.missing == [
        "comments", "reactions", "reposts", "votes", "skills", "endorsements_received",
        "endorsements_given", "recommendations_received", "recommendations_given",
        "company_follows", "member_follows", "hashtag_follows", "events", "saved_items",
        "learning",
    ]
    assert export.recognised_files == [built.member("Logins.csv")]
    assert export.unknown_files == []
    assert export.warnings == []
    # every dataset is there, with its fixed schema, found or not
    assert list(export.tables) == list(DATASETS)
    for name in DATASETS:
        assert export.tables[name].schema == pl.Schema(SPECS[name].schema)


def test_2018_connections(e2018):
    export, built = e2018
    assert_report(export.reports["connections"], file=built.member("Connections.csv"), rows=4,
                  first=date(2016, 12, 31), last=date(2018, 10, 18),
                  variant="no preamble, no URL column")
    c = export.connections
    assert col(c, "full_name") == ["Jordan Testperson", "Priya Fictive", "Marco Inventato",
                                   "Lena Beispiel"]
    assert col(c, "email") == ["jordan.testperson@example.com", None, None, "lena@example.org"]
    assert col(c, "company") == ["Examplecorp", "Demo Widgets, Ltd", "Sample Labs",
                                 "Beispiel Werkstatt"]
    assert col(c, "url") == [None] * 4  # no URL column before 2024
    assert col(c, "connected_on") == [
        datetime(2018, 1, 8, 18, 14), datetime(2018, 10, 18, 1, 21), datetime(2017, 3, 2, 11, 5),
        datetime(2016, 12, 31, 0, 0),  # 12:00 AM is midnight
    ]
    assert col(c, "ghost") == [False] * 4
    assert col(c, "date_only") == [False] * 4  # 2018 gives a time of day


def test_2018_shares_utf16(e2018):
    export, built = e2018
    assert_report(export.reports["shares"], file=built.member("Shares.csv"), rows=3,
                  first=date(2015, 10, 4), last=date(2018, 9, 30),
                  encoding="utf-16-le (BOM)", delimiter="\t", line_ending="LF",
                  variant="2018 layout (UTF-16, TAB, Share Title/Description)")
    s = export.shares
    assert col(s, "timestamp") == [datetime(2018, 9, 30, 7, 45, 12),
                                   datetime(2017, 6, 8, 8, 15, 44),
                                   datetime(2015, 10, 4, 16, 0, 15)]
    assert col(s, "commentary") == ["Three invented words", None,
                                    "Invented commentary, with a comma"]
    assert col(s, "title") == [None, None, "An invented title"]
    assert col(s, "description") == [None, None, "An invented description"]
    assert col(s, "share_link") == [FEED + "urn%3Ali%3Aactivity%3A6451000000000000001",
                                    FEED + "urn%3Ali%3Aactivity%3A6277000000000000002",
                                    FEED + "urn%3Ali%3Aactivity%3A6056000000000000003"]
    assert col(s, "urn_type") == ["activity"] * 3
    assert col(s, "urn_id") == ["6451000000000000001", "6277000000000000002",
                                "6056000000000000003"]
    assert col(s, "post_urn")[0] == "urn:li:activity:6451000000000000001"
    assert col(s, "shared_url") == ["https://www.example.org/blog/post-1", None,
                                    "http://example.com/page"]
    assert col(s, "shared_domain") == ["example.org", None, "example.com"]
    assert col(s, "own_media") == [False, False, True]
    assert col(s, "visibility") == ["Public", "Connections", "Public"]
    assert col(s, "share_type") == ["Homepage"] * 3
    assert col(s, "word_count") == [3, 0, 5]


def test_2018_messages_direction_given(e2018):
    export, built = e2018
    assert_report(export.reports["messages"], file=built.member("Messages.csv"), rows=3,
                  first=date(2018, 2, 3), last=date(2018, 10, 16),
                  variant="2018 layout (7 columns, Direction given)",
                  repairs={"conversation ids derived from participants and subject": 3})
    m = export.messages
    assert col(m, "from_name") == ["Jordan Testperson", "Camille Exemple", "Priya Fictive"]
    assert col(m, "direction") == ["received", "sent", "received"]
    assert col(m, "sent_at") == [datetime(2018, 10, 16, 8, 36), datetime(2018, 10, 16, 9, 2),
                                 datetime(2018, 2, 3, 23, 15)]
    assert col(m, "content") == ["Hi Camille,Invented body, with HTML entity &#39; kept",
                                 "Thanks Jordan", "Invented short note\non two lines"]
    assert col(m, "subject") == ["Invented subject line", "RE: Invented subject line", None]
    assert col(m, "folder") == ["INBOX", "INBOX", "ARCHIVE"]
    assert col(m, "sponsored") == [False] * 3
    ids = col(m, "conversation_id")
    assert all(str(i).startswith("derived-") for i in ids)
    assert ids[2] not in ids[:2]  # Priya's conversation is not Jordan's


def test_2018_invitations(e2018):
    export, built = e2018
    assert_report(export.reports["invitations"], file=built.member("Invitations.csv"), rows=3,
                  first=date(2018, 1, 5), last=date(2018, 8, 18), variant="no profile URLs")
    i = export.invitations
    assert col(i, "from_name") == ["Camille Exemple", "Noor Example", "Camille Exemple"]
    assert col(i, "to_name") == ["Sam Demo", "Camille Exemple", "Lena Beispiel"]
    assert col(i, "direction") == ["outgoing", "incoming", "outgoing"]
    assert col(i, "message") == [None, "Invented note text", "Hello Lena, an invented note."]
    assert col(i, "sent_at") == [datetime(2018, 8, 18, 9, 8), datetime(2018, 7, 10, 0, 37),
                                 datetime(2018, 1, 5, 16, 40)]
    assert col(i, "inviter_url") == [None] * 3


def test_2018_profile_registration_career(e2018):
    export, built = e2018
    assert export.reports["profile"].variant == "2018 layout"
    p = export.profile.row(0, named=True)
    assert p["full_name"] == "Camille Exemple"
    assert p["birth_date"] == "Feb 17, 1988"
    assert p["headline"] == "Invented headline, with comma"
    assert p["country"] == "Examplecountry"
    assert p["location"] == "Exampletown Area"
    assert p["websites"] == "PORTFOLIO:https://example.com, OTHER:https://example.org"
    assert p["twitter"] == "camille_ex"
    assert_report(export.reports["registration"], file=built.member("Registration.csv"), rows=1,
                  first=date(2015, 6, 19), last=date(2015, 6, 19), variant="2018 layout")
    assert export.registered_at == datetime(2015, 6, 19, 10, 16)
    pos = export.positions
    assert col(pos, "company") == ["Examplecorp Inc.", "Sample Labs"]  # trailing space trimmed
    assert col(pos, "location") == ["Exampletown, Examplecountry", "Othertown, Examplecountry"]
    assert col(pos, "started_on") == [date(2017, 3, 1), date(2014, 6, 1)]
    assert col(pos, "finished_on") == [None, date(2017, 2, 1)]
    edu = export.education.row(0, named=True)
    assert (edu["school"], edu["start_date"], edu["end_date"], edu["degree"]) == (
        "Example University", date(2010, 1, 1), date(2014, 1, 1), "Invented Degree, Field")


def test_2018_articles_draft_and_published(e2018):
    export, built = e2018
    assert_report(export.reports["articles"], file=built.member("Articles/ (2 files)"), rows=2,
                  first=date(2018, 3, 14), last=date(2018, 3, 14), encoding="utf-8 (HTML)",
                  delimiter="", variant="HTML", repairs={"drafts kept and flagged": 1})
    a = export.articles
    assert col(a, "file") == [built.member("Articles/2017-12-09 04:54:08.html"),
                              built.member("Articles/invented-2018-article-camille-exemple.html")]
    assert col(a, "title") == ["Untitled", "An Invented 2018 Article"]
    assert col(a, "draft") == [True, False]
    assert col(a, "slug") == [None, "invented-2018-article-camille-exemple"]
    # a draft's `post/edit` link is not a public article URL
    assert col(a, "url") == [
        None, "https://www.linkedin.com/pulse/invented-2018-article-camille-exemple"]
    assert col(a, "created") == [datetime(2017, 12, 9, 4, 54), datetime(2018, 3, 13, 21, 10)]
    assert col(a, "published") == [None, datetime(2018, 3, 14, 9, 30)]
    assert col(a, "body") == ["invented",
                              "First invented paragraph, five words.\n\nSecond one & last."]
    assert col(a, "word_count") == [1, 9]


def test_2018_videos_undated(e2018):
    export, built = e2018
    assert_report(export.reports["rich_media"], file=built.member("Videos.csv"), rows=2,
                  first=None, last=None, variant="undated (to 2024)")
    assert col(export.rich_media, "description") == ["Invented video description",
                                                     "Another invented clip"]
    assert col(export.rich_media, "timestamp") == [None, None]


# --- 2021 ---------------------------------------------------------------------------------


def test_2021_export_overview(e2021):
    export, built = e2021
    assert export.archive == "complete"
    assert export.member_name == "Camille Exemple"
    assert export.missing == ["reposts", "articles", "positions", "education", "skills",
                              "recommendations_received", "recommendations_given", "events"]
    assert export.recognised_files == []
    assert export.unknown_files == []
    assert export.warnings == []
    assert export.reports["rich_media"].file == built.member("Rich Media.csv")
    assert export.reports["company_follows"].file == built.member("Company Follows.csv")


def test_2021_connections_preamble_ghosts(e2021):
    export, built = e2021
    assert_report(export.reports["connections"], file=built.member("Connections.csv"), rows=5,
                  first=date(2014, 2, 5), last=date(2021, 6, 17),
                  variant="Notes preamble, no URL column",
                  repairs={"lines before the header skipped (Notes preamble)": 3,
                           "ghost rows (only a date) kept and flagged": 2})
    c = export.connections
    assert col(c, "full_name") == ["Jordan Testperson", None, "Priya Fictive", None,
                                   "Marco Inventato"]
    assert col(c, "ghost") == [False, True, False, True, False]
    assert col(c, "position")[0] == "Manager, Data Platform"
    assert col(c, "connected_on") == [datetime(2021, 6, 17), datetime(2021, 3, 25),
                                      datetime(2014, 2, 5), datetime(2021, 3, 25),
                                      datetime(2020, 1, 2)]  # last line has no newline
    assert col(c, "date_only") == [True] * 5
    assert col(c, "url") == [None] * 5


def test_2021_comments_unquoted_multiline(e2021):
    export, built = e2021
    assert_report(export.reports["comments"], file=built.member("Comments.csv"), rows=5,
                  first=date(2021, 6, 1), last=date(2021, 11, 20), line_ending="CRLF",
                  variant="CRLF, multi-line messages unquoted (2021–24)",
                  repairs={"unquoted multi-line messages joined": 1})
    c = export.comments
    assert col(c, "message") == [
        "Congratulations Jordan",
        'Invented comment with a formula value= "X1"',
        "Interested\nRole (invented detail)\ncamille@example.com",
        "Congratulations, well deserved ",
        "Great point, Priya\nSecond line of an invented reply",
    ]
    assert col(c, "timestamp") == [
        datetime(2021, 11, 20, 18, 3, 34), datetime(2021, 10, 15, 20, 57, 34),
        datetime(2021, 9, 10, 9, 53, 9), datetime(2021, 8, 3, 15, 35, 22),
        datetime(2021, 6, 1, 7, 0, 0)]
    assert col(c, "urn_type") == ["ugcPost", "activity", "activity", "share", "activity"]
    assert col(c, "urn_id") == ["6870000000000000001", "6855000000000000002",
                                "6840000000000000003", "6830000000000000004",
                                "6805000000000000005"]
    assert col(c, "word_count") == [2, 7, 5, 3, 9]


def test_2021_shares_quote_newline_quote(e2021):
    export, built = e2021
    assert_report(export.reports["shares"], file=built.member("Shares.csv"), rows=4,
                  first=date(2021, 5, 2), last=date(2021, 12, 19), line_ending="CRLF",
                  variant="SharedURL/MediaURL (2021 – Mar 2024)",
                  repairs={"posts with quote-newline-quote line breaks restored": 1})
    s = export.shares
    assert col(s, "commentary") == [
        "Invented one-line post.",
        "First line of an invented post. \nhttps://example.org is mentioned here. \n"
        "#ExampleTag #AnotherTag",
        None,
        'Invented post with a "quoted phrase", and a comma.',
    ]
    assert col(s, "shared_url") == ["https://www.example.com/some/article", None, None, None]
    assert col(s, "shared_domain") == ["example.com", None, None, None]
    assert col(s, "media_url")[3] == "https://media.licdn.com/dms/image/INVENTED/feedshare-shrink_800/0"
    assert col(s, "own_media") == [False, False, False, True]
    assert col(s, "urn_type") == ["share", "ugcPost", "share", "activity"]
    assert col(s, "visibility") == ["MEMBER_NETWORK"] * 4
    assert col(s, "word_count") == [3, 12, 0, 9]


def test_2021_messages_nine_columns(e2021):
    export, built = e2021
    assert_report(export.reports["messages"], file=built.member("messages.csv"), rows=3,
                  first=date(2021, 3, 1), last=date(2021, 6, 15),
                  variant="9 columns (2021–22, no recipient URLs)")
    m = export.messages
    assert col(m, "direction") == ["received", "sent", "received"]
    assert col(m, "conversation_id") == ["2-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789==",
                                         "2-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789==",
                                         "2-QwErTyUiOpAsDfGhJkLzXcVbNm9876543210=="]
    assert col(m, "conversation_title") == [None, None, "Invented group chat"]
    assert col(m, "to_names")[2] == "Camille Exemple, Marco Inventato"
    assert col(m, "content") == ["Invented message body", "Thanks, Jordan!",
                                 "Line one\nline two"]
    assert col(m, "recipient_urls") == [None] * 3
    assert col(m, "sent_at") == [datetime(2021, 6, 15, 16, 37), datetime(2021, 6, 15, 17, 2, 11),
                                 datetime(2021, 3, 1, 9, 0)]
    assert col(m, "sponsored") == [False] * 3


def test_2021_reactions_votes_crlf(e2021):
    export, built = e2021
    assert_report(export.reports["reactions"], file=built.member("Reactions.csv"), rows=4,
                  first=date(2021, 2, 2), last=date(2021, 12, 20), line_ending="CRLF")
    r = export.reactions
    assert col(r, "reaction") == ["LIKE", "PRAISE", "EMPATHY", "INTEREST"]
    assert col(r, "urn_type") == ["activity", "ugcPost", "share", "activity"]
    assert col(r, "post_urn")[1] == "urn:li:ugcPost:6865000000000000002"
    assert col(r, "link")[0] == FEED + "urn%3Ali%3Aactivity%3A6878500000000000001"
    assert_report(export.reports["votes"], file=built.member("Votes.csv"), rows=2,
                  first=date(2021, 9, 17), last=date(2021, 9, 17), line_ending="CRLF")
    v = export.votes
    assert col(v, "option") == ["No ", "Option B"]  # the member's own words, kept as written
    assert col(v, "urn_type") == ["groupPost", "ugcPost"]
    assert col(v, "urn_id") == ["1234567-6844000000000000001", "6844000000000000002"]


def test_2021_follows(e2021):
    export, built = e2021
    assert_report(export.reports["company_follows"], file=built.member("Company Follows.csv"),
                  rows=2, first=date(2018, 7, 27), last=date(2021, 3, 13))
    assert col(export.company_follows, "organization") == ["Examplecorp", "Demo Widgets, Inc."]
    assert col(export.company_follows, "timestamp") == [datetime(2021, 3, 13, 18, 51, 14),
                                                        datetime(2018, 7, 27, 11, 1, 54)]
    assert_report(export.reports["member_follows"], file=built.member("Member_Follows.csv"),
                  rows=2, first=date(2014, 8, 13), last=date(2021, 2, 19), line_ending="CRLF")
    assert col(export.member_follows, "status") == ["Active", "Unfollow"]
    assert col(export.member_follows, "full_name") == ["Jordan Testperson", "Marco Inventato"]
    assert_report(export.reports["hashtag_follows"], file=built.member("Hashtag_Follows.csv"),
                  rows=2, first=date(2018, 7, 27), last=date(2020, 1, 15), line_ending="CRLF")
    h = export.hashtag_follows
    assert col(h, "hashtag") == ["examplehashtag", "inventedtopic"]
    assert col(h, "modified_at") == [datetime(2018, 7, 27, 11, 8, 8), datetime(2021, 4, 1, 10)]
    assert col(h, "state") == ["Follow", "Follow"]


def test_2021_learning_trailing_empty_header(e2021):
    export, built = e2021
    assert_report(export.reports["learning"], file=built.member("Learning.csv"), rows=2,
                  first=date(2021, 3, 25), last=date(2021, 4, 2),
                  repairs={"`N/A` cells read as empty": 3})
    lr = export.learning
    assert col(lr, "title") == ["Invented Course Title", "Another Invented Course"]
    assert col(lr, "description")[0] == "Invented description, with comma."
    assert col(lr, "completed_at") == [None, datetime(2021, 4, 3, 7, 5)]
    assert col(lr, "saved") == [False, True]
    assert col(lr, "notes") == [None, None]


def test_2021_endorsements(e2021):
    export, built = e2021
    assert_report(export.reports["endorsements_received"],
                  file=built.member("Endorsement_Received_Info.csv"), rows=3,
                  first=date(2020, 12, 31), last=date(2021, 9, 12),
                  repairs={"profile URLs given their missing https://": 3})
    r = export.endorsements_received
    assert col(r, "full_name") == ["Jordan Testperson", "Priya Fictive", "Marco Inventato"]
    assert col(r, "url") == ["https://www.linkedin.com/in/jordan-testperson",
                             "https://www.linkedin.com/in/priya-fictive",
                             "https://www.linkedin.com/in/marco-inventato"]
    assert col(r, "skill") == ["Invented Skill (IS)", "Data Analysis", "C++"]
    assert col(r, "timestamp")[2] == datetime(2020, 12, 31, 23, 59, 59)
    g = export.endorsements_given
    assert export.reports["endorsements_given"].rows == 2
    assert col(g, "full_name") == ["Marco Inventato", "Jordan Testperson"]
    assert col(g, "skill") == ["C++", "Leadership"]
    assert col(g, "status") == ["ACCEPTED", "ACCEPTED"]


def test_2021_small_files(e2021):
    export, built = e2021
    assert export.reports["profile"].variant == "2024 layout"
    assert export.profile["summary"][0] == "Invented summary, with a comma."
    assert export.registered_at == datetime(2015, 6, 19, 10, 16)
    assert export.reports["registration"].variant == "Registered At (2024 on)"
    assert col(export.invitations, "direction") == ["outgoing", "incoming"]
    assert col(export.invitations, "sent_at") == [datetime(2021, 11, 2, 9, 8),
                                                  datetime(2021, 10, 10, 0, 37)]
    assert_report(export.reports["saved_items"], file=built.member("Saved_Items.csv"), rows=1,
                  first=date(2021, 11, 17), last=date(2021, 11, 17), line_ending="CRLF")
    assert col(export.saved_items, "item") == [
        "https://www.linkedin.com/feed/update/urn:li:activity:6870100000000000001"]
    assert_report(export.reports["rich_media"], file=built.member("Rich Media.csv"), rows=1,
                  first=None, last=None, variant="undated (to 2024)")
    assert col(export.rich_media, "description") == ["Invented video description"]


# --- 2025 ---------------------------------------------------------------------------------


def test_2025_export_overview(e2025):
    export, built = e2025
    assert export.archive == "complete"
    assert export.member_name == "Camille Exemple"
    assert export.missing == ["votes", "skills", "endorsements_received", "endorsements_given",
                              "recommendations_given", "company_follows", "member_follows",
                              "hashtag_follows", "learning"]
    assert export.recognised_files == [built.member(p) for p in (
        "Jobs/Saved Jobs.csv", "LearningCoachMessages.csv", "Profile Summary.csv",
        "Receipts_v2.csv", "Verifications/Verifications.csv")]
    assert export.unknown_files == []
    assert export.warnings == []


def test_2025_connections_url_column(e2025):
    export, built = e2025
    assert_report(export.reports["connections"], file=built.member("Connections.csv"), rows=4,
                  first=date(2014, 2, 5), last=date(2025, 3, 12),
                  variant="Notes preamble, URL column",
                  repairs={"lines before the header skipped (Notes preamble)": 3,
                           "ghost rows (only a date) kept and flagged": 1})
    c = export.connections
    assert col(c, "full_name") == ["Jordan Testperson", None, "Priya Fictive", "Zoë Muster"]
    assert col(c, "url") == ["https://www.linkedin.com/in/jordan-testperson-1a2b3c4d", None,
                             "https://www.linkedin.com/in/PriyaFictive",
                             "https://www.linkedin.com/in/zoë-muster"]
    assert col(c, "company") == ["Examplecorp, Inc.", None, "Demo Widgets", "Sample Labs"]
    assert col(c, "position") == ["Engineering Manager", None, "Project Coordinator",
                                  "Consultant"]  # `Project Coordinator ` trimmed
    assert col(c, "ghost") == [False, True, False, False]
    assert col(c, "connected_on") == [datetime(2025, 3, 12), datetime(2023, 9, 3),
                                      datetime(2024, 8, 13), datetime(2014, 2, 5)]
    assert col(c, "date_only") == [True] * 4


def test_2025_shares_empty_paragraph_and_quoted_empties(e2025):
    export, built = e2025
    assert_report(export.reports["shares"], file=built.member("Shares.csv"), rows=3,
                  first=date(2025, 3, 3), last=date(2025, 7, 1),
                  variant="SharedUrl/MediaUrl (Jun 2024 on)",
                  repairs={"posts with quote-newline-quote line breaks restored": 1})
    s = export.shares
    assert col(s, "commentary") == [
        'Invented headline sentence.\n\nSecond paragraph, with a comma and a "quoted" word.\n'
        "Last line.",
        "A short invented post without line breaks",
        None,
    ]
    assert col(s, "shared_url") == [None, "https://blog.example.org/a/b?x=1", None]  # `""`
    assert col(s, "media_url") == [
        None, None, "https://media.licdn.com/dms/image/v2/INVENTED/feedshare-shrink_2048_1536/0"]
    assert col(s, "shared_domain") == [None, "blog.example.org", None]
    assert col(s, "own_media") == [False, False, True]
    assert col(s, "urn_type") == ["share", "ugcPost", "activity"]
    assert col(s, "urn_id") == ["7345800000000000001", "7337700000000000002",
                                "7302000000000000003"]
    assert col(s, "word_count") == [14, 7, 0]


def test_2025_comments_backslash_quotes(e2025):
    export, built = e2025
    assert_report(export.reports["comments"], file=built.member("Comments.csv"), rows=4,
                  first=date(2025, 4, 30), last=date(2025, 7, 13),
                  variant="backslash-escaped quotes (2025 on)",
                  repairs={"messages with backslash-escaped quotes read": 2})
    c = export.comments
    assert col(c, "message") == [
        "Invented short comment! What do you think?",
        "Jordan Testperson Here is an invented link: https://example.com/post\n\n"
        'Second paragraph quoting "an invented phrase, with a comma" inside.',
        '"Ha" :)',
        "Agreed, thanks",
    ]
    assert col(c, "timestamp") == [datetime(2025, 7, 13, 8, 4, 8), datetime(2025, 6, 27, 9, 4, 13),
                                   datetime(2025, 5, 1, 12, 15, 5), datetime(2025, 4, 30, 10)]
    assert col(c, "urn_type") == ["ugcPost", "activity", "ugcPost", "activity"]
    assert col(c, "word_count") == [7, 18, 2, 2]


def test_2025_reposts_and_reactions(e2025):
    export, built = e2025
    assert_report(export.reports["reposts"], file=built.member("InstantReposts.csv"), rows=2,
                  first=date(2025, 5, 20), last=date(2025, 7, 10))
    rp = export.reposts
    assert col(rp, "timestamp") == [datetime(2025, 7, 10, 12, 0, 1), datetime(2025, 5, 20, 8, 30)]
    assert col(rp, "post_urn") == ["urn:li:activity:7349000000000000001",
                                   "urn:li:ugcPost:7330000000000000002"]
    assert_report(export.reports["reactions"], file=built.member("Reactions.csv"), rows=3,
                  first=date(2025, 1, 1), last=date(2025, 7, 2))  # LF from 2025 on
    assert col(export.reactions, "reaction") == ["ENTERTAINMENT", "APPRECIATION", "LIKE"]


def test_2025_messages_ten_columns_sponsored(e2025):
    export, built = e2025
    assert_report(export.reports["messages"], file=built.member("messages.csv"), rows=4,
                  first=date(2025, 1, 5), last=date(2025, 3, 20), variant="10 columns (2023 on)")
    m = export.messages
    assert col(m, "from_name") == ["Jordan Testperson", "Camille Exemple", "LinkedIn Member",
                                   "LinkedIn Member"]
    assert col(m, "direction") == ["received", "sent", "received", "received"]
    assert col(m, "sponsored") == [False, False, True, True]
    assert col(m, "conversation_title") == ["Invented conversation title",
                                            "Invented conversation title", None,
                                            "Sponsored Conversation"]
    assert col(m, "sender_url") == ["https://www.linkedin.com/in/jordan-testperson-1a2b3c4d",
                                    ME_URL, None, None]
    assert col(m, "recipient_urls") == [ME_URL,
                                        "https://www.linkedin.com/in/jordan-testperson-1a2b3c4d",
                                        ME_URL, ME_URL]
    assert col(m, "content") == [
        '<p class="spinmail-quill-editor__spin-break">Invented HTML body</p>',
        "Invented reply", None, "Invented sponsored body"]
    assert col(m, "folder") == ["INBOX", "INBOX", "ARCHIVE", "INBOX"]


def test_2025_invitations_with_urls(e2025):
    export, built = e2025
    assert_report(export.reports["invitations"], file=built.member("Invitations.csv"), rows=3,
                  first=date(2024, 12, 1), last=date(2025, 3, 12), variant="with profile URLs")
    i = export.invitations
    assert col(i, "direction") == ["outgoing", "incoming", "incoming"]
    assert col(i, "inviter_url") == [ME_URL, "https://www.linkedin.com/in/noor-example",
                                     "https://www.linkedin.com/in/lena-beispiel"]
    assert col(i, "invitee_url") == ["https://www.linkedin.com/in/sam-demo-9f8e", ME_URL, ME_URL]
    assert col(i, "sent_at") == [datetime(2025, 3, 12, 11, 20), datetime(2025, 1, 24, 6, 42),
                                 datetime(2024, 12, 1, 12, 5)]


def test_2025_rich_media_sentences_and_events(e2025):
    export, built = e2025
    assert_report(export.reports["rich_media"], file=built.member("Rich_Media.csv"), rows=3,
                  first=date(2025, 2, 7), last=date(2026, 2, 9),
                  variant="dated sentences (2025 on)")
    rm = export.rich_media
    assert col(rm, "timestamp") == [datetime(2025, 2, 7, 7, 1), datetime(2025, 12, 9, 19, 7),
                                    datetime(2026, 2, 9, 14, 58)]
    assert col(rm, "media_type") == ["document", "article cover photo", "profile photo"]
    assert col(rm, "description") == [None, None, None]  # ` -` means none
    assert col(rm, "link")[0] == ("https://media.licdn.com/dms/document/media/v2/INVENTED/0/"
                                  "1738911690117?e=2147483647&v=beta&t=INVENTED")
    assert_report(export.reports["events"], file=built.member("Events.csv"), rows=3,
                  first=date(2022, 1, 12), last=date(2025, 2, 13))
    ev = export.events
    assert col(ev, "name") == ["Invented Event Ep 1", "Invented Masterclass", "Invented Meetup"]
    assert col(ev, "starts_at") == [datetime(2022, 1, 12, 16), datetime(2023, 5, 23, 16),
                                    datetime(2025, 2, 13, 18, 30)]
    assert col(ev, "ends_at") == [datetime(2022, 1, 12, 17), datetime(2023, 5, 23, 16, 30),
                                  datetime(2025, 2, 13, 21)]
    assert col(ev, "status") == ["RELINQUISHED", "APPROVED", "APPROVED"]
    assert col(ev, "url") == [None, "https://example.com/event", None]


def test_2025_articles_nested_folder(e2025):
    export, built = e2025
    assert_report(export.reports["articles"], file=built.member("Articles/Articles/ (2 files)"),
                  rows=2, first=date(2021, 5, 24), last=date(2021, 5, 24),
                  encoding="utf-8 (HTML)", delimiter="", variant="HTML",
                  repairs={"drafts kept and flagged": 1})
    a = export.articles
    assert col(a, "file") == [
        built.member("Articles/Articles/invented-article-slug-camille-exemple.html"),
        built.member("Articles/Articles/2022-05-28 10:30:21.0-Some Title.html")]
    assert col(a, "title") == ["Invented Article Title", "Some Title"]
    assert col(a, "draft") == [False, True]
    assert col(a, "slug") == ["invented-article-slug-camille-exemple", None]
    assert col(a, "url") == ["https://www.linkedin.com/pulse/invented-article-slug-camille-exemple",
                             None]
    assert col(a, "created") == [datetime(2021, 5, 24, 15, 55), datetime(2022, 5, 28, 10, 30)]
    assert col(a, "published") == [datetime(2021, 5, 24, 16, 21), None]  # `Published on ---`
    assert col(a, "body") == ["Invented paragraph one.\n\nInvented paragraph two.", None]
    assert col(a, "word_count") == [6, 0]


def test_2025_profile_registration_career(e2025):
    export, built = e2025
    assert export.reports["profile"].variant == "2024 layout"
    p = export.profile.row(0, named=True)
    assert (p["full_name"], p["birth_date"], p["country"]) == ("Camille Exemple", "Jan 7", None)
    assert p["location"] == "Exampletown, Examplestate, Examplecountry"
    assert_report(export.reports["registration"], file=built.member("Registration.csv"), rows=1,
                  first=date(2018, 7, 27), last=date(2018, 7, 27),
                  variant="Registered At (2024 on)")
    assert export.registered_at == datetime(2018, 7, 27, 4, 0)
    assert export.reports["positions"].rows == 2  # the file's final blank line is no row
    assert col(export.positions, "company") == ["Examplecorp Inc.", "Demo Widgets"]
    assert col(export.positions, "finished_on") == [None, date(2018, 8, 1)]
    edu = export.education
    assert col(edu, "start_date") == [date(2021, 12, 1), date(2018, 1, 1)]  # `Dec 2021`, `2018`
    assert col(edu, "end_date") == [date(2023, 10, 1), date(2021, 1, 1)]
    assert_report(export.reports["recommendations_received"],
                  file=built.member("Recommendations_Received.csv"), rows=2,
                  first=date(2023, 12, 24), last=date(2025, 2, 3))
    rec = export.recommendations_received
    assert col(rec, "full_name") == ["Jordan Testperson", "Lena Beispiel"]
    assert col(rec, "timestamp") == [datetime(2023, 12, 24, 5, 28), datetime(2025, 2, 3, 22)]
    assert col(rec, "text")[0] == "Invented recommendation text, with a comma."
    assert col(rec, "status") == ["VISIBLE", "VISIBLE"]
    assert_report(export.reports["saved_items"], file=built.member("Saved_Items.csv"), rows=2,
                  first=date(2024, 12, 29), last=date(2025, 2, 20))


# --- spreadsheet re-saves -----------------------------------------------------------------


def test_resaved_connections_bom_na_excel_dates(loaded, kind):
    export, built = loaded("resaved", kind)
    assert export.archive == "partial"
    assert export.member_name is None
    assert export.missing == [n for n in DATASETS if n != "connections"]
    assert_report(export.reports["connections"], file=built.member("Connections.csv"), rows=4,
                  first=date(2014, 2, 5), last=date(2024, 6, 18), encoding="utf-8 (BOM)",
                  line_ending="CRLF", variant="no preamble, URL column; re-saved by a spreadsheet",
                  repairs={"byte-order mark removed": 1,
                           "`NA` cells read as empty (spreadsheet re-save)": 10,
                           "ghost rows (only a date) kept and flagged": 1})
    c = export.connections
    assert col(c, "first_name") == ["Jordan", "Priya", None, "Marco"]  # no BOM in the name
    assert col(c, "email") == [None, "priya@example.org", None, None]
    assert col(c, "company") == ["Examplecorp, Inc.", "Demo Widgets", None, None]
    assert col(c, "ghost") == [False, False, True, False]
    assert col(c, "connected_on") == [datetime(2024, 6, 18), datetime(2014, 2, 5),
                                      datetime(2023, 9, 3), datetime(2019, 12, 31)]


def test_resaved_french_cp1252_semicolon_day_first(loaded, kind):
    export, built = loaded("resaved_fr", kind)
    assert export.archive == "partial"
    assert_report(export.reports["connections"], file=built.member("Connections.csv"), rows=3,
                  first=date(2019, 11, 15), last=date(2021, 4, 3), encoding="cp1252",
                  delimiter=";", line_ending="CRLF",
                  variant="no preamble, URL column; re-saved by a spreadsheet",
                  repairs={"decoded as cp1252 (not UTF-8)": 1})
    c = export.connections
    assert col(c, "full_name") == ["Hélène Exemplaire", "Jordan Testperson", "François Démo"]
    assert col(c, "company") == ["Société Exemple", "Examplecorp, Inc.", "Démo & Fils"]
    assert col(c, "position") == ["Directrice générale", "Engineering Manager", "Ingénieur"]
    # 27/03/2021 proves day-first, so 03/04/2021 is the 3rd of April
    assert col(c, "connected_on") == [datetime(2021, 3, 27), datetime(2021, 4, 3),
                                      datetime(2019, 11, 15)]


# --- folder and zip agree; loading never writes --------------------------------------------


def _strip_prefix(frame: pl.DataFrame, prefix: str) -> pl.DataFrame:
    if "file" not in frame.columns or not prefix:
        return frame
    return frame.with_columns(pl.col("file").str.strip_prefix(prefix))


@pytest.mark.parametrize("era", ERAS)
def test_folder_and_zips_give_identical_frames(loaded, era):
    folder, _ = loaded(era, "folder")
    for kind in KINDS[1:]:
        other, built = loaded(era, kind)
        assert list(other.tables) == list(folder.tables)
        for name, frame in folder.tables.items():
            theirs = _strip_prefix(other.tables[name], built.prefix)
            assert frame.equals(theirs), f"{era}/{kind}: {name} differs"
        assert list(other.reports) == list(folder.reports)
        for name, report in folder.reports.items():
            theirs = other.reports[name]
            assert theirs.file == built.prefix + report.file
            assert (theirs.rows, theirs.first, theirs.last, theirs.encoding, theirs.delimiter,
                    theirs.line_ending, theirs.variant, theirs.repairs, theirs.dropped,
                    theirs.warnings) == (
                report.rows, report.first, report.last, report.encoding, report.delimiter,
                report.line_ending, report.variant, report.repairs, report.dropped,
                report.warnings)
        assert other.missing == folder.missing
        assert other.archive == folder.archive
        assert other.recognised_files == [built.prefix + f for f in folder.recognised_files]
        assert other.unknown_files == folder.unknown_files == []  # __MACOSX junk is ignored


def _snapshot(root: Path) -> dict[str, tuple[int, int, bytes]]:
    """Every file and folder under root: (mode, mtime in ns, bytes)."""
    state: dict[str, tuple[int, int, bytes]] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            stat = path.stat()
            content = path.read_bytes() if path.is_file() else b""
            state[path.relative_to(root).as_posix()] = (stat.st_mode, stat.st_mtime_ns, content)
    return state


@pytest.mark.parametrize("era", ["era2018", "era2025", "resaved_fr"])
def test_loading_never_writes_into_the_export(tmp_path, era, kind):
    built = build_export(era, kind, tmp_path / "export")
    watched = tmp_path  # the export and everything next to it (no extraction beside a zip)
    before = _snapshot(watched)
    root_mtime = watched.stat().st_mtime_ns
    export = load_export(built.path)
    assert export.reports  # something was read
    load_export(built.path, datasets=["shares", "articles"])
    assert _snapshot(watched) == before
    assert watched.stat().st_mtime_ns == root_mtime


# --- archive kinds, unknown files, duplicates ---------------------------------------------


def test_basic_archive_and_unknown_files(make_export):
    built = make_export("era2025", "folder")
    for name in ("Shares.csv", "Comments.csv", "Reactions.csv", "InstantReposts.csv"):
        (built.path / name).unlink()
    (built.path / "notes for me.txt").write_text("my own notes\n")
    (built.path / "Some Other Export.csv").write_text("A,B\n1,2\n")
    (built.path / "old").mkdir()
    (built.path / "old" / "Connections.csv").write_bytes(
        (built.path / "Connections.csv").read_bytes())
    inner = built.path / "Basic_LinkedInDataExport_01-01-2025.zip"
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("Profile.csv", "x")
    export = load_export(built.path)
    assert export.archive == "basic"
    assert export.unknown_files == ["Basic_LinkedInDataExport_01-01-2025.zip",
                                    "Some Other Export.csv", "notes for me.txt"]
    # the root Connections.csv wins over the copy in a sub-folder, which is reported
    assert export.reports["connections"].file == "Connections.csv"
    assert export.warnings == [
        "old/Connections.csv: a second Connections.csv was ignored (read Connections.csv)",
        "Basic_LinkedInDataExport_01-01-2025.zip (basic archive, zip, exported 2025-01-01): "
        "another LinkedIn export inside this one, not read (point the tool at it to read it)"]
    assert {"shares", "comments", "reactions", "reposts"} <= set(export.missing)
    assert export.connections.height == 4


def test_zip_nested_names_its_top_folder(loaded):
    export, built = loaded("era2021", "zip_nested")
    assert built.prefix == f"{ZIP_STEM}/"
    assert export.reports["connections"].file == f"{ZIP_STEM}/Connections.csv"
    assert export.source_kind == "zip"
    assert export.location.name == f"{ZIP_STEM}.zip"
