"""Speed benchmark: `analyze` against the cost of just reading the files, at any archive size.

Times, side by side in one run and each in a fresh process:

  * the import floor (polars, jinja2, click, matplotlib's Figure and SVG backend) and a bare
    `python -c "import click"`; `linkedin-stages --help`;
  * `linkedin-stages analyze` end to end on a small archive (sample_exports/climber) and on a
    stress archive (the generator's climber at --scale 70, >= 130 MB of CSV, cached in
    benchmarks/out/), and its stages (imports, load, timeline, charts + view model, render,
    write) measured in one process through the library API;
  * a bare `polars.read_csv` and a bare `pandas.read_csv` of the same CSV files (what most
    peer tools do before any analysis);
  * `linkedin-stages compare` of two stress exports of the same member (--until 2023-06 and
    the full one).

Rounds are interleaved (every program once, then again) so that load from other processes on
the machine falls on all programs alike. Each figure is the median of --runs rounds: the wall
time seen from this process (interpreter start-up and imports included), the time the child
measured itself (time.perf_counter, imports excluded) and peak memory (the process's maximum
resident set size, from os.wait4).
Prints one table and the targets' ratios with PASS/MISS. Needs the `bench` extra (pandas):
    pip install -e '.[bench]' && python benchmarks/run.py [--runs 5] [--scale 70]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
SMALL = ROOT / "sample_exports" / "climber"
MIN_STRESS_MB = 130.0
OLD_UNTIL = "2023-06"

# Children print one JSON line (their own measurements) as their last line of output.
IMPORT_FLOOR = ("import polars, jinja2, click; from matplotlib.figure import Figure; "
                "import matplotlib.backends.backend_svg")
IMPORT_CLICK = "import click"

BARE_POLARS = r"""
import glob, json, sys, time
start = time.perf_counter()
import polars as pl
imported = time.perf_counter()
rows = unquoted = 0
for path in sorted(glob.glob(sys.argv[1] + "/*.csv")):
    skip = 3 if path.endswith("Connections.csv") else 0
    options = dict(infer_schema=False, skip_rows=skip, truncate_ragged_lines=True)
    try:
        rows += pl.read_csv(path, **options).height
    except pl.exceptions.ComputeError:
        # 2025-era Comments.csv (backslash-escaped quotes) is refused: read it unquoted.
        rows += pl.read_csv(path, quote_char=None, **options).height
        unquoted += 1
done = time.perf_counter()
print(json.dumps({"import": imported - start, "read": done - imported, "rows": rows,
                  "unquoted": unquoted}))
"""

BARE_PANDAS = r"""
import glob, json, sys, time
start = time.perf_counter()
import pandas as pd
imported = time.perf_counter()
rows = 0
for path in sorted(glob.glob(sys.argv[1] + "/*.csv")):
    skip = 3 if path.endswith("Connections.csv") else 0
    rows += len(pd.read_csv(path, dtype=str, on_bad_lines="skip", engine="c", skiprows=skip))
done = time.perf_counter()
print(json.dumps({"import": imported - start, "read": done - imported, "rows": rows}))
"""

# analyze's stages through the library API, as cli.analyze and render.build_report run them.
STAGES = r"""
import json, sys, time
marks = [time.perf_counter()]
from linkedin_stages import load_export
from linkedin_stages.analysis import analyze
from linkedin_stages.analysis.report_data import analyze_for_report
from linkedin_stages.report import render
from linkedin_stages.report.draw import drawn
from linkedin_stages.report.viewmodel import build_view
marks.append(time.perf_counter())
export = load_export(sys.argv[1])
marks.append(time.perf_counter())
timeline = analyze(export)
marks.append(time.perf_counter())
data = analyze_for_report(export, timeline, zone=render.check_zone("UTC"))
view = drawn(build_view(data, lang="en"))
marks.append(time.perf_counter())
html = render.environment().get_template("report.html.j2").render(view=view, t=view.t)
marks.append(time.perf_counter())
render.write_report(html, sys.argv[2])
marks.append(time.perf_counter())
names = ["imports", "load", "timeline", "view", "render", "write"]
print(json.dumps({name: b - a for name, a, b in zip(names, marks, marks[1:])}))
"""

STAGE_LABELS = {
    "imports": "imports (linkedin_stages, polars)",
    "load": "load_export",
    "timeline": "analyze (timeline, plan)",
    "view": "report analysis + view model + charts (imports matplotlib)",
    "render": "render (Jinja2 template)",
    "write": "write_report",
}


@dataclass
class Program:
    key: str
    label: str
    argv: list[str]
    walls: list[float] = field(default_factory=list)
    peaks: list[float] = field(default_factory=list)
    inside: list[dict[str, float]] = field(default_factory=list)

    def wall(self) -> float:
        return statistics.median(self.walls)

    def peak_mb(self) -> float:
        return statistics.median(self.peaks)

    def part(self, name: str) -> float:
        return statistics.median(run[name] for run in self.inside)


def _cli() -> list[str]:
    script = Path(sys.executable).with_name("linkedin-stages")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "linkedin_stages"]


def _csv_mb(folder: Path) -> float:
    return sum(path.stat().st_size for path in folder.glob("*.csv")) / 1e6


def _stress(scale: float, until: str | None) -> Path:
    """The climber's archive at `scale` (as exported in `until`), generated once, cached."""
    name = f"climber-x{scale:g}" + (f"-{until}" if until else "")
    folder = OUT / name
    marker = OUT / f"{name}.done"
    if not marker.exists():
        print(f"generating {folder} (about a minute) …", file=sys.stderr, flush=True)
        shutil.rmtree(folder, ignore_errors=True)
        OUT.mkdir(parents=True, exist_ok=True)
        argv = [*_cli(), "sample", "climber", str(folder), "--scale", f"{scale:g}"]
        if until:
            argv += ["--until", until]
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
        marker.write_text(f"{_csv_mb(folder):.1f} MB of CSV\n", encoding="utf-8")
    return folder


