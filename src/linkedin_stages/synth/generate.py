"""Simulate a persona's whole life on LinkedIn, then write it as the archive LinkedIn would have
given on a chosen export date, in that date's layout (2018, 2021–23, 2024, 2025 on).

The simulation never depends on the export date: two exports of one member taken at different
dates hold the same history, the later one longer (connections removed or changing jobs in
between included), which is what `compare` needs.
"""

from __future__ import annotations

import calendar
import io
import json
import math
import os
import random
import shutil
import stat
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from ..errors import SampleError
from ..months import month_start, months_between, plus_months
from ..safe_output import TEMP_PREFIX, removed_on_termination, signals_blocked, write_atomically
from . import content, world_content, writers
from .personas import PERSONAS, STAGES, Persona

# One simulated record, as the writers take it (`writers.Record`): dates as datetime.
Record = dict[str, Any]

REACTION_TYPES = ("LIKE", "LIKE", "LIKE", "LIKE", "PRAISE", "EMPATHY", "APPRECIATION",
                  "INTEREST", "INTEREST", "ENTERTAINMENT")
ME_URL_PREFIX = "https://www.linkedin.com/in/"


# What `linkedin-stages sample all DIR` writes, and sample_exports/ holds: folder name →
# (persona, export month or None for the persona's latest).
# The members of other languages and of noisy habits (consultora, empreendedora, entwicklerin,
# commenter, holidays, announcer, steady) are written on demand (`sample NAME DIR`, and the
# tests build them), so that the repository keeps a few megabytes of samples.
COMMITTED_PERSONAS = ("lurker", "climber", "curator", "fallback", "consultante", "basic")
COMMITTED_SAMPLES: dict[str, tuple[str, str | None]] = {
    **{persona_id: (persona_id, None) for persona_id in COMMITTED_PERSONAS},
    "climber-2021-06": ("climber", "2021-06"),  # an older export of the same member (compare)
}


# --- months and moments -------------------------------------------------------------------


def _base(persona: Persona) -> str:
    """The language of `content.py` a persona's profile and messages are written in."""
    return "en" if persona.lang in world_content.LANGS else persona.lang


def _days_in(month: str) -> int:
    start = month_start(month)
    following = (start + timedelta(days=32)).replace(day=1)
    return (following - start).days


def export_moment(month: str) -> datetime:
    """An export is taken on the 28th of its month at noon: events after that are not in it."""
    return month_start(month).replace(day=28, hour=12)


def poisson(rng: random.Random, mean: float) -> int:
    if mean <= 0:
        return 0
    if mean > 30:
        return max(0, round(rng.gauss(mean, math.sqrt(mean))))
    limit, product, count = math.exp(-mean), rng.random(), 0
    while product > limit:
        count += 1
        product *= rng.random()
    return count


def _moment_in(rng: random.Random, month: str, *, work_hours: bool = True) -> datetime:
    day = rng.randint(1, _days_in(month))
    hour = rng.choice((7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21) if work_hours
                      else range(24))
    return month_start(month).replace(day=day, hour=hour, minute=rng.randint(0, 59),
                                       second=rng.randint(0, 59))


def _scheduled_moment(rng: random.Random, month: str, slot: int) -> datetime:
    """Power networkers publish on fixed weekdays (Tuesday, Thursday) around 8 a.m. (UTC)."""
    days = [d for d in range(1, _days_in(month) + 1)
            if month_start(month).replace(day=d).weekday() in (1, 3)]
    day = days[slot % len(days)]
    return month_start(month).replace(day=day, hour=7, minute=rng.randint(28, 59),
                                       second=rng.randint(0, 59))


# --- the simulated life -------------------------------------------------------------------


@dataclass
class Contact:
    first_name: str
    last_name: str
    url: str
    email: str | None
    connected_on: datetime
    jobs: list[tuple[datetime, str, str]]  # (since, company, position)
    removed_on: datetime | None = None
    ghost: bool = False  # LinkedIn shows an empty row (a closed or restricted account)

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def job_at(self, moment: datetime) -> tuple[str, str]:
        current = self.jobs[0]
        for job in self.jobs:
            if job[0] <= moment:
                current = job
        return current[1], current[2]


@dataclass
class Life:
    """Everything a persona did, with timestamps; written later as files."""

    persona: Persona
    me_url: str
    contacts: list[Contact] = field(default_factory=list)
    shares: list[Record] = field(default_factory=list)
    comments: list[Record] = field(default_factory=list)
    reactions: list[Record] = field(default_factory=list)
    reposts: list[Record] = field(default_factory=list)
    votes: list[Record] = field(default_factory=list)
    articles: list[Record] = field(default_factory=list)
    invitations: list[Record] = field(default_factory=list)
    messages: list[Record] = field(default_factory=list)
    media: list[Record] = field(default_factory=list)
    events: list[Record] = field(default_factory=list)
    saved: list[Record] = field(default_factory=list)
    company_follows: list[Record] = field(default_factory=list)
    member_follows: list[Record] = field(default_factory=list)
    hashtag_follows: list[Record] = field(default_factory=list)
    endorsements_received: list[Record] = field(default_factory=list)
    endorsements_given: list[Record] = field(default_factory=list)
    recommendations: list[Record] = field(default_factory=list)
    learning: list[Record] = field(default_factory=list)
    logins: list[datetime] = field(default_factory=list)


