"""Write export files byte for byte as LinkedIn does, era by era — the inverse of the readers.

Used by the sample generator, the benchmarks and the round-trip property tests. Each writer
reproduces one documented quirk (see docs/FORMAT.md): the Connections `Notes:` preamble,
Shares' quote-newline-quote line breaks, Comments' unquoted multi-line messages (2021–24) and
backslash-escaped quotes (2025), the 2018 UTF-16/TAB/fully-quoted activity files, and so on.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

ERAS = ("2018", "2021", "2024", "2025")

CONNECTIONS_PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    "are missing. You will only see email addresses for connections who have allowed their "
    "connections to see or download their email address using this setting "
    "https://www.linkedin.com/psettings/privacy/email. You can learn more here "
    'https://www.linkedin.com/help/linkedin/answer/261"\n'
    "\n"
)

# One synthetic record (a share, a message, a connection…): field name → value, dates as
# `datetime`, text as `str` or None. Each writer's docstring names the fields it reads.
Record = Mapping[str, Any]

# --- dates as each file writes them ---------------------------------------------------------


def iso_seconds(moment: datetime) -> str:
    """`2024-03-17 18:03:34` (Shares, Comments, Reactions, Votes, follows)."""
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def iso_utc(moment: datetime) -> str:
    """`2024-03-20 15:09:26 UTC` (messages.csv 2021 on)."""
    return moment.strftime("%Y-%m-%d %H:%M:%S UTC")


def slash_utc(moment: datetime) -> str:
    """`2022/04/01 11:05:54 UTC` (endorsements, 2018 activity files)."""
    return moment.strftime("%Y/%m/%d %H:%M:%S UTC")


def day_month_year(moment: datetime) -> str:
    """`05 Feb 2014` (Connections 2020 on)."""
    return moment.strftime("%d %b %Y")


def us_short(moment: datetime, *, pad_hour: bool = False) -> str:
    """`1/8/18, 6:14 PM`: month, day and hour unpadded (Invitations, Registration, 2018 files);
    `12/24/23, 05:28 AM` with the hour padded (Recommendations)."""
    hour = moment.hour % 12 or 12
    hour_text = f"{hour:02d}" if pad_hour else str(hour)
    return (f"{moment.month}/{moment.day}/{moment:%y}, {hour_text}:{moment:%M} "
            f"{'AM' if moment.hour < 12 else 'PM'}")


def java_date(moment: datetime) -> str:
    """`Wed Mar 13 18:51:14 UTC 2024` (Company Follows, Logins)."""
    return moment.strftime("%a %b %d %H:%M:%S UTC %Y")


def upload_sentence(kind: str, moment: datetime) -> str:
    """`You uploaded a document on February 7, 2025 at 7:01 AM (GMT)` (Rich_Media 2025 on)."""
    hour = moment.hour % 12 or 12
    return (f"You uploaded a {kind} on {moment:%B} {moment.day}, {moment.year} at "
            f"{hour}:{moment:%M} {'AM' if moment.hour < 12 else 'PM'} (GMT)")


def event_range(start: datetime, end: datetime) -> str:
    """`Jan 12, 2022 04:00 PM - Jan 12, 2022 05:00 PM` (Events)."""
    return f"{start:%b %d, %Y %I:%M %p} - {end:%b %d, %Y %I:%M %p}"


# --- generic CSV ----------------------------------------------------------------------------

Cell = str | None
Row = Sequence[Cell]


def csv_bytes(
    header: Sequence[str],
    rows: Iterable[Row],
    *,
    line_ending: str = "\n",
    final_newline: bool = True,
    quote_all: bool = False,
    delimiter: str = ",",
    encoding: str = "utf-8",
    preamble: str = "",
) -> bytes:
    """An RFC 4180 CSV as LinkedIn writes most files (minimal quoting, `""` doubling)."""
    buffer = io.StringIO()
    writer = csv.writer(
        buffer,
        delimiter=delimiter,
        lineterminator=line_ending,
        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL,
    )
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if cell is None else cell for cell in row])
    text = preamble + buffer.getvalue()
    if not final_newline and text.endswith(line_ending):
        text = text[: -len(line_ending)]
    if encoding == "utf-16-le":
        return b"\xff\xfe" + text.encode("utf-16-le")
    return text.encode(encoding)


# --- the quirky files -----------------------------------------------------------------------


def encode_commentary(text: str, line_ending: str = "\n") -> str:
    """LinkedIn writes each line break of a post as quote, newline, quote inside the field."""
    return text.replace("\n", f'"{line_ending}"')


SHARES_HEADERS = {
    "2018": ("Date", "Share Title", "Share Description", "Share Link", "Share Commentary",
             "Shared URL", "Media URL", "Type", "Visibility"),
    "2021": ("Date", "ShareLink", "ShareCommentary", "SharedURL", "MediaURL", "Visibility"),
    "2024": ("Date", "ShareLink", "ShareCommentary", "SharedUrl", "MediaUrl", "Visibility"),
    "2025": ("Date", "ShareLink", "ShareCommentary", "SharedUrl", "MediaUrl", "Visibility"),
}


def shares_bytes(shares: Iterable[Record], era: str = "2025") -> bytes:
    """Shares.csv. Each share: date (datetime), link, commentary, shared_url, media_url,
    visibility; 2018 also title/description."""
    header = SHARES_HEADERS[era]
    if era == "2018":
        rows = [
            [slash_utc(s["date"]), s.get("title"), s.get("description"), s["link"],
             s.get("commentary"), s.get("shared_url"), s.get("media_url"), "Homepage",
             s.get("visibility") or "Connections"]
            for s in shares
        ]
        return csv_bytes(header, rows, quote_all=True, delimiter="\t", encoding="utf-16-le",
                         final_newline=False)
    line_ending = "\r\n" if era == "2021" else "\n"
    out = io.StringIO()
    out.write(",".join(header) + line_ending)
    for share in shares:
        commentary = share.get("commentary") or ""
        encoded = encode_commentary(str(commentary), line_ending)
        fields = [iso_seconds(share["date"]), str(share["link"]), encoded,
                  str(share.get("shared_url") or ""), str(share.get("media_url") or ""),
                  str(share.get("visibility") or "MEMBER_NETWORK")]
        quoted = _needs_quotes(encoded) or f'"{line_ending}"' in encoded
        cells = [_quote_rfc(f) if (_needs_quotes(f) or (i == 2 and quoted)) else f
                 for i, f in enumerate(fields)]
        if quoted and era == "2025":
            # 2025 writes the empty trailing fields quoted when the commentary is quoted.
            cells[3:5] = [_quote_rfc(f) for f in fields[3:5]]
        out.write(",".join(cells) + line_ending)
    return out.getvalue().encode("utf-8")


def _needs_quotes(value: str) -> bool:
    return any(ch in value for ch in ',"\n\r')


def _quote_rfc(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def comments_bytes(comments: Iterable[Record], era: str = "2025") -> bytes:
    """Comments.csv. 2021–24: CRLF, quoted only for `,` or `"` (so multi-line messages without
    either spill onto raw lines); 2025: LF, quoted when needed, quotes escaped `\\"`."""
    rfc_era = era in ("2021", "2024")
    line_ending = "\r\n" if rfc_era else "\n"
    out = io.StringIO()
    out.write("Date,Link,Message" + line_ending)
    for comment in comments:
        message = str(comment.get("message") or "")
        if rfc_era:
            cell = _quote_rfc(message) if ("," in message or '"' in message) else message
        else:
            needs = any(ch in message for ch in ',"\n')
            cell = '"' + message.replace('"', '\\"') + '"' if needs else message
        cell = cell.replace("\n", line_ending)
        out.write(f"{iso_seconds(comment['date'])},{comment['link']},{cell}{line_ending}")
    return out.getvalue().encode("utf-8")


def connections_bytes(connections: Iterable[Record], era: str = "2025") -> bytes:
    """Connections.csv: 2018 without preamble and with US dates; 2021–23 with the `Notes:`
    preamble but no URL column; 2024 on with both. A connection without a name is a ghost row."""
    header: Sequence[str]
    if era == "2018":
        header = ("First Name", "Last Name", "Email Address", "Company", "Position",
                  "Connected On")
        rows = [[c.get("first_name"), c.get("last_name"), c.get("email"), c.get("company"),
                 c.get("position"), us_short(c["connected_on"])] for c in connections]
        return csv_bytes(header, rows)
    with_url = era != "2021"
    header = ["First Name", "Last Name", *(["URL"] if with_url else []), "Email Address",
              "Company", "Position", "Connected On"]
    rows = []
    for c in connections:
        row = [c.get("first_name"), c.get("last_name")]
        if with_url:
            row.append(c.get("url"))
        row += [c.get("email"), c.get("company"), c.get("position"),
                day_month_year(c["connected_on"])]
        rows.append(row)
    return csv_bytes(header, rows, preamble=CONNECTIONS_PREAMBLE)


MESSAGES_HEADERS = {
    "2018": ("From", "To", "Date", "Subject", "Content", "Direction", "Folder"),
    "2021": ("CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
             "DATE", "SUBJECT", "CONTENT", "FOLDER"),
    "2024": ("CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
             "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER"),
}


def messages_bytes(messages: Iterable[Record], era: str = "2025") -> bytes:
    """messages.csv (Messages.csv in 2018). Each message: conversation_id, title, from_name,
    sender_url, to_names, recipient_urls, date, subject, content, folder, sent (bool)."""
    key = "2024" if era in ("2024", "2025") else era
    header = MESSAGES_HEADERS[key]
    rows: list[list[Cell]] = []
    for m in messages:
        if key == "2018":
            rows.append([m.get("from_name"), m.get("to_names"), us_short(m["date"]),
                         m.get("subject"), m.get("content"),
                         "OUTGOING" if m.get("sent") else "INCOMING", m.get("folder") or "INBOX"])
            continue
        row = [m.get("conversation_id"), m.get("title"), m.get("from_name"), m.get("sender_url"),
               m.get("to_names")]
        if key == "2024":
            row.append(m.get("recipient_urls"))
        row += [iso_utc(m["date"]), m.get("subject"), m.get("content"),
                m.get("folder") or "INBOX"]
        rows.append(row)
    return csv_bytes(header, rows)


def article_html(
    *,
    title: str,
    body_html: str,
    created: datetime,
    published: datetime | None,
    slug: str | None = None,
    cover_url: str | None = None,
    era: str = "2025",
) -> str:
    """One Articles/*.html file in LinkedIn's (unchanged since 2018) template."""
    if published is not None and slug:
        heading = f'<h1><a href="https://www.linkedin.com/pulse/{slug}">{title}</a></h1>'
        published_text = f"Published on {published:%Y-%m-%d %H:%M}"
    else:
        heading = f"<h1>{title}</h1>"
        published_text = "Not published yet" if era == "2018" else "Published on ---"
    cover = f'    <img src="{cover_url}" alt="" title="" />\n' if cover_url else ""
    return (
        "<html>\n<head>\n"
        f"  <title>{title}</title>\n"
        '  <meta charset="UTF-8">\n'
        "  <style>\n    body {\n      margin: 0 auto;\n      width: 744px;\n"
        "      font-family: Source Serif Pro, serif;\n    }\n  </style>\n"
        "</head>\n<body>\n"
        f"{cover}"
        f"    {heading}\n"
        f'    <p class="created">Created on {created:%Y-%m-%d %H:%M}</p>\n'
        f'  <p class="published">{published_text}</p>\n'
        f"  <div>{body_html}</div>\n"
        "</body>\n</html>\n"
    )


def article_filename(*, slug: str | None, created: datetime, title: str) -> str:
    """Published: `<slug>.html`; draft: `<created>.0-<title>.html` (colons and spaces kept)."""
    if slug:
        return f"{slug}.html"
    return f"{created:%Y-%m-%d %H:%M:%S}.0-{title}.html"
