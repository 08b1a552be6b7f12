"""Who the member is: profile, registration, career, skills, endorsements, recommendations."""

from __future__ import annotations

import polars as pl

from ..csvread import ReadNotes
from ..i18n.notices import Notice
from .base import FREE, ID, MONTH, TIMESTAMP, Column, DatasetSpec, ReadContext, full_name


def _add_full_name(frame: pl.DataFrame, notes: ReadNotes, ctx: ReadContext) -> pl.DataFrame:
    return frame.with_columns(full_name())


PROFILE = DatasetSpec(
    name="profile",
    filename="Profile.csv",
    keys=("profile",),
    signatures=(frozenset({"firstname", "lastname", "headline"}),),
    columns=(
        Column("first_name", ("firstname",)),
        Column("last_name", ("lastname",)),
        Column("maiden_name", ("maidenname",)),
        Column("birth_date", ("birthdate",)),  # `Feb 17, 1998` or month-day only `Jan 7`
        Column("headline", ("headline",), FREE),
        Column("summary", ("summary",), FREE),
        Column("industry", ("industry",)),
        Column("country", ("country",)),
        Column("location", ("geolocation", "location")),
        Column("websites", ("websites",)),
        Column("twitter", ("twitterhandles",)),
    ),
    derived={"full_name": pl.String},
    order=("first_name", "last_name", "full_name", "maiden_name", "birth_date", "headline",
           "summary", "industry", "country", "location", "websites", "twitter"),
    describe="your name, headline and summary",
    finish=_add_full_name,
    variant=lambda h, n: "2018 layout" if "country" in h else "2024 layout",
)

REGISTRATION = DatasetSpec(
    name="registration",
    filename="Registration.csv",
    keys=("registration",),
    signatures=(frozenset({"registrationdate"}), frozenset({"registeredat"})),
    columns=(
        # The registration IP address is deliberately not read: nothing needs it.
        Column("registered_at", ("registeredat", "registrationdate"), TIMESTAMP,
               ("%m/%d/%y, %I:%M %p",)),
        Column("subscription_types", ("subscriptiontypes",), ID),
        Column("invited_by_first_name", ("invitedbyfirstname",)),
        Column("invited_by_last_name", ("invitedbylastname",)),
    ),
    time_column="registered_at",
    describe="when you joined LinkedIn",
    variant=lambda h, n: "2018 layout" if "registrationdate" in h else "Registered At (2024 on)",
)

POSITIONS = DatasetSpec(
    name="positions",
    filename="Positions.csv",
    keys=("positions",),
    signatures=(frozenset({"companyname", "title"}),),
    columns=(
        Column("company", ("companyname",)),
        Column("title", ("title",)),
        Column("description", ("description",), FREE),
        Column("location", ("location",)),
        Column("started_on", ("startedon", "startdate"), MONTH),
        Column("finished_on", ("finishedon", "enddate"), MONTH),
    ),
    time_column="started_on",
    describe="the positions on your profile",
)

EDUCATION = DatasetSpec(
    name="education",
    filename="Education.csv",
    keys=("education",),
    signatures=(frozenset({"schoolname"}),),
    columns=(
        Column("school", ("schoolname",)),
        Column("start_date", ("startdate", "startedon"), MONTH),
        Column("end_date", ("enddate", "finishedon"), MONTH),
        Column("notes", ("notes",), FREE),
        Column("degree", ("degreename",)),
        Column("activities", ("activities",), FREE),
    ),
    time_column="start_date",
    describe="the schools on your profile",
)

SKILLS = DatasetSpec(
    name="skills",
    filename="Skills.csv",
    keys=("skills",),
    signatures=(frozenset({"name"}),),
    columns=(Column("name", ("name",)),),
    describe="the skills on your profile",
)


def _endorsement_finish(frame: pl.DataFrame, notes: ReadNotes, ctx: ReadContext) -> pl.DataFrame:
    # LinkedIn writes these URLs without a scheme (`www.linkedin.com/in/…`).
    no_scheme = pl.col("url").is_not_null() & ~pl.col("url").str.contains(r"(?i)^https?://")
    count = int(frame.select(no_scheme.sum()).item()) if frame.height else 0
    notes.repaired(Notice("readers_repair_profile_urls"), count)
    return frame.with_columns(
        full_name(),
        pl.when(no_scheme).then(pl.lit("https://") + pl.col("url")).otherwise(pl.col("url"))
        .alias("url"),
    )


def _endorsements(name: str, filename: str, role: str, key: str,
                  describe: str) -> DatasetSpec:
    return DatasetSpec(
        name=name,
        filename=filename,
        keys=(key,),
        signatures=(frozenset({"endorsementdate", "skillname"}),),
        columns=(
            Column("timestamp", ("endorsementdate",), TIMESTAMP, ("%Y/%m/%d %H:%M:%S UTC",)),
            Column("skill", ("skillname",)),
            Column("first_name", (f"{role}firstname",)),
            Column("last_name", (f"{role}lastname",)),
            Column("url", (f"{role}publicurl",), ID),
            Column("status", ("endorsementstatus",), ID),
        ),
        derived={"full_name": pl.String},
        order=("timestamp", "skill", "first_name", "last_name", "full_name", "url", "status"),
        time_column="timestamp",
        describe=describe,
        finish=_endorsement_finish,
    )


ENDORSEMENTS_RECEIVED = _endorsements(
    "endorsements_received", "Endorsement_Received_Info.csv", "endorser",
    "endorsementreceivedinfo", "skill endorsements received")
ENDORSEMENTS_GIVEN = _endorsements(
    "endorsements_given", "Endorsement_Given_Info.csv", "endorsee", "endorsementgiveninfo",
    "skill endorsements you gave")


def _recommendations(name: str, filename: str, key: str, describe: str) -> DatasetSpec:
    return DatasetSpec(
        name=name,
        filename=filename,
        keys=(key,),
        signatures=(frozenset({"firstname", "lastname", "text"}),),
        columns=(
            Column("first_name", ("firstname",)),
            Column("last_name", ("lastname",)),
            Column("company", ("company",)),
            Column("job_title", ("jobtitle",)),
            Column("text", ("text",), FREE),
            Column("timestamp", ("creationdate",), TIMESTAMP, ("%m/%d/%y, %I:%M %p",)),
            Column("status", ("status",), ID),
        ),
        derived={"full_name": pl.String},
        order=("first_name", "last_name", "full_name", "company", "job_title", "text",
               "timestamp", "status"),
        time_column="timestamp",
        describe=describe,
        finish=_add_full_name,
    )


RECOMMENDATIONS_RECEIVED = _recommendations(
    "recommendations_received", "Recommendations_Received.csv", "recommendationsreceived",
    "recommendations you received")
RECOMMENDATIONS_GIVEN = _recommendations(
    "recommendations_given", "Recommendations_Given.csv", "recommendationsgiven",
    "recommendations you wrote")