class _Ids:
    """Post ids as LinkedIn makes them: the creation time in milliseconds in the high bits
    (so a 2025 post id starts with 73…), random low bits."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def at(self, moment: datetime) -> str:
        millis = calendar.timegm(moment.timetuple()) * 1000 + self.rng.randrange(1000)
        return str((millis << 22) | self.rng.getrandbits(22))


def simulate(persona: Persona, seed: int = 0, scale: float = 1.0) -> Life:
    """The persona's whole history up to its own export month. Deterministic in (persona, seed,
    scale); independent of any export date."""
    rng = random.Random(f"linkedin-stages:{persona.id}:{seed}:{scale}")
    lang = persona.lang
    # Members writing in Spanish, Portuguese or German: their posts and comments from
    # world_content, the rest (profile, messages, news links) from content in English.
    world = lang in world_content.LANGS
    base = "en" if world else lang
    me_url = f"{ME_URL_PREFIX}{persona.slug}-{rng.randrange(16**6):06x}"
    life = Life(persona, me_url)
    ids = _Ids(rng)
    registered = datetime.fromisoformat(persona.registered).replace(hour=9, minute=12)
    months = months_between(persona.registered[:7], persona.exported)
    end = export_moment(persona.exported)

    def contact_name(own_language: bool = True) -> tuple[str, str]:
        if world:
            return (world_content.person_name(rng, lang) if own_language
                    else content.person_name(rng, "en"))
        return content.person_name(rng, lang if own_language else
                                   ("fr" if lang == "en" else "en"))

    def contact_title() -> str:
        return world_content.job_title(rng, lang) if world else content.job_title(rng, lang)

    def new_contact(moment: datetime) -> Contact:
        first, last = contact_name(rng.random() < 0.8)
        slug = f"{first}-{last}".lower().replace(" ", "-").replace("’", "").replace("'", "")
        jobs = [(moment - timedelta(days=400), content.company(rng), contact_title())]
        if rng.random() < 0.18:  # a job move some time after connecting
            later = moment + timedelta(days=rng.randint(60, 2500))
            jobs.append((later, content.company(rng), contact_title()))
        removed = moment + timedelta(days=rng.randint(30, 3000)) if rng.random() < 0.03 else None
        return Contact(first, last, f"{ME_URL_PREFIX}{slug}-{rng.randrange(16**8):08x}",
                       f"{slug.replace('-', '.')}@example.com" if rng.random() < 0.04 else None,
                       moment, jobs, removed, ghost=rng.random() < 0.015)

    strong_ties = [new_contact(registered + timedelta(hours=h + 1)) for h in range(6)]
    life.contacts.extend(strong_ties)
    conversation_of: dict[str, str] = {}
    own_posts: list[tuple[datetime, str]] = []

    def conversation(contact_url: str) -> str:
        if contact_url not in conversation_of:
            token = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                       "0123456789") for _ in range(40))
            conversation_of[contact_url] = f"2-{token}=="
        return conversation_of[contact_url]

    def message(moment: datetime, other: Contact, *, sent: bool, kind: str,
                title: str | None = None) -> None:
        life.messages.append({
            "conversation_id": conversation(other.url), "title": title,
            "from_name": persona.full_name if sent else other.name,
            "sender_url": life.me_url if sent else other.url,
            "to_names": other.name if sent else persona.full_name,
            "recipient_urls": other.url if sent else life.me_url,
            "date": moment, "subject": None,
            "content": content.message_text(rng, base, kind), "folder": "INBOX", "sent": sent,
        })

    noise = persona.noise
    quiet = {m for start, length in (noise.quiet_spells if noise else ())
             for m in months_between(start, plus_months(start, length - 1))}
    for month_index, month in enumerate(months):
        stage = persona.stage_at(month)
        rates = persona.behaviour_at(month)
        topic = persona.topics[month_index % len(persona.topics)]
        # this month's sharing and writing against the stage's means (noise only): nothing
        # on holiday or in a quiet spell; writing bursty with `volatility`
        posting = writing = 1.0
        if noise is not None:
            if noise.volatility > 0:
                writing = rng.gammavariate(1 / noise.volatility, noise.volatility)
            if int(month[5:]) in noise.holidays or month in quiet:
                posting = writing = 0.0

        def count(mean: float) -> int:
            return poisson(rng, mean * scale)

        def count_posts(mean: float, factor: float = posting) -> int:
            return poisson(rng, mean * scale * factor)

        def when(month: str = month) -> datetime:
            moment = _moment_in(rng, month)
            if month == persona.registered[:7] and moment < registered:
                moment = registered + timedelta(hours=rng.randint(1, 200))
            return min(moment, end - timedelta(minutes=rng.randint(1, 600)))

        # network
        month_contacts = [new_contact(when()) for _ in range(count(rates.new_connections))]
        life.contacts.extend(month_contacts)
        for _ in range(count(rates.invitations_in)):
            first, last = contact_name()
            life.invitations.append({"date": when(), "incoming": True,
                                     "other": f"{first} {last}",
                                     "other_url": f"{ME_URL_PREFIX}{first}-{last}".lower(),
                                     "message": content.message_text(rng, base, "thanks_connect")
                                     if rng.random() < 0.3 else None})
        for _ in range(count(rates.invitations_out)):
            first, last = contact_name()
            life.invitations.append({"date": when(), "incoming": False,
                                     "other": f"{first} {last}",
                                     "other_url": f"{ME_URL_PREFIX}{first}-{last}".lower(),
                                     "message": None})

        # reading traces
        for _ in range(count(rates.reactions)):
            moment = when()
            life.reactions.append({"date": moment, "type": rng.choice(REACTION_TYPES),
                                   "link": _feed_link(rng.choice(("activity", "ugcPost")),
                                                      ids.at(moment))})
        for _ in range(count(rates.saved_items)):
            moment = when()
            life.saved.append({"date": moment, "item": "https://www.linkedin.com/feed/update/"
                               f"urn:li:activity:{ids.at(moment)}"})
        for _ in range(count(rates.votes)):
            moment = when()
            life.votes.append({"date": moment, "link": "https://www.linkedin.com/feed/update/"
                               f"urn:li:ugcPost:{ids.at(moment)}",
                               "option": rng.choice(("Yes", "No ", "Option A", "Option B",
                                                     "Oui", "Non", "It depends"))})

        # relaying
        for _ in range(count_posts(rates.instant_reposts)):
            moment = when()
            life.reposts.append({"date": moment, "link": _feed_link("activity", ids.at(moment))})
        for _ in range(count_posts(rates.curated_shares)):
            moment = when()
            life.shares.append({
                "date": moment, "link": _feed_link("share", ids.at(moment)), "kind": "curated",
                "commentary": world_content.curated_comment(rng, lang) if world
                else content.curated_comment(rng, lang, topic),
                "shared_url": content.news_url(rng, topic, base, when=moment.date()),
                "media_url": None})
        for _ in range(count_posts(rates.commented_shares, writing)):
            moment = when()
            life.shares.append({
                "date": moment, "link": _feed_link("share", ids.at(moment)),
                "kind": "commented", "commentary": world_content.commented_reshare(rng, lang)
                if world else content.commented_reshare(rng, lang, topic),
                "shared_url": content.news_url(rng, topic, base, when=moment.date()),
                "media_url": None})

        # producing
        posts = count_posts(rates.original_posts, writing)
        news = 0  # one post of news (a new role) in an announcement month; a burst's posts
        if noise is not None:
            news = int(month[5:]) in noise.announcements
            posts += dict(noise.bursts).get(month, 0)
        for slot in range(posts + news):
            moment = _scheduled_moment(rng, month, slot) if rates.regular_schedule else when()
            moment = min(moment, end - timedelta(hours=1))
            if moment < registered:
                continue
            business = rng.random() < rates.business_share
            post_id = ids.at(moment)
            own_media = rng.random() < 0.3
            media_url = (f"https://media.licdn.com/dms/image/v2/D4E22AQ{post_id[-8:]}/"
                         f"feedshare-shrink_800/0/{post_id}" if own_media else None)
            mention = (strong_ties[rng.randrange(len(strong_ties))].name
                       if rng.random() < 0.15 else None)
            if slot >= posts:
                text = content.news_post(rng, base)
            elif world:
                text = world_content.original_post(rng, lang, business=business, mention=mention)
            else:
                text = content.original_post(rng, lang, topic, personal=True, business=business,
                                             mention=mention)
            life.shares.append({
                "date": moment, "link": _feed_link("ugcPost", post_id),
                "kind": "business" if business else "original", "commentary": text,
                "shared_url": None, "media_url": media_url})
            own_posts.append((moment, post_id))
            if own_media:
                life.media.append({"date": moment + timedelta(minutes=-3),
                                   "kind": rng.choice(("photo", "document", "feed document")),
                                   "link": media_url})
        substantive = rates.own_thread_replies == 0 and rates.comments >= 20
        for _ in range(count(rates.comments)):
            moment = when()
            mention = None
            if rng.random() < 0.35:
                first, last = contact_name()
                mention = f"{first} {last}"
            link = _feed_link(rng.choice(("activity", "ugcPost")), ids.at(moment))
            if world or substantive:  # a member who speaks in others' threads argues
                said = world_content.comment_text(rng, lang, mention=mention,
                                                  substantive=substantive)
            else:
                said = content.comment_text(rng, lang, mention=mention)
            life.comments.append({"date": moment, "link": link, "message": said,
                                  "reply": False})
        recent = [p for p in own_posts if p[0] >= month_start(month) - timedelta(days=45)]
        for _ in range(count(rates.own_thread_replies) if recent else 0):
            posted, post_id = rng.choice(recent)
            moment = posted + timedelta(minutes=rng.randint(20, 4000))
            if moment >= end:
                continue
            first, _last = contact_name()
            life.comments.append({
                "date": moment, "link": _feed_link("ugcPost", post_id),
                "message": world_content.comment_text(rng, lang, mention=first, reply=True)
                if world else content.comment_text(rng, lang, mention=first, reply=True),
                "reply": True})
        if rng.random() < rates.articles * scale * writing:
            moment = when()
            title, body = (world_content.article(rng, lang) if world
                           else content.article(rng, lang, topic))
            # LinkedIn appends a short code when a title's slug is already taken
            slug = f"{content.slugify(title)}-{persona.slug}-{rng.randrange(16**4):04x}"
            life.articles.append({"created": moment - timedelta(days=rng.randint(1, 6)),
                                  "published": moment, "title": title, "body": body,
                                  "slug": slug})
        if stage in ("producer", "power_networker") and rng.random() < 0.04:
            title, body = (world_content.article(rng, lang) if world
                           else content.article(rng, lang, topic))
            life.articles.append({"created": when(), "published": None, "title": title,
                                  "body": body, "slug": None})
        for _ in range(count(rates.events)):
            start = _scheduled_moment(rng, month, 1).replace(hour=16, minute=0, second=0)
            life.events.append({"name": world_content.event_name(rng, lang) if world
                                else content.event_name(rng, lang, topic), "start": start,
                                "end": start + timedelta(minutes=rng.choice((30, 45, 60))),
                                "status": "APPROVED",
                                "url": f"https://events.example.com/{ids.at(start)[-6:]}"})

        # messages
        for _ in range(count(rates.messages_friends)):
            moment = when()
            tie = rng.choice(strong_ties)
            message(moment, tie, sent=rng.random() < 0.5, kind="friend")
        recent_contacts = month_contacts or life.contacts[-10:]
        for _ in range(count(rates.messages_prospecting)):
            moment = when()
            prospect = rng.choice(recent_contacts)
            message(moment, prospect, sent=True, kind="prospect")
            if rng.random() < 0.3:
                message(moment + timedelta(hours=rng.randint(2, 60)), prospect, sent=False,
                        kind="colleague")
        for _ in range(count(rates.messages_inbound_leads)):
            moment = when()
            lead = new_contact(moment)
            message(moment, lead, sent=False, kind="inbound_lead")
            message(moment + timedelta(hours=rng.randint(1, 30)), lead, sent=True,
                    kind="colleague")
        if rng.random() < 0.08:  # sponsored InMail
            life.messages.append({
                "conversation_id": conversation(f"sponsored-{month}"),
                "title": "Sponsored Conversation", "from_name": "LinkedIn Member",
                "sender_url": None, "to_names": persona.full_name,
                "recipient_urls": life.me_url, "date": when(), "subject": None,
                "content": content.message_text(rng, "en", "recruiter"), "folder": "INBOX",
                "sent": False})
        if rng.random() < 0.05:
            first, last = contact_name()
            life.member_follows.append({"date": when(), "status": "Active",
                                        "name": f"{first} {last}"})
        if rng.random() < 0.04:
            life.company_follows.append({"date": when(), "name": content.company(rng)})
        if month_index == 0 or (stage != persona.stage_at(months[month_index - 1])):
            hashtag = rng.choice(content.TOPICS[topic]["hashtags"][base])  # type: ignore[index]
            life.hashtag_follows.append({"date": when(), "tag": str(hashtag).lstrip("#").lower()})
        if stage in ("producer", "power_networker") and rng.random() < 0.25:
            endorser = rng.choice(life.contacts)
            life.endorsements_received.append({
                "date": when(), "skill": rng.choice(persona.skills or ("Leadership",)),
                "first": endorser.first_name, "last": endorser.last_name,
                "url": endorser.url.removeprefix("https://")})
        if rng.random() < 0.03:
            endorsee = rng.choice(life.contacts)
            life.endorsements_given.append({
                "date": when(), "skill": "Communication", "first": endorsee.first_name,
                "last": endorsee.last_name, "url": endorsee.url.removeprefix("https://")})
        if stage == "power_networker" and rng.random() < 0.06:
            author = rng.choice(life.contacts)
            life.recommendations.append({
                "date": when(), "first": author.first_name, "last": author.last_name,
                "company": author.job_at(end)[0], "title": author.job_at(end)[1],
                "text": content.comment_text(rng, base)})
        if rng.random() < 0.05:
            life.learning.append({"date": when(), "completed": rng.random() < 0.5,
                                  "title": content.event_name(rng, base, topic)})
        if rng.random() < 0.5:
            life.logins.append(when())
    for shared in life.shares:
        shared.setdefault("visibility", "MEMBER_NETWORK")
    return life


def _feed_link(kind: str, post_id: str) -> str:
    return f"https://www.linkedin.com/feed/update/urn%3Ali%3A{kind}%3A{post_id}"


# --- writing an archive -------------------------------------------------------------------


@dataclass(frozen=True)
class Layout:
    """Which file layouts LinkedIn used on a given export date."""

    month: str

    @property
    def old(self) -> bool:  # 2018-style archive
        return self.month < "2020-01"

    @property
    def connections(self) -> str:
        return "2018" if self.old else ("2021" if self.month < "2024-01" else "2024")

    @property
    def shares(self) -> str:
        if self.old:
            return "2018"
        if self.month < "2024-06":
            return "2021"
        return "2024" if self.month < "2025-01" else "2025"

    @property
    def comments(self) -> str:
        return "2021" if self.month < "2025-01" else "2025"

    @property
    def messages(self) -> str:
        if self.old:
            return "2018"
        return "2021" if self.month < "2023-01" else "2025"

    @property
    def crlf(self) -> str:
        return "\r\n" if self.month < "2025-01" else "\n"


@dataclass
class Archive:
    """A written archive: file name → bytes, plus what it should read back as."""

    persona: Persona
    month: str
    files: dict[str, bytes]
    truth: dict[str, str]
    expected: dict[str, list[Record]]  # dataset → the records written, in order

    @property
    def zip_name(self) -> str:
        moment = export_moment(self.month)
        kind = "Basic" if self.persona.archive == "basic" else "Complete"
        return f"{kind}_LinkedInDataExport_{moment:%m-%d-%Y}.zip"

    def write_folder(self, folder: Path) -> None:
        for name, data in sorted(self.files.items()):
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)

    def zip_bytes(self) -> bytes:
        buffer = io.BytesIO()
        stamp = export_moment(self.month).timetuple()[:6]
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in sorted(self.files.items()):
                info = zipfile.ZipInfo(name, date_time=stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, data)
        return buffer.getvalue()

    def truth_json(self) -> str:
        return json.dumps({"persona": self.persona.id, "export": self.month,
                           "months": self.truth}, indent=1, sort_keys=False) + "\n"


def build_archive(persona_id: str, *, seed: int = 0, until: str | None = None,
                  scale: float = 1.0) -> Archive:
    """The archive of `persona_id` as exported in month `until` (default: its own export)."""
    if persona_id not in PERSONAS:
        raise SampleError(f"unknown persona {persona_id!r}; known: {', '.join(PERSONAS)}")
    persona = PERSONAS[persona_id]
    month = until or persona.exported
    if len(month) != 7 or month[4] != "-" or not (month[:4] + month[5:]).isdigit() \
            or not "01" <= month[5:] <= "12":
        raise SampleError(f"--until must be a month like 2024-06, not {month!r}")
    if month < persona.registered[:7]:
        raise SampleError(f"{persona_id} registered in {persona.registered[:7]}: "
                          f"nothing to export in {month}")
    if month > persona.exported:
        raise SampleError(f"{persona_id}'s story ends in {persona.exported}; "
                          f"--until can be at most that")
    if not 0 < scale <= 1000:
        raise SampleError("--scale must be between 0 and 1000")
    return archive_of(persona, month, seed=seed, scale=scale)


def archive_of(persona: Persona, month: str, *, seed: int = 0, scale: float = 1.0) -> Archive:
    """The archive of any `persona` (a scripted one, or one made up by synth/cohort.py) as
    exported in `month`, checked by the caller to lie between its registration and its own
    export."""
    life = simulate(persona, seed, scale)
    expected: dict[str, list[Record]] = {}
    files = _write_files(life, Layout(month), export_moment(month), expected)
    truth = {m: persona.stage_at(m) for m in months_between(persona.registered[:7], month)}
    return Archive(persona, month, files, truth, expected)


def _before(items: list[Record], cutoff: datetime, key: str = "date") -> list[Record]:
    kept = [item for item in items if item[key] is not None and item[key] < cutoff]
    return sorted(kept, key=lambda item: item[key], reverse=True)


def _write_files(life: Life, layout: Layout, cutoff: datetime,
                 expected: dict[str, list[Record]]) -> dict[str, bytes]:
    """Every file of the archive; `expected` receives the records of the main datasets."""
    persona = life.persona
    files: dict[str, bytes] = {}
    nl = layout.crlf
    basic = persona.archive == "basic"

    # Connections, newest first, as of the export date.
    contacts = sorted((c for c in life.contacts if c.connected_on < cutoff
                       and (c.removed_on is None or c.removed_on >= cutoff)),
                      key=lambda c: c.connected_on, reverse=True)
    rows: list[Record] = []
    for contact in contacts:
        company, position = contact.job_at(cutoff)
        if contact.ghost:
            rows.append({"connected_on": contact.connected_on})
            continue
        rows.append({"first_name": contact.first_name, "last_name": contact.last_name,
                     "url": contact.url, "email": contact.email, "company": company,
                     "position": position + (" " if len(position) % 7 == 0 else ""),
                     "connected_on": contact.connected_on})
    files["Connections.csv"] = writers.connections_bytes(rows, layout.connections)
    expected["connections"] = rows

    # Profile and registration
    headline = content.headline(random.Random(f"{persona.id}:{layout.month}"), _base(persona),
                                persona.stage_at(layout.month))
    if layout.old:
        files["Profile.csv"] = writers.csv_bytes(
            ("First Name", "Last Name", "Maiden Name", "Address", "Birth Date",
             "Contact Instructions", "Headline", "Summary", "Industry", "Country", "Zip Code",
             "Geo Location", "Twitter Handles", "Websites", "Instant Messengers"),
            [[persona.first_name, persona.last_name, None, None, None, None, headline,
              content.summary(random.Random(persona.id), _base(persona)), persona.industry,
              persona.location.split(", ")[-1], None, persona.location, None, None, None]])
        files["Registration.csv"] = writers.csv_bytes(
            ("Registration Date", "Registration IP Address", "Invited by (First Name)",
             "Invited by (Last Name)", "Subscription Types"),
            [[writers.us_short(datetime.fromisoformat(persona.registered).replace(hour=9,
                                                                                 minute=12)),
              "192.0.2.10", None, None, None]])
    else:
        files["Profile.csv"] = writers.csv_bytes(
            ("First Name", "Last Name", "Maiden Name", "Address", "Birth Date", "Headline",
             "Summary", "Industry", "Zip Code", "Geo Location", "Twitter Handles", "Websites",
             "Instant Messengers"),
            [[persona.first_name, persona.last_name, None, None, None, headline,
              content.summary(random.Random(persona.id), _base(persona)), persona.industry, None,
              persona.location, None, None, None]])
        files["Registration.csv"] = writers.csv_bytes(
            ("Registered At", "Registration Ip", "Subscription Types"),
            [[writers.us_short(datetime.fromisoformat(persona.registered).replace(hour=9,
                                                                                 minute=12)),
              "192.0.2.20", None]])
        files["Profile Summary.csv"] = b"Profile Summary\n\n"

    # Career
    position_rows = [
        [p.company, p.title, p.description or None, p.location or None,
         _month_label(p.started), _month_label(p.finished) if p.finished and
         p.finished <= layout.month else None]
        for p in sorted(persona.positions, key=lambda p: p.started, reverse=True)
        if p.started <= layout.month
    ]
    files["Positions.csv"] = writers.csv_bytes(
        ("Company Name", "Title", "Description", "Location", "Started On", "Finished On"),
        position_rows)
    school, start, finish, degree = persona.school
    files["Education.csv"] = writers.csv_bytes(
        ("School Name", "Start Date", "End Date", "Notes", "Degree Name", "Activities"),
        [[school, start, finish, None, degree, None]])
    files["Skills.csv"] = writers.csv_bytes(("Name",), [[s] for s in persona.skills])

    # Invitations: LinkedIn only keeps about the last six months of them.
    recent = cutoff - timedelta(days=183)
    invitations = [i for i in _before(life.invitations, cutoff) if i["date"] >= recent]
    invitation_rows = []
    for inv in invitations:
        me, other = persona.full_name, str(inv["other"])
        sender, receiver = (other, me) if inv["incoming"] else (me, other)
        row = [sender, receiver, writers.us_short(inv["date"]), inv["message"],
               "INCOMING" if inv["incoming"] else "OUTGOING"]
        if layout.month >= "2023-01":
            row += [inv["other_url"] if inv["incoming"] else life.me_url,
                    life.me_url if inv["incoming"] else inv["other_url"]]
        invitation_rows.append(row)
    header = ["From", "To", "Sent At", "Message", "Direction"]
    if layout.month >= "2023-01":
        header += ["inviterProfileUrl", "inviteeProfileUrl"]
    files["Invitations.csv"] = writers.csv_bytes(header, invitation_rows)

    # Messages (Messages.csv in 2018)
    messages = _before(life.messages, cutoff)
    files["Messages.csv" if layout.old else "messages.csv"] = writers.messages_bytes(
        messages, layout.messages)
    expected["messages"] = messages
    expected["invitations"] = invitations
    files["Email Addresses.csv"] = writers.csv_bytes(
        ("Email Address", "Confirmed", "Primary", "Updated On"),
        [[f"{persona.slug.replace('-', '.')}@example.com", "Yes", "Yes",
          writers.us_short(datetime.fromisoformat(persona.registered))]])

    articles = [a for a in life.articles if a["created"] < cutoff]
    expected["articles"] = articles
    article_folder = "Articles/" if layout.month < "2025-01" else "Articles/Articles/"
    for art in articles:
        published = art["published"] if art["published"] and art["published"] < cutoff else None
        slug = art["slug"] if published else None
        name = writers.article_filename(slug=slug, created=art["created"], title=str(art["title"]))
        files[article_folder + name] = writers.article_html(
            title=str(art["title"]), body_html=str(art["body"]), created=art["created"],
            published=published, slug=slug,
            era="2018" if layout.old else "2025").encode("utf-8")

    if basic:
        return files

    # Activity
    shares = _before(life.shares, cutoff)
    files["Shares.csv"] = writers.shares_bytes(shares, layout.shares)
    expected["shares"] = shares
    if layout.old:
        files["Logins.csv"] = writers.csv_bytes(
            ("Login Date", "IP Address", "User Agent", "Login Type"),
            [[writers.slash_utc(m), "192.0.2.30", "Mozilla/5.0", "WEB"]
             for m in sorted((m for m in life.logins if m < cutoff), reverse=True)],
            quote_all=True, delimiter="\t", encoding="utf-16-le", final_newline=False)
        media = [m for m in _before(life.media, cutoff)]
        files["Videos.csv"] = writers.csv_bytes(
            ("Description", "Link"), [[str(m["kind"]), m["link"]] for m in media])
        return files

    files["Logins.csv"] = writers.csv_bytes(
        ("Login Date", "IP Address", "User Agent", "Login Type"),
        [[writers.java_date(m), "192.0.2.30", "Mozilla/5.0", "WEB"]
         for m in sorted((m for m in life.logins if m < cutoff), reverse=True)])
    expected["comments"] = _before(life.comments, cutoff)
    expected["reactions"] = _before(life.reactions, cutoff)
    expected["votes"] = _before(life.votes, cutoff)
    files["Comments.csv"] = writers.comments_bytes(expected["comments"], layout.comments)
    files["Reactions.csv"] = writers.csv_bytes(
        ("Date", "Type", "Link"),
        [[writers.iso_seconds(r["date"]), r["type"], r["link"]]
         for r in _before(life.reactions, cutoff)], line_ending=nl)
    files["Votes.csv"] = writers.csv_bytes(
        ("Date", "Link", "OptionText"),
        [[writers.iso_seconds(v["date"]), v["link"], v["option"]]
         for v in _before(life.votes, cutoff)], line_ending=nl)
    if layout.month >= "2025-01":
        expected["reposts"] = _before(life.reposts, cutoff)
        files["InstantReposts.csv"] = writers.csv_bytes(
            ("Date", "Link"), [[writers.iso_seconds(r["date"]), r["link"]]
                               for r in _before(life.reposts, cutoff)])
        files["Rich_Media.csv"] = writers.csv_bytes(
            ("Date/Time", "Media Description", "Media Link"),
            [[writers.upload_sentence(str(m["kind"]), m["date"]), " -", m["link"]]
             for m in _before(life.media, cutoff)])
        files["Events.csv"] = writers.csv_bytes(
            ("Event Name", "Event Time", "Status", "External Url"),
            [[e["name"], writers.event_range(e["start"], e["end"]), e["status"], e["url"]]
             for e in _before(life.events, cutoff, "start")])
    else:
        files["Rich Media.csv"] = writers.csv_bytes(
            ("Type", "Link"), [[str(m["kind"]), m["link"]] for m in _before(life.media, cutoff)])
    files["Saved_Items.csv"] = writers.csv_bytes(
        ("savedItem", "CreatedTime" if layout.month >= "2025-01" else "createdTime"),
        [[s["item"], writers.iso_seconds(s["date"])] for s in _before(life.saved, cutoff)],
        line_ending=nl)
    files["Company Follows.csv"] = writers.csv_bytes(
        ("Organization", "Followed On"),
        [[f["name"], writers.java_date(f["date"])] for f in _before(life.company_follows, cutoff)],
        final_newline=False)
    files["Member_Follows.csv"] = writers.csv_bytes(
        ("Date", "Status", "FullName"),
        [[writers.iso_seconds(f["date"]), f["status"], f["name"]]
         for f in _before(life.member_follows, cutoff)], line_ending=nl)
    files["Hashtag_Follows.csv"] = writers.csv_bytes(
        ("HashTag", "CreatedTime", "LastModifiedTime", "State"),
        [[f["tag"], writers.iso_seconds(f["date"]), writers.iso_seconds(f["date"]), "Follow"]
         for f in _before(life.hashtag_follows, cutoff)], line_ending=nl)
    files["Endorsement_Received_Info.csv"] = writers.csv_bytes(
        ("Endorsement Date", "Skill Name", "Endorser First Name", "Endorser Last Name",
         "Endorser Public Url", "Endorsement Status"),
        [[writers.slash_utc(e["date"]), e["skill"], e["first"], e["last"], e["url"], "ACCEPTED"]
         for e in _before(life.endorsements_received, cutoff)])
    files["Endorsement_Given_Info.csv"] = writers.csv_bytes(
        ("Endorsement Date", "Skill Name", "Endorsee First Name", "Endorsee Last Name",
         "Endorsee Public Url", "Endorsement Status"),
        [[writers.slash_utc(e["date"]), e["skill"], e["first"], e["last"], e["url"], "ACCEPTED"]
         for e in _before(life.endorsements_given, cutoff)])
    files["Recommendations_Received.csv"] = writers.csv_bytes(
        ("First Name", "Last Name", "Company", "Job Title", "Text", "Creation Date", "Status"),
        [[r["first"], r["last"], r["company"], r["title"], r["text"],
          writers.us_short(r["date"], pad_hour=True), "VISIBLE"]
         for r in _before(life.recommendations, cutoff)])
    files["Learning.csv"] = writers.csv_bytes(
        ("Content Title", "Content Description", "Content Type",
         "Content Last Watched Date (if viewed)", "Content Completed At (if completed)",
         "Content Saved", "Notes taken on videos (if taken)", ""),
        [[entry["title"], "N/A", "Course", f"{entry['date']:%Y-%m-%d %H:%M} UTC",
          f"{entry['date']:%Y-%m-%d %H:%M} UTC" if entry["completed"] else "N/A", "false",
          "N/A", None] for entry in _before(life.learning, cutoff)])
    files["SearchQueries.csv"] = writers.csv_bytes(
        ("Time", "Search Query"),
        [[writers.slash_utc(m), q] for m, q in zip(
            sorted((m for m in life.logins if m < cutoff), reverse=True)[:40],
            ("data governance", "webinar", "product analytics", "recruteur", "Lyon"),
            strict=False)])
    return files


def _month_label(month: str | None) -> str | None:
    if month is None:
        return None
    return date(int(month[:4]), int(month[5:7]), 1).strftime("%b %Y")


@dataclass(frozen=True)
class SamplePaths:
    """Where a sample goes: the archive (folder or .zip), its truth file and, with
    `sample --analytics`, its workbook, all beside each other."""

    archive: Path
    truth: Path
    workbook: Path
    as_zip: bool


# What a sample folder holds: CSV files and the articles' HTML, in at most two folders.
_SAMPLE_FILE_SUFFIXES = (".csv", ".html")
_SAMPLE_MAX_DEPTH = 3  # Articles/Articles/x.html
_TRUTH_MAX_BYTES = 1_000_000


def sample_paths(target: Path, *, as_zip: bool = False) -> SamplePaths:
    """The paths `write_sample(…, target, as_zip=…)` writes."""
    base = Path(target)
    if base.name in ("", ".", ".."):
        base = Path(os.path.abspath(base))
    if base.suffix.lower() == ".zip":
        base = base.with_name(base.name[:-4])
    if not base.name:
        raise SampleError(f"{target}: give a folder name for the sample")
    archive = base.with_name(f"{base.name}.zip") if as_zip else base
    return SamplePaths(archive, base.with_name(f"{base.name}.truth.json"),
                       base.with_name(f"{base.name}.analytics.xlsx"), as_zip)


def _lstat(path: Path) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise SampleError(f"{path}: cannot be checked ({exc.strerror or exc})") from None


def _is_our_truth_file(path: Path) -> bool:
    """Whether `path` is a truth file as `write_sample` writes it: a small regular file of
    JSON with exactly `persona` (a known one), `export` (a month) and `months` (month →
    stage). Its text is not compared byte for byte: an older version of the generator must
    still be recognised, so that regenerating after changing it works."""
    info = _lstat(path)
    if info is None or not stat.S_ISREG(info.st_mode) or info.st_size > _TRUTH_MAX_BYTES:
        return False
    try:
        with open(path, "rb") as stream:
            doc = json.loads(stream.read(_TRUTH_MAX_BYTES + 1).decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return False
    if not isinstance(doc, dict) or set(doc) != {"persona", "export", "months"}:
        return False
    months = doc["months"]
    return (doc["persona"] in PERSONAS and isinstance(doc["export"], str)
            and _is_month(doc["export"]) and isinstance(months, dict)
            and all(_is_month(m) and s in STAGES for m, s in months.items()))


def _is_month(text: object) -> bool:
    return (isinstance(text, str) and len(text) == 7 and text[4] == "-"
            and (text[:4] + text[5:]).isdigit() and "01" <= text[5:] <= "12")


def _sample_folder_listing(folder: Path) -> tuple[list[Path], list[Path]] | str:
    """The files and folders (deepest first) of an earlier sample folder, or why `folder`
    does not look like one: anything but CSV/HTML regular files in plain folders (no link,
    FIFO, device, socket), or folders nested deeper than a sample's."""
    files: list[Path] = []
    folders: list[Path] = []
    pending = [(folder, 1)]
    while pending:
        current, depth = pending.pop()
        try:
            entries = list(os.scandir(current))
        except OSError as exc:
            return f"{current} cannot be listed ({exc.strerror or exc})"
        for entry in entries:
            path = Path(entry.path)
            if entry.is_dir(follow_symlinks=False):
                if depth >= _SAMPLE_MAX_DEPTH:
                    return f"it holds the folder {path.relative_to(folder)}"
                folders.append(path)
                pending.append((path, depth + 1))
            elif entry.is_file(follow_symlinks=False) and entry.name.endswith(
                    _SAMPLE_FILE_SUFFIXES):
                files.append(path)
            else:
                return f"it holds {path.relative_to(folder)}, which a sample does not write"
    folders.sort(key=lambda p: len(p.parts), reverse=True)
    return files, folders


