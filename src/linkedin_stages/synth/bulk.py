"""Large, deterministic exports of a given size for benchmarks: the quirks of a current
archive (preamble, ghost rows, quote-newline-quote posts, multi-line comments) at any volume.
Content is varied but meaningless; the persona generator writes believable members."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from . import writers

FIRST = ("Camille", "Louis", "Inès", "Hugo", "Léa", "Noah", "Maya", "Arthur", "Zoé", "Jules",
         "Priya", "Kenji", "Amara", "Lucas", "Sofia", "Omar", "Elena", "Tariq", "Nora", "Ivan")
LAST = ("Martin", "Bernard", "Dubois", "Nguyen", "Okafor", "Rossi", "Schmidt", "Haddad",
        "Kowalski", "Silva", "Tanaka", "Moreau", "Laurent", "Fischer", "Costa", "Ahmed")
COMPANIES = ("Examplecorp", "Demo Widgets, Inc.", "Acme Analytics", "Nordlicht GmbH",
             "Atelier Exemple", "Sample Bank", "Placeholder Health", "Invented Labs")
TITLES = ("Data Analyst", "Head of Sales", "Product Manager", "Consultant", "Engineer",
          "Directrice marketing", "Chef de projet", "CEO", "Recruiter", "Designer")
WORDS = ("data", "team", "growth", "customers", "launch", "idea", "lesson", "network",
         "marché", "projet", "équipe", "client", "week", "talk", "insight", "story", "🚀", "✅")
REACTIONS = ("LIKE", "LIKE", "LIKE", "PRAISE", "EMPATHY", "APPRECIATION", "INTEREST",
             "ENTERTAINMENT")


@dataclass(frozen=True)
class BulkCounts:
    connections: int = 30_000
    messages: int = 300_000
    reactions: int = 100_000
    comments: int = 20_000
    shares: int = 5_000


def _sentence(rng: random.Random, low: int = 4, high: int = 30) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    words[0] = words[0].capitalize()
    return " ".join(words) + rng.choice((".", "!", " ?", "…"))


def _post_link(kind: str, number: int) -> str:
    post_id = 7_000_000_000_000_000_000 + number
    return f"https://www.linkedin.com/feed/update/urn%3Ali%3A{kind}%3A{post_id}"


def write_bulk_export(folder: Path, counts: BulkCounts = BulkCounts(), seed: int = 7) -> Path:
    """Write a current-era (2025) archive of the given size into `folder`; returns it."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    start = datetime(2016, 1, 4, 8, 0, 0)
    span = (datetime(2026, 10, 31) - start).total_seconds()

    def moment(i: int, n: int) -> datetime:
        # spread evenly, newest first like LinkedIn, with a little jitter
        position = (n - i) / max(n, 1)
        return start + timedelta(seconds=int(span * position + rng.randint(0, 3600)))

    connections = []
    for i in range(counts.connections):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        ghost = i % 97 == 0
        connections.append({
            "first_name": None if ghost else first, "last_name": None if ghost else last,
            "url": None if ghost else f"https://www.linkedin.com/in/{first.lower()}-{last.lower()}-{i:x}",
            "email": None, "company": None if ghost else rng.choice(COMPANIES),
            "position": None if ghost else rng.choice(TITLES),
            "connected_on": moment(i, counts.connections),
        })
    (folder / "Connections.csv").write_bytes(writers.connections_bytes(connections, "2025"))

    me_url = "https://www.linkedin.com/in/me-bulk-0000"
    messages = []
    for i in range(counts.messages):
        sent = i % 3 == 0
        other = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        other_url = f"https://www.linkedin.com/in/person-{i % 5000:x}"
        messages.append({
            "conversation_id": f"2-{(i // 6):012x}==", "title": None,
            "from_name": "Bulk Member" if sent else other,
            "sender_url": me_url if sent else other_url,
            "to_names": other if sent else "Bulk Member",
            "recipient_urls": other_url if sent else me_url,
            "date": moment(i, counts.messages), "subject": None,
            "content": _sentence(rng, 3, 40) + ("\nMerci, à bientôt" if i % 7 == 0 else ""),
            "folder": "INBOX",
        })
    (folder / "messages.csv").write_bytes(writers.messages_bytes(messages, "2025"))

    reactions = [
        [writers.iso_seconds(moment(i, counts.reactions)), rng.choice(REACTIONS),
         _post_link("activity", i)]
        for i in range(counts.reactions)
    ]
    (folder / "Reactions.csv").write_bytes(
        writers.csv_bytes(("Date", "Type", "Link"), reactions))

    comments = []
    for i in range(counts.comments):
        text = _sentence(rng, 2, 25)
        if i % 5 == 0:
            text += "\n" + _sentence(rng, 2, 10)
        if i % 11 == 0:
            text += ' "quoted", with a comma'
        comments.append({"date": moment(i, counts.comments), "message": text,
                         "link": _post_link("ugcPost", i)})
    (folder / "Comments.csv").write_bytes(writers.comments_bytes(comments, "2025"))

    shares = []
    for i in range(counts.shares):
        curated = i % 3 == 0
        text = "\n".join(_sentence(rng, 5, 40) for _ in range(rng.randint(1, 5)))
        shares.append({
            "date": moment(i, counts.shares), "link": _post_link("share", i),
            "commentary": "" if curated and i % 2 else text,
            "shared_url": f"https://news.example.com/story/{i}" if curated else None,
            "media_url": None,
        })
    (folder / "Shares.csv").write_bytes(writers.shares_bytes(shares, "2025"))

    (folder / "Profile.csv").write_bytes(writers.csv_bytes(
        ("First Name", "Last Name", "Maiden Name", "Address", "Birth Date", "Headline", "Summary",
         "Industry", "Zip Code", "Geo Location", "Twitter Handles", "Websites",
         "Instant Messengers"),
        [["Bulk", "Member", None, None, None, "Benchmark persona", None, "Software", None,
          None, None, None, None]]))
    (folder / "Registration.csv").write_bytes(writers.csv_bytes(
        ("Registered At", "Registration Ip", "Subscription Types"),
        [[writers.us_short(start - timedelta(days=30)), "192.0.2.1", None]]))
    return folder
