"""A scripted team for `linkedin-stages sample --cohort N DIR`: N invented members, each with
a stage story drawn from a population shaped like the article's (most stay present, fewer
relay, fewer still produce, a few become power networkers, some fall back), written as one
export per member (folders and zips), some members with an older export too (snapshots),
and the truth of every member's every month in `DIR/cohort.truth.json`.

Members are the scripted personas' lives with another name, another registration, another
story of stages: `generate.archive_of` draws each month from the stage the story gives, so
the truth is exact. Same N and seed, same bytes.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import stat
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import SampleError
from ..months import month_count, plus_months
from ..safe_output import TEMP_PREFIX, write_atomically
from . import content, world_content
from .generate import Archive, archive_of
from .personas import PERSONAS, Persona

TRUTH_NAME = "cohort.truth.json"
MAX_MEMBERS = 2000
EXPORTED = "2026-10"  # the team's newest exports (the committed samples' month)

# (share of the population, the stages a story goes through). A member's story stops early
# when their export comes first.
ARCS: tuple[tuple[float, tuple[str, ...]], ...] = (
    (0.50, ("present",)),
    (0.17, ("present", "relay")),
    (0.12, ("present", "relay", "producer")),
    (0.06, ("present", "producer")),
    (0.07, ("present", "relay", "producer", "power_networker")),
    (0.04, ("present", "relay", "present")),  # tried relaying, went back to reading
    (0.04, ("present", "producer", "relay")),  # wrote, then only passed things on
)
# A template persona per language: its positions, topics and noise; never its story.
TEMPLATES = {"en": "climber", "fr": "consultante", "es": "consultora", "pt": "empreendedora",
             "de": "entwicklerin"}
LANG_WEIGHTS = (("en", 0.5), ("fr", 0.2), ("es", 0.1), ("pt", 0.1), ("de", 0.1))


@dataclass(frozen=True)
class WrittenCohort:
    members: int
    exports: int
    truth: dict[str, object]  # the truth file's document


@dataclass(frozen=True)
class CohortMemberPlan:
    persona: Persona
    folder: str  # the member's folder in DIR
    exports: tuple[tuple[str, bool], ...]  # (month, as zip), oldest first


def _name(rng: random.Random, lang: str, taken: set[tuple[str, str]]) -> tuple[str, str]:
    source = world_content if lang in world_content.LANGS else content
    for _ in range(50):
        name = source.person_name(rng, lang)
        if name not in taken:
            taken.add(name)
            return name
    first, last = source.person_name(rng, lang)  # a crowded team: a middle initial
    name = (f"{first} {chr(65 + len(taken) % 26)}.", last)
    taken.add(name)
    return name


def _story(rng: random.Random, registered: str, exported: str) -> tuple[tuple[str, str], ...]:
    stages = rng.choices([arc for _, arc in ARCS], weights=[w for w, _ in ARCS])[0]
    phases = [(registered, stages[0])]
    start = registered
    for stage in stages[1:]:
        # a stage lasts 12 to 40 months: long enough for the rules to see it
        start = plus_months(start, rng.randint(12, 40))
        if month_count(start, exported) < 10:
            break
        phases.append((start, stage))
    return tuple(phases)


def plan_cohort(count: int, seed: int = 0) -> list[CohortMemberPlan]:
    """Who the `count` members are, their stories and which exports each has."""
    if not 1 <= count <= MAX_MEMBERS:
        raise SampleError(f"--cohort must be between 1 and {MAX_MEMBERS} members")
    rng = random.Random(f"linkedin-stages:cohort:{seed}:{count}")
    taken: set[tuple[str, str]] = set()
    plans = []
    for index in range(1, count + 1):
        lang = rng.choices([lang for lang, _ in LANG_WEIGHTS],
                           weights=[w for _, w in LANG_WEIGHTS])[0]
        first, last = _name(rng, lang, taken)
        registered_month = plus_months("2014-01", rng.randrange(0, 114))  # 2014 … mid-2023
        registered = f"{registered_month}-{rng.randint(1, 28):02d}"
        exported = plus_months(EXPORTED, -rng.choice((0, 0, 0, 0, 1, 2, 4, 7)))
        template = PERSONAS[TEMPLATES[lang]]
        persona = replace(
            template, id=f"cohort-{seed}-{index:04d}", first_name=first, last_name=last,
            registered=registered, exported=exported,
            phases=_story(rng, registered_month, exported), behaviours=(),
            archive="basic" if rng.random() < 0.04 else "complete",
            story="A member of a scripted team (sample --cohort).")
        exports = [(exported, rng.random() < 0.4)]
        span = month_count(registered_month, exported)
        if span > 30 and rng.random() < 0.15:  # an older export kept: a snapshot
            exports.insert(0, (plus_months(exported, -rng.randint(12, span - 12)),
                               rng.random() < 0.5))
        slug = f"{first}-{last}".lower().replace(" ", "-").replace(".", "")
        plans.append(CohortMemberPlan(persona, f"{index:03d}-{slug}", tuple(exports)))
    return plans


def _truth(plans: list[CohortMemberPlan], archives: dict[str, list[tuple[str, Archive]]],
           seed: int) -> dict[str, object]:
    members = []
    for plan in plans:
        written = archives[plan.folder]
        newest = written[-1][1]
        members.append({
            "folder": plan.folder, "name": plan.persona.full_name, "lang": plan.persona.lang,
            "archive": plan.persona.archive, "registered": plan.persona.registered,
            "exports": [{"path": path, "export": archive.month} for path, archive in written],
            "phases": [list(p) for p in plan.persona.phases],
            "months": newest.truth,
        })
    return {"kind": "linkedin-stages.cohort-truth/1", "seed": seed, "count": len(plans),
            "members": members}


def is_cohort_sample(folder: Path) -> bool:
    """Whether `folder` holds a cohort sample we wrote (its truth file, our kind)."""
    truth = folder / TRUTH_NAME
    try:
        info = os.lstat(truth)
        if not stat.S_ISREG(info.st_mode) or info.st_size > 200_000_000:
            return False
        doc = json.loads(truth.read_bytes())
    except (OSError, ValueError, RecursionError):
        return False
    return isinstance(doc, dict) and doc.get("kind") == "linkedin-stages.cohort-truth/1"


def check_cohort_target(target: Path) -> None:
    """Refuse (SampleError) a target that is neither new, nor empty, nor a cohort sample."""
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise SampleError(f"{target}: cannot be checked ({exc.strerror or exc})") from None
    if not stat.S_ISDIR(info.st_mode):
        raise SampleError(f"{target} exists and is not a folder; give a new or empty folder")
    if any(True for _ in os.scandir(target)) and not is_cohort_sample(target):
        raise SampleError(f"{target} is not empty and holds no cohort sample; give a new "
                          "or empty folder (nothing was written)")


def write_cohort(target: Path, count: int, *, seed: int = 0) -> WrittenCohort:
    """Write the team into `target` (new, empty, or an earlier cohort sample, replaced):
    built in a temporary sibling folder and renamed into place, so an interruption leaves
    the old folder or nothing."""
    check_cohort_target(target)
    plans = plan_cohort(count, seed)
    parent = target.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SampleError(f"{parent}: cannot create the folder ({exc.strerror or exc})") from None
    staging = parent / f"{TEMP_PREFIX}cohort-{os.getpid()}-{random.randrange(16**8):08x}"
    aside = None
    try:
        staging.mkdir()
        archives: dict[str, list[tuple[str, Archive]]] = {}
        for plan in plans:
            written = archives.setdefault(plan.folder, [])
            for month, as_zip in plan.exports:
                archive = archive_of(plan.persona, month, seed=seed)
                name = archive.zip_name if as_zip else archive.zip_name[:-4]
                place = staging / plan.folder / name
                place.parent.mkdir(parents=True, exist_ok=True)
                if as_zip:
                    place.write_bytes(archive.zip_bytes())
                else:
                    archive.write_folder(place)
                written.append((f"{plan.folder}/{name}", archive))
        truth = _truth(plans, archives, seed)
        write_atomically(staging / TRUTH_NAME,
                         (json.dumps(truth, indent=1, ensure_ascii=False) + "\n").encode(),
                         what="the truth file")
        if target.exists():
            aside = parent / f"{TEMP_PREFIX}old-{staging.name[len(TEMP_PREFIX):]}"
            os.replace(target, aside)
        os.replace(staging, target)
    except OSError as exc:
        raise SampleError(f"{target}: cannot write the cohort ({exc.strerror or exc})") from None
    finally:  # also on Ctrl-C: the earlier sample back in place if the new one is not
        shutil.rmtree(staging, ignore_errors=True)
        if aside is not None:
            if not target.exists():
                os.replace(aside, target)
            else:
                shutil.rmtree(aside, ignore_errors=True)
    return WrittenCohort(len(plans), sum(len(p.exports) for p in plans), truth)
