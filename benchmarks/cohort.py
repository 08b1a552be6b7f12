"""Cohort benchmark: `linkedin-stages cohort` on a generated team against running
`linkedin-stages timeline` once per member, side by side in one run.

Generates once (cached in benchmarks/out/cohort-N, with a `.done` marker) a scripted team
with `linkedin-stages sample --cohort N` (default 200 members; some have an older export
too, so there are a few more exports than members). Then, alternating round by round:

* `cohort TEAM --format parquet --workers W` (one process and its pool of W workers);
* `timeline EXPORT --format json` once per export, one after the other (what a user does
  without the cohort command), and the same two at a time (both cores busy, a fair fight
  on a 2-core machine).

Prints the wall time, exports per second, and the peak memory: for `cohort`, the peak of
the sum of the resident sets of the process and its workers (sampled every 20 ms from
/proc); for the per-member runs, the largest single `timeline` process (os.wait4).

Usage: python benchmarks/cohort.py [--members 200] [--workers 2] [--runs 1]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
CLI = [sys.executable, "-m", "linkedin_stages"]


def _team(members: int) -> Path:
    folder = OUT / f"cohort-{members}"
    if not (OUT / f"cohort-{members}.done").exists():
        shutil.rmtree(folder, ignore_errors=True)
        OUT.mkdir(exist_ok=True)
        subprocess.run([*CLI, "sample", "--cohort", str(members), str(folder)], check=True)
        (OUT / f"cohort-{members}.done").write_text("ok\n")
    return folder


def _exports(team: Path) -> list[Path]:
    sys.path.insert(0, str(HERE.parent / "src"))
    from linkedin_stages.cohort_run import discover

    jobs, problems = discover([team])
    assert not problems, problems
    return [Path(job.path) for job in jobs]


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree(root: int) -> list[int]:
    """`root` and its descendants, from /proc's parent ids."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    ppid = int(stat.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            parents.setdefault(ppid, []).append(int(entry))
    out, pending = [], [root]
    while pending:
        pid = pending.pop()
        out.append(pid)
        pending.extend(parents.get(pid, ()))
    return out


def _cohort(team: Path, workers: int, out: Path) -> tuple[float, float]:
    """Wall seconds and peak MiB (summed over the process tree) of one cohort run."""
    start = time.perf_counter()
    process = subprocess.Popen([*CLI, "cohort", str(team), "--format", "parquet", "-o",
                                str(out), "-q", "--workers", str(workers)])
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, sum(_rss_kib(pid) for pid in _tree(process.pid)))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    code = process.wait()
    done.set()
    sampler.join()
    if code:
        raise SystemExit(f"cohort failed ({code})")
    return time.perf_counter() - start, peak / 1024


def _timelines(exports: list[Path], parallel: int) -> tuple[float, float]:
    """Wall seconds and the largest single process's peak MiB of `timeline` per export."""
    start = time.perf_counter()
    pending = list(exports)
    running: dict[int, Path] = {}
    peak = 0
    while pending or running:
        while pending and len(running) < parallel:
            export = pending.pop()
            process = subprocess.Popen([*CLI, "timeline", str(export)],
                                       stdout=subprocess.DEVNULL)
            running[process.pid] = export
        pid, status, usage = os.wait4(-1, 0)
        if pid in running:
            if os.waitstatus_to_exitcode(status):
                raise SystemExit(f"timeline failed on {running[pid]}")
            del running[pid]
            peak = max(peak, usage.ru_maxrss)
    return time.perf_counter() - start, peak / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--members", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    team = _team(args.members)
    exports = _exports(team)
    print(f"team: {args.members} members, {len(exports)} exports, {os.cpu_count()} cores")
    results: dict[str, list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.runs):
            results.setdefault(f"cohort --workers {args.workers}", []).append(
                _cohort(team, args.workers, Path(tmp) / "team.parquet"))
            results.setdefault("timeline per export, 1 at a time", []).append(
                _timelines(exports, 1))
            results.setdefault("timeline per export, 2 at a time", []).append(
                _timelines(exports, 2))
    base = statistics.median(w for w, _ in results["timeline per export, 1 at a time"])
    print(f"{'':36} {'wall s':>8} {'exports/s':>10} {'peak MiB':>9} {'vs 1 at a time':>15}")
    for name, runs in results.items():
        wall = statistics.median(w for w, _ in runs)
        peak = max(p for _, p in runs)
        print(f"{name:36} {wall:8.1f} {len(exports) / wall:10.2f} {peak:9.0f} "
              f"{base / wall:14.2f}x")


if __name__ == "__main__":
    main()