def _measure(program: Program, scratch: Path) -> None:
    """Run `program` once in a fresh process: wall time seen from here, peak RSS (wait4)."""
    out_path = scratch / f"{program.key}.out"
    with open(out_path, "wb") as stdout, open(scratch / f"{program.key}.err", "wb") as stderr:
        start = time.perf_counter()
        child = subprocess.Popen(program.argv, stdout=stdout, stderr=stderr,
                                 stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        error = (scratch / f"{program.key}.err").read_text(encoding="utf-8", errors="replace")
        raise SystemExit(f"{program.label} failed (exit {child.returncode}):\n{error[-2000:]}")
    program.walls.append(wall)
    program.peaks.append(usage.ru_maxrss / 1024)  # KiB on Linux
    lines = out_path.read_text(encoding="utf-8").strip().splitlines()
    if lines and lines[-1].startswith("{"):
        program.inside.append(json.loads(lines[-1]))


def _machine() -> str:
    memory = ""
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            kib = int(meminfo.readline().split()[1])
        memory = f", {kib / 2**20:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    versions = subprocess.run(
        [sys.executable, "-c", "import polars, pandas, matplotlib; print(polars.__version__, "
         "pandas.__version__, matplotlib.__version__)"],
        capture_output=True, text=True, check=True).stdout.split()
    return (f"{os.cpu_count()} cores ({platform.machine()}){memory}, Python "
            f"{platform.python_version()}, polars {versions[0]}, pandas {versions[1]}, "
            f"matplotlib {versions[2]}")


