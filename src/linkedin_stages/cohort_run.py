"""Reading many exports for `cohort`: which exports a folder holds, the per-member step run
in worker processes (or on a Dask cluster), and the group built from what comes back.

The per-member step is `read_member`: a module-level function from one export's path to
its `CohortMember` (or an `Unreadable` with the reason), pure apart from reading that
export, so any executor can run it. Here two run it:

* `run_local`: a `concurrent.futures.ProcessPoolExecutor` (the default): each worker reads
  one export at a time and returns only its small rows, so memory stays bounded by one
  export per worker (an export's frames are freed before the next is read). Workers are
  not recycled: `max_tasks_per_child` deadlocks the pool on Python 3.11 when a worker
  retires with tasks still queued (CPython gh-115634, fixed in 3.12.3);
* `run_dask`: the same function mapped on a Dask distributed cluster (`pip install
  'linkedin-stages[dask]'`), for a cohort that outgrows one machine; the paths must be
  readable from the workers (a shared file system).

No scheduler of our own: ordering, retries and fault tolerance are the executors'.
"""

from __future__ import annotations

import multiprocessing
import os
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .analysis.cohort import Cohort, CohortMember, Unreadable, build_cohort, member_from_export
from .analysis.thresholds import DEFAULTS, Thresholds
from .downloads import EXPORT_MARKERS, csv_keys, exports_inside
from .errors import ExportError, LinkedInStagesError
from .export import load_export
from .i18n.notices import Notice
from .safe_output import safe_label

SEARCH_DEPTH = 3  # team/<member>/<export>/ is two levels down; one more for slack
Progress = Callable[[int], None]  # called with 1 after each export


@dataclass(frozen=True)
class Job:
    """One export to read: its path and the label the page and outputs show."""

    path: str
    label: str


def _label(path: Path, root: Path) -> str:
    try:
        relative = path.relative_to(root)
    except ValueError:
        relative = Path(path.name)
    text = relative.as_posix()
    return safe_label(text if text != "." else path.name)


def discover(paths: Sequence[Path]) -> tuple[list[Job], list[Unreadable]]:
    """The exports meant by `paths`: each path is an export (a folder of LinkedIn files or a
    .zip), or a folder of exports (down to `SEARCH_DEPTH` levels: one folder or zip per
    export, a member's several dated exports side by side). An export found both zipped and
    unzipped beside itself is read once (the folder). A path with no export is listed as
    unreadable, and the rest go on."""
    jobs: list[Job] = []
    problems: list[Unreadable] = []
    seen: set[str] = set()

    def add(path: Path, label: str) -> None:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            jobs.append(Job(str(path), label))

    for path in paths:
        try:
            mode = os.stat(path).st_mode
        except OSError as exc:
            problems.append(Unreadable(safe_label(str(path)),
                                       Notice("cohort_missing", error=exc.strerror or str(exc))))
            continue
        if not stat.S_ISDIR(mode):
            add(path, safe_label(path.name))  # a zip (the reader says if it is not one)
            continue
        if csv_keys(path) & EXPORT_MARKERS:  # an export itself, as resolve_export says
            add(path, safe_label(path.name))
            continue
        found = exports_inside(path, depth=SEARCH_DEPTH)
        folders = {(f.path.parent, f.path.name) for f in found if f.path.suffix.lower() != ".zip"}
        chosen = [f for f in found if f.path.suffix.lower() != ".zip"
                  or (f.path.parent, f.path.stem) not in folders]
        strays = _stray_zips(path, {f.path for f in found})
        problems.extend(Unreadable(_label(stray, path), Notice("cohort_not_an_export"))
                        for stray in strays)
        if not chosen and not strays:
            problems.append(Unreadable(safe_label(str(path)), Notice("cohort_no_export")))
        for export in chosen:
            add(export.path, _label(export.path, path))
    return jobs, problems


