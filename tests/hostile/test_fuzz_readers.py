"""Fuzzing the readers: random bytes and random mutations of real-shaped files, fed to every
dataset reader. Any exception other than the project's own error type is a bug."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linkedin_stages.csvread import ReadNotes
from linkedin_stages.errors import LinkedInStagesError
from linkedin_stages.readers import SPECS
from linkedin_stages.readers.articles import read_articles
from linkedin_stages.readers.base import ReadContext, read_dataset
from linkedin_stages.source import FileData

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_exports" / "climber"
EXAMPLES = int(os.environ.get("HYPOTHESIS_EXAMPLES", "40"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

CSV_SPECS = [name for name in SPECS if name != "articles"]
FILES = {
    "connections": "Connections.csv", "invitations": "Invitations.csv",
    "messages": "messages.csv", "shares": "Shares.csv", "comments": "Comments.csv",
    "reactions": "Reactions.csv", "reposts": "InstantReposts.csv", "votes": "Votes.csv",
    "profile": "Profile.csv", "registration": "Registration.csv", "positions": "Positions.csv",
    "education": "Education.csv", "skills": "Skills.csv",
    "endorsements_received": "Endorsement_Received_Info.csv",
    "endorsements_given": "Endorsement_Given_Info.csv",
    "recommendations_received": "Recommendations_Received.csv",
    "recommendations_given": "Recommendations_Received.csv",
    "company_follows": "Company Follows.csv", "member_follows": "Member_Follows.csv",
    "hashtag_follows": "Hashtag_Follows.csv", "rich_media": "Rich_Media.csv",
    "events": "Events.csv", "saved_items": "Saved_Items.csv", "learning": "Learning.csv",
}


def _read(name: str, data: bytes) -> None:
    try:
        result = read_dataset(SPECS[name], FileData.from_bytes(f"{name}.csv", data),
                              ReadContext())
    except LinkedInStagesError:
        return
    assert list(result.frame.schema) == list(SPECS[name].schema)


def _sample(name: str, limit: int = 6000) -> bytes:
    return (SAMPLE / FILES[name]).read_bytes()[:limit]


@pytest.mark.parametrize("name", CSV_SPECS)
@SETTINGS
@given(data=st.binary(max_size=2000))
def test_random_bytes(name: str, data: bytes) -> None:
    _read(name, data)


@pytest.mark.parametrize("name", CSV_SPECS)
@SETTINGS
@given(seed=st.integers(min_value=0, max_value=2**32 - 1),
       edits=st.integers(min_value=1, max_value=40))
def test_mutated_real_files(name: str, seed: int, edits: int) -> None:
    rng = random.Random(seed)
    data = bytearray(_sample(name))
    specials = b'",\n\r\t;\\\x00\xff\xfe\xef\xbb\xbf'
    for _ in range(edits):
        if not data:
            break
        position = rng.randrange(len(data))
        action = rng.random()
        if action < 0.4:
            data[position] = rng.choice(specials)
        elif action < 0.6:
            del data[position:position + rng.randint(1, 50)]
        elif action < 0.8:
            data[position:position] = bytes(rng.choice(specials) for _ in range(rng.randint(1, 5)))
        else:
            start = rng.randrange(len(data))
            data[position:position] = data[start:start + rng.randint(1, 200)]
    _read(name, bytes(data))


@SETTINGS
@given(html=st.text(max_size=3000))
def test_articles_parser_survives_any_text(html: str) -> None:
    notes = ReadNotes()
    frame = read_articles([("Articles/x.html", html.encode("utf-8", "surrogatepass"))], notes)
    assert frame.height <= 1