def _is_empty_folder(path: Path) -> bool:
    try:
        with os.scandir(path) as entries:
            return next(entries, None) is None
    except OSError as exc:
        raise SampleError(f"{path}: cannot be listed ({exc.strerror or exc})") from None


def _zip_looks_like_sample(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return all(name.endswith(_SAMPLE_FILE_SUFFIXES) for name in archive.namelist())
    except (OSError, zipfile.BadZipFile, ValueError):
        return False


def check_sample_target(target: Path, *, as_zip: bool = False,
                        analytics: bool = False) -> SamplePaths:
    """The paths a sample would write at `target`, or a SampleError if writing there could
    destroy anything the tool did not write.

    An earlier sample is recognised by its truth file (`NAME.truth.json`, see
    `_is_our_truth_file`) AND by its contents: a folder of only CSV/HTML regular files in
    plain folders, or a zip of only such members. Without that truth file, the folder must
    be absent or empty and the .zip, truth file and workbook must not exist. Whatever
    exists must also be of the right type (a folder for the folder, regular files for the
    others; symbolic links are refused, never followed)."""
    paths = sample_paths(target, as_zip=as_zip)
    parent = paths.archive.parent
    parent_info = _lstat(parent) if str(parent) else None
    if parent_info is not None and not stat.S_ISDIR(os.stat(parent).st_mode):
        raise SampleError(f"{parent} is not a folder: the sample cannot be written in it")
    ours = _is_our_truth_file(paths.truth)
    hint = "choose a new or empty folder"
    checks = [(paths.truth, "regular file"),
              (paths.archive, "regular file" if as_zip else "folder")]
    if analytics:
        checks.append((paths.workbook, "regular file"))
    for path, kind in checks:
        info = _lstat(path)
        if info is None:
            continue
        if stat.S_ISLNK(info.st_mode):
            raise SampleError(f"{path} is a symbolic link: the sample is not written "
                              f"through it; {hint}")
        wanted = stat.S_ISDIR if kind == "folder" else stat.S_ISREG
        if not wanted(info.st_mode):
            raise SampleError(f"{path} exists and is not a {kind}: {hint}")
        if kind == "folder":
            if not ours:  # then it must be empty (looked at without walking it)
                if _is_empty_folder(path):
                    continue
                raise SampleError(f"{path} is not empty and is not a sample written by "
                                  f"linkedin-stages (no sample truth file {paths.truth.name} "
                                  f"beside it): nothing was written; {hint}")
            listing = _sample_folder_listing(path)
            if isinstance(listing, str):
                raise SampleError(f"{path} is not a sample written by linkedin-stages "
                                  f"({listing}): nothing was written; {hint}")
        elif not ours:
            raise SampleError(f"{path} exists and is not part of a sample written by "
                              f"linkedin-stages (no truth file beside it): {hint}")
        elif path == paths.archive and not _zip_looks_like_sample(path):
            raise SampleError(f"{path} is not a sample archive written by linkedin-stages: "
                              f"{hint}")
    return paths


def write_sample(persona_id: str, target: Path, *, seed: int = 0, until: str | None = None,
                 scale: float = 1.0, as_zip: bool = False) -> tuple[Path, Path, Archive]:
    """Write the archive (a folder, or a .zip) and its truth file beside it; returns both paths.

    Refuses (SampleError) a target that is not new, empty or an earlier sample
    (`check_sample_target`). Written atomically: the folder into a temporary sibling renamed
    into place (an earlier sample is moved aside first, then removed file by file), files
    through `safe_output.write_atomically`. Whatever fails or interrupts it (exception,
    Ctrl-C, SIGTERM) leaves no temporary file or folder behind."""
    paths = check_sample_target(target, as_zip=as_zip)
    archive = build_archive(persona_id, seed=seed, until=until, scale=scale)
    out = paths.archive
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SampleError(f"{out.parent}: cannot create the folder "
                          f"({exc.strerror or exc})") from None
    if as_zip:
        write_atomically(out, archive.zip_bytes(), what="the sample archive")
    else:
        _write_folder_atomically(archive, out)
    write_atomically(paths.truth, archive.truth_json().encode("utf-8"),
                     what="the truth file")
    return out, paths.truth, archive


def _write_folder_atomically(archive: Archive, out: Path) -> None:
    """`archive` as the folder `out` (absent, empty or an earlier sample, as checked).

    Steps: write a temporary sibling; move an earlier sample aside (into an empty temporary
    sibling); move the new one into place; remove the earlier one's listed files. The
    cleanup, run on any failure or signal, undoes whichever step was reached."""
    state: dict[str, object] = {}  # "new", "aside": temporary folders; "old": the listing

    def cleanup() -> None:
        new, aside, old = state.pop("new", None), state.pop("aside", None), state.pop("old", None)
        if isinstance(aside, Path):
            if not os.path.lexists(out):
                try:
                    os.replace(aside, out)  # the earlier sample back in place
                except OSError:
                    pass
            elif isinstance(old, tuple):  # the new one is in place: finish removing
                _remove_tree(aside, *old)
            else:
                _remove_tree(aside, [], [])
        if isinstance(new, Path):
            shutil.rmtree(new, ignore_errors=True)  # ours alone

    with removed_on_termination(cleanup, out, "the sample"):
        try:
            with signals_blocked():
                state["new"] = new = Path(tempfile.mkdtemp(dir=out.parent, prefix=TEMP_PREFIX))
            archive.write_folder(new)
            os.chmod(new, 0o777 & ~_umask())  # as mkdir would (mkdtemp gives 0o700)
            earlier = _sample_folder_listing(out) if out.is_dir() else None
            if isinstance(earlier, str):  # changed since it was checked
                raise SampleError(f"{out} is not a sample written by linkedin-stages "
                                  f"({earlier}): nothing was written")
            if earlier is None or earlier == ([], []):
                os.replace(new, out)  # over an empty folder: allowed by rename(2)
                state.pop("new")
                return
            with signals_blocked():
                state["aside"] = aside = Path(tempfile.mkdtemp(dir=out.parent,
                                                               prefix=TEMP_PREFIX))
            os.replace(out, aside)  # `aside` is empty: rename(2) replaces it
            with signals_blocked():
                os.replace(new, out)
                state.pop("new")
                files, folders = earlier
                state["old"] = ([aside / p.relative_to(out) for p in files],
                                [aside / p.relative_to(out) for p in folders])
            cleanup()  # removes the earlier sample, now aside
        except OSError as exc:
            cleanup()
            raise SampleError(f"{out}: cannot write the sample ({exc.strerror or exc})"
                              ) from None
        except BaseException:
            cleanup()
            raise


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def _remove_tree(root: Path, files: list[Path], folders: list[Path]) -> None:
    """Remove an earlier sample moved aside: only the regular files and folders listed when
    it was checked, deepest first. Anything else that appeared meanwhile is kept (and so is
    the folder holding it): the tool never deletes what it did not write."""
    for path in files:
        try:
            if stat.S_ISREG(os.lstat(path).st_mode):
                os.unlink(path)
        except OSError:
            pass
    for path in [*folders, root]:
        try:
            os.rmdir(path)
        except OSError:
            pass
