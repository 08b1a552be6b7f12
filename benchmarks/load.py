"""Load benchmark: `load_export` against a bare `polars.read_csv` of the same files, and the
cost of building the timeline on top.

Generates (once, cached in benchmarks/out/) a large current-era archive — 30,000 connections,
300,000 messages, 100,000 reactions, 20,000 comments, 5,000 shares — then times, each in a
fresh process and side by side in this one run:

  * bare:  `pl.read_csv` of every CSV file (what the tool cannot go below), and
  * load:  `linkedin_stages.load_export` of the folder and of the zip.

Prints the median of several runs, the ratio load/bare, and each process's peak memory.
Usage: python benchmarks/load.py [--runs 5] [--scale 1.0]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"

BARE = r"""
import json, resource, sys, time, glob, polars as pl
files = sorted(glob.glob(sys.argv[1] + "/*.csv"))
start = time.perf_counter()
rows = 0
for path in files:
    # What a peer tool does: skip the Connections preamble, tolerate ragged Comments rows.
    skip = 3 if path.endswith("Connections.csv") else 0
    frame = pl.read_csv(path, infer_schema=False, skip_rows=skip, truncate_ragged_lines=True)
    rows += frame.height
elapsed = time.perf_counter() - start
print(json.dumps({"seconds": elapsed, "rows": rows,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

LOAD = r"""
import json, resource, sys, time
from linkedin_stages import load_export
start = time.perf_counter()
export = load_export(sys.argv[1])
elapsed = time.perf_counter() - start
rows = sum(report.rows for report in export.reports.values())
print(json.dumps({"seconds": elapsed, "rows": rows,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


TIMELINE = r"""
import json, resource, sys, time
from linkedin_stages import load_export
from linkedin_stages.analysis import analyze
start = time.perf_counter()
export = load_export(sys.argv[1])
loaded = time.perf_counter()
timeline = analyze(export)
elapsed = time.perf_counter() - loaded
print(json.dumps({"seconds": elapsed, "load": loaded - start, "rows": len(timeline.months),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _prepare(scale: float) -> tuple[Path, Path]:
    sys.path.insert(0, str(HERE.parent / "src"))
    from linkedin_stages.synth.bulk import BulkCounts, write_bulk_export

    counts = BulkCounts(
        connections=int(30_000 * scale), messages=int(300_000 * scale),
        reactions=int(100_000 * scale), comments=int(20_000 * scale), shares=int(5_000 * scale),
    )
    folder = OUT / f"bulk-x{scale:g}"
    archive = OUT / f"bulk-x{scale:g}.zip"
    if not (folder / "messages.csv").exists():
        print(f"generating {folder} …", file=sys.stderr)
        write_bulk_export(folder, counts)
    if not archive.exists():
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
            for path in sorted(folder.iterdir()):
                zipped.write(path, path.name)
    return folder, archive


def _run(code: str, target: Path, runs: int) -> dict[str, float]:
    results = []
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", code, str(target)], capture_output=True,
                              text=True, check=True)
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    summary = {
        "seconds": statistics.median(r["seconds"] for r in results),
        "peak_mb": max(r["peak_mb"] for r in results),
        "rows": results[0]["rows"],
    }
    if "load" in results[0]:
        summary["load"] = statistics.median(r["load"] for r in results)
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    folder, archive = _prepare(args.scale)
    size_mb = sum(p.stat().st_size for p in folder.glob("*.csv")) / 1e6
    bare = _run(BARE, folder, args.runs)
    rows = [("bare pl.read_csv (folder)", bare)]
    rows.append(("load_export (folder)", _run(LOAD, folder, args.runs)))
    rows.append(("load_export (zip)", _run(LOAD, archive, args.runs)))
    timeline = _run(TIMELINE, folder, args.runs)
    print(f"archive: {size_mb:.1f} MB of CSV, {bare['rows']:,} rows; median of {args.runs} runs")
    print(f"{'what':28} {'seconds':>8} {'× bare':>7} {'peak MB':>8} {'rows':>9}")
    for label, result in rows:
        ratio = result["seconds"] / bare["seconds"]
        print(f"{label:28} {result['seconds']:8.3f} {ratio:7.2f} {result['peak_mb']:8.0f} "
              f"{result['rows']:9,}")
    share = timeline["seconds"] / timeline["load"]
    print(f"analyze (timeline + plan) after load: {timeline['seconds']:.3f} s = {share:.2f} × that "
          f"process's load ({timeline['load']:.3f} s), {timeline['rows']} months, "
          f"peak {timeline['peak_mb']:.0f} MB")


if __name__ == "__main__":
    main()