def _stray_zips(folder: Path, found: set[Path], depth: int = SEARCH_DEPTH) -> list[Path]:
    """The .zip files in `folder` (as deep as exports are looked for) that are not exports
    (damaged, or something else): listed, so a member's broken download is not silently
    left out of the team."""
    strays: list[Path] = []
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError:
        return strays
    for entry in entries:
        path = Path(entry.path)
        if entry.name.startswith(".") or entry.is_symlink() or path in found:
            continue
        if entry.is_dir(follow_symlinks=False):
            if depth > 1:
                strays.extend(_stray_zips(path, found, depth - 1))
        elif entry.name.lower().endswith(".zip"):
            strays.append(path)
    return strays


def read_member(job: Job, thresholds: Thresholds = DEFAULTS) -> CohortMember | Unreadable:
    """The per-member step: one export read and reduced to its cohort rows, or the reason
    it could not be (a bad export never stops the others)."""
    try:
        export = load_export(job.path)
        return member_from_export(export, label=job.label, thresholds=thresholds)
    except LinkedInStagesError as exc:
        return Unreadable(job.label, safe_label(str(exc)))
    except MemoryError:
        return Unreadable(job.label, Notice("cohort_memory"))
    except Exception as exc:  # noqa: BLE001 — one member's bug must not lose the others
        return Unreadable(job.label, Notice("cohort_unexpected",
                                            error=safe_label(f"{type(exc).__name__}: {exc}")))


def _gather(results: Iterable[CohortMember | Unreadable],
            problems: Sequence[Unreadable]) -> Cohort:
    members: list[CohortMember] = []
    unreadable = list(problems)
    for result in results:
        (unreadable if isinstance(result, Unreadable) else members).append(result)  # type: ignore[arg-type]
    return build_cohort(members, unreadable)


def run_local(jobs: Sequence[Job], problems: Sequence[Unreadable] = (), *, workers: int = 0,
              thresholds: Thresholds = DEFAULTS, progress: Progress | None = None) -> Cohort:
    """Every job through `read_member` in `workers` processes (0: one per core, never more
    than the jobs; 1: in this process, no pool), results in the jobs' order."""
    count = min(workers or os.cpu_count() or 1, max(len(jobs), 1))
    if count <= 1:
        return _gather(_counted((read_member(job, thresholds) for job in jobs), progress),
                       problems)
    # spawn, not fork: polars' thread pool does not survive a fork
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
        futures = [pool.submit(read_member, job, thresholds) for job in jobs]
        return _gather(_counted((future.result() for future in futures), progress), problems)


def _counted(results: Iterable[CohortMember | Unreadable],
             progress: Progress | None) -> Iterator[CohortMember | Unreadable]:
    """`results` as they come, `progress` told of each."""
    for result in results:
        yield result
        if progress:
            progress(1)


def run_dask(jobs: Sequence[Job], problems: Sequence[Unreadable] = (), *, scheduler: str,
             thresholds: Thresholds = DEFAULTS, progress: Progress | None = None,
             client: Any = None) -> Cohort:
    """Every job through `read_member` on a Dask distributed cluster: `scheduler` is its
    address (`tcp://host:8786`) or "local" for a `LocalCluster` on this machine; `client`,
    an existing `distributed.Client` (tests). Results come back in the jobs' order."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise ExportError(Notice("cohort_no_dask")) from None
    own = client is None
    cluster = None
    if own:
        try:
            if scheduler == "local":
                cluster = LocalCluster(processes=True, threads_per_worker=1,
                                       dashboard_address=None)
                client = Client(cluster)
            else:
                client = Client(scheduler, timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise ExportError(Notice("cohort_dask_unreachable", scheduler=safe_label(scheduler),
                                     error=safe_label(str(exc)))) from None
    try:
        futures = client.map(read_member, list(jobs), thresholds=thresholds, pure=False)
        if progress:
            for _ in as_completed(futures):
                progress(1)
        results = client.gather(futures)
    finally:
        if own:
            client.close()
            if cluster is not None:
                cluster.close()
    return _gather(results, problems)