def _verdict(ratio: float, limit: float) -> str:
    return "PASS" if ratio <= limit else "MISS"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="rounds (median of them)")
    parser.add_argument("--scale", type=float, default=70.0,
                        help="the stress archive's scale (must give >= 130 MB of CSV)")
    args = parser.parse_args()

    stress = _stress(args.scale, None)
    older = _stress(args.scale, OLD_UNTIL)
    small_mb, stress_mb = _csv_mb(SMALL), _csv_mb(stress)
    if stress_mb < MIN_STRESS_MB:
        raise SystemExit(f"the stress archive has {stress_mb:.0f} MB of CSV, under "
                         f"{MIN_STRESS_MB:.0f} MB: raise --scale")

    cli = _cli()
    py = sys.executable
    reports = OUT / "reports"
    reports.mkdir(parents=True, exist_ok=True)

    def analyze(archive: Path, name: str) -> list[str]:
        return [*cli, "analyze", str(archive), "-o", str(reports / f"{name}.html"), "-q",
                "--tz", "UTC"]

    programs = [
        Program("click", 'python -c "import click"', [py, "-c", IMPORT_CLICK]),
        Program("help", "linkedin-stages --help", [*cli, "--help"]),
        Program("floor", "import floor (polars, jinja2, click, mpl)", [py, "-c", IMPORT_FLOOR]),
        Program("polars_small", "polars.read_csv, small", [py, "-c", BARE_POLARS, str(SMALL)]),
        Program("pandas_small", "pandas.read_csv, small", [py, "-c", BARE_PANDAS, str(SMALL)]),
        Program("analyze_small", "analyze, small", analyze(SMALL, "small")),
        Program("stages_small", "analyze stages (library), small",
                [py, "-c", STAGES, str(SMALL), str(reports / "stages-small.html")]),
        Program("polars_stress", "polars.read_csv, stress", [py, "-c", BARE_POLARS, str(stress)]),
        Program("pandas_stress", "pandas.read_csv, stress", [py, "-c", BARE_PANDAS, str(stress)]),
        Program("analyze_stress", "analyze, stress", analyze(stress, "stress")),
        Program("stages_stress", "analyze stages (library), stress",
                [py, "-c", STAGES, str(stress), str(reports / "stages-stress.html")]),
        Program("compare", f"compare stress {OLD_UNTIL} vs full",
                [*cli, "compare", str(older), str(stress)]),
    ]
    by_key = {program.key: program for program in programs}

    with tempfile.TemporaryDirectory(prefix="bench-") as scratch:
        for round_ in range(args.runs):
            print(f"round {round_ + 1}/{args.runs} …", file=sys.stderr, flush=True)
            for program in programs:
                _measure(program, Path(scratch))

    print(f"{time.strftime('%Y-%m-%d')}, {_machine()}")
    print(f"small: {SMALL.relative_to(ROOT)} ({small_mb:.1f} MB of CSV); stress: "
          f"{stress.relative_to(ROOT)} ({stress_mb:.1f} MB of CSV; compare's older export "
          f"{_csv_mb(older):.1f} MB); median of {args.runs} rounds, each program a fresh "
          f"process")
    print()
    print("| what | wall s | inside s | peak MiB |")
    print("|---|---:|---:|---:|")

    def row(label: str, wall: str, inside: str, peak: str) -> None:
        print(f"| {label} | {wall} | {inside} | {peak} |")

    for program in programs:
        inside = ""
        if program.inside and "read" in program.inside[0]:
            inside = f"{program.part('read'):.3f} read"
        row(program.label, f"{program.wall():.3f}", inside, f"{program.peak_mb():.0f}")
        if program.key.startswith("stages_"):
            for name, label in STAGE_LABELS.items():
                row(f"&nbsp;&nbsp;{label}", "", f"{program.part(name):.3f}", "")

    small, big = by_key["analyze_small"], by_key["analyze_stress"]
    polars_small, polars_stress = by_key["polars_small"], by_key["polars_stress"]
    growth_analyze = big.wall() - small.wall()
    growth_polars = polars_stress.part("read") - polars_small.part("read")
    pandas = by_key["pandas_stress"]
    peak = max(by_key[key].peak_mb() for key in ("analyze_stress", "stages_stress", "compare"))
    targets = [
        ("Growth: extra analyze time (stress - small) / extra polars read time",
         growth_analyze / growth_polars, 3.0, 1.5,
         f"{growth_analyze:.2f} s / {growth_polars:.2f} s"),
        ("Fixed cost: analyze small / import floor",
         small.wall() / by_key["floor"].wall(), 2.5, 1.5,
         f"{small.wall():.2f} s / {by_key['floor'].wall():.2f} s"),
        ("Peers: analyze stress / bare pandas read of its files (both whole processes)",
         big.wall() / pandas.wall(), 1.5, 1.0,
         f"{big.wall():.2f} s / {pandas.wall():.2f} s (pandas' read alone "
         f"{pandas.part('read'):.2f} s: {big.wall() / pandas.part('read'):.2f}×)"),
        ("Memory: peak RSS on the stress archive (analyze, stages, compare) / 1.5 GB",
         peak / 1536, 1.0, None, f"{peak:.0f} MiB"),
        ("--help / python -c 'import click'",
         by_key["help"].wall() / by_key["click"].wall(), 2.0, None,
         f"{by_key['help'].wall():.3f} s / {by_key['click'].wall():.3f} s"),
    ]
    print()
    print("| target | measured | ratio | at most (aim) | |")
    print("|---|---|---:|---:|---|")
    for label, ratio, limit, aim, detail in targets:
        goal = f"{limit:g}" + (f" ({aim:g})" if aim is not None else "")
        print(f"| {label} | {detail} | {ratio:.2f} | {goal} | {_verdict(ratio, limit)} |")
    unquoted = polars_stress.inside[0].get("unquoted", 0)
    if unquoted:
        print()
        print(f"polars.read_csv refused {unquoted} file(s) (2025-era Comments.csv, backslash-"
              f"escaped quotes): read again with quote_char=None, as a peer tool would have to.")


if __name__ == "__main__":
    main()
